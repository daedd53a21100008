"""Labelled citation strings -> footnotes written the way authors write them.

A note gets one to three works, each perhaps opened by a signal ("See also",
"Cf.", "Vgl.") and closed by a pinpoint in its style's way (", 381", " 120"
after a book's brackets, "at 36", "p. 12", "pp. 80-1", "n 7", "para 4",
"[23]", "347 ff.", "Rn. 12", "S. 45 f.", "(1236)"), with a sentence of
commentary round them now and then, and short forms of earlier works
("Walby (n 3) 385", "above n 7", "Ibid 12", "Id. at 5", "supra note 7",
"a.a.O., S. 47", "ebd.", "op. cit."). Labels travel with the characters,
so every note is labelled by construction. German footnote forms the CSL
styles do not produce ("NJW 2005, 1234 (1236)", "BVerfGE 65, 1 (43)",
"3. Aufl. 2010") are composed here from the same works.
"""

from __future__ import annotations

import random
import re
from typing import Any

from citecheck.citations.crf.tokens import Labelled

__all__ = ["build_notes", "german_forms"]

Part = tuple[str, str]


def _join(parts: list[Part]) -> Labelled:
    text = "".join(p for p, _ in parts)
    labels = [label for p, label in parts for _ in p]
    return Labelled(text, labels)


def _concat(*items: Labelled) -> Labelled:
    return Labelled("".join(i.text for i in items), [lab for i in items for lab in i.labels])


def _plain(text: str) -> Labelled:
    return Labelled(text, ["O"] * len(text))


_FAMILY_OF = {
    "oscola-citecheck": "law",
    "australian-guide-to-legal-citation": "law",
    "cambridge-university-press-law-note": "law",
    "chicago-notes-bibliography-17th-edition": "chicago",
    "mhra-citecheck": "mhra",
    "bluebook-law-review": "bluebook",
    "juristische-schulung": "german",
    "computer-und-recht": "german",
    "german": "german",
}
_SIGNALS = {
    "law": ["", "", "", "See ", "See also ", "Cf ", "cf ", "See generally ", "See eg ", "Compare "],
    "chicago": ["", "", "", "See ", "See also ", "Cf. ", "For a critique, see "],
    "mhra": ["", "", "", "See ", "See also ", "Cf. ", "Compare "],
    "bluebook": ["", "", "See ", "See also ", "Cf. ", "See, e.g., ", "But see ", "See generally "],
    "german": ["", "", "Vgl. ", "Vgl. auch ", "Siehe ", "Ebenso ", "So auch ", "Anders "],
    "reference": ["", "", "", "See ", "Cf. "],
}
_COMMENT_AFTER = {
    "law": [" The point is developed at length there.", " This was doubted on appeal."],
    "chicago": [" Her argument has been widely criticised.", " The figures are disputed."],
    "mhra": [" The wording differs in later editions."],
    "bluebook": [" (discussing the doctrine at length)", " (arguing the opposite)"],
    "german": [" Anders die h.M.", " Dazu kritisch die Rechtsprechung."],
    "reference": [""],
}


