"""Where per-article analysis runs: here, in local worker processes, or on a Dask cluster.

Analysis is pure, so an article can be analysed anywhere. An executor takes articles with a
tag each and gives them back analysed, with their tags, in the order they came; the caller
then does the work whose result depends on order (entity linking, stories, storage) itself.
The ``executor`` setting chooses one, as ``ner_backend`` chooses the NER backend:

- ``serial``: in this process, one article at a time (the default);
- ``processes`` or ``processes:N``: N local worker processes (default: one per CPU);
- ``dask:ADDRESS``: the workers of a running Dask scheduler (``tcp://host:8786``), or
  ``dask:local`` for a cluster on this machine; needs ``pip install 'chronik[dask]'`` here
  and Chronik installed on every worker.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import re
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from chronik.analysis.pipeline import run_pipeline
from chronik.errors import ChronikError, Code, InputError, exception_line
from chronik.model import Article
from chronik.options import EXECUTOR_CHOICES, Options
from chronik.plugins import Needed, Registration, missing, needed, register_again, registrations

Tag = TypeVar("Tag")
Outcome = Article | InputError
CHOICES = EXECUTOR_CHOICES
# Articles in flight per worker: enough to keep every worker busy while the caller stores
# the previous results, few enough that memory stays bounded on an endless feed.
_IN_FLIGHT_PER_WORKER = 4
_CONNECT_SECONDS = 20.0


class Executor(Protocol):
    """The one interface every executor has."""

    def analyse(self, tagged: Iterable[tuple[Tag, Article]]) -> Iterator[tuple[Tag, Outcome]]:
        """Each article analysed, or the InputError it raised, with its tag, in input order."""
        ...

    def close(self) -> None: ...


def analyse_one(
    article: Article, options: Options, shipped: tuple[Registration, ...] = ()
) -> Outcome:
    """The whole analysis of one article; bad input comes back as a value, not raised.

    ``shipped`` is registered first (once per process): in a worker, what plugins
    registered in the calling process, of every kind.
    """
    register_again(shipped)
    try:
        return run_pipeline(article, options)
    except InputError as exc:
        return exc


class Serial:
    """Analysis in this process, one article at a time, each only when the caller asks."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def analyse(self, tagged: Iterable[tuple[Tag, Article]]) -> Iterator[tuple[Tag, Outcome]]:
        for tag, article in tagged:
            yield tag, analyse_one(article, self.options)

    def close(self) -> None:
        pass


class _Submitter(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


class Pool:
    """Analysis on a pool of workers: a local process pool or a Dask client.

    Both hand out futures with ``result()``, so one bounded, ordered window serves both.
    """

    def __init__(
        self, submitter: _Submitter, options: Options, workers: int, closing: Callable[[], None]
    ) -> None:
        self.submitter = submitter
        self.options = options
        self.window = max(1, workers) * _IN_FLIGHT_PER_WORKER
        self.shipped = registrations()
        self._closing = closing
        try:
            self._check_workers()
        except BaseException:
            closing()
            raise

    def _check_workers(self) -> None:
        """E222, before any article, for a plugin's name the options use that a worker
        cannot register (one made in the __main__ of python -c): it had been E110, an
        unknown component or backend, for every article, after this process's check."""
        wanted = needed(self.options)
        if not wanted:  # the built-ins alone: every worker has them
            return
        try:
            lacking = self.submitter.submit(_missing_there, self.shipped, wanted).result()
        except ChronikError:
            raise
        except Exception as exc:  # a worker that cannot start or unpickle what it is sent
            detail = exception_line(exc)
            raise ChronikError(Code.E210, name=self.options.executor, detail=detail) from exc
        if lacking:
            what, why = lacking[0]
            raise ChronikError(Code.E222, executor=self.options.executor, what=what, why=why)

    def analyse(self, tagged: Iterable[tuple[Tag, Article]]) -> Iterator[tuple[Tag, Outcome]]:
        pending: deque[tuple[Tag, Future[Outcome]]] = deque()
        for tag, article in tagged:
            pending.append((tag, self._submit(article)))
            if len(pending) >= self.window:
                yield _done(*pending.popleft())
        while pending:
            yield _done(*pending.popleft())

    def _submit(self, article: Article) -> Future[Outcome]:
        future: Future[Outcome] = self.submitter.submit(
            analyse_one, article, self.options, self.shipped
        )
        return future

    def close(self) -> None:
        self._closing()


def _done(tag: Tag, future: Future[Outcome]) -> tuple[Tag, Outcome]:
    return tag, future.result()


def _missing_there(
    shipped: tuple[Registration, ...], wanted: tuple[Needed, ...]
) -> list[tuple[str, str]]:
    """In a worker: what it lacks of ``wanted`` once it has registered ``shipped``."""
    register_again(shipped)
    return missing(wanted)


def open_executor(options: Options) -> Executor:
    """The executor ``options.executor`` names; E110 for an unknown name."""
    kind, _, argument = options.executor.partition(":")
    if kind == "serial" and not argument:
        return Serial(options)
    if kind == "processes":
        return _processes(options, _count(argument))
    if kind == "dask" and argument:
        return _dask(options, argument)
    raise ChronikError(Code.E110, kind="executor", name=options.executor, choices=CHOICES)


def _count(argument: str) -> int:
    # Options refuses any other form, and a count past MAX_PROCESSES.
    return int(argument) if argument else os.cpu_count() or 1


def _processes(options: Options, workers: int) -> Pool:
    # forkserver: forking a process that may run threads (the web server's feed poller)
    # can deadlock a child; each worker loads the models itself, once.
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_one_blas_thread
    )
    return Pool(pool, options, workers, lambda: pool.shutdown(cancel_futures=True))


