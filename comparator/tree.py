"""The files of a data root that a run reads: the two registries, every article under
`sources/` and every claim under `claims/`, in a stable order; and a problem for each path
that is not read (a linked folder, a name that is not UTF-8)."""

from __future__ import annotations

import os
from pathlib import Path

from comparator.problems import Problem, error
from comparator.root import ACTORS, OUTLETS, FileText, read_text, utf8


def is_claim(rel: str) -> bool:
    """Whether the file at `rel` (relative to the root) is read as a claim."""
    return rel.startswith("claims/") and rel.endswith((".yaml", ".yml"))


def in_topic(rel: str) -> bool:
    """Whether `rel` is a claim file in a topic folder (`claims/<topic>/<id>.yaml`): where a
    claim is named, and where `diff` looks for claims."""
    return is_claim(rel) and rel.count("/") == 2


def claim_id(rel: str) -> str:
    """A claim's id: its file's name without the extension, as `parse` takes it (the rule of
    `PurePosixPath.stem`, without a `Path` per file)."""
    name = rel.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def paths(root: Path) -> tuple[list[str], list[Problem], bool]:
    """(the files to read, by path relative to the root; a problem for each path not read;
    whether every file lies inside the root without a link on the way, which
    `read_text(..., inside=...)` is told). Names are handled as strings: a tree of tens of
    thousands of files must not cost a `Path` each before anything is read."""
    found = [
        *(r for r in (OUTLETS, ACTORS) if (root / r).exists() or (root / r).is_symlink()),
        *_walk(root, "sources", ".md"),
        *_walk(root, "claims", ".yaml", ".yml"),
    ]
    real = root.resolve()
    # The walk enters no linked folder, so only the two top folders may lead elsewhere.
    inside = all(_resolves_inside(root / top, real) for top in ("claims", "sources"))
    return [r for r in found if isinstance(r, str)], [p for p in found if isinstance(p, Problem)], inside


def read(root: Path) -> tuple[dict[str, FileText | Problem], list[Problem]]:
    """The text of every file a run reads, by path relative to the root, and a problem for
    each path the walk did not read."""
    rels, unread, inside = paths(root)
    return {rel: read_text(root, root / rel, inside=inside, rel=rel) for rel in rels}, unread


def _resolves_inside(path: Path, real_root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(real_root)
    except (OSError, RuntimeError):
        return False


def _walk(root: Path, top: str, *suffixes: str) -> list[str | Problem]:
    """Files under `root/top` (relative to the root) in a stable order, and a problem for
    each path not read: a linked folder (never entered: it may lead anywhere, and walking
    into it could loop) and a name that is not UTF-8 (no report or terminal could show it)."""
    found: list[str | Problem] = []
    base = os.fspath(root)
    for folder, dirs, files in os.walk(os.path.join(base, top), followlinks=False):
        here = os.path.relpath(folder, base).replace(os.sep, "/")
        entries = sorted(d for d in dirs if not d.startswith("."))
        dirs[:] = [d for d in entries if not os.path.islink(os.path.join(folder, d)) and utf8(d)]
        for name in entries:
            if not utf8(name):
                found.append(_unreadable_name(f"{here}/{name}"))
            elif os.path.islink(os.path.join(folder, name)):
                found.append(
                    error(
                        f"{here}/{name}",
                        1,
                        1,
                        "outside-root",
                        "a linked folder is not entered; its files were not read",
                    )
                )
        for name in sorted(f for f in files if f.endswith(suffixes) or not utf8(f)):
            found.append(f"{here}/{name}" if utf8(name) else _unreadable_name(f"{here}/{name}"))
    return found


def _unreadable_name(rel: str) -> Problem:
    shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return error(shown, 1, 1, "encoding", "the name is not UTF-8; rename it (it was not read)")
