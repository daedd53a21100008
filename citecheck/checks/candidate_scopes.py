"""The scopes the learned layer's candidates are drawn from (``candidates``).

A scope is one sentence, a sentence and the next one of its passage (when they do not cite
different notes: those are different claims), or a body sentence and a sentence of the note it
cites (also when the body sentence has no figure of its own: its words are the cue).
Citation sentences, tables and table rows are no scopes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.candidate_records import JOIN, Scope
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Passage, Sentence

__all__ = ["MAX_FIGURES", "scopes"]

MAX_FIGURES = 12  # a scope with more figures is a table, not prose
# "| round 8 | 42 | 2 | 7 | 0.95 | 0.86 |": a table row's cells are columns, not one sentence
_TABLE_ROW = re.compile(r"\|[^|\n]*\|[^|\n]*\|[^|\n]*\|")


def scopes(passages: tuple[Passage, ...]) -> Iterator[Scope]:
    """Every scope of the run's passages."""
    notes = {p.note: p for p in passages if p.note is not None}
    for passage in passages:
        sentences = _redated(passage.sentences)
        for index, sentence in enumerate(sentences):
            if len(sentence.quantities) > MAX_FIGURES or _TABLE_ROW.search(sentence.text):
                continue
            broad = False
            if _cited(sentence, passage.note):
                # Round 16: a body sentence cited only by years in brackets after figures is a
                # flattened table ("1.82m (2022)"); the broad proposal alone reads it.
                if passage.note is not None or not _only_dated_figures(sentence.text):
                    continue
                broad = True
            cited = notes.get(sentence.note) if sentence.note and passage.note is None else None
            if not sentence.quantities:
                # "... make up the whole of the mill's output.[^1]": the cue is in the body,
                # every figure in the note; the scope joins them, its groups all the note's.
                for other in cited.sentences[:3] if cited is not None else ():
                    if figures := _note_figures(other):
                        yield _joined(sentence, other, "cue", figures, broad)
                continue
            yield Scope(
                sentence.text, sentence.quantities, "one", len(sentence.text), sentence, None, broad
            )
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            if (
                following is not None
                and _has_figures(following)
                and _one_claim(sentence, following)
            ):
                yield _joined(sentence, following, "next", broad=broad)
            for other in cited.sentences[:3] if cited is not None else ():
                if figures := _note_figures(other):  # read once: it searches the note
                    yield _joined(sentence, other, "note", figures, broad)


def _one_claim(first: Sentence, second: Sentence) -> bool:
    """Sentences that cite different notes make different claims: their figures are not read
    together ("... 12.8 million a year.[^1] The budget tripled ...[^2]")."""
    return first.note is None or second.note is None or first.note == second.note


def _cited(sentence: Sentence, note: str | None) -> bool:
    """A citation sentence. In body prose "No. 14" is a label ("Situation report no. 14: ..."),
    not a citation: only its figure is dropped (``_well_formed``)."""
    if note is not None:
        return _CITATION.search(sentence.text) is not None
    return any(not _SERIAL.fullmatch(m.group()) for m in _CITATION.finditer(sentence.text))


# "1.82m (2022)", "4.2 kg (2021)": a figure dated in brackets, a flattened table's cell.
# Not a page range's end: "1002–1005 (2008)" is a citation.
_FIGURE_BEFORE = re.compile(r"(?<![\d–-])\d[\d,]*(?:\.\d+)?\s*(?:%|[a-zA-Z]{1,3})?\s*$")


def _only_dated_figures(text: str) -> bool:
    """Every citation mark of the sentence is a year in brackets right after a figure."""
    return all(
        m.group().startswith("(") and _FIGURE_BEFORE.search(text, max(0, m.start() - 16), m.start())
        for m in _CITATION.finditer(text)
        if not _SERIAL.fullmatch(m.group())
    )


def _redated(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """A figure said again keeps the dating of its first mention: "answered 2.19 million calls
    last year. ... Yes, 2.19 million, which is 60,000 a day" restates a year's total."""
    dated: dict[str, str] = {}
    out: list[Sentence] = []
    for sentence in sentences:
        kept = []
        for q in sentence.quantities:
            if q.total_of is None and q.period is None and q.text in dated:
                q = replace(q, total_of=dated[q.text])
            elif q.total_of is not None and q.period is None and q.kind is not Kind.YEAR:
                dated.setdefault(q.text, q.total_of)
            kept.append(q)
        changed = any(a is not b for a, b in zip(kept, sentence.quantities, strict=True))
        out.append(replace(sentence, quantities=tuple(kept)) if changed else sentence)
    return tuple(out)


def _has_figures(sentence: Sentence) -> bool:
    return bool(sentence.quantities) and not _CITATION.search(sentence.text)


def _note_figures(sentence: Sentence) -> tuple[Quantity, ...]:
    """A note sentence's figures a body sentence may be checked against.

    A note in citation form still reports data ("98 Tex. L. Rev. 411, 430 (2021) (small-donor
    share of 22 percent in 2012 and 40 percent in 2020)", "Annual Review 2024, p. 9: 52,000
    phishing reports"): of such a sentence only the figures that carry a currency, a percent
    sign or word, or a noun are kept; its bare volumes, pages and section numbers are not.
    """
    if not _CITATION.search(sentence.text):
        return sentence.quantities
    return tuple(q for q in sentence.quantities if _reported(sentence.text, q))


def _reported(text: str, quantity: Quantity) -> bool:
    if quantity.kind is Kind.MONEY:
        return quantity.currency is not None
    if quantity.kind is Kind.PERCENT:
        return not _PAGES_AFTER.match(text, quantity.end - 2)  # "120 pp." is pages
    if quantity.kind is Kind.COUNT:
        return quantity.noun is not None and quantity.noun not in _NOT_NOUNS
    return quantity.kind is Kind.MULTIPLIER


_PAGES_AFTER = re.compile(r"pp?\.")
_NOT_NOUNS = frozenset({"in", "at", "of", "and", "to", "for", "on", "by", "see", "n", "para"})


def _joined(
    first: Sentence,
    second: Sentence,
    link: str,
    figures: tuple[Quantity, ...] | None = None,
    broad: bool = False,
) -> Scope:
    shift = len(first.text) + len(JOIN)
    kept = second.quantities if figures is None else figures
    moved = tuple(replace(q, start=q.start + shift, end=q.end + shift) for q in kept)
    return Scope(
        first.text + JOIN + second.text,
        first.quantities + moved,
        link,
        shift,
        first,
        second,
        broad,
    )


# A citation's numbers (volumes, pages, report numbers) are no quantities of prose.
_CITATION = re.compile(
    r"\bv\.\s|\bU\.S\.C?\b|\b[FS]\.\s?(?:Supp\.|\d?d\b)|\bS\.\s?Ct\.|\bId\.|\bibid\b|"
    r"\bsupra\b|\bpp?\.\s*\d|\bvol\.|\bNo\.\s*\d|\(\d{4}\)|\bdoi\b|https?://|\bet al\.",
    re.IGNORECASE,
)


_SERIAL = re.compile(r"No\.\s*\d", re.IGNORECASE)
