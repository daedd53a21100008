"""The shared lexicons of the arithmetic rules: periods, multipliers, and the sentence scope."""

from __future__ import annotations

import math

import pytest

from citecheck.checks.multipliers import find_multipliers
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.checks.passages import Passage, read_passages
from citecheck.checks.periods import convert, per_phrase
from citecheck.checks.scope import in_scope, refers_back
from citecheck.model import CheckRun, FootnoteSet, Manuscript


def _period(text: str) -> str | None:
    figures = [q for q in find_quantities(text) if q.kind in {Kind.MONEY, Kind.COUNT}]
    return figures[0].period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("$1 million every minute", "minute"),
        ("$60 million per hour", "hour"),
        ("$1.4 billion each day", "day"),
        ("$16,000 every second", "second"),
        ("$5 billion per week", "week"),
        ("$2 million a month", "month"),
        ("$25 billion annually", "year"),
        ("$25 billion each year", "year"),
        ("$25 billion per annum", "year"),
        ("$700 million p.a.", "year"),
        ("$3 million a fortnight", "fortnight"),
        ("$4 million quarterly", "quarter"),
        ("$3 million every two weeks", "2 week"),
        ("$1 million every 10 minutes", "10 minute"),
        ("300 agents a year", "year"),
        ("$2 million/day", "day"),
        ("$2 million per diem", "day"),
        ("$1.3 billion in cross-border trade daily", "day"),
        ("$500 billion in annual trade", "year"),
        ("an annual budget of $3 million", "year"),
        ("15,000 trucks a day", "day"),
        ("1 million people cross the border every day", "day"),
        ("Every day, some 350,000 people cross", "day"),
        ("Each year the agency spends $4 billion", "year"),
        ("daily crossings of 250,000", "day"),
    ],
)
def test_every_way_of_writing_per_period(text: str, period: str) -> None:
    assert _period(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "$50 million a year ago",
        "$50 million a day later",
        "a $5 million grant for a month-long visit",
        "$5 million a second time",
        "$1 million, a quarter of the budget",
        "the daily newspaper reported a $5 million gift",
        "A year later, the fund held $5 billion",
        "$5 million to hire 300 agents a year",
        "He said a year ago that $5 billion was spent",
    ],
)
def test_dates_and_ordinals_are_not_rates(text: str) -> None:
    assert _period(text) is None


@pytest.mark.parametrize(
    ("period", "target", "low", "high"),
    [
        ("year", "day", 1 / 366, 1 / 364),
        ("year", "month", 1 / 12, 1 / 12),  # calendar units compare exactly
        ("quarter", "year", 4.0, 4.0),
        ("day", "month", 28.0, 31.0),
        ("day", "fortnight", 14.0, 14.0),
        ("2 week", "day", 1 / 14, 1 / 14),
        ("minute", "second", 1 / 60, 1 / 60),
    ],
)
def test_conversions_are_intervals(period: str, target: str, low: float, high: float) -> None:
    got = convert(1.0, 1.0, period, target)
    assert got == pytest.approx((low, high))


def test_messages_say_the_period_as_written() -> None:
    assert [per_phrase(p) for p in ("year", "hour", "10 minute")] == [
        "a year",
        "an hour",
        "every 10 minutes",
    ]


