"""Safe YAML loading that remembers where every value stands.

The document is composed into nodes by libyaml (when present) and built into plain Python
values here, so that each value's position is kept: a validation error on
`assertions[2].value` can then be reported at that value's line and column.

Scalars are read by the YAML 1.2 core schema, as JSON Schema tools and editors read them:
`yes`, `on` and `Yes` are text, `6_500` and `2020-09-27` are text, `0o17` and `0x1F` are
numbers. PyYAML resolves by YAML 1.1, so the loader's implicit resolvers are replaced by the
core schema's table (libyaml still does the parsing; only the resolution is narrowed) and
each value is built here from its tag, so nothing 1.1 slips in through a constructor.

Curated data never needs anchors, aliases or tags that change how a value reads, and each of
them is a way in for hostile input (billion-laughs expansion, `!!python/object`
constructors, a `!!bool maybe` no constructor can read), so all are refused rather than
expanded.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from typing import Any

import yaml

from comparator.yamlhints import hint

try:  # libyaml's C parser is several times faster; fall back to pure Python when absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path = tuple[str | int, ...]
MAX_DEPTH = 64
# Values (mappings, lists and scalars, keys included) one file may hold. With aliases
# refused a document is no bigger than its text, but a 2 MB list of one-character items is
# still a million values for validation to walk; no curated file comes near this.
MAX_VALUES = 200_000
# Longer integers are no figure anyone reports, and converting them costs quadratic time.
MAX_DIGITS = 100

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + name for name in ("str", "int", "float", "bool", "null"))
MAP, SEQ = _TAG + "map", _TAG + "seq"

# The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2), in the order it is tried.
_CORE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789"),
    (
        FLOAT,
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+.0123456789",
    ),
)


class _Loader(_BaseLoader):
    """libyaml's parser with the YAML 1.2 core schema's resolution (see the module's doc).

    The composer asks `resolve` for the tag of every value written without one, and tells
    the resolver each step down and up the tree: over a large repository, millions of
    calls. They are answered here without the general case (path resolvers, which curated
    data never has)."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            # a plain scalar reads by the core schema; a quoted or block one is a string
            return _implicit(value or "") if implicit[0] else STR
        return MAP if kind is yaml.MappingNode else SEQ

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# A table of its own: adding to the inherited one would change every PyYAML loader.
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE:
    # The empty plain scalar is null: PyYAML looks resolvers up under "" for it.
    _Loader.add_implicit_resolver(_tag, _pattern, [*_first, ""] if _tag == NULL else list(_first))


def _implicit(value: str) -> str:
    """The tag of a plain scalar, as `_Loader.resolve` gives it (the empty scalar's resolvers
    are filed under ""), without the method's general case: every scalar of every file asks."""
    for tag, pattern in _Loader.yaml_implicit_resolvers.get(value[:1], ()):
        if pattern.match(value):
            return str(tag)
    return STR


@dataclass
class YamlError(Exception):
    code: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


class Marks:
    """1-based (line, column) of each value, and of each mapping key, by path.

    Working them out costs more than reading the values (a tuple path and a position for
    every node), and only a file with a problem, or a page pointing at an assertion's line,
    ever asks. So `load` gives marks that re-read their text on the first question.
    """

    def __init__(
        self,
        values: dict[Path, tuple[int, int]] | None = None,
        keys: dict[Path, tuple[int, int]] | None = None,
    ) -> None:
        self._values = values if values is not None else {}
        self._keys = keys if keys is not None else {}
        self._text: str | None = None
        self._line_offset = 0

    @classmethod
    def of(cls, text: str, line_offset: int = 0) -> Marks:
        """The marks of `text` (a document that loads), worked out when first asked for."""
        marks = cls()
        marks._text, marks._line_offset = text, line_offset
        return marks

    def _fill(self) -> None:
        if self._text is None:
            return
        text, self._text = self._text, None
        # The text loaded once already, the same way: it cannot fail now.
        with contextlib.suppress(YamlError):
            _read(text, self._line_offset, self)

    @property
    def values(self) -> dict[Path, tuple[int, int]]:
        self._fill()
        return self._values

    @property
    def keys(self) -> dict[Path, tuple[int, int]]:
        self._fill()
        return self._keys

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
    """Parse one YAML document; raise `YamlError` for anything that is not plain data.
    The marks are worked out from the text when first asked for (see `Marks`)."""
    return _read(text, line_offset, None), Marks.of(text, line_offset)


def _read(text: str, line_offset: int, marks: Marks | None) -> Any:
    """The document's value, filling `marks` on the way when given."""
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
            raise YamlError("yaml-syntax", line + line_offset, col, hint(text, line, col, problem)) from None
        except yaml.YAMLError as exc:
            raise YamlError("yaml-syntax", 1 + line_offset, 1, str(exc)) from None
        if node is None:
            return None
        _refuse_anchors(text, line_offset)
        return _Builder(loader, marks, line_offset, tagged="!" in text).build(node, (), 0)
    finally:
        loader.dispose()


def _refuse_anchors(text: str, line_offset: int) -> None:
    """Raise at the first anchor. libyaml's composer forgets anchors once it has resolved
    them, so they are looked for in the events; only a text holding `&` can have one."""
    if "&" not in text:
        return
    events = _Loader(text)
    try:
        while events.check_event():
            event: Any = events.get_event()
            anchor = getattr(event, "anchor", None)
            if anchor is not None and not isinstance(event, yaml.AliasEvent):
                raise YamlError(
                    "unsafe-yaml",
                    event.start_mark.line + 1 + line_offset,
                    event.start_mark.column + 1,
                    f"YAML anchors and aliases (&{anchor}) are not allowed in curated data",
                )
    finally:
        events.dispose()


class _Builder:
    def __init__(self, loader: Any, marks: Marks | None, line_offset: int, *, tagged: bool = True) -> None:
        # Every tag written in YAML starts with "!": in a text without one, each node's tag is
        # what `_Loader.resolve` gave, and needs no checking.
        self.tagged = tagged
        self.loader = loader
        self.marks = marks
        self.line_offset = line_offset
        self.seen: set[int] = set()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def _fail(self, node: yaml.Node, code: str, message: str) -> YamlError:
        line, col = self._pos(node)
        return YamlError(code, line, col, message)

    def _visit(self, node: yaml.Node, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self._fail(node, "unsafe-yaml", f"nesting deeper than {MAX_DEPTH} levels")
        # libyaml hands an alias back as the very node its anchor named. Anchors are refused
        # before building; this guards the walk should a parser ever share nodes otherwise.
        seen = self.seen
        count = len(seen)
        seen.add(id(node))
        if len(seen) == count:
            raise self._fail(node, "unsafe-yaml", "YAML aliases are not allowed in curated data")
        if count >= MAX_VALUES:
            raise self._fail(node, "unsafe-yaml", f"more than {MAX_VALUES:,} values in one file")

    def value(self, node: yaml.Node, depth: int) -> Any:
        """What `build` gives without marks, in fewer steps: every file loads so, and a
        large repository's files hold millions of values."""
        self._visit(node, depth)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if self.tagged:
                self._expect(node, SEQ)
            return [self.value(item, depth + 1) for item in node.value]
        if self.tagged:
            self._expect(node, MAP)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, depth + 1)
            if key in result:
                raise self._fail(key_node, "yaml-syntax", f"duplicate key {key!r}")
            result[key] = self.value(value_node, depth + 1)
        return result

    def _key(self, node: yaml.Node, depth: int) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self._fail(node, "yaml-syntax", "mapping keys must be plain scalars")
        self._visit(node, depth)
        key = self._scalar(node)
        if key is None:
            raise self._fail(node, "yaml-syntax", "mapping keys must be plain scalars")
        return key if isinstance(key, str) else str(key)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        marks = self.marks
        if marks is None:
            return self.value(node, depth)
        self._visit(node, depth)
        marks._values[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            if self.tagged:
                self._expect(node, MAP)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node, depth + 1)
                if key in result:
                    raise self._fail(key_node, "yaml-syntax", f"duplicate key {key!r}")
                key_path = (*path, key)
                marks._keys[key_path] = self._pos(key_node)
                result[key] = self.build(value_node, key_path, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            if self.tagged:
                self._expect(node, SEQ)
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _expect(self, node: yaml.Node, tag: str) -> None:
        """Refuse a tag written on a value unless it reads the value just as the plain form
        does: `!!bool maybe` or `!!str 5` would make a file mean something other than what an
        editor shows, and `!!python/...` would run code."""
        if node.tag != tag:
            raise self._fail(
                node,
                "unsafe-yaml",
                f"tag {_short(node.tag)!r} is not allowed in curated data; write the value plainly",
            )

    def _scalar(self, node: yaml.Node) -> Any:
        """The value of a scalar by the core schema: a quoted or block scalar is a string."""
        value: str = node.value
        if self.tagged:
            quoted = getattr(node, "style", None)  # "" or None for a plain scalar
            plain = STR if quoted else _implicit(value)
            self._expect(node, plain)
        else:
            plain = node.tag
        if plain == STR:
            return value
        return _core_value(self, node, plain, value)


def _core_value(builder: _Builder, node: yaml.Node, tag: str, value: str) -> Any:
    if tag == NULL:
        return None
    if tag == BOOL:
        return value.lower() == "true"
    if tag == INT:
        if len(value) > MAX_DIGITS:
            raise builder._fail(node, "schema", f"a number of more than {MAX_DIGITS} digits is not read")
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value)
    lowered = value.lower()
    if lowered.endswith(".inf"):
        return -math.inf if value.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(value)


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
