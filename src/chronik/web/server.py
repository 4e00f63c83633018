"""The web application: pages, the REST API, static files, error pages, and the server
with an optional feed watcher in a background thread (``chronik serve``)."""

from __future__ import annotations

import logging
import socket
import sys
import threading
from collections.abc import Sequence
from importlib import resources

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware

from chronik._version import __version__
from chronik.app import Chronik, IngestReport
from chronik.arguments import poll_seconds
from chronik.errors import QUOTED_MOST, ChronikError, Code, cut, internal_error
from chronik.ingest.jsonl import json_detail
from chronik.options import Options
from chronik.polling import poll_rounds
from chronik.store import safe_target
from chronik.stories.engine import warm_up
from chronik.web import api, pages
from chronik.web.security import Guard, HeadAsGet, utf8_query

log = logging.getLogger("chronik.web")
_NOT_FOUND = {Code.E100, Code.E101, Code.E102, Code.E103, Code.E104}
# A store that cannot be opened while serving (a database server down, a file moved away)
# is the server's trouble, not the request's, as a failing one is.
_UNAVAILABLE = {Code.E230, Code.E240, Code.E241}

DESCRIPTION = """Chronik's REST API. Article records have exactly the shape that
`chronik export` writes (docs/export.md). Reading is open; every POST endpoint (ingest,
reanalyze, and a story's merge and split) needs the server's token as
`Authorization: Bearer TOKEN` and is disabled (403) when no token is configured."""


