"""Percentages the text relates to each other: shares of one whole, points versus percent.

Percentages are read at their printed precision, rounded: "40 percent" is
39.5-40.5, "12.5 percent" 12.45-12.55 (a share is a computed ratio, so its
trailing zero is a digit, unlike "$500 billion"). Hedged figures ("about",
"more than") keep the wider interval of ``numbers``. Both rules fire only
when no reading fits:

* ``shares-exceed-total``: shares the sentence plainly presents as parts of
  one whole ("respectively" with "of the vote", "the rest", "split
  60/30/20", "40 percent of the budget to salaries, 35 percent to ...", or
  three or more shares one gapped predicate gives out: "the Greens won 46
  percent of the seats, the Liberals 38 percent and independents 19
  percent") that add to more than 100 percent even at their lowest readings.
* ``percent-points-confusion``: a change "of 17 percent" between two
  percentages ("from 69 percent to 52 percent") that fits the difference in
  percentage points but not the relative change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from citecheck.checks.catalogue import SHARES, of_family
from citecheck.checks.currencies import SIGN_CHARS
from citecheck.checks.learned import learned_findings
from citecheck.checks.note_changes import changes_with_note_pair
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Passage, Sentence, joined, one_line
from citecheck.checks.percent_readings import (
    CHANGE_AFTER,
    as_percent,
    is_change,
    is_points,
    reading,
)
from citecheck.checks.points import check_points, judge_points
from citecheck.checks.rules import raise_finding
from citecheck.checks.scope import refers_back
from citecheck.checks.share_answers import exclusive_answers
from citecheck.checks.share_predicates import (
    each_given,
    one_predicate,
    one_preposition,
    yes_and_no,
)
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

__all__ = ["check_percentages"]


def check_percentages(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Every share list over 100 percent and every points-for-percent change in the text.

    The rules' findings, then the learned layer's where the rules are silent.
    """
    del run, settings  # the text is all these rules read
    found = list(_pattern_findings(passages))
    yield from found
    yield from learned_findings(passages, of_family("percentages"), found)


