"""Cases: UK and Australian reports and neutral citations, German decisions."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _JUDGE_RE,
    _pin,
    _year,
)
from citecheck.model import CitationType, PartialDate

# ------------------------------------------------------------------ cases

_PARTY_RE = r"(?:.+?\sv\.?\s.+?|(?:Re|In re|Ex parte)\s.+?|.+?\((?:No|Nr\.?)\s*\d+\))"
_REPORTER = (
    r"[A-Z][A-Za-z]{0,9}"
    r"(?:\s(?:Civ|Crim|Admin|Comm|Fam|QB|Ch|IPEC|TCC|ER|App\sR|LR|Rep|EHRR|R|Pat|Lloyd's))?"
)
_CASE_RE = re.compile(
    rf"^(?P<name>{_PARTY_RE}),?\s*(?:\[(?P<y1>\d{{4}})\]|\((?P<y2>\d{{4}})\))\s+"
    rf"(?:(?P<vol>\d{{1,4}})\s+)?(?P<rep>{_REPORTER})\s+(?P<page>\d{{1,5}})(?P<rest>.*)$"
)
_PARALLEL_RE = re.compile(rf",?\s*[\[(]\d{{4}}[\])]\s+(?:\d+\s+)?{_REPORTER}\s+\d+")
_COURT_RE = re.compile(r"^\s*\((?:HL|CA|PC|QB|Ch|Fam|Admin|SC|HCA|CCA|ECtHR|Comm)\)")
_GERMAN_REPORT_RE = re.compile(
    r"^(?P<rep>BVerfGE|BVerfGK|BGHZ|BGHSt|BVerwGE|BAGE|BSGE|BFHE|RGZ|RGSt)\s+(?P<vol>\d{1,3}),\s*"
    r"(?P<page>\d{1,4})(?:\s*\((?P<pin>[^)]{1,30})\)|\s*,\s*(?P<pin2>\d[\w .f]{0,12}))?"
    r"(?:\s*\((?P<pname>[^)\d]{2,60})\))?(?:\s*[–-]\s*(?P<name>[^,.;]{2,60}))?\.?$"
)
_COURT_WORDS = (
    r"(?:BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|RG|(?:OLG|LG|VG|OVG|VGH|AG|LAG|LSG)\s+[A-ZÄÖÜ][\w.-]*)"
)
_GERMAN_DECISION_RE = re.compile(
    rf"^(?P<court>{_COURT_WORDS})\s*,?\s*(?:(?:Urt|Beschl|Urteil|Beschluss)\.?\s*v(?:om|\.)?\s*"
    r"(?P<d>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\s*(?:[–-]\s*(?P<az>[^,]{2,30}))?,\s*)?"
    r"(?P<journal>[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,9})\s+(?P<year>\d{4}),\s*(?P<page>\d{1,5})"
    r"(?:\s*\((?P<pin>[^)]{1,20})\)|\s*,\s*(?P<pin2>\d[\w .f]{0,12}))?"
    r"(?:\s*\((?P<pname>[^)\d]{2,60})\))?(?:\s*[–-]\s*(?P<name>[^,.;]{2,60}))?\.?$"
)


def _name_and_pin(m: re.Match[str]) -> tuple[str | None, str | None]:
    """ "(43) – Volkszählung", "(Lissabon)": a parenthesis without a number
    holds the decision's short name, not a pinpoint."""
    pin = m.group("pin") or m.group("pin2")
    name = m.group("name") or m.group("pname")
    bracketed = m.group("pin")
    if bracketed and bracketed[:1].isupper() and not re.search(r"\d", bracketed):
        name, pin = name or bracketed, None
    return tidy(name), _pin(pin)


def _case(text: str) -> Parsed | None:
    m = _GERMAN_REPORT_RE.match(text)
    if m:
        name, pin = _name_and_pin(m)
        return Parsed(
            type=CitationType.CASE,
            title=name,
            container=m.group("rep"),
            volume=m.group("vol"),
            pages=m.group("page"),
            pinpoint=pin,
        )
    m = _GERMAN_DECISION_RE.match(text)
    if m:
        decided = _year(m.group("d")) if m.group("d") else None
        name, pin = _name_and_pin(m)
        return Parsed(
            type=CitationType.CASE,
            title=name,
            container=m.group("journal"),
            pages=m.group("page"),
            pinpoint=pin,
            date=decided or PartialDate(int(m.group("year"))),
            number=tidy(m.group("az")),
        )
    m = _CASE_RE.match(text)
    if not m:
        return None
    rest = _COURT_RE.sub("", m.group("rest"))
    rest = _PARALLEL_RE.sub("", rest)
    rest = _COURT_RE.sub("", rest)
    rest = re.sub(r"^\s*,?\s*(?:at\s+)?", "", rest).strip(" .;")
    return Parsed(
        type=CitationType.CASE,
        title=tidy(m.group("name")),
        container=m.group("rep"),
        volume=m.group("vol"),
        pages=m.group("page"),
        pinpoint=_pin(rest) if rest and len(_JUDGE_RE.sub("", rest)) <= 30 else None,
        date=PartialDate(int(m.group("y1") or m.group("y2"))),
    )
