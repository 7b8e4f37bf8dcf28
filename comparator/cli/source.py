"""`source add`: put a pasted article into the data as a source file."""

from __future__ import annotations

import sys
from typing import BinaryIO

import click

from comparator.cli.options import data_root, emit, fail, note


@click.group()
def source() -> None:
    """Manage article files under sources/<outlet>/."""


@source.command()
@click.argument("file", type=click.File("rb"))
@click.option(
    "--outlet", required=True, help="Outlet id from sources/outlets.yaml that published the article."
)
@click.option("--published", required=True, help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option(
    "--id", "source_id", help="Source id (a lowercase slug); default: <outlet>-<date>-<first title words>."
)
@click.option("--title", help="The headline as published; default: the first non-blank line of the text.")
@click.option("--url", help="Where the article was published.")
@click.option(
    "--language", help="Language of the text (BCP 47, e.g. id, en); default: the outlet's language."
)
@click.option("--wire", help="Outlet id of the agency whose copy this is.")
@click.option(
    "--wire-inferred", is_flag=True, help="The wire is a judgement from the text, not a printed credit."
)
@click.option(
    "--published-inferred",
    is_flag=True,
    help='The date was worked out from the text ("on Tuesday"), not printed with the article.',
)
@click.option("--dateline", help="The dateline, e.g. YEREVAN.")
@click.option("--notes", help="Free text for curators.")
@click.option(
    "--authors",
    multiple=True,
    help='Byline; repeat the option or separate names with commas ("A, B").',
)
@click.pass_context
def add(
    ctx: click.Context,
    file: BinaryIO,
    outlet: str,
    published: str,
    source_id: str | None,
    title: str | None,
    url: str | None,
    language: str | None,
    wire: str | None,
    wire_inferred: bool,
    published_inferred: bool,
    dateline: str | None,
    notes: str | None,
    authors: tuple[str, ...],
) -> None:
    """Add the article in FILE (or - for standard input) as sources/<outlet>/<id>.md.

    The text is kept verbatim (only line endings become \\n). An existing id is never
    overwritten. The new file is checked as `check` would check it; the path written is
    printed (relative to the data root), problems go to standard error, and the exit code is 1
    when the source was refused or has problems.
    """
    from comparator.curation.add_source import NewSource
    from comparator.curation.add_source import add as add_source
    from comparator.curation.edits import Refused

    root = data_root(ctx)
    data = file.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{file.name}: the text is not UTF-8 (byte {exc.start}); convert it first")
    names = [name.strip() for given in authors for name in given.split(",") if name.strip()]
    new = NewSource(
        text=text,
        outlet=outlet,
        published=published,
        id=source_id,
        title=title,
        url=url,
        language=language,
        wire=wire,
        authors=names,
        published_inferred=published_inferred,
        wire_inferred=wire_inferred,
        dateline=dateline,
        notes=notes,
    )
    try:
        added = add_source(root, new)
    except Refused as exc:
        fail(f"source not added: {exc}")
    except FileExistsError:
        fail("source not added: a file of that name appeared meanwhile; nothing was overwritten")
    except OSError as exc:
        fail(f"source not added: {exc.strerror or exc}")
    emit(added.rel)
    for p in added.problems:
        note(str(p))
    sys.exit(1 if added.problems else 0)
