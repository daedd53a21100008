"""The report writers' shared reading of a run: counts, and things grouped by note.

Every writer shows the same run the same way: notes in document order, each
with its citations, the links those citations give (with their archive
record) and the findings about the note, each finding marked when the
baseline accepts it. Building that once here keeps the formats from
disagreeing about what a note holds or how many links are dead.

In an offline run every link the checker would have fetched is ``offline``.
That says nothing about any one note, so such links (and the
``link-unverified`` findings they give) are marked ``offline`` here and are
not problems: the human-facing reports say once that the links were not
checked instead of listing every note that cites a URL. Blocked and timed-out
links of an online run stay problems: they are news about that one link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.footnotes import BODY_LINK, body_urls
from citecheck.links.urls import normalise_url
from citecheck.model import (
    IN_TEXT,
    ArchiveResult,
    CheckRun,
    Citation,
    Finding,
    Footnote,
    LinkResult,
    LinkStatus,
    Location,
    Manuscript,
    Severity,
)
from citecheck.rules import ALL_RULES
from citecheck.verdict import LINK_RULES, citing, run_findings

__all__ = [
    "SEVERITIES",
    "UNVERIFIED_STATUSES",
    "FindingView",
    "LinkView",
    "ManuscriptView",
    "NoteView",
    "ReportView",
    "Summary",
    "build_view",
    "file_uri",
    "note_name",
    "relative_path",
    "rule_description",
]

UNVERIFIED_STATUSES = frozenset({LinkStatus.BLOCKED, LinkStatus.TIMEOUT, LinkStatus.OFFLINE})
_PROBLEM_STATUSES = frozenset({LinkStatus.DEAD, LinkStatus.SOFT_DEAD} | UNVERIFIED_STATUSES)
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTE)
_LINK_UNVERIFIED = LINK_RULES["link-unverified"].id


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding with its fingerprint and whether the baseline accepts it."""

    finding: Finding
    fingerprint: str
    baselined: bool
    offline: bool = False  # a link-unverified finding about a link an offline run left unchecked


@dataclass(frozen=True, slots=True)
class LinkView:
    """A checked link with what the archive stage knows about it."""

    link: LinkResult
    archive: ArchiveResult | None
    accepted: bool = False
    offline: bool = False  # not checked because the whole run was offline

    @property
    def problem(self) -> bool:
        """Dead, soft-dead or unverified, not accepted in the baseline, and
        not merely left unchecked by an offline run."""
        return self.link.status in _PROBLEM_STATUSES and not self.accepted and not self.offline

    @property
    def snapshot_url(self) -> str | None:
        """The archived copy near the citation date, if the archive stage found one."""
        if self.archive is None or self.archive.cited_snapshot is None:
            return None
        return self.archive.cited_snapshot.archive_url

    @property
    def status_group(self) -> str:
        """The status, with blocked/timeout/offline folded into "unverified"
        (or "offline" for the links an offline run did not check)."""
        if self.offline:
            return "offline"
        status = self.link.status
        return "unverified" if status in UNVERIFIED_STATUSES else status.value


@dataclass(frozen=True, slots=True)
class NoteView:
    """One note (or, with ``footnote`` None, what concerns no single note)."""

    path: str
    label: str | None
    location: Location
    footnote: Footnote | None
    citations: tuple[Citation, ...]
    links: tuple[LinkView, ...]
    findings: tuple[FindingView, ...]

    @property
    def open_findings(self) -> tuple[FindingView, ...]:
        """Findings the baseline does not accept."""
        return tuple(f for f in self.findings if not f.baselined)

    @property
    def problem_links(self) -> tuple[LinkView, ...]:
        return tuple(link for link in self.links if link.problem)

    @property
    def has_problems(self) -> bool:
        """An open error or warning, or a dead, soft-dead or unverified link."""
        return bool(self.problem_links) or any(
            f.finding.severity is not Severity.NOTE for f in self.open_findings
        )


