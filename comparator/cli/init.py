"""`init`: start a data repository."""

from __future__ import annotations

from pathlib import Path

import click

from comparator.cli.options import emit, fail, note


@click.command()
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a data repository in DIR (default: the current folder; created if missing).

    Writes claims/, the registries sources/outlets.yaml and sources/actors.yaml (empty, with
    commented examples), the JSON Schemas in schema/, editor settings for the YAML language
    server, a GitHub workflow running comparator's Action, a pre-commit config and a
    .gitignore. Never overwrites: if any of these exists, nothing is written. Prints the files
    written.
    """
    from comparator.curation.edits import Refused
    from comparator.curation.init import ACTION
    from comparator.curation.init import init as run_init

    try:
        done = run_init(folder)
    except Refused as exc:
        fail(f"not initialised: {exc}")
    emit("\n".join(done.written))
    where = "" if folder == Path(".") else f" --root {folder}"
    note(f"a new data repository in {folder}; next:")
    note(f"  comparator{where} outlet add ID --name NAME --language en")
    note(f"  comparator{where} source add ARTICLE.txt --outlet ID --published YYYY-MM-DD")
    note(f"  comparator{where} claim new ID --topic TOPIC --kind count --question ... --source ...")
    note(f"  comparator{where} check --strict")
    note(f"in .github/workflows/claims.yml, {ACTION} names where comparator's Action lives")
