"""The JSON report: valid against its schema, in the per-command shapes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.model import CheckRun
from citecheck.report import write_report
from citecheck.serialize import archive_json, citation_json, finding_json, link_json, note_json


def _schema() -> dict[str, Any]:
    text = files("citecheck.report").joinpath("schema/report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


def _report(run: CheckRun, baseline: Baseline | None = None) -> dict[str, Any]:
    out = io.StringIO()
    write_report(run, "json", out, baseline=baseline)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_every_run_is_valid_against_the_schema(all_runs: dict[str, CheckRun], name: str) -> None:
    validator = Draft202012Validator(_schema())
    errors = [e.message for e in validator.iter_errors(_report(all_runs[name]))]
    assert errors == []


def test_schema_rejects_a_wrong_document(full_run: CheckRun) -> None:
    data = _report(full_run)
    data["links"][0]["status"] = "probably-fine"
    del data["summary"]["links"]["dead"]
    validator = Draft202012Validator(_schema())
    assert len(list(validator.iter_errors(data))) == 2


def test_records_use_the_per_command_shapes(full_run: CheckRun) -> None:
    data = _report(full_run)
    assert data["notes"] == [note_json(n) for n in full_run.footnotes]
    assert data["citations"] == [citation_json(c) for c in full_run.citations]
    assert data["links"] == [link_json(link) for link in full_run.links]
    assert data["archives"] == [archive_json(a) for a in full_run.archives]
    for entry, finding in zip(data["findings"], full_run.findings, strict=True):
        assert {k: v for k, v in entry.items() if k not in {"fingerprint", "baselined"}} == (
            finding_json(finding)
        )
        assert entry["fingerprint"] == finding_fingerprint(finding)


def test_summary_counts(full_run: CheckRun) -> None:
    data = _report(full_run)
    assert data["schema_version"] == "1.2"
    assert data["tool"] == {"name": "citecheck", "version": "0.1.0"}
    summary = data["summary"]
    assert summary["links"] == {
        "total": 8,
        "alive": 1,
        "redirected": 1,
        "dead": 1,
        "soft-dead": 1,
        "blocked": 1,
        "timeout": 1,
        "offline": 0,
        "excluded": 2,
        "unverified": 2,
    }
    # errors: quote-mismatch, marker-without-note, link-dead; warnings: url-date,
    # citation-unparsed, link-soft-dead; notes: ibid, link-redirected, 2 x link-unverified.
    assert summary["findings"] == {"error": 3, "warning": 3, "note": 4, "baselined": 0}
    assert summary["archives"] == {"total": 3, "with_cited_snapshot": 2, "captures": 1}
    assert summary["notes"] == 8
    assert data["offline"] is False


def test_baselined_findings_are_marked_and_not_counted(full_run: CheckRun) -> None:
    dead = next(f for f in full_run.findings if f.rule == "link-dead")
    data = _report(full_run, Baseline(frozenset({finding_fingerprint(dead)})))
    marked = [f for f in data["findings"] if f["baselined"]]
    assert [f["rule"] for f in marked] == ["link-dead"]
    assert data["summary"]["findings"]["error"] == 2
    assert data["summary"]["findings"]["baselined"] == 1


def test_link_findings_are_added_when_the_pipeline_left_them_out(full_run: CheckRun) -> None:
    bare = replace(full_run, findings=tuple(f for f in full_run.findings if "link" not in f.rule))
    rules = [f["rule"] for f in _report(bare)["findings"]]
    assert rules.count("link-dead") == 1
    assert rules.count("link-unverified") == 2


def test_text_survives_unicode_and_specials(full_run: CheckRun) -> None:
    out = io.StringIO()
    write_report(full_run, "json", out)
    assert "東京" in out.getvalue()  # written as UTF-8 text, not \\u escapes
    title = json.loads(out.getvalue())["citations"][-1]["title"]
    assert title.startswith('<script>alert("x")</script>')


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_the_fast_encoder_writes_what_the_standard_one_writes(
    all_runs: dict[str, CheckRun], name: str
) -> None:
    out = io.StringIO()
    write_report(all_runs[name], "json", out)
    document = json.loads(out.getvalue())
    assert out.getvalue() == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


AWKWARD: list[Any] = [
    "é ü 中文 🙂 ﬁ",
    '\x00\x01\x1f\x7f tab\there\nnew "quoted" back\\slash',
    "\u2028\u2029\ufeff",
    0.1,
    45.678,
    -0.0,
    2**62,
    True,
    None,
    [],
    {},
    [[], {}],
    {"nested": {"list": [1, "two", None]}},
]


@pytest.mark.parametrize("value", AWKWARD, ids=repr)
def test_awkward_values_come_out_byte_for_byte_as_the_standard_encoder_writes_them(
    value: Any,
) -> None:
    from citecheck.report.json import dumps

    assert dumps({"value": value}) == json.dumps({"value": value}, ensure_ascii=False, indent=2)


def test_floats_written_with_an_exponent_and_huge_integers_keep_their_values() -> None:
    from citecheck.report.json import dumps

    document = {"tiny": 1e-05, "huge": 1e16, "past_64_bits": 2**70}
    assert json.loads(dumps(document)) == document
