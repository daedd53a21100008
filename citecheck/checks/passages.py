"""Passages and sentences: the running text and notes of a run, cut into sentences with figures.

A passage is a manuscript's body or one note; its sentences (``citecheck.sentences``
cuts them) carry the figures ``numbers.find_quantities`` reads in them and
the source line (and page) of every character, so a finding points at its
figure's line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from citecheck.checks.numbers import Quantity, find_quantities
from citecheck.checks.rules import one_line
from citecheck.checks.spoken import unspoken
from citecheck.model import CheckRun, Footnote, Location, Manuscript
from citecheck.sentences import sentence_spans

__all__ = ["Passage", "Sentence", "body_sentences_by_note", "joined", "one_line", "read_passages"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a passage, with its numbers."""

    text: str
    start: int
    index: int
    quantities: tuple[Quantity, ...]
    note: str | None
    location: Location
    # (offset in the sentence, source line) where lines change inside it.
    lines: tuple[tuple[int, int], ...] = ()
    # (offset in the sentence, page) where pages change inside it (PDF).
    pages: tuple[tuple[int, int], ...] = ()

    def location_at(self, offset: int) -> Location:
        """The source line of a character of the sentence (a figure's, say)."""
        line = self.location.line
        for start, start_line in self.lines:
            if start > offset:
                break
            line = start_line
        page = self.location.page
        for start, start_page in self.pages:
            if start > offset:
                break
            page = start_page
        return Location(self.location.path, line, page=page)


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text checked as one: a manuscript's body, or one note."""

    path: str
    text: str
    note: str | None
    sentences: tuple[Sentence, ...]


def joined(first: Sentence, second: Sentence, *, mark: str) -> Sentence:
    """Two sentences read as one, the full stop between them replaced by ``mark`` (":" when the
    second restates the first, ";" when it goes on with its list); offsets stay the text's."""
    head = first.text.rstrip()
    head = head[:-1] if head.endswith((".", "!", "?")) else head
    offset = len(head) + 2
    shifted = tuple(
        replace(q, start=q.start + offset, end=q.end + offset) for q in second.quantities
    )
    return replace(first, text=f"{head}{mark} {second.text}", quantities=first.quantities + shifted)


def body_sentences_by_note(
    passages: tuple[Passage, ...],
) -> dict[tuple[str, str], tuple[Sentence, ...]]:
    """(path, note label) -> the body sentences that cite the note, in order, of each path's
    (last) body: a check that pairs every note with its sentences looks them up here instead of
    walking the whole body once per note (quadratic in the notes)."""
    bodies = {p.path: p for p in passages if p.note is None}
    by_note: dict[tuple[str, str], list[Sentence]] = {}
    for path, body in bodies.items():
        for sentence in body.sentences:
            if sentence.note is not None:
                by_note.setdefault((path, sentence.note), []).append(sentence)
    return {key: tuple(sentences) for key, sentences in by_note.items()}


# --------------------------------------------------------------------------
# Passages and sentences
# --------------------------------------------------------------------------


def read_passages(run: CheckRun) -> tuple[Passage, ...]:
    """Every body and every note of the run, split into sentences with numbers."""
    passages: list[Passage] = []
    for footnote_set in run.footnote_sets:
        manuscript = footnote_set.manuscript
        passages.append(_body_passage(manuscript))
        passages.extend(_note_passage(manuscript.path, note) for note in footnote_set.footnotes)
    return tuple(passages)


