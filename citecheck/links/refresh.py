"""Pages that send the reader on by themselves: a refresh (``<meta http-equiv="refresh">`` or a
``Refresh`` header) and a page whose only content is a script setting ``location``.

A browser follows these as it follows a 3xx, so the checker does too (as a
hop of the same walk: the same redirect budget, the same address policy);
one at once moves like a 301, one after a delay like a 302 (``Hop.permanent``).
Only what surely moves every reader counts:

* a refresh with a delay of at most ``MAX_DELAY`` seconds (a longer one is
  a page a reader can read first), or at any delay from a page that is only
  a notice of the move: it says it has moved ("This page has moved", "you
  will be redirected", "new address") in a short text, or shows next to
  nothing (a few words, no image). Such a page moves its reader for good
  (``Refresh.notice``), like a 301, however long it waits;
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
# A page of at most this many words and no image shows nothing but its refresh.
_NEARLY_EMPTY_WORDS = 30
# A page saying it moved is a notice only when short: an article may say "has moved".
_NOTICE_MAX_WORDS = 100
_MOVED = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:been\s+)?(?:moved|relocated)|moved\s+(?:permanently|to)\b"
    r"|new\s+(?:address|location|home|site|website|url|domain)\b|redirect(?:ing|ed)?\b"
    r"|you\s+will\s+be\s+(?:taken|transported|forwarded|sent)\b|forwarding\b"
    r"|update\s+your\s+(?:bookmarks?|links?)\b)",
    re.IGNORECASE,
)
_MOVED_TITLE = re.compile(r"\b(?:moved|redirect\w*|relocated)\b", re.IGNORECASE)
_TITLE = etree.XPath("string((//title)[1])", smart_strings=False)
_MEDIA = etree.XPath(
    "//body//*[self::img or self::picture or self::video or self::audio or self::iframe"
    " or self::object or self::embed or self::canvas or self::svg]"
    "[not(ancestor::noscript) and not(ancestor::template)]"
)
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
    # Why a delayed refresh moves for good ("the page says it has moved"), or "".
    notice: str = ""


def refresh_of(answer: Answer) -> Refresh | None:
    """The move a 2xx answer makes by itself (resolved against its address), or None."""
    if answer.status is None or not 200 <= answer.status < 300:
        return None
    media = answer.content_type.split(";", 1)[0].strip().lower()
    body = answer.body if not media or media in _HTML else b""
    root: Any = None
    header = answer.headers.get("refresh")
    if header is not None:
        found = _declared(header, answer.url, "Refresh header")
        if found is not None:
            root = _parse(body) if body and found.delay else None
            if (settled := _settled(found, root)) is not None:
                return settled
    if not body:
        return None
    wants_meta = _MENTIONS_REFRESH.search(body) is not None
    wants_script = len(body) <= _SCRIPT_PAGE_MAX and _MENTIONS_LOCATION.search(body) is not None
    if not (wants_meta or wants_script):
        return None
    root = _parse(body) if root is None else root
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
                found = _declared(meta.get("content") or "", answer.url, "meta refresh", base=base)
                return _settled(found, root) if found is not None else None
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
    if not target:
        return None
    return _moving(urljoin(base or url, target), url, via, delay)


def _settled(found: Refresh, root: Any) -> Refresh | None:
    """A delayed refresh as it counts: for good from a notice of the move, else only
    within ``MAX_DELAY`` (a temporary move); None past it."""
    if not found.delay:
        return found
    notice = _notice(root) if root is not None else ""
    if notice:
        return Refresh(url=found.url, via=found.via, delay=found.delay, notice=notice)
    return found if found.delay <= MAX_DELAY else None


def _notice(root: Any) -> str:
    """Why the page is only a notice of its move, or "" when it has content of its own."""
    texts = _TEXT(root)
    text = " ".join(t for t in texts if isinstance(t, str)) if isinstance(texts, list) else ""
    words = len(re.findall(r"\w+", text))
    title = _TITLE(root)
    said = _MOVED.search(text) or (isinstance(title, str) and _MOVED_TITLE.search(title))
    if words <= _NOTICE_MAX_WORDS and said:
        return "the page says it has moved"
    media = _MEDIA(root)
    if words <= _NEARLY_EMPTY_WORDS and not (isinstance(media, list) and media):
        return "the page shows nothing else"
    return ""


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
