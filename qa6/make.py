"""Write the four qa6 manuscripts (plus the <sup> variant of the report), their ledgers, the cited
pages (out/pages.json), the Crossref/OpenAlex records (out/records.json) and out/truth.json.
Run: python qa6/make.py  (then qa6/web.py serves what it wrote)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tests" / "sources"))
from works_data import crossref_work as W  # noqa: E402

OUT = HERE / "out"
MS = HERE / "manuscripts"
OUT.mkdir(exist_ok=True)
MS.mkdir(exist_ok=True)
WEB = "http://127.0.0.61:8061"
PAGES: dict[str, dict] = {}


def pg(slug: str, title: str, author: str = "", date: str = "", body: list[str] | None = None) -> str:
    PAGES[slug] = {"title": title, "author": author, "date": date, "body": body or []}
    return f"{WEB}/p/{slug}"


# ---------------------------------------------------------------- records (the true metadata)
CROSSREF = [
    W("10.5555/okafor.2019", "Rate Shock: Affordability and the Water Bill", ["Okafor"], 2019,
      "Journal of Urban Affairs", volume="41", issue="3", page="311-329"),
    W("10.5555/raman.2018", "Deferred Maintenance and the Cost of Capital in Water Utilities",
      ["Raman", "Heller"], 2018, "Public Works Management & Policy", volume="23", issue="2",
      page="140-162"),
    W("10.5555/lindqvist.2017", "The Municipal Bond Market and Water", ["Lindqvist"], 2017,
      "Municipal Finance Journal", volume="38", issue="1", page="55-78"),
    W("10.5555/adeyemi.2016", "Conservation Pricing in Practice", ["Adeyemi"], 2016,
      "Water Resources Research", volume="52", issue="8", page="6021-6037"),
    W("10.5555/brook.2020", "Shutoffs and Public Health", ["Brook"], 2020,
      "American Journal of Public Health", volume="110", issue="6", page="845-851"),
    W("10.5555/zhou.2020", "Pricing E-Books for Libraries", ["Zhou"], 2020, "Library Quarterly",
      volume="90", issue="2", page="150-168"),
    W("10.5555/rao.2020", "Metered Access and Collection Budgets", ["Rao", "Castillo"], 2020,
      "College & Research Libraries", volume="81", issue="4", page="560-579"),
    W("10.5555/santamouris.2012", "Cooling the Cities: A Review of Reflective and Green Roof "
      "Mitigation Technologies", ["Santoro"], 2012, "Solar Energy", volume="103", page="682-703"),
    W("10.5555/bowler.2010", "Urban Greening to Cool Towns and Cities", ["Bowman", "Buyung"], 2010,
      "Landscape and Urban Planning", volume="97", issue="3", page="147-155"),
    W("10.5555/ziter.2019", "Scale-Dependent Interactions Between Tree Canopy Cover and Impervious "
      "Surfaces Reduce Daytime Urban Heat", ["Zeiter", "Pedersen"], 2019,
      "Proceedings of the National Academy of Sciences", volume="116", issue="15", page="7575-7580"),
    W("10.5555/hsu.2021", "Disproportionate Exposure to Urban Heat Island Intensity",
      ["Hsueh", "Ramirez"], 2021, "Nature Communications", volume="12", page="2721"),
    W("10.5555/whitman.2014", "Broadband Adoption in Rural Counties", ["Whitman"], 2014,
      "Telecommunications Policy", volume="38", issue="11", page="1024-1040"),
    W("10.5555/gallardo.2020", "Digital Divide Index and County Outcomes", ["Galvan", "Beaulieu"],
      2020, "Journal of Rural Studies", volume="78", page="412-429"),
]


def openalex_of(w: dict) -> dict:
    first, _, last = (w.get("page") or "").partition("-")
    return {"id": "https://openalex.org/W" + str(abs(hash(w["DOI"])) % 10**9),
            "doi": "https://doi.org/" + w["DOI"], "title": w["title"][0],
            "display_name": w["title"][0],
            "publication_year": w["published-print"]["date-parts"][0][0],
            "authorships": [{"author": {"display_name": "A. " + a["family"]}} for a in w["author"]],
            "primary_location": {"source": {"display_name": w["container-title"][0]}},
            "biblio": {"volume": w.get("volume"), "issue": w.get("issue"),
                       "first_page": first or None, "last_page": last or None},
            "is_retracted": False, "type": "article"}


for w in CROSSREF:  # a DOI landing page for each record, reached through /doi/
    PAGES["doi-" + w["DOI"].lower()] = {"title": w["title"][0], "author": "", "date": "",
                                        "body": []}

# ================================================================ (a) DOCX book chapter
a_books = pg("buried-no-longer", "Buried No Longer: Confronting America's Water Infrastructure "
             "Challenge", "American Water Works Association", "2012-02-27",
             ["Replacing buried drinking water pipes will cost more than $1 trillion over 25 years."])
a_epa = pg("dwinsa-6", "Drinking Water Infrastructure Needs Survey and Assessment: Sixth Report "
           "to Congress", "", "2018-03-01",
           ["The survey puts the twenty-year need at $472.6 billion."])
a_flint = f"{WEB}/gone/flintwood-afr-2019.pdf"
a_gut = f"{WEB}/moved/who-pays-lead-pipes"
pg("who-pays-lead-pipes", "Who Pays for Lead Pipes?", "Maria Gutierrez", "2021-03-03",
   ["Cities have replaced only a fraction of their lead service lines."])
a_cbo = pg("cbo-infrastructure", "Public Spending on Transportation and Water Infrastructure, "
           "1956 to 2017", "", "2018-10-15",
           ["In 2017, total public spending on transportation and water infrastructure was "
            "$441 billion."])
a_tran = pg("utility-receivership", "A Utility in Receivership", "Kevin Tran", "2014-07-14",
            ["The water department laid off 80 workers, officials said."])

a_notes = [
    "Elena Marsh, *Pipes and Promises: Water Utilities in the American City* (Chicago: "
    "University of Chicago Press, 2016), 3–7.",
    f"U.S. Environmental Protection Agency, *Drinking Water Infrastructure Needs Survey and "
    f"Assessment: Sixth Report to Congress* (Washington, DC: EPA, 2018), 12, {a_epa}.",
    "David Okafor, “Rate Shock: Affordability and the Water Bill,” *Journal of Urban Affairs* 41, "
    "no. 3 (2019): 311–29, https://doi.org/10.5555/okafor.2019.",
    "Priya Raman and Tom Heller, “Deferred Maintenance and the Cost of Capital in Water "
    "Utilities,” *Public Works Management & Policy* 23, no. 2 (2016): 140–62.",   # 4 wrong year
    "Marsh, *Pipes and Promises*, 45.",
    f"American Water Works Association, *Buried No Longer: Confronting America’s Water "
    f"Infrastructure Challenge* (Denver: AWWA, 2012), 9, {a_books}.",
    "Ibid., 11.",
    f"City of Flintwood Water Department, *Annual Financial Report, Fiscal Year 2019* "
    f"(Flintwood, 2019), 22, {a_flint}.",                                           # 8 dead
    f"Maria Gutierrez, “Who Pays for Lead Pipes?,” *Governing*, March 3, 2021, {a_gut}.",  # 9 moved
    "Sarah Lindqvist, “The Municipal Bond Market and Water,” *Municipal Finance Journal* 38, "
    "no. 1 (2017): 55–78, https://doi.org/10.5555/lindqvist.2017.",
    f"Congressional Budget Office, *Public Spending on Transportation and Water Infrastructure, "
    f"1956 to 2017* (Washington, DC: CBO, 2018), 4, {a_cbo}.",
    "James Whitcombe, *Water and Power in Southern California* (Berkeley: University of "
    "California Press, 2011), 88–94.",
    "See note 12 above; Whitcombe, *Water and Power*, 101.",
    "Ruth Adeyemi, “Conservation Pricing in Practice,” *Water Resources Research* 52, no. 8 "
    "(2016): 6021–37, https://doi.org/10.5555/adeyemi.2016.",
    f"Kevin Tran, “A Utility in Receivership,” *Detroit Ledger*, July 14, 2014, {a_tran}.",
    "Okafor, “Rate Shock,” 318.",
    "Raman and Heller, “Deferred Maintenance,” 150.",
    "EPA, *Sixth Report*, 14.",
    "Lindqvist, “Municipal Bond Market,” 60–61.",
    "Ibid.",
    "Marsh, *Pipes and Promises*, 210–12; see also note 3 above.",
    "Gutierrez, “Who Pays for Lead Pipes?”",
    "CBO, *Public Spending*, 6.",
    "Hannah Brook, “Shutoffs and Public Health,” *American Journal of Public Health* 110, no. 6 "
    "(2020): 845–51, https://doi.org/10.5555/brook.2020.",
    "Tran, “A Utility in Receivership.”",
    "Adeyemi, “Conservation Pricing,” 6030.",
    "Whitcombe, *Water and Power*, 140.",
    "Ana Petrov, *Pricing the Invisible: Water Tariffs in Europe* (London: Routledge, 2015), 77.",
    "Brook, “Shutoffs,” 848.",
    "See note 8 above.",
]
a_body = [
    "# Chapter 4: Pipes and Promises",
    "Every city in this book inherited a water system it did not build and cannot easily "
    "pay for.[^1] The federal government's most recent survey put the twenty-year need for "
    "drinking water systems at $472.6 billion.[^2]",
    "Affordability has become the central question of water politics.[^3] Deferred "
    "maintenance, once a quiet choice, now shows up in the cost of borrowing.[^4] The pattern "
    "is older than it looks.[^5]",
    "Utilities describe the problem as a wall of replacement that is arriving all at once.[^6] "
    "Most of the pipes in the ground were laid between 1880 and 1960.[^7]",
    "Flintwood is a case in point. Its capital programme, approved by the council in 2015, "
    "totals $11 billion over fifteen years.[^8] Residential accounts rose from 212,000 in 2010 "
    "to 251,000 in 2019, an increase of 28 percent.[^8]",
    "Lead service lines are the most urgent part of the bill.[^9] Cities have financed them "
    "mostly with tax-exempt bonds.[^10]",
    "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```",
    "Federal money has shrunk as a share of the total. Public spending on water "
    "infrastructure rose 20 percent, from $50 billion to $60 billion, while the federal share "
    "fell.[^11] Southern California shows the same shift a generation earlier.[^12] The "
    "Metropolitan district's imports tripled from 1.1 million to 3.3 million acre-feet.[^13]",
    "Conservation pricing was supposed to soften the blow.[^14] In practice it often raised "
    "bills for the smallest users. In Detroit, average annual bills doubled between 2010 and "
    "2020, from $310 to $890.[^15]",
    "Higher rates also mean more shutoffs.[^16] Utilities that delay repairs pay more for their "
    "debt.[^17] The survey found the same pattern in small systems.[^18]",
    "Bond markets reward the largest utilities.[^19] Smaller ones pay a premium.[^20] This is "
    "the inheritance the rest of the chapter traces.[^21]",
    "Flintwood's 2019 budget of $1.42 billion comprised $610 million for operations, $520 "
    "million for debt service and $190 million for capital works.[^8] Of its revenue, 62 "
    "percent came from rates, 30 percent from bonds and 8 percent from grants.[^8]",
    "Lead lines again made the news in 2021.[^22] Federal transfers covered less than a tenth of "
    "capital spending.[^23] Shutoffs carry a public health cost.[^24]",
    "Receivership was the end of that road for one utility.[^25] Conservation rates survived "
    "it.[^26] Water and power were never separate questions in the West.[^27] European "
    "utilities price water differently.[^28] The health evidence is now hard to ignore.[^29]",
    "By 2022, the $11 million capital programme approved in 2015 was only a third complete.[^30]",
    "## Bibliography",
    "Adeyemi, Ruth. “Conservation Pricing in Practice.” *Water Resources Research* 52, no. 8 "
    "(2016): 6021–37.",
    "American Water Works Association. *Buried No Longer: Confronting America’s Water "
    "Infrastructure Challenge*. Denver: AWWA, 2012.",
    "Brook, Hannah. “Shutoffs and Public Health.” *American Journal of Public Health* 110, no. 6 "
    "(2020): 845–51.",
    "Congressional Budget Office. *Public Spending on Transportation and Water Infrastructure, "
    "1956 to 2017*. Washington, DC: CBO, 2018.",
    "Lindqvist, Sarah. “The Municipal Bond Market and Water.” *Municipal Finance Journal* 38, "
    "no. 1 (2017): 55–78.",
    "Marsh, Elena. *Pipes and Promises: Water Utilities in the American City*. Chicago: "
    "University of Chicago Press, 2016.",
    "Okafor, David. “Rate Shock: Affordability and the Water Bill.” *Journal of Urban Affairs* "
    "41, no. 3 (2019): 311–29.",
    "Petrov, Ana. *Pricing the Invisible: Water Tariffs in Europe*. London: Routledge, 2015.",
    "Raman, Priya, and Tom Heller. “Deferred Maintenance and the Cost of Capital in Water "
    "Utilities.” *Public Works Management & Policy* 23, no. 2 (2016): 140–62.",
    "Whitcombe, James. *Water and Power in Southern California*. Berkeley: University of "
    "California Press, 2011.",
]
# note 8 is referenced several times in the draft above only as a shorthand; give each its own
# number as Word would (each reference a new endnote): renumber [^n] in order of appearance.
def renumber(body: list[str], notes: list[str]) -> tuple[list[str], list[str]]:
    out_notes: list[str] = []
    counter = [0]

    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        counter[0] += 1
        out_notes.append(notes[n - 1])
        return f"[^{counter[0]}]"
    new_body = [re.sub(r"\[\^(\d+)\]", sub, p) for p in body]
    return new_body, out_notes


a_body2, a_notes2 = renumber(a_body, a_notes)
# The renumbering moved numbers: fix the cross-references to stay right ("see note 12 above"
# means the Whitcombe note; "note 3" Okafor; "note 8" Flintwood report) by looking them up.
def fixrefs(notes: list[str]) -> list[str]:
    first = {}
    for i, n in enumerate(notes, 1):
        for key in ("Whitcombe, *Water and Power in", "Okafor, “Rate Shock: Aff",
                    "City of Flintwood Water Department"):
            if key in n:
                first.setdefault(key, i)
    fixed = []
    for n in notes:
        n = n.replace("See note 12 above", f"See note {first['Whitcombe, *Water and Power in']} above")
        n = n.replace("see also note 3 above", f"see also note {first['Okafor, “Rate Shock: Aff']} above")
        n = n.replace("See note 8 above", f"See note {first['City of Flintwood Water Department']} above")
        fixed.append(n)
    return fixed


a_notes2 = fixrefs(a_notes2)
md = "---\ntitle: \"Pipes and Promises\"\n---\n\n" + "\n\n".join(a_body2) + "\n\n" + "\n".join(
    f"[^{i}]: {n}" for i, n in enumerate(a_notes2, 1)) + "\n"
(MS / "a_chapter.src.md").write_text(md)
subprocess.run(["pandoc", str(MS / "a_chapter.src.md"), "-o", str(OUT / "a_footnotes.docx")],
               check=True)


def to_endnotes(src: Path, dst: Path) -> None:
    """Word's 'Convert all footnotes to endnotes', numbered 1, 2, 3 (decimal)."""
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode("utf-8")
            name = item.filename
            if name == "word/footnotes.xml":
                name = "word/endnotes.xml"
                data = (data.replace("w:footnotes", "w:endnotes").replace("w:footnoteRef", "w:endnoteRef")
                        .replace("w:footnote ", "w:endnote ").replace("</w:footnote>", "</w:endnote>")
                        .replace("<w:footnote>", "<w:endnote>"))
            elif name == "word/document.xml":
                data = data.replace("w:footnoteReference", "w:endnoteReference")
            elif name == "word/_rels/document.xml.rels":
                data = data.replace("relationships/footnotes", "relationships/endnotes").replace(
                    "footnotes.xml", "endnotes.xml")
            elif name == "[Content_Types].xml":
                data = data.replace("/word/footnotes.xml", "/word/endnotes.xml").replace(
                    "footnotes+xml", "endnotes+xml")
            elif name == "word/settings.xml":
                data = data.replace("</w:settings>", '<w:endnotePr><w:numFmt w:val="decimal"/>'
                                    "</w:endnotePr></w:settings>")
            elif name == "word/_rels/footnotes.xml.rels":
                name = "word/_rels/endnotes.xml.rels"
            zout.writestr(name, data)


