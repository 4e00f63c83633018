"""WARC archives, as crawlers write them and as they arrive: large, gzipped a record at a
time, and often cut off or damaged somewhere. warcio reads the records; what it passes over
in silence (a wrong Content-Length, a damaged or cut-off gzip member, a record without a
type) is found here, so that each problem is reported once, naming the record, and every
record that can still be read is read.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from chronik.errors import Code, InputError, cut
from chronik.ingest.decode import read_bounded
from chronik.ingest.document import Document, Item, is_web_address
from chronik.ingest.pages import decode_html
from chronik.options import MAX_BYTES

GZIP_MAGIC = b"\x1f\x8b"


def gzipped_warc(data: bytes, at: int = 0) -> bool:
    """Whether the gzip member at byte ``at`` unpacks to the start of a WARC record (warcio
    reads such a file as it is). Only the first bytes are unpacked: damage further on had
    escaped as zlib.error from GzipFile's read-ahead."""
    try:
        start = zlib.decompressobj(wbits=31).decompress(memoryview(data)[at : at + 4096], 5)
    except zlib.error:
        return False
    return start == b"WARC/"


# warcio logs a warning of its own for a Target-URI with spaces, which it mends; with no
# logging set up it came out as a line of its own beside Chronik's (review 42).
logging.getLogger("warcio").setLevel(logging.ERROR)


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its warning on standard error: a record not followed by a
    blank line (a wrong Content-Length) printed three lines before Chronik's own error,
    which names the record that suffers from it."""

    INC_RECORD = ""

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """warcio's, except that a record that begins right after the one before begins
        the next record: that record's Content-Length was right and only the blank lines
        are missing. warcio took the line for junk, so the record was reported as of a
        wrong length and the next one lost."""
        empty_size, first = 0, True
        while line := self.reader.readline():
            if first and line.startswith(b"WARC/"):
                return line, empty_size
            if line.strip() and not first:
                return line, empty_size
            empty_size += len(line)
            self.err_count += bool(line.strip())  # warcio's count of records cut or run on
            first = False
        return None, empty_size


class _RecordLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's loader, but a response record without WARC-Target-URI is read without HTTP
    headers (warcio raises AttributeError from its iterator, which ends the archive), so
    that the record alone is reported and the others are read."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        return super().load_http_headers(rec_type, uri or "", stream, length)


def read_warc(data: bytes, origin: str, limit: int = MAX_BYTES) -> Iterator[Item]:
    """The archive's HTML responses; a record that unpacks to more than ``limit`` bytes
    is E003, read no further. A damaged gzip member is E040, and reading goes on at the next
    member that starts a record."""
    tally = _Tally()
    stream, passed_over = _warc_stream(data, tally)
    if passed_over:
        yield InputError(Code.E040, origin, detail=passed_over)
    stop = yield from _warc_records(stream, origin, limit, tally)
    while stop is not None:
        detail, resumed = _resume(data, stream, stop, tally)
        yield InputError(Code.E040, origin, detail=detail)
        if resumed is None:
            return
        stream = resumed
        stop = yield from _warc_records(stream, origin, limit, tally)
    yield from _warc_end(stream, tally, origin)


def _warc_stream(data: bytes, tally: _Tally) -> tuple[_GzipMembers | io.BytesIO, str | None]:
    """The stream to read records from, gzipped or not, and what was passed over to reach
    it: the bytes before the first gzip member that starts a record, where the file's first
    member is damaged (its records are lost)."""
    # One stream: warcio reads a gzip member a record, and a whole archive gzipped as one
    # member (`gzip items.warc`) ended after its first record.
    if data[:2] == GZIP_MAGIC:
        return _GzipMembers(data), None
    if data.lstrip().startswith(b"WARC/") or not (found := _next_record_member(data, -1)):
        return io.BytesIO(data), None
    tally.at += found[1]
    passed_over = f"no gzip member starts in the first {_bytes(found[0])}{_skipped(*found)}"
    return _GzipMembers(data, found[0]), passed_over


def _resume(
    data: bytes, stream: _GzipMembers | io.BytesIO, stop: str, tally: _Tally
) -> tuple[str, _GzipMembers | None]:
    """What ended a pass, with where reading goes on, and the stream from there: the next
    gzip member that starts a record (None where there is none)."""
    if not isinstance(stream, _GzipMembers):
        return stop, None
    found = _next_record_member(data, stream.member_start)
    if found is None:
        return stop, None
    # Records in damaged members are counted; bytes that start no member hold none.
    member = bool(_MEMBER_HEADER.match(data, stream.member_start))
    if not member:
        junk = found[0] - stream.member_start
        stop = f"no gzip member starts in the {_bytes(junk)} before record {tally.at}"
    tally.at += found[1] + member
    return stop + _skipped(*found), _GzipMembers(data, found[0])


def _warc_end(stream: _GzipMembers | io.BytesIO, tally: _Tally, origin: str) -> Iterator[Item]:
    """What is to be said once every record is read."""
    if not tally.records and not tally.items:
        yield InputError(Code.E040, origin, detail="no WARC records found")
    elif not tally.items:  # requests, redirects, images: nothing to read, worth a word
        yield InputError(Code.E005, origin)
    elif _left_over(stream, tally.offset):
        # warcio stops quietly at a record cut inside its headers: the bytes after the
        # last whole record are that record.
        yield InputError(Code.E040, origin, detail="the last record is cut short")
    if isinstance(stream, _GzipMembers) and stream.trailing:
        detail = f"{stream.trailing} bytes of trailing data after the last gzip member"
        yield InputError(Code.E040, origin, detail=detail)


@dataclass
class _Tally:
    records: int = 0  # WARC records read
    items: int = 0  # documents and errors given
    at: int = 1  # the record warcio reads now, counted from 1
    offset: int = 0  # where the last pass's last record ended, in its stream


def _warc_records(
    stream: _GzipMembers | io.BytesIO, origin: str, limit: int, tally: _Tally
) -> Generator[Item, None, str | None]:
    """The records of one pass over ``stream``; returns what ended it early, if anything."""
    archive = _Archive(stream)
    archive.loader = _RecordLoader(verify_http=False, arc2warc=False)
    # A record's item waits for the next record: only reading on to it shows whether the
    # record's Content-Length was right (review 42: one 50 bytes short stored a cut page).
    pending: tuple[Item, int, int] | None = None
    stop: str | None = None
    try:
        for record in archive:
            if pending is not None:
                yield _unless_cut(pending, archive.err_count)
                pending = None
            if record.format == "warc" and not _has_length(record):
                stop = _lengthless(record, archive, stream, tally.at)
                break
            item = _record_item(record, origin, limit, tally)
            if item is not None:
                tally.items += 1
                pending = (item, archive.err_count, tally.at)
            tally.at += 1
    except zlib.error as exc:
        stop = f"the gzip data is damaged at record {tally.at} ({exc})"
    except _CutShort:
        stop = f"the archive is cut short at record {tally.at}"
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, OverflowError) as exc:
        stop = _unreadable(exc, archive, stream, tally.at)
    if pending is not None:
        yield _unless_cut(pending, archive.err_count)
    if stop is None:
        tally.offset = getattr(archive, "offset", 0)
    return stop


def _unreadable(
    exc: Exception, archive: _Archive, stream: _GzipMembers | io.BytesIO, at: int
) -> str:
    """What warcio could not read: a record whose first line, "WARC/1.0", the archive's
    end cuts, or else warcio's words, cut (it quotes the bytes it could not read: 400
    characters of a binary header)."""
    words = (str(exc).splitlines() or [""])[0]
    line = words.partition("first line: ")[2]
    if (
        isinstance(exc, ArchiveLoadFailed)
        and _WARC_START.fullmatch(line)
        and _ends_here(archive, stream)
    ):
        return _cut_in_headers(at)
    return cut(words or type(exc).__name__, _DETAIL)


def _cut_in_headers(at: int) -> str:
    return f"the last record, record {at}, is cut short in its headers"


# What an archive cut in a record's first line leaves of it.
_WARC_START = re.compile(r"W(A(R(C(/(1(\.[01]?)?)?)?)?)?)?")


def _has_length(record: Any) -> bool:
    """Whether the record's Content-Length is a number. warcio reads a blank one (an
    archive cut inside its digits, "Content-Length: ") as 0, and the record as empty."""
    return (record.rec_headers.get_header("Content-Length") or "").strip().isdigit()


def _lengthless(record: Any, archive: _Archive, stream: _GzipMembers | io.BytesIO, at: int) -> str:
    """Why reading ends at record ``at``, whose Content-Length is missing or no number: the
    archive is cut in the record's headers where nothing follows them, else warcio would
    read the record on to the archive's end, the records after it too."""
    if _ends_here(archive, stream):
        return _cut_in_headers(at)
    value = record.rec_headers.get_header("Content-Length")
    if value is None:
        return f"record {at} has no Content-Length: it runs on into those after it"
    return f"record {at}'s Content-Length is no number ({cut(value, _DETAIL)!r})"


