"""Which sentences of an article are worth a claim: those stating figures, dates or attributions.

A curator reading an article looks for the sentences that say something checkable: a number
("setidaknya 2.802 tentaranya gugur"), a date ("pada Ahad (27/9)"), who said or did what
("Armenia menuding Azerbaijan ..."). This module finds them, reads their values the way `check`
reads numbers, and says which claims already cite each one, so that what is left to curate
stands out. It also turns a sentence into an assertion stub the curator can paste.

Offsets are character positions in the NFC form of the source's body, the text `find_quote`
matches quotes against; lines are lines of the source file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Optional, Union

from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.hints import qualifier_words
from comparator.models import Qualifier
from comparator.numbers import Number, primary, read_numbers
from comparator.parse import SourceFile
from comparator.text import normalise, normalise_with_map

# --------------------------------------------------------------------------------------------
# Sentences


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    line: int  # line of the source file on which the sentence starts
    # A headline, subhead or section title: a line of its own without closing punctuation.
    heading: bool = False


# Words that end in a full stop without ending the sentence. Compared lowercase, without the
# stop. Months are here for "28 Sep. 2020"; single letters (initials) are handled by rule.
_ABBREVIATIONS = {
    # Indonesian titles, ranks, and the usual Latin-script shorthands of the press
    "dr", "drs", "dra", "prof", "ir", "hj", "h", "tn", "ny", "nn", "sdr", "sdri", "bpk", "yth",
    "jl", "jln", "no", "nomor", "kab", "kec", "kel", "prov", "rp", "tbk", "pt", "cv", "dll",
    "dsb", "dst", "tsb", "spt", "jend", "letjen", "mayjen", "brigjen", "kol", "letkol", "mayor",
    "kapt", "kompol", "akbp", "akp", "ipda", "iptu", "aiptu", "bripka", "brigpol", "pol", "purn",
    "sm", "sh", "mh", "msi", "mm", "st", "skom", "spd", "ssos", "ttd", "hlm", "ket", "red",
    # English
    "mr", "mrs", "ms", "mx", "jr", "sr", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl",
    "adm", "gov", "sen", "rep", "pres", "sec", "dept", "rev", "hon", "inc", "ltd", "co", "corp",
    "bros", "vs", "etc", "approx", "est", "fig", "ca", "cf", "al", "mt", "ft", "vol", "pp",
    # months, short
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "agu", "agt", "sep", "sept", "oct", "okt",
    "nov", "dec", "des",
}
_TERMINAL = re.compile(r"[.?!…]+[\"'”’»)\]]*")
_OPENING = "\"“‘'«([„"
# A dateline opens a news story: "REPUBLIKA.CO.ID, ANKARA -", "MOSKOW -", "Tangerang Selatan,
# IDN Times -", "ANKARA, Turkey (AP) —". Capitalised words (or a parenthesised agency), then a
# dash followed by white space; it belongs to no sentence.
_DATELINE_WORD = r"(?:[A-Z][\w.&'’]*|\([\w .]+\))"  # MOSKOW, REPUBLIKA.CO.ID, (AP)
_DATELINE = re.compile(
    rf"{_DATELINE_WORD}(?:[^\S\n]*,?[^\S\n]+{_DATELINE_WORD})*[^\S\n]*(?:--?|–|—)\s+(?=[\"“A-Z])"
)
_LIST_MARKER = re.compile(r"\d{1,2}[.)]\s+(?=\S)")
_BLOCK_END = tuple(".?!:;\"”’)…")


def split_sentences(body: str, first_line: int = 1) -> list[Sentence]:
    """The sentences of `body` (NFC text), in order, without datelines and list markers.

    A line break ends a sentence (headlines, captions and paragraphs are lines) unless the text
    is hard-wrapped: a line that does not end in punctuation, followed by one starting in
    lowercase, continues it. Within a line, a full stop, question or exclamation mark ends a
    sentence when the next word starts with a capital, a digit or an opening quote, and the
    stop does not close an abbreviation, an initial or a list number. Stops without a space
    after them ("REPUBLIKA.CO.ID", "2.802", "13/9/2022") never end a sentence.
    """
    starts = _line_starts(body)
    out: list[Sentence] = []
    for start, end in _blocks(body):
        start = _skip_opening(body, start, end)
        pieces = list(_pieces(body, start, end))
        for s, e in pieces:
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if s < e:
                heading = len(pieces) == 1 and "\n" not in body[s:e] and not body[s:e].endswith(_BLOCK_END)
                out.append(Sentence(s, e, first_line + bisect.bisect_right(starts, s) - 1, heading))
    return out


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _blocks(body: str) -> Iterator[tuple[int, int]]:
    """Spans of lines that belong together: one line, or a hard-wrapped paragraph."""
    block: Optional[list[int]] = None
    offset = 0
    for line in body.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            if block:
                yield block[0], block[1]
            block = None
            continue
        if block and not body[block[0] : block[1]].rstrip().endswith(_BLOCK_END) and stripped[0].islower():
            block[1] = end
            continue
        if block:
            yield block[0], block[1]
        block = [start, end]
    if block:
        yield block[0], block[1]


def _skip_opening(body: str, start: int, end: int) -> int:
    """Past the dateline or list number that opens a block, if any."""
    while start < end and body[start].isspace():
        start += 1
    marker = _LIST_MARKER.match(body, start, end)
    if marker:
        return marker.end()
    dateline = _DATELINE.match(body, start, end)
    if dateline:
        head = body[start : dateline.end()]
        words = head.split()
        # A real dateline is short and has a place in capitals, an outlet's domain or a comma
        # between place and outlet; "Putin - Erdogan" is the start of a sentence.
        looks = re.search(r"\b[A-Z]{3,}\b|\.[A-Z]{2,}|,", head)
        if len(head) <= 60 and len(words) <= 8 and looks:
            return dateline.end()
    return start


def _pieces(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _TERMINAL.finditer(body, start, end):
        after = match.end()
        if after >= end or not body[after].isspace():
            continue
        nxt = after
        while nxt < end and body[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        char = body[nxt]
        if not (char.isupper() or char.isdigit() or char in _OPENING):
            continue
        if match.group().startswith(".") and len(match.group().rstrip("\"'”’»)]")) == 1:
            if _abbreviation(body, begin, match.start()):
                continue
        yield begin, after
        begin = nxt
    yield begin, end


def _abbreviation(body: str, begin: int, stop: int) -> bool:
    """Whether the word ending at `stop` (a full stop) is an abbreviation or an initial."""
    space = max(body.rfind(" ", begin, stop), body.rfind("\n", begin, stop), begin - 1)
    word = body[space + 1 : stop].lstrip(_OPENING)
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"[^\W\d_]", word):  # an initial: "Vladimir V. Putin", "M. Hatta"
        return True
    return re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word) is not None  # U.S., a.m., S.H.


# --------------------------------------------------------------------------------------------
# Values: numbers and dates


DateValue = Union[PartialDate, tuple[PartialDate, PartialDate], None]


@dataclass(frozen=True)
class Value:
    """A number or date the text states. A date may be `relative`: worked out from the
    publication date ("Sabtu", "bulan lalu"); its value is None when that cannot be done."""

    type: str  # "number" | "date"
    text: str
    value: Union[Number, DateValue]
    start: int
    end: int
    qualifier: Optional[Qualifier] = None
    relative: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "text": self.text,
            "value": _plain(self.value),
            "qualifier": self.qualifier.value if self.qualifier else None,
            "relative": self.relative,
            "start": self.start,
            "end": self.end,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


_MONTHS = {
    "id": {
        "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
        "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
        "desember": 12,
    },
    "en": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
}
_MONTHS_SHORT = {
    "id": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
           "agst": 8, "ags": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12},
    "en": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "sept": 9, "oct": 10, "nov": 11, "dec": 12},
}
# Monday is 0, as in `datetime.weekday()`.
_WEEKDAYS = {
    "id": {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
           "minggu": 6, "ahad": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
}
# How a language says "last", "this" and "next" after (id) or before (en) a period.
_PAST, _THIS, _NEXT = "past", "this", "next"
_RELATIVE_AFTER = {
    "id": {"lalu": _PAST, "kemarin": _PAST, "sebelumnya": _PAST, "ini": _THIS, "depan": _NEXT,
           "mendatang": _NEXT, "pekan ini": _THIS, "minggu ini": _THIS, "tahun lalu": "last-year",
           "tahun ini": _THIS},
    "en": {"last year": "last-year", "this year": _THIS},
}
_RELATIVE_BEFORE = {"en": {"last": _PAST, "this": _THIS, "next": _NEXT}}
_PERIODS = {
    "id": {"bulan": "month", "tahun": "year", "pekan": "week", "minggu": "week"},
    "en": {"month": "month", "year": "year", "week": "week"},
}
_DAY_WORDS = {
    "id": {"kemarin": -1, "hari ini": 0, "besok": 1},
    "en": {"yesterday": -1, "today": 0, "tomorrow": 1},
}
# Words before a bare four-digit number that make it a year: "sejak 1991", "pada 2010".
_YEAR_CONTEXT = {
    "id": {"pada", "sejak", "tahun", "hingga", "sampai", "awal", "akhir", "pertengahan", "medio",
           "era", "dekade", "periode", "selama", "sebelum", "setelah", "sesudah", "jelang", "menjelang"},
    "en": {"in", "since", "until", "till", "by", "from", "to", "of", "year", "early", "late", "mid",
           "during", "before", "after", "the", "circa", "around"},
}
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME = re.compile(r"(?<![\d.,])\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2}(?=\s*(?:WIB|WITA|WIT|GMT|UTC)\b))(?![\d,])")


def _lang(language: Optional[str]) -> str:
    lang = primary(language)
    return "id" if lang == "ms" else lang


def _forms(words: Iterable[str], lowercase: bool = True) -> str:
    """A case-sensitive alternation of the words as running text writes them: lowercase (when
    allowed), Capitalised and UPPERCASE, longest first, with any white space inside a phrase."""
    forms = set()
    for word in words:
        forms.update({word[:1].upper() + word[1:], word.upper()})
        if lowercase:
            forms.add(word)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class _Dates:
    """The date vocabulary of one language, compiled once."""

    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    patterns: list[tuple[str, re.Pattern[str]]]


_DATES: dict[str, _Dates] = {}


def _dates(lang: str) -> _Dates:
    if lang in _DATES:
        return _DATES[lang]
    full = _MONTHS.get(lang, {})
    months = {**full, **_MONTHS_SHORT.get(lang, {})}
    weekdays = _WEEKDAYS.get(lang, {})
    after = _RELATIVE_AFTER.get(lang, {})
    before = _RELATIVE_BEFORE.get(lang, {})
    none = r"(?!x)x"  # matches nothing: a language without that vocabulary
    # Month names are capitalised in running text: "may" and "mar" are other words.
    short = _MONTHS_SHORT.get(lang, {})
    month = (
        rf"(?:(?P<month>{_forms(full, lowercase=False)})|(?P<short>{_forms(short, lowercase=False)})\.?)"
        if months else none
    )
    # Alone, a month must be written in full, and English "May" is more often a name or a verb.
    lone = [m for m in full if not (lang == "en" and m == "may")]
    lone_month = rf"(?P<month>{_forms(lone, lowercase=False)})" if lone else none
    rel_after = rf"(?:\s+(?P<after>{_forms(after)}))?" if after else ""
    rel_before = rf"(?:(?P<before>{_forms(before)})\s+)?" if before else ""
    # Lowercase "minggu" is a week ("enam minggu"); only a capitalised Minggu is Sunday.
    weekday_forms = [_forms([w for w in weekdays if w != "minggu"])] if weekdays else []
    if "minggu" in weekdays:
        weekday_forms.append(_forms(["minggu"], lowercase=False))
    weekday = "|".join(weekday_forms)
    patterns: list[tuple[str, re.Pattern[str]]] = [
        ("iso", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")),
        # Numeric dates are day/month in Indonesian and most languages: "(27/9)", "(13/9/2022)".
        ("numeric", re.compile(
            r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])|\((?P<d2>\d{1,2})/(?P<m2>\d{1,2})\)"
        )),
        ("day-month", re.compile(rf"(?<![\d.,])(?P<d>\d{{1,2}})\s+{month}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
        ("month-day", re.compile(
            rf"{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]?\d)(?:,?\s+(?P<y>\d{{4}}))?(?!\w)"
        )),
        ("month-year", re.compile(rf"{month}\s+(?P<y>\d{{4}})(?!\d)")),
        ("year-range", re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR})(?![\d]|[.,]\d)")),
        ("month", re.compile(rf"(?<!\w){rel_before}{lone_month}(?!\w){rel_after}")),
        ("weekday", re.compile(rf"(?<!\w){rel_before}(?P<weekday>{weekday or none})(?!\w){rel_after}")),
    ]
    periods = _PERIODS.get(lang, {})
    if periods and lang == "en":  # "last month", "this week"
        period = rf"(?P<before>{_forms(before)})\s+(?P<period>{_forms(periods)})"
        patterns.append(("period", re.compile(rf"(?<!\w){period}(?!\w)")))
    elif periods:  # "bulan lalu", "pekan ini", "tahun depan"
        period = rf"(?P<period>{_forms(periods)})\s+(?P<after>{_forms(['lalu', 'ini', 'depan', 'kemarin'])})"
        patterns.append(("period", re.compile(rf"(?<!\w){period}(?!\w)")))
    day_words = _DAY_WORDS.get(lang, {})
    if day_words:
        patterns.append(("day-word", re.compile(rf"(?<!\w)(?P<word>{_forms(day_words)})(?!\w)")))
    patterns.append(("year", re.compile(rf"(?<![\d.,/])(?P<y>{_YEAR})(?![\d]|[.,]\d)")))
    lexicon = _Dates(lang, months, weekdays, patterns)
    _DATES[lang] = lexicon
    return lexicon


def read_dates(text: str, language: Optional[str], published: Optional[PartialDate] = None) -> list[Value]:
    """The dates written in `text`, absolute or relative, in order; a relative one ("Sabtu",
    "bulan lalu", "27 September") is placed by the publication date when there is one."""
    lexicon = _dates(_lang(language))
    taken = _Spans()
    found: list[Value] = []
    for kind, pattern in lexicon.patterns:  # the more specific forms first: they win overlaps
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            resolved = _resolve(kind, match, lexicon, text, published)
            if resolved is None:
                continue
            value, relative = resolved
            taken.add(start, end)
            found.append(Value("date", match.group(), value, start, end, relative=relative))
    found.sort(key=lambda v: v.start)
    return _merge_weekdays(text, found)


class _Spans:
    """Disjoint spans of a text, kept sorted, so that an overlap test costs a bisection and a
    hostile text full of dates is not quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        # Of the spans starting before `end`, the last one reaches furthest (they are disjoint).
        at = bisect.bisect_left(self.starts, end)
        return at > 0 and self.ends[at - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def _merge_weekdays(text: str, found: list[Value]) -> list[Value]:
    """"Selasa (13/9/2022)" and "Senin 28 Sep 2020" are one date: the weekday names it."""
    merged: list[Value] = []
    for value in found:
        if merged:
            last = merged[-1]
            gap = text[last.end : value.start]
            is_weekday = last.text.split()[-1].lower() in _ALL_WEEKDAYS
            names_day = isinstance(value.value, PartialDate) and value.value.day
            if is_weekday and names_day and re.fullmatch(r"[\s,(]*", gap):
                end = value.end + 1 if "(" in gap and text[value.end : value.end + 1] == ")" else value.end
                merged[-1] = replace(value, text=text[last.start : end], start=last.start, end=end)
                continue
        merged.append(value)
    return merged


_ALL_WEEKDAYS = {w for table in _WEEKDAYS.values() for w in table}


def _resolve(
    kind: str, match: re.Match[str], lexicon: _Dates, text: str, published: Optional[PartialDate]
) -> Optional[tuple[DateValue, bool]]:
    """The value of one date match and whether it was worked out from `published`; None when
    the match is not a date after all (31/2, a count of 2000 people)."""
    g = match.groupdict()
    try:
        if kind == "iso":
            return PartialDate.parse(match.group()), False
        if kind == "numeric":
            day, month, year = g["d"] or g["d2"], g["m"] or g["m2"], g["y"]
            d, m = int(day), int(month)
            if lexicon.lang == "en" and m > 12 >= d:  # 9/27/2020 in American copy
                d, m = m, d
            if year:
                return _day(int(year), m, d), False
            return _near(m, d, None, published), True
        if kind in ("day-month", "month-day"):
            m = lexicon.months[(g["month"] or g["short"]).lower()]
            if g["y"]:
                return _day(int(g["y"]), m, int(g["d"])), False
            return _near(m, int(g["d"]), None, published), True
        if kind == "month-year":
            return PartialDate(int(g["y"]), lexicon.months[(g["month"] or g["short"]).lower()]), False
        if kind == "year-range":
            low, high = int(g["y"]), int(g["y2"])
            return ((PartialDate(low), PartialDate(high)), False) if low < high else None
        if kind == "month":
            m = lexicon.months[g["month"].lower()]
            return _near(m, None, _relation(g), published), True
        if kind == "weekday":
            return _weekday(lexicon.weekdays[g["weekday"].lower()], _relation(g), published), True
        if kind == "period":
            return _period(_PERIODS[lexicon.lang][g["period"].lower()], _relation(g), published), True
        if kind == "day-word":
            offset = _DAY_WORDS[lexicon.lang][" ".join(g["word"].lower().split())]
            if published is None or not published.day:
                return None, True
            day = published.first + dt.timedelta(days=offset)
            return PartialDate(day.year, day.month, day.day), True
        if kind == "year":
            return (PartialDate(int(g["y"])), False) if _is_year(text, match, lexicon.lang) else None
    except ValueError:
        return None
    return None


def _relation(groups: dict[str, Optional[str]]) -> Optional[str]:
    word = groups.get("after") or groups.get("before")
    if word is None:
        return None
    word = " ".join(word.lower().split())
    table = {**_RELATIVE_AFTER.get("id", {}), **_RELATIVE_AFTER.get("en", {}), **_RELATIVE_BEFORE["en"]}
    return table.get(word)


def _day(year: int, month: int, day: int) -> PartialDate:
    dt.date(year, month, day)  # ValueError for 31/2
    return PartialDate(year, month, day)


def _near(month: int, day: Optional[int], relation: Optional[str], published: Optional[PartialDate]) -> DateValue:
    """A day or month written without its year, placed in the year that fits the publication
    date: the nearest one, or the one before or after when the text says "lalu" or "depan"."""
    if not 1 <= month <= 12:
        raise ValueError("no such month")
    if day is not None:
        _day(2000, month, day)  # any leap year: only the day and month are checked here
    if published is None:
        return None
    here = published.first
    if relation == "last-year":
        years = [here.year - 1]
    elif relation == _THIS:
        years = [here.year]
    else:
        years = [here.year - 1, here.year, here.year + 1]

    def when(year: int) -> dt.date:
        try:
            return dt.date(year, month, day or 1)
        except ValueError:  # 29 February in a year without it
            return dt.date(year, month, 28)

    if relation == _PAST:
        years = [y for y in years if when(y) < here.replace(day=1) or (day and when(y) < here)] or years
        year = max(years)
    elif relation == _NEXT:
        years = [y for y in years if when(y) > here] or years
        year = min(years)
    else:
        year = min(years, key=lambda y: (abs((when(y) - here).days), -y))
    return PartialDate(year, month, day) if day else PartialDate(year, month)


def _weekday(target: int, relation: Optional[str], published: Optional[PartialDate]) -> DateValue:
    if published is None or not published.day:
        return None
    here = published.first
    if relation == _THIS:
        day = here - dt.timedelta(days=here.weekday()) + dt.timedelta(days=target)
    elif relation == _NEXT:
        day = here + dt.timedelta(days=(target - here.weekday()) % 7 or 7)
    else:
        back = (here.weekday() - target) % 7
        day = here - dt.timedelta(days=back or (7 if relation == _PAST else 0))
    return PartialDate(day.year, day.month, day.day)


def _period(period: str, relation: Optional[str], published: Optional[PartialDate]) -> DateValue:
    if published is None or relation is None:
        return None
    step = {_PAST: -1, "last-year": -1, _THIS: 0, _NEXT: 1}[relation]
    if period == "year":
        return PartialDate(published.year + step)
    if period == "month" and published.month:
        index = published.year * 12 + published.month - 1 + step
        return PartialDate(index // 12, index % 12 + 1)
    if period == "week" and published.day:
        monday = published.first - dt.timedelta(days=published.first.weekday()) + dt.timedelta(weeks=step)
        sunday = monday + dt.timedelta(days=6)
        return (PartialDate(monday.year, monday.month, monday.day), PartialDate(sunday.year, sunday.month, sunday.day))
    return None


def _is_year(text: str, match: re.Match[str], lang: str) -> bool:
    """A bare 1800-2099 is a year after a word like "sejak" or "in", or when no lowercase word
    follows it; "2000 tentara" and "2000 troops" are counts."""
    before = re.findall(r"[^\W\d_]+", text[max(0, match.start() - 30) : match.start()])
    if before and before[-1].lower() in _YEAR_CONTEXT.get(lang, set()):
        return True
    return re.match(r"\s+[a-z]", text[match.end() :]) is None


def read_values(text: str, language: Optional[str], published: Optional[PartialDate] = None) -> list[Value]:
    """Dates, then the numbers outside them (as `check` reads numbers), each with the qualifier
    word that stands just before it: "setidaknya 2.802", "hampir tiga dekade"."""
    dates = read_dates(text, language, published)
    times = [m.span() for m in _TIME.finditer(text)]
    skip = _Spans([(d.start, d.end) for d in dates])
    skip_times = _Spans(times)
    numbers = []
    for found in read_numbers(text, language):
        if skip.overlaps(found.start, found.end) or skip_times.overlaps(found.start, found.end):
            continue
        if re.search(r"[^\W\d_]-?$", text[max(0, found.start - 2) : found.start]):
            continue  # part of a name: F-16, COVID-19, G20, Su-25
        end = found.end
        unit = re.match(r"\s?(?:%|persen\b|percent\b|per cent\b)", text[end:])
        if unit:
            end += unit.end()
        numbers.append(Value("number", text[found.start : end], found.value, found.start, end))
    values = sorted(dates + numbers, key=lambda v: (v.start, v.end))
    return _with_qualifiers(text, language, values)


def qualifier_spans(text: str, language: Optional[str]) -> list[tuple[int, int, str, Qualifier]]:
    """The qualifier words of `text` (`hints.qualifier_words`), each with its position."""
    spans = []
    position = 0
    for word, qualifier in qualifier_words(text, language):
        match = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)").search(text, position)
        if match is None:  # cannot happen: the word was read from this text
            continue
        spans.append((match.start(), match.end(), word, qualifier))
        position = match.end()
    return spans


def _with_qualifiers(text: str, language: Optional[str], values: list[Value]) -> list[Value]:
    out = list(values)
    starts = [v.start for v in out]
    for _start, end, _word, qualifier in qualifier_spans(text, language):
        index = bisect.bisect_left(starts, end)  # the first value after the word
        if index == len(out):
            continue
        value = out[index]
        # At most one word between them, and no punctuation: "bisa mencapai 5.000 orang".
        if value.qualifier is None and re.fullmatch(r"\s*(?:[^\W\d_]+\s+)?", text[end : value.start]):
            out[index] = replace(value, qualifier=qualifier)
    return out


# --------------------------------------------------------------------------------------------
# Cues: attribution and event words, vague quantities

# Verbs of saying and appealing tell who speaks, which a claim records as `claimant`; on their
# own they introduce views and appeals more often than facts ("urged both sides to end the
# fighting"), so they make a sentence worth suggesting only beside a figure, a date, an event or
# an accusation. Indonesian forms are listed with their usual affixes (menyebut / disebut).
_SPEECH = {
    "id": [
        "kata", "katanya", "mengatakan", "dikatakan", "ujar", "ujarnya", "tutur", "tuturnya", "ucap",
        "ucapnya", "papar", "paparnya", "memaparkan", "dipaparkan", "menjelaskan", "dijelaskan",
        "menyatakan", "dinyatakan", "pernyataan", "menurut", "mengungkapkan", "diungkapkan",
        "mengungkap", "diungkap", "menegaskan", "ditegaskan", "melansir", "dilansir", "mengutip",
        "dikutip", "menyerukan", "seruan", "mendesak", "desakan", "meminta", "menuntut", "tuntutan",
        "memperingatkan",
    ],
    "en": [
        "said", "says", "say", "saying", "told", "tells", "stated", "statement", "according to",
        "urged", "called for", "demanded", "warned", "insisted", "cited", "quoted",
    ],
}
# Verbs that attribute a contested fact by themselves: accusing, claiming, reporting, denying.
_ATTRIBUTION = {
    "id": [
        "menuding", "dituding", "tudingan", "saling tuding", "menuduh", "dituduh", "tuduhan",
        "mengklaim", "diklaim", "klaim", "menyebut", "disebut", "menyebutkan", "disebutkan",
        "melaporkan", "dilaporkan", "laporan", "mengumumkan", "diumumkan", "membantah", "dibantah",
        "bantahan", "mengonfirmasi", "mengkonfirmasi", "dikonfirmasi", "mengaku", "mengakui",
        "mengancam", "ancaman",
    ],
    "en": [
        "accused", "accuses", "accusing", "accusation", "accusations", "blamed", "blames", "claimed",
        "claims", "claiming", "reported", "reports", "reportedly", "announced", "announces", "denied",
        "denies", "confirmed", "confirms", "alleged", "alleges", "admitted", "threatened",
    ],
}
# The events a conflict desk checks: casualties, attacks, ceasefires and their breaches,
# agreements and alliances, troop movements and control of territory, mediation.
_EVENTS = {
    "id": [
        "tewas", "tewasnya", "gugur", "meninggal", "korban", "terluka", "luka-luka", "terbunuh",
        "membunuh", "dibunuh", "menembak jatuh", "ditembak jatuh", "menembak", "ditembak", "menembaki",
        "ditembaki", "penembakan", "gencatan senjata", "melanggar", "dilanggar", "pelanggaran",
        "menyerang", "diserang", "serangan", "penyerangan", "menyerbu", "diserbu", "mengebom",
        "dibom", "pengeboman", "bentrokan", "bentrok", "pertempuran", "bertempur", "menandatangani",
        "ditandatangani", "kesepakatan", "perjanjian", "pakta", "sekutu", "sekutunya", "dikerahkan",
        "mengerahkan", "mengirim", "dikirim", "menduduki", "diduduki", "pendudukan", "menguasai",
        "dikuasai", "merebut", "direbut", "membebaskan", "dibebaskan", "mendukung", "dukungan",
        "dukungannya", "menengahi", "ditengahi", "dimediasi", "memediasi", "mediasi",
    ],
    "en": [
        "killed", "kills", "killing", "killings", "dead", "died", "deaths", "death toll", "casualties",
        "wounded", "injured", "shot down", "downed", "ceasefire", "cease-fire", "truce", "violated",
        "violating", "violation", "violations", "attacked", "attacks", "attack", "attacking",
        "shelled", "shelling", "clashes", "clashed", "fighting", "fought", "signed", "agreement",
        "treaty", "pact", "ally", "allies", "allied", "deployed", "occupied", "occupation",
        "captured", "seized", "recaptured", "liberated", "backed", "supported", "mediated", "brokered",
    ],
}
# Quantities without digits are figures too: "beberapa kota" can contradict "three towns".
_VAGUE = {
    "id": ["beberapa", "sejumlah", "sebagian besar", "sebagian", "separuh", "setengah", "mayoritas", "kebanyakan"],
    "en": ["several", "a number of", "most of", "majority", "half of", "a handful of", "scores of"],
}


@dataclass(frozen=True)
class Cue:
    kind: str  # "speech" | "attribution" | "event" | "quantity"
    word: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "word": self.word, "start": self.start, "end": self.end}


