"""Parts listed in a note for a total in the sentence the note supports.

"The Department's capital expenditure reached €1.9 billion in 2022.[^1]" with the
note "Comprising €1.1 billion on schools, €420 million on higher education and
€180 million on further education": a note that opens with a partition word
("Comprising", "Consisting of", "Made up of", "Of which", "Including", "Broken
down as") continues its sentence, so its figures are parts of that sentence's one
figure of their kind and currency. The sum is then checked as if the note were
printed in the sentence (``sums``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.passages import Passage, Sentence
from citecheck.checks.sums import compare_parts
from citecheck.model import Finding

__all__ = ["check_note_parts"]

_OPENS_PARTS = re.compile(
    r"^\W*(?P<cue>comprising|consisting\s+of|made\s+up\s+of|of\s+which|including|"
    r"broken\s+down\s+(?:as|into)|split\s+(?:between|into))\b",
    re.IGNORECASE,
)


def check_note_parts(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    """Every note that lists the parts of the total its body sentence gives."""
    bodies = {p.path: p for p in passages if p.note is None}
    for note in passages:
        if note.note is None or not note.sentences or note.path not in bodies:
            continue
        opening = note.sentences[0]
        cue = _OPENS_PARTS.match(opening.text)
        if cue is None:
            continue
        for sentence in bodies[note.path].sentences:
            if sentence.note == note.note:
                yield from _against(
                    sentence, opening, partial=cue.group("cue").lower() in {"including", "of which"}
                )


def _against(body: Sentence, opening: Sentence, *, partial: bool) -> Iterator[Finding]:
    shift = len(body.text) + 1
    parts = [replace(q, start=q.start + shift, end=q.end + shift) for q in opening.quantities]
    for kind_and_currency in {(q.kind, q.currency, q.period) for q in parts}:
        alike = [q for q in parts if (q.kind, q.currency, q.period) == kind_and_currency]
        totals = [q for q in body.quantities if (q.kind, q.currency, q.period) == kind_and_currency]
        # One figure of the kind in the sentence: the note's parts can only be its parts.
        if len(alike) < 2 or len(totals) != 1:
            continue
        combined = replace(
            body,
            text=f"{body.text} {opening.text}",
            quantities=(*body.quantities, *parts),
        )
        yield from compare_parts(combined, totals[0], alike, partial=partial)
