"""`comparator diff`: real git histories, exact output, an untouched checkout, clear errors,
and the pieces that run it for reviewers (pre-commit hook, GitHub Action, workflow)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import source
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_gitrev import GIT_ENV, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PROJECT = Path(__file__).resolve().parents[1]

START = """\
question: When did the fighting begin?
kind: date
assertions:
  - source: daily-1
    quote: Fighting began on 27 September 2020
    value: 2020-09-27
  - source: herald-1
    quote: It started on "27 September 2020"
    value: 2020-09-27
"""

ATTACKER = """\
question: Who attacked first?
kind: actor
assertions:
  - source: daily-1
    quote: South attacked first
    claimant: north-mod
    value: south
  - source: herald-1
    quote: North attacked first
    claimant: south
    value: north
"""

UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def start_with(herald: str) -> str:
    """START with the second assertion's (Herald's) value replaced."""
    head, tail = START.rsplit("value: 2020-09-27", 1)
    return f"{head}value: {herald}{tail}"


def history(path: Path) -> Repo:
    """Tags v0..v5, one change each: a changed value makes a contradiction, a later change
    resolves it, a claim is added, a claim moves to another topic, a cited source is removed."""
    from conftest import BASE

    repo = Repo(path)
    repo.write({**BASE, "claims/war/start.yaml": START})
    steps = [
        {"claims/war/start.yaml": start_with("2020-09-28")},
        {"claims/war/start.yaml": start_with("2020-09")},
        {"claims/war/attacker.yaml": ATTACKER},
    ]
    for n, files in enumerate([{}, *steps]):
        repo.write(files)
        repo.commit(f"step {n}")
        repo.git("tag", f"v{n}")
    (repo.root / "claims/timeline").mkdir()
    repo.git("mv", "claims/war/start.yaml", "claims/timeline/start.yaml")
    repo.commit("move")
    repo.git("tag", "v4")
    repo.git("rm", "-q", "sources/herald/herald-1.md")
    repo.commit("remove a source")
    repo.git("tag", "v5")
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    return history(tmp_path_factory.mktemp("history") / "repo")


def sha(repo: Repo, name: str) -> str:
    return repo.git("rev-parse", f"{name}^{{commit}}").strip()


def diff(run, repo: Repo, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return run("--root", str(repo.root), "diff", *args, env=env)


def diff_json(run, repo: Repo, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = diff(run, repo, *args, "--format", "json")
    return json.loads(result.stdout)


# --- assertion records, as the contract writes them -----------------------------------------


def record(
    source_id: str, value: Any, quote: str, *, claimant: str | None = None, kind: str = "date"
) -> dict[str, Any]:
    outlet, published = {"daily-1": ("daily", "2020-09-28"), "herald-1": ("herald", "2021-11-24")}[source_id]
    origin = {"north-mod": "north", "south": "south", None: outlet}[claimant]
    low = high = None
    if kind == "date":
        first, last = {
            "2020-09-27": ("2020-09-27", "2020-09-27"),
            "2020-09-28": ("2020-09-28", "2020-09-28"),
            "2020-09": ("2020-09-01", "2020-09-30"),
        }[value]
        low, high = first, last
    return {
        "source": source_id,
        "outlet": outlet,
        "published": published,
        "claimant": claimant,
        "origin": origin,
        "value": value,
        "qualifier": "exact",
        "low": low,
        "high": high,
        "as_of": published,
        "quote": quote,
        "translation": None,
        "status": "current",
    }


DAILY_START = record("daily-1", "2020-09-27", "Fighting began on 27 September 2020")


def counts(**given: int) -> dict[str, int]:
    names = [
        "claims_added",
        "claims_removed",
        "claims_changed",
        "assertions_added",
        "assertions_removed",
        "assertions_changed",
        "sources_added",
        "sources_removed",
        "sources_changed",
        "verdicts_changed",
        "disputes_introduced",
        "disputes_resolved",
        "contradictions_introduced",
        "contradictions_resolved",
        "review",
        "errors",
        "warnings",
    ]
    return {name: given.get(name, 0) for name in names}


# --- the history, step by step ------------------------------------------------------------


def test_a_changed_value_introduces_a_contradiction_json(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    herald = record("herald-1", "2020-09-28", 'It started on "27 September 2020"')
    assert diff_json(run, repo, "v0", "v1") == {
        "base": "v0",
        "head": "v1",
        "claims": {"added": [], "removed": [], "changed": ["start"]},
        "verdicts": [{"id": "start", "before": "corroborated", "after": "contested"}],
        "contradictions": {"introduced": [{"claim": "start", "a": DAILY_START, "b": herald}], "resolved": []},
        "disputes": {
            "introduced": [
                {
                    "claim": "start",
                    "kind": "between-media",
                    "cause": "near",
                    "sides": [
                        {"origins": ["daily"], "assertions": [DAILY_START]},
                        {"origins": ["herald"], "assertions": [herald]},
                    ],
                }
            ],
            "resolved": [],
        },
        "note": None,
        "commits": {"base": sha(repo, "v0"), "head": sha(repo, "v1")},
        "counts": counts(
            claims_changed=1,
            assertions_changed=1,
            verdicts_changed=1,
            disputes_introduced=1,
            contradictions_introduced=1,
            review=1,
        ),
        "changes": [
            {
                "id": "start",
                "status": "changed",
                "file": {"before": "claims/war/start.yaml", "after": "claims/war/start.yaml"},
                "fields": [],
                "assertions": [
                    {
                        "status": "changed",
                        "before": 1,
                        "after": 1,
                        "fields": [{"field": "value", "before": "2020-09-27", "after": "2020-09-28"}],
                        "assertion": herald,
                    }
                ],
            }
        ],
        "sources": {"added": [], "removed": [], "changed": []},
        "review": [
            {
                "claim": "start",
                "assertion": 1,
                "reason": "changed",
                "source": "herald-1",
                "quote": 'It started on "27 September 2020"',
                "translation": None,
                "context": {"before": "", "quote": "It started on “27 September 2020”", "after": "."},
                "missing": None,
            }
        ],
        "unloaded": {"base": [], "head": []},
        "problems": {"base": [], "head": []},
    }


MARKDOWN_V0_V1 = """\
### comparator diff: v0 → v1

