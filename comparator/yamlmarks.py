"""Safe YAML loading that remembers where every value stands.

The document is composed into nodes by libyaml (when present) and built into plain Python
values here, so that each value's position is kept: a validation error on
`assertions[2].value` can then be reported at that value's line and column.

Curated data never needs anchors, aliases or custom tags, and each of them is a way in for
hostile input (billion-laughs expansion, `!!python/object` constructors), so all are refused
rather than expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's C parser is several times faster; fall back to pure Python when absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_DEPTH = 64

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


class _Loader(_BaseLoader):
    """Keeps timestamps as their text: dates are parsed (and rejected) by the models."""


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass
class YamlError(Exception):
    code: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


@dataclass
class Marks:
    """1-based (line, column) of each value, and of each mapping key, by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            prefix = tuple(path[:end])
            if prefix in table:
                return table[prefix]
            if key and prefix in self.values:
                return self.values[prefix]
        return (1, 1)


def load(text: str, *, line_offset: int = 0) -> tuple[Any, Marks]:
    """Parse one YAML document; raise `YamlError` for anything that is not plain data."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or exc.context or "invalid YAML"
            if "nesting depth" in problem:  # newer libyaml stops deep nesting itself
                raise YamlError(
                    "unsafe-yaml", line + line_offset, col, f"nesting deeper than {MAX_DEPTH} levels"
                ) from None
            raise YamlError("yaml-syntax", line + line_offset, col, problem) from None
        except yaml.YAMLError as exc:
            raise YamlError("yaml-syntax", 1 + line_offset, 1, str(exc)) from None
        marks = Marks()
        if node is None:
            return None, marks
        builder = _Builder(loader, marks, line_offset)
        return builder.build(node, (), 0), marks
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: Any, marks: Marks, line_offset: int) -> None:
        self.loader = loader
        self.marks = marks
        self.line_offset = line_offset
        self.seen: set[int] = set()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def _fail(self, node: yaml.Node, code: str, message: str) -> YamlError:
        line, col = self._pos(node)
        return YamlError(code, line, col, message)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self._fail(node, "unsafe-yaml", f"nesting deeper than {MAX_DEPTH} levels")
        # libyaml hands an alias back as the very node its anchor named.
        if id(node) in self.seen and not isinstance(node, yaml.ScalarNode):
            raise self._fail(node, "unsafe-yaml", "YAML aliases are not allowed in curated data")
        self.seen.add(id(node))
        if node.tag not in _SAFE_TAGS:
            raise self._fail(node, "unsafe-yaml", f"tag {node.tag!r} is not allowed")
        self.marks.values[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail(key_node, "yaml-syntax", "mapping keys must be plain scalars")
                key = self.build(key_node, (*path, "<key>"), depth + 1)
                if isinstance(key, (list, dict)) or key is None:
                    raise self._fail(key_node, "yaml-syntax", "mapping keys must be plain scalars")
                key = str(key) if not isinstance(key, str) else key
                if key in result:
                    raise self._fail(key_node, "yaml-syntax", f"duplicate key {key!r}")
                key_path = (*path, key)
                self.marks.keys[key_path] = self._pos(key_node)
                result[key] = self.build(value_node, key_path, depth + 1)
            self.marks.values.pop((*path, "<key>"), None)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise self._fail(node, "yaml-syntax", f"cannot read value: {exc}") from None
