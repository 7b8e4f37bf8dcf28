"""One fuzz input: a small data root, as files, links and pipes, that can be written to disk
and kept as a regression fixture (JSON)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparator import yamlmarks

REPO = Path(__file__).resolve().parent.parent.parent
OUTSIDE = "{outside}"  # a link target placeholder: a folder beside the root, outside it


@dataclass
class Case:
    """File contents by path relative to the root. Paths and contents are text; bytes that are
    not UTF-8 are kept as surrogate escapes (`os.fsdecode`), so a JSON fixture holds them."""

    files: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # path -> target (OUTSIDE expands)
    fifos: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # empty folders, or folders named like files
    claim: str = "c"  # the id `show` is asked for
    note: str = ""

    def copy(self) -> Case:
        return Case(
            dict(self.files), dict(self.links), list(self.fifos), list(self.folders), self.claim, self.note
        )

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1, sort_keys=True, ensure_ascii=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Case:
        data: dict[str, Any] = json.loads(text)
        data.pop("xfail", None)
        # A long file is kept short: a list of [text, times] pieces, joined.
        data["files"] = {
            rel: content if isinstance(content, str) else "".join(piece * times for piece, times in content)
            for rel, content in data["files"].items()
        }
        return cls(**data)

    def materialise(self, root: Path, outside: Path, keep: tuple[str, ...] = ()) -> None:
        """Write the case under `root`, emptied first but for the names in `keep`; links to
        OUTSIDE lead to `outside`."""
        root.mkdir(parents=True, exist_ok=True)
        for child in os.listdir(os.fsencode(root)):
            if os.fsdecode(child) in keep:
                continue
            path = os.path.join(os.fsencode(root), child)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
        (root / "claims").mkdir()
        (root / "sources").mkdir()
        outside.mkdir(parents=True, exist_ok=True)
        (outside / "x").write_text("question: a secret outside the root\n")
        for rel in self.folders:
            _quietly(lambda rel=rel: os.makedirs(_path(root, rel), exist_ok=True))
        for rel, content in self.files.items():
            _quietly(lambda rel=rel, content=content: _write(_path(root, rel), os.fsencode(content)))
        for rel, target in self.links.items():
            target_path = target.replace(OUTSIDE, os.fsdecode(outside))
            _quietly(lambda rel=rel, t=target_path: _link(_path(root, rel), t))
        for rel in self.fifos:
            _quietly(lambda rel=rel: _fifo(_path(root, rel)))


def _path(root: Path, rel: str) -> bytes:
    return os.path.join(os.fsencode(root), os.fsencode(rel))


def _quietly(action: Any) -> None:
    """A mutation may ask for an impossible tree (a file where a folder is): that part is
    left out, as a file system would refuse it."""
    with contextlib.suppress(OSError, ValueError):
        action()


def _write(path: bytes, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def _link(path: bytes, target: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.symlink(os.fsencode(target), path)


def _fifo(path: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.mkfifo(path)


class Corpus:
    """The bundled data of this repository, read once, from which small roots are drawn."""

    def __init__(self, repo: Path = REPO) -> None:
        self.registries = {
            rel: (repo / rel).read_text(encoding="utf-8")
            for rel in ("sources/outlets.yaml", "sources/actors.yaml")
        }
        self.claims = {
            p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(repo.glob("claims/*/*.yaml"))
        }
        self.sources = {
            p.stem: (p.relative_to(repo).as_posix(), p.read_text(encoding="utf-8"))
            for p in sorted(repo.glob("sources/*/*.md"))
        }

    def draw(self, rng: random.Random) -> Case:
        """One to three bundled claims, the sources they cite and the registries."""
        case = Case(files=dict(self.registries))
        chosen = rng.sample(sorted(self.claims), rng.choice((1, 1, 1, 2, 3)))
        for rel in chosen:
            text = self.claims[rel]
            case.files[rel] = text
            data, _ = yamlmarks.load(text)
            for assertion in data.get("assertions", []):
                source = self.sources.get(assertion.get("source"))
                if source:
                    case.files[source[0]] = source[1]
        case.claim = chosen[0].rsplit("/", 1)[1].removesuffix(".yaml")
        return case
