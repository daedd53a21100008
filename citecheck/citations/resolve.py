"""Short forms -> their antecedents, and every citation -> a work id.

Runs over one manuscript's citations in order (short forms never resolve
across manuscripts):

- "Id." / "Ibid." point at the citation just before, in this note or the
  last note that cited something. Chicago forbids ibid. after a note that
  cites several works; such a link is kept but marked with a problem.
- "Smith, supra note 3, at 4" points at the work by Smith in note 3 (or, with
  no note number, the most recent work by Smith).
- "Kissinger, World Order, 12." (a family name and a short title, nothing
  else) points at the latest earlier full citation by that author whose
  title starts like the short title (rapidfuzz, so small slips still match).
- Full citations of the same work (same authors and title, or the same
  container, volume and first page, or the same URL when there is nothing
  else) share a work id, "w1", "w2"... in order of first appearance.

A short form that cannot be resolved keeps ``antecedent=None`` and says why
in ``problem``; the checks stage reports it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from citecheck.model import Citation, ShortForm

__all__ = ["Hint", "resolve_citations"]

# (note number named by "supra note N", author or title named by the short form)
Hint = tuple[str | None, str | None]

# How alike two titles must be (0-100) to be the same work or a short title.
_SAME_TITLE = 92.0
_SHORT_TITLE = 85.0


def _fold(text: str | None) -> str:
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]+", "", plain.casefold().replace("-", " ")).strip()


def _families(citation: Citation) -> tuple[str, ...]:
    return tuple(_fold(p.family) for p in citation.authors)


def _is_full(citation: Citation) -> bool:
    return citation.short_form is None


def _looks_short_title(citation: Citation) -> bool:
    """A family name, a title and at most a pinpoint: "Kissinger, World Order, 12."."""
    if citation.short_form is not None or not citation.title or len(citation.authors) != 1:
        return False
    person = citation.authors[0]
    if person.given or person.corporate:
        return False
    rest = (
        citation.container,
        citation.volume,
        citation.issue,
        citation.pages,
        citation.date,
        citation.publisher,
        citation.place,
        citation.series,
        citation.number,
        citation.doi,
    )
    return all(v is None for v in rest) and not citation.urls


def _title_match(short: str, full: str) -> float:
    a, b = _fold(short), _fold(full)
    if not a or not b:
        return 0.0
    if b.startswith(a):
        return 100.0
    # Compare the short title with the same-length start of the full title.
    return float(fuzz.ratio(a, b[: len(a) + 3]))


def _same_work(a: Citation, b: Citation) -> bool:
    if a.title and b.title:
        if _families(a) and _families(b) and _families(a)[:1] != _families(b)[:1]:
            return False
        if fuzz.ratio(_fold(a.title), _fold(b.title)) < _SAME_TITLE:
            return False
        if a.container and b.container:
            return bool(fuzz.ratio(_fold(a.container), _fold(b.container)) >= 80)
        return True
    if a.title or b.title:
        return False
    if a.container and a.volume and a.pages:
        return (_fold(a.container), a.volume, _first_page(a.pages)) == (
            _fold(b.container),
            b.volume,
            _first_page(b.pages),
        )
    if a.urls and b.urls:
        return a.urls[0] == b.urls[0]
    return False


def _first_page(pages: str | None) -> str:
    return re.split(r"[-–—]", pages or "")[0].strip()


class _Resolver:
    def __init__(self) -> None:
        self.done: list[Citation] = []
        self.work_reps: list[tuple[str, Citation]] = []
        self.works = 0

    def fresh_id(self) -> str:
        self.works += 1
        return f"w{self.works}"

    def new_work(self, citation: Citation) -> str:
        for work_id, rep in self.work_reps:
            if _same_work(rep, citation):
                return work_id
        work_id = self.fresh_id()
        self.work_reps.append((work_id, citation))
        return work_id

    def resolve(self, citation: Citation, hint: Hint) -> Citation:
        form = citation.short_form
        if form in (ShortForm.ID, ShortForm.IBID):
            return self._ibid(citation)
        if form is ShortForm.SUPRA:
            return self._supra(citation, hint)
        if form is ShortForm.SHORT_TITLE:
            return self._short_case(citation, hint)
        if _looks_short_title(citation):
            found = self._short_title(citation)
            if found is not None:
                return found
        return replace(citation, work=self.new_work(citation))

    def _link(self, citation: Citation, target: Citation, problem: str | None = None) -> Citation:
        return replace(
            citation,
            antecedent=target.index,
            work=target.work,
            type=target.type,
            problem=problem or citation.problem,
        )

    def _unresolved(self, citation: Citation, why: str) -> Citation:
        # An unresolved short form is its own work, never grouped with others.
        return replace(citation, antecedent=None, work=self.fresh_id(), problem=why)

    def _ibid(self, citation: Citation) -> Citation:
        word = "Id." if citation.short_form is ShortForm.ID else "Ibid."
        if not self.done:
            return self._unresolved(citation, f"{word} with no earlier citation to refer to")
        target = self.done[-1]
        problem = None
        if target.note != citation.note:
            in_prev = [c for c in self.done if c.note == target.note]
            if len({c.work for c in in_prev}) > 1:
                problem = (
                    f"{word} follows note {target.note}, which cites several works; "
                    f"taken to mean the last one"
                )
        return self._link(citation, target, problem)

    def _supra(self, citation: Citation, hint: Hint) -> Citation:
        note, raw_who = hint
        raw_who = raw_who or ""
        who = _fold(raw_who)
        family = _fold(raw_who.split(",")[0]) if raw_who else ""
        short_title = raw_who.split(",", 1)[1] if "," in raw_who else ""
        candidates = [c for c in self.done if _is_full(c)]
        if note is not None:
            candidates = [c for c in candidates if c.note == note]
            if not candidates:
                return self._unresolved(
                    citation, f"supra note {note}: note {note} has no earlier full citation"
                )
        matches = [c for c in candidates if self._supra_match(c, family, who, short_title)]
        if not matches:
            where = f"in note {note}" if note is not None else "earlier"
            return self._unresolved(
                citation, f"supra: no work by or titled {raw_who!r} {where}".strip()
            )
        return self._link(citation, matches[-1])

    @staticmethod
    def _supra_match(c: Citation, family: str, who: str, short_title: str) -> bool:
        families = _families(c)
        if family and any(f == family or f.endswith(" " + family) for f in families):
            if short_title.strip() and c.title:
                return _title_match(short_title, c.title) >= _SHORT_TITLE
            return True
        if who and c.title and _title_match(who, c.title) >= _SHORT_TITLE:
            return True
        return bool(who and c.title is None and c.container and _fold(c.container) == who)

    def _short_title(self, citation: Citation) -> Citation | None:
        family = _fold(citation.authors[0].family)
        for c in reversed(self.done):
            if not _is_full(c) or c.title is None:
                continue
            if family not in _families(c):
                continue
            if _title_match(citation.title or "", c.title) >= _SHORT_TITLE:
                return self._link(replace(citation, short_form=ShortForm.SHORT_TITLE), c)
        if any(family in _families(c) for c in self.done):
            # The author was cited, but no title starts this way.
            return self._unresolved(
                replace(citation, short_form=ShortForm.SHORT_TITLE),
                f"short title {citation.title!r}: no earlier work by "
                f"{citation.authors[0].family} with that title",
            )
        return None

    def _short_case(self, citation: Citation, hint: Hint) -> Citation:
        guess = _fold(hint[1] or "")
        for c in reversed(self.done):
            if c.short_form is not None or c.volume != citation.volume:
                continue
            if _fold(c.container) != _fold(citation.container):
                continue
            if guess and c.title and guess not in _fold(c.title):
                continue
            return self._link(citation, c)
        return self._unresolved(
            citation,
            f"short cite {citation.volume} {citation.container}: no earlier full citation",
        )


def resolve_citations(citations: Sequence[Citation], hints: Sequence[Hint]) -> tuple[Citation, ...]:
    """The same citations with ``antecedent``, ``work`` and problems filled in.

    ``hints`` go with the citations one for one: for a supra or short case
    cite, the note number it names and whose work it names (else Nones).
    """
    resolver = _Resolver()
    for citation, hint in zip(citations, hints, strict=True):
        resolved = resolver.resolve(citation, hint)
        resolver.done.append(resolved)
    return tuple(resolver.done)
