"""Printed lines -> running text: words broken at line ends, URLs, links.

A line that ends in a hyphen before a lower-case letter is usually a word
the typesetter broke ("Bor-" "der"); the hyphen stays where it belongs: in a
URL, before a capital ("U.S.-" "Mexico"), and in compounds the document
spells with a hyphen elsewhere ("cross-border"). A URL broken over two
lines is joined without a space, using the link annotation under it when
the PDF has one. A link whose printed text does not show its address keeps
the address: the printed URL is replaced by the annotation's when it was cut
short, and linked words get `` (address)`` after them, as the HTML and
Word readers do.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from citecheck.readers._pdf_page import Line, Run
from citecheck.readers._text import ITALIC_OFF, ITALIC_ON

__all__ = ["Joiner", "vocabulary"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_URL_START = re.compile(r"(?:https?:/{0,2}|ftp://|www\.)\S*$", re.IGNORECASE)
_URL_JOIN_AFTER = tuple("/-_=?&#%~:")
_URL_JOIN_BEFORE = tuple("/._-?&=#%~")
_URL_LIKE = re.compile(r"^(?:https?://|ftp://|www\.|doi:)|^[\w.-]+\.[a-z]{2,}/", re.IGNORECASE)


def vocabulary(lines: Iterable[Line]) -> Counter[str]:
    """How often each word (and hyphenated compound) is printed whole."""
    words: Counter[str] = Counter()
    for line in lines:
        text = line.text
        # The last word may be broken; it does not count.
        cut = text.rstrip().rfind(" ")
        for match in _WORD.finditer(text, 0, max(cut, 0)):
            words[match.group(0).lower()] += 1
    return words


class Joiner:
    """Text joined from lines, with the spans each link annotation and italic face covers."""

    def __init__(self, words: Counter[str], *, hyphenates: bool = True) -> None:
        self.words = words
        self.hyphenates = hyphenates
        self.parts: list[str] = []
        self.size = 0
        self.links: list[tuple[int, int, str]] = []  # start, end, uri
        self.italics: list[tuple[int, int]] = []  # start, end

    def text(self) -> str:
        return "".join(self.parts)

    def append(self, text: str, uri: str | None = None, *, italic: bool = False) -> None:
        if not text:
            return
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        if italic:
            if self.italics and self.italics[-1][1] == start:
                self.italics[-1] = (self.italics[-1][0], self.size)
            else:
                self.italics.append((start, self.size))
        if uri is None:
            return
        if self.links and self.links[-1][2] == uri and self.links[-1][1] >= start - 1:
            self.links[-1] = (self.links[-1][0], self.size, uri)
        else:
            self.links.append((start, self.size, uri))

    def runs(self, runs: list[Run]) -> None:
        for run in runs:
            self.append(run.text, run.uri, italic=run.italic)

    def line_break(self, previous: Line, following: list[Run], newline: str) -> None:
        """Join the text so far to the next line: nothing, a space or ``newline``."""
        before = self.text().rstrip(" ")
        if len(before) < self.size:
            self._truncate(len(before))
        if not following:
            self.append(newline)
            return
        after = following[0].text.lstrip()
        last_run = previous.runs[-1] if previous.runs else None
        tail_match = _URL_START.search(before[-300:])
        if tail_match is not None:
            same_link = (
                last_run is not None
                and last_run.uri is not None
                and following[0].uri == last_run.uri
            )
            if same_link or before.endswith(_URL_JOIN_AFTER) or after.startswith(_URL_JOIN_BEFORE):
                return  # the URL goes on
        if (
            before.endswith("-")
            and len(before) >= 2
            and not before[-2].isspace()
            and after[:1].isalnum()
        ):
            if (
                before[-2].isalpha()
                and after[:1].isalpha()
                and not self._keep_hyphen(before, after)
            ):
                self._truncate(len(before) - 1)
            return
        if before.endswith(("—", "–", "/")) and after[:1].isalnum():
            return  # a line broken after a dash or slash goes on without a space
        self.append(newline)

    def _keep_hyphen(self, before: str, after: str) -> bool:
        head = re.search(r"[\w.'’-]*-$", before)
        first = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
        tail = re.match(r"[A-Za-z'’]+", after)
        second = tail.group(0) if tail else ""
        if not after[:1].islower():
            return True  # "U.S.-" "Mexico", "Afro-" "Caribbean"
        if head is not None and head.group(0).count("-") > 1:
            return True  # "state-of-" "the-art"
        word = re.sub(r"^\W+", "", first)
        compound = f"{word}-{second}".lower()
        whole = f"{word}{second}".lower()
        if self.words.get(compound, 0) != self.words.get(whole, 0):
            return self.words.get(compound, 0) > self.words.get(whole, 0)
        if re.search(r"[\d.]", word):
            return True
        # No evidence either way: typesetters that hyphenate (TeX) break words,
        # the others (word processors, browsers) only break at real hyphens.
        return not self.hyphenates

    def _truncate(self, size: int) -> None:
        text = self.text()[:size]
        self.parts = [text]
        self.size = size
        self.links = [(s, min(e, size), u) for s, e, u in self.links if s < size]
        self.italics = [(s, min(e, size)) for s, e in self.italics if s < size]

    def with_addresses(self, *, italics: bool = False) -> str:
        """The text, each link's address shown (replacing a cut printed URL).

        With ``italics``, the italic spans are marked (``_text.ITALIC_ON`` and
        ``ITALIC_OFF``); an address put in is never italic.
        """
        text = self.text()
        marks = sorted(
            (at, mark)
            for start, end in (self.italics if italics else ())
            for at, mark in ((start, ITALIC_ON), (end, ITALIC_OFF))
        )

        def copy(start: int, end: int) -> str:
            # text[start:end] with the marks that fall in it (one at the very end too).
            inside = [(at, m) for at, m in marks if start <= at < end or at == end == len(text)]
            if not inside:
                return text[start:end]
            pieces, at = [], start
            for where, mark in inside:
                pieces += [text[at:where], mark]
                at = where
            return "".join(pieces) + text[at:end]

        out: list[str] = []
        position = 0
        for start, end, uri in self.links:
            end = start + len(text[start:end].rstrip())
            shown = text[start:end]
            if start < position:
                continue
            bare = re.sub(r"\s+", "", shown).rstrip(".,;)")
            visible = _loose(bare)
            target = _loose(uri)
            if target and target in _loose(text):
                continue  # printed whole somewhere in the note
            if not uri.lower().startswith(("http", "ftp", "www.", "mailto:", "doi:")):
                continue  # an internal or odd link: its text is enough
            out.append(copy(position, start))
            if _URL_LIKE.search(bare) and visible and (target.startswith(visible[:12])):
                trail = shown[len(shown.rstrip(".,;)")) :]
                out.append(uri + trail)
            else:
                out.append(f"{copy(start, end)}{ITALIC_OFF if italics else ''} ({uri})")
            position = end
        out.append(copy(position, len(text)))
        return "".join(out)


def _loose(url: str) -> str:
    """A URL without scheme, ``www.``, case and a closing slash, for comparing."""
    url = re.sub(r"^(?:https?|ftp)://", "", url.strip(), flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE)
    return url.rstrip("/").lower()
