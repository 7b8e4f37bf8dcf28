"""Reading the dates an article writes: "27 September 2020", "(13/9/2022)", "Sabtu", "Januari lalu".

Indonesian and English month and weekday names (full and short), numeric day/month dates, ISO
dates, year ranges, bare years, and the relative forms news copy uses: a weekday, a month
without its year, "bulan lalu", "last week", "kemarin". A relative date is placed by the
publication date; without one (or without its day, for a weekday) it is read but has no value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from comparator.curation.spans import Spans
from comparator.dates import PartialDate
from comparator.numbers import reading_language

# What a date in text reads as: a day, month or year; a span of them ("1992-1994", "pekan
# lalu"); or None for a relative date that the publication date cannot place.
DateReading = PartialDate | tuple[PartialDate, PartialDate] | None


@dataclass(frozen=True)
class DateFound:
    """A date written in a text: `text` is text[start:end]. `relative` when it was worked out
    from the publication date ("Sabtu", "bulan lalu"); its value is None when that cannot be done."""

    text: str
    value: DateReading
    start: int
    end: int
    relative: bool = False


_MONTHS = {
    "id": {
        "januari": 1,
        "februari": 2,
        "pebruari": 2,
        "maret": 3,
        "april": 4,
        "mei": 5,
        "juni": 6,
        "juli": 7,
        "agustus": 8,
        "september": 9,
        "oktober": 10,
        "november": 11,
        "nopember": 11,
        "desember": 12,
    },
    "en": {
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "may": 5,
        "june": 6,
        "july": 7,
        "august": 8,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
    },
}
_MONTHS_SHORT = {
    "id": {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "mei": 5,
        "jun": 6,
        "jul": 7,
        "agu": 8,
        "agt": 8,
        "agst": 8,
        "ags": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "nop": 11,
        "des": 12,
    },
    "en": {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
}
# Monday is 0, as in `datetime.weekday()`.
_WEEKDAYS = {
    "id": {
        "senin": 0,
        "selasa": 1,
        "rabu": 2,
        "kamis": 3,
        "jumat": 4,
        "jum'at": 4,
        "sabtu": 5,
        "minggu": 6,
        "ahad": 6,
    },
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
}
# How a language says "last", "this" and "next" after (id) or before (en) a period.
_PAST, _THIS, _NEXT = "past", "this", "next"
_RELATIVE_AFTER = {
    "id": {
        "lalu": _PAST,
        "kemarin": _PAST,
        "sebelumnya": _PAST,
        "ini": _THIS,
        "depan": _NEXT,
        "mendatang": _NEXT,
        "pekan ini": _THIS,
        "minggu ini": _THIS,
        "tahun lalu": "last-year",
        "tahun ini": _THIS,
    },
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
    "id": {
        "pada",
        "sejak",
        "tahun",
        "hingga",
        "sampai",
        "awal",
        "akhir",
        "pertengahan",
        "medio",
        "era",
        "dekade",
        "periode",
        "selama",
        "sebelum",
        "setelah",
        "sesudah",
        "jelang",
        "menjelang",
    },
    "en": {
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "of",
        "year",
        "early",
        "late",
        "mid",
        "during",
        "before",
        "after",
        "the",
        "circa",
        "around",
    },
}
_YEAR = r"(?:1[89]\d\d|20\d\d)"


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
        if months
        else none
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
        (
            "numeric",
            re.compile(
                r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])|\((?P<d2>\d{1,2})/(?P<m2>\d{1,2})\)"
            ),
        ),
        ("day-month", re.compile(rf"(?<![\d.,])(?P<d>\d{{1,2}})\s+{month}(?:,?\s+(?P<y>\d{{4}}))?(?!\w)")),
        (
            "month-day",
            re.compile(
                rf"{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]?\d)(?:,?\s+(?P<y>\d{{4}}))?(?!\w)"
            ),
        ),
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


def read_dates(text: str, language: str | None, published: PartialDate | None = None) -> list[DateFound]:
    """The dates written in `text`, absolute or relative, in order; a relative one ("Sabtu",
    "bulan lalu", "27 September") is placed by the publication date when there is one."""
    lexicon = _dates(reading_language(language))
    taken = Spans()
    found: list[DateFound] = []
    for kind, pattern in lexicon.patterns:  # the more specific forms first: they win overlaps
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if kind == "period" and re.search(r"(?<!\w)the\s+$", text[max(0, start - 8) : start], re.I):
                continue  # "the last week of the war" is its final week, not the week before this one
            resolved = _resolve(kind, match, lexicon, text, published)
            if resolved is None:
                continue
            value, relative = resolved
            taken.add(start, end)
            found.append(DateFound(match.group(), value, start, end, relative))
    found.sort(key=lambda v: v.start)
    return _merge_weekdays(text, found)


def _merge_weekdays(text: str, found: list[DateFound]) -> list[DateFound]:
    """ "Selasa (13/9/2022)" and "Senin 28 Sep 2020" are one date: the weekday names it."""
    merged: list[DateFound] = []
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
    kind: str, match: re.Match[str], lexicon: _Dates, text: str, published: PartialDate | None
) -> tuple[DateReading, bool] | None:
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


def _relation(groups: dict[str, str | None]) -> str | None:
    word = groups.get("after") or groups.get("before")
    if word is None:
        return None
    word = " ".join(word.lower().split())
    table = {**_RELATIVE_AFTER.get("id", {}), **_RELATIVE_AFTER.get("en", {}), **_RELATIVE_BEFORE["en"]}
    return table.get(word)


def _day(year: int, month: int, day: int) -> PartialDate:
    dt.date(year, month, day)  # ValueError for 31/2
    return PartialDate(year, month, day)


def _near(month: int, day: int | None, relation: str | None, published: PartialDate | None) -> DateReading:
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


def _weekday(target: int, relation: str | None, published: PartialDate | None) -> DateReading:
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


def _period(period: str, relation: str | None, published: PartialDate | None) -> DateReading:
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
        return (
            PartialDate(monday.year, monday.month, monday.day),
            PartialDate(sunday.year, sunday.month, sunday.day),
        )
    return None


def _is_year(text: str, match: re.Match[str], lang: str) -> bool:
    """A bare 1800-2099 is a year after a word like "sejak" or "in", or when no lowercase word
    follows it; "2000 tentara" and "2000 troops" are counts."""
    before = re.findall(r"[^\W\d_]+", text[max(0, match.start() - 30) : match.start()])
    if before and before[-1].lower() in _YEAR_CONTEXT.get(lang, set()):
        return True
    following = re.match(r"\s+([a-z]+)", text[match.end() :])
    if following is None:
        return True
    # English writes a count of a thousand or more with a comma (2,000 troops), so a bare
    # 2020 before a word is a year unless that word is what is counted: "a 2020 war", "the
    # 2021 ceasefire" are years, "2000 troops" and "1500 people" counts.
    return lang == "en" and not _counted(following.group(1))


# Plurals without an -s, and words ending in -s that are no plural, for telling a count's noun.
_UNMARKED_PLURALS = {"people", "personnel", "men", "women", "children", "police", "staff", "troops"}
_NOT_PLURAL = {"was", "is", "has", "as", "saw", "marks", "sees", "brings", "this", "its", "his", "thus"}


def _counted(word: str) -> bool:
    """Whether `word`, after a number, names what is counted (a plural noun)."""
    return word in _UNMARKED_PLURALS or (word.endswith("s") and len(word) > 3 and word not in _NOT_PLURAL)
