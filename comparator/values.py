"""Value sets: what an assertion allows, as an interval (ordered kinds) or a point.

Counts and dates are discrete, so their intervals are kept closed on whole numbers (days for
dates): "more than 5" is [6, ∞) and "less than 6" is [0, 5], and the two rightly contradict.
Quantities are real numbers and keep open ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from comparator.dates import day_from_ordinal
from comparator.terms import Kind, Qualifier

Number = int | float
INF = math.inf


@dataclass(frozen=True)
class Interval:
    """From `low` to `high`; None is unbounded on that side."""

    low: Number | None
    high: Number | None
    low_open: bool = False
    high_open: bool = False

    # Ends as sortable keys: an open low end sits just after its number, an open high end
    # just before it, so that two intervals meet exactly when max(lows) <= min(highs).
    @property
    def low_key(self) -> tuple[float, int]:
        return (-INF, 0) if self.low is None else (self.low, 1 if self.low_open else 0)

    @property
    def high_key(self) -> tuple[float, int]:
        return (INF, 0) if self.high is None else (self.high, -1 if self.high_open else 0)

    @property
    def empty(self) -> bool:
        return self.low_key > self.high_key

    def meets(self, other: Interval) -> bool:
        return max(self.low_key, other.low_key) <= min(self.high_key, other.high_key)

    def intersection(self, other: Interval) -> Interval:
        low = max(self, other, key=lambda i: i.low_key)
        high = min(self, other, key=lambda i: i.high_key)
        return Interval(low.low, high.high, low.low_open, high.high_open)


@dataclass(frozen=True)
class Point:
    """A single value: an actor id, a boolean, or text (compared folded, shown as written)."""

    value: Any
    label: Any = field(default=None, compare=False)

    @property
    def shown(self) -> Any:
        return self.value if self.label is None else self.label


ValueSet = Interval | Point


def value_set(kind: Kind, qualifier: Qualifier, value: Any, tolerance: float) -> ValueSet:
    if kind is Kind.COUNT:
        return _count(qualifier, value, tolerance)
    if kind is Kind.QUANTITY:
        return _quantity(qualifier, value, tolerance)
    if kind is Kind.DATE:
        return _date(qualifier, value)
    if kind is Kind.TEXT:
        return Point(" ".join(str(value).casefold().split()), label=value)
    return Point(value)


def _count(q: Qualifier, v: Any, t: float) -> Interval:
    if q is Qualifier.BETWEEN:
        return Interval(v[0], v[1])
    exact = {
        Qualifier.EXACT: (v, v),
        Qualifier.AT_LEAST: (v, None),
        Qualifier.MORE_THAN: (v + 1, None),
        Qualifier.AT_MOST: (0, v),
        Qualifier.LESS_THAN: (0, v - 1),
        Qualifier.ABOUT: (math.ceil(v * (1 - t) - 1e-9), math.floor(v * (1 + t) + 1e-9)),
        # "nearly 5" still means something (4) when the tolerance is narrower than one
        Qualifier.NEARLY: (min(math.ceil(v * (1 - t) - 1e-9), v - 1), v - 1),
    }
    low, high = exact[q]
    return Interval(low, high)


def _quantity(q: Qualifier, v: Any, t: float) -> Interval:
    if q is Qualifier.BETWEEN:
        return Interval(v[0], v[1])
    if q is Qualifier.EXACT:
        return Interval(v, v)
    if q is Qualifier.AT_LEAST:
        return Interval(v, None)
    if q is Qualifier.MORE_THAN:
        return Interval(v, None, low_open=True)
    if q is Qualifier.AT_MOST:
        return Interval(None, v)
    if q is Qualifier.LESS_THAN:
        return Interval(None, v, high_open=True)
    spread = abs(v) * t
    if q is Qualifier.ABOUT:
        return Interval(v - spread, v + spread)
    # nearly: close below the figure, never reaching it
    return Interval(v - spread, v, high_open=True)


def _date(q: Qualifier, v: Any) -> Interval:
    # Precision is already the vagueness of a date, so `about` and `nearly` keep its span.
    if q is Qualifier.BETWEEN:
        return Interval(v[0].first.toordinal(), v[1].last.toordinal())
    first, last = v.first.toordinal(), v.last.toordinal()
    return {
        Qualifier.EXACT: Interval(first, last),
        Qualifier.ABOUT: Interval(first, last),
        Qualifier.NEARLY: Interval(first, last),
        Qualifier.AT_LEAST: Interval(first, None),
        Qualifier.MORE_THAN: Interval(last + 1, None),
        Qualifier.AT_MOST: Interval(None, last),
        Qualifier.LESS_THAN: Interval(None, first - 1),
    }[q]


def ordinal_date(ordinal: Number | None) -> str | None:
    return None if ordinal is None else day_from_ordinal(ordinal).isoformat()


def same(a: ValueSet, b: ValueSet) -> bool:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return a.low_key == b.low_key and a.high_key == b.high_key
    return a == b
