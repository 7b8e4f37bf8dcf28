"""`show` and `list`: looking claims up."""

from __future__ import annotations

import difflib
from typing import Any

import click

from comparator.cli.options import data_root, emit, fail, format_option, note, terminal

SORTS = ("id", "topic", "verdict", "assertions", "origins")


@click.command()
@click.argument("claim_id")
@format_option("text", "json", "markdown")
@click.pass_context
def show(ctx: click.Context, claim_id: str, fmt: str) -> None:
    """Show one claim: verdict, consensus, assertions, relations, clusters and quotes."""
    from comparator import corpus as corpus_mod
    from comparator.compare import analyse
    from comparator.render import renderer

    root = data_root(ctx)
    corpus, missing = corpus_mod.load_claims(root, [claim_id])
    if missing:
        near = difflib.get_close_matches(claim_id, corpus_mod.claim_ids(root), n=5, cutoff=0.5)
        hint = "; did you mean: " + ", ".join(near) if near else ""
        shown = claim_id if len(claim_id) <= 80 else claim_id[:77] + "..."
        fail(f"no claim {shown}{hint}")
    if claim_id not in corpus.claims:
        for p in sorted(corpus.problems):
            note(str(p))
        fail(f"claim {claim_id} does not load; run `comparator check`")
    emit(renderer(fmt).show(corpus, analyse(corpus, corpus.claims[claim_id]), **terminal()))


@click.command("list")
@click.option("--topic", multiple=True, help="Only claims of this topic (repeatable).")
@click.option(
    "--verdict",
    multiple=True,
    type=click.Choice(["contested", "corroborated", "single-origin"]),
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
@click.option("--sort", type=click.Choice(SORTS), default="id", show_default=True, help="Order of the rows.")
@format_option("text", "json", "markdown")
@click.pass_context
def list_claims(ctx: click.Context, /, fmt: str, sort: str, **filters: Any) -> None:
    """List claims with their verdicts, filtered and sorted."""
    from comparator import corpus as corpus_mod
    from comparator.compare import analyse
    from comparator.query import Filters, select, sort_key
    from comparator.render import renderer

    corpus = corpus_mod.load(data_root(ctx))
    analyses = [analyse(corpus, c) for c in corpus.claims.values()]
    chosen = sorted(select(corpus, analyses, Filters(**filters)), key=sort_key(sort))
    emit(renderer(fmt).listing(corpus, chosen, **terminal()))
    note(f"{len(chosen)} of {len(analyses)} claims")
