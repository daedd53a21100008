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
  lexicon in ``multipliers``.
* ``percent-change-mismatch``: "increased 40 percent" against its start and
  end figures; above 100 % both readings ("up 265 %" as x3.65 and as x2.65)
  are accepted.
* ``sum-mismatch``: parts against the total they are said to make up
  ("... of which", "respectively", "a total of").

Figures pair only inside one sentence, or with the sentence before when a
sentence opens by pointing back at it ("This total", "That is"): ``scope``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from citecheck.checks.numbers import Kind, Passage, Quantity, Sentence, amount, one_line
from citecheck.checks.periods import convert, length_days, per_phrase
from citecheck.checks.rules import Rule, raise_finding
from citecheck.checks.scope import in_scope
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding, Severity

__all__ = ["RULES", "check_arithmetic"]

_FAMILY = "arithmetic"
RATE = Rule(
    "rate-restatement-mismatch",
    Severity.WARNING,
    _FAMILY,
    "A yearly figure and its daily/hourly/per-minute restatement disagree.",
)
GROWTH = Rule(
    "growth-multiplier-mismatch",
    Severity.WARNING,
    _FAMILY,
    "'doubled', 'six fold', 'halved' does not fit the start and end figures given.",
)
PERCENT = Rule(
    "percent-change-mismatch",
    Severity.WARNING,
    _FAMILY,
    "A stated percent change does not fit the start and end figures given.",
)
SUM = Rule(
    "sum-mismatch",
    Severity.WARNING,
    _FAMILY,
    "Parts do not add up to the total they are said to make up.",
)
RULES = (RATE, GROWTH, PERCENT, SUM)


def check_arithmetic(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Every arithmetic inconsistency in the run's text."""
    del run, settings  # the text is all these rules read
    for passage in passages:
        yield from _rates(passage)
        for sentence in passage.sentences:
            yield from _growth(sentence)
            yield from _percent_change(sentence)
            yield from _sums(passage, sentence)


# --------------------------------------------------------------------------
# Shared: "from A ... to B"
# --------------------------------------------------------------------------


def _from_to(sentence: Sentence) -> list[tuple[Quantity, Quantity]]:
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


def _ratio(start: Quantity, end: Quantity) -> tuple[float, float] | None:
    if start.low <= 0:
        return None
    return end.low / start.high, end.high / start.low


def _fits(interval: tuple[float, float], bands: list[tuple[float, float]]) -> bool:
    low, high = interval
    return any(low <= b_high and high >= b_low for b_low, b_high in bands)


def _show(quantity: Quantity) -> str:
    return quantity.shown


# --------------------------------------------------------------------------
# Rates
# --------------------------------------------------------------------------

_RESTATE = re.compile(
    r"amounts? to|amounting to|equivalent|equal(?:s| to)|equating to|that is|i\.e\.|\bor\b|"
    r"translat(?:es|ed|ing)|\bmean(?:s|ing)?\b|works? out|working out|which is|"
    r"\b(?:comes?|came|coming) (?:to|out)\b|\ban average of\b|\baverag(?:es|ed|ing)\b|"
    r"in other words|put another way|\b(?:this|that) (?:is|was)\b|—|--|\(|"
    # An apposition with a hedge: "$52 billion a year ..., about $1 billion a week".
    r",\s*(?:or\s+)?(?:(?:about|roughly|some|nearly|almost|around|approximately|more than|"
    r"over|at least|just over|just under|close to|less than|under|upwards of|an estimated)\s+)?$|"
    # "..., which the operator presents as some 500 boxes per hour"
    r"\bwhich\b[^.;]{0,60}\bas\s+(?:(?:some|about|roughly|nearly|almost|around|"
    r"approximately|more than|over)\s+)?$",
    re.IGNORECASE,
)


def _rates(passage: Passage) -> Iterator[Finding]:
    """Chains of rate figures linked by a restatement cue, checked pair by pair."""
    rated: list[tuple[Sentence, Quantity, str]] = []
    for sentence in passage.sentences:
        inherited = {id(b): a.period for a, b in _from_to(sentence) if a.period and not b.period}
        for quantity in sentence.quantities:
            period = quantity.period or inherited.get(id(quantity))
            if period is None and quantity.in_year:
                period = "year"  # "$534 billion in 2014, or $1 million a minute"
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
            and _same_noun(q1.noun, q2.noun)
            and in_scope(passage, s1, s2)
            and len(between) <= 160
            and _RESTATE.search(between)
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
    ]
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


