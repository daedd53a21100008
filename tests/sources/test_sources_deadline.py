"""A service that drips its answer a byte at a time cannot hold a lookup.

httpx's timeouts are per read, and a byte every 0.2 s never trips a 1 s read
timeout; the stage gives each request a total deadline (3 x the timeout).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from citecheck.config import SourcesSettings
from citecheck.model import Citation, CitationType, Location, PartialDate, Person, SourceStatus
from citecheck.sources import look_up_sources


@pytest.mark.timeout(40)
def test_a_dripping_service_leaves_the_lookup_unverified(dripping_base: str) -> None:
    settings = replace(
        SourcesSettings(),
        crossref_api=dripping_base,
        openalex_api=dripping_base,
        timeout=1.0,
        retries=1,
    )
    cited = Citation(
        note="1",
        index=0,
        raw="Jane Roe, 'A Study of Drips' (2001) 12 Journal of Slow Answers 34.",
        location=Location("essay.md", 3),
        type=CitationType.ARTICLE,
        authors=(Person("Roe", "Jane"),),
        title="A Study of Drips",
        container="Journal of Slow Answers",
        volume="12",
        pages="34",
        date=PartialDate(2001),
    )
    outcome = asyncio.run(look_up_sources([cited], settings))
    (result,) = outcome.results
    assert result.status is SourceStatus.UNVERIFIED
    assert "did not answer in time" in result.reason
