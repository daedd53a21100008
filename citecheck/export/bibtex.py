"""Citations -> a biblatex ``.bib`` file (UTF-8, for biber), one entry per work.

Entries are built as bibtexparser v2 ``Entry`` objects and written by its
writer. bibtexparser's own LaTeX encoder is not used: it wraps or escapes
``url`` (a verbatim field) and escapes the braces that protect corporate
authors. Instead literal fields are escaped here (``& % $ # _`` and the
other specials), verbatim fields (``url``, ``doi``, ``eprint``) are written
as given, and non-ASCII text stays UTF-8, which biber reads natively.

The type and field mapping is documented in ``docs/export.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from citecheck.export.keys import keyed_works
from citecheck.export.verified import verified
from citecheck.model import ArchiveResult, Citation, CitationType, Person, Snapshot, SourceResult

__all__ = [
    "archived_copy",
    "article_number",
    "escape_literal",
    "full_range_end",
    "provider_name",
    "thesis_kind",
    "to_bibtex",
]

# biblatex entry type per citecheck type (Better BibTeX's conventions).
_ENTRY_TYPE = {
    CitationType.BOOK: "book",
    CitationType.ARTICLE: "article",
    CitationType.NEWSPAPER: "article",
    CitationType.WEBPAGE: "online",
    CitationType.REPORT: "report",
    CitationType.CHAPTER: "incollection",
    CitationType.CASE: "jurisdiction",
    CitationType.STATUTE: "legislation",
    CitationType.PRESENTATION: "unpublished",
    CitationType.OTHER: "misc",
}

# The field that names the container, per type.
_CONTAINER_FIELD = {
    CitationType.BOOK: "maintitle",
    CitationType.ARTICLE: "journaltitle",
    CitationType.NEWSPAPER: "journaltitle",
    CitationType.WEBPAGE: "organization",
    CitationType.REPORT: "maintitle",
    CitationType.CHAPTER: "booktitle",
    CitationType.CASE: "journaltitle",
    CitationType.STATUTE: "journaltitle",
    CitationType.PRESENTATION: "eventtitle",
    CitationType.OTHER: "howpublished",
}

# Providers' display names, printed by biblatex as "<eprinttype>: <link>".
_PROVIDERS = {
    "wayback": "Internet Archive",
    "ia": "Internet Archive",
    "internet archive": "Internet Archive",
    "perma": "Perma.cc",
    "perma.cc": "Perma.cc",
    "archive.today": "archive.today",
    "archive.ph": "archive.today",
    "local": "Local WARC",
    "warc": "Local WARC",
}

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")


def escape_literal(text: str) -> str:
    """Escape LaTeX's special characters in a literal (non-verbatim) field."""
    return _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group(0)], text)


def _verbatim(text: str) -> str:
    """A verbatim field's value: as given, but braces must balance, so encode them."""
    return text.replace("{", "%7B").replace("}", "%7D")


def _person(person: Person) -> str:
    if person.corporate:
        # Double braces in the output: biber takes the name as one unit.
        return "{" + escape_literal(person.family) + "}"
    family = _name_part(person.family)
    if person.given:
        return f"{family}, {_name_part(person.given)}"
    return family


def _name_part(text: str) -> str:
    """A name part, braced if a comma or a lone "and" would split it wrongly."""
    escaped = escape_literal(text)
    if "," in text or re.search(r"\band\b", text, flags=re.IGNORECASE):
        return "{" + escaped + "}"
    return escaped


def _names(citation: Citation) -> str | None:
    if not citation.authors:
        return None
    names = [_person(p) for p in citation.authors]
    if citation.et_al:
        names.append("others")
    return " and ".join(names)