_CUES: dict[str, Optional[re.Pattern[str]]] = {}
_CUE_KIND: dict[str, dict[str, str]] = {}


def _cue_pattern(lang: str) -> Optional[re.Pattern[str]]:
    if lang not in _CUES:
        kinds = {w: "speech" for w in _SPEECH.get(lang, [])}
        kinds.update({w: "attribution" for w in _ATTRIBUTION.get(lang, [])})
        kinds.update({w: "event" for w in _EVENTS.get(lang, [])})
        kinds.update({w: "quantity" for w in _VAGUE.get(lang, [])})
        _CUE_KIND[lang] = kinds
        words = sorted(kinds, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        _CUES[lang] = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE) if words else None
    return _CUES[lang]


def read_cues(text: str, language: Optional[str]) -> list[Cue]:
    """The verbs of saying and of attribution, event words and vague quantities of `text`."""
    lang = _lang(language)
    pattern = _cue_pattern(lang)
    if pattern is None:
        return []
    kinds = _CUE_KIND[lang]
    return [
        Cue(kinds[" ".join(m.group().lower().split())], m.group(), m.start(), m.end()) for m in pattern.finditer(text)
    ]


# --------------------------------------------------------------------------------------------
# Suggestions


@dataclass(frozen=True)
class Citation:
    claim: str
    assertion: int  # index into the claim's assertions, from 0

    def as_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "assertion": self.assertion}


