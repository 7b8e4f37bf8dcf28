"""Input that once crashed, hung or wrote outside the root: each case is named by its B-number
as the fuzzer's findings list them, and fixed where the bad value first enters."""

from __future__ import annotations

import json
import os
import re
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparator import atomic, quotes, schema
from comparator.dates import PartialDate, day_from_ordinal, spanned
from comparator.report import files
from comparator.root import escapes, read_regular, unsafe_output, writable
from comparator.values import ordinal_date

QUOTE = "At least 16 people were killed"


def claim(value: str, kind: str = "date", **extra: str) -> str:
    lines = [f"    {k}: {v}" for k, v in extra.items()]
    return (
        f"question: When?\nkind: {kind}\nassertions:\n  - source: daily-1\n    quote: {QUOTE}\n"
        f"    value: {value}\n" + "".join(line + "\n" for line in lines)
    )


def problems(run, root, *args: str) -> list[tuple[str, int, int, str, str]]:  # type: ignore[no-untyped-def]
    result = run("--root", str(root), "check", "--format", "json", *args)
    return [
        (p["file"], p["line"], p["column"], p["code"], p["message"])
        for p in json.loads(result.stdout)["problems"]
        if p["severity"] == "error"
    ]


def every_command(run, root) -> None:  # type: ignore[no-untyped-def]
    """Each reading command runs to an exit code: a traceback fails the test (the `run`
    fixture does not catch exceptions)."""
    for args in (["check"], ["list"], ["show", "c"], ["report", "--out", str(root / "out")]):
        run("--root", str(root), *args)


@pytest.mark.parametrize(
    "content, where, message",
    [
        (claim('"0000"'), (6, 12), "assertions[0].value: '0000': year 0 is out of range (1 to 9999)"),
        (claim("0"), (6, 12), "assertions[0].value: '0000': year 0 is out of range (1 to 9999)"),
        (
            claim("2020", as_of="0000-01"),
            (7, 12),
            "assertions[0].as_of: '0000-01': year 0 is out of range (1 to 9999)",
        ),
        (
            claim("[0000, 2020]", qualifier="between"),
            (6, 12),
            "assertions[0].value: '0000': year 0 is out of range (1 to 9999)",
        ),
    ],
)
def test_year_zero_is_a_schema_problem_naming_the_field(make_root, run, content, where, message):  # type: ignore[no-untyped-def]
    """B01: year zero passed check, then every other command failed on it."""
    root = make_root({"claims/t/c.yaml": content})
    assert problems(run, root) == [("claims/t/c.yaml", *where, "schema", message)]
    every_command(run, root)


def test_year_zero_in_published(make_root, run):  # type: ignore[no-untyped-def]
    """B01: a source published in year zero."""
    body = "---\nid: daily-2\noutlet: daily\ntitle: T\npublished: 0000\nlanguage: en\n---\nText.\n"
    root = make_root({"sources/daily/daily-2.md": body})
    assert problems(run, root) == [
        ("sources/daily/daily-2.md", 5, 12, "schema", "published: '0000': year 0 is out of range (1 to 9999)")
    ]


def test_source_add_refuses_year_zero(make_root, run):  # type: ignore[no-untyped-def]
    """B01: `source add --published 0000` wrote such a file."""
    root = make_root()
    article = root.parent / "article.txt"
    article.write_text("Headline\n\nText.\n")
    result = run(
        "--root", str(root), "source", "add", str(article), "--outlet", "daily", "--published", "0000"
    )
    assert result.exit_code != 0
    assert "year 0 is out of range (1 to 9999)" in result.stderr
    assert sorted(p.name for p in (root / "sources" / "daily").iterdir()) == ["daily-1.md"]


