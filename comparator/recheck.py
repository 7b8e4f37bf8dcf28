"""Checking again only what a change touches.

The last check of a data root is kept with what every file it read was (the hash of its
text, or why it could not be read). A check that finds only claim files changed since then
works out the problems of those claims alone and keeps every other problem, so that editing
one claim in a repository of tens of thousands costs about as much as checking that claim.

Why this is sound, from what each check depends on (`parse`, `corpus`, `validate`):

- a problem located in a registry, an article, or in no claim file at all depends on no
  claim file: the registries, the articles' references and loops, and copies between
  articles are checked without claims;
- a problem located in a claim file depends on that file's path and text, the registries,
  the articles it cites (found by id), the ids of every article that loaded (for hints), the
  names of the files that did not load, and which other claim files share its id.

So when the tree holds the same files as last time, no registry and no article changed, no
changed claim shares its id (its file name) with another claim file, and every article a
changed claim cites loaded last time, each unchanged file keeps its problems and each
changed claim is checked against the articles it cites. Otherwise `recheck` gives None and
the whole tree is checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from comparator import cache, tree
from comparator.problems import Problem
from comparator.root import ACTORS, OUTLETS, FileText

_LABEL = "last-check"


@dataclass(frozen=True)
class Checked:
    """What a check of a whole tree found, and the ids of the articles that loaded."""

    problems: list[Problem]
    accepted: list[Problem]
    names: list[str]  # the files the check counts
    sources: dict[str, str]  # article id -> its file
    unloaded: list[str]  # the ids of the claim files in a topic folder that did not load

    def dump(self) -> list[Any]:
        return [
            cache.dump_problems(self.problems),
            cache.dump_problems(self.accepted),
            self.names,
            self.sources,
            self.unloaded,
        ]

    @classmethod
    def load(cls, stored: Any) -> Checked | None:
        """`dump`'s data read back, or None when it is not what this version stores."""
        if not (isinstance(stored, list) and len(stored) == 5):
            return None
        problems, accepted, names, sources, unloaded = stored
        if not (isinstance(unloaded, list) and all(isinstance(n, str) for n in unloaded)):
            return None
        if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            return None
        if not (isinstance(sources, dict) and all(isinstance(r, str) for r in sources.values())):
            return None
        try:
            return cls(cache.load_problems(problems), cache.load_problems(accepted), names, sources, unloaded)
        except ValueError:
            return None


def remember(
    store: cache.Cache, root: Path, seen: Mapping[str, str], unread: Sequence[Problem], checked: Checked
) -> None:
    """Keep `checked` as the last check of `root`, whose files were `seen` (what each file
    was, by path, in the tree's order) and whose walk did not read `unread`."""
    store.put(
        _key(root),
        {
            "seen": [[rel, what] for rel, what in seen.items()],
            "unread": [str(p) for p in unread],
            "checked": checked.dump(),
        },
    )


def recheck(
    store: cache.Cache,
    root: Path,
    seen: Mapping[str, str],
    unread: Sequence[Problem],
    read: Callable[[str], FileText | Problem],
) -> Checked | None:
    """The check of the tree whose files are `seen` now, worked out from the last check of
    `root` and the claims changed since; None when that is not sound (see the module)."""
    last = _last(store, root)
    if last is None:
        return None
    before, last_unread, checked = last
    if list(before) != list(seen) or last_unread != [str(p) for p in unread]:
        return None
    return derive(root, before, checked, seen, lambda rels: {rel: read(rel) for rel in rels})


def derive(
    root: Path,
    before: Mapping[str, str],
    checked: Checked,
    seen: Mapping[str, str],
    fetch: Callable[[Iterable[str]], Mapping[str, FileText | Problem]],
) -> Checked | None:
    """The check of the files `seen` (what each is, by path in the walk's order), worked out
    from `checked`, the check of the files `before`, when they differ only in claim files;
    None when that is not sound (see the module). Claim files may also have been added or
    removed, as long as none of them shares its id with another claim file on either side:
    no problem of another file depends on which claim ids exist."""
    changed = [rel for rel in seen if before.get(rel) != seen[rel]]
    changed += [rel for rel in before if rel not in seen]
    if not all(tree.is_claim(rel) for rel in changed):
        return None
    # Two trees may list the same files in different orders (a git revision lists claims
    # first, a walk of the work tree the registries first): which files, not their order.
    if set(checked.names) != set(before):
        return None  # the files counted are not the files read: cannot say which now are
    names = [rel for rel in checked.names if rel in seen] + [rel for rel in seen if rel not in before]
    ids_now = Counter(tree.claim_id(rel) for rel in seen if tree.is_claim(rel))
    ids_before = Counter(tree.claim_id(rel) for rel in before if tree.is_claim(rel))
    if any(ids_now[tree.claim_id(rel)] > 1 or ids_before[tree.claim_id(rel)] > 1 for rel in changed):
        return None

    # Only now the models, for the changed claims and what they cite.
    from comparator import corpus as corpus_mod
    from comparator.parse import ClaimFile, PartialClaim
    from comparator.validate import claim_findings

    present = [rel for rel in changed if rel in seen]
    corpus = corpus_mod.from_files(root, fetch([*(r for r in (OUTLETS, ACTORS) if r in seen), *present]))
    claims: list[ClaimFile | PartialClaim] = [*corpus.claims.values(), *corpus.partial_claims]
    cited = {a.source for c in corpus.claims.values() for a in c.claim.assertions}
    cited |= {a.source for c in corpus.partial_claims for _, a in c.assertions}
    if any(source_id not in checked.sources for source_id in cited):
        return None  # an unknown article's hint names the nearest of all ids: check in full
    if any(checked.sources[s] not in seen or not checked.sources[s].startswith("sources/") for s in cited):
        return None  # not a file of this tree: a damaged entry
    corpus_mod.add_files(corpus, fetch(sorted({checked.sources[s] for s in cited})))
    if any(corpus.sources.get(s) is None or corpus.sources[s].rel != checked.sources[s] for s in cited):
        return None

    touched = set(changed)
    problems = [p for p in checked.problems if p.file not in touched]
    problems += [p for p in corpus.problems if p.file in touched]
    accepted = [p for p in checked.accepted if p.file not in touched]
    for claim in claims:
        reported, judged = claim_findings(corpus, claim)
        problems += reported
        accepted += judged
    ids = {tree.claim_id(rel) for rel in changed}
    unloaded = {cid for cid in checked.unloaded if cid not in ids}
    unloaded |= set(not_loaded(present, corpus.claims))
    return Checked(sorted(set(problems)), sorted(set(accepted)), names, checked.sources, sorted(unloaded))


def not_loaded(files: Iterable[str], loaded: Container[str]) -> list[str]:
    """The ids of the claim files among `files` (those in a topic folder, as `diff` names
    claims) that did not load."""
    return [tree.claim_id(rel) for rel in files if tree.in_topic(rel) and tree.claim_id(rel) not in loaded]


def _key(root: Path) -> str:
    return cache.key(_LABEL, str(root.resolve()))


def _last(store: cache.Cache, root: Path) -> tuple[dict[str, str], list[str], Checked] | None:
    stored = store.get(_key(root))
    if not isinstance(stored, dict):
        return None
    seen, unread, checked = stored.get("seen"), stored.get("unread"), Checked.load(stored.get("checked"))
    if checked is None or not isinstance(seen, list) or not isinstance(unread, list):
        return None
    if not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair) for pair in seen
    ):
        return None
    return dict(seen), unread, checked
