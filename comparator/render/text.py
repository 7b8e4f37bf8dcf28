"""Plain text for a terminal: aligned tables, wrapped quotes, colour only when asked."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from comparator import humanize
from comparator.check import CheckResult
from comparator.compare import Analysis
from comparator.models import Kind, Qualifier

if TYPE_CHECKING:  # `check` and `show` need not load the sentence reading of `suggest`
    from comparator.curation.suggest import Suggestions, Value

_STYLES = {"contested": "31", "corroborated": "32", "single-origin": "33", "bold": "1", "dim": "2"}


def paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


def _flat(text: object) -> str:
    """One line: a terminal table must not be broken by a newline or tab in the data."""
    return " ".join(str(text).split()) if text is not None else ""


def check(result: CheckResult) -> str:
    return "\n".join(str(p) for p in result.problems)


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
        paint(analysis.id, "bold", color)
        + f"  ({analysis.claim.topic}, {claim.kind.value}"
        + (f", {claim.unit}" if claim.unit else "")
        + (", running total" if claim.cumulative else "")
        + ")",
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
    relations = relation_lines(analysis)
    if relations:
        out += ["", paint("Relations", "bold", color), *(f"  {line}" for line in relations)]
    out += ["", paint("Clusters", "bold", color), *(f"  {line}" for line in cluster_lines(corpus, analysis))]
    out += ["", paint("Quotes", "bold", color)]
    for item in analysis.items:
        head = f"#{item.index + 1} {item.assertion.source}"
        out.append("  " + paint(head, "dim", color))
        out += textwrap.wrap(
            f"“{_flat(item.assertion.quote)}”", width, initial_indent="    ", subsequent_indent="    "
        )
        if item.assertion.translation:
            out += textwrap.wrap(
                f"= {_flat(item.assertion.translation)}",
                width,
                initial_indent="    ",
                subsequent_indent="      ",
            )
    if claim.notes:
        out += [
            "",
            paint("Notes", "bold", color),
            *textwrap.wrap(_flat(claim.notes), width, initial_indent="  ", subsequent_indent="  "),
        ]
    return "\n".join(out)


def relation_lines(analysis: Analysis) -> list[str]:
    """Every relation but the contradictions (they get sentences of their own)."""
    lines = []
    for pair in analysis.pairs:
        same = " (same origin)" if pair.same_origin else ""
        if pair.relation.value == "supersede":
            lines.append(f"#{pair.b + 1} supersedes #{pair.a + 1}{same}")
        elif pair.relation.value != "contradict":
            lines.append(f"#{pair.a + 1} {pair.relation.value} with #{pair.b + 1}{same}")
    return lines


def cluster_lines(corpus: Any, analysis: Analysis) -> list[str]:
    return [
        f"{n}. "
        + ", ".join(f"#{i + 1}" for i in cluster.assertions)
        + f"  (origins: {', '.join(humanize.origin_name(corpus, o) for o in cluster.origins)})"
        for n, cluster in enumerate(analysis.clusters, 1)
    ]


def fitted_table(
    rows: list[list[str]], headers: list[str], width: int, wrap: tuple[int, ...], narrowest: int = 10
) -> str:
    """A table no wider than `width`: the widest wrappable columns are wrapped, never cut."""
    limits: list[int | None] = [None] * len(headers)
    while True:
        table = tabulate(rows, headers, tablefmt="simple", disable_numparse=True, maxcolwidths=limits)
        if max(len(line) for line in table.splitlines()) <= width:
            return table
        widths = {
            i: max(len(line) for r in [*rows, headers] for line in str(r[i]).splitlines()) for i in wrap
        }
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


# --- diff ------------------------------------------------------------------------------


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
        return f"“{_flat(value)}”"
    if isinstance(value, list):
        return "[" + ", ".join(shown_value(v) for v in value) + "]"
    return str(value)


def field_changes(fields: Sequence[Any]) -> str:
    return "; ".join(f"{f.field}: {shown_value(f.before)} → {shown_value(f.after)}" for f in fields)


def claim_change_details(change: Any) -> str:
    """What changed in one claim, on one line: topic and fields, then assertion by assertion."""
    if change.status == "added":
        topic = change.after.claim.topic if change.after else change.rel_after.split("/")[1]
        return f"new in topic {topic}" + ("" if change.after else " (does not load)")
    if change.status == "removed":
        return f"was {change.rel_before}"
    if change.before is None or change.after is None:
        return "does not load at head" if change.after is None else "did not load at base"
    parts = [field_changes(change.fields)] if change.fields else []
    for a in change.assertions:
        index = (a.after or a.before).index + 1
        if a.status == "changed":
            parts.append(f"#{index} {field_changes(a.fields)}")
        else:
            parts.append(
                f"#{index} {a.status} ({a.after.assertion.source if a.after else a.before.assertion.source})"
            )
    return "; ".join(parts)


def source_change_details(change: Any) -> str:
    if change.status == "added":
        return str(change.after.rel)
    if change.status == "removed":
        cited = f"; still cited by {', '.join(change.cited_by)}" if change.cited_by else ""
        return f"was {change.before.rel}{cited}"
    parts = ["article text changed"] if change.text else []
    if change.fields:
        parts.append(field_changes(change.fields))
    return "; ".join(parts)


def diff_counts(result: Any) -> list[str]:
    n = result.counts
    return [
        f"claims: {n['claims_added']} added, {n['claims_removed']} removed, {n['claims_changed']} changed; "
        f"assertions: {n['assertions_added']} added, {n['assertions_removed']} removed, "
        f"{n['assertions_changed']} changed; "
        f"sources: {n['sources_added']} added, {n['sources_removed']} removed, "
        f"{n['sources_changed']} changed",
        f"contradictions: {n['contradictions_introduced']} introduced, "
        f"{n['contradictions_resolved']} resolved; "
        f"verdicts changed: {n['verdicts_changed']}; quotes to review: {n['review']}; "
        f"at head: {n['errors']} errors, {n['warnings']} warnings",
    ]


def diff(result: Any, *, width: int = 100, color: bool = False, problems: bool = True) -> str:
    head_corpus = result.head.corpus

    def wrapped(text: str, first: str = "  ", rest: str = "    ") -> list[str]:
        # Ids such as herald-1 and links are never split across lines.
        return textwrap.wrap(
            _flat(text),
            width,
            initial_indent=first,
            subsequent_indent=rest,
            break_on_hyphens=False,
            break_long_words=False,
        ) or [first.rstrip()]

    def section(title: str, lines: list[str]) -> list[str]:
        return ["", paint(title, "bold", color), *lines] if lines else []

    def quoted(context: Any, item: Any) -> str:
        """The quote in its sentence, marked ⟦so⟧ (bold as well on a colour terminal)."""
        if context is None:
            return f"“{_flat(item.assertion.quote)}”"
        return f"{context.before}{paint('⟦' + context.quote + '⟧', 'bold', color)}{context.after}"

    base = revision_name(result.base.name)
    head = revision_name(result.head.name)
    out = [paint(f"{base} → {head}", "bold", color), *diff_counts(result)]

    def contradiction_lines(found: Sequence[Any]) -> list[str]:
        lines = []
        for c in found:
            lines += wrapped(
                f"{c.claim} #{c.pair.a + 1} × #{c.pair.b + 1}: "
                + humanize.contradiction(c.corpus, c.analysis, c.pair)
            )
            for item in (c.a, c.b):
                lines += wrapped(
                    f"#{item.index + 1} {item.assertion.source}: {quoted(c.context(item), item)}",
                    "    ",
                    "      ",
                )
        return lines

    out += section("Contradictions introduced", contradiction_lines(result.introduced))
    out += section("Contradictions resolved", contradiction_lines(result.resolved))
    out += section(
        "Verdicts changed",
        [f"  {v.id}: {v.before or '—'} → {v.after or '—'}" for v in result.verdicts],
    )
    lines = []
    for r in result.review:
        said = humanize.side(head_corpus, r.analysis, r.item)
        lines += wrapped(f"{r.analysis.id} #{r.item.index + 1} ({r.reason.replace('-', ' ')}): {said}")
        if r.fields:
            lines += wrapped(field_changes(r.fields), "    ", "      ")
        missing = f" ({r.missing})" if r.missing else ""
        lines += wrapped(quoted(r.context, r.item) + missing, "    ", "    ")
        if r.item.assertion.translation:
            lines += wrapped(f"= {r.item.assertion.translation}", "    ", "      ")
    out += section("Quotes to review", lines)
    marks = {"added": "+", "removed": "-", "changed": "~"}
    out += section(
        "Claims",
        [
            line
            for c in result.claims
            for line in wrapped(f"{marks[c.status]} {c.id}: {claim_change_details(c)}", "  ", "      ")
        ],
    )
    out += section(
        "Sources",
        [
            line
            for s in result.sources
            for line in wrapped(f"{marks[s.status]} {s.id}: {source_change_details(s)}", "  ", "      ")
        ],
    )
    if problems:
        out += section("Problems at head", ["  " + str(p) for p in result.shown_problems])
        base_errors = [p for p in result.base_problems if p.severity.value == "error"]
        out += section(f"Errors at {base} (for reference)", ["  " + str(p) for p in base_errors])
    return "\n".join(out)


# --- suggest -----------------------------------------------------------------------------


def wrap_words(text: str, width: int, first: str, rest: str) -> list[str]:
    """`text` wrapped at spaces only: ids and words like "Armenia-Azerbaijan" are never cut at
    their hyphens, and a claim id keeps its assertion number ("war-duration-2020 #1") on its line."""
    glued = text.replace(" #", "\x00#")
    lines = textwrap.wrap(glued, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
    return [line.replace("\x00", " ") for line in lines]


def suggested_value(value: Value) -> str:
    """A value read from a sentence as a reader writes it, with the text it was read from when
    that differs."""
    if value.value is None:
        return f"{value.text!r} (no date: the publication day is not known)"
    if isinstance(value.value, tuple):
        low, high = value.value
        shown = f"{humanize.number(low)} to {humanize.number(high)}"
    else:
        kind = Kind.DATE if value.type == "date" else Kind.QUANTITY
        shown = humanize.value(kind, value.qualifier or Qualifier.EXACT, value.value)
    if value.relative:
        return f"{shown} (from {value.text!r})"
    return shown if value.text == humanize.number(value.value) else f"{shown} ({value.text!r})"


def suggest(result: Suggestions, *, width: int = 100, **_: Any) -> str:
    """Each suggested sentence under its line number, with what was read from it and who cites it."""
    blocks = []
    for item in result.items:
        lines = wrap_words(item.text, width, f"{item.sentence.line:>4}  ", " " * 6)
        facts = []
        if item.values:
            facts.append("values: " + "; ".join(suggested_value(v) for v in item.values))
        if item.qualifiers and not any(v.qualifier for v in item.values):
            facts.append("qualifier words: " + ", ".join(f"{w} ({q.value})" for w, q in item.qualifiers))
        if item.cues:
            facts.append("cues: " + ", ".join(dict.fromkeys(c.word for c in item.cues)))
        cited = ", ".join(f"{c.claim} #{c.assertion + 1}" for c in item.cited_by)
        facts.append(f"cited by: {cited}" if cited else "not cited yet")
        for fact in facts:
            lines += wrap_words(fact, width, " " * 6, " " * 8)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
