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


def test_an_error_quotes_what_it_was_given_cut_to_80_characters_and_keeps_it_whole(
    tmp_path: Path,
) -> None:
    # As a bad input's value is cut (docs/input.md): a 5,000-character id had been quoted
    # whole by the CLI and in a 404 of 5,073 bytes (review 275).
    with Chronik(tmp_path / "ids.db", create=True) as app, pytest.raises(ChronikError) as info:
        app.story("Lange Kennung " * 400)
    said = str(info.value)
    assert said.startswith("[E101] no story with id 'Lange Kennung Lange")
    assert said.endswith("…; list them with 'chronik stories'") and len(said) < 150
    assert len(said.split(" id ", 1)[1].split(";")[0]) == 80
    assert info.value.details["id"] == "Lange Kennung " * 400  # the caller's value, whole
    short = ChronikError(Code.E113, name="Grenze", value="x" * 78, kind="a number")
    assert f"Grenze = '{'x' * 78}' is not" in str(short)  # 80 with its quotes: whole
    longer = ChronikError(Code.E113, name="Grenze", value="x" * 79, kind="a number")
    assert f"Grenze = '{'x' * 78}… is not" in str(longer)
    # Not quoted in the template, a detail is written whole, as before.
    assert "a" * 300 in str(ChronikError(Code.E050, detail="a" * 300))
