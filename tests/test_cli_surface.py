"""The command line as a whole: help for every command, the terminal's width, colour, and
problem codes that are all documented."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from comparator.cli import COMMANDS, cli
from comparator.problems import CODES

TOP = Path(__file__).resolve().parent.parent
FIXTURE = TOP / "tests" / "fixtures" / "report"


def commands() -> Iterator[tuple[str, ...]]:
    """Every command path, subcommands of groups included (`source add`)."""
    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        command = cli.get_command(ctx, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                yield (name, sub)
        else:
            yield (name,)


@pytest.mark.parametrize("path", list(commands()), ids=" ".join)
def test_every_command_has_help(run, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run(*path, "--help")
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert usage.startswith(f"Usage: comparator {' '.join(path)}")
    assert rest.strip(), f"{' '.join(path)} --help has no description"
    assert "--root" in result.stdout  # accepted after the command as well as before it


def test_the_group_has_help(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name}" in result.stdout


def test_root_after_the_command(run) -> None:  # type: ignore[no-untyped-def]
    before = run("--root", str(FIXTURE), "list")
    after = run("list", "--root", str(FIXTURE))
    assert after.exit_code == before.exit_code == 0
    assert after.stdout == before.stdout


# --- width -------------------------------------------------------------------------------


def _tokens(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("root", [FIXTURE, TOP], ids=["fixture", "bundled"])
def test_show_and_list_fit_80_columns_without_breaking_words(run, root: Path) -> None:  # type: ignore[no-untyped-def]
    from comparator.corpus import claim_ids

    ids = claim_ids(root)
    outputs = [("list",)] + [("show", claim_id) for claim_id in ids]
    for args in outputs:
        narrow = run("--root", str(root), *args, env={"COLUMNS": "80"})
        wide = run("--root", str(root), *args, env={"COLUMNS": "120"})
        assert narrow.exit_code == 0, narrow.stderr
        too_wide = [line for line in narrow.stdout.splitlines() if len(line) > 80]
        assert not too_wide, (args, too_wide)
        whole = _tokens(wide.stdout)
        for token in _tokens(narrow.stdout) - whole:
            # only an id may break, and only after one of its hyphens
            assert re.fullmatch(r"[a-z0-9-]+", token), (args, token)
            assert any(token in w for w in [*whole, *ids]), (args, token)


# --- colour ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("no_color", "coloured"),
    [(None, True), ("", True), ("1", False), ("yes", False)],
    ids=["unset", "empty", "one", "yes"],
)
def test_colour_on_a_terminal_unless_no_color_is_set_and_not_empty(
    run, monkeypatch: pytest.MonkeyPatch, no_color: str | None, coloured: bool
) -> None:  # type: ignore[no-untyped-def]
    from comparator.cli import options

    monkeypatch.setattr(options, "_is_terminal", lambda: True)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
        env = {}
    else:
        env = {"NO_COLOR": no_color}
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["--root", str(FIXTURE), "list"], env=env, catch_exceptions=False)
    assert result.exit_code == 0
    assert ("\x1b[31mcontested\x1b[0m" in result.stdout) is coloured
    assert ("\x1b[" in result.stdout) is coloured


def test_no_colour_off_a_terminal(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--root", str(FIXTURE), "show", "who-attacked-first", env={"NO_COLOR": ""})
    assert "\x1b[" not in result.stdout


# --- problem codes -----------------------------------------------------------------------

_CODE_ARGUMENT = {"error": 3, "warning": 3, "YamlError": 0}


def emitted_codes() -> set[str]:
    """Every problem code written as a literal where a problem is made."""
    found: set[str] = set()
    for path in (TOP / "comparator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = _CODE_ARGUMENT.get(name or "")
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
    return found


def test_every_emitted_problem_code_is_in_the_list() -> None:
    codes = emitted_codes()
    assert len(codes) > 10  # the scan finds them
    assert codes <= set(CODES), codes - set(CODES)


def test_every_problem_code_is_documented_in_the_readme() -> None:
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in readme]
    assert not missing


# --- the renderer registry ---------------------------------------------------------------


def test_every_registered_renderer_exists_and_takes_a_result_and_options() -> None:
    import inspect

    from comparator.render import REGISTRIES

    for registry in REGISTRIES:
        for fmt in registry.formats:
            function = registry[fmt]
            parameters = list(inspect.signature(function).parameters.values())
            assert [p.name for p in parameters][1:] == ["options"], (registry.result, fmt)
            assert len(parameters) == 2, (registry.result, fmt)


def test_format_choices_come_from_the_registry(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "--help")
    assert "[text|json|markdown]" in result.stdout
    result = run("check", "--help")
    assert "[text|json|markdown|github|sarif]" in result.stdout
