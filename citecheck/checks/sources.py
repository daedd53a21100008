"""A citation against its source: the date in its URL, and the fetched page's own metadata.

Newspapers put the *print* date in the URL while the web edition is often
stamped the evening before (the New York Times shows up to four dates per
article), so a one-day gap is a note ("print and web dates differ"), and
only a larger gap, or another month or year, is a warning.

When the link checker fetched the page, its title, authors and date (from
``<title>`` and the usual metas: ``citation_*``, ``article:*``, ``og:*``,
``author``, ``byl``, ``date``) are compared with the citation's, fuzzily
(rapidfuzz). Pages the checker could not verify (blocked, offline, dead)
are not compared: their metadata says nothing about the cited work.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from citecheck.checks.catalogue import (
    PAGE_AUTHOR,
    PAGE_DATE,
    PAGE_DAY,
    PAGE_TITLE,
    URL_DATE,
    URL_DAY,
)
from citecheck.checks.rules import raise_finding
from citecheck.config import CheckSettings
from citecheck.model import (
    CheckRun,
    Citation,
    CitationType,
    Finding,
    LinkResult,
    LinkStatus,
    PartialDate,
)

if TYPE_CHECKING:
    from citecheck.checks.passages import Passage

__all__ = ["check_sources", "date_in_url"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_URL_DATES = (
    # /2010/05/06/ and /2010-05-06/ (NYT, WaPo, most CMSs)
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)[/-](?P<d>[0-3]\d)(?=[/_.\-]|$)"),
    # /2010/may/06/ (The Guardian)
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<mon>[a-z]{3,9})/(?P<d>[0-3]\d)(?=/|$)", re.I),
    # ...TRE6A44PU20101105 (Reuters ids), /20101105/ and _20101105.
    re.compile(r"(?<=[A-Za-z/_\-])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])"),
    # /2010/05/ (month precision)
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?![0-3]\d(?:/|$))"),
)


def date_in_url(url: str) -> PartialDate | None:
    """The publication date a URL's path carries, if any (day or month precision).

    Archive links (Wayback, archive.today, Perma.cc) carry a capture date, not
    a publication date, and give None.
    """
    if _ARCHIVE_HOSTS.match(url):
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I).split("?", 1)[0]
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            groups = match.groupdict()
            year = int(groups["y"])
            month = _MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
            day = int(groups["d"]) if groups.get("d") else None
            if month is None or not 1 <= month <= 12:
                continue
            try:
                date(year, month, day or 1)
            except ValueError:
                continue
            return PartialDate(year, month, day)
    return None


def check_sources(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """URL dates and page metadata against each citation."""
    del passages, settings
    links: dict[str, LinkResult] = {}
    for link in run.links:
        links.setdefault(link.url, link)
        if link.final_url:
            links.setdefault(link.final_url, link)
    for citation in run.citations:
        if citation.short_form is not None:
            continue
        for url in citation.urls:
            yield from _url_date(citation, url)
            fetched = links.get(url)
            if fetched is not None and _usable(fetched):
                yield from _page(citation, fetched)


def _usable(link: LinkResult) -> bool:
    return link.status in {LinkStatus.ALIVE, LinkStatus.REDIRECTED}


def _gap(first: PartialDate, second: PartialDate) -> int | None:
    """Days between two day-precision dates; None when either is coarser."""
    if first.day is None or second.day is None or first.month is None or second.month is None:
        return None
    return abs(
        (
            date(first.year, first.month, first.day) - date(second.year, second.month, second.day)
        ).days
    )


def _differs(url_date: PartialDate, cited: PartialDate) -> tuple[bool, bool]:
    """(differs at all, by exactly one day) at the coarser of the two precisions."""
    gap = _gap(url_date, cited)
    if gap is not None:
        return gap > 0, gap == 1
    if url_date.year != cited.year:
        return True, False
    if url_date.month is None or cited.month is None or url_date.month == cited.month:
        return False, False
    # 31 May in the URL and "June 2010" cited can still be one day apart.
    return True, False


_PRINTED_DATE = re.compile(
    r"\b(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<d2>[0-3]?\d)\s+(?P<mon2>[A-Z][a-z]{2,8})\.?\s+(?P<y2>(?:19|20)\d\d)\b"
)


def _cited_date_for(citation: Citation, url: str) -> PartialDate | None:
    """The date printed for this URL: the last full date between the previous URL and it.

    A note citing two articles may reach the checks as one citation with two
    URLs; each URL is then compared with its own printed date, not the first.
    """
    raw = citation.raw
    position = raw.find(url)
    if position < 0 or len(citation.urls) < 2:
        return citation.date
    previous = max(
        (raw.find(u) + len(u) for u in citation.urls if 0 <= raw.find(u) < position), default=0
    )
    last: PartialDate | None = None
    for match in _PRINTED_DATE.finditer(raw, previous, position):
        month = _MONTHS.get((match.group("mon") or match.group("mon2") or "").lower())
        if month is None:
            continue
        year = int(match.group("y") or match.group("y2"))
        day = int(match.group("d") or match.group("d2"))
        try:
            date(year, month, day)
        except ValueError:
            continue
        last = PartialDate(year, month, day)
    return last or citation.date


def _url_date(citation: Citation, url: str) -> Iterator[Finding]:
    cited = _cited_date_for(citation, url)
    found = date_in_url(url)
    if cited is None or found is None:
        return
    differs, one_day = _differs(found, cited)
    if not differs:
        return
    evidence = f"{url} (URL date {found.isoformat()}); cited {cited.isoformat()}"
    if one_day:
        message = (
            f"The URL carries {found.isoformat()}, the note cites {cited.isoformat()}: newspapers "
            "often date the web edition a day before print. Check which date your style wants."
        )
        yield raise_finding(
            URL_DAY, message, citation.location, note=citation.note, evidence=evidence
        )
        return
    message = (
        f"The URL carries {found.isoformat()}, but the note cites {cited.isoformat()}. "
        "Check the date (or the URL: it may point at another article)."
    )
    yield raise_finding(URL_DATE, message, citation.location, note=citation.note, evidence=evidence)


# --------------------------------------------------------------------------
# Page metadata
# --------------------------------------------------------------------------

_AUTHOR_KEYS = {
    "author",
    "article:author",
    "citation_author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
}
_DATE_KEYS = {
    "article:published_time",
    "pdate",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publish-date",
    "og:published_time",
    "datepublished",
    "ptime",
}


# Bylines that name a desk or a wire service, not a person: they prove nothing.
_GENERIC_AUTHOR = re.compile(
    r"\b(?:staff|editors?|editorial|newsroom|desk|admin|reuters|associated press|AP|AFP|"
    r"bloomberg|wire|contributors?|team)\b|^https?://",
    re.IGNORECASE,
)
_ARCHIVE_HOSTS = re.compile(
    r"^[a-z]+://(?:[\w-]+\.)*(?:archive\.org|archive\.today|archive\.ph|archive\.is|perma\.cc|"
    r"webcitation\.org)(?:/|$)",
    re.IGNORECASE,
)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[‘’“”\"'`]", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


def _page(citation: Citation, link: LinkResult) -> Iterator[Finding]:
    meta = [(key.lower(), value) for key, value in link.page_meta]
    yield from _title(citation, link)
    yield from _authors(citation, link, meta)
    yield from _page_date(citation, link, meta)


def _title(citation: Citation, link: LinkResult) -> Iterator[Finding]:
    if not citation.title or not link.page_title:
        return
    if citation.type in {CitationType.BOOK, CitationType.CASE, CitationType.STATUTE}:
        return  # a book's or a case's page is a catalogue or database entry
    page_title = link.page_title.strip()
    if re.search(r"microsoft word|\.docx?\b|\.pdf\b|^untitled", page_title, re.I):
        return  # PDF metadata titles are often the authoring file's name
    if _site_name(page_title, citation, link):
        return  # "Reuters", "Home | DHS": a site name, not a headline; cannot tell
    cited = _normal(citation.title)
    # Sites append their name: "Headline - The New York Times", "Site | Headline".
    pieces = [page_title, *re.split(r"\s+[|–—-]\s+|\s+::\s+", page_title)]
    best = max(fuzz.token_set_ratio(cited, _normal(p)) for p in pieces if p.strip())
    if best >= 60 or len(cited.split()) < 3:
        return
    message = (
        f"The page at {link.url} is titled “{page_title}”, not “{citation.title}” "
        f"(similarity {best:.0f}/100). Check that the URL points at the cited work."
    )
    yield raise_finding(
        PAGE_TITLE,
        message,
        citation.location,
        note=citation.note,
        evidence=f"page title: {page_title}",
    )


# Words of a page title that name a site's furniture, not a work.
_SITE_WORDS = re.compile(
    r"\b(?:home|homepage|welcome|index|main page|login|log in|sign in|redirecting|moved|"
    r"loading|search|news|blog|official site|website)\b",
    re.IGNORECASE,
)


def _site_name(page_title: str, citation: Citation, link: LinkResult) -> bool:
    """Whether a page title is (likely) a site's name rather than a headline.

    Headlines run to four words or more. A shorter title is a site name when
    it is one word, is split like "Home | DHS", uses a site's words ("Home",
    "Welcome"), or resembles the host name or the cited container or
    publisher; any other short title ("Completely Different Title") is
    compared like a headline.
    """
    pieces = re.split(r"\s+[|–—-]\s+|\s+::\s+", page_title)
    longest = max(pieces, key=len)
    if len(longest.split()) >= 4:
        return False
    if len(pieces) > 1 or len(page_title.split()) < 2 or _SITE_WORDS.search(page_title):
        return True
    title = _normal(page_title)
    host = re.sub(r"^[a-z]+://(?:www\.)?([^/:]+).*$", r"\1", link.url, flags=re.I)
    names = [n for n in (citation.container, citation.publisher) if n]
    names.append(" ".join(host.split(".")[:-1]) or host)
    squeezed = title.replace(" ", "")
    return any(
        fuzz.token_set_ratio(title, _normal(name)) >= 80
        or (len(squeezed) >= 3 and squeezed in _normal(name).replace(" ", ""))
        for name in names
    )


def _authors(
    citation: Citation, link: LinkResult, meta: list[tuple[str, str]]
) -> Iterator[Finding]:
    people = [p for p in citation.authors if not p.corporate and p.family]
    listed = [
        value
        for key, value in meta
        if key in _AUTHOR_KEYS and value.strip() and not _GENERIC_AUTHOR.search(value)
    ]
    if not people or not listed:
        return
    page_authors = _normal(" ".join(listed))
    if any(fuzz.partial_ratio(_normal(p.family), page_authors) >= 90 for p in people):
        return
    cited = ", ".join(p.family for p in people)
    message = (
        f"The page at {link.url} names {'; '.join(listed)} as author, the note cites {cited}. "
        "Check the author names or the URL."
    )
    yield raise_finding(
        PAGE_AUTHOR,
        message,
        citation.location,
        note=citation.note,
        evidence=f"page authors: {'; '.join(listed)}",
    )


def _meta_date(value: str) -> PartialDate | None:
    match = re.match(r"\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})", value)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _page_date(
    citation: Citation, link: LinkResult, meta: list[tuple[str, str]]
) -> Iterator[Finding]:
    cited = citation.date
    if cited is None or cited.day is None:
        return
    dates = [d for key, value in meta if key in _DATE_KEYS and (d := _meta_date(value))]
    if not dates:
        return
    gaps = [(_gap(d, cited), d) for d in dates]
    known = [(g, d) for g, d in gaps if g is not None]
    if not known or min(g for g, _ in known) == 0:
        return
    gap, page_date = min(known, key=lambda pair: pair[0])
    evidence = f"page date {page_date.isoformat()}; cited {cited.isoformat()}"
    if gap == 1:
        message = (
            f"The page at {link.url} is dated {page_date.isoformat()}, the note cites "
            f"{cited.isoformat()}: likely web vs print date. Check which date your style wants."
        )
        yield raise_finding(
            PAGE_DAY, message, citation.location, note=citation.note, evidence=evidence
        )
        return
    message = (
        f"The page at {link.url} is dated {page_date.isoformat()}, but the note cites "
        f"{cited.isoformat()}. Check the date."
    )
    yield raise_finding(
        PAGE_DATE, message, citation.location, note=citation.note, evidence=evidence
    )
