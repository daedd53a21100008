"""Where things are, and what the readers make of a file: ``Location``, the notes and
markers of a ``Manuscript``, and the ``Footnote`` pairing them (re-exported by
``citecheck.model``)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "IN_TEXT",
    "Footnote",
    "Location",
    "Manuscript",
    "MissingCiteKey",
    "NoteMarker",
    "NoteText",
]


# --------------------------------------------------------------------------
# Where things are
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a manuscript, 1-based as editors and SARIF count.

    ``page`` is set for page-laid-out formats (PDF), where ``line`` is the
    line on that page: ``essay.pdf:p3:12``.
    """

    path: str
    line: int
    column: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        where = self.path if self.page is None else f"{self.path}:p{self.page}"
        if self.column is None:
            return f"{where}:{self.line}"
        return f"{where}:{self.line}:{self.column}"

    @property
    def order(self) -> tuple[int, int, int]:
        """(page, line, column) for sorting places in reading order."""
        return (self.page or 0, self.line, self.column or 0)

    @property
    def line_text(self) -> str:
        """ "line 12", or "page 3, line 12" in a paged format."""
        if self.page is None:
            return f"line {self.line}"
        return f"page {self.page}, line {self.line}"


# --------------------------------------------------------------------------
# Reading: one Manuscript per file, whatever its format
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteMarker:
    """A note reference in the body text (``<sup>3</sup>``, ``[^3]``, ...).

    ``offset`` is the character offset of the marker in ``Manuscript.body``,
    so the footnotes stage can find the sentence (the claim) it sits in.
    """

    label: str
    offset: int
    location: Location


# The label prefix of an in-text citation: a work cited in the running text
# (LaTeX's \citep{key}, \cite{key}), not in a note, read as a note labelled
# "@key" (Pandoc's citation syntax) so that every later stage checks its work.
IN_TEXT = "@"


@dataclass(frozen=True, slots=True)
class NoteText:
    """One note as the format delimits it, already stitched together.

    Readers join notes that a page break split in two, so ``text`` is the
    whole note in plain text (markup removed, URLs kept); ``raw`` is the
    source as written, for reports that quote it. ``styled`` is ``text``
    with the runs the format prints in italics marked ``<i>...</i>``, the
    same way whatever the format (a literal ``*`` or ``\\`` of the text is
    written ``\\*``, ``\\\\``): the citation parser tells titles by it. Every
    reader sets it; "" means a note made without a reader.
    """

    label: str
    text: str
    location: Location
    raw: str = ""
    styled: str = ""


@dataclass(frozen=True, slots=True)
class MissingCiteKey:
    """A citation key that no bibliography file of the document holds (LaTeX, biblatex).

    biber warns about it and the printed note shows the bare key. ``searched``
    are the .bib files looked in; () when the document names none that exists.
    """

    key: str
    location: Location
    note: str | None = None
    searched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Manuscript:
    """A manuscript reduced to what every later stage needs.

    ``body`` is the running text with note markers removed; ``markers``
    point into it by offset. ``notes`` are in document order. ``format`` is
    the reader's name ("plaintext", "markdown", "html", "docx", "latex", "pdf").
    """

    path: str
    format: str
    body: str
    markers: tuple[NoteMarker, ...]
    notes: tuple[NoteText, ...]
    title: str | None = None
    # (body offset, source line) pairs in offset order: the body text from
    # each offset on was read from that 1-based line. Lets later stages put
    # a finding about any sentence on its exact line; () when the reader does
    # not record it (checks then fall back to the nearest marker's line).
    line_starts: tuple[tuple[int, int], ...] = ()
    # (body offset, page) pairs in offset order for paged formats (PDF), where
    # the lines of ``line_starts`` are lines on these pages; () otherwise.
    page_starts: tuple[tuple[int, int], ...] = ()
    # (start, end) body offsets of text kept verbatim (code blocks), in order:
    # not prose, so the checks read no figures there.
    verbatim: tuple[tuple[int, int], ...] = ()
    # Footnote citations whose key the bibliography lacks (the LaTeX reader's; () elsewhere).
    missing_keys: tuple[MissingCiteKey, ...] = ()
    # (address, body offset after the linked words) of the body's links whose address the
    # text does not show (an HTML <a href>); links written out in the text are found there.
    body_links: tuple[tuple[str, int], ...] = ()


# --------------------------------------------------------------------------
# Footnotes: markers paired with notes
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note paired with its marker, with the claim it supports.

    ``claim`` is the body sentence the marker sits in ("" when the note was
    never referenced). ``marker`` is None for a note with no marker.
    ``raw`` and ``styled`` are the note's (see ``NoteText``).
    """

    label: str
    text: str
    claim: str
    location: Location
    marker: Location | None = None
    raw: str = ""
    styled: str = ""
