"""Hand-built CheckRuns for the report writers: a small factory and named runs.

The runs cover every link status, every severity, every archive case (cited
snapshot with a local WARC capture, no snapshot, drift, archive problems),
a baselined finding, an offline run (with real findings, and with only its
unchecked links), an empty run, and manuscript text full
of HTML-special and non-ASCII characters.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from citecheck.model import (
    ArchiveResult,
    Capture,
    CheckRun,
    Citation,
    CitationType,
    Drift,
    Finding,
    Footnote,
    FootnoteSet,
    LinkResult,
    LinkStatus,
    Location,
    Manuscript,
    NoteMarker,
    NoteText,
    PartialDate,
    Person,
    Severity,
    Snapshot,
)
from citecheck.verdict import link_findings

PATH = "essays/border.md"
WHEN = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
EVIL = '<script>alert("x")</script> & <b>bold</b> | *star* `tick`'
UNICODE = "Ünïcödé — “quoted” 東京 ☃"


class RunBuilder:
    """Builds one manuscript's notes, citations, links and findings."""

    def __init__(self, path: str = PATH) -> None:
        self.path = path
        self.footnotes: list[Footnote] = []
        self.citations: list[Citation] = []
        self.links: list[LinkResult] = []
        self.archives: list[ArchiveResult] = []
        self.findings: list[Finding] = []

    def note(self, label: str, text: str, *, line: int, claim: str = "") -> Footnote:
        marker = Location(self.path, max(line - 30, 1)) if claim else None
        footnote = Footnote(label, text, claim, Location(self.path, line), marker, text)
        self.footnotes.append(footnote)
        return footnote

    def cite(self, note: Footnote, raw: str, **fields: object) -> Citation:
        citation = Citation(
            note=note.label,
            index=len(self.citations),
            raw=raw,
            location=note.location,
            work=f"w{len(self.citations)}",
            **fields,  # type: ignore[arg-type]
        )
        self.citations.append(citation)
        return citation

    def link(self, url: str, status: LinkStatus, reason: str, **fields: object) -> LinkResult:
        result = LinkResult(url, status, reason, checked_at=WHEN, **fields)  # type: ignore[arg-type]
        self.links.append(result)
        return result

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        *,
        note: str | None,
        line: int,
        evidence: str = "",
    ) -> Finding:
        finding = Finding(rule, severity, message, Location(self.path, line), note, evidence)
        self.findings.append(finding)
        return finding

    def build(self, *, offline: bool = False, with_link_findings: bool = True) -> CheckRun:
        body = " ".join(f.claim for f in self.footnotes if f.claim)
        manuscript = Manuscript(
            path=self.path,
            format="markdown",
            body=body,
            markers=tuple(
                NoteMarker(f.label, 0, f.marker) for f in self.footnotes if f.marker is not None
            ),
            notes=tuple(NoteText(f.label, f.text, f.location, f.raw) for f in self.footnotes),
            title="Border essays",
        )
        run = CheckRun(
            footnote_sets=(FootnoteSet(manuscript, tuple(self.footnotes)),),
            citations=tuple(self.citations),
            links=tuple(self.links),
            archives=tuple(self.archives),
            findings=tuple(self.findings),
            offline=offline,
            started_at=WHEN,
            finished_at=WHEN.replace(second=12),
            tool_version="0.1.0",
        )
        if with_link_findings:
            run = replace(run, findings=(*run.findings, *link_findings(run)))
        return run


