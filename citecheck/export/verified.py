"""What the sources stage proved, applied to the citations before they are exported.

A bibliography file outlives the run: a librarian imports it into Zotero and
never sees the findings. So an export does not keep what the run proved
wrong, and says what it changed (biblatex ``annotation``, which no standard
style prints; CSL ``note``, Zotero's Extra):

* a cited DOI that is the DOI of another work (``doi-mismatch``) is replaced
  by the DOI of the work the stage found, or dropped when it found none; a
  ``doi.org`` link to the wrong DOI goes with it;
* a citation the parser could not read in full (no title, a title of no
  words such as "2", or a title that holds more than the work's title, such
  as the author list before it), matched to a record, takes the record's
  title, type, journal, volume, issue, pages and year, and keeps its own
  authors (the record's when it has none);
* an author's name the stage found misspelt ("Nissenbuam" for the record's
  Nissenbaum: as alike as a match asks, with the same initials) is exported
  as the record spells it; the finding still says the note is wrong.

Fields a record merely disagrees with (``metadata-mismatch``: a year, a
volume) are kept as cited: the run does not know which side is wrong. When
two full citations of one work disagree, the record (or else the first of
them) settles it (``conflicts``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from citecheck.export.conflicts import settled
from citecheck.model import (
    Citation,
    CitationType,
    PartialDate,
    Person,
    SourceResult,
    SourceStatus,
    WorkRecord,
)

__all__ = ["Verified", "verified"]

# An index's type of work -> citecheck's (Crossref's and OpenAlex's vocabularies).
_KINDS = {
    "journal-article": CitationType.ARTICLE,
    "article": CitationType.ARTICLE,
    "review": CitationType.ARTICLE,
    "letter": CitationType.ARTICLE,
    "editorial": CitationType.ARTICLE,
    "book": CitationType.BOOK,
    "monograph": CitationType.BOOK,
    "edited-book": CitationType.BOOK,
    "book-chapter": CitationType.CHAPTER,
    "book-section": CitationType.CHAPTER,
    "book-part": CitationType.CHAPTER,
    "report": CitationType.REPORT,
}

Verified = tuple[tuple[Citation, tuple[str, ...]], ...]


def verified(citations: Sequence[Citation], sources: Sequence[SourceResult]) -> Verified:
    """Each citation as the run verified it, with what was changed (empty: nothing)."""
    by_index = {r.citation: r for r in sources if r.status is SourceStatus.MATCHED}
    records = {i: r.record for i, r in by_index.items() if r.record is not None}
    twice = settled(citations, records)
    out: list[tuple[Citation, tuple[str, ...]]] = []
    for cited in citations:
        citation, said = twice.get(cited.index, (cited, ()))
        result = by_index.get(citation.index)
        if result is None:
            out.append((citation, said))
            continue
        if result.doi_record is not None:
            taken, notes = _right_doi(citation, result)
        elif result.record is not None:
            taken, notes = _filled(citation, result.record)
        else:
            taken, notes = citation, ()
        respelt, more = _respelt(taken, result)
        out.append((respelt, said + notes + more))
    return tuple(out)


def _without_doi_links(urls: tuple[str, ...], doi: str) -> tuple[str, ...]:
    wrong = doi.casefold()
    return tuple(u for u in urls if not re.search(r"(?i)doi", u) or wrong not in u.casefold())


def _right_doi(citation: Citation, result: SourceResult) -> tuple[Citation, tuple[str, ...]]:
    wrong = result.doi_record
    assert wrong is not None
    cited = citation.doi or wrong.doi or ""
    urls = _without_doi_links(citation.urls, cited) if cited else citation.urls
    right = result.record.doi if result.record is not None else None
    where = wrong.service_name
    if right:
        note = (
            f"citecheck: the cited DOI {cited} is the DOI of another work ({where}); "
            f"this is the DOI {(result.record or wrong).service_name} gives for the cited work"
        )
    else:
        note = f"citecheck: the cited DOI {cited} is the DOI of another work ({where}); removed"
    return replace(citation, doi=right, urls=urls), (note,)


def _garbled_title(citation: Citation, record: WorkRecord) -> str | None:
    """Why the citation's title is no title (None: it reads as one)."""
    # The sources stage ran, so its modules are loaded already.
    from citecheck.sources.match import normal, same_container

    title = citation.title
    if not title:
        return "the note gives no title"
    if len(re.findall(r"[^\W\d_]{3,}", title)) < 2:
        return f"its title reads “{title}”"
    mine, theirs = normal(title), normal(record.title)
    at = mine.find(theirs) if theirs else -1
    if at < 0:
        return None
    # "Murch SH, Anthony A, et al. Ileal-lymphoid-… children. Lancet": the work's
    # title with the authors run in before it, or the journal after it. A
    # subtitle after the title is no sign: records often leave it out.
    before, after = mine[:at].strip(), mine[at + len(theirs) :].strip()
    if len(before) >= 3 or (after and same_container(after, record.containers)):
        return f"its title “{title}” holds more than the work's title"
    return None


