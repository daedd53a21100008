"""Extraction: the running text and notes of a run -> sentences and the numbers in them.

Every number becomes an *interval* of the values its printed form allows,
learned from statcheck and GRIM: a figure means any value that rounds (or
truncates) to what was printed. Integer trailing zeros are not significant,
so "$500 billion" is read as 450-600 billion, "$2.4 billion" as 2.35-2.5
billion, "58,000" as 57,500-59,000. Hedges reshape the interval:

* "more than", "over", "at least", "exceeds" -> [x, x + one printed unit]
  ("well over", "significantly exceeds" -> [x, infinity))
* "about", "approximately", "some", "roughly" -> the plain reading widened
  to at least 10 % either side
* "nearly", "almost", "just under" -> [x - one unit (at most 25 %), x]
* "less than", "under", "up to" -> [0, x]

Rules compare intervals and fire only when no reading fits, so every
check here is conservative by construction.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from citecheck.checks.multipliers import find_multipliers
from citecheck.checks.periods import dated_to_a_year, period_of
from citecheck.model import CheckRun, Footnote, Location, Manuscript
from citecheck.sentences import sentence_spans

__all__ = [
    "Kind",
    "Passage",
    "Quantity",
    "Sentence",
    "amount",
    "find_quantities",
    "one_line",
    "read_passages",
]


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces folded, for evidence and messages."""
    return re.sub(r"\s+", " ", text).strip()


