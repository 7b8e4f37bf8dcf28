"""Values written as a person writes them: "at least 2,802", "Nov 2020", "about 7,000"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from comparator.dates import PartialDate, human_day
from comparator.terms import Cause, DisputeKind, Kind, Qualifier, Relation, Status
from comparator.values import Interval, Point, ValueSet, same

if TYPE_CHECKING:  # printing a claim from the cache loads neither the models nor the comparison
    from comparator.compare import Analysis, Dispute, Item, Side
    from comparator.corpus import Corpus

_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_MOST: "at most ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.ABOUT: "about ",
    Qualifier.NEARLY: "nearly ",
}
_DATE_WORDS = {
    Qualifier.AT_LEAST: "on or after ",
    Qualifier.MORE_THAN: "after ",
    Qualifier.AT_MOST: "on or before ",
    Qualifier.LESS_THAN: "before ",
}


def number(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return (
            f"{value:,.0f}"
            if value.is_integer()
            else f"{value:,.6g}"
            if abs(value) < 1000
            else f"{value:,.2f}"
        )
    if isinstance(value, PartialDate):
        return value.human()
    return str(value)


def value(kind: Kind, qualifier: Qualifier, raw: Any, unit: str | None = None, names: Any = None) -> str:
    """One assertion's value with its qualifier; `names` maps actor ids to names."""
    if qualifier is Qualifier.BETWEEN:
        text = f"between {number(raw[0])} and {number(raw[1])}"
    elif kind is Kind.DATE:
        text = _DATE_WORDS.get(qualifier, _WORDS[qualifier]) + number(raw)
    elif kind is Kind.ACTOR and names is not None:
        text = names(raw)
    else:
        text = _WORDS[qualifier] + number(raw)
    return (
        with_unit(text, unit, raw if qualifier is Qualifier.EXACT else None)
        if kind in (Kind.COUNT, Kind.QUANTITY)
        else text
    )


def with_unit(text: str, unit: str | None, amount: Any = None) -> str:
    """`3 helicopters`, and `1 helicopter`: units are written plural, so one drops the s."""
    if not unit:
        return text
    if amount == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    return f"{text} {unit}"


def item_value(analysis: Analysis, item: Item, names: Any = None, unit: bool = False) -> str:
    claim = analysis.claim.claim
    a = item.assertion
    return value(claim.kind, a.qualifier, a.value, claim.unit if unit else None, names)


def _bound(kind: Kind, x: Any) -> str:
    if kind is Kind.DATE:
        return human_day(dt.date.fromordinal(int(x)))
    return number(int(x) if isinstance(x, float) and x.is_integer() else x)


def value_set(kind: Kind, values: ValueSet | None, names: Any = None) -> str:
    """A consensus or any value set, e.g. "at least 2,802", "2,802 to 5,000", "27 Sep 2020"."""
    if values is None:
        return "none"
    if isinstance(values, Point):
        if kind is Kind.ACTOR and names is not None:
            return str(names(values.value))
        return number(values.shown)
    low, high = values.low, values.high
    if kind is Kind.COUNT and low == 0:
        low = None if high is not None else 0
    if low is None and high is None:
        return "any value"
    if low is None:
        if kind is Kind.DATE:
            return ("before " if values.high_open else "on or before ") + _bound(kind, high)
        return ("less than " if values.high_open else "at most ") + _bound(kind, high)
    if high is None:
        word = "more than " if values.low_open else ("on or after " if kind is Kind.DATE else "at least ")
        return word + _bound(kind, low)
    if low == high:
        return _bound(kind, low)
    if kind is Kind.DATE:
        first, last = dt.date.fromordinal(int(low)), dt.date.fromordinal(int(high))
        if first.day == 1 and (last + dt.timedelta(days=1)).day == 1:
            if first.year == last.year and first.month == last.month:
                return PartialDate(first.year, first.month).human()
            if first.month == 1 and last.month == 12 and first.year == last.year:
                return str(first.year)
    above = "over " if values.low_open else ""
    below = "under " if values.high_open else ""
    return f"{above}{_bound(kind, low)} to {below}{_bound(kind, high)}"


def origin_name(corpus: Corpus, origin: str) -> str:
    if origin in corpus.actors:
        return corpus.actor_name(origin)
    return corpus.outlet_name(origin)


def side(corpus: Any, analysis: Analysis, item: Item) -> str:
    """ "Republika (28 Sep 2020), quoting Armenia's defence ministry, says at least 16 people"."""
    outlet = corpus.outlet_name(item.outlet) if item.outlet else item.assertion.source
    when = f" ({item.published.human()})" if item.published else ""
    claimant = item.assertion.claimant
    voice = f", quoting {corpus.actor_name(claimant)}," if claimant else ", in its own voice,"
    said = item_value(analysis, item, corpus.actor_name, unit=True)
    as_of = f" as of {item.as_of.human()}" if item.as_of and item.as_of != item.published else ""
    return f"{outlet}{when}{voice} says {said}{as_of}"


def summary(corpus: Any, analysis: Analysis) -> str:
    """The consensus, or the competing values side by side."""
    if analysis.consensus is not None:
        return consensus(corpus, analysis, unit=analysis.claim.claim.kind in (Kind.COUNT, Kind.QUANTITY))
    return " vs ".join(side_value(corpus, analysis, side) for side in analysis.sides)


