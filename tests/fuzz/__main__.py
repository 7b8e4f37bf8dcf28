"""`python -m tests.fuzz --inputs 100000`: the long run. Prints figures every 1,000 inputs and
writes each failing input as a fixture (JSON) for tests/fuzz/fixtures/."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .cases import Corpus
from .run import draw, fuzz


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--inputs", type=int, default=1000, help="mutated roots to run (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random source (default 1)")
    parser.add_argument("--time-limit", type=float, default=20.0, help="seconds one command may take")
    parser.add_argument("--diff-every", type=int, default=5, help="run diff on every Nth input (default 5)")
    parser.add_argument("--save", type=Path, help="folder to write failing inputs to, as fixtures")
    parser.add_argument(
        "--keep",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="print input N of --seed as a fixture, and run nothing",
    )
    args = parser.parse_args()
    if args.keep:
        for n in args.keep:
            print(draw(args.seed, n, Corpus())[2].to_json(), end="")
        return 0

    def log(line: str) -> None:
        print(line, flush=True)

    with tempfile.TemporaryDirectory(prefix="comparator-fuzz-") as work:
        stats = fuzz(args.inputs, args.seed, Path(work), args.time_limit, args.diff_every, log)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        seen = set()
        for case, failure in stats.failures:
            if failure.signature in seen:
                continue
            seen.add(failure.signature)
            name = f"found-{len(seen):03d}.json"
            case.note += f" | {failure.signature}"
            (args.save / name).write_text(case.to_json(), encoding="utf-8")
    print(stats.summary(), flush=True)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
