"""The nearest known names to a mistyped one: one helper for every "did you mean"."""

from __future__ import annotations

from collections.abc import Iterable


def nearest(name: str, known: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` known names closest to `name`, closest first."""
    import difflib  # only a name that is not known needs it; a lookup should not load it

    return difflib.get_close_matches(name, sorted(known), n=n, cutoff=cutoff)


def did_you_mean(name: str, known: Iterable[str], n: int = 3, cutoff: float = 0.6) -> str:
    """` (did you mean 'a', 'b'?)`, or "" when nothing is close."""
    close = nearest(name, known, n, cutoff)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
