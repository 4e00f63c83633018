"""What ``Chronik``'s reads share: a story by an id it may have had, a search's checked
query, and the stored neighbourhood of an article for related reading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from chronik.arguments import checked_page, checked_text, parse_day, utf8_text
from chronik.errors import ChronikError, Code
from chronik.model import (
    MAX_QUERY_WORDS,
    Article,
    ArticleQuery,
    Entity,
    Reason,
    Story,
    query_clauses,
    query_words,
    shifted,
)
from chronik.options import Options
from chronik.store import Store
from chronik.stories.embedding import features_backend, get_embedder
from chronik.stories.related import Neighbourhood
from chronik.stories.stored_features import decode_features
from chronik.stories.timeline import in_timeline_order

_RELATED_POOL = 3000


def found_story(store: Store, story_id: str, articles: bool) -> Story:
    """The story, or the one a merged story went into; E101 for neither."""
    story = store.story(story_id, articles)
    if story is None:
        survivor = _merged_into(store, story_id)
        story = store.story(survivor, articles) if survivor else None
    if story is None:
        raise ChronikError(Code.E101, id=story_id)
    return story


def _merged_into(store: Store, story_id: str) -> str | None:
    """The story a merged story's articles are in now, following later merges."""
    current, seen = story_id, {story_id}
    while True:
        merged = [c.other for c in store.story_history(current) if c.action == "merged"]
        if not merged or merged[-1] is None or merged[-1] in seen:
            return None
        current = merged[-1]
        if store.story(current) is not None:
            return current
        seen.add(current)


def named_reason(store: Store, reason: Reason) -> Reason:
    """The reason with its shared entity and event terms ("@id", "ev:meet:id") given as
    the store names their entities now ("Wladimir Putin", "meet: Wladimir Putin")."""

    def name(entity_id: str) -> str:
        entity = store.entity(entity_id)
        return entity.name if entity else entity_id

    def term(shared: str) -> str:
        if shared.startswith("@"):
            return name(shared[1:])
        if shared.startswith("ev:") and shared.count(":") >= 2:
            _, kind, actor = shared.split(":", 2)
            return f"{kind}: {name(actor)}"
        return shared

    pairs = [(t, term(t)) for t in reason.shared]
    # A lemma of a name shown beside it ("russland" of Russland, "kim" of Kim Jong Un)
    # says nothing more.
    words = {w.casefold() for t, n in pairs if t != n for w in n.split()}
    return replace(reason, shared=tuple(n for t, n in pairs if t != n or t not in words))


def in_order(story: Story) -> Story:
    # The store orders by publication time alone; undated articles need the timeline's
    # reading of their events and tense (the announcement before the report).
    return replace(story, articles=in_timeline_order(story.articles))


def article_query(
    entity_named: Callable[[str], Entity],
    text: str,
    entity: str | None,
    since: date | str | None,
    until: date | str | None,
    publisher: str | None,
    language: str | None,
    limit: int,
    offset: int,
) -> ArticleQuery:
    """The query of ``Chronik.search``, checked as it documents."""
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
    entity_id = entity_named(wanted).id if wanted else None
    return ArticleQuery(words, entity_id, *days, publisher, language, limit, offset)


def around(store: Store, options: Options, article: Article) -> Neighbourhood:
    """Stored articles within the story window around ``article`` (its neighbourhood),
    with their engine features."""
    when = article.published or store.latest() or datetime.now(UTC)
    span = timedelta(days=options.story_window_days)
    found: Neighbourhood = []
    backend = features_backend(get_embedder(options.embedding_backend))
    window = store.window(shifted(when, -span), analysed=False, until=shifted(when, span))
    for other, _, features in window:
        if len(found) >= _RELATED_POOL:
            break
        stored = decode_features(features, other, backend)
        if stored is None:  # profiled from its analysis
            other = store.article(other.id) or other
        found.append((other, stored))
    return found
