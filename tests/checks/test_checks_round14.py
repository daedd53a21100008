"""Round 14: classes behind batch 23's never-proposed misses, widened by mechanism and
written afresh (own sentences, several registers).

- quantities per head in any unit the bands know (drinks by the cup, cigarettes, waste,
  energy, emissions, food bought or thrown away, what a crew or a garrison eats), stated per
  head with no head count ("per person per day", "each household ... a year"), and heads named
  as households or as a group ("450 men", "a crew of 30");
- a sentence of the paragraph that only gives a population names the heads of a money
  sentence anywhere in it, not only beside it.
"""

from __future__ import annotations

import pytest
from round_probes import pattern_rules

PER_HEAD = "implausible-per-head"


# --- quantities per head, by unit --------------------------------------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        # drinks counted by the cup or glass
        "The 6,000 islanders drink around 900 million cups of tea a year.",
        "Across the valley's 20,000 inhabitants, people drank some 700 million glasses of wine "
        "last year.",
        # spirits by the gallon, old-fashioned
        "The borough, with its 12,000 residents, consumed nine millions of gallons of gin in "
        "that year.",
        # food thrown away or bought
        "A town of half a million people throws away some 30 million tonnes of food every year.",
        "The district's 40,000 residents bought 95 million tonnes of groceries last year.",
        # waste, energy, emissions
        "The borough's 80,000 residents sent 50 million tonnes of rubbish to landfill last year.",
        "The county's 300,000 households used about 4 trillion kWh of electricity last year.",
        "The island's 9,000 people emitted 60 million tonnes of CO2 in 2024.",
        # cigarettes
        "Its 3,000 villagers smoked some 900 million cigarettes a year.",
        # a group: a garrison, a ship's company
        "The 450 men of the garrison ate some 900 tonnes of bread a week.",
        "The ship's company of 120 men consumed 40 tons of biscuit every day.",
    ],
)
def test_quantity_per_head_slips_fire(slip: str) -> None:
    assert PER_HEAD in pattern_rules(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "The 6,000 islanders drink around 9 million cups of tea a year.",
        "A town of half a million people throws away some 30,000 tonnes of food every year.",
        "The county's 300,000 households used about 4 billion kWh of electricity last year.",
        "The island's 9,000 people emitted 60,000 tonnes of CO2 in 2024.",
        "The 450 men of the garrison ate some 900 kg of bread a week.",
        "Its 3,000 villagers smoked some 9 million cigarettes a year.",
        # production is no use: a brewery town makes far more than it drinks
        "The town's 12,000 residents work in breweries that made 900 million cups of beer's "
        "worth of malt.",
        # a ceiling the writer sets is no amount used
        "Households should aim for up to 9,000 kg of food waste a year at most.",
    ],
)
def test_quantity_per_head_honest_stay_silent(honest: str) -> None:
    assert PER_HEAD not in pattern_rules(honest)


@pytest.mark.parametrize(
    "slip",
    [
        "Residents use an average of 140,000 litres of water per person per day.",
        "Each household throws away about 70 tonnes of food a year.",
        "The average resident emits 9,000 tonnes of CO2 a year.",
        "Waste collected came to 600 tonnes per household a year.",
        "On these figures the typical islander drinks 900,000 litres of milk a year.",
    ],
)
def test_stated_quantity_per_head_fires_alone(slip: str) -> None:
    assert PER_HEAD in pattern_rules(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "Residents use an average of 140 litres of water per person per day.",
        "Each household throws away about 70 kg of food a year.",
        "The average resident emits 9 tonnes of CO2 a year.",
        "Waste collected came to 600 kg per household a year.",
        # no period: no band to judge by
        "Allow 400 tonnes of sand per household for the flood barrier.",
    ],
)
def test_stated_quantity_per_head_honest_stays_silent(honest: str) -> None:
    assert PER_HEAD not in pattern_rules(honest)


# --- money and a population stated elsewhere in the paragraph ---------------------------------


@pytest.mark.parametrize(
    "slip",
    [
        "The population of the island was 4,000 at the last count. Fishing is its main trade. "
        "Last year the island council's budget was £900 billion.",
        "The council's spending reached $2 trillion in 2024. Tourism has grown since the "
        "bridge opened. The population of the district is 35,000.",
    ],
)
def test_population_anywhere_in_the_paragraph(slip: str) -> None:
    assert PER_HEAD in pattern_rules(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "The population of the island was 4,000 at the last count. Fishing is its main trade. "
        "Last year the island council's budget was £9 million.",
        "The council's spending reached $200 million in 2024. Tourism has grown since the "
        "bridge opened. The population of the district is 35,000.",
    ],
)
def test_population_anywhere_in_the_paragraph_honest(honest: str) -> None:
    assert PER_HEAD not in pattern_rules(honest)


# --- old-fashioned numbers in words ------------------------------------------------------------

RATE = "rate-restatement-mismatch"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("an hundred gallons", 100.0),
        ("an hundred and twenty barrels", 120.0),
        ("fourscore sacks a day", 80.0),
        ("threescore tons a week", 60.0),
    ],
)
def test_old_numbers_in_words_are_read(text: str, value: float) -> None:
    from citecheck.checks.numbers import find_quantities

    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    "slip",
    [
        "The whalers took an hundred barrels of oil each week, some 20,000 barrels in the year.",
        "The mill ground fourscore sacks a day, which is to say 900 sacks a week.",
    ],
)
def test_old_numbers_in_words_restate_rates(slip: str) -> None:
    assert RATE in pattern_rules(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "The whalers took an hundred barrels of oil each week, some 5,200 barrels in the year.",
        "The mill ground fourscore sacks a day, which is to say 560 sacks a week.",
        "An hour later an honest man came with a hundred reasons.",
    ],
)
def test_old_numbers_in_words_honest(honest: str) -> None:
    assert RATE not in pattern_rules(honest)
