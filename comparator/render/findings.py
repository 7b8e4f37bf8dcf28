"""Findings on lines of files: what `github` annotations and SARIF results are made of.

A check's problems, and a diff's problems and new disputes, become one list of `Finding`s,
each on a file (relative to the repository), a line and a column, with a rule (a problem
code, or `new-dispute`) and a level. The two formats then differ only in
how they write the list: GitHub shows a few annotations per step, SARIF takes them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from comparator import humanize
from comparator.check import CheckResult
from comparator.problems import CODES, Problem, Severity
from comparator.review.result import DiffResult
from comparator.review.view import MEMBERS_SHOWN

NEW_DISPUTE = "new-dispute"
# Rules a diff adds to the problem codes, with what they mean.
DIFF_RULES = {NEW_DISPUTE: "a claim the change makes contested, or a contested claim that gains a side"}


@dataclass(frozen=True)
class Finding:
    level: Severity
    rule: str
    file: str  # relative to the repository
    line: int
    column: int
    message: str
    title: str  # a short heading for the annotation
    touched: bool = False  # on a file the change wrote: shown first where space is short


def rules() -> dict[str, str]:
    """Every rule a finding may name, with its description."""
    return {**CODES, **DIFF_RULES}


def _from_problems(problems: Iterable[Problem], prefix: str, touched: frozenset[str]) -> list[Finding]:
    return [
        Finding(p.severity, p.code, prefix + p.file, p.line, p.column, p.message, p.code, p.file in touched)
        for p in problems
    ]


def of_check(result: CheckResult, prefix: str) -> list[Finding]:
    return _from_problems(result.problems, prefix, frozenset())


def of_diff(result: DiffResult, problems: bool = True) -> list[Finding]:
    """Errors at head (and warnings in the files the change wrote), then each new dispute as a
    warning on the last assertion of its sides in the claim file."""
    found = _from_problems(result.shown_problems, result.prefix, result.touched) if problems else []
    for change in result.disputes_introduced:
        analysis = change.analysis
        last = max(i for side in change.sides for i in side.assertions)
        line, col = analysis.claim.marks.at(("assertions", last))
        sentence = humanize.dispute_sentence(change.corpus, analysis, change.dispute)
        quotes = [
            f"{humanize.side_label(n)} #{i.index + 1} {i.assertion.source}: “{i.assertion.quote}”"
            for n, side in zip(change.dispute.sides, change.sides, strict=True)
            for i in change.members(side)[:MEMBERS_SHOWN]
        ]
        title = f"new dispute in {change.claim}"
        rel = result.prefix + analysis.claim.rel
        found.append(
            Finding(
                Severity.WARNING, NEW_DISPUTE, rel, line, col, "\n".join([sentence, *quotes]), title, True
            )
        )
    return found
