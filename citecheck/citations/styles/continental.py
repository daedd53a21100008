"""French, Italian and Spanish humanities notes: imprints without parentheses.

"Michel Dupont, Titre, Paris : Seuil, 1990, p. 23", "Titolo, vol. II, Torino,
Editore, 1975, pp. 4-6", a chapter "« Titre », dans X (dir.), Livre, Lyon,
PUL, 1984, p. 61-67, ici p. 63" and a journal "« Titre », Revue, vol. 12,
n° 3, 1990, p. 45-52" / "Titolo, «Rivista», XII, 35 (1977), pp. 45-52".
The elements are cut at top-level commas and read from their shape; the
imprint ("Place : Publisher, Year" or "Place, Publisher, Year" with a
place or publisher word the reader knows) is what says a note is written so.
"""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.names import parse_authors
from citecheck.citations.styles._common import PAGE_RE, PIN_RE, elements, strip_end, year_of
from citecheck.model import CitationType, PartialDate, Person

__all__ = ["read_continental"]

# Publishing towns, in the languages the form is written in (lower case, as printed).
_PLACES = frozenset(
    [
        "paris",
        "lyon",
        "lille",
        "rennes",
        "bordeaux",
        "toulouse",
        "marseille",
        "grenoble",
        "strasbourg",
        "nancy",
        "rouen",
        "genève",
        "geneve",
        "lausanne",
        "neuchâtel",
        "bruxelles",
        "louvain",
        "louvain-la-neuve",
        "liège",
        "québec",
        "montréal",
        "torino",
        "milano",
        "roma",
        "bologna",
        "firenze",
        "napoli",
        "venezia",
        "bari",
        "padova",
        "pisa",
        "palermo",
        "genova",
        "trieste",
        "verona",
        "brescia",
        "macerata",
        "soveria",
        "bergamo",
        "madrid",
        "barcelona",
        "sevilla",
        "valencia",
        "salamanca",
        "méxico",
        "buenos",
        "lisboa",
        "coimbra",
        "porto",
        "amsterdam",
        "leiden",
        "utrecht",
        "bruges",
        "gent",
        "antwerpen",
        "bern",
        "basel",
        "wien",
        "berlin",
        "münchen",
        "leipzig",
        "göttingen",
        "tübingen",
        "frankfurt",
        "london",
        "oxford",
        "cambridge",
        "new",
        "york",
        "chicago",
        "princeton",
    ]
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:[ÉE]ditions?|Presses|Press|Verlag|Editore|Editori|Edizioni|Ediciones|Editorial|"
    r"Libreria|Librairie|Publishing|Publishers|Universitaires|University)\b"
)
_YEAR_EL_RE = re.compile(r"^(?P<y>1[5-9]\d\d|20\d\d)(?:\s*[\[(][^\])]{0,30}[\])])?\.?$")
_COLON_IMPRINT_RE = re.compile(r"^(?P<place>[A-ZÀ-Ý][^:]{1,40}?)\s*:\s*(?P<pub>[A-ZÀ-Ý].{0,80})$")
_PLACE_EL_RE = re.compile(r"^[A-ZÀ-Ý][\w'’-]+(?:[\s-][A-ZÀ-Ý(][\w'’().-]+){0,2}$")
_VOLUME_RE = re.compile(r"^(?:vol|t|tome|tomo|Bd|Band)\.?\s+(?P<v>[IVXLCDM]+|\d{1,3})\.?$")
_EDITORS_RE = re.compile(
    r"\s*\((?:dir|dirs|éd|éds|ed|eds|a cura di|coord|Hrsg)\.?\)\s*$"
    r"|^(?:a cura di|sous la direction de)\s+",
    re.IGNORECASE,
)
_DROPPED_RE = re.compile(
    r"^(?:(?:edizione\s+critica\s+)?a\s+cura\s+di|trad\.|traduit|tradotto|traducción|trans\.|"
    r"translated|préface|prefazione|introduction|introduzione|présenté|édition\s+établie|"
    r"\d+(?:e|ᵉ|re|a|ª)?\s+(?:éd|ed)\b|nouvelle\s+édition|nuova\s+edizione)",
    re.IGNORECASE,
)
_SERIES_RE = re.compile(r"^(?:coll\.|collection|collana)\s*(?P<s>.+)$", re.IGNORECASE)
_IN_RE = re.compile(r"^(?:dans|in|en)\s+(?P<rest>.+)$")
_ISSUE_RE = re.compile(r"^(?:n°|no|nº|n\.|fasc\.|Heft|núm\.)\s*(?P<n>[\w/-]{1,10})\.?$")
_ROMAN_RE = re.compile(r"^(?P<v>[IVXLC]{1,8})$")
_NUM_YEAR_RE = re.compile(r"^(?P<n>\d{1,4})\s*\((?P<y>1[5-9]\d\d|20\d\d)\)$")
_QUOTED_RE = re.compile(r"^[«“\"‘](?P<t>.+?)[»”\"’]\.?$")
_DOI_RE = re.compile(r"^(?:DOI|doi)\s*:?\s*(?P<d>10\.\S+?)\.?$")
_URL_RE = re.compile(r"^(?:URL\s*:\s*)?<?(?P<u>https?://\S+?)>?\.?$")


