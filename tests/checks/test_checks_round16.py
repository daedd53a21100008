"""Round 16: the broad proposal with a model of its own, and populations bound to a paragraph.

- Round 15's broad candidates (loose periods, printed changes, lists explained only by one
  another, flattened tables dated in brackets) come back as ``broad`` candidates: scored by
  their own model and threshold, so main's candidates and their scores are what they were.
- A sentence that only gives a population names the heads of money and quantities in its own
  paragraph, not anywhere in the body.

Every passage is written for this file, in several registers; each slip test fails without its
change.
"""

from __future__ import annotations

import pytest
from round_probes import body_run, pattern_rules

from citecheck.checks import run_checks
from citecheck.checks.candidates import candidates
from citecheck.checks.learned import Model, load_broad_model, load_model, model_override
from citecheck.checks.passages import read_passages
from citecheck.config import CheckSettings

PER_HEAD = "implausible-per-head"


def _broad(body: str) -> list[tuple[str, str]]:
    """The broad candidates of ``body``: (relation, detail)."""
    return [(c.relation, c.detail) for c in candidates(read_passages(body_run(body))) if c.broad]


# --- loose periods: a period named a few words after a figure -----------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "The food bank handed out 2,600 parcels in an average week, or about 40,000 parcels "
        "over the year.",
        "Our pumps lift 900 tonnes of water for every hour of operation, which comes to 2,000 "
        "tonnes a day.",
    ],
)
def test_a_loosely_dated_rate_is_a_broad_candidate(slip: str) -> None:
    assert ("rate-restatement-mismatch", "loose") in _broad(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "The food bank handed out 2,600 parcels in an average week, or about 135,000 parcels "
        "over the year.",
        "The survey ran for 3 weeks, and 2,000 people answered it a day after it closed.",
    ],
)
def test_a_loosely_dated_rate_that_fits_is_none(honest: str) -> None:
    assert ("rate-restatement-mismatch", "loose") not in _broad(honest)


# --- a change that fits only through its round figures' rounding ---------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "Membership jumped 40 per cent, from 500,000 to 600,000.",
        "Ticket sales climbed by 45%, to 70,000 from 50,000 the season before.",
    ],
)
def test_a_printed_change_is_a_broad_candidate(slip: str) -> None:
    assert ("percent-change-mismatch", "printed-change") in _broad(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "Membership rose 20 per cent, from 500,000 to 600,000.",
        "Ticket sales climbed by 40%, to 70,000 from 50,000 the season before.",
    ],
)
def test_a_printed_change_that_fits_printed_is_none(honest: str) -> None:
    assert not [d for r, d in _broad(honest) if d == "printed-change"]


# --- a list whose parts are explained only by one another ----------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "He faced 3 counts of fraud, 2 counts of theft and 4 counts of forgery, 11 counts in all.",
        "The grant of £90 was spent as follows: £40 on paint, £30 on brushes and £9 on tape.",
    ],
)
def test_a_list_explained_only_by_itself_is_a_broad_candidate(slip: str) -> None:
    assert any(r == "sum-mismatch" and d.endswith("+subsum") for r, d in _broad(slip))


def test_a_list_explained_by_its_own_total_is_none() -> None:
    body = "The grant of £79 was spent as follows: £40 on paint, £30 on brushes and £9 on tape."
    assert not [d for r, d in _broad(body) if d.endswith("+subsum")]


# --- a flattened table: figures dated by years in brackets ---------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "Yield per hive doubled, from 4.2 kg (2021) to 12.6 kg (2025).",
        "Passengers: 1.2m (2019), 3.9m (2024), a rise that tripled the airport's traffic "
        "twice over.",
    ],
)
def test_figures_dated_in_brackets_are_read_by_the_broad_proposal(slip: str) -> None:
    assert _broad(slip)


def test_a_citation_year_still_stops_the_sentence() -> None:
    body = "See Smith, 12 Harv. L. Rev. 1002-1005 (2008), doubling from 4 to 12."
    assert not _broad(body)


# --- the broad model speaks only where main's is silent ------------------------------------


def test_the_broad_model_is_shipped_with_its_own_threshold() -> None:
    broad, main = load_broad_model(), load_model()
    assert broad is not main
    assert broad.weights
    assert 0.9 <= broad.threshold <= 1.0
    assert broad.kinds == {"loose", "subsum"}


def test_an_override_without_a_broad_model_silences_the_broad_candidates() -> None:
    body = "Membership jumped 40 per cent, from 500,000 to 600,000."
    run = body_run(body)
    with model_override(Model({}, 2.0)):
        assert {f.rule for f in run_checks(run, CheckSettings())} == set()
    with model_override(Model({}, 2.0), Model({"bias": 10.0}, 0.5)):
        found = list(run_checks(run, CheckSettings()))
    assert [f.rule for f in found] == ["percent-change-mismatch"]


# --- a population names heads in its own paragraph only ------------------------------------


@pytest.mark.parametrize(
    "far",
    [
        "The population of the parish is 2,400.\n\nNationally, last year the health "
        "service's budget was £180 billion.",
        "The population of the valley is 9,000, most of them farmers.\n\n## Roads\n\n"
        "Across the country, the roads agency's spending reached $40 billion in 2024.",
        "Nationally, the schools budget was £60 billion last year.\n \nThe population of "
        "our village is 800.",
    ],
)
def test_a_population_in_another_paragraph_names_no_heads(far: str) -> None:
    assert PER_HEAD not in pattern_rules(far)


@pytest.mark.parametrize(
    "near",
    [
        "The population of the parish is 2,400. Last year the parish council's budget was "
        "£180 billion.",
        "Last year the parish council's budget was £180 billion.\nThe population of the "
        "parish is 2,400.",
    ],
)
def test_a_population_in_the_same_paragraph_still_names_them(near: str) -> None:
    assert PER_HEAD in pattern_rules(near)
