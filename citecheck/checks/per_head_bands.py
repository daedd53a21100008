"""Stated per-head figures judged on their own: the kind of money and the kind of head.

"Total health spending reached A$241 billion, or about A$9.4 million for every
Australian"; "Average staff costs per employee rose to £46.2 million"; "Per
capita net state domestic product reached Rs 1.9 lakh crore". No head count is
printed (or none the per-head figure can be tied to), so nothing contradicts
the figure; but no state spends millions a year on each of its people and no
employer pays millions for each of its staff. The figure is set against a band
for the kind of money (pay, output, public spending, wealth, a settlement) and
the kind of head (a work force or a population), and the rule warns only when it
lies outside the band *and* one scale step (a thousand, or dropping one word of
"lakh crore") brings it inside. Bands are deliberately wide and in US dollars a
year; "large but true" figures (an oil fund per inhabitant, a trading firm's
revenue per employee) stay inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.checks.currencies import USD_PER_UNIT
from citecheck.checks.figures import SCALE_FACTORS
from citecheck.checks.numbers import Quantity

__all__ = ["BandSlip", "band_slip", "clause_before", "head_kind"]

_WORKFORCE_HEADS = re.compile(
    r"^(?:employee|worker|staff|member\s+of\s+staff|officer|agent|teacher|nurse|doctor|"
    r"FTE|full-time\s+equivalent|colleague|lecturer|police\s+officer|civil\s+servant)s?$",
    re.IGNORECASE,
)
_POPULATION_HEADS = re.compile(
    r"^(?:head|capita|person|people|resident|inhabitant|citizen|household|pupil|student|"
    r"taxpayer|adult|child|man,\s+woman\s+and\s+child|participant|beneficiary|beneficiarie|"
    r"learner|claimant|recipient)s?$",
    re.IGNORECASE,
)


def head_kind(per: str) -> str | None:
    """'workforce', 'population' or None for what a per-head figure is per."""
    per = per.strip()
    if _WORKFORCE_HEADS.match(per):
        return "workforce"
    if _POPULATION_HEADS.match(per) or re.fullmatch(r"[A-Z][a-z]+(?:ian|an|er|ish|ese|i)", per):
        return "population"  # "for every Australian", "per Canadian"
    return None


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    words: re.Pattern[str]
    # (low, high) in US dollars per head a year, by kind of head; low 0: not judged below.
    workforce: tuple[float, float] | None
    population: tuple[float, float] | None


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# In order: the first kind named in the figure's clause decides.
_KINDS = (
    _Kind(
        "pay",
        _words(
            r"salar(?:y|ies)|pay|wages?|earnings|remuneration|staff\s+costs?|labou?r\s+costs?|"
            r"employment\s+costs?|compensation\s+costs?"
        ),
        (1_000.0, 5_000_000.0),
        (100.0, 1_000_000.0),
    ),
    _Kind(
        "award",
        _words(r"settlements?|compensation|awards?|damages|payouts?|redundancy"),
        (0.0, 10_000_000.0),
        (0.0, 10_000_000.0),
    ),
    _Kind(
        "output",
        _words(
            r"revenues?|sales|turnover|output|GDP|[A-Z]*DP|domestic\s+product|income|"
            r"value\s+added|generated|productivity"
        ),
        (5_000.0, 50_000_000.0),
        (100.0, 1_000_000.0),
    ),
    _Kind(
        "wealth",
        _words(r"funds?|assets|wealth|worth|reserves|debts?|savings|endowment|holdings"),
        (0.0, 100_000_000.0),
        (0.0, 20_000_000.0),
    ),
    _Kind(
        "spending",
        _words(
            r"spending|spend|spent|budgets?|expenditures?|funding|grants?|premium|transfers?|"
            r"tax(?:es)?|receipts|allocations?|subsid(?:y|ies)|benefits?|outlays?|"
            r"appropriations?|costs?"
        ),
        (0.0, 50_000_000.0),
        (0.0, 1_000_000.0),
    ),
)


@dataclass(frozen=True, slots=True)
class BandSlip:
    """A per-head figure outside its band that one scale step brings inside."""

    money: Quantity
    per: str
    kind: str
    band: tuple[float, float]
    factor: float


def band_slip(money: Quantity, per: str, clause: str, sentence_before: str = "") -> BandSlip | None:
    """Judge ``money`` per ``per`` a year against the band its ``clause`` names."""
    heads = head_kind(per)
    rate = USD_PER_UNIT.get(money.currency or "")
    if heads is None or rate is None or money.period not in {None, "year"}:
        return None
    if money.qualifier and money.qualifier.lower() in {"up to", "less than", "under", "at most"}:
        return None
    # The kind named in the figure's clause; failing that, anywhere before it in the
    # sentence ("... spent £1.2 billion last year; that is about £2.9 million for each").
    named = [k for k in _KINDS if k.words.search(clause)] or [
        k for k in _KINDS if k.words.search(sentence_before)
    ]
    for kind in named:
        band = kind.workforce if heads == "workforce" else kind.population
        if band is None:
            return None
        low, high = money.low * rate, money.high * rate
        if band[0] <= high and low <= band[1]:
            return None
        if high < band[0]:
            factors = [1000.0]
        else:
            factors = [0.001] + [1 / part for part in _compound_parts(money)]
        for factor in factors:
            if band[0] <= high * factor and low * factor <= band[1]:
                return BandSlip(money, per, kind.name, band, factor)
        return None
    return None


def _compound_parts(money: Quantity) -> list[float]:
    """The values of each word of a compound scale ("lakh crore": 1e5 and 1e7)."""
    words = (money.scale_word or "").split()
    if len(words) < 2:
        return []
    return [SCALE_FACTORS[word] for word in words if word in SCALE_FACTORS]


def clause_before(text: str, money: Quantity, *, reach: int = 110) -> str:
    """The text of the figure's clause before it, back to a full stop or semicolon."""
    window = text[max(0, money.start - reach) : money.start]
    return re.split(r"[;]|\.\s", window)[-1]
