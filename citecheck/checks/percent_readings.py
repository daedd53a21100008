"""What a printed percentage allows, and whether it states a change: shared by the shares and
points rules.

A percentage is read at its printed precision, rounded: "40 percent" is
39.5-40.5, "12.5 percent" 12.45-12.55 (a share is a computed ratio, so its
trailing zero is a digit, unlike "$500 billion"). Hedged figures ("about",
"more than") keep the wider interval of ``intervals``; ranges and shares in
words keep their whole reading.
"""

from __future__ import annotations

import re

from citecheck.checks.changes import DOWN_NOUNS, DOWN_VERBS, OBJECT_BY, UP_NOUNS, UP_VERBS
from citecheck.checks.intervals import is_about
from citecheck.checks.numbers import Kind, Quantity, amount

__all__ = [
    "CHANGE_AFTER",
    "CHANGE_BEFORE",
    "SIGNED",
    "STATED_AS_CHANGE",
    "as_percent",
    "is_change",
    "is_points",
    "overlaps",
    "reading",
    "span",
]


def is_points(quantity: Quantity) -> bool:
    return quantity.points or "point" in quantity.text.lower()


def reading(quantity: Quantity) -> tuple[float, float]:
    """The values a printed percentage allows: rounded at its last digit, or its hedge's.

    A range ("40-45 percent") or a share in words ("a third of") is its whole reading.
    """
    if quantity.spread:
        return max(quantity.low, 0.0), quantity.high
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", quantity.text)
    decimals = len(digits.group(1) or "") if digits else 0
    half = 0.5 * 10.0**-decimals
    low, high = quantity.value - half, quantity.value + half
    if is_about(quantity.qualifier):
        # "some 58%", "about 40 per cent": a share is a computed ratio, so "about" rounds it to
        # a figure near it (5 % of it either way), not the 10 % a sum of money may be off by.
        low, high = min(low, 0.95 * quantity.value), max(high, 1.05 * quantity.value)
    elif quantity.qualifier is not None:
        # A hedge widens the reading; it never narrows it.
        low, high = min(low, quantity.low), max(high, quantity.high)
    return max(low, 0.0), high


def as_percent(value: float, *, digits: int = 3) -> str:
    return amount(value, kind=Kind.PERCENT, digits=digits)


def span(low: float, high: float) -> str:
    first, last = as_percent(low), as_percent(high)
    return first if first == last else f"{first.removesuffix(' percent')}–{last}"


CHANGE_BEFORE = re.compile(
    rf"\b(?:{UP_VERBS}|{DOWN_VERBS}|{UP_NOUNS}|{DOWN_NOUNS}|increases?|decreases?|change\s+of)"
    rf"\s+(?:by\s+|with\s+|{OBJECT_BY})?"
    r"(?:(?:more than|over|about|nearly|almost|some|roughly|approximately|around|just)\s+)?$",
    re.IGNORECASE,
)
CHANGE_AFTER = re.compile(
    r"^[\s-]*(?:drop|decline|fall|decrease|reduction|cut|increase|rise|gain|jump|growth|"
    r"lower|higher|less|more|fewer|down|up|above|below)\b",
    re.IGNORECASE,
)


# "(+20% yoy)", "-8%": a sign glued to a percentage states a change (not a range's dash).
SIGNED = re.compile(r"(?:^|(?<=[\s(\[,;:/]))(?:[+\u2212]|-(?=$))$")


def is_change(text: str, quantity: Quantity) -> bool:
    """A percentage stated as a change ("rose 60 percent", "up by 5%", "+5%")."""
    before = text[max(0, quantity.start - 60) : quantity.start]
    return bool(CHANGE_BEFORE.search(before) or SIGNED.search(before))


def overlaps(one: tuple[float, float], two: tuple[float, float]) -> bool:
    return one[0] <= two[1] and two[0] <= one[1]


# The percentage is the change's size by its own words: "a 150% increase", "an increase of
# 150 per cent", "a 150 per cent gain", "increased by 150%" ("#" marks the figure).
STATED_AS_CHANGE = re.compile(
    r"(?:\b(?:a|an)\s+(?:[a-z]+\s+)?#\s*(?:[a-z-]+\s+)?(?:increase|rise|gain|jump|growth|"
    r"climb|surge|leap|hike|uplift)s?\b|\b(?:increase|rise|gain|jump|growth|climb|surge|leap|"
    r"hike|uplift)s?\s+of\s+(?:some\s+|about\s+|nearly\s+|almost\s+|over\s+)?#|\bby\s+#"
    # "so up 150 percent", "were up 250%": the change's own size, as press and posts write it
    r"|\bup\s+(?:some\s+|about\s+|nearly\s+|almost\s+|over\s+)?#"
    # "+250% yoy": a signed change is its own size
    r"|(?:^|[\s(\[,;:/])\+#)",
    re.IGNORECASE,
)
