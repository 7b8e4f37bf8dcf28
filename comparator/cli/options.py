"""Options shared by several commands, and the few helpers every command needs."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from comparator.root import RootNotFound, find_root


def format_option(*choices: str, auto_github: bool = False) -> Callable[[Any], Any]:
    """`--format`; with `auto_github`, `github` is the default inside GitHub Actions."""

    def default() -> str:
        if auto_github and os.environ.get("GITHUB_ACTIONS") == "true":
            return "github"
        return "text"

    under_actions = "; github when GITHUB_ACTIONS=true" if auto_github else ""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        help=f"Output format (default: text{under_actions}).",
    )


def data_root(ctx: click.Context) -> Path:
    try:
        return find_root((ctx.find_root().obj or {}).get("root"))
    except RootNotFound as exc:
        fail(str(exc))


def terminal() -> dict[str, Any]:
    """Width and colour for text output: colour only on a terminal and never with NO_COLOR;
    the width wraps long lines without letting a very wide window spread tables thin."""
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    return {"color": color, "width": width}


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"comparator: {message}", err=True)
    sys.exit(code)


# Control characters from data could drive the reader's terminal (retitle it, write to its
# clipboard): all are dropped but tab, newline and the colour codes the renderers add.
_CONTROLS = re.compile(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    return _CONTROLS.sub("", text)


def emit(text: str) -> None:
    """Data to stdout, ending in exactly one newline (or nothing for empty output)."""
    if text:
        click.echo(safe(text.rstrip("\n")))


def note(text: str) -> None:
    """Summaries and progress to stderr."""
    click.echo(safe(text), err=True)
