"""What the report takes of each claim, made from its analysis: the facts `content.build`
counts and the markdown of its section and running total. Made once per claim and kept
(`kept.per_claim`), so that a report of a repository in which few claims changed builds the
models of those claims alone."""

from __future__ import annotations

from comparator.compare import Analysis
from comparator.corpus import Corpus
from comparator.display import claim_view
from comparator.facets import facets_of
from comparator.report import markdown
from comparator.report.content import ClaimFacts, outlet_outcomes, party_stances


def made(corpus: Corpus, analysis: Analysis, base: str) -> ClaimFacts:
    """The report's facts of a claim; `base` leads from the report's folder to the data
    root, for the link to the claim's file."""
    view = claim_view(corpus, analysis, record=False)
    outlets, pairs = outlet_outcomes(analysis)
    figures, total = (
        (0, ()) if not analysis.claim.claim.cumulative else markdown.total_parts(corpus, analysis)
    )
    return ClaimFacts(
        facets=facets_of(corpus, analysis, text=False),
        question=analysis.claim.claim.question,
        origins=", ".join(view.origins),
        summary=view.summary,
        disputes=tuple((d.kind, d.cause) for d in analysis.disputes),
        outlets=outlets,
        outlet_pairs=pairs,
        stances=party_stances(corpus, analysis),
        section=markdown.section_parts(view, base),
        total_figures=figures,
        total=total,
    )
