"""The sides of a claim: the maximal groups of assertions that can all be true together.

For intervals these are the maximal groups with a common point, found by one sweep over the
interval ends (never by trying subsets); for actors, the groups around each innermost actor
named, a broader actor joining each group of its parts; for other points, equal values. The
same grouping over every non-retracted assertion gives the claim's clusters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from comparator.corpus import Corpus
from comparator.items import Item
from comparator.terms import Kind
from comparator.values import Interval, Point, ValueSet


@dataclass(frozen=True)
class Side:
    """Assertions that can all be true together, who stands behind them, and the value they share."""

    assertions: tuple[int, ...]  # indexes into the claim's assertions
    origins: tuple[str, ...]  # distinct origin ids
    value: ValueSet  # what every member allows

    @property
    def support(self) -> int:
        """How many independent origins stand on this side."""
        return len(self.origins)


def find_sides(corpus: Corpus, items: Sequence[Item], kind: Kind) -> tuple[Side, ...]:
    """The sides of `items` (a claim's current assertions), lowest value first, so that their
    order does not depend on the order the assertions are written in."""
    by_index = {item.index: item for item in items}
    sides = [
        Side(
            tuple(group),
            tuple(sorted({by_index[i].origin for i in group})),
            common(corpus, [by_index[i].values for i in group]),
        )
        for group in groups(corpus, items, kind)
    ]
    return tuple(sorted(sides, key=lambda s: _order(s.value)))


def _order(values: ValueSet) -> tuple[Any, ...]:
    if isinstance(values, Interval):
        return (values.low_key, values.high_key)
    return (type(values.value).__name__, values.value)


def groups(corpus: Corpus, items: Sequence[Item], kind: Kind) -> list[list[int]]:
    """The maximal groups of `items` that can all be true together, as sorted index lists."""
    if not items:
        return []
    return _interval_groups(items) if kind.ordered else _point_groups(corpus, items, kind)


def _interval_groups(items: Sequence[Item]) -> list[list[int]]:
    """Maximal groups of intervals with a common point, by one sweep over their ends."""
    events = []
    empty: dict[tuple[Any, ...], list[int]] = {}
    for item in items:
        interval = item.values
        assert isinstance(interval, Interval)  # ordered kinds always have interval value sets
        if interval.empty:  # "nearly 5" with no tolerance allows nothing; agrees with its equals only
            empty.setdefault((interval.low_key, interval.high_key), []).append(item.index)
            continue
        events.append((interval.low_key, 0, item.index))  # starts before ends at one place
        events.append((interval.high_key, 1, item.index))
    events.sort()
    found = list(empty.values())
    active: set[int] = set()
    grown = False
    for _, is_end, index in events:
        if not is_end:
            active.add(index)
            grown = True
            continue
        if grown:  # the last start before an end closes a maximal group
            found.append(sorted(active))
            grown = False
        active.discard(index)
    return sorted(found)


def _point_groups(corpus: Corpus, items: Sequence[Item], kind: Kind) -> list[list[int]]:
    values = {_point(item) for item in items}
    if kind is Kind.ACTOR:
        # The innermost actors named are the maximal common points; a broader actor joins
        # each group of the actors that are part of it.
        covers = {v: set(corpus.ancestors(v)) for v in values}
        leaves = [v for v in values if not any(v != w and v in covers[w] for w in values)]
        found = [[i.index for i in items if _point(i) in covers[leaf]] for leaf in leaves]
    else:
        found = [[i.index for i in items if _point(i) == v] for v in values]
    return sorted(found)


def _point(item: Item) -> Any:
    assert isinstance(item.values, Point)  # unordered kinds always have point value sets
    return item.values.value


def common(corpus: Corpus, values: Sequence[ValueSet]) -> ValueSet:
    """What every one of `values` allows, for values that all meet: the intersection of
    intervals, or among nested actors the innermost (the ministry is within the state)."""
    first = values[0]
    if isinstance(first, Point):
        if any(v != first for v in values):
            names = [v.value for v in values]  # type: ignore[union-attr]
            return Point(max(names, key=lambda x: (len(corpus.ancestors(x)), x)))
        return first
    result = first
    for interval in values[1:]:
        assert isinstance(interval, Interval)  # one claim has one kind: all intervals
        result = result.intersection(interval)
    return result
