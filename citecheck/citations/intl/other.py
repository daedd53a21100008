"""Statutes, official reports, web pages and newspapers."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _Q_OPEN,
    _QUOTED,
    _people,
    _pin,
    _year,
)
from citecheck.model import CitationType

# ------------------------------------------------------ statutes, reports

_GERMAN_STATUTE_RE = re.compile(
    r"^(?P<pin>(?:§§?|Art(?:t)?\.)\s*\d+\w*(?:\s+(?:Abs\.|S\.|Satz|Nr\.|lit\.|UAbs\.|Var\.|Alt\.)\s*\d+\w*)*"
    r"(?:\s*(?:[-–,]|und|u\.|i\.\s?V\.\s?m\.)\s*(?:(?:§§?|Art(?:t)?\.)\s*)?\d+\w*"
    r"(?:\s+(?:Abs\.|S\.|Satz|Nr\.|lit\.|UAbs\.|Var\.|Alt\.)\s*\d+\w*)*)*)\s+"
    r"(?P<act>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,12}(?:\s[IVX]+)?)\.?$"
)
_ACT_RE = re.compile(
    r"^(?P<title>(?:[A-Z][\w,()'’ -]*?\s)?(?:Act|Ordinance|Regulations|Order|Rules|Code)\s+\d{4}"
    r"(?:\s*\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|UK|NZ|NI|Scot)\))?)"
    r"(?:\s*,?\s*(?P<pin>(?:ss?|arts?|pt|sch|regs?|rr?|cl|para)\.?\s+[\w().–-]+(?:\s*(?:[,–-]|and)\s*[\w().]+)*))?\.?$"
)
_REPORT_RE = re.compile(
    r"^(?P<head>[^()]{2,300}?)\s*\((?:(?P<series>[A-Z][\w ]{1,40}?)\s+No\.?\s+(?P<num>[\w/-]+)"
    r"|(?P<cm>(?:Cm|Cmnd|Cd|HC|HL|SI)\s+[\w/-]+))(?:,\s*(?P<date>[^()]{0,30}))?\)"
    r"(?:\s*,?\s*(?P<pin>[^()]{1,30}?))?\.?$"
)


# Cheap necessary conditions, tried before the patterns (which cost far more
# on the many texts they do not fit): each is a stretch every match contains.
_ACT_HINT_RE = re.compile(r"(?:Act|Ordinance|Regulations|Order|Rules|Code)\s+\d{4}")
_REPORT_HINT_RE = re.compile(r"\sNo\.?\s|\((?:Cm|Cmnd|Cd|HC|HL|SI)\s")


def _statute_or_report(text: str) -> Parsed | None:
    m = _GERMAN_STATUTE_RE.match(text) if text.startswith(("§", "Art")) else None
    if m:
        return Parsed(type=CitationType.STATUTE, title=m.group("act"), pinpoint=m.group("pin"))
    m = _ACT_RE.match(text) if _ACT_HINT_RE.search(text) else None
    if m:
        return Parsed(
            type=CitationType.STATUTE, title=tidy(m.group("title")), pinpoint=_pin(m.group("pin"))
        )
    m = _REPORT_RE.match(text) if _REPORT_HINT_RE.search(text) else None
    if m and not any(q in m.group("head") for q in "‘“"):
        head = m.group("head").strip(" ,")
        who, sep, title = head.partition(", ")
        authors = _people(who) if sep else None
        if not authors:
            title, authors = head, ()
        return Parsed(
            type=CitationType.REPORT,
            authors=authors,
            title=tidy(title),
            series=tidy(m.group("series")),
            number=m.group("num") or m.group("cm"),
            date=_year(m.group("date")),
            pinpoint=_pin(m.group("pin")),
        )
    return None


# ---------------------------------------------------------------- web pages

_WEB_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?:(?P<site2>[^(<]{{2,80}}?)\s*)?"
    r"\((?:(?P<site>[^,()]{2,80}?),\s*)?(?P<date>[^()]{0,30}?\d{4})\)\s*"
    r"<?(?P<url>(?:https?://|www\.)[^\s<>]+?)>?,?\s*"
    r"(?:\(?\[?(?:accessed|last\s+visited|abgerufen\s+am)\s+(?P<accessed>[^)\]]+?)\]?\)?)?\.?$",
    re.IGNORECASE,
)
_DOC_WORDS = re.compile(
    r"^(?:Web Page|Blog Post|Media Release|Press Release|Report|Statement)$", re.I
)


# The year closing the parenthesis, then the URL: in every match of _WEB_RE.
_WEB_HINT_RE = re.compile(r"\d\)\s*<?(?:https?://|www\.)", re.IGNORECASE)


def _web(text: str) -> Parsed | None:
    """OSCOLA "'Title' (Site, 1 May 2020) <url> ..."; AGLC "'Title', Site (Web Page, ...)"."""
    m = _WEB_RE.match(text) if _WEB_HINT_RE.search(text) else None
    if not m:
        return None
    who = m.group("who").strip(" ,")
    authors = _people(who) if who else ()
    if authors is None:
        return None
    site = m.group("site")
    if site and _DOC_WORDS.match(site.strip()):
        site = None
    container = tidy(m.group("site2")) or tidy(site)
    return Parsed(
        type=CitationType.WEBPAGE,
        authors=authors,
        title=tidy(m.group("title")),
        container=container,
        date=_year(m.group("date")),
        urls=(m.group("url").rstrip(".,;"),),
        accessed=_year(m.group("accessed")),
    )


_PAPER_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?P<paper>(?:The\s+)?[A-Z][^()<>]{{2,60}}?),?\s*"
    r"\((?:(?P<place>[A-Z][\w .]+?),\s*)?(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})\)"
    r"(?:\s*,?\s*(?:p\.\s*)?(?P<page>[A-Z]?\d+))?\.?$"
)
_GERMAN_PAPER_RE = re.compile(
    r"^(?:(?P<who>[^,]{2,60}?),\s*(?:(?P<title>[^,]{2,200}?),\s*)?)?"
    r"(?P<paper>[A-ZÄÖÜ][\wÄÖÜäöüß .-]{1,50}?)"
    r"\s+v(?:om|\.)\s*(?P<d>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(?:,\s*S\.\s*(?P<page>\d+))?\.?$"
)


# The day-month-year date closing a parenthesis; German "v. 1.5.2000".
_PAPER_HINT_RE = re.compile(r"\d\s+[A-Z][a-z]+\.?\s+\d{4}\)")
_GERMAN_PAPER_HINT_RE = re.compile(r"v(?:om|\.)\s*\d{1,2}\.")


def _newspaper(text: str) -> Parsed | None:
    """OSCOLA "'Title' The Guardian (London, 3 May 2010) 12"; German "FAZ v. 1.5.2000, S. 3"."""
    m = _PAPER_RE.match(text) if _PAPER_HINT_RE.search(text) else None
    if m:
        who = m.group("who").strip(" ,")
        authors = _people(who) if who else ()
        if authors is None:
            return None
        return Parsed(
            type=CitationType.NEWSPAPER,
            authors=authors,
            title=tidy(m.group("title")),
            container=tidy(m.group("paper")),
            date=_year(m.group("date")),
            pages=m.group("page"),
        )
    m = _GERMAN_PAPER_RE.match(text) if _GERMAN_PAPER_HINT_RE.search(text) else None
    if m:
        authors = _people(m.group("who")) if m.group("who") else ()
        return Parsed(
            type=CitationType.NEWSPAPER,
            authors=authors or (),
            title=tidy(m.group("title")),
            container=tidy(m.group("paper")),
            date=_year(m.group("d")),
            pages=m.group("page"),
        )
    return None
