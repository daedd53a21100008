"""The bands of quantities per head that are not money: data only, read by ``per_head_units``.

Each band names a unit (the nouns after the figure, with their conversion to a base unit), the
heads it divides by, what the sentence must say the heads do with it (or what it is of), the
period, and a ceiling per head set well above the largest true figure its comment names, so
that true outliers stay silent. Households are heads too, at ``HOUSEHOLD_SIZE`` people each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.checks.population_heads import DINERS, GROUPS, HOUSEHOLDS, POPULATION, WORKERS

__all__ = ["BANDS", "HOUSEHOLD_SIZE", "UnitBand"]

# A household's ceiling is this many heads' (a generous household: it only fires higher).
HOUSEHOLD_SIZE = 10.0


@dataclass(frozen=True, slots=True)
class UnitBand:
    what: str  # how the message names the unit
    units: dict[str, float]  # noun -> base units (the lowest conversion: it only fires higher)
    heads: frozenset[str]  # POPULATION, HOUSEHOLDS, DINERS
    period: str | None  # "year", "day"; None: one sitting (a meal)
    ceiling: float  # base units per head per period
    doing: re.Pattern[str] | None = None  # what the sentence must say is done with it
    substance: re.Pattern[str] | None = None  # what it must be of ("of milk")
    base: str = ""  # the base unit, for the message


_PEOPLE = frozenset({POPULATION, HOUSEHOLDS, GROUPS})
# Round 17: a work force eats, drinks and smokes like anyone; its water, waste and energy at
# work are its plant's (a smelter's 2,000 workers draw gigawatt-hours each), so those bands
# take ``_PEOPLE`` only.
_EATERS = _PEOPLE | {WORKERS}

_LITRES = {
    "litres": 1.0,
    "liters": 1.0,
    "litre": 1.0,
    "liter": 1.0,
    "l": 1.0,
    "gallons": 3.785,  # the US gallon, the smaller: the imperial one is 4.546
    "gallon": 3.785,
    "pints": 0.473,
    "megalitres": 1e6,
    "megaliters": 1e6,
    "hectolitres": 100.0,
    "hectoliters": 100.0,
    "barrels": 117.0,  # the US beer barrel, the smaller
}
_KILOGRAMS = {
    "tonnes": 1000.0,
    "tonne": 1000.0,
    "tons": 907.0,  # the short ton, the smaller: the long ton is 1,016 kg
    "ton": 907.0,
    "t": 1000.0,
    "kt": 1e6,
    "kilotonnes": 1e6,
    "mt": 1e9,
    "megatonnes": 1e9,
    "kg": 1.0,
    "kilos": 1.0,
    "kilograms": 1.0,
    "g": 0.001,
    "grams": 0.001,
    "grammes": 0.001,
    "lb": 0.4536,
    "lbs": 0.4536,
    "pounds": 0.4536,
    "hundredweight": 50.8,
}
_DRINK = re.compile(
    r"\b(?:milk|beer|lager|ale|porter|stout|cider|perry|wine|spirits|gin|rum|vodka|whisk(?:e)?y|"
    r"brandy|liquor|mead|juice|coffee|tea|soft\s+drinks?|bottled\s+water|cola|soda)\b",
    re.IGNORECASE,
)
_DRINKING = re.compile(
    r"\b(?:drinks?|drank|drunk|drinking|consumes?|consumed|consumption|get\s+through|"
    r"gets\s+through|got\s+through|knock(?:s|ed)?\s+back|put\s+away|swallow(?:s|ed)?)\b",
    re.IGNORECASE,
)
_FOOD = re.compile(
    r"\b(?:potatoes|rice|flour|bread|meat|beef|lamb|pork|chicken|fish|cheese|butter|sugar|"
    r"fruit|vegetables|apples|pasta|food|chocolate|meals?|groceries|biscuits?|provisions|rations|"
    r"grain|corn|oats|oatmeal|beans|salt\s+(?:pork|beef)|stores)\b",
    re.IGNORECASE,
)
# Eaten, bought or thrown away: no one wastes or buys more food than a household takes in.
_EATING = re.compile(
    r"\b(?:eats?|ate|eaten|eating|consumes?|consumed|consumption|get\s+through|gets\s+through|"
    r"buys?|bought|purchases?|purchased|wastes?|wasted|throws?\s+away|threw\s+away|thrown\s+away|"
    r"throws?\s+out|threw\s+out|discards?|discarded|bins?|binned)\b",
    re.IGNORECASE,
)
_WASTE = re.compile(r"\b(?:waste|rubbish|refuse|garbage|trash|litter|recycling)\b", re.IGNORECASE)
_ENERGY = {
    "kwh": 1.0,
    "mwh": 1e3,
    "gwh": 1e6,
    "twh": 1e9,
    "kilowatt-hours": 1.0,
    "megawatt-hours": 1e3,
    "gigawatt-hours": 1e6,
    "terawatt-hours": 1e9,
}
_EMISSIONS = re.compile(
    r"\b(?:co2e?|co₂e?|carbon|greenhouse|emissions?|emits?|emitted|tco2e?)\b", re.IGNORECASE
)
_CO2_TONNES = {**_KILOGRAMS, "tco2e": 1000.0, "tco2": 1000.0, "mtco2e": 1e9, "ktco2e": 1e6}

BANDS = (
    # Journeys a resident makes: a daily commuter makes ~500 a year, London's public transport
    # ~400 a head; Venice's boats carry tourists too, a few thousand a resident. Ceiling 20,000
    # (55 a day).
    UnitBand(
        "journeys",
        dict.fromkeys(["journeys", "trips", "rides", "crossings", "boardings"], 1.0),
        frozenset({POPULATION}),
        "year",
        20_000.0,
    ),
    # Visitors to a place per resident: the extreme is Vatican City, some 7 million museum
    # visitors for about 800 residents (under 10,000 a head); Venice a few hundred. Ceiling
    # 25,000.
    UnitBand(
        "visitors",
        dict.fromkeys(["visitors", "visits", "tourists", "day-trippers", "sightseers"], 1.0),
        frozenset({POPULATION}),
        "year",
        25_000.0,
    ),
    # What people drink: the heaviest milk or beer drinkers take 100-150 litres a year; 2,000
    # litres (5.5 a day) is more than anyone drinks of everything. Production ("New Zealand's
    # farms produce 21 billion litres of milk", 4,000 a head) is no drinking: the verb decides.
    UnitBand(
        "litres drunk",
        _LITRES,
        _EATERS,
        "year",
        2_000.0,
        doing=_DRINKING,
        substance=_DRINK,
        base="litre",
    ),
    # Drinks counted by the cup, glass or bottle: Finns, the heaviest coffee drinkers, take
    # about four cups a day; 10,000 a year (27 a day) is beyond anyone.
    UnitBand(
        "drinks",
        dict.fromkeys(["cups", "mugs", "glasses", "bottles", "cans", "shots", "drams"], 1.0),
        _EATERS,
        "year",
        10_000.0,
        doing=_DRINKING,
        substance=_DRINK,
    ),
    # Cigarettes smoked: a heavy smoker gets through 40 a day, some 15,000 a year; ceiling
    # 30,000.
    UnitBand(
        "cigarettes",
        dict.fromkeys(["cigarettes", "cigars", "cigs"], 1.0),
        _EATERS,
        "year",
        30_000.0,
        doing=re.compile(r"\b(?:smok(?:e|es|ed|ing)|consum(?:e|es|ed|ption)|sold)\b", re.I),
    ),
    # Water supplied to a population: a household uses ~150 litres a head a day, and all
    # withdrawals together (farms, industry, power stations) come to ~4,000 in the US. Ceiling
    # 5,000 litres a head a day, only for water delivered to or used by the heads.
    UnitBand(
        "litres of water",
        _LITRES,
        _PEOPLE,
        "day",
        5_000.0,
        doing=re.compile(
            r"\b(?:deliver(?:s|ed)?|suppl(?:y|ies|ied)|uses?|used|consumes?|"
            r"consumed|provides?|provided|pipes?|piped)\b",
            re.I,
        ),
        base="litre",
    ),
    # Food eaten, bought or wasted in a year: about a tonne a head of everything; ceiling
    # 2,000 kg.
    UnitBand(
        "food",
        _KILOGRAMS,
        _EATERS,
        "year",
        2_000.0,
        doing=_EATING,
        substance=_FOOD,
        base="kg",
    ),
    # Household and municipal waste: the heaviest producers (the US, Denmark) ~800 kg a head
    # a year; ceiling 5,000 kg.
    UnitBand(
        "waste",
        _KILOGRAMS,
        _PEOPLE,
        "year",
        5_000.0,
        substance=_WASTE,
        base="kg",
    ),
    # Electricity or energy used: Iceland, with its smelters, ~50,000 kWh a head a year, a US
    # household ~11,000; ceiling 200,000 kWh a head.
    UnitBand(
        "energy",
        _ENERGY,
        _PEOPLE,
        "year",
        200_000.0,
        doing=re.compile(
            r"\b(?:uses?|used|consumes?|consumed|consumption|demand|draws?|drew|needs?|"
            r"needed|generates?|generated|electricity|power|energy)\b",
            re.I,
        ),
        base="kWh",
    ),
    # Greenhouse gases emitted: Qatar, the highest, ~40 tonnes of CO2 a head a year; ceiling
    # 500 tonnes.
    UnitBand(
        "emissions",
        _CO2_TONNES,
        _PEOPLE,
        "year",
        500_000.0,
        substance=_EMISSIONS,
        base="kg",
    ),
    # Food for one sitting: a generous plate is under a kilogram of any one thing; ceiling 3 kg.
    UnitBand("food", _KILOGRAMS, frozenset({DINERS}), None, 3.0, base="kg"),
    # Drink for one sitting: ceiling 5 litres a guest.
    UnitBand("drink", _LITRES, frozenset({DINERS}), None, 5.0, base="litre"),
)
