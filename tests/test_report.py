"""`comparator report`: golden files, markdown structure, staleness checks and safe writing.

The goldens in tests/golden/report/ are the exact bytes expected for the fixture corpus in
tests/fixtures/report/. After an intended change to the report, regenerate them with

    UPDATE_GOLDEN=1 python3 -m pytest tests/test_report.py

and read the diff before committing it: the default run only compares.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from comparator import atomic
from comparator import corpus as corpus_mod
from comparator.compare import analyse
from comparator.render.escape import markdown as md
from comparator.render.markdown import table
from comparator.report import chart, facts, files
from comparator.report.content import build, running_total
from comparator.report.links import href
from comparator.terms import SLUG_PATTERN

TESTS = Path(__file__).parent
FIXTURE = TESTS / "fixtures" / "report"
GOLDEN = TESTS / "golden" / "report"
REPO = TESTS.parent
REPORT = "reports/discrepancies.md"

ANCHOR = re.compile(r'<a id="((?:report--|total--)?[a-z0-9]+(?:-[a-z0-9]+)*)">')


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "data"))


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing; create it with UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


def write_report(run: Any, root: Path, *args: str) -> str:
    result = run("--root", str(root), "report", *args)
    assert result.exit_code == 0, result.stderr
    return (root / REPORT).read_bytes().decode("utf-8")


# --- golden files -----------------------------------------------------------------------


def test_full_report_matches_golden(run, data):  # type: ignore[no-untyped-def]
    result = run("--root", str(data), "report")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "wrote reports/discrepancies.md: 6 claims, 3 contested\n"
    assert sorted(p.name for p in (data / "reports").iterdir()) == ["discrepancies.md"]
    golden("discrepancies.md", (data / REPORT).read_bytes().decode("utf-8"))


def test_subset_report_matches_golden(run, data):  # type: ignore[no-untyped-def]
    result = run("--root", str(data), "report", "--topic", "war", "--tag", "dispute", "--tag", "dates")
    assert result.exit_code == 0
    assert result.stderr == "wrote reports/discrepancies.md: 2 claims, 1 contested\n"
    text = (data / REPORT).read_text(encoding="utf-8")
    assert "**This report covers a subset of the claims:** topic war; tag dates; tag dispute." in text
    golden("subset-war.md", text)
    same = run(
        "--root", str(data), "report", "--check", "--tag", "dates", "--topic", "war", "--tag", "dispute"
    )
    assert same.exit_code == 0  # the order of the options does not matter


# --- determinism --------------------------------------------------------------------------


def test_same_data_gives_the_same_bytes(run, data, tmp_path):  # type: ignore[no-untyped-def]
    first = write_report(run, data)
    # the same files written in another order, under another path
    other = tmp_path / "elsewhere" / "copy"
    other.mkdir(parents=True)
    for path in sorted(FIXTURE.rglob("*"), reverse=True):
        target = other / path.relative_to(FIXTURE)
        if path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    second = write_report(run, other)
    assert first == second
    assert write_report(run, data) == first
    raw = (data / REPORT).read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n") and not raw.endswith(b"\n\n")


def test_no_timestamps_or_absolute_paths(run, data):  # type: ignore[no-untyped-def]
    text = write_report(run, data)
    assert str(data) not in text
    assert not re.search(r"\b20[2-9]\d-\d\d-\d\dT", text)


# --- --check --------------------------------------------------------------------------------


def test_check_names_a_missing_report_and_writes_nothing(run, data):  # type: ignore[no-untyped-def]
    result = run("--root", str(data), "report", "--check")
    assert result.exit_code == 1
    assert result.stderr == (
        "reports/discrepancies.md is missing\n"
        "comparator: the report is not current; run `comparator report` and commit the result\n"
    )
    assert not (data / "reports").exists()


def test_check_passes_when_current_and_fails_when_stale(run, data):  # type: ignore[no-untyped-def]
    write_report(run, data)
    ok = run("--root", str(data), "report", "--check")
    assert (ok.exit_code, ok.stderr) == (0, "reports/discrepancies.md is current\n")
    claim = data / "claims/war/drones-downed.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("How many drones", "How many UAVs"), encoding="utf-8"
    )
    before = (data / REPORT).read_bytes()
    stale = run("--root", str(data), "report", "--check")
    assert stale.exit_code == 1
    assert stale.stderr.splitlines()[0] == "reports/discrepancies.md is stale"
    assert (data / REPORT).read_bytes() == before  # --check never writes


def test_check_with_a_subset_compares_the_subset(run, data):  # type: ignore[no-untyped-def]
    write_report(run, data, "--topic", "casualties")
    assert run("--root", str(data), "report", "--check").exit_code == 1
    assert run("--root", str(data), "report", "--check", "--topic", "casualties").exit_code == 0


# --- --out and links ------------------------------------------------------------------------


def _links(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [t.attrGet("href") for t in _walk(tokens) if t.type == "link_open"]  # type: ignore[misc]


@pytest.mark.parametrize("where", ["default", "inside", "outside"])
def test_links_to_claim_files_resolve_from_the_report_folder(run, data, tmp_path, where):  # type: ignore[no-untyped-def]
    out = {
        "default": data / "reports",
        "inside": data / "docs" / "deep",
        "outside": tmp_path / "site" / "out",
    }[where]
    args = [] if where == "default" else ["--out", str(out)]
    result = run("--root", str(data), "report", *args)
    assert result.exit_code == 0
    shown = (
        "reports/discrepancies.md"
        if where == "default"
        else ("docs/deep/discrepancies.md" if where == "inside" else str(out / "discrepancies.md"))
    )
    assert result.stderr == f"wrote {shown}: 6 claims, 3 contested\n"
    links = [
        h
        for h in _links((out / "discrepancies.md").read_text(encoding="utf-8"))
        if not h.startswith(("#", "http"))
    ]
    assert len(links) == 6
    for link in links:
        assert (out / link).resolve().is_file(), link
        assert link.endswith(".yaml") and link.count("claims/") == 1


# --- writing safely -------------------------------------------------------------------------


def test_a_hand_written_file_is_not_overwritten_unless_forced(run, data):  # type: ignore[no-untyped-def]
    (data / "reports").mkdir()
    (data / REPORT).write_text("# My own notes\n", encoding="utf-8")
    refused = run("--root", str(data), "report")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "comparator: reports/discrepancies.md was not written by comparator; not overwritten (use --force)\n"
    )
    assert (data / REPORT).read_text(encoding="utf-8") == "# My own notes\n"
    assert run("--root", str(data), "report", "--force").exit_code == 0
    assert (data / REPORT).read_text(encoding="utf-8").startswith("# Discrepancy report\n")


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_leaves_the_old_report_and_no_temporary_file(run, data, monkeypatch, failure):  # type: ignore[no-untyped-def]
    old = write_report(run, data)
    (data / "claims/war/drones-downed.yaml").unlink()

    def crash(src: str, dst: str) -> None:
        raise failure

    monkeypatch.setattr(files.os, "replace", crash)
    result = run("--root", str(data), "report")
    assert result.exit_code == 1
    if isinstance(failure, OSError):
        assert (
            result.stderr
            == f"comparator: cannot write the report in {data / 'reports'}: No space left on device\n"
        )
    assert (data / REPORT).read_text(encoding="utf-8") == old
    assert sorted(p.name for p in (data / "reports").iterdir()) == ["discrepancies.md"]


def test_a_new_report_is_readable_by_everyone_the_umask_allows(data, tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "r.md"
    atomic.write(target, b"x\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    atomic.write(target, b"y\n")
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"y\n", 0o640)


def test_base_link() -> None:
    root = Path("/data/repo")
    assert files.base_link(root / "reports", root) == "../"
    assert files.base_link(root, root) == ""
    assert files.base_link(Path("/data/site/out"), root) == "../../repo/"


# --- refusals ---------------------------------------------------------------------------------


def test_unknown_topic_or_tag_is_named_with_a_suggestion(run, data):  # type: ignore[no-untyped-def]
    result = run("--root", str(data), "report", "--topic", "casualty")
    assert (result.exit_code, result.stderr) == (
        1,
        "comparator: no claim has topic 'casualty' (did you mean 'casualties'?)\n",
    )
    result = run("--root", str(data), "report", "--tag", "nope")
    assert (result.exit_code, result.stderr) == (1, "comparator: no claim has tag 'nope'\n")
    assert not (data / "reports").exists()


def test_data_errors_stop_the_report_with_their_place(run, data):  # type: ignore[no-untyped-def]
    claim = data / "claims/war/drones-downed.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("downed 3 drones", "downed 4 drones"), encoding="utf-8"
    )
    result = run("--root", str(data), "report")
    assert result.exit_code == 1
    first, last = result.stderr.splitlines()[0], result.stderr.splitlines()[-1]
    assert first.startswith("claims/war/drones-downed.yaml:7:12: error quote-not-found ")
    assert last == "comparator: 1 error in the data; fix them before reporting (see `comparator check`)"
    assert not (data / "reports").exists()


def test_an_empty_corpus_gives_a_short_report(run, make_root):  # type: ignore[no-untyped-def]
    root = make_root()
    result = run("--root", str(root), "report")
    assert (result.exit_code, result.stderr) == (0, "wrote reports/discrepancies.md: 0 claims, 0 contested\n")
    text = (root / REPORT).read_text(encoding="utf-8")
    assert "No claims to report." in text and "No contested claims." in text


def test_help_describes_every_option(run):  # type: ignore[no-untyped-def]
    result = run("report", "--help")
    for option in ("--out", "--topic", "--tag", "--check", "--force"):
        assert option in result.stdout


# --- the markdown, parsed as GitHub would -------------------------------------------------------


def _walk(tokens: Any) -> Any:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _plain(inline: Any) -> str:
    """The text a reader sees in an inline token (escapes and entities resolved)."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
    return "".join(parts)


