"""Every rule citecheck can raise, in one catalogue.

Rules are declared next to the code that raises them (footnotes stage,
check families, link verdicts); this module only gathers them, so reports,
``--disable`` and the docs test see one list of ids, severities and summaries.
"""

from __future__ import annotations

from citecheck.checks import RULES as CHECK_RULES
from citecheck.footnotes import FOOTNOTE_RULES
from citecheck.model import Rule
from citecheck.sources import WORK_RULES
from citecheck.verdict import ARCHIVE_RULES, LINK_RULES

__all__ = ["ALL_RULES"]

ALL_RULES: dict[str, Rule] = {
    **FOOTNOTE_RULES,
    **CHECK_RULES,
    **LINK_RULES,
    **ARCHIVE_RULES,
    **WORK_RULES,
}
