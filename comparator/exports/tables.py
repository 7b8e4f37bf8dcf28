"""The corpus as six related tables: the data every table format writes.

Rows hold plain values (None, bool, int, float, str, list); each format writes them its own
way. Every column has a logical type (`string`, `integer`, `number`, `boolean`, `array`,
`any`), from which SQLite's declared type and the data package's field type both follow.
Every foreign key is one column, so sqlite-utils, Datasette and Frictionless follow each:
an assertion has an `id` of its own (`<claim-id>/<index>`), which relations point to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from comparator import humanize
from comparator.compare import Analysis, analyse, source_origin
from comparator.corpus import Corpus
from comparator.records import assertion_json, consensus_record

Records = Callable[[], Iterable[dict[str, Any]]]  # a table's rows as mappings, made on each call

# SQLite's declared type by logical type. "" declares none, so each value keeps its own type:
# the value columns hold numbers for counts and ISO strings for dates, and both must stay so.
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "array": "TEXT"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "string"  # the logical type; see SQL_TYPES

    @property
    def sql(self) -> str:
        return SQL_TYPES.get(self.type, "")


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    other: str = "id"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    # The rows, made afresh on each call and one at a time: an export of a large repository
    # never holds a whole table. `count` is how many there are.
    rows: Callable[[], Iterator[tuple[Any, ...]]] = lambda: iter(())
    count: int = 0

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _columns(*specs: str) -> tuple[Column, ...]:
    """`"name"` is a string column, `"name integer"` one of another logical type."""
    return tuple(Column(*spec.split(" ")) for spec in specs)


# The shape of every table, in the order they are written (parents before children). Indexes
# cover the columns people filter and join by that no primary key already leads with.
OUTLETS = Table(
    "outlets",
    _columns("id", "name", "country", "language", "kind", "url", "notes"),
    key=("id",),
)
ACTORS = Table(
    "actors",
    _columns("id", "name", "part_of", "aliases array", "notes"),
    key=("id",),
    foreign_keys=(ForeignKey("part_of", "actors"),),
    indexes=(("part_of",),),
)
SOURCES = Table(
    "sources",
    _columns(
        "id",
        "outlet",
        "title",
        "published",  # YYYY-MM-DD, YYYY-MM or YYYY: a string, as a date of month precision is no date
        "published_inferred boolean",
        "language",
        "url",
        "archive_url",
        "authors array",
        "dateline",
        "wire",
        "wire_inferred boolean",
        "derived_from",
        "origin",
        "path",
        "notes",
        "text",
    ),
    key=("id",),
    foreign_keys=(
        ForeignKey("outlet", "outlets"),
        ForeignKey("wire", "outlets"),
        ForeignKey("derived_from", "sources"),
    ),
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
        "cumulative boolean",
        "tolerance number",
        "tags array",
        "verdict",
        "origins integer",
        "assertions integer",
        "contradictions integer",
        "consensus_low any",
        "consensus_high any",
        "consensus_value any",
        "notes",
        "path",
        # what Datasette shows for a link to the claim (it takes a column named `title`)
        "title",
    ),
    key=("id",),
    indexes=(("verdict",), ("topic",), ("kind",)),
)
ASSERTIONS = Table(
    "assertions",
    _columns(
        "id",
        "claim_id",
        "index integer",
        "source",
        "outlet",
        "claimant",
        "origin",
        "value any",
        "qualifier",
        "low any",
        "high any",
        "as_of",
        "quote",
        "translation",
        "status",  # current, superseded (by a later, higher running total) or retracted
        "retracted",  # why the outlet withdrew or corrected it, when it did
        "accepted array",  # warnings the curator judged, each "code: why"
        "notes",
        "title",  # "Republika, 28 Sep 2020: at least 16": a link to the assertion reads so
    ),
    key=("id",),
    foreign_keys=(
        ForeignKey("claim_id", "claims"),
        ForeignKey("source", "sources"),
        ForeignKey("outlet", "outlets"),
        ForeignKey("claimant", "actors"),
    ),
    indexes=(("source",), ("outlet",), ("claimant",), ("origin",), ("qualifier",), ("status",)),
    unique=(("claim_id", "index"),),
)
RELATIONS = Table(
    "relations",
    _columns(
        "claim_id",
        "a integer",
        "b integer",
        "relation",
        "same_origin boolean",
        "a_assertion_id",
        "b_assertion_id",
    ),
    key=("claim_id", "a", "b"),
    foreign_keys=(
        ForeignKey("claim_id", "claims"),
        ForeignKey("a_assertion_id", "assertions"),
        ForeignKey("b_assertion_id", "assertions"),
    ),
    indexes=(("relation",), ("a_assertion_id",), ("b_assertion_id",)),
)
SHAPES = (OUTLETS, ACTORS, SOURCES, CLAIMS, ASSERTIONS, RELATIONS)


@dataclass(frozen=True)
class ClaimRows:
    """One claim's rows of the claims, assertions and relations tables, each table's as JSON
    text (lists in the table's column order): kept for each claim in the cache
    (`kept.per_claim`), so that exporting unchanged claims builds no model, and read as the
    tables are written. Checked when made, which is also when a kept entry is read back: rows
    of the wrong shape are made again."""

    id: str
    claim: str  # the rows of `claims`: this claim's one
    assertions: str  # the rows of `assertions`
    relations: str  # the rows of `relations`
    assertion_count: int
    relation_count: int

    def __post_init__(self) -> None:
        claim = _checked(CLAIMS, self.claim)
        if len(claim) != 1 or claim[0][0] != self.id:
            raise ValueError("the claim's row is not this claim's")
        counts = (len(_checked(ASSERTIONS, self.assertions)), len(_checked(RELATIONS, self.relations)))
        if counts != (self.assertion_count, self.relation_count):
            raise ValueError("the counts are not the rows'")

    def rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        text = {"claims": self.claim, "assertions": self.assertions, "relations": self.relations}[table]
        return map(tuple, json.loads(text))


_PLAIN = frozenset((str, int, float, bool, type(None)))


def _checked(shape: Table, text: str) -> list[Any]:
    """The rows of `text`; `ValueError` unless they are lists of the table's width holding
    plain values (a list of plain values counts as one)."""
    rows = json.loads(text)
    if type(rows) is not list:
        raise ValueError(f"{shape.name}: not a list of rows")
    # The types of every row and value gathered in C: an export reads back every claim's.
    if not {list}.issuperset(map(type, rows)) or not {len(shape.columns)}.issuperset(map(len, rows)):
        raise ValueError(f"{shape.name}: a row of another width")
    kinds = set(map(type, chain.from_iterable(rows)))
    if not _PLAIN.issuperset(kinds):  # a list of plain values is one too
        lists = [value for value in chain.from_iterable(rows) if type(value) is list]
        inner = map(type, chain.from_iterable(lists))
        if not _PLAIN.issuperset(kinds - {list}) or not _PLAIN.issuperset(inner):
            raise ValueError(f"{shape.name}: a value that is not plain")
    return rows


def claim_rows(corpus: Corpus, analysis: Analysis) -> ClaimRows:
    assertions = [_in_order(ASSERTIONS, row) for row in _assertion_rows(corpus, analysis)]
    relations = [_in_order(RELATIONS, row) for row in _relation_rows(analysis)]
    return ClaimRows(
        id=analysis.id,
        claim=_encode([_in_order(CLAIMS, _claim_row(analysis))]),
        assertions=_encode(assertions),
        relations=_encode(relations),
        assertion_count=len(assertions),
        relation_count=len(relations),
    )


def _encode(rows: Any) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Dataset:
    """The data of a root without errors: the registries and sources (`corpus`) and each
    claim's rows, by id. `analyses` holds every claim's comparison, by id, when the data was
    built in full (ClaimReview needs it); else it is empty."""

    corpus: Corpus
    claims: tuple[ClaimRows, ...]
    analyses: tuple[Analysis, ...] = ()

    @classmethod
    def of(cls, corpus: Corpus) -> Dataset:
        analyses = tuple(analyse(corpus, corpus.claims[cid]) for cid in sorted(corpus.claims))
        return cls(corpus, tuple(claim_rows(corpus, a) for a in analyses), analyses)


def tables(data: Dataset) -> list[Table]:
    """Every table, rows in a stable order (by id; assertions and relations by claim, then index)."""
    corpus, claims = data.corpus, data.claims
    rows: dict[str, Records] = {
        "outlets": lambda: (corpus.outlets[oid].model_dump(mode="json") for oid in sorted(corpus.outlets)),
        "actors": lambda: (corpus.actors[aid].model_dump(mode="json") for aid in sorted(corpus.actors)),
        "sources": lambda: (_source_row(corpus, sid) for sid in sorted(corpus.sources)),
    }
    kept = {name: _kept_rows(claims, name) for name in ("claims", "assertions", "relations")}
    counts = {
        "outlets": len(corpus.outlets),
        "actors": len(corpus.actors),
        "sources": len(corpus.sources),
        "claims": len(claims),
        "assertions": sum(c.assertion_count for c in claims),
        "relations": sum(c.relation_count for c in claims),
    }
    return [
        replace(shape, rows=kept.get(shape.name) or _rows(shape, rows[shape.name]), count=counts[shape.name])
        for shape in SHAPES
    ]


def _kept_rows(claims: Iterable[ClaimRows], table: str) -> Callable[[], Iterator[tuple[Any, ...]]]:
    return lambda: (row for c in claims for row in c.rows(table))


def _rows(
    shape: Table, make: Callable[[], Iterable[dict[str, Any]]]
) -> Callable[[], Iterator[tuple[Any, ...]]]:
    return lambda: (tuple(_in_order(shape, row)) for row in make())


def _in_order(shape: Table, row: dict[str, Any]) -> list[Any]:
    """A row by name, as a list in the table's column order; a missing or stray name is a bug."""
    if row.keys() != set(shape.header):
        raise AssertionError(f"{shape.name} row has {sorted(row)}, not the columns {shape.header}")
    return [row[name] for name in shape.header]


def assertion_id(claim_id: str, index: int) -> str:
    return f"{claim_id}/{index}"


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
        "title": claim.question,
    }