@dataclass
class Suggestion:
    sentence: Sentence
    text: str
    values: list[Value]
    qualifiers: list[tuple[str, Qualifier]]
    cues: list[Cue]
    cited_by: list[Citation] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.sentence.line,
            "start": self.sentence.start,
            "end": self.sentence.end,
            "text": self.text,
            "values": [v.as_dict() for v in self.values],
            "qualifiers": [{"word": w, "qualifier": q.value} for w, q in self.qualifiers],
            "cues": [c.as_dict() for c in self.cues],
            "cited_by": [c.as_dict() for c in self.cited_by],
        }


@dataclass
class Suggestions:
    source: SourceFile
    body: str  # NFC body: the offsets index it
    sentences: list[Sentence]
    items: list[Suggestion]
    # The assertions citing the source, with the places their quotes occupy in `body`.
    quotes: list[tuple[Citation, list[tuple[int, int]]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.id,
            "file": self.source.rel,
            "language": self.source.meta.language,
            "published": self.source.meta.published.iso(),
            "sentences": len(self.sentences),
            "suggestions": [s.as_dict() for s in self.items],
        }


# Lines that link elsewhere or credit a photo: no statement of the article.
_BOILERPLATE = re.compile(
    r"(?:baca|lihat|simak)\s+(?:juga|pula)\b|read\s+(?:more|also)\b|see\s+also\b|related\s*:|"
    r"(?:foto|photo|gambar|image)\s*:|copyright\b|©",
    re.IGNORECASE,
)
MIN_WORDS = 3  # words outside the values: "Senin 28 Sep 2020 15:52 WIB" is a timestamp, not a statement


def analyse_sentence(
    body: str, sentence: Sentence, language: Optional[str], published: Optional[PartialDate]
) -> Optional[Suggestion]:
    """The sentence as a suggestion when it states a value, an attribution or an event."""
    raw = body[sentence.start : sentence.end]
    text = " ".join(raw.split())
    if _BOILERPLATE.match(text):
        return None
    values = [_shift(v, sentence.start) for v in read_values(raw, language, published)]
    cues = [Cue(c.kind, c.word, c.start + sentence.start, c.end + sentence.start) for c in read_cues(raw, language)]
    qualifiers = qualifier_words(raw, language)
    if not values and (sentence.heading or all(c.kind == "speech" for c in cues)):
        return None  # a headline repeats what the text states in full; a bare "said" states nothing
    pieces, at = [], sentence.start
    for v in values:
        pieces.append(body[at : max(at, v.start)])
        at = max(at, v.end)
    pieces.append(body[at : sentence.end])
    if len(re.findall(r"[^\W\d_]{2,}", " ".join(pieces))) < MIN_WORDS:
        return None
    return Suggestion(sentence, text, values, qualifiers, cues)


def _shift(value: Value, by: int) -> Value:
    return replace(value, start=value.start + by, end=value.end + by)


def quote_spans(quote: str, body: str, normalised: Optional[tuple[str, list[int]]] = None) -> list[tuple[int, int]]:
    """Every place `quote` occurs in NFC(body), matched as `find_quote` matches (a caption
    printed twice holds the same quote twice). `normalised` is `normalise_with_map(body)`,
    when the caller matches many quotes against one body."""
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


Cited = dict[str, list[tuple[Citation, str]]]


def cited_by_source(corpus: Corpus) -> Cited:
    """Every assertion with its quote, by the source it cites: one pass over the claims."""
    index: Cited = {}
    for claim_id in sorted(corpus.claims):
        for number, assertion in enumerate(corpus.claims[claim_id].claim.assertions):
            index.setdefault(assertion.source, []).append((Citation(claim_id, number), assertion.quote))
    return index


def suggest(corpus: Corpus, source_id: str, uncurated: bool = False, cited: Optional[Cited] = None) -> Suggestions:
    """The sentences of one source worth a claim, with the assertions already citing each.

    With `uncurated`, only those no assertion cites yet. `cited` is `cited_by_source(corpus)`,
    for a caller that goes through many sources.
    """
    source = corpus.sources[source_id]
    body = unicodedata.normalize("NFC", source.body)
    sentences = split_sentences(body, source.body_line)
    items = []
    for sentence in sentences:
        item = analyse_sentence(body, sentence, source.meta.language, source.meta.published)
        if item is not None:
            items.append(item)
    normalised = normalise_with_map(body)
    quotes = (cited if cited is not None else cited_by_source(corpus)).get(source_id, [])
    placed = [(citation, quote_spans(quote, body, normalised)) for citation, quote in quotes]
    starts = [i.sentence.start for i in items]
    for citation, spans in placed:
        for start, end in spans:
            for item in _overlapping(items, starts, start, end):
                if citation not in item.cited_by:
                    item.cited_by.append(citation)
    if uncurated:
        items = [i for i in items if not i.cited_by]
    return Suggestions(source, body, sentences, items, placed)


def _overlapping(items: list[Any], starts: list[int], start: int, end: int) -> list[Any]:
    """The items (sorted, not overlapping each other) whose sentence overlaps [start, end)."""
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    for item in items[first:]:
        if item.sentence.start >= end:
            break
        if item.sentence.end > start:
            out.append(item)
    return out


# --------------------------------------------------------------------------------------------
# Measuring: how much of the curated data the suggestions find


@dataclass
class Measure:
    assertions: int = 0  # assertions whose quote was found in their source
    recalled: int = 0  # of those, the ones whose quote lies in suggested sentences
    suggested: int = 0  # suggested sentences
    cited: int = 0  # of those, the ones some assertion cites
    missed: list[tuple[Citation, str]] = field(default_factory=list)
    uncited: list[tuple[str, int, str]] = field(default_factory=list)  # source, line, sentence

    @property
    def recall(self) -> float:
        return self.recalled / self.assertions if self.assertions else 1.0

    @property
    def precision(self) -> float:
        return self.cited / self.suggested if self.suggested else 1.0


def measure(corpus: Corpus) -> Measure:
    """Recall: the share of curated assertions whose quote lies within suggested sentences
    (every sentence it touches is suggested). Precision: the share of suggested sentences that
    some assertion cites."""
    result = Measure()
    cited = cited_by_source(corpus)
    for source_id in sorted(corpus.sources):
        found = suggest(corpus, source_id, cited=cited)
        result.suggested += len(found.items)
        result.cited += sum(1 for item in found.items if item.cited_by)
        result.uncited += [(source_id, i.sentence.line, i.text) for i in found.items if not i.cited_by]
        suggested = {(i.sentence.start, i.sentence.end) for i in found.items}
        starts = [s.start for s in found.sentences]
        for citation, spans in found.quotes:
            if not spans:
                continue  # quote-not-found: `check` reports it; nothing to recall
            result.assertions += 1
            places = [_overlapping_sentences(found.sentences, starts, a, b) for a, b in spans]
            if any(all((s.start, s.end) in suggested for s in place) for place in places):
                result.recalled += 1
            else:
                quote = corpus.claims[citation.claim].claim.assertions[citation.assertion].quote
                result.missed.append((citation, quote))
    return result


def _overlapping_sentences(sentences: list[Sentence], starts: list[int], start: int, end: int) -> list[Sentence]:
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    for sentence in sentences[first:]:
        if sentence.start >= end:
            break
        if sentence.end > start:
            out.append(sentence)
    return out or [Sentence(start, end, 0)]  # a quote between sentences (in a dateline) is not recalled


# --------------------------------------------------------------------------------------------
# Assertion stubs: a sentence made ready to paste into a claim's `assertions:`

# Where a sentence divides into clauses: commas, semicolons and colons, spaced dashes, and the
# end of a quotation followed by its attribution ("...,” kata Kremlin").
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—]{1,2}(?=\s)|[,.!?][\"”’](?=\s)")
_TRIM_START = "\"“‘'„« \t\n\u00a0"
_TRIM_END = "\"”’'».,;:!? \t\n\u00a0"
MIN_CLAUSE_WORDS = 3  # "Pada 2020," is no quote by itself: it joins the clause that follows


