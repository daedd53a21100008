"""Shares that one predicate gives out, so of one whole: the grammar of a share list.

* a share verb the later shares leave out ("coal provided 41 per cent of
  generation, gas 34 per cent and nuclear 9 per cent");
* a whole named first, the later verbs left out ("Of last year's arrivals,
  44% came by sea, 39% by air and 23% overland");
* a composition ("The portfolio is 52% equities, 38% bonds and 15% property");
* shares as the subjects of one verb ("48% backed the mayor, 39% her
  challenger and 21% were undecided"), or outcomes of one process ("49 per
  cent were upheld, 34 per cent rejected");
* the yes and the no of one ballot.
"""

from __future__ import annotations

import itertools
import re

from citecheck.checks.numbers import Quantity
from citecheck.checks.percent_readings import CHANGE_AFTER

__all__ = ["each_given", "one_predicate", "one_preposition", "yes_and_no"]


# "coal provided 41 per cent of generation, gas 34 per cent ...": a verb that gives shares.
_SHARE_VERB = re.compile(
    r"\b(?:provided|provides|supplied|supplies|generated|generates|accounted\s+for|accounts\s+for|"
    r"made\s+up|makes\s+up|make\s+up|account\s+for|won|wins|took|takes|received|receives|got|"
    r"captured|secured|polled|own|owns|owned|hold|holds|held|control|controls|controlled|"
    r"comprise|comprises|comprised|constitute|constitutes|constituted|occupy|occupies|"
    r"provide|supply|generate|represent|contribute|produce|receive|take|win|capture|secure|"
    r"represented|represents|contributed|contributes|produced|produces|"
    # "Arable land covers 62% of the farm", "Industry uses 40% of the water"
    r"covers?|covered|uses?|used|takes?\s+up|took\s+up|fills?|filled|employs?|employed|"
    r"attracts?|attracted|draws?|drew|forms?|formed|earns?|earned|consumes?|consumed|emits?|"
    r"emitted|(?:is|are|was|were)\s+responsible\s+for|comes?|came|derives?|derived|"
    r"making\s+up|accounting\s+for|taking|providing|representing|generating|supplying)\s+"
    r"(?:the\s+(?:other|remaining)\s+|another\s+|a\s+further\s+)?"
    r"(?:(?:about|some|nearly|almost|roughly|around|just)\s+)?$",
    re.IGNORECASE,
)
# "The portfolio is 52% equities, 38% bonds and 15% property": a composition.
# An aside may stand between the copula and the shares: "were, according to the census, 62 per
# cent European".
_COPULA = re.compile(
    r"\b(?:is|was|are|were)(?:\s*,\s*[^,;()]{3,40},|\s*\([^()]{3,40}\))?\s+(?:now\s+)?"
    # "is about 65% oxygen": a hedge before the first share
    r"(?:(?:about|roughly|around|some|nearly|almost|approximately|just\s+(?:over|under))\s+)?$",
    re.IGNORECASE,
)
_SEPARATOR = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
# A later share with its verb left out: ", gas 34 per cent", ", 39% by air".
_GAPPED_BEFORE = re.compile(rf"^{_SEPARATOR}(?:[A-Za-z][\w'’-]*\s+){{0,5}}$", re.IGNORECASE)
# A later share of "48% backed the mayor, 39% her challenger": the verb left out,
# its object right after the share.
_GAPPED_OBJECT = re.compile(
    r"^\s+(?:the|a|an|her|his|their|its|our|by|via|for|to|from|with|through)\b",
    re.IGNORECASE,
)
# The last answer of one question: "21% were undecided", "12% did not know".
_NO_ANSWER = re.compile(
    r"^\s+(?:were|was|are|remain(?:ed)?|said\s+they\s+were)\s+(?:still\s+)?"
    r"(?:undecided|unsure|not\s+sure|uncertain)\b|^\s+(?:did\s+not|didn['’]t|don['’]t|do\s+not)\s+"
    r"know\b|^\s+(?:had|have|expressed)\s+no\s+(?:opinion|view|preference)\b",
    re.IGNORECASE,
)
_BARE_AFTER = re.compile(
    r"^(?:[\s,.;]|\s+and\b|\s+(?:by|via|on|in|at|through|from|to|into|for|overland|online|abroad|"
    r"elsewhere)\b|$)"
    # not a place or group: "52 percent in London" is another whole
    r"(?!\s*(?:in|at|among|across|within)\s+(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# The noun of a composition's part; a capital too: "62 per cent European, 31 per cent Chinese".
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?i:of|in|on|at|for|to|from|by|and|or|were|was|are|is|had|have|said|say)\b)[A-Za-z]"
)


