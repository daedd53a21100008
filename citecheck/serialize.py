"""Records -> JSON-ready dicts, in the exact shapes the docs promise.

One place defines how each record looks in JSON, so the ``notes``, ``cite``,
``check`` and ``archive`` commands and the JSON report cannot drift apart.
Absent fields are ``null``; dates are ISO text at their own precision.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from citecheck.model import (
    ArchiveResult,
    Capture,
    Citation,
    Finding,
    Footnote,
    LinkResult,
    Location,
    PartialDate,
    Person,
    Snapshot,
    SourceResult,
    WorkRecord,
)

__all__ = [
    "archive_json",
    "citation_json",
    "finding_json",
    "link_json",
    "location_json",
    "note_json",
    "source_json",
]

JSON = dict[str, Any]


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def location_json(location: Location, *, note: str | None = None) -> JSON:
    """``{"path", "line"}``, plus ``"page"`` (PDF) and ``"note"`` when given."""
    data: JSON = {"path": location.path, "line": location.line}
    if location.page is not None:
        data["page"] = location.page
    if note is not None:
        data["note"] = note
    return data


def note_json(footnote: Footnote) -> JSON:
    """One entry of ``citecheck notes --format json``."""
    return {
        "label": footnote.label,
        "text": footnote.text,
        "claim": footnote.claim,
        "location": location_json(footnote.location),
    }


def _person(person: Person) -> JSON:
    return {"family": person.family, "given": person.given}


def citation_json(citation: Citation) -> JSON:
    """One entry of ``citecheck cite --format json``."""
    return {
        "note": citation.note,
        "type": citation.type.value,
        "authors": [_person(p) for p in citation.authors],
        "title": citation.title,
        "container": citation.container,
        "volume": citation.volume,
        "issue": citation.issue,
        "pages": citation.pages,
        "pinpoint": citation.pinpoint,
        "date": _date(citation.date),
        "publisher": citation.publisher,
        "url": citation.url,
        "doi": citation.doi,
        "signal": citation.signal,
        "short_form": None if citation.short_form is None else citation.short_form.value,
        "work": citation.work,
        # Beyond the documented minimum: useful to reports and scripts.
        "index": citation.index,
        "antecedent": citation.antecedent,
        "place": citation.place,
        "series": citation.series,
        "edition": citation.edition,
        "genre": citation.genre,
        "editors": [_person(p) for p in citation.editors],
        "parallel": citation.parallel,
        "number": citation.number,
        "urls": list(citation.urls),
        "accessed": _date(citation.accessed),
        "et_al": citation.et_al,
        "raw": citation.raw,
        "location": location_json(citation.location),
        "problem": citation.problem,
    }


def link_json(link: LinkResult) -> JSON:
    """One entry of the ``"links"`` list of ``citecheck check``."""
    return {
        "url": link.url,
        "status": link.status.value,
        "http_status": link.http_status,
        "final_url": link.final_url,
        "reason": link.reason,
        "notes": list(link.notes),
        "checked_at": _time(link.checked_at),
        "from_cache": link.from_cache,
        "redirects": list(link.redirects),
    }


def _snapshot(snapshot: Snapshot | None) -> JSON | None:
    if snapshot is None:
        return None
    return {
        "archive_url": snapshot.archive_url,
        "timestamp": _time(snapshot.timestamp),
        "provider": snapshot.provider,
    }


def _capture(capture: Capture) -> JSON:
    return {
        "provider": capture.provider,
        "archive_url": capture.archive_url,
        "timestamp": _time(capture.timestamp),
        "sha256": capture.sha256,
        "path": capture.path,
    }


def archive_json(result: ArchiveResult) -> JSON:
    """One entry of the ``"archives"`` list of ``citecheck archive``."""
    return {
        "url": result.url,
        "citation_date": _date(result.citation_date),
        "cited_snapshot": _snapshot(result.cited_snapshot),
        "captures": [_capture(c) for c in result.captures],
        "drift": None if result.drift is None else result.drift.value,
        "drift_evidence": result.drift_evidence or None,
        "problems": list(result.problems),
    }


def finding_json(finding: Finding) -> JSON:
    """One entry of the ``"findings"`` list of ``citecheck check``."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": {**location_json(finding.location), "note": finding.note},
        "evidence": finding.evidence,
        # Every note it is about: one, or each note citing the same work or page.
        "notes": list(finding.about_notes),
    }


def _record(record: WorkRecord | None) -> JSON | None:
    if record is None:
        return None
    return {
        "service": record.service,
        "id": record.id,
        "doi": record.doi,
        "title": record.title,
        "authors": list(record.authors),
        "years": list(record.years),
        "container": record.containers[0] if record.containers else None,
        "volume": record.volume,
        "issue": record.issue,
        "pages": record.pages,
        "retracted": record.retracted,
        "updates": [
            {"type": kind, "doi": doi or None, "source": source or None, "date": date or None}
            for kind, doi, source, date in record.updates
        ],
        "url": record.url,
    }


def source_json(result: SourceResult) -> JSON:
    """One entry of the ``"sources"`` results of ``citecheck check`` and ``citecheck sources``."""
    return {
        "citation": result.citation,
        "note": result.note,
        "status": result.status.value,
        "reason": result.reason,
        "lookup": result.lookup or None,
        "record": _record(result.record),
        "mismatches": [
            {"field": field, "cited": cited, "record": theirs}
            for field, cited, theirs in result.mismatches
        ],
        "doi_record": _record(result.doi_record),
        # Where a DOI the note did not give came from ("crossref", "openalex").
        "doi_added": result.doi_added,
        "doi_source": result.doi_source,
        "checked_at": _time(result.checked_at),
        "from_cache": result.from_cache,
        "absence_matters": result.absence_matters,
    }