def _ends_here(archive: _Archive, stream: _GzipMembers | io.BytesIO) -> bool:
    """Whether nothing follows what warcio has read. Reading on may unpack the next gzip
    member; reading resumes after this one all the same, so that the next is not lost."""
    member = getattr(stream, "member_start", 0)
    ended = not archive.reader.read(1)
    if isinstance(stream, _GzipMembers):
        stream.member_start = member
    return ended


def _record_item(record: Any, origin: str, limit: int, tally: _Tally) -> Item | None:
    # warcio reads text that is no archive as one empty ARC record, and a header it cannot
    # parse as a record without a type.
    if record.format == "warc" and not record.rec_type:
        return InputError(Code.E040, origin, detail="a record without a WARC-Type header")
    tally.records += record.format == "warc"
    return _warc_item(record, origin, limit)


def _unless_cut(pending: tuple[Item, int, int], errors: int) -> Item:
    """The record's item, unless warcio found it not followed by a blank line once it read
    on (its Content-Length is wrong, the page cut or run on into the next record)."""
    item, errors_before, at = pending
    if errors == errors_before or not isinstance(item, Document):
        return item
    detail = f"record {at} is not followed by a blank line: its Content-Length is wrong"
    return InputError(Code.E040, item.origin, detail=detail)


def _next_record_member(data: bytes, after: int) -> tuple[int, int] | None:
    """Where the first gzip member after byte ``after`` starts that unpacks to the start of a
    WARC record, and how many other member headers came before it (members damaged too). A
    gzipped WARC kept whole inside a damaged record, in a deflate block stored as it is, would
    be taken for the archive's own: rare, and not told apart."""
    for passed, header in enumerate(_MEMBER_HEADER.finditer(data, after + 1)):
        if gzipped_warc(data, header.start()):
            return header.start(), passed
    return None


