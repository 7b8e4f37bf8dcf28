"""One assertion as the comparison sees it: its value set, origin, date and standing."""

from __future__ import annotations

from dataclasses import dataclass

from comparator.dates import PartialDate
from comparator.models import Assertion
from comparator.parse import SourceFile
from comparator.terms import Status
from comparator.values import ValueSet


@dataclass(frozen=True)
class Item:
    """One assertion with everything the comparison derives for it."""

    index: int
    assertion: Assertion
    source: SourceFile | None
    outlet: str | None
    published: PartialDate | None
    as_of: PartialDate | None
    origin: str
    values: ValueSet
    status: Status = Status.CURRENT

    @property
    def current(self) -> bool:
        return self.status is Status.CURRENT


def before(x: Item, y: Item) -> bool:
    """Whether x's figure is dated wholly before y's. Periods that overlap ("as of 2020" and
    "as of 1 June 2020") have no order: the yearly figure may be December's."""
    return bool(x.as_of and y.as_of and x.as_of.last < y.as_of.first)
