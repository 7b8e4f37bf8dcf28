"""Reading numbers as a language writes them: Indonesian `2.802` is 2802 and `2,5` is 2.5."""

from __future__ import annotations

import re
from dataclasses import dataclass

Number = int | float


@dataclass(frozen=True)
class Found:
    value: Number
    start: int
    end: int


# How digits are grouped and where the decimals start: (thousands separators, decimal mark).
_DOT_THOUSANDS = (".", ",")
_COMMA_THOUSANDS = (",", ".")
_SPACE_THOUSANDS = (" \u00a0\u202f", ",")
_GROUPING = {
    "id": _DOT_THOUSANDS,
    "ms": _DOT_THOUSANDS,
    "de": _DOT_THOUSANDS,
    "es": _DOT_THOUSANDS,
    "pt": _DOT_THOUSANDS,
    "it": _DOT_THOUSANDS,
    "tr": _DOT_THOUSANDS,
    "nl": _DOT_THOUSANDS,
    "en": _COMMA_THOUSANDS,
    "fr": _SPACE_THOUSANDS,
    "ru": _SPACE_THOUSANDS,
}
# A minus sign only where it cannot be a range's dash ("1992-1994") or a hyphen.
_SIGN = r"(?:(?<![\w.,\-\u2212])[\-\u2212](?=\d))?"


def _number_pattern(groups: str, decimal: str) -> re.Pattern[str]:
    group = f"[{re.escape(groups)}]"
    grouped = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{re.escape(decimal)}\d+)?(?!\d)"
    plain = rf"\d+(?:{re.escape(decimal)}\d+)?(?!\d)"
    return re.compile(rf"{_SIGN}(?:{grouped}|{plain})")


_PATTERN_OF = {g: _number_pattern(*g) for g in (_DOT_THOUSANDS, _COMMA_THOUSANDS, _SPACE_THOUSANDS)}

_UNITS_ID = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
    "sejuta": 1_000_000,
    "nol": 0,
    # "ribuan" (thousands) is how a text says "at least a thousand"; the curator's qualifier says so.
    "puluhan": 10,
    "ratusan": 100,
    "ribuan": 1000,
    "jutaan": 1_000_000,
}
_UNITS_EN = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
}
_UNITS_FR = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "dizaines": 10,
    "centaines": 100,
    "milliers": 1000,
}
# Words that multiply what precedes them; `belas` adds ten ("dua belas" is 12).
_SCALES_ID = {"puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000, "miliar": 10**9}
_SCALES_EN = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 10**9}
_SCALES_FR = {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000, "millions": 1_000_000}
_WORDS = {
    "id": (_UNITS_ID, _SCALES_ID),
    "ms": (_UNITS_ID, _SCALES_ID),
    "en": (_UNITS_EN, _SCALES_EN),
    "fr": (_UNITS_FR, _SCALES_FR),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def primary(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def reading_language(language: str | None) -> str:
    """The language whose word lists read `language`: Malay is read with the Indonesian lists,
    whose month names, weekdays and news vocabulary it shares."""
    lang = primary(language)
    return "id" if lang == "ms" else lang


def read_numbers(text: str, language: str | None) -> list[Found]:
    """Every number written in `text`, in digits or in words, in order of appearance."""
    lang = primary(language)
    groups, decimal = _GROUPING.get(lang, _COMMA_THOUSANDS)
    scales = _WORDS.get(lang, ({}, {}))[1]
    found: list[Found] = []
    for match in _PATTERN_OF[(groups, decimal)].finditer(text):
        value = _digits(match.group(), groups, decimal)
        found.append(Found(value, match.start(), match.end()))
        # "2,5 juta" is 2,500,000 as well as the 2.5 a curator may record with unit "million".
        scale = re.match(r"\s+([^\W\d_]+)", text[match.end() :])
        if scale and scale.group(1).lower() in scales:
            scaled = value * scales[scale.group(1).lower()]
            scaled = int(scaled) if float(scaled).is_integer() else scaled
            found.append(Found(scaled, match.start(), match.end() + scale.end()))
    found += _number_words(text, lang)
    found.sort(key=lambda f: f.start)
    return found


def _digits(token: str, groups: str, decimal: str) -> Number:
    sign = -1 if token[:1] in "-\u2212" else 1
    digits = token.lstrip("-\u2212")
    for char in groups:
        digits = digits.replace(char, "")
    if decimal in digits:
        return sign * float(digits.replace(decimal, "."))
    return sign * int(digits)


def _number_words(text: str, lang: str) -> list[Found]:
    if lang not in _WORDS:
        return []
    units, scales = _WORDS[lang]
    found: list[Found] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        if run:
            value = _combine([w for w, _, _ in run], units, scales)
            if value is not None:
                found.append(Found(value, run[0][1], run[-1][2]))
            run.clear()

    last_end = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        gap = text[last_end : match.start()]
        if run and gap.strip(" -"):
            flush()
        if word in units or word in scales or (lang in ("id", "ms") and word == "belas" and run):
            run.append((word, match.start(), match.end()))
        else:
            flush()
        last_end = match.end()
    flush()
    return found


def _combine(words: list[str], units: dict[str, int], scales: dict[str, int]) -> int | None:
    total = current = 0
    for word in words:
        if word == "belas":
            current += 10
        elif word in units:
            current += units[word]
        else:
            scale = scales[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
    return total + current
