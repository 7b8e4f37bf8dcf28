"""Running-total charts: labels that fit, and every ```mermaid block drawn by the real Mermaid.

The drawing test renders each chart of the golden reports, of the bundled report and of a
report with many figures through mermaid-cli in Chromium (`.ci/run` installs both), and fails
on a parse error or on a label Mermaid did not draw whole: Mermaid hides every axis label when
one does not fit. Without mermaid-cli it is skipped, except under CI, where it fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import OUTLETS as BASE_OUTLETS
from conftest import source
from markdown_it import MarkdownIt

from comparator.report import chart

REPO = Path(__file__).resolve().parent.parent
MMDC = Path(os.environ.get("MERMAID_CLI", REPO / ".mermaid" / "node_modules" / ".bin" / "mmdc"))
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
REPORTS = [
    *sorted((REPO / "tests" / "golden" / "report").glob("*.md")),
    REPO / "reports" / "discrepancies.md",
]

# Eight figures of one running total, from outlets with long names, small beside large.
OUTLETS = BASE_OUTLETS + "".join(
    f"- id: o{i}\n  name: {name}\n  kind: newspaper\n"
    for i, name in enumerate(
        [
            "Armenian Ministry of Defence",
            "Ministry of Defence of the Republic of Azerbaijan (official statement)",
            "Anadolu Agency",
            "Republika",
            "Reuters",
            "Kementerian Luar Negeri Republik Indonesia",
            "SINDOnews",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        ]
    )
)
FIGURES = [
    ("2020-09-28", "At least 16 people were killed", "16", "at_least"),
    ("2020-09-30", "84 people were killed", "84", "exact"),
    ("2020-10-05", "at most 50 people were killed", "50", "at_most"),
    ("2020-10-12", "about 500 people were killed", "500", "about"),
    ("2020-11-01", "2,317 people were killed", "2317", "exact"),
    ("2020-12-03", "between 2,783 and 2,900 people were killed", "[2783, 2900]", "between"),
    ("2021-11-24", "more than 6,500 people were killed", "6500", "more_than"),
    ("2022-09-13", "1,000,000 people were killed", "1000000", "exact"),
]
MANY = {
    "sources/outlets.yaml": OUTLETS,
    **{
        f"sources/o{i}/s{i}.md": source(f"s{i}", f"o{i}", day, quote + ".\n")
        for i, (day, quote, _, _) in enumerate(FIGURES)
    },
    "claims/war/toll.yaml": "question: How many people were killed?\nkind: count\nunit: people\n"
    "cumulative: true\nassertions:\n"
    + "".join(
        f"  - source: s{i}\n    quote: {quote}\n    value: {value}\n    qualifier: {qualifier}\n"
        for i, (_, quote, value, qualifier) in enumerate(FIGURES)
    ),
}


def mermaid_blocks(text: str) -> list[str]:
    return [
        t.content for t in MarkdownIt("commonmark").parse(text) if t.type == "fence" and t.info == "mermaid"
    ]


def categories(block: str) -> list[str]:
    line = next(x for x in block.splitlines() if x.strip().startswith("x-axis"))
    return re.findall(r'"([^"]*)"', line)


# --- labels -------------------------------------------------------------------------------------


def test_a_long_name_gives_way_and_the_date_and_figure_stay_whole() -> None:
    bar = chart.Bar(
        "12.", "Ministry of Defence of the Republic of Azerbaijan", "30 Sep 2020: at least 2,783", 1
    )
    label = chart.label(bar)
    assert label == "12. Ministry of Defence of the Repu…, 30 Sep 2020: at least 2,783"
    assert chart.width(label) <= chart.LABEL_PIXELS
    assert chart.label(chart.Bar("1.", "Reuters", "1 Nov 2020: 2,317", 1)) == "1. Reuters, 1 Nov 2020: 2,317"


def test_a_figure_too_long_for_any_name_stands_alone() -> None:
    bar = chart.Bar("1.", "Reuters", "1 Nov 2020: between 1,000,000,000 and 2,000,000,000 " * 2, 1)
    label = chart.label(bar)
    assert label.startswith("1. 1 Nov 2020: between") and label.endswith("…")
    assert chart.width(label) <= chart.LABEL_PIXELS


def test_many_figures_make_a_taller_chart_with_every_label(make_root, run) -> None:  # type: ignore[no-untyped-def]
    root = make_root(MANY)
    result = run("--root", str(root), "report")
    assert result.exit_code == 0, result.stderr
    (block,) = mermaid_blocks((root / "reports/discrepancies.md").read_text("utf-8"))
    assert categories(block) == [
        "1. Armenian Ministry of Defence, 28 Sep 2020: at least 16",
        "2. Ministry of Defence of the Republic of Azerb…, 30 Sep 2020: 84",
        "3. Anadolu Agency, 5 Oct 2020: at most 50",
        "4. Republika, 12 Oct 2020: about 500",
        "5. Reuters, 1 Nov 2020: 2,317",
        "6. Kementerian Luar Neg…, 3 Dec 2020: between 2,783 and 2,900",
        "7. SINDOnews, 24 Nov 2021: more than 6,500",
        "8. WWWWWWWWWWWWWWWWWWW…, 13 Sep 2022: 1,000,000",
    ]
    assert "    height: 322" in block.splitlines()
    assert "    bar [16, 84, 0, 450, 2317, 2783, 6501, 1000000]" in block.splitlines()


# --- drawn by Mermaid ---------------------------------------------------------------------------


def _mermaid_cli() -> Path:
    if MMDC.exists() and CHROMIUM.exists():
        return MMDC
    missing = MMDC if not MMDC.exists() else CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{missing} is missing: .ci/run installs mermaid-cli and Chromium")
    pytest.skip(f"{missing} is missing (see .ci/run for how to install it)")


def _drawn_labels(svg: Path) -> list[str]:
    return ["".join(t.itertext()) for t in ET.parse(svg).iter("{http://www.w3.org/2000/svg}text")]


def test_every_chart_is_drawn_by_mermaid_with_every_label(make_root, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mmdc = _mermaid_cli()
    root = make_root(MANY)
    assert run("--root", str(root), "report").exit_code == 0
    blocks = [
        b
        for path in [*REPORTS, root / "reports/discrepancies.md"]
        for b in mermaid_blocks(path.read_text("utf-8"))
    ]
    assert len(blocks) >= 3
    document = tmp_path / "charts.md"
    document.write_text("".join(f"```mermaid\n{b}```\n\n" for b in blocks), encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    config.write_text(json.dumps({"executablePath": str(CHROMIUM), "args": [*flags, "--no-first-run"]}))
    done = subprocess.run(
        [
            str(mmdc),
            "--quiet",
            "-p",
            str(config),
            "-i",
            str(document),
            "-o",
            str(tmp_path / "out.md"),
            "-e",
            "svg",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for number, block in enumerate(blocks, 1):
        drawn = _drawn_labels(tmp_path / f"out-{number}.svg")
        assert [x for x in categories(block) if x not in drawn] == [], f"chart {number} hid labels"