@dataclass(frozen=True)
class Stub:
    """An assertion as the curator would start it: the quote is the sentence's core clause."""

    source: str
    quote: str
    value: Optional[Value]
    qualifier: Optional[Qualifier]
    suggestion: Suggestion


def clauses(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of body[start:end], trimmed of quotation marks and closing punctuation.

    A break inside parentheses is no break. Short pieces are not clauses: an opening "Pada
    2020," joins what follows, a list ("Rusia, Azerbaijan, dan Armenia") stays in one piece;
    only the attribution after a quotation ("...,” kata Kremlin") stands apart however short.
    """
    pieces: list[tuple[int, int, bool]] = []  # start, end, whether a quotation closed before it
    at, after_quote = start, False
    depth, counted = 0, start  # parentheses open before `counted`
    for match in _CLAUSE_BREAK.finditer(body, start, end):
        between = body[counted : match.start()]
        depth, counted = depth + between.count("(") - between.count(")"), match.start()
        if depth > 0:
            continue
        pieces.append((at, match.start() + (1 if match.group()[0] in ",.!?;:" else 0), after_quote))
        at, after_quote = match.end(), match.group()[-1] in "\"”’"
    pieces.append((at, end, after_quote))
    spans: list[tuple[int, int, bool]] = []
    for a, b, quoted in pieces:
        while a < b and body[a] in _TRIM_START:
            a += 1
        while b > a and body[b - 1] in _TRIM_END:
            b -= 1
        if re.search(r"\w", body[a:b]):
            spans.append((a, b, quoted))
    return _join_short(body, spans)


_CONJUNCTIONS = {"dan", "atau", "serta", "and", "or", "nor"}


def _join_short(body: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry: Optional[int] = None  # start of a short opening piece waiting for what follows
    listing = False  # the last clause ends in a list: "Rusia, Azerbaijan, dan Armenia ..."
    for a, b, quoted in spans:
        words = re.findall(r"[^\W\d_]+", body[a:b]) or [""]
        short = len(words) < MIN_CLAUSE_WORDS  # words of letters: "(23/11/2021)" adds none
        if carry is not None:
            a, carry, listing = carry, None, True
        elif out and not quoted and (short or (listing and words[0].lower() in _CONJUNCTIONS)):
            out[-1] = (out[-1][0], b)
            listing = True
            continue
        elif short and not out and not quoted:
            carry = a
            continue
        else:
            listing = False
        out.append((a, b))
    if carry is not None:
        out.append((carry, spans[-1][1]))
    return out


def stub(suggestions: Suggestions, item: Suggestion) -> Stub:
    """The core clause of the sentence as the quote: the clause holding its first value, else
    its first event or attribution, else its longest clause. The value and qualifier are guessed
    from the first value in that clause and the qualifier words."""
    body = suggestions.body
    spans = clauses(body, item.sentence.start, item.sentence.end) or [(item.sentence.start, item.sentence.end)]

    def holds(span: tuple[int, int], at: int) -> bool:
        return span[0] <= at < span[1]

    chosen = next((s for v in item.values for s in spans if holds(s, v.start)), None)
    if chosen is None:
        strong = [c for c in item.cues if c.kind in ("event", "attribution")]
        chosen = next((s for c in strong for s in spans if holds(s, c.start)), None)
    if chosen is None:
        chosen = max(spans, key=lambda s: s[1] - s[0])
    quote = body[chosen[0] : chosen[1]]
    value = next((v for v in item.values if chosen[0] <= v.start and v.end <= chosen[1]), None)
    qualifier = value.qualifier if value else None
    if qualifier is None and value is not None and value.type == "number":
        words = qualifier_words(quote, suggestions.source.meta.language)
        qualifier = words[0][1] if words else None
    if isinstance(value.value if value else None, tuple):
        qualifier = Qualifier.BETWEEN
    return Stub(suggestions.source.id, quote, value, qualifier, item)


def _yaml_value(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, PartialDate):
        return value.iso()
    return str(value)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    # Ids and words like "Armenia-Azerbaijan" are never cut at their hyphens, and a claim id
    # keeps its assertion number ("war-duration-2020 #1") on its line.
    glued = text.replace(" #", "\x00#")
    lines = textwrap.wrap(glued, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
    return [line.replace("\x00", " ") for line in lines]


def render_yaml(suggestions: Suggestions) -> str:
    """Assertion stubs, one per sentence, as a YAML list to paste under a claim's `assertions:`.
    What could not be guessed is left as a commented line to fill in."""
    out: list[str] = []
    for item in suggestions.items:
        s = stub(suggestions, item)
        heading = f"line {item.sentence.line}: {item.text}"
        out += _wrap(heading, 96, "# ", "#   ")
        if item.cited_by:
            out.append("#   already cited by " + ", ".join(f"{c.claim} #{c.assertion + 1}" for c in item.cited_by))
        out.append(f"- source: {s.source}")
        out.append(f"  quote: {json.dumps(' '.join(s.quote.split()), ensure_ascii=False)}")
        if s.value is not None and s.value.value is not None:
            note = f"  # worked out from {s.value.text!r} and the publication date" if s.value.relative else ""
            out.append(f"  value: {_yaml_value(s.value.value)}{note}")
        else:
            out.append("  # value:         # the answer to the claim's question")
        if s.qualifier is not None and s.qualifier is not Qualifier.EXACT:
            out.append(f"  qualifier: {s.qualifier.value}")
        others = [shown_value(v) for v in item.values if v is not s.value]
        if others:
            out.append("  # also in the sentence: " + "; ".join(others))
        out.append("  # translation: \"\"")
        out.append("  # claimant:      # actor id, when the article quotes someone")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Text and JSON


def render_json(suggestions: Suggestions) -> str:
    return json.dumps(suggestions.as_dict(), ensure_ascii=False, indent=2)


def shown_value(value: Value) -> str:
    """A value as a reader writes it, with the text it was read from when that differs."""
    from comparator import humanize
    from comparator.models import Kind

    if value.value is None:
        return f"{value.text!r} (no date: the publication day is not known)"
    if isinstance(value.value, tuple):
        low, high = value.value
        shown = f"{humanize.number(low)} to {humanize.number(high)}"
    else:
        kind = Kind.DATE if value.type == "date" else Kind.QUANTITY
        shown = humanize.value(kind, value.qualifier or Qualifier.EXACT, value.value)
    if value.relative:
        return f"{shown} (from {value.text!r})"
    return shown if value.text == humanize.number(value.value) else f"{shown} ({value.text!r})"


def render_text(suggestions: Suggestions, width: int = 100) -> str:
    blocks = []
    for item in suggestions.items:
        lines = _wrap(item.text, width, f"{item.sentence.line:>4}  ", " " * 6)
        facts = []
        if item.values:
            facts.append("values: " + "; ".join(shown_value(v) for v in item.values))
        if item.qualifiers and not any(v.qualifier for v in item.values):
            facts.append("qualifier words: " + ", ".join(f"{w} ({q.value})" for w, q in item.qualifiers))
        if item.cues:
            facts.append("cues: " + ", ".join(dict.fromkeys(c.word for c in item.cues)))
        cited = ", ".join(f"{c.claim} #{c.assertion + 1}" for c in item.cited_by)
        facts.append(f"cited by: {cited}" if cited else "not cited yet")
        for fact in facts:
            lines += _wrap(fact, width, " " * 6, " " * 8)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def summary(suggestions: Suggestions) -> str:
    uncited = sum(1 for i in suggestions.items if not i.cited_by)
    return (
        f"{suggestions.source.rel}: {len(suggestions.items)} of {len(suggestions.sentences)} sentences "
        f"shown, {uncited} not cited yet"
    )
