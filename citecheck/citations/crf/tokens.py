"""Tokens of a citation and the labels the CRF gives them.

A token is a run of letters, a run of digits, or one other visible
character, so "(1994)" is three tokens and "S." two. Labels name the field
a token belongs to; ``O`` is punctuation and words between fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LABELS", "Labelled", "Token", "token_labels", "tokenize"]

LABELS = (
    "author",
    "editor",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "pinpoint",
    "date",
    "accessed",
    "publisher",
    "place",
    "edition",
    "series",
    "number",
    "url",
    "doi",
    "O",
)

_TOKEN_RE = re.compile(r"(?:https?://|www\.)\S+|\d+|[^\W\d_]+|\S")

Token = tuple[str, int, int]


@dataclass(slots=True)
class Labelled:
    """A string with one label per character (the trainer's unit)."""

    text: str
    labels: list[str]


def tokenize(text: str) -> list[Token]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def token_labels(item: Labelled, tokens: list[Token]) -> list[str]:
    """Each token's label: the label of most of its characters."""
    out: list[str] = []
    for _word, start, end in tokens:
        counts: dict[str, int] = {}
        for label in item.labels[start:end]:
            counts[label] = counts.get(label, 0) + 1
        out.append(max(counts, key=lambda k: (counts[k], k != "O")))
    return out