def _bytes(count: int) -> str:
    return f"{count} byte{'s' * (count != 1)}"


def _skipped(resume: int, passed: int) -> str:
    more = f", past {passed} more damaged gzip member{'s' * (passed > 1)}" if passed else ""
    return f"; read on at byte {resume}{more}"


# The start of a gzip member: its magic, the deflate method and no reserved flag bits. Not
# every pair of bytes 1f 8b: a file full of them took a second a megabyte to scan.
_MEMBER_HEADER = re.compile(rb"\x1f\x8b\x08[\x00-\x1f]")
_DETAIL = 120


def _left_over(stream: _GzipMembers | io.BytesIO, offset: int) -> bool:
    """Whether more than blank space follows the last record warcio read."""
    try:
        stream.seek(offset)
        return bool(stream.read(4096).strip())
    except (OSError, EOFError, zlib.error, _CutShort):  # broken after its last whole record
        return True


class _CutShort(Exception):
    """A gzip stream that ends inside a member. No EOFError: warcio takes that for the
    archive's end, and the cut record went unreported."""


class _GzipMembers:
    """A gzip file's content for warcio, one member after the other (a crawler gzips each
    record on its own). A read never returns the content of two members: GzipFile's
    read-ahead reached a damaged or cut-off member before warcio had the record in the
    member before it, and every record before the damage was lost. Seeks as GzipFile does,
    unpacking again from the start to go back."""

    def __init__(self, data: bytes, start: int = 0) -> None:
        self._data = data
        self._start = start  # where the first member starts in data
        self.trailing = 0  # bytes after the last member that start no member
        self._rewind()

    def _rewind(self) -> None:
        self._unpack = zlib.decompressobj(wbits=31)  # gzip's header and check sum
        self._offset = self._start  # the first byte of data not yet taken by the decompressor
        self.member_start = self._start  # where the member being read starts in data
        self._position = 0  # in the content

    def tell(self) -> int:
        return self._position

    def seek(self, position: int) -> int:
        if position < self._position:
            self._rewind()
        while self._position < position and self.read(min(_CHUNK, position - self._position)):
            pass
        return self._position

    def read(self, size: int = -1) -> bytes:
        """At most ``size`` bytes of one member's content (``_CHUNK`` for -1); b"" at the
        end; zlib.error for damaged data and _CutShort for a member cut off."""
        size = size if size > 0 else _CHUNK
        while True:
            if self._unpack.eof:
                # Gzip files may be padded with zero bytes after a member, as GzipFile allows,
                # and tools that join files append a newline: neither starts a member.
                end = self._offset
                padding = _GZIP_PADDING.match(self._data, end)
                self._offset = padding.end() if padding else end
                if self._offset >= len(self._data):
                    return b""
                start = self._data[self._offset : self._offset + 2]
                if not GZIP_MAGIC.startswith(start) and self._data.find(GZIP_MAGIC, end) < 0:
                    # No member follows (a start cut off is one): said once all records are
                    # read, not as the archive cut short at a record it does not have. Bytes
                    # before a member are damage, as zlib says below.
                    self.trailing, self._offset = len(self._data) - end, len(self._data)
                    return b""
                self._unpack = zlib.decompressobj(wbits=31)
                self.member_start = self._offset
            given = self._data[self._offset : self._offset + _CHUNK]
            content = self._unpack.decompress(given, size)
            # What follows a member's end is the next member's (zlib then leaves a stale
            # unconsumed_tail); elsewhere what ``size`` left unread is read next time.
            left = self._unpack.unused_data if self._unpack.eof else self._unpack.unconsumed_tail
            self._offset += len(given) - len(left)
            if content:
                self._position += len(content)
                return content
            if not given and not self._unpack.eof:
                raise _CutShort()


