"""Presentation of what ``chronik.Chronik`` returns, for the pages and API routes: a time
axis and its marks, counts per day or week, the links of a story's history, a search
form's fields. What a story is made of (its ranking, timeline, changes, who is cited)
comes from the Python API (``Chronik.current_stories``, ``Chronik.story_report``, built
in ``chronik.stories.summary``); no analysis and no story logic happen here.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import quote

from chronik.app import Chronik, IngestReport
from chronik.arguments import page_total, parse_day
from chronik.errors import ChronikError, Code
from chronik.model import Article, Reason, Story, StoryChange, shifted
from chronik.stories.summary import CurrentStory, Entry

# The front page's charts show at most this many days.
CHART_DAYS = 21


# --- front page ---------------------------------------------------------------------------


@dataclass(slots=True)
class StoryCard:
    """A current story on the front page, with its articles per day for the chart."""

    current: CurrentStory
    days: list[tuple[date, int]]


def front_page(chronik: Chronik, limit: int = 30) -> list[StoryCard]:
    """The current stories (:meth:`Chronik.current_stories`), each with its chart, which
    ends on the day of the page's newest article: each had ended on its story's own last
    day, so that a story quiet for a week showed its last article as the chart's last bar,
    as if it were of today, beside the others (review 124)."""
    current = chronik.current_stories(limit)
    times = [a.published for c in current for a in c.story.articles if a.published]
    until = max(times).astimezone(UTC).date() if times else None
    return [
        StoryCard(c, per_day((a.published for a in c.story.articles), until=until)) for c in current
    ]


def per_day(
    times: Iterable[datetime | None], days: int = CHART_DAYS, until: date | None = None
) -> list[tuple[date, int]]:
    """Counts per calendar day (UTC) from the first to the last, or to ``until``, at most
    ``days`` days; none where no time falls in those days: a story of two years before the
    front page's newest article had a chart of 21 empty days, captioned with days in which
    it has no article (review 164); its time span says when it ran."""
    counts = Counter(t.astimezone(UTC).date() for t in times if t)
    if not counts:
        return []
    last = max(until, max(counts)) if until else max(counts)
    first = max(min(counts), shifted(last, -timedelta(days=days - 1)))
    if max(counts) < first:
        return []
    span = (last - first).days + 1
    return [(first + timedelta(d), counts[first + timedelta(d)]) for d in range(span)]


def newest(cards: Sequence[StoryCard]) -> datetime | None:
    """The newest publication among the front page's stories: "neu in 48 Std." counts back
    from it, not from today (an archive read months later showed "6 neu in 48 Std." with
    nothing to say since when). It is the newest stored, unless 30 busier stories kept its
    story off the page."""
    return max(
        (a.published for c in cards for a in c.current.story.articles if a.published),
        default=None,
    )


# --- story page ---------------------------------------------------------------------------


# A long story's timeline shows its first and its latest articles; those between are folded.
TIMELINE_FOLD_ABOVE = 25
TIMELINE_HEAD = 5
TIMELINE_TAIL = 15


def folded(
    articles: list[Entry],
) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """The timeline's articles as the page shows them: the first, those folded between, and
    the latest. The January stream's largest story (44 articles) had run to 12,000 pixels,
    21,000 on a phone, before its events, changes and sources."""
    if len(articles) <= TIMELINE_FOLD_ABOVE:
        return articles, [], []
    return (
        articles[:TIMELINE_HEAD],
        articles[TIMELINE_HEAD:-TIMELINE_TAIL],
        articles[-TIMELINE_TAIL:],
    )


def events_by_article(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Each article's events, in timeline order, by the article's id: the template had
    looked them up among all entries once per article, which grew with the square of a
    story's size (a 440-article timeline took 0.9 s to render)."""
    found: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.event:
            found.setdefault(entry.article.id, []).append(entry)
    return found


def within_its_days(entries: list[Entry]) -> list[Entry]:
    """What the story's axis draws: its articles, and the events dated within their days.
    One agreement announced for June had stretched a January story's axis to June, its 44
    articles crowded into the first tenth and the axis's ends saying another span than the
    story's; such an event stays in the timeline, under the article that reports it."""
    days = [e.when.date() for e in entries if e.kind == "article" and e.when]
    if not days:
        return entries
    first, last = min(days), max(days)
    return [
        e for e in entries if e.kind == "article" or (e.when and first <= e.when.date() <= last)
    ]


@dataclass(slots=True)
class AxisPoint:
    """One mark on the axis: the entries of one kind that fall on the same spot."""

    x: float
    entries: list[Entry]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@dataclass(slots=True)
class Axis:
    """A story's time axis: its marks, the days at the ends of each of its parts (one part,
    or two where it skips a long pause), and the x where the first part ends and the second
    begins, with the days skipped."""

    points: list[AxisPoint]
    ticks: list[list[tuple[float, datetime]]]
    gap: tuple[float, float] | None = None
    skipped_days: int = 0


