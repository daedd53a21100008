"""Legal forms of other jurisdictions: neutral citations, ECLI, the OJ, AIR, McGill statutes.

- neutral citations "R v Roe, 2015 SCC 99 at para 5" (Canada, New Zealand,
  Singapore... a year, a court's letters, a judgment number), with parallel
  reports after them dropped; "2015 SCC OnLine SC 100";
- Indian "Roe v State AIR 1975 SC 100, 110";
- EU judgments "Case C-1/15 Roe v Commission [2015] ECLI:EU:C:2015:123, para 5"
  (the ECLI in the judgment-number slot, the case number the ``number``);
- EU acts in the Official Journal's own form "Directive 2000/1/EC of ...,
  OJ L 12, 5.1.2000, p. 1–10" (the series and issue as ``issue``);
- statutes cited by chapter "Example Act, SC 2000, c 5, s 7(3)" and acts with
  their year after a comma "Example Act, 2005, s 8(1)" (the year is part of
  the short title), constitutions and charters cited by article or section.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import find_dates
from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.styles._common import year_of
from citecheck.model import CitationType, PartialDate

__all__ = ["read_law"]

_PARTIES = r"(?P<name>(?:[A-Z(].{0,200}?\sv\.?\s.{1,200}?|(?:Re|In re|Reference re)\s.{2,120}?))"
_PIN = (
    r"(?:,?\s*(?:at\s+)?"
    r"(?P<pin>(?:paras?\.?|¶)\s*[\d.]+(?:\s*[-–]\s*[\d.]+)?|\[\d{1,3}\]|\d+(?:[-–]\d+)?))?"
)
# Letters of a court in a neutral citation: SCC, ONCA, BCSC, FCA, QCCA, NZSC, SGCA.
_NEUTRAL_RE = re.compile(
    rf"^{_PARTIES},?\s+(?P<y>(?:19|20)\d\d)\s+(?P<court>[A-Z]{{2,8}}(?:\s+OnLine\s+[A-Z][A-Za-z]{{1,5}})?)"
    rf"\s+(?P<no>\d{{1,5}}){_PIN}(?P<rest>.*)$"
)
_PARALLEL_RE = re.compile(r"^\s*,\s*[\[(]\d{4}[\])]\s+(?:\d+\s+)?[A-Z][A-Za-z.]{1,8}\s+\d+")
_AIR_RE = re.compile(
    rf"^{_PARTIES},?\s+AIR\s+(?P<y>(?:19|20)\d\d)\s+[A-Z][A-Za-z]{{1,5}}\s+(?P<page>\d{{1,5}}){_PIN}\.?$"
)
_EU_NUM = r"[CTF]-\d{1,4}/\d{2}(?:\s+P)?"
_ECLI_RE = re.compile(
    rf"^(?:Joined\s+)?Cases?\s+(?P<num>{_EU_NUM}(?:(?:,\s*|\s+and\s+){_EU_NUM})*)\s*,?\s*"
    r"(?P<name>.+?)\s*,?\s*(?:\[(?P<y>\d{4})\]\s*)?"
    r"(?:judgment of (?P<d>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*,?\s*)?"
    rf"ECLI:(?P<ecli>[A-Z]{{2}}:[A-Z]+:\d{{4}}:\d+){_PIN}\.?$"
)
_ACT_NAME = r"(?:Directive|Regulation|Decision|Recommendation)"
_OJ_RE = re.compile(
    rf"(?P<title>\b{_ACT_NAME}\s.+?),\s*OJ\s+(?P<series>[LC])\s*(?P<no>\d{{1,4}}),\s*"
    r"(?P<d>\d{1,2}\.\d{1,2}\.\d{4}),\s*pp?\.\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?$"
)
_ACT_NUMBER_RE = re.compile(
    rf"^{_ACT_NAME}\s+(?:\((?:EU|EC|EEC|EU,\s*Euratom)\)\s+)?(?:No\s+)?(?P<n>\d{{2,4}}/\d{{1,4}}(?:/[A-Z]{{2,4}})?)"
)
_CHAPTER_STATUTE_RE = re.compile(
    r"^(?P<title>[A-Z][^,]{2,150}?)\s*,\s*(?P<rep>(?:R?S|CQLR|RRO|SOR)[A-Z]{0,3}|SOR|CQLR)"
    r"(?:\s+(?P<y>(?:1[89]|20)\d\d))?\s*,\s*(?P<c>c\s+[\w.-]+)"
    r"(?:\s*,\s*(?P<pin>(?:ss?|arts?|Sch|para)\.?\s+.+?))?\.?$"
)
_PROVISION = (
    r"(?P<pin>(?:ss?|secs?|sections?|arts?|articles?|Sch)\.?\s+[\w()]+"
    r"(?:(?:,\s*|\s+and\s+)[\w()]+)*)"
)
_YEAR_ACT_RE = re.compile(
    rf"^(?P<title>[A-Z][\w'’ ()-]{{2,150}}?\b(?:Act|Code|Ordinance),\s*(?:1[89]|20)\d\d)"
    rf"(?:\s*\([A-Z][a-z]+\))?\s*,\s*{_PROVISION}\.?$"
)
_CONSTITUTION_RE = re.compile(
    r"^(?P<title>(?:(?:the\s+)?Constitution\s+of\s+(?:the\s+)?[A-Z][\w ]{2,60}?"
    r"|[A-Z][\w ]{2,60}?\s(?:Constitution|Charter\s+of\s+[A-Z][\w ]{2,80}?)))"
    rf"\s*,\s*{_PROVISION}"
    r"(?:\s*,\s*(?:Part|being|Schedule|Sch)\b.*)?\.?$"
)


def _pin(value: str | None) -> str | None:
    return value.strip(" ,.") if value else None


def read_law(text: str) -> Parsed | None:
    """A judgment, act or provision in one of these forms; None for anything else."""
    text = " ".join(text.split()).strip()
    if not text or len(text) > 600:
        return None
    for reader in (_air, _neutral, _ecli, _oj, _statute, _treaty):
        found = reader(text)
        if found is not None:
            return found
    return None


def _neutral(text: str) -> Parsed | None:
    if " v " not in text and " v. " not in text and not text.startswith(("Re ", "Reference re")):
        return None
    m = _NEUTRAL_RE.match(text)
    if not m:
        return None
    rest = _PARALLEL_RE.sub("", m.group("rest"))
    rest = re.sub(r"^\s*(?:at\s+)?", "", rest).strip(" .;")
    pin = m.group("pin")
    if rest and not pin:
        tail = re.match(r"^(?:at\s+)?((?:paras?\.?|¶)\s*[\d.]+(?:\s*[-–]\s*[\d.]+)?|\d+)$", rest)
        if tail is None and not re.fullmatch(r"\([^()]{1,40}\)", rest):
            return None
        pin = tail.group(1) if tail else None
    elif rest and not re.fullmatch(r"\([^()]{1,40}\)|,.*\b(?:19|20)\d\d\b.*", rest):
        return None
    court = m.group("court")
    return Parsed(
        type=CitationType.CASE,
        title=tidy(m.group("name")),
        container="SCC OnLine" if court.startswith("SCC OnLine") else court,
        pages=m.group("no"),
        pinpoint=_pin(pin),
        date=PartialDate(int(m.group("y"))),
    )


def _air(text: str) -> Parsed | None:
    m = _AIR_RE.match(text) if " AIR " in text else None
    if not m:
        return None
    return Parsed(
        type=CitationType.CASE,
        title=tidy(m.group("name")),
        container="AIR",
        pages=m.group("page"),
        pinpoint=_pin(m.group("pin")),
        date=PartialDate(int(m.group("y"))),
    )


def _ecli(text: str) -> Parsed | None:
    m = _ECLI_RE.match(text) if "ECLI:" in text else None
    if not m:
        return None
    date = year_of(m.group("d")) if m.group("d") else None
    if date is None and m.group("y"):
        date = PartialDate(int(m.group("y")))
    return Parsed(
        type=CitationType.CASE,
        title=tidy(m.group("name")),
        container="ECLI",
        pages=m.group("ecli"),
        pinpoint=_pin(m.group("pin")),
        date=date,
        number=m.group("num"),
    )


def _oj(text: str) -> Parsed | None:
    m = _OJ_RE.search(text) if "OJ " in text else None
    if not m:
        return None
    day, month, year = (int(x) for x in m.group("d").split("."))
    number = _ACT_NUMBER_RE.match(m.group("title"))
    return Parsed(
        type=CitationType.STATUTE,
        title=tidy(m.group("title")),
        container="OJ",
        issue=f"{m.group('series')} {m.group('no')}",
        pages=m.group("pages"),
        date=PartialDate(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None,
        number=number.group("n") if number else None,
    )


def _statute(text: str) -> Parsed | None:
    m = _CHAPTER_STATUTE_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.STATUTE,
            title=tidy(m.group("title")),
            container=m.group("rep"),
            date=PartialDate(int(m.group("y"))) if m.group("y") else None,
            number=m.group("c"),
            pinpoint=_pin(m.group("pin")),
        )
    m = _YEAR_ACT_RE.match(text) or _CONSTITUTION_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.STATUTE, title=tidy(m.group("title")), pinpoint=_pin(m.group("pin"))
        )
    return None


# Bluebook treaties: "Vienna Convention on the Law of Treaties, May 23, 1969, 1155
# U.N.T.S. 331" and "Agreement on X, U.S.-Mex., Feb. 3, 1944, 59 Stat. 1219, T.I.A.S.
# No. 994": the instrument, the parties (dropped), the date of signing, then the first
# treaty series (its volume, name and page); later parallel series are dropped.
TREATY_HINTS = ("U.N.T.S.", "U.S.T.", "Stat.", "I.L.M.", "T.I.A.S.", "L.N.T.S.")
_TREATY_RE = re.compile(
    r"^(?P<title>(?:[A-Z][^,]{0,160}?\s)?(?:Convention|Treaty|Agreement|Protocol|Covenant|Charter"
    r"|Accord|Pact)\b[^,]{0,160}?)"
    r"(?:,\s*[A-Z][\w.'’]*(?:[-–][A-Z][\w.'’]*)+)?"
    r",\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:1[6-9]|20)\d\d)"
    r"(?:,\s*(?P<vol>\d{1,5})\s+(?P<rep>U\.N\.T\.S\.|U\.S\.T\.|Stat\.|I\.L\.M\.|L\.N\.T\.S\.)"
    r"\s+(?P<page>\d{1,6})|,\s*(?P<tias>T\.I\.A\.S\.)\s+No\.\s*(?P<no>\d[\d-]*))"
    r"(?P<rest>.*)$"
)
_TREATY_PIN_RE = re.compile(r"^,\s*(?P<pin>\d{1,6}|arts?\.\s*[\w–-]+(?:\s*\([\w]+\))*)")


def _treaty(text: str) -> Parsed | None:
    if not any(h in text for h in TREATY_HINTS):
        return None
    m = _TREATY_RE.match(text)
    if m is None:
        return None
    dates = find_dates(m.group("date"))
    rest = re.sub(
        r",\s*(?:\d{1,5}\s+)?(?:U\.N\.T\.S\.|U\.S\.T\.|Stat\.|I\.L\.M\.|T\.I\.A\.S\.)"
        r"(?:\s+No\.)?\s+[\d-]+",
        "",
        m.group("rest"),
    )
    pin = _TREATY_PIN_RE.match(rest)
    return Parsed(
        type=CitationType.STATUTE,
        title=tidy(m.group("title")),
        date=dates[0].date if dates else None,
        volume=m.group("vol"),
        container=m.group("rep") or m.group("tias"),
        pages=m.group("page"),
        number=m.group("no"),
        pinpoint=pin.group("pin").strip() if pin else None,
    )
