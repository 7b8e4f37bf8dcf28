"""JSON Schemas (draft 2020-12) of the curated file formats, for editors and other tools.

The schemas are generated from the pydantic models, so they cannot drift from what `check`
accepts; the one thing pydantic cannot say by itself is what `value` may hold, because that
depends on the claim's `kind` and the assertion's `qualifier`. That is added here: `value`
lists its forms, and the claim schema carries one `if`/`then` rule per kind so that an editor
flags a text where a count belongs while the curator types.

The schemas are a first line, not the whole check: impossible dates (`2021-02-30`), reversed
`between` ranges and every cross-file rule (unknown sources, quotes not in the article) are
left to `comparator check`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from comparator import atomic
from comparator.models import DATE_SCHEMA, LARGEST, Actor, Claim, Outlet, SourceMeta
from comparator.parse import MAX_ASSERTIONS
from comparator.problems import ACCEPTABLE, CODES
from comparator.root import Unreadable, read_regular, writable
from comparator.terms import SLUG_PATTERN, Kind

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schema"
NAMES = ("claim", "source", "outlets", "actors")

_TITLES = {
    "claim": "comparator claim file (claims/<topic>/<claim-id>.yaml)",
    "source": "comparator source front matter (sources/<outlet-id>/<source-id>.md)",
    "outlets": "comparator outlet registry (sources/outlets.yaml)",
    "actors": "comparator actor registry (sources/actors.yaml)",
}

# The forms a `value` can take, one per kind, plus the `[low, high]` pair of `between`.
# The models' date form, an anyOf of a string and a year, said in one schema: `pattern` binds
# only strings and `minimum`/`maximum` only numbers, so this accepts exactly the same values.
# Editors then show the field's own title and description on hover instead of listing the
# branches of the anyOf.
_DATE_BRANCHES = DATE_SCHEMA["anyOf"]
_DATE = {
    "type": ["string", "integer"],
    "pattern": _DATE_BRANCHES[0]["pattern"],
    "minimum": _DATE_BRANCHES[1]["minimum"],
    "maximum": _DATE_BRANCHES[1]["maximum"],
}

_VALUE_FORMS: dict[str, dict[str, Any]] = {
    "CountValue": {
        "title": "count",
        "type": "integer",
        "minimum": 0,
        "maximum": LARGEST,
        "description": "A count (kind `count`): a whole number, 0 or more, e.g. 2802.",
    },
    "QuantityValue": {
        "title": "quantity",
        "type": "number",
        # The models' bound, which also keeps `.inf` out: JSON Schema has no word for finite.
        "minimum": -LARGEST,
        "maximum": LARGEST,
        "description": "A quantity (kind `quantity`): any number, e.g. 4.4.",
    },
    "DateValue": {
        "title": "date",
        **_DATE,
        "description": "A date (kind `date`) whose precision is its form: "
        "2020-09-27 (day), 2020-11 (month) or 2020 (year).",
    },
    "ActorValue": {
        "title": "actor id",
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "An actor (kind `actor`): an id from sources/actors.yaml, e.g. armenia.",
    },
    "BooleanValue": {
        "title": "boolean",
        "type": "boolean",
        "description": "A yes-or-no answer (kind `boolean`): true or false.",
    },
    "TextValue": {
        "title": "text",
        "type": "string",
        "pattern": r"\S",
        "description": "A text answer (kind `text`): compared ignoring case and spacing.",
    },
    "RangeValue": {
        "title": "range [low, high]",
        "type": "array",
        "minItems": 2,
        "maxItems": 2,
        "items": {"anyOf": [{"$ref": "#/$defs/QuantityValue"}, {"$ref": "#/$defs/DateValue"}]},
        "description": "`[low, high]`, with qualifier `between` only (kinds count, quantity, date).",
    },
}

_VALUE = {
    "title": "Value",
    "description": "The value stated, in the form the claim's `kind` sets: a count, a number, "
    "a date, an actor id, true/false or a text; `[low, high]` with qualifier `between`.",
    "anyOf": [{"$ref": f"#/$defs/{name}"} for name in _VALUE_FORMS],
}

_SCALAR = {
    Kind.COUNT: "CountValue",
    Kind.QUANTITY: "QuantityValue",
    Kind.DATE: "DateValue",
    Kind.ACTOR: "ActorValue",
    Kind.BOOLEAN: "BooleanValue",
    Kind.TEXT: "TextValue",
}


def _when_kind(kinds: Sequence[Kind], then: dict[str, Any]) -> dict[str, Any]:
    condition: dict[str, Any] = (
        {"const": kinds[0].value} if len(kinds) == 1 else {"enum": [k.value for k in kinds]}
    )
    return {"if": {"properties": {"kind": condition}, "required": ["kind"]}, "then": then}


def _assertion_rule(kind: Kind) -> dict[str, Any]:
    """What one assertion's `value` (and `qualifier`) must be under a claim of `kind`."""
    scalar = {"$ref": f"#/$defs/{_SCALAR[kind]}"}
    if not kind.ordered:
        # Unordered values have nothing to be "at least" or "about": only `exact` applies.
        return {"properties": {"qualifier": {"const": "exact"}, "value": scalar}}
    pair = {"type": "array", "minItems": 2, "maxItems": 2, "items": scalar}
    return {
        "if": {"properties": {"qualifier": {"const": "between"}}, "required": ["qualifier"]},
        "then": {"properties": {"value": pair}},
        "else": {"properties": {"value": scalar}},
    }