def one_predicate(text: str, shares: list[Quantity]) -> bool:
    """Three or more shares that one predicate gives out, so of one whole.

    * the first is the object of a share verb and the later ones gap it
      ("coal provided 41 per cent of generation, gas 34 per cent and nuclear
      9 per cent"; "Labour won 48 percent, the Tories 39 percent ...");
    * a whole named first ("Of last year's arrivals, 44% came by sea, 39% by
      air and 23% overland"), the later shares with their verb left out;
    * a composition ("The portfolio is 52% equities, 38% bonds and 15%
      property").

    A later share with its own verb ("... 37 percent said taxes were too high")
    may answer another question, so it does not count.
    """
    first, later = shares[0], shares[1:]
    gaps = [text[a.end : b.start] for a, b in itertools.pairwise(shares)]
    clause_start = max(text.rfind(";", 0, first.start), text.rfind(":", 0, first.start), 0)
    before_first = text[clause_start : first.start]
    # The first share carries the predicate: its own whole ("of generation")
    # or verb ("came by sea") sits in the first gap.
    # "of generation", "from council tax": the share's own phrase before the next separator
    own_phrase = r"^\s+(?:of|from|on|for|in|to)\s+[^,;]{1,60}?(?=,|\s+and\b)"
    first_gap = re.sub(own_phrase, "", gaps[0])
    if _SHARE_VERB.search(before_first) and all(
        _GAPPED_BEFORE.match(g) for g in [first_gap, *(re.sub(own_phrase, "", g) for g in gaps[1:])]
    ):
        return all(_BARE_AFTER.match(text[q.end : q.end + 12]) for q in later)
    if _subject_shares(text, shares):
        return True
    if _WHOLE_FIRST_ANY.match(text[: first.start]):
        later_gaps = gaps[1:]
        bare = all(re.fullmatch(rf"{_SEPARATOR}", g) or _gap_is_bare(g) for g in later_gaps)
        return (
            bare
            and ";" not in gaps[0]
            and all(_BARE_AFTER.match(text[q.end : q.end + 12]) for q in later)
        )
    if _COPULA.search(before_first):
        return all(_NOUN_AFTER.match(text[q.end : q.end + 20]) for q in shares) and all(
            # "41% fixed for up to five years and 26% ...": a part's name of a few words, no verb
            re.match(rf"^(?!.*\b{_FINITE}\b)\s+[\w'’-]+(?:\s+[\w'’-]+){{0,5}}{_SEPARATOR}$", g)
            for g in gaps
        )
    return False