@pytest.mark.parametrize(
    "content, message",
    [
        (claim("9999-12-31", qualifier="more_than"), "no date is after 9999-12-31: the calendar ends there"),
        (claim("9999", qualifier="more_than"), "no date is after 9999-12-31: the calendar ends there"),
        (
            claim("0001-01-01", qualifier="less_than"),
            "no date is before 0001-01-01: the calendar starts there",
        ),
        (claim("0001-01", qualifier="less_than"), "no date is before 0001-01-01: the calendar starts there"),
    ],
)
def test_dates_past_the_calendar_are_refused(make_root, run, content, message):  # type: ignore[no-untyped-def]
    """B02: more than the last day, or less than the first, overflowed downstream."""
    root = make_root({"claims/t/c.yaml": content})
    assert problems(run, root) == [("claims/t/c.yaml", 6, 12, "schema", f"assertions[0].value: {message}")]
    every_command(run, root)


@pytest.mark.parametrize("value", ["0001-01-01", "0001", "9999-12", "9999-12-31"])
def test_the_calendars_edges_are_dates(make_root, run, value):  # type: ignore[no-untyped-def]
    """B02: the first and last days themselves are valid and compare."""
    root = make_root({"claims/t/c.yaml": claim(value, qualifier="at_least")})
    assert problems(run, root) == []
    assert json.loads(run("--root", str(root), "show", "c", "--format", "json").stdout)["consensus"] == {
        "low": PartialDate.parse(value).first.isoformat(),
        "high": None,
    }


def test_the_last_year_exact_is_shown(make_root, run):  # type: ignore[no-untyped-def]
    """B02: `9999` exact passes check, and is shown."""
    root = make_root({"claims/t/c.yaml": claim("9999")})
    assert problems(run, root) == []
    every_command(run, root)


def test_date_arithmetic_is_total() -> None:
    """B02: day numbers one past either edge of the calendar still name a day."""
    assert ordinal_date(0) == "0001-01-01"
    assert ordinal_date(PartialDate(9999).last.toordinal() + 1) == "9999-12-31"
    assert ordinal_date(None) is None
    assert day_from_ordinal(738000).isoformat() == "2021-07-29"
    last = PartialDate(9999).last
    assert spanned(PartialDate(9999).first, last) == PartialDate(9999)
    assert spanned(PartialDate(9999, 12).first, last) == PartialDate(9999, 12)
    assert spanned(PartialDate(2020, 2).first, PartialDate(2020, 2).last) == PartialDate(2020, 2)
    assert spanned(PartialDate(2020, 2).first, PartialDate(2020, 3).last) is None
    assert spanned(PartialDate(2020, 2, 2).first, PartialDate(2020, 2).last) is None


@pytest.mark.parametrize("kind", ["[]", "{}", "[count]"])
def test_a_kind_that_is_not_a_kind(make_root, run, kind):  # type: ignore[no-untyped-def]
    """B03: `kind: []` or `{}` crashed every command with an unhashable type."""
    root = make_root({"claims/t/c.yaml": claim("5", kind=kind)})
    assert problems(run, root) == [
        (
            "claims/t/c.yaml",
            2,
            7,
            "schema",
            "kind: Input should be 'count', 'quantity', 'date', 'actor', 'boolean' or 'text'",
        )
    ]
    every_command(run, root)


@pytest.mark.parametrize("question", ["!!bool maybe", "!!float", "!!int x", "!!null 5"])
def test_explicit_tags_are_problems_at_their_line(make_root, run, question):  # type: ignore[no-untyped-def]
    """B04: `!!bool maybe` (KeyError) and `!!float` with no value (IndexError) crashed check."""
    root = make_root({"claims/t/c.yaml": f"question: {question}\nkind: count\nassertions: []\n"})
    tag = question.split()[0]
    assert problems(run, root) == [
        (
            "claims/t/c.yaml",
            1,
            11,
            "unsafe-yaml",
            f"tag '{tag}' is not allowed in curated data; write the value plainly",
        )
    ]


def test_whole_floats_count(make_root, run):  # type: ignore[no-untyped-def]
    """`6e0` is a whole number, for a count as for JSON Schema."""
    root = make_root({"claims/t/c.yaml": claim("16.0", kind="count", qualifier="at_least")})
    assert problems(run, root) == []
    shown = json.loads(run("--root", str(root), "show", "c", "--format", "json").stdout)
    assert shown["assertions"][0]["value"] == 16


