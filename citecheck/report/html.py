"""HTML report: one self-contained page an editor reads note by note.

The page has no external assets (CSS and a little JS inline), so it can be
mailed, attached to a CI run or opened offline, and it prints cleanly. It
starts with the counts, then goes note by note: the claim, the note, each
citation as parsed, each link with its status, reason and archived copy,
and the findings with their evidence. Filters by severity and link status
need JavaScript; without it every note is shown.

An offline run says so once in a banner. Its unchecked links are still shown
in their notes, in a link group of their own ("offline", with its filter box),
but they do not make a note a problem, so "Problems only" leaves such notes
out.

Everything from the manuscript or the web is escaped (Jinja autoescape), and
only http(s) URLs become links, so a ``javascript:`` URL in a note is shown
as text and never made clickable. Cited links that have an archived copy
carry Robust Links attributes (``data-versionurl``, ``data-versiondate``).
"""

from __future__ import annotations

from typing import TextIO
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from citecheck.baseline import Baseline
from citecheck.model import ArchiveResult, CheckRun, Citation, Person
from citecheck.report._view import (
    SEVERITIES,
    FindingView,
    LinkView,
    NoteView,
    ReportView,
    build_view,
    file_uri,
    note_name,
)

__all__ = ["render_html", "write"]

_LINK_GROUPS = ("alive", "redirected", "dead", "soft-dead", "unverified", "excluded")
_OFFLINE_GROUP = "offline"


def _safe_href(url: str | None) -> str | None:
    """The URL if it is safe to make clickable (http, https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:  # "https://[::1": shown, never made clickable
        return None
    return url if scheme in {"http", "https"} else None


def _person(person: Person) -> str:
    if person.corporate or not person.given:
        return person.family
    return f"{person.given} {person.family}"


def _fields(citation: Citation) -> list[tuple[str, str]]:
    """The parsed fields of a citation that have a value, in reading order."""
    authors = ", ".join(_person(p) for p in citation.authors)
    if citation.et_al:
        authors = f"{authors} et al." if authors else "et al."
    values: list[tuple[str, str | None]] = [
        ("type", citation.type.value),
        ("signal", citation.signal),
        ("authors", authors or None),
        ("title", citation.title),
        ("container", citation.container),
        ("volume", citation.volume),
        ("issue", citation.issue),
        ("pages", citation.pages),
        ("pinpoint", citation.pinpoint),
        ("date", citation.date.isoformat() if citation.date else None),
        ("publisher", citation.publisher),
        ("place", citation.place),
        ("series", citation.series),
        ("number", citation.number),
        ("doi", citation.doi),
        ("accessed", citation.accessed.isoformat() if citation.accessed else None),
        ("short form", citation.short_form.value if citation.short_form else None),
        ("problem", citation.problem),
    ]
    return [(name, value) for name, value in values if value]


def _tags(note: NoteView) -> str:
    """The filter tags of a note: severities of its open findings, link groups.

    An offline run's link-unverified finding goes with its link ("offline"),
    not with the notices, so one filter box shows or hides both.
    """
    tags = {_finding_tag(f) for f in note.open_findings}
    tags.update(f"status-{link.status_group}" for link in note.links)
    if any(f.baselined for f in note.findings):
        tags.add("baselined")
    if not tags:
        tags.add("clean")
    return " ".join(sorted(tags))


def _finding_tag(item: FindingView) -> str:
    """The filter tag of one finding row."""
    if item.baselined:
        return "baselined"
    if item.offline:
        return f"status-{_OFFLINE_GROUP}"
    return f"sev-{item.finding.severity.value}"


def _robust(link_view: LinkView) -> dict[str, str]:
    """Robust Links attributes for the cited URL, when a cited snapshot exists."""
    archive: ArchiveResult | None = link_view.archive
    if archive is None or archive.cited_snapshot is None:
        return {}
    snapshot = archive.cited_snapshot
    if _safe_href(snapshot.archive_url) is None:
        return {}
    return {
        "data-versionurl": snapshot.archive_url,
        "data-versiondate": snapshot.timestamp.date().isoformat(),
    }


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("citecheck.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        safe_href=_safe_href,
        citation_fields=_fields,
        note_tags=_tags,
        robust=_robust,
        finding_tag=_finding_tag,
        file_uri=file_uri,
        note_name=note_name,
        severities=[s.value for s in SEVERITIES],
        link_groups=_LINK_GROUPS,
    )
    return env


def render_html(view: ReportView) -> str:
    """The report page as one string."""
    template = _environment().get_template("report.html.j2")
    groups = (*_LINK_GROUPS, _OFFLINE_GROUP) if view.summary.offline_links else _LINK_GROUPS
    return template.render(view=view, run=view.run, summary=view.summary, link_groups=groups)


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the self-contained HTML report."""
    out.write(render_html(build_view(run, baseline=baseline)))