def _pattern_findings(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    for passage in passages:
        previous: Sentence | None = None
        for sentence in passage.sentences:
            found = list(_shares(sentence))
            yield from found
            if not found and previous is not None and _CONTINUES.match(sentence.text):
                # "48% backed the plan and 37% opposed it. The remaining 21% were undecided."
                yield from _shares(joined(previous, sentence, mark=";"))
            points = list(check_points(sentence))
            yield from points
            if not points and previous is not None and refers_back(sentence):
                # "... went from 41 percent to 47 percent. That's a rise of 6 percent."
                yield from _points_restated(previous, sentence)
            previous = sentence
    for body, change, pair, _ in changes_with_note_pair(passages):
        if pair[0].kind is Kind.PERCENT:
            # "The share rose 11 percent in a year.[^1]" and "39% in 2023 and 50% in 2024."
            yield from judge_points(body, change, pair)


def _points_restated(previous: Sentence, sentence: Sentence) -> Iterator[Finding]:
    """A change in a sentence that points back, against the pair of percentages before it."""
    percents = [q for q in sentence.quantities if q.kind is Kind.PERCENT]
    if len(percents) != 1 or list(check_points(previous)):
        return
    yield from check_points(joined(previous, sentence, mark=":"))


# A sentence that goes on with the list of shares the one before began.
_CONTINUES = re.compile(
    r"^\W*(?:(?:[\w'’-]+\s+){0,4}?(?:the\s+(?:remaining|rest|remainder|balance)|another|"
    r"a\s+further)|(?:and\s+)?the\s+other\s+(?=\d))\b",
    re.IGNORECASE,
)


# Cues that the listed shares partition one whole.
# Not "the other": "and in the other 70 percent did" names another whole.
_REMAINDER = re.compile(
    r"\b(?:the|its|their)\s+(?:rest|remainder|balance|remaining\s+(?=\d|(?:a\s+)?(?:half|"
    r"third|quarter|fifth|sixth|tenth|two|three|one)\b(?!\s+of\s+(?:the|this|that)\s+"
    r"(?:year|season|decade|century|match|game|term|race)\b)))",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_SPLIT = re.compile(
    r"\b(?:split|divided|divides|divide|broken down|broke down|breaks down|break down|breakdown|"
    r"allocated|apportioned|"
    r"distributed|shared out|comprised|comprises|comprise|consist(?:s|ed)?\s+of|"
    r"(?:is|are|was|were)\s+made\s+up\s+of)\b",
    re.IGNORECASE,
)
_WHOLE_AFTER_SHARE = re.compile(
    r"^\s+of\s+(?:the|its|their|our|this|last\s+year's|this\s+year's)\s+(?:[\w'’-]+\s+){0,3}"
    rf"(?:[A-Z]{{0,3}}[{SIGN_CHARS}]|Rs\.?\s?)?$",
    re.IGNORECASE,
)
# "of the budget", "of its revenue", "of all imports": one named whole.
_OF_WHOLE = re.compile(
    r"^\s+of\s+(?:the|its|their|his|her|our|all|total)\b(?:\s+[\w'’-]+){1,3}", re.IGNORECASE
)
# The noun a share is "of", with or without a determiner ("of board seats", "of the vote");
# not a pointer back to the same whole ("of them", "of those").
_OF_ANY_WHOLE = re.compile(
    r"^\s+of\s+(?:(?:the|its|their|his|her|our|all|total)\s+)?"
    # not "of a healthy weight", "of an age": an attribute, not a whole; not "of that in
    # Germany": a comparison
    # "of those admitted", "of those exports": "those" and what it names
    r"(?!(?:them|these|this|that|it|which|whom|a|an)\b)(?!those\s*[,.;)]|those$)"
    r"(?P<head>those\s+[A-Za-z][\w'’-]*|[A-Za-z][\w'’-]*)",
    re.IGNORECASE,
)
# "55% of jobs in health and men 48% in construction": shares of different places or sectors.
_IN_PLACE = re.compile(
    r"^(?:\s+of(?:\s+[\w'’-]+){1,3}?)?\s+(?:in|among|within|across|at)\s+(?:the\s+)?"
    r"(?!(?:favou?r|total|all|full|part|cash|kind|person|real|work)\b)(?P<place>[A-Za-z][\w'’-]*)",
    re.IGNORECASE,
)
# "half the budget", "a third its income": a share in words names its whole without "of".
_WORD_SHARE_WHOLE = re.compile(r"^\s+(?:the|its|their|his|her|our)\s+[\w'’-]+", re.IGNORECASE)
# A later share allocated to a destination: "35 percent to equipment".
# Or a use of a mass whole: "a quarter is in tillage", "a fifth is given over to".
_ALLOCATED = re.compile(
    r"^\s+(?:(?:went\s+|goes\s+|go\s+)?(?:to|for|on)\b|(?:is|are|was|were)\s+(?:now\s+)?"
    r"(?:in|under|for|given\s+over\s+to|used\s+for|devoted\s+to|spent\s+on|set\s+aside\s+for)\b)",
    re.IGNORECASE,
)
# Shares of different wholes or with overlaps are not a partition.
_NOT_PARTITION = re.compile(
    r"\b(?:more than one|multiple|several answers|overlap\w*|both|each of|respondents could|"
    r"could choose|of them also)\b",
    re.IGNORECASE,
)
# Or a semicolon list of shares: "57 per cent backed the route; 31 per cent opposed it".
# After the semicolon, the next share's subject and verb: "...; buses made up 25%".
_JOIN = re.compile(
    # not "; of those, 60%": a share of a part
    r"^[^.;:!?]{0,70}$|^[^.;:!?]{0,100};\s*(?!of\s+(?:those|them|these|which|whom|it)\b)"
    r"(?:and\s+)?(?:[A-Za-z][\w'’-]*,?\s+){0,4}$"
)
_SLASHES = re.compile(r"(?<![\w/.])(\d{1,2}(?:\.\d)?)(?:\s*/\s*(\d{1,2}(?:\.\d)?)){1,5}(?![\w/])")
# "split 45:35:30": a split written with colons (a split or ratio word is needed: "10:30" is a
# time).
_COLONS = re.compile(r"(?<![\w:.])(\d{1,2}(?:\.\d)?)(?::(\d{1,2}(?:\.\d)?)){1,5}(?![\w:])")
_SLASH_CUE = re.compile(r"\b(?:split|divided|division|ratio|shares?|shared|basis)\b", re.IGNORECASE)
# "Of the $3.2 billion appropriation, 55 percent went to ...": the whole named first.
_WHOLE_FIRST = re.compile(
    r"^\s*(?:Of\s+(?:the|its|their|this|that)\b|(?:For|Out\s+of)\s+every\s+(?:pound|dollar|euro|"
    r"rupee|[$£€]1)\b)(?:[^,;]|(?<=\d),(?=\d{3})){0,60},\s*(?:some\s+|about\s+)?$",
    re.IGNORECASE,
)


def _shares(sentence: Sentence) -> Iterator[Finding]:
    text = sentence.text
    if _NOT_PARTITION.search(text):
        return
    yield from _slash_shares(sentence)
    # "71 per cent of the vote combined, 40 per cent and 31 per cent respectively": the sum of
    # the others is no share beside them
    shares = [q for q in _share_run(sentence) if not _SUM_OF_SHARES.match(text[q.end : q.end + 40])]
    if len(shares) < 2:
        return
    if any(_SCOPE_WORD.match(text[q.end : q.end + 30]) for q in shares):
        return  # shares of a whole and of its parts, or of different places
    if any(_OF_A_PART.search(text[a.end : b.start]) for a, b in itertools.pairwise(shares)):
        return  # "60% is under tea; of the remainder, 70% is forest": a share of a part
    first, last = shares[0], shares[-1]
    after_last = text[last.end : last.end + 160]
    wholes = {_whole_name(m.group()) for q in shares if (m := _OF_WHOLE.match(text[q.end :]))}
    heads = {m.group("head").lower() for q in shares if (m := _OF_ANY_WHOLE.match(text[q.end :]))}
    # A whole named first is given out by place ("Of the 4.1 million job openings, 38 percent
    # were in private services, ..."); without one, places name different wholes.
    places = (
        set()
        if re.match(r"^\s*(?:Of|Among|Out\s+of)\b", text[: shares[0].start], re.IGNORECASE)
        else {m.group("place").lower() for q in shares if (m := _IN_PLACE.match(text[q.end :]))}
    )
    # "is held 45% in gilts, 35% in cash": one placing predicate's objects, no places
    if len(wholes) > 1 or len(heads) > 1 or (len(places) > 1 and not one_preposition(text, shares)):
        # "60 percent of its senators and 55 percent of its representatives", "Men hold 60% of
        # board seats and women 45% of management roles"
        return
    of_whole = (
        _OF_WHOLE.match(text[first.end :])
        or _WHOLE_FIRST.match(text[: first.start])
        or (first.text[:1].isalpha() and _WORD_SHARE_WHOLE.match(text[first.end :]))
    )
    cue = None
    if _REMAINDER.search(text[first.end :]):
        cue = "the rest"
    elif _RESPECTIVELY.search(after_last) and (
        of_whole or _OF_ANY_WHOLE.match(text[last.end :]) or re.search(r"\bshares?\b", text, re.I)
    ):
        cue = "respectively"
    elif _split_before(text[max(0, first.start - 45) : first.start]) or _SPLIT.search(
        after_last[:40]
    ):
        cue = "split"
    elif _another(text, shares):
        cue = "another"
    elif of_whole and _allocated(text, shares):
        cue = "allocated"
    elif _listed_after_whole(text, shares):
        cue = "listed shares"
    elif each_given(text, shares):
        cue = "each given"
    elif len(shares) >= 3 and one_predicate(text, shares):
        cue = "one predicate"
    elif one_preposition(text, shares):
        cue = "one preposition"
    elif len(shares) == 2 and yes_and_no(text, shares):
        cue = "yes and no"
    elif exclusive_answers(text, shares):
        cue = "exclusive answers"
    if cue is None:
        return
    if is_change(text, first) or any(CHANGE_AFTER.match(text[q.end : q.end + 20]) for q in shares):
        return  # "grew 60 and 55 percent, respectively": changes, not shares
    readings = [reading(q) for q in shares]
    low = sum(r[0] for r in readings)
    if low <= 100.0:
        return
    # "52 and 48 percent": the bare 52 is shown as the percentage it is.
    listed = " + ".join(
        q.shown if q.kind is Kind.PERCENT else f"“{q.text} percent”" for q in shares
    )
    message = (
        f"{listed} are shares of one whole but add up to "
        f"{as_percent(sum(q.value for q in shares), digits=6)}, and to at least "
        f"{as_percent(low, digits=6)} with each share at the bottom of its rounding: more than "
        "100 percent. Check the shares: one is likely mistyped, or they are of different "
        "wholes and should say so."
    )
    yield raise_finding(
        SHARES,
        message,
        sentence.location_at(first.start),
        note=sentence.note,
        evidence=one_line(text),
    )


# A later share's whole named between the shares is a part of the first's: "of the remainder,
# 70 per cent", "of whom 60%", "of those, 45%".
_OF_A_PART = re.compile(
    r"\b(?:of|among)\s+(?:the\s+(?:remainder|rest|balance|others|remaining(?:\s+[\w'’-]+)?)|"
    r"these|those|them|which|whom)\b[\s,]*(?:(?:some|about|around|roughly|nearly|almost|just|"
    r"over|under|only)\s+)?$",
    re.IGNORECASE,
)


# "46 percent nationally, 52 percent in London": shares of a whole and of its parts.
_SCOPE_WORD = re.compile(
    r"^\s+(?:nationally|overall|in\s+total|on\s+average|across\s+the\s+country|worldwide|"
    r"globally|(?:in|at|among|across|within)\s+(?:the\s+)?[A-Z])",
)


# "with the French making up another 31 pc", "and a further 12 per cent": a share added to
# the ones before it, so of their whole.
_ANOTHER = re.compile(
    r"\b(?:another|a\s+further)\s+(?:(?:about|some|roughly|around|nearly|almost|just\s+over|"
    r"just\s+under)\s+)?$",
    re.IGNORECASE,
)


_SUM_OF_SHARES = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:combined|together|between\s+them|"
    r"in\s+all|altogether|in\s+total)\b",
    re.IGNORECASE,
)


def _another(text: str, shares: list[Quantity]) -> bool:
    return any(
        _ANOTHER.search(text[before.end : share.start])
        for before, share in itertools.pairwise(shares)
    )


# "while the midlands receive 35 per cent": a later share given to a recipient named before it.
_RECEIVES = re.compile(
    r"\b(?:receives?|received|gets?|got|takes?|took|is\s+given|are\s+given|was\s+given|"
    r"were\s+given|is\s+allocated|are\s+allocated|was\s+allocated|were\s+allocated)\s+"
    r"(?:(?:about|some|roughly|around|nearly|almost|just)\s+)?$",
    re.IGNORECASE,
)
# "..., the midlands receive 35 per cent and the south 20 per cent": the verb left out.
_RECIPIENT_GAPPED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’-]+\s+){1,4}$")


