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
  "Their combined ...";
* a short leading phrase and then a demonstrative restating: "For a
  population of about 60 million, that is ...", "Spread over a year, this
  comes to ...".

"This year", "That month", "These agents" and "The total" do not point back:
"The total" of the next sentence is often another total. Figures further
apart than the next sentence are never paired.
"""

from __future__ import annotations

import itertools
import re

from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Passage, Sentence

__all__ = ["from_to_pairs", "in_scope", "refers_back"]

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
    # "That's 40,000 meals every single week"
    r"(?:that|this)['’]s\b|"
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
    # A short leading phrase, then the demonstrative and its restating verb: "For a
    # population of about 60 million, that is ...", "Spread over a year, this comes to ..."
    rf"|(?:[^,;:.!?]|(?<=\d)[,.](?=\d)){{3,60}},\s+(?:that|this)"
    rf"(?:['’]s\b|\s+(?:{_RESTATING_VERBS})\b)"
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


def from_to_pairs(sentence: Sentence) -> list[tuple[Quantity, Quantity]]:
    """Pairs (start, end) of same-kind figures written "from A ... to B" in one sentence.

    "to B from A" ("tripled to $300 million from $100 million") gives (A, B) too.
    """
    pairs: list[tuple[Quantity, Quantity]] = []
    figures = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT, Kind.PERCENT}]
    text = sentence.text
    for first, second in itertools.pairwise(figures):
        if first.kind is not second.kind or first.currency != second.currency:
            continue
        before = text[max(0, first.start - 30) : first.start]
        between = text[first.end : second.start]
        if re.search(r"\bfrom\s+(?:[\w-]+\s+){0,3}$", before) and len(between) <= 80:
            if re.search(r"\bto\b", between):
                pairs.append((first, second))
        elif (
            re.search(r"\b(?:to|reach(?:ed|ing)?)\s+(?:[\w-]+\s+){0,2}$", before)
            and re.fullmatch(r"[^;:()]{0,40}?\bfrom\s+(?:[\w-]+\s+){0,3}", between)
            and not re.search(r"\bfrom\b", before)
        ):
            pairs.append((second, first))
    return pairs
