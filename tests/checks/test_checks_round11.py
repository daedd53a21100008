"""Round 11: classes of batch 21's and batch 20's remaining misses (press releases, posts and
group messages, newsletters, earnings calls), each widened by mechanism and written afresh.

- a signed percentage ("+20%", "(-9%)") is a stated change, for percent changes and points;
- one figure compared with two bases ("X vs A (+P%) and vs B (+Q%)") gives each base its pair;
- a change restated in the next sentence ("... from £30 to £36. That's +50%.");
- period abbreviations date a total ("this yr", "last wk");
- a lower-case sentence or one opening with money is cut after a plain word ("... with 60
  employees. that's $1.5bn per employee"), and "that's" restates a per-head figure.
"""

from __future__ import annotations

import pytest
from round_probes import pattern_rules as _pattern_rules

from citecheck.sentences import sentence_spans

PERCENT = "percent-change-mismatch"
POINTS = "percent-points-confusion"
RATE = "rate-restatement-mismatch"
PER_HEAD = "implausible-per-head"


# --- a signed percentage is a stated change ---------------------------------------------------

_SIGNED = [
    # (slip, honest twin)
    (
        "Members: 2,400 this season against 1,600 last season (+20%).",
        "Members: 2,400 this season against 1,600 last season (+50%).",
    ),
    (
        "Press release: orders went from 520 to 640 units, +35% on the year.",
        "Press release: orders went from 520 to 640 units, +23% on the year.",
    ),
    (
        "Stock fell from 840 to 610 crates (-9%), the depot said.",
        "Stock fell from 840 to 610 crates (-27%), the depot said.",
    ),
    (
        "Footfall: 9,300 in May vs 7,750 in April (+12% mom).",
        "Footfall: 9,300 in May vs 7,750 in April (+20% mom).",
    ),
]


@pytest.mark.parametrize(("slip", "honest"), _SIGNED)
def test_a_signed_percentage_is_a_stated_change(slip: str, honest: str) -> None:
    assert PERCENT in _pattern_rules(slip)
    assert PERCENT not in _pattern_rules(honest)


@pytest.mark.parametrize(
    ("slip", "honest"),
    [
        (
            "Turnout was 41% against 35% at the last count (+6%).",
            "Turnout was 41% against 35% at the last count (+17%).",
        ),
        (
            "Uptake went from 22% to 30% this winter (+8%), the trust says.",
            "Uptake went from 22% to 30% this winter (+36%), the trust says.",
        ),
    ],
)
def test_a_signed_change_between_percentages_is_checked_for_points(slip: str, honest: str) -> None:
    assert POINTS in _pattern_rules(slip)
    assert POINTS not in _pattern_rules(honest)


def test_a_range_dash_is_no_sign() -> None:
    assert _pattern_rules("Fares went from £4 to £5, a rise of 20-30% in a decade.") == set()


# --- one figure compared with two bases ---------------------------------------------------------


@pytest.mark.parametrize(
    ("slip", "honest"),
    [
        (
            "Q2 bookings 4,800 vs 4,000 a year ago (+20%) and vs 4,500 in Q1 (+16%).",
            "Q2 bookings 4,800 vs 4,000 a year ago (+20%) and vs 4,500 in Q1 (+7%).",
        ),
        (
            "Subscribers reached 8,400, against 7,000 last spring (up 20%) and against 8,000 in"
            " the autumn (up 15%).",
            "Subscribers reached 8,400, against 7,000 last spring (up 20%) and against 8,000 in"
            " the autumn (up 5%).",
        ),
        (
            "Takings $6.6m, versus $5.5m a year earlier (+20% yoy), versus $6.0m last quarter"
            " (+20% qoq).",
            "Takings $6.6m, versus $5.5m a year earlier (+20% yoy), versus $6.0m last quarter"
            " (+10% qoq).",
        ),
    ],
)
def test_each_base_of_one_figure_has_its_own_change(slip: str, honest: str) -> None:
    assert PERCENT in _pattern_rules(slip)
    assert PERCENT not in _pattern_rules(honest)


# --- a change restated in the next sentence -----------------------------------------------------


@pytest.mark.parametrize(
    ("slip", "honest"),
    [
        (
            "Tickets went from £30 to £36 this term. That's +50%, the steepest rise yet.",
            "Tickets went from £30 to £36 this term. That's +20%, the steepest rise yet.",
        ),
        (
            "The allotment rent rose from €64 to €80. That is a rise of 16 per cent.",
            "The allotment rent rose from €64 to €80. That is a rise of 25 per cent.",
        ),
        (
            "Call-outs fell from 1,250 to 1,000 over the winter. That's a drop of 25%.",
            "Call-outs fell from 1,250 to 1,000 over the winter. That's a drop of 20%.",
        ),
    ],
)
def test_a_change_restated_in_the_next_sentence(slip: str, honest: str) -> None:
    assert PERCENT in _pattern_rules(slip)
    assert PERCENT not in _pattern_rules(honest)


def test_a_next_sentence_with_a_pair_of_its_own_is_not_joined() -> None:
    body = "Rent went from £600 to £690. That's 15%, while fees rose from £40 to £60 (+50%)."
    assert PERCENT not in _pattern_rules(body)


# --- period abbreviations date a total ----------------------------------------------------------


@pytest.mark.parametrize(
    ("slip", "honest"),
    [
        (
            "Update: ad sales hit $3.9m this yr, so roughly $225k/week.",
            "Update: ad sales hit $3.9m this yr, so roughly $75k/week.",
        ),
        (
            "The agency spent $12m last yr. That's $1m a week.",
            "The agency spent $12m last yr. That's $230,000 a week.",
        ),
        (
            "We posted 1,460 parcels last wk, about 400 a day.",
            "We posted 1,460 parcels last wk, about 210 a day.",
        ),
    ],
)
def test_period_abbreviations_date_a_total(slip: str, honest: str) -> None:
    assert RATE in _pattern_rules(slip)
    assert RATE not in _pattern_rules(honest)


# --- lower-case sentences and money opening one --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("the org made $90m last yr with 60 employees. that's $1.5m each.", 2),
        ("we sold 400 tickets. so far so good.", 2),
        ("rent is £45 total. £20 from Dave and the rest from me.", 2),
        ("it rose... so we left.", 1),  # an ellipsis trails off
        ("See e.g. that case.", 1),  # an abbreviation
        ("Smith et al. this year", 1),
        ("They met at 4 p.m. that day.", 1),
        ("See 12 Cong. $5 appropriations.", 1),  # a short capitalised word may be abbreviated
        ("Washington, D.C. that year.", 1),
    ],
)
def test_informal_sentences_are_cut_after_a_plain_word(text: str, cut: int) -> None:
    assert len(sentence_spans(text)) == cut


@pytest.mark.parametrize(
    ("slip", "honest"),
    [
        (
            "the studio made $90m last yr with 60 employees. that's $1.5bn per employee. wild.",
            "the studio made $90m last yr with 60 employees. that's $1.5m per employee. wild.",
        ),
        (
            "The label took in $48m with 400 staff, that's $120m an employee.",
            "The label took in $48m with 400 staff, that's $120,000 an employee.",
        ),
    ],
)
def test_thats_restates_a_per_head_figure(slip: str, honest: str) -> None:
    assert PER_HEAD in _pattern_rules(slip)
    assert PER_HEAD not in _pattern_rules(honest)
