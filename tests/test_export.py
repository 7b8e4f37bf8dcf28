"""`export`: tables read back with sqlite3, csv and json; refusals; nothing half-written."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import source

from comparator import atomic
from comparator import export as exporter

REPO = Path(__file__).resolve().parent.parent

# One contested claim (a dispute between two origins), one corroborated, one cumulative toll
# whose later figures supersede the earlier ones; daily-2 is wire copy (origin `wire`).
FILES = {
    "sources/daily/daily-2.md": source(
        "daily-2", "daily", "2020-10-01", "At least 100 people have died, the agency reported.\n", wire="wire"
    ),
    "claims/war/who-attacked-first.yaml": (
        "question: Who attacked first?\nkind: actor\nassertions:\n"
        "  - source: daily-1\n    quote: South attacked first\n    value: south\n    claimant: north-mod\n"
        "  - source: herald-1\n    quote: North attacked first\n    value: north\n    claimant: south\n"
    ),
    "claims/war/start-date.yaml": (
        "question: When did the fighting begin?\nkind: date\ntags: [dates]\nassertions:\n"
        "  - source: daily-1\n    quote: Fighting began on 27 September 2020\n    value: 2020-09-27\n"
        "  - source: herald-1\n    quote: 'It started on \"27 September 2020\"'\n    translation: the same date\n"
        "    value: 2020-09-27\n"
    ),
    "claims/casualties/death-toll.yaml": (
        "question: How many people were killed?\nkind: count\nunit: people\ncumulative: true\n"
        "tags: [casualties, toll]\nassertions:\n"
        "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 16\n    qualifier: at_least\n"
        "  - source: daily-2\n    quote: At least 100 people have died\n    value: 100\n    qualifier: at_least\n"
        "  - source: herald-1\n    quote: more than 6,500 people\n    value: 6500\n    qualifier: more_than\n"
        "    notes: a year later\n"
    ),
}

COUNTS = "outlets 3, actors 3, sources 3, claims 3, assertions 7, relations 5"

ASSERTIONS_HEADER = [
    "id",
    "claim_id",
    "index",
    "source",
    "outlet",
    "claimant",
    "origin",
    "value",
    "qualifier",
    "low",
    "high",
    "as_of",
    "quote",
    "translation",
    "status",
    "retracted",
    "accepted",
    "notes",
    "title",
]
CLAIMS_HEADER = [
    "id",
    "topic",
    "question",
    "kind",
    "unit",
    "cumulative",
    "tolerance",
    "tags",
    "verdict",
    "origins",
    "assertions",
    "contradictions",
    "consensus_low",
    "consensus_high",
    "consensus_value",
    "notes",
    "path",
    "title",
]
HEADERS = {
    "outlets": ["id", "name", "country", "language", "kind", "url", "notes"],
    "actors": ["id", "name", "part_of", "aliases", "notes"],
    "sources": [
        "id",
        "outlet",
        "title",
        "published",
        "published_inferred",
        "language",
        "url",
        "archive_url",
        "authors",
        "dateline",
        "wire",
        "wire_inferred",
        "derived_from",
        "origin",
        "path",
        "notes",
        "text",
    ],
    "claims": CLAIMS_HEADER,
    "assertions": ASSERTIONS_HEADER,
    "relations": ["claim_id", "a", "b", "relation", "same_origin", "a_assertion_id", "b_assertion_id"],
}


def _row(*values: str) -> dict[str, str]:
    return dict(zip(ASSERTIONS_HEADER, values, strict=False))


ASSERTION_ROWS = [
    _row(
        "death-toll/0",
        "death-toll",
        "0",
        "daily-1",
        "daily",
        "",
        "daily",
        "16",
        "at_least",
        "16",
        "",
        "2020-09-28",
        "At least 16 people were killed",
        "",
        "superseded",
        "",
        "[]",
        "",
        "The Daily, 28 Sep 2020: at least 16 people",
    ),
    _row(
        "death-toll/1",
        "death-toll",
        "1",
        "daily-2",
        "daily",
        "",
        "wire",
        "100",
        "at_least",
        "100",
        "",
        "2020-10-01",
        "At least 100 people have died",
        "",
        "superseded",
        "",
        "[]",
        "",
        "The Daily, 1 Oct 2020: at least 100 people",
    ),
    _row(
        "death-toll/2",
        "death-toll",
        "2",
        "herald-1",
        "herald",
        "",
        "herald",
        "6500",
        "more_than",
        "6501",
        "",
        "2021-11-24",
        "more than 6,500 people",
        "",
        "current",
        "",
        "[]",
        "a year later",
        "Herald, 24 Nov 2021: more than 6,500 people",
    ),
    _row(
        "start-date/0",
        "start-date",
        "0",
        "daily-1",
        "daily",
        "",
        "daily",
        "2020-09-27",
        "exact",
        "2020-09-27",
        "2020-09-27",
        "2020-09-28",
        "Fighting began on 27 September 2020",
        "",
        "current",
        "",
        "[]",
        "",
        "The Daily, 28 Sep 2020: 27 Sep 2020",
    ),
    _row(
        "start-date/1",
        "start-date",
        "1",
        "herald-1",
        "herald",
        "",
        "herald",
        "2020-09-27",
        "exact",
        "2020-09-27",
        "2020-09-27",
        "2021-11-24",
        'It started on "27 September 2020"',
        "the same date",
        "current",
        "",
        "[]",
        "",
        "Herald, 24 Nov 2021: 27 Sep 2020",
    ),
    _row(
        "who-attacked-first/0",
        "who-attacked-first",
        "0",
        "daily-1",
        "daily",
        "north-mod",
        "north",
        "south",
        "exact",
        "",
        "",
        "2020-09-28",
        "South attacked first",
        "",
        "current",
        "",
        "[]",
        "",
        "The Daily (North defence ministry), 28 Sep 2020: South",
    ),
    _row(
        "who-attacked-first/1",
        "who-attacked-first",
        "1",
        "herald-1",
        "herald",
        "south",
        "south",
        "north",
        "exact",
        "",
        "",
        "2021-11-24",
        "North attacked first",
        "",
        "current",
        "",
        "[]",
        "",
        "Herald (South), 24 Nov 2021: North",
    ),
]


@pytest.fixture
def root(make_root) -> Path:
    return make_root(FILES)


def export(run, root: Path, fmt: str, out: Path, *more: str):  # type: ignore[no-untyped-def]
    return run("--root", str(root), "export", "--format", fmt, str(out), *more)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


# --- SQLite -------------------------------------------------------------------------------------


@pytest.fixture
def db(run, root: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "corpus.db"
    out.parent.mkdir()
    result = export(run, root, "sqlite", out)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"wrote {out} (sqlite): {COUNTS}\n"
    assert [p.name for p in out.parent.iterdir()] == ["corpus.db"], "no temporary or journal file left"
    with closing(sqlite3.connect(out)) as connection:
        yield connection


def test_sqlite_contested_claims_by_outlet(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute(
        "SELECT a.outlet, COUNT(DISTINCT c.id) FROM claims c JOIN assertions a ON a.claim_id = c.id "
        "WHERE c.verdict = 'contested' GROUP BY a.outlet ORDER BY a.outlet"
    ).fetchall()
    assert rows == [("daily", 1), ("herald", 1)]


def test_sqlite_assertions_per_origin(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute("SELECT origin, COUNT(*) FROM assertions GROUP BY origin ORDER BY origin").fetchall()
    assert rows == [("daily", 2), ("herald", 2), ("north", 1), ("south", 1), ("wire", 1)]


def test_sqlite_claims_carry_verdict_consensus_and_origins(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute(
        "SELECT id, verdict, origins, assertions, contradictions, consensus_low, consensus_high, consensus_value, "
        "typeof(consensus_low) FROM claims ORDER BY id"
    ).fetchall()
    assert rows == [
        ("death-toll", "single-origin", 1, 3, 0, 6501, None, None, "integer"),
        ("start-date", "corroborated", 2, 2, 0, "2020-09-27", "2020-09-27", None, "text"),
        ("who-attacked-first", "contested", 2, 2, 1, None, None, None, "null"),
    ]


def test_sqlite_relations_join_their_assertions(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute(
        "SELECT r.claim_id, r.relation, r.same_origin, x.source, y.source FROM relations r "
        'JOIN assertions x ON x.claim_id = r.claim_id AND x."index" = r.a '
        'JOIN assertions y ON y.claim_id = r.claim_id AND y."index" = r.b ORDER BY r.claim_id, r.a, r.b'
    ).fetchall()
    assert rows == [
        ("death-toll", "supersede", 0, "daily-1", "daily-2"),
        ("death-toll", "supersede", 0, "daily-1", "herald-1"),
        ("death-toll", "supersede", 0, "daily-2", "herald-1"),
        ("start-date", "agree", 0, "daily-1", "herald-1"),
        ("who-attacked-first", "contradict", 0, "daily-1", "herald-1"),
    ]


def test_sqlite_keys_and_indexes(db) -> None:  # type: ignore[no-untyped-def]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    assert tables == list(HEADERS)
    for table, header in HEADERS.items():
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [c[1] for c in info] == header
    keys = {
        t: [c[1] for c in sorted(db.execute(f'PRAGMA table_info("{t}")'), key=lambda c: c[5]) if c[5]]
        for t in HEADERS
    }
    assert keys == {
        "outlets": ["id"],
        "actors": ["id"],
        "sources": ["id"],
        "claims": ["id"],
        "assertions": ["id"],
        "relations": ["claim_id", "a", "b"],
    }
    references = sorted(
        (t, fk[3], fk[2], fk[4]) for t in HEADERS for fk in db.execute(f'PRAGMA foreign_key_list("{t}")')
    )
    assert references == sorted(
        [
            ("actors", "part_of", "actors", "id"),
            ("sources", "outlet", "outlets", "id"),
            ("sources", "wire", "outlets", "id"),
            ("sources", "derived_from", "sources", "id"),
            ("assertions", "claim_id", "claims", "id"),
            ("assertions", "source", "sources", "id"),
            ("assertions", "outlet", "outlets", "id"),
            ("assertions", "claimant", "actors", "id"),
            ("relations", "claim_id", "claims", "id"),
            ("relations", "a_assertion_id", "assertions", "id"),
            ("relations", "b_assertion_id", "assertions", "id"),
        ]
    )
    indexed = {
        (t, i[2])
        for t in HEADERS
        for i in [
            (t, idx[1], db.execute(f'PRAGMA index_info("{idx[1]}")').fetchone()[2])
            for idx in db.execute(f'PRAGMA index_list("{t}")')
        ]
    }
    for wanted in [
        ("claims", "verdict"),
        ("claims", "topic"),
        ("sources", "outlet"),
        ("assertions", "outlet"),
        ("assertions", "origin"),
        ("assertions", "claimant"),
        ("assertions", "source"),
        ("relations", "relation"),
        ("relations", "a_assertion_id"),
        ("relations", "b_assertion_id"),
        ("assertions", "claim_id"),
    ]:
        assert wanted in indexed


def test_sqlite_enforces_its_keys(db) -> None:  # type: ignore[no-untyped-def]
    db.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO relations VALUES ('death-toll', 0, 9, 'agree', 0, 'death-toll/0', 'death-toll/9')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO assertions (id, claim_id, \"index\", source) VALUES ('x', 'death-toll', 0, 'daily-1')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO claims (id) VALUES ('death-toll')")


def test_sqlite_values_keep_their_types(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute(
        'SELECT claim_id, typeof(value), typeof(low), typeof(high) FROM assertions WHERE "index" = 0 ORDER BY claim_id'
    ).fetchall()
    assert rows == [
        ("death-toll", "integer", "integer", "null"),
        ("start-date", "text", "text", "text"),
        ("who-attacked-first", "text", "null", "null"),
    ]
    assert db.execute("SELECT tags, cumulative FROM claims WHERE id = 'death-toll'").fetchone() == (
        '["casualties", "toll"]',
        1,
    )
    assert db.execute(
        "SELECT value FROM json_each((SELECT tags FROM claims WHERE id = 'death-toll')) ORDER BY value"
    ).fetchall() == [("casualties",), ("toll",)]
    assert db.execute("SELECT id, wire, origin, published FROM sources ORDER BY id").fetchall() == [
        ("daily-1", None, "daily", "2020-09-28"),
        ("daily-2", "wire", "wire", "2020-10-01"),
        ("herald-1", None, "herald", "2021-11-24"),
    ]


# --- CSV and JSON Lines -------------------------------------------------------------------------


def test_csv_tables_read_back(run, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = export(run, root, "csv", out)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {out}/ (csv): {COUNTS}\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in HEADERS)
    for table, header in HEADERS.items():
        assert read_csv(out / f"{table}.csv")[0] == header, table
    assert read_csv(out / "assertions.csv")[1] == ASSERTION_ROWS
    claims = {row["id"]: row for row in read_csv(out / "claims.csv")[1]}
    assert claims["death-toll"] == {
        "id": "death-toll",
        "topic": "casualties",
        "question": "How many people were killed?",
        "kind": "count",
        "unit": "people",
        "cumulative": "true",
        "tolerance": "0.1",
        "tags": '["casualties", "toll"]',
        "verdict": "single-origin",
        "origins": "1",
        "assertions": "3",
        "contradictions": "0",
        "consensus_low": "6501",
        "consensus_high": "",
        "consensus_value": "",
        "notes": "",
        "path": "claims/casualties/death-toll.yaml",
        "title": "How many people were killed?",
    }
    assert [(r["id"], r["verdict"]) for r in claims.values()] == [
        ("death-toll", "single-origin"),
        ("start-date", "corroborated"),
        ("who-attacked-first", "contested"),
    ]
    relations = read_csv(out / "relations.csv")[1]
    assert relations[-1] == {
        "claim_id": "who-attacked-first",
        "a": "0",
        "b": "1",
        "relation": "contradict",
        "same_origin": "false",
        "a_assertion_id": "who-attacked-first/0",
        "b_assertion_id": "who-attacked-first/1",
    }
    actors = {r["id"]: r for r in read_csv(out / "actors.csv")[1]}
    assert actors["north-mod"] == {
        "id": "north-mod",
        "name": "North defence ministry",
        "part_of": "north",
        "aliases": "[]",
        "notes": "",
    }
    sources = {r["id"]: r for r in read_csv(out / "sources.csv")[1]}
    assert sources["daily-2"]["text"] == "At least 100 people have died, the agency reported.\n"
    assert sources["daily-2"]["path"] == "sources/daily/daily-2.md"


def test_jsonl_tables_read_back(run, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "jsonl"
    result = export(run, root, "jsonl", out)
    assert (result.exit_code, result.stderr) == (0, f"wrote {out}/ (jsonl): {COUNTS}\n")
    lines = {t: (out / f"{t}.jsonl").read_text("utf-8").splitlines() for t in HEADERS}
    assert {t: len(v) for t, v in lines.items()} == {
        "outlets": 3,
        "actors": 3,
        "sources": 3,
        "claims": 3,
        "assertions": 7,
        "relations": 5,
    }
    for table, header in HEADERS.items():
        assert all(list(json.loads(line)) == header for line in lines[table]), table
    assert json.loads(lines["claims"][0]) == {
        "id": "death-toll",
        "topic": "casualties",
        "question": "How many people were killed?",
        "kind": "count",
        "unit": "people",
        "cumulative": True,
        "tolerance": 0.1,
        "tags": ["casualties", "toll"],
        "verdict": "single-origin",
        "origins": 1,
        "assertions": 3,
        "contradictions": 0,
        "consensus_low": 6501,
        "consensus_high": None,
        "consensus_value": None,
        "notes": None,
        "path": "claims/casualties/death-toll.yaml",
        "title": "How many people were killed?",
    }
    assert lines["relations"][0] == (
        '{"claim_id": "death-toll", "a": 0, "b": 1, "relation": "supersede", "same_origin": false,'
        ' "a_assertion_id": "death-toll/0", "b_assertion_id": "death-toll/1"}'
    )
    assert json.loads(lines["assertions"][4])["quote"] == 'It started on "27 September 2020"'


def test_jsonl_matches_show_json(run, root: Path, tmp_path: Path) -> None:
    """The export and `show --format json` say the same about each assertion."""
    out = tmp_path / "jsonl"
    assert export(run, root, "jsonl", out).exit_code == 0
    shown = json.loads(run("--root", str(root), "show", "death-toll", "--format", "json").stdout)
    exported = [json.loads(line) for line in (out / "assertions.jsonl").read_text().splitlines()]
    keys = [
        "source",
        "outlet",
        "claimant",
        "origin",
        "value",
        "qualifier",
        "low",
        "high",
        "as_of",
        "quote",
        "translation",
    ]
    assert [{k: a[k] for k in keys} for a in shown["assertions"]] == [
        {k: a[k] for k in keys} for a in exported if a["claim_id"] == "death-toll"
    ]


def test_between_values_and_empty_corpus(run, make_root, tmp_path: Path) -> None:
    root = make_root(
        {
            "claims/war/range.yaml": (
                "question: How many?\nkind: count\nassertions:\n"
                "  - source: daily-1\n    quote: At least 16\n    value: [16, 20]\n    qualifier: between\n"
            ),
        }
    )
    out = tmp_path / "csv"
    assert export(run, root, "csv", out).exit_code == 0
    row = read_csv(out / "assertions.csv")[1][0]
    assert (row["value"], row["low"], row["high"]) == ("[16, 20]", "16", "20")

    (root / "claims/war/range.yaml").unlink()
    out2 = tmp_path / "empty"
    assert export(run, root, "csv", out2).exit_code == 0
    assert (out2 / "claims.csv").read_text() == ",".join(CLAIMS_HEADER) + "\n"


# --- refusals -----------------------------------------------------------------------------------


def test_refuses_to_overwrite_a_database(run, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.db"
    out.write_bytes(b"precious")
    refused = export(run, root, "sqlite", out)
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == f"comparator: {out} exists; give --force to replace it\n"
    assert out.read_bytes() == b"precious"
    forced = export(run, root, "sqlite", out, "--force")
    assert forced.exit_code == 0
    with closing(sqlite3.connect(out)) as db:
        assert db.execute("SELECT COUNT(*) FROM claims").fetchone() == (3,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.db", "data"]


def test_refuses_to_overwrite_tables_but_keeps_other_files(run, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    out.mkdir()
    (out / "README.txt").write_text("mine\n")
    (out / "claims.csv").write_text("old\n")
    refused = export(run, root, "csv", out)
    assert refused.exit_code == 1
    assert refused.stderr == f"comparator: {out} already holds claims.csv; give --force to replace them\n"
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "claims.csv"]
    assert (out / "claims.csv").read_text() == "old\n"
    forced = export(run, root, "csv", out, "--force")
    assert forced.exit_code == 0
    assert (out / "README.txt").read_text() == "mine\n"
    assert read_csv(out / "claims.csv")[0] == CLAIMS_HEADER
    assert len(list(out.iterdir())) == 7


@pytest.mark.parametrize(
    "fmt, make, message",
    [
        (
            "sqlite",
            lambda t: t / "missing" / "corpus.db",
            "cannot write {out}: the folder {parent} does not exist",
        ),
        ("csv", lambda t: t / "missing" / "csv", "cannot write {out}: the folder {parent} does not exist"),
        (
            "csv",
            lambda t: t / "file.txt",
            "{out} is a file; a csv export writes one file per table into a folder",
        ),
        (
            "jsonl",
            lambda t: t / "file.txt",
            "{out} is a file; a jsonl export writes one file per table into a folder",
        ),
        ("sqlite", lambda t: t, "{out} is a folder; a sqlite export is one file, e.g. {out}/comparator.db"),
    ],
)
def test_bad_out_path(run, root: Path, tmp_path: Path, fmt: str, make, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "file.txt").write_text("x\n")
    out = make(tmp_path)
    result = export(run, root, fmt, out)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "comparator: " + message.format(out=out, parent=out.parent) + "\n"
    assert not (tmp_path / "missing").exists()
    assert (tmp_path / "file.txt").read_text() == "x\n"


def test_unwritable_folder_is_a_clear_error(run, root: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if _writable(locked):
            pytest.skip("running with privileges that ignore folder permissions")
        result = export(run, root, "csv", locked / "csv")
        assert result.exit_code == 1
        assert result.stderr == f"comparator: cannot write {locked / 'csv'}: Permission denied\n"
    finally:
        locked.chmod(0o700)


def _writable(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_data_with_errors_is_not_exported(run, make_root, tmp_path: Path) -> None:
    root = make_root(
        {
            "claims/war/bad.yaml": (
                "question: Q?\nkind: count\nassertions:\n  - source: nowhere\n    quote: q\n    value: 1\n"
            ),
        }
    )
    out = tmp_path / "corpus.db"
    result = export(run, root, "sqlite", out)
    assert (result.exit_code, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert lines[0].startswith("claims/war/bad.yaml:4:")
    assert "unknown-source" in lines[0]
    assert lines[-1] == "comparator: 1 error in the data; nothing exported (see `comparator check`)"
    assert not out.exists()


def test_format_is_required(run, root: Path, tmp_path: Path) -> None:
    result = run("--root", str(root), "export", str(tmp_path / "x"))
    assert result.exit_code == 2 and "Missing option '--format'" in result.stderr


# --- atomic writing -----------------------------------------------------------------------------


def test_a_failure_half_way_replaces_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("old a\n")

    def broken(path: Path) -> None:
        path.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        exporter.place({first: atomic.text_writer("new a\n"), second: broken}, force=True)
    assert first.read_text() == "old a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_a_failed_export_leaves_no_new_folder(monkeypatch, run, root: Path, tmp_path: Path) -> None:
    def broken(table, out):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter.writers, "write_jsonl", broken)
    out = tmp_path / "jsonl"
    result = export(run, root, "jsonl", out)
    assert (result.exit_code, result.stderr) == (
        1,
        f"comparator: cannot write {out}: No space left on device\n",
    )
    assert not out.exists()


# --- the bundled corpus -------------------------------------------------------------------------


@pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="no bundled corpus")
def test_bundled_corpus_exports(run, tmp_path: Path) -> None:
    out = tmp_path / "bundled.db"
    result = run("--root", str(REPO), "export", "--format", "sqlite", str(out))
    assert result.exit_code == 0, result.stderr
    listed = json.loads(run("--root", str(REPO), "list", "--format", "json").stdout)
    with closing(sqlite3.connect(out)) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT id, verdict FROM claims ORDER BY id").fetchall() == sorted(
            (c["id"], c["verdict"]) for c in listed
        )
        assert db.execute("SELECT COUNT(*) FROM assertions").fetchone() == (
            sum(len(c["assertions"]) for c in listed),
        )
        assert db.execute("SELECT COUNT(*) FROM relations").fetchone() == (
            sum(len(c["relations"]) for c in listed),
        )


@pytest.mark.parametrize("target", ["", "claims/war", "sources/x.db", "/dev/null"])
def test_generated_files_never_go_among_the_data_or_over_devices(make_root, run, target):  # type: ignore[no-untyped-def]
    root = make_root()
    out = target if target in ("", "/dev/null") else str(root / target)
    result = run("--root", str(root), "export", "--format", "sqlite", out, "--force")
    assert result.exit_code == 1 and result.stdout == ""
    assert Path("/dev/null").is_char_device()


def test_a_retraction_and_accepted_warnings_are_exported(run, make_root, tmp_path) -> None:  # type: ignore[no-untyped-def]
    claim = (
        "question: How many people were killed?\nkind: count\nunit: people\nassertions:\n"
        "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 17\n"
        "    qualifier: at_least\n    retracted: the outlet corrected it the next day\n"
        "    accept:\n      value-not-in-quote: 17 counts a death reported later in the article\n"
        "  - source: herald-1\n    quote: killed more than 6,500 people\n    value: 6500\n"
        "    qualifier: more_than\n"
    )
    root = make_root({"claims/t/toll.yaml": claim})
    out = tmp_path / "out"
    assert run("--root", str(root), "export", "--format", "jsonl", str(out)).exit_code == 0
    rows = [json.loads(line) for line in (out / "assertions.jsonl").read_text().splitlines()]
    first = next(r for r in rows if r["index"] == 0)
    assert first["status"] == "retracted"
    assert first["retracted"] == "the outlet corrected it the next day"
    assert first["accepted"] == ["value-not-in-quote: 17 counts a death reported later in the article"]
