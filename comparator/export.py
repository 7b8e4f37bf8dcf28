"""Exports for analysis: the corpus as six related tables, as CSV, JSON Lines or SQLite.

The tables are data first (`tables(corpus)`), formats second. Rows hold plain values (None,
bool, int, float, str, list) and each format writes them its own way: CSV writes `true` and
`false`, an empty cell for null and lists as JSON; SQLite stores booleans as 0/1 and lists
as JSON text (which Datasette renders and `json_each` reads); JSON Lines keeps them as they
are. Dates are ISO strings everywhere.

Output is never half-written: every file is built at a temporary path beside its target and
moved into place only once all of them are complete, and existing output is replaced only
when the caller says so.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from comparator import corpus as corpus_mod
from comparator.compare import Analysis, analyse, source_origin
from comparator.corpus import Corpus
from comparator.errors import ComparatorError
from comparator.problems import Problem
from comparator.records import assertion_record, consensus_record
from comparator.validate import findings

FORMATS = ("csv", "jsonl", "sqlite")


class ExportError(ComparatorError):
    """Output that cannot or must not be written; the message is meant for the user."""


@dataclass(frozen=True)
class Column:
    name: str
    # Declared SQLite type. "" declares none, so each value keeps its own type: the value
    # columns hold numbers for counts and ISO strings for dates, and both must stay as given.
    type: str = "TEXT"


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    other: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _columns(*specs: str) -> tuple[Column, ...]:
    """`"name"` is a TEXT column, `"name INTEGER"` a typed one, `"name ANY"` an untyped one."""
    columns = []
    for spec in specs:
        name, _, sql = spec.partition(" ")
        columns.append(Column(name, "" if sql == "ANY" else sql or "TEXT"))
    return tuple(columns)


def _fk(column: str, table: str, other: str = "id") -> ForeignKey:
    return ForeignKey((column,), table, (other,))


# The shape of every table, in the order they are written (parents before children). Indexes
# cover the columns people filter and join by that no primary key already leads with.
OUTLETS = Table(
    "outlets",
    _columns("id", "name", "country", "language", "kind", "url", "notes"),
    key=("id",),
)
ACTORS = Table(
    "actors",
    _columns("id", "name", "part_of", "aliases", "notes"),
    key=("id",),
    foreign_keys=(_fk("part_of", "actors"),),
    indexes=(("part_of",),),
)
SOURCES = Table(
    "sources",
    _columns(
        "id",
        "outlet",
        "title",
        "published",
        "published_inferred INTEGER",
        "language",
        "url",
        "authors",
        "dateline",
        "wire",
        "wire_inferred INTEGER",
        "derived_from",
        "origin",
        "path",
        "notes",
        "text",
    ),
    key=("id",),
    foreign_keys=(_fk("outlet", "outlets"), _fk("wire", "outlets"), _fk("derived_from", "sources")),
    indexes=(("outlet",), ("wire",), ("derived_from",), ("origin",), ("published",)),
)
CLAIMS = Table(
    "claims",
    _columns(
        "id",
        "topic",
        "question",
        "kind",
        "unit",
        "cumulative INTEGER",
        "tolerance REAL",
        "tags",
        "verdict",
        "origins INTEGER",
        "assertions INTEGER",
        "contradictions INTEGER",
        "consensus_low ANY",
        "consensus_high ANY",
        "consensus_value ANY",
        "notes",
        "path",
    ),
    key=("id",),
    indexes=(("verdict",), ("topic",), ("kind",)),
)
ASSERTIONS = Table(
    "assertions",
    _columns(
        "claim_id",
        "index INTEGER",
        "source",
        "outlet",
        "claimant",
        "origin",
        "value ANY",
        "qualifier",
        "low ANY",
        "high ANY",
        "as_of",
        "quote",
        "translation",
        "notes",
    ),
    key=("claim_id", "index"),
    foreign_keys=(
        _fk("claim_id", "claims"),
        _fk("source", "sources"),
        _fk("outlet", "outlets"),
        _fk("claimant", "actors"),
    ),
    indexes=(("source",), ("outlet",), ("claimant",), ("origin",), ("qualifier",)),
)
RELATIONS = Table(
    "relations",
    _columns("claim_id", "a INTEGER", "b INTEGER", "relation", "same_origin INTEGER"),
    key=("claim_id", "a", "b"),
    foreign_keys=(
        _fk("claim_id", "claims"),
        ForeignKey(("claim_id", "a"), "assertions", ("claim_id", "index")),
        ForeignKey(("claim_id", "b"), "assertions", ("claim_id", "index")),
    ),
    indexes=(("relation",), ("claim_id", "b")),
)
SHAPES = (OUTLETS, ACTORS, SOURCES, CLAIMS, ASSERTIONS, RELATIONS)


# --- the tables as data ---------------------------------------------------------------------


def prepare(root: Path) -> tuple[list[Table], list[Problem]]:
    """The tables of the data under `root`, or the errors that keep it from being exported.

    Data with errors is refused rather than exported with holes: a dangling source id would
    break the foreign keys, and a claim that does not load would silently be missing.
    """
    corpus = corpus_mod.load(root)
    errors = findings(corpus).errors
    if errors:
        return [], errors
    return tables(corpus), []


def tables(corpus: Corpus) -> list[Table]:
    """Every table, rows in a stable order (by id; assertions and relations by claim, then index)."""
    analyses = [analyse(corpus, corpus.claims[cid]) for cid in sorted(corpus.claims)]
    rows = {
        "outlets": [_outlet_row(corpus, oid) for oid in sorted(corpus.outlets)],
        "actors": [_actor_row(corpus, aid) for aid in sorted(corpus.actors)],
        "sources": [_source_row(corpus, sid) for sid in sorted(corpus.sources)],
        "claims": [_claim_row(a) for a in analyses],
        "assertions": [row for a in analyses for row in _assertion_rows(a)],
        "relations": [row for a in analyses for row in _relation_rows(a)],
    }
    return [replace(shape, rows=tuple(_ordered(shape, r) for r in rows[shape.name])) for shape in SHAPES]


def _ordered(shape: Table, row: dict[str, Any]) -> tuple[Any, ...]:
    """A row by name, as a tuple in the table's column order; a missing or stray name is a bug."""
    if set(row) != set(shape.header):
        raise AssertionError(f"{shape.name} row has {sorted(row)}, not the columns {shape.header}")
    return tuple(row[name] for name in shape.header)


