"""Reference-list entries of the sciences used as notes: Vancouver/AMA and Nature.

- Vancouver/AMA "Roe AB, Doe C, et al. Title. Journal. 2019 Mar 4;12(3):45-52."
  (authors as family name and initials, the journal group "Year;Vol(Issue):pages");
- Nature/Science "Roe, A. B., Doe, C. & Poe, D. Title. Journal 12, 45–52 (2019)."

The author list is what tells these forms from a note's "Author, Title":
initials after the family name, without (Vancouver) or with full stops
(Nature), or a group author ("Example Study Group.").
"""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.identifiers import find_identifier
from citecheck.model import CitationType, PartialDate, Person

__all__ = ["read_sciences"]

_FAMILY = r"[A-Z][\w’'-]+(?:\s(?:[a-z]{1,3}\s)?[A-Z][\w’'-]+)?"
_VANCOUVER_PERSON = rf"{_FAMILY}\s[A-Z]{{1,3}}(?:-[A-Z])?"
_VANCOUVER_AUTHORS_RE = re.compile(
    rf"^(?P<people>{_VANCOUVER_PERSON}(?:,\s{_VANCOUVER_PERSON})*)(?P<etal>,\s+et\s+al)?"
    rf"(?:;\s*(?P<group>[A-Z][^.;]{{3,80}}))?\.\s+"
)
_GROUP_RE = re.compile(
    r"^(?P<group>[A-Z][\w -]{2,80}?\b(?:Group|Collaborators|Consortium|Investigators|Team|"
    r"Committee|Collaboration|Network|Organization|Association|Society))\.\s+"
)
_VANCOUVER_JOURNAL_RE = re.compile(
    r"\.\s+(?P<journal>[A-Z][^.;:]{1,80}?)(?:\s\[Internet\])?\.\s+"
    r"(?P<date>(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)(?:\s*\[[^\]]*\])?\s*;\s*"
    r"(?P<vol>\d{1,5})(?:\s*\((?P<issue>[^)]{1,12})\))?\s*:\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)"
    r"\.?(?P<rest>.*)$"
)
_NATURE_PERSON = r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?,\s(?:[A-Z]\.(?:\s?-?[A-Z]\.)*)"
_NATURE_AUTHORS_RE = re.compile(
    rf"^(?P<people>{_NATURE_PERSON}(?:,\s{_NATURE_PERSON})*(?:,?\s&\s{_NATURE_PERSON})?)"
    r"(?P<etal>\s+et\s+al\.)?\s+"
)
_NATURE_JOURNAL_RE = re.compile(
    r"(?P<journal>[A-Z][\w.&’' -]{1,60}?)\s+(?P<vol>\d{1,5}),\s*"
    r"(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)\s*\((?P<year>(?:19|20)\d\d)\)\.?(?P<rest>.*)$"
)
_SMALL = frozenset(("of", "and", "&", "the", "in", "for", "on"))
_DOI_RE = re.compile(r"\b(?:doi:\s*|https?://doi\.org/)(?P<d>10\.\S+?)\.?(?:\s|$)", re.I)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date(text: str) -> PartialDate | None:
    parts = text.split()
    year = int(parts[0])
    if len(parts) >= 2 and parts[1][:3] in _MONTHS:
        month = _MONTHS.index(parts[1][:3]) + 1
        day = int(parts[2]) if len(parts) == 3 else None
        return PartialDate(year, month, day if day and 1 <= day <= 31 else None)
    return PartialDate(year)


def _vancouver_people(m: re.Match[str]) -> tuple[Person, ...]:
    people = []
    for chunk in m.group("people").split(", "):
        family, _, given = chunk.rpartition(" ")
        people.append(Person(family=family, given=given))
    if m.groupdict().get("group"):
        people.append(Person(family=m.group("group").strip(), corporate=True))
    return tuple(people)


def _nature_people(text: str) -> tuple[Person, ...]:
    out = []
    for chunk in re.findall(_NATURE_PERSON, text):
        family, _, given = chunk.partition(", ")
        out.append(Person(family=family, given=given.strip()))
    return tuple(out)


def read_sciences(text: str) -> Parsed | None:
    """A Vancouver/AMA or Nature journal article, or a Vancouver book, chapter,
    thesis or dataset; None for anything else."""
    return _vancouver(text) or _nature(text)


# Vancouver's imprint, "Place: Publisher; 2019." (the place may be absent, as
# in "PhysioNet; 2016."), and what may follow it: pages, a DOI, a URL.
_IMPRINT_RE = re.compile(
    r"(?:(?P<place>[A-Z][^.;:]{1,40}?(?:\s\([A-Z]{2}\))?):\s*)?(?P<pub>[A-Z][^.;:]{1,80}?);\s*"
    r"(?P<date>(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)(?:\s*\[[^\]]*\])?\."
    r"(?:\s*p\.\s*(?P<pages>[\dA-Za-z]+(?:\s*[-–]\s*[\dA-Za-z]+)?)\.?)?(?P<rest>.*)$"
)
_EDITION_RE = re.compile(r"\.?\s*\d+(?:st|nd|rd|th)\s+ed\.?\s*$")
_IN_BOOK_RE = re.compile(r"\.\s+In:\s+(?P<eds>[^.]*?),\s+editors?\.\s+(?P<book>.+)$")
# Medium markers: "[master's thesis]", "[dataset]", "[software]", "[Internet]".
_MEDIUM_RE = re.compile(r"\s*\[(?P<m>[^\]]{2,40})\]")
_OTHER_MEDIA = ("thesis", "dissertation", "dataset", "data set", "software", "database")
_VERSION_RE = re.compile(r"\s*\((?:version|v)\s*[\d.]+\)", re.I)
_URL_RE = re.compile(r"https?://\S+?(?=[.,;)]?(?:\s|$))")


