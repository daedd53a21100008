"""Short forms: Id., Ibid., supra / infra, op. cit. and short titles.

``read_short_form`` recognises a piece that is nothing but a short form
("Id. at 4.", "Smith, supra note 3, at 12."); ``short_title_shape`` says
whether what the general reader found ("Kissinger, World Order, 12.") has
the shape of a short title. Both are resolved later by ``resolve``.
"""

from __future__ import annotations

import re

from citecheck.citations.draft import Draft, Parsed, tidy
from citecheck.citations.hints import lowered
from citecheck.model import PartialDate, ShortForm

__all__ = ["read_short_form", "short_title_shape"]


def _pin(text: str) -> str | None:
    value = re.sub(r"^(?:at\s+)?(?:pp?\.|pages?|para(?:graph)?s?\.?|§+)\s*", "", text.strip(" .,"))
    value = value.strip(" .,")
    return value or None


_LOCATOR = (
    r"(?:(?:at\s+)?(?:(?:pp?\.|pages?|paras?\.?|¶+|§+)\s*)?"
    r"(?P<pin>[\dIVXLCDMivxlcdm][\w–—\-.,]{0,30}?))"
)
_IBID_RE = re.compile(
    rf"^(?P<word>ibid(?:em)?|id)\.?(?:,?\s*{_LOCATOR})?\s*(?:\(.*\))?\s*[.,]?\s*(?=$|[A-Z(])",
    re.IGNORECASE,
)
_AUTHOR_PAGE_RE = re.compile(
    r"^(?P<who>[A-Z][\w’'-]+(?:\s+(?:and|&)\s+[A-Z][\w’'-]+)?),\s*(?:pp?\.\s*)?"
    r"(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\.?$"
)
# "See supra note 3, at 4." / "infra note 12": a note named with no author.
_BARE_SUPRA_RE = re.compile(
    r"^(?P<word>supra|infra)\s*,?\s*(?:notes?|nn?\.?)\s*(?P<note>\d{1,4})"
    r"(?:,?\s*(?:at\s+)?(?:pp?\.\s*)?(?P<pin>\d[\w–—-]{0,20}))?",
    re.IGNORECASE,
)
_SUPRA_RE = re.compile(
    r"^(?P<who>.{1,240}?),?\s+(?:supra|op\.\s?cit\.?|loc\.\s?cit\.?)"
    r"(?:,?\s*(?:notes?|nn?\.?)\s*(?P<note>\d{1,4}))?"
    r"(?:,?\s*(?:at\s+)?(?:(?:pp?\.|pages?|paras?\.?|¶+|§+)\s*)?(?P<pin>[\dIVXLCDMivxlcdm][\w–—\-]{0,20}))?",
    re.IGNORECASE,
)


def read_short_form(text: str) -> Parsed | None:
    stripped = text.strip()
    other = _other_languages(stripped)
    if other is not None:
        return other
    m = _IBID_RE.match(stripped)
    if m:
        form = ShortForm.ID if m.group("word").lower() == "id" else ShortForm.IBID
        # "Id" is only a short form with its period (it is also a word).
        if form is ShortForm.ID and not re.match(r"(?i)id\.", stripped):
            return None
        pin = m.group("pin")
        return Parsed(short_form=form, pinpoint=_pin(pin) if pin else None)
    m = _BARE_SUPRA_RE.match(stripped)
    if m:
        pin = m.group("pin")
        infra = m.group("word").lower() == "infra"
        return Parsed(
            short_form=ShortForm.SUPRA,
            supra_note=None if infra else m.group("note"),
            pinpoint=_pin(pin) if pin else None,
            problem=f"infra note {m.group('note')} points forward; not resolved" if infra else None,
        )
    low = lowered(stripped)
    m = _SUPRA_RE.match(stripped) if low is None or "supra" in low or "cit" in low else None
    if m:
        who = tidy(m.group("who"))
        pin = m.group("pin")
        return Parsed(
            short_form=ShortForm.SUPRA,
            supra_note=m.group("note"),
            short_who=who,
            pinpoint=_pin(pin) if pin else None,
        )
    m = _AUTHOR_PAGE_RE.match(stripped)
    if m and m.group("who").split()[0].casefold() not in _NOT_NAMES:
        # "Kissinger, 45.": an author and a page, the shortest short form.
        return Parsed(
            short_form=ShortForm.SHORT_TITLE, short_who=m.group("who"), pinpoint=m.group("pin")
        )
    return None


