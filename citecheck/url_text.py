"""URLs and DOIs as written in a note's text: the patterns the citations stage takes them by.

A leaf module (it imports nothing of citecheck), so the pipeline can list the
URLs a manuscript's notes show and start checking them before the citation
parser, a far heavier import and run, has read a single note.
"""

from __future__ import annotations

import re

__all__ = ["DOI_IN_URL_RE", "DOI_RE", "URL_RE", "strip_url", "urls_and_dois"]

URL_RE = re.compile(r"<(?:https?://|www\.)[^\s<>]+>|(?:https?://|www\.)[^\s<>\"“”]+")
DOI_RE = re.compile(r"\b(?:doi:\s*|DOI:?\s*)(10\.\d{4,9}/[^\s\"“”<>]+)", re.IGNORECASE)
DOI_IN_URL_RE = re.compile(r"doi\.org/(10\.\d{4,9}/\S+)", re.IGNORECASE)


def strip_url(url: str) -> str:
    """A URL as matched by ``URL_RE`` without the sentence's punctuation around it."""
    url = url.strip("<>")
    # Trailing punctuation belongs to the sentence, except a closing bracket
    # the URL itself opened (Wikipedia's "..._(novel)").
    while url and url[-1] in ".,;:!?'\"”’>]}":
        url = url[:-1]
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def urls_and_dois(text: str) -> tuple[list[str], list[str]]:
    """Every URL (as the citations stage trims it) and every DOI written in ``text``.

    A superset of what the parser keeps for the note's citations: it takes
    one DOI per citation and none from a URL it drops, so a caller that acts
    on these early must still join its results to the parsed citations.
    """
    urls: list[str] = []
    dois: list[str] = []
    for m in URL_RE.finditer(text):
        url = strip_url(m.group())
        if len(url) < 8:
            continue
        urls.append(url)
        doi = DOI_IN_URL_RE.search(url)
        if doi:
            dois.append(doi.group(1).rstrip(".,;"))
    for m in DOI_RE.finditer(text):
        dois.append(m.group(1).rstrip(".,;)"))
    return urls, dois