BREAK_SHARE = 0.2  # of the axis's width: the part after a pause it skips
BREAK_WIDTH = 40.0  # the room of the pause itself
BREAK_DAYS = 30  # a pause skipped is longer than this and than the rest of the span


def _pause(times: Iterable[datetime]) -> tuple[datetime, datetime] | None:
    """The longest pause between two dated entries, where it is longer than ``BREAK_DAYS``
    and than all the rest of the span: a story of 52 articles in August 2025 and one a year
    later had its marks crowded into two at the axis's left end (review 124)."""
    ordered = sorted(set(times))
    if len(ordered) < 2:
        return None
    gap, after = max((b - a, i) for i, (a, b) in enumerate(itertools.pairwise(ordered)))
    if gap <= timedelta(days=BREAK_DAYS) or gap * 2 <= ordered[-1] - ordered[0]:
        return None
    return ordered[after], ordered[after + 1]


def axis(
    entries: Sequence[Entry], width: float = 1000, margin: float = 24, mark: float = 20
) -> Axis:
    """Positions on a horizontal time axis ``width`` wide, and ticks at the ends. Entries of
    one kind less than ``mark`` apart share one mark: a day's ten articles drawn one over
    another looked like one. A pause longer than the rest of the span is skipped: the
    axis is broken there, its second part ``BREAK_SHARE`` of it."""
    dated = [e for e in entries if e.when]
    if not dated:
        return Axis([], [])
    times = [e.when for e in dated if e.when]
    first, last = min(times), max(times)
    pause = _pause(times)
    x, gap = _scale(first, last, pause, margin, width - 2 * margin)
    points: list[AxisPoint] = []
    for kind in ("article", "event"):
        placed = [(x(e.when), e) for e in dated if e.when and e.kind == kind]
        placed.sort(key=lambda item: item[0])
        points.extend(_marks(placed, mark))
    parts = [(first, last)] if pause is None else [(first, pause[0]), (pause[1], last)]
    ticks = [[(x(a), a)] + ([(x(b), b)] if b != a else []) for a, b in parts]
    skipped = (pause[1].date() - pause[0].date()).days - 1 if pause else 0
    return Axis(points, ticks, gap, skipped)


def _scale(
    first: datetime,
    last: datetime,
    pause: tuple[datetime, datetime] | None,
    margin: float,
    inner: float,
) -> tuple[Callable[[datetime], float], tuple[float, float] | None]:
    """The x of a time from ``first`` to ``last`` on an axis ``inner`` wide after ``margin``,
    and the room a ``pause`` skipped takes (None without one): before it the axis's first
    part, after it ``BREAK_SHARE`` of the width."""
    if pause is None:
        span = (last - first).total_seconds() or 1.0

        def straight(when: datetime) -> float:
            return round(margin + inner * (when - first).total_seconds() / span, 1)

        return straight, None
    before, after = pause
    right = inner * BREAK_SHARE
    left = inner - right - BREAK_WIDTH
    gap = (margin + left, margin + left + BREAK_WIDTH)

    def broken(when: datetime) -> float:
        if when <= before:
            part = (before - first).total_seconds()
            share = (when - first).total_seconds() / part if part else 0.0
            return round(margin + left * share, 1)
        part = (last - after).total_seconds()
        share = (when - after).total_seconds() / part if part else 1.0
        return round(gap[1] + right * share, 1)

    return broken, gap


def _marks(placed: list[tuple[float, Entry]], mark: float) -> list[AxisPoint]:
    groups: list[list[tuple[float, Entry]]] = []
    for item in placed:
        if groups and item[0] - groups[-1][0][0] < mark:
            groups[-1].append(item)
        else:
            groups.append([item])
    return [AxisPoint(round(sum(x for x, _ in g) / len(g), 1), [e for _, e in g]) for g in groups]


def entity_labels(articles: Iterable[Article]) -> dict[str, dict[str, str]]:
    """The labels of the articles' entities by language, keyed by each entity's name."""
    return {e.name: e.labels for a in articles for e in a.entities if len(e.labels) > 1}


def history_links(
    chronik: Chronik, story: Story, history: Iterable[StoryChange]
) -> dict[str, tuple[str, str, str]]:
    """What each change's ``other`` links to, as a path, a label and the label's language
    (titles stay as written: an English page marks them German, as its other lists do,
    so that a screen reader does not read them with English sounds): the article that
    started the story (it may have moved on since); the first article of a story it absorbed
    (which has no page: its link led back here); another story by its title. Where there
    is nothing to link to (a story split off and merged back), none."""
    found: dict[str, tuple[str, str, str]] = {}
    for change in history:
        other = change.other or ""
        first = other if change.action == "created" else None
        if change.action == "absorbed":
            started = chronik.story_history(other)
            first = next((c.other for c in started if c.action == "created"), None)
        with suppress(ChronikError):  # an article revised away, a story merged here since
            if first:
                article = chronik.article(first)
                path = f"/article/{quote(first, safe='')}"
                found[other] = (path, article.display_title, article.language or "de")
            elif other and change.action != "absorbed":
                linked = chronik.story_summary(other)
                if linked.id != story.id:
                    path = f"/story/{quote(linked.id, safe='')}"
                    found[other] = (path, linked.title, linked.language or "de")
    return found


