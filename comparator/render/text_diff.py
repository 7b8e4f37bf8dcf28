"""A diff as plain text for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from comparator.render import Options
from comparator.render.columns import wrap
from comparator.render.escape import line
from comparator.render.text import paint, problem_line
from comparator.review.result import Change, DiffResult, Review
from comparator.review.view import DisputeEntry, Quoted, diff_view


def revision_name(name: str | None) -> str:
    """How a revision is named to a reader: as given, a full sha shortened, or the work tree."""
    if name is None:
        return "working tree"
    if len(name) == 40 and all(c in "0123456789abcdef" for c in name):
        return name[:12]
    return name


def shown_value(value: Any) -> str:
    """A field's value in a change line: text in quotes, nothing as "none"."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"“{line(value)}”"
    if isinstance(value, list):
        return "[" + ", ".join(shown_value(v) for v in value) + "]"
    return str(value)


def field_changes(fields: Sequence[Any]) -> str:
    return "; ".join(f"{f.field}: {shown_value(f.before)} → {shown_value(f.after)}" for f in fields)


def claim_change_details(change: Any) -> str:
    """What changed in one claim, on one line: topic and fields, then assertion by assertion."""
    if change.status is Change.ADDED:
        topic = change.after.claim.topic if change.after else change.rel_after.split("/")[1]
        return f"new in topic {topic}" + ("" if change.after else " (does not load)")
    if change.status is Change.REMOVED:
        return f"was {change.rel_before}"
    if change.before is None or change.after is None:
        return "does not load at head" if change.after is None else "did not load at base"
    parts = [field_changes(change.fields)] if change.fields else []
    for a in change.assertions:
        index = (a.after or a.before).index + 1
        if a.status is Change.CHANGED:
            parts.append(f"#{index} {field_changes(a.fields)}")
        else:
            source = (a.after or a.before).assertion.source
            parts.append(f"#{index} {a.status.value} ({source})")
    return "; ".join(parts)


def source_change_details(change: Any) -> str:
    if change.status is Change.ADDED:
        return str(change.after.rel)
    if change.status is Change.REMOVED:
        cited = f"; still cited by {', '.join(change.cited_by)}" if change.cited_by else ""
        return f"was {change.before.rel}{cited}"
    parts = ["article text changed"] if change.text else []
    if change.fields:
        parts.append(field_changes(change.fields))
    return "; ".join(parts)


def diff(result: DiffResult, options: Options) -> str:
    width, color = options.width, options.color
    view = diff_view(result, options.problems)

    def wrapped(text: str, first: str = "  ", rest: str = "    ") -> list[str]:
        # Ids such as herald-1 and links are never split across lines; the quote marks are
        # made bold only after wrapping, so colour codes neither count as width nor are dropped.
        lines = wrap(line(text), width, first, rest)
        if color:
            lines = [row.replace("⟦", "\x1b[1m⟦").replace("⟧", "⟧\x1b[0m") for row in lines]
        return lines

    def section(title: str, lines: list[str]) -> list[str]:
        return ["", paint(title, "bold", color), *lines] if lines else []

    def quoted(q: Quoted) -> str:
        """The quote in its sentence, marked ⟦so⟧ (bold as well on a colour terminal)."""
        if q.context is None:
            return f"“{q.quote}”"
        return f"{q.context.before}⟦{q.context.quote}⟧{q.context.after}"

    def disputes(entries: Sequence[DisputeEntry]) -> list[str]:
        lines = []
        for d in entries:
            lines += wrapped(f"{d.claim}: {d.sentence}")
            for side in d.sides:
                for q in side.quotes:
                    lines += wrapped(f"{side.label} #{q.number} {q.source}: {quoted(q)}", "    ", "      ")
                if side.more:
                    lines.append(f"    {side.label} … and {side.more} more")
        return lines

    base, head = revision_name(result.base.name), revision_name(result.head.name)
    out = [paint(f"{base} → {head}", "bold", color)]
    if result.note:
        out += wrap(line(result.note), width)
    for counted in view.counts:
        out += wrap(counted, width, rest="  ")
    out += section("Disputes introduced", disputes(view.introduced))
    out += section("Disputes resolved", disputes(view.resolved))
    out += section(
        "Verdicts changed", [f"  {line(v.id)}: {v.before or '—'} → {v.after or '—'}" for v in result.verdicts]
    )
    lines = []
    for entry in view.review:
        r = entry.review
        lines += wrapped(
            f"{r.analysis.id} #{r.item.index + 1} ({r.reason.value.replace('-', ' ')}): {entry.said}"
        )
        if r.fields:
            lines += wrapped(field_changes(r.fields), "    ", "      ")
        missing = f" ({r.missing})" if r.missing else ""
        lines += wrapped(quoted(_quoted_review(r)) + missing, "    ", "    ")
        if r.item.assertion.translation:
            lines += wrapped(f"= {r.item.assertion.translation}", "    ", "      ")
        for p in entry.problems:
            lines += wrapped(f"{p.severity.value} {p.code} (line {p.line}): {p.message}", "    ! ", "      ")
    out += section("Quotes to review", lines)
    marks = {"added": "+", "removed": "-", "changed": "~"}
    out += section(
        "Claims",
        [
            row
            for c in result.claims
            for row in wrapped(f"{marks[c.status]} {c.id}: {claim_change_details(c)}", "  ", "      ")
        ],
    )
    out += section(
        "Sources",
        [
            row
            for s in result.sources
            for row in wrapped(f"{marks[s.status]} {s.id}: {source_change_details(s)}", "  ", "      ")
        ],
    )
    out += section(view.problems_title, [row for p in view.problems for row in wrapped(problem_line(p))])
    out += section(
        f"Errors at {base} (for reference)",
        [row for p in view.base_errors for row in wrapped(problem_line(p))],
    )
    return "\n".join(out)


def _quoted_review(r: Review) -> Quoted:
    return Quoted(r.item.index + 1, r.item.assertion.source, r.item.assertion.quote, r.context)
