"""A check after claims changed works out the problems of those claims alone, and gives
exactly what a cold check of the same tree gives; any other change is checked in full."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from comparator import cache, check, recheck

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = "claims/2020-war/armenian-control-duration.yaml"
SOURCE = "sources/sindonews/sindonews-2021-11-24-putin-sochi.md"
FIRST = "beritaturki-2020-11-03-lavrov-turki"
SECOND = "sindonews-2021-11-24-putin-sochi"

Edit = Callable[[str], str]

# Each edit of CLAIM, and whether the check may work out that claim alone.
EDITS: dict[str, tuple[Edit, bool]] = {
    "value no longer in the quote": (lambda t: t.replace("value: 3\n", "value: 4\n"), True),
    "quote not in the article": (lambda t: t.replace('"selama hampir', '"selama sekitar'), True),
    "accepted warning no longer accepted": (lambda t: t.split("    accept:\n")[0], True),
    "schema error, other assertion still checked": (
        lambda t: t.replace("qualifier: nearly", "qualifier: roughly").replace("value: 2\n", "value: 7\n"),
        True,
    ),
    "yaml syntax": (lambda t: t + "question: [unclosed\n", True),
    "emptied": (lambda t: "", True),
    "unknown claimant": (
        lambda t: t.replace("    qualifier: nearly\n", "    qualifier: nearly\n    claimant: nobody\n"),
        True,
    ),
    "cites another loaded article": (lambda t: t.replace(f"source: {FIRST}", f"source: {SECOND}"), True),
    "cites an unknown article": (
        lambda t: t.replace(f"source: {FIRST}", "source: beritaturki-2020-11-03"),
        False,
    ),
}


@pytest.fixture
def root(bundled_root: Path) -> Path:
    return bundled_root


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The roots checked in full from now on."""
    done: list[Path] = []
    original = check.of_files

    def counted(root: Path, *args: Any) -> recheck.Checked:
        done.append(root)
        return original(root, *args)

    monkeypatch.setattr(check, "of_files", counted)
    return done


def outcome(run: Any, root: Path, *options: str) -> tuple[int, Any, str]:
    result = run(*options, "--root", str(root), "check", "--format", "json")
    return result.exit_code, json.loads(result.stdout), result.stderr


def cold(run: Any, root: Path) -> tuple[int, Any, str]:
    cache.close()
    return outcome(run, root, "--no-cache")


def edit(root: Path, rel: str, change: Edit) -> None:
    path = root / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize("name", EDITS)
def test_a_changed_claim_is_checked_as_a_cold_run_would(
    run: Any, root: Path, full_checks: list[Path], name: str
) -> None:
    change, alone = EDITS[name]
    outcome(run, root)
    full_checks.clear()
    edit(root, CLAIM, change)
    warm = outcome(run, root)
    assert full_checks == ([] if alone else [root])
    assert warm == cold(run, root)


def test_the_edits_change_what_is_found(run: Any, root: Path) -> None:
    """Every edit above makes a difference, so that each case tests something."""
    baseline = cold(run, root)
    for name, (change, _) in EDITS.items():
        original = (root / CLAIM).read_text(encoding="utf-8")
        edit(root, CLAIM, change)
        assert cold(run, root) != baseline, name
        (root / CLAIM).write_text(original, encoding="utf-8")


def test_changes_in_a_row_and_back_again(run: Any, root: Path, full_checks: list[Path]) -> None:
    baseline = outcome(run, root)
    original = (root / CLAIM).read_text(encoding="utf-8")
    full_checks.clear()
    other = "claims/casualties/" + sorted(p.name for p in (root / "claims/casualties").iterdir())[0]
    steps: list[tuple[str, Edit]] = [
        (CLAIM, EDITS["quote not in the article"][0]),
        (CLAIM, EDITS["schema error, other assertion still checked"][0]),
        (other, lambda t: t.replace("quote: ", "quote: zz ", 1)),
        (CLAIM, EDITS["emptied"][0]),
    ]
    for rel, change in steps:
        edit(root, rel, change)
        warm = outcome(run, root)
        assert full_checks == []
        assert warm == cold(run, root)
        full_checks.clear()
    (root / CLAIM).write_text(original, encoding="utf-8")
    edit(root, other, lambda t: t.replace("quote: zz ", "quote: ", 1))
    assert outcome(run, root) == baseline


@pytest.mark.parametrize(
    "change",
    ["article edited", "claim added", "claim removed", "claim sharing its id with another"],
)
def test_other_changes_are_checked_in_full(
    run: Any, root: Path, full_checks: list[Path], change: str
) -> None:
    twin = root / "claims/history" / Path(CLAIM).name
    if change == "claim sharing its id with another":
        shutil.copy(root / CLAIM, twin)
    outcome(run, root)
    full_checks.clear()
    if change == "article edited":
        edit(root, SOURCE, lambda t: t.replace("beberapa dekade", "dua dekade"))
    elif change == "claim added":
        shutil.copy(root / CLAIM, root / "claims/history/new-claim.yaml")
        edit(root, "claims/history/new-claim.yaml", EDITS["quote not in the article"][0])
    elif change == "claim removed":
        (root / CLAIM).unlink()
    else:
        edit(root, CLAIM, EDITS["quote not in the article"][0])
    warm = outcome(run, root)
    assert full_checks == [root]
    assert warm == cold(run, root)


@pytest.mark.parametrize("damage", ["wrong shape", "a path with a NUL", "a path outside the tree"])
def test_a_damaged_last_check_is_not_trusted(
    run: Any, root: Path, full_checks: list[Path], damage: str
) -> None:
    outcome(run, root)
    store = cache.for_root(root)
    if damage == "wrong shape":
        store.put(recheck._key(root), {"seen": "nothing", "unread": [], "checked": []})
    else:
        last = store.get(recheck._key(root))
        sources = last["checked"][3]
        sources[FIRST] = "sources/x\u0000y.md" if damage == "a path with a NUL" else "/etc/hostname"
        store.put(recheck._key(root), last)
    store.flush()
    full_checks.clear()
    edit(root, CLAIM, EDITS["quote not in the article"][0])
    warm = outcome(run, root)
    assert full_checks == [root]
    assert warm == cold(run, root)
