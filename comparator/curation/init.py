"""`init`: a new, valid, empty data repository, ready for an editor, CI and pre-commit.

Everything is written or nothing: if any file it would create exists already, nothing is
written and the refusal names what exists. The result passes `check --strict` as it stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from comparator import schema
from comparator.curation.edits import Refused, write_new

# Where the GitHub Action lives: the repository this tool is installed from.
ACTION = "OWNER/comparator@main"
CACHE = ".comparator-cache/"
EXPORTS = "exports/"

OUTLETS = """\
# Outlets: the publishers and wire agencies whose articles are under sources/<outlet-id>/.
# Add one with `comparator outlet add ID --name NAME --language en --kind online`, or write
# it here (schema/outlets.schema.json describes every field). For example:
#
# - id: civilnet
#   name: CivilNet
#   country: AM                # ISO 3166 code or name
#   language: en               # BCP 47: the language its articles are written in
#   kind: online               # newspaper | online | broadcaster | agency | official | other
#   url: https://www.civilnet.am
#   notes: Independent online outlet in Yerevan.
#
# - id: reuters
#   name: Reuters
#   kind: agency               # a wire: sources name it with `wire: reuters`
#
# `[]` is the empty list; the first entry added takes its place.
[]
"""

ACTORS = """\
# Actors: who asserts an attributed claim (an assertion's `claimant`), and the values of
# `actor` claims (who attacked, who breached the ceasefire). `part_of` decides independence:
# five outlets quoting the defence ministry are one origin, its top actor.
# Add one with `comparator actor add ID --name NAME [--part-of ID] [--alias NAME]`, or write
# it here (schema/actors.schema.json describes every field). For example:
#
# - id: armenia
#   name: Armenia
#   aliases: [Republic of Armenia, Yerevan]
#
# - id: armenia-mod
#   name: Armenian Ministry of Defence
#   part_of: armenia
#
# `[]` is the empty list; the first entry added takes its place.
[]
"""

WORKFLOW = f"""\
# Every pull request: check claims and sources (annotations on the lines at fault), and
# write to the job summary what the change does to agreements and contradictions.
name: claims

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  review:
    name: Review claims
    runs-on: ubuntu-latest
    steps:
      - name: Check out with history (the base revision is compared)
        uses: actions/checkout@v4
        with:
          fetch-depth: 0

      # The comparator repository's Action: name the repository you install comparator from.
      - name: Check and summarise
        uses: {ACTION}
        with:
          fail-on: error # error | new-contradiction | never
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): `pre-commit install` once, then every commit that
# touches claims/ or sources/ is checked. The hook runs the `comparator` on your PATH.
repos:
  - repo: local
    hooks:
      - id: comparator-check
        name: comparator check
        entry: comparator check --strict
        language: system
        pass_filenames: false
        files: ^(claims|sources)/
"""

GITIGNORE = f"""\
# comparator's parse cache, rebuilt whenever it is missing
{CACHE}
# `comparator export` output: derived data, regenerated from the claims
{EXPORTS}
"""

VSCODE_SETTINGS = (
    json.dumps(
        {
            "yaml.schemas": {
                f"./{schema.rel_path('claim')}": ["claims/*/*.yaml", "claims/*/*.yml"],
                f"./{schema.rel_path('outlets')}": "sources/outlets.yaml",
                f"./{schema.rel_path('actors')}": "sources/actors.yaml",
            }
        },
        indent=2,
    )
    + "\n"
)
VSCODE_EXTENSIONS = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"


@dataclass(frozen=True)
class Initialised:
    root: Path
    written: list[str]  # relative paths, in the order written


def files() -> dict[str, str]:
    """Every file `init` writes, by path relative to the new data root."""
    out = {
        "claims/.gitkeep": "",
        "sources/outlets.yaml": OUTLETS,
        "sources/actors.yaml": ACTORS,
    }
    out.update({schema.rel_path(name): schema.text(name) for name in schema.NAMES})
    out.update(
        {
            ".vscode/settings.json": VSCODE_SETTINGS,
            ".vscode/extensions.json": VSCODE_EXTENSIONS,
            ".github/workflows/claims.yml": WORKFLOW,
            ".pre-commit-config.yaml": PRE_COMMIT,
            ".gitignore": GITIGNORE,
        }
    )
    return out


def init(root: Path) -> Initialised:
    """Write a new data repository at `root` (created if missing); `Refused` if any of its
    files exists, naming them all, with nothing written."""
    wanted = files()
    if root.exists() and not root.is_dir():
        raise Refused(f"{root} exists and is not a folder")
    existing = [rel for rel in wanted if (root / rel).exists() or (root / rel).is_symlink()]
    if existing:
        raise Refused(f"{root} already holds {', '.join(existing)}; nothing was written")
    written: list[str] = []
    try:
        for rel, content in wanted.items():
            write_new(root / rel, content)
            written.append(rel)
    except FileExistsError as exc:
        _undo(root, written)
        raise Refused(f"{exc} appeared meanwhile; nothing was written") from None
    except OSError as exc:
        _undo(root, written)
        raise Refused(f"cannot write in {root}: {exc.strerror or exc}") from None
    return Initialised(root, written)


def _undo(root: Path, written: list[str]) -> None:
    for rel in reversed(written):
        (root / rel).unlink(missing_ok=True)
