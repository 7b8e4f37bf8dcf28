"""`comparator copies` and the `undeclared-copy` check: exact output, the measured fixture,
the evidence each kind of sign gives, and the accept that silences a judged pair."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import source
from hypothesis import given, settings
from hypothesis import strategies as st

from comparator.copies import THRESHOLD, _ceiling, _least_shared, copy_findings, copy_problems, find_copies
from comparator.corpus import load
from comparator.credits import CreditForm, credits, dateline
from comparator.shingles import BOILERPLATE, PairCodes, Postings, overlap, shared_keys, shingles, words

FIXTURE = Path(__file__).parent / "fixtures" / "copies"

ORIGINAL = (
    "Floods kill 137\n\n"
    "PORT CITY (Wire Agency) - Floods killed 137 people in the northern province on Monday, "
    "officials said, as rescuers searched for 2,045 people still missing after the river burst its banks.\n\n"
    "The provincial governor said emergency shelters had been opened in 24 schools across the region.\n"
)
COPY = (
    "Floods killed 137 people in the northern province on Monday, officials said, as rescuers "
    "searched for 2,045 people still missing after the river burst its banks.\n\n"
    "Local traders said the price of rice had doubled since the weekend.\n"
)
SMALL = {
    "sources/wire/wire-1.md": source("wire-1", "wire", "2021-03-01", ORIGINAL),
    "sources/herald/herald-2.md": source("herald-2", "herald", "2021-03-02", COPY),
}

TEXT = """\
wire-1 → herald-2  score 1.00, not declared
  27 words of b (69%) and 27 of a (55%) are shared verbatim (compared in en)
  shared passage:
    │ Floods killed 137 people in the northern province on Monday, officials
    │ said, as rescuers searched for 2,045 people still missing after the river
    │ burst its banks
  same figures in one sentence of each: 137, 2,045 (b: “Floods killed 137 people
    in the northern province on Monday, officials said, as rescuers searched for
    2,045 people stil…”)
  published 2021-03-01 and 2021-03-02: a is earlier
  add to herald-2:
    derived_from: wire-1
"""

MARKDOWN = """\
| a (earlier) | b | score | linked | add to b |
|---|---|---|---|---|
| wire-1 | herald-2 | 1.00 | not declared | derived\\_from: wire-1 |

### wire-1 → herald-2

- 27 words of b \\(69%\\) and 27 of a \\(55%\\) are shared verbatim \\(compared in en\\)
- shared passage:

  > Floods killed 137 people in the northern province on Monday, officials said, as rescuers searched for 2,045 people still missing after the river burst its banks