def _unquote(text: str) -> tuple[str, bool]:
    m = _QUOTED_RE.match(text.strip())
    return (m.group("t").strip(), True) if m else (text, False)


def _imprint(els: list[str], k: int) -> tuple[int, str | None, str] | None:
    """(first element of the imprint, place, publisher) when element ``k`` is its year."""
    if k < 1:
        return None
    before = els[k - 1]
    m = _COLON_IMPRINT_RE.match(before)
    if m and len(m.group("place").split()) <= 3 and not re.search(r"\d", before):
        return k - 1, m.group("place").strip(), m.group("pub").strip()
    if k < 2 or re.search(r"\d", before) or len(before.split()) > 6 or not before[:1].isupper():
        return None
    place = els[k - 2]
    if not _PLACE_EL_RE.match(place):
        return None
    known = place.split()[0].casefold().strip("()") in _PLACES
    if known or _PUBLISHER_WORDS.search(before):
        return k - 2, place, before
    return None


def _people(text: str) -> tuple[tuple[Person, ...], bool] | None:
    """Authors of the work; an editor's "(dir.)" or "a cura di" makes them no authors."""
    if _EDITORS_RE.search(text):
        return (), False
    if len(text.split()) > 12 or re.search(r"\d|[«“\"]", text):
        return None
    found = parse_authors(text)
    if found is None or not found[0]:
        return None
    return found


def read_continental(text: str) -> Parsed | None:
    """A continental book, chapter or journal article; None for anything else."""
    els = elements(strip_end(text))
    if len(els) < 3:
        return None
    doi = urls = None
    kept: list[str] = []
    for e in els:
        m, u = _DOI_RE.match(e), _URL_RE.match(e)
        if m:
            doi = m.group("d")
        elif u:
            urls = (u.group("u"),)
        else:
            kept.append(e)
    els = kept
    if els and not _may_end(els[-1]):
        return None  # neither reader below can end on it: the authors need not be read
    people = _people(els[0])
    start = 1 if people is not None else 0
    if people is None:
        people = ((), False)
    if start >= len(els):
        return None
    found = _book_or_chapter(els, start) or _article(els, start)
    if found is None:
        return None
    return Parsed(
        type=found.type,
        authors=people[0],
        et_al=people[1],
        title=found.title,
        container=found.container,
        volume=found.volume,
        issue=found.issue,
        pages=found.pages,
        pinpoint=found.pinpoint,
        date=found.date,
        publisher=found.publisher,
        place=found.place,
        series=found.series,
        doi=doi,
        urls=urls or (),
    )


def _tail_pages(els: list[str], i: int) -> tuple[str | None, str | None, int]:
    """Pages and pinpoint from element ``i`` on, and where they stop."""
    pages = pin = None
    while i < len(els):
        m, p = PAGE_RE.match(els[i]), PIN_RE.match(els[i])
        if m and pages is None and pin is None:
            pages = m.group("p")
        elif p:
            pin = p.group("p")
        elif re.fullmatch(r"[\dIVXLCDMivxlcdm]+(?:\s*[-–]\s*\d+)?", els[i]) and pages:
            pin = els[i]
        else:
            break
        i += 1
    return pages, pin, i


