"""YAML 1.2: `check` reads every scalar as JSON Schema tools and editors read it.

The reference reader is ruamel.yaml, narrowed to the YAML 1.2 core schema's table (YAML
1.2.2, section 10.3.2): its own 1.2 resolver also reads `6_500` as a number and
`2020-09-27` as a date, which the core schema (and the YAML language server) do not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import ruamel.yaml
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.resolver import BaseResolver

from comparator import schema, yamlmarks
from comparator.terms import Kind

# Each scalar of the table and what the YAML 1.2 core schema reads it as.
CORE_READINGS: dict[str, Any] = {
    "yes": "yes",
    "no": "no",
    "on": "on",
    "off": "off",
    "Yes": "Yes",
    "6_500": "6_500",
    "6e0": 6.0,
    "0o17": 15,
    "0x1F": 31,
    ".inf": float("inf"),
    "~": None,
    "2020-09-27": "2020-09-27",
    "2020-09": "2020-09",
    "2020": 2020,
}
SCALARS = list(CORE_READINGS)


class CoreResolver(BaseResolver):
    """ruamel.yaml resolving by the YAML 1.2 core schema alone."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - ruamel's own class table

    def __init__(self, version: Any = None, loader: Any = None) -> None:
        super().__init__(loader)

    @property
    def processing_version(self) -> Any:
        return (1, 2)


for tag, pattern, first in [
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|True|TRUE|false|False|FALSE", list("tTfF")),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", list("-+0123456789")),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        list("-+.0123456789"),
    ),
]:
    CoreResolver.add_implicit_resolver_base(f"tag:yaml.org,2002:{tag}", re.compile(f"^(?:{pattern})$"), first)


def reference_load(text: str) -> Any:
    reader = ruamel.yaml.YAML(typ="safe", pure=True)
    reader.Resolver = CoreResolver
    return reader.load(text)


def claim(kind: Kind, scalar: str) -> str:
    return (
        f"question: What?\nkind: {kind.value}\nassertions:\n"
        f"  - source: daily-1\n    quote: At least 16 people were killed\n    value: {scalar}\n"
    )


def test_the_reference_reader_reads_the_core_schema() -> None:
    assert {s: reference_load(f"v: {s}")["v"] for s in SCALARS} == CORE_READINGS
    assert {s: yamlmarks.load(f"v: {s}")[0]["v"] for s in SCALARS} == CORE_READINGS


def test_check_and_json_schema_agree_on_every_scalar(make_root, run) -> None:  # type: ignore[no-untyped-def]
    files = {
        f"claims/t/{kind.value}-{i}.yaml": claim(kind, s) for kind in Kind for i, s in enumerate(SCALARS)
    }
    root = make_root(files)
    result = run("--root", str(root), "check", "--format", "json")
    refused = {
        p["file"]
        for p in json.loads(result.stdout)["problems"]
        if p["severity"] == "error" and p["code"] in ("schema", "yaml-syntax", "unsafe-yaml")
    }
    validator = jsonschema.Draft202012Validator(schema.schema("claim"))
    check_says = {}
    schema_says = {}
    for rel, text in files.items():
        check_says[rel] = rel not in refused
        schema_says[rel] = validator.is_valid(reference_load(text))
    disagreements = [rel for rel in files if check_says[rel] != schema_says[rel]]
    assert disagreements == []
    # and what they agree on is the contract: yes/on are text, 6_500 is no number, 6e0 is
    accepted = sorted(rel.removeprefix("claims/t/").removesuffix(".yaml") for rel in files if check_says[rel])
    names = {f"{kind.value}-{i}": f"{kind.value} {s}" for kind in Kind for i, s in enumerate(SCALARS)}
    assert sorted(names[a] for a in accepted) == sorted(
        [f"text {s}" for s in ("yes", "no", "on", "off", "Yes", "6_500", "2020-09-27", "2020-09")]
        + [f"actor {s}" for s in ("yes", "no", "on", "off", "2020-09-27", "2020-09")]
        + [f"count {s}" for s in ("6e0", "0o17", "0x1F", "2020")]
        + [f"quantity {s}" for s in ("6e0", "0o17", "0x1F", "2020")]
        + [f"date {s}" for s in ("6e0", "0o17", "0x1F", "2020-09-27", "2020-09", "2020")]
    )


