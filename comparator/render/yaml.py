"""YAML to paste into a claim: assertion stubs for the sentences `suggest` picked.

Written line by line rather than dumped, so that what could not be guessed stays in the stub
as a commented line to fill in, and each stub sits under the sentence it came from. The stubs
are indented as a claim's `assertions:` list is (two spaces), ready to paste under it.
"""

from __future__ import annotations

import json
from typing import Any

from comparator.curation.stubs import Stub, stub
from comparator.curation.suggest import Suggestion, Suggestions
from comparator.records import plain
from comparator.render import Options
from comparator.render.text import suggested_value, wrap_words
from comparator.terms import Qualifier

INDENT = "  "  # where a claim's assertions stand under `assertions:`


def suggest(result: Suggestions, options: Options) -> str:
    """One stub per sentence, as a YAML list to paste under a claim's `assertions:`."""
    out: list[str] = []
    for item in result.items:
        out += [INDENT + line if line else "" for line in stub_lines(result, item)]
    return "\n".join(out)


def stub_lines(result: Suggestions, item: Suggestion) -> list[str]:
    """The stub of one sentence, at column 0: the sentence as a comment, then `- source: ...`
    and the guessed fields, then the fields to fill in as comments, then a blank line."""
    s = stub(result, item)
    out = wrap_words(f"line {item.sentence.line}: {item.text}", 96, "# ", "#   ")
    if item.cited_by:
        out.append(
            "#   already cited by " + ", ".join(f"{c.claim} #{c.assertion + 1}" for c in item.cited_by)
        )
    out.append(f"- source: {s.source}")
    # A JSON string is also a YAML double-quoted scalar: the quotation marks and colons of
    # a quote need no escaping of their own.
    out.append(f"  quote: {json.dumps(' '.join(s.quote.split()), ensure_ascii=False)}")
    value = stub_value(s)
    if value is not None:
        note = (
            f"  # worked out from {s.value.text!r} and the publication date"
            if s.value and s.value.relative
            else ""
        )
        out.append(f"  value: {value}{note}")
    else:
        out.append("  # value:         # the answer to the claim's question")
    if s.qualifier is not None and s.qualifier is not Qualifier.EXACT:
        out.append(f"  qualifier: {s.qualifier.value}")
    others = list(dict.fromkeys(suggested_value(v) for v in item.values if v is not s.value))
    if others:
        out.append("  # also in the sentence: " + "; ".join(others))
    out.append('  # translation: ""')
    out.append("  # claimant:      # actor id, when the article quotes someone")
    out.append("")
    return out


def commented(lines: list[str]) -> list[str]:
    """A stub turned wholly into comments: kept in a claim for later, read by nothing."""
    return [line if not line or line.startswith("#") else "# " + line for line in lines]


def stub_value(s: Stub) -> str | None:
    """The stub's value as a claim file writes it, or None when none could be guessed."""
    if s.value is None or s.value.value is None:
        return None
    return _scalar(s.value.value)


def _scalar(value: Any) -> str:
    """A value as a claim file writes it: 2802, 2021-11-23, or a span as [1992, 1994]."""
    shown = plain(value)
    return "[" + ", ".join(str(v) for v in shown) + "]" if isinstance(shown, list) else str(shown)
