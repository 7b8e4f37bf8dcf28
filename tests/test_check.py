"""`comparator check`: every problem code at its exact file, line and column."""

from __future__ import annotations

import json

import pytest
from conftest import source

GOOD = (
    "question: How many people were killed?\n"
    "kind: count\n"
    "unit: people\n"
    "assertions:\n"
    "  - source: daily-1\n"
    "    quote: At least 16 people were killed\n"
    "    value: 16\n"
    "    qualifier: at_least\n"
)
DATE_CLAIM = (
    "question: When did fighting begin?\n"
    "kind: date\n"
    "assertions:\n"
    "  - source: daily-1\n"
    "    quote: Fighting began\n"
    "    value: 2020-02-30\n"
)

CASES = {
    "yaml-syntax": (
        {"claims/t/c.yaml": "question: [unclosed\nkind: count\n"},
        ("claims/t/c.yaml", 2, 5, "error", "yaml-syntax"),
    ),
    "wrong type": (
        {"claims/t/c.yaml": GOOD.replace("value: 16", "value: sixteen")},
        ("claims/t/c.yaml", 7, 12, "error", "schema"),
    ),
    "bad qualifier": (
        {"claims/t/c.yaml": GOOD.replace("at_least", "roughly")},
        ("claims/t/c.yaml", 8, 16, "error", "schema"),
    ),
    "huge count": (
        {"claims/t/c.yaml": GOOD.replace("value: 16", "value: " + "9" * 400)},
        ("claims/t/c.yaml", 7, 12, "error", "schema"),
    ),
    "huge quantity": (
        {
            "claims/t/c.yaml": GOOD.replace("kind: count", "kind: quantity").replace(
                "value: 16", "value: 1e300"
            )
        },
        ("claims/t/c.yaml", 7, 12, "error", "schema"),
    ),
    "bad date": ({"claims/t/c.yaml": DATE_CLAIM}, ("claims/t/c.yaml", 6, 12, "error", "schema")),
    "missing field": (
        {"claims/t/c.yaml": GOOD.replace("    value: 16\n", "")},
        ("claims/t/c.yaml", 5, 5, "error", "schema"),
    ),
    "unknown field": (
        {
            "claims/t/c.yaml": GOOD.replace("    unit: people\n", "").replace(
                "unit: people\n", "unit: people\nunti: x\n"
            )
        },
        ("claims/t/c.yaml", 4, 1, "error", "unknown-field"),
    ),
    "duplicate claim id": (
        {"claims/t/c.yaml": GOOD, "claims/u/c.yaml": GOOD},
        ("claims/u/c.yaml", 1, 1, "error", "duplicate-id"),
    ),
    "duplicate source id": (
        {"sources/herald/daily-1.md": source("daily-1", "herald", "2020-01-01", "text")},
        ("sources/herald/daily-1.md", 2, 5, "error", "duplicate-id"),
    ),
    "duplicate outlet id": (
        {"sources/outlets.yaml": "- id: daily\n  name: A\n- id: herald\n  name: H\n- id: daily\n  name: B\n"},
        ("sources/outlets.yaml", 5, 7, "error", "duplicate-id"),
    ),
    "duplicate actor id": (
        {"sources/actors.yaml": "- id: north\n  name: N\n- id: south\n  name: S\n- id: south\n  name: S2\n"},
        ("sources/actors.yaml", 5, 7, "error", "duplicate-id"),
    ),
    "id mismatch": (
        {"sources/daily/daily-2.md": source("daily-3", "daily", "2020-01-01", "text")},
        ("sources/daily/daily-2.md", 2, 5, "error", "id-mismatch"),
    ),
    "unknown source": (
        {"claims/t/c.yaml": GOOD.replace("source: daily-1", "source: daily-2")},
        ("claims/t/c.yaml", 5, 13, "error", "unknown-source"),
    ),
    "unknown outlet": (
        {"sources/daily/daily-2.md": source("daily-2", "dialy", "2020-01-01", "text")},
        ("sources/daily/daily-2.md", 3, 9, "error", "unknown-outlet"),
    ),
    "unknown wire": (
        {"sources/daily/daily-2.md": source("daily-2", "daily", "2020-01-01", "text", wire="wyre")},
        ("sources/daily/daily-2.md", 7, 7, "error", "unknown-outlet"),
    ),
    "unknown claimant": (
        {"claims/t/c.yaml": GOOD + "    claimant: nort\n"},
        ("claims/t/c.yaml", 9, 15, "error", "unknown-actor"),
    ),
    "unknown actor value": (
        {
            "claims/t/c.yaml": "question: Who?\nkind: actor\nassertions:\n  - source: daily-1\n    quote: South attacked first\n    value: suoth\n"
        },
        ("claims/t/c.yaml", 6, 12, "error", "unknown-actor"),
    ),
    "unknown part_of": (
        {"sources/actors.yaml": "- id: north\n  name: N\n  part_of: nowhere\n"},
        ("sources/actors.yaml", 3, 12, "error", "unknown-actor"),
    ),
    "part_of cycle": (
        {"sources/actors.yaml": "- id: a\n  name: A\n  part_of: b\n- id: b\n  name: B\n  part_of: a\n"},
        ("sources/actors.yaml", 3, 12, "error", "part-of-cycle"),
    ),
    "derived_from cycle": (
        {
            "sources/daily/d-a.md": source("d-a", "daily", "2020", "a", derived_from="d-b"),
            "sources/daily/d-b.md": source("d-b", "daily", "2020", "b", derived_from="d-a"),
        },
        ("sources/daily/d-a.md", 7, 15, "error", "derived-from-cycle"),
    ),
    "quote not found": (
        {"claims/t/c.yaml": GOOD.replace("At least 16 people were killed", "at least 16 people were killed")},
        ("claims/t/c.yaml", 6, 12, "error", "quote-not-found"),
    ),
    "empty body": (
        {"sources/daily/daily-2.md": source("daily-2", "daily", "2020-01-01", "\n \n")},
        ("sources/daily/daily-2.md", 8, 1, "error", "empty-body"),
    ),
    "value not in quote": (
        {"claims/t/c.yaml": GOOD.replace("value: 16", "value: 17")},
        ("claims/t/c.yaml", 7, 12, "warning", "value-not-in-quote"),
    ),
    "qualifier hint": (
        {"claims/t/c.yaml": GOOD.replace("    qualifier: at_least\n", "")},
        ("claims/t/c.yaml", 7, 12, "warning", "qualifier-hint"),
    ),
}


