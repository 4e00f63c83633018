"""Request-scoped access to Chronik.

Each request opens its own ``Chronik`` (an SQLite connection is cheap) and closes it when
the response is done, so that every request reads the latest committed state and no
connection is shared between threads. Writers (ingest, reanalyze, the feed watcher) take
one lock, so that they queue instead of failing on a locked database.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from chronik.app import Chronik


def chronik(request: Request) -> Iterator[Chronik]:
    with Chronik(options=request.app.state.options) as app:
        yield app


def moved(request: Request, path: str) -> str:
    """``path`` with the request's query, for a redirect (``?lang=en`` stays the reader's
    choice)."""
    query = request.url.query
    return f"{path}?{query}" if query else path