@pytest.mark.parametrize(
    ("text", "factor", "readings"),
    [
        ("Exports doubled", 2.0, [(1.6, 2.4)]),
        ("has tripled", 3.0, [(2.4, 3.6)]),
        ("trebled", 3.0, [(2.4, 3.6)]),
        ("quadrupled", 4.0, [(3.2, 4.8)]),
        ("grew threefold", 3.0, [(2.4, 3.6), (3.2, 4.8)]),
        ("a three-fold rise", 3.0, [(2.4, 3.6), (3.2, 4.8)]),
        ("a 6-fold rise", 6.0, [(4.8, 7.2), (5.6, 8.4)]),
        ("halved over the decade", 0.5, [(1 / 2.4, 1 / 1.6)]),
        ("grew tenfold", 10.0, [(8.0, 12.0), (8.8, 13.2)]),
        ("grew 2.5 times", 2.5, [(2.25, 2.75), (3.15, 3.85)]),  # decimals: as printed, 10 %
        ("three times as large", 3.0, [(2.4, 3.6)]),
        ("twice as large", 2.0, [(1.6, 2.4)]),
        ("three times larger", 3.0, [(2.4, 3.6), (3.2, 4.8)]),
        ("grew by a factor of 2.5", 2.5, [(2.25, 2.75)]),
        ("grew by a factor of 3", 3.0, [(2.4, 3.6)]),
        ("now 1.5 times their level", 1.5, [(1.35, 1.65)]),
        ("multiplied by four", 4.0, [(3.2, 4.8)]),
        ("a 3x increase", 3.0, [(2.4, 3.6)]),
        ("more than doubled", 2.0, [(1.9, math.inf)]),
        ("nearly tripled", 3.0, [(2.25, 3.15)]),
        ("roughly tripled", 3.0, [(2.25, 3.75)]),
        ("is expected to double", 2.0, [(1.6, 2.4)]),
        ("halved", 0.5, [(1 / 2.4, 1 / 1.6)]),
        ("was cut in half", 0.5, [(1 / 2.4, 1 / 1.6)]),
        # "by" a fraction: the 20 % is on the change (a fall of 40-60 %), not on the ratio.
        ("was cut by half", 0.5, [(0.4, 0.6)]),
        ("fell by two-thirds", 1 / 3, [(1 - 2 / 3 * 1.2, 1 - 2 / 3 * 0.8)]),
        ("cut by a fifth", 0.8, [(0.76, 0.84)]),
        ("nearly halved", 0.5, [(1 / 2.1, 1 / 1.5)]),
        ("fell to a third", 1 / 3, [(1 / 3.6, 1 / 2.4)]),
        ("rose by a third", 4 / 3, [(1 + 0.8 / 3, 1 + 1.2 / 3)]),
        ("rose by more than a third", 4 / 3, [(1 + 0.95 / 3, math.inf)]),
        ("more than halved", 0.5, [(0.0, 1 / 1.9)]),
        ("fell a quarter from", 0.75, [(1 - 0.25 * 1.2, 1 - 0.25 * 0.8)]),
        # One table of words: every fraction and cardinal the reader knows.
        ("fell to a tenth", 0.1, [(1 / 12, 1 / 8)]),
        ("shrank by three-quarters", 0.25, [(1 - 0.75 * 1.2, 1 - 0.75 * 0.8)]),
        ("half as many", 0.5, [(1 / 2.4, 1 / 1.6)]),
        ("a third of what it was", 1 / 3, [(1 / 3.6, 1 / 2.4)]),
        ("a quarter of its 2010 level", 0.25, [(1 / 4.8, 1 / 3.2)]),
        ("grew x3", 3.0, [(2.4, 3.6)]),
        ("one and a half times as large", 1.5, [(1.2, 1.8)]),
        ("by a factor of two and a half", 2.5, [(2.0, 3.0)]),
        ("grew twenty-five-fold", 25.0, [(20.0, 30.0), (20.8, 31.2)]),
        ("a hundredfold rise", 100.0, [(80.0, 120.0), (80.8, 121.2)]),
    ],
)
def test_multiplier_lexicon(text: str, factor: float, readings: list[tuple[float, float]]) -> None:
    (found,) = find_multipliers(text)
    assert found.factor == pytest.approx(factor)
    assert [tuple(r) for r in found.readings] == [pytest.approx(r) for r in readings]


@pytest.mark.parametrize(
    "text",
    [
        "the warehouse doubled as a shelter",
        "double-digit growth",
        "buses run three times a day",
        "he was arrested three times",
        "imports grew twice as fast as exports",
        "a crash is three times more likely",
        "the budget has not doubled",
        "exports never tripled",
        "it failed to double",
        "rose to a third of the total",
        "He called twice.",
        "the farm grew a third crop",
        "fees rose three times in five years",
    ],
)
def test_not_multiplier_claims(text: str) -> None:
    assert find_multipliers(text) == []


def _passage(body: str) -> Passage:
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    (passage,) = read_passages(CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),)))
    return passage


@pytest.mark.parametrize(
    ("second", "points_back"),
    [
        ("This total was $5 billion.", True),
        ("That figure is $5 billion.", True),
        ("This amounts to $5 million a day.", True),
        ("That works out to $5 million a day.", True),
        ("Together they came to $5 billion.", True),
        ("Combined, the two spent $5 billion.", True),
        ("In all, $5 billion.", True),
        ("Of this, $2 billion went to staff.", True),
        ("Their combined total is $5 billion.", True),
        ("This year the agency spent $5 billion.", False),
        ("The total was $5 billion.", False),
        ("These agents earn $5 million.", False),
        ("Remittances, or money sent home, amount to $70 million a day.", False),
    ],
)
def test_sentence_scope(second: str, points_back: bool) -> None:
    passage = _passage(f"Trade was $4 billion and $1 billion, respectively. {second}")
    first, then = passage.sentences
    assert refers_back(then) is points_back
    assert in_scope(passage, first, then) is points_back
    assert in_scope(passage, first, first)


def test_scope_never_reaches_two_sentences_on() -> None:
    passage = _passage("Trade was $4 billion a year. It grew. That is $11 million a day.")
    first, _, third = passage.sentences
    assert not in_scope(passage, first, third)


def test_an_acronym_ends_the_sentence_before_an_opener_that_points_back() -> None:
    passage = _passage("They bought $240 billion and $312 billion from the U.S. Together ...")
    assert [s.text for s in passage.sentences] == [
        "They bought $240 billion and $312 billion from the U.S.",
        "Together ...",
    ]
