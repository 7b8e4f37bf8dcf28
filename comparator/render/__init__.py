"""Output formats: one module each, behind the same small set of functions.

A format module offers a function per kind of result (`check`, `show`, `listing`, ...); a
command offers exactly the formats whose module has its function. Modules are imported only
when chosen, so a lookup never pays for the others.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = ("text", "json", "markdown", "github", "yaml")


def renderer(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"comparator.render.{fmt}")
