"""One piece of a note -> the fields of the work it cites (or None for prose).

The parser works from the outside in. It first takes what is certain
wherever it sits: URLs, DOIs, access dates, a legal citation (eyecite), a
Bluebook "vol Container page, pin (year)" group. Then it finds the title:
quoted ("“Title,”") or italic when the markup said so, and the authors in
front of it. Without markup it reads the comma-separated elements: authors
first, then text elements (title, then container), then the "meta" elements
(dates, vol./no., pages, "(Place: Publisher, Year)", "Paper No. 153").

Everything found is blanked out of a working copy of the text (replaced by
spaces of the same length) so offsets, and the italic spans that point into
the text, stay valid while later steps run.

A piece with no sign of being a citation (no URL, title, authors-and-date,
volume...) is prose and gives None. Short forms (Id., Ibid., supra, op.
cit.) are recognised here and resolved later by ``resolve``.

This module holds the order of the steps; each step lives in the module
named for its job: ``draft`` (the working state and the ``Parsed`` result),
``short_forms``, ``urls`` (URLs, DOIs, access dates), ``presentations``,
``bluebook`` (law-review cites and reports), ``front`` (marked titles and
authors), ``tail`` (the elements after the title) with ``series`` (series
and report numbers), ``assign`` (title, container or publisher) and
``finish`` (the kind of work, and the frozen result).
"""

from __future__ import annotations

import re

from citecheck.citations.assign import apa_sentences, assign_texts, title_year
from citecheck.citations.bluebook import take_bluebook, take_bluebook_report
from citecheck.citations.correspondence import take_correspondence
from citecheck.citations.dates import DateMatch, find_dates
from citecheck.citations.draft import Draft, Parsed, tidy
from citecheck.citations.finish import NEWSPAPER_RE, PUBLISHER_RE, REPORT_TITLE_RE, finish
from citecheck.citations.front import EDITOR_RE, marked_titles, take_authors, title_position
from citecheck.citations.identifiers import take_identifier
from citecheck.citations.legal import find_legal
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.citations.presentations import take_presentation
from citecheck.citations.short_forms import read_short_form, short_title_shape
from citecheck.citations.split import Piece
from citecheck.citations.standards import take_standard
from citecheck.citations.tail import read_tail
from citecheck.citations.urls import take_accessed, take_urls
from citecheck.model import CitationType, Person, ShortForm

__all__ = ["Parsed", "parse_piece"]


_GENRE_LEAD_RE = re.compile(r"\s*(?:(?:Press|News|Media)\s+Release|Fact\s+Sheet),\s+(?=[A-Z])")
_PERSONAL_RE = re.compile(
    r"(?i)^\s*(?:(?:telephone|phone|e-?mail|personal|skype|zoom)\s+)?(?:interview|communication"
    r"|conversation|correspondence|e-?mail|letter|message)\b"
)
_PAGE_OF_RE = re.compile(
    r"^(?:at\s+)?(?:page|pages|p\.|pp\.|chapter|ch\.|section|sec\.|§|para(?:graph)?\.?)\s*"
    r"(?P<pin>[\w–-]+)\s+(?:of|in)\s+(?:(?-i:the)\s+)?",  # a capital "The" opens the title
    re.IGNORECASE,
)
_AT_PAGE_RE = re.compile(
    r"^(?P<t>(?:The\s+)?(?:(?:1[5-9]|20)\d\d\s+)?[A-Z][\w’'-]*(?:\s+(?:of|on|for|and|the|in|to"
    r"|[A-Z][\w’'-]*)){1,14})\s+\(at\s+(?:pp?\.\s*|page\s+)?(?P<pin>[\w–-]+)\)"
)


def _pick_date(d: Draft, after: int) -> DateMatch | None:
    """The publication date: the last, most precise date after ``after``."""
    best: DateMatch | None = None
    rank = {"year": 0, "month": 1, "day": 2}
    for match in find_dates(d.text):
        if match.start < after:
            continue
        if best is None or rank[match.date.precision] >= rank[best.date.precision]:
            best = match
    return best


