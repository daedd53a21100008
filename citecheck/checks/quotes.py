"""Quotations against the fetched source text.

Text quoted in a note, or in the body sentence a note supports, is looked
up in the page text the link checker fetched for that note's URLs:

1. Normalise both sides: NFKC, curly to straight quotes, dashes, case,
   whitespace, punctuation.
2. Ellipses ("...", "…", ". . .") split the quote into pieces that must
   appear in order; [bracketed] text is an editorial change and matches
   anything short (up to 20 characters).
3. An exact match is fine. Otherwise rapidfuzz aligns each missing piece
   with its closest window in the source; a close match (>= 85/100) is an
   altered quotation, and a change in a number, a scale word or a negation
   ("not", "never", "no") inside it is an error; no close match at all is
   "not found".

Quotes shorter than four words are too common to prove anything, and
quotes that are a cited work's title are titles, not quotations. With no
page text there is nothing to compare, and nothing is said.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from citecheck.checks.catalogue import ALTERED, CRITICAL, NOT_FOUND
from citecheck.checks.rules import one_line, raise_finding
from citecheck.config import CheckSettings
from citecheck.model import (
    CheckRun,
    Citation,
    Finding,
    LinkResult,
    LinkStatus,
    Location,
)

if TYPE_CHECKING:
    from citecheck.checks.passages import Passage

__all__ = ["check_quotes"]

_QUOTED = re.compile(r"“(?P<a>[^”]{10,1200})”|\"(?P<b>[^\"]{10,1200})\"")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
# "one" is left out: "one of imagination", "no one" are seldom counts, and a
# changed count ("one in five" for "two in five") still shows the other word.
_CRITICAL_WORD = re.compile(
    r"^(?:\$?\d[\d,.]*%?|not|never|no|nor|none|neither|without|n't|cannot|"
    r"hundred|thousand|million|billion|trillion|percent|more|less|fewer|most|least|"
    r"increase[ds]?|decrease[ds]?|half|twice|double[ds]?|triple[ds]?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|first|second|third|fourth|fifth|tenth)$"
)
_MIN_WORDS = 4
_FUZZY_CUTOFF = 85.0


def check_quotes(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Quotations in notes and their claims, checked against fetched page text."""
    del passages, settings
    texts: dict[str, LinkResult] = {}
    for link in run.links:
        if link.page_text and link.status in {LinkStatus.ALIVE, LinkStatus.REDIRECTED}:
            texts[link.url] = link
            if link.final_url:
                texts[link.final_url] = link
    if not texts:
        return
    by_note: dict[tuple[str, str], list[Citation]] = {}
    for citation in run.citations:
        by_note.setdefault((citation.location.path, citation.note), []).append(citation)
    for footnote in run.footnotes:
        # Citations carry their note's location, so the note's own path joins them.
        citations = by_note.get((footnote.location.path, footnote.label), [])
        fetched = [(c, texts[u]) for c in citations for u in c.urls if u in texts]
        if not fetched:
            continue
        titles = [c.title for c in citations if c.title] + [
            c.container for c in citations if c.container
        ]
        quoted = [(q, footnote.location) for q in _quotes(footnote.text) if not _title_shaped(q)]
        claim_location = footnote.marker or footnote.location
        quoted += [(q, claim_location) for q in _quotes(footnote.claim)]
        if not quoted:
            continue  # no page need be normalised (most notes quote nothing)
        normalised = [_normal(link.page_text or "") for _, link in fetched]
        # "Not found" needs a page that is the cited work, not a paywall
        # teaser or a landing page: its title or the cited title must show.
        is_the_work = any(_is_the_work(c, link) for c, link in fetched)
        for quote, location in quoted:
            if _is_title(quote, titles):
                continue
            finding = _verify(
                quote, normalised, location, footnote.label, report_missing=is_the_work
            )
            if finding is not None:
                yield finding


def _is_the_work(citation: Citation, link: LinkResult) -> bool:
    title = citation.title
    if not title or len(_normal(title)) < 6:
        return False
    if link.page_title and fuzz.token_set_ratio(_normal(title), _normal(link.page_title)) >= 60:
        return True
    head = _normal((link.page_text or "")[:5000])
    return fuzz.partial_ratio(_normal(title), head) >= 90


def _quotes(text: str) -> list[str]:
    found = []
    for match in _QUOTED.finditer(text):
        quote = (match.group("a") or match.group("b") or "").strip()
        if len(re.findall(r"\w+", quote)) >= _MIN_WORDS:
            found.append(quote)
    return found


