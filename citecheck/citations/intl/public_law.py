"""Hansard, EU acts and cases, Strasbourg applications, treaties and constitutions."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _pin,
    _year,
)
from citecheck.model import CitationType, PartialDate

# ----------------------------------- Hansard, EU law, Strasbourg, treaties

_HANSARD_RE = re.compile(
    r"^(?P<house>HC|HL)\s+Deb\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}),?\s*vol\s+(?P<vol>\d+),?\s*"
    r"(?P<pin>cols?\s+[\w–-]+(?:\s*[-–]\s*\w+)?)?.*?\.?$"
)
_EU_ACT_RE = re.compile(
    r"^(?P<title>(?:(?:Council|Commission|European Parliament and Council)\s+)?"
    r"(?:Directive|Regulation|Decision)\s*(?:\((?:EU|EC|EEC|Euratom)\)\s*)?(?:No\s*)?"
    r"(?P<num>\d{1,4}/\d{1,4}(?:/(?:EU|EC|EEC))?)\b[^\[]*?),?\s*\[(?P<year>\d{4})\]\s*OJ\s+"
    r"(?P<pages>[LC]\s?\d+/\d+)(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_EU_CASE_RE = re.compile(
    r"^(?:Joined\s+)?Cases?\s+(?P<num>(?:[CTF]-)?\d+/\d+(?:\s*P)?)\s+(?P<name>.+?),?\s*"
    r"(?:\[(?P<y1>\d{4})\]|\((?P<y2>\d{4})\))\s+(?:(?P<vol>\d+)\s+)?"
    r"(?P<rep>ECR|CMLR|EHRR|All ER \(EC\))"
    r"\s*(?P<page>(?:I-|II-)?\d+)(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_ECTHR_RE = re.compile(
    r"^(?P<name>.+?\sv\s.+?),?\s*App(?:lication)?\s+nos?\.?\s+(?P<num>\d+/\d+)[^()]*"
    r"\((?:ECtHR|ECHR|EComHR|Commission)[^()]*?(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\)"
    r"(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_TREATY_RE = re.compile(
    r"^(?P<title>(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for|the|and|to|against|in)\s+)*){0,8}?"
    r"(?:Convention|Treaty|Charter|Covenant|Protocol|Agreement|Declaration)\b[^,()]{0,160}?)"
    r"(?:\s*\([^()]{2,120}\))*\s*,?\s*(?:\d+\s+UNTS\s+\d+\s*,?\s*)?"
    r"(?P<pin>(?:arts?|Arts?\.|Art(?:ikel)?\.?|para)\s+[\w()., –-]+?)\.?$"
)
_CONSTITUTION_RE = re.compile(
    r"^(?P<title>(?:Australian|Commonwealth|Irish|Indian|[A-Z][a-z]+)\s+Constitution"
    r"|Constitution of\s+[A-Z][\w ]+?|Grundgesetz|Bunreacht na hÉireann)\s*,?\s*"
    r"(?P<pin>(?:ss?|arts?|Art\.)\s+[\w().–-]+)\.?$"
)


def _public_law(text: str) -> Parsed | None:
    m = _HANSARD_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.OTHER,
            container=f"{m.group('house')} Deb",
            date=_year(m.group("date")),
            volume=m.group("vol"),
            pinpoint=m.group("pin"),
        )
    m = _EU_ACT_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.STATUTE,
            title=tidy(m.group("title")),
            number=m.group("num"),
            date=PartialDate(int(m.group("year"))),
            container="OJ",
            pages=m.group("pages"),
            pinpoint=_pin(m.group("pin")),
        )
    m = _EU_CASE_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            number=m.group("num"),
            date=PartialDate(int(m.group("y1") or m.group("y2"))),
            volume=m.group("vol"),
            container=m.group("rep"),
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin")),
        )
    m = _ECTHR_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            number=m.group("num"),
            date=_year(m.group("date")),
            pinpoint=_pin(m.group("pin")),
        )
    for pattern in (_CONSTITUTION_RE, _TREATY_RE):
        m = pattern.match(text)
        if m:
            return Parsed(
                type=CitationType.STATUTE,
                title=tidy(m.group("title")),
                pinpoint=_pin(m.group("pin")),
            )
    return None
