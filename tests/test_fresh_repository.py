"""A data repository built from nothing: registries by hand, articles with `source add`, a
hand-written claim, then `check`, `show`, `suggest` and `export` on it."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from comparator.cli import COMMANDS, cli

OUTLETS = """\
- id: gazette
  name: The Gazette
  language: en
  kind: newspaper
- id: courier
  name: Courier
  language: en
  kind: online
"""
ACTORS = """\
- id: north
  name: North
- id: north-mod
  name: North defence ministry
  part_of: north
- id: south
  name: South
"""
GAZETTE = """\
Border clashes leave soldiers dead\r
\r
CAPITAL, North (Gazette) - The North defence ministry said on Monday that 12 soldiers were killed in the clashes.\r
Talks are planned for 15 March.\r
"""
COURIER = """\
Deadly clashes on the border

South said at least 20 North soldiers were killed on Monday, 1 March 2021.
"""


def invoke(root: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1", "COLUMNS": "100"}
    return CliRunner().invoke(cli, ["--root", str(root), *args], input=input, env=env, catch_exceptions=False)


def test_a_repository_from_nothing(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources/outlets.yaml").write_text(OUTLETS, encoding="utf-8")
    (root / "sources/actors.yaml").write_text(ACTORS, encoding="utf-8")

    # Two articles, pasted through standard input.
    added = invoke(
        root, "source", "add", "-", "--outlet", "gazette", "--published", "2021-03-02", input=GAZETTE
    )
    assert added.exit_code == 0, added.stderr
    gazette_rel = added.stdout.strip()
    assert gazette_rel == "sources/gazette/gazette-2021-03-02-border-clashes-leave-soldiers.md"
    added = invoke(
        root,
        "source",
        "add",
        "-",
        "--outlet",
        "courier",
        "--published",
        "2021-03-02",
        "--id",
        "courier-clashes",
        "--authors",
        "A. Writer",
        input=COURIER,
    )
    assert added.exit_code == 0, added.stderr
    assert added.stdout == "sources/courier/courier-clashes.md\n"
    gazette_id = Path(gazette_rel).stem
    assert "\r" not in (root / gazette_rel).read_text(encoding="utf-8")

    # What is there to curate? The figure sentences are suggested, and ready to paste.
    suggested = invoke(root, "suggest", gazette_id, "--format", "json")
    assert suggested.exit_code == 0, suggested.stderr
    lines = [s["text"] for s in json.loads(suggested.stdout)["suggestions"]]
    assert lines == [
        "The North defence ministry said on Monday that 12 soldiers were killed in the clashes.",
        "Talks are planned for 15 March.",
    ]
    stubs = invoke(root, "suggest", gazette_id, "--format", "yaml")
    assert (
        '  quote: "The North defence ministry said on Monday that 12 soldiers were killed in the clashes"'
        in (stubs.stdout)
    )

    # A claim written by hand.
    (root / "claims/casualties").mkdir()
    (root / "claims/casualties/soldiers-killed-2021-03-01.yaml").write_text(
        f"""\
question: How many North soldiers were killed in the border clashes of 1 March 2021?
kind: count
unit: soldiers
assertions:
  - source: {gazette_id}
    quote: "12 soldiers were killed in the clashes"
    value: 12
    claimant: north-mod
  - source: courier-clashes
    quote: "at least 20 North soldiers were killed"
    value: 20
    qualifier: at_least
    claimant: south
""",
        encoding="utf-8",
    )

    checked = invoke(root, "check")
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout == ""
    assert checked.stderr == "no problems in 5 files\n"

    shown = invoke(root, "show", "soldiers-killed-2021-03-01", "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    record = json.loads(shown.stdout)
    assert record["verdict"] == "contested"
    assert sorted(record["origins"]) == ["north", "south"]
    assert [a["source"] for a in record["assertions"]] == [gazette_id, "courier-clashes"]
    assert [r["relation"] for r in record["relations"]] == ["contradict"]
    text = invoke(root, "show", "soldiers-killed-2021-03-01")
    assert text.exit_code == 0 and "contested" in text.stdout

    # Now curated, the sentence is cited; only the date of the talks is left.
    left = invoke(root, "suggest", gazette_id, "--uncurated")
    assert left.stdout.splitlines()[0] == "  11  Talks are planned for 15 March."  # line 11 of the file

    if "export" not in COMMANDS:
        pytest.skip("the export command is not available")
    out = tmp_path / "exports"
    out.mkdir()
    for fmt in ("csv", "jsonl"):
        done = invoke(root, "export", "--format", fmt, str(out / fmt))
        assert done.exit_code == 0, done.stderr
    done = invoke(root, "export", "--format", "sqlite", str(out / "newsroom.db"))
    assert done.exit_code == 0, done.stderr

    with open(out / "csv" / "assertions.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["source"], r["origin"], r["value"]) for r in rows] == [
        (gazette_id, "north", "12"),
        ("courier-clashes", "south", "20"),
    ]
    claims = [
        json.loads(line) for line in (out / "jsonl" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(c["id"], c["verdict"]) for c in claims] == [("soldiers-killed-2021-03-01", "contested")]
    with closing(sqlite3.connect(out / "newsroom.db")) as db:
        contested = db.execute(
            "SELECT s.outlet, count(*) FROM assertions a JOIN sources s ON s.id = a.source "
            "JOIN claims c ON c.id = a.claim_id WHERE c.verdict = 'contested' GROUP BY s.outlet ORDER BY s.outlet"
        ).fetchall()
        assert contested == [("courier", 1), ("gazette", 1)]
        titles = db.execute("SELECT id, title FROM sources ORDER BY id").fetchall()
        assert titles == [
            ("courier-clashes", "Deadly clashes on the border"),
            (gazette_id, "Border clashes leave soldiers dead"),
        ]