def _title_shaped(quote: str) -> bool:
    """“Lines and Flows: The Beginning and End of Borders,” in a note is a title.

    Chicago-style notes put article titles in quotes, ending in a comma, with
    most words capitalised; the parser may not have caught it as the title.
    """
    if not quote.rstrip().endswith(","):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", quote) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _is_title(quote: str, titles: list[str]) -> bool:
    bare = _normal(quote)
    return any(fuzz.ratio(bare, _normal(t)) >= 90 for t in titles)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[‘’‚‛`´]", "'", text)
    text = re.sub(r"[“”„‟]", '"', text)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 -> 1000 on both sides
    text = re.sub(r"[^\w\s$%.'\[\]-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)  # keep decimal points only
    return re.sub(r"\s+", " ", text).strip()


def _pieces(quote: str) -> list[str]:
    return [p.strip() for p in _ELLIPSIS.split(quote) if len(re.findall(r"\w+", p)) >= 1]


def _pattern(piece: str) -> re.Pattern[str]:
    """A piece as a regex: [bracketed] text matches any short stretch."""
    parts = re.split(r"\[[^\]]*\]", _normal(piece))
    escaped = [re.escape(p.strip()).replace(r"\ ", r"\s*") for p in parts]
    return re.compile(r".{0,20}?".join(escaped))


def _verify(
    quote: str, sources: list[str], location: Location, note: str, *, report_missing: bool
) -> Finding | None:
    pieces = _pieces(quote)
    if not pieces:
        return None
    best_missing: tuple[float, str, str] | None = None
    for source in sources:
        missing = _missing_piece(pieces, source)
        if missing is None:
            return None  # every piece found, in order, in this source
        piece = missing
        bare = re.sub(r"\[[^\]]*\]", " ", _normal(piece)).strip()
        if len(bare) < 8:
            return None  # too short to prove anything either way
        alignment = fuzz.partial_ratio_alignment(bare, source, score_cutoff=60)
        if alignment is None:
            candidate = (0.0, piece, "")
        else:
            window = source[alignment.dest_start : alignment.dest_end]
            candidate = (alignment.score, piece, _widen(source, alignment.dest_start, window))
        if best_missing is None or candidate[0] > best_missing[0]:
            best_missing = candidate
    assert best_missing is not None
    score, piece, window = best_missing
    shown = one_line(quote)
    if score < _FUZZY_CUTOFF or not window:
        if not report_missing:
            return None  # cannot tell: the fetched page may not be the cited text
        message = (
            f"“{_clip(shown)}” was not found in the cited source"
            f"{'s' if len(sources) > 1 else ''} (closest match {score:.0f}/100). "
            "Check the wording and the source."
        )
        return raise_finding(NOT_FOUND, message, location, note=note, evidence=shown)
    removed, added = _diff(_normal(piece), window)
    changes = f"quote has {_words(removed)}, source has {_words(added)}"
    critical = [w for w in (*removed, *added) if _CRITICAL_WORD.match(w)]
    if critical:
        message = (
            f"“{_clip(shown)}” changes a number or negation of the source ({changes}; "
            f"source reads “{_clip(window)}”). Quote the source exactly."
        )
        return raise_finding(CRITICAL, message, location, note=note, evidence=shown)
    message = (
        f"“{_clip(shown)}” differs from the source ({changes}; source reads “{_clip(window)}”). "
        "Quote exactly, or mark changes with [brackets] and omissions with an ellipsis."
    )
    return raise_finding(ALTERED, message, location, note=note, evidence=shown)


def _missing_piece(pieces: list[str], source: str) -> str | None:
    """The first piece not found (in order) in ``source``; None when all are."""
    cursor = 0
    for piece in pieces:
        bare = re.sub(r"\[[^\]]*\]", "", _normal(piece)).strip()
        if len(bare) < 3:
            continue
        match = _pattern(piece).search(source, cursor)
        if match is None:
            return piece
        cursor = match.end()
    return None


def _widen(source: str, start: int, window: str) -> str:
    """The aligned window grown to whole words."""
    left = source.rfind(" ", 0, start) + 1
    end = start + len(window)
    right = source.find(" ", end)
    return source[left : right if right != -1 else len(source)].strip()


def _diff(quote: str, window: str) -> tuple[list[str], list[str]]:
    quote_words = re.sub(r"\[[^\]]*\]", " ", quote).split()
    source_words = window.split()
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=quote_words, b=source_words, autojunk=False)
    opcodes = matcher.get_opcodes()
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        # The window's ragged edges are alignment slack, not edits.
        at_edge = (a0 == 0 or a1 == len(quote_words)) and tag == "insert"
        if at_edge:
            continue
        removed.extend(quote_words[a0:a1])
        added.extend(source_words[b0:b1])
    return removed, added


def _words(words: list[str]) -> str:
    return "“" + " ".join(words) + "”" if words else "nothing"


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
