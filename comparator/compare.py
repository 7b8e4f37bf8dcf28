"""Comparing the assertions of one claim: origins, relations, clusters, verdict and consensus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.models import Assertion, Kind
from comparator.parse import ClaimFile, SourceFile
from comparator.values import Interval, Point, ValueSet, same, value_set


class Relation(str, Enum):
    AGREE = "agree"
    COMPATIBLE = "compatible"
    SUPERSEDE = "supersede"
    CONTRADICT = "contradict"


class Verdict(str, Enum):
    CONTESTED = "contested"
    CORROBORATED = "corroborated"
    SINGLE_ORIGIN = "single-origin"


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


@dataclass(frozen=True)
class Pair:
    a: int  # for `supersede`, the earlier assertion
    b: int
    relation: Relation
    same_origin: bool


@dataclass(frozen=True)
class Cluster:
    assertions: tuple[int, ...]
    origins: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    claim: ClaimFile
    items: tuple[Item, ...]
    pairs: tuple[Pair, ...]
    clusters: tuple[Cluster, ...]
    origins: tuple[str, ...]
    verdict: Verdict
    consensus: ValueSet | None

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def contradictions(self) -> list[Pair]:
        return [p for p in self.pairs if p.relation is Relation.CONTRADICT]


def origin_of(corpus: Corpus, assertion: Assertion) -> str:
    """Claimant's top actor, else the wire, else the origin of what it copies, else the outlet."""
    if assertion.claimant:
        return corpus.top_actor(assertion.claimant)
    return source_origin(corpus, assertion.source)


def source_origin(corpus: Corpus, source_id: str) -> str:
    seen: set[str] = set()
    current = source_id
    while current not in seen:
        seen.add(current)
        source = corpus.sources.get(current)
        if source is None:
            return current  # an unknown source (reported by check) stands for itself
        if source.meta.wire:
            return source.meta.wire
        if not source.meta.derived_from:
            return source.meta.outlet
        current = source.meta.derived_from
    return corpus.sources[source_id].meta.outlet  # a copy loop (reported by check)


def analyse(corpus: Corpus, claim_file: ClaimFile) -> Analysis:
    claim = claim_file.claim
    items = tuple(_item(corpus, claim_file, i, a) for i, a in enumerate(claim.assertions))
    overlaps = _overlap_test(corpus, claim.kind)
    pairs = tuple(
        _relate(items[i], items[j], claim.cumulative, overlaps)
        for i in range(len(items))
        for j in range(i + 1, len(items))
    )
    origins = tuple(sorted({item.origin for item in items}))
    if any(p.relation is Relation.CONTRADICT for p in pairs):
        verdict = Verdict.CONTESTED
    elif len(origins) >= 2:
        verdict = Verdict.CORROBORATED
    else:
        verdict = Verdict.SINGLE_ORIGIN
    clusters = _clusters(corpus, items, claim.kind)
    consensus = None if verdict is Verdict.CONTESTED else _consensus(corpus, items, claim.cumulative)
    return Analysis(claim_file, items, pairs, clusters, origins, verdict, consensus)


def _item(corpus: Corpus, claim_file: ClaimFile, index: int, assertion: Assertion) -> Item:
    claim = claim_file.claim
    source = corpus.sources.get(assertion.source)
    published = source.meta.published if source else None
    return Item(
        index=index,
        assertion=assertion,
        source=source,
        outlet=source.meta.outlet if source else None,
        published=published,
        as_of=assertion.as_of or published,
        origin=origin_of(corpus, assertion),
        values=value_set(claim.kind, assertion.qualifier, assertion.value, claim.tolerance),
    )


Overlap = Callable[[ValueSet, ValueSet], bool]


def _overlap_test(corpus: Corpus, kind: Kind) -> Overlap:
    if kind is Kind.ACTOR:
        # An actor and an actor it is part of are compatible: the ministry is part of the state.
        def actors_meet(a: ValueSet, b: ValueSet) -> bool:
            x, y = a.value, b.value  # type: ignore[union-attr]
            return x == y or x in corpus.ancestors(y) or y in corpus.ancestors(x)

        return actors_meet
    if kind.ordered:
        # Ordered kinds always have interval value sets.
        def intervals_meet(a: ValueSet, b: ValueSet) -> bool:
            assert isinstance(a, Interval) and isinstance(b, Interval)
            return a.meets(b)

        return intervals_meet
    return lambda a, b: a == b


