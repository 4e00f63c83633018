"""What a reader hands to analysis: one input document, as found, before any analysis."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TypeAlias
from urllib.parse import SplitResult, urljoin, urlsplit

from chronik.errors import InputError


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
    # Why the page a feed item links to was not read (``--fetch``): the item stands as the
    # feed gives it, and the ingest's report says so (review 164).
    unfetched: str | None = None

    def __post_init__(self) -> None:
        self.origin = _printable(self.origin)


Item: TypeAlias = Document | InputError
Reader: TypeAlias = Callable[[bytes, str], Iterator[Item]]


def _printable(name: str) -> str:
    """A name as every store can hold it: a file name that is no UTF-8 ("b\\xff.txt") holds
    lone surrogates, which had ended the batch when stored (review 42); its bytes are
    written as escapes."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system makes ("\ud800" from JSON)
        return name.encode("utf-8", "replace").decode("utf-8")


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http:// or https:// address: one that is fetched, and that
    names a page."""
    return text.startswith(("http://", "https://"))


def is_plain_address(text: str) -> bool:
    """Whether ``text`` is a web address alone, as a setting, a feeds file or an argument
    gives one: without white space, which no address holds ("https://a.de/rss
    https://b.de/rss", two feeds without their comma, had been fetched as one, HTTP 404;
    review 247)."""
    return is_web_address(text) and not any(c.isspace() for c in text)


def entry_fragment(url: str) -> str:
    """``#`` and the fragment of ``url`` where it names one entry of a page, else "". A live
    blog's feed links each entry as ``…-liveblog#event_id=eo5x…``: without the fragment, 152
    entries of news-stream-de, months apart, had each become a revision of the one before,
    which left only the latest as an article. Only a fragment that says it is an entry,
    post or event of the page (or of its live blog), with its id, names one:
    ``#event_id=…``, ``#post-20841``, ``#liveblog-entry-98``; a tracking key
    (``#xtor=RSS-3``), a text fragment (``#:~:text=…``), a page or time (``#page=2``,
    ``#t=30``), a comment (``#comment-12``) or a plain anchor (``#comments``) does not, and
    the link is the page."""
    fragment = split_url(url.strip()).fragment.strip()
    return "#" + fragment if _ENTRY.fullmatch(fragment) else ""


# "event_id=eo5x", "entryId=98", "post-20841", "liveblog-entry-98", "entry_abc123".
_ENTRY = re.compile(
    r"(?i)(?:live(?:blog)?[-_])?(?:event|entry|post|update|eintrag|beitrag|ticker)"
    r"(?:[-_]?id)?(?:=[\w-]+|[-_]?[a-z]*\d[\w-]*)"
)


def split_url(url: str) -> SplitResult:
    """``urlsplit``, or no parts for an address it cannot split ("https://exa[mple.de/…", a
    host like a broken IPv6 address): one such address in an archive or a feed had ended
    the whole batch (review 42). The address itself stays as it was given."""
    try:
        return urlsplit(url)
    except ValueError:
        return SplitResult("", "", "", "", "")


def url_host(url: str) -> str:
    """The address's host in lower case, "" where it has none or a broken one (a port that
    is no number)."""
    try:
        return split_url(url).hostname or ""
    except ValueError:
        return ""


def join_url(base: str, link: str) -> str | None:
    """``link`` made absolute against ``base``; None where either cannot be split."""
    try:
        return urljoin(base, link)
    except ValueError:
        return None
