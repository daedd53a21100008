"""Titles, containers and publishers from the plain text elements.

``assign_texts`` shares the text elements ``tail`` left out between title,
container and publisher (and a corporate author, a Bluebook book page);
``apa_sentences`` reads APA's "Title. Publisher." after the date;
``title_year`` dates an undated report by the year its title opens with.
"""

from __future__ import annotations

import re

from citecheck.citations.dates import YEAR_RE
from citecheck.citations.draft import Draft, tidy
from citecheck.citations.finish import NEWSPAPER_RE, PUBLISHER_RE, TITLE_EDITION_RE
from citecheck.citations.front import sentence_end
from citecheck.citations.names import looks_corporate
from citecheck.citations.tail import BARE_PAGES_RE, SECTION_PAGE_RE, Tail
from citecheck.model import PartialDate, Person

__all__ = ["apa_sentences", "assign_texts", "title_year"]


def _split_sentence(text: str) -> tuple[str, str] | None:
    """ "Title. Container" -> (title, container) at the last sentence end."""
    last = -1
    pos = 0
    while True:
        i = sentence_end(text, pos)
        if i < 0:
            break
        last = i
        pos = i + 1
    if last <= 0 or last >= len(text) - 2:
        return None
    return text[:last], text[last + 1 :]


def _last_sentence_end(text: str) -> int:
    """Index of the last full stop that ends a sentence ("ed.)." counts), or -1."""
    last = -1
    for m in _STOP_SPACE_RE.finditer(text):
        i = m.start()
        if text.count("(", 0, i) != text.count(")", 0, i):
            continue  # inside parentheses
        if text[i - 1 : i] == ")" or sentence_end(text[: i + 1], max(0, i - 1)) == i:
            last = i
    return last


_STOP_SPACE_RE = re.compile(r"\.(?= )")


def apa_sentences(d: Draft, start: int) -> None:
    """APA after "(2010).": "Title. Publisher." or "Title. Newspaper, A1."

    The title is sentence case, so commas inside it are common ("Mexico,
    the United States, and the road ahead"); the last sentence names the
    publisher or the periodical. Journals (volume and pages) are left to the
    general reader.
    """
    body = d.text[start:].rstrip(" .")
    cut = _last_sentence_end(body)
    if cut <= 0:
        return
    title, second = body[:cut], body[cut + 1 :].strip()
    if not second or ":" in second or "(" in TITLE_EDITION_RE.sub("", title):
        return
    first, _comma, rest = second.partition(",")
    if not any(ch.isdigit() for ch in second) and (
        PUBLISHER_RE.search(second) or looks_corporate(second)
    ):
        if d.urls and not PUBLISHER_RE.search(second):
            # "Title. Migration Policy Institute. <url>": the site it is on.
            d.title, d.container = title, second
        else:
            d.title, d.publisher = title, second
        d.blank(start, start + len(body))
        d.strong = True
    elif (
        NEWSPAPER_RE.search(first)
        and d.date is not None
        and d.date.precision == "day"
        and len(rest.split()) <= 2
    ):
        d.title, d.container = title, first.strip()
        section = rest.strip()
        if section and (SECTION_PAGE_RE.match(section) or BARE_PAGES_RE.match(section)):
            d.pinpoint = section
        d.blank(start, start + len(body))
        d.strong = True


def title_year(d: Draft) -> None:
    """ "The 2014 Quadrennial Review": the title's year dates an undated report.

    The title itself stays as written, "The" included.
    """
    if not d.title:
        return
    m = re.match(r"^\s*(?:The\s+|the\s+)?((?:1[5-9]|20)\d\d)\s+[A-Z]", d.title)
    if m and d.date is None:
        d.date = PartialDate(int(m.group(1)))


def assign_texts(d: Draft, tail: Tail) -> None:
    texts = [t for t in tail.text_before_meta or tail.texts if t.strip()]
    if tail.month_only and d.date is not None and d.date.month is None:
        d.date = PartialDate(d.date.year, tail.month_only)
    numbers = tail.numbers
    container_hint = tail.container_hint or bool(d.volume or d.issue or d.pages)
    if d.date is not None and d.date.precision != "year":
        container_hint = True
    if d.urls and len(texts) >= 2 and d.title is None:
        # "Title, Site or Publisher, <url>": the last element names the site.
        container_hint = True
    if (
        len(texts) >= 2
        and d.publisher is None
        and not (d.volume or d.issue or d.pages)
        and (d.date is None or d.date.precision == "year")
        and (
            PUBLISHER_RE.search(texts[-1])
            or (looks_corporate(texts[-1]) and d.authors and d.date is not None)
        )
    ):
        # "Title, Brookings Institution Press, 2012" or "Title, Wilson Center,
        # 2008": who published it, not a periodical it appeared in.
        d.publisher = texts.pop()
        tail.book_hint = True
    elif len(texts) == 1 and d.title is None and d.publisher is None and not container_hint:
        split = _split_sentence(texts[0])
        if split and PUBLISHER_RE.search(split[1]) and len(split[1].split()) <= 5:
            # MLA "Border Lines. Penguin, 2010".
            texts = [split[0]]
            d.publisher = split[1]
            tail.book_hint = True
    if d.title is None and d.container is not None:
        # The container came from a Bluebook or eyecite match: the rest is title.
        d.title = ", ".join(texts) or None
    elif d.title is None:
        if not texts:
            pass
        elif len(texts) == 1 or tail.book_hint or not container_hint:
            title = ", ".join(texts) if (tail.book_hint or not container_hint) else texts[0]
            if container_hint and d.container is None and not tail.book_hint:
                split = _split_sentence(title)
                if split:
                    title, d.container = split
            d.title = title
        else:
            *front, last = texts
            split = _split_sentence(last)
            if split:
                front.append(split[0])
                last = split[1]
            d.title = ", ".join(front)
            if d.container is None:
                d.container = last
    elif texts and d.container is None:
        first = texts[0]
        d.container = first
    # A corporate name where a container would be, with nothing that makes it
    # a periodical, is the author ("..., U.S. Drug Enforcement Administration, <url>").
    if (
        d.container
        and not d.authors
        and not (d.volume or d.issue or d.pages)
        and looks_corporate(d.container)
        and d.container.strip()[:1].isupper()
        and not NEWSPAPER_RE.search(d.container)
    ):
        d.authors = (Person(family=tidy(d.container) or d.container, corporate=True),)
        d.container = None
    title_year(d)
    m = re.match(r"^(?P<t>.*\D)\s+(?P<p>\d{1,4}(?:[-–]\d{1,4})?)$", d.title or "")
    if (
        m
        and not d.container
        and d.pinpoint is None
        and d.date is not None
        # "Title 8 (PublicAffairs 2019)": Bluebook names no place, Chicago does.
        and (not d.publisher or (tail.book_hint and not d.place))
        and not YEAR_RE.fullmatch(m.group("p"))
        and not YEAR_RE.match(m.group("p"))  # "Programa ... 2014-2018": a span of years
    ):
        # Bluebook books: "World Order 12 (2014)", the page before the year.
        d.title, d.pinpoint = m.group("t"), m.group("p")
    for n in numbers:
        if d.series and d.number is None:
            d.number = n
        elif d.container and d.issue is None:
            d.issue = n
        elif d.number is None:
            d.number = n
