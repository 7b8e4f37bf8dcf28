"""The report's content as data: which claims in which order, and every figure the
markdown shows (overview counts, sides, running totals, the two matrices, the source index).

Nothing here formats text, so the numbers can be tested apart from how they read. Every
collection is ordered explicitly: the same data must give the same report, byte for byte.
All work is one pass over the claims (and over each claim's own pairs), never across pairs
of claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from comparator.compare import Analysis
from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.facets import Facets, Filters
from comparator.terms import Cause, DisputeKind, Relation, Status, Verdict
from comparator.values import Interval, ValueSet

VERDICTS = (Verdict.CONTESTED, Verdict.CORROBORATED, Verdict.SINGLE_ORIGIN)


@dataclass(frozen=True)
class Overview:
    claims: int
    assertions: int
    sources: int
    outlets: int
    first: PartialDate | None  # earliest publication among the cited sources
    last: PartialDate | None
    by_verdict: tuple[tuple[Verdict, int], ...]
    by_topic: tuple[tuple[str, tuple[int, ...]], ...]  # counts in the order of VERDICTS
    disputes_by_kind: tuple[tuple[DisputeKind, int], ...]  # kinds that occur, in the enum's order
    disputes_by_cause: tuple[tuple[Cause, int], ...]


@dataclass(frozen=True)
class Figure:
    """One figure of a running total, as the chart and its table show it."""

    index: int
    as_of: PartialDate | None
    origin: str
    low: float | None  # lower bound; None when the figure sets none ("at most 5,000")
    superseded_by: tuple[int, ...]
    contradicts: tuple[int, ...]


@dataclass(frozen=True)
class RunningTotal:
    analysis: Analysis
    figures: tuple[Figure, ...]  # by the date the figure refers to, then origin


@dataclass(frozen=True)
class Tally:
    """How two outlets' assertions relate over the claims both cover: one outcome per claim,
    kept as the claim ids so a reader can go and look."""

    agree: tuple[str, ...] = ()
    compatible: tuple[str, ...] = ()
    contradict: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stance:
    """How an outlet's own voice stands to one party over the contested claims both speak to."""

    sides: tuple[str, ...] = ()  # the outlet's own voice stands only on sides the party holds
    opposes: tuple[str, ...] = ()  # on no side the party holds
    mixed: tuple[str, ...] = ()  # on one the party holds and on one it does not


@dataclass(frozen=True)
class SourceEntry:
    id: str
    outlet: str | None
    published: PartialDate | None
    claims: tuple[str, ...]


@dataclass(frozen=True)
class ClaimFacts:
    """What the report shows and counts of one claim, made once from its analysis
    (`facts.made`) and kept per claim: a report of a repository in which nothing changed
    builds no model. Plain fields only, so that the cache can read it back."""

    facets: Facets  # its topic, tags and verdict (to choose and order it), articles, assertions
    question: str
    origins: str  # its row of the overview: the origins, joined
    summary: str  # and the consensus or the competing values
    disputes: tuple[tuple[DisputeKind, Cause], ...]
    outlets: tuple[str, ...]  # outlets whose current or superseded assertions it holds, sorted
    outlet_pairs: tuple[tuple[str, str, str], ...]  # (outlet, later outlet, outcome) per pair
    stances: tuple[tuple[str, str, str], ...]  # (outlet, party, stance) when contested
    # Its section's markdown in parts; every second part is a curator's notes, whose mentions
    # of claims are linked when the report is written (which claims it holds is known then).
    section: tuple[str, ...]
    total_figures: int  # of its running total; 0 when it is not one
    total: tuple[str, ...]  # a running total's chart and table, or a single figure's table row

    def __post_init__(self) -> None:
        # Read back from the cache through this too: its parts must fit together.
        if len(self.section) % 2 != 1:
            raise ValueError("a section's notes are not closed")
        shape = 0 if self.total_figures == 0 else 5 if self.total_figures == 1 else 1
        if self.total_figures < 0 or len(self.total) != shape:
            raise ValueError("the running total is not one of its figures")
        if any(len(pair) != 3 for pair in (*self.outlet_pairs, *self.stances)):
            raise ValueError("a pair is not two names and an outcome")

    @property
    def id(self) -> str:
        return self.facets.id

    @property
    def topic(self) -> str:
        return self.facets.topic

    @property
    def verdict(self) -> Verdict:
        return self.facets.verdict


