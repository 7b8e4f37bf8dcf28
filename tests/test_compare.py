"""Comparison semantics: value sets, relations, origins, verdicts, clusters and consensus."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.compare import analyse, origin_of
from comparator.corpus import Corpus
from comparator.dates import PartialDate
from comparator.models import Actor, Claim, Outlet, SourceMeta
from comparator.parse import ClaimFile, SourceFile
from comparator.terms import Kind, Qualifier, Relation, Verdict
from comparator.values import Interval, value_set
from comparator.yamlmarks import Marks

# --- a corpus built in memory -------------------------------------------------------------

OUTLETS = ["o1", "o2", "o3"]
ACTORS = {"north": None, "north-mod": "north", "north-mod-press": "north-mod", "south": None}


def corpus_with(sources: dict[str, dict[str, Any]] | None = None) -> Corpus:
    corpus = Corpus(Path("."))
    for o in [*OUTLETS, "wire"]:
        corpus.outlets[o] = Outlet(id=o, name=o.upper())
    for a, parent in ACTORS.items():
        corpus.actors[a] = Actor(id=a, name=a.title(), part_of=parent)
    for o in OUTLETS:
        add_source(corpus, f"{o}-s", outlet=o)
    for sid, fields in (sources or {}).items():
        add_source(corpus, sid, **fields)
    return corpus


def add_source(
    corpus: Corpus, sid: str, outlet: str = "o1", published: str = "2020-01-01", **extra: Any
) -> None:
    meta = SourceMeta(id=sid, outlet=outlet, title=sid, published=published, language="en", **extra)
    corpus.sources[sid] = SourceFile(f"sources/{outlet}/{sid}.md", meta, "body", 8, Marks())


def claim(kind: str, assertions: list[dict[str, Any]], **fields: Any) -> ClaimFile:
    data = {"question": "q?", "kind": kind, **fields, "assertions": [{"quote": "x", **a} for a in assertions]}
    return ClaimFile("c", "t", "claims/t/c.yaml", Claim.from_data(data), Marks())


def relation(
    kind: str, a: dict[str, Any], b: dict[str, Any], corpus: Corpus | None = None, **fields: Any
) -> Relation:
    corpus = corpus or corpus_with()
    base = {"source": "o1-s"}
    analysis = analyse(corpus, claim(kind, [{**base, **a}, {**base, "source": "o2-s", **b}], **fields))
    return analysis.pairs[0].relation


# --- value sets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qualifier, value, expected",
    [
        ("exact", 100, (100, 100)),
        ("at_least", 100, (100, None)),
        ("more_than", 100, (101, None)),
        ("at_most", 100, (0, 100)),
        ("less_than", 100, (0, 99)),
        ("about", 100, (90, 110)),
        ("nearly", 100, (90, 99)),
        ("nearly", 5, (4, 4)),
        ("between", [10, 20], (10, 20)),
        ("about", 2802, (2522, 3082)),
    ],
)
def test_count_intervals(qualifier: str, value: Any, expected: tuple[Any, Any]) -> None:
    v = tuple(value) if isinstance(value, list) else value
    interval = value_set(Kind.COUNT, Qualifier(qualifier), v, 0.1)
    assert (interval.low, interval.high) == expected


def test_quantity_keeps_open_ends() -> None:
    more = value_set(Kind.QUANTITY, Qualifier.MORE_THAN, 5, 0.1)
    less = value_set(Kind.QUANTITY, Qualifier.LESS_THAN, 5, 0.1)
    exact = value_set(Kind.QUANTITY, Qualifier.EXACT, 5, 0.1)
    assert not more.meets(exact) and not less.meets(exact) and not more.meets(less)
    assert value_set(Kind.QUANTITY, Qualifier.AT_MOST, 5, 0.1) == Interval(None, 5)
    nearly = value_set(Kind.QUANTITY, Qualifier.NEARLY, 3, 0.1)
    assert nearly.meets(value_set(Kind.QUANTITY, Qualifier.EXACT, 2.7, 0.1)) and not nearly.meets(exact)


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


@pytest.mark.parametrize(
    "qualifier, value, low, high",
    [
        ("exact", "2020-11", "2020-11-01", "2020-11-30"),
        ("exact", 2020, "2020-01-01", "2020-12-31"),
        ("exact", "2020-02", "2020-02-01", "2020-02-29"),
        ("at_least", "2020-11", "2020-11-01", None),
        ("more_than", "2020-11", "2020-12-01", None),
        ("at_most", "2020-11-10", None, "2020-11-10"),
        ("less_than", "2020-11-10", None, "2020-11-09"),
    ],
)
def test_date_precision_is_a_span(qualifier: str, value: Any, low: str | None, high: str | None) -> None:
    interval = value_set(Kind.DATE, Qualifier(qualifier), PartialDate.parse(value), 0.1)
    assert (interval.low, interval.high) == (low and day(low), high and day(high))


# --- relations -------------------------------------------------------------------------------


def test_relation_examples_from_the_contract() -> None:
    assert relation("count", {"value": 2802, "qualifier": "at_least"}, {"value": 2906}) is Relation.COMPATIBLE
    assert relation("date", {"value": "2020-11"}, {"value": "2020-11-10"}) is Relation.COMPATIBLE
    assert relation("date", {"value": "2020-11-10"}, {"value": "2020-11-10"}) is Relation.AGREE
    assert relation("count", {"value": 5}, {"value": 6}) is Relation.CONTRADICT
    assert (
        relation("count", {"value": 5, "qualifier": "more_than"}, {"value": 6, "qualifier": "less_than"})
        is Relation.CONTRADICT
    )


def test_cumulative_supersede_and_shrink() -> None:
    early = {"value": 16, "qualifier": "at_least", "as_of": "2020-09-28"}
    late = {"value": 6500, "qualifier": "more_than", "as_of": "2021-11-24"}
    assert relation("count", early, late, cumulative=True) is Relation.SUPERSEDE
    assert relation("count", late, early, cumulative=True) is Relation.SUPERSEDE
    assert relation("count", early, late) is Relation.COMPATIBLE  # not a running total
    shrunk = {"value": 10, "as_of": "2021-01-01"}
    assert (
        relation("count", {"value": 16, "as_of": "2020-09-28"}, shrunk, cumulative=True)
        is Relation.CONTRADICT
    )
    same_day = {"value": 20, "as_of": "2020-09-28"}
    assert (
        relation("count", {"value": 16, "as_of": "2020-09-28"}, same_day, cumulative=True)
        is Relation.CONTRADICT
    )
    # a later, more precise figure inside the earlier range is compatible, not newer news
    assert (
        relation(
            "count",
            {"value": 7000, "qualifier": "about", "as_of": "2020-10-01"},
            {"value": 6900, "as_of": "2020-12-01"},
            cumulative=True,
        )
        is Relation.COMPATIBLE
    )


def test_supersede_points_from_the_earlier_assertion() -> None:
    corpus = corpus_with()
    c = claim(
        "count",
        [
            {"source": "o1-s", "value": 100, "as_of": "2021-01-01"},
            {"source": "o2-s", "value": 50, "as_of": "2020-01-01"},
        ],
        cumulative=True,
    )
    pair = analyse(corpus, c).pairs[0]
    assert (pair.a, pair.b, pair.relation) == (1, 0, Relation.SUPERSEDE)


def test_actor_and_its_part_are_compatible() -> None:
    assert relation("actor", {"value": "north"}, {"value": "north-mod-press"}) is Relation.COMPATIBLE
    assert relation("actor", {"value": "north"}, {"value": "south"}) is Relation.CONTRADICT
    assert relation("actor", {"value": "south"}, {"value": "south"}) is Relation.AGREE


def test_text_is_compared_folded() -> None:
    assert relation("text", {"value": "Jermuk,  Goris"}, {"value": "jermuk, goris"}) is Relation.AGREE
    assert relation("text", {"value": "Sochi"}, {"value": "Moscow"}) is Relation.CONTRADICT
    assert relation("boolean", {"value": True}, {"value": False}) is Relation.CONTRADICT


# --- origins --------------------------------------------------------------------------------


def test_origins() -> None:
    corpus = corpus_with(
        {
            "w1": {"outlet": "o1", "wire": "wire"},
            "w2": {"outlet": "o2", "wire": "wire"},
            "copy": {"outlet": "o3", "derived_from": "w1"},
            "loop-a": {"outlet": "o1", "derived_from": "loop-b"},
            "loop-b": {"outlet": "o2", "derived_from": "loop-a"},
        }
    )
    c = claim(
        "count",
        [
            {"source": "w1", "value": 1},
            {"source": "w2", "value": 1},
            {"source": "copy", "value": 1},
            {"source": "o1-s", "value": 1, "claimant": "north-mod-press"},
            {"source": "o2-s", "value": 1},
            {"source": "loop-a", "value": 1},
        ],
    )
    assert [origin_of(corpus, a) for a in c.claim.assertions] == ["wire", "wire", "wire", "north", "o2", "o1"]


# --- verdicts, clusters, consensus ----------------------------------------------------------


def test_verdicts_and_dispute_kinds() -> None:
    corpus = corpus_with()
    dispute = analyse(
        corpus,
        claim(
            "actor",
            [
                {"source": "o1-s", "value": "south", "claimant": "north-mod"},
                {"source": "o2-s", "value": "north", "claimant": "south"},
            ],
        ),
    )
    assert dispute.verdict is Verdict.CONTESTED and not dispute.contradictions[0].same_origin
    discrepancy = analyse(
        corpus,
        claim(
            "count",
            [
                {"source": "o1-s", "value": 5, "claimant": "north"},
                {"source": "o2-s", "value": 7, "claimant": "north-mod"},
            ],
        ),
    )
    assert discrepancy.verdict is Verdict.CONTESTED and discrepancy.contradictions[0].same_origin
    single = analyse(corpus, claim("count", [{"source": "o1-s", "value": 5}, {"source": "o1-s", "value": 5}]))
    assert single.verdict is Verdict.SINGLE_ORIGIN
    both = analyse(
        corpus,
        claim(
            "count", [{"source": "o1-s", "value": 5}, {"source": "o2-s", "value": 5, "qualifier": "about"}]
        ),
    )
    assert both.verdict is Verdict.CORROBORATED
    assert (both.consensus.low, both.consensus.high) == (5, 5)


def test_cumulative_consensus() -> None:
    corpus = corpus_with()
    a = analyse(
        corpus,
        claim(
            "count",
            [
                {"source": "o1-s", "value": 16, "qualifier": "at_least", "as_of": "2020-09-28"},
                {"source": "o2-s", "value": 6500, "qualifier": "more_than", "as_of": "2021-11-24"},
                {"source": "o3-s", "value": 8000, "qualifier": "at_most", "as_of": "2021-11-24"},
                {"source": "o3-s", "value": 9000, "qualifier": "at_most", "as_of": "2021-01-01"},
            ],
            cumulative=True,
        ),
    )
    assert a.verdict is Verdict.CORROBORATED
    assert (a.consensus.low, a.consensus.high) == (6501, 8000)


def test_clusters_of_intervals_are_maximal_common_points() -> None:
    corpus = corpus_with()
    a = analyse(
        corpus,
        claim(
            "count",
            [
                {"source": "o1-s", "value": [1, 10], "qualifier": "between"},
                {"source": "o2-s", "value": [5, 15], "qualifier": "between"},
                {"source": "o3-s", "value": [12, 20], "qualifier": "between"},
                {"source": "o1-s", "value": 30, "claimant": "south"},
            ],
        ),
    )
    assert [(c.assertions, c.origins) for c in a.clusters] == [
        ((0, 1), ("o1", "o2")),
        ((1, 2), ("o2", "o3")),
        ((3,), ("south",)),
    ]


def test_actor_clusters_and_consensus() -> None:
    corpus = corpus_with()
    a = analyse(
        corpus,
        claim(
            "actor",
            [
                {"source": "o1-s", "value": "north"},
                {"source": "o2-s", "value": "north-mod"},
            ],
        ),
    )
    assert a.verdict is Verdict.CORROBORATED
    assert [c.assertions for c in a.clusters] == [(0, 1)]
    assert a.consensus.value == "north-mod"


# --- properties -------------------------------------------------------------------------------

QUALIFIERS = ["exact", "at_least", "more_than", "at_most", "less_than", "about", "nearly", "between"]
RANGE = range(0, 400)


def oracle(qualifier: str, v: Any) -> frozenset[int]:
    """The integers (up to 400) a count assertion allows, written straight from the contract."""
    t = 0.1
    tests = {
        "exact": lambda x: x == v,
        "at_least": lambda x: x >= v,
        "more_than": lambda x: x > v,
        "at_most": lambda x: x <= v,
        "less_than": lambda x: x < v,
        "about": lambda x: v * (1 - t) - 1e-9 <= x <= v * (1 + t) + 1e-9,
        "nearly": lambda x: min(v * (1 - t) - 1e-9, v - 1) <= x < v,
        "between": lambda x: v[0] <= x <= v[1],
    }
    return frozenset(x for x in RANGE if tests[qualifier](x))


@st.composite
def count_assertion(draw: Any, sources: tuple[str, ...] = ("o1-s", "o2-s", "o3-s")) -> dict[str, Any]:
    qualifier = draw(st.sampled_from(QUALIFIERS))
    if qualifier == "between":
        low = draw(st.integers(0, 100))
        value: Any = [low, draw(st.integers(low, 120))]
    else:
        value = draw(st.integers(1 if qualifier in ("less_than", "nearly") else 0, 120))
    a = {"source": draw(st.sampled_from(sources)), "value": value, "qualifier": qualifier}
    if draw(st.booleans()):
        a["as_of"] = draw(st.sampled_from(["2020-01-01", "2020-06", "2021-01-01"]))
    if draw(st.booleans()):
        a["claimant"] = draw(st.sampled_from(sorted(ACTORS)))
    return a


@settings(max_examples=300, deadline=None)
@given(count_assertion(), count_assertion())
def test_non_cumulative_relation_matches_the_set_oracle(a: dict[str, Any], b: dict[str, Any]) -> None:
    x = oracle(a["qualifier"], a["value"])
    y = oracle(b["qualifier"], b["value"])
    expected = Relation.AGREE if x == y else Relation.CONTRADICT if not x & y else Relation.COMPATIBLE
    c = claim("count", [a, b])
    assert analyse(corpus_with(), c).pairs[0].relation is expected


@settings(max_examples=200, deadline=None)
@given(count_assertion(), count_assertion(), st.booleans())
def test_relations_are_symmetric_but_supersede_keeps_its_direction(
    a: dict[str, Any], b: dict[str, Any], cumulative: bool
) -> None:
    corpus = corpus_with()
    ab = analyse(corpus, claim("count", [a, b], cumulative=cumulative)).pairs[0]
    ba = analyse(corpus, claim("count", [b, a], cumulative=cumulative)).pairs[0]
    assert ab.relation is ba.relation and ab.same_origin == ba.same_origin
    if ab.relation is Relation.SUPERSEDE:
        assert (ab.a, ab.b) == (1 - ba.a, 1 - ba.b)


@settings(max_examples=100, deadline=None)
@given(count_assertion(), st.booleans())
def test_an_assertion_agrees_with_itself(a: dict[str, Any], cumulative: bool) -> None:
    pair = analyse(corpus_with(), claim("count", [a, a], cumulative=cumulative)).pairs[0]
    assert pair.relation is Relation.AGREE and pair.same_origin


@settings(max_examples=150, deadline=None)
@given(st.lists(count_assertion(), min_size=1, max_size=6), st.booleans(), st.randoms())
def test_verdict_does_not_depend_on_order(
    assertions: list[dict[str, Any]], cumulative: bool, rnd: Any
) -> None:
    corpus = corpus_with()
    shuffled = list(assertions)
    rnd.shuffle(shuffled)
    one = analyse(corpus, claim("count", assertions, cumulative=cumulative))
    two = analyse(corpus, claim("count", shuffled, cumulative=cumulative))
    assert one.verdict is two.verdict and one.origins == two.origins
    assert one.consensus == two.consensus


@settings(max_examples=150, deadline=None)
@given(st.lists(count_assertion(), min_size=1, max_size=5), st.data())
def test_repeating_an_origin_never_corroborates(assertions: list[dict[str, Any]], data: Any) -> None:
    corpus = corpus_with()
    before = analyse(corpus, claim("count", assertions))
    if before.verdict is not Verdict.SINGLE_ORIGIN:
        return
    twin = data.draw(st.sampled_from(assertions))
    extra = {k: v for k, v in data.draw(count_assertion()).items() if k != "claimant"}
    extra["source"] = twin["source"]
    if "claimant" in twin:
        extra["claimant"] = twin["claimant"]
    after = analyse(corpus, claim("count", [*assertions, extra]))
    assert after.verdict is not Verdict.CORROBORATED


@settings(max_examples=200, deadline=None)
@given(st.lists(count_assertion(), min_size=1, max_size=7))
def test_clusters_cover_everything_and_are_maximal_cliques(assertions: list[dict[str, Any]]) -> None:
    analysis = analyse(corpus_with(), claim("count", assertions))
    sets = [oracle(a["qualifier"], a["value"]) for a in assertions]
    covered = {i for c in analysis.clusters for i in c.assertions}
    assert covered == set(range(len(assertions)))
    for cluster in analysis.clusters:
        common = frozenset.intersection(*(sets[i] for i in cluster.assertions))
        assert common, "a cluster shares a value"
        outsiders = set(range(len(assertions))) - set(cluster.assertions)
        assert all(not (common & sets[j]) or not _can_extend(sets, cluster.assertions, j) for j in outsiders)
    # no cluster is contained in another
    for c1, c2 in itertools.permutations(analysis.clusters, 2):
        assert not set(c1.assertions) <= set(c2.assertions)


def _can_extend(sets: list[frozenset[int]], members: tuple[int, ...], j: int) -> bool:
    return bool(frozenset.intersection(*(sets[i] for i in members)) & sets[j])


def test_overlapping_as_of_periods_have_no_order() -> None:
    yearly = {"value": 50, "as_of": 2020}
    june = {"value": 100, "as_of": "2020-06-01"}
    assert relation("count", yearly, june, cumulative=True) is Relation.CONTRADICT
    assert relation("count", {"value": 50, "as_of": 2019}, june, cumulative=True) is Relation.SUPERSEDE


def test_cumulative_claim_citing_an_unknown_source_still_compares() -> None:
    corpus = corpus_with()
    c = claim(
        "count",
        [{"source": "nowhere", "value": 5}, {"source": "o1-s", "value": 7, "as_of": "2021-01-01"}],
        cumulative=True,
    )
    analysis = analyse(corpus, c)
    assert analysis.items[0].as_of is None
    assert analysis.pairs[0].relation is Relation.CONTRADICT  # undated: compared as simultaneous
    assert analysis.verdict is Verdict.CONTESTED