def create_app(options: Options | None = None) -> FastAPI:
    """The ASGI application over the store that ``options.db`` names."""
    options = options or Options.from_env()
    with Chronik(options=options, create=True) as chronik:
        _ = chronik.store  # create or migrate the store once, before any request
    app = FastAPI(
        title="Chronik",
        version=__version__,
        description=DESCRIPTION,
        # Swagger UI loads its scripts from a CDN, which the pages' CSP forbids and an
        # offline machine cannot reach: /api/docs is a page of our own (pages.api_docs).
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(utf8_query)],
    )
    app.state.options = options
    app.state.write_lock = threading.Lock()
    # Compressed for a client that asks (every browser): a 52-article story's page was
    # 142 KB of HTML over the wire, 20 KB gzipped. Innermost, so that HEAD and the guard
    # see the headers a GET is sent with. No page holds a secret for BREACH to guess.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(Guard, max_bytes=options.max_bytes)
    app.add_middleware(HeadAsGet)
    static = resources.files("chronik.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(ChronikError, _chronik_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    # A bug: one E290 line for the client (the server logs the traceback), not a bare
    # "Internal Server Error" in plain text.
    app.add_exception_handler(Exception, _internal_error)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


async def _chronik_error(request: Request, exc: Exception) -> Response:
    """A coded error as 404, 400 or, for a store that is away or failing (the API gives its
    database errors E240 and E241), 503 with a time to try again."""
    assert isinstance(exc, ChronikError)
    status = 404 if exc.code in _NOT_FOUND else 503 if exc.code in _UNAVAILABLE else 400
    # A lock is let go within seconds: a client may simply ask again; a store that is away,
    # in a while.
    retry = {"Retry-After": "5" if exc.code is Code.E241 else "30"} if status == 503 else None
    return _error_response(request, exc, status, retry)


async def _internal_error(request: Request, exc: Exception) -> Response:
    return _error_response(request, internal_error(exc, logged=True), 500)


def _error_response(
    request: Request, failure: ChronikError, status: int, headers: dict[str, str] | None = None
) -> Response:
    """The error as JSON for the API, as a page in the reader's language elsewhere."""
    if _is_api(request):
        return JSONResponse({"detail": str(failure)}, status_code=status, headers=headers)
    message = f"[{failure.code.name}] {failure.summary}"
    page = pages.render(request, "error.html", {"status": status, "message": message}, status)
    page.headers.update(headers or {})  # a page's 503 says when to try again too (review 46)
    return page


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """A parameter of the wrong form: one E270 line that names it, 422, as other errors."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg', '')}"
        for error in exc.errors()
    ]
    if _body_not_json(request, exc):
        problems.append("send the body as JSON, with 'Content-Type: application/json'")
    failure = ChronikError(Code.E270, detail="; ".join(problems) or "malformed")
    return _error_response(request, failure, 422)  # "/stories?offset=-1": a page


def _body_not_json(request: Request, exc: RequestValidationError) -> bool:
    """A body sent as a form (curl -d sends one) fails as "not a valid dictionary", which
    does not say what to change."""
    about_body = any(error.get("loc", ())[:1] == ("body",) for error in exc.errors())
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return about_body and media != "application/json"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code in (404, 405) and str(exc.detail)[:1] != "[":
        # The router's own answers ("Not Found", "Method Not Allowed") get a code too, on a
        # page as in the API (a page had said "Not Found" alone, review 114).
        # A path is what the client typed, of any length: cut as a quoted id is.
        path = cut(request.url.path, QUOTED_MOST)
        where = {"method": request.method, "path": path, "detail": exc.detail}
        failure = ChronikError(Code.E271, **where)
        headers = dict(exc.headers or {})
        # Every GET route answers HEAD too (the middleware in security.py does).
        if "GET" in headers.get("Allow", "").split(", "):
            headers["Allow"] += ", HEAD"
        return _error_response(request, failure, exc.status_code, headers)
    if exc.status_code == 400 and isinstance(exc.__cause__, ValueError | RecursionError):
        # FastAPI's own "There was an error parsing the body", for JSON that json reads
        # no further than its limits or that is no UTF-8: no code and no cause (review 140).
        failure = ChronikError(Code.E270, detail=f"body: not JSON ({_unread(exc.__cause__)})")
        return _error_response(request, failure, 422)  # as a body with a syntax error
    if _is_api(request) or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    context = {"status": exc.status_code, "message": str(exc.detail)}
    return pages.render(request, "error.html", context, exc.status_code)


def _unread(cause: ValueError | RecursionError) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return f"not UTF-8 at byte {cause.start}"
    return json_detail(cause)


class FeedWatcher(threading.Thread):
    """Polls feeds every ``every`` seconds and ingests what is new, while the server runs,
    in the loop of ``Chronik.watch`` (:func:`chronik.polling.poll_rounds`).

    Each round opens its own Chronik, so the story engine sees what the API ingested too.
    It takes the application's write lock for each article it stores, as POST /api/ingest
    does, not for the round: a POST had waited behind every fetch and analysis of one."""

    def __init__(
        self, options: Options, feeds: Sequence[str], every: float, lock: threading.Lock
    ) -> None:
        super().__init__(name="chronik-feed-watcher", daemon=True)
        self.options, self.feeds, self.every, self.lock = options, list(feeds), every, lock
        self.stopped = threading.Event()

    def run(self) -> None:
        # Said at once: the first round loads the models and analyses every new item,
        # which had kept the log silent for 20 s and more after the server started.
        feeds = f"{len(self.feeds)} feed{'s' if len(self.feeds) != 1 else ''}"
        log.info("feed watch: polling %s every %g s, the first round now", feeds, self.every)
        self._rounds(None)

    def poll_once(self) -> None:
        """One round, logged as each round of ``run`` is."""
        self._rounds(1)

    def _rounds(self, rounds: int | None) -> None:
        poll_rounds(self._poll, self.every, rounds, self.stopped, _said, self._failed)

    def _poll(self) -> IngestReport:
        with Chronik(options=self.options, write_lock=self.lock) as app:
            return app.poll(self.feeds)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ChronikError):
            log.error("feed watch: %s", exc)
        else:  # a bug: its trace is logged, and the watcher outlives the round
            log.error("feed watch failed; trying again in %.0f s", self.every, exc_info=exc)

    def stop(self) -> None:
        self.stopped.set()


def _said(number: int, report: IngestReport) -> None:
    for line in report.errors:
        log.warning("feed watch: %s", line)
    log.info("feed watch: %d inserted, %d revised", report.inserted, report.revised)


def serve(
    options: Options,
    host: str = "127.0.0.1",
    port: int = 8000,
    feeds: Sequence[str] = (),
    every: float | str = 600.0,
) -> None:
    """Run the web application with uvicorn until interrupted."""
    import uvicorn

    interval = poll_seconds(every) if feeds else 0.0
    if feeds or options.token:
        # A server that will ingest checks its analysis first, as `chronik ingest` does:
        # a mistyped component fails now, not at the first feed round or POST.
        Chronik(options=options).check_analysis()

    listening = _listen(host, port)  # before the store is opened: a port in use is E260
    if host not in _LOOPBACK:  # once bound: an address that cannot be had warned first
        print(
            f"chronik: warning: on {host}, others on the network can read the whole store",
            file=sys.stderr,
        )
    app = create_app(options)
    where = f"http://{host}:{listening.getsockname()[1]}/"
    print(f"chronik: serving {safe_target(options.db)} on {where}", file=sys.stderr)
    watcher = FeedWatcher(options, feeds, interval, app.state.write_lock) if feeds else None
    if watcher:
        _log_rounds()
        watcher.start()
    # The models load while the server waits for its first request, not during it.
    threading.Thread(target=_warm_up, args=(options,), name="chronik-warm-up", daemon=True).start()
    try:
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info"))
        server.run(sockets=[listening])
    finally:
        if watcher:
            watcher.stop()


def _warm_up(options: Options) -> None:
    """What a first page would otherwise load or compile: the pages' templates, then the
    models and data of a story's page (`chronik.stories.engine.warm_up`)."""
    pages.compile_templates()
    warm_up(options)


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _log_rounds() -> None:
    """The feed watcher's rounds on stderr, as uvicorn logs its own lines: a round that went
    well had said nothing, since only warnings reach Python's last-resort handler
    (review 38)."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False  # a root handler would say each line again


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or E260 in one line (uvicorn would log a traceback
    for a bad port and several lines for one in use)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listening = socket.socket(family, kind, proto)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
    except (OSError, OverflowError) as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        raise ChronikError(Code.E260, address=f"{host}:{port}", detail=detail) from exc
    return listening