def _allocated(text: str, shares: list[Quantity]) -> bool:
    """Every later share of a named whole allocated: "35 percent to equipment", "the midlands
    receive 35 per cent", or, after a recipient's verb, "and the south 20 per cent"."""
    receiving = False
    for before, share in itertools.pairwise(shares):
        gap = text[before.end : share.start]
        if _ALLOCATED.match(text[share.end :]):
            receiving = False
        elif _RECEIVES.search(gap):
            receiving = True
        elif not (receiving and _RECIPIENT_GAPPED.match(gap)):
            return False
    return True


# "The parties' shares of the vote were 45%, 35% and 25%", "Vote shares: Labour 45%, ...": a
# list of shares after a word that names them as parts.
_SHARES_NAMED = re.compile(
    # not "Shares in the bank were 45% ... above": stock
    r"\b(?:shares?(?!\s+in\b)|split|breakdown|make-?up|composition|distribution|proportions)\b"
    r"[^.;:]{0,40}?"
    r"(?:\b(?:were|was|are|is|stood\s+at|came\s+to)\s+|:\s*(?:[A-Za-z][\w'’-]*\s+){0,3})$",
    re.IGNORECASE,
)


def _listed_after_whole(text: str, shares: list[Quantity]) -> bool:
    if not _SHARES_NAMED.search(text[max(0, shares[0].start - 80) : shares[0].start]):
        return False
    gaps = [text[a.end : b.start] for a, b in itertools.pairwise(shares)]
    # names between the shares, not places ("in Europe 45%, in Asia 35%": different wholes)
    return all(
        re.fullmatch(
            r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?!(?:in|at|among|for|across|within)\b)"
            r"(?:[A-Za-z][\w'’-]*\s+){0,3}",
            g,
        )
        for g in gaps
    ) and not re.search(r"\b(?:in|at|among|across|within)\s+$", text[: shares[0].start])


