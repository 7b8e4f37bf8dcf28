"""Shell completion of ids: claims, sources, topics, outlets and actors.

Completion runs on every Tab, so it reads file and folder names only (and, for outlets and
actors, the `id:` lines of the registries) without parsing or validating anything. Any
trouble (no data root, an unreadable folder) completes nothing rather than failing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from comparator.root import RootNotFound, find_root

Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]


def _root(ctx: click.Context) -> Path | None:
    try:
        return find_root(ctx.find_root().params.get("root"))
    except (RootNotFound, OSError):
        return None


def _names(folder: Path, *, dirs: bool = False, suffixes: tuple[str, ...] = ()) -> list[str]:
    """Names directly in `folder`: sub-folders, or file stems with one of `suffixes`."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    out = []
    for item in entries:
        if item.name.startswith("."):
            continue
        if dirs and item.is_dir(follow_symlinks=False):
            out.append(item.name)
        elif not dirs and item.name.endswith(suffixes):
            out.append(item.name.rsplit(".", 1)[0])
    return out


def _registry_ids(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return re.findall(r"(?m)^\s*-\s+id:\s*[\"']?([a-z0-9-]+)", text)


def _items(names: Iterable[str], incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(n) for n in sorted(set(names)) if n.startswith(incomplete)]


def _completer(find: Callable[[Path], Iterable[str]]) -> Completer:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        root = _root(ctx)
        return _items(find(root), incomplete) if root is not None else []

    return complete


def _claims(root: Path) -> Iterable[str]:
    for topic in _names(root / "claims", dirs=True):
        yield from _names(root / "claims" / topic, suffixes=(".yaml", ".yml"))


def _sources(root: Path) -> Iterable[str]:
    for outlet in _names(root / "sources", dirs=True):
        yield from _names(root / "sources" / outlet, suffixes=(".md",))


claim_ids = _completer(_claims)
source_ids = _completer(_sources)
topics = _completer(lambda root: _names(root / "claims", dirs=True))
outlet_ids = _completer(lambda root: _registry_ids(root / "sources" / "outlets.yaml"))
actor_ids = _completer(lambda root: _registry_ids(root / "sources" / "actors.yaml"))
