"""The file formats: outlets, actors, source front matter, claims and their assertions.

These models describe what a curator writes, field for field, and nothing more; where a file
lives (its id, topic, path) is kept beside the model by the loader. A claim's values are
checked against its `kind` through the validation context (see `Claim.from_data`), so that
an error on one assertion's value is located at that value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from comparator.dates import PartialDate
from comparator.terms import SLUG_PATTERN, Kind, OutletKind, Qualifier

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="A lowercase slug: letters a-z, digits, single hyphens between words."),
]

LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


def _language(tag: str) -> str:
    if not re.fullmatch(LANGUAGE_PATTERN, tag):
        raise ValueError(f"{tag!r} is not a BCP 47 language tag (such as id, en, pt-BR)")
    return tag


Language = Annotated[
    str, AfterValidator(_language), WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN})
]

DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        {"type": "integer", "minimum": 1, "maximum": 9999},
    ],
    "description": "A date whose precision is its form: YYYY-MM-DD (day), YYYY-MM (month), YYYY (year).",
}

DateValue = Annotated[
    PartialDate,
    PlainValidator(PartialDate.parse),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(DATE_SCHEMA),
]


class _Strict(BaseModel):
    """Every file format rejects unknown fields: a typo must never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Outlet(_Strict):
    """A publisher or wire agency (an entry of `sources/outlets.yaml`)."""

    id: Slug = Field(description="The outlet's id, used by sources' `outlet` and `wire`.")
    name: str = Field(min_length=1, description="The outlet's name as readers know it.")
    country: str | None = Field(None, description="Country of the outlet (ISO 3166 code or name).")
    language: Language | None = Field(None, description="Main language of the outlet (BCP 47).")
    kind: OutletKind | None = Field(None, description="What sort of outlet it is.")
    url: str | None = Field(None, description="Home page.")
    notes: str | None = Field(None, description="Free text for curators.")


class Actor(_Strict):
    """A party that asserts claims or is their value (an entry of `sources/actors.yaml`)."""

    id: Slug = Field(description="The actor's id, used by `claimant` and by `actor` values.")
    name: str = Field(min_length=1, description="The actor's name.")
    part_of: Slug | None = Field(
        None, description="Id of the actor this one belongs to (`armenia-mod` is part of `armenia`)."
    )
    aliases: list[str] = Field(default_factory=list, description="Other names used in articles.")
    notes: str | None = Field(None, description="Free text for curators.")


def _source_accept(accept: dict[str, str]) -> dict[str, str]:
    """A source has one warning of its own to accept: `undeclared-copy`."""
    for code in accept:
        if code != "undeclared-copy":
            raise ValueError(f"a source can accept only undeclared-copy, not {code!r}")
    return accept


