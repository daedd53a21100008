"""A labelled manuscript as a PDF typeset by hand: Helvetica, italics in Helvetica-Oblique.

No typesetter is needed: the page is written as PDF operators with the
standard 14 fonts, whose widths pdfminer knows (``pdfminer.fontmetrics``),
so line breaks fall where a reader expects them. Each page holds a body
paragraph, one sentence per note with the note's number raised after it,
then a short rule and the notes in a smaller size, each led by its raised
number: the layout of a LaTeX page. A URL too long for a line is broken
after a slash (or ``_ = ? &``), as typesetters break them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS

# The tests' one PDF writer is in tests/ (this module also runs from score_formats.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pdf_objects import pdf_file, stream

__all__ = ["pdf"]

Note = Sequence[tuple[str, bool]]

_PAGE_W, _PAGE_H = 612.0, 792.0
_LEFT, _WIDTH = 72.0, 468.0
_TOP, _BOTTOM = 740.0, 60.0
_BODY, _BODY_LEAD = 11.0, 14.0
_NOTE, _NOTE_LEAD = 9.0, 11.0
_MARK, _MARK_RISE = 7.0, 4.0
_LABEL, _LABEL_RISE = 6.0, 3.0
_GAP = 20.0  # from the last body line to the first note line
_FONTS = {False: "Helvetica", True: "Helvetica-Oblique"}
# Where a URL may break: the reader joins the next line on without a space.
_BREAK_AFTER = "/_=?&"


def _width(text: str, italic: bool, size: float) -> float:
    widths = FONT_METRICS[_FONTS[italic]][1]
    return sum(widths.get(c, 556) for c in text) * size / 1000


@dataclass
class _Piece:
    text: str
    italic: bool = False
    raised: bool = False


@dataclass
class _Line:
    pieces: list[_Piece]
    x: float


def _words(runs: Sequence[tuple[str, bool]]) -> list[list[_Piece]]:
    """Runs -> words (each a list of pieces, italic or not), split at spaces."""
    words: list[list[_Piece]] = [[]]
    for text, italic in runs:
        for index, chunk in enumerate(text.split(" ")):
            if index:
                words.append([])
            if chunk:
                words[-1].append(_Piece(chunk, italic))
    return [w for w in words if w]


def _word_width(word: list[_Piece], size: float) -> float:
    # Raised numbers are printed at about two thirds of the text's size.
    return sum(_width(p.text, p.italic, size * 0.66 if p.raised else size) for p in word)


def _split_long(word: list[_Piece], size: float, room: float) -> list[list[_Piece]]:
    """A word wider than the line (a URL) broken after a slash or the like."""
    if len(word) != 1 or _word_width(word, size) <= room:
        return [word]
    piece = word[0]
    out: list[list[_Piece]] = []
    text = piece.text
    while text and _width(text, piece.italic, size) > room:
        cut = 0
        for index, char in enumerate(text):
            if _width(text[: index + 1], piece.italic, size) > room:
                break
            if char in _BREAK_AFTER and index > 0:
                cut = index + 1
        if cut == 0:
            cut = max(1, int(len(text) * room / _width(text, piece.italic, size)))
        out.append([_Piece(text[:cut], piece.italic)])
        text = text[cut:]
    if text:
        out.append([_Piece(text, piece.italic)])
    return out


def _wrap(words: list[list[_Piece]], size: float, first_x: float) -> list[_Line]:
    lines: list[_Line] = []
    current: list[_Piece] = []
    x = first_x
    used = 0.0
    space = _width(" ", False, size)
    for word in words:
        for index, part in enumerate(_split_long(word, size, _WIDTH - (x - _LEFT))):
            width = _word_width(part, size)
            # The pieces of a broken URL each end a line: no space comes between them.
            if current and (index or used + space + width > _WIDTH - (x - _LEFT)):
                lines.append(_Line(current, x))
                current, used, x = [], 0.0, _LEFT
            if current:
                current.append(_Piece(" "))
                used += space
            current.extend(part)
            used += width
    if current:
        lines.append(_Line(current, x))
    return lines


def _body_lines(sentences: Sequence[str], labels: Sequence[int]) -> list[_Line]:
    words: list[list[_Piece]] = []
    for sentence, label in zip(sentences, labels, strict=True):
        parts = _words([(sentence, False)])
        parts[-1].append(_Piece(str(label), raised=True))
        words.extend(parts)
    return _wrap(words, _BODY, _LEFT)


def _note_lines(label: int, note: Note) -> list[_Line]:
    words = _words(note)
    if words:
        words[0].insert(0, _Piece(str(label), raised=True))
    return _wrap(words, _NOTE, _LEFT + 10)


def _escape(text: str) -> bytes:
    data = text.encode("cp1252")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _draw(line: _Line, y: float, size: float, raised_size: float, rise: float) -> bytes:
    out = bytearray()
    x = line.x
    for piece in line.pieces:
        if piece.raised:
            font, at, px = "F1", y + rise, raised_size
        else:
            font, at, px = ("F2" if piece.italic else "F1"), y, size
        out += b"BT /%s %.1f Tf 1 0 0 1 %.2f %.2f Tm (" % (font.encode(), px, x, at)
        out += _escape(piece.text) + b") Tj ET\n"
        x += _width(piece.text, piece.italic and not piece.raised, px)
    return bytes(out)


def _page(sentences: Sequence[str], labels: Sequence[int], notes: Sequence[Note]) -> bytes:
    stream = bytearray()
    y = _TOP
    for line in _body_lines(sentences, labels):
        stream += _draw(line, y, _BODY, _MARK, _MARK_RISE)
        y -= _BODY_LEAD
    y -= _GAP - _BODY_LEAD + _NOTE_LEAD
    rule_y = y + _NOTE + 3
    stream += b"0.5 w %.2f %.2f m %.2f %.2f l S\n" % (_LEFT, rule_y, _LEFT + 144, rule_y)
    for label, note in zip(labels, notes, strict=True):
        for line in _note_lines(label, note):
            stream += _draw(line, y, _NOTE, _LABEL, _LABEL_RISE)
            y -= _NOTE_LEAD
    return bytes(stream)


def _height(sentences: Sequence[str], labels: Sequence[int], notes: Sequence[Note]) -> float:
    body = len(_body_lines(sentences, labels)) * _BODY_LEAD
    below = sum(len(_note_lines(label, n)) for label, n in zip(labels, notes, strict=True))
    return body + _GAP + below * _NOTE_LEAD


def pdf(notes: Sequence[Note], sentences: Sequence[str]) -> bytes:
    """The notes typeset a few to a page, each page's notes at its foot."""
    pages: list[bytes] = []
    start = 0
    room = _TOP - _BOTTOM
    while start < len(notes):
        end = start + 1
        while end < len(notes) and end - start < 6:
            labels = list(range(start + 1, end + 2))
            if _height(sentences[start : end + 1], labels, notes[start : end + 1]) > room:
                break
            end += 1
        pages.append(_page(sentences[start:end], list(range(start + 1, end + 1)), notes[start:end]))
        start = end
    return _document(pages)


def _document(pages: list[bytes]) -> bytes:
    fonts = "".join(
        f"/F{i} << /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >> "
        for i, name in ((1, _FONTS[False]), (2, _FONTS[True]))
    )
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in pages:
        page_number = len(objects) + 1
        kids.append(f"{page_number} 0 R")
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_W:.0f} {_PAGE_H:.0f}] "
                f"/Resources << /Font << {fonts}>> >> /Contents {page_number + 1} 0 R >>"
            ).encode()
        )
        objects.append(stream(content, newline=False))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    return pdf_file(objects)
