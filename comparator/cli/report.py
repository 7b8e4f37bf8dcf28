"""`report`: write the markdown discrepancy report, or check that the written one is current."""

from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import data_root, fail, note
from comparator.humanize import plural


@click.command()
@click.option(
    "--out",
    "out",
    # a string as typed: click's Path would make "" the current folder, and "" names nothing
    type=click.Path(file_okay=False, path_type=str),
    help="Folder to write the report into (default: reports/ under the data root).",
)
@click.option("--topic", multiple=True, help="Report only on claims of this topic (repeatable).")
@click.option("--tag", multiple=True, help="Report only on claims with this tag (repeatable).")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 naming each report file that is missing "
    "or differs from what would be written.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite report files even if they were not written by comparator."
)
@click.pass_context
def report(
    ctx: click.Context,
    out: str | None,
    topic: tuple[str, ...],
    tag: tuple[str, ...],
    check_only: bool,
    force: bool,
) -> None:
    """Write reports/discrepancies.md: contested claims first, running totals, corroborated
    and single-origin claims, outlet × outlet and outlet × party matrices, and a source index.

    The same data always gives the same bytes, so the committed report can be kept current
    in CI with --check. With --topic or --tag, only the matching claims are reported.
    """
    from comparator.facets import Filters
    from comparator.render.text import problem_line
    from comparator.report.build import REPORT, ReportRefused, run

    root = data_root(ctx)
    out_dir: str | Path = out if out is not None else root / "reports"
    # sorted, so the order options are given in does not change the report's bytes
    scope = Filters(topic=tuple(sorted(set(topic))), tag=tuple(sorted(set(tag))))
    try:
        outcome = run(root, out_dir, scope, check=check_only, force=force)
    except ReportRefused as exc:
        note("\n".join(problem_line(p) for p in exc.problems))
        raise
    names = outcome.files
    written = (
        ", ".join(names.values()) if len(names) <= 3 else f"{names[REPORT]} and {len(names) - 1} more pages"
    )
    if check_only:
        for name in outcome.stale:
            note(f"{names[name]} is {'missing' if name in outcome.missing else 'stale'}")
        for shown in outcome.obsolete:
            note(f"{shown} is no longer part of the report")
        if outcome.stale or outcome.obsolete:
            fail("the report is not current; run `comparator report` and commit the result")
        note(f"{written} {'is' if len(names) == 1 else 'are'} current")
        return
    for shown in outcome.obsolete:
        note(f"removed {shown}, no longer part of the report")
    claims = plural(outcome.claims, "claim")
    note(f"wrote {written}: {claims}, {outcome.contested} contested")
