"""What a reader hands to analysis: one input document, as found, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class Document:
    """One article-to-be. ``origin`` names the input in messages (a path, ``path: line N``, a URL).

    ``payload`` is the original input, kept by the store so that ``reanalyze`` can re-run
    analysis after an upgrade. Exactly one of ``text`` and ``html`` carries the body.
    """

    origin: str
    format: str  # text, html, feed, warc, jsonl
    payload: bytes
    url: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    published: datetime | None = None
    publisher: str | None = None
    language: str | None = None
    # The time a user gave for an input that dates itself nowhere (``ingest --published``):
    # a page's own date, found in analysis, comes first.
    assumed_published: datetime | None = None


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http:// or https:// address: one that is fetched, and that
    names a page."""
    return text.startswith(("http://", "https://"))
