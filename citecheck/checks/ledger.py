"""Facts ledger: known figures and dates, and every mention in the text that contradicts one.

The ledger is a TOML file of ``[[fact]]`` tables (schema in docs/checks.md)::

    [[fact]]
    subject = "CBP operating budget"
    aliases = ["operating budget", "CBP budget"]
    context = ["CBP", "Customs and Border Protection"]
    value = 11.2e9
    unit = "USD"
    tolerance = 0.10
    source = "DHS, Budget-in-Brief FY 2012, p. 53"
    url = "https://www.dhs.gov/..."

A *mention* is a sentence naming the subject or an alias (and, when
``context`` is given, one of those words within the sentence or the two
before it) together with a figure of the fact's kind; the figure nearest to
the alias is the one compared. A mention outside value +/- tolerance is a
``ledger-mismatch``; one that fits once multiplied or divided by 1,000 (or
1,000,000) is a ``ledger-scale-slip``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.checks.catalogue import MISMATCH, SCALE_SLIP
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Passage, Sentence, one_line
from citecheck.checks.rules import raise_finding
from citecheck.config import CheckSettings
from citecheck.errors import ConfigError
from citecheck.model import CheckRun, Finding, PartialDate

__all__ = ["Fact", "check_ledger", "load_ledger"]

_UNITS = {
    "USD": Kind.MONEY,
    "EUR": Kind.MONEY,
    "GBP": Kind.MONEY,
    "count": Kind.COUNT,
    "percent": Kind.PERCENT,
    "mile": Kind.LENGTH,
    "km": Kind.LENGTH,
}
_KM_PER_MILE = 1.609344
_KEYS = {
    "id",
    "subject",
    "aliases",
    "context",
    "value",
    "unit",
    "tolerance",
    "tolerance-abs",
    "date",
    "source",
    "url",
    "as-of",
    "note",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One ledger entry: a figure (value, unit, tolerance) or a date, with its source."""

    id: str
    subject: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]
    source: str
    line: int
    value: float | None = None
    unit: str | None = None
    tolerance: float = 0.0
    tolerance_abs: float = 0.0
    date: PartialDate | None = None
    url: str | None = None
    as_of: str | None = None

    @property
    def kind(self) -> Kind:
        return Kind.YEAR if self.date is not None else _UNITS[self.unit or "count"]

    def bounds(self) -> tuple[float, float]:
        """The values the ledger accepts, in the fact's unit."""
        assert self.value is not None
        slack = max(abs(self.value) * self.tolerance, self.tolerance_abs)
        return self.value - slack, self.value + slack


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_ledger(path: Path) -> tuple[Fact, ...]:
    """Read and validate a facts ledger.

    Raises:
        ConfigError: the file is unreadable, not TOML, or an entry is
            malformed; the error names the file and the entry's line.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(str(path), f"cannot read the facts ledger: {error.strerror}") from None
    text = raw.decode("utf-8", errors="replace")
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python < 3.14 keeps the line only in the message: "(at line 9, column 9)".
        found = re.search(r"at line (\d+)", str(error))
        line = getattr(error, "lineno", None) or (int(found.group(1)) if found else None)
        raise ConfigError(
            str(path), f"facts ledger is not valid TOML: {error}", line=line
        ) from None
    unknown = sorted(set(table) - {"fact"})
    if unknown:
        raise ConfigError(str(path), f"unknown top-level key '{unknown[0]}' (expected [[fact]])")
    entries = table.get("fact", [])
    if not isinstance(entries, list):
        raise ConfigError(str(path), "'fact' must be an array of tables ([[fact]])")
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == "[[fact]]"]
    facts = []
    for position, entry in enumerate(entries):
        line = starts[position] if position < len(starts) else None
        facts.append(_fact(path, entry, line))
    return tuple(facts)


def _fact(path: Path, entry: Any, line: int | None) -> Fact:
    def fail(problem: str) -> ConfigError:
        return ConfigError(str(path), f"facts ledger entry: {problem}", line=line)

    if not isinstance(entry, dict):
        raise fail("each [[fact]] must be a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise fail(f"unknown key '{unknown[0]}'")
    subject = entry.get("subject")
    if not isinstance(subject, str) or not subject.strip():
        raise fail("'subject' (text) is required")
    aliases = _strings(entry.get("aliases", []), "aliases", fail)
    context = _strings(entry.get("context", []), "context", fail)
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise fail(f"'{subject}': 'source' (where the fact comes from) is required")
    has_value, has_date = "value" in entry, "date" in entry
    if has_value == has_date:
        raise fail(f"'{subject}': give exactly one of 'value' or 'date'")
    common: dict[str, Any] = {
        "id": str(entry.get("id", subject)),
        "subject": subject,
        "aliases": (subject, *aliases),
        "context": context,
        "source": source,
        "line": line or 0,
        "url": _optional_text(entry, "url", fail),
        "as_of": _optional_text(entry, "as-of", fail),
    }
    if has_date:
        return Fact(date=_date(entry["date"], fail), **common)
    value = entry["value"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(f"'{subject}': 'value' must be a number (e.g. 11.2e9)")
    unit = entry.get("unit", "count")
    if unit not in _UNITS:
        raise fail(f"'{subject}': unit '{unit}' is not one of {', '.join(sorted(_UNITS))}")
    tolerance = entry.get("tolerance", 0.0)
    tolerance_abs = entry.get("tolerance-abs", 0.0)
    for name, number in (("tolerance", tolerance), ("tolerance-abs", tolerance_abs)):
        if isinstance(number, bool) or not isinstance(number, int | float) or number < 0:
            raise fail(f"'{subject}': '{name}' must be a number >= 0")
    if tolerance >= 1:
        raise fail(f"'{subject}': 'tolerance' is relative (0.05 = 5 %), got {tolerance}")
    return Fact(
        value=float(value),
        unit=unit,
        tolerance=float(tolerance),
        tolerance_abs=float(tolerance_abs),
        **common,
    )


def _strings(value: Any, name: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"'{name}' must be a list of non-empty strings")
    return tuple(value)


def _optional_text(entry: dict[str, Any], key: str, fail: Any) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f"'{key}' must be text")
    return value


def _date(value: Any, fail: Any) -> PartialDate:
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if hasattr(value, "year") and hasattr(value, "month"):  # a TOML local date
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            assert year is not None
            return PartialDate(year, month, day)
    raise fail(f"'date' must be a year or an ISO date (1848, \"1848-02-02\"), got {value!r}")


# --------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------


def check_ledger(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Mentions that contradict the ledger named in the settings (none without one)."""
    del run
    if settings.ledger is None:
        return
    facts = load_ledger(settings.ledger)
    for passage in passages:
        for sentence in passage.sentences:
            for fact in facts:
                finding = _mention(passage, sentence, fact)
                if finding is not None:
                    yield finding


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[\s\-–—/]+", " ", text)