def side_label(n: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the label of the claim's side number `n` (from 0)."""
    label = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def stated(corpus: Any, analysis: Analysis, values: ValueSet, members: Any, unit: bool = False) -> str:
    """`values` as one of `members` (items) states it when it is exactly that item's value set
    ("nearly 100", not "90 to 99"); otherwise as a range."""
    for item in sorted(members, key=lambda i: i.index):
        if same(item.values, values):
            return item_value(analysis, item, corpus.actor_name, unit=unit)
    claim = analysis.claim.claim
    text = value_set(claim.kind, values, corpus.actor_name)
    if not unit or claim.kind not in (Kind.COUNT, Kind.QUANTITY):
        return text
    amount = values.low if isinstance(values, Interval) and values.low == values.high else None
    return with_unit(text, claim.unit, amount)


def consensus(corpus: Any, analysis: Analysis, unit: bool = True) -> str:
    """The consensus as people write it, or "none" for a contested claim."""
    if analysis.consensus is None:
        return "none"
    return stated(corpus, analysis, analysis.consensus, analysis.current, unit)


def side_value(corpus: Any, analysis: Analysis, side: Side, unit: bool = False) -> str:
    """What a side holds, as its assertions state it ("at least 2,802", "South")."""
    return stated(corpus, analysis, side.value, [analysis.items[i] for i in side.assertions], unit)


def names(corpus: Any, origins: Any) -> str:
    """Origins by name: "The Daily", "The Daily and Herald", "The Daily, Herald and Wire"."""
    shown = [origin_name(corpus, o) for o in origins]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _noun(kind: Kind) -> str:
    return {Kind.COUNT: "figures", Kind.QUANTITY: "figures", Kind.DATE: "dates"}.get(kind, "answers")


def _exclusive(analysis: Analysis, dispute: Dispute, n: int) -> list[Item]:
    mine = analysis.sides[dispute.sides[n]].assertions
    theirs = set(analysis.sides[dispute.sides[1 - n]].assertions)
    return [analysis.items[i] for i in mine if i not in theirs]


def dispute_kind(corpus: Any, analysis: Analysis, dispute: Dispute) -> str:
    """Who disagrees: "North and South dispute this", "outlets report differently",
    "one origin gave two figures"."""
    if dispute.kind is DisputeKind.WITHIN_ORIGIN:
        return f"one origin gave two {_noun(analysis.claim.claim.kind)}"
    if dispute.kind is DisputeKind.BETWEEN_MEDIA:
        return "outlets report differently"
    from comparator.disputes import is_party  # the comparison's own rule, loaded only to build a view

    parties: list[str] = []
    for n in (0, 1):
        for item in _exclusive(analysis, dispute, n):
            if is_party(corpus, item) and item.origin not in parties:
                parties.append(item.origin)
    return f"{names(corpus, parties)} dispute this"


def _figure(analysis: Analysis, index: int, value: Any) -> str:
    """One of the nearest figures as its assertion states it (a date by its own precision)."""
    if analysis.claim.claim.kind is not Kind.DATE:
        return number(value)
    a = analysis.items[index].assertion
    for date in a.value if a.qualifier is Qualifier.BETWEEN else (a.value,):
        if date.first.toordinal() == value:
            return str(date.human())
    return human_day(dt.date.fromordinal(int(value)))  # pragma: no cover - always stated


def dispute_cause(corpus: Any, analysis: Analysis, dispute: Dispute) -> str:
    """The likely cause: "probably a typo: 71 vs 17", "the figures are from different dates"."""
    kind = analysis.claim.claim.kind
    pair = ""
    if dispute.near is not None:
        x, y = dispute.near
        pair = f"{_figure(analysis, dispute.a, x)} vs {_figure(analysis, dispute.b, y)}"
    if dispute.cause is Cause.DECREASE:
        return "the later figure is below the earlier one, and a running total cannot shrink"
    if dispute.cause is Cause.COPY:
        return "probably a copy that changed its original"
    if dispute.cause is Cause.NEAR:
        if kind is Kind.DATE:
            return f"probably the same day told differently (a time zone, the night of): {pair}"
        return f"probably rounding: {pair}"
    if dispute.cause is Cause.TIME:
        return (
            f"the {'figures' if kind in (Kind.COUNT, Kind.QUANTITY) else 'accounts'} are from different dates"
        )
    if dispute.cause is Cause.TYPO:
        return f"probably a typo: {pair}"
    return "the sources give different accounts"


def dispute_sentence(corpus: Any, analysis: Analysis, dispute: Dispute) -> str:
    """One plain sentence: both sides with their origins, who disagrees, and the likely cause.

    "Side A says 71 soldiers (The Daily); side B says 17 soldiers (Herald): outlets report
    differently; probably a typo: 71 vs 17."
    """
    parts = []
    for n in dispute.sides:
        side = analysis.sides[n]
        said = side_value(corpus, analysis, side, unit=True)
        parts.append(f"side {side_label(n)} says {said} ({names(corpus, side.origins)})")
    kind, cause = dispute_kind(corpus, analysis, dispute), dispute_cause(corpus, analysis, dispute)
    text = f"{parts[0]}; {parts[1]}: {kind}; {cause}."
    return text[0].upper() + text[1:]


def status(analysis: Analysis, item: Item) -> str:
    """How an assertion stands: "" when current, "superseded by #3", "retracted: why"."""
    if item.status is Status.RETRACTED:
        return f"retracted: {item.assertion.retracted}"
    if item.status is Status.SUPERSEDED:
        later = sorted(
            p.b + 1 for p in analysis.pairs if p.relation is Relation.SUPERSEDE and p.a == item.index
        )
        return "superseded by " + ", ".join(f"#{n}" for n in later)
    return ""


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 error`, `2 errors`, `1,200 claims`."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"
