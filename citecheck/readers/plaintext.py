"""Reader for plain-text manuscripts in the ``<sup>n</sup>`` style.

This is the style of text exported from a laid-out PDF or a word processor
(``references/us-mexico-border-essays.txt`` is the model): Markdown-flavoured
text where each note marker is ``<sup>n</sup>`` in the body and each page's
notes follow a ``---`` rule as ``<sup>n</sup> text`` paragraphs.

Page layout leaves traces this reader undoes:

* a note cut by a page break goes on, without a marker, at the top of the
  next page's notes (after the next notes rule); the pieces are stitched;
* pull quotes (a whole paragraph ``*"..."*``) repeat body text and are
  dropped from the body;
* ``<sup>th</sup>`` and other non-numeric superscripts are ordinals or
  exponents, never markers.

``line_starts`` has a pair for every source line that gives body text, so a
finding about any body sentence can name its line.

The module also holds ``decode_text`` (UTF-8 with a clear error), which every
text reader shares; Markdown inline markup -> plain text, shared with the
Markdown reader, lives in ``_inline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.errors import InputError
from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._inline import inline_lines, inline_text
from citecheck.readers._text import add_line_start, styled
from citecheck.readers._text_endnotes import rewrite_endnotes

__all__ = ["decode_text", "read", "read_text", "utf16_problem"]


# --------------------------------------------------------------------------
# Decoding (shared by every text format)
# --------------------------------------------------------------------------


def utf16_problem(data: bytes) -> str | None:
    """Why the bytes look like UTF-16 (a message ending "save it as UTF-8"), or None.

    A UTF-16 byte-order mark says so; without one, text that is mostly ASCII
    has a NUL in every other byte: a UTF-8 file never has them, and a binary
    file has them anywhere.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "the file is UTF-16 encoded; save it as UTF-8"
    head = data[:4096]
    if len(head) < 8:
        return None
    halves = head[0::2], head[1::2]
    nuls = [half.count(0) / len(half) for half in halves]
    if max(nuls) >= 0.6 and min(nuls) <= 0.05:
        order = "big-endian" if nuls[0] > nuls[1] else "little-endian"
        return (
            f"the file looks like UTF-16 ({order}, without a byte-order mark: "
            "every other byte is NUL); save it as UTF-8"
        )
    return None


def decode_text(path: str, data: bytes) -> str:
    """UTF-8 bytes -> text with ``\\n`` line ends; a BOM is accepted.

    Raises:
        InputError: the bytes are UTF-16 (with or without a byte-order mark)
            or not UTF-8; the message names the line of the first bad byte.
    """
    utf16 = utf16_problem(data)
    if utf16 is not None:
        raise InputError(path, utf16)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            path,
            f"not valid UTF-8: byte 0x{data[exc.start]:02X} at column {column} "
            "cannot be decoded (save the file as UTF-8)",
            line=line,
        ) from None
    # NUL is the marker sentinel below; a text file never needs it.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


# --------------------------------------------------------------------------
# Blocks of the <sup> style
# --------------------------------------------------------------------------

_NOTE_START = re.compile(r"[ \t]{0,3}<sup>\s*(\d+|[*†‡§¶]+)\s*</sup>[ \t]*")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_RULE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_BULLET = re.compile(r"[ \t]{0,3}[-+*][ \t]+")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_PULL_QUOTE = re.compile(r"\*\s*[\"“'‘].*[\"”'’]\s*\*", re.DOTALL)
_CLOSERS = "\"”’'*_)]> \t\n"


@dataclass(slots=True)
class _Block:
    kind: str  # "text", "heading", "rule", "note", "pull"
    line: int
    lines: list[str]
    label: str = ""


@dataclass(slots=True)
class _Note:
    label: str
    line: int
    parts: list[list[str]] = field(default_factory=list)


