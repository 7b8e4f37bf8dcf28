"""Putting report files on disk: atomically, only over files the tool wrote, and checking
whether the files on disk are what would be written now (`--check`)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from pathlib import Path

from comparator import atomic
from comparator.root import Unreadable, read_regular


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
    """The names of `outputs` whose file is missing or differs from what would be written.

    A file is read only as far as the expected bytes and one more: one that is longer (or a
    link to `/dev/zero`) differs, and is never read to its end.
    """
    found = []
    for name in sorted(outputs):
        expected = encode(outputs[name])
        try:
            current = read_regular(out_dir / name, len(expected))
        except Unreadable:
            current = None
        if current != expected:
            found.append(name)
    return found


def foreign(out_dir: Path, outputs: Mapping[str, str], mark: str) -> list[str]:
    """Names of existing files that do not carry the generated `mark`: someone wrote them by
    hand, and they are not overwritten without being asked."""
    found = []
    for name in sorted(outputs):
        path = out_dir / name
        if not (path.exists() or path.is_symlink()):
            continue
        try:
            head = read_regular(path, 4096, head=True).decode("utf-8", errors="replace")
        except Unreadable:
            head = ""
        if mark not in head:
            found.append(name)
    return found


def write(out_dir: Path, outputs: Mapping[str, str]) -> list[Path]:
    """Write the report's files as one set (see `comparator.atomic`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = {out_dir / name: _writer(outputs[name]) for name in sorted(outputs)}
    atomic.publish(targets)
    return list(targets)


def _writer(text: str) -> atomic.Writer:
    """A page encoded only when it is written: a large report's pages are never all held
    twice, as text and as bytes."""

    def write(path: Path) -> None:
        atomic.bytes_writer(encode(text))(path)

    return write
