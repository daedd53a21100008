"""What kind of work a note cites, and the report fields that tell.

Government and think-tank reports with series and numbers, working papers,
web pages with and without dates, press releases, newspaper and magazine
articles online, presentations and testimony, in Chicago, APA and Bluebook
dress. Each case names only the fields it is sure of.
"""

from __future__ import annotations

from typing import Any

import pytest
from cite_factories import assert_fields, cite_one

CASES = [
    # ------------------------------------------------------- reports, Chicago
    pytest.param(
        "Gordon H. Hanson, “Illegal Migration from Mexico to the United States,” "
        "NBER Working Paper 12141, March 2006.",
        {
            "type": "report",
            "title": "Illegal Migration from Mexico to the United States",
            "series": "NBER Working Paper",
            "number": "12141",
            "container": None,
            "date": "2006-03",
        },
        id="working-paper-bare-number",
    ),
    pytest.param(
        "Erika Ngai, “Customs Corridors and Their Costs,” Peterson Institute Working Paper "
        "No. 14-7 (Washington, DC: Peterson Institute for International Economics, 2014), 9.",
        {
            "type": "report",
            "series": "Peterson Institute Working Paper",
            "number": "14-7",
            "publisher": "Peterson Institute for International Economics",
            "place": "Washington, DC",
            "pinpoint": "9",
        },
        id="working-paper-no-publisher",
    ),
    pytest.param(
        "Leo Gross, Bridges and Checkpoints: Staffing at Land Ports, CRS Report R41349 "
        "(Washington, DC: Congressional Research Service, 2012), 4.",
        {
            "type": "report",
            "title": "Bridges and Checkpoints: Staffing at Land Ports",
            "series": "CRS Report",
            "number": "R41349",
            "publisher": "Congressional Research Service",
        },
        id="crs-report-code",
    ),
    pytest.param(
        "U.S. Government Accountability Office, Port Security: Better Data Needed on "
        "Inspections, GAO-15-204 (Washington, DC, March 2015).",
        {
            "type": "report",
            "authors": ["U.S. Government Accountability Office"],
            "number": "GAO-15-204",
            "date": "2015-03",
        },
        id="gao-code-alone",
    ),
    pytest.param(
        "Migration Observatory, “Seasonal Workers on the Northern Frontier,” Report, "
        "September 2016.",
        {
            "type": "report",
            "authors": ["Migration Observatory"],
            "title": "Seasonal Workers on the Northern Frontier",
            "container": None,
            "date": "2016-09",
        },
        id="genre-word-report-is-not-a-container",
    ),
    pytest.param(
        "Mary Bersin, Crossing Points: Trade at the Rio Grande (Washington, DC: Wilson Center, "
        "October 2012), 23, https://www.example.org/files/crossing-points.pdf.",
        {
            "type": "report",
            "publisher": "Wilson Center",
            "date": "2012-10",
            "pinpoint": "23",
        },
        id="think-tank-pdf-with-place-and-month",
    ),
    pytest.param(
        "Thomas Boghardt, Frontier Economies (New York: Penguin Press, 2011), 40.",
        {"type": "book", "publisher": "Penguin Press"},
        id="press-book-stays-book",
    ),
    pytest.param(
        "Goldman Sachs, Global Economics Paper No. 170, 2008.",
        {
            "type": "report",
            "authors": ["Goldman Sachs"],
            "series": "Global Economics Paper",
            "number": "170",
            "title": None,
            "date": "2008",
        },
        id="untitled-paper-in-a-series",
    ),
    pytest.param(
        "U.S. Department of Justice, National Border Threat Assessment 2011, February 2011, "
        "http://www.example.gov/pubs/threat-2011.pdf.",
        {
            "type": "report",
            "title": "National Border Threat Assessment 2011",
            "pinpoint": None,
            "date": "2011-02",
        },
        id="year-ending-a-title-is-no-page",
    ),
    pytest.param(
        "Pew Research Center, Mexican Workers in Texas, 2008 (Washington, DC: Pew Hispanic "
        "Center, April 15, 2009), http://example.org/files/factsheets/47.pdf.",
        {
            "type": "report",
            "title": "Mexican Workers in Texas, 2008",
            "pinpoint": None,
            "date": "2009-04-15",
            "publisher": "Pew Hispanic Center",
        },
        id="year-element-before-publication-details",
    ),
    pytest.param(
        "Council on Foreign Relations, “Trade Across the Rio Grande,” CFR Backgrounder, "
        "November 9, 2012.",
        {"type": "report", "authors": ["Council on Foreign Relations"]},
        id="organisation-in-its-own-outlet-print",
    ),
    pytest.param(
        "Border Trade Alliance, “Crossings in Numbers,” Alliance Bulletin, October 9, 2014, "
        "http://www.example.org/bulletin/crossings.",
        {"type": "webpage", "container": "Alliance Bulletin"},
        id="organisation-in-its-own-outlet-online",
    ),
    pytest.param(
        "Eric Ruiz, “New Strategies at the Ports,” Wilson Center, March 2012, "
        "https://www.example.org/new-strategies.pdf.",
        {"type": "report", "publisher": "Wilson Center", "container": None},
        id="institution-pdf-is-a-report",
    ),
    pytest.param(
        "Eric Ruiz, “New Strategies at the Ports,” Wilson Center, March 2012, "
        "https://www.example.org/new-strategies.",
        {"type": "webpage", "container": "Wilson Center"},
        id="institution-html-page-is-a-webpage",
    ),
    pytest.param(
        "Department of Homeland Security, Yearbook of Crossing Statistics 2013, Table 39.",
        {
            "type": "report",
            "title": "Yearbook of Crossing Statistics 2013",
            "pinpoint": "Table 39",
            "container": None,
            "volume": None,
        },
        id="table-locator-is-a-pinpoint",
    ),
    pytest.param(
        "Source: World Bank, Border Trade Indicators 2014.",
        {"type": "report", "authors": ["World Bank"], "title": "Border Trade Indicators 2014"},
        id="source-lead-in",
    ),
    pytest.param(
        "Figures are from the Bureau of Transportation Statistics, Border Crossing Data, "
        "http://example.gov/crossings.html.",
        {
            "type": "webpage",
            "authors": ["Bureau of Transportation Statistics"],
            "title": "Border Crossing Data",
        },
        id="figures-are-from-lead-in",
    ),
    pytest.param(
        "Jim Ruiz, “Better Global Growth,” Global Economics Paper, No. 66, Goldman Sachs, "
        "November 30, 2001.",
        {
            "type": "report",
            "series": "Global Economics Paper",
            "number": "66",
            "publisher": "Goldman Sachs",
            "container": None,
            "issue": None,
        },
        id="series-and-number-as-two-elements",
    ),
    pytest.param(
        "Clare Gross, Border Wages, CRS Report for Congress RL32724 (Washington, DC: "
        "Congressional Research Service, 2010).",
        {"type": "report", "series": "CRS Report for Congress", "number": "RL32724"},
        id="crs-report-for-congress",
    ),
    pytest.param(
        "Mark Ruiz, “Remittances and Growth,” IMF Working Paper WP/13/45 (Washington, DC: "
        "International Monetary Fund, 2013).",
        {"type": "report", "series": "IMF Working Paper", "number": "WP/13/45"},
        id="imf-slash-code",
    ),
    pytest.param(
        "Ana Gross, “Border Wages,” Federal Reserve Bank of Dallas Working Paper no. 1104, 2011.",
        {
            "type": "report",
            "series": "Federal Reserve Bank of Dallas Working Paper",
            "number": "1104",
            "volume": None,
        },
        id="lower-case-no-and-of-in-series",
    ),
    pytest.param(
        "Luis Bersin, “Crossing Costs” (Goldman Sachs Global Economics Paper No. 153, 2007), 4.",
        {
            "type": "report",
            "series": "Goldman Sachs Global Economics Paper",
            "number": "153",
            "date": "2007",
            "pinpoint": "4",
        },
        id="series-number-and-year-in-parentheses",
    ),
    pytest.param(
        "Thomas Ngai, “Tariffs and the Peso,” Staff Report no. 45, Federal Reserve Bank of "
        "New York, May 2010.",
        {
            "type": "report",
            "series": "Staff Report",
            "number": "45",
            "publisher": "Federal Reserve Bank of New York",
            "date": "2010-05",
        },
        id="issuer-after-series-number",
    ),
    pytest.param(
        "Alan Ruiz, “Lines on the Map,” Journal of Borderlands Studies, no. 2 (2011).",
        {"type": "article", "container": "Journal of Borderlands Studies", "issue": "2"},
        id="journal-named-studies-keeps-its-issue",
    ),
    pytest.param(
        "Andrew Ruiz et al., Crossing Borders, Wilson Center Mexico Institute Report "
        "(Washington, DC: Wilson Center, 2010).",
        {
            "type": "report",
            "title": "Crossing Borders",
            "series": "Wilson Center Mexico Institute Report",
            "publisher": "Wilson Center",
        },
        id="institution-series-without-number",
    ),
    pytest.param(
        "Mexico Institute, Wilson Center, “Security Cooperation at the Ports,” Briefing Paper, "
        "May 2012.",
        {
            "type": "report",
            "authors": ["Mexico Institute, Wilson Center"],
            "title": "Security Cooperation at the Ports",
            "series": "Briefing Paper",
        },
        id="body-within-a-body-as-author",
    ),
    # ---------------------------------------------------------- reports, APA
    pytest.param(
        "Ngai, E. (2015). Cross-border freight and the peso (NBER Working Paper No. 20871). "
        "National Bureau of Economic Research.",
        {
            "type": "report",
            "authors": ["Ngai"],
            "title": "Cross-border freight and the peso",
            "series": "NBER Working Paper",
            "number": "20871",
            "date": "2015",
        },
        id="apa-working-paper-in-parentheses",
    ),
    pytest.param(
        "Government Accountability Office. (2014). Land ports: Staffing shortfalls persist "
        "(GAO-14-412). https://www.example.gov/products/GAO-14-412",
        {
            "type": "report",
            "number": "GAO-14-412",
            "date": "2014",
            "urls": ["https://www.example.gov/products/GAO-14-412"],
        },
        id="apa-report-code-in-parentheses",
    ),
    pytest.param(
        "Gross, M. (2013). Two rivers, one border: Water, trade, and the road ahead. "
        "Oxford University Press.",
        {
            "type": "book",
            "title": "Two rivers, one border: Water, trade, and the road ahead",
            "publisher": "Oxford University Press",
            "date": "2013",
        },
        id="apa-book-commas-in-title",
    ),
    pytest.param(
        "Ruiz, T. (2009). Customs at the frontier (2nd ed.). Cornell University Press.",
        {
            "type": "book",
            "title": "Customs at the frontier",
            "publisher": "Cornell University Press",
        },
        id="apa-book-edition",
    ),
    pytest.param(
        "Ruiz, T., & Ngai, L. (Eds.). (2013). The state of the crossings. Border Trade Alliance.",
        {
            "authors": ["Ruiz", "Ngai"],
            "title": "The state of the crossings",
            "publisher": "Border Trade Alliance",
            "date": "2013",
        },
        id="apa-editors-before-date",
    ),
    pytest.param(
        "Archer, R. C. (2009, March 22). Cartel violence spills over. The New York Times, A1.",
        {
            "type": "newspaper",
            "title": "Cartel violence spills over",
            "container": "The New York Times",
            "date": "2009-03-22",
            "pinpoint": "A1",
        },
        id="apa-newspaper-day-date",
    ),
    pytest.param(
        "Border Trade Alliance. (2014, October 9). Crossing times at the bridges. Border "
        "Trade Alliance. https://www.example.org/crossing-times",
        {
            "type": "webpage",
            "title": "Crossing times at the bridges",
            "date": "2014-10-09",
            "publisher": None,
        },
        id="apa-webpage-site-name",
    ),
    pytest.param(
        "Archer, Randal C. “Cartel Violence Spills Over.” New York Times 22 Mar. 2009: A1. Print.",
        {"type": "newspaper", "date": "2009-03-22", "title": "Cartel Violence Spills Over"},
        id="mla-newspaper-day-month-year-is-no-case",
    ),
    pytest.param(
        "Pew Research Center. “Workers at the Line.” Pew Hispanic Center, 15 Apr. 2009. "
        "Web. 2 June 2015.",
        {"date": "2009-04-15", "accessed": "2015-06-02"},
        id="mla-web-access-date",
    ),
    pytest.param(
        "Bersin, Alan D. “Lines and Flows.” Brooklyn Journal of International Law 37.2 "
        "(2012): 389-406.",
        {
            "type": "article",
            "container": "Brooklyn Journal of International Law",
            "volume": "37",
            "issue": "2",
            "pages": "389-406",
        },
        id="mla-volume-dot-issue",
    ),
    pytest.param(
        "Nevins, Joseph. Operation Gatekeeper and Beyond. 2nd ed. New York: Routledge, 2010.",
        {"type": "book", "title": "Operation Gatekeeper and Beyond", "publisher": "Routledge"},
        id="mla-edition-after-title",
    ),
    # ------------------------------------------------------------ web pages
    pytest.param(
        "U.S. Customs and Border Protection, “Ports of Entry Overview,” last modified "
        "February 3, 2017, https://www.example.gov/ports/overview.",
        {"type": "webpage", "date": "2017-02-03", "container": None},
        id="webpage-last-modified",
    ),
    pytest.param(
        "“Our Mission,” Border Trade Alliance, accessed May 3, 2015, http://example.org/mission.",
        {
            "type": "webpage",
            "authors": ["Border Trade Alliance"],
            "accessed": "2015-05-03",
            "date": None,
        },
        id="webpage-undated-accessed",
    ),
    pytest.param(
        "U.S. Department of Homeland Security, “Secretary Announces Port Upgrades,” press "
        "release, March 24, 2010, http://www.example.gov/news/2010/03/24/ports.",
        {"type": "webpage", "date": "2010-03-24", "container": None},
        id="press-release-online",
    ),
    # ------------------------------------------------- newspapers, magazines
    pytest.param(
        "Ana Mazzetti, “Trucks Wait Days at the Bridge,” Los Angeles Times, May 5, 2012, "
        "http://www.example.com/2012/may/05/bridge.",
        {"type": "newspaper", "container": "Los Angeles Times", "date": "2012-05-05"},
        id="newspaper-online",
    ),
    pytest.param(
        "Ken Ellingwood, “Night at the Crossing,” Mother Jones, July/August 2013, "
        "http://www.example.com/politics/2013/07/crossing.",
        {"type": "article", "container": "Mother Jones", "date": "2013-07"},
        id="magazine-month-online",
    ),
    pytest.param(
        "Mark Gross, “The River Between,” Foreign Policy, November/December 2012.",
        {"type": "article", "container": "Foreign Policy", "date": "2012-11"},
        id="magazine-month-print",
    ),
    # ------------------------------------------- presentations and testimony
    pytest.param(
        "Alan Bersin, “Borders Reconsidered,” presentation at the Wilson Center, "
        "Washington, DC, May 12, 2011.",
        {
            "type": "presentation",
            "title": "Borders Reconsidered",
            "publisher": "Wilson Center",
            "place": "Washington, DC",
            "container": None,
            "date": "2011-05-12",
        },
        id="presentation-at-host",
    ),
    pytest.param(
        "Luis Ngai, “Wages on the Line,” paper presented at the Annual Meeting of the "
        "Latin American Studies Association, Chicago, September 24, 2011.",
        {
            "type": "presentation",
            "container": "Annual Meeting of the Latin American Studies Association",
            "date": "2011-09-24",
        },
        id="paper-presented-at-meeting",
    ),
    pytest.param(
        "Alan Ngai, “The Border in This Century,” speech, Mexico City, April 2011.",
        {
            "type": "presentation",
            "title": "The Border in This Century",
            "container": None,
            "place": "Mexico City",
            "date": "2011-04",
        },
        id="speech-genre-word-then-place",
    ),
    pytest.param(
        "Ken Ruiz, speech at the Center for Strategic and International Studies, "
        "Washington, DC, January 21, 2003.",
        {
            "type": "presentation",
            "authors": ["Ruiz"],
            "publisher": "Center for Strategic and International Studies",
            "date": "2003-01-21",
        },
        id="untitled-speech",
    ),
    pytest.param(
        "Testimony of Erika Gross, Commissioner, before the Senate Committee on the "
        "Judiciary, May 6, 2009.",
        {
            "type": "presentation",
            "authors": ["Gross"],
            "publisher": "Senate Committee on the Judiciary",
            "date": "2009-05-06",
        },
        id="testimony-before-committee",
    ),
    pytest.param(
        "Mary Gross, “Testimony before the House Homeland Security Committee,” March 10, 2010.",
        {"type": "presentation", "date": "2010-03-10"},
        id="testimony-as-title",
    ),
    pytest.param(
        "Ana Ruiz, Commissioner, U.S. Customs and Border Protection, testimony before the "
        "Senate Committee on Finance, May 11, 2011.",
        {
            "type": "presentation",
            "authors": ["Ruiz"],
            "title": None,
            "container": None,
            "publisher": "Senate Committee on Finance",
            "date": "2011-05-11",
        },
        id="untitled-testimony-with-post",
    ),
    pytest.param(
        "The Economist, “Slowing Down at the Border,” The Economist, March 2, 2013.",
        {"type": "newspaper", "authors": ["The Economist"], "container": "The Economist"},
        id="periodical-as-author",
    ),
    # --------------------------------------------------------------- Bluebook
    pytest.param(
        "Border Ports Modernization Act of 2004, Pub. L. No. 108-123, 118 Stat. 2201.",
        {
            "type": "statute",
            "title": "Border Ports Modernization Act of 2004",
            "number": "108-123",
            "container": "Stat.",
            "volume": "118",
            "pages": "2201",
            "date": None,
        },
        id="bluebook-public-law-number",
    ),
    pytest.param(
        "Mark Ngai, Cong. Research Serv., RL33874, Detention at the Border 4 (2012), "
        "https://example.org/RL33874.pdf.",
        {
            "type": "report",
            "authors": ["Ngai"],
            "publisher": "Cong. Research Serv.",
            "number": "RL33874",
            "title": "Detention at the Border",
            "pinpoint": "4",
            "date": "2012",
            "container": None,
            "volume": None,
        },
        id="bluebook-crs-report",
    ),
    pytest.param(
        "U.S. Gov’t Accountability Office, GAO-14-412, Land Ports: Staffing Shortfalls 14 (2014).",
        {
            "type": "report",
            "authors": ["U.S. Gov’t Accountability Office"],
            "number": "GAO-14-412",
            "title": "Land Ports: Staffing Shortfalls",
            "pinpoint": "14",
            "container": None,
        },
        id="bluebook-agency-report",
    ),
    pytest.param(
        "Press Release, U.S. Dep’t of Homeland Sec., Secretary Announces Port Upgrades "
        "(Mar. 24, 2010), http://www.example.gov/news/2010/03/24/ports.",
        {
            "type": "webpage",
            "authors": ["U.S. Dep’t of Homeland Sec."],
            "title": "Secretary Announces Port Upgrades",
            "date": "2010-03-24",
        },
        id="bluebook-press-release",
    ),
    pytest.param(
        "U.S. Customs & Border Prot., Ports of Entry Overview, https://www.example.gov/ports "
        "(last visited May 3, 2015).",
        {
            "type": "webpage",
            "authors": ["U.S. Customs & Border Prot."],
            "title": "Ports of Entry Overview",
            "accessed": "2015-05-03",
        },
        id="bluebook-agency-webpage-keeps-its-title",
    ),
    pytest.param(
        "Port Security: Hearing Before the S. Comm. on Finance, 113th Cong. 12 (2013) "
        "(statement of Mary Ruiz, Comm’r).",
        {
            "type": "report",
            "title": "Port Security: Hearing Before the S. Comm. on Finance",
            "pinpoint": "12",
            "date": "2013",
        },
        id="bluebook-hearing",
    ),
    pytest.param(
        "H.R. Rep. No. 104-469, pt. 1, at 12 (1996).",
        {
            "type": "report",
            "series": "H.R. Rep.",
            "number": "104-469",
            "pinpoint": "12",
            "date": "1996",
            "authors": [],
        },
        id="bluebook-house-report",
    ),
    pytest.param(
        "Ngai, E. (2015). Cross-border freight and the peso (NBER Working Paper No. 20871). "
        "National Bureau of Economic Research.",
        {"publisher": "National Bureau of Economic Research"},
        id="apa-working-paper-issuer",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_type_and_report_fields(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)
