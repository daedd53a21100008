"""The shipped CRF model: loaded once, on first use, and asked for labels.

``label`` gives one label per token of a citation; ``crf_fields`` reads
those labels into fields. The model file (``model.crfsuite``, beside this
module) is rebuilt by ``python -m citecheck.citations.train``. Without it
(a checkout that has not built it) the CRF answers nothing and the rules
stand alone.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from citecheck.citations.crf.features import features
from citecheck.citations.crf.spans import Fields, read_fields, rule_labels
from citecheck.citations.crf.tokens import Token, tokenize
from citecheck.citations.draft import Parsed

__all__ = ["MODEL_PATH", "crf_fields", "label"]

MODEL_PATH = Path(__file__).with_name("model.crfsuite")


@cache
def _tagger() -> Any:
    if not MODEL_PATH.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def label(text: str, parsed: Parsed | None) -> tuple[list[Token], list[str], float] | None:
    """The tokens of ``text``, the CRF's label for each, and the probability
    the model gives that labelling (None: no model)."""
    tagger = _tagger()
    if tagger is None:
        return None
    tokens = tokenize(text)
    if not tokens:
        return tokens, [], 0.0
    rule = rule_labels(text, tokens, parsed)
    labels = tagger.tag(features(tokens, rule, [False] * len(tokens)))
    return tokens, list(labels), float(tagger.probability(labels))


def crf_fields(text: str, parsed: Parsed | None) -> Fields | None:
    found = label(text, parsed)
    if found is None:
        return None
    tokens, labels, probability = found
    fields = read_fields(text, tokens, labels)
    fields.confidence = probability
    return fields
