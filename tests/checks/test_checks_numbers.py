"""Extraction of figures and the intervals their printed precision allows."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.checks import run_checks
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.checks.passages import read_passages
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, FootnoteSet, Manuscript


def _one(text: str, kind: Kind) -> tuple[float, float, str | None, str | None]:
    found = [q for q in find_quantities(text) if q.kind is kind]
    assert len(found) == 1, found
    q = found[0]
    return q.low, q.high, q.qualifier, q.period


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "period"),
    [
        ("trade of $700 billion", 650e9, 800e9, None, None),
        ("trade of $2.4 billion", 2.35e9, 2.5e9, None, None),
        ("more than $500 billion today", 500e9, 600e9, "more than", None),
        ("an operating budget of more than \\$11 million", 11e6, 12e6, "more than", None),
        ("$1.1 trillion dollars in 2013", 1.05e12, 1.2e12, None, None),
        ("$1.3 billion in cross-border trade daily", 1.25e9, 1.4e9, None, "day"),
        ("more than $1 million dollars a minute", 1e6, 2e6, "more than", "minute"),
        ("$80 billion annually in 1993", 75e9, 90e9, None, "year"),
        ("an annual budget of $3 million", 2.5e6, 4e6, None, "year"),
        ("$2.4bn a year", 2.35e9, 2.5e9, None, "year"),
        ("significantly exceeds $100 billion", 100e9, math.inf, "significantly exceeds", None),
        ("nearly $12 billion", 11e9, 12e9, "nearly", None),
        ("less than $5 million", 0.0, 5e6, "less than", None),
        ("daily trade of $1.4 billion", 1.35e9, 1.5e9, None, "day"),
        ("the daily newspaper reported a $5 million gift", 4.5e6, 6e6, None, None),
        ("$50 million a year ago", 45e6, 60e6, None, None),
    ],
)
def test_money_intervals(
    text: str, low: float, high: float, qualifier: str | None, period: str | None
) -> None:
    got = _one(text.replace("\\$", "$"), Kind.MONEY)
    assert got[0] == pytest.approx(low)
    assert got[1] == pytest.approx(high)
    assert got[2:] == (qualifier, period)


@pytest.mark.parametrize(
    ("text", "kind", "value", "noun"),
    [
        ("CBP's 58,000-employee work force", Kind.COUNT, 58_000, "employee"),
        ("More than 6 million jobs", Kind.COUNT, 6e6, "jobs"),
        ("Twenty one million U.S. tourists", Kind.COUNT, 21e6, "tourists"),
        ("The 1,969 mile border", Kind.LENGTH, 1969, "mile"),
        ("a 3,145 km border", Kind.LENGTH, 3145, "km"),
        ("just under 50 percent of Mexicans", Kind.PERCENT, 50, None),
        ("approximately ten percent of the people", Kind.PERCENT, 10, None),
        ("fixed in 1848 by the Treaty", Kind.YEAR, 1848, None),
    ],
)
def test_other_kinds(text: str, kind: Kind, value: float, noun: str | None) -> None:
    found = [q for q in find_quantities(text) if q.kind is kind]
    assert [q.value for q in found] == [value]
    if noun is not None:
        assert found[0].noun == noun


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("has expanded six fold", 6.0),
        ("grew sixfold", 6.0),
        ("a 6-fold rise", 6.0),
        ("has doubled from", 2.0),
        ("tripled in size", 3.0),
        ("quadrupled", 4.0),
        ("Enrollment halved", 0.5),
    ],
)
def test_multipliers(text: str, factor: float) -> None:
    found = [q for q in find_quantities(text) if q.kind is Kind.MULTIPLIER]
    assert [q.value for q in found] == [factor]


@pytest.mark.parametrize(
    "text",
    [
        "the ten individuals",  # small words without a unit are not figures
        "the two countries",
        "in the 1970's",  # a decade
        "the Twenty-First Century Border",
    ],
)
def test_not_figures(text: str) -> None:
    assert [q for q in find_quantities(text) if q.kind is not Kind.YEAR] == []


@settings(derandomize=True, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["", " million", " billion"]),
)
def test_printed_value_lies_in_its_interval(number: int, decimals: int, scale: str) -> None:
    printed = f"{number / 10**decimals:,.{decimals}f}"
    found = [
        q for q in find_quantities(f"a budget of ${printed}{scale} in all") if q.kind is Kind.MONEY
    ]
    assert len(found) == 1
    q = found[0]
    assert q.low <= q.value <= q.high
    assert q.high - q.low <= 2 * q.step


def _body_run(body: str, line_starts: tuple[tuple[int, int], ...] = ()) -> CheckRun:
    manuscript = Manuscript("m.md", "markdown", body, (), (), line_starts=line_starts)
    return CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),))


def test_a_finding_points_at_its_figures_line() -> None:
    body = "Intro line.\nThe agency spends $3.65 billion a year,\nor $100 million a day."
    starts = tuple((m.start(), n) for n, m in enumerate(re.finditer(r"^", body, re.M), start=1))
    (finding,) = run_checks(_body_run(body, starts), CheckSettings())
    assert finding.rule == "rate-restatement-mismatch"
    assert finding.location.line == 3


@pytest.mark.parametrize(
    ("body", "sentences"),
    [
        # A page break inside a sentence: the rule and blank lines do not end it.
        ("From the Telegram to Proposition 187, the\n\n---\n\nofficial reality was cool.", 1),
        # A heading without a full stop ends at its blank line.
        ("About the Authors\n\nAlan Bersin serves as Assistant Secretary.", 2),
        ("He served U.S. Customs and Border Protection. He left in 2011.", 2),
        ("Alan D. Bersin and Michael D. Huston wrote it. It was read.", 2),
    ],
)
def test_sentences(body: str, sentences: int) -> None:
    (passage,) = read_passages(_body_run(body))
    assert len(passage.sentences) == sentences


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Readers write a superscript that is no note marker after a caret.
        ("Trade reached 10^6 containers.", [("10^6", 1e6)]),
        ("a buffer of 2^10 bytes", [("2^10", 1024.0)]),
        ("an error of 10^-3 at most", [("10^-3", 0.001)]),
        ("aid of $10^6 a year", [("$10^6", 1e6)]),
        # An exponent after a unit or a letter is no figure of its own.
        ("an area of 3 km^2 and x^2 more", [("3", 3.0)]),
        ("the claim.^4 Later", []),
    ],
)
def test_powers_as_the_readers_write_them(text: str, figures: list[tuple[str, float]]) -> None:
    assert [(q.text, q.value) for q in find_quantities(text)] == figures
