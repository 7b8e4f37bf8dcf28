"""Words that signal a qualifier, by language: "setidaknya 2.802" means at least 2,802."""

from __future__ import annotations

import re

from comparator.models import Qualifier
from comparator.numbers import primary

_HINTS: dict[str, dict[str, Qualifier]] = {
    "id": {
        "setidaknya": Qualifier.AT_LEAST,
        "sedikitnya": Qualifier.AT_LEAST,
        "paling sedikit": Qualifier.AT_LEAST,
        "minimal": Qualifier.AT_LEAST,
        "lebih dari": Qualifier.MORE_THAN,
        "hampir": Qualifier.NEARLY,
        "sekitar": Qualifier.ABOUT,
        "kurang lebih": Qualifier.ABOUT,
        "kira-kira": Qualifier.ABOUT,
        "hingga": Qualifier.AT_MOST,
        "mencapai": Qualifier.AT_MOST,
        "bisa mencapai": Qualifier.AT_MOST,
        "kurang dari": Qualifier.LESS_THAN,
    },
    "en": {
        "at least": Qualifier.AT_LEAST,
        "more than": Qualifier.MORE_THAN,
        "over": Qualifier.MORE_THAN,
        "nearly": Qualifier.NEARLY,
        "almost": Qualifier.NEARLY,
        "about": Qualifier.ABOUT,
        "around": Qualifier.ABOUT,
        "some": Qualifier.ABOUT,
        "roughly": Qualifier.ABOUT,
        "up to": Qualifier.AT_MOST,
        "at most": Qualifier.AT_MOST,
        "fewer than": Qualifier.LESS_THAN,
        "less than": Qualifier.LESS_THAN,
    },
    "fr": {
        "au moins": Qualifier.AT_LEAST,
        "plus de": Qualifier.MORE_THAN,
        "près de": Qualifier.NEARLY,
        "presque": Qualifier.NEARLY,
        "environ": Qualifier.ABOUT,
        "jusqu'à": Qualifier.AT_MOST,
        "moins de": Qualifier.LESS_THAN,
    },
}
_HINTS["ms"] = _HINTS["id"]
_PATTERNS = {
    lang: re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    for lang, words in _HINTS.items()
}


def qualifier_words(quote: str, language: str | None) -> list[tuple[str, Qualifier]]:
    """The qualifier words in `quote`, each with the qualifier it signals."""
    lang = primary(language)
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return []
    table = _HINTS[lang]
    return [(m.group(1), table[m.group(1).lower().replace("\u2019", "'")]) for m in pattern.finditer(quote)]


def qualifier_spans(text: str, language: str | None) -> list[tuple[int, int, str, Qualifier]]:
    """The qualifier words of `text` as `qualifier_words` reads them, each with its span, so
    that a caller can tell which number a word stands before."""
    lang = primary(language)
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return []
    table = _HINTS[lang]
    return [
        (m.start(1), m.end(1), m.group(1), table[m.group(1).lower().replace("\u2019", "'")])
        for m in pattern.finditer(text)
    ]
