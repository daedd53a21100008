"""Author lists: "Ken Ellingwood", "Boghardt, Thomas", "A & B", "X et al".

``parse_authors`` answers two questions at once: does this stretch of text
look like the authors of a work, and if so who are they. It says None rather
than guess when the text reads like a title or prose, because the field
parser tries several places where the authors might end and keeps the first
that reads as names.

Corporate authors keep their whole name in ``family``. They are recognised
by the words organisations use in their names (Council, Bureau, Institute,
...) or by a short list of organisations that often publish under a name
that looks personal ("Goldman Sachs").
"""

from __future__ import annotations

import re

from citecheck.citations.institutions import institutional
from citecheck.model import Person

__all__ = ["looks_corporate", "parse_authors", "parse_person"]

# Lower-case name particles that belong to the family name (de la Calle,
# van Gogh). Matched case-insensitively: manuscripts write "De La Calle" too.
_PARTICLES = frozenset(
    [
        "de",
        "la",
        "le",
        "du",
        "del",
        "della",
        "des",
        "di",
        "da",
        "das",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "vander",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "st.",
        "st",
        "ste.",
        "saint",
    ]
)

# Words that make a stretch of capitalised words an organisation.
_ORG_WORDS = frozenset(
    [
        "administration",
        "agency",
        "academy",
        "association",
        "assembly",
        "authority",
        "bank",
        "board",
        "bureau",
        "center",
        "centre",
        "chamber",
        "college",
        "commission",
        "committee",
        "company",
        "companies",
        "congress",
        "corporation",
        "corp",
        "council",
        "court",
        "department",
        "dept",
        "division",
        "embassy",
        "federation",
        "forum",
        "foundation",
        "fund",
        "government",
        "group",
        "house",
        "inc",
        "institute",
        "institution",
        "league",
        "library",
        "limited",
        "llc",
        "ltd",
        "ministry",
        "museum",
        "office",
        "organization",
        "organisation",
        "parliament",
        "partnership",
        "press",
        "program",
        "programme",
        "secretariat",
        "senate",
        "service",
        "services",
        "society",
        "staff",
        "task",
        "tribunal",
        "trust",
        "union",
        "university",
        "nations",
        "agency",
        "police",
        "patrol",
        "customs",
        "command",
        "unit",
        "coalition",
        "alliance",
        "observatory",
        "laboratory",
        "consortium",
        # Group authors of science (APA, Vancouver): "Open Science Collaboration",
        # "GBD 2019 Diseases and Injuries Collaborators", "ALLHAT ... Investigators".
        "collaboration",
        "collaborative",
        "collaborators",
        "investigators",
        # Spanish and French: manuscripts on Mexico cite its agencies by name.
        "secretaría",
        "secretaria",
        "instituto",
        "comisión",
        "comision",
        "consejo",
        "ministerio",
        "ministère",
        "gobierno",
        "banco",
        "universidad",
        "centro",
        "fundación",
        "asociación",
        "procuraduría",
        "senado",
        "cámara",
        "congreso",
        "dirección",
        "subsecretaría",
    ]
)

# Organisations whose names read like a person's. Kept short on purpose: a
# gazetteer, not a substitute for the keyword rule above.
_KNOWN_ORGS = frozenset(
    name.casefold()
    for name in (
        "Goldman Sachs",
        "Morgan Stanley",
        "JPMorgan Chase",
        "Merrill Lynch",
        "Lehman Brothers",
        "Deloitte",
        "McKinsey",
        "McKinsey & Company",
        "Ernst & Young",
        "Brookings",
        "RAND",
        "RAND Corporation",
        "Reuters",
        "Associated Press",
        "Bloomberg",
        "Amnesty International",
        "Human Rights Watch",
        "Pew Research Center",
        "Pew Hispanic Center",
        "Transparency International",
        "Freedom House",
        "Stratfor",
        "Wikipedia",
        "UNESCO",
        "UNHCR",
        "OECD",
        "NATO",
        "IMF",
        "World Bank",
        "Interpol",
        "INTERPOL",
    )
)

_STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "we",
        "they",
        "he",
        "she",
        "not",
        "no",
        "but",
        "or",
        "if",
        "how",
        "why",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "new",
        "after",
        "before",
        "under",
        "over",
        "between",
        "through",
        "about",
        "into",
        "during",
        "against",
        "among",
    ]
)

_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?-?){1,3}\.?$")
_NOT_FAMILY = frozenset(("The", "A", "An", "This", "That", "These", "Those", "It", "Its"))
_ET_AL_RE = re.compile(
    r"(?:,?\s+(?:et\.?\s*al\.?|and\s+others|&\s+others|and\s+colleagues))\s*$", re.IGNORECASE
)
_AND_RE = re.compile(r"\s*,?\s+(?:and|&)\s+|\s*&\s*|\s*;\s*")


