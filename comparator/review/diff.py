"""What a change to the data does: claims and sources added, removed or changed, verdicts
that moved, disputes and contradictions introduced and resolved, and the quotes a reviewer
must read.

Pure: two corpora in (a git revision through `corpus.from_files`, the work tree through
`corpus.load`), one `DiffResult` out. Every claim is analysed once on each side, so the cost
grows with the size of the data, never with the number of pairs of claims.

Identities are chosen to survive edits that do not change meaning: a claim is its id (the
file stem), so moving its file to another topic folder is a change of topic; an assertion is
matched by what it says and who says it before its position; a contradiction is its claim
plus the source, claimant and value of both sides, so reordering a claim's assertions neither
introduces nor resolves anything.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from comparator import corpus as corpus_mod
from comparator.compare import Analysis, Item, analyse
from comparator.corpus import Corpus
from comparator.models import Assertion
from comparator.problems import Problem
from comparator.quotes import normalise
from comparator.recheck import Checked
from comparator.records import plain
from comparator.review import git as gitrev
from comparator.review import revisions
from comparator.review.dispute_changes import dispute_changes
from comparator.review.result import (
    ASSERTION_FIELDS,
    CLAIM_FIELDS,
    SOURCE_FIELDS,
    AssertionChange,
    Change,
    ClaimChange,
    Contradiction,
    DiffResult,
    FieldChange,
    Reason,
    Review,
    Revision,
    SourceChange,
    VerdictChange,
    quote_context,
)
from comparator.root import FileText
from comparator.validate import findings


@dataclass(frozen=True)
class Side:
    """One revision as `between` compares it: every claim it holds, or, when the other
    revision differs from it only in some claim files, those claims alone."""

    revision: Revision  # its corpus holds at least the registries and the claims analysed
    files: dict[str, str]  # claim id -> its file, for every claim file of the revision
    analyses: dict[str, Analysis]  # the claims compared that load
    unloaded: frozenset[str]  # the ids of every claim file of the revision that does not load
    problems: tuple[Problem, ...]  # what `check` finds in the whole revision
    complete: bool = True  # every claim analysed, every article loaded

    @classmethod
    def whole(cls, revision: Revision) -> Side:
        """Every claim of `revision`, analysed."""
        corpus = revision.corpus
        files = _claim_files(corpus)
        analyses = {cid: analyse(corpus, c) for cid, c in corpus.claims.items()}
        unloaded = frozenset(set(files) - set(analyses))
        return cls(revision, files, analyses, unloaded, tuple(_problems(corpus)))


def diff(base: Revision, head: Revision, prefix: str = "", note: str | None = None) -> DiffResult:
    """Everything that changed from `base` to `head`."""
    return between(Side.whole(base), Side.whole(head), prefix, note)


def between(base: Side, head: Side, prefix: str = "", note: str | None = None) -> DiffResult:
    """Everything that changed from `base` to `head`. A claim analysed on neither side is
    taken to be the same on both (its file, the registries and its articles unchanged), so it
    adds nothing: its changes, verdict, contradictions and disputes all cancel."""
    base_files, head_files = base.files, head.files
    base_analyses, head_analyses = base.analyses, head.analyses
    unloaded = set(base.unloaded) | set(head.unloaded)

    claims = []
    for cid in sorted(set(base_files) | set(head_files)):
        change = _claim_change(
            cid, base_files.get(cid), head_files.get(cid), base_analyses.get(cid), head_analyses.get(cid)
        )
        if change is not None:
            claims.append(change)

    verdicts = []
    for cid in sorted((set(base_analyses) | set(head_analyses)) - unloaded):
        before, after = base_analyses.get(cid), head_analyses.get(cid)
        b = before.verdict.value if before else None
        a = after.verdict.value if after else None
        if a != b:
            verdicts.append(VerdictChange(cid, b, a))

    base_corpus, head_corpus = base.revision.corpus, head.revision.corpus
    base_found = _contradictions(base_corpus, base_analyses, unloaded)
    head_found = _contradictions(head_corpus, head_analyses, unloaded)
    introduced = _surplus(head_found, base_found)
    resolved = _surplus(base_found, head_found)
    disputes_introduced, disputes_resolved = dispute_changes(
        base_corpus, head_corpus, base_analyses, head_analyses, unloaded
    )

    # Narrowed sides are built only when no article differs between them.
    complete = base.complete and head.complete
    sources = _source_changes(base_corpus, head_corpus, head_analyses) if complete else []
    review = _review(claims, sources, head_analyses)
    touched = {c.rel_after for c in claims if c.rel_after and c.status is not Change.REMOVED}
    touched |= {s.after.rel for s in sources if s.after is not None}
    if base_corpus.outlets != head_corpus.outlets:
        touched.add(head_corpus.outlet_registry.rel)
    if base_corpus.actors != head_corpus.actors:
        touched.add(head_corpus.actor_registry.rel)

    return DiffResult(
        base=base.revision,
        head=head.revision,
        prefix=prefix,
        claims=tuple(claims),
        verdicts=tuple(verdicts),
        introduced=tuple(introduced),
        resolved=tuple(resolved),
        sources=tuple(sources),
        review=tuple(review),
        unloaded_base=tuple(sorted(base.unloaded)),
        unloaded_head=tuple(sorted(head.unloaded)),
        base_problems=base.problems,
        head_problems=head.problems,
        touched=frozenset(touched),
        disputes_introduced=tuple(disputes_introduced),
        disputes_resolved=tuple(disputes_resolved),
        note=note,
    )


def _problems(corpus: Corpus) -> list[Problem]:
    return list(findings(corpus).problems)


def _stems(rels: Iterable[str], folder: str, suffixes: tuple[str, ...]) -> dict[str, str]:
    """Id (file stem) -> path of the files `rels` under `folder`, loaded or not; the first
    wins, as in the loader (a second file with the same id is a duplicate-id problem)."""
    found: dict[str, str] = {}
    for rel in rels:
        if rel.startswith(folder + "/") and rel.endswith(suffixes) and rel.count("/") == 2:
            found.setdefault(PurePosixPath(rel).stem, rel)
    return found


_CLAIM_SUFFIXES = (".yaml", ".yml")


def _claim_files(corpus: Corpus) -> dict[str, str]:
    files = _stems(corpus.files, "claims", _CLAIM_SUFFIXES)
    files.update({cid: c.rel for cid, c in corpus.claims.items()})
    return files


# --- claims and assertions -------------------------------------------------------------


def _claim_change(
    cid: str,
    rel_before: str | None,
    rel_after: str | None,
    before: Analysis | None,
    after: Analysis | None,
) -> ClaimChange | None:
    if rel_before is None:
        added = tuple(AssertionChange(Change.ADDED, None, i) for i in after.items) if after else ()
        return ClaimChange(cid, Change.ADDED, None, rel_after, None, after, (), added)
    if rel_after is None:
        removed = tuple(AssertionChange(Change.REMOVED, i, None) for i in before.items) if before else ()
        return ClaimChange(cid, Change.REMOVED, rel_before, None, before, None, (), removed)
    if before is None or after is None:
        # Loading on one side only means the file changed; what changed cannot be said.
        if before is None and after is None:
            return None
        return ClaimChange(cid, Change.CHANGED, rel_before, rel_after, before, after, (), ())
    fields = []
    topic_before, topic_after = before.claim.topic, after.claim.topic
    if topic_before != topic_after:
        fields.append(FieldChange("topic", topic_before, topic_after))
    old, new = before.claim.claim, after.claim.claim
    fields += _field_changes(old, new, CLAIM_FIELDS)
    assertions = _assertion_changes(before, after)
    if not fields and not assertions:
        return None
    return ClaimChange(cid, Change.CHANGED, rel_before, rel_after, before, after, tuple(fields), assertions)


def _field_changes(old: Any, new: Any, names: Sequence[str]) -> list[FieldChange]:
    changes = []
    for name in names:
        a, b = plain(getattr(old, name)), plain(getattr(new, name))
        if a != b:
            changes.append(FieldChange(name, a, b))
    return changes


def _whole(a: Assertion) -> Hashable:
    return json.dumps([plain(getattr(a, name)) for name in ASSERTION_FIELDS])


def _by_quote(a: Assertion) -> Hashable:
    return (a.source, a.claimant, normalise(a.quote))


def _by_voice(a: Assertion) -> Hashable:
    return (a.source, a.claimant)


def match_assertions(old: Sequence[Assertion], new: Sequence[Assertion]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same assertion across an edit.

    First identical assertions (so that moving one is no change); then the same source,
    claimant and quote (a value or qualifier corrected); then the same source and claimant,
    in order (a quote corrected); then the same position (a source id renamed). Each stage
    is a dictionary pass, so a long claim costs no more than a short one.
    """
    pairs: list[tuple[int, int]] = []
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))
    for key in (_whole, _by_quote, _by_voice):
        waiting: dict[Hashable, deque[int]] = defaultdict(deque)
        for i in free_old:
            waiting[key(old[i])].append(i)
        unmatched = []
        for j in free_new:
            queue = waiting.get(key(new[j]))
            if queue:
                pairs.append((queue.popleft(), j))
            else:
                unmatched.append(j)
        taken = {i for i, _ in pairs}
        free_old = [i for i in free_old if i not in taken]
        free_new = unmatched
    still_old = set(free_old)
    for j in free_new:
        if j in still_old:
            pairs.append((j, j))
            still_old.discard(j)
    return sorted(pairs, key=lambda p: p[1])


