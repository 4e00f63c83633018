"""The Python API: ``Chronik`` runs ingest, analysis and stories over a store.

The CLI, the REST API and the web UI are thin layers over this class.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from chronik._app.analysing import analyse_one, check_analysis, publication_time
from chronik._app.corrections import check_merge, split
from chronik._app.engine import compared
from chronik._app.feeds import poll_feed
from chronik._app.ingesting import (
    BACKEND_FAILURES,
    dated,
    ingest_with,
    named_targets,
    reanalyse,
)
from chronik._app.reading import around, article_query, found_story, in_order, named_reason
from chronik._app.report import SHOWN_ERRORS, IngestReport, Progress
from chronik._app.workspace import Workspace
from chronik.analysis.executor import open_executor
from chronik.arguments import (
    MAX_COUNT,
    checked_count,
    checked_page,
    checked_text,
    entity_filter,
    poll_seconds,
)
from chronik.errors import ChronikError, Code
from chronik.ingest.document import Item
from chronik.ingest.sources import iter_documents, read_bytes
from chronik.model import Article, Entity, Reason, Story, StoryChange
from chronik.options import Options
from chronik.polling import Stop, poll_rounds
from chronik.store import Store, store_failure
from chronik.store.lookup import find_entity
from chronik.stories.developments import Change, StoryEvent, story_events
from chronik.stories.engine import StoryEngine
from chronik.stories.figures import figure_changes
from chronik.stories.known_entities import KnownEntities
from chronik.stories.related import related_articles, related_stories
from chronik.stories.summary import CurrentStory, StoryReport, current_stories, story_report
from chronik.stories.timeline import TimelineEntry, build_timeline

# Named here too: the interfaces import them from the API they call.
__all__ = ["SHOWN_ERRORS", "Chronik", "IngestReport", "Progress", "store_errors"]

_RELATED_MEMBERS = 20

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
        self._work = Workspace(options, create, write_lock)
        self._analysis_checked = False

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use: ``analyze`` needs none."""
        return self._work.store

    def has_store(self) -> bool:
        """Whether the store is there (open, or on disk): a batch that stored nothing in a
        new place has made none."""
        return self._work.has_store()

    def __enter__(self) -> Chronik:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit and close the store. Closing twice is harmless, and the object stays usable:
        the next call opens the store again (a service's second ``with chronik:`` block)."""
        self._work.close()

    # --- analysis without storing -------------------------------------------------------

    def analyze(
        self, article: str | bytes | Path, published: datetime | str | None = None
    ) -> Article:
        """Analyse one article without storing it: a file (a ``Path``, ``Path("-")`` for
        standard input; a ``str`` is the article's text, or a web address alone, which is
        fetched as ``ingest`` fetches it), or raw bytes in any input format.
        Input that holds several articles (a feed, JSONL, WARC) is E006. ``published`` is
        a datetime or, as the CLI takes it, ISO 8601 or RFC 2822 text (E111 if neither)."""
        return analyse_one(self.options, article, published)

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
        when = publication_time(published)
        named = named_targets(targets)
        return self.ingest_documents(dated(iter_documents(named, self.options), when), progress)

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
        when = publication_time(published)
        if not isinstance(data, bytes | bytearray | memoryview):
            kind = "bytes (encode a text first)"
            name, value = "the type of data", type(data).__name__  # not a long text quoted
            raise ChronikError(Code.E113, name=name, value=value, kind=kind)
        data = bytes(data)
        items = read_bytes(data, origin, self.options, media_type)
        return self.ingest_documents(dated(items, when))

    def check_analysis(self) -> None:
        """E110, E170 or E180 for a component, backend or extractor that ``options`` names and that
        cannot run, checked before the store is opened: a mistyped name must leave no
        store behind, nor half a batch stored. Once per instance: its options do not change,
        and a watch would otherwise ask at every feed of every round."""
        if self._analysis_checked:
            return
        check_analysis(self.options)
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
            self._work.create = True
            try:
                ingest_with(self._work, executor, items, report, progress)
            except ChronikError as exc:
                self._after_backend_failure(exc)
                raise
        self._work.commit()
        return report

    def _after_backend_failure(self, exc: ChronikError) -> None:
        """A backend that fails mid-batch (an embedder's E170, an NER model's E180 or E181)
        ends it: what was stored before is committed, and the entities and stories held
        here are read from the store again, since the failed article had been half linked."""
        if exc.code not in BACKEND_FAILURES:
            return
        self._work.commit()
        self._work.forget()

    def engine(self) -> StoryEngine:
        """The story engine, warmed with the stored articles inside its window."""
        return self._work.engine()

    def known_entities(self) -> KnownEntities:
        """The stored entities, indexed for linking new articles to them."""
        return self._work.known_entities()

    def reanalyze(self, progress: Progress | None = None) -> IngestReport:
        """Re-run analysis on every stored original input (after an upgrade); an article
        whose analysis comes out the same counts as unchanged."""
        self.check_analysis()
        report = IngestReport()
        reanalyse(self._work, report, progress)
        return report

    # --- reading ----------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        article = self.store.article(article_id)
        if article is None:
            raise ChronikError(Code.E100, id=article_id)
        return article

    def reason(self, article_id: str, story_id: str | None = None) -> Reason:
        """Why the story engine put the article in its story, as it decided when the article
        came (``model.Reason``; docs/stories.md, "Why an article is in its story"); E100
        for no such article, E104 for one placed before reasons were kept.

        With ``story_id``, the decision replayed against that story alone, with the members
        it holds now that were stored before the article (docs/stories.md, "Why not
        another story"): ``joined`` says whether the article would have joined it (E101 for
        no such story; a merged one is the story it went into). Nothing is stored."""
        article = self.article(article_id)
        if story_id is not None:
            found = compared(self.store, self.options, article, self.story(story_id))
        elif (stored := self.store.reason(article_id)) is not None:
            found = stored
        else:
            raise ChronikError(Code.E104, id=article_id)
        return named_reason(self.store, found)

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
        return in_order(found_story(self.store, story_id, articles=True))

    def story_summary(self, story_id: str) -> Story:
        """The story's title, span and size, without its articles (a list shows no more);
        a merged story is the one it went into, as in :meth:`story`."""
        return found_story(self.store, story_id, articles=False)

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
        return [in_order(s) for s in self.store.stories(limit=limit, offset=offset)]

    def merge_stories(self, gone: str, into: str) -> Story:
        """Move every article of story ``gone`` into story ``into``: a correction by hand,
        logged in both stories' history. Returns the merged story."""
        check_merge(self.story, gone, into)
        self.store.merge_stories(gone, into, datetime.now(UTC))
        self._changed_stories()
        return self.story(into)

    def split_story(self, story_id: str, article_ids: Sequence[str]) -> Story:
        """Move some of a story's articles into a new story: a correction by hand, logged in
        both stories' history. Returns the new story."""
        new_id = split(self.store, self.story, story_id, article_ids)
        self._changed_stories()
        return self.story(new_id)

    def story_history(self, story_id: str) -> list[StoryChange]:
        """How the story came about and changed, oldest first; a merged story keeps its
        history."""
        history = self.store.story_history(story_id)
        if not history:
            self.story(story_id)
        return history

    def _changed_stories(self) -> None:
        self._work.commit()
        # The engine's window is rebuilt from the store, so the next article sees the new
        # grouping.
        self._work.forget(entities=False)

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
        found = related_articles(
            [article], around(self.store, self.options, article), self.options, limit
        )
        return [(self.article(other.id), score) for other, score in found]  # with analysis

    def related_stories(self, story_id: str, limit: int = 10) -> list[tuple[Story, float]]:
        """The stories nearest to this one, with the score of their closest articles;
        as summaries, without their articles (see :meth:`story_summary`)."""
        limit = checked_count("limit", limit, 1)
        members = self.story(story_id).articles[-_RELATED_MEMBERS:]
        if not members:
            return []
        found = related_stories(
            members, around(self.store, self.options, members[-1]), self.options, limit
        )
        # Without their articles: a list shows a title and a size, and a big story's
        # articles took most of the page's time.
        return [(self.story_summary(other), score) for other, score in found]

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
        return self.store.search(article_query(self.entity_named, text, *filters, limit, offset))

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
        return self.store.count_matches(article_query(self.entity_named, text, *filters, 1, 0))

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
        return [story for story, _ in self.entity_stories_counted(entity_id, limit)]

    def entity_mention_times(self, entity_id: str) -> list[datetime]:
        """When each of the entity's mentions was published (its dated articles', all of
        them), for a chart of its mentions over time."""
        return self.store.mention_times(self.entity(entity_id).id)

    def entity_story_ids(self, entity_id: str, limit: int = 20) -> list[str]:
        """The ids of :meth:`entity_stories`, without loading the stories."""
        return [story_id for story_id, _ in self._story_counts(entity_id, limit)]

    def entity_stories_counted(self, entity_id: str, limit: int = 20) -> list[tuple[Story, int]]:
        """:meth:`entity_stories`, each with how many of its articles mention the entity:
        the figure they are ordered by, which a story's size is not (review 247)."""
        counted = self._story_counts(entity_id, limit)
        return [(self.story(story_id), count) for story_id, count in counted]

    def _story_counts(self, entity_id: str, limit: int) -> list[tuple[str, int]]:
        limit = checked_count("limit", limit, 1)
        return self.store.entity_story_counts(self.entity(entity_id).id, limit)

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
        self._work.create = True  # it writes each feed's state
        report = IngestReport() if report is None else report
        for url in feeds:
            poll_feed(self._work, self.ingest_documents, url, progress, report)
            if progress:
                progress(url, report)
        return report

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
            before = replace(total, errors=[], unfetched=list(total.unfetched))
            self.poll(feeds, progress, total)
            return total - before

        def round_done(number: int, report: IngestReport) -> None:
            if on_round:
                on_round(number, report)
                total.passed_on += len(total.errors)
                total.errors.clear()
                total.unfetched.clear()  # said with its round, as the errors are

        poll_rounds(poll_round, every, rounds, stop, round_done)
        return total
