"""`show` on a warm cache: the claim's view comes back unchanged, from the claim's files and
what they cite alone, without importing the models; any change to one of those files, a
cited source appearing or going, or a damaged entry, builds it again."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from comparator import cache
from tests.conftest import analysed_by, run_reporting_imports, source

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = """\
question: How many people were killed?
kind: count
unit: people
assertions:
  - source: daily-1
    quote: "At least 16 people were killed"
    value: 16
    qualifier: at_least
  - source: herald-1
    quote: "more than 6,500 people"
    value: 6500
    qualifier: more_than
  - source: wire-1
    quote: "dozens died"
    value: 24
    qualifier: at_most
"""
WIRE = source("wire-1", "wire", "2021-01-02", "Officials said dozens died in the fighting.\n")


@pytest.fixture
def root(make_root: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    return make_root({"claims/war/deaths.yaml": CLAIM, "claims/war/other.yaml": CLAIM})


def show(run: Any, root: Path, *options: str, fmt: str = "text") -> str:
    result = run(*options, "--root", str(root), "show", "deaths", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out: str = result.stdout
    return out


def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids whose view is built (not read back) from now on."""
    from comparator import display

    return analysed_by(monkeypatch, display, "claim_view")


def test_a_warm_show_reads_the_view_back_in_every_format(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = {fmt: show(run, root, "--no-cache", fmt=fmt) for fmt in ("text", "markdown", "json")}
    show(run, root)
    calls = built(monkeypatch)
    assert {fmt: show(run, root, fmt=fmt) for fmt in cold} == cold
    assert calls == []
    assert json.loads(cold["json"])["verdict"] == "contested"


def test_a_warm_show_imports_neither_pydantic_nor_the_comparison(root: Path) -> None:
    cold = run_reporting_imports("--root", str(root), "show", "deaths")
    warm = run_reporting_imports("--root", str(root), "show", "deaths")
    assert "comparator.models" in cold.stderr
    assert warm.stderr.strip() == "loaded: []"
    assert warm.stdout == cold.stdout


@pytest.mark.parametrize(
    "change",
    [
        "claim",
        "cited source",
        "outlet registry",
        "actor registry removed",
        "cited source appears",
        "cited source goes",
        "cited source moves",
    ],
)
def test_any_change_to_what_the_view_was_built_from_builds_it_again(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    show(run, root)
    if change == "claim":
        path = root / "claims/war/deaths.yaml"
        path.write_text(CLAIM.replace("killed?", "killed in all?"))
    elif change == "cited source":
        path = root / "sources/daily/daily-1.md"
        path.write_text(path.read_text().replace("daily-1 title", "A new headline"))
    elif change == "outlet registry":
        path = root / "sources/outlets.yaml"
        path.write_text(path.read_text().replace("The Daily", "The Morning Daily"))
    elif change == "actor registry removed":
        (root / "sources/actors.yaml").unlink()
    elif change == "cited source appears":
        (root / "sources/wire").mkdir()
        (root / "sources/wire/wire-1.md").write_text(WIRE)
    elif change == "cited source goes":
        (root / "sources/herald/herald-1.md").unlink()
    else:
        (root / "sources/daily2").mkdir()
        (root / "sources/daily/daily-1.md").rename(root / "sources/daily2/daily-1.md")
    expected = show(run, root, "--no-cache", fmt="json")
    calls = built(monkeypatch)
    assert show(run, root, fmt="json") == expected
    assert calls == ["deaths"]
    assert show(run, root, fmt="json") == expected
    assert calls == ["deaths"]  # and kept again


def test_a_change_elsewhere_in_the_repository_keeps_the_view(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show(run, root)
    (root / "claims/war/other.yaml").write_text(CLAIM.replace("killed?", "wounded?"))
    (root / "sources/herald/herald-2.md").write_text(source("herald-2", "herald", "2022-01-01", "Text.\n"))
    calls = built(monkeypatch)
    show(run, root)
    assert calls == []


def test_a_damaged_or_foreign_view_entry_is_built_again(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = show(run, root)
    cache.close()
    database = root / cache.FOLDER / cache.DATABASE
    with sqlite3.connect(database) as conn:
        for key, value in conn.execute("SELECT key, value FROM entries").fetchall():
            stored = json.loads(value)
            if isinstance(stored["value"], dict) and "view" in stored["value"]:
                stored["value"]["view"]["verdict"] = "certain"  # not a verdict
                stored["value"]["view"]["assertions"][0]["number"] = "1"  # not a number
                conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    calls = built(monkeypatch)
    assert show(run, root) == expected
    assert calls == ["deaths"]


def test_a_claim_that_does_not_load_is_never_kept(run: Any, root: Path) -> None:
    (root / "claims/war/deaths.yaml").write_text(CLAIM.replace("kind: count", "kind: tally"))
    for _ in range(2):
        result = run("--root", str(root), "show", "deaths")
        assert result.exit_code == 1
        assert "claims/war/deaths.yaml:2:7: error schema" in result.stderr


def test_no_cache_keeps_no_view(run: Any, root: Path) -> None:
    show(run, root, "--no-cache")
    assert not (root / cache.FOLDER).exists()


def test_a_claim_changed_while_its_view_is_built_is_not_kept(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view of the text read must never be kept under the key of the text seen before."""
    from comparator import query

    path = root / "claims/war/deaths.yaml"
    original = query.find

    def meanwhile(at: Path, claim_id: str) -> Any:
        path.write_text(CLAIM.replace("killed?", "killed, meanwhile?"))
        return original(at, claim_id)

    monkeypatch.setattr(query, "find", meanwhile)
    show(run, root)
    monkeypatch.setattr(query, "find", original)
    path.write_text(CLAIM)
    assert show(run, root) == show(run, root, "--no-cache")


def test_a_source_removed_while_the_view_is_built_is_not_taken_for_absent(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comparator import display

    original = display.claim_view

    def meanwhile(c: Any, analysis: Any) -> Any:
        (root / "sources/daily/daily-1.md").unlink()
        return original(c, analysis)

    monkeypatch.setattr(display, "claim_view", meanwhile)
    show(run, root)
    monkeypatch.setattr(display, "claim_view", original)
    assert show(run, root, fmt="json") == show(run, root, "--no-cache", fmt="json")


def test_a_view_whose_parts_do_not_agree_is_built_again(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = show(run, root)
    cache.close()
    with sqlite3.connect(root / cache.FOLDER / cache.DATABASE) as conn:
        for key, value in conn.execute("SELECT key, value FROM entries").fetchall():
            stored = json.loads(value)
            if isinstance(stored["value"], dict) and "view" in stored["value"]:
                stored["value"]["view"]["assertions"][0]["sides"] = ["Z"]  # no side Z
                conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    calls = built(monkeypatch)
    assert show(run, root) == expected
    assert calls == ["deaths"]


def test_a_topic_folder_whose_name_is_not_utf8_is_passed_over(run: Any, root: Path) -> None:
    (root / "claims/war").rename(root / os.fsdecode(b"claims/w\xffr"))
    for _ in range(2):
        result = run("--root", str(root), "show", "deaths")
        assert result.exit_code == 1
        assert result.stderr.startswith("comparator: no claim deaths")
