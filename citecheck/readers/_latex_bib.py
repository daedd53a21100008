"""biblatex footnote citations: when ``\\autocite`` is a footnote; the notes' text from the .bib.

A ``\\footcite{key}`` prints a footnote whose text biblatex writes from the
bibliography file. When the document names a .bib (``\\addbibresource`` or
``\\bibliography``) that lies beside it, each entry is rendered here as a
plain note (author, title, container, volume, year, pages, URL, DOI) for the
later stages to parse; without it, the reader falls back to the keys.
"""

from __future__ import annotations

import logging
import os
import re

from citecheck.readers._latex_commands import _URL_ESCAPE
from citecheck.readers._latex_parser import _Parser

__all__ = ["author_year", "autocite_is_footnote", "bib_entries", "bib_files", "render"]

_BIBLATEX = re.compile(r"\\usepackage\s*(?:\[([^\]]*)\])?\s*\{\s*(biblatex(?:-chicago)?)\s*\}")
_RESOURCE = re.compile(r"\\addbibresource\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
_BIBLIOGRAPHY = re.compile(r"\\bibliography\s*\{([^}]*)\}")
# Styles whose \autocite is a footnote (biblatex's verbose family, biblatex-dw).
_NOTE_STYLE = re.compile(r"(?:^|,)\s*(?:cite)?style\s*=\s*(?:verbose[\w-]*|[\w-]+-dw)\s*(?:,|$)")
_AUTOCITE = re.compile(r"(?:^|,)\s*autocite\s*=\s*(\w+)")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_MAX_BIB_BYTES = 20_000_000  # a bibliography past this is no bibliography


def autocite_is_footnote(preamble: str) -> bool:
    """Does ``\\autocite`` print a footnote, by the options biblatex is loaded with?"""
    for found in _BIBLATEX.finditer(preamble):
        options = found.group(1) or ""
        chosen = _AUTOCITE.search(options)
        if chosen is not None:
            return chosen.group(1) == "footnote"
        if found.group(2) == "biblatex-chicago":
            return "authordate" not in options  # its default is the notes style
        return _NOTE_STYLE.search(options) is not None
    return False


def bib_files(source: str, path: str) -> list[str]:
    """The .bib files the document names that exist beside it (or in a folder under it)."""
    folder = os.path.dirname(path)
    names = [found.group(1).strip() for found in _RESOURCE.finditer(source)]
    for found in _BIBLIOGRAPHY.finditer(source):
        for name in found.group(1).split(","):
            name = name.strip()
            names.append(name if name.endswith(".bib") else name + ".bib")
    root = os.path.realpath(folder or ".")
    files: list[str] = []
    for name in names:
        candidate = os.path.join(folder, name.strip())
        real = os.path.realpath(candidate)
        if real.startswith(root + os.sep) and os.path.isfile(real) and candidate not in files:
            files.append(candidate)
    return files


def bib_entries(
    source: str, path: str, short: dict[str, tuple[str, str]] | None = None
) -> dict[str, tuple[str, str]]:
    """Key -> note text (work, links) of every entry of the .bib files the document names.

    ``short``, when given, gets each key's (authors, year) as an author-year
    citation in the text prints them (``author_year``). An unreadable or
    broken file gives no entries (the keys then stand as text), never an
    error: the manuscript is still read.
    """
    files = bib_files(source, path)
    if not files:
        return {}
    # Slow to import; only documents with a .bib need it.
    from bibtexparser.entrypoint import parse_string

    entries: dict[str, tuple[str, str]] = {}
    for name in files:
        try:
            if os.path.getsize(name) > _MAX_BIB_BYTES:
                continue
            with open(name, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            # bibtexparser logs each broken block; an entry it skips is a key that stands as text.
            quiet = logging.getLogger("bibtexparser")
            level = quiet.level
            quiet.setLevel(logging.CRITICAL)
            try:
                library = parse_string(text)
            finally:
                quiet.setLevel(level)
        except (OSError, ValueError):
            continue
        for entry in library.entries:
            raw = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
            entries.setdefault(entry.key, render(raw))
            if short is not None:
                short.setdefault(entry.key, author_year(raw))
    return entries


def _plain(value: str) -> str:
    """A field's LaTeX as plain text ("{U.S.}" -> "U.S.", "1--20" -> "1–20")."""
    parser = _Parser("bib", value, includes=False)
    sink: list[str] = []
    parser.parse(sink)
    return " ".join("".join(sink).split())


def _split_names(value: str) -> list[str]:
    """BibTeX's "and"-joined names, split outside braces."""
    names: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(value):
        char = value[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isspace():
            found = _AND.match(value, i)
            if found is not None:
                names.append(value[start:i])
                start = i = found.end()
                continue
        i += 1
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]


def _name(written: str) -> str:
    """ "Last, First" or "Last, Jr, First" -> "First Last (Jr)"; "First Last" stays."""
    parts = [p.strip() for p in _top_level_commas(written)]
    if len(parts) == 2:
        written = f"{parts[1]} {parts[0]}"
    elif len(parts) >= 3:
        written = f"{parts[2]} {parts[0]} {parts[1]}"
    return _plain(written)


def _top_level_commas(value: str) -> list[str]:
    pieces: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(value[start:i])
            start = i + 1
    pieces.append(value[start:])
    return pieces


def _people(value: str) -> str:
    names = _split_names(value)
    others = bool(names) and names[-1].lower() == "others"
    names = [_name(n) for n in names if n.lower() != "others"]
    if not names:
        return ""
    if others or len(names) > 3:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]}, {names[1]}, and {names[2]}"


