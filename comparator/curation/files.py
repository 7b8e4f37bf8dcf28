"""Writing curated files safely: a new file never replaces another, and an edited file is
replaced whole, only if nobody changed it since it was read.

Readers (an editor, `check` in another terminal, git) never see half a file: the text goes to
a temporary file beside the target and is then moved or linked into place in one step.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from comparator.errors import ComparatorError


class Refused(ComparatorError):
    """A curation command cannot do what was asked; nothing was written, and the message says
    why and what to do instead."""


class Changed(Exception):
    """The file changed on disk between reading it and writing the edit; nothing was written."""


def write_new(path: Path, content: str) -> None:
    """Write `content` to a new file at `path` atomically; `FileExistsError` if it exists.

    The temporary file is linked into place, which fails rather than replace a file that
    appeared meanwhile. Where hard links are not available it is moved with `os.replace` after
    a check.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(path, content)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def replace_text(path: Path, before: str, after: str) -> None:
    """Replace the file at `path`, whose text was `before`, with `after`, atomically.

    `Changed` when the file no longer holds `before` (someone saved it meanwhile): the edit was
    computed from the old text and would undo theirs. The file keeps its permissions.
    """
    tmp = _temporary(path, after, mode=path.stat().st_mode & 0o777)
    try:
        if path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n") != before:
            raise Changed(str(path))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _temporary(path: Path, content: str, mode: int | None = None) -> str:
    """A complete, synced copy of `content` in a hidden file beside `path`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp's private mode is for the temporary file only.
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
