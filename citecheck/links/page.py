"""What a fetched page says about itself: title, citation metadata, visible text, anchors.

The checks stage compares these with the citation (title, authors, dates,
quotations), the soft-404 test compares texts, and the fragment test needs
the ids. HTML is parsed with lxml (fast and forgiving: the checker parses
thousands of pages); a PDF is read with pypdf, but only when the whole file
arrived under the byte limit, because a truncated PDF has no readable
cross-reference table.
"""

from __future__ import annotations

import io
import json
import logging
import re
import warnings
from dataclasses import dataclass
from typing import Any

from lxml import etree

__all__ = ["Page", "read_page"]

# The meta names the checks stage reads, in the order they are reported.
_META_NAMES = (
    "citation_title",
    "citation_author",
    "citation_publication_date",
    "citation_date",
    "citation_doi",
    "og:title",
    "article:published_time",
    "author",
    "dc.title",
    "dc.creator",
    "dc.date",
)
_SPACES = re.compile(r"\s+")
_MAX_TEXT = 200_000  # characters kept for the checks stage
_MAX_PDF_PAGES = 60


@dataclass(frozen=True, slots=True)
class Page:
    """The readable part of a response body."""

    kind: str  # "html", "pdf", "text" or "other"
    title: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    text: str | None = None
    anchors: frozenset[str] = frozenset()


def read_page(body: bytes, *, content_type: str, complete: bool) -> Page:
    """Read ``body`` as its content type says; never raises on bad input."""
    media = content_type.split(";", 1)[0].strip().lower()
    charset = _charset(content_type)
    if media in {"text/html", "application/xhtml+xml"} or (
        not media and body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    ):
        return _read_html(body, charset)
    if media == "application/pdf" or body.startswith(b"%PDF-"):
        return _read_pdf(body) if complete else Page(kind="pdf")
    if media.startswith("text/"):
        try:
            text = body.decode(charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know: read it as UTF-8
            text = body.decode("utf-8", errors="replace")
        return Page(kind="text", text=_SPACES.sub(" ", text).strip()[:_MAX_TEXT] or None)
    return Page(kind="other")


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _read_html(body: bytes, charset: str | None) -> Page:
    root = _parse_html(body, charset)
    if root is None:
        return Page(kind="html")
    title = _clean(" ".join(_strings(_TITLE, root)))
    meta: list[tuple[str, str]] = []
    for element in _METAS(root):  # type: ignore[union-attr]  # a list of elements
        if not isinstance(element, etree._Element):
            continue
        name = (element.get("name") or element.get("property") or "").strip().lower()
        content = _clean(element.get("content"))
        if name in _META_NAMES and content:
            meta.append((name, content))
    meta.sort(key=lambda pair: _META_NAMES.index(pair[0]))
    for source in _strings(_JSON_LD, root):
        meta.extend(_json_ld(source))
    anchors = frozenset(value for value in _strings(_ANCHORS, root) if value)
    # Last, as it changes the tree: drop what a reader never sees, keep what follows it.
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    text = _SPACES.sub(" ", " ".join(_strings(_BODY_TEXT, root))).strip()[:_MAX_TEXT]
    return Page(kind="html", title=title, meta=tuple(meta), text=text or None, anchors=anchors)


def _strings(path: etree.XPath, root: Any) -> list[str]:
    found = path(root)
    return [value for value in found if isinstance(value, str)] if isinstance(found, list) else []


def _parse_html(body: bytes, charset: str | None) -> Any:
    """The document's root element, or None; a wrong charset label falls back to guessing."""
    if not body.strip():
        return None
    for encoding in (charset, None) if charset else (None,):
        try:
            root = etree.fromstring(body, etree.HTMLParser(encoding=encoding))
        except (etree.ParserError, etree.XMLSyntaxError, ValueError, LookupError):
            continue
        if root is not None:
            return root
    return None


# XPath runs in C: on a 100 KB page this is ten times faster than walking elements in Python.
_TITLE = etree.XPath("(//title)[1]//text()", smart_strings=False)
_METAS = etree.XPath("//meta[@content]")
_JSON_LD = etree.XPath(
    "//script[translate(normalize-space(@type), 'JSON+LD', 'json+ld')='application/ld+json']"
    "/text()",
    smart_strings=False,
)
_ANCHORS = etree.XPath("//@id | //a/@name", smart_strings=False)
_INVISIBLE = ("script", "style", "noscript", "template", "svg")
_BODY_TEXT = etree.XPath("//body//text()", smart_strings=False)


def _json_ld(source: str) -> list[tuple[str, str]]:
    """headline, datePublished and author names from JSON-LD, whatever its nesting."""
    try:
        data = json.loads(source)
    except ValueError:
        return []
    found: list[tuple[str, str]] = []
    stack: list[Any] = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("@graph"), list):
            stack.extend(item["@graph"])
        headline = item.get("headline")
        if not isinstance(headline, str) and _is_creative_work(item):
            headline = item.get("name")
        if isinstance(headline, str) and headline.strip():
            found.append(("jsonld:headline", headline.strip()))
        published = item.get("datePublished")
        if isinstance(published, str) and published.strip():
            found.append(("jsonld:datePublished", published.strip()))
        authors = item.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            name = author.get("name") if isinstance(author, dict) else author
            if isinstance(name, str) and name.strip():
                found.append(("jsonld:author", name.strip()))
    return found


def _is_creative_work(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str) and (k.endswith("Article") or k in {"WebPage", "Report", "Book"})
        for k in kinds
    )


def _read_pdf(body: bytes) -> Page:
    from pypdf import PdfReader  # imported late: only manuscripts citing PDFs pay for it

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # broken PDFs are the site's problem, not a log line
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(body))
            info = reader.metadata
            meta: list[tuple[str, str]] = []
            title = _clean(str(info.title)) if info is not None and info.title else None
            if title:
                meta.append(("pdf:title", title))
            if info is not None and info.author:
                meta.append(("pdf:author", str(info.author).strip()))
            if info is not None and info.creation_date is not None:
                meta.append(("pdf:creation_date", info.creation_date.isoformat()))
            texts = [page.extract_text() or "" for page in reader.pages[:_MAX_PDF_PAGES]]
    except Exception:  # pypdf raises many types on damaged files; the link itself is fine
        return Page(kind="pdf")
    finally:
        pypdf_log.setLevel(level)
    text = _SPACES.sub(" ", " ".join(texts)).strip()[:_MAX_TEXT]
    return Page(kind="pdf", title=title, meta=tuple(meta), text=text or None)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", value).strip()
    return text or None
