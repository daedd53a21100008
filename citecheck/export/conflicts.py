"""A work cited in full twice, with details that disagree: which one the export keeps.

The export writes the work's fullest citation, and a later citation that adds
a pinpoint is fuller than the first; so a later wrong year ("(2018)" where
note 1 said 2020) would win by accident. Instead, for each detail the full
citations of one work disagree on (year, volume, issue, first page):

* the sources stage's record for the work, when one matched and it agrees
  with one of the notes, decides;
* otherwise the first full citation's value is kept;

and the entry says so (biblatex ``annotation``, CSL ``note``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from citecheck.model import Citation, WorkRecord

__all__ = ["settled"]


def _first_page(pages: str | None) -> str | None:
    if not pages:
        return None
    return re.split(r"\s*[-–—]+\s*", pages.strip())[0] or None


def _year(c: Citation) -> str | None:
    return None if c.date is None else str(c.date.year)


def _record_year(r: WorkRecord) -> str | None:
    return str(r.years[0]) if r.years else None


# detail -> (what the note gives, what the record gives, the field it sets)
_DETAILS: tuple[
    tuple[str, Callable[[Citation], str | None], Callable[[WorkRecord], str | None], str], ...
] = (
    ("year", _year, _record_year, "date"),
    ("volume", lambda c: c.volume, lambda r: r.volume, "volume"),
    ("issue", lambda c: c.issue, lambda r: r.issue, "issue"),
    ("first page", lambda c: _first_page(c.pages), lambda r: _first_page(r.pages), "pages"),
)


def settled(
    citations: Sequence[Citation], records: dict[int, WorkRecord]
) -> dict[int, tuple[Citation, tuple[str, ...]]]:
    """The full citations whose work is cited in full more than once with details
    that disagree, by index: settled as the module says, with what was chosen."""
    by_work: dict[str, list[Citation]] = defaultdict(list)
    for c in citations:
        if c.work and c.short_form is None:
            by_work[c.work].append(c)
    out: dict[int, tuple[Citation, tuple[str, ...]]] = {}
    for group in by_work.values():
        if len(group) > 1:
            out.update(_settle(group, records))
    return out


def _settle(
    group: list[Citation], records: dict[int, WorkRecord]
) -> dict[int, tuple[Citation, tuple[str, ...]]]:
    record = next((records[c.index] for c in group if c.index in records), None)
    changes: dict[str, object] = {}
    notes: list[str] = []
    for name, read, of_record, field in _DETAILS:
        given = [(c, v) for c in group if (v := read(c)) is not None]
        if len({v for _, v in given}) < 2:
            continue
        said = ", ".join(f"{v} (note {c.note})" for c, v in _distinct(given))
        theirs = of_record(record) if record is not None else None
        chosen = next((c for c, v in given if theirs is not None and v == theirs), None)
        if chosen is not None and record is not None:
            what = f"doi:{record.doi}" if record.doi else record.id
            notes.append(
                f"citecheck: the notes give the {name} as {said}; "
                f"{theirs} is the {record.service_name} record's ({what})"
            )
        else:
            chosen = given[0][0]
            notes.append(
                f"citecheck: the notes give the {name} as {said}; "
                f"the first full citation's {read(chosen)} is kept"
            )
        changes[field] = getattr(chosen, field)
    if not changes:
        return {}
    return {c.index: (_with(c, changes), tuple(notes)) for c in group}


def _distinct(given: list[tuple[Citation, str]]) -> list[tuple[Citation, str]]:
    seen: set[str] = set()
    out = []
    for c, v in given:
        if v not in seen:
            seen.add(v)
            out.append((c, v))
    return out


def _with(c: Citation, changes: dict[str, Any]) -> Citation:
    # Each value was read off a citation that gave the detail, so none is None.
    return replace(c, **changes)
