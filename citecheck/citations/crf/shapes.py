"""Shape classes and lexicons the CRF shares with the style readers.

The rules know forms by their shape: "2019;12(3):45-52" (year, volume,
issue, page range), "Roe AB" (a family name and initials), "Phys. Rev."
(abbreviated journal words), "Paris : Seuil" (a place before a publisher),
"2015 SCC 99" (a reporter). These features give the CRF the same cues, one
token at a time, from the token and its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["shape_classes"]

# Words journals abbreviate (ISO 4 / NLM forms, without their full stops).
JOURNAL_WORDS = frozenset(
    [
        "j",
        "jr",
        "rev",
        "lett",
        "phys",
        "chem",
        "biol",
        "med",
        "sci",
        "proc",
        "conf",
        "comput",
        "vis",
        "pattern",
        "recognit",
        "engl",
        "am",
        "assoc",
        "natl",
        "acad",
        "int",
        "eur",
        "br",
        "clin",
        "res",
        "ann",
        "annu",
        "soc",
        "stud",
        "mol",
        "cell",
        "trans",
        "ieee",
        "acm",
        "math",
        "stat",
        "econ",
        "polit",
        "hist",
        "philos",
        "psychol",
        "neurosci",
        "genet",
        "ecol",
        "environ",
        "eng",
        "mech",
        "appl",
        "theor",
        "rep",
        "bull",
        "q",
        "jpn",
        "lancet",
        "jama",
        "bmj",
        "nat",
        "commun",
        "syst",
        "tech",
        "mater",
        "opt",
        "nucl",
        "astron",
        "astrophys",
        "geophys",
        "lj",
        "lr",
        "quart",
        "ling",
        "lit",
        "educ",
        "manag",
    ]
)
# Publishing towns (with the ones ``features._PLACE`` already knows).
PLACES = frozenset(
    [
        "paris",
        "lyon",
        "torino",
        "milano",
        "roma",
        "firenze",
        "bologna",
        "napoli",
        "venezia",
        "bari",
        "padova",
        "madrid",
        "barcelona",
        "lisboa",
        "geneva",
        "genève",
        "vienna",
        "amsterdam",
        "leiden",
        "brussels",
        "bruxelles",
        "bern",
        "basel",
        "leipzig",
        "philadelphia",
        "baltimore",
        "washington",
        "berkeley",
        "durham",
        "ithaca",
        "singapore",
        "tokyo",
        "beijing",
        "delhi",
        "noida",
        "mumbai",
        "toronto",
        "montreal",
        "montréal",
        "ottawa",
        "vancouver",
        "wellington",
        "auckland",
        "stockholm",
        "copenhagen",
        "oslo",
        "helsinki",
        "warszawa",
        "kraków",
        "praha",
        "budapest",
    ]
)
# Reporters and series the law readers know, beyond ``features._REPORTS``.
REPORTERS = frozenset(
    [
        "scr",
        "scc",
        "onca",
        "bcca",
        "abca",
        "qcca",
        "fca",
        "air",
        "ecli",
        "oj",
        "unts",
        "ilm",
        "ilr",
        "icj",
        "pcij",
        "ecr",
        "ecthr",
        "rsc",
        "sc",
        "cqlr",
        "dlr",
        "fsupp",
        "usc",
        "cfr",
        "stat",
    ]
)
_DASHES = frozenset("-–—")


def shape_classes(words: Sequence[str], i: int) -> list[str]:
    """The shape classes of token ``i`` (a plain string each; none for most tokens)."""
    word = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    after = words[i + 2] if i + 2 < len(words) else ""
    out: list[str] = []
    low = word.lower()
    if word.isdigit():
        if prev in _DASHES and i >= 2 and words[i - 2].isdigit():
            out.append("c=range_end")
        if nxt in _DASHES and after.isdigit():
            out.append("c=range_start")
        if nxt == "(" and after.isdigit():
            out.append("c=vol_issue")  # 12(3)
        if prev == "(" and nxt == ")" and len(word) <= 3:
            out.append("c=issue_paren")
        if prev == ";":
            out.append("c=after_semicolon")  # 2019;12
        if nxt == ";":
            out.append("c=before_semicolon")
        if prev == ":":
            out.append("c=after_colon")  # (3):45
        if len(word) == 4 and word[:2] in ("18", "19", "20") and nxt in (";", "."):
            out.append("c=year_sep")
    elif word.isalpha():
        if word.isupper() and len(word) <= 3 and prev[:1].isupper() and prev[1:].islower():
            out.append("c=initials")  # Roe AB
        if len(word) == 1 and word.isupper() and nxt == ".":
            out.append("c=initial_dot")  # K. He
        if nxt == "." and word[:1].isupper() and len(word) <= 8:
            out.append("c=abbrev")
        if low in JOURNAL_WORDS:
            out.append("journalword")
        if low in PLACES:
            out.append("place")
            if nxt == ":" or (nxt == "," and after[:1].isupper()):
                out.append("c=place_publisher")
        if low in REPORTERS:
            out.append("reporter")
    return out
