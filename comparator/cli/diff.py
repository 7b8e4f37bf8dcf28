"""`diff`: what a change does to the claims, read from git without touching the checkout."""

from __future__ import annotations

import click

from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.render import DIFF, Format
from comparator.review.result import FailOn


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default=FailOn.ERROR.value,
    show_default=True,
    help="What makes the exit status 1: any check error at HEAD; that or a dispute the change "
    "introduces (a claim becomes contested or gains a side); that or any new pair of "
    "contradicting assertions; or never.",
)
@click.option(
    "--merge-base",
    is_flag=True,
    help="Compare from the point where HEAD forked from BASE, as a pull request does "
    "(the same as BASE...HEAD).",
)
@click.option(
    "--problems/--no-problems",
    default=True,
    show_default=True,
    help="List check problems at HEAD (errors anywhere, warnings in the files the change wrote). "
    "--no-problems leaves them to a separate `comparator check`; --fail-on still counts them.",
)
@format_option(DIFF, auto_github=True)
@click.pass_context
def diff(
    ctx: click.Context,
    base: str,
    head: str | None,
    fail_on: str,
    merge_base: bool,
    problems: bool,
    fmt: Format,
) -> None:
    """Compare the claims at git revision BASE with HEAD (default: the working tree).

    Lists claims added, removed and changed (a file moved to another topic is a change of
    topic), verdicts that changed, disputes and contradictions introduced and resolved,
    sources added, removed or edited, and every new or edited quote in the sentence it comes
    from. BASE...HEAD (or --merge-base) compares from where HEAD forked from BASE.
    Revisions are read from git objects: nothing is checked out, and the index, the work
    tree and HEAD are left as they are. In a shallow clone, fetch BASE first.
    """
    from comparator.review.diff import compare

    result, notes = compare(data_root(ctx), base, head, merge_base)
    for message in [*notes, *([result.note] if result.note else [])]:
        note(message)
    emit(DIFF[fmt](result, render_options(problems=problems)))
    note(result.summary())
    ctx.exit(1 if result.failed(FailOn(fail_on)) else 0)
