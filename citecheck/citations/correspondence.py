"""Letters and memoranda: "Letter from NAME, Office, to NAME, Office (date)".

The sender is the author; the recipient and the offices are part of the
description, which stands as the title. Without this, the office after the
recipient reads as a corporate author and the sender is lost.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import parse_date
from citecheck.citations.draft import Draft, tidy
from citecheck.citations.names import parse_authors
from citecheck.model import CitationType

__all__ = ["take_correspondence"]

_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}"
_CORRESPONDENCE_RE = re.compile(
    rf"^\s*(?P<title>(?:Letter|Memorandum|Memo|E-?mail|Email)\s+from\s+(?P<who>{_NAME})"
    rf"(?:,[^;()]{{1,200}}?)?,?\s+to\s+(?:the\s+)?[A-Z][^;()]{{1,200}}?)"
    r"\s*(?:\((?P<when>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\)"
    r"|,\s*(?P<dated>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\s+)(?:1[5-9]|20)\d\d)"
    r"|(?=[\s.,]*$))"
)


def take_correspondence(d: Draft) -> bool:
    """Read a letter or memorandum; False (nothing changed) for anything else."""
    m = _CORRESPONDENCE_RE.match(d.text)
    if not m:
        return False
    people = parse_authors(m.group("who"))
    if not people:
        return False
    d.authors, d.et_al = people
    d.title = tidy(m.group("title"))
    when = m.group("when") or m.group("dated")
    d.date = (parse_date(when) if when else None) or d.date
    d.type = CitationType.OTHER
    d.strong = True
    return True
