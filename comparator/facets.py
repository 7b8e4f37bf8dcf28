"""What filters and orders a claim in a listing (`list`, and reports on a subset): its
facets, worked out once from its analysis, and the filters and orders a user asks for. Light
on purpose: a listing of kept views (`lookup`) reads facets back and builds no model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from comparator.nearest import did_you_mean
from comparator.quotes import fold
from comparator.terms import Kind, Verdict

if TYPE_CHECKING:
    from comparator.compare import Analysis
    from comparator.corpus import Corpus

VERDICT_ORDER = (Verdict.CONTESTED, Verdict.CORROBORATED, Verdict.SINGLE_ORIGIN)


class Sort(str, Enum):
    ID = "id"
    TOPIC = "topic"
    VERDICT = "verdict"
    ASSERTIONS = "assertions"
    ORIGINS = "origins"


@dataclass(frozen=True)
class Filters:
    topic: tuple[str, ...] = ()
    verdict: tuple[Verdict, ...] = ()
    outlet: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True)
class Facets:
    """What filters and orders a claim in a listing, worked out once from its analysis: a
    listing (`lookup.listing`) reads these and builds no model."""

    id: str
    topic: str
    verdict: Verdict
    tags: tuple[str, ...]
    assertions: int
    origins: int  # of the current assertions
    outlets: tuple[str, ...]  # of the loaded articles its assertions cite
    sources: tuple[str, ...]  # the article ids its assertions cite
    actors: tuple[str, ...]  # named as claimant or value, with the actors they are part of
    text: str  # what `--search` looks in, folded


def facets_of(corpus: Corpus, analysis: Analysis, *, text: bool = True) -> Facets:
    """The claim's facets; without `text`, its searched text is left empty (folding it is
    most of the work, and filters without `--search` never read it)."""
    claim = analysis.claim.claim
    parts = [analysis.id, claim.question, claim.notes or "", *claim.tags]
    for a in claim.assertions if text else ():
        parts += [a.quote, a.translation or "", a.notes or ""]
    return Facets(
        id=analysis.id,
        topic=analysis.claim.topic,
        verdict=analysis.verdict,
        tags=tuple(claim.tags),
        assertions=len(analysis.items),
        origins=len(analysis.origins),
        outlets=tuple(sorted({i.outlet for i in analysis.items if i.outlet is not None})),
        sources=tuple(sorted({a.source for a in claim.assertions})),
        actors=tuple(sorted(_named_actors(corpus, analysis))),
        text=fold(" \n ".join(parts)) if text else "",
    )


def _named_actors(corpus: Corpus, analysis: Analysis) -> set[str]:
    """Every actor the claim names, as claimant or value, with the actors they are part of."""
    claim = analysis.claim.claim
    named: set[str] = set()
    for a in claim.assertions:
        if a.claimant:
            named.update(corpus.ancestors(a.claimant))
        if claim.kind is Kind.ACTOR:
            named.update(corpus.ancestors(a.value))
    return named


def matches(claim: Facets, f: Filters) -> bool:
    return not (
        (f.topic and claim.topic not in f.topic)
        or (f.verdict and claim.verdict not in f.verdict)
        or (f.tag and not set(f.tag) & set(claim.tags))
        or (f.outlet and not set(claim.outlets) & set(f.outlet))
        or (f.source and not set(claim.sources) & set(f.source))
        or (f.actor and not set(claim.actors) & set(f.actor))
        or (f.text and fold(f.text) not in claim.text)
    )


@dataclass
class Known:
    """The topics, tags, outlets, sources and actors that claims have."""

    topics: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)

    def add(self, claim: Facets) -> None:
        self.topics.add(claim.topic)
        self.tags.update(claim.tags)
        self.outlets.update(claim.outlets)
        self.sources.update(claim.sources)
        self.actors.update(claim.actors)

    def unknown(self, f: Filters) -> list[str]:
        """A message for each value of `f` that no claim has, naming the nearest ones."""
        wanted = [
            *((t, self.topics, "topic") for t in f.topic),
            *((t, self.tags, "tag") for t in f.tag),
            *((o, self.outlets, "outlet") for o in f.outlet),
            *((s, self.sources, "source") for s in f.source),
            *((a, self.actors, "actor") for a in f.actor),
        ]
        return [
            f"no claim has {what} {given!r}{did_you_mean(given, known)}"
            for given, known, what in wanted
            if given not in known
        ]


def sort_key(by: Sort) -> Callable[[Facets], Any]:
    keys: dict[Sort, Callable[[Facets], Any]] = {
        Sort.ID: lambda c: c.id,
        Sort.TOPIC: lambda c: (c.topic, c.id),
        Sort.VERDICT: lambda c: (VERDICT_ORDER.index(c.verdict), c.id),
        Sort.ASSERTIONS: lambda c: (-c.assertions, c.id),
        Sort.ORIGINS: lambda c: (-c.origins, c.id),
    }
    return keys[by]
