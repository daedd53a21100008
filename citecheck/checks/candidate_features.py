"""What the learned scorer sees of a candidate: the words around and between its figures.

Features are plain strings (a sparse bag), most of them twice: once for every
relation and once prefixed with the candidate's relation, so what "respectively"
means for a sum can differ from what it means for shares. They are:

* the words between the group's first and last figure, and the few words
  before and after it (figures of the scope outside the group stand as
  their kind: ``<money>``, ``<count>``, ``<percent>``, ...);
* the two words right before each figure, by its role ("before-part=and");
* classes of cue words (restating, partition, change, hedge, clause break,
  series of years) wherever they fall in the group's stretch;
* for a body sentence and its note, the body's words and cue classes
  ("body=whole", "body-partition"), wherever they stand;
* the scope's link (one sentence, the next, a note), how many figures of
  the scope stand outside the group, how far the arithmetic misses, and
  for sums whether the parts exceed or fall short of the total.
"""

from __future__ import annotations

import math
import re

from citecheck.checks.candidates import Candidate, Scope
from citecheck.checks.numbers import Quantity

__all__ = ["features", "tokens"]

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|[;:()\[\]—–¶]|(?<=\s)-(?=\s)|,", re.IGNORECASE)
_WINDOW = 5
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with"}
    | {"was", "were", "is", "are", "year", "day", "week", "month", "this", "that", "these"}
    | {"those", "last", "next", "each", "every", "per"}
)
_BETWEEN_CAP = 24

_CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "restate": r"\b(?:or|that is|i\.e|equivalent|equals?|works? out|amounts? to|comes? to|"
        r"means?|translat\w+|represents?|in other words|roughly|some|about|around)\b",
        "partition": r"\b(?:of which|of whom|respectively|comprising|consisting|made up|split|"
        r"divided|broken down|breaks? down|between them|together|combined|in all|altogether|"
        r"total|totals|totalled|totaled|the rest|remainder|remaining|balance)\b",
        "partial": r"\b(?:including|includes|among|such as|for example|e\.g|notably)\b",
        "change": r"\b(?:rose|rise|risen|rising|fell|fall|fallen|falling|grew|grown|growth|"
        r"increase\w*|decrease\w*|declin\w+|drop\w*|jump\w*|climb\w*|up|down|cut|reduc\w+|"
        r"gain\w*|los\w+|slump\w*|surg\w+|soar\w*|higher|lower|more|less)\b",
        "fromto": r"\bfrom\b|\bcompared with\b",
        "clause": r";|\b(?:while|whereas|but|although|though|however|meanwhile)\b",
        "compare": r"\b(?:than|versus|vs|against|compared)\b",
        "perhead": r"\b(?:per|each|every|apiece|a head|capita|average)\b",
        "share": r"\b(?:share|market|of the|of all|of its|of their|accounted|made up|held|took)\b",
        "overlap": r"\b(?:more than one|both|multiple|could choose|several)\b",
        "year": r"\b(?:19|20)\d\d\b|\b(?:last|previous|prior|earlier|ago|since)\b",
        "dash_colon": r"[:—–]|\s-\s|\(",
    }.items()
}


def tokens(scope: Scope) -> list[tuple[str, int]]:
    """The scope's words, lowercased, with each figure as one token ``<kind>``: (token, offset)."""
    spans = sorted((q.start, q.end, f"<{q.kind.value}>") for q in scope.quantities)
    found: list[tuple[str, int]] = []
    cursor = 0
    for start, end, name in spans:
        if start < cursor:
            continue
        found.extend(
            (m.group().lower(), cursor + m.start())
            for m in _WORD.finditer(scope.text[cursor:start])
        )
        found.append((name, start))
        cursor = end
    found.extend(
        (m.group().lower(), cursor + m.start()) for m in _WORD.finditer(scope.text[cursor:])
    )
    return found


def _index_of(words: list[tuple[str, int]], quantity: Quantity) -> int:
    for index, (_, offset) in enumerate(words):
        if offset >= quantity.start:
            return index
    return len(words) - 1


