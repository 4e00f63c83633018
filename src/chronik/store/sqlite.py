"""The embedded store: one SQLite file in WAL mode with an FTS5 full-text index."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, Code
from chronik.model import query_clauses
from chronik.store.sql import FullText, SQLStore, readable_args

# How long a writer waits for another process's write lock (a CLI ingest beside a server
# that polls feeds); ingest commits each input as it is stored, so the wait is short.
_BUSY_SECONDS = 60.0
_WRITES = frozenset({"INSERT", "UPDATE", "DELETE", "REPLAC"})


def writable(path: Path) -> bool:
    """Whether Chronik may write the store file and the WAL files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _why_not(path: str, exc: sqlite3.DatabaseError) -> str:
    """SQLite's reason, or where it only says "unable to open database file" of a folder
    named as the store or a file in a folder that is not there, which of the two."""
    place = Path(path)
    if str(exc) != "unable to open database file" or path.startswith("file:"):
        return str(exc)
    if place.is_dir():
        return f"a folder, not a file: name a file in it, such as {place / 'chronik.db'}"
    if not place.parent.is_dir():
        return f"there is no folder {place.parent}"
    return str(exc)


def _connect_uri(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


class SQLiteStore(SQLStore):
    fold = "chronik_fold"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.read_only = Path(self.path).is_file() and not writable(Path(self.path))
        try:
            self.db = self._connect()
            self._migrate()
            self._seen = self._data_version()
        except sqlite3.DatabaseError as exc:  # a missing folder, a file that is no database
            raise ChronikError(Code.E230, self.path, detail=_why_not(self.path, exc)) from exc

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            db = self._read_only()
        else:
            db = sqlite3.connect(
                self.path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            _refuse_foreign(db, self.path)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.create_function("chronik_fold", 1, _fold, deterministic=True)
        db.row_factory = sqlite3.Row
        return db

    def _migrate(self) -> None:
        pending = self._pending_migrations("sqlite")
        if self.read_only and pending:
            first = pending[0][0]
            detail = f"it is read-only and needs migration {first} to be read by this Chronik"
            raise ChronikError(Code.E230, self.path, detail=detail)
        if not pending:
            return
        # Under the write lock, read again: two processes opening a new store at once both
        # saw it unmigrated, and the second would create its tables a second time. The
        # pending migrations are applied as a whole or not at all.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for number, script in self._pending_migrations("sqlite"):
                for statement in _statements(script):
                    self.db.execute(statement)
                self._after_migration(number)
                self.db.execute(f"PRAGMA user_version={number}")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        self._before(sql)
        try:
            return self.db.execute(sql, args)
        except UnicodeEncodeError:
            return self.db.execute(sql, readable_args(sql, args))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._before(sql)
        self.db.executemany(sql, rows)

    def _read_only(self) -> sqlite3.Connection:
        """A store Chronik may not write (a backup, a shared copy) read as it is, with what
        its write-ahead log holds (a copy of a running store, a store left by a killed
        ingest has committed articles there), no migration; writing is error E240. Where
        SQLite cannot read the log read-only, the file alone, unless the log holds
        something: that would be stale data shown without a word."""
        uri = Path(self.path).resolve().as_uri()
        db = _connect_uri(f"{uri}?mode=ro")
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
            wal = Path(f"{self.path}-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                raise ChronikError(
                    Code.E230,
                    self.path,
                    detail=f"it is read-only and its write-ahead log {wal.name} holds changes "
                    "that cannot be read so; copy both where they can be written",
                ) from None
            return _connect_uri(f"{uri}?mode=ro&immutable=1")

    def _before(self, sql: str) -> None:
        # Reads run on their own (each sees the latest commit); the first write takes the
        # write lock (waiting up to _BUSY_SECONDS for another writer) and holds it to the
        # next commit. A read transaction held open instead could not be turned into a
        # write once another process had committed: its whole batch would be lost.
        if not self.db.in_transaction and sql.lstrip()[:6].upper() in _WRITES:
            self.db.execute("BEGIN IMMEDIATE")

    def begin_write(self) -> bool:
        if self.db.in_transaction:
            return False
        self.db.execute("BEGIN IMMEDIATE")
        # data_version moves with every commit of another connection, never with our own.
        seen, self._seen = self._seen, self._data_version()
        return seen != self._seen

    def _data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def full_text(self, words: str) -> FullText:
        tables = "articles_fts f JOIN articles a ON a.rowid = f.rowid"
        return FullText(tables, "articles_fts MATCH ?", "rank", _fts_query(words))

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()


def _statements(script: str) -> list[str]:
    """A script's statements (a trigger's body with its own semicolons is one), since
    ``executescript`` would commit the transaction it runs in."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current)
            current = ""
    return [s for s in statements if s.strip()]


def _fts_query(query: str) -> str:
    """The search as FTS5 syntax, each word a quoted phrase (a prefix one where it
    is long enough): user input never parses as FTS syntax of its own."""
    # AND spelled out: FTS5 reads no implicit AND after a group in brackets.
    clauses = [" AND ".join(_fts_word(*term) for term in clause) for clause in query_clauses(query)]
    return " OR ".join(f"({clause})" for clause in clauses) or '""'


def _fts_word(word: str, prefix: bool) -> str:
    """One word in each of its spellings with "ss" or "ß": FTS5 folds diacritics but not
    those, and Swiss news and many searches write "Strasse" ("Grossmesse", "STRASSE")."""
    star = "*" if prefix else ""
    phrases = [f'"{spelling}"{star}' for spelling in _sharp_s_spellings(word)]
    return phrases[0] if len(phrases) == 1 else f"({' OR '.join(phrases)})"


def _sharp_s_spellings(word: str) -> list[str]:
    """Casefolded ("ß" and "ẞ" are "ss" then), each "ss" once as it is and once as "ß";
    at most the first three, eight spellings."""
    pieces = word.casefold().split("ss")
    spellings = [pieces[0]]
    for n, piece in enumerate(pieces[1:]):
        joins = ("ss", "ß") if n < _SHARP_S_MAX else ("ss",)
        spellings = [f"{s}{join}{piece}" for s in spellings for join in joins]
    return spellings


_SHARP_S_MAX = 3


def _refuse_foreign(db: sqlite3.Connection, path: str) -> None:
    """E230 for an SQLite database of another program, before anything (Chronik's tables,
    the WAL journal mode) is written into it."""
    if db.execute("PRAGMA user_version").fetchone()[0]:
        return
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 3").fetchall()
    if rows:
        db.close()
        detail = f"an SQLite database of something else (tables {', '.join(r[0] for r in rows)})"
        raise ChronikError(Code.E230, path, detail=detail)


def _fold(text: str | None) -> str | None:
    return None if text is None else text.casefold()