class Kind(StrEnum):
    """What a number counts."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    LENGTH = "length"
    YEAR = "year"
    MULTIPLIER = "multiplier"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number as printed, with the interval of values it can mean.

    ``low``/``high`` are in base units (dollars, people, percent, miles);
    ``step`` is the printed precision in the same units. ``start``/``end``
    are offsets in the sentence text. ``period`` names the period of a rate
    ("year", "day", "minute", "10 minute": see ``periods``); ``noun`` is the
    word it counts ("employees", "mile") when one is attached. A multiplier's
    ``readings`` are the ratio intervals it allows (see ``multipliers``);
    ``in_year`` marks a figure dated to one year ("$534 billion in 2014").
    """

    kind: Kind
    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    step: float
    qualifier: str | None = None
    scale_word: str | None = None
    currency: str | None = None
    period: str | None = None
    noun: str | None = None
    readings: tuple[tuple[float, float], ...] = ()
    in_year: bool = False

    @property
    def shown(self) -> str:
        """The figure as printed, with its hedge: “more than $11 million”."""
        return f"“{self.qualifier} {self.text}”" if self.qualifier else f"“{self.text}”"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a passage, with its numbers."""

    text: str
    start: int
    index: int
    quantities: tuple[Quantity, ...]
    note: str | None
    location: Location
    # (offset in the sentence, source line) where lines change inside it.
    lines: tuple[tuple[int, int], ...] = ()
    # (offset in the sentence, page) where pages change inside it (PDF).
    pages: tuple[tuple[int, int], ...] = ()

    def location_at(self, offset: int) -> Location:
        """The source line of a character of the sentence (a figure's, say)."""
        line = self.location.line
        for start, start_line in self.lines:
            if start > offset:
                break
            line = start_line
        page = self.location.page
        for start, start_page in self.pages:
            if start > offset:
                break
            page = start_page
        return Location(self.location.path, line, page=page)


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text checked as one: a manuscript's body, or one note."""

    path: str
    text: str
    note: str | None
    sentences: tuple[Sentence, ...]


# --------------------------------------------------------------------------
# Passages and sentences
# --------------------------------------------------------------------------


def read_passages(run: CheckRun) -> tuple[Passage, ...]:
    """Every body and every note of the run, split into sentences with numbers."""
    passages: list[Passage] = []
    for footnote_set in run.footnote_sets:
        manuscript = footnote_set.manuscript
        passages.append(_body_passage(manuscript))
        passages.extend(_note_passage(manuscript.path, note) for note in footnote_set.footnotes)
    return tuple(passages)


def _body_passage(manuscript: Manuscript) -> Passage:
    text = manuscript.body
    line_at = _line_finder(manuscript)
    page_at = _page_finder(manuscript)
    markers = sorted((m.offset, m.label) for m in manuscript.markers)
    offsets = [offset for offset, _ in markers]
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(sentence_spans(text)):
        # A marker just after the full stop still belongs to this sentence.
        first = bisect.bisect_left(offsets, start)
        labels = [label for offset, label in markers[first : first + 8] if offset <= end + 2]
        sentence_text = text[start:end]
        first_line = line_at(start + _leading_space(sentence_text))
        first_page = page_at(start + _leading_space(sentence_text))
        lines: list[tuple[int, int]] = []
        pages: list[tuple[int, int]] = []
        for newline in re.finditer(r"\n", sentence_text):
            line = line_at(start + newline.end())
            if line != (lines[-1][1] if lines else first_line):
                lines.append((newline.end(), line))
            page = page_at(start + newline.end())
            if page is not None and page != (pages[-1][1] if pages else first_page):
                pages.append((newline.end(), page))
        sentences.append(
            Sentence(
                text=sentence_text,
                start=start,
                index=index,
                quantities=find_quantities(sentence_text),
                note=labels[0] if labels else None,
                location=Location(manuscript.path, first_line, page=first_page),
                lines=tuple(lines),
                pages=tuple(pages),
            )
        )
    return Passage(manuscript.path, text, None, tuple(sentences))


def _note_passage(path: str, footnote: Footnote) -> Passage:
    text = footnote.text
    sentences = tuple(
        Sentence(
            text=text[start:end],
            start=start,
            index=index,
            quantities=find_quantities(text[start:end]),
            note=footnote.label,
            # Notes are stitched across page breaks, so lines inside a note are
            # not reliable: every sentence points at the note's first line.
            location=footnote.location,
        )
        for index, (start, end) in enumerate(sentence_spans(text))
    )
    return Passage(path, text, footnote.label, sentences)


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _page_finder(manuscript: Manuscript) -> Callable[[int], int | None]:
    """Body offset -> page, for paged formats (PDF); None for the others."""
    starts = sorted(manuscript.page_starts)
    offsets = [start for start, _ in starts]

    def page(offset: int) -> int | None:
        if not starts:
            return None
        return starts[max(bisect.bisect_right(offsets, offset) - 1, 0)][1]

    return page


def _line_finder(manuscript: Manuscript) -> Callable[[int], int]:
    """Body offset -> source line: exact from ``line_starts``, else from the nearest marker."""
    if manuscript.line_starts:
        starts = sorted(manuscript.line_starts)
        offsets = [start for start, _ in starts]

        def exact(offset: int) -> int:
            index = bisect.bisect_right(offsets, offset) - 1
            return starts[max(index, 0)][1]

        return exact
    newlines = [i for i, char in enumerate(manuscript.body) if char == "\n"]
    markers = sorted(manuscript.markers, key=lambda m: m.offset)
    marker_offsets = [m.offset for m in markers]

    def between(start: int, end: int) -> int:
        return bisect.bisect_left(newlines, end) - bisect.bisect_left(newlines, start)

    def nearest(offset: int) -> int:
        if not markers:
            return 1 + between(0, offset)
        # Readers drop note lines from the body, so newline counts drift with
        # distance: trust whichever neighbouring marker has fewer newlines between.
        index = bisect.bisect_right(marker_offsets, offset)
        candidates: list[tuple[int, int]] = []
        if index > 0:
            before = markers[index - 1]
            gap = between(before.offset, offset)
            candidates.append((gap, before.location.line + gap))
        if index < len(markers):
            after = markers[index]
            gap = between(offset, after.offset)
            candidates.append((gap, after.location.line - gap))
        return max(1, min(candidates)[1])

    return nearest


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
}

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}

