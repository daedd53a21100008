"""Bluebook's abbreviations of institutional words, and of periodical words.

Law reviews cite agencies and other bodies by abbreviated names ("Fed. Trade
Comm'n", "U.S. Gov't Accountability Off.", "Cong. Rsch. Serv.", "Nat'l Acads.
of Scis., Eng'g & Med."). The words are Bluebook table T6 (words in case
names and institutional authors, 21st ed.), kept to those that are never an
initial, a month or a common English word ("Mar.", "St.", "No." are left out).
A periodical's name uses many of the same words beside its own ("J.", "L.",
"Rev.", "Q.", T13): such a stretch names a journal, not a body.
"""

from __future__ import annotations

import re

__all__ = ["institutional", "journal_abbreviated", "journal_like"]

# T6, as written (plural forms add "s" before the full stop: "Acads.", "Scis.").
_T6 = frozenset(
    (
        *("Acad.", "Acct.", "Admin.", "Adm'r", "Advoc.", "Agric.", "Ass'n", "Assoc."),
        *("Auth.", "Bd.", "Bldg.", "Bus.", "Ctr.", "Chem.", "Cmty.", "Coal.", "Coll."),
        *("Comm'n", "Comm'r", "Comm.", "Commc'n", "Cong.", "Consol.", "Constr.", "Coop."),
        *("Corp.", "Corr.", "Def.", "Dep't", "Dev.", "Dir.", "Distrib.", "Dist.", "Div."),
        *("Econ.", "Educ.", "Elec.", "Eng'r", "Eng'g", "Enter.", "Env't", "Envtl."),
        *("Equip.", "Exch.", "Exec.", "Fed.", "Fed'n", "Fin.", "Found.", "Gov't"),
        *("Hosp.", "Hous.", "Indep.", "Indus.", "Info.", "Inst.", "Ins.", "Int'l", "Inv."),
        *("Lab.", "Legis.", "Litig.", "Mgmt.", "Mfg.", "Med.", "Mem'l", "Metro.", "Mun."),
        *("Nat'l", "Off.", "Org.", "P'ship", "Pers.", "Pharm.", "Pol'y", "Prot.", "Pub."),
        *("Publ'n", "Publ'g", "Reg'l", "Rehab.", "Res.", "Ret.", "Rsch.", "Sch.", "Sci."),
        *("Sec'y", "Sec.", "Serv.", "Soc'y", "Sys.", "Tech.", "Telecomm.", "Transp."),
        *("Univ.", "Util.", "Admin'r", "Att'y", "Am.", "Immigr.", "Just.", "Cont'l", "Dev't"),
    )
)
# T13 words that only a periodical's name holds.
_PERIODICAL = frozenset(("J.", "L.", "Rev.", "Q.", "Bull.", "Ann.", "Mag.", "Stud.", "Rep."))

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’]*\.?")


def _tokens(text: str) -> list[str]:
    # Case kept: T6 words are capitalised ("dir." is a French editor, not "Dir.").
    return [t.replace("’", "'") for t in _TOKEN_RE.findall(text)]


def _t6(token: str) -> bool:
    if token in _T6:
        return True
    # "Acads.", "Scis.", "Dep'ts", "Ass'ns": the plural of a listed word.
    if token.endswith("s.") and token[:-2] + "." in _T6:
        return True
    return token.endswith("s") and token[:-1] in _T6


def institutional(text: str) -> bool:
    """Does ``text`` hold an abbreviated institutional word and no periodical's word?"""
    if "." not in text and "'" not in text and "’" not in text:
        return False  # every abbreviation has a full stop or an apostrophe
    tokens = _tokens(text)
    if any(t in _PERIODICAL for t in tokens):
        return False
    return any(_t6(t) for t in tokens)


def journal_abbreviated(text: str) -> bool:
    """Does ``text`` hold a periodical's abbreviation ("J.", "L. Rev.", "Q.")?"""
    return "." in text and any(t in _PERIODICAL for t in _tokens(text))


_JOURNAL_WORD_RE = re.compile(r"\b(?:Journal|Review|Quarterly|Law|Studies|Bulletin|Annals)\b")


def journal_like(text: str) -> bool:
    """Is ``text`` named like a periodical (an abbreviation such as "J.", or "Review")?"""
    return journal_abbreviated(text) or bool(_JOURNAL_WORD_RE.search(text))
