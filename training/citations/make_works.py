"""Write ``works.json``: CSL-JSON metadata of varied works for the citation CRF.

The works are composed from the lexicons below (people from many languages,
real journals, reporters, publishers and places, titles built from topic
phrases) with a fixed seed, so the file is the same on every run. It is
committed; rerun this only to change the lexicons::

    python training/citations/make_works.py

None of it comes from the project's hand gold (tests/citations/gold,
tests/citations/heldout), which is for testing only.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SEED = 20261206
COUNT = 420

# (given, family) by language; particles stay with the family name.
PEOPLE = [
    *[("Sylvia", "Walby"), ("Roger", "Cotterrell"), ("Carol", "Smart"), ("David", "Nelken")],
    *[("Nicola", "Lacey"), ("Martin", "Loughlin"), ("Jeremy", "Waldron"), ("Paul", "Craig")],
    *[("Fiona", "de Londras"), ("Colm", "O’Cinneide"), ("Aileen", "McHarg"), ("Mark", "Elliott")],
    *[("Hazel", "Genn"), ("Richard", "Abel"), ("Sally Engle", "Merry"), ("Marc", "Galanter")],
    *[("Kim Lane", "Scheppele"), ("Austin", "Sarat"), ("Patricia", "Ewick"), ("Susan", "Silbey")],
    *[("Margaret", "Thornton"), ("Hilary", "Charlesworth"), ("Cheryl", "Saunders")],
    *[("Rosalind", "Dixon"), ("Gabrielle", "Appleby"), ("George", "Williams"), ("Kath", "Hall")],
    *[("Niklas", "Luhmann"), ("Gunther", "Teubner"), ("Jürgen", "Habermas"), ("Ulrich", "Beck")],
    *[("Hans", "Müller"), ("Petra", "Schäfer"), ("Klaus", "Günther"), ("Dieter", "Grimm")],
    *[("Ernst-Wolfgang", "Böckenförde"), ("Hans Herbert", "von Arnim"), ("Peter", "Häberle")],
    *[("Susanne", "Baer"), ("Christoph", "Möllers"), ("Oliver", "Lepsius"), ("Ute", "Sacksofsky")],
    *[
        ("Matthias", "Jestaedt"),
        ("Friedhelm", "Hufen"),
        ("Josef", "Isensee"),
        ("Anna", "Katharina Mangold"),
    ],
    *[
        ("Jörg", "Schröder"),
        ("Ralf", "Poscher"),
        ("Andreas", "Voßkuhle"),
        ("Ingeborg", "Schwenzer"),
    ],
    *[
        ("Pierre", "Bourdieu"),
        ("Michel", "Foucault"),
        ("Jacques", "Commaille"),
        ("Évelyne", "Serverin"),
    ],
    *[("Boaventura", "de Sousa Santos"), ("Gabriel", "García Márquez"), ("Pilar", "Domingo")],
    *[("Rogelio", "Pérez-Perdomo"), ("Javier", "Couso"), ("Lucía", "Dammert")],
    *[
        ("Jan", "van der Berg"),
        ("Wibo", "van Rossum"),
        ("Marc", "Hertogh"),
        ("Erhard", "Blankenburg"),
    ],
    *[("Massimo", "La Torre"), ("Vittorio", "Olgiati"), ("Francesca", "Bignami")],
    *[("Jacek", "Kurczewski"), ("Wojciech", "Sadurski"), ("Kaarlo", "Tuori"), ("Anne", "Hellum")],
    *[("Takao", "Tanase"), ("Setsuo", "Miyazawa"), ("Yuka", "Sato"), ("Wei", "Zhang")],
    *[("Xiaoqun", "Li"), ("Upendra", "Baxi"), ("Marc", "Galanter"), ("Arun", "Thiruvengadam")],
    *[
        ("Mahmood", "Mamdani"),
        ("Abdullahi", "An-Na’im"),
        ("Fatima", "El-Sayed"),
        ("Chidi", "Odinkalu"),
    ],
    *[("Heinz", "Klug"), ("Sandra", "Fredman"), ("Catharine", "MacKinnon"), ("Robert", "Cover")],
    *[
        ("Lauren", "Edelman"),
        ("Malcolm", "Feeley"),
        ("Jonathan", "Simon"),
        ("Stuart", "Scheingold"),
    ],
]

CORPORATE = [
    "Law Commission",
    "Home Office",
    "Ministry of Justice",
    "Australian Law Reform Commission",
    "House of Lords Select Committee on the Constitution",
    "Council of Europe",
    "European Commission",
    "Bundesministerium der Justiz",
    "Deutscher Juristentag",
    "Productivity Commission",
    "Law Reform Commission of Ireland",
    "Equality and Human Rights Commission",
    "Bundesverfassungsgericht",
    "Office for National Statistics",
    "Victorian Law Reform Commission",
]

JOURNALS = [
    ("Sociology", None),
    ("Modern Law Review", "MLR"),
    ("Law Quarterly Review", "LQR"),
    ("Public Law", "PL"),
    ("Oxford Journal of Legal Studies", "OJLS"),
    ("Cambridge Law Journal", "CLJ"),
    ("Journal of Law and Society", "JLS"),
    ("Social & Legal Studies", None),
    ("Law & Society Review", None),
    ("Law & Social Inquiry", None),
    ("Feminist Legal Studies", None),
    ("International Journal of Law in Context", None),
    ("British Journal of Criminology", None),
    ("Legal Studies", None),
    ("Industrial Law Journal", "ILJ"),
    ("European Law Review", "EL Rev"),
    ("Common Market Law Review", "CML Rev"),
    ("Melbourne University Law Review", "MULR"),
    ("Sydney Law Review", "Syd LR"),
    ("University of New South Wales Law Journal", "UNSWLJ"),
    ("Federal Law Review", "Fed L Rev"),
    ("Australian Journal of Law and Society", None),
    ("Griffith Law Review", None),
    ("Journal of Legal Pluralism", None),
    ("Canadian Journal of Law and Society", None),
    ("Osgoode Hall Law Journal", None),
    ("Neue Juristische Wochenschrift", "NJW"),
    ("Juristenzeitung", "JZ"),
    ("Juristische Schulung", "JuS"),
    ("Die Öffentliche Verwaltung", "DÖV"),
    ("Neue Zeitschrift für Verwaltungsrecht", "NVwZ"),
    ("Kritische Justiz", "KJ"),
    ("Zeitschrift für Rechtssoziologie", "ZfRSoz"),
    ("Der Staat", None),
    ("Archiv des öffentlichen Rechts", "AöR"),
    ("Kölner Zeitschrift für Soziologie und Sozialpsychologie", None),
    ("American Journal of Sociology", None),
    ("Harvard Law Review", "Harv L Rev"),
    ("Yale Law Journal", "Yale LJ"),
    ("Annual Review of Law and Social Science", None),
    ("Droit et société", None),
    ("Revue française de science politique", None),
    ("Social Politics", None),
    ("Economy and Society", None),
    ("Theory, Culture & Society", None),
]

PUBLISHERS = [
    ("Oxford University Press", "Oxford"),
    ("Cambridge University Press", "Cambridge"),
    ("Hart Publishing", "Oxford"),
    ("Routledge", "London"),
    ("Sweet & Maxwell", "London"),
    ("Butterworths", "London"),
    ("Polity Press", "Cambridge"),
    ("Edward Elgar", "Cheltenham"),
    ("Palgrave Macmillan", "Basingstoke"),
    ("Federation Press", "Sydney"),
    ("Melbourne University Press", "Melbourne"),
    ("Thomson Reuters", "Sydney"),
    ("LexisNexis", "Chatswood"),
    ("University of Chicago Press", "Chicago"),
    ("Princeton University Press", "Princeton"),
    ("Harvard University Press", "Cambridge, MA"),
    ("C.H. Beck", "München"),
    ("Mohr Siebeck", "Tübingen"),
    ("Nomos", "Baden-Baden"),
    ("Duncker & Humblot", "Berlin"),
    ("Suhrkamp", "Frankfurt am Main"),
    ("Springer", "Berlin"),
    ("Vahlen", "München"),
    ("Kohlhammer", "Stuttgart"),
    ("De Gruyter", "Berlin"),
    ("Presses Universitaires de France", "Paris"),
    ("LGDJ", "Paris"),
    ("Dalloz", "Paris"),
    ("Clarendon Press", "Oxford"),
    ("Bloomsbury", "London"),
    ("Sage", "London"),
]

TOPICS = [
    "Citizenship",
    "the Rule of Law",
    "Legal Pluralism",
    "Access to Justice",
    "Human Rights",
    "Judicial Review",
    "Constitutional Change",
    "Gender Equality",
    "Legal Consciousness",
    "Disputing",
    "Regulation",
    "the Welfare State",
    "Administrative Justice",
    "Criminal Justice",
    "Family Law",
    "Legal Professions",
    "Courts",
    "Legal Aid",
    "Migration",
    "Policing",
    "Sovereignty",
    "Devolution",
    "Property",
    "Contract",
    "Discrimination",
    "Privacy",
    "Legal Culture",
    "Legitimacy",
    "Social Rights",
    "Indigenous Rights",
    "Native Title",
    "Federalism",
    "Parliamentary Sovereignty",
    "Proportionality",
    "Emergency Powers",
]
PLACES = [
    "Britain",
    "England",
    "Australia",
    "Germany",
    "Europe",
    "the Commonwealth",
    "Ireland",
    "Canada",
    "Scotland",
    "New Zealand",
    "South Africa",
    "India",
    "Latin America",
    "Japan",
]
TITLE_FORMS = [
    "{T} and {U}",
    "Rethinking {T}",
    "{T} in {P}",
    "The Politics of {T}",
    "Is {T} Gendered?",
    "{T} after {U}",
    "Law, {T} and {U}",
    "The Sociology of {T}",
    "Towards a Theory of {T}",
    "{T}: A Critical Introduction",
    "{T} Reconsidered",
    "Beyond {T}: {U} in {P}",
    "Whose {T}? {U} and the State",
    "The Limits of {T}",
    "{T} and the Courts",
    "Between {T} and {U}",
    "{T} in Transition: Lessons from {P}",
    "A History of {T} in {P}",
]
GERMAN_TOPICS = [
    "Grundrechte",
    "Rechtsstaat",
    "Verfassungsgerichtsbarkeit",
    "Rechtssoziologie",
    "Verhältnismäßigkeit",
    "Gleichheitssatz",
    "Menschenwürde",
    "Demokratieprinzip",
    "Sozialstaat",
    "Datenschutz",
    "Föderalismus",
    "Rechtspluralismus",
    "Verwaltungsrecht",
]
GERMAN_FORMS = [
    "Die {T} im Wandel",
    "{T} und {U}",
    "Zur Dogmatik der {T}",
    "Grundfragen des {T}s",
    "{T} in der Krise",
    "Das Verhältnis von {T} und {U}",
    "Kritik der {T}",
    "{T} als Rechtsprinzip",
    "Neue Entwicklungen im {T}",
]
NEWSPAPERS = [
    "The Guardian",
    "The Times",
    "Financial Times",
    "The Independent",
    "The Observer",
    "Sydney Morning Herald",
    "The Age",
    "The Australian",
    "Irish Times",
    "Frankfurter Allgemeine Zeitung",
    "Süddeutsche Zeitung",
    "Die Zeit",
    "Le Monde",
    "New York Times",
    "Globe and Mail",
]
SITES = [
    ("UK Constitutional Law Association Blog", "ukconstitutionallaw.org"),
    ("Verfassungsblog", "verfassungsblog.de"),
    ("The Conversation", "theconversation.com"),
    ("AUSPUBLAW", "auspublaw.org"),
    ("Law Society Gazette", "lawgazette.co.uk"),
    ("BBC News", "bbc.co.uk"),
    ("Legal Tribune Online", "lto.de"),
    ("Inforrm's Blog", "inforrm.org"),
    ("Oxford Human Rights Hub", "ohrh.law.ox.ac.uk"),
]
# (case name, reporter container, kind): kind says how the report is numbered.
UK_CASES = [
    "R v Brown",
    "Donoghue v Stevenson",
    "R (Miller) v Secretary of State for Exiting the European Union",
    "Ghaidan v Godin-Mendoza",
    "A v Secretary of State for the Home Department",
    "Pepper v Hart",
    "R (Jackson) v Attorney General",
    "Entick v Carrington",
    "Associated Provincial Picture Houses Ltd v Wednesbury Corp",
    "R v Secretary of State for the Home Department, ex p Simms",
    "Bank Mellat v HM Treasury (No 2)",
    "R (UNISON) v Lord Chancellor",
    "Wilson v First County Trust Ltd (No 2)",
    "Campbell v MGN Ltd",
    "Montgomery v Lanarkshire Health Board",
    "Ivey v Genting Casinos (UK) Ltd",
]
UK_NEUTRAL = ["UKHL", "UKSC", "EWCA Civ", "EWCA Crim", "EWHC", "UKPC", "CSIH"]
UK_REPORTS = ["AC", "QB", "WLR", "All ER", "Ch", "KB", "HRLR", "Cr App R"]
AU_CASES = [
    "Mabo v Queensland (No 2)",
    "Australian Capital Television Pty Ltd v Commonwealth",
    "Lange v Australian Broadcasting Corporation",
    "Kable v Director of Public Prosecutions (NSW)",
    "Wik Peoples v Queensland",
    "Al-Kateb v Godwin",
    "Plaintiff S157/2002 v Commonwealth",
    "Momcilovic v The Queen",
    "Roach v Electoral Commissioner",
    "Love v Commonwealth",
]
AU_REPORTS = ["CLR", "ALR", "ALJR", "NSWLR", "VR", "FCR"]
AU_NEUTRAL = ["HCA", "FCAFC", "NSWCA", "VSCA"]
GERMAN_REPORTS = ["BVerfGE", "BGHZ", "BGHSt", "BVerwGE"]
GERMAN_JOURNAL_CASES = ["NJW", "JZ", "NVwZ", "DÖV"]
UK_STATUTES = [
    "Human Rights Act 1998",
    "Equality Act 2010",
    "Constitutional Reform Act 2005",
    "Legal Aid, Sentencing and Punishment of Offenders Act 2012",
    "European Union (Withdrawal) Act 2018",
    "Scotland Act 1998",
    "Data Protection Act 2018",
    "Children Act 1989",
]
AU_STATUTES = [
    "Racial Discrimination Act 1975 (Cth)",
    "Native Title Act 1993 (Cth)",
    "Charter of Human Rights and Responsibilities Act 2006 (Vic)",
    "Migration Act 1958 (Cth)",
    "Sex Discrimination Act 1984 (Cth)",
    "Human Rights Act 2004 (ACT)",
]
REPORT_TITLES = [
    "Reforming {T}",
    "Review of {T}",
    "{T}: Final Report",
    "Report on {T}",
    "{T}: Consultation Paper",
    "The Future of {T}",
    "{T} in {P}: Discussion Paper",
]
EDITIONS = [None, None, None, "2", "3", "4", "6"]


def _person(rng: random.Random) -> dict[str, str]:
    given, family = rng.choice(PEOPLE)
    return {"family": family, "given": given}


def _people(rng: random.Random, most: int = 3) -> list[dict[str, str]]:
    count = rng.choice([1, 1, 1, 1, 2, 2, 3][: 4 + most])
    out: list[dict[str, str]] = []
    while len(out) < count:
        p = _person(rng)
        if p not in out:
            out.append(p)
    return out


def _title(rng: random.Random, german: bool = False) -> str:
    if german:
        t, u = rng.sample(GERMAN_TOPICS, 2)
        return rng.choice(GERMAN_FORMS).format(T=t, U=u)
    t, u = rng.sample(TOPICS, 2)
    text = rng.choice(TITLE_FORMS).format(T=t, U=u, P=rng.choice(PLACES))
    return text[0].upper() + text[1:]


def _year(rng: random.Random) -> int:
    return rng.randint(1958, 2024)


def _issued(rng: random.Random, precision: str = "year") -> dict[str, Any]:
    year = _year(rng)
    if precision == "day":
        return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
    return {"date-parts": [[year]]}


def _page(rng: random.Random) -> int:
    page = rng.randint(1, 1899)
    return page if not 1950 <= page <= 2030 else page - 700


def _article(rng: random.Random, n: int) -> dict[str, Any]:
    name, abbrev = rng.choice(JOURNALS)
    german = (
        abbrev in {"NJW", "JZ", "JuS", "DÖV", "NVwZ", "KJ", "ZfRSoz", "AöR"} or name == "Der Staat"
    )
    first = _page(rng)
    item: dict[str, Any] = {
        "id": f"w{n}",
        "type": "article-journal",
        "author": _people(rng),
        "title": _title(rng, german),
        "container-title": name,
        "page": f"{first}-{first + rng.randint(8, 40)}",
        "issued": _issued(rng),
    }
    if abbrev and rng.random() < 0.5:
        item["container-title-short"] = abbrev
        item["journalAbbreviation"] = abbrev
    if not german or rng.random() < 0.3:
        item["volume"] = str(rng.randint(13, 130))
    if rng.random() < 0.5:
        item["issue"] = str(rng.randint(1, 12))
    if rng.random() < 0.15:
        item["DOI"] = (
            f"10.{rng.randint(1000, 9999)}/{rng.choice(['jls', 'mlr', 'ojls', 'soc'])}.{rng.randint(10000, 99999)}"
        )
    return item


def _book(rng: random.Random, n: int) -> dict[str, Any]:
    publisher, place = rng.choice(PUBLISHERS)
    german = place in {
        "München",
        "Tübingen",
        "Baden-Baden",
        "Berlin",
        "Frankfurt am Main",
        "Stuttgart",
    }
    item: dict[str, Any] = {
        "id": f"w{n}",
        "type": "book",
        "title": _title(rng, german),
        "publisher": publisher,
        "publisher-place": place,
        "issued": _issued(rng),
    }
    if rng.random() < 0.12:
        item["editor"] = _people(rng, 2)
    else:
        item["author"] = _people(rng)
    edition = rng.choice(EDITIONS)
    if edition:
        item["edition"] = edition
    return item


def _chapter(rng: random.Random, n: int) -> dict[str, Any]:
    publisher, place = rng.choice(PUBLISHERS)
    german = place in {"München", "Tübingen", "Baden-Baden", "Berlin", "Frankfurt am Main"}
    first = _page(rng)
    return {
        "id": f"w{n}",
        "type": "chapter",
        "author": _people(rng, 2),
        "title": _title(rng, german),
        "container-title": _title(rng, german),
        "editor": _people(rng, 2),
        "publisher": publisher,
        "publisher-place": place,
        "page": f"{first}-{first + rng.randint(10, 30)}",
        "issued": _issued(rng),
    }


def _case(rng: random.Random, n: int) -> dict[str, Any]:
    kind = rng.randrange(6)
    year = _year(rng)
    item: dict[str, Any] = {"id": f"w{n}", "type": "legal_case", "issued": {"date-parts": [[year]]}}
    if kind <= 1:  # UK neutral citation or law report
        item["title"] = rng.choice(UK_CASES)
        if kind == 0:
            item["container-title"] = rng.choice(UK_NEUTRAL)
            item["page"] = str(rng.randint(1, 80))
        else:
            item["container-title"] = rng.choice(UK_REPORTS)
            item["page"] = str(_page(rng))
            if rng.random() < 0.5:
                item["volume"] = str(rng.randint(1, 4))
        item["authority"] = rng.choice(["HL", "UKSC", "CA", "QB"])
    elif kind <= 3:
        item["title"] = rng.choice(AU_CASES)
        item["container-title"] = rng.choice(AU_REPORTS)
        item["volume"] = str(rng.randint(13, 260))
        item["page"] = str(_page(rng))
        item["authority"] = "High Court of Australia"
    else:
        item["title"] = rng.choice(["BVerfG", "BGH", "BVerwG", "OLG München", "LG Berlin"])
        item["container-title"] = rng.choice(GERMAN_REPORTS if kind == 4 else GERMAN_JOURNAL_CASES)
        item["volume"] = str(rng.randint(13, 160))
        item["page"] = str(_page(rng))
    return item


def _statute(rng: random.Random, n: int) -> dict[str, Any]:
    title = rng.choice(UK_STATUTES + AU_STATUTES)
    return {"id": f"w{n}", "type": "legislation", "title": title}


def _report(rng: random.Random, n: int) -> dict[str, Any]:
    t, u = rng.sample(TOPICS, 2)
    title = rng.choice(REPORT_TITLES).format(T=t, U=u, P=rng.choice(PLACES))
    body = rng.choice(CORPORATE)
    item: dict[str, Any] = {
        "id": f"w{n}",
        "type": "report",
        "author": [{"literal": body}],
        "title": title[0].upper() + title[1:],
        "issued": _issued(rng),
    }
    if rng.random() < 0.6:
        item["number"] = str(rng.randint(10, 400))
        item["collection-title"] = rng.choice(["Law Com No", "Report No", "Cm", "Discussion Paper"])
    if rng.random() < 0.5:
        item["publisher"] = body
    return item


def _webpage(rng: random.Random, n: int) -> dict[str, Any]:
    site, host = rng.choice(SITES)
    slug = "-".join(_title(rng).lower().replace(":", "").replace("?", "").split()[:5])
    year = _year(rng)
    item = {
        "id": f"w{n}",
        "type": "post-weblog" if rng.random() < 0.5 else "webpage",
        "author": _people(rng, 2),
        "title": _title(rng, host.endswith(".de")),
        "container-title": site,
        "URL": f"https://{host}/{max(year, 2005)}/{rng.randint(1, 12):02d}/{slug}/",
        "issued": {"date-parts": [[max(year, 2005), rng.randint(1, 12), rng.randint(1, 28)]]},
        "accessed": {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]},
    }
    return item


def _newspaper(rng: random.Random, n: int) -> dict[str, Any]:
    paper = rng.choice(NEWSPAPERS)
    item: dict[str, Any] = {
        "id": f"w{n}",
        "type": "article-newspaper",
        "author": _people(rng, 1),
        "title": _title(
            rng, paper in {"Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "Die Zeit"}
        ),
        "container-title": paper,
        "issued": _issued(rng, "day"),
    }
    if rng.random() < 0.5:
        item["page"] = str(rng.randint(1, 40))
    return item


MAKERS = [
    (_article, 30),
    (_book, 20),
    (_chapter, 12),
    (_case, 14),
    (_statute, 4),
    (_report, 8),
    (_webpage, 6),
    (_newspaper, 6),
]


def make_works(count: int = COUNT, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    makers = [m for m, weight in MAKERS for _ in range(weight)]
    return [rng.choice(makers)(rng, n) for n in range(count)]


def main() -> None:
    works = make_works()
    path = HERE / "works.json"
    path.write_text(json.dumps(works, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(works)} works to {path}")


if __name__ == "__main__":
    main()
