"""`show`: one claim, looked up by id.

A lookup on a warm cache reads only the claim's files and what they cite (`lookup.view`):
nothing here may import the models or the comparison at module level.
"""

from __future__ import annotations

import click

from comparator.cli import complete
from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.errors import ClaimNotLoaded
from comparator.lookup import view
from comparator.render import SHOW, Format


@click.command()
@click.argument("claim_id", shell_complete=complete.claim_ids)
@format_option(SHOW)
@click.pass_context
def show(ctx: click.Context, claim_id: str, fmt: Format) -> None:
    """Show one claim: verdict, consensus, its assertions side by side, each dispute once,
    superseded and retracted figures, and the quotes.

    An unknown CLAIM_ID is named with the nearest ids; a claim whose file has errors prints
    them and exits 1.
    """
    try:
        found = view(data_root(ctx), claim_id)
    except ClaimNotLoaded as exc:
        from comparator.render.text import problem_line

        note("\n".join(problem_line(p) for p in exc.problems))
        raise
    emit(SHOW[fmt](found, render_options()))