@dataclass(frozen=True)
class Report:
    corpus: Corpus  # the registries and the articles, for names and the source index
    scope: Filters
    claims: tuple[ClaimFacts, ...]  # contested, corroborated, single-origin; by topic and id within
    overview: Overview
    totals: tuple[ClaimFacts, ...]  # the running totals
    outlets: tuple[str, ...]  # outlet ids, in the order of the outlet matrix
    outlet_pairs: dict[tuple[str, str], Tally]
    stance_outlets: tuple[str, ...]
    parties: tuple[str, ...]
    stances: dict[tuple[str, str], Stance]
    sources: tuple[SourceEntry, ...]
    by_id: dict[str, ClaimFacts]
    # Every claim of the report, for links in notes: a page of the report keeps them all.
    ids: frozenset[str]

    def of(self, verdict: Verdict) -> list[ClaimFacts]:
        return [c for c in self.claims if c.verdict is verdict]


def build(corpus: Corpus, chosen: Iterable[ClaimFacts], scope: Filters | None = None) -> Report:
    """The report over the `chosen` claims (already chosen by `scope`, which is only recorded)."""
    order = {v: n for n, v in enumerate(VERDICTS)}
    claims = tuple(sorted(chosen, key=lambda c: (order[c.verdict], c.topic, c.id)))
    outlets, outlet_pairs = _outlet_matrix(corpus, claims)
    stance_outlets, parties, stances = _party_matrix(corpus, claims)
    return Report(
        corpus=corpus,
        scope=scope or Filters(),
        claims=claims,
        overview=_overview(corpus, claims),
        totals=tuple(c for c in claims if c.total_figures),
        outlets=outlets,
        outlet_pairs=outlet_pairs,
        stance_outlets=stance_outlets,
        parties=parties,
        stances=stances,
        sources=_source_index(corpus, claims),
        by_id={c.id: c for c in claims},
        ids=frozenset(c.id for c in claims),
    )


def _date_key(date: PartialDate | None) -> tuple[Any, ...]:
    return (0,) if date is None else (1, date.first, date.last)


def _overview(corpus: Corpus, claims: Sequence[ClaimFacts]) -> Overview:
    cited = {source_id for c in claims for source_id in c.facets.sources}
    known = [corpus.sources[s] for s in sorted(cited) if s in corpus.sources]
    dates = sorted((s.meta.published for s in known), key=_date_key)
    topics: dict[str, list[int]] = defaultdict(lambda: [0] * len(VERDICTS))
    kinds: Counter[DisputeKind] = Counter()
    causes: Counter[Cause] = Counter()
    for c in claims:
        topics[c.topic][VERDICTS.index(c.verdict)] += 1
        kinds.update(kind for kind, _ in c.disputes)
        causes.update(cause for _, cause in c.disputes)
    return Overview(
        claims=len(claims),
        assertions=sum(c.facets.assertions for c in claims),
        sources=len(cited),
        outlets=len({s.meta.outlet for s in known}),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        by_verdict=tuple((v, sum(c.verdict is v for c in claims)) for v in VERDICTS),
        by_topic=tuple((t, tuple(topics[t])) for t in sorted(topics)),
        disputes_by_kind=tuple((k, n) for k in DisputeKind if (n := kinds[k])),
        disputes_by_cause=tuple((c, n) for c in Cause if (n := causes[c])),
    )


def lower_bound(values: ValueSet) -> float | None:
    if not isinstance(values, Interval) or values.low is None:
        return None
    return values.low


def running_total(corpus: Corpus, analysis: Analysis) -> RunningTotal:
    superseded: dict[int, list[int]] = defaultdict(list)
    contradicts: dict[int, list[int]] = defaultdict(list)
    for p in analysis.pairs:
        if p.relation is Relation.SUPERSEDE:
            superseded[p.a].append(p.b)
        elif p.relation is Relation.CONTRADICT:
            contradicts[p.a].append(p.b)
            contradicts[p.b].append(p.a)
    figures = [
        Figure(
            index=item.index,
            as_of=item.as_of,
            origin=item.origin,
            low=lower_bound(item.values),
            superseded_by=tuple(sorted(superseded[item.index])),
            contradicts=tuple(sorted(contradicts[item.index])),
        )
        for item in analysis.items
    ]
    figures.sort(key=lambda f: (_date_key(f.as_of), _origin_key(corpus, f.origin), f.index))
    return RunningTotal(analysis, tuple(figures))


def _origin_key(corpus: Corpus, origin: str) -> tuple[str, str]:
    name = corpus.actor_name(origin) if origin in corpus.actors else corpus.outlet_name(origin)
    return (name.casefold(), origin)


