"""Grammar-aware mutations of a data root: values by the field they sit in, YAML tokens where
YAML reads them, front matter, registries, file names, links and pipes.

Each mutation takes the case and a seeded random source and changes the case in place; a
run applies a few of them, so one input can hold several faults at once.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import yaml

from comparator import yamlmarks

from .cases import OUTSIDE, Case

DATES = [
    "0000",
    "0001-01-01",
    "0001",
    "9999-12-31",
    "9999",
    "9999-12",
    "2020-02-30",
    "2020-13",
    "20200",
    "2020-9-1",
    0,
    10000,
    -1,
    "2020-09-27",
]
NUMBERS = [
    0,
    -1,
    1,
    16,
    10**18,
    10**18 + 1,
    10**19,
    1.5,
    6.0,
    2.5e-300,
    "6_500",
    "1,000",
    "0x1F",
    ".inf",
    ".nan",
    "-.inf",
    True,
    None,
    "",
]
SHAPES = [
    [],
    {},
    [1],
    [1, 2],
    [2, 1],
    [1, 2, 3],
    ["a", "b"],
    [[]],
    {"a": 1},
    [None, None],
    ["2020", "2021-01"],
]
TEXTS = [
    "",
    " ",
    "yes",
    "null",
    "a\nb",
    "\x1b[31mred\x1b[0m",
    "::error file=README.md,line=1::injected",
    "\n::add-mask::x",
    "##[error]x",
    "\u202eevil",
    "@everyone",
    "https://example.com/x",
    "<script>alert(1)</script>",
    "| a | b |",
    "`code`",
    "x" * 3000,
    " ".join(["word"] * 1000),
    "\u0000",
    "\ud83d\ude00 emoji",
    "6,500",
    "between 2,700 and 3,000",
]
KINDS = ["count", "quantity", "date", "actor", "boolean", "text", [], {}, "Count", None, 5]
QUALIFIERS = [
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "about",
    "nearly",
    "between",
    "roughly",
    None,
    [],
]
TOKENS = [
    "!!bool maybe",
    "!!float",
    "!!int x",
    "!!str 5",
    "!!timestamp 2020-01-01",
    '!!python/object/apply:os.system ["true"]',
    "&a ",
    "*a",
    "<<: *a\n",
    "\t",
    '"',
    "'",
    ": ",
    "- ",
    "[",
    "{",
    "}",
    "#",
    "\n---\n",
    "\n...\n",
    "%YAML 1.1\n",
    "\x00",
    "\ufeff",
    "\r\n",
    "\r",
    "yes",
    "~",
    "? ",
    "|\n",
    ">-\n",
]
NAMES = [
    "x\udcff.yaml",
    "x\n::error file=README.md,line=1::injected.yaml",
    "Bad Name.yaml",
    ".hidden.yaml",
    "x.yml",
    "a b.yaml",
    "\u202ex.yaml",
    "x\x1b[2J.yaml",
]


def _claims(case: Case) -> list[str]:
    return sorted(rel for rel in case.files if rel.startswith("claims/"))


def _sources(case: Case) -> list[str]:
    return sorted(rel for rel in case.files if rel.startswith("sources/") and rel.endswith(".md"))


def _load(text: str) -> Any:
    try:
        return yamlmarks.load(text)[0]
    except (yamlmarks.YamlError, UnicodeEncodeError):  # damaged by an earlier mutation
        return None


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a repeated item is written out again: aliases have their own mutation


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _pick_value(rng: random.Random) -> Any:
    pool = rng.choice((DATES, NUMBERS, SHAPES, TEXTS))
    return rng.choice(pool)


def _edit_claim(
    case: Case, rng: random.Random, edit: Callable[[dict[str, Any], random.Random], None]
) -> None:
    claims = _claims(case)
    if not claims:
        return
    rel = rng.choice(claims)
    data = _load(case.files[rel])
    if not isinstance(data, dict):
        return
    edit(data, rng)
    case.files[rel] = _dump(data)


def _assertion(data: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    items = data.get("assertions")
    if not isinstance(items, list) or not items:
        return None
    item = rng.choice(items)
    return item if isinstance(item, dict) else None


def value(case: Case, rng: random.Random) -> None:
    """An assertion's value, qualifier or as_of, from the pools of troublesome values."""

    def edit(data: dict[str, Any], rng: random.Random) -> None:
        item = _assertion(data, rng)
        if item is None:
            return
        field = rng.choice(
            ("value", "value", "value", "qualifier", "as_of", "claimant", "quote", "source", "translation")
        )
        if field == "qualifier":
            item[field] = rng.choice(QUALIFIERS)
            if item[field] == "between":
                item["value"] = rng.choice(
                    [
                        *SHAPES,
                        [rng.choice(DATES), rng.choice(DATES)],
                        [rng.choice(NUMBERS), rng.choice(NUMBERS)],
                    ]
                )
        elif field == "as_of":
            item[field] = rng.choice(DATES)
        elif field == "value" and data.get("kind") == "date":
            item[field] = rng.choice(DATES)
            item["qualifier"] = rng.choice(QUALIFIERS[:7])
        else:
            item[field] = _pick_value(rng)

    _edit_claim(case, rng, edit)


