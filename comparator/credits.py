"""What an article says about where its copy came from: agency credits and its dateline.

A *credit* is the form an agency's copy carries when it is republished: the agency in
parentheses in the dateline or at the end ("MOSCOW (Reuters) -", "(AFP/sya)"), a
"Sumber: ANTARA" line, or the agency alone on the last line. A *mention* names the agency in
running text ("kantor berita RIA mengutipnya", "dikutip dari Reuters", "told AFP"): the
article used the agency for something, perhaps not for the whole story. Photo credits
("Foto/REUTERS") say nothing about the text and are passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from comparator.models import Outlet
from comparator.quotes import fold
from comparator.terms import OutletKind


class CreditForm(str, Enum):
    CREDIT = "credit"
    MENTION = "mention"


@dataclass(frozen=True)
class Credit:
    agency: str  # a key of AGENCIES, or an outlet id, or a slug of "kantor berita <Name>"
    form: CreditForm
    words: str  # as printed, for the evidence


# Agency key -> (name as shown, pattern of its name in running text). Names that are also
# ordinary words ("antara" is Indonesian for "between", "AP" is many things) only count in
# the forms that cannot be anything else.
AGENCIES: dict[str, tuple[str, str]] = {
    "ap": ("AP", r"\(AP\)|\bAssociated Press\b"),
    "afp": ("AFP", r"\bAFP\b|\bAgence France[- ]Presse\b"),
    "reuters": ("Reuters", r"\bReuters\b|\bREUTERS\b"),
    "antara": (
        "ANTARA",
        r"\bANTARA\b|\(Antara\)|\bAntara(?= ?News)|(?<=berita )Antara|(?<=: )Antara\b|antaranews",
    ),
    "anadolu": ("Anadolu", r"\bAnadolu\b|\bANADOLU\b"),
    "tass": ("TASS", r"\bTASS\b|\bTass\b"),
    "ria-novosti": ("RIA Novosti", r"\bRIA\b(?: Novosti)?"),
    "xinhua": ("Xinhua", r"\bXinhua\b|\bXINHUA\b"),
    "bernama": ("Bernama", r"\bBernama\b|\bBERNAMA\b"),
    "dpa": ("dpa", r"\bdpa\b|\bDPA\b"),
    "efe": ("EFE", r"\bEFE\b"),
    "kyodo": ("Kyodo", r"\bKyodo\b"),
    "yonhap": ("Yonhap", r"\bYonhap\b"),
    "interfax": ("Interfax", r"\bInterfax\b"),
    "upi": ("UPI", r"\bUPI\b"),
}
_PATTERNS = {agency: re.compile(pattern) for agency, (_, pattern) in AGENCIES.items()}
# Letters each agency's name holds, so that a text naming none is not searched for it.
_HINTS = {
    agency: tuple(
        {fold(part)[:4] for part in re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", pattern))}
    )
    for agency, (_, pattern) in AGENCIES.items()
}
# An agency that is not listed, named as one: "kantor berita Sputnik", "news agency Sputnik".
_NAMED = re.compile(r"\b(?:[Kk]antor [Bb]erita|news agency|agence)\s+(?P<name>[A-Z][\w-]{1,30})")
_NAMED_HINTS = ("kantor berita", "news agency", "agence")  # one of them is in any text _NAMED finds
_PHOTO = re.compile(r"(?i)foto|photo|image|gambar|ilustrasi|getty|pic\b")
_SOURCE_LINE = re.compile(r"(?i)^\s*(?:sumber|source|kredit|credit)\s*:")


def credits(body: str, outlets: dict[str, Outlet] | None = None) -> list[Credit]:
    """Every agency the text credits or mentions, credits first, each agency once."""
    found: dict[str, Credit] = {}
    lowered = body.casefold()
    patterns = [
        (match, agency)
        for agency, pattern in _PATTERNS.items()
        if any(hint in lowered for hint in _HINTS[agency])
        for match in pattern.finditer(body)
    ]
    known = [m.span() for m, _ in patterns]
    named = _NAMED.finditer(body) if any(hint in lowered for hint in _NAMED_HINTS) else ()
    for match in named:
        at = match.start("name")
        if not any(start <= at < end for start, end in known):
            patterns.append((match, _slug(match.group("name"))))
    patterns += _registered(body, outlets or {})
    for match, agency in sorted(patterns, key=lambda p: p[0].start()):
        start = match.start("name") if "name" in match.re.groupindex else match.start()
        end = match.end("name") if "name" in match.re.groupindex else match.end()
        form = _form(body, start, end)
        if form is None:
            continue
        held = found.get(agency)
        if held is None or (held.form is CreditForm.MENTION and form is CreditForm.CREDIT):
            found[agency] = Credit(agency, form, _words_around(body, start, end, form))
    return sorted(found.values(), key=lambda c: (c.form is not CreditForm.CREDIT, c.agency))


def agency_name(agency: str, outlets: dict[str, Outlet] | None = None) -> str:
    outlet = (outlets or {}).get(agency)
    if outlet is not None:
        return outlet.name
    return AGENCIES[agency][0] if agency in AGENCIES else agency


def agency_outlet(agency: str, outlets: dict[str, Outlet]) -> str | None:
    """The outlet id of the registry that is this agency, if any."""
    if agency in outlets:
        return agency
    if agency not in AGENCIES:
        return None
    return _named_agency(agency, {o.id: o.name for o in outlets.values() if o.kind is OutletKind.AGENCY})


def _registered(body: str, outlets: dict[str, Outlet]) -> list[tuple[re.Match[str], str]]:
    """Agencies of the outlet registry that AGENCIES does not know, by their full name."""
    agencies = tuple((o.id, o.name) for o in outlets.values() if o.kind is OutletKind.AGENCY)
    found = []
    for outlet_id, pattern in _registered_patterns(tuple(outlets), agencies):
        found += [(m, outlet_id) for m in pattern.finditer(body)]
    return found


@lru_cache(maxsize=8)
def _registered_patterns(
    ids: tuple[str, ...], agencies: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The pattern of each agency `_registered` looks for, worked out once per registry (by
    its ids, and the id and name of each agency): every article of a repository asks."""
    outlets = {outlet_id: None for outlet_id in ids}
    named = {outlet_id: name for outlet_id, name in agencies}
    # `agency_outlet` of each known agency, without building the registry's models again
    known = {k if k in outlets else _named_agency(k, named) for k in AGENCIES}
    return tuple(
        (outlet_id, re.compile(rf"\b{re.escape(name)}\b"))
        for outlet_id, name in agencies
        if outlet_id not in known and len(name) >= 4
    )


