"""Parallel analysis: worker processes and a Dask cluster give what serial analysis gives."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from chronik import Chronik, Options
from chronik.analysis import executor
from chronik.analysis.executor import Pool, open_executor
from chronik.analysis.pipeline import component
from chronik.errors import ChronikError, Code, InputError
from chronik.model import Article, Mention

# Runs in the workers too: they import this module to find it, as they would a plugin's.
PIPELINE = ("sentences", "ner", "entities", "timex", "test_executor_checks")


@component("test_executor_checks")
def _checks(article: Article, options: Options) -> None:
    if "KAPUTT" in article.text:
        raise ValueError("a bug in a component")
    article.metadata["checked"] = "ja"


def _write_items(path: Path) -> Path:
    lines = [
        {"id": "1", "title": "Gipfel in Wien", "text": "Olaf Scholz traf am Montag in Wien ein."},
        {"id": "2", "title": "Streik", "text": "Die Gewerkschaft Verdi streikt seit 2019."},
        {"id": "3", "title": "Kaputt", "text": "Hier steht KAPUTT im Text."},
        {"id": "4", "title": "", "text": "   "},
        {"id": "5", "title": "Gipfel in Wien", "text": "Olaf Scholz traf am Montag in Wien ein."},
        {"id": "6", "title": "Wetter", "text": "Morgen regnet es in Hamburg und Bremen."},
    ]
    published = "2024-03-04T09:00:00+00:00"
    text = "".join(json.dumps({**line, "published": published}) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


def _ingest(tmp_path: Path, executor: str) -> tuple[dict[str, object], list[dict[str, object]]]:
    items = _write_items(tmp_path / "items.jsonl")
    options = Options(db=str(tmp_path / f"{executor}.db"), pipeline=PIPELINE, executor=executor)
    with Chronik(options=options) as app:
        report = app.ingest([str(items)]).to_dict()
        articles = [a.to_dict() for a in app.articles(limit=100)]
    # Workers report bad input as they find it, not in input order.
    report["errors"] = sorted(e.replace(str(items), "ITEMS") for e in report["errors"])
    return report, sorted(articles, key=lambda a: str(a["id"]))


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], list[object]]:
    report, articles = _ingest(tmp_path_factory.mktemp("serial"), "serial")
    return report, list(articles)


def _same_as_serial(
    serial: tuple[dict[str, object], list[object]], tmp_path: Path, spec: str
) -> None:
    report, articles = _ingest(tmp_path, spec)
    assert report == serial[0]
    assert articles == serial[1]


def test_serial_reports_bad_input_and_duplicates(
    serial: tuple[dict[str, object], list[object]],
) -> None:
    report = serial[0]
    assert (report["inserted"], report["unchanged"], report["failed"]) == (3, 1, 2)
    errors = " ".join(str(e) for e in report["errors"])  # type: ignore[attr-defined]
    assert "E190" in errors and "ITEMS: line 3" in errors and "ITEMS: line 4" in errors


def test_worker_processes_give_what_serial_analysis_gives(
    serial: tuple[dict[str, object], list[object]], tmp_path: Path
) -> None:
    _same_as_serial(serial, tmp_path, "processes:2")
    assert all(a["metadata"]["checked"] == "ja" for a in serial[1])  # type: ignore[index]


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="dask's distributed is not installed"
)
def test_a_local_dask_cluster_gives_what_serial_analysis_gives(
    serial: tuple[dict[str, object], list[object]], tmp_path: Path
) -> None:
    _same_as_serial(serial, tmp_path, "dask:local")


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="dask's distributed is not installed"
)
def test_local_dask_workers_leave_ctrl_c_to_chronik() -> None:
    # Ctrl-C reaches a terminal's whole process group: each worker printed two tracebacks
    # of its own KeyboardInterrupt before Chronik's one line.
    before = signal.getsignal(signal.SIGINT)  # ignored already where the tests run in background
    pool = open_executor(Options(executor="dask:local"))
    try:
        assert isinstance(pool, Pool)
        ignored = pool.submitter.submit(lambda: signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
        assert ignored.result()
    finally:
        pool.close()
    assert signal.getsignal(signal.SIGINT) == before  # this process's own is left as it was


def _blas_threads() -> list[int]:
    import numpy  # noqa: F401  (the worker's analysis loads it)
    from threadpoolctl import threadpool_info

    return [library["num_threads"] for library in threadpool_info()]


def test_a_worker_process_runs_one_blas_thread() -> None:
    """Two workers each running a BLAS thread a core had made ingest slower than one."""
    pool = open_executor(Options(executor="processes:1"))
    try:
        assert isinstance(pool, Pool)
        assert pool.submitter.submit(_blas_threads).result() == [1]
    finally:
        pool.close()


def test_reanalyze_in_worker_processes(tmp_path: Path) -> None:
    items = _write_items(tmp_path / "items.jsonl")
    options = Options(db=str(tmp_path / "c.db"), pipeline=PIPELINE, executor="processes:2")
    with Chronik(options=options) as app:
        app.ingest([str(items)])
        before = {a.id: a.entities for a in app.articles(limit=100)}
        report = app.reanalyze()
        assert (report.unchanged, report.failed) == (3, 0)  # the same analysis as at ingest
        assert {a.id: a.entities for a in app.articles(limit=100)} == before


@pytest.mark.parametrize(
    "spec",
    [
        "threads",
        "processes:0",
        "processes:zwei",
        "processes:257",
        "processes:99999999999999999999999",
        "dask:",
        "serial:2",
    ],
)
def test_an_unknown_executor_is_error_e110(spec: str) -> None:
    with pytest.raises(ChronikError) as caught:
        open_executor(Options(executor=spec))
    assert caught.value.code is Code.E110 and spec in str(caught.value)


def test_a_worker_count_past_the_bound_is_refused_where_it_was_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Refused by the options, as any unknown executor, so that the command line and the
    # environment name their option and variable; the choices say the bound (review 81).
    with pytest.raises(ChronikError, match=r"E110.*'processes:300'.*N from 1 to 256"):
        Options(executor="processes:300")
    monkeypatch.setenv("CHRONIK_EXECUTOR", "processes:300")
    with pytest.raises(ChronikError) as caught:
        Options.from_env()
    assert str(caught.value).startswith("[E110] CHRONIK_EXECUTOR: unknown executor")


def test_a_dask_port_out_of_range_is_one_error_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(ChronikError, match=r"E210.*port 99999 is out of range"):
        open_executor(Options(executor="dask:tcp://127.0.0.1:99999"))
    assert time.monotonic() - started < 5, "Dask had tried it for 20 s"


def test_an_unreachable_dask_scheduler_is_one_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("dask's distributed is not installed")
    monkeypatch.setattr(executor, "_CONNECT_SECONDS", 1.0)
    with pytest.raises(ChronikError) as caught:
        open_executor(Options(executor="dask:tcp://127.0.0.1:9"))
    assert caught.value.code is Code.E210
    # Before the store is opened: a mistyped scheduler leaves no empty store behind.
    store = tmp_path / "neu.db"
    app = Chronik(options=Options(db=str(store), executor="dask:tcp://127.0.0.1:9"))
    with pytest.raises(ChronikError, match="E210"):
        app.ingest_bytes(b"Ein Text.")
    assert not store.exists()


@pytest.mark.parametrize(
    ("spec", "detail"),
    [
        ("dask:foo", "missing port number"),  # a host without its port
        ("dask:tcp://127.0.0.1:{port}", "no Dask scheduler"),  # a service that greets first
    ],
)
def test_an_address_that_is_no_dask_scheduler_is_one_error(
    monkeypatch: pytest.MonkeyPatch, spec: str, detail: str
) -> None:
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("dask's distributed is not installed")
    monkeypatch.setattr(executor, "_CONNECT_SECONDS", 3.0)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def greet() -> None:
            # The socket closes under a wait where nothing connects ("dask:foo"): no error.
            with contextlib.suppress(OSError):
                peer, _ = server.accept()
                with peer:
                    peer.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
                    peer.recv(1000)

        threading.Thread(target=greet, daemon=True).start()
        with pytest.raises(ChronikError) as caught:
            open_executor(Options(executor=spec.format(port=server.getsockname()[1])))
    assert caught.value.code is Code.E210 and detail in str(caught.value)


def test_a_dask_scheduler_without_workers_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Client:  # a scheduler that answers and never gets a worker
        def __init__(self, address: str, timeout: float) -> None: ...

        def scheduler_info(self) -> dict[str, dict[str, object]]:
            return {"workers": {}}

        def wait_for_workers(self, n: int, timeout: float) -> None:
            raise TimeoutError

        def close(self) -> None: ...

    fake = types.SimpleNamespace(Client=Client)
    monkeypatch.setattr(executor.importlib, "import_module", lambda name: fake)
    with pytest.raises(ChronikError) as caught:
        open_executor(Options(executor="dask:tcp://127.0.0.1:8786"))
    assert caught.value.code is Code.E210 and "no worker" in str(caught.value)


class _Names:
    """An NER backend of a plugin: ``test_names:WORD,WORD`` finds those words as persons."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.words = name.split(":", 1)[1].split(",")

    def recognize(self, text: str) -> list[Mention]:
        found = ((text.find(word), word) for word in self.words)
        return [Mention(at, at + len(word), word, "PER") for at, word in found if at >= 0]

    def recognize_many(self, texts: list[str]) -> list[list[Mention]]:
        return [self.recognize(text) for text in texts]


