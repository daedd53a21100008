"""Shares that each have their own verb but name answers that exclude each other.

"46 per cent supported the proposal, 39 per cent opposed it and 23 per cent
expressed no view"; "41% had recovered fully, 38% had recovered partially and
29% showed no improvement"; "68 per cent were owner-occupiers, 31 per cent
rented privately"; "52% settled, 34% were dismissed and 21% proceeded to
trial". Each share has its own predicate, so nothing in the grammar says they
are of one whole; but the predicates are the answers of one question: two of
them are members of one family of exclusive answers (support / oppose / no
view, own / rent, settled / dismissed / tried, recovered fully / partially /
not at all), or the last is the question's residual ("no view", "no
improvement", "neither"). Attributes that may overlap ("58% were men, 47% were
aged 65 or over") name no such family and stay unchecked.
"""

from __future__ import annotations

import itertools
import re

from citecheck.checks.numbers import Quantity

__all__ = ["exclusive_answers"]

# Each family lists answers that exclude one another; each answer is one pattern.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    (
        r"support(?:ed|s)?|backed|in\s+favou?r|approv(?:ed|e)|agreed?",
        r"oppos(?:ed|e)|against|disapprov(?:ed|e)|disagreed?|rejected",
    ),
    (r"satisfied", r"dissatisfied|unsatisfied"),
    (
        r"owner[- ]occupiers?|own(?:ed|s)?\s+(?:their|the|a)|owners?|homeowners?|mortgage",
        r"rent(?:ed|s|ing)?|renters?|tenants?",
        r"social\s+housing|council\s+housing|housing\s+associations?",
    ),
    (
        r"settled|settlement",
        r"dismissed|struck\s+out",
        r"(?:proceeded|went|go|going)\s+to\s+(?:trial|a\s+hearing)|tried|trial",
        r"withdrawn|abandoned|discontinued",
        r"upheld|allowed|granted|succeeded",
        r"refused|declined|failed",
    ),
    (
        r"fully|full\s+recovery|completely",
        r"partially|partly|partial",
        r"no\s+improvement|not\s+at\s+all|unchanged|worsened|deteriorated|died",
    ),
    (r"passed", r"failed"),
    (r"\bwon\b", r"\blost\b"),
    # what a leaver or a graduate went on to: work, study, or neither yet
    (
        r"into\s+(?:jobs?|work|employment)|in\s+(?:work|employment|a\s+job|jobs)|employed|"
        r"found\s+(?:a\s+)?(?:jobs?|work|employment)",
        r"further\s+(?:study|studies|education|training)|postgraduate|in\s+(?:education|training)|"
        r"(?:back\s+)?to\s+(?:university|college)|studying",
        r"looking\s+for\s+(?:work|a\s+job|jobs)|seeking\s+(?:work|a\s+job)|unemployed|"
        r"out\s+of\s+work|jobless|without\s+(?:a\s+)?(?:job|work)",
        r"retired|inactive",
    ),
    # one religion each (denominations of one faith are one answer)
    (
        r"christians?|catholics?|protestants?|anglicans?|church\s+of\s+england|orthodox",
        r"muslims?|islam",
        r"hindus?",
        r"sikhs?",
        r"jewish|jews",
        r"buddhists?",
        r"no\s+religion|non-religious|not\s+religious|atheists?|no\s+faith",
    ),
    # how one trip is made
    (
        r"by\s+car|dr(?:ove|ive|ives|iving)|(?:are|were|is|was|get|gets|got)\s+driven|by\s+road",
        r"by\s+(?:bus|coach)|(?:take|takes|took|taking|catch|catches|caught|ride|rides)\s+(?:the|a)\s+"
        r"(?:bus|coach)",
        r"by\s+(?:train|rail|tram|underground|metro)|(?:take|takes|took|taking|catch|catches|caught)\s+"
        r"(?:the|a)\s+(?:train|tram|underground|metro|tube)",
        r"on\s+foot|walk(?:s|ed|ing)?\b",
        r"by\s+(?:bicycle|bike)|cycl(?:e|es|ed|ing)\b",
        r"by\s+air|flew|fly|flies|by\s+sea|by\s+ferry",
    ),
    (r"\b(?:men|male|males|boys)\b", r"\b(?:women|female|females|girls)\b"),
    (
        r"\bmarried\b",
        r"\b(?:single|unmarried|never\s+married)\b",
        r"\b(?:divorced|separated)\b",
        r"\bwidowed\b",
    ),
    (r"full[- ]time", r"part[- ]time"),
    # one contract each
    (
        r"permanent|open[- ]ended",
        r"fixed[- ]term|temporary|short[- ]term\s+contracts?",
        r"agency|zero[- ]hours?|casual|freelance|self[- ]employed",
    ),
    # one weight band each
    (
        r"\bobese\b|obesity",
        r"\boverweight\b",
        r"(?:normal|healthy)\s+weight",
        r"\bunderweight\b",
    ),
    # one use of each piece of land
    (
        r"forest(?:ed|ry)?|wood(?:land|ed)",
        r"farm(?:ed|land|ing)?|arable|pasture|grazing|agricultur(?:e|al)|cultivated|crops?",
        r"urban|built[- ]up|built\s+on|developed",
        r"water|wetlands?|lakes?",
    ),
    # sold, made or based at home or abroad
    (
        r"\bdomestic(?:ally)?\b|at\s+home|home\s+market",
        r"\babroad\b|overseas|export(?:ed|s)?\b|foreign",
    ),
    # age bands
    (
        r"over\s+\d+|\d+\s+(?:and|or)\s+(?:over|older)|older\s+than|elderly|pensioners",
        r"aged\s+(?:between\s+)?\d+\s*(?:to|-|–|and)\s*\d+|working[- ]age|adults",
        r"children|under\s+\d+|younger\s+than|minors|infants",
    ),
    (r"\burban\b|in\s+(?:towns|cities)", r"\brural\b|in\s+the\s+countryside"),
)
_COMPILED = tuple(
    tuple(re.compile(rf"\b(?:{answer})\b", re.IGNORECASE) for answer in family)
    for family in _FAMILIES
)
# Families whose answers are habits or states that may be held together (working and studying
# part-time; driving some days and taking the bus on others): exclusive only among three or
# more shares, or when the question asks for one answer ("mainly", "usually").
_HABITS = frozenset(
    index
    for index, family in enumerate(_FAMILIES)
    if family[0].startswith((r"into\s+(?:jobs", r"by\s+car"))
)
_ONE_ANSWER = re.compile(
    r"\b(?:main|mainly|mostly|usual|usually|normally|single|chiefly|principal|main\s+way)\b",
    re.IGNORECASE,
)
# How often or how far: answers so qualified may overlap ("sometimes take the bus").
_FREQUENCY = re.compile(
    r"\b(?:sometimes|occasionally|often|at\s+least|ever|also|as\s+well|too|regularly|"
    r"(?:on\s+)?(?:some|most)\s+days|from\s+time\s+to\s+time)\b",
    re.IGNORECASE,
)
# The last answer of one question: "expressed no view", "showed no improvement", "neither".
_RESIDUAL = re.compile(
    # not "neither": "62 per cent coffee, 48 per cent tea and 30 per cent neither" may overlap
    r"^[^,;]{0,25}?\b(?:no\s+(?:view|opinion|preference|improvement|change|answer)|"
    r"undecided|unsure|don['’]t\s+know|did\s+not\s+know|either\s+way)\b",
    re.IGNORECASE,
)