# --------------------------------------------------------------------------
# Growth multipliers
# --------------------------------------------------------------------------


# Between a multiplier and the figures it speaks of: another subject's change
# ("Exports doubled while imports rose from ...") is not its evidence.
_OTHER_CLAUSE = re.compile(
    r";|\b(?:while|whereas|but|although|though|even as)\b|\b(?:and|as)\s+(?:[\w'’-]+\s+){1,8}?"
    r"(?:rose|grew|fell|increased|decreased|declined|dropped|climbed|went|jumped|expanded|"
    r"rising|growing|falling|increasing|climbing|going)\b",
    re.IGNORECASE,
)


def _growth(sentence: Sentence) -> Iterator[Finding]:
    multipliers = [q for q in sentence.quantities if q.kind is Kind.MULTIPLIER]
    if not multipliers:
        return
    pairs = _from_to(sentence)
    for multiplier in multipliers:
        # The figures the multiplier speaks of come after it in the sentence.
        after = [p for p in pairs if min(p[0].start, p[1].start) > multiplier.start]
        if after:
            start, end = after[0]
            gap = sentence.text[multiplier.end : min(start.start, end.start)]
            nearer = any(
                multiplier.end <= other.start < min(start.start, end.start) for other in multipliers
            )
            if _OTHER_CLAUSE.search(gap) or nearer:
                continue  # another subject's change, or another multiplier's figures
        elif pairs:
            start, end = pairs[-1]
            gap = sentence.text[max(start.end, end.end) : multiplier.start]
            if _OTHER_CLAUSE.search(gap):
                continue
        else:
            continue
        ratio = _ratio(start, end)
        if ratio is None:
            continue
        bands = list(multiplier.readings)
        if _fits(ratio, bands):
            continue
        first, last = sorted((start, end, multiplier), key=lambda q: q.start)[::2]
        message = (
            f"{_show(multiplier)} does not fit {_show(start)} to {_show(end)}: the figures give "
            f"{_span(*ratio, kind=Kind.COUNT, prefix='x')}{_accepted(bands)}. "
            "Correct the multiplier or the figures."
        )
        yield raise_finding(
            GROWTH,
            message,
            sentence.location_at(multiplier.start),
            note=sentence.note,
            evidence=one_line(sentence.text[first.start : last.end]),
        )


def _accepted(bands: list[tuple[float, float]]) -> str:
    shown = " or ".join(
        f"x{amount(low, kind=Kind.COUNT)} or more"
        if math.isinf(high)
        else f"x{amount(low, kind=Kind.COUNT)}–x{amount(high, kind=Kind.COUNT)}"
        for low, high in bands
    )
    return f", outside the {shown} it allows"


def _span(low: float, high: float, *, kind: Kind, prefix: str = "") -> str:
    """ "x1.83" when both ends print alike, else "x2.28–x2.93"."""
    first = prefix + amount(low, kind=kind)
    last = prefix + amount(high, kind=kind)
    return first if first == last else f"{first}–{last}"


# --------------------------------------------------------------------------
# Percent changes
# --------------------------------------------------------------------------

