"""`vet`: a draft's figures checked against the claim base, in every format, from a file or
stdin, and never letting the draft's text reach the output raw."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from comparator import corpus as corpus_mod
from comparator.fit import VetStatus
from comparator.vet import vet

CLAIMS = {
    "claims/casualties/death-toll.yaml": """\
question: "How many people were killed in the war?"
kind: count
unit: people
cumulative: true
assertions:
  - source: daily-1
    quote: "At least 16 people were killed"
    qualifier: at_least
    value: 16
  - source: herald-1
    quote: "more than 6,500 people"
    qualifier: more_than
    value: 6500
""",
    "claims/war/who-attacked-first.yaml": """\
question: "Which side attacked first?"
kind: actor
assertions:
  - source: daily-1
    quote: "South attacked first"
    claimant: north-mod
    value: south
  - source: herald-1
    quote: "North attacked first"
    claimant: south
    value: north
""",
    "claims/war/fighting-start-date.yaml": """\
question: "When did the fighting start?"
kind: date
assertions:
  - source: daily-1
    quote: "Fighting began on 27 September 2020"
    value: 2020-09-27
  - source: herald-1
    quote: "27 September 2020"
    value: 2020-09-27
""",
}

DRAFT = """\
# Draft

Fighting began on 27 September 2020. At least **16 people** were killed.
South attacked first, the North defence ministry said. North attacked first.
The town has 300 schools.
"""


@pytest.fixture
def root(make_root: Callable[..., Path]) -> Path:
    return make_root(CLAIMS)


def test_statuses(root: Path) -> None:
    result = vet(corpus_mod.load(root), DRAFT, name="draft.md")
    got = [(f.line, f.column, f.value, f.claim, f.status) for f in result.findings]
    assert got == [
        (3, 19, "27 September 2020", "fighting-start-date", VetStatus.OK),
        (3, 49, "16", "death-toll", VetStatus.SUPERSEDED),
        (4, 1, "South", "who-attacked-first", VetStatus.OK),
        (4, 56, "North", "who-attacked-first", VetStatus.CONTESTED),
        (5, 14, "300", None, VetStatus.UNMATCHED),
    ]
    assert result.failed


@pytest.fixture
def at_root(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data root as the working folder, the draft in it as draft.md."""
    monkeypatch.chdir(root)
    (root / "draft.md").write_text(DRAFT, encoding="utf-8")
    return root


SUMMARY = "5 findings in draft.md: 2 ok, 1 superseded, 1 contested, 1 unmatched\n"

TEXT = """\
draft.md:3:19: ok
  │ Fighting began on ⟦27 September 2020⟧.
  fighting-start-date: fits 27 Sep 2020 (2 articles, 2 independent origins).
  Matched on “Fighting”, “began” and the figure.

draft.md:3:49: superseded
  │ At least ⟦16⟧ people were killed.
  death-toll: at least 16 people is the figure of #1 (The Daily, 28 Sep 2020),
  superseded by #2; the sources now say more than 6,500 people. Matched on
  “people”, “killed” and the figure.

draft.md:4:1: ok
  │ ⟦South⟧ attacked first, the North defence ministry said.
  who-attacked-first, side B: side B says South (North), attributed in the
  sentence (“said”). Matched on “attacked”, “first”, “North”, “defence”,
  “ministry” and the figure.

draft.md:4:56: contested
  │ ⟦North⟧ attacked first.
  who-attacked-first, side A: states one side as fact (side A says North
  (South)), but South and North dispute this: side B says South (North); say who
  says it. Matched on “attacked”, “first” and the figure.

draft.md:5:14: unmatched
  │ The town has ⟦300⟧ schools.
  no claim speaks about this figure
"""


def test_text(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "draft.md")
    assert result.exit_code == 1
    assert result.stdout == TEXT
    assert result.stderr == SUMMARY
    assert max(len(row) for row in result.stdout.splitlines()) <= 80