def claim_field(case: Case, rng: random.Random) -> None:
    """A claim's own fields: kind, unit, cumulative, tolerance, tags, question, unknown ones."""

    def edit(data: dict[str, Any], rng: random.Random) -> None:
        field = rng.choice(
            ("kind", "kind", "unit", "cumulative", "tolerance", "tags", "question", "notes", "extra", "drop")
        )
        if field == "kind":
            data["kind"] = rng.choice(KINDS)
        elif field == "extra":
            data[rng.choice(("qestion", "acept", "retracted", "x"))] = _pick_value(rng)
        elif field == "drop" and data:
            del data[rng.choice(sorted(data))]
        elif field == "cumulative":
            data[field] = rng.choice((True, False, "yes", None))
        elif field == "tolerance":
            data[field] = rng.choice((0, 0.5, 0.99, 1, -0.1, ".nan", 1e-300))
        else:
            data[field] = _pick_value(rng)

    _edit_claim(case, rng, edit)


def assertions(case: Case, rng: random.Random) -> None:
    """Many assertions, copies or contradictions, or none."""

    def edit(data: dict[str, Any], rng: random.Random) -> None:
        items = data.get("assertions")
        if not isinstance(items, list) or not items:
            return
        how = rng.choice(("copy", "spread", "drop", "empty", "many"))
        if how == "copy":
            items.extend([rng.choice(items)] * rng.randint(1, 30))
        elif how == "spread" and data.get("kind") in ("count", "quantity"):
            base = rng.choice(items)
            if isinstance(base, dict):
                for n in range(rng.randint(2, 60)):
                    items.append(
                        dict(
                            base,
                            value=n * 7 + 1,
                            qualifier=rng.choice(QUALIFIERS[:7]),
                            claimant=rng.choice((None, "armenia", "azerbaijan")),
                        )
                    )
        elif how == "drop":
            items.pop(rng.randrange(len(items)))
        elif how == "empty":
            data["assertions"] = rng.choice(([], {}, None, "x"))
        elif how == "many":
            base = rng.choice(items)
            items.extend([base] * rng.choice((499, 500, 501)))

    _edit_claim(case, rng, edit)


def token(case: Case, rng: random.Random) -> None:
    """A YAML token dropped in where YAML reads it: after a colon, at a line start, or anywhere."""
    rels = _claims(case) + [r for r in case.files if r.endswith(".yaml")] + _sources(case)
    if not rels:
        return
    rel = rng.choice(rels)
    text = case.files[rel]
    lines = text.split("\n")
    if not lines:
        return
    index = rng.randrange(len(lines))
    line = lines[index]
    piece = rng.choice(TOKENS)
    where = rng.choice(("after-colon", "start", "anywhere", "replace-value"))
    if where == "after-colon" and ": " in line:
        at = line.index(": ") + 2
        lines[index] = line[:at] + piece + " " + line[at:]
    elif where == "replace-value" and ": " in line:
        lines[index] = line[: line.index(": ") + 2] + piece
    elif where == "start":
        lines[index] = piece + line
    else:
        at = rng.randint(0, len(line))
        lines[index] = line[:at] + piece + line[at:]
    case.files[rel] = "\n".join(lines)


def text_damage(case: Case, rng: random.Random) -> None:
    """Lines deleted, doubled or cut, bytes flipped, the file emptied or made binary."""
    if not case.files:
        return
    rel = rng.choice(sorted(case.files))
    text = case.files[rel]
    how = rng.choice(("delete-line", "double-line", "truncate", "flip", "empty", "binary", "indent"))
    lines = text.split("\n")
    if how == "delete-line" and lines:
        del lines[rng.randrange(len(lines))]
        text = "\n".join(lines)
    elif how == "double-line" and lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
        text = "\n".join(lines)
    elif how == "indent" and lines:
        i = rng.randrange(len(lines))
        lines[i] = rng.choice((" ", "  ", "\t", "      ")) + lines[i]
        text = "\n".join(lines)
    elif how == "truncate":
        text = text[: rng.randint(0, len(text))]
    elif how == "flip" and text:
        at = rng.randrange(len(text))
        text = (
            text[:at]
            + chr(rng.choice((0x7F, 0x85, 0xA0, 0x2028, 0xFEFF, 0x1B, 0x0C, ord(text[at]) ^ 1)))
            + text[at + 1 :]
        )
    elif how == "empty":
        text = rng.choice(("", " \n", "\n\n", "---\n---\n"))
    elif how == "binary":
        text = "\udcff\udcfe" + text
    case.files[rel] = text