@pytest.mark.parametrize(
    "text, value",
    [
        ("yes", "yes"),
        ("On", "On"),
        ("6_500", "6_500"),
        ("1:20", "1:20"),
        ("017", 17),
        ("-0o17", "-0o17"),
        ("+12", 12),
        ("-.INF", float("-inf")),
        ("1.", 1.0),
        ("NULL", None),
        ("", None),
        ("TRUE", True),
        ("false", False),
        ("0b101", "0b101"),
        ('"5"', "5"),
        ("'true'", "true"),
    ],
)
def test_scalars_read_by_the_core_schema(text: str, value: Any) -> None:
    assert yamlmarks.load(f"v: {text}")[0] == {"v": value}
    assert reference_load(f"v: {text}") == {"v": value}


def test_nan_is_read_as_a_number() -> None:
    read = yamlmarks.load("v: .nan")[0]["v"]
    assert read != read


@pytest.mark.parametrize(
    "text, where, message",
    [
        # B04: explicit tags the tool does not need, refused at their line
        ("q: !!bool maybe\n", (1, 4), "tag '!!bool' is not allowed in curated data; write the value plainly"),
        (
            "a: 1\nq: !!float\n",
            (2, 4),
            "tag '!!float' is not allowed in curated data; write the value plainly",
        ),
        ("q: !!str 5\n", (1, 4), "tag '!!str' is not allowed in curated data; write the value plainly"),
        ("q: !!int '5'\n", (1, 4), "tag '!!int' is not allowed in curated data; write the value plainly"),
        (
            "q: !!timestamp 2020-01-01\n",
            (1, 4),
            "tag '!!timestamp' is not allowed in curated data; write the value plainly",
        ),
        ("q: !!seq {a: 1}\n", (1, 4), "tag '!!seq' is not allowed in curated data; write the value plainly"),
        ("q: !custom x\n", (1, 4), "tag '!custom' is not allowed in curated data; write the value plainly"),
        # B14: scalar anchors and aliases, refused as the README says
        ("q: &a x\nr: *a\n", (1, 4), "YAML anchors and aliases (&a) are not allowed in curated data"),
        ("q: &lonely x\n", (1, 4), "YAML anchors and aliases (&lonely) are not allowed in curated data"),
    ],
)
def test_refused_yaml_features(text: str, where: tuple[int, int], message: str) -> None:
    with pytest.raises(yamlmarks.YamlError) as info:
        yamlmarks.load(text)
    assert (info.value.code, info.value.line, info.value.column, info.value.message) == (
        "unsafe-yaml",
        *where,
        message,
    )


def test_tags_that_change_nothing_are_read() -> None:
    assert yamlmarks.load("a: !!int 5\nb: !!str text\nc: !!map {x: 1}\nd: !!seq [1]\n")[0] == {
        "a": 5,
        "b": "text",
        "c": {"x": 1},
        "d": [1],
    }


def test_an_ampersand_in_text_is_no_anchor() -> None:
    assert yamlmarks.load("q: AT&T said 'a & b'\n")[0] == {"q": "AT&T said 'a & b'"}


def test_alias_free_expansion_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """B14: a limit on the values one file may hold, aliases or not."""
    monkeypatch.setattr(yamlmarks, "MAX_VALUES", 100)
    yamlmarks.load("q: [" + ", ".join(["1"] * 97) + "]\n")  # 97 items, the list, the key, the mapping
    with pytest.raises(yamlmarks.YamlError) as info:
        yamlmarks.load("q: [" + ", ".join(["1"] * 98) + "]\n")
    assert (info.value.code, info.value.message) == ("unsafe-yaml", "more than 100 values in one file")


