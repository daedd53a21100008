"""The true records for the qa5 manuscript: what Crossref, OpenAlex and CourtListener hold."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "sources"))
from works_data import crossref_work, notice  # noqa: E402

W = crossref_work
CROSSREF = [
    W("10.2307/1321160", "The Right to Privacy", ["Warren", "Brandeis"], 1890, "Harvard Law Review",
      short="Harv. L. Rev.", volume="4", issue="5", page="193-220"),
    W("10.2307/40041279", "A Taxonomy of Privacy", ["Solove"], 2006,
      "University of Pennsylvania Law Review", short="U. Pa. L. Rev.", volume="154", issue="3",
      page="477-564"),
    W("10.5555/ohm.2010", "Broken Promises of Privacy", ["Ohm"], 2010, "UCLA Law Review",
      short="UCLA L. Rev.", volume="57", page="1701-1777",
      subtitle="Responding to the Surprising Failure of Anonymization"),
    W("10.5555/cohen.2013", "What Privacy Is For", ["Cohen"], 2013, "Harvard Law Review",
      short="Harv. L. Rev.", volume="126", issue="7", page="1904-1933"),
    W("10.5555/richards.2013", "The Dangers of Surveillance", ["Richards"], 2013,
      "Harvard Law Review", short="Harv. L. Rev.", volume="126", issue="7", page="1934-1965"),
    W("10.5555/nissenbaum.2004", "Privacy as Contextual Integrity", ["Nissenbaum"], 2004,
      "Washington Law Review", short="Wash. L. Rev.", volume="79", page="119-158"),
    W("10.1142/s0218488502001648", "k-Anonymity: A Model for Protecting Privacy", ["Sweeney"], 2002,
      "International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems",
      short="Int. J. Unc. Fuzz. Knowl. Based Syst.", volume="10", issue="05", page="557-570"),
    W("10.1145/1217299.1217302", "l-diversity: Privacy beyond k-anonymity",
      ["Machanavajjhala", "Kifer", "Gehrke"], 2007, "ACM Transactions on Knowledge Discovery from Data",
      short="ACM Trans. Knowl. Discov. Data", volume="1", issue="1", page="3"),
    W("10.5555/kerr.2012", "The Mosaic Theory of the Fourth Amendment", ["Kerr"], 2012,
      "Michigan Law Review", short="Mich. L. Rev.", volume="111", issue="3", page="311-354"),
    W("10.5555/calo.2011", "The Boundaries of Privacy Harm", ["Calo"], 2011, "Indiana Law Journal",
      short="Ind. L.J.", volume="86", issue="3", page="1131-1162"),
    W("10.5555/citron.2022", "Privacy Harms", ["Citron", "Solove"], 2022,
      "Boston University Law Review", short="B.U. L. Rev.", volume="102", page="793-863"),
    W("10.5555/hartzog.2020", "Privacy's Constitutional Moment and the Limits of Data Protection",
      ["Hartzog", "Richards"], 2020, "Boston College Law Review", short="B.C. L. Rev.",
      volume="61", page="1687-1761"),
    W("10.5555/wachter.2018",
      "Counterfactual Explanations Without Opening the Black Box",
      ["Wachter", "Mittelstadt", "Russell"], 2018, "Harvard Journal of Law & Technology",
      short="Harv. J.L. & Tech.", volume="31", issue="2", page="841-887",
      subtitle="Automated Decisions and the GDPR"),
    W("10.1126/science.1256151", "When contact changes minds: An experiment on transmission of "
      "support for gay equality", ["LaCour", "Green"], 2014, "Science", volume="346",
      issue="6215", page="1366-1369",
      updated_by=[notice("retraction", "10.1126/science.aaa8902")]),
    W("10.5555/slobogin.2008", "Government Data Mining and the Fourth Amendment", ["Slobogin"], 2008,
      "University of Chicago Law Review", short="U. Chi. L. Rev.", volume="75", issue="1",
      page="317-341"),
    W("10.5555/murphy.2013", "The Case Against the Case for Third-Party Doctrine",
      ["Murphy"], 2009, "Berkeley Technology Law Journal", short="Berkeley Tech. L.J.",
      volume="24", page="1239-1253"),
    W("10.17226/24652", "Federal Statistics, Multiple Data Sources, and Privacy Protection",
      ["National Academies of Sciences, Engineering, and Medicine"], 2017, "",
      kind="report"),
    # Decoy: same topic words as Kerr, other author, year and journal.
    W("10.5555/decoy.mosaic", "The Mosaic Theory of the Fourth Amendment Revisited", ["Bellin"], 2019,
      "Iowa Law Review", short="Iowa L. Rev.", volume="104", page="1-50"),
    # Books
    W("10.5555/zuboff.book", "The Age of Surveillance Capitalism", ["Zuboff"], 2019, "",
      subtitle="The Fight for a Human Future at the New Frontier of Power", kind="book"),
    W("10.5555/pasquale.book", "The Black Box Society", ["Pasquale"], 2015, "",
      subtitle="The Secret Algorithms That Control Money and Information", kind="book"),
]
for w in CROSSREF:
    if w["type"] in {"book", "report"}:
        w["container-title"] = []
    if w["DOI"] == "10.5555/zuboff.book":
        w["ISBN"] = ["9781610395694"]
        w["publisher"] = "PublicAffairs"
    if w["DOI"] == "10.5555/pasquale.book":
        w["ISBN"] = ["9780674368279"]
        w["publisher"] = "Harvard University Press"
    if w["DOI"] == "10.17226/24652":
        w["author"] = [{"name": "National Academies of Sciences, Engineering, and Medicine",
                        "sequence": "first"}]
        w["publisher"] = "National Academies Press"


def openalex_of(w: dict) -> dict:
    first, _, last = (w.get("page") or "").partition("-")
    return {
        "id": "https://openalex.org/W" + str(abs(hash(w["DOI"])) % 10**10),
        "doi": "https://doi.org/" + w["DOI"],
        "title": w["title"][0] + (": " + w["subtitle"][0] if w.get("subtitle") else ""),
        "display_name": w["title"][0],
        "publication_year": w["published-print"]["date-parts"][0][0],
        "authorships": [{"author": {"display_name": a.get("family") or a.get("name")}}
                        for a in w["author"]],
        "primary_location": {"source": {"display_name": (w["container-title"] or [""])[0]}},
        "biblio": {"volume": w.get("volume"), "issue": w.get("issue"), "first_page": first or None,
                   "last_page": last or None},
        "is_retracted": bool(w.get("updated-by")),
    }


OPENALEX = [openalex_of(w) for w in CROSSREF]


def case(id_: int, name: str, date: str, vol: int, rep: str, page: str) -> dict:
    return {"id": id_, "case_name": name, "date_filed": date,
            "absolute_url": f"/opinion/{id_}/x/",
            "citations": [{"volume": vol, "reporter": rep, "page": page, "type": 1}]}


CASES = {
    "389 U.S. 347": case(107564, "Katz v. United States", "1967-12-18", 389, "U.S.", "347"),
    "565 U.S. 400": case(620447, "United States v. Jones", "2012-01-23", 565, "U.S.", "400"),
    "585 U.S. 296": case(4503450, "Carpenter v. United States", "2018-06-22", 585, "U.S.", "296"),
    "573 U.S. 373": case(2680395, "Riley v. California", "2014-06-25", 573, "U.S.", "373"),
    "533 U.S. 27": case(118435, "Kyllo v. United States", "2001-06-11", 533, "U.S.", "27"),
    "442 U.S. 735": case(110137, "Smith v. Maryland", "1979-06-20", 442, "U.S.", "735"),
    "425 U.S. 435": case(109438, "United States v. Miller", "1976-04-21", 425, "U.S.", "435"),
    "138 S. Ct. 2206": case(4503450, "Carpenter v. United States", "2018-06-22", 138, "S. Ct.", "2206"),
}