_UP_WORDS = (
    "increased|increases?|rose|risen|rising|grew|grown|growing|climbed|climbing|jumped|expanded|"
    "went up|gone up|up|surged|soared|rocketed|gained|advanced|swelled|growth of|increase of|"
    "rise of|jump of|gain of"
)
_DOWN_WORDS = (
    "decreased|decreases?|fell|fallen|falling|dropped|dropping|declined|declining|shrank|shrunk|"
    "down|went down|plunged|plummeted|slid|slumped|tumbled|dipped|sank|contracted|cut|"
    "decrease of|drop of|decline of|fall of|reduction of|cut of"
)
_CHANGE = re.compile(
    rf"\b(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})\s+(?:by\s+)?"
    r"(?:(?:more than|over|about|nearly|almost|some|roughly|approximately|around|just over|"
    r"just under|close to)\s+)?$",
    re.IGNORECASE,
)
# "a 40 percent increase", "a 25% drop": the change named after the figure.
_CHANGE_AFTER = re.compile(
    r"^[\s-]*(?P<verb>increase|rise|jump|gain|growth|climb|hike|surge|drop|decline|fall|decrease|"
    r"cut|reduction|contraction|slump|plunge|dip)\b",
    re.IGNORECASE,
)
_DOWN = frozenset(_DOWN_WORDS.replace("?", "").split("|")) | {
    "decrease",
    "decreases",
    "drop",
    "decline",
    "fall",
    "cut",
    "reduction",
    "contraction",
    "slump",
    "plunge",
    "dip",
}


