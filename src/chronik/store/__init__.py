"""Storage backends behind one narrow interface, selected by target."""

from __future__ import annotations

from collections.abc import Callable

from chronik.errors import ChronikError, Code
from chronik.store.base import FeedState, PutStatus, Store, Stored

Opener = Callable[[str], Store]
_BACKENDS: dict[str, Opener] = {}


def backend(scheme: str) -> Callable[[Opener], Opener]:
    """Register an opener for targets starting with ``scheme://``."""

    def register(opener: Opener) -> Opener:
        _BACKENDS[scheme] = opener
        return opener

    return register


def open_store(target: str) -> Store:
    """``postgresql://...`` and other registered schemes by scheme; anything else is a
    path to an SQLite file."""
    scheme = target.split("://", 1)[0] if "://" in target else "sqlite"
    if scheme == "sqlite":
        from chronik.store.sqlite import SQLiteStore

        return SQLiteStore(target.removeprefix("sqlite://"))
    if scheme.startswith("postgres"):
        import chronik.store.postgres  # noqa: F401  (registers the backend)
    if scheme not in _BACKENDS:
        raise ChronikError(
            Code.E110, kind="store backend", name=scheme, choices=", ".join(["sqlite", *_BACKENDS])
        )
    return _BACKENDS[scheme](target)


__all__ = ["FeedState", "PutStatus", "Store", "Stored", "backend", "open_store"]
