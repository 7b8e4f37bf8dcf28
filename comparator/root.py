"""The data root: finding it, and reading files inside it without ever leaving it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from comparator.errors import ComparatorError
from comparator.problems import Problem, error

ROOT_ENV = "COMPARATOR_ROOT"
MAX_FILE_BYTES = 2 * 1024 * 1024  # far above any article; keeps a hostile file from stalling a run


class RootNotFound(ComparatorError):
    pass


def find_root(explicit: str | os.PathLike[str] | None = None, cwd: Path | None = None) -> Path:
    """`--root`, else `COMPARATOR_ROOT`, else the nearest folder up holding `claims/` and `sources/`."""
    given = explicit or os.environ.get(ROOT_ENV)
    if given:
        path = Path(given).expanduser().resolve()
        if not path.is_dir():
            raise RootNotFound(f"data root {given} is not a folder")
        if not (path / "claims").is_dir() and not (path / "sources").is_dir():
            raise RootNotFound(f"data root {given} holds neither claims/ nor sources/")
        return path
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "claims").is_dir() and (folder / "sources").is_dir():
            return folder
    raise RootNotFound(
        f"no data root found from {start}: no folder upwards holds both claims/ and sources/ "
        f"(give --root DIR or set {ROOT_ENV})"
    )


@dataclass(frozen=True)
class FileText:
    rel: str
    text: str


def relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(root: Path, path: Path) -> FileText | Problem:
    """Read a UTF-8 file under `root`, or say why not. A link out of the root is never followed."""
    rel = relative(root, path)
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return error(rel, 1, 1, "outside-root", "the file cannot be resolved (a broken or looping link)")
    if not resolved.is_relative_to(root.resolve()):
        return error(rel, 1, 1, "outside-root", "the path leads outside the data root; it was not read")
    try:
        size = resolved.stat().st_size
        if size > MAX_FILE_BYTES:
            return error(rel, 1, 1, "too-large", f"{size} bytes is more than the {MAX_FILE_BYTES} read")
        data = resolved.read_bytes()
    except OSError as exc:
        return error(rel, 1, 1, "encoding", f"cannot read the file: {exc.strerror}")
    return decode(rel, data)


def decode(rel: str, data: bytes) -> FileText | Problem:
    """A file's bytes as text, read the same way wherever they came from (disk or git):
    UTF-8 with an optional BOM, no NUL bytes, line ends made `\\n`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return error(rel, line, column, "encoding", "the file is not UTF-8 text")
    if "\x00" in text:
        return error(rel, 1, 1, "encoding", "the file holds NUL bytes; it is not text")
    return FileText(rel, text.replace("\r\n", "\n").replace("\r", "\n"))


def inside(root: Path, given: str | os.PathLike[str]) -> Path | None:
    """`given` (relative to the working directory) as a path under root, or None if it leaves it."""
    path = Path(given).absolute()
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return None
    return path


def unsafe_output(root: Path, out: Path) -> str | None:
    """Why `out` must not be written by a generating command, or None when it may be.

    Generated files never go among the curated data (a report inside claims/ would break the
    next check; an export could replace a claim), nor over anything that is not a plain file
    or folder (a device, a socket, a pipe).
    """
    if not str(out).strip():
        return "an empty path names no output"
    target = out.resolve()
    for data in ("claims", "sources"):
        if target == root.resolve() / data or target.is_relative_to(root.resolve() / data):
            return f"{out} is inside the curated data ({data}/); write generated files elsewhere"
    if out.exists() and not (out.is_file() or out.is_dir()):
        return f"{out} is not a regular file or folder"
    return None
