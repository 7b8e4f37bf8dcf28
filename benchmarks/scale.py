"""Benchmark: every command at scale, as a ratio to a floor measured in the same run.

Run by hand (it is not a test): `python benchmarks/scale.py [CLAIMS ...]` (default 2000
20000). For each size it builds a synthetic repository in a temporary folder (four
assertions per claim, one article for every four claims, a git history whose last commit
changes one claim file), then runs each command as a separate process and reports:

- CPU seconds (user + system) of that process, so the figures hold on a busy machine;
- the ratio to the *floor*: the CPU seconds of a process that only reads every file and
  parses its YAML with libyaml's C loader, which no `check` can beat;
- peak memory (maximum resident set) of that process, and its ratio to the data's bytes.

Each run uses an interpreter that sees the package as an installed copy (`installed`), so a
lookup is measured as users pay for it, without a development environment's start-up hooks.

`cold` runs start without a cache; `warm` runs follow an identical run that filled it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import venv
from dataclasses import dataclass
from pathlib import Path

OUTLETS = [f"outlet-{i}" for i in range(40)]
ACTORS = ["state-a", "state-b", "state-a-mod", "state-b-mod"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}

FLOOR = """
import sys
from pathlib import Path
import yaml
loader = yaml.CSafeLoader
root = Path(sys.argv[1])
for path in sorted(root.rglob("*")):
    if path.suffix in (".yaml", ".md") and path.is_file():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("\\n---\\n", 1)[0].removeprefix("---\\n")
        yaml.load(text, Loader=loader)
"""


def claim_text(c: int, rows: list[tuple[int, int, str, str | None]]) -> str:
    text = f"question: How many people were killed in incident {c}?\nkind: count\nunit: people\n"
    text += "tags: [casualties]\nassertions:\n"
    for s, n, sentence, claimant in rows:
        text += f'  - source: src-{s}\n    quote: "{sentence}"\n    value: {n}\n    qualifier: at_least\n'
        text += f"    claimant: {claimant}\n" if claimant else ""
    return text


def build(root: Path, claims: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    sources = max(10, claims // 4)
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "sources" / "outlets.yaml").write_text(
        "".join(f"- id: {o}\n  name: Outlet {o}\n" for o in OUTLETS)
    )
    (root / "sources" / "actors.yaml").write_text(
        "- id: state-a\n  name: A\n- id: state-b\n  name: B\n"
        "- id: state-a-mod\n  name: A MoD\n  part_of: state-a\n"
        "- id: state-b-mod\n  name: B MoD\n  part_of: state-b\n"
    )
    sentences: dict[int, list[str]] = {s: [] for s in range(sources)}
    plans = []
    for c in range(claims):
        rows = []
        for _ in range(4):
            s = rnd.randrange(sources)
            n = rnd.randrange(10, 5000)
            sentence = f"Officials said at least {n:,} people were killed in incident {c}."
            sentences[s].append(sentence)
            rows.append((s, n, sentence, rnd.choice([*ACTORS, None, None])))
        plans.append(rows)
    filler = " ".join(["The fighting went on through the night, witnesses said."] * 4)
    for s, lines in sentences.items():
        outlet = OUTLETS[s % len(OUTLETS)]
        folder = root / "sources" / outlet
        folder.mkdir(exist_ok=True)
        body = "\n\n".join(f"{line} {filler}" for line in lines) or "Nothing to report."
        head = f"id: src-{s}\noutlet: {outlet}\ntitle: Article {s}\npublished: 2021-01-{1 + s % 28:02d}\nlanguage: en"
        (folder / f"src-{s}.md").write_text(f"---\n{head}\n---\n{body}\n")
    for c, rows in enumerate(plans):
        folder = root / "claims" / f"topic-{c % 12}"
        folder.mkdir(exist_ok=True)
        (folder / f"claim-{c}.yaml").write_text(claim_text(c, rows))


def data_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)


@dataclass(frozen=True)
class Usage:
    cpu: float  # user + system seconds
    peak: int  # bytes


MEASURE = """
import resource, subprocess, sys, json
allowed = {int(code) for code in sys.argv[1].split(",")}
run = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if run.returncode not in allowed:
    sys.stderr.write(run.stderr.decode()[-2000:])
    sys.exit(2)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss * 1024}))
"""


def measure(args: list[str], env: dict[str, str], allowed: str = "0,1") -> Usage:
    """One run of `args` in a process of its own, measured by a parent that runs nothing else
    (so the peak memory is that command's, not the benchmark's). Exit codes outside `allowed`
    stop the benchmark: a run that failed early would pass for a fast one."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, allowed, *args], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stderr}")
    data = json.loads(out.stdout)
    return Usage(data["cpu"], data["peak"])


