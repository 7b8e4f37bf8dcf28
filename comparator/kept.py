"""What commands make of each claim, kept in the cache while no file it was made from
changed: `show`'s view, `list`'s rows, `export`'s table rows.

What is made of a claim depends on its files, the two registries and the articles it cites
(with those they copy from), and on nothing else in the repository. It is kept with the hash
of each of those files and with the files each cited id named, and read back only while they
are all as they were: on disk for a lookup (`Disk`), or in a snapshot of the tree for a
command over every claim (a file unchanged since it was hashed is not even read). A
command over every claim reads back what is kept of each claim, makes the others a batch at
a time, and builds no model for a claim whose files did not change.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, Union, get_args, get_origin

from comparator import cache, snapshot, tree
from comparator.root import ACTORS, OUTLETS, FileText, named, read_text, relative

if TYPE_CHECKING:
    from comparator.compare import Analysis
    from comparator.corpus import Corpus

# Raise when what is kept, or how any of it is worded, changes: it is kept text, and the
# tool's version alone does not change while it is being worked on.
VIEWS = 2


class Made(Protocol):
    """What a command makes of a claim: it names the claim it was made of."""

    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=Made)

# Claims made at once when what is kept of them is missing or stale: what is held at a time.
BATCH = 500


def per_claim(
    root: Path, label: str, kind: type[T], make: Callable[[Corpus, Analysis], T]
) -> dict[str, T] | None:
    """`make(corpus, analysis)` of every claim that loads, by id: read back from the cache
    (as `label`) while every file it was made from is unchanged, else made a batch at a time
    and kept. `kind` is a dataclass of plain fields that the cache reads back (`_decoder`);
    None when the cache is off."""
    store = cache.for_root(root)
    if not store.active:
        return None
    now = snapshot.take(root, store)
    layout = _Tree(now, store)
    now.remember(store)
    found: dict[str, T] = {}
    stale: list[str] = []
    keys = {key(label, claim_id, claim_files): claim_id for claim_id, claim_files in layout.claims.items()}
    for entry_key, stored in store.get_many(list(keys)):
        claim_id = keys[entry_key]
        if stored == {"loaded": False}:  # whether a claim loads depends on its own files alone
            continue
        kept = read_back(layout, stored, label, kind)
        if kept is None or kept.id != claim_id:  # another claim's is stale too
            stale.append(claim_id)
        else:
            found[claim_id] = kept
    for start in range(0, len(stale), BATCH):
        found.update(_build(now, layout, store, stale[start : start + BATCH], label, make))
        store.flush()
    store.flush()  # what was learnt of the files (statuses, article ids) though nothing was built
    return found


def _build(
    now: snapshot.Snapshot,
    layout: _Tree,
    store: cache.Cache,
    claim_ids: list[str],
    label: str,
    make: Callable[[Corpus, Analysis], T],
) -> dict[str, T]:
    """Make, keep and return `make` of those of `claim_ids` that load."""
    from comparator import corpus as corpus_mod
    from comparator.compare import analyse

    files = {rel: now.read(rel) for rel in (OUTLETS, ACTORS) if rel in layout.seen}
    files.update({rel: now.read(rel) for claim_id in claim_ids for rel in layout.claims[claim_id]})
    corpus = corpus_mod.load_cited(
        now.root, files, lambda source_id: {rel: now.read(rel) for rel in layout.named_source(source_id)}
    )
    found = {}
    read = read_claims(corpus)  # once: the corpus holds hundreds of claims
    for claim_id in claim_ids:
        claim_files = layout.claims[claim_id]
        claim = corpus.claims.get(claim_id)
        entry_key = key(label, claim_id, claim_files)
        if claim is None:
            if read.get(claim_id) == claim_files:
                store.put(entry_key, {"loaded": False})
            continue
        found[claim_id] = made = make(corpus, analyse(corpus, claim))
        made_from = inputs(corpus, claim_id, claim_files, read)
        if made_from is not None:  # else a file of it could not be read: its problem is not kept
            store.put(entry_key, {**made_from, label: dataclasses.asdict(made)})  # type: ignore[call-overload]
    return found


# --- keys and inputs -----------------------------------------------------------------------


def key(label: str, claim_id: str, claim_files: dict[str, str]) -> str:
    """Where what `label` makes of a claim whose files are `claim_files` is kept."""
    return cache.key(label, str(VIEWS), claim_id, *_flat(claim_files))


def _flat(pairs: dict[str, str] | None) -> list[str]:
    return [part for rel, digest in (pairs or {}).items() for part in (rel, digest)]


def inputs(
    corpus: Corpus, claim_id: str, claim_files: dict[str, str], read: dict[str, dict[str, str | None]]
) -> dict[str, Any] | None:
    """What the claim's view was built from: each registry's and cited source's hash (with the
    sources they copy from), and the files each cited source id named. None when one of them
    was not read (its problem must not be cached), or when the claim's files read are not
    those of the key (a file changed while the view was built)."""
    if read.get(claim_id, {}) != claim_files:
        return None
    hashes: dict[str, str] = {}
    for rel in (OUTLETS, ACTORS):
        if rel in corpus.files:
            if rel not in corpus.hashes:
                return None
            hashes[rel] = corpus.hashes[rel]
    lookups: dict[str, list[str]] = {}
    wanted = [a.source for a in corpus.claims[claim_id].claim.assertions]
    while wanted:
        source_id = wanted.pop()
        if source_id in lookups:
            continue
        lookups[source_id] = rels = corpus.lookups[source_id]
        for rel in rels:
            if rel not in corpus.hashes:
                return None
            hashes[rel] = corpus.hashes[rel]
        source = corpus.sources.get(source_id)
        if source is not None and source.meta.derived_from:
            wanted.append(source.meta.derived_from)
    return {"hashes": hashes, "sources": lookups}


def read_claims(corpus: Corpus) -> dict[str, dict[str, str | None]]:
    """The hash of each claim file the corpus read (None: not read), by claim id."""
    found: dict[str, dict[str, str | None]] = {}
    for rel in corpus.files:
        if rel.startswith("claims/"):
            found.setdefault(tree.claim_id(rel), {})[rel] = corpus.hashes.get(rel)
    return found


class Files(Protocol):
    """Where the files a view was built from are looked at: on disk, or in a snapshot."""

    def unchanged(self, rel: str, digest: Any) -> bool:
        """Whether the file at `rel` still has the hash `digest` (None: still absent)."""

    def named_source(self, source_id: str) -> list[str]:
        """The files named for a source id, as `corpus.load_claims` finds them."""


class Disk:
    def __init__(self, root: Path) -> None:
        self.root = root

    def unchanged(self, rel: str, digest: Any) -> bool:
        path = self.root / rel
        if digest is None:
            return not (path.exists() or path.is_symlink())
        file = read_text(self.root, path)
        return isinstance(file, FileText) and cache.file_key(file) == digest

    def named_source(self, source_id: str) -> list[str]:
        return [relative(self.root, p) for p in named(self.root / "sources", source_id, ".md")]


class _Tree:
    """A snapshot's files as the full load finds them: each claim's files by id (its file
    name), and the article files that load as each article id (by the id their front matter
    gives, which may differ from the file name), in the walk's order."""

    def __init__(self, now: snapshot.Snapshot, store: cache.Cache) -> None:
        self.seen = now.seen
        self.claims: dict[str, dict[str, str]] = {}
        articles = []
        for rel, what in self.seen.items():
            top, _, name = rel.partition("/")
            if name.count("/") != 1:
                continue  # not loaded: an unexpected place
            if tree.is_claim(rel):
                self.claims.setdefault(tree.claim_id(rel), {})[rel] = what
            elif top == "sources" and rel.endswith(".md"):
                articles.append(rel)
        self.sources = _article_ids(now, store, articles)

    def unchanged(self, rel: str, digest: Any) -> bool:
        return bool(self.seen.get(rel) == digest)

    def named_source(self, source_id: str) -> list[str]:
        return self.sources.get(source_id, [])


