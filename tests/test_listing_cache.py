"""`list` on a warm cache: each claim as a listing shows it is kept with the hash of every
file it was built from, read back while they are unchanged, and built again (alone) when one
changed; whatever the filters, order and format, the output is a cold run's, byte for byte."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from comparator import cache, hashes
from tests.conftest import analysed_by, run_reporting_imports, source

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = "claims/2020-war/armenian-control-duration.yaml"
ARTICLE = "sources/sindonews/sindonews-2021-11-24-putin-sochi.md"

QUERIES = [
    (),
    ("--sort", "verdict"),
    ("--sort", "origins"),
    ("--sort", "assertions"),
    ("--sort", "topic"),
    ("--topic", "casualties"),
    ("--verdict", "contested", "--sort", "topic"),
    ("--outlet", "sindonews"),
    ("--source", "sindonews-2021-11-24-putin-sochi"),
    ("--actor", "armenia"),
    ("--tag", "territory"),
    ("--search", "DEKADE"),
    ("--topic", "no-such-topic"),
    ("--actor", "armenai"),
]


@pytest.fixture
def root(bundled_root: Path) -> Path:
    return bundled_root


def listing(run: Any, root: Path, *args: str, cached: bool = True) -> tuple[int, str, str]:
    if not cached:
        cache.close()
    options = () if cached else ("--no-cache",)
    result = run(*options, "--root", str(root), "list", *args)
    return result.exit_code, result.stdout, result.stderr


def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids built for a listing (not read back) from now on."""
    from comparator import lookup

    return analysed_by(monkeypatch, lookup, "listed")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_warm_listing_is_a_cold_one_in_every_query_and_format(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    cold = [listing(run, root, *q, "--format", fmt, cached=False) for q in QUERIES]
    first = [listing(run, root, *q, "--format", fmt) for q in QUERIES]
    calls = built(monkeypatch)
    warm = [listing(run, root, *q, "--format", fmt) for q in QUERIES]
    assert calls == []
    assert first == warm == cold
    assert {code for code, _, _ in cold} == {0, 1}  # the queries choose, and two are typos
    assert len({out for _, out, _ in cold}) > 8


def test_a_warm_listing_imports_neither_pydantic_nor_the_comparison(root: Path) -> None:
    time.sleep(hashes.RACY_NS / 1e9 + 0.1)  # files older than the window are kept by status
    cold = run_reporting_imports("--root", str(root), "list", "--format", "json")
    warm = run_reporting_imports("--root", str(root), "list", "--format", "json")
    assert "comparator.models" in cold.stderr
    assert warm.stderr.endswith("loaded: []\n")
    assert warm.stdout == cold.stdout
    assert len(json.loads(warm.stdout)) > 40


def citing(root: Path, source_id: str) -> list[str]:
    return sorted(
        path.stem
        for path in (root / "claims").rglob("*.yaml")
        if f"source: {source_id}\n" in path.read_text()
    )


@pytest.mark.parametrize("change", ["claim", "article", "article goes", "actors", "unrelated article added"])
def test_a_change_builds_again_only_the_claims_it_touches(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    listing(run, root, "--format", "json")
    article_id = Path(ARTICLE).stem
    if change == "claim":
        path = root / CLAIM
        path.write_text(path.read_text().replace("value: 3\n", "value: 4\n"))
        expected = [Path(CLAIM).stem]
    elif change == "article":
        path = root / ARTICLE
        path.write_text(path.read_text().replace("beberapa dekade", "dua dekade"))
        expected = citing(root, article_id)
    elif change == "article goes":
        (root / ARTICLE).unlink()
        expected = citing(root, article_id)
    elif change == "actors":
        path = root / "sources/actors.yaml"
        path.write_text(path.read_text() + "- id: somebody-new\n  name: Somebody New\n")
        expected = sorted(p.stem for p in (root / "claims").rglob("*.yaml"))
    else:
        (root / "sources/sindonews/sindonews-2030-01-01-new.md").write_text(
            (root / ARTICLE).read_text().replace(article_id, "sindonews-2030-01-01-new")
        )
        expected = []
    assert len(expected) < 100
    calls = built(monkeypatch)
    warm = listing(run, root, "--format", "json")
    assert sorted(calls) == sorted(expected)
    assert warm == listing(run, root, "--format", "json", cached=False)
    calls.clear()
    listing(run, root, "--format", "json")
    assert calls == []  # and kept again


def test_a_claim_that_does_not_load_is_left_out_until_it_loads(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / CLAIM
    original = path.read_text()
    path.write_text(original.replace("kind: quantity", "kind: tally"))
    first = listing(run, root, "--format", "json")
    calls = built(monkeypatch)
    assert listing(run, root, "--format", "json") == first
    assert calls == []  # kept as not loading
    assert first == listing(run, root, "--format", "json", cached=False)
    calls.clear()
    assert Path(CLAIM).stem not in first[1]
    path.write_text(original)
    fixed = listing(run, root, "--format", "json")
    assert calls == [Path(CLAIM).stem]
    assert Path(CLAIM).stem in fixed[1]


def test_a_damaged_or_foreign_entry_is_built_again(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = listing(run, root, "--format", "json")
    cache.close()
    database = root / cache.FOLDER / cache.DATABASE
    damaged = 0
    with sqlite3.connect(database) as conn:
        for key, value in conn.execute("SELECT key, value FROM entries").fetchall():
            stored = json.loads(value)
            if isinstance(stored["value"], dict) and "listed" in stored["value"]:
                listed = stored["value"]["listed"]
                if damaged % 4 == 0:
                    listed["facets"]["verdict"] = "certain"  # not a verdict
                elif damaged % 4 == 1:
                    listed["facets"]["assertions"] = "4"  # not a number
                elif damaged % 4 == 2:
                    listed["record"] = "{"  # not the claim's record
                else:
                    stored["value"] = {"loaded": "no"}
                damaged += 1
                conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    calls = built(monkeypatch)
    assert listing(run, root, "--format", "json") == expected
    assert len(calls) == damaged > 40


def test_no_cache_keeps_nothing(run: Any, root: Path) -> None:
    listing(run, root, cached=False)
    assert not (root / cache.FOLDER).exists()


LONG = "a-claim-whose-id-is-long-" + "x" * 200
CITING = """\
question: How many people were killed?
kind: count
assertions:
  - source: {source}
    quote: "At least 16 people were killed"
    value: 16
    qualifier: at_least
"""


@pytest.mark.parametrize(
    "files",
    [
        {f"claims/war/{LONG}.yaml": CITING.format(source="daily-1")},
        {
            "claims/war/moved.yaml": CITING.format(source="moved-1"),
            "sources/herald/herald-9.md": source(
                "moved-1", "herald", "2021-01-01", "At least 16 people were killed.\n"
            ),
        },
    ],
    ids=["a claim id longer than a lookup takes", "an article whose file is named otherwise"],
)
def test_claims_and_articles_are_found_as_the_full_load_finds_them(
    run: Any, make_root: Any, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    root = make_root(files)
    for query in [("--format", "json"), ("--outlet", "herald"), ("--outlet", "daily")]:
        cold = listing(run, root, *query, cached=False)
        assert listing(run, root, *query) == listing(run, root, *query) == cold


def test_what_is_learnt_of_the_files_is_kept_though_no_claim_is_built(root: Path) -> None:
    """An article that no claim cites changes: no claim is built, but the ids of the articles
    are read again (which takes the models) once, and kept for the next run."""
    run_reporting_imports("--root", str(root), "list", "--format", "json")
    (root / "sources/sindonews/sindonews-2030-01-01-new.md").write_text(
        (root / ARTICLE).read_text().replace(Path(ARTICLE).stem, "sindonews-2030-01-01-new")
    )
    first = run_reporting_imports("--root", str(root), "list", "--format", "json")
    second = run_reporting_imports("--root", str(root), "list", "--format", "json")
    assert "comparator.models" in first.stderr
    assert second.stderr.endswith("loaded: []\n")
    assert second.stdout == first.stdout
