"""Polite HTTP: a user agent that names Chronik, conditional requests."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from chronik.errors import Code, InputError
from chronik.options import Options


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
    headers = {"User-Agent": options.user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        with httpx.Client(timeout=options.fetch_timeout, follow_redirects=True) as client:
            response = client.get(url, headers=headers)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:  # an invalid URL is no HTTPError
        raise InputError(Code.E060, url, detail=str(exc) or type(exc).__name__) from exc
    if response.status_code == 304:
        return Fetched(url, b"", etag, modified, not_modified=True)
    if response.status_code >= 400:
        raise InputError(Code.E060, url, detail=f"HTTP {response.status_code}")
    return Fetched(
        str(response.url),
        response.content,
        response.headers.get("ETag"),
        response.headers.get("Last-Modified"),
    )