- same figures in one sentence of each: 137, 2,045 \\(b: “Floods killed 137 people in the northern province on Monday, officials said, as rescuers searched for 2,045 people stil…”\\)
- published 2021-03-01 and 2021-03-02: a is earlier
"""

JSON = {
    "pairs": [
        {
            "a": "wire-1",
            "b": "herald-2",
            "score": 1.0,
            "evidence": [
                "27 words of b (69%) and 27 of a (55%) are shared verbatim (compared in en)",
                "shared passage: “Floods killed 137 people in the northern province on Monday, officials said, "
                "as rescuers searched for 2,045 people still missing after the river burst its banks”",
                "same figures in one sentence of each: 137, 2,045 (b: “Floods killed 137 people in the "
                "northern province on Monday, officials said, as rescuers searched for 2,045 people stil…”)",
                "published 2021-03-01 and 2021-03-02: a is earlier",
            ],
            "declared": False,
            "suggest": "derived_from: wire-1",
        }
    ]
}
SUMMARY = "1 pair of sources likely share an origin (score ≥ 0.50); 1 not declared\n"


@pytest.mark.parametrize(("fmt", "expected"), [("text", TEXT), ("markdown", MARKDOWN)])
def test_copies_formats_exact(make_root, run, fmt, expected) -> None:
    root = make_root(SMALL)
    result = run("--root", str(root), "copies", "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr == SUMMARY


def test_copies_json_exact(make_root, run) -> None:
    root = make_root(SMALL)
    result = run("--root", str(root), "copies", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == JSON


def test_copies_nothing_found(make_root, run) -> None:
    root = make_root()
    for fmt, out in (
        ("text", ""),
        ("json", '{\n  "pairs": []\n}\n'),
        ("markdown", "No sources likely share an origin.\n"),
    ):
        result = run("--root", str(root), "copies", "--format", fmt)
        assert (result.exit_code, result.stdout) == (0, out)
    assert result.stderr == "0 pairs of sources likely share an origin (score ≥ 0.50); 0 not declared\n"


def test_min_score_filters_and_is_checked(make_root, run) -> None:
    root = make_root(SMALL)
    assert run("--root", str(root), "copies", "--min-score", "1").stdout == TEXT
    assert run("--root", str(root), "copies", "--min-score", "1.5").exit_code == 2


def test_check_warns_at_the_later_source(make_root, run) -> None:
    root = make_root(SMALL)
    result = run("--root", str(root), "check", "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert problems == [
        {
            "file": "sources/herald/herald-2.md",
            "line": 2,
            "column": 5,
            "severity": "warning",
            "code": "undeclared-copy",
            "message": "shares long verbatim passages with wire-1 (score 1.00), yet neither names the "
            "other or a common wire; add `derived_from: wire-1`, or accept undeclared-copy with why",
        }
    ]
    assert result.exit_code == 0
    assert run("--root", str(root), "check", "--strict").exit_code == 1


def test_declaring_the_copy_silences_the_check(make_root, run) -> None:
    for extra in ({"derived_from": "wire-1"}, {"wire": "wire"}):
        files = dict(SMALL)
        files["sources/herald/herald-2.md"] = source("herald-2", "herald", "2021-03-02", COPY, **extra)
        root = make_root(files)
        result = run("--root", str(root), "check", "--strict")
        assert result.exit_code == 0, result.stdout
        pair = json.loads(run("--root", str(root), "copies", "--format", "json").stdout)["pairs"][0]
        assert (pair["declared"], pair["suggest"]) == (True, None)


ACCEPTED = source(
    "herald-2", "herald", "2021-03-02", COPY, accept="\n  undeclared-copy: the herald wrote it first"
)


def test_accept_silences_the_warning(make_root, run) -> None:
    root = make_root({**SMALL, "sources/herald/herald-2.md": ACCEPTED})
    result = run("--root", str(root), "check", "--strict")
    assert (result.exit_code, result.stdout) == (0, "")
    reported, accepted = copy_findings(load(root))
    assert reported == []
    assert [(p.file, p.code) for p in accepted] == [("sources/herald/herald-2.md", "undeclared-copy")]


def test_an_accept_with_no_copy_is_unused(make_root, run) -> None:
    root = make_root({"sources/herald/herald-2.md": ACCEPTED})
    result = run("--root", str(root), "check")
    assert result.stdout == (
        "sources/herald/herald-2.md:8:3: warning unused-accept undeclared-copy no longer fires on this "
        "source; remove the accept entry\n"
    )


def test_a_source_accepts_only_undeclared_copy(make_root, run) -> None:
    wrong = source("herald-2", "herald", "2021-03-02", COPY, accept="\n  quote-not-found: typo")
    root = make_root({"sources/herald/herald-2.md": wrong})
    result = run("--root", str(root), "check")
    assert "sources/herald/herald-2.md:8:3: error schema accept: a source can accept only " in result.stdout


def test_a_shared_agency_credit_suggests_the_wire(make_root) -> None:
    body = "MANILA (Reuters) - " + COPY
    files = {
        "sources/daily/daily-2.md": source("daily-2", "daily", "2021-03-02", body),
        "sources/herald/herald-2.md": source("herald-2", "herald", "2021-03-03", body + "\n(Reuters)\n"),
    }
    (pair,) = find_copies(load(make_root(files)))
    assert (pair.a, pair.b, pair.suggest) == ("daily-2", "herald-2", "wire: reuters\nwire_inferred: true")
    assert "both credit Reuters: a “(Reuters)”, b “(Reuters)”" in pair.as_dict()["evidence"]
    assert "same dateline: MANILA" in pair.as_dict()["evidence"]


def test_same_day_the_agency_is_the_original(make_root) -> None:
    files = {
        "sources/herald/herald-2.md": source("herald-2", "herald", "2021-03-01", COPY),
        "sources/wire/wire-1.md": source("wire-1", "wire", "2021-03-01", ORIGINAL),
    }
    (pair,) = find_copies(load(make_root(files)))
    assert (pair.a, pair.b) == ("wire-1", "herald-2")
    assert "both published 2021-03-01: a is the agency's own" in pair.as_dict()["evidence"]


def test_articles_of_one_outlet_are_never_paired(make_root) -> None:
    files = {
        "sources/wire/wire-1.md": SMALL["sources/wire/wire-1.md"],
        "sources/wire/wire-2.md": source("wire-2", "wire", "2021-03-02", COPY),
    }
    assert find_copies(load(make_root(files))) == []


def test_a_translation_is_seen_through_credit_dateline_and_figures(make_root) -> None:
    translated = (
        "PORT CITY (Wire Agency) - Banjir menewaskan 137 orang di provinsi utara pada Senin, kata pejabat, "
        "sementara tim penyelamat mencari 2.045 orang yang masih hilang.\n"
    )
    files = {**SMALL, "sources/daily/daily-2.md": source("daily-2", "daily", "2021-03-02", translated, "id")}
    pairs = {(p.a, p.b): p for p in find_copies(load(make_root(files)))}
    evidence = pairs[("wire-1", "daily-2")].as_dict()["evidence"]
    assert evidence[0] == "languages differ (en, id): text not compared; credits, dateline and figures only"
    assert "a is the agency's own copy (Wire Agency); b names it: “(Wire Agency)”" in evidence
    assert pairs[("wire-1", "daily-2")].score == 0.68
    assert not pairs[("wire-1", "daily-2")].textual
    # only shared passages make a warning: the translation is listed, never warned about
    assert [p.file for p in copy_problems(load(make_root(files)))] == ["sources/herald/herald-2.md"]


def _measure(same_language: bool) -> tuple[int, int, int]:
    truth = yaml.safe_load((FIXTURE / "truth.yaml").read_text("utf-8"))
    group = {s: name for name, ids in truth["groups"].items() for s in ids}
    corpus = load(FIXTURE)
    found = {frozenset((p.a, p.b)) for p in find_copies(corpus, THRESHOLD)}
    hits = misses = false = 0
    for x, y in itertools.combinations(sorted(corpus.sources), 2):
        one, other = corpus.sources[x].meta, corpus.sources[y].meta
        if one.outlet == other.outlet or (one.language == other.language) != same_language:
            continue
        copy = x in group and group[x] == group.get(y)
        flagged = frozenset((x, y)) in found
        hits += copy and flagged
        misses += copy and not flagged
        false += flagged and not copy
    return hits, misses, false


def test_fixture_precision_and_recall_on_same_language_copies() -> None:
    hits, misses, false = _measure(same_language=True)
    assert hits + misses >= 10, "the fixture holds enough copies to measure"
    assert hits / (hits + false) >= 0.9
    assert hits / (hits + misses) >= 0.9


def test_fixture_translations_found_only_with_a_shared_credit() -> None:
    # Translations share no words: only those that carry the same agency's credit as the other
    # copy are found (4 of 6 translation pairs); none found wrongly.
    assert _measure(same_language=False) == (4, 2, 0)


def test_fixture_check_warns_once_per_undeclared_copy() -> None:
    warned = sorted(Path(p.file).stem for p in copy_problems(load(FIXTURE)))
    assert warned == [
        "dailystar-2024-05-21-philippines-ferry",
        "globe-2024-07-02-flood-relief",
        "kumparan-2024-03-12-gempa-garut",
        "manilatimes-2024-07-03-flood-aid-phase-two",
        "nst-2024-11-29-hat-yai-floods",
        "okezone-2024-08-14-kkp-tangkap-kapal",
        "republika-2024-03-11-gempa-garut",
        "straitstimes-2024-05-20-ferry-fire",
    ]


def test_credits_forms() -> None:
    body = (
        "Photo: Reuters\nJAKARTA (ANTARA) - A story.\nIt was reported by kantor berita RIA on Monday.\n"
        "The agency Sputnik said so, and kantor berita Sputnik agreed.\n— AFP\n"
    )
    found = {c.agency: (c.form, c.words) for c in credits(body)}
    assert found == {
        "antara": (CreditForm.CREDIT, "(ANTARA)"),
        "afp": (CreditForm.CREDIT, "— AFP"),
        "ria-novosti": (CreditForm.MENTION, "kantor berita RIA on"),
        "sputnik": (CreditForm.MENTION, "kantor berita Sputnik agreed"),
    }


def test_datelines() -> None:
    assert (
        dateline(None, "Headline\n\nREPUBLIKA.CO.ID, MOSKOW -- Menteri Luar Negeri Rusia berbicara.")
        is not None
    )
    assert (
        dateline(None, "MOSCOW, Nov 23 (Reuters) - President Vladimir Putin will host talks.").city
        == "moscow"
    )
    assert dateline(None, "Rabu, 24 November 2021 - 06:29 WIB and more words here") is None
    assert dateline(None, "US-backed forces said on Monday they had taken the town.") is None
    assert dateline(None, "Putin - who spoke on Monday - said the talks would go on.") is None
    assert dateline("  Den Haag ", "").city == "the hague"


def test_boilerplate_is_dropped_from_the_index() -> None:
    index = Postings(cap=2)
    footer = [*shingles(words("please enter your comment please enter your name here").folded)]
    for _ in range(3):
        index.add(footer)
    assert all(v == BOILERPLATE for v in index.postings.values())
    assert index.shared(lambda i, j: True) == {}
    assert index.boilerplate() == frozenset(footer)


def test_an_edited_word_does_not_split_a_passage_and_reordered_paragraphs_are_found() -> None:
    original = words(
        "one two three four five six seven eight nine ten. alpha beta gamma delta epsilon zeta eta theta"
    )
    edited = words(
        "alpha beta gamma delta epsilon zeta eta theta. one two three four FIVE six seven eight nine ten"
    )
    found = overlap(shingles(original.folded), shingles(edited.folded))
    assert [(p.length, edited.passage(p.b_first, p.b_last)) for p in found.passages] == [
        (10, "one two three four FIVE six seven eight nine ten"),
        (8, "alpha beta gamma delta epsilon zeta eta theta"),
    ]
    assert (found.a_covered, found.b_covered) == (18, 18)


def test_bundled_corpus_pairs_are_declared() -> None:
    (pair,) = find_copies(load(Path(__file__).parent.parent), 0.1)
    assert (pair.a, pair.b, pair.declared, pair.suggest) == (
        "beritaturki-2020-11-03-lavrov-turki",
        "republika-2021-01-13-putin-erdogan-call",
        True,
        None,
    )
    assert copy_problems(load(Path(__file__).parent.parent)) == []


def test_markdown_escapes_what_the_articles_hold(make_root, run) -> None:
    hostile = (
        "Officials said | <img src=x onerror=alert(1)> and @everyone [link](http://x) were 137 people " * 2
    )
    files = {
        "sources/daily/daily-2.md": source("daily-2", "daily", "2021-03-02", hostile),
        "sources/herald/herald-2.md": source("herald-2", "herald", "2021-03-03", hostile),
    }
    out = run("--root", str(make_root(files)), "copies", "--format", "markdown").stdout
    # every character markdown would act on is escaped; no one is mentioned
    details = out.split("\n### ")[1].split("\n", 1)[1].replace("\n  > ", "\n")  # less the quote marks
    assert not re.search(r"(?<!\\)[<>|\[\]()]", details)
    assert "@everyone" not in out
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in out


def test_a_fresh_repository_has_no_copies(tmp_path, run) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources").mkdir()
    result = run("--root", str(tmp_path), "copies", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, {"pairs": []})


@settings(max_examples=100, deadline=None)
@given(
    # small keys collide often; keys of the whole 64-bit range fall in every part
    docs=st.lists(st.lists(st.integers(-50, 50) | st.integers(-(2**63), 2**63 - 1), max_size=12), max_size=8),
    cap=st.integers(1, 4),
    parts=st.integers(1, 5),
    labels=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1), st.booleans()), min_size=8, max_size=8),
    least=st.integers(1, 4),
)
def test_an_index_built_in_parts_is_the_whole_index(
    docs: list[list[int]], cap: int, parts: int, labels: list[tuple[int, int, bool]], least: int
) -> None:
    """The rounds of `shared_keys` add up to one `Postings` of every key, its labels pair
    the documents a function would, and it drops just the pairs of documents not exempt
    that share fewer than `least` keys."""
    whole = Postings(cap)
    for keys in docs:
        whole.add(keys)
    apart, together, exempt = ([label[i] for label in labels] for i in range(3))
    comparable = lambda i, j: apart[i] != apart[j] and together[i] == together[j]  # noqa: E731
    codes = PairCodes(len(docs))
    expected = Counter(
        {
            code: n
            for code, n in whole.shared(comparable).items()
            if n >= least or any(exempt[doc] for doc in codes.pair(code))
        }
    )
    found = shared_keys(docs, cap, apart, together, parts, least=least, exempt=exempt)
    assert found == (expected, whole.boilerplate())


def test_the_search_for_passages_only_finds_every_textual_pair() -> None:
    """What `check` asks for (pairs with long passages) is what the whole search finds of them."""
    corpus = load(FIXTURE)
    whole = [p for p in find_copies(corpus, THRESHOLD) if p.textual]
    assert whole, "the fixture holds copies"
    assert [p for p in find_copies(corpus, THRESHOLD, passages_only=True) if p.textual] == whole


@given(width=st.integers(2, 10**6), data=st.data())
def test_a_pair_code_gives_its_pair_back(width: int, data: st.DataObject) -> None:
    first = data.draw(st.integers(0, width - 2))
    second = data.draw(st.integers(first + 1, width - 1))
    codes = PairCodes(width)
    assert codes.pair(codes.code(first, second)) == (first, second)
    assert codes.code(first, second) == codes.own(first) + codes.own(second)


@given(words=st.integers(0, 5000), min_score=st.floats(0.01, 1.0), extra=st.integers(0, 3))
def test_the_fewest_shared_shingles_are_where_a_plain_pair_could_first_reach_the_score(
    words: int, min_score: float, extra: int
) -> None:
    """Below `_least_shared`, two articles without credits fall short even at their best;
    from it on they could reach the score, and longer articles need no fewer."""
    least = _least_shared(words, min_score)
    assert all(_ceiling(False, True, True, n, words) < min_score for n in range(1, least))
    if _ceiling(False, True, True, words, words) >= min_score:
        assert _ceiling(False, True, True, least, words) >= min_score
    assert _least_shared(words + extra, min_score) >= least
