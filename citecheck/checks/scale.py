"""Scale plausibility: a money total set against a head count in the same sentence.

(Or in the sentence before, when the money's sentence refers back to it: "The
agency employs 60,000 officers. Its budget is $12 million.")

"An operating budget of more than $11 million" for a "58,000-employee work
force" is about $190 per employee a year: no organisation pays its people
on that, and the same figure in billions ($190,000) is ordinary. Nothing in
the text contradicts it, so this is plausibility, not proof: the rule
warns only when the per-head figure falls outside a deliberately wide band
*and* moving the scale word one step (thousand/million/billion/trillion)
lands it inside, and then it names the likely slip.

The money must be named as a budget, payroll, revenue, expenditure,
appropriation, outlay or GDP, or be spent "a year" ("spent $3,000" may be one
outing). Bands (per head, per year):

* budget, spending, payroll, wage bill, revenue of a work force (employees,
  staff, officers, agents, troops): $5,000 to $50 million;
* budget or spending for a population (residents, people, citizens,
  students): $10 to $1 million;
* GDP, income or output of a population: $100 to $1 million.

"Per capita", "per person", "average" figures are already per head and are
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.catalogue import PER_HEAD
from citecheck.checks.currencies import USD_PER_UNIT
from citecheck.checks.group_heads import group_heads, is_person_plural, may_count_groups
from citecheck.checks.learned import learned_findings
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Passage, Sentence
from citecheck.checks.per_head import HEAD_NOUNS, describe, per_head_of, stated_per_head
from citecheck.checks.per_head_bands import band_slip, clause_before
from citecheck.checks.per_head_units import quantity_per_head_findings
from citecheck.checks.population_heads import POPULATION, NearestPopulation, population_heads
from citecheck.checks.rules import raise_finding
from citecheck.checks.scale_bands import BANDS, GROUP_HEADS, POPULATION_NOUNS, WORKFORCE, Band
from citecheck.checks.scope import refers_back
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

__all__ = ["check_scale"]


# The figure is itself per head: "an average salary of", "per pupil", "for every resident".
_ALREADY_PER_HEAD = re.compile(
    rf"\b(?:per[ -]capita|a head|an? (?:{HEAD_NOUNS})|"
    r"per (?!(?:year|annum|month|week|day|hour|cent)\b)[a-z]+|"
    r"(?:for|to) (?:each|every)|average|median|each|apiece)\b",
    re.I,
)
_PAYS_FOR = re.compile(
    r"^(?:\s+(?:a|per|each)\s+year)?\s+(?:pays?|paid|covers?|funds?|funded)\s+(?:for\s+)?(?:the\s+)?"
    r"(?:salaries|wages|pay|running costs|budget)\b",
    re.IGNORECASE,
)
_IN_TAX = re.compile(
    r"^(?:\s+(?:a|per|each)\s+year)?\s+in\s+(?:taxes|tax|income\s+tax|council\s+tax|rates|duties)\b",
    re.IGNORECASE,
)
_SCALE_STEPS = ("thousand", "million", "billion", "trillion")
# "spent $3,000" may be one outing; "spends $6.2 million a year" is a budget.
_YEARLY_VERB = re.compile(r"\b(?:spends?|spent|costs?)\b", re.I)


def check_scale(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Money totals whose per-head value is implausible at the printed scale.

    The rule's findings, then the learned layer's where the rule is silent.
    """
    del run, settings
    found = list(_pattern_findings(passages))
    yield from found
    yield from learned_findings(passages, {PER_HEAD.id: PER_HEAD}, found)


