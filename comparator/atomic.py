"""Putting files on disk whole: the one way this package writes a file.

Every file is written to a temporary name in its target's folder, flushed to disk, and only
then moved into place, so a reader, a crash or a kill sees the old file or the new one,
never half of one. A replaced file keeps its permissions; a new one gets the usual ones.

Without `overwrite`, the move is a hard link, which the file system refuses atomically when
the name is taken: two runs racing for one name cannot both win, and a file that appears
while the content is being written is never replaced. (Checking first and writing after
would leave a window between the two.)
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

# Writes a whole file at the path it is given. The path does not exist yet: a writer creates
# it (open mode "x" or "xb", or a database connection), and only ever there.
Writer = Callable[[Path], None]


def bytes_writer(data: bytes) -> Writer:
    def write(path: Path) -> None:
        with open(path, "xb") as handle:
            handle.write(data)

    return write


def text_writer(content: str) -> Writer:
    """UTF-8 with `\\n` line ends on every platform: the same text gives the same bytes."""
    return bytes_writer(content.replace("\r\n", "\n").encode("utf-8"))


def write(path: Path, content: bytes | str, *, overwrite: bool = True) -> None:
    """Write one file atomically. Without `overwrite`, FileExistsError if `path` exists."""
    writer = bytes_writer(content) if isinstance(content, bytes) else text_writer(content)
    publish({path: writer}, overwrite=overwrite)


def publish(targets: Mapping[Path, Writer], *, overwrite: bool = True) -> None:
    """Write every target beside itself, then move them all into place.

    Nothing is moved until every file is complete, so a failure (a full disk, a writer's
    error) leaves each target as it was and no temporary file behind. Without `overwrite`,
    FileExistsError names the first target that exists, and no target is left written.
    """
    temps: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for target, writer in targets.items():
            temp = _temporary(target)
            temps[target] = temp
            writer(temp)
            _settle(temp, target if overwrite else None)
        for target, temp in temps.items():
            if overwrite:
                os.replace(temp, target)
            else:
                _link_new(temp, target)
                placed.append(target)
        _sync_folders(temps)
    except BaseException:
        for target in placed:  # ours: the link succeeded, so nobody else's file was there
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    finally:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()


def _temporary(target: Path) -> Path:
    """A fresh hidden name beside `target`: the same folder, so the final move is a rename."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def _settle(temp: Path, replaces: Path | None) -> None:
    """Flush the written file to disk and give it its final permissions: those of the file it
    replaces, or the usual ones for a new file."""
    mode = _usual_mode()
    if replaces is not None:
        with contextlib.suppress(OSError):
            mode = replaces.stat().st_mode & 0o7777
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(temp, mode)


def _link_new(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network and FAT file systems): claim the name with an
        # exclusive create, which is as atomic, then move the content over the claim.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            os.replace(temp, target)
        except BaseException:
            target.unlink()
            raise


def _sync_folders(temps: Mapping[Path, Path]) -> None:
    """Make the renames themselves durable, where folders can be opened to be synced."""
    for folder in {target.parent for target in temps}:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _usual_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