# Bluebook's abbreviations of institutional words (T6): "Int’l Boundary &
# Water Comm’n", "U.S. Dep’t of State", "Nat’l Ass’n of Counties".
_ORG_ABBREVIATION_RE = re.compile(
    r"\b(?:Int|Comm|Ass|Nat|Fed|Gov|Dep|Sec)[’'](?:l|n|t|y)\b"
    r"|\b(?:Admin|Ctr|Inst|Serv|Comm|Auth|Found|Org|Bd|Div|Univ|Corp|Cong|Dist)\.(?=\s|,|$)"
)


def looks_corporate(text: str) -> bool:
    """True when ``text`` names an organisation rather than a person."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return False
    stripped = text.strip(" .,;:")
    if stripped.casefold() in _KNOWN_ORGS:
        return True
    if any(w.casefold() in _ORG_WORDS for w in words):
        return True
    if ("’" in text or "'" in text or "." in text) and (
        _ORG_ABBREVIATION_RE.search(text) or institutional(text)
    ):
        return True
    # "U.S. ...", "H.M. Treasury", "DHS": a country's (or the Crown's) initials
    # leading a name, or an acronym alone. Other initials ("J.R.R. Tolkien") are a person's.
    return bool(re.match(r"^(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|H\.\s?M\.|HM)\s|^[A-Z]{2,6}$", stripped))


# Spanish particles that, written in lower case, join a first family name to a
# second ("Núñez de la Peña", "Ortega y Gasset"); case-sensitive on purpose.
_SPANISH_JOINERS = frozenset(["de", "del", "y"])


def _is_name_token(token: str) -> bool:
    if not token:
        return False
    if token.casefold() in _PARTICLES:
        return True
    if _INITIALS_RE.match(token):
        return True
    core = token.strip(".,")
    if not core or not core[0].isupper():
        return False
    if any(ch.isdigit() for ch in core):
        return False
    # Names are letters, apostrophes and hyphens ("O’Neil", "Smith-Jones").
    return all(ch.isalpha() or ch in "'’-." for ch in core)


def parse_person(text: str) -> Person | None:
    """One personal name in direct order ("Shannon K. O’Neil") or None."""
    tokens = text.split()
    # Particles do not count towards the length: "Ana María Núñez de la Peña".
    if not 1 <= len([t for t in tokens if t.casefold() not in _PARTICLES]) <= 5 or len(tokens) > 7:
        return None
    if not all(_is_name_token(t) for t in tokens):
        return None
    if tokens[0].casefold() in _STOP_WORDS or tokens[-1].casefold() in _PARTICLES:
        return None
    for i, token in enumerate(tokens[1:], 1):
        if token.casefold() in _STOP_WORDS and token.casefold() not in _PARTICLES:
            # "K. He", "A. B. Ma": after initials alone, a capitalised last word is
            # the family name, whatever else it can mean ("The" and "A" cannot).
            initials_before = all(_INITIALS_RE.match(t) for t in tokens[:i])
            if not (
                i == len(tokens) - 1
                and initials_before
                and token[:1].isupper()
                and token not in _NOT_FAMILY
            ):
                return None
    for token in tokens[:-1]:
        # "Thomas. The": a full stop inside a name ends a sentence, unless
        # it closes an initial or a short abbreviation ("St.", "Jr.").
        if token.endswith(".") and len(token) > 4 and not _INITIALS_RE.match(token):
            return None
    if _INITIALS_RE.match(tokens[-1]) and len(tokens) > 1:
        # "Smith J." (Vancouver order): family first, initials last.
        if all(_INITIALS_RE.match(t) for t in tokens[1:]):
            return Person(family=tokens[0], given=" ".join(tokens[1:]))
        return None
    if len(tokens) == 1:
        return Person(family=tokens[0].strip("."))
    if tokens[0].casefold() in _PARTICLES:
        # "De La Calle": a family name with its particles, no given name.
        return Person(family=" ".join(tokens))
    # The family name starts at the first particle after a given name, or is
    # the last token ("Luis De La Calle" -> "De La Calle").
    split = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if tokens[i].casefold() in _PARTICLES:
            split = i
            break
    if split >= 2 and tokens[split] in _SPANISH_JOINERS:
        # "Ana Núñez de la Peña": a lower-case "de"/"del"/"y" joins two family
        # names, so the family starts one name before it ("Núñez de la Peña").
        split -= 1
    return Person(family=" ".join(tokens[split:]), given=" ".join(tokens[:split]))


def _parse_inverted(family: str, given: str) -> Person | None:
    fam_tokens = family.split()
    giv_tokens = given.split()
    if not 1 <= len(fam_tokens) <= 4 or not 1 <= len(giv_tokens) <= 4:
        return None
    if not all(_is_name_token(t) for t in fam_tokens + giv_tokens):
        return None
    if fam_tokens[-1].casefold() in _PARTICLES or fam_tokens[0].casefold() in _STOP_WORDS:
        return None
    # Given names after the comma may carry trailing particles ("Calle, Luis de").
    trailing = [t for t in giv_tokens if t.casefold() in _PARTICLES]
    given_only = [t for t in giv_tokens if t.casefold() not in _PARTICLES]
    if not given_only:
        return None
    fam = " ".join([*trailing, *fam_tokens])
    return Person(family=fam, given=" ".join(given_only))


_SUFFIX_RE = re.compile(r"^\s*(?:Jr|Sr|II|III|IV|Esq|Ph\.?\s?D|M\.?D)\.?\s*$")


def _reads_inverted(chunks: list[str], *, alone: bool) -> bool:
    """ "Smith, J., Jones, K." or "Boghardt, Thomas" rather than "John Smith, Mary Jones"."""
    families, givens = chunks[0::2], chunks[1::2]
    if not all(_given_like(g) for g in givens):
        return False
    if any(_INITIALS_RE.match(f.split()[0]) for f in families if f.split()):
        return False  # "K. He, X. Lin": initials first, so every name is in direct order
    if any(_INITIALS_RE.match(t) for g in givens for t in g.split()):
        return True
    if len(chunks) == 2 and alone:
        # One inverted name ("García Márquez, Gabriel"): a two-person list
        # would be joined with "and".
        return True
    # Full names ("John Smith") in family position mean a list in direct order.
    return all(len([t for t in f.split() if t.casefold() not in _PARTICLES]) == 1 for f in families)


def _given_like(text: str) -> bool:
    """Initials or one to three given names: what follows "Family," in a bibliography."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 3:
        return False
    return all(_is_name_token(t) for t in tokens)