|            | added   | removed   | changed   |
|------------|---------|-----------|-----------|
| claims     | 0       | 0         | 1         |
| assertions | 0       | 0         | 1         |
| sources    | 0       | 0         | 0         |

Disputes: **1 introduced**, 0 resolved · contradicting pairs: 1 introduced, 0 resolved · verdicts changed: 1 · quotes to review: 1 · at head: 0 errors, 0 warnings

#### Disputes introduced

- **start**: Side A says 27 Sep 2020 \\(The Daily\\); side B says 28 Sep 2020 \\(Herald\\): outlets report differently; probably the same day told differently \\(a time zone, the night of\\): 27 Sep 2020 vs 28 Sep 2020.
  - A #1 daily-1: **Fighting began on 27 September 2020**.
  - B #2 herald-1: **It started on “27 September 2020”**.

#### Verdict changes

| claim   | before       | after     |
|---------|--------------|-----------|
| start   | corroborated | contested |

#### Quotes to review

**start**: When did the fighting begin?

- #2 changed: Herald \\(24 Nov 2021\\), in its own voice, says 28 Sep 2020

  value: “2020-09-27” → “2020-09-28”

  > **It started on “27 September 2020”**.

#### Claims

| claim   | change   | details                                |
|---------|----------|----------------------------------------|
| start   | changed  | \\#2 value: “2020-09-27” → “2020-09-28” |"""


