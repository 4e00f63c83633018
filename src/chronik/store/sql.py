"""The SQL both relational backends share; each backend adds its connection, its
migrations and its full-text search. Queries use ``?`` placeholders and portable SQL
(``ON CONFLICT`` upserts, ISO 8601 text for times, so that times compare as strings)."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from typing import Any, NamedTuple

from chronik.errors import ChronikError, Code
from chronik.ingest.decode import storable
from chronik.ingest.document import Document
from chronik.model import (
    Article,
    ArticleQuery,
    Entity,
    Reason,
    Story,
    StoryChange,
    article_from_dict,
)
from chronik.store.base import FeedState, Place, PutStatus, Stored, StoredInput

# Columns of ``articles`` that are also fields of Article; the rest of the analysis is JSON.
_COLUMNS = ("id", "url", "title", "text", "publisher", "language", "content_hash", "story_id")

Row = Mapping[str, Any]
# Undated articles after the dated ones, by when they were read: an ingest time says
# nothing of how new the news is.
_NEWEST_FIRST = "a.published IS NULL, COALESCE(a.published, a.seen) DESC, a.rowid DESC"
# Ids per "IN (...)" query: well under the bound on parameters of any SQLite build.
_ID_BATCH = 500
# A story's articles, all of them: a bound only so that the query has one.
_STORY_ARTICLES = 1_000_000
_INPUTS_AT_ONCE = 100  # stored inputs read per query in reanalysis: payloads can be large


class FullText(NamedTuple):
    """A backend's full-text search as parts of one query: a FROM clause that names the
    articles ``a``, a WHERE condition and an ORDER BY (best match first), each taking
    ``argument`` for each of its placeholders."""

    tables: str
    condition: str
    order: str
    argument: str


def readable_args(sql: str, args: Sequence[Any]) -> list[Any]:
    """A query's arguments with lone surrogates replaced (a command-line argument that is
    no UTF-8, "\\ud800" in a JSON body): no stored text holds one, so such an id finds
    nothing and says so (E101), where the driver's encoding error had been an internal
    error (review 42). A write keeps its error: what it stores must not change unseen."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise UnicodeEncodeError("utf-8", "", 0, 1, "a lone surrogate in a write")
    return [storable(a) if isinstance(a, str) else a for a in args]


def migrations(dialect: str) -> list[str]:
    """The schema migrations of a dialect in order; migration N brings the schema to version N."""
    folder = resources.files("chronik.store") / "migrations"
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(dialect + "_"))
    return [(folder / name).read_text(encoding="utf-8") for name in names]


# The migrations that added ``entity_names`` and labels to it, filled from ``entities`` in
# Python.
_ENTITY_NAMES_VERSIONS = (2, 3)


