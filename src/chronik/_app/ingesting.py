"""The ingest path of ``Chronik``: what is new or changed is analysed, linked to the stored
entities, grouped into stories and stored, one input at a time; and ``reanalyze``. The
functions take the ``Workspace`` whose store, story engine and entities they work on."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from chronik._app.report import IngestReport, Progress
from chronik._app.workspace import Workspace
from chronik.analysis.executor import Executor, Outcome, open_executor
from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.document import Document, Item
from chronik.ingest.fields import placeholder_time
from chronik.ingest.readers import reread
from chronik.model import Article
from chronik.options import Options
from chronik.revisions import check_published, older_revision, unchanged
from chronik.store import PutStatus, Store, Stored, StoredInput
from chronik.stories.embedding import Embedder, ahead, features_backend, get_embedder
from chronik.stories.engine import StoryEngine
from chronik.stories.features import embed_text, story_title
from chronik.stories.known_entities import StoredIds
from chronik.stories.stored_features import with_vector

# The codes of an analysis or embedding backend that cannot load or run.
BACKEND_FAILURES = frozenset({Code.E170, Code.E180, Code.E181})


def named_targets(targets: object) -> list[str]:
    """The targets ``Chronik.ingest`` takes, each a path's text: E113 for anything else."""
    if isinstance(targets, str | Path):
        targets = [targets]  # not a string's characters, one path each
    kind = "a path, URL or '-', or an iterable of them"
    if isinstance(targets, bytes) or not isinstance(targets, Iterable):
        raise ChronikError(Code.E113, name="targets", value=targets, kind=kind)
    targets = list(targets)
    for n, target in enumerate(targets):
        if not isinstance(target, str | Path):
            raise ChronikError(Code.E113, name=f"targets[{n}]", value=target, kind=kind)
    return [str(target) for target in targets]


def dated(items: Iterable[Item], when: datetime | None) -> Iterator[Item]:
    """The items, each document that gives no publication time (or a placeholder's) dated
    ``when`` unless it dates itself in analysis (a page's own date)."""
    for item in items:
        if when and isinstance(item, Document) and _undated(item):
            item = replace(item, assumed_published=when)
        yield item


def _undated(document: Document) -> bool:
    return document.published is None or placeholder_time(document.published)


