"""Which figures the learned layer's candidates may use: not pieces of codes, dates,
serial numbers, versions or labels ("2e-06", "#14", "31 March", "report no. 14", "3.6.14",
"seed 13")."""

from __future__ import annotations

import re

from citecheck.checks.labels import is_label
from citecheck.checks.numbers import Kind, Quantity

__all__ = ["well_formed"]


def well_formed(text: str, quantity: Quantity) -> bool:
    """Not a piece of a code, a number sign or an odd notation: "2e-06", "06", "#14"."""
    if quantity.end < len(text) and text[quantity.end].isalnum():
        return False
    if quantity.start > 0 and text[quantity.start - 1] in "#№":
        return False
    if _SERIAL_BEFORE.search(text, max(0, quantity.start - 5), quantity.start):
        return False  # "report no. 14": a serial number
    if quantity.kind is Kind.COUNT and quantity.value <= 31 and _day_of_month(text, quantity):
        return False  # "at 31 March 2023", "on March 31": a date, not a figure
    if _VERSION.match(text, quantity.end) or _VERSION_BEFORE.search(text, 0, quantity.start):
        return False  # "3.6.14": a version, not a figure
    if is_label(text, quantity):
        return False  # "seed 13", "batch 18", an HTTP status "429": a name, not a count
    return not _LEADING_ZERO.match(quantity.text)


def _day_of_month(text: str, quantity: Quantity) -> bool:
    if not quantity.text.isdigit():
        return False
    return bool(
        _MONTH_AFTER.match(text, quantity.end)
        or _MONTH_BEFORE.search(text, max(0, quantity.start - 12), quantity.start)
    )


_MONTH = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
# "31 May 2024", "31 May," (not "20 may rise")
_MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH}|may\b(?=\s*(?:(?:19|20)\d\d|[,;.)]|$)))",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH}|may)\s+$", re.IGNORECASE)
_SERIAL_BEFORE = re.compile(r"\bNo\.\s*$", re.IGNORECASE)
_VERSION = re.compile(r"\.\d")
_VERSION_BEFORE = re.compile(r"\d\.$")
_LEADING_ZERO = re.compile(r"^\D*0\d")
