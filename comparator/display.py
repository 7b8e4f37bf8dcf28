"""What a person reads about a claim, worked out once for every human format.

Text, markdown, the report and the diff summary all print the same facts: an assertion's
outlet, its date, who it quotes, its value with the unit in the right number, the claim's
consensus and notes. Each is derived here, from the analysis, and nowhere else, so the same
claim reads the same in every format. Nothing here escapes or lays out text: that is the
renderers' part (`comparator.render`), and JSON keeps the contract's records (`records`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparator import humanize
from comparator.dates import PartialDate
from comparator.facets import Facets, facets_of
from comparator.humanize import plural
from comparator.records import claim_record, encode
from comparator.terms import Cause, DisputeKind, Kind, Status, Verdict

if TYPE_CHECKING:  # a view read back from the cache is printed without the comparison
    from comparator.compare import Analysis, Item
    from comparator.corpus import Corpus

UNDATED = "undated"
OWN_VOICE = "own voice"
# Past this many, disputes and supersessions are counted rather than listed: a claim with
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
    status: Status
    standing: str  # "" when current, "superseded by #3", "retracted: <why>"
    sides: tuple[str, ...]  # labels of the sides it stands on ("A", "B"); none when not current
    accepted: tuple[tuple[str, str], ...]  # warnings the curator judged: (code, why)


@dataclass(frozen=True)
class SideView:
    label: str  # "A", "B", ...
    value: str  # what its assertions state, with the unit: "at least 2,802 soldiers"
    members: tuple[int, ...]  # 1-based assertion numbers
    origins: tuple[str, ...]  # names of its independent origins

    @property
    def support(self) -> int:
        return len(self.origins)


@dataclass(frozen=True)
class DisputeView:
    sides: tuple[str, str]  # labels
    kind: DisputeKind
    cause: Cause
    text: str  # one plain sentence: who disagrees with whom, and why that is likely


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
    origins: tuple[str, ...]  # names of the origins of the current assertions
    assertions: tuple[AssertionView, ...]
    sides: tuple[SideView, ...]
    disputes: tuple[DisputeView, ...]
    disputes_more: int  # how many more there are than are listed
    # For JSON, whose keys the contract fixes (`records.claim_record`), encoded once
    # (`records.encode`) so that a kept view is written as it was kept; None in a view built
    # for the report, which prints no JSON and holds every claim's view at once.
    record: str | None

    @property
    def contested(self) -> bool:
        return self.verdict is Verdict.CONTESTED

    @property
    def standings(self) -> tuple[AssertionView, ...]:
        """The assertions that are not current: superseded or retracted."""
        return tuple(a for a in self.assertions if a.status is not Status.CURRENT)

    @property
    def by_side(self) -> tuple[AssertionView, ...]:
        """The assertions side by side (A's, then B's ...), those on no side last."""
        place = {side.label: n for n, side in enumerate(self.sides)}
        return tuple(
            sorted(self.assertions, key=lambda a: (place[a.sides[0]] if a.sides else len(place), a.number))
        )

    @property
    def description(self) -> str:
        """ "actor", "count of people, running total"."""
        text = self.kind.value + (f", {self.unit}" if self.unit else "")
        return text + (", running total" if self.cumulative else "")


def assertion_view(
    corpus: Corpus, analysis: Analysis, item: Item, labels: tuple[str, ...] = ()
) -> AssertionView:
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
        status=item.status,
        standing=humanize.status(analysis, item),
        sides=labels,
        accepted=tuple(sorted((a.accept or {}).items())),
    )


def reason(corpus: Corpus, analysis: Analysis) -> str:
    """Why the verdict: who disputes what, or how many articles and origins stand behind it."""
    if analysis.verdict is Verdict.CONTESTED:
        if len(analysis.disputes) == 1:
            return humanize.dispute_kind(corpus, analysis, analysis.disputes[0])
        return f"{plural(len(analysis.disputes), 'dispute')} among {len(analysis.sides)} sides"
    articles = len({i.assertion.source for i in analysis.current})
    return f"{plural(articles, 'article')}, {plural(len(analysis.origins), 'independent origin')}"


def consensus(corpus: Corpus, analysis: Analysis) -> str | None:
    """The consensus with its unit, as an assertion states it where one does ("1 helicopter",
    "nearly 300 settlements"), or None for a contested claim."""
    if analysis.verdict is Verdict.CONTESTED:
        return None
    return humanize.summary(corpus, analysis)


def claim_view(corpus: Corpus, analysis: Analysis, *, record: bool = True) -> ClaimView:
    claim_file = analysis.claim
    claim = claim_file.claim
    labels: dict[int, list[str]] = {}
    sides = []
    for n, side in enumerate(analysis.sides):
        label = humanize.side_label(n)
        for i in side.assertions:
            labels.setdefault(i, []).append(label)
        sides.append(
            SideView(
                label=label,
                value=humanize.side_value(corpus, analysis, side, unit=True),
                members=tuple(i + 1 for i in side.assertions),
                origins=tuple(humanize.origin_name(corpus, o) for o in side.origins),
            )
        )
    disputes = tuple(
        DisputeView(
            sides=(humanize.side_label(d.sides[0]), humanize.side_label(d.sides[1])),
            kind=d.kind,
            cause=d.cause,
            text=humanize.dispute_sentence(corpus, analysis, d),
        )
        for d in analysis.disputes[:MAX_LISTED]
    )
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
        reason=reason(corpus, analysis),
        consensus=consensus(corpus, analysis),
        summary=humanize.summary(corpus, analysis),
        origins=tuple(humanize.origin_name(corpus, o) for o in analysis.origins),
        assertions=tuple(
            assertion_view(corpus, analysis, item, tuple(labels.get(item.index, ())))
            for item in analysis.items
        ),
        sides=tuple(sides),
        disputes=disputes,
        disputes_more=max(0, len(analysis.disputes) - MAX_LISTED),
        record=encode(claim_record(analysis)) if record else None,
    )


@dataclass(frozen=True)
class Listed:
    """A claim as a listing shows it: what filters and orders it, the one line of its state,
    and its JSON record. Kept in the cache for each claim (`lookup.listing`), so that listing
    unchanged claims builds neither models nor views."""

    facets: Facets
    summary: str  # the consensus, or the competing values
    record: str  # as `ClaimView.record`

    @property
    def id(self) -> str:
        return self.facets.id

    def __post_init__(self) -> None:
        # Read back from the cache through this too: a record must be this claim's object.
        opening = '{\n  "id": ' + json.dumps(self.facets.id, ensure_ascii=False) + ","
        if not (self.record.startswith(opening) and self.record.endswith("\n}")):
            raise ValueError("the record is not this claim's")


def listed(corpus: Corpus, analysis: Analysis) -> Listed:
    return Listed(
        facets_of(corpus, analysis), humanize.summary(corpus, analysis), encode(claim_record(analysis))
    )
