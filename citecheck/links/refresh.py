"""Pages that send the reader on by themselves: a refresh (``<meta http-equiv="refresh">`` or a
``Refresh`` header) and a page whose only content is a script setting ``location``.

A browser follows these as it follows a 3xx, so the checker does too (as a
hop of the same walk: the same redirect budget, the same address policy);
one at once moves like a 301, one after a delay like a 302 (``Hop.permanent``).
Only what surely moves every reader counts:

* a refresh with a delay of at most ``MAX_DELAY`` seconds (a longer one is
  a page that reloads itself, or one a reader can read first);
* not inside ``<noscript>`` (a browser running scripts never sees it) or
  ``<template>`` (inert);
* not to the page itself (a reload), nor off the web (``javascript:``,
  ``data:``, ``file:``: browsers do not leave the page for those);
* a script only when it is the whole page: one inline script of exactly one
  ``location = "..."``, ``location.href = "..."``, ``location.replace("...")``
  or ``location.assign("...")`` with a plain string, and no visible text.
  Anything conditional, computed or beside other content is left alone: a
  redirect missed is a page judged as it stands, one imagined would be a
  false move.

The body was already read within ``max_bytes``; it is parsed here only when
its bytes name a refresh, or when it is small and names ``location``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from citecheck.links.answers import Answer
from citecheck.links.urls import normalise_url

__all__ = ["MAX_DELAY", "Refresh", "refresh_of"]

MAX_DELAY = 5  # seconds: "you will be taken to the new page in 5 seconds" still moves everyone
_SCRIPT_PAGE_MAX = 16 * 1024  # a page that is only a redirect script is small
_HTML = ("text/html", "application/xhtml+xml")
_MENTIONS_REFRESH = re.compile(rb"http-equiv\s*=\s*[\"']?\s*refresh", re.IGNORECASE)
_MENTIONS_LOCATION = re.compile(rb"location", re.IGNORECASE)
_REFRESH_METAS = etree.XPath(
    "//meta[translate(normalize-space(@http-equiv), 'REFSH', 'refsh') = 'refresh']"
    "[not(ancestor::noscript) and not(ancestor::template)]"
)
_BASE = etree.XPath("(//base[@href])[1]/@href", smart_strings=False)
_SCRIPTS = etree.XPath("//script")
_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
    " and not(ancestor::template)]",
    smart_strings=False,
)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
# The whole script: one assignment or call with one plain string (no escapes, no concatenation).
_STRING = r"""(?:"([^"\\\n]*)"|'([^'\\\n]*)')"""
_SCRIPT_REDIRECT = re.compile(
    r"^\s*(?:(?:window|self|top|document)\s*\.\s*)?location"
    rf"(?:(?:\s*\.\s*href)?\s*=\s*{_STRING}|\s*\.\s*(?:replace|assign)\s*\(\s*{_STRING}\s*\))"
    r"\s*;?\s*$"
)


@dataclass(frozen=True, slots=True)
class Refresh:
    """Where a page sends its reader, and how ("meta refresh", "Refresh header", "script")."""

    url: str
    via: str
    delay: int = 0


def refresh_of(answer: Answer) -> Refresh | None:
    """The move a 2xx answer makes by itself (resolved against its address), or None."""
    if answer.status is None or not 200 <= answer.status < 300:
        return None
    header = answer.headers.get("refresh")
    if header is not None:
        found = _declared(header, answer.url, "Refresh header")
        if found is not None:
            return found
    media = answer.content_type.split(";", 1)[0].strip().lower()
    body = answer.body
    if not body or (media and media not in _HTML):
        return None
    wants_meta = _MENTIONS_REFRESH.search(body) is not None
    wants_script = len(body) <= _SCRIPT_PAGE_MAX and _MENTIONS_LOCATION.search(body) is not None
    if not (wants_meta or wants_script):
        return None
    root = _parse(body)
    if root is None:
        return None
    bases = _BASE(root)
    base = answer.url
    if isinstance(bases, list) and bases and isinstance(bases[0], str):
        base = urljoin(answer.url, bases[0].strip())
    if wants_meta:
        metas = _REFRESH_METAS(root)
        for meta in metas if isinstance(metas, list) else []:
            if isinstance(meta, etree._Element):
                # The first refresh a browser meets is the one it keeps.
                return _declared(meta.get("content") or "", answer.url, "meta refresh", base=base)
    if wants_script:
        return _script(root, answer.url, base)
    return None


def _parse(body: bytes) -> Any:
    try:
        return etree.fromstring(body, etree.HTMLParser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, LookupError):
        return None


def _declared(content: str, url: str, via: str, *, base: str | None = None) -> Refresh | None:
    """A refresh's ``content`` read as the HTML standard reads it; None unless it moves on."""
    text = content.strip(" \t\n\f\r")
    digits = re.match(r"\d*", text)
    delay_text = digits.group() if digits else ""
    rest = text[len(delay_text) :]
    if not delay_text and not rest.startswith("."):
        return None  # no delay at all: browsers ignore it
    delay = int(delay_text) if delay_text else 0
    rest = re.sub(r"^[\d.]*", "", rest).lstrip(" \t\n\f\r")
    if rest[:1] in {";", ","}:
        rest = rest[1:].lstrip(" \t\n\f\r")
    if not rest:
        return None  # a reload of the page itself
    named = re.match(r"url\s*=\s*", rest, re.IGNORECASE)
    if named:
        rest = rest[named.end() :]
    if rest[:1] in {"'", '"'}:
        rest = rest[1:].split(rest[0], 1)[0]
    target = rest.strip()
    if not target or delay > MAX_DELAY:
        return None
    return _moving(urljoin(base or url, target), url, via, delay)


def _script(root: Any, url: str, base: str) -> Refresh | None:
    scripts = _SCRIPTS(root)
    if not isinstance(scripts, list) or len(scripts) != 1:
        return None
    script = scripts[0]
    if not isinstance(script, etree._Element) or script.get("src") is not None:
        return None
    if (script.get("type") or "").strip().lower() not in _JS_TYPES:
        return None
    if any(parent.tag in {"noscript", "template"} for parent in script.iterancestors()):
        return None
    texts = _TEXT(root)
    if isinstance(texts, list) and any(isinstance(t, str) and t.strip() for t in texts):
        return None  # the page shows something besides the script
    found = _SCRIPT_REDIRECT.match(script.text or "")
    if found is None:
        return None
    target = next(value for value in found.groups() if value is not None).strip()
    if not target:
        return None
    return _moving(urljoin(base, target), url, "script", 0)


def _moving(target: str, url: str, via: str, delay: int) -> Refresh | None:
    """The refresh, unless it only reloads the page (the same address, any fragment) or
    leads off the web (``javascript:``, ``data:``, ``file:``: browsers stay on the page)."""
    if urlsplit(target).scheme.lower() not in {"http", "https"}:
        return None
    if normalise_url(urldefrag(target)[0]) == normalise_url(urldefrag(url)[0]):
        return None
    return Refresh(url=target, via=via, delay=delay)
