"""Fixture data roots built from small dictionaries of files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

OUTLETS = """\
- id: daily
  name: The Daily
  kind: newspaper
- id: herald
  name: Herald
  kind: online
- id: wire
  name: Wire Agency
  kind: agency
"""

ACTORS = """\
- id: north
  name: North
- id: north-mod
  name: North defence ministry
  part_of: north
- id: south
  name: South
"""


def source(id: str, outlet: str, published: str, body: str, language: str = "en", **extra: str) -> str:
    lines = [
        f"id: {id}",
        f"outlet: {outlet}",
        f"title: {id} title",
        f"published: {published}",
        f"language: {language}",
    ]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


BASE = {
    "sources/outlets.yaml": OUTLETS,
    "sources/actors.yaml": ACTORS,
    "sources/daily/daily-1.md": source(
        "daily-1",
        "daily",
        "2020-09-28",
        "Fighting began on 27 September 2020. At least 16 people were killed, officials said.\n"
        "The North defence ministry said South attacked first.\n",
    ),
    "sources/herald/herald-1.md": source(
        "herald-1",
        "herald",
        "2021-11-24",
        "The war killed more than 6,500 people. It started on “27 September 2020”.\n"
        "South said North attacked first.\n",
    ),
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8"
            )
    (root / "claims").mkdir(exist_ok=True)
    return root


@pytest.fixture
def make_root(tmp_path: Path) -> Callable[..., Path]:
    """A data root holding BASE plus the given files (None removes a BASE file)."""

    def make(files: dict[str, str | None] | None = None, base: bool = True) -> Path:
        merged: dict[str, str] = dict(BASE) if base else {}
        for rel, content in (files or {}).items():
            if content is None:
                merged.pop(rel, None)
            else:
                merged[rel] = content
        return write_tree(tmp_path / "data", merged)

    return make


def analysed_by(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[str]:
    """The ids of the claims whose analysis `owner.name(..., analysis)` is given from now on
    (it still runs): which claims a command builds rather than reads back."""
    calls: list[str] = []
    original = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args[-1].id)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.fixture
def bundled_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled corpus, with its cache in its own folder."""
    import shutil

    from comparator import cache

    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    top = Path(__file__).resolve().parent.parent
    data = tmp_path / "data"
    for folder in ("claims", "sources"):
        shutil.copytree(top / folder, data / folder)
    return data


@pytest.fixture(autouse=True, scope="session")
def _own_cache_tokens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tokens that make a cache in a data root this user's (`cache._claimed`) are kept
    in a folder of the test run's, not in the user's own cache folder."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def run() -> Callable[..., object]:
    """Invoke the CLI in-process; stdout and stderr kept apart."""
    from comparator.cli import cli

    def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        runner = CliRunner()
        return runner.invoke(
            cli,
            list(args),
            env={"GITHUB_ACTIONS": "", "NO_COLOR": "1", **(env or {})},
            catch_exceptions=False,
        )

    return invoke


@pytest.fixture
def fresh_process() -> Iterator[None]:
    """A test that counts what is read or kept starts as a new process would: no open
    cache, no parse kept in memory."""
    from comparator import cache, corpus

    cache.use(True)
    cache.close()
    corpus._parse_claim.cache_clear()
    corpus._parse_source.cache_clear()
    yield
    cache.close()


HEAVY = ("pydantic", "comparator.models", "comparator.compare")


def run_reporting_imports(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line run in a fresh process, which ends its stderr with a line
    `loaded: [...]` naming the modules of HEAVY it imported."""
    script = (
        "import sys\n"
        "from comparator.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('loaded:', [m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)\n"
    )
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True
    )
