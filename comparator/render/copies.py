"""`copies` in each of its formats: JSON with the contract's keys, markdown, and plain text
that reads at 80 columns with the shared passages marked off by a bar."""

from __future__ import annotations

import json as _json
import textwrap
from collections.abc import Sequence

from comparator.copies import CopyPair, EvidenceKind
from comparator.render import Options
from comparator.render.escape import markdown as md

TEXT_WIDTH = 80  # the evidence reads the same in any terminal and in a pasted note


def json(pairs: Sequence[CopyPair], options: Options) -> str:
    return _json.dumps({"pairs": [p.as_dict() for p in pairs]}, ensure_ascii=False, indent=2)


def summary(pairs: Sequence[CopyPair], min_score: float) -> str:
    undeclared = sum(not p.declared for p in pairs)
    count = f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''}"
    return f"{count} of sources likely share an origin (score ≥ {min_score:.2f}); {undeclared} not declared"


def _status(pair: CopyPair) -> str:
    return "declared" if pair.declared else "not declared"


def text(pairs: Sequence[CopyPair], options: Options) -> str:
    width = min(options.width, TEXT_WIDTH)
    if not pairs:
        return ""
    blocks = []
    for pair in pairs:
        head = f"{pair.a} → {pair.b}"
        tail = f"score {pair.score:.2f}, {_status(pair)}"
        lines = [f"{head}  {tail}" if len(head) + len(tail) + 2 <= width else f"{head}\n  {tail}"]
        for evidence in pair.evidence:
            if evidence.kind is EvidenceKind.PASSAGE:
                lines.append("  shared passage:")
                lines += textwrap.wrap(
                    evidence.text, width, initial_indent="    │ ", subsequent_indent="    │ "
                )
            else:
                lines += textwrap.wrap(evidence.text, width, initial_indent="  ", subsequent_indent="    ")
        if pair.suggest:
            lines.append(f"  add to {pair.b}:")
            lines += [f"    {line}" for line in pair.suggest.split("\n")]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def markdown(pairs: Sequence[CopyPair], options: Options) -> str:
    if not pairs:
        return "No sources likely share an origin."
    rows = [
        f"| {md(p.a)} | {md(p.b)} | {p.score:.2f} | {_status(p)} | "
        f"{md(p.suggest.replace(chr(10), ', ')) if p.suggest else ''} |"
        for p in pairs
    ]
    out = [
        "| a (earlier) | b | score | linked | add to b |",
        "|---|---|---|---|---|",
        *rows,
    ]
    for pair in pairs:
        out += ["", f"### {md(pair.a)} → {md(pair.b)}", ""]
        for evidence in pair.evidence:
            if evidence.kind is EvidenceKind.PASSAGE:
                out += ["- shared passage:", "", f"  > {md(evidence.text)}", ""]
            else:
                out.append(f"- {md(evidence.text)}")
    return "\n".join(out)