def _full() -> CheckRun:
    b = RunBuilder()
    n1 = b.note(
        "1",
        "Oscar J. Martínez, Border People (Tucson: University of Arizona Press, 1994), 23.",
        line=40,
        claim="The borderlands were never a single place.",
    )
    b.cite(
        n1,
        n1.text,
        type=CitationType.BOOK,
        authors=(Person("Martínez", "Oscar J."),),
        title="Border People",
        publisher="University of Arizona Press",
        place="Tucson",
        date=PartialDate(1994),
        pinpoint="23",
    )
    b.finding(
        "quote-mismatch",
        Severity.ERROR,
        "The quotation does not appear on the cited page.",
        note="1",
        line=40,
        evidence="never a single place",
    )

    n2 = b.note(
        "2",
        "U.S. Census Bureau, “Border counties,” https://alive.example/census"
        " (accessed May 5, 2010).",
        line=42,
        claim="Two million people live in the border counties.",
    )
    b.cite(
        n2,
        n2.text,
        type=CitationType.WEBPAGE,
        authors=(Person("U.S. Census Bureau", corporate=True),),
        title="Border counties",
        urls=("https://alive.example/census",),
        accessed=PartialDate(2010, 5, 5),
    )
    b.link("https://alive.example/census", LinkStatus.ALIVE, "HTTP 200", http_status=200)
    b.archives.append(
        ArchiveResult(
            url="https://alive.example/census",
            citation_date=PartialDate(2010, 5, 5),
            cited_snapshot=Snapshot(
                "https://alive.example/census",
                "https://web.archive.org/web/20100506000000/https://alive.example/census",
                datetime(2010, 5, 6, tzinfo=UTC),
            ),
            captures=(
                Capture(
                    "warc",
                    "https://alive.example/census",
                    None,
                    WHEN,
                    sha256="ab" * 32,
                    path=".citecheck/archive/alive-example-census.warc.gz",
                ),
            ),
            drift=Drift.MINOR,
            drift_evidence="92% of the 2010 text is still there",
        )
    )

    n3 = b.note(
        "3",
        "Jane Roe, “Gone page,” Example News, March 2007, https://dead.example/story.",
        line=44,
        claim="The fence went up in 2007.",
    )
    b.cite(
        n3,
        n3.text,
        type=CitationType.NEWSPAPER,
        authors=(Person("Roe", "Jane"),),
        title="Gone page",
        container="Example News",
        date=PartialDate(2007, 3),
        urls=("https://dead.example/story",),
    )
    b.link("https://dead.example/story", LinkStatus.DEAD, "HTTP 404 Not Found", http_status=404)
    b.archives.append(
        ArchiveResult(
            url="https://dead.example/story",
            citation_date=PartialDate(2007, 3),
            cited_snapshot=Snapshot(
                "https://dead.example/story",
                "https://web.archive.org/web/20070315000000/https://dead.example/story",
                datetime(2007, 3, 15, 12, 0, tzinfo=UTC),
            ),
        )
    )
    b.finding(
        "url-date-mismatch",
        Severity.WARNING,
        "The URL's date (2008) is later than the cited date (March 2007).",
        note="3",
        line=44,
        evidence="2008",
    )

    n4 = b.note("4", "See https://soft.example/gone.", line=46, claim="It was reported widely.")
    b.cite(n4, n4.text, type=CitationType.WEBPAGE, urls=("https://soft.example/gone",))
    b.link(
        "https://soft.example/gone",
        LinkStatus.SOFT_DEAD,
        "HTTP 200 but the page says 'Page not found'",
        http_status=200,
    )
    b.archives.append(
        ArchiveResult(
            url="https://soft.example/gone",
            citation_date=None,
            cited_snapshot=None,
            drift=Drift.UNKNOWN,
            problems=("no snapshot in the Wayback Machine",),
        )
    )

    n5 = b.note(
        "5",
        "See https://old.example/a; also https://walled.example/b.",
        line=48,
        claim="Both agencies said so.",
    )
    b.cite(n5, "See https://old.example/a", urls=("https://old.example/a",))
    b.cite(n5, "also https://walled.example/b", urls=("https://walled.example/b",))
    b.link(
        "https://old.example/a",
        LinkStatus.REDIRECTED,
        "301 to https://new.example/a",
        http_status=301,
        final_url="https://new.example/a",
        redirects=("https://new.example/a",),
    )
    b.link(
        "https://walled.example/b",
        LinkStatus.BLOCKED,
        "HTTP 403 with a bot challenge page",
        http_status=403,
    )
    b.finding(
        "ibid-after-two-works",
        Severity.NOTE,
        "Ibid. follows a note that cites two works.",
        note="5",
        line=48,
    )

    n6 = b.note(
        "6",
        "https://slow.example/x and https://localhost.example/skip",
        line=50,
        claim="Slow sites exist.",
    )
    b.cite(n6, "https://slow.example/x", urls=("https://slow.example/x",))
    b.cite(n6, "https://localhost.example/skip", urls=("https://localhost.example/skip",))
    b.link("https://slow.example/x", LinkStatus.TIMEOUT, "no answer in 20 s (3 tries)")
    b.link("https://localhost.example/skip", LinkStatus.EXCLUDED, "excluded by 'exclude'")

    n7 = b.note("7", f"{EVIL} {UNICODE} javascript:alert(1)", line=52, claim=f"Claim {EVIL}")
    b.cite(
        n7,
        f"{EVIL} {UNICODE}",
        title=f"{EVIL} {UNICODE}",
        authors=(Person("Ödön", "Zoë"),),
        urls=("javascript:alert(1)",),
        problem=f"could not parse {EVIL}",
    )
    b.link("javascript:alert(1)", LinkStatus.EXCLUDED, f"not http(s): {EVIL}")
    b.finding(
        "citation-unparsed",
        Severity.WARNING,
        f"Could not read this citation: {EVIL} {UNICODE}",
        note="7",
        line=52,
        evidence=EVIL,
    )

    b.note("8", "A note with nothing to check.", line=54, claim="")
    b.finding(
        "marker-without-note",
        Severity.ERROR,
        "Marker 9 in the text has no note.",
        note="9",
        line=30,
        evidence="[^9]",
    )
    return b.build()


@pytest.fixture
def full_run() -> CheckRun:
    """Every link status but offline, every severity, every archive case."""
    return _full()


@pytest.fixture
def offline_run() -> CheckRun:
    """The same manuscript checked offline: every link is 'offline'."""
    run = _full()
    links = tuple(
        replace(link, status=LinkStatus.OFFLINE, reason="offline run: not checked")
        if link.status is not LinkStatus.EXCLUDED
        else link
        for link in run.links
    )
    base = replace(
        run,
        links=links,
        archives=(),
        findings=tuple(f for f in run.findings if not f.rule.startswith("link-")),
        offline=True,
        archive_skipped_reason="offline run",
    )
    return replace(base, findings=(*base.findings, *link_findings(base)))


@pytest.fixture
def offline_links_only_run(offline_run: CheckRun) -> CheckRun:
    """The offline run with nothing but its links to report: every finding
    is a link-unverified one about an unchecked ("offline") link."""
    return replace(
        offline_run, findings=tuple(f for f in offline_run.findings if f.rule == "link-unverified")
    )


@pytest.fixture
def empty_run() -> CheckRun:
    """A manuscript without notes: nothing to check at all."""
    return RunBuilder("empty.md").build()


@pytest.fixture
def no_run() -> CheckRun:
    """A run that read no manuscript at all."""
    return CheckRun(footnote_sets=())


@pytest.fixture
def all_runs(
    full_run: CheckRun,
    offline_run: CheckRun,
    offline_links_only_run: CheckRun,
    empty_run: CheckRun,
    no_run: CheckRun,
) -> dict[str, CheckRun]:
    """Every named run, for tests that must hold for each."""
    return {
        "full": full_run,
        "offline": offline_run,
        "offline-links-only": offline_links_only_run,
        "empty": empty_run,
        "none": no_run,
    }
