"""The records that flow through citecheck's pipeline, in one place.

Every stage takes records from here and returns new ones; nothing is mutated
after it is made. Records are frozen, slotted dataclasses, sequences are
tuples, and outcomes are ``StrEnum`` members whose values are the exact
strings written to JSON, SARIF and the other reports.

The flow, one way::

    Manuscript -> FootnoteSet(Footnote...) -> Citation... -> LinkResult...
        -> ArchiveResult... -> Finding... -> CheckRun

Anything read from a file keeps its ``Location`` (path and 1-based line) and
its raw text, because editors, SARIF regions and JUnit cases point back at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = [
    "ArchiveResult",
    "Capture",
    "CheckRun",
    "Citation",
    "CitationType",
    "Drift",
    "Finding",
    "Footnote",
    "FootnoteSet",
    "LinkResult",
    "LinkStatus",
    "Location",
    "Manuscript",
    "NoteMarker",
    "NoteText",
    "PartialDate",
    "Person",
    "Rule",
    "Severity",
    "ShortForm",
    "Snapshot",
    "SourceResult",
    "SourceStatus",
    "WorkRecord",
]


# --------------------------------------------------------------------------
# Where things are
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a manuscript, 1-based as editors and SARIF count.

    ``page`` is set for page-laid-out formats (PDF), where ``line`` is the
    line on that page: ``essay.pdf:p3:12``.
    """

    path: str
    line: int
    column: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        where = self.path if self.page is None else f"{self.path}:p{self.page}"
        if self.column is None:
            return f"{where}:{self.line}"
        return f"{where}:{self.line}:{self.column}"

    @property
    def order(self) -> tuple[int, int, int]:
        """(page, line, column) for sorting places in reading order."""
        return (self.page or 0, self.line, self.column or 0)

    @property
    def line_text(self) -> str:
        """ "line 12", or "page 3, line 12" in a paged format."""
        if self.page is None:
            return f"line {self.line}"
        return f"page {self.page}, line {self.line}"


# --------------------------------------------------------------------------
# Reading: one Manuscript per file, whatever its format
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteMarker:
    """A note reference in the body text (``<sup>3</sup>``, ``[^3]``, ...).

    ``offset`` is the character offset of the marker in ``Manuscript.body``,
    so the footnotes stage can find the sentence (the claim) it sits in.
    """

    label: str
    offset: int
    location: Location


@dataclass(frozen=True, slots=True)
class NoteText:
    """One note as the format delimits it, already stitched together.

    Readers join notes that a page break split in two, so ``text`` is the
    whole note in plain text (markup removed, URLs kept); ``raw`` is the
    source as written, for reports that quote it. ``styled`` is ``text``
    with the runs the format prints in italics marked ``<i>...</i>``, the
    same way whatever the format (a literal ``*`` or ``\\`` of the text is
    written ``\\*``, ``\\\\``): the citation parser tells titles by it. Every
    reader sets it; "" means a note made without a reader.
    """

    label: str
    text: str
    location: Location
    raw: str = ""
    styled: str = ""


@dataclass(frozen=True, slots=True)
class Manuscript:
    """A manuscript reduced to what every later stage needs.

    ``body`` is the running text with note markers removed; ``markers``
    point into it by offset. ``notes`` are in document order. ``format`` is
    the reader's name ("plaintext", "markdown", "html", "docx", "latex", "pdf").
    """

    path: str
    format: str
    body: str
    markers: tuple[NoteMarker, ...]
    notes: tuple[NoteText, ...]
    title: str | None = None
    # (body offset, source line) pairs in offset order: the body text from
    # each offset on was read from that 1-based line. Lets later stages put
    # a finding about any sentence on its exact line; () when the reader does
    # not record it (checks then fall back to the nearest marker's line).
    line_starts: tuple[tuple[int, int], ...] = ()
    # (body offset, page) pairs in offset order for paged formats (PDF), where
    # the lines of ``line_starts`` are lines on these pages; () otherwise.
    page_starts: tuple[tuple[int, int], ...] = ()
    # (start, end) body offsets of text kept verbatim (code blocks), in order:
    # not prose, so the checks read no figures there.
    verbatim: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------
