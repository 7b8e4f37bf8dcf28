"""`report` on a warm cache: what the report takes of each claim is kept with the hash of
every file it was made from, read back while they are unchanged, and made again (alone) for
a claim whose files changed; whatever the scope and layout, the report is a cold run's, byte
for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from comparator import cache

pytestmark = pytest.mark.usefixtures("fresh_process")

CLAIM = "claims/2020-war/armenian-control-duration.yaml"
ARTICLE = "sources/sindonews/sindonews-2021-11-24-putin-sochi.md"
SCOPES = [(), ("--topic", "casualties"), ("--tag", "territory"), ("--topic", "2020-war", "--tag", "history")]


def report(
    run: Any, root: Path, out: Path, *args: str, cached: bool = True
) -> tuple[int, dict[str, str], str]:
    if not cached:
        cache.close()
    options = () if cached else ("--no-cache",)
    result = run(*options, "--root", str(root), "report", "--out", str(out), *args)
    written = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}
    for path in out.glob("*.md"):
        path.unlink()
    return result.exit_code, written, result.stderr


def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids whose report facts are made (not read back) from now on."""
    from comparator.report import facts

    calls: list[str] = []
    original = facts.made

    def counted(corpus: Any, analysis: Any, base: str) -> Any:
        calls.append(analysis.id)
        return original(corpus, analysis, base)

    monkeypatch.setattr(facts, "made", counted)
    return calls


@pytest.mark.parametrize("scope", SCOPES)
def test_a_warm_report_is_a_cold_one(
    run: Any, bundled_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scope: tuple[str, ...]
) -> None:
    out = tmp_path / "reports"
    cold = report(run, bundled_root, out, *scope, cached=False)
    assert cold[0] == 0 and cold[1]
    assert report(run, bundled_root, out, *scope) == cold
    calls = made(monkeypatch)
    assert report(run, bundled_root, out, *scope) == cold
    assert calls == []


def test_only_a_changed_claim_is_made_again(
    run: Any, bundled_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reports"
    report(run, bundled_root, out)
    path = bundled_root / CLAIM
    path.write_text(path.read_text(encoding="utf-8").replace("question: ", "question: Really, "))
    calls = made(monkeypatch)
    warm = report(run, bundled_root, out)
    assert calls == ["armenian-control-duration"]
    assert "Really, " in warm[1]["discrepancies.md"]
    assert warm == report(run, bundled_root, out, cached=False)


def test_a_changed_article_remakes_the_claims_citing_it(
    run: Any, bundled_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reports"
    report(run, bundled_root, out)
    path = bundled_root / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace('title: "', 'title: "Updated: ', 1))
    calls = made(monkeypatch)
    warm = report(run, bundled_root, out)
    citing = [
        p.stem
        for p in (bundled_root / "claims").rglob("*.yaml")
        if ARTICLE.split("/")[-1][:-3] in p.read_text()
    ]
    assert sorted(calls) == sorted(citing) and calls
    assert "Updated: " in warm[1]["discrepancies.md"]
    assert warm == report(run, bundled_root, out, cached=False)


def test_notes_link_only_claims_of_the_report(run: Any, bundled_root: Path, tmp_path: Path) -> None:
    """A section is kept before the claims of the report are known: the claims its notes
    mention are linked when the report is written, by the scope of that report."""
    out = tmp_path / "reports"
    mention = "history/karabakh-control-lost-date"
    whole = report(run, bundled_root, out)[1]["discrepancies.md"]
    scoped = report(run, bundled_root, out, "--topic", "2020-war")[1]["discrepancies.md"]
    assert f"[{mention}](#karabakh-control-lost-date)" in whole
    assert f"See {mention} for when" in " ".join(scoped.split())
    assert "(#karabakh-control-lost-date)" not in scoped


def _edit_kept_facts(root: Path, edit: Any) -> int:
    """Apply `edit(facts, every facts)` to every kept report entry; how many it changed."""
    import json
    import sqlite3

    cache.close()
    changed = 0
    with sqlite3.connect(root / cache.FOLDER / cache.DATABASE) as conn:
        rows = conn.execute("SELECT key, value FROM entries").fetchall()
        kept = [(key, json.loads(value)) for key, value in rows]
        facts = [
            s["value"][label]
            for _, s in kept
            if isinstance(s["value"], dict)
            for label in s["value"]
            if label.startswith("report ")
        ]
        for key, stored in kept:
            value = stored["value"]
            label = (
                next((k for k in value if k.startswith("report ")), None) if isinstance(value, dict) else None
            )
            if label is not None and edit(value[label], facts):
                changed += 1
                conn.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(stored), key))
    conn.close()
    return changed


def _more_figures(facts: dict[str, Any], _: Any) -> bool:
    if facts["total_figures"]:
        return False
    facts["total_figures"] = 2
    return True


def _another_claims(facts: dict[str, Any], every: list[dict[str, Any]]) -> bool:
    other = next(f for f in every if f["facets"]["id"] != facts["facets"]["id"])
    facts.update(json.loads(json.dumps(other)))
    return True


def _unclosed_notes(facts: dict[str, Any], _: Any) -> bool:
    facts["section"] = [*facts["section"], "x"]
    return True


@pytest.mark.parametrize("edit", [_more_figures, _another_claims, _unclosed_notes])
def test_a_damaged_entry_is_made_again(run: Any, bundled_root: Path, tmp_path: Path, edit: Any) -> None:
    """What is kept is data this tool wrote, but it is not trusted: an entry whose parts do
    not fit together, or that is another claim's, is made again, never printed."""
    out = tmp_path / "reports"
    cold = report(run, bundled_root, out, cached=False)
    report(run, bundled_root, out)
    assert _edit_kept_facts(bundled_root, edit) > 10
    assert report(run, bundled_root, out) == cold
