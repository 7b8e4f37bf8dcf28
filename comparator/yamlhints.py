"""What to do about a YAML syntax error, where the line shows a common cause.

libyaml says what it expected ("did not find expected key"), not what the curator wrote; a
quote copied from an article with its own straight quotes in it is the usual culprit.
"""

from __future__ import annotations

import re

# `key: "..."` followed by more text on the line: the value's own `"` closed it early.
_DOUBLE = re.compile(r"""^\s*(?:-\s+)?[^\s#"'][^:]*:\s+"(?:[^"\\]|\\.)*"\s*[^\s#]""")
_SINGLE = re.compile(r"""^\s*(?:-\s+)?[^\s#"'][^:]*:\s+'(?:[^']|'')*'\s*[^\s#]""")
# `key: value: more`, a plain value holding a colon and a space.
_COLON = re.compile(r"""^\s*(?:-\s+)?[^\s#"'][^:]*:\s+[^\s"'\[{|>].*:(?:\s|$)""")

_HINTS = {
    "double": 'a straight " inside a double-quoted value ends it: put the value in single quotes, '
    'or write the inner quote as \\"',
    "single": "a ' inside a single-quoted value ends it: write it twice ('') "
    "or put the value in double quotes",
    "colon": 'a value holding ": " must be quoted: put it in double quotes',
    "tab": "indent with spaces: YAML does not allow tabs there",
    "reserved": "a value starting with @, ` or % must be quoted",
}


def hint(text: str, line: int, column: int, problem: str) -> str:
    """`problem`, with a hint appended when line `line` (1-based) of `text` shows its cause."""
    lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[column - 1] if 0 < column <= len(here) else ""
    found = None
    if "expected key" in problem or "expected <block end>" in problem:
        found = "double" if _DOUBLE.match(here) else "single" if _SINGLE.match(here) else None
    elif "mapping values are not allowed" in problem and _COLON.match(here):
        found = "colon"
    elif "tab" in problem or char == "\t":
        found = "tab"
    elif "cannot start any token" in problem and char in ("@", "`", "%"):
        found = "reserved"
    return f"{problem}; {_HINTS[found]}" if found else problem
