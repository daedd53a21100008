"""A small library of works as Crossref, OpenAlex and CourtListener hold them (test data)."""

from __future__ import annotations

from typing import Any


def crossref_work(
    doi: str,
    title: str,
    authors: list[str],
    year: int,
    journal: str,
    *,
    short: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    subtitle: str | None = None,
    online: int | None = None,
    updated_by: list[dict[str, Any]] | None = None,
    kind: str = "journal-article",
) -> dict[str, Any]:
    work: dict[str, Any] = {
        "DOI": doi,
        "type": kind,
        "title": [title],
        # Crossref: the first author "first", every other one "additional".
        "author": [
            {"given": "A.", "family": family, "sequence": "first" if i == 0 else "additional"}
            for i, family in enumerate(authors)
        ],
        "container-title": [journal],
        "short-container-title": [short] if short else [],
        "published-print": {"date-parts": [[year]]},
        "issued": {"date-parts": [[online or year]]},
        # Since 2021 Crossref also gives "published": the earliest of print and online.
        "published": {"date-parts": [[online or year]]},
        "URL": f"https://doi.org/{doi}",
    }
    if online is not None:
        work["published-online"] = {"date-parts": [[online, 11, 3]]}
    if subtitle:
        work["subtitle"] = [subtitle]
    for key, value in (("volume", volume), ("issue", issue), ("page", page)):
        if value:
            work[key] = value
    if updated_by:
        work["updated-by"] = updated_by
    return work


def notice(kind: str, doi: str, source: str = "retraction-watch") -> dict[str, Any]:
    return {
        "updated": {"date-parts": [[2021, 6, 1]], "date-time": "2021-06-01T00:00:00Z"},
        "DOI": doi,
        "type": kind,
        "source": source,
        "label": kind.replace("_", " ").title(),
        "record-id": 40123,
    }


CROSSREF = [
    crossref_work(
        "10.2307/1321160",
        "The Right to Privacy",
        ["Warren", "Brandeis"],
        1890,
        "Harvard Law Review",
        short="Harv. L. Rev.",
        volume="4",
        issue="5",
        page="193-220",
    ),
    crossref_work(
        "10.1016/j.jclinepi.2014.09.005",
        "Quotation accuracy in medical journal articles",
        ["Jergas", "Baethge"],
        2015,
        "Journal of Clinical Epidemiology",
        short="J. Clin. Epidemiol.",
        volume="68",
        issue="3",
        page="255-260",
        subtitle="a systematic review and meta-analysis",
        online=2014,
    ),
    crossref_work(
        "10.1021/ja00001a001",
        "Catalytic asymmetric hydrogenation of enamides",
        ["Müller", "Ortega"],
        2003,
        "Journal of the American Chemical Society",
        short="J. Am. Chem. Soc.",
        volume="125",
        issue="12",
        page="3456-3470",
    ),
    # Retracted, corrected and of concern, as Retraction Watch data in Crossref shows them.
    crossref_work(
        "10.1016/s0140-6736(97)11096-0",
        "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
        "developmental disorder in children",
        ["Wakefield", "Murch"],
        1998,
        "The Lancet",
        volume="351",
        issue="9103",
        page="637-641",
        updated_by=[notice("retraction", "10.1016/s0140-6736(10)60175-4")],
    ),
    crossref_work(
        "10.1000/corrected.2019",
        "Soil carbon storage under rotational grazing",
        ["Hargreave"],
        2019,
        "Ecology Letters",
        volume="22",
        page="101-110",
        updated_by=[notice("correction", "10.1000/corrected.2019.erratum", "publisher")],
    ),
    crossref_work(
        "10.1000/concern.2020",
        "Telomere length and social status in wild baboons",
        ["Okonkwo"],
        2020,
        "Proceedings of the Royal Society B",
        volume="287",
        page="20200001",
        updated_by=[notice("expression_of_concern", "10.1000/concern.2020.eoc")],
    ),
    # The right work and its decoy: same topic words, other authors, year and journal.
    crossref_work(
        "10.1000/urban.heat.2018",
        "Urban heat islands and street tree canopy cover",
        ["Lindqvist"],
        2018,
        "Landscape and Urban Planning",
        volume="170",
        page="10-19",
    ),
    crossref_work(
        "10.1000/decoy.2021",
        "Urban heat islands, street trees and canopy cover in Nordic cities: a review",
        ["Pereira", "Tanaka"],
        2021,
        "Urban Forestry & Urban Greening",
        volume="59",
        page="127001",
    ),
    crossref_work(
        "10.1000/ostrom.book",
        "Governing the Commons",
        ["Ostrom"],
        1990,
        "Cambridge University Press",
        kind="book",
    ),
]
for work in CROSSREF:
    if work["DOI"] == "10.1000/ostrom.book":
        work["ISBN"] = ["9780521405997"]
        work["container-title"] = []

# A work only OpenAlex holds (no Crossref DOI record), and one it flags retracted.
OPENALEX = [
    {
        "id": "https://openalex.org/W4000000001",
        "doi": "https://doi.org/10.5555/only.openalex",
        "title": "Peatland drainage and methane flux in boreal Finland",
        "display_name": "Peatland drainage and methane flux in boreal Finland",
        "publication_year": 2016,
        "authorships": [{"author": {"display_name": "Aino Virtanen"}}],
        "primary_location": {"source": {"display_name": "Biogeosciences"}},
        "biblio": {"volume": "13", "issue": "4", "first_page": "1201", "last_page": "1214"},
        "is_retracted": False,
    },
    {
        "id": "https://openalex.org/W4000000002",
        "doi": "https://doi.org/10.1000/corrected.2019",
        "title": "Soil carbon storage under rotational grazing",
        "publication_year": 2019,
        "authorships": [{"author": {"display_name": "R. Hargreave"}}],
        "primary_location": {"source": {"display_name": "Ecology Letters"}},
        "biblio": {"volume": "22", "first_page": "101", "last_page": "110"},
        "is_retracted": False,
    },
    {
        "id": "https://openalex.org/W4000000003",
        "doi": "https://doi.org/10.1021/ja00001a001",
        "title": "Catalytic asymmetric hydrogenation of enamides",
        "publication_year": 2003,
        "authorships": [{"author": {"display_name": "K. Müller"}}],
        "primary_location": {
            "source": {"display_name": "Journal of the American Chemical Society"}
        },
        "biblio": {"volume": "125", "first_page": "3456", "last_page": "3470"},
        "is_retracted": True,
    },
]

CASES = {
    "347 U.S. 483": {
        "id": 105221,
        "case_name": "Brown v. Board of Education",
        "date_filed": "1954-05-17",
        "absolute_url": "/opinion/105221/brown-v-board-of-education/",
        "citations": [{"volume": 347, "reporter": "U.S.", "page": "483", "type": 1}],
    }
}