def _tables(tokens: Any) -> list[tuple[list[str], int, set[int]]]:
    """Each table as (header texts, number of body rows, the set of cell counts per row)."""
    found = []
    i = 0
    while i < len(tokens):
        if tokens[i].type != "table_open":
            i += 1
            continue
        headers: list[str] = []
        rows = 0
        widths: set[int] = set()
        cells = 0
        in_body = False
        while tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "tbody_open":
                in_body = True
            elif t.type == "tr_open":
                cells = 0
            elif t.type == "tr_close" and in_body:
                rows += 1
                widths.add(cells)
            elif t.type in ("th_open", "td_open"):
                cells += 1
            elif t.type == "inline" and not in_body:
                headers.append(_plain(t))
            i += 1
        found.append((headers, rows, widths))
    return found


ASSERTIONS = ["#", "outlet", "published", "claimant", "value", "as of", "origin"]
WITH_SIDES = ["#", "side", "outlet", "published", "claimant", "value", "as of", "origin"]
HERALD = "Herald | Evening <b>Edition</b>"
WIRE = 'Wire `Agency` "Global" ```'


def test_tables_have_the_expected_columns_and_rows(run, data):  # type: ignore[no-untyped-def]
    tokens = MarkdownIt("commonmark").enable("table").parse(write_report(run, data))
    tables = _tables(tokens)
    assert [(h, n) for h, n, _ in tables] == [
        (["topic", "contested", "corroborated", "single-origin", "claims"], 4),
        (["claim", "question", "verdict", "origins", "consensus or competing values"], 6),
        (WITH_SIDES, 3),  # death-toll: two sides, and a figure they superseded
        (WITH_SIDES, 2),  # soldiers-killed-first-attack
        (WITH_SIDES, 3),  # who-attacked-first
        (["#", "as of", "origin", "outlet", "figure", "lower bound", "status"], 3),
        (ASSERTIONS, 3),  # hostile-markup
        (ASSERTIONS, 4),  # fighting-start
        (ASSERTIONS, 2),  # drones-downed
        (["outlet", "Gazette", HERALD, "The Daily", WIRE], 4),
        (["outlet's own voice", "North", "South"], 1),  # media reports only in a superseded figure
    ]
    for headers, _, widths in tables:
        assert widths == {len(headers)}


