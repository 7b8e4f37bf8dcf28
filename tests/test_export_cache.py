"""`export` on a warm cache: each claim's rows are kept with the hash of every file they were
made from and read back while those are unchanged, so that an export of unchanged claims
builds no model; whatever the format, the files are a cold run's, byte for byte (a database,
row for row), and a kept entry that is not what this version writes is made again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator import cache
from comparator.exports import tables
from tests.conftest import analysed_by

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = "claims/2020-war/armenian-control-duration.yaml"


@pytest.fixture
def root(bundled_root: Path) -> Path:
    return bundled_root


def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids whose rows are made (not read back) from now on."""
    from comparator import export

    return analysed_by(monkeypatch, export, "claim_rows")


def exported(run: Any, root: Path, out: Path, fmt: str, cached: bool = True) -> dict[str, Any]:
    """What an export wrote: each file's text, or each table of a database."""
    if not cached:
        cache.close()
    options = () if cached else ("--no-cache",)
    result = run(*options, "--root", str(root), "export", "--format", fmt, "--force", str(out))
    assert result.exit_code == 0, result.stderr
    if fmt == "sqlite":
        with sqlite3.connect(out) as db:
            names = [n for (n,) in db.execute("SELECT name FROM sqlite_master ORDER BY name")]
            found: dict[str, Any] = {
                "schema": db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
            }
            for name in names:
                if name.startswith("idx_") or name.startswith("sqlite_"):
                    continue
                found[name] = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        db.close()
        return found
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "datapackage", "sqlite"])
def test_a_warm_export_is_a_cold_one(
    run: Any, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    out = tmp_path / ("x.db" if fmt == "sqlite" else "out")
    cold = exported(run, root, out, fmt, cached=False)
    first = exported(run, root, out, fmt)
    calls = made(monkeypatch)
    warm = exported(run, root, out, fmt)
    assert calls == []
    assert first == warm == cold
    assert len(cold) >= 6


def test_a_changed_claim_alone_is_made_again(
    run: Any, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    exported(run, root, out, "jsonl")
    path = root / CLAIM
    path.write_text(path.read_text().replace("value: 3\n", "value: 4\n"))
    calls = made(monkeypatch)
    warm = exported(run, root, out, "jsonl")
    assert calls == [Path(CLAIM).stem]
    assert warm == exported(run, root, out, "jsonl", cached=False)
    assert '"value":4,' in warm["assertions.jsonl"].replace(" ", "")


@pytest.mark.parametrize(
    "damage",
    [
        "a column too many",
        "a value that is not plain",
        "a wrong count",
        "another claim's row",
        "not JSON",
        "nested too deep",
    ],
)
def test_a_kept_entry_of_the_wrong_shape_is_made_again(
    run: Any, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    out = tmp_path / "x.db"
    expected = exported(run, root, out, "sqlite")
    cache.close()
    damaged = 0
    with sqlite3.connect(root / cache.FOLDER / cache.DATABASE) as conn:
        for key, value in conn.execute("SELECT key, value FROM entries").fetchall():
            stored = json.loads(value)
            rows = stored["value"].get("rows") if isinstance(stored["value"], dict) else None
            if rows is None:
                continue
            claim = json.loads(rows["claim"])[0]
            if damage == "a column too many":
                rows["claim"] = json.dumps([[*claim, 1]])
            elif damage == "a value that is not plain":
                rows["claim"] = json.dumps([[*claim[:-1], [{"a": 1}]]])
            elif damage == "a wrong count":
                rows["assertion_count"] += 1
            elif damage == "another claim's row":
                rows["claim"] = json.dumps([["someone-else", *claim[1:]]])
            elif damage == "not JSON":
                rows["relations"] = "[{"
            else:
                rows["relations"] = "[" * 100_000 + "]" * 100_000
            damaged += 1
            conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    calls = made(monkeypatch)
    assert exported(run, root, out, "sqlite") == expected
    assert len(calls) == damaged > 40


_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=2),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(width=st.integers(1, 3), data=st.data())
def test_kept_rows_are_checked_as_a_walk_of_every_value_would(width: int, data: st.DataObject) -> None:
    """`tables._checked` takes rows of the table's width holding plain values, or lists of
    them, and nothing else."""
    row = st.lists(_VALUE, min_size=width, max_size=width)  # mostly of the width, to reach the values
    rows = data.draw(st.lists(row | st.lists(_VALUE, max_size=4) | _VALUE, max_size=4))
    plain = (str, int, float, bool, type(None))

    def sound(row: Any) -> bool:
        return (
            type(row) is list
            and len(row) == width
            and all(type(v) in plain or (type(v) is list and all(type(x) in plain for x in v)) for v in row)
        )

    shape = tables.Table("t", tuple(tables.Column(f"c{i}") for i in range(width)), key=("c0",))
    text = json.dumps(rows)
    if all(sound(row) for row in rows):
        assert tables._checked(shape, text) == json.loads(text)
    else:
        with pytest.raises(ValueError):
            tables._checked(shape, text)
