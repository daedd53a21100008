"""Works and their citation keys: which citations to export, under which key.

Export writes one entry per cited *work*, not per citation: a work cited in
full in note 3 and by "Id." in note 4 is one bibliography entry. This module
picks the fullest full citation of each work (short forms never carry more
than their antecedent) and gives it a stable key in the Better BibTeX
spirit, simplified to ``[a-z0-9]`` so keys are safe in LaTeX, pandoc and
Markdown alike::

    <first author's family name><year><first significant title word>
    manning1977congress, gutierrez2019frontera, council2014north

With no author the title word leads: ``plyler1982``. A case is keyed by
its first party that is not a sovereign ("United States v. Ramsey" ->
``ramsey1977``, "R v Brown" -> ``brown2001``).

Corporate authors contribute their first significant word ("Council on
Foreign Relations" -> ``council``). Clashes get ``a``, ``b``, ... in document
order, so the same citations always give the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import fields

from citecheck.model import Citation, CitationType

__all__ = ["citation_key", "keyed_works"]

# Function words never chosen as the title's (or a corporate author's) key
# word: English plus the common Spanish, French and German ones, after Better
# BibTeX's skip list (reduced to what occurs in footnoted essays).
_SKIP_WORDS = """
    a about above across after against along among an and around as at before behind below
    beneath beside between beyond but by despite down during except for from in inside into
    like near nor of off on onto or out outside over past since so than that the their this
    through throughout till to toward towards under underneath until up upon via vs with
    within without yet is are was were be its it how what when where why who whom which
    el la los las lo un una unos unas y o de del en con por para sobre al
    le les une des et du au aux dans pour sur par
    der die das den dem des ein eine einer und oder von vom zu zum zur mit auf im für über
    v
"""


def _fold(text: str) -> str:
    """ASCII-fold and lower-case: "Gutiérrez" -> "gutierrez", "Ø" -> "o"."""
    # NFKD splits accents off most letters; a few letters have no
    # decomposition and are mapped by hand.
    special = str.maketrans(
        {
            "ß": "ss",
            "æ": "ae",
            "Æ": "ae",
            "ø": "o",
            "Ø": "o",
            "œ": "oe",
            "Œ": "oe",
            "ł": "l",
            "Ł": "l",
            "đ": "d",
            "Đ": "d",
            "þ": "th",
            "Þ": "th",
            "ı": "i",
        }
    )
    decomposed = unicodedata.normalize("NFKD", text.translate(special))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    return ascii_only.lower()


_SKIP = frozenset(_fold(word) for word in _SKIP_WORDS.split())


def _words(text: str) -> list[str]:
    """Folded words of ``text``; "U.S." and "O'Neil" stay one word each."""
    folded = _fold(text)
    # Dots, apostrophes and hyphens inside a word join its parts.
    joined = re.sub(r"(?<=[a-z0-9])[.'’\-](?=[a-z0-9])", "", folded)
    return re.findall(r"[a-z0-9]+", joined)


def _first_significant(text: str | None) -> str:
    # A number leads many report titles ("2014 Quadrennial ... Review"); next to
    # the year it makes keys like "20142014", so a word is preferred to it.
    candidates = [w for w in _words(text or "") if w not in _SKIP and (len(w) > 1 or w.isdigit())]
    for word in candidates:
        if not word.isdigit():
            return word
    return candidates[0] if candidates else ""


# The sovereign that prosecutes in most criminal cases names none of them:
# "United States v. Ramsey" is keyed by Ramsey, "R v Brown" by Brown.
_SOVEREIGNS = frozenset(
    {
        "united states",
        "united states of america",
        "us",
        "usa",
        "state",
        "people",
        "commonwealth",
        "r",
        "regina",
        "rex",
        "the queen",
        "the king",
        "crown",
        "her majesty the queen",
        "his majesty the king",
    }
)
_PARTIES_RE = re.compile(r"\s+v\.?\s+|\s+vs\.?\s+")
_CASE_PREFIX_RE = re.compile(r"(?i)^(?:in\s+re|ex\s+parte|re)\s+")


def _case_word(title: str) -> str:
    """The first party of a case that is not a sovereign ("United States v. Ramsey": ramsey)."""
    for party in _PARTIES_RE.split(title):
        party = _CASE_PREFIX_RE.sub("", party.strip(" ,."))
        # "People ex rel. Gallo": the relator brings the case.
        sovereign, _sep, relator = party.partition(" ex rel. ")
        name = relator if relator else party
        folded = " ".join(_words(sovereign if not relator else name))
        if not relator and (folded in _SOVEREIGNS or folded.startswith("state of ")):
            continue
        word = _first_significant(name)
        if word:
            return word
    return _first_significant(title)


def citation_key(citation: Citation) -> str:
    """The clash-free-to-be key of one citation, before any a/b/c suffix."""
    author = ""
    if citation.authors:
        first = citation.authors[0]
        if first.corporate:
            author = _first_significant(first.family)
        else:
            author = "".join(_words(first.family))
    if citation.type is CitationType.CASE and not citation.authors and citation.title:
        title = _case_word(citation.title)
    else:
        title = _first_significant(citation.title) or _first_significant(citation.container)
    year = "" if citation.date is None else str(citation.date.year)
    # Without an author the title word leads, so a case reads "plyler1982".
    key = f"{author}{year}{title}" if author else f"{title}{year}"
    return key or "anon"


def _richness(citation: Citation) -> int:
    """How many fields a citation fills: the fullest one speaks for its work."""
    skip = {"note", "index", "raw", "location", "work", "antecedent", "problem"}
    count = 0
    for field in fields(citation):
        if field.name in skip:
            continue
        value = getattr(citation, field.name)
        if value not in (None, "", (), False):
            count += 1
    return count


def _exportable(citation: Citation) -> bool:
    if citation.short_form is not None:
        # A resolved short form points at a full citation of the same work,
        # which is exported instead; an unresolved one identifies nothing.
        return False
    return bool(citation.title or citation.authors or citation.container or citation.urls)


def keyed_works(citations: Sequence[Citation]) -> tuple[tuple[str, Citation], ...]:
    """One ``(key, citation)`` per distinct work, in order of first citation.

    The citation is the work's fullest full citation (ties: the earliest).
    Citations without a ``work`` id are each their own work.
    Keys: ``<author><year><title word>`` (see the module docstring).
    """
    chosen: dict[str, Citation] = {}
    for citation in citations:
        if not _exportable(citation):
            continue
        work = citation.work or f"#citation-{citation.index}"
        best = chosen.get(work)
        if best is None or _richness(citation) > _richness(best):
            # Keep the work's slot in first-citation order (dict order).
            chosen[work] = citation
    used: set[str] = set()
    result: list[tuple[str, Citation]] = []
    for citation in chosen.values():
        base = citation_key(citation)
        key = base
        suffix = 0
        while key in used:
            key = base + _letters(suffix)
            suffix += 1
        used.add(key)
        result.append((key, citation))
    return tuple(result)


def _letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: suffixes that never run out."""
    text = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text
