"""Round 10: classes of batch 20's misses and false alarms (registers other than report prose:
press releases, social threads, spoken transcripts, non-native English, legal drafting, chart
notes), of batch 19's, and of a user test on real manuscripts, each widened by mechanism.

The user test: numbers of citation syntax ("supra note 2, at 120") read as parts and a total; a
head count named by a verb of employment ("employs 58,000 people") read as a population; and a
multiplier paired with figures of the sentence before that cites another note.
"""

from __future__ import annotations

import pytest
from checks_corpus import _run as run_with_notes
from round_probes import pattern_rules as _pattern_rules
from round_probes import rules as _rules
from round_probes import rules_with_notes as _with_notes

from citecheck.checks.candidates import GROWTH, candidates
from citecheck.checks.numbers import find_quantities
from citecheck.checks.passages import read_passages
from citecheck.checks.spoken import unspoken

PER_HEAD = "implausible-per-head"
PERCENT = "percent-change-mismatch"
POINTS = "percent-points-confusion"
SHARES = "shares-exceed-total"
SUM_RULE = "sum-mismatch"
RATE = "rate-restatement-mismatch"
GROWTH_RULE = "growth-multiplier-mismatch"


# --- user test: numbers of citation syntax are places, not quantities ---------------------------

_TWO_WORKS = ["Jane Doe, *A Book* 10 (2001).", "Richard Roe, *Another Book* 20 (2002)."]


@pytest.mark.parametrize(
    "note",
    [
        # as the notes read once their emphasis is gone
        "Compare Doe, supra note 1, at 101, with Roe, supra note 2, at 120.",
        "Compare Doe, supra note 1, at 40, with Roe, supra note 2, at 9.",
        "Contrast Roe, supra note 2, at 310, with Doe, supra note 1, at 8 and 298.",
        "Compare Doe, supra note 1, at 75, with Roe, supra note 2, at 80, and id. at 90.",
    ],
)
def test_pinpoints_and_note_numbers_are_no_parts_or_totals(note: str) -> None:
    body = "One.[^1] Two.[^2] Three.[^3]"
    assert SUM_RULE not in _with_notes(body, [*_TWO_WORKS, note])


@pytest.mark.parametrize(
    "text",
    [
        "Compare Doe, supra note 1, at 101, with Roe, supra note 2, at 120.",
        "See infra notes 4-6 and 9.",
        "Id. at 45-47.",
        "Ibid., at 12.",
        "Roe v. Wade, 410 U.S. 113, 120 (1973).",
        "See 8 U.S.C. § 1357 and 19 C.F.R. ¶ 12.",
        "Smith v. Jones, 123 F.3d 456, 460 (9th Cir. 1997).",
    ],
)
def test_citation_numbers_are_not_read_as_quantities(text: str) -> None:
    assert [q.text for q in find_quantities(text) if q.text not in {"1973", "1997"}] == []


def test_prose_figures_after_at_and_note_stay_quantities() -> None:
    """Only citation syntax is dropped: "at 12 sites" and "a note of 20" still count."""
    texts = [q.text for q in find_quantities("Sales rose at 12 stores and fell at 4, to 40.")]
    assert texts == ["12", "4", "40"]


# --- user test: a head count named by a verb of employment --------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The agency employs 58,000 people and has an operating budget of more than $11 million.",
        "The Department employs 240,000 people on a budget of $60 million.",
        "The ministry employed some 90,000 people and had a budget of $25 million in 2019.",
        "Staffed by 12,000 people, the hospital trust has annual revenues of £30 million.",
        "The chain, which has hired about 35,000 people, reported sales of $9 million last year.",
    ],
)
def test_people_employed_are_a_work_force(body: str) -> None:
    assert PER_HEAD in _pattern_rules(body)


@pytest.mark.parametrize(
    "body",
    [
        "The agency employs 58,000 people and has an operating budget of more than $11 billion.",
        "The city employs 4,000 people; its 900,000 residents fund a budget of $2 billion.",
    ],
)
def test_plausible_budgets_of_a_work_force_stay_silent(body: str) -> None:
    assert PER_HEAD not in _rules(body)


# --- user test: sentences citing different notes are different claims --------------------------


def test_figures_of_sentences_citing_different_notes_are_not_paired() -> None:
    body = (
        "Some 350,000 people crossed daily, or roughly 12.8 million a year.[^1] "
        "The number of crossings tripled over the decade.[^2]"
    )
    run = run_with_notes({"body": body, "notes": ["A, *B* (2018).", "C, *D* (2019)."]})
    joined = [c for c in candidates(read_passages(run)) if c.relation == GROWTH]
    assert all(c.scope.second is None for c in joined)


def test_sentences_citing_one_note_are_still_read_together() -> None:
    body = (
        "Ridership stood at 40,000 a day in 2015.[^1] By 2020 it had tripled, to 90,000 a day.[^1]"
    )
    run = run_with_notes({"body": body, "notes": ["A, *B* (2021)."]})
    relations = {c.relation for c in candidates(read_passages(run))}
    assert GROWTH in relations