def test_markdown(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "--format", "markdown", "draft.md")
    assert result.exit_code == 1
    assert result.stdout == (
        "### draft.md\n\n"
        "5 findings in draft.md: 2 ok, 1 superseded, 1 contested, 1 unmatched\n\n"
        "- **ok** · line 3, column 19 · `fighting-start-date`\n\n"
        "  > Fighting began on **27 September 2020**.\n\n"
        "  fighting-start-date: fits 27 Sep 2020 \\(2 articles, 2 independent origins\\)."
        " Matched on “Fighting”, “began” and the figure.\n\n"
        "- **superseded** · line 3, column 49 · `death-toll`\n\n"
        "  > At least **16** people were killed.\n\n"
        "  death-toll: at least 16 people is the figure of \\#1 \\(The Daily, 28 Sep 2020\\),"
        " superseded by \\#2; the sources now say more than 6,500 people."
        " Matched on “people”, “killed” and the figure.\n\n"
        "- **ok** · line 4, column 1 · `who-attacked-first`\n\n"
        "  > **South** attacked first, the North defence ministry said.\n\n"
        "  who-attacked-first, side B: side B says South \\(North\\), attributed in the sentence"
        " \\(“said”\\). Matched on “attacked”, “first”, “North”, “defence”, “ministry” and the figure.\n\n"
        "- **contested** · line 4, column 56 · `who-attacked-first`\n\n"
        "  > **North** attacked first.\n\n"
        "  who-attacked-first, side A: states one side as fact \\(side A says North \\(South\\)\\),"
        " but South and North dispute this: side B says South \\(North\\); say who says it."
        " Matched on “attacked”, “first” and the figure.\n\n"
        "- **unmatched** · line 5, column 14\n\n"
        "  > The town has **300** schools.\n\n"
        "  no claim speaks about this figure\n"
    )


def test_json(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "--format", "json", "draft.md")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [sorted(f) for f in findings] == [
        ["claim", "column", "line", "message", "status", "text", "value"]
    ] * 5
    assert findings[1] == {
        "line": 3,
        "column": 49,
        "text": "At least 16 people were killed.",
        "value": "16",
        "claim": "death-toll",
        "status": "superseded",
        "message": "death-toll: at least 16 people is the figure of #1 (The Daily, 28 Sep 2020), "
        "superseded by #2; the sources now say more than 6,500 people. "
        "Matched on “people”, “killed” and the figure.",
    }
    assert [(f["value"], f["claim"], f["status"]) for f in findings] == [
        ("27 September 2020", "fighting-start-date", "ok"),
        ("16", "death-toll", "superseded"),
        ("South", "who-attacked-first", "ok"),
        ("North", "who-attacked-first", "contested"),
        ("300", None, "unmatched"),
    ]


GITHUB = (
    "::error file=draft.md,line=3,col=49,title=vet%3A superseded “16”::death-toll: at least 16 people"
    " is the figure of #1 (The Daily, 28 Sep 2020), superseded by #2; the sources now say more than"
    " 6,500 people. Matched on “people”, “killed” and the figure.%0AAt least 16 people were killed.\n"
    "::warning file=draft.md,line=4,col=56,title=vet%3A contested “North”::who-attacked-first, side A:"
    " states one side as fact (side A says North (South)), but South and North dispute this: side B"
    " says South (North); say who says it. Matched on “attacked”, “first” and the figure.%0ANorth"
    " attacked first.\n"
)


def test_github(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "--format", "github", "draft.md")
    assert result.exit_code == 1
    assert result.stdout == GITHUB