to_endnotes(OUT / "a_footnotes.docx", MS / "a_chapter.docx")
(MS / "a_facts.toml").write_text('''[[fact]]
subject = "Flintwood capital programme"
aliases = ["capital programme"]
context = ["Flintwood", "council"]
value = 11e9
unit = "USD"
tolerance = 0.05
source = "City of Flintwood, Capital Improvement Plan 2015-2030"
''')

# ================================================================ (b) Markdown blog essay
b_trap = pg("licence-trap", "The Licence Trap", "Jonah Weller", "2019-05-02",
            ["Publishers now sell most library e-books on two-year licences."])
b_survey = pg("lfi-survey-2022", "Digital Lending in Public Libraries: 2022 Survey",
              "Library Futures Institute", "2022-09-20",
              ["Respondents reported that holds rose to 2.7 million titles."])
b_wait = pg("waitlist", "Why Your Library Waitlist Is So Long", "Tom Brannigan", "2021-01-10",
            ["A single popular title can carry a waitlist of six months."])
pg("press-2020", "Lending Platform Reports Record Year", "", "2020-01-08",
   ["Libraries lent 430 million digital titles in 2019."])
b_press = f"{WEB}/moved/press-2020"
b_soft = f"{WEB}/soft/ebook-faq"
b_state = f"{WEB}/gone/state-library-budget-2021"
b_fees = pg("ebook-fees", "What Libraries Pay for E-Books", "Dana Whitfield", "2021-06-30",
            ["A library may pay $55 for a two-year licence of a title that costs readers $15."])