def _assertion_changes(before: Analysis, after: Analysis) -> tuple[AssertionChange, ...]:
    old = [i.assertion for i in before.items]
    new = [i.assertion for i in after.items]
    pairs = match_assertions(old, new)
    changes = []
    for i, j in pairs:
        fields = _field_changes(old[i], new[j], ASSERTION_FIELDS)
        if fields:
            changes.append(AssertionChange(Change.CHANGED, before.items[i], after.items[j], tuple(fields)))
    matched_new = {j for _, j in pairs}
    matched_old = {i for i, _ in pairs}
    changes += [
        AssertionChange(Change.ADDED, None, item) for item in after.items if item.index not in matched_new
    ]
    changes += [
        AssertionChange(Change.REMOVED, item, None) for item in before.items if item.index not in matched_old
    ]
    order = {Change.CHANGED: 0, Change.ADDED: 0, Change.REMOVED: 1}
    changes.sort(key=lambda c: (order[c.status], (c.after or c.before).index))  # type: ignore[union-attr]
    return tuple(changes)


# --- contradictions --------------------------------------------------------------------


def _voice(item: Item) -> tuple[str, str, str]:
    a = item.assertion
    return (a.source, a.claimant or "", json.dumps(plain(a.value), sort_keys=True))


def _contradictions(
    corpus: Corpus, analyses: dict[str, Analysis], skip: set[str]
) -> dict[Hashable, list[Contradiction]]:
    found: dict[Hashable, list[Contradiction]] = defaultdict(list)
    for cid, analysis in analyses.items():
        if cid in skip:
            continue  # a claim that does not load on one side cannot be compared
        contradictions = analysis.contradictions
        voices = [_voice(item) for item in analysis.items] if contradictions else []
        for pair in contradictions:
            sides = tuple(sorted((voices[pair.a], voices[pair.b])))
            found[(cid, sides)].append(Contradiction(corpus, analysis, pair))
    return found