def _bucket(off: float) -> str:
    if off < 1.05:
        return "1.05"
    if off < 1.25:
        return "1.25"
    if off < 2:
        return "2"
    if off < 10:
        return "10"
    return "big"


Cues = dict[str, list[tuple[int, int]]]


def cues(scope: Scope) -> Cues:
    """Where each class of cue words stands in the scope's text (read once per scope)."""
    return {
        name: [m.span() for m in pattern.finditer(scope.text)] for name, pattern in _CUES.items()
    }


def features(candidate: Candidate, words: list[tuple[str, int]], found_cues: Cues) -> list[str]:
    """The candidate's features (see the module docstring), given its scope's ``tokens``
    and ``cues``."""
    relation = candidate.relation
    scope = candidate.scope
    ordered = sorted(zip(candidate.figures, candidate.roles, strict=True), key=lambda p: p[0].start)
    first, last = ordered[0][0], ordered[-1][0]
    at = [_index_of(words, q) for q, _ in ordered]
    between = [w for w, _ in words[at[0] + 1 : at[-1]]]
    if len(between) > _BETWEEN_CAP:
        between = between[: _BETWEEN_CAP // 2] + between[-_BETWEEN_CAP // 2 :]
    before = [w for w, _ in words[max(0, at[0] - _WINDOW) : at[0]]]
    after = [w for w, _ in words[at[-1] + 1 : at[-1] + 1 + _WINDOW]]
    found: list[str] = [
        "bias",
        f"link={scope.link}",
        f"off={_bucket(candidate.off)}",
        f"others={min(len(scope.quantities) - len(candidate.figures), 4)}",
        f"size={min(len(candidate.figures), 5)}",
    ]
    if candidate.detail:
        found.append(f"detail={candidate.detail}")
        if candidate.broad and "+" in candidate.detail:
            found.extend(f"detail={d}" for d in candidate.detail.split("+") if d)
    found.extend(f"btw={w}" for w in set(between))
    found.extend(f"pre={w}" for w in set(before))
    found.extend(f"post={w}" for w in set(after))
    for (quantity, role), index in zip(ordered, at, strict=True):
        found.extend(f"{role}-{n}={words[index - n][0]}" for n in (1, 2) if index - n >= 0)
        if quantity.qualifier:
            found.append(f"hedge-{role}")
        if quantity.noun:
            found.append(f"noun-{role}")
    nouns = {q.noun for q in candidate.figures if q.noun}
    if len(nouns) > 1:
        found.append("nouns-differ")
    # The word after each figure: its unit or noun ("tonnes", "kcal", "loans"). Parts of one
    # whole mostly share it or leave it out; unrelated counts each have their own.
    units = [words[index + 1][0] if index + 1 < len(words) else "" for index in at]
    for (_, role), unit in zip(ordered, units, strict=True):
        found.append(f"{role}+1={unit}")
    distinct = len({u for u in units if u.isalpha() and u not in _FUNCTION_WORDS})
    found.append(f"units={min(distinct, 3)}")
    for name, spans in found_cues.items():
        if any(first.end <= start and end <= last.start for start, end in spans):
            found.append(f"in-{name}")
        elif any(first.start - 40 <= start and end <= last.end + 40 for start, end in spans):
            found.append(f"near-{name}")
    if scope.link in {"note", "cue"}:
        # The body sentence of a footnoted claim holds its cue ("make up the whole of", "rose
        # ten-fold"), often far from the note's figures: its words and cue classes, as such.
        body = {w for w, offset in words if offset < scope.split and not w.startswith("<")}
        found.extend(f"body={w}" for w in body if w not in _FUNCTION_WORDS)
        for name, spans in found_cues.items():
            if any(end <= scope.split for _, end in spans):
                found.append(f"body-{name}")
    periods = sorted({q.period or q.total_of or "" for q in candidate.figures} - {""})
    if periods:
        found.append("periods=" + "/".join(periods))
    found.append("kind=" + "/".join(sorted({q.kind.value for q in candidate.figures})))
    return [*found, *(f"{relation}|{f}" for f in found)]


def squash(score: float) -> float:
    """The logistic function, safe at both ends."""
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))
