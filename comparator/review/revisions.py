"""The two revisions `diff` compares, read no more than the change needs.

Each revision is first known by what its files are (`git.Listing`): the blob of each path,
from one `git ls-tree`, or for the work tree the blob id git would give each file's text. A
path whose blob is the same on both sides holds the same file, so when the revisions differ
only in claim files (the usual pull request, `changed_claims`), `diff` compares those claims
alone, and reads only them, the registries and the articles they cite.

What `check` finds in each revision is kept in the cache under what all its files are. When
one side is known, the other is worked out from it and the changed claims (`recheck.derive`,
whose reasoning holds for any two trees, not only for two states of the work tree); only
when neither is known is one revision checked in full.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from comparator import cache, recheck, tree
from comparator.problems import Problem
from comparator.review.git import Listing
from comparator.root import ACTORS, OUTLETS, FileText, read_text


def worktree(root: Path) -> Listing:
    """The files a run reads from the work tree under `root`, each known by the blob id git
    would give its text (or why it cannot be read). Every file is read: hashing its text
    costs little beside parsing it."""
    rels, unread, inside = tree.paths(root)
    files = {rel: read_text(root, root / rel, inside=inside, rel=rel) for rel in rels}

    def fetch(wanted: Iterable[str]) -> dict[str, FileText | Problem]:
        return {rel: files[rel] for rel in wanted if rel in files}

    return Listing({rel: _what(file) for rel, file in files.items()}, fetch, tuple(unread))


def _what(file: FileText | Problem) -> str:
    if isinstance(file, Problem):
        return str(file)
    # The text as git would store it when the file's bytes are exactly its UTF-8: then the
    # same as the blob's id at the other side; otherwise different, which only costs a reread.
    data = file.text.encode("utf-8", "surrogatepass")
    return "blob " + hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def changed_claims(base: Listing, head: Listing) -> list[str] | None:
    """The claim files (in a topic folder) whose blob differs between the two sides, added or
    removed; None when anything else differs, when either walk left a path unread, or when a
    changed claim shares its id with another claim file, which the whole of both revisions
    must then be compared to tell apart."""
    if base.unread or head.unread:
        return None
    changed = [rel for rel, what in head.files.items() if base.files.get(rel) != what]
    changed += [rel for rel in base.files if rel not in head.files]
    if not all(tree.in_topic(rel) for rel in changed):
        return None
    for side in (base, head):
        ids: dict[str, int] = {}
        for rel in side.files:
            if tree.is_claim(rel):
                ids[tree.claim_id(rel)] = ids.get(tree.claim_id(rel), 0) + 1
        if any(ids.get(tree.claim_id(rel), 0) > 1 for rel in changed):
            return None
    return changed


def checks(root: Path, base: Listing, head: Listing) -> tuple[recheck.Checked, recheck.Checked]:
    """What `check` finds in each revision, from the cache, worked out from the other side,
    or (for one side at most, when the sides differ only in claims) checked in full."""
    store = cache.for_root(root)
    base_key, head_key = _key(base), _key(head)
    base_found = recheck.Checked.load(store.get(base_key))
    head_found = recheck.Checked.load(store.get(head_key))
    if base_found is None and head_found is not None:
        base_found = recheck.derive(root, head.files, head_found, base.files, base.fetch)
    if base_found is None:
        base_found = _full(root, base)
    if head_found is None:
        head_found = recheck.derive(root, base.files, base_found, head.files, head.fetch)
    if head_found is None:
        head_found = _full(root, head)
    store.put(base_key, base_found.dump())
    store.put(head_key, head_found.dump())
    store.flush()
    return base_found, head_found


def _full(root: Path, side: Listing) -> recheck.Checked:
    from comparator.check import of_files

    return of_files(root, side.read(), list(side.unread))


def _key(side: Listing) -> str:
    return cache.key(
        "revision", *(f"{rel}\0{what}" for rel, what in side.files.items()), *map(str, side.unread)
    )


def registries(side: Listing) -> list[str]:
    """The registry files the side holds."""
    return [rel for rel in (OUTLETS, ACTORS) if rel in side.files]
