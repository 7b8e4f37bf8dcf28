"""`check`: load and validate a data root, as data. Rendering and exit codes live elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.problems import Problem, Severity, error
from comparator.root import inside, relative
from comparator.text import plural
from comparator.validate import validate


@dataclass
class CheckResult:
    problems: list[Problem]
    files: int
    counts: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.problems = sorted(set(self.problems))
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        self.counts = {"errors": errors, "warnings": len(self.problems) - errors, "files": self.files}

    def failed(self, strict: bool = False) -> bool:
        return self.counts["errors"] > 0 or (strict and self.counts["warnings"] > 0)

    def summary(self) -> str:
        errors, warnings, files = self.counts["errors"], self.counts["warnings"], self.counts["files"]
        if not errors and not warnings:
            return f"no problems in {files} files"
        return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {files} files"


def check(root: Path, paths: Sequence[str] = ()) -> CheckResult:
    """Every problem of the data under `root`; with `paths`, only those under the given files
    or folders, while references still resolve against the whole root."""
    corpus = corpus_mod.load(root)
    problems = corpus.problems + validate(corpus)
    files = corpus.files
    if paths:
        wanted: list[str] = []
        refused: list[Problem] = []
        for given in paths:
            path = inside(root, given)
            if path is None:
                refused.append(
                    error(str(given), 1, 1, "outside-root", "the path is outside the data root; not read")
                )
                continue
            wanted.append(relative(root, path).rstrip("/"))

        def chosen(rel: str) -> bool:
            return any(w in ("", ".") or rel == w or rel.startswith(w + "/") for w in wanted)

        problems = [p for p in problems if chosen(p.file)] + refused
        files = [f for f in files if chosen(f)]
    return CheckResult(problems, len(files))
