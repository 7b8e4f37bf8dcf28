"""`show` and `list`: looking claims up."""

from __future__ import annotations

import click

from comparator.cli import complete
from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.compare import Verdict
from comparator.query import Sort
from comparator.render import LIST, SHOW, Format


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
    from comparator.display import claim_view
    from comparator.query import ClaimNotLoaded, find
    from comparator.render.text import problem_line

    try:
        corpus, analysis = find(data_root(ctx), claim_id)
    except ClaimNotLoaded as exc:
        note("\n".join(problem_line(p) for p in exc.problems))
        raise
    emit(SHOW[fmt](claim_view(corpus, analysis), render_options()))


@click.command("list")
@click.option("--topic", multiple=True, help="Only claims of this topic (repeatable).")
@click.option(
    "--verdict",
    multiple=True,
    type=click.Choice([v.value for v in Verdict]),
    help="Only claims with this verdict (repeatable).",
)
@click.option("--outlet", multiple=True, help="Only claims an article of this outlet asserts.")
@click.option("--source", multiple=True, help="Only claims that cite this source id.")
@click.option(
    "--actor", multiple=True, help="Only claims with this actor (or a part of it) as claimant or value."
)
@click.option("--tag", multiple=True, help="Only claims with this tag.")
@click.option(
    "--search",
    "text",
    help="Text to find in questions, tags, quotes, translations and notes (case- and accent-insensitive).",
)
@click.option(
    "--sort",
    type=click.Choice([s.value for s in Sort]),
    default="id",
    show_default=True,
    help="Order of the rows.",
)
@format_option(LIST)
@click.pass_context
def list_claims(
    ctx: click.Context,
    /,
    topic: tuple[str, ...],
    verdict: tuple[str, ...],
    outlet: tuple[str, ...],
    source: tuple[str, ...],
    actor: tuple[str, ...],
    tag: tuple[str, ...],
    text: str | None,
    sort: str,
    fmt: Format,
) -> None:
    """List claims with their verdicts, filtered and sorted.

    A topic, tag, outlet, source or actor that no claim has is taken for a typo: the command
    names the nearest values and exits 1.
    """
    from comparator.display import claim_view
    from comparator.query import Filters, listing

    filters = Filters(
        topic=topic,
        verdict=tuple(Verdict(v) for v in verdict),
        outlet=outlet,
        source=source,
        actor=actor,
        tag=tag,
        text=text,
    )
    corpus, chosen, total = listing(data_root(ctx), filters, Sort(sort))
    emit(LIST[fmt]([claim_view(corpus, a) for a in chosen], render_options()))
    note(f"{len(chosen)} of {total} claims")
