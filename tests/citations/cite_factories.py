"""Small factories for the citations tests: notes in, citations out."""

from __future__ import annotations

from typing import Any

from citecheck.citations import parse_citations
from citecheck.model import Citation, Footnote, Location


def note(label: str, text: str, *, raw: str = "") -> Footnote:
    """A footnote as the footnotes stage would hand it over."""
    return Footnote(
        label=label, text=text, claim="", location=Location("essay.md", int(label)), raw=raw
    )


def cite_notes(*texts: str) -> tuple[Citation, ...]:
    """Parse notes labelled 1, 2, 3... as one manuscript."""
    return parse_citations([note(str(i), t) for i, t in enumerate(texts, start=1)])


def cite_one(text: str) -> Citation:
    """The single citation a one-work note gives (fails loudly otherwise)."""
    found = cite_notes(text)
    assert len(found) == 1, [c.raw for c in found]
    return found[0]


def fields(citation: Citation) -> dict[str, Any]:
    """The citation as a flat dict of comparable values (dates as ISO text)."""
    return {
        "type": citation.type.value,
        "signal": citation.signal,
        "authors": [p.family for p in citation.authors],
        "given": [p.given for p in citation.authors],
        "corporate": [p.corporate for p in citation.authors],
        "et_al": citation.et_al,
        "title": citation.title,
        "container": citation.container,
        "volume": citation.volume,
        "issue": citation.issue,
        "pages": citation.pages,
        "pinpoint": citation.pinpoint,
        "date": None if citation.date is None else citation.date.isoformat(),
        "publisher": citation.publisher,
        "place": citation.place,
        "series": citation.series,
        "number": citation.number,
        "urls": list(citation.urls),
        "doi": citation.doi,
        "accessed": None if citation.accessed is None else citation.accessed.isoformat(),
        "short_form": None if citation.short_form is None else citation.short_form.value,
        "antecedent": citation.antecedent,
        "work": citation.work,
        "problem": citation.problem,
    }


def assert_fields(citation: Citation, expected: dict[str, Any]) -> None:
    """Only the fields named in ``expected`` are compared."""
    # The stage's safety net turns a parser bug into a problem; never here.
    assert not (citation.problem or "").startswith("could not parse"), citation.problem
    got = fields(citation)
    wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"(got, expected) for {citation.raw!r}: {wrong}"
