"""The front of a citation: marked titles and the authors before a title.

``marked_titles`` finds quoted and italic stretches and ``title_position``
says whether one stands where a title may; ``take_authors`` reads the
author block of an unmarked piece (APA, inverted, "A, B, and C", corporate
bodies). ``sentence_end`` (a full stop that is not an initial or an
abbreviation) and ``EDITOR_RE`` are shared with the readers after the title.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import parse_date
from citecheck.citations.draft import Draft
from citecheck.citations.institutions import institutional
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.model import Person

__all__ = ["EDITOR_RE", "marked_titles", "sentence_end", "take_authors", "title_position"]


_QUOTED_RE = re.compile(r"[“\"](?P<t>[^“”\"]{2,400}?)[”\"]")
_TITLE_POS_RE = re.compile(r"(?:^|[,.:;]|\bin|\bIn)\s*$")


def title_position(text: str, at: int) -> bool:
    return bool(_TITLE_POS_RE.search(text[max(0, at - 6) : at])) or not text[:at].strip()


def marked_titles(d: Draft) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of quoted and italic stretches, in order."""
    found: list[tuple[int, int, str, str]] = []
    for m in _QUOTED_RE.finditer(d.text):
        found.append((m.start(), m.end(), m.group("t"), "quote"))
    for a, b in d.italics:
        if 0 <= a < b <= len(d.text) and d.text[a:b].strip():
            if any(qa <= a < qb for qa, qb, _t, _k in found):
                continue
            found.append((a, b, d.text[a:b], "italic"))
    found.sort()
    return found


_ABBREV = frozenset(
    [
        "u.s",
        "us",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vol",
        "no",
        "nos",
        "ed",
        "eds",
        "trans",
        "rev",
        "sept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "co",
        "ltd",
        "corp",
        "dept",
        "univ",
        "assn",
        "intl",
        "natl",
        "govt",
        "pp",
        "p",
        "ch",
        "art",
        "sec",
        "fig",
        "et",
        "al",
        "e.g",
        "i.e",
        "cf",
        "vs",
        "v",
        "op",
        "cit",
    ]
)


_FULL_STOP_RE = re.compile(r"\.(?=\s|$)")
_LAST_WORD_RE = re.compile(r"([\w.]+)$")


def sentence_end(text: str, start: int = 0) -> int:
    """Index of the first ". " that ends a sentence, not an initial or abbreviation."""
    for m in _FULL_STOP_RE.finditer(text, start):
        i = m.start()
        word = _LAST_WORD_RE.search(text[max(0, i - 40) : i])
        token = word.group(1) if word else ""
        bare = token.replace(".", "").lower()
        if len(bare) <= 1 or bare in _ABBREV or "." in token or token.lower() in _ABBREV:
            continue
        return i
    return -1


def _top_commas(text: str) -> list[int]:
    out: list[int] = []
    depth = 0
    quote = False
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“":
            quote = True
        elif ch in "”":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch == "," and depth == 0 and not quote:
            out.append(i)
    return out


EDITOR_RE = re.compile(
    r"(?<![\s,]),?\s*\(?\b(?:eds?\.|editors?|ed\.\s+by|edited\s+by|comp\.)\)?\s*$", re.I
)
_APA_INITIALS_RE = re.compile(r",\s*(?:[A-Z]\.\s?-?){1,3}(?:,|\s*&|\s*$|\s+and\b)")
_APA_RE = re.compile(
    r"^(?P<who>.{2,200}?)\s*\((?P<date>(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.)(?:,(?P<md>[^()]{0,30}))?\)"
    # APA closes the date with a period; Harvard ("Roe, A. (2019) Title") need not.
    r"(?:\.|(?=\s+[A-Z‘“'\"]))"
)


