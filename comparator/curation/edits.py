"""Writing curated files safely: a new file never replaces another, and an edited file is
replaced whole, only if nobody changed it since it was read. Both go through
`comparator.atomic`, so readers (an editor, `check` in another terminal, git) never see half
a file."""

from __future__ import annotations

from pathlib import Path

from comparator import atomic
from comparator.errors import ComparatorError


class Refused(ComparatorError):
    """A curation command cannot do what was asked; nothing was written, and the message says
    why and what to do instead."""


class Changed(Exception):
    """The file changed on disk between reading it and writing the edit; nothing was written."""


def write_new(path: Path, content: str) -> None:
    """Write `content` to a new file at `path` atomically; `FileExistsError` if it exists,
    decided by the file system, so a file that appeared meanwhile is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write(path, content, overwrite=False)


def replace_text(path: Path, before: str, after: str) -> None:
    """Replace the file at `path`, whose text was `before`, with `after`, atomically.

    `Changed` when the file no longer holds `before` (someone saved it meanwhile): the edit was
    computed from the old text and would undo theirs. The file keeps its permissions.
    """
    if path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n") != before:
        raise Changed(str(path))
    atomic.write(path, after)
