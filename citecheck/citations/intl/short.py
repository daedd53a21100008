"""Short forms: "Walby (n 3) 385", "above n 3", "Müller (Fn. 3)", "a.a.O.", "Ebd."."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _pin,
)
from citecheck.model import Person, ShortForm

# ------------------------------------------------------------ short forms

_CROSS_RE = re.compile(
    r"^(?P<who>[^()]{1,160}?)\s*\((?:n|Fn\.?)\s*(?P<note>\d{1,4})(?:[^)]{0,20})\)\s*,?\s*(?P<pin>.{0,40}?)\.?$"
)
_ABOVE_RE = re.compile(
    r"^(?P<who>.{1,160}?),\s*(?:above|supra)\s+n\.?\s*(?P<note>\d{1,4})(?:\s*,\s*(?P<pin>.{0,40}?))?\.?$"
)
_AAO_RE = re.compile(
    r"^(?P<who>.{1,120}?),\s*a\.\s?a\.\s?O\.?(?:\s*\(Fn\.\s*(?P<note>\d{1,4})\))?(?:\s*,?\s*(?P<pin>.{0,40}?))?\.?$"
)
_EBD_RE = re.compile(r"^(?:ebd|ebenda)\.?(?:\s*,?\s*(?P<pin>.{0,40}?))?\.?$", re.IGNORECASE)


_GERMAN_SHORT_TITLE_RE = re.compile(
    r"^(?P<who>[A-ZÄÖÜ][\w’'-]+(?:/[A-ZÄÖÜ][\w’'-]+)*),\s*(?P<title>[A-ZÄÖÜ][^,()]{1,60}?),\s*"
    r"(?P<pin>(?:S\.|Rn\.|§)\s*\d[^,;]{0,20}?)\.?$"
)


def _short(text: str) -> Parsed | None:
    m = _GERMAN_SHORT_TITLE_RE.match(text)
    if m and len(m.group("title").split()) <= 6 and not re.search(r"\d{4}", m.group("title")):
        # "Habermas, Strukturwandel, S. 5": author, short title, page.
        # Like the rules' "Kissinger, World Order, 12.", ``resolve`` ties it to the work.
        return Parsed(
            authors=tuple(Person(family=f) for f in m.group("who").split("/")),
            title=tidy(m.group("title")),
            pinpoint=_pin(m.group("pin")),
        )
    m = _EBD_RE.match(text)
    if m:
        return Parsed(short_form=ShortForm.IBID, pinpoint=_pin(m.group("pin")))
    for pattern in (_CROSS_RE, _ABOVE_RE, _AAO_RE):
        m = pattern.match(text)
        if m:
            who = tidy(m.group("who")) or ""
            if len(who.split()) > 14:
                return None
            return Parsed(
                short_form=ShortForm.SUPRA,
                supra_note=m.groupdict().get("note"),
                short_who=who,
                pinpoint=_pin(m.group("pin")),
            )
    return None
