"""Sources that likely share an origin, with the evidence; and the `undeclared-copy` check.

Syndicated copies counted as separate confirmation are false independence. Evidence of a
common origin, each kind scored on its own and combined as independent signs:

- shared verbatim passages (word shingles, see `shingles`), compared within one language
  only: how much of either text they cover;
- an agency both texts credit (or mention), or that one credits while the other is that
  agency's own copy (see `credits`);
- the same dateline;
- the same unusual figures in one sentence of each (figures are read as each language writes
  them, so this and the credits see translations that share no words).

Candidates come from two inverted indexes built once (shingles, and figure sets of sentences);
no pair of articles is compared in full unless it shares some of them. The earlier article is
`a`, the likely original.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache

from comparator.corpus import Corpus
from comparator.credits import Credit, CreditForm, Dateline, agency_name, agency_outlet, credits, dateline
from comparator.numbers import primary
from comparator.parse import SourceFile
from comparator.problems import Problem, warning
from comparator.sentence_figures import FigureKeys, figure_keys
from comparator.shingles import (
    MIN_PASSAGE,
    MIN_SHARED,
    SHINGLE,
    Overlap,
    PairCodes,
    Words,
    folded,
    overlap,
    shared_keys,
    shingles,
    words,
)
from comparator.terms import OutletKind

THRESHOLD = 0.5  # the score from which `check` warns of an undeclared copy
CAP = 50  # a key held by more articles than this is boilerplate (see `Postings`)
# A figure many articles hold is one everybody reports, or chance (a toll, a count in a
# common range): past this many, it says nothing about who copied whom. Text finds wide
# syndication anyway; figures matter across languages, where copies are few.
FIGURE_CAP = 8
UNDECLARED = "undeclared-copy"

# How strongly each kind of evidence alone says "one origin"; combined as independent signs.
_CREDIT = 0.6  # both carry the same agency's credit
_MENTION = 0.3  # both name the same agency, at least one only in running text
_DATELINE = 0.1
_FIGURES = 0.1  # per sentence with the same unusual figures, up to two


class EvidenceKind(str, Enum):
    PASSAGE = "passage"
    TEXT = "text"
    CREDIT = "credit"
    DATELINE = "dateline"
    FIGURES = "figures"
    ORDER = "order"
    LANGUAGE = "language"


@dataclass(frozen=True)
class Evidence:
    kind: EvidenceKind
    text: str


@dataclass(frozen=True)
class CopyPair:
    a: str  # the earlier source, the likely original
    b: str
    score: float
    evidence: tuple[Evidence, ...]
    declared: bool
    suggest: str | None  # front matter to add to b

    @property
    def passages(self) -> list[str]:
        return [e.text for e in self.evidence if e.kind is EvidenceKind.PASSAGE]

    @property
    def textual(self) -> bool:
        """Whether long verbatim passages are among the evidence."""
        return bool(self.passages)

    def as_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "evidence": [_evidence_line(e) for e in self.evidence],
            "declared": self.declared,
            "suggest": self.suggest,
        }


def _evidence_line(evidence: Evidence) -> str:
    if evidence.kind is EvidenceKind.PASSAGE:
        return f"shared passage: “{evidence.text}”"
    return evidence.text


class _Profile:
    """What the search knows of one article. Its words are hashed for every article; its
    credits, dateline and figures are read when a pair first asks for them, as `check` asks
    only of the pairs that share text."""

    def __init__(self, corpus: Corpus, source: SourceFile, cache: dict[str, int]) -> None:
        self.source = source
        self.language = primary(source.meta.language)
        text = folded(source.body)
        self.shingles: array[int] = shingles(text, cache)
        self.words = len(text)
        self._outlets = corpus.outlets

    @cached_property
    def credits(self) -> tuple[Credit, ...]:
        return tuple(credits(self.source.body, self._outlets))

    @cached_property
    def dateline(self) -> Dateline | None:
        return dateline(self.source.meta.dateline, self.source.body)

    @cached_property
    def figures(self) -> FigureKeys:
        return figure_keys(self.source.body, self.source.meta.language)


def find_copies(corpus: Corpus, min_score: float = 0.0, *, passages_only: bool = False) -> list[CopyPair]:
    """Every pair of sources from different outlets that likely share an origin, best first.

    Articles of one outlet are one origin already and are never paired. With
    `passages_only`, the pairs that share long verbatim passages come out as they would
    without it; others may be left out unweighed (what `check` needs, for a fraction of the
    work).
    """
    word_hashes: dict[str, int] = {}
    profiles = [_Profile(corpus, corpus.sources[i], word_hashes) for i in sorted(corpus.sources)]
    outlets = [p.source.meta.outlet for p in profiles]
    languages = [p.language for p in profiles]

    def near(code: int, shared: int) -> bool:
        # a few shared phrases under one dateline are worth a look; elsewhere they are chance
        if shared >= MIN_SHARED:
            return True
        first, second = (profiles[i].dateline for i in codes.pair(code))
        return shared >= 2 and first is not None and first.city == getattr(second, "city", None)

    # In as many rounds as there are hundreds of articles, up to eight: the index of a few
    # articles is small, and that of thousands is held an eighth at a time.
    parts = min(8, 1 + len(profiles) // 100)
    least, credited = 1, []
    if passages_only and min_score > 0:
        # A pair of two articles without credits reaches `min_score` only from some number
        # of shared shingles, found from the shortest of them: most pairs of a large
        # repository share a sentence or two, and are dropped by their count alone.
        credited = [bool(p.credits) for p in profiles]
        least = _least_shared(min((p.words for p in profiles if not p.credits), default=0), min_score)
    shared_text, boilerplate = shared_keys(
        [p.shingles for p in profiles], CAP, outlets, languages, parts, least=least, exempt=credited
    )
    width = len(profiles)
    codes = PairCodes(width)  # how the indexes name each pair of profiles
    candidates = {code for code, n in shared_text.items() if n >= 2 and near(code, n)}

    def shared_figures() -> Counter[int]:
        # One figure in common is often chance (a random "137"); two rarely are.
        return shared_keys([p.figures for p in profiles], FIGURE_CAP, outlets, [None] * width)[0]

    if not passages_only:
        candidates |= {code for code, n in shared_figures().items() if n >= 2}
    else:
        # A passage of MIN_PASSAGE words holds two shingles at least, so a pair that shares
        # fewer has none, and figures would add it for nothing. Of the others, figures add
        # only those that could reach `min_score`: seldom any, and only then is every
        # article's figures read.
        rest = [code for code, n in shared_text.items() if n >= 2 and code not in candidates]
        rest = _reachable(profiles, shared_text, rest, min_score)
        if rest:
            figures = shared_figures()
            candidates.update(code for code in rest if figures[code] >= 2)
    pairs = []
    for code in sorted(_reachable(profiles, shared_text, candidates, min_score)):
        i, j = codes.pair(code)
        pair = _judge(corpus, profiles[i], profiles[j], boilerplate, shared_text.get(code, 0), min_score)
        if pair is not None and pair.score >= min_score:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs


def copy_problems(corpus: Corpus) -> list[Problem]:
    """The `undeclared-copy` and `unused-accept` warnings `check` reports (see `copy_findings`)."""
    return copy_findings(corpus)[0]


def copy_findings(corpus: Corpus) -> tuple[list[Problem], list[Problem]]:
    """(reported, accepted): `undeclared-copy` on the later source of each pair that shares
    long verbatim passages, scores at least THRESHOLD and is linked by no `wire` or
    `derived_from` (once per source, naming the likeliest original), set apart as accepted
    when that source accepts it; and `unused-accept` on a source that accepts an undeclared
    copy it no longer has."""
    problems: list[Problem] = []
    accepted: list[Problem] = []
    originals: dict[str, list[CopyPair]] = {}  # later source -> its pairs, best first
    for pair in find_copies(corpus, THRESHOLD, passages_only=True):
        if not pair.declared and pair.textual:
            originals.setdefault(pair.b, []).append(pair)
    warned = set(originals)
    for later, pairs in sorted(originals.items()):
        source = corpus.sources[later]
        # Declaring the likeliest original explains the rest once each copy names its origin:
        # the best score, then the earliest, then an agency's or official copy.
        pairs.sort(
            key=lambda p: (-p.score, corpus.sources[p.a].meta.published.first, _rank(corpus, p.a), p.a)
        )
        best = pairs[0]
        others = f", and with {', '.join(p.a for p in pairs[1:])}" if pairs[1:] else ""
        line, column = source.marks.at(("id",))
        add = (best.suggest or "").replace("\n", ", ")
        (accepted if UNDECLARED in source.meta.accept else problems).append(
            warning(
                source.rel,
                line,
                column,
                UNDECLARED,
                f"shares long verbatim passages with {best.a} (score {best.score:.2f}){others}, yet "
                f"neither names the other or a common wire; add `{add}`, or accept {UNDECLARED} with why",
            )
        )
    for source in corpus.sources.values():
        if UNDECLARED in source.meta.accept and source.id not in warned:
            line, column = source.marks.at(("accept", UNDECLARED), key=True)
            problems.append(
                warning(
                    source.rel,
                    line,
                    column,
                    "unused-accept",
                    f"{UNDECLARED} no longer fires on this source; remove the accept entry",
                )
            )
    return problems, accepted


def _published(corpus: Corpus, source_id: str) -> dt.date:
    return corpus.sources[source_id].meta.published.first


def _rank(corpus: Corpus, source_id: str) -> int:
    outlet = corpus.outlets.get(corpus.sources[source_id].meta.outlet)
    return 0 if outlet and outlet.kind in (OutletKind.AGENCY, OutletKind.OFFICIAL) else 1


@lru_cache(maxsize=256)
def _words(body: str) -> Words:
    return words(body)


def _score(signs: list[float]) -> float:
    """How likely the pair shares an origin, from independent signs, as it is reported."""
    doubt = 1.0
    for sign in signs:
        doubt *= 1 - sign
    return round(1 - doubt, 2)


def _text_ceiling(shared: int, words: int) -> float:
    """The most the shared text could weigh: `shared` shingles cover at most SHINGLE words
    each, of the shorter article (of `words` words). Comparing two articles in full costs
    their length; this costs nothing, and spares the full comparison of pairs that share a
    phrase or two."""
    return min(1.0, 2 * shared * SHINGLE / max(1, words))


def _ceiling(credited: bool, same_city: bool, same_language: bool, shared: int, words: int) -> float:
    """The score a pair could reach with every sign at its strongest, from what the
    profiles hold already: figures at their most, the credit and the dateline when the
    articles have them, and the text at `_text_ceiling` (`words` the shorter article's),
    in the order `_score` takes them."""
    doubt = 1 - 2 * _FIGURES
    if credited:
        doubt *= 1 - _CREDIT
    if same_city:
        doubt *= 1 - _DATELINE
    if same_language:
        doubt *= 1 - _text_ceiling(shared, words)
    return round(1 - doubt, 2)


def _least_shared(words: int, min_score: float) -> int:
    """The fewest shared shingles from which two articles without credits, the shorter of
    `words` words or more, could reach `min_score`: every count below it falls short even
    with the same dateline and the same language."""
    most = words // (2 * SHINGLE) + 1  # from here the text alone covers the shorter article
    reaching = (n for n in range(1, most + 1) if _ceiling(False, True, True, n, words) >= min_score)
    return next(reaching, most + 1)


def _reachable(
    profiles: list[_Profile], shared: Counter[int], pairs: Iterable[int], min_score: float
) -> list[int]:
    """The `pairs` (by `PairCodes` of the profiles) that could score `min_score` (see
    `_ceiling`): weighing a pair in full is spared for the others."""
    if min_score <= 0:
        return list(pairs)
    codes = PairCodes(len(profiles))
    kept = []
    for code in pairs:
        first, second = (profiles[i] for i in codes.pair(code))
        one, other = first.dateline, second.dateline
        ceiling = _ceiling(
            bool(first.credits or second.credits),
            one is not None and other is not None and one.city == other.city,
            first.language == second.language,
            shared.get(code, 0),
            min(first.words, second.words),
        )
        if ceiling >= min_score:
            kept.append(code)
    return kept


def _judge(
    corpus: Corpus,
    first: _Profile,
    second: _Profile,
    boilerplate: frozenset[int],
    shared: int = 0,
    min_score: float = 0.0,
) -> CopyPair | None:
    a, b, order = _order(corpus, first, second)
    evidence: list[Evidence] = []
    signs: list[float] = []
    agency, credit = _agency_copy(corpus, a, b)
    if credit is None:
        agency, credit = _shared_credit(corpus, a, b)
    if credit is not None:
        signs.append(credit[0])
        evidence.append(Evidence(EvidenceKind.CREDIT, credit[1]))
    if a.dateline and b.dateline and a.dateline.city == b.dateline.city:
        signs.append(_DATELINE)
        evidence.append(Evidence(EvidenceKind.DATELINE, f"same dateline: {b.dateline.printed}"))
    figures = _figure_evidence(a, b)
    if figures:
        signs.append(min(2, len(figures)) * _FIGURES)
        evidence += figures
    if a.language == b.language:
        if _score([*signs, _text_ceiling(shared, min(a.words, b.words))]) >= min_score:
            text = _text_evidence(a, b, boilerplate)
            if text is not None:
                strength, found = text
                signs.insert(0, strength)
                evidence[:0] = found
    else:
        evidence.insert(
            0,
            Evidence(
                EvidenceKind.LANGUAGE,
                f"languages differ ({a.language}, {b.language}): text not compared; "
                "credits, dateline and figures only",
            ),
        )
    if not signs or _score(signs) < min_score:
        return None
    evidence.append(Evidence(EvidenceKind.ORDER, order))
    declared = _linked(corpus, a.source, b.source)
    return CopyPair(
        a.source.id,
        b.source.id,
        _score(signs),
        tuple(evidence),
        declared,
        None if declared else _suggest(corpus, a, b, agency),
    )


def _order(corpus: Corpus, one: _Profile, other: _Profile) -> tuple[_Profile, _Profile, str]:
    """The likely original first, and why: the earlier date; on one day, an agency's or an
    official copy before a newspaper's; else the order is not known and ids decide."""
    day_one, day_other = one.source.meta.published, other.source.meta.published
    if day_one.first != day_other.first:
        a, b = (one, other) if day_one.first < day_other.first else (other, one)
        return a, b, f"published {a.source.meta.published} and {b.source.meta.published}: a is earlier"
    for profile, rest in ((one, other), (other, one)):
        kind = _outlet_kind(corpus, profile)
        if kind in (OutletKind.AGENCY, OutletKind.OFFICIAL) and _outlet_kind(corpus, rest) != kind:
            return profile, rest, f"both published {day_one}: a is the {kind.value}'s own"
    return one, other, f"both published {day_one}: which came first is not known"


def _outlet_kind(corpus: Corpus, profile: _Profile) -> OutletKind | None:
    outlet = corpus.outlets.get(profile.source.meta.outlet)
    return outlet.kind if outlet else None


def _text_evidence(a: _Profile, b: _Profile, skip: frozenset[int]) -> tuple[float, list[Evidence]] | None:
    found: Overlap = overlap(a.shingles, b.shingles, skip, min_words=SHINGLE)
    if not found.passages:
        return None
    words_b = _words(b.source.body)  # the words again, with where they stand, to quote them
    long = [p for p in found.passages if p.length >= MIN_PASSAGE]
    short = [p for p in found.passages if p.length < MIN_PASSAGE]
    share_a = found.a_covered / max(1, a.words)
    share_b = found.b_covered / max(1, len(words_b))
    evidence = [
        Evidence(
            EvidenceKind.TEXT,
            f"{found.b_covered} words of b ({share_b:.0%}) and {found.a_covered} of a ({share_a:.0%}) "
            f"are shared verbatim (compared in {a.language})",
        )
    ]
    for passage in long[:3]:
        evidence.append(
            Evidence(EvidenceKind.PASSAGE, _clip(words_b.passage(passage.b_first, passage.b_last)))
        )
    if short and len(long) < 3:
        phrases = "; ".join(f"“{words_b.passage(p.b_first, p.b_last)}”" for p in short[: 3 - len(long)])
        evidence.append(Evidence(EvidenceKind.TEXT, f"short shared phrases: {phrases}"))
    return min(1.0, 2 * max(share_a, share_b)), evidence


def _shared_credit(corpus: Corpus, a: _Profile, b: _Profile) -> tuple[str | None, tuple[float, str] | None]:
    """The agency that explains the pair, if any, and the strength and wording of that evidence."""
    by_agency = {c.agency: c for c in a.credits}
    for credit in b.credits:
        held = by_agency.get(credit.agency)
        if held is None:
            continue
        name = agency_name(credit.agency, corpus.outlets)
        both = held.form is CreditForm.CREDIT and credit.form is CreditForm.CREDIT
        how = "credit" if both else "name"
        return credit.agency, (
            _CREDIT if both else _MENTION,
            f"both {how} {name}: a “{held.words}”, b “{credit.words}”",
        )
    return None, None


def _agency_copy(corpus: Corpus, a: _Profile, b: _Profile) -> tuple[str | None, tuple[float, str] | None]:
    """When a is an agency's own copy and b names that agency, in whatever form."""
    own = a.source.meta.outlet
    if _outlet_kind(corpus, a) is not OutletKind.AGENCY:
        return None, None
    for credit in b.credits:
        if agency_outlet(credit.agency, corpus.outlets) == own:
            return credit.agency, (
                _CREDIT,
                f"a is the agency's own copy ({corpus.outlet_name(own)}); b names it: “{credit.words}”",
            )
    return None, None


def _figure_evidence(a: _Profile, b: _Profile) -> list[Evidence]:
    shared: dict[str, set[float]] = {}
    for key in a.figures.keys() & b.figures.keys():
        sentence, figures = b.figures[key]
        shared.setdefault(sentence, set()).update(figures)
    return [
        Evidence(
            EvidenceKind.FIGURES,
            f"same figures in one sentence of each: {', '.join(_figure(f) for f in sorted(figures))} "
            f"(b: “{_clip(sentence, 120)}”)",
        )
        for sentence, figures in sorted(shared.items(), key=lambda s: (-len(s[1]), s[0]))
    ]


def _figure(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _clip(text: str, width: int = 240) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _origin(corpus: Corpus, source: SourceFile) -> str:
    """As SPEC's independence reads a source: its wire, else its original's origin, else its outlet."""
    seen = {source.id}
    while source.meta.wire is None and source.meta.derived_from is not None:
        parent = corpus.sources.get(source.meta.derived_from)
        if parent is None or parent.id in seen:
            break
        seen.add(parent.id)
        source = parent
    return source.meta.wire or source.meta.outlet


def _chain(corpus: Corpus, source: SourceFile) -> set[str]:
    """The source and every source it copies, following `derived_from`."""
    chain = {source.id}
    current = source.meta.derived_from
    while current is not None and current not in chain and current in corpus.sources:
        chain.add(current)
        current = corpus.sources[current].meta.derived_from
    return chain


def _linked(corpus: Corpus, a: SourceFile, b: SourceFile) -> bool:
    """Whether `wire`/`derived_from` already make the two one origin."""
    return a.id in _chain(corpus, b) or b.id in _chain(corpus, a) or _origin(corpus, a) == _origin(corpus, b)


def _suggest(corpus: Corpus, a: _Profile, b: _Profile, agency: str | None) -> str:
    """The front matter to add to b: the agency's wire when a shared credit explains the copy
    (an outlet id of the registry when it holds the agency), else the original it copies."""
    if agency is not None:
        outlet = agency_outlet(agency, corpus.outlets) or agency
        return f"wire: {outlet}\nwire_inferred: true"
    return f"derived_from: {a.source.id}"
