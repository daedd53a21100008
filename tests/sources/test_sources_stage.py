"""The sources stage end to end: manuscript -> citations -> loopback indexes -> findings."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qsl

from sources_standins import CourtListenerStandIn, CrossrefStandIn, OpenAlexStandIn

from citecheck.baseline import write_baseline
from citecheck.config import Settings
from citecheck.export import export
from citecheck.model import CheckRun, SourceStatus
from citecheck.report import write_report

Check = Callable[..., CheckRun]

PRIVACY = "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890)."
JERGAS = (
    "Jergas, H., & Baethge, C. (2015). Quotation accuracy in medical journal articles. "
    "Journal of Clinical Epidemiology, {volume}(3), 255–260."
)
WAKEFIELD = (
    "Wakefield, A. J., et al. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, "
    "and pervasive developmental disorder in children. The Lancet, 351(9103), 637–641. "
    "https://doi.org/10.1016/S0140-6736(97)11096-0"
)


def _rules(run: CheckRun) -> list[tuple[str, str | None]]:
    return [(f.rule, f.note) for f in run.findings]


def test_a_correct_citation_is_matched_and_gets_its_doi(check: Check) -> None:
    run = check(PRIVACY)
    (result,) = run.sources
    assert result.status is SourceStatus.MATCHED
    assert result.lookup == "search"
    assert result.doi_added == "10.2307/1321160"
    assert result.doi_source == "crossref"
    assert run.citations[0].doi == "10.2307/1321160"
    assert _rules(run) == []


def test_the_added_doi_reaches_bibtex_csl_and_the_json_report(check: Check) -> None:
    run = check(PRIVACY)
    assert re.search(r"doi\s*=\s*\{10\.2307/1321160\}", export(run.citations, "bibtex"))
    csl = json.loads(export(run.citations, "csl-json"))
    assert csl[0]["DOI"] == "10.2307/1321160"
    out = io.StringIO()
    write_report(run, "json", out)
    report = json.loads(out.getvalue())
    assert report["citations"][0]["doi"] == "10.2307/1321160"
    (entry,) = report["sources"]["results"]
    assert entry["doi_added"] == "10.2307/1321160"
    assert entry["doi_source"] == "crossref"


def test_a_wrong_volume_is_a_metadata_mismatch_with_the_records_value(check: Check) -> None:
    run = check(JERGAS.format(volume="67"))
    assert _rules(run) == [("metadata-mismatch", "1")]
    finding = run.findings[0]
    assert "volume" in finding.message
    assert "'68'" in finding.message
    assert "'67'" in finding.message
    assert "volume: 68" in finding.evidence


def test_harmless_differences_give_no_finding(check: Check) -> None:
    # Online year 2014 (print 2015), the subtitle left out, "&", first page only.
    note = (
        "H. Jergas & C. Baethge, Quotation Accuracy in Medical Journal Articles, "
        "68 J. Clin. Epidemiol. 255 (2014)."
    )
    run = check(note)
    assert run.sources[0].status is SourceStatus.MATCHED
    assert _rules(run) == []


def test_the_decoy_that_ranks_first_is_not_accepted(
    check: Check, crossref: CrossrefStandIn
) -> None:
    invented = (
        "Smith, J. (2017). Urban heat islands, street trees and canopy cover in Nordic cities. "
        "Urban Climate, 20, 1–9."
    )
    run = check(invented)
    search = [r for r in crossref.requests if r.path == "/works"]
    assert search, "Crossref was searched"
    # The stand-in ranks the decoy first; a careless matcher would take it.
    top = crossref.ranker.rank(search[0].query["query.bibliographic"], 1)[0][0]
    assert crossref.works[top]["DOI"] == "10.1000/decoy.2021"
    assert run.sources[0].status is SourceStatus.NOT_FOUND
    assert run.citations[0].doi is None
    assert _rules(run) == [("work-not-found", "1")]
    message = run.findings[0].message
    assert "could not be found in Crossref or OpenAlex" in message
    assert "fabricat" not in message.lower()


def test_the_right_work_beside_its_decoy_is_found(check: Check) -> None:
    note = (
        "Lindqvist, M. (2018). Urban heat islands and street tree canopy cover. "
        "Landscape and Urban Planning, 170, 10–19."
    )
    run = check(note)
    assert run.sources[0].doi_added == "10.1000/urban.heat.2018"


def test_retraction_correction_and_concern_come_from_updated_by(check: Check) -> None:
    run = check(
        WAKEFIELD,
        "Hargreave, R. (2019). Soil carbon storage under rotational grazing. Ecology Letters, "
        "22, 101–110. doi:10.1000/corrected.2019",
        "Okonkwo, T. (2020). Telomere length and social status in wild baboons. Proceedings "
        "of the Royal Society B, 287, 20200001. https://doi.org/10.1000/concern.2020",
    )
    assert _rules(run) == [
        ("retracted", "1"),
        ("correction-notice", "2"),
        ("expression-of-concern", "3"),
    ]
    retracted = run.findings[0]
    assert retracted.severity.value == "error"
    assert "10.1016/s0140-6736(10)60175-4" in retracted.message
    assert "retraction-watch" in retracted.message


def test_openalex_is_retracted_is_heard_for_a_crossref_match(
    check: Check, openalex: OpenAlexStandIn
) -> None:
    note = (
        "Müller, K., & Ortega, L. (2003). Catalytic asymmetric hydrogenation of enamides. "
        "J. Am. Chem. Soc., 125(12), 3456–3470."
    )
    run = check(note, PRIVACY, JERGAS.format(volume="68"))
    # One batched question for every Crossref match, not one per work.
    batches = [r for r in openalex.requests if r.query.get("filter", "").startswith("doi:")]
    assert len(batches) == 1
    assert len(batches[0].query["filter"].split("|")) == 3
    assert run.sources[0].record is not None
    assert run.sources[0].record.service == "crossref"
    assert _rules(run) == [("retracted", "1")]
    assert "openalex" in run.findings[0].message


def test_a_work_only_openalex_holds_is_found_there(check: Check) -> None:
    note = (
        "Virtanen, A. (2016). Peatland drainage and methane flux in boreal Finland. "
        "Biogeosciences, 13(4), 1201–1214."
    )
    run = check(note)
    result = run.sources[0]
    assert result.status is SourceStatus.MATCHED
    assert result.doi_added == "10.5555/only.openalex"
    assert result.doi_source == "openalex"
    assert _rules(run) == []


def test_a_doi_of_another_work_is_a_doi_mismatch_naming_the_right_one(check: Check) -> None:
    note = PRIVACY.removesuffix(".") + ", https://doi.org/10.1000/urban.heat.2018."
    run = check(note)
    assert _rules(run) == [("doi-mismatch", "1")]
    message = run.findings[0].message
    assert "Urban heat islands" in message
    assert "10.2307/1321160" in message


def test_an_unregistered_doi_is_no_doi_mismatch_the_work_is_searched(check: Check) -> None:
    # A DOI that resolves to nothing names no other work; the cited work is looked for.
    note = PRIVACY.removesuffix(".") + ", https://doi.org/10.9999/no.such.doi."
    run = check(note)
    assert _rules(run) == []
    assert run.sources[0].record is not None
    assert run.sources[0].record.doi == "10.2307/1321160"
    assert "registered nowhere" in run.sources[0].reason


def test_an_unregistered_doi_of_an_unknown_work_is_not_found(check: Check) -> None:
    note = (
        "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9. "
        "https://doi.org/10.9999/no.such.doi"
    )
    assert _rules(check(note)) == [("work-not-found", "1")]


def test_books_newspapers_and_web_pages_are_never_warned_about(check: Check) -> None:
    run = check(
        "Jane Roe, An Unindexed Memoir of the Coast (Halifax: Nimbus, 1987).",
        'Eric Lipton, "Border Agency Faces Scrutiny," N.Y. Times, May 6, 2010, at A1.',
        '"About Us," Example Agency, https://www.example.gov/about (accessed Jan. 3, 2024).',
    )
    assert [r.status for r in run.sources][1:] == [SourceStatus.SKIPPED, SourceStatus.SKIPPED]
    assert _rules(run) == []


def test_a_book_with_an_isbn_is_matched_and_checked(check: Check) -> None:
    run = check(
        "Elinor Ostrom, Governing the Commons (Cambridge: Cambridge University Press, 1990), "
        "ISBN 978-0-521-40599-7."
    )
    assert run.sources[0].doi_added == "10.1000/ostrom.book"


def test_case_citations_go_to_courtlistener_with_the_token(
    check: Check, courtlistener: CourtListenerStandIn
) -> None:
    run = check(
        "Brown v. Board of Education, 347 U.S. 483 (1954).",
        "Brown v. Board of Education, 349 U.S. 999 (1955).",
    )
    assert [r.status for r in run.sources] == [SourceStatus.MATCHED, SourceStatus.NOT_FOUND]
    assert _rules(run) == [("case-not-found", "2")]
    assert all(r.method == "POST" for r in courtlistener.requests)
    assert {dict(parse_qsl(r.body))["text"] for r in courtlistener.requests} == {
        "347 U.S. 483",
        "349 U.S. 999",
    }


def test_without_a_token_cases_are_skipped_and_courtlistener_is_not_asked(
    check: Check, settings: Settings, courtlistener: CourtListenerStandIn
) -> None:
    quiet = replace(settings, sources=replace(settings.sources, courtlistener_token=None))
    run = check("Brown v. Board of Education, 349 U.S. 999 (1955).", settings=quiet)
    assert run.sources[0].status is SourceStatus.SKIPPED
    assert courtlistener.requests == []
    assert _rules(run) == []


def test_the_token_is_never_written_to_a_report(check: Check, settings: Settings) -> None:
    run = check("Brown v. Board of Education, 347 U.S. 483 (1954).", PRIVACY)
    token = settings.sources.courtlistener_token
    assert token
    for fmt in ("json", "text", "sarif", "markdown", "html", "junit"):
        out = io.StringIO()
        write_report(run, fmt, out)
        assert token not in out.getvalue(), fmt
    assert token not in repr(settings)


def test_identical_lookups_are_made_once(check: Check, crossref: CrossrefStandIn) -> None:
    run = check(WAKEFIELD, WAKEFIELD, JERGAS.format(volume="68"), JERGAS.format(volume="68"))
    assert len(run.sources) == 4
    doi_asks = [r for r in crossref.requests if r.path.startswith("/works/")]
    searches = [r for r in crossref.requests if r.path == "/works"]
    assert len(doi_asks) == 1
    assert len(searches) == 1


def test_the_polite_pool_is_joined_with_mailto(check: Check, crossref: CrossrefStandIn) -> None:
    check(PRIVACY)
    request = crossref.requests[0]
    assert request.query["mailto"] == "editor@example.org"
    assert "mailto:editor@example.org" in request.headers["user-agent"]
    assert request.headers["user-agent"].startswith("citecheck/")


def test_services_down_make_every_lookup_unverified_never_not_found(
    check: Check, settings: Settings, crossref: CrossrefStandIn, openalex: OpenAlexStandIn
) -> None:
    from sources_standins import closed_base

    down = replace(
        settings,
        sources=replace(settings.sources, crossref_api=closed_base(), openalex_api=closed_base()),
    )
    invented = "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9."
    run = check(PRIVACY, invented, WAKEFIELD, settings=down)
    assert {r.status for r in run.sources} == {SourceStatus.UNVERIFIED}
    rules = [rule for rule, _ in _rules(run)]
    assert "work-not-found" not in rules
    assert rules == ["work-unverified", "work-unverified"]  # once per service, not per citation
    assert len(run.sources_unverified) == 2


def test_a_failing_service_is_unverified_after_its_retries(
    check: Check, settings: Settings, crossref: CrossrefStandIn, openalex: OpenAlexStandIn
) -> None:
    crossref.fail_with = 503
    run = check(JERGAS.format(volume="67"))
    assert run.sources[0].status is SourceStatus.UNVERIFIED
    assert len(crossref.requests) == settings.sources.retries
    assert "work-not-found" not in [f.rule for f in run.findings]


VANCOUVER = (
    "Jergas H, Baethge C. Quotation accuracy in medical journal articles—a systematic review "
    "and meta-analysis. J Clin Epidemiol. 2015;68(3):255-60.{doi}"
)


def test_a_reference_the_parser_mangles_is_judged_on_the_notes_own_text(check: Check) -> None:
    # The parser splits this Vancouver reference and types it "other" with the title "68":
    # its DOI is still the cited work's, and no field is reported wrong.
    run = check(VANCOUVER.format(doi=" doi:10.1016/j.jclinepi.2014.09.005"))
    assert run.citations[0].title != "Quotation accuracy in medical journal articles"
    assert run.sources[0].status is SourceStatus.MATCHED
    assert _rules(run) == []


def test_an_untyped_reference_is_searched_with_its_own_text(settings: Settings) -> None:
    import asyncio

    from citecheck.model import Citation, CitationType, Location
    from citecheck.sources import look_up_sources

    untyped = Citation(
        note="1",
        index=0,
        raw=VANCOUVER.format(doi=""),
        location=Location("essay.md", 3),
        type=CitationType.OTHER,
        title="68",
    )
    outcome = asyncio.run(look_up_sources([untyped], settings.sources))
    assert outcome.results[0].lookup == "search"
    assert outcome.results[0].doi_added == "10.1016/j.jclinepi.2014.09.005"
    assert outcome.citations[0].doi == "10.1016/j.jclinepi.2014.09.005"


def test_one_work_cited_in_many_notes_gets_one_finding_listing_them(check: Check) -> None:
    unknown = (
        "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9. "
        "https://doi.org/10.9999/no.such.doi"
    )
    # The retracted work in notes 1, 3 and 4 (two spellings), the unfound one in 2 and 5,
    # and one more retracted-elsewhere work in note 6 that stays its own finding.
    run = check(
        WAKEFIELD,
        unknown,
        WAKEFIELD,
        WAKEFIELD.replace("Wakefield, A. J., et al.", "Wakefield, A. J."),
        unknown.replace("Smith, J.", "J. Smith,"),
        "Hargreave, R. (2019). Soil carbon storage under rotational grazing. Ecology Letters, "
        "22, 101–110. doi:10.1000/corrected.2019",
    )
    assert _rules(run) == [("retracted", "1"), ("work-not-found", "2"), ("correction-notice", "6")]
    retracted, not_found, corrected = run.findings
    assert retracted.notes == ("1", "3", "4")
    assert retracted.message.startswith("Notes 1, 3 and 4: ")
    assert not_found.notes == ("2", "5")
    assert not_found.message.startswith("Notes 2 and 5: ")
    assert corrected.notes == ()
    assert corrected.message.startswith("Note 6: ")
    out = io.StringIO()
    write_report(run, "json", out)
    data = json.loads(out.getvalue())
    assert [f["notes"] for f in data["findings"]] == [["1", "3", "4"], ["2", "5"], ["6"]]
    assert data["summary"]["findings"] == {"error": 1, "warning": 2, "note": 0, "baselined": 0}


def test_a_per_work_findings_baseline_fingerprint_ignores_the_notes_citing_it(
    check: Check, tmp_path: Path
) -> None:
    """Citing a work once more earlier (or once less) moves its finding's first note; the
    baseline still accepts it, and accepts no other work's finding of the same rule."""
    unknown = (
        "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9. "
        "https://doi.org/10.9999/no.such.doi"
    )
    other = (
        "Jones, K. (2016). Another study that nobody wrote. Urban Climate, 19, 3–7. "
        "https://doi.org/10.9999/no.such.doi.either"
    )
    first = check("Interview with the author, 2019.", WAKEFIELD, unknown, WAKEFIELD)
    assert _rules(first) == [("retracted", "2"), ("work-not-found", "3")]
    baseline = write_baseline(first.findings, tmp_path / "baseline.json")
    for notes in ((WAKEFIELD, unknown, WAKEFIELD, unknown, WAKEFIELD), (unknown, WAKEFIELD)):
        again = check(*notes)
        assert {f.rule for f in again.findings} == {"retracted", "work-not-found"}
        assert _rules(again) != _rules(first)  # other first notes
        assert all(baseline.accepts(f) for f in again.findings), _rules(again)
    (stranger,) = check(other).findings
    assert stranger.rule == "work-not-found"
    assert not baseline.accepts(stranger)


