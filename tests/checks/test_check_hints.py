"""The cheap tests run before the number reader's costly patterns are necessary conditions.

A hint that said no where its pattern matches would change what the checks read. Every
sentence of every case of every batch under ``tests/checks/`` and hand-made texts are held to
each hint: wherever the pattern matches, the hint says yes. ``benchmarks/checks_identity.py``
compares the whole stage with the code before the hints.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from citecheck.checks import intervals, multipliers, not_quantities, numbers, share_words
from citecheck.checks.passages import Passage, Sentence, body_sentences_by_note
from citecheck.model import Location
from citecheck.sentences import sentence_spans

sys.path.insert(0, str(Path(__file__).parent))

from checks_corpus import load_cases

HERE = Path(__file__).parent

EXTRA = [
    "It grew three times over.",
    "Costs rose twenty-five times as much as wages.",
    "Fees are now 2.5 times higher.",
    "It rose one and a half times over the decade.",
    "Sales fell to a quarter of what they were.",
    "A third as many came; two-thirds as many left.",
    "Spending was cut by a fifth, then by two fifths.",
    "The rate fell by three-quarters.",
    "It is a tenth of its 2010 level.",
    "Prices were cut in half.",
    "The fund quadrupled; the debt halved.",
    "A sixfold rise, a 3-fold one and a six-fold one.",
    "Output is 3x the 2010 figure, or x3.",
    "It was multiplied by four.",
    "Grew by a factor of 2.5.",
    "They hold ten-times the stock.",
    "Ninety times larger.",
    "A thousand times more.",
]

# The reference numbers, tests and citation numbers the number reader sets aside.
REFERENCES = [
    "doi:10.2307/1321160 and https://doi.org/10.1000/xyz123",
    "arXiv: 1706.03762v5, arXiv:hep-th/9901001",
    "ISBN 978-0-19-953556-9; ISSN: 0028-0836; e-ISSN 1476-4687",
    "PMID: 12345678, PMCID: PMC1234567",
    "Psychol Rev. 2005;102(46):16569-72. Science 4(5), 193–220.",
    "vol. 5, no. 2, pp. 1-10; p. 12",
    "Nature 455, 1002–1005 (2008).",
    "See WWW.EXAMPLE.ORG/2010/05/06 and <HTTP://x.org/12>.",
    "18,2 Mio. Tonnen, 2,8 Mrd. EUR, 1,2 Md €, 7,5 percent, 1,5 milliard won, 3 Milliards",
    "p < 0.05, p=0.01, Cohen's d = 0.4, aOR 1.2, HR 0.78, IRR: 2, SMD 0.3, ± 3",
    "95% CI 1.2 to 3.4, 95% CrI 2-5, confidence interval 3, credible interval 4",
    "Smith, supra note 3, at 12, 14. Id. at 45. Ibid. at 7. Infra notes 4-6.",
    "§ 1357, ¶¶ 12, 410 U.S. 113, 123 F.3d 456, 5 F. Supp. 2d 7, 12 S. Ct. 3, 8 U.S.C. 12",
    "40 C.F.R. 12, 12 Stat. 34, 99 L. Ed. 2d 5",
]

NOT_NEEDED = ["The Ephemeral Times, March 2, 2024.", "Port Quarterly 12 (2019).", "fourth-floor"]


@cache
def _sentences() -> tuple[str, ...]:
    texts: list[str] = list(EXTRA) + NOT_NEEDED + REFERENCES
    for folder in sorted(p for p in HERE.iterdir() if any(p.glob("*.toml"))):
        for case in load_cases(folder):
            for footnote_set in case.run.footnote_sets:
                passages = [footnote_set.manuscript.body, *(n.text for n in footnote_set.footnotes)]
                for passage in passages:
                    texts.append(passage)
                    texts.extend(passage[a:b] for a, b in sentence_spans(passage))
    return tuple(texts)


def _variants(text: str) -> Iterator[str]:
    yield text
    yield text.upper()
    yield text.title()


@pytest.mark.parametrize("text", EXTRA)
def test_extra_texts_hold_a_multiplier(text: str) -> None:
    assert multipliers._forms().search(text)
    assert multipliers._may_hold_multiplier(text)


def test_a_multiplier_hint_says_yes_wherever_the_forms_match() -> None:
    texts = _sentences()
    assert len(texts) > 3000
    matched = 0
    for text in texts:
        for variant in _variants(text):
            if multipliers._forms().search(variant):
                matched += 1
                assert multipliers._may_hold_multiplier(variant), variant
    assert matched > 200


@pytest.mark.parametrize("text", NOT_NEEDED)
def test_names_holding_a_hint_word_are_not_tried(text: str) -> None:
    # "Times" in a newspaper's name, "Quarterly" in a journal's: the big alternation is skipped
    assert not multipliers._forms().search(text)
    assert not multipliers._may_hold_multiplier(text)


def _figure_starts(text: str) -> Iterator[int]:
    """Where a figure may start: every digit run and every word."""
    for match in re.finditer(r"\d+|\b\w", text):
        yield match.start()


def test_blanking_hints_say_yes_wherever_their_patterns_match() -> None:
    matched = dict.fromkeys(("url", "reference", "continental", "comma", "milliard"), 0)
    for text in _sentences():
        for variant in _variants(text):
            if numbers._URL.search(variant):
                matched["url"] += 1
                assert numbers._may_hold_url(variant), variant
            if numbers._BIBLIOGRAPHIC.search(variant):
                matched["reference"] += 1
                assert numbers._may_hold_reference(variant), variant
            if numbers._CONTINENTAL.search(variant):
                matched["continental"] += 1
                assert "M" in variant
            if numbers._DECIMAL_COMMA.search(variant):
                matched["comma"] += 1
                assert "," in variant
            if numbers._MILLIARD.search(variant):
                matched["milliard"] += 1
                assert not variant.isascii() or "milliard" in variant.lower()
    assert all(matched.values()), matched


def test_not_quantity_hints_say_yes_wherever_their_patterns_match() -> None:
    matched = {"statistic": 0, "citation": 0}
    for text in _sentences():
        for start in _figure_starts(text):
            before = text[max(0, start - 30) : start]
            if not_quantities._STATISTIC_BEFORE.search(before):
                matched["statistic"] += 1
                assert any(m in before for m in not_quantities._STATISTIC_MARKS), before
            before = text[max(0, start - 60) : start]
            if not_quantities._CITATION_BEFORE.search(before):
                matched["citation"] += 1
                assert any(m in before for m in not_quantities._CITATION_MARKS), before
    assert matched["statistic"] > 10, matched
    assert matched["citation"] > 10, matched


def test_a_note_without_reference_marks_is_not_searched() -> None:
    # "(accessed May 2, 2025)": a parenthesis, but no volume, issue or year inside one
    note = 'Ana Ruiz, "Report 1," Port Quarterly, March 2, 2024 (accessed May 2, 2025).'
    assert not numbers._may_hold_reference(note)
    assert not numbers._may_hold_url(note)
    assert numbers._may_hold_reference("Science 4(5), 193–220")


def _sentence(text: str, note: str | None) -> Sentence:
    return Sentence(text, 0, 0, (), note, Location("a.md", 1))


def test_body_sentences_by_note_keeps_each_paths_last_body_and_its_order() -> None:
    # the lookup stands in for "every sentence of bodies[path] whose note is the note's"
    first, second, third = _sentence("A.", "1"), _sentence("B.", "2"), _sentence("C.", "1")
    stale = Passage("a.md", "", None, (_sentence("Old.", "1"),))
    body = Passage("a.md", "", None, (first, second, _sentence("D.", None), third))
    other = Passage("b.md", "", None, (_sentence("E.", "1"),))
    note = Passage("a.md", "", "1", (_sentence("Note.", None),))
    cited = body_sentences_by_note((stale, body, note, other))
    assert cited[("a.md", "1")] == (first, third)
    assert cited[("a.md", "2")] == (second,)
    assert cited[("b.md", "1")] == other.sentences
    assert ("a.md", "3") not in cited


@pytest.mark.parametrize(
    "text", ["In 2017-18 it cost 45 million.", "In 2017-\n18 it cost 45 million."]
)
def test_a_years_last_digits_are_no_figure_with_the_year_searched_just_before(text: str) -> None:
    # the year is looked for in the few characters before the "18" only, a line break included
    assert [q.text for q in numbers.find_quantities(text)] == ["2017", "45 million"]


def test_the_multiplier_forms_compile_only_when_a_text_may_hold_one() -> None:
    script = (
        "from citecheck.checks import multipliers as m\n"
        "m.find_multipliers('The Ephemeral Times, March 2, 2024.')\n"
        "assert m._forms.cache_info().currsize == 0\n"
        "assert m.find_multipliers('Sales tripled.')\n"
        "assert m._forms.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_the_qualifier_hint_says_yes_wherever_the_pattern_matches() -> None:
    matched = 0
    for text in _sentences():
        for variant in _variants(text):
            for start in _figure_starts(variant):
                window = variant[max(0, start - 40) : start]
                if intervals._QUALIFIER.search(window):
                    matched += 1
                    assert intervals._may_end_in_qualifier(window), window
    assert matched > 100


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("more than 5", "more than"),
        ("significantly exceeds 5", "significantly exceeds"),
        ("c. 300", "c."),
        ("CA. 300", "ca."),
        ("~3,000", "~"),
        ("approx. 40", "approx."),
        ("approx 40", "approx"),
        ("of the order of 5", "of the order of"),
        ("up to a total of 4", "up to"),
        ("an estimated\n12", "an estimated"),
    ],
)
def test_hedges_are_still_read_behind_the_hint(text: str, hedge: str) -> None:
    first_digit = re.search(r"\d", text)
    assert first_digit is not None
    assert intervals.qualifier_before(text, first_digit.start()) == hedge


def test_a_window_ending_in_no_hedge_word_is_not_searched() -> None:
    assert not intervals._may_end_in_qualifier('Ana Ruiz, "Report ')
    assert not intervals._may_end_in_qualifier("March 2, ")
    assert intervals._may_end_in_qualifier("Kelvin sign \u212a ")  # outside ASCII: searched


def test_the_mark_alternations_agree_with_the_marks() -> None:
    for text in _sentences():
        for start in _figure_starts(text):
            before = text[max(0, start - 60) : start]
            in_marks = any(m in before for m in not_quantities._CITATION_MARKS)
            assert bool(not_quantities._CITATION_MARK.search(before)) is in_marks
            before = before[-30:]
            in_marks = any(m in before for m in not_quantities._STATISTIC_MARKS)
            assert bool(not_quantities._STATISTIC_MARK.search(before)) is in_marks


SHARES = [
    "the remaining fifth from overseas; the Remaining Quarter went home",
    "a third of voters, two-thirds of staff, Half The budget, three quarters of it",
    "one in five adults, nine out of ten, 1 in 4, Four-In-Ten, seven out-of every ten",
    "\u0130ts half of \u017fales; one \u0131n five",  # outside ASCII: searched in full
]


def test_share_word_hints_say_yes_wherever_their_patterns_match() -> None:
    patterns = (share_words._REMAINING_FRACTION, share_words._FRACTION_SHARE, share_words._N_IN_M)
    matched = [0, 0, 0]
    for text in (*SHARES, *_sentences()):
        for variant in _variants(text):
            hints = share_words._may_hold(variant)
            for index, pattern in enumerate(patterns):
                if pattern.search(variant):
                    matched[index] += 1
                    assert hints[index], (index, variant)
    assert min(matched) >= 3, matched


def test_a_text_with_no_share_word_is_not_searched() -> None:
    assert share_words._may_hold("Ana Ruiz, Report 12, Port Quarterly, March 2, 2024.") == (
        False,
        True,  # "quarter" in "Quarterly": the pattern is tried, and finds no share
        False,
    )
    assert share_words._may_hold("Finding 5 held across the sample.") == (False, False, False)
    assert share_words.find_share_words("One In Five said so; the remaining third did not.")
