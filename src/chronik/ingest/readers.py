"""Readers: bytes of one input in, documents (or input errors) out, one reader per format.

Each reader yields ``Document`` or ``InputError`` items, so that one bad item in a feed or a
JSONL file is reported and the rest still comes through.

The readers of JSON Lines, feeds and WARC archives, each with much of its own to tell
apart, live in modules of their own (jsonl, feeds, warc). Here an input's format is
decided and its reader found, the same for a file, a URL, standard input, an upload and a
stored payload read again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from chronik.errors import Code, InputError
from chronik.ingest.decode import decode_text
from chronik.ingest.document import Document, Item, Reader
from chronik.ingest.feeds import feed_document, read_feed
from chronik.ingest.jsonl import NUMBERS_AS_FLOATS, read_jsonl
from chronik.ingest.pages import decode_html
from chronik.ingest.warc import gzipped_warc, read_warc

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_TAG_START = re.compile(rb"^\s*<([A-Za-z][\w:.-]*)[\s/>]")
_HTML_TAGS = frozenset(
    b"a article aside b blockquote br div em figure footer h1 h2 h3 h4 h5 h6 header i img "
    b"li main meta nav ol p section span strong table title ul".split()
)


def sniff_format(data: bytes, name: str, media_type: str | None = None) -> str:
    """Decide the format from the media type (an HTTP Content-Type), else the name's ending,
    else the first bytes. Plain text or JSON declared so yields to a start neither has: a
    WARC record, a feed, a whole HTML page, or for text a JSON array of objects (a feed
    saved as ".txt"; an HTML page saved as ".jsonl" had given an error a line, 1,412 of
    them, review 42) or JSON objects (review 59)."""
    kind = (media_type or "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        raise InputError(Code.E007, name)
    lower = name.lower()
    declared = MEDIA_TYPES.get(kind) or next((f for e, f in _ENDINGS if lower.endswith(e)), None)
    head = data[:4096]
    found = _unmistakable(head)
    if declared == "jsonl" and found is not None:
        return found
    if declared == "html" and b"<" not in head and (found or _json_object_start(data)):
        # JSON lines declared HTML (curl's `-H 'Content-Type: text/html'`, a ".html" name)
        # hold no element: read as what they are, not "[E010] broken HTML" (review 114).
        return "jsonl"
    if declared is not None and declared != "text":
        return declared
    if declared == "text" and found is None and _json_object_start(data):
        return "jsonl"  # JSON lines saved as ".txt" had been one article titled with JSON
    if declared == "text" or found is not None:
        return found or "text"
    return _likely(head)


def _json_object_start(data: bytes) -> bool:
    """Whether ``data`` opens as JSON objects do, as no prose does: a first line that is a
    whole JSON object, or a lone "{" (a pretty-printed object)."""
    body = data[: 1 << 20].lstrip()
    if not body.startswith(b"{"):
        return False
    first = body.partition(b"\n")[0].strip()
    if first == b"{":
        return True
    try:
        return isinstance(NUMBERS_AS_FLOATS.decode(first.decode("utf-8", "replace")), dict)
    except (ValueError, RecursionError):
        return False


def _unmistakable(head: bytes) -> str | None:
    """The format of a start no plain text has, else None."""
    if head.startswith(b"WARC/") or gzipped_warc(head):
        return "warc"
    if _FEED_START.search(head) and not _HTML_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if _JSON_ARRAY_START.match(head):
        return "jsonl"
    return None


def _likely(head: bytes) -> str:
    """The format that first bytes some text could also have suggest."""
    if re.search(rb"<html\b", head, re.I):
        return "html"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    tag = _TAG_START.match(head)
    if tag is not None:  # markup that is no whole page: a fragment of HTML, or other XML
        return "html" if tag.group(1).lower() in _HTML_TAGS else "feed"
    if head.lstrip().startswith(b"<?xml"):
        return "feed"  # XML that is neither HTML nor a known feed: the feed reader says so
    return "text"


_JSON_ARRAY_START = re.compile(rb"^\s*\[\s*\{")
_ENDINGS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "jsonl"),  # one JSON object, or an array of them
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".txt", "text"),
)
ARTICLE_ENDINGS = (*(ending for ending, _ in _ENDINGS), ".xml", ".gz")
# Media types that name a format; others (application/octet-stream, text/xml) are sniffed.
MEDIA_TYPES = {
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/warc": "warc",
}


def read_text(data: bytes, origin: str) -> Iterator[Item]:
    yield Document(origin, "text", data, text=decode_text(data, origin))


def read_html(data: bytes, origin: str) -> Iterator[Item]:
    html = decode_html(data, origin)
    if not _ELEMENT.search(html):
        yield InputError(Code.E010, origin, detail="no HTML elements found")
        return
    yield Document(origin, "html", data, html=html)


# Any element: a page whose text stands in a <section>, <main>, <pre>, <blockquote> or
# <b>, or in <html> without a <body>, had been E010 "no HTML elements found" as no <p>,
# <div>, <body>, ... was there (review 247); one without text is E005 after extraction.
_ELEMENT = re.compile(r"<\s*[a-z][a-z0-9]*\b", re.I)


def reread(fmt: str, payload: bytes, origin: str, meta: dict[str, Any]) -> Document:
    """The document again from the payload and metadata the store kept, for reanalysis;
    InputError when the payload cannot be read now."""
    if fmt == "feed":
        item = feed_document(json.loads(payload), origin, None)
    else:
        item = next(iter(READERS[fmt](payload, origin)), InputError(Code.E005, origin))
    if isinstance(item, InputError):
        raise item
    meta = dict(meta)
    published, assumed = meta.pop("published", None), meta.pop("assumed_published", None)
    if "source" in meta:  # a document stored before the publisher had its name
        meta["publisher"] = meta.pop("source")
    for key, value in meta.items():
        setattr(item, key, value or getattr(item, key))
    item.published = datetime.fromisoformat(published) if published else item.published
    item.assumed_published = datetime.fromisoformat(assumed) if assumed else None
    return item


READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}
