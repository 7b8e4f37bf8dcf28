"""Mermaid charts of running totals (`xychart-beta`, which GitHub renders in ```mermaid blocks).

A running total is drawn as horizontal bars, one per figure in time order, each labelled with
its outlet, its date and the figure as stated. Horizontal, because the labels then stand in
one column beside their bars and are never clipped or overlaid however many figures there
are; the figure in the label, because a bar of 16 beside one of 6,500 is a sliver, and the
reader must still see that it says 16. Mermaid hides every axis label when the longest one
does not fit, so labels are kept to a width the chart's label column always holds.

Every piece of data that reaches a chart goes through `text()`: inside a fenced block no
markdown escaping applies, so the only defence is to keep characters that could close the
string, the statement, or the fence itself (quotes, brackets, newlines, backticks) out of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_UNSAFE = re.compile(r"[^\w .,:'()/+\-–·]", re.UNICODE)

# The chart's frame, in Mermaid's units (pixels before the page scales the picture). The
# label column takes what the bars do not reserve: 60% of 900 pixels, less the axis's padding
# and ticks, leaves LABEL_PIXELS for the longest label.
WIDTH = 900
PLOT_PERCENT = 40
LABEL_PIXELS = 500
BAR_HEIGHT = 34  # per figure: enough for a label line and air between bars
FRAME_HEIGHT = 50  # the axis title and margins
BAR_COLOUR = "#4e79a7"  # a mid blue that reads on GitHub's light and dark pages alike


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


@dataclass(frozen=True)
class Bar:
    """One figure: `lead` and `tail` are shown whole ("3." and "12 Oct 2020: at least 16");
    `name` (the outlet or party) gives way when the label is too long."""

    lead: str
    name: str
    tail: str
    value: float | None  # the bar's length; None draws no bar


# Widths of 14px glyphs in a wide sans-serif (DejaVu Sans, what a browser falls back to where
# the chart's own fonts are missing), rounded up: Mermaid measures the real text and hides
# every label when one does not fit, so the estimate errs wide.
_NARROW = set(" .,:;'!|()/-ijlft·")
_WIDE = set("MWmw")


def width(label: str) -> float:
    """About how many pixels `label` takes in a chart's label column, at most."""
    total = 0.0
    for char in label:
        if char in _NARROW:
            total += 5
        elif char in _WIDE:
            total += 14
        elif ord(char) >= 0x1100:  # CJK, Hangul and other full-width scripts
            total += 15
        elif char.isupper() or char.isdigit() or char == "…":
            total += 10
        else:
            total += 8.5
    return total


def label(bar: Bar, pixels: float = LABEL_PIXELS) -> str:
    """The bar's label, the name shortened until the whole label fits in `pixels`."""
    lead, tail, name = text(bar.lead), text(bar.tail), text(bar.name)
    for cut in range(len(name), 0, -1):
        short = name if cut == len(name) else name[: cut - 1].rstrip() + "…"
        if width(whole := f"{lead} {short}, {tail}") <= pixels:
            return whole
    whole = f"{lead} {tail}"
    while width(whole) > pixels:  # a figure too long to stand whole is the last resort
        whole = whole[:-2].rstrip() + "…"
    return whole


def bars(figures: Sequence[Bar], axis: str) -> str:
    """A horizontal bar chart of `figures`, already in time order, on an axis named `axis`."""
    plotted = [0.0 if f.value is None else float(f.value) for f in figures]
    low = min([0.0, *plotted])
    high = max([0.0, *plotted]) * 1.05 or 1.0  # air between the longest bar and the frame
    categories = ", ".join(f'"{label(f)}"' for f in figures)
    height = FRAME_HEIGHT + BAR_HEIGHT * len(figures)
    return "\n".join(
        [
            "```mermaid",
            "---",
            "config:",
            "  xyChart:",
            f"    width: {WIDTH}",
            f"    height: {height}",
            f"    plotReservedSpacePercent: {PLOT_PERCENT}",
            # Every label states its figure, so the value axis shows no numbers: Mermaid
            # prints them unseparated and, past six digits, on top of each other.
            "    yAxis:",
            "      showLabel: false",
            "      showTick: false",
            "  themeVariables:",
            "    xyChart:",
            f'      plotColorPalette: "{BAR_COLOUR}"',
            "---",
            "xychart-beta horizontal",
            f"    x-axis [{categories}]",
            f'    y-axis "{text(axis)}" {number(low)} --> {number(high)}',
            f"    bar [{', '.join(number(v) for v in plotted)}]",
            "```",
        ]
    )
