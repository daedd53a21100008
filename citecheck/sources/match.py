"""Is this record the cited work, and where does the citation differ from it?

Search-based matching with validation (Crossref's SBMV): the index ranks
candidates, and a candidate is accepted only when the citation's own fields
agree with it. The title must be close (rapidfuzz, after folding case,
diacritics, "&"/"and" and punctuation; a citation that omits the subtitle
is compared with the main title); then the other fields both sides give
(first author's family name, year, container, volume, first page, ISBN)
must agree more than they differ. A title twin by other authors in another
year and journal is therefore no match, while a citation with one wrong
field still finds its work, and the wrong field is reported.

Harmless differences are not mismatches: a subtitle left out, "&" for
"and", journal abbreviations ("J. Am. Chem. Soc.", "Harv. L. Rev."),
a first page where the record has a range, diacritics, and a cited year
equal to any year of the record (online or print). An author's name matched
only as 90 % alike ("Nissenbuam" for Nissenbaum) is reported as spelt
otherwise; transliterations ("Mueller"/"Müller") and initials are not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.model import Citation, CitationType, Person, WorkRecord

__all__ = [
    "AUTHOR_ORDER",
    "Verdict",
    "aligned",
    "author_field",
    "author_index",
    "cited_first_page",
    "cited_isbn",
    "compare",
    "misspelt",
    "normal",
    "same_author",
    "same_container",
    "same_initials",
    "title_similarity",
    "title_testable",
    "validate",
]

TITLE_ACCEPT = 90.0  # the title of a match
TITLE_SAME_WORK = 75.0  # below this a cited DOI points at another work
_OTHER_WORK = 3  # this many differing fields make a title twin another work
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L"})
_STOP = {"the", "of", "and", "for", "in", "on", "a", "an", "de", "la", "und", "fur", "der"}
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx])\b")


def normal(text: str | None) -> str:
    """Case, diacritics, "&", quotes and punctuation folded away; single spaces."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.replace("&", " and ")
    folded = re.sub(r"<[^>]+>", " ", folded)  # Crossref titles may carry JATS tags
    folded = re.sub(r"[^\w\s]", " ", folded)
    return " ".join(folded.split())


def _main_title(title: str) -> str:
    return re.split(r"[:?.!]\s|\s[-\u2013\u2014]\s", title, maxsplit=1)[0]


def title_similarity(cited: str | None, record: WorkRecord) -> float:
    """0-100: how alike the cited title is to the record's, subtitles allowed to be left out."""
    if not cited or not record.title:
        return 0.0
    mine = normal(cited)
    full = record.title if not record.subtitle else f"{record.title}: {record.subtitle}"
    candidates = {normal(full), normal(record.title), normal(_main_title(record.title))}
    mine_main = normal(_main_title(cited))
    best = 0.0
    for theirs in candidates:
        if not theirs:
            continue
        best = max(best, fuzz.ratio(mine, theirs), fuzz.ratio(mine_main, theirs))
    return float(best)


def _family(name: str) -> str:
    return normal(name)


def same_author(cited: str, record_name: str) -> bool:
    """Does the cited family name name this record author (family or display name)?"""
    mine, theirs = _family(cited), _family(record_name)
    if not mine or not theirs:
        return False
    if _named(mine, theirs) or fuzz.ratio(mine, theirs) >= 90:
        return True
    # A display name's family name, as alike as a family name must be.
    tail = " ".join(theirs.split()[-len(mine.split()) :])
    return tail != theirs and fuzz.ratio(mine, tail) >= 90


def _named(mine: str, theirs: str) -> bool:
    """The same name, not merely a similar one (folded names)."""
    if mine == theirs:
        return True
    # OpenAlex gives display names ("Samuel D. Warren"); particles ("van", "de") vary.
    words = theirs.split()
    return mine in words or " ".join(words[-len(mine.split()) :]) == mine or theirs in mine.split()


# German and Nordic transliterations: "Mueller" is how "Müller" is spelt without the umlaut.
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _spelling(name: str) -> str:
    """A name with diacritics, transliterations ("ue" for "ü") and punctuation folded."""
    return re.sub(r"([aou])e", r"\1", normal(name.translate(_TRANSLIT)))


