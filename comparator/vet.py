"""Vetting a draft against the claim base: each figure, date and "who did what", with a status.

For every sentence of the draft that states something checkable (`drafts`), each figure is
matched to the claim it speaks about: the claims sharing the sentence's words
(`claimwords`, an index built once), of a kind the figure can be, whose subject stands next
to the figure (a count's unit, "soldiers", "helicopters"), best first, the claim that knows the
figure's value preferred. The figure is then judged against the claim's comparison (`fit`).
A date that matches no claim of its own but stands beside a figure that does is that
figure's date, not a finding. Each finding's message names the claim and side it matched,
why it has its status, and the words that matched.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from comparator.claimwords import ClaimWords, Match, Token, build, stem, tokens
from comparator.compare import Analysis, analyse
from comparator.corpus import Corpus
from comparator.display import ClaimView, claim_view
from comparator.drafts import ActorNames, DraftSentence, Family, Figure, read_draft
from comparator.fit import Fit, VetStatus, judge, kinds_for, same_figure, speaks_about
from comparator.terms import Kind, Qualifier, Status

_SPACES = re.compile(r"\s+")
_WORDS_AFTER = re.compile(r"\S+")

__all__ = ["VetFinding", "VetResult", "VetStatus", "vet"]

# How much word evidence a figure needs to be said to speak about a claim (sums of inverse
# document frequencies, see `claimwords`): a number beside its unit needs the unit and a
# little more; a date has no unit, so its sentence must say more of the claim's question.
THRESHOLD = {Kind.COUNT: 3.0, Kind.QUANTITY: 3.0, Kind.DATE: 4.0, Kind.ACTOR: 2.0}
# What the claim knowing the figure's value adds: between two claims a sentence speaks of
# alike, the one that has the figure is the one meant.
VALUE_BONUS = 0.5
DATE_BONUS = 2.0  # a day or a month is rarely shared by chance, as a small number is
# A single word shared is chance ("people"): a figure speaks about a claim by two words at
# least that few claims have (a quarter of them at most: in a corpus about two countries,
# their names are everywhere and tell nothing), or by one and an assertion stating the figure.
MIN_WORDS = 2
DISTINCT = math.log(4)
# The words around a number where its subject is written: "49 Armenian soldiers", "ranked 64th".
# A date's verb comes before it: "broke out on 27 September".
BEFORE, AFTER = 1, 4
DATE_BEFORE = 3
NEAR = 2.0  # how much more a word next to the figure counts
# The words a claim about who attacked or who violated has for it.
_FAMILY_WORDS = {
    Family.ATTACK: frozenset({"attack", "start", "blame", "provoke", "offensive", "strike", "shell"}),
    Family.VIOLATE: frozenset({"violate"}),
}


@dataclass(frozen=True)
class VetFinding:
    line: int  # of the figure in the draft, from 1
    column: int  # of the figure, from 1
    text: str  # the sentence, on one line
    mark: tuple[int, int]  # where the figure is in `text`
    value: str  # the figure as the draft writes it
    claim: str | None
    side: str | None  # the label of the side it fits, if one
    status: VetStatus
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "value": self.value,
            "claim": self.claim,
            "status": self.status.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class VetResult:
    name: str  # the draft's file name, or "draft" for stdin
    findings: tuple[VetFinding, ...]

    @property
    def failed(self) -> bool:
        return any(f.status.flagged for f in self.findings)

    def counts(self) -> dict[VetStatus, int]:
        out = {status: 0 for status in VetStatus}
        for finding in self.findings:
            out[finding.status] += 1
        return out


class _Base:
    """The claim base as `vet` reads it: the word index, actors' names, and each claim's
    comparison and view, worked out once and only for the claims a draft speaks of."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.words: ClaimWords = build(corpus)
        self.names = ActorNames.of(corpus.actors)
        self._analyses: dict[str, Analysis] = {}
        self._views: dict[str, ClaimView] = {}

    def analysis(self, claim_id: str) -> Analysis:
        if claim_id not in self._analyses:
            self._analyses[claim_id] = analyse(self.corpus, self.corpus.claims[claim_id])
        return self._analyses[claim_id]

    def view(self, claim_id: str) -> ClaimView:
        if claim_id not in self._views:
            self._views[claim_id] = claim_view(self.corpus, self.analysis(claim_id))
        return self._views[claim_id]


def vet(corpus: Corpus, text: str, language: str = "en", name: str = "draft") -> VetResult:
    """Every finding of the draft `text`, in the order of the draft."""
    base = _Base(corpus)
    text = unicodedata.normalize("NFC", text)
    findings: list[VetFinding] = []
    for sentence in read_draft(text, language, base.names):
        findings += _sentence_findings(base, sentence, text)
    return VetResult(name, tuple(findings))


