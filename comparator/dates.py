"""Dates whose precision is their form: `2020-09-27` is a day, `2020-11` a month, `2020` a year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MIN_YEAR, MAX_YEAR = dt.MINYEAR, dt.MAXYEAR
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept what YAML gives for a date: a `date`, an int year, or an ISO string."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("a date, not a date and time, is expected")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("a date is expected (YYYY-MM-DD, YYYY-MM or YYYY)")
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a year written `2.02e3` is whole, as JSON Schema's `integer` says
        if isinstance(value, int):
            value = f"{value:04d}"
        if not isinstance(value, str):
            raise ValueError("a date is expected (YYYY-MM-DD, YYYY-MM or YYYY)")
        match = _FORM.match(value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY")
        year = int(match.group(1))
        if not MIN_YEAR <= year <= MAX_YEAR:
            # Outside these years no calendar arithmetic works, here or in any library.
            raise ValueError(f"{value!r}: year {year} is out of range ({MIN_YEAR} to {MAX_YEAR})")
        month, day = (int(g) if g else None for g in match.groups()[1:])
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{value!r}: month {month} does not exist")
        if day is not None:
            assert month is not None  # the pattern only has a day after a month
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r}: day {day} does not exist in that month") from None
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        if self.day:
            return self.first
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """As a reader writes it: `27 Sep 2020`, `Nov 2020`, `2020`."""
        if self.day:
            assert self.month is not None  # a day is only ever given within a month
            return f"{self.day} {MONTHS_SHORT[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS_SHORT[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


def human_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def day_from_ordinal(ordinal: float) -> dt.date:
    """The day numbered `ordinal` (1 is 1 Jan 0001), held to the calendar's first and last day:
    value sets bound dates by day numbers, and an end one past the calendar is its edge."""
    return dt.date.fromordinal(min(max(int(ordinal), 1), dt.date.max.toordinal()))


def spanned(first: dt.date, last: dt.date) -> PartialDate | None:
    """The month or year that runs exactly from `first` to `last`, if they span one."""
    whole = PartialDate(first.year, first.month)
    if first.day == 1 and first.year == last.year and first.month == last.month and last == whole.last:
        return whole
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return PartialDate(first.year)
    return None
