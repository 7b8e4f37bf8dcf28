"""English read as a reporter reads it: qualifiers bound to their figure, clock times and years
that are no figures, vague quantities as lower bounds, sentences that lost a space, stubs about
the figure a sentence is about; and `suggest` measured on English wire copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparator import corpus as corpus_mod
from comparator.curation import suggest as sg
from comparator.curation.sentences import split_sentences
from comparator.dates import PartialDate
from comparator.hints import qualifier_hint, qualifier_words
from comparator.terms import Qualifier

ENGLISH = Path(__file__).parent / "fixtures" / "english"
PUBLISHED = PartialDate.parse("2022-09-14")


def read(text: str) -> list[tuple[str, str, object, Qualifier | None]]:
    return [(v.type, v.text, v.value, v.qualifier) for v in sg.read_values(text, "en", PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan offered to hand over the bodies of 100 Armenian soldiers.", []),
        ("The army took over 30 villages.", []),
        ("71 troops were killed over two days of fighting.", []),
        ("Over the past 24 hours, 12 died.", []),
        (
            "More than 200 Armenian soldiers and 80 Azerbaijani personnel",
            [("More than", Qualifier.MORE_THAN)],
        ),
        ("at least 49 dead", [("at least", Qualifier.AT_LEAST)]),
        ("more than a dozen homes", [("more than", Qualifier.MORE_THAN)]),
        ("fighting went on until 2022", []),
        ("up to 5,000 people", [("up to", Qualifier.AT_MOST)]),
    ],
)
def test_qualifier_words_bind_to_the_number_they_precede(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert qualifier_words(text, "en") == expected


def test_a_qualifier_hint_concerns_the_asserted_figure_only() -> None:
    quote = "More than 200 Armenian soldiers and 80 Azerbaijani personnel"
    assert qualifier_hint(quote, "en", 200) == [("More than", Qualifier.MORE_THAN)]
    assert qualifier_hint(quote, "en", 80) == []
    assert qualifier_hint("between 10 and 20", "en", (10, 20)) == []


def test_figures_read_as_a_reporter_reads_them() -> None:
    assert read("The ceasefire was to start at 0600 GMT (9 a.m. Moscow time, 06:00 GMT).") == []
    assert read("the worst fighting since a 2020 war over Nagorno-Karabakh") == [
        ("date", "2020", PartialDate(2020), None)
    ]
    assert read("2000 troops moved in") == [("number", "2000", 2000, None)]
    assert read("Dozens of soldiers, hundreds of civilians and scores of homes") == [
        ("number", "Dozens", 12, Qualifier.AT_LEAST),
        ("number", "hundreds", 100, Qualifier.AT_LEAST),
        ("number", "scores", 20, Qualifier.AT_LEAST),
    ]
    assert read("about 10 square kilometres") == [("number", "10", 10, Qualifier.ABOUT)]
    assert [v[1] for v in read("in the last week of the war, and again last week")] == ["last week"]


def test_a_lost_space_after_a_full_stop_still_ends_the_sentence() -> None:
    body = "Pashinyan says.More than 200 died. REPUBLIKA.CO.ID reported 2.802 deaths. Mr.Smith left."
    assert [body[s.start : s.end] for s in split_sentences(body)] == [
        "Pashinyan says.",
        "More than 200 died.",
        "REPUBLIKA.CO.ID reported 2.802 deaths.",
        "Mr.Smith left.",
    ]


def test_stub_values_are_the_figure_the_sentence_is_about(run) -> None:
    out = run(
        "--root",
        str(ENGLISH),
        "suggest",
        "caucasusdaily-2022-09-14-pashinyan-raises-death-toll",
        "--format",
        "yaml",
    ).stdout
    stubs = out.split("\n\n")
    assert (
        '    quote: "Armenian Prime Minister Nikol Pashinyan said on Wednesday that 105 Armenian soldiers had been killed since Azerbaijan launched its attack on Tuesday"\n    value: 105\n'
        in stubs[1]
    )
    assert "    value: 71\n" in stubs[4]
    assert "    value: 100\n" in stubs[9] and "qualifier" not in stubs[9]


def test_suggest_on_english_wire_copy_finds_what_the_desk_curated() -> None:
    result = sg.measure(corpus_mod.load(ENGLISH))
    assert (result.recalled, result.assertions) == (34, 34)
    assert (result.cited, result.suggested) == (28, 37)
    assert result.recall >= 0.9 and result.precision >= 0.7


def test_the_english_fixture_passes_check_strict(run) -> None:
    done = run("--root", str(ENGLISH), "check", "--strict")
    assert (done.exit_code, done.stdout, done.stderr) == (0, "", "no problems in 25 files\n")
