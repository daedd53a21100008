"""Generative tests of the phrasing classes the fifth round generalised (issue #13 part 4).

Each class is a mechanism, not a case, crossed with formats, orders and openers; each side is
checked: the honest passage raises nothing, the slipped one raises its rule. The phrasings are
new, written for these tests, not any batch's.
"""

from __future__ import annotations

import itertools

import pytest

from citecheck.checks import run_checks
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, FootnoteSet, Manuscript

PER_HEAD = "implausible-per-head"
PCT = "percent-change-mismatch"


def _rules(body: str) -> set[str]:
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    run = CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),))
    return {finding.rule for finding in run_checks(run, CheckSettings())}


# --------------------------------------------------------------------------
# Currencies: every sign, code and word, before or after the number
# --------------------------------------------------------------------------

# (a printed figure of 2.5 billion in some currency as {n} names the number, its ISO code)
CURRENCY_FORMS = [
    ("₩{n} billion", "KRW"),
    ("KRW {n}bn", "KRW"),
    ("{n} billion won", "KRW"),
    ("R${n} billion", "BRL"),
    ("{n} billion reais", "BRL"),
    ("kr {n} billion", "KR"),
    ("kr. {n}bn", "KR"),
    ("{n} billion kroner", "KR"),
    ("{n} billion kronor", "SEK"),
    ("{n}bn zł", "PLN"),
    ("{n} billion zlotys", "PLN"),
    ("฿{n} billion", "THB"),
    ("{n} billion baht", "THB"),
    ("₦{n} billion", "NGN"),
    ("{n} billion naira", "NGN"),
    ("{n} billion rand", "ZAR"),
    ("₱{n}bn", "PHP"),
    ("{n} billion yuan", "CNY"),
    ("RMB {n}bn", "CNY"),
    ("Rp {n} billion", "IDR"),
    ("{n} billion ringgit", "MYR"),
    ("₺{n} billion", "TRY"),
]


@pytest.mark.parametrize(("form", "code"), CURRENCY_FORMS)
def test_every_currency_form_is_money_in_its_currency(form: str, code: str) -> None:
    (quantity,) = find_quantities(f"The fund paid out {form.format(n='2.5')} last year.")
    assert quantity.kind is Kind.MONEY
    assert quantity.currency == code
    assert quantity.value == pytest.approx(2.5e9)


def test_won_after_a_small_bare_number_is_the_verb() -> None:
    quantities = find_quantities("The club played 5 won 3 and lost 2 of its away games.")
    assert all(q.kind is Kind.COUNT for q in quantities)


# A per-head figure in each currency: the total over the heads (honest) or a thousand times it.
PER_HEAD_TEMPLATES = [
    "The city spends {total} a year on its libraries, about {each} per inhabitant for its "
    "50,000 residents.",
    "The firm booked {total} in revenue with 50,000 staff, which is {each} per employee.",
    "The {total} plan amounts to {each} for each of the region's 50,000 residents.",
]
# (total, honest per head, slipped per head) in forms of the currencies above
PER_HEAD_MONEY = [
    ("₩900 billion", "₩18 million", "₩18 billion"),
    ("kr 2.5 billion", "kr 50,000", "kr 50 million"),
    ("R$2.5 billion", "R$50,000", "R$50 million"),
    ("2.5 billion baht", "50,000 baht", "50 million baht"),
    ("zł 2.5bn", "zł 50,000", "zł 50m"),
]


@pytest.mark.parametrize(
    ("template", "money"), list(itertools.product(PER_HEAD_TEMPLATES, PER_HEAD_MONEY))
)
def test_per_head_figures_in_any_currency(template: str, money: tuple[str, str, str]) -> None:
    total, honest, slipped = money
    assert PER_HEAD not in _rules(template.format(total=total, each=honest))
    assert PER_HEAD in _rules(template.format(total=total, each=slipped))


@pytest.mark.parametrize(
    ("start", "end"),
    [("R$16 million", "R$18.4 million"), ("₩16 billion", "₩18.4 billion"), ("kr 16m", "kr 18.4m")],
)
def test_a_change_in_any_currency(start: str, end: str) -> None:
    body = "Revenue climbed to {end} from {start}, an increase of {pct} percent."
    assert PCT not in _rules(body.format(start=start, end=end, pct=15))
    assert PCT in _rules(body.format(start=start, end=end, pct=45))


