"""Cheap tests run before costly patterns: is a pattern worth searching at all?

Each test is a necessary condition of a match: a string every match contains.
When the string is absent the pattern cannot match, and the answer is the
same as the pattern's, without paying for it. Plain substring tests and
``str.lower`` run in C in a fraction of the time a pattern's search takes.
"""

from __future__ import annotations

__all__ = ["lowered"]

# The only characters outside ASCII that a case-insensitive pattern of ASCII
# letters matches ("İ" and "ı" match "i", the Kelvin sign "k", the long "ſ"
# "s"), checked over every code point of Python 3.11's tables.
_CASE_TWINS = ("\u0130", "\u0131", "\u212a", "\u017f")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a lowercase ASCII word found in it by ``in`` is
    exactly what a case-insensitive pattern would find; None when the text
    holds a character that such a pattern matches to an ASCII letter."""
    if not text.isascii() and any(c in text for c in _CASE_TWINS):
        return None
    return text.lower()
