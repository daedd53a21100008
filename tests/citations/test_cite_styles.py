"""One note, one work: the fields read from each citation style.

Each case names only the fields it is sure of; the rest may be anything.
"""

from __future__ import annotations

from typing import Any

import pytest
from cite_factories import assert_fields, cite_notes, cite_one

from citecheck.model import PartialDate

CASES = [
    # ---------------------------------------------------------------- Chicago
    pytest.param(
        "Henry Kissinger, World Order: Reflections on the Character of Nations "
        "(New York: Penguin Press, 2014), 12.",
        {
            "type": "book",
            "authors": ["Kissinger"],
            "given": ["Henry"],
            "title": "World Order: Reflections on the Character of Nations",
            "place": "New York",
            "publisher": "Penguin Press",
            "date": "2014",
            "pinpoint": "12",
            "container": None,
        },
        id="chicago-book-place-publisher-year-pinpoint",
    ),
    pytest.param(
        "Shannon K. O’Neil, Two Nations Indivisible: Mexico, the United States and the Road "
        "Ahead (Oxford, UK: Oxford University Press, 2013)",
        {
            "type": "book",
            "authors": ["O’Neil"],
            "title": "Two Nations Indivisible: Mexico, the United States and the Road Ahead",
            "place": "Oxford, UK",
            "publisher": "Oxford University Press",
            "date": "2013",
        },
        id="chicago-book-comma-in-title",
    ),
    pytest.param(
        "Alan D. Bersin, “Lines and Flows: The Beginning and End of Borders,” "
        "Brooklyn Journal of International Law, vol. 37, no. 2 (2012)",
        {
            "type": "article",
            "authors": ["Bersin"],
            "given": ["Alan D."],
            "title": "Lines and Flows: The Beginning and End of Borders",
            "container": "Brooklyn Journal of International Law",
            "volume": "37",
            "issue": "2",
            "date": "2012",
        },
        id="chicago-article-vol-no",
    ),
    pytest.param(
        "Mae M. Ngai, “The Architecture of Race in American Immigration Law,” Journal of "
        "American History 86, no. 1 (1999): 67–92, 70.",
        {
            "type": "article",
            "authors": ["Ngai"],
            "title": "The Architecture of Race in American Immigration Law",
            "container": "Journal of American History",
            "volume": "86",
            "issue": "1",
            "date": "1999",
            "pages": "67–92",
            "pinpoint": "70",
        },
        id="chicago-article-volume-after-journal",
    ),
    pytest.param(
        "Shannon K. O’Neil, “Mexico Makes It: A Transformed Society, Economy, and "
        "Government,” Foreign Affairs, March/April 2013",
        {
            "type": "article",
            "container": "Foreign Affairs",
            "date": "2013-03",
            "title": "Mexico Makes It: A Transformed Society, Economy, and Government",
        },
        id="magazine-double-month",
    ),
    pytest.param(
        "Boghardt, Thomas. The Zimmerman Telegram: Intelligence, Diplomacy, and America's "
        "Entry into World War I (2012)",
        {
            "type": "book",
            "authors": ["Boghardt"],
            "given": ["Thomas"],
            "title": "The Zimmerman Telegram: Intelligence, Diplomacy, and America's Entry "
            "into World War I",
            "date": "2012",
        },
        id="bibliography-inverted-name",
    ),
    pytest.param(
        "Pratt, Mary Louise. Imperial Eyes: Travel Writing and Transculturation. London: "
        "Routledge, 1992.",
        {
            "authors": ["Pratt"],
            "given": ["Mary Louise"],
            "title": "Imperial Eyes: Travel Writing and Transculturation",
            "date": "1992",
        },
        id="bibliography-book-no-parens",
    ),
    pytest.param(
        "Ann Lee, “Border Towns,” in Borderlands Reader, ed. Tom Ruiz (Austin: University of "
        "Texas Press, 2005), 45–67.",
        {
            "type": "chapter",
            "authors": ["Lee"],
            "title": "Border Towns",
            "date": "2005",
            "publisher": "University of Texas Press",
        },
        id="chapter-in-edited-book",
    ),
    pytest.param(
        "Ann Lee, “Border Towns,” in Tom Ruiz (ed.), Borderlands Reader (Austin: University "
        "of Texas Press, 2005), 45.",
        {"type": "chapter", "title": "Border Towns", "container": "Borderlands Reader"},
        id="chapter-editor-first",
    ),
    # --------------------------------------------------------------- Bluebook
    pytest.param(
        "Bayless Manning, The Congress, The Executive and Intermestic Affairs: Three "
        "Proposals, 55 Foreign Affairs 306, 309 (1977).",
        {
            "type": "article",
            "authors": ["Manning"],
            "title": "The Congress, The Executive and Intermestic Affairs: Three Proposals",
            "container": "Foreign Affairs",
            "volume": "55",
            "pages": "306",
            "pinpoint": "309",
            "date": "1977",
        },
        id="bluebook-journal-unknown-to-eyecite",
    ),
    pytest.param(
        "Alan D. Bersin, El Tercer Pais: Reinventing the U.S.-Mexico Border, 48 Stan. L. Rev. "
        "1413, 1420 (1996).",
        {
            "type": "article",
            "authors": ["Bersin"],
            "title": "El Tercer Pais: Reinventing the U.S.-Mexico Border",
            "container": "Stan. L. Rev.",
            "volume": "48",
            "pages": "1413",
            "pinpoint": "1420",
            "date": "1996",
        },
        id="bluebook-law-review-via-eyecite",
    ),
    pytest.param(
        'See Alan D. Bersin, "El Tercer Pais: Reinventing the U.S.-Mexico Border." 48 '
        "Stanford Law Review 1413, 1995-1996.",
        {
            "signal": "see",
            "volume": "48",
            "container": "Stanford Law Review",
            "pages": "1413",
            "pinpoint": None,
            "date": "1995",
        },
        id="bluebook-year-range-not-pinpoint",
    ),
    pytest.param(
        "Mark Mazzetti & Scott Shane, Evidence Mounts for Taliban Role in Bomb Plot, N.Y. "
        "Times, May 5, 2010, at A1.",
        {
            "type": "newspaper",
            "authors": ["Mazzetti", "Shane"],
            "container": "N.Y. Times",
            "date": "2010-05-05",
            "pinpoint": "A1",
        },
        id="bluebook-newspaper-at-page",
    ),
    # ------------------------------------------------------------------ Cases
    pytest.param(
        "Brown v. Board of Education, 347 U.S. 483, 495 (1954).",
        {
            "type": "case",
            "title": "Brown v. Board of Education",
            "container": "U.S.",
            "volume": "347",
            "pages": "483",
            "pinpoint": "495",
            "date": "1954",
        },
        id="case",
    ),
    pytest.param(
        "See United States v. Alvarez-Machain, 504 U.S. 655, 670 (1992) (Stevens, J., dissenting).",
        {"type": "case", "signal": "see", "volume": "504", "pinpoint": "670", "date": "1992"},
        id="case-with-parenthetical",
    ),
    pytest.param(
        "42 U.S.C. § 1983 (2018).",
        {"type": "statute", "container": "U.S.C.", "volume": "42", "pages": "1983"},
        id="statute",
    ),
    pytest.param(
        "8 U.S.C. § 1357(g) (2012).",
        {"type": "statute", "title": "8 U.S.C. § 1357(g)", "pages": "1357(g)", "date": "2012"},
        id="statute-subsection",
    ),
    pytest.param(
        "Cf. Sarah Cleveland, Powers Inherent in Sovereignty, 81 Tex. L. Rev. 1, 12 n.40 (2002).",
        {"signal": "cf.", "container": "Tex. L. Rev.", "pages": "1", "pinpoint": "12 n.40"},
        id="law-review-pin-with-footnote",
    ),
    pytest.param(
        "Peter Andreas, Border Games: Policing the U.S.-Mexico Divide 85 (2d ed. 2009).",
        {
            "type": "book",
            "title": "Border Games: Policing the U.S.-Mexico Divide",
            "pinpoint": "85",
            "date": "2009",
            "publisher": None,
        },
        id="bluebook-book-edition",
    ),
    pytest.param(
        "Rachel St. John, Line in the Sand: A History of the Western U.S.-Mexico Border 45 (2011).",
        {"authors": ["St. John"], "given": ["Rachel"], "pinpoint": "45"},
        id="saint-family-name",
    ),
    pytest.param(
        "Julia Preston, Border Crossings Fall, N.Y. Times (Mar. 3, 2011), "
        "https://www.nytimes.com/2011/03/03/us/03border.html [https://perma.cc/ABCD-1234].",
        {
            "type": "newspaper",
            "container": "N.Y. Times",
            "date": "2011-03-03",
            "urls": [
                "https://www.nytimes.com/2011/03/03/us/03border.html",
                "https://perma.cc/ABCD-1234",
            ],
        },
        id="bluebook-newspaper-with-perma",
    ),
    # ------------------------------------------------------------- Newspapers
    pytest.param(
        "Ken Ellingwood, Delays Ease at U.S.-Mexican Border: Waits are reduced, but extra "
        "precautions remain. Los Angeles Times, September 14, 2001",
        {
            "type": "newspaper",
            "authors": ["Ellingwood"],
            "title": "Delays Ease at U.S.-Mexican Border: Waits are reduced, but extra "
            "precautions remain",
            "container": "Los Angeles Times",
            "date": "2001-09-14",
        },
        id="newspaper-title-period-container",
    ),
    pytest.param(
        "Erika Solomon & Phil Steward, Al Qaeda Yemen Wing Claims Parcel Plot, UPS Crash, "
        "Reuters (November 5, 2010), <http://ca.reuters.com/article/topNews/idCATRE6A44PU>",
        {
            "type": "newspaper",
            "authors": ["Solomon", "Steward"],
            "title": "Al Qaeda Yemen Wing Claims Parcel Plot, UPS Crash",
            "container": "Reuters",
            "date": "2010-11-05",
            "urls": ["http://ca.reuters.com/article/topNews/idCATRE6A44PU"],
        },
        id="wire-service-date-in-parens",
    ),
    pytest.param(
        "Julia Preston, “Border Crossings Fall,” New York Times, 3 March 2011, "
        "https://www.nytimes.com/2011/03/03/us/03border.html.",
        {
            "type": "newspaper",
            "title": "Border Crossings Fall",
            "container": "New York Times",
            "date": "2011-03-03",
            "urls": ["https://www.nytimes.com/2011/03/03/us/03border.html"],
        },
        id="newspaper-bare-url-trailing-period",
    ),
    # ------------------------------------------------------- Reports and web
    pytest.param(
        "Goldman Sachs, “The N-11: More Than an Acronym,” Global Economics Paper No. 153, "
        "March, 2007, available at <http://www.example.org/n11.pdf>.",
        {
            "type": "report",
            "authors": ["Goldman Sachs"],
            "corporate": [True],
            "title": "The N-11: More Than an Acronym",
            "series": "Global Economics Paper",
            "number": "153",
            "date": "2007-03",
            "urls": ["http://www.example.org/n11.pdf"],
        },
        id="report-series-number",
    ),
    pytest.param(
        "Shannon K. O’Neil et al, North America: Time for a New Focus, Council on Foreign "
        "Relations Task Force Report (2014)",
        {
            "type": "report",
            "authors": ["O’Neil"],
            "et_al": True,
            "title": "North America: Time for a New Focus",
            "publisher": "Council on Foreign Relations",
            "series": "Task Force Report",
            "date": "2014",
        },
        id="report-task-force",
    ),
    pytest.param(
        "U.S. Government Accountability Office, Border Security: Additional Actions Needed, "
        "GAO-13-25 (Washington, D.C.: Dec. 10, 2012).",
        {
            "authors": ["U.S. Government Accountability Office"],
            "corporate": [True],
            "date": "2012-12-10",
            "place": "Washington, D.C.",
        },
        id="agency-report-full-date-in-parens",
    ),
    pytest.param(
        'DEA Observes 25th Anniversary of Death of Special Agent Enrique "Kiki" Camarena, '
        "U.S. Drug Enforcement Administration, <http://www.dea.gov/pr030410p.html>",
        {
            "type": "webpage",
            "authors": ["U.S. Drug Enforcement Administration"],
            "corporate": [True],
            "title": "DEA Observes 25th Anniversary of Death of Special Agent Enrique "
            '"Kiki" Camarena',
            "urls": ["http://www.dea.gov/pr030410p.html"],
        },
        id="webpage-corporate-author-after-title",
    ),
    pytest.param(
        "“Border Wait Times,” U.S. Customs and Border Protection, "
        "https://bwt.cbp.gov/ (accessed May 3, 2015).",
        {
            "type": "webpage",
            "title": "Border Wait Times",
            "urls": ["https://bwt.cbp.gov/"],
            "accessed": "2015-05-03",
            "date": None,
        },
        id="webpage-accessed",
    ),
    pytest.param(
        "Migration Policy Institute, Mexican Immigrants in the United States, "
        "http://www.migrationpolicy.org/article/mexican-immigrants (last visited Jan. 5, 2016).",
        {"accessed": "2016-01-05", "authors": ["Migration Policy Institute"]},
        id="last-visited",
    ),
    pytest.param(
        "See page 15 of the 2014 Quadrennial Homeland Security Review, accessible at "
        "<http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf>.",
        {
            "signal": "see",
            "pinpoint": "15",
            "title": "2014 Quadrennial Homeland Security Review",
            "urls": ["http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf"],
            "date": "2014",
        },
        id="page-of-named-report",
    ),
    pytest.param(
        "These statistical measures are drawn from a presentation prepared by Simon Rosenberg "
        "at the New Policy Institute in 2014.",
        {
            "type": "presentation",
            "authors": ["Rosenberg"],
            "publisher": "New Policy Institute",
            "date": "2014",
        },
        id="presentation",
    ),
    # ------------------------------------------------------------------ DOIs
    pytest.param(
        "Ann Lee, “Border Towns,” Journal of Borderlands Studies 27, no. 2 (2012): 1–20, "
        "doi:10.1080/08865655.2012.687211.",
        {"doi": "10.1080/08865655.2012.687211", "volume": "27", "pages": "1–20"},
        id="doi-prefix",
    ),
    pytest.param(
        "Ann Lee, “Border Towns,” Journal of Borderlands Studies 27 (2012), "
        "https://doi.org/10.1080/08865655.2012.687211.",
        {
            "doi": "10.1080/08865655.2012.687211",
            "urls": ["https://doi.org/10.1080/08865655.2012.687211"],
        },
        id="doi-url",
    ),
    # -------------------------------------------------------------- APA, MLA
    pytest.param(
        "Smith, J. (2010). The title of the work. Journal of Things, 3(2), 1-10.",
        {
            "type": "article",
            "authors": ["Smith"],
            "given": ["J."],
            "date": "2010",
            "title": "The title of the work",
            "container": "Journal of Things",
            "volume": "3",
            "issue": "2",
            "pages": "1-10",
        },
        id="apa-article",
    ),
    pytest.param(
        "Smith, John. “Border Lines.” Journal of Things, vol. 3, no. 2, 2010, pp. 1-10.",
        {
            "type": "article",
            "authors": ["Smith"],
            "given": ["John"],
            "title": "Border Lines",
            "container": "Journal of Things",
            "volume": "3",
            "issue": "2",
            "date": "2010",
            "pages": "1-10",
        },
        id="mla-article",
    ),
]


