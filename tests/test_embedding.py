"""Embedding ahead of a stream: the coming texts are embedded on worker threads, the stream
keeps its order, and what the caller gets is what it would have got without."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from chronik import Chronik
from chronik.analysis.pipeline import component
from chronik.errors import ChronikError, Code
from chronik.model import Article
from chronik.options import Options
from chronik.stories import embedding
from chronik.stories.embedding import _Cached, _Checked, ahead, get_embedder
from chronik.stories.engine import StoryEngine


class _Model:
    """Records the texts it encodes and the threads it encodes them on."""

    def __init__(self, fail: str | None = None) -> None:
        self.texts: list[str] = []
        self.threads: set[int] = set()
        self.fail = fail
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        with self._lock:
            self.texts.extend(texts)
            self.threads.add(threading.get_ident())
        if self.fail in texts:
            raise RuntimeError("the model broke")
        return np.array([[len(t), 1.0, 2.0] for t in texts], np.float32)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "_cores", lambda: 2)
    monkeypatch.setattr(embedding, "_BATCH", 4)  # several batches from a few texts


def _cached(model: _Model, concurrent: bool = True) -> _Cached:
    return _Cached("fake", lambda: model, "encode", 0.2, concurrent=concurrent)


def test_ahead_embeds_the_coming_texts_on_other_threads_in_order(two_cores: None) -> None:
    model = _Model()
    embedder = _cached(model)
    texts = [f"Text {i}" for i in range(30)]
    given = []
    for text in ahead(embedder, texts, str):
        assert text in model.texts, "embedded before the caller reaches it"
        embedder.encode([text])
        given.append(text)
    assert given == texts
    assert sorted(model.texts) == sorted(texts), "each text once: the caller's came cached"
    assert threading.get_ident() not in model.threads


@pytest.mark.parametrize("concurrent", [False, True])
def test_ahead_leaves_a_model_alone_that_cannot_run_on_threads_or_has_one_core(
    monkeypatch: pytest.MonkeyPatch, concurrent: bool
) -> None:
    monkeypatch.setattr(embedding, "_cores", lambda: 2 if not concurrent else 1)
    model = _Model()
    texts = [f"Text {i}" for i in range(10)]
    assert list(ahead(_cached(model, concurrent), texts, str)) == texts
    assert list(ahead(None, texts, str)) == texts
    assert model.texts == []


@pytest.mark.parametrize("checked", [True, False])
def test_a_model_failing_ahead_fails_for_the_text_that_broke_it(
    two_cores: None, checked: bool
) -> None:
    cached = _cached(_Model(fail="Text 5"))
    embedder = _Checked("fake", cached) if checked else cached
    assert embedder.concurrent
    given = []
    failure = r"E170.*the model broke" if checked else "the model broke"
    with pytest.raises(ChronikError if checked else RuntimeError, match=failure):
        for text in ahead(embedder, [f"Text {i}" for i in range(12)], str):
            embedder.encode([text])
            given.append(text)
    assert given == [f"Text {i}" for i in range(5)]


class _Slow(_Model):
    """A model whose batches after the first wait until they are let go."""

    def __init__(self) -> None:
        super().__init__()
        self.go = threading.Event()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if self.texts:
            self.go.wait(timeout=10)
        return super().encode(texts)


def test_a_caller_stopping_early_stops_the_embedding(two_cores: None) -> None:
    model = _Slow()
    stream = ahead(_cached(model), (f"Text {i}" for i in itertools.count()), str)
    # Four batches of four at the start: the first done at once, two held on the two
    # threads, one waiting; a fifth joins the waiting when the first is handed on.
    assert next(stream) == "Text 0"
    threading.Timer(0.2, model.go.set).start()  # lets the held ones finish
    stream.close()
    for thread in threading.enumerate():
        if thread.name.startswith("chronik-embed"):
            thread.join(timeout=10)
    assert len(model.texts) == 3 * 4, "the batches waiting were dropped, not embedded"


def test_an_item_without_a_text_is_passed_on_unembedded(two_cores: None) -> None:
    model = _Model()

    def text(item: str) -> str:
        if item == "Text 2":
            raise ValueError("no text")
        return item

    texts = [f"Text {i}" for i in range(6)]
    assert list(ahead(_cached(model), texts, text)) == texts
    assert sorted(model.texts) == sorted(set(texts) - {"Text 2"})


def _articles() -> Iterator[tuple[Article, datetime]]:
    """Three stories told in turns, with changing words, then a story of its own each."""
    day = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)
    topics = [
        ("Brücke in Lindenau gesperrt", "Die Elsterbrücke in Lindenau bleibt gesperrt"),
        ("Streik bei der Bahn", "Die Lokführer streiken im Fernverkehr der Bahn"),
        ("Hochwasser an der Oder", "Die Oder steigt weiter, Frankfurt an der Oder bangt"),
    ]
    for i in range(36):
        title, lead = topics[i % 3]
        text = f"{lead}, meldet der Bericht Nummer {i}. Am Tag {i // 3} gab es Neues."
        when = day + timedelta(hours=i)
        yield Article(f"a{i}", f"{title} ({i})", text, published=when, language="de"), when
    for i, words in enumerate(["Pokalfinale in Nordheim", "Neue Bibliothek in Südstadt"]):
        when = day + timedelta(days=2, hours=i)
        yield Article(f"b{i}", words, f"{words}: ein Bericht.", published=when), when


def test_add_all_assigns_as_add_does(two_cores: None) -> None:
    """Each engine with an embedder of its own: a shared cache would hand the second the
    very vectors of the first, where batches give vectors that differ by about 1e-7."""
    get_embedder.cache_clear()
    one_by_one = StoryEngine(Options(embedding_backend="use"))
    expected = [one_by_one.add(article, seen).story_id for article, seen in _articles()]
    get_embedder.cache_clear()
    streamed = StoryEngine(Options(embedding_backend="use"))
    assert [a.story_id for a in streamed.add_all(_articles())] == expected
    assert streamed.embedded == one_by_one.embedded > 0
    assert len(set(expected)) < len(expected), "some articles joined stories"


def test_ingest_embeds_the_coming_articles_ahead_and_stores_the_same_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps(
            {
                "url": f"https://example.org/{a.id}",
                "title": a.title,
                "text": a.text,
                "published": a.published.isoformat() if a.published else None,
            }
        )
        for a, _ in _articles()
    ]
    warmed: list[str] = []
    warm = embedding._warm

    def recording(embedder: embedding.Embedder, texts: list[str]) -> None:
        warmed.extend(texts)
        warm(embedder, texts)

    monkeypatch.setattr(embedding, "_warm", recording)
    stories = {}
    for cores in (1, 2):
        monkeypatch.setattr(embedding, "_cores", lambda cores=cores: cores)
        get_embedder.cache_clear()  # vectors of its own (see above)
        options = Options(db=str(tmp_path / f"{cores}.db"), embedding_backend="use", pipeline=())
        with Chronik(options=options) as app:
            app.ingest_bytes("\n".join(lines).encode(), "stream.jsonl")
            stories[cores] = [(a.id, a.story_id) for a in app.articles(limit=100)]
        assert len(warmed) == (len(lines) if cores == 2 else 0)
    assert stories[1] == stories[2]
    assert len({story for _, story in stories[1]}) < len(lines), "some articles joined stories"


def test_a_stream_failing_hands_on_what_it_gave_before_the_failure(two_cores: None) -> None:
    def failing() -> Iterator[str]:
        yield from (f"Text {i}" for i in range(6))
        raise ChronikError(Code.E180, name="ner", detail="the model broke")

    given = []
    with pytest.raises(ChronikError, match="E180"):
        for text in ahead(_cached(_Model()), failing(), str):
            given.append(text)
    assert given == [f"Text {i}" for i in range(6)], "ingest stores those before the failure"


@component("test_fails_on_seven")
def _fails_on_seven(article: Article, options: Options) -> None:
    if article.url and article.url.endswith("/a7"):
        raise ChronikError(Code.E181, name="test_fails_on_seven", detail="the model broke")


def test_ingest_stores_the_articles_before_a_failing_analysis(
    tmp_path: Path, two_cores: None
) -> None:
    lines = [
        json.dumps({"url": f"https://example.org/{a.id}", "title": a.title, "text": a.text})
        for a, _ in _articles()
    ]
    options = Options(
        db=str(tmp_path / "s.db"), embedding_backend="use", pipeline=("test_fails_on_seven",)
    )
    with Chronik(options=options) as app:
        with pytest.raises(ChronikError, match="E181"):
            app.ingest_bytes("\n".join(lines).encode(), "stream.jsonl")
        assert app.store.count_articles() == 7, "those before the failing one, as without ahead"
