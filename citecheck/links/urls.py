"""Cited URLs made comparable: one spelling per address, DOI links aimed at the resolver.

Two notes may cite the same page as ``HTTP://Example.org:80/a#`` and
``http://example.org/a``; the checker must ask the site once. Normalising
only touches what cannot change the answer (scheme and host case, a default
port, an empty fragment or query marker); paths and queries are kept as
written because servers may treat them case-sensitively.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "DOI_LINK",
    "doi_link",
    "doi_target",
    "normalise_url",
    "request_target",
    "without_fragment",
]

DOI_LINK = "https://doi.org/"  # how a DOI is shown as a link, whatever resolver asks it
_DEFAULT_PORTS = {"http": 80, "https": 443}
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_DOI_NAME = re.compile(r"^10\.\d{4,9}/\S+$")


# Reports and the verdict join link results to citations by this spelling, tens of
# thousands of times in a large run: remember the answers (a pure function of the string).
@functools.lru_cache(maxsize=65536)
def normalise_url(url: str) -> str:
    """One spelling per address: lower-case scheme and host, no default port, no bare ``#``/``?``.

    A string that is not an absolute URL comes back stripped but otherwise as
    given, so the caller can still report it.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    if not parts.scheme or not parts.hostname:
        return text
    scheme = parts.scheme.lower()
    host = parts.hostname  # urlsplit lower-cases it already
    if ":" in host:  # an IPv6 literal needs its brackets back
        host = f"[{host}]"
    userinfo = ""
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password else "") + "@"
    netloc = userinfo + host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    path = parts.path or ("/" if scheme in _DEFAULT_PORTS else "")
    return urlunsplit((scheme, netloc, path, parts.query, parts.fragment))


def without_fragment(url: str) -> tuple[str, str]:
    """The URL without its ``#fragment``, and the fragment ("" when none)."""
    base, _, fragment = url.partition("#")
    return base, fragment


def doi_link(doi: str) -> str:
    """A citation's DOI as the link a reader is shown: ``https://doi.org/10.1000/x``.

    Never the ``doi-resolver`` setting's address: that is where the links stage
    asks (``doi_target`` aims a doi.org link there), not what the author cited.
    """
    return DOI_LINK + doi.strip()


def doi_target(url: str, *, resolver: str) -> str | None:
    """Where to ask about a DOI link, or None when ``url`` is not one.

    ``https://doi.org/10.1000/x``, ``http://dx.doi.org/10.1000/x`` and
    ``doi:10.1000/x`` all become ``<resolver>10.1000/x``; the resolver is a
    setting so that tests (and institutions with their own) can point it
    elsewhere. A URL already under the resolver (``<resolver>10.1000/x``, as
    the pipeline asks for a citation's DOI) is a DOI link too.
    """
    text = url.strip()
    name: str | None = None
    base = normalise_url(resolver.rstrip("/") + "/")
    if text.lower().startswith("doi:"):
        name = text[4:].strip()
    elif (spelled := normalise_url(text)).startswith(base) and "://" in base:
        name = spelled[len(base) :]
    else:
        try:
            parts = urlsplit(text)
        except ValueError:
            return None
        if parts.scheme.lower() in _DEFAULT_PORTS and (parts.hostname or "") in _DOI_HOSTS:
            name = parts.path.lstrip("/")
            if parts.query:
                name += "?" + parts.query
    if name is None or not _DOI_NAME.match(name):
        return None
    return resolver.rstrip("/") + "/" + name


def cache_key(key: str, *, resolver: str) -> str:
    """Where the link cache keeps the verdict on ``key`` (a normalised URL).

    ``key`` itself, except a DOI link asked of another resolver than doi.org:
    that verdict is the other resolver's, kept under its address (the DOI's
    ``request_target``), so no resolver's verdict stands for another's. With
    the default resolver the keys are what they always were.
    """
    if normalise_url(resolver.rstrip("/") + "/") == DOI_LINK:
        return key
    target = doi_target(key, resolver=resolver)
    return key if target is None else normalise_url(target)


def request_target(url: str, *, resolver: str) -> tuple[str, bool]:
    """What to fetch for a cited URL, and whether it is a DOI link.

    A DOI link (``doi_target``) is fetched at the resolver, anything else
    without its fragment. The links and the archive stages both fetch this,
    so with a resolver set no request of either goes to doi.org.
    """
    doi = doi_target(url, resolver=resolver)
    if doi is not None:
        return doi, True
    return without_fragment(url)[0], False
