"""Every link of the report lands, as GitHub renders it (cmark-gfm, through `cmarkgfm`).

An `#anchor` link needs an element with that id on the page; a relative link needs the file
it names, resolved from the report's folder as GitHub resolves it.
"""

from __future__ import annotations

import shutil
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from conftest import source

from comparator.facets import Filters
from comparator.report import build

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURE = TESTS / "fixtures" / "report"
REPORT = "reports/discrepancies.md"

# A running total with one figure, beside one with two: both are linked from their claims.
TOTALS = {
    "sources/daily/daily-2.md": source("daily-2", "daily", "2020-10-01", "At least 100 people have died.\n"),
    "claims/war/toll.yaml": (
        "question: How many people were killed?\nkind: count\ncumulative: true\nassertions:\n"
        "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 16\n    qualifier: at_least\n"
        "  - source: daily-2\n    quote: At least 100 people have died\n    value: 100\n    qualifier: at_least\n"
    ),
    "claims/war/wounded.yaml": (
        "question: How many people were killed by the end of the war?\nkind: count\ncumulative: true\n"
        "assertions:\n  - source: herald-1\n    quote: more than 6,500 people\n    value: 6500\n"
        "    qualifier: more_than\n"
    ),
}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def links_of(markdown: str) -> Links:
    # GitHub renders raw HTML, then keeps the ids of <a id> (its script maps #x to them).
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    parser = Links()
    parser.feed(html)
    return parser


def broken_links(report: Path) -> list[str]:
    """The links of `report` that lead nowhere: a missing file, or a missing anchor in this
    page or in another markdown page it links to."""
    links = links_of(report.read_text("utf-8"))
    assert links.hrefs, "a report without links tests nothing"
    broken = []
    for href in links.hrefs:
        parsed = urllib.parse.urlsplit(href)
        if parsed.scheme in ("http", "https"):
            continue
        target = (report.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else report
        if parsed.scheme or not target.is_file():
            broken.append(href)
        elif parsed.fragment and target.suffix == ".md":
            ids = links.ids if target == report else links_of(target.read_text("utf-8")).ids
            if urllib.parse.unquote(parsed.fragment) not in ids:
                broken.append(href)
    return broken


def test_every_link_of_the_fixture_reports_lands(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = Path(shutil.copytree(FIXTURE, tmp_path / "data"))
    assert run("--root", str(data), "report").exit_code == 0
    assert broken_links(data / REPORT) == []
    assert run("--root", str(data), "report", "--topic", "war").exit_code == 0
    assert broken_links(data / REPORT) == []


def test_single_figure_totals_are_linked_targets(make_root, run) -> None:  # type: ignore[no-untyped-def]
    root = make_root(TOTALS)
    assert run("--root", str(root), "report").exit_code == 0
    text = (root / REPORT).read_text("utf-8")
    assert "[figures over time](#total--wounded)" in text
    assert "[figures over time](#total--toll)" in text
    assert broken_links(root / REPORT) == []


def test_every_link_of_a_paged_report_lands(tmp_path: Path) -> None:
    data = Path(shutil.copytree(FIXTURE, tmp_path / "data"))
    outcome = build.run(data, data / "reports", Filters(), limit=6000)
    assert len(outcome.files) > 2
    for name in outcome.files:
        assert broken_links(data / "reports" / name) == [], name


@pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="no bundled corpus")
def test_every_link_of_the_bundled_report_lands() -> None:
    assert broken_links(REPO / REPORT) == []


def test_a_broken_link_is_found(tmp_path: Path) -> None:
    (tmp_path / "here.md").write_text("x\n")
    report = tmp_path / "reports" / "r.md"
    report.parent.mkdir()
    report.write_text(
        '<a id="top"></a>\n# T\n\n[ok](#top) [gone](#nowhere) [file](../here.md) [missing](../gone.md)'
        " [web](https://example.org/x)\n"
    )
    (tmp_path / "reports" / "other.md").write_text('<a id="there"></a>\n# O\n')
    report.write_text(report.read_text() + "[page](other.md#there) [no anchor](other.md#not-there)\n")
    assert broken_links(report) == ["#nowhere", "../gone.md", "other.md#not-there"]
