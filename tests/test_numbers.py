"""Numbers read as the source's language writes them, and qualifier words."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import source
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator import numbers, numberwords
from comparator.hints import qualifier_words
from comparator.numbers import read_numbers
from comparator.terms import Qualifier


@pytest.mark.parametrize(
    "text, language, values",
    [
        ("setidaknya 2.802 tentaranya gugur", "id", [2802]),
        ("lebih dari 6.500 orang", "id", [6500]),
        ("naik 2,5 persen", "id", [2.5]),
        ("12.000,50 ton", "id", [12000.5]),
        ("2,5 juta orang", "id", [2.5, 2_500_000, 1_000_000]),
        ("dua helikopter dan tiga pesawat nirawak", "id", [2, 3]),
        ("dua ribu delapan ratus dua", "id", [2802]),
        ("dua belas desa", "id", [12]),
        ("sebelas, seratus, seribu", "id", [11, 100, 1000]),
        ("ribuan pasukan perdamaian", "id", [1000]),
        ("kedua negara", "id", []),  # "both", not two
        ("Sekitar 20% wilayah", "id", [20]),
        ("konflik 1992-1994", "id", [1992, 1994]),
        ("Selasa (13/9/2022)", "id", [13, 9, 2022]),
        ("2,783 soldiers and 12,000.50 tons", "en", [2783, 12000.5]),
        ("one hundred and twenty", "en", [100, 20]),
        ("thousands of troops", "en", [1000]),
        ("a drop to -5 degrees", "en", [-5]),
        ("2 823 soldats et 2823", "fr", [2823, 2823]),
        ("2\u202f823 soldats", "fr", [2823]),
        ("deux cents", "fr", [200]),
        ("deux mille huit cent deux soldats", "fr", [2802]),
        ("quatre-vingt-dix-sept morts et vingt et un blessés", "fr", [97, 21]),
        ("soixante-dix villages, des milliers de réfugiés", "fr", [70, 1000]),
    ],
)
def test_read_numbers(text: str, language: str, values: list[float]) -> None:
    assert [f.value for f in read_numbers(text, language)] == values


# Each language as CLDR writes it: its group and decimal symbols, grouping and native digits.
@pytest.mark.parametrize(
    "text, language, values",
    [
        ("2.802 hərbçi şəhid olub", "az", [2802]),
        ("2.802 Soldaten, 2,5 Prozent", "de", [2802, 2.5]),
        ("1'000 Soldaten", "de-CH", [1000]),
        ("2\u202f802 soldats, 2,5 %", "fr", [2802, 2.5]),
        ("2\u00a0802 военнослужащих, 2,5 процента", "ru", [2802, 2.5]),
        ("2 802 військовослужбовців, 0,5", "uk", [2802, 0.5]),
        ("2 802 żołnierzy i 12 345,5 ton", "pl", [2802, 12345.5]),
        ("2 802 soldater", "sv", [2802]),
        ("2 802 զինծառայող, 3,5", "hy", [2802, 3.5]),
        ("2.802 soldados, 2,5 %", "es", [2802, 2.5]),
        ("2,802 soldados", "es-MX", [2802]),
        ("2.802 soldados", "pt", [2802]),
        ("2 802 soldados", "pt-PT", [2802]),
        ("2.802 soldati", "it", [2802]),
        ("2.802 asker, %2,5", "tr", [2802, 2.5]),
        ("٢٬٨٠٢ جندي و 2,802 و \u0662\u066b\u0665", "ar", [2802, 2802, 2.5]),
        ("۲٬۸۰۲ سرباز", "fa", [2802]),
        ("1,00,000 लोग, १२,३४,५६७ और 100,000", "hi", [100_000, 1_234_567, 100_000]),
        ("2.802 tentara, 2,5 persen", "id-ID", [2802, 2.5]),
        ("2,802 soldiers, 2.5 per cent", "en-GB", [2802, 2.5]),
        ("2,802 askar", "ms", [2802]),
        ("две тысячи восемьсот два военнослужащих", "ru", [2802]),
        ("погибли трое, более трёх тысяч раненых, сотни домов", "ru", [3, 3000, 100]),
        ("2,5 тысячи человек", "ru", [2.5, 2500, 1000]),
        ("2,802", "xx-unknown", [2802]),
    ],
)
def test_read_numbers_by_cldr(text: str, language: str, values: list[float]) -> None:
    assert [f.value for f in read_numbers(text, language)] == values


def test_a_grouped_number_of_another_language_is_not_one_number() -> None:
    assert [f.value for f in read_numbers("2.802", "en")] == [2.802]
    assert [f.value for f in read_numbers("2,802", "de")] == [2.802]
    assert [f.value for f in read_numbers("1,00,000", "en")] == [1, 0]


def test_spans_point_at_the_number() -> None:
    text = "setidaknya 2.802 tentaranya"
    (found,) = read_numbers(text, "id")
    assert text[found.start : found.end] == "2.802"


@pytest.mark.parametrize(
    "quote, language, expected",
    [
        ("setidaknya 16 orang", "id", [("setidaknya", Qualifier.AT_LEAST)]),
        ("bisa mencapai 5.000 orang", "id", [("bisa mencapai", Qualifier.AT_MOST)]),
        ("hampir 300 pemukiman", "id", [("hampir", Qualifier.NEARLY)]),
        ("At least 16 people", "en", [("At least", Qualifier.AT_LEAST)]),
        ("plus de 6 500 morts", "fr", [("plus de", Qualifier.MORE_THAN)]),
        ("seorang tentara", "id", []),
        ("setidaknya 16", "xx", []),
    ],
)
def test_qualifier_words(quote: str, language: str, expected: list[tuple[str, Qualifier]]) -> None:
    assert qualifier_words(quote, language) == expected


# A source in each language states a figure its own way; `check --strict` passes each claim.
LOCAL_FIGURES = [
    ("az", "2.802 hərbçi şəhid olub", 2802),
    ("de", "2.802 Soldaten wurden getötet", 2802),
    ("fr", "2\u202f802 soldats ont été tués", 2802),
    ("fr", "deux mille huit cent deux soldats", 2802),
    ("ru", "погибли 2\u00a0802 военнослужащих", 2802),
    ("ru", "погибли две тысячи восемьсот два военнослужащих", 2802),
    ("uk", "загинули 2 802 військовослужбовці", 2802),
    ("pl", "zginęło 2 802 żołnierzy", 2802),
    ("sv", "2 802 soldater dödades", 2802),
    ("hy", "զոհվել է 2 802 զինծառայող", 2802),
    ("es", "murieron 2.802 soldados", 2802),
    ("pt", "morreram 2.802 soldados", 2802),
    ("it", "sono morti 2.802 soldati", 2802),
    ("tr", "2.802 asker şehit oldu", 2802),
    ("ar", "قتل ٢٬٨٠٢ جنديا", 2802),
    ("hi", "1,00,000 लोग विस्थापित हुए", 100_000),
    ("id", "dua ribu delapan ratus dua tentara gugur", 2802),
    ("en", "two thousand soldiers were killed", 2000),
]


@pytest.mark.parametrize("language, quote, value", LOCAL_FIGURES)
def test_check_reads_each_language(make_root, run, language: str, quote: str, value: int) -> None:  # type: ignore[no-untyped-def]
    root = make_root(
        {
            "sources/daily/local.md": source(
                "local", "daily", "2021-01-13", quote + ".\n", language=language
            ),
            "claims/war/toll.yaml": (
                "question: How many?\nkind: count\nassertions:\n"
                f"  - source: local\n    quote: {json.dumps(quote)}\n    value: {value}\n"
            ),
        }
    )
    result = run("--root", str(root), "check", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems in 6 files\n")


def test_a_figure_another_language_would_write_still_warns(make_root, run) -> None:  # type: ignore[no-untyped-def]
    root = make_root(
        {
            "sources/daily/local.md": source(
                "local", "daily", "2021-01-13", "2.802 hərbçi.\n", language="en"
            ),
            "claims/war/toll.yaml": (
                "question: How many?\nkind: count\nassertions:\n"
                "  - source: local\n    quote: 2.802 hərbçi\n    value: 2802\n"
            ),
        }
    )
    result = run("--root", str(root), "check")
    assert result.stdout == (
        "claims/war/toll.yaml:6:12: warning value-not-in-quote 2802 is not written in the quote"
        " (read as en: 2.802)\n"
    )


def test_cldr_is_not_loaded_to_start_a_command() -> None:
    """Babel's locale data is read when a number is, not when the command line starts."""
    code = "import sys, comparator.cli; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False\n"


