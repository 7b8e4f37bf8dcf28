"""Benchmark: how load, check, compare and lookups scale with the number of claims.

Run by hand: `python benchmarks/corpus_scale.py [CLAIMS ...]`. It builds synthetic data
roots in a temporary folder (each claim with four assertions over a pool of sources whose
articles hold the quoted sentences), then times each stage over several runs and prints
the best time. The ratio between sizes shows whether work grows linearly.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

OUTLETS = [f"outlet-{i}" for i in range(20)]
ACTORS = ["state-a", "state-b", "state-a-mod", "state-b-mod"]


def build(root: Path, claims: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    sources = max(10, claims // 5)
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "outlets.yaml").write_text(
        "".join(f"- id: {o}\n  name: Outlet {o}\n" for o in OUTLETS)
    )
    (root / "sources" / "actors.yaml").write_text(
        "- id: state-a\n  name: A\n- id: state-b\n  name: B\n"
        "- id: state-a-mod\n  name: A MoD\n  part_of: state-a\n- id: state-b-mod\n  name: B MoD\n  part_of: state-b\n"
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
            rows.append((s, n, sentence))
        plans.append(rows)
    for s, lines in sentences.items():
        outlet = OUTLETS[s % len(OUTLETS)]
        folder = root / "sources" / outlet
        folder.mkdir(exist_ok=True)
        body = "\n".join(lines) or "Nothing to report."
        (folder / f"src-{s}.md").write_text(
            f"---\nid: src-{s}\noutlet: {outlet}\ntitle: Article {s}\npublished: 2021-01-{1 + s % 28:02d}\nlanguage: en\n---\n{body}\n"
        )
    for c, rows in enumerate(plans):
        folder = root / "claims" / f"topic-{c % 12}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"question: How many people were killed in incident {c}?\nkind: count\nunit: people\nassertions:\n"
        for s, n, sentence in rows:
            claimant = rnd.choice([*ACTORS, None, None])
            text += f'  - source: src-{s}\n    quote: "{sentence}"\n    value: {n}\n    qualifier: at_least\n'
            text += f"    claimant: {claimant}\n" if claimant else ""
        (folder / f"claim-{c}.yaml").write_text(text)


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print(
        f"{'claims':>7} {'load':>8} {'validate':>9} {'compare':>8} {'show (process)':>15} {'list (process)':>15}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "data"
            build(root, size)
            print(f"{size:>7} " + measure(root))


def measure(root: Path) -> str:
    from comparator import corpus as corpus_mod
    from comparator.compare import analyse
    from comparator.validate import validate

    def cold_load() -> object:
        # the in-process parse cache would turn later runs into lookups
        corpus_mod._parse_claim.cache_clear()
        corpus_mod._parse_source.cache_clear()
        return corpus_mod.load(root)

    load = best(cold_load)
    corpus = corpus_mod.load(root)
    assert not corpus.problems, corpus.problems[:3]
    check = best(lambda: validate(corpus))
    compare = best(lambda: [analyse(corpus, c) for c in corpus.claims.values()])
    cmd = [sys.executable, "-m", "comparator", "--root", str(root)]
    show = best(lambda: subprocess.run([*cmd, "show", "claim-1"], check=True, capture_output=True))
    listing = best(lambda: subprocess.run([*cmd, "list"], check=True, capture_output=True), runs=1)
    return f"{load:>7.2f}s {check:>8.2f}s {compare:>7.2f}s {show:>14.2f}s {listing:>14.2f}s"