# Answers about parts may overlap: "60 per cent were in favour and 55 per cent were against
# some part of it".
_PARTIAL = re.compile(r"\b(?:some|parts?|aspects?|elements?)\s+of\b", re.IGNORECASE)


def exclusive_answers(text: str, shares: list[Quantity]) -> bool:
    """Whether the shares' predicates are exclusive answers of one question."""
    predicates = [
        text[share.end : following.start] for share, following in itertools.pairwise(shares)
    ]
    predicates.append(re.split(r"[;.]", text[shares[-1].end : shares[-1].end + 50])[0])
    if len(shares) >= 3 and _one_point_each(predicates):
        return True
    if any(_PARTIAL.search(p) or _FREQUENCY.search(p) for p in predicates):
        return False
    habits = len(shares) >= 3 or bool(_ONE_ANSWER.search(text[: shares[1].start]))
    # Two shares give two different answers of one family, one answer each.
    if _one_answer_each(predicates, habits=habits):
        return True
    # Or the answers are the shares' subjects: "Women make up 55% of the workforce and men 48%".
    clause_start = max(text.rfind(";", 0, shares[0].start), text.rfind(",", 0, shares[0].start), 0)
    subjects = [text[clause_start : shares[0].start]] + [
        re.sub(r"^\s+of\s+(?:the\s+)?[\w'’-]+", "", text[a.end : b.start])
        for a, b in itertools.pairwise(shares)
    ]
    if _one_answer_each(subjects, habits=habits):
        return True
    # The question's residual answer, anywhere in the list: "45% expect to hire, 40% expect no
    # change and 25% expect to cut".
    return len(shares) >= 3 and any(_RESIDUAL.match(p) for p in predicates)


