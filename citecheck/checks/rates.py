"""``rate-restatement-mismatch``: a figure per one period and its restatement per another.

"$500 billion ... This amounts to $1.3 billion daily or more than $1 million
a minute"; "350,000 people each day, or 128 million a year". Money figures
and counts with a period (the lexicon in ``periods``), linked by a
restatement cue inside the sentence scope (``scope``), form chains; every
pair of a chain is compared on the smaller period and fires only when no
reading of the printed figures fits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from citecheck.checks.catalogue import RATE
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Passage, Sentence, one_line
from citecheck.checks.periods import convert, length_days, per_phrase, working_convert
from citecheck.checks.rules import raise_finding
from citecheck.checks.scope import from_to_pairs, in_scope
from citecheck.model import Finding

__all__ = ["RATE", "check_rates"]


def _show(quantity: Quantity) -> str:
    return quantity.shown


_RESTATE = re.compile(
    r"amounts? to|amounting to|equivalent|equal(?:s| to)|equat(?:es|ed|ing) to|that is|"
    r"(?:that|this)['’]s\b|i\.e\.|"
    r"\bor\b|"
    r"\brepresent(?:s|ed|ing)?\b|\bgiv(?:es|ing)\b|\bso\b|"
    r"translat(?:es|ed|ing)|\bmean(?:s|ing)?\b|works? out|working out|which is|"
    r"\b(?:comes?|came|coming) (?:to|out)\b|\ban average of\b|\baverag(?:es|ed|ing)\b|"
    # "100,000 times a day, which adds up to 36 million a year"
    r"\badd(?:s|ed|ing)?\s+up\s+to\b|"
    r"in other words|put another way|\b(?:this|that) (?:is|was)\b|—|--|\s[-–]\s|\(|:|"
    # An apposition with a hedge: "$52 billion a year ..., about $1 billion a week".
    r",\s*(?:or\s+)?(?:(?:about|roughly|some|nearly|almost|around|approximately|more than|"
    r"over|at least|just over|just under|close to|less than|under|upwards of|an estimated)\s+)?$|"
    # "..., which the operator presents as some 500 boxes per hour"
    r"\bwhich\b[^.;]{0,60}\bas\s+(?:(?:some|about|roughly|nearly|almost|around|"
    r"approximately|more than|over)\s+)?$",
    re.IGNORECASE,
)


_RATE_THEN_VERB = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}?\s*(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|shift)\s+"
    r"(?:(?:will|would|could|should|can|may|might)\s+)?"
    r"(?:produc(?:es?|ed|ing)|yield(?:s|ed)?|giv(?:es?|ing)|gave|mak(?:es?|ing)|made|"
    r"generat(?:es?|ed)|deliver(?:s|ed)?|suppl(?:y|ies|ied)|add(?:s|ed)?\s+up\s+to|"
    r"com(?:es?|ing)\s+to|came\s+to|turn(?:s|ed)?\s+out|put(?:s)?\s+out)\s+"
    r"(?:(?:about|roughly|some|nearly|almost|around|approximately|more\s+than|over|"
    r"just\s+over|just\s+under|close\s+to|an\s+estimated)\s+)?",
    re.IGNORECASE,
)
# A rate that opens its sentence or clause and the figure it gives: "At £12.21 an hour, ...".
_AT_RATE = re.compile(
    r"(?:^|[;:]\s*)\W*at\s+(?:an?\s+average\s+of\s+|a\s+rate\s+of\s+|about\s+|roughly\s+|some\s+)?$",
    re.IGNORECASE,
)


# "A nurse on £31,000 a year earns about £600 a week": one person's pay, then what it brings in.
_ON_PAY = re.compile(
    r"\bon\s+(?:an?\s+(?:salary|wage|income|stipend|pension)\s+of\s+)?"
    r"(?:about\s+|roughly\s+|some\s+|around\s+)?$",
    re.IGNORECASE,
)
_PAY_VERB = re.compile(
    # gross pay only: take-home pay is after tax
    r"^[^;,]{0,40}?\b(?:earns?|earning|is\s+paid|are\s+paid|gets?|receives?|makes?)\b[^;,]{0,20}$",
    re.IGNORECASE,
)


_PAY_PERIODS = frozenset({"year", "month", "week", "fortnight"})


def check_rates(passage: Passage) -> Iterator[Finding]:
    """Chains of rate figures linked by a restatement cue, checked pair by pair."""
    rated: list[tuple[Sentence, Quantity, str]] = []
    for sentence in passage.sentences:
        inherited = {
            id(b): a.period for a, b in from_to_pairs(sentence) if a.period and not b.period
        }
        for quantity in sentence.quantities:
            period = quantity.period or inherited.get(id(quantity))
            if period is None:
                # "$534 billion in 2014, or $1 million a minute"; "1.2 billion in March"
                period = quantity.total_of
            if quantity.kind in {Kind.MONEY, Kind.COUNT} and period is not None:
                rated.append((sentence, quantity, period))
    # Money and counts chain separately: a count between two money figures
    # does not break their restatement.
    chains = [
        chain
        for kind in (Kind.MONEY, Kind.COUNT)
        for chain in _chains(passage, [r for r in rated if r[1].kind is kind])
    ]
    for chain in chains:
        for first_index, (s1, q1, p1) in enumerate(chain):
            for s2, q2, p2 in chain[first_index + 1 :]:
                if p1 != p2 and q1.kind is q2.kind and q1.currency == q2.currency:
                    yield from _rate_pair(passage, (s1, q1, p1), (s2, q2, p2))


def _chains(
    passage: Passage, rated: list[tuple[Sentence, Quantity, str]]
) -> list[list[tuple[Sentence, Quantity, str]]]:
    """Runs of rate figures each linked to the next by a restatement cue.

    Every pair in a run is compared, so the most precise figure anchors the
    others ("$730 billion a year ... $2 billion daily ... $1.5 million a minute").
    """
    chains: list[list[tuple[Sentence, Quantity, str]]] = []
    for previous, current in itertools.pairwise(rated):
        (s1, q1, _), (s2, q2, _) = previous, current
        between = passage.text[s1.start + q1.end : s2.start + q2.start]
        tail = s2.text[q2.end : q2.end + 60]
        linked = (
            q1.kind is q2.kind
            # "$100 a day or $5,000 a year, whichever is greater": alternatives
            and not re.search(r"\bwhichever\b", tail, re.IGNORECASE)
            and _counts_alike(s1.text, q1, s2.text, q2)
            and in_scope(passage, s1, s2)
            and len(between) <= 160
            and (
                _RESTATE.search(between)
                # "A herd giving 1,200 litres a day produces 438,000 litres a year": the first
                # rate in the subject, its yield over a longer period the object
                or (s1 is s2 and _RATE_THEN_VERB.fullmatch(between) is not None)
                or (
                    s1 is s2
                    and _ON_PAY.search(s1.text[: q1.start]) is not None
                    and _PAY_VERB.match(between) is not None
                    # a year's pay by the week or month; by the hour it may be part-time
                    and {q1.period, q2.period} <= _PAY_PERIODS
                    and not re.search(r"\b(?:and|but|while|whereas)\b", between)
                )
                # "At £12.21 an hour, a full-time worker takes home about £23,800 a year"
                or (
                    s1 is s2
                    and _AT_RATE.search(s1.text[: q1.start]) is not None
                    # "At £12 an hour, the 5,000 staff cost £100m a year": a head count between
                    and not any(
                        q.kind is Kind.COUNT and q1.end <= q.start < q2.start for q in s1.quantities
                    )
                )
            )
        )
        if not linked:
            continue
        if chains and chains[-1][-1] is previous:
            chains[-1].append(current)
        else:
            chains.append([previous, current])
    return chains


# Words after a number that are not what it counts ("600,000 per year", "58,000 in 2014").
_NOT_NOUNS = frozenset(
    [
        "a",
        "an",
        "the",
        "per",
        "each",
        "every",
        "in",
        "of",
        "on",
        "at",
        "by",
        "for",
        "to",
        "from",
        "and",
        "or",
        "than",
        "more",
        "less",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "had",
        "has",
        "have",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "annually",
        "hourly",
        "quarterly",
        # "beats 100,000 times a day": events of the other figure's noun
        "times",
    ]
)


_NOT_HEADS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "per",
        "each",
        "every",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "and",
        "or",
        "were",
        "was",
        "are",
        "is",
        "had",
        "have",
        "has",
        "day",
        "week",
        "month",
        "year",
        "hour",
        "minute",
        "second",
        "fortnight",
        "quarter",
        "decade",
    ]
)


def _noun_phrase(text: str, quantity: Quantity) -> list[str]:
    """The count's noun and the word after it ("8,760 inpatient falls": inpatient, fall)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text[quantity.end : quantity.end + 40])[:2]
    return [w.lower().rstrip("s") for w in words]


