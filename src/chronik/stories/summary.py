"""A story as every interface shows it: the current stories ranked by their growth, and one
story's report (its timeline with what each article adds, its events, what later reports
changed, who is cited). Pure functions over a loaded ``Story``: ``Chronik.current_stories``
and ``Chronik.story_report`` load the stories, ``chronik story``, the REST API and the web
pages show what these give, so that they agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from chronik import arguments
from chronik.analysis.attribution_words import PREPOSITIONS, unresolved_source
from chronik.analysis.german import ARTICLES
from chronik.analysis.sentences import run_on
from chronik.analysis.timex_values import day_start
from chronik.model import Article, Attribution, Entity, Event, Story, StoryChange
from chronik.stories.developments import Change, StoryEvent, event_rows, story_events
from chronik.stories.features import lemma
from chronik.stories.figures import figure_changes
from chronik.stories.timeline import TimelineEntry, build_timeline

# Articles within this span before the newest one count as a story's recent growth.
RECENT = timedelta(hours=48)


@dataclass(slots=True)
class EntityCount:
    id: str | None
    name: str
    type: str
    count: int
    labels: dict[str, str] = field(default_factory=dict)  # the entity's, by language


@dataclass(slots=True)
class CurrentStory:
    """A story among the current ones: how many of its articles are recent, who published
    them, whom they name most."""

    story: Story
    recent: int
    publishers: list[str]
    top_entities: list[EntityCount]


def current_stories(stories: Sequence[Story], limit: int) -> list[CurrentStory]:
    """The stories that grew most in the last two days first, then the larger, then the
    more recently active."""
    # The newest publication, not the newest ingest: an undated article ingested today would
    # make every dated story look two days old.
    newest = max((a.published for s in stories for a in s.articles if a.published), default=None)
    found = [_current(s, newest) for s in stories]
    found.sort(key=lambda c: (c.recent, c.story.size, _ts(c.story.last_seen)), reverse=True)
    return found[:limit]


def _ts(when: datetime | None) -> float:
    return when.timestamp() if when else 0.0


def _current(story: Story, newest: datetime | None) -> CurrentStory:
    recent = sum(
        1 for a in story.articles if newest and a.published and newest - a.published <= RECENT
    )
    return CurrentStory(story, recent, publishers(story.articles), top_entities(story.articles))


def publishers(articles: Iterable[Article]) -> list[str]:
    """The publishers of the articles, the most frequent first."""
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


# How many of the sentences an article adds a timeline shows at first (the CLI's `story`,
# the story page): a story's first article adds all of its own, which fill a screen.
SHOWN_SENTENCES = arguments.SHOWN_SENTENCES


@dataclass(slots=True)
class Entry:
    """One point of a story's timeline: an article with what it adds to the earlier ones,
    or an event reported in it."""

    when: datetime | None
    article: Article
    event: Event | None = None
    new_entities: list[str] = field(default_factory=list)
    new_sentences: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "event" if self.event else "article"


def timeline(story: Story, built: Sequence[TimelineEntry] | None = None) -> list[Entry]:
    """The articles with the sentences and entities each adds, and their events, in one
    order; ``built``: the story's :func:`build_timeline`, where it is at hand."""
    entries: list[Entry] = []
    seen_entities: set[str] = set()
    by_id = {a.id: a for a in story.articles}
    for entry in build_timeline(story.articles) if built is None else built:
        article = by_id[entry.article_id]
        when = entry.when or article.published
        # A name run together from a live blog's lines is no news, as in top_entities.
        names = [e.name for e in article.entities if e.id not in seen_entities]
        names = [name for name in names if not run_on(name)]
        seen_entities.update(e.id for e in article.entities)
        entries.append(Entry(when, article, None, names, list(entry.new_sentences)))
        entries.extend(Entry(day_start(e.time) or when, article, e) for e in article.events)
    return entries


@dataclass(slots=True)
class ReportedChange:
    """What a later article changed: an event's place or time, or its modality; or a count of
    dead or injured (``event_type`` "casualties", no actors)."""

    kind: str  # location, time, confirmed, denied; dead, injured
    event_type: str
    actors: list[str]
    before: list[str]  # locations, times, or modalities for confirmed and denied
    after: list[str]
    article: Article

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "event_type": self.event_type,
            "actors": self.actors,
            "before": self.before,
            "after": self.after,
            "article_id": self.article.id,
        }


