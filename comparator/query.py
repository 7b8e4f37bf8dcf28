"""Finding claims: one by id (`show`), or many by filters and in an order (`list`, and
reports on a subset). A filter value that no claim has is a typo until proven otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from comparator import corpus as corpus_mod
from comparator.compare import Analysis, analyse
from comparator.corpus import Corpus
from comparator.errors import ClaimNotLoaded, ComparatorError
from comparator.nearest import did_you_mean, nearest
from comparator.quotes import fold
from comparator.terms import Kind, Verdict

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


def find(root: Path, claim_id: str) -> tuple[Corpus, Analysis]:
    """One claim and what it cites, read without the rest of the repository."""
    corpus, missing = corpus_mod.load_claims(root, [claim_id])
    if missing:
        near = nearest(claim_id, corpus_mod.claim_ids(root), n=5, cutoff=0.5)
        hint = "; did you mean: " + ", ".join(near) if near else ""
        shown = claim_id if len(claim_id) <= 80 else claim_id[:77] + "..."
        raise ComparatorError(f"no claim {shown}{hint}")
    if claim_id not in corpus.claims:
        raise ClaimNotLoaded(
            f"claim {claim_id} does not load; run `comparator check`", sorted(corpus.problems)
        )
    return corpus, analyse(corpus, corpus.claims[claim_id])


def _haystack(analysis: Analysis) -> str:
    claim = analysis.claim.claim
    parts = [analysis.id, claim.question, claim.notes or "", *claim.tags]
    for a in claim.assertions:
        parts += [a.quote, a.translation or "", a.notes or ""]
    return fold(" \n ".join(parts))


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


def matches(corpus: Corpus, analysis: Analysis, f: Filters) -> bool:
    claim = analysis.claim.claim
    return not (
        (f.topic and analysis.claim.topic not in f.topic)
        or (f.verdict and analysis.verdict not in f.verdict)
        or (f.tag and not set(f.tag) & set(claim.tags))
        or (f.outlet and not {i.outlet for i in analysis.items} & set(f.outlet))
        or (f.source and not {a.source for a in claim.assertions} & set(f.source))
        or (f.actor and not _named_actors(corpus, analysis) & set(f.actor))
        or (f.text and fold(f.text) not in _haystack(analysis))
    )


def select(corpus: Corpus, analyses: Iterable[Analysis], f: Filters) -> Iterator[Analysis]:
    return (a for a in analyses if matches(corpus, a, f))


def unknown(corpus: Corpus, f: Filters) -> list[str]:
    """A message for each topic, tag, outlet, source or actor of `f` that no claim has,
    naming the nearest values that claims do have."""
    topics, tags, outlets, sources, actors = set(), set(), set(), set(), set()
    for c in corpus.claims.values():
        topics.add(c.topic)
        tags.update(c.claim.tags)
        for a in c.claim.assertions:
            sources.add(a.source)
            if a.claimant:
                actors.update(corpus.ancestors(a.claimant))
            if c.claim.kind is Kind.ACTOR:
                actors.update(corpus.ancestors(a.value))
    outlets = {corpus.sources[s].meta.outlet for s in sources if s in corpus.sources}
    wanted = [
        *((t, topics, "topic") for t in f.topic),
        *((t, tags, "tag") for t in f.tag),
        *((o, outlets, "outlet") for o in f.outlet),
        *((s, sources, "source") for s in f.source),
        *((a, actors, "actor") for a in f.actor),
    ]
    return [
        f"no claim has {what} {given!r}{did_you_mean(given, known)}"
        for given, known, what in wanted
        if given not in known
    ]


def sort_key(by: Sort) -> Callable[[Analysis], Any]:
    keys: dict[Sort, Callable[[Analysis], Any]] = {
        Sort.ID: lambda a: a.id,
        Sort.TOPIC: lambda a: (a.claim.topic, a.id),
        Sort.VERDICT: lambda a: (VERDICT_ORDER.index(a.verdict), a.id),
        Sort.ASSERTIONS: lambda a: (-len(a.items), a.id),
        Sort.ORIGINS: lambda a: (-len(a.origins), a.id),
    }
    return keys[by]


def listing(root: Path, f: Filters, by: Sort) -> tuple[Corpus, list[Analysis], int]:
    """The claims `f` chooses, in order, and how many claims there are in all."""
    corpus = corpus_mod.load(root)
    problems = unknown(corpus, f)
    if problems:
        raise ComparatorError("; ".join(problems))
    analyses = [analyse(corpus, c) for c in corpus.claims.values()]
    return corpus, sorted(select(corpus, analyses, f), key=sort_key(by)), len(analyses)
