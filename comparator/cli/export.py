"""`export`: the corpus as tables for spreadsheets, pandas, sqlite3, Datasette and Frictionless,
and as schema.org ClaimReview for publishing."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from comparator.cli.options import data_root, fail, note


@click.command()
@click.argument("out_arg", metavar="OUT", type=click.Path(path_type=str, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "sqlite", "datapackage", "claimreview"]),
    required=True,
    help="csv, jsonl: one file per table in the folder OUT; datapackage: those CSV files with a "
    "Frictionless datapackage.json; sqlite: one database file OUT; claimreview: one JSON-LD "
    "file OUT. jsonl and claimreview go to standard output when OUT is -.",
)
@click.option(
    "--publisher",
    metavar="NAME",
    help="claimreview: the organisation that publishes the reviews (their author).",
)
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="claimreview: the reviews' publication date, YYYY-MM-DD (default: today).",
)
@click.option("--force", is_flag=True, help="Replace existing output instead of refusing.")
@click.pass_context
def export(
    ctx: click.Context,
    out_arg: str,
    fmt: str,
    publisher: str | None,
    published: dt.datetime | None,
    force: bool,
) -> None:
    """Export outlets, actors, sources, claims, assertions and relations for analysis, or
    the claims as ClaimReview.

    Claims carry their verdict, consensus bounds and number of origins; assertions their
    origin and low/high bounds; relations say how each pair of assertions relates. Data with
    errors is refused (run `comparator check`). Existing output is never replaced without --force.
    """
    from comparator import export as exporter
    from comparator.root import unsafe_output

    if (publisher is not None or published is not None) and fmt != "claimreview":
        raise click.UsageError("--publisher and --date apply to --format claimreview only")
    if fmt == "claimreview" and not (publisher or "").strip():
        raise click.UsageError("--format claimreview needs --publisher NAME: who publishes the reviews")
    publication = (
        exporter.Publication(" ".join(publisher.split()), (published or dt.datetime.now()).date())
        if publisher
        else None
    )
    root = data_root(ctx)
    to_stdout = out_arg == "-"
    if to_stdout and fmt not in exporter.STREAMS:
        raise click.UsageError(exporter.not_a_stream(fmt))
    if not to_stdout:
        if not out_arg.strip():
            fail("an empty path names no output")
        if reason := unsafe_output(root, Path(out_arg)):
            fail(reason)
        exporter.refuse(fmt, Path(out_arg), force)  # a wrong path fails before the data is read
    data, errors = exporter.prepare(root, full=fmt == "claimreview")
    if data is None:
        for p in errors:
            note(str(p))
        plural = "s" if len(errors) != 1 else ""
        fail(f"{len(errors)} error{plural} in the data; nothing exported (see `comparator check`)")
    if to_stdout:
        exporter.stream(data, fmt, sys.stdout, publication)
    else:
        exporter.write(data, fmt, Path(out_arg), force, publication)
    where = "standard output" if to_stdout else f"{out_arg}{'/' if fmt in exporter.FOLDERS else ''}"
    note(f"wrote {where} ({fmt}): {exporter.summary(data, fmt)}")