MORE_CASES = [
    pytest.param(
        "Henry Kissinger, World Order 12 (2014).",
        {"type": "book", "title": "World Order", "pinpoint": "12", "date": "2014"},
        id="bluebook-book-pin-before-year",
    ),
    pytest.param(
        "Octavio Paz, The Labyrinth of Solitude, trans. Lysander Kemp (New York: Grove Press, "
        "1961), 29.",
        {
            "type": "book",
            "authors": ["Paz"],
            "title": "The Labyrinth of Solitude",
            "publisher": "Grove Press",
            "date": "1961",
            "pinpoint": "29",
        },
        id="translated-book",
    ),
    pytest.param(
        "Tom Ruiz, ed., Borderlands Reader (Austin: University of Texas Press, 2005).",
        {"type": "book", "authors": ["Ruiz"], "title": "Borderlands Reader", "date": "2005"},
        id="editor-as-author",
    ),
    pytest.param(
        "Alan Bersin, Borders in North America, Brookings Institution Press, 2012.",
        {
            "type": "book",
            "title": "Borders in North America",
            "publisher": "Brookings Institution Press",
            "date": "2012",
        },
        id="publisher-without-parens",
    ),
    pytest.param(
        "Smith, John. Border Lines. Penguin, 2010.",
        {"type": "book", "title": "Border Lines", "publisher": "Penguin", "date": "2010"},
        id="mla-book",
    ),
    pytest.param(
        "Clare Ribando Seelke, Mérida Initiative for Mexico and Central America, CRS Report "
        "R41349 (Washington, DC: Congressional Research Service, 2010).",
        {
            "type": "report",
            "authors": ["Seelke"],
            "series": "CRS Report",
            "number": "R41349",
            "publisher": "Congressional Research Service",
            "date": "2010",
        },
        id="report-code-without-no",
    ),
    pytest.param(
        "U.S. Government Accountability Office, Border Security, GAO-13-25, December 2012.",
        {"type": "report", "number": "GAO-13-25", "date": "2012-12"},
        id="report-code-element",
    ),
    pytest.param(
        "Julia Preston, “Border Crossings Fall,” New York Times, March 3, 2011, A1.",
        {"type": "newspaper", "date": "2011-03-03", "pinpoint": "A1"},
        id="newspaper-section-page",
    ),
    pytest.param(
        "“Mexico’s Drug War,” Economist, March 3, 2012.",
        {"type": "newspaper", "title": "Mexico’s Drug War", "container": "Economist"},
        id="unsigned-magazine-piece",
    ),
    pytest.param(
        "See, for example, Ann Lee, Border Towns (Austin: University of Texas Press, 2005).",
        {"signal": "see, e.g.", "authors": ["Lee"]},
        id="see-for-example",
    ),
    pytest.param(
        "Smith, J. (2010). Border lines. New York: Penguin.",
        {
            "type": "book",
            "authors": ["Smith"],
            "title": "Border lines",
            "place": "New York",
            "publisher": "Penguin",
            "date": "2010",
        },
        id="apa-book",
    ),
    pytest.param(
        "Mae M. Ngai, Impossible Subjects: Illegal Aliens and the Making of Modern America "
        "(Princeton, NJ: Princeton University Press, 2004), 56–58.",
        {"type": "book", "pinpoint": "56–58", "place": "Princeton, NJ", "date": "2004"},
        id="book-pinpoint-range",
    ),
    pytest.param(
        "Andreas, Peter. Border Games: Policing the U.S.-Mexico Divide. Ithaca: Cornell "
        "University Press, 2000.",
        {
            "type": "book",
            "authors": ["Andreas"],
            "given": ["Peter"],
            "title": "Border Games: Policing the U.S.-Mexico Divide",
            "place": "Ithaca",
            "publisher": "Cornell University Press",
            "date": "2000",
        },
        id="chicago-bibliography-book-with-initials-in-title",
    ),
    pytest.param(
        "Tony Payan, The Three U.S.-Mexico Border Wars: Drugs, Immigration, and Homeland "
        "Security (Westport, CT: Praeger Security International, 2006), 12–15.",
        {
            "authors": ["Payan"],
            "title": "The Three U.S.-Mexico Border Wars: Drugs, Immigration, and Homeland Security",
            "pinpoint": "12–15",
        },
        id="serial-comma-in-title-is-not-an-author-list",
    ),
    pytest.param(
        "Department of Homeland Security, Office of Immigration Statistics, Yearbook of "
        "Immigration Statistics: 2012 (Washington, DC: DHS, 2013), table 7.",
        {
            "authors": ["Department of Homeland Security, Office of Immigration Statistics"],
            "corporate": [True],
            "title": "Yearbook of Immigration Statistics: 2012",
            "type": "report",
            "date": "2013",
        },
        id="corporate-author-with-its-office",
    ),
    pytest.param(
        "Andrew Selee, “Overview,” in Mexico’s Security Failure, ed. Paul Kenny and Monica "
        "Serrano (New York: Routledge, 2012), 3.",
        {
            "type": "chapter",
            "authors": ["Selee"],
            "title": "Overview",
            "container": "Mexico’s Security Failure",
            "pinpoint": "3",
        },
        id="chapter-book-then-editors",
    ),
    pytest.param(
        "Testimony of Alan D. Bersin, Commissioner, U.S. Customs and Border Protection, before "
        "the Senate Committee on Homeland Security, May 5, 2011.",
        {
            "type": "presentation",
            "authors": ["Bersin"],
            "publisher": "Senate Committee on Homeland Security",
            "date": "2011-05-05",
        },
        id="testimony",
    ),
    pytest.param(
        "Eric Olson and Christopher Wilson, Beyond Merida: The Evolving Approach to Security "
        "Cooperation, Working Paper Series on U.S.-Mexico Security Cooperation (San Diego: "
        "Trans-Border Institute, 2010).",
        {
            "type": "report",
            "title": "Beyond Merida: The Evolving Approach to Security Cooperation",
            "series": "Working Paper Series on U.S.-Mexico Security Cooperation",
        },
        id="working-paper-series",
    ),
    pytest.param(
        "Pew Research Center, “Mexican Immigrants in the United States,” September 2013, "
        "http://www.pewhispanic.org/2013/09/mexican-immigrants/.",
        {
            "type": "webpage",
            "authors": ["Pew Research Center"],
            "date": "2013-09",
            "urls": ["http://www.pewhispanic.org/2013/09/mexican-immigrants/"],
        },
        id="think-tank-web-page",
    ),
    pytest.param(
        "Alan D. Bersin, “Cross-Border Economies: A Blueprint for North American "
        "Competitiveness,” William J. Perry Center for Hemispheric Defense Studies: Regional "
        "Insights, 2013 Edition, No. 3 (October)",
        {
            "date": "2013-10",
            "title": "Cross-Border Economies: A Blueprint for North American Competitiveness",
        },
        id="edition-number-month",
    ),
    pytest.param(
        "Council on Foreign Relations, U.S.-Mexico Relations (New York: CFR, 2010).",
        {"type": "report", "authors": ["Council on Foreign Relations"], "date": "2010"},
        id="corporate-document-is-a-report",
    ),
    pytest.param(
        "Wilson Center, “The State of the Border Report,” "
        "https://www.wilsoncenter.org/sites/default/files/border_report.pdf.",
        {
            "type": "report",
            "urls": ["https://www.wilsoncenter.org/sites/default/files/border_report.pdf"],
        },
        id="pdf-is-a-report",
    ),
    pytest.param(
        "Ana Ruiz, “Crossing Times Rise,” Border Report, May 3, 2015, "
        "https://www.borderreport.com/2015/05/03/crossing/.",
        {"type": "webpage", "container": "Border Report", "date": "2015-05-03"},
        id="dated-piece-on-a-site-is-a-web-page",
    ),
    pytest.param(
        "John Smith, Jr., Mary Jones, and Tom Lee, “A Study,” Journal of Things 3 (2001).",
        {"authors": ["Smith", "Jones", "Lee"], "given": ["John", "Mary", "Tom"]},
        id="name-suffix",
    ),
    pytest.param(
        "García Márquez, Gabriel. Cien años de soledad. Buenos Aires: Sudamericana, 1967.",
        {"authors": ["García Márquez"], "given": ["Gabriel"], "publisher": "Sudamericana"},
        id="double-surname-inverted",
    ),
    pytest.param(
        "Alan Bersin, interview by author, San Diego, May 5, 2012.",
        {"type": "other", "authors": ["Bersin"], "place": "San Diego", "date": "2012-05-05"},
        id="interview",
    ),
    pytest.param(
        "U.S. Department of State, Bureau of International Narcotics and Law Enforcement "
        "Affairs, International Narcotics Control Strategy Report (Washington, DC, 2013).",
        {
            "type": "report",
            "title": "International Narcotics Control Strategy Report",
            "place": "Washington, DC",
            "publisher": None,
            "date": "2013",
        },
        id="place-without-publisher",
    ),
    pytest.param(
        "J.R.R. Tolkien, The Hobbit (London: Allen & Unwin, 1937), 12.",
        {"type": "book", "authors": ["Tolkien"], "given": ["J.R.R."], "corporate": [False]},
        id="initials-are-not-an-acronym",
    ),
    pytest.param(
        "Secretaría de Gobernación, Programa Especial de Migración 2014-2018 (México, D.F.: "
        "SEGOB, 2014).",
        {
            "authors": ["Secretaría de Gobernación"],
            "corporate": [True],
            "title": "Programa Especial de Migración 2014-2018",
            "place": "México, D.F.",
            "date": "2014",
        },
        id="spanish-agency",
    ),
    pytest.param(
        "Smith, John. Border Lines. New York: Penguin, 2010. Print.",
        {"type": "book", "title": "Border Lines", "publisher": "Penguin", "container": None},
        id="mla-medium-dropped",
    ),
    pytest.param(
        "“DHS Announces New Border Initiative,” press release, Department of Homeland "
        "Security, May 3, 2012, http://www.dhs.gov/news/2012/05/03/border.",
        {
            "type": "webpage",
            "authors": ["Department of Homeland Security"],
            "container": None,
            "date": "2012-05-03",
        },
        id="press-release",
    ),
    pytest.param(
        "Christopher Wilson, “Working Together: Economic Ties between the United States and "
        "Mexico” (Washington, DC: Wilson Center, 2011), 12.",
        {"type": "report", "publisher": "Wilson Center", "pinpoint": "12"},
        id="quoted-paper-from-an-institution",
    ),
    pytest.param(
        "Ann Lee, In Search of Mexico (Austin: University of Texas Press, 2005), 4.",
        {"type": "book", "title": "In Search of Mexico", "container": None},
        id="title-starting-with-in",
    ),
    pytest.param(
        "Ann Lee, Border Towns, in Borderlands Reader, ed. Tom Ruiz (Austin: University of "
        "Texas Press, 2005), 45.",
        {"type": "chapter", "title": "Border Towns", "container": "Borderlands Reader"},
        id="plain-chapter",
    ),
    pytest.param(
        "Ann Lee, Border Towns (2005).",
        {"type": "book", "authors": ["Lee"], "given": ["Ann"], "title": "Border Towns"},
        id="not-apa-without-initials",
    ),
    pytest.param(
        "World Bank. (2014). World Development Indicators. Washington, DC: World Bank.",
        {
            "type": "report",
            "authors": ["World Bank"],
            "title": "World Development Indicators",
            "place": "Washington, DC",
            "publisher": "World Bank",
            "date": "2014",
        },
        id="apa-corporate-place-with-region",
    ),
    pytest.param(
        "“Border Wait Times,” U.S. Customs and Border Protection, last modified May 1, 2015, "
        "https://bwt.cbp.gov/, accessed May 3, 2015.",
        {"date": "2015-05-01", "accessed": "2015-05-03", "urls": ["https://bwt.cbp.gov/"]},
        id="last-modified-is-the-date",
    ),
    pytest.param(
        "Cf. Arizona v. United States, 567 U.S. 387, 394–95 (2012).",
        {"type": "case", "signal": "cf.", "pages": "387", "pinpoint": "394–95", "date": "2012"},
        id="case-pin-range-with-en-dash",
    ),
    pytest.param(
        "Rey Koslowski, “Immigration, Crime, and Terrorism,” in The Politics of International "
        "Migration, ed. Marc Rosenblum (Oxford: Oxford University Press, 2012), 511–31.",
        {
            "type": "chapter",
            "container": "The Politics of International Migration",
            "pages": "511–31",
            "pinpoint": None,
        },
        id="chapter-page-range",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_more_styles(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fields_by_style(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        pytest.param(
            "Leo Gross, *The Peace of Westphalia*, *The American Journal of International Law* "
            "42 (1948).",
            "Leo Gross, The Peace of Westphalia, The American Journal of International Law 42 "
            "(1948).",
            id="article-italic-journal",
        ),
        pytest.param(
            "Bayless Manning, *The Congress, The Executive and Intermestic Affairs: Three "
            "Proposals*, 55 *Foreign Affairs* 306, 309 (1977).",
            "Bayless Manning, The Congress, The Executive and Intermestic Affairs: Three "
            "Proposals, 55 Foreign Affairs 306, 309 (1977).",
            id="bluebook",
        ),
        pytest.param(
            "Mark Mazzetti & Scott Shane, *Evidence Mounts for Taliban Role in Bomb Plot*, "
            "*New York Times* (May 5, 2010), <http://www.nytimes.com/2010/05/06/x.html>",
            "Mark Mazzetti & Scott Shane, Evidence Mounts for Taliban Role in Bomb Plot, "
            "New York Times (May 5, 2010), http://www.nytimes.com/2010/05/06/x.html",
            id="newspaper",
        ),
    ],
)
def test_italics_and_plain_text_agree(marked: str, plain: str) -> None:
    """Readers may or may not keep emphasis; the fields must not depend on it."""
    (a,) = cite_notes(marked)
    (b,) = cite_notes(plain)
    keys = ("type", "authors", "title", "container", "volume", "pages", "pinpoint", "date")
    assert {k: getattr(a, k) for k in keys} == {k: getattr(b, k) for k in keys}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The author thanks John Smith, Mary Jones, and the staff of the Wilson Center for "
            "their comments.",
            id="acknowledgement",
        ),
        pytest.param(
            "All translations from the Spanish are mine, unless noted otherwise.", id="translations"
        ),
        pytest.param(
            "In 1994, California voters passed Proposition 187 (later enjoined).", id="history"
        ),
        pytest.param(
            "Mexico’s Ley General de Población (1974) requires exit through ports of entry.",
            id="law-named-in-prose",
        ),
        pytest.param("The term “intermestic” was coined in the 1970s.", id="quoted-word"),
        pytest.param(
            "He served as Commissioner of U.S. Customs and Border Protection (2010-2011).",
            id="biography",
        ),
        pytest.param(
            "As Secretary Napolitano put it, “the border is open for business,” a phrase she "
            "repeated often.",
            id="quotation",
        ),
    ],
)
def test_prose_notes_cite_nothing(text: str) -> None:
    assert cite_notes(text) == ()


