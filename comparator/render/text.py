"""Plain text for a terminal: aligned tables fitted to its width, wrapped quotes, colour
only when asked. Every piece of data is printed through `escape.line` (one line, no
controls), so that nothing in the data can start a line of output or drive the terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from comparator import humanize
from comparator.display import ClaimView, Listed, SideView
from comparator.humanize import plural
from comparator.problems import Problem
from comparator.render import Options
from comparator.render.columns import table, wrap
from comparator.render.escape import line
from comparator.terms import Kind, Qualifier, Verdict

if TYPE_CHECKING:  # `check` and `show` need not load the sentence reading of `suggest`
    from comparator.check import CheckResult
    from comparator.curation.suggest import Suggestions, Value

_STYLES = {
    Verdict.CONTESTED.value: "31",
    Verdict.CORROBORATED.value: "32",
    Verdict.SINGLE_ORIGIN.value: "33",
    "bold": "1",
    "dim": "2",
}


def paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color else text


def problem_line(p: Problem) -> str:
    """`file:line:col: severity code message`, on one line whatever the file name or message hold."""
    return f"{line(p.file)}:{p.line}:{p.column}: {p.severity.value} {p.code} {line(p.message)}"


def check(result: CheckResult, options: Options) -> str:
    return "\n".join(problem_line(p) for p in result.problems)


ASSERTION_HEADERS = ["#", "outlet", "published", "claimant", "value", "as of", "origin"]


def assertion_table(claim: ClaimView) -> tuple[list[str], list[list[str]]]:
    """The assertions side by side, with a `side` column when there is more than one side or
    a figure stands on none (superseded or retracted, which the column then says)."""
    headers = list(ASSERTION_HEADERS)
    rows = [
        [str(a.number), line(a.outlet), a.published, line(a.claimant), line(a.value), a.as_of, line(a.origin)]
        for a in claim.by_side
    ]
    if len(claim.sides) > 1 or claim.standings:
        headers.insert(1, "side")
        for row, a in zip(rows, claim.by_side, strict=True):
            row.insert(1, ", ".join(a.sides) or a.status.value)
    return headers, rows


def side_line(side: SideView) -> str:
    members = ", ".join(f"#{n}" for n in side.members)
    return (
        f"{side.label}: {side.value} ({plural(side.support, 'origin')}: {', '.join(side.origins)}; {members})"
    )


def _more(count: int, what: str) -> list[str]:
    return [f"  … and {count:,} more {what}; --format json lists all"] if count else []


def show(claim: ClaimView, options: Options) -> str:
    width, color = options.width, options.color
    verdict = claim.verdict.value
    title = wrap(f"{line(claim.id)}  ({line(claim.topic)}, {line(claim.description)})", width, rest="  ")
    title[0] = title[0].replace(line(claim.id), paint(line(claim.id), "bold", color), 1)
    headers, rows = assertion_table(claim)
    out = [
        *title,
        *wrap(line(claim.question), width),
        "",
        *wrap(f"verdict:    {verdict}: {line(claim.reason)}", width, rest=" " * 12),
        *wrap(f"consensus:  {line(claim.consensus or 'none')}", width, rest=" " * 12),
        *wrap(f"origins:    {line(', '.join(claim.origins))}", width, rest=" " * 12),
        "",
        table(headers, rows, width, wrappable=range(1, len(headers))),
    ]
    if color:
        out[len(title) + 2] = out[len(title) + 2].replace(verdict, paint(verdict, verdict, color), 1)
    if len(claim.sides) > 1:
        out += ["", paint("Sides", "bold", color)]
        for side in claim.sides:
            out += wrap(line(side_line(side)), width, "  ", "     ")
    if claim.disputes:
        out += ["", paint("Disputes", "bold", color)]
        for d in claim.disputes:
            out += wrap(line(f"{d.sides[0]} × {d.sides[1]}: {d.text}"), width, "  ", "    ")
        out += _more(claim.disputes_more, "disputes")
    if claim.standings:
        out += ["", paint("Superseded and retracted", "bold", color)]
        for a in claim.standings:
            out += wrap(line(f"#{a.number} {a.standing}"), width, "  ", "    ")
    out += ["", paint("Quotes", "bold", color)]
    for a in claim.assertions:
        out.append("  " + paint(f"#{a.number} {line(a.source)}", "dim", color))
        out += wrap(f"“{line(a.quote)}”", width, "    ", "    ")
        if a.translation:
            out += wrap(f"= {line(a.translation)}", width, "    ", "      ")
        if a.notes:
            out += wrap(f"note: {line(a.notes)}", width, "    ", "      ")
        for code, why in a.accepted:
            out += wrap(f"accepted {code}: {line(why)}", width, "    ", "      ")
    if claim.notes:
        out += ["", paint("Notes", "bold", color), *wrap(line(claim.notes), width, "  ", "  ")]
    return "\n".join(out)


LISTING_HEADERS = ["id", "topic", "verdict", "asserted", "origins", "consensus or competing values"]


def listing_rows(claims: Iterable[Listed]) -> list[list[str]]:
    return [
        [
            line(c.facets.id),
            line(c.facets.topic),
            c.facets.verdict.value,
            str(c.facets.assertions),
            str(c.facets.origins),
            line(c.summary),
        ]
        for c in claims
    ]


def listing(claims: Iterable[Listed], options: Options) -> Iterator[str]:
    rows = listing_rows(claims)
    if not rows:
        return
    # Colour codes are invisible but would count as width: colour goes on after fitting.
    laid_out = table(LISTING_HEADERS, rows, options.width, wrappable=(0, 1, 5), hyphens=(0, 1))
    if options.color:
        for verdict in Verdict:
            laid_out = laid_out.replace(
                f"  {verdict.value}  ", f"  {paint(verdict.value, verdict.value, True)}  "
            )
    yield laid_out


# --- suggest -----------------------------------------------------------------------------


def wrap_words(text: str, width: int, first: str, rest: str) -> list[str]:
    """`text` wrapped at spaces only, a claim id keeping its assertion number
    ("war-duration-2020 #1") on its line."""
    glued = line(text).replace(" #", "\x00#")
    return [part.replace("\x00", " ") for part in wrap(glued, width, first, rest)]


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


def suggest(result: Suggestions, options: Options) -> str:
    width = options.width
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
