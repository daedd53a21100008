"""Baseline files: fingerprints stable across line shifts, loading errors, writing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.baseline import (
    Baseline,
    finding_fingerprint,
    load_baseline,
    write_baseline,
)
from citecheck.errors import ConfigError
from citecheck.model import Finding, Location, Severity

FINDING = Finding(
    "url-date-mismatch",
    Severity.WARNING,
    "The URL's date (2008) is later than the cited date, see essay.md:40.",
    Location("essay.md", 40),
    "3",
    "https://example.org/2008/05/story",
)


def test_fingerprint_ignores_line_and_column() -> None:
    moved = replace(FINDING, location=Location("essay.md", 95, 7))
    assert finding_fingerprint(moved) == finding_fingerprint(FINDING)


def test_fingerprint_ignores_case_spacing_and_unicode_form() -> None:
    noisy = replace(FINDING, evidence="  HTTPS://EXAMPLE.ORG/2008/05/STORY \n")
    assert finding_fingerprint(noisy) == finding_fingerprint(FINDING)
    composed = replace(FINDING, evidence="Café")
    decomposed = replace(FINDING, evidence="Cafe\u0301")
    assert finding_fingerprint(composed) == finding_fingerprint(decomposed)


def test_message_quoting_its_own_line_is_stable_without_evidence() -> None:
    here = replace(FINDING, evidence="", message="Marker at essay.md:40 (line 40) has no note.")
    there = replace(
        here,
        location=Location("essay.md", 52),
        message="Marker at essay.md:52 (line 52) has no note.",
    )
    assert finding_fingerprint(here) == finding_fingerprint(there)


def test_only_the_findings_own_line_is_dropped_from_its_message() -> None:
    # "line 4" is its own line; "line 40" and "line 400" are other places it names.
    here = replace(
        FINDING,
        evidence="",
        location=Location("essay.md", 4),
        message="See LINE 4, line 40 and line 400.",
    )
    moved = replace(
        here, location=Location("essay.md", 9), message="See line 9, line 40 and line 400."
    )
    other = replace(here, message="See line 4, line 41 and line 400.")
    assert finding_fingerprint(here) == finding_fingerprint(moved)
    assert finding_fingerprint(here) != finding_fingerprint(other)


@pytest.mark.parametrize(
    "change",
    [
        {"rule": "other-rule"},
        {"note": "4"},
        {"note": None},
        {"evidence": "https://example.org/2009/05/story"},
    ],
)
def test_fingerprint_changes_with_what_matters(change: dict[str, object]) -> None:
    assert finding_fingerprint(replace(FINDING, **change)) != finding_fingerprint(FINDING)  # type: ignore[arg-type]


def test_message_does_not_count_when_there_is_evidence() -> None:
    reworded = replace(FINDING, message="Reworded in a later version.")
    assert finding_fingerprint(reworded) == finding_fingerprint(FINDING)


def test_write_then_load_round_trip(tmp_path: Path) -> None:
    other = replace(FINDING, rule="marker-without-note", severity=Severity.ERROR)
    path = tmp_path / "sub" / "citecheck-baseline.json"
    written = write_baseline([FINDING, other, FINDING], path)
    assert len(written) == 2
    loaded = load_baseline(path)
    assert loaded.fingerprints == written.fingerprints
    assert loaded.path == str(path)
    assert loaded.accepts(replace(FINDING, location=Location("essay.md", 1)))
    assert not loaded.accepts(replace(FINDING, note="9"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [e["fingerprint"] for e in data["findings"]] == sorted(written.fingerprints)
    assert data["findings"][0].keys() == {"fingerprint", "rule", "note", "message", "location"}
    assert list(tmp_path.joinpath("sub").iterdir()) == [path]  # no temporary left behind


def test_written_file_is_stable(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline([FINDING, replace(FINDING, note="1")], first)
    write_baseline([replace(FINDING, note="1"), FINDING], second)
    assert first.read_bytes() == second.read_bytes()


def test_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{\n  "version": 1,\n  "findings": [\n    {"fingerprint": }\n  ]\n}\n')
    with pytest.raises(ConfigError) as raised:
        load_baseline(path)
    assert raised.value.path == str(path)
    assert raised.value.line == 4
    assert str(raised.value).startswith(f"{path}:4: baseline is not valid JSON")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[]", "expected an object with 'findings'"),
        ('{"version": 1}', "expected an object with 'findings'"),
        ('{"version": 2, "findings": []}', "unsupported baseline version 2"),
        ('{"version": 1, "findings": [{"rule": "x"}]}', "finding 1 has no valid 'fingerprint'"),
        ('{"version": 1, "findings": ["abc"]}', "finding 1 has no valid 'fingerprint'"),
    ],
)
def test_not_a_baseline(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text)
    with pytest.raises(ConfigError, match=problem):
        load_baseline(path)


def test_missing_or_binary_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read baseline"):
        load_baseline(tmp_path / "absent.json")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_baseline(binary)


def test_empty_baseline_accepts_nothing() -> None:
    assert not Baseline(frozenset()).accepts(FINDING)


def test_a_finding_about_a_work_is_fingerprinted_by_the_work_not_its_notes(
    tmp_path: Path,
) -> None:
    work = Finding(
        "retracted",
        Severity.ERROR,
        "Notes 3 and 9: the work is retracted.",
        Location("essay.md", 40),
        "3",
        "Crossref record: title: A study",
        notes=("3", "9"),
        about="work\x1fcrossref\x1fW1\x1f10.1/x",
    )
    cited_earlier = replace(
        work, note="1", notes=("1", "3", "9"), message="Notes 1, 3 and 9: the work is retracted."
    )
    cited_once = replace(work, note="9", notes=(), message="Note 9: the work is retracted.")
    assert finding_fingerprint(cited_earlier) == finding_fingerprint(work)
    assert finding_fingerprint(cited_once) == finding_fingerprint(work)
    assert finding_fingerprint(replace(work, about="work\x1fcrossref\x1fW2\x1f")) != (
        finding_fingerprint(work)
    )
    # A baseline an older citecheck wrote (the first note's fingerprint) still accepts it.
    old = tmp_path / "old.json"
    write_baseline([replace(work, about="")], old)
    assert load_baseline(old).accepts(work)
    assert not load_baseline(old).accepts(cited_earlier)  # it named note 3: as it did
