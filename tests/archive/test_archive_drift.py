"""Content drift: one fixture pair per class, then end to end through replay ``id_``."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from dataclasses import replace

import pytest
from archive_standins import FIXED_NOW, ArchiveStandIn, Capture, Reply, WebStandIn, html

from citecheck.archive import ServiceLimits, archive_urls
from citecheck.archive.drift import Measures, classify, compare_pages, extract_text
from citecheck.config import ArchiveSettings
from citecheck.model import Drift, LinkResult, LinkStatus, PartialDate

PARAGRAPHS = (
    "The barrier along the southern border ran for about 650 miles by the end of 2010, "
    "most of it in Arizona, New Mexico and California.",
    "Congress had ordered the construction in the Secure Fence Act of 2006, which called "
    "for double-layered fencing over roughly 700 miles of desert and river land.",
    "Engineers soon found that the terrain along the Rio Grande made continuous fencing "
    "impractical, so several gaps were left where the river itself served as a boundary.",
    "Landowners in Texas challenged the condemnation of their property in federal court, "
    "arguing that the government had not consulted them as the statute required.",
    "The Government Accountability Office reported in 2009 that each mile of pedestrian "
    "fence cost an average of 3.9 million dollars, far above the early estimates.",
    "Critics pointed to tunnels discovered beneath Nogales as evidence that physical "
    "barriers alone could not stop determined smugglers from crossing.",
    "Supporters answered that apprehensions in the San Diego sector had fallen sharply "
    "after the first layers of steel mesh went up in the nineteen nineties.",
    "Environmental groups warned that the walls cut across migration corridors used by "
    "jaguars, pronghorn and other wildlife in the Sky Islands region.",
)


def _page(*paragraphs: str, title: str = "Fencing the border", nav: str = "Home | News") -> bytes:
    return html(title, *paragraphs, nav=nav).encode()


HTML = "text/html; charset=utf-8"


def test_byte_identical() -> None:
    body = _page(*PARAGRAPHS)
    assert compare_pages(body, HTML, body, HTML) == (Drift.UNCHANGED, "byte-identical")


def test_boilerplate_only_change_is_unchanged() -> None:
    old = _page(*PARAGRAPHS, nav="Home | News | Archive")
    new = _page(*PARAGRAPHS, nav="Start | Latest | Donate now | Subscribe")
    drift, evidence = compare_pages(old, HTML, new, HTML)
    assert drift is Drift.UNCHANGED
    assert "only markup or boilerplate" in evidence


def test_one_changed_figure_is_minor_with_the_change_shown() -> None:
    edited = list(PARAGRAPHS)
    edited[0] = edited[0].replace("650 miles", "700 miles")
    drift, evidence = compare_pages(_page(*PARAGRAPHS), HTML, _page(*edited), HTML)
    assert drift is Drift.MINOR
    assert "was «… border ran for about 650»; now «… border ran for about 700»" in evidence
    assert "jaccard=" in evidence
    assert "simhash=" in evidence


def test_half_rewritten_is_major() -> None:
    rewritten = (
        *PARAGRAPHS[:4],
        "The agency has since removed this analysis pending a new review of costs.",
        "Readers looking for current figures should consult the updated dashboard.",
    )
    drift, evidence = compare_pages(_page(*PARAGRAPHS), HTML, _page(*rewritten), HTML)
    assert drift is Drift.MAJOR, evidence


def test_parked_domain_is_replaced() -> None:
    parked = _page(
        "This domain may be for sale. Buy this domain today with our secure checkout.",
        "Related searches: cheap flights, car insurance, online casino bonus offers.",
        title="example-border-news.com",
    )
    drift, evidence = compare_pages(_page(*PARAGRAPHS), HTML, parked, HTML)
    assert drift is Drift.REPLACED, evidence


def test_not_text_is_unknown() -> None:
    drift, evidence = compare_pages(b"%PDF-1.4 ...", "application/pdf", b"<p>x</p>", HTML)
    assert drift is Drift.UNKNOWN
    assert "application/pdf" in evidence


def test_extraction_drops_boilerplate_and_keeps_digits() -> None:
    body = (
        b'<html><head><title>T</title></head><body><div role="navigation">Menu items</div>'
        b"<header>Head</header><p>Fence: 650 miles \xe2\x80\x94 Caf\xc3\xa9</p>"
        b"<aside>Related</aside><footer>Foot</footer><script>alert(1)</script></body></html>"
    )
    page = extract_text(body, HTML)
    assert page is not None
    assert page.title == "t"
    assert page.text == "fence: 650 miles — café"


@pytest.mark.parametrize(
    ("measures", "expected"),
    [
        (Measures(0.95, 0.99, 2, 0.99, 1.0, 300, 300), Drift.MINOR),  # near-duplicate
        (Measures(0.65, 0.90, 20, 0.9, 1.0, 300, 300), Drift.MINOR),
        (Measures(0.30, 0.96, 20, 0.9, 1.0, 300, 300), Drift.MINOR),
        (Measures(0.30, 0.70, 20, 0.7, 1.0, 300, 300), Drift.MAJOR),
        (Measures(0.02, 0.60, 30, 0.5, 1.0, 300, 300), Drift.REPLACED),
        (Measures(0.10, 0.10, 30, 0.2, 1.0, 300, 300), Drift.REPLACED),
        (Measures(0.10, 0.40, 30, 0.4, 0.1, 300, 300), Drift.REPLACED),  # title gone too
        (Measures(0.10, 0.40, 30, 0.4, None, 300, 300), Drift.MAJOR),
    ],
)
def test_thresholds(measures: Measures, expected: Drift) -> None:
    assert classify(measures) is expected


# -- end to end ---------------------------------------------------------------


def _alive(url: str) -> dict[str, LinkResult]:
    return {url: LinkResult(url, LinkStatus.ALIVE, "200", http_status=200)}


def test_drift_end_to_end_uses_id_replay(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    edited = list(PARAGRAPHS)
    edited[4] = edited[4].replace("3.9 million", "6.5 million")
    url = web.page("/fence", _page(*edited))
    ia.add(url, Capture("20110301000000", url, "200", HTML, _page(*PARAGRAPHS), "NOTTHESAME"))
    (result,) = asyncio.run(
        archive_urls({url: PartialDate(2011, 5)}, settings, links=_alive(url), now=FIXED_NOW,
                     limits=limits)
    )  # fmt: skip
    assert result.drift is Drift.MINOR
    assert "was «… cost an average of 3.9»; now «… cost an average of 6.5»" in (
        result.drift_evidence
    )
    assert f"(against {ia.base}/web/20110301000000/{url})" in result.drift_evidence
    (replay,) = ia.hits("/web/")
    assert replay.path == f"/web/20110301000000id_/{url}"
    # The page was fetched once, for the WARC and the comparison alike.
    assert [r.path for r in web.requests] == ["/fence"]
    assert [c.provider for c in result.captures] == ["warc"]


def test_matching_cdx_digest_skips_the_replay(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    body = _page(*PARAGRAPHS)
    url = web.page("/same", body)
    digest = base64.b32encode(hashlib.sha1(body).digest()).decode()
    ia.add(url, Capture("20110301000000", url, "200", HTML, body, digest))
    (result,) = asyncio.run(
        archive_urls({url: PartialDate(2011)}, settings, links=_alive(url), now=FIXED_NOW,
                     limits=limits)
    )  # fmt: skip
    assert result.drift is Drift.UNCHANGED
    assert "CDX digest" in result.drift_evidence
    assert ia.hits("/web/") == []


def test_unknown_when_the_replay_fails(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/r", _page(*PARAGRAPHS))
    # Listed by the CDX, but the replay fails.
    ia.add(url, Capture("20110301000000", url, "200", HTML, b"", ""))
    ia.script("/web/", Reply(404, b"Wayback Machine has not archived that URL."))
    (result,) = asyncio.run(
        archive_urls({url: PartialDate(2011)}, settings, links=_alive(url), now=FIXED_NOW,
                     limits=limits)
    )  # fmt: skip
    assert result.drift is Drift.UNKNOWN
    assert result.drift_evidence.startswith("archived copy not fetched: replay answered HTTP 404")


def test_unknown_without_a_snapshot_and_none_without_a_date(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    dated = web.page("/dated", _page(*PARAGRAPHS))
    undated = web.page("/undated", _page(*PARAGRAPHS))
    links = {**_alive(dated), **_alive(undated)}
    first, second = asyncio.run(
        archive_urls({dated: PartialDate(2011), undated: None}, settings, links=links,
                     now=FIXED_NOW, limits=limits)
    )  # fmt: skip
    assert first.drift is Drift.UNKNOWN
    assert first.drift_evidence == "no archived copy near the citation date"
    assert second.drift is None
    assert second.drift_evidence == ""


def test_no_fetch_when_there_is_nothing_to_compare_or_keep(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/lonely", _page(*PARAGRAPHS))
    (result,) = asyncio.run(
        archive_urls({url: PartialDate(2011)}, replace(settings, providers=()),
                     links=_alive(url), now=FIXED_NOW, limits=limits)
    )  # fmt: skip
    assert result.drift is Drift.UNKNOWN
    assert web.requests == []


# -- DOI links: the resolver's redirect is not the page ----------------------------


def _doi_run(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits,
    today: bytes, archived: bytes | None,
) -> tuple[str, str]:  # fmt: skip
    """A DOI cited in 2011 whose resolver (on ``web``) sends it to a landing page."""
    doi = "https://doi.org/10.1000/fence"
    landing = web.page("/article/fence", today)
    web.redirect("/10.1000/fence", landing, status=302)
    # What the Wayback holds of a DOI address: the resolver's redirect, never a page.
    ia.add(doi, Capture("20110201000000", doi, "302", "text/html", b"", "REDIRECT"))
    if archived is not None:
        ia.add(landing, Capture("20110301000000", landing, "200", HTML, archived, "OLD"))
    return doi, landing


def test_a_doi_is_compared_with_the_archived_copy_of_the_page_it_resolves_to(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    edited = list(PARAGRAPHS)
    edited[0] = edited[0].replace("650 miles", "700 miles")
    doi, landing = _doi_run(ia, web, settings, limits, _page(*edited), _page(*PARAGRAPHS))
    (result,) = asyncio.run(
        archive_urls({doi: PartialDate(2011, 5)}, settings, links=_alive(doi), now=FIXED_NOW,
                     limits=limits, doi_resolver=web.base + "/")
    )  # fmt: skip
    assert result.drift is Drift.MINOR, result.drift_evidence
    assert "650" in result.drift_evidence
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.archive_url == f"{ia.base}/web/20110301000000/{landing}"
    assert any(f"the DOI resolves to {landing}" in p for p in result.problems)
    # The landing page is fetched once, for the WARC and the comparison alike.
    assert [r.path for r in web.requests] == ["/10.1000/fence", "/article/fence"]


def test_a_doi_whose_page_has_no_archived_copy_says_why_drift_is_unknown(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    doi, landing = _doi_run(ia, web, settings, limits, _page(*PARAGRAPHS), None)
    (result,) = asyncio.run(
        archive_urls({doi: PartialDate(2011, 5)}, settings, links=_alive(doi), now=FIXED_NOW,
                     limits=limits, doi_resolver=web.base + "/")
    )  # fmt: skip
    assert result.drift is Drift.UNKNOWN
    assert f"the DOI resolves to {landing}" in result.drift_evidence
    assert "no archived copy" in result.drift_evidence
