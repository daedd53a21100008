"""A registry of functions imported on first use, so a command loads only the formats it needs."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["LazyFunctions"]

F = TypeVar("F")


class LazyFunctions(Mapping[str, F], Generic[F]):
    """``name -> "module:function"``, read as ``name -> function``; each module imported once.

    Listing the names (``tuple(registry)``, ``in``) imports nothing: an
    argument parser can offer the choices without loading, say, the PDF
    reader or the HTML report's templates.
    """

    def __init__(self, targets: Mapping[str, str]) -> None:
        self._targets = dict(targets)
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> F:
        if name not in self._loaded:
            module, _, function = self._targets[name].partition(":")
            self._loaded[name] = getattr(importlib.import_module(module), function)
        loaded: F = self._loaded[name]
        return loaded

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)
