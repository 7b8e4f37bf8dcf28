"""`accept` on assertions: judged warnings set apart and counted, stale or wrong entries
reported at their own key; `retracted` assertions still checked."""

from __future__ import annotations

import json

from test_check import GOOD

SEVENTEEN = GOOD.replace("value: 16", "value: 17")


def with_accept(text: str, *entries: str) -> str:
    return text + "    accept:\n" + "".join(f"      {entry}\n" for entry in entries)


def test_an_accepted_warning_is_counted_not_reported(make_root, run):  # type: ignore[no-untyped-def]
    claim = with_accept(SEVENTEEN, "value-not-in-quote: the quote's figure was corrected in print")
    root = make_root({"claims/t/c.yaml": claim})
    result = run("--root", str(root), "check", "--strict")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no problems in 5 files (1 accepted)\n"
    data = json.loads(run("--root", str(root), "check", "--format", "json").stdout)
    assert data == {"problems": [], "counts": {"errors": 0, "warnings": 0, "accepted": 1, "files": 5}}


def test_an_accept_entry_whose_warning_no_longer_fires(make_root, run):  # type: ignore[no-untyped-def]
    claim = with_accept(GOOD, "qualifier-hint: fine", "value-not-in-quote: fine")
    root = make_root({"claims/t/c.yaml": claim})
    result = run("--root", str(root), "check")
    assert result.exit_code == 0
    assert result.stdout == (
        "claims/t/c.yaml:10:7: warning unused-accept qualifier-hint no longer fires on this assertion; "
        "remove the accept entry\n"
        "claims/t/c.yaml:11:7: warning unused-accept value-not-in-quote no longer fires on this "
        "assertion; remove the accept entry\n"
    )
    strict = run("--root", str(root), "check", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr == (
        "0 errors, 2 warnings in 5 files\n"
        "--strict: 2 warnings fail the check (accept a judged warning on its assertion)\n"
    )


def test_accepting_an_error_or_an_unknown_code_is_a_schema_error(make_root, run):  # type: ignore[no-untyped-def]
    claim = with_accept(
        SEVENTEEN,
        "value-not-in-quote: judged",
        "quote-not-found: checked",
        "value-not-in-qoute: typo",
        "unused-accept: judged",
    )
    root = make_root({"claims/t/c.yaml": claim})
    result = run("--root", str(root), "check")
    assert result.exit_code == 1
    assert result.stdout == (
        "claims/t/c.yaml:11:7: error schema quote-not-found is an error and cannot be accepted: fix it instead\n"
        "claims/t/c.yaml:12:7: error schema unknown warning code 'value-not-in-qoute' (did you mean "
        "'value-not-in-quote'?); accept takes qualifier-hint, undeclared-copy, value-not-in-quote\n"
        "claims/t/c.yaml:13:7: error schema unused-accept cannot be accepted: remove the entry that no "
        "longer applies\n"
    )


def test_no_unused_accept_when_an_error_stopped_the_checks(make_root, run):  # type: ignore[no-untyped-def]
    claim = with_accept(SEVENTEEN.replace("At least 16", "At least 99"), "value-not-in-quote: judged")
    root = make_root({"claims/t/c.yaml": claim})
    codes = [
        p["code"]
        for p in json.loads(run("--root", str(root), "check", "--format", "json").stdout)["problems"]
    ]
    assert codes == ["quote-not-found"]


def test_a_retracted_assertion_is_still_checked(make_root, run):  # type: ignore[no-untyped-def]
    claim = SEVENTEEN.replace("At least 16", "At least 99") + "    retracted: the outlet withdrew it\n"
    root = make_root({"claims/t/c.yaml": claim})
    data = json.loads(run("--root", str(root), "check", "--format", "json").stdout)
    assert [p["code"] for p in data["problems"]] == ["quote-not-found"]
    shown = json.loads(run("--root", str(root), "show", "c", "--format", "json").stdout)
    assert shown["assertions"][0]["status"] == "retracted"
    assert shown["sides"] == [] and shown["relations"] == [] and shown["consensus"] is None


def test_an_empty_retraction_or_reason_is_refused(make_root, run):  # type: ignore[no-untyped-def]
    claim = with_accept(GOOD + "    retracted: ''\n", "qualifier-hint: ''")
    root = make_root({"claims/t/c.yaml": claim})
    data = json.loads(run("--root", str(root), "check", "--format", "json").stdout)
    assert [(p["line"], p["code"]) for p in data["problems"]] == [(9, "schema"), (11, "schema")]


def test_an_accepted_warning_is_shown_with_its_reason(run, make_root) -> None:  # type: ignore[no-untyped-def]
    claim = (
        "question: How many people were killed?\nkind: count\nunit: people\nassertions:\n"
        "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 17\n"
        "    qualifier: at_least\n"
        "    accept:\n      value-not-in-quote: 17 counts a death the article reports later\n"
    )
    root = make_root({"claims/t/toll.yaml": claim})
    text = run("--root", str(root), "show", "toll").stdout
    assert "    accepted value-not-in-quote: 17 counts a death the article reports later\n" in text
    markdown = run("--root", str(root), "show", "toll", "--format", "markdown").stdout
    assert "> Accepted `value-not-in-quote`: 17 counts a death the article reports later" in markdown
    assert run("--root", str(root), "report").exit_code == 0
    report = (root / "reports" / "discrepancies.md").read_text(encoding="utf-8")
    assert "> Accepted `value-not-in-quote`: 17 counts a death the article reports later" in report