def _sentence_findings(base: _Base, sentence: DraftSentence, text: str) -> list[VetFinding]:
    words = tokens(sentence.raw)
    nears = [_near(sentence.raw, words, f, sentence.figures) for f in sentence.figures]
    # How many numbers have each word next to them: a word next to another number is its.
    claimed = [0] * len(words)
    for figure, near in zip(sentence.figures, nears, strict=True):
        if figure.number is not None:
            for n in near:
                claimed[n] += 1
    chosen = [
        (figure, _choose(base, sentence, words, figure, near, claimed))
        for figure, near in zip(sentence.figures, nears, strict=True)
    ]
    settings = [
        {t.word for t in tokens(base.corpus.claims[match[0]].claim.question)}
        for figure, match in chosen
        if match is not None and figure.date is None
    ]
    out = []
    for figure, match in chosen:
        if figure.date is not None and settings and _setting(base, sentence, figure, match, settings):
            continue  # the date of a figure the sentence states: no claim of its own
        out.append(_finding(base, sentence, text, figure, match))
    return out


def _setting(
    base: _Base,
    sentence: DraftSentence,
    figure: Figure,
    match: tuple[str, Match] | None,
    settings: list[set[str]],
) -> bool:
    """Whether a date only places another figure of the sentence: it matches no claim of its
    own, or it is written in the question of the claim that figure matched ("before the 2020
    war") and fits no side of the date claim its words match."""
    if match is None:
        return True
    own = {t.word for t in tokens(figure.written)}
    if not any(own <= setting for setting in settings):
        return False
    return judge(base.corpus, base.analysis(match[0]), figure, False).status is VetStatus.CONTRADICTS


def _choose(
    base: _Base,
    sentence: DraftSentence,
    words: list[Token],
    figure: Figure,
    near: set[int],
    claimed: list[int],
) -> tuple[str, Match] | None:
    """The claim `figure` speaks about, with the words that say so, or None. `near` are the
    places of the words next to it, `claimed` how many numbers each word is next to."""
    weighed = [
        (t, NEAR if n in near else 1.0)
        for n, t in enumerate(words)
        # of the figure's own words, only a unit read with it counts ("20 percent")
        if not _inside(t, figure.start, figure.end) or (figure.number is not None and t.word == "percent")
        if not (t.word.isdigit() and claimed[n])  # the digits of a number are no word
        if n in near or not claimed[n]  # the words next to another number are its subject
    ]
    kinds = kinds_for(figure)
    candidates = {c: m for c, m in base.words.score(weighed).items() if base.words.kinds[c] in kinds}
    if figure.family is not None:
        family = _FAMILY_WORDS[figure.family]
        with_family = {c for w in family for c, _ in base.words.postings.get(w, ())}
        candidates = {c: m for c, m in candidates.items() if c in with_family}
    if figure.number is not None:
        subject = {words[n].word for n in near}
        candidates = {
            c: m for c, m in candidates.items() if not base.words.nouns[c] or subject & base.words.nouns[c]
        }
    best: tuple[float, str, Match] | None = None
    for claim_id, match in candidates.items():
        analysis = base.analysis(claim_id)
        telling = [w for w in _unique(match.words) if base.words.idf[stem(w)] >= DISTINCT]
        # An assertion stating the very figure is as telling as a word.
        states = any(
            same_figure(figure, item) for item in analysis.items if item.status is not Status.RETRACTED
        )
        if match.score < THRESHOLD[base.words.kinds[claim_id]] or len(telling) + states < MIN_WORDS:
            continue
        bonus = DATE_BONUS if figure.date is not None else VALUE_BONUS
        rank = match.score + (bonus if speaks_about(base.corpus, analysis, figure) else 0)
        if best is None or (rank, claim_id) > (best[0], best[1]):
            best = (rank, claim_id, match)
    return None if best is None else (best[1], best[2])


def _inside(token: Token, start: int, end: int) -> bool:
    return start <= token.start and token.end <= end


def _near(raw: str, words: Sequence[Token], figure: Figure, others: Sequence[Figure] = ()) -> set[int]:
    """The places of the words next to a figure, its own included ("20 percent"), counted
    in the words the draft writes: where a number's subject is ("49 Armenian soldiers",
    "2,802 of its soldiers", "ranked 64th"), and what a date or an actor is said of."""
    count = DATE_BEFORE if figure.date is not None else BEFORE
    before = [m.start() for m in _WORDS_AFTER.finditer(raw[: figure.start])][-count:]
    start = before[0] if before else figure.start
    end = _after(raw, figure.end, AFTER)
    if figure.number is not None:
        # A number's words stop at the next number's: "64th of 138 countries" counts countries.
        start = max([start, *(f.end for f in others if f.number is not None and f.end <= figure.start)])
        end = min([end, *(f.start for f in others if f.number is not None and f.start >= figure.end)])
    return {n for n, t in enumerate(words) if t.end > start and t.start < end}


