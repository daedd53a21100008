"""The words of a change: one lexicon of rising and falling verbs and nouns.

Shared by the multipliers ("rose by a third"), the percent changes ("slipped
3 per cent", "a gain of 35 per cent") and the points rule ("improved by 4
per cent"), so a verb known to one is known to all.
"""

from __future__ import annotations

__all__ = ["DOWN_NOUNS", "DOWN_VERBS", "UP_NOUNS", "UP_VERBS"]

UP_VERBS = (
    r"increased|increases|increasing|rose|rises|risen|rising|grew|grows|grown|growing|"
    r"climbed|climbs|climbing|jumped|jumps|jumping|expanded|expands|expanding|"
    # "up", not "make up" / "made up" (a share verb)
    r"went\s+up|gone\s+up|goes\s+up|(?<!\bmake\s)(?<!\bmade\s)(?<!\bmakes\s)up|surged|surges|surging|soared|soars|soaring|rocketed|"
    r"gained|gains|gaining|advanced|swelled|swollen|improved|improves|improving|"
    r"edged\s+up|ticked\s+up|picked\s+up|spiked|leapt|leaped|leaps|boosted|multiplied"
)
DOWN_VERBS = (
    r"decreased|decreases|decreasing|fell|falls|fallen|falling|dropped|drops|dropping|"
    r"declined|declines|declining|shrank|shrinks|shrunk|shrinking|down|went\s+down|gone\s+down|"
    r"plunged|plummeted|slid|slides|slipped|slips|slumped|tumbled|dipped|dips|sank|sunk|"
    r"contracted|cut|cuts|reduced|reducing|slashed|slashing|eased|edged\s+down|ticked\s+down|"
    r"lost"
)
UP_NOUNS = (
    r"growth\s+of|increase\s+of|rise\s+of|jump\s+of|gain\s+of|improvement\s+of|hike\s+of|"
    r"boost\s+of|surge\s+of|uplift\s+of"
)
DOWN_NOUNS = (
    r"decrease\s+of|drop\s+of|decline\s+of|fall\s+of|reduction\s+of|cut\s+of|contraction\s+of|"
    r"loss\s+of|slump\s+of|dip\s+of"
)