def test_a_number_too_long_to_be_a_figure() -> None:
    with pytest.raises(yamlmarks.YamlError) as info:
        yamlmarks.load("v: " + "9" * 101 + "\n")
    assert (info.value.code, info.value.message) == ("schema", "a number of more than 100 digits is not read")
    assert yamlmarks.load("v: " + "9" * 100 + "\n")[0] == {"v": int("9" * 100)}


@pytest.mark.parametrize(
    "text, message",
    [
        (
            'quote: "He said "yes" today"\n',
            'did not find expected key; a straight " inside a double-quoted value ends it: '
            'put the value in single quotes, or write the inner quote as \\"',
        ),
        (
            "- source: s\n  quote: 'it's here'\n",
            "did not find expected key; a ' inside a single-quoted value ends it: write it twice ('') "
            "or put the value in double quotes",
        ),
        (
            "question: Who: them\n",
            'mapping values are not allowed in this context; a value holding ": " must be quoted: '
            "put it in double quotes",
        ),
        (
            "a:\n\t- b\n",
            "found character that cannot start any token; indent with spaces: YAML does not allow tabs there",
        ),
        (
            "a:\n  b: 1\n\tc: 2\n",
            "found a tab character that violates indentation; indent with spaces: YAML does not allow tabs there",
        ),
        (
            "a: @x\n",
            "found character that cannot start any token; a value starting with @, ` or % must be quoted",
        ),
        ("a: [1, 2\n", "did not find expected ',' or ']'"),
        ("a: 1\n- b\n", "did not find expected key"),
    ],
)
def test_syntax_errors_with_a_hint(text: str, message: str) -> None:
    with pytest.raises(yamlmarks.YamlError) as info:
        yamlmarks.load(text)
    assert (info.value.code, info.value.message) == ("yaml-syntax", message)


def test_the_hint_reaches_check(make_root, run) -> None:  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/c.yaml": 'question: Q\nkind: count\nassertions:\n  - quote: "a "b" c"\n'})
    result = run("--root", str(root), "check")
    assert result.stdout.splitlines()[0] == (
        'claims/t/c.yaml:4:16: error yaml-syntax did not find expected key; a straight " inside a '
        'double-quoted value ends it: put the value in single quotes, or write the inner quote as \\"'
    )


def test_bundled_corpus_reads_the_same(tmp_path: Path) -> None:
    """Every file of the bundled corpus reads as the reference reader reads it."""
    root = Path(__file__).parent.parent
    for path in sorted([*root.glob("claims/*/*.yaml"), *root.glob("sources/*.yaml")]):
        text = path.read_text(encoding="utf-8")
        assert yamlmarks.load(text)[0] == reference_load(text), path


def test_a_shared_node_is_refused_whatever_composed_it() -> None:
    """The builder's own guard, should a parser ever hand back shared nodes without anchors."""
    loader = yamlmarks._Loader("a: &x [1]\nb: *x\n")
    node = loader.get_single_node()
    loader.dispose()
    with pytest.raises(yamlmarks.YamlError) as info:
        yamlmarks._Builder(loader, yamlmarks.Marks(), 0).build(node, (), 0)
    assert (info.value.line, info.value.column, info.value.message) == (
        1,
        4,
        "YAML aliases are not allowed in curated data",
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789+-.eEoxXaAfFinNtTrRuUlL~_ ", max_size=8))
def test_a_plain_scalar_is_resolved_as_the_loader_resolves_it(value: str) -> None:
    loader = yamlmarks._Loader("")
    try:
        assert yamlmarks._implicit(value) == loader.resolve(yaml.ScalarNode, value, (True, False))
    finally:
        loader.dispose()
