"""Link checks started before the citations are parsed, joined to them afterwards.

The notes' text shows their URLs and DOIs (``url_text``, the patterns the
citation parser takes them by), so the links stage can start on those at
once while the parser, the slow part, reads the notes. Once the citations
are known, ``join`` keeps the verdicts of the URLs they cite (with the
citations' own spelling and notes) and names the cited URLs the text did not
show, to be checked then. The link results come out as one ``check_links``
call over the citations' URLs would give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from citecheck.links import normalise_url
from citecheck.links.urls import doi_link, doi_target
from citecheck.model import FootnoteSet, LinkResult
from citecheck.url_text import urls_and_dois

__all__ = ["Joined", "join", "noted_urls", "without_cited_doi"]


def without_cited_doi(
    doi_links: Iterable[str], cited: Sequence[str], doi_resolver: str
) -> list[str]:
    """The DOI links (``doi_link``) of DOIs that no cited URL already names as a DOI link.

    A note citing ``https://doi.org/10.1/x`` shows the DOI twice (as written, and
    ``10.1/x`` read out of it); so does one citing ``http://dx.doi.org/10.1/x``
    or the resolver's own address, which differ from the DOI link in spelling
    and are one DOI, asked once.
    """
    asked = list(doi_links)
    if not asked:
        return asked  # most notes show no DOI: no cited URL to read for one
    named = {
        normalise_url(target)
        for url in cited
        if (target := doi_target(url, resolver=doi_resolver)) is not None
    }
    return [
        url
        for url in asked
        if normalise_url(doi_target(url, resolver=doi_resolver) or url) not in named
    ]


def noted_urls(
    footnote_sets: Sequence[FootnoteSet], *, doi_resolver: str = "https://doi.org/"
) -> dict[str, tuple[str, ...]]:
    """Every URL and DOI (as ``https://doi.org/…``) written in the notes, with the notes showing it.

    A DOI is shown as its doi.org link, never as the ``doi-resolver`` setting's
    address: the links stage aims it at the resolver.
    """
    many_files = len({s.manuscript.path for s in footnote_sets}) > 1
    found: dict[str, list[str]] = {}
    for footnote_set in footnote_sets:
        for note in footnote_set.footnotes:
            name = f"{Path(note.location.path).name}:{note.label}" if many_files else note.label
            # The parser may read a note's raw markup (one made without a reader): look in both.
            texts = (note.text, note.raw) if note.raw and note.raw != note.text else (note.text,)
            for text in texts:
                urls, dois = urls_and_dois(text)
                asked = without_cited_doi((doi_link(doi) for doi in dois), urls, doi_resolver)
                for url in (*urls, *asked):
                    labels = found.setdefault(url, [])
                    if name not in labels:
                        labels.append(name)
    return {url: tuple(labels) for url, labels in found.items()}


def _by_address(cited: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    # As ``check_links`` groups its work: one entry per normal spelling, with
    # the first spelling cited and every note citing any spelling.
    grouped: dict[str, tuple[str, list[str]]] = {}
    for url, notes in cited.items():
        _, labels = grouped.setdefault(normalise_url(url), (url.strip(), []))
        labels.extend(label for label in notes if label not in labels)
    return {key: (url, tuple(labels)) for key, (url, labels) in grouped.items()}


@dataclass(frozen=True, slots=True)
class Joined:
    """The early verdicts that answer the cited URLs, and the cited URLs still to check."""

    known: dict[str, LinkResult]  # by normal spelling, with the citations' spelling and notes
    to_check: dict[str, tuple[str, ...]]  # cited URL -> notes, as ``check_links`` takes them
    order: tuple[str, ...]  # the cited addresses' normal spellings, in citing order

    def results(self, checked: Sequence[LinkResult]) -> tuple[LinkResult, ...]:
        """Every cited URL's verdict in citing order, given ``check_links(self.to_check)``."""
        late = dict(zip(_by_address(self.to_check), checked, strict=True))
        return tuple(self.known[key] if key in self.known else late[key] for key in self.order)


def join(
    early: Mapping[str, Sequence[str]],
    found: Sequence[LinkResult],
    cited: Mapping[str, Sequence[str]],
) -> Joined:
    """``found`` (``check_links(early)``) set against the URLs the citations cite.

    A verdict is kept only where the first spelling is the one the citations
    give first (an exclude pattern may match one spelling and not another);
    URLs the text showed but no citation cites are dropped.
    """
    early_by_key = dict(zip(_by_address(early), found, strict=True))
    wanted = _by_address(cited)
    known: dict[str, LinkResult] = {}
    for key, (url, notes) in wanted.items():
        result = early_by_key.get(key)
        if result is not None and result.url == url:
            known[key] = replace(result, notes=notes)
    to_check = {
        url: tuple(notes) for url, notes in cited.items() if normalise_url(url) not in known
    }
    return Joined(known=known, to_check=to_check, order=tuple(wanted))