# One point each of a frequency scale, an end of it among them: "62% said they always felt
# safe, 31% sometimes felt unsafe and 19% never felt safe" answers one question.
_SCALE = (
    r"always|all\s+the\s+time",
    r"usually|mostly|often|most\s+of\s+the\s+time|frequently",
    r"sometimes|occasionally|now\s+and\s+then|from\s+time\s+to\s+time",
    r"rarely|seldom|hardly\s+ever",
    r"never|not\s+at\s+all",
)
_SCALE_WORDS = frozenset(
    {
        "always",
        "all",
        "the",
        "time",
        "usually",
        "mostly",
        "often",
        "most",
        "frequently",
        "sometimes",
        "occasionally",
        "now",
        "and",
        "then",
        "from",
        "rarely",
        "seldom",
        "hardly",
        "ever",
        "never",
        "not",
    }
)
_FILLERS = frozenset({"they", "them", "their", "was", "were", "are", "per", "cent", "percent"})
_SCALE_POINTS = tuple(re.compile(rf"\b(?:{point})\b", re.IGNORECASE) for point in _SCALE)


def _one_point_each(predicates: list[str]) -> bool:
    """Every predicate names one point of the frequency scale, each a different one, and one
    of them is an end ("always", "never")."""
    points = []
    for predicate in predicates:
        hits = [i for i, point in enumerate(_SCALE_POINTS) if point.search(predicate)]
        if len(hits) != 1:
            return False
        points.append(hits[0])
    ends = {0, len(_SCALE) - 1}
    if len(set(points)) != len(points) or not ends & set(points):
        return False
    # One question: a word the answers share ("said", "felt"), not three habits ("always
    # wear a belt, sometimes speed, never use the phone").
    words = [{w.lower() for w in re.findall(r"[A-Za-z]{3,}", p)} - _SCALE_WORDS for p in predicates]
    return bool(set.intersection(*words) - _FILLERS)


def _one_answer_each(predicates: list[str], *, habits: bool) -> bool:
    """Two of the predicates give two different answers of one family, one answer each."""
    for index, family in enumerate(_COMPILED):
        if index in _HABITS and not habits:
            continue
        hits = [
            {index for index, answer in enumerate(family) if answer.search(p)} for p in predicates
        ]
        members = set().union(*hits)
        if len(members) >= 2 and sum(1 for h in hits if len(h) == 1) >= 2:
            return True
    return False
