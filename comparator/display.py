"""What a person reads about a claim, worked out once for every human format.

Text, markdown, the report and the diff summary all print the same facts: an assertion's
outlet, its date, who it quotes, its value with the unit in the right number, the claim's
consensus and notes. Each is derived here, from the analysis, and nowhere else, so the same
claim reads the same in every format. Nothing here escapes or lays out text: that is the
renderers' part (`comparator.render`), and JSON keeps the contract's records (`records`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparator import humanize
from comparator.compare import Analysis, Item, Pair, Relation, Verdict
from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.models import Kind

UNDATED = "undated"
OWN_VOICE = "own voice"
# Past this many, sentences and relation lines are counted rather than listed: a claim with
# hundreds of mutually contradicting figures must not print hundreds of thousands of lines.
MAX_LISTED = 50


def date_label(date: PartialDate | None) -> str:
    return date.human() if date else UNDATED


def outlet_label(corpus: Corpus, item: Item) -> str:
    """The outlet's name, or the source id when the source is not in the data."""
    return corpus.outlet_name(item.outlet) if item.outlet else item.assertion.source


@dataclass(frozen=True)
class AssertionView:
    """One assertion as people read it; `number` is its 1-based place in the claim file."""

    number: int
    source: str
    outlet: str
    published: str
    claimant: str  # the actor's name, or "own voice"
    quoted: bool  # whether the outlet quotes someone (a claimant)
    value: str  # as stated, without the unit: "at least 2,802"
    value_with_unit: str  # "at least 2,802 soldiers", "1 helicopter"
    as_of: str
    origin: str
    quote: str
    translation: str | None
    notes: str | None
    title: str | None  # the article's headline, when the source is in the data
    url: str | None


@dataclass(frozen=True)
class Sentence:
    """A sentence about two assertions (`a`, `b` are 1-based numbers)."""

    a: int
    b: int
    text: str


@dataclass(frozen=True)
class ClaimView:
    id: str
    topic: str
    file: str
    question: str
    kind: Kind
    unit: str | None
    cumulative: bool
    tags: tuple[str, ...]
    notes: str | None
    verdict: Verdict
    reason: str  # why the verdict: "2 articles, 2 independent origins"
    consensus: str | None  # with its unit; None when contested
    summary: str  # the consensus, or the competing values
    origins: tuple[str, ...]  # names
    assertions: tuple[AssertionView, ...]
    contradictions: tuple[Sentence, ...]
    contradictions_more: int  # how many more there are than are listed
    supersessions: tuple[Sentence, ...]
    relations: tuple[str, ...]  # agree / compatible / supersede lines, by number
    relations_more: int
    clusters: tuple[str, ...]
    analysis: Analysis  # for JSON, whose records the contract fixes

    @property
    def description(self) -> str:
        """ "actor", "count of people, running total"."""
        text = self.kind.value + (f", {self.unit}" if self.unit else "")
        return text + (", running total" if self.cumulative else "")


def assertion_view(corpus: Corpus, analysis: Analysis, item: Item) -> AssertionView:
    a = item.assertion
    source = item.source
    return AssertionView(
        number=item.index + 1,
        source=a.source,
        outlet=outlet_label(corpus, item),
        published=date_label(item.published),
        claimant=corpus.actor_name(a.claimant) if a.claimant else OWN_VOICE,
        quoted=a.claimant is not None,
        value=humanize.item_value(analysis, item, corpus.actor_name),
        value_with_unit=humanize.item_value(analysis, item, corpus.actor_name, unit=True),
        as_of=date_label(item.as_of),
        origin=humanize.origin_name(corpus, item.origin),
        quote=a.quote,
        translation=a.translation if a.translation and a.translation.strip() else None,
        notes=a.notes if a.notes and a.notes.strip() else None,
        title=source.meta.title if source else None,
        url=source.meta.url if source else None,
    )


def consensus(corpus: Corpus, analysis: Analysis) -> str | None:
    """The consensus with its unit ("1 helicopter"), or None for a contested claim."""
    if analysis.verdict is Verdict.CONTESTED:
        return None
    return humanize.summary(corpus, analysis)


def _relation_lines(pairs: Sequence[Pair]) -> list[str]:
    lines = []
    for pair in pairs:
        same = " (same origin)" if pair.same_origin else ""
        if pair.relation is Relation.SUPERSEDE:
            lines.append(f"#{pair.b + 1} supersedes #{pair.a + 1}{same}")
        elif pair.relation is not Relation.CONTRADICT:
            lines.append(f"#{pair.a + 1} {pair.relation.value} with #{pair.b + 1}{same}")
    return lines


def claim_view(corpus: Corpus, analysis: Analysis) -> ClaimView:
    claim_file = analysis.claim
    claim = claim_file.claim
    contradictions = analysis.contradictions
    supersessions = [p for p in analysis.pairs if p.relation is Relation.SUPERSEDE]
    relations = _relation_lines(analysis.pairs)
    return ClaimView(
        id=claim_file.id,
        topic=claim_file.topic,
        file=claim_file.rel,
        question=claim.question,
        kind=claim.kind,
        unit=claim.unit,
        cumulative=claim.cumulative,
        tags=tuple(claim.tags),
        notes=claim.notes if claim.notes and claim.notes.strip() else None,
        verdict=analysis.verdict,
        reason=humanize.verdict_reason(corpus, analysis),
        consensus=consensus(corpus, analysis),
        summary=humanize.summary(corpus, analysis),
        origins=tuple(humanize.origin_name(corpus, o) for o in analysis.origins),
        assertions=tuple(assertion_view(corpus, analysis, item) for item in analysis.items),
        contradictions=tuple(
            Sentence(p.a + 1, p.b + 1, humanize.contradiction(corpus, analysis, p))
            for p in contradictions[:MAX_LISTED]
        ),
        contradictions_more=max(0, len(contradictions) - MAX_LISTED),
        supersessions=tuple(
            Sentence(p.a + 1, p.b + 1, humanize.supersession(corpus, analysis, p))
            for p in supersessions[:MAX_LISTED]
        ),
        relations=tuple(relations[:MAX_LISTED]),
        relations_more=max(0, len(relations) - MAX_LISTED),
        clusters=tuple(
            f"{n}. "
            + ", ".join(f"#{i + 1}" for i in cluster.assertions)
            + f" (origins: {', '.join(humanize.origin_name(corpus, o) for o in cluster.origins)})"
            for n, cluster in enumerate(analysis.clusters[:MAX_LISTED], 1)
        ),
        analysis=analysis,
    )
