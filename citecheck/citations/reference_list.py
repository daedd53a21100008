"""A manuscript's own reference list, for author-date notes that point into it.

A report whose notes say "Galvan and Beaulieu (2018), p. 415." cites a work
its "References" (or "Bibliography", "Works Cited") list spells out in full.
The readers keep that list in the body (it is never a note), so the
citations stage reads it from there: each entry is read as a citation, and an
author-date note with no earlier full citation, whose first author and year
name exactly one entry, becomes a full citation of that entry with the note's
own pinpoint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace

from citecheck.citations.hints import lowered
from citecheck.model import Citation, PartialDate, ShortForm

__all__ = ["ReferenceIndex", "expanded", "list_entries"]

_HEADING_RE = re.compile(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:references|reference\s+list|bibliography|works\s+cited"
    r"|literature\s+cited|sources)[ \t]*:?[ \t]*$"
)
# What ends the list: another heading ("## Appendix", "Appendix A", "Notes").
_END_RE = re.compile(r"(?im)^[ \t]*(?:#{1,6}[ \t]+\S|(?:appendix|notes|endnotes)\b[^\n]{0,40}$)")
_MAX_ENTRIES = 2000
# Words every heading holds: the cheap test before the heading pattern.
HEADING_WORDS = ("reference", "bibliography", "cited", "sources")


def list_entries(body: str) -> tuple[str, ...]:
    """The entries of the body's last reference list, one string each (none: ())."""
    low = lowered(body)
    if low is not None and not any(w in low for w in HEADING_WORDS):
        return ()
    heads = list(_HEADING_RE.finditer(body))
    if not heads:
        return ()
    start = heads[-1].end()
    end = _END_RE.search(body, start)
    block = body[start : end.start() if end else len(body)]
    # One entry a paragraph; a list with no blank lines has one a line.
    parts = (
        re.split(r"\n[ \t]*\n", block)
        if re.search(r"\n[ \t]*\n", block.strip())
        else block.splitlines()
    )
    entries = [re.sub(r"\s+", " ", p).strip() for p in parts]
    return tuple(e for e in entries if len(e) > 15)[:_MAX_ENTRIES]


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", "", plain.casefold())


class ReferenceIndex:
    """The list's entries read as citations, by (first author, year)."""

    def __init__(self, entries: Sequence[Citation]) -> None:
        self.by_key: dict[tuple[str, int], list[Citation]] = {}
        for entry in entries:
            if entry.authors and entry.date is not None and entry.title:
                key = (_fold(entry.authors[0].family), entry.date.year)
                self.by_key.setdefault(key, []).append(entry)

    def entry_for(self, who: str, year: int) -> Citation | None:
        """The one entry by ``who`` ("Roe", "Roe and Doe", "Roe et al.") of ``year``."""
        names = [n for n in re.split(r"\s+(?:and|&)\s+|\s+et\s+al\.?", who) if n.strip()]
        if not names:
            return None
        found = self.by_key.get((_fold(names[0]), year), [])
        if len(names) > 1:
            second = _fold(names[1])
            found = [e for e in found if any(_fold(p.family) == second for p in e.authors[1:])]
        return found[0] if len(found) == 1 else None


def expanded(
    citations: Sequence[Citation],
    resolved: Sequence[Citation],
    who: Callable[[int], str | None],
    index: ReferenceIndex,
) -> list[Citation] | None:
    """``citations`` with each unresolved author-date note that names one list entry
    replaced by that entry, cited at the note's pinpoint (None: nothing to replace)."""
    out = list(citations)
    changed = False
    for position, done in enumerate(resolved):
        if done.short_form is not ShortForm.SHORT_TITLE or done.antecedent is not None:
            continue
        cited, name = citations[position], who(position)
        if cited.date is None or not name:
            continue
        entry = index.entry_for(name, cited.date.year)
        if entry is None:
            continue
        out[position] = replace(
            entry,
            note=cited.note,
            index=cited.index,
            raw=cited.raw,
            location=cited.location,
            signal=cited.signal,
            pinpoint=cited.pinpoint,
            date=entry.date or PartialDate(cited.date.year),
            problem=None,
        )
        changed = True
    return out if changed else None
