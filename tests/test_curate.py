"""`source add`: building, refusing and writing new source files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.curation import add_source as curate
from comparator.dates import PartialDate
from comparator.parse import parse_source
from comparator.root import FileText

ARTICLE = (
    "Rusia Desak Gencatan Senjata Konflik Azerbaijan-Armenia\r\n"
    "\r\n"
    "MOSKOW -- Menteri Luar Negeri Rusia Sergey Lavrov melakukan percakapan pada Ahad (27/9).  \r\n"
    "Menurut laporan media, setidaknya 16 orang telah tewas.\r"
    "\tSelesai — “akhir”."
)
VERBATIM = ARTICLE.replace("\r\n", "\n").replace("\r", "\n")
SLUG = "daily-2020-09-28-rusia-desak-gencatan-senjata"  # cut at a word: at most 50 characters


@pytest.fixture
def invoke():  # type: ignore[no-untyped-def]
    """The CLI in-process, as the shared `run` fixture, with standard input."""
    from click.testing import CliRunner

    from comparator.cli import cli

    def call(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
        env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1"}
        return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return call


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- ids --------------------------------------------------------------------------------------


def test_id_from_outlet_date_and_title() -> None:
    title = "Rusia Desak Gencatan Senjata Konflik Azerbaijan-Armenia"
    assert curate.derive_id("republika", PartialDate.parse("2020-09-28"), title) == (
        "republika-2020-09-28-rusia-desak-gencatan-senjata"
    )


def test_id_folds_accents_and_keeps_whole_words() -> None:
    assert curate.derive_id("x", PartialDate.parse("2021-03"), "Élection à Erevan: l’été chaud") == (
        "x-2021-03-election-a-erevan-l-ete-chaud"
    )


def test_id_takes_at_most_eight_title_words() -> None:
    title = "a b c d e f g h i j k"
    assert curate.derive_id("o", PartialDate.parse("2020"), title) == "o-2020-a-b-c-d-e-f-g-h"


def test_id_without_ascii_title_words_is_outlet_and_date() -> None:
    assert curate.derive_id("tass", PartialDate.parse("2020-10-10"), "Перемирие") == "tass-2020-10-10"


def test_id_keeps_one_word_even_when_long() -> None:
    word = "x" * 60
    assert curate.derive_id("o", PartialDate.parse("2020"), word) == f"o-2020-{word}"


# --- the file -----------------------------------------------------------------------------------


def test_add_writes_front_matter_in_contract_order_and_text_verbatim(make_root, invoke) -> None:
    root = make_root()
    article = root.parent / "article.txt"
    article.write_bytes(ARTICLE.encode("utf-8"))
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        str(article),
        "--outlet",
        "daily",
        "--published",
        "2020-09-28",
        "--url",
        "https://example.org/a?b=1#c",
        "--authors",
        "Kamran Dikarma, Nur Aini",
        "--authors",
        "Third",
        "--wire",
        "wire",
        "--language",
        "en",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"sources/daily/{SLUG}.md\n"
    assert result.stderr == ""
    written = (root / "sources" / "daily" / f"{SLUG}.md").read_bytes().decode("utf-8")
    assert written == (
        "---\n"
        f"id: {SLUG}\n"
        "outlet: daily\n"
        'title: "Rusia Desak Gencatan Senjata Konflik Azerbaijan-Armenia"\n'
        "published: 2020-09-28\n"
        "language: en\n"
        'url: "https://example.org/a?b=1#c"\n'
        'authors: ["Kamran Dikarma", "Nur Aini", "Third"]\n'
        "wire: wire\n"
        "---\n" + VERBATIM
    )
    assert invoke("--root", str(root), "check").exit_code == 0


def test_add_only_given_optional_fields_and_explicit_title(make_root, invoke) -> None:
    # Only the fields given appear; a title given over several lines is one line.
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "herald",
        "--published",
        "2021-11",
        "--title",
        "A  headline\nover lines",
        "--id",
        "herald-sochi",
        "--language",
        "id",
        input="Teks artikel.\n",
    )
    assert result.exit_code == 0, result.stderr
    assert (root / "sources/herald/herald-sochi.md").read_text(encoding="utf-8") == (
        '---\nid: herald-sochi\noutlet: herald\ntitle: "A headline over lines"\npublished: 2021-11\n'
        "language: id\n---\nTeks artikel.\n"
    )


def test_add_reads_standard_input_and_takes_the_outlets_language(make_root, invoke) -> None:
    outlets = "- id: wire\n  name: Wire Agency\n  language: fr\n"
    root = make_root({"sources/outlets.yaml": outlets})
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "wire",
        "--published",
        "2020",
        input="\ufeff  Headline   here \nBody.\n",
    )
    assert result.exit_code == 0, result.stderr
    path = root / "sources/wire/wire-2020-headline-here.md"
    assert path.read_text(encoding="utf-8") == (
        '---\nid: wire-2020-headline-here\noutlet: wire\ntitle: "Headline here"\npublished: 2020\n'
        "language: fr\n---\n  Headline   here \nBody.\n"
    )


def test_add_creates_the_outlet_folder_and_leaves_no_temporary_file(make_root, invoke) -> None:
    root = make_root()
    assert not (root / "sources/wire").exists()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "wire",
        "--published",
        "2020-01-02",
        "--language",
        "en",
        input="Title\n",
    )
    assert result.exit_code == 0, result.stderr
    assert files_under(root / "sources/wire") == ["wire-2020-01-02-title.md"]


def test_plain_yaml_words_and_numbers_stay_strings(make_root, invoke) -> None:
    # `null` is YAML's null when unquoted; a source id must stay text.
    root = make_root({"sources/outlets.yaml": "- id: 'on'\n  name: \"On\"\n  language: 'no'\n"}, base=False)
    (root / "sources").mkdir(exist_ok=True)
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "on",
        "--published",
        "2020",
        "--id",
        "null",
        input="Text.\n",
    )
    assert result.exit_code == 0, result.stderr
    text = (root / "sources/on/null.md").read_text(encoding="utf-8")
    # YAML 1.2 (the contract) reads `on` and `no` as text, so only `null` needs quoting.
    assert 'id: "null"\noutlet: on\n' in text and "language: no\n" in text
    assert invoke("--root", str(root), "check").exit_code == 0


# --- refusals -----------------------------------------------------------------------------------


def test_unknown_outlet_is_refused_with_a_suggestion(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root", str(root), "source", "add", "-", "--outlet", "dialy", "--published", "2020", input="Text.\n"
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "comparator: source not added: unknown outlet 'dialy' (did you mean 'daily'?); "
        "add it to sources/outlets.yaml first\n"
    )
    assert files_under(root / "sources") == [
        "actors.yaml",
        "daily/daily-1.md",
        "herald/herald-1.md",
        "outlets.yaml",
    ]


def test_unknown_wire_is_refused(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--wire",
        "wier",
        input="Text.\n",
    )
    assert result.exit_code == 1
    assert "unknown wire outlet 'wier' (did you mean 'wire'?)" in result.stderr


def test_existing_id_is_never_overwritten(make_root, invoke) -> None:
    root = make_root()
    before = (root / "sources/daily/daily-1.md").read_bytes()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--id",
        "daily-1",
        input="Other text.\n",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "comparator: source not added: source id 'daily-1' already exists: sources/daily/daily-1.md; "
        "give another --id (nothing was overwritten)\n"
    )
    assert (root / "sources/daily/daily-1.md").read_bytes() == before


def test_existing_id_under_another_outlet_is_refused(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "herald",
        "--published",
        "2020",
        "--id",
        "daily-1",
        input="Other text.\n",
    )
    assert result.exit_code == 1
    assert "already exists: sources/daily/daily-1.md" in result.stderr
    assert not (root / "sources/herald/daily-1.md").exists()


def test_id_taken_by_a_file_that_does_not_parse_is_refused(make_root, invoke) -> None:
    root = make_root({"sources/herald/broken.md": "no front matter\n"})
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--id",
        "broken",
        input="Text.\n",
    )
    assert result.exit_code == 1
    assert "already exists: sources/herald/broken.md" in result.stderr


@pytest.mark.parametrize("text", ["", "   \n\t\r\n"])
def test_empty_text_is_refused(make_root, invoke, text: str) -> None:
    root = make_root()
    result = invoke(
        "--root", str(root), "source", "add", "-", "--outlet", "daily", "--published", "2020", input=text
    )
    assert result.exit_code == 1
    assert result.stderr == "comparator: source not added: the article text is empty\n"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2020-02-30", "--published: '2020-02-30': day 30 does not exist in that month"),
        ("28/09/2020", "--published: '28/09/2020' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_bad_date_is_refused(make_root, invoke, date: str, message: str) -> None:
    root = make_root()
    result = invoke(
        "--root", str(root), "source", "add", "-", "--outlet", "daily", "--published", date, input="Text.\n"
    )
    assert result.exit_code == 1
    assert result.stderr == f"comparator: source not added: {message}\n"


def test_bad_id_is_refused(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--id",
        "Not_A_Slug",
        input="Text.\n",
    )
    assert result.exit_code == 1
    assert "id 'Not_A_Slug' is not a lowercase slug" in result.stderr


def test_outlet_without_language_needs_one(make_root, invoke) -> None:
    root = make_root()  # the fixture's outlets have no language
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--id",
        "x",
        input="Text.\n",
    )
    assert result.exit_code == 1
    assert "outlet 'daily' has no language in sources/outlets.yaml; give --language" in result.stderr


def test_a_file_check_would_reject_is_not_written(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--id",
        "short-language",
        "--language",
        "x",
        input="Text.\n",
    )
    # Found before writing, by the same parse and cross-file checks that `check` runs.
    assert result.exit_code == 1
    assert result.stderr == (
        "comparator: source not added: the new file would not pass check:\n"
        "sources/daily/short-language.md:6:11: error schema language: 'x' is not a BCP 47 language tag (such as id, en, pt-BR)\n"
    )
    assert not (root / "sources/daily/short-language.md").exists()


def test_text_with_nul_bytes_is_refused(make_root, invoke) -> None:
    root = make_root()
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--language",
        "en",
        input="a\x00b\n",
    )
    assert result.exit_code == 1
    assert result.stderr == "comparator: source not added: the article text holds NUL bytes; it is not text\n"


def test_text_that_is_not_utf8_is_refused(make_root, invoke) -> None:
    root = make_root()
    article = root.parent / "latin1.txt"
    article.write_bytes("Caf\xe9 noir\n".encode("latin-1"))
    result = invoke(
        "--root",
        str(root),
        "source",
        "add",
        str(article),
        "--outlet",
        "daily",
        "--published",
        "2020",
        "--language",
        "fr",
    )
    assert result.exit_code == 1
    assert result.stderr == f"comparator: {article}: the text is not UTF-8 (byte 3); convert it first\n"


def test_missing_options_are_usage_errors(make_root, invoke) -> None:
    root = make_root()
    result = invoke("--root", str(root), "source", "add", "-", "--published", "2020", input="x")
    assert result.exit_code == 2
    assert "Missing option '--outlet'" in result.stderr


# --- writing --------------------------------------------------------------------------------


def test_write_new_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.md"
    curate.write_new(target, "first\n")
    with pytest.raises(FileExistsError):
        curate.write_new(target, "second\n")
    assert target.read_text() == "first\n"
    assert files_under(tmp_path) == ["a/b.md"]


def test_add_reports_what_check_says_about_the_written_file(make_root) -> None:
    root = make_root()
    added = curate.add(root, curate.NewSource("Body.\n", "herald", "2021-11-24", title="T", language="en"))
    assert added.rel == "sources/herald/herald-2021-11-24-t.md"
    assert added.problems == [] and not added.failed


# --- round trip -----------------------------------------------------------------------------

_line_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
)


@settings(max_examples=150, deadline=None)
@given(
    title=_line_text.filter(lambda t: t.split()),
    authors=st.lists(_line_text.filter(lambda t: t.split()), max_size=3),
    url=st.none() | _line_text.filter(lambda t: t.split()),
    body=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=200
    ).filter(lambda t: t.strip()),
)
def test_rendered_front_matter_reads_back_unchanged(
    title: str, authors: list[str], url: str | None, body: str
) -> None:
    flat = lambda t: " ".join(t.split())  # noqa: E731 - fields are single lines
    meta = {
        "id": "s-1",
        "outlet": "daily",
        "title": flat(title),
        "published": "2020-09-28",
        "language": "id",
        "url": flat(url) if url else None,
        "authors": [flat(a) for a in authors],
        "wire": None,
    }
    text = curate.normalise_newlines(body)
    source, problems = parse_source(FileText("sources/daily/s-1.md", curate.render(meta, text)))
    assert source is not None, problems
    assert source.meta.title == meta["title"]
    assert source.meta.url == meta["url"]
    assert source.meta.authors == meta["authors"]
    assert source.body == text
