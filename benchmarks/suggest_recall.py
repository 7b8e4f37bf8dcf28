"""How well `comparator suggest` finds what curators cite, measured on a data root.

    python3 benchmarks/suggest_recall.py [DATA_ROOT] [--verbose]

Recall is the share of curated assertions whose quote lies within suggested sentences;
precision is the share of suggested sentences that some assertion cites. With --verbose, the
assertions missed and the sentences suggested but not cited are listed too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.curation.suggest import measure
from comparator.root import RootNotFound, find_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", help="data root (default: the bundled corpus)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and uncited suggestions")
    args = parser.parse_args(argv)
    try:
        root = find_root(args.root or Path(__file__).resolve().parent.parent)
    except RootNotFound as exc:
        print(f"suggest_recall: {exc}", file=sys.stderr)
        return 1
    corpus = corpus_mod.load(root)
    if corpus.problems:
        print(f"note: {len(corpus.problems)} files do not load; run `comparator check`", file=sys.stderr)
    result = measure(corpus)
    print(f"sources:    {len(corpus.sources)}")
    print(f"claims:     {len(corpus.claims)}")
    print(f"recall:     {result.recall:.1%} ({result.recalled} of {result.assertions} assertions)")
    print(f"precision:  {result.precision:.1%} ({result.cited} of {result.suggested} suggested sentences)")
    if args.verbose:
        for citation, quote in result.missed:
            print(f"missed      {citation.claim} #{citation.assertion + 1}: {quote}")
        for source, line, text in result.uncited:
            print(f"uncited     {source}:{line}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
