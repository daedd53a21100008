"""The cheap tests run before costly patterns are necessary conditions.

Each pattern is tried only when its hint says it could match; a hint that
missed a match would change what the parser reads. Every note and piece of
the evaluation sets (where the patterns do match: OSCOLA, AGLC, MHRA, German,
Bluebook ...) and hand-made texts are held to it: wherever a pattern matches,
its hint says yes. ``benchmarks/cite_identity.py`` compares the whole stage
with the code before the hints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.citations import (
    bluebook,
    fields,
    foreign_months,
    genre,
    identifiers,
    legal,
    presentations,
    prose_leadin,
    reference_list,
    short_forms,
    signals,
    split,
    standards,
    urls,
)
from citecheck.citations.crf import combine
from citecheck.citations.crf.combine import foreign
from citecheck.citations.hints import _CASE_TWINS, lowered
from citecheck.citations.intl import (
    _CASE_HINT_RE,
    _PUBLIC_HINT_RE,
    _PUBLIC_WORDS,
    _case_hint,
)
from citecheck.citations.intl import articles as intl_articles
from citecheck.citations.intl import other as intl_other
from citecheck.citations.split import _clean_markup, clean_note, split_note
from citecheck.citations.styles import _common as style_common
from citecheck.citations.styles import continental
from citecheck.citations.styles import law as style_law

SETS = Path(__file__).parent

# The foreign-convention marks as one alternation, as they were searched before.
_FOREIGN_RE = re.compile(
    r"‘[^’]{3,}’|(?:^|\s)'[A-Z][^']{3,}'|\b\d+(?:st|nd|rd|th)\s+edn\b|\(\d{4}\)\s+\d+\s+[A-Z]"
    r"|\[\d{4}\]\s+(?:\d+\s+)?[A-Z]|\b(?:Aufl|Rn|Hrsg|Bd|Fn)\.|,\s*S\.\s*\d|\bin:\s"
    r"|\((?:pp?\.)\s*\d+[^)]*\)|\bed\.? by\b|\b\d{1,2}\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\s+\d{4}\b"
)

EXTRA = [
    "R v Brown [2001] UKHL 12, [23]",
    "Mabo v Queensland (No 2) (1992) 175 CLR 1, 42",
    "Law Commission, Title (Law Com No 12, 2000) para 3.4",
    "Home Office, Title (Cm 1234, 2000) 12",
    "Human Rights Act 1998, s 3(1)",
    "§ 823 Abs. 1 BGB",
    "Art. 20 Abs. 3 GG",
    "FAZ v. 1.5.2000, S. 3",
    "Müller, Die Zeitung vom 3.4.2001",
    "J Smith, 'A Page' (BBC News, 1 May 2020) <https://bbc.co.uk/x> accessed 2 May 2020",
    "J Smith, 'Title' The Guardian (London, 3 May 2010) 12",
    "Smith, supra note 3, at 12.",
    "SMITH, SUPRA NOTE 3",
    "Smith, op. cit., 12.",
    "Smith, loc.cit.",
    "Last visited May 3, 2015; last updated June 1, 2014; Retrieved 5 July 2016",
    "ECHR, Convention, Treaty on European Union, OJ C 326, Case C-6/64",
    "55 Foreign Affairs 306, 309 (1977)",
    "347 U.S. 483, 490 (1954)",
    "Interview, available at (https://example.org/x)",
    "Available online at: https://example.org/y",
    "Cf. example.org (http://example.org)",
    "J. Smith, Title, 5 J. Law 1 (2001), doi:10.1000/xyz123; DOI 10.12345/ab.c",
    "publié le 3 Mars 2001, (vu 4 MAI 2002); Acesso em: 4 ago. 2021; «décembre» 1999",
    "consulté le 1er juin 2010; ultimo accesso: 2 giugno 2011; Zugriff am 3. Juni 2012",
    "Roe A. Title. US Patent 9,876,543; EP1234567B1; WO 2019 123456 A1; arXiv:2101.01234 [cs.CL]",
    "Roe, Title, thèse de doctorat, Univ. X, 2001; Roe, Titel, Dissertation, Univ. Y, 2002",
    "Treaty of X, U.K.-Fr., Mar. 1, 1920, 2 L.N.T.S. 45; Protocol, Apr. 2, 2001, T.I.A.S. No. 1",
    "Doe B. Title. German patent DE 10 2005 012 345; arXiv: hep-th/9901001v2",
    "Text.\n\n## References\n\nRoe, A. (2001). Title.",
    "Body.\nWORKS CITED:\nRoe. Title.\nLiterature Cited\nSources",
    "See the old page, https://ex.org/a; see also our notes; cf. the list; compare the two",
]


def _texts() -> Iterator[str]:
    for path in sorted(SETS.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "text" not in item:
                continue
            yield item["text"]
            for piece in split_note(item["text"]):
                yield piece.text
                yield " ".join(piece.text.split())  # as read_intl sees it
    yield from EXTRA


TEXTS = sorted(set(_texts()))

Hint = Callable[[str], bool]


def _pattern_hint(hint: re.Pattern[str]) -> Hint:
    return lambda text: hint.search(text) is not None


def _low_words(*words: str) -> Hint:
    def test(text: str) -> bool:
        low = lowered(text)
        return low is None or any(w in low for w in words)

    return test


PAIRS: list[tuple[str, Hint, Callable[[str], object]]] = [
    ("web", _pattern_hint(intl_other._WEB_HINT_RE), intl_other._WEB_RE.match),
    ("paper", _pattern_hint(intl_other._PAPER_HINT_RE), intl_other._PAPER_RE.match),
    (
        "german paper",
        _pattern_hint(intl_other._GERMAN_PAPER_HINT_RE),
        intl_other._GERMAN_PAPER_RE.match,
    ),
    ("act", _pattern_hint(intl_other._ACT_HINT_RE), intl_other._ACT_RE.match),
    ("report", _pattern_hint(intl_other._REPORT_HINT_RE), intl_other._REPORT_RE.match),
    (
        "german statute",
        lambda t: t.startswith(("§", "Art")),
        intl_other._GERMAN_STATUTE_RE.match,
    ),
    (
        "oscola article",
        _pattern_hint(intl_articles._OSCOLA_HINT_RE),
        intl_articles._OSCOLA_ARTICLE_RE.match,
    ),
    (
        "mhra article",
        _pattern_hint(intl_articles._MHRA_HINT_RE),
        intl_articles._MHRA_ARTICLE_RE.match,
    ),
    (
        "volume-year article",
        _pattern_hint(intl_articles._VOLUME_YEAR_HINT_RE),
        intl_articles._VOLUME_YEAR_ARTICLE_RE.match,
    ),
    (
        "german article",
        _pattern_hint(intl_articles._GERMAN_HINT_RE),
        intl_articles._GERMAN_ARTICLE_RE.match,
    ),
    ("public law", lambda t: any(w in t for w in _PUBLIC_WORDS), _PUBLIC_HINT_RE.search),
    ("bluebook", _pattern_hint(bluebook._VOLUME_WORD_RE), bluebook._BLUEBOOK_RE.search),
    ("reporter", _pattern_hint(legal._VOLUME_WORD_RE), legal._REPORTER_RE.search),
    ("supra", _low_words("supra", "cit"), lambda t: short_forms._SUPRA_RE.match(t.strip())),
    ("accessed", _low_words(*urls._ACCESSED_WORDS), urls._ACCESSED_RE.search),
    ("doi", lambda t: "10." in t, urls._DOI_RE.search),
    (
        "signal sentence",
        lambda t: any(w in t for w in split._SIGNAL_WORDS),
        split._SIGNAL_SENTENCE_RE.search,
    ),
    ("next work", _pattern_hint(split._STOP_THEN_CAPITAL_RE), split._NEXT_WORK_RE.search),
    ("prose after", _pattern_hint(split._STOP_THEN_CAPITAL_RE), split._PROSE_AFTER_RE.search),
    ("presentation", lambda t: "by" in t, presentations._PRESENTATION_RE.search),
    ("chapter", lambda t: "in" in t or "In" in t, fields._CHAPTER_MARKED_RE.search),
    ("chapter, plain", lambda t: "in" in t or "In" in t, fields._CHAPTER_PLAIN_RE.search),
    ("odd title", combine._odd_title, combine._ODD_TITLE_RE.search),
    (
        "foreign day date",
        foreign_months.has_foreign_month,
        foreign_months._DAY_DATE_RE.search,
    ),
    ("standard", lambda t: any(h in t for h in standards.HINTS), standards._STANDARD_RE.search),
    (
        "identifier",
        _pattern_hint(identifiers._HINT_RE),
        lambda t: identifiers._PATENT_RE.search(t) or identifiers._ARXIV_RE.search(t),
    ),
    (
        "thesis",
        genre.thesis_hint,
        lambda t: genre._THESIS_RE.search(t) or genre._PLAIN_THESIS_RE.search(t),
    ),
    (
        "treaty",
        lambda t: any(h in t for h in style_law.TREATY_HINTS),
        style_law._TREATY_RE.match,
    ),
    ("prose lead-in", prose_leadin.prose_hint, prose_leadin.find_start),
    (
        "reference-list heading",
        _low_words(*reference_list.HEADING_WORDS),
        reference_list._HEADING_RE.search,
    ),
    ("signal before prose", lambda t: t[:1] in "SsCc\u017f", signals._PROSE_SIGNAL_RE.match),
    ("and, next case", lambda t: "and" in t and " v" in t, split._AND_NEXT_CASE_RE.search),
    (
        "foreign month date",
        foreign_months.has_foreign_month,
        foreign_months._MONTH_DATE_RE.search,
    ),
]


@pytest.mark.parametrize(("name", "hint", "pattern"), PAIRS, ids=[p[0] for p in PAIRS])
def test_a_hint_says_yes_wherever_its_pattern_matches(
    name: str, hint: Hint, pattern: Callable[[str], object]
) -> None:
    matched = [t for t in TEXTS if pattern(t)]
    missed = [t for t in matched if not hint(t)]
    assert not missed, f"{name}: {missed[:3]}"


def test_the_url_lead_in_hints_hold_before_every_url() -> None:
    leads = links = 0
    for text in TEXTS:
        for m in urls._URL_RE.finditer(text):
            window = max(0, m.start() - 60)
            before = text[window : m.start()].rstrip()
            if urls._URL_LEAD_RE.search(text, window, m.start()):
                leads += 1
                assert before[-1:].isalpha() or before.endswith(":"), text
            if urls._LINK_TEXT_RE.search(text, window, m.start()):
                links += 1
                assert before.endswith("("), text
    assert leads
    assert links


def test_the_case_hint_holds_on_text_with_single_spaces() -> None:
    texts = [" ".join(t.split()) for t in TEXTS]
    matched = [t for t in texts if _CASE_HINT_RE.search(t)]
    assert matched  # the evaluation sets cite cases
    assert all(_case_hint(t) for t in matched)


def test_the_evaluation_sets_exercise_the_patterns() -> None:
    """A hint test over texts no pattern matches would prove nothing."""
    unmatched = [name for name, _hint, pattern in PAIRS if not any(pattern(t) for t in TEXTS)]
    assert not unmatched


def test_foreign_marks_answer_as_the_one_alternation_did() -> None:
    assert any(_FOREIGN_RE.search(t) for t in TEXTS)
    assert [foreign(t) for t in TEXTS] == [bool(_FOREIGN_RE.search(t)) for t in TEXTS]


def test_only_four_characters_outside_ascii_match_an_ascii_letter_ignoring_case() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))}
    assert twins == set(_CASE_TWINS)


def test_lowered_refuses_text_with_a_case_twin() -> None:
    assert lowered("Smith, ſupra note 3") is None
    assert lowered("Last Visıted") is None
    assert lowered("“Title,” Stan. L. Rev.") == "“title,” stan. l. rev."
    assert short_forms.read_short_form("Smith, ſupra note 3") is not None


_NOTE_TEXT = st.lists(
    st.sampled_from([*"ab *\\<>/i\t\n\u00a0\u2003“”\"'", "http://x.org/", "  ", "<i>", "</em>"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NOTE_TEXT)
def test_clean_notes_shortcut_agrees_with_the_full_cleaning(text: str) -> None:
    assert clean_note(text) == _clean_markup(text)


def test_clean_notes_shortcut_agrees_on_the_evaluation_sets() -> None:
    for text in TEXTS:
        assert clean_note(text) == _clean_markup(text)


def _elements_char_by_char(text: str) -> list[str]:
    """``styles._common.elements`` as it was written, visiting every character."""
    out: list[str] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if stack and ch == style_common._CLOSE[stack[-1]]:
            stack.pop()
        elif ch in "«“(" or ch == "[" or (ch in "\"'‘" and style_common._opens(text, i)):
            stack.append(ch)
        elif ch == "," and not stack:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [e for e in out if e]


_MARKED_TEXT = st.lists(st.sampled_from([*"ab ,«»“”‘’()[]\"'.1", "  "]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKED_TEXT)
def test_elements_visiting_only_delimiters_cut_as_every_character_did(text: str) -> None:
    assert style_common.elements(text) == _elements_char_by_char(text)


def test_elements_cut_the_evaluation_sets_as_before() -> None:
    for text in TEXTS:
        assert style_common.elements(text) == _elements_char_by_char(text)


def test_the_continental_end_guard_never_turns_a_reading_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the readings with the guard and with it always saying yes are the same on every text
    guarded = [continental.read_continental(" ".join(t.split())) for t in TEXTS]
    monkeypatch.setattr(continental, "_may_end", lambda e: True)
    unguarded = [continental.read_continental(" ".join(t.split())) for t in TEXTS]
    assert guarded == unguarded
    assert sum(found is not None for found in unguarded) > 20


def test_the_continental_end_guard_skips_a_note_ending_in_a_url_and_access_date() -> None:
    note = 'Ana Ruiz, "Report 1," Local Hosts, March 2, 2024, http://x.org/0 (accessed May 2)'
    assert not continental._may_end(style_common.elements(note)[-1])
    assert continental._may_end("p. 45-52")
    assert continental._may_end("1990")


_PROSE_WORDS = st.sampled_from(
    [
        "Roe,",
        "Roe",
        "AB,",
        "A.",
        "B.",
        "the",
        "first",
        "series",
        "is",
        "see",
        "and",
        "(2019)",
        "12",
        "“Title,”",
        "Doe",
        "v",
        "R",
        "et",
        "al.",
        "ISO",
        "9001:2015",
        "in:",
        "Ann",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PROSE_WORDS, min_size=1, max_size=14))
def test_the_prose_lead_in_front_holds_on_made_up_texts(words: list[str]) -> None:
    # The front (the first word is no "Name,", a lower-case word among the first three)
    # and the scan's stop at the first digit or bracket never turn a lead-in away.
    text = " ".join(words)
    found = prose_leadin.find_start(text)
    if found is not None:
        assert prose_leadin.prose_hint(text)
        assert not prose_leadin._NOT_PROSE_RE.search(text[: found[1]])


def test_a_name_and_comma_first_is_never_a_prose_lead_in() -> None:
    assert not prose_leadin.prose_hint("Roe, the first series is Doe AB, Poe C. Title.")
    assert prose_leadin.prose_hint("The first series is Doe AB, Poe C. Title.")
