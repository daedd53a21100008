"""Which printed lines are body, which are notes, which are page furniture.

* **Page furniture**: a line at the top or bottom of a page that is only a
  page number, or that comes back (digits aside) on several pages: running
  heads and feet.
* **Foot-of-page notes**: a page's (or a column's) last lines, under a short
  rule or in a smaller size than the body, starting with a note label.
  Lines at the top of that zone with no label go on the previous note (a
  note that ran on from the page before).
* **Endnotes**: the lines after a "Notes" ("Endnotes", "Footnotes")
  heading, or after a rule followed by note 1, up to the next heading or a
  "References" / "Bibliography" heading, which are never notes.

A note starts where a line begins with a raised number, or with a number
(``3``, ``3.``, ``[3]``) that is the next note's or that of a marker still
waiting for its note, set like the notes' other labels (a note's run-on
line may begin "42 U.S.C.").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from citecheck.readers._pdf_page import Line, Run

__all__ = ["Classified", "NoteLines", "body_size", "classify", "furniture"]

_PAGE_NUMBER = re.compile(
    r"[-–—|\s]*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|of)\s*\d{1,4})?[-–—|\s]*",
    re.IGNORECASE,
)
_NOTES_HEADING = re.compile(r"(?:end\s*notes|foot\s*notes|notes)\s*:?", re.IGNORECASE)
_NOT_NOTES_HEADING = re.compile(
    r"(?:references|bibliography|works\s+cited|sources|literature(?:\s+cited)?)\s*:?", re.IGNORECASE
)
_RAISED_LABEL = re.compile(r"\s*\[?(\d{1,4}|[*†‡§¶]{1,3})\]?\s*")
# Endnotes numbered i, ii, iii (Word's default beside arabic footnotes):
# labels only where a raised marker and a raised note label agree.
ROMAN_LABEL = re.compile(r"\s*(i{1,3}|iv|vi{0,3}|ix|xi{0,3})\s*")
_PLAIN_LABEL = re.compile(r"\s*(?:\[(\d{1,4})\]|(\d{1,4})(?:[.)]|(?=\s)))\s*")
_PLAIN_ROMAN = re.compile(
    r"\s*(?:\[(i{1,3}|iv|vi{0,3}|ix|xi{0,3})\]|(i{1,3}|iv|vi{0,3}|ix|xi{0,3})\.?\s)\s*"
)
_LISTED_LABEL = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s")
_TERMINAL = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
_SMALLER = 0.93


@dataclass(slots=True)
class NoteLines:
    """One note's label and its printed lines (the label taken off the first)."""

    label: str
    first: Line
    lines: list[tuple[Line, list[Run]]] = field(default_factory=list)


@dataclass(slots=True)
class Classified:
    """Body lines in reading order, and the notes."""

    body: list[Line] = field(default_factory=list)
    notes: list[NoteLines] = field(default_factory=list)


