"""A desk's daily work by command: init, registries, claims and assertions, stubs written into
claims, and a new user's path from an empty folder to a passing `check --strict`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from comparator.cli import cli
from comparator.curation import init as init_mod

ARTICLE = (
    "Toll rises to 105\n"
    "\n"
    "YEREVAN (Global Wire) - Prime Minister Nikol Pashinyan said on Wednesday that 105 Armenian "
    "soldiers had been killed since Azerbaijan launched its attack on Tuesday. The fighting was "
    "intensively fierce.\n"
    "Azerbaijan said 50 servicemen were killed, 42 soldiers and eight border guards.\n"
)
SOURCE_ID = "wire-2022-09-14-toll-rises-to-105"


def invoke(*args: str, root: Path | None = None, input: str | None = None):  # type: ignore[no-untyped-def]
    env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1", "COLUMNS": "100"}
    pre = ["--root", str(root)] if root is not None else []
    return CliRunner().invoke(cli, [*pre, *args], input=input, env=env, catch_exceptions=False)


def desk(tmp_path: Path) -> Path:
    """A repository made by commands only: init, an outlet, actors, one article."""
    root = tmp_path / "desk"
    assert invoke("init", str(root)).exit_code == 0
    for args in (
        ("outlet", "add", "wire", "--name", "Global Wire", "--language", "en", "--kind", "agency"),
        ("actor", "add", "armenia", "--name", "Armenia"),
        ("actor", "add", "armenia-pm", "--name", "Prime Minister of Armenia", "--part-of", "armenia"),
        ("actor", "add", "azerbaijan", "--name", "Azerbaijan"),
        ("source", "add", "-", "--outlet", "wire", "--published", "2022-09-14"),
    ):
        done = invoke(*args, root=root, input=ARTICLE)
        assert done.exit_code == 0, done.stderr
    return root


def new_claim(root: Path, *extra: str):  # type: ignore[no-untyped-def]
    return invoke(
        "claim",
        "new",
        "soldiers-killed",
        "--topic",
        "casualties",
        "--kind",
        "count",
        "--question",
        "How many Armenian soldiers were killed?",
        "--unit",
        "soldiers",
        "--cumulative",
        "--tag",
        "casualties",
        "--source",
        SOURCE_ID,
        "--quote",
        "105 Armenian soldiers had been killed",
        "--value",
        "105",
        "--claimant",
        "armenia-pm",
        *extra,
        root=root,
    )


# --- init -------------------------------------------------------------------------------------


def test_init_writes_a_repository_that_passes_check_strict(tmp_path: Path) -> None:
    root = tmp_path / "new"
    done = invoke("init", str(root))
    assert done.exit_code == 0
    assert done.stdout.splitlines() == [
        "claims/.gitkeep",
        "sources/outlets.yaml",
        "sources/actors.yaml",
        "schema/claim.schema.json",
        "schema/source.schema.json",
        "schema/outlets.schema.json",
        "schema/actors.schema.json",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".github/workflows/claims.yml",
        ".pre-commit-config.yaml",
        ".gitignore",
    ]
    checked = invoke("check", "--strict", root=root)
    assert (checked.exit_code, checked.stderr) == (0, "no problems in 2 files\n")
    assert invoke("schema", "--check", root=root).exit_code == 0
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schema/claim.schema.json"] == ["claims/*/*.yaml", "claims/*/*.yml"]
    workflow = yaml.safe_load((root / ".github/workflows/claims.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["review"]["steps"]
    assert steps[1]["uses"] == init_mod.ACTION and steps[0]["with"] == {"fetch-depth": 0}
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "comparator check --strict"
    assert ".comparator-cache/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    # The commented examples are valid entries once uncommented.
    example = "\n".join(
        line[2:] for line in (root / "sources/outlets.yaml").read_text().splitlines() if line.startswith("# ")
    )
    assert "- id: civilnet" in example


def test_init_never_overwrites_and_names_what_exists(tmp_path: Path) -> None:
    root = tmp_path / "old"
    (root / "sources").mkdir(parents=True)
    (root / "sources/outlets.yaml").write_text("- id: mine\n  name: Mine\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    done = invoke("init", str(root))
    assert done.exit_code == 1
    assert done.stderr == (
        f"comparator: not initialised: {root} already holds sources/outlets.yaml, .gitignore; "
        "nothing was written\n"
    )
    assert sorted(p.name for p in root.rglob("*")) == [".gitignore", "outlets.yaml", "sources"]


# --- registries -------------------------------------------------------------------------------

OUTLETS = """\
# Our outlets.