def misspelt(cited: str, record_name: str) -> bool:
    """The cited name is the record author's, but spelt otherwise ("Nissenbuam").

    Matching takes a name 90 % alike (``same_author``); the difference is still
    worth saying. Not a difference: case, diacritics ("Muller"/"Müller"),
    transliterations ("Mueller"/"Müller"), punctuation and spacing ("O'Neil",
    "ONeil"), a display name's given names and initials ("N. M. Richards").
    """
    if not same_author(cited, record_name):
        return False
    mine, theirs = _spelling(cited), _spelling(record_name)
    if not mine or _named(mine, theirs):
        return False
    return not theirs.replace(" ", "").endswith(mine.replace(" ", ""))


def _abbreviates(short: str, full: str) -> bool:
    """ "j am chem soc" abbreviates "journal of the american chemical society"."""
    # A lone letter is an initial ("U.S.A."), not the article "a".
    shorts = [w for w in short.split() if w not in _STOP or len(w) == 1]
    fulls = [w for w in full.split() if w not in _STOP]
    if not shorts or len(shorts) != len(fulls):
        return False
    for abbreviation, word in zip(shorts, fulls, strict=True):
        if abbreviation[0] != word[0]:
            return False
        rest = iter(word[1:])
        if not all(letter in rest for letter in abbreviation[1:]):
            return False
    return True


def same_container(cited: str, containers: tuple[str, ...]) -> bool:
    """The cited journal or book is one of the record's, spelled out or abbreviated."""
    mine = normal(cited)
    for container in containers:
        theirs = normal(container)
        if not mine or not theirs:
            continue
        if mine == theirs or fuzz.ratio(mine, theirs) >= 90:
            return True
        if _abbreviates(mine, theirs) or _abbreviates(theirs, mine):
            return True
        acronym = "".join(w[0] for w in theirs.split() if w not in _STOP)
        if mine.replace(" ", "") == acronym and len(acronym) >= 3:
            return True
    return False


def _container_agrees(citation: Citation, record: WorkRecord) -> bool:
    assert citation.container is not None
    if same_container(citation.container, record.containers):
        return True
    # A parser may cut an abbreviated journal in two at its first ". " ("... of
    # enamides. J. Am. Chem" + "Soc"): put the title's tail back before judging.
    title = citation.title or ""
    main = _main_title(title)
    tail = title[len(main) :].lstrip(":?.!-\u2013\u2014 ")
    return bool(tail) and same_container(f"{tail} {citation.container}", record.containers)


def cited_first_page(citation: Citation) -> str | None:
    if not citation.pages:
        return None
    head = re.split(r"[-\u2013\u2014,]", citation.pages, maxsplit=1)[0].strip()
    return head or None


def cited_isbn(citation: Citation) -> str | None:
    found = _ISBN.search(citation.raw)
    return re.sub(r"[-\s]", "", found.group(1)).upper() if found else None


