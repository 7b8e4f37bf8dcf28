"""A claim's analysis as plain data with the contract's JSON keys (show, list, diff, export)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from comparator.compare import Analysis, Dispute, Item, Side
from comparator.dates import PartialDate
from comparator.models import Kind
from comparator.values import Interval, Point, ValueSet, ordinal_date


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
        "status": item.status.value,
    }


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
        "assertions": [assertion_record(claim.kind, item) for item in analysis.items],
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
