"""Polite HTTP: a user agent that names Chronik, conditional requests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chronik.errors import Code, InputError
from chronik.ingest.decode import bounded
from chronik.options import Options

# httpx (0.1 s) is imported by the first fetch: every command imports this module through
# the ingest, and most fetch nothing (review 114).
if TYPE_CHECKING:
    import httpx


@dataclass(slots=True)
class Fetched:
    url: str
    data: bytes
    etag: str | None
    modified: str | None
    not_modified: bool = False


def fetch(
    url: str, options: Options, etag: str | None = None, modified: str | None = None
) -> Fetched:
    """GET ``url``; with ``etag``/``modified`` from a previous fetch, a 304 returns no data."""
    import httpx

    headers = {"User-Agent": options.user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    # The timeout bounds the whole request, not each read: a server that trickles its
    # answer (200 bytes a second) had held a round of polls for minutes.
    deadline = time.monotonic() + options.fetch_timeout
    try:
        with (
            httpx.Client(timeout=options.fetch_timeout, follow_redirects=True) as client,
            client.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code == 304:
                return Fetched(url, b"", etag, modified, not_modified=True)
            if response.status_code >= 400:
                raise InputError(Code.E060, url, detail=f"HTTP {response.status_code}")
            data = _body(response, url, deadline, options)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:  # an invalid URL is no HTTPError
        raise InputError(Code.E060, url, detail=str(exc) or type(exc).__name__) from exc
    return Fetched(
        str(response.url), data, response.headers.get("ETag"), response.headers.get("Last-Modified")
    )


def _body(response: httpx.Response, url: str, deadline: float, options: Options) -> bytes:
    """The answer's bytes, unpacked, within the time left and ``max_bytes`` (E003 past
    them: a server's answer is an input as a file is)."""
    return bounded(_in_time(response.iter_bytes(), url, deadline, options), url, options.max_bytes)


def _in_time(
    pieces: Iterator[bytes], url: str, deadline: float, options: Options
) -> Iterator[bytes]:
    for piece in pieces:
        if time.monotonic() > deadline:
            detail = f"no whole answer within {options.fetch_timeout:g} s"
            raise InputError(Code.E060, url, detail=detail)
        yield piece
