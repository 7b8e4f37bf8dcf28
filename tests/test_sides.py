"""Sides, disputes and statuses as properties over random claims of every kind."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_compare import add_source, claim, corpus_with

from comparator.compare import Analysis, analyse
from comparator.corpus import Corpus
from comparator.review.dispute_changes import unmatched
from comparator.terms import Kind, OutletKind, Relation, Status, Verdict
from comparator.values import Interval

ORDERED = ["count", "quantity", "date"]
QUALIFIERS = ["exact", "at_least", "more_than", "at_most", "less_than", "about", "nearly", "between"]
CLAIMANTS = [None, None, "north", "north-mod", "north-mod-press", "south"]
SOURCES = {
    "s1": {"outlet": "o1", "published": "2020-01-01"},
    "s2": {"outlet": "o2", "published": "2020-01-05"},
    "s3": {"outlet": "o3", "published": "2020-02-01"},
    "s4": {"outlet": "o1", "published": "2020-03-01", "wire": "wire"},
    "s5": {"outlet": "o2", "published": "2020-03-02", "derived_from": "s3"},
    "s6": {"outlet": "gov", "published": "2020-01-05"},
}


def corpus() -> Corpus:
    built = corpus_with()
    from comparator.models import Outlet

    built.outlets["gov"] = Outlet(id="gov", name="Ministry", kind=OutletKind.OFFICIAL)
    for sid, fields in SOURCES.items():
        add_source(built, sid, **fields)
    return built


CORPUS = corpus()


@st.composite
def values(draw: Any, kind: str, qualifier: str) -> Any:
    if kind == "date":

        def one() -> str:
            day = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 90)))
            form = draw(st.sampled_from(["day", "day", "month"]))
            return day.isoformat() if form == "day" else day.isoformat()[:7]

        if qualifier == "between":
            a, b = sorted([one(), one()])
            return [a, b] if a[:7] <= b[:7] and a <= b else [b, b]
        return one()
    number = st.integers(1, 40) if kind == "count" else st.sampled_from([0.5, 1, 2.5, 7, 10, 17, 20, 33.3])
    if qualifier == "between":
        return sorted([draw(number), draw(number)])
    return draw(number)


@st.composite
def assertion(draw: Any, kind: str) -> dict[str, Any]:
    if kind in ORDERED:
        qualifier = draw(st.sampled_from(QUALIFIERS))
        value = draw(values(kind, qualifier))
    else:
        qualifier = "exact"
        value = draw(
            {
                "actor": st.sampled_from(["north", "north-mod", "north-mod-press", "south"]),
                "boolean": st.booleans(),
                "text": st.sampled_from(["Yes", "yes ", "No"]),
            }[kind]
        )
    found: dict[str, Any] = {
        "source": draw(st.sampled_from(sorted(SOURCES))),
        "value": value,
        "qualifier": qualifier,
        "claimant": draw(st.sampled_from(CLAIMANTS)),
    }
    if draw(st.booleans()):
        found["as_of"] = (dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 120)))).isoformat()
    if draw(st.integers(0, 9)) == 0:
        found["retracted"] = "the outlet corrected it"
    return found


@st.composite
def claims(draw: Any, kinds: list[str] | None = None) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    kind = draw(st.sampled_from(kinds or [*ORDERED, "actor", "boolean", "text"]))
    items = draw(st.lists(assertion(kind), min_size=1, max_size=7))
    fields: dict[str, Any] = {"tolerance": draw(st.sampled_from([0.0, 0.05, 0.1, 0.3]))}
    if kind in ("count", "quantity"):
        fields["cumulative"] = draw(st.booleans())
    return kind, items, fields


def analysed(kind: str, items: list[dict[str, Any]], fields: dict[str, Any]) -> Analysis | None:
    try:
        built = claim(kind, items, **fields)
    except ValueError:  # a random draw the models refuse ("nearly 0", a range over months)
        return None
    return analyse(CORPUS, built)


def relation(analysis: Analysis, i: int, j: int) -> Relation:
    for p in analysis.pairs:
        if {p.a, p.b} == {i, j}:
            return p.relation
    raise AssertionError(f"no relation between #{i} and #{j}")


def compatible(analysis: Analysis, i: int, j: int) -> bool:
    return i == j or relation(analysis, i, j) is not Relation.CONTRADICT


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(claims())
def test_sides_cover_are_compatible_and_maximal(drawn: Any) -> None:
    analysis = analysed(*drawn)
    if analysis is None:
        return
    current = {item.index for item in analysis.items if item.status is Status.CURRENT}
    sides = [set(s.assertions) for s in analysis.sides]
    assert set().union(*sides) == current  # every current assertion is on a side, nothing else
    for side in sides:
        for i, j in itertools.combinations(sorted(side), 2):
            assert compatible(analysis, i, j)
        for other in current - side:  # no side can take another current assertion
            assert any(not compatible(analysis, other, member) for member in side)
    assert len({frozenset(s) for s in sides}) == len(sides)
    assert (analysis.verdict is Verdict.CONTESTED) == (len(sides) >= 2)
    for side in analysis.sides:
        assert side.support == len(side.origins) == len({analysis.items[i].origin for i in side.assertions})


@PROPERTY
@given(claims(ORDERED))
def test_with_intervals_every_two_sides_form_a_dispute(drawn: Any) -> None:
    analysis = analysed(*drawn)
    if analysis is None:
        return
    pairs = {frozenset(d.sides) for d in analysis.disputes}
    assert len(pairs) == len(analysis.disputes)
    for i, j in itertools.combinations(range(len(analysis.sides)), 2):
        assert frozenset((i, j)) in pairs
        first, second = set(analysis.sides[i].assertions), set(analysis.sides[j].assertions)
        assert any(not compatible(analysis, x, y) for x in first - second for y in second - first), (
            "two sides contradict on their exclusive assertions"
        )
    for dispute in analysis.disputes:
        first, second = (set(analysis.sides[n].assertions) for n in dispute.sides)
        assert dispute.a in first - second and dispute.b in second - first


def signature(analysis: Analysis, order: list[int]) -> tuple[Any, ...]:
    """Sides and verdict with assertions named by their index in the original order."""
    sides = frozenset((frozenset(order[i] for i in side.assertions), side.origins) for side in analysis.sides)
    statuses = tuple(sorted((order[item.index], item.status) for item in analysis.items))
    return analysis.verdict, sides, statuses, analysis.consensus


@PROPERTY
@given(claims(), st.randoms(use_true_random=False))
def test_verdict_and_sides_do_not_depend_on_order(drawn: Any, random: Any) -> None:
    kind, items, fields = drawn
    analysis = analysed(kind, items, fields)
    if analysis is None:
        return
    order = list(range(len(items)))
    random.shuffle(order)
    shuffled = analysed(kind, [items[i] for i in order], fields)
    assert shuffled is not None
    assert signature(shuffled, order) == signature(analysis, list(range(len(items))))
    assert sorted((d.kind, d.cause) for d in shuffled.disputes) == sorted(
        (d.kind, d.cause) for d in analysis.disputes
    )


def point_within(kind: str, values: Any) -> Any:
    """A value an exact assertion can state that lies inside `values` (a side's common value)."""
    if not isinstance(values, Interval):
        return values.shown
    low, high = values.low, values.high
    if kind == "date":
        lowest = dt.date(2019, 1, 1).toordinal() if low is None else int(low)
        return dt.date.fromordinal(lowest if low is not None or high is None else int(high)).isoformat()
    if kind == "count":
        return int(low) if low is not None else int(high)  # type: ignore[arg-type]
    if low is not None and high is not None:
        return (low + high) / 2
    bound = low if low is not None else high
    return bound + (1 if low is not None else -1)  # type: ignore[operator]


@PROPERTY
@given(claims(), st.data())
def test_a_value_within_a_side_never_adds_a_dispute(drawn: Any, data: Any) -> None:
    kind, items, fields = drawn
    before = analysed(kind, items, fields)
    if before is None or not before.sides:
        return
    side = data.draw(st.sampled_from(before.sides))
    assume(not (isinstance(side.value, Interval) and side.value.empty))  # nothing lies within
    member = before.items[data.draw(st.sampled_from(side.assertions))].assertion
    added = {
        "source": member.source,
        "claimant": member.claimant,
        "value": point_within(kind, side.value),
        "qualifier": "exact",
    }
    if member.as_of is not None:
        added["as_of"] = member.as_of.iso()
    after = analysed(kind, [*items, added], fields)
    assert after is not None
    assert unmatched(after, before) == []
    assert len(after.disputes) <= len(before.disputes)


@PROPERTY
@given(claims(["count", "quantity"]))
def test_corroborated_counts_only_current_origins(drawn: Any) -> None:
    analysis = analysed(*drawn)
    if analysis is None:
        return
    current = {item.origin for item in analysis.items if item.status is Status.CURRENT}
    assert set(analysis.origins) == current
    if analysis.verdict is Verdict.CORROBORATED:
        assert len(current) >= 2
    if analysis.verdict is Verdict.SINGLE_ORIGIN:
        assert len(current) <= 1
    superseded = {p.a for p in analysis.pairs if p.relation is Relation.SUPERSEDE}
    for item in analysis.items:
        if item.assertion.retracted:
            assert item.status is Status.RETRACTED
            assert all(item.index not in (p.a, p.b) for p in analysis.pairs)
        elif item.index in superseded:
            assert item.status is Status.SUPERSEDED
        else:
            assert item.status is Status.CURRENT


def test_a_superseded_figure_from_another_origin_corroborates_nothing() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "count",
            [
                {"source": "s1", "value": 16, "qualifier": "at_least", "as_of": "2020-01-01"},
                {"source": "s2", "value": 6500, "qualifier": "more_than", "as_of": "2021-01-01"},
            ],
            cumulative=True,
        ),
    )
    assert [item.status for item in analysis.items] == [Status.SUPERSEDED, Status.CURRENT]
    assert analysis.verdict is Verdict.SINGLE_ORIGIN
    assert analysis.origins == ("o2",)
    assert analysis.consensus == Interval(6501, None)


