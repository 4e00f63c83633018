"""The narrow storage interface every backend implements (SQLite and PostgreSQL).

Backends are selected by target: a file path is SQLite; ``postgresql://...`` a server.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from chronik.ingest.document import Document
from chronik.model import Article, ArticleQuery, Entity, Reason, Story, StoryChange

# Where a page of articles ended in time order: the last one's time (published, else seen)
# and row.
Place = tuple[str, int]


class PutStatus(StrEnum):
    INSERTED = "inserted"
    REVISED = "revised"
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class Stored:
    """What the store knows of an article before a put: enough to decide what changes."""

    content_hash: str
    story_id: str | None
    revision: int
    format: str | None = None  # of the input the current revision came from
    published: datetime | None = None  # of the current revision


@dataclass(slots=True)
class StoredInput:
    """An article's input as the store kept it, for reanalysis: read again by
    ``chronik.ingest.readers.reread``, which may find it unreadable."""

    article_id: str
    origin: str
    format: str
    payload: bytes
    meta: dict[str, Any]
    revision: int


@dataclass(slots=True)
class FeedState:
    url: str
    etag: str | None = None
    modified: str | None = None
    checked: datetime | None = None


class Store(Protocol):
    def lookup(self, article_id: str) -> Stored | None: ...

    def has_version(self, article_id: str, payload: bytes, content_hash: str) -> bool:
        """Whether one of the article's stored revisions came from this input, or gave this
        content."""
        ...

    def duplicate_of(self, content_hash: str) -> str | None:
        """The id of a stored article with this content, if there is one."""
        ...

    def put_article(
        self,
        article: Article,
        document: Document,
        seen: datetime,
        features: bytes,
        reason: Reason | None = None,
    ) -> PutStatus:
        """Store the article; ``reason`` (why the story engine put it in its story) is
        stored where given, and a revision, given none, keeps the one stored."""
        ...

    def reason(self, article_id: str) -> Reason | None:
        """Why the story engine put the article in its story, as stored when it was placed
        (None for an article stored before reasons were kept)."""
        ...

    def features(self, article_id: str) -> bytes:
        """The story engine's features stored with the article (empty where none are)."""
        ...

    def set_features(self, article_id: str, features: bytes) -> None:
        """Store the engine's features anew: a vector it made for a member later."""
        ...

    def stored_before(self, article_id: str, story_id: str) -> set[str]:
        """The ids of the story's articles that were first stored before the article (in
        the order the store took them, not by publication time)."""
        ...

    def keep_version(self, article: Article, document: Document, seen: datetime) -> None:
        """Keep an input of the article older than its current revision, without making it
        current: an archive read after the live page must not take the page back."""
        ...

    def replace_analysis(self, article: Article, revision: int) -> bool:
        """Store a new analysis of the input of ``revision``; False when it equals the stored
        one, or when the article has a newer revision than that by now (another writer
        stored it, with its own analysis, after the input was read)."""
        ...

    def latest(self, dated: bool | None = None) -> datetime | None:
        """The latest publication time, else ingest time, of an article; with ``dated``
        true, the latest publication time; false, the latest ingest time of an undated
        article."""
        ...

    def article(self, article_id: str) -> Article | None: ...

    def articles(
        self, *, story_id: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Article]: ...

    def articles_after(self, place: Place | None, batch: int) -> tuple[list[Article], Place]:
        """The next ``batch`` articles in time order after ``place`` (from the first with
        None), and the place after them: paging by place, each article stored before the
        paging began comes exactly once, whatever another writer stores meanwhile."""
        ...

    def count_articles(self, story_id: str | None = None) -> int:
        """How many articles are stored; with ``story_id``, how many that story has."""
        ...

    def count_stories(self) -> int: ...

    def search(self, query: ArticleQuery) -> list[Article]: ...

    def count_matches(self, query: ArticleQuery) -> int:
        """How many articles ``query`` matches in all, whatever its limit and offset."""
        ...

    def stored_inputs(self) -> Iterator[StoredInput]:
        """Every article's current input, a few at a time (payloads can be large)."""
        ...

    def window(
        self,
        since: datetime,
        analysed: bool = True,
        undated_since: datetime | None = None,
        until: datetime | None = None,
        undated: bool = True,
    ) -> Iterator[tuple[Article, datetime, bytes]]:
        """The articles published from ``since`` to ``until`` (else on), and, unless not
        ``undated``, the undated ones read from ``undated_since`` (else ``since``) to
        ``until``, in time order, with their time and engine features; without
        ``analysed``, only their text and metadata."""
        ...

    def vocabulary(self) -> tuple[int, dict[str, int]]:
        """The story engine's saved document count and document frequencies (0 and none
        in a store written before they were kept)."""
        ...

    def save_vocabulary(self, documents: int, df: Mapping[str, int], replace: bool) -> None:
        """Save the document count and the frequencies of ``df``'s terms; with
        ``replace``, ``df`` is all of them and the others go."""
        ...

    def refresh_story(self, story_id: str, title: str | None) -> None: ...

    def retitle_story(self, story_id: str, old: str, new: str) -> None:
        """Give the story the title ``new`` if its title is ``old`` (a revision of the
        article that titles it)."""
        ...

    def log_story(self, story_id: str, action: str, other: str | None, at: datetime) -> None: ...

    def merge_stories(self, gone: str, into: str, at: datetime) -> None:
        """Move every article of story ``gone`` into ``into`` and log the merge."""
        ...

    def split_story(
        self, story_id: str, article_ids: Sequence[str], new_id: str, title: str, at: datetime
    ) -> None:
        """Move the articles ``article_ids`` of story ``story_id`` into the new story
        ``new_id`` and log the split in both."""
        ...

    def story_history(self, story_id: str) -> list[StoryChange]:
        """The story's logged changes (created, merged, absorbed, split, split_from), oldest
        first."""
        ...

    def story(self, story_id: str, articles: bool = True) -> Story | None:
        """The story, with its articles unless ``articles`` is false."""
        ...

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]: ...

    def entity(self, entity_id: str) -> Entity | None:
        """The entity, or the one it was merged into (:meth:`merge_entities`)."""
        ...

    def merge_entities(self, gone: str, kept: Entity, at: datetime) -> None:
        """One entity of two that a later article proved to be one: ``gone``'s mentions,
        names and count go to ``kept`` (stored as given, with its count and aliases kept),
        ``gone``'s record goes, and the id ``gone`` answers as ``kept.id`` from now on."""
        ...

    def entity_merges(self) -> dict[str, str]:
        """The kept id of every merged entity's id."""
        ...

    def entities(
        self, limit: int = 100, type: str | None = None, name: str | None = None, offset: int = 0
    ) -> list[Entity]:
        """The most mentioned entities, of one type (upper case), or with one name or alias
        (any case); ``offset`` of them skipped first."""
        ...

    def count_entities(self, type: str | None = None, name: str | None = None) -> int:
        """How many entities :meth:`entities` lists with these filters, on every page."""
        ...

    def entity_with_word(self, word: str) -> Entity | None:
        """The most mentioned entity one of whose names or aliases has ``word`` (any case)
        as a whole word: "Vostochny" in "Vostochny Cosmodrome"."""
        ...

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[Article]:
        """The articles that mention the entity, newest first."""
        ...

    def entity_story_counts(self, entity_id: str, limit: int = 20) -> list[tuple[str, int]]:
        """The ids of the stories whose articles mention the entity, each with how many of
        its articles do, those with the most such articles first."""
        ...

    def mention_times(self, entity_id: str) -> list[datetime]:
        """The publication time of each of the entity's mentions (one a mention; those in
        undated articles left out), in no order."""
        ...

    def iter_entities(self) -> Iterator[Entity]:
        """Every stored entity, in no particular order."""
        ...

    def mention_entities(self) -> dict[tuple[str, int, int], str]:
        """The entity id of every stored mention, by (article id, start, end)."""
        ...

    def feed_state(self, url: str) -> FeedState: ...

    def put_feed_state(self, state: FeedState) -> None: ...

    def begin_write(self) -> bool:
        """Take the store's write lock for a write transaction, unless this process holds
        it; True when another process wrote since this one last did (or opened the store):
        what this process read of the store before may be stale."""
        ...

    def commit(self) -> None: ...

    def close(self) -> None: ...
