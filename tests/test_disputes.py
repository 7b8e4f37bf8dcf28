"""Each kind and each likely cause of a dispute, with the sentence a reader gets."""

from __future__ import annotations

from typing import Any

import pytest
from test_compare import claim
from test_sides import CORPUS

from comparator import humanize
from comparator.compare import analyse
from comparator.disputes import typo
from comparator.terms import Cause, DisputeKind

SAME_DAY = "2020-01-01"


def said(source: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"source": source, "value": value, **extra}


CASES = [
    pytest.param(
        "count",
        [said("s1", 71, as_of=SAME_DAY), said("s2", 17, as_of=SAME_DAY)],
        {"unit": "soldiers"},
        DisputeKind.BETWEEN_MEDIA,
        Cause.TYPO,
        "Side A says 17 soldiers (O2); side B says 71 soldiers (O1): outlets report differently; "
        "probably a typo: 17 vs 71.",
        id="typo between media",
    ),
    pytest.param(
        "actor",
        [said("s1", "south", claimant="north-mod"), said("s2", "north", claimant="south", as_of=SAME_DAY)],
        {},
        DisputeKind.BETWEEN_PARTIES,
        Cause.ACCOUNT,
        "Side A says North (South); side B says South (North): South and North dispute this; "
        "the sources give different accounts.",
        id="two parties",
    ),
    pytest.param(
        "boolean",
        [said("s6", True), said("s2", False, claimant="south")],
        {},
        DisputeKind.BETWEEN_PARTIES,
        Cause.ACCOUNT,
        "Side A says false (South); side B says true (Ministry): South and Ministry dispute this; "
        "the sources give different accounts.",
        id="an official outlet in its own voice is a party",
    ),
    pytest.param(
        "count",
        [
            said("s1", 100, claimant="north", as_of="2020-01-01"),
            said("s3", 50, claimant="north-mod", as_of="2020-02-01"),
        ],
        {"cumulative": True, "unit": "people"},
        DisputeKind.WITHIN_ORIGIN,
        Cause.DECREASE,
        "Side A says 50 people (North); side B says 100 people (North): one origin gave two figures; "
        "the later figure is below the earlier one, and a running total cannot shrink.",
        id="a running total that went down",
    ),
    pytest.param(
        "count",
        [said("s3", 30), said("s5", 80)],
        {},
        DisputeKind.WITHIN_ORIGIN,
        Cause.COPY,
        "Side A says 30 (O3); side B says 80 (O3): one origin gave two figures; "
        "probably a copy that changed its original.",
        id="a copy that changed its original",
    ),
    pytest.param(
        "quantity",
        [said("s1", 100, as_of=SAME_DAY), said("s2", 104.5, as_of=SAME_DAY)],
        {"tolerance": 0.05},
        DisputeKind.BETWEEN_MEDIA,
        Cause.NEAR,
        "Side A says 100 (O1); side B says 104.5 (O2): outlets report differently; "
        "probably rounding: 100 vs 104.5.",
        id="near figures",
    ),
    pytest.param(
        "date",
        [said("s1", "2020-09-27"), said("s2", "2020-09-28")],
        {},
        DisputeKind.BETWEEN_MEDIA,
        Cause.NEAR,
        "Side A says 27 Sep 2020 (O1); side B says 28 Sep 2020 (O2): outlets report differently; "
        "probably the same day told differently (a time zone, the night of): 27 Sep 2020 vs 28 Sep 2020.",
        id="near dates",
    ),
    pytest.param(
        "count",
        [said("s1", 10), said("s3", 40, qualifier="at_least")],
        {},
        DisputeKind.BETWEEN_MEDIA,
        Cause.TIME,
        "Side A says 10 (O1); side B says at least 40 (O3): outlets report differently; "
        "the figures are from different dates.",
        id="different dates",
    ),
    pytest.param(
        "count",
        [said("s1", 10, claimant="south"), said("s2", [45, 60], qualifier="between", as_of=SAME_DAY)],
        {},
        DisputeKind.BETWEEN_MEDIA,
        Cause.ACCOUNT,
        "Side A says 10 (South); side B says between 45 and 60 (O2): outlets report differently; "
        "the sources give different accounts.",
        id="different accounts; one party alone does not make two",
    ),
    pytest.param(
        "text",
        [said("s1", "Ceasefire", claimant="north"), said("s2", "war", claimant="north-mod-press")],
        {},
        DisputeKind.WITHIN_ORIGIN,
        Cause.TIME,
        "Side A says Ceasefire (North); side B says war (North): one origin gave two answers; "
        "the accounts are from different dates.",
        id="one party quoted differently",
    ),
]