_FINITE = r"(?:is|are|was|were|has|have|had|said|did|does|do|will|would|of)"
_PREPOSITIONS = r"(?:in|into|under|on|at|as|for|from|with|via|through|across)"
# What a preposition list gives out when its verb is one that places a whole's parts:
# "invested 48% in equities, 35% in bonds"; "the workforce is 58% in operations, 27% in ..."
_PLACING_VERB = re.compile(
    r"\b(?:invested|held|placed|kept|allocated|deployed|put|spent|split|divided|distributed|"
    r"is|are|was|were|lies|lie|lay|sits|sit|sat|falls|fell)\s+"
    r"(?:(?:about|roughly|around|some|nearly|almost|approximately)\s+)?$",
    re.IGNORECASE,
)
# Subjects that are rates, not wholes: "Turnout was 62% in the north, 55% in the south" gives
# a rate per place; "Margins were 40% in software, 35% in services" a rate per line.
_RATE_SUBJECT = re.compile(
    r"\b(?:rates?|turnout|unemployment|inflation|growth|margins?|yields?|returns?|interest|"
    r"support|approval|coverage|uptake|occupancy|participation|attendance|vacanc(?:y|ies)|"
    r"poverty|literacy|prevalence|incidence|efficiency|accuracy|taxe?s?|vat|dut(?:y|ies)|"
    r"discounts?|scores?|penetration|adoption|satisfaction|utili[sz]ation|share|levels?|"
    r"costs?|prices?|fees?|charges?|premiums?|wages?|pay|salar(?:y|ies)|spending|"
    r"productivity|output|sales|revenue|profits?|income|demand|exports?|imports?)\b"
    r"(?:\s+[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)


def one_preposition(text: str, shares: list[Quantity]) -> bool:
    """Three or more shares, each placed by the same preposition, that one predicate gives
    out: "The reserve is held 45% in gilts, 35% in cash and 20% in property"; "Two-thirds
    of the estate is under grass, a quarter under wheat and a tenth under woodland".

    The predicate is a placing verb or a copula before the first share (with a subject that
    is a whole, not a rate: "Turnout was 62% in the north" gives a rate per place), or a
    verb after the first share's own whole ("of the estate is under"). The preposition's
    objects are common nouns, not places or dates ("in the north", "in London", "in 2024").
    """
    if len(shares) < 3:
        return False
    first = shares[0]
    clause_start = max(text.rfind(";", 0, first.start), text.rfind(":", 0, first.start), 0)
    before = text[clause_start : first.start]
    after_first = text[first.end : first.end + 80]
    own_whole = re.match(
        rf"^\s+of\s+[^,;]{{1,50}}?\s+(?:is|are|was|were|lies|lie|lay|sits?|went|go|goes|"
        rf"stands?|stood)\s+(?:now\s+)?(?P<prep>{_PREPOSITIONS})\s",
        after_first,
        re.IGNORECASE,
    )
    if own_whole is not None:
        prep = own_whole.group("prep").lower()
    else:
        placed = re.match(rf"^\s+(?P<prep>{_PREPOSITIONS})\s", after_first, re.IGNORECASE)
        verb = _PLACING_VERB.search(before)
        if placed is None or verb is None or _RATE_SUBJECT.search(before[: verb.start()]):
            return False
        prep = placed.group("prep").lower()
    for share, following in zip(shares, [*shares[1:], None], strict=True):
        tail = text[share.end : following.start if following else share.end + 60]
        if share is first and own_whole is not None:
            tail = tail[own_whole.end() :]
            if following is not None and not re.match(
                rf"^(?:[a-z][\w'’-]*\s+){{0,3}}?[a-z][\w'’-]*{_SEPARATOR}$", tail
            ):
                return False
            continue
        placed = re.match(
            rf"^\s+{prep}\s+(?!the\b|[A-Z\d])(?:[a-z][\w'’-]*\s+){{0,4}}?[a-z][\w'’-]*"
            rf"(?:{_SEPARATOR}$|\s*[.;)]|\s*$)",
            tail if following is not None else re.split(r"[,;.]", tail, maxsplit=1)[0] + ".",
        )
        if placed is None:
            return False
    return True


_YES = re.compile(
    r"^\s+(?:(?:voting|voted|vote|said|saying|backing|backed)\s+)?(?:yes|in\s+favou?r|for)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\s+(?:(?:voting|voted|vote|said|saying|backing|backed)\s+)?(?:no|against)\b", re.IGNORECASE
)


def yes_and_no(text: str, shares: list[Quantity]) -> bool:
    """ "57 per cent voting yes against 49 per cent no": the two answers of one ballot."""
    one, two = (text[q.end : q.end + 25] for q in shares)
    return bool((_YES.match(one) and _NO.match(two)) or (_NO.match(one) and _YES.match(two)))


_OUTCOME = (
    r"(?:[a-z]+(?:ed|en|eld|wn)|won|lost|paid|sold|made|held|kept|left|unsure|undecided|unknown)\b"
)


def _subject_shares(text: str, shares: list[Quantity]) -> bool:
    """Shares as subjects of one verb: "48% backed the mayor, 39% her challenger and 21% were
    undecided"; "two-thirds of residents said by car, a quarter by bus and a fifth by bicycle".

    The first share has the verb, the later ones leave it out (their object follows the
    share at once) or give the question's "undecided"; at least one leaves it out.
    """
    first, later = shares[0], shares[1:]
    # "49 per cent were upheld, 34 per cent rejected and 25 per cent withdrawn": the copula
    # left out, each later share followed by one word and the next share.
    # Outcomes of one process, as participles ("upheld", "rejected", "withdrawn"), not
    # attributes that may overlap ("were women, 30 per cent graduates").
    if re.match(rf"^\s+(?:were|are|was|is)\s+{_OUTCOME}", text[first.end : first.end + 60]):
        tails = [text[a.end : b.start] for a, b in itertools.pairwise(later)]
        tails.append(text[later[-1].end : later[-1].end + 30])
        if all(re.match(rf"^\s+{_OUTCOME}(?:\s*,?\s*(?:and\s+)?$|\s*[,.;]|$)", t) for t in tails):
            return True
    # The first share's verb ("backed", "said", "voted"), perhaps after its whole ("of residents").
    verb = re.compile(
        r"^(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)??)?\s+"
        r"(?!(?:of|in|on|at|for|to|from|by|with|and|or|the|a|an|were|was|are|is|had|have)\b)"
        r"[a-z]+\b"
    )
    after_first = text[first.end : first.end + 60]
    if not verb.match(after_first) or CHANGE_AFTER.match(after_first):
        return False
    # Bare nouns gap a choice ("52% chose pay, 31% workload"), not a habit or an opinion that
    # may overlap ("62 per cent drink coffee, 48 per cent tea").
    first_predicate = text[first.end : later[0].start]
    one_choice = bool(
        _CHOICE_VERB.match(after_first)
        or _CHOICE_WORD.search(first_predicate)
        or _ONE_ANSWER.search(text[: first.start])
    ) and not re.search(r"\b(?:neither|both|none)\b", text[later[-1].end : later[-1].end + 12])
    kinds = []
    for share, following in zip(later, [*later[1:], None], strict=True):
        tail = text[share.end : following.start if following else share.end + 40]
        bare = _GAPPED_NOUNS.match(tail) and one_choice
        if (_GAPPED_OBJECT.match(tail) or bare) and not re.search(r"\b[a-z]+ed\b", tail[:12]):
            kinds.append("gapped")
        elif _NO_ANSWER.match(tail):
            kinds.append("no answer")
        else:
            return False
    return "gapped" in kinds


# "52% of members chose pay, 31% workload and 29% job security": the later share's object is
# a bare noun or two, then the next share or the end of the clause (no verb of its own).
_GAPPED_NOUNS = re.compile(
    r"^\s+(?!(?:were|was|are|is|had|have|has|said|say|did|do|does|will|would|could|not|also|"
    r"still|of|in|on|at)\b)(?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*"
    rf"(?:{_SEPARATOR}$|\s*[,.;)]|\s*$)"
)


_CHOICE_VERB = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)??)?\s+(?:chose|choose|picked|pick|selected|"
    r"select|preferred|prefer|opted\s+for|voted\s+for|ranked|gave|put|named\s+as|rated|rate|"
    r"graded|described|judged|scored)\b",
    re.IGNORECASE,
)
# "said they would vote Labour, 35 per cent Conservative": a choice further into the predicate.
_CHOICE_WORD = re.compile(
    r"\b(?:vote|voted|voting|would\s+(?:choose|pick|back)|opted\s+for|chose|picked|preferred)\b",
    re.IGNORECASE,
)
# The question asks for one answer: "their single biggest concern", "how they mainly travel".
_ONE_ANSWER = re.compile(
    r"\b(?:single|main|mainly|biggest|most\s+important|top|first\s+choice|favourite|favorite|"
    r"preferred|usual|usually)\b",
    re.IGNORECASE,
)