def _body_passage(manuscript: Manuscript) -> Passage:
    text = unspoken(manuscript.body)  # same length: offsets hold
    line_at = _line_finder(manuscript)
    page_at = _page_finder(manuscript)
    markers = sorted((m.offset, m.label) for m in manuscript.markers)
    offsets = [offset for offset, _ in markers]
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(sentence_spans(text)):
        # A marker just after the full stop still belongs to this sentence.
        first = bisect.bisect_left(offsets, start)
        labels = [label for offset, label in markers[first : first + 8] if offset <= end + 2]
        sentence_text = text[start:end]
        prose = _without_verbatim(sentence_text, start, manuscript.verbatim)
        first_line = line_at(start + _leading_space(sentence_text))
        first_page = page_at(start + _leading_space(sentence_text))
        lines: list[tuple[int, int]] = []
        pages: list[tuple[int, int]] = []
        for newline in re.finditer(r"\n", sentence_text):
            line = line_at(start + newline.end())
            if line != (lines[-1][1] if lines else first_line):
                lines.append((newline.end(), line))
            page = page_at(start + newline.end())
            if page is not None and page != (pages[-1][1] if pages else first_page):
                pages.append((newline.end(), page))
        sentences.append(
            Sentence(
                text=sentence_text,
                start=start,
                index=index,
                quantities=find_quantities(prose),
                note=labels[0] if labels else None,
                location=Location(manuscript.path, first_line, page=first_page),
                lines=tuple(lines),
                pages=tuple(pages),
            )
        )
    return Passage(manuscript.path, text, None, tuple(sentences))


def _note_passage(path: str, footnote: Footnote) -> Passage:
    text = unspoken(footnote.text)
    sentences = tuple(
        Sentence(
            text=text[start:end],
            start=start,
            index=index,
            quantities=find_quantities(text[start:end]),
            note=footnote.label,
            # Notes are stitched across page breaks, so lines inside a note are
            # not reliable: every sentence points at the note's first line.
            location=footnote.location,
        )
        for index, (start, end) in enumerate(sentence_spans(text))
    )
    return Passage(path, text, footnote.label, sentences)


def _without_verbatim(text: str, start: int, verbatim: tuple[tuple[int, int], ...]) -> str:
    """``text`` (at body offset ``start``) with code blocks blanked, offsets kept.

    Code is no prose: its figures ("total": 8 in a JSON example) would be summed
    and compared like a writer's.
    """
    end = start + len(text)
    inside = [(max(a, start), min(b, end)) for a, b in verbatim if a < end and b > start]
    if not inside:
        return text
    chars = list(text)
    for a, b in inside:
        chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _page_finder(manuscript: Manuscript) -> Callable[[int], int | None]:
    """Body offset -> page, for paged formats (PDF); None for the others."""
    starts = sorted(manuscript.page_starts)
    offsets = [start for start, _ in starts]

    def page(offset: int) -> int | None:
        if not starts:
            return None
        return starts[max(bisect.bisect_right(offsets, offset) - 1, 0)][1]

    return page


def _line_finder(manuscript: Manuscript) -> Callable[[int], int]:
    """Body offset -> source line: exact from ``line_starts``, else from the nearest marker."""
    if manuscript.line_starts:
        starts = sorted(manuscript.line_starts)
        offsets = [start for start, _ in starts]

        def exact(offset: int) -> int:
            index = bisect.bisect_right(offsets, offset) - 1
            return starts[max(index, 0)][1]

        return exact
    newlines = [i for i, char in enumerate(manuscript.body) if char == "\n"]
    markers = sorted(manuscript.markers, key=lambda m: m.offset)
    marker_offsets = [m.offset for m in markers]

    def between(start: int, end: int) -> int:
        return bisect.bisect_left(newlines, end) - bisect.bisect_left(newlines, start)

    def nearest(offset: int) -> int:
        if not markers:
            return 1 + between(0, offset)
        # Readers drop note lines from the body, so newline counts drift with
        # distance: trust whichever neighbouring marker has fewer newlines between.
        index = bisect.bisect_right(marker_offsets, offset)
        candidates: list[tuple[int, int]] = []
        if index > 0:
            before = markers[index - 1]
            gap = between(before.offset, offset)
            candidates.append((gap, before.location.line + gap))
        if index < len(markers):
            after = markers[index]
            gap = between(offset, after.offset)
            candidates.append((gap, after.location.line - gap))
        return max(1, min(candidates)[1])

    return nearest
