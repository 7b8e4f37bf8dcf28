"""The passage of an article closest to a quote that does not occur in it.

A curator who typed "intensely" where the article says "intensively" needs to see the
article's words, not their own again. The passage is found by letting the quote's words vote
for where it would start in the article: each word found in the article votes for the start
its place in the quote implies, and the start with most votes wins. Only the rarer words vote
(a word the article uses everywhere says nothing about where), so the work grows with the
article's length and the quote's, never their product.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from comparator.quotes import fold, normalise

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_VOTES_PER_WORD = 20  # a word found more often than this in the article does not vote


def closest_passage(quote: str, body: str) -> str | None:
    """The article's words (normalised: one space, plain quotes) at the place that best
    matches `quote`, as long as the quote; None when no word of the quote is in the article."""
    text = normalise(body)
    words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    wanted = [fold(w) for w in _WORD.findall(normalise(quote))]
    if not words or not wanted:
        return None
    where: defaultdict[str, list[int]] = defaultdict(list)
    needed = set(wanted)
    for index, (_, _, word) in enumerate(words):
        if word in needed:
            where[word].append(index)
    votes: Counter[int] = Counter()
    for offset, word in enumerate(wanted):
        places = where.get(word, [])
        if len(places) > MAX_VOTES_PER_WORD:
            continue
        for place in places:
            votes[place - offset] += 1
    if not votes:
        return None
    # Most votes first; among equals, the earliest place.
    start = min(votes, key=lambda s: (-votes[s], s))
    first = max(start, 0)
    last = min(start + len(wanted), len(words)) - 1
    if last < first:
        return None
    return text[words[first][0] : words[last][1]]