def _assertion_rows(corpus: Corpus, analysis: Analysis) -> Iterable[dict[str, Any]]:
    kind = analysis.claim.claim.kind
    for item in analysis.items:
        record = assertion_json(kind, item)  # the same values `show --format json` gives
        del record["published"]  # the source's; joined from `sources` when wanted
        speaker = corpus.actor_name(item.assertion.claimant) if item.assertion.claimant else None
        where = corpus.outlet_name(item.outlet) if item.outlet else item.assertion.source
        when = item.as_of.human() if item.as_of else "undated"
        value = humanize.item_value(analysis, item, corpus.actor_name, unit=True)
        title = f"{where}{f' ({speaker})' if speaker else ''}, {when}: {value}"
        yield (
            {"id": assertion_id(analysis.id, item.index), "claim_id": analysis.id, "index": item.index}
            | record
            | {
                "retracted": item.assertion.retracted,
                "accepted": [f"{code}: {why}" for code, why in sorted((item.assertion.accept or {}).items())],
                "notes": item.assertion.notes,
                "title": title,
            }
        )


def _relation_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = [
        {
            "claim_id": analysis.id,
            "a": p.a,
            "b": p.b,
            "relation": p.relation.value,
            "same_origin": p.same_origin,
            "a_assertion_id": assertion_id(analysis.id, p.a),
            "b_assertion_id": assertion_id(analysis.id, p.b),
        }
        for p in analysis.pairs
    ]
    return sorted(rows, key=lambda r: (r["a"], r["b"]))
