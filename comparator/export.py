"""Exports for analysis and publication, written to disk or to a stream.

`csv`, `jsonl` and `datapackage` write one file per table into a folder (the data package adds
its `datapackage.json`); `sqlite` writes one database file; `claimreview` one JSON-LD file.
`jsonl` and `claimreview` are one stream each and may also go to standard output (all the
tables in one JSON Lines stream, each line naming its table).

Output is never half-written and never overwrites anything unasked: files are put in place
by comparator.atomic, all of an export's files at once, each only once all are complete.
Without `force` each is moved in by a hard link, which the file system refuses where the name
is taken, so a file that appears after the first check is never replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from comparator import atomic, kept
from comparator import corpus as corpus_mod
from comparator.check import check
from comparator.errors import ComparatorError
from comparator.exports import claimreview, writers
from comparator.exports.tables import SHAPES, ClaimRows, Dataset, Table, claim_rows, tables
from comparator.problems import Problem, Severity

FORMATS = ("csv", "jsonl", "sqlite", "datapackage", "claimreview")
STREAMS = ("jsonl", "claimreview")  # may go to standard output
FOLDERS = ("csv", "jsonl", "datapackage")


class ExportError(ComparatorError):
    """Output that cannot or must not be written; the message is meant for the user."""


@dataclass(frozen=True)
class Publication:
    """Who publishes ClaimReview documents, and when."""

    publisher: str
    date: dt.date


# --- the data -------------------------------------------------------------------------------


def prepare(root: Path, full: bool = False) -> tuple[Dataset | None, list[Problem]]:
    """The data under `root`, or the errors that keep it from being exported.

    Data with errors is refused rather than exported with holes: a dangling source id would
    break the foreign keys, and a claim that does not load would silently be missing. The
    errors are `check`'s, answered from its cache when nothing changed; each claim's rows are
    kept in the cache, so that unchanged claims build no model. `full` builds every claim's
    comparison too, which ClaimReview needs.
    """
    errors = [p for p in check(root).problems if p.severity is Severity.ERROR]
    if errors:
        return None, errors
    rows = None if full else kept.per_claim(root, "rows", ClaimRows, claim_rows)
    if rows is None:
        return Dataset.of(corpus_mod.load(root)), []
    # The registries and the articles alone: every claim is in `rows`.
    return Dataset(corpus_mod.load_articles(root), tuple(rows[cid] for cid in sorted(rows))), []


def summary(data: Dataset, fmt: str) -> str:
    """What an export holds, for the line that reports it."""
    if fmt == "claimreview":
        n = len(data.claims)
        return f"{n} claim review{'s' if n != 1 else ''}"
    return ", ".join(f"{t.name} {t.count}" for t in tables(data))


# --- to a stream ----------------------------------------------------------------------------


def stream(data: Dataset, fmt: str, out: TextIO, publication: Publication | None = None) -> None:
    """Write a one-stream format to `out`: JSON Lines of every table, or the ClaimReviews."""
    if fmt == "jsonl":
        for table in tables(data):
            writers.write_jsonl(table, out, tagged=True)
    elif fmt == "claimreview":
        out.write(_claimreview_json(data, _needs(publication)))
    else:
        raise ExportError(not_a_stream(fmt))


def not_a_stream(fmt: str) -> str:
    if fmt == "sqlite":
        return "a sqlite export is a database file and cannot go to standard output; name a file"
    return (
        f"a {fmt} export writes one file per table into a folder and cannot go to standard output;"
        " name a folder"
    )


def _needs(publication: Publication | None) -> Publication:
    if publication is None:
        raise ExportError("a claimreview export needs a publisher: the organisation that publishes it")
    return publication


def _claimreview_json(data: Dataset, publication: Publication) -> str:
    documents = claimreview.reviews(data, publication.publisher, publication.date)
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


# --- to files -------------------------------------------------------------------------------


def _parent_exists(out: Path) -> None:
    parent = out.absolute().parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {out}: the folder {parent} does not exist")


def _file_names(fmt: str) -> list[str]:
    if fmt == "datapackage":
        return [f"{t.name}.csv" for t in SHAPES] + ["datapackage.json"]
    return [f"{t.name}.{fmt}" for t in SHAPES]


def refuse(fmt: str, out: Path, force: bool = False) -> None:
    """Raise ExportError now if `out` cannot or must not be written, before any work is done.

    This is for an early, clear message; the write itself never relies on it (see `place`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt not in FOLDERS:
        if out.is_dir():
            example = out / ("comparator.db" if fmt == "sqlite" else "claimreview.json")
            raise ExportError(f"{out} is a folder; a {fmt} export is one file, e.g. {example}")
        _parent_exists(out)
        if (out.exists() or out.is_symlink()) and not force:
            raise ExportError(f"{out} exists; give --force to replace it")
        return
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; a {fmt} export writes one file per table into a folder")
    if not out.exists():
        _parent_exists(out)
    present = [n for n in _file_names(fmt) if (out / n).exists() or (out / n).is_symlink()]
    if present and not force:
        raise ExportError(f"{out} already holds {', '.join(present)}; give --force to replace them")


def _targets(
    data: Dataset, fmt: str, out: Path, publication: Publication | None
) -> dict[Path, atomic.Writer]:
    if fmt == "sqlite":
        all_tables = tables(data)
        return {out: lambda path: writers.write_sqlite(all_tables, path)}
    if fmt == "claimreview":
        return {out: atomic.text_writer(_claimreview_json(data, _needs(publication)))}
    all_tables = tables(data)
    if fmt == "jsonl":
        return {out / f"{t.name}.jsonl": _table_writer(writers.write_jsonl, t) for t in all_tables}
    files = {out / f"{t.name}.csv": _table_writer(writers.write_csv, t) for t in all_tables}
    if fmt == "datapackage":
        descriptor = json.dumps(writers.datapackage(all_tables), ensure_ascii=False, indent=2) + "\n"
        files[out / "datapackage.json"] = atomic.text_writer(descriptor)
    return files


def _table_writer(write: Callable[[Table, TextIO], None], table: Table) -> atomic.Writer:
    def writer(path: Path) -> None:
        with open(path, "x", encoding="utf-8", newline="") as f:
            write(table, f)

    return writer


def write(
    data: Dataset, fmt: str, out: Path, force: bool = False, publication: Publication | None = None
) -> list[Path]:
    """Write the export; return the files written. Raises ExportError with a user's message."""
    refuse(fmt, out, force)
    files = _targets(data, fmt, out, publication)
    created = False
    try:
        if fmt in FOLDERS:
            created = _make_folder(out)
        place(files, force)
    except (OSError, sqlite3.Error) as exc:
        _forget(out, created)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(f"cannot write {out}: {reason}") from None
    except BaseException:
        _forget(out, created)
        raise
    return list(files)


def _make_folder(out: Path) -> bool:
    """Make the folder `out`; True when this call made it."""
    try:
        out.mkdir()
    except FileExistsError:
        if not out.is_dir():
            raise ExportError(
                f"{out} is a file; this export writes one file per table into a folder"
            ) from None
        return False
    return True


def _forget(out: Path, created: bool) -> None:
    """Leave no empty folder behind a failed export that made it."""
    if created and out.is_dir() and not any(out.iterdir()):
        out.rmdir()


# --- placing ------------------------------------------------------------------------------


def place(targets: Mapping[Path, atomic.Writer], force: bool) -> None:
    """Write every file beside its target, then move them all into place (comparator.atomic).

    Without `force` a target that exists, or appears meanwhile, is never replaced: the export
    fails whole, and none of its files is left in place.
    """
    try:
        atomic.publish(targets, overwrite=force)
    except FileExistsError as exc:
        taken = exc.filename2 or exc.filename  # a refused link names its target second
        raise ExportError(f"{taken} exists; give --force to replace it") from None
