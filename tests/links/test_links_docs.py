"""The links stage's public surface and its documentation stay in step."""

from __future__ import annotations

from pathlib import Path

import citecheck.links
from citecheck.links import is_network_available
from citecheck.model import LinkStatus

DOC = Path(__file__).resolve().parents[2] / "docs" / "links.md"


def test_every_status_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for status in LinkStatus:
        assert f"| `{status.value}` |" in text, status


def test_every_export_is_documented_and_sorted() -> None:
    text = DOC.read_text(encoding="utf-8")
    exported = citecheck.links.__all__
    assert list(exported) == sorted(exported)
    for name in exported:
        assert hasattr(citecheck.links, name)
        assert name in text, name


def test_network_check_answers_without_raising() -> None:
    assert isinstance(is_network_available(), bool)