def test_scalar_aliases_are_refused(make_root, run):  # type: ignore[no-untyped-def]
    """B14: one scalar aliased 20,000 times expanded to gigabytes in report and list --search."""
    big = "x" * 50_000
    aliases = "".join("  - *q\n" for _ in range(20_000))
    content = f"question: &q {big}\nkind: text\ntags:\n{aliases}assertions: []\n"
    root = make_root({"claims/t/c.yaml": content})
    started = time.monotonic()
    assert problems(run, root) == [
        (
            "claims/t/c.yaml",
            1,
            11,
            "unsafe-yaml",
            "YAML anchors and aliases (&q) are not allowed in curated data",
        )
    ]
    run("--root", str(root), "list", "--search", "x")
    assert time.monotonic() - started < 10


def test_assertions_per_claim_are_limited(make_root, run):  # type: ignore[no-untyped-def]
    """B14/B07: work grows with the square of a claim's assertions, so their number is bounded."""
    one = f"  - source: daily-1\n    quote: {QUOTE}\n    value: 16\n"
    root = make_root({"claims/t/c.yaml": "question: Q\nkind: count\nassertions:\n" + one * 251})
    assert problems(run, root) == [
        (
            "claims/t/c.yaml",
            3,
            1,
            "schema",
            "assertions: 251 are more than a claim may hold (250); split the question",
        )
    ]
    root = make_root({"claims/t/c.yaml": "question: Q\nkind: count\nassertions:\n" + one * 250})
    assert problems(run, root) == []
    assert schema.schema("claim")["properties"]["assertions"]["maxItems"] == 250


def test_each_article_is_normalised_once() -> None:
    """B08: the quote context of 20 assertions normalised a 1.9 MB article 20 times."""
    from comparator.parse import SourceFile
    from comparator.review.result import quote_context
    from comparator.yamlmarks import Marks

    article = ("Filler sentence that says nothing much at all. " * 41_000) + " ".join(
        f"Figure {i} was reported." for i in range(20)
    )
    assert len(article) > 1_900_000
    source = SourceFile("sources/o/s.md", None, article, 1, Marks())  # type: ignore[arg-type]
    quotes._normalised_with_map.cache_clear()
    started = time.monotonic()
    contexts = [quote_context(source, f"Figure {i} was reported") for i in range(20)]
    elapsed = time.monotonic() - started
    assert quotes._normalised_with_map.cache_info().misses == 1
    assert [c.quote if c else None for c in contexts] == [f"Figure {i} was reported" for i in range(20)]
    assert elapsed < 20  # each of 20 normalisations took seconds before


def test_normalised_map_matches_the_plain_normalisation() -> None:
    sample = " \u201cA\u201d\t b\u2014c\n\n d  \u00e9\u0301 "
    normalised, where = quotes.normalise_with_map(sample)
    assert normalised == quotes.normalise(sample)
    nfc = quotes.nfc(sample).translate(quotes._FOLD)
    assert [nfc[i] if not c.isspace() else " " for c, i in zip(normalised, where, strict=True)] == list(
        normalised
    )
    assert quotes.find_quote("b-c", sample) == (6, 9)


@given(
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000")
    )
)
def test_normalising_makes_every_run_of_white_space_one_space_as_the_pattern_did(text: str) -> None:
    """`normalise` and `fold` join `str.split`'s words; `\\s+` made the runs single before."""
    space = re.compile(r"\s+")
    nfc = unicodedata.normalize("NFC", text).translate(quotes._FOLD)
    assert quotes.normalise(text) == space.sub(" ", nfc).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert quotes.fold(text) == space.sub(" ", bare).strip()


# --- paths ------------------------------------------------------------------------------------


