"""JSON Schemas: current in the repository, valid for the bundled corpus, as strict as the models."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from comparator import schema, yamlmarks
from comparator.models import Actor, Claim, Outlet, SourceMeta

REPO = Path(__file__).resolve().parent.parent
HEAD = ["$schema", "$id", "title", "description", "type"]


def validator(name: str, root: Path = REPO) -> jsonschema.Draft202012Validator:
    """A validator built from the committed file: what an editor actually loads."""
    return jsonschema.Draft202012Validator(json.loads((root / schema.rel_path(name)).read_text("utf-8")))


def fresh(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema.schema(name))


def yaml_data(text: str) -> Any:
    data, _ = yamlmarks.load(text)  # dates stay text, as the YAML language server reads them
    return data


def front_matter(text: str) -> Any:
    match = re.match(r"---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$", text, re.S | re.M)
    assert match, "a source starts with front matter"
    return yaml_data(match.group(1))


def errors(v: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(data))


# --- the committed files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", schema.NAMES)
def test_committed_schemas_are_current(name: str) -> None:
    path = REPO / schema.rel_path(name)
    assert path.read_text("utf-8") == schema.text(name), f"{path} is stale: run `comparator schema --write`"


def test_check_command_agrees_on_the_repository(run) -> None:
    result = run("--root", str(REPO), "schema", "--check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "4 schemas are current\n")


@pytest.mark.parametrize("name", schema.NAMES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    document = json.loads((REPO / schema.rel_path(name)).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"{name}.schema.json"


def _nodes(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{where}/{index}")


@pytest.mark.parametrize("name", schema.NAMES)
def test_every_object_is_closed_and_every_field_described(name: str) -> None:
    document = schema.schema(name)
    objects = [(w, n) for w, n in _nodes(document) if n.get("type") == "object"]
    assert objects, "each schema describes at least one object"
    for where, node in objects:
        assert node.get("additionalProperties") is False, where
        assert node.get("description"), where
        for field, spec in node["properties"].items():
            assert spec.get("description"), f"{where}/properties/{field} has no description"
    for key, definition in document.get("$defs", {}).items():
        assert definition.get("description"), f"$defs/{key} has no description"


def test_value_lists_its_forms() -> None:
    value = schema.schema("claim")["$defs"]["Assertion"]["properties"]["value"]
    assert value["description"].startswith("The value stated")
    assert [form["$ref"] for form in value["anyOf"]] == [
        "#/$defs/CountValue",
        "#/$defs/QuantityValue",
        "#/$defs/DateValue",
        "#/$defs/ActorValue",
        "#/$defs/BooleanValue",
        "#/$defs/TextValue",
        "#/$defs/RangeValue",
    ]


# --- the bundled corpus -------------------------------------------------------------------------

BUNDLED = (REPO / "claims").is_dir()


@pytest.mark.skipif(not BUNDLED, reason="no bundled corpus")
def test_every_bundled_claim_validates() -> None:
    v = validator("claim")
    paths = sorted((REPO / "claims").glob("*/*.yaml"))
    assert paths
    found = {p.relative_to(REPO).as_posix(): errors(v, yaml_data(p.read_text("utf-8"))) for p in paths}
    assert {rel: errs for rel, errs in found.items() if errs} == {}


@pytest.mark.skipif(not BUNDLED, reason="no bundled corpus")
def test_every_bundled_source_front_matter_validates() -> None:
    v = validator("source")
    paths = sorted((REPO / "sources").glob("*/*.md"))
    assert paths
    found = {p.relative_to(REPO).as_posix(): errors(v, front_matter(p.read_text("utf-8"))) for p in paths}
    assert {rel: errs for rel, errs in found.items() if errs} == {}


@pytest.mark.skipif(not BUNDLED, reason="no bundled corpus")
@pytest.mark.parametrize("name", ["outlets", "actors"])
def test_bundled_registries_validate(name: str) -> None:
    data = yaml_data((REPO / f"sources/{name}.yaml").read_text("utf-8"))
    assert data and errors(validator(name), data) == []


def test_fixture_corpus_validates(make_root) -> None:
    root = make_root()
    assert errors(fresh("outlets"), yaml_data((root / "sources/outlets.yaml").read_text())) == []
    assert errors(fresh("actors"), yaml_data((root / "sources/actors.yaml").read_text())) == []
    for path in sorted((root / "sources").glob("*/*.md")):
        assert errors(fresh("source"), front_matter(path.read_text())) == []


# --- as strict as the models --------------------------------------------------------------------

CLAIM = """\
question: How many?
kind: count
assertions:
  - source: daily-1
    quote: At least 16 people were killed
    value: 16
    qualifier: at_least