def _outlet_row(corpus: Corpus, outlet_id: str) -> dict[str, Any]:
    return corpus.outlets[outlet_id].model_dump(mode="json")


def _actor_row(corpus: Corpus, actor_id: str) -> dict[str, Any]:
    return corpus.actors[actor_id].model_dump(mode="json")


def _source_row(corpus: Corpus, source_id: str) -> dict[str, Any]:
    source = corpus.sources[source_id]
    fields = source.meta.model_dump(mode="json")  # dates as ISO strings
    return fields | {"origin": source_origin(corpus, source_id), "path": source.rel, "text": source.body}


def _claim_row(analysis: Analysis) -> dict[str, Any]:
    claim = analysis.claim.claim
    consensus = consensus_record(claim.kind, analysis.consensus) or {}
    return {
        "id": analysis.id,
        "topic": analysis.claim.topic,
        "question": claim.question,
        "kind": claim.kind.value,
        "unit": claim.unit,
        "cumulative": claim.cumulative,
        "tolerance": claim.tolerance,
        "tags": list(claim.tags),
        "verdict": analysis.verdict.value,
        "origins": len(analysis.origins),
        "assertions": len(analysis.items),
        "contradictions": len(analysis.contradictions),
        "consensus_low": consensus.get("low"),
        "consensus_high": consensus.get("high"),
        "consensus_value": consensus.get("value"),
        "notes": claim.notes,
        "path": analysis.claim.rel,
    }


def _assertion_rows(analysis: Analysis) -> Iterable[dict[str, Any]]:
    kind = analysis.claim.claim.kind
    for item in analysis.items:
        record = assertion_record(kind, item)  # the same values `show --format json` gives
        del record["published"]  # the source's; joined from `sources` when wanted
        yield {"claim_id": analysis.id, "index": item.index} | record | {"notes": item.assertion.notes}


def _relation_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = [
        {
            "claim_id": analysis.id,
            "a": p.a,
            "b": p.b,
            "relation": p.relation.value,
            "same_origin": p.same_origin,
        }
        for p in analysis.pairs
    ]
    return sorted(rows, key=lambda r: (r["a"], r["b"]))


# --- writing files atomically ---------------------------------------------------------------

Writer = Callable[[Path], None]  # writes a whole file at the (new, temporary) path it is given


