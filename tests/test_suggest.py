"""`suggest`: sentences, dates, values and cues, citations, and the three output formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator import corpus as corpus_mod
from comparator.curation import sentences as sentences_mod
from comparator.curation import stubs as stubs_mod
from comparator.curation import suggest as sg
from comparator.curation import textdates
from comparator.dates import PartialDate
from comparator.quotes import find_quote
from comparator.records import plain
from comparator.terms import Qualifier

REPOSITORY = Path(__file__).resolve().parent.parent

ARTICLE = """\
Perang Baru Berkecamuk di Perbatasan
Rabu, 24 November 2021 - 06:29 WIB
REPUBLIKA.CO.ID, ANKARA - Presiden Rusia Vladimir Putin, pada Selasa (23/11/2021), mengundang kedua pemimpin ke Sochi. Kremlin mengatakan pertemuan itu penting.
Menurut Dr. Budi dari Jl. Sudirman, setidaknya 2.802 tentara gugur dalam perang tahun lalu.
"Kami tidak menyerang lebih dulu." kata juru bicara Kementerian Pertahanan.
Armenia menuding Azerbaijan melanggar gencatan senjata pada Ahad (21/11).
1. Rusia merupakan sekutu Armenia
Baca Juga: 5 Kota Paling Memikat di Armenia
Konflik dimulai pada Februari 1988 dan memuncak selama konflik 1992-1994.
Pashinyan mengatakan mereka akan membahas pertanyaan kemanusiaan.
"""
SOURCE_ID = "daily-2021-11-24-perang"
FILES = {
    f"sources/daily/{SOURCE_ID}.md": (
        f"---\nid: {SOURCE_ID}\noutlet: daily\ntitle: Perang\npublished: 2021-11-24\nlanguage: id\n---\n"
        + ARTICLE
    ),
    "claims/casualties/soldiers-killed.yaml": (
        "question: How many soldiers were killed?\nkind: count\nunit: soldiers\nassertions:\n"
        f"  - source: {SOURCE_ID}\n    quote: setidaknya 2.802 tentara gugur\n    value: 2802\n    qualifier: at_least\n"
    ),
    "claims/ceasefire/breach.yaml": (
        "question: Who breached the ceasefire?\nkind: actor\nassertions:\n"
        f"  - source: {SOURCE_ID}\n    quote: Armenia menuding Azerbaijan melanggar gencatan senjata\n"
        "    value: south\n    claimant: north\n"
    ),
}
TEXT = """\
  10  Presiden Rusia Vladimir Putin, pada Selasa (23/11/2021), mengundang kedua pemimpin ke Sochi.
      values: 23 Nov 2021 ('Selasa (23/11/2021)')
      not cited yet

  11  Menurut Dr. Budi dari Jl. Sudirman, setidaknya 2.802 tentara gugur dalam perang tahun lalu.
      values: at least 2,802 ('2.802'); 2020 (from 'tahun lalu')
      cues: Menurut, gugur
      cited by: soldiers-killed #1

  12  "Kami tidak menyerang lebih dulu." kata juru bicara Kementerian Pertahanan.
      cues: menyerang, kata
      not cited yet

  13  Armenia menuding Azerbaijan melanggar gencatan senjata pada Ahad (21/11).
      values: 21 Nov 2021 (from 'Ahad (21/11)')
      cues: menuding, melanggar, gencatan senjata
      cited by: breach #1

  16  Konflik dimulai pada Februari 1988 dan memuncak selama konflik 1992-1994.
      values: Feb 1988 ('Februari 1988'); 1992 to 1994 ('1992-1994')
      not cited yet
"""
YAML_UNCURATED = """\
  # line 10: Presiden Rusia Vladimir Putin, pada Selasa (23/11/2021), mengundang kedua pemimpin ke
  #   Sochi.
  - source: daily-2021-11-24-perang
    quote: "Presiden Rusia Vladimir Putin, pada Selasa (23/11/2021)"
    value: 2021-11-23
    # translation: ""
    # claimant:      # actor id, when the article quotes someone

  # line 12: "Kami tidak menyerang lebih dulu." kata juru bicara Kementerian Pertahanan.
  - source: daily-2021-11-24-perang
    quote: "Kami tidak menyerang lebih dulu"
    # value:         # the answer to the claim's question
    # translation: ""
    # claimant:      # actor id, when the article quotes someone

  # line 16: Konflik dimulai pada Februari 1988 dan memuncak selama konflik 1992-1994.
  - source: daily-2021-11-24-perang
    quote: "Konflik dimulai pada Februari 1988 dan memuncak selama konflik 1992-1994"
    value: 1988-02
    # also in the sentence: 1992 to 1994 ('1992-1994')
    # translation: ""
    # claimant:      # actor id, when the article quotes someone