def best(args: list[str], env: dict[str, str], runs: int = 2, allowed: str = "0,1") -> Usage:
    found = [measure(args, env, allowed) for _ in range(runs)]
    return Usage(min(u.cpu for u in found), max(u.peak for u in found))


def environment(cache: Path) -> dict[str, str]:
    """The environment of every measured run: the cache asked for, and Python writing and
    reading its bytecode as it does for users (a shell that turns bytecode off would make
    every run pay for compiling the modules it imports)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "COMPARATOR_CACHE": str(cache), "NO_COLOR": "1", "COLUMNS": "100"}


def installed(folder: Path) -> str:
    """An interpreter that sees the package as `pip install .` leaves it for users: the
    package and its dependencies on the path, and none of the start-up hooks a development
    environment adds (an editable install's import hook, coverage's), which every run would
    otherwise pay for. Returns the interpreter's path."""
    env_folder = folder / "venv"
    venv.create(env_folder, with_pip=False, symlinks=True)
    python = env_folder / ("Scripts" if os.name == "nt" else "bin") / "python"
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = subprocess.run([python, "-c", where], capture_output=True, text=True, check=True).stdout.strip()
    package = importlib.util.find_spec("comparator")
    if package is None or package.origin is None:
        raise SystemExit("comparator is not importable here: install it first (see the README)")
    paths = [str(Path(package.origin).parent.parent), *(p for p in sys.path if p.endswith("site-packages"))]
    Path(purelib, "comparator.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    return str(python)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def report(size: int, folder: Path) -> None:
    root = folder / "data"
    build(root, size)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    size_bytes = data_bytes(root)
    cache = folder / "cache"
    env = environment(cache)
    python = installed(folder)
    cmd = [python, "-m", "comparator", "--root", str(root)]

    def cold(*args: str) -> Usage:
        shutil.rmtree(cache, ignore_errors=True)
        return measure([*cmd, *args], env)

    def warm(*args: str) -> Usage:
        measure([*cmd, *args], env)  # fills the cache
        return best([*cmd, *args], env)

    # Compile every module once, as an installed tool has: no measured run pays for it.
    package = importlib.util.find_spec("comparator")
    if package is not None and package.origin:
        package_folder = str(Path(package.origin).parent)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", package_folder],
            env=env,
            capture_output=True,
            check=False,
        )
    floor = best([python, "-c", FLOOR, str(root)], env, allowed="0")
    rows: list[tuple[str, Usage]] = [
        ("floor: read + parse YAML", floor),
        ("check, cold", cold("check")),
        ("check, warm", warm("check")),
    ]
    changed = root / "claims" / "topic-1" / "claim-1.yaml"
    changed.write_text(changed.read_text().replace("incident 1?", "incident one?"))
    rows.append(("check, one file changed", measure([*cmd, "check"], env)))
    git(root, "commit", "-q", "-am", "one claim changed")
    rows += [
        ("show claim-1, warm", warm("show", "claim-1")),
        ("list --format json, warm", warm("list", "--format", "json")),
        ("report, warm", warm("report", "--out", str(folder / "reports"))),
        (
            "export --format sqlite, warm",
            warm("export", "--format", "sqlite", "--force", str(folder / "x.db")),
        ),
        ("diff HEAD~1 HEAD, warm", warm("diff", "HEAD~1", "HEAD", "--format", "json")),
    ]
    print(f"\n{size:,} claims, {size_bytes / 1e6:.1f} MB of data (peak memory as a multiple of it)\n")
    print(f"| {'work':<30} | {'CPU s':>7} | {'× floor':>7} | {'peak MB':>8} | {'× data':>6} |")
    print(f"|{'-' * 32}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 8}|")
    for name, usage in rows:
        ratio = usage.cpu / floor.cpu if floor.cpu else float("nan")
        print(
            f"| {name:<30} | {usage.cpu:>7.2f} | {ratio:>7.2f} | {usage.peak / 1e6:>8.0f} "
            f"| {usage.peak / size_bytes:>6.1f} |"
        )


def small_show() -> None:
    """`show` on a ten-claim repository: what a lookup costs when nothing else is there."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        build(root, 10)
        env = environment(Path(tmp) / "cache")
        args = [installed(Path(tmp)), "-m", "comparator", "--root", str(root), "show", "claim-1"]
        measure(args, env)
        usage = best(args, env, runs=3)
        print(f"\nshow claim-1 on 10 claims, warm: {usage.cpu:.2f} CPU s, {usage.peak / 1e6:.0f} MB peak")


def main(sizes: list[int]) -> None:
    print(f"comparator scale benchmark (Python {sys.version.split()[0]})")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            report(size, Path(tmp))
    small_show()
    print(f"\nbenchmark process peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 20000])
