"""`suggest --into CLAIM_ID`: stubs written into a claim file rather than printed."""

from __future__ import annotations

from pathlib import Path

from comparator.cli.options import emit, fail, note
from comparator.curation.suggest import Suggestions
from comparator.humanize import plural


def write_into(root: Path, result: Suggestions, claim_id: str, lines: tuple[int, ...]) -> None:
    """Without `lines`, every stub not yet cited by the claim, commented out (the curator
    uncomments the ones that answer its question); with `lines`, the stubs of those lines of
    the article as assertions, each checked as `claim add` checks it."""
    from comparator.curation.claim_edit import NewAssertion, add_assertion, add_lines
    from comparator.curation.edits import Refused
    from comparator.curation.stubs import stub
    from comparator.render.yaml import commented, stub_lines, stub_value

    try:
        if not lines:
            items = [i for i in result.items if all(c.claim != claim_id for c in i.cited_by)]
            if not items:
                note(f"every suggested sentence of {result.source.id} is cited by {claim_id} already")
                return
            block = [line for item in items for line in commented(stub_lines(result, item))]
            written = add_lines(root, claim_id, block[:-1])
            emit(f"{written.rel}:{written.line}")
            stubs = plural(len(items), "stub")
            note(f"{stubs} written commented out: uncomment those that answer the question")
            return
        by_line = {i.sentence.line: i for i in result.items}
        for line in lines:
            item = by_line.get(line)
            if item is None:
                known = ", ".join(str(n) for n in sorted(by_line)) or "none"
                fail(f"no suggested sentence starts on line {line} of {result.source.rel} (lines: {known})")
            s = stub(result, item)
            value = stub_value(s)
            if value is None:
                fail(f"line {line}: no value to guess; add it with `comparator claim add {claim_id} ...`")
            qualifier = s.qualifier.value if s.qualifier else None
            added = add_assertion(root, claim_id, NewAssertion(s.source, s.quote, value, qualifier))
            emit(f"{added.rel}:{added.line}")
    except Refused as exc:
        fail(f"not written into {claim_id}: {exc}")
