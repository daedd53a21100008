"""Generative tests of the phrasing classes the fourth round generalised (issue #13 part 4).

Each class is a mechanism, not a case: a number that names one of a kind ("Scope 2",
"Item 7", "Phase 3") is a label, not a part or a total; the rand's sign glued to a figure
("R18.9bn", "R4,500") is money; ", or" restates a figure and lends it no scale; heads named
before their count ("a staff of 40", "a team of 12"); a per-head figure larger than its total
when the heads come between them; a partial list ("including") whose parts fit an earlier
whole of its clause. Each is crossed with formats and openers; each side is checked: the
honest passage raises nothing, the slipped one raises its rule. The phrasings are new,
written for these tests, not any batch's.
"""

from __future__ import annotations

import itertools

import pytest

from citecheck.checks import run_checks
from citecheck.checks.numbers import Kind, find_quantities
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, FootnoteSet, Manuscript

SUMS = "sum-mismatch"
PER_HEAD = "implausible-per-head"


def _rules(body: str) -> set[str]:
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    run = CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),))
    return {finding.rule for finding in run_checks(run, CheckSettings())}


# --------------------------------------------------------------------------
# Labels: a number after a noun it names one of
# --------------------------------------------------------------------------

LABELS = ["Scope 3", "Scopes 1 and 2", "Phase 2", "Item 4", "Tier 1", "Section 12", "Stage 3"]
# (template with {label}; {parts} the list) the whole 540 is 310 + 160 + 70.
LABEL_CLASSES = [
    "{label} figures came to 540 tonnes: 310 from fleet fuel, {x} from boilers and 70 from "
    "generators.",
    "Under {label}, the agency handled 540 cases: 310 in the north, {x} in the centre and 70 "
    "in the south.",
    "{label}: 540 volunteers signed up, of whom 310 were students, {x} retirees and 70 employees.",
]


@pytest.mark.parametrize(("label", "template"), list(itertools.product(LABELS, LABEL_CLASSES)))
def test_a_label_is_no_part_and_no_total(label: str, template: str) -> None:
    assert SUMS not in _rules(template.format(label=label, x=160))
    assert SUMS in _rules(template.format(label=label, x=260))


def test_a_label_number_is_not_a_quantity_but_a_count_after_other_nouns_is() -> None:
    assert [q.text for q in find_quantities("Items 4 and 5 were approved.")] == []
    assert [q.text for q in find_quantities("The 4 items and 5 motions passed.")] == ["4", "5"]


# --------------------------------------------------------------------------
# The rand's sign
# --------------------------------------------------------------------------


@pytest.mark.parametrize("printed", ["R12.5bn", "R3,400", "R450m", "R2.1 billion", "R8000"])
def test_the_rand_sign_glued_to_a_figure_is_money(printed: str) -> None:
    (quantity,) = find_quantities(f"The province spent {printed} last year.")
    assert quantity.kind is Kind.MONEY
    assert quantity.currency == "ZAR"


@pytest.mark.parametrize("text", ["The model's R2 was 0.8.", "An R 0.95 fit."])
def test_a_statistic_named_r_is_no_money(text: str) -> None:
    assert all(q.kind is not Kind.MONEY for q in find_quantities(text))


# --------------------------------------------------------------------------
# Per head: heads named before their count, a per-head figure larger than its total
# --------------------------------------------------------------------------

HEADS_BEFORE = ["a staff of 40", "a team of 40", "a workforce of 40", "a headcount of 40"]
MONEY = {
    "rand": ("R12m", "R300,000", "R300m"),
    "dollars": ("$12 million", "$300,000", "$300 million"),
    "euros": ("€12m", "€300,000", "€300m"),
}
PER_HEAD_CLASSES = [
    "The studio earned {total} with {heads}, or {each} per employee.",
    "Last year the practice billed {total} with {heads}, or about {each} per worker.",
]


@pytest.mark.parametrize(
    ("heads", "money", "template"),
    list(itertools.product(HEADS_BEFORE, MONEY, PER_HEAD_CLASSES)),
)
def test_heads_named_before_their_count(heads: str, money: str, template: str) -> None:
    total, honest, slipped = MONEY[money]
    assert PER_HEAD not in _rules(template.format(total=total, heads=heads, each=honest))
    assert PER_HEAD in _rules(template.format(total=total, heads=heads, each=slipped))


