"""`outlet add` and `actor add`: entries added to the registries under sources/."""

from __future__ import annotations

import click

from comparator.cli import complete
from comparator.cli.options import data_root, emit, fail

KINDS = ("newspaper", "online", "broadcaster", "agency", "official", "other")  # models.OutletKind


@click.group()
def outlet() -> None:
    """Manage the outlet registry, sources/outlets.yaml."""


@outlet.command("add")
@click.argument("outlet_id", metavar="ID")
@click.option("--name", required=True, help="The outlet's name as readers know it.")
@click.option("--country", help="Country of the outlet (ISO 3166 code or name).")
@click.option("--language", help="Main language of the outlet (BCP 47: en, hy, ru, pt-BR).")
@click.option("--kind", type=click.Choice(KINDS), help="What sort of outlet it is.")
@click.option("--url", help="Home page.")
@click.option("--notes", help="Free text for curators.")
@click.pass_context
def add_outlet(
    ctx: click.Context,
    outlet_id: str,
    name: str,
    country: str | None,
    language: str | None,
    kind: str | None,
    url: str | None,
    notes: str | None,
) -> None:
    """Add outlet ID to sources/outlets.yaml, after the last entry.

    The rest of the file (comments, order, quoting) stays as it is. An id or a name already
    listed is refused. Prints where the entry went (file:line).
    """
    from comparator.curation.edits import Refused
    from comparator.curation.registry_add import NewOutlet
    from comparator.curation.registry_add import add_outlet as add

    root = data_root(ctx)
    try:
        written = add(root, NewOutlet(outlet_id, name, country, language, kind, url, notes))
    except Refused as exc:
        fail(f"outlet not added: {exc}")
    emit(f"{written.rel}:{written.line}")


@click.group()
def actor() -> None:
    """Manage the actor registry, sources/actors.yaml."""


@actor.command("add")
@click.argument("actor_id", metavar="ID")
@click.option("--name", required=True, help="The actor's name.")
@click.option(
    "--part-of",
    shell_complete=complete.actor_ids,
    help="Id of the actor this one belongs to (armenia-mod is part of armenia).",
)
@click.option("--alias", "aliases", multiple=True, help="Another name used in articles (repeatable).")
@click.option("--notes", help="Free text for curators.")
@click.pass_context
def add_actor(
    ctx: click.Context,
    actor_id: str,
    name: str,
    part_of: str | None,
    aliases: tuple[str, ...],
    notes: str | None,
) -> None:
    """Add actor ID to sources/actors.yaml, after the last entry.

    The rest of the file (comments, order, quoting) stays as it is. An id, a name or an alias
    already listed is refused; --part-of must name a listed actor. Prints where the entry went
    (file:line).
    """
    from comparator.curation.edits import Refused
    from comparator.curation.registry_add import NewActor
    from comparator.curation.registry_add import add_actor as add

    root = data_root(ctx)
    try:
        written = add(root, NewActor(actor_id, name, part_of, aliases, notes))
    except Refused as exc:
        fail(f"actor not added: {exc}")
    emit(f"{written.rel}:{written.line}")
