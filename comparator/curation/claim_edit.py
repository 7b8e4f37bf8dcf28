"""`claim new` and `claim add`: a claim file started, or an assertion added to one, by command.

A claim needs at least one assertion (the format says so, and a question nobody answers is
not a claim yet), so `claim new` writes the file with its first assertion, given with the same
options as `claim add`. Either way the assertion is checked as `check` would check it before
anything is written: the quote must occur in the article (or the refusal names the article's
closest passage), and a number must be one the quote states (or the refusal says which numbers
it does state). An existing claim is edited as text: its comments, order and style stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparator import corpus as corpus_mod
from comparator import yamlmarks
from comparator.curation.edits import Changed, Refused, replace_text, write_new
from comparator.curation.yamltext import (
    CannotEdit,
    Field,
    append,
    entry,
    find_list,
    first_changed_line,
    flow_list,
    quoted,
    scalar,
)
from comparator.dates import PartialDate
from comparator.models import parse_value
from comparator.nearest import did_you_mean, nearest
from comparator.problems import Problem, Severity
from comparator.quotes import normalise
from comparator.root import ACTORS, OUTLETS, FileText, read_text, relative
from comparator.terms import SLUG_PATTERN, Kind, Qualifier
from comparator.validate import validate

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/claim.schema.json"


@dataclass(frozen=True)
class NewAssertion:
    """An assertion as the curator gives it on the command line (values as typed)."""

    source: str
    quote: str
    value: str
    qualifier: str | None = None
    claimant: str | None = None
    as_of: str | None = None
    translation: str | None = None


@dataclass(frozen=True)
class NewClaim:
    id: str
    topic: str
    kind: str
    question: str
    first: NewAssertion
    unit: str | None = None
    cumulative: bool = False
    tags: Sequence[str] = ()


@dataclass
class Written:
    """The file written (relative to the root), the line of what was added, and what `check`
    warns about it (only when the curator wrote it despite the warnings) or notes for them."""

    rel: str
    line: int
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def claim_files(root: Path, claim_id: str) -> list[Path]:
    """The files `claims/<topic>/<claim_id>.yaml` (or .yml); an id that is not a slug names none."""
    if not re.fullmatch(SLUG_PATTERN, claim_id):
        return []
    top = root / "claims"
    if not top.is_dir():
        return []
    return sorted(p for suffix in (".yaml", ".yml") for p in top.glob(f"*/{claim_id}{suffix}"))


def new_claim(root: Path, new: NewClaim, despite_warnings: bool = False) -> Written:
    """Write `claims/<topic>/<id>.yaml` holding the question and its first assertion."""
    for name, value in (("claim id", new.id), ("topic", new.topic)):
        if not re.fullmatch(SLUG_PATTERN, value):
            raise Refused(f"{name} {value!r} is not a lowercase slug (letters a-z, digits, single hyphens)")
    taken = claim_files(root, new.id)
    if taken:
        raise Refused(f"claim id {new.id!r} is taken: {relative(root, taken[0])}; nothing was written")
    kind = _kind(new.kind)
    lines = [SCHEMA_LINE] if (root / "schema" / "claim.schema.json").is_file() else []
    lines.append(f"question: {scalar(' '.join(new.question.split()))}")
    lines.append(f"kind: {kind.value}")
    if new.unit:
        lines.append(f"unit: {scalar(' '.join(new.unit.split()))}")
    if new.cumulative:
        lines.append("cumulative: true")
    tags = [t for t in (" ".join(t.split()) for t in new.tags) if t]
    if tags:
        lines.append(f"tags: {flow_list(tags)}")
    lines.append("assertions:")
    first_line = len(lines) + 1
    lines += entry(assertion_fields(kind, new.first), 2, 4)
    text = "\n".join(lines) + "\n"
    rel = f"claims/{new.topic}/{new.id}.yaml"
    warnings = _checked(root, rel, text, range(1, len(lines) + 1), [new.first.source], despite_warnings)
    notes = _topic_notes(root, new.topic)
    try:
        write_new(root / rel, text)
    except FileExistsError:
        raise Refused(f"{rel} appeared meanwhile; nothing was overwritten") from None
    except OSError as exc:
        raise Refused(f"cannot write {rel}: {exc.strerror or exc}") from None
    return Written(rel, first_line, warnings, notes)


def add_assertion(root: Path, claim_id: str, new: NewAssertion, despite_warnings: bool = False) -> Written:
    """Append one assertion to the claim's `assertions:`, checked before it is written."""
    path, before, data = _read_claim(root, claim_id)
    kind = _kind(str(data.get("kind")))
    for number, old in enumerate(data.get("assertions") or [], start=1):
        if (
            isinstance(old, dict)
            and old.get("source") == new.source
            and normalise(str(old.get("quote", ""))) == normalise(new.quote)
            and old.get("claimant") == (new.claimant or None)
        ):
            raise Refused(
                f"claim {claim_id!r} already has this quote of {new.source} as assertion #{number}; "
                "nothing was written"
            )
    return _append_assertion(root, path, before, data, assertion_fields(kind, new), despite_warnings)