b_act = pg("state-ebook-act", "Maryland Digital Lending Act Takes Effect", "", "2022-01-01",
           ["The law requires publishers to offer libraries reasonable terms."])
b_notes = [
    f"Jonah Weller, “The Licence Trap,” *Library Journal*, May 2, 2019, {b_trap}.",
    f"Library Futures Institute, *Digital Lending in Public Libraries: 2022 Survey* (2022), 4, "
    f"{b_survey}.",
    "Mei Lin Zhou, “Pricing E-Books for Libraries,” *Library Quarterly* 90, no. 2 (2020): 150–68, "
    "https://doi.org/10.5555/zhou.2020.",
    f"Tom Brannigan, “Why Your Library Waitlist Is So Long,” *Civic Review*, January 10, 2021, "
    f"{b_wait}.",
    "Karen Ostrowski, *The Borrowed Book: A History of Lending* (New York: Norton, 2017), 211–15.",
    "Aditi Rao and Ben Castillo, “Metered Access and Collection Budgets,” *College & Research "
    "Libraries* 81, no. 4 (2020): 560–79.",
    f"Lending platform press release, “Lending Platform Reports Record Year,” January 8, 2020, "
    f"{b_press}.",
    f"Library Futures Institute, *2022 Survey*, 9.",
    "Zhou, “Pricing E-Books,” 155.",
    f"Dana Whitfield, “What Libraries Pay for E-Books,” *The Ledger*, June 30, 2021, {b_fees}.",
    "Ibid.",
    f"See the vendor’s old FAQ, {b_soft}.",
    "Ostrowski, *Borrowed Book*, 230.",
    "Weller, “Licence Trap.”",
    f"“Maryland Digital Lending Act Takes Effect,” *Baltimore Sun*, January 1, 2022, {b_act}.",
    "Rao and Castillo, “Metered Access,” 566.",
    "Brannigan, “Waitlist.”",
    "Library Futures Institute, *2022 Survey*, 12.",
    "Aditi Rao and Ben Castillo, “Metered Access and Collection Budgets,” *College & Research "
    "Libraries* 81, no. 4 (2018): 560–79, 571.",                                       # 19 wrong year
    "Zhou, “Pricing E-Books,” 160–61.",
    "Whitfield, “What Libraries Pay.”",
    f"State Library Board, *Budget Request 2021*, {b_state}.",                      # 22 dead
    "Ostrowski, *Borrowed Book*, 240–44.",
    "Id. at 245.",
    "Weller, “Licence Trap”; Brannigan, “Waitlist.”",
    "Library Futures Institute, *2022 Survey*, 15.",
]
b_md = f"""---
title: "The Quiet Crisis in Library E-Lending"
---

# The Quiet Crisis in Library E-Lending

*Posted March 2023.* If you have waited four months for an e-book from your library, you are
not imagining it. Publishers changed the terms years ago.[^1] I have written about this
[on this blog before]({b_wait}) and the picture has only got worse.

The best numbers come from the annual survey of public libraries.[^2] Holds rose from 1.8
million to 2.7 million between 2020 and 2022, a 35 percent rise.[^2] The survey itself is
online at {b_survey} if you want to check my arithmetic.

Prices are the heart of it.[^3] A popular novel that costs a reader $15 can cost a library $55
for a two-year licence.[^10] That licence price doubled in five years, from $18 to $55.[^4]
Economists have a name for this kind of market.[^9]

Libraries have been here before: the rental libraries of the nineteenth century fought the same
fight with publishers.[^5] What is new is metering.[^6] The platform that sells most of these
licences says libraries lent 430 million digital titles in 2019.[^7] (The release used to be at
[the platform's newsroom][press]; it has moved.)

How do budgets absorb this? Of the typical digital budget in the survey, 45 percent went to
e-books, 38 percent to print replacements and 25 percent to audiobooks.[^8] Total collection
spending of $96 million was made up of $41 million for e-books, $38 million for print and $12
million for audiobooks.[^8]

The numbers are worse in small systems.[^11] The vendor once promised perpetual access.[^12]
Libraries kept their print collections as a hedge.[^13] The licence trap has a history.[^14]

Some states have fought back.[^15] Metered licences expire after 26 loans.[^16] Waitlists grow
anyway.[^17] The survey counted 1,240 libraries, of which 410 reported cutting print budgets
(33 percent).[^18] Rao and Castillo found the same squeeze in academic libraries.[^19]

Publishers say library lending cannibalises sales.[^20] The evidence for that is thin.[^21] Our
own state's library board asked for more money in 2021 (see
http://127.0.0.61:8061/gone/state-library-budget-2021).[^22] The board's request is the
clearest statement of the problem I know.

Lending has always been a negotiation.[^23] It was never a settled right.[^24] The answer is
not to abandon e-books, but to insist on terms that let libraries own what they buy.[^25]
The survey's next edition is due this autumn.[^26] See also [the fees story][fees] and
[the original licence-trap piece][1].

[press]: {b_press}
[fees]: {b_fees}
[1]: {b_trap}

""" + "\n".join(f"[^{i}]: {n}" for i, n in enumerate(b_notes, 1)) + "\n"
(MS / "b_essay.md").write_text(b_md)

