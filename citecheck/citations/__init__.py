"""Citations stage: footnotes -> the works they cite.

One public verb, ``parse_citations``, runs the stage over one manuscript's
notes: ``split`` cuts each note into pieces (``signals`` reads the signal or
prose lead-in opening each), ``fields`` reads each piece into fields or drops
it as prose (its steps in ``short_forms``, ``urls``, ``presentations``,
``correspondence``, ``bluebook``, ``front``, ``tail``, ``series``, ``assign`` and ``finish``, with
``dates``, ``names`` and, for cases, statutes and treaties, ``legal``;
``editions`` reads an edition back), and
``resolve`` ties short forms to their antecedents and groups citations of
the same work. docs/citations.md says what is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from citecheck.citations.crf.combine import read_piece
from citecheck.citations.editions import EDITION_TYPES, read_edition
from citecheck.citations.fields import Parsed, parse_piece
from citecheck.citations.genre import as_thesis, read_dataset, read_editors, read_thesis
from citecheck.citations.hereinafter import (
    defined_name,
    named_short_form,
    names_in,
    without_definition,
)
from citecheck.citations.identifiers import read_identifier
from citecheck.citations.legal import read_parallel
from citecheck.citations.names import parse_authors
from citecheck.citations.reference_list import ReferenceIndex, expanded
from citecheck.citations.resolve import Hint, resolve_citations
from citecheck.citations.signals import prose_signal
from citecheck.citations.split import Cleaned, Piece, clean_note, split_cleaned
from citecheck.model import Citation, CitationType, Footnote, Location, Person, ShortForm

__all__ = ["parse_citations"]


_BRACKETED_URL_RE = re.compile(r"<((?:https?://|www\.)[^\s<>]+)>")


def _comparable(text: str) -> str:
    return " ".join(_BRACKETED_URL_RE.sub(r"\1", text).split())


def _source(note: Footnote) -> Cleaned:
    """The note as the parser reads it: plain text, with the italics the format printed.

    Italics tell a book title from its author and a journal from an article
    title, so they are worth having. Every reader gives them the same way,
    as the note's ``styled`` text (``<i>...</i>``); a note made without a
    reader may still carry them in its raw markup (``*Title*``, ``<i>``).
    Either is used only when, once cleaned, it says exactly what the note's
    plain text says.
    """
    if note.styled:
        cleaned = clean_note(note.styled)
        if _comparable(cleaned.text) == _comparable(note.text):
            return cleaned
    elif note.raw and note.raw != note.text and any(m in note.raw for m in ("*", "<i>", "<em>")):
        cleaned = clean_note(note.raw)
        if cleaned.italics and _comparable(cleaned.text) == _comparable(note.text):
            return cleaned
    return clean_note(note.text)


_SAME_AUTHOR_RE = re.compile(r"^(?:(?:ders|dies|Ders|Dies)\.\s*,?|(?:his|her)(?=\s+[A-Z‘“'\"]))\s*")
# French and Italian "Id., Titre" / "ed Ead., Titolo" (Idem, Eadem): the same
# author, when a title follows; "Id. at 5" and "Id., p. 5" stay short forms.
_IDEM_RE = re.compile(
    r"^(?:(?:et|ed|e|and)\s+)?(?:Id|Ead|Idem|Eadem)\.?,\s+"
    r"(?=[«“\"‘]|(?!(?:Art|Abs|Rn|Fn|No|Nr|Bd|S|p|pp|at|para|paras)\b)[A-ZÀ-Ý][a-zà-ÿ])"
)


def _same_author(piece: Piece, citations: list[Citation]) -> Piece:
    """German "ders., Title, 1990", "see also his Title" and French and Italian
    "Id., Title": the author just named."""
    m = _SAME_AUTHOR_RE.match(piece.text) or _IDEM_RE.match(piece.text)
    if m is None:
        return piece
    for previous in reversed(citations):
        if previous.authors:
            family = previous.authors[0].family
            return replace(piece, text=f"{family}, {piece.text[m.end() :]}", italics=())
    return piece


def _parse_safely(piece: Piece) -> Parsed | None:
    try:
        # Patents, preprints and theses, whoever read the piece (rules, CRF, a pattern).
        return read_identifier(piece.text, as_thesis(piece.text, read_piece(piece, parse_piece)))
    except Exception as exc:  # a parser bug must cost one citation, not the run
        return Parsed(problem=f"could not parse this citation ({type(exc).__name__})")


def _from_parsed(note: Footnote, piece: Piece, parsed: Parsed, index: int) -> Citation:
    authors = parsed.authors
    title = parsed.title
    if parsed.short_who and parsed.short_form is not None and parsed.type is CitationType.OTHER:
        # "Smith, Short Title, supra note 3": keep who and what it names.
        who, _, rest = parsed.short_who.partition(",")
        found = parse_authors(who)
        if found:
            authors = found[0]
            title = rest.strip() or None
        else:
            title = parsed.short_who
    signal = piece.signal
    if signal is None and title and piece.text.startswith(title):
        prose = prose_signal(title)
        if prose is not None:
            signal, title = prose
    genre, publisher, editors = _genre(piece.text, parsed)
    return Citation(
        note=note.label,
        index=index,
        raw=piece.raw,
        location=note.location,
        type=parsed.type,
        signal=signal,
        authors=authors,
        et_al=parsed.et_al,
        title=title,
        container=parsed.container,
        volume=parsed.volume,
        issue=parsed.issue,
        pages=parsed.pages,
        pinpoint=parsed.pinpoint,
        date=parsed.date,
        publisher=publisher,
        place=parsed.place,
        series=parsed.series,
        number=parsed.number,
        urls=parsed.urls,
        doi=parsed.doi,
        accessed=parsed.accessed,
        short_form=parsed.short_form,
        problem=parsed.problem,
        edition=read_edition(piece.text)
        if parsed.short_form is None and parsed.type in EDITION_TYPES
        else None,
        genre=genre,
        editors=editors,
        parallel=read_parallel(piece.text, parsed.volume, parsed.container, parsed.pages)
        if parsed.type is CitationType.CASE and parsed.short_form is None and ", " in piece.text
        else None,
    )


def _genre(text: str, parsed: Parsed) -> tuple[str | None, str | None, tuple[Person, ...]]:
    """The genre, publisher and book editors ``genre`` reads from a full citation."""
    if parsed.short_form is not None or parsed.type in _NO_GENRE:
        return None, parsed.publisher, ()
    editors = read_editors(text) if parsed.type is CitationType.CHAPTER else ()
    thesis = read_thesis(text)
    if thesis is not None:
        # The university stands as the thesis's publisher (Chicago 14.213).
        return thesis[0], parsed.publisher or thesis[1], editors
    if read_dataset(text):
        return "dataset", parsed.publisher, editors
    return None, parsed.publisher, editors


_NO_GENRE = {CitationType.CASE, CitationType.STATUTE, CitationType.PRESENTATION}


def _more_links(parsed: Parsed) -> bool:
    """A piece that only gives more URLs ("mirror at <url>", "and <url>")."""
    if not parsed.urls or parsed.short_form is not None:
        return False
    if parsed.authors or parsed.container or parsed.date or parsed.doi:
        return False
    title = parsed.title or ""
    return not title or (title[:1].islower() and len(title.split()) <= 3)


# A year in a parenthesised group ("(PhD diss., ..., 2015)", "(New York: Norton, 2015)").
_CITED_SHAPE_RE = re.compile(r"\([^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*\)")


def _looks_cited(text: str) -> bool:
    """A note with a quoted title or a "(..., 2015)" group cites something."""
    return bool(_CITED_SHAPE_RE.search(text)) and any(q in text for q in '"“”«')


def parse_citations(
    footnotes: Sequence[Footnote],
    *,
    start_index: int = 0,
    start_work: int = 0,
    references: Sequence[str] = (),
) -> tuple[Citation, ...]:
    """The works cited by one manuscript's footnotes, in note order.

    ``index`` of each citation is ``start_index`` plus its position in the
    result, and work ids count on from ``start_work``, so several
    manuscripts' citations can share one numbering (two manuscripts' works
    never share an id); short forms resolve only within this call. Prose notes give nothing;
    text that cannot be read gives a citation of type ``other`` with
    ``problem`` set. Never raises on note text. ``references``: the entries of
    the manuscript's own reference list, which author-date notes may name
    (``reference_list``).
    """
    citations: list[Citation] = []
    hints: list[Hint] = []
    # A piece's reading depends on the piece alone, so one written the same
    # way twice ("Ibid.", "Id. at 5.", a statute cited again) is read once.
    read: dict[Piece, Parsed | None] = {}
    # "[hereinafter QHSR]" names, known before any piece is read: "QHSR at 12" alone
    # reads as nothing unless QHSR is a name (used too early, the resolver says so).
    names = names_in([note.text for note in footnotes])
    for note in footnotes:
        first_in_note = len(citations)
        for piece in split_cleaned(_source(note)):
            piece = _same_author(piece, citations)
            defines = defined_name(piece.text) if names else None
            parsed = named_short_form(piece.text, names) if names else None
            if parsed is not None:
                pass
            elif piece in read:
                parsed = read[piece]
            else:
                # The name is no field of the work: the parser reads the rest.
                plain = replace(piece, text=without_definition(piece.text)) if defines else piece
                parsed = read[piece] = _parse_safely(plain)
            if parsed is None:
                continue
            if len(citations) > first_in_note and _more_links(parsed):
                # "...; mirror at <url>": another address for the work before.
                previous = citations[-1]
                urls = tuple(dict.fromkeys((*previous.urls, *parsed.urls)))
                citations[-1] = replace(previous, urls=urls)
                continue
            index = start_index + len(citations)
            citation = _from_parsed(note, piece, parsed, index)
            if parsed.short_form is not None and parsed.short_who in names:
                # "QHSR, supra note 3": a name, not an author.
                citation = replace(citation, authors=(), title=parsed.short_who)
            citations.append(citation)
            full = parsed.short_form is None
            hints.append(Hint(parsed.supra_note, parsed.short_who, defines if full else None))
        if len(citations) == first_in_note and _looks_cited(note.text):
            # Nothing read, yet the note has a citation's shape: say so, never drop it.
            index = start_index + len(citations)
            unread = Parsed(problem="could not read this note as a citation")
            whole = Piece(text=note.text, raw=note.text, signal=None)
            citations.append(_from_parsed(note, whole, unread, index))
            hints.append(Hint())
    resolved = resolve_citations(citations, hints, first_work=start_work)
    if references and any(_author_date_unresolved(c) for c in resolved):
        listed = ReferenceIndex([_entry(text) for text in references])
        more = expanded(citations, resolved, lambda at: hints[at].who, listed)
        if more is not None:
            pairs = zip(more, citations, hints, strict=True)
            hints = [Hint() if new is not old else h for new, old, h in pairs]
            resolved = resolve_citations(more, hints, first_work=start_work)
    return _case_names(resolved)


def _author_date_unresolved(c: Citation) -> bool:
    return c.short_form is ShortForm.SHORT_TITLE and c.antecedent is None and c.date is not None


def _entry(text: str) -> Citation:
    """One reference-list entry read as a full citation (of no note)."""
    piece = Piece(text=text, raw=text, signal=None)
    parsed = _parse_safely(piece)
    if parsed is None or parsed.short_form is not None:
        parsed = Parsed()
    where = Footnote(label="", text=text, claim="", location=Location("", 0))
    return _from_parsed(where, piece, parsed, -1)


def _case_names(citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """ "Miller (n 5)": a short form of a case names the case, not an author."""
    by_index = {c.index: c for c in citations}
    out = []
    for c in citations:
        target = by_index.get(c.antecedent) if c.antecedent is not None else None
        if (
            target is not None
            and target.type is CitationType.CASE
            and c.authors
            and not c.title
            and not target.authors
        ):
            c = replace(c, title=" ".join(p.family for p in c.authors), authors=())
        out.append(c)
    return tuple(out)
