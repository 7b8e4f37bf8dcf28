"""Plain text for a terminal: aligned tables, wrapped quotes, colour only when asked."""

from __future__ import annotations

import textwrap
from typing import Any, Sequence

from tabulate import tabulate

from comparator import humanize
from comparator.check import CheckResult
from comparator.compare import Analysis

_STYLES = {"contested": "31", "corroborated": "32", "single-origin": "33", "bold": "1", "dim": "2"}


def paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


def _flat(text: object) -> str:
    """One line: a terminal table must not be broken by a newline or tab in the data."""
    return " ".join(str(text).split()) if text is not None else ""


def check(result: CheckResult) -> str:
    return "\n".join(
        f"{p.file}:{p.line}:{p.column}: {p.severity.value} {p.code} {_flat(p.message)}" for p in result.problems
    )


def assertion_rows(corpus: Any, analysis: Analysis) -> list[list[str]]:
    rows = []
    for item in analysis.items:
        claimant = item.assertion.claimant
        rows.append(
            [
                str(item.index + 1),
                corpus.outlet_name(item.outlet) if item.outlet else item.assertion.source,
                item.published.human() if item.published else "",
                corpus.actor_name(claimant) if claimant else "own voice",
                humanize.item_value(analysis, item, corpus.actor_name),
                item.as_of.human() if item.as_of else "",
                humanize.origin_name(corpus, item.origin),
            ]
        )
    return rows


ASSERTION_HEADERS = ["#", "outlet", "published", "claimant", "value", "as of", "origin"]


def show(corpus: Any, analysis: Analysis, *, width: int = 100, color: bool = False) -> str:
    claim = analysis.claim.claim
    verdict = analysis.verdict.value
    out = [
        paint(analysis.id, "bold", color) + f"  ({analysis.claim.topic}, {claim.kind.value}"
        + (f", {claim.unit}" if claim.unit else "") + (", running total" if claim.cumulative else "") + ")",
        *textwrap.wrap(claim.question, width),
        "",
        f"verdict:    {paint(verdict, verdict, color)}: {humanize.verdict_reason(corpus, analysis)}",
        f"consensus:  {humanize.value_set(claim.kind, analysis.consensus, corpus.actor_name)}",
        f"origins:    {', '.join(humanize.origin_name(corpus, o) for o in analysis.origins)}",
        "",
        fitted_table(assertion_rows(corpus, analysis), ASSERTION_HEADERS, width, wrap=(1, 3, 4, 6)),
    ]
    if analysis.contradictions:
        out += ["", paint("Contradictions", "bold", color)]
        for pair in analysis.contradictions:
            text = f"#{pair.a + 1} × #{pair.b + 1}: " + humanize.contradiction(corpus, analysis, pair)
            out += textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="    ")
    others = [p for p in analysis.pairs if p.relation.value != "contradict"]
    if others:
        out += ["", paint("Relations", "bold", color)]
        for pair in others:
            same = " (same origin)" if pair.same_origin else ""
            verb = "supersedes" if pair.relation.value == "supersede" else pair.relation.value
            if verb == "supersedes":
                out.append(f"  #{pair.b + 1} supersedes #{pair.a + 1}{same}")
            else:
                out.append(f"  #{pair.a + 1} {verb} with #{pair.b + 1}{same}")
    out += ["", paint("Clusters", "bold", color)]
    for n, cluster in enumerate(analysis.clusters, 1):
        members = ", ".join(f"#{i + 1}" for i in cluster.assertions)
        origins = ", ".join(humanize.origin_name(corpus, o) for o in cluster.origins)
        out.append(f"  {n}. {members}  (origins: {origins})")
    out += ["", paint("Quotes", "bold", color)]
    for item in analysis.items:
        head = f"#{item.index + 1} {item.assertion.source}"
        out.append("  " + paint(head, "dim", color))
        out += textwrap.wrap(f"“{_flat(item.assertion.quote)}”", width, initial_indent="    ", subsequent_indent="    ")
        if item.assertion.translation:
            out += textwrap.wrap(
                f"= {_flat(item.assertion.translation)}", width, initial_indent="    ", subsequent_indent="      "
            )
    if claim.notes:
        out += ["", paint("Notes", "bold", color), *textwrap.wrap(_flat(claim.notes), width, initial_indent="  ", subsequent_indent="  ")]
    return "\n".join(out)


def fitted_table(
    rows: list[list[str]], headers: list[str], width: int, wrap: tuple[int, ...], narrowest: int = 10
) -> str:
    """A table no wider than `width`: the widest wrappable columns are wrapped, never cut."""
    limits: list[int | None] = [None] * len(headers)
    while True:
        table = tabulate(rows, headers, tablefmt="simple", disable_numparse=True, maxcolwidths=limits)
        if max(len(line) for line in table.splitlines()) <= width:
            return table
        widths = {i: max(len(line) for r in rows + [headers] for line in str(r[i]).splitlines()) for i in wrap}
        widths = {i: min(w, limits[i] or w) for i, w in widths.items()}
        widest = max(widths, key=lambda i: widths[i])
        if widths[widest] <= narrowest:
            return table  # as narrow as it reads; a narrow terminal will wrap it
        limits[widest] = widths[widest] - 2


def listing_rows(corpus: Any, analyses: Sequence[Analysis], cell: Any = _flat) -> list[list[str]]:
    return [
        [
            cell(a.id),
            cell(a.claim.topic),
            a.verdict.value,
            str(len(a.items)),
            str(len(a.origins)),
            cell(humanize.summary(corpus, a)),
        ]
        for a in analyses
    ]


LISTING_HEADERS = ["id", "topic", "verdict", "asserted", "origins", "consensus or competing values"]
# Colour codes are invisible but counted by tabulate; colour is added after fitting.


def listing(corpus: Any, analyses: Sequence[Analysis], *, width: int = 100, color: bool = False) -> str:
    if not analyses:
        return ""
    table = fitted_table(listing_rows(corpus, analyses), LISTING_HEADERS, width, wrap=(5,), narrowest=24)
    if not color:
        return table
    for verdict in ("contested", "corroborated", "single-origin"):
        table = table.replace(f"  {verdict}  ", f"  {paint(verdict, verdict, True)}  ")
    return table
