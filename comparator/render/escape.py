"""Making data safe where it is printed: terminals, markdown and GitHub workflow commands.

Curated data comes from pull requests, so any of it may be hostile. Three rules hold in
every format: data is one line (a newline in a quote or a file name must never start a line
of output, where a runner would read `::error` or `##[command]` as an instruction); control
characters and bidirectional overrides never reach the reader (they retitle terminals or
reorder what a reviewer sees); and data never becomes markup (a link, a table break, HTML).
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, and the bidi embeddings, overrides and isolates ("Trojan
# source"): dropped. Tab and newline are white space and are folded with the rest.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes of a file name that were not UTF-8
_MD_ACTIVE = "\\`*_{}[]<>()#+!|~"
_MD_ESCAPED = str.maketrans({c: "\\" + c for c in _MD_ACTIVE})
# GitHub turns bare addresses into links: a scheme's colon or a leading "www." is escaped,
# which renders the same text and is no longer an address.
_AUTOLINK = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*):(?=//)|\b(www)\.")


_ASCII_INVISIBLE = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])


def readable(text: object) -> str:
    """Text that is safe to print anywhere as data: undecodable bytes (a file name that is
    not UTF-8) shown as escapes, invisible controls dropped."""
    value = str(text)
    if value.isascii():  # most data: told at C speed, as a report escapes hundreds of thousands
        data = value.encode("ascii")
        if len(data.translate(None, _ASCII_INVISIBLE)) == len(data):
            return value
    elif _UNDECODABLE.search(value):
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _INVISIBLE.sub("", value)


def line(text: object) -> str:
    """`readable` text on one line: every run of white space, newlines included, one space."""
    return " ".join(readable(text).split())


def markdown(text: object) -> str:
    """Inline markdown that shows `text` literally: no table break, no HTML, no link."""
    escaped = line(text).translate(_MD_ESCAPED)
    if "://" in escaped or "www." in escaped.lower():  # else no address to break
        escaped = _AUTOLINK.sub(lambda m: f"{m.group(1)}\\:" if m.group(1) else f"{m.group(2)}\\.", escaped)
    # `@name` in a pull-request comment would notify that person: a word joiner stops it
    return escaped.replace("&", "&amp;").replace("@", "@\u2060")


def workflow_data(text: str) -> str:
    """The message part of a workflow command (after `::`): line breaks kept as the runner's
    escapes (a message may have several lines), other invisible characters dropped."""
    breaks = {"\r": "%0D", "\n": "%0A"}
    parts = re.split(r"([\r\n])", text)
    return "".join(breaks.get(part) or readable(part).replace("%", "%25") for part in parts)


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
    body = f"::{command} {props}::" if props else f"::{command}::"
    return (body + workflow_data(message)).replace("##[", "##\u2060[")
