"""`check`: load and validate a data root, as data. Rendering and exit codes live elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from comparator import cache, recheck, snapshot, tree
from comparator.humanize import plural
from comparator.problems import Problem, Severity, error
from comparator.root import FileText, inside, relative


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


def _everything(root: Path) -> tuple[list[Problem], list[Problem], list[str]]:
    """(problems, accepted, files read) of the whole root. Checking depends on the files'
    content and nothing else, so a tree whose every file is unchanged since the last check
    is answered from the cache without building a single model, and a file whose status is
    as it was when it was hashed is not even read (`snapshot`). A tree in which only claims
    changed since the last check is checked for those claims alone (`recheck`)."""
    store = cache.for_root(root)
    now = snapshot.take(root, store)
    if now.complete and now.statuses:
        found = _stored(store, _key([f"{rel}\0{now.known[rel]}" for rel in now.rels], now.unread))
        if found is not None:
            return found.problems, found.accepted, found.names
    seen = now.seen
    now.remember(store)
    entry_key = _key([f"{rel}\0{seen[rel]}" for rel in now.rels], now.unread)
    found = _stored(store, entry_key) if store.active else None
    if found is None and store.active:
        found = recheck.recheck(store, root, seen, now.unread, now.read)
        if found is not None:
            store.put(entry_key, found.dump())
    if found is None:
        files = {rel: now.read(rel) for rel in now.rels}
        now.files.clear()  # `of_files` lets each article's text go once its model is made
        found = of_files(root, files, now.unread)
        store.put(entry_key, found.dump())
    recheck.remember(store, root, seen, now.unread, found)
    store.flush()
    return found.problems, found.accepted, found.names


def of_files(root: Path, files: dict[str, FileText | Problem], unread: list[Problem]) -> recheck.Checked:
    """What a full check finds in `files` (a tree read from disk or from git, which this
    empties as it goes) and `unread`."""
    # Only now the models: a check answered from the cache never imports them.
    from comparator import corpus as corpus_mod
    from comparator.validate import copy_warnings, findings

    # The registries and the articles first, and the copies among the articles, then the
    # claims: the index that finds copies and the models of every claim are never held at
    # once, which in a large repository would double the peak of memory.
    articles = {rel: files.pop(rel) for rel in [r for r in files if not tree.is_claim(r)]}
    corpus = corpus_mod.from_files(root, articles)
    articles.clear()  # an article's model holds what it needs of its text
    copies = copy_warnings(corpus)
    corpus_mod.add_files(corpus, files)
    files.clear()
    corpus.problems += unread
    result = findings(corpus, copies)
    sources = {source_id: source.rel for source_id, source in corpus.sources.items()}
    unloaded = recheck.not_loaded(corpus.files, corpus.claims)
    return recheck.Checked(
        list(result.problems), list(result.accepted), corpus.files, sources, sorted(set(unloaded))
    )


def _key(parts: list[str], unread: list[Problem]) -> str:
    return cache.key("check", *parts, *map(str, unread))


def _stored(store: cache.Cache, entry_key: str) -> recheck.Checked | None:
    return recheck.Checked.load(store.get(entry_key))


def check(root: Path, paths: Sequence[str] = ()) -> CheckResult:
    """Every problem of the data under `root`; with `paths`, only those under the given files
    or folders, while references still resolve against the whole root."""
    problems, accepted, files = _everything(root)
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
