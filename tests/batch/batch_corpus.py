"""A folder of generated manuscripts and the loopback hosts they cite (see conftest.py).

Its own module, not conftest's: ``from conftest import`` finds whichever
conftest was imported first when several test folders run in one session.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "links"))

from links_testweb import Host


@dataclass
class Corpus:
    folder: Path
    hosts: list[Host]
    paths: list[str]  # every cited path, one per distinct URL

    def hits(self) -> dict[str, int]:
        """GETs per cited URL path, over all hosts (the checker may also send a HEAD first)."""
        return {
            path: host.hits(path, "GET")
            for host in self.hosts
            for path in self.paths
            if path.startswith(f"/{host.address}/")
        }
