"""The sources stage in a batch: each distinct lookup asked once for the whole batch."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sources"))

from sources_standins import CrossrefStandIn, OpenAlexStandIn
from works_data import CROSSREF, OPENALEX

from citecheck.cli import main

PRIVACY = "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890)."
JERGAS = (
    "Jergas, H., & Baethge, C. (2015). Quotation accuracy in medical journal articles. "
    "Journal of Clinical Epidemiology, 68(3), 255–260."
)
WAKEFIELD = (
    "Wakefield, A. J., et al. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, "
    "and pervasive developmental disorder in children. The Lancet, 351(9103), 637–641. "
    "https://doi.org/10.1016/S0140-6736(97)11096-0"
)


@pytest.fixture
def services(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[CrossrefStandIn, OpenAlexStandIn]]:
    crossref = CrossrefStandIn(CROSSREF, "127.1.250.2")
    openalex = OpenAlexStandIn(OPENALEX, "127.1.250.3")
    crossref.start()
    openalex.start()
    # The workers are new processes: they read the services' addresses from the environment.
    monkeypatch.setenv("CITECHECK_CROSSREF_API", crossref.base)
    monkeypatch.setenv("CITECHECK_OPENALEX_API", openalex.base)
    monkeypatch.setenv("CITECHECK_MAILTO", "editor@example.org")
    yield crossref, openalex
    crossref.stop()
    openalex.stop()


@pytest.mark.timeout(300)
def test_each_distinct_lookup_is_asked_once_for_the_whole_batch(
    services: tuple[CrossrefStandIn, OpenAlexStandIn], store_url: str, tmp_path: Path
) -> None:
    crossref, openalex = services
    works = [PRIVACY, JERGAS, WAKEFIELD]
    folder = tmp_path / "issues"
    folder.mkdir()
    for i in range(6):
        notes = [works[i % 3], works[(i + 1) % 3]]
        body = " ".join(f"Claim {k}.[^{k}]" for k in (1, 2))
        text = "\n".join(f"[^{k}]: {note}" for k, note in enumerate(notes, 1))
        (folder / f"essay{i}.md").write_text(f"{body}\n\n{text}\n", encoding="utf-8")
    summary = tmp_path / "summary.json"
    args = [
        "batch",
        str(folder),
        "--store",
        store_url,
        "--no-links",
        "--no-progress",
        "--workers",
        "2",
        "--format",
        "json",
        "-o",
        str(summary),
    ]
    code = main(args)
    asked = Counter((s.path, tuple(sorted(s.query.items()))) for s in crossref.requests)
    asked.update((s.path, tuple(sorted(s.query.items()))) for s in openalex.requests)
    assert asked
    assert set(asked.values()) == {1}, asked
    data = json.loads(summary.read_text("utf-8"))
    assert data["manuscripts"] == 6
    assert data["totals"]["citations"] == 12
    # Wakefield's retraction is found in the four manuscripts citing it.
    rows = data["manuscripts_worst_first"]
    assert sum(1 for r in rows if r["findings"]["error"]) == 4
    assert code == 1
    before = len(crossref.requests) + len(openalex.requests)
    assert main(args) == 1  # and again from the store: no service is asked
    assert len(crossref.requests) + len(openalex.requests) == before
