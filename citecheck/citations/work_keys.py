"""How two citations are told to be one work: folded titles, title likeness,
signatures of authors, title, container and reporter, and short-title shapes
(split out of ``resolve``, which walks the manuscript with them)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from citecheck.model import Citation, CitationType

__all__ = [
    "CO_AUTHORS",
    "SHORT_TITLE_LIKENESS",
    "TITLE_LOOKBACK",
    "Signature",
    "as_pinpoint",
    "fold_text",
    "looks_short_title",
    "reporter_cites",
    "same_titled",
    "title_key",
    "title_match",
]

# How alike two titles must be (0-100) to be the same work or a short title.
_SAME_TITLE = 92.0
SHORT_TITLE_LIKENESS = 85.0
# A supra naming a title, not an author, is looked for this far back.
TITLE_LOOKBACK = 500


@lru_cache(maxsize=65536)
def fold_text(text: str | None) -> str:
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_WORD_RE.sub("", plain.casefold().replace("-", " ")).strip()


_NON_WORD_RE = re.compile(r"[^a-z0-9 ]+")
# Where a second author starts: "Roe and Doe", "Roe & Doe", "Roe et al.".
CO_AUTHORS = re.compile(r"\s+(?:and|&)\s+|\s+et\s+al\b")


def _first_page(pages: str | None) -> str:
    return re.split(r"[-–—]", pages or "")[0].strip()


_REPORT_RE = re.compile(r"(?P<v>\d{1,4})\s+(?P<r>.+?)\s+(?P<p>\d{1,5})")


def reporter_cites(c: Citation) -> list[tuple[str, str, str]]:
    """A full case's (reporter, volume, first page) keys: its own, then its parallel one."""
    if c.type is not CitationType.CASE or c.short_form is not None:
        return []
    out = []
    if c.container and c.volume and c.pages:
        out.append((fold_text(c.container), c.volume, _first_page(c.pages)))
    m = _REPORT_RE.fullmatch(c.parallel or "")
    if m:
        out.append((fold_text(m.group("r")), m.group("v"), m.group("p")))
    return out


@dataclass(frozen=True, slots=True)
class Signature:
    """What two citations are compared on, folded once."""

    families: tuple[str, ...]
    title: str
    container: str
    volume: str
    first_page: str
    url: str

    @classmethod
    def of(cls, c: Citation) -> Signature:
        return cls(
            tuple(fold_text(p.family) for p in c.authors),
            fold_text(c.title),
            fold_text(c.container),
            c.volume or "",
            _first_page(c.pages),
            c.urls[0] if c.urls else "",
        )

    @property
    def block(self) -> tuple[str, str]:
        """Only citations in the same block can be the same titled work.

        The block is the first author and the first two words that matter:
        the same work cited twice, even without its subtitle, keeps them.
        """
        words = [w for w in self.title.split() if w not in ("the", "a", "an")]
        return (self.families[0] if self.families else "", " ".join(words[:2]))


def same_titled(a: Signature, b: Signature) -> bool:
    if a.families and b.families and a.families[0] != b.families[0]:
        return False
    if fuzz.ratio(a.title, b.title) < _SAME_TITLE and not _main_title_of(a, b):
        return False
    if a.container and b.container:
        return bool(fuzz.ratio(a.container, b.container) >= 80)
    return True


def _main_title_of(a: Signature, b: Signature) -> bool:
    """By the same author, one title is the other without its subtitle.

    "World Order" and "World Order: Reflections on ..." cited in full twice
    are one work; the titles are folded, so the colon is gone and the test is
    on words.
    """
    if not (a.families and b.families):
        return False
    short, long = sorted((a.title.split(), b.title.split()), key=len)
    return len(short) >= 2 and long[: len(short)] == short


def looks_short_title(citation: Citation) -> bool:
    """Family names, a title and at most a pinpoint: "Kissinger, World Order, 12."."""
    if citation.short_form is not None or not citation.title or len(citation.authors) > 3:
        return False
    if any(person.given for person in citation.authors):
        return False
    rest = (
        citation.container,
        citation.volume,
        citation.issue,
        citation.date,
        citation.publisher,
        citation.place,
        citation.series,
        citation.number,
        citation.doi,
    )
    return all(v is None for v in rest) and not citation.urls


def as_pinpoint(citation: Citation) -> Citation:
    """A short title's "160–61" was read as the work's pages; it is the pages cited."""
    if citation.pages is None or citation.pinpoint is not None:
        return citation
    return replace(citation, pinpoint=citation.pages, pages=None)


def title_key(title: str | None) -> str:
    """The first word that matters, for finding titles a short title may start."""
    words = [w for w in fold_text(title).split() if w not in ("the", "a", "an")]
    return words[0] if words else ""


def title_match(short: str, full: str, *, inner: bool = False) -> float:
    """How well ``short`` names ``full`` (0-100): as its start, or with ``inner`` (the
    author already matched) as a run of two or more of its words anywhere ("Water
    Treaty" for "The 1944 Water Treaty and the Politics of Scarcity")."""
    a, b = fold_text(short), fold_text(full)
    if not a or not b:
        return 0.0
    if b.startswith(a):
        return 100.0
    if inner and len(a.split()) >= 2 and f" {a} " in f" {b} ":
        return 100.0
    # Compare the short title with the same-length start of the full title.
    return float(fuzz.ratio(a, b[: len(a) + 3]))
