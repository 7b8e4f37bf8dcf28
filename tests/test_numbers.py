"""Numbers read as the source's language writes them, and qualifier words."""

from __future__ import annotations

import pytest

from comparator.hints import qualifier_words
from comparator.models import Qualifier
from comparator.numbers import read_numbers


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
    ],
)
def test_read_numbers(text: str, language: str, values: list[float]) -> None:
    assert [f.value for f in read_numbers(text, language)] == values


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