def test_no_quote_breaks_a_table_row(run, data):  # type: ignore[no-untyped-def]
    text = write_report(run, data)
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not line.startswith("|"):
            continue
        start = n
        while lines[start - 1].startswith("|"):
            start -= 1
        columns = len(re.findall(r"(?<!\\)\|", lines[start])) - 1
        assert len(re.findall(r"(?<!\\)\|", line)) - 1 == columns, line


def test_no_html_from_data_survives(run, data):  # type: ignore[no-untyped-def]
    text = write_report(run, data)
    parser = MarkdownIt("commonmark").enable("table")
    tokens = list(_walk(parser.parse(text)))
    assert [t for t in tokens if t.type == "html_block"] == []
    inline = [t.content for t in tokens if t.type == "html_inline"]
    opening = [tag for tag in inline if tag != "</a>"]
    assert len(opening) == inline.count("</a>")
    assert all(ANCHOR.fullmatch(tag) for tag in opening), opening
    html = parser.render(text)
    for bad in ("<script", "<b>", "<i>", "<img", "</td><td>", 'href="javascript'):
        assert bad not in html
    # the hostile quote is shown, literally, to the reader
    assert "use the | pipe and &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; here" in html
    assert "[click here](javascript:alert(1))" in html
    assert "](javascript" not in text