# Italian "Ivi" (the same work, another page); French and Italian "art. cit.",
# "cit." after an author (and title); Harvard "Roe (2019), p. 5".
_IVI_RE = re.compile(rf"^Ivi\.?(?:,?\s*{_LOCATOR})?\s*\.?$")
_CIT_RE = re.compile(
    r"^(?P<who>[A-ZÀ-Ý].{0,240}?),\s+(?:art\.\s?cit|cit)\.?"
    r"(?:,?\s*(?:pp?\.\s*)?(?P<pin>[\dIVXLCDMivxlcdm][\w–—\-]{0,20}(?:\s*(?:sgg|sq|ss)\.)?))?\s*\.?$"
)
_HARVARD_RE = re.compile(
    r"^(?P<who>[A-Z][\w’'-]+(?:\s+(?:and|&)\s+[A-Z][\w’'-]+|\s+et\s+al\.?)?)\s+"
    r"(?:\((?P<year>(?:1[5-9]|20)\d\d)[a-z]?\)|(?P<bare>(?:1[5-9]|20)\d\d)[a-z]?(?=[,:]))"
    r"[,:]?\s*(?:pp?\.\s*)?(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\.?$"
)


def _other_languages(stripped: str) -> Parsed | None:
    """ "Ivi, p. 5", "Roe, « Titre », art. cit., p. 5", "Roe (2019), p. 5"."""
    m = _IVI_RE.match(stripped) if stripped.startswith("Ivi") else None
    if m:
        pin = m.group("pin")
        return Parsed(short_form=ShortForm.IBID, pinpoint=_pin(pin) if pin else None)
    m = _CIT_RE.match(stripped) if "cit" in stripped else None
    if m:
        who = re.sub(r"[«“\"]\s*|\s*[»”\"]", "", m.group("who"))
        return Parsed(short_form=ShortForm.SUPRA, short_who=tidy(who), pinpoint=m.group("pin"))
    # Harvard "Roe (2019), p. 5" and author-date "Roe and Doe 2019, 12".
    m = _HARVARD_RE.match(stripped)
    if m and m.group("who").split()[0].casefold() not in _NOT_NAMES:
        return Parsed(
            short_form=ShortForm.SHORT_TITLE,
            short_who=m.group("who"),
            pinpoint=m.group("pin"),
            date=PartialDate(int(m.group("year") or m.group("bare"))),
        )
    return None


_SMALL_WORDS = frozenset(("of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by"))

# Sentence openers that would otherwise read as a one-word author.
_NOT_NAMES = frozenset(
    [
        "moreover",
        "however",
        "thus",
        "also",
        "indeed",
        "furthermore",
        "similarly",
        "likewise",
        "still",
        "yet",
        "nevertheless",
        "therefore",
        "hence",
        "accordingly",
        "finally",
        "first",
        "second",
        "third",
        "again",
        "instead",
        "meanwhile",
        "notably",
    ]
)


def short_title_shape(d: Draft) -> bool:
    """ "Kissinger, World Order, 12." or "“Lines and Flows,” 215.": a short form."""
    if not d.title or len(d.authors) > 3 or any(p.given for p in d.authors):
        return False
    title = tidy(d.title) or ""
    words = title.split()
    if not 1 <= len(words) <= 10 or not (title[:1].isupper() or d.title_marked):
        return False
    if not d.authors:
        # A title alone must look like one and come with a page.
        capitals = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
        return d.pinpoint is not None and len(words) <= 6 and (d.title_marked or capitals)
    return d.authors[0].family.casefold() not in _NOT_NAMES
