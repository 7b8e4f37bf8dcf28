"""The words of the file formats and of the comparison, as enums: a claim's kind, a value's
qualifier, an outlet's kind, how two assertions relate, a claim's verdict, an assertion's
status, a dispute's kind and likely cause.

They live apart from the models and the comparison so that what only prints a claim (a
lookup on a warm cache, every renderer) can name them without importing either.
"""

from __future__ import annotations

from enum import Enum

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Kind(str, Enum):
    """What a claim's values are: count, quantity, date, actor, boolean or text."""

    COUNT = "count"
    QUANTITY = "quantity"
    DATE = "date"
    ACTOR = "actor"
    BOOLEAN = "boolean"
    TEXT = "text"

    @property
    def ordered(self) -> bool:
        return self in (Kind.COUNT, Kind.QUANTITY, Kind.DATE)


class Qualifier(str, Enum):
    """How an assertion's value is meant; `between` takes `[low, high]`."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    ABOUT = "about"
    NEARLY = "nearly"
    BETWEEN = "between"


class OutletKind(str, Enum):
    """What sort of outlet: newspaper, online, broadcaster, agency, official or other."""

    NEWSPAPER = "newspaper"
    ONLINE = "online"
    BROADCASTER = "broadcaster"
    AGENCY = "agency"
    OFFICIAL = "official"
    OTHER = "other"


class Relation(str, Enum):
    AGREE = "agree"
    COMPATIBLE = "compatible"
    SUPERSEDE = "supersede"
    CONTRADICT = "contradict"


class Verdict(str, Enum):
    CONTESTED = "contested"
    CORROBORATED = "corroborated"
    SINGLE_ORIGIN = "single-origin"


class Status(str, Enum):
    """Whether an assertion is part of its claim's current state."""

    CURRENT = "current"
    SUPERSEDED = "superseded"  # a running total's figure that a later, higher one replaced
    RETRACTED = "retracted"  # withdrawn or corrected by its outlet; kept on record only


class DisputeKind(str, Enum):
    WITHIN_ORIGIN = "within-origin"
    BETWEEN_PARTIES = "between-parties"
    BETWEEN_MEDIA = "between-media"


class Cause(str, Enum):
    """Likely causes, in the order they are tried."""

    DECREASE = "decrease"
    COPY = "copy"
    NEAR = "near"
    TIME = "time"
    TYPO = "typo"
    ACCOUNT = "account"
