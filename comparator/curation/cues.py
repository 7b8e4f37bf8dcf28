"""The words that make a sentence worth a claim: who said or did what, and vague quantities.

A conflict desk checks attributions ("Armenia menuding Azerbaijan ..."), events (casualties,
attacks, ceasefires, agreements, control of territory) and quantities written without digits
("beberapa kota"); verbs of saying name the claimant. These word lists, by language, are what
`suggest` selects sentences by besides their numbers and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparator.numbers import reading_language

# Verbs of saying and appealing tell who speaks, which a claim records as `claimant`; on their
# own they introduce views and appeals more often than facts ("urged both sides to end the
# fighting"), so they make a sentence worth suggesting only beside a figure, a date, an event or
# an accusation. Indonesian forms are listed with their usual affixes (menyebut / disebut).
_SPEECH = {
    "id": [
        "kata",
        "katanya",
        "mengatakan",
        "dikatakan",
        "ujar",
        "ujarnya",
        "tutur",
        "tuturnya",
        "ucap",
        "ucapnya",
        "papar",
        "paparnya",
        "memaparkan",
        "dipaparkan",
        "menjelaskan",
        "dijelaskan",
        "menyatakan",
        "dinyatakan",
        "pernyataan",
        "menurut",
        "mengungkapkan",
        "diungkapkan",
        "mengungkap",
        "diungkap",
        "menegaskan",
        "ditegaskan",
        "melansir",
        "dilansir",
        "mengutip",
        "dikutip",
        "menyerukan",
        "seruan",
        "mendesak",
        "desakan",
        "meminta",
        "menuntut",
        "tuntutan",
        "memperingatkan",
    ],
    "en": [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "stated",
        "statement",
        "according to",
        "urged",
        "called for",
        "demanded",
        "warned",
        "insisted",
        "cited",
        "quoted",
    ],
}
# Verbs that attribute a contested fact by themselves: accusing, claiming, reporting, denying.
_ATTRIBUTION = {
    "id": [
        "menuding",
        "dituding",
        "tudingan",
        "saling tuding",
        "menuduh",
        "dituduh",
        "tuduhan",
        "mengklaim",
        "diklaim",
        "klaim",
        "menyebut",
        "disebut",
        "menyebutkan",
        "disebutkan",
        "melaporkan",
        "dilaporkan",
        "laporan",
        "mengumumkan",
        "diumumkan",
        "membantah",
        "dibantah",
        "bantahan",
        "mengonfirmasi",
        "mengkonfirmasi",
        "dikonfirmasi",
        "mengaku",
        "mengakui",
        "mengancam",
        "ancaman",
    ],
    "en": [
        "accused",
        "accuses",
        "accusing",
        "accusation",
        "accusations",
        "blamed",
        "blames",
        "claimed",
        "claims",
        "claiming",
        "reported",
        "reports",
        "reportedly",
        "announced",
        "announces",
        "denied",
        "denies",
        "confirmed",
        "confirms",
        "alleged",
        "alleges",
        "admitted",
        "threatened",
    ],
}
# The events a conflict desk checks: casualties, attacks, ceasefires and their breaches,
# agreements and alliances, troop movements and control of territory, mediation.
_EVENTS = {
    "id": [
        "tewas",
        "tewasnya",
        "gugur",
        "meninggal",
        "korban",
        "terluka",
        "luka-luka",
        "terbunuh",
        "membunuh",
        "dibunuh",
        "menembak jatuh",
        "ditembak jatuh",
        "menembak",
        "ditembak",
        "menembaki",
        "ditembaki",
        "penembakan",
        "gencatan senjata",
        "melanggar",
        "dilanggar",
        "pelanggaran",
        "menyerang",
        "diserang",
        "serangan",
        "penyerangan",
        "menyerbu",
        "diserbu",
        "mengebom",
        "dibom",
        "pengeboman",
        "bentrokan",
        "bentrok",
        "pertempuran",
        "bertempur",
        "menandatangani",
        "ditandatangani",
        "kesepakatan",
        "perjanjian",
        "pakta",
        "sekutu",
        "sekutunya",
        "dikerahkan",
        "mengerahkan",
        "mengirim",
        "dikirim",
        "menduduki",
        "diduduki",
        "pendudukan",
        "menguasai",
        "dikuasai",
        "merebut",
        "direbut",
        "membebaskan",
        "dibebaskan",
        "mendukung",
        "dukungan",
        "dukungannya",
        "menengahi",
        "ditengahi",
        "dimediasi",
        "memediasi",
        "mediasi",
    ],
    "en": [
        "killed",
        "kills",
        "killing",
        "killings",
        "dead",
        "died",
        "deaths",
        "death toll",
        "casualties",
        "wounded",
        "injured",
        "shot down",
        "downed",
        "ceasefire",
        "cease-fire",
        "truce",
        "violated",
        "violating",
        "violation",
        "violations",
        "attacked",
        "attacks",
        "attack",
        "attacking",
        "shelled",
        "shelling",
        "clashes",
        "clashed",
        "fighting",
        "fought",
        "signed",
        "agreement",
        "treaty",
        "pact",
        "ally",
        "allies",
        "allied",
        "deployed",
        "occupied",
        "occupation",
        "captured",
        "seized",
        "recaptured",
        "liberated",
        "backed",
        "supported",
        "mediated",
        "brokered",
        "opened fire",
        "fired on",
        "fired at",
        "provocation",
        "provocations",
        "incursion",
        "invaded",
        "invasion",
        "offensive",
        "missing",
        "fled",
        "displaced",
    ],
}
# Quantities without digits are figures too: "beberapa kota" can contradict "three towns".
_VAGUE = {
    "id": [
        "beberapa",
        "sejumlah",
        "sebagian besar",
        "sebagian",
        "separuh",
        "setengah",
        "mayoritas",
        "kebanyakan",
    ],
    "en": ["several", "a number of", "most of", "majority", "half of", "a handful of", "scores of"],
}


@dataclass(frozen=True)
class Cue:
    """A cue word as the text writes it, at text[start:end]."""

    kind: str  # "speech" | "attribution" | "event" | "quantity"
    word: str
    start: int
    end: int


_CUES: dict[str, re.Pattern[str] | None] = {}
_CUE_KIND: dict[str, dict[str, str]] = {}


def _cue_pattern(lang: str) -> re.Pattern[str] | None:
    """One alternation of every cue word of `lang`, longest first so that "menembak jatuh"
    wins over the "menembak" it starts with; compiled on first use and kept."""
    if lang not in _CUES:
        kinds = {w: "speech" for w in _SPEECH.get(lang, [])}
        kinds.update({w: "attribution" for w in _ATTRIBUTION.get(lang, [])})
        kinds.update({w: "event" for w in _EVENTS.get(lang, [])})
        kinds.update({w: "quantity" for w in _VAGUE.get(lang, [])})
        _CUE_KIND[lang] = kinds
        words = sorted(kinds, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        _CUES[lang] = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE) if words else None
    return _CUES[lang]


def read_cues(text: str, language: str | None) -> list[Cue]:
    """The verbs of saying and of attribution, event words and vague quantities of `text`."""
    lang = reading_language(language)
    pattern = _cue_pattern(lang)
    if pattern is None:
        return []
    kinds = _CUE_KIND[lang]
    cues = [
        Cue(kinds[" ".join(m.group().lower().split())], m.group(), m.start(), m.end())
        for m in pattern.finditer(text)
    ]
    if lang == "en":
        # A capitalised event word inside a sentence is part of a name: the "Collective
        # Security Treaty Organization" is no treaty signed.
        cues = [c for c in cues if c.kind != "event" or not _in_name(text, c)]
    return cues


def _in_name(text: str, cue: Cue) -> bool:
    return cue.word[:1].isupper() and re.search(r"[^\W\d_][^\S\n]+$", text[: cue.start]) is not None
