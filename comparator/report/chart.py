"""Mermaid charts of running totals (`xychart-beta`, which GitHub renders in ```mermaid blocks).

Every piece of data that reaches a chart goes through `text()`: inside a fenced block no
markdown escaping applies, so the only defence is to keep characters that could close the
string, the statement, or the fence itself (quotes, brackets, newlines, backticks) out of it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

_UNSAFE = re.compile(r"[^\w .,:'()/+\-–·]", re.UNICODE)


def text(value: object, limit: int = 60) -> str:
    """A label safe inside a double-quoted Mermaid string on one line."""
    flat = " ".join(str(value).replace('"', "'").replace("`", "'").split())
    clean = " ".join(_UNSAFE.sub(" ", flat).split())
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


def number(value: float) -> str:
    """A plain decimal Mermaid reads: no thousands separators, no exponent."""
    if float(value).is_integer():
        return str(int(value))
    return format(value, "f").rstrip("0").rstrip(".")


def ceiling(top: float) -> float:
    """A round axis maximum at or above `top` (1, 2, 2.5, 5 times a power of ten)."""
    if top <= 0:
        return 1
    scale = 10.0 ** math.floor(math.log10(top))
    for step in (1, 2, 2.5, 5, 10):
        if step * scale >= top:
            return step * scale
    return 10 * scale  # pragma: no cover - the loop always returns


def bars(labels: Sequence[str], values: Sequence[float | None], axis: str) -> str:
    """One bar per figure (its lower bound, 0 when it sets none) and a line for the highest
    lower bound so far; `labels` are the x-axis categories, already in time order."""
    plotted = [0.0 if v is None else float(v) for v in values]
    best: list[float] = []
    for v in plotted:
        best.append(max(v, best[-1]) if best else v)
    low = min([0.0, *plotted])
    high = ceiling(max([0.0, *plotted]) * 1.1)
    categories = ", ".join(f'"{text(label)}"' for label in labels)
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f"    x-axis [{categories}]",
            f'    y-axis "{text(axis)}" {number(low)} --> {number(high)}',
            f"    bar [{', '.join(number(v) for v in plotted)}]",
            f"    line [{', '.join(number(v) for v in best)}]",
            "```",
        ]
    )
