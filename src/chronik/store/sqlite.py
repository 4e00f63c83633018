"""The embedded store: one SQLite file in WAL mode with an FTS5 full-text index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, Code
from chronik.ingest.document import Document
from chronik.ingest.readers import reread
from chronik.model import Article, Entity, Story, article_from_dict
from chronik.store.base import FeedState, PutStatus, Stored

# Columns of ``articles`` that are also fields of Article; the rest of the analysis is JSON.
_COLUMNS = ("id", "url", "title", "text", "source", "language", "content_hash", "story_id")


def migrations() -> list[str]:
    """The schema migrations in order; migration N brings the schema to version N."""
    folder = resources.files("chronik.store") / "migrations"
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("sqlite_"))
    return [(folder / name).read_text(encoding="utf-8") for name in names]


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        self.db.execute("BEGIN")

    def _migrate(self) -> None:
        steps = migrations()
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(steps):
            raise ChronikError(Code.E120, path=self.path, found=version, known=len(steps))
        for number, script in enumerate(steps[version:], start=version + 1):
            # executescript commits first; each migration is applied as a whole or not at all.
            self.db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def lookup(self, article_id: str) -> Stored | None:
        row = self.db.execute(
            "SELECT content_hash, story_id, revision FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Stored(row[0], row[1], row[2]) if row else None

    def put_article(
        self, article: Article, document: Document, seen: datetime, features: bytes
    ) -> PutStatus:
        known = self.lookup(article.id)
        if known and known.content_hash == article.content_hash:
            return PutStatus.UNCHANGED
        revision = known.revision + 1 if known else 1
        self._put_document(article.id, revision, document, seen)
        values = self._row(article, seen, revision, features)
        if known:
            assignments = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            self.db.execute(f"UPDATE articles SET {assignments} WHERE id = :id", values)
        else:
            names = ", ".join(values)
            self.db.execute(
                f"INSERT INTO articles ({names}) VALUES ({', '.join(':' + k for k in values)})",
                values,
            )
        self._put_entities(article)
        return PutStatus.REVISED if known else PutStatus.INSERTED

    def _row(
        self, article: Article, seen: datetime, revision: int, features: bytes
    ) -> dict[str, Any]:
        data = article.to_dict()
        values = {k: data.pop(k) for k in _COLUMNS}
        values["published"] = data.pop("published")
        values["seen"] = seen.isoformat()
        values["revision"] = revision
        values["analysis"] = json.dumps(data, ensure_ascii=False)
        values["features"] = features
        return values

    def _put_document(self, article_id: str, revision: int, doc: Document, seen: datetime) -> None:
        meta = {
            "url": doc.url,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "source": doc.source,
            "language": doc.language,
        }
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                revision,
                doc.origin,
                doc.format,
                json.dumps(meta),
                doc.payload,
                _iso(seen),
            ),
        )

    def _put_entities(self, article: Article) -> None:
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
        self.db.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, type) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(article.id, m.entity_id, m.start, m.end, m.text, m.type) for m in article.mentions],
        )
        for entity in article.entities:
            self._upsert_entity(entity)

    def _upsert_entity(self, entity: Entity) -> None:
        known = self.entity(entity.id)
        aliases = sorted(set(entity.aliases) | set(known.aliases if known else []))
        labels = {**(known.labels if known else {}), **entity.labels}
        count = self.db.execute(
            "SELECT COUNT(*) FROM mentions WHERE entity_id = ?", (entity.id,)
        ).fetchone()[0]
        self.db.execute(
            "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                entity.id,
                entity.name,
                entity.type,
                json.dumps(aliases, ensure_ascii=False),
                json.dumps(labels, ensure_ascii=False),
                entity.code,
                count,
            ),
        )

    def replace_analysis(self, article: Article) -> None:
        """New analysis of an unchanged input: no revision, the story stays."""
        data = article.to_dict()
        analysis = {k: v for k, v in data.items() if k not in (*_COLUMNS, "published")}
        self.db.execute(
            "UPDATE articles SET title = ?, text = ?, language = ?, analysis = ? WHERE id = ?",
            (article.title, article.text, article.language, json.dumps(analysis), article.id),
        )
        self._put_entities(article)

    def latest(self) -> datetime | None:
        row = self.db.execute("SELECT MAX(COALESCE(published, seen)) FROM articles").fetchone()
        return datetime.fromisoformat(row[0]) if row[0] else None

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def articles(
        self, *, story_id: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Article]:
        where, args = ("WHERE story_id = ?", [story_id]) if story_id else ("", [])
        rows = self.db.execute(
            f"SELECT * FROM articles {where} ORDER BY COALESCE(published, seen), rowid "
            "LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [_article(row) for row in rows]

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 20) -> list[Article]:
        rows = self.db.execute(
            "SELECT a.* FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (_fts_query(query), limit),
        )
        return [_article(row) for row in rows]

    def documents(self) -> Iterator[tuple[str, Document]]:
        rows = self.db.execute(
            "SELECT d.* FROM documents d JOIN articles a ON a.id = d.article_id "
            "AND a.revision = d.revision ORDER BY a.rowid"
        ).fetchall()
        for row in rows:
            meta = json.loads(row["meta"])
            published = meta.pop("published")
            doc = reread(row["format"], row["payload"], row["origin"])
            for key, value in meta.items():
                setattr(doc, key, value or getattr(doc, key))
            doc.published = datetime.fromisoformat(published) if published else doc.published
            yield row["article_id"], doc

    def window(self, since: datetime) -> Iterator[tuple[Article, datetime, bytes]]:
        rows = self.db.execute(
            "SELECT * FROM articles WHERE COALESCE(published, seen) >= ? "
            "ORDER BY COALESCE(published, seen)",
            (since.isoformat(),),
        )
        for row in rows:
            seen = datetime.fromisoformat(row["published"] or row["seen"])
            yield _article(row), seen, row["features"] or b""

    def refresh_story(self, story_id: str, title: str | None) -> None:
        """Recount a story from its articles (the index on story_id keeps this cheap);
        a title of None keeps the stored one."""
        self.db.execute(
            "INSERT OR REPLACE INTO stories SELECT ?, "
            "COALESCE(?, (SELECT title FROM stories WHERE id = ?), MIN(title)), "
            "MIN(COALESCE(published, seen)), MAX(COALESCE(published, seen)), COUNT(*) "
            "FROM articles WHERE story_id = ?",
            (story_id, title, story_id, story_id),
        )

    def log_story(self, story_id: str, action: str, other: str | None, at: datetime) -> None:
        self.db.execute(
            "INSERT INTO story_log VALUES (?, ?, ?, ?)", (story_id, action, other, at.isoformat())
        )

    def story(self, story_id: str) -> Story | None:
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if not row:
            return None
        story = _story(row)
        story.articles = self.articles(story_id=story_id, limit=10_000)
        return story

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        rows = self.db.execute(
            "SELECT * FROM stories ORDER BY last_seen DESC, size DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        stories = [_story(row) for row in rows]
        for story in stories:
            story.articles = self.articles(story_id=story.id, limit=10_000)
        return stories

    def entity(self, entity_id: str) -> Entity | None:
        row = self.db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return _entity(row) if row else None

    def entities(self, limit: int = 100, kind: str | None = None) -> list[Entity]:
        where, args = ("WHERE type = ?", [kind]) if kind else ("", [])
        rows = self.db.execute(
            f"SELECT * FROM entities {where} ORDER BY mentions DESC, name LIMIT ?",
            (*args, limit),
        )
        return [_entity(row) for row in rows]

    def feed_state(self, url: str) -> FeedState:
        row = self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if not row:
            return FeedState(url)
        checked = datetime.fromisoformat(row["checked"]) if row["checked"] else None
        return FeedState(url, row["etag"], row["modified"], checked)

    def put_feed_state(self, state: FeedState) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?)",
            (state.url, state.etag, state.modified, _iso(state.checked)),
        )

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def rollback(self) -> None:
        self.db.execute("ROLLBACK")
        self.db.execute("BEGIN")

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()


def _article(row: sqlite3.Row) -> Article:
    data = json.loads(row["analysis"])
    data.update({k: row[k] for k in _COLUMNS})
    data["published"] = row["published"]
    return article_from_dict(data)


def _story(row: sqlite3.Row) -> Story:
    return Story(
        row["id"],
        row["title"],
        datetime.fromisoformat(row["first_seen"]) if row["first_seen"] else None,
        datetime.fromisoformat(row["last_seen"]) if row["last_seen"] else None,
        row["size"],
    )


def _entity(row: sqlite3.Row) -> Entity:
    return Entity(
        row["id"],
        row["name"],
        row["type"],
        json.loads(row["aliases"]),
        row["mentions"],
        json.loads(row["labels"]),
        row["code"],
    )


def _fts_query(query: str) -> str:
    """Words as FTS5 phrases, so user input never parses as FTS syntax."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
