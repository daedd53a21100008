"""The percentages family: what its findings say, where they point, and switching it off."""

from __future__ import annotations

from typing import Any

from checks_corpus import _run
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.checks import RULES, run_checks
from citecheck.config import CheckSettings
from citecheck.model import Finding, Severity


def _findings(entry: dict[str, Any], **options: Any) -> tuple[Finding, ...]:
    return run_checks(_run(entry), CheckSettings(**options))


def test_points_finding_gives_both_readings_and_points_at_the_change() -> None:
    body = (
        "Mexico changed a great deal.\n"
        "The poverty rate fell from 69 percent to 52 percent, a drop of 17 percent.[^1]"
    )
    (finding,) = _findings({"body": body, "notes": ["INEGI, 2014."]})
    assert finding.rule == "percent-points-confusion"
    assert finding.severity is Severity.WARNING is RULES[finding.rule].severity
    assert finding.location.line == 2
    assert finding.note == "1"
    assert "“17 percent”" in finding.message
    assert "16–18 points" in finding.message
    assert "a fall of 23.4–25.9 percent" in finding.message
    assert "percentage points" in finding.message
    assert "a drop of 17 percent" in finding.evidence


def test_shares_finding_shows_the_sum_and_its_note() -> None:
    note = (
        "Of the total, 52.5 percent went to food, 31.2 percent to housing and 17.0 percent "
        "to schooling."
    )
    (finding,) = _findings({"body": "Remittances matter.[^1]", "notes": [note]})
    assert finding.rule == "shares-exceed-total"
    assert finding.note == "1"
    # 52.45 + 31.15 + 16.95 = 100.55 at the least.
    assert "add up to 100.7 percent" in finding.message, finding.message
    assert "at least 100.55 percent" in finding.message
    assert "“17.0 percent”" in finding.message


def test_honest_rounding_and_the_sample_sentence_raise_nothing() -> None:
    body = (
        "Trucks carry 67% of the freight, rail carries 17% and the remaining 17% moves by pipe.\n"
        "The poverty rate has dropped from 69 percent to 52 percent."
    )
    assert _findings({"body": body}) == ()


def test_each_rule_can_be_switched_off_alone() -> None:
    body = (
        "The agency spends 40 percent of its budget on salaries, 35 percent on equipment and "
        "30 percent on travel. Coverage went from 38.5% to 44.7%, a 6.2% increase."
    )
    rules = {f.rule for f in _findings({"body": body})}
    assert rules == {"shares-exceed-total", "percent-points-confusion"}
    only_points = _findings({"body": body}, disabled_rules=("shares-exceed-total",))
    assert {f.rule for f in only_points} == {"percent-points-confusion"}
    none = _findings(
        {"body": body}, disabled_rules=("shares-exceed-total", "percent-points-confusion")
    )
    assert none == ()


_PLACES = ("salaries", "equipment", "travel", "training", "rent", "fuel")


@settings(max_examples=60, deadline=None)
@given(
    weights=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=6),
    decimals=st.sampled_from([0, 1]),
)
def test_true_shares_rounded_honestly_never_fire(weights: list[int], decimals: int) -> None:
    total = sum(weights)
    values = [round(100 * w / total, decimals) for w in weights]
    assert _findings({"body": _budget(values, decimals)}) == ()
    # The same sentence with one share raised past what rounding allows must fire.
    values[0] += (len(values) + 1) * 10.0**-decimals
    rules = [f.rule for f in _findings({"body": _budget(values, decimals)})]
    assert rules == ["shares-exceed-total"]


def _budget(values: list[float], decimals: int) -> str:
    shares = [f"{value:.{decimals}f} percent" for value in values]
    listed = [f"{share} on {place}" for share, place in zip(shares, _PLACES, strict=False)]
    return (
        f"The agency spends {listed[0]} of its budget, "
        + ", ".join(listed[1:-1])
        + (", " if len(listed) > 2 else "")
        + f"and the remaining {shares[-1]} on {_PLACES[len(listed) - 1]}."
    )


@settings(max_examples=60, deadline=None)
@given(
    before=st.integers(min_value=2, max_value=98),
    after=st.integers(min_value=2, max_value=98),
)
def test_a_true_relative_change_or_points_difference_never_fires(before: int, after: int) -> None:
    relative = abs(after - before) / before * 100
    word = "rise" if after > before else "drop"
    right = (
        f"The rate went from {before} percent to {after} percent, a {word} of "
        f"{relative:.1f} percent. It went from {before} percent to {after} percent, a {word} of "
        f"{abs(after - before)} percentage points."
    )
    assert _findings({"body": right}) == (), right


@settings(max_examples=60, deadline=None)
@given(
    before=st.integers(min_value=10, max_value=98),
    after=st.integers(min_value=10, max_value=98),
)
def test_points_given_as_percent_fire_when_far_from_the_relative_change(
    before: int, after: int
) -> None:
    points = abs(after - before)
    relative = points / before * 100
    # Far apart beyond any rounding of the two percentages (each read +/-0.5).
    if points < 2 or abs(relative - points) <= 0.2 * relative + 15:
        return
    word = "rise" if after > before else "drop"
    wrong = f"The rate went from {before} percent to {after} percent, a {word} of {points} percent."
    assert [f.rule for f in _findings({"body": wrong})] == ["percent-points-confusion"], wrong