def _vancouver_book(text: str, authors: re.Match[str]) -> Parsed | None:
    body = text[authors.end() :]
    if ";" not in body:
        return None
    imprint = None
    for stop in re.finditer(r"\.\s+", body):
        imprint = _IMPRINT_RE.match(body, stop.end())
        if imprint:
            break
    if imprint is None:
        return None
    rest = imprint.group("rest").strip()
    if rest and not _DOI_RE.match(rest) and not rest.startswith(("Available", "http")):
        return None
    head = body[: imprint.start()].strip()
    head = _EDITION_RE.sub("", head)
    kind = CitationType.BOOK
    container = pages = pinpoint = None
    chapter = _IN_BOOK_RE.search(head)
    if chapter:
        kind, container = CitationType.CHAPTER, tidy(chapter.group("book"))
        head = head[: chapter.start()]
        pages = imprint.group("pages")
    else:
        pinpoint = imprint.group("pages")
    medium = _MEDIUM_RE.search(head)
    if medium and any(word in medium.group("m").lower() for word in _OTHER_MEDIA):
        kind = CitationType.OTHER  # theses, datasets, software: the sets' `other`
    title = _VERSION_RE.sub("", _MEDIUM_RE.sub("", head))
    if not title.strip(" ."):
        return None
    people = (
        _vancouver_people(authors)
        if "people" in authors.groupdict()
        else (Person(family=authors.group("group"), corporate=True),)
    )
    doi = _DOI_RE.search(rest)
    return Parsed(
        type=kind,
        authors=people,
        et_al=bool(authors.groupdict().get("etal")),
        title=tidy(title),
        container=container,
        pages=pages,
        pinpoint=pinpoint,
        date=_date(imprint.group("date")),
        publisher=tidy(imprint.group("pub")),
        place=tidy(imprint.group("place")) if imprint.group("place") else None,
        urls=tuple(_URL_RE.findall(rest)),
        doi=doi.group("d") if doi else None,
    )


def _vancouver(text: str) -> Parsed | None:
    authors = _VANCOUVER_AUTHORS_RE.match(text) or _GROUP_RE.match(text)
    if authors is None:
        return None
    body = text[authors.end() :]
    j = _VANCOUVER_JOURNAL_RE.search(body)
    if j is None:
        return _vancouver_book(text, authors) or _vancouver_identified(text, authors)
    rest = j.group("rest").strip()
    if rest and not _DOI_RE.match(rest) and not rest.startswith(("Available", "PMID", "http")):
        return None
    if "people" in authors.groupdict():
        people = _vancouver_people(authors)
        et_al = bool(authors.group("etal"))
    else:
        people, et_al = (Person(family=authors.group("group"), corporate=True),), False
    doi = _DOI_RE.search(rest)
    return Parsed(
        type=CitationType.ARTICLE,
        authors=people,
        et_al=et_al,
        title=tidy(body[: j.start()]),
        container=tidy(j.group("journal")),
        volume=j.group("vol"),
        issue=j.group("issue"),
        pages=j.group("pages"),
        date=_date(j.group("date")),
        doi=doi.group("d") if doi else None,
    )


_VANCOUVER_DATE_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?(?!\d)")


def _vancouver_identified(text: str, authors: re.Match[str]) -> Parsed | None:
    """ "Roe AB, Doe C. Title [preprint]. arXiv:2101.01234. 2021." and patents alike."""
    body = text[authors.end() :]
    found = find_identifier(body)
    if found is None:
        return None
    kind, number, a, b = found
    head = body[:a].rstrip(" .")
    title = tidy(_MEDIUM_RE.sub("", head.split(". ")[0]))
    if not title or "people" not in authors.groupdict():
        return None
    date = _VANCOUVER_DATE_RE.search(body, b)
    return Parsed(
        type=CitationType.ARTICLE if kind == "arxiv" else CitationType.OTHER,
        authors=_vancouver_people(authors),
        et_al=bool(authors.group("etal")),
        title=title,
        container="arXiv" if kind == "arxiv" else None,
        number=number,
        date=_date(date.group()) if date else None,
        urls=tuple(_URL_RE.findall(body[b:])),
    )


def _nature(text: str) -> Parsed | None:
    authors = _NATURE_AUTHORS_RE.match(text)
    if authors is None:
        return None
    body = text[authors.end() :]
    j = None
    for stop in re.finditer(r"\.\s+", body):
        j = _NATURE_JOURNAL_RE.match(body, stop.end())
        # A journal's name is capitalised words and abbreviations ("Phys. Rev. Lett.").
        if j and all(w[:1].isupper() or w in _SMALL for w in j.group("journal").split()):
            break
        j = None
    if j is None:
        return None
    rest = j.group("rest").strip()
    if rest and not _DOI_RE.match(rest) and not rest.startswith("http"):
        return None
    doi = _DOI_RE.search(rest)
    return Parsed(
        type=CitationType.ARTICLE,
        authors=_nature_people(authors.group("people")),
        et_al=bool(authors.group("etal")),
        title=tidy(body[: j.start()]),
        container=tidy(j.group("journal")),
        volume=j.group("vol"),
        pages=j.group("pages"),
        date=PartialDate(int(j.group("year"))),
        doi=doi.group("d") if doi else None,
    )
