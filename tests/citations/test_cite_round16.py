"""Round 16: short forms a user's manuscripts held (made-up works, several phrasings each).

A short title whose pinpoint is a page range; corporate authors shortened to
their acronym; signals and prose never read as an author.
"""

from __future__ import annotations

import pytest
from cite_factories import cite_notes

from citecheck.model import ShortForm

# --- 1. a short title with a page-range pinpoint --------------------------------------

_BOOK = "Ingrid Halvorsen, *Quiet Harbours: A Coastal History* (Oslo: Norli, 2015), 40–45."
_ARTICLE = (
    "Ingrid Halvorsen and Pablo Ruiz, “Tidal Ledgers of the North Sea,” *Maritime Studies* 12,"
    " no. 1 (2019): 1–30."
)


@pytest.mark.parametrize(
    ("short", "target", "pin"),
    [
        ("Halvorsen, *Quiet Harbours*, 88–93.", 0, "88–93"),
        ("Halvorsen, *Quiet Harbours*, pp. 88-93.", 0, "88-93"),
        ("Halvorsen, *Quiet Harbours*, at 102–4.", 0, "102–4"),
        ("Halvorsen and Ruiz, “Tidal Ledgers,” 14–19.", 1, "14–19"),
        ("Halvorsen and Ruiz, “Tidal Ledgers of the North Sea,” pp. 3–5.", 1, "3–5"),
    ],
)
def test_short_title_with_a_page_range_is_a_pinpoint(short: str, target: int, pin: str) -> None:
    *_, got = cite_notes(_BOOK, _ARTICLE, short)
    assert got.short_form is ShortForm.SHORT_TITLE
    assert got.antecedent == target
    assert got.pinpoint == pin and got.pages is None
    assert got.work == ("w1", "w2")[target]


def test_id_after_a_ranged_short_title_is_the_book_not_the_range() -> None:
    *_, short, ibid = cite_notes(_BOOK, "Halvorsen, *Quiet Harbours*, 240–44.", "Id. at 245.")
    assert short.antecedent == 0
    assert ibid.work == "w1" and ibid.pinpoint == "245"


def test_a_ranged_title_with_no_earlier_match_stays_a_full_citation() -> None:
    # Nothing earlier by this author has this title: the range stays the work's pages.
    *_, got = cite_notes(_BOOK, "Halvorsen, *Salt Roads*, 14–19.")
    assert got.short_form is None
    assert got.pages == "14–19"
    assert got.work == "w2" and got.problem is None