def body_size(pages: list[list[Line]]) -> float:
    """The size most of the text is printed in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += line.chars
    return sizes.most_common(1)[0][0] if sizes else 10.0


def furniture(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """(page, line number) of page numbers, running heads and feet."""
    dropped: set[tuple[int, int]] = set()
    candidates: list[tuple[Line, str]] = []
    for lines in pages:
        if not lines:
            continue
        by_height = sorted(lines, key=lambda line: line.top)
        edges = {id(line): line for line in (*by_height[:2], *by_height[-2:])}
        apart = _set_apart(lines, by_height)
        for line in edges.values():
            text = line.text.strip()
            if _PAGE_NUMBER.fullmatch(text):
                dropped.add((line.page, line.number))
            elif len(text) <= 120 and id(line) in apart:
                key = re.sub(r"\d+", "#", " ".join(text.lower().split()))
                candidates.append((line, key))
    for lines in pages:
        # A short line far from the text at the very top or foot of a page is a
        # head or foot even when no other page repeats it (a one-page file).
        by_height = sorted(lines, key=lambda line: line.top)
        if len(by_height) < 3:
            continue
        for far, neighbour in ((by_height[0], by_height[1]), (by_height[-1], by_height[-2])):
            gap = abs(far.bottom - neighbour.bottom)
            raised = any(run.raised for run in far.runs)
            if gap > far.size * 3.0 and len(far.text.strip()) < 60 and not raised:
                dropped.add((far.page, far.number))
    counts = Counter(key for _, key in {(line.page, key): (line, key) for line, key in candidates})
    needed = max(2, round(len(pages) * 0.25))
    notes = _note_lines([line for line, key in candidates if counts[key] >= needed], pages)
    for line, key in candidates:
        if counts[key] >= needed and len(key) > 1 and id(line) not in notes:
            dropped.add((line.page, line.number))
    return dropped


def _set_apart(lines: list[Line], by_height: list[Line]) -> set[int]:
    """The page's first two and last two lines that could be a running head or foot.

    Not a line with a note marker, and not a line of running text: one that
    fills the measure with glyphs set at text spacing (a running head spread
    over the width leaves wide gaps: a title left, the page number right),
    in the size of the line next to it.
    A body line that repeats (digits aside) is such a line, or ends a
    paragraph with its marker; a short one with neither still goes.
    """
    apart: set[int] = set()
    count = len(by_height)
    for index in (*range(min(2, count)), *range(max(count - 2, 2), count)):
        line = by_height[index]
        if _has_marker(line):
            continue
        column = [other for other in lines if other.column == line.column]
        measure = max(other.x1 for other in column) - min(other.x0 for other in column)
        width = line.x1 - line.x0
        # The next line towards the middle of the page, for the size of the text there.
        inward = by_height[index + 1 :] if index < 2 else by_height[index - 1 :: -1]
        near = next((o for o in inward if abs(o.bottom - line.bottom) > 1.0), line)
        if (
            width >= measure * 0.85
            and width <= line.chars * line.size * 0.7
            and abs(near.size - line.size) <= line.size * 0.05
        ):
            continue
        apart.add(id(line))
    return apart


def _has_marker(line: Line) -> bool:
    """Does a raised note label follow text on the line (a marker in the body)?"""
    return any(run.raised and _RAISED_LABEL.fullmatch(run.text) for run in line.runs[1:])


def _note_lines(lines: list[Line], pages: list[list[Line]]) -> set[int]:
    """Of recurring edge lines, those that begin with the label of a marker in the body.

    Short notes recur ("4 Id. at 9." / "6 Id. at 8."), digits aside, like a
    running foot. A plain number that follows the page numbers ("12 Law
    Review" on page 12, "13 Law Review" on page 13) is a running head's,
    unless the lines are notes' by their place (the foot of the page, in a
    smaller size than the text); one that stays the same ("12 Law Review" on
    every page, a volume) is too.
    """
    size = body_size(pages)
    last = {id(line) for page in pages for line in sorted(page, key=lambda ln: ln.top)[-2:]}
    markers = {
        match.group(1)
        for page in pages
        for line in page
        for run in line.runs[1:]
        if run.raised
        for label in re.split(r"[,\s]+", run.text.strip())
        if (match := _RAISED_LABEL.fullmatch(label))
    }
    plain: dict[str, list[tuple[Line, int]]] = {}
    kept: set[int] = set()
    for line in lines:
        runs = [run for run in line.runs if run.text]
        if not runs:
            continue
        if runs[0].raised:
            match = _RAISED_LABEL.fullmatch(runs[0].text)
            if match is not None and match.group(1) in markers and len(runs) > 1:
                kept.add(id(line))
            continue
        match = _PLAIN_LABEL.match(runs[0].text)
        label = (match.group(1) or match.group(2)) if match else None
        if match is None or label not in markers or not line.text[match.end() :].strip():
            continue
        key = re.sub(r"\d+", "#", " ".join(line.text[match.end() :].lower().split()))
        plain.setdefault(key, []).append((line, int(label)))
    for group in plain.values():
        numbers = [number for _, number in group]
        if len(set(numbers)) < len(numbers):
            continue
        at_foot = all(id(line) in last and line.size <= size * _SMALLER for line, _ in group)
        if at_foot or len({number - line.page for line, number in group}) > 1:
            kept.update(id(line) for line, _ in group)
    return kept


def _label(line: Line, accept: set[str], next_number: int | None) -> tuple[str, list[Run]] | None:
    """The note label a line begins with, and the rest of the line."""
    runs = [run for run in line.runs if run.text]
    if not runs:
        return None
    first = runs[0]
    if first.raised:
        match = _RAISED_LABEL.fullmatch(first.text)
        roman = ROMAN_LABEL.fullmatch(first.text)
        if roman is not None and roman.group(1) in accept:
            match = roman
        if match:
            rest = (
                [Run(runs[1].text.lstrip(), runs[1].raised, runs[1].uri, runs[1].italic), *runs[2:]]
                if len(runs) > 1
                else []
            )
            return match.group(1), rest
        return None
    match = _PLAIN_LABEL.match(first.text) or _PLAIN_ROMAN.match(first.text)
    if match is None:
        return None
    label = match.group(1) or match.group(2)
    rest_text = first.text[match.end() :]
    if not rest_text and len(runs) == 1:
        return None  # a number alone on a line
    wanted = label in accept or (next_number is not None and label == str(next_number))
    if not wanted:
        return None
    return label, [Run(rest_text, first.raised, first.uri, first.italic), *runs[1:]]


def _is_heading(line: Line, size: float) -> bool:
    text = line.text.strip()
    return bool(text) and (line.size >= size * 1.12 or (line.bold and len(text) < 90))


class _State:
    def __init__(self, size: float) -> None:
        self.size = size
        self.out = Classified()
        self.pending: list[str] = []  # marker labels waiting for their notes
        self.last_number: int | None = None
        # (page, line) of the last marker: a "1." list after it may be endnotes.
        self.last_marker = (0, 0)
        # Notes are paragraphs among the body, each begun by its raised number.
        self.inline_notes = False

    @property
    def next_number(self) -> int | None:
        return None if self.last_number is None else self.last_number + 1

    def markers(self, line: Line) -> None:
        before = ""
        for run in line.runs:
            if run.raised and is_power(before):
                continue
            before = run.text
            if run.raised:
                for label in re.split(r"[,\s]+", run.text.strip()):
                    match = _RAISED_LABEL.fullmatch(label) or ROMAN_LABEL.fullmatch(label)
                    if match:
                        self.pending.append(match.group(1))

    def start(self, label: str, line: Line, rest: list[Run]) -> None:
        note = NoteLines(label, line, [(line, rest)])
        self.out.notes.append(note)
        if label in self.pending:
            self.pending.remove(label)
        if label.isdigit():
            self.last_number = int(label)

    def label(self, line: Line) -> tuple[str, list[Run]] | None:
        """The note label a line in the notes begins with, if it starts a note.

        A waiting marker's label out of sequence starts a note only when it
        is set like the last note's label (raised or not, the same size and
        indent); the next number in sequence unless, on the same page, it is
        plain under raised labels or indented like a run-on line: "42 U.S.C.
        § 1983" at the start of a note's second line is not note 42.
        """
        found = _label(line, set(self.pending), self.next_number)
        if found is None or not self.out.notes:
            return found
        first = self.out.notes[-1].first
        runs = [run for run in line.runs if run.text]
        first_runs = [run for run in first.runs if run.text]
        same_place = (line.page, line.column) == (first.page, first.column)
        if same_place and first_runs[0].raised and not runs[0].raised:
            return None  # the notes above have raised labels: a plain number is text
        if same_place and line.x0 > first.x0 + line.size * 0.8:
            return None  # indented like a note's run-on line (a hanging indent)
        if found[0] == str(self.next_number):
            return found
        if runs[0].raised != first_runs[0].raised or abs(line.size - first.size) > 0.5:
            return None
        if same_place and abs(line.x0 - first.x0) > line.size * 0.5:
            return None
        return found

    def go_on(self, line: Line) -> bool:
        if not self.out.notes:
            return False
        self.out.notes[-1].lines.append((line, line.runs))
        return True


def _foot_zone(stream: list[Line], state: _State) -> int:
    """Index in the stream where the page's (column's) notes begin, or len."""
    count = len(stream)
    small = count
    while small > 0 and stream[small - 1].size <= state.size * _SMALLER:
        small -= 1
    # Markers on this page are waiting too (the body lines are placed later).
    accept = set(state.pending) | {
        run.text.strip(" []") for line in stream for run in line.runs if run.raised
    }
    if small < count:
        ruled = [i for i in range(small, count) if stream[i].rule_above is not None]
        if ruled:
            return ruled[-1]
        for index in range(small, count):
            if _label(stream[index], accept, state.next_number):
                return index
    width = max((line.x1 - line.x0 for line in stream), default=0.0)
    for index in range(count - 1, -1, -1):
        line = stream[index]
        rule = line.rule_above
        if rule is not None and rule < width * 0.6:
            if _label(line, accept, state.next_number) or (state.out.notes and index > 0):
                return index
            break
    return count


def _streams(lines: list[Line]) -> list[list[Line]]:
    streams: list[list[Line]] = []
    for line in lines:
        if streams and streams[-1][-1].column == line.column:
            streams[-1].append(line)
        else:
            streams.append([line])
    return streams


def classify(pages: list[list[Line]], size: float, dropped: set[tuple[int, int]]) -> Classified:
    """Sort every kept line into the body or a note."""
    state = _State(size)
    for lines in pages:
        for line in lines:
            if any(run.raised and _RAISED_LABEL.fullmatch(run.text) for run in line.runs[1:]):
                state.last_marker = max(state.last_marker, (line.page, line.number))
    in_endnotes = False
    for lines in pages:
        kept = [line for line in lines if (line.page, line.number) not in dropped]
        for stream in _streams(kept):
            zone = len(stream) if in_endnotes else _foot_zone(stream, state)
            for line in stream[:zone]:
                in_endnotes = _endnote_line(line, state, in_endnotes)
            for line in stream[zone:]:
                found = state.label(line)
                if found is not None:
                    state.start(found[0], line, found[1])
                elif not state.go_on(line):
                    state.out.body.append(line)
    return state.out


def _endnote_line(line: Line, state: _State, in_endnotes: bool) -> bool:
    """Place one line outside the foot zones; whether endnotes go on after it."""
    text = line.text.strip()
    if in_endnotes:
        if _NOT_NOTES_HEADING.fullmatch(text) or (
            _is_heading(line, state.size) and _label(line, set(state.pending), None) is None
        ):
            state.out.body.append(line)
            return False
        found = state.label(line)
        if found is not None:
            state.start(found[0], line, found[1])
        elif _leaves_notes(line, state):
            state.markers(line)
            state.out.body.append(line)
            return False
        elif not state.go_on(line):
            state.out.body.append(line)
        return True
    if _NOTES_HEADING.fullmatch(text) and len(text) < 20:
        return True
    numbered = (
        (line.page, line.number) > state.last_marker
        and (
            _LISTED_LABEL.match(line.runs[0].text) is not None
            or (bool(state.pending) and line.text.split(None, 1)[:1] == state.pending[:1])
        )
        and not _is_heading(line, state.size)
    )
    if state.pending and (line.rule_above is not None or line.runs[0].raised or numbered):
        # Notes after a rule (a browser's <hr>), paragraphs that begin with the
        # raised number of the next marker waiting for its note, or a list
        # "1." / "[1]" of them.
        found = _label(line, set(state.pending), None)
        if found is not None and found[0] == state.pending[0]:
            state.inline_notes = line.rule_above is None and not numbered
            state.start(found[0], line, found[1])
            return True
    state.markers(line)
    state.out.body.append(line)
    return False


def _leaves_notes(line: Line, state: _State) -> bool:
    """Does an unlabelled line after a paragraph gap go back to the body?

    It does when it starts left of the note's label (a "Back to top" link
    under a list of notes), or when the notes were paragraphs among the body
    (each begun by its raised number) rather than a section of their own.
    """
    if not state.out.notes:
        return False
    note = state.out.notes[-1]
    last = note.lines[-1][0]
    if last.page != line.page or line.bottom - last.bottom <= max(last.size, line.size) * 1.6:
        return False
    return line.x0 < note.first.x0 - 1 or state.inline_notes


def is_power(before: str) -> bool:
    """Is a raised number after this text a power (10⁶, km², mc²), not a marker?"""
    return before[-1:].isdigit() or bool(re.search(r"(?:^|[\s\d])[a-z]{1,2}$", before))


def ends_sentence(text: str) -> bool:
    """Does the text end with a sentence's closing punctuation?"""
    return bool(_TERMINAL.search(text.rstrip()))
