"""One PDF page -> its text lines in reading order, with what layout tells.

pdfplumber (pdfminer.six) gives every glyph with its font, size and
position, without pdfminer's layout analysis (which citecheck does not need
and which costs the most). From the glyphs this module builds lines:

* glyphs sharing a baseline are a row; a row of smaller glyphs raised a
  little above the row under it (a superscript: a note marker, an ordinal)
  joins that row as *raised* text;
* a gutter that many rows leave empty at the same x splits the page into
  two columns, read left then right;
* spaces come from gaps between glyphs (TeX writes none), ligatures are
  spelt out, and each glyph under a URI link annotation remembers the URI;
* a short horizontal rule (a footnote separator, an ``<hr>``) marks the
  line under it.

A page's lines are plain records: the page objects can be released as soon
as ``page_lines`` returns.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.layout import LTChar, LTFigure, LTImage, LTLine, LTRect

# Google's click-tracking links hide the real address, as in the HTML reader.
from citecheck.readers.html import _unwrap_redirect as unwrap_redirect

__all__ = ["Line", "Run", "is_italic_font", "page_lines"]

# Presentation forms (ﬁ, ﬂ, ﬀ ...) and the like become their letters.
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
# Spacing accents that TeX (OT1) and others print over a letter -> combining marks.
_ACCENTS = {
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "˜": "\u0303",
    "¨": "\u0308",
    "¸": "\u0327",
    "ˇ": "\u030c",
    "˘": "\u0306",
    "¯": "\u0304",
    "˙": "\u0307",
    "˚": "\u030a",
    "˝": "\u030b",
}
_RAISED_RATIO = 0.85  # a raised glyph is at most this size of its row's text
_SPACE_EM = 0.15  # a gap wider than this share of the font size is a space


@dataclass(slots=True)
class Run:
    """Text of one kind on a line: plain or raised, under one link or none, italic or not."""

    text: str
    raised: bool = False
    uri: str | None = None
    italic: bool = False


# Italic and oblique faces as fonts name them: "Times-Italic", "Helvetica-Oblique",
# "ABCDEF+MinionPro-It", "NimbusRomNo9L-ReguItal", "Georgia,Italic"; TeX's CMTI10,
# CMSL10 (slanted), CMBXTI10, CMMI10 (math italic), cm-super's SFTI1000;
# "LMRoman10-Italic". Not "Digital" or "Itim".
_ITALIC_FONT = re.compile(
    r"italic|oblique|slant|ital(?![a-z])|(?<![a-z])(?:bold|semibold|demi|light|medium|black)?it$"
    r"|(?<![a-z])(?:bold|semibold|demi|light|medium|black)?it(?=[-_,])"
    r"|^cm(?:bx)?(?:ti|sl|mi)\d|^(?:ec|tc|sf)(?:ti|sl|bi)\d"
)


def is_italic_font(name: str) -> bool:
    """Does a font name (subset prefix and all) name an italic or oblique face?"""
    return bool(_ITALIC_FONT.search(name.rsplit("+", 1)[-1].lower()))


@dataclass(slots=True)
class Line:
    """One printed line (or one column's part of it), in reading order."""

    page: int
    number: int  # 1-based, in reading order on the page
    runs: list[Run]
    size: float  # the usual size of its plain glyphs
    top: float
    bottom: float
    x0: float
    x1: float
    column: int = 0  # 0: full width, 1: left, 2: right
    rule_above: float | None = None  # width of a rule just above, if any
    bold: bool = False
    italic: bool = False
    chars: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class _Glyph:
    text: str
    size: float
    baseline: float  # from the top of the page
    x0: float
    x1: float
    font: str
    uri: str | None
    raised: bool = False
    italic: bool = False


@dataclass(slots=True)
class _Row:
    glyphs: list[_Glyph] = field(default_factory=list)
    baseline: float = 0.0
    size: float = 0.0
    column: int = 0

    def finish(self) -> None:
        self.glyphs.sort(key=lambda g: g.x0)
        sizes = Counter(round(g.size, 1) for g in self.glyphs if not g.raised)
        self.size = sizes.most_common(1)[0][0] if sizes else max(g.size for g in self.glyphs)

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)