def problems_of(run, root, *args):  # type: ignore[no-untyped-def]
    result = run("--root", str(root), "check", "--format", "json", *args)
    data = json.loads(result.stdout)
    return result, [(p["file"], p["line"], p["column"], p["severity"], p["code"]) for p in data["problems"]]


@pytest.mark.parametrize("name", CASES)
def test_each_problem_is_located_exactly(make_root, run, name):  # type: ignore[no-untyped-def]
    files, expected = CASES[name]
    result, found = problems_of(run, make_root(files))
    assert found == [expected]
    assert result.exit_code == (1 if expected[3] == "error" else 0)


def test_the_base_fixture_is_clean(make_root, run):  # type: ignore[no-untyped-def]
    result = run("--root", str(make_root()), "check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems in 4 files\n")


def test_text_format_and_summary(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root(
        {
            "claims/t/c.yaml": GOOD.replace("value: 16", "value: 17").replace(
                "source: daily-1", "source: daily-1\n    claimant: nort"
            )
        }
    )
    result = run("--root", str(root), "check")
    assert result.stdout == (
        "claims/t/c.yaml:6:15: error unknown-actor unknown claimant 'nort' (did you mean 'north', 'north-mod'?)\n"
        "claims/t/c.yaml:8:12: warning value-not-in-quote 17 is not written in the quote (read as en: 16)\n"
    )
    assert result.stderr == "1 error, 1 warning in 5 files\n"
    assert result.exit_code == 1


def test_warnings_fail_only_under_strict(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": GOOD.replace("value: 16", "value: 17")})
    assert run("--root", str(root), "check").exit_code == 0
    assert run("--root", str(root), "check", "--strict").exit_code == 1


def test_every_problem_is_reported_not_just_the_first(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root(
        {
            "claims/t/a.yaml": GOOD.replace("source: daily-1", "source: nope"),
            "claims/t/b.yaml": GOOD.replace("value: 16", "value: x"),
            "sources/daily/daily-2.md": source("daily-2", "nope", "2020", "text"),
        }
    )
    _, found = problems_of(run, root)
    assert [f[4] for f in found] == ["unknown-source", "schema", "unknown-outlet"]


def test_json_counts(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": GOOD.replace("value: 16", "value: 17")})
    data = json.loads(run("--root", str(root), "check", "--format", "json").stdout)
    assert data["counts"] == {"errors": 0, "warnings": 1, "accepted": 0, "files": 5}
    assert data["problems"][0] == {
        "file": "claims/t/c.yaml",
        "line": 7,
        "column": 12,
        "severity": "warning",
        "code": "value-not-in-quote",
        "message": "17 is not written in the quote (read as en: 16)",
    }


def test_paths_restrict_the_report_but_references_resolve(make_root, run, monkeypatch):  # type: ignore[no-untyped-def]
    root = make_root(
        {"claims/t/a.yaml": GOOD.replace("source: daily-1", "source: nope"), "claims/u/b.yaml": GOOD}
    )
    monkeypatch.chdir(root)
    result, found = problems_of(run, root, "claims/u")
    assert found == [] and result.exit_code == 0
    _, found = problems_of(run, root, "claims/t/a.yaml")
    assert [f[4] for f in found] == ["unknown-source"]


def test_github_format_is_chosen_under_actions(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": GOOD.replace("source: daily-1", "source: nope")})
    result = run("--root", str(root), "check", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout == (
        "::error file=claims/t/c.yaml,line=5,col=13,title=unknown-source::unknown source 'nope'\n"
    )


def test_github_annotations_escape_data(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root(
        {"claims/t/c.yaml": GOOD.replace("At least 16 people were killed", "'100% sure, really: x'")}
    )
    result = run("--root", str(root), "check", "--format", "github")
    assert result.stdout == (
        "::error file=claims/t/c.yaml,line=6,col=12,title=quote-not-found::"
        "the quote does not occur in sources/daily/daily-1.md: '100%25 sure, really: x'\n"
    )


@pytest.mark.parametrize(
    "message",
    [
        "50%",
        "a\n::warning file=x::owned",
        "a\r\n::add-mask::secret",
        "a\r::error::b",
        "%0A::stop-commands::x",
    ],
)
def test_no_data_can_start_a_workflow_command(message):  # type: ignore[no-untyped-def]
    from comparator.render.escape import workflow_command

    line = workflow_command("error", message, file="claims/a,b:c.yaml", line=3)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=claims/a%2Cb%3Ac.yaml,line=3::")
    body = line.split("::", 2)[2]
    assert "%" not in body.replace("%25", "").replace("%0A", "").replace("%0D", "")


def test_markdown_format_escapes_cells(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": GOOD.replace("source: daily-1", "source: nope")})
    result = run("--root", str(root), "check", "--format", "markdown")
    assert result.stdout == (
        "**1 error, 0 warnings in 5 files**\n\n"
        "| file            | line   | col   | severity   | code           | message               |\n"
        "|-----------------|--------|-------|------------|----------------|-----------------------|\n"
        "| claims/t/c.yaml | 5      | 13    | error      | unknown-source | unknown source 'nope' |\n"
    )


def test_a_bad_field_does_not_hide_the_other_assertions_problems(make_root, run):  # type: ignore[no-untyped-def]
    broken = (
        GOOD
        + "  - source: daily-1\n    quote: not in the article\n    value: 3\n  - source: herald-1\n    quote: x\n    value: many\n"
    )
    _, found = problems_of(run, make_root({"claims/t/c.yaml": broken}))
    assert found == [
        ("claims/t/c.yaml", 10, 12, "error", "quote-not-found"),
        ("claims/t/c.yaml", 14, 12, "error", "schema"),
    ]


def test_legacy_runner_commands_are_broken_up() -> None:
    from comparator.render.escape import workflow_command

    line = workflow_command("error", "x ##[add-mask]secret ##[error]boom", file="a.yaml")
    assert "##[" not in line and line.count("##\u2060[") == 2


def test_github_paths_are_repository_paths(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    import subprocess

    root = make_root({"claims/t/c.yaml": GOOD.replace("source: daily-1", "source: nope")})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run("--root", str(root), "check", "--format", "github")
    assert result.stdout.startswith("::error file=data/claims/t/c.yaml,line=5,col=13,")


def test_a_path_that_does_not_exist_is_bad_usage(make_root, run, monkeypatch):  # type: ignore[no-untyped-def]
    root = make_root()
    monkeypatch.chdir(root)
    result = run("--root", str(root), "check", "claims/t/typo.yaml")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_a_root_without_data_is_refused(run, tmp_path):  # type: ignore[no-untyped-def]
    result = run("--root", str(tmp_path), "check")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"comparator: data root {tmp_path} holds neither claims/ nor sources/\n"


def test_straight_quotes_and_dashes_match_typographic_ones(make_root, run):  # type: ignore[no-untyped-def]
    body = "He said: \u201cthe war \u2014 all of it \u2014 ended\u201d on 10\u00a0November.\n"
    claim = (
        "question: When did it end?\nkind: date\nassertions:\n"
        "  - source: daily-2\n    quote: '\"the war - all of it - ended\" on 10 November'\n    value: 2020-11-10\n"
    )
    root = make_root(
        {"sources/daily/daily-2.md": source("daily-2", "daily", "2020-11-11", body), "claims/t/c.yaml": claim}
    )
    _, found = problems_of(run, root)
    assert found == []