class SourceMeta(_Strict):
    """The front matter of one article file `sources/<outlet>/<id>.md`."""

    id: Slug = Field(description="The source's id; must equal the file name without `.md`.")
    outlet: Slug = Field(description="Id of the outlet that published the article.")
    title: str = Field(min_length=1, description="The article's headline as published.")
    published: DateValue = Field(description="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
    published_inferred: bool = Field(
        False, description="True when the date was worked out from the text, not printed in it."
    )
    language: Language = Field(description="Language of the text (BCP 47, e.g. `id`, `en`, `fr`).")
    url: str | None = Field(None, description="Where the article was published.")
    archive_url: str | None = Field(
        None, description="An archived copy of the article (the page may change or vanish)."
    )
    authors: list[str] = Field(default_factory=list, description="Bylines.")
    dateline: str | None = Field(None, description="The dateline, e.g. MOSKOW.")
    wire: Slug | None = Field(None, description="Outlet id of the agency whose copy this is.")
    wire_inferred: bool = Field(False, description="True when `wire` is a judgement from the text.")
    derived_from: Slug | None = Field(None, description="Id of another source this article copies.")
    notes: str | None = Field(None, description="Free text for curators.")
    accept: Annotated[
        dict[str, Annotated[str, StringConstraints(min_length=1)]],
        AfterValidator(_source_accept),
        WithJsonSchema(
            {
                "type": "object",
                "description": "Warnings on this source the curator has looked at and accepts, with why.",
                "properties": {
                    "undeclared-copy": {
                        "type": "string",
                        "minLength": 1,
                        "description": "Why the passages shared with another source are not a copy.",
                    }
                },
                "additionalProperties": False,
            }
        ),
    ] = Field(
        default_factory=dict,
        exclude=True,  # a curator's judgement on a warning, not part of the article's record
        description="Warnings on this source the curator has looked at and accepts: warning code -> why.",
    )


Number = int | float


class Assertion(_Strict):
    """What one source says in answer to the claim's question."""

    source: Slug = Field(description="Id of the source (article) that says it.")
    quote: str = Field(min_length=1, description="The exact words of the article; must occur in its text.")
    translation: str | None = Field(None, description="The quote in English, for readers.")
    qualifier: Qualifier = Field(
        Qualifier.EXACT,
        description="How the value is meant: "
        "exact, at_least, more_than, at_most, less_than, about, nearly, between.",
    )
    value: Any = Field(
        description="The value stated, by the claim's kind: "
        "count, number, date, actor id, true/false or text; "
        "`[low, high]` with qualifier `between`."
    )
    as_of: DateValue | None = Field(
        None,
        description="The date the value refers to (YYYY-MM-DD, YYYY-MM or YYYY); "
        "defaults to the source's `published`.",
    )
    claimant: Slug | None = Field(
        None, description="Id of the actor the source quotes; absent means the outlet's own voice."
    )
    notes: str | None = Field(None, description="Free text for curators.")
    # Which codes may be accepted is checked against the problem registry by `check`, so that
    # a wrong code is reported at its own key (see `validate`); the JSON Schema lists them.
    accept: dict[
        Annotated[str, StringConstraints(min_length=1)], Annotated[str, StringConstraints(min_length=1)]
    ] = Field(
        default_factory=dict,
        description="Warnings the curator has looked at and accepts: warning code -> why. "
        "An accepted warning is not reported and does not fail `check --strict`.",
    )
    retracted: Annotated[str, StringConstraints(min_length=1)] | None = Field(
        None,
        description="Why this assertion no longer stands (the outlet corrected or withdrew it); "
        "it stays on record but leaves the comparison.",
    )

    @field_validator("value", mode="after")
    @classmethod
    def _typed_value(cls, raw: Any, info: ValidationInfo) -> Any:
        kind = (info.context or {}).get("kind")
        qualifier = info.data.get("qualifier")
        if kind is None or qualifier is None:
            return raw  # the claim's kind or the qualifier is itself wrong; reported there
        return parse_value(Kind(kind), Qualifier(qualifier), raw)


class Claim(_Strict):
    """One question, and what each source says in answer (`claims/<topic>/<id>.yaml`)."""

    question: str = Field(min_length=1, description="The question the assertions answer.")
    kind: Kind = Field(description="What the values are: count, quantity, date, actor, boolean or text.")
    unit: str | None = Field(None, description="What is counted or measured (count and quantity only).")
    cumulative: bool = Field(
        False, description="A running total that can only grow over time, such as a death toll."
    )
    tolerance: float = Field(
        0.1, ge=0, lt=1, description="Relative width of `about` and `nearly` (default 0.1)."
    )
    tags: list[str] = Field(default_factory=list, description="Free labels for filtering.")
    notes: str | None = Field(None, description="Why the claim is framed as it is.")
    assertions: list[Assertion] = Field(min_length=1, description="What each source says.")

    @classmethod
    def from_data(cls, data: Any) -> Claim:
        kind = data.get("kind") if isinstance(data, dict) else None
        context = {"kind": kind if is_kind(kind) else None}
        return cls.model_validate(data, context=context)

    @model_validator(mode="after")
    def _fits_kind(self) -> Claim:
        if self.unit is not None and self.kind not in (Kind.COUNT, Kind.QUANTITY):
            raise ValueError(f"`unit` applies to count and quantity claims, not {self.kind.value}")
        if self.cumulative and self.kind not in (Kind.COUNT, Kind.QUANTITY):
            raise ValueError(f"`cumulative` applies to count and quantity claims, not {self.kind.value}")
        return self


def parse_value(kind: Kind, qualifier: Qualifier, raw: Any) -> Any:
    """Check a raw YAML value against the claim's kind and the qualifier; return it typed.

    `between` gives a `(low, high)` tuple; dates become `PartialDate`.
    """
    if qualifier is Qualifier.BETWEEN:
        if not kind.ordered:
            raise ValueError(f"`between` needs an ordered kind (count, quantity, date), not {kind.value}")
        if not isinstance(raw, list) or len(raw) != 2:
            raise ValueError("with `between`, value must be a list of two: [low, high]")
        low, high = (_scalar(kind, item) for item in raw)
        if _order_key(low) > _order_key(high):
            raise ValueError(f"`between` range is reversed: {raw[0]} is above {raw[1]}")
        return (low, high)
    if not kind.ordered and qualifier is not Qualifier.EXACT:
        raise ValueError(f"{kind.value} values take qualifier `exact` only, not `{qualifier.value}`")
    if isinstance(raw, list):
        raise ValueError("a single value is expected (a list needs qualifier `between`)")
    value = _scalar(kind, raw)
    if kind is Kind.DATE and qualifier is Qualifier.MORE_THAN and value.last == dt.date.max:
        raise ValueError(f"no date is after {value.last}: the calendar ends there")
    if kind is Kind.DATE and qualifier is Qualifier.LESS_THAN and value.first == dt.date.min:
        raise ValueError(f"no date is before {value.first}: the calendar starts there")
    if kind is Kind.COUNT and value == 0 and qualifier in (Qualifier.LESS_THAN, Qualifier.NEARLY):
        raise ValueError(f"no count is {qualifier.value.replace('_', ' ')} 0")
    return value


def is_kind(value: Any) -> bool:
    """Whether a raw YAML value names a kind; a list or mapping names none (and is unhashable)."""
    return isinstance(value, str) and value in {k.value for k in Kind}


def _order_key(value: Any) -> Any:
    return (value.first, value.last) if isinstance(value, PartialDate) else value


# Far beyond any real figure, and small enough that interval arithmetic stays exact.
LARGEST = 10**18


def _scalar(kind: Kind, raw: Any) -> Any:
    finite = isinstance(raw, int) or (isinstance(raw, float) and math.isfinite(raw))
    if kind in (Kind.COUNT, Kind.QUANTITY) and not isinstance(raw, bool) and finite and abs(raw) > LARGEST:
        raise ValueError("the figure is too large to compare (more than 10^18)")
    if kind is Kind.COUNT:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)  # `6e0` and `6.0` are whole numbers, as JSON Schema's `integer` says
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"a count must be a whole number, not {raw!r}")
        if raw < 0:
            raise ValueError(f"a count cannot be negative ({raw})")
        return raw
    if kind is Kind.QUANTITY:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise ValueError(f"a quantity must be a finite number, not {raw!r}")
        return raw
    if kind is Kind.DATE:
        return PartialDate.parse(raw)
    if kind is Kind.ACTOR:
        if not isinstance(raw, str) or not _is_slug(raw):
            raise ValueError(f"an actor value must be an actor id (a slug), not {raw!r}")
        return raw
    if kind is Kind.BOOLEAN:
        if not isinstance(raw, bool):
            raise ValueError(f"a boolean value must be true or false, not {raw!r}")
        return raw
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"a text value must be a non-empty string, not {raw!r}")
    return raw


def _is_slug(text: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, text) is not None
