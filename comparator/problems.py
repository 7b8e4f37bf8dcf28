"""The one problem type every check reports, and the codes it may carry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# Codes fixed by the contract, then the ones this project adds for hostile or broken input.
CODES: dict[str, str] = {
    "yaml-syntax": "the file is not well-formed YAML",
    "schema": "a value has the wrong type or form, or a required field is missing",
    "unknown-field": "a field that the format does not define (often a typo)",
    "duplicate-id": "two files or registry entries use the same id",
    "id-mismatch": "an id differs from the file name that must carry it",
    "unknown-source": "an assertion cites a source id that does not exist",
    "unknown-outlet": "a source or wire names an outlet id that does not exist",
    "unknown-actor": "an actor id that the actor registry does not hold",
    "quote-not-found": "the quote does not occur in the source's text",
    "value-not-in-quote": "the asserted number is not written in the quote",
    "qualifier-hint": "the quote's wording suggests another qualifier",
    "unused-accept": "an `accept` entry whose warning no longer fires",
    "undeclared-copy": "two sources share long passages, yet neither names the other or a common wire",
    "part-of-cycle": "actors that are part of each other in a loop",
    "derived-from-cycle": "sources that copy each other in a loop",
    "empty-body": "a source with no article text",
    "empty-file": "a file with nothing in it",
    "encoding": "a file that is not UTF-8 text",
    "unsafe-yaml": "YAML features refused in curated data (tags, aliases, deep nesting)",
    "too-large": "a file larger than the tool reads",
    "outside-root": "a path or symlink that leads outside the data root",
    "unexpected-file": "a file where the layout expects none",
}

# The codes reported as warnings; every other code is an error. A curator may `accept` a
# warning on an assertion, except `unused-accept`, which is about the `accept` entry itself.
WARNINGS = frozenset({"value-not-in-quote", "qualifier-hint", "unused-accept", "undeclared-copy"})
ACCEPTABLE = WARNINGS - {"unused-accept"}


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, pointing at a place in a file relative to the data root.

    Field order is the sort order: reports list problems by file, then position.
    """

    file: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    code: str
    message: str

    def __str__(self) -> str:
        """`file:line:col: severity code message`, on one line whatever the message holds."""
        message = " ".join(self.message.split())
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value} {self.code} {message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def error(file: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(file, line, column, Severity.ERROR, code, message)


def warning(file: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(file, line, column, Severity.WARNING, code, message)


def count(problems: Iterable[Problem]) -> dict[str, int]:
    errors = warnings = 0
    for p in problems:
        if p.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return {"errors": errors, "warnings": warnings}
