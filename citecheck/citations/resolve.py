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
- "QHSR, supra note 3" and "QHSR at 12" point at the full citation that
  named itself "[hereinafter QHSR]" (``hereinafter``), whatever note they name.
- Full citations of the same work (same authors and title, or the same
  container, volume and first page, or the same URL when there is nothing
  else) share a work id, "w1", "w2"... in order of first appearance.

A short form that cannot be resolved keeps ``antecedent=None`` and says why
in ``problem``; the checks stage reports it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from citecheck.citations.acronyms import acronyms, is_acronym
from citecheck.citations.work_keys import (
    CO_AUTHORS,
    SHORT_TITLE_LIKENESS,
    TITLE_LOOKBACK,
    Signature,
    as_pinpoint,
    fold_text,
    looks_short_title,
    reporter_cites,
    same_titled,
    title_key,
    title_match,
)
from citecheck.model import Citation, CitationType, ShortForm

__all__ = ["Hint", "resolve_citations"]


class Hint(NamedTuple):
    """What the piece's text said beyond its fields, for resolving."""

    note: str | None = None  # the note a "supra note N" names
    who: str | None = None  # the author, title or name a short form names
    defines: str | None = None  # the name a full citation gives itself ("[hereinafter QHSR]")


class _Resolver:
    """Walks the citations in order, keeping indexes so each step stays cheap."""

    def __init__(self, first_work: int = 0, defined: dict[str, str] | None = None) -> None:
        self.done: list[Citation] = []
        # "[hereinafter QHSR]" names: folded name -> position of the full citation, and
        # every name the manuscript defines -> the note defining it (to tell "later").
        self.named: dict[str, int] = {}
        self.defined = defined or {}
        self.by_index: dict[int, Citation] = {}
        self.works = first_work
        self.titled: dict[tuple[str, str], list[tuple[str, Signature]]] = defaultdict(list)
        self.by_cvp: dict[tuple[str, str, str], str] = {}
        self.by_url: dict[str, str] = {}
        # Cases by each reporter they are cited in, the parallel one included.
        self.by_report: dict[tuple[str, str, str], str] = {}
        self.full_by_family: dict[str, list[int]] = defaultdict(list)
        # Corporate authors by their acronyms ("epa" for "U.S. Environmental Protection Agency").
        self.full_by_acronym: dict[str, list[int]] = defaultdict(list)
        self.full_by_note: dict[str, list[int]] = defaultdict(list)
        self.full_by_title: dict[str, list[int]] = defaultdict(list)
        self.full_by_reporter: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.works_in_note: dict[str, set[str]] = defaultdict(set)

    def fresh_id(self) -> str:
        self.works += 1
        return f"w{self.works}"

    def add(self, citation: Citation) -> None:
        """Record a resolved citation in the indexes."""
        position = len(self.done)
        self.done.append(citation)
        self.by_index[citation.index] = citation
        self.works_in_note[citation.note].add(citation.work)
        if citation.short_form is not None:
            return
        for person in citation.authors:
            self.full_by_family[fold_text(person.family)].append(position)
            if person.given is None and " " in person.family:
                for acronym in acronyms(person.family):
                    self.full_by_acronym[acronym].append(position)
        self.full_by_note[citation.note].append(position)
        if citation.title:
            self.full_by_title[title_key(citation.title)].append(position)
        if citation.volume and citation.container:
            key = (fold_text(citation.container), citation.volume)
            self.full_by_reporter[key].append(position)
        parallel = reporter_cites(citation)[1:]
        for container, volume, _page in parallel:
            # "Carpenter, 138 S. Ct. at 2220" finds the case first cited with "585 U.S. 296".
            self.full_by_reporter[(container, volume)].append(position)

    def new_work(self, citation: Citation) -> str:
        sig = Signature.of(citation)
        work_id: str | None = None
        if sig.title:
            bucket = self.titled[sig.block]
            for candidate, rep in bucket:
                if same_titled(rep, sig):
                    work_id = candidate
                    break
        elif sig.container and sig.volume and sig.first_page:
            work_id = self.by_cvp.get((sig.container, sig.volume, sig.first_page))
        reports = reporter_cites(citation)
        if work_id is None and reports:
            # A case cited in one note by "585 U.S. 296, 138 S. Ct. 2206" and in another
            # by "138 S. Ct. 2206" alone is one case.
            work_id = next((self.by_report[r] for r in reports if r in self.by_report), None)
        if work_id is None and sig.url:
            # The same address is the same document, however the note names it.
            work_id = self.by_url.get(sig.url)
        if work_id is None:
            work_id = self.fresh_id()
        if sig.title and not any(w == work_id for w, _ in self.titled[sig.block]):
            self.titled[sig.block].append((work_id, sig))
        if not sig.title and sig.container and sig.volume and sig.first_page:
            self.by_cvp.setdefault((sig.container, sig.volume, sig.first_page), work_id)
        if sig.url:
            self.by_url.setdefault(sig.url, work_id)
        for report in reports:
            self.by_report.setdefault(report, work_id)
        return work_id

    def resolve(self, citation: Citation, hint: Hint) -> Citation:
        form = citation.short_form
        if form in (ShortForm.SUPRA, ShortForm.SHORT_TITLE) and hint.who and self.defined:
            by_name = self._by_name(citation, hint)
            if by_name is not None:
                return by_name
        if form in (ShortForm.ID, ShortForm.IBID):
            return self._ibid(citation)
        if form is ShortForm.SUPRA:
            return self._supra(citation, hint)
        if form is ShortForm.SHORT_TITLE and citation.type is CitationType.CASE:
            return self._short_case(citation, hint)
        if form is ShortForm.SHORT_TITLE:
            return self._short_author(citation, hint)
        if looks_short_title(citation):
            # A page range ("160–61") reads as pages: a short form only if it resolves.
            found = self._short_title(as_pinpoint(citation), strict=citation.pages is not None)
            if found is not None:
                return found
        return replace(citation, work=self.new_work(citation))

    def _by_family(self, raw: str) -> list[int]:
        """Full citations by the author ``raw`` names: a family name, or a body's acronym."""
        family = fold_text(raw)
        positions = self.full_by_family.get(family, [])
        if not positions and is_acronym(raw.strip()):
            return self.full_by_acronym.get(family, [])
        return positions

    def _link(self, citation: Citation, target: Citation, problem: str | None = None) -> Citation:
        if target.short_form is not None:
            # "Ibid." after "Ibid.": the antecedent is the full citation both mean.
            if target.antecedent is None:
                return self._unresolved(
                    citation, "refers back to a short form that could not be resolved"
                )
            target = self.by_index[target.antecedent]
        return replace(
            citation,
            antecedent=target.index,
            work=target.work,
            type=target.type,
            problem=problem or citation.problem,
        )

    def _by_name(self, citation: Citation, hint: Hint) -> Citation | None:
        """ "QHSR, supra note 3" / "QHSR at 12": the work that named itself QHSR."""
        name = hint.who or ""
        key = fold_text(name)
        position = self.named.get(key)
        if position is None:
            where = self.defined.get(key)
            if where is None:
                return None  # no such name: an author or a title, as before
            return self._unresolved(
                citation,
                f"{name!r} is defined only later, by the [hereinafter {name}] of note {where};"
                " the full citation must come first",
            )
        target = self.done[position]
        problem = None
        if hint.note is not None and hint.note != target.note:
            in_note = {self.done[p].work for p in self.full_by_note.get(hint.note, [])}
            if target.work not in in_note:
                problem = (
                    f"supra note {hint.note}: {name} is cited in full in note {target.note}, "
                    f"not in note {hint.note}"
                )
        return self._link(citation, target, problem)

    def _undefined(self, name: str) -> str:
        """What to add when a short form's name is no one's: no note defines it either."""
        if any(ch.isupper() for ch in name[1:]) and fold_text(name) not in self.full_by_family:
            # "QHSR", "NRC Report": the shape of a name a note would have given itself.
            return f"; no note names a work {name!r} with [hereinafter {name}]"
        return ""

    def _unresolved(self, citation: Citation, why: str) -> Citation:
        # An unresolved short form names no work: it is never grouped with
        # others, and it takes no id that a later work would otherwise have.
        return replace(citation, antecedent=None, work="", problem=why)

    def _ibid(self, citation: Citation) -> Citation:
        word = "Id." if citation.short_form is ShortForm.ID else "Ibid."
        if not self.done:
            return self._unresolved(citation, f"{word} with no earlier citation to refer to")
        target = self.done[-1]
        problem = None
        if target.note != citation.note and len(self.works_in_note[target.note]) > 1:
            problem = (
                f"{word} follows note {target.note}, which cites several works; "
                f"taken to mean the last one"
            )
        return self._link(citation, target, problem)

    def _supra(self, citation: Citation, hint: Hint) -> Citation:
        note, raw_who = hint.note, hint.who
        if raw_who is None:
            return self._bare_supra(citation, note)
        raw_who = raw_who or ""
        who = fold_text(raw_who)
        # "Warren & Brandeis, supra note 1": the work is found by its first author's family
        # name, as a short author form is.
        first = CO_AUTHORS.split(raw_who.split(",")[0])[0] if raw_who else ""
        family = fold_text(first)
        short_title = raw_who.split(",", 1)[1] if "," in raw_who else ""
        if note is not None:
            positions = self.full_by_note.get(note, [])
            if not positions:
                return self._unresolved(
                    citation, f"supra note {note}: note {note} has no earlier full citation"
                )
        else:
            by_family = self._by_family(first)
            start = max(0, len(self.done) - TITLE_LOOKBACK)
            positions = sorted(set(by_family) | set(range(start, len(self.done))))
        for position in reversed(positions):
            candidate = self.done[position]
            if candidate.short_form is None and self._supra_match(
                candidate, family, who, short_title
            ):
                return self._link(citation, candidate)
        where = f"in note {note}" if note is not None else "earlier"
        return self._unresolved(
            citation, f"supra: no work by or titled {raw_who!r} {where}{self._undefined(raw_who)}"
        )

    def _bare_supra(self, citation: Citation, note: str | None) -> Citation:
        """ "Supra note 3": the work cited in note 3, if it cites only one."""
        if note is None:
            return self._unresolved(citation, citation.problem or "supra names no note or work")
        positions = self.full_by_note.get(note, [])
        if not positions:
            return self._unresolved(
                citation, f"supra note {note}: note {note} has no earlier full citation"
            )
        works = {self.done[p].work for p in positions}
        if len(works) > 1:
            return self._link(
                citation,
                self.done[positions[0]],
                f"supra note {note} names no author and note {note} cites several works; "
                "taken to mean the first",
            )
        return self._link(citation, self.done[positions[-1]])

    @staticmethod
    def _supra_match(c: Citation, family: str, who: str, short_title: str) -> bool:
        families = [fold_text(p.family) for p in c.authors]
        named = family and any(f == family or f.endswith(" " + family) for f in families)
        if not named and family and len(family) < 10 and " " not in family:
            # "EPA, supra note 2": a body by its acronym.
            named = any(family in acronyms(p.family) for p in c.authors if p.given is None)
        if named:
            if short_title.strip() and c.title:
                return title_match(short_title, c.title) >= SHORT_TITLE_LIKENESS
            return True
        if who and c.title and title_match(who, c.title) >= SHORT_TITLE_LIKENESS:
            return True
        if who and c.title and c.type is CitationType.CASE and not c.authors:
            # OSCOLA "Miller (n 5)": a case named by one party.
            return who in fold_text(c.title).split() or fold_text(c.title).startswith(who)
        return bool(who and c.title is None and c.container and fold_text(c.container) == who)

    def _short_title(self, citation: Citation, *, strict: bool = False) -> Citation | None:
        if not citation.authors:
            # "World Order, 12.": a title alone, if it starts an earlier title.
            key = title_key(citation.title)
            for position in reversed(self.full_by_title.get(key, [])):
                c = self.done[position]
                if c.title and title_match(citation.title or "", c.title) >= SHORT_TITLE_LIKENESS:
                    return self._link(replace(citation, short_form=ShortForm.SHORT_TITLE), c)
            return None
        positions = self._by_family(citation.authors[0].family)
        for position in reversed(positions):
            c = self.done[position]
            if (
                c.title
                and title_match(citation.title or "", c.title, inner=True) >= SHORT_TITLE_LIKENESS
            ):
                return self._link(replace(citation, short_form=ShortForm.SHORT_TITLE), c)
        if positions and not strict:
            # The author was cited, but no title starts this way.
            return self._unresolved(
                replace(citation, short_form=ShortForm.SHORT_TITLE),
                f"short title {citation.title!r}: no earlier work by "
                f"{citation.authors[0].family} with that title",
            )
        return None

    def _short_author(self, citation: Citation, hint: Hint) -> Citation:
        """ "Kissinger, 45.": the latest full citation of a work by that author."""
        who = hint.who or ""
        positions = self._by_family(re.split(r"\s+(?:and|&)\s+|\s+et\s+al\b", who)[0])
        if positions:
            return self._link(citation, self.done[positions[-1]])
        return self._unresolved(
            citation, f"short form {who!r}: no earlier work by {who}{self._undefined(who)}"
        )

    def _short_case(self, citation: Citation, hint: Hint) -> Citation:
        guess = fold_text(hint.who or "")
        key = (fold_text(citation.container), citation.volume or "")
        for position in reversed(self.full_by_reporter.get(key, [])):
            c = self.done[position]
            if guess and c.title and guess not in fold_text(c.title):
                continue
            return self._link(citation, c)
        return self._unresolved(
            citation,
            f"short cite {citation.volume} {citation.container}: no earlier full citation",
        )


def resolve_citations(
    citations: Sequence[Citation], hints: Sequence[Hint], *, first_work: int = 0
) -> tuple[Citation, ...]:
    """The same citations with ``antecedent``, ``work`` and problems filled in.

    ``hints`` go with the citations one for one: for a supra or short case
    cite, the note number it names and whose work it names; for a full
    citation, the name it gives itself ("[hereinafter QHSR]").
    Work ids count on from ``first_work`` (``w{first_work + 1}`` ...).
    """
    defined: dict[str, str] = {}
    for citation, hint in zip(citations, hints, strict=True):
        if hint.defines:
            defined.setdefault(fold_text(hint.defines), citation.note)
    resolver = _Resolver(first_work, defined)
    for citation, hint in zip(citations, hints, strict=True):
        resolved = resolver.resolve(citation, hint)
        if hint.defines and resolved.short_form is None:
            resolver.named.setdefault(fold_text(hint.defines), len(resolver.done))
        resolver.add(resolved)
    return tuple(resolver.done)
