"""`report`: write the markdown discrepancy report, or check that the written one is current."""

from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import data_root, fail, note


def _shown(path: Path, root: Path) -> str:
    """A path as the user wants to read it: relative to the data root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


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
    from comparator import corpus as corpus_mod
    from comparator.query import Filters
    from comparator.report import files
    from comparator.report.build import errors, generate, unknown
    from comparator.report.markdown import GENERATED
    from comparator.root import unsafe_output

    root = data_root(ctx)
    out_dir = out if out is not None else root / "reports"
    if reason := unsafe_output(root, out_dir):
        fail(reason)
    corpus = corpus_mod.load(root)
    blocking = errors(corpus)
    if blocking:
        for p in blocking:
            note(str(p))
        noun = "error" if len(blocking) == 1 else "errors"
        fail(f"{len(blocking)} {noun} in the data; fix them before reporting (see `comparator check`)")
    # sorted, so the order options are given in does not change the report's bytes
    scope = Filters(topic=tuple(sorted(set(topic))), tag=tuple(sorted(set(tag))))
    for message in unknown(corpus, scope):
        fail(message)
    result, outputs = generate(corpus, scope, files.base_link(out_dir, root))
    names = {name: _shown(out_dir / name, root) for name in outputs}
    if check_only:
        outdated = files.stale(out_dir, outputs)
        for name in outdated:
            state = "missing" if not (out_dir / name).exists() else "stale"
            note(f"{names[name]} is {state}")
        if outdated:
            fail("the report is not current; run `comparator report` and commit the result")
        note(f"{', '.join(names.values())} is current")
        return
    refused = [] if force else files.foreign(out_dir, outputs, GENERATED)
    if refused:
        fail(
            f"{', '.join(names[n] for n in refused)} was not written by comparator; "
            "not overwritten (use --force)"
        )
    try:
        files.write(out_dir, outputs)
    except OSError as exc:
        fail(f"cannot write the report in {out_dir}: {exc.strerror or exc}")
    contested = sum(a.verdict.value == "contested" for a in result.claims)
    claims = len(result.claims)
    note(
        f"wrote {', '.join(names.values())}: "
        f"{claims} claim{'s' if claims != 1 else ''}, {contested} contested"
    )
