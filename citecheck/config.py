"""Settings for a run: defaults, then the config file, then the command line.

Configuration lives in ``[tool.citecheck]`` of a ``pyproject.toml`` or at the
top level of a ``citecheck.toml``; keys use dashes as in the docs
(``fail-on``, ``user-agent``). Service base URLs and keys are also read from
the environment (``CITECHECK_*``) so tests can point them at loopback
stand-ins and secrets stay out of files.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from citecheck.errors import ConfigError
from citecheck.model import Severity

__all__ = [
    "ARCHIVE_PROVIDERS",
    "ArchiveSettings",
    "CheckSettings",
    "LinkSettings",
    "Settings",
    "SourcesSettings",
    "default_cache_path",
    "load_settings",
    "regex_problem",
    "url_problem",
]

VERSION_FOR_UA = "0.1"


def default_cache_path() -> Path:
    """The link cache under the user's cache dir (XDG on Linux)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citecheck" / "links.sqlite3"


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How the link checker behaves."""

    timeout: float = 20.0
    connect_timeout: float = 10.0
    user_agent: str = (
        f"citecheck/{VERSION_FOR_UA} (citation checker; +https://pypi.org/project/citecheck/)"
    )
    max_concurrency: int = 64
    per_host: int = 8
    per_host_limits: tuple[tuple[str, int], ...] = ()
    retries: int = 3
    max_retry_after: float = 60.0
    max_bytes: int = 256 * 1024
    excludes: tuple[str, ...] = ()
    accepted_status: tuple[int, ...] = ()
    cache_path: Path | None = field(default_factory=default_cache_path)
    cache_max_age: float = 24 * 3600.0
    # Check the links of the body text as well, each as a note of its own at its line.
    body_links: bool = False
    offline: bool = False
    probe_soft_404: bool = True
    doi_resolver: str = "https://doi.org/"
    # Well-known names that must resolve when DNS works. When a cited host
    # "does not exist" and none of these resolves either, DNS itself is
    # broken: the links are unverified, not dead. () turns the check off.
    dns_canaries: tuple[str, ...] = ("example.com", "iana.org", "wikipedia.org")
    # Private, link-local and loopback addresses (and names resolving to them) are
    # not fetched unless this is set (intranet manuscripts); loopback is allowed
    # anyway for a URL cited on loopback. See docs/links.md.
    allow_private_addresses: bool = False


@dataclass(frozen=True, slots=True)
class ArchiveSettings:
    """Which archives to use and where they are."""

    enabled: bool = True
    providers: tuple[str, ...] = ("warc",)
    wayback_api: str = "https://archive.org"
    wayback_web: str = "https://web.archive.org"
    perma_api: str = "https://api.perma.cc/v1/"
    ia_keys: str | None = None
    perma_key: str | None = None
    perma_folder: int | None = None
    warc_dir: Path = Path(".citecheck/archive")
    save_new: bool = False
    wayback_rate_per_minute: int = 7
    # Wayback look-up budgets a minute. The defaults are the public service's
    # (archive.throttle.ServiceLimits says where they come from); only a private
    # mirror may have more (``load_settings`` refuses more for archive.org).
    cdx_per_minute: int = 24
    availability_per_minute: int = 20


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Which consistency rules run and what they read."""

    disabled_rules: tuple[str, ...] = ()
    ledger: Path | None = None