def _pin(rng: random.Random, family: str, kind: str, text: str) -> list[Part]:
    """A pinpoint in the style's way, as parts (number labelled ``pinpoint``)."""
    n = str(rng.randint(2, 480))
    if family == "german":
        form = rng.randrange(5)
        if form == 0:
            return [(", S. ", "O"), (n, "pinpoint"), (rng.choice(["", " f.", " ff."]), "O")]
        if form == 1:
            return [(", Rn. ", "O"), (str(rng.randint(1, 90)), "pinpoint")]
        if form == 2:
            return [(" (", "O"), (n, "pinpoint"), (")", "O")]
        if form == 3:
            return [(", ", "O"), (n, "pinpoint"), (" ff.", "O")]
        return [(", ", "O"), (n, "pinpoint")]
    if family == "law":
        if kind == "case" and rng.random() < 0.5:
            return [(" [", "O"), (str(rng.randint(1, 120)), "pinpoint"), ("]", "O")]
        if text.endswith(")") and kind != "case":
            return [(" ", "O"), (n, "pinpoint")]
        form = rng.randrange(4)
        if form == 3:
            return [(", ", "O"), (n, "pinpoint"), (f" n {rng.randint(1, 90)}", "O")]
        if form == 2:
            return [(", para ", "O"), (str(rng.randint(1, 90)), "pinpoint")]
        return [(", ", "O"), (n, "pinpoint")]
    if family in ("chicago", "mhra", "reference"):
        form = rng.randrange(4)
        if form == 0 or family == "chicago":
            return [(", ", "O"), (n, "pinpoint")]
        if form == 1:
            return [(", p. ", "O"), (n, "pinpoint")]
        if form == 2:
            return [(", pp. ", "O"), (f"{n}–{int(n) + rng.randint(1, 9)}", "pinpoint")]
        return [(", at ", "O"), (n, "pinpoint")]
    return [(", ", "O"), (n, "pinpoint")]


def _with_pin(item: Labelled, family: str, kind: str, rng: random.Random) -> Labelled:
    text = item.text.rstrip(". ")
    labels = item.labels[: len(text)]
    pin = _join(_pin(rng, family, kind, text))
    if family == "bluebook":
        # "28 Sociology 379, 381 (1994)": the pinpoint goes before the year.
        m = re.search(r" \([^()]*\)$", text)
        if m:
            head = Labelled(text[: m.start()], labels[: m.start()])
            tail = Labelled(text[m.start() :], labels[m.start() :])
            return _concat(head, pin, tail, _plain("."))
    return _concat(Labelled(text, labels), pin, _plain("."))


def _kind(work: dict[str, Any]) -> str:
    return str({"legal_case": "case", "legislation": "statute"}.get(work["type"], work["type"]))


def _family_name(work: dict[str, Any]) -> str | None:
    people = work.get("author") or work.get("editor") or ()
    for p in people:
        return str(p.get("family") or p.get("literal") or "") or None
    return None


def _short(rng: random.Random, family: str, work: dict[str, Any], note: int) -> str | None:
    name = _family_name(work)
    n = rng.randint(2, 480)
    if family == "german":
        if name is None:
            return None
        return rng.choice(
            [
                f"{name}, a.a.O., S. {n}.",
                f"Ebd., S. {n}.",
                f"{name} (Fn. {note}), S. {n}.",
                f"{name}, a.a.O. (Fn. {note}), Rn. {n % 40 + 1}.",
                "Ebd.",
            ]
        )
    if name is None:
        return rng.choice([f"Ibid {n}.", "Ibid."])
    if family == "law":
        return rng.choice(
            [f"{name} (n {note}) {n}.", f"{name}, above n {note}, {n}.", f"Ibid {n}.", "ibid."]
        )
    if family == "bluebook":
        return rng.choice([f"{name}, supra note {note}, at {n}.", f"Id. at {n}.", "Id."])
    return rng.choice([f"Ibid., {n}.", f"{name}, op. cit., p. {n}.", "Ibid."])


def build_notes(rendered: list[tuple[str, dict[str, Any], Labelled]], seed: int) -> list[Labelled]:
    """Footnotes built from the rendered citations, in a fixed random order."""
    rng = random.Random(seed)
    order = list(range(len(rendered)))
    rng.shuffle(order)
    notes: list[Labelled] = []
    recent: list[tuple[str, dict[str, Any], int]] = []
    i = 0
    while i < len(order):
        count = rng.choice([1, 1, 1, 2, 2, 3])
        group = [rendered[k] for k in order[i : i + count]]
        i += count
        parts: list[Labelled] = []
        for n, (style, work, item) in enumerate(group):
            family = _FAMILY_OF.get(style, "reference")
            kind = _kind(work)
            piece = _with_pin(item, family, kind, rng) if rng.random() < 0.7 else item
            signal = rng.choice(_SIGNALS[family])
            if n:
                signal = signal.lower() if family != "german" else signal
                parts.append(_plain("; "))
                piece = Labelled(
                    piece.text.rstrip("."), piece.labels[: len(piece.text.rstrip("."))]
                )
            elif len(group) > 1:
                piece = Labelled(
                    piece.text.rstrip("."), piece.labels[: len(piece.text.rstrip("."))]
                )
            parts.append(_concat(_plain(signal), piece))
            recent.append((family, work, len(notes) + 1))
        if len(group) > 1:
            parts.append(_plain("."))
        note = _concat(*parts)
        if rng.random() < 0.15:
            family = _FAMILY_OF.get(group[0][0], "reference")
            note = _concat(note, _plain(rng.choice(_COMMENT_AFTER[family])))
        notes.append(note)
        if recent and rng.random() < 0.25:
            family, work, at = rng.choice(recent[-6:])
            short = _short(rng, family, work, at)
            if short:
                notes.append(_plain(short))
    return notes


