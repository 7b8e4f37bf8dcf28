"""Which sentences of an article are worth a claim: those stating figures, dates or attributions.

A curator reading an article looks for the sentences that say something checkable: a number
("setidaknya 2.802 tentaranya gugur"), a date ("pada Ahad (27/9)"), who said or did what
("Armenia menuding Azerbaijan ..."). This module picks them, reads their values the way `check`
reads numbers, and says which claims already cite each one, so that what is left to curate
stands out. The results are data; `render/` writes them as text, JSON or assertion stubs.

Offsets are character positions in the NFC form of the source's body, the text `find_quote`
matches quotes against; lines are lines of the source file.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, replace

from comparator.corpus import Corpus
from comparator.curation.cues import Cue, read_cues
from comparator.curation.sentences import Sentence, overlapping, split_sentences
from comparator.curation.spans import Spans
from comparator.curation.textdates import DateReading, read_dates
from comparator.dates import PartialDate
from comparator.hints import qualifier_spans, qualifier_words
from comparator.numbers import Number, read_numbers
from comparator.parse import SourceFile
from comparator.quotes import normalise_with_map, quote_spans
from comparator.terms import Qualifier

# --------------------------------------------------------------------------------------------
# Values: the numbers and dates a sentence states


@dataclass(frozen=True)
class Value:
    """A number or date the text states. A date may be `relative`: worked out from the
    publication date ("Sabtu", "bulan lalu"); its value is None when that cannot be done."""

    type: str  # "number" | "date"
    text: str
    value: Number | DateReading
    start: int
    end: int
    qualifier: Qualifier | None = None
    relative: bool = False


# A clock time ("15:52", "06.29 WIB", "0600 GMT", "1430 local time", "9 a.m.") is no figure of the story.
_ZONE = r"(?=\s*(?:WIB|WITA|WIT|GMT|UTC|Z|hrs|hours|h|local|Moscow|Yerevan|Baku)\b)"
_TIME = re.compile(
    rf"(?<![\d.,])(?:\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?|\.\d{{2}}{_ZONE})|(?:[01]\d|2[0-3])[0-5]\d{_ZONE}"
    r"|\d{1,2}(?=\s*(?:[ap]\.m\.|[ap]m\b)))(?![\d,])",
    re.IGNORECASE,
)
# Quantities said without a figure are lower bounds: "dozens of soldiers" is at least 12 (a
# dozen, as `check` reads the word), "ratusan" at least 100. "scores of" is read here (20).
_VAGUE = re.compile(
    r"(?:dozens|hundreds|thousands|millions|tens|scores|puluhan|ratusan|ribuan|jutaan|dizaines|"
    r"centaines|milliers)",
    re.IGNORECASE,
)
_SCORES = re.compile(r"(?<!\w)scores(?=\s+of\b)", re.IGNORECASE)


def read_values(text: str, language: str | None, published: PartialDate | None = None) -> list[Value]:
    """Dates, then the numbers outside them (as `check` reads numbers), each with the qualifier
    word that stands just before it: "setidaknya 2.802", "hampir tiga dekade"."""
    dates = [
        Value("date", d.text, d.value, d.start, d.end, relative=d.relative)
        for d in read_dates(text, language, published)
    ]
    skip = Spans([(d.start, d.end) for d in dates])
    skip_times = Spans(m.span() for m in _TIME.finditer(text))
    numbers = []
    for found in read_numbers(text, language):
        if skip.overlaps(found.start, found.end) or skip_times.overlaps(found.start, found.end):
            continue
        if re.search(r"[^\W\d_]-?$", text[max(0, found.start - 2) : found.start]):
            continue  # part of a name: F-16, COVID-19, G20, Su-25
        end = found.end
        unit = re.match(r"\s?(?:%|persen\b|percent\b|per cent\b)", text[end:])
        if unit:
            end += unit.end()
        numbers.append(Value("number", text[found.start : end], found.value, found.start, end))
    if (language or "en").lower().startswith("en"):
        numbers += [Value("number", m.group(), 20, m.start(), m.end()) for m in _SCORES.finditer(text)]
    values = sorted(dates + numbers, key=lambda v: (v.start, v.end))
    return _vague_lower_bounds(_with_qualifiers(text, language, values))


def _vague_lower_bounds(values: list[Value]) -> list[Value]:
    """ "Dozens", "hundreds", "ribuan": at least that many, unless a word says otherwise."""
    return [
        replace(v, qualifier=Qualifier.AT_LEAST)
        if v.type == "number" and v.qualifier is None and _VAGUE.fullmatch(v.text)
        else v
        for v in values
    ]


def _with_qualifiers(text: str, language: str | None, values: list[Value]) -> list[Value]:
    """The values, each with the qualifier word standing just before it, if any."""
    out = list(values)
    starts = [v.start for v in out]
    for _start, end, _word, qualifier in qualifier_spans(text, language):
        index = bisect.bisect_left(starts, end)  # the first value after the word
        if index == len(out):
            continue
        value = out[index]
        # At most one word between them, and no punctuation: "bisa mencapai 5.000 orang".
        if value.qualifier is None and re.fullmatch(r"\s*(?:[^\W\d_]+\s+)?", text[end : value.start]):
            out[index] = replace(value, qualifier=qualifier)
    return out


# --------------------------------------------------------------------------------------------
# Suggestions


@dataclass(frozen=True)
class Citation:
    """One assertion, by its claim and place: what cites a sentence."""

    claim: str
    assertion: int  # index into the claim's assertions, from 0


@dataclass
class Suggestion:
    """A sentence worth a claim: what it states, and the assertions whose quotes lie in it."""

    sentence: Sentence
    text: str  # the sentence on one line
    values: list[Value]
    qualifiers: list[tuple[str, Qualifier]]
    cues: list[Cue]
    cited_by: list[Citation] = field(default_factory=list)


@dataclass
class Suggestions:
    """What `suggest` found in one source: every sentence, and the ones worth a claim."""

    source: SourceFile
    body: str  # NFC body: the offsets index it
    sentences: list[Sentence]
    items: list[Suggestion]
    # The assertions citing the source, with the places their quotes occupy in `body`.
    quotes: list[tuple[Citation, list[tuple[int, int]]]] = field(default_factory=list)

    def summary(self) -> str:
        uncited = sum(1 for i in self.items if not i.cited_by)
        return (
            f"{self.source.rel}: {len(self.items)} of {len(self.sentences)} sentences "
            f"shown, {uncited} not cited yet"
        )


# Lines that link elsewhere or credit a photo: no statement of the article.
_BOILERPLATE = re.compile(
    r"(?:baca|lihat|simak)\s+(?:juga|pula)\b|read\s+(?:more|also)\b|see\s+also\b|related\s*:|"
    r"(?:foto|photo|gambar|image)\s*:|copyright\b|©|all\s+rights\s+reserved\b",
    re.IGNORECASE,
)
MIN_WORDS = 3  # words outside the values: "Senin 28 Sep 2020 15:52 WIB" is a timestamp, not a statement


def analyse_sentence(
    body: str, sentence: Sentence, language: str | None, published: PartialDate | None
) -> Suggestion | None:
    """The sentence as a suggestion when it states a value, an attribution or an event."""
    raw = body[sentence.start : sentence.end]
    text = " ".join(raw.split())
    if _BOILERPLATE.match(text):
        return None
    values = [_shift(v, sentence.start) for v in read_values(raw, language, published)]
    cues = [
        Cue(c.kind, c.word, c.start + sentence.start, c.end + sentence.start)
        for c in read_cues(raw, language)
    ]
    qualifiers = qualifier_words(raw, language)
    if not values and (sentence.heading or all(c.kind == "speech" for c in cues)):
        # A headline repeats what the text states in full, and a bare "said" states nothing;
        # a call for a ceasefire does state something a desk tracks: who called, and when.
        return None
    pieces, at = [], sentence.start
    for v in values:
        pieces.append(body[at : max(at, v.start)])
        at = max(at, v.end)
    pieces.append(body[at : sentence.end])
    if len(re.findall(r"[^\W\d_]{2,}", " ".join(pieces))) < MIN_WORDS:
        return None
    return Suggestion(sentence, text, values, qualifiers, cues)


def _shift(value: Value, by: int) -> Value:
    return replace(value, start=value.start + by, end=value.end + by)


Cited = dict[str, list[tuple[Citation, str]]]


def cited_by_source(corpus: Corpus) -> Cited:
    """Every assertion with its quote, by the source it cites: one pass over the claims."""
    index: Cited = {}
    for claim_id in sorted(corpus.claims):
        for number, assertion in enumerate(corpus.claims[claim_id].claim.assertions):
            index.setdefault(assertion.source, []).append((Citation(claim_id, number), assertion.quote))
    return index


def suggest(
    corpus: Corpus, source_id: str, uncurated: bool = False, cited: Cited | None = None
) -> Suggestions:
    """The sentences of one source worth a claim, with the assertions already citing each.

    With `uncurated`, only those no assertion cites yet. `cited` is `cited_by_source(corpus)`,
    for a caller that goes through many sources.
    """
    source = corpus.sources[source_id]
    body = unicodedata.normalize("NFC", source.body)
    sentences = split_sentences(body, source.body_line)
    items = []
    for sentence in sentences:
        item = analyse_sentence(body, sentence, source.meta.language, source.meta.published)
        if item is not None:
            items.append(item)
    normalised = normalise_with_map(body)
    quotes = (cited if cited is not None else cited_by_source(corpus)).get(source_id, [])
    placed = [(citation, quote_spans(quote, body, normalised)) for citation, quote in quotes]
    suggested = [i.sentence for i in items]
    starts = [s.start for s in suggested]
    for citation, spans in placed:
        for start, end in spans:
            for index in overlapping(suggested, starts, start, end):
                if citation not in items[index].cited_by:
                    items[index].cited_by.append(citation)
    if uncurated:
        items = [i for i in items if not i.cited_by]
    return Suggestions(source, body, sentences, items, placed)


# --------------------------------------------------------------------------------------------
# Measuring: how much of the curated data the suggestions find


@dataclass
class Measure:
    assertions: int = 0  # assertions whose quote was found in their source
    recalled: int = 0  # of those, the ones whose quote lies in suggested sentences
    suggested: int = 0  # suggested sentences
    cited: int = 0  # of those, the ones some assertion cites
    missed: list[tuple[Citation, str]] = field(default_factory=list)
    uncited: list[tuple[str, int, str]] = field(default_factory=list)  # source, line, sentence

    @property
    def recall(self) -> float:
        return self.recalled / self.assertions if self.assertions else 1.0

    @property
    def precision(self) -> float:
        return self.cited / self.suggested if self.suggested else 1.0


def measure(corpus: Corpus) -> Measure:
    """Recall: the share of curated assertions whose quote lies within suggested sentences
    (every sentence it touches is suggested). Precision: the share of suggested sentences that
    some assertion cites."""
    result = Measure()
    cited = cited_by_source(corpus)
    for source_id in sorted(corpus.sources):
        found = suggest(corpus, source_id, cited=cited)
        result.suggested += len(found.items)
        result.cited += sum(1 for item in found.items if item.cited_by)
        result.uncited += [(source_id, i.sentence.line, i.text) for i in found.items if not i.cited_by]
        suggested = {(i.sentence.start, i.sentence.end) for i in found.items}
        starts = [s.start for s in found.sentences]
        for citation, spans in found.quotes:
            if not spans:
                continue  # quote-not-found: `check` reports it; nothing to recall
            result.assertions += 1
            if any(_all_suggested(found.sentences, starts, suggested, a, b) for a, b in spans):
                result.recalled += 1
            else:
                quote = corpus.claims[citation.claim].claim.assertions[citation.assertion].quote
                result.missed.append((citation, quote))
    return result


def _all_suggested(
    sentences: list[Sentence], starts: list[int], suggested: set[tuple[int, int]], start: int, end: int
) -> bool:
    """Whether every sentence that [start, end) touches is suggested."""
    touched = overlapping(sentences, starts, start, end)
    # A quote between sentences (in a dateline) touches none, and is not recalled.
    return bool(touched) and all((sentences[i].start, sentences[i].end) in suggested for i in touched)
