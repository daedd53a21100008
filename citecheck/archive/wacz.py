"""Package a manuscript's local WARC captures as one WACZ file (WACZ 1.1.1).

A journal that wants a single, fixed deliverable gets a ZIP laid out as the
WACZ spec says, loadable by ReplayWeb.page and pywb:

* ``archive/<name>.warc.gz``: each capture's WARC, stored (not recompressed);
* ``indexes/index.cdx``: a CDXJ index of the response records (SURT key,
  14-digit timestamp, JSON with url, mime, status, digest, length, offset,
  filename), sorted;
* ``pages/pages.jsonl``: the ``json-pages-1.0`` header, then one page per
  capture (url, RFC 3339 ts, title when the page had one);
* ``datapackage.json``: every file above with its ``sha256:`` hash and size;
* ``datapackage-digest.json``: the SHA-256 of ``datapackage.json``, so the
  whole package can be checked from one hash.

The destination is created exclusively: an existing file is never replaced.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from warcio.archiveiterator import ArchiveIterator

from citecheck import __version__
from citecheck.model import Capture

__all__ = ["WACZ_VERSION", "surt", "write_wacz"]

WACZ_VERSION = "1.1.1"
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def surt(url: str) -> str:
    """The sort-friendly key replay tools look URLs up by.

    ``https://www.Example.org:443/A/b?z=1&a=2`` -> ``org,example)/a/b?a=2&z=1``:
    scheme and ``www.`` dropped, host labels reversed, default port dropped,
    everything lower-cased, query parameters sorted.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    host = re.sub(r"^www\d*\.", "", host)
    key = ",".join(reversed(host.split("."))) if host else ""
    port = parts.port
    if port is not None and (parts.scheme, port) not in {("http", 80), ("https", 443)}:
        key += f":{port}"
    path = parts.path or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{key}){path}{'?' + query if query else ''}".lower()


def write_wacz(
    destination: Path,
    captures: Sequence[Capture],
    *,
    title: str,
    description: str = "",
    now: datetime | None = None,
) -> Path:
    """Write the ``warc`` captures among ``captures`` into a new WACZ file.

    Raises:
        FileExistsError: ``destination`` exists (it is never overwritten).
        ValueError: no capture has a local WARC file, or two share a name.
        OSError: a WARC file cannot be read.
    """
    files = [Path(c.path) for c in captures if c.provider == "warc" and c.path]
    if not files:
        raise ValueError("no local WARC capture to package")
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise ValueError("two captures share a WARC file name")
    created = (now or datetime.now(UTC)).astimezone(UTC)

    index: list[str] = []
    pages: list[dict[str, str]] = []
    for path in files:
        index += _index_lines(path)
        pages += _pages(path)
    index.sort()

    contents: dict[str, bytes] = {}
    header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    contents["pages/pages.jsonl"] = "".join(
        json.dumps(line, ensure_ascii=False) + "\n" for line in (header, *pages)
    ).encode()
    contents["indexes/index.cdx"] = "".join(line + "\n" for line in index).encode()

    resources = [_resource(f"archive/{path.name}", path.read_bytes()) for path in files] + [
        _resource(name, data) for name, data in contents.items()
    ]
    package: dict[str, object] = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": title,
        "description": description,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "software": f"citecheck {__version__}",
        "resources": resources,
    }
    if len(pages) == 1:
        package["mainPageUrl"] = pages[0]["url"]
        package["mainPageDate"] = pages[0]["ts"]
    datapackage = json.dumps(package, indent=2, ensure_ascii=False).encode()
    digest = json.dumps(
        {"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(datapackage).hexdigest()}
    ).encode()

    with destination.open("xb") as handle, zipfile.ZipFile(handle, "w") as bundle:
        for path in files:
            # Already gzip-compressed: stored as is, so readers can seek in it.
            bundle.write(path, f"archive/{path.name}", compress_type=zipfile.ZIP_STORED)
        for name, data in contents.items():
            bundle.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        bundle.writestr("datapackage.json", datapackage, compress_type=zipfile.ZIP_DEFLATED)
        bundle.writestr("datapackage-digest.json", digest, compress_type=zipfile.ZIP_DEFLATED)
    return destination


def _resource(path: str, data: bytes) -> dict[str, object]:
    return {
        "name": path.rsplit("/", 1)[-1],
        "path": path,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def _warc_timestamp(warc_date: str) -> str:
    digits = re.sub(r"\D", "", warc_date)
    return digits[:14].ljust(14, "0")


def _index_lines(path: Path) -> list[str]:
    lines = []
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        for record in records:
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date") or ""
            http = record.http_headers
            mime = (http.get_header("Content-Type") or "").split(";")[0].strip() if http else ""
            fields = {"url": url}
            if mime:
                fields["mime"] = mime
            fields["status"] = http.get_statuscode() if http else ""
            fields["digest"] = record.rec_headers.get_header("WARC-Payload-Digest") or ""
            fields["filename"] = path.name
            records.read_to_end(record)
            fields["offset"] = str(records.get_record_offset())
            fields["length"] = str(records.get_record_length())
            lines.append(f"{surt(url)} {_warc_timestamp(date)} {json.dumps(fields)}")
    return lines


def _pages(path: Path) -> list[dict[str, str]]:
    """The page each WARC was made for: its cited URL, capture time and title."""
    with path.open("rb") as handle:
        cited = ""
        for record in ArchiveIterator(handle):
            if record.rec_type == "warcinfo":
                info = record.content_stream().read().decode("utf-8", "replace")
                match = re.search(r"^citecheck-cited-url: (.+?)\r?$", info, re.MULTILINE)
                cited = match.group(1) if match else ""
                continue
            if record.rec_type != "response":
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else ""
            if status.startswith("3"):
                continue  # the page is the end of the redirect chain
            date = record.rec_headers.get_header("WARC-Date") or ""
            body = record.content_stream().read(256 * 1024)
            found = _TITLE.search(body)
            page = {
                "id": hashlib.sha256(path.name.encode()).hexdigest()[:10],
                "url": record.rec_headers.get_header("WARC-Target-URI") or cited,
                "ts": _rfc3339(date),
            }
            if found:
                text = " ".join(found.group(1).decode("utf-8", "replace").split())
                if text:
                    page["title"] = text
            return [page]
    return []


def _rfc3339(warc_date: str) -> str:
    stamp = _warc_timestamp(warc_date)
    return datetime.strptime(stamp, "%Y%m%d%H%M%S").strftime("%Y-%m-%dT%H:%M:%SZ")
