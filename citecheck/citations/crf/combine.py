"""The rules' reading and the CRF's, made one.

The rules stay in charge of what they read with certainty: short forms,
cases and statutes (eyecite and the Commonwealth and German report
patterns), URLs, DOIs and access dates, Bluebook "vol Journal page" groups
(``Parsed`` marks none of these as unsure). For the rest, the CRF labels
the citation and ``combine`` decides field by field:

- ``MODE = "unsure"
CONFIDENT = 0.9`` (the default, chosen by measurement; see
  docs/citations.md): the rules' fields stand when the rules look sure of
  them; when they look unsure (no container, volume or pages although the
  CRF found a journal with numbers; a title that swallowed digits or
  brackets; nothing read as authors), the CRF's fields replace them.
- ``"fill"``: the rules' fields stand; the CRF only adds fields they lack.
- ``"crf"``: the CRF's bibliographic fields replace the rules' wholesale.
- ``"rules"``: the CRF is not asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from citecheck.citations.crf.plausible import implausible
from citecheck.citations.crf.spans import Fields
from citecheck.citations.crf.tagger import crf_fields
from citecheck.citations.draft import Draft, Parsed
from citecheck.citations.fields import parse_piece
from citecheck.citations.finish import finish
from citecheck.citations.intl import mhra_pages, read_intl, tidy_title
from citecheck.citations.short_forms import read_short_form
from citecheck.citations.split import Piece
from citecheck.citations.standards import read_standard
from citecheck.citations.styles import read_law, read_sciences, read_style
from citecheck.model import CitationType, Person

__all__ = ["MODE", "combine", "read_piece"]

MODE = "by-convention"
CONFIDENT = 0.9

_SURE_TYPES = (CitationType.CASE, CitationType.STATUTE, CitationType.PRESENTATION)
_ODD_TITLE_RE = re.compile(r"\(\d{4}\)|\[\d{4}\]|,\s*S\.\s*\d|\bAufl\b|\bedn\b|\bRn\.")
_ODD_TITLE_MARKS = ("(", "[", "S.", "Aufl", "edn", "Rn.")  # one is in every match


def _odd_title(title: str | None) -> bool:
    if not title or not any(mark in title for mark in _ODD_TITLE_MARKS):
        return False
    return bool(_ODD_TITLE_RE.search(title))


def _draft(piece_text: str, parsed: Parsed, found: Fields) -> Draft:
    d = Draft(text=piece_text, italics=())
    s = found.spans
    d.authors, d.et_al = found.authors, found.et_al
    d.title = s.get("title")
    d.container = s.get("container")
    d.volume, d.issue = s.get("volume"), s.get("issue")
    d.pages, d.pinpoint = s.get("pages"), s.get("pinpoint")
    d.date = found.date
    d.publisher, d.place = s.get("publisher"), s.get("place")
    d.series, d.number = s.get("series"), s.get("number")
    d.urls = list(parsed.urls)
    d.doi = parsed.doi
    d.accessed = parsed.accessed or found.accessed
    d.chapter = found.chapter and bool(d.container)
    d.title_quoted = bool(re.search(r"[‘“\"']", piece_text[:60]))
    return d


# Anchored at a token start: unanchored, "\S*" retried at every offset of a long
# unbroken run (100 KB of markup in a mutated note) took 40 s.
_URL_RE = re.compile(r"(?<!\S)\S*(?:https?://|www\.)\S*")
_NUMBERS_RE = re.compile(r"\d+\D+\d+\D+\d+")


def _worth_asking(piece_text: str, parsed: Parsed) -> bool:
    """Could ``_unsure`` say yes? (An odd title, or no container but year, volume and page.)"""
    if _odd_title(parsed.title):
        return True
    if parsed.container:
        return False
    return bool(_NUMBERS_RE.search(_URL_RE.sub(" ", piece_text)))


def _unsure(parsed: Parsed, found: Fields) -> bool:
    s = found.spans
    if _odd_title(parsed.title):
        return True
    return not parsed.container and bool(s.get("container") and s.get("volume") and s.get("pages"))


# Marks of the conventions the rules were not written for (OSCOLA, AGLC,
# MHRA, German): single quotation marks round a title, "2nd edn", a year in
# brackets before the volume, "S. 45", "Rn.", "Aufl.", "in:", MHRA's "(p. 5)",
# day-month-year dates. Each mark is its own pattern, tried only when the text
# holds a string every match of it contains (one alternation of them all was
# searched in full on every piece).
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_FOREIGN_MARKS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("‘",), re.compile(r"‘[^’]{3,}’")),
    (("'",), re.compile(r"(?:^|\s)'[A-Z][^']{3,}'")),
    (("edn",), re.compile(r"\b\d+(?:st|nd|rd|th)\s+edn\b")),
    (("(",), re.compile(r"\(\d{4}\)\s+\d+\s+[A-Z]")),
    (("[",), re.compile(r"\[\d{4}\]\s+(?:\d+\s+)?[A-Z]")),
    (("Aufl.", "Rn.", "Hrsg.", "Bd.", "Fn."), re.compile(r"\b(?:Aufl|Rn|Hrsg|Bd|Fn)\.")),
    (("S.",), re.compile(r",\s*S\.\s*\d")),
    (("in:",), re.compile(r"\bin:\s")),
    (("(p",), re.compile(r"\((?:pp?\.)\s*\d+[^)]*\)")),
    (("ed by", "ed. by"), re.compile(r"\bed\.? by\b")),
    (_MONTHS, re.compile(rf"\b\d{{1,2}}\s+(?:{'|'.join(_MONTHS)})\s+\d{{4}}\b")),
)


def foreign(text: str) -> bool:
    """Is this citation written in a convention the rules were not written for?"""
    for needed, pattern in _FOREIGN_MARKS:
        for mark in needed:
            if mark in text:
                if pattern.search(text):
                    return True
                break
    return False


def combine(piece_text: str, parsed: Parsed | None, mode: str | None = None) -> Parsed | None:
    """The citation of one piece, from the rules' ``parsed`` and the CRF."""
    mode = mode or MODE
    if mode.startswith("by-convention"):
        threshold = mode.partition(":")[2]
        mode = (
            ("confident:" + threshold if threshold else "crf") if foreign(piece_text) else "unsure"
        )
    if parsed is None or mode == "rules":
        return parsed
    if parsed.short_form is not None or parsed.type in _SURE_TYPES or parsed.problem:
        return parsed
    # An implausible reading (no title, a town as container ...) asks the CRF in every mode.
    why = implausible(parsed, piece_text)
    if mode == "unsure" and not why and not _worth_asking(piece_text, parsed):
        return parsed  # the CRF could not change the answer: do not pay for it
    found = crf_fields(piece_text, parsed)
    if found is None or not (found.spans or found.authors):
        return parsed
    if mode == "fill":
        s = found.spans
        return replace(
            parsed,
            authors=parsed.authors or found.authors,
            title=parsed.title or s.get("title"),
            container=parsed.container or s.get("container"),
            volume=parsed.volume or s.get("volume"),
            issue=parsed.issue or s.get("issue"),
            pages=parsed.pages or s.get("pages"),
            pinpoint=parsed.pinpoint or s.get("pinpoint"),
            date=parsed.date or found.date,
            publisher=parsed.publisher or s.get("publisher"),
        )
    if mode == "unsure" and not why and not _unsure(parsed, found):
        return parsed
    if mode.startswith("confident"):
        floor = float(mode.partition(":")[2] or CONFIDENT)
        if found.confidence < floor and not _unsure(parsed, found):
            return parsed
    draft = _draft(piece_text, parsed, found)
    if not draft.title and parsed.title and parsed.title != draft.container:
        # A CRF that found no title at all has lost its way there; the rules' title stands.
        draft.title = parsed.title
    out = finish(draft)
    if not (out.title or out.container or out.authors):
        return parsed
    if why and implausible(out, piece_text, parsed):
        return parsed  # both readings are implausible: the rules' stands
    if (
        _initials_as_names(out.authors)
        and parsed.authors
        and not _initials_as_names(parsed.authors)
    ):
        # "Roe, A. B. (2019)": a CRF that made the initials a person of their own misread
        # the names; the rules' reading of them stands.
        out = replace(out, authors=parsed.authors, et_al=parsed.et_al)
    return out


_INITIALS_RE = re.compile(r"(?:[A-Z]\.?\s?-?){1,3}")


def _initials_as_names(people: tuple[Person, ...]) -> bool:
    return any(not p.corporate and _INITIALS_RE.fullmatch(p.family) for p in people)


def read_piece(
    piece: Piece,
    rules: Callable[[Piece], Parsed | None] = parse_piece,
    mode: str | None = None,
) -> Parsed | None:
    """One piece of a note -> its citation: the patterns, then the rules and the CRF."""
    if read_short_form(piece.text) is None:
        text = piece.text
        found = read_law(text) or read_sciences(text) or read_intl(text) or read_style(text)
        if found is not None:
            return tidy_title(piece.text, found)
    found = combine(piece.text, rules(piece), mode)
    return read_standard(piece.text, tidy_title(piece.text, mhra_pages(piece.text, found)))