def test_a_misspelt_author_is_a_metadata_mismatch_naming_both_spellings(
    check: Check, settings: Settings
) -> None:
    from works_data import crossref_work

    record = crossref_work(
        "10.1234/privacy.context.2004",
        "Privacy as contextual integrity",
        ["Nissenbaum"],
        2004,
        "Washington Law Review",
        short="Wash. L. Rev.",
        volume="79",
        page="119-158",
    )
    crossref = CrossrefStandIn([record], "127.0.0.24")
    crossref.start()
    try:
        here = replace(settings, sources=replace(settings.sources, crossref_api=crossref.base))
        run = check(
            "Helen Nissenbuam, Privacy as Contextual Integrity, 79 Wash. L. Rev. 119 (2004).",
            "Helen Nissenbaum, Privacy as Contextual Integrity, 79 Wash. L. Rev. 119 (2004).",
            settings=here,
        )
    finally:
        crossref.stop()
    assert [r.status for r in run.sources] == [SourceStatus.MATCHED] * 2
    assert run.sources[0].mismatches == (("first author", "Nissenbuam", "Nissenbaum"),)
    assert run.sources[1].mismatches == ()
    (finding,) = [f for f in run.findings if f.rule == "metadata-mismatch"]
    assert finding.note == "1"
    assert "'Nissenbuam'" in finding.message
    assert "'Nissenbaum'" in finding.message