# ================================================================ (c) LaTeX natbib paper
c_gone = f"{WEB}/gone/city-canopy-plan-2018.pdf"
c_moved = f"{WEB}/moved/heat-action-plan"
pg("heat-action-plan", "Heat Action Plan 2020", "City of Riverton", "2020-05-01")
c_noaa = pg("noaa-heat", "Heat Island Mapping Campaigns", "NOAA Climate Program Office",
            "2021-08-01", ["Volunteers drove sensor routes on the hottest afternoons."])
c_tree = pg("tree-survey", "Street Tree Inventory 2019", "Riverton Parks Department",
            "2019-11-04")
c_bib = r"""@article{santoro2012,
  author = {Santoro, Maria},
  title = {Cooling the Cities: A Review of Reflective and Green Roof Mitigation Technologies},
  journal = {Solar Energy},
  year = {2012},
  volume = {103},
  pages = {682--703},
  doi = {10.5555/santamouris.2012}
}
@article{bowman2010,
  author = {Bowman, Diane and Buyung, Nur},
  title = {Urban Greening to Cool Towns and Cities},
  journal = {Landscape and Urban Planning},
  year = {2012},
  volume = {97},
  number = {3},
  pages = {147--155}
}
@article{zeiter2019,
  author = {Zeiter, Carly and Pedersen, Erik},
  title = {Scale-Dependent Interactions Between Tree Canopy Cover and Impervious Surfaces Reduce Daytime Urban Heat},
  journal = {Proceedings of the National Academy of Sciences},
  year = {2019},
  volume = {116},
  number = {15},
  pages = {7575--7580},
  doi = {10.5555/ziter.2019}
}
@article{hsueh2021,
  author = {Hsueh, Tina and Ramirez, Pablo},
  title = {Disproportionate Exposure to Urban Heat Island Intensity},
  journal = {Nature Communications},
  year = {2021},
  volume = {12},
  pages = {2721},
  doi = {10.5555/hsu.2021}
}
@book{oke2017,
  author = {Oakes, Timothy and Mills, Gerald},
  title = {Urban Climates},
  publisher = {Cambridge University Press},
  address = {Cambridge},
  year = {2017}
}
@techreport{epa2008,
  author = {{U.S. Environmental Protection Agency}},
  title = {Reducing Urban Heat Islands: Compendium of Strategies},
  institution = {EPA},
  year = {2008},
  url = {http://127.0.0.61:8061/p/epa-compendium}
}
@misc{noaa2021,
  author = {{NOAA Climate Program Office}},
  title = {Heat Island Mapping Campaigns},
  year = {2021},
  howpublished = {\url{http://127.0.0.61:8061/p/noaa-heat}}
}
"""
pg("epa-compendium", "Reducing Urban Heat Islands: Compendium of Strategies",
   "U.S. Environmental Protection Agency", "2008-10-01")