# --------------------------------------------------------------------------
# Rates: a year's total dated anywhere in its clause, restated per any period
# --------------------------------------------------------------------------

RATE = "rate-restatement-mismatch"

# A yearly total of 18.2 million ({total}), dated before it, in its clause or after it.
DATED_TOTALS = [
    "Last year the depot handled {total} parcels",
    "This year, the depot has handled {total} parcels",
    "Parcels handled for the year were {total}",
    "The depot during the past year handled {total} parcels",
    "The depot handled {total} parcels through its sorting halls in the region last year",
    "The depot handled {total} parcels during the financial year",
]
# The restatement per period: (phrase with {n}, honest n, slipped n). 18.2 million a year is
# 350,000 a week, 49,900 a day, about 70,000 a working day (260 of them).
RESTATED = [
    ("or some {n} a week", "350,000", "150,000"),
    ("which is about {n} every day", "50,000", "90,000"),
    ("— {n} parcels a day", "50,000", "500,000"),
    ("or roughly {n} each working day", "70,000", "20,000"),
    ("that is about {n} per business day", "70,000", "700,000"),
    ("or about {n} daily", "50,000", "5,000"),
]
TOTAL_FORMS = ["18.2 million", "18,200,000", "18.2m"]


@pytest.mark.parametrize(
    ("dated", "restated", "total"), list(itertools.product(DATED_TOTALS, RESTATED, TOTAL_FORMS))
)
def test_a_dated_total_restated_per_period(
    dated: str, restated: tuple[str, str, str], total: str
) -> None:
    phrase, honest, slipped = restated
    lead = dated.format(total=total)
    assert RATE not in _rules(f"{lead}, {phrase.format(n=honest)}.")
    assert RATE in _rules(f"{lead}, {phrase.format(n=slipped)}.")


@pytest.mark.parametrize(
    "lead",
    [
        "Since last year the depot has handled {total} parcels",
        "Compared with last year, the depot handled {total} parcels",
        "Up 4% on last year, the depot handled {total} parcels",
    ],
)
def test_a_year_named_for_another_reason_dates_no_total(lead: str) -> None:
    assert RATE not in _rules(f"{lead.format(total='18.2 million')}, or some 150,000 a week.")


@pytest.mark.parametrize(
    ("rate", "other", "fits"),
    [
        ("5,000 trades every working day", "about 1.3 million a year", True),
        ("5,000 trades every working day", "about 25,000 a week", True),
        ("5,000 trades every working day", "about 50,000 a week", False),
        ("5,000 trades every working day", "35,000 a week", False),
        ("5,000 trades per business day", "about 3 million a year", False),
        ("200 trades each trading day", "some 50,000 a year", True),
    ],
)
def test_a_working_day_is_a_fifth_of_a_week(rate: str, other: str, fits: bool) -> None:
    body = f"The desk books {rate}, or {other}."
    assert (RATE not in _rules(body)) is fits


# --------------------------------------------------------------------------
# Points: the pair's change explained after a colon, or restated "that is by"
# --------------------------------------------------------------------------

POINTS = "percent-points-confusion"

# 40% -> 62% is 22 points, a 55% relative rise; {c} the stated change.
POINT_PAIRS = [
    "The share of renters climbed from 40% to 62%{sep}",
    "Turnout among under-25s went from 40 per cent to 62 per cent{sep}",
    "The proportion of electric buses rose from 40 percent to 62 percent in five years{sep}",
]
POINT_TAILS = [
    (": ", "a {c}% increase"),
    (": ", "up {c}%"),
    (", ", "that is by {c}%"),
    (", ", "or by some {c} percent"),
    (", ", "i.e. by {c} per cent"),
    (" — ", "a rise of {c} per cent"),
]


@pytest.mark.parametrize(("lead", "tail"), list(itertools.product(POINT_PAIRS, POINT_TAILS)))
def test_a_change_explaining_its_pair_in_points_or_percent(
    lead: str, tail: tuple[str, str]
) -> None:
    sep, change = tail
    head = lead.format(sep=sep)
    assert POINTS in _rules(head + change.format(c=22) + ".")
    assert POINTS not in _rules(head + change.format(c=55) + ".")


