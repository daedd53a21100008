"""The services' JSON -> ``WorkRecord``: Crossref works, OpenAlex works, CourtListener clusters.

Wire formats (checked against the services' documentation):

* Crossref ``/works/{doi}``: ``{"status": "ok", "message-type": "work",
  "message": {...}}``; ``/works?query.bibliographic=``: ``message-type``
  ``work-list`` with ``message.items`` (each with a relevance ``score``) and
  ``total-results``. A work has ``title``/``subtitle``/``container-title``/
  ``short-container-title`` as lists, ``author`` with ``family``/``given``
  (or ``name`` for organisations), ``published-print``/``published-online``/
  ``issued`` as ``{"date-parts": [[y, m, d]]}``, ``page`` "193-220", and
  ``updated-by``: notices (``type`` "retraction", "correction",
  "expression_of_concern"..., ``DOI``, ``source`` such as
  "retraction-watch", ``updated`` date).
* OpenAlex ``/works/doi:...``: one work; ``/works?search=``: ``{"meta": ...,
  "results": [...]}``. A work has ``doi`` as a resolver URL, ``title``,
  ``publication_year``, ``authorships[].author.display_name``,
  ``primary_location.source.display_name``, ``biblio`` (volume, issue,
  first_page, last_page) and ``is_retracted``.
* CourtListener ``citation-lookup``: a list of ``{"citation", "status",
  "error_message", "clusters": [{"case_name", "date_filed",
  "absolute_url", "citations"...}]}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from citecheck.model import WorkRecord

__all__ = [
    "case_list_shape",
    "clean_doi",
    "courtlistener_record",
    "crossref_items",
    "crossref_list_shape",
    "crossref_record",
    "crossref_work_shape",
    "openalex_list_shape",
    "openalex_record",
    "openalex_results",
    "openalex_work_shape",
]

_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/")


def clean_doi(value: str | None) -> str | None:
    """A DOI in its bare, lower-case form (DOIs are case-insensitive)."""
    if not value:
        return None
    text = value.strip()
    for prefix in _DOI_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    text = text.removeprefix("doi:").strip()
    return text.lower() or None


def _first(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value not in (None, "") else None


def _texts(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return (str(value).strip(),) if value else ()


def _year(part: object) -> int | None:
    if not isinstance(part, Mapping):
        return None
    dates = part.get("date-parts")
    try:
        year = dates[0][0]  # type: ignore[index]
    except (TypeError, IndexError, KeyError):
        return None
    return (
        int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None
    )


def _first_page(pages: str | None) -> str | None:
    if not pages:
        return None
    head = pages.replace("\u2013", "-").replace("\u2014", "-").split("-", 1)[0].split(",")[0]
    return head.strip() or None


# Publishers rename a retracted article ("RETRACTED: ...", "WITHDRAWN: ..."): a signal
# of its own (Edifix layers it under the notices), and no part of the title to match.
_RETRACTED_TITLE = re.compile(
    r"^\s*(?:RETRACTED|WITHDRAWN)(?:\s+ARTICLE)?\s*[:.\-\u2013]\s*", re.IGNORECASE
)


def split_retracted_title(title: str | None) -> tuple[str | None, bool]:
    """The title without a "RETRACTED:" prefix, and whether it had one."""
    if not title:
        return title, False
    found = _RETRACTED_TITLE.match(title)
    return (title[found.end() :], True) if found else (title, False)


def crossref_record(work: Mapping[str, Any], *, score: float | None = None) -> WorkRecord:
    """One Crossref work (the ``message`` of ``/works/{doi}`` or an item of a search)."""
    authors: list[str] = []
    for person in work.get("author") or ():
        if isinstance(person, Mapping):
            name = person.get("family") or person.get("name")
            if name:
                authors.append(str(name))
    years = []
    for key in ("published-print", "published-online", "issued", "published"):
        year = _year(work.get(key))
        if year is not None and year not in years:
            years.append(year)
    updates = []
    for notice in work.get("updated-by") or ():
        if isinstance(notice, Mapping) and notice.get("type"):
            when = notice.get("updated")
            year = _year(when)
            date = ""
            if isinstance(when, Mapping) and when.get("date-time"):
                date = str(when["date-time"])[:10]
            elif year is not None:
                date = str(year)
            updates.append(
                (
                    str(notice["type"]).lower().replace("-", "_"),
                    str(notice.get("DOI") or ""),
                    str(notice.get("source") or ""),
                    date,
                )
            )
    pages = _first(work.get("page"))
    doi = clean_doi(_first(work.get("DOI")))
    title, renamed = split_retracted_title(_first(work.get("title")))
    if renamed and not any(kind == "retraction" for kind, *_ in updates):
        updates.append(("retraction", "", "title", ""))
    return WorkRecord(
        service="crossref",
        id=doi or "",
        doi=doi,
        title=title,
        subtitle=_first(work.get("subtitle")),
        authors=tuple(authors),
        years=tuple(years),
        containers=(
            *_texts(work.get("container-title")),
            *_texts(work.get("short-container-title")),
        ),
        volume=_first(work.get("volume")),
        issue=_first(work.get("issue")),
        first_page=_first_page(pages),
        pages=pages,
        isbns=tuple(i.replace("-", "") for i in _texts(work.get("ISBN"))),
        updates=tuple(updates),
        retracted=any(kind == "retraction" for kind, *_ in updates),
        url=_first(work.get("URL")),
        score=score if score is not None else _number(work.get("score")),
        kind=_first(work.get("type")),
    )


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def crossref_items(document: object) -> tuple[WorkRecord, ...]:
    """The hits of a Crossref ``work-list``, best first as Crossref ranked them."""
    if not isinstance(document, Mapping):
        return ()
    message = document.get("message")
    items = message.get("items") if isinstance(message, Mapping) else None
    return tuple(crossref_record(item) for item in items or () if isinstance(item, Mapping))


def crossref_work(document: object) -> WorkRecord | None:
    """The work of a Crossref ``/works/{doi}`` answer."""
    if not isinstance(document, Mapping) or not isinstance(document.get("message"), Mapping):
        return None
    return crossref_record(document["message"])


def openalex_record(work: Mapping[str, Any]) -> WorkRecord:
    """One OpenAlex work."""
    authors = []
    for authorship in work.get("authorships") or ():
        if not isinstance(authorship, Mapping):
            continue
        author = authorship.get("author")
        name = author.get("display_name") if isinstance(author, Mapping) else None
        name = name or authorship.get("raw_author_name")
        if name:
            authors.append(str(name))
    location = work.get("primary_location")
    source = location.get("source") if isinstance(location, Mapping) else None
    containers: tuple[str, ...] = ()
    if isinstance(source, Mapping):
        containers = (
            *_texts(source.get("display_name")),
            *_texts(source.get("abbreviated_title")),
        )
    found = work.get("biblio")
    biblio: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    first = _first(biblio.get("first_page"))
    last = _first(biblio.get("last_page"))
    year = work.get("publication_year")
    doi = clean_doi(_first(work.get("doi")))
    title, renamed = split_retracted_title(
        _first(work.get("title")) or _first(work.get("display_name"))
    )
    return WorkRecord(
        service="openalex",
        id=str(work.get("id") or doi or ""),
        doi=doi,
        title=title,
        authors=tuple(authors),
        years=(int(year),) if isinstance(year, int) else (),
        containers=containers,
        volume=_first(biblio.get("volume")),
        issue=_first(biblio.get("issue")),
        first_page=first,
        pages=f"{first}-{last}" if first and last else first,
        retracted=bool(work.get("is_retracted")) or renamed,
        url=_first(work.get("id")),
        score=_number(work.get("relevance_score")),
        kind=_first(work.get("type")),
    )


def openalex_results(document: object) -> tuple[WorkRecord, ...]:
    """The hits of an OpenAlex ``/works?search=`` answer."""
    if not isinstance(document, Mapping):
        return ()
    results = document.get("results")
    return tuple(openalex_record(r) for r in results or () if isinstance(r, Mapping))


def openalex_work(document: object) -> WorkRecord | None:
    if not isinstance(document, Mapping) or not document.get("id"):
        return None
    return openalex_record(document)


def courtlistener_record(cluster: Mapping[str, Any], *, base: str) -> WorkRecord:
    """One CourtListener opinion cluster, as far as the stage needs it."""
    filed = str(cluster.get("date_filed") or "")
    year = int(filed[:4]) if filed[:4].isdigit() else None
    url = str(cluster.get("absolute_url") or "")
    return WorkRecord(
        service="courtlistener",
        id=str(cluster.get("id") or url),
        title=_first(cluster.get("case_name")),
        years=(year,) if year is not None else (),
        url=base.rstrip("/") + url if url.startswith("/") else url or None,
    )


# -- the envelopes ---------------------------------------------------------
# A 200 whose body is not the API's envelope (a proxy's HTML page, a "message"
# of null) says nothing about the work: each check names what is wrong with
# the document (None: it is the envelope the parsers read).


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def crossref_work_shape(document: object) -> str | None:
    """``/works/{doi}``: ``{"message": {...work...}}``."""
    if not isinstance(document, Mapping):
        return f"the document is {_kind(document)}, not an object"
    message = document.get("message")
    if isinstance(message, Mapping):
        return None
    return f"its 'message' is {_kind(message)}, not an object"


def crossref_list_shape(document: object) -> str | None:
    """``/works?query...``: ``{"message": {"items": [...]}}``."""
    if not isinstance(document, Mapping):
        return f"the document is {_kind(document)}, not an object"
    message = document.get("message")
    if not isinstance(message, Mapping):
        return f"its 'message' is {_kind(message)}, not an object"
    items = message.get("items")
    return None if isinstance(items, list) else f"its 'message.items' is {_kind(items)}, not a list"


def openalex_work_shape(document: object) -> str | None:
    """``/works/doi:...``: one work object with an ``id``."""
    if not isinstance(document, Mapping):
        return f"the document is {_kind(document)}, not a work"
    return None if isinstance(document.get("id"), str) else "the work has no 'id'"


def openalex_list_shape(document: object) -> str | None:
    """``/works?search=`` or ``?filter=``: ``{"results": [...]}``."""
    if not isinstance(document, Mapping):
        return f"the document is {_kind(document)}, not an object"
    results = document.get("results")
    return None if isinstance(results, list) else f"its 'results' is {_kind(results)}, not a list"


def case_list_shape(document: object) -> str | None:
    """CourtListener's citation lookup: a list of citation objects."""
    if not isinstance(document, list):
        return f"the document is {_kind(document)}, not a list of citations"
    if not all(isinstance(entry, Mapping) for entry in document):
        return "an entry of the list is not a citation object"
    return None
