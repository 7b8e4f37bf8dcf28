"""The quality gate: lint, formatting and strict typing, configured in pyproject.toml.

They run here so that the one test command of the README runs all of the gate; branch
coverage is held to its floor by pytest-cov through the same command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, "-m", "ruff", "check", "--no-cache", "."], id="ruff-check"),
        pytest.param(
            [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."], id="ruff-format"
        ),
        pytest.param([sys.executable, "-m", "mypy"], id="mypy-strict"),
    ],
)
def test_gate(command: list[str]) -> None:
    run = subprocess.run(command, cwd=TOP, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
