"""Putting report files on disk: atomically, only over files the tool wrote, and checking
whether the files on disk are what would be written now (`--check`)."""

from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections.abc import Mapping
from pathlib import Path


def base_link(out_dir: Path, root: Path) -> str:
    """The relative link prefix from the report folder to the data root ("../" for reports/),
    so links to claim files work wherever the report is written."""
    try:
        rel = os.path.relpath(root.resolve(), out_dir.resolve())
    except ValueError:  # another drive: only an absolute path reaches the root
        return root.resolve().as_posix().rstrip("/") + "/"
    rel = Path(rel).as_posix()
    return "" if rel == "." else posixpath.normpath(rel) + "/"


def encode(text: str) -> bytes:
    """UTF-8 with `\\n` line endings on every platform: the same data gives the same bytes."""
    return text.replace("\r\n", "\n").encode("utf-8")


def stale(out_dir: Path, outputs: Mapping[str, str]) -> list[str]:
    """The names of `outputs` whose file is missing or differs from what would be written."""
    found = []
    for name in sorted(outputs):
        path = out_dir / name
        try:
            current = path.read_bytes()
        except OSError:
            found.append(name)
            continue
        if current != encode(outputs[name]):
            found.append(name)
    return found


def foreign(out_dir: Path, outputs: Mapping[str, str], mark: str) -> list[str]:
    """Names of existing files that do not carry the generated `mark`: someone wrote them by
    hand, and they are not overwritten without being asked."""
    found = []
    for name in sorted(outputs):
        path = out_dir / name
        if not path.exists():
            continue
        try:
            head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
        except OSError:
            head = ""
        if mark not in head:
            found.append(name)
    return found


def write(out_dir: Path, outputs: Mapping[str, str]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(outputs):
        path = out_dir / name
        write_atomic(path, encode(outputs[name]))
        written.append(path)
    return written


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`: a reader,
    or an interrupted run, sees the old file or the new one, never half of one."""
    mode = _mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp makes the file private; a report is for everyone
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
