"""Numbers written in words ("dua ribu", "two thousand", "deux mille", "две тысячи").

CLDR describes how each language writes numbers in digits; how a text writes them in words
is read here, from word lists per language. A run of number words is added up the way it is
spoken: units add, scales below a thousand multiply what precedes them ("dua ratus" is 200),
and a thousand or more closes a group ("dua ribu delapan ratus dua" is 2802).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    units: dict[str, int]
    scales: dict[str, int]
    # words that join two number words without adding anything ("vingt et un", "dua belas")
    joiners: frozenset[str] = frozenset()


def _forms(spec: str) -> dict[str, int]:
    """`"value form form ...; value form ..."` as a dict of every form to its value."""
    table: dict[str, int] = {}
    for entry in spec.split(";"):
        value, *forms = entry.split()
        for form in forms:
            table[form] = int(value)
    return table


_ID = Words(
    # "ribuan" (thousands) is how a text says "at least a thousand"; the curator's qualifier says so.
    units=_forms(
        "0 nol; 1 satu; 2 dua; 3 tiga; 4 empat; 5 lima; 6 enam; 7 tujuh; 8 delapan; 9 sembilan;"
        "10 sepuluh puluhan; 11 sebelas; 100 seratus ratusan; 1000 seribu ribuan; 1000000 sejuta jutaan"
    ),
    # `belas` adds ten ("dua belas" is 12); it is handled where runs are added up.
    scales=_forms("10 puluh; 100 ratus; 1000 ribu; 1000000 juta; 1000000000 miliar"),
)
_EN = Words(
    units=_forms(
        "0 zero; 1 one; 2 two; 3 three; 4 four; 5 five; 6 six; 7 seven; 8 eight; 9 nine; 10 ten;"
        "11 eleven; 12 twelve dozen dozens; 13 thirteen; 14 fourteen; 15 fifteen; 16 sixteen;"
        "17 seventeen; 18 eighteen; 19 nineteen; 20 twenty; 30 thirty; 40 forty; 50 fifty; 60 sixty;"
        "70 seventy; 80 eighty; 90 ninety; 100 hundreds; 1000 thousands; 1000000 millions"
    ),
    scales=_forms("100 hundred; 1000 thousand; 1000000 million; 1000000000 billion"),
)
_FR = Words(
    # "soixante-dix" adds up to 70 as written; "quatre-vingts" (80) is handled where runs are added.
    units=_forms(
        "0 zéro; 1 un une; 2 deux; 3 trois; 4 quatre; 5 cinq; 6 six; 7 sept; 8 huit; 9 neuf;"
        "10 dix dizaine dizaines; 11 onze; 12 douze douzaine douzaines; 13 treize; 14 quatorze;"
        "15 quinze quinzaine; 16 seize; 20 vingt vingts vingtaine; 30 trente trentaine; 40 quarante;"
        "50 cinquante cinquantaine; 60 soixante; 100 centaine centaines; 1000 millier milliers"
    ),
    scales=_forms("100 cent cents; 1000 mille; 1000000 million millions; 1000000000 milliard milliards"),
    joiners=frozenset({"et"}),
)
_RU = Words(
    # Every case form a count takes in news copy ("погибли двое", "более двух тысяч").
    units=_forms(
        "0 ноль нуль; 1 один одна одно одного одной одному одним одном;"
        "2 два две двух двум двумя двое; 3 три трех трем тремя трое; 4 четыре четырех четырем"
        " четырьмя четверо; 5 пять пяти пятью пятеро; 6 шесть шести шестью шестеро; 7 семь семи семью;"
        "8 восемь восьми восемью; 9 девять девяти девятью; 10 десять десяти десятью десяток десятки"
        " десятков; 11 одиннадцать одиннадцати; 12 двенадцать двенадцати; 13 тринадцать тринадцати;"
        "14 четырнадцать четырнадцати; 15 пятнадцать пятнадцати; 16 шестнадцать шестнадцати;"
        "17 семнадцать семнадцати; 18 восемнадцать восемнадцати; 19 девятнадцать девятнадцати;"
        "20 двадцать двадцати; 30 тридцать тридцати; 40 сорок сорока; 50 пятьдесят пятидесяти;"
        "60 шестьдесят шестидесяти; 70 семьдесят семидесяти; 80 восемьдесят восьмидесяти;"
        "90 девяносто девяноста; 100 сто ста сотни сотен; 200 двести двухсот двумстам;"
        "300 триста трехсот тремстам; 400 четыреста четырехсот; 500 пятьсот пятисот; 600 шестьсот"
        " шестисот; 700 семьсот семисот; 800 восемьсот восьмисот; 900 девятьсот девятисот"
    ),
    scales=_forms(
        "1000 тысяча тысячи тысяч тысячу тысячам тысячами тысяче; 1000000 миллион миллиона миллионов"
        " миллиону миллионами; 1000000000 миллиард миллиарда миллиардов"
    ),
)
_WORDS = {"id": _ID, "ms": _ID, "en": _EN, "fr": _FR, "ru": _RU}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The words that begin a run: joiners only ever join them.
_NUMBER_WORDS = {lang: frozenset(words.units) | frozenset(words.scales) for lang, words in _WORDS.items()}


def _fold(word: str) -> str:
    # Russian print mostly drops the diaeresis of ё ("трёх" is printed "трех"); the lists
    # hold the plain letter.
    return word.lower().replace("ё", "\u0435")


def scales(lang: str) -> dict[str, int]:
    """Words that multiply a number written in digits before them ("2,5 juta")."""
    words = _WORDS.get(lang)
    return words.scales if words else {}


def scale_of(word: str, lang: str) -> int | None:
    return scales(lang).get(_fold(word))


def read_words(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every run of number words in `text`."""
    words = _WORDS.get(lang)
    if words is None:
        return []
    # Most quotes hold no number word: one look over the folded text, in C, spares them the
    # walk word by word (folding the text lowers each letter as folding each word does).
    if _NUMBER_WORDS[lang].isdisjoint(_WORD.findall(_fold(text))):
        return []
    return runs(text, lang, words)


def runs(text: str, lang: str, words: Words) -> list[tuple[int, int, int]]:
    """`read_words`, walking every word of `text`."""
    tokens = [(_fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[tuple[int, int, int]] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        while run and run[-1][0] in words.joiners:
            run.pop()
        if run:
            found.append((_combine([w for w, _, _ in run], words), run[0][1], run[-1][2]))
            run.clear()

    for i, (word, start, end) in enumerate(tokens):
        if run and text[run[-1][2] : start].strip(" -\u00a0"):
            flush()
        number = word in words.units or word in words.scales
        joins = bool(run) and (
            (word == "belas" and lang in ("id", "ms"))
            or (word in words.joiners and i + 1 < len(tokens) and tokens[i + 1][0] in words.units)
        )
        if number or joins:
            run.append((word, start, end))
        else:
            flush()
    flush()
    return found


def _combine(words: list[str], table: Words) -> int:
    total = current = 0
    previous = ""
    for word in words:
        if word == "belas":
            current += 10
        elif word in table.joiners:
            pass
        elif word in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4  # quatre-vingts: four twenties
        elif word in table.units:
            current += table.units[word]
        else:
            scale = table.scales[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        previous = word
    return total + current