def take_authors(d: Draft, limit: int) -> int:
    """Read authors from the front (up to ``limit``); return where they end."""
    text = d.text[:limit]
    lead = len(text) - len(text.lstrip())
    m = _APA_RE.match(text.lstrip())
    # APA names are inverted with initials ("Smith, J.") or an organisation's.
    if m and (_APA_INITIALS_RE.search(m.group("who")) or looks_corporate(m.group("who"))):
        # "Wilson, C. E., & Lee, E. (Eds.). (2013).": the editors' mark goes first.
        who = re.sub(r"\)\.$", ")", m.group("who"))
        found = parse_authors(EDITOR_RE.sub("", who), inverted=True)
        if found:
            d.authors, d.et_al = found
            # APA "(2014, October 9)": the year, then the month and day.
            month_day = m.group("md")
            dated = parse_date(f"{month_day} {m.group('date')}") if month_day else None
            d.date = dated or parse_date(m.group("date")) or d.date
            d.apa = True
            d.strong = True
            return lead + m.end()
    commas = _top_commas(text)
    period = sentence_end(text, lead)
    first_comma = commas[0] if commas else -1
    if (
        0 < period < first_comma
        and institutional(text[:first_comma])
        and _one_body(text[:first_comma])
    ):
        # "Fed. Trade Comm'n, Title": Bluebook's abbreviated body, one name up to the comma.
        period = -1
    if period > 0 and (first_comma < 0 or period < first_comma):
        found = parse_authors(EDITOR_RE.sub("", text[:period]))
        if found:
            d.authors, d.et_al = found
            return period + 1
    if first_comma > 0 and period > first_comma:
        # "Boghardt, Thomas. Title": inverted, ended by a period.
        given = text[first_comma + 1 : period]
        if len(given.split()) <= 4 and not _titleish(given):
            found = parse_authors(text[:period], inverted=True)
            if found:
                d.authors, d.et_al = found
                return period + 1
    if first_comma > 0:
        # "A, B, and C, Title": extend over the commas while a conjunction closes the list.
        end = first_comma
        for nxt, comma in enumerate(commas[1:4], start=1):
            chunk = text[commas[nxt - 1] + 1 : comma].strip()
            if re.match(r"(?:and|&)\s", chunk):
                end = comma
                break
            if " & " in chunk:
                # Bluebook "A, B & C, Title": no serial comma before the last name;
                # every name between the commas must be a full one.
                between = text[first_comma + 1 : comma].split(",")
                if all(_full_names(part.strip()) for part in between):
                    end = comma
                break
        for stop in dict.fromkeys((end, first_comma)):
            block = text[:stop]
            found = parse_authors(EDITOR_RE.sub("", block))
            if found and (found[0][0].corporate or not _titleish(block)):
                d.authors, d.et_al = found
                if found[0][0].corporate and len(found[0]) == 1:
                    stop = _extend_corporate(d, text, stop, commas)
                return stop + 1
    return lead


def _full_names(chunk: str) -> bool:
    """ "Brent Mittelstadt & Chris Russell": people with given and family names, no title words."""
    found = parse_authors(chunk)
    if found is None or _titleish(chunk):
        return False
    return all(not p.corporate and p.given for p in found[0])


def _one_body(block: str) -> bool:
    """Is ``block`` one body named with Bluebook's abbreviations ("Fed. Trade Comm'n")?"""
    if not institutional(block):
        return False
    found = parse_authors(block)
    return found is not None and len(found[0]) == 1 and found[0][0].corporate


def _extend_corporate(d: Draft, text: str, stop: int, commas: list[int]) -> int:
    """ "Department of Homeland Security, Office of Immigration Statistics": one author."""
    names = [d.authors[0].family]
    for comma in commas:
        if comma <= stop:
            continue
        part = text[stop + 1 : comma].strip()
        if not _LETTER_RE.search(text, comma):
            # Nothing but a URL or date follows: this part is the title
            # ("U.S. Customs & Border Prot., Border Patrol Overview, <url>").
            break
        found = parse_authors(part)
        if not found or not found[0][0].corporate or len(found[0]) != 1:
            break
        names.append(part)
        stop = comma
    d.authors = (Person(family=", ".join(names), corporate=True),)
    return stop


_LETTER_RE = re.compile(r"[^\W\d_]")


# Capitalised words that open titles far more often than they are names.
_TITLE_WORDS = frozenset(
    [
        "trade",
        "order",
        "world",
        "report",
        "review",
        "policy",
        "security",
        "history",
        "law",
        "laws",
        "global",
        "economic",
        "economics",
        "foreign",
        "national",
        "international",
        "annual",
        "strategy",
        "border",
        "borders",
        "state",
        "states",
        "united",
        "america",
        "american",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "war",
        "peace",
        "age",
        "case",
        "cases",
        "study",
        "studies",
        "introduction",
        "guide",
        "handbook",
        "principles",
        "theory",
        "politics",
        "power",
        "rights",
        "human",
        "development",
        "crisis",
        "future",
        "data",
        "statistics",
        "facts",
        "fact",
        "figures",
        "news",
        "notes",
        "note",
        "letter",
        "letters",
        "speech",
        "press",
        "release",
        "statement",
        "statements",
        "overview",
        "summary",
        "analysis",
        "toward",
        "towards",
        "beyond",
        "after",
        "before",
        "mexico",
        "canada",
        "china",
        "europe",
        "homeland",
        "public",
        "private",
    ]
)


def _titleish(text: str) -> bool:
    words = [w.strip(".,") for w in text.split()]
    return any(w.casefold() in _TITLE_WORDS for w in words)