def changes(
    story: Story, events: Sequence[StoryEvent], casualties: Sequence[Change] | None = None
) -> list[ReportedChange]:
    """Where later reports of an event changed its place or time, confirmed or denied it,
    once each, though two events of the story may say the same of one article; then the
    rising counts of dead and injured (``casualties``, else counted here)."""
    articles = {a.id: a for a in story.articles}
    found: dict[tuple[str | tuple[str, ...], ...], ReportedChange] = {}
    for event in events:
        for change in event.changes:
            if change.article_id not in articles:
                continue
            said = (tuple(event.actor_names), tuple(change.before), tuple(change.after))
            key = (change.kind, event.type, *said, change.article_id)
            article = articles[change.article_id]
            found.setdefault(
                key,
                ReportedChange(
                    change.kind, event.type, event.actor_names, change.before, change.after, article
                ),
            )
    counted = figure_changes(story.articles) if casualties is None else casualties
    counts = [
        ReportedChange(c.kind, "casualties", [], c.before, c.after, articles[c.article_id])
        for c in counted
        if c.article_id in articles
    ]
    return list(found.values()) + counts


def main_events(events: Sequence[StoryEvent], limit: int = 8) -> list[dict[str, Any]]:
    """The story's events that several articles give, those in the most articles first
    (then the most mentioned), as the export's rows: what happened to whom, its modality,
    when and where, and who says so. An event's reports are its mentions, several in one
    article: the page had said "83 Meldungen" of a story of 53 articles (review 124)."""
    given = [e for e in events if len(e.article_ids) > 1 and e.actor_names]
    ranked = sorted(given, key=lambda e: (-len(e.article_ids), -e.num_reports))
    return event_rows(ranked[:limit])


def attributions_by_source(articles: Iterable[Article]) -> list[tuple[str, int, list[str]]]:
    """Who is cited, how often, and with which kinds of claim: a source linked to an entity
    counts under the entity's name ("Trump", "US-Präsident Trump" and "Donald Trump" once),
    and a source of several parties under each ("Russland und Nordkorea" dementieren). An
    entity whose name a live blog ran together ("MoskauSelenskyj") names no source, as it
    names none of the story's entities: the source counts as written (review 175), and so
    joins a linked source as an unlinked one does (``_joins``)."""
    counts: Counter[str] = Counter()
    kinds: dict[str, set[str]] = {}
    spellings: dict[str, Counter[str]] = {}  # of one source, each spelling's statements
    entities: dict[str, str] = {}  # an entity's id by its name's key (source_key)
    surnames: dict[str, set[str]] = {}  # the ids of the persons of each surname
    for article in articles:
        known = {e.id: e for e in article.entities if not run_on(e.name)}
        for attribution in named_attributions(article):
            ids = [i for i in dict.fromkeys(attribution.entity_ids) if i in known]
            linked = [(i, known[i].name) for i in ids]
            entities.update((source_key(name), key) for key, name in linked)
            for i in ids:
                if known[i].type == "PER" and " " in known[i].name:
                    surnames.setdefault(known[i].name.split()[-1].casefold(), set()).add(i)
            for key, name in linked or [(source_key(attribution.source), attribution.source)]:
                spellings.setdefault(key, Counter())[name] += 1
                counts[key] += 1
                kinds.setdefault(key, set()).add(attribution.kind)
    for key, into in _joins(counts, spellings, entities, surnames).items():
        counts[into] += counts.pop(key)
        kinds[into] |= kinds.pop(key)
    return [(_spelling(spellings[k]), n, sorted(kinds[k])) for k, n in counts.most_common()]


# Articles of the singular alone: a noun's ending after them is its case's ("des
# Landesbetriebs", "dem Präsidenten"); after "die", "der" or "den" it may be the plural's
# ("die Behörden", "der Behörden", "den Behörden"), which names others.
_SINGULAR_CASES = frozenset({"des", "dem", "eines", "einem"})


def source_key(source: str) -> str:
    """An unlinked source by the words it names, in any case: a phrase that opens with an
    article counts by the lemmas of its articles and adjectives, and of its nouns after an
    article of the singular alone, so that "der Landesbetrieb" and "des Landesbetriebs",
    or "die zuständige Behörde" and "der zuständigen Behörde", are one source, and "die
    Behörden" stays another (review 164). A name without an article is kept as written,
    in lower case: simplemma has no lemma for most names, and a wrong one would join two
    people."""
    words = [word.strip(",.;:") for word in source.split()]
    if len(words) < 2 or words[0].casefold() not in ARTICLES:
        return source.casefold()
    keys, folding = [], False
    for word in words:
        if word.casefold() in ARTICLES:
            folding = word.casefold() in _SINGULAR_CASES
        noun = word[:1].isupper() and word.casefold() not in ARTICLES
        keys.append(word.casefold() if noun and not folding else lemma(word, "de"))
    return " ".join(keys)


