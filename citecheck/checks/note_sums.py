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

from citecheck.checks.numbers import Kind
from citecheck.checks.passages import Passage, Sentence, body_sentences_by_note
from citecheck.checks.sums import compare_parts
from citecheck.model import Finding

__all__ = ["check_note_parts"]

_OPENS_PARTS = re.compile(
    r"^\W*(?P<cue>comprising|consisting\s+of|made\s+up\s+of|of\s+which|including|"
    r"broken\s+down\s+(?:as|into)|split\s+(?:between|into))\b",
    re.IGNORECASE,
)


# A note that states one whole: "The approved budget was A$4.5m."
_STATES_WHOLE = re.compile(
    r"^\W*(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z][\w'’-]*)\s+"
    r"(?:was|were|is|are|totall?ed|came\s+to|stood\s+at|amounted\s+to)\s+",
    re.IGNORECASE,
)
# In the body, the parts said to make up that whole together: "together covering the
# festival's approved budget"; not a part of it ("together about half the budget").
_TOGETHER = r"\b(?:together|combined|between\s+them|in\s+all|altogether)\b"
_SOME_OF = re.compile(
    r"\b(?:part|some|most|half|share|portion|fraction|much|little|less|more|over|under|"
    r"short|beyond|exceed\w*)\b",
    re.IGNORECASE,
)


def check_note_parts(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    """Every note that lists the parts of the total its body sentence gives, or states the
    whole its body sentence's parts together make up."""
    bodies = {p.path: p for p in passages if p.note is None}
    cited = body_sentences_by_note(passages)
    for note in passages:
        if note.note is None or not note.sentences or note.path not in bodies:
            continue
        opening = note.sentences[0]
        cue = _OPENS_PARTS.match(opening.text)
        if cue is None:
            for sentence in cited.get((note.path, note.note), ()):
                yield from _whole_in_note(sentence, opening)
            continue
        for sentence in cited.get((note.path, note.note), ()):
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


def _whole_in_note(body: Sentence, opening: Sentence) -> Iterator[Finding]:
    """ "Ticket sales brought in A$2.1m, the grant A$1.2m and sponsorship A$0.6m, together
    covering the festival's approved budget" with the note "The approved budget was A$4.6m"."""
    stated = _STATES_WHOLE.match(opening.text)
    if stated is None or len(opening.quantities) != 1:
        return
    whole = opening.quantities[0]
    if whole.start != stated.end() and not re.fullmatch(
        r"\s*(?:about|some|roughly|nearly|almost|around)\s+",
        opening.text[stated.end() : whole.start],
    ):
        return
    head = re.escape(stated.group("head").lower())
    together = re.search(rf"{_TOGETHER}(?P<between>[^.;]{{0,60}}?)\b{head}\b", body.text, re.I)
    if together is None or _SOME_OF.search(together.group("between")):
        return
    parts = [
        q
        for q in body.quantities
        if (q.kind, q.currency, q.period) == (whole.kind, whole.currency, whole.period)
        and q.end <= together.start()
    ]
    if len(parts) < 2 or any(q.kind is Kind.PERCENT for q in body.quantities):
        return
    shift = len(body.text) + 1
    total = replace(whole, start=whole.start + shift, end=whole.end + shift)
    combined = replace(
        body, text=f"{body.text} {opening.text}", quantities=(*body.quantities, total)
    )
    yield from compare_parts(combined, total, parts, partial=False)