def add_lines(root: Path, claim_id: str, lines: list[str]) -> Written:
    """Append pre-rendered lines (commented-out stubs) under the claim's `assertions:`; they
    change nothing `check` reads, so only the file's own form is checked."""
    path, before, _ = _read_claim(root, claim_id)
    try:
        place = find_list(before, ("assertions",))
    except CannotEdit as exc:
        raise Refused(f"cannot add to {relative(root, path)}: {exc}") from None
    dash = place.dash if place is not None and place.empty_flow is None else 2
    after = append(before, place, [" " * dash + line if line else "" for line in lines], under="assertions")
    return _replace(root, path, before, after)


def _append_assertion(
    root: Path, path: Path, before: str, data: dict[str, Any], fields: list[Field], despite_warnings: bool
) -> Written:
    rel = relative(root, path)
    try:
        place = find_list(before, ("assertions",))
    except CannotEdit as exc:
        raise Refused(f"cannot add to {rel}: {exc}") from None
    dash, key = (place.dash, place.key) if place is not None and place.empty_flow is None else (2, 4)
    after = append(before, place, entry(fields, dash, key), under="assertions")
    line = first_changed_line(before, after)
    sources = [str(a.get("source")) for a in data.get("assertions") or [] if isinstance(a, dict)]
    sources.append(fields[0][1])
    warnings = _checked(root, rel, after, range(line, line + len(fields)), sources, despite_warnings)
    written = _replace(root, path, before, after)
    return Written(written.rel, line, warnings)


def _replace(root: Path, path: Path, before: str, after: str) -> Written:
    rel = relative(root, path)
    try:
        replace_text(path, before, after)
    except Changed:
        raise Refused(f"{rel} changed while it was being edited; nothing was written, try again") from None
    except OSError as exc:
        raise Refused(f"cannot write {rel}: {exc.strerror or exc}") from None
    return Written(rel, first_changed_line(before, after))


def _read_claim(root: Path, claim_id: str) -> tuple[Path, str, dict[str, Any]]:
    paths = claim_files(root, claim_id)
    if not paths:
        hint = did_you_mean(claim_id, corpus_mod.claim_ids(root))
        raise Refused(f"no claim {claim_id!r}{hint}; `comparator claim new` starts one")
    if len(paths) > 1:
        raise Refused(f"claim id {claim_id!r} names {len(paths)} files; run `comparator check`")
    path = paths[0]
    read = read_text(root, path)
    if isinstance(read, Problem):
        raise Refused(str(read))
    try:
        data, _ = yamlmarks.load(read.text)
    except yamlmarks.YamlError as exc:
        raise Refused(f"{relative(root, path)}:{exc}; fix it first (run `comparator check`)") from None
    if not isinstance(data, dict) or str(data.get("kind")) not in {k.value for k in Kind}:
        raise Refused(f"{relative(root, path)} is not a claim with a kind; run `comparator check`")
    return path, read.text, data


def _kind(given: str) -> Kind:
    try:
        return Kind(given)
    except ValueError:
        raise Refused(f"unknown kind {given!r}; one of {', '.join(k.value for k in Kind)}") from None


