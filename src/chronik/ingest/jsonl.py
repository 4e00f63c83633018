"""JSON Lines, as scrapers and exports write them: an article a line, or one JSON document
(an array of articles, a pretty-printed object), each naming its fields in its own way. A
line that cannot be read is an error of its own, named by its line, and the lines around it
still come.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from html import unescape
from typing import Any
from urllib.parse import urlunsplit

from chronik.errors import Code, InputError, quoted
from chronik.ingest.decode import (
    binary_field,
    decode_text,
    looks_binary,
    storable,
    utf8_bytes,
    utf16_codec,
)
from chronik.ingest.document import Document, Item, split_url, url_host
from chronik.ingest.fields import WEB_SCHEMES, MisreadYear, parse_time, publisher_name
from chronik.ingest.pages import html_body, html_fragment_text, is_whole_page


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
    previous, lines = b"", data.split(b"\n")
    for number, raw in enumerate(lines, start=1):
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
            # Only the last line, with no newline after it, can be cut off by the file's end.
            yield _line_error(exc, origin, number, number == len(lines))
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
    before its break), where it is the only line and opens an array (a minified export cut
    off: its elements before the break had been lost with the line, review 262), or where
    the whole body is JSON; else the body is JSON lines, and a broken first line is that
    line's error alone. A first line nested deeper than Python reads is a line, as no
    pretty-printed document's is."""
    body = data.strip()
    first, _, rest = body.partition(b"\n")
    array_alone = not rest and body.startswith(b"[")
    try:
        NUMBERS_AS_FLOATS.decode(first.decode("utf-8", "replace"))
    except RecursionError:
        return False
    except ValueError:
        return first.strip() in (b"[", b"{") or array_alone or _whole_json(body)
    return array_alone


def _whole_json(body: bytes) -> bool:
    try:
        NUMBERS_AS_FLOATS.decode(body.decode("utf-8", "replace"))
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
        return NUMBERS_AS_FLOATS.raw_decode(text, position)[1]
    except (ValueError, RecursionError):
        return None


# Reads an integer of any length (as a float, infinite past 1e308), to find where a value
# ends or whether a line is JSON at all; what is read is then read by json itself.
NUMBERS_AS_FLOATS = json.JSONDecoder(parse_int=float)


def json_detail(exc: ValueError | RecursionError) -> str:
    """Why json could not read a text: its own message, or the limit it reached."""
    if isinstance(exc, json.JSONDecodeError):
        return json_problem(exc)
    if isinstance(exc, ValueError):  # int() refuses more than sys.get_int_max_str_digits()
        return f"number too large: more than {sys.get_int_max_str_digits()} digits"
    return "nested too deeply"


def _json_error(exc: ValueError | RecursionError, origin: str, line: int) -> InputError:
    """E030 at the line json names (in a whole document), else at ``line``. A document that
    ends before its value does is cut short at its last line: json names the place after
    the last line break, "line 5" of a file of four lines (review 114), or, where it ends
    inside a string, the string's start (json reads no line break inside a string, so an
    unterminated one runs to the end; review 262)."""
    if not isinstance(exc, json.JSONDecodeError):
        return InputError(Code.E030, origin, line=line, detail=json_detail(exc))
    why = _ends_early(exc)
    if why is not None:
        last = exc.doc.rstrip().count("\n") + 1
        return InputError(Code.E030, origin, line=last, detail=_CUT_SHORT + why)
    return InputError(Code.E030, origin, line=exc.lineno, detail=json_detail(exc))


def _line_error(
    exc: ValueError | RecursionError, origin: str, line: int, at_end: bool
) -> InputError:
    """E030 for a JSON line; the file's last line, ``at_end`` with no newline after it, is
    cut short where json stops at its end, as a whole document is (review 276: json's own
    words, "Expecting ',' delimiter", had named a column past the line's end)."""
    why = _ends_early(exc) if at_end and isinstance(exc, json.JSONDecodeError) else None
    if why is None:
        return InputError(Code.E030, origin, line=line, detail=json_detail(exc))
    return InputError(Code.E030, origin, line=line, detail=_CUT_SHORT + why)


def _ends_early(exc: json.JSONDecodeError) -> str | None:
    """Why json stopped, where the text's end stopped it: at that end, or inside a string
    (json reads no line break inside one, so an unterminated one runs to the end)."""
    if exc.msg.startswith("Unterminated string"):
        return "inside a string"
    return exc.msg if exc.pos >= len(exc.doc.rstrip()) else None


