"""From what a user names (paths, directories, ``-``, URLs) to a stream of documents."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.request import url2pathname

from chronik.errors import Code, InputError
from chronik.ingest.decode import check_size, gunzip, read_bounded, utf8_bytes
from chronik.ingest.document import (
    Document,
    Item,
    entry_fragment,
    is_web_address,
    split_url,
    url_host,
)
from chronik.ingest.fetch import fetch
from chronik.ingest.readers import ARTICLE_ENDINGS, READERS, read_html, sniff_format
from chronik.ingest.warc import GZIP_MAGIC, gzipped_warc, read_warc
from chronik.options import Options


def iter_documents(targets: Sequence[str], options: Options) -> Iterator[Item]:
    """Every document in ``targets``, in order; bad inputs come as ``InputError`` items."""
    for target in targets:
        if target == "-":
            yield from _read_stdin(options)
        elif is_web_address(target) and not url_host(target):
            # httpx's own words had been "missing an 'http://' or 'https://' protocol"
            yield InputError(Code.E050, target, detail="not a web address: no host in it")
        elif is_web_address(target):
            yield from _read_url(target, options)
        elif target.startswith("file://"):
            path = split_url(target).path
            if path:
                yield from _read_path(Path(url2pathname(path)), options)
            else:  # "file://[x/y": no path, and Path("") would be the working directory
                yield InputError(Code.E050, target, detail="not a file address")
        elif _SCHEME.match(target):
            detail = "only http:// and https:// addresses are read; give a path or -"
            yield InputError(Code.E050, target, detail=detail)
        elif (empty := empty_path(target)) is not None:
            yield empty
        else:
            yield from _read_path(Path(target), options)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def empty_path(target: str) -> InputError | None:
    """E050 for a path that is empty or white space alone, None for any other: as a
    ``Path`` it is the working directory, which no one means (review 247: `analyze ""` had
    read it, `watch ""` called it a folder)."""
    return None if target.strip() else InputError(Code.E050, repr(target), detail="an empty path")


def list_files(path: Path, unreadable: list[OSError] | None = None) -> list[Path]:
    """A directory's article files, recursively and in a stable order; hidden files and
    folders and files of other kinds (a README.md beside the articles) are passed over.
    A folder that cannot be listed goes to ``unreadable``: ``Path.rglob`` skipped it
    silently, and its articles went missing without a word."""
    found: list[Path] = []
    for root, folders, names in os.walk(path, onerror=_collect(unreadable)):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in [*folders, *names]
            if not name.startswith(".") and name.lower().endswith(ARTICLE_ENDINGS)
        )
    return sorted(p for p in found if _is_file(p))


def _collect(errors: list[OSError] | None) -> Callable[[OSError], None] | None:
    return errors.append if errors is not None else None


def _is_file(path: Path) -> bool:
    # An unreadable entry, or a link to nothing, is passed to the reader, which reports it
    # in one line: an article file that silently went missing would never be noticed.
    try:
        return path.is_file() or (path.is_symlink() and not path.exists())
    except OSError:
        return True


def why_missing(path: Path) -> str:
    """Why a path named on the command line cannot be read, as the system says it: a link
    that loops or leads nowhere is there, and "no such file" had sent people looking for a
    typo (review 71)."""
    try:
        path.stat()
    except OSError as exc:
        if path.is_symlink() and exc.strerror and "No such file" in exc.strerror:
            return f"broken symbolic link to {os.readlink(path)}"
        return (exc.strerror or str(exc)).lower()
    return "no such file or directory"


def _read_path(path: Path, options: Options) -> Iterator[Item]:
    unreadable: list[OSError] = []
    try:
        files = list_files(path, unreadable) if path.is_dir() else [path] if path.exists() else None
    except OSError as exc:  # a folder or link that cannot be read
        yield InputError(Code.E050, str(path), detail=exc.strerror or str(exc))
        return
    for error in unreadable:
        where = str(error.filename or path)
        yield InputError(Code.E050, where, detail=error.strerror or str(error))
    if unreadable and not files:
        return
    if files is None:
        yield InputError(Code.E050, str(path), detail=why_missing(path))
        return
    if not files:  # a folder of other files, or none: said, or a typo would pass as done
        endings = ", ".join(ARTICLE_ENDINGS)
        yield InputError(Code.E050, str(path), detail=f"no article files ({endings}) in it")
        return
    for file in files:
        yield from _read_file(file, options)


def _read_stdin(options: Options) -> Iterator[Item]:
    try:
        data = read_bounded(sys.stdin.buffer, "<stdin>", options.max_bytes)
    except InputError as exc:
        yield exc
        return
    yield from read_bytes(data, "<stdin>", options)


def _read_file(path: Path, options: Options) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(Code.E003, str(path), size=size, limit=options.max_bytes)
        with path.open("rb") as handle:  # a pipe or device reports no size: bounded
            data = read_bounded(handle, str(path), options.max_bytes)
    except InputError as exc:
        yield exc
        return
    except FileNotFoundError:
        # A link in a folder that leads nowhere: said as for a path named on the command
        # line ("broken symbolic link to …"), not "No such file or directory" of a file that
        # is listed right there (review 114).
        yield InputError(Code.E050, str(path), detail=why_missing(path))
        return
    except OSError as exc:
        yield InputError(Code.E050, str(path), detail=exc.strerror or str(exc))
        return
    yield from read_bytes(data, str(path), options)


def read_bytes(
    data: bytes, origin: str, options: Options, media_type: str | None = None
) -> Iterator[Item]:
    """The documents in ``data``, in the format its media type, name or first bytes say."""
    name, broken = origin, None
    try:
        check_size(data, origin, options.max_bytes)
        if data[:2] == GZIP_MAGIC and not gzipped_warc(data):  # "items.jsonl.gz"
            data, broken = gunzip(data, origin, options.max_bytes)
            name = origin.removesuffix(".gz")
            check_size(data, origin, options.max_bytes)
    except InputError as exc:
        yield exc
        return
    try:
        # Sniffed as UTF-8: a UTF-16 feed read from stdin or a URL has no name to tell it.
        fmt = sniff_format(utf8_bytes(data[:4096]), name, media_type)
        if broken and fmt != "jsonl":  # a cut page or feed would be stored cut
            raise InputError(Code.E004, origin, detail=broken)
        yield from _read_format(data, origin, fmt, options)
        if broken:
            raise InputError(Code.E004, origin, detail=f"{broken}; the lines before it were read")
    except InputError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not end the batch or show a traceback
        yield InputError(Code.E050, origin, detail=f"{type(exc).__name__}: {exc}")


def _read_format(data: bytes, origin: str, fmt: str, options: Options) -> Iterator[Item]:
    # A WARC record is read through its own limit: it may unpack far beyond the file.
    read = partial(read_warc, limit=options.max_bytes) if fmt == "warc" else READERS[fmt]
    for item in read(data, origin):
        if options.fetch and isinstance(item, Document) and item.format == "feed":
            yield _fetch_linked(item, options)
        else:
            yield item


def _read_url(url: str, options: Options) -> Iterator[Item]:
    try:
        fetched = fetch(url, options)
    except InputError as exc:
        yield exc
        return
    yield from read_bytes(fetched.data, fetched.url, options)


def _fetch_linked(item: Document, options: Options) -> Item:
    """A feed item's page, fetched for its full text; the item's own fields fill gaps, and
    stand alone when the page cannot be fetched."""
    if not item.url or entry_fragment(item.url):
        # A live blog's entry: its page is the whole blog, which each entry would copy
        # (review 39); the item's own text is the entry.
        return item
    reason = f"{item.url}: no text on the page"
    try:
        page = fetch(item.url, options)
        for html_item in read_html(page.data, page.url):
            if isinstance(html_item, Document):
                return replace(
                    html_item,
                    url=item.url,
                    title=item.title,
                    published=item.published,
                    publisher=item.publisher,
                )
            reason = str(html_item)
    except InputError as exc:
        reason = str(exc)
    # The page is out of reach or holds no text: the feed's own title and text still make
    # the article, and the report names the page.
    return replace(item, unfetched=reason)
