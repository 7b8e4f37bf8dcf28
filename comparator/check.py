"""`check`: load and validate a data root, as data. Rendering and exit codes live elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.humanize import plural
from comparator.problems import Problem, Severity, error
from comparator.root import inside, relative
from comparator.validate import findings


@dataclass
class CheckResult:
    problems: list[Problem]
    files: int
    accepted: list[Problem] = field(default_factory=list)  # warnings curators accepted
    counts: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.problems = sorted(set(self.problems))
        self.accepted = sorted(set(self.accepted))
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        self.counts = {
            "errors": errors,
            "warnings": len(self.problems) - errors,
            "accepted": len(self.accepted),
            "files": self.files,
        }

    def failed(self, strict: bool = False) -> bool:
        return self.counts["errors"] > 0 or (strict and self.counts["warnings"] > 0)

    def summary(self) -> str:
        errors, warnings, files = self.counts["errors"], self.counts["warnings"], self.counts["files"]
        accepted = self.counts["accepted"]
        also = f" ({accepted} accepted)" if accepted else ""
        if not errors and not warnings:
            return f"no problems in {files} files{also}"
        return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}{also} in {files} files"

    def strict_failure(self, strict: bool) -> str | None:
        """Why --strict failed a check that has no errors, or None."""
        if strict and not self.counts["errors"] and self.counts["warnings"]:
            warnings = plural(self.counts["warnings"], "warning")
            return f"--strict: {warnings} fail the check (accept a judged warning on its assertion)"
        return None


def check(root: Path, paths: Sequence[str] = ()) -> CheckResult:
    """Every problem of the data under `root`; with `paths`, only those under the given files
    or folders, while references still resolve against the whole root."""
    corpus = corpus_mod.load(root)
    found = findings(corpus)
    problems, accepted = list(found.problems), list(found.accepted)
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
        accepted = [p for p in accepted if chosen(p.file)]
        files = [f for f in files if chosen(f)]
    return CheckResult(problems, len(files), accepted)
