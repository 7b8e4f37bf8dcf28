"""Warnings a curator has judged: an assertion's `accept` entries set them apart.

An accepted warning is not reported and does not fail `check --strict`, but it is counted.
An entry whose warning no longer fires is itself a warning (`unused-accept`), and an entry
that names an error or no known code is a `schema` error, each placed at the entry's key.
"""

from __future__ import annotations

from collections.abc import Sequence

from comparator.models import Assertion
from comparator.nearest import did_you_mean
from comparator.problems import ACCEPTABLE, CODES, Problem, Severity, error, warning
from comparator.yamlmarks import Marks


def accepting(
    rel: str, marks: Marks, index: int, assertion: Assertion, found: Sequence[Problem]
) -> tuple[list[Problem], list[Problem]]:
    """`found` (one assertion's problems) split into (reported, accepted), with a problem
    for each `accept` entry that is wrong or no longer needed."""
    reported: list[Problem] = []
    accepted: list[Problem] = []
    for problem in found:
        if problem.severity is Severity.WARNING and problem.code in assertion.accept:
            accepted.append(problem)
        else:
            reported.append(problem)
    fired = {p.code for p in accepted}
    # When an error stopped the checks (an unknown source, a quote not found), the warnings
    # were never looked for: an entry cannot be said to be unused.
    checked = not any(p.severity is Severity.ERROR for p in found)
    for code in assertion.accept:
        # Positions are asked for only where a problem is made: they cost a second reading
        # of the file, which a file without problems never needs.
        if code not in ACCEPTABLE:
            line, col = marks.at(("assertions", index, "accept", code), key=True)
            reported.append(error(rel, line, col, "schema", _refusal(code)))
        elif checked and code not in fired:
            line, col = marks.at(("assertions", index, "accept", code), key=True)
            message = f"{code} no longer fires on this assertion; remove the accept entry"
            reported.append(warning(rel, line, col, "unused-accept", message))
    return reported, accepted


def _refusal(code: str) -> str:
    if code == "unused-accept":
        return "unused-accept cannot be accepted: remove the entry that no longer applies"
    if code in CODES:
        return f"{code} is an error and cannot be accepted: fix it instead"
    hint = did_you_mean(code, ACCEPTABLE, n=1)
    return f"unknown warning code {code!r}{hint}; accept takes {', '.join(sorted(ACCEPTABLE))}"
