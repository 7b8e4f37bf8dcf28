"""Assertion stubs: a suggested sentence made ready to paste into a claim's `assertions:`.

The quote of a stub is the sentence's core clause rather than the whole sentence, since a
curator quotes the part that states the value; the value and qualifier are guesses from what
`suggest` read in that clause, left for the curator to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparator.curation.suggest import Suggestion, Suggestions, Value
from comparator.hints import qualifier_hint
from comparator.terms import Qualifier

# Where a sentence divides into clauses: commas, semicolons and colons, spaced dashes, and the
# end of a quotation followed by its attribution ("...,” kata Kremlin").
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—]{1,2}(?=\s)|[,.!?][\"”’](?=\s)")
_TRIM_START = "\"“‘'„« \t\n\u00a0"
_TRIM_END = "\"”’'».,;:!? \t\n\u00a0"
MIN_CLAUSE_WORDS = 3  # "Pada 2020," is no quote by itself: it joins the clause that follows


@dataclass(frozen=True)
class Stub:
    """An assertion as the curator would start it: the quote is the sentence's core clause."""

    source: str
    quote: str
    value: Value | None
    qualifier: Qualifier | None
    suggestion: Suggestion


def clauses(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of body[start:end], trimmed of quotation marks and closing punctuation.

    A break inside parentheses is no break. Short pieces are not clauses: an opening "Pada
    2020," joins what follows, a list ("Rusia, Azerbaijan, dan Armenia") stays in one piece;
    only the attribution after a quotation ("...,” kata Kremlin") stands apart however short.
    """
    pieces: list[tuple[int, int, bool]] = []  # start, end, whether a quotation closed before it
    at, after_quote = start, False
    depth, counted = 0, start  # parentheses open before `counted`
    for match in _CLAUSE_BREAK.finditer(body, start, end):
        between = body[counted : match.start()]
        depth, counted = depth + between.count("(") - between.count(")"), match.start()
        if depth > 0:
            continue
        pieces.append((at, match.start() + (1 if match.group()[0] in ",.!?;:" else 0), after_quote))
        at, after_quote = match.end(), match.group()[-1] in '"”’'
    pieces.append((at, end, after_quote))
    spans: list[tuple[int, int, bool]] = []
    for a, b, quoted in pieces:
        while a < b and body[a] in _TRIM_START:
            a += 1
        while b > a and body[b - 1] in _TRIM_END:
            b -= 1
        if re.search(r"\w", body[a:b]):
            spans.append((a, b, quoted))
    return _join_short(body, spans)


_CONJUNCTIONS = {"dan", "atau", "serta", "and", "or", "nor"}


def _join_short(body: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a short opening piece waiting for what follows
    listing = False  # the last clause ends in a list: "Rusia, Azerbaijan, dan Armenia ..."
    for a, b, quoted in spans:
        words = re.findall(r"[^\W\d_]+", body[a:b]) or [""]
        short = len(words) < MIN_CLAUSE_WORDS  # words of letters: "(23/11/2021)" adds none
        if carry is not None:
            a, carry, listing = carry, None, True
        elif out and not quoted and (short or (listing and words[0].lower() in _CONJUNCTIONS)):
            out[-1] = (out[-1][0], b)
            listing = True
            continue
        elif short and not out and not quoted:
            carry = a
            continue
        else:
            listing = False
        out.append((a, b))
    if carry is not None:
        out.append((carry, spans[-1][1]))
    return out


def about(body: str, item: Suggestion, spans: list[tuple[int, int]]) -> Value | None:
    """The figure the sentence is about: a number rather than the date it was said on ("said
    on Tuesday that 105 soldiers were killed" is about 105); among several, the first one in a
    clause with an event word ("50 servicemen were killed, 42 soldiers and eight border guards"
    is about 50), else the one nearest such a word. Else the first date, absolute first."""
    numbers = [v for v in item.values if v.type == "number"]
    # "71 troops killed over two days": a stretch of time is not what the sentence counts.
    numbers = [v for v in numbers if not _SPAN_OF_TIME.match(body, v.end)] or numbers
    if numbers:
        events = [c for c in item.cues if c.kind == "event"]
        if not events:
            return numbers[0]

        def clause(at: int) -> int:
            return next((i for i, (a, b) in enumerate(spans) if a <= at < b), -1)

        with_event = {clause(c.start) for c in events}
        beside = [v for v in numbers if clause(v.start) in with_event]
        if beside:
            return beside[0]
        return min(numbers, key=lambda v: min(_distance(v.start, v.end, c.start, c.end) for c in events))
    dates = [v for v in item.values if v.type == "date"]
    return next((d for d in dates if not d.relative), dates[0] if dates else None)


_SPAN_OF_TIME = re.compile(
    r"[\s-]*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b", re.IGNORECASE
)


def _distance(a: int, b: int, c: int, d: int) -> int:
    return max(0, c - b, a - d)


def stub(suggestions: Suggestions, item: Suggestion) -> Stub:
    """The core clause of the sentence as the quote: the clause holding the figure the sentence
    is about, else its first event or attribution, else its longest clause. The qualifier is
    the one the text puts before that figure."""
    body = suggestions.body
    spans = clauses(body, item.sentence.start, item.sentence.end) or [
        (item.sentence.start, item.sentence.end)
    ]

    def holds(span: tuple[int, int], at: int) -> bool:
        return span[0] <= at < span[1]

    value = about(body, item, spans)
    chosen = next((s for s in spans if value is not None and holds(s, value.start)), None)
    if chosen is None:
        strong = [c for c in item.cues if c.kind in ("event", "attribution")]
        chosen = next((s for c in strong for s in spans if holds(s, c.start)), None)
    if chosen is None:
        chosen = max(spans, key=lambda s: s[1] - s[0])
    if value is not None and not (chosen[0] <= value.start and value.end <= chosen[1]):
        value = None  # a value that the clause cuts in two is no value of the quote
    quote = body[chosen[0] : chosen[1]]
    qualifier = value.qualifier if value else None
    if qualifier is None and value is not None and value.type == "number":
        words = qualifier_hint(quote, suggestions.source.meta.language, value.value)
        qualifier = words[0][1] if words else None
    if isinstance(value.value if value else None, tuple):
        qualifier = Qualifier.BETWEEN
    return Stub(suggestions.source.id, quote, value, qualifier, item)