def test_prose_after_a_citation_is_not_part_of_it() -> None:
    (cite,) = cite_notes(
        "Ann Lee, Border Towns (Austin: University of Texas Press, 2005), 45. The book covers "
        "the period from 1848 to 1910."
    )
    assert (cite.pinpoint, cite.date, cite.title) == ("45", PartialDate(2005), "Border Towns")


@pytest.mark.parametrize(
    ("tail", "pinpoint"),
    [
        pytest.param("45.", "45", id="page"),
        pytest.param("45–47.", "45–47", id="range"),
        pytest.param("pp. 45–47.", "45–47", id="pp-range"),
        pytest.param("45ff.", "45ff", id="following-pages"),
        pytest.param("xii.", "xii", id="roman"),
        pytest.param("45 n. 3.", "45 n. 3", id="note-on-page"),
        pytest.param("chap. 3.", "chap. 3", id="chapter"),
    ],
)
def test_book_locators_are_pinpoints(tail: str, pinpoint: str) -> None:
    cite = cite_one(
        "Octavio Paz, El laberinto de la soledad [The Labyrinth of Solitude] (Mexico City: "
        f"Cuadernos Americanos, 1950), {tail}"
    )
    assert (cite.title, cite.pinpoint, cite.pages) == ("El laberinto de la soledad", pinpoint, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Goldman Sachs, “The N-11,” available at chicagobooth.edu "
            "(http://www.chicagobooth.edu/n11.pdf); mirror at http://example.org/n11.pdf.",
            {
                "title": "The N-11",
                "container": None,
                "urls": ["http://www.chicagobooth.edu/n11.pdf", "http://example.org/n11.pdf"],
            },
            id="link-text-and-a-mirror",
        ),
        pytest.param(
            "Eric L. Olson, Six Key Issues in U.S.-Mexico Security Cooperation, Wilson Center, "
            "2008.\nAvailable at wilsoncenter.org (https://www.wilsoncenter.org/six-key-issues).",
            {
                "type": "report",
                "title": "Six Key Issues in U.S.-Mexico Security Cooperation",
                "publisher": "Wilson Center",
                "container": None,
                "date": "2008",
                "urls": ["https://www.wilsoncenter.org/six-key-issues"],
            },
            id="institution-paper-with-link",
        ),
        pytest.param(
            "See page 15 of the 2014 review, accessible at the DHS site "
            "(http://www.dhs.gov/2014-qhsr.pdf) and https://www.dhs.gov/.",
            {
                "pinpoint": "15",
                "container": None,
                "urls": ["http://www.dhs.gov/2014-qhsr.pdf", "https://www.dhs.gov/"],
            },
            id="two-links-joined-by-and",
        ),
    ],
)
def test_links_written_as_text_and_url(text: str, expected: dict[str, Any]) -> None:
    """Readers render hyperlinks as "text (url)"; the link text is no field."""
    assert_fields(cite_one(text), expected)


def test_a_wire_story_named_only_by_agency_and_date() -> None:
    _first, wire = cite_notes(
        "Mark Mazzetti & Scott Shane, Evidence Mounts for Taliban Role in Bomb Plot, N.Y. Times, "
        "May 5, 2010. See also Reuters, November 5, 2010."
    )
    assert_fields(
        wire,
        {"type": "newspaper", "signal": "see also", "authors": ["Reuters"], "date": "2010-11-05"},
    )
