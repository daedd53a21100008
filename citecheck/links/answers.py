"""What an exchange gave (``Answer``, a redirect walk's ``Fetch``), and what a URL or a media
type says before anything is asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

__all__ = ["Answer", "Fetch", "Hop", "declared_length", "looks_like_page", "readable"]

_READABLE = ("text/html", "application/xhtml+xml", "text/", "application/pdf", "application/xml")


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP exchange after its retries: a response, or why there was none."""

    url: str
    method: str
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes = b""
    complete: bool = False
    attempts: int = 1
    failure: tuple[str, str] | None = None  # (NetworkFailure kind, reason)
    location: str | None = None  # a redirect's Location, as sent

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", ""))


@dataclass(frozen=True, slots=True)
class Hop:
    """One address that sent the reader on: a 3xx, or a page that moves by itself."""

    url: str
    status: int  # its HTTP status (a 2xx for a page that moves by itself)
    via: str = ""  # "" for a 3xx; "meta refresh", "Refresh header" or "script"
    delay: int = 0  # seconds a refresh waited first: 0 moves like a 301, more like a 302
    notice: str = ""  # why a delayed refresh moves for good: the page is a notice of the move

    @property
    def permanent(self) -> bool:
        """A 301 or 308, or a page that moves every reader on at once (as browsers and
        search engines read an immediate refresh) or is only a notice of its move; any
        other delayed refresh is a temporary move."""
        return self.delay == 0 or bool(self.notice) if self.via else self.status in {301, 308}


@dataclass(frozen=True, slots=True)
class Fetch:
    """A walk through redirects: each hop, the final answer, or why it was abandoned."""

    answer: Answer
    hops: tuple[Hop, ...] = ()
    loop: str | None = None  # why the walk was abandoned (a loop, a non-web target ...)

    @property
    def redirects(self) -> tuple[str, ...]:
        return (*(hop.url for hop in self.hops[1:]), self.answer.url) if self.hops else ()

    @property
    def refreshed_by(self) -> str:
        """How the page itself moved the reader ("meta refresh" ...), or "" for 3xx only."""
        return next((hop.via for hop in self.hops if hop.via), "")


def declared_length(headers: httpx.Headers) -> int:
    """The Content-Length a HEAD declared; 0 when absent or not a number (hostile ones exist)."""
    text = headers.get("content-length", "").split(",", 1)[0].strip()
    return int(text) if text.isdigit() else 0


# Paths that name a file to download, not a page: the first request to a host
# for one of these is a HEAD, as for every URL of a host that serves no HTML.
_FILE_SUFFIXES = (
    *(".pdf", ".zip", ".gz", ".tgz", ".tar", ".xz", ".bz2", ".7z", ".rar", ".iso", ".dmg"),
    *(".exe", ".msi", ".csv", ".tsv", ".xls", ".xlsx", ".doc", ".docx", ".ppt", ".pptx"),
    *(".epub", ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".mkv", ".wav", ".flac", ".webm"),
    *(".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".parquet", ".nc", ".h5", ".sav"),
)


def looks_like_page(url: str) -> bool:
    """Whether the URL's path names no downloadable file by its suffix."""
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return False
    return not path.endswith(_FILE_SUFFIXES)


def readable(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media.startswith(_READABLE)
