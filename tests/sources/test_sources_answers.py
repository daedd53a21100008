"""Answers that settle nothing: unreadable 200s, refused tokens, ambiguous and throttled cases.

Every one is "unverified" with its reason, never "not found"; services that
left works unverified make ``check`` and ``sources`` exit 3 alike, with one
note per manuscript at the manuscript, not at one of its notes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from sources_standins import (
    TOKEN,
    CourtListenerStandIn,
    CrossrefStandIn,
    OddStandIn,
    OpenAlexStandIn,
    closed_base,
)
from works_data import CASES, CROSSREF

from citecheck.cli import main
from citecheck.config import Settings
from citecheck.model import CheckRun, SourceStatus
from citecheck.sources import MemoryAnswerCache, look_up_sources, work_findings

Check = Callable[..., CheckRun]

PRIVACY = "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890)."
INVENTED = "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9."
WITH_DOI = (
    "Jergas, H., & Baethge, C. (2015). Quotation accuracy in medical journal articles. "
    "Journal of Clinical Epidemiology, 68(3), 255–260. doi:10.1016/j.jclinepi.2014.09.005"
)
BROWN = "Brown v. Board of Education, 347 U.S. 483 (1954)."


@pytest.fixture(params=["html", "null"])
def odd(request: pytest.FixtureRequest) -> Iterator[OddStandIn]:
    server = OddStandIn(request.param, "127.0.0.24")
    server.start()
    yield server
    server.stop()


def _pointed(settings: Settings, **apis: str) -> Settings:
    return replace(settings, sources=replace(settings.sources, **apis))


def test_a_200_that_is_not_the_api_is_unverified_never_not_found(
    check: Check, settings: Settings, odd: OddStandIn
) -> None:
    run = check(PRIVACY, INVENTED, WITH_DOI, settings=_pointed(
        settings, crossref_api=odd.base, openalex_api=odd.base
    ))  # fmt: skip
    assert [r.status for r in run.sources] == [SourceStatus.UNVERIFIED] * 3
    for result in run.sources:
        assert "crossref answered something that is not its JSON API" in result.reason
        assert "openalex answered something that is not its JSON API" in result.reason
        assert "did not answer" not in result.reason
    if odd.kind == "html":
        assert "text/html" in run.sources[0].reason
        assert "Proxy error: upstream timed out" in run.sources[0].reason
    else:
        assert "'message' is null" in run.sources[0].reason
    rules = {f.rule for f in run.findings}
    assert rules == {"work-unverified"}
    assert run.sources_unverified


def test_an_unreadable_answer_is_not_cached(settings: Settings, odd: OddStandIn) -> None:
    from citecheck.model import Citation, CitationType, Location

    cite = Citation(
        note="1",
        index=0,
        raw=WITH_DOI,
        location=Location("essay.md", 3),
        type=CitationType.ARTICLE,
        title="Quotation accuracy in medical journal articles",
        doi="10.1016/j.jclinepi.2014.09.005",
    )
    cache = MemoryAnswerCache()
    bad = replace(settings.sources, crossref_api=odd.base, openalex_api=odd.base)
    first = asyncio.run(look_up_sources([cite], bad, cache=cache))
    assert first.results[0].status is SourceStatus.UNVERIFIED
    # The same cache against the real service: it is asked, and the work is found.
    good = settings.sources
    second = asyncio.run(look_up_sources([cite], good, cache=cache))
    assert second.results[0].status is SourceStatus.MATCHED


ESSAYS = {
    "law.md": f"Privacy.[^1] Schools.[^2]\n\n[^1]: {PRIVACY}\n[^2]: {BROWN}\n",
    "med.md": f"Accuracy.[^1]\n\n[^1]: {WITH_DOI}\n",
}


@pytest.fixture
def essays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings) -> list[str]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("CITECHECK_CROSSREF_API", settings.sources.crossref_api)
    monkeypatch.setenv("CITECHECK_OPENALEX_API", settings.sources.openalex_api)
    monkeypatch.setenv("CITECHECK_COURTLISTENER_API", settings.sources.courtlistener_api)
    monkeypatch.setenv("CITECHECK_COURTLISTENER_TOKEN", TOKEN)
    monkeypatch.chdir(tmp_path)
    for name, text in ESSAYS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return list(ESSAYS)


def _both(files: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, int, Any]:
    """``check`` and ``sources`` on the same files: their exit codes and check's JSON report."""
    checked = main(["check", *files, "--no-links", "--no-archive", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    looked = main(["sources", *files])
    capsys.readouterr()
    return checked, looked, report


def test_every_service_refused_exits_3_in_check_and_sources_alike(
    essays: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("CROSSREF", "OPENALEX", "COURTLISTENER"):
        monkeypatch.setenv(f"CITECHECK_{name}_API", closed_base())
    checked, looked, report = _both(essays, capsys)
    assert (checked, looked) == (3, 3)
    notes = [f for f in report["findings"] if f["rule"] == "work-unverified"]
    # At each manuscript (line 1, no note), naming its notes: never pinned to a note.
    places = {(f["location"]["path"], f["location"]["line"], f["location"]["note"]) for f in notes}
    assert places == {("law.md", 1, None), ("med.md", 1, None)}
    crossref = [f["message"] for f in notes if "crossref" in f["evidence"]]
    assert any("Unverified here: note 1." in m for m in crossref)
    assert all(".." not in f["message"] and "()" not in f["message"] for f in notes)


def test_a_refused_token_exits_3_and_names_the_setting(
    essays: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CITECHECK_COURTLISTENER_TOKEN", "wrong")
    checked, looked, report = _both(essays, capsys)
    assert (checked, looked) == (3, 3)
    (note,) = [f for f in report["findings"] if f["rule"] == "work-unverified"]
    assert "HTTP 401" in note["message"]
    assert "CITECHECK_COURTLISTENER_TOKEN" in note["message"]
    assert "courtlistener-token" in note["message"]
    assert "wrong" not in json.dumps(report)


def test_every_service_answering_exits_0_in_both(
    essays: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    checked, looked, _ = _both(essays, capsys)
    assert (checked, looked) == (0, 0)


# -- CourtListener's own statuses -------------------------------------------


@pytest.fixture
def cases(settings: Settings) -> Iterator[Callable[..., CourtListenerStandIn]]:
    made: list[CourtListenerStandIn] = []

    def start(clusters: dict[str, object] = CASES, **options: object) -> CourtListenerStandIn:
        server = CourtListenerStandIn(clusters, "127.0.0.25", **options)  # type: ignore[arg-type]
        server.start()
        made.append(server)
        return server

    yield start
    for server in made:
        server.stop()


def _cases(settings: Settings, server: CourtListenerStandIn) -> Settings:
    return _pointed(settings, courtlistener_api=server.base)


def test_an_ambiguous_case_is_unverified_never_the_first_cluster(
    check: Check, settings: Settings, cases: Callable[..., CourtListenerStandIn]
) -> None:
    brown = CASES["347 U.S. 483"]
    other = {**brown, "id": 9, "case_name": "Brown v. Allen", "date_filed": "1953-02-09"}
    server = cases({"347 U.S. 483": [brown, other]})
    run = check(BROWN, settings=_cases(settings, server))
    (result,) = run.sources
    assert result.status is SourceStatus.UNVERIFIED
    assert result.record is None
    assert "several cases match 347 U.S. 483" in result.reason
    assert "Brown v. Allen (1953)" in result.reason
    (finding,) = run.findings
    assert (finding.rule, finding.note) == ("work-unverified", "1")
    assert run.sources_unverified == ()  # the service answered: no exit 3 for one citation


def test_a_case_citation_courtlistener_cannot_read_is_unverified_with_its_words(
    check: Check, settings: Settings, cases: Callable[..., CourtListenerStandIn]
) -> None:
    server = cases()
    run = check("Roe v. Nowhere, 999 U.S. 12 (2031).", settings=_cases(settings, server))
    (result,) = run.sources
    assert result.status is SourceStatus.UNVERIFIED
    assert "CourtListener cannot read '999 U.S. 12'" in result.reason
    assert "Unable to find a volume 999" in result.reason
    assert [f.rule for f in run.findings] == ["work-unverified"]


def test_a_throttled_request_waits_until_courtlistener_says_and_is_asked_again(
    check: Check, settings: Settings, cases: Callable[..., CourtListenerStandIn]
) -> None:
    server = cases(throttle=1, wait=2.0)
    run = check(BROWN, settings=_cases(settings, server))
    assert run.sources[0].status is SourceStatus.MATCHED
    assert len(server.requests) == 2
    assert server.requests[1].at - server.requests[0].at >= 1.9  # wait_until, not a guess


def test_citations_answered_429_take_the_backoff_path_then_are_unverified(
    check: Check, settings: Settings, cases: Callable[..., CourtListenerStandIn]
) -> None:
    server = cases(per_request=0)
    run = check(BROWN, settings=_cases(settings, server))
    assert run.sources[0].status is SourceStatus.UNVERIFIED
    assert len(server.requests) == settings.sources.retries
    assert "429" in run.sources[0].reason
    assert run.sources_unverified  # the service kept refusing: the run is unverified


# -- the stand-ins speak the wire formats ------------------------------------


def test_openalex_standin_answers_a_work_by_its_id(openalex: OpenAlexStandIn) -> None:
    work_id = str(openalex.works[0]["id"]).removeprefix("https://openalex.org/")
    answer = httpx.get(f"{openalex.base}/works/{work_id}", timeout=5)
    assert answer.status_code == 200
    assert answer.json()["id"] == openalex.works[0]["id"]
    assert httpx.get(f"{openalex.base}/works/W0", timeout=5).status_code == 404


def test_crossref_works_carry_author_sequence_and_published() -> None:
    several = next(w for w in CROSSREF if len(w["author"]) > 1)
    assert [a["sequence"] for a in several["author"]] == ["first"] + ["additional"] * (
        len(several["author"]) - 1
    )
    assert all("published" in w for w in CROSSREF)


def test_an_address_without_a_scheme_is_named_as_set_in_one_sentence(settings: Settings) -> None:
    # The config refuses it (exit 2); a caller building settings itself is told plainly.
    from citecheck.model import Citation, CitationType, Location

    cite = Citation(
        note="1",
        index=0,
        raw=WITH_DOI,
        location=Location("essay.md", 3),
        type=CitationType.ARTICLE,
        title="Quotation accuracy in medical journal articles",
        doi="10.1016/j.jclinepi.2014.09.005",
    )
    odd = replace(settings.sources, crossref_api="127.0.0.1:9", openalex_api="127.0.0.1:9")
    outcome = asyncio.run(look_up_sources([cite], odd))
    (problem, *_) = outcome.unverified
    assert "crossref ('127.0.0.1:9') cannot be reached" in problem
    assert "()" not in problem
    assert not problem.endswith(".")
    (finding, *_) = work_findings(outcome.citations, outcome.results, outcome.unverified)
    assert ".." not in finding.message


def test_a_cached_no_such_work_is_not_asked_again(
    settings: Settings, crossref: CrossrefStandIn, openalex: OpenAlexStandIn
) -> None:
    # Readable answers (a 404 is one) stay cached; only unreadable 200s are dropped.
    from citecheck.model import Citation, CitationType, Location

    cite = Citation(
        note="1",
        index=0,
        raw="Nobody, A. (2019). Nothing. Journal, 1, 1–2. doi:10.9999/none",
        location=Location("essay.md", 3),
        type=CitationType.ARTICLE,
        title="Nothing at all here",
        doi="10.9999/none",
    )
    cache = MemoryAnswerCache()
    asyncio.run(look_up_sources([cite], settings.sources, cache=cache))
    asked = len(crossref.requests) + len(openalex.requests)
    assert asked
    asyncio.run(look_up_sources([cite], settings.sources, cache=cache))
    assert len(crossref.requests) + len(openalex.requests) == asked
