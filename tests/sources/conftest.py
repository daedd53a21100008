"""Fixtures for the sources tests: loopback Crossref, OpenAlex and CourtListener, quick settings."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sources_standins import (
    TOKEN,
    CourtListenerStandIn,
    CrossrefStandIn,
    OpenAlexStandIn,
)
from works_data import CASES, CROSSREF, OPENALEX

from citecheck import pipeline
from citecheck.config import Settings, SourcesSettings
from citecheck.model import CheckRun


@pytest.fixture
def crossref() -> Iterator[CrossrefStandIn]:
    server = CrossrefStandIn(CROSSREF, "127.0.0.21")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def openalex() -> Iterator[OpenAlexStandIn]:
    server = OpenAlexStandIn(OPENALEX, "127.0.0.22")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def courtlistener() -> Iterator[CourtListenerStandIn]:
    server = CourtListenerStandIn(CASES, "127.0.0.23")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(
    crossref: CrossrefStandIn, openalex: OpenAlexStandIn, courtlistener: CourtListenerStandIn
) -> Settings:
    sources = SourcesSettings(
        crossref_api=crossref.base,
        openalex_api=openalex.base,
        courtlistener_api=courtlistener.base,
        courtlistener_token=TOKEN,
        mailto="editor@example.org",
        rate=200.0,
        timeout=3.0,
        connect_timeout=1.0,
        retries=2,
        max_retry_after=3.0,
    )
    base = Settings()
    return replace(base, sources=sources, links=replace(base.links, cache_path=None))


Check = Callable[..., CheckRun]


@pytest.fixture
def check(tmp_path: Path, settings: Settings) -> Check:
    """``check(note, ...)`` runs read -> citations -> sources on a Markdown file of those notes."""

    def run(*notes: str, settings: Settings = settings) -> CheckRun:
        body = " ".join(f"Claim {i}.[^{i}]" for i in range(1, len(notes) + 1))
        text = body + "\n\n" + "\n".join(f"[^{i}]: {n}" for i, n in enumerate(notes, 1)) + "\n"
        path = tmp_path / "essay.md"
        path.write_text(text, encoding="utf-8")
        return pipeline.run_check([path], settings, links=False, archive=False, checks=False)

    return run
