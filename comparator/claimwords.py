"""The words each claim is spoken of by, as an inverted index: which claims a sentence is about.

A claim is spoken of by its question, its unit, its tags, its quotes and their translations,
and the names (and aliases) of the actors it quotes or names. Each word is stemmed lightly
("soldiers" and "soldier", "killed" and "died" are one word) and weighed by how rare it is
among claims (inverse document frequency) and by where the claim has it (a question word
counts more than a word of a quote). The index is built once; a sentence then costs one
look-up per word, never a pass over every claim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from comparator.corpus import Corpus
from comparator.terms import Kind

# Where a claim has a word, and how much that says the claim is about it.
QUESTION = 1.0
UNIT = 1.0
TRANSLATION = 0.6
TAG = 0.5
QUOTE = 0.3
ACTOR = 0.3
# A word that nearly every claim has says nothing about which one a sentence means; it is
# left out of the index, so that no look-up walks every claim. ("Armenia", in a corpus about
# Armenia, stays: it is what tells Armenia's rank from Azerbaijan's.)
COMMON = 0.9
MIN_CLAIMS_FOR_COMMON = 20
# A word that more than this share of claims' questions have is no claim's own subject.
SUBJECT_SHARE = 0.1

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "many",
        "much",
        "of",
        "on",
        "or",
        "our",
        "over",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "under",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "you",
        "also",
        "after",
        "before",
        "about",
        "against",
        "between",
        "during",
        "each",
        "other",
        "own",
        "same",
        "such",
        "only",
        "not",
        "no",
        "nor",
        "very",
        "just",
        "both",
        "more",
        "most",
        "less",
        "few",
        "any",
        "all",
        "out",
        "said",
        "say",
        "says",
        "told",
        "according",
        "per",
        "least",
        "nearly",
        "almost",
        "around",
        "roughly",
        "approximately",
    ]
)
# Words a desk uses for one thing: a death is a death whether "killed", "died" or "fell".
_SAME = {
    **dict.fromkeys(
        ("kill", "killed", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths", "fell"),
        "kill",
    ),
    **dict.fromkeys(
        ("retook", "retake", "retaken", "retakes", "recaptured", "recapture", "regained"), "retake"
    ),
    **dict.fromkeys(
        (
            "began",
            "begin",
            "begun",
            "begins",
            "start",
            "started",
            "starts",
            "erupted",
            "erupt",
            "broke",
            "break",
            "outbreak",
        ),
        "start",
    ),
    **dict.fromkeys(("downed", "down"), "down"),
    **dict.fromkeys(("fighting", "fight", "fought", "fights", "clash", "clashes", "clashed"), "fight"),
    **dict.fromkeys(("ceasefire", "ceasefires", "truce", "truces"), "ceasefire"),
    **dict.fromkeys(("ranked", "ranking", "rank", "ranks", "position"), "rank"),
    **dict.fromkeys(("percent", "%"), "percent"),
    **dict.fromkeys(("attack", "attacked", "attacks", "attacking", "assault", "assaulted"), "attack"),
    **dict.fromkeys(("blame", "blamed", "blames", "blaming"), "blame"),
    **dict.fromkeys(("accuse", "accused", "accuses", "accusing", "accusation"), "accuse"),
    **dict.fromkeys(("violate", "violated", "violates", "violating", "violation", "violations"), "violate"),
    **dict.fromkeys(("breach", "breached", "breaches", "breaching"), "violate"),
    **dict.fromkeys(("provocation", "provocations", "provoked", "provoke"), "provoke"),
}
_WORD = re.compile(r"[^\W_]+|%")


def stem(word: str) -> str:
    """A word's index form: lowercase, one spelling for synonyms, no plural or verb ending."""
    word = word.casefold()
    if word in _SAME:
        return _SAME[word]
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@dataclass(frozen=True)
class Token:
    word: str  # the index form
    written: str  # as the text writes it
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of `text` that can tell claims apart, with their places."""
    out = []
    for m in _WORD.finditer(text):
        written = m.group()
        if written.casefold() in _STOP or (len(written) < 2 and written != "%"):
            continue
        out.append(Token(stem(written), written, m.start(), m.end()))
    return out


@dataclass
class Match:
    """How well a sentence's words speak of one claim, and which words did."""

    score: float = 0.0
    words: list[str] = field(default_factory=list)  # as the sentence writes them