@pytest.mark.parametrize("kind, assertions, fields, dispute_kind, cause, sentence", CASES)
def test_each_kind_and_cause(
    kind: str,
    assertions: list[dict[str, Any]],
    fields: dict[str, Any],
    dispute_kind: DisputeKind,
    cause: Cause,
    sentence: str,
) -> None:
    analysis = analyse(CORPUS, claim(kind, assertions, **fields))
    assert len(analysis.disputes) == 1
    dispute = analysis.disputes[0]
    assert (dispute.kind, dispute.cause) == (dispute_kind, cause)
    assert humanize.dispute_sentence(CORPUS, analysis, dispute) == sentence


def test_the_nearest_figures_are_chosen_across_both_sides() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "count",
            [
                said("s1", 4327, as_of=SAME_DAY),
                said("s1", 9000, as_of=SAME_DAY, claimant="south"),
                said("s2", 5327, as_of=SAME_DAY),
            ],
            tolerance=0.05,
        ),
    )
    (low, high) = analysis.sides[0], analysis.sides[1]
    assert [d.sides for d in analysis.disputes] == [(0, 1), (0, 2), (1, 2)]
    first = analysis.disputes[0]
    assert (first.a, first.b, first.near, first.cause) == (0, 2, (4327, 5327), Cause.TYPO)
    assert humanize.dispute_cause(CORPUS, analysis, first) == "probably a typo: 4,327 vs 5,327"
    assert low.assertions == (0,) and high.assertions == (2,)


@pytest.mark.parametrize(
    "x, y, expected",
    [
        (71, 17, True),  # two adjacent digits swapped
        (4327, 5327, True),  # one digit changed
        (500, 5000, True),  # one digit added
        (5000, 500, True),  # one dropped
        (1234, 4231, False),  # swapped, but not adjacent
        (10, 45, False),
        (2.5, 2.6, True),
        (71, 71, False),
        (100, 10000, False),
    ],
)
def test_typo(x: Any, y: Any, expected: bool) -> None:
    assert typo(x, y) is expected


def test_consensus_is_written_as_the_assertion_states_it() -> None:
    analysis = analyse(CORPUS, claim("count", [said("s1", 100, qualifier="nearly")], unit="villages"))
    assert humanize.consensus(CORPUS, analysis) == "nearly 100 villages"
    assert humanize.value_set(analysis.claim.claim.kind, analysis.consensus) == "90 to 99"
    both = analyse(CORPUS, claim("count", [said("s1", 100, qualifier="nearly"), said("s2", 95)]))
    assert humanize.consensus(CORPUS, both, unit=False) == "95"
    assert humanize.summary(CORPUS, both) == "95"


def test_statuses_in_words() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "count",
            [
                said("s1", 16, qualifier="at_least", as_of="2020-01-01"),
                said("s2", 6500, qualifier="more_than", as_of="2021-01-01"),
                said("s3", 20, retracted="withdrawn: the agency mixed up two towns"),
            ],
            cumulative=True,
        ),
    )
    assert [humanize.status(analysis, item) for item in analysis.items] == [
        "superseded by #2",
        "",
        "retracted: withdrawn: the agency mixed up two towns",
    ]
    assert humanize.side_label(0) == "A" and humanize.side_label(27) == "AB"
