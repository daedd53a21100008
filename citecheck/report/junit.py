"""JUnit XML report: citations and links as test cases, for CI test dashboards.

Layout (the widely read subset of the JUnit/Ant schema: ``testsuites`` >
``testsuite`` > ``testcase`` with ``name``, ``classname`` and ``time``)::

    testsuites name="citecheck"
      testsuite name="citations: essay.md"   one testcase per citation
      testsuite name="findings: essay.md"    error findings no citation could take
      testsuite name="links"                 one testcase per distinct URL

A dead link fails its link case; an open (not baselined) error finding fails
the citation case of its note when it can be told which citation it is about
(the note has one citation, or the evidence is quoted in one), otherwise it
is a failing case of its own, so every open error appears exactly once.
Unverified links (blocked, timeout, offline) are skipped, not failed.
Warnings and notes never fail a case: they are told in the ``system-out`` of
that citation's case (or the note's first; a passing case of their own in a
note without citations). Times are 0: nothing is timed per item.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from citecheck.baseline import Baseline
from citecheck.model import CheckRun, Citation, LinkStatus, Severity
from citecheck.report._view import FindingView, ReportView, build_view, note_name
from citecheck.verdict import LINK_RULES

__all__ = ["report_junit", "write"]

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _classname(kind: str, path: str) -> str:
    # Dashboards split classnames on dots into packages; keep the path whole.
    return f"citecheck.{kind}.{re.sub(r'[^0-9A-Za-z_/-]+', '_', path)}"


def _case(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(
        suite, "testcase", {"name": _clean(name), "classname": classname, "time": "0"}
    )


def _fail(case: ET.Element, item: FindingView) -> None:
    finding = item.finding
    failure = ET.SubElement(
        case,
        "failure",
        {"message": _clean(_short(finding.message, 200)), "type": finding.rule},
    )
    failure.text = _clean(
        f"{finding.location}: {finding.message}"
        + (f"\nevidence: {finding.evidence}" if finding.evidence else "")
    )


def _said(item: FindingView) -> str:
    finding = item.finding
    return f"{finding.severity.value} {finding.rule}: {finding.location}: {finding.message}"


def _owner(item: FindingView, cited: list[Citation]) -> Citation | None:
    if len(cited) == 1:
        return cited[0]
    evidence = item.finding.evidence.strip()
    if evidence:
        holders = [c for c in cited if evidence in c.raw]
        if len(holders) == 1:
            return holders[0]
    return None


def _count(suite: ET.Element) -> tuple[int, int, int]:
    cases = suite.findall("testcase")
    failures = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return len(cases), failures, skipped


def report_junit(view: ReportView) -> ET.Element:
    """The ``testsuites`` element of the report."""
    root = ET.Element("testsuites", {"name": "citecheck"})
    open_errors = {
        f
        for f in view.findings
        if not f.baselined
        and f.finding.severity is Severity.ERROR
        and f.finding.rule not in LINK_RULES
    }
    for manuscript in view.manuscripts:
        path = manuscript.manuscript.path
        suite = ET.SubElement(root, "testsuite", {"name": _clean(f"citations: {path}")})
        loose = ET.Element("testsuite", {"name": _clean(f"findings: {path}")})
        cases: dict[int, ET.Element] = {}  # by citation index
        for note in manuscript.notes:
            for number, citation in enumerate(note.citations, start=1):
                label = citation.title or citation.raw
                name = f"{citation.location} {note_name(citation.note)} [{number}] {_short(label)}"
                cases[citation.index] = _case(suite, name, _classname("citations", path))
        notes = [*manuscript.notes, *([manuscript.general] if manuscript.general else [])]
        said: dict[ET.Element, list[str]] = {}  # open warnings and notes, by case (suite: rest)
        for note in notes:
            cited = list(note.citations)
            for item in note.findings:
                owner = _owner(item, cited)
                if item not in open_errors:
                    if not item.baselined and item.finding.rule not in LINK_RULES:
                        # Never a failure, but shown: in its citation's case (or the note's
                        # first), else in a passing case of its own.
                        holder = owner or (cited[0] if cited else None)
                        if holder is not None:
                            where = cases[holder.index]
                        else:
                            name = f"{item.finding.location}: {item.finding.rule}"
                            where = _case(loose, name, _classname("findings", path))
                        said.setdefault(where, []).append(_said(item))
                    continue
                if owner is not None:
                    _fail(cases[owner.index], item)
                else:
                    which = note_name(note.label) if note.label else "manuscript"
                    name = f"{item.finding.location} {which}: {item.finding.rule}"
                    _fail(_case(loose, name, _classname("findings", path)), item)
        for element, lines in said.items():
            ET.SubElement(element, "system-out").text = _clean("\n".join(lines))
        if len(loose):
            root.append(loose)
    unplaced = [item for item in view.unplaced if item in open_errors]
    if unplaced:
        loose = ET.SubElement(root, "testsuite", {"name": "findings"})
        for item in unplaced:
            name = f"{item.finding.location}: {item.finding.rule}"
            _fail(_case(loose, name, "citecheck.findings"), item)

    links = ET.SubElement(root, "testsuite", {"name": "links"})
    for link_view in view.links:
        link = link_view.link
        case = _case(links, link.url, "citecheck.links")
        text = f"{link.status.value}: {link.reason}"
        if link.status is LinkStatus.DEAD and not link_view.accepted:
            failure = ET.SubElement(
                case, "failure", {"message": _clean(_short(text, 200)), "type": "link-dead"}
            )
            failure.text = _clean(text)
        elif not link.status.verified:
            ET.SubElement(case, "skipped", {"message": _clean(_short(text, 200))})
        else:
            out = ET.SubElement(case, "system-out")
            out.text = _clean(text + (" (accepted in the baseline)" if link_view.accepted else ""))

    totals = [0, 0, 0]
    for suite in root.findall("testsuite"):
        for slot, value in enumerate(_count(suite)):
            totals[slot] += value
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    root.set("skipped", str(totals[2]))
    run = view.run
    seconds = (
        (run.finished_at - run.started_at).total_seconds()
        if run.started_at is not None and run.finished_at is not None
        else 0.0
    )
    root.set("time", f"{max(seconds, 0.0):.3f}")
    return root


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the JUnit XML document."""
    root = report_junit(build_view(run, baseline=baseline))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
