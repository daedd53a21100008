"""Footnotes stage: pair each note marker with its note and find the claim.

``find_footnotes(manuscript)`` takes what a reader produced and returns a
``FootnoteSet``: one ``Footnote`` per note, in document order, with the body
sentence its marker sits in (the claim the note supports), plus findings
about the numbering an editor should look at:

=======================  ========  =============================================
rule                     severity  when
=======================  ========  =============================================
marker-without-note      error     a marker whose label has no note
note-without-marker      warning   a note that no marker refers to
duplicate-note-label     error     two notes with the same label (a Markdown name defined twice)
note-numbering-gap       warning   numbers skip one that has neither note nor marker
note-out-of-order        warning   a number lower than the one before it
marker-repeated          note      a second marker for a note that has one note
no-notes-found           warning   text, but no note (nor in-text citation) to check
=======================  ========  =============================================

Gaps and order are checked only where an author typed the numbers
(plain text and HTML); Markdown labels are names, and LaTeX and Word number
the notes themselves.

Collections restart their numbering for each essay or chapter. When
numeric note labels go back to 1, a new *series* starts; labels are paired,
and checked for duplicates, within a series. A marker belongs to the series
whose notes follow it in the file.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from citecheck.model import (
    IN_TEXT,
    Finding,
    Footnote,
    FootnoteSet,
    Location,
    Manuscript,
    MissingCiteKey,
    NoteMarker,
    NoteText,
    Rule,
    Severity,
)
from citecheck.sentences import sentence_spans
from citecheck.url_text import URL_RE, strip_url

__all__ = ["BODY_LINK", "FOOTNOTE_RULES", "body_urls", "find_footnotes", "with_body_links"]

DUPLICATE_LABEL = Rule(
    "duplicate-note-label", Severity.ERROR, "footnotes", "Two notes carry the same label."
)
MARKER_REPEATED = Rule(
    "marker-repeated", Severity.NOTE, "footnotes", "A note is referenced by more than one marker."
)
MARKER_WITHOUT_NOTE = Rule(
    "marker-without-note", Severity.ERROR, "footnotes", "A note marker in the text has no note."
)
NOTE_WITHOUT_MARKER = Rule(
    "note-without-marker", Severity.WARNING, "footnotes", "A note is never referenced in the text."
)
NUMBERING_GAP = Rule(
    "note-numbering-gap", Severity.WARNING, "footnotes", "Note numbering skips a number."
)
OUT_OF_ORDER = Rule(
    "note-out-of-order",
    Severity.WARNING,
    "footnotes",
    "Notes or markers are not numbered in reading order.",
)
CITE_KEY_MISSING = Rule(
    "cite-key-not-in-bib",
    Severity.WARNING,
    "footnotes",
    "A footnote citation's key is in no bibliography file of the document.",
)
NO_NOTES = Rule(
    "no-notes-found",
    Severity.WARNING,
    "footnotes",
    "The manuscript has text but no notes: nothing it cites was checked.",
)

FOOTNOTE_RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        CITE_KEY_MISSING,
        DUPLICATE_LABEL,
        MARKER_REPEATED,
        MARKER_WITHOUT_NOTE,
        NOTE_WITHOUT_MARKER,
        NO_NOTES,
        NUMBERING_GAP,
        OUT_OF_ORDER,
    )
}


def find_footnotes(manuscript: Manuscript) -> FootnoteSet:
    """Pair markers with notes, find each marker's claim, check the numbering."""
    notes = manuscript.notes
    markers = manuscript.markers
    named = manuscript.format in _NAMED_LABELS
    # A name is one note however often it is defined: no numbering restarts there.
    note_series = [0] * len(notes) if named else _series([n.label for n in notes])
    marker_series = _marker_series(manuscript, note_series)
    findings: list[Finding] = []
    # Sentences of each paragraph, cut once however many markers it holds.
    cache: dict[tuple[int, int], list[tuple[int, int]]] = {}

    by_note: dict[int, NoteMarker] = {}
    groups_notes: dict[tuple[int, str], list[int]] = defaultdict(list)
    groups_markers: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, note in enumerate(notes):
        groups_notes[(note_series[index], note.label)].append(index)
    for index, marker in enumerate(markers):
        groups_markers[(marker_series[index], marker.label)].append(index)

    shadowed: set[int] = set()  # later definitions of a name: never shown
    for key, note_indexes in groups_notes.items():
        first = notes[note_indexes[0]]
        for duplicate in note_indexes[1:]:
            note = notes[duplicate]
            message = (
                _defined_twice(first, note)
                if named
                else f"Two notes are labelled {note.label} (the first is at "
                f"{first.location}); renumber or merge them."
            )
            findings.append(
                DUPLICATE_LABEL.finding(
                    message, note.location, note=note.label, evidence=_snippet(note.text)
                )
            )
        marker_indexes = groups_markers.get(key, [])
        # Pandoc and GitHub give every marker of a name its first definition; typed
        # numbers (two notes both numbered 5, each with a marker) pair in order.
        paired_notes = note_indexes[:1] if named else note_indexes
        if named:
            shadowed.update(note_indexes[1:])
        for note_index, marker_index in zip(paired_notes, marker_indexes, strict=False):
            by_note[note_index] = markers[marker_index]
        for marker_index in marker_indexes[len(paired_notes) :]:
            if first.label.startswith(IN_TEXT):
                break  # a work cited again in the text: as common as it is right
            marker = markers[marker_index]
            first_marker = markers[marker_indexes[0]]
            findings.append(
                MARKER_REPEATED.finding(
                    f"Note {marker.label} is referenced again here (first at "
                    f"{first_marker.location}); fine if intended, otherwise this "
                    "marker needs a note of its own.",
                    marker.location,
                    note=marker.label,
                    evidence=_claim(manuscript.body, marker.offset, cache),
                )
            )
    for key, marker_indexes in groups_markers.items():
        if key in groups_notes:
            continue
        for marker_index in marker_indexes:
            marker = markers[marker_index]
            findings.append(
                MARKER_WITHOUT_NOTE.finding(
                    f"Marker {marker.label} has no note; add note {marker.label} "
                    "or remove the marker.",
                    marker.location,
                    note=marker.label,
                    evidence=_claim(manuscript.body, marker.offset, cache),
                )
            )

    footnotes = []
    for index, note in enumerate(notes):
        paired = by_note.get(index)
        if paired is None and index not in shadowed:  # a shadowed one's finding says why
            findings.append(
                NOTE_WITHOUT_MARKER.finding(
                    f"Note {note.label} is never referenced in the text; add its "
                    "marker or remove the note.",
                    note.location,
                    note=note.label,
                    evidence=_snippet(note.text),
                )
            )
        footnotes.append(
            Footnote(
                label=note.label,
                text=note.text,
                claim="" if paired is None else _claim(manuscript.body, paired.offset, cache),
                location=note.location,
                marker=None if paired is None else paired.location,
                raw=note.raw,
                styled=note.styled,
            )
        )
    if manuscript.format in _TYPED_NUMBERS:
        findings.extend(_numbering(notes, note_series, markers, marker_series))
    findings.extend(_missing_key(missing) for missing in manuscript.missing_keys)
    if not notes and not markers and manuscript.body.strip():
        findings.append(_no_notes(manuscript))
    findings.sort(key=lambda f: (f.location.order, f.rule))
    return FootnoteSet(manuscript, tuple(footnotes), tuple(findings))