_PIECES = st.sampled_from(
    [
        "dua",
        "belas",
        "Ribu",
        "ratus",
        "twenty",
        "One",
        "and",
        "vingt",
        "et",
        "un",
        "ТРЁХ",
        "тысяч",
        "İ",
        "ß",
        "killed",
        "at",
        "7",
        "-",
        " ",
        "  ",
        "\u00a0",
        ".",
        "ǅ",
        "Ⅻ",
        "\u0307",
        "Σ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=12), lang=st.sampled_from(["id", "en", "fr", "ru"]))
def test_number_words_read_with_or_without_the_first_look(pieces: list[str], lang: str) -> None:
    """The look that spares most quotes the word-by-word walk never skips a number word."""
    text = "".join(pieces)
    assert numberwords.read_words(text, lang) == numberwords.runs(text, lang, numberwords._WORDS[lang])


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="0123456789-\u2212,.' \u00a0\u202f\u066b\u066c\u0663x", max_size=30),
    language=st.sampled_from(["en", "id", "de-CH", "fr", "hi", "ar"]),
)
def test_the_look_for_where_a_number_starts_finds_what_the_whole_pattern_did(
    text: str, language: str
) -> None:
    """`numbers._START` only spares the engine the places no number starts."""
    pattern = numbers.notation_of(language).pattern
    whole = re.compile(pattern.pattern.removeprefix(numbers._START))
    assert whole.pattern != pattern.pattern
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)]
