"""Across notes: one work cited inconsistently, and short forms that point nowhere.

* ``conflicting-citation-details``: two full citations of the same work
  (same ``Citation.work``) give a different year, a differently spelled
  author, a different title, a different volume or a different page range.
  Ranges are compared as ranges ("1360–80" = "pp. 1360-1380"), volumes as
  numbers ("vol. 3" = "3" = "III").
* ``short-form-before-full-citation``: "Id.", "supra" or a short title
  comes before the first full citation of its work.
* ``supra-wrong-note``: "Author, supra note N" where note N does not cite
  that author.
* ``pinpoint-outside-pages``: a pinpoint ("at 309") outside the page range
  the full citation gives ("306-320").
* ``ambiguous-id``: "Id." or "Ibid." opening a note whose preceding note
  cites more than one work (Bluebook rule 4.1; Chicago likewise for ibid.):
  it cannot say which.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz import fuzz

from citecheck.checks.catalogue import AMBIGUOUS_ID, CONFLICT, EARLY_SHORT, PINPOINT, SUPRA
from citecheck.checks.passages import Passage
from citecheck.checks.rules import raise_finding
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Citation, Finding, ShortForm

__all__ = ["check_across_notes"]


def check_across_notes(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Inconsistencies between the notes of each manuscript."""
    del passages, settings
    citations = run.citations
    yield from _conflicts(citations)
    yield from _early_short_forms(citations)
    labels = {
        (footnote.location.path, footnote.label)
        for footnote_set in run.footnote_sets
        for footnote in footnote_set.footnotes
    }
    yield from _supra(citations, labels)
    yield from _pinpoints(citations)
    yield from _ambiguous_ids(citations)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w]+", " ", text).strip()


def _full(citation: Citation) -> bool:
    return citation.short_form is None and citation.problem is None


def _conflicts(citations: tuple[Citation, ...]) -> Iterator[Finding]:
    first_of: dict[tuple[str, str], Citation] = {}
    for citation in citations:
        if not citation.work or not _full(citation):
            continue
        key = (citation.location.path, citation.work)
        first = first_of.setdefault(key, citation)
        if first is citation:
            continue
        differences = _differences(first, citation)
        if not differences:
            continue
        message = (
            f"Note {citation.note} cites the work of note {first.note} with "
            f"{'; '.join(differences)}. Make the citations agree."
        )
        yield raise_finding(
            CONFLICT, message, citation.location, note=citation.note, evidence=citation.raw
        )


def _differences(first: Citation, later: Citation) -> list[str]:
    found = []
    if first.date is not None and later.date is not None and first.date.year != later.date.year:
        found.append(f"year {later.date.year} (note {first.note}: {first.date.year})")
    if first.title and later.title:
        a, b = _normal(first.title), _normal(later.title)
        # A short title is a prefix of the full one; only a real difference counts.
        if a != b and a not in b and b not in a and fuzz.ratio(a, b) >= 60:
            found.append(f"title “{later.title}” (note {first.note}: “{first.title}”)")
    for one, two in zip(first.authors, later.authors, strict=False):
        a, b = _normal(one.family), _normal(two.family)
        if a != b and fuzz.ratio(a, b) >= 75:
            found.append(f"author “{two.family}” (note {first.note}: “{one.family}”)")
    if first.volume and later.volume:
        one_volume, two_volume = _volume(first.volume), _volume(later.volume)
        if one_volume is not None and two_volume is not None and one_volume != two_volume:
            found.append(f"volume {later.volume} (note {first.note}: {first.volume})")
    if first.pages and later.pages:
        # Compared as ranges: Chicago's "1360–80" is APA's "1360–1380". What
        # cannot be read as one range ("12, 18–20") is not compared.
        one_range, two_range = page_range(first.pages), page_range(later.pages)
        if one_range is not None and two_range is not None and one_range != two_range:
            found.append(f"pages {later.pages} (note {first.note}: {first.pages})")
    return found


