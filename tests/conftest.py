"""Shared test fixtures: where the corpus lives, and tests that need a tool.

A test marked ``@pytest.mark.pandoc`` is skipped when pandoc is not on the
PATH, unless CITECHECK_REQUIRE_TOOLS=1 (as in CI), where it must run.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    """The folder of named test manuscripts (tests/corpus)."""
    return CORPUS


# The sources stage is on by default: no test may reach the real Crossref, OpenAlex or
# CourtListener. Point them at a loopback port nobody listens on (connections are
# refused at once, so lookups are "unverified"); tests that need them set their own.
_CLOSED = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def _no_real_bibliographic_services(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CITECHECK_CROSSREF_API", "CITECHECK_OPENALEX_API", "CITECHECK_COURTLISTENER_API"):
        monkeypatch.setenv(name, _CLOSED)
    monkeypatch.delenv("CITECHECK_COURTLISTENER_TOKEN", raising=False)
    monkeypatch.delenv("CITECHECK_MAILTO", raising=False)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("pandoc") and shutil.which("pandoc") is None:
        if os.environ.get("CITECHECK_REQUIRE_TOOLS") == "1":
            pytest.fail("pandoc is required (CITECHECK_REQUIRE_TOOLS=1) but not installed")
        pytest.skip("pandoc is not installed")


# --------------------------------------------------------------------------
# A real PostgreSQL server for the store and batch tests
# --------------------------------------------------------------------------


def _postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's versioned folder, else the PATH."""
    import glob

    versioned = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=len)
    if versioned:
        return Path(versioned[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """``postgresql://`` URL of a throwaway server, started once for the session.

    initdb refuses to run as root, so as root the server runs as the
    ``postgres`` user (Debian's package makes it) through ``runuser``. It
    listens on 127.0.0.1 on a free port and on a socket in its own folder,
    and is stopped and deleted at the end.
    """
    import socket
    import subprocess
    import tempfile

    binaries = _postgres_bin()
    if binaries is None:
        if os.environ.get("CITECHECK_REQUIRE_TOOLS") == "1":
            pytest.fail("PostgreSQL is required (CITECHECK_REQUIRE_TOOLS=1) but not installed")
        pytest.skip("PostgreSQL (initdb) is not installed")
    folder = Path(tempfile.mkdtemp(prefix="citecheck-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, timeout=120)

    run(str(binaries / "initdb"), "-D", str(data), "-U", "citecheck", "--auth=trust", "-E", "UTF8")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    run(
        str(binaries / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(folder / "log"),
        "-o",
        options,
        "-w",
        "start",
    )
    try:
        yield f"postgresql://citecheck:not-a-secret@127.0.0.1:{port}/postgres"
    finally:
        run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


_databases = itertools.count()


@pytest.fixture
def fresh_postgres(postgres_url: str) -> str:
    """The URL of a new, empty database on the session's server."""
    import psycopg

    name = f"t{next(_databases)}"
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}".encode())
    return postgres_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new store of each backend (the test runs once per backend)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        yield request.getfixturevalue("fresh_postgres")
