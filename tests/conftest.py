from __future__ import annotations

import functools
import getpass
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def shared() -> Path:
    """The shared evaluation data (chronik.evaluation.shared_dir: $CHRONIK_SHARED, else
    ../shared beside the repository); the test skips where it is not there."""
    from chronik.evaluation import shared_file  # imports chronik: only where it is used

    try:
        return shared_file("seeds").parent
    except FileNotFoundError as exc:
        pytest.skip(f"shared data missing: {exc}; set CHRONIK_SHARED or place ../shared")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def _pg_bin() -> Path:
    """$CHRONIK_PG_BIN, else the newest Debian PostgreSQL server installed."""
    if "CHRONIK_PG_BIN" in os.environ:
        return Path(os.environ["CHRONIK_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return found[-1] if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on a Unix socket in a temporary folder, for this test run.

    Runs as the ``postgres`` user when the tests run as root (the server refuses root)."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (set CHRONIK_PG_BIN)")
    # Not under pytest's tmp folders: those are private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="chronik-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    user = "postgres" if prefix else getpass.getuser()
    run = functools.partial(subprocess.run, check=True, capture_output=True)
    run([*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "--auth=trust"])
    options = f"-k {sock} -c listen_addresses='' -c fsync=off"
    # A log file, so the server does not hold our captured stdout open.
    log = str(base / "server.log")
    run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", log, "-o", options, "-w", "start"])
    try:
        yield f"postgresql://{user}@/postgres?host={sock}"
    finally:
        run([*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return postgres_server.replace("/postgres?", f"/{name}?")


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, as in a terminal: a shell that runs the tests in the
    background (``make test &``) ignores SIGINT for them, and a test of Ctrl-C would then
    see nothing happen."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
