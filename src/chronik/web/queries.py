"""What the pages and API routes need beyond a plain call of the Python API: the shaping of
what ``chronik.Chronik`` returns for a page (a time axis, counts per day, who is cited).
Like the routes, it reads Chronik only through its Python API; no analysis happens here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from chronik.analysis.attribution import unresolved_source
from chronik.analysis.sentences import run_on
from chronik.analysis.timex import day_start
from chronik.app import Chronik, IngestReport, parse_day
from chronik.errors import ChronikError
from chronik.model import Article, ArticleQuery, Entity, Event, Story, StoryChange, shifted
from chronik.stories.developments import StoryEvent, event_rows, story_events
from chronik.stories.features import story_title
from chronik.stories.figures import figure_changes
from chronik.stories.timeline import build_timeline

# Articles within this span before the newest one count as recent growth.
RECENT = timedelta(hours=48)
# What an article adds, shown on the story page: its first new sentences.
NEW_SENTENCES = 3
# The front page's charts show at most this many days.
CHART_DAYS = 21


# --- front page ---------------------------------------------------------------------------


@dataclass(slots=True)
class EntityCount:
    id: str | None
    name: str
    type: str
    count: int
    labels: dict[str, str] = field(default_factory=dict)  # the entity's, by language


@dataclass(slots=True)
class StoryCard:
    story: Story
    recent: int
    publishers: list[str]
    top_entities: list[EntityCount]
    days: list[tuple[date, int]]


def front_page(chronik: Chronik, limit: int = 30) -> list[StoryCard]:
    """Current stories, those that grew most in the last two days first."""
    stories = chronik.stories(limit=max(limit * 3, 60))
    # The newest publication, not the newest ingest: an undated article ingested today would
    # make every dated story look two days old.
    newest = max((a.published for s in stories for a in s.articles if a.published), default=None)
    cards = [_card(s, newest) for s in stories]
    cards.sort(key=lambda c: (c.recent, c.story.size, _ts(c.story.last_seen)), reverse=True)
    return cards[:limit]


def _ts(when: datetime | None) -> float:
    return when.timestamp() if when else 0.0


def _card(story: Story, newest: datetime | None) -> StoryCard:
    recent = sum(
        1 for a in story.articles if newest and a.published and newest - a.published <= RECENT
    )
    return StoryCard(
        story=story,
        recent=recent,
        publishers=publishers(story.articles),
        top_entities=top_entities(story.articles),
        days=per_day(a.published for a in story.articles),
    )


def publishers(articles: Iterable[Article]) -> list[str]:
    counts = Counter(a.publisher for a in articles if a.publisher)
    return [name for name, _ in counts.most_common()]


def top_entities(articles: Iterable[Article], limit: int = 5) -> list[EntityCount]:
    """The entities mentioned most often; unlinked mentions count by their text. A name run
    together from two words ("BrandIran", from a live blog's headlines) is left out: a
    summary of the story is no place for it (its entity page still is)."""
    known: dict[str, Entity] = {}
    counts: Counter[tuple[str | None, str, str]] = Counter()
    for article in articles:
        known.update({e.id: e for e in article.entities})
        for mention in article.mentions:
            entity = known.get(mention.entity_id) if mention.entity_id else None
            name = entity.name if entity else mention.text
            if not run_on(name):
                counts[(mention.entity_id, name, entity.type if entity else mention.type)] += 1
    return [
        EntityCount(i, n, t, c, known[i].labels if i in known else {})
        for (i, n, t), c in counts.most_common(limit)
    ]


def per_day(times: Iterable[datetime | None], days: int = CHART_DAYS) -> list[tuple[date, int]]:
    """Counts per calendar day (UTC) from the first to the last, at most ``days`` days."""
    counts = Counter(t.astimezone(UTC).date() for t in times if t)
    if not counts:
        return []
    last = max(counts)
    first = max(min(counts), shifted(last, -timedelta(days=days - 1)))
    span = (last - first).days + 1
    return [(first + timedelta(d), counts[first + timedelta(d)]) for d in range(span)]


# --- story page ---------------------------------------------------------------------------


@dataclass(slots=True)
class EntryView:
    """One point on a story's time axis: an article, or an event reported in one."""

    when: datetime | None
    article: Article
    event: Event | None = None
    new_entities: list[str] = field(default_factory=list)
    new_sentences: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "event" if self.event else "article"


@dataclass(slots=True)
class ChangeView:
    """What a later article changed about an event: its place or time, or its status."""

    kind: str  # place, time, confirmed, denied; dead, injured (counts, of no event)
    event_type: str
    actors: list[str]
    before: list[str]  # places, times, or statuses (modalities) for confirmed and denied
    after: list[str]
    article: Article


# The story is loaded once per request; these work on it rather than asking Chronik to load
# it again by id (``Chronik.timeline`` and ``Chronik.developments`` are the same functions).


def timeline(story: Story) -> list[EntryView]:
    """Articles with what each adds to the earlier ones, and their events, on one axis."""
    entries: list[EntryView] = []
    seen_entities: set[str] = set()
    by_id = {a.id: a for a in story.articles}
    for entry in build_timeline(story.articles):
        article = by_id[entry.article_id]
        when = entry.when or article.published
        # A name run together from a live blog's lines is no news, as in top_entities.
        names = [e.name for e in article.entities if e.id not in seen_entities]
        names = [name for name in names if not run_on(name)]
        seen_entities.update(e.id for e in article.entities)
        new = entry.new_sentences[:NEW_SENTENCES]  # reporting only: never the headline
        entries.append(EntryView(when, article, None, names, new))
        entries.extend(EntryView(day_start(e.time) or when, article, e) for e in article.events)
    return entries


@dataclass(slots=True)
class AxisPoint:
    """One mark on the axis: the entries of one kind that fall on the same spot."""

    x: float
    entries: list[EntryView]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


def axis(
    entries: Sequence[EntryView], width: float = 1000, margin: float = 24, mark: float = 20
) -> tuple[list[AxisPoint], list[tuple[float, datetime]]]:
    """Positions on a horizontal time axis ``width`` wide, and ticks at the ends. Entries of
    one kind less than ``mark`` apart share one mark: a day's ten articles drawn one over
    another looked like one."""
    dated = [e for e in entries if e.when]
    if not dated:
        return [], []
    first = min(e.when for e in dated if e.when)
    last = max(e.when for e in dated if e.when)
    span = (last - first).total_seconds() or 1.0

    def x(when: datetime) -> float:
        return round(margin + (width - 2 * margin) * (when - first).total_seconds() / span, 1)

    points: list[AxisPoint] = []
    for kind in ("article", "event"):
        placed = [(x(e.when), e) for e in dated if e.when and e.kind == kind]
        placed.sort(key=lambda item: item[0])
        points.extend(_marks(placed, mark))
    ticks = [(x(first), first)] + ([(x(last), last)] if last != first else [])
    return points, ticks


def _marks(placed: list[tuple[float, EntryView]], mark: float) -> list[AxisPoint]:
    groups: list[list[tuple[float, EntryView]]] = []
    for item in placed:
        if groups and item[0] - groups[-1][0][0] < mark:
            groups[-1].append(item)
        else:
            groups.append([item])
    return [AxisPoint(round(sum(x for x, _ in g) / len(g), 1), [e for _, e in g]) for g in groups]


def events(story: Story) -> list[StoryEvent]:
    """The story's events with their histories, as ``Chronik.developments`` gives them."""
    return story_events(story.articles)


def main_events(events: Sequence[StoryEvent], limit: int = 8) -> list[dict[str, Any]]:
    """The story's events that several reports give, most reported first, as the export's
    rows: what happened to whom, its status, when and where, and who says so."""
    given = [e for e in events if e.num_reports > 1 and e.actor_names]
    return event_rows(sorted(given, key=lambda e: -e.num_reports)[:limit])


def changes(story: Story, events: Sequence[StoryEvent]) -> list[ChangeView]:
    """Where later reports of an event changed its place or time, confirmed or denied it;
    once each, though two events of the story may say the same of one article."""
    articles = {a.id: a for a in story.articles}
    found: dict[tuple[str | tuple[str, ...], ...], ChangeView] = {}
    for event in events:
        for change in event.changes:
            if change.article_id not in articles:
                continue
            said = (tuple(event.actor_names), tuple(change.before), tuple(change.after))
            key = (change.kind, event.type, *said, change.article_id)
            found.setdefault(
                key,
                ChangeView(
                    change.kind,
                    event.type,
                    event.actor_names,
                    change.before,
                    change.after,
                    articles[change.article_id],
                ),
            )
    counts = [
        ChangeView(c.kind, "casualties", [], c.before, c.after, articles[c.article_id])
        for c in figure_changes(story.articles)
    ]
    return list(found.values()) + counts


def entity_labels(articles: Iterable[Article]) -> dict[str, dict[str, str]]:
    """The labels of the articles' entities by language, keyed by each entity's name."""
    return {e.name: e.labels for a in articles for e in a.entities if len(e.labels) > 1}


def history_links(
    chronik: Chronik, story: Story, history: Iterable[StoryChange]
) -> dict[str, tuple[str, str]]:
    """What each change's ``other`` links to, as a path and a label: the article that
    started the story (it may have moved on since); the first article of a story it absorbed
    (which has no page: its link led back here); another story by its title. Where there
    is nothing to link to (a story split off and merged back), none."""
    found: dict[str, tuple[str, str]] = {}
    for change in history:
        other = change.other or ""
        first = other if change.action == "created" else None
        if change.action == "absorbed":
            started = chronik.story_history(other)
            first = next((c.other for c in started if c.action == "created"), None)
        with suppress(ChronikError):  # an article revised away, a story merged here since
            if first:
                article = chronik.article(first)
                title = story_title(article.title, article.text)
                found[other] = (f"/article/{quote(first, safe='')}", title)
            elif other and change.action != "absorbed":
                linked = chronik.story_summary(other)
                if linked.id != story.id:
                    found[other] = (f"/story/{quote(linked.id, safe='')}", linked.title)
    return found


def attributions_by_source(articles: Iterable[Article]) -> list[tuple[str, int, list[str]]]:
    """Who is cited, how often, and with which kinds of claim: a source linked to an entity
    counts under the entity's name ("Trump", "US-Präsident Trump" and "Donald Trump" once),
    and a source of several parties under each ("Russland und Nordkorea" dementieren)."""
    counts: Counter[str] = Counter()
    kinds: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for article in articles:
        known = {e.id: e.name for e in article.entities}
        for attribution in article.attributions:
            if not attribution.entity_ids and unresolved_source(attribution.source):
                continue
            linked = [i for i in dict.fromkeys(attribution.entity_ids) if i in known]
            parties = [(i, known[i]) for i in linked] or [
                (attribution.source.casefold(), attribution.source)
            ]
            for key, name in parties:
                names.setdefault(key, name)
                counts[key] += 1
                kinds.setdefault(key, set()).add(attribution.kind)
    return [(names[k], n, sorted(kinds[k])) for k, n in counts.most_common()]


def related_stories(chronik: Chronik, story: Story, limit: int = 5) -> list[Story]:
    return [other for other, _ in chronik.related_stories(story.id, limit)]


# --- article page -------------------------------------------------------------------------


def related_articles(chronik: Chronik, article: Article, limit: int = 8) -> list[Article]:
    return [other for other, _ in chronik.related_articles(article.id, limit)]


# --- entities -----------------------------------------------------------------------------


def mentions_over_time(
    articles: Iterable[Article], entity_id: str
) -> tuple[str, list[tuple[date, int]]]:
    """The entity's mentions per day, or per week (each bar its Monday) where the articles
    shown span more than 90 days: all of them, not their last three months."""
    times = [a.published for a in articles for m in a.mentions if m.entity_id == entity_id]
    days = [t.astimezone(UTC).date() for t in times if t]
    if not days or (max(days) - min(days)).days < 90:
        return "day", per_day(times, days=90)
    weeks = Counter(d - timedelta(days=d.weekday()) for d in days)
    first, last = min(weeks), max(weeks)
    span = (last - first).days // 7 + 1
    return "week", [
        (first + timedelta(weeks=w), weeks[first + timedelta(weeks=w)]) for w in range(span)
    ]


# --- search -------------------------------------------------------------------------------


def search_query(
    text: str,
    entity_id: str,
    since: date | None,
    until: date | None,
    publisher: str,
    language: str,
    limit: int = 50,
    offset: int = 0,
) -> ArticleQuery:
    """A query from a form's or URL's fields, where an empty field is no filter."""
    fields = (entity_id, publisher, language)
    entity, source, code = (value.strip() or None for value in fields)
    return ArticleQuery(text.strip(), entity, since, until, source, code, limit, offset)


def day(value: str) -> date | None:
    """A form's or URL's day as every interface reads it (:func:`chronik.app.parse_day`);
    an empty field is none."""
    return parse_day(value) if value.strip() else None


def search(chronik: Chronik, query: ArticleQuery) -> list[Article]:
    """The search form's query, run by :meth:`Chronik.search`."""
    return chronik.search(
        query.text,
        entity_id=query.entity_id,
        since=query.since,
        until=query.until,
        publisher=query.publisher,
        language=query.language,
        limit=query.limit,
        offset=query.offset,
    )


# --- writing ------------------------------------------------------------------------------


def reanalyze(chronik: Chronik) -> IngestReport:
    return chronik.reanalyze()
