"""`schema`: the JSON Schemas of the file formats, printed or written to schema/."""

from __future__ import annotations

import sys

import click

from comparator.cli.options import data_root, emit, fail, note

NAMES = ("claim", "source", "outlets", "actors")  # comparator.schema.NAMES, without importing pydantic


@click.command()
@click.argument("name", required=False, metavar="[NAME]", type=click.Choice(NAMES))
@click.option(
    "--write",
    "write_",
    is_flag=True,
    help="Write the schemas to schema/ in the data root (only NAME if given).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 when a schema under schema/ is missing or out of date.",
)
@click.pass_context
def schema(ctx: click.Context, name: str | None, write_: bool, check: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of a claim file, a source's front matter, or a registry.

    NAME is claim, source, outlets or actors. Editors with the YAML language server use these
    schemas to validate and complete claim files as you type; `--write` keeps the copies in
    schema/ current, and `--check` tells whether they are.
    """
    from comparator import schema as schemas

    if write_ and check:
        raise click.UsageError("give --write or --check, not both")
    if not (write_ or check):
        if name is None:
            raise click.UsageError(
                "name a schema (claim, source, outlets, actors), or give --write or --check"
            )
        emit(schemas.text(name))
        return
    root = data_root(ctx)
    names = (name,) if name else schemas.NAMES
    if check:
        stale = schemas.outdated(root, names)
        for stale_name in stale:
            rel = schemas.rel_path(stale_name)
            note(f"{rel} is {'out of date' if (root / rel).exists() else 'missing'}")
        if stale:
            note("run `comparator schema --write` to update")
            sys.exit(1)
        note(f"{len(names)} schema{'s are' if len(names) != 1 else ' is'} current")
        return
    try:
        written = schemas.write(root, names)
    except OSError as exc:
        fail(f"cannot write {schemas.FOLDER}/: {exc.strerror or exc}")
    for each in names:
        note(f"{'wrote' if each in written else 'unchanged'} {schemas.rel_path(each)}")