def test_anchors_are_unique_and_every_link_lands(run, data):  # type: ignore[no-untyped-def]
    text = write_report(run, data)
    anchors = ANCHOR.findall(text)
    assert len(anchors) == len(set(anchors))
    claims = {p.stem for p in (data / "claims").rglob("*.yaml")}
    assert claims <= set(anchors)
    assert all(re.fullmatch(SLUG_PATTERN, a) for a in claims)
    # claim ids in curators' notes lead to their claims, with or without the topic folder
    assert "compare [war/who-attacked-first](#who-attacked-first) and [death-toll](#death-toll)." in text
    internal = [h[1:] for h in _links(text) if h.startswith("#")]
    assert internal and set(internal) <= set(anchors)
    external = [h for h in _links(text) if h.startswith("http")]
    assert external and all(re.fullmatch(r"https://[\w./%?&=~-]+", h) for h in external), external


def test_mermaid_blocks_hold_only_sanitised_chart_lines(run, data):  # type: ignore[no-untyped-def]
    text = write_report(run, data)
    fences = [t for t in MarkdownIt("commonmark").parse(text) if t.type == "fence"]
    assert [t.info for t in fences] == ["mermaid"]
    lines = fences[0].content.split("\n")
    # the front matter holds the chart's fixed frame and no data
    assert lines[:14] == [
        "---",
        "config:",
        "  xyChart:",
        "    width: 900",
        "    height: 152",
        "    plotReservedSpacePercent: 40",
        "    yAxis:",
        "      showLabel: false",
        "      showTick: false",
        "  themeVariables:",
        "    xyChart:",
        '      plotColorPalette: "#4e79a7"',
        "---",
        "xychart-beta horizontal",
    ]
    lines = lines[14:]
    label = r'"[^"`\n#;]*"'
    assert re.fullmatch(rf"    x-axis \[{label}(, {label})*\]", lines[0])
    assert lines[0].count('"') == 6  # three figures, three labels
    assert lines[1:] == ['    y-axis "people (lower bound)" 0 --> 126', "    bar [16, 120, 90]", ""]


# --- the data behind the report -----------------------------------------------------------------


def _report(root: Path):  # type: ignore[no-untyped-def]
    corpus = corpus_mod.load(root)
    return corpus, build(
        corpus, [facts.made(corpus, analyse(corpus, c), "../") for c in corpus.claims.values()]
    )


