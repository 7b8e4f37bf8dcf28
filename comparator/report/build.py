"""From a loaded corpus to the report files' texts: the one entry point the command calls."""

from __future__ import annotations

from comparator.compare import analyse
from comparator.corpus import Corpus
from comparator.problems import Problem, Severity
from comparator.query import Filters, select
from comparator.report import content, markdown
from comparator.validate import did_you_mean, validate

REPORT = "discrepancies.md"


def errors(corpus: Corpus) -> list[Problem]:
    """Errors that make a report untrustworthy: a claim that does not load would silently
    drop out of it, and a quote not found in its article is no evidence."""
    return sorted({p for p in corpus.problems + validate(corpus) if p.severity is Severity.ERROR})


def unknown(corpus: Corpus, scope: Filters) -> list[str]:
    """A message for each topic or tag of `scope` that no claim has: a typo must not pass
    for an empty report."""
    topics = {c.topic for c in corpus.claims.values()}
    tags = {t for c in corpus.claims.values() for t in c.claim.tags}
    wanted = [(t, topics, "topic") for t in scope.topic] + [(t, tags, "tag") for t in scope.tag]
    return [
        f"no claim has {what} {given!r}{did_you_mean(given, known)}"
        for given, known, what in wanted
        if given not in known
    ]


def generate(corpus: Corpus, scope: Filters, base: str) -> tuple[content.Report, dict[str, str]]:
    """The report over the claims `scope` selects, and its files' texts by file name.

    `base` is the link prefix from the report's folder to the data root.
    """
    analyses = [analyse(corpus, corpus.claims[i]) for i in sorted(corpus.claims)]
    report = content.build(corpus, select(corpus, analyses, scope), scope)
    return report, {REPORT: markdown.render(corpus, report, base)}
