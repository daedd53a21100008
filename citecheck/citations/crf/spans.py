"""Between fields and token labels, both ways.

``rule_labels`` turns what the rule parser read (a ``Parsed``) into one label
per token, the CRF's ``r=`` feature: each field value is found back in the
text. ``read_fields`` turns the CRF's labels into fields, through the same
normalisers the rule parser uses (names, dates, pages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.citations.crf.tokens import Token
from citecheck.citations.dates import find_dates
from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.names import parse_authors
from citecheck.model import PartialDate, Person

__all__ = ["Fields", "read_fields", "rule_labels"]

_FIELDS_OF_PARSED = (
    ("title", "title"),
    ("container", "container"),
    ("publisher", "publisher"),
    ("place", "place"),
    ("series", "series"),
    ("number", "number"),
    ("volume", "volume"),
    ("issue", "issue"),
    ("pages", "pages"),
    ("pinpoint", "pinpoint"),
)


def _mark(text: str, value: str | None, label: str, chars: list[str]) -> None:
    if not value:
        return
    at = text.find(value)
    while at >= 0 and any(c != "O" for c in chars[at : at + len(value)]):
        at = text.find(value, at + 1)
    if at < 0:
        return
    chars[at : at + len(value)] = [label] * len(value)


def rule_labels(text: str, tokens: Sequence[Token], parsed: Parsed | None) -> list[str]:
    """The rule parser's reading of ``text``, as one label per token."""
    chars = ["O"] * len(text)
    if parsed is not None:
        for url in parsed.urls[:1]:
            _mark(text, url, "url", chars)
        for person in parsed.authors:
            _mark(text, person.family, "author", chars)
            if person.given:
                _mark(text, person.given, "author", chars)
        for attr, label in _FIELDS_OF_PARSED:
            _mark(text, getattr(parsed, attr), label, chars)
        if parsed.date is not None:
            _mark(text, str(parsed.date.year), "date", chars)
    return [chars[start] for _w, start, _e in tokens]


@dataclass
class Fields:
    """The text of each labelled field (the first stretch of each label)."""

    spans: dict[str, str] = field(default_factory=dict)
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    date: PartialDate | None = None
    accessed: PartialDate | None = None
    chapter: bool = False
    # The probability the model gives its whole labelling (0 when unknown).
    confidence: float = 0.0


def _stretches(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, int, int]] = []
    for (_w, start, end), label in zip(tokens, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1] = (label, out[-1][1], end)
        else:
            out.append((label, start, end))
    return [(label, text[a:b]) for label, a, b in out]


_SPLIT_NAMES_RE = re.compile(r"\s*(?:/|;|\band\b|\bund\b|&|,\s*(?=[A-Z][^\s,.]+(?:\s|,|$)))\s*")


def _authors(text: str) -> tuple[tuple[Person, ...], bool]:
    value = " ".join(text.split()).strip(" ,.;:")
    et_al = bool(re.search(r"\bet\s+al\b|\bu\.\s*a\.", value))
    value = re.sub(r",?\s*(?:et\s+al\.?|u\.\s*a\.)$", "", value).strip(" ,")
    if not value:
        return (), et_al
    for inverted in (False, True):
        found = parse_authors(value, inverted=inverted)
        if found and found[0]:
            return found[0], found[1] or et_al
    # German "Lepsius/Tuori" and other lists parse_authors does not take.
    people = []
    for chunk in _SPLIT_NAMES_RE.split(value):
        chunk = chunk.strip(" ,.")
        if not chunk:
            continue
        words = chunk.split()
        family = words[-1] if len(words) > 1 and len(words[0].rstrip(".")) <= 2 else chunk
        people.append(Person(family=family))
    return tuple(people), et_al


def _date(text: str) -> PartialDate | None:
    matches = find_dates(text)
    if matches:
        return max(matches, key=lambda m: {"year": 0, "month": 1, "day": 2}[m.date.precision]).date
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return PartialDate(int(year.group(1))) if year else None


def _number(text: str) -> str | None:
    found = re.search(r"[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?|[IVXLC]+\b", text)
    return found.group(0).replace(" ", "") if found else tidy(text)


def read_fields(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Fields:
    """The CRF's fields of one citation, normalised."""
    out = Fields()
    for label, value in _stretches(text, tokens, labels):
        if label == "O" or (label in out.spans and label not in ("author", "date")):
            if label == "O" and re.search(r"(?:^|\s)(?:in|In:?)\s*$", value):
                out.chapter = out.chapter or "title" in out.spans
            continue
        if label == "author":
            if out.authors:
                continue
            out.authors, out.et_al = _authors(value)
            out.spans["author"] = value
        elif label == "date":
            if out.date is None:
                out.date = _date(value)
        elif label == "accessed":
            out.accessed = _date(value)
        elif label in ("volume", "issue", "pages", "pinpoint", "number"):
            number = _number(value)
            if number:
                out.spans[label] = number
        else:
            clean = tidy(value)
            if clean:
                out.spans[label] = clean
    return out
