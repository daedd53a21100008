"""Start a throwaway PostgreSQL (tests/postgres_server.py) and keep it until SIGTERM.
Writes its URL to qa/out/pg_url.txt."""
import signal, sys, threading
from pathlib import Path
QA = Path(__file__).parent
sys.path.insert(0, str(QA.parent / "tests"))
from postgres_server import postgres_bin, running_postgres  # noqa: E402

stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
with running_postgres(postgres_bin()) as url:
    (QA / "out" / "pg_url.txt").write_text(url)
    print(url, flush=True)
    stop.wait()
