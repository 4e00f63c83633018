"""RSS and Atom feeds. feedparser reads them leniently, so that a broken feed still gives the
items before its break; what it would misread or choke on (HTML's named entities, an entity
that could grow without bound, a date it moves into another year, a relative link) is
settled here, before and after it reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html import unescape
from html.entities import name2codepoint
from time import struct_time
from typing import Any

import feedparser

from chronik.errors import Code, InputError
from chronik.ingest.decode import XML_ENCODING, storable, utf8_bytes
from chronik.ingest.document import Document, Item, join_url, split_url
from chronik.ingest.fields import WEB_SCHEMES, misread_year
from chronik.ingest.pages import html_body, html_fragment_text


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    data = _HTML_ENTITY.sub(_numeric_entity, _CHAR_REF.sub(_no_surrogate_ref, utf8_bytes(data)))
    prolog, body = _split_prolog(data)
    declared = _ENTITY_DECLARATION.findall(prolog)
    if any(not _PLAIN_ENTITY.fullmatch(value) for value in declared):
        # feedparser would drop such an entity and read its uses as junk text.
        yield InputError(Code.E020, origin, detail=_UNSAFE_ENTITY)
        return
    if declared:  # each on a line of its own, where feedparser finds them
        data = _DECLARATION_START.sub(b"\n\\1", prolog) + body
    parsed = feedparser.parse(_readable_encoding_name(data))
    entries = parsed.get("entries") or []
    # A wrong encoding declaration that feedparser read past is no break.
    broken = parsed.get("bozo") and not isinstance(
        parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride
    )
    if broken:
        entries = entries[: _items_before_break(data, parsed.get("bozo_exception"))]
    publisher = _title(parsed.get("feed", {})) or None
    base = _feed_base(origin, parsed.get("feed", {}).get("link"))
    # A broken feed is reported, and whatever items the lenient parser recovered still come.
    for index, entry in enumerate(entries, start=1):
        entry["link"] = _absolute(entry.get("link"), base)
        yield feed_document(entry, f"{origin}#{index}", publisher)
    # A well-formed feed without items is quiet, not broken: a polled feed often is.
    if not broken and not entries and not parsed.get("version"):
        yield InputError(Code.E020, origin, detail="XML, but no RSS or Atom feed")
    elif broken:
        yield InputError(
            Code.E020, origin, detail=_break_detail(data, parsed.get("bozo_exception"))
        )


def _split_prolog(data: bytes) -> tuple[bytes, bytes]:
    """The XML declaration and DOCTYPE before the first element, and the rest."""
    first = _FIRST_ELEMENT.search(data)
    return (data[: first.start()], data[first.start() :]) if first else (b"", data)


_FIRST_ELEMENT = re.compile(rb"<\w")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY([^>]*)>")
# A name for a plain text or one character, the only entities worth expanding in a feed;
# on one line (`<!DOCTYPE rss [ <!ENTITY foo "bar"> ]>`) feedparser broke at the DOCTYPE.
_PLAIN_ENTITY = re.compile(rb'\s+\w+\s+"(?:&#\w+;|[^&"%]*)"\s*')
_DECLARATION_START = re.compile(rb"(<!ENTITY|\]\s*>)")
_UNSAFE_ENTITY = (
    "its DOCTYPE declares an entity made of other entities or read from a file, "
    "which could grow without bound; Chronik reads no feed that has one"
)


def _feed_base(origin: str, channel: str | None) -> str | None:
    """What an item's relative link is relative to: the feed's own address, else the site
    its channel links to."""
    for candidate in (origin, channel):
        if candidate and split_url(candidate).scheme in WEB_SCHEMES:
            return candidate
    return None


def _readable_encoding_name(data: bytes) -> bytes:
    """A feed whose XML declaration names its encoding in bytes that are no text
    (``encoding="u\\xd6f-8"``) read as UTF-8: feedparser failed on the name itself, which
    ended the feed with a Python error (review 42)."""
    found = XML_ENCODING.match(data)
    if found is None or data[found.end(1) : found.end()].isascii():
        return data
    return data[: found.end(1)] + b"utf-8" + data[found.end() :]


def _absolute(link: str | None, base: str | None) -> str | None:
    """An item's link made absolute; one that cannot be ("/politik/haushalt" in a feed read
    from a file whose channel names no site) is none: two publishers' same path must not
    make their articles one."""
    if not link:
        return None
    scheme = split_url(link).scheme
    if scheme in WEB_SCHEMES:
        return link
    if scheme:  # an Atom id such as "urn:uuid:…" names no page
        return None
    return join_url(base, link) if base else None


def _items_before_break(data: bytes, problem: Any) -> int:
    """How many items end before the place the parser broke at: those the lenient parser
    recovered at or after it may be cut, or junk ("Bomb &lol6;" after a DTD it refused),
    and must not replace a whole stored item. Where the parser names no place, the feed
    is taken as cut off at its end."""
    place = _break_place(data, problem)
    if place is None:
        end = len(data)
    else:
        starts = [0, *(m.end() for m in re.finditer(rb"\n", data))]
        end = starts[min(place[0], len(starts)) - 1] + place[1]
    return len(_ITEM_END.findall(data, 0, end))


def _break_place(data: bytes, problem: Any) -> tuple[int, int] | None:
    """The line and column of ``data`` the XML parser broke at, where it names one."""
    line = getattr(problem, "getLineNumber", lambda: None)()
    if isinstance(line, int) and not _XML_DECLARATION.match(data):
        line -= 1  # feedparser parses the data behind a declaration line of its own
    if not isinstance(line, int) or line < 1:
        return None
    return line, getattr(problem, "getColumnNumber", lambda: 0)() or 0


def _break_detail(data: bytes, problem: Any) -> str:
    """The parser's message at the place in the input, not in feedparser's copy of it
    ("<unknown>:2:109" for the one line of a feed cut off at its end)."""
    place = _break_place(data, problem)
    message = problem.getMessage() if hasattr(problem, "getMessage") else str(problem or "")
    message = message.splitlines()[0] if message else "not a feed"
    return f"line {place[0]}, column {place[1]}: {message}" if place else message


_CHAR_REF = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
_XML_DECLARATION = re.compile(rb"<\?xml[^>]*?>")  # as feedparser.encodings finds it
_ITEM_END = re.compile(rb"</(?:\w+:)?(?:item|entry)\s*>", re.I)


_HTML_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


def _numeric_entity(match: re.Match[bytes]) -> bytes:
    """HTML's named entities ("&nbsp;"), which XML does not define, as numbers: feeds use
    them, and feedparser would call the feed broken (though it recovers every item)."""
    name = match.group(1)
    code = name2codepoint.get(name.decode("ascii"))
    if name in _XML_ENTITIES or code is None:
        return match.group(0)
    return b"&#%d;" % code


def _no_surrogate_ref(match: re.Match[bytes]) -> bytes:
    # feedparser's lenient parser fails on a reference to a lone surrogate ("&#55296;").
    digits = match.group(1)
    number = int(digits[1:], 16) if digits[:1] == b"x" else int(digits)
    return b"&#65533;" if 0xD800 <= number <= 0xDFFF else match.group(0)


def feed_document(entry: Any, where: str, publisher: str | None) -> Item:
    text, html = html_body(storable(_entry_html(entry)))
    title = storable(_title(entry))
    if not (text or html) and not title:  # an item, not the feed, is empty: E005, not E020
        return InputError(Code.E005, where)
    return Document(
        where,
        "feed",
        json.dumps(_plain(entry), ensure_ascii=False, default=str).encode("utf-8", "replace"),
        url=entry.get("link"),
        title=title,
        text=text,
        html=html,
        published=_entry_time(entry),
        publisher=publisher,
        language=entry.get("language"),
    )


def _entry_time(entry: Any) -> datetime | None:
    """An item's publication (else update) time; none where feedparser read another year
    than the one written, as for a date it cannot read at all."""
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            written = entry.get(key) or ""
            misread = misread_year(written, parsed.tm_year, slack=1)
            return None if misread is not None or _no_such_day(written) else _from_struct(parsed)
    return None


def _no_such_day(written: str) -> bool:
    """Whether an ISO date written in a feed names no day ("2024-02-30"), which feedparser
    reads as the day it runs on to (1 March; review 42), as JSONL's reader refuses it."""
    found = _ISO_DAY.search(written)
    if found is None:
        return False
    try:
        date(*map(int, found.groups()))
    except ValueError:
        return True
    return False


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary", "")
    return html or ""


def _title(node: Any) -> str:
    """An item's or the feed's title as text (:func:`_plain_title`), by the type feedparser
    gives it."""
    kind = (node.get("title_detail") or {}).get("type") or ""
    return _plain_title(node.get("title") or "", kind)


def _plain_title(title: str, kind: str = "") -> str:
    """A title without the markup feeds put in it ("<b>Haushalt</b>", Atom's type="html");
    a "<" before no tag is text ("Kosten < 5 Euro"). A title of HTML (``kind``) has its
    entities read without a tag too: feeds escape twice (`&amp;quot;`), and "Söder
    &quot;einig&quot;" had been a headline, "Rhein &amp; Ruhr" a publisher (review 164)."""
    if _TAG.search(title):
        return " ".join(html_fragment_text(title).split())
    if "html" in kind and "&" in title:
        return " ".join(unescape(title).split())
    return title


_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _from_struct(value: struct_time | None) -> datetime | None:
    """feedparser's UTC time as a datetime; None for one no datetime holds, as for a date
    feedparser cannot read: "0001-01-01T00:00:00+14:00" is year 0 in UTC, and an error
    here ended the whole feed at that item."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def _plain(entry: Any) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if isinstance(v, str | int | float | list | dict)}
