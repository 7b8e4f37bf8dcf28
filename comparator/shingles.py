"""Shared verbatim passages between articles, found through word shingles.

A text becomes its words (NFC, plain quotes and dashes, case folded, punctuation dropped)
and each run of `SHINGLE` consecutive words a 64-bit hash. One inverted index from shingle
hash to the texts holding it is built once; a shingle held by more texts than `cap` is page
furniture or boilerplate (a footer, a standard background paragraph) and is dropped, which
also bounds the work per shingle. Pairs of texts that share enough shingles are candidates;
only those are compared in full, one pass over the two texts each. Hashes are computed from
CRC-32 of each word and Python's hash of a tuple of integers, both the same in every process,
so the results never depend on hash seeds.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, combinations, pairwise, product, repeat
from math import isqrt

from comparator.quotes import normalise

SHINGLE = 5  # words per shingle: long enough that a shared one is rarely chance
MIN_SHARED = 4  # shared shingles before two texts are compared in full (8 words in a row)
MIN_PASSAGE = 8  # words in the shortest passage reported
GAP = 2  # words an edit may change inside a passage without splitting it

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Words:
    """A text's words as compared (folded), with where each stands in the NFC text."""

    text: str  # the NFC text the offsets point into
    folded: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.folded)

    def passage(self, first: int, last: int) -> str:
        """The text of words first..last inclusive, as printed (white space made single)."""
        return normalise(self.text[self.spans[first][0] : self.spans[last][1]])


def words(text: str) -> Words:
    nfc = unicodedata.normalize("NFC", text)
    matches = list(_WORD.finditer(nfc))
    return Words(nfc, tuple(m.group().casefold() for m in matches), tuple(m.span() for m in matches))


def folded(text: str) -> list[str]:
    """`words(text).folded` without the offsets, for indexing: the same words in order."""
    return list(map(str.casefold, _WORD.findall(unicodedata.normalize("NFC", text))))


def shingles(folded: Sequence[str], cache: dict[str, int] | None = None) -> array[int]:
    """The hash of each run of SHINGLE words, by the position of its first word (8 bytes each)."""
    cache = {} if cache is None else cache
    for word in set(folded).difference(cache):
        cache[word] = zlib.crc32(word.encode("utf-8"))
    hashed = list(map(cache.__getitem__, folded))
    # The tuples of SHINGLE neighbours, made and hashed in C: a large repository's articles
    # hold millions of words, and a loop here would cost more than reading them.
    return array("q", map(hash, zip(*(hashed[i:] for i in range(SHINGLE)), strict=False)))


