"""Prose that leads into a citation without a known lead-in phrase.

"The first clinical series is Roe A, Doe B. Title. ...", "Convolutional
networks long predate the boom: Y. Roe, “Title,” ...", "Le temps est analysé
par Jean Roe, « Titre », ...", "The provision is read in R v Roe, ...": a
sentence of prose, then a citation that opens with a shape no prose has (an
author list in one of the reference styles, a name before a quoted title, a
case name, a standard's designation). The prose is cut off; a signal word
ending it ("... generally see Roe A") is the piece's signal.

The prose must look like prose: one of its first three words in lower case
(which is also the cheap test in front of the patterns), at least two
lower-case content words, and no digits, brackets or URL.
"""

from __future__ import annotations

import re

__all__ = ["find_start", "prose_hint", "prose_leadin"]

_NAME = r"[A-ZÀ-Ý][\w'’-]+"
# Where a citation may start after prose; each is tried only at word starts.
_STARTS = re.compile(
    rf"""(?x)
      {_NAME}(?:\s{_NAME})?\s[A-Z]{{1,3}}(?:,\s{_NAME}\s[A-Z]{{1,3}}\b|\.\s|,?\s+et\s+al)
                                                           # Vancouver: Roe AB, Doe C / Roe AB.
    | (?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)\s?{_NAME}(?:,\s|\s+and\s|\s+&\s|\s+et\s+al)
                                                           # IEEE: A. B. Roe, / A. Roe and
    | {_NAME},\s(?:[A-Z]\.\s?){{1,3}}(?:,|\s&|\s+et\s+al|\s+and\s|\s\()
                                                           # Nature, Harvard: Roe, A. B. &
    | {_NAME}(?:\s(?:[A-ZÀ-Ý][\w.'’-]*|&|and|et|de|d'|le|la|van|von|di|da)){{1,8}},\s*[«“"‘]
                                                           # names, then a quoted title
    | (?:Joined\s+)?Cases?\s+[CT]-?\d                      # EU case numbers
    | (?:{_NAME}\s){{1,6}}v\.?\s[A-Z]                        # a case name: Roe v Doe
    | (?:ISO|IEC|IEEE\s+Std|BS|DIN|EN|ANSI)\s(?:[A-Z/]+\s)?\d+(?:[-:.]\d+)*[:-](?:19|20)\d\d
                                                           # a standard: ISO 9999:2015
    | (?:{_NAME}\s)+Standard\s+for\s                       # "X Standard for Y, X Std ..."
    """
)
_NOT_PROSE_RE = re.compile(r"[\d()\[\]<>]|https?:|www\.")
_WORD_START_RE = re.compile(r"(?<=[\s:])(?=[A-ZÀ-Ý])")
_LOWER_WORD_RE = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’-]*")
# Words that join the parts of an organisation's or a book's name.
_JOINING = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "on",
        "in",
        "at",
        "to",
        "a",
        "an",
        "by",
        "with",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "et",
        "en",
        "per",
        "il",
        "lo",
        "di",
        "del",
        "della",
        "dei",
        "e",
        "y",
        "für",
        "und",
        "der",
        "die",
        "das",
        "van",
        "von",
        "voor",
        "och",
    ]
)
_STRIP = "“”\"'‘’«»,:;."
_SIGNALS = {
    "see": "see",
    "see also": "see also",
    "see generally": "see generally",
    "cf.": "cf.",
    "voir": "voir",
    "voir aussi": "voir aussi",
    "si veda": "si veda",
    "si vedano": "si vedano",
}
_SIGNAL_END_RE = re.compile(
    r"(?:^|\s)(see(?:\s+also|\s+generally)?|cf\.|voir(?:\s+aussi)?|si\s+veda(?:no)?),?\s*$",
    re.IGNORECASE,
)


def prose_hint(text: str) -> bool:
    """Is one of the first three words in lower case, and the first not "Name,"?
    (Necessary for ``prose_leadin``: every head ``_prose`` accepts has both.)"""
    words = text.split(None, 3)
    if not words or words[0][-1] == ",":
        return False  # "Roe, Title ...": every head would open with "Roe,"
    for word in words[:3]:
        word = word.strip(_STRIP)
        if word and word[0].islower() and word not in _JOINING:
            return True
    return False


def _lower(word: str) -> bool:
    word = word.strip(_STRIP)
    return bool(word) and word[0].islower() and word not in _JOINING


def _prose(head: str) -> bool:
    if not head.strip() or _NOT_PROSE_RE.search(head):
        return False
    words = head.split()
    if len(words) < 2 or not prose_hint(head):
        return False
    # "Roe, Title words ...": a name and a comma first is a citation, not prose.
    if words[0].endswith(","):
        return False
    content = [w for w in words if _lower(w) and _LOWER_WORD_RE.fullmatch(w.strip(_STRIP))]
    return len(content) >= 2


def prose_leadin(text: str) -> tuple[str | None, int] | None:
    """(signal, where the citation starts) when ``text`` opens with prose, else None."""
    return find_start(text) if prose_hint(text) else None


def find_start(text: str) -> tuple[str | None, int] | None:
    """``prose_leadin`` without its cheap test in front."""
    # No head holding a digit, a bracket or a URL is prose: starts after the first one
    # can only give None, so they are not tried.
    bad = _NOT_PROSE_RE.search(text, 0, 300)
    end = min(len(text), 300, bad.start() + 1 if bad else 300)
    for m in _WORD_START_RE.finditer(text, 1, end):
        at = m.start()
        if not _STARTS.match(text, at):
            continue
        head = text[:at]
        if not _prose(head):
            return None  # the first start after prose decides; later ones are the citation's
        sig = _SIGNAL_END_RE.search(head)
        signal = _SIGNALS.get(re.sub(r"\s+", " ", sig.group(1).lower())) if sig else None
        return signal, at
    return None
