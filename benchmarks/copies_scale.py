"""Benchmark: `copies` on thousands of synthetic articles, its time and peak memory.

Run by hand: `python benchmarks/copies_scale.py [ARTICLES ...]` (default 1000 2500 5000).
Each size is measured in a fresh process, so the peak resident memory printed is that run's:
the loaded corpus plus the shingle and figure indexes. `copies` is timed on the wall clock
and in CPU time (the machine may be shared). The articles are written from a
Zipf-distributed vocabulary (so common phrases recur as they do in news), 20 outlets each
with its own page footer and a standard background paragraph shared by many, and one wire
story in ten republished by one to four other outlets with edited words, a dropped
paragraph and the paragraphs reordered. It also counts how many of those copies are found,
as a check that the run did the work. The ratio of times between sizes shows the growth.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTLETS = [f"outlet-{i}" for i in range(20)]


def _vocabulary(rnd: random.Random, size: int = 6000) -> list[str]:
    syllables = ["ka", "ri", "to", "me", "sa", "lu", "pe", "na", "do", "gi", "ba", "ru", "te", "mo", "li"]
    words = {"".join(rnd.choice(syllables) for _ in range(rnd.randint(1, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def _sentence(rnd: random.Random, vocab: list[str], weights: list[float]) -> str:
    words = rnd.choices(vocab, weights, k=rnd.randint(10, 24))
    figure = f" {rnd.randint(11, 99_999):,}" if rnd.random() < 0.3 else ""
    return " ".join(words).capitalize() + figure + "."


def _paragraphs(rnd: random.Random, vocab: list[str], weights: list[float]) -> list[str]:
    return [
        " ".join(_sentence(rnd, vocab, weights) for _ in range(rnd.randint(2, 4)))
        for _ in range(rnd.randint(5, 8))
    ]


def _edited(rnd: random.Random, paragraphs: list[str], vocab: list[str]) -> list[str]:
    kept = [p for p in paragraphs if rnd.random() > 0.15] or paragraphs[:1]
    out = []
    for paragraph in kept:
        words = paragraph.split()
        for _ in range(max(1, len(words) // 40)):
            words[rnd.randrange(len(words))] = rnd.choice(vocab)
        out.append(" ".join(words))
    rnd.shuffle(out)
    return out


def build(root: Path, articles: int, seed: int = 11) -> list[tuple[str, str]]:
    """The data root, and the (original, copy) pairs planted in it."""
    rnd = random.Random(seed)
    vocab = _vocabulary(rnd)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    footers = {o: " ".join(rnd.choices(vocab, k=20)) for o in OUTLETS}
    background = _paragraphs(rnd, vocab, weights)[:2]
    (root / "claims").mkdir(parents=True)
    sources = root / "sources"
    sources.mkdir()
    (sources / "outlets.yaml").write_text("".join(f"- id: {o}\n  name: Outlet {o}\n" for o in OUTLETS))
    (sources / "actors.yaml").write_text("[]\n")
    planted: list[tuple[str, str]] = []
    written = 0

    def write(outlet: str, day: int, paragraphs: list[str]) -> str:
        nonlocal written
        source_id = f"a-{written}"
        written += 1
        folder = sources / outlet
        folder.mkdir(exist_ok=True)
        body = "\n\n".join([*paragraphs, footers[outlet]])
        (folder / f"{source_id}.md").write_text(
            f"---\nid: {source_id}\noutlet: {outlet}\ntitle: Article {source_id}\n"
            f"published: 2024-{1 + day // 28:02d}-{1 + day % 28:02d}\nlanguage: en\n---\n{body}\n"
        )
        return source_id

    while written < articles:
        day = rnd.randrange(300)
        outlet = rnd.choice(OUTLETS)
        paragraphs = _paragraphs(rnd, vocab, weights)
        if rnd.random() < 0.3:
            paragraphs += background  # the standard paragraph many articles end with
        original = write(outlet, day, paragraphs)
        if rnd.random() < 0.1:
            others = rnd.sample([o for o in OUTLETS if o != outlet], rnd.randint(1, 4))
            for other in others:
                if written < articles:
                    planted.append(
                        (original, write(other, day + rnd.randint(0, 2), _edited(rnd, paragraphs, vocab)))
                    )
    return planted


def measure(articles: int) -> None:
    from comparator import corpus as corpus_mod
    from comparator.copies import THRESHOLD, find_copies

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        planted = build(root, articles)
        start = time.perf_counter()
        corpus = corpus_mod.load(root)
        loaded, cpu = time.perf_counter(), time.process_time()
        loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        pairs = find_copies(corpus, THRESHOLD)
        done, cpu = time.perf_counter(), time.process_time() - cpu
    words = sum(len(s.body.split()) for s in corpus.sources.values())
    found = {(p.a, p.b) for p in pairs}
    hits = sum(pair in found for pair in planted)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"{articles:>8} {words:>10,} {loaded - start:>7.2f}s {done - loaded:>8.2f}s {cpu:>7.2f}s {loaded_mb:>7.0f} MB {peak_mb:>7.0f} MB "
        f"{hits:>5}/{len(planted):<5} {len(pairs) - hits:>6}"
    )


def main(sizes: list[int]) -> None:
    print(
        f"{'articles':>8} {'words':>10} {'load':>8} {'copies':>9} {'(cpu)':>8} {'RSS loaded':>10} {'peak':>10} "
        f"{'found':>11} {'others':>6}"
    )
    for size in sizes:
        # a fresh process per size, so each peak is its own
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        measure(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 2500, 5000])
