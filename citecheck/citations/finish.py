"""Draft -> Parsed: decide what kind of work the fields describe, and tidy them.

``finish`` settles the ``CitationType`` from the fields found (a report, a
newspaper, a web page ...) and returns the frozen ``Parsed``. The name
patterns it decides by (``NEWSPAPER_RE``, ``PUBLISHER_RE``,
``REPORT_TITLE_RE``, ``TITLE_EDITION_RE``) are shared with ``assign`` and
``fields``.
"""

from __future__ import annotations

import re

from citecheck.citations.draft import Draft, Parsed, tidy
from citecheck.citations.names import looks_corporate
from citecheck.model import CitationType

__all__ = ["NEWSPAPER_RE", "PUBLISHER_RE", "REPORT_TITLE_RE", "TITLE_EDITION_RE", "finish"]


PUBLISHER_RE = re.compile(
    r"\b(?:Press|Books|Publish\w*|Verlag|Éditions|Editions|Editorial|Knopf|Penguin|Routledge"
    r"|Wiley|Sage|Springer|Norton|Vintage|Random\s+House|Schuster|Macmillan|Palgrave|Harper\w*"
    r"|Doubleday|Houghton\s+Mifflin|Elsevier|Brill|Polity|Verso|Bloomsbury|Praeger)\b"
)


NEWSPAPER_RE = re.compile(
    r"\b(?:Times|Post|Herald|Tribune|Guardian|Gazette|Chronicle|Telegraph|Independent|Observer"
    r"|Courier|Dispatch|Inquirer|Examiner|Sun|Star|Globe|Daily|Reuters|Associated\s+Press|AP"
    r"|Bloomberg|Wall\s+Street\s+Journal|Journal-Constitution|News|Newsweek|Le\s+Monde|El\s+País"
    r"|El\s+Universal|Reforma|La\s+Jornada|Milenio|Excélsior|Al\s+Jazeera|BBC|CNN|NPR|Politico"
    r"|Agence\s+France-Presse|AFP|Press|Record|Register|Bee|Journal\s+Sentinel|Financial\s+Times)\b"
)
REPORT_TITLE_RE = re.compile(
    r"\b(?:Report|Review|Strategy|Assessment|White\s+Paper|Working\s+Paper|Policy\s+Brief|Brief"
    r"|Testimony|Hearing|Fact\s+Sheet|Factsheet|Plan|Guidelines|Survey|Census|Statistics|Yearbook"
    r"|Outlook|Indicators|Estimates|Memorandum)\b"
)
_SPOKEN_TITLE_RE = re.compile(
    r"(?:Prepared\s+)?(?:Testimony|Statement|Remarks|Speech|Address|Lecture|Keynote)\b"
    r".{0,200}?\b(?:before|to|at)\s+(?:the\s+)?[A-Z]"
)


def _is_pdf(url: str) -> bool:
    return url.lower().split("?")[0].endswith(".pdf")