_LENGTH_UNITS = {
    "mile": "mile",
    "miles": "mile",
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORD = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_WORDS = rf"(?:{_WORD})(?:[\s-]+(?:{_WORD}))?"
_SCALE = r"thousand|million|billion|trillion|bn|mn|tn|mil|[kmbt](?![\w$])"

_MONEY = re.compile(
    rf"(?P<cur>US\$|U\.S\.\s?\$|\$|€|£|USD\s?|EUR\s?|GBP\s?)\s?(?P<num>{_DIGITS})"
    rf"(?:[\s-]*(?P<scale>{_SCALE}))?(?:\s+(?:U\.S\.\s+)?(?P<dollars>dollars|euros|pounds)\b)?",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    rf"(?<![\w$€£.,])(?P<num>{_DIGITS}|(?i:{_WORDS}))(?![\w]*\$)"
    rf"(?:[\s-]*(?P<scale>(?i:thousand|million|billion|trillion)))?\b"
    rf"(?:\s*(?P<pct>%|percent\b|per\s?cent\b|percentage\s+points?\b))?"
    rf"(?:\s+(?P<dollars>(?i:dollars)\b))?",
)
_QUALIFIER = re.compile(
    r"(?P<q>significantly exceeds?|significantly more than|far more than|well over|well above|"
    r"well in excess of|more than|greater than|in excess of|upwards of|at least|exceeding|exceeds?|"
    r"just over|just above|over|above|nearly|almost|close to|just under|approximately|"
    r"an estimated|estimated|about|around|roughly|some|less than|fewer than|under|below|"
    r"up to|as much as|as many as|no more than)\s+(?:a\s+total\s+of\s+|of\s+)?$",
    re.IGNORECASE,
)
_OPEN_ABOVE = {
    "significantly exceeds",
    "significantly exceed",
    "significantly more than",
    "far more than",
    "well over",
    "well above",
    "well in excess of",
}
_AT_LEAST = {
    "more than",
    "greater than",
    "in excess of",
    "upwards of",
    "at least",
    "exceeding",
    "exceeds",
    "exceed",
    "just over",
    "just above",
    "over",
    "above",
}
_NEARLY = {"nearly", "almost", "close to", "just under"}
_ABOUT = {"approximately", "an estimated", "estimated", "about", "around", "roughly", "some"}
_AT_MOST = {
    "less than",
    "fewer than",
    "under",
    "below",
    "up to",
    "as much as",
    "as many as",
    "no more than",
}

_NOUN_AFTER = re.compile(r"^(?:[\s-]+(?:[A-Z][\w.]*\s+)?)(?P<noun>[a-z][a-z-]+)")
_NOUN_BEFORE = re.compile(
    r"\b(?P<noun>employees|workers|work\s?force|staff|personnel|population|residents|"
    r"inhabitants|people|members|students|troops|officers|agents|headcount)\s+of\s+$",
    re.IGNORECASE,
)


def _digits_value(text: str) -> tuple[float, float]:
    """The printed number and its precision step (integer trailing zeros not significant)."""
    lowered = text.lower().strip()
    if lowered[0].isalpha():
        parts = re.split(r"[\s-]+", lowered)
        value = float(sum(_WORD_NUMBERS[p] for p in parts))
        return value, _integer_step(str(int(value)))
    plain = lowered.replace(",", "")
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return float(plain), 10.0**-decimals
    return float(plain), _integer_step(plain)


def _integer_step(digits: str) -> float:
    stripped = digits.lstrip("0") or "0"
    if stripped == "0":
        return 1.0
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 10.0**zeros


def _interval(value: float, step: float, qualifier: str | None) -> tuple[float, float]:
    """The values a printed figure allows, given its precision and hedge (module docstring)."""
    if qualifier is None:
        # Rounded (x +/- step/2) or truncated (x .. x + step): allow both.
        return value - step / 2, value + step
    q = qualifier.lower()
    if q in _OPEN_ABOVE:
        return value, math.inf
    if q in _AT_LEAST:
        return value, value + step
    if q in _NEARLY:
        return max(value - step, 0.75 * value), value
    if q in _ABOUT:
        return min(value - step / 2, 0.9 * value), max(value + step, 1.1 * value)
    if q in _AT_MOST:
        return 0.0, value
    return value - step / 2, value + step  # pragma: no cover - every qualifier is listed


def _qualifier_before(text: str, start: int) -> str | None:
    match = _QUALIFIER.search(text[max(0, start - 40) : start])
    return None if match is None else re.sub(r"\s+", " ", match.group("q").lower())


def _noun_of(text: str, start: int, end: int) -> str | None:
    after = _NOUN_AFTER.match(text[end : end + 40])
    if after is not None:
        return after.group("noun").lower()
    before = _NOUN_BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        return re.sub(r"\s+", "", before.group("noun").lower())
    return None


_URL = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?", re.IGNORECASE)


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every money figure, count, percentage, length, year and multiplier in ``text``.

    URLs are blanked out first (same length, so offsets hold): the digits in
    ``/2010/05/06/`` or ``pr030410p`` are not figures of the text.
    """
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _MONEY.finditer(text):
        value, step = _digits_value(match.group("num"))
        scale_word = match.group("scale")
        scale = _SCALES[scale_word.lower()] if scale_word else 1.0
        # "$1 m" vs a stray letter: single-letter scales only when glued to the number.
        if scale_word and len(scale_word) == 1 and " " in match.group()[-3:]:
            scale_word, scale = None, 1.0
        qualifier = _qualifier_before(text, match.start())
        low, high = _interval(value * scale, step * scale, qualifier)
        end = (
            match.end()
            if scale_word or match.group("dollars")
            else match.start("num") + len(match.group("num"))
        )
        found.append(
            Quantity(
                kind=Kind.MONEY,
                text=text[match.start() : end],
                start=match.start(),
                end=end,
                value=value * scale,
                low=low,
                high=high,
                step=step * scale,
                qualifier=qualifier,
                scale_word=scale_word.lower() if scale_word else None,
                currency=_currency(match.group("cur")),
                period=period_of(text, match.start(), end),
                in_year=dated_to_a_year(text, match.start(), end),
            )
        )
        taken.append((match.start(), end))

    for multiplier in find_multipliers(text):
        if not free(multiplier.start, multiplier.end):
            continue
        found.append(
            Quantity(
                kind=Kind.MULTIPLIER,
                text=multiplier.text,
                start=multiplier.start,
                end=multiplier.end,
                value=multiplier.factor,
                low=min(low for low, _ in multiplier.readings),
                high=max(high for _, high in multiplier.readings),
                step=0.0,
                qualifier=None,  # a hedge ("more than doubled") is part of the text
                readings=multiplier.readings,
            )
        )
        taken.append((multiplier.start, multiplier.end))

    for match in _NUMBER.finditer(text):
        start, end = match.start(), match.end()
        if not free(start, end) or not match.group("num").strip():
            continue
        quantity = _plain_quantity(text, match)
        if quantity is not None:
            found.append(quantity)
            taken.append((start, quantity.end))
    return tuple(sorted(found, key=lambda q: q.start))


def _currency(symbol: str) -> str:
    symbol = symbol.strip().upper()
    if symbol in {"€", "EUR"}:
        return "EUR"
    if symbol in {"£", "GBP"}:
        return "GBP"
    return "USD"


def _plain_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    """A number without a currency sign: count, percent, length or year."""
    raw = match.group("num")
    is_word = raw[0].isalpha()
    scale_word = match.group("scale")
    pct = match.group("pct")
    value, step = _digits_value(raw)
    scale = _SCALES[scale_word.lower()] if scale_word else 1.0
    start = match.start()
    end = match.end()
    qualifier = _qualifier_before(text, start)
    noun = _noun_of(text, start, end)
    if re.search(r"\bevery\s+$", text[max(0, start - 7) : start], re.IGNORECASE):
        return None  # "every 10 minutes" is a period (see ``periods``), not a count
    if is_word and not (scale_word or pct) and noun not in _LENGTH_UNITS:
        # "one in ten", "the two countries": words count only with a scale,
        # a percent sign or a unit we know.
        return None
    if match.group("dollars") and not pct:
        kind = Kind.MONEY
    elif pct:
        kind = Kind.PERCENT
    elif noun in _LENGTH_UNITS:
        kind = Kind.LENGTH
    elif not scale_word and re.fullmatch(r"1[6-9]\d\d|20\d\d", raw):
        if (
            text[start + len(raw) : start + len(raw) + 2] in {"'s", "’s"}
            or text[start + len(raw) : start + len(raw) + 1] == "s"
        ):
            return None  # a decade ("the 1970's"), not a figure
        return Quantity(Kind.YEAR, raw, start, start + len(raw), value, value, value, 1.0)
    else:
        kind = Kind.COUNT
    low, high = _interval(value * scale, step * scale, qualifier)
    return Quantity(
        kind=kind,
        text=text[start:end].rstrip(),
        start=start,
        end=end,
        value=value * scale,
        low=max(low, 0.0),
        high=high,
        step=step * scale,
        qualifier=qualifier,
        scale_word=scale_word.lower() if scale_word else None,
        currency="USD" if kind is Kind.MONEY else None,
        period=period_of(text, start, end) if kind in {Kind.MONEY, Kind.COUNT} else None,
        in_year=kind in {Kind.MONEY, Kind.COUNT} and dated_to_a_year(text, start, end),
        noun=_LENGTH_UNITS.get(noun or "", noun),
    )


def amount(
    value: float, *, kind: Kind = Kind.MONEY, currency: str | None = "USD", digits: int = 3
) -> str:
    """A figure as an editor would print it: "$1.37 billion", "190", "6.3".

    Computed figures keep ``digits`` significant digits; pass more to show a
    known value as it was given.
    """
    if math.isinf(value):
        return "no upper bound"
    sign = (
        {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency or "", "") if kind is Kind.MONEY else ""
    )
    magnitude = abs(value)
    for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if magnitude >= size:
            return f"{sign}{_short(value / size, digits)} {word}"
    if kind is Kind.PERCENT:
        return f"{_short(value, digits)} percent"
    if magnitude >= 1000:
        places = math.floor(math.log10(magnitude)) - (digits - 1)
        return f"{sign}{round(value, -places):,.0f}"
    return f"{sign}{_short(value, digits)}"


def _short(value: float, digits: int) -> str:
    """``digits`` significant figures, without trailing zeros."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