def _surplus(
    these: dict[Hashable, list[Contradiction]], those: dict[Hashable, list[Contradiction]]
) -> list[Contradiction]:
    """Contradictions on this side beyond those the other side also has (as a multiset)."""
    extra = [c for key, found in these.items() for c in found[len(those.get(key, ())) :]]
    return sorted(extra, key=lambda c: (c.claim, c.pair.a, c.pair.b))


# --- sources ---------------------------------------------------------------------------


def _source_changes(base: Corpus, head: Corpus, head_analyses: dict[str, Analysis]) -> list[SourceChange]:
    base_files = _stems(base.files, "sources", (".md",))
    head_files = _stems(head.files, "sources", (".md",))
    citing: dict[str, set[str]] = defaultdict(set)
    for cid, analysis in head_analyses.items():
        for item in analysis.items:
            citing[item.assertion.source].add(cid)
    changes = []
    for sid in sorted(set(base.sources) | set(head.sources)):
        old, new = base.sources.get(sid), head.sources.get(sid)
        if old is None and new is not None:
            if sid not in base_files:
                changes.append(SourceChange(sid, Change.ADDED, None, new, False, (), ()))
        elif new is None and old is not None:
            if sid not in head_files:
                changes.append(
                    SourceChange(sid, Change.REMOVED, old, None, False, (), tuple(sorted(citing[sid])))
                )
        elif old is not None and new is not None:
            fields = _field_changes(old.meta, new.meta, SOURCE_FIELDS)
            if old.rel != new.rel:
                fields.insert(0, FieldChange("file", old.rel, new.rel))
            text = old.body != new.body
            if fields or text:
                changes.append(SourceChange(sid, Change.CHANGED, old, new, text, tuple(fields), ()))
    return changes


