"""GitHub Actions workflow commands: annotations on the files and lines at fault.

GitHub shows at most ten error and ten warning annotations of a step and silently drops the
rest, so at most ten of each are written: those on files the change wrote first, then in
file order. One notice says how many more there are and where to read them all.
"""

from __future__ import annotations

from comparator.check import CheckResult
from comparator.humanize import plural
from comparator.problems import Severity
from comparator.render import Options
from comparator.render.escape import workflow_command
from comparator.render.findings import Finding, of_check, of_diff
from comparator.review.result import DiffResult

PER_LEVEL = 10  # GitHub's limit of annotations per level and step


def capped(findings: list[Finding], where_all: str) -> str:
    ordered = sorted(findings, key=lambda f: not f.touched)  # stable: file order within each
    shown: list[Finding] = []
    left = {level: 0 for level in Severity}
    for finding in ordered:
        if sum(f.level is finding.level for f in shown) < PER_LEVEL:
            shown.append(finding)
        else:
            left[finding.level] += 1
    lines = [
        workflow_command(f.level.value, f.message, file=f.file, line=f.line, col=f.column, title=f.title)
        for f in sorted(shown, key=findings.index)
    ]
    if any(left.values()):
        counted = " and ".join(plural(n, level.value) for level, n in left.items() if n)
        lines.append(
            workflow_command(
                "notice",
                f"{counted} more not annotated here (GitHub shows {PER_LEVEL} of each per step); {where_all}",
                title="more findings",
            )
        )
    return "\n".join(lines)


def check(result: CheckResult, options: Options) -> str:
    """Annotations name repository paths: `options.prefix` is where the data root sits."""
    where = "`comparator check` and the job summary list them all"
    return capped(of_check(result, options.prefix), where)


def diff(result: DiffResult, options: Options) -> str:
    where = "`comparator diff --format markdown` and the job summary list them all"
    return capped(of_diff(result, options.problems), where)