@dataclass(frozen=True)
class ClaimWords:
    postings: Mapping[str, tuple[tuple[str, float], ...]]  # word -> (claim id, weight)
    idf: Mapping[str, float]
    kinds: Mapping[str, Kind]
    nouns: Mapping[str, frozenset[str]]  # claim id -> its unit's and question's own words
    names: frozenset[str]  # words of actors' names: they tell no figure's subject apart

    def score(self, words: Iterable[tuple[Token, float]]) -> dict[str, Match]:
        """Every claim sharing a word with `words`, with its score; each word counts once, by
        the largest factor it is given (a word next to the figure counts more)."""
        factors: dict[str, tuple[float, Token]] = {}
        for token, factor in words:
            if token.word not in factors or factors[token.word][0] < factor:
                factors[token.word] = (factor, token)
        found: dict[str, Match] = {}
        for word, (factor, token) in factors.items():
            for claim_id, weight in self.postings.get(word, ()):
                match = found.setdefault(claim_id, Match())
                match.score += self.idf[word] * weight * factor
                match.words.append(token.written)
        return found


def build(corpus: Corpus) -> ClaimWords:
    """The index of every claim's words: one pass over the claims."""
    weights: dict[str, dict[str, float]] = {}
    nouns: dict[str, frozenset[str]] = {}
    kinds: dict[str, Kind] = {}
    names: set[str] = set()
    for actor in corpus.actors.values():
        for name in (actor.name, *actor.aliases):
            for token in tokens(name):
                # and the name's adjective, as `drafts` reads it: Armenia-n, Azerbaijan-i
                names.update(stem(token.written + end) for end in ("", "n", "an", "ian", "i", "ese"))
    for claim_id, claim_file in corpus.claims.items():
        claim = claim_file.claim
        kinds[claim_id] = claim.kind
        own: dict[str, float] = {}

        def add(text: str, weight: float, own: dict[str, float] = own) -> None:
            for token in tokens(text):
                own[token.word] = max(own.get(token.word, 0.0), weight)

        add(claim.question, QUESTION)
        add(claim.unit or "", UNIT)
        for tag in claim.tags:
            add(tag.replace("-", " "), TAG)
        actors = set()
        for assertion in claim.assertions:
            add(assertion.quote, QUOTE)
            add(assertion.translation or "", TRANSLATION)
            if assertion.claimant:
                actors.add(assertion.claimant)
            if claim.kind is Kind.ACTOR and isinstance(assertion.value, str):
                actors.add(assertion.value)
        for actor_id in actors:
            known = corpus.actors.get(actor_id)
            for name in (known.name, *known.aliases) if known else (actor_id,):
                add(name, ACTOR)
        weights[claim_id] = own
        subject = {t.word for t in tokens(f"{claim.unit or ''} {claim.question}")}
        nouns[claim_id] = frozenset(w for w in subject if not w.isdigit() and w not in names)
    total = len(weights)
    # A subject many claims share ("war", "fighting") does not tell which one a figure is of.
    shared: dict[str, int] = {}
    for words in nouns.values():
        for word in words:
            shared[word] = shared.get(word, 0) + 1
    limit = max(2, SUBJECT_SHARE * total)
    nouns = {c: frozenset(w for w in words if shared[w] <= limit) for c, words in nouns.items()}
    df: dict[str, int] = {}
    for own in weights.values():
        for word in own:
            df[word] = df.get(word, 0) + 1
    postings: dict[str, list[tuple[str, float]]] = {}
    for claim_id in sorted(weights):
        for word, weight in weights[claim_id].items():
            if total >= MIN_CLAIMS_FOR_COMMON and df[word] > COMMON * total:
                continue
            postings.setdefault(word, []).append((claim_id, weight))
    idf = {word: math.log((total + 1) / df[word]) for word in postings}
    return ClaimWords({w: tuple(p) for w, p in postings.items()}, idf, kinds, nouns, frozenset(names))