def _named_agency(agency: str, named: dict[str, str]) -> str | None:
    """The first of the registry's agencies (`named`: id to name) whose name is the known
    `agency`."""
    pattern = AGENCIES[agency][1]
    return next((outlet_id for outlet_id, name in named.items() if re.search(pattern, name)), None)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "agency"


def _form(body: str, start: int, end: int) -> CreditForm | None:
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    before, after = body[line_start:start], body[end:line_end]
    if _PHOTO.search(before[-20:]) or _PHOTO.match(after.strip(" /:")):
        return None
    opened = before.rfind("(")
    inside = opened >= 0 and ")" not in before[opened:] and len(before) - opened <= 12
    if inside and 0 <= after.find(")") <= 20:
        return CreditForm.CREDIT
    if _SOURCE_LINE.match(before):
        return CreditForm.CREDIT
    if not before.strip(" \t-—–/") and not after.strip(" \t.-—–/"):
        return CreditForm.CREDIT  # a sign-off line: the agency alone
    return CreditForm.MENTION


def _words_around(body: str, start: int, end: int, form: CreditForm) -> str:
    if form is CreditForm.CREDIT:
        left = body.rfind("(", max(0, start - 12), start)
        right = body.find(")", end, end + 21)
        if left >= 0 and right >= 0:
            return " ".join(body[left : right + 1].split())
        line_start = body.rfind("\n", 0, start) + 1
        line_end = body.find("\n", end)
        return " ".join(body[line_start : len(body) if line_end < 0 else line_end].split())[:60]
    # two words before and one after, within the sentence
    left = body.rfind(" ", 0, max(0, start - 1))
    left = body.rfind(" ", 0, left) if left > 0 else left
    right = body.find(" ", end + 1)
    right = len(body) if right < 0 else right
    stops = [i for i in (body.find(p, end, right) for p in (". ", "\n", ", ")) if i >= 0]
    right = min([right, *stops])
    return " ".join(body[max(0, left + 1) : right].split()).strip(",.;:")


# "REPUBLIKA.CO.ID, MOSKOW --", "MOSCOW, Nov 23 (Reuters) -", "Tangerang Selatan, IDN Times -".
_DATELINE = re.compile(
    r"^(?:(?P<site>[\w.-]+\.(?i:com|co\.id|id|net|org))\s*,\s*)?"
    r"(?P<city>\w[\w'.]*(?:[ -]\w[\w'.]*){0,2}?)\s*"
    r"(?:,\s*(?P<extra>[^\n,()\-—–]{1,25}?)\s*)?"
    r"(?:\((?P<paren>[^)\n]{1,30})\)\s*)?"
    # a dash apart from the words ("US-backed" is no dateline), then the lede's first capital
    # ("Rabu, 24 November 2021 - 06:29 WIB" is no dateline either)
    r"(?:\s+(?:--?|—|–)\s*|(?:--?|—|–)\s+)(?=[\"“‘A-Z])"
)
# The same city as different languages print it.
_CITY_NAMES = {
    "moskow": "moscow",
    "moskwa": "moscow",
    "jenewa": "geneva",
    "kairo": "cairo",
    "teheran": "tehran",
    "yerusalem": "jerusalem",
    "den haag": "the hague",
    "beograd": "belgrade",
    "kiev": "kyiv",
    "kyiv": "kyiv",
    "erivan": "yerevan",
}


@dataclass(frozen=True)
class Dateline:
    city: str  # folded, one spelling per city
    printed: str


def dateline(front_matter: str | None, body: str) -> Dateline | None:
    """The dateline the curator recorded, else the one that opens the article's lede."""
    if front_matter and front_matter.strip():
        return Dateline(_city(front_matter), " ".join(front_matter.split()))
    # Headlines, captions and bylines come before the lede: the first few long paragraphs.
    paragraphs = [p.strip() for p in body.split("\n") if len(p.split()) >= 6][:8]
    for text in paragraphs:
        match = _DATELINE.match(text)
        if match is None:
            continue
        city = match.group("city")
        # A city in mixed case needs the frame of a dateline around it, or it may be a name.
        framed = match.group("site") or match.group("extra") or match.group("paren")
        if city.isupper() or framed:
            return Dateline(_city(city), city)
    return None


def _city(text: str) -> str:
    folded = fold(text).strip(" .,")
    return _CITY_NAMES.get(folded, folded)
