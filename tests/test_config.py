"""Settings: defaults, [tool.citecheck], citecheck.toml and CITECHECK_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import Settings, documented_keys, load_settings
from citecheck.errors import ConfigError
from citecheck.model import Severity


def test_defaults_without_any_config(tmp_path: Path) -> None:
    settings = load_settings(start=tmp_path, env={})
    assert settings == Settings()
    assert "citecheck" in settings.links.user_agent


def test_pyproject_table_is_read_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n\n[tool.citecheck]\n"
        "fail-on = 'warning'\ntimeout = 5\nexclude = ['example\\.org']\n"
        "ledger = 'facts.toml'\nbaseline = 'accepted.json'\n"
        "archive-providers = ['warc', 'wayback']\n"
        "[tool.citecheck.host-limits]\n'www.nytimes.com' = 2\n",
        encoding="utf-8",
    )
    nested = tmp_path / "chapters"
    nested.mkdir()
    settings = load_settings(start=nested, env={})
    assert settings.fail_on is Severity.WARNING
    assert settings.links.timeout == 5
    assert settings.links.excludes == ("example\\.org",)
    assert settings.links.per_host_limits == (("www.nytimes.com", 2),)
    assert settings.checks.ledger == tmp_path / "facts.toml"
    assert settings.baseline == tmp_path / "accepted.json"
    assert settings.archive.providers == ("warc", "wayback")
    assert settings.config_path == tmp_path / "pyproject.toml"


def test_citecheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.citecheck]\ntimeout = 5\n")
    (tmp_path / "citecheck.toml").write_text("timeout = 7\n")
    assert load_settings(start=tmp_path, env={}).links.timeout == 7


def test_an_ignored_pyproject_table_beside_citecheck_toml_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Through the command: one line on stderr naming the file whose settings do not apply.
    from citecheck.cli import main

    (tmp_path / "pyproject.toml").write_text("[tool.citecheck]\nfail-on = 'warning'\n")
    (tmp_path / "citecheck.toml").write_text("fail-on = 'error'\n")
    (tmp_path / "essay.md").write_text("A claim.[^1]\n\n[^1]: A source.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "essay.md", "--no-links", "--no-sources", "--format", "json"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line]
    assert lines == [
        f"citecheck: using {tmp_path / 'citecheck.toml'}; the [tool.citecheck] table of"
        f" {tmp_path / 'pyproject.toml'} beside it is ignored (citecheck.toml wins: merge the"
        " two, or remove one)"
    ]
    # A pyproject.toml without the table beside it is nobody's settings: no word.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert main(["check", "essay.md", "--no-links", "--no-sources", "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_keys_from_a_config_file_and_the_environment_wins(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text(
        "ia-keys = 'file-access:file-secret'\nperma-key = 'from-file'\n", encoding="utf-8"
    )
    archive = load_settings(start=tmp_path, env={}).archive
    assert archive.ia_keys == "file-access:file-secret"
    assert archive.perma_key == "from-file"
    archive = load_settings(start=tmp_path, env={"CITECHECK_PERMA_KEY": "from-env"}).archive
    assert archive.perma_key == "from-env"
    assert archive.ia_keys == "file-access:file-secret"


def test_environment_supplies_service_urls_and_keys(tmp_path: Path) -> None:
    env = {
        "CITECHECK_WAYBACK_API": "http://127.0.0.5:8001",
        "CITECHECK_WAYBACK_WEB": "http://127.0.0.5:8002",
        "CITECHECK_PERMA_API": "http://127.0.0.6:8003/v1/",
        "CITECHECK_IA_KEYS": "access:secret",
        "CITECHECK_PERMA_KEY": "k",
    }
    archive = load_settings(start=tmp_path, env=env).archive
    assert archive.wayback_api == "http://127.0.0.5:8001"
    assert archive.wayback_web == "http://127.0.0.5:8002"
    assert archive.perma_api == "http://127.0.0.6:8003/v1/"
    assert archive.ia_keys == "access:secret"
    assert archive.perma_key == "k"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param("timeout = 'soon'\n", "'timeout' must be a number", id="wrong-type"),
        pytest.param("colour = 'red'\n", "unknown setting 'colour'", id="unknown-key"),
        pytest.param("fail-on = 'fatal'\n", "'fail-on' must be one of", id="bad-severity"),
        pytest.param("timeout = \n", "not valid TOML", id="broken-toml"),
        # Every setting a stage compiles or converts is checked here, not at its first use.
        pytest.param(
            "exclude = ['(unclosed']\n", "'exclude': not a valid regular expression", id="regex"
        ),
        pytest.param("exclude = [3]\n", "'exclude' must be a list of strings", id="exclude-item"),
        pytest.param(
            "[host-limits]\n'127.0.0.1' = 'two'\n", "'host-limits': '127.0.0.1'", id="host-limit"
        ),
        pytest.param("[host-limits]\n'a.org' = 0\n", "whole number of 1 or more", id="limit-0"),
        pytest.param("[host-limits]\n'a.org' = 2.5\n", "'host-limits'", id="limit-float"),
        pytest.param("host-limits = 3\n", "'host-limits' must be a table", id="limits-table"),
        pytest.param("accept = ['403']\n", "'accept' takes HTTP status codes", id="accept-str"),
        pytest.param("accept = [42]\n", "'accept' takes HTTP status codes", id="accept-range"),
        pytest.param("archive-providers = ['ftp']\n", "no provider 'ftp'", id="provider"),
        pytest.param("dns-canaries = [1]\n", "'dns-canaries' must be a list of", id="canary"),
        pytest.param("per-host = -1\n", "'per-host' must be 1 or more", id="per-host-negative"),
        pytest.param("max-concurrency = 0\n", "'max-concurrency' must be 1", id="concurrency-0"),
        pytest.param("retries = 2.5\n", "'retries' must be a whole number", id="int-float"),
        pytest.param(
            "cache-max-age = -3\n", "'cache-max-age' must be 0 or more", id="negative-age"
        ),
        pytest.param("timeout = true\n", "'timeout' must be a number", id="bool-number"),
        pytest.param("timeout = 0\n", "'timeout' must be more than 0", id="zero-time"),
        pytest.param("sources-rate = 0\n", "'sources-rate' must be more than 0", id="zero-rate"),
        pytest.param("perma-folder = 'x'\n", "'perma-folder' must be a whole number", id="folder"),
        pytest.param("mailto = 3\n", "'mailto' must be a string", id="optional-string"),
        # Service addresses: an http(s) URL with a host, or the run would ask nothing right.
        pytest.param(
            "crossref-api = '127.0.0.1:9'\n", "'crossref-api' must be an http", id="no-scheme"
        ),
        pytest.param("openalex-api = 'ftp://nowhere'\n", "'openalex-api' must", id="ftp"),
        pytest.param("courtlistener-api = 'https://'\n", "must name a host", id="no-host"),
        pytest.param("wayback-api = 'archive.org'\n", "'wayback-api' must", id="wayback"),
        pytest.param("wayback-web = 'http://a:x/'\n", "'wayback-web' not a web", id="port"),
        pytest.param("perma-api = 'api.perma.cc/v1/'\n", "'perma-api' must", id="perma"),
        pytest.param("doi-resolver = 'doi.org/'\n", "'doi-resolver' must", id="resolver"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, needle: str) -> None:
    config = tmp_path / "citecheck.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(start=tmp_path, env={})
    assert needle in str(caught.value)
    assert str(config) in str(caught.value)


def test_good_values_of_checked_settings_pass(tmp_path: Path) -> None:
    config = tmp_path / "citecheck.toml"
    config.write_text(
        "exclude = ['^https?://intranet[.]']\naccept = [403, 999]\nretries = 0\n"
        "timeout = 2.5\nperma-folder = 12\nmailto = 'a@b.org'\n"
        "archive-providers = ['warc']\n[host-limits]\n'a.org' = 2\n",
        encoding="utf-8",
    )
    settings = load_settings(config=config, env={})
    assert settings.links.excludes == ("^https?://intranet[.]",)
    assert settings.links.accepted_status == (403, 999)
    assert settings.links.per_host_limits == (("a.org", 2),)
    assert settings.archive.perma_folder == 12


@pytest.mark.parametrize("text", ["[tool]\ncitecheck = 3\n", "tool = 'x'\n"])
def test_a_pyproject_whose_tool_table_is_not_a_table(tmp_path: Path, text: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(text, encoding="utf-8")
    if "citecheck" in text:
        with pytest.raises(ConfigError, match=r"'tool\.citecheck' must be a table"):
            load_settings(config=config, env={})
    else:
        assert load_settings(config=config, env={}).config_path == config
    assert load_settings(start=tmp_path, env={}).config_path is None  # not found: not ours


def test_broken_toml_error_names_the_line(tmp_path: Path) -> None:
    config = tmp_path / "citecheck.toml"
    config.write_text("timeout = 3\nuser-agent = \n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config=config, env={})
    assert caught.value.line == 2


def test_every_key_is_documented() -> None:
    readme = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text("utf-8")
    missing = [key for key in documented_keys() if f"`{key}`" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    "name",
    [
        "CITECHECK_CROSSREF_API",
        "CITECHECK_OPENALEX_API",
        "CITECHECK_COURTLISTENER_API",
        "CITECHECK_WAYBACK_API",
        "CITECHECK_WAYBACK_WEB",
        "CITECHECK_PERMA_API",
    ],
)
def test_a_service_address_in_the_environment_is_checked_and_named(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(start=tmp_path, env={name: "127.0.0.1:9"})
    assert str(caught.value).startswith(f"{name}: must be an http:// or https:// address")


# -- Wayback look-up budgets: the public limits, raised only for a private mirror --


def test_wayback_budgets_default_to_the_published_limits(tmp_path: Path) -> None:
    from citecheck.archive import ServiceLimits, limits_for

    archive = load_settings(start=tmp_path, env={}).archive
    assert (archive.cdx_per_minute, archive.availability_per_minute) == (24, 20)
    limits = limits_for(archive)
    assert (limits.cdx, limits.availability) == (ServiceLimits().cdx, ServiceLimits().availability)


def test_wayback_budgets_can_be_raised_for_a_private_mirror(tmp_path: Path) -> None:
    import asyncio

    from citecheck.archive import archiving

    (tmp_path / "citecheck.toml").write_text(
        'wayback-web = "http://wayback.internal:8080"\nwayback-api = "http://wayback.internal:8080"\n'
        "cdx-per-minute = 600\navailability-per-minute = 300\n",
        encoding="utf-8",
    )
    archive = load_settings(start=tmp_path, env={}).archive
    assert (archive.cdx_per_minute, archive.availability_per_minute) == (600, 300)

    async def budgets() -> tuple[int, int]:
        async with archiving(archive) as archiver:
            services = archiver._session.services  # what the run will spend
            return services["cdx"]._per_window, services["availability"]._per_window

    assert asyncio.run(budgets()) == (600, 300)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("cdx-per-minute = 100\n", "'cdx-per-minute' = 100 is above the Internet Archive's"),
        (
            'wayback-web = "https://web.archive.org/"\ncdx-per-minute = 25\n',
            "'wayback-web' is https://web.archive.org/",
        ),
        ("availability-per-minute = 21\n", "'availability-per-minute' = 21"),
        ("cdx-per-minute = 0\n", "'cdx-per-minute' must be 1 or more"),
        ("cdx-per-minute = 2.5\n", "'cdx-per-minute' must be a whole number"),
    ],
)
def test_wayback_budgets_are_validated(tmp_path: Path, text: str, needle: str) -> None:
    config = tmp_path / "citecheck.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(start=tmp_path, env={})
    assert str(config) in str(caught.value)
    assert needle in str(caught.value)


def test_a_lower_budget_is_fine_against_the_public_service(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text("cdx-per-minute = 10\n", encoding="utf-8")
    assert load_settings(start=tmp_path, env={}).archive.cdx_per_minute == 10
