"""The embedded store: one SQLite file in WAL mode with an FTS5 full-text index."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, Code
from chronik.model import Article
from chronik.store.sql import SQLStore, article_from_row, migrations


class SQLiteStore(SQLStore):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:  # a missing folder, a file that is no database
            raise ChronikError(Code.E230, self.path, detail=str(exc)) from exc
        self.db.execute("BEGIN")

    def _migrate(self) -> None:
        steps = migrations("sqlite")
        version = self.schema_version()
        if version > len(steps):
            raise ChronikError(Code.E120, path=self.path, found=version, known=len(steps))
        for number, script in enumerate(steps[version:], start=version + 1):
            # executescript commits first; each migration is applied as a whole or not at all.
            self.db.executescript(f"BEGIN;\n{script}")
            self._after_migration(number)
            self.db.execute(f"PRAGMA user_version={number}")
            self.db.execute("COMMIT")

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        rows = self.db.execute(
            "SELECT a.* FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (_fts_query(query), limit),
        )
        return [article_from_row(row) for row in rows]

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()


def _fts_query(query: str) -> str:
    """Words as FTS5 phrases, so user input never parses as FTS syntax."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words) or '""'
