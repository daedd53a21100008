"""The footnotes stage: pairing, claims and numbering findings, on small records."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.footnotes import find_footnotes
from citecheck.model import (
    FootnoteSet,
    Location,
    Manuscript,
    NoteMarker,
    NoteText,
    Severity,
)
from citecheck.pipeline import run_check
from citecheck.readers import markdown
from citecheck.report import write_report

_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


def _manuscript(
    body: str,
    notes: list[str],
    *,
    format: str = "plaintext",
    note_lines: list[int] | None = None,
) -> Manuscript:
    """A manuscript whose body marks markers as {label}; notes are "label: text".

    A marker's line is its paragraph's number (paragraphs split on blank lines).
    """
    markers = []
    plain = []
    last = 0
    for match in _PLACEHOLDER.finditer(body):
        plain.append(body[last : match.start()])
        last = match.end()
        offset = sum(len(p) for p in plain)
        paragraph = body.count("\n\n", 0, match.start()) + 1
        markers.append(NoteMarker(match.group(1), offset, Location("m.txt", paragraph)))
    plain.append(body[last:])
    lines = note_lines or [100 + i for i in range(len(notes))]
    records = []
    for line, note in zip(lines, notes, strict=True):
        label, text = note.split(": ", 1)
        records.append(NoteText(label, text, Location("m.txt", line), f"raw {text}"))
    return Manuscript("m.txt", format, "".join(plain), tuple(markers), tuple(records))


def _claims(body: str) -> list[str]:
    labels = _PLACEHOLDER.findall(body)
    notes = [f"{label}: source" for label in dict.fromkeys(labels)]
    return [f.claim for f in find_footnotes(_manuscript(body, notes)).footnotes]


@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("One. Two is here.{1} Three.", "Two is here."),
        ("The U.S. Department agreed.{1} Next.", "The U.S. Department agreed."),
        (
            "Ask Dr. Rivera and Mr. Alan D. Bersin now.{1}",
            "Ask Dr. Rivera and Mr. Alan D. Bersin now.",
        ),
        ("Trade is $1.3 billion a day.{1} More.", "Trade is $1.3 billion a day."),
        (
            "Goods (e.g. trucks), i.e. freight, moved.{1}",
            "Goods (e.g. trucks), i.e. freight, moved.",
        ),
        ("He lived in Washington, D.C. The talks began.{1}", "The talks began."),
        ("See vol. 3, No. 2 of it.{1}", "See vol. 3, No. 2 of it."),
        ("It said “stop.”{1} Then it went.", "It said “stop.”"),
        ("Lines cross them{1}, making borders.", "Lines cross them, making borders."),
        ("Use of ... limited means.{1}", "Use of ... limited means."),
        ("First.\n\nA heading{1}\n\nBody.", "A heading"),
        ("It is costly. Is it?{1} Yes!", "Is it?"),
        ("Ends the paragraph. And a claim{1}", "And a claim"),
        ("北京 changed in 1848.{1} 北京 grew.", "北京 changed in 1848."),
        ("{1}Starts with its marker. Then more.", "Starts with its marker."),
    ],
)
def test_claim_is_the_sentence_the_marker_sits_in(body: str, claim: str) -> None:
    assert _claims(body) == [claim]


def test_claim_crosses_a_page_break_that_cut_the_sentence() -> None:
    body = (
        "Earlier text. Homeland security works by assessing,\n\n"
        "analyzing and comparing risk.{1} Next."
    )
    assert _claims(body) == ["Homeland security works by assessing, analyzing and comparing risk."]


def test_claim_runs_on_into_the_next_page() -> None:
    body = "Trade grew{1} by trinational\n\nconceptions and pacts. Other."
    assert _claims(body) == ["Trade grew by trinational conceptions and pacts."]


def test_claim_does_not_join_finished_paragraphs() -> None:
    body = "A finished paragraph.\n\nanother starts in lower case.{1}"
    assert _claims(body) == ["another starts in lower case."]


def test_pairs_markers_and_notes_and_keeps_locations_and_raw() -> None:
    result = find_footnotes(_manuscript("Alpha.{1} Beta.{2}", ["1: one", "2: two"]))
    first, second = result.footnotes
    assert (first.label, first.text, first.raw, first.claim) == ("1", "one", "raw one", "Alpha.")
    assert first.location == Location("m.txt", 100)
    assert first.marker == Location("m.txt", 1)
    assert second.claim == "Beta."
    assert result.findings == ()


def _rules(body: str, notes: list[str], **options: object) -> list[tuple[str, str, str | None]]:
    result = find_footnotes(_manuscript(body, notes, **options))  # type: ignore[arg-type]
    return [(f.rule, f.severity.value, f.note) for f in result.findings]


def test_marker_without_note_is_an_error() -> None:
    assert _rules("A.{1} B.{2}", ["1: one"]) == [("marker-without-note", "error", "2")]


def test_note_without_marker_is_a_warning_with_empty_claim() -> None:
    result = find_footnotes(_manuscript("A.{1}", ["1: one", "2: two"]))
    assert [(f.rule, f.severity) for f in result.findings] == [
        ("note-without-marker", Severity.WARNING)
    ]
    assert result.footnotes[1].claim == ""
    assert result.footnotes[1].marker is None
    assert "Note 2 is never referenced" in result.findings[0].message


def test_duplicate_label_pairs_in_order_and_is_an_error() -> None:
    result = find_footnotes(_manuscript("Alpha.{1} Beta.{1}", ["1: one", "1: again"]))
    assert [(f.rule, f.note) for f in result.findings] == [("duplicate-note-label", "1")]
    assert [f.claim for f in result.footnotes] == ["Alpha.", "Beta."]
    assert "m.txt:100" in result.findings[0].message


def test_second_marker_for_one_note_is_a_note_level_finding() -> None:
    result = find_footnotes(_manuscript("Alpha.{1} Beta.{2} Gamma.{1}", ["1: one", "2: two"]))
    assert [(f.rule, f.severity) for f in result.findings] == [("marker-repeated", Severity.NOTE)]
    assert result.findings[0].evidence == "Gamma."
    assert result.footnotes[0].claim == "Alpha."


def test_numbering_gap_only_when_the_number_is_nowhere() -> None:
    assert _rules("A.{1} B.{3}", ["1: one", "3: three"]) == [("note-numbering-gap", "warning", "3")]
    # Marker 2 exists: its missing note is reported, not a gap as well.
    assert _rules("A.{1} B.{2} C.{3}", ["1: one", "3: three"]) == [
        ("marker-without-note", "error", "2")
    ]


def test_numbering_may_start_past_one() -> None:
    # A chapter file goes on from the one before it.
    assert _rules("Alpha.{10} Beta.{11}", ["10: ten", "11: eleven"]) == []
    findings = find_footnotes(_manuscript("Alpha.{10} Beta.{13}", ["10: x", "13: y"])).findings
    assert [(f.rule, f.note) for f in findings] == [("note-numbering-gap", "13")]
    assert "skips notes 11-12: note 13 follows note 10" in findings[0].message


def test_out_of_order_markers_and_notes() -> None:
    rules = _rules("A.{2} B.{1}", ["2: two", "1: one"], note_lines=[100, 101])
    assert ("note-out-of-order", "warning", "1") in rules
    assert len([r for r in rules if r[0] == "note-out-of-order"]) == 2


def test_numbering_checks_only_where_numbers_are_typed() -> None:
    for format in ("markdown", "latex", "docx"):
        assert _rules("A.{3} B.{1}", ["3: x", "1: y"], format=format) == []
    assert _rules("A.{3} B.{1}", ["3: x", "1: y"], format="html") != []


def test_symbolic_labels_are_not_numbered() -> None:
    assert _rules("A.{b} B.{a}", ["b: x", "a: y"]) == []


def test_restarted_numbering_is_a_new_series_not_duplicates() -> None:
    body = "Alpha.{1} Beta.{2}\n\nGamma.{1} Delta.{2}"
    manuscript = _manuscript(body, ["1: a", "2: b", "1: c", "2: d"], note_lines=[1, 1, 2, 2])
    result = find_footnotes(manuscript)
    assert result.findings == ()
    assert [f.claim for f in result.footnotes] == ["Alpha.", "Beta.", "Gamma.", "Delta."]


def test_manuscript_without_notes() -> None:
    # Never a silent green run: text without a note says nothing it cites was checked.
    result = find_footnotes(_manuscript("Just prose.", []))
    assert result.footnotes == ()
    assert [(f.rule, f.severity.value) for f in result.findings] == [("no-notes-found", "warning")]


def _markdown(text: str) -> FootnoteSet:
    return find_footnotes(markdown.read("essay.md", text.encode()))


def test_a_markdown_label_defined_twice_is_one_note_defined_twice() -> None:
    # Markdown labels are names: "[^1]" again after "[^3]" is no new series (Pandoc and
    # GitHub print the first definition for every [^1]); it was only "never referenced".
    result = _markdown(
        "One.[^1] Two.[^2] Three.[^3]\n\n[^1]: Jane Doe, *Lines* (2001).\n"
        "[^2]: Bo Li, *Walls* (2015).\n[^3]: Ann Roe, *Rivers* (2009).\n"
        "[^1]: Dee Poe, *Seas* (2011).\n"
    )
    assert [(f.rule, f.location.line) for f in result.findings] == [("duplicate-note-label", 6)]
    message = result.findings[0].message
    assert "[^1] is defined twice (at essay.md:3 and essay.md:6)" in message
    assert [f.claim for f in result.footnotes] == ["One.", "Two.", "Three.", ""]


def test_every_marker_of_a_markdown_name_has_its_first_definition() -> None:
    # As Pandoc and GitHub pair them; typed numbers (two notes 5, two markers) pair in order.
    text = "One.[^3] Two.[^3]\n\n[^3]: Jane Doe, *Lines* (2001).\n[^3]: Dee Poe, *Seas* (2011).\n"
    result = _markdown(text)
    assert [f.claim for f in result.footnotes] == ["One.", ""]
    rules = sorted((f.rule, f.location.line) for f in result.findings)
    assert rules == [("duplicate-note-label", 4), ("marker-repeated", 1)]
    typed = find_footnotes(_manuscript("Alpha rose.{5} Beta fell.{5}", ["5: x", "5: y"]))
    assert [f.claim for f in typed.footnotes] == ["Alpha rose.", "Beta fell."]


def test_a_label_defined_twice_is_in_the_reports_with_both_lines(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(
        "Claim.[^3] More.[^4]\n\n[^3]: Jane Doe, *Lines* (2001).\n[^4]: Bo Li, *Walls* (2015).\n"
        "[^3]: Dee Poe, *Seas* (2011).\n",
        encoding="utf-8",
    )
    settings = Settings()
    settings = replace(
        settings,
        links=replace(settings.links, offline=True, cache_path=None),
        sources=replace(settings.sources, enabled=False),
    )
    run = run_check([essay], settings, archive=False)
    for fmt in ("text", "markdown", "html", "json"):
        out = io.StringIO()
        write_report(run, fmt, out)
        shown = html.unescape(out.getvalue())
        if fmt == "markdown":
            shown = re.sub(r"\\(.)", r"\1", shown)  # Markdown's escapes, as it renders
        report = " ".join(shown.replace(str(tmp_path) + "/", "").split())
        assert "[^3] is defined twice (at essay.md:3 and essay.md:5)" in report, fmt
