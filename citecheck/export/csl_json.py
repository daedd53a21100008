"""Citations -> CSL-JSON (CSL 1.0.2 input data), one item per work, for Zotero.

Only keys of the CSL data schema are written (it forbids any other), dates
as ``date-parts`` at their own precision, corporate authors as
``{"literal": ...}``. Zotero reads ``citation-key`` into its Citation Key
field and ``note`` into Extra; the ``Citation Key: ...`` line in ``note``
lets Better BibTeX pin the same key. An archived copy goes into ``archive``
(the provider) and ``archive_location`` (its address).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from citecheck.export.bibtex import archived_copy, full_range_end, provider_name, thesis_kind
from citecheck.export.keys import keyed_works
from citecheck.export.verified import verified
from citecheck.model import ArchiveResult, Citation, CitationType, PartialDate, Person, SourceResult

__all__ = ["to_csl_items", "to_csl_json"]

_CSL_TYPE = {
    CitationType.BOOK: "book",
    CitationType.ARTICLE: "article-journal",
    CitationType.NEWSPAPER: "article-newspaper",
    CitationType.WEBPAGE: "webpage",
    CitationType.REPORT: "report",
    CitationType.CHAPTER: "chapter",
    CitationType.CASE: "legal_case",
    CitationType.STATUTE: "legislation",
    CitationType.PRESENTATION: "speech",
    CitationType.OTHER: "document",
}

Item = dict[str, Any]


def _date(value: PartialDate) -> dict[str, list[list[int]]]:
    parts = [value.year]
    if value.month is not None:
        parts.append(value.month)
        if value.day is not None:
            parts.append(value.day)
    return {"date-parts": [parts]}


def _name(person: Person) -> dict[str, str]:
    if person.corporate:
        return {"literal": person.family}
    if person.given:
        return {"family": person.family, "given": person.given}
    return {"family": person.family}


def _page(pages: str, kind: CitationType) -> str:
    """CSL ranges use a plain hyphen: "193--220", "193–220" -> "193-220"."""
    ranged = re.sub(r"\s*(?:--|[-–—])\s*", "-", pages.strip())
    if kind is CitationType.STATUTE:
        return ranged  # "110 Stat. 3009-546": the hyphen is part of the page
    # "101-25" -> "101-125": the end in full.
    return re.sub(r"\b(\d+)-(\d+)\b", lambda m: f"{m[1]}-{full_range_end(m[1], m[2])}", ranged)


def _item(
    key: str, citation: Citation, archives: dict[str, ArchiveResult], changed: Sequence[str]
) -> Item:
    kind = citation.type
    item: Item = {"id": key, "citation-key": key, "type": _CSL_TYPE[kind]}
    if thesis_kind(citation) is not None:
        # CSL's thesis: the genre as the note gives it, the university as publisher.
        item["type"], item["genre"] = "thesis", citation.genre
    elif citation.genre == "dataset":
        item["type"] = "dataset"
    if citation.authors:
        item["author"] = [_name(p) for p in citation.authors]
    if citation.editors:
        item["editor"] = [_name(p) for p in citation.editors]
    optional: list[tuple[str, object]] = [
        ("title", citation.title),
        ("volume", citation.volume),
        ("issue", citation.issue),
        ("edition", citation.edition),
        ("page", _page(citation.pages, kind) if citation.pages else None),
        ("publisher", citation.publisher),
        ("publisher-place", citation.place),
        ("URL", citation.url),
        ("DOI", citation.doi),
        ("issued", _date(citation.date) if citation.date else None),
        ("accessed", _date(citation.accessed) if citation.accessed else None),
    ]
    if kind is CitationType.PRESENTATION:
        # For a talk the container is the event it was given at.
        optional.append(("event-title", citation.container))
    else:
        optional.append(("container-title", citation.container))
    if kind is CitationType.REPORT:
        # A report series ("Global Economics Paper" No. 153): Zotero reads
        # number as the report number.
        optional += [("collection-title", citation.series), ("number", citation.number)]
    else:
        optional += [
            ("collection-title", citation.series),
            ("collection-number" if citation.series else "number", citation.number),
        ]
    for name, value in optional:
        if value:
            item[name] = value
    note = [f"Citation Key: {key}"]
    if citation.parallel:
        # A case's second reporter: CSL has no variable of its own for it.
        note.append(f"Parallel citation: {citation.parallel}")
    snapshot = archived_copy(citation.url, archives)
    if snapshot is not None:
        item["archive"] = provider_name(snapshot.provider)
        item["archive_location"] = snapshot.archive_url
        note.append(f"Archived: {snapshot.archive_url}")
    note += changed  # what the sources stage corrected, in Zotero's Extra
    item["note"] = "\n".join(note)
    return item


def to_csl_items(
    citations: Sequence[Citation],
    *,
    archives: Sequence[ArchiveResult] = (),
    sources: Sequence[SourceResult] = (),
) -> list[Item]:
    """CSL-JSON items (dicts), one per cited work, ids as in ``keys``.

    ``sources`` correct what the run proved wrong (see ``verified``).
    """
    by_url = {a.url: a for a in archives}
    checked = verified(citations, sources)
    notes = {c.index: n for c, n in checked}
    return [
        _item(key, citation, by_url, notes[citation.index])
        for key, citation in keyed_works([c for c, _ in checked])
    ]


def to_csl_json(
    citations: Sequence[Citation],
    *,
    archives: Sequence[ArchiveResult] = (),
    sources: Sequence[SourceResult] = (),
) -> str:
    """The CSL-JSON text (an array, UTF-8, indented) for Zotero or pandoc."""
    items = to_csl_items(citations, archives=archives, sources=sources)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
