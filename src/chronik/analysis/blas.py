"""numpy's BLAS held to one thread while Chronik's own small matrix products run (NER,
the sentence encoder's batches): OpenBLAS's threads, left a core each, spin against other
work on a shared machine (NER of 1,500 sentences took 14 to 67 s beside a training job,
4 s on one thread; review 51)."""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import Any


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """The one limit for the whole process, about 10 µs a call."""
    return _ONE_THREAD


class _OneBlasThread:
    """One limit for every thread that holds it at once: the first to enter sets it, the
    last to leave gives the process its count back. Limits taken and given back by each
    caller on its own had left the second of two overlapping calls on every thread and
    then the process on one for good (review 32 for the encoder's batches, review 52 for
    NER; NER beside the encoder's batches, review 53)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0
        self._limit: Any = None

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._limit = _blas_controller().limit(limits=1, user_api="blas")
            self._inside += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0:
                self._limit.restore_original_limits()
                self._limit = None


_ONE_THREAD = _OneBlasThread()


@functools.cache
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