def _missing_key(missing: MissingCiteKey) -> Finding:
    """A key biber would warn about: the printed note shows the bare key, not the work."""
    if missing.searched:
        where = f"is not in {', '.join(missing.searched)}"
    else:
        where = (
            "cannot be looked up: the document names no .bib file that exists beside it"
            " (\\addbibresource, \\bibliography; a chapter checked on its own has its main"
            " file's)"
        )
    return CITE_KEY_MISSING.finding(
        f"Citation key '{missing.key}' {where}; biber warns and the printed note shows the bare"
        " key: add the entry to the .bib or correct the key.",
        missing.location,
        note=missing.note,
        evidence=missing.key,
    )


# --------------------------------------------------------------------------
# Links in the body text (not cited by a note)
# --------------------------------------------------------------------------

# The label prefix of a body link read as a note ("body:3"): see with_body_links.
BODY_LINK = "body:"


def body_urls(manuscript: Manuscript) -> list[tuple[str, int]]:
    """(URL, body offset after it) of each distinct web address in the body text.

    Inline links (``[text](url)`` reads "text (url)"), bare URLs, an HTML
    ``<a href>``'s address and LaTeX's ``\\url``/``\\href``: every reader
    keeps them in the body. Code (the body's verbatim spans) holds none.
    """
    written = [
        (match.start() + len(url), url)
        for match in URL_RE.finditer(manuscript.body)
        for url in (strip_url(match.group(0)),)
    ]
    found: dict[str, int] = {}
    for offset, url in sorted([*written, *((o, u) for u, o in manuscript.body_links)]):
        if any(start < offset <= end for start, end in manuscript.verbatim):
            continue
        if "://" not in url:
            url = "http://" + url  # "www.example.org", as the notes' URLs are read
        found.setdefault(url, offset)
    return list(found.items())