(MS / "c_refs.bib").write_text(c_bib)
c_tex = r"""\documentclass{article}
\usepackage[authoryear,round]{natbib}
\usepackage{url}
\title{Canopy and Heat: Street Trees and Summer Afternoons in a Mid-Sized City}
\author{A. Author}
\begin{document}
\maketitle
\section{Introduction}
Cities are warmer than the country around them, and the gap is widest on still summer
evenings \citep{oke2017}. Reflective roofs and vegetation are the two families of remedy
\citep{santoro2012,epa2008}. \citet{bowman2010} pooled early park studies and found parks
about 1 degree cooler than their surroundings. Canopy matters most once it passes a threshold
\citep[p.~7577]{zeiter2019}, and exposure falls unevenly on poorer neighbourhoods
\citep{hsueh2021}.\footnote{The city's own canopy plan made the same point; see
\url{""" + c_gone + r"""}.}

\section{Data}
We use the 2019 street tree inventory\footnote{Riverton Parks Department, \emph{Street Tree
Inventory 2019}, \url{""" + c_tree + r"""}.} and traverse measurements from a volunteer
campaign \citep{noaa2021}.\footnote{NOAA Climate Program Office, ``Heat Island Mapping
Campaigns'' (2021), \url{""" + c_noaa + r"""}.} The city's heat plan sets the
targets.\footnote{City of Riverton, \emph{Heat Action Plan 2020}, \url{""" + c_moved + r"""}.}

\section{Results}
Canopy cover in the study blocks rose from 18 percent to 27 percent between 2010 and 2019,
an increase of 9 percent \citep{zeiter2019}. The number of street trees doubled, from 41,000
to 69,000, over the same period.\footnote{Inventory counts; see note 2.} Afternoon
temperatures on fully shaded blocks were 2.1 degrees lower than on open blocks
\citep[see also][]{bowman2010}.

Of the 412 heat-related hospital admissions in the summer of 2019, a total made up of 198 in
July, 121 in August and 67 in June, most came from the three least-shaded districts
\citep{hsueh2021}. Admissions rose from 300 in 2015 to 412 in 2019, an increase of 37
percent.\footnote{Hospital discharge data, State Department of Health, 2020.}

\section{Discussion}
Our results agree with \citet{santoro2012} and with \citet{oke2017}: shade, more than
albedo, sets afternoon temperatures at street level \citep{epa2008}.

\bibliographystyle{plainnat}
\bibliography{c_refs}
\end{document}
"""
(MS / "c_paper.tex").write_text(c_tex)

