"""How a draft's figure stands against what the claim base says: one `vet` status.

The draft's figure is made a value set as an assertion's would be (`values.value_set`, with
the qualifier word the draft writes before it) and compared with the claim's comparison
(`compare.analyse`): which current sides it fits, whether it is the figure of an assertion a
later figure superseded, whether the sources' qualifier was dropped, whether the claim is
contested, and whether its state rests on one origin. The order of the checks is the order
of what a desk must fix first: an out-of-date figure, a figure no source gives, a figure made
stronger than its source, then how a sound figure is stated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from comparator.compare import Analysis, Item
from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.drafts import Figure
from comparator.terms import Kind, Qualifier, Status, Verdict
from comparator.values import Interval, Point, ValueSet, value_set


class VetStatus(str, Enum):
    OK = "ok"
    SUPERSEDED = "superseded"
    CONTESTED = "contested"
    SINGLE_ORIGIN = "single-origin"
    QUALIFIER_DROPPED = "qualifier-dropped"
    CONTRADICTS = "contradicts"
    UNMATCHED = "unmatched"

    @property
    def flagged(self) -> bool:
        """Whether the draft must change (or say who says it) before it goes out."""
        return self not in (VetStatus.OK, VetStatus.UNMATCHED)


@dataclass(frozen=True)
class Fit:
    status: VetStatus
    sides: tuple[int, ...]  # the current sides the figure fits
    item: Item | None = None  # the superseded assertion, or the one whose qualifier was dropped


def kinds_for(figure: Figure) -> tuple[Kind, ...]:
    """The kinds of claim a figure can speak to."""
    if figure.actor is not None:
        return (Kind.ACTOR,)
    if figure.date is not None:
        return (Kind.DATE,)
    return (Kind.COUNT, Kind.QUANTITY)


def draft_values(kind: Kind, figure: Figure, tolerance: float) -> ValueSet | None:
    """The figure as a value set of the claim's kind, or None when it cannot be one (a count
    that is not a whole number)."""
    if kind is Kind.ACTOR:
        return Point(figure.actor)
    if kind is Kind.DATE:
        if isinstance(figure.date, tuple):
            return value_set(kind, Qualifier.BETWEEN, figure.date, tolerance)
        return value_set(kind, figure.qualifier, figure.date, tolerance)
    number = figure.number
    if number is None or (kind is Kind.COUNT and not float(number).is_integer()):
        return None
    if kind is Kind.COUNT:
        number = int(number)
        if number == 0 and figure.qualifier in (Qualifier.LESS_THAN, Qualifier.NEARLY):
            return None
    return value_set(kind, figure.qualifier, number, tolerance)


def _stated(value: Any) -> list[Any]:
    return list(value) if isinstance(value, tuple | list) else [value]


def same_figure(figure: Figure, item: Item) -> bool:
    """Whether the draft writes the very figure the assertion states (its qualifier aside)."""
    stated = _stated(item.assertion.value)
    if figure.number is not None:
        return any(
            isinstance(v, int | float) and not isinstance(v, bool) and abs(v - figure.number) < 1e-9
            for v in stated
        )
    if figure.date is not None:
        return any(isinstance(v, PartialDate) and v in _stated(figure.date) for v in stated)
    return False


def _meets(corpus: Corpus, a: ValueSet, b: ValueSet) -> bool:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return a.meets(b)
    if isinstance(a, Point) and isinstance(b, Point):
        x, y = a.value, b.value
        return bool(x == y or x in corpus.ancestors(y) or y in corpus.ancestors(x))
    return False


def _within(inner: ValueSet, outer: ValueSet) -> bool:
    """Whether `inner` is strictly narrower than `outer`: it says more than its source."""
    if not (isinstance(inner, Interval) and isinstance(outer, Interval)):
        return False
    wider = outer.low_key <= inner.low_key and inner.high_key <= outer.high_key
    return wider and (outer.low_key, outer.high_key) != (inner.low_key, inner.high_key)


def fitting_sides(corpus: Corpus, analysis: Analysis, values: ValueSet) -> tuple[int, ...]:
    return tuple(n for n, side in enumerate(analysis.sides) if _meets(corpus, values, side.value))


def speaks_about(corpus: Corpus, analysis: Analysis, figure: Figure) -> bool:
    """Whether the claim knows this figure: it fits a current side, or an assertion states it."""
    values = draft_values(analysis.claim.claim.kind, figure, analysis.claim.claim.tolerance)
    if values is None:
        return False
    return bool(fitting_sides(corpus, analysis, values)) or any(
        same_figure(figure, item) for item in analysis.items if item.status is not Status.RETRACTED
    )


_PLAIN = (Qualifier.EXACT, Qualifier.BETWEEN)


_PLAIN = (Qualifier.EXACT, Qualifier.BETWEEN)


def judge(corpus: Corpus, analysis: Analysis, figure: Figure, attributed: bool) -> Fit:
    """The status of the draft's `figure` against the claim of `analysis`."""
    claim = analysis.claim.claim
    values = draft_values(claim.kind, figure, claim.tolerance)
    if values is None:
        return Fit(VetStatus.CONTRADICTS, ())
    sides = fitting_sides(corpus, analysis, values)

    def first(test: Callable[[Item], bool]) -> Item | None:
        return next((i for i in analysis.items if test(i)), None)

    current_same = first(lambda i: i.current and same_figure(figure, i))
    old = first(lambda i: i.status is Status.SUPERSEDED and same_figure(figure, i))
    if old is not None and current_same is None:
        return Fit(VetStatus.SUPERSEDED, sides, old)
    qualified = current_same is not None and current_same.assertion.qualifier not in _PLAIN
    if qualified and current_same is not None and (not sides or _within(values, current_same.values)):
        return Fit(VetStatus.QUALIFIER_DROPPED, sides, current_same)
    if not sides:
        return Fit(VetStatus.CONTRADICTS, ())
    if analysis.verdict is Verdict.CONTESTED and len(sides) < len(analysis.sides) and not attributed:
        return Fit(VetStatus.CONTESTED, sides)
    if analysis.verdict is Verdict.SINGLE_ORIGIN and not attributed:
        return Fit(VetStatus.SINGLE_ORIGIN, sides)
    return Fit(VetStatus.OK, sides)
