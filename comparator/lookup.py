"""One claim's view for `show`, kept in the cache while no file it was built from changed.

A claim's view depends on its file, the two registries and the sources it cites (with those
they copy from), and on nothing else in the repository. The view is stored with the hash of
each of those files and with what each cited source id named on disk; a lookup reads and
hashes just those files and builds the view again (loading the models and comparing) only
when one of them changed, appeared or went. A warm lookup therefore costs the same on ten
claims as on twenty thousand, and imports neither pydantic nor the comparison.
"""

from __future__ import annotations

import dataclasses
import types
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from comparator import cache
from comparator.display import ClaimView
from comparator.root import ACTORS, OUTLETS, FileText, named, read_text, relative

if TYPE_CHECKING:
    from comparator.corpus import Corpus

# Raise when what a view holds, or how any of it is worded, changes: a view is kept text,
# and the tool's version alone does not change while it is being worked on.
VIEWS = 1


def view(root: Path, claim_id: str) -> ClaimView:
    """The view of `claim_id`: from the cache when every file it was built from is unchanged,
    else built (and kept). Raises as `query.find` does for an unknown or broken claim."""
    store = cache.for_root(root)
    claim_files = _claim_files(root, claim_id) if store.active else None
    entry_key = cache.key("view", str(VIEWS), claim_id, *_flat(claim_files)) if claim_files else None
    if entry_key is not None:
        found = _restore(root, store.get(entry_key))
        if found is not None:
            return found
    from comparator.display import claim_view
    from comparator.query import find

    corpus, analysis = find(root, claim_id)
    built = claim_view(corpus, analysis)
    if entry_key is not None:
        inputs = _inputs(corpus, claim_files or {})
        if inputs is not None:
            store.put(entry_key, {**inputs, "view": dataclasses.asdict(built)})
            store.flush()
    return built


def _claim_files(root: Path, claim_id: str) -> dict[str, str] | None:
    """The hash of each file of the claim as it is now, by path; None when one cannot be read
    (its problem is for `find` to report)."""
    found = {}
    for path in named(root / "claims", claim_id, ".yaml", ".yml"):
        file = read_text(root, path)
        if not isinstance(file, FileText):
            return None
        found[file.rel] = cache.key("file", file.rel, file.text)
    return found


def _flat(pairs: dict[str, str] | None) -> list[str]:
    return [part for rel, digest in (pairs or {}).items() for part in (rel, digest)]


def _inputs(corpus: Corpus, claim_files: dict[str, str]) -> dict[str, Any] | None:
    """What the view was built from: each registry's and source's hash, and the files each
    cited source id named. None when a file was not read (its problem must not be cached),
    or when what was read is not what the key says (a file changed while the view was built)."""
    if any(rel not in corpus.hashes for rel in corpus.files):
        return None
    read_claims = {rel: h for rel, h in corpus.hashes.items() if rel.startswith("claims/")}
    if read_claims != claim_files:
        return None
    if any(rel not in corpus.hashes for rels in corpus.lookups.values() for rel in rels):
        return None
    hashes = {rel: h for rel, h in corpus.hashes.items() if not rel.startswith("claims/")}
    return {"hashes": hashes, "sources": corpus.lookups}


def _restore(root: Path, stored: Any) -> ClaimView | None:
    """The stored view if every file it was built from is as it was, else None."""
    if not isinstance(stored, dict):
        return None
    try:
        hashes, sources = stored["hashes"], stored["sources"]
        for rel in (OUTLETS, ACTORS):
            if not _unchanged(root, rel, hashes.get(rel)):
                return None
        for sid, rels in sources.items():
            if _named_source(root, sid) != rels:
                return None
            if not all(_unchanged(root, rel, hashes.get(rel)) for rel in rels):
                return None
        restored = _decode(ClaimView, stored["view"])
    except (KeyError, ValueError, TypeError, AttributeError):
        return None  # not what this version stores: build it again
    assert isinstance(restored, ClaimView)
    return restored if _consistent(restored) else None


def _consistent(view: ClaimView) -> bool:
    """Whether the parts of a view read back refer to each other as a built view's do: every
    side label an assertion or dispute names is a side, every member an assertion."""
    labels = {side.label for side in view.sides}
    numbers = {a.number for a in view.assertions}
    return (
        len(labels) == len(view.sides)
        and all(set(a.sides) <= labels for a in view.assertions)
        and all(set(d.sides) <= labels for d in view.disputes)
        and all(set(side.members) <= numbers for side in view.sides)
    )


def _named_source(root: Path, source_id: str) -> list[str]:
    return [relative(root, p) for p in named(root / "sources", source_id, ".md")]


def _unchanged(root: Path, rel: str, digest: Any) -> bool:
    """Whether the file at `rel` still has the hash `digest` (None: still absent)."""
    path = root / rel
    if digest is None:
        return not (path.exists() or path.is_symlink())
    file = read_text(root, path)
    return isinstance(file, FileText) and cache.key("file", file.rel, file.text) == digest


def _decode(hint: Any, data: Any) -> Any:
    """`data` (as `dataclasses.asdict` and JSON left it) as a value of type `hint`, checked
    field by field: a cache entry is data this tool wrote, but it is not trusted."""
    origin = get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(data, dict):
            raise TypeError("not an object")
        hints = get_type_hints(hint)
        return hint(**{f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(hint)})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return None if data is None else _decode(options[0], data)
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(data, list):
            raise TypeError("not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], d) for d in data)
        if len(args) != len(data):
            raise ValueError("wrong length")
        return tuple(_decode(a, d) for a, d in zip(args, data, strict=True))
    if origin is dict:
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return data
    if hint in (str, int, bool) and type(data) is hint:
        return data
    raise TypeError(f"not a {hint}")
