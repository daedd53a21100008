"""Score the sources stage on the evaluation corpus (tests/sources/corpus/).

The corpus was written without sight of the stage: the indexes' records
(``crossref_works.json``, ``openalex_works.json``, ``courtlistener_clusters.json``)
and notes with their truth (``notes.jsonl``: ``kind``, ``expect`` rule ids,
``doi``...). The records are served by the loopback stand-ins of
``sources_standins.py`` (real HTTP, the services' wire formats, search ranked
by relevance over every record); every note goes through the real pipeline
(reader, footnotes, citation parser, this stage) as a footnote of one
manuscript; the findings per note are compared with ``expect``.

Printed: precision and recall per rule (and over all rules), and DOI
enrichment accuracy over the notes that cite no DOI of their own. With
``--down``: the same notes with every service refusing connections; the run
must give no ``work-not-found`` and leave every lookup unverified.

Run: ``python tests/sources/score.py [--down] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sources_standins import (  # noqa: E402
    TOKEN,
    CourtListenerStandIn,
    CrossrefStandIn,
    OpenAlexStandIn,
    closed_base,
)

from citecheck import pipeline  # noqa: E402
from citecheck.config import Settings, SourcesSettings  # noqa: E402
from citecheck.model import CheckRun, SourceStatus  # noqa: E402
from citecheck.sources import WORK_RULES  # noqa: E402

CORPUS = HERE / "corpus"
RULES = tuple(r for r in WORK_RULES if r != "work-unverified")


def _load(name: str) -> Any:
    path = CORPUS / name
    return json.loads(path.read_text("utf-8")) if path.exists() else []


def _unwrap(data: Any, inner: str) -> list[dict[str, Any]]:
    """A list of records, whatever envelope the corpus file uses."""
    if isinstance(data, Mapping):
        if isinstance(data.get("message"), Mapping) and inner in data["message"]:
            data = data["message"][inner]
        elif inner in data:
            data = data[inner]
        elif "results" in data:
            data = data["results"]
        else:
            data = list(data.values())
    records = []
    for item in data or ():
        if isinstance(item, Mapping) and isinstance(item.get("message"), Mapping):
            item = item["message"]
        if isinstance(item, Mapping):
            records.append(dict(item))
    return records


def _clusters(data: Any) -> dict[str, dict[str, Any]]:
    """Case clusters keyed by "volume reporter page", from a dict or a list."""
    if isinstance(data, Mapping) and "clusters" not in data:
        # citation -> cluster, or citation -> list of clusters (the corpus's form)
        return {str(k): v for k, v in data.items() if isinstance(v, Mapping | list)}
    if isinstance(data, Mapping):
        data = data["clusters"]
    keyed: dict[str, dict[str, Any]] = {}
    for item in data or ():
        if not isinstance(item, Mapping):
            continue
        cluster = dict(item.get("cluster") or item)
        cites = [item.get("citation")] if item.get("citation") else []
        for cite in cluster.get("citations") or ():
            if isinstance(cite, Mapping):
                cites.append(f"{cite.get('volume')} {cite.get('reporter')} {cite.get('page')}")
            elif isinstance(cite, str):
                cites.append(cite)
        for cite in cites:
            keyed[str(cite)] = cluster
    return keyed


@dataclass(frozen=True)
class Note:
    index: int
    id: str
    text: str
    kinds: tuple[str, ...]
    expect: frozenset[str]  # every rule the note's works should raise
    dois: tuple[str | None, ...]  # each cited work's own DOI (None: no DOI should be added)
    truths: tuple[Mapping[str, Any], ...]


def _text_of(entry: Mapping[str, Any]) -> str:
    for key in ("note", "text", "raw", "citation", "footnote"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    raise ValueError(f"a note without text: {entry}")


def load_notes() -> list[Note]:
    notes = []
    for number, line in enumerate((CORPUS / "notes.jsonl").read_text("utf-8").splitlines()):
        if not line.strip():
            continue
        entry = json.loads(line)
        truth = entry.get("truth", entry)
        truths = tuple(truth) if isinstance(truth, list) else (truth,)
        notes.append(
            Note(
                index=len(notes) + 1,
                id=str(entry.get("id", number + 1)),
                text=_text_of(entry),
                kinds=tuple(str(t.get("kind", "")) for t in truths),
                expect=frozenset(str(e) for t in truths for e in t.get("expect") or ()),
                dois=tuple(str(t["doi"]).lower() if t.get("doi") else None for t in truths),
                truths=truths,
            )
        )
    return notes


def _settings(crossref: str, openalex: str, courtlistener: str) -> Settings:
    base = Settings()
    sources = SourcesSettings(
        crossref_api=crossref,
        openalex_api=openalex,
        courtlistener_api=courtlistener,
        courtlistener_token=TOKEN,
        mailto="score@example.org",
        rate=500.0,
        timeout=5.0,
        connect_timeout=2.0,
        retries=2,
    )
    return replace(base, sources=sources, links=replace(base.links, cache_path=None))


def _run(notes: list[Note], settings: Settings) -> CheckRun:
    body = " ".join(f"Claim {n.index}.[^{n.index}]" for n in notes)
    text = body + "\n\n" + "\n".join(f"[^{n.index}]: {n.text}" for n in notes) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.md"
        path.write_text(text, encoding="utf-8")
        return pipeline.run_check([path], settings, links=False, archive=False, checks=False)


def _per_note(run: CheckRun) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in run.findings:
        if finding.note is not None and finding.rule in RULES:
            found.setdefault(finding.note, set()).add(finding.rule)
    return found


def score(notes: list[Note], run: CheckRun) -> dict[str, Any]:
    found = _per_note(run)
    counts: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    misses = []
    for note in notes:
        got = found.get(str(note.index), set())
        for rule in RULES:
            if rule in got and rule in note.expect:
                counts[rule]["tp"] += 1
            elif rule in got:
                counts[rule]["fp"] += 1
            elif rule in note.expect:
                counts[rule]["fn"] += 1
        if got != set(note.expect):
            misses.append((note.id, "+".join(note.kinds), sorted(note.expect), sorted(got)))
    per_rule = {}
    total: Counter[str] = Counter()
    for rule, c in counts.items():
        total.update(c)
        if c["tp"] + c["fp"] + c["fn"] == 0:
            continue
        per_rule[rule] = _pr(c)
    # DOI enrichment: each work of a note that prints no DOI; its truth says which DOI the
    # matcher should add (None: none). A note's works are its full citations, in order.
    added = _doi_added(run)
    pairs = [(n, i, doi) for n in notes if not _cites_doi(n.text) for i, doi in enumerate(n.dois)]
    right = sum(1 for n, i, doi in pairs if _nth(added.get(str(n.index), []), i) == doi)
    wrong = [
        (n.id, doi, _nth(added.get(str(n.index), []), i))
        for n, i, doi in pairs
        if _nth(added.get(str(n.index), []), i) != doi
    ]
    return {
        "notes": len(notes),
        "per_rule": per_rule,
        "all_rules": _pr(total),
        "exact_notes": sum(1 for n in notes if found.get(str(n.index), set()) == set(n.expect)),
        "doi_enrichment": {
            "works": len(pairs),
            "right": right,
            "accuracy": round(right / len(pairs), 3) if pairs else None,
            "should_add": sum(1 for _, _, doi in pairs if doi),
            "wrong": wrong,
        },
        "misses": misses,
    }


def _pr(c: Mapping[str, int]) -> dict[str, Any]:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }


def _cites_doi(text: str) -> bool:
    return bool(re.search(r"\b10\.\d{4,}/", text))


def _nth(values: list[str | None], i: int) -> str | None:
    return values[i] if i < len(values) else None


def _doi_added(run: CheckRun) -> dict[str, list[str | None]]:
    """Per note, the DOI added to each of its full citations (None: none), in order."""
    added: dict[str, list[str | None]] = {}
    full = {c.index for c in run.citations if c.short_form is None and c.antecedent is None}
    for result in sorted(run.sources, key=lambda r: r.citation):
        if result.citation in full:
            doi = result.doi_added.lower() if result.doi_added else None
            added.setdefault(result.note, []).append(doi)
    return added


class StandIns:
    """The corpus's records served on loopback, started and stopped together."""

    def __init__(self) -> None:
        crossref = _unwrap(_load("crossref_works.json"), "items")
        openalex = _unwrap(_load("openalex_works.json"), "results")
        self.crossref = CrossrefStandIn(crossref, "127.0.0.31")
        self.openalex = OpenAlexStandIn(openalex, "127.0.0.32")
        self.courtlistener = CourtListenerStandIn(
            _clusters(_load("courtlistener_clusters.json")), "127.0.0.33"
        )

    def __enter__(self) -> StandIns:
        for server in self._all():
            server.start()
        return self

    def __exit__(self, *_: object) -> None:
        for server in self._all():
            server.stop()

    def _all(self) -> Iterable[CrossrefStandIn | OpenAlexStandIn | CourtListenerStandIn]:
        return (self.crossref, self.openalex, self.courtlistener)

    def settings(self) -> Settings:
        return _settings(self.crossref.base, self.openalex.base, self.courtlistener.base)