def test_report_refuses_a_reports_folder_linked_out_of_the_root(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    """B11: `reports -> /elsewhere` made report write there, exit 0."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = make_root()
    os.symlink(elsewhere, root / "reports")
    result = run("--root", str(root), "report")
    assert result.exit_code == 1
    assert "leads outside the data root through a link" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_schema_write_refuses_a_schema_folder_linked_out_of_the_root(make_root, run, tmp_path):  # type: ignore[no-untyped-def]
    """B11: `schema -> /elsewhere` made `schema --write` write there."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = make_root()
    os.symlink(elsewhere, root / "schema")
    result = run("--root", str(root), "schema", "--write")
    assert result.exit_code == 1
    assert result.stderr == (
        f"comparator: cannot write schema/: {root / 'schema'} leads outside the data root "
        f"through a link ({elsewhere}); not written\n"
    )
    assert list(elsewhere.iterdir()) == []


def test_links_inside_the_root_may_be_written_through(make_root, run):  # type: ignore[no-untyped-def]
    root = make_root()
    (root / "docs" / "schema").mkdir(parents=True)
    os.symlink(root / "docs" / "schema", root / "schema")
    assert run("--root", str(root), "schema", "--write").exit_code == 0
    assert (root / "docs" / "schema" / "claim.schema.json").is_file()


def test_escapes(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "inside").mkdir(parents=True)
    os.symlink(tmp_path, root / "up")
    os.symlink(root / "loop", root / "loop")
    assert escapes(root, root / "inside" / "x.md") is None
    assert escapes(root, tmp_path / "beside.md") is None  # named outside: the user's choice
    assert escapes(root, root / "up" / "x.md") == (
        f"{root / 'up' / 'x.md'} leads outside the data root through a link ({tmp_path / 'x.md'}); not written"
    )
    assert (
        escapes(root, root / "loop" / "x")
        == f"{root / 'loop' / 'x'} cannot be resolved (a looping link); not written"
    )
    with pytest.raises(OSError) as info:
        writable(root, root / "up" / "x.md")
    assert "leads outside the data root" in str(info.value.strerror)
    assert writable(root, root / "inside") == root / "inside"


def test_an_empty_out_is_refused_by_the_check(tmp_path: Path) -> None:
    """B16: the check itself refuses an empty path given as typed."""
    assert unsafe_output(tmp_path, "") == "an empty path names no output"
    assert unsafe_output(tmp_path, " ") == "an empty path names no output"
    assert unsafe_output(tmp_path, str(tmp_path / "out")) is None


def test_report_out_empty_is_refused(make_root, run, monkeypatch):  # type: ignore[no-untyped-def]
    """B16: `report --out ""` wrote into the current directory."""
    root = make_root()
    monkeypatch.chdir(root.parent)
    result = run("--root", str(root), "report", "--out", "")
    assert result.exit_code != 0
    assert not (root.parent / "discrepancies.md").exists()


def test_a_fifo_is_never_opened_to_block(make_root, run):  # type: ignore[no-untyped-def]
    """B18: a FIFO inside the root blocked every command."""
    root = make_root()
    (root / "claims" / "t").mkdir()
    os.mkfifo(root / "claims" / "t" / "c.yaml")
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(problems(run, root)), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the test process can end
        os.close(os.open(root / "claims" / "t" / "c.yaml", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("check blocked on a FIFO")
    assert outcome == [
        [
            (
                "claims/t/c.yaml",
                1,
                1,
                "unexpected-file",
                "not a regular file (a pipe, a device or a socket); not read",
            )
        ]
    ]


def test_generated_files_are_read_with_a_cap(make_root, run):  # type: ignore[no-untyped-def]
    """B12: a report or schema linked to /dev/zero was read without limit."""
    root = make_root()
    (root / "reports").mkdir()
    os.symlink("/dev/zero", root / "reports" / "discrepancies.md")
    (root / "schema").mkdir()
    os.symlink("/dev/zero", root / "schema" / "claim.schema.json")
    started = time.monotonic()
    report = run("--root", str(root), "report", "--check")
    assert report.exit_code == 1
    assert report.stderr.splitlines()[0].endswith("reports/discrepancies.md is stale")
    checked = run("--root", str(root), "schema", "--check")
    assert (checked.exit_code, checked.stderr.splitlines()[0]) == (
        1,
        "schema/claim.schema.json is out of date",
    )
    assert time.monotonic() - started < 10
    # and a hand-placed link is not a file comparator wrote: not replaced without --force
    written = run("--root", str(root), "report")
    assert written.exit_code == 1 and "not written by comparator" in written.stderr


def test_read_regular(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"0123456789")
    assert read_regular(path, 10) == b"0123456789"
    assert read_regular(path, 4, head=True) == b"0123"
    with pytest.raises(Exception, match="10 bytes is more than the 9 read"):
        read_regular(path, 9)
    with pytest.raises(Exception, match="cannot read the file"):
        read_regular(tmp_path / "missing", 9)
    with pytest.raises(Exception, match="not a regular file"):
        read_regular(tmp_path, 9)


def test_stale_reads_no_further_than_the_expected_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("same\n")
    (tmp_path / "b.md").write_text("same\nand more\n")
    assert files.stale(tmp_path, {"a.md": "same\n", "b.md": "same\n", "c.md": "x"}) == ["b.md", "c.md"]


def test_a_name_that_is_not_utf8(make_root, run):  # type: ignore[no-untyped-def]
    """B10: a file name that is not UTF-8 is reported, escaped, and not read."""
    root = make_root()
    folder = os.fsencode(root / "claims" / "t")
    os.makedirs(folder)
    with open(os.path.join(folder, b"x\xff.yaml"), "wb") as handle:
        handle.write(b"question: q\n")
    os.makedirs(os.path.join(os.fsencode(root / "claims"), b"d\xfe"))
    result = run("--root", str(root), "check", "--format", "json")
    result.stdout.encode("utf-8")  # printable under a strict UTF-8 stdout
    assert problems(run, root) == [
        ("claims/d\\xfe", 1, 1, "encoding", "the name is not UTF-8; rename it (it was not read)"),
        ("claims/t/x\\xff.yaml", 1, 1, "encoding", "the name is not UTF-8; rename it (it was not read)"),
    ]


# --- atomic writes ----------------------------------------------------------------------------


def test_no_overwrite_is_enforced_atomically(tmp_path: Path) -> None:
    """B17: two writers racing for one name without --force both succeeded."""
    target = tmp_path / "out.db"
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def racer(n: int) -> None:
        def slow(path: Path) -> None:
            barrier.wait()
            path.write_bytes(f"writer {n}\n".encode())

        try:
            atomic.publish({target: slow}, overwrite=False)
            outcomes.append("won")
        except FileExistsError:
            outcomes.append("refused")

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 7 + ["won"]
    assert target.read_bytes().startswith(b"writer ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_a_file_created_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    """B17: a file created while an export was being written was replaced."""
    target = tmp_path / "x.csv"

    def meanwhile(path: Path) -> None:
        target.write_text("the curator's\n")
        path.write_text("generated\n")

    with pytest.raises(FileExistsError):
        atomic.publish({target: meanwhile}, overwrite=False)
    assert target.read_text() == "the curator's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


def test_a_refused_set_leaves_none_of_its_files(tmp_path: Path) -> None:
    (tmp_path / "b.csv").write_text("old\n")
    writers = {tmp_path / name: atomic.text_writer(name) for name in ("a.csv", "b.csv", "c.csv")}
    with pytest.raises(FileExistsError):
        atomic.publish(writers, overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"]
    assert (tmp_path / "b.csv").read_text() == "old\n"


def test_without_hard_links_the_name_is_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    atomic.write(tmp_path / "new.txt", "fresh\n", overwrite=False)
    assert (tmp_path / "new.txt").read_text() == "fresh\n"
    with pytest.raises(FileExistsError):
        atomic.write(tmp_path / "new.txt", "again\n", overwrite=False)
    assert (tmp_path / "new.txt").read_text() == "fresh\n"

    def no_rename(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", no_rename)
    with pytest.raises(OSError, match="No space"):
        atomic.write(tmp_path / "other.txt", b"x", overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt"]


def test_replacing_keeps_the_mode_and_a_failed_writer_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    atomic.write(target, "one\r\n")
    target.chmod(0o604)
    atomic.write(target, "two\n")
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"two\n", 0o604)

    def broken(path: Path) -> None:
        path.write_text("half")
        raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError):
        atomic.publish({target: broken, tmp_path / "s.md": atomic.text_writer("s")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]
    assert target.read_text() == "two\n"
