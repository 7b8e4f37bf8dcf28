"""`diff` of two revisions that differ only in claim files compares those claims alone, and
gives exactly what comparing the whole of both revisions gives; any other change is compared
whole. Each revision's check is kept, and worked out from the other side's when it is known."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import analysed_by
from test_gitrev import Repo

from comparator import cache, recheck
from comparator.review import diff as diff_module
from comparator.review import revisions

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.usefixtures("fresh_process"),
]

CLAIM = "claims/2020-war/armenian-control-duration.yaml"
OTHER = "claims/ceasefire/november-2020-ceasefire-date.yaml"
SOURCE = "sources/sindonews/sindonews-2021-11-24-putin-sochi.md"
FIRST = "beritaturki-2020-11-03-lavrov-turki"
SECOND = "sindonews-2021-11-24-putin-sochi"

Files = Callable[[Path], dict[str, str | None]]


def edited(rel: str, change: Callable[[str], str]) -> Files:
    return lambda root: {rel: change((root / rel).read_text(encoding="utf-8"))}


# Each change from the base revision, and whether it differs from it in claim files only.
CHANGES: dict[str, tuple[Files, bool]] = {
    "a value changed": (edited(CLAIM, lambda t: t.replace("value: 3\n", "value: 4\n")), True),
    "a quote no longer in its article": (
        edited(CLAIM, lambda t: t.replace('"selama hampir', '"selama sekitar')),
        True,
    ),
    "an accepted warning no longer accepted": (edited(CLAIM, lambda t: t.split("    accept:\n")[0]), True),
    "a YAML error": (edited(CLAIM, lambda t: t + "question: [unclosed\n"), True),
    "cites another article": (
        edited(CLAIM, lambda t: t.replace(f"source: {FIRST}", f"source: {SECOND}")),
        True,
    ),
    "cites an unknown article": (
        edited(CLAIM, lambda t: t.replace(f"source: {FIRST}", "source: beritaturki-2020-11-03")),
        True,
    ),
    "a claim added": (
        lambda root: {"claims/2020-war/copied.yaml": (root / CLAIM).read_text(encoding="utf-8")},
        True,
    ),
    "a claim removed": (lambda root: {OTHER: None}, True),
    "a claim moved to another topic": (
        lambda root: {CLAIM: None, "claims/moved/armenian-control-duration.yaml": (root / CLAIM).read_text()},
        True,
    ),
    "two claims changed": (
        lambda root: {
            **edited(CLAIM, lambda t: t.replace("value: 3\n", "value: 4\n"))(root),
            **edited(OTHER, lambda t: t.replace("question:", "question: Really,"))(root),
        },
        True,
    ),
    "an article's text changed": (edited(SOURCE, lambda t: t.replace("Putin", "Vladimir Putin", 1)), False),
    "a claim shares its id with another": (
        lambda root: {"claims/other-topic/armenian-control-duration.yaml": (root / OTHER).read_text()},
        False,
    ),
}


@pytest.fixture
def repo(bundled_root: Path) -> Repo:
    repo = Repo(bundled_root)
    (bundled_root / ".gitignore").write_text(".comparator-cache/\n")
    repo.commit("base")
    return repo


def output(run: Any, root: Path, *args: str, options: tuple[str, ...] = ()) -> tuple[int, Any]:
    result = run(*options, "--root", str(root), "diff", *args, "--format", "json")
    assert result.stdout, result.stderr
    return result.exit_code, json.loads(result.stdout)


def whole(run: Any, root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, Any]:
    """The diff of the whole of both revisions, every claim analysed on each side."""
    with monkeypatch.context() as patched:
        patched.setattr(revisions, "changed_claims", lambda base, head: None)
        cache.close()
        return output(run, root, *args, options=("--no-cache",))


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_gives_what_comparing_everything_gives(
    repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    files, narrow = CHANGES[name]
    repo.write(files(repo.root))
    repo.commit(name)
    expected = whole(run, repo.root, monkeypatch, "HEAD~1", "HEAD")
    assert expected[1]["claims"] or expected[1]["sources"]  # the change shows

    analysed = analysed_by(monkeypatch, diff_module, "analyse")
    assert output(run, repo.root, "HEAD~1", "HEAD") == expected  # cold
    whole_count = len(analysed)
    analysed.clear()
    assert output(run, repo.root, "HEAD~1", "HEAD") == expected  # warm
    if narrow:
        assert len(analysed) <= 4 and whole_count <= 4  # the changed claims, once on each side
    else:
        assert len(analysed) > 10
    # The other way round, each side's check now known.
    assert output(run, repo.root, "HEAD", "HEAD~1") == whole(run, repo.root, monkeypatch, "HEAD", "HEAD~1")


def test_the_work_tree_against_a_revision(repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    files, _ = CHANGES["a value changed"]
    repo.write(files(repo.root))
    expected = whole(run, repo.root, monkeypatch, "HEAD")
    analysed = analysed_by(monkeypatch, diff_module, "analyse")
    assert output(run, repo.root, "HEAD") == expected
    assert sorted(analysed) == ["armenian-control-duration"] * 2
    assert expected[1]["claims"]["changed"] == ["armenian-control-duration"]


def test_a_file_that_is_not_utf8_in_the_work_tree(
    repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo.root / CLAIM).write_bytes((repo.root / CLAIM).read_bytes() + b"# \xff\n")
    expected = whole(run, repo.root, monkeypatch, "HEAD")
    assert output(run, repo.root, "HEAD") == expected
    assert expected[0] == 1  # the file does not load: an error at head


@pytest.mark.parametrize(
    ("name", "committed"),
    [
        ("a value changed", True),
        ("a claim added", True),
        ("a claim removed", True),
        ("a value changed", False),
        ("a claim added", False),
    ],
)
def test_each_revision_is_checked_once(
    repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch, name: str, committed: bool
) -> None:
    """Cold, one side is checked in full and the other worked out from it, whether the other
    is a revision or the work tree (which lists its files in another order); warm, neither."""
    files, _ = CHANGES[name]
    repo.write(files(repo.root))
    revisions_compared = ("HEAD~1", "HEAD") if committed else ("HEAD",)
    if committed:
        repo.commit("changed")
    full: list[int] = []
    derived: list[Any] = []
    of_files, derive = revisions._full, recheck.derive

    def counted_derive(*args: Any) -> Any:
        derived.append(found := derive(*args))
        return found

    monkeypatch.setattr(revisions, "_full", lambda *a: full.append(1) or of_files(*a))
    monkeypatch.setattr(recheck, "derive", counted_derive)
    expected = output(run, repo.root, *revisions_compared)
    assert len(full) == 1 and len(derived) == 1 and derived[0] is not None
    output(run, repo.root, *revisions_compared)
    assert (len(full), len(derived)) == (1, 1)
    if committed:
        output(run, repo.root, "HEAD", "HEAD~1")
        assert (len(full), len(derived)) == (1, 1)
    assert expected == whole(run, repo.root, monkeypatch, *revisions_compared)


def test_a_change_behind_links_git_cannot_follow(
    repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`git cat-file --batch-check` answers a link out of the repository in two lines: the
    links listed after it must still be known by what they lead to."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("question: x\n")
    (repo.root / "notes").mkdir()
    (repo.root / "notes" / "t.yaml").write_text((repo.root / CLAIM).read_text())
    (repo.root / "claims/2020-war/aaa-outside.yaml").symlink_to(outside)
    (repo.root / "claims/2020-war/zzz-linked.yaml").symlink_to("../../notes/t.yaml")
    repo.commit("links")
    linked = repo.root / "notes" / "t.yaml"
    linked.write_text(linked.read_text().replace("value: 3\n", "value: 4\n"))
    repo.commit("edited behind a link")
    expected = whole(run, repo.root, monkeypatch, "HEAD~1", "HEAD")
    assert expected[1]["claims"]["changed"] == ["zzz-linked"]
    assert output(run, repo.root, "HEAD~1", "HEAD") == expected


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "sarif"])
def test_every_format_reads_the_same(repo: Repo, run: Any, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """A narrowed side's corpus holds only what the change touches: every format must find
    in it all it prints (names, quotes in context, problems at head)."""
    for name in ("a value changed", "a claim added", "an accepted warning no longer accepted"):
        files, _ = CHANGES[name]
        repo.write(files(repo.root))
    repo.commit("several")

    def printed(*options: str) -> tuple[int, str]:
        result = run(*options, "--root", str(repo.root), "diff", "HEAD~1", "HEAD", "--format", fmt)
        return result.exit_code, result.stdout

    narrowed = printed()
    with monkeypatch.context() as patched:
        patched.setattr(revisions, "changed_claims", lambda base, head: None)
        cache.close()
        assert printed("--no-cache") == narrowed
    assert "armenian-control-duration" in narrowed[1]
