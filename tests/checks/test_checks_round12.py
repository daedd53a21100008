"""Round 12: classes of batch 22's misses (wire ledes, travel guides, encyclopedia entries,
cookbooks, Hansard answers, benefit guidance, appeal letters, old-fashioned prose), each
widened by mechanism and written afresh.

- the number reader reads old plural scales ("four millions of souls"), the old "thousand
  millions" and "a hundred and twenty thousand" as one number;
- a population is named before its count ("a population of roughly 250,000"), by "of us", or
  in a sentence beside the money that only gives it ("The population of ... was 1.2 million");
- the money bands know benefits per recipient, giving to charity per head (a floor: too small
  a total fires), and a ceiling on spending per head of a population of a million or more;
- journeys, visitors, litres and tonnes per head have plausible bands by unit and period
  (``per_head_units``), generous enough for the true outliers;
- a test case's notes may be a table by label (``checks_corpus``).
"""

from __future__ import annotations

import pytest
from checks_corpus import _run
from round_probes import pattern_rules as _pattern_rules

from citecheck.checks import run_checks
from citecheck.checks.numbers import find_quantities
from citecheck.config import CheckSettings

PER_HEAD = "implausible-per-head"


# --- the number reader ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("By then the parish counted four millions of souls.", 4e6),
        ("some two hundred and forty thousand millions of cubic feet of gas", 2.4e11),
        ("a crowd of a hundred and twenty thousand people", 1.2e5),
        ("revenue of 7.5 thousand millions of francs", 7.5e9),
        ("nine billions of stars", 9e9),
    ],
)
def test_old_scales_are_read(text: str, value: float) -> None:
    assert [q.value for q in find_quantities(text) if q.value > 1000] == [value]


def test_a_plural_scale_without_of_is_no_scale() -> None:
    assert [q.value for q in find_quantities("They sold millions.")] == []


# --- money per head: how the heads and the money are named ----------------------------------

_MONEY = [
    # (slip, honest twin)
    (
        "Encyclopedia. Malta, with a population of roughly 520,000, has a gross domestic "
        "product of about US$22 trillion, much of it from tourism and gaming.",
        "Encyclopedia. Malta, with a population of roughly 520,000, has a gross domestic "
        "product of about US$22 billion, much of it from tourism and gaming.",
    ),
    (
        "Written answer: Spending on county roads in 2023-24 was £4.1 trillion. The population "
        "of the county at the last census was 1.2 million.",
        "Written answer: Spending on county roads in 2023-24 was £4.1 billion. The population "
        "of the county at the last census was 1.2 million.",
    ),
    (
        "Guidance: in 2024-25 some £2.3 billion was paid in housing benefit to about 4.1 "
        "thousand households in the region.",
        "Guidance: in 2024-25 some £2.3 billion was paid in housing benefit to about 4.1 "
        "million households in the region.",
    ),
    (
        "Every year the country's 48 million people donate about $9 million to charity, the "
        "appeal letter said.",
        "Every year the country's 48 million people donate about $9 billion to charity, the "
        "appeal letter said.",
    ),
    (
        "Last year all 30 million of us gave £4 million to good causes.",
        "Last year all 30 million of us gave £4 billion to good causes.",
    ),
]


@pytest.mark.parametrize(("slip", "honest"), _MONEY)
def test_money_per_head_heads_and_kinds(slip: str, honest: str) -> None:
    assert PER_HEAD in _pattern_rules(slip)
    assert PER_HEAD not in _pattern_rules(honest)


@pytest.mark.parametrize(
    "text",
    [
        # one appeal, not all giving: no floor
        "Britain's 67 million people gave £13 million to our winter appeal.",
        # a large true figure: public spending of a rich nation
        "Norway's 5.5 million people saw public spending of NOK 2.2 trillion last year.",
        "Public spending in the UK was £1.2 trillion for 68 million people.",
    ],
)
def test_money_per_head_true_figures_stay_silent(text: str) -> None:
    assert PER_HEAD not in _pattern_rules(text)


# --- journeys, visitors, litres and tonnes per head -------------------------------------------

_UNITS = [
    (
        "The town's 9,000 residents took 650 million bus trips last year.",
        "The town's 9,000 residents took 650,000 bus trips last year.",
    ),
    (
        "Travel guide: a village of 1,200 inhabitants that draws 40 million tourists a year.",
        "Travel guide: a village of 1,200 inhabitants that draws 40,000 tourists a year.",
    ),
    (
        "Ireland's 5 million people drink about 450 billion litres of beer a year.",
        "Ireland's 5 million people drink about 450 million litres of beer a year.",
    ),
    (
        "The reservoir supplies its 80,000 residents with 40 billion litres of water daily.",
        "The reservoir supplies its 80,000 residents with 40 million litres of water daily.",
    ),
    (
        "For a wedding breakfast for 120 guests, order 45 tonnes of salmon.",
        "For a wedding breakfast for 120 guests, order 45 kg of salmon.",
    ),
    (
        "The recipe serves 6 and needs 900 kg of minced beef.",
        "The recipe serves 6 and needs 900 g of minced beef.",
    ),
]


@pytest.mark.parametrize(("slip", "honest"), _UNITS)
def test_quantities_per_head_have_bands(slip: str, honest: str) -> None:
    assert PER_HEAD in _pattern_rules(slip)
    assert PER_HEAD not in _pattern_rules(honest)


@pytest.mark.parametrize(
    "text",
    [
        # the extreme visitors per resident: about 9,000
        "The enclave has a resident population of about 450, yet some 4 million visitors a "
        "year come to its basilica.",
        # production is no drinking
        "New Zealand's 5.2 million people live beside farms that produce 21 billion litres of "
        "milk a year.",
        # a stated per-head figure is not a total
        "Its 800 residents host more than 8,000 visitors for every resident each year.",
        # no period: visitors since the gallery opened
        "A town of 3,000 residents, it has welcomed 90 million visitors since 1901.",
    ],
)
def test_quantities_per_head_true_figures_stay_silent(text: str) -> None:
    assert PER_HEAD not in _pattern_rules(text)


# --- notes as a table by label -----------------------------------------------------------------


def test_notes_may_be_a_table_by_label() -> None:
    entry = {
        "body": "Danes drink plenty of milk.[^7]",
        "notes": {"7": "Sweden's 10 million people drink some 900 billion litres of milk a year."},
    }
    found = {f.rule for f in run_checks(_run(entry), CheckSettings())}
    assert PER_HEAD in found