def front_matter(case: Case, rng: random.Random) -> None:
    """A source's front matter: dates, language, outlet, wire and copies, or its fences."""
    sources = _sources(case)
    if not sources:
        return
    rel = rng.choice(sources)
    text = case.files[rel]
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return
    end = text.index("\n---\n", 3)
    head, body = text[4:end], text[end + 5 :]
    data = _load(head)
    if not isinstance(data, dict):
        return
    field = rng.choice(
        (
            "published",
            "published",
            "language",
            "outlet",
            "wire",
            "derived_from",
            "id",
            "authors",
            "fence",
            "body",
        )
    )
    if field == "published":
        data[field] = rng.choice(DATES)
    elif field == "language":
        data[field] = rng.choice(("en", "id", "az", "xx-YY", "", "e", "pt-BR-x-private-use", None, 5, "ar"))
    elif field in ("wire", "derived_from"):
        data[field] = rng.choice((data.get("id"), data.get("outlet"), "missing", "UPPER", None))
    elif field == "fence":
        case.files[rel] = rng.choice(
            (head + "\n" + body, "---\n" + head + "\n" + body, "--- \n" + _dump(data) + "...\n" + body)
        )
        return
    elif field == "body":
        body = rng.choice(
            ("", " \n", body * rng.randint(2, 50), body.replace(".", "\u2026"), body + rng.choice(TEXTS))
        )
    else:
        data[field] = _pick_value(rng)
    case.files[rel] = "---\n" + _dump(data) + "---\n" + body


def registry(case: Case, rng: random.Random) -> None:
    """Outlets and actors: cycles, duplicates, shapes that are not lists."""
    rel = rng.choice(("sources/outlets.yaml", "sources/actors.yaml"))
    data = _load(case.files.get(rel, ""))
    if not isinstance(data, list) or not data:
        case.files[rel] = rng.choice(("", "{}", "- x\n", _dump(rng.choice(SHAPES))))
        return
    how = rng.choice(("cycle", "duplicate", "field", "drop", "shape"))
    entry = rng.choice(data)
    if how == "cycle" and isinstance(entry, dict):
        other = rng.choice(data)
        entry["part_of"] = other.get("id") if isinstance(other, dict) else "x"
        if isinstance(other, dict):
            other["part_of"] = entry.get("id")
    elif how == "duplicate":
        data.append(entry)
    elif how == "field" and isinstance(entry, dict):
        entry[rng.choice(("id", "name", "kind", "aliases", "language", "country", "x"))] = _pick_value(rng)
    elif how == "drop":
        data.remove(entry)
    else:
        data = rng.choice(SHAPES)
    case.files[rel] = _dump(data)


def file_system(case: Case, rng: random.Random) -> None:
    """Names git allows and people type, links in and out of the root, pipes, folders."""
    how = rng.choice(
        (
            "rename",
            "link-out",
            "folder-link-out",
            "folder-link-in",
            "link-in",
            "broken-link",
            "fifo",
            "folder",
            "loose",
        )
    )
    claims = _claims(case)
    if how == "rename" and claims:
        rel = rng.choice(claims)
        case.files[rel.rsplit("/", 1)[0] + "/" + rng.choice(NAMES)] = case.files.pop(rel)
    elif how == "link-out":
        rel = rng.choice(("claims/t/out.yaml", "sources/outlets.yaml", "sources/o/out.md"))
        case.files.pop(rel, None)
        case.links[rel] = OUTSIDE + "/x"
    elif how == "folder-link-out":
        case.links[
            rng.choice(
                ("claims/linked", "sources/linked", "sources/republika/more", "reports", "schema", "claims/t")
            )
        ] = OUTSIDE
    elif how == "folder-link-in":
        case.links[rng.choice(("claims/again", "sources/again"))] = rng.choice(("..", ".", "../claims"))
    elif how == "link-in" and claims:
        case.links["claims/t/alias.yaml"] = "../../" + rng.choice(claims)
    elif how == "broken-link":
        case.links[rng.choice(("claims/t/gone.yaml", "claims/t/loop.yaml"))] = rng.choice(
            ("missing.yaml", "loop.yaml")
        )
    elif how == "fifo":
        case.fifos.append(
            rng.choice(
                (
                    "claims/t/pipe.yaml",
                    "sources/o/pipe.md",
                    "reports/discrepancies.md",
                    "schema/claim.schema.json",
                )
            )
        )
    elif how == "folder":
        case.folders.append(
            rng.choice(("claims/t/dir.yaml", "sources/o/dir.md", "claims/.hidden", "claims/t/deeper/more"))
        )
    else:
        case.files[rng.choice(("claims/loose.yaml", "sources/loose.md", "claims/t/u/deep.yaml"))] = (
            "question: q\n"
        )


MUTATIONS: list[Callable[[Case, random.Random], None]] = [
    value,
    value,
    value,
    claim_field,
    claim_field,
    assertions,
    token,
    token,
    text_damage,
    front_matter,
    front_matter,
    registry,
    file_system,
]


def mutate(case: Case, rng: random.Random) -> Case:
    """A copy of `case` with one to four mutations applied."""
    changed = case.copy()
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        mutation = rng.choice(MUTATIONS)
        mutation(changed, rng)
        changed.note += ("," if changed.note else "") + mutation.__name__
    return changed