def _same_number(a: str, b: str) -> bool:
    return normal(a).lstrip("0") == normal(b).lstrip("0")


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a record compares with a citation."""

    title: float
    agree: tuple[str, ...]
    differ: tuple[tuple[str, str, str], ...]  # (field, cited, record)
    compatible: bool = True  # the record is the kind of work cited (no review for a book)
    # Authors that match but are spelt otherwise (field, cited, record): reported
    # with ``differ``, never counted against the match.
    spelling: tuple[tuple[str, str, str], ...] = ()
    # The record's authors named in another order: ("author order", cited, record).
    order: tuple[tuple[str, str, str], ...] = ()

    @property
    def mismatches(self) -> tuple[tuple[str, str, str], ...]:
        """What to report: the fields that differ, the names spelt otherwise, the order."""
        return self.differ + self.spelling + self.order

    @property
    def accepted(self) -> bool:
        if self.title < TITLE_ACCEPT or not self.compatible:
            return False
        if len(self.differ) >= _OTHER_WORK:
            return False  # the same title, but another work
        if not self.agree and not self.differ:
            return self.title >= 97.0
        return len(self.agree) >= 1 and len(self.agree) >= len(self.differ)


def compare(citation: Citation, record: WorkRecord) -> Verdict:
    """Field by field: what agrees and what differs (only fields both sides give)."""
    agree: list[str] = []
    differ: list[tuple[str, str, str]] = []

    def judge(field: str, same: bool, cited: str, theirs: str) -> None:
        if same:
            agree.append(field)
        else:
            differ.append((field, cited, theirs))

    people = [p for p in citation.authors if not p.corporate]
    # Authors are compared as a set: a cited author is any record author it names.
    pairs = aligned([p.family for p in people], record.authors)
    places = [j for _, j in pairs]
    swapped = places != sorted(places)
    if people and record.authors:
        # The first author named among the record's in another order: the order
        # differs (said apart), not the author. Named later with none swapped, the
        # citation left the record's first author out: that one differs.
        where = next((j for i, j in pairs if i == 0), None)
        named = where == 0 or (where is not None and swapped)
        judge("first author", named, people[0].family, record.authors[0])
    if citation.date is not None and record.years:
        judge("year", citation.date.year in record.years, str(citation.date.year),
              " or ".join(str(y) for y in sorted(set(record.years))))  # fmt: skip
    if citation.container and record.containers:
        judge("container", _container_agrees(citation, record),
              citation.container, record.containers[0])  # fmt: skip
    if citation.volume and record.volume:
        judge("volume", _same_number(citation.volume, record.volume),
              citation.volume, record.volume)  # fmt: skip
    if citation.issue and record.issue:
        judge("issue", _same_number(citation.issue, record.issue), citation.issue, record.issue)
    first = cited_first_page(citation)
    if first and record.first_page:
        judge("first page", _same_number(first, record.first_page), first, record.first_page)
    isbn = cited_isbn(citation)
    if isbn and record.isbns:
        judge("ISBN", isbn in {i.upper() for i in record.isbns}, isbn, record.isbns[0])
    # The note's own text is the last word over a parse that went wrong: a field
    # whose record value the note gives somewhere is not reported as different,
    # and a field the parser missed counts for the match when the note gives it.
    said = _RawNote(citation.raw)
    differ = [d for d in differ if d[0] == "first author" or not said.gives(d[0], record)]
    if not people and record.authors and said.names(record.authors[0]):
        agree.append("first author")
    if citation.date is None and record.years and said.gives("year", record):
        agree.append("year")
    for field, cited, value in (
        ("volume", citation.volume, record.volume),
        ("first page", first, record.first_page),
    ):
        if not cited and value and said.gives(field, record):
            agree.append(field)
    spelling = [
        (author_field(i), people[i].family, record.authors[j])
        for i, j in pairs
        if misspelt(people[i].family, record.authors[j]) and not said.names(record.authors[j])
    ]
    order: list[tuple[str, str, str]] = []
    if swapped:
        order.append(
            (
                AUTHOR_ORDER,
                ", ".join(people[i].family for i, _ in pairs),
                ", ".join(record.authors[j] for j in sorted(places)),
            )
        )
    title = max(title_similarity(citation.title, record), said.title_score(record))
    return Verdict(
        title,
        tuple(agree),
        tuple(differ),
        compatible(citation, record),
        tuple(spelling),
        tuple(order),
    )


_AUTHOR_FIELDS = ("first author", "second author", "third author")
AUTHOR_ORDER = "author order"


def author_field(index: int) -> str:
    """The name of the cited author at ``index`` as a mismatch's field ("second author")."""
    return _AUTHOR_FIELDS[index] if index < len(_AUTHOR_FIELDS) else f"author {index + 1}"


def author_index(field: str) -> int | None:
    """The inverse of ``author_field``; None for a field that is no author."""
    if field in _AUTHOR_FIELDS:
        return _AUTHOR_FIELDS.index(field)
    found = re.fullmatch(r"author (\d+)", field)
    return int(found.group(1)) - 1 if found else None


def aligned(cited: Sequence[str], record: Sequence[str]) -> list[tuple[int, int]]:
    """(cited index, record index) of each cited family name that names a record author,
    each record author taken once: the one in the same place first, then one named
    exactly, then the first as alike as ``same_author`` asks."""
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, family in enumerate(cited):
        free = [j for j in range(len(record)) if j not in taken]
        alike = [j for j in free if same_author(family, record[j])]
        if not alike:
            continue
        exact = [j for j in alike if _named(_family(family), _family(record[j]))]
        j = i if i in alike else (exact or alike)[0]
        taken.add(j)
        pairs.append((i, j))
    return pairs


