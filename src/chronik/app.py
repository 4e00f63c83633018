"""The Python API: ``Chronik`` runs ingest, analysis and stories over a store.

The CLI, the REST API and the web UI are thin layers over this class.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from chronik.analysis.executor import Outcome, open_executor
from chronik.analysis.ner import check_backend
from chronik.analysis.pipeline import analyze, check_pipeline
from chronik.analysis.structure import build_article, placeholder_time
from chronik.arguments import (
    MAX_COUNT,
    checked_count,
    checked_page,
    checked_text,
    checked_time,
    entity_filter,
    parse_day,
    poll_seconds,
    setting_named,
    utf8_text,
)
from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.document import Document, Item
from chronik.ingest.fetch import fetch
from chronik.ingest.readers import read_text, reread, sniff_format
from chronik.ingest.sources import iter_documents, read_bytes
from chronik.model import (
    MAX_QUERY_WORDS,
    Article,
    ArticleQuery,
    Entity,
    Story,
    StoryChange,
    query_clauses,
    query_words,
    shifted,
)
from chronik.options import Options
from chronik.plugins import load_plugins
from chronik.polling import Stop, poll_rounds
from chronik.revisions import check_published, older_revision, unchanged
from chronik.store import (
    PutStatus,
    Store,
    StoredInput,
    missing_store,
    open_store,
    safe_target,
    store_exists,
    store_failure,
)
from chronik.store.lookup import find_entity
from chronik.stories.developments import Change, StoryEvent, story_events
from chronik.stories.embedding import (
    Embedder,
    ahead,
    check_embedder,
    features_backend,
    get_embedder,
)
from chronik.stories.engine import StoryEngine, WindowRow, new_story_id
from chronik.stories.features import Vocabulary, embed_text, story_title
from chronik.stories.figures import figure_changes
from chronik.stories.known_entities import KnownEntities, StoredIds
from chronik.stories.related import Neighbourhood, related_articles, related_stories
from chronik.stories.stored_features import decode_features, with_vector
from chronik.stories.summary import CurrentStory, StoryReport, current_stories, story_report
from chronik.stories.timeline import TimelineEntry, build_timeline, in_timeline_order

Progress = Callable[[str, "IngestReport"], None]
_RELATED_MEMBERS = 20
_RELATED_POOL = 3000


# Error lines a person is shown of an ingest, by the CLI and the REST API alike: the first
# ones say what is wrong (a file of a million broken lines had printed a million lines).
SHOWN_ERRORS = 1000


@dataclass(slots=True)
class IngestReport:
    """Counts of what an ingest did, and one line per input that failed."""

    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    # Failures counted but no longer listed: those ``watch`` handed to its caller round by
    # round, so that a watch of months keeps no list of every failure.
    passed_on: int = 0

    @property
    def failed(self) -> int:
        return len(self.errors) + self.passed_on

    @property
    def seen(self) -> int:
        return self.inserted + self.revised + self.unchanged + self.failed

    def __sub__(self, earlier: IngestReport) -> IngestReport:
        """What happened since ``earlier``, a copy of these counts taken before. Where the
        list was handed on in between (``watch``), all it holds came since, and of what was
        handed on, what ``earlier`` had not listed."""
        if self.passed_on == earlier.passed_on:
            errors, passed_on = self.errors[len(earlier.errors) :], 0
        else:
            errors = list(self.errors)
            passed_on = self.passed_on - earlier.passed_on - len(earlier.errors)
        return IngestReport(
            self.inserted - earlier.inserted,
            self.revised - earlier.revised,
            self.unchanged - earlier.unchanged,
            errors,
            max(passed_on, 0),
        )

    def to_dict(self, max_errors: int | None = None) -> dict[str, Any]:
        """The counts and the errors, at most ``max_errors`` of them and a line that says
        how many more: a body of 100,000 broken lines had answered with 133 MB (review 42)."""
        errors = self.errors[:max_errors]
        if len(errors) < len(self.errors):
            errors.append(f"… and {len(self.errors) - len(errors):,} more")
        return {
            "inserted": self.inserted,
            "revised": self.revised,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "errors": errors,
        }


_P = ParamSpec("_P")
_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)


@contextmanager
def store_errors(target: str) -> Iterator[None]:
    """A database error from the store (a corrupt file, a lost connection, a lock held too
    long) as the coded error E240 or E241 that names ``target``; any other passes."""
    try:
        yield
    except Exception as exc:
        failure = store_failure(exc, target)
        if failure is None:
            raise
        raise failure from exc


def _coded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    @wraps(method)
    def coded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with store_errors(args[0].options.db):  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return coded


def _coding_store_errors(cls: _C) -> _C:
    """Every public method of ``cls`` and its ``store`` raise a database error as
    :func:`store_errors` does: the CLI, the REST API and a script get the same E240 or E241,
    not sqlite3's or psycopg's own exception."""
    for name, value in list(vars(cls).items()):
        if isinstance(value, property) and value.fget is not None:
            setattr(cls, name, property(_coded(value.fget), doc=value.__doc__))
        elif callable(value) and not name.startswith("_"):
            setattr(cls, name, _coded(value))
    return cls


@_coding_store_errors
class Chronik:
    """``Chronik(db="news.db")``; every option can also come from ``CHRONIK_*`` variables.
    A ``db`` given beside ``options`` is the store, whatever ``options.db`` says."""

    def __init__(
        self,
        db: str | os.PathLike[str] | None = None,
        options: Options | None = None,
        create: bool = False,
        write_lock: AbstractContextManager[Any] | None = None,
    ) -> None:
        """``db``: an SQLite file (a ``str`` or a ``Path``) or a database URL. ``create``:
        create a missing store on first use, also to read it (a server that will ingest
        into it); otherwise only what writes (``ingest``) creates one, and reading a store
        that is not there is E230, not a new empty store. ``write_lock`` (a
        ``threading.Lock``) is held while each ingested article is stored, not while it
        is analysed: a server's writers take turns by it."""
        db = os.fspath(db) if isinstance(db, os.PathLike) else db
        if options is None:
            options = Options.from_env(db=db)
        elif db is not None:
            options = options.with_(db=db)
        self.options = options
        self._create = create
        self._write_lock = write_lock or nullcontext()
        self._analysis_checked = False
        self._opened: Store | None = None
        self._engine: StoryEngine | None = None
        self._entities: KnownEntities | None = None

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use: ``analyze`` needs none."""
        if self._opened is None:
            load_plugins()  # a plugin may add the store's scheme
            if not self._create and not store_exists(self.options.db):
                where = safe_target(self.options.db)
                detail = missing_store(self.options.db, where)
                raise ChronikError(Code.E230, where, detail=detail)
            self._opened = open_store(self.options.db)
        return self._opened

    def has_store(self) -> bool:
        """Whether the store is there (open, or on disk): a batch that stored nothing in a
        new place has made none."""
        return self._opened is not None or store_exists(self.options.db)

    def _commit(self) -> None:
        """Commit what was written, if the store was opened at all, with the story
        engine's document frequencies as they are after it."""
        if self._opened is None:
            return
        self._save_vocabulary()
        self._opened.commit()

    def _save_vocabulary(self) -> None:
        """Write the story engine's changed document frequencies into the open
        transaction: whatever commits the articles commits their counts too."""
        vocabulary = self._engine.vocabulary if self._engine else None
        changes = vocabulary.take_changes() if vocabulary else None
        if vocabulary and changes and self._opened is not None:
            self._opened.save_vocabulary(vocabulary.documents, *changes)

    def __enter__(self) -> Chronik:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit and close the store. Closing twice is harmless, and the object stays usable:
        the next call opens the store again (a service's second ``with chronik:`` block)."""
        if self._opened is None:
            return
        try:  # closing commits (an interrupted ingest keeps what it stored): counts too
            self._save_vocabulary()
        finally:
            opened, self._opened = self._opened, None
            # Read from the store again once reopened: another process may write meanwhile.
            self._engine, self._entities = None, None
            opened.close()

    # --- analysis without storing -------------------------------------------------------

    def analyze(
        self, article: str | bytes | Path, published: datetime | str | None = None
    ) -> Article:
        """Analyse one article without storing it: a file (a ``Path``, ``Path("-")`` for
        standard input; a ``str`` is the article's text), or raw bytes in any input format.
        Input that holds several articles (a feed, JSONL, WARC) is E006. ``published`` is
        a datetime or, as the CLI takes it, ISO 8601 or RFC 2822 text (E111 if neither)."""
        published = _publication_time(published)
        if isinstance(article, Path):
            items: Iterable[Item] = iter_documents([str(article)], self.options)
        elif isinstance(article, bytes):
            items = read_bytes(article, "<bytes>", self.options)
        elif isinstance(article, str):
            # A lone surrogate (text cut from JSON or a file system) becomes "?", as in JSONL.
            items = read_text(article.encode("utf-8", "replace"), "<text>")
        else:
            kind = "an article's text, bytes or a Path"
            raise ChronikError(Code.E113, name="article", value=article, kind=kind)
        where = str(article) if isinstance(article, Path) else f"<{type(article).__name__}>"
        where = "<stdin>" if where == "-" else where
        found = list(items)
        documents = [item for item in found if isinstance(item, Document)]
        if len(documents) > 1:
            raise InputError(Code.E006, where)
        # A broken part is the input's error, as ingest reports it: a feed cut short had
        # printed its one good item and succeeded (review 59).
        errors = (item for item in found if isinstance(item, InputError))
        if not documents or len(documents) < len(found):
            raise next(errors, InputError(Code.E005, where))
        first = documents[0]
        if published:
            check_published(published, where)  # before the work, where it was given
            first.published = published
        # Named as the reader named the input, with the line of a JSONL file as ingest
        # names it ("items.jsonl: line 7"), not by the article's id.
        named = first.origin if isinstance(article, Path) else where
        load_plugins()
        try:
            analysed = analyze(first, self.options)
        except InputError as exc:
            raise exc.at(named) from None
        # The input's own date too, as ingest refuses it (review 48).
        check_published(analysed.published, named)
        return analysed

    # --- ingest ---------------------------------------------------------------------------

    def ingest(
        self,
        targets: str | Path | Iterable[str | Path],
        progress: Progress | None = None,
        published: datetime | str | None = None,
    ) -> IngestReport:
        """Read, analyse, group into stories and store everything in ``targets``: paths,
        directories, URLs or ``-``, one or any iterable of them (a list, ``Path.glob``).
        ``published`` (as for :meth:`analyze`) is the publication time of each article
        whose input gives none: a plain text file has no date to resolve "morgen" against."""
        when = _publication_time(published)
        if isinstance(targets, str | Path):
            targets = [targets]  # not a string's characters, one path each
        kind = "a path, URL or '-', or an iterable of them"
        if isinstance(targets, bytes) or not isinstance(targets, Iterable):
            raise ChronikError(Code.E113, name="targets", value=targets, kind=kind)
        targets = list(targets)
        for n, target in enumerate(targets):
            if not isinstance(target, str | Path):
                raise ChronikError(Code.E113, name=f"targets[{n}]", value=target, kind=kind)
        named = [str(target) for target in targets]
        return self.ingest_documents(_dated(iter_documents(named, self.options), when), progress)

    def ingest_bytes(
        self,
        data: bytes | bytearray | memoryview,
        origin: str = "<bytes>",
        media_type: str | None = None,
        published: datetime | str | None = None,
    ) -> IngestReport:
        """Ingest one body of input (text, HTML, a feed, JSONL or WARC), as ``chronik ingest
        -`` does; ``media_type`` (an HTTP Content-Type) names the format where the bytes
        alone would be ambiguous; ``published`` as for :meth:`ingest`."""
        when = _publication_time(published)
        if not isinstance(data, bytes | bytearray | memoryview):
            kind = "bytes (encode a text first)"
            name, value = "the type of data", type(data).__name__  # not a long text quoted
            raise ChronikError(Code.E113, name=name, value=value, kind=kind)
        data = bytes(data)
        items = read_bytes(data, origin, self.options, media_type)
        return self.ingest_documents(_dated(items, when))

    def check_analysis(self) -> None:
        """E110, E170 or E180 for a component, backend or extractor that ``options`` names and that
        cannot run, checked before the store is opened: a mistyped name must leave no
        store behind, nor half a batch stored. Once per instance: its options do not change,
        and a watch would otherwise ask at every feed of every round."""
        if self._analysis_checked:
            return
        load_plugins()
        with setting_named("pipeline"):
            check_pipeline(self.options)
        if "ner" in self.options.pipeline:
            with setting_named("ner_backend"):
                check_backend(self.options.ner_backend)
        if "events" in self.options.pipeline:
            # Imported here: a command that only reads the store had waited for the event
            # grammar (review 114).
            from chronik.analysis.events import check_extractor

            with setting_named("event_extractor"):
                check_extractor(self.options.event_extractor)
        with setting_named("embedding_backend"):
            check_embedder(self.options.embedding_backend)
        self._analysis_checked = True

    def ingest_documents(
        self,
        items: Iterable[Item],
        progress: Progress | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Analyse what is new or changed (in ``options.executor``), then link and store it
        here, in input order. The counts go on in ``report`` where one is given (a poll's
        or a watch's running counts, which ``progress`` then gets)."""
        self.check_analysis()
        report = IngestReport() if report is None else report
        if progress:  # the counts it will keep, also for an interrupt before the first tick
            progress("", report)
        # The executor first: one that cannot start (E210) must leave no new store behind.
        with closing(open_executor(self.options)) as executor:
            # Writing creates the store, when there is an article to store: a batch of
            # inputs that all failed leaves no empty store behind.
            self._create = True
            tick = _ticker(report, progress)
            repeats = _Repeats()
            try:
                # The story engine's embeddings of the articles to come are made on other
                # cores while these are analysed (one batch ahead: only read, not analysed).
                changed = repeats.held_back(self._changed(items, report, tick))
                coming = ahead(self._embedder(), changed, _story_text, depth=1)
                for document, outcome in executor.analyse(coming):
                    failure = None
                    try:
                        with self._write_lock, _whole():
                            self._ingest_analysed(document, outcome, report)
                            # Each input its own transaction, committed within the lock: none
                            # stays open while the next article is analysed (a minute for a
                            # long one, during which every other writer had waited or failed).
                            self._commit()
                    except InputError as exc:
                        report.errors.append(str(exc))
                        failure = exc
                    tick(document.origin)
                    for origin in repeats.of(document):
                        _count_repeat(report, failure, origin)
                        tick(origin)
            except ChronikError as exc:
                self._after_backend_failure(exc)
                raise
        self._commit()
        return report

    def _embedder(self) -> Embedder | None:
        """The story engine's embedder, or None where it cannot be made: the engine then
        reports that (E170) for the first article that needs it, as it did before ingest
        embedded ahead; a batch with nothing new needs none."""
        try:
            return get_embedder(self.options.embedding_backend)
        except ChronikError:
            return None

    def _after_backend_failure(self, exc: ChronikError) -> None:
        """A backend that fails mid-batch (an embedder's E170, an NER model's E180 or E181)
        ends it: what was stored before is committed, and the entities and stories held
        here are read from the store again, since the failed article had been half linked."""
        if exc.code not in _BACKEND_FAILURES:
            return
        self._commit()
        self._engine, self._entities = None, None

    def _changed(
        self, items: Iterable[Item], report: IngestReport, tick: Callable[[str], None]
    ) -> Iterator[tuple[Document, Article]]:
        """The articles to analyse: bad input and unchanged articles are counted here."""
        for item in items:
            try:
                if isinstance(item, InputError):
                    raise item
                article = build_article(item)
                # Nothing stored, nothing unchanged: a broken date then creates no store.
                store = self.store if self.has_store() else None
                same = store is not None and unchanged(
                    store, store.lookup(article.id), article, item
                )
                if not same:  # one stored before the check stays as it is
                    check_published(article.published, item.origin)
            except InputError as exc:
                report.errors.append(str(exc))
                tick(exc.where or "")
                continue
            if same:
                report.unchanged += 1
                tick(item.origin)
                continue
            yield item, article

    def _ingest_analysed(self, document: Document, outcome: Outcome, report: IngestReport) -> None:
        if isinstance(outcome, InputError):
            raise outcome.at(document.origin)
        if self.store.begin_write():
            # Another process wrote since this one last did: its entities and stories must
            # be known here, or this process would add a second "Donald Trump".
            self._entities, self._engine = None, None
        # Checked again: with parallel analysis a duplicate later in the same batch is
        # analysed before the first copy is stored; another process may have stored it too.
        known = self.store.lookup(outcome.id)
        if unchanged(self.store, known, outcome, document):
            report.unchanged += 1
            return
        if known and older_revision(outcome, document, known):
            # Kept, so that reading it again changes nothing; the article stays as it is.
            self.store.keep_version(outcome, document, outcome.published or datetime.now(UTC))
            report.unchanged += 1
            return
        self.known_entities().link(outcome)
        seen = outcome.published or datetime.now(UTC)
        status = self._store(outcome, document, seen, known.story_id if known else None)
        if status is PutStatus.REVISED:
            report.revised += 1
        elif status is PutStatus.UNCHANGED:  # another process stored it since the check
            report.unchanged += 1
        else:
            report.inserted += 1

    def _store(
        self, article: Article, document: Document, seen: datetime, story_id: str | None
    ) -> PutStatus:
        engine = self.engine()
        if story_id is not None:  # a revision: it stays where it is
            old = self.store.article(article.id)
            article.story_id = story_id
            status = self.store.put_article(article, document, seen, b"")
            self.store.refresh_story(story_id, None)
            if old is not None:
                self._retitle_revised(story_id, old, article)
            return status
        assignment = engine.add(article, seen)
        article.story_id = assignment.story_id
        if assignment.is_new:
            self.store.log_story(assignment.story_id, "created", article.id, seen)
        for absorbed in assignment.merged:
            self.store.merge_stories(absorbed, assignment.story_id, seen)
        for story_id, new_id, article_ids in assignment.split:
            # The engine found separate events in a grown story: split as by hand.
            self.store.split_story(story_id, article_ids, new_id, engine.title(new_id), seen)
            self.store.refresh_story(story_id, engine.title(story_id))
        status = self.store.put_article(article, document, seen, assignment.features)
        self.store.refresh_story(assignment.story_id, engine.title(assignment.story_id))
        self._store_late_vectors(engine)
        return status

    def _store_late_vectors(self, engine: StoryEngine) -> None:
        backend = features_backend(engine.embedder)
        for member, vector in engine.late_vectors():
            late = with_vector(self.store.features(member), vector, backend)
            if late is not None:
                self.store.set_features(member, late)

    def _retitle_revised(self, story_id: str, old: Article, new: Article) -> None:
        """A revision of the article whose headline titles its story retitles the story:
        the engine knows which member that is; for a story outside its window, the stored
        title is compared with the old headline."""
        title, engine = story_title(new.title, new.text), self.engine()
        titling = engine.titled_by(story_id)
        if titling is None:
            self.store.retitle_story(story_id, story_title(old.title, old.text), title)
        elif titling == new.id:
            self.store.refresh_story(story_id, title)
        engine.retitle(story_id, new.id, title)

    def engine(self) -> StoryEngine:
        """The story engine, warmed with the stored articles inside its window."""
        if self._engine is None:
            engine = StoryEngine(self.options)
            engine.keep_late = True  # the vectors it makes for members go to the store
            # The saved frequencies: from the window's articles alone, IDF would depend on
            # where one run of ingest ended and the next began.
            documents, df = self.store.vocabulary()
            if documents:
                engine.vocabulary = Vocabulary(documents, Counter(df))
            else:  # none saved (a store from before): counted from the window, saved whole
                engine.vocabulary.stale = True
            engine.warm(self._window(), learn=not documents, titles=self._stored_title)
            engine.recall = self._stored_between
            engine.unused_id = self._unused_story_id
            engine.stored_title = self._stored_title
            self._engine = engine
        return self._engine

    def _stored_title(self, story_id: str) -> str | None:
        story = self.store.story(story_id, articles=False)
        return story.title if story else None

    def _window(self) -> Iterator[WindowRow]:
        """The stored articles inside the engine's window, by its two clocks (see
        StoryEngine._advance): the latest publication time for dated articles, the latest
        ingest time of an undated one for undated articles."""
        dated, undated = self.store.latest(dated=True), self.store.latest(dated=False)
        if dated is None and undated is None:
            return
        span = timedelta(days=self.options.story_window_days)
        # Not from a date ahead that a store kept before such dates were refused.
        dated = min(dated, datetime.now(UTC) + timedelta(days=1)) if dated else None
        since = shifted(dated, -span) if dated else datetime.max.replace(tzinfo=UTC)
        undated_since = shifted(undated, -span) if undated else datetime.max.replace(tzinfo=UTC)
        for article, seen, features in self.store.window(since, undated_since=undated_since):
            if article.published is None or dated is None or seen <= dated:
                yield article, seen, features

    def _stored_between(self, since: datetime, until: datetime) -> Iterator[WindowRow]:
        return self.store.window(since, until=until)

    def known_entities(self) -> KnownEntities:
        """The stored entities, indexed for linking new articles to them."""
        if self._entities is None:
            self._entities = KnownEntities(self.store.iter_entities())
        return self._entities

    def reanalyze(self, progress: Progress | None = None) -> IngestReport:
        """Re-run analysis on every stored original input (after an upgrade); an article
        whose analysis comes out the same counts as unchanged."""
        self.check_analysis()
        report = IngestReport()
        tick = _ticker(report, progress)
        # Linked again from nothing, in stored order, as a fresh ingest links them: the
        # stored entities may hold splits that an older Chronik made. Each entity then takes
        # back the stored id its mentions had, so that ids (in links, bookmarks, other
        # systems) survive a reanalysis; a split mended keeps the id of the part met first.
        self._entities = KnownEntities()
        keep = StoredIds(self.store.mention_entities())
        with closing(open_executor(self.options)) as executor:
            for (stored, origin), outcome in executor.analyse(self._stored(report, tick)):
                if isinstance(outcome, InputError):
                    report.errors.append(str(outcome.at(origin)))
                else:
                    with _whole():
                        self._replace_analysis(stored, outcome, keep, report)
                        self.store.commit()
                tick(origin)
        self.store.commit()
        # The index knows the entities by their fresh ids; the store by the ids kept.
        self._entities = None
        return report

    def _replace_analysis(
        self, stored: StoredInput, outcome: Article, keep: StoredIds, report: IngestReport
    ) -> None:
        outcome.id = stored.article_id
        self.known_entities().link(outcome)
        keep.restore(outcome)
        if self.store.replace_analysis(outcome, stored.revision):
            report.revised += 1
        else:
            report.unchanged += 1

    def _stored(
        self, report: IngestReport, tick: Callable[[str], None]
    ) -> Iterator[tuple[tuple[StoredInput, str], Article]]:
        for stored in self.store.stored_inputs():
            try:
                document = reread(stored.format, stored.payload, stored.origin, stored.meta)
                # The payload goes to analysis once, in the document; the key need not carry it.
                yield (replace(stored, payload=b""), stored.origin), build_article(document)
            except InputError as exc:
                report.errors.append(str(exc))
                tick(stored.origin)

    # --- reading ----------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        article = self.store.article(article_id)
        if article is None:
            raise ChronikError(Code.E100, id=article_id)
        return article

    def articles(
        self, limit: int = 100, offset: int = 0, *, story_id: str | None = None
    ) -> list[Article]:
        """Stored articles in time order; of one story (E101 for one that does not exist;
        a story merged away: of the story it went into, as :meth:`story`)."""
        limit, offset = checked_page(limit, offset)
        found = self.store.articles(story_id=story_id, limit=limit, offset=offset)
        if not found and story_id is not None:
            story = self.story(story_id)  # no articles: is there such a story at all?
            if story.id != story_id:
                return self.articles(limit, offset, story_id=story.id)
        return found

    def story(self, story_id: str) -> Story:
        """The story with its articles in timeline order (undated ones placed by their
        events' times and tense). A story merged into another, by the engine or by hand,
        is the one it went into, so that its id stays a working link: the story returned
        then has the other id."""
        return _in_timeline_order(self._found_story(story_id, articles=True))

    def story_summary(self, story_id: str) -> Story:
        """The story's title, span and size, without its articles (a list shows no more);
        a merged story is the one it went into, as in :meth:`story`."""
        return self._found_story(story_id, articles=False)

    def _found_story(self, story_id: str, articles: bool) -> Story:
        story = self.store.story(story_id, articles)
        if story is None:
            survivor = self._merged_into(story_id)
            story = self.store.story(survivor, articles) if survivor else None
        if story is None:
            raise ChronikError(Code.E101, id=story_id)
        return story

    def _merged_into(self, story_id: str) -> str | None:
        """The story a merged story's articles are in now, following later merges."""
        current, seen = story_id, {story_id}
        while True:
            merged = [c.other for c in self.store.story_history(current) if c.action == "merged"]
            if not merged or merged[-1] is None or merged[-1] in seen:
                return None
            current = merged[-1]
            if self.store.story(current) is not None:
                return current
            seen.add(current)

    def _correctable(self, story_id: str, action: str) -> Story:
        """The story a correction names, by its own id: E101 for none, E200 for a story
        merged away (its id leads to another, which the correction must name)."""
        story = self.story(story_id)
        if story.id != story_id:
            detail = f"it was merged into {story.id}; name that story"
            # The hint names the story its articles are in now, not the id given (review
            # 114: it had named the merged one, which only leads there).
            raise ChronikError(Code.E200, action=action, id=story_id, detail=detail, story=story.id)
        return story

    def count_articles(self, *, story_id: str | None = None) -> int:
        """How many articles are stored; with ``story_id``, how many :meth:`articles`
        lists of that story on every page (E101 for no such story)."""
        if story_id is None:
            return self.store.count_articles()
        return self.store.count_articles(story_id=self.story_summary(story_id).id)

    def count_stories(self) -> int:
        return self.store.count_stories()

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        """Stories, most recently active first, each with its articles in timeline order."""
        limit, offset = checked_page(limit, offset)
        return [_in_timeline_order(s) for s in self.store.stories(limit=limit, offset=offset)]

    def merge_stories(self, gone: str, into: str) -> Story:
        """Move every article of story ``gone`` into story ``into``: a correction by hand,
        logged in both stories' history. Returns the merged story."""
        if gone == into:
            detail = "it is the same story"
            raise ChronikError(Code.E200, action="merge", id=gone, detail=detail, story=gone)
        now = {story_id: self.story(story_id).id for story_id in (gone, into)}
        if now[gone] == now[into]:
            # Naming the story one of them went into would only merge it into itself
            # (review 46).
            moved = [story_id for story_id in (gone, into) if now[story_id] != story_id]
            which = " and ".join(moved) + (" were both" if len(moved) > 1 else " was")
            detail = f"{which} merged into {now[into]}: they are one story already"
            raise ChronikError(Code.E200, action="merge", id=gone, detail=detail, story=now[into])
        for story_id in (gone, into):
            self._correctable(story_id, "merge")
        self.store.merge_stories(gone, into, datetime.now(UTC))
        self._changed_stories()
        return self.story(into)

    def split_story(self, story_id: str, article_ids: Sequence[str]) -> Story:
        """Move some of a story's articles into a new story: a correction by hand, logged in
        both stories' history. Returns the new story."""
        story = self._correctable(story_id, "split")
        # One id alone is one article, as ingest takes one path alone: not its letters.
        given = [article_ids] if isinstance(article_ids, str) else list(article_ids)
        wanted = {checked_text(f"article_ids[{n}]", i) for n, i in enumerate(given)}
        moving = [a for a in story.articles if a.id in wanted]
        outside = sorted(wanted - {a.id for a in moving})
        if outside:
            detail = f"article {outside[0]!r} is not in it"
            raise ChronikError(
                Code.E200, action="split", id=story_id, detail=detail, story=story_id
            )
        if not moving or len(moving) == len(story.articles):
            detail = "name at least one of its articles, and not all of them"
            raise ChronikError(
                Code.E200, action="split", id=story_id, detail=detail, story=story_id
            )
        ids = [a.id for a in moving]
        new_id = self._unused_story_id(f"split {story_id} {' '.join(ids)}")
        title = story_title(moving[0].title, moving[0].text)
        self.store.split_story(story_id, ids, new_id, title, datetime.now(UTC))
        if story.title in {story_title(a.title, a.text) for a in moving}:
            # Titled by an article that left it: the first one that stays names it now.
            kept = next(a for a in story.articles if a.id not in wanted)
            self.store.refresh_story(story_id, story_title(kept.title, kept.text))
        self._changed_stories()
        return self.story(new_id)

    def _unused_story_id(self, seed: str) -> str:
        """An id from ``seed``, the same for the same split, but never one a story has had:
        splitting the same articles off again after a merge must not revive the merged
        story's history."""
        for attempt in range(1_000):
            salted = seed if attempt == 0 else f"{seed} {attempt}"
            found = new_story_id(salted)
            if self.store.story(found) is None and not self.store.story_history(found):
                return found
        raise AssertionError("no unused story id in 1,000 tries")  # 2^48 ids: unreachable

    def story_history(self, story_id: str) -> list[StoryChange]:
        """How the story came about and changed, oldest first; a merged story keeps its
        history."""
        history = self.store.story_history(story_id)
        if not history:
            self.story(story_id)
        return history

    def _changed_stories(self) -> None:
        self._commit()
        # The engine's window is rebuilt from the store, so the next article sees the new
        # grouping.
        self._engine = None

    def current_stories(self, limit: int = 30) -> list[CurrentStory]:
        """The current stories, those that grew most in the last two days first (the front
        page), each with its publishers and the entities it names most; from among the
        most recently active ones."""
        limit = checked_count("limit", limit, 1)
        recent = self.stories(limit=min(max(limit * 3, 60), MAX_COUNT))
        return current_stories(recent, limit)

    def story_report(self, story_id: str) -> StoryReport:
        """The story as ``chronik story``, ``GET /api/stories/{id}`` and its page show it,
        loaded once: its timeline with what each article adds, its events, what later
        reports changed (once each), its casualty counts and its history. A merged story
        is the one it went into, as in :meth:`story`."""
        story = self.story(story_id)
        return story_report(story, self.story_history(story.id))

    def timeline(self, story_id: str) -> list[TimelineEntry]:
        """The story's articles in time order, each with the sentences it adds."""
        return build_timeline(self.story(story_id).articles)

    def developments(self, story_id: str) -> list[StoryEvent]:
        """The story's events, each with its history across articles and what changed."""
        return story_events(self.story(story_id).articles)

    def casualties(self, story_id: str) -> list[Change]:
        """Where a later article of the story counts more dead or injured than any before
        it ("dead: 1430 -> 1700"), in the story's timeline order."""
        return figure_changes(self.story(story_id).articles)

    def related_articles(self, article_id: str, limit: int = 10) -> list[tuple[Article, float]]:
        """The related reading outside the article's story, with its score: the embedding
        closeness, 0..1, where the backend gives vectors, else the similarity (see
        docs/stories.md, Related)."""
        limit = checked_count("limit", limit, 1)
        article = self.article(article_id)
        found = related_articles([article], self._around(article), self.options, limit)
        return [(self.article(other.id), score) for other, score in found]  # with analysis

    def related_stories(self, story_id: str, limit: int = 10) -> list[tuple[Story, float]]:
        """The stories nearest to this one, with the score of their closest articles;
        as summaries, without their articles (see :meth:`story_summary`)."""
        limit = checked_count("limit", limit, 1)
        members = self.story(story_id).articles[-_RELATED_MEMBERS:]
        if not members:
            return []
        found = related_stories(members, self._around(members[-1]), self.options, limit)
        # Without their articles: a list shows a title and a size, and a big story's
        # articles took most of the page's time.
        return [(self.story_summary(other), score) for other, score in found]

    def _around(self, article: Article) -> Neighbourhood:
        """Stored articles within the story window around ``article`` (its neighbourhood),
        with their engine features."""
        when = article.published or self.store.latest() or datetime.now(UTC)
        span = timedelta(days=self.options.story_window_days)
        found: Neighbourhood = []
        backend = features_backend(get_embedder(self.options.embedding_backend))
        for other, seen, features in self.store.window(shifted(when, -span), analysed=False):
            if seen > shifted(when, span) or len(found) >= _RELATED_POOL:
                break
            stored = decode_features(features, other, backend)
            if stored is None:  # profiled from its analysis
                other = self.store.article(other.id) or other
            found.append((other, stored))
        return found

    def search(
        self,
        text: str = "",
        *,
        entity: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        publisher: str | None = None,
        language: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[Article]:
        """Articles with these words (full text, best match first; without words, newest
        first), kept to those that mention the entity (``entity``: its id, name or alias,
        as :meth:`entity_named` finds it; E103 for none), were published from ``since`` to
        ``until`` (days, both included; a date or ISO 8601 text, E111 otherwise; E112 for a
        ``since`` after ``until``), come
        from ``publisher`` (any case) or are in ``language``; the filters apply before
        ``offset`` matches are skipped and ``limit`` counted."""
        filters = entity, since, until, publisher, language
        return self.store.search(self._article_query(text, *filters, limit, offset))

    def search_total(
        self,
        text: str = "",
        *,
        entity: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        publisher: str | None = None,
        language: str | None = None,
    ) -> int:
        """How many articles :meth:`search` finds in all with these words and filters, on
        every page together (the same errors)."""
        filters = entity, since, until, publisher, language
        return self.store.count_matches(self._article_query(text, *filters, 1, 0))

    def _article_query(
        self,
        text: str,
        entity: str | None,
        since: date | str | None,
        until: date | str | None,
        publisher: str | None,
        language: str | None,
        limit: int,
        offset: int,
    ) -> ArticleQuery:
        # A NUL is no word, and both backends take it for the end of the query.
        words = utf8_text("text", checked_text("text", text)).replace("\x00", " ").strip()
        # No word the store would search ("-", a quote, "OR" alone): the newest articles,
        # as for none, rather than no match.
        clauses = query_clauses(words)
        words = words if clauses else ""
        if (count := query_words(clauses)) > MAX_QUERY_WORDS:
            raise ChronikError(Code.E114, count=count, most=MAX_QUERY_WORDS)
        limit, offset = checked_page(limit, offset)
        filters = {"entity": entity, "publisher": publisher, "language": language}
        for name, value in filters.items():
            checked_text(name, value, optional=True)
        days = parse_day(since), parse_day(until)
        if days[0] and days[1] and days[0] > days[1]:  # an empty range is a slip, not a search
            raise ChronikError(Code.E112, since=days[0].isoformat(), until=days[1].isoformat())
        # Resolved as the CLI's --entity is: "Putin" had matched no article, silently.
        wanted = (entity or "").strip()  # blank names no entity: no filter, as in REST
        entity_id = self.entity_named(wanted).id if wanted else None
        return ArticleQuery(words, entity_id, *days, publisher, language, limit, offset)

    def entity(self, entity_id: str) -> Entity:
        found = self.store.entity(entity_id)
        if found is None:
            raise ChronikError(Code.E102, id=entity_id)
        return found

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[Article]:
        """The articles that mention the entity, newest first."""
        limit = checked_count("limit", limit, 1)
        return self.store.entity_articles(self.entity(entity_id).id, limit)

    def entity_stories(self, entity_id: str, limit: int = 20) -> list[Story]:
        """The stories whose articles mention the entity, those with the most such articles
        first (over all of them, not only the newest ``entity_articles``)."""
        return [self.story(story_id) for story_id in self.entity_story_ids(entity_id, limit)]

    def entity_mention_times(self, entity_id: str) -> list[datetime]:
        """When each of the entity's mentions was published (its dated articles', all of
        them), for a chart of its mentions over time."""
        return self.store.mention_times(self.entity(entity_id).id)

    def entity_story_ids(self, entity_id: str, limit: int = 20) -> list[str]:
        """The ids of :meth:`entity_stories`, without loading the stories."""
        limit = checked_count("limit", limit, 1)
        return self.store.entity_story_ids(self.entity(entity_id).id, limit)

    def entities(
        self,
        limit: int = 100,
        offset: int = 0,
        *,
        type: str | None = None,
        name: str | None = None,
    ) -> list[Entity]:
        """The most mentioned entities; ``type`` keeps one type (PER, LOC, ORG or MISC, in
        any case; another is E110), ``name`` those with that name or alias in any case
        ("putin" finds Wladimir Putin where Putin is an alias); an empty ``name`` is no
        filter, as an empty parameter of the API is; ``offset`` skips that many first."""
        limit, offset = checked_page(limit, offset)
        wanted, name = entity_filter(type, name)
        return self.store.entities(limit=limit, type=wanted, name=name, offset=offset)

    def count_entities(self, *, type: str | None = None, name: str | None = None) -> int:
        """How many entities :meth:`entities` lists with these filters on every page (the
        same errors)."""
        wanted, name = entity_filter(type, name)
        return self.store.count_entities(type=wanted, name=name)

    def find_entity(self, text: str) -> Entity | None:
        """An entity by id, name, alias, family name or one word of a name, as
        :func:`chronik.store.lookup.find_entity` finds it; none for a blank text."""
        return find_entity(self.store, checked_text("text", text))

    def entity_named(self, text: str) -> Entity:
        """:meth:`find_entity`, and E103 when no entity has that id, name or alias."""
        found = self.find_entity(text)
        if found is None:
            raise ChronikError(Code.E103, name=text)
        return found

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article in time order (what ``chronik export`` writes), read ``batch``
        at a time: each one stored before the iteration began comes once, while another
        process writes too; one that process revises meanwhile, so that its time moves
        back before the page being read, is left out (its time moved on, it comes once, in
        its new place)."""
        batch = checked_count("batch", batch, 1)
        return self._pages(batch)

    def _pages(self, batch: int) -> Iterator[Article]:
        # The store is asked again for each page: one closed meanwhile (a ``with`` block
        # ended while a caller still iterates) opens again, as on any other call.
        place, given = None, set[str]()
        while True:
            with store_errors(self.options.db):  # read while the caller iterates
                page, place = self.store.articles_after(place, batch)
            if not page:
                return
            # A revision that moves an article's time later brings it up again (review 36:
            # 22 of 253 articles written twice while feeds were polled).
            yield from (article for article in page if article.id not in given)
            given.update(article.id for article in page)

    # --- feeds ------------------------------------------------------------------------------

    def poll(
        self,
        feeds: Sequence[str],
        progress: Progress | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Fetch each feed once, politely (ETag and Last-Modified), and ingest what is new.
        ``progress`` gets the poll's counts so far (in ``report`` where one is given), a
        feed that could not be read included."""
        self.check_analysis()
        self._create = True  # it writes each feed's state
        report = IngestReport() if report is None else report
        for url in feeds:
            self._poll_feed(url, progress, report)
            if progress:
                progress(url, report)
        return report

    def _poll_feed(self, url: str, progress: Progress | None, report: IngestReport) -> None:
        state = self.store.feed_state(url)
        try:
            fetched = fetch(url, self.options, state.etag, state.modified)
        except InputError as exc:
            report.errors.append(str(exc))
            return
        if not fetched.not_modified:
            # By the bytes, not the server's Content-Type: feeds are often served as
            # text/html or text/plain.
            kind = sniff_format(fetched.data, url)
            if kind not in _POLLED_FORMATS:
                # A maintenance or login page had been stored as an article, and its
                # state kept, so that the error was said once: it is said each round.
                detail = f"the address answered with {_FORMAT_WORDS.get(kind, kind)}, not a feed"
                report.errors.append(str(InputError(Code.E020, url, detail=detail)))
                return
            failed = report.failed
            items = read_bytes(fetched.data, url, self.options)
            self.ingest_documents(items, progress, report)
            if report.failed > failed:
                # Kept, a broken feed's validators hid it behind a "304 Not Modified": its
                # error was said once and the items after the break never came.
                return
        # Only once its items are stored: written before them, a poll stopped halfway
        # (Ctrl-C, a crash) left the rest behind a "304 Not Modified" for good.
        state.etag, state.modified, state.checked = (
            fetched.etag,
            fetched.modified,
            datetime.now(UTC),
        )
        with self._write_lock:
            self.store.put_feed_state(state)
            self.store.commit()

    def watch(
        self,
        feeds: Sequence[str],
        every: float | str,
        rounds: int | None = None,
        progress: Progress | None = None,
        on_round: Callable[[int, IngestReport], None] | None = None,
        stop: Stop | None = None,
    ) -> IngestReport:
        """Poll ``feeds`` every ``every`` (seconds, or "10m" as the command line takes it;
        at least MIN_POLL_SECONDS), ``rounds`` times (forever if None), or until ``stop``
        (a ``threading.Event``) is set: from another thread, it ends the watch after the
        round in hand, without waiting out ``every``. ``progress`` gets the counts of every
        round so far; ``on_round(number, report)`` each round's own counts and errors once
        it is done (numbered from 1). The errors handed to ``on_round`` leave the total's
        list (``passed_on`` counts them): the total lists only those of a round cut short."""
        every = poll_seconds(every)
        rounds = None if rounds is None else checked_count("rounds", rounds, least=1)
        total = IngestReport()

        def poll_round() -> IngestReport:
            before = replace(total, errors=[])
            self.poll(feeds, progress, total)
            return total - before

        def round_done(number: int, report: IngestReport) -> None:
            if on_round:
                on_round(number, report)
                total.passed_on += len(total.errors)
                total.errors.clear()

        poll_rounds(poll_round, every, rounds, stop, round_done)
        return total


# What a polled address may answer with: a feed, or JSON lines of articles.
_POLLED_FORMATS = frozenset({"feed", "jsonl"})
_FORMAT_WORDS = {"html": "an HTML page", "text": "plain text", "warc": "a WARC archive"}

# The codes of an analysis or embedding backend that cannot load or run.
_BACKEND_FAILURES = frozenset({Code.E170, Code.E180, Code.E181})


@contextmanager
def _whole() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the article in hand is stored whole. Closing the store
    commits what an interrupted ingest wrote, and half an article (its input without its
    row, its row without its mentions, a story logged without it) would be committed with
    it."""
    previous = {number: signal.getsignal(number) for number in _STOPPING}
    # Only the main thread receives signals; a handler installed outside Python stays.
    if threading.current_thread() is not threading.main_thread() or None in previous.values():
        yield
        return
    caught: list[int] = []
    for number in _STOPPING:
        signal.signal(number, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught:  # delivered now to whoever handled it before: KeyboardInterrupt for Ctrl-C
        signal.raise_signal(caught[0])


# The signals that stop a run: Ctrl-C, and what `timeout`, systemd and `docker stop` send.
_STOPPING = (signal.SIGINT, signal.SIGTERM)


def _story_text(changed: tuple[Document, Article]) -> str:
    article = changed[1]  # analysis leaves title and text as they are
    return embed_text(article.title, article.text)


class _Repeats:
    """The exact repeats of an input still on its way through analysis (a feed archive
    holds an item once for each poll): held back and counted as the first copy came out,
    unchanged or its error, rather than analysed again, since the store cannot know them
    before the first is stored."""

    def __init__(self) -> None:
        self._first: dict[int, tuple[str, str]] = {}  # id() of a first copy -> its key
        self._waiting: dict[tuple[str, str], list[str]] = {}  # key -> the repeats' origins

    def held_back(
        self, changed: Iterable[tuple[Document, Article]]
    ) -> Iterator[tuple[Document, Article]]:
        for document, article in changed:
            key = (article.id, article.content_hash)
            if key in self._waiting:
                self._waiting[key].append(document.origin)
                continue
            self._first[id(document)], self._waiting[key] = key, []
            yield document, article

    def of(self, document: Document) -> list[str]:
        """The origins of the repeats of ``document``, which has come out of analysis."""
        key = self._first.pop(id(document), None)
        return self._waiting.pop(key, []) if key else []


def _count_repeat(report: IngestReport, failure: InputError | None, origin: str) -> None:
    if failure is None:
        report.unchanged += 1
    else:  # analysis is deterministic: the same input fails the same way
        report.errors.append(str(failure.at(origin)))


def _ticker(report: IngestReport, progress: Progress | None) -> Callable[[str], None]:
    """What follows each input, stored or not: the progress callback with the counts so far.
    (Commits follow each write: no input's transaction waits for the next one's analysis.)"""

    def tick(where: str) -> None:
        if progress:
            progress(where, report)

    return tick


def _in_timeline_order(story: Story) -> Story:
    # The store orders by publication time alone; undated articles need the timeline's
    # reading of their events and tense (the announcement before the report).
    return replace(story, articles=in_timeline_order(story.articles))


def _publication_time(published: object) -> datetime | None:
    """A publication time given to ``analyze`` or ``ingest``: a datetime (one without a zone
    is UTC, as in input), ISO 8601 or RFC 2822 text, or None; E111 for anything else."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published if published.tzinfo else published.replace(tzinfo=UTC)
    if isinstance(published, str):
        return checked_time(published)
    raise ChronikError(Code.E111, value=published)


def _dated(items: Iterable[Item], when: datetime | None) -> Iterator[Item]:
    """The items, each document that gives no publication time (or a placeholder's) dated
    ``when`` unless it dates itself in analysis (a page's own date)."""
    for item in items:
        if when and isinstance(item, Document) and _undated(item):
            item = replace(item, assumed_published=when)
        yield item


def _undated(document: Document) -> bool:
    return document.published is None or placeholder_time(document.published)
