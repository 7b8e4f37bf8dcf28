"""GitHub-flavoured markdown; every piece of data is escaped so it cannot break a table."""

from __future__ import annotations

from typing import Any, Sequence

from tabulate import tabulate

from comparator import humanize
from comparator.check import CheckResult
from comparator.compare import Analysis
from comparator.render import text
from comparator.render.escape import markdown as md


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table of already-escaped cells."""
    return tabulate(rows, headers, tablefmt="github", disable_numparse=True)


def check(result: CheckResult) -> str:
    if not result.problems:
        return f"No problems in {result.counts['files']} files."
    rows = [
        [md(p.file), str(p.line), str(p.column), p.severity.value, md(p.code), md(p.message)]
        for p in result.problems
    ]
    return f"**{result.summary()}**\n\n" + table(["file", "line", "col", "severity", "code", "message"], rows)


def quote_block(corpus: Any, analysis: Analysis, item: Any) -> str:
    lines = [f"> **#{item.index + 1}** {md(item.assertion.source)}: “{md(item.assertion.quote)}”"]
    if item.assertion.translation:
        lines.append(">")
        lines.append(f"> *{md(item.assertion.translation)}*")
    return "\n".join(lines)


def show(corpus: Any, analysis: Analysis, **_: Any) -> str:
    claim = analysis.claim.claim
    rows = [[md(cell) for cell in row] for row in text.assertion_rows(corpus, analysis)]
    out = [
        f"### {md(analysis.id)}",
        "",
        f"**{md(claim.question)}**",
        "",
        f"- verdict: **{analysis.verdict.value}** ({md(humanize.verdict_reason(corpus, analysis))})",
        f"- consensus: {md(humanize.value_set(claim.kind, analysis.consensus, corpus.actor_name))}",
        f"- origins: {md(', '.join(humanize.origin_name(corpus, o) for o in analysis.origins))}",
        "",
        table(text.ASSERTION_HEADERS, rows),
    ]
    if analysis.contradictions:
        out += ["", "**Contradictions**", ""]
        out += [f"- {md(humanize.contradiction(corpus, analysis, p))}" for p in analysis.contradictions]
    out += ["", "**Quotes**", ""]
    out += ["\n\n".join(quote_block(corpus, analysis, item) for item in analysis.items)]
    return "\n".join(out)


def listing(corpus: Any, analyses: Sequence[Analysis], **_: Any) -> str:
    rows = text.listing_rows(corpus, analyses, cell=md)
    return table(text.LISTING_HEADERS, rows)
