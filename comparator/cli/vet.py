"""`vet`: a draft's figures, dates and who did what, checked against the claim base."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from comparator.cli.options import data_root, emit, fail, format_option, note, render_options
from comparator.models import LANGUAGE_PATTERN
from comparator.render import VET, Format

STDIN = "-"
STDIN_NAME = "draft"  # what findings on a draft read from stdin are on


def _language(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if not re.fullmatch(LANGUAGE_PATTERN, value):
        raise click.BadParameter(f"{value!r} is not a BCP 47 language tag (such as en, id, pt-BR)")
    return value


def _stdin() -> bytes:
    return sys.stdin.buffer.read()


def _decode(data: bytes, name: str) -> str:
    """The draft as text; bytes that are not UTF-8 are named by line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        fail(f"{name}:{line}:{column}: the draft is not UTF-8 text (byte 0x{data[exc.start]:02x})")


@click.command()
@click.argument("draft", metavar="FILE|-")
@click.option(
    "--language",
    default="en",
    show_default=True,
    callback=_language,
    help="Language of the draft (BCP 47): how its numbers, dates and qualifier words are read.",
)
@format_option(VET)
@click.pass_context
def vet(ctx: click.Context, draft: str, language: str, fmt: Format) -> None:
    """Check a draft (markdown or plain text; - reads stdin) against the claim base.

    Every figure, date and "who did what" (an actor of the registry attacking or violating)
    is matched to the claim it speaks about, and given a status: ok, superseded (a later
    figure replaced it), contested (one side of a dispute stated as fact, without saying who
    says it), single-origin (stated as fact, one origin behind it), qualifier-dropped (the
    sources' "at least", "more than", "about" or "up to" is lost or made stronger),
    contradicts (it fits no current side) or unmatched (no claim speaks about it). Exits 1
    when any finding is neither ok nor unmatched.
    """
    from comparator import corpus as corpus_mod
    from comparator.render.vet import summary
    from comparator.vet import vet as vet_draft

    if draft == STDIN:
        name, data = STDIN_NAME, _stdin()
    else:
        name = draft
        try:
            data = Path(draft).read_bytes()
        except OSError as exc:
            fail(f"cannot read the draft {draft}: {exc.strerror or exc}")
    text = _decode(data, name)
    corpus = corpus_mod.load(data_root(ctx))
    result = vet_draft(corpus, text, language, name)
    emit(VET[fmt](result, render_options()))
    note(summary(result))
    if result.failed:
        ctx.exit(1)