@dataclass(frozen=True, slots=True)
class ManuscriptView:
    """A manuscript's notes in order, then its general findings (if any)."""

    manuscript: Manuscript
    notes: tuple[NoteView, ...]
    general: NoteView | None


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts every report starts with."""

    manuscripts: int
    notes: int
    citations: int
    links: int
    link_status: dict[str, int]
    unverified: int
    findings: dict[str, int]
    baselined: int
    archived: int
    captures: int
    offline_links: int = 0  # links an offline run did not check (0 in an online run)
    cached_links: int = 0  # links whose outcome came from the links cache
    cached_checked: tuple[date, date] | None = None  # when the cached ones were checked, first-last

    @property
    def checked_unverified(self) -> int:
        """Links checked (or read from the cache) whose state is unknown: blocked or
        timed out. ``unverified`` also counts an offline run's unchecked links."""
        return self.unverified - self.offline_links

    @property
    def problems(self) -> int:
        """Open errors and warnings, plus dead, soft-dead and unverified links.

        This is the machine count (the JSON report's ``problems``): it still
        counts an offline run's unchecked links. ``ReportView.problem_notes``
        is what the human-facing reports list.
        """
        return (
            self.findings["error"]
            + self.findings["warning"]
            + self.link_status["dead"]
            + self.link_status["soft-dead"]
            + self.unverified
        )

    @property
    def problems_found(self) -> int:
        """``problems`` less the links an offline run did not check: what a
        person is shown as problems."""
        return self.problems - self.offline_links


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything a writer needs, computed once."""

    run: CheckRun
    manuscripts: tuple[ManuscriptView, ...]
    findings: tuple[FindingView, ...]
    links: tuple[LinkView, ...]
    unplaced: tuple[FindingView, ...]
    summary: Summary
    baseline: Baseline | None

    # Distinct links in the body text that no note cites, left unchecked (no --body-links).
    unchecked_body_links: int = 0

    @property
    def body_links_sentence(self) -> str:
        """ "3 links in the body text were not checked; --body-links checks them" ("" for none)."""
        count = self.unchecked_body_links
        if not count:
            return ""
        links = "1 link" if count == 1 else f"{count} links"
        verb = "was" if count == 1 else "were"
        return f"{links} in the body text {verb} not checked; --body-links checks them"

    @property
    def offline(self) -> bool:
        """Whether the run was offline and left links unchecked (none cited: nothing to say)."""
        return self.run.offline and bool(self.run.links)

    @property
    def offline_sentence(self) -> str:
        """What an offline run checked, in words every human-facing report uses.

        Links found in the cache count as checked, with their dates; only the
        rest were not checked.
        """
        s = self.summary
        unchecked = f"{s.offline_links} link{'' if s.offline_links == 1 else 's'} not checked"
        if not s.cached_links or s.cached_checked is None:
            return f"{unchecked}, so none is known to be alive"
        first, last = (d.isoformat() for d in s.cached_checked)
        when = f"on {first}" if first == last else f"between {first} and {last}"
        cached = f"{s.cached_links} from the cache (checked {when})"
        if not s.offline_links:
            return f"{cached}, none left unchecked"
        return f"{unchecked} (not in the cache), so not known to be alive; {cached}"

    @property
    def unchecked_words(self) -> str:
        """How "no problems found" is qualified in an offline run."""
        s = self.summary
        if not s.cached_links:
            return "the links were not checked"
        return f"{s.offline_links} link{' was' if s.offline_links == 1 else 's were'} not checked"

    @property
    def summary_rows(self) -> tuple[tuple[str, int], ...]:
        """The link rows of a summary table: an offline run's cached links count as checked."""
        s = self.summary
        if not self.offline:
            return (("links checked", s.links),)
        rows = [("links", s.links), ("links not checked (offline)", s.offline_links)]
        if s.cached_links:
            rows.append(("links from the cache", s.cached_links))
        return tuple(rows)

    @property
    def problem_notes(self) -> tuple[NoteView, ...]:
        """The notes (and general sections) with problems, in document order."""
        return tuple(
            note
            for manuscript in self.manuscripts
            for note in (*manuscript.notes, *([manuscript.general] if manuscript.general else []))
            if note.has_problems
        )

    def _open_notices(self) -> list[FindingView]:
        return [f for f in self.findings if f.finding.severity is Severity.NOTE and not f.baselined]

    @property
    def notices(self) -> tuple[FindingView, ...]:
        """Open notices that are not about one link (those are the link lines, or the
        offline line): what the human reports list after the problems."""
        return tuple(f for f in self._open_notices() if f.finding.rule not in LINK_RULES)

    @property
    def link_notices(self) -> int:
        """Open notices about single links: counted with the notices, shown as link lines."""
        return len(self._open_notices()) - len(self.notices)

    @property
    def open_unplaced(self) -> tuple[FindingView, ...]:
        """Findings outside any manuscript that the baseline does not accept
        and that are not just an offline run's unchecked links."""
        return tuple(f for f in self.unplaced if not f.baselined and not f.offline)


