"""`diff`: what a change does to the claims, read from git without touching the checkout."""

from __future__ import annotations

import click

from comparator.cli.options import data_root, emit, format_option, note, render_options
from comparator.render import DIFF, Format


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "new-contradiction", "never"]),
    default="error",
    show_default=True,
    help="What makes the exit status 1: any check error at HEAD; that or a contradiction "
    "the change introduces; or never.",
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
def diff(ctx: click.Context, base: str, head: str | None, fail_on: str, problems: bool, fmt: Format) -> None:
    """Compare the claims at git revision BASE with HEAD (default: the working tree).

    Lists claims added, removed and changed (a file moved to another topic is a change of
    topic), verdicts that changed, contradictions introduced and resolved, sources added,
    removed or edited, and every new or edited quote in the sentence it comes from.
    Revisions are read from git objects: nothing is checked out, and the index, the work
    tree and HEAD are left as they are. In a shallow clone, fetch BASE first.
    """
    from comparator import corpus as corpus_mod
    from comparator.review import git as gitrev
    from comparator.review.diff import diff as run_diff
    from comparator.review.model import Revision

    root = data_root(ctx)
    repo = gitrev.open_repository(root)
    base_commit = gitrev.resolve(repo, base)
    head_commit = gitrev.resolve(repo, head) if head is not None else None
    base_files = gitrev.read_revision(repo, base_commit)
    head_files = gitrev.read_revision(repo, head_commit) if head_commit else None

    where = repo.prefix or "the top of the repository"
    for name, files in ((base, base_files), (head, head_files)):
        if files is not None and not files:
            note(f"{name} has no claims/ or sources/ under {where}; everything there counts as new or gone")
    before = Revision(base, base_commit, corpus_mod.from_files(root, base_files))
    after_corpus = corpus_mod.load(root) if head_files is None else corpus_mod.from_files(root, head_files)
    after = Revision(head, head_commit, after_corpus)
    result = run_diff(before, after, prefix=repo.prefix)

    emit(DIFF[fmt](result, render_options(problems=problems)))
    note(result.summary())
    ctx.exit(1 if result.failed(fail_on) else 0)