def evaluate() -> dict[str, Any]:
    notes = load_notes()
    with StandIns() as servers:
        run = _run(notes, servers.settings())
    return score(notes, run)


def evaluate_down() -> dict[str, Any]:
    """Every service refusing connections: nothing may be "not found"."""
    notes = load_notes()
    run = _run(notes, _settings(closed_base(), closed_base(), closed_base()))
    looked = [r for r in run.sources if r.status is not SourceStatus.SKIPPED]
    return {
        "looked_up": len(looked),
        "unverified": sum(1 for r in looked if r.status is SourceStatus.UNVERIFIED),
        "not_found_findings": sum(1 for f in run.findings if f.rule == "work-not-found"),
        "rules": sorted({f.rule for f in run.findings}),
        "unverified_notices": sum(1 for f in run.findings if f.rule == "work-unverified"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--down", action="store_true", help="the services-down run")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    result = evaluate_down() if args.down else evaluate()
    if args.json:
        print(json.dumps(result, indent=2))
        return
    if args.down:
        print(json.dumps(result, indent=2))
        return
    print(f"notes: {result['notes']}, exactly right: {result['exact_notes']}")
    for rule, figures in result["per_rule"].items():
        print(f"  {rule:<22} P {figures['precision']:.3f}  R {figures['recall']:.3f}  {figures}")
    overall = result["all_rules"]
    print(f"  {'all rules':<22} P {overall['precision']:.3f}  R {overall['recall']:.3f}  {overall}")
    print(f"DOI enrichment: {result['doi_enrichment']}")
    for miss in result["misses"]:
        print(f"  miss: {miss[0]} ({miss[1]}): expected {miss[2]}, got {miss[3]}")
    for wrong in result["doi_enrichment"]["wrong"]:
        print(f"  DOI: {wrong[0]}: expected {wrong[1]}, added {wrong[2]}")


if __name__ == "__main__":
    main()