def _spelling(spellings: Counter[str]) -> str:
    """Of the spellings of one source, the most used; of those used as often the
    shortest, as the nominative is ("der Landesbetrieb", not "des Landesbetriebs"; "die
    zuständige Behörde", not "der zuständigen Behörde"), else the first met."""
    order = {name: n for n, name in enumerate(spellings)}
    return max(spellings, key=lambda name: (spellings[name], -len(name), -order[name]))


def named_attributions(article: Article) -> list[Attribution]:
    """The article's attributions whose source names someone: linked to an entity, or a
    phrase that is no pronoun left unresolved ("er") or report of no one's ("Berichten
    zufolge"). The article page lists these, as the story's sources count them: it had
    listed "er" as a source (review 114)."""
    return [a for a in article.attributions if a.entity_ids or not unresolved_source(a.source)]


def _joins(
    counts: Counter[str],
    spellings: dict[str, Counter[str]],
    entities: dict[str, str],
    surnames: dict[str, set[str]],
) -> dict[str, str]:
    """Where each source left unlinked (keyed by its words) counts instead: under the entity
    of its name that another sentence linked ("Hamas" had been listed twice, with 8 and 2
    statements, review 114); a surname alone under the one person of the story who bears it
    ("Selenskyj" beside "Wolodymyr Selenskyj", review 251; of two persons, neither); a noun
    alone under the one source it heads ("Behörden" beside "der Behörden", "Wetterdienst"
    beside "Deutscher Wetterdienst")."""
    linked = set(entities.values())
    heads = _heads(spellings)
    joins = {}
    for key in (k for k in counts if k not in linked):
        if key in entities:
            joins[key] = entities[key]
        elif len(surnames.get(key, ())) == 1:
            joins[key] = next(iter(surnames[key]))
        elif len(heads.get(key, ())) == 1:
            joins[key] = next(iter(heads[key]))
    return joins


def _heads(spellings: dict[str, Counter[str]]) -> dict[str, set[str]]:
    """The sources each word heads, by the word in lower case: a phrase's last word, where
    no article or preposition stands between it and the phrase's start ("der Behörden",
    "Deutscher Wetterdienst", "Israels Armeechef"). After one, the last word is another's
    ("der Präsident der Ukraine", "Einer Analyse der Monopolkommission"). The word after an
    article alone heads that phrase only ("der Behörden", not "der örtlichen Behörden")."""
    heads: dict[str, set[str]] = {}
    bare: dict[str, set[str]] = {}
    for key, names in spellings.items():
        for words in map(str.split, names):
            inner = {w.casefold() for w in words[1:-1]}
            if len(words) > 1 and not inner & (ARTICLES | PREPOSITIONS):
                heads.setdefault(words[-1].casefold(), set()).add(key)
            if len(words) == 2 and words[0].casefold() in ARTICLES:
                bare.setdefault(words[-1].casefold(), set()).add(key)
    return heads | bare


@dataclass(slots=True)
class StoryReport:
    """One story as shown: ``story`` with its articles in timeline order; ``timeline``,
    each article with the sentences it adds; ``entries``, the articles (with the entities
    each adds) and their events on one axis; ``events`` with their histories; ``changes``,
    what later reports changed, once each, casualty counts last; ``casualties`` alone; and
    the story's ``history``."""

    story: Story
    timeline: list[TimelineEntry]
    entries: list[Entry]
    events: list[StoryEvent]
    changes: list[ReportedChange]
    casualties: list[Change]
    history: list[StoryChange]

    def new_entities(self) -> dict[str, list[str]]:
        """The entities each article names first, by the article's id."""
        return {e.article.id: e.new_entities for e in self.entries if e.event is None}


def story_report(story: Story, history: Iterable[StoryChange]) -> StoryReport:
    """The report of a loaded story: each part computed once from its articles."""
    built = build_timeline(story.articles)
    by_id = {a.id: a for a in story.articles}
    ordered = replace(story, articles=[by_id[e.article_id] for e in built])
    events = story_events(story.articles)
    casualties = figure_changes(story.articles)
    return StoryReport(
        story=ordered,
        timeline=built,
        entries=timeline(story, built),
        events=events,
        changes=changes(story, events, casualties),
        casualties=casualties,
        history=list(history),
    )
