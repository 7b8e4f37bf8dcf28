"""JSON with the contract's keys; stable key order, UTF-8 kept readable."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from comparator.check import CheckResult
from comparator.display import ClaimView
from comparator.records import claim_record
from comparator.render import Options
from comparator.review.model import DiffResult

_SURROGATE = re.compile("[\udc80-\udcff]")

if TYPE_CHECKING:  # `check` and `show` need not load the sentence reading of `suggest`
    from comparator.curation.suggest import Suggestion, Suggestions, Value


def dumps(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if _SURROGATE.search(text):
        # A file name that is not UTF-8 holds undecodable bytes, which UTF-8 output cannot
        # carry: escaped as \\udcXX they keep the JSON valid and the name recoverable.
        return json.dumps(data, ensure_ascii=True, indent=2)
    return text


def check(result: CheckResult, options: Options) -> str:
    return dumps({"problems": [p.as_dict() for p in result.problems], "counts": result.counts})


def show(claim: ClaimView, options: Options) -> str:
    return dumps(claim_record(claim.analysis))


def listing(claims: Sequence[ClaimView], options: Options) -> str:
    return dumps([claim_record(c.analysis) for c in claims])


# --- diff ------------------------------------------------------------------------------


def diff(result: DiffResult, options: Options) -> str:
    """The contract's keys first (`base` ... `contradictions`), then the details."""
    from comparator.records import assertion_record

    def record(item: Any, analysis: Any) -> dict[str, Any]:
        return assertion_record(analysis.claim.claim.kind, item)

    def contradiction(c: Any) -> dict[str, Any]:
        return {"claim": c.claim, "a": record(c.a, c.analysis), "b": record(c.b, c.analysis)}

    def fields(changes: Any) -> list[dict[str, Any]]:
        return [{"field": f.field, "before": f.before, "after": f.after} for f in changes]

    def assertion_change(a: Any, change: Any) -> dict[str, Any]:
        shown, analysis = (a.after, change.after) if a.after is not None else (a.before, change.before)
        return {
            "status": a.status,
            "before": a.before.index if a.before is not None else None,
            "after": a.after.index if a.after is not None else None,
            "fields": fields(a.fields),
            "assertion": record(shown, analysis),
        }

    def source(s: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": s.id, "file": (s.after or s.before).rel}
        if s.status == "removed":
            entry["cited_by"] = list(s.cited_by)
        if s.status == "changed":
            entry["text"] = s.text
            entry["fields"] = fields(s.fields)
        return entry

    def review(r: Any) -> dict[str, Any]:
        context = r.context
        return {
            "claim": r.analysis.id,
            "assertion": r.item.index,
            "reason": r.reason,
            "source": r.item.assertion.source,
            "quote": r.item.assertion.quote,
            "translation": r.item.assertion.translation,
            "context": {"before": context.before, "quote": context.quote, "after": context.after}
            if context
            else None,
            "missing": r.missing,
        }

    return dumps(
        {
            "base": result.base.name,
            "head": result.head.name,
            "claims": {status: result.claim_ids(status) for status in ("added", "removed", "changed")},
            "verdicts": [{"id": v.id, "before": v.before, "after": v.after} for v in result.verdicts],
            "contradictions": {
                "introduced": [contradiction(c) for c in result.introduced],
                "resolved": [contradiction(c) for c in result.resolved],
            },
            "commits": {"base": result.base.commit, "head": result.head.commit},
            "counts": result.counts,
            "changes": [
                {
                    "id": c.id,
                    "status": c.status,
                    "file": {"before": c.rel_before, "after": c.rel_after},
                    "fields": fields(c.fields),
                    "assertions": [assertion_change(a, c) for a in c.assertions],
                }
                for c in result.claims
            ],
            "sources": {
                status: [source(s) for s in result.source_changes(status)]
                for status in ("added", "removed", "changed")
            },
            "review": [review(r) for r in result.review],
            "unloaded": {"base": list(result.unloaded_base), "head": list(result.unloaded_head)},
            "problems": {
                "base": [p.as_dict() for p in result.base_problems],
                "head": [p.as_dict() for p in result.head_problems],
            },
        }
    )


# --- suggest -----------------------------------------------------------------------------


def suggest(result: Suggestions, options: Options) -> str:
    """The source, then each suggestion with its offsets into the NFC body, so that a tool can
    highlight the sentence and every value in it."""
    from comparator.records import plain

    def value(v: Value) -> dict[str, Any]:
        return {
            "type": v.type,
            "text": v.text,
            "value": plain(v.value),
            "qualifier": v.qualifier.value if v.qualifier else None,
            "relative": v.relative,
            "start": v.start,
            "end": v.end,
        }

    def suggestion(s: Suggestion) -> dict[str, Any]:
        return {
            "line": s.sentence.line,
            "start": s.sentence.start,
            "end": s.sentence.end,
            "text": s.text,
            "values": [value(v) for v in s.values],
            "qualifiers": [{"word": w, "qualifier": q.value} for w, q in s.qualifiers],
            "cues": [{"kind": c.kind, "word": c.word, "start": c.start, "end": c.end} for c in s.cues],
            "cited_by": [{"claim": c.claim, "assertion": c.assertion} for c in s.cited_by],
        }

    source = result.source
    return dumps(
        {
            "source": source.id,
            "file": source.rel,
            "language": source.meta.language,
            "published": source.meta.published.iso(),
            "sentences": len(result.sentences),
            "suggestions": [suggestion(s) for s in result.items],
        }
    )