@pytest.mark.parametrize("money", list(MONEY))
def test_a_large_true_per_head_figure_tied_to_its_heads_is_no_slip(money: str) -> None:
    big = {"rand": "R24bn", "dollars": "$24 billion", "euros": "€24bn"}[money]
    each = {"rand": "R600m", "dollars": "$600 million", "euros": "€600m"}[money]
    body = f"The trust oversees {big} of assets with a staff of 40, or {each} per employee."
    assert PER_HEAD not in _rules(body)


# --------------------------------------------------------------------------
# A partial list whose parts fit an earlier whole of the clause
# --------------------------------------------------------------------------

PARTIAL_CLASSES = [
    "About 6,400 runners entered the town's 9 races, including 1,900 from abroad and 700 juniors.",
    "The network carried 52,000 passengers on its 6 routes, including 8,000 pensioners and "
    "11,000 students.",
]


@pytest.mark.parametrize("template", PARTIAL_CLASSES)
def test_parts_that_fit_an_earlier_whole_are_not_judged_against_a_later_count(
    template: str,
) -> None:
    assert SUMS not in _rules(template)


def test_a_partial_list_that_exceeds_every_whole_is_still_a_slip() -> None:
    assert SUMS in _rules(
        "About 6,400 runners entered, including 4,900 from abroad and 2,700 juniors."
    )


# --------------------------------------------------------------------------
# Shares placed by one preposition, and compositions with a hedge or long part names
# --------------------------------------------------------------------------

SHARES = "shares-exceed-total"
PCT = {"sign": "{}%", "per cent": "{} per cent", "percent": "{} percent"}
# (template with {a} {b} {c}); honest 45/35/20, slipped 45/35/30.
PREPOSITION_CLASSES = [
    "The reserve is held {a} in gilts, {b} in cash and {c} in property.",
    "Our staff are {a} in engineering, {b} in sales and {c} in support roles.",
    "The endowment was placed {a} in index funds, {b} in bonds and {c} in farmland.",
    "Last year the charity spent {a} on grants, {b} on wages and {c} on premises.",
    "The collection is {a} on paper, {b} on canvas and {c} on board.",
]
COMPOSITION_CLASSES = [
    "By weight, the alloy is roughly {a} copper, {b} zinc and {c} tin.",
    "New loans were {a} secured on homes, {b} backed by vehicles and {c} unsecured.",
]


@pytest.mark.parametrize(
    ("sign", "template"),
    list(itertools.product(PCT, PREPOSITION_CLASSES + COMPOSITION_CLASSES)),
)
def test_shares_one_predicate_places_or_composes(sign: str, template: str) -> None:
    fmt = PCT[sign]
    honest = template.format(a=fmt.format(45), b=fmt.format(35), c=fmt.format(20))
    slipped = template.format(a=fmt.format(45), b=fmt.format(35), c=fmt.format(30))
    assert SHARES not in _rules(honest)
    assert SHARES in _rules(slipped)


RATES_BY_PLACE = [
    "Turnout was 64% in the north, 58% in the south and 41% in the west.",
    "Margins were 52% in software, 38% in consulting and 21% in hardware.",
    "Vacancy rates are 48% in offices, 36% in retail and 22% in industrial units.",
    "Support for the plan was 61% in Leeds, 47% in York and 33% in Hull.",
    "Uptake is 55% in 2024, 44% in 2025 and 31% in 2026.",
]


@pytest.mark.parametrize("body", RATES_BY_PLACE)
def test_rates_given_per_place_or_line_are_no_shares(body: str) -> None:
    assert SHARES not in _rules(body)


FRACTION_WORDS = [
    ("Half", "a third", "a sixth", "a quarter"),
    ("Two-fifths", "two-fifths", "a fifth", "a third"),
]
FRACTION_CLASSES = [
    "{a} of the estate is under grass, {b} under barley and {c} under woodland.",
    "{a} of the savings sit in deposits, {b} in shares and {c} in bonds.",
]