def _record_people(record: WorkRecord) -> tuple[Person, ...]:
    if record.service == "crossref":
        return tuple(Person(family=name) for name in record.authors)  # family names only
    # OpenAlex gives display names ("Mark S. Granovetter"), read as written.
    from citecheck.citations.names import parse_person

    people = [parse_person(name) for name in record.authors]
    return tuple(p for p in people if p is not None) if all(people) else ()


def _filled(citation: Citation, record: WorkRecord) -> tuple[Citation, tuple[str, ...]]:
    why = _garbled_title(citation, record)
    if why is None or not record.title:
        return citation, ()
    title = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
    kind = _KINDS.get((record.kind or "").lower())
    if kind is None:
        kind = CitationType.ARTICLE if record.containers and record.volume else citation.type
    authors, et_al = citation.authors, citation.et_al
    if not authors:
        authors = _record_people(record)
    elif len(record.authors) > len(authors):
        et_al = True  # the note's other authors were lost in its title
    year = citation.date or (PartialDate(record.years[0]) if record.years else None)
    taken = replace(
        citation,
        type=kind,
        title=title,
        authors=authors,
        et_al=et_al,
        container=record.containers[0] if record.containers else citation.container,
        volume=record.volume or citation.volume,
        issue=record.issue or citation.issue,
        pages=record.pages or citation.pages,
        date=year,
        doi=citation.doi or record.doi,
        publisher=citation.publisher if kind is not CitationType.ARTICLE else None,
        place=citation.place if kind is not CitationType.ARTICLE else None,
    )
    what = f"doi:{record.doi}" if record.doi else record.id
    note = (
        f"citecheck: the note's citation could not be read in full ({why}); title, type, "
        f"journal, volume, issue, pages and year are the {record.service_name} record's ({what})"
    )
    return taken, (note,)


def _respelt(citation: Citation, result: SourceResult) -> tuple[Citation, tuple[str, ...]]:
    """The citation with each author the stage found misspelt (``metadata-mismatch``)
    spelt as the matched record spells it, when the initials agree too."""
    record = result.record
    if record is None or not result.mismatches:
        return citation, ()
    from citecheck.sources.match import author_index, misspelt, same_initials

    people = [k for k, person in enumerate(citation.authors) if not person.corporate]
    authors = list(citation.authors)
    notes: list[str] = []
    what = f"doi:{record.doi}" if record.doi else record.id
    for field, cited, theirs in result.mismatches:
        at = author_index(field)
        if at is None or at >= len(people):
            continue
        person = authors[people[at]]
        if person.family != cited or not misspelt(cited, theirs):
            continue  # another author than the record's (it differs), or no misspelling
        if not same_initials(person, theirs):
            continue
        # A display name ("Neil M. Richards") ends in the family name.
        family = " ".join(theirs.split()[-len(cited.split()) :])
        authors[people[at]] = replace(person, family=family)
        notes.append(
            f"citecheck: the note spells the author “{cited}”; “{family}” is the "
            f"{record.service_name} record's spelling ({what})"
        )
    if not notes:
        return citation, ()
    return replace(citation, authors=tuple(authors)), tuple(notes)
