"""A claim's analysis as plain data with the contract's JSON keys (show, list, diff, export)."""

from __future__ import annotations

import json
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from comparator.dates import PartialDate
from comparator.terms import Kind
from comparator.values import Interval, Point, ValueSet, ordinal_date

if TYPE_CHECKING:
    from comparator.compare import Analysis, Dispute, Item, Side

_SURROGATE = re.compile("[\udc80-\udcff]")


def encode(record: Any) -> str:
    """A record as the JSON outputs write it: indented, UTF-8 kept readable.

    A file name that is not UTF-8 holds undecodable bytes, which UTF-8 output cannot carry:
    escaped as \\udcXX they keep the JSON valid and the name recoverable. Only they are
    escaped, so a list written a claim at a time reads as the whole list written at once.
    """
    text = json.dumps(record, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plain(value: Any) -> Any:
    """A value as JSON and YAML hold it: dates as ISO text, ranges as lists, enums by value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def bound(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind is Kind.DATE:
        return ordinal_date(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def consensus_record(kind: Kind, consensus: ValueSet | None) -> dict[str, Any] | None:
    if consensus is None:
        return None
    if isinstance(consensus, Interval):
        return {"low": bound(kind, consensus.low), "high": bound(kind, consensus.high)}
    assert isinstance(consensus, Point)
    return {"value": consensus.shown}


def assertion_record(kind: Kind, item: Item) -> dict[str, Any]:
    a = item.assertion
    low = high = None
    if isinstance(item.values, Interval):
        low, high = bound(kind, item.values.low), bound(kind, item.values.high)
    return {
        "source": a.source,
        "outlet": item.outlet,
        "published": plain(item.published),
        "claimant": a.claimant,
        "origin": item.origin,
        "value": plain(a.value),
        "qualifier": a.qualifier.value,
        "low": low,
        "high": high,
        "as_of": plain(item.as_of),
        "quote": a.quote,
        "translation": a.translation,
    }


def assertion_json(kind: Kind, item: Item) -> dict[str, Any]:
    """An assertion as `show`, `list` and `diff` give it: its record and its `status`."""
    return assertion_record(kind, item) | {"status": item.status.value}


def value_record(kind: Kind, values: ValueSet) -> dict[str, Any]:
    """A value set as `{"low", "high"}` (ordered kinds) or `{"value"}`."""
    record = consensus_record(kind, values)
    assert record is not None
    return record


def side_record(kind: Kind, side: Side) -> dict[str, Any]:
    return {
        "assertions": list(side.assertions),
        "origins": list(side.origins),
        "support": side.support,
        "value": value_record(kind, side.value),
    }


def dispute_record(dispute: Dispute) -> dict[str, Any]:
    return {
        "sides": list(dispute.sides),
        "kind": dispute.kind.value,
        "cause": dispute.cause.value,
        "a": dispute.a,
        "b": dispute.b,
    }


def claim_record(analysis: Analysis) -> dict[str, Any]:
    claim_file = analysis.claim
    claim = claim_file.claim
    return {
        "id": claim_file.id,
        "topic": claim_file.topic,
        "question": claim.question,
        "kind": claim.kind.value,
        "unit": claim.unit,
        "cumulative": claim.cumulative,
        "verdict": analysis.verdict.value,
        "origins": list(analysis.origins),
        "consensus": consensus_record(claim.kind, analysis.consensus),
        "assertions": [assertion_json(claim.kind, item) for item in analysis.items],
        "relations": [
            {"a": p.a, "b": p.b, "relation": p.relation.value, "same_origin": p.same_origin}
            for p in analysis.pairs
        ],
        "clusters": [
            {"assertions": list(c.assertions), "origins": list(c.origins)} for c in analysis.clusters
        ],
        "sides": [side_record(claim.kind, side) for side in analysis.sides],
        "disputes": [dispute_record(d) for d in analysis.disputes],
    }


# --- diff ------------------------------------------------------------------------------


def _fields(changes: Any) -> list[dict[str, Any]]:
    return [{"field": f.field, "before": f.before, "after": f.after} for f in changes]


def _item(analysis: Analysis, item: Item) -> dict[str, Any]:
    return assertion_json(analysis.claim.claim.kind, item)


def dispute_change_record(change: Any) -> dict[str, Any]:
    """A dispute introduced or resolved: its claim, kind, cause and both sides in full."""
    return {
        "claim": change.claim,
        "kind": change.dispute.kind.value,
        "cause": change.dispute.cause.value,
        "sides": [
            {
                "origins": list(side.origins),
                "assertions": [_item(change.analysis, item) for item in change.members(side)],
            }
            for side in change.sides
        ],
    }


def diff_record(result: Any) -> dict[str, Any]:
    """A diff's JSON: the contract's keys first (`base` ... `disputes`), then the details."""
    from comparator.review.result import Change  # review imports this module

    def contradiction(c: Any) -> dict[str, Any]:
        return {"claim": c.claim, "a": _item(c.analysis, c.a), "b": _item(c.analysis, c.b)}

    def assertion_change(a: Any, change: Any) -> dict[str, Any]:
        shown, analysis = (a.after, change.after) if a.after is not None else (a.before, change.before)
        return {
            "status": a.status.value,
            "before": a.before.index if a.before is not None else None,
            "after": a.after.index if a.after is not None else None,
            "fields": _fields(a.fields),
            "assertion": _item(analysis, shown),
        }

    def source(s: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": s.id, "file": (s.after or s.before).rel}
        if s.status is Change.REMOVED:
            entry["cited_by"] = list(s.cited_by)
        if s.status is Change.CHANGED:
            entry["text"] = s.text
            entry["fields"] = _fields(s.fields)
        return entry

    def review(r: Any) -> dict[str, Any]:
        context = r.context
        return {
            "claim": r.analysis.id,
            "assertion": r.item.index,
            "reason": r.reason.value,
            "source": r.item.assertion.source,
            "quote": r.item.assertion.quote,
            "translation": r.item.assertion.translation,
            "context": {"before": context.before, "quote": context.quote, "after": context.after}
            if context
            else None,
            "missing": r.missing,
        }

    return {
        "base": result.base.name,
        "head": result.head.name,
        "claims": {status.value: result.claim_ids(status) for status in Change},
        "verdicts": [{"id": v.id, "before": v.before, "after": v.after} for v in result.verdicts],
        "contradictions": {
            "introduced": [contradiction(c) for c in result.introduced],
            "resolved": [contradiction(c) for c in result.resolved],
        },
        "disputes": {
            "introduced": [dispute_change_record(d) for d in result.disputes_introduced],
            "resolved": [dispute_change_record(d) for d in result.disputes_resolved],
        },
        "note": result.note,
        "commits": {"base": result.base.commit, "head": result.head.commit},
        "counts": result.counts,
        "changes": [
            {
                "id": c.id,
                "status": c.status,
                "file": {"before": c.rel_before, "after": c.rel_after},
                "fields": _fields(c.fields),
                "assertions": [assertion_change(a, c) for a in c.assertions],
            }
            for c in result.claims
        ],
        "sources": {status.value: [source(s) for s in result.source_changes(status)] for status in Change},
        "review": [review(r) for r in result.review],
        "unloaded": {"base": list(result.unloaded_base), "head": list(result.unloaded_head)},
        "problems": {
            "base": [p.as_dict() for p in result.base_problems],
            "head": [p.as_dict() for p in result.head_problems],
        },
    }
