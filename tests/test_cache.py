"""The cache of parsed and checked files: a warm run reads nothing again, and a cache that is
corrupt, stale, shared, unwritable or pointed out of the root never changes what is found."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from comparator import cache, corpus, recheck, yamlmarks
from comparator.check import check

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = """\
question: How many people were killed?
kind: count
assertions:
  - source: daily-1
    quote: "At least 16 people were killed"
    value: 16
    qualifier: at_least
    claimant: nobody
  - source: herald-1
    quote: "more than 6,500 people"
    value: many
"""
OTHER = """\
question: When did the fighting begin?
kind: date
assertions:
  - source: daily-1
    quote: "Fighting began on 27 September 2020"
    value: 2020-09-27
"""
# What a cold run finds in the root above: exact places, so that a cache giving anything
# else back (a stale entry, a position worked out from the wrong text) fails.
EXPECTED = [
    ("claims/war/deaths.yaml", 8, 15, "unknown-actor"),
    ("claims/war/deaths.yaml", 11, 12, "schema"),
]


@pytest.fixture
def root(make_root: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    return make_root({"claims/war/deaths.yaml": CLAIM, "claims/war/began.yaml": OTHER})


def found(run: Any, root: Path, *options: str, env: dict[str, str] | None = None) -> tuple[int, list[Any]]:
    result = run(*options, "--root", str(root), "check", "--format", "json", env=env)
    problems = json.loads(result.stdout)["problems"]
    return result.exit_code, [(p["file"], p["line"], p["column"], p["code"]) for p in problems]


def database(root: Path) -> Path:
    return root / cache.FOLDER / cache.DATABASE


def test_a_cold_run_fills_the_cache_and_a_warm_one_parses_nothing(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found(run, root) == (1, EXPECTED)
    assert database(root).is_file()
    assert (root / cache.FOLDER / ".gitignore").read_text() == "*\n"
    reads: list[str] = []
    original = yamlmarks._read

    def counted(text: str, line_offset: int, marks: Any) -> Any:
        reads.append(text)
        return original(text, line_offset, marks)

    monkeypatch.setattr(yamlmarks, "_read", counted)
    corpus._parse_claim.cache_clear()
    corpus._parse_source.cache_clear()
    assert found(run, root) == (1, EXPECTED)
    assert reads == []
    # A command that needs the models rebuilds them from the cache: only the two registries
    # (two small files) are read, and no claim or article.
    loaded = corpus.load(root)
    assert sorted(loaded.claims) == ["began"] and len(reads) == 2


def test_one_changed_file_is_read_again_and_the_rest_come_from_the_cache(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found(run, root) == (1, EXPECTED)
    (root / "claims/war/began.yaml").write_text(OTHER.replace("begin?", "start?"))
    reads: list[str] = []
    original = yamlmarks._read
    monkeypatch.setattr(yamlmarks, "_read", lambda t, o, m: reads.append(t) or original(t, o, m))
    corpus._parse_claim.cache_clear()
    assert found(run, root) == (1, EXPECTED)
    # The changed claim alone, once (it has no problem, so its marks are never worked out).
    assert [t for t in reads if t.startswith("question")] == [OTHER.replace("begin?", "start?")]


def test_no_cache_neither_reads_nor_writes_it(run: Any, root: Path) -> None:
    assert found(run, root, "--no-cache") == (1, EXPECTED)
    assert not (root / cache.FOLDER).exists()


def test_a_corrupt_cache_is_rebuilt(run: Any, root: Path) -> None:
    assert found(run, root) == (1, EXPECTED)
    cache.close()  # as when the run ends
    for name in os.listdir(root / cache.FOLDER):
        if name.startswith(cache.DATABASE):
            (root / cache.FOLDER / name).unlink()
    database(root).write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)  # a truncated, garbled file
    assert found(run, root) == (1, EXPECTED)
    cache.close()
    with sqlite3.connect(database(root)) as conn:  # rebuilt: a database again, and filled
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] > 0


def _tamper(root: Path, sql: str, *args: Any) -> None:
    """Change the stored cache as another process could, and forget what this one parsed."""
    cache.close()
    corpus._parse_claim.cache_clear()
    corpus._parse_source.cache_clear()
    conn = sqlite3.connect(database(root))
    with conn:
        conn.execute(sql, args)
    conn.close()


def _wrong() -> str:
    return json.dumps(cache.dump_problems([]))


def test_a_cache_of_another_schema_is_not_trusted(run: Any, root: Path) -> None:
    assert found(run, root) == (1, EXPECTED)
    # Every entry says "no problems", under keys this version would ask for; but the
    # database says another schema wrote it, so none of it is read.
    _tamper(
        root,
        "UPDATE entries SET value = json_set(value, '$.value', json(?))",
        json.dumps([[], [], []]),
    )
    _tamper(root, f"PRAGMA user_version={cache.SCHEMA + 1}")
    assert found(run, root) == (1, EXPECTED)


def test_an_entry_that_does_not_match_its_key_is_dropped(run: Any, root: Path) -> None:
    assert found(run, root) == (1, EXPECTED)
    _tamper(
        root,
        "UPDATE entries SET value = json_set(value, '$.key', 'another', '$.value', json(?))",
        "[[], [], []]",
    )
    assert found(run, root) == (1, EXPECTED)
    cache.close()
    with sqlite3.connect(database(root)) as conn:
        assert conn.execute("SELECT count(*) FROM entries WHERE value LIKE '%\"another\"%'").fetchone() == (
            0,
        )


def test_an_entry_of_the_wrong_shape_is_worked_out_again(run: Any, root: Path) -> None:
    assert found(run, root) == (1, EXPECTED)
    _tamper(
        root, "UPDATE entries SET value = json_set(value, '$.value', json(?))", '{"data": 5, "problems": [1]}'
    )
    assert found(run, root) == (1, EXPECTED)


def test_a_cache_that_cannot_be_written_is_passed_over(run: Any, root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    # No folder can be made under a file: as on a read-only file system, nothing is written.
    assert found(run, root, env={cache.CACHE_ENV: str(blocker / "cache")}) == (1, EXPECTED)
    assert not (root / cache.FOLDER).exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_cache_folder_is_read_but_not_written(run: Any, root: Path) -> None:
    assert found(run, root) == (1, EXPECTED)
    cache.close()
    folder = root / cache.FOLDER
    (root / "claims/war/began.yaml").write_text(OTHER.replace("begin?", "start?"))
    folder.chmod(0o555)
    try:
        assert found(run, root) == (1, EXPECTED)
    finally:
        folder.chmod(0o755)


def test_a_cache_folder_linked_out_of_the_root_is_refused(run: Any, root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / cache.FOLDER).symlink_to(elsewhere)
    assert cache.location(root) is None
    assert found(run, root) == (1, EXPECTED)
    assert list(elsewhere.iterdir()) == []


def test_the_cache_location_can_be_chosen(run: Any, root: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    assert found(run, root, env={cache.CACHE_ENV: str(chosen)}) == (1, EXPECTED)
    assert (chosen / cache.DATABASE).is_file() and not (root / cache.FOLDER).exists()


def test_two_checks_at_once_find_the_same(root: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    env.pop(cache.CACHE_ENV, None)
    args = [sys.executable, "-m", "comparator", "--root", str(root), "check", "--format", "json"]
    runs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [(p.wait(timeout=120), p.communicate()[0]) for p in runs]
    cold = subprocess.run([*args[:3], "--no-cache", *args[3:]], env=env, capture_output=True, check=False)
    for code, out in [*outputs, (cold.returncode, cold.stdout)]:
        problems = json.loads(out)["problems"]
        assert (code, [(p["file"], p["line"], p["column"], p["code"]) for p in problems]) == (1, EXPECTED)


def test_check_reads_the_cache_it_filled(root: Path) -> None:
    """The core alone (no command line): the same problems twice, the second from the cache."""
    first = check(root)
    assert database(root).is_file()
    second = check(root)
    assert (second.problems, second.counts) == (first.problems, first.counts)


def test_a_cache_opened_empty_reads_what_it_stored_and_what_another_run_stored(tmp_path: Path) -> None:
    """A first run asks an empty cache nothing; once it has stored its entries, or opens
    entries another run stored, it reads them."""
    folder = tmp_path / "cache"
    first = cache.Cache(cache._connect(folder))
    assert first.get("k1") is None
    first.put("k1", [1])
    first.flush()
    assert first.get("k1") == [1]
    second = cache.Cache(cache._connect(folder))
    assert second.get("k1") == [1]
    first.close()
    second.close()


def test_many_keys_are_read_in_order_a_batch_at_a_time(tmp_path: Path) -> None:
    """`get_many` gives what `get` gives of each key, in order, across batches, from what is
    stored and what is pending; an entry holding another key is dropped."""
    folder = tmp_path / "cache"
    store = cache.Cache(cache._connect(folder))
    keys = [f"k{i}" for i in range(cache._BATCH * 2 + 7)]
    for i, entry_key in enumerate(keys[::2]):
        store.put(entry_key, [i])
    store.flush()
    store.put("pending", "not yet stored")
    store.close()
    conn = sqlite3.connect(folder / cache.DATABASE)
    with conn:
        conn.execute(
            "UPDATE entries SET value = ? WHERE key = 'k4'", (json.dumps({"key": "k0", "value": 1}),)
        )
    conn.close()
    store = cache.Cache(cache._connect(folder))
    store.put("pending", "not yet stored")
    asked = ["pending", *reversed(keys)]
    stored = {k: [i // 2] for i, k in enumerate(keys) if i % 2 == 0 and k != "k4"}
    expected = [("pending", "not yet stored"), *((k, stored.get(k)) for k in reversed(keys))]
    assert list(store.get_many(asked)) == expected
    assert store.get("k2") == [1] and store.get("k4") is None and store.get("pending") == "not yet stored"
    store.close()


def test_marks_are_worked_out_only_when_asked_for() -> None:
    text = "a: 1\nb:\n  - x\n  - {c: 2}\n"
    data, marks = yamlmarks.load(text, line_offset=3)
    assert data == {"a": 1, "b": ["x", {"c": 2}]}
    assert marks._values == {} and marks._keys == {}  # nothing worked out yet
    assert marks.at(("b", 1, "c")) == (7, 9)
    assert marks.at(("b", 1, "c"), key=True) == (7, 6)
    assert marks.at(("b", 0)) == (6, 5)
    assert marks.at(("nowhere",)) == (4, 1)  # the nearest ancestor: the document


def test_a_cache_folder_that_came_with_the_data_is_never_read(run: Any, root: Path) -> None:
    """A pull request can commit `.comparator-cache/` with entries saying that broken data is
    sound (keys are hashes of content anyone can compute). Without the token this user's runs
    keep, the database is removed unread and the run is a cold one."""
    assert found(run, root) == (1, EXPECTED)
    cache.close()
    with sqlite3.connect(database(root)) as conn:
        rows = conn.execute("SELECT key, value FROM entries").fetchall()
        for key, value in rows:
            stored = json.loads(value)
            if recheck.Checked.load(stored["value"]) is not None:  # a check's result
                stored["value"][0] = []  # "no problems"
                conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    assert found(run, root)[1] == []  # the poisoned entry is read: this user wrote the cache
    cache.close()
    owner = root / cache.FOLDER / cache.OWNER
    owner.write_text("a token from elsewhere\n")
    assert found(run, root) == (1, EXPECTED)
    assert owner.read_text() != "a token from elsewhere\n"
    cache.close()
    assert found(run, root) == (1, EXPECTED)  # and the fresh cache is this user's again
