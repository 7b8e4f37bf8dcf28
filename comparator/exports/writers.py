"""Tables written as CSV, JSON Lines, SQLite, and a Frictionless data package's descriptor.

CSV writes `true` and `false`, an empty cell for null and lists as JSON; SQLite stores
booleans as 0/1 and lists as JSON text (which Datasette renders and `json_each` reads); JSON
Lines keeps values as they are. Dates are ISO strings everywhere.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from comparator.errors import ComparatorError
from comparator.exports.tables import Table


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _sql_value(value: Any) -> Any:
    kind = type(value)  # rows hold plain values: no subclass to look for, and it is faster
    if kind is list or kind is tuple:
        # most lists are empty (an assertion's accepted warnings)
        return json.dumps(value, ensure_ascii=False) if value else "[]"
    return value


def _sql_rows(table: Table) -> Iterator[Sequence[Any]]:
    """The table's rows as SQLite takes them: only lists need converting (to JSON text), and
    only columns of lists (or of any type) can hold them. SQLite stores a boolean as the
    integer 1 or 0 by itself."""
    columns = [i for i, c in enumerate(table.columns) if c.type in ("array", "any")]
    for row in table.rows():
        if columns:
            converted = list(row)
            for i in columns:
                converted[i] = _sql_value(converted[i])
            yield converted
        else:
            yield row


def write_csv(table: Table, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows())


def write_jsonl(table: Table, out: TextIO, tagged: bool = False) -> None:
    """One JSON object a line; `tagged` leads each with `"table": name`, so that several
    tables can share one stream and still be told apart (`select(.table == "claims")`)."""
    lead = {"table": table.name} if tagged else {}
    if tagged and "table" in table.header:
        raise AssertionError(f"{table.name} has a column named table")
    for row in table.rows():
        record = lead | dict(zip(table.header, row, strict=True))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(names: Iterable[str]) -> str:
    return ", ".join(_q(n) for n in names)


def create_statements(table: Table) -> list[str]:
    """CREATE TABLE and CREATE INDEX for one table, named as sqlite-utils names indexes."""
    parts = [
        f"{_q(c.name)} {c.sql}".rstrip() + (" NOT NULL" if c.name in table.key else "") for c in table.columns
    ]
    parts.append(f"PRIMARY KEY ({_names(table.key)})")
    parts += [
        f"FOREIGN KEY ({_q(fk.column)}) REFERENCES {_q(fk.table)} ({_q(fk.other)})"
        for fk in table.foreign_keys
    ]
    statements = [f"CREATE TABLE {_q(table.name)} (\n    " + ",\n    ".join(parts) + "\n)"]
    for columns, unique in [(c, False) for c in table.indexes] + [(c, True) for c in table.unique]:
        name = f"idx_{table.name}_" + "_".join(columns)
        kind = "UNIQUE INDEX" if unique else "INDEX"
        statements.append(f"CREATE {kind} {_q(name)} ON {_q(table.name)} ({_names(columns)})")
    return statements


def write_sqlite(tables: list[Table], path: Path) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("BEGIN")
        for table in tables:
            create, *indexes = create_statements(table)
            db.execute(create)
            marks = ", ".join("?" for _ in table.columns)
            db.executemany(f"INSERT INTO {_q(table.name)} VALUES ({marks})", _sql_rows(table))
            for statement in indexes:  # an index built once the rows are in is built in one pass
                db.execute(statement)
        # Validated data always holds its keys; this guards against a loader bug shipping
        # a database whose joins quietly lose rows.
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ComparatorError(f"the export would break its foreign keys: {broken[:5]}")
        db.execute("COMMIT")


_DESCRIPTIONS = {
    "outlets": "Publishers and wire agencies (sources/outlets.yaml).",
    "actors": "Governments, ministries, people and groups (sources/actors.yaml).",
    "sources": "One article each, its front matter and verbatim text.",
    "claims": "One question each, with its verdict, consensus bounds and number of origins.",
    "assertions": "What each source says in answer to a claim; `id` is <claim-id>/<index>.",
    "relations": "How each pair of a claim's assertions relates: agree, compatible, supersede, contradict.",
}


def datapackage(tables: list[Table]) -> dict[str, Any]:
    """The Frictionless descriptor of the CSV tables: fields and their types, primary and
    foreign keys. Null is the empty cell; booleans are `true` and `false`; lists are JSON."""
    resources = []
    for table in tables:
        fields = [{"name": c.name, "type": c.type} for c in table.columns]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _DESCRIPTIONS[table.name],
                "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
                "schema": {
                    "fields": fields,
                    "missingValues": [""],
                    "primaryKey": list(table.key),
                    "foreignKeys": [
                        {
                            "fields": fk.column,
                            "reference": {
                                # a table that refers to itself names no resource
                                "resource": "" if fk.table == table.name else fk.table,
                                "fields": fk.other,
                            },
                        }
                        for fk in table.foreign_keys
                    ],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "comparator-export",
        "title": "Claims compared across outlets and the parties they quote",
        "resources": resources,
    }