def _book_or_chapter(els: list[str], start: int) -> Parsed | None:
    years = [k for k in range(start + 1, len(els)) if _YEAR_EL_RE.match(els[k])]
    for k in years:
        imprint = _imprint(els, k)
        if imprint is None or imprint[0] <= start:
            continue
        first, place, publisher = imprint
        pages, pin, end = _tail_pages(els, k + 1)
        if end < len(els):
            return None  # something after the imprint this reader does not know
        title, quoted = _unquote(els[start])
        volume = series = container = None
        chapter = False
        body: list[str] = []
        after_volume = False
        for e in els[start + 1 : first]:
            inside = _IN_RE.match(e)
            v, s = _VOLUME_RE.match(e), _SERIES_RE.match(e)
            if inside and quoted and container is None and not chapter:
                chapter = True
                rest = inside.group("rest")
                if not _EDITORS_RE.search(rest) and not re.fullmatch(
                    r"(?:Id|Ead|Idem|Eadem)\.?", rest
                ):
                    container = _unquote(rest)[0]
            elif chapter and container is None:
                container = _unquote(e)[0]
            elif v:
                volume, after_volume = v.group("v"), True
            elif s:
                series = tidy(_unquote(s.group("s").strip())[0])
            elif _DROPPED_RE.match(e) or after_volume:
                continue
            elif not chapter and volume is None:
                body.append(e)
        if body:
            title = ", ".join([title, *body])
        year = _YEAR_EL_RE.match(els[k])
        assert year is not None
        if chapter and container:
            return Parsed(
                type=CitationType.CHAPTER,
                title=tidy(title),
                container=tidy(container),
                volume=volume,
                pages=pages,
                pinpoint=pin,
                date=PartialDate(int(year.group("y"))),
                publisher=tidy(publisher),
                place=tidy(place),
                series=series,
            )
        return Parsed(
            type=CitationType.BOOK,
            title=tidy(title),
            volume=volume,
            pinpoint=pin or pages,
            date=PartialDate(int(year.group("y"))),
            publisher=tidy(publisher),
            place=tidy(place),
            series=series,
        )
    return None


def _article(els: list[str], start: int) -> Parsed | None:
    """ "« Titre », Revue, vol. 12, n° 3, 1990, p. 45-52" or
    "Titolo, «Rivista», XII, 35 (1977), pp. 4-6"."""
    title, quoted = _unquote(els[start])
    i = start + 1
    journal: list[str] = []
    while i < len(els) and not _numbering(els[i]):
        journal.append(els[i])
        i += 1
    if not journal or i >= len(els):
        return None
    container, marked = _unquote(", ".join(journal))
    if not quoted and not marked:
        return None
    volume = issue = None
    date: PartialDate | None = None
    numbered = False
    while i < len(els):
        e = els[i]
        if m := re.match(r"^(?:vol|v|Bd|annata|a)\.\s*(?P<v>[\w-]{1,10})$", e):
            volume, numbered = m.group("v"), True
        elif m := _ISSUE_RE.match(e):
            issue, numbered = m.group("n"), True
        elif m := _ROMAN_RE.match(e):
            volume, numbered = m.group("v"), True
        elif m := _NUM_YEAR_RE.match(e):
            if volume is None:
                volume = m.group("n")
            else:
                issue = m.group("n")
            date, numbered = PartialDate(int(m.group("y"))), True
        elif y := _YEAR_EL_RE.match(e):
            date = PartialDate(int(y.group("y")))
        elif re.fullmatch(r"[^\d]{0,20}\b(?:1[5-9]\d\d|20\d\d)", e) and date is None:
            date = year_of(e)  # "printemps 1990", "mai 2015"
        else:
            break
        i += 1
    pages, pin, end = _tail_pages(els, i)
    if end < len(els) or not (numbered or pages) or (date is None and not numbered):
        return None
    return Parsed(
        type=CitationType.ARTICLE,
        title=tidy(title),
        container=tidy(container),
        volume=volume,
        issue=issue,
        pages=pages,
        pinpoint=pin,
        date=date,
    )


def _may_end(e: str) -> bool:
    """Whether a reader here can end on element ``e``: both end on their date or numbering
    (``_article``'s loop) or on pages and pinpoints (``_tail_pages``)."""
    return bool(
        _numbering(e)
        or PAGE_RE.match(e)
        or PIN_RE.match(e)
        or re.fullmatch(r"[\dIVXLCDMivxlcdm]+(?:\s*[-–]\s*\d+)?", e)
        or re.fullmatch(r"[^\d]{0,20}\b(?:1[5-9]\d\d|20\d\d)", e)
    )


def _numbering(e: str) -> bool:
    return bool(
        re.match(r"^(?:vol|v|Bd|annata|a)\.\s*[\w-]{1,10}$", e)
        or _ISSUE_RE.match(e)
        or _ROMAN_RE.match(e)
        or _NUM_YEAR_RE.match(e)
        or _YEAR_EL_RE.match(e)
    )