# --- spoken registers: fillers and self-corrections ---------------------------------------------


@pytest.mark.parametrize(
    ("spoken", "meant"),
    [
        ("went from, uh, 2 million to 5 million", "went from 2 million to 5 million"),
        ("came in at, um, 38 percent", "came in at 38 percent"),
        ("it went from, sorry, 40 to 60 thousand", "it went from 40 to 60 thousand"),
        ("Costs were 40, sorry, 60 million.", "Costs were 60 million."),
        (
            "about a million a day. No, sorry, a hundred thousand a day.",
            "about a hundred thousand a day.",
        ),
        ("revenue of $3 billion - I mean, $3.4 billion", "revenue of $3.4 billion"),
    ],
)
def test_fillers_and_withdrawn_figures_are_blanked(spoken: str, meant: str) -> None:
    blanked = unspoken(spoken)
    assert len(blanked) == len(spoken)  # offsets hold
    assert " ".join(blanked.split()) == meant


@pytest.mark.parametrize(
    "text",
    [
        "The sorry state of 40 schools was plain.",
        "Ratings fell, er, hardly at all.",
        "They chose 40 rather than 60 sites.",
    ],
)
def test_prose_keeps_its_figures(text: str) -> None:
    """ "sorry" inside a clause, "rather than" and a filler with no figure withdraw nothing."""
    assert [q.text for q in find_quantities(unspoken(text))] == [
        q.text for q in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        (
            "CFO: Active users, uh, tripled from, um, 2.4 million to 4.8 million.",
            GROWTH_RULE,
        ),
        (
            "MAYOR: Visits doubled from, uh, 31,000 to 93,000 a year.",
            GROWTH_RULE,
        ),
        ("CEO: Margin came in at, uh, 41 percent, up from 38 percent, a 3 percent gain.", POINTS),
    ],
)
def test_transcripts_are_read_through_their_fillers(body: str, rule: str) -> None:
    assert rule in _pattern_rules(body)


@pytest.mark.parametrize(
    "body",
    [
        "MANAGER: The works treat 36.5 million cubic metres a year, which is about a million a "
        "day. No, sorry, a hundred thousand a day.",
        "CHAIR: We carried 7.3 million passengers a year, that's 2,000 a day, sorry, 20,000 a day.",
    ],
)
def test_a_withdrawn_figure_is_no_claim(body: str) -> None:
    assert RATE not in _rules(body)


# --- dates, hours and statistics are no figures -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The race starts on 19 April.",
        "Sales ran from 3 to 14 March.",
        "On April 19 the fund closed.",
        "Doors open at 10.30 am.",
        "Survival improved (p<0.01).",
        "Risk fell (HR 0.78, 95% CI 0.65-0.93; p = 0.004).",
        "Odds rose (OR 1.3; 95% CI: 1.1 to 1.6).",
    ],
)
def test_days_hours_and_test_statistics_are_not_quantities(text: str) -> None:
    assert [q.text for q in find_quantities(text)] == []


@pytest.mark.parametrize(
    "body",
    [
        "The Harbour 10K starts at 9:30 on 19 April: 10 km, 4 water stations and 2 bands.",
        "The fair runs 12 to 14 June: 9 stalls, 3 stages, and a parade at 11 am.",
        "Mortality fell 25%, from 12% to 9% (HR 0.75, 95% CI 0.61 to 0.92; p=0.006).",
    ],
)
def test_dates_and_intervals_raise_no_sum_or_share(body: str) -> None:
    assert not _rules(body) & {SUM_RULE, SHARES, PERCENT, POINTS}


# --- a bracket's "A vs B" may be put either way round -------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Ferritin showed a 2.3-fold increase at 16 weeks (40 vs 92 ng/mL; p<0.01).",
        "Yield rose threefold in treated plots (1.1 versus 3.3 t/ha).",
        "Uptake doubled (410 vs 205 patients).",
    ],
)
def test_bracketed_arms_fit_either_way(body: str) -> None:
    assert GROWTH_RULE not in _rules(body)


def test_bracketed_arms_that_fit_no_way_still_fire() -> None:
    assert GROWTH_RULE in _rules("Ferritin showed a 4-fold increase (40 vs 92 ng/mL).")


# --- "up 150 percent": a change stated as its own size ---------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Night-bus riders went from 40,000 to 60,000 a month, so up 150 percent.",
        "Members: 8,000 last year, 20,000 now, up 250%.",
        "Members were up 250%, from 8,000 to 20,000.",
    ],
)
def test_up_and_plus_state_the_change_itself(body: str) -> None:
    assert PERCENT in _pattern_rules(body)


