"""Write access by token, a limit on request size, and response headers that keep
article content from ever running as script."""

from __future__ import annotations

import hmac
import json
from urllib.parse import unquote_to_bytes

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronik.errors import ChronikError, Code

HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def require_token(request: Request) -> None:
    """A FastAPI dependency: 403 when writing is disabled, 401 for a missing or wrong token."""
    configured: str = request.app.state.options.token
    if not configured:
        raise HTTPException(status_code=403, detail=str(ChronikError(Code.E250)))
    given = request.headers.get("x-chronik-token", "")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        given = value.strip()
    if not hmac.compare_digest(given.encode(), configured.encode()):
        raise HTTPException(
            status_code=401,
            detail=str(ChronikError(Code.E251)),
            headers={"WWW-Authenticate": "Bearer"},
        )


def utf8_query(request: Request) -> None:
    """A FastAPI dependency: E270 for a query string, or a path, that is not UTF-8 once
    decoded. Starlette would read "%FF" as U+FFFD and search for that, finding nothing,
    silently; `/api/entities/%FF` had been a 404 for no entity named "\ufffd" (review 247)."""
    raw = request.scope.get("query_string", b"").replace(b"+", b" ")
    for part, given in (("the query string", raw), ("the path", request.scope.get("raw_path"))):
        try:
            unquote_to_bytes(given or b"").decode("utf-8")
        except UnicodeDecodeError:
            detail = f"{part} is not UTF-8; percent-encode the UTF-8 bytes of the text"
            raise ChronikError(Code.E270, detail=detail) from None


def too_large(limit: int) -> str:
    return str(ChronikError(Code.E252, limit=limit))


class Guard:
    """ASGI middleware: refuses a declared body over ``max_bytes`` (413) before reading it,
    and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        if declared is None and scope["method"] in _WITH_BODY:
            # Sent in chunks, its length unknown: counted as it arrives, before any route
            # reads it (FastAPI reads a JSON body whole).
            body = await self._within_limit(receive)
            if body is None:
                await self._refuse(send)
                return
            receive = _replay(body, receive)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _within_limit(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it grows past the limit."""
        chunks, total, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": too_large(self.max_bytes)}).encode()
        headers = [(b"content-type", b"application/json"), *_HEADERS]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


_HEADERS = [(k.encode(), v.encode()) for k, v in HEADERS.items()]
_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def _replay(body: bytes, then: Receive) -> Receive:
    """A receive that gives the body read already, then what the connection says next (a
    disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return receive


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as its GET would be, without the body
    (uptime monitors and ``curl -I`` ask with HEAD; the routes are declared for GET)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)
