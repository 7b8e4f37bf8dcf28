"""Loading a data root into a `Corpus`: registries, sources and claims, with every problem found.

`load` reads the whole tree; `load_claims` reads only some claims and what they cite, so a
lookup does not pay for the rest of the repository.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from comparator import cache, tree
from comparator.models import Actor, Outlet
from comparator.parse import (
    ClaimFile,
    Entry,
    PartialClaim,
    SourceFile,
    parse_registry,
    read_claim,
    read_source,
    rebuild_claim,
    rebuild_source,
)
from comparator.problems import Problem, error
from comparator.root import ACTORS, OUTLETS, FileText, folders, named, read_text, relative
from comparator.yamlmarks import Marks

T = TypeVar("T")


class _Parser(Generic[T]):
    """`read(file)` -> (model, problems, data), kept in the cache as data and problems and
    given back through `rebuild(file, data)`; an entry that does not rebuild is read again.

    A file's parse depends on its path and text alone, so one process (a diff reads two
    revisions that mostly share files; a test runs many commands) also keeps the last
    `size` results in memory, whichever cache they came through, by the hash of path and
    text: the texts themselves are not held. Results are immutable.
    """

    def __init__(
        self,
        label: str,
        read: Callable[[FileText], tuple[T, list[Problem], Any]],
        rebuild: Callable[[FileText, Any], T],
        size: int,
    ) -> None:
        self.label, self.read, self.rebuild, self.size = label, read, rebuild, size
        self.memo: OrderedDict[str, tuple[T, list[Problem]]] = OrderedDict()

    def __call__(self, store: cache.Cache, file: FileText) -> tuple[T, list[Problem]]:
        entry_key = cache.key(self.label, cache.file_key(file))
        found = self.memo.get(entry_key)
        if found is not None:
            self.memo.move_to_end(entry_key)
            return found
        found = self.memo[entry_key] = self._parse(store, file, entry_key)
        if len(self.memo) > self.size:
            self.memo.popitem(last=False)
        return found

    def cache_clear(self) -> None:
        self.memo.clear()

    def _parse(self, store: cache.Cache, file: FileText, entry_key: str) -> tuple[T, list[Problem]]:
        stored = store.get(entry_key)
        if isinstance(stored, dict):
            try:
                return self.rebuild(file, stored["data"]), cache.load_problems(stored["problems"])
            except (KeyError, ValueError, TypeError):
                pass  # not what this version stores: read the file again
        model, problems, data = self.read(file)
        store.put(entry_key, {"data": data, "problems": cache.dump_problems(problems)})
        return model, problems


_parse_claim = _Parser("claim", read_claim, rebuild_claim, 20_000)
_parse_source = _Parser("source", read_source, rebuild_source, 5_000)


@dataclass
class Registry:
    rel: str
    marks: Marks = field(default_factory=Marks)
    entries: list[Entry] = field(default_factory=list)

    def position(self, index: int, name: str = "id") -> tuple[int, int]:
        return self.marks.at((index, name))


@dataclass
class Corpus:
    root: Path
    outlets: dict[str, Outlet] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, SourceFile] = field(default_factory=dict)
    claims: dict[str, ClaimFile] = field(default_factory=dict)
    # Claims that did not validate, kept so their sound assertions are still checked.
    partial_claims: list[PartialClaim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outlet_registry: Registry = field(default_factory=lambda: Registry(OUTLETS))
    actor_registry: Registry = field(default_factory=lambda: Registry(ACTORS))
    # Files that were found, parsed or not: `check PATH` reports on these.
    files: list[str] = field(default_factory=list)
    # The hash of each file read (by path), so that checks across files can be cached.
    hashes: dict[str, str] = field(default_factory=dict)
    # With `load_claims`: each source id looked for, and the files found named for it.
    lookups: dict[str, list[str]] = field(default_factory=dict)
    store: cache.Cache = field(default_factory=lambda: cache.Cache(None))

    def top_actor(self, actor_id: str) -> str:
        """Follow `part_of` to the outermost actor; a loop (reported by check) stops the walk."""
        seen = {actor_id}
        current = actor_id
        while (actor := self.actors.get(current)) and actor.part_of and actor.part_of not in seen:
            current = actor.part_of
            seen.add(current)
        return current

    def ancestors(self, actor_id: str) -> list[str]:
        """The actor and every actor it is part of, innermost first."""
        chain = [actor_id]
        while (actor := self.actors.get(chain[-1])) and actor.part_of and actor.part_of not in chain:
            chain.append(actor.part_of)
        return chain

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def outlet_name(self, outlet_id: str) -> str:
        outlet = self.outlets.get(outlet_id)
        return outlet.name if outlet else outlet_id


def load(root: Path) -> Corpus:
    """Read everything under `root`, collecting problems rather than stopping at the first."""
    files, unread = tree.read(root)
    corpus = from_files(root, files)
    corpus.problems += unread
    return corpus


def load_articles(root: Path) -> Corpus:
    """The registries and the articles under `root`, without a claim: for a command that
    keeps what it makes of each claim (`kept`)."""
    rels, _, inside = tree.paths(root)
    return from_files(
        root,
        {rel: read_text(root, root / rel, inside=inside, rel=rel) for rel in rels if not tree.is_claim(rel)},
    )


def from_files(root: Path, files: Mapping[str, FileText | Problem]) -> Corpus:
    """A corpus from file texts by path relative to the root, wherever they were read from
    (the work tree, or a git revision). Paths that are neither registry, source nor claim
    are passed over."""
    corpus = Corpus(root, store=cache.for_root(root))
    add_files(corpus, files)
    return corpus


def add_files(corpus: Corpus, files: Mapping[str, FileText | Problem]) -> None:
    """Add registries, then sources, then claims from `files` to `corpus`, as `from_files`
    does; an incremental check adds the sources a changed claim cites once it has read it."""
    for registry in (corpus.outlet_registry, corpus.actor_registry):
        if registry.rel in files:
            _add_registry(corpus, registry, files[registry.rel])
    for rel, file in files.items():
        if rel.startswith("sources/") and rel.endswith(".md"):
            _add_source(corpus, rel, file)
    for rel, file in files.items():
        if tree.is_claim(rel):
            _add_claim(corpus, rel, file)
    corpus.store.flush()


def load_claims(root: Path, claim_ids: Iterable[str]) -> tuple[Corpus, list[str]]:
    """Only the named claims, the sources they cite (and copy from) and the registries.

    Returns the corpus and the ids that were not found.
    """
    files: dict[str, FileText | Problem] = {}
    for registry in (OUTLETS, ACTORS):
        path = root / registry
        if path.exists() or path.is_symlink():
            files[registry] = read_text(root, path)
    missing = []
    for claim_id in claim_ids:
        paths = named(root / "claims", claim_id, ".yaml", ".yml")
        if not paths:
            missing.append(claim_id)
        for path in paths:
            files[relative(root, path)] = read_text(root, path)

    def sources(source_id: str) -> dict[str, FileText | Problem]:
        found = named(root / "sources", source_id, ".md")
        return {relative(root, p): read_text(root, p) for p in found}

    return load_cited(root, files, sources), missing


def load_cited(
    root: Path,
    files: Mapping[str, FileText | Problem],
    sources: Callable[[str], Mapping[str, FileText | Problem]],
) -> Corpus:
    """The registries and claims of `files`, and the sources those claims cite (and copy
    from), which `sources(id)` gives as the files named for that id."""
    corpus = Corpus(root, store=cache.for_root(root))
    add_files(corpus, files)
    wanted = [a.source for c in corpus.claims.values() for a in c.claim.assertions]
    while wanted:
        source_id = wanted.pop()
        if source_id in corpus.lookups:
            continue
        found = sources(source_id)
        corpus.lookups[source_id] = list(found)
        if source_id in corpus.sources:
            continue
        for rel, file in found.items():
            source = _add_source(corpus, rel, file)
            if source and source.meta.derived_from:
                wanted.append(source.meta.derived_from)
    corpus.store.flush()
    return corpus


def source_id(store: cache.Cache, file: FileText | Problem) -> str | None:
    """The id an article file loads as (its front matter's, whatever its name), or None when
    it does not load."""
    if isinstance(file, Problem) or file.rel.count("/") != 2:
        return None
    source, _ = _parse_source(store, file)
    return None if source is None else source.id


def claim_ids(root: Path) -> list[str]:
    """Every claim id, from file names alone (for suggestions), without parsing any file."""
    return sorted(
        {
            p.stem
            for folder in folders(root / "claims")
            for p in folder.iterdir()
            if p.suffix in (".yaml", ".yml")
        }
    )


def _accept(corpus: Corpus, rel: str, file: FileText | Problem) -> FileText | None:
    corpus.files.append(rel)
    if isinstance(file, Problem):
        corpus.problems.append(file)
        return None
    corpus.hashes[rel] = cache.file_key(file)
    return file


def _add_registry(corpus: Corpus, registry: Registry, read: FileText | Problem) -> None:
    file = _accept(corpus, registry.rel, read)
    if file is None:
        return
    is_outlets = registry is corpus.outlet_registry
    model, what = (Outlet, "outlets") if is_outlets else (Actor, "actors")
    target: dict[str, Any] = corpus.outlets if is_outlets else corpus.actors
    registry.entries, registry.marks, problems = parse_registry(file, model, what)
    corpus.problems += problems
    for entry in registry.entries:
        item = entry.model
        if item.id in target:
            line, col = registry.position(entry.index)
            corpus.problems.append(
                error(registry.rel, line, col, "duplicate-id", f"{what[:-1]} id {item.id!r} is listed twice")
            )
            continue
        target[item.id] = item


def _add_source(corpus: Corpus, rel: str, read: FileText | Problem) -> SourceFile | None:
    if rel.count("/") != 2:
        corpus.problems.append(
            error(rel, 1, 1, "unexpected-file", "sources live in sources/<outlet-id>/<source-id>.md")
        )
        return None
    file = _accept(corpus, rel, read)
    if file is None:
        return None
    source, problems = _parse_source(corpus.store, file)
    corpus.problems += problems
    if source is None:
        return None
    if source.id in corpus.sources:
        line, col = source.marks.at(("id",))
        other = corpus.sources[source.id].rel
        corpus.problems.append(
            error(rel, line, col, "duplicate-id", f"source id {source.id!r} is used by {other} too")
        )
        return None
    corpus.sources[source.id] = source
    return source


def _add_claim(corpus: Corpus, rel: str, read: FileText | Problem) -> ClaimFile | None:
    if rel.count("/") != 2:
        corpus.problems.append(
            error(rel, 1, 1, "unexpected-file", "claims live in claims/<topic>/<claim-id>.yaml")
        )
        return None
    file = _accept(corpus, rel, read)
    if file is None:
        return None
    claim, problems = _parse_claim(corpus.store, file)
    corpus.problems += problems
    if isinstance(claim, PartialClaim):
        corpus.partial_claims.append(claim)
        return None
    if claim is None:
        return None
    if claim.id in corpus.claims:
        other = corpus.claims[claim.id].rel
        corpus.problems.append(
            error(rel, 1, 1, "duplicate-id", f"claim id {claim.id!r} is used by {other} too")
        )
        return None
    corpus.claims[claim.id] = claim
    return claim
