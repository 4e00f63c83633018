"""Turning bytes into text, refusing what is not text, with one-line errors."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

from chronik.errors import Code, InputError

# Bytes that never occur in text; a few are tolerated in otherwise clean text (a stray
# form feed), a share above this is a binary file.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MAX_CONTROL_SHARE = 0.01
_SNIFF = 65536


def check_size(data: bytes, origin: str, limit: int) -> None:
    if not data.strip():
        raise InputError(Code.E001, origin)
    if len(data) > limit:
        raise InputError(Code.E003, origin, size=len(data), limit=limit)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def read_bounded(stream: Readable, origin: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a stream whose size is not known beforehand (a pipe, a
    device, standard input, a decompressed file), E003 past them: reading stops there, so
    that ``/dev/zero`` or a small archive of a huge file cannot fill the memory."""
    # In pieces: one read of ``limit + 1`` bytes reserves that much memory for any input.
    return bounded(iter(lambda: stream.read(_PIECE), b""), origin, limit)


def bounded(pieces: Iterable[bytes], origin: str, limit: int) -> bytes:
    """The pieces joined, E003 as soon as they pass ``limit`` bytes: a stream's, or a
    server's answer as it comes."""
    kept, size = [], 0
    for piece in pieces:
        size += len(piece)
        if size > limit:
            raise InputError(Code.E003, origin, size=f"more than {limit}", limit=limit)
        kept.append(piece)
    return b"".join(kept)


_PIECE = 1 << 20


