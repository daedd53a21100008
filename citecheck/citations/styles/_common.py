"""What the style readers share: top-level elements, pinpoints, dates."""

from __future__ import annotations

import re

from citecheck.citations.dates import find_dates
from citecheck.model import PartialDate

_OPEN = "«“‘([\"'"
_CLOSE = {"«": "»", "“": "”", "‘": "’", "(": ")", "[": "]", '"': '"', "'": "'"}


# Every character ``elements`` acts on: the marks of ``_OPEN`` and ``_CLOSE`` and the comma.
_DELIMITER_RE = re.compile(r"[«»“”‘’()\[\]\"',]")


def elements(text: str) -> list[str]:
    """``text`` cut at commas outside quotation marks, guillemets and brackets."""
    out: list[str] = []
    stack: list[str] = []
    start = 0
    # Only the delimiters are visited: every other character leaves the stack as it is.
    for found in _DELIMITER_RE.finditer(text):
        i, ch = found.start(), found.group()
        if stack and ch == _CLOSE[stack[-1]]:
            stack.pop()
        elif ch in "«“(" or ch == "[" or (ch in "\"'‘" and _opens(text, i)):
            stack.append(ch)
        elif ch == "," and not stack:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [e for e in out if e]


def _opens(text: str, i: int) -> bool:
    """A straight or single quotation mark opens a quotation after a space, not inside a word."""
    return i == 0 or text[i - 1] in " (["


def year_of(text: str) -> PartialDate | None:
    found = find_dates(text)
    if found:
        rank = {"year": 0, "month": 1, "day": 2}
        return max(found, key=lambda m: rank[m.date.precision]).date
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return PartialDate(int(m.group(1))) if m else None


# "p. 23", "pp. XIII-XV", "p. 158 sgg.", "S. 5", "p. 88 sq." (roman numerals too).
_PAGE_WORD = r"(?:pp?|S|s|pag|pagg)\.\s*"
_PAGE_VALUE = (
    r"[\dIVXLCDMivxlcdm]+(?:\s*[-–—]\s*[\dIVXLCDMivxlcdm]+)?"
    r"(?:\s*(?:sq|sqq|sgg|ss|ff?|et suiv)\.?)?"
)
PAGE_RE = re.compile(rf"^{_PAGE_WORD}(?P<p>{_PAGE_VALUE})\.?$")
# "ici p. 48", "qui p. 48", "in particolare p. 512", "spec. p. 4", "not. p. 4".
PIN_RE = re.compile(
    rf"^(?:ici|qui|in\s+particolare|in\s+part\.|spec\.|spécialement|notamment|surtout)\s+"
    rf"{_PAGE_WORD}(?P<p>{_PAGE_VALUE})\.?$"
)


def strip_end(text: str) -> str:
    return text.strip().rstrip(".;").strip()
