"""What the web says of a cited URL: the links stage's ``LinkResult`` and the archive stage's
``ArchiveResult`` (re-exported by ``citecheck.model``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from citecheck.model_citations import PartialDate

__all__ = [
    "ArchiveResult",
    "Capture",
    "Drift",
    "LinkResult",
    "LinkStatus",
    "Snapshot",
]


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