def test_workers_know_a_backend_registered_in_a_function_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik.analysis.ner import BACKENDS

    # Registered here, not when this module is imported: a worker that imports it (for its
    # component) has no such backend unless what was registered here is registered there.
    monkeypatch.setitem(BACKENDS._prefixed, "test_names", ("WORDS", _Names))
    items = _write_items(tmp_path / "items.jsonl")
    options = Options(
        db=str(tmp_path / "c.db"),
        pipeline=("sentences", "ner", "test_executor_checks"),
        ner_backend="test_names:Scholz,Verdi",
        executor="processes:2",
    )
    with Chronik(options=options) as app:
        report = app.ingest([str(items)])  # had been E110, unknown NER backend, mid-run
        assert (report.inserted, report.failed) == (3, 2)
        mentions = {m.text for a in app.articles(limit=100) for m in a.mentions}
    assert mentions == {"Scholz", "Verdi"}


def test_a_component_the_workers_cannot_register_is_one_error_before_the_batch(
    tmp_path: Path,
) -> None:
    import chronik

    # In python -c there is no main module a worker could import, nor find the function in.
    program = """
import sys
from chronik import Chronik, ChronikError, Options
from chronik.analysis.pipeline import component

@component("test_main_words")
def words(article, options):
    article.metadata["words"] = len(article.text.split())

options = Options(db=sys.argv[1], pipeline=("sentences", "test_main_words"),
                  executor="processes:2")
try:
    Chronik(options=options).ingest_bytes("Titel\\n\\nEin Satz über Kiel.".encode())
except ChronikError as error:
    print(error)
"""
    store = tmp_path / "c.db"
    env = {"PYTHONPATH": str(Path(chronik.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", program, str(store)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "[E222] the workers of executor 'processes:2' cannot register analysis component "
        "'test_main_words' of __main__ (AttributeError: Can't get attribute 'words'"
    ), done.stdout  # had been E110, an unknown component, for the first article
    assert not store.exists(), "and no store is left behind"


def test_errors_survive_pickling_between_processes() -> None:
    error = InputError(Code.E190, "feed.xml:3", component="ner", detail="ValueError: x")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InputError and copy.code is Code.E190
    assert str(copy) == str(error) and copy.where == "feed.xml:3"
