"""Options shared by several commands, and the few helpers every command needs."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

import click

from comparator.errors import ComparatorError
from comparator.render import Format, Options, Registry
from comparator.root import find_root

ROOT_KEY = "root"


def format_option(registry: Registry[Any], *, auto_github: bool = False) -> Callable[[Any], Any]:
    """`--format`, offering exactly the formats registered for the command's result; with
    `auto_github`, `github` is the default inside GitHub Actions (as yamllint does)."""

    def default() -> str:
        if auto_github and os.environ.get("GITHUB_ACTIONS") == "true":
            return Format.GITHUB.value
        return Format.TEXT.value

    under_actions = "; github when GITHUB_ACTIONS=true" if auto_github else ""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice([f.value for f in registry.formats]),
        default=default,
        callback=lambda _ctx, _param, value: Format(value),
        help=f"Output format (default: text{under_actions}).",
    )


def _remember_root(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        top = ctx.find_root()
        top.obj = {**(top.obj or {}), ROOT_KEY: value}


def root_option() -> click.Option:
    """`--root` after a command (`comparator check --root DIR`), as well as before it."""
    return click.Option(
        ["--root"],
        type=click.Path(file_okay=False, path_type=str),
        expose_value=False,
        is_eager=True,
        callback=_remember_root,
        help="Data root holding claims/ and sources/ (may also be given before the command).",
    )


def data_root(ctx: click.Context) -> Path:
    return find_root((ctx.find_root().obj or {}).get(ROOT_KEY))


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def color_wanted() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to a non-empty value
    (no-color.org: an empty NO_COLOR does not count)."""
    return _is_terminal() and not os.environ.get("NO_COLOR")


def render_options(*, prefix: str = "", problems: bool = True) -> Options:
    """How to render for this terminal: its width (a very wide window must not spread tables
    thin, a very narrow one gets 60 columns that it wraps itself) and colour."""
    width = max(60, min(_columns(), 120))
    return Options(width=width, color=color_wanted(), prefix=prefix, problems=problems)


def _columns(fallback: int = 100) -> int:
    """The terminal's width as `shutil.get_terminal_size` gives it ($COLUMNS first), without
    importing shutil and the compression modules it brings into every lookup."""
    with contextlib.suppress(KeyError, ValueError):
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return fallback


def fail(message: str) -> NoReturn:
    """Stop the command: the group prints the message and exits 1."""
    raise ComparatorError(message)


# Control characters from data could drive the reader's terminal (retitle it, write to its
# clipboard), and bidi overrides could reorder what a reviewer reads: all are dropped, but
# tab, newline and the colour codes the renderers add.
_CONTROLS = re.compile(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes of a file name that were not UTF-8


_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])


def safe(text: str) -> str:
    if text.isascii():
        data = text.encode("ascii")
        if len(data.translate(None, _ASCII_CONTROLS)) == len(data):
            return text  # nothing to drop, told at C speed: a listing writes megabytes
    elif _UNDECODABLE.search(text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROLS.sub("", text)


def emit(text: str) -> None:
    """Data to stdout, ending in exactly one newline (or nothing for empty output)."""
    if text:
        # Renderers add colour codes only when colour is wanted, and drop any from data:
        # click must not strip them again because the stream is not a terminal.
        click.echo(safe(text.rstrip("\n")), color=True)


def emit_pieces(pieces: Iterable[str]) -> None:
    """What `emit` prints, written piece by piece as a renderer gives it (`list` of a large
    repository is never held whole)."""
    last = ""
    for piece in pieces:
        if piece:
            click.echo(safe(piece), nl=False, color=True)
            last = piece
    if last and not last.endswith("\n"):
        click.echo("")


def note(text: str) -> None:
    """Summaries and progress to stderr; one line per line of `text`, however it was made."""
    click.echo(safe(text), err=True)