def _outlet_key(corpus: Corpus, outlet: str) -> tuple[str, str]:
    return (corpus.outlet_name(outlet).casefold(), outlet)


def _relations(analysis: Analysis) -> dict[tuple[int, int], Relation]:
    return {(p.a, p.b) if p.a < p.b else (p.b, p.a): p.relation for p in analysis.pairs}


def _outcome(relations: Sequence[Relation]) -> str:
    """One claim's outcome between two outlets: the strongest finding among their pairs.

    A superseded figure is compatible: it was true when printed.
    """
    if Relation.CONTRADICT in relations:
        return "contradict"
    if all(r is Relation.AGREE for r in relations):
        return "agree"
    return "compatible"


def outlet_outcomes(analysis: Analysis) -> tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """The outlets of a claim's assertions (a retraction relates to nothing) and, for each
    pair of them, the claim's outcome between the two."""
    relations = _relations(analysis)
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for item in analysis.items:
        if item.outlet and item.status is not Status.RETRACTED:
            by_outlet[item.outlet].append(item.index)
    names = sorted(by_outlet)
    pairs = []
    for n, x in enumerate(names):
        for y in names[n + 1 :]:
            found = [relations[(min(i, j), max(i, j))] for i in by_outlet[x] for j in by_outlet[y]]
            pairs.append((x, y, _outcome(found)))
    return tuple(names), tuple(pairs)


def _outlet_matrix(
    corpus: Corpus, claims: Sequence[ClaimFacts]
) -> tuple[tuple[str, ...], dict[tuple[str, str], Tally]]:
    counts: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    seen: set[str] = set()
    for claim in claims:
        seen.update(claim.outlets)
        for x, y, outcome in claim.outlet_pairs:
            counts[(x, y)][outcome].append(claim.id)
            counts[(y, x)][outcome].append(claim.id)
    tallies = {
        key: Tally(*(tuple(sorted(c[k])) for k in ("agree", "compatible", "contradict")))
        for key, c in counts.items()
    }
    return tuple(sorted(seen, key=lambda o: _outlet_key(corpus, o))), tallies


def party_stances(corpus: Corpus, analysis: Analysis) -> tuple[tuple[str, str, str], ...]:
    """How each outlet's own voice stands to each party in a contested claim: one stance per
    claim however many articles repeat a side."""
    if analysis.verdict is not Verdict.CONTESTED:
        return ()
    on_sides: dict[int, set[int]] = defaultdict(set)
    for n, side in enumerate(analysis.sides):
        for i in side.assertions:
            on_sides[i].add(n)
    own: dict[str, set[int]] = defaultdict(set)
    said: dict[str, set[int]] = defaultdict(set)
    for item in analysis.current:
        if item.assertion.claimant:
            said[corpus.top_actor(item.assertion.claimant)] |= on_sides[item.index]
        elif item.outlet:
            own[item.outlet] |= on_sides[item.index]
    stances = []
    for outlet, mine in own.items():
        for party, theirs in said.items():
            shared = mine & theirs
            stances.append(
                (outlet, party, "opposes" if not shared else "sides" if mine <= theirs else "mixed")
            )
    return tuple(stances)


def _party_matrix(
    corpus: Corpus, claims: Sequence[ClaimFacts]
) -> tuple[tuple[str, ...], tuple[str, ...], dict[tuple[str, str], Stance]]:
    counts: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    outlets: set[str] = set()
    parties: set[str] = set()
    for claim in claims:
        for outlet, party, stance in claim.stances:
            counts[(outlet, party)][stance].append(claim.id)
            outlets.add(outlet)
            parties.add(party)
    stances = {
        key: Stance(*(tuple(sorted(c[k])) for k in ("sides", "opposes", "mixed")))
        for key, c in counts.items()
    }
    return (
        tuple(sorted(outlets, key=lambda o: _outlet_key(corpus, o))),
        tuple(sorted(parties, key=lambda p: (corpus.actor_name(p).casefold(), p))),
        stances,
    )


def _source_index(corpus: Corpus, claims: Sequence[ClaimFacts]) -> tuple[SourceEntry, ...]:
    citing: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for source_id in claim.facets.sources:
            citing[source_id].add(claim.id)
    entries = []
    for source_id, ids in citing.items():
        source = corpus.sources.get(source_id)
        entries.append(
            SourceEntry(
                id=source_id,
                outlet=source.meta.outlet if source else None,
                published=source.meta.published if source else None,
                claims=tuple(sorted(ids)),
            )
        )
    return tuple(sorted(entries, key=lambda e: (_date_key(e.published), e.id)))
