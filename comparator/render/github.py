"""GitHub Actions workflow commands: annotations on the files and lines at fault."""

from __future__ import annotations

from comparator.check import CheckResult
from comparator.render import Options
from comparator.render.escape import workflow_command
from comparator.review.model import DiffResult


def check(result: CheckResult, options: Options) -> str:
    """Annotations name repository paths: `options.prefix` is where the data root sits."""
    prefix = options.prefix
    return "\n".join(
        workflow_command(
            p.severity.value, p.message, file=prefix + p.file, line=p.line, col=p.column, title=p.code
        )
        for p in result.problems
    )


# --- diff ------------------------------------------------------------------------------


def diff(result: DiffResult, options: Options) -> str:
    """Errors at head (and warnings in the files this change wrote) on their lines; each new
    contradiction as a warning on the later of its two assertions."""
    from comparator import humanize

    lines = []
    if options.problems:
        for p in result.shown_problems:
            lines.append(
                workflow_command(
                    p.severity.value,
                    p.message,
                    file=result.prefix + p.file,
                    line=p.line,
                    col=p.column,
                    title=p.code,
                )
            )
    for c in result.introduced:
        line, col = c.analysis.claim.marks.at(("assertions", c.later.index))
        quotes = [f"#{i.index + 1} {i.assertion.source}: “{i.assertion.quote}”" for i in (c.a, c.b)]
        message = "\n".join([humanize.contradiction(c.corpus, c.analysis, c.pair), *quotes])
        lines.append(
            workflow_command(
                "warning",
                message,
                file=result.prefix + c.analysis.claim.rel,
                line=line,
                col=col,
                title=f"new contradiction in {c.claim}",
            )
        )
    return "\n".join(lines)