_PAGE_LABEL_RE = re.compile(r"^(?:pp?\.|pages?)\s*", re.IGNORECASE)
_ROMAN_RE = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(text: str) -> int | None:
    """ "xii" -> 12; None when ``text`` is no Roman numeral."""
    if not text or not _ROMAN_RE.fullmatch(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text.lower()]
    total = 0
    for value, after in zip(values, [*values[1:], 0], strict=True):
        total += -value if value < after else value
    return total


def page_range(pages: str) -> tuple[str, int, int] | None:
    """A page range as (numbering, first, last), or None when ``pages`` is no single range.

    "pp. 1360–80", "1360-1380" and "1360--1380" are ("arabic", 1360, 1380): an
    elided end (Chicago 9.61: "361-5", "1103-04") takes the start's missing
    leading digits. "xii–xv" is ("roman", 12, 15), "S12–20" ("S", 12, 20).
    A single page is no range.
    """
    text = _PAGE_LABEL_RE.sub("", pages.strip())
    match = re.fullmatch(r"(\w+)\s*(?:-+|[–—‒―])\s*(\w+)", text)
    if match is None:
        return None
    start, end = match.group(1), match.group(2)
    # A lettered sequence ("S12–S20", "S12–20", "A1-A4"): the letters name it.
    lettered = re.fullmatch(r"([A-Za-z]{1,2})(\d+)", start)
    if lettered and re.fullmatch(rf"(?:{lettered.group(1)})?\d+", end):
        numbering, start, end = (
            lettered.group(1).upper(),
            lettered.group(2),
            re.sub(r"^[A-Za-z]+", "", end),
        )
    else:
        numbering = "arabic"
    if start.isdigit() and end.isdigit():
        if len(end) < len(start):
            end = start[: len(start) - len(end)] + end
        first, last = int(start), int(end)
        return (numbering, first, last) if last >= first else None
    first_roman, last_roman = _roman(start), _roman(end)
    if first_roman is not None and last_roman is not None and last_roman >= first_roman:
        return ("roman", first_roman, last_roman)
    return None


def _volume(volume: str) -> int | str | None:
    """ "vol. 3", "Vol 3", "3" -> 3; "III" -> 3; other text folded; None if empty."""
    text = re.sub(r"(?i)^(?:vol(?:ume)?\.?|v\.)\s*", "", volume.strip()).strip(" .,")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    roman = _roman(text)
    return roman if roman is not None else _normal(text)


def _early_short_forms(citations: tuple[Citation, ...]) -> Iterator[Finding]:
    first_full: dict[tuple[str, str], int] = {}
    for citation in citations:
        if citation.work and _full(citation):
            first_full.setdefault((citation.location.path, citation.work), citation.index)
    for citation in citations:
        if citation.short_form is None or not citation.work:
            continue
        first = first_full.get((citation.location.path, citation.work))
        if first is None or first < citation.index:
            continue  # no full citation at all is notes.py's "unresolved short form"
        target = next(c for c in citations if c.index == first)
        message = (
            f"“{_clip(citation.raw)}” in note {citation.note} comes before the first full "
            f"citation of its work (note {target.note}). Give the full citation first."
        )
        yield raise_finding(
            EARLY_SHORT, message, citation.location, note=citation.note, evidence=citation.raw
        )


_SUPRA = re.compile(r"^(?P<who>.*?),?\s+supra\s+note\s+(?P<n>\d+)", re.IGNORECASE)


