"""A report too large for one page, as an index page and pages per topic.

No renderer shows a markdown page of many megabytes (GitLab documents trouble from about
2.5 MB), and nobody scrolls one. Past `PAGE_LIMIT` bytes the report becomes an index
(`discrepancies.md`: the overview, the contested claims first, links to every page, and the
matrices) and a page per topic (`topic-<topic>.md`, split into numbered parts while one is
still too large), plus the source index (`sources.md`, split likewise).

Pages are made from the same sections as the single page; links are then pointed at the
page that holds their anchor, in one pass over each page, so every link keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from comparator.corpus import Corpus
from comparator.humanize import plural
from comparator.render.escape import markdown as md
from comparator.report import markdown
from comparator.report.content import VERDICTS, ClaimFacts, Report
from comparator.report.links import claim_link
from comparator.report.matrices import outlet_matrix, party_matrix
from comparator.report.source_index import source_index
from comparator.terms import Verdict

PAGE_LIMIT = 1_000_000  # bytes of markdown that GitHub renders comfortably
INDEX = "discrepancies.md"
SOURCES = "sources.md"
_ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
_LINK = re.compile(r"\]\(#([^)\s]+)\)")


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _page(title: str, parts: Iterable[str]) -> str:
    head = [f"# {title}", "", markdown.GENERATED + " Run `comparator report` to update it.", ""]
    head.append(f"[← Back to the index]({INDEX})")
    return "\n\n".join(["\n".join(head), *(p.rstrip("\n") for p in parts)]) + "\n"


def _chunks(name: str, blocks: Sequence[str], limit: int, joiner: str = "\n\n") -> list[tuple[str, str]]:
    """`blocks` joined in consecutive groups, each under `limit` bytes (a single larger block
    keeps a page of its own), named `name.md`, `name-2.md`, ..."""
    groups: list[list[str]] = [[]]
    size = 0
    for block in blocks:
        if groups[-1] and size + _size(block) > limit:
            groups.append([])
            size = 0
        groups[-1].append(block)
        size += _size(block) + len(joiner)
    return [(f"{name}.md" if n == 0 else f"{name}-{n + 1}.md", joiner.join(g)) for n, g in enumerate(groups)]


def split(
    corpus: Corpus, report: Report, limit: int = PAGE_LIMIT, sections: dict[str, str] | None = None
) -> dict[str, str]:
    """The report's pages by file name; `sections` holds claim sections already written."""
    sections = {} if sections is None else sections
    limit = limit * 19 // 20  # room for links that gain their page's name when pointed across pages
    pages: dict[str, str] = {}
    by_topic: dict[str, list[ClaimFacts]] = {}
    for claim in report.claims:  # already contested first, then by topic and id
        by_topic.setdefault(claim.topic, []).append(claim)
    topic_pages: dict[str, list[str]] = {}
    for topic, claims in sorted(by_topic.items()):
        subset = _subset(report, claims)
        blocks = [markdown.claim_section(subset, a.id, sections) for a in claims]
        for a in claims:  # each section is on one page only: let it go once it is placed
            sections.pop(a.id, None)
        if subset.totals:
            blocks.append(markdown._totals(subset))
        title = f"Discrepancy report: {md(topic)}"
        for name, text in _chunks(f"topic-{topic}", blocks, limit - _size(_page(title, [])) - 2):
            pages[name] = _page(title, [text])
            topic_pages.setdefault(topic, []).append(name)
    # the source index is its heading and introduction, then one line per article
    heading, _, entries = source_index(corpus, report).partition("\n\n- ")
    room = limit - _size(_page("Discrepancy report: sources", [heading])) - 2
    for name, text in _chunks(SOURCES.removesuffix(".md"), ("- " + entries).split("\n"), room, "\n"):
        pages[name] = _page("Discrepancy report: sources", [heading, text])
    pages[INDEX] = _index(
        corpus, report, topic_pages, sorted(n for n in pages if n.startswith("sources")), limit
    )
    return _relinked(pages)


def _subset(report: Report, claims: Sequence[ClaimFacts]) -> Report:
    ids = {c.id for c in claims}
    return replace(report, claims=tuple(claims), totals=tuple(t for t in report.totals if t.id in ids))


def _index(
    corpus: Corpus, report: Report, topic_pages: dict[str, list[str]], source_pages: list[str], limit: int
) -> str:
    lines = [markdown.TITLE, "", markdown.GENERATED + " Run `comparator report` to update it."]
    lines += [
        "",
        "The report is large, so it is split into pages: this index, a page per topic and the sources.",
    ]
    parts = ["\n".join(lines), markdown._overview(corpus, report, every_claim=False)]
    pages = ["## Pages", ""]
    for topic, names in topic_pages.items():
        counts = _counts(report, topic)
        links = ", ".join(
            f"[{'part ' + str(n + 1) if len(names) > 1 else 'page'}]({name})" for n, name in enumerate(names)
        )
        pages.append(f"- **{md(topic)}** ({counts}): {links}")
    pages.append("- **Sources**: " + ", ".join(f"[{name}]({name})" for name in source_pages))
    parts.append("\n".join(pages))
    contested = [a for a in report.claims if a.verdict is Verdict.CONTESTED]
    listed = ["## Contested claims", ""]
    budget = limit // 2  # the rest of the index is the overview, the pages and the matrices
    for n, claim in enumerate(contested):
        entry = f"- {claim_link(claim.id)}: {md(claim.question)}"
        budget -= _size(entry) + 1
        if budget < 0:
            listed.append(
                f"- … and {plural(len(contested) - n, 'more contested claim')}: see the topic pages"
            )
            break
        listed.append(entry)
    if not contested:
        listed.append("No contested claims.")
    parts += ["\n".join(listed), outlet_matrix(corpus, report), party_matrix(corpus, report)]
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"


def _counts(report: Report, topic: str) -> str:
    found = [c.verdict for c in report.claims if c.topic == topic]
    return ", ".join(f"{found.count(v):,} {v.value}" for v in VERDICTS if found.count(v))


def _relinked(pages: dict[str, str]) -> dict[str, str]:
    """Every `](#anchor)` link pointed at the page holding that anchor."""
    home = {anchor: name for name, text in pages.items() for anchor in _ANCHOR.findall(text)}

    def relink(name: str) -> Callable[[re.Match[str]], str]:
        def target(match: re.Match[str]) -> str:
            where = home.get(match.group(1), name)
            return match.group() if where == name else f"]({where}#{match.group(1)})"

        return target

    for name in sorted(pages):  # in place: a large report is never held twice
        pages[name] = _LINK.sub(relink(name), pages[name])
    return dict(sorted(pages.items()))