def related_stories(chronik: Chronik, story: Story, limit: int = 5) -> list[Story]:
    return [other for other, _ in chronik.related_stories(story.id, limit)]


# --- article page -------------------------------------------------------------------------


def related_articles(chronik: Chronik, article: Article, limit: int = 8) -> list[Article]:
    return [other for other, _ in chronik.related_articles(article.id, limit)]


def nearest_story(chronik: Chronik, reason: Reason | None) -> Story | None:
    """The story an article that founded its own came nearest, as its id leads now (the one
    it was merged into); none for an article that joined a story, whose page names none."""
    if reason is None or reason.joined or reason.candidate is None:
        return None
    return chronik.story_summary(reason.candidate)


def reason(chronik: Chronik, article: Article) -> Reason | None:
    """Why the article is in its story; none for one placed before reasons were kept, whose
    page shows no such section rather than an error."""
    try:
        return chronik.reason(article.id)
    except ChronikError as exc:
        if exc.code is not Code.E104:
            raise
        return None


# --- entities -----------------------------------------------------------------------------


def mentions_over_time(times: list[datetime]) -> tuple[str, list[tuple[date, int]]]:
    """Mentions (each its publication time) per day, or per week (each bar its Monday)
    where they span more than 90 days: all of them, not their last three months."""
    days = [t.astimezone(UTC).date() for t in times]
    if not days or (max(days) - min(days)).days < 90:
        return "day", per_day(times, days=90)
    weeks = Counter(d - timedelta(days=d.weekday()) for d in days)
    first, last = min(weeks), max(weeks)
    span = (last - first).days // 7 + 1
    return "week", [
        (first + timedelta(weeks=w), weeks[first + timedelta(weeks=w)]) for w in range(span)
    ]


def first_and_last_day(times: list[datetime]) -> tuple[date, date] | None:
    """The days (UTC) of the first and the last of ``times``, which a chart by week names,
    not the Mondays of its first and last bars."""
    days = [t.astimezone(UTC).date() for t in times]
    return (min(days), max(days)) if days else None


# --- search -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchForm:
    """A search as a form or URL asks for it: ``entity`` is what was typed (an id, name or
    alias), which :meth:`Chronik.search` resolves; an empty field is no filter."""

    text: str = ""
    entity: str | None = None
    since: date | None = None
    until: date | None = None
    publisher: str | None = None
    language: str | None = None
    limit: int = 50
    offset: int = 0

    @property
    def filters(self) -> dict[str, Any]:
        """The filters as :meth:`Chronik.search` takes them, by keyword."""
        return {
            "entity": self.entity,
            "since": self.since,
            "until": self.until,
            "publisher": self.publisher,
            "language": self.language,
        }

    @property
    def empty(self) -> bool:
        """No words and no filter: a search form that was opened but not filled in."""
        filters = (self.entity, self.since, self.until, self.publisher, self.language)
        return not (self.text or any(filters))


def search_form(
    text: str,
    entity: str,
    since: date | None,
    until: date | None,
    publisher: str,
    language: str,
    limit: int = 50,
    offset: int = 0,
) -> SearchForm:
    """A search from a form's or URL's fields, where an empty field is no filter."""
    fields = (entity, publisher, language)
    wanted, publisher_name, code = (value.strip() or None for value in fields)
    return SearchForm(text.strip(), wanted, since, until, publisher_name, code, limit, offset)


def day(value: str) -> date | None:
    """A form's or URL's day as every interface reads it (:func:`chronik.arguments.parse_day`);
    an empty field is none."""
    return parse_day(value) if value.strip() else None


def search(chronik: Chronik, query: SearchForm) -> list[Article]:
    """The search form's query, run by :meth:`Chronik.search`."""
    return chronik.search(query.text, **query.filters, limit=query.limit, offset=query.offset)


def story_titles(chronik: Chronik, articles: Sequence[Article]) -> dict[str, str]:
    """The titles of the articles' stories by their ids, for the links to them: each hit's
    "zur Geschichte" had been one of 50 links of one text to as many stories (review 254)."""
    ids = dict.fromkeys(a.story_id for a in articles if a.story_id)
    return {story_id: chronik.story_summary(story_id).title for story_id in ids}


def search_total(chronik: Chronik, query: SearchForm, found: Sequence[Article]) -> int:
    """How many articles the search form's query finds on all pages together, ``found``
    being its page: counted by the store only where the page does not say."""
    count = partial(chronik.search_total, query.text, **query.filters)
    return page_total(len(found), query.limit, query.offset, count)


# --- writing ------------------------------------------------------------------------------


def reanalyze(chronik: Chronik) -> IngestReport:
    return chronik.reanalyze()