# --- decimal commas where unambiguous, and "milliard" -------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Turnover grew 12,5% last year.", 12.5),
        ("donations rose 7,5 percent", 7.5),
        ("a budget of 3,4 million euro", 3_400_000.0),
        ("spending 1,5 milliard won", 1_500_000_000.0),
        ("a fund of 450 milliard won", 450_000_000_000.0),
        ("revenue of €2,75m", 2_750_000.0),
    ],
)
def test_decimal_commas_before_a_percent_scale_or_currency(text: str, value: float) -> None:
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Sales of 1,250 million", [1_250_000_000.0]),
        ("We counted 1,2 or 3 birds.", [1.0, 3.0]),
        ("In 2,5 years", [2.0]),
    ],
)
def test_other_commas_are_not_decimal(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    "body",
    [
        "The donations rose with 7,5 percent last year, from 200 000 to 207 000 euro.",
        "Membership increased with 12,5% in 2024, from 4 000 to 4 800.",
        "Costs decreased with 20 percent, from €3,0 million to €2,7 million.",
    ],
)
def test_a_change_with_its_size_as_non_native_writers_put_it(body: str) -> None:
    assert PERCENT in _pattern_rules(body)


def test_a_milliard_per_head_is_judged() -> None:
    body = (
        "The municipality is spending 600 milliard won for its 400 000 inhabitants, so 1,5 "
        "milliard won per inhabitant."
    )
    assert PER_HEAD in _pattern_rules(body)


# --- a part's name may hold an "and" ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Income by source: tickets £41.2m, food and drink £18.6m, retail £7.9m; total £67.8m.",
        "Costs: staff $12.4m, fuel and power $3.1m, rent $2.2m; total $17.7m.",
        "Spending: schools €8.1bn, roads and bridges €2.3bn, parks €0.6bn; total €11.0bn.",
    ],
)
def test_parts_named_with_and_add_up_whole(body: str) -> None:
    assert SUM_RULE not in _rules(body)


@pytest.mark.parametrize(
    "body",
    [
        "Income by source: tickets £41.2m, food and drink £18.6m, retail £7.9m; total £69.8m.",
        "Costs: staff $12.4m, fuel and power $3.1m, rent $2.2m; total $19.7m.",
    ],
)
def test_parts_named_with_and_that_miss_still_fire(body: str) -> None:
    assert SUM_RULE in _pattern_rules(body)


# --- "for each of its N residents": the heads the cue names -------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The marathon brings £25m into the city, or £50m for each of its 500,000 residents.",
        "The festival raised $12m, or $40m for each of its 300,000 people.",
        "The levy brought in €9m, or €30m for each of their 300,000 households.",
    ],
)
def test_a_per_head_figure_for_each_of_named_heads_is_checked(body: str) -> None:
    assert PER_HEAD in _pattern_rules(body)


def test_a_per_head_figure_for_each_of_named_heads_that_follows_is_silent() -> None:
    body = "The marathon brings £25m into the city, or £50 for each of its 500,000 residents."
    assert PER_HEAD not in _rules(body)


# --- "not less than": a floor, as legal drafting writes it --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Supplier shall deliver not less than 87,600 units.",
        "The Borrower shall maintain not fewer than 40 staff.",
        "a quorum of not less than 40% of members",
    ],
)
def test_not_less_than_is_a_floor(text: str) -> None:
    (figure,) = find_quantities(text)
    assert figure.low == figure.value
    assert figure.high > figure.value


def test_less_than_is_still_a_ceiling() -> None:
    (figure,) = find_quantities("The Supplier shall deliver less than 87,600 units.")
    assert figure.high == figure.value
    assert figure.low == 0.0


# --- chart notes: "may not sum due to rounding" excuses rounding, never more --------------------


@pytest.mark.parametrize(
    "body",
    [
        "Energy mix, 2025: solar 34%, wind 33%, gas 34%. Figures may not sum due to rounding.",
        "Budget: staff $4.2m, rent $3.1m, other $2.1m; total $9.5m. Totals may not add up due "
        "to rounding.",
        "Visitors by origin: local 51%, regional 30%, overseas 20%. Shares may not total 100% "
        "because of rounding.",
    ],
)
def test_a_rounding_note_list_that_rounding_explains_is_silent(body: str) -> None:
    assert not _rules(body) & {SUM_RULE, SHARES}


@pytest.mark.parametrize(
    "body",
    [
        "Site energy mix, 2025: solar 54%, battery 29%, grid 28%. Figures may not sum due to "
        "rounding.",
        "Income: tickets £41.2m, food and drink £18.6m, retail £7.9m; total £72.8m. Figures may "
        "not sum due to rounding.",
    ],
)
def test_a_rounding_note_does_not_excuse_what_rounding_cannot_explain(body: str) -> None:
    assert _rules(body) & {SUM_RULE, SHARES}


@pytest.mark.parametrize(
    "text",
    ["Visits to the ER rose 40% last year.", "Ah Kow paid $40 for 2 tickets.", "UM grew 5%."],
)
def test_names_that_look_like_fillers_are_kept(text: str) -> None:
    assert unspoken(text) == text


def test_a_share_expressing_confidence_is_a_share() -> None:
    texts = [q.text for q in find_quantities("Only 40% confidence in the council was reported.")]
    assert texts == ["40%"]
    assert find_quantities("at a 90 per cent confidence level") == ()
