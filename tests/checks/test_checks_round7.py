"""Round 7: the learned layer's candidates and features widened by class, not by case.

Each test names the class of batch 14's misses it is about: continental notation the number
reader did not read, footnotes in citation form or cited by a sentence without figures,
multipliers and changes that fit only through a generous reading, periods the reader did not
know, and sums whose total alone names its period.
"""

from __future__ import annotations

import pytest

from citecheck.checks.candidate_features import cues, features, tokens
from citecheck.checks.candidates import GROWTH, PERCENT, POINTS, SHARES, SUM, Candidate, candidates
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.checks.passages import read_passages
from citecheck.model import CheckRun, Footnote, FootnoteSet, Location, Manuscript, NoteMarker
from citecheck.sentences import sentence_spans


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


# --------------------------------------------------------------------------
# The number reader: continental scales and currencies after the figure
# --------------------------------------------------------------------------


def test_continental_scales_are_read_with_a_decimal_comma() -> None:
    found = find_quantities("The line carried 18,2 Mio. tonnes of freight in 2023.")
    tonnes = next(q for q in found if q.kind is Kind.COUNT)
    assert 18.1e6 <= tonnes.low <= 18.2e6 <= tonnes.high <= 18.3e6
    assert tonnes.text == "18,2 Mio."  # shown as printed, not as read
    money = find_quantities("public funding of 2,8 Mrd. EUR for 11 Mio. inhabitants")
    assert [(q.kind, q.currency) for q in money] == [(Kind.MONEY, "EUR"), (Kind.COUNT, None)]
    assert money[0].low == pytest.approx(2.75e9)
    assert money[1].high == pytest.approx(12e6)
    assert find_quantities("Le budget atteint 3,4 Md € en 2023.")[0].currency == "EUR"


def test_scale_words_need_a_figure_and_a_currency_sign_before_a_figure_is_its_own() -> None:
    assert find_quantities("A Miocene fossil, the Mio collection.") == ()
    found = find_quantities("it cost 10 €20 million")
    assert [q.text for q in found] == ["10", "€20 million"]
    wages = find_quantities("wages of 1,250 EUR a month")[0]
    assert (wages.kind, wages.currency, wages.value) == (Kind.MONEY, "EUR", 1250)


def test_a_continental_scale_before_a_capital_does_not_end_the_sentence() -> None:
    text = "Funding of 2,8 Mrd. EUR for 11 Mio. inhabitants. The line carried 18,2 Mio. The end."
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == [
        "Funding of 2,8 Mrd. EUR for 11 Mio. inhabitants.",
        "The line carried 18,2 Mio.",
        "The end.",
    ]


def test_a_year_named_by_its_use_after_last_is_a_dated_total() -> None:
    found = find_quantities("The food bank handed out 1.2 million meals last financial year.")
    assert found[0].total_of == "year"
    assert (
        find_quantities("It handed out 1.2 million meals, up from last month.")[0].total_of is None
    )


# --------------------------------------------------------------------------
# Footnotes: cited by a sentence without figures, or written as a citation
# --------------------------------------------------------------------------

SHARES_NOTE = "Mill output by fibre, 2024: cotton 52%; polyester 37%; blends 24%."


def test_a_body_sentence_without_figures_lends_its_words_to_its_notes_figures() -> None:
    body = "Cotton, polyester and blended yarns make up the whole of the mill's output."
    cued = [c for c in _candidates(body, SHARES_NOTE) if c.scope.link == "cue"]
    assert [c.relation for c in cued] == [SHARES]
    scope = cued[0].scope
    names = features(cued[0], tokens(scope), cues(scope))
    assert "body=whole" in names
    assert f"{SHARES}|body=whole" in names
    # without the note's figures, or with a note that adds up, no cue scope
    assert not list(_candidates(body, "Mill output: cotton 52%; polyester 48%."))


def test_a_note_in_citation_form_keeps_its_reported_figures_not_its_pages() -> None:
    body = "The small-donor share of contributions rose 18 percent between the two cycles."
    note = (
        "See Jane Roe, Small Donors, 98 Tex. L. Rev. 411, 430 (2021) (small-donor share of "
        "22 percent in 2012 and 40 percent in 2020)."
    )
    found = [c for c in _candidates(body, note) if c.scope.link == "note"]
    assert POINTS in {c.relation for c in found}
    shown = {q.text for c in found for q in c.scope.quantities}
    assert {"22 percent", "40 percent"} <= shown
    assert not {"98", "411", "430"} & shown
    plain = "Annual Review 2024, p. 9: 52,000 phishing reports were received over the year."
    kept = {q.text for c in _candidates("It gets 4,000 reports a week.", plain) for q in c.figures}
    assert "52,000" in kept
    assert "9" not in kept


# --------------------------------------------------------------------------
# Readings: a multiplier at its printed figures, a change read as "times"
# --------------------------------------------------------------------------


def test_a_multiplier_that_fits_only_through_rounding_is_a_printed_candidate() -> None:
    slip = _candidates("Broadcast revenue doubled from £40m in 2015 to £120m in 2023.")
    assert [(c.relation, c.detail) for c in slip] == [(GROWTH, "printed")]
    assert _candidates("Broadcast revenue doubled from £40m in 2015 to £80m in 2023.") == []
    assert _candidates("Broadcast revenue roughly doubled from £40m to £90m.") == []


def test_a_change_that_fits_only_as_times_is_a_candidate_marked_so() -> None:
    slip = _candidates("Costs rose 150 percent, from £32 billion to £48 billion.")
    assert [(c.relation, c.detail) for c in slip] == [(PERCENT, "times")]
    assert _candidates("Costs rose 50 percent, from £32 billion to £48 billion.") == []
    assert _candidates("Costs rose 150 percent, from £32 billion to £80 billion.") == []


# --------------------------------------------------------------------------
# Sums: a total that alone names its period
# --------------------------------------------------------------------------


def test_parts_without_a_period_share_their_totals() -> None:
    body = (
        "The trust's annual budget of ₹12 crore is divided into ₹6 crore for food, "
        "₹3 crore for logistics and ₹5 crore for staff."
    )
    found = [c for c in _candidates(body) if c.relation == SUM]
    # each may be rounded (₹5.5 + 2.5 + 4.5 crore is 12.5), but printed, 14 is not 12
    assert [(c.detail, c.figures[0].text) for c in found if len(c.figures) == 4] == [
        ("printed", "₹12 crore")
    ]
    fits = body.replace("₹5 crore", "₹3 crore")
    assert SUM not in {c.relation for c in _candidates(fits)}
    dated_parts = body.replace("₹6 crore for food", "₹6 crore a month for food")
    sums = [c for c in _candidates(dated_parts) if c.relation == SUM]
    assert sums  # ₹3 crore and ₹5 crore fall short of ₹12 crore
    # a month's figure is no part of a year's total
    assert all(q.period != "month" for c in sums for q in c.figures[1:] if c.figures[0].period)
