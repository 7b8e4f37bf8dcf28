"""The data root: finding it, and reading files inside it without ever leaving it."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from comparator.errors import ComparatorError
from comparator.problems import Problem, error
from comparator.terms import SLUG_PATTERN

ROOT_ENV = "COMPARATOR_ROOT"
OUTLETS = "sources/outlets.yaml"
ACTORS = "sources/actors.yaml"
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


class Unreadable(Exception):
    """A file that is not read, with the problem code and message saying why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Link(Exception):
    """The file named is a symbolic link, and links were not to be followed."""


def read_regular(path: Path, limit: int, *, head: bool = False, follow: bool = True) -> bytes:
    """The bytes of the regular file at `path`, or `Unreadable`: `too-large` past `limit`
    bytes, or with `head` just the first `limit` bytes.

    Opened without blocking and checked once open: a pipe would wait for a writer forever
    and a device (`/dev/zero`) never ends, whatever the name says or a check before the open
    saw. The read stops past `limit`, so a file that grows meanwhile is no worse.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and exc.errno in (errno.ELOOP, errno.EMLINK):
            raise _Link() from None
        raise Unreadable("encoding", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("unexpected-file", "not a regular file (a pipe, a device or a socket); not read")
        if info.st_size > limit and not head:
            raise Unreadable("too-large", f"{info.st_size} bytes is more than the {limit} read")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
        if len(data) > limit and not head:
            raise Unreadable("too-large", f"the file is more than the {limit} bytes read")
        return data[:limit]
    except OSError as exc:
        raise Unreadable("encoding", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text(root: Path, path: Path, *, inside: bool = False, rel: str | None = None) -> FileText | Problem:
    """Read a UTF-8 file under `root`, or say why not. A link out of the root is never followed.

    `inside` says that no folder on the way from the root to `path` is a link (a walk that
    enters none found it): the file is then read at once unless it is a link itself, which
    spares resolving every path of a large tree. `rel` is `path` relative to the root, when
    the caller knows it.
    """
    rel = relative(root, path) if rel is None else rel
    if inside:
        try:
            return decode(rel, read_regular(path, MAX_FILE_BYTES, follow=False))
        except Unreadable as exc:
            return error(rel, 1, 1, exc.code, exc.message)
        except _Link:
            pass  # where the link leads is checked below
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return error(rel, 1, 1, "outside-root", "the file cannot be resolved (a broken or looping link)")
    if not resolved.is_relative_to(root.resolve()):
        return error(rel, 1, 1, "outside-root", "the path leads outside the data root; it was not read")
    try:
        data = read_regular(resolved, MAX_FILE_BYTES)
    except Unreadable as exc:
        return error(rel, 1, 1, exc.code, exc.message)
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


def escapes(root: Path, target: str | os.PathLike[str]) -> str | None:
    """Why writing `target` would leave the data root, or None when it would not.

    A target named inside the root must still be inside it once every link on its way is
    followed: with `reports -> /elsewhere`, writing `reports/x.md` writes `/elsewhere/x.md`.
    A target named outside the root is the user's own choice and is not second-guessed.
    Every command that writes under the root asks this first, for each file or folder.
    """
    named = Path(os.path.abspath(target))
    if not any(named.is_relative_to(base) for base in {Path(os.path.abspath(root)), root.resolve()}):
        return None
    try:
        actual = named.resolve()
    except (OSError, RuntimeError):
        return f"{target} cannot be resolved (a looping link); not written"
    if actual.is_relative_to(root.resolve()):
        return None
    return f"{target} leads outside the data root through a link ({actual}); not written"


class OutsideRoot(OSError):
    """A write refused because it would leave the data root; `strerror` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EXDEV, reason)


def writable(root: Path, target: Path) -> Path:
    """`target`, once `escapes` finds it stays inside the root; else `OutsideRoot`."""
    if reason := escapes(root, target):
        raise OutsideRoot(reason)
    return target


def unsafe_output(root: Path, out: str | os.PathLike[str]) -> str | None:
    """Why `out` must not be written by a generating command, or None when it may be.

    Generated files never go among the curated data (a report inside claims/ would break the
    next check; an export could replace a claim), nor over anything that is not a plain file
    or folder (a device, a socket, a pipe), nor outside the root through a linked folder.
    Give `out` as the user typed it: `Path("")` is `.`, and an empty path must be refused.
    """
    if not os.fspath(out).strip():
        return "an empty path names no output"
    out = Path(out)
    if reason := escapes(root, out):
        return reason
    target = out.resolve()
    for data in ("claims", "sources"):
        if target == root.resolve() / data or target.is_relative_to(root.resolve() / data):
            return f"{out} is inside the curated data ({data}/); write generated files elsewhere"
    if out.exists() and not (out.is_file() or out.is_dir()):
        return f"{out} is not a regular file or folder"
    return None


def folders(top: Path) -> list[Path]:
    """The folders directly under `top`; linked folders are not entered, as in `load`. One
    listing, whose entries say what they are: a lookup looks in every outlet's folder."""
    try:
        with os.scandir(top) as entries:
            names = [
                e.name
                for e in entries
                if e.is_dir(follow_symlinks=False) and not e.name.startswith(".") and utf8(e.name)
            ]
    except OSError:  # missing, not a folder, or unreadable: nothing is found there
        return []
    return [top / name for name in sorted(names)]


def utf8(name: str) -> bool:
    """Whether a name read from the file system is UTF-8 (else it holds escaped bytes, which
    no report, terminal or cache could carry)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def named(top: Path, file_id: str, *suffixes: str) -> list[Path]:
    """The files `<top>/<folder>/<file_id><suffix>`; an id that is not a slug names nothing."""
    if len(file_id) > 200 or not re.fullmatch(SLUG_PATTERN, file_id):
        return []
    return [
        folder / (file_id + suffix)
        for folder in folders(top)
        for suffix in suffixes
        if os.path.lexists(folder / (file_id + suffix))  # a broken link too: it is reported
    ]
