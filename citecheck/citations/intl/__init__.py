"""OSCOLA, AGLC, MHRA and German footnote forms the general rules misread.

These forms are regular enough for a pattern to be surer than any model:

- cases: "R v Brown [2001] UKHL 12, [23]", "[1990] 1 QB 10 (CA) 15",
  "Mabo v Queensland (No 2) (1992) 175 CLR 1, 42", "BVerfGE 65, 1 (43)",
  "BGH NJW 2005, 1234 (1236)";
- journal articles: "'Title' (1994) 28 Sociology 379, 381", "[2003] PL 45",
  MHRA "'Title', Sociology, 28 (1994), 379-95 (p. 381)", German
  "Müller, NJW 2005, 1234 (1236)", "ZRP 30 (1997), 12 (14)";
- books: "Title (2nd edn, Butterworths 1992) 120", AGLC "(OUP, 2nd ed,
  1990)", German "Grundrechte, 3. Aufl. 2010, S. 45 f.";
- German commentaries and handbooks ("Schmidt, in: Maunz/Dürig, GG, Art. 20
  Rn. 12"), statutes ("§ 823 Abs. 1 BGB", "Human Rights Act 1998, s 3(1)")
  and reports ("(Law Com No 12, 2000)", "(Cm 1234, 2000)");
- short forms: "Walby (n 3) 385", "Walby, above n 3, 385", "Müller (Fn. 3),
  S. 5", "Müller, a.a.O., S. 47", "Ebd., S. 12".

``read_intl`` answers None for anything else, and the general rules run.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citecheck.citations.draft import Parsed
from citecheck.citations.intl._common import _Q_OPEN
from citecheck.citations.intl.articles import _article, _chapter
from citecheck.citations.intl.books import _book, _german_book, _in_book
from citecheck.citations.intl.cases import _case
from citecheck.citations.intl.other import _newspaper, _statute_or_report, _web
from citecheck.citations.intl.public_law import _public_law
from citecheck.citations.intl.short import _short
from citecheck.citations.intl.tidy import mhra_pages, tidy_title

__all__ = ["mhra_pages", "read_intl", "tidy_title"]

_PUBLIC_HINT_RE = re.compile(
    r"\bDeb\b|\bOJ\b|^(?:Joined\s+)?Cases?\s|\bApp(?:lication)?\s+no|Convention|Treaty|Charter|Covenant"
    r"|Protocol|Agreement|Declaration|Constitution|Grundgesetz"
)


# Cheap tests that a reader's pattern can match at all: most notes are in
# none of these conventions, and the patterns are not cheap.
_QUOTE_CHARS = frozenset(_Q_OPEN)
# A word every match of _PUBLIC_HINT_RE contains: plain substring tests are
# far cheaper than the alternation.
_PUBLIC_WORDS = (
    *("Deb", "OJ", "Case", "App", "Convention", "Treaty", "Charter", "Covenant"),
    *("Protocol", "Agreement", "Declaration", "Constitution", "Grundgesetz"),
)
_SHORT_HINTS = (
    "(n ",
    "(Fn",
    "above n",
    "supra n",
    "a.a.O",
    "a. a. O",
    "bd.",
    "benda",
    ", S. ",
    ", Rn. ",
    ", § ",
)
_CASE_HINT_RE = re.compile(
    r"\sv\.?\s|^(?:Re|In re|Ex parte)\s|\((?:No|Nr)"
    r"|^(?:BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|RG|OLG|LG|VG|OVG|VGH|AG|LAG|LSG)"
)
_STATUTE_HINT_RE = re.compile(
    r"§|\bArtt?\.|\b(?:Act|Ordinance|Regulations|Order|Rules|Code)\s+\d{4}|\("
)
_GERMAN_JOURNAL_HINT_RE = re.compile(
    r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,9}\s+(?:\d{4}|\d{1,3}\s*\(\d{4}\)),\s*\d"
)


_CASE_OPENINGS = (
    *("Re", "In re", "Ex parte", "BVerfG", "BGH", "BVerwG", "BAG", "BSG", "BFH", "EuGH", "RG"),
    *("OLG", "LG", "VG", "OVG", "VGH", "AG", "LAG", "LSG"),
)


def _case_hint(text: str) -> bool:
    """A string every match of _CASE_HINT_RE contains (``read_intl`` has made
    every run of whitespace one space)."""
    return " v " in text or " v. " in text or "(N" in text or text.startswith(_CASE_OPENINGS)


def _quoted(text: str) -> bool:
    return not _QUOTE_CHARS.isdisjoint(text)


_Reader = Callable[[str], Parsed | None]
_READERS: tuple[tuple[Callable[[str], bool], _Reader], ...] = (
    (lambda t: any(h in t for h in _SHORT_HINTS), _short),
    (
        lambda t: any(w in t for w in _PUBLIC_WORDS) and bool(_PUBLIC_HINT_RE.search(t)),
        _public_law,
    ),
    (lambda t: _case_hint(t) and bool(_CASE_HINT_RE.search(t)), _case),
    (lambda t: "(" in t or bool(_STATUTE_HINT_RE.search(t)), _statute_or_report),
    (lambda t: _quoted(t) or bool(_GERMAN_JOURNAL_HINT_RE.search(t)), _article),
    (lambda t: _quoted(t) and " in " in t, _chapter),
    (lambda t: _quoted(t) and ("http" in t or "www." in t), _web),
    (lambda t: _quoted(t) or " v. " in t or " vom " in t, _newspaper),
    (lambda t: "in:" in t, _in_book),
    (lambda t: "(" in t and ")" in t, _book),
    (lambda t: "Aufl" in t or "/" in t or "S. " in t or "Rn." in t or "§" in t, _german_book),
)


def read_intl(text: str) -> Parsed | None:
    """A Commonwealth or German form, read by its pattern; None for anything else."""
    value = " ".join(text.split()).strip()
    if not value or len(value) > 600:
        return None
    for worth_trying, reader in _READERS:
        if worth_trying(value):
            found = reader(value)
            if found is not None:
                return found
    return None
