"""Spoken English, read as its speaker meant it: fillers and self-corrections blanked.

Transcripts of calls, hearings and interviews carry words that are no part of the claim:
fillers ("uh", "um", "er", "you know", "call it") between a verb and its figures ("went from,
uh, 2 million to 5 million"), and self-corrections ("about a million a day. No, sorry, a
hundred thousand a day"), where the figure before the correction is withdrawn and the one
after it stands. Both are blanked with spaces, so every offset into the text still holds.

A correction is a marker set off by punctuation (", sorry,", ". No, sorry,", " - I mean,",
", make that"): "sorry" or "I mean" inside a clause ("the sorry state of 40 schools") is
prose. Only the figure just before the marker (within a few words, none between) is
withdrawn, and only when a figure follows the marker closely: a speaker corrects a figure
with a figure.
"""

from __future__ import annotations

import re

from citecheck.checks.numbers import find_quantities

__all__ = ["unspoken"]

# "went from, uh, 2 million", "at, um, 38 percent", "so, call it, fivefold"
_FILLER = re.compile(
    # lower case, or capitalised with its comma ("Uh, ..."): "the ER", "UM", "Ah Kow" are names
    r"(?:,\s*|(?<=\s))(?:(?:uh|umm?|uhm|erm?|ah|you\s+know|call\s+it)\b,?"
    r"|(?:Uh|Umm?|Uhm|Erm?|Ah|You\s+know|Call\s+it),)(?=\s)"
)
_CORRECTION = re.compile(
    r"(?:(?<=[,.;:])|(?<=\s[-–—]))\s*(?:no,?\s+)?"
    r"(?:sorry|I\s+mean|correction|make\s+that|scratch\s+that|I\s+should\s+say|rather)"
    r"(?:,?\s+(?:sorry|no|I\s+mean))*\s*(?:[,:]|[-–—](?=\s))",
    re.IGNORECASE,
)
_WITHDRAWN_REACH = 40  # characters from a figure's end to the marker
_CORRECTED_REACH = 25  # characters from the marker to the figure that replaces it


def unspoken(text: str) -> str:
    """``text`` with fillers and withdrawn figures blanked (same length)."""
    if not (_FILLER.search(text) or _CORRECTION.search(text)):
        return text
    chars = list(text)
    for match in _FILLER.finditer(text):
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    corrections = list(_CORRECTION.finditer(text))
    if corrections:
        quantities = find_quantities(text)
        for match in corrections:
            before = [q for q in quantities if q.end <= match.start()]
            after = [q for q in quantities if q.start >= match.end()]
            start = match.start()
            if (
                before
                and after
                and match.start() - before[-1].end <= _WITHDRAWN_REACH
                and after[0].start - match.end() <= _CORRECTED_REACH
            ):
                start = before[-1].start  # the withdrawn figure and what follows it
            elif text[start - 1 : start] == ",":
                start -= 1  # "went from, sorry, 40": a pause, no figure withdrawn
            chars[start : match.end()] = " " * (match.end() - start)
    return "".join(chars)