def _supra(citations: tuple[Citation, ...], labels: set[tuple[str, str]]) -> Iterator[Finding]:
    notes: dict[tuple[str, str], list[Citation]] = {}
    by_index = {c.index: c for c in citations}
    for citation in citations:
        notes.setdefault((citation.location.path, citation.note), []).append(citation)
    for citation in citations:
        match = _SUPRA.search(citation.raw)
        if match is None:
            continue
        target_label = match.group("n")
        targets = notes.get((citation.location.path, target_label), [])
        names = [p.family for p in citation.authors] or re.findall(
            r"[A-Z][\w'’-]+", match.group("who")
        )
        if not names:
            continue
        full = by_index.get(citation.antecedent) if citation.antecedent is not None else None
        # Resolved by a name ("QHSR, supra note 4" for the [hereinafter QHSR] of note 1):
        # note 4 may name QHSR too, but only by its short form.
        if (
            full is not None
            and full.note != target_label
            and not any(c.work == full.work and _full(c) for c in targets)
        ):
            who = match.group("who").strip()
            message = (
                f"“{_clip(citation.raw)}”: {who} is cited in full in note {full.note}, not in "
                f"note {target_label}. Point the supra at note {full.note}."
            )
            yield raise_finding(
                SUPRA, message, citation.location, note=citation.note, evidence=citation.raw
            )
            continue
        if not targets and (citation.location.path, target_label) not in labels and labels:
            problem = f"there is no note {target_label}"
        elif not targets:
            problem = f"note {target_label} has no citation"
        else:
            cited = (
                " ".join(_normal(p.family) for c in targets for p in c.authors)
                + " "
                + " ".join(_normal(c.raw) for c in targets)
            )
            if any(fuzz.partial_ratio(_normal(n), cited) >= 90 for n in names):
                continue
            problem = f"note {target_label} does not cite {', '.join(names)}"
        message = (
            f"“{_clip(citation.raw)}”: {problem}. Point the supra at the note with the "
            "full citation."
        )
        yield raise_finding(
            SUPRA, message, citation.location, note=citation.note, evidence=citation.raw
        )


def _pinpoints(citations: tuple[Citation, ...]) -> Iterator[Finding]:
    by_index = {c.index: c for c in citations}
    for citation in citations:
        if not citation.pinpoint:
            continue
        full = citation
        if citation.short_form is not None and citation.antecedent is not None:
            full = by_index.get(citation.antecedent, citation)
        span = page_range(full.pages or "")
        pin = re.match(r"\s*(\d+)(?:\s*[-–—]+\s*(\d+))?\s*$", citation.pinpoint)
        if span is None or span[0] != "arabic" or pin is None:
            continue
        first = int(pin.group(1))
        last = int(pin.group(2)) if pin.group(2) else first
        if pin.group(2) and last < first:
            last = first  # "309-10": only the first page matters here
        if span[1] <= first and last <= span[2]:
            continue
        message = (
            f"Pinpoint {citation.pinpoint} in note {citation.note} lies outside pages "
            f"{full.pages} of the cited work. Check the pinpoint or the page range."
        )
        yield raise_finding(
            PINPOINT, message, citation.location, note=citation.note, evidence=citation.raw
        )


def _ambiguous_ids(citations: tuple[Citation, ...]) -> Iterator[Finding]:
    notes: dict[tuple[str, str], list[Citation]] = {}
    for citation in citations:
        notes.setdefault((citation.location.path, citation.note), []).append(citation)
    order = list(notes)
    for position, key in enumerate(order):
        first = notes[key][0]
        if first.short_form not in {ShortForm.ID, ShortForm.IBID} or position == 0:
            continue
        previous_key = order[position - 1]
        if previous_key[0] != key[0]:
            continue  # another manuscript
        works = {c.work or c.raw for c in notes[previous_key] if c.short_form is None}
        if len(works) < 2:
            continue
        named = "; ".join(
            _clip(c.title or c.raw, 50) for c in notes[previous_key] if c.short_form is None
        )
        message = (
            f"“{_clip(first.raw)}” opens note {first.note}, but note {previous_key[1]} cites "
            f"{len(works)} works ({named}), so it cannot say which. Give a short form of the "
            "work meant."
        )
        yield raise_finding(
            AMBIGUOUS_ID, message, first.location, note=first.note, evidence=first.raw
        )


def _clip(text: str, limit: int = 120) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
