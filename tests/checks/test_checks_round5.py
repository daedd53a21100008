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
