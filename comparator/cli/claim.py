"""`claim new` and `claim add`: claim files started and assertions added by command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from comparator.cli import complete
from comparator.cli.options import data_root, emit, fail, note

KINDS = ("count", "quantity", "date", "actor", "boolean", "text")  # models.Kind
QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "less_than", "about", "nearly", "between")


def assertion_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of one assertion, shared by `claim new` (its first) and `claim add`."""
    options = [
        click.option(
            "--source",
            required=True,
            shell_complete=complete.source_ids,
            help="Id of the article that says it.",
        ),
        click.option("--quote", required=True, help="The article's exact words stating the value."),
        click.option(
            "--value",
            required=True,
            help="The value stated: 105, 2022-09-13, an actor id, true, a text; [low, high] with between.",
        ),
        click.option(
            "--qualifier", type=click.Choice(QUALIFIERS), help="How the value is meant (default: exact)."
        ),
        click.option(
            "--claimant",
            shell_complete=complete.actor_ids,
            help="Actor id of whom the article quotes (default: the outlet's own voice).",
        ),
        click.option("--as-of", help="Date the value refers to (default: the article's date)."),
        click.option("--translation", help="The quote in English, for readers."),
        click.option(
            "--despite-warnings",
            is_flag=True,
            help="Write even when check warns (a value that is your judgement, such as a sum).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group()
def claim() -> None:
    """Start claim files and add assertions to them."""


@claim.command("new")
@click.argument("claim_id", metavar="ID")
@click.option("--topic", required=True, shell_complete=complete.topics, help="Folder under claims/.")
@click.option("--kind", required=True, type=click.Choice(KINDS), help="What the values are.")
@click.option("--question", required=True, help="The one question the assertions answer.")
@click.option("--unit", help="What is counted or measured (count and quantity only).")
@click.option("--cumulative", is_flag=True, help="A running total that only grows (a death toll).")
@click.option("--tag", "tags", multiple=True, help="A label for filtering (repeatable).")
@assertion_options
@click.pass_context
def new(
    ctx: click.Context,
    /,
    claim_id: str,
    topic: str,
    kind: str,
    question: str,
    unit: str | None,
    cumulative: bool,
    tags: tuple[str, ...],
    **assertion: Any,
) -> None:
    """Write claims/<topic>/ID.yaml: the question and its first assertion.

    A claim holds at least one assertion, so the first is given here with the same options as
    `claim add`; it is checked as `check` would (the quote must occur in the article, a number
    must be one the quote states) before anything is written. Prints the new file's path.
    """
    from comparator.curation.claim_edit import NewClaim, new_claim
    from comparator.curation.edits import Refused

    root = data_root(ctx)
    despite = assertion.pop("despite_warnings")
    spec = NewClaim(claim_id, topic, kind, question, _assertion(assertion), unit, cumulative, tags)
    try:
        written = new_claim(root, spec, despite_warnings=despite)
    except Refused as exc:
        fail(f"claim not written: {exc}")
    emit(written.rel)
    for line in written.notes + [str(p) for p in written.warnings]:
        note(line)


@claim.command("add")
@click.argument("claim_id", metavar="ID", shell_complete=complete.claim_ids)
@assertion_options
@click.pass_context
def add(ctx: click.Context, /, claim_id: str, **assertion: Any) -> None:
    """Add an assertion to claim ID, after its last one.

    Checked as `check` would check it before anything is written: the quote must occur in the
    article (a refusal names the article's closest passage), a number must be one the quote
    states (a refusal says which numbers it does state), the claimant must be a listed actor.
    The rest of the file stays as it is. Prints where the assertion went (file:line).
    """
    from comparator.curation.claim_edit import add_assertion
    from comparator.curation.edits import Refused

    root = data_root(ctx)
    despite = assertion.pop("despite_warnings")
    try:
        written = add_assertion(root, claim_id, _assertion(assertion), despite_warnings=despite)
    except Refused as exc:
        fail(f"assertion not added: {exc}")
    emit(f"{written.rel}:{written.line}")
    for problem in written.warnings:
        note(str(problem))


def _assertion(options: dict[str, Any]) -> Any:
    from comparator.curation.claim_edit import NewAssertion

    return NewAssertion(**options)
