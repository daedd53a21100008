"""WACZ packaging: layout, fixity hashes, a CDXJ index that points at real records."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from archive_standins import FIXED_NOW, WebStandIn, html
from warcio.archiveiterator import ArchiveIterator

from citecheck.archive import ServiceLimits, archive_urls
from citecheck.archive.wacz import surt, write_wacz
from citecheck.config import ArchiveSettings
from citecheck.model import Capture


def _captures(web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits) -> list[Capture]:
    one = web.page("/one", html("First page", "Text one."))
    web.page("/two", html("Second page", "Text two."))
    two = web.redirect("/two-old", "/two")
    results = asyncio.run(
        archive_urls({one: None, two: None}, settings, now=FIXED_NOW, limits=limits)
    )
    return [c for r in results for c in r.captures]


def test_wacz_layout_hashes_and_index(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits, tmp_path: Path
) -> None:
    captures = _captures(web, settings, limits)
    out = write_wacz(tmp_path / "essay.wacz", captures, title="Essay captures", now=FIXED_NOW)
    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        warcs = sorted(n for n in names if n.startswith("archive/"))
        assert names == {
            *warcs,
            "indexes/index.cdx",
            "pages/pages.jsonl",
            "datapackage.json",
            "datapackage-digest.json",
        }
        assert len(warcs) == 2
        for name in warcs:
            assert bundle.getinfo(name).compress_type == zipfile.ZIP_STORED

        package = json.loads(bundle.read("datapackage.json"))
        assert package["profile"] == "data-package"
        assert package["wacz_version"] == "1.1.1"
        assert package["title"] == "Essay captures"
        assert package["created"] == "2026-11-28T07:30:00Z"
        listed = {r["path"]: r for r in package["resources"]}
        assert set(listed) == names - {"datapackage.json", "datapackage-digest.json"}
        for path, resource in listed.items():
            data = bundle.read(path)
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert resource["bytes"] == len(data)
        digest = json.loads(bundle.read("datapackage-digest.json"))
        assert digest == {
            "path": "datapackage.json",
            "hash": "sha256:" + hashlib.sha256(bundle.read("datapackage.json")).hexdigest(),
        }

        pages = [json.loads(line) for line in bundle.read("pages/pages.jsonl").splitlines()]
        assert pages[0] == {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
        assert sorted(p["title"] for p in pages[1:]) == ["First page", "Second page"]
        assert {p["ts"] for p in pages[1:]} == {"2026-11-28T07:30:00Z"}

        lines = bundle.read("indexes/index.cdx").decode().splitlines()
        assert lines == sorted(lines)
        assert len(lines) == 3  # /one, and /two-old (301) with /two
        for line in lines:
            key, stamp, data = line.split(" ", 2)
            entry = json.loads(data)
            assert key == surt(entry["url"])
            assert stamp == "20261128073000"
            warc = bundle.read(f"archive/{entry['filename']}")
            member = warc[int(entry["offset"]) : int(entry["offset"]) + int(entry["length"])]
            (record,) = list(ArchiveIterator(io.BytesIO(member)))
            assert record.rec_type == "response"
            assert record.rec_headers.get_header("WARC-Target-URI") == entry["url"]
            assert record.http_headers.get_statuscode() == entry["status"]


def test_wacz_never_overwrites(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits, tmp_path: Path
) -> None:
    captures = _captures(web, settings, limits)
    out = tmp_path / "essay.wacz"
    out.write_bytes(b"earlier")
    with pytest.raises(FileExistsError):
        write_wacz(out, captures, title="x")
    assert out.read_bytes() == b"earlier"


def test_wacz_needs_local_captures(tmp_path: Path) -> None:
    remote = Capture("perma", "http://x", "https://perma.cc/AAAA-BBBB", FIXED_NOW)
    with pytest.raises(ValueError, match="no local WARC"):
        write_wacz(tmp_path / "a.wacz", [remote], title="x")


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.org/A/b?z=1&a=2", "org,example)/a/b?a=2&z=1"),
        ("http://example.org:80/", "org,example)/"),
        ("http://127.0.0.3:8080/page", "3,0,0,127:8080)/page"),
        ("https://sub.example.co.uk", "uk,co,example,sub)/"),
    ],
)
def test_surt(url: str, key: str) -> None:
    assert surt(url) == key
