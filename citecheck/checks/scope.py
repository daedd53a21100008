"""Sentence scope: which sentences' figures may be paired by the arithmetic rules.

Parts, totals and rates are paired inside one sentence (``citecheck.sentences``
cuts the text). A figure of the sentence before is in scope only when a
sentence *opens* by pointing back at it:

* a demonstrative with a figure noun: "This total", "That figure", "These
  sums", "Of this amount", "Of that, ...";
* a demonstrative as subject of a restating verb: "This amounts to",
  "That is", "This works out at", "That means";
* a summing or restating opener: "Together", "Combined", "Altogether",
  "In all", "In total", "All told", "Taken together", "In other words",
  "Put another way", "Or", "Between them", "They (together) add up to",
  "Their combined ...".

"This year", "That month", "These agents" and "The total" do not point back:
"The total" of the next sentence is often another total. Figures further
apart than the next sentence are never paired.
"""

from __future__ import annotations

import re

from citecheck.checks.numbers import Passage, Sentence

__all__ = ["in_scope", "refers_back"]

_FIGURE_NOUNS = (
    r"total|totals|sum|sums|figure|figures|amount|amounts|number|numbers|tally|estimate|"
    r"estimates|sum total|combined total|rate|pace|level|spending|outlay|flow|volume"
)
_RESTATING_VERBS = (
    r"is|was|amounts?|amounted|comes?|came|works?|worked|means?|meant|equals?|equalled|"
    r"equaled|translates?|translated|represents?|represented|adds?|added|makes?|made|"
    r"gives?|gave|would|works out|comes to|totals?|totalled|totaled|corresponds?"
)
_REFERS_BACK = re.compile(
    r"^\W*(?:"
    rf"(?:of\s+)?(?:this|that|these|those|such|the\s+(?:latter|former))\s+"
    rf"(?:(?:[\w-]+\s+){{0,2}}?(?:{_FIGURE_NOUNS})\b|(?:{_RESTATING_VERBS})\b)"
    r"|of\s+(?:this|that|these|those|which|it|them)\b"
    r"|(?:together|combined|altogether|in\s+all|in\s+total|all\s+told|taken\s+together|"
    r"in\s+other\s+words|put\s+another\s+way|put\s+differently|or|i\.e\.|that\s+is|"
    r"between\s+them|in\s+sum|summed)\b"
    r"|(?:they|these|those|both|the\s+two|the\s+three)\s+(?:\w+\s+)?"
    r"(?:together|combined|add|added|sum|summed|total|totalled|totaled|make|made|come|came|"
    r"amount|amounted)\b"
    r"|(?:its|their)\s+(?:combined|total|sum)\b"
    r")",
    re.IGNORECASE,
)


def refers_back(sentence: Sentence) -> bool:
    """Whether the sentence opens by pointing back at a figure of the sentence before."""
    return _REFERS_BACK.match(sentence.text) is not None


def in_scope(passage: Passage, first: Sentence, second: Sentence) -> bool:
    """Whether figures of ``first`` and ``second`` (in text order) may be paired."""
    del passage
    if first.index == second.index:
        return True
    return second.index - first.index == 1 and refers_back(second)
