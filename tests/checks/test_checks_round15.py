"""Round 15: candidates proposed from structure, the learned layer deciding.

Own sentences, several registers. Each proposal test fails without its change: a figure dated
by the words near it ("in an average week", "for each hour of the contract year"), a change
whose round figures fit only through their rounding, a list whose parts explain one another
but not their total, parts read at their own precision, and a figure dated in brackets in a
flattened table. Honest versions are not proposed (the arithmetic still decides).
"""

from __future__ import annotations

import pytest
from round_probes import body_run, rules

from citecheck.checks.candidate_broad import loose_period, loose_total, printed_change_off
from citecheck.checks.candidates import Candidate, candidates
from citecheck.checks.numbers import find_quantities
from citecheck.checks.passages import read_passages

RATE = "rate-restatement-mismatch"
PERCENT = "percent-change-mismatch"
SUM = "sum-mismatch"


def _candidates(body: str) -> list[Candidate]:
    return candidates(read_passages(body_run(body)))


def _details(body: str, relation: str) -> set[str]:
    return {c.detail for c in _candidates(body) if c.relation == relation}


# --- rates dated by the words near a figure ------------------------------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        # a trust's annual report
        "The helpline took 730,000 calls over the year, which works out at roughly 500 calls "
        "in an average day.",
        # a supply contract
        "The mill shall supply 43,800 tonnes in respect of each contract year, an average of 50 "
        "tonnes for each hour.",
        # old-fashioned prose
        "In the year 1790 the parish brewed some 73,000 gallons of ale, which is to say two "
        "thousand gallons for every day of the calendar.",
    ],
)
def test_a_period_named_near_a_figure_makes_it_a_rate_candidate(slip: str) -> None:
    assert "loose" in _details(slip, RATE)


@pytest.mark.parametrize(
    "honest",
    [
        "The helpline took 730,000 calls over the year, which works out at roughly 2,000 calls "
        "in an average day.",
        "The mill shall supply 43,800 tonnes in respect of each contract year, an average of 5 "
        "tonnes for each hour.",
    ],
)
def test_a_loosely_dated_rate_that_fits_is_no_candidate(honest: str) -> None:
    assert RATE not in {c.relation for c in _candidates(honest)}


def test_a_number_of_hours_is_no_dating() -> None:
    text = "Over a full year of 8,760 hours the pump moves 4,380 litres."
    litres = next(q for q in find_quantities(text) if q.text.startswith("4,380"))
    assert loose_total(text, litres) == "year"
    text = "Over 8,760 hours the pump moves 4,380 litres."
    litres = next(q for q in find_quantities(text) if q.text.startswith("4,380"))
    assert loose_total(text, litres) is None


def test_a_period_after_a_clause_break_or_without_an_opener_is_none() -> None:
    text = "The crew logged 40 dives, and 3 days later they left."
    dives = next(q for q in find_quantities(text) if q.text.startswith("40"))
    assert loose_period(text, dives) is None


# --- changes that fit only through the rounding of round figures --------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "Ticket sales rose 30 per cent this season, from 200,000 to 220,000.",
        "MINUTES: the treasurer reported that hire income went from 80 thousand to 100 "
        "thousand, so up by 40 per cent.",
    ],
)
def test_a_change_between_round_figures_is_proposed_marked_printed(slip: str) -> None:
    assert "printed" in _details(slip, PERCENT)


def test_a_change_that_is_the_printed_figures_rounding_is_not_proposed() -> None:
    assert "printed" not in _details(
        "Ticket sales rose 10 per cent this season, from 200,000 to 220,000.", PERCENT
    )
    change, one, two = find_quantities("up 12% from 4.5 to 5.0")
    assert printed_change_off(change, one, two) is None  # 11.1 %: its rounding


# --- sums whose parts explain one another, and parts at their own precision ---------------------


def test_parts_that_explain_one_another_are_still_proposed_against_their_total() -> None:
    # 9 = 6 + 3 fits, but no total outside the list explains the parts: 6 + 3 + 9 is not 25
    body = (
        "Charge sheet: 6 counts of theft, 3 counts of fraud, 9 counts of handling; "
        "25 counts in all."
    )
    assert any("subsum" in d for d in _details(body, SUM))


def test_a_list_that_adds_up_is_still_no_candidate() -> None:
    body = (
        "Charge sheet: 6 counts of theft, 3 counts of fraud, 9 counts of handling; "
        "18 counts in all."
    )
    assert SUM not in {c.relation for c in _candidates(body)}


def test_parts_to_the_pound_miss_a_total_they_would_fit_when_round() -> None:
    body = "The raffle raised £85 in all: £40 from tickets, £30 from the tombola and £9 from teas."
    assert any("fine" in d for d in _details(body, SUM))


def test_parts_at_their_own_precision_that_fit_are_no_fine_candidate() -> None:
    body = (
        "The grant of $3.1bn was split: $1.52bn for roads, $0.93bn for rail and $0.61bn for ports."
    )
    assert not any("fine" in d for d in _details(body, SUM))


# --- a figure dated in brackets is no citation --------------------------------------------------


def test_a_flattened_table_with_bracketed_years_gives_candidates() -> None:
    body = "Members: 1.40m (2023), 1.52m (2024), change +25%."
    assert PERCENT in {c.relation for c in _candidates(body)}


def test_a_citation_year_in_brackets_still_gives_none() -> None:
    body = "Smith, Journal of Ports 12, 1002–1005 (2008), found 40% and 75%."
    assert _candidates(body) == []


# --- through the whole checker (the shipped model) ----------------------------------------------


def test_the_shipped_model_speaks_on_a_loosely_dated_rate() -> None:
    slip = (
        "The helpline took 730,000 calls over the year, which works out at roughly 500 calls "
        "in an average day."
    )
    assert RATE in rules(slip)
