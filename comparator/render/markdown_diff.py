"""A diff as GitHub-flavoured markdown, for a pull-request comment or a job summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from comparator.problems import Problem
from comparator.render import Options
from comparator.render.escape import markdown as md
from comparator.render.markdown import PROBLEM_HEADERS, problem_rows, table
from comparator.render.text_diff import (
    claim_change_details,
    field_changes,
    revision_name,
    source_change_details,
)
from comparator.review.result import DiffResult
from comparator.review.view import DisputeEntry, Quoted, diff_view

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


def _quote(q: Quoted) -> str:
    return _marked(q.context) if q.context else f"“{md(q.quote)}”"


def _disputes(entries: Sequence[DisputeEntry]) -> list[str]:
    shown, more = _capped(entries, "disputes")
    lines = []
    for d in shown:
        lines.append(f"- **{md(d.claim)}**: {md(d.sentence)}")
        for side in d.sides:
            lines += [f"  - {side.label} #{q.number} {md(q.source)}: {_quote(q)}" for q in side.quotes]
            if side.more:
                lines.append(f"  - {side.label}: … and {side.more} more")
    return lines + more


def _problem_table(found: Sequence[Problem]) -> list[str]:
    listed, rest = _capped(found, "problems")
    return [table(PROBLEM_HEADERS, problem_rows(listed)), *rest] if listed else []


def diff(result: DiffResult, options: Options) -> str:
    view = diff_view(result, options.problems)
    n = result.counts
    base = md(revision_name(result.base.name))
    head = md(revision_name(result.head.name))
    out = [f"### comparator diff: {base} → {head}", ""]
    if result.note:
        out += [f"> **Note:** {md(result.note)}", ""]
    out += [
        table(
            ["", "added", "removed", "changed"],
            [
                [kind, str(n[f"{kind}_added"]), str(n[f"{kind}_removed"]), str(n[f"{kind}_changed"])]
                for kind in ("claims", "assertions", "sources")
            ],
        ),
        "",
        f"Disputes: {_strong(n['disputes_introduced'], 'introduced')}, {n['disputes_resolved']} resolved · "
        f"contradicting pairs: {n['contradictions_introduced']} introduced, "
        f"{n['contradictions_resolved']} resolved · verdicts changed: {n['verdicts_changed']} · "
        f"quotes to review: {n['review']} · "
        f"at head: {_strong(n['errors'], 'errors')}, {n['warnings']} warnings",
    ]
    out += _fold("Disputes introduced", len(view.introduced), _disputes(view.introduced))
    out += _fold("Disputes resolved", len(view.resolved), _disputes(view.resolved))

    shown, more = _capped(result.verdicts, "verdict changes")
    rows = [[md(v.id), v.before or "—", v.after or "—"] for v in shown]
    out += _fold(
        "Verdict changes",
        len(result.verdicts),
        [table(["claim", "before", "after"], rows), *more] if rows else [],
    )

    entries, more = _capped(view.review, "quotes")
    lines: list[str] = []
    current = None
    for entry in entries:
        r = entry.review
        if r.analysis.id != current:
            current = r.analysis.id
            lines += ["", f"**{md(current)}**: {md(r.analysis.claim.claim.question)}"]
        lines += ["", f"- #{r.item.index + 1} {r.reason.value.replace('-', ' ')}: {md(entry.said)}"]
        if r.fields:
            lines += ["", f"  {md(field_changes(r.fields))}"]
        if r.context is not None:
            lines += ["", f"  > {_marked(r.context)}"]
        else:
            lines += ["", f"  > “{md(r.item.assertion.quote)}” ({md(r.missing)})"]
        if r.item.assertion.translation:
            lines += ["  >", f"  > *{md(r.item.assertion.translation)}*"]
        for p in entry.problems:
            lines += ["", f"  **{p.severity.value}** `{p.code}` (line {p.line}): {md(p.message)}"]
    out += _fold("Quotes to review", len(view.review), lines[1:] + more)

    shown, more = _capped(result.claims, "claims")
    rows = [[md(c.id), c.status.value, md(claim_change_details(c))] for c in shown]
    out += _fold(
        "Claims", len(result.claims), [table(["claim", "change", "details"], rows), *more] if rows else []
    )

    shown, more = _capped(result.sources, "sources")
    rows = [[md(s.id), s.status.value, md(source_change_details(s))] for s in shown]
    out += _fold(
        "Sources", len(result.sources), [table(["source", "change", "details"], rows), *more] if rows else []
    )
    out += _fold(view.problems_title, len(view.problems), _problem_table(view.problems))
    out += _fold("Errors at base (for reference)", len(view.base_errors), _problem_table(view.base_errors))
    if not (result.claims or result.sources or result.verdicts or view.introduced or view.resolved):
        out += ["", "No claim, source or verdict changed."]
    return "\n".join(out)