# Footnotes: markers paired with notes
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note paired with its marker, with the claim it supports.

    ``claim`` is the body sentence the marker sits in ("" when the note was
    never referenced). ``marker`` is None for a note with no marker.
    ``raw`` and ``styled`` are the note's (see ``NoteText``).
    """

    label: str
    text: str
    claim: str
    location: Location
    marker: Location | None = None
    raw: str = ""
    styled: str = ""


class Severity(StrEnum):
    """How much a finding matters; the values are SARIF's levels."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """Higher is more severe, for ``--fail-on`` comparisons."""
        return {"note": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule in citecheck's catalogue: stable id, fixed severity, one line of help.

    ``family`` names the stage or check module that raises it ("footnotes",
    "links", "arithmetic", ...).
    """

    id: str
    severity: Severity
    family: str
    summary: str

    def finding(
        self,
        message: str,
        location: Location,
        *,
        note: str | None = None,
        evidence: str = "",
        notes: tuple[str, ...] = (),
        about: str = "",
    ) -> Finding:
        """A finding of this rule, with the rule's own severity."""
        return Finding(
            self.id,
            self.severity,
            message,
            location,
            note=note,
            evidence=evidence,
            notes=notes,
            about=about,
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at, with its evidence.

    ``rule`` is a stable id ("marker-without-note", "url-date-mismatch");
    ``message`` says what is wrong and suggests a fix; ``evidence`` quotes
    what the rule saw. ``note`` is the label of the note concerned, if any.
    A finding about one thing several notes cite (a retracted work, a page
    that changed) is made once, at the first of them: ``notes`` then lists
    every such note in order, ``note`` first; otherwise it is empty. Such a
    finding also names the thing in ``about`` (the work, the page), so its
    baseline fingerprint does not change with the notes citing it.
    """

    rule: str
    severity: Severity
    message: str
    location: Location
    note: str | None = None
    evidence: str = ""
    notes: tuple[str, ...] = ()
    about: str = ""  # what a finding said once of a cited work or page is about

    @property
    def about_notes(self) -> tuple[str, ...]:
        """Every note the finding is about: ``notes``, else ``note`` alone (or none)."""
        if self.notes:
            return self.notes
        return () if self.note is None else (self.note,)


@dataclass(frozen=True, slots=True)
class FootnoteSet:
    """What the footnotes stage found in one manuscript."""

    manuscript: Manuscript
    footnotes: tuple[Footnote, ...]
    findings: tuple[Finding, ...] = ()


# --------------------------------------------------------------------------
# Citations: the works each note cites
# --------------------------------------------------------------------------


class CitationType(StrEnum):
    """Kinds of cited work; values are citecheck's JSON strings."""

    BOOK = "book"
    ARTICLE = "article"
    NEWSPAPER = "newspaper"
    WEBPAGE = "webpage"
    REPORT = "report"
    CHAPTER = "chapter"
    CASE = "case"
    STATUTE = "statute"
    PRESENTATION = "presentation"
    OTHER = "other"


class ShortForm(StrEnum):
    """How a citation refers back to an earlier one."""

    ID = "id"
    IBID = "ibid"
    SUPRA = "supra"
    SHORT_TITLE = "short-title"


@dataclass(frozen=True, slots=True)
class Person:
    """An author. Corporate authors keep their whole name in ``family``."""

    family: str
    given: str | None = None
    corporate: bool = False


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, month or day, as it was printed."""

    year: int
    month: int | None = None
    day: int | None = None

    def isoformat(self) -> str:
        """ISO text at the date's own precision: 2012, 2007-03, 2010-05-05."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @property
    def precision(self) -> str:
        """ "year", "month" or "day"."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited work (or a short form pointing at one) inside a note.

    ``index`` is the citation's position in the run's tuple of citations,
    and ``antecedent`` the index of the full citation a short form resolves
    to. ``work`` is shared by every citation of the same work.
    ``problem`` says why a citation could not be parsed or resolved.
    """

    note: str
    index: int
    raw: str
    location: Location
    type: CitationType = CitationType.OTHER
    signal: str | None = None
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pinpoint: str | None = None
    date: PartialDate | None = None
    publisher: str | None = None
    place: str | None = None
    series: str | None = None
    number: str | None = None
    urls: tuple[str, ...] = ()
    doi: str | None = None
    accessed: PartialDate | None = None
    short_form: ShortForm | None = None
    antecedent: int | None = None
    work: str = ""
    problem: str | None = None
    # "2nd ed.", "(2d ed. 2009)", "3. Aufl.": the edition number ("2"), or
    # "revised"; None when the note names no edition.
    edition: str | None = None
    # The note's own word for the kind of work when the type alone does not
    # say it: "PhD diss.", "master's thesis", "dataset"; None otherwise.
    genre: str | None = None
    # A chapter's book editors ("ed. Maria Lopez and José García-Márquez").
    editors: tuple[Person, ...] = ()

    @property
    def url(self) -> str | None:
        """The first URL the citation gives, if any."""
        return self.urls[0] if self.urls else None


# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------


class LinkStatus(StrEnum):
    """One verdict per URL. Only ``dead`` and ``soft-dead`` claim rot."""

    ALIVE = "alive"
    REDIRECTED = "redirected"
    DEAD = "dead"
    SOFT_DEAD = "soft-dead"
    BLOCKED = "blocked"
    TIMEOUT = "timeout"
    OFFLINE = "offline"
    EXCLUDED = "excluded"

    @property
    def verified(self) -> bool:
        """False when the checker could not decide (bot wall, timeout, offline)."""
        return self not in {LinkStatus.BLOCKED, LinkStatus.TIMEOUT, LinkStatus.OFFLINE}


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The verdict on one distinct URL, with a reason a person can act on."""

    url: str
    status: LinkStatus
    reason: str
    http_status: int | None = None
    final_url: str | None = None
    redirects: tuple[str, ...] = ()
    checked_at: datetime | None = None
    from_cache: bool = False
    notes: tuple[str, ...] = ()
    # What the page said about itself (title, authors, date metas), for checks.
    page_title: str | None = None
    page_meta: tuple[tuple[str, str], ...] = ()
    # Visible text of what was fetched (HTML or PDF, up to the byte limit),
    # for quotation checks; None when nothing readable was fetched.
    page_text: str | None = None


# --------------------------------------------------------------------------
# Archives
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """An existing archived copy of a URL (a Wayback capture, a Perma link)."""

    url: str
    archive_url: str
    timestamp: datetime
    provider: str = "wayback"
    http_status: int | None = None


@dataclass(frozen=True, slots=True)
class Capture:
    """A copy citecheck asked for or made itself during this run."""

    provider: str
    url: str
    archive_url: str | None
    timestamp: datetime
    sha256: str | None = None
    path: str | None = None
    http_status: int | None = None


class Drift(StrEnum):
    """How far today's page has moved from the copy near the citation date."""

    UNCHANGED = "unchanged"
    MINOR = "minor"
    MAJOR = "major"
    REPLACED = "replaced"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ArchiveResult:
    """Everything the archive stage knows about one cited URL."""

    url: str
    citation_date: PartialDate | None
    cited_snapshot: Snapshot | None
    captures: tuple[Capture, ...] = ()
    drift: Drift | None = None
    drift_evidence: str = ""
    problems: tuple[str, ...] = ()


# --------------------------------------------------------------------------
# Sources: does each cited work exist, and does the citation match it?
# --------------------------------------------------------------------------


class SourceStatus(StrEnum):
    """One outcome per looked-up citation. Only ``not-found`` claims absence."""

    MATCHED = "matched"
    NOT_FOUND = "not-found"
    UNVERIFIED = "unverified"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """What one index (Crossref, OpenAlex, CourtListener) says about a work.

    ``years`` holds every year the record gives (issued, print, online):
    a cited year equal to any of them is right. ``containers`` holds the
    full and the short container titles. ``updates`` are editorial notices
    as (type, notice DOI, source, date) with types "retraction",
    "correction", "expression_of_concern", ...
    """

    service: str
    id: str
    doi: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    containers: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    pages: str | None = None
    isbns: tuple[str, ...] = ()
    updates: tuple[tuple[str, str, str, str], ...] = ()
    retracted: bool = False
    url: str | None = None
    score: float | None = None
    # The index's type of work ("journal-article", "book-chapter", "book", "report",
    # OpenAlex's "article", ...): a book review is no book, a book is no chapter.
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class SourceResult:
    """The sources stage's verdict on one citation, with what it was matched to.

    ``mismatches`` are (field, cited value, record value) for the fields that
    differ beyond harmless spelling. ``doi_added`` is the DOI this stage added
    to a citation that had none, and ``doi_source`` the index it came from.
    ``doi_record`` is what a cited DOI resolved to when that was another work.
    """

    citation: int
    note: str
    status: SourceStatus
    reason: str
    lookup: str = ""
    record: WorkRecord | None = None
    mismatches: tuple[tuple[str, str, str], ...] = ()
    doi_record: WorkRecord | None = None
    doi_added: str | None = None
    doi_source: str | None = None
    checked_at: datetime | None = None
    from_cache: bool = False
    # Whether "not found" would mean something for this kind of citation (a journal
    # article does; a book without identifiers, a newspaper or a web page does not).
    absence_matters: bool = False


# --------------------------------------------------------------------------
# A whole run
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckRun:
    """Everything one run produced: the only input of the report writers."""

    footnote_sets: tuple[FootnoteSet, ...]
    citations: tuple[Citation, ...] = ()
    links: tuple[LinkResult, ...] = ()
    archives: tuple[ArchiveResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    offline: bool = False
    archive_skipped_reason: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    tool_version: str = ""
    # The sources stage: one result per citation looked at; the services that
    # could not be asked, once each ("unverified", never "not found").
    sources: tuple[SourceResult, ...] = ()
    sources_unverified: tuple[str, ...] = ()
    sources_skipped_reason: str | None = None
    # Rules the run was told to leave out (``disable``): nothing may add them back.
    disabled_rules: tuple[str, ...] = ()

    @property
    def manuscripts(self) -> tuple[Manuscript, ...]:
        """The manuscripts the run read, in the order given."""
        return tuple(s.manuscript for s in self.footnote_sets)

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every note of every manuscript, in order."""
        return tuple(n for s in self.footnote_sets for n in s.footnotes)