@pytest.mark.parametrize(
    ("words", "template"), list(itertools.product(FRACTION_WORDS, FRACTION_CLASSES))
)
def test_fractions_placed_by_one_preposition(words: tuple[str, ...], template: str) -> None:
    a, b, honest, slipped = words
    assert SHARES not in _rules(template.format(a=a, b=b, c=honest))
    assert SHARES in _rules(template.format(a=a, b=b, c=slipped))


# --------------------------------------------------------------------------
# Rates: units between figure and period, a year by its use, "times", yield verbs
# --------------------------------------------------------------------------

RATE = "rate-restatement-mismatch"
# (template with {year} a year's total, {day} its daily restatement); 7.3 million = 20,000 a day.
RATE_CLASSES = [
    "The depot handled {year} parcels during the trading year, about {day} parcels a day.",
    "Members borrowed {year} books over the academic year, roughly {day} a day.",
    "The pumps lifted {year} litres of groundwater during the crop year, some {day} litres a day.",
    "A line printing {day} labels a day turns out about {year} labels a year.",
    "Each press stamping {day} parts a day will produce roughly {year} parts a year.",
    "The turbine spins {day} times a day, which adds up to about {year} turns a year.",
]
YEAR_FORMATS = {"words": "7.3 million", "digits": "7,300,000", "spaced": "7 300 000"}
DAY_FORMATS = {"comma": ("20,000", "60,000"), "space": ("20 000", "60 000")}


@pytest.mark.parametrize(
    ("template", "year", "day"), list(itertools.product(RATE_CLASSES, YEAR_FORMATS, DAY_FORMATS))
)
def test_rates_restated_across_units_and_verbs(template: str, year: str, day: str) -> None:
    honest, slipped = DAY_FORMATS[day]
    assert RATE not in _rules(template.format(year=YEAR_FORMATS[year], day=honest))
    assert RATE in _rules(template.format(year=YEAR_FORMATS[year], day=slipped))


def test_a_figure_repeated_some_times_a_year_is_no_rate_of_it() -> None:
    assert RATE not in _rules("The board pays £5 million twice a year, or £10 million a year.")
    assert RATE not in _rules("The plant produces 500 cars a day; its rival builds 9,000 a year.")


# --------------------------------------------------------------------------
# Per head: the head and a restating verb before the figure
# --------------------------------------------------------------------------

EACH_LEADS = ["each worker generated", "every employee produced", "each member contributed"]
EACH_OPENERS = [
    "With 600 {heads} and output of {total}, {lead} about {each}.",
    "The co-operative's {total} came from its 600 {heads}: {lead} some {each}.",
]
HEADS_OF = {"each worker": "workers", "every employee": "employees", "each member": "members"}


@pytest.mark.parametrize(
    ("lead", "money", "opener"), list(itertools.product(EACH_LEADS, MONEY, EACH_OPENERS))
)
def test_a_head_and_restating_verb_before_the_figure(lead: str, money: str, opener: str) -> None:
    heads = HEADS_OF[" ".join(lead.split()[:2])]
    total = {"rand": "R180m", "dollars": "$180 million", "euros": "€180m"}[money]
    honest = {"rand": "R300,000", "dollars": "$300,000", "euros": "€300,000"}[money]
    slipped = {"rand": "R300", "dollars": "$300", "euros": "€300"}[money]
    body = opener.format(heads=heads, total=total, lead=lead, each="{each}")
    assert PER_HEAD not in _rules(body.format(each=honest))
    assert PER_HEAD in _rules(body.format(each=slipped))


def test_a_payment_to_each_head_is_no_restatement_of_the_total() -> None:
    body = "With 600 workers and output of $180 million, each worker received a $300 bonus."
    assert PER_HEAD not in _rules(body)


# --------------------------------------------------------------------------
# Sums: a whole in one sentence, all its parts in the next ("It is the sum of ...")
# --------------------------------------------------------------------------

SUM_OF_OPENERS = [
    "It is the sum of",
    "This is made up of",
    "The total comprises",
    "It was the sum of",
    "This consists of",
]
SUM_OF_MONEY = {
    "pounds": ("£{}", ["£61,300", "£27,450", "£9,250"]),
    "francs": ("CHF {}", ["CHF 61,300", "CHF 27,450", "CHF 9,250"]),
}


