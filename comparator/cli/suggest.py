"""`suggest`: the sentences of an article worth a claim, and which claims already cite them."""

from __future__ import annotations

import click

from comparator.cli import complete
from comparator.cli.options import data_root, emit, fail, format_option, note, render_options
from comparator.render import SUGGEST, Format


@click.command()
@click.argument("source_id", shell_complete=complete.source_ids)
@click.option("--uncurated", is_flag=True, help="Only sentences that no assertion cites yet.")
@format_option(SUGGEST)
@click.option(
    "--into",
    "into",
    metavar="CLAIM_ID",
    shell_complete=complete.claim_ids,
    help="Write the stubs into this claim, after its assertions: commented out, or with --line "
    "as assertions checked as `claim add` checks them.",
)
@click.option(
    "--line",
    "lines",
    type=int,
    multiple=True,
    help="With --into: the sentence on this line of the article becomes an assertion (repeatable).",
)
@click.pass_context
def suggest(
    ctx: click.Context, source_id: str, uncurated: bool, fmt: Format, into: str | None, lines: tuple[int, ...]
) -> None:
    """List the sentences of SOURCE_ID that state figures, dates or attributions.

    Each comes with its line, the numbers and dates read from it (with their qualifier words),
    and the claims whose quotes lie in it. --format yaml prints assertion stubs (source and
    quote filled in, value and qualifier guessed) to paste under a claim's `assertions:`.
    """
    from comparator import corpus as corpus_mod
    from comparator.curation.suggest import suggest as run_suggest
    from comparator.nearest import did_you_mean

    if lines and not into:
        raise click.UsageError("--line chooses sentences to write --into a claim; give --into CLAIM_ID")
    root = data_root(ctx)
    corpus = corpus_mod.load(root)
    if source_id not in corpus.sources:
        broken = sorted({p.file for p in corpus.problems if p.file.endswith(f"/{source_id}.md")})
        if broken:
            fail(f"source {source_id} does not load ({', '.join(broken)}); run `comparator check`")
        fail(f"no source {source_id}{did_you_mean(source_id, corpus.sources)}")
    result = run_suggest(corpus, source_id, uncurated=uncurated)
    if into:
        from comparator.cli.suggest_into import write_into

        write_into(root, result, into, lines)
        return
    emit(SUGGEST[fmt](result, render_options()))
    note(result.summary())
    claim_problems = sum(1 for p in corpus.problems if p.file.startswith("claims/"))
    if claim_problems:
        problems = f"{claim_problems} problem{'s' if claim_problems != 1 else ''}"
        note(
            f"{problems} in claim files: citations from claims that do not load are not shown; "
            "run `comparator check`"
        )
