"""Content drift: has the live page moved away from the copy near the citation date?

Reference copy A is the chosen Wayback capture, fetched in ``id_`` mode
(``{wayback_web}/web/{timestamp}id_/{url}``) so no Wayback rewriting is mixed
in; B is today's page. Cheapest first (the research note's recipe):

1. bytes: the SHA-1 (base32) of B's payload equal to the CDX ``digest``, or
   equal bodies, means unchanged without reading a word;
2. text: both sides boilerplate-stripped (script, style, nav, header,
   footer, aside, form ... and ARIA landmarks of the same kinds removed with
   BeautifulSoup), normalised (NFKC, casefold, whitespace collapsed; digits
   kept, dates and sums matter); equal texts are unchanged;
3. measures on the words: ``J`` Jaccard of word 5-shingles, ``C`` cosine of
   term frequencies (common English function words left out, or every page
   in English would look alike), ``H`` Hamming distance of 64-bit simhashes
   of word 3-shingles, ``R`` rapidfuzz token-set ratio, ``T`` cosine of the
   titles;
4. classes, checked in this order:

   ========== ============================================================
   unchanged  the same extracted text (only markup or boilerplate moved)
   replaced   ``C < 0.12``, or ``J < 0.04`` with ``C < 0.95``, or
              ``T < 0.3`` with ``C < 0.5`` (off-topic, parked, hijacked)
   minor      ``J >= 0.60`` or ``C >= 0.95``, or a near-duplicate
              (``H <= 3`` and ``J >= 0.90``): dates, counters, one figure
   major      anything else
   ========== ============================================================

The research note puts near-duplicates under "unchanged"; here they are
"minor", because one changed figure in one sentence (650 miles -> 700
miles) is a near-duplicate by simhash and still matters to a citation.

The evidence string gives every figure and a short sample of the first
change. Anything that cannot be compared (a side not fetched, not text) is
``unknown`` with the reason.
"""

from __future__ import annotations

import asyncio
import base64
import difflib
import hashlib
import math
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup
from rapidfuzz import fuzz

from citecheck.archive.session import Session
from citecheck.archive.throttle import Unreachable
from citecheck.archive.warc import LivePage
from citecheck.archive.wayback import original_of, replay_url, snapshot_stamp
from citecheck.model import Drift, Snapshot

__all__ = ["Measures", "PageText", "classify", "compare_pages", "extract_text", "measure_drift"]

_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
)
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_WORD = re.compile(r"\w+")
# Function words carry no topic; left in, they push the cosine of any two
# English pages towards 0.5 and hide a replaced page.
_STOP_WORDS = """a about above after again against all am an and any are as at be because been
    before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your yours"""
_STOP = frozenset(_STOP_WORDS.split())
_SAMPLE_WORDS = 12
_CONTEXT_WORDS = 4


@dataclass(frozen=True, slots=True)
class PageText:
    """What a page says once boilerplate and markup are gone."""

    title: str
    text: str

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(_WORD.findall(self.text))


@dataclass(frozen=True, slots=True)
class Measures:
    """Similarity figures, each in [0, 1] with 1 meaning identical (``simhash`` in bits)."""

    jaccard: float
    cosine: float
    simhash: int
    token_set: float
    title: float | None
    words_old: int
    words_new: int


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def extract_text(body: bytes, content_type: str) -> PageText | None:
    """Title and main text of an HTML or plain-text body; None for anything else."""
    kind = content_type.split(";")[0].strip().lower()
    charset = _charset(content_type)
    if kind in {"text/plain", "text/markdown"}:
        return PageText("", _normalise(body.decode(charset or "utf-8", "replace")))
    looks_html = body.lstrip()[:1] == b"<"
    if kind not in {"text/html", "application/xhtml+xml"} and not (kind == "" and looks_html):
        return None
    with warnings.catch_warnings():
        # bs4 warns about odd inputs (XML-looking HTML, text like a URL);
        # the page is what it is and the warning says nothing to the user.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(body, "lxml", from_encoding=charset)
    title = soup.title.get_text(" ") if soup.title else ""
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True, attrs={"role": True}):
        if not getattr(tag, "decomposed", False) and str(tag.get("role", "")).lower() in (
            _BOILERPLATE_ROLES
        ):
            tag.decompose()
    if soup.head is not None:
        soup.head.decompose()
    return PageText(_normalise(title), _normalise(soup.get_text(" ")))


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _shingles(words: Sequence[str], size: int) -> set[tuple[str, ...]]:
    if not words:
        return set()
    size = min(size, len(words))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _jaccard(old: Sequence[str], new: Sequence[str]) -> float:
    a, b = _shingles(old, 5), _shingles(new, 5)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _cosine(old: Sequence[str], new: Sequence[str]) -> float:
    a = Counter(word for word in old if word not in _STOP)
    b = Counter(word for word in new if word not in _STOP)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items())
    return dot / (
        math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    )


