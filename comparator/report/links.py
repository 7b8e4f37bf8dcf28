"""Anchors and links of the report: every link target goes through here, so the link test
and the anchors agree. Section anchors contain `--`, which no slug does, so they never
collide with a claim id's anchor."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection, Sequence

from comparator.render.escape import markdown as md

SECTIONS = {
    "overview": ("report--overview", "Overview"),
    "contested": ("report--contested", "Contested claims"),
    "totals": ("report--running-totals", "Running totals"),
    "corroborated": ("report--corroborated", "Corroborated claims"),
    "single": ("report--single-origin", "Single-origin claims"),
    "outlets": ("report--outlet-outlet", "Outlet × outlet"),
    "parties": ("report--outlet-party", "Outlet × party"),
    "sources": ("report--sources", "Source index"),
}


def anchor(anchor_id: str) -> str:
    return f'<a id="{anchor_id}"></a>'


def total_anchor(claim_id: str) -> str:
    return f"total--{claim_id}"


def href(url: str | None) -> str | None:
    """A web address safe as a link target, or None: only http(s), and nothing in it that
    could end the link or the table cell (parentheses, pipes, spaces are percent-encoded)."""
    if not url or not re.match(r"(?i)https?://[^\s/]", url.strip()):
        return None
    return urllib.parse.quote(url.strip(), safe="/:?#@!$&'*+,;=%~-._")


def path_link(base: str, rel: str) -> str:
    return urllib.parse.quote(base + rel, safe="/-._~")


def claim_link(claim_id: str) -> str:
    return f"[{md(claim_id)}](#{claim_id})"


# a hyphenated slug, maybe after its topic folder ("history/karabakh-control-lost-date")
_MENTION = re.compile(r"(?<![\w/-])(?:[a-z0-9]+(?:-[a-z0-9]+)*/)?([a-z0-9]+(?:-[a-z0-9]+)+)(?![\w/-])")


def linked(escaped: str, ids: Collection[str]) -> str:
    """Escaped notes with the claim ids they mention turned into links to those claims.

    Only hyphenated words are candidates (so a claim called `war` never links every "war"),
    and only those that are claims of this report; each is found by one scan of the text.
    """

    def link(match: re.Match[str]) -> str:
        claim_id = match.group(1)
        return f"[{match.group()}](#{claim_id})" if claim_id in ids else match.group()

    return _MENTION.sub(link, escaped)


def heading(level: int, anchor_id: str, text: str) -> str:
    return f"{anchor(anchor_id)}\n{'#' * level} {text}"


def section(key: str) -> str:
    anchor_id, title = SECTIONS[key]
    return heading(2, anchor_id, title)


def claim_list(ids: Sequence[str]) -> str:
    return ", ".join(claim_link(i) for i in ids)
