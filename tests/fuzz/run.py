"""Running the commands in-process on one fuzz input, and what counts as a failure: an
uncaught exception, a run past the time limit, JSON that does not parse under `--format
json`, or a problem without a file and a line."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner

from comparator.cli import cli

from .cases import Case, Corpus
from .mutate import mutate

ENV = {"GITHUB_ACTIONS": "", "NO_COLOR": "1", "COMPARATOR_ROOT": "", "COLUMNS": "100"}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "fuzz",
    "GIT_AUTHOR_EMAIL": "fuzz@example.com",
    "GIT_COMMITTER_NAME": "fuzz",
    "GIT_COMMITTER_EMAIL": "fuzz@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


class Hang(BaseException):
    """Raised by the timer inside a command that runs past the limit; a BaseException, so no
    `except Exception` in the code under test can swallow it."""


@dataclass(frozen=True)
class Failure:
    kind: str  # exception | hang | invalid-json | unlocated-problem
    command: tuple[str, ...]
    where: str  # the innermost frame in comparator, for an exception
    detail: str

    @property
    def signature(self) -> str:
        name = next((a for a in self.command if not a.startswith("-") and a != "<path>"), "?")
        return f"{self.kind} {name} {self.where}".rstrip()


@dataclass
class Stats:
    inputs: int = 0
    runs: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[Case, Failure]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        runs = ", ".join(f"{name} {count:,}" for name, count in sorted(self.runs.items()))
        kinds = Counter(f.signature for _, f in self.failures)
        lines = [
            f"{self.inputs:,} inputs, {sum(self.runs.values()):,} runs ({runs}), "
            f"{len(self.failures):,} failures, {self.seconds:.0f} s"
        ]
        lines += [f"  {count:>6} x {signature}" for signature, count in kinds.most_common()]
        return "\n".join(lines)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException) -> str:
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if f"{os.sep}comparator{os.sep}" in f.filename
    ]
    if not frames:
        return "?"
    last = frames[-1]
    return f"comparator/{last.filename.rsplit(os.sep + 'comparator' + os.sep, 1)[1]}:{last.name}"


def invoke(
    args: list[str], limit: float, cwd: Path, program: click.BaseCommand = cli
) -> tuple[Any, Failure | None]:
    """Run one command of `program`; the result, and the failure if it failed."""
    runner = CliRunner()
    command = tuple(a if not a.startswith(os.sep) else "<path>" for a in args)
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with time_limit(limit):
            result = runner.invoke(program, args, env=ENV, catch_exceptions=True)
    except Hang as exc:
        return None, Failure("hang", command, _where(exc), str(exc))
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-3:])
        return result, Failure("exception", command, _where(exc), detail[-2000:])
    # A command that stops with an error says why on stderr and prints no data: that is no
    # JSON to parse. Anything it does print under --format json must parse.
    printed = result.stdout.strip() or result.exit_code == 0
    if "--format" in args and args[args.index("--format") + 1] == "json" and printed:
        try:
            data = json.loads(result.stdout)
        except ValueError as exc:
            return result, Failure("invalid-json", command, "", f"{exc}: {result.stdout[:300]!r}")
        if "check" in args:
            for problem in data.get("problems", []):
                located = (
                    isinstance(problem.get("file"), str)
                    and problem["file"] != ""
                    and isinstance(problem.get("line"), int)
                    and problem["line"] >= 1
                    and isinstance(problem.get("column"), int)
                    and problem["column"] >= 1
                )
                if not located:
                    return result, Failure("unlocated-problem", command, "", json.dumps(problem)[:500])
    return result, None


def _git(root: Path, *args: str) -> bool:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=False)
    return done.returncode == 0


def commands(case: Case, rng: random.Random, root: Path, work: Path) -> list[list[str]]:
    """What to run on one input: check always; the others in turn, with a format drawn."""
    base = ["--root", str(root)]
    chosen = [
        [*base, "check", "--format", "json"],
        [*base, "check", "--format", rng.choice(("text", "github"))],
        [*base, "list", "--format", rng.choice(("json", "text", "markdown"))],
        [*base, "show", case.claim, "--format", rng.choice(("json", "text", "markdown"))],
    ]
    if rng.random() < 0.3:
        chosen.append([*base, "list", "--search", rng.choice(("x", "people", "2020", "\u00e9"))])
    report = rng.choice((["report", "--out", str(work / "out")], ["report"], ["report", "--check"]))
    chosen.append([*base, *report])
    return chosen


def run_one(
    case: Case, rng: random.Random, work: Path, limit: float, diff: Case | None, stats: Stats
) -> list[Failure]:
    """Every command on `case`; with `diff`, also `diff` from a commit of `diff` to `case`."""
    root, outside = work / "root", work / "outside"
    shutil.rmtree(work / "out", ignore_errors=True)
    failures = []
    if diff is not None:
        diff.materialise(root, outside)
        committed = (
            _git(root, "init", "-q") and _git(root, "add", "-A") and _git(root, "commit", "-qm", "base")
        )
        if committed:
            case.materialise(root, outside, keep=(".git",))
            revisions = ["HEAD"]
            if rng.random() < 0.5 and _git(root, "add", "-A") and _git(root, "commit", "-qm", "head"):
                revisions = ["HEAD~1", "HEAD"]
            fmt = rng.choice(("json", "text", "github", "markdown"))
            _, failure = invoke(["--root", str(root), "diff", *revisions, "--format", fmt], limit, root)
            stats.runs["diff"] += 1
            if failure:
                failures.append(failure)
    if diff is None or not (root / ".git").exists():
        case.materialise(root, outside)
    for args in commands(case, rng, root, work):
        _, failure = invoke(args, limit, root)
        stats.runs[args[2]] += 1
        if failure:
            failures.append(failure)
    return failures


def run_all(case: Case, work: Path, limit: float, stop_at_first: bool = False) -> list[Failure]:
    """Every command in every format on one case, `diff` from a commit without its claims:
    how a kept regression input is replayed."""
    root, outside = work / "root", work / "outside"
    base = Case({rel: text for rel, text in case.files.items() if not rel.startswith("claims/")})
    base.materialise(root, outside)
    committed = _git(root, "init", "-q") and _git(root, "add", "-A") and _git(root, "commit", "-qm", "base")
    case.materialise(root, outside, keep=(".git",))
    at = ["--root", str(root)]
    runs = [[*at, "check", "--format", fmt] for fmt in ("json", "text", "github")]
    runs += [[*at, "list", "--format", fmt] for fmt in ("json", "text", "markdown")]
    runs += [[*at, "list", "--search", "x"]]
    runs += [[*at, "show", case.claim, "--format", fmt] for fmt in ("json", "text", "markdown")]
    runs += [[*at, "report", "--check"], [*at, "report", "--out", str(work / "out")], [*at, "report"]]
    if committed:
        runs += [[*at, "diff", "HEAD", "--format", fmt] for fmt in ("json", "text", "github", "markdown")]
    failures = []
    for args in runs:
        _, failure = invoke(args, limit, root)
        if failure:
            failures.append(failure)
            if stop_at_first:
                break
    return failures


def draw(seed: int, n: int, corpus: Corpus) -> tuple[random.Random, Case, Case]:
    """Input `n` of the run seeded `seed`, on its own: its random source, base and mutation."""
    rng = random.Random(f"{seed}:{n}")
    base = corpus.draw(rng)
    case = mutate(base, rng)
    case.note = f"seed {seed} input {n}: {case.note}"
    return rng, base, case


def fuzz(
    inputs: int,
    seed: int,
    work: Path,
    limit: float = 20.0,
    diff_every: int = 5,
    log: Any = None,
    corpus: Corpus | None = None,
) -> Stats:
    """`inputs` mutated roots drawn from the bundled corpus with a seeded random source."""
    corpus = corpus or Corpus()
    stats = Stats()
    started = time.monotonic()
    for n in range(inputs):
        rng, base, case = draw(seed, n, corpus)
        for failure in run_one(case, rng, work, limit, base if n % diff_every == 0 else None, stats):
            stats.failures.append((case, failure))
            if log:
                log(f"input {n}: {failure.signature}\n{failure.detail}")
        stats.inputs += 1
        if log and (n + 1) % 1000 == 0:
            stats.seconds = time.monotonic() - started
            log(stats.summary())
    stats.seconds = time.monotonic() - started
    return stats
