"""A file's hash without reading it, when its status says it has not changed since it was
hashed: how git's index spares reading an unchanged work tree again.

Kept per data root: each file's device, inode, size, modification and change times (in
nanoseconds), with the hash of its text. A file counts as unchanged only when all five are
as kept. A file whose times are less than two seconds before its status was taken is not
kept: a change after that, within the same tick of a coarse file system clock (one or two
seconds on some), would leave its times as they were.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Mapping
from pathlib import Path

from comparator import cache

Status = tuple[int, int, int, int, int]
RACY_NS = 2_000_000_000


def status(path: str | Path) -> Status | None:
    """What is compared of a regular file (not a link, not a pipe); None for anything else."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _entry_key(root: Path) -> str:
    return cache.key("hashes", str(root.resolve()))


def known(root: Path, store: cache.Cache, statuses: Mapping[str, Status | None]) -> dict[str, str]:
    """The kept hash of each file (by path relative to the root) whose status is as kept."""
    stored = store.get(_entry_key(root))
    if not isinstance(stored, dict):
        return {}
    found = {}
    for rel, now in statuses.items():
        kept = stored.get(rel)
        if (
            now is not None
            and isinstance(kept, list)
            and len(kept) == 6
            and tuple(kept[:5]) == now
            and isinstance(kept[5], str)
        ):
            found[rel] = kept[5]
    return found


def now() -> int:
    """The time to take before the statuses that `remember` will keep."""
    return time.time_ns()


def remember(
    root: Path,
    store: cache.Cache,
    statuses: Mapping[str, Status | None],
    digests: Mapping[str, str],
    taken: int,
) -> None:
    """Keep the hash of each file read, with its status taken (at `taken`, from `now()`)
    before it was read."""
    kept = {
        rel: [*st, digests[rel]]
        for rel, st in statuses.items()
        if st is not None and rel in digests and taken - max(st[3], st[4]) > RACY_NS
    }
    store.put(_entry_key(root), kept)
