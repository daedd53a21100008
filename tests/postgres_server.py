"""A throwaway PostgreSQL server for the tests and the batch benchmark.

initdb refuses to run as root, so as root the server runs as the
``postgres`` user (Debian's package makes it) through ``runuser``. It
listens on 127.0.0.1 on a free port and on a socket in its own folder,
with fsync off (nothing in it outlives the run), and is stopped and deleted
at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["postgres_bin", "running_postgres"]


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's versioned folder, else the PATH."""
    versioned = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=len)
    if versioned:
        return Path(versioned[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@contextmanager
def running_postgres(binaries: Path) -> Iterator[str]:
    """A server for the duration of the block; yields its ``postgresql://`` URL."""
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

    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", "citecheck", "--auth=trust")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options,
            "-w", "start")  # fmt: skip
        try:
            yield f"postgresql://citecheck:not-a-secret@127.0.0.1:{port}/postgres"
        finally:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
