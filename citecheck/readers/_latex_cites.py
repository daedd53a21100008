"""biblatex footnote citations in the LaTeX parser: ``\\footcite`` and kin make notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import Location, MissingCiteKey, NoteText
from citecheck.readers._latex_commands import _SENTINEL
from citecheck.readers._text import styled

if TYPE_CHECKING:
    from citecheck.readers._latex_parser import _Parser

__all__ = ["footcite"]


def footcite(parser: _Parser, word: str, start: int, sink: list[str]) -> None:
    """``\\footcite[pre][post]{keys}`` and kin: a footnote holding the citation.

    Inside a note there is no footnote to make: biblatex prints the
    citation in parentheses in the note's text, as ``\\parencite`` would.
    """
    cites = cite_arguments(parser, multi=word.endswith("s"))
    missing: list[str] = []
    text = "; ".join(cite_text(parser, pre, post, keys, missing) for pre, post, keys in cites)
    line = parser.line_of(start)
    if parser.note_depth > 0:
        sink.append(f"({text})")
        _record_missing(parser, missing, line, None)
        return
    if word != "footcitetext":
        parser.counter += 1
    label = str(parser.counter)
    _record_missing(parser, missing, line, label)
    if word != "footcitetext":
        sink.append(_SENTINEL)
        parser.markers.append((label, line, parser.path))
    raw = parser.src[start : parser.pos]
    # biblatex closes the note with a period unless it ends with one already.
    text = text if text.endswith((".", "?", "!")) else text + "."
    # The entries are rendered without italics (the .bib holds none).
    plain, marked = styled(text)
    parser.notes.append(NoteText(label, plain, Location(parser.path, line), raw, marked))


def _record_missing(parser: _Parser, keys: list[str], line: int, label: str | None) -> None:
    where = Location(parser.path, line)
    for key in keys:
        parser.missing_keys.append(MissingCiteKey(key, where, label, parser.bib_searched))


def cite_arguments(parser: _Parser, *, multi: bool) -> list[tuple[str | None, str | None, str]]:
    """(prenote, postnote, keys) of each citation; ``\\...cites`` take several."""
    if multi:
        for _ in range(2):  # (multiprenote)(multipostnote)
            parser.skip_spaces()
            if parser.pos < parser.end and parser.src[parser.pos] == "(":
                close = parser.src.find(")", parser.pos)
                parser.pos = parser.end if close < 0 else close + 1
    cites: list[tuple[str | None, str | None, str]] = []
    while True:
        first, second = parser.optional(), parser.optional()
        pre, post = (first, second) if second is not None else (None, first)
        cites.append((pre, post, parser.raw_group().strip()))
        save = parser.pos
        parser.skip_spaces()
        more = parser.pos < parser.end and parser.src[parser.pos] in "[{"
        parser.pos = save
        if not multi or not more:
            return cites


def cite_text(
    parser: _Parser, pre: str | None, post: str | None, keys: str, missing: list[str]
) -> str:
    """The entries of ``keys`` (from the .bib, or the keys themselves), with the notes.

    The postnote (a pinpoint) follows the last work, before its URL and DOI.
    A key the .bib lacks (or every key, without a .bib) goes to ``missing``.
    """
    if parser.bib is None:
        parser.bib = parser.read_bib()
    bib = parser.bib
    named = [key.strip() for key in keys.split(",") if key.strip()]
    missing.extend(key for key in named if key not in bib)
    works = [bib.get(key, (key, "")) for key in named]
    works = [work for work in works if work[0]]
    if not works:
        return ""
    pieces = [", ".join(p for p in work if p) for work in works[:-1]]
    last, links = works[-1]
    if post and post.strip():
        last = f"{last}, {note_words(parser, post)}"
    pieces.append(", ".join(p for p in (last, links) if p))
    text = "; ".join(pieces)
    if pre and pre.strip():
        text = f"{note_words(parser, pre)} {text}"
    return text


def note_words(parser: _Parser, note: str) -> str:
    """A pre- or postnote as plain text on one line ("p.~12--14" -> "p. 12–14")."""
    words = type(parser)("note", note, includes=False)
    sink: list[str] = []
    words.parse(sink)
    return " ".join("".join(sink).split())
