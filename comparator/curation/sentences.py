"""Splitting an article into sentences, with their offsets and the lines they start on.

Offsets are character positions in the text given (the NFC body of a source, for `suggest`);
lines count from `first_line`, the line of the source file the body starts on. A sentence is
what a curator would quote as one statement: datelines ("REPUBLIKA.CO.ID, ANKARA -") and list
numbers belong to none, and a stop after an abbreviation or an initial ends none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """body[start:end], trimmed of white space; it may span lines when the text is hard-wrapped."""

    start: int
    end: int
    line: int  # line of the source file on which the sentence starts
    # A headline, subhead or section title: a line of its own without closing punctuation.
    heading: bool = False


# Words that end in a full stop without ending the sentence. Compared lowercase, without the
# stop. Months are here for "28 Sep. 2020"; single letters (initials) are handled by rule.
_ABBREVIATIONS = {
    # Indonesian titles, ranks, and the usual Latin-script shorthands of the press
    "dr",
    "drs",
    "dra",
    "prof",
    "ir",
    "hj",
    "h",
    "tn",
    "ny",
    "nn",
    "sdr",
    "sdri",
    "bpk",
    "yth",
    "jl",
    "jln",
    "no",
    "nomor",
    "kab",
    "kec",
    "kel",
    "prov",
    "rp",
    "tbk",
    "pt",
    "cv",
    "dll",
    "dsb",
    "dst",
    "tsb",
    "spt",
    "jend",
    "letjen",
    "mayjen",
    "brigjen",
    "kol",
    "letkol",
    "mayor",
    "kapt",
    "kompol",
    "akbp",
    "akp",
    "ipda",
    "iptu",
    "aiptu",
    "bripka",
    "brigpol",
    "pol",
    "purn",
    "sm",
    "sh",
    "mh",
    "msi",
    "mm",
    "st",
    "skom",
    "spd",
    "ssos",
    "ttd",
    "hlm",
    "ket",
    "red",
    # English
    "mr",
    "mrs",
    "ms",
    "mx",
    "jr",
    "sr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "sgt",
    "cpl",
    "adm",
    "gov",
    "sen",
    "rep",
    "pres",
    "sec",
    "dept",
    "rev",
    "hon",
    "inc",
    "ltd",
    "co",
    "corp",
    "bros",
    "vs",
    "etc",
    "approx",
    "est",
    "fig",
    "ca",
    "cf",
    "al",
    "mt",
    "ft",
    "vol",
    "pp",
    # months, short
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "agu",
    "agt",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "des",
}
_TERMINAL = re.compile(r"[.?!…]+[\"'”’»)\]]*")
_OPENING = "\"“‘'«([„"
# A dateline opens a news story: "REPUBLIKA.CO.ID, ANKARA -", "MOSKOW -", "Tangerang Selatan,
# IDN Times -", "ANKARA, Turkey (AP) —". Capitalised words (or a parenthesised agency), then a
# dash followed by white space; it belongs to no sentence.
_DATELINE_WORD = r"(?:[A-Z][\w.&'’]*|\([\w .]+\))"  # MOSKOW, REPUBLIKA.CO.ID, (AP)
_DATELINE = re.compile(
    rf"{_DATELINE_WORD}(?:[^\S\n]*,?[^\S\n]+{_DATELINE_WORD})*[^\S\n]*(?:--?|–|—)\s+(?=[\"“A-Z])"
)
_MISSING_SPACE = re.compile(r"[a-z]{2}[.?!][A-Z][a-z]")
_LIST_MARKER = re.compile(r"\d{1,2}[.)]\s+(?=\S)")
_BLOCK_END = tuple('.?!:;"”’)…')


def split_sentences(body: str, first_line: int = 1) -> list[Sentence]:
    """The sentences of `body` (NFC text), in order, without datelines and list markers.

    A line break ends a sentence (headlines, captions and paragraphs are lines) unless the text
    is hard-wrapped: a line that does not end in punctuation, followed by one starting in
    lowercase, continues it. Within a line, a full stop, question or exclamation mark ends a
    sentence when the next word starts with a capital, a digit or an opening quote, and the
    stop does not close an abbreviation, an initial or a list number. Stops without a space
    after them ("REPUBLIKA.CO.ID", "2.802", "13/9/2022") end no sentence, unless a lowercase
    word ends there and a capitalised one follows ("says.More"): a space lost in copying.
    """
    starts = _line_starts(body)
    out: list[Sentence] = []
    for start, end in _blocks(body):
        start = _skip_opening(body, start, end)
        pieces = list(_pieces(body, start, end))
        for s, e in pieces:
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if s < e:
                heading = len(pieces) == 1 and "\n" not in body[s:e] and not body[s:e].endswith(_BLOCK_END)
                out.append(Sentence(s, e, first_line + bisect.bisect_right(starts, s) - 1, heading))
    return out


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _blocks(body: str) -> Iterator[tuple[int, int]]:
    """Spans of lines that belong together: one line, or a hard-wrapped paragraph."""
    block: list[int] | None = None
    offset = 0
    for line in body.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            if block:
                yield block[0], block[1]
            block = None
            continue
        if block and not body[block[0] : block[1]].rstrip().endswith(_BLOCK_END) and stripped[0].islower():
            block[1] = end
            continue
        if block:
            yield block[0], block[1]
        block = [start, end]
    if block:
        yield block[0], block[1]


def _skip_opening(body: str, start: int, end: int) -> int:
    """Past the dateline or list number that opens a block, if any."""
    while start < end and body[start].isspace():
        start += 1
    marker = _LIST_MARKER.match(body, start, end)
    if marker:
        return marker.end()
    dateline = _DATELINE.match(body, start, end)
    if dateline:
        head = body[start : dateline.end()]
        words = head.split()
        # A real dateline is short and has a place in capitals, an outlet's domain or a comma
        # between place and outlet; "Putin - Erdogan" is the start of a sentence.
        looks = re.search(r"\b[A-Z]{3,}\b|\.[A-Z]{2,}|,", head)
        if len(head) <= 60 and len(words) <= 8 and looks:
            return dateline.end()
    return start


def _pieces(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _TERMINAL.finditer(body, start, end):
        after = match.end()
        if after >= end:
            continue
        if not body[after].isspace():
            # "says.More than 200": a lost space after a full stop. Only a word in lowercase
            # before it and a capitalised word after: "REPUBLIKA.CO.ID" and "2.802" stay whole.
            if _MISSING_SPACE.match(body, match.start() - 2, after + 2) and not _abbreviation(
                body, begin, match.start()
            ):
                yield begin, after
                begin = after
            continue
        nxt = after
        while nxt < end and body[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        char = body[nxt]
        if not (char.isupper() or char.isdigit() or char in _OPENING):
            continue
        if (
            match.group().startswith(".")
            and len(match.group().rstrip("\"'”’»)]")) == 1
            and _abbreviation(body, begin, match.start())
        ):
            continue
        yield begin, after
        begin = nxt
    yield begin, end


def _abbreviation(body: str, begin: int, stop: int) -> bool:
    """Whether the word ending at `stop` (a full stop) is an abbreviation or an initial."""
    space = max(body.rfind(" ", begin, stop), body.rfind("\n", begin, stop), begin - 1)
    word = body[space + 1 : stop].lstrip(_OPENING)
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"[^\W\d_]", word):  # an initial: "Vladimir V. Putin", "M. Hatta"
        return True
    return re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word) is not None  # U.S., a.m., S.H.


def overlapping(sentences: Sequence[Sentence], starts: Sequence[int], start: int, end: int) -> list[int]:
    """The indexes of the sentences that overlap [start, end). `sentences` are in order and
    disjoint, `starts` their starts: one bisection finds the first, so placing every quote of
    an article costs no pass over all its sentences."""
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    for index in range(first, len(sentences)):
        if sentences[index].start >= end:
            break
        if sentences[index].end > start:
            out.append(index)
    return out
