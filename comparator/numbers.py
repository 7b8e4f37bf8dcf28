"""Reading numbers as a language writes them: Indonesian `2.802` is 2802 and `2,5` is 2.5.

How each language groups digits and marks decimals comes from CLDR, through Babel: every
locale's group and decimal symbols, its grouping sizes (Hindi's lakh: 1,00,000) and those of
its native numbering system (Arabic's ٢٬٨٠٢ beside 2,802). Digits of any script are read
(`\\d` and `int()` both know every Unicode decimal digit). Number words are read from the
project's own lists (comparator.numberwords).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparator import numberwords

if TYPE_CHECKING:
    from babel import Locale

Number = int | float


@dataclass(frozen=True)
class Found:
    value: Number
    start: int
    end: int


@dataclass(frozen=True)
class Notation:
    """How one language writes numbers in digits."""

    groups: str  # characters that separate groups of digits
    decimals: str  # characters that start the decimals
    pattern: re.Pattern[str]


# A minus sign only where it cannot be a range's dash ("1992-1994") or a hyphen.
_SIGN = r"(?:(?<![\w.,\-\u2212])[\-\u2212](?=\d))?"
# What every number starts with. The sign being optional, the engine would otherwise try the
# whole pattern at every character of a text; this tells it at one glance where none starts.
_START = r"(?=[\-\u2212\d])"
# A space-like group symbol stands for all of them: CLDR writes U+202F or U+00A0, people type
# a plain space. An apostrophe-like one (Swiss 1'000) likewise.
_SPACES = " \u00a0\u202f"
_APOSTROPHES = "'\u2019"
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")  # after a number: its scale word, if it is one


def primary(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def reading_language(language: str | None) -> str:
    """The language whose word lists read `language`: Malay is read with the Indonesian lists,
    whose month names, weekdays and news vocabulary it shares."""
    lang = primary(language)
    return "id" if lang == "ms" else lang


def read_numbers(text: str, language: str | None) -> list[Found]:
    """Every number written in `text`, in digits or in words, in order of appearance."""
    notation = notation_of(language)
    lang = primary(language)
    found: list[Found] = []
    for match in notation.pattern.finditer(text):
        value = _digits(match.group(), notation)
        found.append(Found(value, match.start(), match.end()))
        # "2,5 juta" is 2,500,000 as well as the 2.5 a curator may record with unit "million".
        word = _NEXT_WORD.match(text, match.end())
        scale = numberwords.scale_of(word.group(1), lang) if word else None
        if word and scale:
            scaled = value * scale
            scaled = int(scaled) if float(scaled).is_integer() else scaled
            found.append(Found(scaled, match.start(), word.end()))
    found += [Found(v, start, end) for v, start, end in numberwords.read_words(text, lang)]
    found.sort(key=lambda f: f.start)
    return found


@functools.cache
def notation_of(language: str | None) -> Notation:
    """The notation of a BCP 47 tag (`de-CH`, `ar`, `sr-Latn`), read from CLDR once per tag.

    A tag CLDR does not know is read by its primary language, and failing that the English way.
    """
    # Babel loads its locale data on first use; importing it here keeps it off the start-up
    # path of commands that never read a number.
    from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

    locale = _locale(language or "en")
    systems = [locale.default_numbering_system]
    native = locale.other_numbering_systems.get("native")
    if native and native not in systems and native in locale.number_symbols:
        systems.append(native)
    groups = decimals = ""
    for system in systems:  # the default system first: its symbols win a conflict
        group = get_group_symbol(locale, numbering_system=system)
        decimal = get_decimal_symbol(locale, numbering_system=system)
        if group not in decimals and decimal not in groups:
            groups += group if group not in groups else ""
            decimals += decimal if decimal not in decimals else ""
    if any(c in _SPACES for c in groups):
        groups += _SPACES
    if any(c in _APOSTROPHES for c in groups):
        groups += _APOSTROPHES
    groups = "".join(dict.fromkeys(groups))
    pattern = locale.decimal_formats.get(None)
    grouping = parse_pattern(pattern).grouping if pattern else (3, 3)
    return Notation(groups, decimals, _number_pattern(groups, decimals, grouping[1]))


def _locale(tag: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    for candidate in (tag, primary(tag)):
        try:
            return Locale.parse(candidate, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse("en")


def _number_pattern(groups: str, decimals: str, secondary: int) -> re.Pattern[str]:
    group = f"[{re.escape(groups)}]"
    fraction = f"(?:[{re.escape(decimals)}]\\d+)?(?!\\d)"
    grouped = [rf"\d{{1,3}}(?:{group}\d{{3}})+"]
    if secondary != 3:  # lakh and crore (1,00,000), after the three-digit grouping also met there
        grouped.append(rf"\d{{1,{secondary}}}(?:{group}\d{{{secondary}}})*{group}\d{{3}}")
    forms = [g + fraction for g in grouped] + [r"\d+" + fraction]
    return re.compile(rf"{_START}{_SIGN}(?:{'|'.join(forms)})")


def _digits(token: str, notation: Notation) -> Number:
    sign = -1 if token[:1] in "-\u2212" else 1
    digits = token.lstrip("-\u2212")
    for char in notation.groups:
        digits = digits.replace(char, "")
    for char in notation.decimals:
        if char in digits:
            return sign * float(digits.replace(char, "."))
    return sign * int(digits)
