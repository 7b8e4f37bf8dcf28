"""Words that signal a qualifier, by language: "setidaknya 2.802" means at least 2,802.

A reporter reads a qualifier word as part of the phrase it opens: "more than 200 soldiers and
80 personnel" says "more than" of 200 only; "hand over the bodies of 100 soldiers" and "over
two days" qualify no figure at all. So a word counts only when the number it qualifies follows
it at once (one word may stand between: "lebih dari 2.000"), and words that are a verb's
particle or open a stretch of time are not qualifiers there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from comparator.numbers import Found, primary, read_numbers
from comparator.terms import Qualifier

_HINTS: dict[str, dict[str, Qualifier]] = {
    "id": {
        "setidaknya": Qualifier.AT_LEAST,
        "sedikitnya": Qualifier.AT_LEAST,
        "paling sedikit": Qualifier.AT_LEAST,
        "minimal": Qualifier.AT_LEAST,
        "lebih dari": Qualifier.MORE_THAN,
        "hampir": Qualifier.NEARLY,
        "sekitar": Qualifier.ABOUT,
        "kurang lebih": Qualifier.ABOUT,
        "kira-kira": Qualifier.ABOUT,
        "hingga": Qualifier.AT_MOST,
        "mencapai": Qualifier.AT_MOST,
        "bisa mencapai": Qualifier.AT_MOST,
        "kurang dari": Qualifier.LESS_THAN,
    },
    "en": {
        "at least": Qualifier.AT_LEAST,
        "more than": Qualifier.MORE_THAN,
        "over": Qualifier.MORE_THAN,
        "nearly": Qualifier.NEARLY,
        "almost": Qualifier.NEARLY,
        "about": Qualifier.ABOUT,
        "around": Qualifier.ABOUT,
        "some": Qualifier.ABOUT,
        "roughly": Qualifier.ABOUT,
        "up to": Qualifier.AT_MOST,
        "at most": Qualifier.AT_MOST,
        "fewer than": Qualifier.LESS_THAN,
        "less than": Qualifier.LESS_THAN,
    },
    "fr": {
        "au moins": Qualifier.AT_LEAST,
        "plus de": Qualifier.MORE_THAN,
        "près de": Qualifier.NEARLY,
        "presque": Qualifier.NEARLY,
        "environ": Qualifier.ABOUT,
        "jusqu'à": Qualifier.AT_MOST,
        "moins de": Qualifier.LESS_THAN,
    },
}
_HINTS["ms"] = _HINTS["id"]
_PATTERNS = {
    lang: re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    for lang, words in _HINTS.items()
}


# Verbs whose particle "over" or "about" is no quantity: "hand over", "took over", "talk about".
_PHRASAL = re.compile(
    r"(?:hand|hands|handed|handing|take|takes|took|taken|taking|turn|turns|turned|turning|"
    r"pass|passed|passing|give|gave|given|giving|get|got|come|came|bring|brought|talk|talked|"
    r"talks|talking|speak|spoke|spoken|think|thought|worry|worried|concern|concerned|argue|"
    r"argued|clash|clashed|fight|fought|fighting|rule|ruled|watch|watched|preside|presided|"
    r"pore|pored|mull|mulled|all)\s+$",
    re.IGNORECASE,
)
# "over two days", "over the past 24 hours": a stretch of time, not a figure above a number.
_TIME_SPAN = re.compile(
    r"\s*(?:[^\W\d_]+\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b",
    re.IGNORECASE,
)
_WORD_TIME = {"over", "about", "around", "some", "up to", "nearly", "almost", "hingga", "mencapai"}
# What may stand between a qualifier word and its number: nothing, or one word ("a", "lebih").
_BETWEEN = re.compile(r"\s*(?:[^\W\d_]+\s+)?")


@dataclass(frozen=True)
class Bound:
    """A qualifier word and the number it qualifies: text[start:end] is the word."""

    word: str
    qualifier: Qualifier
    start: int
    end: int
    number: Found


def qualifier_spans(text: str, language: str | None) -> list[tuple[int, int, str, Qualifier]]:
    """The qualifier words of `text`, each with its span, leaving out those that are a verb's
    particle ("hand over") or open a stretch of time ("over two days")."""
    lang = primary(language)
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return []
    table = _HINTS[lang]
    out = []
    for m in pattern.finditer(text):
        word = m.group(1).lower().replace("\u2019", "'")
        if word in _WORD_TIME and _opens_time_span(text, m.end(1), language):
            continue
        if lang == "en" and word in ("over", "about", "around") and _PHRASAL.search(text, 0, m.start(1)):
            continue
        out.append((m.start(1), m.end(1), m.group(1), table[word]))
    return out


def _opens_time_span(text: str, end: int, language: str | None) -> bool:
    number = _next_number(text, end, language)
    return number is not None and _TIME_SPAN.match(text, number.end) is not None


def _next_number(text: str, end: int, language: str | None) -> Found | None:
    """The number standing right after text[:end] (one word may come between), if any."""
    gap = _BETWEEN.match(text, end)
    at = gap.end() if gap else end
    window = text[at : at + 40]
    for found in read_numbers(window, language):
        if found.start == 0:
            return Found(found.value, found.start + at, found.end + at)
        break
    if gap and gap.end() > end:  # the number may be the word itself: "more than a dozen"
        for found in read_numbers(text[end : end + 40], language):
            if text[end : end + found.start].strip() == "":
                return Found(found.value, found.start + end, found.end + end)
            break
    return None


def _year_like(text: str, number: Found) -> bool:
    """A bare 1800-2100 written as four digits: "hingga 2022", "since 2020" name years."""
    written = text[number.start : number.end]
    return written.isdigit() and len(written) == 4 and 1800 <= number.value <= 2100


def bound_qualifiers(text: str, language: str | None) -> list[Bound]:
    """The qualifier words of `text` that stand before a number, each with that number."""
    out = []
    for start, end, word, qualifier in qualifier_spans(text, language):
        number = _next_number(text, end, language)
        if number is not None and not _year_like(text, number):
            out.append(Bound(word, qualifier, start, end, number))
    return out


def qualifier_words(quote: str, language: str | None) -> list[tuple[str, Qualifier]]:
    """The qualifier words in `quote` that qualify a number, each with the qualifier it signals."""
    return [(b.word, b.qualifier) for b in bound_qualifiers(quote, language)]


def qualifier_hint(quote: str, language: str | None, value: Any) -> list[tuple[str, Qualifier]]:
    """The qualifier word (at most one) that the quote puts before `value` itself: "more than
    200 soldiers and 80" says nothing of 80."""
    wanted = list(value) if isinstance(value, (tuple, list)) else [value]
    for bound in bound_qualifiers(quote, language):
        if any(isinstance(v, (int, float)) and abs(v - bound.number.value) < 1e-9 for v in wanted):
            return [(bound.word, bound.qualifier)]
    return []
