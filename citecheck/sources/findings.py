"""Source results -> findings, under the rule family "works".

(The family name "sources" already belongs to ``citecheck/checks/sources.py``,
the URL-date and page-metadata rules; this stage's rules are "works".)
Each finding quotes the record it was judged against and says what to do.
Absence is worded as "could not be found", never as proof of fabrication,
and a service that could not be asked gives one note per manuscript it left
unverified (at the manuscript, naming the notes), not one per citation; a
citation the service answered about but could not settle (several cases
match, a reporter it cannot read) gets a note of its own. What is said of
the work itself (retracted, corrected, under an expression of concern, not
found) is said once per work and manuscript, at its first citing note,
listing every note that cites it (``Finding.notes``): a book citing one
corrected article in 54 notes gets one warning, not 54. What is said of one
citation's text (metadata and DOI mismatches) stays per note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from citecheck.model import (
    Citation,
    Finding,
    Location,
    Rule,
    Severity,
    SourceResult,
    SourceStatus,
    WorkRecord,
)

__all__ = ["WORK_RULES", "work_findings"]

FAMILY = "works"

METADATA_MISMATCH = Rule(
    "metadata-mismatch",
    Severity.WARNING,
    FAMILY,
    "The citation's year, volume, issue, first page, first author or journal differ from "
    "the matched index record.",
)
WORK_NOT_FOUND = Rule(
    "work-not-found",
    Severity.WARNING,
    FAMILY,
    "No work with this title and author could be found in Crossref or OpenAlex.",
)
RETRACTED = Rule(
    "retracted",
    Severity.ERROR,
    FAMILY,
    "The cited work has been retracted (Crossref/Retraction Watch or OpenAlex).",
)
CORRECTION_NOTICE = Rule(
    "correction-notice",
    Severity.WARNING,
    FAMILY,
    "A correction (erratum) has been published for the cited work.",
)
EXPRESSION_OF_CONCERN = Rule(
    "expression-of-concern",
    Severity.WARNING,
    FAMILY,
    "The publisher has issued an expression of concern about the cited work.",
)
DOI_MISMATCH = Rule(
    "doi-mismatch",
    Severity.ERROR,
    FAMILY,
    "The cited DOI belongs to a different work than the one cited (or to none).",
)
CASE_NOT_FOUND = Rule(
    "case-not-found",
    Severity.WARNING,
    FAMILY,
    "CourtListener has no case at the cited volume, reporter and page.",
)
WORK_UNVERIFIED = Rule(
    "work-unverified",
    Severity.NOTE,
    FAMILY,
    "A look-up could not be settled: a service could not be asked or answered unusably (once "
    "per manuscript), or its answer about one citation settles nothing (several cases match).",
)

WORK_RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        METADATA_MISMATCH,
        WORK_NOT_FOUND,
        RETRACTED,
        CORRECTION_NOTICE,
        EXPRESSION_OF_CONCERN,
        DOI_MISMATCH,
        CASE_NOT_FOUND,
        WORK_UNVERIFIED,
    )
}

_NOTICE_RULES = {
    "retraction": RETRACTED,
    "withdrawal": RETRACTED,
    "removal": RETRACTED,
    "partial_retraction": CORRECTION_NOTICE,
    "correction": CORRECTION_NOTICE,
    "erratum": CORRECTION_NOTICE,
    "corrigendum": CORRECTION_NOTICE,
    "expression_of_concern": EXPRESSION_OF_CONCERN,
}


def _describe(record: WorkRecord) -> str:
    parts = [f"'{record.title}'" if record.title else "untitled"]
    who = record.authors[0] if record.authors else None
    year = str(min(record.years)) if record.years else None
    detail = ", ".join(x for x in (who, year) if x)
    if detail:
        parts.append(f"({detail})")
    if record.doi:
        parts.append(f"doi:{record.doi}")
    return " ".join(parts)


def _evidence(record: WorkRecord) -> str:
    fields = [
        ("title", record.title),
        ("first author", record.authors[0] if record.authors else None),
        ("year", " or ".join(str(y) for y in sorted(set(record.years))) or None),
        ("container", record.containers[0] if record.containers else None),
        ("volume", record.volume),
        ("issue", record.issue),
        ("pages", record.pages),
        ("DOI", record.doi),
    ]
    shown = "; ".join(f"{name}: {value}" for name, value in fields if value)
    return f"{record.service_name} record: {shown}"


def _mismatch(citation: Citation, result: SourceResult, record: WorkRecord) -> Finding:
    which = ", ".join(field for field, *_ in result.mismatches)
    cited = "; ".join(f"{field} {mine!r}" for field, mine, _ in result.mismatches)
    theirs = "; ".join(f"{field} {value!r}" for field, _, value in result.mismatches)
    service = record.service_name
    verb = "differs" if len(result.mismatches) == 1 else "differ"
    return METADATA_MISMATCH.finding(
        f"Note {citation.note}: the {which} of this citation {verb} from the {service} record "
        f"of {_describe(record)}: cited {cited}; the record has {theirs}. Check the work itself "
        "and correct the citation (or, if the record is wrong, keep it and baseline this).",
        citation.location,
        note=citation.note,
        evidence=_evidence(record),
    )


def _notices(citation: Citation, record: WorkRecord) -> Iterable[Finding]:
    seen: set[str] = set()
    for kind, notice, source, date in record.updates:
        rule = _NOTICE_RULES.get(kind)
        if rule is None or rule.id in seen:
            continue
        seen.add(rule.id)
        if source == "title":
            source = "the record's title says RETRACTED"
        where = f" (notice doi:{notice}" if notice else " ("
        where += f"{', ' if notice else ''}{date}" if date else ""
        where += f"{', ' if notice or date else ''}source: {source or 'publisher'})"
        if rule is RETRACTED:
            fix = "Remove the citation, or cite the retraction notice beside it and say so."
        elif rule is CORRECTION_NOTICE:
            fix = "Check that the cited passage survives the correction; cite the correction too."
        else:
            fix = "Read the expression of concern before relying on the work; mention it."
        yield rule.finding(
            f"Note {citation.note}: {_describe(record)} has a {kind.replace('_', ' ')} notice"
            f"{where}. {fix}",
            citation.location,
            note=citation.note,
            evidence=_evidence(record),
        )
    if record.retracted and RETRACTED.id not in seen:
        yield RETRACTED.finding(
            f"Note {citation.note}: {_describe(record)} is marked retracted in "
            f"{record.service_name}. Remove the citation, or "
            "cite the retraction notice beside it and say so.",
            citation.location,
            note=citation.note,
            evidence=_evidence(record),
        )


def _doi_mismatch(citation: Citation, result: SourceResult) -> Finding:
    wrong = result.doi_record
    assert wrong is not None
    said = f"the cited DOI {wrong.doi} is the DOI of {_describe(wrong)}"
    right = result.record
    fix = (
        f" The cited work appears to be doi:{right.doi}; cite that DOI."
        if right is not None and right.doi
        else " Find the work's own DOI (or remove the DOI)."
    )
    return DOI_MISMATCH.finding(
        f"Note {citation.note}: {said}, not '{citation.title or citation.raw[:60]}'.{fix}",
        citation.location,
        note=citation.note,
        evidence=_evidence(wrong),
    )


def _not_found(citation: Citation, result: SourceResult) -> Finding | None:
    if citation.type.value == "case":
        return CASE_NOT_FOUND.finding(
            f"Note {citation.note}: CourtListener has no case at "
            f"{citation.volume} {citation.container} {citation.pages} ({result.reason}). Check "
            "the volume, reporter and first page against the reporter itself.",
            citation.location,
            note=citation.note,
            evidence=result.reason,
        )
    if not result.absence_matters:
        return None
    title = citation.title or citation.raw[:80]
    who = citation.authors[0].family if citation.authors else "no author"
    return WORK_NOT_FOUND.finding(
        f"Note {citation.note}: '{title}' ({who}) could not be found in Crossref or OpenAlex. "
        "Check the title, authors, year and journal against the work itself; a reference "
        "that no index holds may be mistyped, very new, or may not exist.",
        citation.location,
        note=citation.note,
        evidence=result.reason,
    )


def _problems(result: SourceResult) -> list[str]:
    """The service problems an unverified result names ("unverified: a; b")."""
    return result.reason.removeprefix("unverified: ").split("; ")


def _unsettled(citation: Citation, result: SourceResult) -> Finding:
    reason = result.reason.removeprefix("unverified: ")
    return WORK_UNVERIFIED.finding(
        f"Note {citation.note}: the cited work could not be verified: {reason}. Check the "
        "citation against the work; this says nothing against it.",
        citation.location,
        note=citation.note,
        evidence=reason,
    )


def _unverified_notes(
    by_index: dict[int, Citation], results: Sequence[SourceResult], unverified: Sequence[str]
) -> list[Finding]:
    """Each service problem once per manuscript whose look-ups it left unverified.

    The note sits at the manuscript (line 1, no note), not at one of its notes:
    it is about the run, and names the notes it concerns. A problem no result
    names (OpenAlex's retraction flags unasked) goes to every manuscript with
    a look-up.
    """
    findings: list[Finding] = []
    asked = [
        (by_index[r.citation], r)
        for r in results
        if r.citation in by_index and r.status is not SourceStatus.SKIPPED
    ]
    for problem in unverified:
        places: dict[str, list[str]] = {}
        for citation, result in asked:
            if result.status is SourceStatus.UNVERIFIED and problem in _problems(result):
                notes = places.setdefault(citation.location.path, [])
                if citation.note not in notes:
                    notes.append(citation.note)
        if not places:
            places = {citation.location.path: [] for citation, _ in asked}
        said = problem.rstrip(". ")
        for path, notes in places.items():
            which = ""
            if notes:
                label = "note" if len(notes) == 1 else "notes"
                which = f" Unverified here: {label} {', '.join(notes)}."
            findings.append(
                WORK_UNVERIFIED.finding(
                    f"Cited works were not verified: {said}.{which} This says nothing about "
                    "the works; rerun when the service answers.",
                    Location(path, 1),
                    evidence=problem,
                )
            )
    return findings


def work_findings(
    citations: Sequence[Citation], results: Sequence[SourceResult], unverified: Sequence[str]
) -> tuple[Finding, ...]:
    """Every finding of the stage, in citation order; then the services that left works unverified.

    ``unverified`` are the stage's problems (``SourcesOutcome.unverified``):
    one note per problem and manuscript (``_unverified_notes``). A result
    unverified for a reason of its own (no service problem in its reason) gets
    a note at its citation. What is said of a work is said once per work (see
    the module docstring).
    """
    by_index = {c.index: c for c in citations}
    findings: list[tuple[Finding, tuple[str, ...] | None]] = []
    for result in results:
        citation = by_index.get(result.citation)
        if citation is None:
            continue
        if result.status is SourceStatus.UNVERIFIED:
            if not set(unverified) & set(_problems(result)):
                findings.append((_unsettled(citation, result), None))
            continue
        if result.status is SourceStatus.NOT_FOUND:
            if result.doi_record is None:
                found = _not_found(citation, result)
                if found is not None:
                    findings.append((found, _cited_work(citation)))
            continue
        if result.status is not SourceStatus.MATCHED:
            continue
        if result.doi_record is not None:
            findings.append((_doi_mismatch(citation, result), None))
        record = result.record
        if record is None:
            continue
        if result.mismatches and result.doi_record is None:
            findings.append((_mismatch(citation, result, record), None))
        work = (record.service, record.id, record.doi or "")
        findings.extend((notice, work) for notice in _notices(citation, record))
    findings.extend((note, None) for note in _unverified_notes(by_index, results, unverified))
    return _once_per_work(findings)


_WORDS = re.compile(r"\w+")
# How many note labels a merged message spells out; JSON's ``notes`` keeps them all.
_SHOWN_LABELS = 12


def _cited_work(citation: Citation) -> tuple[str, ...]:
    """What makes two unfound citations one work: title and first author, loosely spelt."""
    if citation.type.value == "case":
        return ("case", citation.volume or "", citation.container or "", citation.pages or "")
    title = " ".join(_WORDS.findall((citation.title or citation.raw[:80]).casefold()))
    who = citation.authors[0].family.casefold() if citation.authors else ""
    return ("work", title, who)


def _labels(notes: Sequence[str]) -> str:
    shown = list(notes[:_SHOWN_LABELS])
    rest = len(notes) - len(shown)
    if rest:
        return f"{', '.join(shown)} and {rest} more ({len(notes)} notes)"
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _once_per_work(items: Sequence[tuple[Finding, tuple[str, ...] | None]]) -> tuple[Finding, ...]:
    """One finding per (rule, manuscript, work) for the findings that carry a work key,
    at the first citing note and naming every citing note; the rest as they are."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[Finding]] = {}
    order: list[Finding | tuple[str, str, tuple[str, ...]]] = []
    for finding, work in items:
        if work is None:
            order.append(finding)
            continue
        key = (finding.rule, finding.location.path, work)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(finding)
    merged: list[Finding] = []
    for item in order:
        if isinstance(item, Finding):
            merged.append(item)
            continue
        group = groups[item]
        # Named by its work, not its first note: citing the work once more (or once
        # less) elsewhere must not change the finding's baseline fingerprint.
        first = replace(group[0], about="\x1f".join(("work", *item[2])))
        notes = tuple(dict.fromkeys(f.note for f in group if f.note is not None))
        if len(notes) < 2:
            merged.append(first)
            continue
        own = f"Note {first.note}: "
        text = first.message.removeprefix(own)
        merged.append(replace(first, message=f"Notes {_labels(notes)}: {text}", notes=notes))
    return tuple(merged)
