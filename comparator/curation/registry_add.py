"""`outlet add` and `actor add`: one entry appended to a registry, the rest of it untouched.

The entry is checked the way `check` checks the registry (its fields, and for an actor the
actor it is part of) before anything is written, and the file is replaced whole, atomically.
An id or a name already in the registry is refused, naming the entry that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.curation.edits import Refused, replace_text, write_new
from comparator.curation.yamltext import (
    CannotEdit,
    Field,
    append,
    entry,
    find_list,
    first_changed_line,
    flow_list,
    scalar,
)
from comparator.nearest import nearest
from comparator.problems import Severity
from comparator.quotes import fold
from comparator.root import ACTORS, OUTLETS, FileText, read_text
from comparator.terms import SLUG_PATTERN
from comparator.validate import validate


@dataclass(frozen=True)
class Written:
    """Where the new entry went: the file (relative to the root) and the line of its `- id:`."""

    rel: str
    line: int


@dataclass(frozen=True)
class NewOutlet:
    id: str
    name: str
    country: str | None = None
    language: str | None = None
    kind: str | None = None
    url: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class NewActor:
    id: str
    name: str
    part_of: str | None = None
    aliases: Sequence[str] = ()
    notes: str | None = None


def add_outlet(root: Path, new: NewOutlet) -> Written:
    fields = [
        ("id", new.id),
        ("name", new.name),
        ("country", new.country),
        ("language", new.language),
        ("kind", new.kind),
        ("url", new.url),
        ("notes", new.notes),
    ]
    rendered = [(name, scalar(value)) for name, value in _given(fields)]
    return _add(root, OUTLETS, "outlet", new.id, [new.name], rendered)


def add_actor(root: Path, new: NewActor) -> Written:
    aliases = [a for a in (_one_line(a) for a in new.aliases) if a]
    fields = _given([("id", new.id), ("name", new.name), ("part_of", new.part_of)])
    rendered = [(name, scalar(value)) for name, value in fields]
    if aliases:
        rendered.append(("aliases", flow_list(aliases)))
    notes = _one_line(new.notes)
    if notes:
        rendered.append(("notes", scalar(notes)))
    return _add(root, ACTORS, "actor", new.id, [new.name, *aliases], rendered)


def _one_line(text: str | None) -> str | None:
    flat = " ".join((text or "").split())
    return flat or None


def _given(fields: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    return [(name, flat) for name, value in fields if (flat := _one_line(value)) is not None]


def _add(root: Path, rel: str, what: str, new_id: str, names: list[str], fields: list[Field]) -> Written:
    if not re.fullmatch(SLUG_PATTERN, new_id):
        raise Refused(f"{what} id {new_id!r} is not a lowercase slug (letters a-z, digits, single hyphens)")
    path = root / rel
    registries = {r: read_text(root, root / r) for r in (OUTLETS, ACTORS)}
    registries = {r: f for r, f in registries.items() if (root / r).exists() or (root / r).is_symlink()}
    current = registries.get(rel)
    if current is not None and not isinstance(current, FileText):
        raise Refused(f"{rel} cannot be read: {current.message}")
    before = current.text if current is not None else ""
    corpus = corpus_mod.from_files(root, registries)
    _refuse_duplicates(corpus, rel, what, new_id, names)
    try:
        place = find_list(before, ()) if before.strip() else None
    except CannotEdit as exc:
        raise Refused(f"cannot add to {rel}: {exc}") from None
    dash, key = (place.dash, place.key) if place is not None and place.empty_flow is None else (0, 2)
    after = append(before, place, entry(fields, dash, key))
    line = first_changed_line(before, after)
    trial = corpus_mod.from_files(root, {**registries, rel: FileText(rel, after)})
    problems = [p for p in trial.problems + validate(trial) if p.file == rel and p.severity is Severity.ERROR]
    new_lines = range(line, line + len(fields))
    wrong = [p for p in problems if p.line in new_lines or p.code == "yaml-syntax"]
    if wrong:
        raise Refused(f"the new {what} would not pass check:\n" + "\n".join(str(p) for p in wrong))
    try:
        if current is None:
            write_new(path, after)
        else:
            replace_text(path, before, after)
    except OSError as exc:
        raise Refused(f"cannot write {rel}: {exc.strerror or exc}") from None
    return Written(rel, line)


def _refuse_duplicates(corpus: corpus_mod.Corpus, rel: str, what: str, new_id: str, names: list[str]) -> None:
    registry = corpus.outlet_registry if rel == OUTLETS else corpus.actor_registry
    taken = {e.model.id: e for e in registry.entries}
    near = nearest(new_id, taken)
    if new_id in taken:
        line, _ = registry.position(taken[new_id].index)
        others = [n for n in near if n != new_id]
        also = f"; ids near it: {', '.join(repr(n) for n in others)}" if others else ""
        raise Refused(
            f"{what} id {new_id!r} is taken by {taken[new_id].model.name!r} ({rel}:{line}){also}; "
            "nothing was written"
        )
    wanted = {fold(n): n for n in names}
    for listed in registry.entries:
        model = listed.model
        for known in [model.name, *getattr(model, "aliases", [])]:
            if fold(known) in wanted:
                line, _ = registry.position(listed.index)
                raise Refused(
                    f"{wanted[fold(known)]!r} is already listed as {what} {model.id!r} ({rel}:{line}); "
                    "nothing was written"
                )
