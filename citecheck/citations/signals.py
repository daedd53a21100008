"""Signals and prose lead-ins: how a note introduces the work it cites.

A signal opens a piece ("See also,", "Cf.", "But see") and is kept in one
canonical spelling ("see also", "cf."); German, French, Italian and Spanish
signals ("Vgl.", "vgl. auch", "siehe auch", "so auch", "voir", "voir aussi",
"cfr.", "si vedano", "véase") are kept as printed, in lower case. A lead-in
is prose ending where the citation starts ("For further discussion see",
"This concept is examined in detail in:", "drawn from"); it is cut off, and
the discussion kind counts as the signal "see".
"""

from __future__ import annotations

import re

__all__ = ["find_leadin", "prose_signal", "read_signal"]

_SIGNAL_RE = re.compile(
    r"""^(?P<sig>
        see,?\s+e\.\s?g\.|see,?\s+eg|see,?\s+for\s+example|see,?\s+in\s+particular|for\s+example
      | see\s+also|see\s+generally|see\s+especially|but\s+see|but\s+cf\.?
      | vgl\.\s+(?:auch|nur|dazu|etwa|ferner|insbesondere|aber|hierzu)|siehe\s+(?:auch|dazu|aber)
      | s\.\s+(?:dazu|aber|auch|nur|ferner)|so\s+auch|anders\s+noch|kritisch\s+dazu|ebenso
      | dagegen|a\.\s?A\.|anders(?=\s+(?-i:[A-ZÄÖÜ]))
      | voir\s+(?:aussi|notamment|en\s+particulier|surtout)|si\s+veda(?:no)?(?:\s+anche)?
      | vedi(?:\s+anche)?|v\.\s+anche|véase(?:\s+también)?|cfr\.
      | see|cf\.?|compare|e\.\s?g\.|accord|contra|vgl\.|siehe|voir
    )(?=[\s,:]|$)[\s,:]*""",
    re.VERBOSE | re.IGNORECASE,
)
_CANONICAL = {
    "see": "see",
    "see also": "see also",
    "see generally": "see generally",
    "see especially": "see",
    "but see": "but see",
    "but cf.": "but cf.",
    "cf": "cf.",
    "cf.": "cf.",
    "compare": "compare",
    "e.g.": "e.g.",
    "see, e.g.": "see, e.g.",
    "see e.g.": "see, e.g.",
    "see, for example": "see, e.g.",
    "see for example": "see, e.g.",
    "see, in particular": "see",
    "see in particular": "see",
    "for example": "e.g.",
    "accord": "accord",
    "contra": "contra",
    "see eg": "see, e.g.",
    "see, eg": "see, e.g.",
    "but cf": "but cf.",
    "a.a.": "a.a.",
    "a. a.": "a.a.",
}

