"""``Chronik.poll``'s work for one feed: fetched politely, checked to be a feed, ingested,
and its state kept only once its items are stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from chronik._app.report import IngestReport, Progress
from chronik._app.workspace import Workspace
from chronik.errors import Code, InputError
from chronik.ingest.decode import looks_binary
from chronik.ingest.document import Item
from chronik.ingest.fetch import fetch
from chronik.ingest.readers import sniff_format
from chronik.ingest.sources import read_bytes

# ``Chronik.ingest_documents``: the items, the progress callback and the running report.
Ingest = Callable[[Iterable[Item], Progress | None, IngestReport], IngestReport]

# What a polled address may answer with: a feed, or JSON lines of articles.
_POLLED_FORMATS = frozenset({"feed", "jsonl"})
_FORMAT_WORDS = {"html": "an HTML page", "text": "plain text", "warc": "a WARC archive"}


def poll_feed(
    work: Workspace, ingest: Ingest, url: str, progress: Progress | None, report: IngestReport
) -> None:
    """Fetch the feed at ``url`` and ingest what it holds, its failure counted in ``report``."""
    state = work.store.feed_state(url)
    try:
        fetched = fetch(url, work.options, state.etag, state.modified)
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
            detail = f"the address answered with {_answer(kind, fetched.data)}, not a feed"
            report.errors.append(str(InputError(Code.E020, url, detail=detail)))
            return
        failed = report.failed
        items = read_bytes(fetched.data, url, work.options)
        ingest(items, progress, report)
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
    with work.write_lock:
        work.store.put_feed_state(state)
        work.store.commit()


def _answer(kind: str, data: bytes) -> str:
    # Bytes of no format are sniffed as text: an image or a download is no "plain text".
    return "binary data" if kind == "text" and looks_binary(data) else _FORMAT_WORDS.get(kind, kind)
