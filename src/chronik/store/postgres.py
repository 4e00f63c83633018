"""The server store: PostgreSQL, for when one machine's SQLite file is not enough.

Full-text search uses a generated ``tsvector`` column with the German configuration.
Selected by a target ``postgresql://user@host/dbname`` (needs ``pip install chronik[postgres]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from chronik.errors import ChronikError, Code
from chronik.model import query_clauses
from chronik.store import backend, safe_target
from chronik.store.sql import FullText, SQLStore, readable_args

_PLACEHOLDER = re.compile(r"\?")
# Keys of PostgreSQL advisory locks, Chronik's own ("Chro" and "Chrw" as numbers).
_MIGRATION_LOCK = 0x4368726F
_WRITE_LOCK = 0x43687277
_WRITES = frozenset({"INSERT", "UPDATE", "DELETE"})


def _psycopg(url: str) -> Any:
    """The PostgreSQL driver, an optional dependency (E231 without it)."""
    try:
        import psycopg
    except ImportError as exc:
        install = "pip install 'chronik[postgres]'"
        raise ChronikError(
            Code.E231, target=safe_target(url), package="psycopg", install=install
        ) from exc
    return psycopg


class PostgresStore(SQLStore):
    def __init__(self, url: str) -> None:
        psycopg = _psycopg(url)
        from psycopg.rows import dict_row

        self.path = safe_target(url)
        try:
            self.db = psycopg.connect(url, row_factory=dict_row)
        except psycopg.OperationalError as exc:
            raise ChronikError(Code.E230, self.path, detail=str(exc).splitlines()[0]) from exc
        self._migrate()
        self._writing = False
        self._writes = self._write_count()
        self.db.commit()
        # Reads run on their own, as on SQLite: a read transaction left open between calls
        # ("idle in transaction") would block a migration's ALTER TABLE and VACUUM for as
        # long as this object lives. A write opens a transaction (_before), held to commit().
        self.db.autocommit = True

    def _migrate(self) -> None:
        # One process migrates at a time: two creating the same tables at once fail.
        self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        tables = _tables(self.db)
        if tables and "chronik_schema" not in tables:
            # Another program's database: Chronik's tables must not be written into it.
            detail = f"a database of something else (tables {', '.join(sorted(tables)[:3])})"
            raise ChronikError(Code.E230, self.path, detail=detail)
        self.db.execute("CREATE TABLE IF NOT EXISTS chronik_schema (version INTEGER NOT NULL)")
        for number, script in self._pending_migrations("postgres"):
            self.db.execute(script.encode("utf-8"))
            self._after_migration(number)
            self.db.execute("DELETE FROM chronik_schema")
            self.db.execute("INSERT INTO chronik_schema VALUES (%s)", (number,))
        self.db.commit()

    def schema_version(self) -> int:
        row = self.db.execute("SELECT MAX(version) AS v FROM chronik_schema").fetchone()
        return int(row["v"]) if row and row["v"] is not None else 0

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self._undo_on_failure():
            self._before(sql)
            query = _PLACEHOLDER.sub("%s", sql).encode("utf-8")
            try:
                return self.db.execute(query, args)
            except UnicodeEncodeError:
                return self.db.execute(query, readable_args(sql, args))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._undo_on_failure(), self.db.cursor() as cursor:
            self._before(sql)
            cursor.executemany(_PLACEHOLDER.sub("%s", sql).encode("utf-8"), rows)

    def _before(self, sql: str) -> None:
        """The first write opens the transaction that commit() ends."""
        if self._state() == "IDLE" and sql.lstrip()[:6].upper() in _WRITES:
            self.db.execute("BEGIN")

    @contextmanager
    def _undo_on_failure(self) -> Iterator[None]:
        """A failed statement aborts PostgreSQL's transaction, and every later statement
        would fail too (InFailedSqlTransaction) until it is rolled back: rolled back here,
        so the store stays usable. Its uncommitted writes are lost either way."""
        try:
            yield
        except BaseException:
            if self._state() == "INERROR":
                # The write count this object expects was rolled back too: its next
                # begin_write reads the stored entities and stories again.
                self.db.rollback()
                self._writing = False
            raise

    def _state(self) -> str:
        """The connection's transaction status: IDLE, INTRANS or INERROR (psycopg's names)."""
        return str(self.db.info.transaction_status.name)

    def full_text(self, words: str) -> FullText:
        condition = "a.search @@ to_tsquery('german', ?)"
        order = "ts_rank(a.search, to_tsquery('german', ?)) DESC"
        # Words only (query_clauses), so the text never parses as tsquery syntax of its
        # own; a hyphenated word is its parts, which the index holds a compound with.
        clauses = [
            " & ".join(word + (":*" if prefix else "") for word, prefix in clause)
            for clause in query_clauses(words)
        ]
        return FullText("articles a", condition, order, " | ".join(f"({c})" for c in clauses))

    def begin_write(self) -> bool:
        """The write lock is an advisory lock held to the commit: writers take turns, so
        two never update the same rows in opposite orders (a deadlock)."""
        if self._writing:
            return False
        with self._undo_on_failure():
            if self._state() == "IDLE":
                self.db.execute("BEGIN")
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            self._writing = True
            count = self._write_count()
            self.db.execute("UPDATE chronik_writes SET n = n + 1")
        others, self._writes = count != self._writes, count + 1
        return others

    def _write_count(self) -> int:
        row = self.db.execute("SELECT n FROM chronik_writes").fetchone()
        return int(row["n"])

    def commit(self) -> None:
        self.db.commit()
        self._writing = False

    def close(self) -> None:
        self.commit()
        self.db.close()


@backend("postgresql")
@backend("postgres")
def _open(target: str) -> PostgresStore:
    return PostgresStore(target)


def _tables(db: Any) -> set[str]:
    rows = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {row["tablename"] for row in rows}


def has_store(url: str) -> bool:
    """Whether the database at ``url`` holds a Chronik store (E230 when it cannot be reached)."""
    psycopg = _psycopg(url)
    try:
        with psycopg.connect(url) as db:
            row = db.execute("SELECT to_regclass('chronik_schema') IS NOT NULL").fetchone()
    except psycopg.OperationalError as exc:
        raise ChronikError(Code.E230, safe_target(url), detail=str(exc).splitlines()[0]) from exc
    return bool(row and row[0])
