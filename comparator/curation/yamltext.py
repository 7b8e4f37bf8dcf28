"""Editing curated YAML as text: one entry added to a list, everything else left byte for byte.

A curator's registry or claim file carries comments, blank lines, an order and a quoting style
that a YAML dump would lose. So a new entry is rendered in the style of the entries around it
(their indentation, blank lines between them) and spliced in after the last one; the rest of
the file is not touched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from comparator import yamlmarks

try:  # the C composer is faster; marks are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class CannotEdit(Exception):
    """The file is not in a form this module can add to without restyling it."""


Field = tuple[str, str]  # name, and its value already rendered as YAML


# Characters YAML does not accept in a stream, or reads as line breaks inside a scalar.
_YAML_UNSAFE = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]"
)


def quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar.

    A JSON string is a YAML double-quoted scalar: nothing in it is read as a number, a date,
    a comment or a mapping. The few characters YAML would refuse or fold are escaped.
    """
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def reads_back(text: str) -> bool:
    """True when plain YAML gives `text` back as that string: `2020-09` does (dates are kept
    as text), `null`, `on`, `12` and `a: b` do not."""
    if not text or text != text.strip() or "\n" in text:
        return False
    try:
        return bool(yamlmarks.load(text)[0] == text)
    except yamlmarks.YamlError:
        return False


def scalar(text: str) -> str:
    """`text` unquoted when YAML reads it back unchanged, else double-quoted."""
    return text if reads_back(text) else quoted(text)


def flow_list(items: Sequence[str]) -> str:
    """`[a, "b, c"]`: a list on one line, as curators write tags and aliases."""
    return "[" + ", ".join(_flow_item(i) for i in items) + "]"


def _flow_item(text: str) -> str:
    # Inside `[...]` a comma or bracket ends a plain item; quote those.
    return text if reads_back(text) and not re.search(r"[,\[\]{}]", text) else quoted(text)


@dataclass(frozen=True)
class ListPlace:
    """Where a block list stands in a text, and how its entries are laid out."""

    dash: int  # column of each entry's `-`
    key: int  # column of each entry's keys
    after: int  # offset in the text just past the last entry (the end of its line)
    blank: bool  # entries are separated by a blank line
    empty_flow: tuple[int, int] | None = None  # the span of a `[]` that stands for no entries


def find_list(text: str, path: Sequence[str]) -> ListPlace | None:
    """The list at `path` (mapping keys from the top; () for a top-level list), or None
    when the text holds no such key. `CannotEdit` for a list written in flow style."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise CannotEdit(f"it is not well-formed YAML ({exc}); run `comparator check`") from None
    for name in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if getattr(k, "value", None) == name), None)
        if node is None:
            return None
    if not isinstance(node, yaml.SequenceNode):
        raise CannotEdit("it does not hold a list there")
    if node.flow_style:
        if node.value:
            raise CannotEdit("its list is written in flow style ([...]); write it as a block list")
        return ListPlace(0, 2, 0, False, (node.start_mark.index, node.end_mark.index))
    items = node.value
    dash = node.start_mark.column
    key = items[0].start_mark.column if isinstance(items[0], yaml.MappingNode) else dash + 2
    end = max(_end(item) for item in items)
    line_end = text.find("\n", end)
    after = len(text) if line_end < 0 else line_end + 1
    lines = text.split("\n")
    blank = any(i.start_mark.line > 0 and not lines[i.start_mark.line - 1].strip() for i in items[1:])
    return ListPlace(dash, key, after, blank)


def _end(node: yaml.Node) -> int:
    """The offset just past the last character of `node`'s content."""
    if isinstance(node, yaml.MappingNode):
        return max([node.start_mark.index, *(_end(v) for _, v in node.value)])
    if isinstance(node, yaml.SequenceNode):
        if node.flow_style or not node.value:
            return int(node.end_mark.index)
        return max(_end(v) for v in node.value)
    # A block scalar (| or >) ends at the start of the next line: step back over it.
    index = int(node.end_mark.index)
    return index - 1 if node.end_mark.column == 0 and index > 0 else index


def entry(fields: Sequence[Field], dash: int, key: int) -> list[str]:
    """One list entry as lines: `- name: value` then the other fields under the first."""
    pad = max(key - dash - 1, 1)
    lines = []
    for number, (name, value) in enumerate(fields):
        head = " " * dash + "-" + " " * pad if number == 0 else " " * (dash + 1 + pad)
        lines.append(f"{head}{name}: {value}")
    return lines


def append(text: str, place: ListPlace | None, lines: list[str], under: str | None = None) -> str:
    """`text` with `lines` (one entry, rendered by `entry`) added after the list's last entry.

    With no list (`place` None), a new top-level list is started, or, with `under`, a new key
    `under:` holding it is added at the end of the text.
    """
    body = "\n".join(lines) + "\n"
    if place is None:
        head = text if not text or text.endswith("\n") else text + "\n"
        return head + (f"{under}:\n" if under else "") + body
    if place.empty_flow is not None:
        start, end = place.empty_flow
        rest = text[end:]
        rest = rest[rest.find("\n") + 1 :] if "\n" in rest and not rest.split("\n")[0].strip() else rest
        prefix = text[:start]
        if under:  # `key: []` becomes `key:` and the block below it
            prefix = prefix.rstrip(" ") + "\n"
        return prefix + body + rest
    head, tail = text[: place.after], text[place.after :]
    if not head.endswith("\n"):
        head += "\n"
    return head + ("\n" if place.blank else "") + body + tail


def first_changed_line(before: str, after: str) -> int:
    """The line of `after` where it first differs from `before` (past a blank line put in
    first): where an added entry starts."""
    at = 0
    limit = min(len(before), len(after))
    while at < limit and before[at] == after[at]:
        at += 1
    start = after.rfind("\n", 0, at) + 1
    line = after.count("\n", 0, start) + 1
    while after[start : start + 1] == "\n":
        start += 1
        line += 1
    return line
