"""Text normalisation for matching quotes against articles, and search folding."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from functools import lru_cache

# Typographic forms that curators type plainly and articles print fancily.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_WORD = re.compile(r"\S+")


def normalise(text: str) -> str:
    """NFC, plain quotes and dashes, one space for every run of white space."""
    # `str.split` knows white space as `\s` does (every character `str.isspace` holds), in
    # a third of the time: each article of a repository is normalised whole.
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLD).split())


def normalise_with_map(text: str) -> tuple[str, Sequence[int]]:
    """`normalise(text)` and, for each of its characters, the index it came from in NFC(text).

    Cached: an article is matched against every quote that cites it, and a diff shows the
    context of each, so a long article must be normalised once per run, not once per quote.
    The result is shared; callers must not change it.
    """
    return _normalised_with_map(text)


@lru_cache(maxsize=64)
def _normalised_with_map(text: str) -> tuple[str, array[int]]:
    source = unicodedata.normalize("NFC", text).translate(_FOLD)
    words: list[str] = []
    where = array("q")  # 8 bytes an index, not a Python int object each
    for word in _WORD.finditer(source):
        if words:  # one space for the run of white space before the word, mapped to its end
            where.append(word.start() - 1)
        words.append(word.group())
        where.extend(range(word.start(), word.end()))
    return " ".join(words), where


def quote_in(quote: str, searched: str) -> bool:
    """Whether `quote` occurs in an article, after normalising both: `searched` is the
    article's text normalised once (`SourceFile.searched`)."""
    needle = normalise(quote)
    return bool(needle) and needle in searched


@lru_cache(maxsize=4096)  # a diff asks for the same quote's place once per view of it
def find_quote(quote: str, body: str) -> tuple[int, int] | None:
    """The span of `quote` in NFC(body), after normalising both; None when it is not there."""
    needle = normalise(quote)
    if not needle:
        return None
    haystack, where = normalise_with_map(body)
    start = haystack.find(needle)
    if start < 0:
        return None
    return where[start], where[start + len(needle) - 1] + 1


def quote_spans(
    quote: str, body: str, normalised: tuple[str, Sequence[int]] | None = None
) -> list[tuple[int, int]]:
    """Every span of `quote` in NFC(body), matched as `find_quote` matches (a caption printed
    twice holds the same quote twice). `normalised` is `normalise_with_map(body)`, for a caller
    that has it at hand."""
    needle = normalise(quote)
    if not needle:
        return []
    haystack, where = normalised or normalise_with_map(body)
    spans = []
    at = haystack.find(needle)
    while at >= 0:
        spans.append((where[at], where[at + len(needle) - 1] + 1))
        at = haystack.find(needle, at + len(needle))
    return spans


@lru_cache(maxsize=64)
def nfc(text: str) -> str:
    """NFC(text), the text `find_quote`'s spans index, cached as the spans' map is."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


SENTENCE_REACH = 2000  # characters looked at on each side of a quote for its sentence's ends


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (or line) holding body[start:end].

    The ends are looked for within SENTENCE_REACH characters of the quote: an article with no
    full stop for a megabyte would otherwise be scanned whole for every quote, and a sentence
    that long is cut where the reach ends.
    """
    low, high = max(0, start - SENTENCE_REACH), min(len(body), end + SENTENCE_REACH)
    left = max(body.rfind("\n", low, start), *(body.rfind(p, low, start) for p in (". ", "? ", "! ")))
    left = low if left < 0 else left + (1 if body[left] == "\n" else 2)
    stops = [
        i
        for i in (body.find("\n", end, high), *(body.find(p, end, high) for p in (". ", "? ", "! ")))
        if i >= 0
    ]
    right = min(stops) + (0 if stops and body[min(stops)] == "\n" else 1) if stops else high
    return left, right
