"""Generative tests of the numeric rules: every lexicon class crossed with every other.

Each test builds passages from the full product of two or three lexicons (number
formats x period phrases, part-and-total structures x formats, multiplier forms x
pair forms, per-head phrasings x formats) and checks both sides: the honest
passage raises nothing, the one with a slip raises its rule. A class is proven
when every member works with every member of the other, not a sample.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from citecheck.checks import run_checks
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, FootnoteSet, Manuscript


def _rules(body: str) -> set[str]:
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    run = CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),))
    return {finding.rule for finding in run_checks(run, CheckSettings())}


def _g(value: float) -> str:
    return f"{value:g}"


# Money printed every way, from a value in currency units.
MONEY: dict[str, Callable[[float], str]] = {
    "£m": lambda v: f"£{_g(v / 1e6)}m",
    "£ million": lambda v: f"£{_g(v / 1e6)} million",
    "$mn": lambda v: f"${_g(v / 1e6)}mn",
    "US$m": lambda v: f"US${_g(v / 1e6)}m",
    "A$ million": lambda v: f"A${_g(v / 1e6)} million",
    "NZ$m": lambda v: f"NZ${_g(v / 1e6)}m",
    "$A billion": lambda v: f"$A{_g(v / 1e9)} billion",
    "€ million": lambda v: f"€{_g(v / 1e6)} million",
    "GBP code": lambda v: f"GBP {_g(v / 1e6)} million",
    "Rs crore": lambda v: f"Rs {_g(v / 1e7)} crore",
    "₹ lakh": lambda v: f"₹{_g(v / 1e5)} lakh",
    "million euros": lambda v: f"{_g(v / 1e6)} million euros",
    "Australian dollars": lambda v: f"{_g(v / 1e6)} million Australian dollars",
    "digits": lambda v: f"£{v:,.0f}",
    "spaced digits": lambda v: "£" + f"{v:,.0f}".replace(",", " "),
}
# Counts printed every way.
COUNTS: dict[str, Callable[[float], str]] = {
    "digits": lambda v: f"{v:,.0f}",
    "spaced": lambda v: f"{v:,.0f}".replace(",", " "),
    "million": lambda v: f"{_g(v / 1e6)} million",
    "m": lambda v: f"{_g(v / 1e6)}m",
    "k": lambda v: f"{_g(v / 1e3)}k",
    "lakh": lambda v: f"{_g(v / 1e5)} lakh",
}
YEARLY = ["a year", "per year", "per annum", "annually", "each year", "every year", "p.a.", "/yr"]
DAILY = ["a day", "per day", "each day", "every day", "daily", "/day", "every 24 hours"]
WEEKLY = ["a week", "per week", "each week", "every week", "weekly", "every seven days"]
FORTNIGHTLY = ["a fortnight", "each fortnight", "every fortnight", "fortnightly", "every two weeks"]
RESTATE = ["or", "equivalent to", "that is", "which works out at", "- or", "i.e."]


@pytest.mark.parametrize(("fmt", "yearly"), list(itertools.product(MONEY, YEARLY)))
def test_money_rates_in_every_format_and_period_phrase(fmt: str, yearly: str) -> None:
    show = MONEY[fmt]
    for daily in DAILY:
        honest = f"The scheme costs {show(365e6)} {yearly}, or {show(1e6)} {daily}."
        slip = f"The scheme costs {show(365e6)} {yearly}, or {show(3e6)} {daily}."
        assert _rules(honest) == set(), honest
        assert "rate-restatement-mismatch" in _rules(slip), slip


@pytest.mark.parametrize(("fmt", "cue"), list(itertools.product(COUNTS, RESTATE)))
def test_count_rates_in_every_format_and_cue(fmt: str, cue: str) -> None:
    show = COUNTS[fmt]
    for weekly, fortnightly in itertools.product(WEEKLY, FORTNIGHTLY):
        honest = (
            f"The clinics see {show(1.4e6)} patients {fortnightly}, {cue} {show(7e5)} {weekly}."
        )
        slip = (
            f"The clinics see {show(1.4e6)} patients {fortnightly}, {cue} {show(2.1e6)} {weekly}."
        )
        assert _rules(honest) == set(), honest
        assert "rate-restatement-mismatch" in _rules(slip), slip


# A year's total however it is dated, restated per day.
DATED = [
    "last year",
    "in 2023",
    "in 2023-24",
    "in the year to March",
    "over twelve months",
    "over the past 12 months",
    "during the financial year",
]


@pytest.mark.parametrize(("fmt", "dated"), list(itertools.product(COUNTS, DATED)))
def test_dated_totals_restated(fmt: str, dated: str) -> None:
    show = COUNTS[fmt]
    honest = f"The service answered {show(3.65e6)} calls {dated}, or about {show(1e4)} a day."
    slip = f"The service answered {show(3.65e6)} calls {dated}, or about {show(3e4)} a day."
    assert _rules(honest) == set(), honest
    assert "rate-restatement-mismatch" in _rules(slip), slip


# Parts and their whole: every structure, strictly inside one sentence.
SUMS = [
    "The {t} budget is split between housing ({a}) and transport ({b}).",
    "Of the {t} allocated, {a} went to housing and the remaining {b} to transport.",
    "The fund spent {t} in total: {a} on housing and {b} on transport.",
    "The council raised {t}, of which {a} came from rates and the rest, {b}, from grants.",
    "Spending reached {t} - {a} on housing and {b} on transport.",
    "Housing and transport received {a} and {b} respectively, a total of {t}.",
    "The {t} programme comprises {a} for housing and {b} for transport.",
    "The grant of {t} was divided between housing ({a}) and transport ({b}).",
    "Income was {t}, with {a} from rates and the balance of {b} from grants.",
    "The estate was valued at {t}, made up of land ({a}) and securities ({b}).",
    "Housing received {a} and transport {b}, together {t}.",
]


@pytest.mark.parametrize(("structure", "fmt"), list(itertools.product(SUMS, MONEY)))
def test_parts_and_totals_in_every_structure_and_format(structure: str, fmt: str) -> None:
    show = MONEY[fmt]
    honest = structure.format(t=show(3.2e6), a=show(1.9e6), b=show(1.3e6))
    slip = structure.format(t=show(3.2e6), a=show(1.9e6), b=show(1.7e6))
    assert _rules(honest) == set(), honest
    assert "sum-mismatch" in _rules(slip), slip


def test_parts_in_the_next_sentence_are_not_paired() -> None:
    body = "The budget was £3.2m. Housing got £1.9m and transport £1.7m."
    assert _rules(body) == set()


# Multipliers x the ways a change's two ends are given.
TRIPLED = [
    "tripled",
    "trebled",
    "grew threefold",
    "rose three-fold",
    "grew 3-fold",
    "grew by three times",
    "grew by a factor of three",
    "rose by a factor of 3",
    "rose 3x",
    "is now three times what it was",
]
PAIRS = [
    "from {a} to {b}",
    "to {b} from {a}",
    "to {b}, up from {a}",
    "from {a} in 2010 to {b} in 2020",
]


@pytest.mark.parametrize(("form", "pair"), list(itertools.product(TRIPLED, PAIRS)))
def test_every_multiplier_with_every_pair(form: str, pair: str) -> None:
    honest = f"Enrolment {form}, {pair.format(a='41,200', b='123,700')}."
    slip = f"Enrolment {form}, {pair.format(a='41,200', b='61,900')}."
    assert _rules(honest) == set(), honest
    assert "growth-multiplier-mismatch" in _rules(slip), slip


HALVED = ["halved", "was cut by half", "fell by half", "was cut in half", "is now half what it was"]


@pytest.mark.parametrize(("form", "fmt"), list(itertools.product(HALVED, MONEY)))
def test_shrinking_multipliers_in_every_format(form: str, fmt: str) -> None:
    show = MONEY[fmt]
    honest = f"The deficit {form}, from {show(8.4e6)} to {show(4.2e6)}."
    slip = f"The deficit {form}, from {show(8.4e6)} to {show(6.3e6)}."
    assert _rules(honest) == set(), honest
    assert "growth-multiplier-mismatch" in _rules(slip), slip


# Percent in every spelling x every change phrasing.
PERCENT = [" per cent", " percent", "%", "pc", " pc", " per-cent"]
CHANGES = [
    "rose {p}, from {a} to {b}",
    "rose {p} to {b} from {a}",
    "was {b}, up {p} from {a}",
    "increased by {p}, from {a} to {b}",
]


@pytest.mark.parametrize(("sign", "change"), list(itertools.product(PERCENT, CHANGES)))
def test_percent_changes_in_every_spelling(sign: str, change: str) -> None:
    honest = "Grant income " + change.format(p=f"25{sign}", a="£3.2m", b="£4.0m") + "."
    slip = "Grant income " + change.format(p=f"40{sign}", a="£3.2m", b="£4.0m") + "."
    assert _rules(honest) == set(), honest
    assert "percent-change-mismatch" in _rules(slip), slip


@pytest.mark.parametrize("sign", PERCENT)
def test_points_in_every_spelling(sign: str) -> None:
    slip = f"Turnout fell from 72{sign} to 60{sign}, a fall of 12{sign}."
    honest = f"Turnout fell from 72{sign} to 60{sign}, a fall of 17{sign}."
    assert _rules(honest) == set(), honest
    assert "percent-points-confusion" in _rules(slip), slip


# Shares written in words and figures, against one whole.
SHARE_WORDS = {
    "three-quarters": 75.0,
    "two-thirds": 100 * 2 / 3,
    "half": 50.0,
    "a third": 100 / 3,
    "two-fifths": 40.0,
    "a quarter": 25.0,
    "a fifth": 20.0,
    "a tenth": 10.0,
    "one in five": 20.0,
    "one in four": 25.0,
    "nine out of ten": 90.0,
    "four in ten": 40.0,
}


@pytest.mark.parametrize("words", SHARE_WORDS)
def test_shares_in_words_are_read_as_percentages(words: str) -> None:
    text = f"Last year {words} of the budget went on staff."
    (share,) = [q for q in find_quantities(text) if q.kind is Kind.PERCENT]
    assert share.low <= SHARE_WORDS[words] <= share.high
    assert share.high - share.low <= 8.0


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(SHARE_WORDS, 2)))
def test_shares_in_words_over_the_whole(first: str, second: str) -> None:
    body = f"Of the budget, {first} goes on staff, {second} on buildings and the rest on roads."
    shares = [q for q in find_quantities(body) if q.kind is Kind.PERCENT]
    assert [q.text for q in shares] == [first, second]
    found = _rules(body)
    if sum(q.low for q in shares) > 100:  # over the whole however loosely each is read
        assert "shares-exceed-total" in found, body
    elif SHARE_WORDS[first] + SHARE_WORDS[second] <= 100:
        assert found == set(), body


@pytest.mark.parametrize(
    "text",
    [
        "In the first half of 2024 the trust hired staff.",
        "A third party supplied the parts.",
        "The plan took a quarter century.",
        "It was cut by half.",
        "Two and a half million people voted.",
        "It took half an hour.",
        "There is a one in 100 chance of a flood.",
    ],
)
def test_words_that_are_not_shares(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind is Kind.PERCENT and "100" not in q.text]


# Per head, in every phrasing and format.
PER_HEAD = [
    "{p} per employee",
    "{p} per member of staff",
    "{p} for each of its staff",
    "{p} for each employee",
    "{p} for every employee",
    "an average of {p} each",
    "{p} a head",
    "{p} per head",
]


@pytest.mark.parametrize(("phrase", "fmt"), list(itertools.product(PER_HEAD, MONEY)))
def test_stated_per_head_in_every_phrasing_and_format(phrase: str, fmt: str) -> None:
    show = MONEY[fmt]
    honest = f"The firm, which employs 2,500 people, paid bonuses of {show(5e6)}, or {phrase}."
    slip = f"The firm, which employs 2,500 people, paid bonuses of {show(5e6)}, or {phrase}."
    honest = honest.format(p=show(2000))
    slip = slip.format(p=show(2_000_000))
    assert _rules(honest) == set(), honest
    assert "implausible-per-head" in _rules(slip), slip


HEADS = ["residents", "inhabitants", "pupils", "people", "citizens"]


@pytest.mark.parametrize(("heads", "fmt"), list(itertools.product(HEADS, MONEY)))
def test_per_head_plausibility_for_every_population(heads: str, fmt: str) -> None:
    show = MONEY[fmt]
    slip = f"The authority's annual budget of {show(3.2e6)} serves its 4.5 million {heads}."
    honest = f"The authority's annual budget of {show(3.2e9)} serves its 4.5 million {heads}."
    if fmt in {"Rs crore", "₹ lakh"}:  # rupees: a smaller unit, other bands
        return
    assert _rules(honest) == set(), honest
    assert "implausible-per-head" in _rules(slip), slip


# Hedges keep precision: an honest hedged restatement is silent, a hedged slip is not.
HEDGES = [
    "about",
    "roughly",
    "some",
    "around",
    "approximately",
    "nearly",
    "almost",
    "more than",
    "over",
    "c.",
    "~",
    "circa",
    "in the region of",
    "just under",
]


@pytest.mark.parametrize(("hedge", "fmt"), list(itertools.product(HEDGES, MONEY)))
def test_hedges_in_every_format(hedge: str, fmt: str) -> None:
    show = MONEY[fmt]
    honest = f"The scheme costs {show(365e6)} a year, or {hedge} {show(1e6)} a day."
    slip = f"The scheme costs {show(365e6)} a year, or {hedge} {show(3e6)} a day."
    assert _rules(honest) == set(), honest
    assert "rate-restatement-mismatch" in _rules(slip), slip


SPANS = ["over four years", "across four years", "over the next four years", "in four years"]


@pytest.mark.parametrize(("span", "fmt"), list(itertools.product(SPANS, MONEY)))
def test_totals_over_several_periods(span: str, fmt: str) -> None:
    show = MONEY[fmt]
    honest = f"The programme will cost {show(2.4e9)} {span}, or {show(600e6)} a year."
    slip = f"The programme will cost {show(2.4e9)} {span}, or {show(2.4e9)} a year."
    assert _rules(honest) == set(), honest
    assert "rate-restatement-mismatch" in _rules(slip), slip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("£1½ million", 1.5e6),
        ("$2¼bn", 2.25e9),
        ("one-in-five", 20.0),
        ("$US5m", 5e6),
        ("Rs 4,500 crores", 4.5e10),
        ("4,500 crore rupees", 4.5e10),
        ("a quarter of a million", 2.5e5),
        ("three hundred and forty thousand", 3.4e5),
        ("1,20,000", 1.2e5),
    ],
)
def test_more_formats(text: str, value: float) -> None:
    (figure,) = find_quantities(f"It was {text} in all.")
    assert figure.low <= value <= figure.high
    assert figure.value == pytest.approx(value)


def test_vulgar_fractions_in_multipliers() -> None:
    assert _rules("Claims grew 2½ times, from 4,120 to 10,300.") == set()
    assert "growth-multiplier-mismatch" in _rules("Claims grew 2½ times, from 4,120 to 6,180.")
