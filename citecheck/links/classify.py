"""From what a server (or the network) said to one verdict and a reason a person can act on.

The rule that matters most: only a *definitive* answer makes a link ``dead``.
A bot wall (401/403/451/999, Cloudflare challenges, captcha pages) proves
nothing about the page behind it, so it is ``blocked``; a timeout or a
dropped connection is ``timeout``; a machine without network is ``offline``.
Those three are "unverified" and never counted as rot.
"""

from __future__ import annotations

import errno
import re
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from citecheck.model import LinkStatus

__all__ = [
    "NetworkFailure",
    "challenge_reason",
    "login_redirect",
    "network_failure",
    "status_verdict",
]

_CHALLENGE_TITLES = (
    "just a moment",
    "attention required",
    "access denied",
    "are you a robot",
    "are you a human",
    "verify you are human",
    "security check",
    "bot verification",
    "ddos-guard",
    "pardon our interruption",
    "request rejected",
    "robot check",
)
_CHALLENGE_MARKERS = (
    b"cf-chl",
    b"challenge-platform",
    b"g-recaptcha",
    b"h-captcha",
    b"hcaptcha",
    b"captcha",
    b"_incapsula_resource",
    b"px-captcha",
    b"verify you are human",
    b"checking your browser",
    b"enable javascript and cookies to continue",
)


def challenge_reason(
    status: int, headers: httpx.Headers, title: str | None, body: bytes
) -> str | None:
    """Why this answer looks like a bot wall rather than the page, or None.

    On a 2xx only strong signals count (the ``cf-mitigated`` header, a
    challenge title): an article about captchas is still an article.
    """
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "the site answered with a Cloudflare challenge (cf-mitigated: challenge)"
    lowered = (title or "").strip().lower()
    if any(lowered.startswith(marker) for marker in _CHALLENGE_TITLES):
        return f"the site answered with a bot check page ('{title}')"
    if status >= 400:
        sample = body[:65536].lower()
        for marker in _CHALLENGE_MARKERS:
            if marker in sample:
                return f"the site answered {status} with a bot check page ({marker.decode()})"
    return None


_LOGIN_PATH = re.compile(
    r"/(?:login|log-in|signin|sign-in|sso|auth|authenticate|cas/login|idp|saml2?)(?:[/?.]|$)"
    r"|/(?:account|accounts|users?|session)/(?:login|signin|sign_in|new)\b",
    re.IGNORECASE,
)


def login_redirect(final_url: str) -> bool:
    """True when a redirect ended on a login page: the page is behind a wall, not gone."""
    parts = urlsplit(final_url)
    return bool(_LOGIN_PATH.search(parts.path)) or parts.hostname in {
        "accounts.google.com",
        "login.microsoftonline.com",
    }


def status_verdict(status: int, *, attempts: int) -> tuple[LinkStatus, str]:
    """The verdict for a final non-2xx, non-redirect HTTP status."""
    tries = "" if attempts <= 1 else f" on all {attempts} tries"
    if status in {404, 410}:
        gone = "is gone (410 Gone)" if status == 410 else "was not found (404)"
        # No advice here: the finding adds it, naming the archived copy when there is one.
        return LinkStatus.DEAD, f"the page {gone}"
    if status in {401, 403, 407, 451, 999}:
        what = {
            401: "asks for a login (401)",
            403: "refused the checker (403 Forbidden), as bot walls do",
            407: "needs a proxy login (407)",
            451: "is unavailable for legal reasons here (451)",
            999: "refused the checker with LinkedIn's 999 bot block",
        }[status]
        return LinkStatus.BLOCKED, f"unverified: the site {what}; open it in a browser to check"
    if status == 429:
        return (
            LinkStatus.BLOCKED,
            f"unverified: the site kept rate-limiting the checker (429){tries}; try again later",
        )
    if status in {408, 504, 522, 524}:
        return LinkStatus.TIMEOUT, f"unverified: the server timed out ({status}){tries}"
    if status >= 500:
        return (
            LinkStatus.DEAD,
            f"the server failed ({status}){tries}; if the site is back later, recheck",
        )
    return LinkStatus.DEAD, f"the server refused the address ({status}); check the URL for typos"


class NetworkFailure:
    """What kind of network failure an httpx exception stands for."""

    REFUSED = "refused"
    NO_SUCH_HOST = "no-such-host"
    NETWORK_DOWN = "network-down"
    TIMEOUT = "timeout"
    TLS = "tls"
    DROPPED = "dropped"
    INVALID = "invalid"
    MALFORMED = "malformed"  # an answer no browser would accept (oversized headers)
    POLICY = "policy"  # an address the policy refuses (private, link-local ...)
    WAIT = "wait"  # the server asked for a longer wait than max_retry_after allows


_DOWN_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}
_NO_SUCH_HOST_EAI = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


def network_failure(error: BaseException) -> tuple[str, str]:
    """Kind (a ``NetworkFailure`` value) and a one-line reason for a request failure."""
    if isinstance(error, httpx.TimeoutException):
        phase = "connecting" if isinstance(error, httpx.ConnectTimeout) else "waiting for the page"
        return NetworkFailure.TIMEOUT, f"unverified: timed out while {phase}"
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return NetworkFailure.INVALID, f"not a checkable address ({error})"
    if isinstance(error, httpx.RemoteProtocolError):
        text = str(error)
        if "buffer too long" in text.lower():  # h11: a header block past 100 KiB
            return (
                NetworkFailure.MALFORMED,
                "the server's headers run past 100 KiB (browsers give up long before)",
            )
        return (
            NetworkFailure.DROPPED,
            f"unverified: the server broke off or garbled its answer ({text or 'no detail'})",
        )
    chain = list(_causes(error))
    for cause in chain:
        if isinstance(cause, socket.gaierror):
            if cause.errno in _NO_SUCH_HOST_EAI:
                return NetworkFailure.NO_SUCH_HOST, "the host name does not exist (DNS)"
            return NetworkFailure.NETWORK_DOWN, f"unverified: DNS lookup failed ({cause})"
        if isinstance(cause, ConnectionRefusedError):
            return NetworkFailure.REFUSED, "the server refused the connection (nothing listens)"
        if isinstance(cause, OSError) and cause.errno in _DOWN_ERRNOS:
            return NetworkFailure.NETWORK_DOWN, f"unverified: network unreachable ({cause})"
    text = " ".join(str(cause) for cause in chain).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return NetworkFailure.NO_SUCH_HOST, "the host name does not exist (DNS)"
    if "connection refused" in text or f"errno {errno.ECONNREFUSED}]" in text:
        return NetworkFailure.REFUSED, "the server refused the connection (nothing listens)"
    if "certificate" in text or "ssl" in text or "tls" in text:
        return (
            NetworkFailure.TLS,
            f"the secure connection failed ({error}); readers will see a warning",
        )
    if isinstance(error, httpx.ConnectError):
        # No sign of which: the network itself may be down. Counted towards
        # offline detection, never as a verdict on the URL.
        return NetworkFailure.NETWORK_DOWN, f"unverified: could not connect ({error or 'no route'})"
    return NetworkFailure.DROPPED, f"unverified: the connection dropped ({type(error).__name__})"


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
