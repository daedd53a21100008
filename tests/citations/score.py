"""Score citecheck's citation parser against the hand-labelled gold notes.

Usage (from the repository root)::

    .venv/bin/python tests/citations/score.py            # tables, per style and overall
    .venv/bin/python tests/citations/score.py --json     # the same figures as JSON

The gold (``tests/citations/gold/*.jsonl``) is one manuscript per file: a
``meta`` line, then one line per note with its text and the works it cites.
Each file's notes are turned into ``Footnote`` records and given to
``citecheck.citations.parse_citations`` in one call, so short forms can
resolve across notes. Predictions are read through ``serialize.citation_json``
(the documented JSON shape), never through the parser's internals.

Scoring, per note: predicted and gold citations are paired by an optimal
assignment that maximises the number of agreeing fields (a pair needs at
least one agreeing field besides ``type``). Then, per field, a pair counts a
true positive when both have the field and the values agree after
normalisation; a value the gold lacks or gets wrong is a false positive; a
gold value not recovered is a false negative. Unpaired predictions count all
their fields as false positives, unpaired gold citations all theirs as false
negatives. Micro-F1 pools every field's counts.

Normalisation (the same for gold and prediction):

- text fields (title, container, publisher, series): Unicode NFKC, accents
  folded, quotes and dashes unified, case folded, punctuation dropped, a
  leading "the"/"a"/"an" ignored; equal, or a Levenshtein similarity
  (rapidfuzz ``fuzz.ratio``) of at least ``TEXT_THRESHOLD`` = 90/100,
  which forgives a stray or missing character or short word in a long
  title but not a different word in a short one;
- authors: the ordered list of family names, folded as above, spaces and
  punctuation removed ("O’Neil" = "ONeil", "De La Calle" = "delacalle");
  ``first_author`` scores the first name alone;
- date: ``year`` compares the year; ``date`` the exact ISO text at its
  precision ("2010-05-05" vs "2010-05" is a miss); ``accessed`` likewise;
- pages and pinpoint: the first page only ("661–85" = "661"; "§ 1357(g)" =
  "1357"; "A1" = "a1");
- volume, issue, number: "vol."/"no." dropped, case and spaces folded;
- url: angle brackets and trailing punctuation dropped, scheme and "www."
  ignored, host case-folded; path and query compared exactly;
- doi: case-folded, "https://doi.org/" and "doi:" prefixes dropped;
- signal: case and punctuation folded, "for example" = "e.g.";
- type: scored on full citations only (a short form's type is its
  antecedent's business); short_form exact;
- antecedent: a short form's antecedent must be the predicted citation that
  was paired with the gold antecedent.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

if __name__ == "__main__":  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from citecheck.model import (
    Citation,
    CitationType,
    Footnote,
    Location,
    PartialDate,
    Person,
    ShortForm,
)
from citecheck.serialize import citation_json

__all__ = [
    "FIELDS",
    "GOLD_DIR",
    "TEXT_THRESHOLD",
    "GoldNote",
    "Scores",
    "gold_citations",
    "load_gold",
    "predict",
    "score",
    "score_all",
]

GOLD_DIR = Path(__file__).parent / "gold"
REPO = Path(__file__).resolve().parents[2]
TEXT_THRESHOLD = 90.0

FIELDS = (
    "type",
    "authors",
    "first_author",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "pinpoint",
    "year",
    "date",
    "accessed",
    "publisher",
    "series",
    "number",
    "url",
    "doi",
    "signal",
    "short_form",
    "antecedent",
)
GOLD_KEYS = {
    "type",
    "authors",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "pinpoint",
    "date",
    "accessed",
    "publisher",
    "series",
    "number",
    "url",
    "doi",
    "signal",
    "short_form",
    "antecedent",
}

Record = dict[str, Any]
Parser = Callable[..., Sequence[Citation]]


# ---------------------------------------------------------------- the gold


@dataclass(frozen=True)
class GoldNote:
    """One labelled note: its text and the works it cites, in order."""

    style: str
    path: str
    line: int
    label: str
    text: str
    citations: tuple[Record, ...]


def load_gold(directory: Path = GOLD_DIR) -> dict[str, tuple[GoldNote, ...]]:
    """Every gold file, by style, with its notes in manuscript order.

    Raises ``ValueError`` on a malformed line, so bad gold fails loudly.
    """
    styles: dict[str, tuple[GoldNote, ...]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        meta = json.loads(lines[0]).get("meta")
        if not isinstance(meta, dict) or "style" not in meta:
            raise ValueError(f"{path}:1: the first line must be {{'meta': {{'style': ...}}}}")
        style = meta["style"]
        source = meta.get("source") or path.resolve().relative_to(REPO).as_posix()
        notes: list[GoldNote] = []
        labels: set[str] = set()
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            data = json.loads(line)
            label = data["label"]
            for cite in data["citations"]:
                unknown = set(cite) - GOLD_KEYS - {"corporate"}
                if unknown:
                    raise ValueError(f"{path}:{number}: unknown gold keys {sorted(unknown)}")
                CitationType(cite["type"])  # raises on a misspelt type
                if cite.get("short_form") is not None:
                    ShortForm(cite["short_form"])
                antecedent = cite.get("antecedent")
                if antecedent is not None and antecedent["note"] not in labels:
                    raise ValueError(f"{path}:{number}: antecedent names no earlier note")
            labels.add(label)
            notes.append(
                GoldNote(
                    style=style,
                    path=source,
                    line=int(data.get("line", number)),
                    label=label,
                    text=data["text"],
                    citations=tuple(data["citations"]),
                )
            )
        styles[style] = tuple(notes)
    return styles


def footnotes(notes: Sequence[GoldNote]) -> tuple[Footnote, ...]:
    """The gold notes as the footnotes stage would hand them over."""
    return tuple(
        Footnote(label=n.label, text=n.text, claim="", location=Location(n.path, n.line))
        for n in notes
    )


def gold_citations(notes: Sequence[GoldNote]) -> tuple[Citation, ...]:
    """The gold as ``Citation`` records: what a perfect parser would return.

    Used to test the scorer itself (gold scored against gold must be 1.0).
    """
    index: dict[tuple[str, int], int] = {}
    out: list[Citation] = []
    for note in notes:
        for n, cite in enumerate(note.citations):
            index[(note.label, n)] = len(out)
            date = cite.get("date")
            accessed = cite.get("accessed")
            antecedent = cite.get("antecedent")
            out.append(
                Citation(
                    note=note.label,
                    index=len(out),
                    raw=note.text,
                    location=Location(note.path, note.line),
                    type=CitationType(cite["type"]),
                    signal=cite.get("signal"),
                    authors=tuple(
                        Person(a["family"], a.get("given"), bool(a.get("corporate")))
                        for a in cite.get("authors", ())
                    ),
                    title=cite.get("title"),
                    container=cite.get("container"),
                    volume=cite.get("volume"),
                    issue=cite.get("issue"),
                    pages=cite.get("pages"),
                    pinpoint=cite.get("pinpoint"),
                    date=_partial(date) if date else None,
                    accessed=_partial(accessed) if accessed else None,
                    publisher=cite.get("publisher"),
                    series=cite.get("series"),
                    number=cite.get("number"),
                    urls=(cite["url"],) if cite.get("url") else (),
                    doi=cite.get("doi"),
                    short_form=ShortForm(cite["short_form"]) if cite.get("short_form") else None,
                    antecedent=(
                        None if antecedent is None else index[(antecedent["note"], antecedent["n"])]
                    ),
                )
            )
    return tuple(out)


def _partial(iso: str) -> PartialDate:
    parts = [int(p) for p in iso.split("-")]
    return PartialDate(*parts)


# ------------------------------------------------------------- prediction


def _parser() -> Parser:
    """citecheck's parser; ImportError or AttributeError when it is missing."""
    from citecheck import citations

    parse: Parser = citations.parse_citations
    return parse


