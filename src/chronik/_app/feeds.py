"""``Chronik.poll``'s work for one feed: fetched politely, checked to be a feed, ingested,
and its state kept only once its items are stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from chronik._app.report import IngestReport, Progress
from chronik.errors import Code, InputError
from chronik.ingest.fetch import fetch
from chronik.ingest.readers import sniff_format
from chronik.ingest.sources import read_bytes

if TYPE_CHECKING:
    from chronik.app import Chronik

# What a polled address may answer with: a feed, or JSON lines of articles.
_POLLED_FORMATS = frozenset({"feed", "jsonl"})
_FORMAT_WORDS = {"html": "an HTML page", "text": "plain text", "warc": "a WARC archive"}


def poll_feed(app: Chronik, url: str, progress: Progress | None, report: IngestReport) -> None:
    """Fetch the feed at ``url`` and ingest what it holds, its failure counted in ``report``."""
    state = app.store.feed_state(url)
    try:
        fetched = fetch(url, app.options, state.etag, state.modified)
    except InputError as exc:
        report.errors.append(str(exc))
        return
    if not fetched.not_modified:
        # By the bytes, not the server's Content-Type: feeds are often served as
        # text/html or text/plain.
        kind = sniff_format(fetched.data, url)
        if kind not in _POLLED_FORMATS:
            # A maintenance or login page had been stored as an article, and its
            # state kept, so that the error was said once: it is said each round.
            detail = f"the address answered with {_FORMAT_WORDS.get(kind, kind)}, not a feed"
            report.errors.append(str(InputError(Code.E020, url, detail=detail)))
            return
        failed = report.failed
        items = read_bytes(fetched.data, url, app.options)
        app.ingest_documents(items, progress, report)
        if report.failed > failed:
            # Kept, a broken feed's validators hid it behind a "304 Not Modified": its
            # error was said once and the items after the break never came.
            return
    # Only once its items are stored: written before them, a poll stopped halfway
    # (Ctrl-C, a crash) left the rest behind a "304 Not Modified" for good.
    state.etag, state.modified, state.checked = (
        fetched.etag,
        fetched.modified,
        datetime.now(UTC),
    )
    with app._write_lock:
        app.store.put_feed_state(state)
        app.store.commit()
