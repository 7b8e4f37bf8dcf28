"""Tables and paragraphs that fit a terminal, wrapped at word boundaries.

A table is laid out in one pass. When it fits, every column has its natural width (the
widest cell, and at least its header plus two, as tabulate's simple tables have). When it
does not, each column starts at its narrowest — the longest word it holds, so that no word
that fits on a line is ever broken — and the width left goes to the columns that need
least to be whole first. Ids may break after a hyphen (`azerbaijan-territory-` / `held-by-...`)
when a column allows it; nothing else is ever cut. A table of words longer than the
terminal is then wider than it, and the terminal wraps it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Sequence

GAP = 2  # spaces between columns
HEADER_PAD = 2
SMALL = 12  # what a column may lack and still be made whole before the wide ones share
_HYPHENATED = re.compile(r"[^\s-]+-?")


def wrap(text: str, width: int, first: str = "", rest: str = "", *, hyphens: bool = False) -> list[str]:
    """`text` in lines of at most `width`, broken at spaces (and after hyphens if asked)."""
    if hyphens:
        return _after_hyphens(text, width)
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def _after_hyphens(text: str, width: int) -> list[str]:
    """Greedy lines that may end after any hyphen, digits around it or not (textwrap's own
    hyphen breaking skips `2022-09`, which ids are full of)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for n, piece in enumerate(_HYPHENATED.findall(word)):
            joined = current + ("" if n or not current else " ") + piece
            if current and len(joined) > width:
                lines.append(current)
                current = piece
            else:
                current = joined
    return [*lines, current] if current or not lines else lines


def _longest_word(texts: Sequence[str], hyphens: bool) -> int:
    pieces = (_HYPHENATED.findall(t) if hyphens else t.split() for t in texts)
    return max((len(p) for words in pieces for p in words), default=0)


def widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    wrappable: Collection[int] = (),
    hyphens: Collection[int] = (),
) -> list[int]:
    """The width of each column, worked out once from the cells."""
    columns = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    natural = [max(len(headers[i]) + HEADER_PAD, *(len(c) for c in col[1:])) for i, col in enumerate(columns)]
    room = width - GAP * (len(headers) - 1)
    if sum(natural) <= room:
        return natural
    natural = [max(len(c) for c in col) for col in columns]  # no padding when space is short
    floors = [
        _longest_word(col, i in hyphens) if i in wrappable else max(len(c) for c in col)
        for i, col in enumerate(columns)
    ]
    result = list(floors)
    budget = room - sum(floors)
    # Columns that need a little to be whole (a date, a count) are made whole first; the
    # wide ones (names, values, ids) then share what is left evenly, the narrowest first.
    growing = sorted(range(len(headers)), key=lambda i: natural[i] - floors[i])
    wide = [i for i in growing if natural[i] - floors[i] > SMALL]
    for i in growing:
        share = max(0, budget) if i not in wide else max(0, budget) // (len(wide) - wide.index(i))
        extra = min(natural[i] - floors[i], share)
        result[i] += extra
        budget -= extra
    return result


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    wrappable: Collection[int] = (),
    hyphens: Collection[int] = (),
) -> str:
    """A plain table (headers, a rule of dashes, rows) no wider than `width` where it can be.

    Cells must be one line already; the columns in `wrappable` wrap within their width, and
    those in `hyphens` may also break after a hyphen.
    """
    sizes = widths(headers, rows, width, wrappable, hyphens)

    def cells(row: Sequence[str]) -> list[list[str]]:
        return [wrap(c, sizes[i], hyphens=i in hyphens) if i in wrappable else [c] for i, c in enumerate(row)]

    out = [_row(cells(headers), sizes), _row([["-" * w] for w in sizes], sizes)]
    out += [_row(cells(row), sizes) for row in rows]
    return "\n".join(out)


def _row(cells: Sequence[Sequence[str]], sizes: Sequence[int]) -> str:
    height = max(len(c) for c in cells)
    lines = []
    for n in range(height):
        parts = [(c[n] if n < len(c) else "").ljust(w) for c, w in zip(cells, sizes, strict=True)]
        lines.append((" " * GAP).join(parts).rstrip())
    return "\n".join(lines)