def gunzip(data: bytes, origin: str, limit: int) -> tuple[bytes, str | None]:
    """A gzip file's content, at most ``limit`` bytes of it, and why it ends early where it
    does: a file cut short or damaged keeps what unpacked before the break, so that a cut
    ``items.jsonl.gz`` keeps its lines up to there. Nothing unpacked at all is E004."""
    broken: list[str] = []

    def pieces() -> Iterator[bytes]:
        # gzip's own reader: members one after the other, zeros after the last passed over,
        # in time linear in the file (review 48: a loop of our own copied the rest of the
        # file at each member).
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                while piece := unpacked.read1(_PIECE):  # what one step unpacks: kept
                    yield piece
        except (OSError, EOFError, zlib.error) as exc:
            broken.append(f"a broken gzip file: {exc}")

    content = bounded(pieces(), origin, limit)
    if broken and not content:
        raise InputError(Code.E004, origin, detail=broken[0])
    return content, broken[0] if broken else None


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` holds a NUL byte in its first 64 KB, or more control bytes than
    text holds in any 64 KB of it: binary bytes after a text's first 64 KB had gone unseen,
    and the whole text was then decoded as Windows-1252. Past the first 64 KB a NUL is one
    control byte among the others, as one stray NUL (a scraping artefact) had refused a
    whole long article. Counting by ``bytes.translate`` takes about 35 ms for 50 MB of text
    (2026-12, a shared 2-core machine)."""
    if not data:
        return False
    if b"\x00" in data[:_SNIFF]:
        return True
    size = min(len(data), _SNIFF)
    allowed = _MAX_CONTROL_SHARE * size
    # Windows of the same size throughout, the last one flush with the end, so that a short
    # tail is not judged by a few bytes.
    for start in (*range(0, len(data) - size, size), len(data) - size):
        window = data[start : start + size]
        if size - len(window.translate(None, _CONTROL)) > allowed:
            return True
    return False


def refuse_binary(data: bytes, origin: str) -> None:
    """E002 for data that looks binary."""
    if looks_binary(data):
        raise InputError(Code.E002, origin, detail="control bytes found")


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252, which German legacy text
    almost always is and which is a superset of Latin-1 for printable characters. UTF-8
    text with a few stray Windows-1252 bytes (a pasted "€") stays UTF-8, each stray byte
    read as Windows-1252: decoding it all as Windows-1252 made "Bürger" "BÃ¼rger"."""
    # A stray NUL past the first 64 KB is text's (looks_binary), but PostgreSQL refuses NUL
    # in text, and ``storable`` drops it from JSON and feeds alike.
    return _decoded(data, origin).replace("\x00", "")


def _decoded(data: bytes, origin: str) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Its BOM names it; it had been called binary (review 42).
        try:
            text = data.decode("utf-32").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise InputError(Code.E004, origin, detail=str(exc)) from exc
        refuse_binary(text.encode("utf-8", "surrogatepass"), origin)
        return text
    codec = utf16_codec(data)
    if codec is not None:
        try:  # UTF-16 is full of zero bytes, but its BOM or their places say what it is
            text = _utf16_text(data, codec)
        except UnicodeDecodeError as exc:
            raise InputError(Code.E004, origin, detail=str(exc)) from exc
        refuse_binary(text.encode("utf-8", "surrogatepass"), origin)  # "\x00\x01" * 100
        return text
    refuse_binary(data, origin)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # Bytes that are no UTF-8 become lone surrogates, U+DC80 to U+DCFF.
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED.findall(text))
    if not stray:
        return text
    characters = sum(1 for c in text if c > "\x7f") - stray
    if characters >= stray:  # mostly UTF-8: a pasted "€" beside one "Ü"
        return _ESCAPED.sub(lambda m: _legacy(bytes([ord(m.group()) - 0xDC00])), text)
    return _legacy(data)


_ESCAPED = re.compile("[\udc80-\udcff]")
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")
# The same for bytes: the name an XML declaration gives its encoding, after group 1.
XML_ENCODING = re.compile(_XML_ENCODING.pattern.encode())


def utf8_bytes(data: bytes) -> bytes:
    """UTF-16 input as UTF-8, for readers that work on bytes (a JSON line, a feed's
    entities): other data as it is. An XML declaration then names UTF-8."""
    codec = utf16_codec(data)
    if codec is None:
        return data
    try:
        text = _utf16_text(data, codec)
    except UnicodeDecodeError:
        return data  # the reader reports it
    return _XML_ENCODING.sub(r"\g<1>utf-8", text, count=1).encode("utf-8")


def _utf16_text(data: bytes, codec: str) -> str:
    """UTF-16 decoded, less a BOM and a last odd byte (a newline a tool appended)."""
    return data[: len(data) & ~1].decode(codec).removeprefix("\ufeff")


def utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec of ``data``, by its BOM, or without one by where its zero bytes
    are: German text in UTF-16 has one in nearly every other byte (the high byte of each
    Latin letter), a binary file has them anywhere. None for other data."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None  # UTF-32's little-endian BOM starts as UTF-16's does
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[: _SNIFF & ~1]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    rare = 0.01 * pairs  # a character such as U+3000 has a zero low byte
    # and it starts so: a UTF-8 line before a longer UTF-16 one had made the whole file
    # UTF-16, and both lines unreadable (review 59)
    if odd >= 0.6 * pairs and even <= rare and head[1] == 0:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= rare and head[0] == 0:
        return "utf-16-be"
    return None


def _legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined
        return data.decode("latin-1")


# Characters that change no letter a reader sees but split words for every program: soft
# hyphens, zero-width spaces and joiners, direction marks, word joiners, stray BOMs.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def visible(text: str) -> str:
    """``text`` without invisible characters: scraped news writes "Vereinigte Arabische
    \\u200bEmirate", and NER, lemmas and the gazetteer then see two words or none."""
    return _INVISIBLE.sub("", text)


# An article, conjunction or preposition that lost the space before the capitalised word it
# governs: "dieErdbeeren", "denKontaktbeschränkungen", "undSpannung" (review 189). A closed
# list without the words that are also a verb's particle ("an", "auf", "aus", "ein", "zu",
# "vor", "mit", "über", ...): in the stream those end a live blog's headline run into the
# next ("greift Ziele an" + "Katar fängt ..." as "anKatar"), where a space would read the
# two headlines as one clause. The word after it a capital and two small letters or an
# acronym ("derUSA"), and no address ("dasWindrad.de"); "iPhone", "eBay", "ohneQ" stay.
_SMALL_WORDS = (
    "der die das den dem des eine einen einem einer eines und oder aber dass wie als ob "
    "von für gegen ohne seit bis in im am ins vom beim zum zur"
).split()
_GLUED_SMALL_WORD = re.compile(
    rf"(?<![^\W\d_])({'|'.join(sorted(_SMALL_WORDS, key=len, reverse=True))})"
    r"(?=[A-ZÄÖÜ](?:[a-zäöüß]{2,}|[A-ZÄÖÜ]+\b))(?![^\s]*\.[a-z])"
)


def small_words_apart(text: str) -> str:
    """``text`` with a space after a small word run together with the next word."""
    return _GLUED_SMALL_WORD.sub(r"\1 ", text)


# Control characters a JSON string can escape ("\\u0000") but no text holds; PostgreSQL
# refuses NUL in text outright.
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def storable(text: str) -> str:
    """``text`` as every store can hold it: control characters removed and lone surrogates
    ("\\ud800" in JSON, "&#55296;" in a feed) replaced, as they are valid escapes there but
    no characters, and no UTF-8 can hold them."""
    text = _CONTROL_TEXT.sub("", text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def binary_field(text: str) -> bool:
    """Whether a text field decoded from JSON is binary data: more control characters than
    a text file may hold (a stray one or two, even in a short text, ``storable`` removes)."""
    controls = len(_CONTROL_TEXT.findall(text[:_SNIFF]))
    return controls > max(2, _MAX_CONTROL_SHARE * min(len(text), _SNIFF))