def author_year(raw: dict[str, str]) -> tuple[str, str]:
    """(authors, year) as natbib prints them in the text: "Lund and Berg", "2001".

    Family names; three authors or more are "Lund et al."; no author: the
    editors, else the title.
    """
    names = _split_names(raw.get("author", "") or raw.get("editor", ""))
    others = bool(names) and names[-1].lower() == "others"  # "and others": et al.
    families = [_plain(_family(n)) for n in names if n.lower() != "others"]
    if families and (others or len(families) >= 3):
        who = f"{families[0]} et al."
    else:
        who = " and ".join(families) or _plain(raw.get("title", ""))
    year = _plain(raw.get("year", "")) or _plain(raw.get("date", ""))[:4]
    return who, year


def _family(written: str) -> str:
    """ "Lund, Alma" -> "Lund"; "Alma Lund" -> "Lund"; "{Acme Group}" stays whole."""
    parts = _top_level_commas(written)
    if len(parts) >= 2:
        return parts[0].strip()
    words: list[str] = []
    depth = 0
    for char in written.strip():
        if char.isspace() and depth == 0:
            words.append("")
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if not words:
            words.append("")
        words[-1] += char
    words = [w for w in words if w]
    return words[-1] if words else written


def render(raw: dict[str, str]) -> tuple[str, str]:
    """One entry's fields -> a note in the Chicago manner, without the final period.

    Two parts: the work (author, title, container, volume, year, pages) and
    its URL and DOI, between which a pinpoint goes.
    """
    fields = {key: _plain(value) for key, value in raw.items() if key not in ("url", "doi")}
    authors = _people(raw.get("author", ""))
    editors = _people(raw.get("editor", ""))
    title = fields.get("title", "")
    container = fields.get("journal") or fields.get("journaltitle")
    book = fields.get("booktitle")
    year = fields.get("year") or fields.get("date", "")[:4]
    who = authors or (f"{editors}, ed." if editors else "")
    pieces = [who] if who else []
    if container:
        piece = f"“{title},” {container}" if title else container
        if fields.get("volume"):
            piece += f" {fields['volume']}"
        if fields.get("number"):
            piece += f", no. {fields['number']}"
        if year:
            piece += f" ({year})"
        if fields.get("pages"):
            piece += f": {fields['pages']}"
        pieces.append(piece)
    else:
        if book:
            pieces.append(f"“{title},” in {book}" if title else book)
            if editors and authors:
                pieces.append(f"ed. {editors}")
        elif title:
            pieces.append(title)
        place = fields.get("address") or fields.get("location")
        publisher = fields.get("publisher") or fields.get("institution") or fields.get("school")
        imprint = ", ".join(p for p in (publisher, year) if p)
        if place and publisher:
            imprint = f"{place}: {imprint}"
        if imprint and pieces:
            pieces[-1] = f"{pieces[-1]} ({imprint})"
        elif imprint:
            pieces.append(imprint)
        if book and fields.get("pages"):
            pieces.append(fields["pages"])
    # URLs and DOIs are verbatim in biblatex: only their escapes are undone.
    url = _URL_ESCAPE.sub(r"\1", raw.get("url", "").strip())
    doi = _URL_ESCAPE.sub(r"\1", raw.get("doi", "").strip())
    links = [url] if url else []
    if doi:
        links.append(f"doi:{doi}")
    return ", ".join(pieces), ", ".join(links)
