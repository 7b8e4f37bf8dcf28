"""The one error type a command reports in a curator's words and exits 1 on.

Anything the tool refuses or cannot do because of the user's data, paths or revisions is a
`ComparatorError` (or a subclass that says where it comes from); the command line catches
it in one place and prints `comparator: <message>` to stderr. Other exceptions are bugs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comparator.problems import Problem


class ComparatorError(Exception):
    exit_code = 1


class ClaimNotLoaded(ComparatorError):
    """The claim's file exists but has errors; `problems` are those of its files."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems
