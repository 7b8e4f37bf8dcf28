"""GitHub-flavoured markdown; every piece of data is escaped so it cannot break a table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from comparator.display import AssertionView, ClaimView, Listed
from comparator.problems import Problem
from comparator.render import Options, text
from comparator.render.escape import markdown as md

if TYPE_CHECKING:
    from comparator.check import CheckResult

HEADER_PAD = 2  # a column is at least its header plus this wide, as tabulate's tables are


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table of already-escaped cells, aligned so that it reads in plain text too.

    Written directly rather than through tabulate: the report holds thousands of tables, and
    tabulate's type detection for each cell costs more than the rest of the report.
    """
    widths = [max([len(h) + HEADER_PAD, *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([row(headers), rule, *(row(r) for r in rows)])


PROBLEM_HEADERS = ["file", "line", "col", "severity", "code", "message"]


def problem_rows(problems: Sequence[Problem]) -> list[list[str]]:
    return [
        [md(p.file), str(p.line), str(p.column), p.severity.value, md(p.code), md(p.message)]
        for p in problems
    ]


def check(result: CheckResult, options: Options) -> str:
    if not result.problems:
        return f"No problems in {result.counts['files']} files."
    return f"**{result.summary()}**\n\n" + table(PROBLEM_HEADERS, problem_rows(result.problems))


def quote_block(a: AssertionView) -> str:
    lines = [f"> **#{a.number}** {md(a.source)}: “{md(a.quote)}”"]
    if a.translation:
        lines += [">", f"> *{md(a.translation)}*"]
    if a.notes:
        lines += [">", f"> Note: {md(a.notes)}"]
    lines += [line for code, why in a.accepted for line in (">", f"> Accepted `{code}`: {md(why)}")]
    return "\n".join(lines)


def _more(count: int, what: str) -> list[str]:
    return [f"- … and {count:,} more {what}; `--format json` lists all"] if count else []


def show(claim: ClaimView, options: Options) -> str:
    headers, cells = text.assertion_table(claim)
    rows = [[md(cell) for cell in row] for row in cells]
    out = [
        f"### {md(claim.id)}",
        "",
        f"**{md(claim.question)}**",
        "",
        f"- verdict: **{claim.verdict.value}** ({md(claim.reason)})",
        f"- consensus: {md(claim.consensus or 'none')}",
        f"- origins: {md(', '.join(claim.origins))}",
        "",
        table(headers, rows),
    ]
    if len(claim.sides) > 1:
        out += ["", "**Sides**", "", *(f"- {md(text.side_line(side))}" for side in claim.sides)]
    if claim.disputes:
        out += ["", "**Disputes**", ""]
        out += [f"- {d.sides[0]} × {d.sides[1]}: {md(d.text)}" for d in claim.disputes]
        out += _more(claim.disputes_more, "disputes")
    if claim.standings:
        out += ["", "**Superseded and retracted**", ""]
        out += [f"- #{a.number} {md(a.standing)}" for a in claim.standings]
    out += ["", "**Quotes**", ""]
    out += ["\n\n".join(quote_block(a) for a in claim.assertions)]
    if claim.notes:
        out += ["", f"**Notes:** {md(claim.notes)}"]
    return "\n".join(out)


def listing(claims: Iterable[Listed], options: Options) -> Iterator[str]:
    rows = [[md(cell) for cell in row] for row in text.listing_rows(claims)]
    yield table(text.LISTING_HEADERS, rows)
