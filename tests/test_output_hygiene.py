"""Whatever the data holds, the output is safe to print: no line of it starts with data (a
workflow command), no control character or bidi override reaches the reader, undecodable
file names are escaped, bare web addresses do not become links, and tables of any content
are laid out in one pass."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import source
from hypothesis import given, settings
from hypothesis import strategies as st

HOSTILE_TEXT = "x\n::add-mask::secret\n##[error]boom \x1b]0;title\x07 \u202eevil\u202c see https://evil.example www.evil.example"


def claim_saying(value: str, quote: str = "South attacked first") -> str:
    return (
        "question: What was said?\nkind: text\n"
        f"notes: {json.dumps(value)}\n"
        "assertions:\n"
        f"  - source: daily-1\n    quote: {json.dumps(quote)}\n    value: {json.dumps(value)}\n"
        f"    translation: {json.dumps(value)}\n"
    )


def body(text: str) -> str:
    return text.replace("\n", " ")


@pytest.fixture
def hostile(make_root):  # type: ignore[no-untyped-def]
    daily = source("daily-1", "daily", "2020-09-28", "South attacked first.\n")
    return make_root({"sources/daily/daily-1.md": daily, "claims/t/said.yaml": claim_saying(HOSTILE_TEXT)})


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("command", [("show", "said"), ("list",)])
def test_data_never_starts_a_line_nor_drives_the_terminal(run, hostile, command, fmt) -> None:  # type: ignore[no-untyped-def]
    result = run("--root", str(hostile), *command, "--format", fmt)
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        assert not line.lstrip().startswith(("::", "##[")), line
    for bad in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert bad not in result.stdout


def test_markdown_does_not_link_bare_addresses(run, hostile) -> None:  # type: ignore[no-untyped-def]
    cmarkgfm = pytest.importorskip("cmarkgfm")
    out = run("--root", str(hostile), "show", "said", "--format", "markdown").stdout
    html = cmarkgfm.github_flavored_markdown_to_html(out)
    assert "<a " not in html
    assert "evil.example" in html


def test_the_report_file_holds_no_control_characters(run, hostile) -> None:  # type: ignore[no-untyped-def]
    assert run("--root", str(hostile), "report").exit_code == 0
    text = (hostile / "reports" / "discrepancies.md").read_text(encoding="utf-8")
    assert not any(c in text for c in ("\x1b", "\x07", "\x00", "\u202e"))
    assert "\n::add-mask::" not in text


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "github"])
def test_a_file_name_that_is_not_utf8_is_escaped(run, make_root, fmt) -> None:  # type: ignore[no-untyped-def]
    root = make_root()
    name = os.fsencode(root / "claims" / "t") + b"/bad\xff.yaml"
    Path(os.fsdecode(name)).parent.mkdir(parents=True, exist_ok=True)
    with open(name, "wb") as handle:
        handle.write(b"question: Q\n")
    result = run("--root", str(root), "check", "--format", fmt)
    assert result.exit_code == 1
    result.stdout.encode("utf-8")  # printable under a strict UTF-8 stdout
    assert "\udcff" not in result.stdout
    if fmt == "json":
        files = [p["file"] for p in json.loads(result.stdout)["problems"]]
        assert any(f.startswith("claims/t/bad") for f in files)
    elif fmt == "markdown":
        assert "bad\\\\xff" in result.stdout  # the backslash itself escaped
    else:
        assert "bad\\xff" in result.stdout


def test_a_newline_in_a_file_name_does_not_start_a_line(run, make_root) -> None:  # type: ignore[no-untyped-def]
    root = make_root({"claims/t/x\n::error file=README.md,line=1::injected.yaml": "question: Q\n"})
    for fmt in ("text", "markdown"):
        out = run("--root", str(root), "check", "--format", fmt).stdout
        assert all(not line.startswith("::") for line in out.splitlines()), out


def test_grouped_figures_and_long_names_lay_out(run, make_root) -> None:  # type: ignore[no-untyped-def]
    """Figures written "6,500" beside ranges, with long claimant names, once crashed the
    table's column wrapping."""
    actors = "".join(
        f"- id: party-{n}\n  name: {'The very long official name of the ministry ' * 3}{n}\n"
        for n in range(2)
    )
    daily = source(
        "daily-1", "daily", "2020-09-28", "more than 6,500 people died; between 2,700 and 3,000 people died\n"
    )
    claim = (
        "question: How many died?\nkind: count\nunit: people\nassertions:\n"
        "  - source: daily-1\n    quote: more than 6,500 people\n    value: 6500\n"
        "    qualifier: more_than\n    claimant: party-0\n"
        "  - source: daily-1\n    quote: between 2,700 and 3,000 people\n    value: [2700, 3000]\n"
        "    qualifier: between\n    claimant: party-1\n"
    )
    root = make_root(
        {"sources/actors.yaml": actors, "sources/daily/daily-1.md": daily, "claims/t/c.yaml": claim}
    )
    for columns in ("80", "120"):
        result = run("--root", str(root), "show", "c", env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert "more than 6,500" in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)


def test_a_text_value_of_thousands_of_words_lays_out(run, make_root) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(f"word{n}" for n in range(2000))
    daily = source("daily-1", "daily", "2020-09-28", "South attacked first.\n")
    root = make_root({"sources/daily/daily-1.md": daily, "claims/t/said.yaml": claim_saying(words)})
    for command in (("show", "said"), ("list",)):
        result = run("--root", str(root), *command, env={"COLUMNS": "80"})
        assert result.exit_code == 0
        assert max(len(line) for line in result.stdout.splitlines()) <= 80
        assert "word1999" in result.stdout


# The escapes as first written, one regular expression each: the fast paths must agree.
_REFERENCE_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REFERENCE_ACTIVE = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_REFERENCE_AUTOLINK = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*):(?=//)|\b(www)\.")


def _reference_markdown(text: str) -> str:
    if re.search("[\udc80-\udcff]", text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    escaped = _REFERENCE_ACTIVE.sub(r"\\\1", " ".join(_REFERENCE_INVISIBLE.sub("", text).split()))
    escaped = _REFERENCE_AUTOLINK.sub(
        lambda m: f"{m.group(1)}\\:" if m.group(1) else f"{m.group(2)}\\.", escaped
    )
    return escaped.replace("&", "&amp;").replace("@", "@\u2060")


_PIECES = [
    *"aZw.W:/ \t\n@&#|*_[]()<>\\`~!+{}",
    *(
        "www.",
        "WwW.",
        "http://",
        "HTTPS://",
        "x://",
        "\x07",
        "\x1b",
        "\x7f",
        "\x85",
        "\u202e",
        "\xe9",
        "\udc80",
        "\u2066",
    ),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_markdown_escaping_agrees_with_its_reference(text: str) -> None:
    from comparator.render.escape import markdown

    assert markdown(text) == _reference_markdown(text)