def with_body_links(footnotes: FootnoteSet) -> FootnoteSet:
    """The set with each body link as a note of its own, at its line (``--body-links``).

    The note is labelled ``body:1``, ``body:2`` ... in reading order, its text
    the URL and its claim the sentence the link sits in, so that the later
    stages check it as any note's link. A URL a note cites is left to that note.
    """
    manuscript = footnotes.manuscript
    cited = {url for f in footnotes.footnotes for url in _urls(f.text)}
    starts = manuscript.line_starts
    added: list[Footnote] = []
    for url, offset in body_urls(manuscript):
        if url in cited:
            continue
        index = bisect.bisect_right(starts, (offset, 1 << 62)) - 1
        line = starts[index][1] if index >= 0 else 1
        where = Location(manuscript.path, line)
        claim = _claim(manuscript.body, offset)
        added.append(Footnote(f"{BODY_LINK}{len(added) + 1}", url, claim, where, where, url))
    if not added:
        return footnotes
    # After the notes (a LaTeX book's notes come from several files: no one line order).
    findings = tuple(f for f in footnotes.findings if f.rule != NO_NOTES.id)
    return FootnoteSet(manuscript, (*footnotes.footnotes, *added), findings)


def _urls(text: str) -> set[str]:
    return {strip_url(m.group(0)) for m in URL_RE.finditer(text)}


# What a body holds when its notes were typed in a shape no reader takes for notes.
_LOOSE_MARKER = re.compile(r"(?<![\d\[])(\[\d{1,3}\]|\^\d{1,3}\b)(?![(\[:])")


def _no_notes(manuscript: Manuscript) -> Finding:
    """Text without a single note: say so, so that a green run is never a silent one."""
    seen = _LOOSE_MARKER.search(manuscript.body)
    hint = (
        f" The text has markers like {seen.group(1)}, but no list of notes they point to"
        " was found: put the notes under a heading Notes (or Endnotes) at the end, one"
        " numbered item (1. or [1]) each, or write them as <sup>n</sup> notes."
        if seen
        else ""
    )
    return NO_NOTES.finding(
        "No notes were found, so no citation, link or cited work was checked (only the"
        f" body's figures were).{hint} The note styles each format has are in docs/readers.md.",
        Location(manuscript.path, 1),
        evidence=seen.group(1) if seen else "",
    )


# Formats whose note numbers an author typed. Markdown labels are names,
# and LaTeX and Word number notes themselves: a gap there is deliberate.
_TYPED_NUMBERS = frozenset({"plaintext", "html"})
# Formats whose labels are names looked up in the whole file (Pandoc's and GitHub's
# Markdown): a name defined again is the same note defined twice, not a new series.
_NAMED_LABELS = frozenset({"markdown"})


def _defined_twice(first: NoteText, again: NoteText) -> str:
    return (
        f"Note label [^{again.label}] is defined twice (at {first.location} and "
        f"{again.location}); Pandoc and GitHub print the first for every [^{again.label}] "
        "marker, so this one is never shown: merge them, or give one its own label."
    )