def predict(notes: Sequence[GoldNote], parse: Parser | None = None) -> tuple[Citation, ...]:
    """Run the parser (citecheck's unless given) on one gold manuscript."""
    parse = parse or _parser()
    return tuple(parse(footnotes(notes), start_index=0))


# ---------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


@cache
def _text(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES)
    value = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    value = re.sub(r"[^\w\s]", " ", value.casefold())
    return " ".join(value.split())


def _family(value: str) -> str:
    return _text(value).replace(" ", "")


def _first_page(value: str) -> str:
    text = value.casefold().replace("–", "-").replace("—", "-")
    found = re.search(r"[a-z]?\d+(?:\.\d+)*", text)
    return found.group(0) if found else _text(value)


def _numberish(value: str) -> str:
    text = _text(value)
    text = re.sub(r"^(?:vol|volume|no|nos|number|issue|pub l no)\s+", "", text)
    return text.replace(" ", "")


def _url(value: str) -> str:
    text = value.strip().strip("<>").rstrip(".,;:)]>")
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.IGNORECASE)
    host, _, rest = text.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{rest}"


def _doi(value: str) -> str:
    text = value.strip().casefold().rstrip(".,;")
    text = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text)
    return text


def _signal(value: str) -> str:
    text = value.casefold().replace("for example", "e.g.")
    return " ".join(re.sub(r"[^a-z\s]", "", text).split())


