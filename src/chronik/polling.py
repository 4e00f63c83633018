"""The one polling loop of ``Chronik.watch`` and the web server's feed watcher: rounds a
set interval apart until a number of rounds or a stop, a round's failure handed on or not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from chronik.app import IngestReport


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
