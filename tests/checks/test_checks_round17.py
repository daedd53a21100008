"""Round 17: per-head heads as any counted group of people, judged by what the money is.

Own sentences (not from any batch), in registers no batch used:

- a group read by the shape of its noun ("1,900 pilgrims", "a 60-strong choir", "4,100
  season-ticket holders", "a congregation of 700"), judged by a wide band of its own where no
  work force or population is counted: spending or costs $0.05 to $1 million a head, what its
  organisation takes in up to $50 million a head (never per customer or member);
- a money sentence with no count of its own takes the group of the sentence before;
- any counted group is a head of what people eat, drink and use ("2,600 passengers");
- "serving 9,000 households" names households, not diners; a work force's water, waste and
  energy at work are its plant's, no band's.
"""

from __future__ import annotations

import pytest
from round_probes import note_rules, pattern_rules

from citecheck.checks.group_heads import is_person_plural

PER_HEAD = "implausible-per-head"


@pytest.mark.parametrize(
    "slip",
    [
        # spending or costs for a group named by an agent noun, too high
        "The shrine's 1,900 pilgrims were housed and fed at a cost of €6.3 billion over Easter "
        "week, the rector's letter says.",
        "The ski school's spending of CHF 27 billion was shared across its 4,100 season-ticket "
        "holders.",
        # too low: a fraction of a cent a head
        "The lido's budget of £3.5 thousand had to stretch across 240,000 bathers last summer.",
        # "N-strong" and "a congregation of N"
        "We are a 60-strong choir, and robes, scores and the tour coach cost us $4.4 billion "
        "this season.",
        "The chapel serves a congregation of 700, and its budget this year is £1.6 billion.",
        # what the organisation takes in, beyond any group's: a ceiling only
        "The hermitage, home to 24 hermits, had an income of $3.1 billion from its candles "
        "and its guest cells.",
    ],
)
def test_group_money_slips_fire(slip: str) -> None:
    assert PER_HEAD in pattern_rules(slip)


@pytest.mark.parametrize(
    "honest",
    [
        "The shrine's 1,900 pilgrims were housed and fed at a cost of €630,000 over Easter week, "
        "the rector's letter says.",
        "The ski school's spending of CHF 27 million was shared across its 4,100 season-ticket "
        "holders.",
        "The lido's budget of £350,000 had to stretch across 240,000 bathers last summer.",
        "We are a 60-strong choir, and robes, scores and the tour coach cost us $44,000 this "
        "season.",
        "The chapel serves a congregation of 700, and its budget this year is £160,000.",
        "The hermitage, home to 24 hermits, had an income of $310,000 from its candles and its "
        "guest cells.",
        # a firm's few customers may each bring millions: no band per buyer
        "The foundry's revenue of $2.8 billion came from its 35 customers, mostly carmakers.",
        # members' own combined takings are no organisation's income per member
        "The guild's 40 members had a combined turnover of £6 billion last year.",
        # a free service's many users may cost it cents a head: inside the floor
        "The archive's 2.4 million registered readers cost it $190,000 a year in hosting.",
        # a work force or a population named: their own bands judge, not any group's
        "Critics say the $2.2 billion tunnel will cost each of the region's 1.1 million "
        "residents about $2,000.",
    ],
)
def test_group_money_honest_stays_silent(honest: str) -> None:
    assert PER_HEAD not in pattern_rules(honest)


def test_group_in_the_sentence_before() -> None:
    slip = (
        "The lodge now has 1,350 subscribing brethren. Last year it spent £5.6 billion on its "
        "hall, its almshouses and its charities."
    )
    honest = (
        "The lodge now has 1,350 subscribing brethren. Last year it spent £560,000 on its "
        "hall, its almshouses and its charities."
    )
    assert PER_HEAD in pattern_rules(slip)
    assert PER_HEAD not in pattern_rules(honest)


def test_quantity_for_any_group() -> None:
    slip = "The liner's 2,600 passengers ate 900,000 tonnes of food on the crossing last year."
    honest = "The liner's 2,600 passengers ate 900 tonnes of food on the crossing last year."
    assert PER_HEAD in pattern_rules(slip)
    assert PER_HEAD not in pattern_rules(honest)


def test_serving_households_are_no_diners() -> None:
    # households at table would be a sitting's food; 0.6 t a household a year is ordinary waste
    honest = "Serving 9,000 households, the depot took in 5,400 tonnes of waste in 2024."
    assert PER_HEAD not in pattern_rules(honest)


def test_a_work_force_energy_is_its_plants() -> None:
    honest = "The smelter's 1,600 workers run potlines that used 3.9 billion kWh in 2024."
    assert PER_HEAD not in pattern_rules(honest)
    # but a work force still eats like anyone
    slip = "The mine's 800 workers ate some 900,000 tonnes of food in 2024."
    assert PER_HEAD in pattern_rules(slip)


@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("pilgrims", True),
        ("brethren", True),
        ("finishers", True),
        ("worshippers", True),
        ("visitors", True),
        ("cyclists", True),
        ("musicians", True),
        ("occupants", True),
        ("trainees", True),
        ("members", True),
        ("containers", False),
        ("servers", False),
        ("plants", False),
        ("payments", False),
        ("fees", False),
        ("litres", False),
    ],
)
def test_person_plurals_by_shape(word: str, person: bool) -> None:
    assert is_person_plural(word) is person


def test_animals_kept_are_heads_of_what_is_spent_on_them() -> None:
    slip = "The sanctuary's running costs of $8.8 billion cover its 520 rescued animals."
    honest = "The sanctuary's running costs of $880,000 cover its 520 rescued animals."
    assert PER_HEAD in pattern_rules(slip)
    assert PER_HEAD not in pattern_rules(honest)
    # but not of what people eat: an elephant eats some 50 tonnes a year
    assert PER_HEAD not in pattern_rules(
        "The park's 30 elephants eat 1,600 tonnes of fodder a year."
    )


def test_group_in_the_note_cited() -> None:
    note = "The hunt's register lists 1,350 subscribing riders at 31 December."
    slip = "Last season the hunt spent £5.6 billion on kennels, horses and its country."
    honest = "Last season the hunt spent £560,000 on kennels, horses and its country."
    assert PER_HEAD in note_rules(slip, note)
    assert PER_HEAD not in note_rules(honest, note)
