"""Finding claims for `show` and `list`, from what is kept of them (`kept`).

`show` reads back a claim's view while every file it was built from is unchanged on disk: a
warm lookup reads and hashes just those files, costs the same on ten claims as on twenty
thousand, and imports neither pydantic nor the comparison. `list` reads back each claim as a
listing shows it (`display.Listed`), filters and orders those, and builds only the claims
whose files changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from comparator import cache, kept
from comparator.display import ClaimView, Listed, listed
from comparator.errors import ComparatorError
from comparator.facets import Filters, Known, Sort, matches, sort_key
from comparator.root import FileText, named, read_text


def view(root: Path, claim_id: str) -> ClaimView:
    """The view of `claim_id`: from the cache when every file it was built from is unchanged,
    else built (and kept). Raises as `query.find` does for an unknown or broken claim."""
    store = cache.for_root(root)
    claim_files = _claim_files(root, claim_id) if store.active else None
    entry_key = kept.key("view", claim_id, claim_files) if claim_files else None
    if entry_key is not None:
        found = _restore(kept.Disk(root), store.get(entry_key))
        if found is not None:
            return found
    from comparator.display import claim_view
    from comparator.query import find

    corpus, analysis = find(root, claim_id)
    built = claim_view(corpus, analysis)
    if entry_key is not None:
        inputs = kept.inputs(corpus, claim_id, claim_files or {}, kept.read_claims(corpus))
        if inputs is not None:
            store.put(entry_key, {**inputs, "view": dataclasses.asdict(built)})
            store.flush()
    return built


@dataclass(frozen=True)
class Listing:
    claims: Iterable[Listed]  # the chosen claims in order
    chosen: int
    total: int  # the claims that load


def listing(root: Path, f: Filters, by: Sort) -> Listing:
    """The claims `f` chooses, in the order `by`, as a listing shows them. Raises
    `ComparatorError` for a filter value that no claim has. With the cache off, every claim
    is built, and each is made for the listing when it is written."""
    found = kept.per_claim(root, "listed", Listed, listed)
    if found is None:
        from comparator.query import listing as build_all

        corpus, analyses, total = build_all(root, f, by)
        return Listing((listed(corpus, a) for a in analyses), len(analyses), total)
    known = Known()
    for claim in found.values():
        known.add(claim.facets)
    typos = known.unknown(f)
    if typos:
        raise ComparatorError("; ".join(typos))
    order = sort_key(by)
    chosen = sorted((c for c in found.values() if matches(c.facets, f)), key=lambda c: order(c.facets))
    return Listing(chosen, len(chosen), len(found))


def _claim_files(root: Path, claim_id: str) -> dict[str, str] | None:
    """The hash of each file of the claim as it is now, by path; None when one cannot be read
    (its problem is for `find` to report)."""
    found = {}
    for path in named(root / "claims", claim_id, ".yaml", ".yml"):
        file = read_text(root, path)
        if not isinstance(file, FileText):
            return None
        found[file.rel] = cache.file_key(file)
    return found


def _restore(files: kept.Files, stored: Any) -> ClaimView | None:
    restored = kept.read_back(files, stored, "view", ClaimView)
    return restored if restored is not None and _consistent(restored) else None


def _consistent(view: ClaimView) -> bool:
    """Whether the parts of a view read back refer to each other as a built view's do: every
    side label an assertion or dispute names is a side, every member an assertion."""
    labels = {side.label for side in view.sides}
    numbers = {a.number for a in view.assertions}
    return (
        len(labels) == len(view.sides)
        and all(set(a.sides) <= labels for a in view.assertions)
        and all(set(d.sides) <= labels for d in view.disputes)
        and all(set(side.members) <= numbers for side in view.sides)
    )