def _finish_type(d: Draft) -> CitationType:
    if d.type is not None:
        return d.type
    container = d.container or ""
    title = d.title or ""
    if d.chapter:
        return CitationType.CHAPTER
    if d.series or d.number or (d.report_hint and not (d.volume or d.issue)):
        return CitationType.REPORT
    if container and NEWSPAPER_RE.search(container) and not d.volume:
        return CitationType.NEWSPAPER
    if _SPOKEN_TITLE_RE.match(title) and not container:
        # "“Testimony before the House Homeland Security Committee,” March 10, 2010".
        return CitationType.PRESENTATION
    corporate = bool(d.authors) and all(p.corporate for p in d.authors)
    if (
        corporate
        and container
        and not (d.volume or d.issue or d.pages)
        and not NEWSPAPER_RE.search(d.authors[0].family)
        and d.authors[0].family.casefold() != container.casefold()
    ):
        # An organisation writing in its own outlet ("CFR Backgrounder",
        # "Migration Information Source"): its page online, its paper in print.
        return CitationType.WEBPAGE if d.urls else CitationType.REPORT
    if container and (d.volume or d.issue or d.pages):
        return CitationType.ARTICLE
    if container and d.date is not None and d.date.precision == "day" and not d.publisher:
        # A dated piece in a periodical not named like a paper: in print a
        # newspaper, online (with only a URL to go on) a web page.
        return CitationType.WEBPAGE if d.urls else CitationType.NEWSPAPER
    if container and not d.urls:
        return CitationType.ARTICLE
    if (
        container
        and d.date is not None
        and d.date.precision == "month"
        and not d.publisher
        and not looks_corporate(container)
    ):
        # "Mother Jones, July/August 2009, <url>": a magazine issue, online
        # (an institution's site, "Wilson Center, March 2012", is not one).
        return CitationType.ARTICLE
    if d.title_quoted and not container and not (d.publisher or d.urls or d.date):
        # A quoted title is part of something (an article, a chapter); the
        # note just does not say of what.
        return CitationType.ARTICLE
    if title and not container and REPORT_TITLE_RE.search(title) and (d.urls or d.authors):
        if d.authors and not d.authors[0].corporate and not d.urls:
            return CitationType.BOOK if d.date else CitationType.OTHER
        return CitationType.REPORT
    if d.title_quoted and d.publisher and not container:
        # "“Working Together” (Washington, DC: Wilson Center, 2011)": a
        # stand-alone paper from an institution.
        return CitationType.REPORT
    if corporate and not container and NEWSPAPER_RE.search(d.authors[0].family):
        # "Reuters, November 5, 2010": a wire story.
        return CitationType.NEWSPAPER
    if corporate and title and not container and not (d.urls and not _is_pdf(d.urls[0])):
        # An organisation's own document, in print or as a PDF: a report.
        return CitationType.REPORT
    if d.publisher and not container and not d.place and not PUBLISHER_RE.search(d.publisher):
        # "Title, Wilson Center, 2008": an institution's paper, not a press's book.
        return CitationType.REPORT if looks_corporate(d.publisher) else CitationType.BOOK
    if d.publisher and not container and not PUBLISHER_RE.search(d.publisher):
        # "(Washington, DC: Wilson Center, November 2011)" or its PDF: a
        # month-dated or online paper from an institution, not a press's book.
        online = bool(d.urls) and _is_pdf(d.urls[0])
        if looks_corporate(d.publisher) and (online or (d.date and d.date.precision != "year")):
            return CitationType.REPORT
    if d.publisher and not container:
        return CitationType.BOOK
    if d.urls and not container and _is_pdf(d.urls[0]) and (title or d.authors):
        # A document of its own at a URL: a report more often than a page (a bare
        # address, "see <URL>", says nothing of what it is).
        return CitationType.REPORT
    if d.urls:
        return CitationType.WEBPAGE
    if title and d.date is not None and not container:
        return CitationType.BOOK
    if container:
        return CitationType.ARTICLE
    return CitationType.OTHER


def _issuer_pdf(d: Draft) -> None:
    """ "Eric Olson, “Title,” Wilson Center, March 2012, <...pdf>": the
    institution issued the paper; it is its publisher, not a periodical."""
    container = d.container or ""
    if (
        d.type is None
        and container
        and d.publisher is None
        and d.urls
        and _is_pdf(d.urls[0])
        and not (d.volume or d.issue or d.pages)
        and looks_corporate(container)
        and not NEWSPAPER_RE.search(container)
    ):
        d.publisher, d.container = container, None
        d.type = CitationType.REPORT


# "Title. 2nd ed." / APA "Title (2nd ed.)": the edition is no part of the title.
TITLE_EDITION_RE = re.compile(
    r"[.,]?\s*\(?(?:\d+(?:st|nd|rd|th)|rev\.?|revised)\s+ed(?:\.|ition)?\)?\.?$", re.I
)


def finish(d: Draft) -> Parsed:
    _issuer_pdf(d)
    title = tidy(d.title)
    if title and " ed" in title:
        title = tidy(TITLE_EDITION_RE.sub("", title)) or title
    return Parsed(
        type=_finish_type(d),
        authors=d.authors,
        et_al=d.et_al,
        title=title,
        container=tidy(d.container),
        volume=d.volume,
        issue=d.issue,
        pages=d.pages,
        pinpoint=d.pinpoint,
        date=d.date,
        publisher=tidy(d.publisher),
        place=tidy(d.place),
        series=tidy(d.series),
        number=d.number,
        urls=tuple(dict.fromkeys(d.urls)),
        doi=d.doi,
        accessed=d.accessed,
        problem=d.problem,
    )