class Postings:
    """An inverted index: key (a shingle's hash, a figure's) -> the documents that hold it,
    documents numbered in the order added.

    A posting is an `int` while one document holds the key (most keys), a list once more do,
    and `BOILERPLATE` once more than `cap` do: such a key is page furniture or a standard
    paragraph, and dropping it bounds the work per key.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.postings: dict[int, int | list[int]] = {}
        self._count = 0

    def add(self, keys: Iterable[int]) -> int:
        """Index one document by its keys; returns its number."""
        doc = self._count
        self._count += 1
        postings = self.postings
        for key in set(keys):
            held = postings.get(key)
            if held is None:
                postings[key] = doc
            elif isinstance(held, int):
                if held != BOILERPLATE:
                    postings[key] = [held, doc]
            elif len(held) >= self.cap:
                postings[key] = BOILERPLATE
            else:
                held.append(doc)
        return doc

    def boilerplate(self) -> frozenset[int]:
        return frozenset(k for k, v in self.postings.items() if v == BOILERPLATE)

    def shared(self, comparable: Callable[[int, int], bool]) -> Counter[int]:
        """How many keys each pair of comparable documents shares, by the pair's code
        (`PairCodes` of the documents added).

        The work is at most cap² per key held by several documents, never the square of the
        number of documents.
        """
        counts: Counter[int] = Counter()
        codes = PairCodes(self._count)
        for held in self.postings.values():
            if isinstance(held, int):
                continue
            for i, first in enumerate(held):
                for second in held[i + 1 :]:
                    if comparable(first, second):
                        counts[codes.code(first, second)] += 1
        return counts


@dataclass(frozen=True)
class PairCodes:
    """One int for each pair of the documents 0 to `width` - 1, as a large repository's
    articles make millions of pairs that share a key or two, and an int costs two thirds of
    a tuple in a counter.

    A document's own number is k² · 2·width + k, and a pair's code the sum of its two: the
    pairs of a posting are then coded in C, by summing what `combinations` gives. The code
    holds i + j (below 2·width) and i² + j², which give i and j back, as
    (j - i)² = 2(i² + j²) - (i + j)².
    """

    width: int

    def own(self, doc: int) -> int:
        return doc * doc * 2 * max(1, self.width) + doc

    def code(self, first: int, second: int) -> int:
        return self.own(first) + self.own(second)

    def pair(self, code: int) -> tuple[int, int]:
        """The two documents, the lower first."""
        squares, total = divmod(code, 2 * max(1, self.width))
        gap = isqrt(2 * squares - total * total)
        return (total - gap) // 2, (total + gap) // 2


BOILERPLATE = -1


def shared_keys(
    docs: Sequence[Collection[int]],
    cap: int,
    apart: Sequence[Hashable],
    together: Sequence[Hashable],
    parts: int = 1,
    *,
    least: int = 1,
    exempt: Sequence[bool] = (),
) -> tuple[Counter[int], frozenset[int]]:
    """What `Postings(cap)` of `docs` (documents numbered by position) gives: how many keys
    each pair of comparable documents shares (by `PairCodes(len(docs))`, as
    `Postings.shared`), and the boilerplate keys. Two documents are comparable when their
    `apart` labels differ (one outlet's articles are one origin) and their `together` labels
    are the same (one language): labels rather than a function, as a large repository's
    articles make millions of pairs to ask about.

    A pair counts only from `least` shared keys, unless either of its documents is
    `exempt`: a caller that can rule a pair out by its count alone, for all but a few
    documents, is spared naming the documents of every pair.

    Most keys are held by one document only, so each round first counts the documents of
    every key (in C, through `Counter.update`) and posts only the keys held by several.
    The index is built in `parts` rounds, each holding only the keys of one range of
    values: what a key's posting is depends on that key alone, so the rounds add up to the
    whole index. A dictionary entry costs about 70 bytes, and the articles of a large
    repository hold millions of distinct shingles: one round at a time keeps that to a
    fraction. Each document's distinct keys are sorted once, so a round's share of them is
    a slice rather than a test of every key.
    """
    # `Postings` lets a key's list grow to `cap` documents, and always to two, before the key
    # is boilerplate.
    limit = max(cap, 2)
    ordered = [array("q", sorted(set(keys))) for keys in docs]
    # the edges of the rounds' ranges, from the least 64-bit key to past the greatest
    edges = [-(2**63) + (2**64 * part) // parts for part in range(parts + 1)]
    codes = PairCodes(len(docs))
    own = [codes.own(doc) for doc in range(len(docs))]
    pairing = _Pairing(own, apart, together, exempt if least > 1 else ())
    boilerplate: set[int] = set()
    for low, high in pairwise(edges):
        shares = [keys[bisect_left(keys, low) : bisect_left(keys, high)] for keys in ordered]
        held: Counter[int] = Counter()
        for keys in shares:
            held.update(keys)
        posted = {key for key, n in held.items() if n > 1}
        boilerplate.update(key for key in posted if held[key] > limit)
        posted.difference_update(boilerplate)
        del held
        round_postings: dict[int, list[int]] = {key: [] for key in posted}
        for doc, keys in enumerate(shares):
            for key in posted.intersection(keys):
                round_postings[key].append(own[doc])
        for posting in round_postings.values():
            pairing.add(posting)
    return pairing.counts(least), frozenset(boilerplate)


class _Pairing:
    """The pairs of every posting, counted in C a posting at a time, without naming the
    documents of each pair: a large repository's postings hold millions of pairs.

    The pairs of two documents of one `apart` label (one outlet) are counted with the rest
    and then taken off, as they are few. The pairs of a posting whose documents differ in
    their `together` label (languages, which share few runs of five words) are sorted one
    by one. Pairs with an exempt document are counted apart from the plain ones, as only
    these are held to `least`.
    """

    def __init__(
        self, own: list[int], apart: Sequence[Hashable], together: Sequence[Hashable], exempt: Sequence[bool]
    ) -> None:
        # the labels may run past the documents; the own numbers end where the documents do
        self.apart = dict(zip(own, apart, strict=False))
        self.together = dict(zip(own, together, strict=False))
        self.exempt = {number for number, flag in zip(own, exempt, strict=False) if flag}
        self.plain: list[list[int]] = []  # postings whose pairs are all plain
        self.kept: list[int] = []  # codes of pairs with an exempt document
        self.same: list[int] = []  # codes of pairs counted above but of one `apart` label

    def add(self, posting: list[int]) -> None:
        if len(set(map(self.together.__getitem__, posting))) > 1:
            for part in self._by(posting, self.together):
                self.add(part)
            return
        labels = list(map(self.apart.__getitem__, posting))
        if len(set(labels)) < len(posting):
            for group in self._by(posting, self.apart):
                self.same += map(sum, combinations(group, 2))
        if self.exempt.isdisjoint(posting):
            self.plain.append(posting)
            return
        held = [number for number in posting if number in self.exempt]
        rest = [number for number in posting if number not in self.exempt]
        self.kept += map(sum, chain(combinations(held, 2), product(held, rest)))
        self.plain.append(rest)

    @staticmethod
    def _by(posting: list[int], labels: dict[int, Hashable]) -> list[list[int]]:
        """The posting's documents by label, where several share one."""
        groups: dict[Hashable, list[int]] = {}
        for number in posting:
            groups.setdefault(labels[number], []).append(number)
        return [group for group in groups.values() if len(group) > 1]

    def counts(self, least: int) -> Counter[int]:
        plain = Counter(map(sum, chain.from_iterable(map(combinations, self.plain, repeat(2)))))
        kept = Counter(self.kept)
        for code, n in Counter(self.same).items():
            held = kept if code in kept else plain
            held[code] -= n
            if not held[code]:
                del held[code]
        kept.update(plain if least <= 1 else {code: n for code, n in plain.items() if n >= least})
        return kept


@dataclass(frozen=True)
class Passage:
    """A run of words shared by two texts: positions in each (inclusive) and its length."""

    a_first: int
    a_last: int
    b_first: int
    b_last: int

    @property
    def length(self) -> int:
        return self.b_last - self.b_first + 1


@dataclass(frozen=True)
class Overlap:
    passages: tuple[Passage, ...]  # longest first
    a_covered: int  # words of a inside a passage
    b_covered: int


def overlap(
    a: Sequence[int], b: Sequence[int], skip: frozenset[int] = frozenset(), min_words: int = MIN_PASSAGE
) -> Overlap:
    """The passages shared by two texts, given their shingle hashes (from `shingles`).

    One pass over each: the first place of each of a's shingles, then b's shingles looked up
    in it. Runs of matching shingles in b whose place in a moves on with them are one passage;
    up to GAP edited words do not split it. Reordered paragraphs are
    simply separate passages. Shingles in `skip` (boilerplate) never match.
    """
    where: dict[int, int] = {}
    for position, key in enumerate(a):
        if key not in skip:
            where.setdefault(key, position)
    runs: list[list[int]] = []  # [a_first, a_last, b_first, b_last] of shingle starts
    for position, key in enumerate(b):
        at = where.get(key)
        if at is None:
            continue
        if runs:
            run = runs[-1]
            b_gap, a_gap = position - run[3], at - run[1]
            # substituting g words leaves SHINGLE + g - 1 shingles unmatched on each side
            if 0 < b_gap <= SHINGLE + GAP and 0 < a_gap <= SHINGLE + GAP:
                run[1], run[3] = at, position
                continue
        runs.append([at, at, position, position])
    passages = [
        Passage(r[0], r[1] + SHINGLE - 1, r[2], r[3] + SHINGLE - 1)
        for r in runs
        if r[3] + SHINGLE - r[2] >= min_words
    ]
    passages.sort(key=lambda p: (-p.length, p.b_first))
    return Overlap(
        tuple(passages),
        _covered((p.a_first, p.a_last) for p in passages),
        _covered((p.b_first, p.b_last) for p in passages),
    )


def _covered(spans: Iterable[tuple[int, int]]) -> int:
    """Words inside the union of inclusive spans."""
    total, reach = 0, -1
    for first, last in sorted(spans):
        if last > reach:
            total += last - max(first, reach + 1) + 1
            reach = last
    return total