def _before(x: Item, y: Item) -> bool:
    """Whether x's figure is dated wholly before y's. Periods that overlap ("as of 2020" and
    "as of 1 June 2020") have no order: the yearly figure may be December's."""
    return bool(x.as_of and y.as_of and x.as_of.last < y.as_of.first)


def _relate(x: Item, y: Item, cumulative: bool, overlaps: Overlap) -> Pair:
    same_origin = x.origin == y.origin
    if cumulative and (_before(x, y) or _before(y, x)):
        early, late = (x, y) if _before(x, y) else (y, x)
        e, later = early.values, late.values
        assert isinstance(e, Interval) and isinstance(later, Interval)
        if later.high_key < e.low_key:  # a running total cannot shrink
            return Pair(early.index, late.index, Relation.CONTRADICT, same_origin)
        if not same(e, later) and later.low_key > e.low_key and later.high_key >= e.high_key:
            return Pair(early.index, late.index, Relation.SUPERSEDE, same_origin)
    if same(x.values, y.values):
        relation = Relation.AGREE
    elif overlaps(x.values, y.values):
        relation = Relation.COMPATIBLE
    else:
        relation = Relation.CONTRADICT
    return Pair(x.index, y.index, relation, same_origin)


def _clusters(corpus: Corpus, items: tuple[Item, ...], kind: Kind) -> tuple[Cluster, ...]:
    groups = _interval_groups(items) if kind.ordered else _point_groups(corpus, items, kind)
    return tuple(Cluster(tuple(group), tuple(sorted({items[i].origin for i in group}))) for group in groups)


def _interval_groups(items: tuple[Item, ...]) -> list[list[int]]:
    """Maximal groups of intervals with a common point, by one sweep over their ends."""
    events = []
    groups: list[list[int]] = []
    for item in items:
        interval = item.values
        assert isinstance(interval, Interval)
        if interval.empty:
            groups.append([item.index])
            continue
        events.append((interval.low_key, 0, item.index))  # starts before ends at one place
        events.append((interval.high_key, 1, item.index))
    events.sort()
    active: set[int] = set()
    grown = False
    for _, is_end, index in events:
        if not is_end:
            active.add(index)
            grown = True
            continue
        if grown:
            groups.append(sorted(active))
            grown = False
        active.discard(index)
    return sorted(groups)


def _point_groups(corpus: Corpus, items: tuple[Item, ...], kind: Kind) -> list[list[int]]:
    values = {item.values.value for item in items}  # type: ignore[union-attr]
    if kind is Kind.ACTOR:
        # The innermost actors named are the maximal common points; a broader actor joins
        # each group of the actors that are part of it.
        covers = {v: set(corpus.ancestors(v)) for v in values}
        leaves = [v for v in values if not any(v != w and v in covers[w] for w in values)]
        groups = [[i.index for i in items if i.values.value in covers[leaf]] for leaf in leaves]  # type: ignore[union-attr]
    else:
        groups = [[i.index for i in items if i.values.value == v] for v in values]  # type: ignore[union-attr]
    return sorted(groups)


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


def _consensus(corpus: Corpus, items: tuple[Item, ...], cumulative: bool) -> ValueSet | None:
    values = [i.values for i in items]
    if not cumulative or isinstance(values[0], Point):
        return common(corpus, values)
    # the latest figures: those that no other figure is dated wholly after
    latest = [i for i in items if not any(_before(i, j) for j in items)]
    low = max(values, key=lambda v: v.low_key)  # type: ignore[union-attr]
    high = min((i.values for i in latest), key=lambda v: v.high_key)  # type: ignore[union-attr]
    return Interval(low.low, high.high, low.low_open, high.high_open)  # type: ignore[union-attr]
