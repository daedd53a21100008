"""Round 8: classes of batch 17's misses, each widened by mechanism, not by case.

A figure said again keeps the dating of its first mention; a serial number ("report no. 14")
no longer makes a body sentence a citation; a total dated by hours or minutes after it is a
total of that span; a year's pay a head in a low-wage economy is judged on a lower floor; a
day of the month is no figure; parts short of their total by whole printed steps are a marked
candidate.
"""

from __future__ import annotations

import pytest

from citecheck.checks import run_checks
from citecheck.checks.candidates import GROWTH, POINTS, RATE, SUM, _well_formed, candidates
from citecheck.checks.numbers import find_quantities
from citecheck.checks.passages import read_passages
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Footnote, FootnoteSet, Location, Manuscript, NoteMarker
from citecheck.sentences import sentence_spans


def _run(body: str) -> CheckRun:
    return CheckRun(footnote_sets=(FootnoteSet(Manuscript("m.md", "markdown", body, (), ()), ()),))


def _relations(body: str) -> set[str]:
    return {c.relation for c in candidates(read_passages(_run(body)))}


def _rules(body: str) -> set[str]:
    return {f.rule for f in run_checks(_run(body), CheckSettings())}


def _total_of(text: str, figure: str) -> str | None:
    spans = sentence_spans(text)
    assert spans
    found = [q for q in find_quantities(text) if q.text == figure]
    assert found, figure
    return found[0].total_of


def test_a_figure_said_again_keeps_the_dating_of_its_first_mention() -> None:
    body = (
        "The helpline answered 2.19 million calls last year. [Applause.] Yes, 2.19 million, "
        "which is 60,000 a day."
    )
    assert RATE in _relations(body)
    # The same figure said again with its correct restatement fits: no candidate.
    assert RATE not in _relations(body.replace("60,000", "6,000"))


def test_a_figure_said_again_undated_stays_undated() -> None:
    body = "The helpline answered 2.19 million calls. Yes, 2.19 million, which is 60,000 a day."
    assert RATE not in _relations(body)


def test_a_serial_number_does_not_make_a_body_sentence_a_citation() -> None:
    body = (
        "Bulletin no. 9: membership has doubled since March, when 4,000 people had joined; "
        "5,000 are members now."
    )
    assert GROWTH in _relations(body)
    assert GROWTH not in _relations(body.replace("5,000", "8,000"))


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        ("They served 720,000 cups over the race's four-hour window.", "720,000", "4 hour"),
        ("Nurses gave 1,440 doses during a 12-hour shift.", "1,440", "12 hour"),
        ("The stadium sold 9,000 pies in the 90-minute match.", "9,000", "90 minute"),
        ("Over four hours its 2,300 volunteers worked.", "2,300", None),
    ],
)
def test_hours_and_minutes_after_a_figure_date_it(text: str, figure: str, period: str) -> None:
    assert _total_of(text, figure) == period


def test_a_total_over_hours_restated_per_minute() -> None:
    body = "They handed out 720,000 cups over the race's four-hour window, or {} a minute."
    assert RATE in _relations(body.format("12,000"))
    assert RATE not in _relations(body.format("3,000"))


@pytest.mark.parametrize(
    ("body", "slip"),
    [
        ("The mill's wage bill of ₹36 crore is shared among 3,000 workers.", False),
        ("The mill's wage bill of ₹36 lakh is shared among 3,000 workers.", True),
        ("The district employs 4,100 teachers and spends $6.2 million a year.", True),
    ],
)
def test_pay_a_head_in_a_low_wage_economy(body: str, slip: bool) -> None:
    assert ("implausible-per-head" in _rules(body)) is slip


def _note_run(body: str, note: str) -> CheckRun:
    markers = (NoteMarker("1", len(body), Location("m.md", 1)),)
    footnotes = (Footnote("1", note, "", Location("m.md", 3), Location("m.md", 1)),)
    manuscript = Manuscript("m.md", "markdown", body, markers, ())
    return CheckRun(footnote_sets=(FootnoteSet(manuscript, footnotes),))


def test_days_of_the_month_are_no_figures() -> None:
    # "31 March" twice would be a pair that "explains" a 4 % change; a date is no level.
    body = "Debt fell by 4 per cent during the year.[^1]"
    note = "From 48 per cent at 31 March 2023 to 44 per cent at 31 March 2024."
    found = candidates(read_passages(_note_run(body, note)))
    assert POINTS in {c.relation for c in found}
    assert all(q.text != "31" for c in found for q in c.figures)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Sales were 31 in May 2024 and 40 later.", {"31", "40"}),
        ("On 12 June there were 40 visitors and 52 staff.", {"40", "52"}),
        ("Staff fell from 31 to 28 on 12 June.", {"31", "28"}),
        ("There were 20 may rise to 40 and 52 more.", {"20", "40", "52"}),
        ("It lasted 3 decades, with 40 and 52 members.", {"3", "40", "52"}),
    ],
)
def test_a_day_is_read_only_beside_a_month(text: str, kept: set[str]) -> None:
    assert {q.text for q in find_quantities(text) if _well_formed(text, q)} >= kept


def test_parts_short_of_their_total_by_whole_steps_are_a_marked_candidate() -> None:
    body = "Some 18,400 arrivals were registered in October: 9,100 women, 6,300 children and {}."
    short = [
        c for c in candidates(read_passages(_run(body.format("1,000 men")))) if c.relation == SUM
    ]
    assert "printed-short" in {c.detail for c in short}
    assert not [
        c for c in candidates(read_passages(_run(body.format("3,000 men")))) if c.relation == SUM
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("That is an average of three tonnes an hour, around the clock.", "hour"),
        ("The helpline takes two calls a minute.", "minute"),
        ("The two countries a year later signed a treaty.", None),
        ("The two countries signed in March.", None),
    ],
)
def test_a_small_word_then_one_noun_then_a_period_is_a_rate(text: str, period: str) -> None:
    found = [q for q in find_quantities(text) if q.text in {"three", "two"}]
    assert [q.period for q in found] == ([period] if period else [])
