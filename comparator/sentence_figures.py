"""The unusual figures of each sentence: what two reports would rarely share by chance.

Dates, times, years, figures below 10 and round ones (50, 300, 6,500) are what independent
reports of one event share anyway; a figure with three significant digits or more (2,802,
286,400, 4.35) alone, or two unusual figures in one sentence, are a sign of one origin.
Figures are read as each language writes them, so a translation keeps them.
"""

from __future__ import annotations

import re
import unicodedata

from comparator.curation.sentences import split_sentences
from comparator.numbers import read_numbers

_KEY = -7  # the first member of every key's tuple: no figure key is the hash of a bare number
_FIGURES_PER_SENTENCE = 8  # bounds the pairs of one sentence (a table row of figures)

FigureKeys = dict[int, tuple[str, tuple[float, ...]]]  # key -> (the sentence, its figures)


def figure_keys(body: str, language: str) -> FigureKeys:
    """Keys for each sentence's unusual figures: each distinctive figure alone, and each pair
    of unusual figures. A key is a hash of numbers, the same in every process."""
    keys: FigureKeys = {}
    nfc = unicodedata.normalize("NFC", body)
    for sentence in split_sentences(nfc) if _DIGIT.search(nfc) else ():
        text = nfc[sentence.start : sentence.end]
        # figures that matter are written in digits; number words are round ("thirty")
        held = set(unusual_figures(text, language)) if _DIGIT.search(text) else set()
        if not held:
            continue
        shown = " ".join(text.split())
        ordered = sorted(held)[:_FIGURES_PER_SENTENCE]
        for figure in ordered:
            if distinctive(figure):
                keys.setdefault(hash((_KEY, figure)), (shown, (figure,)))
        for i, low in enumerate(ordered):
            for high in ordered[i + 1 :]:
                keys.setdefault(hash((_KEY, low, high)), (shown, (low, high)))
    return keys


_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT|GMT|UTC|am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
# A day of the month beside its month (English and Indonesian), or written 13/9/2022.
_MONTH = (
    r"(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|june?|juni|july?|juli"
    r"|aug(?:ust)?|agu(?:stus)?|agt|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?|des(?:ember)?)"
)
_DAY = re.compile(
    rf"\b\d{{1,2}}\s+{_MONTH}\b|\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b",
    re.IGNORECASE,
)


def unusual_figures(text: str, language: str) -> list[float]:
    """The figures in `text` two reports would rarely share by chance: not days of the month
    or times, not years, not below 10, not round."""
    blanked = list(text)
    spans = [m.span() for m in _DAY.finditer(text)] + [m.span() for m in _TIME.finditer(text)]
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    text = "".join(blanked)
    found = read_numbers(text, language)
    out = []
    # "2,5 juta" is read as 2.5, as 2,500,000 and "juta" alone as 1,000,000: keep the widest.
    # Numbers come in order of their start, so only neighbours can hold one another.
    for index, number in enumerate(found):
        near = found[max(0, index - 3) : index + 4]
        if any(o.start <= number.start and number.end <= o.end and o != number for o in near):
            continue
        value = float(number.value)
        plain = text[number.start : number.end].isdigit()  # "2,045" is a figure, "2045" a year
        year = plain and 1900 <= value <= 2100
        # round figures are what independent reports share by chance: 50, 300, 6,500
        if value < 10 or year or _significant(value) <= (2 if value >= 1000 else 1):
            continue
        out.append(value)
    return out


def _significant(value: float) -> int:
    digits = f"{value:.6g}".replace(".", "").replace("-", "").lstrip("0")
    return len(digits.rstrip("0")) if value.is_integer() else len(digits)


def distinctive(value: float) -> bool:
    """Three significant digits or more: 2,802, 286,400 or 4.35; not 49, 140 or 6,500."""
    return value >= 100 and _significant(value) >= 3
