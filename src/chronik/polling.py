"""The one polling loop of ``Chronik.watch`` and the web server's feed watcher: rounds a
set interval apart until a number of rounds or a stop, a round's failure handed on or not.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from chronik.errors import Code, InputError
from chronik.ingest.decode import decode_text
from chronik.ingest.document import is_plain_address

if TYPE_CHECKING:
    from chronik.app import IngestReport


def feed_list(path: Path) -> list[str]:
    """The URLs of a feeds file (`chronik watch FEEDS.txt`, `serve --watch`), one a line,
    ``#`` comments, in any encoding a text input may have: E050 for a file that cannot be
    read, as an input named on the command line is said ("no such file or directory", a
    link that leads nowhere, a folder), a line that is no web address or no address at all.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Code.E050, str(path), detail=_unreadable(path, exc)) from exc
    text = decode_text(data, str(path))
    lines = [(n, _COMMENT.sub("", line).strip()) for n, line in enumerate(text.splitlines(), 1)]
    feeds = [(n, line) for n, line in lines if line]
    for number, line in feeds:  # said before the first poll, not as a fetch error later
        if not is_plain_address(line):
            detail = f"line {number}: {line!r} is no http:// or https:// address"
            raise InputError(Code.E050, str(path), detail=detail)
    if not feeds:
        raise InputError(Code.E050, str(path), detail="no feed addresses in it")
    return [line for _, line in feeds]


# A comment fills a line or follows an address after white space, which no address holds
# ("https://… # Lokalbote" had been fetched with its comment, HTTP 404 each round, review
# 247); a "#" inside an address starts its fragment.
_COMMENT = re.compile(r"(?:^|\s)#.*")


def _unreadable(path: Path, exc: OSError) -> str:
    # The words `chronik ingest` has for the same path: "Is a directory" and "No such file
    # or directory" had kept the system's capitals, a broken link was "no such file".
    if isinstance(exc, IsADirectoryError):
        return "a folder, not a file of feed addresses"
    from chronik.ingest.sources import why_missing

    if isinstance(exc, FileNotFoundError):
        return why_missing(path)
    return (exc.strerror or str(exc)).lower()


class Stop(Protocol):
    """What ends a watch early: a ``threading.Event``, set from another thread."""

    def is_set(self) -> bool: ...

    def wait(self, timeout: float) -> bool: ...


class _Unstopped:
    """The stop of a watch that nothing stops but Ctrl-C (the command line's): its rounds
    pause in ``time.sleep``, as they always had."""

    def is_set(self) -> bool:
        return False

    def wait(self, timeout: float) -> bool:
        time.sleep(timeout)
        return False


def poll_rounds(
    poll_round: Callable[[], IngestReport],
    every: float,
    rounds: int | None = None,
    stop: Stop | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """The one polling loop of ``Chronik.watch`` and the web server's feed watcher: call
    ``poll_round`` ``rounds`` times (forever if None), ``every`` seconds apart, until
    ``stop`` is set, which also ends the pause; each round's report goes to
    ``on_round(number, report)``. A round that raises an Exception ends the loop, unless
    ``on_error`` takes it: then the next round comes as planned (a server's watcher must
    outlive one bad round)."""
    stop = _Unstopped() if stop is None else stop
    done = 0
    while not stop.is_set():
        done += 1
        _poll_round(poll_round, done, on_round, on_error)
        if done == rounds:
            return
        stop.wait(every)


def _poll_round(
    poll_round: Callable[[], IngestReport],
    number: int,
    on_round: Callable[[int, IngestReport], None] | None,
    on_error: Callable[[Exception], None] | None,
) -> None:
    try:
        report = poll_round()
    except Exception as exc:
        if on_error is None:
            raise
        on_error(exc)
        return
    if on_round:
        on_round(number, report)
