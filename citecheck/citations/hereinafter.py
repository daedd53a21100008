"""Names a citation gives itself: "... (2014) [hereinafter QHSR]", and the short forms using them.

Bluebook (rule 4.2(b)) and Chicago ("hereafter cited as") let a full
citation name a short form of its own; later notes then cite "QHSR, supra
note 3, at 12" or "QHSR at 12" (Chicago: "QHSR, 12"). ``defined_name``
reads the name out of a full citation's text; ``named_short_form`` reads a
piece that is nothing but such a name and a pinpoint, for the names the
manuscript defines (a name is known before it is used in a piece, since
"QHSR at 12" on its own reads as nothing). ``resolve`` ties them together.
"""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.model import ShortForm

__all__ = ["defined_name", "named_short_form", "names_in", "without_definition"]

_QUOTES = "\"“”'‘’"
_DEFINITION_RE = re.compile(
    r"[\[(]\s*here(?:in)?after\s*[:,]?\s*(?:(?:cited|referred\s+to)\s+as\s*:?\s*)?"
    rf"(?:the\s+)?[{_QUOTES}]?(?P<name>[^\[\](){_QUOTES}]{{1,80}}?)[{_QUOTES}]?\s*[\])]",
    re.IGNORECASE,
)
_PIN = r"(?P<pin>(?:pp?\.\s*|§+\s*|¶+\s*|art\.\s*)?[\dIVXLCDMivxlcdm][\w–—\-.,]{0,30}?)"


def defined_name(text: str) -> str | None:
    """The name a full citation gives itself ("[hereinafter QHSR]"), or None."""
    if "here" not in text.lower():
        return None  # nearly every piece: no regex
    match = _DEFINITION_RE.search(text)
    return tidy(match.group("name")) if match else None


def without_definition(text: str) -> str:
    """``text`` with its "[hereinafter ...]" blanked (same length: offsets stay valid)."""
    match = _DEFINITION_RE.search(text) if "here" in text.lower() else None
    if match is None:
        return text
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def names_in(texts: list[str]) -> tuple[str, ...]:
    """Every name the texts define, longest first (so "NRC Report" wins over "NRC")."""
    found = {name for text in texts if (name := defined_name(text)) is not None}
    return tuple(sorted(found, key=lambda name: (-len(name), name)))


def named_short_form(text: str, names: tuple[str, ...]) -> Parsed | None:
    """ "QHSR at 12." / "QHSR, 12." for a defined name: a short form of the work it names."""
    stripped = text.strip().strip(_QUOTES + " ")
    for name in names:
        if not stripped.startswith(name):
            continue
        rest = stripped[len(name) :].lstrip(_QUOTES)
        found = re.fullmatch(rf"(?:,?\s+at\s+|,\s*){_PIN}\s*[.,;]?\s*", rest)
        if found is not None:
            pin = found.group("pin").strip(" .,")
            return Parsed(short_form=ShortForm.SHORT_TITLE, short_who=name, pinpoint=pin or None)
    return None
