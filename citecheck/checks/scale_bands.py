"""The bands of ``implausible-per-head``: what a money total may be per head a year.

Data only, read by ``scale``: each band names the heads it divides by, the words that
name its money, and its floor and ceiling in US dollars per head a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BANDS", "GROUP_HEADS", "POPULATION_NOUNS", "WORKFORCE", "Band"]


@dataclass(frozen=True, slots=True)
class Band:
    heads: frozenset[str]
    money_cue: re.Pattern[str]
    low: float
    high: float
    per: str
    # "spends $6.2 million a year" counts as a budget for spending bands, not for GDP.
    spending: bool = True
    # what may name the money after it instead: "gave £13 million to charity"
    after_cue: re.Pattern[str] | None = None
    # the ceiling for a population of a million or more (see ``scale._LARGE_POPULATION``)
    high_large: float | None = None
    # nouns of a group band's heads it never divides by ("customers" of what a firm takes in)
    except_heads: frozenset[str] = frozenset()


WORKFORCE = frozenset(
    [
        "employee",
        "employees",
        "worker",
        "workers",
        "workforce",
        "staff",
        "personnel",
        "officer",
        "officers",
        "agent",
        "agents",
        "troops",
        "soldiers",
        "teachers",
        "nurses",
        "doctors",
        "midwives",
        "clinicians",
        "police",
        "constables",
        "firefighters",
        "lecturers",
        "academics",
        "researchers",
        "engineers",
        "drivers",
        "servants",
        "fte",
        "ftes",
        "volunteers",
        "colleagues",
        "crew",
        "crews",
        "players",
    ]
)
POPULATION_NOUNS = frozenset(
    [
        "resident",
        "residents",
        "people",
        "inhabitants",
        "citizens",
        "population",
        "persons",
        "students",
        "pupils",
    ]
)
# Round 17: the heads of the last band are any counted group of people (``group_heads``),
# read by the shape of their noun; a mark, not a list of nouns.
GROUP_HEADS = frozenset({"<any group of people>"})
BANDS = (
    Band(
        WORKFORCE,
        re.compile(
            r"\b(?:budget|spending|payroll|revenues?|expenditures?|appropriations?|outlays?|"
            # not profits or bonuses: a bad year or a one-off may be small
            r"wage bill|pay bill|salary bill|wages|salaries|labou?r costs?|staff costs?|"
            r"sales|turnover)\b",
            re.I,
        ),
        5_000.0,
        50_000_000.0,
        "employee",
    ),
    Band(
        POPULATION_NOUNS,
        re.compile(
            # not a grant or an investment: a one-off may be small
            r"\b(?:budget|spending|expenditures?|outlays?|tax receipts|tax revenues?)\b",
            re.I,
        ),
        10.0,
        1_000_000.0,
        "person",
        # A nation's (or a region's of a million or more) whole public spending is at most
        # some $50,000 a head (Norway, the highest, about $40,000); any one line of it less.
        high_large=100_000.0,
    ),
    # Benefits, pensions and allowances paid to families or claimants: a year's benefit is
    # at most tens of thousands a recipient; ceiling $200,000, floor $10.
    Band(
        frozenset(
            {
                "families",
                "households",
                "claimants",
                "recipients",
                "pensioners",
                "beneficiaries",
                "parents",
                "carers",
            }
        ),
        re.compile(
            r"\b(?:benefits?|pensions?|allowances?|credits?|grants?|payments?|"
            r"support|relief)\b",
            re.I,
        ),
        10.0,
        200_000.0,
        "recipient",
        after_cue=re.compile(
            r"^\s+(?:will\s+be\s+|was\s+|is\s+|were\s+|are\s+)?(?:paid|spent|given)\s+"
            r"(?:out\s+)?(?:in|on|as)\s+(?:[\w-]+\s+){0,2}?(?:benefits?|pensions?|allowances?|"
            r"credits?|payments?)\b",
            re.I,
        ),
    ),
    # What a whole population gives to charity in a year: the UK gives some £200 a head, the
    # US about $1,500; floor $1, ceiling $100,000. Only giving "to charity" as a whole
    # ("gave £13 million to our appeal" may be one cause).
    Band(
        POPULATION_NOUNS,
        re.compile(r"\b(?:charitable\s+(?:giving|donations)|gave\s+to\s+charity)\b", re.I),
        1.0,
        100_000.0,
        "person",
        after_cue=re.compile(r"^\s+(?:to|for)\s+(?:charity|charities|good\s+causes)\b", re.I),
    ),
    Band(
        POPULATION_NOUNS,
        re.compile(r"\b(?:GDP|gross domestic product|economy|income|output)\b", re.I),
        100.0,
        1_000_000.0,
        "person",
        spending=False,
    ),
    # Round 17: what is spent on, or costs, a counted group of people of any kind ("its 2,300
    # parishioners", "1,250 members", "18,500 finishers"), or of animals kept ("the zoo's 640
    # animals": a racehorse costs some $50,000 a year), where no work force or population
    # reading applies: by what the money is (a budget, spending, costs, charges), not by who
    # the heads are. Wide, as the principle asks: from 5 cents a head (a free service's
    # users) to $1 million (no club, congregation or crowd has a million a head spent on it
    # in a year). Not revenue, payroll or income: a firm's few customers may each bring
    # millions, and a payroll is the staff's, not the members'.
    Band(
        GROUP_HEADS,
        re.compile(
            r"\b(?:budgets?|spending|spent|spends?|costs?|costed|expenditures?|outlays?|"
            r"charges)\b",
            re.I,
        ),
        0.05,
        1_000_000.0,
        "head",
    ),
    # Round 17: what a group's organisation takes in or what its money came to ("an income
    # of £9.5 billion" for a community of 38 monks, "came to $7.5 billion" for a 34-member
    # band): a ceiling only, the work force's ($50 million a head), and never per buyer: a
    # firm's few customers, clients or tenants may each bring millions, and a free service's
    # many users cents.
    Band(
        GROUP_HEADS,
        re.compile(
            r"\b(?:revenues?|income|turnover|takings|receipts|came\s+to|amounted\s+to|"
            r"totall?ed|raised)\b",
            re.I,
        ),
        0.0,
        50_000_000.0,
        "head",
        spending=False,
        except_heads=frozenset(
            {
                "customers",
                "clients",
                "buyers",
                "shoppers",
                "subscribers",
                "users",
                "tenants",
                "investors",
                "shareholders",
                "unitholders",
                "holders",
                "policyholders",
                "advertisers",
                "partners",
                "suppliers",
                "distributors",
                "dealers",
                "retailers",
                "wholesalers",
                "licensees",
                "franchisees",
                "lessees",
                "borrowers",
                "depositors",
                "owners",
                "operators",
                "exporters",
                "importers",
                "manufacturers",
                "producers",
                "growers",
                "farmers",
                "traders",
                "merchants",
                "vendors",
                "sellers",
                "contractors",
                "sponsors",
                "donors",
                "members",
                "",
            }
        ),
    ),
)
