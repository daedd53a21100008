"""Keep a local, evidence-grade copy of each live cited page as a WARC file.

The embedded default provider ("warc"): it needs no account. Each capture is
one gzipped WARC/1.1 file (one gzip member per record) under
``settings.warc_dir``, named ``{YYYYMMDDhhmmss}-{sha256(url)[:12]}.warc.gz``
and opened in exclusive mode, so an existing file is never overwritten. It
holds a ``warcinfo`` record, a ``response`` and a ``request`` record for each
hop of the redirect chain (as ``warcio.capture_http`` would write them), and a
``metadata`` record with the SHA-256 of the final decoded body.

The fetch is httpx's (warcio's own capture hooks only patch ``http.client``).
The body is kept as sent (``Content-Encoding`` intact, so the WARC payload
digest is of the real bytes); httpx has already removed any chunked
transfer coding, so ``Transfer-Encoding`` is left out of the recorded headers.

After the file is closed its SHA-256 is computed and one line is appended to
``warc_dir/manifest.jsonl`` (append-only): URL, final URL, redirects, capture
time, HTTP status, content type, SHA-256 of the decoded body and of the WARC
file, the file name, and the response record's id and SHA-1 payload digest.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from citecheck import __version__
from citecheck.archive.choose import timestamp_text
from citecheck.archive.session import Session
from citecheck.model import Capture, PartialDate

__all__ = ["MANIFEST", "LivePage", "capture_to_warc", "fetch_live", "warc_name"]

MANIFEST = "manifest.jsonl"
_MANIFEST_LOCK = threading.Lock()
# Hop-by-hop or rewritten by httpx: recording them would misdescribe the payload.
_DROPPED_HEADERS = {b"transfer-encoding"}


@dataclass(frozen=True, slots=True)
class Hop:
    """One request and its response, as sent and received."""

    url: str
    request_line: str
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    http_version: str
    response_headers: tuple[tuple[str, str], ...]
    raw_body: bytes
    truncated: bool
    fetched_at: datetime
    ip: str | None = None


@dataclass(frozen=True, slots=True)
class LivePage:
    """Today's page: every hop of its redirect chain and the decoded final body."""

    url: str
    hops: tuple[Hop, ...]
    body: bytes
    content_type: str

    @property
    def final(self) -> Hop:
        return self.hops[-1]


class FetchFailed(Exception):
    """The live page could not be fetched; the message says why."""


async def fetch_live(session: Session, url: str) -> LivePage:
    """GET ``url`` hop by hop (redirects followed and kept), body capped.

    Raises:
        FetchFailed: the URL is not http(s), cannot be reached, or redirects
            too often.
    """
    if not url.lower().startswith(("http://", "https://")):
        raise FetchFailed(f"not an http(s) URL: {url}")
    # httpx's timeouts are per read: a page dripping a byte a second never trips
    # them. The whole fetch, redirects included, gets 3 x the timeout.
    deadline = 3 * session.limits.timeout
    try:
        async with asyncio.timeout(deadline):
            return await _fetch_hops(session, url)
    except TimeoutError:
        raise FetchFailed(f"no whole answer within {deadline:g} s") from None


async def _fetch_hops(session: Session, url: str) -> LivePage:
    hops: list[Hop] = []
    current = url
    for _ in range(session.limits.max_redirects + 1):
        try:
            request = session.client.build_request("GET", current)
            response = await session.client.send(request, stream=True, follow_redirects=False)
        except httpx.InvalidURL as error:
            raise FetchFailed(f"invalid URL: {error}") from None
        except httpx.TransportError as error:
            raise FetchFailed(f"{type(error).__name__}: {error}") from None
        try:
            hop = await _read_hop(session, request, response)
        except httpx.TransportError as error:
            raise FetchFailed(f"{type(error).__name__} while reading: {error}") from None
        finally:
            await response.aclose()
        hops.append(hop)
        following = response.next_request
        if following is None:
            final = hops[-1]
            return LivePage(
                url=url,
                hops=tuple(hops),
                body=_decoded(final),
                content_type=response.headers.get("content-type", ""),
            )
        current = str(following.url)
    raise FetchFailed(f"more than {session.limits.max_redirects} redirects")


async def _read_hop(session: Session, request: httpx.Request, response: httpx.Response) -> Hop:
    limit = session.limits.max_body
    chunks: list[bytes] = []
    size = 0
    truncated = False
    ip = _peer(response)
    async for chunk in response.aiter_raw():
        if size + len(chunk) > limit:
            chunks.append(chunk[: limit - size])
            truncated = True
            break
        chunks.append(chunk)
        size += len(chunk)
    target = request.url.raw_path.decode("ascii", "replace")
    version = response.http_version or "HTTP/1.1"
    return Hop(
        url=str(request.url),
        request_line=f"{request.method} {target} {version}",
        request_headers=_text_headers(request.headers.raw),
        status=response.status_code,
        reason=response.reason_phrase or "",
        http_version=version,
        response_headers=_text_headers(response.headers.raw),
        raw_body=b"".join(chunks),
        truncated=truncated,
        fetched_at=session.now(),
        ip=ip,
    )


def _peer(response: httpx.Response) -> str | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        address = stream.get_extra_info("server_addr")
    except Exception:  # transports differ; the IP is only a nicety
        return None
    return str(address[0]) if isinstance(address, tuple) and address else None


def _text_headers(raw: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, value in raw
        if name.lower() not in _DROPPED_HEADERS
    )


