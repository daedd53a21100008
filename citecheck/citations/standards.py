"""Standards: "ISO 9999:2015", "IEEE Std 9999-2019", "BS EN 1234:2010".

A standard is a report whose designation, kept whole with its year, is its
`number`; the designation is no part of its title, and the year inside it
is not a date (as a year inside a title is not).
"""

from __future__ import annotations

import re
from dataclasses import replace

from citecheck.citations.draft import Draft, Parsed, tidy
from citecheck.model import CitationType

__all__ = ["HINTS", "read_standard", "take_standard"]

# Strings every designation contains: the pattern runs only where one is.
HINTS = ("ISO", "IEC", "Std", "BS ", "DIN", "ANSI", "EN ")
_STANDARD_RE = re.compile(
    r"\b(?:(?:ISO|IEC|BS|DIN|EN|ANSI)(?:/(?:IEC|IEEE|ASTM))?(?:\s(?:EN|ISO|IEC))*"
    r"|IEEE\s+Std)\s+[A-Z]{0,3}\s?\d+(?:[-.]\d+)*[:-](?:19|20)\d\d\b"
)
_SHAPED = (CitationType.CASE, CitationType.STATUTE)


def take_standard(d: Draft) -> bool:
    """Read a standard's designation out of ``d``: it is its number, and a sign of a
    citation on its own ("IEEE Standard for X, IEEE Std 9-2019, 2019.")."""
    if not any(h in d.text for h in HINTS):
        return False
    m = _STANDARD_RE.search(d.text)
    if m is None:
        return False
    d.number, d.type, d.strong = m.group(), CitationType.REPORT, True
    d.blank(m.start(), m.end())
    return True


def _outside(value: str | None, stretch: str) -> str | None:
    """``value`` unless it is a piece of the designation ("ISO", "9001")."""
    return None if value and value in stretch else value


def read_standard(text: str, parsed: Parsed | None) -> Parsed | None:
    """``parsed`` as a standard when ``text`` gives a standard's designation."""
    if parsed is None or parsed.type in _SHAPED or parsed.short_form is not None:
        return parsed
    if not any(h in text for h in HINTS):
        return parsed
    m = _STANDARD_RE.search(text)
    if m is None:
        return parsed
    number = m.group()
    title = parsed.title
    if title and number in title:
        title = tidy(title.replace(number, " ").strip(" ,.;:—–-")) or None
    date = parsed.date
    if date is not None and str(date.year) in number and text.count(str(date.year)) == 1:
        date = None  # the year was read from the designation only
    return replace(
        parsed,
        type=CitationType.REPORT,
        number=number,
        title=title,
        date=date,
        container=_outside(parsed.container, number),
        volume=_outside(parsed.volume, number),
        pages=_outside(parsed.pages, number),
    )