def test_a_changed_value_introduces_a_contradiction_markdown(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    result = diff(run, repo, "v0", "v1", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == MARKDOWN_V0_V1 + "\n"
    assert result.stderr == (
        "claims: 0 added, 0 removed, 1 changed; disputes: 1 introduced, 0 resolved; "
        "contradictions: 1 introduced, 0 resolved; "
        "1 verdict changed; at head: 0 errors, 0 warnings\n"
    )


def test_fail_on_new_contradiction(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    assert diff(run, repo, "v0", "v1").exit_code == 0
    assert diff(run, repo, "v0", "v1", "--fail-on", "new-contradiction").exit_code == 1
    assert diff(run, repo, "v0", "v1", "--fail-on", "never").exit_code == 0
    assert diff(run, repo, "v1", "v2", "--fail-on", "new-contradiction").exit_code == 0


def test_a_later_change_resolves_it(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(run, repo, "v1", "v2")
    herald = record("herald-1", "2020-09-28", 'It started on "27 September 2020"')
    assert data["contradictions"] == {
        "introduced": [],
        "resolved": [{"claim": "start", "a": DAILY_START, "b": herald}],
    }
    assert data["verdicts"] == [{"id": "start", "before": "contested", "after": "corroborated"}]
    assert data["changes"][0]["assertions"][0]["fields"] == [
        {"field": "value", "before": "2020-09-28", "after": "2020-09"}
    ]
    # Over both steps nothing was introduced or resolved: same claim, same voices, same values.
    data = diff_json(run, repo, "v0", "v2")
    assert data["contradictions"] == {"introduced": [], "resolved": []}
    assert data["verdicts"] == []


def test_a_claim_added(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(run, repo, "v2", "v3")
    assert data["claims"] == {"added": ["attacker"], "removed": [], "changed": []}
    assert data["verdicts"] == [{"id": "attacker", "before": None, "after": "contested"}]
    north = record("daily-1", "south", "South attacked first", claimant="north-mod", kind="actor")
    south = record("herald-1", "north", "North attacked first", claimant="south", kind="actor")
    assert data["contradictions"]["introduced"] == [{"claim": "attacker", "a": north, "b": south}]
    assert [(r["claim"], r["assertion"], r["reason"], r["context"]) for r in data["review"]] == [
        (
            "attacker",
            0,
            "added",
            {"before": "The North defence ministry said ", "quote": "South attacked first", "after": "."},
        ),
        ("attacker", 1, "added", {"before": "South said ", "quote": "North attacked first", "after": "."}),
    ]
    assert data["counts"]["assertions_added"] == 2


def test_a_claim_moved_to_another_topic_is_a_change_of_topic(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(run, repo, "v3", "v4")
    assert data["claims"] == {"added": [], "removed": [], "changed": ["start"]}
    assert data["changes"] == [
        {
            "id": "start",
            "status": "changed",
            "file": {"before": "claims/war/start.yaml", "after": "claims/timeline/start.yaml"},
            "fields": [{"field": "topic", "before": "war", "after": "timeline"}],
            "assertions": [],
        }
    ]
    assert data["verdicts"] == [] and data["review"] == []
    assert data["contradictions"] == {"introduced": [], "resolved": []}


TEXT_V4_V5 = """\
v4 → v5
claims: 0 added, 0 removed, 0 changed; assertions: 0 added, 0 removed, 0 changed; sources: 0 added,
  1 removed, 0 changed
disputes: 0 introduced, 0 resolved; contradicting pairs: 0 introduced, 0 resolved; verdicts changed:
  0; quotes to review: 0; at head: 2 errors, 0 warnings

Sources
  - herald-1: was sources/herald/herald-1.md; still cited by attacker, start

Problems at head
  claims/timeline/start.yaml:7:13: error unknown-source unknown source 'herald-1'
  claims/war/attacker.yaml:8:13: error unknown-source unknown source 'herald-1'"""


def test_a_source_removed_while_claims_still_cite_it(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    result = diff(run, repo, "v4", "v5")
    assert result.exit_code == 1
    assert result.stdout == TEXT_V4_V5 + "\n"
    assert diff(run, repo, "v4", "v5", "--fail-on", "never").exit_code == 0
    data = diff_json(run, repo, "v4", "v5")
    assert data["sources"]["removed"] == [
        {"id": "herald-1", "file": "sources/herald/herald-1.md", "cited_by": ["attacker", "start"]}
    ]
    assert [(p["file"], p["line"], p["column"], p["code"]) for p in data["problems"]["head"]] == [
        ("claims/timeline/start.yaml", 7, 13, "unknown-source"),
        ("claims/war/attacker.yaml", 8, 13, "unknown-source"),
    ]


def test_github_annotations_for_errors_and_new_contradictions(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    result = diff(run, repo, "v2", "v3", env={"GITHUB_ACTIONS": "true"})  # github is the default there
    assert result.stdout == (
        "::warning file=claims/war/attacker.yaml,line=8,col=5,title=new dispute in attacker::Side A says Nort"
        "h (South); side B says South (North): South and North dispute this; the accounts are from different "
        "dates.%0AA #2 herald-1: “North attacked first”%0AB #1 daily-1: “South attacked first”\n"
    )
    errors = diff(run, repo, "v4", "v5", "--format", "github").stdout.splitlines()
    assert errors == [
        "::error file=claims/timeline/start.yaml,line=7,col=13,title=unknown-source::"
        "unknown source 'herald-1'",
        "::error file=claims/war/attacker.yaml,line=8,col=13,title=unknown-source::unknown source 'herald-1'",
    ]
    assert diff(run, repo, "v4", "v5", "--format", "github", "--no-problems").stdout == ""


def test_the_same_revision_changes_nothing(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    result = diff(run, repo, "v3", "v3", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.endswith("\n\nNo claim, source or verdict changed.\n")


# --- the working tree ----------------------------------------------------------------------


def test_a_working_tree_change_on_top_of_head_touches_nothing(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = history(tmp_path / "repo")
    repo.git("reset", "-q", "--hard", "v3")
    claim = repo.root / "claims/war/start.yaml"
    claim.write_text(
        claim.read_text().replace(
            "quote: Fighting began on 27 September 2020", "quote: began on 27 September"
        )
    )
    repo.write(
        {
            "claims/war/toll.yaml": (
                "question: How many people were killed?\nkind: count\nunit: people\nassertions:\n"
                "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 16\n    qualifier: at_least\n"
            )
        }
    )
    repo.git("add", "claims/war/toll.yaml")  # staged, not committed
    before = repo.state()
    data = diff_json(run, repo, "HEAD")
    assert repo.state() == before
    assert data["head"] is None and data["commits"]["head"] is None
    assert data["claims"] == {"added": ["toll"], "removed": [], "changed": ["start"]}
    assert data["changes"][0]["assertions"][0]["fields"] == [
        {"field": "quote", "before": "Fighting began on 27 September 2020", "after": "began on 27 September"}
    ]
    assert [(r["claim"], r["assertion"], r["reason"], r["context"]) for r in data["review"]] == [
        ("start", 0, "changed", {"before": "Fighting ", "quote": "began on 27 September", "after": " 2020."}),
        (
            "toll",
            0,
            "added",
            {"before": "", "quote": "At least 16 people were killed", "after": ", officials said."},
        ),
    ]
    for fmt in ("text", "markdown", "github"):
        diff(run, repo, "HEAD", "--format", fmt)
        diff(run, repo, "v0", "HEAD", "--format", fmt)
    assert repo.state() == before


def test_source_text_changes_put_its_quotes_under_review(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = history(tmp_path / "repo")
    repo.git("reset", "-q", "--hard", "v3")
    path = repo.root / "sources/daily/daily-1.md"
    path.write_text(path.read_text().replace("officials said", "officials told reporters"))
    data = diff_json(run, repo, "HEAD")
    assert data["sources"]["changed"] == [
        {"id": "daily-1", "file": "sources/daily/daily-1.md", "text": True, "fields": []}
    ]
    assert [(r["claim"], r["assertion"], r["reason"]) for r in data["review"]] == [
        ("attacker", 0, "source-changed"),
        ("start", 0, "source-changed"),
    ]


# --- revisions that do not load, and commands that cannot run ------------------------------


def test_a_revision_whose_data_does_not_load_lists_its_problems(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = history(tmp_path / "repo")
    repo.git("reset", "-q", "--hard", "v0")
    repo.write({"claims/war/start.yaml": "question: [unclosed\nkind: date\n"})
    repo.commit("broken")
    repo.git("tag", "broken")
    result = diff(run, repo, "v0", "broken")
    assert result.exit_code == 1
    assert "claims/war/start.yaml:2:5: error yaml-syntax" in result.stdout
    data = diff_json(run, repo, "v0", "broken")
    assert data["unloaded"] == {"base": [], "head": ["start"]}
    assert data["claims"]["changed"] == ["start"]
    assert data["verdicts"] == []  # not knowable: the claim does not load
    # The other way round, the broken side is the base: listed, and not failing the diff.
    result = diff(run, repo, "broken", "v0")
    assert result.exit_code == 0
    assert "Errors at broken (for reference)\n  claims/war/start.yaml:2:5: error yaml-syntax" in result.stdout
    assert diff_json(run, repo, "broken", "v0")["unloaded"] == {"base": ["start"], "head": []}


def test_not_a_repository(make_root, run) -> None:  # type: ignore[no-untyped-def]
    root = make_root()
    result = run("--root", str(root), "diff", "HEAD")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"comparator: {root} is not in a git repository with a work tree")
    assert "Traceback" not in result.stderr


def test_unknown_revision(repo: Repo, run) -> None:  # type: ignore[no-untyped-def]
    result = diff(run, repo, "no-such-branch")
    assert result.exit_code == 1
    assert (
        result.stderr == "comparator: unknown revision 'no-such-branch': no such commit in this repository\n"
    )
    result = diff(run, repo, "v0", "--upload-pack=touch")
    assert result.exit_code != 0 and "Traceback" not in result.stderr


def test_git_missing(repo: Repo, tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "no-git"
    empty.mkdir()
    result = diff(run, repo, "v0", env={"PATH": str(empty)})
    assert result.exit_code == 1
    assert result.stderr == "comparator: git is not installed or not on PATH; reading revisions needs it\n"


def test_a_shallow_clone_works_once_the_base_is_fetched(repo: Repo, tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "v1", f"file://{repo.path}", str(clone)],
        check=True,
        capture_output=True,
        env={**os.environ, **GIT_ENV},
    )
    base = sha(repo, "v0")
    result = run("--root", str(clone), "diff", base)
    assert result.exit_code == 1
    assert "shallow clone: fetch it first" in result.stderr
    subprocess.run(
        ["git", "-C", str(clone), "fetch", "-q", "--depth", "1", "origin", base],
        check=True,
        capture_output=True,
        env={**os.environ, **GIT_ENV},
    )
    result = run("--root", str(clone), "diff", base, "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == MARKDOWN_V0_V1.replace("v0 → v1", f"{base[:12]} → working tree") + "\n"


def test_a_data_root_in_a_subfolder_annotates_repository_paths(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE

    repo = Repo(tmp_path / "repo", data="data")
    repo.write({**BASE, "claims/war/start.yaml": START})
    repo.commit()
    repo.write({"claims/war/start.yaml": START.replace("value: 2020-09-27", "value: 2021-01-01", 1)})
    out = run("--root", str(repo.root), "diff", "HEAD", "--format", "github").stdout
    assert out.startswith(
        "::warning file=data/claims/war/start.yaml,line=7,col=5,title=new dispute in start::"
    )


# --- GitHub workflow commands cannot be smuggled in ----------------------------------------


def runner_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """What the Actions runner would act on: it splits lines at \\r, \\n or \\r\\n, runs `::cmd`
    at the start of a line (after white space), and the legacy `##[cmd]` anywhere in one."""
    found = []
    for line in re.split(r"\r\n|\r|\n", output):
        body = line.lstrip()
        if body.startswith("::"):
            end = body.find("::", 2)
            if end > 0:
                head, data = body[2:end], body[end + 2 :]
                name, _, props = head.partition(" ")
                properties = dict(p.split("=", 1) for p in props.split(",") if "=" in p)
                found.append(
                    (
                        name,
                        {
                            k: re.sub("%25|%0D|%0A|%3A|%2C", lambda m: UNESCAPE[m.group()], v)
                            for k, v in properties.items()
                        },
                        re.sub("%25|%0D|%0A", lambda m: UNESCAPE[m.group()], data),
                    )
                )
        at = line.find("##[")
        if at >= 0 and "]" in line[at:]:
            found.append(("legacy", {}, line[at:]))
    return found


HOSTILE = [
    "100% sure",
    "x\n::warning file=claims/a.yaml::injected",
    "y\r::add-mask::secret",
    "z ::add-mask::hidden",
    "w ##[add-mask]masked",
    "v %0A::error::decoded",
]


def test_workflow_commands_cannot_be_injected(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE

    body = "Opening line.\n" + "\n".join(f"Quote {n}: {text}." for n, text in enumerate(HOSTILE)) + "\n"
    repo = Repo(tmp_path / "repo")
    repo.write({**BASE, "sources/daily/hostile.md": source("hostile", "daily", "2024-01-01", body)})
    repo.commit()
    assertions = "".join(
        f"  - source: hostile\n    quote: {json.dumps(f'Quote {n}: {text}')}\n    value: {json.dumps(text)}\n"
        for n, text in enumerate(HOSTILE)
    )
    claim = f"question: What was said?\nkind: text\nassertions:\n{assertions}"
    repo.write({"claims/t/said.yaml": claim, "claims/t/broken.yaml": 'question: ["%0A::error::x\n'})
    out = run("--root", str(repo.root), "diff", "HEAD", "--format", "github").stdout
    commands = runner_commands(out)
    # six sides, 15 disputes: GitHub shows 10 warnings of a step, and a notice counts the rest
    assert [name for name, _, _ in commands] == ["error"] + ["warning"] * 10 + ["notice"]
    assert commands[-1][2].startswith("5 warnings more not annotated here")
    assert all(
        props.get("file") in ("claims/t/said.yaml", "claims/t/broken.yaml") for _, props, _ in commands[:-1]
    )
    # Each message arrives whole: the quotes, newlines and percent signs as written.
    first = commands[1][2]
    assert f"#1 hostile: “Quote 0: {HOSTILE[0]}”" in first
    messages = "\n".join(data for _, _, data in commands)
    for text in HOSTILE:
        assert text.replace("##[", "##\u2060[") in messages


def test_markdown_shows_hostile_data_as_text(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE

    repo = Repo(tmp_path / "repo")
    repo.write(dict(BASE))
    repo.commit()
    repo.write(
        {
            "claims/t/x.yaml": (
                'question: "<script>alert(1)</script> | a [link](http://x) **bold**"\nkind: text\nassertions:\n'
                '  - source: daily-1\n    quote: South attacked first\n    value: "<img src=x> |"\n'
                '  - source: herald-1\n    quote: North attacked first\n    value: "</details>"\n'
            )
        }
    )
    out = run("--root", str(repo.root), "diff", "HEAD", "--format", "markdown").stdout
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(out)
    html = [t.content.strip() for t in tokens if t.type in ("html_block", "html_inline")]
    html += [c.content.strip() for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    assert html == []  # short lists: no <details>, and no tag from the data
    assert "<script>" not in out and "\\<script\\>" in out


# --- the pre-commit hook, the action and the workflow --------------------------------------


def console_script() -> list[str]:
    """`comparator` as installed next to this Python, else on PATH, else `python -m comparator`."""
    beside = Path(sys.executable).parent / "comparator"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("comparator")
    return [found] if found else [sys.executable, "-m", "comparator"]


def test_the_pre_commit_hook_runs_check_as_pre_commit_would(tmp_path: Path) -> None:
    from conftest import BASE

    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "comparator-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("claims/war/start.yaml") and files.search("sources/daily/daily-1.md")
    assert not files.search("comparator/cli/diff.py") and not files.search("docs/claims/x.md")

    entry = shlex.split(hook["entry"])
    assert entry[0] == "comparator"
    command = console_script() + entry[1:] + list(hook.get("args", []))
    repo = Repo(tmp_path / "repo")
    repo.write({**BASE, "claims/war/start.yaml": START})
    repo.commit()
    env = {k: v for k, v in os.environ.items() if k not in ("COMPARATOR_ROOT", "GITHUB_ACTIONS")}
    good = subprocess.run(command, cwd=repo.path, capture_output=True, text=True, env=env)
    assert (good.returncode, good.stdout, good.stderr) == (0, "", "no problems in 5 files\n")

    repo.write({"claims/war/start.yaml": START.replace("source: herald-1", "source: herald-2")})
    bad = subprocess.run(command, cwd=repo.path, capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert bad.stdout.startswith("claims/war/start.yaml:7:13: error unknown-source unknown source 'herald-2'")
    assert "Traceback" not in bad.stderr


def test_action_declares_its_inputs_and_steps() -> None:
    action = yaml.safe_load((PROJECT / "action.yml").read_text())
    assert set(action["inputs"]) == {"base", "root", "fail-on", "python-version", "sarif"}
    assert action["inputs"]["sarif"]["default"] == "false"
    assert action["inputs"]["base"]["default"] == "${{ github.event.pull_request.base.sha }}"
    assert action["inputs"]["fail-on"]["default"] == "error"
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    runs = [s.get("run", "") for s in steps]
    assert any("pip install" in r for r in runs)
    assert any("github.action_path" in str(s.get("env", {})) for s in steps)
    assert any("git -C" in r and "fetch" in r for r in runs)
    assert any("check --format github" in r for r in runs)
    assert any("--format markdown" in r and "GITHUB_STEP_SUMMARY" in r for r in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == "inputs.sarif == 'true'" and upload["with"]["sarif_file"] == "comparator.sarif"
    assert any("check --format sarif > comparator.sarif" in r for r in runs)
    for step in steps:  # inputs reach scripts through the environment, never pasted into code
        assert "${{" not in step.get("run", "")
        if "run" in step:
            assert step["shell"] == "bash"


def test_this_repository_runs_the_action_on_pull_requests() -> None:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/claims.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    action_inputs = set(yaml.safe_load((PROJECT / "action.yml").read_text())["inputs"])
    (job,) = workflow["jobs"].values()
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    local = next(s for s in job["steps"] if s.get("uses") == "./")
    assert set(local["with"]) == action_inputs
    assert any(s.get("run") == "comparator report --check" for s in job["steps"])


def _expand(text: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    """The few expressions the action uses, evaluated as the runner would."""

    def value(match: re.Match[str]) -> str:
        expr = match.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[7:]]
        if expr == "github.action_path":
            return str(PROJECT)
        step, _, name = expr.removeprefix("steps.").partition(".outputs.")
        return outputs.get(step, {}).get(name, "")

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def run_action(repo: Repo, tmp_path: Path, **given: str) -> tuple[int, str, str]:
    """Run the action's shell steps in order, with the runner's bash options and files
    (setup-python and the install are skipped: comparator is installed already)."""
    action = yaml.safe_load((PROJECT / "action.yml").read_text())
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given)
    summary = tmp_path / "summary.md"
    summary.write_text("")
    outputs: dict[str, dict[str, str]] = {}
    log = ""
    bindir = str(Path(console_script()[0]).parent) if len(console_script()) == 1 else ""
    for step in action["runs"]["steps"]:
        if "run" not in step or "pip install" in step["run"]:
            continue
        condition = step.get("if")
        if condition == "inputs.base != ''" and not inputs["base"]:
            continue
        if condition == "inputs.sarif == 'true'" and inputs["sarif"] != "true":
            continue
        assert condition in (None, "inputs.base != ''", "inputs.sarif == 'true'"), condition
        output_file = tmp_path / "output"
        output_file.write_text("")
        env = {k: v for k, v in os.environ.items() if k != "COMPARATOR_ROOT"}
        env.update({k: _expand(str(v), inputs, outputs) for k, v in step.get("env", {}).items()})
        env.update(
            {"GITHUB_OUTPUT": str(output_file), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
        )
        env["PATH"] = bindir + os.pathsep + env["PATH"] if bindir else env["PATH"]
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo.path,
            env=env,
            capture_output=True,
            text=True,
        )
        log += done.stdout + done.stderr
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in output_file.read_text().splitlines())
        if done.returncode != 0:
            return done.returncode, log, summary.read_text()
    return 0, log, summary.read_text()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_action_summarises_annotates_and_applies_fail_on(tmp_path: Path) -> None:
    if len(console_script()) != 1:
        pytest.skip("the comparator console script is not installed")
    repo = history(tmp_path / "repo")
    repo.git("reset", "-q", "--hard", "v1")
    base = sha(repo, "v0")

    head = sha(repo, "v1")
    status, log, summary = run_action(repo, tmp_path, base=base)
    assert status == 0
    # the revisions compared are named by their commits, the summary line said once
    assert summary == MARKDOWN_V0_V1.replace("v0 → v1", f"{base[:12]} → {head[:12]}") + "\n"
    assert [c[0] for c in runner_commands(log)] == ["warning"]  # the new dispute, nowhere else
    assert log.count("claims: 0 added, 0 removed, 1 changed; disputes: 1 introduced") == 1

    status, log, _ = run_action(repo, tmp_path, base=base, **{"fail-on": "new-dispute"})
    assert status == 1
    assert log.endswith(
        "Failed by --fail-on new-dispute: claims: 0 added, 0 removed, 1 changed; disputes: 1 introduced, "
        "0 resolved; contradictions: 1 introduced, 0 resolved; 1 verdict changed; at head: 0 errors, "
        "0 warnings\n"
    )

    repo.write({"claims/war/start.yaml": START.replace("source: herald-1", "source: herald-2")})
    repo.commit("cite a source that does not exist")
    status, log, summary = run_action(repo, tmp_path, base=base)
    assert status == 1
    assert [c[0] for c in runner_commands(log)] == ["error"]  # from check; diff adds no duplicate
    assert "**error** `unknown-source` (line 7): unknown source 'herald-2'" in summary  # beside its quote
    assert run_action(repo, tmp_path, base=base, **{"fail-on": "never"})[0] == 0
    status, log, _ = run_action(repo, tmp_path, base="")  # no base: check alone decides
    assert status == 1
    assert log.endswith("Failed: comparator check found 1 error, 0 warnings in 5 files\n")
    assert run_action(repo, tmp_path, base="", **{"fail-on": "never"})[0] == 0


# --- the pure comparison, without git ------------------------------------------------------


def corpus_of(files: dict[str, str]) -> Any:
    from conftest import BASE

    from comparator.corpus import from_files
    from comparator.root import FileText

    merged = {**BASE, **files}
    return from_files(Path("/data"), {rel: FileText(rel, text) for rel, text in merged.items()})


def compare(before: dict[str, str], after: dict[str, str]) -> Any:
    from comparator.review.diff import Revision
    from comparator.review.diff import diff as run_diff

    return run_diff(Revision("base", None, corpus_of(before)), Revision(None, None, corpus_of(after)))


VOICES = [
    ("daily-1", "At least 16 people were killed", None),
    ("daily-1", "16 people", "north-mod"),
    ("herald-1", "killed more than 6,500 people", None),
    ("herald-1", "6,500 people", "south"),
]


def count_claim(rows: list[tuple[int, int]]) -> str:
    """A count claim from (voice, value) rows."""
    lines = ["question: How many?", "kind: count", "assertions:"]
    for voice, value in rows:
        src, quote, claimant = VOICES[voice]
        lines += [f"  - source: {src}", f"    quote: {quote}", f"    value: {value}"]
        if claimant:
            lines.append(f"    claimant: {claimant}")
    return "\n".join(lines) + "\n"


rows_strategy = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from([16, 17, 6500])), min_size=1, max_size=6
)


@settings(max_examples=60, deadline=None)
@given(rows=rows_strategy, data=st.data())
def test_reordering_assertions_changes_nothing(rows: list[tuple[int, int]], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(rows))
    result = compare({"claims/t/c.yaml": count_claim(rows)}, {"claims/t/c.yaml": count_claim(list(shuffled))})
    assert (result.claims, result.verdicts, result.introduced, result.resolved, result.review) == (
        (),
        (),
        (),
        (),
        (),
    )


@settings(max_examples=60, deadline=None)
@given(old=rows_strategy, new=rows_strategy)
def test_contradictions_balance(old: list[tuple[int, int]], new: list[tuple[int, int]]) -> None:
    """Introduced minus resolved is exactly the change in the number of contradictions."""
    before = compare({}, {"claims/t/c.yaml": count_claim(old)})
    after = compare({}, {"claims/t/c.yaml": count_claim(new)})
    result = compare({"claims/t/c.yaml": count_claim(old)}, {"claims/t/c.yaml": count_claim(new)})
    assert len(result.introduced) - len(result.resolved) == len(after.introduced) - len(before.introduced)
    for c in result.introduced:
        assert c.pair.relation.value == "contradict"


def test_assertions_match_by_quote_then_voice_then_position() -> None:
    from comparator.models import Assertion
    from comparator.review.diff import match_assertions

    def a(source: str, quote: str, value: int = 1) -> Assertion:
        return Assertion(source=source, quote=quote, value=value)

    old = [a("s1", "first"), a("s2", "second"), a("s3", "third"), a("s4", "fourth")]
    new = [a("s2", "second", 2), a("s9", "renamed"), a("s3", "third, corrected"), a("s1", "first")]
    # s1 is identical, s2 has the same quote, s3 the same voice; s4 (position 3) and s9
    # (position 1) share no position, so one is removed and the other added.
    assert match_assertions(old, new) == [(1, 0), (2, 2), (0, 3)]
    assert match_assertions(old, [a("s1", "first"), a("s9", "renamed source")]) == [(0, 0), (1, 1)]


def test_long_lists_fold_into_details() -> None:
    from comparator.render import Options, markdown_diff

    claim = "question: What was said?\nkind: text\nassertions:\n" + "".join(
        f"  - source: daily-1\n    quote: South attacked first\n    value: v{n}\n" for n in range(11)
    )
    out = markdown_diff.diff(compare({}, {"claims/t/said.yaml": claim}), Options())
    assert "#### Quotes to review\n\n<details><summary>11 quotes to review</summary>\n\n**said**" in out
    assert "<details><summary>55 disputes introduced</summary>" in out
    assert out.count("</details>") == 2


# --- disputes: sides, not pairs -------------------------------------------------------------

SOLDIERS = {
    "sources/daily/d1.md": source("d1", "daily", "2020-10-01", "Officials said 71 soldiers died.\n"),
    "sources/herald/h1.md": source("h1", "herald", "2020-10-01", "The army said 90 soldiers died.\n"),
    "sources/wire/w1.md": source("w1", "wire", "2020-10-01", "Reports say 90 soldiers died.\n"),
    "sources/herald/h2.md": source("h2", "herald", "2020-10-01", "A count of 120 soldiers died.\n"),
    "sources/wire/w2.md": source("w2", "wire", "2020-10-01", "Only 17 soldiers died.\n"),
}
QUOTES = {
    "d1": "71 soldiers died",
    "h1": "90 soldiers died",
    "w1": "90 soldiers died",
    "h2": "120 soldiers died",
    "w2": "17 soldiers died",
}


def soldiers(*said: tuple[str, int]) -> str:
    lines = ["question: How many soldiers died?", "kind: count", "unit: soldiers", "assertions:"]
    for sid, value in said:
        lines += [f"  - source: {sid}", f"    quote: {QUOTES[sid]}", f"    value: {value}"]
    return "\n".join(lines) + "\n"


def two_steps(path: Path, before: str, after: str) -> Repo:
    """A repository whose `base` tag holds the claim `before` and `head` tag `after`."""
    from conftest import BASE

    repo = Repo(path)
    repo.write({**BASE, **SOLDIERS, "claims/war/soldiers.yaml": before})
    repo.commit("base")
    repo.git("tag", "base")
    repo.write({"claims/war/soldiers.yaml": after})
    repo.commit("head")
    repo.git("tag", "head")
    return repo


def test_an_article_repeating_a_side_is_no_new_dispute(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = two_steps(
        tmp_path / "repo", soldiers(("d1", 71), ("h1", 90)), soldiers(("d1", 71), ("h1", 90), ("w1", 90))
    )
    data = diff_json(run, repo, "base", "head")
    assert data["disputes"] == {"introduced": [], "resolved": []}
    assert len(data["contradictions"]["introduced"]) == 1  # w1's 90 against d1's 71, pair by pair
    assert diff(run, repo, "base", "head", "--fail-on", "new-dispute").exit_code == 0
    assert diff(run, repo, "base", "head", "--fail-on", "new-contradiction").exit_code == 1


def test_a_new_side_is_a_new_dispute(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = two_steps(
        tmp_path / "repo", soldiers(("d1", 71), ("h1", 90)), soldiers(("d1", 71), ("h1", 90), ("h2", 120))
    )
    data = diff_json(run, repo, "base", "head")
    assert [
        (d["claim"], [[a["source"] for a in side["assertions"]] for side in d["sides"]])
        for d in data["disputes"]["introduced"]
    ] == [("soldiers", [["d1"], ["h2"]]), ("soldiers", [["h1"], ["h2"]])]
    assert data["disputes"]["resolved"] == []
    assert data["counts"]["disputes_introduced"] == 2
    assert diff(run, repo, "base", "head", "--fail-on", "new-dispute").exit_code == 1


def test_a_typo_is_one_dispute_with_its_cause(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = two_steps(tmp_path / "repo", soldiers(("d1", 71)), soldiers(("d1", 71), ("w2", 17)))
    data = diff_json(run, repo, "base", "head")
    d1, w2 = soldier("d1", 71), soldier("w2", 17)
    assert data["disputes"]["introduced"] == [
        {
            "claim": "soldiers",
            "kind": "between-media",
            "cause": "typo",
            "sides": [{"origins": ["wire"], "assertions": [w2]}, {"origins": ["daily"], "assertions": [d1]}],
        }
    ]
    assert data["verdicts"] == [{"id": "soldiers", "before": "single-origin", "after": "contested"}]
    result = diff(run, repo, "base", "head", "--fail-on", "new-dispute")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "claims: 0 added, 0 removed, 1 changed; disputes: 1 introduced, 0 resolved;"
    )


def soldier(source_id: str, value: int) -> dict[str, Any]:
    outlet = {"d": "daily", "h": "herald", "w": "wire"}[source_id[0]]
    return {
        "source": source_id,
        "outlet": outlet,
        "published": "2020-10-01",
        "claimant": None,
        "origin": outlet,
        "value": value,
        "qualifier": "exact",
        "low": value,
        "high": value,
        "as_of": "2020-10-01",
        "quote": QUOTES[source_id],
        "translation": None,
        "status": "current",
    }


def test_a_corrected_typo_resolves_its_dispute(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    repo = two_steps(tmp_path / "repo", soldiers(("d1", 71), ("w2", 17)), soldiers(("d1", 71), ("w2", 71)))
    data = diff_json(run, repo, "base", "head")
    assert data["disputes"]["introduced"] == []
    assert [(d["claim"], d["kind"], d["cause"]) for d in data["disputes"]["resolved"]] == [
        ("soldiers", "between-media", "typo")
    ]
    assert [a["value"] for side in data["disputes"]["resolved"][0]["sides"] for a in side["assertions"]] == [
        17,
        71,
    ]
    assert diff(run, repo, "base", "head", "--fail-on", "new-dispute").exit_code == 0


def test_compare_from_the_merge_base_after_the_base_moved_on(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE

    repo = Repo(tmp_path / "repo")
    repo.write({**BASE, **SOLDIERS, "claims/war/soldiers.yaml": soldiers(("d1", 71))})
    repo.commit("start")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write({"claims/war/soldiers.yaml": soldiers(("d1", 71), ("h1", 71))})
    repo.commit("corroborate")
    repo.git("checkout", "-q", "main")
    repo.write({"claims/war/other.yaml": START})
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")

    plain = diff(run, repo, "main", "feature", "--format", "json")
    assert plain.stderr.startswith("main has moved on since this branch forked; compare main...feature\n")
    assert json.loads(plain.stdout)["claims"]["removed"] == ["other"]  # main's work, seen as removed
    assert (
        json.loads(plain.stdout)["note"]
        == "main has moved on since this branch forked; compare main...feature"
    )

    forked = diff(run, repo, "main...feature", "--format", "json")
    data = json.loads(forked.stdout)
    assert "moved on" not in forked.stderr and data["note"] is None
    assert data["claims"] == {"added": [], "removed": [], "changed": ["soldiers"]}
    assert data["verdicts"] == [{"id": "soldiers", "before": "single-origin", "after": "corroborated"}]
    assert data["commits"]["base"] == sha(repo, "main~1")
    assert diff_json(run, repo, "main", "feature", "--merge-base") == data
    assert diff_json(run, repo, "main", "--merge-base")["commits"]["base"] == sha(repo, "main~1")
    assert diff_json(run, repo, "main...")["claims"]["changed"] == ["soldiers"]
    both = diff(run, repo, "main...feature", "feature")
    assert both.exit_code == 1 and "not both" in both.stderr
    assert diff(run, repo, "main...feature", "--fail-on", "new-dispute").exit_code == 0


def test_no_common_ancestor_is_a_clear_error(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    from conftest import BASE

    repo = Repo(tmp_path / "repo")
    repo.write({**BASE, **SOLDIERS, "claims/war/soldiers.yaml": soldiers(("d1", 71))})
    repo.commit("start")
    repo.git("checkout", "-q", "--orphan", "other")
    repo.commit("unrelated")
    result = diff(run, repo, "main...other")
    assert result.exit_code != 0
    assert "have no common ancestor" in result.stderr
