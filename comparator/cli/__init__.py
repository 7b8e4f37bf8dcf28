"""The command line: a group whose commands are imported only when run."""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from comparator import __version__, cache
from comparator.cli.options import note, root_option
from comparator.errors import ComparatorError

# name -> "module:function"; each module holds one command and nothing heavier than it needs.
COMMANDS = {
    "check": "comparator.cli.check:check",
    "show": "comparator.cli.show:show",
    "list": "comparator.cli.list:list_claims",
    "diff": "comparator.cli.diff:diff",
    "report": "comparator.cli.report:report",
    "schema": "comparator.cli.schema:schema",
    "export": "comparator.cli.export:export",
    "source": "comparator.cli.source:source",
    "suggest": "comparator.cli.suggest:suggest",
    "init": "comparator.cli.init:init",
    "outlet": "comparator.cli.registry:outlet",
    "actor": "comparator.cli.registry:actor",
    "claim": "comparator.cli.claim:claim",
    "copies": "comparator.cli.copies:copies",
    "vet": "comparator.cli.vet:vet",
}


class LazyGroup(click.Group):
    """Imports a command's module only when it runs, gives every command `--root`, and turns a
    `ComparatorError` from any of them into one message and exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, name = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        _with_root(command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ComparatorError as exc:
            first, *rest = str(exc).splitlines() or [""]
            note("\n".join([f"comparator: {first}", *rest]))
            ctx.exit(exc.exit_code)


def _with_root(command: click.Command) -> None:
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_root(sub)
    elif not any(p.name == "root" for p in command.params):
        command.params.append(root_option())


@click.group(
    name="comparator",
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=str),
    envvar="COMPARATOR_ROOT",
    help="Data root holding claims/ and sources/ "
    "(default: $COMPARATOR_ROOT, else the nearest folder upwards).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read and check every file afresh, neither using nor filling the cache "
    "(.comparator-cache/ in the data root, or $COMPARATOR_CACHE).",
)
@click.version_option(__version__, prog_name="comparator")
@click.pass_context
def cli(ctx: click.Context, root: str | None, no_cache: bool) -> None:
    """Compare curated news claims across outlets and the parties they quote.

    Claims live in claims/<topic>/<id>.yaml, articles in sources/<outlet>/<id>.md.
    Exit codes: 0 nothing found, 1 problems found (or stale report, unknown claim), 2 bad usage.
    """
    ctx.obj = {"root": root}
    cache.use(not no_cache)


def main(argv: Any = None) -> None:
    # A command is one short process that builds a repository's worth of small objects and
    # keeps nearly all of them to its end. The cyclic collector's full passes would walk
    # them all again each time they grew by a quarter (1.7 of 29 CPU seconds of a cold
    # `check` at 20,000 claims) and find nothing to free: the cycles the commands leave (an
    # indented JSON encoder's closures) die young, and the young generations are still
    # collected.
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 2**31 - 1)
    cli.main(args=argv, prog_name="comparator")