# --- quotes under review ---------------------------------------------------------------


def _review(
    claims: Iterable[ClaimChange], sources: Iterable[SourceChange], head_analyses: dict[str, Analysis]
) -> list[Review]:
    """Every assertion a reviewer must read against its article: the added and edited ones,
    and those citing an article whose text changed under them."""
    chosen: dict[tuple[str, int], Review] = {}

    def add(analysis: Analysis, item: Item, reason: Reason, fields: tuple[FieldChange, ...] = ()) -> None:
        key = (analysis.id, item.index)
        if key in chosen:
            return
        context = missing = None
        if item.source is None:
            missing = f"source {item.assertion.source} is not in the data at head"
        else:
            context = quote_context(item.source, item.assertion.quote)
            if context is None:
                missing = f"the quote does not occur in {item.source.rel}"
        chosen[key] = Review(analysis, item, reason, context, missing, fields)

    for change in claims:
        if change.after is None:
            continue
        for a in change.assertions:
            if a.after is not None:
                add(change.after, a.after, Reason(a.status.value), a.fields)  # added or changed
    rewritten = {s.id for s in sources if s.status is Change.CHANGED and s.text}
    if rewritten:
        for analysis in head_analyses.values():
            for item in analysis.items:
                if item.assertion.source in rewritten:
                    add(analysis, item, Reason.SOURCE_CHANGED)
    return [chosen[key] for key in sorted(chosen)]


def compare(
    root: Path, base: str, head: str | None = None, merge_base: bool = False
) -> tuple[DiffResult, list[str]]:
    """The `diff` command's work: BASE and HEAD (or the work tree) read from git and compared.

    Returns the result and notes for the reader: a revision that holds no data under the
    root, and (in `result.note`) a BASE that moved on since HEAD forked from it. When the two
    differ only in claim files, only those claims are read and compared (`revisions`).
    """
    repo = gitrev.open_repository(root)
    span = gitrev.span(repo, base, head, merge_base)
    before = gitrev.listing(repo, span.base_commit)
    after = gitrev.listing(repo, span.head_commit) if span.head_commit else revisions.worktree(root)
    where = repo.prefix or "the top of the repository"
    read_from_git = [(span.base, before), *([(span.head, after)] if span.head_commit else [])]
    notes = [
        f"{name} has no claims/ or sources/ under {where}; everything there counts as new or gone"
        for name, side in read_from_git
        if not side.files
    ]
    changed = revisions.changed_claims(before, after)
    if changed is None:
        base_side = Side.whole(Revision(span.base, span.base_commit, _corpus(root, before)))
        head_side = Side.whole(Revision(span.head, span.head_commit, _corpus(root, after)))
    else:
        base_checked, head_checked = revisions.checks(root, before, after)
        base_side = _narrowed(root, span.base, span.base_commit, before, base_checked, changed)
        head_side = _narrowed(root, span.head, span.head_commit, after, head_checked, changed)
    return between(base_side, head_side, prefix=repo.prefix, note=span.note), notes


def _corpus(root: Path, side: gitrev.Listing) -> Corpus:
    corpus = corpus_mod.from_files(root, side.read())
    corpus.problems += side.unread
    return corpus


def _narrowed(
    root: Path,
    name: str | None,
    commit: str | None,
    side: gitrev.Listing,
    checked: Checked,
    changed: Sequence[str],
) -> Side:
    """The side of a revision that differs from the other only in the `changed` claim files:
    those claims, with the registries and the articles they cite (found by id, as the
    revision's check found them, and what those copy from)."""
    here = [rel for rel in changed if rel in side.files]
    sources = checked.sources

    def articles(source_id: str) -> Mapping[str, FileText | Problem]:
        rel = sources.get(source_id)
        return side.fetch([rel]) if rel is not None else {}

    corpus = corpus_mod.load_cited(root, side.fetch([*revisions.registries(side), *here]), articles)
    files = _stems(side.files, "claims", _CLAIM_SUFFIXES)
    analyses = {cid: analyse(corpus, c) for cid, c in corpus.claims.items()}
    revision = Revision(name, commit, corpus)
    return Side(
        revision, files, analyses, frozenset(checked.unloaded), tuple(checked.problems), complete=False
    )