def _whole_name(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower()).strip()


def _split_before(window: str) -> bool:
    """ "split three ways: 33 percent": a split cue leading into the shares, same clause."""
    cues = list(_SPLIT.finditer(window))
    return bool(cues) and not re.search(r",\s*and\b|;|\bwhile\b", window[cues[-1].end() :])


def _share_run(sentence: Sentence) -> list[Quantity]:
    """The longest run of plain percentages joined by short stretches of one clause.

    Bare numbers just before a percentage in "52 and 48 percent" count as
    percentages too. Figures of a from-to pair, percentage points and runs
    that move through years ("60 percent in 2008, 55 percent in 2012") are
    a series, not shares.
    """
    text = sentence.text
    figures = list(sentence.quantities)
    if (
        any(q.kind is Kind.YEAR for q in figures)
        and len({q.value for q in figures if q.kind is Kind.YEAR}) >= 2
    ):
        return []
    if re.search(r"\bfrom\b[^.;]{0,40}\bto\b", text) and re.search(
        r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|jumped)\b", text, re.I
    ):
        return []
    # "roughly half (52%)": the share in words and its figure are one share.
    figures = [
        q
        for q, following in zip(figures, [*figures[1:], None], strict=False)
        if not (
            following is not None
            and q.kind is Kind.PERCENT
            and following.kind is Kind.PERCENT
            and re.fullmatch(r"\s*\(\s*", text[q.end : following.start])
        )
    ]
    best: list[Quantity] = []
    run: list[Quantity] = []
    for index, quantity in enumerate(figures):
        is_share = quantity.kind is Kind.PERCENT and not is_points(quantity)
        if not is_share and quantity.kind is Kind.COUNT and index + 1 < len(figures):
            following = figures[index + 1]
            gap = text[quantity.end : following.start]
            is_share = (
                following.kind is Kind.PERCENT
                and not is_points(following)
                and bool(re.fullmatch(r"\s*(?:,|,?\s*and|to|or)?\s*", gap))
                and quantity.noun in {None, "and", "to", "or"}
            )
            if is_share and gap.strip() in {"to", "or"}:
                is_share = False  # "40 to 45 percent" is a range, not two shares
        if not is_share:
            # "58 percent of the district's $92 million budget, ...": a figure naming the
            # whole after a share does not end the run, nor does a year ("54pc of the premium
            # in 2025, property for 29pc": a series over years is read apart)
            if run and (
                quantity.kind is Kind.YEAR
                or _WHOLE_AFTER_SHARE.match(text[run[-1].end : quantity.start])
            ):
                continue
            if len(run) > len(best):
                best = run
            run = []
            continue
        if run and not _JOIN.match(text[run[-1].end : quantity.start]):
            if len(run) > len(best):
                best = run
            run = []
        run.append(quantity)
    if len(run) > len(best):
        best = run
    return best