def _pages(pages: str, kind: CitationType) -> str:
    """biblatex wants ranges with ``--``: "193-220", "193–220" -> "193--220".

    In statutes a hyphen is part of the page itself ("110 Stat. 3009-546"),
    so only dashes make a range there.
    """
    dashes = r"--|[–—]" if kind is CitationType.STATUTE else r"--|[-–—]"
    ranged = re.sub(rf"\s*(?:{dashes})\s*", "--", pages.strip())
    return _RANGE_RE.sub(lambda m: f"{m[1]}--{full_range_end(m[1], m[2])}", ranged)


_RANGE_RE = re.compile(r"\b(\d+)--(\d+)\b")


def full_range_end(first: str, last: str) -> str:
    """The end of an abbreviated range in full: ("101", "25") -> "125".

    Chicago shortens "101–125" to "101–25"; a reference manager reads the
    short end as page 25. An end already as long as the start is kept.
    """
    if len(last) >= len(first):
        return last
    full = first[: len(first) - len(last)] + last
    return full if int(full) > int(first) else last


def article_number(citation: Citation) -> str | None:
    """The article number standing for an article's pages ("e124", "aac4716"), else None.

    One token of letters and digits, no range: journals that number articles
    instead of paging them (PLoS "e124", Science "aac4716").
    """
    pages = (citation.pages or "").strip()
    if citation.type is not CitationType.ARTICLE:
        return None
    if re.fullmatch(r"[A-Za-z]{1,4}\d{1,8}", pages) and not re.fullmatch(r"(?i)[ivxlcdm]+", pages):
        return pages
    return None


def archived_copy(url: str | None, archives: dict[str, ArchiveResult]) -> Snapshot | None:
    """The archived copy to cite for ``url``: the snapshot nearest the citation
    date, else this run's newest capture that has a public address."""
    if url is None or url not in archives:
        return None
    result = archives[url]
    if result.cited_snapshot is not None:
        return result.cited_snapshot
    captures = [c for c in result.captures if c.archive_url]
    if not captures:
        return None
    newest = max(captures, key=lambda c: c.timestamp)
    assert newest.archive_url is not None  # filtered above; for the type checker
    return Snapshot(
        url=newest.url,
        archive_url=newest.archive_url,
        timestamp=newest.timestamp,
        provider=newest.provider,
        http_status=newest.http_status,
    )


def provider_name(provider: str) -> str:
    """How an archive provider is named in bibliographies."""
    return _PROVIDERS.get(provider.lower(), provider)