@dataclass(frozen=True, slots=True)
class SourcesSettings:
    """Where the sources stage looks cited works up, and how politely.

    ``rate`` is each service's starting pace in requests a second; Crossref's
    ``X-Rate-Limit-*`` headers replace it once it answers. Answers are cached
    in the link cache file (``LinkSettings.cache_path``), in a table of their
    own: records for ``cache_max_age`` seconds, "no such work" for
    ``not_found_max_age``.
    """

    enabled: bool = True
    crossref_api: str = "https://api.crossref.org"
    openalex_api: str = "https://api.openalex.org"
    courtlistener_api: str = "https://www.courtlistener.com"
    courtlistener_token: str | None = field(default=None, repr=False)
    mailto: str | None = None
    rate: float = 10.0
    concurrency: int = 4
    timeout: float = 15.0
    connect_timeout: float = 5.0
    retries: int = 3
    max_retry_after: float = 60.0
    rows: int = 5
    # A service answering 429 this many times in a row, or for this many seconds, is
    # refusing: it is not asked again in the run (its lookups end unverified).
    most_refusals: int = 10
    refusal_budget: float = 120.0
    cache_max_age: float = 30 * 24 * 3600.0
    not_found_max_age: float = 24 * 3600.0
    openalex_retractions: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one run needs to know, frozen."""

    links: LinkSettings = field(default_factory=LinkSettings)
    archive: ArchiveSettings = field(default_factory=ArchiveSettings)
    checks: CheckSettings = field(default_factory=CheckSettings)
    sources: SourcesSettings = field(default_factory=SourcesSettings)
    fail_on: Severity = Severity.ERROR
    baseline: Path | None = None
    config_path: Path | None = None
    # Where a batch keeps its verdicts and progress: sqlite:///PATH or
    # postgresql://... (None: the SQLite link cache file). See docs/batch.md.
    store: str | None = None


# Config keys (dashed, as documented) -> (section, attribute name).
_KEYS: dict[str, tuple[str, str]] = {
    "timeout": ("links", "timeout"),
    "connect-timeout": ("links", "connect_timeout"),
    "user-agent": ("links", "user_agent"),
    "max-concurrency": ("links", "max_concurrency"),
    "per-host": ("links", "per_host"),
    "retries": ("links", "retries"),
    "max-retry-after": ("links", "max_retry_after"),
    "exclude": ("links", "excludes"),
    "accept": ("links", "accepted_status"),
    "cache": ("links", "cache_path"),
    "cache-max-age": ("links", "cache_max_age"),
    "doi-resolver": ("links", "doi_resolver"),
    "dns-canaries": ("links", "dns_canaries"),
    "max-bytes": ("links", "max_bytes"),
    "probe-soft-404": ("links", "probe_soft_404"),
    "allow-private-addresses": ("links", "allow_private_addresses"),
    "body-links": ("links", "body_links"),
    "archive": ("archive", "enabled"),
    "archive-providers": ("archive", "providers"),
    "warc-dir": ("archive", "warc_dir"),
    "save-new": ("archive", "save_new"),
    "perma-folder": ("archive", "perma_folder"),
    "perma-api": ("archive", "perma_api"),
    "perma-key": ("archive", "perma_key"),
    "wayback-api": ("archive", "wayback_api"),
    "wayback-web": ("archive", "wayback_web"),
    "ia-keys": ("archive", "ia_keys"),
    "wayback-rate-per-minute": ("archive", "wayback_rate_per_minute"),
    "cdx-per-minute": ("archive", "cdx_per_minute"),
    "availability-per-minute": ("archive", "availability_per_minute"),
    "disable": ("checks", "disabled_rules"),
    "ledger": ("checks", "ledger"),
    "sources": ("sources", "enabled"),
    "crossref-api": ("sources", "crossref_api"),
    "openalex-api": ("sources", "openalex_api"),
    "courtlistener-api": ("sources", "courtlistener_api"),
    "courtlistener-token": ("sources", "courtlistener_token"),
    "mailto": ("sources", "mailto"),
    "sources-rate": ("sources", "rate"),
    "sources-concurrency": ("sources", "concurrency"),
    "sources-timeout": ("sources", "timeout"),
    "sources-retries": ("sources", "retries"),
    "sources-rows": ("sources", "rows"),
    "sources-refusals": ("sources", "most_refusals"),
    "sources-refusal-budget": ("sources", "refusal_budget"),
    "sources-cache-max-age": ("sources", "cache_max_age"),
    "sources-not-found-max-age": ("sources", "not_found_max_age"),
    "openalex-retractions": ("sources", "openalex_retractions"),
    "fail-on": ("", "fail_on"),
    "baseline": ("", "baseline"),
    "store": ("", "store"),
}

_ENV: dict[str, str] = {
    "CITECHECK_WAYBACK_API": "wayback_api",
    "CITECHECK_WAYBACK_WEB": "wayback_web",
    "CITECHECK_PERMA_API": "perma_api",
    "CITECHECK_IA_KEYS": "ia_keys",
    "CITECHECK_PERMA_KEY": "perma_key",
}

_SOURCES_ENV: dict[str, str] = {
    "CITECHECK_CROSSREF_API": "crossref_api",
    "CITECHECK_OPENALEX_API": "openalex_api",
    "CITECHECK_COURTLISTENER_API": "courtlistener_api",
    "CITECHECK_COURTLISTENER_TOKEN": "courtlistener_token",
    "CITECHECK_MAILTO": "mailto",
}


def _find_config(
    start: Path, notice: Callable[[str], None] | None = None
) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest citecheck.toml or pyproject.toml with [tool.citecheck].

    In one folder citecheck.toml wins; a ``[tool.citecheck]`` table beside it
    is ignored, and ``notice`` is told so (a setting there would silently not apply).
    """
    for folder in (start, *start.parents):
        own = folder / "citecheck.toml"
        if own.is_file():
            beside = folder / "pyproject.toml"
            if notice is not None and beside.is_file():
                try:
                    shadowed = isinstance(_tool_table(_load_toml(beside)), dict)
                except ConfigError:
                    shadowed = False  # not read, so not ignored: its TOML is not ours to judge
                if shadowed:
                    notice(
                        f"using {own}; the [tool.citecheck] table of {beside} beside it is"
                        " ignored (citecheck.toml wins: merge the two, or remove one)"
                    )
            return own, _load_toml(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _tool_table(_load_toml(project))
            if isinstance(table, dict):
                return project, table
    return None


def _tool_table(document: Mapping[str, Any]) -> object:
    """``[tool.citecheck]`` of a pyproject.toml (None: there is none)."""
    tool = document.get("tool")
    return tool.get("citecheck") if isinstance(tool, dict) else None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError has no lineno attribute; the message has it.
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        raise ConfigError(str(path), f"not valid TOML: {error}", line=line) from None
    except OSError as error:
        raise ConfigError(str(path), f"cannot read: {error.strerror}") from None


# Where archive copies can go (``--provider``); any other name would be silently ignored.
ARCHIVE_PROVIDERS = ("wayback", "perma", "warc")
# Settings counting things at once: 0 would stall the run, so at least 1.
_AT_LEAST_ONE = {
    "max-concurrency",
    "per-host",
    "sources-concurrency",
    "sources-rows",
    "sources-refusals",
    "wayback-rate-per-minute",
    "cdx-per-minute",
    "availability-per-minute",
}
# The public Internet Archive's Wayback budgets, and which service base each is spent on.
_PUBLIC_BUDGETS = {
    "cdx-per-minute": ("cdx_per_minute", "wayback_web", 24),
    "availability-per-minute": ("availability_per_minute", "wayback_api", 20),
}
# Times and paces: 0 would time every request out at once, or never send one.
_MORE_THAN_ZERO = {
    "timeout",
    "connect-timeout",
    "sources-timeout",
    "sources-rate",
    "sources-refusal-budget",
}
# Settings that are None by default, with the type a file must give them.
_OPTIONAL: dict[str, type] = {
    "perma-folder": int,
    "perma-key": str,
    "ia-keys": str,
    "courtlistener-token": str,
    "mailto": str,
}


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a regular expression Python accepts (None: it is one)."""
    try:
        re.compile(pattern)
    except re.error as error:
        return f"not a valid regular expression {pattern!r}: {error}"
    return None


# Service addresses: each must be an http(s) URL with a host, or nothing is asked right.
_URL_KEYS = {
    "crossref-api",
    "openalex-api",
    "courtlistener-api",
    "wayback-api",
    "wayback-web",
    "perma-api",
    "doi-resolver",
}


def url_problem(value: str) -> str | None:
    """Why ``value`` is no service address (an http(s) URL with a host); None when it is one."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018  (a bad port raises only when asked for)
    except ValueError as error:
        return f"not a web address {value!r} ({error})"
    if parts.scheme.lower() not in {"http", "https"}:
        return f"must be an http:// or https:// address, not {value!r}"
    if not parts.hostname:
        return f"must name a host (http://HOST/...), not {value!r}"
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _items(path: Path, key: str, value: list[object]) -> tuple[object, ...]:
    """A list setting's items, each checked the way the stage that uses it needs."""
    for item in value:
        if key == "accept":
            if not isinstance(item, int) or isinstance(item, bool) or not 100 <= item <= 999:
                raise ConfigError(
                    str(path), f"'accept' takes HTTP status codes (100-999), not {item!r}"
                )
            continue
        if not isinstance(item, str):
            raise ConfigError(str(path), f"'{key}' must be a list of strings, not {item!r}")
        if key == "exclude" and (problem := regex_problem(item)) is not None:
            raise ConfigError(str(path), f"'exclude': {problem}")
        if key == "archive-providers" and item not in ARCHIVE_PROVIDERS:
            raise ConfigError(
                str(path),
                f"'archive-providers': no provider {item!r} "
                f"(one of {', '.join(ARCHIVE_PROVIDERS)})",
            )
    return tuple(value)


def _host_limits(path: Path, table: object) -> tuple[tuple[str, int], ...]:
    """``[host-limits]``: each host with how many requests it gets at once (a whole number)."""
    if not isinstance(table, dict):
        raise ConfigError(str(path), "'host-limits' must be a table of host = number")
    limits: list[tuple[str, int]] = []
    for host, limit in table.items():
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ConfigError(
                str(path),
                f"'host-limits': {host!r} must be a whole number of 1 or more, not {limit!r}",
            )
        limits.append((str(host), limit))
    return tuple(limits)


def _coerce(path: Path, key: str, current: object, value: object) -> object:
    """Turn a TOML value into the type of the default it replaces."""
    if key in {"cache", "warc-dir", "ledger", "baseline"}:
        if not isinstance(value, str):
            raise ConfigError(str(path), f"'{key}' must be a path string")
        resolved = Path(value).expanduser()
        return resolved if resolved.is_absolute() else path.parent / resolved
    if key == "store" and not isinstance(value, str):
        raise ConfigError(
            str(path), "'store' must be a URL string (sqlite:///... or postgresql://...)"
        )
    if key == "fail-on":
        try:
            return Severity(str(value))
        except ValueError:
            raise ConfigError(
                str(path), f"'fail-on' must be one of error, warning, note, not {value!r}"
            ) from None
    if key in _OPTIONAL:
        wanted = _OPTIONAL[key]
        if not isinstance(value, wanted) or isinstance(value, bool):
            kind = "a whole number" if wanted is int else "a string"
            raise ConfigError(str(path), f"'{key}' must be {kind}, not {value!r}")
        return value
    if isinstance(current, tuple):
        if not isinstance(value, list):
            raise ConfigError(str(path), f"'{key}' must be a list")
        return _items(path, key, value)
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise ConfigError(str(path), f"'{key}' must be true or false")
        return value
    if isinstance(current, int | float):
        return _number(path, key, current, value)
    if isinstance(current, str) and not isinstance(value, str):
        raise ConfigError(str(path), f"'{key}' must be a string")
    if key in _URL_KEYS and (problem := url_problem(str(value))) is not None:
        raise ConfigError(str(path), f"'{key}' {problem}")
    return value


def _number(path: Path, key: str, current: int | float, value: object) -> int | float:
    """A count (whole, at least 1 for ``_AT_LEAST_ONE``) or a quantity, never negative."""
    if not _is_number(value):
        raise ConfigError(str(path), f"'{key}' must be a number, not {value!r}")
    assert isinstance(value, int | float)  # for mypy: _is_number said so
    if isinstance(current, int) and not isinstance(value, int):
        raise ConfigError(str(path), f"'{key}' must be a whole number, not {value!r}")
    if key in _MORE_THAN_ZERO and value <= 0:
        raise ConfigError(str(path), f"'{key}' must be more than 0, not {value!r}")
    least = 1 if key in _AT_LEAST_ONE else 0
    if value < least:
        raise ConfigError(str(path), f"'{key}' must be {least} or more, not {value!r}")
    return value


def load_settings(
    *,
    config: Path | None = None,
    start: Path | None = None,
    env: Mapping[str, str] | None = None,
    notice: Callable[[str], None] | None = None,
) -> Settings:
    """Build settings from defaults, a config file and the environment.

    Args:
        config: an explicit config file; otherwise the nearest
            ``citecheck.toml`` or ``pyproject.toml`` above ``start`` is used.
        start: where to look for a config file (default: the working dir).
        env: the environment (default: ``os.environ``).
        notice: told, in one line, of a config file found but ignored.

    Raises:
        ConfigError: the file is unreadable or a key has the wrong type.
    """
    env = os.environ if env is None else env
    found: tuple[Path, Mapping[str, Any]] | None
    if config is not None:
        table: Mapping[str, Any] = _load_toml(config)
        if config.name == "pyproject.toml":
            own = _tool_table(table)
            if own is not None and not isinstance(own, dict):
                raise ConfigError(str(config), "'tool.citecheck' must be a table")
            table = own or {}
        found = (config, table)
    else:
        found = _find_config(start or Path.cwd(), notice)

    sections: dict[str, dict[str, object]] = {
        "links": {},
        "archive": {},
        "checks": {},
        "sources": {},
        "": {},
    }
    settings = Settings()
    if found is not None:
        path, table = found
        sections["links"]["per_host_limits"] = _host_limits(path, table.get("host-limits", {}))
        for key, value in table.items():
            if key == "host-limits":
                continue
            if key not in _KEYS:
                raise ConfigError(str(path), f"unknown setting '{key}'")
            section, attribute = _KEYS[key]
            target: object = settings if section == "" else getattr(settings, section)
            current = getattr(target, attribute)
            sections[section][attribute] = _coerce(path, key, current, value)
        sections[""]["config_path"] = path

    for name, attribute in _ENV.items():
        if env.get(name):
            _check_address(name, env[name])
            sections["archive"][attribute] = env[name]
    private = env.get("CITECHECK_ALLOW_PRIVATE_ADDRESSES", "").strip().lower()
    if private:
        if private not in {"1", "true", "yes", "0", "false", "no"}:
            raise ConfigError(
                "CITECHECK_ALLOW_PRIVATE_ADDRESSES",
                f"must be 1/true/yes or 0/false/no, not {private!r}",
            )
        sections["links"]["allow_private_addresses"] = private in {"1", "true", "yes"}
    for name, attribute in _SOURCES_ENV.items():
        if env.get(name):
            _check_address(name, env[name])
            sections["sources"][attribute] = env[name]
    if env.get("CITECHECK_STORE"):
        sections[""]["store"] = env["CITECHECK_STORE"]

    archive = replace(settings.archive, **sections["archive"])  # type: ignore[arg-type]
    if found is not None:
        _check_budgets(found[0], archive)
    return replace(
        settings,
        links=replace(settings.links, **sections["links"]),  # type: ignore[arg-type]
        archive=archive,
        checks=replace(settings.checks, **sections["checks"]),  # type: ignore[arg-type]
        sources=replace(settings.sources, **sections["sources"]),  # type: ignore[arg-type]
        **sections[""],  # type: ignore[arg-type]
    )


def _check_address(variable: str, value: str) -> None:
    """A ``CITECHECK_*_API``/``_WEB`` variable must be a service address (exit 2 naming it)."""
    if variable.endswith(("_API", "_WEB")) and (problem := url_problem(value)) is not None:
        raise ConfigError(variable, problem)


def _public_archive(base: str) -> bool:
    host = (urlsplit(base).hostname or "").lower()
    return host == "archive.org" or host.endswith(".archive.org")


def _check_budgets(path: Path, archive: ArchiveSettings) -> None:
    """A Wayback budget above the public service's is for a private mirror only:
    the Internet Archive blocks clients that go over its limits for an hour and more."""
    for key, (attribute, base, public) in _PUBLIC_BUDGETS.items():
        wanted = getattr(archive, attribute)
        where = getattr(archive, base)
        if wanted > public and _public_archive(where):
            raise ConfigError(
                str(path),
                f"'{key}' = {wanted} is above the Internet Archive's published limit "
                f"({public} a minute) while '{base.replace('_', '-')}' is {where}; raise it "
                "only for a private Wayback mirror (set its address there)",
            )


def documented_keys() -> tuple[str, ...]:
    """Every config key, for the docs test."""
    return (*_KEYS, "host-limits")
