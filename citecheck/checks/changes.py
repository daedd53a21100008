"""The words of a change: one lexicon of rising and falling verbs and nouns.

Shared by the multipliers ("rose by a third"), the percent changes ("slipped
3 per cent", "a gain of 35 per cent") and the points rule ("improved by 4
per cent"), so a verb known to one is known to all.
"""

from __future__ import annotations

__all__ = ["DOWN_NOUNS", "DOWN_VERBS", "OBJECT_BY", "UP_NOUNS", "UP_VERBS"]

UP_VERBS = (
    r"increased|increases|increasing|rose|rises|risen|rising|grew|grows|grown|growing|"
    r"climbed|climbs|climbing|jumped|jumps|jumping|expanded|expands|expanding|"
    # "up", not "make up" / "made up" / "takes up" (share verbs)
    r"went\s+up|gone\s+up|goes\s+up|(?<!\bmake\s)(?<!\bmade\s)(?<!\bmakes\s)(?<!\btake\s)"
    r"(?<!\btakes\s)(?<!\btook\s)(?<!\btaking\s)up|surged|surges|surging|soared|soars|soaring|"
    r"rocketed|"
    r"gained|gains|gaining|advanced|swelled|swollen|improved|improves|improving|"
    r"edged\s+up|ticked\s+up|picked\s+up|spiked|leapt|leaped|leaps|boosted|multiplied|"
    r"widened|widens|widening|"
    # base forms after "to", "will", "could": "projected to grow 8 pc", "will rise 5%"
    r"increase|rise|grow|climb|jump|expand|go\s+up|surge|soar|gain|improve|leap|"
    # transitive: "raised fees by 10%", "lifted output 5 per cent"
    r"raised|raises|raising|raise|lifted|lifts|lift|boosts|boost|hiked|hikes|hike"
)
DOWN_VERBS = (
    r"decreased|decreases|decreasing|fell|falls|fallen|falling|dropped|drops|dropping|"
    r"declined|declines|declining|shrank|shrinks|shrunk|shrinking|down|went\s+down|gone\s+down|"
    r"plunged|plummeted|slid|slides|slipped|slips|slumped|tumbled|dipped|dips|sank|sunk|"
    r"contracted|cut|cuts|reduced|reducing|slashed|slashing|eased|edged\s+down|ticked\s+down|"
    r"lost|"
    # base forms: "expected to fall 3%", "will drop 5 per cent"
    r"decrease|fall|drop|decline|shrink|plunge|slide|slip|slump|tumble|dip|sink|contract|"
    r"reduce|slash|ease|go\s+down|lose|"
    # transitive: "lowered costs by 5%", "trimmed the deficit by 2 percent"
    r"lowered|lowers|lowering|trimmed|trims|trim|reduces|narrowed|narrows|narrowing"
)
UP_NOUNS = (
    r"growth\s+of|increase\s+of|rise\s+of|jump\s+of|gain\s+of|improvement\s+of|hike\s+of|"
    r"boost\s+of|surge\s+of|uplift\s+of"
)
DOWN_NOUNS = (
    r"decrease\s+of|drop\s+of|decline\s+of|fall\s+of|reduction\s+of|cut\s+of|contraction\s+of|"
    r"loss\s+of|slump\s+of|dip\s+of"
)
# "cut missed appointments by 18 per cent", "raised its fees by 10%": a transitive change
# verb, up to four words of its object, then "by" (no clause word between).
OBJECT_BY = (
    r"(?:(?!(?:and|or|but|while|from|to|which|that|as|after|since|over|than|in|on|at)\b)"
    r"[A-Za-z][\w'’-]*\s+){1,4}by\s+"
)