def _decoded(hop: Hop) -> bytes:
    """The body with its content coding removed (empty when it cannot be)."""
    try:
        return httpx.Response(
            hop.status, headers=list(hop.response_headers), content=hop.raw_body
        ).content
    except httpx.DecodingError:
        return b"" if hop.truncated else hop.raw_body


def warc_name(url: str, when: datetime) -> str:
    """``{YYYYMMDDhhmmss}-{first 12 hex of sha256(url)}.warc.gz``."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{timestamp_text(when)}-{digest}.warc.gz"


async def capture_to_warc(
    session: Session, page: LivePage, cited: PartialDate | None, cited_url: str | None = None
) -> tuple[Capture | None, tuple[str, ...]]:
    """Write ``page`` to a new WARC file and the manifest; never overwrites.

    ``cited_url``: the address the manuscript cites, when the page was fetched
    at another (a DOI link, at the resolver the links stage uses): it is the
    one recorded as cited, the fetched address beside it.
    """
    directory = Path(session.settings.warc_dir)
    try:
        return await asyncio.to_thread(_write, directory, page, cited, cited_url or page.url)
    except OSError as error:
        return None, (f"warc: cannot write under {directory}: {error.strerror or error}",)


def _write(
    directory: Path, page: LivePage, cited: PartialDate | None, cited_url: str
) -> tuple[Capture | None, tuple[str, ...]]:
    directory.mkdir(parents=True, exist_ok=True)
    final = page.final
    base = warc_name(cited_url, final.fetched_at)
    content_sha256 = hashlib.sha256(page.body).hexdigest()
    # Two captures of one URL within a second share a name: number the later
    # ones (-2, -3, ...) rather than overwrite or drop the capture.
    for attempt in range(1, 100):
        name = base if attempt == 1 else base.replace(".warc.gz", f"-{attempt}.warc.gz")
        path = directory / name
        try:
            handle = path.open("xb")
            break
        except FileExistsError:
            continue
    else:
        return None, (f"warc: {directory / base} and 98 numbered copies exist; nothing written",)
    with handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        writer.write_record(
            writer.create_warcinfo_record(
                name,
                {
                    "software": f"citecheck/{__version__}",
                    "format": "WARC File Format 1.1",
                    "citecheck-cited-url": cited_url,
                    "citecheck-cited-date": "" if cited is None else cited.isoformat(),
                    # Where it was fetched, when not at the cited address (a DOI's resolver).
                    **({"citecheck-fetched-url": page.url} if page.url != cited_url else {}),
                },
            )
        )
        response_id = ""
        payload_digest = ""
        for hop in page.hops:
            response, request = _records(writer, hop)
            writer.write_request_response_pair(request, response)
            response_id = response.rec_headers.get_header("WARC-Record-ID")
            payload_digest = response.rec_headers.get_header("WARC-Payload-Digest") or ""
        fields = f"citecheck-content-sha256: {content_sha256}\r\n".encode()
        writer.write_record(
            writer.create_warc_record(
                final.url,
                "metadata",
                payload=BytesIO(fields),
                length=len(fields),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Refers-To": response_id,
                    "WARC-Date": _warc_date(final.fetched_at),
                },
            )
        )
    warc_sha256 = _file_sha256(path)
    entry = {
        "url": cited_url,
        "fetched_url": page.url,
        "final_url": final.url,
        "redirects": [hop.url for hop in page.hops[:-1]],
        "captured_at": final.fetched_at.isoformat(),
        "http_status": final.status,
        "content_type": page.content_type,
        "content_sha256": content_sha256,
        "warc_sha256": warc_sha256,
        "warc_file": name,
        "warc_record_id": response_id,
        "payload_digest": payload_digest,
        "truncated": final.truncated,
        "cited_date": None if cited is None else cited.isoformat(),
    }
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
    with _MANIFEST_LOCK, (directory / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write(line)
    problems: list[str] = []
    if final.status >= 400:
        problems.append(f"warc: the page answered HTTP {final.status} when captured")
    if final.truncated:
        problems.append(f"warc: the body was cut at {len(final.raw_body)} bytes")
    capture = Capture(
        provider="warc",
        url=cited_url,
        archive_url=None,
        timestamp=final.fetched_at,
        sha256=warc_sha256,
        path=str(path),
        http_status=final.status,
    )
    return capture, tuple(problems)


def _records(writer: WARCWriter, hop: Hop) -> tuple[Any, Any]:
    date = _warc_date(hop.fetched_at)
    warc_headers = {"WARC-Date": date}
    if hop.ip:
        warc_headers["WARC-IP-Address"] = hop.ip
    if hop.truncated:
        warc_headers["WARC-Truncated"] = "length"
    response = writer.create_warc_record(
        hop.url,
        "response",
        payload=BytesIO(hop.raw_body),
        length=len(hop.raw_body),
        http_headers=StatusAndHeaders(
            f"{hop.status} {hop.reason}".strip(),
            list(hop.response_headers),
            protocol=hop.http_version,
        ),
        warc_headers_dict=warc_headers,
    )
    request = writer.create_warc_record(
        hop.url,
        "request",
        payload=BytesIO(b""),
        length=0,
        http_headers=StatusAndHeaders(
            hop.request_line, list(hop.request_headers), is_http_request=True
        ),
        warc_headers_dict={"WARC-Date": date},
    )
    return response, request


def _warc_date(moment: datetime) -> str:
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
