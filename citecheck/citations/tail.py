"""The elements after the title: containers, volumes, pages, publishers, series.

``read_tail`` walks the top-level elements (comma-separated text and
parenthesised groups) after the title, or after the authors when nothing is
marked. Meta elements (vol./no., pages, "(Place: Publisher, Year)", series
numbers, genre words, events) are read into the draft as they come; the
plain text elements are returned in a ``Tail`` for ``assign`` to share out
between title, container and publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.citations.dates import YEAR_RE, find_dates, month_number, parse_date
from citecheck.citations.draft import Draft, tidy
from citecheck.citations.front import EDITOR_RE
from citecheck.citations.institutions import journal_like
from citecheck.citations.names import looks_corporate
from citecheck.citations.series import REPORT_CODE_RE, read_series_number
from citecheck.model import CitationType

__all__ = ["BARE_PAGES_RE", "SECTION_PAGE_RE", "Tail", "read_tail"]


_VOL_RE = re.compile(r"^(?:vol\.?|volume|v\.)\s*(?P<v>[\w.-]+)$", re.I)
_NO_RE = re.compile(r"^(?:no\.?|nos\.?|number|issue|iss\.|#)\s*(?P<n>[\w./-]+)$", re.I)
_APA_VOL_RE = re.compile(r",\s*(?P<v>\d{1,4})\s?\((?P<i>[\w/–-]{1,10})\)(?=\s*(?:[,.:]|$))")
_VOL_ISSUE_RE = re.compile(r"^(?P<v>\d{1,4})\s*\((?P<i>[\w/–-]{1,10})\)$")
_PAGES_RE = re.compile(
    r"^(?:pp?\.|pages?|at|chap\.|ch\.|chapter|§+|paras?\.|¶+|tables?|tab\.|figures?|figs?\."
    r"|charts?|annex|appendix|app\.)\s*"
    r"(?P<p>[\w–—-]+(?:\s*[-–—]\s*\w+)?(?:\s?ff?\.?)?(?:\s*nn?\.\s*\d+)?)$",
    re.I,
)
# An article number: "Article 103", "Art. no. 4", or an e-locator "e124", "aac4716"
# (only after a journal's volume, where a page would stand).
_ARTICLE_NUMBER_RE = re.compile(
    r"^(?:(?P<label>article|art\.)(?:\s*(?:no\.|number))?:?\s*(?P<n>[a-z]{0,4}\d{1,8})"
    r"|(?P<n2>e\d{1,8}|[a-z]{2,4}\d{3,8}))$",
    re.I,
)
# Locators that keep their label ("Table 39", "para. 4"): a bare number would read as a page.
_LABELLED_LOCATORS = ("para", "tab", "fig", "chart", "annex", "app")
# "45", "45–47", "xii", "45ff.", "45 n. 3": a page or range, alone in its element.
BARE_PAGES_RE = re.compile(
    r"^:?\s*(?P<p>(?:\d{1,5}|[ivxlc]{1,7})(?:\s*[-–—]\s*(?:\d{1,5}|[ivxlc]{1,7}))?"
    r"(?:\s?ff?\.?)?(?:\s*nn?\.\s*\d+)?)$"
)


# A series named before its number ("Global Economics Paper"); not "Studies"
# or "Review", which end journal names and take an issue number.
_SERIES_ENDINGS: tuple[str, ...] = (
    *("Paper", "Papers", "Report", "Reports", "Brief", "Briefs", "Series", "Notes"),
    "Memorandum",
)
_SERIES_END_RE = re.compile(r"\b(?:Papers?|Reports?|Briefs?|Series|Notes|Memorandum)$")


SECTION_PAGE_RE = re.compile(r"^(?:sec\.\s*)?[A-Z]\d{1,3}$")


_SERIES_PHRASE_RE = re.compile(
    r"(?P<s>(?:Independent\s+)?Task\s+Force\s+Report|Working\s+Paper|Policy\s+Brief|Discussion\s+Paper"
    r"|Occasional\s+Paper|Special\s+Report|Technical\s+Report|White\s+Paper|Issue\s+Brief"
    r"|Research\s+Paper|Policy\s+Paper|Staff\s+Report|Background\s+Paper|Briefing\s+Paper"
    r"|Research\s+Report|Annual\s+Report|Council\s+Special\s+Report|Policy\s+Analysis)$"
)
# A periodical, a blanked date (four spaces or more) and ": pages".
_MLA_PERIODICAL_RE = re.compile(
    r"^(?P<c>[A-Z][^:]{1,80}?)\s{4,}:\s*(?P<p>[A-Z]?\d[\w–-]*)(?:\.\s+(?:Print|Web))?\.?$"
)
_PLACE_PUB_RE = re.compile(
    r"^(?:(?P<pre>.{2,400}?)\.\s+)?(?P<place>[A-Z][A-Za-z.’' -]{1,30}?"
    r"(?:,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.))?):\s+(?P<pub>[A-Z][^:]{1,100})$"
)
# ", DC:" in "Washington, DC: Publisher": the comma is inside the place.
_REGION_COLON_RE = re.compile(r",\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.)\s*:")
_CONTAINER_VOL_RE = re.compile(r"^(?P<c>.*[A-Za-z.)’'])\s+(?P<v>\d{1,4})(?:\.(?P<i>\d{1,4}))?$")
_PUB_PAREN_RE = re.compile(
    r"^(?P<place>[^:()]{2,80}?)\s*:\s*(?P<pub>[^()]{0,160}?)(?:,\s*(?P<rest>.*))?$"
)
_EDITION_RE = re.compile(r"^(?:\d+(?:st|nd|rd|th)|rev\.?|revised|new)\s+ed(?:\.|ition)?$", re.I)
# "Washington, DC", "Ithaca, NY", "Oxford, UK", "México, D.F.": city, region.
_GENRE_RE = re.compile(
    r"(?i)^(?:(?:press|news|media)\s+release|fact\s+sheet|blog(?:\s+post)?|op-ed|editorial"
    r"|letter\s+to\s+the\s+editor|transcript|video|podcast|infographic|tweet|dataset|data\s+set"
    r"|unpublished\s+(?:manuscript|paper)|mimeo(?:graph)?|photocopy|typescript)$"
)
# "..., Report, January 2013": the word says what the work is, and names nothing.
_REPORT_GENRE_RE = re.compile(
    r"(?i)^(?:(?:research|technical|staff|special|final|interim|annual|country)\s+)?report$"
)
# "..., presentation at the Wilson Center": the event or host, not a periodical.
_EVENT_RE = re.compile(
    r"(?i)^(?:an?\s+)?(?:presentation|speech|remarks|lecture|talk|keynote(?:\s+address)?|address"
    r"|(?:conference\s+)?paper|testimony|statement|briefing|webinar|panel\s+discussion)"
    r"(?:\s+(?:given|delivered|presented|prepared|made|read))?\s+(?:at|to|before)\s+"
    r"(?P<where>[A-Za-z].{1,160})$"
)
_SPOKEN_GENRE_RE = re.compile(
    r"(?i)^(?:speech|lecture|presentation|talk|remarks|keynote(?:\s+address)?|address|testimony"
    r"|conference\s+paper)$"
)
_MEETING_RE = re.compile(
    r"\b(?:Meeting|Conference|Convention|Congress|Symposium|Workshop|Forum|Summit|Colloquium)\b"
)
# MLA's medium of publication ("... 2010. Print.") says nothing we keep.
_MEDIUM_WORDS = frozenset(("print", "web", "online", "digital", "pdf", "kindle", "cd-rom"))
_PLACE_RE = re.compile(
    r"^[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){0,2},\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.?)$"
)
_MONTH_ONLY_RE = re.compile(r"^(?P<m>[A-Z][a-z]+\.?)$")


_SERIES_START_RE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+){0,3}(?:Working|Occasional|Discussion|Policy|Research|Briefing|Special"
    r"|Technical)\s+(?:Papers?|Briefs?|Reports?)\s+Series\b"
)


# The only characters ``_elements`` acts on; every other one it passes over.
_ELEMENT_MARKS_RE = re.compile(r"[()“”\",;]")


def _elements(text: str) -> list[tuple[int, int, str]]:
    """Top-level elements of ``text``: comma-separated text and (...) groups."""
    out: list[tuple[int, int, str]] = []
    depth = 0
    quote = False
    start = 0
    paren_start = 0
    for mark in _ELEMENT_MARKS_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "(" and not quote:
            if depth == 0:
                if text[start:i].strip():
                    out.append((start, i, "text"))
                paren_start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((paren_start, i + 1, "paren"))
                start = i + 1
        elif depth:
            continue
        elif ch == "“":
            quote = True
        elif ch == "”":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch in ",;" and not quote and not (ch == "," and _REGION_COLON_RE.match(text, i)):
            # Blank stretches longer than a space are kept: they mark where
            # something (a date, a URL) was taken out.
            if text[start:i].strip() or i - start > 3:
                out.append((start, i, "text"))
            start = i + 1
    if depth:
        # An unclosed "(" (a truncated note): treat the rest as text.
        start = min(start, paren_start)
    if text[start:].strip():
        out.append((start, len(text), "text"))
    return out


@dataclass(slots=True)
class Tail:
    texts: list[str] = field(default_factory=list)
    text_before_meta: list[str] = field(default_factory=list)
    container_hint: bool = False
    book_hint: bool = False
    seen_meta: bool = False
    month_only: int | None = None
    numbers: list[str] = field(default_factory=list)
    # After "presentation at HOST": the short elements that follow are its place.
    event_place: list[str] = field(default_factory=list)
    after_event: bool = False


def _read_paren(d: Draft, inner: str, tail: Tail) -> None:
    # "(PublicAffairs 2019)" after its year was read as the date: "PublicAffairs" and blanks.
    year_blanked = d.date is not None and _BLANKED_YEAR_RE.search(inner) is not None
    inner = inner.strip()
    if not inner:
        return
    if EDITOR_RE.fullmatch(inner) or re.fullmatch(r"(?i)eds?\.?", inner):
        return  # "(ed.)": the names before it edited the work
    m = re.fullmatch(r"(?i)at\s+(?:pp?\.\s*|page\s+)?(?P<p>[\w–-]+)", inner)
    if m:
        d.pinpoint = m.group("p")
        return
    # APA "(NBER Working Paper No. 12141)", "(GAO-13-25)", "(Report No. 7)".
    # The date may already be blanked out of "(Series No. 153, 2007)".
    series_number = read_series_number(inner.rstrip(" ,;"))
    series_part, _comma, when = inner.rpartition(",")
    if series_number is None and series_part and YEAR_RE.search(when):
        # "(Goldman Sachs Global Economics Paper No. 153, 2007)".
        series_number = read_series_number(series_part.strip())
        if series_number:
            d.date = parse_date(when) or d.date
    if series_number:
        d.series, d.number = series_number
        d.report_hint = True
        return
    if REPORT_CODE_RE.match(inner) or re.fullmatch(r"(?i)report\s+no\.\s*[\w.-]+", inner):
        d.number = re.sub(r"(?i)^report\s+no\.\s*", "", inner)
        d.report_hint = True
        return
    m = _PUB_PAREN_RE.match(inner)
    if m and not re.match(r"(?i)(?:at|see|quoting|citing)\b", inner):
        d.place = tidy(m.group("place"))
        rest = m.group("rest") or ""
        pub = m.group("pub")
        if not rest and re.search(r"\d{4}", pub):
            # "(New York: Knopf 2010)": the year is glued to the publisher.
            parts = re.split(r",?\s+(?=(?:1[5-9]|20)\d\d)", pub, maxsplit=1)
            pub, rest = parts[0], parts[1] if len(parts) > 1 else ""
        d.publisher = tidy(pub)
        date = parse_date(rest)
        if date:
            d.date = date
        d.strong = True
        tail.book_hint = True
        return
    if _PLACE_RE.match(inner.rstrip(" ,")) and not find_dates(inner):
        # "(Washington, DC, 2013)" after its year was taken: a place.
        d.place = d.place or tidy(inner)
        tail.book_hint = True
        return
    m2 = _MONTH_ONLY_RE.match(inner)
    if m2 and month_number(m2.group("m")):
        tail.month_only = month_number(m2.group("m"))
        return
    dates = find_dates(inner)
    if not dates and year_blanked:
        # Bluebook books: "(PublicAffairs 2019)", "(Oxford Univ. Press 2d ed. 2015)".
        publisher = _TRAILING_EDITION_RE.sub("", inner).strip(" ,")
        if _publisher_like(publisher):
            d.publisher = d.publisher or tidy(publisher)
            tail.book_hint = True
        tail.seen_meta = True
        return
    if dates:
        before = inner[: dates[-1].start].strip(" ,")
        edition = re.fullmatch(r"(?i)(?:ed\.?|rev\.?|\d+\w*\s+ed\.?)", before)
        publisher_like = looks_corporate(before) or (
            before[:1].isupper() and len(before.split()) <= 8
        )
        if before and not edition and publisher_like:
            # "(Norton 3d ed. 2001)": the edition is no part of the publisher.
            d.publisher = d.publisher or tidy(_TRAILING_EDITION_RE.sub("", before).strip(" ,"))
            tail.book_hint = True
        if d.date is None or dates[-1].date.precision != "year" or d.date.precision == "year":
            d.date = dates[-1].date
        if dates[-1].date.precision != "year":
            tail.container_hint = True
        tail.seen_meta = True


# Bluebook's "Title PIN (YEAR)" ends the cite: no pages after the parenthesis.
# (The year itself is blanked out by then: it was read as the date.)
_ENDING_DATE_RE = re.compile(r"\s*\([^()]{0,60}\)\s*(?:[.,;]|$)(?!\s*\d)")


_BLANKED_YEAR_RE = re.compile(r"[^\s(]\s{5,}$")
_TRAILING_EDITION_RE = re.compile(r"(?i),?\s*(?:\d+(?:st|nd|rd|th|d)|rev\.?)\s+ed\.?$")


def _publisher_like(text: str) -> bool:
    """A capitalised name of a few words with no digits: "PublicAffairs", "Oxford Univ. Press"."""
    words = text.split()
    return bool(words) and text[:1].isupper() and len(words) <= 6 and not re.search(r"\d", text)


def _report_pin(container: str, after: str) -> bool:
    """Is "Words 51" before "(2014)" a title and its pinpoint, not a journal and volume?

    A journal needs a journal-like name (an abbreviation such as "J." or
    "L. Rev.", or a word like "Review"); Bluebook writes a report or book as
    "Title 51 (2014)" with nothing after the date but a URL.
    """
    if not after.lstrip().startswith("(") or not _ENDING_DATE_RE.match(after):
        return False
    return not journal_like(container)


def read_tail(d: Draft, start: int) -> Tail:
    """Read the elements after the title (or after the authors, when unmarked)."""
    tail = Tail()
    m = _APA_VOL_RE.search(d.text, start)
    if m and d.volume is None:
        # APA "Journal, 3(2), 1-10": volume and issue glued together.
        d.volume, d.issue = m.group("v"), m.group("i")
        tail.container_hint = True
        d.blank(m.start("v"), m.end())
    body = d.text[start:]
    for a, b, kind in _elements(body):
        chunk = body[a:b]
        if kind == "paren":
            _read_paren(d, chunk[1:-1], tail)
            tail.seen_meta = True
            continue
        value = chunk.strip(" .:")
        if tail.after_event and value:
            # "..., speech at CSIS, Washington, DC, ...": the place of the event.
            if len(tail.event_place) < 2 and re.fullmatch(r"[A-Z][\w.’' -]{0,40}", value):
                tail.event_place.append(value)
                d.place = ", ".join(tail.event_place)
            continue
        if not value:
            if len(chunk) > 3 and (tail.texts or d.title):
                # A blanked stretch (a date or URL taken earlier) ends the text part.
                tail.seen_meta = True
            continue
        if _VOL_RE.match(value):
            d.volume = _VOL_RE.match(value).group("v")  # type: ignore[union-attr]
            tail.container_hint = tail.seen_meta = True
            continue
        m = _NO_RE.match(value)
        if m:
            named = len(tail.texts) >= 2 or (d.title is not None and tail.texts)
            if named and d.volume is None and _SERIES_END_RE.search(tail.texts[-1]):
                # "..., Global Economics Paper, No. 66": the series and its number.
                d.series, d.number = tidy(tail.texts.pop()), m.group("n")
                tail.text_before_meta = list(tail.texts)
                d.strong = True
            else:
                tail.numbers.append(m.group("n"))
            tail.seen_meta = True
            continue
        m = _VOL_ISSUE_RE.match(value)
        if m and tail.texts:
            d.volume, d.issue = m.group("v"), m.group("i")
            tail.container_hint = tail.seen_meta = True
            continue
        m = _ARTICLE_NUMBER_RE.match(value)
        if m and d.pages is None and (m.group("label") or (tail.container_hint and tail.texts)):
            # APA "Science, 349(6251), aac4716": an article number stands where pages
            # would; it locates the article in its volume, so it is kept as its pages.
            d.pages = m.group("n") or m.group("n2")
            tail.seen_meta = True
            continue
        m = _PAGES_RE.match(value)
        if m:
            pages = m.group("p")
            label = value[: m.start("p")].strip().lower()
            if label[:1] in ("c", "§", "¶") or label.startswith(_LABELLED_LOCATORS):
                # Chapters, sections, paragraphs: the locator keeps its label.
                d.pinpoint = " ".join(value.split())
            elif (label in ("at", "p.", "page") and not re.search(r"[-–—]", pages)) or (
                tail.book_hint and d.pinpoint is None
            ):
                # A single cited page, or any locator after a book's details.
                d.pinpoint = pages
            elif d.pages is None:
                d.pages = pages
            else:
                d.pinpoint = pages
            tail.seen_meta = True
            continue
        if YEAR_RE.fullmatch(value) and not tail.seen_meta and d.title is None and tail.texts:
            # "Mexican Immigrants in the United States, 2008 (Washington ...,
            # April 15, 2009)": the dated publication's year ends its title.
            tail.texts[-1] = f"{tail.texts[-1]}, {value}"
            tail.text_before_meta = list(tail.texts)
            continue
        m = BARE_PAGES_RE.match(value)
        if m and d.container and d.volume is None and not tail.seen_meta and "-" not in value:
            # "Journal 42 (1948)" with the journal in italics: the volume.
            d.volume = m.group("p")
            tail.container_hint = tail.seen_meta = True
            continue
        if m and (tail.texts or d.title):
            pages = re.sub(r"\s*([-–—])\s*", r"\1", m.group("p"))
            after_colon = value.startswith(":") or body[max(0, a - 2) : a].strip() == ":"
            chapter_range = d.chapter and re.search(r"[-–—]", pages) and d.pages is None
            if tail.book_hint and not after_colon and d.pinpoint is None and not chapter_range:
                # "(New York: Knopf, 2004), 56–58": the pages the note cites;
                # after a chapter, a range is the chapter's own pages.
                d.pinpoint = pages
            elif re.search(r"[-–—]", pages) and d.pages is None:
                d.pages = pages
            elif d.pages is not None or d.pinpoint is None:
                d.pinpoint = pages
            tail.seen_meta = True
            continue
        if tail.seen_meta and SECTION_PAGE_RE.match(value) and d.pinpoint is None:
            # Newspaper section pages: "March 3, 2011, A1".
            d.pinpoint = value
            continue
        if re.fullmatch(r"(?i)(?:eds?|editors?|comp|trans)\.?", value):
            # "Tom Ruiz, ed., Title": the authors edited the book; nothing to keep.
            continue
        if REPORT_CODE_RE.match(value) and (tail.texts or d.title):
            d.number = value
            tail.seen_meta = True
            continue
        m = _MLA_PERIODICAL_RE.match(value) if "    :" in value else None
        if m and d.title and d.container is None:
            # MLA "New York Times 22 Mar. 2009: A1" (its date already taken).
            d.container = m.group("c")
            section = m.group("p")
            if re.search(r"[-–]", section):
                d.pages = section
            else:
                d.pinpoint = section
            tail.seen_meta = True
            continue
        m = _PLACE_PUB_RE.match(value)
        if m and (m.group("pre") or d.title) and not d.publisher:
            # "Title. London: Routledge, 1992" (bibliography books, no parentheses).
            if m.group("pre"):
                tail.texts.append(m.group("pre"))
                tail.text_before_meta = list(tail.texts)
            d.place, d.publisher = tidy(m.group("place")), tidy(m.group("pub"))
            tail.book_hint = tail.seen_meta = True
            d.strong = True
            continue
        series_number = read_series_number(value)
        if series_number:
            d.series, d.number = series_number
            tail.seen_meta = d.strong = True
            continue
        if _EDITION_RE.match(value) or value.casefold() in _MEDIUM_WORDS:
            continue
        if _REPORT_GENRE_RE.match(value) and (tail.texts or d.title):
            d.report_hint = True
            continue
        m = _EVENT_RE.match(value)
        spoken = _SPOKEN_GENRE_RE.match(value)
        if (m or spoken) and (tail.texts or d.title or d.authors):
            # "..., speech, Mexico City, April 2011": said, not printed; the
            # host (if named) and then the place follow.
            where = tidy(re.sub(r"^(?i:the)\s+", "", m.group("where"))) if m else None
            if where and _MEETING_RE.search(where):
                d.container = where
            elif where:
                d.publisher = d.publisher or where
            d.type = CitationType.PRESENTATION
            d.strong = True
            tail.after_event = tail.seen_meta = True
            if not d.title_marked:
                # "Alan Bersin, Commissioner, CBP, testimony before ...": the
                # elements before it give the speaker's post, not a title.
                tail.texts.clear()
                tail.text_before_meta = []
            continue
        if _GENRE_RE.match(value) or value.casefold() in ("and", "or", "&"):
            # "press release", "fact sheet": what kind of page, not where.
            continue
        if _SERIES_START_RE.match(value) and (tail.texts or d.title):
            d.series = value
            tail.seen_meta = True
            continue
        m = _SERIES_PHRASE_RE.search(value)
        if m and (tail.texts or d.title):
            d.series = tidy(m.group("s"))
            org = value[: m.start()].strip(" ,")
            if org:
                d.publisher = d.publisher or tidy(org)
            tail.seen_meta = True
            continue
        if (
            (tail.texts or d.title)
            and not tail.seen_meta
            and value.endswith(_SERIES_ENDINGS)
            and _SERIES_END_RE.search(value)
            and looks_corporate(value)
            and len(value.split()) <= 8
        ):
            # "Crossing Borders, Wilson Center Mexico Institute Report (...)":
            # an institution's report series, named without a number.
            d.series = value
            tail.seen_meta = d.strong = True
            continue
        m = _CONTAINER_VOL_RE.match(value)
        if m and d.date is not None and _report_pin(m.group("c"), body[b:]):
            m = None  # "Title, Subtitle 51 (2014)": the page cited, not a journal's volume
        if m and (tail.texts or d.title) and not tail.seen_meta and not month_number(m.group("c")):
            tail.texts.append(m.group("c"))
            tail.text_before_meta = list(tail.texts)
            d.volume = m.group("v")
            # MLA "Journal 37.2": volume 37, issue 2.
            d.issue = d.issue or m.group("i")
            tail.container_hint = tail.seen_meta = True
            continue
        if re.match(r"(?i)(?:ed\.|eds\.|edited|trans\.|translated)\s+(?:by\s+)?", value):
            continue
        if not tail.seen_meta:
            tail.texts.append(value)
            tail.text_before_meta = list(tail.texts)
        elif (
            (d.report_hint or d.series or d.number)
            and d.publisher is None
            and looks_corporate(value)
            and not find_dates(value)
        ):
            # "Staff Report no. 45, Federal Reserve Bank of New York" or APA
            # "(NBER Working Paper No. 12141). National Bureau of ...": the issuer.
            d.publisher = value
        elif d.container is None and not tail.texts[1:] and value[:1].isupper():
            # "Title, 2010, Reuters": a source named after the date.
            tail.texts.append(value)
    return tail