def _article_ids(now: snapshot.Snapshot, store: cache.Cache, rels: list[str]) -> dict[str, list[str]]:
    """The article files that load as each id, in the walk's order; kept under what every
    article file is, so that a run in which no article changed parses none."""
    seen = now.seen
    entry_key = cache.key("article-ids", str(VIEWS), *(f"{rel}\0{seen[rel]}" for rel in rels))
    stored = store.get(entry_key)
    known = set(rels)
    if (
        isinstance(stored, dict)
        and all(isinstance(found, list) for found in stored.values())
        and all(isinstance(rel, str) and rel in known for found in stored.values() for rel in found)
    ):
        return stored
    from comparator import corpus as corpus_mod

    ids: dict[str, list[str]] = {}
    for rel in rels:
        source_id = corpus_mod.source_id(store, now.read(rel))
        if source_id is not None:
            ids.setdefault(source_id, []).append(rel)
    store.put(entry_key, ids)
    return ids


# --- reading back --------------------------------------------------------------------------


def _holds(files: Files, stored: dict[str, Any]) -> bool:
    """Whether every file a kept entry was built from is as it was."""
    hashes, sources = stored["hashes"], stored["sources"]
    for rel in (OUTLETS, ACTORS):
        if not files.unchanged(rel, hashes.get(rel)):
            return False
    for source_id, rels in sources.items():
        if files.named_source(source_id) != rels:
            return False
        if not all(files.unchanged(rel, hashes.get(rel)) for rel in rels):
            return False
    return True


def read_back(files: Files, stored: Any, name: str, kind: type[T]) -> T | None:
    """The value kept as `name` in `stored`, read back as a `kind`, if every file it was built
    from is as it was; else, or when it is not what this version keeps, None."""
    if not isinstance(stored, dict):
        return None
    try:
        if not _holds(files, stored):
            return None
        hint: Any = kind
        restored = _decoder(hint)(stored[name])
    except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return None  # not what this version stores: build it again
    return restored if isinstance(restored, kind) else None


@functools.cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function that reads `data` (as `dataclasses.asdict` and JSON left it) back as a value
    of type `hint`, checking it field by field: a cache entry is data this tool wrote, but it
    is not trusted. Made once per type, as thousands of views are read back in a listing."""
    origin = get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(hint)]
        made = hint

        def instance(data: Any) -> Any:
            if not isinstance(data, dict):
                raise TypeError("not an object")
            return made(**{name: read(data[name]) for name, read in fields})

        return instance
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if origin in (Union, types.UnionType):
        inner = _decoder(next(a for a in get_args(hint) if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _decoder(args[0])

            def sequence(data: Any) -> tuple[Any, ...]:
                if not isinstance(data, list):
                    raise TypeError("not a list")
                return tuple(map(each, data))

            return sequence
        parts = [_decoder(a) for a in args]

        def fixed(data: Any) -> tuple[Any, ...]:
            if not isinstance(data, list) or len(data) != len(parts):
                raise TypeError("not a list of that length")
            return tuple(read(d) for read, d in zip(parts, data, strict=True))

        return fixed
    if origin is dict:

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise TypeError("not an object")
            return data

        return mapping
    if hint in (str, int, bool):
        kind = hint

        def scalar(data: Any) -> Any:
            if type(data) is not kind:
                raise TypeError(f"not a {kind.__name__}")
            return data

        return scalar
    raise TypeError(f"no reading of {hint}")  # pragma: no cover - every view field has one
