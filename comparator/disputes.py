"""Disputes: one per pair of a contested claim's sides, with its kind and likely cause.

A dispute is judged on its exclusive assertions, those on one of its two sides only: an
assertion both sides share speaks for neither. Its `kind` says who disagrees (one origin
with itself, two parties, or outlets in their own voice); its `cause` is the first of the
contract's likely causes that fits, checked in the contract's order.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from comparator.corpus import Corpus
from comparator.items import Item, before
from comparator.models import Claim
from comparator.sides import Side
from comparator.terms import Cause, DisputeKind, Kind, OutletKind, Qualifier

NEAR_DAYS = 7  # dates less than a week apart: rounding, a time zone, "the night of"


@dataclass(frozen=True)
class Dispute:
    sides: tuple[int, int]  # indexes into the claim's sides
    kind: DisputeKind
    cause: Cause
    a: int  # the nearest assertion of the first side (index into the claim's assertions)
    b: int  # the nearest assertion of the second side
    near: tuple[Any, Any] | None = None  # the nearest stated values, for ordered kinds


def judge(corpus: Corpus, claim: Claim, items: Sequence[Item], sides: Sequence[Side]) -> tuple[Dispute, ...]:
    """One dispute for each pair of `sides` (all of which contradict one another)."""
    found = []
    for i in range(len(sides)):
        for j in range(i + 1, len(sides)):
            found.append(_dispute(corpus, claim, items, sides, i, j))
    return tuple(found)


def _dispute(
    corpus: Corpus, claim: Claim, items: Sequence[Item], sides: Sequence[Side], i: int, j: int
) -> Dispute:
    first, second = set(sides[i].assertions), set(sides[j].assertions)
    left = [items[n] for n in sorted(first - second)]
    right = [items[n] for n in sorted(second - first)]
    shared = {x.origin for x in left} & {y.origin for y in right}
    if shared:
        kind = DisputeKind.WITHIN_ORIGIN
    elif any(is_party(corpus, x) for x in left) and any(is_party(corpus, y) for y in right):
        kind = DisputeKind.BETWEEN_PARTIES
    else:
        kind = DisputeKind.BETWEEN_MEDIA
    a, b, near = _nearest(claim.kind, left, right)
    cause = _cause(claim, kind, shared, left, right, near)
    return Dispute((i, j), kind, cause, a.index, b.index, near)


def is_party(corpus: Corpus, item: Item) -> bool:
    """An actor reached through a claimant, or an official outlet speaking in its own voice."""
    if item.assertion.claimant:
        return True
    outlet = corpus.outlets.get(item.origin)
    return outlet is not None and outlet.kind is OutletKind.OFFICIAL


# --- the nearest figures -----------------------------------------------------------------


def stated(kind: Kind, item: Item) -> list[Any]:
    """The values an assertion states (both ends of a `between`); a date by its first day."""
    a = item.assertion
    values = list(a.value) if a.qualifier is Qualifier.BETWEEN else [a.value]
    if kind is Kind.DATE:
        return [v.first.toordinal() for v in values]
    return values


def _nearest(
    kind: Kind, left: Sequence[Item], right: Sequence[Item]
) -> tuple[Item, Item, tuple[Any, Any] | None]:
    """The two stated values, one from each side, that lie closest together, by one sort of
    both sides' values: the closest pair is adjacent in that order."""
    if not kind.ordered:
        return left[0], right[0], None
    marked = sorted(
        [(v, 0, x.index) for x in left for v in stated(kind, x)]
        + [(v, 1, y.index) for y in right for v in stated(kind, y)]
    )
    by_index = {x.index: x for x in (*left, *right)}
    best: tuple[Any, ...] | None = None
    for (u, su, iu), (v, sv, iv) in itertools.pairwise(marked):
        if su == sv:
            continue
        (x, ix), (y, iy) = ((u, iu), (v, iv)) if su == 0 else ((v, iv), (u, iu))
        candidate = (v - u, u, v, ix, iy, x, y)
        if best is None or candidate < best:
            best = candidate
    assert best is not None  # both sides have exclusive assertions, each stating a value
    ix, iy, x, y = best[3:]
    return by_index[ix], by_index[iy], (x, y)


# --- the likely cause --------------------------------------------------------------------


def _cause(
    claim: Claim,
    kind: DisputeKind,
    shared: set[str],
    left: Sequence[Item],
    right: Sequence[Item],
    near: tuple[Any, Any] | None,
) -> Cause:
    if kind is DisputeKind.WITHIN_ORIGIN:
        if claim.cumulative and _decreased(shared, [*left, *right]):
            return Cause.DECREASE
        if _copied(shared, [*left, *right]):
            return Cause.COPY
    if near is not None and _near(claim, *near):
        return Cause.NEAR
    if not claim.cumulative and (_wholly_before(left, right) or _wholly_before(right, left)):
        return Cause.TIME
    if near is not None and claim.kind in (Kind.COUNT, Kind.QUANTITY) and typo(*near):
        return Cause.TYPO
    return Cause.ACCOUNT


def _decreased(shared: set[str], items: Sequence[Item]) -> bool:
    """Whether one of the `shared` origins gave a later figure wholly below an earlier one."""
    by_origin: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.origin in shared:
            by_origin[item.origin].append(item)
    for figures in by_origin.values():
        for x in figures:
            for y in figures:
                if before(x, y) and y.values.high_key < x.values.low_key:  # type: ignore[union-attr]
                    return True
    return False


def _copied(shared: set[str], items: Sequence[Item]) -> bool:
    """Whether a shared origin is a wire or a copied article rather than a quoted party."""
    for origin in shared:
        mine = [x for x in items if x.origin == origin]
        if any(x.assertion.claimant for x in mine):
            continue
        if any(x.source and (x.source.meta.wire or x.source.meta.derived_from) for x in mine):
            return True
    return False


def _near(claim: Claim, x: Any, y: Any) -> bool:
    if claim.kind is Kind.DATE:
        return bool(abs(x - y) < NEAR_DAYS)
    return bool(abs(x - y) <= 2 * claim.tolerance * max(abs(x), abs(y)))


def _wholly_before(early: Sequence[Item], late: Sequence[Item]) -> bool:
    """Every assertion of `early` is dated wholly before every assertion of `late`."""
    if any(x.as_of is None for x in (*early, *late)):
        return False
    return max(x.as_of.last for x in early) < min(y.as_of.first for y in late)  # type: ignore[union-attr]


def _digits(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(abs(value))
    text = f"{abs(value):f}".rstrip("0").rstrip(".")
    return text.replace(".", "")


def typo(x: Any, y: Any) -> bool:
    """Whether two figures' digits differ by two adjacent digits swapped, or by one digit
    changed, added or dropped (71 vs 17, 4,327 vs 5,327, 500 vs 5,000)."""
    a, b = _digits(x), _digits(y)
    if a == b:
        return False
    if len(a) == len(b):
        diff = [n for n in range(len(a)) if a[n] != b[n]]
        if len(diff) == 1:
            return True
        n, m = diff[0], diff[-1]
        return len(diff) == 2 and m == n + 1 and a[n] == b[m] and a[m] == b[n]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:n] + long[n + 1 :] == short for n in range(len(long)))