def rule_description(rule: str) -> str:
    """What a rule id means: the catalogue's summary, else the id in words."""
    known = ALL_RULES.get(rule)
    if known is not None:
        return known.summary
    words = rule.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else rule


def note_name(label: str) -> str:
    """ "note 3"; "in-text citation @key" (a work cited in the running text); "body link 2"."""
    if label.startswith(BODY_LINK):
        return f"body link {label.removeprefix(BODY_LINK)}"
    kind = "in-text citation" if label.startswith(IN_TEXT) else "note"
    return f"{kind} {label}"


def relative_path(path: str) -> str:
    """The path relative to the working directory when it lies under it.

    CI services (code scanning, Actions annotations) place results by a path
    relative to the repository root, where citecheck is run.
    """
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path
    return candidate.as_posix()


def file_uri(path: str) -> str:
    """A ``file://`` URI for a manuscript path (relative paths from the cwd)."""
    return Path(path).resolve().as_uri()


def _summary(
    run: CheckRun, findings: tuple[FindingView, ...], links: tuple[LinkView, ...]
) -> Summary:
    status = {s.value: 0 for s in LinkStatus}
    for link in run.links:
        status[link.status.value] += 1
    cached = [link.checked_at.date() for link in run.links if link.from_cache and link.checked_at]
    severity = {s.value: 0 for s in SEVERITIES}
    for view in findings:
        if not view.baselined:
            severity[view.finding.severity.value] += 1
    return Summary(
        manuscripts=len(run.footnote_sets),
        notes=sum(1 for f in run.footnotes if not f.label.startswith((IN_TEXT, BODY_LINK))),
        citations=len(run.citations),
        links=len(run.links),
        link_status=status,
        unverified=sum(status[s.value] for s in UNVERIFIED_STATUSES),
        findings=severity,
        baselined=sum(1 for view in findings if view.baselined),
        archived=sum(1 for a in run.archives if a.cited_snapshot is not None),
        captures=sum(len(a.captures) for a in run.archives),
        offline_links=sum(1 for link in links if link.offline),
        cached_links=len(cached),
        cached_checked=(min(cached), max(cached)) if cached else None,
    )


_Placed = TypeVar("_Placed", Citation, FindingView)


def _at_own_line(items: tuple[_Placed, ...], line: int, lines: list[int]) -> tuple[_Placed, ...]:
    """Of the items about a label defined at ``lines``, those of the definition at ``line``.

    An item at none of those lines goes with the first definition.
    """

    def where(item: _Placed) -> int:
        location = item.location if isinstance(item, Citation) else item.finding.location
        return location.line

    first = line == lines[0]
    return tuple(i for i in items if where(i) == line or (first and where(i) not in lines))