def test_a_retracted_figure_leaves_the_comparison_but_stays_on_record() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "count",
            [
                {"source": "s1", "value": 71},
                {"source": "s2", "value": 17, "retracted": "corrected to 71 the next day"},
                {"source": "s3", "value": 71},
            ],
        ),
    )
    assert [item.status for item in analysis.items] == [Status.CURRENT, Status.RETRACTED, Status.CURRENT]
    assert [(p.a, p.b) for p in analysis.pairs] == [(0, 2)]
    assert analysis.verdict is Verdict.CORROBORATED
    assert [s.assertions for s in analysis.sides] == [(0, 2)]
    assert [c.assertions for c in analysis.clusters] == [(0, 2)]


def test_a_broad_value_sits_with_both_sides() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "count",
            [
                {"source": "s1", "value": 100, "qualifier": "at_least"},
                {"source": "s2", "value": 120},
                {"source": "s3", "value": 150},
            ],
        ),
    )
    assert [(s.assertions, s.origins, s.support) for s in analysis.sides] == [
        ((0, 1), ("o1", "o2"), 2),
        ((0, 2), ("o1", "o3"), 2),
    ]
    assert len(analysis.disputes) == 1
    dispute = analysis.disputes[0]
    assert (dispute.sides, dispute.a, dispute.b) == ((0, 1), 1, 2)  # judged on 120 vs 150 alone


