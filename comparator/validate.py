"""Checks that need more than one file: references, loops, and quotes against their articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from comparator import cache
from comparator.accept import accepting
from comparator.copies import copy_problems
from comparator.corpus import Corpus
from comparator.hints import qualifier_hint
from comparator.models import Actor, Assertion
from comparator.nearest import did_you_mean
from comparator.numbers import read_numbers
from comparator.parse import ClaimFile, PartialClaim
from comparator.passage import closest_passage
from comparator.problems import Problem, Severity, error, warning
from comparator.quotes import quote_in
from comparator.root import ACTORS, OUTLETS
from comparator.terms import Kind, Qualifier
from comparator.yamlmarks import Marks


@dataclass(frozen=True)
class Findings:
    """Every problem of a corpus: what is reported, and the warnings curators accepted."""

    problems: tuple[Problem, ...]  # sorted, each once
    accepted: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def findings(corpus: Corpus, copies: list[Problem] | None = None) -> Findings:
    """All problems of a corpus, file-level and cross-file, with accepted warnings set apart:
    the one place that gathers them, for check, review, reports and exports alike. `copies`,
    when given, is `copy_warnings` of the corpus, worked out before its claims were added."""
    reported, accepted = _cross_file(corpus, copies)
    return Findings(tuple(sorted(set(corpus.problems + reported))), tuple(sorted(set(accepted))))


def validate(corpus: Corpus) -> list[Problem]:
    """Every cross-file problem of the corpus (file-level ones are already in `corpus.problems`)."""
    return _cross_file(corpus)[0]


def _cross_file(corpus: Corpus, copies: list[Problem] | None = None) -> tuple[list[Problem], list[Problem]]:
    problems: list[Problem] = []
    accepted: list[Problem] = []
    problems += _actor_problems(corpus)
    problems += _source_problems(corpus)
    problems += copy_warnings(corpus) if copies is None else copies
    claims: list[ClaimFile | PartialClaim] = [*corpus.claims.values(), *corpus.partial_claims]
    for claim in claims:
        reported, judged = claim_findings(corpus, claim)
        problems += reported
        accepted += judged
    corpus.store.flush()
    return problems, accepted


def claim_findings(corpus: Corpus, claim: ClaimFile | PartialClaim) -> tuple[list[Problem], list[Problem]]:
    """(reported, accepted) of one claim's assertions against the corpus: every cross-file
    problem located in a claim file, for an incremental check that works out only those of
    the claims that changed. A claim that did not validate is checked by its sound
    assertions."""
    if isinstance(claim, ClaimFile):
        assertions = tuple(enumerate(claim.claim.assertions))
        found = _claim_problems(corpus, claim.rel, claim.claim.kind, assertions, claim.marks)
    else:
        found = _claim_problems(corpus, claim.rel, claim.kind, claim.assertions, claim.marks)
    return _one_line_per_broken_source(found[0]), found[1]


def _cached(
    corpus: Corpus, label: str, files: list[str], work: Callable[[], tuple[list[Problem], list[Problem]]]
) -> tuple[list[Problem], list[Problem]]:
    """`work()`, kept in the corpus's cache under the content of `files` (the paths of every
    file it depends on); not kept when one of them was not read from a file."""
    hashes = corpus.hashes
    if not corpus.store.active or any(f not in hashes for f in files):
        return work()
    entry_key = cache.key(label, *(f"{f}\0{hashes[f]}" for f in files))
    stored = corpus.store.get(entry_key)
    if isinstance(stored, list) and len(stored) == 2:
        try:
            return cache.load_problems(stored[0]), cache.load_problems(stored[1])
        except ValueError:
            pass  # not what this version stores: work it out again
    reported, judged = work()
    corpus.store.put(entry_key, [cache.dump_problems(reported), cache.dump_problems(judged)])
    return reported, judged


def copy_warnings(corpus: Corpus) -> list[Problem]:
    """Copies between articles depend on every article and on the outlets (whose credits
    they look for), and on nothing else: no claim need be loaded to find them."""
    files = [OUTLETS, *sorted(s.rel for s in corpus.sources.values())]
    return _cached(corpus, "copies", files, lambda: (copy_problems(corpus), []))[0]


def _claim_problems(
    corpus: Corpus, rel: str, kind: Kind, assertions: Iterable[tuple[int, Assertion]], marks: Marks
) -> tuple[list[Problem], list[Problem]]:
    """(reported, accepted) of one claim's assertions against their sources and the actors.
    A claim citing a source that is not loaded depends on every source id (the hint names the
    nearest ones), so it is worked out afresh."""

    def work() -> tuple[list[Problem], list[Problem]]:
        reported: list[Problem] = []
        judged: list[Problem] = []
        for index, assertion in assertions:
            found = assertion_problems(corpus, rel, kind, index, assertion, marks)
            more, accepted = accepting(rel, marks, index, assertion, found)
            reported += more
            judged += accepted
        return reported, judged

    assertions = tuple(assertions)
    cited = {a.source for _, a in assertions}
    if any(c not in corpus.sources for c in cited):
        return work()
    files = [rel, ACTORS, *sorted(corpus.sources[c].rel for c in cited)]
    return _cached(corpus, "assertions", files, work)


def _actor_problems(corpus: Corpus) -> list[Problem]:
    problems = []
    registry = corpus.actor_registry
    reported: set[str] = set()
    for entry in registry.entries:
        actor: Actor = entry.model  # the actor registry's entries are actors
        if actor.part_of is None or corpus.actors.get(actor.id) is not actor:
            continue
        line, col = registry.position(entry.index, "part_of")
        if actor.part_of not in corpus.actors:
            message = (
                f"part_of names unknown actor {actor.part_of!r}{did_you_mean(actor.part_of, corpus.actors)}"
            )
            problems.append(error(registry.rel, line, col, "unknown-actor", message))
            continue
        loop = _loop(actor.id, lambda a: getattr(corpus.actors.get(a), "part_of", None))
        if loop and actor.id not in reported:
            reported.update(loop)
            chain = " → ".join([*loop, loop[0]])
            problems.append(
                error(registry.rel, line, col, "part-of-cycle", f"actors are part of each other: {chain}")
            )
    return problems


def _source_problems(corpus: Corpus) -> list[Problem]:
    problems = []
    reported: set[str] = set()
    for source in corpus.sources.values():
        meta, rel = source.meta, source.rel
        folder = rel.split("/")[1]
        if meta.outlet not in corpus.outlets:
            line, col = source.marks.at(("outlet",))
            hint = did_you_mean(meta.outlet, corpus.outlets)
            problems.append(error(rel, line, col, "unknown-outlet", f"unknown outlet {meta.outlet!r}{hint}"))
        elif folder != meta.outlet:
            line, col = source.marks.at(("outlet",))
            problems.append(
                error(
                    rel,
                    line,
                    col,
                    "id-mismatch",
                    f"outlet {meta.outlet!r} differs from the folder {folder!r}",
                )
            )
        if meta.wire is not None and meta.wire not in corpus.outlets:
            line, col = source.marks.at(("wire",))
            hint = did_you_mean(meta.wire, corpus.outlets)
            problems.append(
                error(rel, line, col, "unknown-outlet", f"wire names unknown outlet {meta.wire!r}{hint}")
            )
        if meta.derived_from is not None:
            if meta.derived_from not in corpus.sources:
                hint = did_you_mean(meta.derived_from, corpus.sources)
                problems.append(
                    error(
                        rel,
                        *source.marks.at(("derived_from",)),
                        "unknown-source",
                        f"derived_from names unknown source {meta.derived_from!r}{hint}",
                    )
                )
                continue
            loop = _loop(
                meta.id, lambda s: getattr(getattr(corpus.sources.get(s), "meta", None), "derived_from", None)
            )
            if loop and meta.id not in reported:
                reported.update(loop)
                chain = " → ".join([*loop, loop[0]])
                line, col = source.marks.at(("derived_from",))
                problems.append(
                    error(rel, line, col, "derived-from-cycle", f"sources copy each other: {chain}")
                )
    return problems


def _loop(start: str, parent: Callable[[str], str | None]) -> list[str] | None:
    """The loop that following `parent` from `start` runs into, if `start` is on it."""
    path = [start]
    current = parent(start)
    while current is not None and current not in path:
        path.append(current)
        current = parent(current)
    if current == start:
        return path
    return None


def assertion_problems(
    corpus: Corpus, rel: str, kind: Kind, index: int, assertion: Assertion, marks: Marks
) -> list[Problem]:
    problems = []
    here = ("assertions", index)
    if assertion.claimant is not None and assertion.claimant not in corpus.actors:
        line, col = marks.at((*here, "claimant"))
        hint = did_you_mean(assertion.claimant, corpus.actors)
        problems.append(
            error(rel, line, col, "unknown-actor", f"unknown claimant {assertion.claimant!r}{hint}")
        )
    if kind is Kind.ACTOR and assertion.value not in corpus.actors:
        line, col = marks.at((*here, "value"))
        hint = did_you_mean(assertion.value, corpus.actors)
        problems.append(error(rel, line, col, "unknown-actor", f"unknown actor {assertion.value!r}{hint}"))
    source = corpus.sources.get(assertion.source)
    if source is None:
        problems.append(_missing_source(corpus, rel, marks.at((*here, "source")), assertion.source))
        return problems
    if not quote_in(assertion.quote, source.searched):
        line, col = marks.at((*here, "quote"))
        problems.append(_quote_not_found(rel, line, col, assertion.quote, source.rel, source.body))
        return problems
    language = source.meta.language
    if kind in (Kind.COUNT, Kind.QUANTITY):
        # Positions are asked for only once there is a problem: working them out re-reads
        # the file (see `yamlmarks.Marks`).
        problems += _number_problems(
            rel, assertion.value, assertion.quote, language, lambda: marks.at((*here, "value"))
        )
        if assertion.qualifier is Qualifier.EXACT:
            for word, suggested in qualifier_hint(assertion.quote, language, assertion.value):
                problems.append(
                    warning(
                        rel,
                        *marks.at((*here, "value")),
                        "qualifier-hint",
                        f"the quote says {word!r} but the qualifier is exact; "
                        f"should it be {suggested.value}?",
                    )
                )
    return problems


def _number_problems(
    rel: str, value: Any, quote: str, language: str, where: Callable[[], tuple[int, int]]
) -> list[Problem]:
    wanted = list(value) if isinstance(value, tuple) else [value]
    read = [f.value for f in read_numbers(quote, language)]
    missing = [v for v in wanted if not any(abs(v - r) < 1e-9 for r in read)]
    if not missing:
        return []
    line, col = where()
    shown = ", ".join(str(r) for r in read) or "no number"
    return [
        warning(
            rel,
            line,
            col,
            "value-not-in-quote",
            f"{', '.join(str(m) for m in missing)} is not written in the quote (read as {language}: {shown})",
        )
    ]


def _missing_source(corpus: Corpus, rel: str, where: tuple[int, int], source_id: str) -> Problem:
    """An assertion citing a source that is not loaded: a source file of that name that failed
    to load is pointed at (its own errors say why), instead of calling it unknown."""
    line, col = where
    broken = _unloaded_sources(corpus).get(source_id)
    if broken is not None:
        message = f"source {source_id!r} does not load; see the errors reported for {broken}"
        return error(rel, line, col, "unknown-source", message)
    hint = did_you_mean(source_id, corpus.sources)
    return error(rel, line, col, "unknown-source", f"unknown source {source_id!r}{hint}")


# One index per corpus, kept with the very list it was built from (so that a new corpus whose
# list happens to reuse an address is never given an old index).
_UNLOADED: list[tuple[list[str], int, dict[str, str]]] = []


def _unloaded_sources(corpus: Corpus) -> dict[str, str]:
    """Source files that were read but did not load, by the id their file name gives."""
    if _UNLOADED and _UNLOADED[0][0] is corpus.files and _UNLOADED[0][1] == len(corpus.files):
        return _UNLOADED[0][2]
    loaded = {s.rel for s in corpus.sources.values()}
    index = {
        rel.rsplit("/", 1)[-1][: -len(".md")]: rel
        for rel in corpus.files
        if rel.startswith("sources/") and rel.endswith(".md") and rel not in loaded
    }
    _UNLOADED[:] = [(corpus.files, len(corpus.files), index)]
    return index


def _one_line_per_broken_source(problems: list[Problem]) -> list[Problem]:
    """A claim citing a broken source many times says so once: the source's own errors are
    what to fix."""
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if p.code == "unknown-source" and "does not load" in p.message:
            if (p.file, p.message) in seen:
                continue
            seen.add((p.file, p.message))
        out.append(p)
    return out


def _quote_not_found(rel: str, line: int, col: int, quote: str, source_rel: str, body: str) -> Problem:
    """The quote as the curator wrote it, and the article's closest passage to compare with."""
    message = f"the quote does not occur in {source_rel}: {_short(quote)}"
    passage = closest_passage(quote, body)
    if passage is not None:
        message += f"; the closest passage is {_short(passage, 120)}"
    return error(rel, line, col, "quote-not-found", message)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