_CUT_SHORT = "cut short: the file ends before its value does; "


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
    detail = _fields_fault(record, used)
    if detail is not None:
        return InputError(Code.E031, origin, line=number, detail=detail)
    fields = {k: storable(record[k]) for k in used if record.get(k) is not None}
    # Scrapers often call the body "content": read it rather than keep only the title.
    title, text = fields.get("title"), fields.get("text", fields.get("content"))
    if not (title and title.strip()) and not (text and text.strip()):
        return InputError(Code.E031, origin, line=number, detail="needs a 'title' or a 'text'")
    when, detail = _published(record)
    if detail is not None:
        return InputError(Code.E031, origin, line=number, detail=detail)
    body, html = (None, None) if text is None else _jsonl_body(text)
    return Document(
        line_name(origin, number),
        "jsonl",
        raw,
        url=_page_url(_str_or_none(fields.get("url"))),
        title=_str_or_none(None if title is None else _plain_title(title)),
        text=_str_or_none(body),
        html=html,
        published=when,
        # "source", as many exports call the publisher, is read where "publisher" is not.
        publisher=publisher_name(_str_or_none(_plain_title(_publisher(fields)))),
        language=_str_or_none(fields.get("language")),
    )


def _fields_fault(record: dict[str, Any], used: list[str]) -> str | None:
    """Why the fields read from a line cannot be taken: the first that is no string (or a
    "published" that is no time), else the first that is binary; None where all can."""
    wrong = next((k for k in used if not _is_str(record.get(k, ""))), None)
    if wrong is None and not _is_time(record.get("published")):
        wrong = "published"
    if wrong is not None:
        return f"{wrong!r} is not a {'time' if wrong == 'published' else 'string'}"
    binary = next((k for k in used if binary_field(record.get(k) or "")), None)
    return None if binary is None else f"{binary!r} is binary, not text"


def _published(record: dict[str, Any]) -> tuple[datetime | None, str | None]:
    """The time of the first of ``_PUBLISHED_FIELDS`` that gives one (None where none
    does), or why that field cannot be read as a time."""
    key = next((k for k in _PUBLISHED_FIELDS if _is_time(record.get(k), given=True)), None)
    if key is None:
        return None, None
    try:
        return _jsonl_time(record[key]), None
    except MisreadYear as exc:
        detail = f"{key!r} has year {exc.year:04d}, which would be read as another: "
        return None, detail + quoted(record[key])
    except (ValueError, OverflowError, OSError):
        detail = f"{key!r} is no ISO 8601, RFC 2822 or Unix time: {quoted(record[key])}"
        if _too_small(record[key]):  # 1999 had been refused without a word of why
            detail += " (a number this small is no Unix time from 2001 on: a year?)"
        return None, detail


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
    return html_body(text) if _HTML_TAG.search(text) else (_unescaped(text), None)


def _publisher(fields: dict[str, Any]) -> str:
    return str(fields.get("publisher") or fields.get("source") or "")


def _plain_title(title: str) -> str:
    """A line's title without the markup and character references a scraper kept from
    the page, as a feed's title loses them: "<b>Eilmeldung:</b> Sturm &uuml;ber Kiel" had
    been the headline, shown so on every page (review 247)."""
    if _HTML_TAG.search(title):
        return " ".join(html_fragment_text(title).split())
    return _unescaped(title)


def _unescaped(text: str) -> str:
    """``text`` with its whole character references read ("&amp;", "&uuml;", "&#8222;"),
    which no plain text means as written; a bare "&" ("AT&T", "B&B") stays, and so does a
    reference without its ";", which html.unescape would read in "Rot&not"."""
    return _REFERENCE.sub(lambda found: unescape(found.group()), text) if "&" in text else text


_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


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


def _too_small(value: Any) -> bool:
    """A number below the Unix times :func:`_jsonl_time` reads, as a year would be."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return number and 0 < value < _SECONDS


# Ten digits of seconds or thirteen of milliseconds, as Unix times since 2001 are: no ISO
# 8601 date ("20250805") has as many. A lone zero is an empty field's.
_UNIX_TIME = re.compile(r"\d{10}|\d{13}|0")


def _is_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