def _blocks(text: str) -> list[_Block]:
    """Split into paragraphs; headings, rules and note starts stand alone."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for index, raw in enumerate(text.split("\n")):
        line = raw.rstrip()
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()  # a Markdown hard line break
        number = index + 1
        if not line.strip():
            current = None
            continue
        if _RULE.fullmatch(line):
            blocks.append(_Block("rule", number, [line]))
            current = None
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            blocks.append(_Block("heading", number, [heading.group(1) or ""]))
            current = None
            continue
        note = _NOTE_START.match(line)
        if note:
            current = _Block("note", number, [line[note.end() :]], note.group(1))
            blocks.append(current)
            continue
        quote = _QUOTE.match(line)
        if quote:
            line = line[quote.end() :]  # a block quote goes on as one paragraph
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :]
            current = None  # each list item is a paragraph of its own
        if current is None:
            current = _Block("text", number, [line])
            blocks.append(current)
        else:
            current.lines.append(line)
    for block in blocks:
        if block.kind == "text" and len(block.lines) == 1:
            only = block.lines[0].strip()
            if _PULL_QUOTE.fullmatch(only) and "<sup>" not in only:
                block.kind = "pull"
    return blocks


def _unfinished(note: _Note) -> bool:
    """Does the note stop mid-sentence (so that a page break cut it)?"""
    last = note.parts[-1][-1].rstrip(_CLOSERS)
    if not last:
        return False
    tail = last.rsplit(None, 1)[-1]
    if tail.startswith(("http://", "https://", "<http")):
        return False
    return last[-1] in ",;:(–—-" or last[-1].islower()


def _assign(blocks: list[_Block]) -> tuple[list[_Block], list[_Note]]:
    """Sort blocks into body paragraphs and notes, stitching split notes."""
    body: list[_Block] = []
    notes: list[_Note] = []
    previous = ""  # kind of the last block that was not a pull quote
    after_notes_rule = False  # inside the notes area that a rule opened
    area_has_note = False
    i = 0
    count = len(blocks)
    while i < count:
        block = blocks[i]
        kind = block.kind
        if kind == "pull":
            i += 1
            continue
        if kind == "rule":
            # A rule under a heading (or opening the file) separates
            # sections; any other rule opens a page's notes.
            after_notes_rule = previous not in ("", "heading")
            area_has_note = False
        elif kind == "note":
            notes.append(_Note(block.label, block.line, [block.lines]))
            area_has_note = True
        elif kind == "text" and after_notes_rule and not area_has_note and notes:
            run_end = i
            while run_end < count and blocks[run_end].kind == "text":
                run_end += 1
            if run_end < count and blocks[run_end].kind == "note":
                taken = run_end - i
            else:
                taken = 1 if _unfinished(notes[-1]) else 0
            for block_index in range(i, i + taken):
                notes[-1].parts.append(blocks[block_index].lines)
            area_has_note = True
            if taken:
                previous = "note"
                i += taken
                continue
            body.append(block)
            after_notes_rule = False
        else:
            body.append(block)
            after_notes_rule = False
        previous = kind
        i += 1
    return body, notes


# --------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------


def _note(path: str, note: _Note) -> NoteText:
    """One note, its pieces (cut by page breaks) read as one, with its italics.

    Markup may run over the cut (``*War; Peace;`` on one page, ``and the
    Border*`` on the next), so the pieces are read together.
    """
    raw = "\n".join("\n".join(part) for part in note.parts)
    text, marked = styled(" ".join(inline_text(raw, italics=True)[0].split()))
    return NoteText(note.label, text, Location(path, note.line), raw, marked)


def read(path: str, data: bytes) -> Manuscript:
    """Read a plain-text manuscript in the ``<sup>n</sup>`` style."""
    return read_text(path, decode_text(path, data))


def read_text(path: str, text: str, *, format: str = "plaintext") -> Manuscript:
    """Read already decoded text in the ``<sup>n</sup>`` style.

    Text with ``[n]`` markers and a numbered "Notes" list at the end is read
    as if written in that style (``_text_endnotes``).
    """
    text = rewrite_endnotes(text) or text
    body_blocks, raw_notes = _assign(_blocks(text))
    pieces: list[str] = []
    markers: list[NoteMarker] = []
    line_starts: list[tuple[int, int]] = []
    verbatim: list[tuple[int, int]] = []
    offset = 0
    title: str | None = None
    for block in body_blocks:
        source = "\n".join(block.lines)
        code: list[tuple[int, int]] = []
        plain, found, starts = inline_lines(source, sup_markers=True, code_spans=code)
        if block.kind == "heading" and title is None and plain.strip():
            title = " ".join(plain.split())
        if pieces:
            offset += 2
        # Each block line is one source line, so line k of the block is
        # block.line + k; the blocks are in source order.
        if plain:
            add_line_start(line_starts, offset, block.line)
            for start, lines in starts:
                add_line_start(line_starts, offset + start, block.line + lines)
        for marker in found:
            line = block.line + source.count("\n", 0, marker.source)
            markers.append(
                NoteMarker(
                    marker.label,
                    offset + marker.offset,
                    Location(path, line),
                )
            )
        verbatim.extend((offset + a, offset + b) for a, b in code)
        pieces.append(plain)
        offset += len(plain)
    notes = tuple(_note(path, note) for note in raw_notes)
    return Manuscript(
        path=path,
        format=format,
        body="\n\n".join(pieces),
        markers=tuple(markers),
        notes=notes,
        title=title,
        line_starts=tuple(line_starts),
        verbatim=tuple(verbatim),
    )