def _mention(passage: Passage, sentence: Sentence, fact: Fact) -> Finding | None:
    normal = _normal(sentence.text)
    hits = [m.start() for pattern in _alias_patterns(fact) for m in pattern.finditer(normal)]
    if not hits:
        return None
    if fact.context and not _has_context(passage, sentence, fact):
        return None
    candidates = [q for q in sentence.quantities if _comparable(q, fact)]
    if not candidates:
        return None

    def distance(quantity: Quantity) -> int:
        where = len(_normal(sentence.text[: quantity.start]))
        return min(abs(where - hit) for hit in hits)

    quantity = min(candidates, key=distance)
    # A year far from the name is usually another event's ("... in 1998").
    if distance(quantity) > (80 if fact.date is not None else 150):
        return None
    return _compare(sentence, quantity, fact)


@functools.cache
def _alias_patterns(fact: Fact) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(r"(?<!\w)" + re.escape(_normal(name)) + r"(?!\w)") for name in fact.aliases
    )


def _has_context(passage: Passage, sentence: Sentence, fact: Fact) -> bool:
    nearby = [s.text for s in passage.sentences[max(0, sentence.index - 2) : sentence.index + 1]]
    window = _normal(" ".join(nearby))
    return any(
        re.search(r"(?<!\w)" + re.escape(_normal(word)) + r"(?!\w)", window)
        for word in fact.context
    )


def _comparable(quantity: Quantity, fact: Fact) -> bool:
    if fact.kind is Kind.MONEY:
        return quantity.kind is Kind.MONEY and quantity.currency == fact.unit
    return quantity.kind is fact.kind


def _compare(sentence: Sentence, quantity: Quantity, fact: Fact) -> Finding | None:
    cited = _source(fact)
    if fact.date is not None:
        if int(quantity.value) == fact.date.year:
            return None
        message = (
            f"{quantity.shown} for {fact.subject}: the facts ledger has "
            f"{fact.date.isoformat()} ({cited}). Correct the date or the ledger."
        )
        return raise_finding(
            MISMATCH,
            message,
            sentence.location_at(quantity.start),
            note=sentence.note,
            evidence=one_line(sentence.text),
        )
    low, high = quantity.low, quantity.high
    if fact.unit == "km" and quantity.noun == "mile":
        low, high = low * _KM_PER_MILE, high * _KM_PER_MILE
    elif fact.unit == "mile" and quantity.noun == "km":
        low, high = low / _KM_PER_MILE, high / _KM_PER_MILE
    want_low, want_high = fact.bounds()
    if low <= want_high and high >= want_low:
        return None
    expected = _expected(fact)
    for factor, word in ((1e3, "1,000"), (1e-3, "1,000"), (1e6, "1,000,000"), (1e-6, "1,000,000")):
        if low * factor <= want_high and high * factor >= want_low:
            direction = "too small" if factor > 1 else "too large"
            message = (
                f"{quantity.shown} for {fact.subject} is {direction} by a factor of {word}: the "
                f"facts ledger has {expected} ({cited}). Likely a scale-word slip "
                f"(thousand/million/billion). Correct the scale word."
            )
            return raise_finding(
                SCALE_SLIP,
                message,
                sentence.location_at(quantity.start),
                note=sentence.note,
                evidence=one_line(sentence.text),
            )
    message = (
        f"{_mentioned(quantity)} for {fact.subject} does not match the facts ledger: {expected} "
        f"({cited}). Correct the figure, or widen the ledger's tolerance if both are right."
    )
    return raise_finding(
        MISMATCH,
        message,
        sentence.location_at(quantity.start),
        note=sentence.note,
        evidence=one_line(sentence.text),
    )


def _mentioned(quantity: Quantity) -> str:
    if quantity.kind is Kind.LENGTH and quantity.noun:
        return quantity.shown[:-1] + f" {quantity.noun}s”"
    return quantity.shown


def _expected(fact: Fact) -> str:
    assert fact.value is not None
    kind = fact.kind
    currency = fact.unit if kind is Kind.MONEY else None
    shown = amount(fact.value, kind=kind, currency=currency, digits=6)
    if kind is Kind.LENGTH:
        shown += f" {fact.unit}s"
    low, high = fact.bounds()
    if high > low:
        shown += (
            f" (accepted {amount(low, kind=kind, currency=currency)}–"
            f"{amount(high, kind=kind, currency=currency)})"
        )
    if fact.as_of:
        shown += f", as of {fact.as_of}"
    return shown


def _source(fact: Fact) -> str:
    return f"source: {fact.source}" + (f", {fact.url}" if fact.url else "")