def build_view(run: CheckRun, *, baseline: Baseline | None = None) -> ReportView:
    """Group a run by manuscript and note for the writers."""
    archives = {normalise_url(a.url): a for a in run.archives}
    # An offline run's "offline" links were never tried; nothing about them is per-link news.
    unchecked = (
        {link.url for link in run.links if link.status is LinkStatus.OFFLINE}
        if run.offline
        else set()
    )
    findings = tuple(
        FindingView(
            f,
            fingerprint,
            baseline is not None and baseline.accepts(f),
            offline=f.rule == _LINK_UNVERIFIED and f.evidence in unchecked,
        )
        for f in run_findings(run)
        for fingerprint in (finding_fingerprint(f),)
    )
    # A link is accepted when the baseline accepts every finding it gave rise to.
    link_items = [f for f in findings if f.finding.rule in LINK_RULES]
    open_urls = {f.finding.evidence for f in link_items if not f.baselined}
    accepted_urls = {f.finding.evidence for f in link_items if f.baselined} - open_urls
    links = tuple(
        LinkView(
            link,
            archives.get(normalise_url(link.url)),
            link.url in accepted_urls,
            offline=link.url in unchecked,
        )
        for link in run.links
    )

    by_note: dict[tuple[str, str | None], list[FindingView]] = {}
    for item in findings:
        by_note.setdefault((item.finding.location.path, item.finding.note), []).append(item)
    citations: dict[tuple[str, str], list[Citation]] = {}
    for citation in run.citations:
        citations.setdefault((citation.location.path, citation.note), []).append(citation)
    note_links: dict[tuple[str, str], list[LinkView]] = {}
    cited_by = citing(run)
    for link_view in links:
        cited_notes = dict.fromkeys((c.location.path, c.note) for c in cited_by[link_view.link.url])
        for key in cited_notes:
            note_links.setdefault(key, []).append(link_view)

    placed: set[tuple[str, str | None]] = set()
    manuscripts: list[ManuscriptView] = []
    for footnote_set in run.footnote_sets:
        path = footnote_set.manuscript.path
        notes: list[NoteView] = []
        # A label defined twice (a finding in itself): each definition shows what stands at
        # its own line, not both definitions everything said about the label.
        lines_of: dict[tuple[str, str], list[int]] = {}
        for footnote in footnote_set.footnotes:
            key = (footnote.location.path, footnote.label)
            lines_of.setdefault(key, []).append(footnote.location.line)
        for footnote in footnote_set.footnotes:
            key = (footnote.location.path, footnote.label)
            cited = tuple(citations.get(key, ()))
            found = tuple(by_note.get(key, ()))
            if len(lines_of[key]) > 1:
                cited = _at_own_line(cited, footnote.location.line, lines_of[key])
                found = _at_own_line(found, footnote.location.line, lines_of[key])
            notes.append(
                NoteView(
                    path=footnote.location.path,
                    label=footnote.label,
                    location=footnote.location,
                    footnote=footnote,
                    citations=cited,
                    links=tuple(note_links.get(key, ())),
                    findings=found,
                )
            )
            placed.add(key)
        # Findings of this manuscript that name no note, or a note it lacks.
        rest = [
            view
            for (where, label), views in by_note.items()
            if where == path and (where, label) not in placed
            for view in views
        ]
        placed.update(key for key in by_note if key[0] == path)
        general = (
            NoteView(path, None, Location(path, 1), None, (), (), tuple(rest)) if rest else None
        )
        manuscripts.append(ManuscriptView(footnote_set.manuscript, tuple(notes), general))

    unplaced = tuple(view for key, views in by_note.items() if key not in placed for view in views)
    return ReportView(
        run=run,
        manuscripts=tuple(manuscripts),
        findings=findings,
        links=links,
        unplaced=unplaced,
        summary=_summary(run, findings, links),
        baseline=baseline,
        unchecked_body_links=_unchecked_body_links(run),
    )


def _unchecked_body_links(run: CheckRun) -> int:
    """How many distinct links of the body texts were not checked (docs/links.md)."""
    checked = {normalise_url(link.url) for link in run.links}
    return len(
        {
            normalise_url(url)
            for footnotes in run.footnote_sets
            for url, _ in body_urls(footnotes.manuscript)
        }
        - checked
    )