def test_running_total_marks_superseded_and_contradictory_figures() -> None:
    corpus, report = _report(FIXTURE)
    (claim,) = report.totals
    total = running_total(corpus, analyse(corpus, corpus.claims[claim.id]))
    assert [(f.index, f.low, f.superseded_by, f.contradicts) for f in total.figures] == [
        (0, 16, (1, 2), ()),
        (1, 120, (), (2,)),
        (2, 90, (), (1,)),
    ]


def test_outlet_and_party_matrices() -> None:
    _, report = _report(FIXTURE)
    assert report.outlets == (
        "gazette",
        "herald",
        "daily",
        "wire",
    )  # by name: Gazette, Herald, The Daily, Wire
    daily_herald = report.outlet_pairs[("daily", "herald")]
    assert daily_herald == report.outlet_pairs[("herald", "daily")]
    assert daily_herald.contradict == ("soldiers-killed-first-attack", "who-attacked-first")
    assert daily_herald.compatible == ("death-toll", "fighting-start")  # a superseded figure is compatible
    assert daily_herald.agree == ("drones-downed", "hostile-markup")
    assert ("daily", "gazette") in report.outlet_pairs and ("gazette", "gazette") not in report.outlet_pairs
    assert report.parties == ("north", "south")  # media reports stand only behind a superseded figure
    assert report.stances[("wire", "north")].sides == ("who-attacked-first",)
    assert report.stances[("wire", "south")].opposes == ("who-attacked-first",)
    assert ("herald", "north") not in report.stances  # herald never speaks in its own voice there


def test_claims_come_contested_first_then_by_topic() -> None:
    _, report = _report(FIXTURE)
    assert [a.id for a in report.claims] == [
        "death-toll",
        "soldiers-killed-first-attack",
        "who-attacked-first",
        "hostile-markup",
        "fighting-start",
        "drones-downed",
    ]
    o = report.overview
    assert (o.claims, o.assertions, o.sources, o.outlets) == (6, 17, 4, 4)


# --- escaping, property-tested ------------------------------------------------------------------

PIECES = [*list("ab |<>`*_[]()!#&;:\\\"'\n\t-=~."), "javascript:", "<script>", "```", "&amp;", "</td>", "1."]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(HOSTILE, HOSTILE)
def test_any_text_stays_in_its_cell(a: str, b: str) -> None:
    text = table(["x", "y"], [[md(a), md(b)], ["1", "2"]])
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert [(h, n) for h, n, _ in _tables(tokens)] == [(["x", "y"], 2)]
    cells = [_plain(t) for t in tokens if t.type == "inline"][2:4]
    assert cells == [" ".join(a.split()), " ".join(b.split())]
    assert not [t for t in _walk(tokens) if t.type.startswith("html")]


@given(st.text())
def test_chart_labels_cannot_end_a_string_or_the_block(value: str) -> None:
    label = chart.text(value)
    assert not set(label) & set('"`\n\r#;%<>[]{}|\\')
    assert len(label) <= 60


def test_only_web_addresses_become_links() -> None:
    assert href("javascript:alert(1)") is None
    assert href("JAVASCRIPT://x") is None
    assert href("data:text/html,x") is None
    assert href(None) is None
    assert href("https://x.example/a (b)|c") == "https://x.example/a%20%28b%29%7Cc"
    assert href("http://x.example/?a=1&b=%20") == "http://x.example/?a=1&b=%20"


# --- the bundled corpus -------------------------------------------------------------------------


@pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="the repository holds no corpus")
def test_committed_report_of_the_bundled_corpus_is_current(run):  # type: ignore[no-untyped-def]
    result = run("--root", str(REPO), "report", "--check")
    assert result.exit_code == 0, result.stderr


def test_report_never_goes_among_the_data(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root()
    result = run("--root", str(root), "report", "--out", str(root / "claims" / "t"))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"comparator: {root / 'claims' / 't'} is inside the curated data (claims/); write generated files elsewhere\n"
    )
    assert not (root / "claims" / "t").exists()


def test_mentions_in_data_notify_nobody() -> None:
    from comparator.render.escape import markdown

    assert markdown("ask @octocat") == "ask @\u2060octocat"