def _gap_is_bare(gap: str) -> bool:
    """The stretch after a share and its phrase, up to the next share: no second verb."""
    return bool(
        re.match(r"^\s+(?:by|via|on|in|at|through|from|to|into|for|overland|online|abroad)\b", gap)
    )


# Any whole named first, with or without an article: "Of last year's arrivals, ...".
# A comma inside a figure ("Of the 1,500 delegates,") is no clause break.
_NO_BREAK = r"(?:[^,;]|(?<=\d),(?=\d{3}))"
_WHOLE_FIRST_ANY = re.compile(
    rf"^\s*(?:Of|Among|Out\s+of)\s+{_NO_BREAK}{{1,60}},\s*(?:some\s+|about\s+)?$", re.IGNORECASE
)


# "..., buses made up 25% and trains 18%": the subject of a gapped share verb.
_SUBJECT_GAPPED = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*(?:and\s+)?)(?:[\w'’-]+\s+){1,4}$"
)
# The first share's whole: "62% of journeys".
_ITS_WHOLE = re.compile(r"^\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s*(?:[,;]|\s+and\b))")


def each_given(text: str, shares: list[Quantity]) -> bool:
    """Every share the object of a share verb with its own subject, the first naming the
    whole: "Cars accounted for 62% of journeys; buses made up 25% and trains 18%".

    A later share naming a whole of its own ("... and 41 per cent of consultants") is of
    another whole, and a later share with no verb nor subject of its own is the first's
    subject's ("women make up 77 per cent of nurses and 41 per cent ..."): neither counts.
    """
    clause_start = max(text.rfind(";", 0, shares[0].start), text.rfind(":", 0, shares[0].start), 0)
    if not _SHARE_VERB.search(text[clause_start : shares[0].start]):
        return False
    if not _ITS_WHOLE.match(text[shares[0].end :]):
        return False
    own_verbs = 0
    for before, share in itertools.pairwise(shares):
        if re.match(r"^\s+of\b", text[share.end : share.end + 5]):
            return False
        gap = text[before.end : share.start]
        whole = _ITS_WHOLE.match(gap)
        if whole is not None:
            gap = gap[whole.end() :]
        if _SHARE_VERB.search(gap) and re.search(r"[,;]|\band\b", gap):
            own_verbs += 1
        elif not _SUBJECT_GAPPED.match(gap):
            return False
    return own_verbs >= 1
