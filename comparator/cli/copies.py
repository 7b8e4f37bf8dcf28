"""`copies`: pairs of sources that likely share an origin, with the evidence."""

from __future__ import annotations

import click

from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.render import COPIES, Format


@click.command()
@format_option(COPIES)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Leave out pairs scoring below this (0 to 1); `check` warns from 0.5, on pairs "
    "that share long passages.",
)
@click.pass_context
def copies(ctx: click.Context, fmt: Format, min_score: float) -> None:
    """Find pairs of sources (from different outlets) that likely share an origin.

    The evidence: long verbatim passages shared after normalising (compared within one
    language only), an agency both credit ("(AP)", "Reuters", "kantor berita ANTARA"), the
    same dateline, and the same unusual figures in one sentence of each. The earlier source
    is `a`, the likely original. Each pair says whether `wire`/`derived_from` already link
    the two and, if not, the front matter to add to `b`. Exits 0 whatever is found; `check`
    warns `undeclared-copy` on a pair from score 0.5 that shares long passages.
    """
    from comparator import corpus as corpus_mod
    from comparator.copies import find_copies
    from comparator.render.copies import summary

    corpus = corpus_mod.load(data_root(ctx))
    pairs = find_copies(corpus, min_score)
    emit(COPIES[fmt](pairs, render_options()))
    note(summary(pairs, min_score))
    unloaded = sum(1 for p in corpus.problems if p.file.startswith("sources/"))
    if unloaded:
        note(f"{unloaded} problem{'s' if unloaded != 1 else ''} in source files; run `comparator check`")