def _links(annots: list[dict[str, Any]]) -> list[tuple[float, float, float, float, str]]:
    links = []
    for annot in annots:
        uri = annot.get("uri")
        if isinstance(uri, bytes):
            uri = uri.decode("latin-1")
        if isinstance(uri, str) and uri.strip():
            uri = unwrap_redirect(uri.strip())
            links.append(
                (
                    float(annot["x0"]),
                    float(annot["top"]),
                    float(annot["x1"]),
                    float(annot["bottom"]),
                    uri.strip(),
                )
            )
    return links


def _layout_items(container: Any) -> Iterator[Any]:
    """Every object of a pdfminer page, form XObjects (figures) opened."""
    for obj in container:
        yield obj
        if isinstance(obj, LTFigure):
            yield from _layout_items(obj)


def _page_objects(
    page: Any, links: list[tuple[float, float, float, float, str]]
) -> tuple[list[_Glyph], list[tuple[float, float, float]], bool]:
    """Glyphs, horizontal rules (top, x0, x1) and whether the page has images.

    Straight from pdfminer's page (no layout analysis): pdfplumber's own
    char dicts would resolve a dozen attributes per glyph that are not needed.
    """
    height = float(page.height)
    offset = float(page.mediabox[1])
    width = float(page.width)
    glyphs: list[_Glyph] = []
    rules: list[tuple[float, float, float]] = []
    images = False
    fonts: dict[str, bool] = {}  # font name -> italic
    last: tuple[str, float, float] | None = None
    for obj in _layout_items(page.layout):
        if isinstance(obj, LTChar):
            if not obj.upright:
                continue
            text = obj.get_text()
            if not text or text in "\ufffd\x00":
                continue
            size = float(obj.size) or 1.0
            # The text matrix's origin is the baseline, measured from the top.
            baseline = height - float(obj.matrix[5]) + offset
            x0, x1 = float(obj.x0), float(obj.x1)
            key = (text, round(x0, 1), round(baseline, 1))
            if key == last:
                continue  # printed twice over itself (fake bold)
            last = key
            mid_x = (x0 + x1) / 2
            mid_y = baseline - size * 0.3
            uri = None
            for left, top, right, bottom, address in links:
                if left <= mid_x <= right and top <= mid_y <= bottom:
                    uri = address
                    break
            font = obj.fontname
            if isinstance(font, bytes):
                font = font.decode("latin-1")
            name = str(font)
            italic = fonts.get(name)
            if italic is None:
                italic = fonts[name] = is_italic_font(name)
            glyphs.append(
                _Glyph(_LIGATURES.get(text, text), size, baseline, x0, x1, name, uri, italic=italic)
            )
        elif isinstance(obj, (LTLine, LTRect)):
            if obj.y1 - obj.y0 <= 2.0 and 20.0 <= obj.x1 - obj.x0 <= width * 0.95:
                rules.append((height - float(obj.y1) + offset, float(obj.x0), float(obj.x1)))
        elif isinstance(obj, LTImage):
            images = True
    return glyphs, rules, images


def _rows(glyphs: list[_Glyph]) -> list[_Row]:
    """Glyphs grouped by baseline, raised rows joined to the row they sit on."""
    glyphs.sort(key=lambda g: g.baseline)
    rows: list[_Row] = []
    for glyph in glyphs:
        if glyph.text.isspace():
            row = rows[-1] if rows else None
            if row is not None and abs(glyph.baseline - row.baseline) <= 0.3 * glyph.size:
                row.glyphs.append(glyph)
            continue
        if rows and abs(glyph.baseline - rows[-1].baseline) <= 0.2 * min(
            glyph.size, rows[-1].glyphs[0].size
        ):
            rows[-1].glyphs.append(glyph)
        else:
            rows.append(_Row([glyph], glyph.baseline))
    for row in rows:
        row.finish()
    return rows


