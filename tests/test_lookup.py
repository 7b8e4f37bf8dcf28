"""`show` and `list` through the command line, with exact output, and the bundled corpus's facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CLAIMS = {
    "claims/war/start.yaml": (
        "question: When did fighting begin?\nkind: date\ntags: [war]\nassertions:\n"
        "  - source: daily-1\n    quote: Fighting began on 27 September 2020\n    value: 2020-09-27\n"
        "  - source: herald-1\n    quote: 'started on \"27 September 2020\"'\n    value: 2020-09\n"
        "    translation: it started in September\n"
    ),
    "claims/war/toll.yaml": (
        "question: How many people were killed?\nkind: count\nunit: people\ncumulative: true\ntags: [casualties]\n"
        "assertions:\n"
        "  - source: daily-1\n    quote: At least 16 people were killed\n    value: 16\n    qualifier: at_least\n    claimant: north\n"
        "  - source: herald-1\n    quote: killed more than 6,500 people\n    value: 6500\n    qualifier: more_than\n"
    ),
    "claims/blame/first.yaml": (
        "question: Who attacked first?\nkind: actor\nnotes: Each side blames the other.\nassertions:\n"
        "  - source: daily-1\n    quote: The North defence ministry said South attacked first.\n    value: south\n    claimant: north-mod\n"
        "  - source: herald-1\n    quote: South said North attacked first.\n    value: north\n    claimant: south\n"
    ),
}

SHOW_FIRST = """\
first  (blame, actor)
Who attacked first?

verdict:    contested: South and North dispute this
consensus:  none
origins:    North, South

#    side    outlet     published    claimant                value    as of        origin
---  ------  ---------  -----------  ----------------------  -------  -----------  --------
2    A       Herald     24 Nov 2021  South                   North    24 Nov 2021  South
1    B       The Daily  28 Sep 2020  North defence ministry  South    28 Sep 2020  North

