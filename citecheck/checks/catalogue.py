"""Every rule of the consistency checks, and the order of their families, as data.

The catalogue loads no check: the docs, ``--disable``, the reports and a
process that runs only some families (the page checks after the links) read
it without paying for the rest. Each family's module takes its rules from
here; ``citecheck.checks`` loads a family's module when it is run.
"""

from __future__ import annotations

from citecheck.model import Rule, Severity

__all__ = ["FAMILIES", "LINK_FAMILIES", "RULES", "of_family"]

# The order findings come in: a run over some families, joined with the rest,
# is sorted back into it.
FAMILIES = (
    "arithmetic",
    "percentages",
    "scale",
    "ledger",
    "sources",
    "quotes",
    "across-notes",
    "notes",
)

# The families that read the fetched pages (``run.links``) and not the passages;
# the others read only the text and the citations, so a run can check those
# while the links are asked.
LINK_FAMILIES = frozenset({"sources", "quotes"})

# -- arithmetic ------------------------------------------------------------

RATE = Rule(
    "rate-restatement-mismatch",
    Severity.WARNING,
    "arithmetic",
    "A yearly figure and its daily/hourly/per-minute restatement disagree.",
)
GROWTH = Rule(
    "growth-multiplier-mismatch",
    Severity.WARNING,
    "arithmetic",
    "'doubled', 'six fold', 'halved' does not fit the start and end figures given.",
)
PERCENT = Rule(
    "percent-change-mismatch",
    Severity.WARNING,
    "arithmetic",
    "A stated percent change does not fit the start and end figures given.",
)
SUM = Rule(
    "sum-mismatch",
    Severity.WARNING,
    "arithmetic",
    "Parts do not add up to the total they are said to make up.",
)

# -- percentages -----------------------------------------------------------

SHARES = Rule(
    "shares-exceed-total",
    Severity.WARNING,
    "percentages",
    "Percentage shares of one whole add up to more than 100 percent beyond rounding.",
)
POINTS = Rule(
    "percent-points-confusion",
    Severity.WARNING,
    "percentages",
    "A change between two percentages is given in percent but is their difference in points.",
)

# -- scale -----------------------------------------------------------------

PER_HEAD = Rule(
    "implausible-per-head",
    Severity.WARNING,
    "scale",
    "A money total per employee or per resident is implausible; likely a million/billion slip.",
)

# -- ledger ----------------------------------------------------------------

MISMATCH = Rule(
    "ledger-mismatch",
    Severity.WARNING,
    "ledger",
    "A figure or date contradicts the facts ledger.",
)
SCALE_SLIP = Rule(
    "ledger-scale-slip",
    Severity.ERROR,
    "ledger",
    "A figure is the ledger's value off by a factor of 1,000 (million for billion).",
)

# -- sources ---------------------------------------------------------------

URL_DAY = Rule(
    "url-date-off-by-one",
    Severity.NOTE,
    "sources",
    "The URL's date is one day from the cited date (print vs web date).",
)
URL_DATE = Rule(
    "url-date-mismatch",
    Severity.WARNING,
    "sources",
    "The URL's date is two or more days, or another month, from the cited date.",
)
PAGE_TITLE = Rule(
    "page-title-mismatch",
    Severity.WARNING,
    "sources",
    "The fetched page's title does not resemble the cited title.",
)
PAGE_AUTHOR = Rule(
    "page-author-mismatch",
    Severity.WARNING,
    "sources",
    "None of the cited authors appears among the fetched page's authors.",
)
PAGE_DAY = Rule(
    "page-date-off-by-one",
    Severity.NOTE,
    "sources",
    "The page's own publication date is one day from the cited date.",
)
PAGE_DATE = Rule(
    "page-date-mismatch",
    Severity.WARNING,
    "sources",
    "The page's own publication date is two or more days from the cited date.",
)

# -- quotes ----------------------------------------------------------------

NOT_FOUND = Rule(
    "quote-not-found",
    Severity.WARNING,
    "quotes",
    "A quotation does not appear in the fetched source.",
)
ALTERED = Rule(
    "quote-altered",
    Severity.WARNING,
    "quotes",
    "A quotation differs in wording from its closest match in the source.",
)
CRITICAL = Rule(
    "quote-changed-number-or-negation",
    Severity.ERROR,
    "quotes",
    "A quotation changes a number, a scale word or a negation of its source.",
)

# -- across-notes ----------------------------------------------------------

CONFLICT = Rule(
    "conflicting-citation-details",
    Severity.WARNING,
    "across-notes",
    "One work is cited with a different year, author spelling, title or pages in two notes.",
)
EARLY_SHORT = Rule(
    "short-form-before-full-citation",
    Severity.WARNING,
    "across-notes",
    "A short form (Id., supra, short title) comes before the work's first full citation.",
)
SUPRA = Rule(
    "supra-wrong-note",
    Severity.WARNING,
    "across-notes",
    "'supra note N' points at a note that does not cite that author.",
)
PINPOINT = Rule(
    "pinpoint-outside-pages",
    Severity.WARNING,
    "across-notes",
    "A pinpoint page lies outside the cited page range.",
)
AMBIGUOUS_ID = Rule(
    "ambiguous-id",
    Severity.WARNING,
    "across-notes",
    "Id. or ibid. opens a note after a note that cites more than one work.",
)

# -- notes -----------------------------------------------------------------

UNRESOLVED = Rule(
    "unresolved-short-form",
    Severity.WARNING,
    "notes",
    "Id., ibid., supra or a short title with no earlier citation it can refer to.",
)
PROBLEM = Rule(
    "citation-problem",
    Severity.WARNING,
    "notes",
    "A citation could not be parsed or resolved (the parser says why).",
)

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        RATE,
        GROWTH,
        PERCENT,
        SUM,
        SHARES,
        POINTS,
        PER_HEAD,
        MISMATCH,
        SCALE_SLIP,
        URL_DAY,
        URL_DATE,
        PAGE_TITLE,
        PAGE_AUTHOR,
        PAGE_DAY,
        PAGE_DATE,
        NOT_FOUND,
        ALTERED,
        CRITICAL,
        CONFLICT,
        EARLY_SHORT,
        SUPRA,
        PINPOINT,
        AMBIGUOUS_ID,
        UNRESOLVED,
        PROBLEM,
    )
}


def of_family(family: str) -> dict[str, Rule]:
    """The family's rules by id, in catalogue order."""
    return {rule.id: rule for rule in RULES.values() if rule.family == family}