def _join_raised(rows: list[_Row]) -> list[_Row]:
    """Rows of small raised glyphs joined to the row each sits on."""
    rows.sort(key=lambda row: row.baseline)
    kept: list[_Row] = []
    for index, row in enumerate(rows):
        target = _raised_target(row, rows[index + 1 :])
        if target is None:
            kept.append(row)
            continue
        for glyph in row.glyphs:
            glyph.raised = not glyph.text.isspace()
        target.glyphs.extend(row.glyphs)
        target.glyphs.sort(key=lambda g: g.x0)
    return [row for row in kept if row.glyphs]


def _raised_target(row: _Row, below: list[_Row]) -> _Row | None:
    """The row a row of small raised glyphs belongs to, if it is one."""
    for other in below[:4]:
        rise = other.baseline - row.baseline
        if rise > other.size * 0.75:
            return None
        if rise < other.size * 0.1:
            continue
        if row.size > other.size * _RAISED_RATIO:
            continue
        if row.x0 >= other.x0 - other.size * 1.5 and row.x1 <= other.x1 + other.size * 1.5:
            return other
    return None


def _split(row: _Row, gutter: float | None) -> list[_Row]:
    """A row as one segment or two (left and right of the gutter), with its column."""
    if gutter is None:
        return [row]
    left = [g for g in row.glyphs if g.x1 <= gutter + 2 and g.x0 < gutter]
    right = [g for g in row.glyphs if g.x0 >= gutter - 2 and g.x0 >= gutter - 2 and g not in left]
    if len(left) + len(right) < len(row.glyphs) or any(
        g.x0 < gutter < g.x1 - 2 for g in row.glyphs if not g.text.isspace()
    ):
        return [row]  # text crosses the gutter: a full-width line
    parts = []
    for column, glyphs in ((1, left), (2, right)):
        if glyphs and any(not g.text.isspace() for g in glyphs):
            part = _Row(glyphs, row.baseline, column=column)
            part.finish()
            parts.append(part)
    return parts


def _gutter(rows: list[_Row], width: float) -> float | None:
    """An x that many rows leave empty with text on both sides (two columns)."""
    low, high = width * 0.3, width * 0.7
    spans: list[list[tuple[float, float]]] = []
    for row in rows:
        gaps = []
        solid = [g for g in row.glyphs if not g.text.isspace()]
        for before, after in itertools.pairwise(solid):
            if after.x0 - before.x1 >= row.size * 0.8 and after.x0 > low and before.x1 < high:
                gaps.append((before.x1, after.x0))
        spans.append(gaps)
    best, best_count, best_end = None, 0, None
    steps = int((high - low) / 2)
    for step in range(steps + 1):
        x = low + step * 2
        count = sum(1 for gaps in spans if any(a < x < b for a, b in gaps))
        if count > best_count:
            best, best_count, best_end = x, count, x
        elif count == best_count and best_end is not None and best_end == x - 2:
            best_end = x
    if best is None or best_end is None or best_count < 5:
        return None
    best = (best + best_end) / 2  # the middle of the emptiest stretch
    both_sides = sum(1 for row in rows if row.x0 < best < row.x1)
    if best_count < both_sides * 0.4:
        return None
    return best


def _compose_accents(glyphs: list[_Glyph]) -> list[_Glyph]:
    """An accent glyph printed over a letter becomes part of that letter (é)."""
    if not any(g.text in _ACCENTS for g in glyphs):
        return glyphs
    kept: list[_Glyph] = []
    for index, glyph in enumerate(glyphs):
        if glyph.text not in _ACCENTS:
            kept.append(glyph)
            continue
        middle = (glyph.x0 + glyph.x1) / 2
        neighbours = [
            g
            for g in (glyphs[index - 1] if index else None, *glyphs[index + 1 : index + 2])
            if g is not None and g.text not in _ACCENTS and g.x0 - 0.5 <= middle <= g.x1 + 0.5
        ]
        if not neighbours:
            kept.append(glyph)
            continue
        base = min(neighbours, key=lambda g: abs((g.x0 + g.x1) / 2 - middle))
        letter = "i" if base.text == "ı" else base.text
        base.text = unicodedata.normalize("NFC", letter + _ACCENTS[glyph.text])
    return kept


