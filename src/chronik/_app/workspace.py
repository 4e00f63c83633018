"""What a ``Chronik`` holds between calls: its store, opened on first use, the story engine
and the entity index built from it, and the lock its writers take turns by. The ingest and
feed paths work on this, not on the ``Chronik`` whose state it is."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

from chronik._app.engine import warmed_engine
from chronik.errors import ChronikError, Code
from chronik.options import Options
from chronik.plugins import load_plugins
from chronik.store import Store, missing_store, open_store, safe_target, store_exists
from chronik.stories.engine import StoryEngine
from chronik.stories.known_entities import KnownEntities


class Workspace:
    """The store of ``options.db`` with what is built from it. ``create``: whether using
    the store may create it (set once something is to be written)."""

    def __init__(
        self, options: Options, create: bool, write_lock: AbstractContextManager[Any] | None
    ) -> None:
        self.options = options
        self.create = create
        self.write_lock: AbstractContextManager[Any] = write_lock or nullcontext()
        self._opened: Store | None = None
        self._engine: StoryEngine | None = None
        self._entities: KnownEntities | None = None

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use; E230 for a missing one that
        this workspace may not create."""
        if self._opened is None:
            load_plugins()  # a plugin may add the store's scheme
            if not self.create and not store_exists(self.options.db):
                where = safe_target(self.options.db)
                detail = missing_store(self.options.db, where)
                raise ChronikError(Code.E230, where, detail=detail)
            self._opened = open_store(self.options.db)
        return self._opened

    def has_store(self) -> bool:
        """Whether the store is there (open, or on disk): a batch that stored nothing in a
        new place has made none."""
        return self._opened is not None or store_exists(self.options.db)

    def engine(self) -> StoryEngine:
        """The story engine, warmed with the stored articles inside its window."""
        if self._engine is None:
            self._engine = warmed_engine(self.store, self.options)
        return self._engine

    def known_entities(self) -> KnownEntities:
        """The stored entities, indexed for linking new articles to them."""
        if self._entities is None:
            store = self.store
            self._entities = KnownEntities(store.iter_entities(), store.entity_merges())
        return self._entities

    def link_afresh(self) -> None:
        """Link the articles to come from no entities at all (a reanalysis)."""
        self._entities = KnownEntities()

    def forget(self, *, entities: bool = True, engine: bool = True) -> None:
        """Build the entity index and the story engine from the store again when next
        needed: another process wrote, or stories changed by hand."""
        if entities:
            self._entities = None
        if engine:
            self._engine = None

    def commit(self) -> None:
        """Commit what was written, if the store was opened at all, with the story
        engine's document frequencies as they are after it."""
        if self._opened is None:
            return
        self._save_vocabulary()
        self._opened.commit()

    def close(self) -> None:
        """Commit and close the store; the next use opens it again."""
        if self._opened is None:
            return
        try:  # closing commits (an interrupted ingest keeps what it stored): counts too
            self._save_vocabulary()
        finally:
            opened, self._opened = self._opened, None
            # Read from the store again once reopened: another process may write meanwhile.
            self.forget()
            opened.close()

    def _save_vocabulary(self) -> None:
        """Write the story engine's changed document frequencies into the open
        transaction: whatever commits the articles commits their counts too."""
        vocabulary = self._engine.vocabulary if self._engine else None
        changes = vocabulary.take_changes() if vocabulary else None
        if vocabulary and changes and self._opened is not None:
            self._opened.save_vocabulary(vocabulary.documents, *changes)