- id: daily   # the morning paper
  name: 'The Daily'
  kind: newspaper

- id: herald
  name: Herald
# end of list
"""


def test_outlet_add_keeps_comments_order_and_style(make_root) -> None:
    root = make_root({"sources/outlets.yaml": OUTLETS})
    done = invoke(
        "outlet",
        "add",
        "civilnet",
        "--name",
        "CivilNet",
        "--country",
        "AM",
        "--language",
        "en",
        "--kind",
        "online",
        "--url",
        "https://www.civilnet.am",
        "--notes",
        "Yerevan: online",
        root=root,
    )
    assert (done.exit_code, done.stdout, done.stderr) == (0, "sources/outlets.yaml:10\n", "")
    assert (root / "sources/outlets.yaml").read_text(encoding="utf-8") == OUTLETS.replace(
        "  name: Herald\n",
        "  name: Herald\n\n- id: civilnet\n  name: CivilNet\n  country: AM\n  language: en\n  kind: online\n"
        '  url: https://www.civilnet.am\n  notes: "Yerevan: online"\n',
    )
    assert invoke("check", "--strict", root=root).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("outlet", "add", "herald", "--name", "Another"),
            "outlet not added: outlet id 'herald' is taken by 'Herald' (sources/outlets.yaml:4); "
            "nothing was written",
        ),
        (
            ("outlet", "add", "the-daily", "--name", "the daily"),
            "outlet not added: 'the daily' is already listed as outlet 'daily' (sources/outlets.yaml:1); "
            "nothing was written",
        ),
        (
            ("outlet", "add", "Bad_Id", "--name", "X"),
            "outlet not added: outlet id 'Bad_Id' is not a lowercase slug (letters a-z, digits, single hyphens)",
        ),
        (
            ("outlet", "add", "x", "--name", "X", "--language", "english"),
            "outlet not added: the new outlet would not pass check:\n"
            "sources/outlets.yaml:12:13: error schema [3].language: 'english' is not a BCP 47 language tag "
            "(such as id, en, pt-BR)",
        ),
        (
            ("actor", "add", "north-army", "--name", "North army", "--part-of", "nort"),
            "actor not added: the new actor would not pass check:\n"
            "sources/actors.yaml:10:12: error unknown-actor part_of names unknown actor 'nort' "
            "(did you mean 'north', 'north-mod'?)",
        ),
        (
            ("actor", "add", "n", "--name", "N", "--alias", "north"),
            "actor not added: 'north' is already listed as actor 'north' (sources/actors.yaml:1); "
            "nothing was written",
        ),
    ],
)
def test_registry_refusals(make_root, args: tuple[str, ...], message: str) -> None:
    root = make_root()
    before = {p: p.read_bytes() for p in (root / "sources").glob("*.yaml")}
    done = invoke(*args, root=root)
    assert (done.exit_code, done.stdout, done.stderr) == (1, "", f"comparator: {message}\n")
    assert {p: p.read_bytes() for p in (root / "sources").glob("*.yaml")} == before


def test_actor_add_with_aliases_starts_from_an_empty_list(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "sources/actors.yaml").write_text("# Actors.\n[]\n", encoding="utf-8")
    done = invoke(
        "actor",
        "add",
        "armenia",
        "--name",
        "Armenia",
        "--alias",
        "Yerevan",
        "--alias",
        "RA, official",
        root=root,
    )
    assert (done.exit_code, done.stdout) == (0, "sources/actors.yaml:2\n")
    assert (root / "sources/actors.yaml").read_text(encoding="utf-8") == (
        '# Actors.\n- id: armenia\n  name: Armenia\n  aliases: [Yerevan, "RA, official"]\n'
    )


def test_a_registry_that_is_not_yaml_is_not_touched(make_root) -> None:
    root = make_root({"sources/outlets.yaml": "- id: [\n"})
    done = invoke("outlet", "add", "x", "--name", "X", root=root)
    assert done.exit_code == 1
    assert done.stderr.startswith(
        "comparator: outlet not added: cannot add to sources/outlets.yaml: it is not "
    )


# --- claims -----------------------------------------------------------------------------------


def test_claim_new_then_add(tmp_path: Path) -> None:
    root = desk(tmp_path)
    done = new_claim(root)
    assert (done.exit_code, done.stdout, done.stderr) == (
        0,
        "claims/casualties/soldiers-killed.yaml\n",
        "new topic 'casualties'\n",
    )
    added = invoke(
        "claim",
        "add",
        "soldiers-killed",
        "--source",
        SOURCE_ID,
        "--quote",
        "Azerbaijan launched its attack",
        "--value",
        "105",
        "--despite-warnings",
        root=root,
    )
    assert added.exit_code == 0
    assert added.stdout == "claims/casualties/soldiers-killed.yaml:12\n"
    assert added.stderr == (
        "claims/casualties/soldiers-killed.yaml:14:12: warning value-not-in-quote 105 is not written in "
        "the quote (read as en: no number)\n"
    )
    assert (root / "claims/casualties/soldiers-killed.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schema/claim.schema.json\n"
        "question: How many Armenian soldiers were killed?\n"
        "kind: count\n"
        "unit: soldiers\n"
        "cumulative: true\n"
        "tags: [casualties]\n"
        "assertions:\n"
        f"  - source: {SOURCE_ID}\n"
        '    quote: "105 Armenian soldiers had been killed"\n'
        "    value: 105\n"
        "    claimant: armenia-pm\n"
        f"  - source: {SOURCE_ID}\n"
        '    quote: "Azerbaijan launched its attack"\n'
        "    value: 105\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--quote", "The fighting was intensely fierce", "--value", "105"),
            "assertion not added: the assertion would not pass check:\n"
            "claims/casualties/soldiers-killed.yaml:13:12: error quote-not-found the quote does not occur in "
            f"sources/wire/{SOURCE_ID}.md: 'The fighting was intensely fierce'; the closest passage is "
            "'The fighting was intensively fierce'",
        ),
        (
            ("--quote", "Azerbaijan said 50 servicemen were killed, 42 soldiers and eight", "--value", "40"),
            "assertion not added: the assertion would not pass check:\n"
            "claims/casualties/soldiers-killed.yaml:14:12: warning value-not-in-quote 40 is not written in the "
            "quote (read as en: 50, 42, 8)\n"
            "(give --despite-warnings to write it all the same)",
        ),
        (
            (
                "--quote",
                "105 Armenian soldiers had been killed",
                "--value",
                "105",
                "--claimant",
                "armenia-pm",
            ),
            "assertion not added: claim 'soldiers-killed' already has this quote of "
            f"{SOURCE_ID} as assertion #1; nothing was written",
        ),
        (
            ("--quote", "105 Armenian soldiers", "--value", "many"),
            "assertion not added: --value: a count must be a whole number, not 'many'",
        ),
        (
            ("--quote", "105 Armenian soldiers", "--value", "105", "--claimant", "armenia-mod"),
            "assertion not added: the assertion would not pass check:\n"
            "claims/casualties/soldiers-killed.yaml:15:15: error unknown-actor unknown claimant 'armenia-mod' "
            "(did you mean 'armenia-pm', 'armenia'?)",
        ),
    ],
)
def test_claim_add_refusals(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    root = desk(tmp_path)
    assert new_claim(root).exit_code == 0
    path = root / "claims/casualties/soldiers-killed.yaml"
    before = path.read_bytes()
    done = invoke("claim", "add", "soldiers-killed", "--source", SOURCE_ID, *args, root=root)
    assert (done.exit_code, done.stdout, done.stderr) == (1, "", f"comparator: {message}\n")
    assert path.read_bytes() == before


def test_claim_add_to_an_unknown_claim_and_claim_new_over_an_existing_one(tmp_path: Path) -> None:
    root = desk(tmp_path)
    assert new_claim(root).exit_code == 0
    done = invoke(
        "claim", "add", "soldiers-kiled", "--source", SOURCE_ID, "--quote", "q", "--value", "1", root=root
    )
    assert done.stderr == (
        "comparator: assertion not added: no claim 'soldiers-kiled' (did you mean 'soldiers-killed'?); "
        "`comparator claim new` starts one\n"
    )
    again = new_claim(root)
    assert (again.exit_code, again.stderr) == (
        1,
        "comparator: claim not written: claim id 'soldiers-killed' is taken: "
        "claims/casualties/soldiers-killed.yaml; nothing was written\n",
    )


def test_claim_new_notes_a_topic_near_an_existing_one(tmp_path: Path) -> None:
    root = desk(tmp_path)
    (root / "claims/casualties").mkdir()
    done = invoke(
        "claim",
        "new",
        "toll",
        "--topic",
        "casualty",
        "--kind",
        "count",
        "--question",
        "How many?",
        "--source",
        SOURCE_ID,
        "--quote",
        "105 Armenian soldiers",
        "--value",
        "105",
        root=root,
    )
    assert (done.exit_code, done.stdout) == (0, "claims/casualty/toll.yaml\n")
    assert done.stderr == "new topic 'casualty' (existing topics near it: 'casualties')\n"


def test_claim_add_keeps_the_claim_files_style(make_root) -> None:
    text = (
        "question: Who attacked?   # asked by the desk\n"
        "kind: actor\n"
        "assertions:\n"
        "    -   source: daily-1\n"
        "        quote: 'South attacked first'\n"
        "        value: south\n"
        "        claimant: north-mod\n"
        "\n"
        "# More to come.\n"
    )
    root = make_root({"claims/war/who.yaml": text})
    done = invoke(
        "claim",
        "add",
        "who",
        "--source",
        "herald-1",
        "--quote",
        "North attacked first",
        "--value",
        "north",
        "--claimant",
        "south",
        root=root,
    )
    assert (done.exit_code, done.stdout) == (0, "claims/war/who.yaml:8\n")
    assert (root / "claims/war/who.yaml").read_text(encoding="utf-8") == text.replace(
        "claimant: north-mod\n",
        'claimant: north-mod\n    -   source: herald-1\n        quote: "North attacked first"\n'
        "        value: north\n        claimant: south\n",
    )


# --- suggest --into ---------------------------------------------------------------------------


def test_suggest_into_a_claim(tmp_path: Path) -> None:
    root = desk(tmp_path)
    assert new_claim(root).exit_code == 0
    path = root / "claims/casualties/soldiers-killed.yaml"
    done = invoke("suggest", SOURCE_ID, "--into", "soldiers-killed", root=root)
    assert (done.exit_code, done.stdout) == (0, "claims/casualties/soldiers-killed.yaml:12\n")
    assert done.stderr == "3 stubs written commented out: uncomment those that answer the question\n"
    text = path.read_text(encoding="utf-8")
    assert "  # - source: wire-2022-09-14-toll-rises-to-105\n" in text
    assert invoke("check", "--strict", root=root).exit_code == 0
    missing = invoke("suggest", SOURCE_ID, "--into", "soldiers-killed", "--line", "7", root=root)
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"comparator: no suggested sentence starts on line 7 of sources/wire/{SOURCE_ID}.md (lines: 8, 10, 11)\n",
    )
    line = invoke("suggest", SOURCE_ID, "--into", "soldiers-killed", "--line", "11", root=root)
    # After the last assertion, before the stubs kept as comments.
    assert (line.exit_code, line.stdout) == (0, "claims/casualties/soldiers-killed.yaml:12\n")
    assert path.read_text(encoding="utf-8").splitlines()[11:15] == [
        f"  - source: {SOURCE_ID}",
        '    quote: "Azerbaijan said 50 servicemen were killed"',
        "    value: 50",
        "  # line 8: Toll rises to 105",
    ]
    assert invoke("check", "--strict", root=root).exit_code == 0


def test_suggest_line_without_into_is_a_usage_error(tmp_path: Path) -> None:
    root = desk(tmp_path)
    done = invoke("suggest", SOURCE_ID, "--line", "3", root=root)
    assert done.exit_code == 2
    assert "--line chooses sentences to write --into a claim; give --into CLAIM_ID" in done.stderr


# --- a new user, commands only ----------------------------------------------------------------


def test_from_an_empty_folder_to_check_strict_with_commands_only(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    here = os.getcwd()
    root.mkdir()
    os.chdir(root)
    try:
        assert invoke("init").exit_code == 0
        steps = [
            ("outlet", "add", "wire", "--name", "Global Wire", "--language", "en", "--kind", "agency"),
            ("actor", "add", "armenia", "--name", "Armenia"),
            ("actor", "add", "armenia-pm", "--name", "Prime Minister of Armenia", "--part-of", "armenia"),
            ("actor", "add", "azerbaijan", "--name", "Azerbaijan"),
            (
                "actor",
                "add",
                "azerbaijan-mod",
                "--name",
                "Azerbaijani defence ministry",
                "--part-of",
                "azerbaijan",
            ),
        ]
        for args in steps:
            assert invoke(*args).exit_code == 0
        added = invoke(
            "source",
            "add",
            "-",
            "--outlet",
            "wire",
            "--published",
            "2022-09-14",
            "--dateline",
            "YEREVAN",
            "--published-inferred",
            input=ARTICLE,
        )
        assert (added.exit_code, added.stdout) == (0, f"sources/wire/{SOURCE_ID}.md\n")
        assert new_claim(Path(".")).exit_code == 0
        more = invoke(
            "claim",
            "new",
            "azerbaijani-servicemen-killed",
            "--topic",
            "casualties",
            "--kind",
            "count",
            "--question",
            "How many Azerbaijani servicemen were killed?",
            "--source",
            SOURCE_ID,
            "--quote",
            "Azerbaijan said 50 servicemen were killed",
            "--value",
            "50",
            "--claimant",
            "azerbaijan-mod",
        )
        assert more.exit_code == 0, more.stderr
        checked = invoke("check", "--strict")
        assert (checked.exit_code, checked.stdout, checked.stderr) == (0, "", "no problems in 5 files\n")
        shown = invoke("show", "soldiers-killed", "--format", "json")
        assert json.loads(shown.stdout)["verdict"] == "single-origin"
    finally:
        os.chdir(here)


# --- source add -------------------------------------------------------------------------------


def test_source_add_front_matter_options(make_root) -> None:
    root = make_root()
    done = invoke(
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2022-09-13",
        "--published-inferred",
        "--wire",
        "wire",
        "--wire-inferred",
        "--dateline",
        "YEREVAN",
        "--notes",
        "Agency copy,\nunsigned",
        "--language",
        "en",
        root=root,
        input="Armenia's PM says 49 soldiers killed\n\nText.\n",
    )
    assert (done.exit_code, done.stdout) == (
        0,
        "sources/daily/daily-2022-09-13-armenias-pm-says-49-soldiers.md\n",
    )
    text = (root / "sources/daily/daily-2022-09-13-armenias-pm-says-49-soldiers.md").read_text(
        encoding="utf-8"
    )
    assert text.split("---\n")[1] == (
        "id: daily-2022-09-13-armenias-pm-says-49-soldiers\n"
        "outlet: daily\n"
        'title: "Armenia\'s PM says 49 soldiers killed"\n'
        "published: 2022-09-13\n"
        "published_inferred: true\n"
        "language: en\n"
        'dateline: "YEREVAN"\n'
        "wire: wire\n"
        "wire_inferred: true\n"
        'notes: "Agency copy, unsigned"\n'
    )


def test_source_add_wire_inferred_needs_a_wire(make_root) -> None:
    root = make_root()
    done = invoke(
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2022",
        "--wire-inferred",
        "--language",
        "en",
        root=root,
        input="Title\n",
    )
    assert done.stderr == (
        "comparator: source not added: --wire-inferred says the wire was judged from the text: give --wire too\n"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Armenia's PM says 49 soldiers killed", "devdiscourse-2022-09-13-armenias-pm-says-49"),
        (
            "Pashinyan raises death toll to 105 as shelling goes on",
            "civilnet-2022-09-13-pashinyan-raises-death-toll",
        ),
        ("Azerbaijan’s army can’t hold", "o-2022-09-13-azerbaijans-army-cant-hold"),
        ("Talks in Brussels end in a deal between the", "o-2022-09-13-talks-in-brussels-end-in-a-deal"),
        ("The", "o-2022-09-13-the"),
    ],
)
def test_ids_end_at_a_word_that_does_not_hang(title: str, expected: str) -> None:
    from comparator.curation.add_source import derive_id
    from comparator.dates import PartialDate

    outlet = expected.split("-2022")[0]
    assert derive_id(outlet, PartialDate.parse("2022-09-13"), title) == expected


def test_source_add_refuses_an_outlet_folder_linked_outside_the_root(make_root, tmp_path: Path) -> None:
    root = make_root()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "sources/daily").rename(root / "sources/daily-old")
    (root / "sources/daily").symlink_to(outside)
    done = invoke(
        "source",
        "add",
        "-",
        "--outlet",
        "daily",
        "--published",
        "2022",
        "--language",
        "en",
        root=root,
        input="Title\n",
    )
    assert (done.exit_code, done.stderr) == (
        1,
        "comparator: source not added: sources/daily/ is a link that leads outside the data root; "
        "nothing was written\n",
    )
    assert list(outside.iterdir()) == []


# --- check: sources that do not load, quotes not found ------------------------------------------


def test_claims_citing_a_source_that_does_not_load_point_at_it_once(make_root) -> None:
    broken = (
        "---\nid: daily-1\noutlet: daily\ntitle: T\npublished: 2020-13-01\nlanguage: en\n---\nAt least 16.\n"
    )
    claim = "question: Q\nkind: count\nassertions:\n" + "".join(
        f"  - source: daily-1\n    quote: At least 16\n    value: {n}\n" for n in (16, 16, 16)
    )
    root = make_root({"sources/daily/daily-1.md": broken, "claims/t/toll.yaml": claim})
    done = invoke("check", root=root)
    assert done.stdout.splitlines() == [
        "claims/t/toll.yaml:4:13: error unknown-source source 'daily-1' does not load; see the errors "
        "reported for sources/daily/daily-1.md",
        "sources/daily/daily-1.md:5:12: error schema published: '2020-13-01': month 13 does not exist",
    ]


def test_quote_not_found_names_the_closest_passage(make_root) -> None:
    body = "Filler sentence. " * 2000 + "Forces shelled the town intensively overnight, officials said.\n"
    claim = (
        "question: Q\nkind: text\nassertions:\n"
        "  - source: daily-1\n    quote: shelled the town intensely overnight\n    value: shelling\n"
    )
    root = make_root(
        {"sources/daily/daily-1.md": BASE_SOURCE.replace("BODY", body), "claims/t/q.yaml": claim}
    )
    done = invoke("check", root=root)
    assert done.stdout == (
        "claims/t/q.yaml:5:12: error quote-not-found the quote does not occur in sources/daily/daily-1.md: "
        "'shelled the town intensely overnight'; the closest passage is 'shelled the town intensively "
        "overnight'\n"
    )


BASE_SOURCE = "---\nid: daily-1\noutlet: daily\ntitle: T\npublished: 2020-09-28\nlanguage: en\n---\nBODY"


# --- shell completion -------------------------------------------------------------------------


def test_ids_complete_from_file_names(tmp_path: Path) -> None:
    root = desk(tmp_path)
    assert new_claim(root).exit_code == 0
    env = {"_COMPARATOR_COMPLETE": "bash_complete", "COMP_WORDS": "", "COMP_CWORD": "0"}

    def complete(line: str) -> list[str]:
        words = ["comparator", "--root", str(root), *line.split()]
        cword = len(words) - (0 if line.endswith(" ") else 1)
        env.update({"COMP_WORDS": " ".join(words), "COMP_CWORD": str(cword)})
        result = CliRunner().invoke(cli, [], env=env, prog_name="comparator")
        return [row.split(",", 1)[1] for row in result.stdout.splitlines()]

    assert complete("show sol") == ["soldiers-killed"]
    assert complete("suggest wi") == [SOURCE_ID]
    assert complete("claim add soldiers-killed --source ") == [SOURCE_ID]
    assert complete("claim new x --topic cas") == ["casualties"]
    assert complete("actor add x --part-of arm") == ["armenia", "armenia-pm"]
    assert complete("claim add soldiers-killed --claimant az") == ["azerbaijan"]
