"""Numbers in prose that say where or when, or report a test, never how many.

``numbers.find_quantities`` drops them: note numbers and pinpoints of citation syntax
("supra note 2, at 120", "Id. at 45", "§ 1357", "410 U.S. 113"), days of the month and hours
("on 19 April", "10.30 am"), and a statistical test's figures ("p<0.01", "95% CI 1.2 to 3.4",
"HR 0.78"). Each function takes the text and a bare number's span in it.
"""

from __future__ import annotations

import re

__all__ = ["citation_number", "day_or_hour", "statistic"]


# Numbers of citation syntax say where, never how many: note numbers ("supra note 2", "infra
# notes 4-6"), pinpoints after a short form ("supra note 1, at 101, 105", "Id. at 45"), sections
# and paragraphs ("§ 1357", "¶ 12"), and a reporter's volume and first page ("8 U.S.C.",
# "410 U.S. 113", "123 F.3d 456"). A law-review "Compare ..., at 101, with ..., at 120" is two
# places, not parts and a total.
_CHAINED = r"(?:\d+[a-z]?\s*(?:,|and|&|[-–])\s*)*"
_SHORT_FORM = r"(?<![A-Za-z])[*_]{0,2}(?:[Ss]upra|[Ii]nfra)[*_]{0,2}"
_CITATION_BEFORE = re.compile(
    rf"(?:{_SHORT_FORM}\s+notes?\s+{_CHAINED}"
    rf"|(?:{_SHORT_FORM}\s+notes?\s+\d+[a-z]?|\b[Ii]d\.|\b[Ii]bid\.?|{_SHORT_FORM})"
    rf",?\s+at\s+{_CHAINED}"
    rf"|[§¶]{{1,2}}\s*{_CHAINED}"
    r"|\b(?:U\.\s?S\.(?:\s?C\.(?:\s?A\.)?)?|F\.(?:\s?[234]d|\s?Supp\.(?:\s?[23]d)?)?|"
    rf"S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|C\.F\.R\.|Stat\.)\s+{_CHAINED})$"
)
_REPORTER_AFTER = re.compile(
    r"\s+(?:U\.\s?S\.(?:\s?C\.)?|F\.\s?(?:[234]d|Supp\.)|S\.\s?Ct\.|L\.\s?Ed\.|"
    r"C\.F\.R\.|Stat\.)"
)


# A statistical test's figures: a p-value, a confidence level and its interval's bounds, and
# an odds, hazard or risk ratio. None of them is a level, a change or a part.
_STATISTIC_BEFORE = re.compile(
    r"(?:\bp\s*[<>=≤≥]\s*|\b(?:Cohen'?s\s+)?d\s*=\s*|\b(?:a?OR|a?HR|RR|IRR|SMD)\s*[=:]?\s*"
    r"(?:\d+(?:\.\d+)?\s*[,;(]?\s*)?"
    r"|\b(?:CI|CrI|confidence\s+interval|credible\s+interval)\b[\s:,=]*"
    r"(?:\d+(?:\.\d+)?\s*%?\s*(?:[-–—,]|to)\s*)?|±\s*)$"
)
_CONFIDENCE_AFTER = re.compile(
    # "95% CI", "a 90 per cent confidence interval"; not "40% confidence in the council"
    r"\s*(?:%|per\s*cent|percent)?\s*(?:CI|CrI|(?:confidence|credible|prediction)\s+"
    r"(?:intervals?|levels?|limits?|bands?))\b",
    re.IGNORECASE,
)


# Every form of ``_STATISTIC_BEFORE`` holds one of these (case-sensitive, as the pattern is).
_STATISTIC_MARKS = (
    *("<", ">", "=", "≤", "≥", "±", "OR", "HR", "RR", "SMD", "CI", "CrI"),
    *("confidence", "credible"),
)


# The marks as one alternation of literals: one scan in C instead of a loop over them.
_STATISTIC_MARK = re.compile("|".join(map(re.escape, _STATISTIC_MARKS)))


def statistic(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    if _STATISTIC_MARK.search(before) and _STATISTIC_BEFORE.search(before):
        return True
    return _CONFIDENCE_AFTER.match(text, end) is not None


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
# "19 April", "3rd of May", "3 to 14 March", "3-5 June": a day of the month; "10.30 am": an hour
_DAY_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}"
    r"|\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*)?$")


def day_or_hour(text: str, start: int, end: int) -> bool:
    if _DAY_AFTER.match(text, end):
        return True
    return _MONTH_BEFORE.search(text[max(0, start - 16) : start]) is not None


# Every form of ``_CITATION_BEFORE`` holds one of these (case-sensitive, as the pattern is):
# "supra"/"infra", "Id.", "Ibid", a section or paragraph sign, a reporter's abbreviation.
_CITATION_MARKS = ("upra", "nfra", "d.", "bid", "§", "¶", "U.", "F.", "S.", "L.", "Stat.")


_CITATION_MARK = re.compile("|".join(map(re.escape, _CITATION_MARKS)))


def citation_number(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    if _CITATION_MARK.search(before) and _CITATION_BEFORE.search(before):
        return True
    return _REPORTER_AFTER.match(text, end) is not None
