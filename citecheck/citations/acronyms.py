"""Acronyms of corporate authors, so "EPA, *Sixth Report*, 14." finds its full citation.

A body cited in full once ("U.S. Environmental Protection Agency", "Env't Prot.
Agency", "Congressional Budget Office") is often cited short by its acronym.
An acronym counts when it is stated in parentheses in the name ("... Agency
(EPA)") or spells the initials of the name's words: with or without the small
words ("Department of Energy": DOE, DE) and with or without a leading
country ("U.S.").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["acronyms", "is_acronym"]

_SMALL = frozenset(("of", "the", "and", "for", "on", "in", "to", "&", "de", "du", "des", "a"))
_COUNTRIES = frozenset(("us", "uk", "usa", "eu"))
_STATED_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*|&")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.){2,}")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&]{1,8}")


def is_acronym(name: str) -> bool:
    """ "EPA", "CBO", "OECD": a short run of capitals, the shape an acronym has."""
    return _ACRONYM_RE.fullmatch(name) is not None


@lru_cache(maxsize=4096)
def acronyms(name: str) -> frozenset[str]:
    """The folded acronyms ``name`` may be cited by; empty for a one-word name."""
    out = {m.group(1).lower() for m in _STATED_RE.finditer(name)}
    words = _WORD_RE.findall(_STATED_RE.sub(" ", name))
    if len(words) < 2:
        return frozenset(out)
    # Each word gives its initial; a dotted abbreviation ("U.S.") all its letters.
    tokens = [
        (w.lower(), w.replace(".", "").lower() if _DOTTED_RE.fullmatch(w) else w[0].lower())
        for w in words
    ]
    if [w for w, _ in tokens[:2]] == ["united", "states"]:
        tokens = [("us", "us"), *tokens[2:]]
    variants = [tokens]
    if tokens and tokens[0][1] in _COUNTRIES:
        variants.append(tokens[1:])
    for variant in variants:
        full = "".join(i for _, i in variant)
        content = "".join(i for w, i in variant if w not in _SMALL)
        for initials in (full, content):
            if len(initials) >= 2 and len(content) >= 2:
                out.add(initials)
    return frozenset(out)
