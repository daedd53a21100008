"""Records carried between a batch's passes: model records as JSON and back.

The read pass parses each manuscript once; the check pass, in another
process or on another machine, gets the parsed notes and citations from the
store instead of parsing again. Records travel as JSON (not pickles: a
shared database is no place for code to run on load), written from the
dataclass fields and read back by the fields' types, so only model records
can come out. A field at its default is left out, which keeps rows small.

``parse_fingerprint`` names the code that parsed: citecheck's version and a
digest of its source and model files, so a parse is reused only by the very
code that made it (a version number alone stays the same across edits).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
import zlib
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import citecheck
from citecheck.model import ArchiveResult, Citation, FootnoteSet

__all__ = [
    "CarryError",
    "decode_archive",
    "decode_citation",
    "decode_parsed",
    "encode_archive",
    "encode_citation",
    "encode_parsed",
    "parse_fingerprint",
]

T = TypeVar("T")


class CarryError(ValueError):
    """A carried record that does not fit the model (another version's, or damaged)."""


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.default is not dataclasses.MISSING and item == field.default:
                continue
            out[field.name] = _to_json(item)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json(item) for item in value]
    return value


Reader = Callable[[Any], Any]


def _scalar(kind: type) -> Reader:
    def read(data: Any) -> Any:
        # bool is an int to isinstance: keep the two apart both ways.
        if type(data) is not kind and not (kind is float and type(data) is int):
            raise CarryError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return read


@functools.cache
def _reader(hint: Any) -> Reader:
    """How to read a value of the type ``hint`` back from JSON."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unsupported union {hint}")
        inner = _reader(options[0])
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _reader(args[0])
            return lambda data: tuple(each(item) for item in _list(data))
        readers = [_reader(a) for a in args]

        def fixed(data: Any) -> tuple[Any, ...]:
            items = _list(data)
            if len(items) != len(readers):
                raise CarryError(f"expected {len(readers)} items, got {len(items)}")
            return tuple(read(item) for read, item in zip(readers, items, strict=True))

        return fixed
    if isinstance(hint, type) and issubclass(hint, Enum):
        enum = hint
        return lambda data: enum(data)
    if hint is datetime:
        return lambda data: datetime.fromisoformat(_scalar(str)(data))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_reader(hint)
    if hint in (str, int, float, bool):
        return _scalar(hint)
    raise TypeError(f"unsupported field type {hint}")


def _list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise CarryError(f"expected a list, got {type(data).__name__}")
    return data


def _record_reader(cls: type) -> Reader:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    # Built on first use: records refer to each other (Citation -> Location ...).
    readers: dict[str, Reader] = {}

    def read(data: Any) -> Any:
        if not isinstance(data, dict):
            raise CarryError(f"expected a {cls.__name__} object")
        unknown = set(data) - set(names)
        if unknown:
            raise CarryError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
        if not readers:
            readers.update((name, _reader(hints[name])) for name in names)
        try:
            return cls(**{name: readers[name](value) for name, value in data.items()})
        except TypeError as error:  # a required field missing
            raise CarryError(f"{cls.__name__}: {error}") from None

    return read


def _load(cls: type[T], data: Any) -> T:
    try:
        value: T = _reader(typing.cast(Any, cls))(data)
    except (ValueError, KeyError) as error:
        raise CarryError(str(error)) from None
    return value


def encode_parsed(footnote_sets: Sequence[FootnoteSet], citations: Sequence[Citation]) -> bytes:
    """A manuscript's notes and citations, as the store keeps them (compressed JSON)."""
    data = {
        "footnote_sets": [_to_json(s) for s in footnote_sets],
        "citations": [_to_json(c) for c in citations],
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def decode_parsed(body: bytes) -> tuple[tuple[FootnoteSet, ...], tuple[Citation, ...]]:
    """The inverse of ``encode_parsed``.

    Raises:
        CarryError: the body is not a parse this code wrote.
    """
    try:
        data = json.loads(zlib.decompress(body))
    except (zlib.error, ValueError) as error:
        raise CarryError(f"not a carried parse: {error}") from None
    if not isinstance(data, dict):
        raise CarryError("not a carried parse")
    sets = tuple(_load(FootnoteSet, s) for s in _list(data.get("footnote_sets")))
    citations = tuple(_load(Citation, c) for c in _list(data.get("citations")))
    return sets, citations


def encode_citation(citation: Citation) -> str:
    return json.dumps(_to_json(citation), ensure_ascii=False, separators=(",", ":"))


def decode_citation(text: str) -> Citation:
    return _load(Citation, json.loads(text))


def encode_archive(result: ArchiveResult) -> str:
    return json.dumps(_to_json(result), ensure_ascii=False, separators=(",", ":"))


def decode_archive(text: str) -> ArchiveResult:
    return _load(ArchiveResult, json.loads(text))


@functools.cache
def parse_fingerprint() -> str:
    """citecheck's version and a digest of every source and model file of the package."""
    root = Path(citecheck.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".crfsuite", ".json", ".toml"} and path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(path.read_bytes())
    return f"{citecheck.__version__}+{digest.hexdigest()[:16]}"
