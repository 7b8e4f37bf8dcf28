"""What every file of a data root is now, read as little as possible: the hash of each file
whose status is as it was when it was hashed is taken from the cache (`hashes`), and only the
other files are read. `check` and `list` decide from it what they can answer from the cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from comparator import cache, hashes, tree
from comparator.problems import Problem
from comparator.root import FileText, read_text


@dataclass
class Snapshot:
    root: Path
    rels: list[str]  # the files a run reads, in the walk's order
    unread: list[Problem]  # a problem for each path the walk did not read
    inside: bool  # no link on the way from the root to any file (`tree.paths`)
    known: dict[str, str]  # the hash of each file whose status is as it was when hashed
    # Each file's status, taken at `taken` (empty when the cache is off, or when a file may
    # lie behind a link and its status would say nothing of what it leads to).
    statuses: dict[str, hashes.Status | None]
    taken: int
    files: dict[str, FileText | Problem] = field(default_factory=dict)  # the files read so far
    _seen: dict[str, str] | None = None

    def read(self, rel: str) -> FileText | Problem:
        """The file at `rel`, read once."""
        if rel not in self.files:
            self.files[rel] = read_text(self.root, self.root / rel, inside=self.inside, rel=rel)
        return self.files[rel]

    @property
    def complete(self) -> bool:
        """Whether every file's hash is known without reading it."""
        return len(self.known) == len(self.rels)

    @property
    def seen(self) -> dict[str, str]:
        """What each file is, by path in the walk's order: the hash of its text, or why it
        could not be read. Reads each file whose hash is not known."""
        if self._seen is None:
            self._seen = {rel: self.known.get(rel) or what(self.read(rel)) for rel in self.rels}
        return self._seen

    def remember(self, store: cache.Cache) -> None:
        """Keep the hash of every file read with its status, so that the next run need not
        read it (nothing to keep when every hash was known)."""
        if self.statuses and not self.complete:
            seen = self.seen
            digests = {
                rel: seen[rel]
                for rel in self.rels
                if rel in self.known or isinstance(self.files.get(rel), FileText)
            }
            hashes.remember(self.root, store, self.statuses, digests, self.taken)


def take(root: Path, store: cache.Cache) -> Snapshot:
    """The snapshot of `root`, having read no file yet."""
    rels, unread, inside = tree.paths(root)
    statuses: dict[str, hashes.Status | None] = {}
    known: dict[str, str] = {}
    taken = hashes.now()
    if store.active and inside:
        base = os.fspath(root)
        statuses = {rel: hashes.status(os.path.join(base, rel)) for rel in rels}
        known = hashes.known(root, store, statuses)
    return Snapshot(root, rels, unread, inside, known, statuses, taken)


def what(file: FileText | Problem) -> str:
    """What a file is: the hash of its text, or why it could not be read."""
    return cache.file_key(file) if isinstance(file, FileText) else str(file)