"""


def test_unknown_field_is_rejected() -> None:
    typo = CLAIM.replace("qualifier: at_least", "qualifer: at_least")
    assert errors(fresh("claim"), yaml_data(typo)) == [
        "assertions/0: Additional properties are not allowed ('qualifer' was unexpected)"
    ]
    top = CLAIM + "tag: [x]\n"
    assert errors(fresh("claim"), yaml_data(top)) == [
        ": Additional properties are not allowed ('tag' was unexpected)"
    ]


def test_bad_qualifier_is_rejected() -> None:
    bad = CLAIM.replace("at_least", "roughly")
    found = errors(fresh("claim"), yaml_data(bad))
    assert found == [
        "assertions/0/qualifier: 'roughly' is not one of ['exact', 'at_least', 'more_than', 'at_most', "
        "'less_than', 'about', 'nearly', 'between']"
    ]


@pytest.mark.parametrize(
    "name, data, field",
    [
        (
            "source",
            {
                "id": "a",
                "outlet": "daily",
                "title": "T",
                "published": "2020",
                "language": "en",
                "publisher": "x",
            },
            "publisher",
        ),
        ("outlets", [{"id": "daily", "name": "The Daily", "homepage": "x"}], "homepage"),
        ("actors", [{"id": "north", "name": "North", "alias": ["N"]}], "alias"),
    ],
)
def test_unknown_fields_are_rejected_in_every_format(name: str, data: Any, field: str) -> None:
    found = errors(fresh(name), data)
    assert len(found) == 1 and f"'{field}' was unexpected" in found[0]


def _claim(kind: str, value: str, qualifier: str = "exact", extra: str = "") -> str:
    return (
        f"question: Q?\nkind: {kind}\n{extra}assertions:\n"
        f"  - source: s\n    quote: q\n    value: {value}\n    qualifier: {qualifier}\n"
    )


# Each case: what the model decides is what the schema must decide.
CASES = [
    (_claim("count", "2802"), True),
    (_claim("count", "2802", "about"), True),
    (_claim("count", "[10, 20]", "between"), True),
    (_claim("count", "-1"), False),
    (_claim("count", "'2.802'"), False),
    (_claim("count", "10", "between"), False),
    (_claim("count", "[10, 20, 30]", "between"), False),
    (_claim("count", "[10, 20]"), False),
    (_claim("count", "5", extra="unit: people\ncumulative: true\n"), True),
    (_claim("quantity", "4.4", "nearly"), True),
    (_claim("quantity", "[1.5, 2]", "between"), True),
    (_claim("quantity", "many"), False),
    (_claim("date", "2020-09-27"), True),
    (_claim("date", "2020-11", "at_least"), True),
    (_claim("date", "2020"), True),
    (_claim("date", "[2020-09, 2020-11]", "between"), True),
    (_claim("date", "27 September 2020"), False),
    (_claim("date", "2020-09-27", extra="unit: days\n"), False),
    (_claim("actor", "south"), True),
    (_claim("actor", "South Ministry"), False),
    (_claim("actor", "south", "at_least"), False),
    (_claim("actor", "south", extra="cumulative: true\n"), False),
    (_claim("boolean", "true"), True),
    (_claim("boolean", "'yes'"), False),
    (_claim("text", "Sochi"), True),
    (_claim("text", "'  '"), False),
    (_claim("text", "Sochi", "about"), False),
    (_claim("colour", "red"), False),
    (_claim("count", "5").replace("question: Q?\n", ""), False),
    (_claim("count", "5") + "    as_of: 2021-01-13\n", True),
    (_claim("count", "5") + "    as_of: 2021\n", True),
    (_claim("count", "5") + "    as_of: null\n", True),
    (_claim("count", "5") + "    as_of: 13 January 2021\n", False),
    (_claim("count", "5") + "    as_of: [2021]\n", False),
    (_claim("count", "5", extra="tolerance: 1\n"), False),
]


def _label(text: str) -> str:
    kind = re.search(r"kind: (\S+)", text)
    value = re.search(r"value: (.+)", text)
    qualifier = re.search(r"qualifier: (\S+)", text)
    extra = "+".join(re.findall(r"^ *(unit|cumulative|tolerance|as_of: .*)$", text, re.M))
    missing = "" if "question" in text else "no-question"
    parts = [
        kind.group(1) if kind else "",
        value.group(1) if value else "",
        qualifier.group(1) if qualifier else "",
        extra,
        missing,
    ]
    return " ".join(p for p in parts if p)


@pytest.mark.parametrize("text, valid", CASES, ids=[_label(t) for t, _ in CASES])
def test_schema_decides_as_the_model_does(text: str, valid: bool) -> None:
    data = yaml_data(text)
    try:
        Claim.from_data(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    assert model_ok is valid, "the case itself is wrong"
    assert (errors(fresh("claim"), data) == []) is valid


@pytest.mark.parametrize("text, valid", CASES, ids=[_label(t) for t, _ in CASES])
def test_draft_7_tools_decide_the_same(text: str, valid: bool) -> None:
    """Editors that only know draft-07 still read these schemas right: no newer keyword is used."""
    document = {k: v for k, v in schema.schema("claim").items() if k != "$schema"}
    assert (list(jsonschema.Draft7Validator(document).iter_errors(yaml_data(text))) == []) is valid


@pytest.mark.parametrize("name", schema.NAMES)
def test_only_draft_7_keywords(name: str) -> None:
    newer = {
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "prefixItems",
        "unevaluatedProperties",
        "unevaluatedItems",
        "dependentRequired",
        "dependentSchemas",
        "$vocabulary",
        "minContains",
        "maxContains",
    }
    used = {key for _, node in _nodes(schema.schema(name)) for key in node}
    assert not used & newer


@pytest.mark.parametrize(
    "model, name, data",
    [
        (
            SourceMeta,
            "source",
            {"id": "a", "outlet": "daily", "title": "", "published": "2020", "language": "en"},
        ),
        (
            SourceMeta,
            "source",
            {"id": "A b", "outlet": "daily", "title": "T", "published": "2020", "language": "en"},
        ),
        (
            SourceMeta,
            "source",
            {"id": "a", "outlet": "daily", "title": "T", "published": "Sept 2020", "language": "en"},
        ),
        (Outlet, "outlets", {"id": "daily", "name": "The Daily", "kind": "blog"}),
        (Actor, "actors", {"id": "north", "name": "North", "part_of": "North State"}),
    ],
)
def test_other_formats_refuse_what_the_models_refuse(model: Any, name: str, data: Any) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)
    assert errors(fresh(name), [data] if name in ("outlets", "actors") else data)


# --- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, keys",
    [
        ("claim", [*HEAD, "additionalProperties", "properties", "required", "allOf", "$defs"]),
        ("source", [*HEAD, "additionalProperties", "properties", "required"]),
        ("outlets", [*HEAD, "items", "$defs"]),
        ("actors", [*HEAD, "items", "$defs"]),
    ],
)
def test_schema_prints_one_schema(run, name: str, keys: list[str]) -> None:
    result = run("schema", name)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == schema.text(name)
    document = json.loads(result.stdout)
    assert list(document) == keys
    assert document["type"] == ("array" if name in ("outlets", "actors") else "object")


def test_registry_items_are_the_entry_schema(run) -> None:
    document = json.loads(run("schema", "outlets").stdout)
    assert document["items"] == {"$ref": "#/$defs/Outlet"}
    assert list(document["$defs"]["Outlet"]["properties"]) == [
        "id",
        "name",
        "country",
        "language",
        "kind",
        "url",
        "notes",
    ]


def test_schema_needs_a_name_or_an_action(run) -> None:
    result = run("schema")
    assert result.exit_code == 2
    assert (
        "Error: name a schema (claim, source, outlets, actors), or give --write or --check" in result.stderr
    )
    both = run("schema", "--write", "--check")
    assert both.exit_code == 2 and "give --write or --check, not both" in both.stderr
    unknown = run("schema", "claims")
    assert unknown.exit_code == 2 and "'claims' is not one of" in unknown.stderr


def test_write_then_check(run, make_root) -> None:
    root = make_root()
    first = run("--root", str(root), "schema", "--check")
    assert first.exit_code == 1
    assert first.stderr == (
        "schema/claim.schema.json is missing\nschema/source.schema.json is missing\n"
        "schema/outlets.schema.json is missing\nschema/actors.schema.json is missing\n"
        "run `comparator schema --write` to update\n"
    )
    wrote = run("--root", str(root), "schema", "--write")
    assert (wrote.exit_code, wrote.stdout) == (0, "")
    assert wrote.stderr == (
        "wrote schema/claim.schema.json\nwrote schema/source.schema.json\n"
        "wrote schema/outlets.schema.json\nwrote schema/actors.schema.json\n"
    )
    for name in schema.NAMES:
        assert (root / schema.rel_path(name)).read_text("utf-8") == schema.text(name)
    assert sorted(p.name for p in (root / "schema").iterdir()) == [
        "actors.schema.json",
        "claim.schema.json",
        "outlets.schema.json",
        "source.schema.json",
    ]
    again = run("--root", str(root), "schema", "--write")
    assert again.stderr.splitlines()[0] == "unchanged schema/claim.schema.json"
    current = run("--root", str(root), "schema", "--check")
    assert (current.exit_code, current.stderr) == (0, "4 schemas are current\n")

    (root / "schema/source.schema.json").write_text("{}\n")
    stale = run("--root", str(root), "schema", "--check")
    assert (stale.exit_code, stale.stderr) == (
        1,
        "schema/source.schema.json is out of date\nrun `comparator schema --write` to update\n",
    )
    only_claim = run("--root", str(root), "schema", "claim", "--check")
    assert (only_claim.exit_code, only_claim.stderr) == (0, "1 schema is current\n")
    fixed = run("--root", str(root), "schema", "source", "--write")
    assert (fixed.exit_code, fixed.stderr) == (0, "wrote schema/source.schema.json\n")
    assert run("--root", str(root), "schema", "--check").exit_code == 0


def test_written_schemas_validate_the_data_they_sit_beside(run, make_root) -> None:
    root = make_root({"claims/war/toll.yaml": CLAIM})
    assert run("--root", str(root), "schema", "--write").exit_code == 0
    assert errors(validator("claim", root), yaml_data((root / "claims/war/toll.yaml").read_text())) == []


def test_write_into_a_file_named_schema_fails_cleanly(run, make_root) -> None:
    root = make_root({"schema": "not a folder\n"})
    result = run("--root", str(root), "schema", "--write")
    assert result.exit_code == 1
    assert result.stderr.startswith("comparator: cannot write schema/: ")
    assert (root / "schema").read_text() == "not a folder\n"


def test_command_offers_exactly_the_schemas() -> None:
    from comparator.cli import schema as command

    assert command.NAMES == schema.NAMES


def test_bundled_claims_point_editors_at_the_schema() -> None:
    repo = Path(__file__).resolve().parent.parent
    claims = sorted((repo / "claims").glob("*/*.yaml"))
    if not claims:
        pytest.skip("no bundled corpus")
    for path in claims:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == repo / "schema" / "claim.schema.json", path
