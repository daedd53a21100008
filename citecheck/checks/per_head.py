"""Stated per-head figures: a total, a head count and the per-head figure the text gives.

"Annual profits of $2.9 million, or more than $34,000 per employee" for a
retailer "which employs 85,000 people": $2.9 million over 85,000 is $34, so
the stated figure cannot follow from the others. Every way of writing "per
head" is read: "per employee", "per pupil", "per inhabitant", "a head",
"per capita", "each", "apiece", "for each of the city's 1.9 million
inhabitants", "for every resident". The per-head figure must restate the
total ("or", "an average of", "works out at", "equivalent to", an
apposition) in the same sentence, and the head count must be a count of
people or units named in the sentence. The rule fires only when no reading
of the three printed figures fits (each is an interval, see ``intervals``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.currencies import SIGN_CHARS
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Sentence

__all__ = ["HEAD_NOUNS", "describe", "per_head_of", "stated_per_head"]

# Heads a money figure may be "a" of: "£8,000 a pupil", "$40 a resident".
HEAD_NOUNS = (
    r"pupil|student|child|patient|resident|inhabitant|citizen|household|employee|worker|member|"
    r"family|adult|taxpayer|voter|user|subscriber|customer|passenger|visitor|participant"
)

_PER_HEAD = re.compile(
    # "€150m of output per employee", "£3,000 in debt per household": what the figure is of
    r"^\s*(?:(?:of|in)\s+(?:[a-z][\w'’-]*\s+){1,3}(?=(?:a|per|for)\s))?"
    r"\s*(?:(?:a|per)\s+(?:head|capita|person|people)\b|per[ -]capita\b|each\b|apiece\b"
    # "£8,000 a pupil", "$40 a resident": "a" before a kind of head
    rf"|an?\s+(?P<a_per>{HEAD_NOUNS})\b"
    # "for every man, woman and child", "per man, woman and child": everyone, a person each
    r"|(?:for\s+)?(?:per|each|every)\s+(?P<everyone>man,?\s+woman\s+and\s+child)\b"
    r"|per\s+(?P<per>[a-z]+)\b|for\s+(?:each|every)\s+(?:one\s+)?(?:of\s+)?(?P<every>[a-z'’]+)?)",
    re.IGNORECASE,
)
_PERIODS = frozenset({"year", "annum", "month", "week", "day", "hour", "cent", "minute", "second"})
# Between the total and its per-head restatement.
_RESTATES = re.compile(
    r"\bor\b|\bequals?\b|\bequall?ed\b|\bworks?\s+out\b|\bworking\s+out\b|\bwill\s+work\s+out\b|\bequivalent\b|\bequal\s+to\b|"
    r"\ban?\s+average\s+of\b|\baveraging\b|\bon\s+average\b|\bwhich\s+is\b|\bthat\s+is\b|\bthat['’]s\b|\bi\.e\.|\bmeans?\b|"
    r"\b(?:comes?|came|coming)\s+to\b|\bamount(?:s|ed|ing)?\s+to\b|\bworked\s+out\b|\bmeant\b|"
    r"\bequat(?:es|ed|ing)\s+to\b|\btranslat(?:es|ed|ing)\s+"
    r"(?:in)?to\b|"
    # "raised £4.5m from a town of 30,000: £150 for every man, woman and child"
    r":\s*(?:(?:about|roughly|some|nearly|almost|around|more\s+than|over|just\s+over|"
    r"less\s+than|under)\s+)?$|"
    r"\brepresent(?:s|ed|ing)?\b|—|\s[-–]\s|\(|,\s*(?:or\s+)?(?:about|roughly|some|nearly|"
    r"almost|around|more\s+than|over|just\s+over|less\s+than|under)?\s*$",
    re.IGNORECASE,
)


# A head and a verb that restates the total's quantity, right before the figure: "each
# employee generated about R4,500", "every member contributed some £30".
_EACH_BEFORE = re.compile(
    rf"\b(?:each|every|the\s+average)\s+(?P<head>(?:{HEAD_NOUNS})s?)\s+(?:(?:has|have|had)\s+)?"
    r"(?:generated|generates|generate|produced|produces|brought\s+in|brings\s+in|"
    r"accounted\s+for|accounts\s+for|contributed|contributes|represented|represents)\s+"
    r"(?:(?:about|roughly|some|nearly|almost|around|approximately|more\s+than|over|"
    r"just\s+over|just\s+under|an\s+average\s+of)\s+)?$",
    re.IGNORECASE,
)
# A per-head cue before the figure, in its clause: "staff costs per employee rose to
# £46.2 million", "Per capita net state domestic product reached Rs 1.9 lakh crore",
# "GDP per capita, at more than $120,000".
_PER_HEAD_BEFORE = re.compile(
    r"\b(?:per[ -](?P<capita>capita|head)|per\s+(?P<per>(?!cent\b)[a-z]+))\b"
    rf"(?P<rest>[^;{SIGN_CHARS}]{{0,60}})$",
    re.IGNORECASE,
)
# The figure is what the per-head phrase is, reached or stood at: "rose to", "reached",
# "was", ", at more than", "sit at about".
_LINKS_TO_FIGURE = re.compile(
    r"(?:\b(?:to|at|of|was|is|were|are|reached|averaged|averages|hit|totalled|totaled|stood|"
    r"stands|came\s+to)|,)\s+(?:(?:about|roughly|nearly|almost|some|around|approximately|"
    r"more\s+than|over|just|under|less\s+than|an\s+estimated|a\s+record)\s+)*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|and\s+(?:the|its|total))\b|;", re.IGNORECASE)


def per_head_of(text: str, money: Quantity) -> str | None:
    """What ``money`` is per ("employee", "resident", "head"), if it is a per-head figure."""
    cue = _PER_HEAD.match(text[money.end : money.end + 60])
    if cue is not None and (cue.group("per") or "").lower() not in _PERIODS:
        if re.match(r"\s*(?:each|apiece)\b", cue.group(), re.IGNORECASE):
            # "$30 million each" may be per contract: no kind of head to judge by
            return "each"
        if cue.group("everyone"):
            return "person"
        per = (cue.group("per") or cue.group("a_per") or cue.group("every") or "head").lower()
        if per in {"the", "its", "their", "our", "his", "her", "this", "these"} or per.endswith(
            ("'s", "’s")
        ):
            return "head"  # "for each of the city's 1.9 million inhabitants"
        if cue.group("every") and text[money.end + cue.start("every")].isupper():
            return cue.group("every")  # "for every Australian": keep the capital
        return per
    window = text[max(0, money.start - 90) : money.start]
    before = _PER_HEAD_BEFORE.search(window)
    if before is None or _CLAUSE_BREAK.search(before.group("rest")):
        return None
    if re.search(r"\d[\d,.]*(?:\s*[a-z]{1,8})?\s*$", window[: before.start()], re.IGNORECASE):
        return None  # "£4,500 per pupil, or £1.2m": the cue is the figure's before it
    if not _LINKS_TO_FIGURE.search(window):
        return None  # "Spending per pupil has been cut since the council lost £40 million"
    if before.group("capita"):
        return before.group("capita").lower()
    per = before.group("per").lower()
    return None if per in _PERIODS or per in {"the", "a", "an"} else per


def stated_per_head(
    sentence: Sentence,
) -> Iterator[tuple[Quantity, Quantity, Quantity, str, bool]]:
    """(total, heads, stated per-head, per, consistent) for each stated per-head figure that
    restates a total over a head count in the sentence."""
    text = sentence.text
    money = [q for q in sentence.quantities if q.kind is Kind.MONEY]
    counts = [q for q in sentence.quantities if q.kind is Kind.COUNT and q.low >= 2]
    for stated in money:
        cue = _PER_HEAD.match(text[stated.end : stated.end + 60])
        # "..., each employee generated about R4,500": the head before the figure
        lead = _EACH_BEFORE.search(text[max(0, stated.start - 60) : stated.start])
        if lead is not None and cue is None:
            per = lead.group("head").lower().rstrip("s")
        elif cue is None or (cue.group("per") or "").lower() in _PERIODS:
            continue
        else:
            per = per_head_of(text, stated) or "head"
            per = "head" if per == "each" else per
        totals = [
            q
            for q in money
            if q is not stated
            and q.currency == stated.currency
            and (q.period == stated.period or None in {q.period, stated.period})
            # a total smaller than its per-head figure is a slip when the heads come between
            # them: "raised A$14m with a team of 35, or A$400m per employee"
            and (q.value > stated.value or q.end <= stated.start)
            and not _PER_HEAD.match(text[q.end : q.end + 30])
        ]
        if not totals:
            continue
        # The nearest total, before the per-head figure or after it ("£4,500 per pupil, or
        # £540,000 for the school's 1,200 pupils").
        total = min(totals, key=lambda q: abs(q.start - stated.start))
        between = text[min(total.end, stated.end) : max(total.start, stated.start)]
        restated = _RESTATES.search(between)
        if lead is not None and cue is None and total.end <= stated.start:
            # "R18.9bn, each employee ...", "R180m came from its 600 workers: each ..."
            between = between[: len(between) - len(lead.group())]
            restated = _RESTATES.search(between) or re.search(r"[,:]\s*$", between)
        if ";" in between or len(between) > 120 or not restated:
            continue
        # "£50m for each of its 500,000 residents": the heads the cue names count, whatever
        # kind of head "each" stood for
        heads = [
            c
            for c in counts
            if _counts(text, c, per.lower()) or _EACH_OF.fullmatch(text[stated.end : c.start])
        ]
        if not heads:
            continue
        # "£160,000 for each of its 7,500 staff": the cue names its heads
        named = [c for c in heads if _EACH_OF.fullmatch(text[stated.end : c.start])]
        head = named[0] if named else min(heads, key=lambda c: abs(c.start - stated.start))
        tied = (
            total.end <= head.start < stated.start
            or _PER_FOR.fullmatch(text[stated.end : head.start])
            or (named and total.end <= stated.start)  # "£25m, or £50m for each of its 500,000"
        )
        if total.value <= stated.value and not tied:
            continue
        low, high = total.low / head.high, total.high / head.low
        yield total, head, stated, per, not (stated.high < low or stated.low > high)


_EACH_OF = re.compile(
    r"\s*(?:for|to|on)?\s*(?:each|every|any)\s+of\s+(?:the|its|their|our|this|these|"
    r"[A-Za-z][\w-]*['’]s?)\s+(?:[a-z][\w-]*\s+)?",
    re.IGNORECASE,
)
# The heads named right after the per-head cue: "£1.3m per bed for its 920 beds".
_PER_FOR = re.compile(
    r"\s*(?:per|a|an)\s+[a-z][\w-]*\s+(?:for|across|among|of)\s+(?:the|its|their|our|"
    r"[A-Za-z][\w-]*['’]s?)\s+(?:[a-z][\w-]*\s+)?",
    re.IGNORECASE,
)
_POPULATION_PER = frozenset(
    {"head", "capita", "person", "people", "resident", "inhabitant", "citizen"}
)


def _counts(text: str, count: Quantity, per: str) -> bool:
    """Whether ``count`` counts what "per ``per``" divides by ("employee" and "85,000 people").

    The noun may follow an adjective or two ("40,000 former employees", "2.0 million
    eligible pupils"), and a population may be named before the count ("for a
    population of 1.3 million").
    """
    if per.rstrip("s") in _POPULATION_PER and re.search(
        r"\bpopulation\s+of\s+(?:about\s+|some\s+|around\s+)?$", text[: count.start]
    ):
        return True
    # "shared among 3,200 pluckers and factory hands", "divided between its 450 members": the
    # total given out over these heads, whatever their noun
    if re.search(
        r"\b(?:shared|divided|split|spread|distributed|paid\s+out)\s+(?:among|amongst|between|"
        r"across|over)\s+(?:(?:its|their|the|some|about|around|roughly|nearly)\s+)?$",
        text[: count.start],
        re.IGNORECASE,
    ):
        return True
    # "with a staff of 50", "a team of 35", "a workforce of 1,200": the heads named before
    if per.rstrip("s") in _WORKFORCE_PER and re.search(
        r"\b(?:staff|team|workforce|headcount|payroll|membership)\s+of\s+"
        r"(?:about\s+|some\s+|around\s+|just\s+|only\s+)?$",
        text[: count.start],
        re.IGNORECASE,
    ):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", text[count.end : count.end + 40])[:3]
    nouns = [(count.noun or "").lower()] + [w.lower() for w in words[1:] if count.noun]
    return any(_counts_noun(noun, per) for noun in nouns)


# Heads of one kind count each other: "per resident" and "300,000 people", "per employee"
# and "240,000 workers".
_POPULATION_NOUNS = frozenset(
    {"people", "persons", "residents", "inhabitants", "citizens", "population", "population's"}
)
_WORKFORCE_PER = frozenset({"employee", "worker", "member", "staff", "officer"})
_WORKFORCE_NOUNS = frozenset(
    {"people", "staff", "employees", "workers", "members", "personnel", "workforce", "officers"}
)


def _counts_noun(noun: str, per: str) -> bool:
    if not noun or noun in {"a", "an", "the", "of", "in", "and", "or", "to", "per", "each"}:
        return False
    if per in {"head", "capita", "person", "people"}:
        return True
    if per.rstrip("s") in _POPULATION_PER and noun in _POPULATION_NOUNS:
        return True
    stem = per.rstrip("s")
    return noun.rstrip("s").startswith(stem[: max(4, len(stem) - 2)]) or (
        stem in _WORKFORCE_PER and noun in _WORKFORCE_NOUNS
    )


def describe(total: Quantity, head: Quantity, stated: Quantity, per: str) -> str:
    """The message: what total / heads gives, against the stated figure."""
    currency = total.currency
    low, high = total.low / head.high, total.high / head.low
    heads = f"“{head.text} {head.noun}”" if head.noun else head.shown
    return (
        f"{stated.shown} per {per} does not follow from {total.shown} for {heads}: that is "
        f"{amount(low, currency=currency)}–{amount(high, currency=currency)} per {per}. "
        "Check the scale words (thousand, million, billion) of the three figures."
    )