def test_by_after_no_restating_word_is_no_change() -> None:
    body = "The share of renters climbed from 40% to 62%, backed by 22% of landlords."
    assert POINTS not in _rules(body)


# --------------------------------------------------------------------------
# Multipliers: figure pairs dated then/now with units, "the N recorded in ...", half-dated
# "against", and "as <amount word> as"
# --------------------------------------------------------------------------

GROWTH = "growth-multiplier-mismatch"

# (multiplier sentence with {a} the start and {b} the end; both orders and forms of pairing)
MULTIPLIED = [
    "Wind capacity has grown threefold: {a} GW then, {b} GW now.",
    "Membership has tripled: {a} members then, {b} members today.",
    "Enrolment now stands at {b}, three times the {a} recorded in 2012.",
    "The herd counted {b} head this spring, three times the {a} counted in 2016.",
    "Delays are three times as numerous as in 2018: {b} this year against {a} then.",
    "Claims are three times as common as before: {b} now against {a} then.",
    "Fares have risen by a factor of 3: {a} on the first route against {b} today.",
]
# (start, honest end, slipped end)
MULTIPLIED_FIGURES = [("120", "360", "240"), ("1,520", "4,560", "3,040")]


@pytest.mark.parametrize(
    ("template", "figures"), list(itertools.product(MULTIPLIED, MULTIPLIED_FIGURES))
)
def test_a_multiplier_and_its_dated_or_compared_pair(
    template: str, figures: tuple[str, str, str]
) -> None:
    start, honest, slipped = figures
    assert GROWTH not in _rules(template.format(a=start, b=honest))
    assert GROWTH in _rules(template.format(a=start, b=slipped))


def test_a_speed_compared_is_no_multiplier_of_the_figures() -> None:
    body = "The new line is twice as fast as the old: 40 minutes now against 80 minutes then."
    assert GROWTH not in _rules(body)


def test_a_change_dated_last_year_keeps_its_to_from_order() -> None:
    body = "Insured losses climbed to $4.1bn last year from $3.6bn, up 14pc."
    assert PCT not in _rules(body)


# --------------------------------------------------------------------------
# Sums: parts in brackets after their total, in any currency's sign or letters
# --------------------------------------------------------------------------

SUMS = "sum-mismatch"
BRACKET_SIGNS = ["kr ", "kr. ", "Rp ", "RM ", "₩", "R$", "฿", "$", "€"]
BRACKET_TEMPLATES = [
    "The 2026 capital budget of {s}{total} billion ({s}21 billion for roads, {s}15 billion for "
    "rail and {s}7 billion for ports) is the largest yet.",
    "Grants totalled {s}{total} billion ({s}21 billion to schools, {s}15 billion to clinics and "
    "{s}7 billion to libraries).",
]


@pytest.mark.parametrize(
    ("sign", "template"), list(itertools.product(BRACKET_SIGNS, BRACKET_TEMPLATES))
)
def test_parts_in_brackets_after_a_total_in_any_currency(sign: str, template: str) -> None:
    assert SUMS not in _rules(template.format(s=sign, total=43))
    assert SUMS in _rules(template.format(s=sign, total=48))


# --------------------------------------------------------------------------
# Per head: the heads a cue names ("for each of its 7,500 staff", "per bed for its 920 beds")
# --------------------------------------------------------------------------

# Two per-head figures of one total, each cue naming its own heads: £1.2bn over 920 beds is
# £1.3m a bed, over 7,500 staff £160,000 a head.
TWO_HEADS = [
    "The trust's £1.2 billion budget comes to {bed} per bed for its 920 beds, and to {staff} "
    "for each of its 7,500 staff.",
    "The board's £1.2 billion budget comes to {bed} per bed for its 920 beds and to {staff} for "
    "each of the 7,500 staff.",
]


@pytest.mark.parametrize("template", TWO_HEADS)
def test_each_cue_is_judged_against_the_heads_it_names(template: str) -> None:
    assert PER_HEAD not in _rules(template.format(bed="£1.3 million", staff="£160,000"))
    assert PER_HEAD in _rules(template.format(bed="£1.3 billion", staff="£160,000"))
    assert PER_HEAD in _rules(template.format(bed="£1.3 million", staff="£160 million"))
