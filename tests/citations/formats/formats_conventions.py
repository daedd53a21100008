"""Where each citation style puts italics, and the italic spans of a labelled note.

The hand-labelled sets (``tests/citations/gold``, ``heldout``, ``heldout_intl``)
give note texts without styling. Each style prints some fields in italics: a
book's title, a journal's name, a case name. This table says which fields, by
the type of the cited work; the spans are then found mechanically, from the
labels and nothing else: a labelled value is set in italics only where it is
printed verbatim in the note (in the note's order of citations), and not
where the note prints it in quotation marks.

The table follows each style's own rules as a writer applies them in a word
processor:

- Chicago (notes): titles of books and reports, names of journals,
  magazines and newspapers, the book a chapter is in, case names. Article,
  chapter and web page titles are in quotation marks; web sites are roman.
- Bluebook, as practitioners type it (the Bluepages): titles of articles,
  books, reports, chapters and web pages, and case names (full and short).
  Journal names are roman (large and small caps only in print).
- APA 7 (the apa_mla sets are mostly APA): titles of books, reports and
  stand-alone web pages, names of journals and newspapers, the book a
  chapter is in.
- OSCOLA: titles of books and reports, case names, newspaper names, the
  book a chapter is in; journal names are roman.
- AGLC: titles of books and reports, case names, legislation titles,
  journal and newspaper names, the book a chapter is in.
- MHRA: titles of books and reports, journal and newspaper names, the book
  a chapter is in, case names.
- German legal footnotes: no italics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["CONVENTIONS", "STYLE_CONVENTION", "italic_spans", "segments"]

Span = tuple[int, int]

_QUOTES = "\"“‘'«„‚"
_BOOKISH = {"book": ("title",), "report": ("title",), "chapter": ("container",)}

# Convention -> work type -> the fields printed in italics.
CONVENTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "chicago": {
        **_BOOKISH,
        "article": ("container",),
        "newspaper": ("container",),
        "case": ("title",),
    },
    "bluebook": {
        "book": ("title",),
        "report": ("title",),
        "chapter": ("title",),
        "article": ("title",),
        "newspaper": ("title",),
        "webpage": ("title",),
        "case": ("title",),
    },
    "apa": {
        **_BOOKISH,
        "webpage": ("title",),
        "article": ("container",),
        "newspaper": ("container",),
    },
    "oscola": {**_BOOKISH, "case": ("title",), "newspaper": ("container",)},
    "aglc": {
        **_BOOKISH,
        "case": ("title",),
        "statute": ("title",),
        "article": ("container",),
        "newspaper": ("container",),
    },
    "mhra": {
        **_BOOKISH,
        "article": ("container",),
        "newspaper": ("container",),
        "case": ("title",),
    },
    "none": {},
}

# The style named in each labelled file's meta line -> its convention.
STYLE_CONVENTION = {
    "chicago": "chicago",
    "sample": "chicago",
    "reports_web": "chicago",
    "bluebook": "bluebook",
    "apa_mla": "apa",
    "oscola": "oscola",
    "aglc": "aglc",
    "mhra": "mhra",
    "german": "none",
}


def italic_spans(style: str, text: str, citations: Iterable[dict[str, Any]]) -> list[Span]:
    """The (start, end) offsets in ``text`` that the style prints in italics.

    Each citation's italic fields are looked for from where the previous
    citation's italics ended, so a title repeated later in a note is set
    where that citation prints it. A value not printed verbatim, or one that
    would overlap a span already set, is left roman.
    """
    table = CONVENTIONS[STYLE_CONVENTION.get(style, "none")]
    spans: list[Span] = []
    cursor = 0
    for cite in citations:
        for name in table.get(str(cite.get("type")), ()):
            value = cite.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            value = value.strip()
            start = text.find(value, cursor)
            if start < 0:
                continue
            span = (start, start + len(value))
            if start and text[start - 1] in _QUOTES:
                continue  # the note quotes it: a quoted title is not set in italics
            if any(a < span[1] and span[0] < b for a, b in spans):
                continue
            spans.append(span)
        if spans:
            cursor = max(b for _, b in spans)
    return sorted(spans)


def segments(text: str, spans: Sequence[Span]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, italic) runs at the span edges."""
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start > position:
            out.append((text[position:start], False))
        out.append((text[start:end], True))
        position = end
    if position < len(text):
        out.append((text[position:], False))
    return out