def _simhash(words: Sequence[str]) -> int:
    """Charikar's 64-bit simhash over word 3-shingles."""
    weights = [0] * 64
    for shingle in _shingles(words, 3):
        value = int.from_bytes(
            hashlib.blake2b(" ".join(shingle).encode(), digest_size=8).digest(), "big"
        )
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def measure(old: PageText, new: PageText) -> Measures:
    """Every figure of the module docstring for two extracted pages."""
    a, b = old.words, new.words
    title = _cosine(_WORD.findall(old.title), _WORD.findall(new.title))
    return Measures(
        jaccard=_jaccard(a, b),
        cosine=_cosine(a, b),
        simhash=bin(_simhash(a) ^ _simhash(b)).count("1"),
        token_set=fuzz.token_set_ratio(old.text[:200_000], new.text[:200_000]) / 100.0,
        title=title if old.title and new.title else None,
        words_old=len(a),
        words_new=len(b),
    )


def classify(m: Measures) -> Drift:
    """The class of the module docstring's table for texts that differ."""
    if (
        m.cosine < 0.12
        or (m.jaccard < 0.04 and m.cosine < 0.95)
        or (m.title is not None and m.title < 0.3 and m.cosine < 0.5)
    ):
        return Drift.REPLACED
    near_duplicate = m.simhash <= 3 and m.jaccard >= 0.90
    if near_duplicate or m.jaccard >= 0.60 or m.cosine >= 0.95:
        return Drift.MINOR
    return Drift.MAJOR


def _sample(old: Sequence[str], new: Sequence[str]) -> str:
    """The first change, a few tokens each side, with a little context before it."""
    matcher = difflib.SequenceMatcher(None, old[:5000], new[:5000], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        lead = " ".join(old[max(0, i1 - _CONTEXT_WORDS) : i1])
        lead = f"{'… ' if i1 > _CONTEXT_WORDS else ''}{lead} " if lead else ""
        parts = []
        for side, start, stop in (("was", i1, i2), ("now", j1, j2)):
            words = (old if side == "was" else new)[start : min(stop, start + _SAMPLE_WORDS)]
            more = " …" if stop - start > _SAMPLE_WORDS else ""
            parts.append(f"{side} «{lead}{' '.join(words)}{more}»" if words else f"{side} «»")
        return "; ".join(parts)
    return ""


def compare_pages(
    old_body: bytes, old_type: str, new_body: bytes, new_type: str
) -> tuple[Drift, str]:
    """The drift class from the archived copy (old) to today's page (new), with evidence."""
    if old_body == new_body:
        return Drift.UNCHANGED, "byte-identical"
    old = extract_text(old_body, old_type)
    new = extract_text(new_body, new_type)
    if old is None or new is None:
        kinds = f"{old_type or 'unknown'} / {new_type or 'unknown'}"
        return Drift.UNKNOWN, f"cannot compare: not HTML or text ({kinds})"
    if old.text == new.text:
        return Drift.UNCHANGED, "same text; only markup or boilerplate changed"
    m = measure(old, new)
    figures = (
        f"jaccard={m.jaccard:.2f} cosine={m.cosine:.2f} simhash={m.simhash}/64 "
        f"token_set={m.token_set:.2f} title={'n/a' if m.title is None else f'{m.title:.2f}'} "
        f"words={m.words_old}->{m.words_new}"
    )
    if min(m.words_old, m.words_new) < 20:
        figures += " (short text: figures are rough)"
    # Whitespace tokens for the sample: people read «3.9», not «3 9».
    sample = _sample(old.text.split(), new.text.split())
    return classify(m), figures + (f"; first change: {sample}" if sample else "")


async def measure_drift(
    session: Session, snapshot: Snapshot, digest: str, live: LivePage
) -> tuple[Drift, str]:
    """Compare the snapshot's original bytes with today's page; never raises."""
    final = live.final
    if digest and not final.truncated:
        sha1 = base64.b32encode(hashlib.sha1(final.raw_body).digest()).decode()
        if sha1 == digest.removeprefix("sha1:"):
            return Drift.UNCHANGED, "byte-identical (SHA-1 of today's page equals the CDX digest)"
    if final.status != 200:
        return Drift.UNKNOWN, f"today's page answered HTTP {final.status}"
    url = replay_url(
        session.settings.wayback_web, snapshot_stamp(snapshot), original_of(snapshot), flag="id_"
    )
    try:
        response = await session.service("replay").send(
            session.client, "GET", url, follow_redirects=True
        )
    except Unreachable as error:
        return Drift.UNKNOWN, f"archived copy not fetched: wayback unreachable: {error}"
    if response.status_code != 200:
        return (
            Drift.UNKNOWN,
            f"archived copy not fetched: replay answered HTTP {response.status_code}",
        )
    archived = response.content[: session.limits.max_body]
    # A long page takes a second or two to compare: keep the event loop free.
    drift, evidence = await asyncio.to_thread(
        compare_pages,
        archived,
        response.headers.get("content-type", ""),
        live.body,
        live.content_type,
    )
    return drift, f"{evidence} (against {snapshot.archive_url})"
