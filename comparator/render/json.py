"""JSON with the contract's keys; stable key order, UTF-8 kept readable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from comparator.records import encode
from comparator.render import Options

if TYPE_CHECKING:  # `check` and `show` need not load the sentence reading of `suggest`
    from comparator.check import CheckResult
    from comparator.curation.suggest import Suggestion, Suggestions, Value
    from comparator.display import ClaimView, Listed
    from comparator.review.result import DiffResult


def dumps(data: Any) -> str:
    return encode(data)


def check(result: CheckResult, options: Options) -> str:
    return dumps({"problems": [p.as_dict() for p in result.problems], "counts": result.counts})


def _record(claim: ClaimView) -> str:
    if claim.record is None:
        raise ValueError(f"the view of {claim.id} was built without its JSON record")
    return claim.record


def show(claim: ClaimView, options: Options) -> str:
    return _record(claim)


def listing(claims: Iterable[Listed], options: Options) -> Iterator[str]:
    """The same text as `dumps` of the whole list, a claim at a time."""
    opening = "["
    for claim in claims:
        yield opening + "\n  " + claim.record.replace("\n", "\n  ")
        opening = ","
    yield "[]" if opening == "[" else "\n]"


# --- diff ------------------------------------------------------------------------------


def diff(result: DiffResult, options: Options) -> str:
    """The contract's keys first (`base` ... `disputes`), then the details."""
    from comparator.records import diff_record

    return dumps(diff_record(result))


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
