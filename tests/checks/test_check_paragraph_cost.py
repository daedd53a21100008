"""A paragraph's population sentence is found once per paragraph, not once per sentence.

The scale and per-head-unit checks let any sentence of a passage that only gives a population
name the heads of another, the nearest first. A manuscript's body is one passage: trying every
other sentence for every sentence was quadratic (2,000 notes' manuscript: 40 s of CPU).
"""

from __future__ import annotations

import itertools

import pytest
from checks_corpus import _run as run_with_notes
from round_probes import body_run

from citecheck.checks import candidate_scopes, population_heads, scale
from citecheck.checks.passages import Sentence, read_passages
from citecheck.checks.per_head_units import quantity_per_head_findings
from citecheck.checks.population_heads import NearestPopulation, states_population
from citecheck.checks.scale import check_scale
from citecheck.config import CheckSettings

_POPULATION = "The population of the island at the last census was 9,000."
_OTHER = "The harbour has 12 berths and {n} moorings."
_MONEY = "The council spent $4 billion on the harbour in {n}."


def _brute(sentences: tuple[Sentence, ...], index: int) -> object:
    others = sorted(
        (s for s in range(len(sentences)) if s != index), key=lambda s: (abs(s - index), s)
    )
    for other in others:
        stated = states_population(sentences[other])
        if stated is not None:
            return sentences[other], stated
    return None


@pytest.mark.parametrize("layout", ["PMOOMPOMP", "MOOO", "POOOOP", "OPO", "P", "MM", "OMPOMOOP"])
def test_nearest_is_the_nearest_first_search(layout: str) -> None:
    kinds = {"P": _POPULATION, "O": _OTHER, "M": _MONEY}
    body = " ".join(kinds[k].format(n=2000 + i) for i, k in enumerate(layout))
    (passage,) = read_passages(body_run(body))
    assert len(passage.sentences) == len(layout)
    nearest = NearestPopulation(passage.sentences)
    for index in range(len(passage.sentences)):
        assert nearest(index) == _brute(passage.sentences, index)


def test_a_long_paragraph_reads_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    body = " ".join(_MONEY.format(n=1800 + i) for i in range(200)) + " " + _POPULATION
    (passage,) = read_passages(body_run(body))
    calls = itertools.count()
    real = population_heads.states_population

    def counted(sentence: Sentence) -> object:
        next(calls)
        return real(sentence)

    monkeypatch.setattr(population_heads, "states_population", counted)
    list(quantity_per_head_findings(passage.sentences))
    list(check_scale(body_run(body), (passage,), CheckSettings()))
    # once per sentence and paragraph: by quantity_per_head_findings (called twice) and by the
    # scale bands (tens of thousands of calls before)
    assert next(calls) <= 3 * len(passage.sentences)


def test_heads_are_looked_for_only_beside_a_money_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every scale finding judges a money figure of its sentence: a sentence without one (a
    # count, a year) is not read for heads, band after band.
    body = " ".join(_OTHER.format(n=2000 + i) for i in range(50)) + " " + _MONEY.format(n=2024)
    (passage,) = read_passages(body_run(body))
    asked: list[str] = []
    real = scale.population_heads

    def counted(sentence: Sentence) -> object:
        asked.append(sentence.text)
        return real(sentence)

    monkeypatch.setattr(scale, "population_heads", counted)
    list(check_scale(body_run(body), (passage,), CheckSettings()))
    assert asked
    assert set(asked) == {passage.sentences[-1].text}


def test_a_money_figure_is_still_judged_with_the_heads_a_sentence_back() -> None:
    body = "The agency employs 60,000 officers. The annual budget is $12 million."
    (passage,) = read_passages(body_run(body))
    found = list(check_scale(body_run(body), (passage,), CheckSettings()))
    assert [f.rule for f in found] == ["implausible-per-head"]


def test_a_cited_note_sentence_is_read_once_per_body_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The figures of a note sentence a body sentence is read with: searched for citation marks
    # once, not once to see whether there are any and again to use them.
    run = run_with_notes(
        {"body": "Revenue rose from $4 million to $6 million.[^1]", "notes": ["Up 50 percent."]}
    )
    passages = read_passages(run)
    asked = itertools.count()
    real = candidate_scopes._note_figures

    def counted(sentence: Sentence) -> object:
        next(asked)
        return real(sentence)

    monkeypatch.setattr(candidate_scopes, "_note_figures", counted)
    found = list(candidate_scopes.scopes(passages))
    assert [scope.link for scope in found] == ["one", "note", "one"]
    assert next(asked) == 1