# ================================================================ (d) plain-text report
d_fcc = pg("fcc-2021", "Eighth Broadband Progress Report", "Federal Communications Commission",
           "2021-01-19", ["An estimated 14.5 million Americans lack access to fixed broadband."])
d_usda = pg("reconnect", "ReConnect Loan and Grant Program: Round 3 Awards", "USDA Rural "
            "Development", "2022-04-28", ["USDA awarded $1.15 billion in the third round."])
d_gone = f"{WEB}/gone/state-broadband-office-2019.pdf"
d_moved = f"{WEB}/moved/coop-fiber-study"
pg("coop-fiber-study", "Electric Cooperatives and Rural Fiber", "Nora Pike", "2020-09-14")
d_pew = pg("pew-rural", "Rural Americans and Home Broadband", "Emily Vogels", "2021-08-19",
           ["Some 72 percent of rural adults say they have broadband at home."])
d_news = pg("county-fiber", "County Lights Up Fiber Network", "Jake Orr", "2022-11-02",
            ["The county connected 3,400 homes in the first year."])
d_items = [
    ("Federal Communications Commission. (2021). Eighth broadband progress report. "
     f"{d_fcc}", "Federal Communications Commission (2021), p. 3."),
    ("Whitman, L. (2014). Broadband adoption in rural counties. Telecommunications Policy, "
     "38(11), 1024-1040. https://doi.org/10.5555/whitman.2014",
     "Whitman (2014), p. 1030."),
    ("Galvan, R., & Beaulieu, S. (2018). Digital divide index and county outcomes. Journal of "
     "Rural Studies, 78, 412-429.", "Galvan and Beaulieu (2018), p. 415."),       # wrong year
    ("USDA Rural Development. (2022). ReConnect loan and grant program: Round 3 awards. "
     f"{d_usda}", "USDA Rural Development (2022)."),
    ("State Broadband Office. (2019). Annual report 2019. " + d_gone,
     f"State Broadband Office (2019), p. 7, {d_gone}."),                              # dead
    ("Pike, N. (2020, September 14). Electric cooperatives and rural fiber. Rural Power "
     f"Review. {d_moved}", f"Pike (2020), {d_moved}."),                              # moved
    ("Vogels, E. (2021, August 19). Rural Americans and home broadband. Pew Research Center. "
     f"{d_pew}", f"Vogels (2021), {d_pew}."),
    ("Orr, J. (2022, November 2). County lights up fiber network. Valley Courier. "
     f"{d_news}", f"Orr (2022), {d_news}."),
]
d_notes = [
    d_items[0][1], d_items[1][1], "Ibid., p. 1034.", d_items[2][1], d_items[3][1],
    d_items[4][1], "Interview with a county commissioner, March 2022.", d_items[5][1],
    d_items[6][1], "Federal Communications Commission (2021), p. 11.", d_items[7][1],
    "Whitman (2014), p. 1036.", "USDA Rural Development (2022), table 2.",
    "See note 6.", "Galvan and Beaulieu (2018), p. 420.", "Vogels (2021).",
    "Orr (2022).", "Federal Communications Commission (2021), p. 20.",
    "Pike (2020).", "Author's calculation from USDA Rural Development (2022), table 4.",
    "State Broadband Office (2019), p. 12.", "Whitman (2014), pp. 1038-1039.",
    "Galvan and Beaulieu (2018), p. 425.", "Interview with a cooperative manager, April 2022.",
    "Federal Communications Commission (2021), p. 24.",
    "Vogels (2021); Orr (2022).",
]
d_body = [
    "CONNECTING THE LAST MILE",
    "Rural Broadband Subsidies, 2015-2023",
    "A report of the Valley Policy Institute",
    "Summary",
    "About 14.5 million Americans still lack access to fixed broadband at home, most of them in "
    "rural counties.{1} Adoption lags access: even where service exists, rural households "
    "subscribe less often than urban ones.{2} Cost is the main reason they give.{3}",
    "Counties with a higher digital divide index have lower rates of new business "
    "formation.{4} Federal programmes have responded with grants and loans. The ReConnect "
    "programme awarded $1.15 billion in its third round.{5}",
    "The state's own broadband office spent $11 billion on middle-mile contracts between 2015 "
    "and 2019.{6} Commissioners describe the contracts as the largest public works programme "
    "in the state's history.{7}",
    "Electric cooperatives have been the surprise of the decade.{8} Home broadband among "
    "rural adults rose from 63 percent to 72 percent between 2016 and 2021, a rise of 9 "
    "percentage points.{9} The number of households served by cooperatives doubled, from "
    "310,000 to 870,000.{10}",
    "County networks have followed.{11} Subscription rose from 1,200 to 3,400 homes in a year, "
    "an increase of 183 percent.{11} Take-up was highest where prices were lowest.{12}",
    "Grant money has been spread thin. Of the $1.15 billion awarded, $620 million went to "
    "grants, $310 million to loans and $140 million to combined loan-grant awards.{13}",
    "The state office's spending was uneven.{14} Counties with the weakest service received "
    "the least.{15} Rural adults without broadband cite cost more than availability.{16}",
    "Local news coverage has tracked the county networks closely.{17} Federal maps overstate "
    "coverage in rural areas.{18} Cooperatives have used existing poles to lower costs.{19}",
    "Connection costs fell 25 percent, from $4,800 to $3,600 per home, between rounds one and "
    "three.{20} The state office reported that its $11 million middle-mile programme reached "
    "44 counties.{21}",
    "Adoption follows price more than speed.{22} Business formation follows adoption.{23} "
    "Managers say the hardest part is the last few hundred metres.{24} The FCC's own "
    "benchmark has risen twice since 2015.{25} The lesson of the county networks is that "
    "local ownership works.{26}",
]
d_notes_txt = "\n\n".join(f"{i}. {n}" for i, n in enumerate(d_notes, 1))
d_refs = "\n\n".join(sorted(x[0] for x in d_items))
d_plain = "\n\n".join(p.replace("{", "[").replace("}", "]") for p in d_body)
(MS / "d_report.txt").write_text(d_plain + "\n\nNotes\n\n" + d_notes_txt + "\n\nReferences\n\n"
                                  + d_refs + "\n")