def test_stdin_is_named_draft(run: Callable[..., Any], root: Path) -> None:
    from click.testing import CliRunner

    from comparator.cli import cli

    result = CliRunner().invoke(
        cli,
        ["--root", str(root), "vet", "--format", "github", "-"],
        input=DRAFT.encode("utf-8"),
        env={"GITHUB_ACTIONS": "", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stdout == GITHUB.replace("file=draft.md", "file=draft")
    assert result.stderr == SUMMARY.replace("draft.md", "draft")


def test_missing_file(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "nowhere.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "comparator: cannot read the draft nowhere.md: No such file or directory\n"


def test_not_utf8(run: Callable[..., Any], at_root: Path) -> None:
    (at_root / "latin.md").write_bytes(b"The war\nkilled \xe9 6,500 people.\n")
    result = run("vet", "latin.md")
    assert result.exit_code == 1
    assert result.stderr == "comparator: latin.md:2:8: the draft is not UTF-8 text (byte 0xe9)\n"


def test_bad_language(run: Callable[..., Any], at_root: Path) -> None:
    result = run("vet", "--language", "english!", "draft.md")
    assert result.exit_code == 2
    assert "is not a BCP 47 language tag" in result.stderr


@pytest.mark.parametrize(
    ("fmt", "out"),
    [
        ("text", ""),
        ("json", '{\n  "findings": []\n}\n'),
        ("markdown", "No figure, date or who did what to check in empty.md.\n"),
        ("github", ""),
    ],
)
def test_empty_draft(run: Callable[..., Any], at_root: Path, fmt: str, out: str) -> None:
    (at_root / "empty.md").write_text("", encoding="utf-8")
    result = run("vet", "--format", fmt, "empty.md")
    assert result.exit_code == 0
    assert result.stdout == out
    assert result.stderr == "no figure, date or who did what found in empty.md\n"


def test_only_ok_and_unmatched_exit_0(run: Callable[..., Any], at_root: Path) -> None:
    (at_root / "fine.md").write_text(
        "Fighting began on 27 September 2020.\n\nThe town has 300 schools.\n", encoding="utf-8"
    )
    result = run("vet", "--format", "json", "fine.md")
    assert result.exit_code == 0
    assert [f["status"] for f in json.loads(result.stdout)["findings"]] == ["ok", "unmatched"]


def test_qualifier_dropped_and_contradicts(root: Path) -> None:
    draft = "The war killed 6,500 people. The war killed 3,000 people. The war killed 7,000 people."
    result = vet(corpus_mod.load(root), draft)
    assert [(f.value, f.status) for f in result.findings] == [
        ("6,500", VetStatus.QUALIFIER_DROPPED),
        ("3,000", VetStatus.CONTRADICTS),
        ("7,000", VetStatus.SINGLE_ORIGIN),
    ]
    assert result.findings[0].message == (
        "death-toll: #2 (Herald) says “more than 6,500 people”; the draft states “6,500” bare. "
        "Matched on “war”, “killed”, “people” and the figure."
    )


HOSTILE = (
    "South attacked first.\x1b]0;owned\x07\n"
    "::error file=x.yml,line=1::forged 16 people were killed\n"
    "##[set-output name=x]16 people were killed \u202eeno\u202c <script>16</script> [x](javascript:alert(1))\n"
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "github"])
def test_hostile_draft_never_reaches_output_raw(run: Callable[..., Any], at_root: Path, fmt: str) -> None:
    (at_root / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    result = run("vet", "--format", fmt, "hostile.md")
    assert result.exit_code == 1
    out = result.stdout
    for raw in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert raw not in out
    assert not any(row.startswith("::error file=x") for row in out.splitlines())
    if fmt != "json":  # JSON keeps the draft's text as data, every control escaped
        assert "##[set-output" not in out
    if fmt == "markdown":
        assert "<script>" not in out
    if fmt == "github":
        assert all(
            row.startswith(("::error file=hostile.md", "::warning file=hostile.md"))
            for row in out.splitlines()
        )


def test_markdown_is_blanked_in_place() -> None:
    from comparator.drafts import mask_markdown

    text = "# Head\n\n- **49** [soldiers](http://x/2020) `code 7` ![img 5](y.png)\n```\n99 lines\n```\n"
    masked = mask_markdown(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked.split() == ["Head", "49", "soldiers"]


def test_who_did_what(root: Path) -> None:
    from comparator.drafts import ActorNames, Family, attribution, who_did_what

    names = ActorNames.of(corpus_mod.load(root).actors)
    read = lambda text: [(f.written, f.actor, f.family) for f in who_did_what(text, "en", names)]  # noqa: E731
    assert read("Its positions were attacked by South.") == [("South", "south", Family.ATTACK)]
    assert read("North accused South of violating the truce.") == [("South", "south", Family.VIOLATE)]
    assert read("North blamed South for the fighting.") == [("South", "south", Family.ATTACK)]
    assert read("Towns were attacked.") == []
    assert read("South attacked first.") == [("South", "south", Family.ATTACK)]
    assert who_did_what("South attacked first.", "fr", names) == []
    assert attribution("South is said to have attacked.", "en") is None
    assert attribution("According to North, South attacked.", "en") == "According to"