def _fields(citation: Citation, archives: dict[str, ArchiveResult]) -> list[tuple[str, str]]:
    kind = citation.type
    out: list[tuple[str, str | None]] = [("author", _names(citation))]
    lit = escape_literal
    out.append(("title", lit(citation.title) if citation.title else None))
    if kind is CitationType.NEWSPAPER:
        out.append(("entrysubtype", "newspaper"))
    container = lit(citation.container) if citation.container else None
    publisher = lit(citation.publisher) if citation.publisher else None
    series = lit(citation.series) if citation.series else None
    number = lit(citation.number) if citation.number else None
    thesis = thesis_kind(citation)
    if citation.editors:
        out.insert(1, ("editor", " and ".join(_person(p) for p in citation.editors)))
    if thesis is not None:
        # biblatex's @thesis: its type and the university as institution.
        out += [("type", thesis), ("institution", publisher), ("maintitle", container)]
        publisher = None
    elif kind is CitationType.REPORT and citation.genre != "dataset":
        # biblatex requires type and institution on @report; the series name
        # ("Global Economics Paper") is the report's type.
        corporate = next((p.family for p in citation.authors if p.corporate), None)
        institution = publisher or (lit(corporate) if corporate else None) or container
        out += [
            ("type", series or "Report"),
            ("number", number),
            ("institution", institution),
        ]
        if container and container != institution:
            out.append(("maintitle", container))
        publisher = None
        series = number = None
    else:
        out.append((_CONTAINER_FIELD[kind], container))
    if kind is CitationType.PRESENTATION:
        out.append(("type", "Presentation"))
        out.append(("howpublished", publisher))
        publisher = None
    if kind is CitationType.WEBPAGE and not container:
        out.append(("organization", publisher))
        publisher = None
    out += [
        ("volume", lit(citation.volume) if citation.volume else None),
        # biblatex's "number" is a journal's issue number.
        ("number", lit(citation.issue) if citation.issue else number),
        # An article number ("e124", "aac4716") is biblatex's eid, printed where pages are.
        ("eid", lit(eid) if (eid := article_number(citation)) else None),
        ("pages", _pages(lit(citation.pages), kind) if citation.pages and not eid else None),
        ("series", series),
        # biblatex wants the edition as a number ("2"), or literal text.
        ("edition", lit(citation.edition) if citation.edition else None),
        # A case's second reporter: biblatex has no field of its own for it.
        ("note", lit(citation.parallel) if citation.parallel else None),
    ]
    if kind in {CitationType.BOOK, CitationType.CHAPTER, CitationType.OTHER}:
        out.append(("publisher", publisher))
    elif kind in {CitationType.CASE, CitationType.STATUTE}:
        # The court or legislature, as Better BibTeX writes it.
        out.append(("institution", publisher))
    elif publisher:
        out.append(("publisher", publisher))
    out.append(("location", lit(citation.place) if citation.place else None))
    out.append(("date", citation.date.isoformat() if citation.date else None))
    url = citation.url
    out.append(("url", _verbatim(url) if url else None))
    if url and citation.accessed:
        # biblatex defines urldate only for the address in url.
        out.append(("urldate", citation.accessed.isoformat()))
    out.append(("doi", _verbatim(citation.doi) if citation.doi else None))
    snapshot = archived_copy(url, archives)
    if snapshot is not None:
        out += [
            ("eprinttype", lit(provider_name(snapshot.provider))),
            ("eprint", _verbatim(snapshot.archive_url)),
        ]
    seen: set[str] = set()
    result: list[tuple[str, str]] = []
    for name, value in out:
        if value and name not in seen:
            seen.add(name)
            result.append((name, value))
    return result


def thesis_kind(citation: Citation) -> str | None:
    """ "phdthesis" or "mathesis" when the note names a thesis, else None."""
    genre = (citation.genre or "").casefold()
    if "thesis" not in genre and "diss" not in genre:
        return None
    # "master's thesis", "MA thesis", "M.Phil. thesis"; a doctorate otherwise.
    return "mathesis" if genre.startswith("m") else "phdthesis"


def _entry_type(citation: Citation) -> str:
    if thesis_kind(citation) is not None:
        return "thesis"
    if citation.genre == "dataset":
        return "dataset"
    return _ENTRY_TYPE[citation.type]


def to_bibtex(
    citations: Sequence[Citation],
    *,
    archives: Sequence[ArchiveResult] = (),
    sources: Sequence[SourceResult] = (),
) -> str:
    """A biblatex file with one entry per cited work, keys as in ``keys``.

    ``sources``: the sources stage's results, whose verified record corrects
    what the run proved wrong (see ``verified``); the change is said in
    ``annotation``, which the standard styles do not print.
    """
    by_url = {a.url: a for a in archives}
    checked = verified(citations, sources)
    notes = {c.index: n for c, n in checked}
    library = Library()
    for key, citation in keyed_works([c for c, _ in checked]):
        entry_fields = [Field(name, value) for name, value in _fields(citation, by_url)]
        if notes[citation.index]:
            entry_fields.append(
                Field("annotation", escape_literal("; ".join(notes[citation.index])))
            )
        library.add(Entry(_entry_type(citation), key, entry_fields))
    if not library.entries:
        return ""
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent = "  "
    layout.value_column = "auto"
    layout.trailing_comma = False
    layout.block_separator = "\n"
    text: str = write_string(library, bibtex_format=layout)
    return text.rstrip("\n") + "\n"