def assertion_fields(kind: Kind, new: NewAssertion) -> list[Field]:
    """The assertion's fields in the format's order, each rendered as YAML; `Refused` for a
    value that the claim's kind cannot hold."""
    qualifier = _qualifier(new.qualifier)
    value = render_value(kind, qualifier, new.value)
    if not normalise(new.quote):
        raise Refused("--quote is empty")
    fields: list[Field] = [("source", scalar(new.source.strip())), ("quote", quoted(_flat(new.quote)))]
    if new.translation and _flat(new.translation):
        fields.append(("translation", quoted(_flat(new.translation))))
    fields.append(("value", value))
    if qualifier is not Qualifier.EXACT:
        fields.append(("qualifier", qualifier.value))
    if new.as_of:
        try:
            fields.append(("as_of", PartialDate.parse(new.as_of.strip()).iso()))
        except ValueError as exc:
            raise Refused(f"--as-of: {exc}") from None
    if new.claimant:
        fields.append(("claimant", scalar(new.claimant.strip())))
    return fields


def _flat(text: str) -> str:
    return " ".join(text.split())


def _qualifier(given: str | None) -> Qualifier:
    try:
        return Qualifier(given or "exact")
    except ValueError:
        raise Refused(
            f"unknown qualifier {given!r}; one of {', '.join(q.value for q in Qualifier)}"
        ) from None


_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def render_value(kind: Kind, qualifier: Qualifier, typed: str) -> str:
    """The value as the claim file writes it, checked against the kind and qualifier."""
    text = typed.strip()
    raw: Any
    if kind is Kind.TEXT and qualifier is not Qualifier.BETWEEN:
        raw = _flat(text)
    else:
        # 1,200 is how people type a thousand and two hundred; the file writes 1200.
        text = _GROUPED.sub(lambda m: m.group().replace(",", ""), text)
        try:
            raw, _ = yamlmarks.load(text)
        except yamlmarks.YamlError:
            raw = text
    try:
        parse_value(kind, qualifier, raw)
    except ValueError as exc:
        raise Refused(f"--value: {exc}") from None
    if kind is Kind.TEXT:
        return quoted(raw)
    if isinstance(raw, list):
        return "[" + ", ".join(_plain(v) for v in raw) + "]"
    return _plain(raw)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def _checked(
    root: Path, rel: str, text: str, lines: range, sources: list[str], despite_warnings: bool
) -> list[Problem]:
    """What `check` says about the new lines of the claim file `rel` holding `text`: errors
    refuse it, and so do warnings unless the curator writes despite them (then returned)."""
    files: dict[str, FileText | Problem] = {}
    for registry in (OUTLETS, ACTORS):
        if (root / registry).exists():
            files[registry] = read_text(root, root / registry)
    for source_id in dict.fromkeys(sources):
        if re.fullmatch(SLUG_PATTERN, source_id) and (root / "sources").is_dir():
            for path in sorted((root / "sources").glob(f"*/{source_id}.md")):
                files[relative(root, path)] = read_text(root, path)
    files[rel] = FileText(rel, text)
    corpus = corpus_mod.from_files(root, files)
    found = sorted({p for p in corpus.problems + validate(corpus) if p.file == rel})
    mine = [p for p in found if p.line in lines or p.code == "yaml-syntax"]
    errors = [p for p in mine if p.severity is Severity.ERROR]
    warnings = [p for p in mine if p.severity is Severity.WARNING]
    if errors or (warnings and not despite_warnings):
        hint = "" if errors else "\n(give --despite-warnings to write it all the same)"
        raise Refused("the assertion would not pass check:\n" + "\n".join(str(p) for p in mine) + hint)
    return warnings


def _topic_notes(root: Path, topic: str) -> list[str]:
    folder = root / "claims"
    if (folder / topic).is_dir() or not folder.is_dir():
        return []
    topics = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    near = nearest(topic, topics)
    if not near:
        return [f"new topic {topic!r}"]
    return [f"new topic {topic!r} (existing topics near it: {', '.join(repr(n) for n in near)})"]