def _warc_item(record: Any, origin: str, limit: int) -> Item | None:
    """One record's document, or its error: a bad record does not end the archive."""
    try:
        return _warc_document(record, origin, limit)
    except InputError as exc:
        return exc


def _warc_document(record: Any, origin: str, limit: int) -> Item | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.format == "warc" and record.rec_type == "response" and not url:
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        where = f"{origin}#{record_id}" if record_id else origin
        return InputError(Code.E040, where, detail="a response record without WARC-Target-URI")
    page_like = bool(url) and not url.startswith(_CRAWL_LOOKUPS) and not is_web_address(url)
    if record.rec_type == "response" and not record.http_headers and page_like:
        # warcio reads HTTP headers for http(s) alone: such a record had gone uncounted.
        detail = f"a response record for {cut(url, _DETAIL)!r}, no web page"
        return InputError(Code.E040, f"{origin}#{url}", detail=detail)
    if record.rec_type != "response" or not record.http_headers:
        # A response cut in its first bytes has no status line, so no HTTP headers either.
        return _unless_short(record, f"{origin}#{url}" if url else origin)
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type") or ""
    # A redirect's or an error's page is no article, nor an image.
    wanted = status.startswith("2") and "html" in content_type.lower()
    where = f"{origin}#{url}"
    if wanted:
        body = read_bounded(record.content_stream(), where, limit)
    else:  # read through all the same: a record cut in its headers looks like an image's
        return _unless_short(record, where)
    if short := _unless_short(record, where):
        return short
    if not body.strip():
        return InputError(Code.E001, where)
    if _SWALLOWED_RECORD.search(body):
        # A Content-Length too long by whole records: they are read as this page's end.
        detail = "the record holds the start of another: its Content-Length is too long"
        return InputError(Code.E040, where, detail=detail)
    return Document(where, "html", body, url=url, html=decode_html(body, where))


def _unless_short(record: Any, where: str) -> InputError | None:
    """E040 where the record holds fewer bytes than it declares (read through to know): a
    cut-off page must not replace a whole one, nor a cut record pass unsaid."""
    while record.raw_stream.read(_CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return InputError(Code.E040, where, detail="the record is cut short")
    return None


_SWALLOWED_RECORD = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\nWARC-")


_CHUNK = 1 << 16
# A crawler's own lookups, which it archives as responses too (Heritrix's "dns:").
_CRAWL_LOOKUPS = ("dns:", "whois:")
_GZIP_PADDING = re.compile(rb"[\x00\s]*")