def _initial_free(person: dict[str, str]) -> str:
    return str(person.get("family") or person.get("literal") or "")


def german_forms(
    works: list[dict[str, Any]], seed: int
) -> list[tuple[str, dict[str, Any], Labelled]]:
    """German footnote forms of articles, books, chapters and cases."""
    rng = random.Random(seed)
    out: list[tuple[str, dict[str, Any], Labelled]] = []
    for work in works:
        year = str(work.get("issued", {}).get("date-parts", [[0]])[0][0])
        authors = work.get("author") or []
        names: list[Part] = []
        for k, person in enumerate(authors[:3]):
            if k:
                names.append(("/", "author"))
            if rng.random() < 0.3 and person.get("given"):
                names.append((person["given"][0] + ". ", "author"))
            names.append((_initial_free(person), "author"))
        page = str(work.get("page", "")).split("-")[0]
        kind = work["type"]
        parts: list[Part]
        if kind == "article-journal" and page:
            journal = work.get("container-title-short") or work["container-title"]
            if rng.random() < 0.5:
                parts = [
                    *names,
                    (", ", "O"),
                    (journal, "container"),
                    (" ", "O"),
                    (year, "date"),
                    (", ", "O"),
                    (page, "pages"),
                ]
            else:
                parts = [
                    *names,
                    (", ", "O"),
                    (work["title"], "title"),
                    (", ", "O"),
                    (journal, "container"),
                    (" ", "O"),
                    (year, "date"),
                    (", ", "O"),
                    (page, "pages"),
                ]
            if not names:
                continue
        elif kind == "book" and names:
            parts = [*names, (", ", "O"), (work["title"], "title"), (", ", "O")]
            if work.get("edition"):
                parts.append((f"{work['edition']}. Aufl. ", "edition"))
            if rng.random() < 0.4:
                parts.append((work["publisher-place"], "place"))
                parts.append((" ", "O"))
            parts.append((year, "date"))
        elif kind == "chapter" and names and work.get("editor"):
            editor = work["editor"][0]["family"]
            parts = [
                *names,
                (", in: ", "O"),
                (editor, "editor"),
                (" (Hrsg.), ", "O"),
                (work["container-title"], "container"),
                (", ", "O"),
                (year, "date"),
                (", S. ", "O"),
                (page, "pages"),
            ]
        elif (
            kind == "legal_case"
            and work.get("volume")
            and work["container-title"] in ("BVerfGE", "BGHZ", "BGHSt", "BVerwGE")
        ):
            parts = [
                (work["container-title"], "container"),
                (" ", "O"),
                (work["volume"], "volume"),
                (", ", "O"),
                (work["page"], "pages"),
            ]
        elif kind == "legal_case" and work["container-title"] in ("NJW", "JZ", "NVwZ", "DÖV"):
            parts = [
                (work["title"], "title"),
                (", ", "O"),
                (work["container-title"], "container"),
                (" ", "O"),
                (year, "date"),
                (", ", "O"),
                (work["page"], "pages"),
            ]
        else:
            continue
        out.append(("german", work, _join(parts)))
    return out