def _snippet(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------
# Series: numbering that restarts at 1 (one essay or chapter after another)
# --------------------------------------------------------------------------


# A typed note number: ASCII digits, at most nine of them. "²" passes
# str.isdigit but not int(), and a 5,000-digit label is no note number.
_NUMBER = re.compile(r"[0-9]{1,9}")


def _number(label: str) -> int | None:
    return int(label) if _NUMBER.fullmatch(label) else None


def _series(labels: list[str]) -> list[int]:
    """The series index of each note: a new one starts when numbers restart at 1."""
    result = []
    current = 0
    seen: set[str] = set()
    previous: int | None = None
    for label in labels:
        number = _number(label)
        if number == 1 and previous is not None and previous > 1 and "1" in seen:
            current += 1
            seen = set()
        seen.add(label)
        if number is not None:
            previous = number
        result.append(current)
    return result


def _marker_series(manuscript: Manuscript, note_series: list[int]) -> list[int]:
    """Each marker joins the first series whose last note comes after it."""
    if not note_series or note_series[-1] == 0:
        return [0] * len(manuscript.markers)
    # Places compare as (page, line): a PDF's lines count from 1 on each page.
    last_line: dict[int, tuple[int, int, int]] = {}
    for note, series in zip(manuscript.notes, note_series, strict=True):
        last_line[series] = max(last_line.get(series, (0, 0, 0)), note.location.order)
    ends = [last_line[s] for s in range(note_series[-1] + 1)]
    bounds = [max(ends[: i + 1]) for i in range(len(ends))]
    limit = len(bounds) - 1
    return [min(bisect.bisect_left(bounds, m.location.order), limit) for m in manuscript.markers]


def _numbering(
    notes: tuple[NoteText, ...],
    note_series: list[int],
    markers: tuple[NoteMarker, ...],
    marker_series: list[int],
) -> list[Finding]:
    """Gaps and order among the numbered notes (symbols such as * are left out)."""
    numbered = [
        (n, s, number)
        for n, s in zip(notes, note_series, strict=True)
        if (number := _number(n.label)) is not None
    ]
    numbered_markers = [
        (m, s, number)
        for m, s in zip(markers, marker_series, strict=True)
        if (number := _number(m.label)) is not None
    ]
    findings: list[Finding] = []
    present = {(s, number) for _, s, number in numbered}
    present |= {(s, number) for _, s, number in numbered_markers}
    previous: dict[int, int] = {}
    for note, series, number in numbered:
        before = previous.get(series, 0)
        # A file may start past 1 (a chapter going on from the one before):
        # only a jump between two notes is a gap.
        if before and number > before + 1:
            skipped = _skipped(before, number, {k for s, k in present if s == series})
            if skipped:
                findings.append(
                    NUMBERING_GAP.finding(
                        f"Note numbering skips {skipped}: note {number} follows "
                        f"note {before}, and no note "
                        "or marker has the missing number.",
                        note.location,
                        note=note.label,
                    )
                )
        elif number < before:
            findings.append(
                OUT_OF_ORDER.finding(
                    f"Note {number} comes after note {before}; notes should be "
                    "numbered in the order they appear.",
                    note.location,
                    note=note.label,
                )
            )
        previous[series] = max(before, number)
    seen: set[tuple[int, int]] = set()
    previous = {}
    for marker, series, number in numbered_markers:
        if (series, number) in seen:
            continue  # a repeated reference, reported as marker-repeated
        seen.add((series, number))
        before = previous.get(series, 0)
        if number < before:
            findings.append(
                OUT_OF_ORDER.finding(
                    f"Marker {number} appears in the text after marker {before}; "
                    "markers should be numbered in reading order.",
                    marker.location,
                    note=marker.label,
                )
            )
        previous[series] = max(before, number)
    return findings


_LISTED_GAP = 1000  # wider gaps are described, not listed number by number


def _skipped(before: int, after: int, present: set[int]) -> str:
    """The numbers between two notes that no note or marker has ("" if none)."""
    if after - before - 1 <= _LISTED_GAP:
        missing = [k for k in range(before + 1, after) if k not in present]
        return _numbers(missing) if missing else ""
    inside = sum(1 for k in present if before < k < after)
    count = after - before - 1 - inside
    return f"{count} note numbers between {before} and {after}"


def _numbers(values: list[int]) -> str:
    if len(values) == 1:
        return f"note {values[0]}"
    if values == list(range(values[0], values[-1] + 1)):
        return f"notes {values[0]}-{values[-1]}"
    return "notes " + ", ".join(str(v) for v in values)


# --------------------------------------------------------------------------
# Claims: the sentence a marker sits in
# --------------------------------------------------------------------------


def _paragraph(body: str, offset: int) -> tuple[int, int]:
    start = body.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    end = body.find("\n\n", offset)
    return start, len(body) if end < 0 else end


_CLOSING = "\"”’'»)]*"


def _ends_with_stop(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` ends in final punctuation, perhaps closed by quotes."""
    # Only the end matters: a regex search of the whole paragraph, once per
    # marker, took seconds on a paragraph of 2,000 markers.
    return body[start:end].rstrip().rstrip(_CLOSING).endswith(_STOPS)


_STOPS = (".", "!", "?", "…", ":")


def _claim(
    body: str, offset: int, cache: dict[tuple[int, int], list[tuple[int, int]]] | None = None
) -> str:
    """The sentence the marker at ``offset`` sits in, on one line.

    A sentence cut by a page break (a paragraph that ends without final
    punctuation, then one that starts in lower case) is joined back.
    """
    start, end = _paragraph(body, offset)
    if start >= 2 and body[start : start + 1].islower():
        previous_start, _ = _paragraph(body, start - 2)
        if not _ends_with_stop(body, previous_start, start - 2):
            start = previous_start
    if end < len(body) and not _ends_with_stop(body, start, end):
        next_start = end + 2
        if body[next_start : next_start + 1].islower():
            end = _paragraph(body, next_start)[1]
    text = body[start:end].replace("\n", " ")  # same length: offsets hold
    position = offset - start
    anchor = position - 1
    while anchor >= 0 and text[anchor].isspace():
        anchor -= 1
    if anchor < 0:
        anchor = position
    key = (start, end)
    spans = cache.get(key) if cache is not None else None
    if spans is None:
        spans = sentence_spans(text, one_paragraph=True)
        if cache is not None:
            cache[key] = spans  # markers of one paragraph share its sentences
    # Spans are sorted and disjoint: the last one starting at or before the anchor.
    index = bisect.bisect_right(spans, (anchor, len(text) + 1)) - 1
    if index >= 0 and spans[index][0] <= anchor < spans[index][1]:
        span_start, span_end = spans[index]
        return " ".join(text[span_start:span_end].split())
    return " ".join(text.split())
