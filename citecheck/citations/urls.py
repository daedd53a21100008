"""URLs, DOIs and access dates: what is certain wherever it sits in a note.

``take_urls`` takes every URL and DOI (with the words that introduce them,
"available at", and bracketed asides); ``take_accessed`` takes the visit
date ("accessed May 3, 2015", MLA "Web. 2 June 2015") and a "last updated"
date as the page's own.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import find_dates
from citecheck.citations.draft import Draft
from citecheck.citations.hints import lowered
from citecheck.url_text import DOI_IN_URL_RE as _DOI_IN_URL_RE
from citecheck.url_text import DOI_RE as _DOI_RE
from citecheck.url_text import URL_RE as _URL_RE
from citecheck.url_text import strip_url as _strip_url

__all__ = ["take_accessed", "take_urls"]


_URL_LEAD_RE = re.compile(
    r"(?:[,.;:]?\s*\b(?:(?:available|accessible|retrieved|downloaded|archived|published|posted"
    r"|reprinted)(?:\s+(?:online|at|from|on|via|in))*|online(?:\s+at)?|at|see|url|from|via)\s*:?\s*)+$",
    re.IGNORECASE,
)
_ACCESSED_RE = re.compile(
    r"\b(?:(?:last\s+)?(?:accessed|visited|viewed|checked|consulted)"
    r"|retrieved|date\s+accessed"
    # other languages: "consulté le", "consultato il", "consultado el/em", "acesso em",
    # "ultimo accesso", "geraadpleegd op", "(zuletzt) abgerufen am", "Zugriff am",
    # "dostęp", "besøkt", "hämtad"
    r"|consult[ée]e?|consultat[oa]|consultad[oa]|acess(?:o|ado)|accedido"
    r"|ult(?:imo|ima)\s+(?:accesso|consultazione)|geraadpleegd|bezocht|(?:zuletzt\s+)?abgerufen"
    r"|zugriff|zugegriffen|(?:data\s+)?dostępu?|besøkt|hämtad|hentet"
    r"|(?P<updated>(?:last\s+)?(?:modified|updated|revised)|mis\s+en\s+ligne))"
    r"(?:\s+(?:on|le|il|el|em|en|am|op|den|dnia))?\s*:?\s*",
    re.IGNORECASE,
)
# One of these is in every match of _ACCESSED_RE.
_ACCESSED_WORDS = (
    *("access", "visited", "viewed", "checked", "consult", "retrieved", "modified"),
    *("updated", "revised", "acess", "accedido", "geraadpleegd", "bezocht", "abgerufen"),
    *("zugriff", "zugegriffen", "dostęp", "besøkt", "hämtad", "hentet", "ligne"),
)


def take_urls(d: Draft) -> None:
    for m in list(_URL_RE.finditer(d.text)):
        url = _strip_url(m.group())
        if len(url) < 8:
            continue
        doi = _DOI_IN_URL_RE.search(url)
        if doi and d.doi is None:
            d.doi = doi.group(1).rstrip(".,;")
        d.urls.append(url)
        d.blank(m.start(), m.end())
        # Only the words just before the URL can introduce it; a bounded
        # window also keeps the search linear on long notes.
        window = max(0, m.start() - 60)
        # Each pattern ends where the URL starts: with a word ("at", "from",
        # "online" ... and an optional colon), or an opening parenthesis.
        before = d.text[window : m.start()].rstrip()
        if before[-1:].isalpha() or before.endswith(":"):
            lead = _URL_LEAD_RE.search(d.text, window, m.start())
            if lead and lead.end() == m.start() and lead.group().strip(" ,.;:"):
                d.blank(lead.start(), lead.end())
        before = d.text[window : m.start()].rstrip()
        link = _LINK_TEXT_RE.search(d.text, window, m.start()) if before.endswith("(") else None
        if link and d.text[link.end() : m.start()].strip() == "":
            # Readers write links as "text (url)"; "available at example.org
            # (url)" or "here (url)" names no field of the work.
            d.blank(link.start(), link.end())
            close = d.text.find(")", m.end())
            if close >= 0 and not d.text[m.end() : close].strip():
                d.blank(close, close + 1)
    m2 = _DOI_RE.search(d.text) if "10." in d.text else None  # "10." in every DOI
    if m2:
        d.doi = d.doi or m2.group(1).rstrip(".,;)")
        d.blank(m2.start(), m2.end())
    if d.urls or d.doi:
        d.strong = True
    # Bracketed asides ("[The Labyrinth]", "[hereinafter QHSR]", an emptied
    # "[<perma link>]") are no field of their own.
    for m3 in _BRACKETED_RE.finditer(d.text):
        d.blank(m3.start(), m3.end())


_LINK_TEXT_RE = re.compile(
    r"(?:(?<=[\s,.;:])|^)(?:(?:(?:available|accessible|online|archived|retrieved|text|data|full\s+text)"
    r"(?:\s+(?:online|at|from|on|via))*|at|see|via)\s+(?:the\s+)?[^,;()]{0,60}?"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|[a-z]{2})|here|link|online)\s*\($",
    re.IGNORECASE,
)
_BRACKETED_RE = re.compile(r"\[[^\[\]]{0,200}\]")


# MLA: "..., 15 Apr. 2009. Web. 2 June 2015.": the date after "Web." is the visit.
_MLA_WEB_RE = re.compile(r"\bWeb\.\s+")


def take_accessed(d: Draft) -> None:
    if d.accessed is None and "Web. " in d.text:
        for m in _MLA_WEB_RE.finditer(d.text):
            dates = find_dates(d.text[m.end() : m.end() + 30])
            if dates and dates[0].start == 0:
                d.accessed = dates[0].date
                d.blank(m.start(), m.end() + dates[0].end)
                break
    low = lowered(d.text)
    if low is not None and not any(word in low for word in _ACCESSED_WORDS):
        return
    for m in list(_ACCESSED_RE.finditer(d.text)):
        tail = d.text[m.end() : m.end() + 40]
        dates = find_dates(tail)
        if not dates or dates[0].start > 1:
            continue
        end = m.end() + dates[0].end
        if m.group("updated"):
            # "last modified May 3, 2015" dates the page, not the visit.
            d.date = d.date or dates[0].date
        elif d.accessed is None:
            d.accessed = dates[0].date
        else:
            continue
        if end < len(d.text) and d.text[end] in ")]":
            end += 1
        start = m.start()
        # Take the "(" or "," that opened the access note with it.
        before = d.text[max(0, start - 3) : start].rstrip()
        if before.endswith(("(", "[", ",", ";")):
            start = max(0, start - 3) + len(before) - 1
        d.blank(start, end)