def test_authors_cited_in_another_order_are_a_mismatch_of_the_order_not_of_an_author(
    check: Check, settings: Settings
) -> None:
    from works_data import crossref_work

    record = crossref_work(
        "10.1234/privacy.torts.2010",
        "Prosser's Privacy Law: A Mixed Legacy",
        ["Richards", "Solove"],
        2010,
        "California Law Review",
        short="Calif. L. Rev.",
        volume="98",
        page="1887-1924",
    )
    crossref = CrossrefStandIn([record], "127.0.0.24")
    crossref.start()
    try:
        here = replace(settings, sources=replace(settings.sources, crossref_api=crossref.base))
        run = check(
            "Daniel J. Solove & Neil M. Richards, Prosser's Privacy Law: A Mixed Legacy, "
            "98 Calif. L. Rev. 1887 (2010).",
            settings=here,
        )
    finally:
        crossref.stop()
    assert [r.status for r in run.sources] == [SourceStatus.MATCHED]
    assert run.sources[0].mismatches == (("author order", "Solove, Richards", "Richards, Solove"),)
    (found,) = [f for f in run.findings if f.rule == "metadata-mismatch"]
    assert "the author order of this citation differs" in found.message
    assert "cited author order 'Solove, Richards'" in found.message
    assert "the record has author order 'Richards, Solove'" in found.message
    assert "first author" not in found.message  # each name is the record's
