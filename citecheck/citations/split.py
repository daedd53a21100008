"""One note's text -> the pieces that may each cite one work, with signals.

A note is cleaned first (markup tags dropped, ``*italics*`` remembered as
spans, whitespace collapsed), then cut at top-level semicolons and before
sentences that open with a signal ("... remain. See also ..."). A semicolon
inside parentheses, quotation marks, an italic title or a URL is not a cut.

Each piece keeps the signal it opened with (``signals`` reads it, and cuts
off prose lead-ins such as "This concept is examined in detail in:"), so
only the cited work is left; pieces that are pure prose are dropped later by
the field parser, which knows what a citation looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.citations.prose_leadin import prose_leadin
from citecheck.citations.signals import find_leadin, read_signal

__all__ = ["Cleaned", "Piece", "clean_note", "split_cleaned", "split_note"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A note in plain text, with the italic spans its markup had."""

    text: str
    italics: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a note that may cite one work.

    ``text`` has the signal and any lead-in removed; ``raw`` is the stretch
    as written (signal included). ``italics`` are relative to ``text``.
    """

    text: str
    raw: str
    signal: str | None
    italics: tuple[Span, ...] = ()
    leadin: bool = False


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------

_URL_CORE = r"(?:https?://|www\.)[^\s<>\"“”]+"
_TOKEN_RE = re.compile(
    rf"""
    (?=[<hw*\\\s])  # every token starts with one of these: skip the rest fast
    (?:
    (?P<aurl><{_URL_CORE}>)
  | (?P<url>{_URL_CORE})
  | (?P<ital></?(?:i|em|cite|var)>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{{0,200}})?/?>)
  | (?P<star>\*{{1,3}})
  | (?P<ws>\s{{2,}}|[^\S ])
  | (?P<esc>\\[\\`*_{{}}\[\]()\#+\-.!$&])
    )
    """,
    re.VERBOSE,
)


_MARKUP_CHARS = ("<", "*", "\\", "  ")


def clean_note(text: str) -> Cleaned:
    """Drop markup, keep URLs (with their angle brackets) and italic spans."""
    if text.isprintable() and not any(c in text for c in _MARKUP_CHARS):
        # Nothing to drop: no tag, star or escape, no whitespace but single
        # spaces (``isprintable`` is False for every other kind).
        return Cleaned(text.rstrip())
    return _clean_markup(text)


def _clean_markup(text: str) -> Cleaned:
    out: list[str] = []
    length = 0
    italics: list[Span] = []
    open_at: int | None = None
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        if m.start() > pos:
            chunk = text[pos : m.start()]
            out.append(chunk)
            length += len(chunk)
        pos = m.end()
        kind = m.lastgroup
        if kind in ("aurl", "url"):
            chunk = m.group()
            out.append(chunk)
            length += len(chunk)
        elif kind in ("ital", "star"):
            closing = kind == "ital" and m.group().startswith("</")
            if open_at is None and not closing:
                open_at = length
            elif open_at is not None:
                if length > open_at:
                    italics.append((open_at, length))
                open_at = None
        elif kind == "ws":
            if length and not (out and out[-1].endswith(" ")):
                out.append(" ")
                length += 1
        elif kind == "esc":
            out.append(m.group()[1])
            length += 1
        # Other tags (<sup>, <span ...>) vanish; their text stays.
    if pos < len(text):
        out.append(text[pos:])
    joined = "".join(out)
    stripped = joined.rstrip()
    return Cleaned(stripped, tuple((a, min(b, len(stripped))) for a, b in italics))


# --------------------------------------------------------------------------
# Where cuts may not fall
# --------------------------------------------------------------------------

_URL_RE = re.compile(rf"<{_URL_CORE}>|{_URL_CORE}")


_BRACKETS_RE = re.compile(r"[()\[\]“”\"]")


def _protected(cleaned: Cleaned) -> bytearray:
    """1 where a cut must not fall: inside (), [], quotes, italics, URLs."""
    text = cleaned.text
    mask = bytearray(len(text))
    for m in _URL_RE.finditer(text):
        # Trailing punctuation ends the sentence, not the URL ("...x.org/a;").
        end = m.start() + len(m.group().rstrip(".,;:!?)'’”"))
        mask[m.start() : end] = b"\x01" * (end - m.start())
    for a, b in cleaned.italics:
        mask[a:b] = b"\x01" * (b - a)
    depth = 0
    start: int | None = None
    # Straight quotes toggle; curly quotes open and close. An unclosed quote
    # protects nothing, so one stray mark cannot swallow the rest of a note.
    quote_open: int | None = None
    for m in _BRACKETS_RE.finditer(text):
        i = m.start()
        ch = m.group()
        if ch in "([":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0 and start is not None:
                mask[start : i + 1] = b"\x01" * (i + 1 - start)
        elif ch == "“" or (ch == '"' and quote_open is None):
            quote_open = i
        elif (ch == "”" or ch == '"') and quote_open is not None:
            mask[quote_open : i + 1] = b"\x01" * (i + 1 - quote_open)
            quote_open = None
    return mask


# --------------------------------------------------------------------------
# Cuts
# --------------------------------------------------------------------------

# Sentence-opening signals where a new piece starts ("... 2010. See also X").
# "(Austin: UT Press, 2005). Ann Lee, ...": a new work after a closed citation.
_NEXT_WORK_RE = re.compile(
    r"(?<=[)\d])\.\s+(?=[A-Z][\w’'-]+(?:\s(?:[A-Z][\w.’'-]*|de|la|van|von)){0,3},\s)"
)
# "(New York: Penguin, 2014), 12. Kissinger argues that ...": prose after a
# citation starts a piece of its own (which the field parser then drops).
_PROSE_AFTER_RE = re.compile(
    r"(?<=[)\d])\.\s+(?=(?!(?:Retrieved|Available|Accessed|Archived|Last|Reprinted|Originally"
    r"|Translated|Cited|Quoted|Print|Web|Online)\b)[A-Z][a-z]+\s+[a-z])"
)
# "..., Border Review 3 (2004): 1–9, and Mary Major, “Fences,” ...": after a
# citation that ends in a page or a closing parenthesis, ", and" then a name
# and a quoted or italic title is a second work, not a second author.
_AND_NEXT_WORK_RE = re.compile(
    r"(?<=[)\d]),?\s+and\s+(?=[A-Z][\w’'-]+(?:\s(?:[A-Z][\w.’'-]*|de|la|van|von)){0,3},\s+(?P<title>\S))"
)
# "R v Roe, [1999] 1 SCR 1 at para 3, and R v Doe, ..." / "... AIR 1973 SC 1 and, on
# article 21, Doe v State ...": a second case joined by "and" in prose.
_AND_NEXT_CASE_RE = re.compile(
    r"(?<=[)\d]),?\s+and,?\s+(?:on\s[^,;()]{1,40},\s+)?(?=(?:[A-Z][\w.’'()-]*\s){1,6}v\.?\s[A-Z])"
)
# "(quoting Terry v. Ohio, 392 U.S. 1 (1968); citing ...)": a Bluebook
# parenthetical that cites more works; each is a piece of its own.
_CITING_PAREN_RE = re.compile(r"\s*\((?=(?:quoting|citing|cited\s+in)\s)")
_CITING_WORD_RE = re.compile(r"\s*(?:quoting|citing|cited\s+in)\s+")
_SIGNAL_SENTENCE_RE = re.compile(
    r"(?<=[.!?”\"])\s+(?=(?:See|Cf\.|Compare|But see|But cf\.|Accord|Contra|E\.\s?g\.)\b)"
)


def _first_evidence(text: str, italics: tuple[Span, ...]) -> int:
    """Where the first quoted title, italic span or URL begins (or the end)."""
    first = len(text)
    m = re.search(r"[“\"]|<?(?:https?://|www\.)", text)
    if m:
        first = m.start()
    for a, _b in italics:
        first = min(first, a)
    return first


# Strings every match contains: the patterns are searched only in notes that
# have them (most notes hold one work and none of these).
_SIGNAL_WORDS = ("See", "Cf.", "Compare", "But ", "Accord", "Contra", "E.")
_STOP_THEN_CAPITAL_RE = re.compile(r"[)\d]\.\s+[A-Z]")  # _NEXT_WORK_RE, _PROSE_AFTER_RE


# Vancouver/AMA keep a semicolon inside one reference: "2019;12(3):45" and
# "[cited 2020 Jan 5];12:45" (journal), "City: Publisher; 2019." (imprint).
_VANCOUVER_GROUP_RE = re.compile(r"[\d\]];\d")
# "[dataset]. Zenodo; 2020." (a distributor with no place) likewise.
_VANCOUVER_IMPRINT_RE = re.compile(r"(?::|\]\.)\s[A-Z][^;:.()]{1,60};\s(?:19|20)\d\d\b")


def _inside_reference(text: str, i: int) -> bool:
    if _VANCOUVER_GROUP_RE.match(text, i - 1):
        return True
    head = max(0, i - 64)
    return any(m.end() > i for m in _VANCOUVER_IMPRINT_RE.finditer(text, head, i + 7))


def _semicolon_spans(text: str, mask: bytearray, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    i = text.find(";", start, end)
    while i >= 0:
        if not mask[i] and not _inside_reference(text, i):
            spans.append((start, i))
            start = i + 1
        i = text.find(";", i + 1, end)
    spans.append((start, end))
    return spans


def _citing_parentheticals(text: str, mask: bytearray) -> tuple[list[Span], bytearray]:
    """Cut "(quoting A; citing B)" out of the citation it explains.

    Returns the stretches to split further and a mask in which the works
    inside the parenthetical are no longer protected (their own semicolons,
    quotes and italics still are).
    """
    if "(quoting " not in text and "(citing " not in text and "(cited in " not in text:
        return [(0, len(text))], mask
    inner_mask = bytearray(mask)
    stretches: list[Span] = []
    start = 0
    for m in _CITING_PAREN_RE.finditer(text):
        opening = m.end() - 1
        if m.start() < start or text.count("(", 0, opening) != text.count(")", 0, opening):
            continue  # inside another parenthetical: it belongs to that one
        close = _closing(text, opening)
        if close is None:
            continue
        inner = _protected(Cleaned(text[opening + 1 : close]))
        inner_mask[opening + 1 : close] = inner
        stretches.append((start, opening))
        stretches.append((opening + 1, close))
        start = close + 1
    stretches.append((start, len(text)))
    return stretches, inner_mask


def _closing(text: str, opening: int) -> int | None:
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _cuts(text: str, mask: bytearray) -> list[Span]:
    stretches, mask = _citing_parentheticals(text, mask)
    spans: list[Span] = []
    for a, b in stretches:
        for x, y in _semicolon_spans(text, mask, a, b):
            word = _CITING_WORD_RE.match(text, x, y)
            spans.append((word.end() if word else x, y))
    signals = any(word in text for word in _SIGNAL_WORDS)
    stops = _STOP_THEN_CAPITAL_RE.search(text) is not None
    out: list[Span] = []
    for a, b in spans:
        sub_start = a
        cuts: list[re.Match[str]] = []
        if signals:
            cuts += [m for m in _SIGNAL_SENTENCE_RE.finditer(text, a, b) if not mask[m.start()]]
        if "and" in text and " v" in text:
            cuts += [
                m
                for m in _AND_NEXT_CASE_RE.finditer(text, a, b)
                if not mask[m.start()] and _next_work(text, sub_start, m)
            ]
        if " and " in text:
            cuts += [
                m
                for m in _AND_NEXT_WORK_RE.finditer(text, a, b)
                if not mask[m.start()]
                and _next_work(text, sub_start, m)
                and _titled(text, mask, m.start("title"))
            ]
        if stops:
            cuts += [
                m
                for m in _NEXT_WORK_RE.finditer(text, a, b)
                if not mask[m.start()] and _next_work(text, sub_start, m)
            ]
            # Prose after a citation is cut off, unless it gives a URL: "The full
            # text is at <url>" still belongs to the work before it.
            cuts += [
                m
                for m in _PROSE_AFTER_RE.finditer(text, a, b)
                if not mask[m.start()]
                and _next_work(text, sub_start, m)
                and not _URL_RE.search(text, m.end(), b)
            ]
        for m in sorted(cuts, key=lambda m: m.start()):
            if m.start() < sub_start:
                continue
            out.append((sub_start, m.start()))
            sub_start = m.end()
        out.append((sub_start, b))
    return out


def _titled(text: str, mask: bytearray, at: int) -> bool:
    """Does a quoted or italic title open at ``at`` (a full citation follows)?"""
    return text[at] in '“"' or (mask[at] == 1 and text[at - 1 : at] == " " and text[at].isupper())


def _next_work(text: str, start: int, m: re.Match[str]) -> bool:
    """Does a full stop end one citation and start another ("... 2011). Jones, ...")?"""
    before = text[start : m.start()]
    # Not after APA's "Smith, J. (2010)." (the title follows), and only after
    # something long enough to be a citation of its own.
    return len(before) > 40 and not re.search(r"^\S[^()]{0,80}\((?:1[5-9]|20)\d\d[a-z]?\)$", before)


def _make_piece(cleaned: Cleaned, a: int, b: int, shown: str) -> Piece | None:
    text = cleaned.text
    # Trim the stretch, keeping offsets so italic spans stay aligned.
    while a < b and text[a] in " ,.;":
        a += 1
    while b > a and text[b - 1] in " ;,":
        b -= 1
    if a >= b:
        return None
    raw = shown[a:b]
    signal, rest = read_signal(text[a:b])
    offset = a + (len(raw) - len(rest))
    italics = tuple(
        (max(x, offset) - offset, min(y, b) - offset)
        for x, y in cleaned.italics
        if y > offset and x < b
    )
    leadin = False
    found = find_leadin(rest, _first_evidence(rest, italics)) or prose_leadin(rest)
    if found is not None:
        lead_signal, cut = found
        leadin = True
        signal = signal or lead_signal
        rest = rest[cut:]
        italics = tuple((max(x - cut, 0), y - cut) for x, y in italics if y > cut)
        offset += cut
    rest_stripped = rest.lstrip(" ,:")
    shift = len(rest) - len(rest_stripped)
    if shift:
        italics = tuple((max(x - shift, 0), y - shift) for x, y in italics if y > shift)
    if not rest_stripped.strip():
        return None
    return Piece(rest_stripped, raw, signal, italics, leadin)


def _split_compare(piece: Piece) -> list[Piece]:
    """ "Compare A, with B" cites two works; both keep the signal "compare"."""
    if piece.signal != "compare":
        return [piece]
    m = re.search(r",?\s+with\s+(?=[A-Z“\"])", piece.text)
    if not m:
        return [piece]
    first = Piece(
        piece.text[: m.start()],
        piece.raw,
        piece.signal,
        tuple(s for s in piece.italics if s[1] <= m.start()),
    )
    cut = m.end()
    second = Piece(
        piece.text[cut:],
        piece.text[cut:],
        "compare",
        tuple((x - cut, y - cut) for x, y in piece.italics if x >= cut),
    )
    return [first, second]


# French guillemets « ... » quote a title as “ ... ” does; a non-breaking
# (U+2011) or plain Unicode hyphen (U+2010) joins a page range as "-" does.
_FOLD = str.maketrans({"«": "“", "»": "”", "\u2011": "-", "\u2010": "-"})
_FOLDED = ("«", "»", "\u2011", "\u2010")


def split_note(text: str) -> tuple[Piece, ...]:
    """The pieces of one note, in order; prose pieces are still included."""
    return split_cleaned(clean_note(text))


def split_cleaned(cleaned: Cleaned) -> tuple[Piece, ...]:
    """``split_note`` of a note already cleaned by ``clean_note``."""
    if not cleaned.text:
        return ()
    shown = cleaned.text
    if any(c in shown for c in _FOLDED):
        # The parser reads one kind of quotation mark and hyphen; ``raw``
        # keeps the marks as written (the folding keeps every offset).
        cleaned = Cleaned(shown.translate(_FOLD), cleaned.italics)
    mask = _protected(cleaned)
    pieces: list[Piece] = []
    for a, b in _cuts(cleaned.text, mask):
        piece = _make_piece(cleaned, a, b, shown)
        if piece is not None:
            pieces.extend(_split_compare(piece))
    return tuple(pieces)
