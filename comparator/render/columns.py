"""Tables and paragraphs that fit a terminal, wrapped at word boundaries.

A table is laid out in one pass: columns that cannot wrap keep their natural width, and the
width left is shared among the wrappable ones, the narrow ones first getting all they need.
A column is never narrower than its longest word, so no word that fits on a line is broken
(a table of very long words may then be wider than the terminal, which wraps it). Hyphens
are not break points: "Armenia-Azerbaijan" and ids such as `herald-1` stay whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

GAP = 2  # spaces between columns
HEADER_PAD = 2  # a column is at least its header plus this, as tabulate's simple tables are


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` in lines of at most `width`, broken at spaces only."""
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, wrappable: set[int]
) -> list[int]:
    natural = [max([len(h) + HEADER_PAD, *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    budget = width - GAP * (len(headers) - 1) - sum(w for i, w in enumerate(natural) if i not in wrappable)
    needed = sorted(wrappable, key=lambda i: natural[i])
    widths = list(natural)
    for n, i in enumerate(needed):
        floor = max(len(headers[i]) + HEADER_PAD, _longest_word([r[i] for r in rows]))
        share = budget // (len(needed) - n)  # an even share of what the narrower ones left
        widths[i] = max(floor, min(natural[i], share))
        budget -= widths[i]
    return widths


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, wrappable: Sequence[int] = ()
) -> str:
    """A plain table (headers, a rule of dashes, rows) no wider than `width` where it can be.

    Cells must be one line already; the columns in `wrappable` wrap within their width.
    """
    widths = _widths(headers, rows, width, set(wrappable))
    out = [
        _row([[h] for h in headers], widths),
        _row([["-" * w] for w in widths], widths),
    ]
    for row in rows:
        cells = [wrap(cell, widths[i]) if i in wrappable else [cell] for i, cell in enumerate(row)]
        out.append(_row(cells, widths))
    return "\n".join(out)


def _row(cells: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    height = max(len(c) for c in cells)
    lines = []
    for n in range(height):
        parts = [(c[n] if n < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)]
        lines.append((" " * GAP).join(parts).rstrip())
    return "\n".join(lines)
