"""Output formats, by the kind of result they render.

Each kind of result (a check, one claim, a list of claims, a diff, suggestions) has a
registry of the formats that render it: a `Format` to the function that does it, written as
"module:function" so that a format's module is imported only when it is chosen (a lookup
never pays for the report's or the diff's code). Every renderer takes the result and one
`Options` and returns the text; commands derive their `--format` choices from a registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from comparator.check import CheckResult
    from comparator.copies import CopyPair
    from comparator.curation.suggest import Suggestions
    from comparator.display import ClaimView, Listed
    from comparator.review.result import DiffResult
    from comparator.vet import VetResult


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"
    SARIF = "sarif"
    YAML = "yaml"


@dataclass(frozen=True)
class Options:
    """How to render, for every format (each reads what concerns it)."""

    width: int = 100  # text: the terminal's width
    color: bool = False  # text: colour codes
    prefix: str = ""  # github: where the data root sits in its repository ("" or "data/")
    problems: bool = True  # diff: list the check problems at head


class CheckRenderer(Protocol):
    def __call__(self, result: CheckResult, options: Options, /) -> str: ...


class ShowRenderer(Protocol):
    def __call__(self, claim: ClaimView, options: Options, /) -> str: ...


class ListRenderer(Protocol):
    """A list may hold tens of thousands of claims: its renderers take them one at a time,
    as a listing shows them (`display.Listed`), and give the text in pieces, so that the
    whole text is never held at once (a table, which must measure its rows first, holds
    the rows)."""

    def __call__(self, claims: Iterable[Listed], options: Options, /) -> Iterator[str]: ...


class DiffRenderer(Protocol):
    def __call__(self, result: DiffResult, options: Options, /) -> str: ...


class SuggestRenderer(Protocol):
    def __call__(self, result: Suggestions, options: Options, /) -> str: ...


class CopiesRenderer(Protocol):
    def __call__(self, pairs: Sequence[CopyPair], options: Options, /) -> str: ...


class VetRenderer(Protocol):
    def __call__(self, result: VetResult, options: Options, /) -> str: ...


R = TypeVar("R")


@dataclass(frozen=True)
class Registry(Generic[R]):
    """The formats of one kind of result, and where each one's renderer lives."""

    result: str
    targets: Mapping[Format, str]  # format -> "module:function"

    @property
    def formats(self) -> tuple[Format, ...]:
        return tuple(self.targets)

    def __getitem__(self, fmt: Format) -> R:
        module, name = self.targets[fmt].split(":")
        function: Any = getattr(importlib.import_module(module), name)
        return cast(R, function)


def _targets(function: str, *formats: Format) -> dict[Format, str]:
    return {fmt: f"comparator.render.{fmt.value}:{function}" for fmt in formats}


CHECK: Registry[CheckRenderer] = Registry(
    "check", _targets("check", Format.TEXT, Format.JSON, Format.MARKDOWN, Format.GITHUB, Format.SARIF)
)
SHOW: Registry[ShowRenderer] = Registry("show", _targets("show", Format.TEXT, Format.JSON, Format.MARKDOWN))
LIST: Registry[ListRenderer] = Registry(
    "list", _targets("listing", Format.TEXT, Format.JSON, Format.MARKDOWN)
)
DIFF: Registry[DiffRenderer] = Registry(
    "diff",
    {
        Format.TEXT: "comparator.render.text_diff:diff",
        Format.JSON: "comparator.render.json:diff",
        Format.MARKDOWN: "comparator.render.markdown_diff:diff",
        Format.GITHUB: "comparator.render.github:diff",
        Format.SARIF: "comparator.render.sarif:diff",
    },
)
SUGGEST: Registry[SuggestRenderer] = Registry(
    "suggest", _targets("suggest", Format.TEXT, Format.JSON, Format.YAML)
)

# copies renders all its formats from one module of its own
COPIES: Registry[CopiesRenderer] = Registry(
    "copies",
    {fmt: f"comparator.render.copies:{fmt.value}" for fmt in (Format.TEXT, Format.JSON, Format.MARKDOWN)},
)

# vet renders all its formats from one module of its own
VET: Registry[VetRenderer] = Registry(
    "vet",
    {
        fmt: f"comparator.render.vet:{fmt.value}"
        for fmt in (Format.TEXT, Format.JSON, Format.MARKDOWN, Format.GITHUB)
    },
)

REGISTRIES: tuple[Registry[Any], ...] = (CHECK, SHOW, LIST, DIFF, SUGGEST, COPIES, VET)