def _up_from(sentence: Sentence, change: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "reached $210.3 billion, up 40 percent from $150.2 billion": (start, end).

    Also "..., a 40 percent increase from $150.2 billion".
    """
    after = re.match(
        r"(?:[\s-]+(?:increase|rise|jump|gain|growth|climb|hike|surge|drop|decline|fall|decrease|"
        r"cut|reduction|contraction|slump|plunge|dip))?\s+(?:from|over|on|since)\s+",
        sentence.text[change.end : change.end + 30],
        re.IGNORECASE,
    )
    if after is None:
        return None
    figures = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    start = next((q for q in figures if q.start >= change.end + after.end() - 1), None)
    if start is None or start.start - (change.end + after.end()) > 16:  # "from about $150"
        return None
    before = [q for q in figures if q.end <= change.start and q.kind is start.kind]
    if not before or before[-1].currency != start.currency:
        return None
    return start, before[-1]


def _percent_change(sentence: Sentence) -> Iterator[Finding]:
    pairs = [p for p in _from_to(sentence) if p[0].kind is not Kind.PERCENT]
    for change in sentence.quantities:
        if change.kind is not Kind.PERCENT or any(change in pair for pair in pairs):
            continue
        verb = _CHANGE.search(sentence.text[max(0, change.start - 40) : change.start])
        if verb is None:
            verb = _CHANGE_AFTER.match(sentence.text[change.end : change.end + 20])
        if verb is None:
            continue
        pair = _up_from(sentence, change) or (pairs[0] if pairs else None)
        if pair is None:
            continue
        start, end = pair
        ratio = _ratio(start, end)
        if ratio is None:
            continue
        down = re.sub(r"\s+", " ", verb.group("verb").lower()) in _DOWN
        if down:
            bands = [(1 - change.high / 100, 1 - change.low / 100)]
        else:
            bands = [(1 + change.low / 100, 1 + change.high / 100)]
            if change.value >= 100:
                bands.append((change.low / 100, change.high / 100))
        if _fits(ratio, bands):
            continue
        actual = sorted((abs(ratio[0] - 1) * 100, abs(ratio[1] - 1) * 100))
        change_word = "a fall" if ratio[1] < 1 else "a rise"
        message = (
            f"{_show(change)} does not fit {_show(start)} to {_show(end)}, {change_word} of "
            f"{_span(actual[0], actual[1], kind=Kind.PERCENT)}. "
            f"Correct the percentage or the figures."
        )
        yield raise_finding(
            PERCENT,
            message,
            sentence.location_at(change.start),
            note=sentence.note,
            evidence=one_line(sentence.text),
        )


# --------------------------------------------------------------------------
# Sums
# --------------------------------------------------------------------------

_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:l?ing|l?ed|s)?|combined|altogether|together|in all|overall|sum)\b[^;:()]{0,40}$",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(
    r"^(?:\s+total\b|[^;:()]{0,12}\b(?:in total|combined|altogether|in all)\b)", re.I
)
_PARTITION = re.compile(
    r"of which|of whom|consist(?:s|ed|ing)? of|compris(?:es|ed|ing)|"
    r"(?:is|was|were|are)? ?made up of|"
    r"divided (?:between|among|into)|split (?:between|among|into)|broken down|"
    r"breaks? down (?:into|as)|respectively|:|including|\(",
    re.IGNORECASE,
)
_SPLIT_VERBS = (
    r"consist(?:s|ed)? of|compris(?:es|ed)|(?:is|was) made up of|"
    r"(?:is|was) (?:divided|split|broken down) (?:between|among|into)|"
    r"(?:divides|splits|divided|split) (?:between|among|into)|break(?:s)? down (?:into|as)|"
    r"broke down (?:into|as)"
)
_WHOLE_BEFORE_PARTS = re.compile(
    rf"^\s*(?:[\w'’-]+\s+){{0,3}}?(?:{_SPLIT_VERBS})"
    # "£62 million on highways, of which ...", "9,400 staff, including ..."
    r"|^[^;:()\d]{0,40}?,\s*(?:of which|of whom|including)\b",
    re.IGNORECASE,
)
# A whole named first: "Of the 91,300 valid votes cast, Labour won ...".
_WHOLE_FIRST = re.compile(
    r"^\W*(?:out\s+)?of\s+(?:the|its|their|this|that|these|those|an?)\s+(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# Words that say a list of parts is all of its whole.
_EXHAUSTIVE = re.compile(
    rf"\bthe\s+(?:remaining|rest|remainder|balance)\b|\bremainder\b|{_SPLIT_VERBS}|:",
    re.IGNORECASE,
)
# A total in apposition to the parts listed before it: "1,420, 980 and 655
# new cases, a total of 3,155".
_TOTAL_APPOSITION = re.compile(
    r",\s*(?:for\s+|making\s+)?(?:a\s+)?(?:combined\s+|grand\s+)?"
    r"(?:total(?:l?ing)?|together|in all|altogether|combined)\s*(?:of\s+)?"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around)\s+)?$",
    re.IGNORECASE,
)


def _is_total(sentence: Sentence, quantity: Quantity) -> bool:
    """A figure named as a total, or the whole that a partition verb follows."""
    text = sentence.text
    return bool(
        _TOTAL_BEFORE.search(text[max(0, quantity.start - 50) : quantity.start])
        or _TOTAL_AFTER.search(text[quantity.end : quantity.end + 30])
        or _WHOLE_BEFORE_PARTS.search(text[quantity.end : quantity.end + 60])
        or _WHOLE_FIRST.match(text[: quantity.start])
    )


def _sums(passage: Passage, sentence: Sentence) -> Iterator[Finding]:
    money = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    if len(money) < 2:
        return
    text = sentence.text
    respectively = re.search(r"\brespectively\b", text)
    if respectively is not None:
        parts = _parts_before(text, money, respectively.start())
        if len(parts) >= 2:
            # The total is in this sentence, or in a neighbour the scope allows
            # ("... respectively. Together they came to $534.5 billion.").
            window = [
                s
                for s in passage.sentences
                if (s.index == sentence.index - 1 and in_scope(passage, s, sentence))
                or (s.index == sentence.index + 1 and in_scope(passage, sentence, s))
            ]
            totals = [
                (s, q)
                for s in (sentence, *window)
                for q in s.quantities
                if q not in parts
                and q.kind is parts[0].kind
                and q.currency == parts[0].currency
                and q.period == parts[0].period
                and _is_total(s, q)
            ]
            for total_sentence, total in totals:
                yield from _compare(
                    total_sentence, total, parts, partial=_leaves_room(passage, total, parts)
                )
            return
    if not any(_is_total(sentence, q) for q in money):
        yield from _parts_of_previous(passage, sentence, money)
        return
    for total in money:
        if not _is_total(sentence, total):
            continue
        yield from _total_and_parts(sentence, total, money)
        return


def _total_and_parts(
    sentence: Sentence, total: Quantity, figures: list[Quantity]
) -> Iterator[Finding]:
    """One total against the parts its sentence lists for it."""
    text = sentence.text
    alike = [
        q
        for q in figures
        if q is not total
        and q.kind is total.kind
        and q.currency == total.currency
        and q.period == total.period
    ]
    # Parts listed first, the total in apposition: "1,420, 980 and 655 cases, a total of 3,155".
    before = _run_before(text, [q for q in alike if q.end <= total.start], total.start)
    if len(before) >= 2 and _TOTAL_APPOSITION.search(text[before[-1].end : total.start]):
        yield from _compare(sentence, total, before, partial=False)
        return
    # The cue follows the total closely, in its clause ("... $12 billion, including");
    # "(" or ":" further on may open another list ("..., and the top buyers were
    # Canada ($312 billion) and Mexico ($240 billion)").
    clause_end = text.find(";", total.end)
    clause = text[: clause_end if clause_end >= 0 else len(text)]
    cue = _PARTITION.search(clause, total.end, min(len(clause), total.end + 45))
    named_first = _WHOLE_FIRST.match(text[: total.start]) is not None
    if cue is None and not named_first:
        cue = _PARTITION.search(text[: total.start])
        if cue is None:
            return
    after = cue.start() if cue is not None else total.end
    parts = [q for q in alike if q.start > min(after, total.start) and q.start < len(clause)]
    if len(parts) < 2:
        return
    word = cue.group().lower() if cue is not None else ""
    if len(re.findall(r"\bof (?:which|whom)\b", text, re.IGNORECASE)) > 1:
        return  # nested: "of whom 2,100 were women, of whom 300 ..."
    exhaustive = _EXHAUSTIVE.search(text, total.end) is not None
    # "including", "of which", "of whom" and a whole named first may list only
    # some of the parts; unless the list says it is all of them, the parts may
    # fall short of the total but not exceed it.
    partial = word == "including" or (
        (word in {"of which", "of whom"} or (cue is None and named_first)) and not exhaustive
    )
    yield from _compare(sentence, total, parts, partial=partial)


def _run_before(text: str, figures: list[Quantity], position: int) -> list[Quantity]:
    """The run of figures joined by commas and "and" that ends last before ``position``."""
    run: list[Quantity] = []
    for figure in reversed(figures):
        if run and not re.fullmatch(r"[\s,]*(?:and\s+)?", text[figure.end : run[0].start]):
            break
        run.insert(0, figure)
    return run


# "Of this, $1.2 billion went to ... and $1.6 billion to ...": parts of the
# figure the sentence before ends with.
_OF_PREVIOUS = re.compile(
    r"^\W*of\s+(?:this|that|these|which|it|the\s+total|this\s+\w+|that\s+\w+)\s*,?", re.I
)


# Between a whole named first and its parts, a cue that they exhaust it.
_EXHAUSTS = re.compile(
    r"consist(?:s|ed|ing)? of|compris(?:es|ed|ing)|made up of|divided (?:between|among|into)|"
    r"split (?:between|among|into)|broken down|:",
    re.IGNORECASE,
)


def _leaves_room(passage: Passage, total: Quantity, parts: list[Quantity]) -> bool:
    """Whether parts listed after their whole may be only some of it.

    "Of the $1.6 trillion total, Mexico and Canada bought $240 billion and $312
    billion, respectively" names two buyers of many; "..., respectively, a
    total of $552 billion" and "split between ..." say the parts are all of it.
    """
    offsets = {id(q): s.start + q.start for s in passage.sentences for q in s.quantities}
    total_at, first_at = offsets[id(total)], offsets[id(parts[0])]
    if total_at > first_at:
        return False
    return not _EXHAUSTS.search(passage.text[total_at:first_at])


def _parts_of_previous(
    passage: Passage, sentence: Sentence, figures: list[Quantity]
) -> Iterator[Finding]:
    """Parts listed after "Of this," against the one total of the sentence before.

    A list after "Of this" may leave some of the total out, so the parts may
    fall short of it; they may not exceed it.
    """
    opening = _OF_PREVIOUS.match(sentence.text)
    if opening is None or sentence.index == 0:
        return
    previous = passage.sentences[sentence.index - 1]
    parts = [q for q in figures if q.start >= opening.end() and q.kind is figures[0].kind]
    if len(parts) < 2 or any(p.currency != parts[0].currency for p in parts):
        return
    candidates = [
        q
        for q in previous.quantities
        if q.kind is parts[0].kind and q.currency == parts[0].currency
    ]
    named = [q for q in candidates if _is_total(previous, q)]
    totals = named or candidates
    if len(totals) == 1:
        yield from _compare(previous, totals[0], parts, partial=True)


# Between the last part and "respectively": "in 2014", "of U.S. goods", "in trade".
_PARTS_TAIL = (
    r"[\s,]*(?:[a-z][\w'’-]*\s+){0,2}?"  # "visas", "tons of cargo"
    r"(?:(?:in|of|for|worth|on|from)\s+(?:[A-Za-z][\w.'’-]*\s*){1,5}|in\s+\d{4})?[\s,]*"
)


def _parts_before(text: str, figures: list[Quantity], position: int) -> list[Quantity]:
    """The run of figures joined only by "and" and commas just before ``position``."""
    parts: list[Quantity] = []
    cursor = position
    for figure in reversed([q for q in figures if q.end <= position]):
        gap = text[figure.end : cursor]
        limit = r"[\s,]*(?:and\s+)?" if parts else _PARTS_TAIL
        if not re.fullmatch(limit, gap):
            break
        parts.insert(0, figure)
        cursor = figure.start
    if parts and any(p.kind is not parts[0].kind for p in parts):
        return []
    return parts


def _conventions(quantity: Quantity) -> tuple[tuple[float, float], tuple[float, float]]:
    """The figure's interval if rounded, and if truncated (a hedge keeps its own reading)."""
    if quantity.qualifier is not None or quantity.step <= 0:
        return (quantity.low, quantity.high), (quantity.low, quantity.high)
    value, step = quantity.value, quantity.step
    return (value - step / 2, value + step / 2), (value, value + step)


def _sum_fits(total: Quantity, parts: list[Quantity], *, partial: bool) -> bool:
    """Whether some reading makes the parts add up to the total (fall short, if ``partial``).

    One sentence follows one convention: its figures are all rounded or all
    truncated, and a part that sits on a rounding boundary cannot round one way
    while the total rounds the other ("£38m + £19m + £7m" is never "£62m").
    """
    for convention in (0, 1):
        t_low, t_high = _conventions(total)[convention]
        p_low = sum(_conventions(p)[convention][0] for p in parts)
        p_high = sum(_conventions(p)[convention][1] for p in parts)
        slack = 1e-9 * max(abs(t_high), abs(p_high), 1.0)
        if p_low < t_high - slack and (partial or p_high > t_low + slack):
            return True
    return False


def _compare(
    sentence: Sentence, total: Quantity, parts: list[Quantity], *, partial: bool
) -> Iterator[Finding]:
    if _sum_fits(total, parts, partial=partial):
        return
    low = sum(_conventions(p)[0][0] for p in parts)
    high = sum(_conventions(p)[0][1] for p in parts)
    printed = sum(p.value for p in parts)
    kind, currency = total.kind, total.currency
    listed = " + ".join(_show(p) for p in parts)
    verb = "exceed" if partial else "add up to"
    message = (
        f"{listed} {verb} {amount(printed, kind=kind, currency=currency, digits=6)} as printed "
        f"({amount(low, kind=kind, currency=currency)}–{amount(high, kind=kind, currency=currency)}"
        f" however each was rounded), {'more than' if partial else 'not'} the stated total "
        f"{_show(total)}. Check the parts and the total."
    )
    yield raise_finding(
        SUM,
        message,
        sentence.location_at(total.start),
        note=sentence.note,
        evidence=one_line(sentence.text),
    )
