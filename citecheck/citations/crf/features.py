"""Token features for the citation CRF.

Each token is described by what it is (its word, shape, length), what the
lexicons say of it (month, edition word, page word, law-report or journal
abbreviation, publisher or place word, name particle), where it sits
(inside quotation marks, parentheses or brackets; how far into the
citation), what the rule parser guessed for it (``rule=title`` ...) and the
same for its neighbours. Features are plain strings ("w=sociology"), the
cheapest form python-crfsuite takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from citecheck.citations.crf.shapes import shape_classes
from citecheck.citations.crf.tokens import Token

__all__ = ["features"]

_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "mai",
        "janvier",
        "février",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
)
_EDITION = frozenset(
    ["edn", "ed", "eds", "edition", "aufl", "auflage", "édition", "rev", "revised"]
)
_PAGE = frozenset(
    [
        "p",
        "pp",
        "at",
        "s",
        "rn",
        "rdnr",
        "para",
        "paras",
        "n",
        "nn",
        "fn",
        "ff",
        "f",
        "page",
        "pages",
        "seite",
    ]
)
_VOLUME = frozenset(
    ["vol", "vols", "volume", "bd", "band", "no", "nos", "nr", "number", "issue", "heft", "jg"]
)
_ACCESSED = frozenset(
    ["accessed", "retrieved", "abgerufen", "visited", "zugriff", "viewed", "consulted"]
)
_PUBLISHER = frozenset(
    [
        "press",
        "verlag",
        "publishing",
        "publishers",
        "books",
        "university",
        "universitaires",
        "presses",
        "editions",
        "éditions",
        "wiley",
        "routledge",
        "springer",
        "sage",
        "hart",
        "beck",
        "nomos",
        "kohlhammer",
        "elgar",
        "butterworths",
        "lexisnexis",
        "thomson",
        "reuters",
        "maxwell",
        "gruyter",
        "suhrkamp",
        "vahlen",
        "siebeck",
        "humblot",
        "dalloz",
        "polity",
        "macmillan",
        "palgrave",
        "clarendon",
        "bloomsbury",
        "federation",
    ]
)
_PLACE = frozenset(
    [
        "london",
        "oxford",
        "cambridge",
        "new",
        "york",
        "chicago",
        "princeton",
        "berlin",
        "münchen",
        "munich",
        "tübingen",
        "heidelberg",
        "baden",
        "frankfurt",
        "stuttgart",
        "köln",
        "hamburg",
        "paris",
        "sydney",
        "melbourne",
        "canberra",
        "toronto",
        "dublin",
        "edinburgh",
        "cheltenham",
        "basingstoke",
        "abingdon",
        "boston",
        "wien",
        "zürich",
        "chatswood",
        "ma",
    ]
)
_REPORTS = frozenset(
    [
        "ac",
        "qb",
        "kb",
        "ch",
        "wlr",
        "er",
        "uksc",
        "ukhl",
        "ewca",
        "ewhc",
        "civ",
        "crim",
        "ukpc",
        "csih",
        "clr",
        "alr",
        "aljr",
        "nswlr",
        "vr",
        "fcr",
        "hca",
        "fcafc",
        "nswca",
        "vsca",
        "bverfge",
        "bverfg",
        "bghz",
        "bghst",
        "bverwge",
        "bgh",
        "bverwg",
        "njw",
        "jz",
        "nvwz",
        "döv",
        "jus",
        "kj",
        "pl",
        "lqr",
        "mlr",
        "ojls",
        "clj",
        "ilj",
        "hrlr",
        "ecr",
        "ehrr",
        "echr",
        "uktc",
        "ukut",
        "ewfc",
        "ewcop",
    ]
)
_JOIN = frozenset(["and", "und", "et", "&", "u"])
_PARTICLES = frozenset(
    ["de", "la", "le", "van", "von", "der", "den", "du", "del", "da", "di", "ter", "ten"]
)
_IN = frozenset({"in", "in:"})
_OPEN_QUOTES = "‘“\"'«„"
_CLOSE_QUOTES = "’”\"'»“"


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    if word.isdigit():
        if len(word) == 4 and word[:2] in ("15", "16", "17", "18", "19", "20"):
            return "year"
        return "d" * min(len(word), 3)
    if word.isalpha():
        if word.isupper():
            return "X" if len(word) == 1 else "XX"
        if word[0].isupper():
            return "Xx" if not any(c.isupper() for c in word[1:]) else "XxX"
        return "x"
    if word.startswith(("http", "www.")):
        return "url"
    return word


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    low = word.lower()
    shape = _shape(word)
    out = [f"w={low}", f"s={shape}"]
    if word.isalpha():
        out.append(f"suf={low[-3:]}")
        if len(word) > 1 and word[0].isupper():
            out.append(f"pre={low[:3]}")
        if low in _MONTHS:
            out.append("month")
        if low in _EDITION:
            out.append("edition")
        if low in _PAGE:
            out.append("pageword")
        if low in _VOLUME:
            out.append("volword")
        if low in _ACCESSED:
            out.append("accessed")
        if low in _PUBLISHER:
            out.append("publisher")
        if low in _PLACE:
            out.append("place")
        if low in _REPORTS:
            out.append("report")
        if low in _JOIN:
            out.append("join")
        if low in _PARTICLES:
            out.append("particle")
        if low in _IN:
            out.append("in")
        if low == "v":
            out.append("versus")
        if len(word) >= 12:
            out.append("long")
    elif word.isdigit():
        n = len(word)
        out.append(f"len={min(n, 5)}")
    return tuple(out)


_NUMERIC_RE = re.compile(r"\d")


def features(
    tokens: Sequence[Token], rule: Sequence[str], italic: Sequence[bool]
) -> list[list[str]]:
    """The feature strings of every token (``rule``: the rule parser's label per token)."""
    n = len(tokens)
    words = [t[0] for t in tokens]
    own = [_word_features(w) for w in words]
    shapes = [_shape(w) for w in words]
    # The neighbour features of each token, made once and shared.
    near = [(f"w={w.lower()}", f"s={shape}") for w, shape in zip(words, shapes, strict=True)]
    out: list[list[str]] = []
    quote = False
    paren = 0
    bracket = False
    seen_year = False
    seen_quote_close = False
    sentence = 0  # how many ". X" breaks came before: Vancouver's elements are sentences
    for i, word in enumerate(words):
        feats = list(own[i])
        feats.extend(shape_classes(words, i))
        feats.append(f"sent={min(sentence, 5)}")
        feats.append(f"r={rule[i]}")
        feats.append(f"pos={min(10 * i // n, 9)}")
        if i == 0:
            feats.append("first")
        if i == n - 1:
            feats.append("last")
        if italic[i]:
            feats.append("italic")
        # State before this token.
        if quote:
            feats.append("inquote")
        if paren:
            feats.append("inparen")
        if bracket:
            feats.append("inbracket")
        if seen_year:
            feats.append("afteryear")
        if seen_quote_close:
            feats.append("afterquote")
        # Neighbours.
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                feats.append(f"{k}{near[j][0]}")
                feats.append(f"{k}{near[j][1]}")
                if k in (-1, 1):
                    feats.append(f"{k}r={rule[j]}")
            else:
                feats.append(f"{k}edge")
        out.append(feats)
        # Update the state after this token.
        if word in _OPEN_QUOTES and not quote and (i + 1 < n and words[i + 1][:1].isalnum()):
            quote = True
        elif word in _CLOSE_QUOTES and quote:
            quote = False
            seen_quote_close = True
        elif word == "(":
            paren += 1
        elif word == ")":
            paren = max(0, paren - 1)
        elif word == "[":
            bracket = True
        elif word == "]":
            bracket = False
        if shapes[i] == "year":
            seen_year = True
        if word == "." and 0 < i < n - 1 and words[i + 1][:1].isupper() and len(words[i - 1]) > 1:
            sentence += 1
    return out


def has_digit(text: str) -> bool:
    return bool(_NUMERIC_RE.search(text))
