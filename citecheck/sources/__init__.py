"""The sources stage: does each cited work exist, and does the citation match it?

Scholarly citations are looked up in Crossref (by DOI, else by a validated
bibliographic query) and OpenAlex, US cases in CourtListener; the stage
reports metadata mismatches, works no index holds, retractions and other
editorial notices, and DOIs that name another work, and adds the DOI of a
matched work to a citation that had none. Rules are in the "works" family
(``findings``); see docs/sources.md.
"""

from __future__ import annotations

from citecheck.sources.cache import AnswerCache, MemoryAnswerCache, SqliteAnswerCache
from citecheck.sources.findings import WORK_RULES, work_findings
from citecheck.sources.stage import SourcesOutcome, look_up_sources, plan

__all__ = [
    "WORK_RULES",
    "AnswerCache",
    "MemoryAnswerCache",
    "SourcesOutcome",
    "SqliteAnswerCache",
    "look_up_sources",
    "plan",
    "work_findings",
]
