"""Comparing the assertions of one claim: origins, relations, statuses, sides and disputes,
clusters, verdict and consensus.

Retracted assertions stay on record but take no part; superseded figures keep their
relations (history) but the claim's state, its sides, verdict and consensus, is that of its
current assertions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from comparator.corpus import Corpus
from comparator.disputes import Dispute as Dispute
from comparator.disputes import judge
from comparator.items import Item as Item
from comparator.items import before
from comparator.models import Assertion
from comparator.parse import ClaimFile
from comparator.sides import Side as Side
from comparator.sides import common as common
from comparator.sides import find_sides, groups
from comparator.terms import Kind, Relation, Status, Verdict
from comparator.values import Interval, Point, ValueSet, same, value_set


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
    items: tuple[Item, ...]  # every assertion, in file order, each with its status
    pairs: tuple[Pair, ...]  # one per pair of non-retracted assertions
    clusters: tuple[Cluster, ...]
    origins: tuple[str, ...]  # distinct origins of the current assertions: what the state rests on
    verdict: Verdict
    consensus: ValueSet | None
    sides: tuple[Side, ...] = ()
    disputes: tuple[Dispute, ...] = ()

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def contradictions(self) -> list[Pair]:
        return [p for p in self.pairs if p.relation is Relation.CONTRADICT]

    @property
    def current(self) -> list[Item]:
        return [item for item in self.items if item.current]


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
    items = [_item(corpus, claim_file, i, a) for i, a in enumerate(claim.assertions)]
    live = [item for item in items if item.assertion.retracted is None]
    overlaps = _overlap_test(corpus, claim.kind)
    pairs = tuple(
        _relate(live[i], live[j], claim.cumulative, overlaps)
        for i in range(len(live))
        for j in range(i + 1, len(live))
    )
    superseded = {p.a for p in pairs if p.relation is Relation.SUPERSEDE}
    for item in items:
        if item.assertion.retracted is not None:
            items[item.index] = replace(item, status=Status.RETRACTED)
        elif item.index in superseded:
            items[item.index] = replace(item, status=Status.SUPERSEDED)
    current = [item for item in items if item.current]
    now = {item.index for item in current}
    contested = any(p.relation is Relation.CONTRADICT and p.a in now and p.b in now for p in pairs)
    origins = tuple(sorted({item.origin for item in current}))
    if contested:
        verdict = Verdict.CONTESTED
    elif len(origins) >= 2:
        verdict = Verdict.CORROBORATED
    else:
        verdict = Verdict.SINGLE_ORIGIN
    live = [items[item.index] for item in live]
    clusters = tuple(
        Cluster(tuple(group), tuple(sorted({items[i].origin for i in group})))
        for group in groups(corpus, live, claim.kind)
    )
    sides = find_sides(corpus, current, claim.kind)
    disputes = judge(corpus, claim, items, sides) if contested else ()
    consensus = None if contested or not current else _consensus(corpus, current, claim.cumulative)
    return Analysis(claim_file, tuple(items), pairs, clusters, origins, verdict, consensus, sides, disputes)


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


def _relate(x: Item, y: Item, cumulative: bool, overlaps: Overlap) -> Pair:
    same_origin = x.origin == y.origin
    # The same figure at two dates agrees, whatever its set (a set can be empty: "nearly 0.5"
    # with no tolerance allows nothing, and compared by its ends it would look like a fall).
    if cumulative and not same(x.values, y.values) and (before(x, y) or before(y, x)):
        early, late = (x, y) if before(x, y) else (y, x)
        e, later = early.values, late.values
        assert isinstance(e, Interval) and isinstance(later, Interval)
        if later.high_key < e.low_key:  # a running total cannot shrink
            return Pair(early.index, late.index, Relation.CONTRADICT, same_origin)
        if later.low_key > e.low_key and later.high_key >= e.high_key:
            return Pair(early.index, late.index, Relation.SUPERSEDE, same_origin)
    if same(x.values, y.values):
        relation = Relation.AGREE
    elif overlaps(x.values, y.values):
        relation = Relation.COMPATIBLE
    else:
        relation = Relation.CONTRADICT
    return Pair(x.index, y.index, relation, same_origin)


def _consensus(corpus: Corpus, items: list[Item], cumulative: bool) -> ValueSet | None:
    values = [i.values for i in items]
    if not cumulative or isinstance(values[0], Point):
        return common(corpus, values)
    # the latest figures: those that no other figure is dated wholly after
    latest = [i for i in items if not any(before(i, j) for j in items)]
    low = max(values, key=lambda v: v.low_key)  # type: ignore[union-attr]
    high = min((i.values for i in latest), key=lambda v: v.high_key)  # type: ignore[union-attr]
    return Interval(low.low, high.high, low.low_open, high.high_open)  # type: ignore[union-attr]