def _text(glyphs: list[_Glyph]) -> tuple[list[Run], int]:
    """Runs of a line's glyphs, spaces put where gaps are."""
    glyphs = _compose_accents(glyphs)
    runs: list[Run] = []
    previous: _Glyph | None = None
    count = 0
    for glyph in glyphs:
        if glyph.text.isspace():
            if runs and not runs[-1].text.endswith(" "):
                runs[-1].text += " "
            previous = glyph
            continue
        count += 1
        gap = 0.0 if previous is None else glyph.x0 - previous.x1
        space = previous is not None and gap > _SPACE_EM * min(glyph.size, previous.size)
        if glyph.raised != (previous is not None and previous.raised) and runs:
            space = space and gap > _SPACE_EM * 2 * min(
                glyph.size, previous.size if previous else 1
            )
        if space and runs and not runs[-1].text.endswith(" "):
            runs[-1].text += " "
        italic = glyph.italic
        last = runs[-1] if runs else None
        if last and (last.raised, last.uri, last.italic) == (glyph.raised, glyph.uri, italic):
            last.text += glyph.text
        else:
            runs.append(Run(glyph.text, glyph.raised, glyph.uri, italic))
        previous = glyph
    if runs:
        runs[-1].text = runs[-1].text.rstrip()
    return [run for run in runs if run.text], count


def _style(glyphs: list[_Glyph]) -> tuple[bool, bool]:
    fonts = [g.font.lower() for g in glyphs if not g.raised and not g.text.isspace()]
    if not fonts:
        return False, False
    bold = sum(("bold" in f or "black" in f or "heavy" in f) for f in fonts) > len(fonts) * 0.8
    italic = (
        sum(g.italic for g in glyphs if not g.raised and not g.text.isspace()) > len(fonts) * 0.8
    )
    return bold, italic


def page_lines(page: Any, number: int) -> tuple[list[Line], bool]:
    """The text lines of a pdfplumber page in reading order; whether it has images."""
    width = float(page.width)
    links = _links(page.annots)
    glyphs, rules, images = _page_objects(page, links)
    if not glyphs:
        return [], images
    rows = _rows(glyphs)
    gutter = _gutter(rows, width)
    segments = _join_raised([part for row in rows for part in _split(row, gutter)])
    ordered = _reading_order(segments)
    lines: list[Line] = []
    baselines = sorted((row.baseline, row.x0, row.x1) for row in segments)
    keys = [b for b, _, _ in baselines]
    for index, row in enumerate(ordered, start=1):
        part = row.glyphs
        column = row.column
        runs, count = _text(part)
        if not runs:
            continue
        bold, italic = _style(part)
        x0 = min(g.x0 for g in part)
        x1 = max(g.x1 for g in part)
        top = row.baseline - row.size * 0.8
        lines.append(
            Line(
                page=number,
                number=index,
                runs=runs,
                size=row.size,
                top=top,
                bottom=row.baseline,
                x0=x0,
                x1=x1,
                column=column,
                rule_above=_rule_above(rules, keys, baselines, top, x0, x1),
                bold=bold,
                italic=italic,
                chars=count,
            )
        )
    return lines, images


def _rule_above(
    rules: list[tuple[float, float, float]],
    keys: list[float],
    baselines: list[tuple[float, float, float]],
    top: float,
    x0: float,
    x1: float,
) -> float | None:
    """Width of a rule between this line and the text above it (not an underline)."""
    index = bisect.bisect_left(keys, top) - 1
    above = -1e9
    while index >= 0:
        baseline, left, right = baselines[index]
        if right > x0 and left < x1:
            above = baseline
            break
        index -= 1
    for rule_top, left, right in rules:
        if above + 2.5 < rule_top < top + 1 and right > x0 - 5 and left < x1 + 5:
            return right - left
    return None


def _reading_order(segments: list[_Row]) -> list[_Row]:
    """Full-width lines in place; within a band of columns, left then right."""
    ordered: list[_Row] = []
    band: list[_Row] = []
    for segment in segments:
        if segment.column == 0:
            ordered.extend(sorted(band, key=lambda s: s.column))
            band = []
            ordered.append(segment)
        else:
            band.append(segment)
    ordered.extend(sorted(band, key=lambda s: s.column))
    return ordered