def _one_blas_thread() -> None:
    """A worker process is one of the pool's cores: BLAS left to start a thread a core in
    each worker made two workers ingest 1,000 items in 64 s, against 21 s held to one (two
    cores). Libraries loaded later read the environment; numpy's is loaded and told now.
    Dask's workers that a nanny starts (``dask:local``'s, and ``dask worker``'s by
    default) get the same from Dask itself."""
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    import numpy  # noqa: F401  (threadpoolctl limits the libraries loaded)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _dask(options: Options, address: str) -> Pool:
    _check_port(address, options.executor)
    try:
        # Imported by name: an optional, untyped dependency.
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise ChronikError(
            Code.E210, name=options.executor, detail="pip install 'chronik[dask]'"
        ) from exc
    local = address == "local"
    # Its workers would log each failed task with a traceback; Chronik reports the failure
    # itself, in one line.
    quiet = logging.CRITICAL
    try:
        cluster = (
            distributed.LocalCluster(threads_per_worker=1, silence_logs=quiet, preload=[__name__])
            if local
            else None
        )
    except OSError as exc:
        raise ChronikError(Code.E210, name=options.executor, detail=str(exc)) from exc
    client = _connected(distributed, cluster or address, options.executor)
    workers = len(client.scheduler_info().get("workers", {}))
    if not workers:
        try:
            client.wait_for_workers(1, timeout=_CONNECT_SECONDS)
        except TimeoutError as exc:
            client.close()
            detail = f"its scheduler has had no worker for {_CONNECT_SECONDS:.0f} s"
            raise ChronikError(Code.E210, name=options.executor, detail=detail) from exc

    def closing() -> None:
        client.close()
        if cluster is not None:
            cluster.close()

    return Pool(_PureFalse(client), options, max(1, workers), closing)


def dask_setup(worker: object) -> None:
    """Dask's hook, run in each local worker as it starts (``preload``): Ctrl-C reaches a
    terminal's whole process group, and each worker printed two tracebacks of its own
    KeyboardInterrupt before Chronik's one line. Chronik stops them as it closes the
    cluster."""
    if threading.current_thread() is threading.main_thread():  # else Python refuses
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_port(address: str, name: str) -> None:
    """E210 at once for a port no address can have: Dask had tried it for 20 s."""
    port = re.search(r":(\d+)/?$", address)
    if port and not 0 < int(port.group(1)) < 65536:
        detail = f"port {port.group(1)} is out of range (1 to 65535)"
        raise ChronikError(Code.E210, name=name, detail=detail)


def _connected(distributed: Any, address: Any, name: str) -> Any:
    """A Dask client of the scheduler at ``address``, or E210. Connecting runs on a thread
    of its own with a time limit: what answers at a mistyped port is no scheduler, and
    Dask's handshake with it can wait for ever (a web server) or fail in any way at all
    (a service that greets first had it read its greeting as a frame of exabytes)."""
    outcome: list[Any] = []

    def connect() -> None:
        try:
            outcome.append(distributed.Client(address, timeout=_CONNECT_SECONDS))
        except Exception as exc:  # any failure here means: no scheduler there
            outcome.append(exc)

    thread = threading.Thread(target=connect, name="chronik-dask-connect", daemon=True)
    thread.start()
    thread.join(_CONNECT_SECONDS + 5)
    found = outcome[0] if outcome else None
    if isinstance(found, OSError | ValueError):  # refused, timed out, a malformed address
        detail = (str(found).splitlines() or [type(found).__name__])[0]
        raise ChronikError(Code.E210, name=name, detail=detail)
    if found is None or isinstance(found, Exception):
        detail = f"no Dask scheduler answered within {_CONNECT_SECONDS:.0f} s"
        detail = "what answers there is no Dask scheduler" if found else detail
        raise ChronikError(Code.E210, name=name, detail=detail)
    return found


class _PureFalse:
    """Dask treats a task as pure by default and would hash each article to deduplicate;
    analysis results are cheap to keep apart, hashing them is not."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return self.client.submit(fn, *args, pure=False, **kwargs)
