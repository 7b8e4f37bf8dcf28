"""`vet` in each of its formats: text that reads at 80 columns with the figure marked ⟦so⟧ in
its sentence, markdown, JSON with the contract's keys, and GitHub annotations on the draft's
lines (at most ten per level, as `github` writes a check's)."""

from __future__ import annotations

import json as _json

from comparator.fit import VetStatus
from comparator.humanize import plural
from comparator.problems import Severity
from comparator.render import Options
from comparator.render.columns import wrap
from comparator.render.escape import line, readable
from comparator.render.escape import markdown as md
from comparator.render.findings import Finding
from comparator.render.github import capped
from comparator.vet import VetFinding, VetResult

TEXT_WIDTH = 80  # a draft's findings read the same in any terminal and in a pasted note
# A figure no source gives, or one a later figure replaced, is wrong; the others are how a
# sound figure is stated.
_ERRORS = (VetStatus.CONTRADICTS, VetStatus.SUPERSEDED)


def summary(result: VetResult) -> str:
    """ "5 findings in draft.md: 2 contested, 1 single-origin, 2 ok"."""
    if not result.findings:
        return f"no figure, date or who did what found in {line(result.name)}"
    counts = ", ".join(f"{n} {status.value}" for status, n in result.counts().items() if n)
    return f"{plural(len(result.findings), 'finding')} in {line(result.name)}: {counts}"


def marked(finding: VetFinding) -> tuple[str, str, str]:
    """The sentence in three pieces: before the figure, the figure, after it."""
    a, b = finding.mark
    return finding.text[:a], finding.text[a:b], finding.text[b:]


def json(result: VetResult, options: Options) -> str:
    return _json.dumps({"findings": [f.as_dict() for f in result.findings]}, ensure_ascii=False, indent=2)


def text(result: VetResult, options: Options) -> str:
    width = min(options.width, TEXT_WIDTH)
    blocks = []
    for f in result.findings:
        before, figure, after = (readable(piece) for piece in marked(f))
        sentence = f"{before}⟦{figure}⟧{after}"
        head = f"{line(result.name)}:{f.line}:{f.column}: {f.status.value}"
        rows = [head, *wrap(sentence, width, "  │ ", "  │ "), *wrap(line(f.message), width, "  ", "  ")]
        if options.color:
            rows = [r.replace("⟦", "\x1b[1m⟦").replace("⟧", "⟧\x1b[0m") for r in rows]
        blocks.append("\n".join(rows))
    # A CI log acts on `##[command]` anywhere in a line: a word joiner breaks it, unseen.
    return "\n\n".join(blocks).replace("##[", "##\u2060[")


def _md_piece(piece: str) -> str:
    """Escaped markdown that keeps the piece's own spaces at its ends."""
    escaped = md(piece)
    lead = " " if piece[:1].isspace() and escaped else ""
    trail = " " if piece[-1:].isspace() and escaped else ""
    return lead + escaped + trail


def markdown(result: VetResult, options: Options) -> str:
    if not result.findings:
        return f"No figure, date or who did what to check in {md(result.name)}."
    out = [f"### {md(result.name)}", "", f"{md(summary(result))}", ""]
    for f in result.findings:
        before, figure, after = marked(f)
        claim = f" · `{line(f.claim)}`" if f.claim else ""
        out += [
            f"- **{f.status.value}** · line {f.line}, column {f.column}{claim}",
            "",
            f"  > {_md_piece(before)}**{md(figure)}**{_md_piece(after)}",
            "",
            f"  {md(f.message)}",
            "",
        ]
    return "\n".join(out).rstrip("\n")


def github(result: VetResult, options: Options) -> str:
    """Annotations on the draft's lines for the findings to fix: errors for a figure no
    source gives or one out of date, warnings for how a figure is stated."""
    findings = [
        Finding(
            Severity.ERROR if f.status in _ERRORS else Severity.WARNING,
            f.status.value,
            result.name,
            f.line,
            f.column,
            f"{f.message}\n{f.text}",
            f"vet: {f.status.value} “{f.value}”",
        )
        for f in result.findings
        if f.status.flagged
    ]
    return capped(findings, "`comparator vet` lists them all")