def temporary_path(target: Path) -> Path:
    """A fresh hidden name beside `target`: same folder, so the final move is a rename."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def replace_all(targets: Mapping[Path, Writer]) -> None:
    """Write every file beside its target, then move them all into place.

    Nothing is replaced until every file is complete, so a failure (a full disk, an error
    half-way) leaves each target as it was and no temporary file behind.
    """
    written: dict[Path, Path] = {}
    try:
        for target, write in targets.items():
            temp = temporary_path(target)
            written[target] = temp
            write(temp)
        for target, temp in written.items():
            os.replace(temp, target)
    finally:
        for temp in written.values():
            temp.unlink(missing_ok=True)


def text_writer(content: str) -> Writer:
    def write(path: Path) -> None:
        with open(path, "x", encoding="utf-8", newline="\n") as f:
            f.write(content)

    return write


# --- formats --------------------------------------------------------------------------------


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_writer(table: Table) -> Writer:
    def write(path: Path) -> None:
        with open(path, "x", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(table.header)
            out.writerows([_csv_cell(v) for v in row] for row in table.rows)

    return write


def _jsonl_writer(table: Table) -> Writer:
    def write(path: Path) -> None:
        with open(path, "x", encoding="utf-8", newline="\n") as f:
            for row in table.rows:
                f.write(json.dumps(dict(zip(table.header, row, strict=False)), ensure_ascii=False) + "\n")

    return write


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(names: Iterable[str]) -> str:
    return ", ".join(_q(n) for n in names)


def create_statements(table: Table) -> list[str]:
    """CREATE TABLE and CREATE INDEX for one table, named as sqlite-utils names indexes."""
    parts = [
        f"{_q(c.name)} {c.type}".rstrip() + (" NOT NULL" if c.name in table.key else "")
        for c in table.columns
    ]
    parts.append(f"PRIMARY KEY ({_names(table.key)})")
    parts += [
        f"FOREIGN KEY ({_names(fk.columns)}) REFERENCES {_q(fk.table)} ({_names(fk.other)})"
        for fk in table.foreign_keys
    ]
    statements = [f"CREATE TABLE {_q(table.name)} (\n    " + ",\n    ".join(parts) + "\n)"]
    for columns in table.indexes:
        name = f"idx_{table.name}_" + "_".join(columns)
        statements.append(f"CREATE INDEX {_q(name)} ON {_q(table.name)} ({_names(columns)})")
    return statements


def _sqlite_writer(tables: list[Table]) -> Writer:
    def write(path: Path) -> None:
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("BEGIN")
            for table in tables:
                for statement in create_statements(table):
                    db.execute(statement)
                marks = ", ".join("?" for _ in table.columns)
                db.executemany(
                    f"INSERT INTO {_q(table.name)} VALUES ({marks})",
                    ([_sql_value(v) for v in row] for row in table.rows),
                )
            # Validated data always holds its keys; this guards against a loader bug shipping
            # a database whose joins quietly lose rows.
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise ExportError(f"the export would break its foreign keys: {broken[:5]}")
            db.execute("COMMIT")

    return write


def _parent_exists(out: Path) -> None:
    parent = out.absolute().parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {out}: the folder {parent} does not exist")


def targets(tables: list[Table], fmt: str, out: Path, force: bool) -> dict[Path, Writer]:
    """The files an export writes and how, after refusing paths it must not write to."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt == "sqlite":
        if out.is_dir():
            raise ExportError(f"{out} is a folder; a sqlite export is one file, e.g. {out / 'comparator.db'}")
        _parent_exists(out)
        if (out.exists() or out.is_symlink()) and not force:
            raise ExportError(f"{out} exists; give --force to replace it")
        return {out: _sqlite_writer(tables)}
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; a {fmt} export writes one file per table into a folder")
    if not out.exists():
        _parent_exists(out)
    maker = _csv_writer if fmt == "csv" else _jsonl_writer
    files = {out / f"{t.name}.{fmt}": maker(t) for t in tables}
    present = [p.name for p in files if p.exists() or p.is_symlink()]
    if present and not force:
        raise ExportError(f"{out} already holds {', '.join(present)}; give --force to replace them")
    return files


def refuse(fmt: str, out: Path, force: bool = False) -> None:
    """Raise ExportError now if `out` cannot or must not be written, before any work is done."""
    targets(list(SHAPES), fmt, out, force)


def write(tables: list[Table], fmt: str, out: Path, force: bool = False) -> list[Path]:
    """Write the export; return the files written. Raises ExportError with a user's message."""
    files = targets(tables, fmt, out, force)
    created = fmt != "sqlite" and not out.exists()
    try:
        if created:
            out.mkdir()
        replace_all(files)
    except (OSError, sqlite3.Error) as exc:
        _forget(out, created)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(f"cannot write {out}: {reason}") from None
    except BaseException:
        _forget(out, created)
        raise
    return list(files)


def _forget(out: Path, created: bool) -> None:
    """Leave no empty folder behind a failed export that made it."""
    if created and out.is_dir() and not any(out.iterdir()):
        out.rmdir()
