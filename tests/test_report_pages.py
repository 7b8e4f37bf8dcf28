"""A report larger than a page renders comfortably becomes an index and pages per topic."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from comparator.facets import Filters
from comparator.report.build import run
from comparator.report.markdown import GENERATED

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "report"
LIMIT = 6000  # bytes: small enough that the fixture's report needs several pages


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def test_a_large_report_is_an_index_and_pages_each_under_the_limit(root: Path) -> None:
    outcome = run(root, root / "reports", Filters(), limit=LIMIT)
    written = pages(root / "reports")
    assert sorted(written) == sorted(outcome.files)
    assert set(written) >= {
        "discrepancies.md",
        "topic-casualties.md",
        "topic-media.md",
        "topic-war.md",
        "sources.md",
    }
    for name, text in written.items():
        assert GENERATED in text
        assert len(text.encode("utf-8")) <= LIMIT or text.count("\n### ") <= 1, name
    index = written["discrepancies.md"]
    assert "## Contested claims" in index
    assert "(topic-war.md#who-attacked-first)" in index


def test_every_link_between_pages_lands(root: Path) -> None:
    run(root, root / "reports", Filters(), limit=LIMIT)
    written = pages(root / "reports")
    anchors = {name: set(re.findall(r'<a id="([^"]+)"></a>', text)) for name, text in written.items()}
    for name, text in written.items():
        for target in re.findall(r"\]\(([^)\s]*)\)", text):
            if target.startswith(("http://", "https://", "../")):
                continue
            page, _, anchor = target.partition("#")
            page = page or name
            assert page in written, (name, target)
            assert not anchor or anchor in anchors[page], (name, target)


def test_the_same_data_gives_the_same_pages(root: Path) -> None:
    run(root, root / "reports", Filters(), limit=LIMIT)
    first = pages(root / "reports")
    run(root, root / "reports", Filters(), limit=LIMIT)
    assert pages(root / "reports") == first
    assert not run(root, root / "reports", Filters(), limit=LIMIT, check=True).stale


def test_check_flags_pages_that_should_no_longer_exist_and_a_write_removes_them(root: Path) -> None:
    run(root, root / "reports", Filters(), limit=LIMIT)
    checked = run(root, root / "reports", Filters(), check=True)  # now it fits on one page
    assert checked.stale == ("discrepancies.md",)
    assert "reports/topic-war.md" in checked.obsolete
    (root / "reports" / "notes.md").write_text("# my own notes\n", encoding="utf-8")
    written = run(root, root / "reports", Filters())
    assert sorted(pages(root / "reports")) == ["discrepancies.md", "notes.md"]  # not ours: kept
    assert "reports/topic-war.md" in written.obsolete


def test_check_through_the_command_names_obsolete_pages(run_cli, root: Path) -> None:  # type: ignore[no-untyped-def]
    run(root, root / "reports", Filters(), limit=LIMIT)
    result = run_cli("--root", str(root), "report", "--check")
    assert result.exit_code == 1
    assert "comparator: reports/topic-war.md is no longer part of the report" not in result.stderr
    assert "reports/topic-war.md is no longer part of the report\n" in result.stderr


@pytest.fixture
def run_cli(run):  # type: ignore[no-untyped-def]
    return run
