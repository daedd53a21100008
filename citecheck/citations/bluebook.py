"""Bluebook and law-review patterns eyecite does not read.

``take_bluebook`` reads a periodical cite "55 Foreign Affairs 306, 309
(1977)"; ``take_bluebook_report`` reads institutional reports ("Author,
Institution, Number, Title pin (Date)"), congressional reports and
documents ("H.R. Rep. No. 104-469, at 12 (1996)") and hearings.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import month_number, parse_date
from citecheck.citations.draft import Draft
from citecheck.citations.institutions import journal_like
from citecheck.citations.names import parse_authors
from citecheck.model import CitationType, Person

__all__ = ["take_bluebook", "take_bluebook_report"]


_BLUEBOOK_RE = re.compile(
    r"(?:^|(?<=[,.”\"]\s)|(?<=[,.”\"]))\s*(?P<vol>\d{1,4})\s+"
    r"(?P<cont>[A-Z][A-Za-z.&'’:\- ]{1,80}?)\s+(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)"
    r"(?:,\s*(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*n\.\s*\d+)?))?"
    r"(?:\s*\((?P<yr>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\))?"
)


# In every match: the volume, a space, the container's capital.
_VOLUME_WORD_RE = re.compile(r"\d\s+[A-Z]")


# A journal whose name holds commas ("10 Int'l J. Uncertainty, Fuzziness &
# Knowledge-Based Sys. 557"): tried only when the plain pattern finds nothing,
# and kept only when the name is journal-like.
_BLUEBOOK_COMMA_RE = re.compile(
    r"(?:(?<=[,.”\"]\s)|(?<=[,.”\"]))\s*(?P<vol>\d{1,4})\s+"
    r"(?P<cont>[A-Z][A-Za-z.&'’:\- ]{1,60}?(?:,\s+[A-Z&][A-Za-z.&'’:\- ]{1,60}?){1,2})"
    r"\s+(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)"
    r"(?:,\s*(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*n\.\s*\d+)?))?"
    r"(?:\s*\((?P<yr>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\))"
)


def _bluebook_match(text: str) -> re.Match[str] | None:
    if not _VOLUME_WORD_RE.search(text):
        return None
    m = _BLUEBOOK_RE.search(text)
    if m or ", " not in text:
        return m
    m = _BLUEBOOK_COMMA_RE.search(text)
    return m if m and journal_like(m.group("cont")) else None


def take_bluebook(d: Draft) -> None:
    m = _bluebook_match(d.text)
    if not m:
        return
    container = m.group("cont").strip()
    if month_number(container.split()[0]) or container.lower().startswith(("no.", "vol")):
        return
    pin = m.group("pin")
    year_text = m.group("yr")
    date = parse_date(year_text) if year_text else None
    if pin and date is None and re.fullmatch(r"(?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?", pin):
        # "1413, 1995-1996": a year (range) where a pinpoint would be.
        date = parse_date(pin)
        pin = None
    if date is None and pin is None:
        # "48 Stanford Law Review 1413" alone is still a cite; a year may follow.
        follow = re.match(r"\s*,?\s*((?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?)\b", d.text[m.end() :])
        if not follow:
            return
        date = parse_date(follow.group(1))
        d.blank(m.end(), m.end() + follow.end())
    d.volume = m.group("vol")
    d.container = container
    d.pages = m.group("page").replace(" ", "")
    d.pinpoint = pin
    d.date = date
    d.type = CitationType.ARTICLE
    d.strong = True
    d.blank(m.start(), m.end())


# A cheap look for a report number standing as its own element, so the full
# pattern below runs only on the few pieces that may hold one.
_BB_CODE_HINT_RE = re.compile(r",\s*(?:[A-Z]{1,6}-?\d{2,}|(?:[A-Z][\w.’']*\s+){0,3}No\.\s)")
_BB_REPORT_RE = re.compile(
    r"^(?P<pre>[^()]{2,300}?),\s*(?P<num>[A-Z]{1,6}-?\d{2,}(?:-\d+)*[A-Z]?"
    r"|(?:[A-Z][\w.’']*\s+){0,3}No\.\s*[\w-]+)\s*,\s*"
    r"(?P<title>[^()]{3,300}?)(?:,?\s+(?:at\s+)?(?P<pin>\d{1,4}(?:\s*[-–]\s*\d{1,4})?))?"
    r"\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\)[\s.,;]*$"
)
_CONGRESS_DOC_RE = re.compile(
    r"(?:^|,\s*)(?P<s>(?:H\.\s?R\.|H\.|S\.)\s?(?:Rep|Doc|Prt|Exec\.\s?Rep)\.)\s+No\.\s*"
    r"(?P<n>\d{1,3}\s*[-–]\s*\d{1,4})(?:,\s*pt\.\s*\d+)?(?:,\s*at\s+(?P<pin>[\w–-]+))?"
    r"(?:\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\))?[\s.,;]*$"
)


# Bluebook hearings: "Title: Hearing Before the S. Comm. on X, 113th Cong. 12
# (2013) (statement of ...)". The hearing record is the work (a government
# document, so a report); the statement parenthetical only names a speaker.
_HEARING_RE = re.compile(
    r"^(?P<title>[^()]{0,300}?\bHearings?\s+(?:Before|on)\s+(?:the\s+)?[^,()]{3,160}?),"
    r"\s*(?P<cong>\d{2,3}(?:th|st|nd|rd|d)\s+Cong\.)(?:\s+(?P<pin>\d[\d–-]*))?"
    r"\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\)"
)


def take_bluebook_report(d: Draft) -> bool:
    """Read a Bluebook institutional or congressional report; True if found."""
    text = d.text.strip()
    hearing = _HEARING_RE.match(text) if "Hearing" in text else None
    if hearing:
        # The committee is named inside the title, not as a publisher element.
        d.title = hearing.group("title")
        d.pinpoint = hearing.group("pin")
        d.date = parse_date(hearing.group("date"))
        d.type = CitationType.REPORT
        return True
    # Plain substring tests first: most pieces name no congressional document.
    congress = "No." in text and ("Rep." in text or "Doc." in text or "Prt." in text)
    m = _CONGRESS_DOC_RE.search(text) if congress else None
    if m:
        d.series = " ".join(m.group("s").split())
        d.number = re.sub(r"\s*[-–]\s*", "-", m.group("n"))
        d.pinpoint = m.group("pin")
        d.date = parse_date(m.group("date")) if m.group("date") else d.date
        title = text[: m.start()].strip(" ,")
        d.title = title or None
        d.type = CitationType.REPORT
        return True
    # The form ends with its date in parentheses: a cheap test before any regex.
    if not text.rstrip(" .,;").endswith(")") or not _BB_CODE_HINT_RE.search(text):
        return False
    m = _BB_REPORT_RE.match(text)
    if not m:
        return False
    pre = [part.strip() for part in m.group("pre").split(",") if part.strip()]
    people = parse_authors(pre[0]) if len(pre) > 1 else None
    if people and not people[0][0].corporate:
        # "Marc R. Rosenblum, Cong. Research Serv., R42138, ...": the author,
        # then the institution that issued the report.
        d.authors, d.et_al = people
        d.publisher = ", ".join(pre[1:])
    else:
        d.authors = (Person(family=", ".join(pre), corporate=True),)
    d.number = re.sub(r"^(?:.*\s)?No\.\s*", "", m.group("num"))
    if "No." in m.group("num") and m.group("num").split("No.")[0].strip():
        d.series = m.group("num").split("No.")[0].strip()
    d.title = m.group("title")
    d.pinpoint = m.group("pin")
    d.date = parse_date(m.group("date"))
    d.type = CitationType.REPORT
    return True
