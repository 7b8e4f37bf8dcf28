"""How well `vet` finds what is wrong in a draft: precision and recall per status, measured on
draft sentences about the bundled corpus (tests/fixtures/vet/drafts.yaml), each written with
the findings expected of it. A finding counts as right only with its status and its claim."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from comparator import corpus as corpus_mod
from comparator.fit import VetStatus
from comparator.vet import vet

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "vet" / "drafts.yaml"
FLAGGED = [s for s in VetStatus if s.flagged]

Key = tuple[int, str]  # sentence, value as written
Found = dict[Key, tuple[str, str | None]]  # -> status, claim


def measure(fixture: Path = FIXTURE) -> tuple[dict[VetStatus, tuple[float, float, int, int, int]], int]:
    corpus = corpus_mod.load(REPO)
    cases = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    expected: Found = {}
    got: Found = {}
    for n, case in enumerate(cases):
        for e in case["findings"]:
            expected[(n, e["value"])] = (e["status"], e["claim"])
        for f in vet(corpus, case["text"]).findings:
            got[(n, f.value)] = (f.status.value, f.claim)
    right, said, due = Counter[str](), Counter[str](), Counter[str]()
    for key, (status, claim) in got.items():
        said[status] += 1
        if expected.get(key) == (status, claim):
            right[status] += 1
    for status, _ in expected.values():
        due[status] += 1
    table = {}
    for status in VetStatus:
        s = status.value
        precision = right[s] / said[s] if said[s] else 1.0
        recall = right[s] / due[s] if due[s] else 1.0
        table[status] = (precision, recall, right[s], said[s], due[s])
    return table, len(cases)


@pytest.fixture(scope="module")
def figures() -> dict[VetStatus, tuple[float, float, int, int, int]]:
    table, sentences = measure()
    assert sentences >= 30
    return table


@pytest.mark.parametrize("status", FLAGGED, ids=[s.value for s in FLAGGED])
def test_each_flagged_status_is_found_and_right(
    figures: dict[VetStatus, tuple[float, float, int, int, int]], status: VetStatus
) -> None:
    precision, recall, right, said, due = figures[status]
    assert due >= 2, f"the fixture has too few {status.value} findings to measure"
    assert recall >= 0.9, f"{status.value}: recall {right}/{due}"
    assert precision >= 0.85, f"{status.value}: precision {right}/{said}"


def test_flagged_statuses_together(figures: dict[VetStatus, tuple[float, float, int, int, int]]) -> None:
    right = sum(figures[s][2] for s in FLAGGED)
    said = sum(figures[s][3] for s in FLAGGED)
    due = sum(figures[s][4] for s in FLAGGED)
    assert right / due >= 0.9 and right / said >= 0.85


if __name__ == "__main__":  # pragma: no cover - prints the table for the README
    import sys

    table, sentences = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE)
    print(f"{sentences} sentences")
    for status, (precision, recall, right, said, due) in table.items():
        print(
            f"{status.value:18} precision {right}/{said} = {precision:.0%}  recall {right}/{due} = {recall:.0%}"
        )
