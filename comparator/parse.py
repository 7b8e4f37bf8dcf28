"""Turning one file's text into a model, or into problems located in that file.

Each function here depends on nothing but the file's path and text, so its result can be
cached by content hash; everything that needs more than one file lives in `validate`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from comparator import yamlmarks
from comparator.models import Actor, Assertion, Claim, Outlet, SourceMeta, is_kind
from comparator.nearest import did_you_mean
from comparator.problems import Problem, error
from comparator.quotes import normalise
from comparator.root import FileText
from comparator.terms import SLUG_PATTERN, Kind
from comparator.yamlmarks import Marks, Path

M = TypeVar("M", bound=BaseModel)

_KNOWN_FIELDS = sorted(
    {name for model in (Outlet, Actor, SourceMeta, Assertion, Claim) for name in model.model_fields}
)
# A claim's JSON lists every pair of its assertions and every pair of its sides, as the
# contract asks, so its size grows with the square of its assertions: 250 keeps the largest
# claim's JSON near 8 MB and a lookup of it near a second, far past any real question.
MAX_ASSERTIONS = 250
_FRONT_MATTER_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class ClaimFile:
    id: str
    topic: str
    rel: str
    claim: Claim
    marks: Marks


@dataclass(frozen=True)
class PartialClaim:
    """A claim that failed validation: its well-formed assertions are still checked against
    their sources, so one bad field does not hide the other problems of the file."""

    id: str
    topic: str
    rel: str
    kind: Kind
    assertions: tuple[tuple[int, Assertion], ...]
    marks: Marks


@dataclass(frozen=True)
class SourceFile:
    rel: str
    meta: SourceMeta
    body: str
    body_line: int  # line of the file on which the article text starts
    marks: Marks

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def searched(self) -> str:
        """The text as quotes are looked for in it (`quotes.normalise`), worked out once:
        every quote that cites the article looks, and a large repository's claims cite its
        articles in no order a small cache would serve."""
        return normalise(self.body)


@dataclass(frozen=True)
class Entry:
    """One entry of a registry file, with its place in the list."""

    index: int
    model: Any  # Outlet | Actor


def parse_claim(file: FileText) -> tuple[ClaimFile | PartialClaim | None, list[Problem]]:
    claim, problems, _ = read_claim(file)
    return claim, problems


def read_claim(file: FileText) -> tuple[ClaimFile | PartialClaim | None, list[Problem], Any]:
    """`parse_claim`, and the plain data the file holds (None when it did not load): with its
    problems, all a cache needs to give the same result back through `rebuild_claim`."""
    path = PurePosixPath(file.rel)
    problems = _name_problems(file.rel, path.stem, "claim id")
    if path.parent.name and not re.fullmatch(SLUG_PATTERN, path.parent.name):
        problems.append(error(file.rel, 1, 1, "schema", f"topic folder {path.parent.name!r} is not a slug"))
    data, marks, more = _load(file, "a claim")
    problems += more
    if data is None:
        return None, problems, None
    if isinstance(data.get("assertions"), list) and len(data["assertions"]) > MAX_ASSERTIONS:
        # Comparison is pairwise within a claim: past this, split the question (by date,
        # by place) rather than let one file make every command slow.
        line, col = marks.at(("assertions",), key=True)
        problems.append(
            error(
                file.rel,
                line,
                col,
                "schema",
                f"assertions: {len(data['assertions']):,} are more than a claim may hold "
                f"({MAX_ASSERTIONS}); split the question",
            )
        )
        return None, problems, None
    try:
        claim = Claim.from_data(data)
    except ValidationError as exc:
        problems += validation_problems(file.rel, exc, marks)
        return _partial(path, file.rel, data, marks), problems, data
    if problems:
        return None, problems, None
    return ClaimFile(path.stem, path.parent.name, file.rel, claim, marks), problems, data


def rebuild_claim(file: FileText, data: Any) -> ClaimFile | PartialClaim | None:
    """What `read_claim` gave for `file` whose data is `data`, without reading the YAML again.
    Raises `ValueError` (a `ValidationError` is one) when `data` is not what it gave."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("a claim's data is a mapping")
    path, marks = PurePosixPath(file.rel), Marks.of(file.text)
    try:
        claim = Claim.from_data(data)
    except ValidationError:
        return _partial(path, file.rel, data, marks)
    return ClaimFile(path.stem, path.parent.name, file.rel, claim, marks)


def _partial(path: PurePosixPath, rel: str, data: dict[str, Any], marks: Marks) -> PartialClaim | None:
    kind = data.get("kind")
    if not is_kind(kind) or not isinstance(data.get("assertions"), list):
        return None
    valid = []
    for index, item in enumerate(data["assertions"]):
        try:
            valid.append((index, Assertion.model_validate(item, context={"kind": kind})))
        except ValidationError:
            continue  # already reported with the whole claim
    return PartialClaim(path.stem, path.parent.name, rel, Kind(kind), tuple(valid), marks)


def parse_source(file: FileText) -> tuple[SourceFile | None, list[Problem]]:
    source, problems, _ = read_source(file)
    return source, problems


