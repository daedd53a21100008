"""Arithmetic the text implies about itself: rates, growth, percent changes, sums.

Each rule compares intervals (see ``numbers``) and fires only when no
reading of the printed figures fits:

* ``rate-restatement-mismatch``: a figure per one period restated per
  another ("$500 billion ... This amounts to $1.3 billion daily or more than
  $1 million a minute"; "350,000 people each day, or 128 million a year");
  the periods and their lengths are the lexicon in ``periods``.
* ``growth-multiplier-mismatch``: a stated multiplier ("doubled",
  "threefold", "2.5 times", "cut by half", "nearly tripled") against the
  start and end figures given with it; the ratios each form allows are the
  lexicon in ``multipliers``. A figure's own ratio to a floor ("17.4 s (2.43
  x) to 14.1 s") is no multiplier of the change (``ratios``).
* ``percent-change-mismatch``: "increased 40 percent" against its start and
  end figures; above 100 % a bare verb's figure is read both ways ("rose 265
  percent" as x3.65 and as x2.65), a change stated as its own size ("a 150%
  increase", "an increase of", "by 150%") only as x(1 + P/100). A change
  whose figures are all in the note it cites is checked against them
  (``note_changes``).
* ``sum-mismatch``: parts against the total they are said to make up
  ("... of which", "respectively", "a total of").

Rates live in ``rates``, sums in ``sums``, multipliers in ``growth`` and percent changes in
``percent_change``; this module gathers the family. Figures pair only inside one
sentence, or with the sentence before when a sentence opens by pointing back
at it ("This total", "That is"): ``scope``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checks.catalogue import of_family
from citecheck.checks.growth import growth_findings, judge_growth
from citecheck.checks.learned import learned_findings
from citecheck.checks.note_changes import changes_with_note_base, changes_with_note_pair
from citecheck.checks.note_sums import check_note_parts
from citecheck.checks.numbers import Kind
from citecheck.checks.passages import Passage, Sentence
from citecheck.checks.percent_change import change_restated, judge_change, percent_change_findings
from citecheck.checks.rates import check_rates
from citecheck.checks.scope import refers_back
from citecheck.checks.sums import check_sums
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

__all__ = ["check_arithmetic"]


def check_arithmetic(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Every arithmetic inconsistency in the run's text: the rules', then the learned layer's."""
    del run, settings  # the text is all these rules read
    found = list(_pattern_findings(passages))
    yield from found
    rules = of_family("arithmetic")
    yield from learned_findings(passages, rules, found)


def _pattern_findings(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    for passage in passages:
        yield from check_rates(passage)
        previous: Sentence | None = None
        for sentence in passage.sentences:
            yield from growth_findings(sentence)
            changes = list(percent_change_findings(sentence))
            yield from changes
            if not changes and previous is not None and refers_back(sentence):
                # "Fees went from £30 to £36. That's +50%." / "That is a rise of 50 percent."
                yield from change_restated(previous, sentence)
            yield from check_sums(passage, sentence)
            previous = sentence
    yield from check_note_parts(passages)
    for body, change, pair, down in changes_with_note_base(passages):
        yield from judge_change(body, change, pair, down=down)
    for body, change, pair, down in changes_with_note_pair(passages):
        if change.kind is Kind.MULTIPLIER:
            yield from judge_growth(body, change, pair)
        elif pair[0].kind is not Kind.PERCENT:  # a change between percentages: points?
            yield from judge_change(body, change, pair, down=down)
