"""Escaping data for the places it is printed: markdown tables and GitHub workflow commands."""

from __future__ import annotations

import re

_MD_ACTIVE = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def markdown(text: object) -> str:
    """Inline markdown that shows `text` literally: no table break, no HTML, no link."""
    flat = " ".join(str(text).split())
    # `@name` in a pull-request comment would notify that person: a word joiner stops it
    return _MD_ACTIVE.sub(r"\\\1", flat).replace("&", "&amp;").replace("@", "@\u2060")


def workflow_data(text: str) -> str:
    """The message part of a workflow command (after `::`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=…`, `title=…`)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: object) -> str:
    """A workflow command that no data inside it can turn into another.

    Escaping keeps the data on one line, which stops `::` commands (they must start a line);
    the runner's legacy parser, though, acts on `##[command]` anywhere in a line, so that
    sequence is broken with an invisible word joiner.
    """
    props = ",".join(f"{k}={workflow_property(str(v))}" for k, v in properties.items() if v is not None)
    line = (
        f"::{command} {props}::{workflow_data(message)}"
        if props
        else f"::{command}::{workflow_data(message)}"
    )
    return line.replace("##[", "##\u2060[")
