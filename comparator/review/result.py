"""The result of a diff, as data: what changed, what moved, and what a reviewer must read."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from comparator.compare import Analysis, Item, Pair
from comparator.corpus import Corpus
from comparator.humanize import plural
from comparator.models import Assertion, SourceMeta
from comparator.parse import SourceFile
from comparator.problems import Problem, Severity
from comparator.quotes import find_quote, sentence_around

if TYPE_CHECKING:
    from comparator.review.dispute_changes import DisputeChange


class FailOn(str, Enum):
    """What makes `diff` exit 1."""

    ERROR = "error"  # any check error at head
    NEW_DISPUTE = "new-dispute"  # that, or a claim becomes contested or gains a side
    NEW_CONTRADICTION = "new-contradiction"  # that, or any new pair of contradicting assertions
    NEVER = "never"


CLAIM_FIELDS = ("question", "kind", "unit", "cumulative", "tolerance", "tags", "notes")
# What a diff compares, field by field: every field a curator writes but the ids.
ASSERTION_FIELDS = tuple(Assertion.model_fields)
SOURCE_FIELDS = tuple(name for name in SourceMeta.model_fields if name != "id")
CONTEXT_WIDTH = 240  # characters kept on each side of a quote: a sentence, not an article


class Change(str, Enum):
    """What happened to a claim, an assertion or a source between two revisions."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Reason(str, Enum):
    """Why an assertion is under review."""

    ADDED = "added"
    CHANGED = "changed"
    SOURCE_CHANGED = "source-changed"  # the article it quotes was edited under it


@dataclass(frozen=True)
class Revision:
    name: str | None  # as the user named it; None is the working tree
    commit: str | None
    corpus: Corpus


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # plain JSON values
    after: Any


@dataclass(frozen=True)
class AssertionChange:
    status: Change
    before: Item | None
    after: Item | None
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ClaimChange:
    id: str
    status: Change
    rel_before: str | None
    rel_after: str | None
    before: Analysis | None  # None when absent or when the file does not load
    after: Analysis | None
    fields: tuple[FieldChange, ...]
    assertions: tuple[AssertionChange, ...]


@dataclass(frozen=True)
class VerdictChange:
    id: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Contradiction:
    corpus: Corpus  # the side it exists on, for names in sentences
    analysis: Analysis
    pair: Pair

    @property
    def claim(self) -> str:
        return self.analysis.id

    @property
    def a(self) -> Item:
        return self.analysis.items[self.pair.a]

    @property
    def b(self) -> Item:
        return self.analysis.items[self.pair.b]

    def context(self, item: Item) -> Context | None:
        """One side's quote in its sentence (None when its source or quote is missing)."""
        return quote_context(item.source, item.assertion.quote) if item.source else None

    @property
    def later(self) -> Item:
        """The one written further down the claim file: where an annotation belongs."""
        return self.analysis.items[max(self.pair.a, self.pair.b)]


@dataclass(frozen=True)
class Context:
    """The sentence of the article around a quote, as printed there."""

    before: str
    quote: str
    after: str


@dataclass(frozen=True)
class Review:
    analysis: Analysis  # at head
    item: Item
    reason: Reason
    context: Context | None
    missing: str | None  # why there is no context
    fields: tuple[FieldChange, ...] = ()  # for an edited assertion, what the edit changed


@dataclass(frozen=True)
class SourceChange:
    id: str
    status: Change
    before: SourceFile | None
    after: SourceFile | None
    text: bool  # the article text changed
    fields: tuple[FieldChange, ...]
    cited_by: tuple[str, ...]  # claims at head that still cite a removed source


