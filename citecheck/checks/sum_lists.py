"""The shapes of a list of parts, for ``sums``: where a run of parts begins and ends,
which figures are no parts (lengths of time, dated series, parts of a part), and when
a list one verb gives out is all of its whole.
"""

from __future__ import annotations

import re

from citecheck.checks.numbers import Kind, Quantity

__all__ = [
    "DATED",
    "DURATION",
    "REST_AFTER_SEMICOLON",
    "fits_an_earlier_whole",
    "including_list",
    "inside_bracket_after_part",
    "is_time",
    "one_verb_gives_out",
    "own_verbs",
    "run_before",
]


def fits_an_earlier_whole(
    text: str, total: Quantity, alike: list[Quantity], parts: list[Quantity]
) -> bool:
    """ "9,800 delegates attended the 14 conferences, including 2,300 from overseas": parts of
    a partial list that exceed the figure before their cue may be parts of an earlier one in
    its clause, which holds them; which is their whole cannot be told."""
    least = sum(p.low for p in parts)
    if least <= total.high:
        return False
    return any(
        q.end <= total.start
        and q.high >= least
        and not re.search(r"[;.]", text[q.end : total.start])
        for q in alike
    )


# ", and sold out 60 nights", ", and 95 of them were lent abroad": a new predicate after
# an "including" list, or a subset of the whole, not one more part.
_LIST_ENDS = re.compile(r",\s+and\s+(?:(?=[a-z])|$)", re.IGNORECASE)
_SUBSET = re.compile(r"^\s+of\s+(?:them|these|those)\b", re.IGNORECASE)


def including_list(text: str, parts: list[Quantity]) -> list[Quantity]:
    """The parts an "including" list gives, up to the clause that follows it."""
    for index in range(1, len(parts)):
        between = text[parts[index - 1].end : parts[index].start]
        ends = _LIST_ENDS.search(between)
        if ends is not None and (
            ends.end() < len(between) or _SUBSET.match(text[parts[index].end :])
        ):
            return parts[:index]
    return parts


# A preposition that a gapped verb leaves behind: "610 came from individuals, 388 from ...".
GAPPED_PREP = r"(?:from|to|by|in|on|at|for|as|into|through|via|with)"
ALLOCATION_VERB = re.compile(
    r"^\s+(?:were|was)\s+(?:randomi[sz]ed|allocated|assigned|sent|referred)\b", re.IGNORECASE
)


# "the 12-month follow-up", "a five-year plan": a length, not a count of parts.
DURATION = re.compile(r"^-(?:second|minute|hour|day|week|month|year|decade)s?\b", re.IGNORECASE)


REST_AFTER_SEMICOLON = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?(?:remaining|rest|remainder|balance|other)\b", re.IGNORECASE
)


def inside_bracket_after_part(text: str, part: Quantity, parts: list[Quantity]) -> bool:
    opened = text.rfind("(", 0, part.start)
    if opened < 0 or ")" in text[opened : part.start]:
        return False
    return any(p.end <= opened and not re.search(r"[;)]", text[p.end : opened]) for p in parts)


DATED = re.compile(r"^\s+(?:[a-z]+\s+)?(?:in|by|for)\s+(?:FY\s?)?(?:19|20)\d\d\b", re.IGNORECASE)
TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade"}
)


def is_time(quantity: Quantity) -> bool:
    return quantity.kind is Kind.COUNT and (quantity.noun or "").lower().removesuffix("s") in (
        TIME_UNITS
    )


OWN_VERB = re.compile(
    r"^\s+(?:(?:also|still|now)\s+)?(?:were|was|are|is|had|have|has|did|do|does|said|say|"
    r"reported|work(?:ed|s)?|live[ds]?|[a-z]+ed)\b",
    re.IGNORECASE,
)


def own_verbs(text: str, parts: list[Quantity]) -> int:
    """How many parts have a verb of their own right after them."""
    return sum(1 for q in parts if OWN_VERB.match(text[q.end : q.end + 30]))


def one_verb_gives_out(text: str, parts: list[Quantity]) -> bool:
    """A whole named first and its parts given out by one verb the later parts leave out:
    "Of the 1,240 submissions, 610 came from individuals, 388 from organisations and 142
    from public bodies"; "Of the 412 randomised, 206 were allocated to the intervention
    and 166 to usual care". Three such parts, or two of an allocation, are all the whole."""
    first = re.match(
        rf"^\s+(?:[a-z]+\s+){{1,2}}?(?P<prep>{GAPPED_PREP})\b",
        text[parts[0].end : parts[0].end + 40],
    )
    if first is None:
        return False
    prep = first.group("prep").lower()
    if not all(
        re.match(rf"^\s+{prep}\b", text[q.end : q.end + 10], re.IGNORECASE) for q in parts[1:]
    ):
        return False
    return len(parts) >= 3 or bool(ALLOCATION_VERB.match(text[parts[0].end :]))


def run_before(text: str, figures: list[Quantity], position: int) -> list[Quantity]:
    """The run of figures joined by commas and "and" that ends last before ``position``."""
    run: list[Quantity] = []
    for figure in reversed(figures):
        # "1,420, 980 and 655", "£1.9m on housing and £1.7m", "Housing received £1.9m and
        # transport £1.7m": commas and "and", perhaps with a gapped subject or object.
        gap = text[figure.end : run[0].start] if run else ""
        # Or in brackets after their names: "defence (£52bn), education (£81bn) and health (".
        if (
            run
            and not re.fullmatch(
                # a part's name may hold an "and": "tickets £41.2m, food and drink £18.6m"
                r"(?:\s+[a-z][\w'’-]*){0,3}[\s,]*(?:and\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}"
                r"|,\s+[a-z][\w'’-]*\s+and\s+[a-z][\w'’-]*\s+",
                gap,
            )
            and not re.fullmatch(r"\),?\s+(?:and\s+)?(?:[A-Za-z][\w'’-]*\s+){1,3}\(", gap)
        ):
            break
        run.insert(0, figure)
    return run
