"""`export`: the corpus as tables for spreadsheets, pandas, sqlite3 and Datasette."""

from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import data_root, fail, note


@click.command()
@click.argument("out_arg", metavar="OUT", type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "sqlite"]),
    required=True,
    help="csv or jsonl: one file per table in the folder OUT; sqlite: one database file OUT.",
)
@click.option("--force", is_flag=True, help="Replace existing output instead of refusing.")
@click.pass_context
def export(ctx: click.Context, out_arg: str, fmt: str, force: bool) -> None:
    """Export outlets, actors, sources, claims, assertions and relations for analysis.

    Claims carry their verdict, consensus bounds and number of origins; assertions their
    origin and low/high bounds; relations say how each pair of assertions relates. Data with
    errors is refused (run `comparator check`). Existing output is never replaced without --force.
    """
    from comparator import export as exporter
    from comparator.root import unsafe_output

    root = data_root(ctx)
    if not out_arg.strip():
        fail("an empty path names no output")
    out = Path(out_arg)
    if reason := unsafe_output(root, out):
        fail(reason)
    try:
        exporter.refuse(fmt, out, force)  # a wrong path fails before the data is read
    except exporter.ExportError as exc:
        fail(str(exc))
    tables, errors = exporter.prepare(root)
    if errors:
        for p in errors:
            note(str(p))
        plural = "s" if len(errors) != 1 else ""
        fail(f"{len(errors)} error{plural} in the data; nothing exported (see `comparator check`)")
    try:
        exporter.write(tables, fmt, out, force)
    except exporter.ExportError as exc:
        fail(str(exc))
    counts = ", ".join(f"{t.name} {len(t.rows)}" for t in tables)
    note(f"wrote {out}{'/' if fmt != 'sqlite' else ''} ({fmt}): {counts}")
