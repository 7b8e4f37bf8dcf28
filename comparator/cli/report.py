"""`report`: write the markdown discrepancy report, or check that the written one is current."""

from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import data_root, fail, note
from comparator.text import plural


@click.command()
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
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
    out: Path | None,
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
    from comparator.query import Filters
    from comparator.render.text import problem_line
    from comparator.report.build import ReportRefused, run

    root = data_root(ctx)
    out_dir = out if out is not None else root / "reports"
    # sorted, so the order options are given in does not change the report's bytes
    scope = Filters(topic=tuple(sorted(set(topic))), tag=tuple(sorted(set(tag))))
    try:
        outcome = run(root, out_dir, scope, check=check_only, force=force)
    except ReportRefused as exc:
        note("\n".join(problem_line(p) for p in exc.problems))
        raise
    names = outcome.files
    if check_only:
        for name in outcome.stale:
            note(f"{names[name]} is {'missing' if name in outcome.missing else 'stale'}")
        if outcome.stale:
            fail("the report is not current; run `comparator report` and commit the result")
        note(f"{', '.join(names.values())} is current")
        return
    claims = plural(outcome.claims, "claim")
    note(f"wrote {', '.join(names.values())}: {claims}, {outcome.contested} contested")
