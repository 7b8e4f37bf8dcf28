"""JSON with the contract's keys; stable key order, UTF-8 kept readable."""

from __future__ import annotations

import json
from typing import Any, Sequence

from comparator.check import CheckResult
from comparator.compare import Analysis
from comparator.records import claim_record


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def check(result: CheckResult) -> str:
    return dumps({"problems": [p.as_dict() for p in result.problems], "counts": result.counts})


def show(corpus: Any, analysis: Analysis, **_: Any) -> str:
    return dumps(claim_record(analysis))


def listing(corpus: Any, analyses: Sequence[Analysis], **_: Any) -> str:
    return dumps([claim_record(a) for a in analyses])