@pytest.mark.parametrize(("opener", "money"), list(itertools.product(SUM_OF_OPENERS, SUM_OF_MONEY)))
def test_parts_in_the_next_sentence_make_up_the_whole(opener: str, money: str) -> None:
    sign, (a, b, c) = SUM_OF_MONEY[money]
    tail = f" {opener} grants of {a}, donations of {b} and interest of {c}."
    honest = f"The trust's income reached {sign.format('98,000')}." + tail
    slipped = f"The trust's income reached {sign.format('108,000')}." + tail
    assert SUMS not in _rules(honest)
    assert SUMS in _rules(slipped)


def test_parts_after_of_this_may_still_fall_short() -> None:
    body = "The trust's income reached £120,000. Of this, grants brought £61,300 and gifts £27,450."
    assert SUMS not in _rules(body)


# --------------------------------------------------------------------------
# A percent change whose base is in the cited note
# --------------------------------------------------------------------------

PERCENT = "percent-change-mismatch"
NOTE_BODIES = [
    "Admissions to the museum fell {p} last year, to 45,000.[^1]",
    "Calls to the helpline rose by {p} in 2024, to 45,000.[^1]",
    "Membership grew {p} year on year, to 45,000.[^1]",
]
NOTE_BASES = [
    "The year before, the figure was {b}.",
    "In 2023 the total stood at {b}.",
    "The previous year's count was {b}.",
]


@pytest.mark.parametrize(("body", "note"), list(itertools.product(NOTE_BODIES, NOTE_BASES)))
def test_a_change_whose_base_is_in_its_note(body: str, note: str) -> None:
    from checks_corpus import _run

    down = "fell" in body
    base, honest, slipped = ("60,200", "25%", "12%") if down else ("36,100", "25%", "12%")
    for p, expected in ((honest, False), (slipped, True)):
        entry = {"body": body.format(p=p), "notes": [note.format(b=base)]}
        rules = {f.rule for f in run_checks(_run(entry), CheckSettings())}
        assert (PERCENT in rules) is expected, (p, entry)


def test_a_note_figure_of_no_earlier_period_is_no_base() -> None:
    from checks_corpus import _run

    entry = {
        "body": "Admissions fell 12% last year, to 45,000.[^1]",
        "notes": ["The museum's capacity is 60,200 visitors."],
    }
    assert PERCENT not in {f.rule for f in run_checks(_run(entry), CheckSettings())}


def test_a_citation_note_gives_no_base() -> None:
    from checks_corpus import _run

    entry = {
        "body": "Admissions fell 12% last year, to 45,000.[^1]",
        "notes": ["Museums Association, Annual Visitor Survey (London, 2024), p. 45."],
    }
    assert PERCENT not in {f.rule for f in run_checks(_run(entry), CheckSettings())}


# --------------------------------------------------------------------------
# A sum's whole stated in the cited note
# --------------------------------------------------------------------------

WHOLE_BODIES = [
    "Fees raised £3.15m, donations £1.40m and trading £0.85m, together meeting the "
    "charity's running costs.[^1]",
    "The council put in £3.15m, the lottery £1.40m and local firms £0.85m, between them "
    "funding the whole restoration budget.[^1]",
]
# Each body with a note naming its whole.
WHOLE_NOTES = [
    "The charity's running costs were {w}.",
    "Its approved restoration budget was {w}.",
]


@pytest.mark.parametrize(("body", "note"), list(zip(WHOLE_BODIES, WHOLE_NOTES, strict=True)))
def test_a_whole_stated_in_the_note(body: str, note: str) -> None:
    from checks_corpus import _run

    for whole, expected in (("£5.40m", False), ("£6.10m", True)):
        entry = {"body": body, "notes": [note.format(w=whole)]}
        rules = {f.rule for f in run_checks(_run(entry), CheckSettings())}
        assert (SUMS in rules) is expected, (whole, entry)


def test_parts_of_only_some_of_the_note_whole_are_not_summed() -> None:
    from checks_corpus import _run

    entry = {
        "body": "Fees raised £3.15m and donations £1.40m, together covering part of the "
        "charity's running costs.[^1]",
        "notes": ["The charity's running costs were £6.10m."],
    }
    assert SUMS not in {f.rule for f in run_checks(_run(entry), CheckSettings())}
