"""The cheap word tests that spare the big patterns never skip a text a pattern would match.

``multipliers._may_hold_multiplier`` and the period windows' word tests
(``periods._PERIOD_WORD``, ``periods._PER_WORD``, ``periods._DATED_WORD``) only save
time: a text they let pass is read as before, and a text they skip must hold no match at all.
Checked on every passage of the corpora and on generated text built from the
patterns' own words in every case.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.checks import multipliers, periods

ROOT = Path(__file__).parent

_PIECES = (
    "doubled",
    "Tripled",
    "TREBLE",
    "halved",
    "halve",
    "threefold",
    "3-fold",
    "six fold",
    "three times",
    "2.5 times",
    "twice",
    "thrice",
    "multiplied by",
    "by a factor of",
    "cut in half",
    "a third",
    "two-thirds",
    "a quarter",
    "three quarters",
    "half as many",
    "3x",
    "x3",
    "2.5×",
    "annual",
    "Annually",
    "daily",
    "a year",
    "per annum",
    "p.a.",
    "pa",
    "/yr",
    "every two weeks",
    "each day",
    "On an average day,",
    "a month",
    "hourly",
    "Last year",
    "for the year",
    "this month,",
    "during the past week",
    "$4 million",
    "12%",
    "1,200",
    "the",
    "budget of",
    "rose",
    "from",
    "to",
    "and",
    ",",
    " ",
    "ſ",
    "İ",
    "K",
    "é",
)


def _corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(ROOT.rglob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
            texts.append(case.get("body", ""))
            texts.extend(case.get("notes", []))
    return texts


def _skips_only_texts_without_a_match(text: str) -> None:
    if not multipliers._may_hold_multiplier(text):
        assert next(multipliers._forms().finditer(text), None) is None, text
    if not periods._PERIOD_WORD.search(text):
        assert periods._BEFORE.search(text) is None, text
        assert periods._LEADING.search(text) is None, text
    if not periods._DATED_WORD.search(text):
        assert periods._DATED_IN_CLAUSE.search(text) is None, text
    if not periods._PER_WORD.search(text):
        assert all(periods._AT_PER.match(text, i) is None for i in range(len(text) + 1)), text


def test_on_every_corpus_passage_the_word_tests_skip_no_match() -> None:
    texts = _corpus_texts()
    assert len(texts) > 1000  # the corpora are all there
    skipped = [t for t in texts if not multipliers._may_hold_multiplier(t)]
    assert skipped  # the test spares work on real text, or it is pointless
    for text in texts:
        _skips_only_texts_without_a_match(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=14))
def test_on_generated_text_the_word_tests_skip_no_match(pieces: list[str]) -> None:
    _skips_only_texts_without_a_match(" ".join(pieces))


def test_a_text_without_the_words_is_skipped_and_one_with_them_is_read() -> None:
    assert not multipliers._may_hold_multiplier("Ana Ruiz, Report 12, March 13, 2024.")
    assert multipliers.find_multipliers("Exports doubled from 2 to 4 tonnes.")
    assert multipliers._may_hold_multiplier("It grew ſixfold")  # non-ASCII: the regex decides