def _kind_rules() -> list[dict[str, Any]]:
    rules = [
        _when_kind([kind], {"properties": {"assertions": {"items": _assertion_rule(kind)}}}) for kind in Kind
    ]
    # The model refuses `unit` and `cumulative` outside counts and quantities; so does the schema.
    others = [k for k in Kind if k not in (Kind.COUNT, Kind.QUANTITY)]
    rules.append(
        _when_kind(others, {"properties": {"unit": {"type": "null"}, "cumulative": {"const": False}}})
    )
    return rules


def _flat_dates(node: Any) -> Any:
    """Every use of the models' date anyOf (optional or not) as the single equivalent schema."""
    if isinstance(node, list):
        return [_flat_dates(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _flat_dates(value) for key, value in node.items()}
    branches = node.get("anyOf")
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    if branches == _DATE_BRANCHES:
        return rest | _DATE
    if (
        isinstance(branches, list)
        and len(branches) == 2
        and branches[1] == {"type": "null"}
        and all(branches[0].get(k) == v for k, v in _DATE.items())
    ):
        # An optional date: the field's own description says what it is.
        return rest | _DATE | {"type": [*_DATE["type"], "null"]}
    return node


def _registry_schema(model: type[BaseModel]) -> dict[str, Any]:
    generated = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
    # TypeAdapter puts the item model under $defs; keep it there and say what the list is.
    generated.pop("title", None)
    return generated


def _header(name: str, body: dict[str, Any], description: str) -> dict[str, Any]:
    """The schema with `$schema`, `$id` and `title` first: the order a reader looks for them."""
    body = _flat_dates(body)
    head: dict[str, Any] = {
        "$schema": DIALECT,
        # Relative on purpose: it resolves to wherever the file is read from, so the schemas
        # work from any clone of any data repository without a server.
        "$id": filename(name),
        "title": _TITLES[name],
        "description": description,
    }
    rest = {k: v for k, v in body.items() if k not in head and k not in ("type", "$defs")}
    # `type` next and the definitions last, so the file reads from the top down.
    defs = {"$defs": body["$defs"]} if "$defs" in body else {}
    return head | {"type": body["type"]} | rest | defs


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema named `name` (one of NAMES) as a dictionary of its own.

    A deep copy, so that a caller editing it cannot change the module's building blocks.
    """
    return copy.deepcopy(_build(name))


def _build(name: str) -> dict[str, Any]:
    if name == "claim":
        body = Claim.model_json_schema()
        assertion = body["$defs"]["Assertion"]["properties"]
        assertion["value"] = _VALUE
        # Which warnings may be accepted: the model takes any key so that `check` can place a
        # wrong one at its own line; an editor flags it as the curator types.
        accept = assertion["accept"]
        accept.pop("additionalProperties", None)
        accept["properties"] = {
            code: {
                "type": "string",
                "minLength": 1,
                "description": f"Why this warning is accepted ({CODES[code]}).",
            }
            for code in sorted(ACCEPTABLE)
        }
        accept["additionalProperties"] = False
        body["properties"]["assertions"]["maxItems"] = MAX_ASSERTIONS
        body["$defs"].update(_VALUE_FORMS)
        body["allOf"] = _kind_rules()
        return _header(name, body, Claim.__doc__ or "")
    if name == "source":
        return _header(name, SourceMeta.model_json_schema(), SourceMeta.__doc__ or "")
    if name == "outlets":
        return _header(name, _registry_schema(Outlet), "A list of outlets: publishers and wire agencies.")
    if name == "actors":
        return _header(
            name, _registry_schema(Actor), "A list of actors: governments, ministries, people, groups."
        )
    raise ValueError(f"unknown schema {name!r}; expected one of {', '.join(NAMES)}")


def text(name: str) -> str:
    """The schema as the file `--write` commits: indented JSON, UTF-8, a final newline."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def filename(name: str) -> str:
    return f"{name}.schema.json"


def rel_path(name: str) -> str:
    """Where the schema lives in a data root, relative to it."""
    return f"{FOLDER}/{filename(name)}"


def outdated(root: Path, names: tuple[str, ...] = NAMES) -> list[str]:
    """The names whose file under `root` is missing or differs from the generated schema.

    Each file is read no further than the expected bytes and one more, and only if it is a
    regular file: a link to `/dev/zero` is out of date, not an endless read.
    """
    stale = []
    for name in names:
        expected = text(name).encode("utf-8")
        try:
            current = read_regular(root / rel_path(name), len(expected))
        except Unreadable:
            current = None
        if current != expected:
            stale.append(name)
    return stale


def write(root: Path, names: tuple[str, ...] = NAMES) -> list[str]:
    """Write the outdated schemas under `root` as one set; return the names written.

    Current files are left untouched, so their modification times keep meaning something.
    A `schema/` that links out of the root is refused (`OutsideRoot`, an OSError).
    """
    stale = outdated(root, names)
    if stale:
        folder = writable(root, root / FOLDER)
        folder.mkdir(exist_ok=True)
        atomic.publish(
            {writable(root, root / rel_path(name)): atomic.text_writer(text(name)) for name in stale}
        )
    return stale