def parse_piece(piece: Piece) -> Parsed | None:
    """The fields of the work ``piece`` cites; None when it reads as prose.

    Meant never to raise on any text (a hypothesis test holds it to that);
    the stage still guards each call, so one bug costs one citation.
    """
    text = piece.text
    if not text.strip():
        return None
    short = read_short_form(text)
    if short is not None:
        return short
    d = Draft(text=text, italics=piece.italics)
    take_urls(d)
    take_accessed(d)
    take_identifier(d) or take_standard(d)
    if take_presentation(d) or ("from" in text and take_correspondence(d)):
        return finish(d)
    legal = find_legal(d.text)
    if legal is not None:
        if legal.short:
            return Parsed(
                type=CitationType.CASE,
                short_form=ShortForm.SHORT_TITLE,
                container=legal.container,
                volume=legal.volume,
                pinpoint=legal.pinpoint,
                short_who=legal.antecedent_guess,
                urls=tuple(d.urls),
            )
        if legal.type in (CitationType.CASE, CitationType.STATUTE):
            d.type = legal.type
            d.title = legal.title
            d.container, d.volume, d.pages = legal.container, legal.volume, legal.pages
            d.pinpoint, d.date, d.number = legal.pinpoint, legal.date, legal.number
            return finish(d)
        d.type = CitationType.ARTICLE
        d.container, d.volume, d.pages = legal.container, legal.volume, legal.pages
        d.pinpoint, d.date = legal.pinpoint, legal.date
        d.strong = True
        d.blank(legal.start, legal.end)
    elif take_bluebook_report(d):
        d.strong = True
        return finish(d)
    else:
        take_bluebook(d)
    genre = _GENRE_LEAD_RE.match(d.text)
    if genre:
        # Bluebook "Press Release, U.S. Dep’t of Homeland Sec., Title (date)":
        # the kind of document, then its issuer.
        d.blank(genre.start(), genre.end())
    m = _PAGE_OF_RE.match(d.text)
    if m:
        d.pinpoint = m.group("pin")
        d.blank(m.start(), m.end())
    else:
        m = _AT_PAGE_RE.match(d.text)
        if m:
            d.title = m.group("t")
            d.pinpoint = m.group("pin")
            d.type = CitationType.REPORT if REPORT_TITLE_RE.search(d.title) else None
            d.strong = True
            title_year(d)
            return finish(d)
    _fields(d, piece)
    _italic_book(d)
    if not d.strong and not _enough(d, piece):
        return None
    if d.title is None and d.container is None and not (d.urls or d.authors or d.doi):
        return None
    return finish(d)


_UP_RE = re.compile(r"(?:\bUP|U\.\s?P\.)$")


def _italic_book(d: Draft) -> None:
    """APA/MLA "Roe, A. (2001). *Title*. Publisher.": an italic title with an element
    after it that has no volume, issue or pages is a book, and a publisher-like
    element (or any, APA-style) is its publisher, not a journal."""
    if not d.title_marked or d.title_quoted or d.chapter or d.publisher or d.urls:
        return
    container = d.container
    if not container or d.volume or d.issue or d.pages or d.type is not None:
        return
    if NEWSPAPER_RE.search(container):
        return
    if PUBLISHER_RE.search(container) or _UP_RE.search(container.rstrip(". ")) or d.apa:
        d.publisher, d.container = container, None


def _enough(d: Draft, piece: Piece) -> bool:
    """Is this piece a citation, though nothing certain (URL, volume) was found?"""
    if d.title_marked and (d.authors or d.container or d.date or piece.signal or piece.leadin):
        return True
    if d.authors and d.title and (d.date or d.container or d.volume or d.pages or d.publisher):
        return len((d.title or "").split()) <= 40
    if (piece.signal or piece.leadin) and d.authors and (d.title or d.date):
        # "See also Reuters, November 5, 2010.": thin, but introduced as a source.
        return True
    return short_title_shape(d)


# A short run of capitalised words ("The Economist", "Stratfor Global"): a name.
_MASTHEAD_RE = re.compile(
    r"(?:The\s+)?[A-Z][\w’'&.-]+(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w’'&.-]+){0,4}"
)
# Bluebook books: "*Title* 95–97 (2d ed. 2002)". Pages right after the title,
# before the parenthesis that dates it (and no ": pages" after that), are the
# pages the note cites, a range included.
_BOOK_PIN_RE = re.compile(r"\s+(?P<p>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)(?=\s*\([^()]*\)\s*(?:[.,;]|$))")
_CHAPTER_MARKED_RE = re.compile(r"(?:^|[,.])\s*\b[Ii]n\s+(?=[A-Z“\"])")
_CHAPTER_PLAIN_RE = re.compile(r"[,.]\s*\b[Ii]n\s+(?=[A-Z“\"])")


