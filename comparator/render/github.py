"""GitHub Actions workflow commands: annotations on the files and lines at fault."""

from __future__ import annotations

from comparator.check import CheckResult
from comparator.render.escape import workflow_command


def check(result: CheckResult) -> str:
    return "\n".join(
        workflow_command(p.severity.value, p.message, file=p.file, line=p.line, col=p.column, title=p.code)
        for p in result.problems
    )
