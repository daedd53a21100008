"""Spoken works: testimony, speeches and presentations named with their speaker.

``take_presentation`` reads "Testimony of NAME, ..., before the Committee"
and "presentation by NAME at HOST, in 2012" before anything else runs.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import parse_date
from citecheck.citations.draft import Draft, tidy
from citecheck.citations.names import parse_authors
from citecheck.model import CitationType

__all__ = ["take_presentation"]


_PRESENTATION_RE = re.compile(
    r"\b(?:an?\s+|the\s+)?(?P<kind>presentation|speech|lecture|talk|keynote(?:\s+address)?|address"
    r"|remarks|briefing|testimony|paper\s+presented|conference\s+paper|webinar|panel)"
    r"(?:\s+(?:prepared|given|delivered|presented|made|entitled|titled))?\s+by\s+"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})"
    r"(?:,?\s+(?:at|to|before|for)\s+(?:the\s+)?(?P<where>[A-Z][^,;()]{1,120}?))?"
    r"(?:,?\s+(?:in|on)\s+(?P<when>[^,;()]{0,30}?(?:1[5-9]|20)\d\d))?\s*[.,;]?\s*$"
)
# "Testimony of Alan D. Bersin, Commissioner, CBP, before the Senate Committee on ..."
_TESTIMONY_RE = re.compile(
    r"^\s*(?:Prepared\s+)?(?:Testimony|Statement|Remarks|Speech|Address|Lecture)\s+(?:of|by)\s+"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})(?:,[^,;]{1,80}?){0,3},?\s+"
    r"(?:before|to|at)\s+(?:the\s+)?(?P<where>[A-Z][^,;]{2,160})"
)


def take_presentation(d: Draft) -> bool:
    m = _TESTIMONY_RE.match(d.text)
    if m:
        people = parse_authors(m.group("who"))
        if people:
            d.authors, d.et_al = people
            d.publisher = tidy(m.group("where"))
            d.date = parse_date(d.text[m.end() :]) or d.date
            d.type = CitationType.PRESENTATION
            d.strong = True
            return True
    m = _PRESENTATION_RE.search(d.text) if "by" in d.text else None  # "by" in every match
    if not m:
        return False
    people = parse_authors(m.group("who"))
    if not people:
        return False
    d.authors, d.et_al = people
    d.publisher = m.group("where")
    when = m.group("when")
    d.date = parse_date(when) if when else d.date
    d.type = CitationType.PRESENTATION
    d.strong = True
    return True