def _pattern_findings(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    # Round 17: a note's first sentences, where a body sentence citing it may find its group
    notes = {(p.path, p.note): p.sentences[:3] for p in passages if p.note is not None}
    for passage in passages:
        previous: Sentence | None = None
        nearest = NearestPopulation(passage.sentences, passage.text)
        yield from quantity_per_head_findings(passage.sentences, passage.text)
        for index, sentence in enumerate(passage.sentences):
            restated = list(stated_per_head(sentence))
            if not restated and previous is not None and refers_back(sentence):
                # "R7.2 billion ... last year. For a population of 60 million, that is
                # roughly R120,000 per person.": the total and heads of the sentence before
                restated = list(_restated_across(previous, sentence))
            for total, head, stated, per, consistent in restated:
                if consistent:
                    continue
                yield raise_finding(
                    PER_HEAD,
                    describe(total, head, stated, per),
                    sentence.location_at(stated.start),
                    note=sentence.note,
                    evidence=re.sub(r"\s+", " ", sentence.text.strip()),
                )
            if all(consistent for *_, consistent in restated) and not _dated_long_ago(sentence):
                # A per-head figure that follows from its total and heads is not judged alone.
                tied = {stated.start for _, _, stated, _, _ in restated}
                judged = list(_stated_alone(sentence, tied))
                yield from judged
                if not judged and _judged_money(sentence):
                    # Round 14: a sentence of the paragraph that only gives a population may
                    # name the heads of any money sentence in it, the nearest first.
                    noted = (
                        notes.get((passage.path, sentence.note), ())
                        if passage.note is None and sentence.note is not None
                        else ()
                    )
                    yield from _sentence(sentence, previous, nearest(index), noted)
            previous = sentence


def _restated_across(
    previous: Sentence, sentence: Sentence
) -> Iterator[tuple[Quantity, Quantity, Quantity, str, bool]]:
    """Stated per-head figures of ``sentence`` restating a total of the sentence before."""
    head = previous.text.rstrip()
    offset = len(head) + 1
    shifted = tuple(
        replace(q, start=q.start + offset, end=q.end + offset) for q in sentence.quantities
    )
    joined = replace(
        previous, text=f"{head} {sentence.text}", quantities=previous.quantities + shifted
    )
    for total, heads, stated, per, consistent in stated_per_head(joined):
        if stated.start >= offset and total.start < offset:
            yield (
                total,
                heads,
                replace(stated, start=stated.start - offset, end=stated.end - offset),
                per,
                consistent,
            )


def _dated_long_ago(sentence: Sentence) -> bool:
    """ "In 1913 national income of some £2,300 million ...": the bands are today's money; a
    figure of a year before 1950 is judged by no band (prices were another order)."""
    return any(q.kind is Kind.YEAR and q.value < 1950 for q in sentence.quantities)


def _stated_alone(sentence: Sentence, tied: set[int]) -> Iterator[Finding]:
    """Per-head figures tied to no head count, judged by the kind of money and of head."""
    text = sentence.text
    for money in sentence.quantities:
        if money.kind is not Kind.MONEY or money.start in tied:
            continue
        per = per_head_of(text, money)
        if per is None:
            continue
        slip = band_slip(
            money,
            per,
            clause_before(text, money) + text[money.end : money.end + 30],
            text[: money.start],
        )
        if slip is None:
            continue
        fixed = amount(money.value * slip.factor, currency=money.currency)
        step = "a thousand times" if slip.factor > 1 else f"1/{round(1 / slip.factor):,} of"
        message = (
            f"{money.shown} per {per} is implausible for {slip.kind} per {per} "
            f"(plausible: {amount(slip.band[0])}–{amount(slip.band[1])} a year); at {step} the "
            f"figure, {fixed}, it would be ordinary. Check the scale word."
        )
        yield raise_finding(
            PER_HEAD,
            message,
            sentence.location_at(money.start),
            note=sentence.note,
            evidence=re.sub(r"\s+", " ", text.strip()),
        )


# "Its budget", "The agency's budget", "Their payroll": the head count is in the
# sentence before.
_REFERS_BACK = re.compile(
    r"^\W*(?:its|their|the (?:agency|department|ministry|city|state|district|force|"
    r"organi[sz]ation|service|bureau|office|university|company|country)['’]s?)\b"
    # "The pay bill is ...", "This budget ...": a budget that can only be the one just named
    r"|^\W*(?:the|this|that)\s+(?:annual\s+|operating\s+|total\s+|yearly\s+|combined\s+)?"
    r"(?:budget|payroll|pay\s+bill|wage\s+bill|salary\s+bill)\b",
    re.IGNORECASE,
)


# "employs 58,000 people", "has hired some 2,400 people", "staffed by 900 persons": people
# named by a verb of employment are a work force, not a population.
_EMPLOYS = re.compile(
    r"\b(?:employ(?:s|ed|ing)?|hir(?:es|ed|ing)|staffed\s+by|(?:has|had|with)\s+a\s+staff\s+of)"
    r"\s+(?:(?:a\s+total\s+of|about|around|roughly|some|nearly|almost|over|more\s+than|"
    r"fewer\s+than|under|close\s+to|just\s+(?:over|under))\s+)?$",
    re.IGNORECASE,
)


def _employed(sentence: Sentence, quantity: Quantity) -> bool:
    return _EMPLOYS.search(sentence.text[max(0, quantity.start - 40) : quantity.start]) is not None


def _heads(sentence: Sentence, band: Band) -> list[Quantity]:
    if band.heads is GROUP_HEADS:
        if not may_count_groups(sentence):
            return []
        return [
            head
            for head, noun in group_heads(sentence, animals=True)
            if noun not in band.except_heads and not _employed(sentence, head)
        ]
    heads = []
    populations = [head for head, kind in population_heads(sentence) if kind == POPULATION]
    for quantity in sentence.quantities:
        noun = (quantity.noun or "").replace("-", "")
        if quantity.kind is not Kind.COUNT or quantity.low < 10:
            pass
        elif (
            band.per == "employee"
            and noun in {"people", "persons"}
            and _employed(sentence, quantity)
        ):
            heads.append(quantity)  # "employs 58,000 people"
            continue
        elif band.per != "employee" and _employed(sentence, quantity):
            continue  # employees are no population
        if quantity.kind is Kind.COUNT and noun in band.heads and quantity.low >= 10:
            heads.append(quantity)
        elif band.heads is POPULATION_NOUNS and quantity in populations:
            heads.append(quantity)  # "with a population of about 390,000", "67 million of us"
        elif (
            quantity.kind is Kind.COUNT
            and noun in {"work", "labor"}
            and band.per == "employee"
            and "force" in sentence.text[quantity.end : quantity.end + 20].lower()
        ):
            heads.append(quantity)  # "a 58,000 work force", "a 58,000 labor force"
    return heads


def _counts(sentence: Sentence) -> bool:
    return any(q.kind is Kind.COUNT for q in sentence.quantities)


def _judged_money(sentence: Sentence) -> bool:
    """Whether the sentence holds a money figure ``_sentence`` judges (every finding of it
    judges one): the heads of a sentence without one are not looked for."""
    return any(
        money.kind is Kind.MONEY and money.period in {None, "year"} for money in sentence.quantities
    )


def _sentence(
    sentence: Sentence,
    previous: Sentence | None,
    beside: tuple[Sentence, Quantity] | None,
    noted: tuple[Sentence, ...] = (),
) -> Iterator[Finding]:
    judged: set[int] = set()  # money a band's cue named: any group judges none of it
    named = False  # whether a work force or a population is counted: then no group is judged
    for band in BANDS:
        group = band.heads is GROUP_HEADS
        if group and named:
            continue
        heads = [(sentence, head) for head in _heads(sentence, band)]
        if not heads and previous is not None and _REFERS_BACK.match(sentence.text):
            heads = [(previous, head) for head in _heads(previous, band)]
        if not heads and group and previous is not None and not _counts(sentence):
            # "The diocese counts 52,000 worshippers. Last year it spent £8.3 billion ...": a
            # money sentence with no count of its own takes the group of the sentence before
            heads = [(previous, head) for head in _heads(previous, band)]
        if not heads and group and not _counts(sentence):
            # "... spent £5.6 billion on its hall.[^3]" with "3. The lodge has 1,350 brethren.":
            # the group of the note the sentence cites
            heads = [(note, head) for note in noted for head in _heads(note, band)]
        if not heads and band.heads is POPULATION_NOUNS and beside is not None:
            # "... on prisons was £5.9 trillion. The population of England and Wales at the
            # 2021 census was 59.6 million.": a sentence beside it that only gives a population
            heads = [beside]
        if not heads:
            continue
        named = named or band.heads is WORKFORCE or band.heads is POPULATION_NOUNS
        for money in sentence.quantities:
            if money.kind is not Kind.MONEY or money.period not in {None, "year"}:
                continue
            before = sentence.text[max(0, money.start - 60) : money.start]
            after = sentence.text[money.end : money.end + 25]
            yearly_verb = band.spending and money.period == "year" and _YEARLY_VERB.search(before)
            # Per head before the figure ("an average of"), or right after it, in its
            # clause ("$40 per pupil"); not a restatement after a comma.
            own = re.split(r"[,;(]|\bor\b", after, maxsplit=1)[0]
            # "Rs 45 crore a year pays the salaries of 600,000 teachers": the cue after it
            pays = (
                band.spending
                and (
                    _PAYS_FOR.match(sentence.text[money.end : money.end + 40])
                    # "5.2 million residents pay £31m in taxes": what a population pays in tax
                    or _IN_TAX.match(sentence.text[money.end : money.end + 40])
                )
            )
            named_after = band.after_cue is not None and band.after_cue.match(
                sentence.text[money.end : money.end + 60]
            )
            if not (
                band.money_cue.search(before) or yearly_verb or pays or named_after
            ) or _ALREADY_PER_HEAD.search(before[-30:] + " " + own):
                continue
            if group and money.start in judged:
                continue  # a band of named heads, or a group band before, judged it
            judged.add(money.start)
            head_sentence, head = min(
                heads,
                key=lambda pair: (pair[0] is not sentence, abs(pair[1].start - money.start)),
            )
            finding = _judge(sentence, band, money, head_sentence, head)
            if finding is not None:
                yield finding


# A million heads or more is a nation or a region, whose spending per head has a ceiling.
_LARGE_POPULATION = 1_000_000.0

# Currencies of economies whose wages at market rates sit far below the bands' floor.
_LOW_WAGE = frozenset({"INR", "NGN", "KES", "PHP", "VND", "IDR", "THB"})


def _judge(
    sentence: Sentence, band: Band, money: Quantity, head_sentence: Sentence, head: Quantity
) -> Finding | None:
    rate = USD_PER_UNIT.get(money.currency or "")
    if rate is None:
        return None  # a currency without a rough rate: no band to judge by
    # Bands are in US dollars; other currencies are put on them at a rough rate.
    per_low = money.low * rate / head.high
    per_high = money.high * rate / head.low
    # At market rates a year's pay or spending a head in a low-wage economy sits a few times
    # below the bands' floor ("₹36 crore among 3,000 workers": about $1,400 a worker).
    low = band.low / 5 if money.currency in _LOW_WAGE else band.low
    high = band.high
    if band.high_large is not None and head.low >= _LARGE_POPULATION:
        high = band.high_large
    if per_high >= low and per_low <= high:
        return None
    factor = 1000.0 if per_high < low else 0.001
    fixed = per_low * factor, per_high * factor
    if fixed[1] < low or fixed[0] > high:
        return None  # cannot tell which figure is off; no guess
    slip = _slip(money, up=factor > 1)
    per = amount(money.value / head.value, currency=money.currency)
    fixed_per = amount(money.value / head.value * factor, currency=money.currency)
    message = (
        f"{_quote(money)} for {_head(head_sentence, head)} is about {per} per {band.per} a year, "
        f"outside the plausible {amount(band.low)}–{amount(high)}; "
        f"{slip} it would be {fixed_per} per {band.per}. Check the scale word."
    )
    if head_sentence is sentence:
        evidence = sentence.text[min(money.start, head.start) : max(money.end, head.end)]
    else:
        evidence = f"{head_sentence.text.strip()} {sentence.text.strip()}"
    return raise_finding(
        PER_HEAD,
        message,
        sentence.location_at(money.start),
        note=sentence.note,
        evidence=re.sub(r"\s+", " ", evidence),
    )


def _slip(money: Quantity, *, up: bool) -> str:
    word = money.scale_word
    names = {"k": "thousand", "mn": "million", "m": "million", "bn": "billion", "b": "billion"}
    word = names.get(word or "", word)
    if word in _SCALE_STEPS:
        index = _SCALE_STEPS.index(word) + (1 if up else -1)
        if 0 <= index < len(_SCALE_STEPS):
            return f"likely '{_SCALE_STEPS[index]}' for '{word}': at that scale"
        return "at a thousandth of the scale" if not up else "at a thousand times the scale"
    if up:
        return "likely 'thousand' missing: at a thousand times the figure"
    return "at a thousandth of the figure"


def _quote(quantity: Quantity) -> str:
    return quantity.shown


_THROUGH_PERSON = tuple(
    re.compile(rf"(?:[\s-]+[A-Za-z]+){{{n}}}[\s-]+([A-Za-z]+)\b") for n in (1, 2)
)


def _head(sentence: Sentence, head: Quantity) -> str:
    """The head count with its noun, as printed: “58,000-employee”."""
    after = sentence.text[head.end : head.end + 40]
    match = re.match(r"[\s-]*[A-Za-z-]+", after)
    # "62,000 ticket holders", "52,000 regular worshippers": through a group's noun
    for through in _THROUGH_PERSON:
        found = through.match(after)
        if found is not None and is_person_plural(found.group(1).lower()):
            match = found
            break
    tail = match.group() if match else ""
    return f"“{sentence.text[head.start : head.end]}{tail}”"
