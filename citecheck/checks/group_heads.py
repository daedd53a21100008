"""Head counts of any counted group of people, by the shape of the noun, not a list of them.

Round 17: the per-head bands met heads only by listed nouns (employees, residents, pupils,
...), and new hands count other groups: "its 2,300 parishioners", "18,500 finishers", "1,250
members", "62,000 ticket holders", "720 boarders", "a 95-strong group", "a 34-member
ensemble", "a membership of 410". A group is a count followed, past at most two modifiers
("regular", "paying", "plot"), by a plural noun of a person: an agent noun ("-ers", "-ors",
"-ists", "-ians", "-ants", "-ents", "-ees"), or one of the few person plurals of no such shape
("members", "monks", "guests", "fans"), less the things of those shapes ("containers",
"plants", "events", "fees"). ``scale`` judges money per member of such a group only where no
work force or population reading applies, by a wide band of its own.
"""

from __future__ import annotations

import re

from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Sentence

__all__ = ["group_heads", "is_person_plural", "may_count_groups"]

_PERSON_PLURALS = frozenset(
    {
        "members",
        "people",
        "persons",
        "monks",
        "nuns",
        "hermits",
        "brethren",
        "pilgrims",
        "inmates",
        "victims",
        "evacuees",
        "friars",
        "guests",
        "fans",
        "children",
        "adults",
        "men",
        "women",
        "families",
        "households",
        "pupils",
        "clergy",
        "faithful",
        "congregants",
        "alumni",
        "cadets",
        "scouts",
        "guides",
        "athletes",
        "delegates",
        "tenants",
        "patrons",
        "clients",
        "users",
        "youths",
        "staff",
        "crew",
        "volunteers",
        "veterans",
        "peers",
        "souls",
    }
)
# Agent nouns: "finishers", "worshippers", "visitors", "cyclists", "musicians", "tenants",
# "residents", "trainees".
_AGENT = re.compile(r"[a-z]{2,}(?:ers|ors|ists|ians|ants|ents|ees|eers)$")
# Things of an agent noun's shape; and money, time and places, which a count may also name.
_NOT_PEOPLE = frozenset(
    {
        "containers",
        "computers",
        "servers",
        "printers",
        "chargers",
        "trailers",
        "tankers",
        "towers",
        "papers",
        "orders",
        "letters",
        "numbers",
        "chapters",
        "layers",
        "rivers",
        "centers",
        "centres",
        "shelters",
        "clusters",
        "filters",
        "transfers",
        "offers",
        "answers",
        "matters",
        "quarters",
        "headquarters",
        "waters",
        "corners",
        "covers",
        "markers",
        "boilers",
        "heaters",
        "meters",
        "litres",
        "liters",
        "metres",
        "kilometers",
        "kilometres",
        "barrels",
        "members'",
        "monitors",
        "motors",
        "sensors",
        "reactors",
        "sectors",
        "factors",
        "doors",
        "floors",
        "vectors",
        "tractors",
        "generators",
        "elevators",
        "indicators",
        "processors",
        "compressors",
        "radiators",
        "colors",
        "colours",
        "errors",
        "mirrors",
        "corridors",
        "plants",
        "grants",
        "restaurants",
        "implants",
        "events",
        "documents",
        "payments",
        "segments",
        "shipments",
        "instruments",
        "tournaments",
        "moments",
        "elements",
        "components",
        "apartments",
        "comments",
        "departments",
        "governments",
        "parents'",
        "percents",
        "cents",
        "agents'",
        "fees",
        "degrees",
        "trees",
        "committees",
        "decrees",
        "lists",
        "twists",
        "years",
        "hours",
        "others",
        "thousands",
        "millions",
        "billions",
        "dollars",
        "euros",
        "pounds",
        "rupees",
        "yen",
        "players'",
        "speakers",
        "burners",
        "stickers",
        "posters",
        "banners",
        "folders",
        "rollers",
        "lockers",
        "blenders",
        "freezers",
        "coolers",
        "towns",
        "cities",
        "countries",
        "districts",
        "councils",
        "members-only",
    }
)
# Animals kept and paid for ("the zoo's 640 animals", "a yard of 40 horses"): heads of what is
# spent on them (``scale``), never of what people eat or drink (an elephant eats 50 tonnes).
_ANIMALS = frozenset(
    {
        "animals",
        "horses",
        "ponies",
        "donkeys",
        "cattle",
        "cows",
        "sheep",
        "pigs",
        "goats",
        "dogs",
        "cats",
        "pets",
        "birds",
        "hens",
        "chickens",
        "elephants",
        "species",
        "hounds",
    }
)
_WORD = re.compile(r"[\s-]*([A-Za-z'’]+)")
# "a 95-strong group", "a 34-member ensemble", "a 410-seat"? (no: seats are no people)
_STRONG = re.compile(r"^-?\s*(?:strong|member|person|people)\b", re.IGNORECASE)
# "a membership of 410", "a congregation of 2,300", "a community of 38 monks"
_GROUP_OF = re.compile(
    r"\b(?:membership|congregation|community|roll|electorate|flock|following|fan\s+base|"
    r"readership|audience|attendance|turnout|field|intake|cohort)\s+of\s+"
    r"(?:(?:only|just|about|around|roughly|some|nearly|almost|over|under|more\s+than)\s+)*$",
    re.IGNORECASE,
)
# Cheap front: a sentence none of whose counts is followed by a plural word, "-strong" or
# "-member", nor preceded by "... of", holds no group.
_FRONT = re.compile(r"(?:s\b|strong\b|member\b|\bof\s+[\d(])", re.IGNORECASE)


def is_person_plural(word: str) -> bool:
    """Whether ``word`` (lower case) is the plural noun of a kind of person."""
    if word in _NOT_PEOPLE:
        return False
    return word in _PERSON_PLURALS or _AGENT.fullmatch(word) is not None


def may_count_groups(sentence: Sentence) -> bool:
    """The cheap necessary condition for ``group_heads`` to find anything."""
    return (
        any(q.kind is Kind.COUNT and q.low >= 10 for q in sentence.quantities)
        and _FRONT.search(sentence.text) is not None
    )


def group_heads(sentence: Sentence, *, animals: bool = False) -> list[tuple[Quantity, str]]:
    """The sentence's counts of a group of people (with ``animals``, of animals kept too),
    however the group is named, each with its noun ("" for "a 95-strong group" and "a
    membership of 410")."""
    text = sentence.text
    heads: list[tuple[Quantity, str]] = []
    for count in sentence.quantities:
        if count.kind is not Kind.COUNT or count.low < 10 or count.period is not None:
            continue
        after = text[count.end : count.end + 60]
        noun = _person_after(after, animals=animals)
        if noun is not None:
            heads.append((count, noun))
        elif _STRONG.match(after) or _GROUP_OF.search(text[max(0, count.start - 40) : count.start]):
            heads.append((count, ""))
    return heads


_STOPS = frozenset({"of", "and", "or", "in", "a", "an", "the", "per", "for", "to", "from"})


def _person_after(after: str, *, animals: bool = False) -> str | None:
    """The person plural right after a count, past at most two modifiers ("regular worshippers",
    "plot holders"), or None."""
    position = 0
    for _ in range(3):
        match = _WORD.match(after, position)
        if match is None:
            return None
        word = match.group(1).lower().rstrip("'’")
        if is_person_plural(word) or (animals and word in _ANIMALS):
            return word
        if word in _STOPS:
            return None
        position = match.end()
    return None
