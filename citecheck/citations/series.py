"""Report and paper series with their numbers.

``read_series_number`` splits "Global Economics Paper No. 153" or "NBER
Working Paper 12141" into series and number; ``REPORT_CODE_RE`` matches a
report code standing alone ("GAO-13-25", "RL32345").
"""

from __future__ import annotations

import re

from citecheck.citations.dates import YEAR_RE
from citecheck.citations.draft import tidy

__all__ = ["REPORT_CODE_RE", "read_series_number"]


_SERIES_NO_RE = re.compile(
    r"^(?P<s>(?:(?:[A-Z][\w&.’'-]*|of|the|for|and|&)\s+){0,8}?(?:[\w-]+\s+)?(?:Papers?|Reports?|Briefs?|Series|Notes?"
    r"|Stud(?:y|ies)|Memo(?:randum)?|Bulletin|Documents?|Publications?|Monographs?|Briefing"
    r"|Perspectives?|Analysis|Insights?|Commentary)(?:\s+for\s+Congress)?)\s*,?\s*"
    r"(?:(?i:No\.?|Number|Nos\.?|#)\s*(?P<n>[\w./-]+)|(?P<code>[A-Z]{1,5}[-/]?\d[\w./-]*)"
    r"|(?P<bare>\d{1,6}(?:[-.]\d+)*))$"
)
# A bare number names a paper only after a paper series' own words
# ("NBER Working Paper 12141"); "Hastings Center Report 45" is a journal volume.
_PAPER_SERIES_RE = re.compile(
    r"\b(?:Working|Discussion|Occasional|Research|Policy|Staff|Technical|Background|Briefing"
    r"|Issue|White|Economics?)\s+(?:Papers?|Briefs?|Reports?|Notes?)$"
)


_DIGIT_RE = re.compile(r"\d")


def read_series_number(value: str) -> tuple[str, str] | None:
    """ "Global Economics Paper No. 153" -> (series, number), else None."""
    # Every number and code has a digit: a cheap test before the pattern.
    if not _DIGIT_RE.search(value):
        return None
    m = _SERIES_NO_RE.match(value)
    if not m:
        return None
    series = tidy(m.group("s")) or ""
    bare = m.group("bare")
    if bare is not None:
        if YEAR_RE.fullmatch(bare) or not (
            _PAPER_SERIES_RE.search(series) or len(bare.replace("-", "")) >= 4
        ):
            return None
        return series, bare
    return series, m.group("n") or m.group("code")


# Report codes standing alone: "GAO-13-25", "RL32345", "CRS-R41349".
REPORT_CODE_RE = re.compile(r"^[A-Z]{2,6}-?\d{2,}(?:-\d+)*[A-Z]?$")
