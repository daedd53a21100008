"""Head counts of a population, however the text names them.

The scale bands divide a total by a head count. Besides a count with its noun ("390,000
residents"), a population is named before its count ("with a population of about 390,000",
"a resident population of only about 800", "The population of England and Wales at the 2021
census was 59.6 million"), by the writer's own "us" ("all 67 million of us"), and at table by
the diners ("lunch for 400", "serves 8", "feeds 12"). ``DINERS`` marks the last: a meal's
quantities are per sitting, not per year. ``HOUSEHOLDS`` marks households and homes (round 14):
heads of the quantity bands, at several people each, never of the money bands' population;
``GROUPS`` marks people counted as a group ("40 men", "600 pupils", "a crew of 30"), heads of
what people eat, drink and use, but no population whose public spending is judged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from citecheck.checks.group_heads import group_heads, may_count_groups
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Sentence

__all__ = [
    "DINERS",
    "GROUPS",
    "HOUSEHOLDS",
    "POPULATION",
    "WORKERS",
    "NearestPopulation",
    "population_heads",
    "states_population",
]

POPULATION = "population"
DINERS = "diners"
HOUSEHOLDS = "households"
GROUPS = "groups"
# Round 17: a work force counted as a group ("420 staff", "a workforce of 2,000"): people who
# eat and drink, but whose water, waste and energy at work are their plant's, not theirs.
WORKERS = "workers"
_WORKER_NOUNS = frozenset({"workers", "employees", "staff", "personnel", "workforce"})
_WORKERS_BEFORE = re.compile(
    r"\b(?:workforce|staff)\s+of\s+(?:(?:only|just|about|around|roughly|some|nearly|almost|"
    r"over|under)\s+)*$",
    re.IGNORECASE,
)
_GROUP_NOUNS = frozenset(
    {
        "men",
        "women",
        "children",
        "adults",
        "pupils",
        "students",
        "seamen",
        "sailors",
        "soldiers",
        "troops",
        "prisoners",
        "inmates",
        "patients",
        "campers",
        "refugees",
        "workers",
        "employees",
        "staff",
        "guests",
    }
)
# "a crew of 30", "a garrison of 400", "a workforce of 2,000": a group named before its count
_GROUP_BEFORE = re.compile(
    r"\b(?:crew|garrison|company|workforce|staff|congregation|household|school|camp|team)\s+"
    r"of\s+(?:(?:only|just|about|around|roughly|some|nearly|almost|over|under)\s+)*$",
    re.IGNORECASE,
)
_HOUSEHOLD_NOUNS = frozenset({"households", "homes", "families", "dwellings"})

_NOUNS = frozenset(
    {
        "resident",
        "residents",
        "people",
        "inhabitants",
        "citizens",
        "population",
        "persons",
        "islanders",
        "villagers",
        "townspeople",
        "souls",
        "nationals",
    }
)
_HEDGE = (
    r"(?:(?:only|just|about|around|roughly|some|nearly|almost|approximately|over|under|c\.)\s+)*"
)
# "a population of about 390,000", "the country's 5.5 million population"
_NAMED_BEFORE = re.compile(rf"\bpopulation\s+of\s+{_HEDGE}$", re.IGNORECASE)
# "The population of England and Wales at the 2021 census was 59.6 million."
_POPULATION_WAS = re.compile(
    rf"^\W*(?:the\s+)?(?:resident\s+|total\s+|estimated\s+)?population\b[^.;:!?]{{0,80}}?"
    rf"\b(?:was|is|stood\s+at|stands\s+at|numbered|numbers|reached|totalled|totaled)\s+{_HEDGE}$",
    re.IGNORECASE,
)
# "all 67 million of us", "the 5,000 of them who live on the island"
_OF_US = re.compile(r"^\s+of\s+us\b", re.IGNORECASE)
# "lunch for 400", "a dinner for 120 guests", "serves 8", "feeds twelve", "to feed 400"
_DINERS = re.compile(
    r"\b(?:(?:lunch|dinner|supper|breakfast|tea|buffet|barbecue|banquet|meal|party|feast|"
    r"picnic|spread)\s+for|serves|serving|feeds|to\s+feed|feeding|catering\s+for)\s+"
    rf"{_HEDGE}$",
    re.IGNORECASE,
)


def population_heads(sentence: Sentence, *, groups: bool = False) -> list[tuple[Quantity, str]]:
    """The sentence's head counts of a population (or of diners), with their kind; with
    ``groups``, any other counted group of people too (``group_heads``, round 17)."""
    text = sentence.text
    heads: list[tuple[Quantity, str]] = []
    found: list[tuple[Quantity, str]] | None = None if groups else []
    for count in sentence.quantities:
        if count.kind is not Kind.COUNT or count.low < 2:
            continue
        before = text[max(0, count.start - 120) : count.start]
        noun = (count.noun or "").lower()
        if _DINERS.search(before) and noun not in _HOUSEHOLD_NOUNS:
            # "serves 8" are diners; "serving 14,000 households" are households (round 17)
            heads.append((count, DINERS))
        elif count.low < 10:
            continue
        elif noun in _HOUSEHOLD_NOUNS:
            heads.append((count, HOUSEHOLDS))
        elif noun in _WORKER_NOUNS or (not noun and _WORKERS_BEFORE.search(before)):
            heads.append((count, WORKERS))
        elif noun in _GROUP_NOUNS or (not noun and _GROUP_BEFORE.search(before)):
            heads.append((count, GROUPS))
        elif (
            noun in _NOUNS
            or _NAMED_BEFORE.search(before)
            or _POPULATION_WAS.search(text[: count.start])
            or _OF_US.match(text[count.end : count.end + 10])
        ):
            heads.append((count, POPULATION))
        else:
            # Round 17: any counted group of people ("3,100 passengers", "11,000 members")
            if found is None:
                found = group_heads(sentence) if may_count_groups(sentence) else []
            if any(count is group for group, _ in found):
                heads.append((count, GROUPS))
    return heads


def states_population(sentence: Sentence) -> Quantity | None:
    """ "The population of England and Wales at the 2021 census was 59.6 million.": a sentence
    that only gives a population (no money), whose head count the sentence beside it may use."""
    if any(q.kind is Kind.MONEY for q in sentence.quantities):
        return None
    for count in sentence.quantities:
        if count.kind is Kind.COUNT and _POPULATION_WAS.search(sentence.text[: count.start]):
            return count
    return None


class NearestPopulation:
    """The sentence of a paragraph nearest another that only gives a population.

    For sentence ``index``: the nearest other sentence for which ``states_population`` is not
    None (the earlier of two as near), with its count; None if there is none. The same as
    trying every other sentence nearest first, but each sentence is read once per paragraph,
    not once per sentence asking (a paragraph of 2,000 notes was quadratic).
    """

    def __init__(self, sentences: Sequence[Sentence], text: str | None = None) -> None:
        self._sentences = sentences
        self._indexes: list[int] | None = None
        self._stated: list[Quantity] = []
        # Round 16: with the passage's text, a population names heads only in its own paragraph
        # (a blank line ends one): a manuscript's body is one passage of many paragraphs.
        self._text = text
        self._paragraph: list[int] = []

    def __call__(self, index: int) -> tuple[Sentence, Quantity] | None:
        if self._indexes is None:
            self._indexes = []
            for at, sentence in enumerate(self._sentences):
                stated = states_population(sentence)
                if stated is not None:
                    self._indexes.append(at)
                    self._stated.append(stated)
            if self._text is not None and self._indexes:
                self._paragraph = paragraphs(self._sentences, self._text)
        indexes = self._indexes
        after = bisect_left(indexes, index)
        before = after - 1
        if after < len(indexes) and indexes[after] == index:
            after += 1
        if self._paragraph:
            # Paragraphs are runs of sentences: the nearest in this one is nearest overall.
            own = self._paragraph[index]
            if before >= 0 and self._paragraph[indexes[before]] != own:
                before = -1
            if after < len(indexes) and self._paragraph[indexes[after]] != own:
                after = len(indexes)
        if after < len(indexes) and (
            before < 0 or indexes[after] - index < index - indexes[before]
        ):
            best = after
        elif before >= 0:
            best = before  # the earlier of two as near
        else:
            return None
        return self._sentences[indexes[best]], self._stated[best]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(sentences: Sequence[Sentence], text: str) -> list[int]:
    """Each sentence's paragraph, counted from 0: a blank line between two sentences (in the
    passage's ``text``, at their offsets) starts a new one."""
    found: list[int] = []
    paragraph, end = 0, None
    for sentence in sentences:
        if end is not None and _BLANK_LINE.search(text, end, max(end, sentence.start)):
            paragraph += 1
        found.append(paragraph)
        end = sentence.start + len(sentence.text)
    return found
