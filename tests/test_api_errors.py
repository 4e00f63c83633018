"""The Python API gives every caller the coded error that the CLI and the REST API show."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chronik import Chronik, ChronikError
from chronik.errors import Code


def test_a_store_locked_by_another_writer_is_e241_from_the_api_too(
    tmp_path: Path, fixtures: Path
) -> None:
    store = tmp_path / "locked.db"
    with Chronik(store, create=True) as app:
        app.ingest([str(fixtures / "items.jsonl")])
        first, second, *_ = app.stories()
        app.store.db.execute("PRAGMA busy_timeout = 50")  # type: ignore[attr-defined]
        other = sqlite3.connect(store, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        try:
            with pytest.raises(ChronikError) as info:
                app.merge_stories(second.id, first.id)
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert info.value.code is Code.E241 and str(store) in str(info.value)
    assert isinstance(info.value.__cause__, sqlite3.OperationalError)


def test_a_failing_store_is_e240_while_the_articles_are_iterated(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik.store.sqlite import SQLiteStore

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with Chronik(tmp_path / "full.db", create=True) as app:
        app.ingest([str(fixtures / "items.jsonl")])
        monkeypatch.setattr(SQLiteStore, "articles_after", full)
        with pytest.raises(ChronikError) as info:
            next(app.iter_articles())
    assert info.value.code is Code.E240 and "free some disk space" in str(info.value)


def test_a_search_for_text_that_is_no_utf8_is_refused_by_the_api(
    tmp_path: Path, fixtures: Path
) -> None:
    # Read as punctuation, such words had made a search without words: every article.
    with Chronik(tmp_path / "search.db", create=True) as app:
        app.ingest([str(fixtures / "items.jsonl")])
        with pytest.raises(ChronikError) as info:
            app.search("\udcff")
    assert info.value.code is Code.E113 and "not UTF-8 text" in str(info.value)


def test_articles_of_the_story_id_blank_is_e101_as_its_count_not_every_article(
    tmp_path: Path, fixtures: Path
) -> None:
    # Review 114: articles(story_id="") listed every article, count_articles(story_id="")
    # was E101: a caller's unset variable read the whole store.
    with Chronik(str(tmp_path / "news.db")) as app:
        app.ingest([str(fixtures / "items.jsonl")])
        assert app.count_articles() > 0
        for call in (app.articles, app.count_articles):
            with pytest.raises(ChronikError) as raised:
                call(story_id="")
            assert raised.value.code is Code.E101
