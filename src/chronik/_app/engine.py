"""The story engine of a ``Chronik``, warmed from its store: the stored articles inside
the engine's window, the saved document frequencies, and the store to ask for more."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from chronik._app.corrections import unused_story_id
from chronik.model import Article, Reason, Story, shifted
from chronik.options import Options
from chronik.store import Store
from chronik.stories.engine import StoryEngine, WindowRow
from chronik.stories.features import Vocabulary
from chronik.stories.stored_features import parse_features, seen_at


def warmed_engine(store: Store, options: Options) -> StoryEngine:
    """A story engine that knows the stored articles inside its window."""
    engine = StoryEngine(options)
    engine.keep_late = True  # the vectors it makes for members go to the store
    # The saved frequencies: from the window's articles alone, IDF would depend on where
    # one run of ingest ended and the next began.
    documents, df = store.vocabulary()
    if documents:
        engine.vocabulary = Vocabulary(documents, Counter(df))
    else:  # none saved (a store from before): counted from the window, saved whole
        engine.vocabulary.stale = True

    def stored_title(story_id: str) -> str | None:
        story = store.story(story_id, articles=False)
        return story.title if story else None

    def stored_between(since: datetime, until: datetime) -> Iterator[WindowRow]:
        return store.window(since, until=until, undated=False)

    def unused_id(seed: str) -> str:
        return unused_story_id(store, seed)

    engine.warm(_window(store, options), learn=not documents, titles=stored_title)
    engine.recall = stored_between
    engine.unused_id = unused_id
    engine.stored_title = stored_title
    return engine


def compared(store: Store, options: Options, article: Article, story: Story) -> Reason:
    """The reason the engine would have given for the article against ``story`` alone: an
    engine that knows only the members the story holds now that the store took before the
    article decides on it, by the cascade of a real decision. Members stored after it are
    left out: they would judge the article against a story it never met."""
    engine = StoryEngine(options)
    documents, df = store.vocabulary()
    if documents:
        engine.vocabulary = Vocabulary(documents, Counter(df))
    before = store.stored_before(article.id, story.id)
    earlier = []
    for member in story.articles:
        if member.id in before:
            features = store.features(member.id)
            earlier.append((member, _seen(member, features), features))
    engine.warm(iter(earlier), learn=not documents)
    seen = _seen(article, store.features(article.id))
    unplaced = replace(article, story_id=None)
    reason = replace(engine.add(unplaced, seen).reason, story_id=story.id)
    if reason.candidate is not None:
        return reason
    # Compared with nothing: say why, of this story (the engine held none of it: no earlier
    # article).
    why = engine.why_not_compared(unplaced, seen, story.id) if earlier else None
    return replace(reason, not_compared=why or "no earlier article")


def _seen(article: Article, features: bytes) -> datetime:
    """The time the engine took the article: kept in its features, else its publication
    time, else now."""
    data = parse_features(features)
    return (seen_at(data) if data else None) or article.published or datetime.now(UTC)


def _window(store: Store, options: Options) -> Iterator[WindowRow]:
    """The stored articles inside the engine's window, by its two clocks (see
    StoryEngine._advance): the latest publication time for dated articles, the latest
    ingest time of an undated one for undated articles."""
    dated, undated = store.latest(dated=True), store.latest(dated=False)
    if dated is None and undated is None:
        return
    span = timedelta(days=options.story_window_days)
    # Not from a date ahead that a store kept before such dates were refused.
    dated = min(dated, datetime.now(UTC) + timedelta(days=1)) if dated else None
    since = shifted(dated, -span) if dated else datetime.max.replace(tzinfo=UTC)
    undated_since = shifted(undated, -span) if undated else datetime.max.replace(tzinfo=UTC)
    for article, seen, features in store.window(since, undated_since=undated_since):
        if article.published is None or dated is None or seen <= dated:
            yield article, seen, features
