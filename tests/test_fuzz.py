"""The fuzz harness in the suite: a short seeded run, and every kept input replayed.

The long run is `python -m tests.fuzz --inputs 100000` (see the README's testing section).
Each file in tests/fuzz/fixtures/ is a data root that once crashed or stalled a command:
the fuzzer's findings B01-B18 and what later runs found. A fixture whose fault lies in code
still to be fixed names that code under "xfail", and is expected to fail until it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pytest

from tests.fuzz.cases import Case
from tests.fuzz.run import fuzz, invoke, run_all

FIXTURES = Path(__file__).parent / "fuzz" / "fixtures"
# Seconds one command may take on one small root: a hang never ends, while the largest kept
# input (250 contradicting figures) takes about 2 s, and several times that under coverage.
LIMIT = 15.0


def _fixtures() -> list[object]:
    params = []
    for path in sorted(FIXTURES.glob("*.json")):
        reason = json.loads(path.read_text(encoding="utf-8")).get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("path", _fixtures())
def test_kept_input(path: Path, tmp_path: Path) -> None:
    case = Case.from_json(path.read_text(encoding="utf-8"))
    expected_to_fail = "xfail" in json.loads(path.read_text(encoding="utf-8"))
    # a fixture expected to fail needs only show it once, and soon
    failures = run_all(case, tmp_path, 3.0 if expected_to_fail else LIMIT, stop_at_first=expected_to_fail)
    assert [f"{f.signature}\n{f.detail}" for f in failures] == []


def test_short_run(tmp_path: Path) -> None:
    stats = fuzz(24, seed=2024, work=tmp_path, limit=20.0, diff_every=4)
    assert [f"{f.signature}\n{f.detail}\n{case.note}" for case, f in stats.failures] == []
    assert stats.inputs == 24
    assert set(stats.runs) == {"check", "list", "show", "report", "diff"}
    assert stats.runs["diff"] == 6


@click.group()
def program() -> None:
    """Stands in for the CLI: one command for each way a run can fail."""


@program.command()
def crash() -> None:
    raise KeyError("boom")


@program.command()
def spin() -> None:
    while True:
        pass


@program.command()
@click.option("--format", "fmt")
def check(fmt: str) -> None:
    problem = {"file": "", "line": 0, "column": 1, "severity": "error", "code": "schema", "message": "m"}
    click.echo(json.dumps({"problems": [problem]}) if fmt == "json" else "{not json")


@program.command(name="list")
@click.option("--format", "fmt")
def list_(fmt: str) -> None:
    click.echo("{not json")


@program.command()
@click.option("--format", "fmt")
def refuse(fmt: str) -> None:
    click.echo("no such claim", err=True)
    sys.exit(1)


def test_the_harness_catches_what_it_looks_for(tmp_path: Path) -> None:
    """Each kind of failure is seen: an exception, a hang, bad JSON, an unlocated problem."""
    seen = [
        invoke(args, 0.5, tmp_path, program)[1]
        for args in (["crash"], ["spin"], ["list", "--format", "json"], ["check", "--format", "json"])
    ]
    assert [(f.kind, f.command[0]) if f else None for f in seen] == [
        ("exception", "crash"),
        ("hang", "spin"),
        ("invalid-json", "list"),
        ("unlocated-problem", "check"),
    ]
    # a refusal that prints nothing to stdout is no JSON to parse, and no failure
    assert invoke(["refuse", "--format", "json"], 0.5, tmp_path, program)[1] is None
    assert invoke(["check", "--format", "text"], 0.5, tmp_path, program)[1] is None
