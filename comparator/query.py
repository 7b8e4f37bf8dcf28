"""Finding claims: one by id (`show`), or many by filters and in an order (`list`, and
reports on a subset). A filter value that no claim has is a typo until proven otherwise."""

from __future__ import annotations

from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.compare import Analysis, analyse
from comparator.corpus import Corpus
from comparator.errors import ClaimNotLoaded, ComparatorError
from comparator.facets import Filters, Known, Sort, facets_of, matches, sort_key
from comparator.nearest import nearest
from comparator.terms import Kind


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


def unknown(corpus: Corpus, f: Filters) -> list[str]:
    """A message for each topic, tag, outlet, source or actor of `f` that no claim has,
    naming the nearest values that claims do have."""
    known = Known()
    for c in corpus.claims.values():
        known.topics.add(c.topic)
        known.tags.update(c.claim.tags)
        for a in c.claim.assertions:
            known.sources.add(a.source)
            if a.claimant:
                known.actors.update(corpus.ancestors(a.claimant))
            if c.claim.kind is Kind.ACTOR:
                known.actors.update(corpus.ancestors(a.value))
    known.outlets = {corpus.sources[s].meta.outlet for s in known.sources if s in corpus.sources}
    return known.unknown(f)


def listing(root: Path, f: Filters, by: Sort) -> tuple[Corpus, list[Analysis], int]:
    """The claims `f` chooses, in order, and how many claims there are in all."""
    corpus = corpus_mod.load(root)
    problems = unknown(corpus, f)
    if problems:
        raise ComparatorError("; ".join(problems))
    analyses = {c.id: analyse(corpus, c) for c in corpus.claims.values()}
    chosen = [c for c in (facets_of(corpus, a) for a in analyses.values()) if matches(c, f)]
    return corpus, [analyses[c.id] for c in sorted(chosen, key=sort_key(by))], len(analyses)
