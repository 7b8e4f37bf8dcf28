"""What people see, pinned: every command in every format, compared byte for byte with
golden files under tests/golden/<command>/.

The data is the report fixture, committed twice to a git repository: the second commit
changes a figure (a new contradiction), adds an assertion with a note, and adds a claim file
with an error and a warning, so `check` and `diff` have something to say. After an
intended change of output, rewrite the files with COMPARATOR_UPDATE_GOLDEN=1 and read the
diff before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_gitrev import Repo

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "report"
GOLDEN = HERE / "golden"
UPDATE = bool(os.environ.get("COMPARATOR_UPDATE_GOLDEN"))

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CHANGED_TOLL = """\
question: How many people have been killed in the war (running total)?
kind: count
unit: people
cumulative: true
tags: [casualties, death-toll]
notes: An early count, a higher one, then a lower one a running total cannot reach.
assertions:
  - source: daily-2020-10-01
    quote: "16 people have been killed so far"
    value: 16
    claimant: media-reports
  - source: herald-2020-10-05
    quote: "The death toll rose to 120."
    value: 120
  - source: wire-2020-10-10
    quote: "So far 90 people have died"
    value: 90
    notes: The agency's own count, lower than the Herald's five days before.
"""

BROKEN = """\
question: How many drones were shot down on the first day?
kind: count
unit: drones
assertions:
  - source: herald-2020-10-05
    quote: "The death toll rose to 120."
    value: 12
  - source: no-such-source
    quote: "anything"
    value: 3
"""

EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json", "github": "github", "sarif": "sarif"}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    root = tmp_path_factory.mktemp("golden") / "repo"
    shutil.copytree(FIXTURE, root)
    repo = Repo(root)
    repo.commit("base")
    repo.git("tag", "base")
    repo.write({"claims/casualties/death-toll.yaml": CHANGED_TOLL, "claims/war/drones-broken.yaml": BROKEN})
    repo.commit("head")
    repo.git("tag", "head")
    return repo


def golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with COMPARATOR_UPDATE_GOLDEN=1"
    assert output == path.read_text(encoding="utf-8")


def invoke(run, repo: Repo, *args: str):  # type: ignore[no-untyped-def]
    return run("--root", str(repo.root), *args, env={"COLUMNS": "80"})


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("claim", ["death-toll", "who-attacked-first", "fighting-start"])
def test_show(run, repo: Repo, claim: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(run, repo, "show", claim, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    golden(f"show/{claim}.{EXTENSIONS[fmt]}", result.stdout)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_list(run, repo: Repo, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(run, repo, "list", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    golden(f"list/all.{EXTENSIONS[fmt]}", result.stdout)
    assert result.stderr == "7 of 7 claims\n"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github", "sarif"])
def test_check(run, repo: Repo, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(run, repo, "check", "--format", fmt)
    assert result.exit_code == 1
    golden(f"check/head.{EXTENSIONS[fmt]}", result.stdout)
    assert result.stderr == "1 error, 1 warning in 13 files\n"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github", "sarif"])
def test_diff(run, repo: Repo, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke(run, repo, "diff", "base", "head", "--format", fmt)
    assert result.exit_code == 1  # the broken claim's error blocks
    golden(f"diff/base-head.{EXTENSIONS[fmt]}", result.stdout)