def _fields(d: Draft, piece: Piece) -> None:
    marked = [t for t in marked_titles(d) if title_position(d.text, t[0])]
    found = None
    if marked:
        block = d.text[: marked[0][0]].strip(" ,.:")
        if block:
            found = parse_authors(EDITOR_RE.sub("", block), inverted=True)
            if found is None and "," in block and all(map(looks_corporate, block.split(","))):
                # "Mexico Institute, Wilson Center, “Title”": one body within another.
                found = ((Person(family=tidy(block) or block, corporate=True),), False)
            if found is None and _MASTHEAD_RE.fullmatch(block):
                # "The Economist, “Title,” The Economist, ...": a periodical
                # or body writing as itself.
                found = ((Person(family=block, corporate=True),), False)
            # A quotation inside prose is not a title: what comes before a
            # title is its authors, or a lead-in ending "in" / ":".
            if found is None and not re.search(r"(?i)(?:\bin|:)\s*$", d.text[: marked[0][0]]):
                marked = []
    if marked:
        a, b, title, kind = marked[0]
        d.title = title
        d.title_marked = True
        d.title_quoted = kind == "quote"
        if found:
            d.authors, d.et_al = found
        d.blank(a, b)
        # A second marked stretch after the title is the container.
        for a2, b2, text2, _k2 in marked[1:]:
            if d.container is None and a2 > a:
                if re.match(r"\s*(?:in\s+)", d.text[b:a2], re.I):
                    d.chapter = True
                d.container = text2
                d.blank(a2, b2)
                break
        tail_start = b
    else:
        tail_start = take_authors(d, len(d.text))
    date_from = tail_start
    if not marked:
        # Unmarked, the title is the first element: a year inside it
        # ("2014 Quadrennial ... Review") is not the publication date, but
        # a first element that is a date ("Reuters, November 5, 2010") is.
        first = len(d.text[tail_start:]) - len(d.text[tail_start:].lstrip(" ,.:"))
        rest = d.text[tail_start:]
        opening = [
            m
            for m in find_dates(rest[: first + 40])
            if m.start == first and re.match(r"\s*(?:[,(;.]|$)", rest[m.end :])
        ]
        boundary = re.search(r"[,(]", d.text[tail_start:])
        date_from = tail_start + boundary.start() if boundary else len(d.text)
        if opening:
            date_from = tail_start + first
    if d.date is None or d.date.precision == "year":
        picked = _pick_date(d, date_from)
        if picked is not None and (d.date is None or picked.date.precision != "year"):
            d.date = picked.date
            d.blank(picked.start, picked.end)
    # "in Book": right after a marked title, or after a comma or full stop
    # (a plain title may itself begin "In Search of ...").
    after_title = d.text[tail_start:]
    chapter = (
        (_CHAPTER_MARKED_RE if marked else _CHAPTER_PLAIN_RE).search(after_title)
        if "in" in after_title or "In" in after_title
        else None
    )
    if chapter and (d.title or not marked):
        pre = d.text[tail_start : tail_start + chapter.start()]
        if d.title is None and pre.strip():
            d.title = pre
        d.blank(tail_start, tail_start + chapter.end())
        d.chapter = True
        # "in Editor (ed.), Book": drop the editors, keep the book.
        rest = d.text[tail_start + chapter.end() :]
        ed = re.match(
            r"\s*(?P<who>[^,()]{2,120}?)\s*(?:\(eds?\.?\)|,\s*eds?\.(?=\s*[,(]))\s*,?", rest
        )
        if ed and parse_authors(ed.group("who")):
            d.blank(tail_start + chapter.end(), tail_start + chapter.end() + ed.end())
        elif re.match(r"\s*(?:ed(?:ited)?\.?\s+by)", rest):
            pass
    if d.apa and not marked:
        apa_sentences(d, tail_start)
    if marked and d.date is not None and d.container is None and not d.chapter:
        book_pin = _BOOK_PIN_RE.match(d.text, tail_start)
        if book_pin:
            d.pinpoint = re.sub(r"\s+", "", book_pin.group("p"))
            d.blank(book_pin.start(), book_pin.end())
    tail = read_tail(d, tail_start)
    assign_texts(d, tail)
    if d.title and _PERSONAL_RE.match(d.title):
        # "interview by author, San Diego, May 5, 2012": unpublished, and the
        # element after it is where it happened.
        d.type = CitationType.OTHER
        d.place = d.place or d.container
        d.container = None
