"""``sum-mismatch``: parts against the total they are said to make up.

"... of which", "respectively", "a total of", "breaks down into", a whole
named first; parts and totals pair inside the sentence scope (``scope``).
Lists that may name only some parts may fall short of their total but not
exceed it; one sentence follows one rounding convention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.currencies import SIGN_CHARS
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Passage, Sentence
from citecheck.checks.scope import in_scope
from citecheck.checks.share_answers import exclusive_answers
from citecheck.checks.sum_fits import SUM, as_precise_as, compare, compare_parts
from citecheck.checks.sum_lists import (
    DATED,
    DURATION,
    REST_AFTER_SEMICOLON,
    fits_an_earlier_whole,
    including_list,
    inside_bracket_after_part,
    is_time,
    one_verb_gives_out,
    own_verbs,
    run_before,
)
from citecheck.checks.units import same_measure
from citecheck.model import Finding

__all__ = ["SUM", "check_sums", "compare_parts"]


_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:l?ing|l?ed|s)?|combined|altogether|together|in all|overall|sum)\b[^;:()]{0,40}$"
    # "... (£176bn) came to £300bn": a summing verb right before the figure
    r"|\b(?:came|come|comes|amount(?:ed|s)?)\s+to\s+(?:a\s+total\s+of\s+)?(?:about\s+|some\s+)?$"
    r"|\badd(?:ed|s)?\s+up\s+to\s+$",
    re.IGNORECASE,
)
# A money sign or letters before a part's digits: "$", "US$", "Rs ", "kr ", "RM ".
_MONEY_SIGN = rf"(?:[A-Z]{{0,3}}[{SIGN_CHARS}][A-Z]{{0,2}}|Rs\.?\s?|kr\.?\s?|Rp\s?|RM\s?)"
# Not "..., a combined £9.6m" after a part: that "combined" is the next figure's.
_TOTAL_AFTER = re.compile(
    r"^(?:\s+total\b|[^;:()]{0,12}\b(?:in total|combined(?!\s+(?:total\s+(?:of\s+)?)?"
    rf"(?:[A-Z]{{0,3}}[{SIGN_CHARS}]|Rs|\d))|altogether|in all|between them)\b)",
    re.I,
)
_PARTITION = re.compile(
    r"of which|of whom|consist(?:s|ed|ing)? of|compris(?:e|es|ed|ing)|,\s*with\b|"
    r"(?:is|was|were|are)? ?made up of|"
    r"divided (?:between|among|into)|split (?:between|among|into)|broken down|"
    r"breaks? down (?:into|as)|broke down (?:into|as)|respectively|:|\s[-–—]\s|—|including|\(",
    re.IGNORECASE,
)
_SPLIT_VERBS = (
    r"consist(?:s|ed)? of|(?:will\s+)?compris(?:e|es|ed)|(?:is|was|are|were) made up of|"
    r"(?:is|was|are|were) (?:divided|split|broken down|shared) (?:between|among|into|as follows)|"
    r"(?:divides|splits|divided|split) (?:between|among|into)|break(?:s)? down (?:into|as)|"
    r"broke down (?:into|as)|"
    # "splits three ways:", "is divided four ways", "breaks down as follows"
    r"(?:(?:is|was|are|were) )?(?:splits?|divides?|divided|split|breaks? down|broke down) "
    r"(?:(?:two|three|four|five|six|seven|[2-9]) ways|as follows)"
)
_WHOLE_BEFORE_PARTS = re.compile(
    # "The 3.2 million people out of work were split between ...": the whole's noun phrase
    # "The new 120-seat assembly will comprise ...": the whole's noun glued to it
    rf"^(?:-[a-z]+)?\s*(?:[^\W\d][\w'’-]*\s+){{0,6}}?(?:{_SPLIT_VERBS})"
    # "£62 million on highways, of which ...", "9,400 staff, including ..."
    # "2,850 appeals on the merits that year, which broke down into ..."
    rf"|^[^;:()\d]{{0,50}}?,?\s*(?:which|that)\s+(?:{_SPLIT_VERBS})"
    r"|^[^;:()\d]{0,40}?,\s*(?:of which|of whom|including|with|made up of|comprising|consisting of|"
    r"split between|divided between|broken down as)\b"
    # "3,460 responses to the consultation: 1,920 ...", "74 goals in all competitions - 51 ..."
    r"|^[^;:()\d]{0,50}?(?::|\s[-–—]\s|—)\s*(?:[A-Za-z][\w'’-]*\s+){0,3}?"
    rf"{_MONEY_SIGN}?\d"
    # "58,000 members work in health (21,000), local government (17,000) and ...": parts in
    # brackets after the names of what they count, two or more
    rf"|^[^;:()\d]{{0,50}}?\(\s*{_MONEY_SIGN}?\d[^()]{{0,20}}\)"
    rf"[^;:()\d]{{1,40}}\(\s*{_MONEY_SIGN}?\d"
    # "3,800 beds across the region's hospitals (2,100 in the city and 1,900 elsewhere)": two
    # or more parts in one bracket
    rf"|^[^;:()\d]{{0,50}}?\(\s*{_MONEY_SIGN}?\d[^()]{{0,40}}?"
    rf"(?:,|\band\b)\s*{_MONEY_SIGN}?\d[^()]*\)",
    re.IGNORECASE,
)
# A sample's size: "Of those surveyed (n = 1,240), 610 ...".
_SAMPLE_SIZE = re.compile(r"\b[nN]\s*=\s*$")
# A whole named first: "Of the 91,300 valid votes cast, Labour won ...".
_WHOLE_FIRST = re.compile(
    r"^\W*(?:out\s+)?of\s+(?:the|its|their|this|that|these|those|an?|our|my|your|his|her|each|every)\s+"
    r"(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# Words that say a list of parts is all of its whole.
_EXHAUSTIVE = re.compile(
    rf"\bthe\s+(?:remaining|rest|remainder|balance)\b|\bthe\s+other\s+(?=\d)|\bremainder\b|"
    rf"{_SPLIT_VERBS}|:|\s[-–—]\s|—",
    re.IGNORECASE,
)


_REST_WORD = re.compile(
    r"\W*(?:the\s+)?(?:remaining|rest|remainder|balance|other)\b", re.IGNORECASE
)


def _figureless_rest(text: str, match: re.Match[str]) -> bool:
    return bool(_REST_WORD.match(match.group())) and not re.match(
        rf"[^.;]{{0,25}}?(?:[{SIGN_CHARS}]|\d)", text[match.end() : match.end() + 30]
    )


def word_of(cue: re.Match[str] | None) -> str:
    return cue.group().lower() if cue is not None else ""


def _says_all(text: str, after: int) -> bool:
    """Whether the list after ``after`` says it is all of the whole (a remainder with no
    figure of its own does not: see ``_unstated_rest``)."""
    return any(not _figureless_rest(text, m) for m in _EXHAUSTIVE.finditer(text, after))


def _unstated_rest(text: str, after: int) -> bool:
    """ "..., with the balance on governance": a remainder after the last part with no figure
    of its own, so the stated parts may fall short of the whole."""
    return any(_figureless_rest(text, m) for m in _EXHAUSTIVE.finditer(text, after))


_FROM_POOL = re.compile(r"\b(?:from|out\s+of)\s+(?:the|a|an|its|their)\s+$", re.IGNORECASE)
_POOL = re.compile(
    r"^\s*(?:[\w'’-]+\s+)?(?:fund|budget|pot|grant|allocation|pool|appropriation|total|"
    r"settlement|programme|program)\b",
    re.IGNORECASE,
)
# A total in apposition to the parts listed before it: "1,420, 980 and 655
# new cases, a total of 3,155".
_TOTAL_APPOSITION = re.compile(
    r"(?:,\s*(?:for\s+|making\s+)?(?:a\s+)?(?:combined\s+|grand\s+)?"
    # ", for a total capital programme of $826m"
    r"(?:total(?:l?ing)?(?:\s+[a-z][\w'’-]*){0,3}?|together|in all|altogether|combined)"
    r"\s*(?:of\s+)?"
    # "defence (£52bn), education (£81bn) and health (£176bn) came to £300bn": a summing verb
    r"|\)?,?\s+(?:together\s+|between\s+them\s+|combined\s+)?(?:came\s+to|come\s+to|amount(?:ed)?\s+to|"
    r"add(?:ed)?\s+up\s+to|total(?:led|ed)?|make\s+up|made\s+up)\s+(?:a\s+total\s+of\s+)?)"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around)\s+)?$",
    re.IGNORECASE,
)


def _is_total(sentence: Sentence, quantity: Quantity) -> bool:
    """A figure named as a total, or the whole that a partition verb follows."""
    text = sentence.text
    return bool(
        _TOTAL_BEFORE.search(text[max(0, quantity.start - 50) : quantity.start])
        or _TOTAL_AFTER.search(text[quantity.end : quantity.end + 30])
        or _WHOLE_BEFORE_PARTS.search(text[quantity.end : quantity.end + 90])
        or _WHOLE_FIRST.match(text[: quantity.start])
        or _SAMPLE_SIZE.search(text[max(0, quantity.start - 8) : quantity.start])
        # "... received £4.2m, £3.1m and £2.9m respectively from the £9.2m fund": a pool
        or (
            _FROM_POOL.search(text[max(0, quantity.start - 20) : quantity.start]) is not None
            and _POOL.match(text[quantity.end : quantity.end + 30]) is not None
        )
    )


def check_sums(passage: Passage, sentence: Sentence) -> Iterator[Finding]:
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
            if not totals:
                totals = [(sentence, q) for q in _named_groups_whole(text, money, parts)]
            for total_sentence, total in totals:
                partial = _leaves_room(passage, total, parts)
                if not partial:
                    total = as_precise_as(total, parts)
                yield from compare(total_sentence, total, parts, partial=partial)
            return
    # "It is the sum of ...": every figure is a part of the sentence before's
    if _SUM_OF_PREVIOUS.match(text) or not any(_is_total(sentence, q) for q in money):
        yield from _parts_of_previous(passage, sentence, money)
        return
    for total in money:
        if not _is_total(sentence, total):
            continue
        yield from _total_and_parts(sentence, total, money)
        return


# "The 30 million subscribers are in Europe, North America and Asia: 12 million, 9 million and
# 4 million respectively": the whole, then the groups it is in, then their figures.
_NAMED_GROUPS = re.compile(
    r"^[^;\d]{0,40}?\b(?:are|is|were|was|live|lived|come|came|work|worked|sit|sat|based|"
    r"spread|located|split|divided)\b[^;\d]{0,100}?\band\b[^;\d]{0,40}?[:—–]\s*$",
    re.IGNORECASE,
)


def _named_groups_whole(
    text: str, figures: list[Quantity], parts: list[Quantity]
) -> list[Quantity]:
    """The figure before a "respectively" list that the named groups between them divide."""
    before = [q for q in figures if q.end <= parts[0].start and q.kind is parts[0].kind]
    if not before:
        return []
    whole = before[-1]
    if whole.currency != parts[0].currency or whole.value <= max(p.value for p in parts):
        return []
    return [whole] if _NAMED_GROUPS.match(text[whole.end : parts[0].start]) else []


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
        and not DURATION.match(text[q.end : q.end + 12])
        # "at 12 months", "over 5 years": a length of time, not a part (unless the total is one)
        and is_time(q) == is_time(total)
        and same_measure(text, q, total)
    ]
    # Parts listed first, the total in apposition: "1,420, 980 and 655 cases, a total of 3,155".
    before = run_before(text, [q for q in alike if q.end <= total.start], total.start)
    if len(before) >= 2 and _TOTAL_APPOSITION.search(text[before[-1].end : total.start]):
        yield from compare(sentence, total, before, partial=False)
        return
    # The cue follows the total closely, in its clause ("... $12 billion, including");
    # "(" or ":" further on may open another list ("..., and the top buyers were
    # Canada ($312 billion) and Mexico ($240 billion)").
    clause_end = text.find(";", total.end)
    # A colon before the semicolons opens a semicolon list: "£12m was spent as follows: £5m on
    # housing; £4m on transport; £2m on parks".
    colon = text.find(":", total.end, clause_end if clause_end >= 0 else len(text))
    if colon >= 0 and colon - total.end <= 45:
        clause_end = -1
    # "...; the remaining 28 went to three smaller parties": the list's last part after a
    # semicolon
    while clause_end >= 0 and REST_AFTER_SEMICOLON.match(text[clause_end + 1 :]):
        clause_end = text.find(";", clause_end + 1)
    clause = text[: clause_end if clause_end >= 0 else len(text)]
    # A split verb after the whole's noun phrase reaches further: "The 12,000 households on
    # the council's waiting list were split between ...".
    lead = _WHOLE_BEFORE_PARTS.search(text[total.end : total.end + 90])
    # (and the colon or dash right after it: "... splits three ways: ...")
    reach = max(45, lead.end() + 3) if lead is not None else 45
    cue = _PARTITION.search(clause, total.end, min(len(clause), total.end + reach))
    named_first = _WHOLE_FIRST.match(text[: total.start]) is not None
    if _SAMPLE_SIZE.search(text[max(0, total.start - 8) : total.start]):
        cue, named_first = None, True  # "(n = 1,240), 610 (49%) ...": every figure after it
    if cue is None and not named_first:
        cue = _PARTITION.search(text[: total.start])
        if cue is None:
            return
    after = cue.start() if cue is not None else total.end
    parts = [q for q in alike if q.start > min(after, total.start) and q.start < len(clause)]
    # "9,000 home policies (6,500 buildings and 2,500 contents) and 5,000 landlord policies": a
    # bracket after a part holds that part's parts
    parts = [q for q in parts if not inside_bracket_after_part(text, q, parts)]
    if len(parts) < 2:
        return
    # "0 slow (85 one-line errors, 115 read)", "R 0.947 (54 TP, 1 FP, 3 FN)": figures in a
    # bracket that are not parts of a smaller figure before it
    if word_of(cue) == "(" and any(p.value >= total.value for p in parts):
        return
    # "12,000 staff (9,000 in 2015 and 6,000 in 2010)": a series over years, not parts
    if sum(1 for p in parts if DATED.match(text[p.end : p.end + 16])) >= 2:
        return
    word = cue.group().lower() if cue is not None else ""
    if cue is not None and re.match(
        r"\s+(?:there\s+(?:are|were|is|was)|exist)\b", text[cue.end() : cue.end() + 20], re.I
    ):
        return  # "firms with more than 250 employees, of which there are 7,700": a count of them
    if word_of(cue) == "including":
        parts = including_list(text, parts)
        if len(parts) < 2:
            return
    if len(re.findall(r"\bof (?:which|whom)\b", text, re.IGNORECASE)) > 1:
        return  # nested: "of whom 2,100 were women, of whom 300 ..."
    # "of whom" after a part opens a list of that part's parts: "Of the 412
    # participants, 388 completed the follow-up, of whom 201 were women".
    for index, part in enumerate(parts[:-1]):
        if re.match(
            r"^[^;]{0,60}?,\s*of\s+(?:whom|which)\b", text[part.end : parts[index + 1].start]
        ):
            parts = parts[: index + 1]
            break
    if len(parts) < 2:
        return
    # A list one verb gives out is all of a whole named first when it accounts for most of
    # it (a slip); one that covers half may name only some ("Of the 900 staff, 300 work in
    # Leeds, 200 in York and 100 in Hull").
    # Parts with verbs of their own may be attributes that overlap ("Of the 1,024 patients,
    # 580 were men, 470 were smokers"): not summed unless they are exclusive answers of one
    # question ("610 were over 65, 390 were aged 18 to 64 and 140 were children").
    answers = exclusive_answers(text, parts)
    if (
        cue is None
        and named_first
        and own_verbs(text, parts) >= 2
        and not answers
        # "..., and the rest, 480, expected no change": a list that says it is all of the whole
        and not _says_all(text, total.end)
    ):
        return
    exhaustive = (
        (
            _says_all(text, total.end)
            # "2,910 students in all (King's 840, ...)", "Between them the four colleges admitted":
            # a total that says it is the listed parts' sum
            or _TOTAL_AFTER.search(text[total.end : total.end + 30]) is not None
            or re.search(r"\b(?:between them|combined|altogether)\b", text[: total.start], re.I)
            is not None
        )
        or (
            named_first
            and (one_verb_gives_out(text, parts) or (answers and len(parts) >= 3))
            and sum(p.value for p in parts) >= 0.85 * total.value
        )
    )
    # "including", "of which", "of whom" and a whole named first may list only
    # some of the parts; unless the list says it is all of them, the parts may
    # fall short of the total but not exceed it.
    # ", with" lists some parts too ("..., with £30m on buildings and £20m on staff").
    # Parts in brackets after the names of what they count ("58,000 members work in health
    # (21,000), local government (17,000) ...") may name only the main ones.
    named_in_brackets = (
        word == "(" and cue is not None and bool(text[total.end : cue.start()].strip())
    )
    partial = (
        word == "including"
        or _unstated_rest(text, parts[-1].end)
        or (named_in_brackets and not exhaustive)
        or (
            (
                word in {"of which", "of whom"}
                or word.startswith(",")
                or (cue is None and named_first)
            )
            and not exhaustive
        )
    )
    if partial and fits_an_earlier_whole(text, total, alike, parts):
        return
    if re.search(r"\b(?:each|every|per)\s+$", text[max(0, total.start - 8) : total.start]):
        # "Of each $100 collected, ...": a unit of account, exact
        total = replace(total, low=total.value, high=total.value, step=0.0)
    yield from compare(sentence, total, parts, partial=partial)


# "Of this, $1.2 billion went to ... and $1.6 billion to ...": parts of the
# figure the sentence before ends with.
_OF_PREVIOUS = re.compile(
    r"^\W*of\s+(?:this|that|these|which|it|the\s+total|this\s+\w+|that\s+\w+)\s*,?", re.I
)


# "It is the sum of ...", "This is made up of ...", "The total comprises ...": the figure the
# sentence before gives, split into all its parts.
_SUM_OF_PREVIOUS = re.compile(
    r"^\W*(?:it|this|that|the\s+(?:total|figure|sum|amount|balance))\s+"
    r"(?:(?:is|was)\s+(?:the\s+(?:sum|total)\s+of|made\s+up\s+of|composed\s+of)|"
    r"compris(?:es|ed)|consist(?:s|ed)\s+of|br(?:eaks|oke)\s+down\s+(?:as|into))\b",
    re.IGNORECASE,
)


# Between a whole named first and its parts, a cue that they exhaust it.
_EXHAUSTS = re.compile(
    r"between (?:them|the two|the three)|together|combined|altogether|in all\b|"
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
    # Three or more that cover most of it are meant as all of it, as a list one verb gives out
    # ("Of the 1,250 teachers hired, 610, 390 and 180 went to ... posts, respectively").
    if len(parts) >= 3 and sum(p.value for p in parts) >= 0.85 * total.value:
        return False
    # "$212m between them, with $96m, $71m and $25m respectively": all of it.
    return not _EXHAUSTS.search(passage.text[total_at:first_at])


def _parts_of_previous(
    passage: Passage, sentence: Sentence, figures: list[Quantity]
) -> Iterator[Finding]:
    """Parts listed after "Of this," against the one total of the sentence before.

    A list after "Of this" may leave some of the total out, so the parts may
    fall short of it; they may not exceed it.
    """
    opening = _OF_PREVIOUS.match(sentence.text)
    whole = _SUM_OF_PREVIOUS.match(sentence.text) if opening is None else None
    if whole is not None:
        opening = whole
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
    if len(totals) == 1 and whole is not None:
        # "It is the sum of ...": all of it, read as one sentence with the one before
        shift = len(previous.text) + 1
        shifted = [replace(q, start=q.start + shift, end=q.end + shift) for q in parts]
        joined = replace(
            previous,
            text=f"{previous.text} {sentence.text}",
            quantities=(*previous.quantities, *shifted),
        )
        yield from compare(joined, totals[0], shifted, partial=False)
    elif len(totals) == 1:
        # "Of this, ...": perhaps only some of it
        yield from compare(previous, totals[0], parts, partial=True)


# Between the last part and "respectively": "in 2014", "of U.S. goods", "in trade".
_PARTS_TAIL = (
    r"[\s,]*(?:[a-z][\w'’-]*\s+){0,2}?"  # "visas", "tons of cargo"
    r"(?:(?:in|of|for|worth|on|from)\s+(?:[A-Za-z][\w.'’-]*\s*){1,5}|in\s+\d{4}"
    # "went to elementary, secondary and special-education posts": the list the parts match
    r"|(?:to|into|in|on|for|from|at|by|as)\s+[A-Za-z][^;:()\d]{0,90}?)?[\s,]*"
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
