"""The report's source index: every article the reported claims cite, oldest first."""

from __future__ import annotations

from typing import Any

from comparator.corpus import Corpus
from comparator.display import date_label
from comparator.humanize import plural
from comparator.render.escape import markdown as md
from comparator.report.content import Report
from comparator.report.links import claim_list, href, section


def _copy_of(corpus: Corpus, source: Any) -> str:
    meta = source.meta
    if meta.wire:
        return f"{'probably ' if meta.wire_inferred else ''}copy of {md(corpus.outlet_name(meta.wire))}"
    if meta.derived_from:
        return f"copy of {md(meta.derived_from)}"
    return ""


def source_index(corpus: Corpus, report: Report) -> str:
    out = [
        section("sources"),
        "",
        "Every article the claims above cite, oldest first, with the claims that cite it.",
    ]
    if not report.sources:
        return "\n".join([*out, "", "No articles cited."])
    out.append("")
    for entry in report.sources:
        source = corpus.sources.get(entry.id)
        cited = f"{plural(len(entry.claims), 'claim')}: {claim_list(entry.claims)}"
        if source is None:
            out.append(f"- {md(entry.id)} (not in sources/): {cited}")
            continue
        meta = source.meta
        when = md(date_label(meta.published)) + (" (date inferred)" if meta.published_inferred else "")
        line = f"- **{md(corpus.outlet_name(meta.outlet))}, {when}:** {title(source)} ({md(entry.id)})"
        copy = _copy_of(corpus, source)
        if copy:
            line += f", {copy}"
        out.append(f"{line}. {cited}")
    return "\n".join(out)


def title(source: Any) -> str:
    """The article's headline in italics, linked to the article when it has a web address."""
    return titled(source.meta.title, source.meta.url)


def titled(headline: str, url: str | None) -> str:
    link = href(url)
    text = f"*{md(headline)}*"
    return f"[{text}]({link})" if link else text