Sides
  A: North (1 origin: South; #2)
  B: South (1 origin: North; #1)

Disputes
  A × B: Side A says North (South); side B says South (North): South and North dispute this; the
    accounts are from different dates.

Quotes
  #1 daily-1
    “The North defence ministry said South attacked first.”
  #2 herald-1
    “South said North attacked first.”

Notes
  Each side blames the other.
"""

LIST_ALL = """\
id     topic    verdict        asserted    origins    consensus or competing values
-----  -------  -------------  ----------  ---------  -------------------------------
first  blame    contested      2           2          North vs South
start  war      corroborated   2           2          27 Sep 2020
toll   war      single-origin  2           1          more than 6,500 people
"""


@pytest.fixture
def root(make_root):  # type: ignore[no-untyped-def]
    return make_root(CLAIMS)


def cli(run, root, *args):  # type: ignore[no-untyped-def]
    return run("--root", str(root), *args, env={"COLUMNS": "100"})


def test_show_text(run, root):  # type: ignore[no-untyped-def]
    result = cli(run, root, "show", "first")
    assert result.exit_code == 0
    assert result.stdout == SHOW_FIRST


def test_show_supersede_and_translation(run, root):  # type: ignore[no-untyped-def]
    out = cli(run, root, "show", "toll").stdout
    assert "Superseded and retracted\n  #1 superseded by #2\n" in out
    assert "consensus:  more than 6,500 people\n" in out
    out = cli(run, root, "show", "start").stdout
    assert "    = it started in September\n" in out
    assert "compatible with" not in out  # relations pair by pair stay in JSON
    data = json.loads(cli(run, root, "show", "start", "--format", "json").stdout)
    assert data["relations"] == [{"a": 0, "b": 1, "relation": "compatible", "same_origin": False}]


def test_show_json_has_the_contract_keys(run, root):  # type: ignore[no-untyped-def]
    data = json.loads(cli(run, root, "show", "toll", "--format", "json").stdout)
    assert list(data) == [
        "id",
        "topic",
        "question",
        "kind",
        "unit",
        "cumulative",
        "verdict",
        "origins",
        "consensus",
        "assertions",
        "relations",
        "clusters",
        "sides",
        "disputes",
    ]
    assert list(data["assertions"][0]) == [
        "source",
        "outlet",
        "published",
        "claimant",
        "origin",
        "value",
        "qualifier",
        "low",
        "high",
        "as_of",
        "quote",
        "translation",
        "status",
    ]
    assert data["consensus"] == {"low": 6501, "high": None}
    assert data["relations"] == [{"a": 0, "b": 1, "relation": "supersede", "same_origin": False}]
    assert data["clusters"] == [{"assertions": [0, 1], "origins": ["herald", "north"]}]
    date = json.loads(cli(run, root, "show", "start", "--format", "json").stdout)
    assert date["consensus"] == {"low": "2020-09-27", "high": "2020-09-27"}
    assert [(a["value"], a["low"], a["high"]) for a in date["assertions"]] == [
        ("2020-09-27", "2020-09-27", "2020-09-27"),
        ("2020-09", "2020-09-01", "2020-09-30"),
    ]
    actor = json.loads(cli(run, root, "show", "first", "--format", "json").stdout)
    assert actor["consensus"] is None and actor["verdict"] == "contested"


def test_show_markdown_escapes(run, make_root):  # type: ignore[no-untyped-def]
    hostile = dict(CLAIMS)
    hostile["claims/blame/first.yaml"] = CLAIMS["claims/blame/first.yaml"].replace(
        "Who attacked first?", "'Who | attacked <b>first</b>?'"
    )
    out = cli(run, make_root(hostile), "show", "first", "--format", "markdown").stdout
    assert "**Who \\| attacked \\<b\\>first\\</b\\>?**" in out
    assert (
        "| #   | side   | outlet    | published   | claimant               | value   | as of       | origin   |"
        in out
    )


def test_unknown_id_suggests(run, root):  # type: ignore[no-untyped-def]
    result = cli(run, root, "show", "tol")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "comparator: no claim tol; did you mean: toll\n"


def test_unknown_id_without_neighbours(run, root):  # type: ignore[no-untyped-def]
    result = cli(run, root, "show", "zzzzzz")
    assert (result.exit_code, result.stderr) == (1, "comparator: no claim zzzzzz\n")


def test_show_reads_only_what_it_needs(run, root):  # type: ignore[no-untyped-def]
    (root / "claims" / "war" / "broken.yaml").write_text("question: [")
    (root / "sources" / "daily" / "unrelated.md").write_text("not a source")
    result = cli(run, root, "show", "first")
    assert result.exit_code == 0 and result.stderr == ""


def test_list_text(run, root):  # type: ignore[no-untyped-def]
    result = cli(run, root, "list")
    assert result.stdout == LIST_ALL
    assert result.stderr == "3 of 3 claims\n"


@pytest.mark.parametrize(
    "args, ids",
    [
        (["--topic", "war"], ["start", "toll"]),
        (["--verdict", "contested"], ["first"]),
        (["--outlet", "herald"], ["first", "start", "toll"]),
        (["--source", "daily-1", "--tag", "war"], ["start"]),
        (["--actor", "north"], ["first", "toll"]),  # north-mod is part of north; north is a value too
        (["--actor", "south"], ["first"]),
        (["--search", "KILLED"], ["toll"]),
        (["--search", "septembre"], []),
        (["--search", "blames"], ["first"]),
        (["--sort", "verdict"], ["first", "start", "toll"]),
        (["--sort", "topic"], ["first", "start", "toll"]),
    ],
)
def test_list_filters(run, root, args, ids):  # type: ignore[no-untyped-def]
    data = json.loads(cli(run, root, "list", "--format", "json", *args).stdout)
    assert [c["id"] for c in data] == ids


def test_search_ignores_accents(run, make_root):  # type: ignore[no-untyped-def]
    claims = dict(CLAIMS)
    claims["claims/war/start.yaml"] = claims["claims/war/start.yaml"].replace(
        "tags: [war]", "tags: [war]\nnotes: Première attaque"
    )
    data = json.loads(cli(run, make_root(claims), "list", "--format", "json", "--search", "premiere").stdout)
    assert [c["id"] for c in data] == ["start"]


def test_list_markdown(run, root):  # type: ignore[no-untyped-def]
    out = cli(run, root, "list", "--format", "markdown").stdout
    assert (
        out.splitlines()[2]
        == "| first | blame   | contested     | 2          | 2         | North vs South                  |"
    )


def test_every_command_has_help(run):  # type: ignore[no-untyped-def]
    from comparator.cli import COMMANDS
    from comparator.cli import cli as group

    for name in COMMANDS:
        command = group.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.help, name
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage: " in result.stdout
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"{name} --{param.name} has no help"


def test_bad_usage_exits_2(run):  # type: ignore[no-untyped-def]
    assert run("show").exit_code == 2
    assert run("list", "--verdict", "maybe").exit_code == 2
    assert run("nosuchcommand").exit_code == 2


def test_no_root_found(run, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = run("list", env={"COMPARATOR_ROOT": ""})
    assert result.exit_code == 1
    assert "no data root found" in result.stderr


def test_root_from_environment_and_walking_up(run, root, monkeypatch):  # type: ignore[no-untyped-def]
    assert run("list", env={"COMPARATOR_ROOT": str(root)}).stdout == LIST_ALL
    monkeypatch.chdir(root / "claims" / "war")
    assert run("list", env={"COMPARATOR_ROOT": "", "COLUMNS": "100"}).stdout == LIST_ALL


# --- the bundled corpus -------------------------------------------------------------------

corpus_only = pytest.mark.skipif(not (REPO / "claims").is_dir(), reason="no bundled corpus")


def bundled(run, *args):  # type: ignore[no-untyped-def]
    return json.loads(run("--root", str(REPO), *args, "--format", "json").stdout)


@corpus_only
def test_fighting_began_on_27_september_2020(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "fighting-start-date-2020")
    assert data["verdict"] == "corroborated"
    assert data["consensus"] == {"low": "2020-09-27", "high": "2020-09-27"}
    ankara = [
        a["origin"] for a in data["assertions"] if a["source"].startswith(("beritaturki", "republika-2021"))
    ]
    assert ankara == ["anadolu", "anadolu"]  # the two Ankara copies are one origin
    assert len(data["assertions"]) == 3 and sorted(data["origins"]) == ["anadolu", "republika"]


@corpus_only
def test_who_attacked_first_is_a_dispute(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "who-attacked-first-2020")
    assert data["verdict"] == "contested"
    by_index = data["assertions"]
    disputes = {
        frozenset((by_index[r["a"]]["origin"], by_index[r["b"]]["origin"]))
        for r in data["relations"]
        if r["relation"] == "contradict"
    }
    assert frozenset(("armenia", "azerbaijan")) in disputes
    assert not any(r["same_origin"] for r in data["relations"] if r["relation"] == "contradict")


@corpus_only
def test_ceasefire_date_and_november_last_year_are_compatible(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "november-2020-ceasefire-date")
    assert data["verdict"] == "corroborated"
    assert sorted(a["value"] for a in data["assertions"]) == ["2020-11", "2020-11-10"]
    assert [r["relation"] for r in data["relations"]] == ["compatible"]


@corpus_only
def test_running_toll_is_superseded_not_contradicted(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "death-toll-2020-war")
    assert data["cumulative"] is True
    assert [(a["value"], a["qualifier"]) for a in data["assertions"]] == [
        (16, "at_least"),
        (6500, "more_than"),
    ]
    assert data["relations"] == [{"a": 0, "b": 1, "relation": "supersede", "same_origin": False}]
    assert data["verdict"] != "contested"


def contradicting_origins(data):  # type: ignore[no-untyped-def]
    items = data["assertions"]
    return {
        frozenset((items[r["a"]]["origin"], items[r["b"]]["origin"]))
        for r in data["relations"]
        if r["relation"] == "contradict"
    }


@corpus_only
def test_helicopters_lost_are_disputed_between_armenia_and_azerbaijan(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "azerbaijani-helicopters-downed-2020-09-27")
    assert data["verdict"] == "contested"
    assert [(a["claimant"], a["origin"], a["value"]) for a in data["assertions"]] == [
        ("armenia-mod", "armenia", 2),
        ("azerbaijan-mod", "azerbaijan", 1),
    ]
    assert contradicting_origins(data) == {frozenset(("armenia", "azerbaijan"))}
    # The printed sentence stays on record, quoted whole, with the clause that decides its reading.
    printed = bundled(run, "show", "armenian-helicopters-downed-2020-09-27")["assertions"]
    whole = "Ia mengklaim telah menembak jatuh satu helikopter Armenia, tapi awaknya berhasil selamat."
    assert [a["quote"] for a in printed] == [whole]
    assert data["assertions"][1]["quote"] == whole


@corpus_only
@pytest.mark.parametrize("claim", ["who-attacked-2021-11", "ceasefire-2022-09-13-violator"])
def test_mutual_blame_is_recorded_on_both_sides(run, claim):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", claim)
    assert data["verdict"] == "contested"
    assert sorted(data["origins"]) == ["armenia", "azerbaijan"]
    assert contradicting_origins(data) == {frozenset(("armenia", "azerbaijan"))}


@corpus_only
def test_repeated_attacks_are_not_read_as_who_started(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "who-attacked-first-2020")
    assert not any(a["source"].startswith("beritaturki") for a in data["assertions"])
    civilians = bundled(run, "show", "armenian-attacks-on-civilians-2020")
    assert "beritaturki-2020-11-03-lavrov-turki" in [a["source"] for a in civilians["assertions"]]


@corpus_only
def test_relayed_and_unnamed_sources_are_claimants(run):  # type: ignore[no-untyped-def]
    toll = bundled(run, "show", "armenian-casualties-2020")["assertions"]
    assert [(a["claimant"], a["origin"]) for a in toll] == [
        ("sources-and-officials", "sources-and-officials")
    ]
    ally = bundled(run, "show", "russia-armenia-alliance")
    assert [(a["claimant"], a["origin"]) for a in ally["assertions"]] == [
        ("politico", "politico"),
        (None, "anadolu"),
    ]
    assert ally["verdict"] == "corroborated"


@corpus_only
def test_sindonews_is_afp_copy_and_kremlin_statements_carry_their_day(run):  # type: ignore[no-untyped-def]
    toll = bundled(run, "show", "death-toll-2020-war")["assertions"]
    assert [a["origin"] for a in toll] == ["media-reports", "afp"]
    sochi = bundled(run, "show", "sochi-summit-date-2021")["assertions"]
    assert [(a["claimant"], a["as_of"], a["published"]) for a in sochi] == [
        ("kremlin", "2021-11-23", "2021-11-24")
    ]


@corpus_only
def test_running_count_and_ranks(run):  # type: ignore[no-untyped-def]
    count = bundled(run, "show", "humanitarian-ceasefires-violated-2020")
    assert (count["kind"], count["cumulative"], count["assertions"][0]["as_of"]) == (
        "count",
        True,
        "2020-11-03",
    )
    for claim in ("armenia-military-strength-rank-2020", "azerbaijan-military-strength-rank-2020"):
        assert bundled(run, "show", claim)["kind"] == "quantity"


@corpus_only
def test_repeated_statement_is_one_claim_with_an_assertion_per_article(run):  # type: ignore[no-untyped-def]
    data = bundled(run, "show", "adjacent-regions-count")
    assert sorted(a["source"] for a in data["assertions"]) == [
        "beritaturki-2020-11-03-lavrov-turki",
        "republika-2020-09-28-lavrov-bayramov",
        "republika-2021-01-13-putin-erdogan-call",
    ]
    assert data["consensus"] == {"low": 7, "high": 7}


@corpus_only
def test_misspelt_names_are_marked_not_corrected(run):  # type: ignore[no-untyped-def]
    for claim in ("michel-pashinyan-aliyev-meeting-2022", "ceasefire-calls-european-council"):
        (assertion,) = bundled(run, "show", claim)["assertions"]
        assert "Michael" in assertion["quote"] and "Michael [sic" in assertion["translation"]


@corpus_only
def test_bundled_corpus_passes_strict_check(run):  # type: ignore[no-untyped-def]
    result = run("--root", str(REPO), "check", "--strict")
    assert result.exit_code == 0, result.stdout


@corpus_only
def test_bundled_facts_through_the_core() -> None:
    from comparator.compare import analyse
    from comparator.corpus import load
    from comparator.terms import Relation, Verdict

    corpus = load(REPO)
    verdict = {cid: analyse(corpus, c) for cid, c in corpus.claims.items()}
    assert verdict["fighting-start-date-2020"].verdict is Verdict.CORROBORATED
    assert verdict["who-attacked-first-2020"].verdict is Verdict.CONTESTED
    assert verdict["november-2020-ceasefire-date"].pairs[0].relation is Relation.COMPATIBLE
    assert verdict["november-2020-ceasefire-date"].verdict is Verdict.CORROBORATED
    assert [p.relation for p in verdict["death-toll-2020-war"].pairs] == [Relation.SUPERSEDE]


def test_terminal_controls_in_data_are_dropped(run, make_root):  # type: ignore[no-untyped-def]
    claims = dict(CLAIMS)
    claims["claims/blame/first.yaml"] = CLAIMS["claims/blame/first.yaml"].replace(
        "notes: Each side blames the other.",
        'notes: "Title \\e]0;PWNED\\a and \\e]52;c;Y2xpcA==\\a bell \\a"',
    )
    out = cli(run, make_root(claims), "show", "first").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "Title ]0;PWNED and ]52;c;Y2xpcA== bell" in out
