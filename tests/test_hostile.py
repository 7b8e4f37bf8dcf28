"""Hostile or broken input gets a located problem: never a traceback, a hang, or code run."""

from __future__ import annotations

import json
import os

import pytest

from comparator.yamlmarks import YamlError, load

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def only_problem(run, root):  # type: ignore[no-untyped-def]
    result = run("--root", str(root), "check", "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert result.exit_code == 1
    assert len(problems) == 1, problems
    p = problems[0]
    return (p["file"], p["line"], p["column"], p["code"]), p["message"]


def test_not_utf8(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": b"question: caf\xe9\nkind: count\n"})
    assert only_problem(run, root) == (("claims/t/c.yaml", 1, 14, "encoding"), "the file is not UTF-8 text")


def test_empty_file(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": ""})
    assert only_problem(run, root)[0] == ("claims/t/c.yaml", 1, 1, "empty-file")


def test_empty_source_file(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"sources/daily/daily-2.md": "  \n"})
    assert only_problem(run, root)[0] == ("sources/daily/daily-2.md", 1, 1, "empty-file")


def test_billion_laughs_is_refused_not_expanded(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": BILLION_LAUGHS})
    where, message = only_problem(run, root)
    # the first anchor is named: aliases need one
    assert where == ("claims/t/c.yaml", 1, 4, "unsafe-yaml")
    assert message == "YAML anchors and aliases (&a) are not allowed in curated data"


def test_python_tags_are_refused_never_run(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    marker = tmp_path / "ran"
    evil = f'question: !!python/object/apply:os.system ["touch {marker}"]\nkind: count\n'
    root = make_root({"claims/t/c.yaml": evil})
    where, message = only_problem(run, root)
    assert where == ("claims/t/c.yaml", 1, 11, "unsafe-yaml")
    assert "python/object/apply:os.system" in message
    assert not marker.exists()


def test_python_tag_in_front_matter(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"sources/daily/daily-2.md": "---\nid: !!python/name:os.system\n---\ntext\n"})
    assert only_problem(run, root)[0] == ("sources/daily/daily-2.md", 2, 5, "unsafe-yaml")


def test_deep_nesting(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": "question: " + "[" * 5000 + "]" * 5000 + "\n"})
    (file, line, _, code), message = only_problem(run, root)
    # where depends on who stops it first: this loader at 64 levels, or libyaml >= 0.2.5 at 1000
    assert (file, line, code, message) == (
        "claims/t/c.yaml",
        1,
        "unsafe-yaml",
        "nesting deeper than 64 levels",
    )


def test_ten_megabyte_scalar(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": "question: " + "x" * 10_000_000 + "\n"})
    where, _message = only_problem(run, root)
    assert where == ("claims/t/c.yaml", 1, 1, "too-large")


def test_symlink_out_of_the_root_is_not_read(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    outside = tmp_path / "secret.yaml"
    outside.write_text("question: secret\n")
    root = make_root()
    (root / "claims" / "t").mkdir(parents=True)
    os.symlink(outside, root / "claims" / "t" / "c.yaml")
    where, message = only_problem(run, root)
    assert where == ("claims/t/c.yaml", 1, 1, "outside-root")
    assert "secret" not in message


def test_linked_folder_out_of_the_root_is_not_entered(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    """Folder links inside the data (B15) are reported, not skipped in silence."""
    outside = tmp_path / "elsewhere"
    (outside / "t").mkdir(parents=True)
    (outside / "t" / "c.yaml").write_text("not: [valid")
    root = make_root()
    os.symlink(outside, root / "claims" / "linked")
    os.symlink(outside, root / "sources" / "daily" / "more")
    result = run("--root", str(root), "check")
    assert result.exit_code == 1
    assert result.stdout == (
        "claims/linked:1:1: error outside-root a linked folder is not entered; its files were not read\n"
        "sources/daily/more:1:1: error outside-root a linked folder is not entered; its files were not read\n"
    )


def test_path_argument_outside_the_root(make_root, run, monkeypatch):  # type: ignore[no-untyped-def]
    root = make_root()
    monkeypatch.chdir(root)
    result = run("--root", str(root), "check", "--format", "json", "../..")
    problems = json.loads(result.stdout)["problems"]
    assert [(p["file"], p["code"]) for p in problems] == [("../..", "outside-root")]
    assert result.exit_code == 1


def test_registry_that_is_not_a_list(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"sources/outlets.yaml": "id: daily\nname: Daily\n"})
    result = run("--root", str(root), "check", "--format", "json")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["file"] == "sources/outlets.yaml"]
    assert [(p["line"], p["column"], p["code"]) for p in problems] == [(1, 1, "schema")]


def test_front_matter_without_closing_line(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root({"sources/daily/daily-2.md": "---\nid: daily-2\ntext without an end\n"})
    assert only_problem(run, root)[0] == ("sources/daily/daily-2.md", 1, 1, "yaml-syntax")


@pytest.mark.parametrize(
    "text, where",
    [
        ("a: 1\na: 2\n", (2, 1)),  # a duplicate key would silently drop a value
        ("? [a, b]\n: 1\n", (1, 3)),  # complex keys are not data a curator writes
    ],
)
def test_yaml_shapes_refused(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(YamlError) as info:
        load(text)
    assert (info.value.line, info.value.column) == where


def test_no_traceback_on_any_garbage(make_root, run):  # type: ignore[no-untyped-def]
    garbage = {
        "claims/t/a.yaml": "- just\n- a list\n",
        "claims/t/b.yaml": "question: 5\nkind: count\nassertions: {}\n",
        "claims/t/c.yaml": "\x00\x01binary",
        "claims/Bad Name/d.yaml": "question: q\n",
        "claims/loose.yaml": "question: q\n",
        "sources/daily/x.md": "---\n[1, 2]\n---\nbody\n",
    }
    result = run("--root", str(make_root(garbage)), "check")
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stdout.splitlines()) >= len(garbage)