def _fields(cite: Record) -> dict[str, str]:
    """The scored fields of one citation (gold or ``citation_json``), normalised."""
    out: dict[str, str] = {}
    if cite.get("type") and not cite.get("short_form"):
        out["type"] = cite["type"]
    families = [_family(a["family"]) for a in cite.get("authors") or () if a.get("family")]
    if families:
        out["authors"] = "|".join(families)
        out["first_author"] = families[0]
    for name in ("title", "container", "publisher", "series"):
        if cite.get(name):
            out[name] = _text(cite[name])
    for name in ("volume", "issue", "number"):
        if cite.get(name):
            out[name] = _numberish(cite[name])
    for name in ("pages", "pinpoint"):
        if cite.get(name):
            out[name] = _first_page(cite[name])
    if cite.get("date"):
        out["year"] = cite["date"][:4]
        out["date"] = cite["date"]
    if cite.get("accessed"):
        out["accessed"] = cite["accessed"]
    if cite.get("url"):
        out["url"] = _url(cite["url"])
    if cite.get("doi"):
        out["doi"] = _doi(cite["doi"])
    if cite.get("signal"):
        out["signal"] = _signal(cite["signal"])
    if cite.get("short_form"):
        out["short_form"] = cite["short_form"]
    return out


_FUZZY = {"title", "container", "publisher", "series"}


def _agree(name: str, predicted: str, gold: str) -> bool:
    if predicted == gold:
        return True
    if name not in _FUZZY:
        return False
    predicted, gold = _ARTICLE.sub("", predicted), _ARTICLE.sub("", gold)
    return predicted == gold or fuzz.ratio(predicted, gold) >= TEXT_THRESHOLD


# A leading article says nothing about the work ("The Nation" = "Nation").
_ARTICLE = re.compile(r"^(?:the|a|an) ")


# --------------------------------------------------------------- counting


@dataclass
class Count:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Scores:
    """Per-field counts for a set of notes, plus citation-level segmentation."""

    fields: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
    segmentation: Count = field(default_factory=Count)
    notes: int = 0
    # (note label, field, predicted value, gold value) of every disagreement.
    misses: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name, count in other.fields.items():
            self.fields[name].add(count)
        self.segmentation.add(other.segmentation)
        self.notes += other.notes
        self.misses += other.misses

    def micro(self) -> Count:
        total = Count()
        for count in self.fields.values():
            total.add(count)
        return total

    def as_json(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "micro": self.micro().figures(),
            "segmentation": self.segmentation.figures(),
            "fields": {name: count.figures() for name, count in self.fields.items()},
        }


