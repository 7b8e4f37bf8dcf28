"""Reading a draft for `vet`: its sentences, and the figures, dates and "who did what" in each.

A draft is markdown or plain text a reporter pastes. Markdown syntax (heading marks, list
bullets, emphasis, links' targets, code) is blanked out with spaces of the same length, so
that every offset, line and column still points into the file as written; sentences are then
split as `suggest` splits an article, and read as `suggest` reads them (`read_values`: numbers
in the draft's language, dates, the qualifier word before each; clock times and names such
as F-16 left out). Who did what is an actor of the registry (a name, an alias, or the name's
adjective: "Azerbaijani") with a verb of attacking, violating or accusing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum

from comparator.curation.cues import read_cues
from comparator.curation.sentences import split_sentences
from comparator.curation.suggest import Value, read_values
from comparator.curation.textdates import DateReading
from comparator.hints import qualifier_spans
from comparator.models import Actor
from comparator.numbers import Number, primary
from comparator.terms import Qualifier


class Family(str, Enum):
    """What an actor is said to have done."""

    ATTACK = "attack"
    VIOLATE = "violate"


@dataclass(frozen=True)
class Figure:
    """A number, a date or an actor a sentence states, at sentence offsets [start, end)."""

    start: int
    end: int
    written: str  # as the draft writes it
    number: Number | None = None
    date: DateReading = None
    actor: str | None = None  # actor id, for who did what
    family: Family | None = None  # what the actor did
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_word: str | None = None


@dataclass(frozen=True)
class DraftSentence:
    """One sentence of the draft: `raw` is the masked text at file offset `offset`."""

    offset: int
    line: int
    column: int
    raw: str
    figures: tuple[Figure, ...]
    attribution: str | None  # the words naming who says it ("according to", "said"), if any


# --------------------------------------------------------------------------------------------
# Markdown, blanked to spaces of the same length

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"(`+)[^`\n]*?\1")
_HTML = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][^<>\n]*>", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
_LINE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)?", re.MULTILINE)
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def mask_markdown(text: str) -> str:
    """`text` with markdown syntax turned to spaces, line breaks kept: offsets are unchanged."""
    text = _FENCE.sub(_blank, text)
    text = _CODE.sub(_blank, text)
    text = _HTML.sub(_blank, text)
    text = _IMAGE.sub(_blank, text)
    text = _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text)
    text = _LINE_MARKS.sub(_blank, text)
    return _EMPHASIS.sub(_blank, text)


# --------------------------------------------------------------------------------------------
# Actors and what they did

# Verbs by what they say an actor did; an accusing verb names the actor after it.
_FAMILY_WORDS = {
    Family.ATTACK: (
        r"attack(?:s|ed|ing)?|assault(?:s|ed)?|shell(?:s|ed|ing)|struck|strikes|invaded|provok(?:ed|ing)|"
        r"provocations?|(?:start|began|begin|launch)(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:fighting|"
        r"war|hostilities|offensive|attacks?|clashes)|started|opened\s+fire|fired\s+(?:on|at)"
    ),
    Family.VIOLATE: r"violat(?:e|es|ed|ing|ion|ions)|breach(?:es|ed|ing)?|broke\s+the\s+(?:\w+\s+)?ceasefire",
}
_ACCUSE = r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)"
_VERBS = {
    "en": re.compile(
        rf"(?<![\w-])(?:(?P<accuse>{_ACCUSE})|(?P<attack>{_FAMILY_WORDS[Family.ATTACK]})|"
        rf"(?P<violate>{_FAMILY_WORDS[Family.VIOLATE]}))(?![\w-])",
        re.IGNORECASE,
    )
}
# "attacked by Armenia": the actor after `by` did it.
_BY = re.compile(r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
# Endings that make a country's name its adjective: Armenia-n, Azerbaijan-i, Russia-n.
_ADJECTIVE = r"(?:n|an|ian|i|ese)?"


@dataclass(frozen=True)
class ActorNames:
    """Every name and alias of the registry's actors, as one pattern."""

    pattern: re.Pattern[str] | None
    ids: Mapping[str, str]  # casefolded name -> actor id

    @classmethod
    def of(cls, actors: Mapping[str, Actor]) -> ActorNames:
        ids: dict[str, str] = {}
        for actor in actors.values():
            for name in (actor.name, *actor.aliases):
                folded = " ".join(name.casefold().split())
                if len(folded) >= 3:
                    ids.setdefault(folded, actor.id)
        if not ids:
            return cls(None, ids)
        names = sorted(ids, key=len, reverse=True)
        alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        pattern = re.compile(
            rf"(?<![\w-])(?P<name>{alternation})(?P<adj>{_ADJECTIVE})(?:['’]s)?(?![\w-])", re.I
        )
        return cls(pattern, ids)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """The actors `text` names: (start, end, actor id), end before any "'s"."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            name = " ".join(m.group("name").casefold().split())
            # An adjective ending only on a one-word name ("Armenian", not "Vladimir Putini").
            if m.group("adj") and " " in name:
                continue
            out.append((m.start(), m.end("adj"), self.ids[name]))
        return out


def who_did_what(text: str, language: str, names: ActorNames) -> list[Figure]:
    """The actors said to have attacked or violated something, each once, at its name."""
    pattern = _VERBS.get(primary(language))
    if pattern is None:
        return []
    mentions = names.find(text)
    starts = [m[0] for m in mentions]
    found: dict[int, Figure] = {}
    for verb in pattern.finditer(text):
        if verb.group("accuse"):
            # "A accused B of violating the truce": B is said to have done it, by A.
            rest = text[verb.end() :]
            family = Family.VIOLATE if re.match(r"[^.;]*?\b(?:violat|breach)", rest, re.I) else Family.ATTACK
            agent = _first_after(mentions, starts, verb.end(), text)
        else:
            family = Family.ATTACK if verb.group("attack") else Family.VIOLATE
            after = re.match(r"\s+by\s+(?:the\s+)?", text[verb.end() :], re.I)
            if after:
                agent = _first_after(mentions, starts, verb.end(), text, limit=after.end())
            elif _PASSIVE_AUX.search(text[: verb.start()]):
                continue  # "were attacked": by whom, the sentence does not say
            else:
                agent = _last_before(mentions, starts, verb.start(), text)
        if agent is not None:
            start, end, actor = agent
            found.setdefault(start, Figure(start, end, text[start:end], actor=actor, family=family))
    return [found[k] for k in sorted(found)]


def _first_after(
    mentions: list[tuple[int, int, str]], starts: list[int], at: int, text: str, limit: int = 40
) -> tuple[int, int, str] | None:
    index = bisect.bisect_left(starts, at)
    if index < len(mentions) and mentions[index][0] - at <= max(limit, 0) + 20:
        gap = text[at : mentions[index][0]]
        if not re.search(r"[.;:!?]", gap):
            return mentions[index]
    return None


def _last_before(
    mentions: list[tuple[int, int, str]], starts: list[int], at: int, text: str
) -> tuple[int, int, str] | None:
    index = bisect.bisect_left(starts, at) - 1
    if index >= 0:
        gap = text[mentions[index][1] : at]
        # The subject of the verb: a few words away, within one clause.
        if len(gap.split()) <= 4 and not re.search(r"[,;:.!?]", gap):
            return mentions[index]
    return None


# --------------------------------------------------------------------------------------------
# Attribution: who says it

_PASSIVE_SAID = re.compile(r"(?:is|are|was|were|been)\s+$", re.IGNORECASE)


def attribution(text: str, language: str) -> str | None:
    """The words by which the sentence names who says what it states ("according to",
    "said", "accused"), or None. "Reportedly" and "is said to" name no one."""
    for cue in read_cues(text, language):
        if cue.kind not in ("speech", "attribution"):
            continue
        word = cue.word.casefold()
        if word in ("reportedly", "alleged", "alleges") or _PASSIVE_SAID.search(text[: cue.start]):
            continue
        return cue.word
    return None


# --------------------------------------------------------------------------------------------
# Sentences and their figures


def _numbers_and_dates(raw: str, language: str) -> list[Figure]:
    values = [v for v in read_values(raw, language) if not (v.type == "date" and v.value is None)]
    # "1.2 million" is read as 1.2 and as 1,200,000: the longest reading of a place stands.
    kept = [v for v in values if not any(_inside(v, w) for w in values if w is not v)]
    out = []
    for v in kept:
        if v.type == "date" and _names_the_event(raw, v, language):
            continue
        word = _qualifier_word(raw, v, language)
        qualifier = v.qualifier or Qualifier.EXACT
        if isinstance(v.value, int | float):
            out.append(
                Figure(v.start, v.end, v.text, number=v.value, qualifier=qualifier, qualifier_word=word)
            )
        else:
            out.append(Figure(v.start, v.end, v.text, date=v.value, qualifier=qualifier, qualifier_word=word))
    return out


# "the clashes of November 2021", "the 2020 war", "the 1997 treaty": a date that says which
# event is meant, not when something happened; the claim it helps find says that.
_OF = re.compile(r"\bof\s+$", re.IGNORECASE)
_THE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[-\s]+[^\W\d_]")


def _names_the_event(raw: str, v: Value, language: str) -> bool:
    if primary(language) != "en":
        return False
    before = raw[: v.start]
    return bool(_OF.search(before) or (_THE.search(before) and _NOUN_AFTER.match(raw, v.end)))


def _inside(v: Value, w: Value) -> bool:
    return w.start <= v.start and v.end <= w.end and (w.end - w.start) > (v.end - v.start)


def _qualifier_word(raw: str, v: Value, language: str) -> str | None:
    """The qualifier word standing just before the value ("at least"), as written."""
    if v.qualifier is None:
        return None
    for _start, end, word, _ in reversed(qualifier_spans(raw[: v.start], language)):
        if re.fullmatch(r"\s*(?:[^\W\d_]+\s+)?", raw[end : v.start]):
            return word
        break
    return None  # a vague quantity: "dozens" is at least twelve


# A sentence longer than this is no sentence a reporter writes (a table pasted flat, or
# hostile input): it is read in pieces of about this size, cut at white space, so that the
# work on one sentence stays bounded however long the line.
MAX_SENTENCE = 400


def _pieces(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def read_draft(text: str, language: str, names: ActorNames) -> Iterator[DraftSentence]:
    """The draft's sentences that state a figure, a date or who did what, in order."""
    masked = mask_markdown(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", masked)]
    for sentence in split_sentences(masked):
        for start, end in _pieces(sentence.start, sentence.end, masked):
            raw = masked[start:end]
            figures = _numbers_and_dates(raw, language) + who_did_what(raw, language, names)
            if not figures:
                continue
            line = bisect.bisect_right(line_starts, start)
            yield DraftSentence(
                start,
                line,
                start - line_starts[line - 1] + 1,
                raw,
                tuple(sorted(figures, key=lambda f: f.start)),
                attribution(raw, language),
            )
