"""Making the report: from the data root to the files in reports/, or to the list of report
files that are not current (`--check`). The command only parses options and calls `run`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator import kept
from comparator.check import check as check_root
from comparator.compare import analyse
from comparator.corpus import Corpus
from comparator.errors import ComparatorError
from comparator.facets import Filters, Known, matches
from comparator.problems import Problem, Severity
from comparator.report import content, facts, files, markdown, pages
from comparator.report.content import ClaimFacts
from comparator.root import unsafe_output
from comparator.terms import Verdict

REPORT = "discrepancies.md"


def errors(root: Path) -> list[Problem]:
    """Errors that make a report untrustworthy: a claim that does not load would silently
    drop out of it, and a quote not found in its article is no evidence. They are `check`'s,
    answered from its cache while nothing changed."""
    return [p for p in check_root(root).problems if p.severity is Severity.ERROR]


def generate(
    corpus: Corpus, claims: Iterable[ClaimFacts], scope: Filters, limit: int = pages.PAGE_LIMIT
) -> tuple[content.Report, dict[str, str]]:
    """The report over the `claims` that `scope` selects, and its files' texts by file name:
    one page, or an index and pages when one page would be larger than `limit` bytes."""
    report = content.build(corpus, (c for c in claims if matches(c.facets, scope)), scope)
    sections: dict[str, str] = {}  # each claim's section, written once whichever layout is chosen
    size = sum(len(markdown.claim_section(report, c.id, sections).encode("utf-8")) for c in report.claims)
    if size <= limit:  # else the sections alone are too large: the whole is never made
        whole = markdown.render(corpus, report, sections)
        if len(whole.encode("utf-8")) <= limit:
            return report, {REPORT: whole}
        del whole  # a large repository's report must not be held twice
    return report, pages.split(corpus, report, limit, sections)


def claim_facts(root: Path, base: str) -> tuple[Corpus, list[ClaimFacts]]:
    """The registries and the articles, and the report's facts of every claim that loads:
    kept per claim, so that only claims whose files changed are built again (with the cache
    off, every claim is built)."""
    kept_facts = kept.per_claim(
        root, f"report {base}", ClaimFacts, lambda corpus, analysis: facts.made(corpus, analysis, base)
    )
    if kept_facts is None:
        corpus = corpus_mod.load(root)
        made = [facts.made(corpus, analyse(corpus, corpus.claims[i]), base) for i in sorted(corpus.claims)]
        return corpus, made
    return corpus_mod.load_articles(root), [kept_facts[i] for i in sorted(kept_facts)]


def shown(path: Path, root: Path) -> str:
    """A path as the user wants to read it: relative to the data root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class ReportRefused(ComparatorError):
    """The data has errors, so no report is written; `problems` are those errors."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Outcome:
    files: dict[str, str]  # report file name -> where it is written, relative to the root if inside it
    stale: tuple[str, ...]  # with `check`: the files missing or out of date
    missing: tuple[str, ...]
    obsolete: tuple[str, ...]  # pages an earlier report wrote that this one no longer has
    claims: int
    contested: int


def obsolete_pages(out_dir: Path, outputs: Mapping[str, str]) -> list[str]:
    """Markdown files of `out_dir` that the tool wrote (they carry its mark) and that the
    report now being made does not have: pages of a report that has since shrunk."""
    if not out_dir.is_dir():
        return []
    found = []
    for path in sorted(out_dir.glob("*.md")):
        if path.name in outputs or path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
        if markdown.GENERATED in head:
            found.append(path.name)
    return found


def run(
    root: Path,
    out: str | Path,
    scope: Filters,
    *,
    check: bool = False,
    force: bool = False,
    limit: int = pages.PAGE_LIMIT,
) -> Outcome:
    """Write the report into `out_dir`, or with `check` only say which files are not current.

    Refused (a `ComparatorError`): an output among the curated data, data with errors, a
    topic or tag no claim has, and report files someone else wrote (unless `force`).
    """
    if reason := unsafe_output(root, out):  # as given: an empty path must not become "."
        raise ComparatorError(reason)
    out_dir = Path(out)
    blocking = errors(root)
    if blocking:
        noun = "error" if len(blocking) == 1 else "errors"
        raise ReportRefused(
            f"{len(blocking)} {noun} in the data; fix them before reporting (see `comparator check`)",
            blocking,
        )
    corpus, claims = claim_facts(root, files.base_link(out_dir, root))
    known = Known()
    for claim in claims:
        known.add(claim.facets)
    typos = known.unknown(scope)
    if typos:
        raise ComparatorError("; ".join(typos))
    report, outputs = generate(corpus, claims, scope, limit)
    paths = {name: shown(out_dir / name, root) for name in outputs}
    obsolete = obsolete_pages(out_dir, outputs)
    stale: list[str] = []
    if check:
        stale = files.stale(out_dir, outputs)
    else:
        refused = [] if force else files.foreign(out_dir, outputs, markdown.GENERATED)
        if refused:
            raise ComparatorError(
                f"{', '.join(paths[n] for n in refused)} was not written by comparator; "
                "not overwritten (use --force)"
            )
        try:
            files.write(out_dir, outputs)
            for name in obsolete:
                (out_dir / name).unlink()
        except OSError as exc:
            raise ComparatorError(f"cannot write the report in {out_dir}: {exc.strerror or exc}") from None
    contested = sum(a.verdict is Verdict.CONTESTED for a in report.claims)
    return Outcome(
        files=paths,
        stale=tuple(stale),
        missing=tuple(n for n in stale if not (out_dir / n).exists()),
        obsolete=tuple(shown(out_dir / n, root) for n in obsolete),
        claims=len(report.claims),
        contested=contested,
    )
