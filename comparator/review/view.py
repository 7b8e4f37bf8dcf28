"""What a person reads about a diff, worked out once for the text and markdown formats and
the job summary: each dispute once, with the quotes of its sides in their sentences, and
each quote under review with its own check problems beside it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from comparator import humanize
from comparator.compare import Analysis, Item
from comparator.humanize import plural
from comparator.problems import Problem, Severity
from comparator.review.dispute_changes import DisputeChange
from comparator.review.result import Context, DiffResult, Review, quote_context

MEMBERS_SHOWN = 5  # quotes listed per side of a dispute; the rest are counted


@dataclass(frozen=True)
class Quoted:
    """An assertion's quote, in its sentence when the article is there."""

    number: int
    source: str
    quote: str
    context: Context | None


@dataclass(frozen=True)
class SideQuotes:
    label: str
    quotes: tuple[Quoted, ...]
    more: int


@dataclass(frozen=True)
class DisputeEntry:
    claim: str
    sentence: str
    sides: tuple[SideQuotes, SideQuotes]


@dataclass(frozen=True)
class ReviewEntry:
    review: Review
    said: str  # "Herald (5 Oct 2020), in its own voice, says 12 drones"
    problems: tuple[Problem, ...]  # its own check problems, shown beside its quote


@dataclass(frozen=True)
class DiffView:
    result: DiffResult
    counts: tuple[str, ...]  # the summary lines
    introduced: tuple[DisputeEntry, ...]
    resolved: tuple[DisputeEntry, ...]
    review: tuple[ReviewEntry, ...]
    problems: tuple[Problem, ...]  # shown problems not beside a quote under review
    base_errors: tuple[Problem, ...]

    @property
    def problems_title(self) -> str:
        beside = any(entry.problems for entry in self.review)
        return "Other problems at head" if beside else "Problems at head"


def _quoted(item: Item) -> Quoted:
    context = quote_context(item.source, item.assertion.quote) if item.source else None
    return Quoted(item.index + 1, item.assertion.source, item.assertion.quote, context)


def _entry(change: DisputeChange) -> DisputeEntry:
    sides = []
    for n, side in zip(change.dispute.sides, change.sides, strict=True):
        members = change.members(side)
        shown = tuple(_quoted(i) for i in members[:MEMBERS_SHOWN])
        sides.append(SideQuotes(humanize.side_label(n), shown, len(members) - len(shown)))
    sentence = humanize.dispute_sentence(change.corpus, change.analysis, change.dispute)
    return DisputeEntry(change.claim, sentence, (sides[0], sides[1]))


def _spans(analysis: Analysis) -> list[tuple[int, int]]:
    """The lines of the claim file each assertion takes, from its first to the next one's."""
    marks = analysis.claim.marks
    starts = [marks.at(("assertions", i))[0] for i in range(len(analysis.items))]
    return [(start, starts[n + 1] if n + 1 < len(starts) else 10**9) for n, start in enumerate(starts)]


def counts(result: DiffResult) -> tuple[str, ...]:
    n = result.counts
    return (
        f"claims: {n['claims_added']} added, {n['claims_removed']} removed, {n['claims_changed']} changed; "
        f"assertions: {n['assertions_added']} added, {n['assertions_removed']} removed, "
        f"{n['assertions_changed']} changed; "
        f"sources: {n['sources_added']} added, {n['sources_removed']} removed, "
        f"{n['sources_changed']} changed",
        f"disputes: {n['disputes_introduced']} introduced, {n['disputes_resolved']} resolved; "
        f"contradicting pairs: {n['contradictions_introduced']} introduced, "
        f"{n['contradictions_resolved']} resolved; verdicts changed: {n['verdicts_changed']}; "
        f"quotes to review: {n['review']}; "
        f"at head: {plural(n['errors'], 'error')}, {plural(n['warnings'], 'warning')}",
    )


def diff_view(result: DiffResult, problems: bool = True) -> DiffView:
    shown = result.shown_problems if problems else []
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in shown:
        by_file[p.file].append(p)
    placed: set[Problem] = set()
    spans: dict[str, list[tuple[int, int]]] = {}
    entries = []
    for r in result.review:
        rel = r.analysis.claim.rel
        if rel not in spans:
            spans[rel] = _spans(r.analysis)
        first, last = spans[rel][r.item.index]
        own = tuple(p for p in by_file.get(rel, []) if first <= p.line < last)
        placed.update(own)
        entries.append(ReviewEntry(r, humanize.side(result.head.corpus, r.analysis, r.item), own))
    return DiffView(
        result=result,
        counts=counts(result),
        introduced=tuple(_entry(c) for c in result.disputes_introduced),
        resolved=tuple(_entry(c) for c in result.disputes_resolved),
        review=tuple(entries),
        problems=tuple(p for p in shown if p not in placed),
        base_errors=tuple(p for p in result.base_problems if p.severity is Severity.ERROR)
        if problems
        else (),
    )
