"""SARIF 2.1.0 for GitHub code scanning, which, unlike annotations, takes every finding."""

from __future__ import annotations

import json
from typing import Any

from comparator import __version__
from comparator.check import CheckResult
from comparator.problems import Severity
from comparator.render import Options
from comparator.render.findings import Finding, of_check, of_diff, rules
from comparator.review.result import DiffResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def log(findings: list[Finding]) -> str:
    """A SARIF log of one run, with a rule for every problem code (so a later run's new
    rule is never unknown to code scanning) and a result per finding."""
    ids = sorted(rules())
    index = {rule: n for n, rule in enumerate(ids)}
    descriptions = rules()
    driver: dict[str, Any] = {
        "name": "comparator",
        "version": __version__,
        "rules": [{"id": rule, "shortDescription": {"text": descriptions[rule]}} for rule in ids],
    }
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.level],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in findings
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def check(result: CheckResult, options: Options) -> str:
    return log(of_check(result, options.prefix))


def diff(result: DiffResult, options: Options) -> str:
    return log(of_diff(result, options.problems))