# the same report in the <sup>n</sup> style the docs describe, with a note cut by a page break
d_sup = "\n\n".join(re.sub(r"\{(\d+)\}", r"<sup>\1</sup>", p) for p in d_body)
sup_notes = [f"<sup>{i}</sup> {n}" for i, n in enumerate(d_notes, 1)]
sup_notes[21] = ("<sup>22</sup> Whitman (2014), pp. 1038-1039, on the price elasticity of "
                 "rural demand, which is higher than urban demand in every year of the study,\n\n"
                 "- 14 -\n\n---\n\nand which fell only slightly after 2010.")
(MS / "d_report_sup.txt").write_text(d_sup + "\n\n---\n\n## Notes\n\n" + "\n\n".join(sup_notes)
                                      + "\n\n## References\n\n" + d_refs + "\n")
(MS / "d_facts.toml").write_text('''[[fact]]
subject = "middle-mile programme"
aliases = ["middle-mile contracts"]
value = 11e9
unit = "USD"
tolerance = 0.05
source = "State Broadband Office, Annual Report 2019"
''')

(OUT / "pages.json").write_text(json.dumps(PAGES, indent=1))
(OUT / "records.json").write_text(json.dumps({"crossref": CROSSREF,
                                              "openalex": [openalex_of(w) for w in CROSSREF]}))
print("notes: a", len(a_notes2), "b", len(b_notes), "c footnotes 6 + cites", "d", len(d_notes))