def same_initials(cited: Person, record_name: str) -> bool:
    """The cited person and the record's name (a family or display name) begin alike:
    the family name's first letter, and the given names' initials where both give them."""
    family, theirs = _spelling(cited.family), _spelling(record_name).split()
    if not family or not theirs:
        return False
    tail = theirs[-len(family.split()) :]
    if family[0] != tail[0][0]:
        return False
    given = [w[0] for w in normal(cited.given or "").split()]
    record_given = [w[0] for w in theirs[: -len(family.split())]]
    if given and record_given:
        return given[: len(record_given)] == record_given[: len(given)]
    return True


# Index types by what they are, across Crossref's and OpenAlex's vocabularies.
_ARTICLES = {"journal-article", "article", "review", "letter", "editorial"}
_BOOKS = {"book", "edited-book", "monograph", "reference-book", "book-set"}
_CHAPTERS = {"book-chapter", "book-section", "book-part"}


def compatible(citation: Citation, record: WorkRecord) -> bool:
    """Is the record the kind of work the citation describes?

    A citation naming a publisher or place and no journal is a book or a
    report: never a journal article (a book review is titled like the book).
    A chapter ("in ..., ed. ...") is no book, a book no chapter, and a
    journal article no dataset or book.
    """
    kind = (record.kind or "").lower()
    if not kind:
        return True
    journal = bool(citation.container or citation.volume or citation.issue)
    published = bool(citation.publisher or citation.place)
    if citation.type is CitationType.CHAPTER:
        return kind not in _BOOKS and kind not in _ARTICLES
    if (published or citation.type is CitationType.REPORT) and not journal:
        return kind not in _ARTICLES and kind not in _CHAPTERS
    if citation.type is CitationType.ARTICLE and journal:
        return kind not in _BOOKS and kind not in {"dataset", "component"}
    return True


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DAY_OF_DATE = re.compile(rf"\b\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b", re.IGNORECASE)


def title_testable(record: WorkRecord) -> bool:
    """Is the record's title long enough to look for in a note's text?"""
    if not record.title:
        return False
    full = record.title if not record.subtitle else f"{record.title}: {record.subtitle}"
    return max(len(normal(_main_title(record.title))), len(normal(full))) >= 20


class _RawNote:
    """The note as written, folded, with URLs and DOIs taken out (their digits are no year)."""

    def __init__(self, raw: str) -> None:
        text = re.sub(
            r"\S*(?:https?://|doi:|10\.\d{4,}/|www\.|\.org/|\.com/)\S*", " ", raw, flags=re.I
        )
        # The day of a date ("2 Mar. 2024", "May 6, 2010") is no volume or page.
        text = _DAY_OF_DATE.sub(" ", text)
        self.text = f" {normal(text)} "

    def _has(self, phrase: str) -> bool:
        folded = normal(phrase)
        return bool(folded) and f" {folded} " in self.text

    def names(self, author: str) -> bool:
        words = normal(author).split()
        return bool(words) and self._has(words[-1])

    def gives(self, field: str, record: WorkRecord) -> bool:
        if field == "year":
            return any(self._has(str(year)) for year in record.years)
        if field == "container":
            return any(self._has(c) for c in record.containers if len(normal(c)) >= 4)
        value = {"volume": record.volume, "issue": record.issue, "first page": record.first_page}
        found = value.get(field)
        return bool(found) and self._has(str(found))

    def title_score(self, record: WorkRecord) -> float:
        """How well the record's (main) title is found inside the note: 0-100."""
        if not record.title:
            return 0.0
        full = record.title if not record.subtitle else f"{record.title}: {record.subtitle}"
        best = 0.0
        for title in {normal(_main_title(record.title)), normal(full)}:
            if len(title) >= 20:  # short titles ("Introduction") are found in too many notes
                best = max(best, float(fuzz.partial_ratio(title, self.text)))
        return best


def validate(citation: Citation, candidates: tuple[WorkRecord, ...]) -> WorkRecord | None:
    """The best candidate the citation's own fields confirm, or None (no match)."""
    best: tuple[float, WorkRecord] | None = None
    for record in candidates:
        verdict = compare(citation, record)
        if not verdict.accepted:
            continue
        rank = verdict.title + 10.0 * (len(verdict.agree) - len(verdict.differ))
        if best is None or rank > best[0]:
            best = (rank, record)
    return None if best is None else best[1]