def ingest_with(
    work: Workspace,
    executor: Executor,
    items: Iterable[Item],
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """The body of ``Chronik.ingest_documents``: analysed in ``executor``, stored here."""
    tick = _ticker(report, progress)
    repeats = _Repeats()
    # The story engine's embeddings of the articles to come are made on other cores while
    # these are analysed (one batch ahead: only read, not analysed).
    changed = repeats.held_back(_changed(work, items, report, tick))
    coming = ahead(_embedder(work.options), changed, _story_text, depth=1)
    for document, outcome in executor.analyse(coming):
        failure = None
        try:
            with work.write_lock, _whole():
                _ingest_analysed(work, document, outcome, report)
                # Each input its own transaction, committed within the lock: none stays
                # open while the next article is analysed (a minute for a long one, during
                # which every other writer had waited or failed).
                work.commit()
        except InputError as exc:
            report.errors.append(str(exc))
            failure = exc
        tick(document.origin)
        for origin in repeats.of(document):
            _count_repeat(report, failure, origin)
            tick(origin)


def _embedder(options: Options) -> Embedder | None:
    """The story engine's embedder, or None where it cannot be made: the engine then
    reports that (E170) for the first article that needs it, as it did before ingest
    embedded ahead; a batch with nothing new needs none."""
    try:
        return get_embedder(options.embedding_backend)
    except ChronikError:
        return None


def _story_text(changed: tuple[Document, Article]) -> str:
    article = changed[1]  # analysis leaves title and text as they are
    return embed_text(article.title, article.text)


def _changed(
    work: Workspace, items: Iterable[Item], report: IngestReport, tick: Callable[[str], None]
) -> Iterator[tuple[Document, Article]]:
    """The articles to analyse: bad input and unchanged articles are counted here."""
    # Imported here: the page extractor is half a second that commands reading the store
    # never need (see check_analysis).
    from chronik.analysis.structure import build_article

    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            if item.unfetched:
                report.unfetched.append(item.unfetched)
            article = build_article(item)
            # Nothing stored, nothing unchanged: a broken date then creates no store.
            store = work.store if work.has_store() else None
            known = store.lookup(article.id) if store is not None else None
            same = store is not None and unchanged(store, known, article, item)
            if not same:  # one stored before the check stays as it is
                check_published(article.published, item.origin)
        except InputError as exc:
            report.errors.append(str(exc))
            tick(exc.where or "")
            continue
        if same:
            report.unchanged += 1
            report.kept_time += _kept_time(known, article, item)
            tick(item.origin)
            continue
        yield item, article


def _kept_time(known: Stored | None, article: Article, document: Document) -> bool:
    """Whether an unchanged input takes its time from the one given to ingest, which its
    stored article (or the stored copy of its text) does not have."""
    given = document.assumed_published
    if given is None or article.published != given:  # it dates itself
        return False
    return known is None or known.published != article.published


def _ingest_analysed(
    work: Workspace, document: Document, outcome: Outcome, report: IngestReport
) -> None:
    if isinstance(outcome, InputError):
        raise outcome.at(document.origin)
    store = work.store
    if store.begin_write():
        # Another process wrote since this one last did: its entities and stories must
        # be known here, or this process would add a second "Donald Trump".
        work.forget()
    # Checked again: with parallel analysis a duplicate later in the same batch is
    # analysed before the first copy is stored; another process may have stored it too.
    known = store.lookup(outcome.id)
    if unchanged(store, known, outcome, document):
        report.unchanged += 1
        return
    if known and older_revision(outcome, document, known):
        # Kept, so that reading it again changes nothing; the article stays as it is.
        store.keep_version(outcome, document, outcome.published or datetime.now(UTC))
        report.unchanged += 1
        return
    merged = work.known_entities().link(outcome)
    seen = outcome.published or datetime.now(UTC)
    for gone, kept in merged.items():  # two stored entities the article proved one
        store.merge_entities(gone, kept, seen)
    story_id = known.story_id if known else None
    status = store_article(store, work.engine(), outcome, document, seen, story_id)
    if status is PutStatus.REVISED:
        report.revised += 1
    elif status is PutStatus.UNCHANGED:  # another process stored it since the check
        report.unchanged += 1
    else:
        report.inserted += 1


def store_article(
    store: Store,
    engine: StoryEngine,
    article: Article,
    document: Document,
    seen: datetime,
    story_id: str | None,
) -> PutStatus:
    """Store an analysed article in its story: a revision (``story_id`` its story's) where
    it was, a new one where the engine puts it, with the merges and splits that makes."""
    if story_id is not None:  # a revision: it stays where it is
        old = store.article(article.id)
        article.story_id = story_id
        status = store.put_article(article, document, seen, b"")
        store.refresh_story(story_id, None)
        if old is not None:
            _retitle_revised(store, engine, story_id, old, article)
        return status
    assignment = engine.add(article, seen)
    article.story_id = assignment.story_id
    if assignment.is_new:
        store.log_story(assignment.story_id, "created", article.id, seen)
    for absorbed in assignment.merged:
        store.merge_stories(absorbed, assignment.story_id, seen)
    for story_id, new_id, article_ids in assignment.split:
        # The engine found separate events in a grown story: split as by hand.
        store.split_story(story_id, article_ids, new_id, engine.title(new_id), seen)
        store.refresh_story(story_id, engine.title(story_id))
    status = store.put_article(article, document, seen, assignment.features, assignment.reason)
    store.refresh_story(assignment.story_id, engine.title(assignment.story_id))
    _store_late_vectors(store, engine)
    return status


def _store_late_vectors(store: Store, engine: StoryEngine) -> None:
    backend = features_backend(engine.embedder)
    for member, vector in engine.late_vectors():
        late = with_vector(store.features(member), vector, backend)
        if late is not None:
            store.set_features(member, late)


def _retitle_revised(
    store: Store, engine: StoryEngine, story_id: str, old: Article, new: Article
) -> None:
    """A revision of the article whose headline titles its story retitles the story:
    the engine knows which member that is; for a story outside its window, the stored
    title is compared with the old headline."""
    title = story_title(new.title, new.text)
    titling = engine.titled_by(story_id)
    if titling is None:
        store.retitle_story(story_id, story_title(old.title, old.text), title)
    elif titling == new.id:
        store.refresh_story(story_id, title)
    engine.retitle(story_id, new.id, title)


def reanalyse(work: Workspace, report: IngestReport, progress: Progress | None) -> None:
    """The body of ``Chronik.reanalyze``, with the entities it links held in ``work``."""
    tick = _ticker(report, progress)
    # Linked again from nothing, in stored order, as a fresh ingest links them: the stored
    # entities may hold splits that an older Chronik made. Each entity then takes back the
    # stored id its mentions had, so that ids (in links, bookmarks, other systems) survive
    # a reanalysis; a split mended keeps the id of the part met first.
    work.link_afresh()
    keep = StoredIds(work.store.mention_entities(), set(work.store.entity_merges().values()))
    with closing(open_executor(work.options)) as executor:
        for (stored, origin), outcome in executor.analyse(_stored(work.store, report, tick)):
            if isinstance(outcome, InputError):
                report.errors.append(str(outcome.at(origin)))
            else:
                with _whole():
                    _replace_analysis(work, stored, outcome, keep, report)
                    work.store.commit()
            tick(origin)
    work.store.commit()
    # The index knows the entities by their fresh ids; the store by the ids kept.
    work.forget(engine=False)


def _replace_analysis(
    work: Workspace, stored: StoredInput, outcome: Article, keep: StoredIds, report: IngestReport
) -> None:
    outcome.id = stored.article_id
    work.known_entities().link(outcome)
    keep.restore(outcome)
    if work.store.replace_analysis(outcome, stored.revision):
        report.revised += 1
    else:
        report.unchanged += 1


def _stored(
    store: Store, report: IngestReport, tick: Callable[[str], None]
) -> Iterator[tuple[tuple[StoredInput, str], Article]]:
    from chronik.analysis.structure import build_article  # as in _changed

    for stored in store.stored_inputs():
        try:
            document = reread(stored.format, stored.payload, stored.origin, stored.meta)
            # The payload goes to analysis once, in the document; the key need not carry it.
            yield (replace(stored, payload=b""), stored.origin), build_article(document)
        except InputError as exc:
            report.errors.append(str(exc))
            tick(stored.origin)


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
