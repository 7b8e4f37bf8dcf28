"""schema.org ClaimReview documents (JSON-LD), one per claim.

The rating states the state of the reporting, never whether the claim is true: its
`alternateName` is the claim's verdict (`contested`, `corroborated`, `single-origin`) and
its `ratingExplanation` says why, in the words of the report. The claim reviewed lists
every appearance: each assertion as a `Quotation` of its article, spoken by its claimant
(or by the outlet in its own voice), the article with its outlet, date, language and address.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from comparator import display, humanize
from comparator.compare import Analysis, Item
from comparator.corpus import Corpus
from comparator.exports.tables import Dataset
from comparator.terms import Status, Verdict

CONTEXT = "https://schema.org"

_STATE = {
    Verdict.CONTESTED: "Contested: sources contradict each other",
    Verdict.CORROBORATED: "Corroborated: no contradiction, and two or more independent origins",
    Verdict.SINGLE_ORIGIN: "Single origin: no contradiction, but everything comes from one origin",
}


def reviews(data: Dataset, publisher: str, published: dt.date) -> list[dict[str, Any]]:
    """A ClaimReview for every claim, by claim id."""
    return [review(data.corpus, a, publisher, published) for a in data.analyses]


def review(corpus: Corpus, analysis: Analysis, publisher: str, published: dt.date) -> dict[str, Any]:
    claim = analysis.claim.claim
    explanation = f"{_STATE[analysis.verdict]} ({display.reason(corpus, analysis)})."
    if analysis.consensus is not None:
        explanation += f" They agree on: {humanize.summary(corpus, analysis)}."
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": analysis.id,
        "claimReviewed": claim.question,
        "datePublished": published.isoformat(),
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": analysis.verdict.value,
            "ratingExplanation": explanation,
        },
        "itemReviewed": {
            "@type": "Claim",
            "name": claim.question,
            "appearance": [_appearance(corpus, analysis, item) for item in analysis.items],
        },
    }


def _appearance(corpus: Corpus, analysis: Analysis, item: Item) -> dict[str, Any]:
    assertion = item.assertion
    speaker: dict[str, str | None]
    if assertion.claimant:
        # actors are people, ministries or states alike: no one schema.org type fits all
        speaker = {"identifier": assertion.claimant, "name": corpus.actor_name(assertion.claimant)}
    else:
        speaker = {"@type": "Organization", "identifier": item.outlet, "name": _outlet(corpus, item)}
    quotation: dict[str, Any] = {
        "@type": "Quotation",
        "text": assertion.quote,
        "description": _description(corpus, analysis, item),
        "spokenByCharacter": speaker,
        "isPartOf": _article(corpus, item),
    }
    if item.source and item.source.meta.url:
        quotation["url"] = item.source.meta.url
    return quotation


def _description(corpus: Corpus, analysis: Analysis, item: Item) -> str:
    """The value as stated, and whether it still stands (a superseded or retracted figure
    stays an appearance of the claim: the article did say it)."""
    stated = humanize.item_value(analysis, item, corpus.actor_name, unit=True)
    return stated if item.status is Status.CURRENT else f"{stated} ({item.status.value})"


def _outlet(corpus: Corpus, item: Item) -> str:
    return corpus.outlet_name(item.outlet) if item.outlet else item.assertion.source


def _article(corpus: Corpus, item: Item) -> dict[str, Any]:
    article: dict[str, Any] = {"@type": "NewsArticle", "identifier": item.assertion.source}
    if item.source is None:  # validated data always has its source; kept whole regardless
        return article
    meta = item.source.meta
    article |= {
        "headline": meta.title,
        "datePublished": str(meta.published),
        "inLanguage": meta.language,
        "publisher": {"@type": "Organization", "identifier": meta.outlet, "name": _outlet(corpus, item)},
    }
    if meta.url:
        article["url"] = meta.url
    if meta.authors:
        article["author"] = [{"@type": "Person", "name": name} for name in meta.authors]
    return article
