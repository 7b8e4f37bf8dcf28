"""A diff as GitHub-flavoured markdown, for a pull-request comment or a job summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from comparator import humanize
from comparator.problems import Severity
from comparator.render import Options
from comparator.render.escape import markdown as md
from comparator.render.markdown import table
from comparator.render.text_diff import (
    claim_change_details,
    field_changes,
    revision_name,
    source_change_details,
)
from comparator.review.model import DiffResult

DETAILS_AFTER = 10  # longer lists fold into <details>, so the summary stays readable
MAX_LISTED = 100  # a pull-request comment holds 65,536 characters; the rest is in `--format json`


def _fold(title: str, count: int, body: list[str]) -> list[str]:
    """A section; long ones collapsed under a summary line (the title holds no data)."""
    if not body:
        return []
    if count > DETAILS_AFTER:
        body = [f"<details><summary>{count} {title.lower()}</summary>", "", *body, "", "</details>"]
    return ["", f"#### {title}", "", *body]


def _capped(items: Sequence[Any], noun: str) -> tuple[Sequence[Any], list[str]]:
    if len(items) <= MAX_LISTED:
        return items, []
    more = len(items) - MAX_LISTED
    return items[:MAX_LISTED], ["", f"*… and {more} more {noun}; `comparator diff --format json` lists all.*"]


def _strong(count: int, words: str) -> str:
    """A count that should stop a reviewer, in bold when it is not zero."""
    return f"**{count} {words}**" if count else f"{count} {words}"


def _marked(context: Any) -> str:
    """The sentence with the quote in bold; each part escaped on its own."""
    quote = f"**{md(context.quote)}**" if context.quote.strip() else ""
    before = md(context.before) + (" " if context.before.endswith(" ") else "")
    after = (" " if context.after.startswith(" ") else "") + md(context.after)
    return f"{before}{quote}{after}"


def diff(result: DiffResult, options: Options) -> str:
    n = result.counts
    base = md(revision_name(result.base.name))
    head = md(revision_name(result.head.name))
    out = [
        f"### comparator diff: {base} → {head}",
        "",
        table(
            ["", "added", "removed", "changed"],
            [
                [kind, str(n[f"{kind}_added"]), str(n[f"{kind}_removed"]), str(n[f"{kind}_changed"])]
                for kind in ("claims", "assertions", "sources")
            ],
        ),
        "",
        f"Contradictions: {_strong(n['contradictions_introduced'], 'introduced')}, "
        f"{n['contradictions_resolved']} resolved · verdicts changed: {n['verdicts_changed']} · "
        f"quotes to review: {n['review']} · "
        f"at head: {_strong(n['errors'], 'errors')}, {n['warnings']} warnings",
    ]

    def contradictions(found: Sequence[Any]) -> list[str]:
        shown, more = _capped(found, "contradictions")
        lines = []
        for c in shown:
            lines.append(f"- **{md(c.claim)}**: {md(humanize.contradiction(c.corpus, c.analysis, c.pair))}")
            for item in (c.a, c.b):
                context = c.context(item)
                quote = _marked(context) if context else f"“{md(item.assertion.quote)}”"
                lines.append(f"  - #{item.index + 1} {md(item.assertion.source)}: {quote}")
        return lines + more

    out += _fold("Contradictions introduced", len(result.introduced), contradictions(result.introduced))
    out += _fold("Contradictions resolved", len(result.resolved), contradictions(result.resolved))

    shown, more = _capped(result.verdicts, "verdict changes")
    rows = [[md(v.id), v.before or "—", v.after or "—"] for v in shown]
    out += _fold(
        "Verdict changes",
        len(result.verdicts),
        [table(["claim", "before", "after"], rows), *more] if rows else [],
    )

    shown, more = _capped(result.review, "quotes")
    lines: list[str] = []
    current = None
    for r in shown:
        if r.analysis.id != current:
            current = r.analysis.id
            lines += ["", f"**{md(current)}**: {md(r.analysis.claim.claim.question)}"]
        said = humanize.side(result.head.corpus, r.analysis, r.item)
        lines += ["", f"- #{r.item.index + 1} {r.reason.replace('-', ' ')}: {md(said)}"]
        if r.fields:
            lines += ["", f"  {md(field_changes(r.fields))}"]
        if r.context is not None:
            lines += ["", f"  > {_marked(r.context)}"]
        else:
            lines += ["", f"  > “{md(r.item.assertion.quote)}” ({md(r.missing)})"]
        if r.item.assertion.translation:
            lines += ["  >", f"  > *{md(r.item.assertion.translation)}*"]
    out += _fold("Quotes to review", len(result.review), lines[1:] + more)

    shown, more = _capped(result.claims, "claims")
    rows = [[md(c.id), c.status, md(claim_change_details(c))] for c in shown]
    out += _fold(
        "Claims", len(result.claims), [table(["claim", "change", "details"], rows), *more] if rows else []
    )

    shown, more = _capped(result.sources, "sources")
    rows = [[md(s.id), s.status, md(source_change_details(s))] for s in shown]
    out += _fold(
        "Sources", len(result.sources), [table(["source", "change", "details"], rows), *more] if rows else []
    )

    if options.problems:

        def problem_table(found: Sequence[Any]) -> list[str]:
            listed, rest = _capped(found, "problems")
            rows = [
                [md(p.file), str(p.line), str(p.column), p.severity.value, md(p.code), md(p.message)]
                for p in listed
            ]
            return (
                [table(["file", "line", "col", "severity", "code", "message"], rows), *rest] if rows else []
            )

        found = result.shown_problems
        out += _fold("Problems at head", len(found), problem_table(found))
        base_errors = [p for p in result.base_problems if p.severity is Severity.ERROR]
        out += _fold("Errors at base (for reference)", len(base_errors), problem_table(base_errors))
    if not (result.claims or result.sources or result.verdicts or result.introduced or result.resolved):
        out += ["", "No claim, source or verdict changed."]
    return "\n".join(out)
