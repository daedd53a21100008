"""Reader for LaTeX manuscripts: ``\\footnote`` and friends -> Manuscript.

Only the text after ``\\begin{document}`` (when there is one) is the body;
``\\title{...}`` in the preamble becomes the title. Notes follow LaTeX's own
numbering: ``\\footnote{...}`` and ``\\footnotemark`` step the footnote
counter, ``\\footnote[7]{...}``/``\\footnotemark[7]`` use the number given
without stepping it, ``\\footnotetext{...}`` belongs to the last
``\\footnotemark``, and ``\\setcounter{footnote}{n}`` is obeyed. biblatex's
footnote citations (``\\footcite`` and kin) are notes too, their text the
entries of the .bib beside the file (``_latex_bib``), and ``\\input`` and
``\\include`` are followed within the main file's folder.

Markup becomes plain text the way LaTeX would print it: formatting commands
are unwrapped, ``\\url{u}`` keeps the URL, ``\\href{u}{text}`` becomes
``text (u)``, ``%`` comments (not ``\\%``) are dropped, ``--``/``---`` are
en and em dashes, ````` ``quotes'' ````` curly quotes, ``~`` a space, and
accents and symbol commands their characters. A single ``'`` stays as it
is (an apostrophe). Unknown commands are dropped and their braced
arguments kept as text.

``line_starts`` has a pair for every source line that gives body text; the
text of a command's argument that runs over lines (``\\href{u}{...}``) counts
from the line where the command starts.

This module assembles the manuscript; the command tables live in
``_latex_commands``, the one-pass parser in ``_latex_parser``.
"""

from __future__ import annotations

import itertools
import re

from citecheck.model import Location, Manuscript, NoteMarker
from citecheck.readers._latex_bib import autocite_is_footnote, bib_entries, bib_files
from citecheck.readers._latex_commands import _PARAGRAPH, _SENTINEL, _WORD_CHAR
from citecheck.readers._latex_parser import _Parser
from citecheck.readers._text import add_line_start
from citecheck.readers.plaintext import decode_text

__all__ = ["read"]


def _title(preamble: str, parser: _Parser) -> str | None:
    """The ``\\title{...}`` of the preamble, as plain text."""
    found = re.search(r"\\title\s*(?=\{)", preamble)
    if found is None:
        return None
    parser.pos = found.end()
    sink: list[str] = []
    parser.group(sink)
    title = " ".join("".join(sink).split())
    return title or None


def read(path: str, data: bytes) -> Manuscript:
    """Read a LaTeX manuscript."""
    source = decode_text(path, data)
    parser = _Parser(path, source)
    begin = re.search(r"\\begin\s*\{document\}", source)
    title = None
    if begin is not None:
        title = _title(source[: begin.start()], parser)
        parser.pos = begin.end()
        parser.autocite_footnotes = autocite_is_footnote(source[: begin.start()])

    def read_bib() -> dict[str, tuple[str, str]]:
        parser.bib_searched = tuple(bib_files(source, path))  # named in a missing key's finding
        return bib_entries(source, path, parser.bib_short)

    parser.read_bib = read_bib
    parser.counter = 0
    parser.notes.clear()
    parser.markers.clear()
    sink: list[str] = []
    parser.body = sink
    parser.parse(sink)
    # Sink indexes -> offsets in the joined text.
    sizes = [0, *itertools.accumulate(map(len, sink))]
    starts = [(sizes[index], line) for index, line in parser.line_starts]
    body, offsets, line_starts = _body("".join(sink), starts)
    markers = tuple(
        NoteMarker(label, offset, Location(file, line))
        for (label, line, file), offset in zip(parser.markers, offsets, strict=True)
    )
    return Manuscript(
        path=path,
        format="latex",
        body=body,
        markers=markers,
        notes=tuple(parser.notes),
        title=title,
        line_starts=line_starts,
        verbatim=_verbatim_spans(body, line_starts, parser.verbatim_lines),
        missing_keys=tuple(parser.missing_keys),
    )


def _verbatim_spans(
    body: str, line_starts: tuple[tuple[int, int], ...], blocks: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Body offsets of the verbatim blocks, from their first and last source lines.

    Each of a block's lines with text starts a line of the body (line ends
    are kept), so a block runs from its first line's start to the end of its
    last line. A block whose lines cannot be found is left out (read as prose).
    """
    offsets: dict[int, list[int]] = {}
    for offset, line in line_starts:
        offsets.setdefault(line, []).append(offset)
    spans: list[tuple[int, int]] = []
    for first, last in blocks:
        # Prose may share the block's first line before it, or its last line after it.
        start = max(offsets.get(first, ()), default=None)
        if start is None:
            continue
        last_start = min((o for o in offsets.get(last, ()) if o >= start), default=None)
        if last_start is None:
            continue
        end = body.find("\n", last_start)
        spans.append((start, len(body) if end < 0 else end))
    return tuple(spans)


def _body(
    text: str, starts: list[tuple[int, int]]
) -> tuple[str, list[int], tuple[tuple[int, int], ...]]:
    """Collapse whitespace paragraph by paragraph; lift marker sentinels.

    ``starts`` ((offset in ``text``, line) pairs, in order) move to the
    body; a start in blanks moves to the next word.
    """
    joined = _collapse(text)
    # The collapse of a stretch from one word character to another is the
    # body between them (its blanks lie wholly inside), so each start's
    # offset follows from the previous one's by collapsing only the stretch
    # between: linear in all, with the work done by str.split and join.
    moved: list[tuple[int, int]] = []
    word = -1  # where the last start's word character is in ``text``
    offset = -1
    end = len(text)
    for at, line in starts:
        if at > word:
            if at < end and not text[at].isspace():
                next_word = at
            else:
                found = _WORD_CHAR.search(text, at)
                if found is None:
                    break
                next_word = found.start()
            stretch = text[max(word, 0) : next_word + 1]
            size = len(_collapse(stretch) if "\n" in stretch else " ".join(stretch.split()))
            offset = size - 1 if word < 0 else offset + size - 1
            word = next_word
        if moved and moved[-1][0] == offset:
            moved[-1] = (offset, line)
        else:
            moved.append((offset, line))
    pieces = joined.split(_SENTINEL)
    offsets: list[int] = []
    offset = 0
    for piece in pieces[:-1]:
        offset += len(piece)
        offsets.append(offset)
    # Sentinels vanish: a start moves back by those before it (in the
    # joined text, sentinel k sits at offsets[k] + k).
    line_starts: list[tuple[int, int]] = []
    lifted = 0
    for at, line in moved:
        while lifted < len(offsets) and offsets[lifted] + lifted < at:
            lifted += 1
        add_line_start(line_starts, at - lifted, line)
    return "".join(pieces), offsets, tuple(line_starts)


def _collapse(text: str) -> str:
    """Blanks -> one space, line ends kept, empty lines -> one paragraph break."""
    paragraphs = []
    for paragraph in _PARAGRAPH.split(text):
        lines = (" ".join(line.split()) for line in paragraph.split("\n"))
        cleaned = "\n".join(line for line in lines if line)
        if cleaned:
            paragraphs.append(cleaned)
    return "\n\n".join(paragraphs)
