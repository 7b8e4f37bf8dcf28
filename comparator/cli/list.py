"""`list`: claims by filters, in an order."""

from __future__ import annotations

import click

from comparator.cli.options import data_root, emit_pieces, format_option, note, render_options
from comparator.facets import Sort
from comparator.render import LIST, Format
from comparator.terms import Verdict


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
    from comparator.facets import Filters
    from comparator.lookup import listing

    filters = Filters(
        topic=topic,
        verdict=tuple(Verdict(v) for v in verdict),
        outlet=outlet,
        source=source,
        actor=actor,
        tag=tag,
        text=text,
    )
    found = listing(data_root(ctx), filters, Sort(sort))
    emit_pieces(LIST[fmt](found.claims, render_options()))
    note(f"{found.chosen} of {found.total} claims")
