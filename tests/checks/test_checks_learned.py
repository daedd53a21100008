"""The learned layer: liberal candidates, their arithmetic, the scorer and where it may speak."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

from citecheck.checks import run_checks
from citecheck.checks.candidate_features import cues, features, tokens
from citecheck.checks.candidates import (
    GROWTH,
    PER_HEAD,
    PERCENT,
    POINTS,
    RATE,
    RELATIONS,
    SHARES,
    SUM,
    Candidate,
    candidates,
)
from citecheck.checks.learned import Model, learned_findings, load_model, model_override
from citecheck.checks.passages import read_passages
from citecheck.checks.rates import RATE as RATE_RULE
from citecheck.checks.sums import SUM as SUM_RULE
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Footnote, FootnoteSet, Location, Manuscript, NoteMarker

ALWAYS = Model({"bias": 50.0}, 0.5)  # a scorer that takes every candidate for the relation
NEVER = Model({"bias": -50.0}, 0.5)


def _run(body: str, note: str | None = None) -> CheckRun:
    markers: tuple[NoteMarker, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    if note is not None:
        markers = (NoteMarker("1", len(body), Location("m.md", 1)),)
        footnotes = (Footnote("1", note, "", Location("m.md", 3), Location("m.md", 1)),)
    manuscript = Manuscript("m.md", "markdown", body, markers, ())
    return CheckRun(footnote_sets=(FootnoteSet(manuscript, footnotes),))


def _candidates(body: str, note: str | None = None) -> list[Candidate]:
    return candidates(read_passages(_run(body, note)))


def _relations(body: str, note: str | None = None) -> set[str]:
    return {c.relation for c in _candidates(body, note)}


def _rules(body: str, model: Model, note: str | None = None) -> set[str]:
    with model_override(model):
        return {f.rule for f in run_checks(_run(body, note), CheckSettings())}


# --------------------------------------------------------------------------
# Candidates: the arithmetic decides, in either order of a pair
# --------------------------------------------------------------------------


def test_parts_that_exceed_their_total_are_a_sum_candidate() -> None:
    found = _candidates(
        "Renewables supplied 41 TWh in 2023: wind 22 TWh, solar 19 TWh and hydro 6 TWh."
    )
    sums = [c for c in found if c.relation == SUM]
    assert sums
    assert sums[0].detail == "exceed"
    assert next(q.text for q in sums[0].figures) == "41"


def test_parts_that_add_up_are_no_candidate() -> None:
    assert SUM not in _relations(
        "Renewables supplied 41 TWh: wind 22 TWh, solar 13 TWh and hydro 6 TWh."
    )


def test_figures_that_add_up_across_sentences_are_explained_in_each() -> None:
    body = (
        "At the end of March the trust had 7,240 patients waiting. Of these, 3,100 were in "
        "orthopaedics, 2,050 in ophthalmology and the remaining 2,090 in general surgery."
    )
    assert SUM not in _relations(body)
    assert SUM in _relations(body.replace("2,090", "3,090"))


def test_a_multiplier_with_a_pair_that_fits_has_no_candidate() -> None:
    fits = "Capacity quadrupled from 1.8 GW to 7.2 GW, according to Exhibit 12."
    assert GROWTH not in _relations(fits)
    assert GROWTH in _relations(
        "Ridership halved, falling from 1.2 million trips a day to 310,000."
    )


def test_a_change_equal_to_the_points_difference_is_a_points_candidate() -> None:
    slip = "Participation fell by 8 per cent, from 60 per cent to 52 per cent of adults."
    by_change = {(c.relation, c.figures[0].text) for c in _candidates(slip)}
    assert (POINTS, "8 per cent") in by_change
    assert (PERCENT, "8 per cent") not in by_change
    honest = "Recovery improved from 72% to 81% over the year, an increase of 9 percentage points."
    assert not {POINTS, PERCENT} & _relations(honest)


def test_a_percent_change_that_fits_neither_order_is_a_candidate() -> None:
    assert PERCENT in _relations(
        "Tonnage fell from 640,000 to 480,000 tonnes, a cut of 40 per cent."
    )
    assert PERCENT not in _relations(
        "Tonnage fell from 640,000 to 480,000 tonnes, a cut of 25 per cent."
    )


def test_a_rate_restated_in_its_note_is_a_candidate_of_both() -> None:
    body = "Household waste reached 1.46 million tonnes in the 2022/23 financial year."
    slip = _candidates(body, "That is roughly 12,000 tonnes a day.")
    assert [c.scope.link for c in slip if c.relation == RATE] == ["note"]
    assert RATE not in _relations(body, "That is roughly 4,000 tonnes a day.")


def test_shares_over_a_hundred_and_per_head_figures_that_do_not_follow() -> None:
    assert SHARES in _relations("Netflix held 41 pc of the market, Prime 33 pc and Disney+ 29 pc.")
    assert SHARES not in _relations(
        "Netflix held 41 pc of the market, Prime 33 pc and Disney+ 26 pc."
    )
    slip = "The £840m budget amounts to £2.8m per resident for its 300,000 inhabitants."
    assert PER_HEAD in _relations(slip)
    assert PER_HEAD not in _relations(slip.replace("£2.8m", "£2,800"))


def test_a_total_far_outside_any_budget_per_head_is_a_candidate() -> None:
    slip = "The regulator's wage bill of £1.5 billion covers its 310 staff."
    found = [c for c in _candidates(slip) if c.relation == PER_HEAD]
    assert found
    assert found[0].detail.startswith("high")
    assert PER_HEAD not in _relations(slip.replace("billion", "million"))


def test_citations_and_odd_notations_give_no_candidates() -> None:
    assert not _candidates(
        "United States v. Martinez-Fuerte, 428 U.S. 543 (1976); 422 U.S. at 881."
    )
    assert not _candidates(
        "It paid $A0.005 billion, or $A2e-06 billion per employee, to 2,500 staff."
    )
    assert not _candidates("The fix landed in three pull requests (#10, #14, #30).")
    assert not _candidates("Builds for 3.6.14, 3.7.11, 3.8.11 and 3.9.4 were added.")


def test_a_candidate_can_be_limited_to_some_relations() -> None:
    body = "Netflix held 41 pc of the market, Prime 33 pc and Disney+ 29 pc."
    passages = read_passages(_run(body))
    assert {c.relation for c in candidates(passages, frozenset({SUM}))} == set()
    assert SHARES in {c.relation for c in candidates(passages, frozenset(RELATIONS))}


# --------------------------------------------------------------------------
# Features and the scorer
# --------------------------------------------------------------------------


def test_features_name_the_words_between_and_their_relation() -> None:
    (candidate,) = [
        c
        for c in _candidates("A total of 940 staff, of which 610 nurses and 520 porters.")
        if c.relation == SUM
    ]
    names = features(candidate, tokens(candidate.scope), cues(candidate.scope))
    assert "in-partition" in names or "near-partition" in names
    assert f"{SUM}|btw=which" in names
    assert "btw=which" in names
    assert "detail=exceed" in names


def test_the_scorer_decides_whether_a_failing_candidate_is_a_finding() -> None:
    body = "Renewables supplied 41 TWh in 2023: wind 22 TWh, solar 19 TWh and hydro 6 TWh."
    with model_override(ALWAYS):
        assert load_model() is ALWAYS
    assert SUM in _rules(body, ALWAYS)
    assert SUM not in _rules(body, NEVER)
    # The arithmetic still decides: parts that add up are no finding, however sure the scorer.
    assert SUM not in _rules(body.replace("19 TWh", "13 TWh"), ALWAYS)


def test_the_layer_is_silent_where_a_pattern_rule_already_spoke() -> None:
    body = "Renewables supplied 41 TWh in 2023: wind 22 TWh, solar 19 TWh and hydro 6 TWh."
    passages = read_passages(_run(body))
    with model_override(ALWAYS):
        alone = list(learned_findings(passages, {SUM: SUM_RULE}, []))
        assert len(alone) == 1
        # Said plainly for an editor: who judged, and how sure, not a bare "score".
        assert "(a trained reader's judgement, " in alone[0].message
        assert " sure). Check the figures" in alone[0].message
        assert "score" not in alone[0].message
        assert list(learned_findings(passages, {SUM: SUM_RULE}, alone)) == []
        # Only the rules asked for speak.
        assert list(learned_findings(passages, {}, [])) == []


def test_the_shipped_model_is_trained_on_development_data_only() -> None:
    text = resources.files("citecheck.checks").joinpath("learned_model.json").read_text("utf-8")
    data = json.loads(text)
    assert 0.5 <= data["threshold"] < 1.0
    assert data["weights"]
    assert not any("batch16" in batch for batch in data["trained_on"])


def test_training_is_deterministic_and_learns_a_separable_toy() -> None:
    sys.path.insert(0, str(Path(__file__).parents[2] / "training" / "checks_scorer"))
    import train

    rows = [("toy", SUM, ["bias", "btw=respectively"], True)] * 5 + [
        ("toy", SUM, ["bias", "btw=including"], False)
    ] * 5
    first, second = train.fit(rows), train.fit(rows)
    assert first == second
    model = Model(first, 0.5)
    assert model.score(["bias", "btw=respectively"]) > 0.9
    assert model.score(["bias", "btw=including"]) < 0.1


def test_a_finding_across_two_sentences_shows_them_as_one_line() -> None:
    body = "Waste reached 1.46 million tonnes in the 2022/23 financial year."
    run = _run(body, "That is roughly 12,000 tonnes a day.")
    with model_override(ALWAYS):
        found = list(learned_findings(read_passages(run), {RATE: RATE_RULE}, []))
    assert [f.evidence for f in found] == [
        "1.46 million tonnes in the 2022/23 financial year. That is roughly 12,000"
    ]