class SQLStore(ABC):
    """Every Store method that plain SQL can serve."""

    # The SQL function that compares text in any case, for every letter (SQLite's lower()
    # folds ASCII only: "SÜDDEUTSCHE" would miss "Süddeutsche").
    fold = "lower"
    path: str  # the store as the user named it, for messages (a password left out)

    @abstractmethod
    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run ``sql`` with ``?`` placeholders; the result iterates rows as mappings and has
        ``fetchone`` and ``fetchall``."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def full_text(self, words: str) -> FullText:
        """How this backend's full-text index finds ``words``."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, args).fetchone()
        return None if row is None else next(iter(dict(row).values()))

    def lookup(self, article_id: str) -> Stored | None:
        row = self.execute(
            "SELECT a.content_hash, a.story_id, a.revision, a.published, d.format FROM articles a "
            "LEFT JOIN documents d ON d.article_id = a.id AND d.revision = a.revision "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        published = _time(row["published"])
        return Stored(
            row["content_hash"], row["story_id"], row["revision"], row["format"], published
        )

    def has_version(self, article_id: str, payload: bytes, content_hash: str) -> bool:
        row = self.execute(
            "SELECT 1 FROM documents WHERE article_id = ? AND (content_hash = ? OR payload = ?) "
            "LIMIT 1",
            (article_id, content_hash, payload),
        ).fetchone()
        return row is not None

    def duplicate_of(self, content_hash: str) -> str | None:
        row = self.execute(
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return None if row is None else str(row["id"])

    def put_article(
        self,
        article: Article,
        document: Document,
        seen: datetime,
        features: bytes,
        reason: Reason | None = None,
    ) -> PutStatus:
        known = self.lookup(article.id)
        if known and known.content_hash == article.content_hash:
            return PutStatus.UNCHANGED
        revision = self._next_revision(article.id) if known else 1
        self._put_document(article.id, revision, document, seen, article.content_hash)
        values = self._row(article, seen, revision, features)
        if known and not features:
            # A revision keeps the story engine's profile of the article: the engine keeps
            # the one it assigned the story by, and a restarted engine must find the same.
            del values["features"]
        if reason is not None:
            values["reason"] = json.dumps(reason.to_dict(), ensure_ascii=False)
        if known:
            assignments = ", ".join(f"{k} = ?" for k in values if k != "id")
            others = [v for k, v in values.items() if k != "id"]
            self.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*others, article.id))
        else:
            names, marks = ", ".join(values), ", ".join("?" for _ in values)
            inserted = self.execute(
                f"INSERT INTO articles ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                tuple(values.values()),
            )
            if inserted.rowcount == 0:
                # Another writer stored this article since the lookup (two ingests of
                # overlapping input on PostgreSQL): the same, or a revision of it now.
                return self.put_article(article, document, seen, features, reason)
        self._put_entities(article)
        return PutStatus.REVISED if known else PutStatus.INSERTED

    def reason(self, article_id: str) -> Reason | None:
        row = self.execute("SELECT reason FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Reason.from_dict(json.loads(row["reason"])) if row and row["reason"] else None

    def features(self, article_id: str) -> bytes:
        row = self.execute("SELECT features FROM articles WHERE id = ?", (article_id,)).fetchone()
        return bytes(row["features"] or b"") if row else b""

    def set_features(self, article_id: str, features: bytes) -> None:
        self.execute("UPDATE articles SET features = ? WHERE id = ?", (features, article_id))

    def stored_before(self, article_id: str, story_id: str) -> set[str]:
        # The row numbers grow as articles are first inserted; a revision keeps its row.
        rows = self.execute(
            "SELECT id FROM articles WHERE story_id = ? AND rowid < "
            "(SELECT rowid FROM articles WHERE id = ?)",
            (story_id, article_id),
        )
        return {row["id"] for row in rows}

    def keep_version(self, article: Article, document: Document, seen: datetime) -> None:
        revision = self._next_revision(article.id)
        self._put_document(article.id, revision, document, seen, article.content_hash)

    def _next_revision(self, article_id: str) -> int:
        """After every kept input: an older one kept is a revision that is not current."""
        latest = self.scalar(
            "SELECT MAX(revision) FROM documents WHERE article_id = ?", (article_id,)
        )
        return int(latest or 0) + 1

    def _row(
        self, article: Article, seen: datetime, revision: int, features: bytes
    ) -> dict[str, Any]:
        values, analysis = _split(article)
        values.update(
            seen=seen.isoformat(), revision=revision, analysis=analysis, features=features
        )
        return values

    def _put_document(
        self, article_id: str, revision: int, doc: Document, seen: datetime, content_hash: str
    ) -> None:
        meta = {
            "url": doc.url,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "assumed_published": (
                doc.assumed_published.isoformat() if doc.assumed_published else None
            ),
            "publisher": doc.publisher,
            "language": doc.language,
        }
        self.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id, revision) DO UPDATE SET payload = excluded.payload, "
            "meta = excluded.meta, content_hash = excluded.content_hash",
            (
                article_id,
                revision,
                doc.origin,
                doc.format,
                json.dumps(meta),
                doc.payload,
                _iso(seen),
                content_hash,
            ),
        )

    def _put_entities(self, article: Article) -> None:
        # Entity mention counts move by this article's change, so storing an article costs
        # the same however often its entities were mentioned before.
        rows = self.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (article.id,))
        delta = Counter(m.entity_id for m in article.mentions if m.entity_id)
        delta.subtract(row["entity_id"] for row in rows.fetchall() if row["entity_id"])
        self.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
        self.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, type) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(article.id, m.entity_id, m.start, m.end, m.text, m.type) for m in article.mentions],
        )
        for entity in article.entities:
            self._upsert_entity(entity, delta.pop(entity.id, 0), self._stored_entity(entity.id))
        # An id merged away that an entity of its own takes again (of another type than
        # the one kept) answers as itself.
        self.executemany(
            "DELETE FROM entity_merges WHERE gone = ?", [(e.id,) for e in article.entities]
        )
        self._put_entity_names(article.entities)
        self.executemany(
            "UPDATE entities SET mention_count = mention_count + ? WHERE id = ?",
            [(change, entity_id) for entity_id, change in delta.items() if change],
        )

    def _pending_migrations(self, dialect: str) -> list[tuple[int, str]]:
        """The numbered migration scripts this store still needs; E120 for a store that a
        newer Chronik wrote."""
        steps = migrations(dialect)
        version = self.schema_version()
        if version > len(steps):
            raise ChronikError(Code.E120, path=self.path, found=version, known=len(steps))
        return list(enumerate(steps[version:], start=version + 1))

    def _after_migration(self, number: int) -> None:
        """The data step of migration ``number`` that SQL cannot do (case-folding names),
        run in the migration's transaction."""
        if number in _ENTITY_NAMES_VERSIONS:
            # Only the columns these versions had: later ones renamed the count.
            rows = self.execute("SELECT id, name, aliases, labels FROM entities").fetchall()
            self._put_entity_names(
                Entity(r["id"], r["name"], "", json.loads(r["aliases"]), 0, json.loads(r["labels"]))
                for r in rows
            )

    def _put_entity_names(self, entities: Iterable[Entity]) -> None:
        """Every name, alias and label of the entities, case-folded, in one statement."""
        rows = {
            (n.casefold(), e.id) for e in entities for n in (e.name, *e.aliases, *e.labels.values())
        }
        self.executemany("INSERT INTO entity_names VALUES (?, ?) ON CONFLICT DO NOTHING", [*rows])

    def _upsert_entity(self, entity: Entity, added_mentions: int, known: Entity | None) -> None:
        """``entity`` stored, over ``known``, the entity as stored under its id, if any."""
        # A name given up stays a name it is found by.
        former = {known.name} - {entity.name} if known else set()
        names = set(entity.aliases) | set(known.aliases if known else []) | former
        aliases = sorted(names - {entity.name})  # a name that comes back is no alias of itself
        labels = {**(known.labels if known else {}), **entity.labels}
        self.execute(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, type = excluded.type, aliases = excluded.aliases, "
            "labels = excluded.labels, code = excluded.code, "
            "mention_count = entities.mention_count + excluded.mention_count",
            (
                entity.id,
                entity.name,
                entity.type,
                json.dumps(aliases, ensure_ascii=False),
                json.dumps(labels, ensure_ascii=False),
                entity.code,
                added_mentions,
            ),
        )

    def replace_analysis(self, article: Article, revision: int) -> bool:
        """New analysis of an unchanged input: no revision, the story stays. False, and
        nothing written, when it is the analysis already stored, or when the article was
        revised since its input was read: the newer revision's own analysis stays."""
        columns, analysis = _split(article)
        # The publication time too: a newer reader may find one in the same input (a
        # JSONL line's "gathered_date").
        new = (article.title, article.text, article.language, columns["published"])
        row = self.execute(
            "SELECT title, text, language, published, analysis, revision FROM articles "
            "WHERE id = ?",
            (article.id,),
        ).fetchone()
        if row is None or row["revision"] != revision:
            return False
        if _same_analysis(row, new, analysis):
            self._renamed_entities(article)
            return False
        # The revision checked again in the write itself, which holds the row: another
        # writer may have revised it between the read above and this.
        written = self.execute(
            "UPDATE articles SET title = ?, text = ?, language = ?, published = ?, analysis = ? "
            "WHERE id = ? AND revision = ?",
            (*new, analysis, article.id, revision),
        )
        if written.rowcount != 1:
            return False
        self._put_entities(article)
        return True

    def _renamed_entities(self, article: Article) -> None:
        """Its entities' names as the whole reanalysis knows them by now: an earlier
        article, revised, had named "Kaja Kallas" "Kallas" for good."""
        for entity in article.entities:
            known = self._stored_entity(entity.id)
            if known and (known.name != entity.name or set(entity.aliases) - set(known.aliases)):
                self._upsert_entity(entity, 0, known)

    def latest(self, dated: bool | None = None) -> datetime | None:
        query = {
            None: "SELECT MAX(COALESCE(published, seen)) FROM articles",
            True: "SELECT MAX(published) FROM articles",
            False: "SELECT MAX(seen) FROM articles WHERE published IS NULL",
        }[dated]
        latest = self.scalar(query)
        return _time(latest)

    def article(self, article_id: str) -> Article | None:
        row = self.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._named([row])[0] if row else None

    def articles(
        self, *, story_id: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Article]:
        # A story id of "" is a story id (E101 for none such), as count_articles has it, not
        # "every article": `articles(story_id=sid)` with sid unset had listed them all.
        where, args = ("WHERE story_id = ?", [story_id]) if story_id is not None else ("", [])
        rows = self.execute(
            f"SELECT * FROM articles {where} ORDER BY COALESCE(published, seen), rowid "
            "LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return self._named(rows)

    def articles_after(self, place: Place | None, batch: int) -> tuple[list[Article], Place]:
        # A page starts after the last one's place in the order (its time and rowid), not
        # at an offset: articles another writer stores meanwhile would shift an offset, and
        # the pages would then repeat some articles and skip others.
        after = place or ("", -1)
        rows = self.execute(
            "SELECT *, COALESCE(published, seen) AS page_time, rowid AS page_row FROM articles "
            "WHERE (COALESCE(published, seen), rowid) > (?, ?) "
            "ORDER BY COALESCE(published, seen), rowid LIMIT ?",
            (*after, batch),
        ).fetchall()
        if rows:
            after = (rows[-1]["page_time"], rows[-1]["page_row"])
        return self._named(rows), after

    def count_articles(self, story_id: str | None = None) -> int:
        if story_id is None:
            return int(self.scalar("SELECT COUNT(*) FROM articles"))
        return int(self.scalar("SELECT COUNT(*) FROM articles WHERE story_id = ?", (story_id,)))

    def count_stories(self) -> int:
        return int(self.scalar("SELECT COUNT(*) FROM stories"))

    def search(self, query: ArticleQuery) -> list[Article]:
        # The filters are conditions of the one query, so that the limit counts matches.
        tables, where, args, order, ranked = self._matching(query)
        rows = self.execute(
            f"SELECT a.* FROM {tables} WHERE {where} ORDER BY {order}, a.id LIMIT ? OFFSET ?",
            (*args, *ranked, query.limit, query.offset),
        )
        return self._named(rows)

    def count_matches(self, query: ArticleQuery) -> int:
        tables, where, args, _, _ = self._matching(query)
        return int(self.scalar(f"SELECT COUNT(*) FROM {tables} WHERE {where}", args))

    def _matching(self, query: ArticleQuery) -> tuple[str, str, list[Any], str, list[Any]]:
        """The tables, condition and arguments of the articles ``query`` matches, and its
        order with the order's arguments."""
        tables, order = "articles a", _NEWEST_FIRST
        where: list[str] = []
        args: list[Any] = []
        ranked: list[Any] = []
        if query.text:
            tables, match, order, argument = self.full_text(query.text)
            where.append(match)
            args.extend([argument] * match.count("?"))
            ranked = [argument] * order.count("?")
        filters = (
            ("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)", query.entity_id),
            ("substr(a.published, 1, 10) >= ?", query.since and query.since.isoformat()),
            ("substr(a.published, 1, 10) <= ?", query.until and query.until.isoformat()),
            (f"{self.fold}(a.publisher) = {self.fold}(?)", query.publisher),
            (f"{self.fold}(a.language) = {self.fold}(?)", query.language),
        )
        for condition, value in filters:
            if value:
                where.append(condition)
                args.append(value)
        return tables, " AND ".join(where) or "TRUE", args, order, ranked

    def stored_inputs(self) -> Iterator[StoredInput]:
        ids = [row["id"] for row in self.execute("SELECT id FROM articles ORDER BY rowid")]
        for start in range(0, len(ids), _INPUTS_AT_ONCE):
            chunk = ids[start : start + _INPUTS_AT_ONCE]
            rows = self.execute(
                "SELECT d.* FROM documents d JOIN articles a ON a.id = d.article_id "
                f"AND a.revision = d.revision WHERE a.id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            by_id = {row["article_id"]: row for row in rows}
            for article_id in chunk:
                if (row := by_id.get(article_id)) is not None:
                    yield StoredInput(
                        article_id,
                        row["origin"],
                        row["format"],
                        bytes(row["payload"]),
                        json.loads(row["meta"]),
                        row["revision"],
                    )

    def window(
        self,
        since: datetime,
        analysed: bool = True,
        undated_since: datetime | None = None,
        until: datetime | None = None,
        undated: bool = True,
    ) -> Iterator[tuple[Article, datetime, bytes]]:
        # Without the analysis where it is not read: the sort carries every column it
        # selects, and the analyses are most of a row (an article page's related reading
        # took 0.15 s of its 0.25 s so on the stream's year).
        columns = "*" if analysed else ", ".join((*_COLUMNS, "published", "seen", "features"))
        # Bounded above as well: the sort takes every row the WHERE lets through, and an
        # article of the stream's first month sorted the whole year (0.11 s against 0.002).
        last = (until or datetime.max.replace(tzinfo=UTC)).isoformat()
        where, values = "(published >= ? AND published <= ?)", [since.isoformat(), last]
        if undated:
            where += " OR (published IS NULL AND seen >= ? AND seen <= ?)"
            values += [(undated_since or since).isoformat(), last]
        rows = self.execute(
            f"SELECT {columns} FROM articles WHERE {where} "
            "ORDER BY COALESCE(published, seen), rowid",
            values,
        )
        for row in rows:
            seen = datetime.fromisoformat(row["published"] or row["seen"])
            article = article_from_row(row) if analysed else _unanalysed(row)
            yield article, seen, bytes(row["features"] or b"")

    def vocabulary(self) -> tuple[int, dict[str, int]]:
        documents = int(self.scalar("SELECT n FROM vocabulary_documents") or 0)
        rows = self.execute("SELECT term, df FROM vocabulary")
        return documents, {row["term"]: int(row["df"]) for row in rows}

    def save_vocabulary(self, documents: int, df: Mapping[str, int], replace: bool) -> None:
        if replace:
            self.execute("DELETE FROM vocabulary")
        upsert = "INSERT INTO vocabulary VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = "
        self.executemany(upsert + "excluded.df", list(df.items()))
        self.execute("UPDATE vocabulary_documents SET n = ?", (documents,))

    def refresh_story(self, story_id: str, title: str | None) -> None:
        """Recount a story from its articles (the index on story_id keeps this cheap);
        a title of None keeps the stored one. Its span is its articles' publication times,
        else (none has one) the times they were ingested."""
        self.execute(
            # "WHERE true" lets SQLite parse ON CONFLICT after INSERT ... SELECT.
            "INSERT INTO stories SELECT ?, "
            "COALESCE(?, (SELECT title FROM stories WHERE id = ?), MIN(title)), "
            # Publication times where any article has one: an undated article's ingest time
            # says nothing of when the story happened.
            "COALESCE(MIN(published), MIN(seen)), COALESCE(MAX(published), MAX(seen)), COUNT(*) "
            "FROM articles WHERE story_id = ? AND true ON CONFLICT (id) DO UPDATE SET "
            "title = excluded.title, first_seen = excluded.first_seen, "
            "last_seen = excluded.last_seen, size = excluded.size",
            (story_id, title, story_id, story_id),
        )

    def retitle_story(self, story_id: str, old: str, new: str) -> None:
        self.execute(
            "UPDATE stories SET title = ? WHERE id = ? AND title = ?", (new, story_id, old)
        )

    def log_story(self, story_id: str, action: str, other: str | None, at: datetime) -> None:
        self.execute(
            "INSERT INTO story_log VALUES (?, ?, ?, ?)", (story_id, action, other, at.isoformat())
        )

    def merge_stories(self, gone: str, into: str, at: datetime) -> None:
        self.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (into, gone))
        self.execute("DELETE FROM stories WHERE id = ?", (gone,))
        self.log_story(gone, "merged", into, at)
        self.log_story(into, "absorbed", gone, at)
        self.refresh_story(into, None)

    def split_story(
        self, story_id: str, article_ids: Sequence[str], new_id: str, title: str, at: datetime
    ) -> None:
        self.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ? AND story_id = ?",
            [(new_id, article_id, story_id) for article_id in article_ids],
        )
        self.log_story(story_id, "split", new_id, at)
        self.log_story(new_id, "split_from", story_id, at)
        self.refresh_story(story_id, None)
        self.refresh_story(new_id, title)

    def story_history(self, story_id: str) -> list[StoryChange]:
        rows = self.execute("SELECT * FROM story_log WHERE story_id = ? ORDER BY at", (story_id,))
        return [
            StoryChange(
                row["story_id"], row["action"], row["other"], datetime.fromisoformat(row["at"])
            )
            for row in rows
        ]

    def story(self, story_id: str, articles: bool = True) -> Story | None:
        row = self.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if not row:
            return None
        story = _story(row)
        if articles:
            story.articles = self.articles(story_id=story_id, limit=_STORY_ARTICLES)
        return story

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        rows = self.execute(
            "SELECT * FROM stories ORDER BY last_seen DESC, size DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        stories = [_story(row) for row in rows]
        for story in stories:
            story.articles = self.articles(story_id=story.id, limit=_STORY_ARTICLES)
        return stories

    def _named(self, rows: Iterable[Row]) -> list[Article]:
        """Articles as read, their entities and event actors named as the store names them
        now: an article keeps the names its entities had when it was analysed, and a later
        article may have named one more fully ("Putin", then "Wladimir Putin")."""
        articles = [article_from_row(row) for row in rows]
        wanted = sorted(
            {e.id for a in articles for e in a.entities}
            | {i for a in articles for event in a.events for i in event.actors}
            | {event.location_id for a in articles for event in a.events if event.location_id}
        )
        current: dict[str, Entity] = {}
        for first in range(0, len(wanted), _ID_BATCH):
            batch = wanted[first : first + _ID_BATCH]
            marks = ", ".join("?" for _ in batch)
            found = self.execute(f"SELECT * FROM entities WHERE id IN ({marks})", batch)
            current.update((row["id"], _entity(row)) for row in found)
        for article in articles:
            with_current_names(article, current)
        return articles

    def _stored_entity(self, entity_id: str) -> Entity | None:
        """The entity stored under this very id (none for an id merged away)."""
        row = self.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return _entity(row) if row else None

    def entity(self, entity_id: str) -> Entity | None:
        found = self._stored_entity(entity_id)
        if found is None:  # merged into another: the id answers as the kept one
            kept = self.scalar("SELECT kept FROM entity_merges WHERE gone = ?", (entity_id,))
            found = self._stored_entity(kept) if kept else None
        return found

    def merge_entities(self, gone: str, kept: Entity, at: datetime) -> None:
        if gone == kept.id:
            return
        moved = self.scalar("SELECT mention_count FROM entities WHERE id = ?", (gone,)) or 0
        self._rewrite_analyses(gone, kept)
        self.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (kept.id, gone))
        self.execute("DELETE FROM entities WHERE id = ?", (gone,))
        self._upsert_entity(replace(kept, mention_count=0), moved, self._stored_entity(kept.id))
        self.execute(
            "INSERT INTO entity_names SELECT name, ? FROM entity_names WHERE entity_id = ? "
            "ON CONFLICT DO NOTHING",
            (kept.id, gone),
        )
        self.execute("DELETE FROM entity_names WHERE entity_id = ?", (gone,))
        self._put_entity_names([kept])
        # Earlier merges into the gone one answer as the kept one now, in one step.
        self.execute("UPDATE entity_merges SET kept = ? WHERE kept = ?", (kept.id, gone))
        self.execute(
            "INSERT INTO entity_merges VALUES (?, ?, ?) ON CONFLICT (gone) DO UPDATE SET "
            "kept = excluded.kept, at = excluded.at",
            (gone, kept.id, at.isoformat()),
        )

    def _rewrite_analyses(self, gone: str, kept: Entity) -> None:
        """The stored analyses that name ``gone`` name ``kept`` instead: an article reads
        as the store knows it now, and a reanalysis that links it afresh finds it
        unchanged."""
        rows = self.execute(
            "SELECT * FROM articles WHERE id IN "
            "(SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?)",
            (gone,),
        ).fetchall()
        for row in rows:
            article = article_from_row(row)
            with_merged_ids(article, {gone: kept.id})
            self.execute(
                "UPDATE articles SET analysis = ? WHERE id = ?", (_split(article)[1], article.id)
            )

    def entity_merges(self) -> dict[str, str]:
        rows = self.execute("SELECT gone, kept FROM entity_merges").fetchall()
        return {row["gone"]: row["kept"] for row in rows}

    def entities(
        self, limit: int = 100, type: str | None = None, name: str | None = None, offset: int = 0
    ) -> list[Entity]:
        where, args = _entity_filter(type, name)
        rows = self.execute(
            f"SELECT * FROM entities WHERE {where} "
            "ORDER BY mention_count DESC, name, id LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [_entity(row) for row in rows]

    def count_entities(self, type: str | None = None, name: str | None = None) -> int:
        where, args = _entity_filter(type, name)
        return int(self.scalar(f"SELECT COUNT(*) FROM entities WHERE {where}", args))

    def entity_with_word(self, word: str) -> Entity | None:
        folded = word.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns = (f"{folded} %", f"% {folded}", f"% {folded} %")
        matches = " OR ".join(["name LIKE ? ESCAPE '\\'"] * len(patterns))
        row = self.execute(
            "SELECT * FROM entities WHERE mention_count > 0 AND id IN "
            f"(SELECT entity_id FROM entity_names WHERE {matches}) "
            "ORDER BY mention_count DESC, name, id LIMIT 1",
            patterns,
        ).fetchone()
        return None if row is None else _entity(row)

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[Article]:
        rows = self.execute(
            "SELECT * FROM articles a WHERE id IN "
            "(SELECT article_id FROM mentions WHERE entity_id = ?) "
            f"ORDER BY {_NEWEST_FIRST} LIMIT ?",
            (entity_id, limit),
        )
        return self._named(rows)

    def mention_times(self, entity_id: str) -> list[datetime]:
        rows = self.execute(
            "SELECT a.published FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? AND a.published IS NOT NULL",
            (entity_id,),
        )
        return [time for row in rows if (time := _time(row["published"])) is not None]

    def entity_story_counts(self, entity_id: str, limit: int = 20) -> list[tuple[str, int]]:
        rows = self.execute(
            "SELECT story_id, COUNT(*) AS n, MAX(COALESCE(published, seen)) AS latest "
            "FROM articles WHERE story_id IS NOT NULL AND id IN "
            "(SELECT article_id FROM mentions WHERE entity_id = ?) "
            "GROUP BY story_id ORDER BY n DESC, latest DESC, story_id LIMIT ?",
            (entity_id, limit),
        )
        return [(row["story_id"], int(row["n"])) for row in rows]

    def iter_entities(self) -> Iterator[Entity]:
        for row in self.execute("SELECT * FROM entities WHERE mention_count > 0").fetchall():
            yield _entity(row)

    def mention_entities(self) -> dict[tuple[str, int, int], str]:
        rows = self.execute(
            'SELECT article_id, start, "end", entity_id FROM mentions WHERE entity_id IS NOT NULL'
        )
        return {(r["article_id"], r["start"], r["end"]): r["entity_id"] for r in rows}

    def feed_state(self, url: str) -> FeedState:
        row = self.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if not row:
            return FeedState(url)
        checked = _time(row["checked"])
        return FeedState(url, row["etag"], row["modified"], checked)

    def put_feed_state(self, state: FeedState) -> None:
        self.execute(
            "INSERT INTO feeds VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = excluded.etag, modified = excluded.modified, checked = excluded.checked",
            (state.url, state.etag, state.modified, _iso(state.checked)),
        )


def article_from_row(row: Row) -> Article:
    data = json.loads(row["analysis"])
    data.update({k: row[k] for k in _COLUMNS})
    data["published"] = row["published"]
    return article_from_dict(data)


def _unanalysed(row: Row) -> Article:
    """The article without its analysis: decoding that is most of the cost of reading."""
    return article_from_dict({**{k: row[k] for k in _COLUMNS}, "published": row["published"]})


def with_current_names(article: Article, current: Mapping[str, Entity]) -> None:
    """Give ``article``'s entities the stored entity's name, aliases, labels and code (the
    article's own mention count stays), and its events' actors and places their names."""
    article.entities = [
        replace(current[e.id], mention_count=e.mention_count) if e.id in current else e
        for e in article.entities
    ]
    for event in article.events:
        event.actor_names = [
            current[key].name if key in current else name
            for key, name in zip(event.actors, event.actor_names, strict=True)
        ]
        place = current.get(event.location_id or "")
        if place is not None:
            event.location = place.name


def with_merged_ids(article: Article, kept: Mapping[str, str]) -> None:
    """Give ``article``'s entities, mentions, attributions and events the ids of the entities
    that the store merged theirs into since it was analysed, by ``kept`` (gone id: kept
    id; one entity where two went into one, with their mentions counted together)."""
    entities: dict[str, Entity] = {}
    for entity in article.entities:
        # The id only: what the article read (its type, its mentions' types) stays as a
        # fresh analysis of it gives it, so that a reanalysis finds it unchanged; reading
        # names it as the store does (with_current_names).
        now = kept.get(entity.id, entity.id)
        count = entity.mention_count + (entities[now].mention_count if now in entities else 0)
        entities[now] = replace(entities.get(now, entity), id=now, mention_count=count)
    article.entities = list(entities.values())
    for mention in article.mentions:
        if mention.entity_id is not None:
            mention.entity_id = kept.get(mention.entity_id, mention.entity_id)
    for attribution in article.attributions:
        attribution.entity_ids = list(dict.fromkeys(kept.get(i, i) for i in attribution.entity_ids))
    for event in article.events:
        event.actors = [kept.get(i, i) for i in event.actors]
        if event.location_id is not None:
            event.location_id = kept.get(event.location_id, event.location_id)


def _same_analysis(row: Row, new: tuple[Any, ...], analysis: str) -> bool:
    """Whether the stored ``row`` holds the new title, text, language and publication time
    and the new analysis (but for its entities' names, see ``_unnamed``)."""
    # Parsed, not as text: an older Chronik wrote the same analysis with other escapes.
    stored = (row["title"], row["text"], row["language"], row["published"])
    return stored == new and _unnamed(json.loads(row["analysis"])) == _unnamed(json.loads(analysis))


def _unnamed(analysis: dict[str, Any]) -> dict[str, Any]:
    """A stored analysis without the names of its entities, which reading takes from the
    store (:func:`with_current_names`): linked again in another order, an article may name
    an entity as another article did, and that is no change to it."""
    # .get: an older Chronik stored other keys, and that is a change.
    keys = ("id", "type", "mention_count")
    entities = [tuple(e.get(k) for k in keys) for e in analysis.get("entities", [])]
    events = [
        {k: v for k, v in event.items() if k not in ("actor_names", "location")}
        for event in analysis.get("events", [])
    ]
    return {**analysis, "entities": entities, "events": events}


def _story(row: Row) -> Story:
    return Story(
        row["id"],
        row["title"],
        _time(row["first_seen"]),
        _time(row["last_seen"]),
        row["size"],
    )


def _entity_filter(type: str | None, name: str | None) -> tuple[str, list[Any]]:
    """The condition and arguments of the entities a list keeps: of one type, or with
    one name or alias (folded), and never one whose mentions were all revised away."""
    where, args = ["mention_count > 0"], []
    if type:
        where.append("type = ?")
        args.append(type)
    if name is not None:
        where.append("id IN (SELECT entity_id FROM entity_names WHERE name = ?)")
        args.append(name.casefold())
    return " AND ".join(where), args


def _entity(row: Row) -> Entity:
    return Entity(
        row["id"],
        row["name"],
        row["type"],
        json.loads(row["aliases"]),
        row["mention_count"],
        json.loads(row["labels"]),
        row["code"],
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _split(article: Article) -> tuple[dict[str, Any], str]:
    """An article's column values (``published`` among them) and its ``analysis`` column:
    the fields that have no column of their own, as JSON."""
    data = article.to_dict()
    columns = {k: data.pop(k) for k in (*_COLUMNS, "published")}
    return columns, json.dumps(data, ensure_ascii=False)