@dataclass(frozen=True)
class DiffResult:
    base: Revision
    head: Revision
    prefix: str  # the data root inside the repository, for annotations: "" or "data/"
    claims: tuple[ClaimChange, ...]
    verdicts: tuple[VerdictChange, ...]
    introduced: tuple[Contradiction, ...]
    resolved: tuple[Contradiction, ...]
    sources: tuple[SourceChange, ...]
    review: tuple[Review, ...]
    unloaded_base: tuple[str, ...]  # claim files present but not loading
    unloaded_head: tuple[str, ...]
    base_problems: tuple[Problem, ...]
    head_problems: tuple[Problem, ...]
    touched: frozenset[str]  # files at head that this change added or altered
    disputes_introduced: tuple[DisputeChange, ...] = ()
    disputes_resolved: tuple[DisputeChange, ...] = ()
    note: str | None = None  # e.g. that BASE moved on since HEAD forked from it

    def claim_ids(self, status: Change) -> list[str]:
        return [c.id for c in self.claims if c.status == status]

    def source_changes(self, status: Change) -> list[SourceChange]:
        return [s for s in self.sources if s.status == status]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.head_problems if p.severity is Severity.ERROR]

    @property
    def shown_problems(self) -> list[Problem]:
        """Errors wherever they are (they block), warnings only where this change wrote."""
        return [p for p in self.head_problems if p.severity is Severity.ERROR or p.file in self.touched]

    @property
    def counts(self) -> dict[str, int]:
        assertions: Counter[str] = Counter(a.status for c in self.claims for a in c.assertions)
        sources: Counter[str] = Counter(s.status for s in self.sources)
        claims: Counter[str] = Counter(c.status for c in self.claims)
        errors = len(self.errors)
        return {
            "claims_added": claims[Change.ADDED],
            "claims_removed": claims[Change.REMOVED],
            "claims_changed": claims[Change.CHANGED],
            "assertions_added": assertions[Change.ADDED],
            "assertions_removed": assertions[Change.REMOVED],
            "assertions_changed": assertions[Change.CHANGED],
            "sources_added": sources[Change.ADDED],
            "sources_removed": sources[Change.REMOVED],
            "sources_changed": sources[Change.CHANGED],
            "verdicts_changed": len(self.verdicts),
            "disputes_introduced": len(self.disputes_introduced),
            "disputes_resolved": len(self.disputes_resolved),
            "contradictions_introduced": len(self.introduced),
            "contradictions_resolved": len(self.resolved),
            "review": len(self.review),
            "errors": errors,
            "warnings": len(self.head_problems) - errors,
        }

    def failed(self, fail_on: FailOn) -> bool:
        """`error`: any check error at head; `new-dispute`: that, or a dispute introduced (a
        claim became contested or gained a side: repeating a side never fails);
        `new-contradiction`: that, or any contradiction introduced; `never`: never blocks."""
        if fail_on is FailOn.NEVER:
            return False
        if fail_on is FailOn.NEW_DISPUTE and self.disputes_introduced:
            return True
        if fail_on is FailOn.NEW_CONTRADICTION and self.introduced:
            return True
        return bool(self.errors)

    def summary(self) -> str:
        n = self.counts
        return (
            f"claims: {n['claims_added']} added, {n['claims_removed']} removed, "
            f"{n['claims_changed']} changed; "
            f"disputes: {n['disputes_introduced']} introduced, {n['disputes_resolved']} resolved; "
            f"contradictions: {n['contradictions_introduced']} introduced, "
            f"{n['contradictions_resolved']} resolved; "
            f"{plural(n['verdicts_changed'], 'verdict')} changed; "
            f"at head: {plural(n['errors'], 'error')}, {plural(n['warnings'], 'warning')}"
        )


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def quote_context(source: SourceFile, quote: str, width: int = CONTEXT_WIDTH) -> Context | None:
    """The sentence holding the quote, split around it; None when the quote is not there."""
    span = find_quote(quote, source.body)
    if span is None:
        return None
    body = unicodedata.normalize("NFC", source.body)  # the spans are in the NFC text
    start, end = span
    left, right = sentence_around(body, start, end)
    before = _flat(body[left:start]).lstrip()
    after = _flat(body[end:right]).rstrip()
    if len(before) > width:
        before = "…" + before[-width:].lstrip()
    if len(after) > width:
        after = after[:width].rstrip() + "…"
    return Context(before, _flat(body[start:end]), after)
