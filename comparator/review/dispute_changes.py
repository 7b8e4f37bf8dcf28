"""Disputes a change introduces and resolves.

A dispute at one revision is the same as one at the other when, in the same claim, each of
its sides shares an assertion (same source, claimant, value and qualifier) with one side of
the other. So an article that repeats an existing side only strengthens it, and reordering
or rewording assertions changes nothing; a new side, or a claim that becomes contested, is
new. Each claim's sides are indexed by their assertions once, so the work is one pass over
the disputes, never over pairs of claims.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from comparator.compare import Analysis, Dispute, Item, Side
from comparator.corpus import Corpus
from comparator.records import plain


@dataclass(frozen=True)
class DisputeChange:
    corpus: Corpus  # the revision it exists at, for names in sentences
    analysis: Analysis
    dispute: Dispute

    @property
    def claim(self) -> str:
        return self.analysis.id

    @property
    def sides(self) -> tuple[Side, Side]:
        first, second = self.dispute.sides
        return self.analysis.sides[first], self.analysis.sides[second]

    def members(self, side: Side) -> list[Item]:
        return [self.analysis.items[i] for i in side.assertions]


def assertion_key(item: Item) -> Hashable:
    a = item.assertion
    return (a.source, a.claimant or "", json.dumps(plain(a.value), sort_keys=True), a.qualifier.value)


def unmatched(these: Analysis, those: Analysis | None) -> list[Dispute]:
    """The disputes of `these` that `those` (the same claim at the other revision) lacks."""
    if those is None or not those.disputes:
        return list(these.disputes)
    sides_of: dict[Hashable, set[int]] = defaultdict(set)
    for n, side in enumerate(those.sides):
        for i in side.assertions:
            sides_of[assertion_key(those.items[i])].add(n)
    known = {frozenset(d.sides) for d in those.disputes}
    keys = [assertion_key(item) for item in these.items]
    # each side of `these` matched once: a side stands in as many disputes as there are sides
    matches = [set().union(*(sides_of.get(keys[i], set()) for i in side.assertions)) for side in these.sides]

    missing = []
    for dispute in these.disputes:
        first, second = (matches[n] for n in dispute.sides)
        if not any(i != j and frozenset((i, j)) in known for i in first for j in second):
            missing.append(dispute)
    return missing


def dispute_changes(
    base: Corpus,
    head: Corpus,
    base_analyses: dict[str, Analysis],
    head_analyses: dict[str, Analysis],
    skip: set[str],
) -> tuple[list[DisputeChange], list[DisputeChange]]:
    """(introduced, resolved), by claim id and then by the sides' order."""
    introduced: list[DisputeChange] = []
    resolved: list[DisputeChange] = []
    for cid in sorted((set(base_analyses) | set(head_analyses)) - skip):
        before, after = base_analyses.get(cid), head_analyses.get(cid)
        if after is not None:
            introduced += [DisputeChange(head, after, d) for d in unmatched(after, before)]
        if before is not None:
            resolved += [DisputeChange(base, before, d) for d in unmatched(before, after)]
    return introduced, resolved