def _slash_shares(sentence: Sentence) -> Iterator[Finding]:
    """ "split 60/30/20", "split 45:35:30": joined shares after a split or ratio cue."""
    text = sentence.text
    matches = [(m, "/") for m in _SLASHES.finditer(text)] + [
        (m, ":") for m in _COLONS.finditer(text)
    ]
    for match, separator in matches:
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 25]
        percent_after = separator == "/" and after.lstrip()[:1] == "%"
        if not (_SLASH_CUE.search(before) or _SLASH_CUE.search(after) or percent_after):
            continue
        parts = [p.strip() for p in match.group().split(separator)]
        values = [float(p) for p in parts]
        # Ratios ("3/2/1") are not percentages; only lists near 100 are shares.
        if sum(values) < 90:
            continue
        halves = [0.5 * 10.0 ** -len(p.partition(".")[2]) for p in parts]
        low = sum(v - h for v, h in zip(values, halves, strict=True))
        if low <= 100.0:
            continue
        message = (
            f"the split “{match.group()}” adds up to {as_percent(sum(values), digits=6)}, and "
            f"to at least {as_percent(low, digits=6)} with each share at the bottom of its "
            "rounding: more than 100 percent. Check the shares: one is likely mistyped."
        )
        yield raise_finding(
            SHARES,
            message[0].upper() + message[1:],
            sentence.location_at(match.start()),
            note=sentence.note,
            evidence=one_line(text),
        )
