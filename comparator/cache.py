"""A cache of what reading and checking files produces, keyed by the hash of their content.

An unchanged file is then never parsed twice across runs, and checks that need several files
(copies between articles, an assertion against its article) are not redone while none of
those files changed. A key is the SHA-256 of the tool's version, this module's `SCHEMA`, a
label of what is stored and the content it was worked out from; git blobs are content too,
so a `diff` reuses what a `check` of the work tree stored, and the reverse.

Storage is one SQLite database in WAL mode: a write is a transaction, so a run interrupted
half-way leaves the last complete state; WAL lets concurrent runs (two CI jobs, an editor's
check on save) read while one writes, and a writer that finds the database busy skips its
writes instead of failing. Values are JSON, never pickle: nothing stored can run code.

The cache is data this tool wrote, but it is read as untrusted input: each value carries its
own key and is dropped when the two differ, a value of the wrong shape is recomputed by the
caller, and a database that is corrupt, from another schema, unwritable or out of reach is
rebuilt or passed over. Nothing here is ever fatal, and nothing is printed.

A cache folder inside the data root may also have arrived with the data: a pull request can
commit one whose entries, keyed by content anyone can hash, say that broken data is sound.
So the database there is used only when a random token beside it matches the one this user's
runs keep in their own cache folder (`$XDG_CACHE_HOME/comparator`, else `~/.cache`); any
other is removed unread and started afresh. A cache at `$COMPARATOR_CACHE` is the user's own
choice and is trusted as such.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from comparator import __version__
from comparator.problems import Problem, Severity
from comparator.root import FileText

CACHE_ENV = "COMPARATOR_CACHE"
FOLDER = ".comparator-cache"
DATABASE = "cache.sqlite"
OWNER = "owner"  # beside the database in a data root: the token of the runs that wrote it
SCHEMA = 2  # raise when what is stored, or how it is read back, changes

_enabled = True
_BATCH = 500  # keys asked at once: well under SQLite's limit of bound parameters
_open: dict[Path, Cache] = {}


def use(enabled: bool) -> None:
    """Turn the cache on or off for this process (`--no-cache`). An open cache stays open
    while the setting holds: what was parsed in this process is kept by cache (see
    `corpus`), so a process running several commands parses each file once."""
    global _enabled
    if enabled != _enabled:
        _enabled = enabled
        close()


def close() -> None:
    """Store what is pending and close every open cache."""
    for cache in _open.values():
        cache.close()
    _open.clear()


def key(label: str, *parts: str) -> str:
    """The key of what `label` works out from `parts`; parts are length-prefixed, so no two
    different sequences share a key."""
    digest = hashlib.sha256(f"{__version__}\0{SCHEMA}\0{label}".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"\0%d\0" % len(data))
        digest.update(data)
    return digest.hexdigest()


# The key of each file's text, while the file is held: a run asks it of every file two or
# three times (what changed, what was parsed, what a result depends on), and hashing a large
# repository's text once is enough.
_file_keys: weakref.WeakKeyDictionary[FileText, str] = weakref.WeakKeyDictionary()


def file_key(file: FileText) -> str:
    """What a file is, by its path and text (`key("file", …)`)."""
    found = _file_keys.get(file)
    if found is None:
        found = _file_keys[file] = key("file", file.rel, file.text)
    return found


def location(root: Path) -> Path | None:
    """Where the cache of `root` lives: `$COMPARATOR_CACHE` (the user's choice, anywhere),
    else `.comparator-cache/` in the root, refused (None) when it is a link or leads out of
    the root: a pull request could make it point at any folder the runner can write."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given).expanduser().absolute()
    folder = root / FOLDER
    try:
        if folder.is_symlink() or (folder.exists() and not folder.resolve().is_relative_to(root.resolve())):
            return None
    except (OSError, RuntimeError):
        return None
    return folder


def for_root(root: Path) -> Cache:
    """The cache of `root`, opened once per process; a cache that does nothing when turned
    off or out of reach."""
    folder = location(root) if _enabled else None
    if folder is None:
        return Cache(None)
    cache = _open.get(folder)
    if cache is None:
        while len(_open) >= 4:  # a process seldom reads more roots; keep few files open
            _open.pop(next(iter(_open))).close()
        chosen = bool(os.environ.get(CACHE_ENV))
        cache = _open[folder] = Cache(_connect(folder, claim=not chosen))
    return cache


def _connect(folder: Path, claim: bool = False) -> sqlite3.Connection | None:
    """The database in `folder`, created when missing and rebuilt when unreadable; with
    `claim`, used only when this user's runs wrote it (see the module)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():  # so that no repository commits it, `init`'s or not
            with contextlib.suppress(OSError):
                ignore.write_text("*\n", encoding="utf-8")
    except OSError:
        return None
    if claim and not _claimed(folder):
        return None
    path = folder / DATABASE
    for attempt in range(2):
        try:
            return _prepared(path)
        except sqlite3.DatabaseError:
            if attempt or not path.is_file() or path.is_symlink():
                return None
            for suffix in ("", "-wal", "-shm"):  # corrupt or truncated: start again
                with contextlib.suppress(OSError):
                    Path(str(path) + suffix).unlink()
    return None  # pragma: no cover - the loop returns


def _token_file(folder: Path) -> Path:
    """Where this user's runs keep the token of the cache in `folder`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    name = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:32]
    return Path(base) / "comparator" / "owners" / name


def _token(path: Path) -> str | None:
    try:
        with open(path, encoding="ascii") as f:
            return f.read(64).strip() or None
    except (OSError, ValueError):
        return None


def _claimed(folder: Path) -> bool:
    """Whether the database in `folder` was written by this user's runs; if not, it is
    removed unread and the folder claimed afresh. False when the folder cannot be claimed
    (a token cannot be written): the cache is then passed over."""
    mine = _token_file(folder)
    token = _token(mine)
    if token is not None and _token(folder / OWNER) == token:
        return True
    for suffix in ("", "-wal", "-shm"):
        try:
            (folder / (DATABASE + suffix)).unlink()
        except FileNotFoundError:
            continue
        except OSError:
            return False  # what cannot be removed must not be read
    import secrets  # only a cache claimed afresh needs it; a lookup should not pay for it

    token = secrets.token_hex(16)
    try:
        mine.parent.mkdir(parents=True, exist_ok=True)
        for path in (mine, folder / OWNER):
            fresh = path.with_name(f".{path.name}.{token[:8]}")
            fresh.write_text(token + "\n", encoding="ascii")
            os.replace(fresh, path)
    except OSError:
        return False
    return True


def _prepared(path: Path) -> sqlite3.Connection | None:
    if path.is_symlink():
        return None
    conn = sqlite3.connect(path, timeout=2.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # in WAL a crash loses at most the last writes
        conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version != SCHEMA:  # another schema's entries can never be asked for again
            conn.execute("DELETE FROM entries")
            conn.execute(f"PRAGMA user_version={SCHEMA:d}")
        conn.execute("SELECT count(*) FROM entries LIMIT 1").fetchone()  # a corrupt file says so here
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc) or "locked" in str(exc):
            return conn  # still readable; writes will be skipped
        conn.close()
        raise sqlite3.DatabaseError(str(exc)) from None
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


class Cache:
    """Reads at once, writes gathered and stored in one transaction by `flush`."""

    def __init__(self, conn: sqlite3.Connection | None) -> None:
        self._conn = conn
        self._pending: dict[str, str] = {}
        # A cache that held nothing when opened (a first run) holds, as far as this run
        # knows, only what it stored since: every other question is answered without asking
        # the database, once per file. Another process filling it meanwhile only goes unused.
        self._stored: set[str] | None = None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                if conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None:
                    self._stored = set()

    @property
    def active(self) -> bool:
        return self._conn is not None

    def get(self, entry_key: str) -> Any:
        """The value stored under `entry_key`, or None."""
        return next(self.get_many([entry_key]))[1]

    def get_many(self, entry_keys: Sequence[str]) -> Iterator[tuple[str, Any]]:
        """(key, value or None) for each of `entry_keys`, in order: a run that reads back every
        claim asks the database a few hundred keys at a time rather than one by one."""
        for start in range(0, len(entry_keys), _BATCH):
            chunk = entry_keys[start : start + _BATCH]
            found = self._select([k for k in chunk if self._may_hold(k)])
            for entry_key in chunk:
                if entry_key in self._pending:  # put by this run, not yet stored
                    yield entry_key, json.loads(self._pending[entry_key])["value"]
                else:
                    yield entry_key, self._value(entry_key, found.get(entry_key))

    def _may_hold(self, entry_key: str) -> bool:
        if self._conn is None or entry_key in self._pending:
            return False
        return self._stored is None or entry_key in self._stored

    def _select(self, entry_keys: list[str]) -> dict[str, str]:
        if not entry_keys or self._conn is None:
            return {}
        marks = ", ".join("?" for _ in entry_keys)
        try:
            rows = self._conn.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", entry_keys)
            return dict(rows.fetchall())
        except sqlite3.Error:
            return {}

    def _value(self, entry_key: str, text: str | None) -> Any:
        """What `text`, stored under `entry_key`, holds; an entry that does not hold its own
        key is dropped."""
        if text is None:
            return None
        try:
            stored = json.loads(text)
            if isinstance(stored, dict) and stored.get("key") == entry_key and "value" in stored:
                return stored["value"]
        except (ValueError, TypeError, RecursionError):
            pass
        self._drop(entry_key)
        return None

    def put(self, entry_key: str, value: Any) -> None:
        if self._conn is not None:
            # ASCII: a name that is not UTF-8 holds escaped bytes, which SQLite's text refuses.
            self._pending[entry_key] = json.dumps({"key": entry_key, "value": value})

    def flush(self) -> None:
        """Store what was put; a busy, read-only or full database keeps its old state."""
        if self._conn is None or not self._pending:
            return
        rows, self._pending = list(self._pending.items()), {}
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass
        else:
            if self._stored is not None:
                self._stored.update(entry_key for entry_key, _ in rows)

    def close(self) -> None:
        if self._conn is not None:
            self.flush()
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _drop(self, entry_key: str) -> None:
        assert self._conn is not None
        with contextlib.suppress(sqlite3.Error), self._conn:
            self._conn.execute("DELETE FROM entries WHERE key = ?", (entry_key,))


def dump_problems(problems: Iterable[Problem]) -> list[list[Any]]:
    return [[p.file, p.line, p.column, p.severity.value, p.code, p.message] for p in problems]


def load_problems(rows: Any) -> list[Problem]:
    """Problems read back; `ValueError` when the rows are not what `dump_problems` wrote."""
    if not isinstance(rows, list):
        raise ValueError("not a list of problems")
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 6):
            raise ValueError("not a problem")
        file, line, column, severity, code, message = row
        if not (isinstance(file, str) and isinstance(code, str) and isinstance(message, str)):
            raise ValueError("not a problem")
        if type(line) is not int or type(column) is not int:
            raise ValueError("not a position")
        out.append(Problem(file, line, column, Severity(severity), code, message))
    return out
