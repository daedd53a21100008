"""Write qa5/out/article.md (46 notes) with the cited web at the running stand-in, and truth.json."""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).parent / "out"
WEB = json.loads((OUT / "bases.json").read_text())["web"]

# (claim sentence, note text, planted problem or "" if the citation is right)
NOTES = [
    ("The modern law of privacy began as an argument about newspapers and cameras.",
     "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890).", ""),
    ("A search occurs when the government intrudes on an expectation society accepts as reasonable.",
     "Katz v. United States, 389 U.S. 347, 351 (1967).", ""),
    ("The two-part test comes from a concurrence.", "Id. at 361 (Harlan, J., concurring).", ""),
    ("Numbers dialled on a telephone were held to be voluntarily conveyed to the carrier.",
     "Smith v. Maryland, 442 U.S. 735, 743–44 (1979).", ""),
    ("Bank records fell under the same reasoning.",
     "United States v. Miller, 425 U.S. 435, 442 (1976).", ""),
    ("Privacy is better understood as a family of related harms than as one value.",
     "Daniel J. Solove, A Taxonomy of Privacy, 154 U. Pa. L. Rev. 477, 490 (2005).", "wrong year"),
    ("Aggregation of individually public facts can itself amount to a search.",
     "Orin S. Kerr, The Mosaic Theory of the Fourth Amendment, 111 Mich. L. Rev. 311, 313 (2012).", ""),
    ("Attaching a GPS device to a car was held to be a search.",
     "United States v. Jones, 565 U.S. 400, 404 (2012).", ""),
    ("Five Justices signalled discomfort with long-term tracking.",
     "Id. at 415 (Sotomayor, J., concurring).", ""),
    ("Privacy protects the room in which selves are formed.",
     "Julie E. Cohen, What Privacy Is For, 125 Harv. L. Rev. 1904, 1906 (2013).", "wrong volume"),
    ("Surveillance chills intellectual exploration.",
     "Neil M. Richards, The Dangers of Surveillance, 126 Harv. L. Rev. 1934, 1940 (2013).", ""),
    ("Anonymised data can often be re-identified.",
     "Paul Ohm, Broken Promises of Privacy: Responding to the Surprising Failure of Anonymization, "
     "57 UCLA L. Rev. 1801, 1805 (2010).", "wrong first page"),
    ("Information flows carry the norms of the context in which they arise.",
     "Helen Nissenbuam, Privacy as Contextual Integrity, 79 Wash. L. Rev. 119, 136 (2004).",
     "misspelt author"),
    ("Formal anonymity models were developed to answer re-identification.",
     "Latanya Sweeney, k-Anonymity: A Model for Protecting Privacy, 10 Int'l J. Uncertainty, "
     "Fuzziness & Knowledge-Based Sys. 557 (2002), https://doi.org/10.1145/1217299.1217302.",
     "DOI of another work"),
    ("Those models were later shown to leak sensitive attributes.",
     "Ashwin Machanavajjhala et al., l-Diversity: Privacy Beyond k-Anonymity, 1 ACM Trans. Knowl. "
     "Discovery from Data 3 (2007).", ""),
    ("Historical cell-site records now require a warrant.",
     "Carpenter v. United States, 585 U.S. 296, 309–10 (2018).", ""),
    ("The contents of a phone seized on arrest are protected as well.",
     "Riley v. California, 573 U.S. 337, 393 (2014).", "wrong reporter page"),
    ("Sense-enhancing technology not in general public use triggers the warrant requirement.",
     "Kyllo v. United States, 533 U.S. 27, 34 (2001).", ""),
    ("Data mining by government agencies escapes most of the doctrine.",
     "Christopher Slobogin, Government Data Mining and the Fourth Amendment, 75 U. Chi. L. Rev. "
     "317, 320 (2008).", ""),
    ("The third-party doctrine has had its defenders and its many critics.",
     "Erin Murphy, The Case Against the Case for Third-Party Doctrine, 24 Berkeley Tech. L.J. "
     "1239 (2009).", ""),
    ("Even brief personal contact was once reported to shift attitudes durably.",
     "Michael J. LaCour & Donald P. Green, When Contact Changes Minds: An Experiment on "
     "Transmission of Support for Gay Equality, 346 Science 1366 (2014).", "retracted"),
    ("Some scholars treat location brokers as fiduciaries.",
     "Margaret Ellory, The Fiduciary Theory of Location Data, 88 Geo. Wash. L. Rev. 1123 (2020).",
     "does not exist"),
    ("Privacy harm has both subjective and objective components.",
     "Ryan Calo, The Boundaries of Privacy Harm, 86 Ind. L.J. 1131, 1142 (2011).", ""),
    ("Courts have struggled to recognise privacy harms for standing.",
     "Danielle Keats Citron & Daniel J. Solove, Privacy Harms, 102 B.U. L. Rev. 793, 799 (2022).",
     ""),
    ("The taxonomy distinguishes aggregation from disclosure.",
     "Solove, supra note 6, at 491.", ""),
    ("Procedural data protection rules are not enough.",
     "Woodrow Hartzog & Neil Richards, Privacy's Constitutional Moment and the Limits of Data "
     "Protection, 61 B.C. L. Rev. 1687, 1690 (2020).", ""),
    ("Behavioural data has become a raw material.",
     "Shoshana Zuboff, The Age of Surveillance Capitalism 8 (PublicAffairs 2019).", ""),
    ("Opaque scoring systems govern access to credit.",
     "Frank Pasquale, The Black Box Society 3 (Harvard Univ. Press 2015).", ""),
    ("Privacy is the claim to determine when information about oneself is communicated.",
     "Alan F. Westin, Privacy and Freedom 7 (Atheneum 1967).", ""),
    ("Regulators urged privacy by design a decade ago.",
     f"Fed. Trade Comm'n, Protecting Consumer Privacy in an Era of Rapid Change 22 (2012), "
     f"{WEB}/reports/ftc-2012.html.", ""),
    ("The White House warned that analytics could entrench discrimination.",
     f"Exec. Office of the President, Big Data: Seizing Opportunities, Preserving Values 51 (2014), "
     f"{WEB}/reports/bigdata-2014.html.", "page drifted (replaced by a notice)"),
    ("Statistical agencies can combine sources without exposing individuals.",
     "Nat'l Acads. of Scis., Eng'g & Med., Federal Statistics, Multiple Data Sources, and Privacy "
     "Protection 45 (2017), https://doi.org/10.17226/24652.", ""),
    ("Commentators predicted the outcome in Carpenter.",
     f"Jane Doe, The Third-Party Doctrine After Carpenter, Fourth Amendment Blog (Mar. 10, 2016), "
     f"{WEB}/blog/third-party-2016.html.", "dead link, archived copy exists"),
    ("Reported breaches numbered in the thousands.",
     f"Privacy Rights Clearinghouse, Data Breach Statistics (Jan. 14, 2020), "
     f"{WEB}/stats/breaches.html.", "figure changed since cited (minor drift)"),
    ("Researchers showed that four points of location identify most people.",
     f"Privacy Lab, Location Data Project (June 19, 2017), {WEB}/project/privacy-lab.html.",
     "domain now parked (replaced)"),
    ("Litigation trackers follow these cases.",
     f"Fourth Amendment Project, About, {WEB}/about/undated.html.", ""),
    ("Explanations need not open the model.",
     "Sandra Wachter, Brent Mittelstadt & Chris Russell, Counterfactual Explanations Without Opening "
     "the Black Box: Automated Decisions and the GDPR, 31 Harv. J.L. & Tech. 841, 845 (2018).", ""),
    ("The mosaic approach faces line-drawing problems.", "Kerr, supra note 7, at 320.", ""),
    ("The Court declined to extend Smith and Miller.",
     "Carpenter v. United States, 138 S. Ct. 2206, 2217 (2018).", ""),
    ("It called its decision a narrow one.", "Id. at 2220.", ""),
    ("Context matters more than secrecy.", "Nissenbaum, supra note 13, at 140.", ""),
    ("Architecture regulates as law does.",
     "Lawrence Lessig, Code and Other Laws of Cyberspace 6 (Basic Books 1999).", ""),
    ("Release-and-forget anonymisation fails.", "See Ohm, supra note 12, at 1710.", ""),
    ("Surveillance imposes measurable costs.",
     f"Surveillance Costs Working Group, The Price of Watching (2018), {WEB}/gone.html.",
     "dead link, never archived"),
    ("Surveillance also distorts the relation between watcher and watched.",
     "Richards, supra note 11, at 1950.", ""),
    ("The authors feared the instant photograph.", "Warren & Brandeis, supra note 1, at 195.", ""),
]


def main() -> None:
    body = []
    for i, (claim, _, _) in enumerate(NOTES, 1):
        body.append(f"{claim}[^{i}]")
    paras = [" ".join(body[i:i + 5]) for i in range(0, len(body), 5)]
    text = ("# The Mosaic and the Ledger: Aggregation Harms After *Carpenter*\n\n"
            + "\n\n".join(paras) + "\n\n"
            + "\n".join(f"[^{i}]: {n}" for i, (_, n, _) in enumerate(NOTES, 1)) + "\n")
    (OUT / "article.md").write_text(text, encoding="utf-8")
    truth = {str(i): p for i, (_, _, p) in enumerate(NOTES, 1) if p}
    (OUT / "truth.json").write_text(json.dumps(truth, indent=1))
    print(len(NOTES), "notes;", len(truth), "planted")


if __name__ == "__main__":
    main()
