"""`export`: standard output, the Frictionless data package, ClaimReview, the tables as
sqlite-utils and Datasette read them, and writing that never replaces what appeared meanwhile."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from test_export import COUNTS, FILES, HEADERS, REPO, export

from comparator import atomic
from comparator import export as exporter

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


@pytest.fixture
def root(make_root) -> Path:
    return make_root(FILES)


# --- standard output ----------------------------------------------------------------------------


def test_jsonl_to_stdout_is_one_stream_of_every_table(run, root: Path, tmp_path: Path) -> None:
    result = export(run, root, "jsonl", "-")
    assert (result.exit_code, result.stderr) == (0, f"wrote standard output (jsonl): {COUNTS}\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [t for t in HEADERS] == list(dict.fromkeys(line["table"] for line in lines))
    assert all(list(line) == ["table", *HEADERS[line["table"]]] for line in lines)
    assert lines[-1] == {
        "table": "relations",
        "claim_id": "who-attacked-first",
        "a": 0,
        "b": 1,
        "relation": "contradict",
        "same_origin": False,
        "a_assertion_id": "who-attacked-first/0",
        "b_assertion_id": "who-attacked-first/1",
    }
    # the same rows as the folder export, table by table
    assert export(run, root, "jsonl", tmp_path / "j").exit_code == 0
    for table in HEADERS:
        folder = [json.loads(x) for x in (tmp_path / "j" / f"{table}.jsonl").read_text().splitlines()]
        assert [{k: v for k, v in x.items() if k != "table"} for x in lines if x["table"] == table] == folder
    assert not (Path.cwd() / "-").exists()


@pytest.mark.parametrize(
    "fmt, message",
    [
        (
            "csv",
            "a csv export writes one file per table into a folder and cannot go to standard output; name a folder",
        ),
        (
            "datapackage",
            "a datapackage export writes one file per table into a folder and cannot go to standard output; name a folder",
        ),
        ("sqlite", "a sqlite export is a database file and cannot go to standard output; name a file"),
    ],
)
def test_folder_and_database_formats_refuse_stdout(run, root: Path, fmt: str, message: str) -> None:
    result = export(run, root, fmt, "-")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"Error: {message}\n")
    assert not (Path.cwd() / "-").exists()


# --- the data package ---------------------------------------------------------------------------


def _frictionless() -> Path:
    if not FRICTIONLESS.exists():
        pytest.fail(f"{FRICTIONLESS} is missing: install the test extra")
    return FRICTIONLESS


def validate_package(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(_frictionless()), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_datapackage_passes_frictionless_validate(run, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "package"
    result = export(run, root, "datapackage", out)
    assert (result.exit_code, result.stderr) == (0, f"wrote {out}/ (datapackage): {COUNTS}\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in HEADERS] + ["datapackage.json"]
    )
    descriptor = json.loads((out / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(HEADERS)
    for name, header in HEADERS.items():
        assert [f["name"] for f in resources[name]["schema"]["fields"]] == header
    assertions = resources["assertions"]["schema"]
    assert assertions["primaryKey"] == ["id"]
    assert {f["name"]: f["type"] for f in assertions["fields"]}["value"] == "any"
    assert resources["relations"]["schema"]["foreignKeys"][1] == {
        "fields": "a_assertion_id",
        "reference": {"resource": "assertions", "fields": "id"},
    }
    assert {"fields": "part_of", "reference": {"resource": "", "fields": "id"}} in resources["actors"][
        "schema"
    ]["foreignKeys"]
    report = validate_package(out / "datapackage.json")
    assert report.returncode == 0, report.stdout[-3000:] + report.stderr[-3000:]
    assert json.loads(report.stdout)["valid"] is True


def test_frictionless_finds_a_broken_key(run, root: Path, tmp_path: Path) -> None:
    """The validation above can fail: a relation pointing at no assertion is caught."""
    out = tmp_path / "package"
    assert export(run, root, "datapackage", out).exit_code == 0
    with open(out / "relations.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][5] = "death-toll/99"
    with open(out / "relations.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    report = validate_package(out / "datapackage.json")
    assert report.returncode != 0
    assert "foreign-key" in report.stdout


@pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="no bundled corpus")
def test_bundled_corpus_as_a_datapackage(run, tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert run("--root", str(REPO), "export", "--format", "datapackage", str(out)).exit_code == 0
    report = validate_package(out / "datapackage.json")
    assert report.returncode == 0, report.stdout[-3000:]


# --- ClaimReview --------------------------------------------------------------------------------


def claimreviews(run, root: Path, *more: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    result = run("--root", str(root), "export", "--format", "claimreview", "-", "--publisher", "Desk", *more)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_claimreview_of_a_contested_claim(run, root: Path) -> None:
    reviews = claimreviews(run, root, "--date", "2024-05-01")
    assert [r["identifier"] for r in reviews] == ["death-toll", "start-date", "who-attacked-first"]
    assert reviews[2] == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": "who-attacked-first",
        "claimReviewed": "Who attacked first?",
        "datePublished": "2024-05-01",
        "author": {"@type": "Organization", "name": "Desk"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "contested",
            "ratingExplanation": "Contested: sources contradict each other (South and North dispute this).",
        },
        "itemReviewed": {
            "@type": "Claim",
            "name": "Who attacked first?",
            "appearance": [
                {
                    "@type": "Quotation",
                    "text": "South attacked first",
                    "description": "South",
                    "spokenByCharacter": {"identifier": "north-mod", "name": "North defence ministry"},
                    "isPartOf": {
                        "@type": "NewsArticle",
                        "identifier": "daily-1",
                        "headline": "daily-1 title",
                        "datePublished": "2020-09-28",
                        "inLanguage": "en",
                        "publisher": {"@type": "Organization", "identifier": "daily", "name": "The Daily"},
                    },
                },
                {
                    "@type": "Quotation",
                    "text": "North attacked first",
                    "description": "North",
                    "spokenByCharacter": {"identifier": "south", "name": "South"},
                    "isPartOf": {
                        "@type": "NewsArticle",
                        "identifier": "herald-1",
                        "headline": "herald-1 title",
                        "datePublished": "2021-11-24",
                        "inLanguage": "en",
                        "publisher": {"@type": "Organization", "identifier": "herald", "name": "Herald"},
                    },
                },
            ],
        },
    }
    assert reviews[0]["reviewRating"]["ratingExplanation"] == (
        "Single origin: no contradiction, but everything comes from one origin"
        " (1 article, 1 independent origin). They agree on: more than 6,500 people."
    )
    toll = [a["description"] for a in reviews[0]["itemReviewed"]["appearance"]]
    assert toll == [
        "at least 16 people (superseded)",
        "at least 100 people (superseded)",
        "more than 6,500 people",
    ]
    own_voice = reviews[0]["itemReviewed"]["appearance"][0]["spokenByCharacter"]
    assert own_voice == {"@type": "Organization", "identifier": "daily", "name": "The Daily"}


@pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="no bundled corpus")
def test_claimreview_of_every_bundled_claim(run, tmp_path: Path) -> None:
    out = tmp_path / "claimreview.json"
    result = run("--root", str(REPO), "export", "--format", "claimreview", str(out), "--publisher", "Desk")
    assert result.exit_code == 0, result.stderr
    reviews = json.loads(out.read_text("utf-8"))
    listed = {c["id"]: c for c in json.loads(run("--root", str(REPO), "list", "--format", "json").stdout)}
    assert [r["identifier"] for r in reviews] == sorted(listed)
    for review in reviews:
        claim = listed[review["identifier"]]
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim["question"]
        assert review["author"] == {"@type": "Organization", "name": "Desk"}
        assert review["datePublished"] == __import__("datetime").date.today().isoformat()
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] == claim["verdict"]
        assert not {"ratingValue", "bestRating", "worstRating"} & set(rating), "never a truth rating"
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        appearances = item["appearance"]
        assert [a["text"] for a in appearances] == [a["quote"] for a in claim["assertions"]]
        for appearance, assertion in zip(appearances, claim["assertions"], strict=True):
            article = appearance["isPartOf"]
            assert article["@type"] == "NewsArticle" and article["identifier"] == assertion["source"]
            assert article["publisher"]["identifier"] == assertion["outlet"]
            assert appearance["spokenByCharacter"]["identifier"] == (
                assertion["claimant"] or assertion["outlet"]
            )
            assert article["datePublished"] == assertion["published"]


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--format", "claimreview"],
            "--format claimreview needs --publisher NAME: who publishes the reviews",
        ),
        (
            ["--format", "claimreview", "--publisher", " "],
            "--format claimreview needs --publisher NAME: who publishes the reviews",
        ),
        (
            ["--format", "csv", "--publisher", "Desk"],
            "--publisher and --date apply to --format claimreview only",
        ),
    ],
)
def test_claimreview_options(run, root: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--root", str(root), "export", str(tmp_path / "out"), *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"Error: {message}\n")
    assert not (tmp_path / "out").exists()


def test_claimreview_file_is_refused_over_a_folder_and_never_overwritten(
    run, root: Path, tmp_path: Path
) -> None:
    args = ["--publisher", "Desk"]
    refused = export(run, root, "claimreview", tmp_path, *args)
    assert (
        refused.stderr
        == f"comparator: {tmp_path} is a folder; a claimreview export is one file, e.g. {tmp_path}/claimreview.json\n"
    )
    out = tmp_path / "reviews.json"
    assert (
        export(run, root, "claimreview", out, *args).stderr == f"wrote {out} (claimreview): 3 claim reviews\n"
    )
    again = export(run, root, "claimreview", out, *args)
    assert (again.exit_code, again.stderr) == (1, f"comparator: {out} exists; give --force to replace it\n")


# --- SQLite as sqlite-utils and Datasette read it -----------------------------------------------


@pytest.fixture
def database(run, root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "corpus.db"
    assert export(run, root, "sqlite", out).exit_code == 0
    return out


def test_every_foreign_key_is_one_column_for_sqlite_utils(database: Path) -> None:
    db = sqlite_utils.Database(database)
    keys = sorted(
        (fk.table, fk.column, fk.other_table, fk.other_column)
        for t in db.table_names()
        for fk in db[t].foreign_keys
    )
    assert all(None not in key for key in keys)
    assert ("relations", "a_assertion_id", "assertions", "id") in keys
    assert ("relations", "b_assertion_id", "assertions", "id") in keys
    assert len(keys) == 11


def test_datasette_links_every_table_with_labels(database: Path) -> None:
    from datasette.app import Datasette

    async def rows(table: str) -> list[dict]:  # type: ignore[type-arg]
        response = await Datasette([str(database)]).client.get(
            f"/corpus/{table}.json?_labels=on&_shape=array"
        )
        assert response.status_code == 200
        return response.json()  # type: ignore[no-any-return]

    relation = asyncio.run(rows("relations"))[-1]
    assert relation["claim_id"] == {"value": "who-attacked-first", "label": "Who attacked first?"}
    assert relation["a_assertion_id"] == {
        "value": "who-attacked-first/0",
        "label": "The Daily (North defence ministry), 28 Sep 2020: South",
    }
    assertion = asyncio.run(rows("assertions"))[5]
    assert assertion["source"] == {"value": "daily-1", "label": "daily-1 title"}
    assert assertion["outlet"] == {"value": "daily", "label": "The Daily"}
    assert assertion["claimant"] == {"value": "north-mod", "label": "North defence ministry"}
    actor = next(a for a in asyncio.run(rows("actors")) if a["id"] == "north-mod")
    assert actor["part_of"] == {"value": "north", "label": "North"}


# --- never replacing what appeared meanwhile ----------------------------------------------------


def test_a_file_that_appears_after_the_check_is_not_replaced(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    second.write_text("someone else's\n")  # appeared after `refuse` looked
    with pytest.raises(exporter.ExportError, match=r"b\.csv exists; give --force to replace it"):
        exporter.place({first: atomic.text_writer("a\n"), second: atomic.text_writer("b\n")}, force=False)
    assert second.read_text() == "someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"], "the export is taken back whole"


def test_without_hard_links_the_name_is_reserved_exclusively(monkeypatch, tmp_path: Path) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "a.json"
    exporter.place({target: atomic.text_writer("new\n")}, force=False)
    assert target.read_text() == "new\n"
    with pytest.raises(exporter.ExportError, match="exists"):
        exporter.place({target: atomic.text_writer("newer\n")}, force=False)
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