_DISCUSS_VERBS = (
    r"discussed|examined|analy[sz]ed|explored|treated|addressed|described|reviewed|covered"
    r"|documented|outlined|considered|explained|elaborated|set\s+out|summari[sz]ed|surveyed"
    r"|detailed|developed|presented|argued|made"
)
_LEADIN_RE = re.compile(
    rf"""
    (?:^|(?<=[\s(]))(?:
        (?P<see>
          for\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){{0,3}}?(?:discussion|analysis|treatment|overview
            |account|review|background|summary|history|details?|explanation|critique|description
            |examples?|information|survey|study|elaboration|argument|views?|perspectives?|approach
            |reading|position)
            (?:\s[^;:.“"()]{{0,80}}?)?,?\s+(?P<sigword>see(?:\s+also|\s+generally)?)
        | (?:is|are|was|were|has\s+been|have\s+been|can\s+be|may\s+be|will\s+be)
            \s+(?:\w+\s+){{0,3}}?
            (?:{_DISCUSS_VERBS})(?:\s+(?:in\s+detail|at\s+length|further|more\s+fully|extensively
            |in\s+depth|elsewhere))?\s+(?:in|by)
        )
      | (?P<see2>(?-i:(?<=,\s)see(?:\s+also|\s+generally|,?\s+e\.g\.,?)?))(?=\s+[A-Z“"])
      | (?P<foreign>(?-i:(?<=,\s)(?:voir(?:\s+aussi|\s+notamment)?|si\s+veda(?:no)?(?:\s+anche)?
            |cfr\.|vgl\.)|(?<=\s)(?:voir(?:\s+aussi|\s+notamment)?|si\s+veda(?:no)?(?:\s+anche)?)))
        (?=\s+[A-ZÀ-Ý«“"])
      | (?P<from>
          (?:drawn|taken|derived|adapted|quoted|reproduced|excerpted|obtained|sourced|come|comes)
            \s+from(?:\s+the)?
        | (?:quoted|cited|reported)\s+in
        | according\s+to
        | as\s+(?:\w+\s+){{0,2}}?(?:argued|noted|discussed|shown|described|explained|suggested
            |observed|documented|reported)\s+(?:by|in)
        )
    )\s*:?\s+
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "From the ...", "Source: ...", "Data from ...", "Figures are taken from ...".
_FROM_START_RE = re.compile(
    r"^(?:From|(?:Sources?|Data|Figures|Statistics|Numbers)(?:\s*:|\s+(?:(?:are|is|were|was)\s+)?"
    r"(?:(?:taken|drawn)\s+)?from))\s+(?:the\s+)?(?=[A-Z])"
)


def read_signal(text: str) -> tuple[str | None, str]:
    """The canonical signal opening ``text`` (or None) and the text after it."""
    m = _SIGNAL_RE.match(text)
    if not m:
        return None, text
    word = re.sub(r"\s+", " ", m.group("sig").lower()).replace("e. g.", "e.g.")
    rest = text[m.end() :]
    # "See" followed by a lower-case word is prose ("see how ..."), except
    # for the short forms and "page 15 of" locators that follow signals.
    if rest[:1].islower() and not re.match(
        r"(?:id\.|ibid|supra|infra|page|p\.|pp\.|at\s|(?:his|her)\s+[A-Z‘“'\"])", rest
    ):
        return None, text
    return _CANONICAL.get(word, word), rest


def find_leadin(text: str, limit: int) -> tuple[str | None, int] | None:
    """A prose lead-in ending before ``limit``: (signal, where the cite starts)."""
    m = _FROM_START_RE.match(text)
    if m:
        return None, m.end()
    best: re.Match[str] | None = None
    for m in _LEADIN_RE.finditer(text, 0, limit + 1):
        best = m
    if best is None:
        return None
    if best.group("see2") is not None:
        word = re.sub(r"\s+", " ", best.group("see2").rstrip(",")).replace("see e.g.", "see, e.g.")
        return _CANONICAL.get(word, "see"), best.end()
    if best.group("foreign") is not None:
        return re.sub(r"\s+", " ", best.group("foreign")), best.end()
    if best.group("see") is not None:
        word = (best.group("sigword") or "see").lower()
        return _CANONICAL.get(re.sub(r"\s+", " ", word), "see"), best.end()
    return None, best.end()


# "See the vendor's old FAQ, <URL>": a signal before prose, which ``read_signal``
# leaves in the text (so "see how ..." stays prose), is still no part of a title.
_PROSE_SIGNAL_RE = re.compile(
    r"^(?P<sig>see(?:\s+also|\s+generally)?|cf\.|compare)\s+(?=[a-z])", re.I
)


def prose_signal(title: str) -> tuple[str, str] | None:
    """(signal, the rest) when an unmarked title opens with a signal and a lower-case word."""
    if title[:1] not in "SsCc\u017f":  # "ſ" too: an ignore-case "s" matches it
        return None
    m = _PROSE_SIGNAL_RE.match(title)
    if m is None:
        return None
    word = re.sub(r"\s+", " ", m.group("sig").lower())
    return _CANONICAL.get(word, word), title[m.end() :]