def test_actor_sides_gather_around_the_innermost_actors() -> None:
    analysis = analyse(
        CORPUS,
        claim(
            "actor",
            [
                {"source": "s1", "value": "north"},
                {"source": "s2", "value": "north-mod"},
                {"source": "s3", "value": "south"},
                {"source": "s6", "value": "north-mod-press"},
            ],
        ),
    )
    assert [(s.assertions, s.value.shown) for s in analysis.sides] == [  # type: ignore[union-attr]
        ((0, 1, 3), "north-mod-press"),
        ((2,), "south"),
    ]
    assert Kind(analysis.claim.claim.kind) is Kind.ACTOR


def test_the_same_empty_figure_at_two_dates_agrees() -> None:
    """Found by the properties above: "nearly 0.5" with no tolerance allows no value, and a
    running total comparing it with itself by its ends read a fall where nothing changed."""
    items = [
        {"source": "s1", "value": 0.5, "qualifier": "nearly"},
        {"source": "s1", "value": 0.5, "qualifier": "nearly", "as_of": "2020-01-02"},
    ]
    analysis = analysed("quantity", items, {"cumulative": True, "tolerance": 0.0})
    assert analysis is not None
    assert relation(analysis, 0, 1) is Relation.AGREE
    assert len(analysis.sides) == 1 and not analysis.disputes
