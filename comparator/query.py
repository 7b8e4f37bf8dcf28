"""Choosing and ordering claims: the filters of `list` (and of reports on a subset)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from comparator.compare import Analysis
from comparator.corpus import Corpus
from comparator.models import Kind
from comparator.text import fold

_VERDICT_ORDER = {"contested": 0, "corroborated": 1, "single-origin": 2}


@dataclass(frozen=True)
class Filters:
    topic: tuple[str, ...] = ()
    verdict: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    text: str | None = None


def _haystack(analysis: Analysis) -> str:
    claim = analysis.claim.claim
    parts = [analysis.id, claim.question, claim.notes or "", *claim.tags]
    for a in claim.assertions:
        parts += [a.quote, a.translation or "", a.notes or ""]
    return fold(" \n ".join(parts))


def matches(corpus: Corpus, analysis: Analysis, f: Filters) -> bool:
    claim = analysis.claim.claim
    if f.topic and analysis.claim.topic not in f.topic:
        return False
    if f.verdict and analysis.verdict.value not in f.verdict:
        return False
    if f.tag and not set(f.tag) & set(claim.tags):
        return False
    if f.outlet and not {i.outlet for i in analysis.items} & set(f.outlet):
        return False
    if f.source and not {a.source for a in claim.assertions} & set(f.source):
        return False
    if f.actor:
        named: set[str] = set()
        for a in claim.assertions:
            if a.claimant:
                named.update(corpus.ancestors(a.claimant))
            if claim.kind is Kind.ACTOR:
                named.update(corpus.ancestors(a.value))
        if not named & set(f.actor):
            return False
    return not (f.text and fold(f.text) not in _haystack(analysis))


def select(corpus: Corpus, analyses: Iterable[Analysis], f: Filters) -> Iterator[Analysis]:
    return (a for a in analyses if matches(corpus, a, f))


def sort_key(by: str) -> Callable[[Analysis], Any]:
    keys: dict[str, Callable[[Analysis], Any]] = {
        "id": lambda a: a.id,
        "topic": lambda a: (a.claim.topic, a.id),
        "verdict": lambda a: (_VERDICT_ORDER[a.verdict.value], a.id),
        "assertions": lambda a: (-len(a.items), a.id),
        "origins": lambda a: (-len(a.origins), a.id),
    }
    return keys[by]
