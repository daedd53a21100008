"""The checks corpus: TOML cases -> CheckRun records, and scoring of rule ids.

A case (``[[case]]`` in ``tests/checks/corpus/*.toml``)::

    id = "rate-daily-slip"
    expect = ["rate-restatement-mismatch"]   # rule ids that must fire ([] = nothing)
    body = "Trade ... a year, or $2 billion a day.[^1]"   # [^N] marks note N
    notes = ["Note 1 text", ...]              # optional, labels 1, 2, ...
    ledger = '''[[fact]] ...'''               # optional facts ledger (TOML text)
    [[case.citations]]                        # optional Citation fields
    note = "1"; raw = "..."; date = "2010-05-05"; authors = ["Mazzetti, Mark"]; ...
    [[case.links]]                            # optional LinkResult fields
    url = "..."; status = "alive"; page_title = "..."; page_meta = [["author", "..."]]

Cases are built straight into records so the corpus does not depend on the
readers or the citation parser.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.checks import RULES, run_checks
from citecheck.config import CheckSettings
from citecheck.model import (
    CheckRun,
    Citation,
    CitationType,
    Footnote,
    FootnoteSet,
    LinkResult,
    LinkStatus,
    Location,
    Manuscript,
    NoteMarker,
    NoteText,
    PartialDate,
    Person,
    ShortForm,
)

CORPUS = Path(__file__).parent / "corpus"
PATH = "case.md"


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    expect: frozenset[str]
    run: CheckRun
    ledger: str | None


def load_cases(folder: Path = CORPUS) -> list[Case]:
    cases = []
    for file in sorted(folder.glob("*.toml")):
        with file.open("rb") as handle:
            data = tomllib.load(handle)
        for entry in data.get("case", []):
            unknown = set(entry["expect"]) - set(RULES)
            if unknown:
                raise ValueError(f"{file.name}:{entry['id']}: unknown rule ids {sorted(unknown)}")
            cases.append(
                Case(
                    id=entry["id"],
                    file=file.name,
                    expect=frozenset(entry["expect"]),
                    run=_run(entry),
                    ledger=entry.get("ledger"),
                )
            )
    return cases


def _date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    parts = [int(p) for p in str(text).split("-")]
    return PartialDate(*parts)


def _person(text: str) -> Person:
    family, _, given = text.partition(",")
    return Person(family=family.strip(), given=given.strip() or None)


def _run(entry: dict[str, Any]) -> CheckRun:
    source = entry.get("body", "")
    body_parts: list[str] = []
    markers: list[NoteMarker] = []
    cursor = 0
    for match in re.finditer(r"\[\^(\w+)\]", source):
        body_parts.append(source[cursor : match.start()])
        offset = sum(len(p) for p in body_parts)
        line = source.count("\n", 0, match.start()) + 1
        markers.append(NoteMarker(match.group(1), offset, Location(PATH, line)))
        cursor = match.end()
    body_parts.append(source[cursor:])
    body = "".join(body_parts)
    line_starts = tuple((offset, line) for line, offset in enumerate(_starts(body), start=1))
    notes_text = entry.get("notes", [])
    # A list of notes numbered from 1, or a table of notes by label ({ 1 = "..." }): batch 22
    # wrote the table, which was read as its keys until round 12.
    labelled = (
        [(str(label), text) for label, text in notes_text.items()]
        if isinstance(notes_text, dict)
        else [(str(i), text) for i, text in enumerate(notes_text, 1)]
    )
    base = source.count("\n") + 3
    notes = tuple(
        NoteText(label, text, Location(PATH, base + i))
        for i, (label, text) in enumerate(labelled, 1)
    )
    manuscript = Manuscript(PATH, "markdown", body, tuple(markers), notes, line_starts=line_starts)
    by_label = {m.label: m for m in markers}
    footnotes = tuple(
        Footnote(
            label=note.label,
            text=note.text,
            claim=_claim(body, by_label[note.label].offset) if note.label in by_label else "",
            location=note.location,
            marker=by_label[note.label].location if note.label in by_label else None,
        )
        for note in notes
    )
    citations = tuple(
        _citation(i, spec, notes) for i, spec in enumerate(entry.get("citations", []))
    )
    links = tuple(_link(spec) for spec in entry.get("links", []))
    return CheckRun(
        footnote_sets=(FootnoteSet(manuscript, footnotes),), citations=citations, links=links
    )


def _starts(body: str) -> Iterator[int]:
    yield 0
    for match in re.finditer(r"\n", body):
        yield match.end()


def _claim(body: str, offset: int) -> str:
    start = max(body.rfind(". ", 0, max(0, offset - 1)), body.rfind("\n", 0, offset))
    end = re.search(r"[.!?](?=\s)|\n|$", body[offset:])
    stop = offset + end.end() if end else len(body)
    return body[start + 1 : stop].strip()


def _citation(index: int, spec: dict[str, Any], notes: tuple[NoteText, ...]) -> Citation:
    note = str(spec["note"])
    location = next((n.location for n in notes if n.label == note), Location(PATH, 1))
    short = spec.get("short_form")
    return Citation(
        note=note,
        index=index,
        raw=spec.get("raw", ""),
        location=location,
        type=CitationType(spec.get("type", "other")),
        authors=tuple(_person(a) for a in spec.get("authors", [])),
        title=spec.get("title"),
        container=spec.get("container"),
        pages=spec.get("pages"),
        pinpoint=spec.get("pinpoint"),
        date=_date(spec.get("date")),
        urls=tuple(spec.get("urls", [])),
        short_form=ShortForm(short) if short else None,
        antecedent=spec.get("antecedent"),
        work=spec.get("work", ""),
        problem=spec.get("problem"),
    )


def _link(spec: dict[str, Any]) -> LinkResult:
    return LinkResult(
        url=spec["url"],
        status=LinkStatus(spec.get("status", "alive")),
        reason=spec.get("reason", "200 OK"),
        http_status=spec.get("http_status", 200),
        page_title=spec.get("page_title"),
        page_meta=tuple((k, v) for k, v in spec.get("page_meta", [])),
        page_text=spec.get("page_text"),
    )


def fired(case: Case, tmp: Path) -> frozenset[str]:
    """The rule ids the checks raise on a case (a ledger is written under ``tmp``)."""
    ledger = None
    if case.ledger is not None:
        ledger = tmp / f"{case.id}.toml"
        ledger.write_text(case.ledger, encoding="utf-8")
    findings = run_checks(case.run, CheckSettings(ledger=ledger))
    return frozenset(f.rule for f in findings)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(results: list[tuple[Case, frozenset[str]]]) -> dict[str, Score]:
    """Per rule: true positives, false positives and misses over the cases."""
    counts = {rule: [0, 0, 0] for rule in RULES}
    for case, got in results:
        for rule in RULES:
            if rule in case.expect and rule in got:
                counts[rule][0] += 1
            elif rule in got:
                counts[rule][1] += 1
            elif rule in case.expect:
                counts[rule][2] += 1
    return {rule: Score(*values) for rule, values in counts.items()}