def _counts_alike(text1: str, q1: Quantity, text2: str, q2: Quantity) -> bool:
    """The same noun, or one count's noun after the other's adjective ("8,760 inpatient
    falls ... 24 falls"); not two nouns' following words ("trucks cross", "trains cross")."""
    if _same_noun(q1.noun, q2.noun):
        return True
    one, two = _noun_phrase(text1, q1), _noun_phrase(text2, q2)
    if q1.noun is None or q2.noun is None or len(one) < 2 or len(two) < 2:
        return False
    return (one[1] == two[0] and one[1] not in _NOT_HEADS) or (
        one[0] == two[1] and one[0] not in _NOT_HEADS
    )


def _same_noun(one: str | None, two: str | None) -> bool:
    """ "trucks" and "truck" count the same thing; "trucks" and "trains" do not.

    A count without a noun ("or about 600,000 per year") takes the other's.
    """
    if one is None or two is None or one in _NOT_NOUNS or two in _NOT_NOUNS:
        return True
    return one.rstrip("s") == two.rstrip("s")


def _rate_pair(
    passage: Passage,
    one: tuple[Sentence, Quantity, str],
    two: tuple[Sentence, Quantity, str],
) -> Iterator[Finding]:
    (s1, q1, p1), (s2, q2, p2) = one, two
    # Put both figures on the smaller period (per minute rather than per year).
    target = p1 if length_days(p1) < length_days(p2) else p2
    first = convert(q1.low, q1.high, p1, target)
    second = convert(q2.low, q2.high, p2, target)
    if first[0] <= second[1] and second[0] <= first[1]:
        return
    # Pay "an hour" is per working hour ("£12.21 an hour ... about £23,800 a
    # year"); counts ("500 boxes per hour") are by the clock.
    working = working_convert(q1.low, q1.high, p1, p2) if q1.kind is Kind.MONEY else None
    if working is not None and working[0] <= q2.high and q2.low <= working[1]:
        return
    source, restated = (q1, q2) if target == p2 else (q2, q1)
    source_period, restated_period = (p1, p2) if target == p2 else (p2, p1)
    implied = convert(source.low, source.high, source_period, restated_period)
    word = per_phrase(restated_period)
    kind, currency = source.kind, source.currency
    message = (
        f"{_show(source)} {per_phrase(source_period)} works out at "
        f"{amount(implied[0], kind=kind, currency=currency)}–"
        f"{amount(implied[1], kind=kind, currency=currency)} {word}, which does not fit "
        f"{_show(restated)} {word} (read as {amount(restated.low, kind=kind, currency=currency)}"
        f"–{amount(restated.high, kind=kind, currency=currency)}). Recompute one figure from "
        f'the other, or hedge it ("about", "nearly").'
    )
    evidence = passage.text[s1.start + q1.start : s2.start + q2.end]
    yield raise_finding(
        RATE,
        message,
        s2.location_at(q2.start),
        note=s2.note or s1.note,
        evidence=one_line(evidence),
    )
