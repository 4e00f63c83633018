"""Storage backends behind one narrow interface, selected by target."""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from chronik.errors import ChronikError, Code
from chronik.store.base import FeedState, PutStatus, Store, Stored, StoredInput

Opener = Callable[[str], Store]
_BACKENDS: dict[str, Opener] = {}


def backend(scheme: str) -> Callable[[Opener], Opener]:
    """Register an opener for targets starting with ``scheme://``."""

    def register(opener: Opener) -> Opener:
        _BACKENDS[scheme] = opener
        return opener

    return register


def _scheme(target: str) -> str:
    return target.split("://", 1)[0] if "://" in target else "sqlite"


def store_exists(target: str) -> bool:
    """Whether ``target`` names a store that is there: an SQLite file that is not empty, or
    a PostgreSQL database that holds Chronik's tables (other servers tell when opened)."""
    if _scheme(target).startswith("postgres"):
        from chronik.store.postgres import has_store

        return has_store(target)
    if _scheme(target) != "sqlite":
        return True
    path = Path(target.removeprefix("sqlite://"))
    return path.exists() and (path.is_dir() or path.stat().st_size > 0)


def store_files(target: str) -> dict[str, Path]:
    """The files of an SQLite store at ``target`` by kind: the store itself, and the
    write-ahead log, shared memory and journal SQLite keeps beside it; none for a server's
    store or a ``file:`` URI, which is no plain path."""
    path = target.removeprefix("sqlite://")
    if _scheme(target) != "sqlite" or path.startswith("file:"):
        return {}
    return {kind: Path(path + suffix) for kind, suffix in _STORE_FILES.items()}


_STORE_FILES = {"store": "", "wal": "-wal", "shm": "-shm", "journal": "-journal"}


def missing_store(target: str, where: str) -> str:
    """Why no store is at ``target`` (shown as ``where``): an SQLite file's folder that is
    not there is named, since ``ingest`` could not create the store in it either."""
    path = target.removeprefix("sqlite://")
    folder = Path(path).parent
    if _scheme(target) == "sqlite" and not path.startswith("file:") and not folder.is_dir():
        return f"there is no folder {folder}"
    return f"no store at {where} yet: 'chronik ingest' creates one"


def open_store(target: str) -> Store:
    """``postgresql://...`` and other registered schemes by scheme; anything else is a
    path to an SQLite file."""
    scheme = _scheme(target)
    if not target.removeprefix("sqlite://").strip():  # SQLite would open a throwaway store
        raise ChronikError(Code.E230, repr(target), detail="no store named")
    if scheme == "sqlite":
        from chronik.store.sqlite import SQLiteStore

        return SQLiteStore(target.removeprefix("sqlite://"))
    if scheme.startswith("postgres"):
        import chronik.store.postgres  # noqa: F401  (registers the backend)
    if scheme not in _BACKENDS:
        # The built-in PostgreSQL backend is a choice even where nothing has loaded it yet.
        choices = dict.fromkeys(["sqlite", "postgresql", *_BACKENDS])
        raise ChronikError(Code.E110, kind="store backend", name=scheme, choices=", ".join(choices))
    return _BACKENDS[scheme](target)


def database_errors() -> tuple[type[Exception], ...]:
    """The exceptions the backends in use raise for a failing database: SQLite's, and
    PostgreSQL's once that backend is loaded."""
    kinds: list[type[Exception]] = [sqlite3.DatabaseError]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        kinds.append(psycopg.Error)
    return tuple(kinds)


def store_failure(exc: BaseException, target: str) -> ChronikError | None:
    """The one-line error for a database error from a backend (a corrupt SQLite file, a
    lost PostgreSQL connection, a locked store), or None for any other exception."""
    if not isinstance(exc, database_errors()):
        return None
    detail = (str(exc).splitlines() or [type(exc).__name__])[0]
    if "database is locked" in detail:  # SQLite's busy timeout ran out: nothing is broken
        return ChronikError(Code.E241, safe_target(target))
    return ChronikError(Code.E240, safe_target(target), detail=detail, advice=_advice(detail))


# What to do about a failure, by its message: most leave the store whole (what was
# committed is kept, and running the command again goes on from there); only what looks
# like damage calls for a backup.
_ADVICE = (
    (("disk is full", "no space left", "disk full"), "free some disk space and run it again"),
    (("readonly", "read-only"), "the store is read-only: give a writable one to write to"),
    (
        ("connection", "server closed", "terminating", "the connection is lost"),
        "run it again when the database server is back",
    ),
)


def _advice(detail: str) -> str:
    lowered = detail.lower()
    for words, advice in _ADVICE:
        if any(word in lowered for word in words):
            return f"{advice}; what was committed before is kept"
    return "check it, or restore it from a backup"


def safe_target(target: str) -> str:
    """The store's path or URL without a password, for messages: neither the one before
    the host (``//user:secret@``) nor one in the query (``?password=secret``)."""
    without_user = re.sub(r"//[^@/]*@", "//", target)
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", without_user, flags=re.IGNORECASE)


__all__ = [
    "FeedState",
    "PutStatus",
    "Store",
    "Stored",
    "StoredInput",
    "backend",
    "database_errors",
    "open_store",
    "safe_target",
    "store_exists",
    "store_failure",
    "store_files",
]