def parse_authors(text: str, *, inverted: bool = False) -> tuple[tuple[Person, ...], bool] | None:
    """The people (or organisation) in ``text`` and whether "et al." followed.

    ``inverted`` allows "Family, Given" forms (bibliographies, APA), which in
    a note would be confused with "Author, Title".
    """
    body = text.strip(" ,;:")
    if (
        body.endswith(".")
        and not re.search(r"(?:^|[\s.])[A-Z]\.$", body)
        and not institutional(body.rsplit(None, 1)[-1])  # "Cong. Rsch. Serv." keeps its stop
    ):
        body = body[:-1].rstrip(" ,")
    if not body or len(body) > 160:
        return None
    et_al = False
    m = _ET_AL_RE.search(body)
    if m:
        et_al = True
        body = body[: m.start()].strip(" ,")
        if not body:
            return None
    if looks_corporate(body):
        if len(body.split()) > 12 or not body[0].isupper() or re.search(r"\d", body):
            return None
        if inverted and "," in body and body.casefold() not in _KNOWN_ORGS:
            return None
        # A title like "The Peace of Westphalia" is not an organisation even
        # though it might contain "House"; demand no lower-case function words
        # other than of/for/on/and/the inside organisation names.
        lowers = [w for w in body.split() if w[:1].islower()]
        allowed = {"of", "for", "on", "and", "the", "de", "la", "del", "des", "du", "&"}
        if any(w.casefold() not in allowed for w in lowers):
            return None
        return (Person(family=body, corporate=True),), et_al
    parts = [p.strip() for p in _AND_RE.split(body) if p.strip()]
    people: list[Person] = []
    for part in parts:
        # "John Smith, Jr.": a suffix is part of the name before it, not a person.
        chunks = [c.strip() for c in part.split(",") if c.strip() and not _SUFFIX_RE.match(c)]
        if inverted and len(chunks) % 2 == 0 and _reads_inverted(chunks, alone=len(parts) == 1):
            # "Smith, J., Jones, K." or "Boghardt, Thomas": family, given pairs.
            pairs = [_parse_inverted(chunks[i], chunks[i + 1]) for i in range(0, len(chunks), 2)]
            if all(p is not None for p in pairs):
                people.extend(p for p in pairs if p is not None)
                continue
        for chunk in chunks:
            person = parse_person(chunk)
            if person is None:
                return None
            people.append(person)
    if not people:
        return None
    # A lone single word ("Reuters", "Kissinger") is a family name only when
    # the caller says so by asking; here it stays a person with no given name.
    return tuple(people), et_al
