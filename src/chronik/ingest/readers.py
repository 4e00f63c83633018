"""Readers: bytes of one input in, documents (or input errors) out, one reader per format.

Each reader yields ``Document`` or ``InputError`` items, so that one bad item in a feed or a
JSONL file is reported and the rest still comes through.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html.entities import name2codepoint
from time import struct_time
from typing import Any
from urllib.parse import urlunsplit

import feedparser

from chronik.errors import Code, InputError
from chronik.ingest.decode import (
    XML_ENCODING,
    binary_field,
    decode_text,
    looks_binary,
    storable,
    utf8_bytes,
    utf16_codec,
)
from chronik.ingest.document import Document, Item, Reader, join_url, split_url, url_host
from chronik.ingest.fields import (
    WEB_SCHEMES,
    MisreadYear,
    misread_year,
    parse_time,
    publisher_name,
    quoted,
)
from chronik.ingest.pages import decode_html, html_body, html_fragment_text, is_whole_page
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
        return isinstance(_NUMBERS_AS_FLOATS.decode(first.decode("utf-8", "replace")), dict)
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
    if not re.search(r"<\s*(p|div|article|body|h\d|span|td|li)\b", html, re.I):
        yield InputError(Code.E010, origin, detail="no HTML elements found")
        return
    yield Document(origin, "html", data, html=html)


def read_jsonl(data: bytes, origin: str) -> Iterator[Item]:
    """JSON Lines; also one JSON document: an object over several lines, or an array of
    objects (an export's usual shape), each element then named by the line it starts on."""
    data = utf8_bytes(data)
    if looks_binary(data) and not any(map(_text_line, data.split(b"\n"))):
        # A binary file is one error, not one for every stretch between its newline bytes;
        # a binary line among JSON lines is an error of its own below.
        raise InputError(Code.E002, origin, detail="control bytes found")
    if _one_document(data):
        with contextlib.suppress(InputError):  # undecodable as a whole: line by line
            yield from _json_document(decode_text(data, origin), origin)
            return
    # Lines end at "\n" only: JSON strings may hold U+2028 and other breaks that
    # str.splitlines() would cut at. Each line is decoded on its own, so one Latin-1 line
    # does not garble the UTF-8 lines around it.
    previous = b""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.startswith(b"\x00") and utf16_codec(previous) == "utf-16-le":
            raw = raw[1:]  # the second byte of a UTF-16-LE line's newline, "\n\x00"
        previous, raw = raw, raw.rstrip(b"\r")
        if not raw.strip():
            continue
        try:
            record = json.loads(decode_text(raw, line_name(origin, number)))
        except InputError as exc:  # a binary line: the other lines still come
            yield exc
            continue
        except (ValueError, RecursionError) as exc:  # a number too large among them
            yield InputError(Code.E030, origin, line=number, detail=_json_detail(exc))
            continue
        yield _jsonl_document(record, origin, number, raw)


def _text_line(line: bytes) -> bool:
    """Whether a line of a file that looks binary is a JSON line: it starts as one and is
    text."""
    return line.lstrip().startswith((b"{", b"[")) and not looks_binary(line)


def _one_document(data: bytes) -> bool:
    """Whether ``data`` is one JSON document (an array, or a pretty-printed object), not
    JSON lines, judged by its content alone: standard input, an upload and a URL have no
    name that could tell. A first line that is JSON by itself makes it one document only as
    a whole array on that one line. A first line that is not opens one document where it is
    a lone bracket, as no JSON-lines record is (a cut-off export then keeps the elements
    before its break), or where the whole body is JSON; else the body is JSON lines, and a
    broken first line is that line's error alone. A first line nested deeper than Python
    reads is a line, as no pretty-printed document's is."""
    body = data.strip()
    first, _, rest = body.partition(b"\n")
    try:
        _NUMBERS_AS_FLOATS.decode(first.decode("utf-8", "replace"))
    except RecursionError:
        return False
    except ValueError:
        return first.strip() in (b"[", b"{") or _whole_json(body)
    return not rest and body.startswith(b"[")


def _whole_json(body: bytes) -> bool:
    try:
        _NUMBERS_AS_FLOATS.decode(body.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return False
    return True


def _json_document(text: str, origin: str) -> Iterator[Item]:
    """The items of ``text`` read as one JSON document: an array's elements, or the object."""
    body = text.lstrip()
    if body.startswith("["):
        yield from _json_array(text, len(text) - len(body) + 1, origin)
        return
    try:
        record = json.loads(body)
    except (ValueError, RecursionError) as exc:
        yield _json_error(exc, origin, 1)
        return
    yield _jsonl_document(record, origin, 1, text.encode())


def _json_array(text: str, position: int, origin: str) -> Iterator[Item]:
    """Each element of the array that opens before ``position``, as a JSONL line is read;
    a syntax error ends the array (the elements before it stay)."""
    decoder, line, counted = json.JSONDecoder(), 1, 0
    while True:
        position = _after_space(text, position)
        if text.startswith("]", position):
            return
        line, counted = line + text.count("\n", counted, position), position
        try:
            record, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as exc:
            yield _json_error(exc, origin, line)
            after = _end_past_large_numbers(exc, text, position)
            if after is None:
                return
            end = after
        else:
            yield _jsonl_document(record, origin, line, text[position:end].encode())
        position = _after_space(text, end)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            line += text.count("\n", counted, position)
            yield InputError(Code.E030, origin, line=line, detail="expected ',' or ']'")
            return


def _end_past_large_numbers(exc: Exception, text: str, position: int) -> int | None:
    """Where the element at ``position`` ends, when all it lacked was a number Python reads
    (more than 4,300 digits): its neighbours are still read. None for a syntax error."""
    if isinstance(exc, json.JSONDecodeError) or not isinstance(exc, ValueError):
        return None
    try:
        return _NUMBERS_AS_FLOATS.raw_decode(text, position)[1]
    except (ValueError, RecursionError):
        return None


# Reads an integer of any length (as a float, infinite past 1e308), to find where a value
# ends or whether a line is JSON at all; what is read is then read by json itself.
_NUMBERS_AS_FLOATS = json.JSONDecoder(parse_int=float)


def _json_detail(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return json_problem(exc)
    if isinstance(exc, ValueError):  # int() refuses more than sys.get_int_max_str_digits()
        return f"number too large: more than {sys.get_int_max_str_digits()} digits"
    return "nested too deeply"


def _json_error(exc: ValueError | RecursionError, origin: str, line: int) -> InputError:
    """E030 at the line json names (in a whole document), else at ``line``."""
    where = exc.lineno if isinstance(exc, json.JSONDecodeError) else line
    return InputError(Code.E030, origin, line=where, detail=_json_detail(exc))


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


_JSONL_FIELDS = ("url", "title", "text", "content", "publisher", "source", "language")
# Fields read only where another is missing: the field each stands in for.
_FALLBACK_FOR = {"content": "text", "source": "publisher"}
# Scrapers name the publication time in many ways; the first of these that holds a string
# or a number (Unix time) is read. A gathering day is the best bound a scraper without a
# publication time has: an undated article is compared with stories of any age, and
# undated stories chain.
_PUBLISHED_FIELDS = (
    "published",
    "published_at",
    "pubDate",
    "datePublished",
    "date",
    "gathered_date",
)
# Unix times from 2001 on (1e9 s) are read; above 1e11 (the year 5138) they are
# milliseconds. Smaller numbers are more likely years ("published": 2024) than times.
_SECONDS, _MILLISECONDS = 10**9, 10**11


def json_problem(exc: json.JSONDecodeError) -> str:
    """json's message with the column it names ("Unterminated string starting at" alone
    says nothing)."""
    place = "column" if exc.msg.endswith(" at") else "at column"
    return f"{exc.msg} {place} {exc.colno}"


def line_name(origin: str, number: int) -> str:
    """How a message names a line of a file, the same for an article read from it and for
    an error in it (E030 and E031 write "line N" after the input's name too)."""
    return f"{origin}: line {number}"


def _jsonl_document(record: Any, origin: str, number: int, raw: bytes) -> Item:
    if not isinstance(record, dict):
        return InputError(Code.E031, origin, line=number, detail="not a JSON object")
    # A fallback that a field of its own makes unused is not looked at (review 42: an extra
    # "content" list beside a good "text" had refused the line).
    used = [k for k in _JSONL_FIELDS if not record.get(_FALLBACK_FOR.get(k, ""))]
    wrong = next((k for k in used if not _is_str(record.get(k, ""))), None)
    if wrong is None and not _is_time(record.get("published")):
        wrong = "published"
    if wrong is not None:
        detail = f"{wrong!r} is not a {'time' if wrong == 'published' else 'string'}"
        return InputError(Code.E031, origin, line=number, detail=detail)
    binary = next((k for k in used if binary_field(record.get(k) or "")), None)
    if binary is not None:
        return InputError(Code.E031, origin, line=number, detail=f"{binary!r} is binary, not text")
    fields = {k: storable(record[k]) for k in used if record.get(k) is not None}
    # Scrapers often call the body "content": read it rather than keep only the title.
    title, text = fields.get("title"), fields.get("text", fields.get("content"))
    if not (title and title.strip()) and not (text and text.strip()):
        return InputError(Code.E031, origin, line=number, detail="needs a 'title' or a 'text'")
    key = next((k for k in _PUBLISHED_FIELDS if _is_time(record.get(k), given=True)), None)
    try:
        when = _jsonl_time(record[key]) if key else None
    except MisreadYear as exc:
        detail = f"{key!r} has year {exc.year:04d}, which would be read as another: "
        detail += quoted(record[key])
        return InputError(Code.E031, origin, line=number, detail=detail)
    except (ValueError, OverflowError, OSError):
        detail = f"{key!r} is no ISO 8601, RFC 2822 or Unix time: {quoted(record[key])}"
        return InputError(Code.E031, origin, line=number, detail=detail)
    body, html = (None, None) if text is None else _jsonl_body(text)
    return Document(
        line_name(origin, number),
        "jsonl",
        raw,
        url=_page_url(_str_or_none(fields.get("url"))),
        title=_str_or_none(title),
        text=_str_or_none(body),
        html=html,
        published=when,
        # "source", as many exports call the publisher, is read where "publisher" is not.
        publisher=publisher_name(_str_or_none(fields.get("publisher") or fields.get("source"))),
        language=_str_or_none(fields.get("language")),
    )


def _page_url(value: str | None) -> str | None:
    """A line's address, unless it names no page ("javascript:…", "mailto:…"), as a feed
    item's link of another scheme does not. Scrapers leave spaces around it and write
    "HTTPS://WWW.…": the page is the same, its id and publisher too."""
    value = value.strip() if value else None
    if not value:
        return None
    parts = split_url(value)
    if not parts.scheme:
        # An address that does not split ("http://[::1") is none, not the article's
        # identity (review 71); a path without a scheme names a page of the site.
        return None if "://" in value else value
    if parts.scheme.lower() not in WEB_SCHEMES or not url_host(value):
        return None
    user, at, host = parts.netloc.rpartition("@")  # a user's name and password keep their case
    netloc = f"{user}{at}{host.lower()}"
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=netloc))


def _jsonl_body(text: str) -> tuple[str | None, str | None]:
    """A line's text as plain text; one that is HTML (an archive of a site's pages) as
    HTML, so that its tags neither stay as words nor run its paragraphs together."""
    if is_whole_page(text):
        return None, text
    return html_body(text) if _HTML_TAG.search(text) else (text, None)


# Block tags and the tags no plain text holds: a body of inline markup or of scripts alone
# is HTML too, and its markup must not become the article's words.
_TAG_NAMES = (
    r"(?:p|h[1-6]|ul|ol|li|br|div|blockquote|html|body|head|script|style|article|section"
    r"|table|span|a|img|strong|em|b|i)"
)
# A closing tag, a bare one ("<p>", "<br/>"), or one whose first attribute has a value
# ("<a href=…>"): "a<b und x>y" in a formula is text, where "<b" had made all of it HTML
# and its words between the brackets were lost.
_HTML_TAG = re.compile(
    rf"</{_TAG_NAMES}\s*>|<{_TAG_NAMES}\s*/?>|<{_TAG_NAMES}\s+[\w:-]+\s*=[^>]*>", re.I
)


def _is_time(value: Any, given: bool = False) -> bool:
    """A string or a number (not a bool); with ``given``, not empty or absent either."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return not given
    return isinstance(value, str) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def _jsonl_time(value: str | float) -> datetime:
    if isinstance(value, str) and _UNIX_TIME.fullmatch(value.strip()):
        value = int(value)  # many exports write seconds as a string: "1754400000"
    if isinstance(value, str):
        return parse_time(value)
    if value == 0:  # an empty time field written as a zero timestamp: analysis drops it
        return datetime.fromtimestamp(0, UTC)
    if not value >= _SECONDS:  # NaN too
        raise ValueError(value)
    seconds = value / 1000 if value > _MILLISECONDS else value
    return datetime.fromtimestamp(seconds, UTC)


# Ten digits of seconds or thirteen of milliseconds, as Unix times since 2001 are: no ISO
# 8601 date ("20250805") has as many. A lone zero is an empty field's.
_UNIX_TIME = re.compile(r"\d{10}|\d{13}|0")


def _is_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


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
    publisher = parsed.get("feed", {}).get("title")
    base = _feed_base(origin, parsed.get("feed", {}).get("link"))
    # A broken feed is reported, and whatever items the lenient parser recovered still come.
    for index, entry in enumerate(entries, start=1):
        entry["link"] = _absolute(entry.get("link"), base)
        yield _feed_document(entry, f"{origin}#{index}", publisher)
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


def _feed_document(entry: Any, where: str, publisher: str | None) -> Item:
    text, html = html_body(storable(_entry_html(entry)))
    title = storable(_plain_title(entry.get("title") or ""))
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


def _plain_title(title: str) -> str:
    """A title without the markup feeds put in it ("<b>Haushalt</b>", Atom's type="html");
    a "<" before no tag is text ("Kosten < 5 Euro")."""
    if not _TAG.search(title):
        return title
    return " ".join(html_fragment_text(title).split())


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


def reread(fmt: str, payload: bytes, origin: str, meta: dict[str, Any]) -> Document:
    """The document again from the payload and metadata the store kept, for reanalysis;
    InputError when the payload cannot be read now."""
    if fmt == "feed":
        item = _feed_document(json.loads(payload), origin, None)
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
