"""Shares written in words: "three-quarters of", "half the", "a third of", "one in five".

Each is read as a percentage with the looseness such words carry:

* a fraction before its whole ("three-quarters of the budget", "half the
  staff", "two-fifths of respondents") is its value within 1.5 points or 4 %
  of itself, whichever is wider: "a third" is 31.8-34.8 percent, "half"
  48-52 (a hedge widens it: "nearly half");
* "N in M" and "N out of (every) M" ("one in five adults", "nine out of
  ten", "1 in 4") are their value within 2.5 points or a tenth of the
  smaller side, whichever is wider: "one in five" is 17.5-22.5 percent,
  "four in ten" 36-44, "nine out of ten" 87.5-92.5.

Not shares: "the first half of 2024", "half an hour", "a quarter of a
million", "a quarter century", and fractions that are part of a multiplier
("cut by half", "fell to a third": ``multipliers`` reads those first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.checks.words import FRACTION, SMALL_CARDINAL, cardinal_value, fraction_value

__all__ = ["ShareWord", "find_share_words"]


@dataclass(frozen=True, slots=True)
class ShareWord:
    """A share in words, as a percentage interval."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float


# A fraction before its whole ("of", "the"), or before a preposition or verb
# in a list of shares ("and a third on buildings"); not before a noun ("a
# third party", "a quarter century") or a hyphen ("a quarter-final").
_FRACTION_SHARE = re.compile(
    rf"(?<![\w-])(?P<fraction>{FRACTION})(?![\w-])"
    r"(?=\s+(?:of|the|its|their|his|her|our|all|these|those|on|to|for|in|from|at|by|with|"
    # "a quarter under beans", "a fifth as cash": a share placed by a preposition
    r"under|into|as|via|through|"
    r"went|goes|go|came|come|comes|were|was|are|is|said|say|says|backed|opposed|supported|"
    r"voted|wanted|want|favou?red|preferred|chose|had|have|has|"
    # "three in ten a discounter, a third an online service": a gapped answer
    r"an?(?=\s+[a-z]+\s+(?:[a-z]+\s+)?(?:and\b|,)))\b|\s*[,;.)]|\s+and\b)",
    re.IGNORECASE,
)
# "cut by half", "in half", "two and a half": no share.
_NOT_AFTER = re.compile(
    r"(?:\b(?:by|in|than|over)|(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+and)\s+$",
    re.IGNORECASE,
)
_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|latter|former|other|next|final|previous|back|front|"
    r"top|bottom|upper|lower|northern|southern|eastern|western)\s+$",
    re.IGNORECASE,
)
_NOT_A_WHOLE = re.compile(
    r"^\s+(?:of\s+)?(?:an?\s+)?(?:hour|minute|day|week|month|year|decade|century|mile|inch|"
    r"point|percentage|million|billion|thousand|dozen|hundred|time|way|dozen)\b",
    re.IGNORECASE,
)
_N = rf"\d{{1,3}}|{SMALL_CARDINAL}"
_M = rf"\d{{1,4}}|{SMALL_CARDINAL}|(?:a|one)\s+hundred|hundred|(?:a|one)\s+thousand"
_N_IN_M = re.compile(
    rf"(?<![\w.,])(?P<n>{_N})[\s-]+(?:in|out[\s-]+of)[\s-]+(?:every[\s-]+)?(?P<m>{_M})(?![\w.,])",
    re.IGNORECASE,
)


# "and the remaining fifth from overseas": a fraction after "remaining" needs no article.
_REMAINING_FRACTION = re.compile(
    r"(?<=\bremaining\s)(?P<fraction>third|quarter|fifth|sixth|eighth|tenth)(?![\w-])",
    re.IGNORECASE,
)


# Every ``FRACTION`` holds one of these; "N in M" holds "in" or "out" between a space or
# hyphen each side. Searched only where they stand (``lower`` folds ASCII as IGNORECASE does;
# other text, where "ı" or "ſ" may stand for a letter, is searched in full).
_FRACTION_STEMS = (
    *("half", "third", "quarter", "fourth", "fifth"),
    *("sixth", "seventh", "eighth", "ninth", "tenth"),
)
_IN_OR_OUT = re.compile(r"[\s-](?:in|out)[\s-]")


def _may_hold(text: str) -> tuple[bool, bool, bool]:
    """Whether a remaining fraction, a fraction share, an "N in M" may stand in ``text``."""
    if not text.isascii():
        return True, True, True
    lowered = text.lower()
    fraction = any(stem in lowered for stem in _FRACTION_STEMS)
    remaining = fraction and "remaining" in lowered
    return remaining, fraction, _IN_OR_OUT.search(lowered) is not None


def find_share_words(text: str) -> list[ShareWord]:
    """Every share written in words in ``text``, in order."""
    found: list[ShareWord] = []
    remaining, fraction, n_in_m = _may_hold(text)
    for match in _REMAINING_FRACTION.finditer(text) if remaining else ():
        after = text[match.end() : match.end() + 30]
        if _NOT_A_WHOLE.match(after) or re.match(
            r"\s+of\s+(?:the|this|that)\s+(?:year|season|decade|century|match|game|term|race)\b",
            after,
            re.IGNORECASE,
        ):
            continue  # "the remaining quarter of the year" is a time
        value = 100 * fraction_value(match.group("fraction"))
        spread = max(1.5, 0.04 * value)
        found.append(
            ShareWord(
                match.group(), match.start(), match.end(), value, value - spread, value + spread
            )
        )
    for match in _FRACTION_SHARE.finditer(text) if fraction else ():
        before = text[max(0, match.start() - 12) : match.start()]
        if _ORDINAL_BEFORE.search(before) or _NOT_AFTER.search(before):
            continue
        if _NOT_A_WHOLE.match(text[match.end() : match.end() + 30]):
            continue
        value = 100 * fraction_value(match.group("fraction"))
        spread = max(1.5, 0.04 * value)
        found.append(
            ShareWord(
                match.group(), match.start(), match.end(), value, value - spread, value + spread
            )
        )
    for match in _N_IN_M.finditer(text) if n_in_m else ():
        n, m = _count(match.group("n")), _count(match.group("m"))
        if not 0 < n < m or (
            match.group("m").isdigit() and re.fullmatch(r"1[6-9]\d\d|20\d\d", match.group("m"))
        ):
            continue  # "3 in 2014" dates a figure; it is no share
        value = 100 * n / m
        spread = max(2.5, 0.1 * min(value, 100 - value))
        found.append(
            ShareWord(
                match.group(), match.start(), match.end(), value, value - spread, value + spread
            )
        )
    return sorted(found, key=lambda share: share.start)


def _count(raw: str) -> float:
    return float(raw) if raw.isdigit() else cardinal_value(raw)
