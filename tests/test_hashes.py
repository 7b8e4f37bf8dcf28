"""A warm `check` takes an unchanged file's hash from its status, as git's index does, and
reads nothing; any change to a file's content, kind or times, or a change too recent to
tell apart from the next, makes it read again, and the problems stay those of a cold run."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from comparator import cache, hashes
from comparator import root as root_mod
from tests.conftest import run_reporting_imports

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = """\
question: How many people were killed?
kind: count
assertions:
  - source: daily-1
    quote: "At least 16 people were killed"
    value: 16
    qualifier: at_least
"""
BROKEN = CLAIM.replace("value: 16", "value: 61")  # same size: the quote no longer says it


@pytest.fixture
def root(make_root: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    return make_root({"claims/war/deaths.yaml": CLAIM})


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from now on."""
    seen: list[str] = []
    original = root_mod.read_regular

    def counted(path: Path, limit: int, **kwargs: Any) -> bytes:
        seen.append(Path(path).name)
        return original(path, limit, **kwargs)

    monkeypatch.setattr(root_mod, "read_regular", counted)
    return seen


def problems(run: Any, root: Path) -> list[tuple[str, int, int, str]]:
    result = run("--root", str(root), "check", "--format", "json")
    return [(p["file"], p["line"], p["column"], p["code"]) for p in json.loads(result.stdout)["problems"]]


def test_a_warm_check_reads_no_file(
    run: Any, root: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hashes, "RACY_NS", 0)
    cold = problems(run, root)
    assert sorted(reads) == ["actors.yaml", "daily-1.md", "deaths.yaml", "herald-1.md", "outlets.yaml"]
    reads.clear()
    assert problems(run, root) == cold
    assert reads == []


def test_a_change_that_keeps_size_and_modification_time_is_still_seen(
    run: Any, root: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hashes, "RACY_NS", 0)
    assert problems(run, root) == []
    path = root / "claims/war/deaths.yaml"
    before = path.stat()
    path.write_text(BROKEN)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time moves all the same
    reads.clear()
    assert problems(run, root) == [("claims/war/deaths.yaml", 6, 12, "value-not-in-quote")]
    assert "deaths.yaml" in reads


def test_a_file_turned_into_a_link_is_not_trusted(
    run: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hashes, "RACY_NS", 0)
    assert problems(run, root) == []
    path = root / "claims/war/deaths.yaml"
    (root / "elsewhere.yaml").write_text(CLAIM)
    path.unlink()
    path.symlink_to(root / "elsewhere.yaml")
    assert problems(run, root) == problems(run, root) == problems(run, root)
    cache.close()
    cold = run("--no-cache", "--root", str(root), "check", "--format", "json")
    assert (
        json.loads(cold.stdout)["problems"]
        == json.loads(run("--root", str(root), "check", "--format", "json").stdout)["problems"]
    )


def test_a_file_changed_just_before_it_was_hashed_is_read_again(
    run: Any, root: Path, reads: list[str]
) -> None:
    problems(run, root)  # every file was written a moment ago: none is kept by its status
    reads.clear()
    problems(run, root)
    assert "deaths.yaml" in reads


def test_a_warm_check_imports_neither_pydantic_nor_the_models(root: Path) -> None:
    time.sleep(hashes.RACY_NS / 1e9 + 0.1)  # files older than the window are kept by status
    cold = run_reporting_imports("--root", str(root), "check")
    warm = run_reporting_imports("--root", str(root), "check")
    assert "comparator.models" in cold.stderr
    assert warm.stderr == "no problems in 5 files\nloaded: []\n"


def test_a_status_taken_within_the_window_is_not_kept(root: Path) -> None:
    """However long the run took after it, a status taken less than two seconds after the
    file's last change is not kept: a coarse clock could hide a change in the same tick."""
    store = cache.for_root(root)
    path = root / "claims/war/deaths.yaml"
    st = hashes.status(path)
    assert st is not None
    changed = max(st[3], st[4])
    rel = "claims/war/deaths.yaml"
    hashes.remember(root, store, {rel: st}, {rel: "digest"}, taken=changed + hashes.RACY_NS // 2)
    assert hashes.known(root, store, {rel: st}) == {}
    hashes.remember(root, store, {rel: st}, {rel: "digest"}, taken=changed + 2 * hashes.RACY_NS)
    assert hashes.known(root, store, {rel: st}) == {rel: "digest"}
