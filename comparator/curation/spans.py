"""Disjoint spans of one text, for telling whether a new reading overlaps one already taken."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Disjoint [start, end) spans, kept sorted, so that an overlap test costs a bisection and
    a hostile text full of dates is not quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        # Of the spans starting before `end`, the last one reaches furthest (they are disjoint).
        at = bisect.bisect_left(self.starts, end)
        return at > 0 and self.ends[at - 1] > start

    def add(self, start: int, end: int) -> None:
        """Take [start, end); the caller has checked that it overlaps no span taken."""
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
