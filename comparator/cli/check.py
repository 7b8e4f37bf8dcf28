from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.render import CHECK, Format


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--strict", is_flag=True, help="Fail on warnings as well as errors.")
@format_option(CHECK, auto_github=True)
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], strict: bool, fmt: Format) -> None:
    """Load and validate every claim, source and registry; report every problem.

    With PATHS, report only on those files or folders (references still resolve against the
    whole data root). Exits 1 when there are errors, or warnings under --strict.
    """
    from comparator.check import check as run_check

    root = data_root(ctx)
    result = run_check(root, paths)
    prefix = _repository_prefix(root) if fmt in (Format.GITHUB, Format.SARIF) else ""
    emit(CHECK[fmt](result, render_options(prefix=prefix)))
    note(result.summary())
    why = result.strict_failure(strict)
    if why:
        note(why)
    ctx.exit(1 if result.failed(strict) else 0)


def _repository_prefix(root: Path) -> str:
    """Where the data root sits in its git repository ("" at the top, or outside git)."""
    from comparator.review.git import GitError, open_repository

    try:
        return open_repository(root).prefix
    except GitError:
        return ""
