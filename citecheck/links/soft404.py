"""Soft 404s: "not found" pages that answer 200, and redirects that dump readers on the home page.

No status code gives these away, so the test is comparative: ask the same
site for a made-up sibling address (same directory, random name) and compare
the two answers. If the cited page ends where the made-up one ends, or looks
the same (same title and nearly the same text), the site is showing its
"not found" page for the citation too. A site that answers the made-up
address with a real 404 has proved it does not do soft 404s, so a 200 there
is believed.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from rapidfuzz import fuzz

from citecheck.links.urls import normalise_url

__all__ = ["Observation", "compare", "is_home_page_redirect", "probe_url", "says_not_found"]

_TEXT_SAMPLE = 6000  # characters compared: enough to see past a shared template
_SAME_TITLE_SIMILARITY = 80.0
_SIMILARITY = 95.0
_HOME_PATHS = re.compile(r"^/(?:index\.\w+|home|default\.\w+)?$", re.I)
# A language's home: "/en/", "/pt-br", "/de_AT/". Only real language codes count
# (ISO 639-1, and the country codes sites commonly use for one), and a bare
# two-letter segment only with its slash: "/ok", "/tv" or "/ai" is a page.
_LANGUAGE_HOME = re.compile(r"^/([a-z]{2})(?:/|[-_][a-z]{2}/?)$", re.I)
_LANGUAGE_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv"
    " cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr"
    " ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw"
    " ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv"
    " ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr"
    " ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi"
    " yo za zh zu"
    " cn cz dk gr jp ua"  # countries standing for their language in many sites' paths
)
_LANGUAGES = frozenset(_LANGUAGE_CODES.split())
_NOT_FOUND_TITLE = re.compile(
    r"\b(?:page|file|document|article|content|resource)\s+(?:was\s+)?not\s+found\b"
    r"|^\s*(?:error\s*)?404\b|\b404\s*[-:|–]\s*|\bnot\s+found\s*[-:|–(]\s*404\b"
    r"|\b(?:page|content)\s+(?:does\s+not|doesn't)\s+exist\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Observation:
    """What one GET of a page came to, for comparison."""

    url: str
    status: int | None
    final_url: str
    redirected: bool
    title: str | None
    text: str | None


def probe_url(url: str) -> str:
    """A made-up sibling of ``url``: same directory, a name no site will have."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    name = f"citecheck-{secrets.token_hex(8)}"
    return urlunsplit((parts.scheme, parts.netloc, f"{directory}/{name}", "", ""))


def probe_key(url: str) -> str:
    """Pages in the same directory share one probe."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    return f"{parts.scheme}://{parts.netloc}{directory}/"


def is_home_path(path: str) -> bool:
    """Whether a URL path is a site's home: the root, an index page, or a language's root."""
    if _HOME_PATHS.match(path or "/"):
        return True
    language = _LANGUAGE_HOME.match(path)
    return language is not None and language.group(1).lower() in _LANGUAGES


def is_home_page_redirect(cited: str, final: str) -> bool:
    """True when a deep address was redirected to the root (or a language root) of a site."""
    cited_parts, final_parts = urlsplit(cited), urlsplit(final)
    if is_home_path(cited_parts.path) and not cited_parts.query:
        return False  # the citation was the home page itself
    return is_home_path(final_parts.path) and not final_parts.query


def says_not_found(title: str | None) -> bool:
    """A page title that announces a missing page ("Page not found", "404 - ...")."""
    return bool(title) and bool(_NOT_FOUND_TITLE.search(title or ""))


def compare(cited: Observation, probe: Observation) -> str | None:
    """Why the cited page is the site's "not found" page, or None when it is not."""
    if probe.status is None or probe.status in {404, 410} or probe.status >= 500:
        return None
    same_end = normalise_url(cited.final_url) == normalise_url(probe.final_url)
    if cited.redirected and probe.redirected and same_end:
        return (
            f"it redirects to {cited.final_url}, where the site also sends a made-up "
            "address: the page is gone"
        )
    if cited.status != probe.status or not (200 <= (cited.status or 0) < 300):
        return None
    cited_text = _comparable(cited)
    probe_text = _comparable(probe)
    if not cited_text or not probe_text:
        return None
    similarity = fuzz.ratio(cited_text, probe_text)
    same_title = (cited.title or "").strip().lower() == (probe.title or "").strip().lower()
    if (same_title and similarity >= _SAME_TITLE_SIMILARITY) or similarity >= _SIMILARITY:
        # Say what was compared: the text with each address's words taken out, and the titles.
        if same_title:
            titles = f"the same title ('{cited.title}') and " if cited.title else ""
        else:
            shown = " and ".join(f"'{t}'" if t else "none" for t in (cited.title, probe.title))
            titles = f"another title ({shown}) but "
        return (
            f"the page has {titles}a text {similarity:.0f}% like the site's answer for a"
            " made-up address (compared with the words of each address taken out):"
            " a 'not found' page served with 200"
        )
    return None


def _comparable(observation: Observation) -> str:
    """The text with the page's own address words removed: not-found pages echo the path."""
    text = (observation.text or "")[:_TEXT_SAMPLE]
    for url in {observation.url, observation.final_url}:
        path = urlsplit(url).path
        for word in filter(None, re.split(r"[/._-]+", path)):
            if len(word) > 2:
                text = text.replace(word, " ")
    return re.sub(r"\s+", " ", text).strip().lower()