def _front_matter(file: FileText) -> tuple[str, str, int] | Problem:
    """The front matter, the body and the body's first line, or why there are none."""
    text = file.text
    if not text.strip():
        return error(file.rel, 1, 1, "empty-file", "the file is empty")
    if not re.match(r"---[ \t]*\n", text):
        return error(file.rel, 1, 1, "yaml-syntax", "a source starts with front matter: a line `---`")
    opening = text.index("\n") + 1
    close = _FRONT_MATTER_CLOSE.search(text, opening)
    if close is None:
        return error(file.rel, 1, 1, "yaml-syntax", "the front matter has no closing `---` line")
    after = close.end() + 1 if close.end() < len(text) else close.end()
    return text[opening : close.start()], text[after:], text.count("\n", 0, after) + 1


def read_source(file: FileText) -> tuple[SourceFile | None, list[Problem], Any]:
    """`parse_source`, and the front matter's data when the source loads (as `read_claim`)."""
    parts = _front_matter(file)
    if isinstance(parts, Problem):
        return None, [parts], None
    header, body, body_line = parts
    try:
        data, marks = yamlmarks.load(header, line_offset=1)
    except yamlmarks.YamlError as exc:
        return None, [error(file.rel, exc.line, exc.column, exc.code, exc.message)], None
    if not isinstance(data, dict):
        return None, [error(file.rel, 2, 1, "schema", "the front matter must be a mapping of fields")], None
    try:
        meta = SourceMeta.model_validate(data)
    except ValidationError as exc:
        return None, validation_problems(file.rel, exc, marks), None
    problems: list[Problem] = []
    stem = PurePosixPath(file.rel).stem
    if meta.id != stem:
        line, col = marks.at(("id",))
        problems.append(
            error(
                file.rel, line, col, "id-mismatch", f"id {meta.id!r} differs from the file name {stem!r}.md"
            )
        )
    if not body.strip():
        problems.append(error(file.rel, body_line, 1, "empty-body", "the source has no article text"))
    return SourceFile(file.rel, meta, body, body_line, marks), problems, data


def rebuild_source(file: FileText, data: Any) -> SourceFile | None:
    """What `read_source` gave for `file` whose front matter holds `data` (as `rebuild_claim`)."""
    if data is None:
        return None
    parts = _front_matter(file)
    if isinstance(parts, Problem) or not isinstance(data, dict):
        raise ValueError("not the front matter of this file")
    header, body, body_line = parts
    meta = SourceMeta.model_validate(data)
    return SourceFile(file.rel, meta, body, body_line, Marks.of(header, 1))


def parse_registry(file: FileText, model: type[M], what: str) -> tuple[list[Entry], Marks, list[Problem]]:
    """A registry is a list of entries; a bad entry is reported and the rest still load."""
    data, marks, problems = _load(file, f"a list of {what}", expect=list)
    if data is None:
        return [], marks, problems
    entries: list[Entry] = []
    for index, item in enumerate(data):
        try:
            entries.append(Entry(index, model.model_validate(item)))
        except ValidationError as exc:
            problems += validation_problems(file.rel, exc, marks, prefix=(index,))
    return entries, marks, problems


def _load(file: FileText, what: str, expect: type = dict) -> tuple[Any, Marks, list[Problem]]:
    if not file.text.strip():
        return None, Marks(), [error(file.rel, 1, 1, "empty-file", "the file is empty")]
    try:
        data, marks = yamlmarks.load(file.text)
    except yamlmarks.YamlError as exc:
        return None, Marks(), [error(file.rel, exc.line, exc.column, exc.code, exc.message)]
    if not isinstance(data, expect):
        line, col = marks.at(())
        return None, marks, [error(file.rel, line, col, "schema", f"the file must hold {what}")]
    return data, marks, []


def _name_problems(rel: str, stem: str, what: str) -> list[Problem]:
    if re.fullmatch(SLUG_PATTERN, stem):
        return []
    return [error(rel, 1, 1, "id-mismatch", f"file name {stem!r} is not a valid {what} (a lowercase slug)")]


def validation_problems(rel: str, exc: ValidationError, marks: Marks, prefix: Path = ()) -> list[Problem]:
    """Each pydantic error, placed at the line and column of the value (or key) it is about."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        where = _dotted(loc)
        if err["type"] == "extra_forbidden":
            line, col = marks.at(loc, key=True)
            name = str(loc[-1])
            suggestion = did_you_mean(name, _KNOWN_FIELDS, n=1)
            problems.append(error(rel, line, col, "unknown-field", f"unknown field {name!r}{suggestion}"))
        elif err["type"] == "missing":
            line, col = marks.at(loc[:-1])
            problems.append(error(rel, line, col, "schema", f"missing field {where!r}"))
        else:
            line, col = marks.at(loc)
            message = err["msg"].removeprefix("Value error, ")
            problems.append(error(rel, line, col, "schema", f"{where}: {message}" if where else message))
    return problems


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"int", "float", "str", "bool", "list"}:
            continue  # pydantic's union member labels say nothing to a curator
        else:
            out += f".{part}" if out else str(part)
    return out
