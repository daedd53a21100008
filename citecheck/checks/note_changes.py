"""A percent change whose base is in the note its sentence cites.

"Visits fell 12% last year, to 308,000.[^1]" with the note "The year before, the
site recorded 440,000 visits": the body gives the change and where it ended, the
note where it began. The note's one figure of the end's kind (and currency) is the
base when it names an earlier period ("the year before", "in 2023", "a year
earlier", "previous"), states it ("was", "recorded", "stood at") and is of the end's
order of size (not a citation's page or year), and the body sentence gives exactly
one change and one end ("to 308,000") and no start of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.changes import DOWN_VERBS, UP_VERBS
from citecheck.checks.currencies import SIGN_CHARS
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.pairs import change_pairs
from citecheck.checks.passages import Passage, Sentence, body_sentences_by_note
from citecheck.checks.percent_readings import is_points

__all__ = ["changes_with_note_base", "changes_with_note_pair"]

# The change, perhaps dated, then its end: "fell 12% last year, to 308,000".
_CHANGE_THEN_END = re.compile(
    rf"\b(?P<verb>{UP_VERBS}|{DOWN_VERBS})\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
_TO_END = re.compile(
    r"^(?:\s+(?:[a-z]+\s+){0,3}?(?:year[- ]on[- ]year|last\s+year|this\s+year|in\s+(?:19|20)\d\d))?"
    r"\s*,?\s+to\s+(?:about\s+|some\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$",
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:previous|prior|preceding|the\s+year\s+before|a\s+year\s+(?:earlier|before)|"
    r"the\s+(?:previous|prior)\s+year|(?:19|20)\d\d|last\s+year|before\s+the)\b",
    re.IGNORECASE,
)
# The note states a figure: "the figure was", "recorded", "stood at", "totalled".
_STATES = re.compile(
    r"\b(?:was|were|is|are|stood|recorded|registered|counted|totall?ed|reached|had|saw|"
    r"welcomed|received|handled|came\s+to)\b",
    re.IGNORECASE,
)
# Or opens with it: "£2.20bn in 2024 (annual report, p. 14)".
_FIGURE_FIRST = re.compile(rf"^\W*(?:[A-Z]{{0,3}}[{SIGN_CHARS}]|R(?=\d)|\d)")
_FRAGMENT = re.compile(r"\d\s$")
_DOWN = re.compile(rf"^(?:{DOWN_VERBS})$", re.IGNORECASE)


def changes_with_note_base(
    passages: tuple[Passage, ...],
) -> Iterator[tuple[Sentence, Quantity, tuple[Quantity, Quantity], bool]]:
    """(body sentence, change, (base, end), down) for each change whose base is its note's."""
    bodies = {p.path: p for p in passages if p.note is None}
    cited = body_sentences_by_note(passages)
    for note in passages:
        if note.note is None or not note.sentences or note.path not in bodies:
            continue
        text = " ".join(s.text for s in note.sentences)
        if not _EARLIER.search(text):
            continue
        figures = [
            q for s in note.sentences for q in s.quantities if q.kind in {Kind.MONEY, Kind.COUNT}
        ]
        for body in cited.get((note.path, note.note), ()):
            found = _change_and_end(body)
            if found is None:
                continue
            change, end, down = found
            bases = [q for q in figures if q.kind is end.kind and q.currency == end.currency]
            # a citation's page or year is no base: one figure the note states, near the end's
            # size (a change is judged, not a different order of magnitude)
            if len(bases) != 1 or not (_STATES.search(text) or _FIGURE_FIRST.match(text)):
                continue
            if not 0.2 <= bases[0].value / max(end.value, 1e-9) <= 5:
                continue
            # the base is shown as the note prints it; its offsets mean nothing in the body
            base = replace(bases[0], start=end.start, end=end.start)
            yield body, change, (base, end), down


def _change_and_end(body: Sentence) -> tuple[Quantity, Quantity, bool] | None:
    text = body.text
    changes = [q for q in body.quantities if q.kind is Kind.PERCENT]
    figures = [q for q in body.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    if len(changes) != 1 or len(figures) != 1:
        return None
    change, end = changes[0], figures[0]
    verb = _CHANGE_THEN_END.search(text[max(0, change.start - 40) : change.start])
    if verb is None or end.start < change.end:
        return None
    if not _TO_END.match(text[change.end : end.start]):
        return None
    if re.search(r"\bfrom\b", text[end.end :], re.IGNORECASE):
        return None
    return change, end, _DOWN.match(verb.group("verb")) is not None


def changes_with_note_pair(
    passages: tuple[Passage, ...],
) -> Iterator[tuple[Sentence, Quantity, tuple[Quantity, Quantity], bool]]:
    """(body sentence, change, (start, end), down) for each change whose two figures are all
    in the note it cites.

    "The wage bill rose by 9 per cent after the minimum was raised.[^1]" with the note "From
    R14.2 million in 2023 to R17.0 million in 2024."; "The share reporting a breach rose 11
    percent in a year.[^1]" with "39% reported one in 2023 and 50% in 2024." The body gives
    one change and no other figure; the note gives one pair (``pairs.change_pairs``) and
    nothing else of its kind. The pair's offsets are moved to the change's: they mean nothing
    in the body.
    """
    bodies = {p.path: p for p in passages if p.note is None}
    cited = body_sentences_by_note(passages)
    for note in passages:
        if note.note is None or not note.sentences or note.path not in bodies:
            continue
        pairs = [pair for s in note.sentences for pair in change_pairs(s)]
        if len(pairs) != 1:
            continue
        start, end = pairs[0]
        if any(
            _FRAGMENT.search(s.text, 0, q.start)
            for s in note.sentences
            for q in (start, end)
            if q in s.quantities
        ):
            continue  # "From R6 800 to R8 500": pieces of space-grouped figures
        kind = [
            q
            for s in note.sentences
            for q in s.quantities
            if q.kind is start.kind and q.currency == start.currency
        ]
        if len(kind) != 2:
            continue
        for body in cited.get((note.path, note.note), ()):
            figures = [q for q in body.quantities if q.kind is not Kind.YEAR]
            if len(figures) != 1 or figures[0].kind not in {Kind.PERCENT, Kind.MULTIPLIER}:
                continue
            change = figures[0]
            if change.kind is Kind.MULTIPLIER:
                # "Call-outs have quadrupled over the decade.[^1]": the multiplier is the change
                if not change.readings or start.kind is Kind.PERCENT:
                    continue
                down = all(high < 1 for _, high in change.readings)
            else:
                if is_points(change):
                    continue  # "rose by 8 percentage points": said in points
                verb = _CHANGE_THEN_END.search(body.text[max(0, change.start - 40) : change.start])
                if verb is None:
                    continue
                down = _DOWN.match(verb.group("verb")) is not None
            if down != (end.value < start.value):
                continue  # "rose" against a fall: another slip, or another pair
            at = change.start
            moved = (replace(start, start=at, end=at), replace(end, start=at, end=at))
            yield body, change, moved, down