def _after(raw: str, at: int, count: int) -> int:
    """Where the `count`-th word after `at` ends."""
    for match in _WORDS_AFTER.finditer(raw, at):
        count -= 1
        if count <= 0:
            return match.end()
    return len(raw)


# --------------------------------------------------------------------------------------------
# Findings and their messages


def _finding(
    base: _Base, sentence: DraftSentence, text: str, figure: Figure, match: tuple[str, Match] | None
) -> VetFinding:
    one_line, mark = _one_line(sentence.raw, figure.start, figure.end)
    at = sentence.offset + figure.start
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    written = " ".join(figure.written.split())
    if match is None:
        what = "who did what" if figure.actor else "figure" if figure.number is not None else "date"
        message = f"no claim speaks about this {what}"
        return VetFinding(line, column, one_line, mark, written, None, None, VetStatus.UNMATCHED, message)
    claim_id, words = match
    analysis = base.analysis(claim_id)
    fit = judge(base.corpus, analysis, figure, sentence.attribution is not None)
    view = base.view(claim_id)
    # A side is worth naming where there are several: a contested claim's.
    side = view.sides[fit.sides[0]].label if len(fit.sides) == 1 and len(view.sides) > 1 else None
    why = _why(base, view, fit, figure, sentence.attribution)
    knows = " and the figure" if speaks_about(base.corpus, analysis, figure) else ""
    matched = ", ".join(f"“{w}”" for w in _unique(words.words))
    where = f"{claim_id}, side {side}" if side else claim_id
    message = f"{where}: {why}. Matched on {matched}{knows}."
    return VetFinding(line, column, one_line, mark, written, claim_id, side, fit.status, message)


def _unique(words: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for word in words:
        if stem(word) not in seen:
            seen.add(stem(word))
            out.append(word)
    return out


def _one_line(raw: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The sentence on one line (white space runs made one space), and the figure's place in it."""
    a = len(_SPACES.sub(" ", raw[:start]))
    return _SPACES.sub(" ", raw), (a, a + len(_SPACES.sub(" ", raw[start:end])))


def _side_text(view: ClaimView, n: int) -> str:
    side = view.sides[n]
    return f"side {side.label} says {side.value} ({_names(side.origins)})"


def _names(names: Sequence[str]) -> str:
    shown = list(names)
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _draft_said(figure: Figure) -> str:
    written = " ".join(figure.written.split())
    if figure.qualifier_word:
        return f"“{figure.qualifier_word} {written}”"
    if figure.qualifier is not Qualifier.EXACT:
        return f"“{written}”"
    return f"“{written}” bare"


def _why(base: _Base, view: ClaimView, fit: Fit, figure: Figure, attribution: str | None) -> str:
    status = fit.status
    if status is VetStatus.SUPERSEDED:
        assert fit.item is not None
        old = view.assertions[fit.item.index]
        return (
            f"{old.value_with_unit} is the figure of #{old.number} ({old.outlet}, {old.published}), "
            f"{old.standing}; the sources now say {view.summary}"
        )
    if status is VetStatus.QUALIFIER_DROPPED:
        assert fit.item is not None
        item = view.assertions[fit.item.index]
        return (
            f"#{item.number} ({item.outlet}) says “{item.value_with_unit}”; "
            f"the draft states {_draft_said(figure)}"
        )
    if status is VetStatus.CONTRADICTS:
        if view.contested:
            return "fits no current side: " + "; ".join(_side_text(view, n) for n in range(len(view.sides)))
        return f"fits none of what the sources say: {view.summary} ({view.reason})"
    if status is VetStatus.CONTESTED:
        taken = "; ".join(_side_text(view, n) for n in fit.sides)
        others = "; ".join(_side_text(view, n) for n in range(len(view.sides)) if n not in fit.sides)
        return f"states one side as fact ({taken}), but {view.reason}: {others}; say who says it"
    if status is VetStatus.SINGLE_ORIGIN:
        origin = _names(view.origins)
        return f"fits {view.summary}, which rests on one origin ({origin}); say who says it"
    if view.contested:
        if len(fit.sides) == len(view.sides):
            return "fits every side of a contested claim"
        return f"{_side_text(view, fit.sides[0])}, attributed in the sentence (“{attribution}”)"
    said = f", attributed in the sentence (“{attribution}”)" if attribution and not view.origins[1:] else ""
    return f"fits {view.summary} ({view.reason}){said}"