def _pair_score(predicted: dict[str, str], gold: dict[str, str]) -> float:
    agree = sum(
        1
        for name, value in gold.items()
        if name != "type" and name in predicted and _agree(name, predicted[name], value)
    )
    if not agree:
        return 0.0
    return agree + (0.5 if predicted.get("type") == gold.get("type") else 0.0)


def _align(predicted: list[dict[str, str]], gold: list[dict[str, str]]) -> list[tuple[int, int]]:
    """The pairing (predicted i, gold j) with the most agreeing fields.

    Exact search over assignments (notes cite a handful of works); pairs
    with no agreeing field besides type are never made.
    """
    weights = [[_pair_score(p, g) for g in gold] for p in predicted]

    @cache
    def best(i: int, used: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if i == len(predicted):
            return 0.0, ()
        result = best(i + 1, used)  # leave prediction i unpaired
        for j in range(len(gold)):
            if used & (1 << j) or weights[i][j] <= 0:
                continue
            value, pairs = best(i + 1, used | (1 << j))
            if value + weights[i][j] > result[0]:
                result = (value + weights[i][j], ((i, j), *pairs))
        return result

    return list(best(0, 0)[1])


def score(notes: Sequence[GoldNote], predicted: Sequence[Citation]) -> Scores:
    """Compare one manuscript's predictions with its gold."""
    scores = Scores(notes=len(notes))
    by_note: dict[str, list[Citation]] = {}
    for citation in predicted:
        by_note.setdefault(citation.note, []).append(citation)
    # First pass: pair citations note by note, remembering which predicted
    # citation stands for which gold one (for antecedents).
    pairs: list[tuple[str, Citation | None, Record | None]] = []
    gold_of_prediction: dict[int, tuple[str, int]] = {}
    labels = {n.label for n in notes}
    for note in notes:
        mine = by_note.get(note.label, [])
        p_fields = [_fields(citation_json(c)) for c in mine]
        g_fields = [_fields(g) for g in note.citations]
        matched = _align(p_fields, g_fields)
        paired_p = {i for i, _ in matched}
        paired_g = {j for _, j in matched}
        for i, j in matched:
            gold_of_prediction[mine[i].index] = (note.label, j)
            pairs.append((note.label, mine[i], note.citations[j]))
        pairs += [(note.label, c, None) for i, c in enumerate(mine) if i not in paired_p]
        pairs += [(note.label, None, g) for j, g in enumerate(note.citations) if j not in paired_g]
    # Predictions attached to notes the gold does not have are all false.
    for label, mine in by_note.items():
        if label not in labels:
            pairs += [(label, c, None) for c in mine]
    for label, citation, gold in pairs:
        p = _fields(citation_json(citation)) if citation is not None else {}
        g = _fields(gold) if gold is not None else {}
        if citation is not None and gold is not None:
            scores.segmentation.tp += 1
            if gold.get("short_form"):
                p.pop("type", None)  # type is scored on full citations only
        elif citation is not None:
            scores.segmentation.fp += 1
        else:
            scores.segmentation.fn += 1
        _antecedents(p, g, citation, gold, gold_of_prediction)
        for name in FIELDS:
            count = scores.fields[name]
            if name in p and name in g:
                if _agree(name, p[name], g[name]):
                    count.tp += 1
                    continue
                count.fp += 1
                count.fn += 1
            elif name in p:
                count.fp += 1
            elif name in g:
                count.fn += 1
            else:
                continue
            scores.misses.append((label, name, p.get(name), g.get(name)))
    return scores


def _antecedents(
    p: dict[str, str],
    g: dict[str, str],
    citation: Citation | None,
    gold: Record | None,
    gold_of_prediction: dict[int, tuple[str, int]],
) -> None:
    """Add the antecedent field: where each side's short form points, as a gold id."""
    if gold is not None and gold.get("antecedent") is not None:
        g["antecedent"] = f"{gold['antecedent']['note']}#{gold['antecedent']['n']}"
    if citation is not None and citation.antecedent is not None:
        target = gold_of_prediction.get(citation.antecedent)
        # An antecedent the gold never paired can match nothing.
        p["antecedent"] = "unpaired" if target is None else f"{target[0]}#{target[1]}"


def score_all(
    gold: dict[str, tuple[GoldNote, ...]] | None = None, parse: Parser | None = None
) -> dict[str, Any]:
    """Scores per style and overall, as JSON-ready figures."""
    gold = gold if gold is not None else load_gold()
    overall = Scores()
    corpus = Scores()
    styles: dict[str, Any] = {}
    misses: dict[str, list[list[str | None]]] = {}
    for style, notes in gold.items():
        scores = score(notes, predict(notes, parse))
        overall.add(scores)
        if style != "sample":
            corpus.add(scores)
        styles[style] = scores.as_json()
        misses[style] = [list(m) for m in scores.misses]
    return {
        "text_threshold": TEXT_THRESHOLD,
        "overall": overall.as_json(),
        "corpus_without_sample": corpus.as_json(),
        "styles": styles,
        "misses": misses,
    }


def _down(value: float) -> float:
    """Round down to 2 decimals: a floor must never sit above the measure."""
    return math.floor(value * 100 + 1e-9) / 100


def floors_from(result: dict[str, Any]) -> dict[str, Any]:
    """The floors file for a measured result (see test_quality_gate.py)."""
    return {
        "comment": (
            "F1 floors for tests/citations/test_quality_gate.py, written by "
            "`score.py --update-floors`. Below a floor fails; more than 0.02 above "
            "fails too (raise the floor)."
        ),
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "floors": {
            "overall": {
                "micro": _down(result["overall"]["micro"]["f1"]),
                "fields": {
                    name: _down(figures["f1"])
                    for name, figures in result["overall"]["fields"].items()
                },
            },
            "corpus_without_sample": {
                "micro": _down(result["corpus_without_sample"]["micro"]["f1"])
            },
            "styles": {
                style: {"micro": _down(block["micro"]["f1"])}
                for style, block in result["styles"].items()
            },
        },
    }


# ------------------------------------------------------------------ output


def _table(title: str, block: dict[str, Any]) -> str:
    rows = [f"{title}  ({block['notes']} notes)", f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}"]
    items: Iterable[tuple[str, dict[str, Any]]] = block["fields"].items()
    for name, f in items:
        rows.append(
            f"{name:<14}{f['precision']:>7.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}"
            f"  {f['tp']}/{f['fp']}/{f['fn']}"
        )
    m = block["micro"]
    s = block["segmentation"]
    rows.append(f"{'micro':<14}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}")
    rows.append(f"{'citations':<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold directory")
    parser.add_argument(
        "--misses", action="store_true", help="list every disagreement: note, field, got, want"
    )
    parser.add_argument(
        "--update-floors",
        action="store_true",
        help="write the measured F1s, rounded down to 2 decimals, to gold/floors.json",
    )
    args = parser.parse_args(argv)
    try:
        result = score_all(load_gold(args.gold))
    except (ImportError, AttributeError, NotImplementedError) as error:
        print(f"score: citecheck's parser is not available: {error!r}", file=sys.stderr)
        return 2
    if args.update_floors:
        path = args.gold / "floors.json"
        path.write_text(json.dumps(floors_from(result), indent=2) + "\n", encoding="utf-8")
        print(f"score: wrote {path}")
        return 0
    if args.misses:
        for style, rows in result["misses"].items():
            for label, name, got, want in rows:
                print(f"{style} note {label}: {name}: got {got!r}, want {want!r}")
        return 0
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    blocks = [_table(f"style {name}", block) for name, block in result["styles"].items()]
    blocks.append(_table("corpus without the sample", result["corpus_without_sample"]))
    blocks.append(_table("overall", result["overall"]))
    print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