"""


@pytest.fixture
def root(make_root) -> Path:  # type: ignore[no-untyped-def]
    return make_root(FILES)


def cli(run, root: Path, *args: str):  # type: ignore[no-untyped-def]
    return run("--root", str(root), "suggest", *args, env={"COLUMNS": "100"})


def texts(body: str, first_line: int = 1) -> list[str]:
    return [body[s.start : s.end] for s in sentences_mod.split_sentences(body, first_line)]


# --- sentences ------------------------------------------------------------------------------


def test_sentences_of_an_article() -> None:
    sentences = sentences_mod.split_sentences(ARTICLE, 7)
    assert [(s.line, s.heading, ARTICLE[s.start : s.end]) for s in sentences] == [
        (7, True, "Perang Baru Berkecamuk di Perbatasan"),
        (8, True, "Rabu, 24 November 2021 - 06:29 WIB"),
        (
            9,
            False,
            "Presiden Rusia Vladimir Putin, pada Selasa (23/11/2021), mengundang kedua pemimpin ke Sochi.",
        ),
        (9, False, "Kremlin mengatakan pertemuan itu penting."),
        (
            10,
            False,
            "Menurut Dr. Budi dari Jl. Sudirman, setidaknya 2.802 tentara gugur dalam perang tahun lalu.",
        ),
        (11, False, '"Kami tidak menyerang lebih dulu." kata juru bicara Kementerian Pertahanan.'),
        (12, False, "Armenia menuding Azerbaijan melanggar gencatan senjata pada Ahad (21/11)."),
        (13, True, "Rusia merupakan sekutu Armenia"),
        (14, True, "Baca Juga: 5 Kota Paling Memikat di Armenia"),
        (15, False, "Konflik dimulai pada Februari 1988 dan memuncak selama konflik 1992-1994."),
        (16, False, "Pashinyan mengatakan mereka akan membahas pertanyaan kemanusiaan."),
    ]


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "REPUBLIKA.CO.ID, MOSKOW -- Menteri Luar Negeri Rusia menelepon.",
            "Menteri Luar Negeri Rusia menelepon.",
        ),
        ("REPUBLIKA.CO.ID,\u00a0ANKARA - Presiden Rusia berbicara.", "Presiden Rusia berbicara."),
        ("BERITATURKI.COM, Ankara- Diplomat top Rusia mengatakan.", "Diplomat top Rusia mengatakan."),
        (
            "Tangerang Selatan, IDN Times - Presiden Rusia, pada Selasa (13/9/2022), terlibat.",
            "Presiden Rusia, pada Selasa (13/9/2022), terlibat.",
        ),
        ("MOSKOW - Presiden Rusia akan menjamu.", "Presiden Rusia akan menjamu."),
        ("ANKARA, Turkey (AP) — Officials said 16 died.", "Officials said 16 died."),
        # Not datelines: a hyphenated name, a sentence that starts with a name and a dash.
        ("Armenia-Azerbaijan berunding.", "Armenia-Azerbaijan berunding."),
        ("Putin - sang presiden - berbicara.", "Putin - sang presiden - berbicara."),
    ],
)
def test_datelines_belong_to_no_sentence(line: str, sentence: str) -> None:
    assert texts(line) == [sentence]


@pytest.mark.parametrize(
    "text",
    [
        "Setidaknya 2.802 tentara gugur, kata Dr. Budi pada Selasa (13/9/2022) di Jl. Sudirman No. 5.",
        "Menurut Prof. Andi dan Letjen. Purn. Budi, hal itu benar.",
        "Vladimir V. Putin met U.S. officials at 9 a.m. on Monday.",
        "Mr. Smith and Gen. Jones said so.",
        "\u201cPresiden melakukan segala upaya.\u201d kata juru bicara Kremlin.",
        "Apa? katanya pelan.",
    ],
)
def test_stops_that_end_no_sentence(text: str) -> None:
    assert texts(text) == [text]


def test_stops_that_end_sentences() -> None:
    text = 'Dia datang. "Kami siap," katanya. Lalu pergi! Benarkah? 5 orang tewas. (Baca juga) Selesai.'
    assert texts(text) == [
        "Dia datang.",
        '"Kami siap," katanya.',
        "Lalu pergi!",
        "Benarkah?",
        "5 orang tewas.",
        "(Baca juga) Selesai.",
    ]


def test_hard_wrapped_lines_are_one_sentence_and_list_numbers_are_dropped() -> None:
    text = "Azerbaijan mengatakan bahwa\nposisi militernya diserang.\n\n2. Armenia tuduh Azerbaijan\nPenutup."
    sentences = sentences_mod.split_sentences(text, 3)
    assert [(s.line, text[s.start : s.end]) for s in sentences] == [
        (3, "Azerbaijan mengatakan bahwa\nposisi militernya diserang."),
        (6, "Armenia tuduh Azerbaijan"),
        (7, "Penutup."),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list('ab A.B?!\n"”(13/9)2.802 -,')), max_size=120))
def test_sentences_are_ordered_disjoint_trimmed_and_on_their_line(body: str) -> None:
    sentences = sentences_mod.split_sentences(body, 5)
    last_end = 0
    for s in sentences:
        assert last_end <= s.start < s.end <= len(body)
        assert not body[s.start].isspace() and not body[s.end - 1].isspace()
        assert s.line == 5 + body.count("\n", 0, s.start)
        last_end = s.end


# --- dates and values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        ("id", "Senin 28 Sep 2020 15:52 WIB", "2020-09-28", [("Senin 28 Sep 2020", "2020-09-28", False)]),
        ("id", "pada Ahad (27/9). Mereka", "2020-09-28", [("Ahad (27/9)", "2020-09-27", True)]),
        (
            "id",
            "pada Selasa (13/9/2022), terlibat",
            "2022-09-13",
            [("Selasa (13/9/2022)", "2022-09-13", False)],
        ),
        ("id", "dimulai pada Februari 1988, tepatnya", "2020-09-28", [("Februari 1988", "1988-02", False)]),
        (
            "id",
            "Selama konflik 1992-1994, Azerbaijan",
            "2020-09-28",
            [("1992-1994", ["1992", "1994"], False)],
        ),
        (
            "id",
            "Sejak 1992, telah gagal pada 2010.",
            "2020",
            [("1992", "1992", False), ("2010", "2010", False)],
        ),
        ("id", "tegang sejak 1991 ketika", "2020", [("1991", "1991", False)]),
        ("id", "Rusia pada Sabtu menjanjikan", "2020-11-03", [("Sabtu", "2020-10-31", True)]),
        ("id", "Sochi pada Jumat pekan ini.", "2021-11-24", [("Jumat pekan ini", "2021-11-26", True)]),
        ("id", "digelar pada Senin kemarin.", "2021-01-13", [("Senin kemarin", "2021-01-11", True)]),
        ("id", "bertemu pada Januari lalu", "2021-11-24", [("Januari lalu", "2021-01", True)]),
        ("id", "pada November tahun lalu, yang", "2021-11-24", [("November tahun lalu", "2020-11", True)]),
        ("id", "Awal bulan ini, bentrokan", "2021-11-24", [("bulan ini", "2021-11", True)]),
        ("id", "Bulan lalu, Michael bertemu", "2022-09-13", [("Bulan lalu", "2022-08", True)]),
        ("id", "Perang tahun lalu merenggut", "2021-11-24", [("tahun lalu", "2020", True)]),
        ("id", "di Brussels pada 15 Desember.", "2021-11-24", [("15 Desember", "2021-12-15", True)]),
        ("id", "sejak 10 Oktober dalam", "2020-11-03", [("10 Oktober", "2020-10-10", True)]),
        ("id", "mengatakan Minggu tidak ada", "2020-11-03", [("Minggu", "2020-11-01", True)]),
        ("id", "ditembak pada selasa dini", "2022-09-13", [("selasa", "2022-09-13", True)]),
        ("id", "konflik enam minggu, dan 2000 tentara", "2021-01-13", []),
        ("id", "pada Sabtu", "2020-11", [("Sabtu", None, True)]),
        (
            "en",
            "On May 5, 2021 and last Monday, in 2019; troops may 3",
            "2021-05-12",
            [
                ("May 5, 2021", "2021-05-05", False),
                ("last Monday", "2021-05-10", True),
                ("2019", "2019", False),
            ],
        ),
        (
            "en",
            "Theresa May said on 27 September 2020 and 9/27/2020",
            "2021-05-12",
            [("27 September 2020", "2020-09-27", False), ("9/27/2020", "2020-09-27", False)],
        ),
        (
            "fr",
            "le 2020-09-27 et (27/9)",
            "2020-10-01",
            [("2020-09-27", "2020-09-27", False), ("(27/9)", "2020-09-27", True)],
        ),
        ("id", "pada 31/2/2020 dan (45/13)", "2020", []),
    ],
)
def test_dates(language: str, text: str, published: str, expected: list) -> None:  # type: ignore[type-arg]
    found = textdates.read_dates(text, language, PartialDate.parse(published))
    assert [(v.text, plain(v.value), v.relative) for v in found] == expected
    assert all(text[v.start : v.end] == v.text for v in found)


def test_numbers_outside_dates_times_and_names_with_their_qualifiers() -> None:
    text = (
        "Senin 28 Sep 2020 15:52 WIB: setidaknya 2.802 tewas, hampir 300 desa, bisa mencapai 5.000 orang, "
        "sekitar 20% wilayah, F-16 dan COVID-19, selama hampir tiga dekade, 49 tentara."
    )
    values = sg.read_values(text, "id", PartialDate.parse("2020-09-28"))
    assert [(v.type, v.text, plain(v.value), v.qualifier) for v in values] == [
        ("date", "Senin 28 Sep 2020", "2020-09-28", None),
        ("number", "2.802", 2802, Qualifier.AT_LEAST),
        ("number", "300", 300, Qualifier.NEARLY),
        ("number", "5.000", 5000, Qualifier.AT_MOST),
        ("number", "20%", 20, Qualifier.ABOUT),
        ("number", "tiga", 3, Qualifier.NEARLY),
        ("number", "49", 49, None),
    ]


def test_english_numbers_and_qualifiers() -> None:
    values = sg.read_values("More than 6,500 people and at least 2,783 soldiers, over two days.", "en")
    assert [(v.text, v.value, v.qualifier) for v in values] == [
        ("6,500", 6500, Qualifier.MORE_THAN),
        ("2,783", 2783, Qualifier.AT_LEAST),
        ("two", 2, None),  # "over two days" is a stretch of time, not more than two
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*list("0123456789 /().,-"), "Sabtu", "lalu", "Mei", "tahun", "May", "last", "setidaknya "]
        ),
        max_size=30,
    ).map("".join)
)
def test_values_are_spans_of_the_text(text: str) -> None:
    for language in ("id", "en"):
        for value in sg.read_values(text, language, PartialDate.parse("2021-02-28")):
            assert text[value.start : value.end] == value.text


# --- which sentences are suggested -----------------------------------------------------------


def test_what_is_suggested_and_why(root: Path) -> None:
    corpus = corpus_mod.load(root)
    result = sg.suggest(corpus, SOURCE_ID)
    assert [(i.sentence.line, i.cited_by) for i in result.items] == [
        (10, []),
        (11, [sg.Citation("soldiers-killed", 0)]),
        (12, []),
        (13, [sg.Citation("breach", 0)]),
        (16, []),
    ]
    # Left out: the headline and the timestamp, "Kremlin mengatakan ..." (a verb of saying
    # and nothing checkable), a section title, a link to another article.
    assert len(result.sentences) == 11
    assert [i.sentence.line for i in sg.suggest(corpus, SOURCE_ID, uncurated=True).items] == [10, 12, 16]


def test_a_quote_printed_twice_cites_both_sentences(make_root) -> None:
    body = "Armenia berada di posisi 111.\nFoto: EPA\nArmenia berada di posisi 111.\n"
    files = {
        "sources/daily/d.md": "---\nid: d\noutlet: daily\ntitle: T\npublished: 2020\nlanguage: id\n---\n"
        + body,
        "claims/t/rank.yaml": "question: Q\nkind: count\nassertions:\n  - source: d\n    quote: posisi 111\n    value: 111\n",
    }
    corpus = corpus_mod.load(make_root(files))
    assert [i.cited_by for i in sg.suggest(corpus, "d").items] == [[sg.Citation("rank", 0)]] * 2


# --- the command ------------------------------------------------------------------------------


def test_text(run, root: Path) -> None:
    result = cli(run, root, SOURCE_ID)
    assert result.exit_code == 0
    assert result.stdout == TEXT
    assert result.stderr == f"sources/daily/{SOURCE_ID}.md: 5 of 11 sentences shown, 3 not cited yet\n"


def test_yaml_stubs_of_uncurated_sentences(run, root: Path) -> None:
    result = cli(run, root, SOURCE_ID, "--uncurated", "--format", "yaml")
    assert result.exit_code == 0
    assert result.stdout == YAML_UNCURATED
    assert result.stderr == f"sources/daily/{SOURCE_ID}.md: 3 of 11 sentences shown, 3 not cited yet\n"


def test_a_pasted_stub_passes_check(run, root: Path) -> None:
    stubs = yaml.safe_load(cli(run, root, SOURCE_ID, "--uncurated", "--format", "yaml").stdout)
    first = stubs[0]  # the date stub: source, quote and value are all filled in
    claim = {"question": "When did Putin invite the leaders?", "kind": "date", "assertions": [first]}
    (root / "claims/diplomacy").mkdir()
    (root / "claims/diplomacy/invitation.yaml").write_text(
        yaml.safe_dump(claim, allow_unicode=True), encoding="utf-8"
    )
    checked = run("--root", str(root), "check", "--strict")
    assert checked.exit_code == 0, checked.stdout
    after = cli(run, root, SOURCE_ID, "--uncurated")
    assert "Presiden Rusia Vladimir Putin" not in after.stdout


def test_json(run, root: Path) -> None:
    result = cli(run, root, SOURCE_ID, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["source", "file", "language", "published", "sentences", "suggestions"]
    assert (data["source"], data["sentences"], len(data["suggestions"])) == (SOURCE_ID, 11, 5)
    second = data["suggestions"][1]
    assert list(second) == ["line", "start", "end", "text", "values", "qualifiers", "cues", "cited_by"]
    assert second["values"][0] == {
        "type": "number",
        "text": "2.802",
        "value": 2802,
        "qualifier": "at_least",
        "relative": False,
        "start": second["values"][0]["start"],
        "end": second["values"][0]["end"],
    }
    assert second["qualifiers"] == [{"word": "setidaknya", "qualifier": "at_least"}]
    assert [c["kind"] for c in second["cues"]] == ["speech", "event"]
    assert second["cited_by"] == [{"claim": "soldiers-killed", "assertion": 0}]
    body = (root / f"sources/daily/{SOURCE_ID}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    for item in data["suggestions"]:
        assert " ".join(body[item["start"] : item["end"]].split()) == item["text"]
        for value in item["values"]:
            assert body[value["start"] : value["end"]] == value["text"]


def test_unknown_source(run, root: Path) -> None:
    result = cli(run, root, "daily-2021-11-24-perag")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"comparator: no source daily-2021-11-24-perag (did you mean '{SOURCE_ID}'?)\n"


def test_a_source_that_does_not_load(run, make_root) -> None:
    root = make_root({"sources/daily/broken.md": "---\nid: broken\n---\ntext\n"})
    result = cli(run, root, "broken")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "comparator: source broken does not load (sources/daily/broken.md); run `comparator check`\n"
    )


def test_broken_claims_are_mentioned(run, make_root) -> None:
    root = make_root({**FILES, "claims/t/bad.yaml": "question: [\n"})
    result = cli(run, root, SOURCE_ID, "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "1 problem in claim files: citations from claims that do not load are not shown; run `comparator check`"
    )


# --- the bundled corpus ---------------------------------------------------------------------

needs_corpus = pytest.mark.skipif(
    not (REPOSITORY / "claims").is_dir() or not (REPOSITORY / "sources").is_dir(), reason="no bundled corpus"
)


@needs_corpus
def test_every_stub_quote_of_the_bundled_corpus_is_found() -> None:
    corpus = corpus_mod.load(REPOSITORY)
    for source_id, source in corpus.sources.items():
        result = sg.suggest(corpus, source_id)
        for item in result.items:
            stub = stubs_mod.stub(result, item)
            assert find_quote(stub.quote, source.body) is not None, (source_id, stub.quote)


@needs_corpus
def test_suggestions_find_nine_in_ten_curated_assertions() -> None:
    measured = sg.measure(corpus_mod.load(REPOSITORY))
    assert measured.assertions >= 30
    assert measured.recall >= 0.9, measured.missed
