"""A reference's own numbers are never figures: identifiers and volume, issue and pages.

A user test found ``sum-mismatch`` adding a DOI's two halves against an APA page range
("doi:10.2307/1321160" against "193–220") and reading a Vancouver volume and issue as parts.
Each style that prints its numbers bare is probed, and a real slip beside a reference still
fires.
"""

from __future__ import annotations

import pytest
from round_probes import note_rules, rules

from citecheck.checks.numbers import find_quantities

REFERENCES = [
    # APA 7: volume(issue), pages, DOI
    "Warren, S. D., & Brandeis, L. D. (1890). The right to privacy. *Harvard Law Review*, "
    "4(5), 193–220. doi:10.2307/1321160).",
    "Hirsch, J. E. (2005). An index to quantify an individual's scientific research output. "
    "*PNAS*, 102(46), 16569–16572. https://doi.org/10.1073/pnas.0507655102",
    # Vancouver / ICMJE
    "Hirsch JE. An index to quantify research output. Proc Natl Acad Sci U S A. "
    "2005;102(46):16569-72.",
    "Murch SH, Anthony A. Retraction of an interpretation. Lancet. 2004 Mar 6;363(9411):750.",
    # IEEE
    'A. Author and B. Writer, "A study of networks," IEEE Trans. Netw., vol. 12, no. 4, '
    "pp. 101-115, 2019.",
    # Nature and Science
    "Smith, A. et al. Coral decline. Nature 455, 1002–1005 (2008).",
    "Open Science Collaboration. Estimating reproducibility. Science 349(6251), aac4716.",
    "Ioannidis JPA. Why most findings are false. PLoS Med 2(8): e124.",
    # identifiers
    "Preprint, arXiv:2101.00001v2; ISBN 978-0-14-312755-0; PMID: 16060722.",
]


@pytest.mark.parametrize("reference", REFERENCES)
def test_a_reference_prints_no_figures(reference: str) -> None:
    found = [q.text for q in find_quantities(reference)]
    # a year may stay (it is read as a year, never a part or a total)
    assert all(text.isdigit() and len(text) == 4 for text in found), found


@pytest.mark.parametrize("reference", REFERENCES)
def test_a_note_that_is_a_reference_raises_nothing(reference: str) -> None:
    assert note_rules("The record is plain.", reference) == set()


def test_the_blanked_spans_keep_offsets() -> None:
    text = "See 4(5), 193–220. The city spent $5 million on 2 parks."
    (money, parks) = find_quantities(text)
    assert text[money.start : money.end] == "$5 million"
    assert parks.text == "2"


@pytest.mark.parametrize(
    "prose",
    [
        # figures with a year in brackets are no volume(issue): they keep their meaning
        "The fleet grew to 120 (2021) from 80 (2019).",
        "Spending was $40 million (2019), of which $12 million (30%) went to bridges.",
    ],
)
def test_prose_with_bracketed_years_keeps_its_figures(prose: str) -> None:
    found = [q.text for q in find_quantities(prose)]
    assert any(not (t.isdigit() and len(t) == 4) for t in found), found


def test_a_slip_beside_a_reference_still_fires() -> None:
    body = (
        "The three programmes cost $2 million, $3 million and $4 million, a total of "
        "$19 million, as Hirsch, J. E. (2005), *PNAS*, 102(46), 16569–16572 reports."
    )
    assert "sum-mismatch" in rules(body)
