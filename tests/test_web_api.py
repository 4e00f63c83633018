"""The web application and REST API through FastAPI's TestClient.

Two short German articles of our own (tests/fixtures_web/): the announcement of a visit
(with an editorial section) and the report of it. A small test-only analysis component
marks a few names, dates, an attribution and an event, so every part of the pages is
exercised whatever the real analysis components find.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shlex
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chronik import Chronik, Options
from chronik.analysis.gazetteer import read_data
from chronik.analysis.pipeline import component
from chronik.cli import cli
from chronik.errors import ChronikError, Code
from chronik.export import article_record
from chronik.ingest.readers import MEDIA_TYPES
from chronik.model import (
    Article,
    Attribution,
    Block,
    BlockKind,
    Entity,
    Event,
    Mention,
    Reason,
    Story,
    Timex,
    search_snippet,
)
from chronik.options import DEFAULT_PIPELINE
from chronik.store.sqlite import SQLiteStore
from chronik.stories import summary
from chronik.web import create_app, pages, queries, view
from chronik.web import server as server_module
from chronik.web.i18n import Translator, catalogue, from_accept_language, languages
from chronik.web.server import FeedWatcher
from files import MOVED_MEETING, write_jsonl

HERE = Path(__file__).resolve().parent / "fixtures_web"
TOKEN = "test-token-123"

_NAMES = {
    "Lena Hartmann": ("PER", "per:lena-hartmann"),
    "Hartmann": ("PER", "per:lena-hartmann"),
    "Neptun-Werft": ("ORG", "org:neptun-werft"),
    "IG Metall": ("ORG", "org:ig-metall"),
    "Rostock": ("LOC", "loc:rostock"),
    "Schwerin": ("LOC", "loc:schwerin"),
}
_DATES = {"am Freitag": "2024-05-10", "am Montag": "2024-05-06"}


@component("web_test_marks")
def _marks(article: Article, options: Options) -> None:
    """Test-only analysis: names, dates, one attribution and one visit event."""
    pattern = re.compile("|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True)))
    for m in pattern.finditer(article.text):
        kind, entity_id = _NAMES[m.group()]
        article.mentions.append(Mention(m.start(), m.end(), m.group(), kind, entity_id))
    names = {e: n for n, (_, e) in reversed(list(_NAMES.items()))}
    used = {m.entity_id for m in article.mentions}
    article.entities = [
        Entity(i, names[i], _NAMES[names[i]][0]) for i in sorted(used) if i is not None
    ]
    for text, value in _DATES.items():
        for m in re.finditer(re.escape(text), article.text):
            article.timexes.append(Timex(m.start(), m.end(), text, "DATE", value))
    for sentence in article.sentences:
        if " sagte" in sentence.text:
            source = "Hartmann" if "Hartmann sagte" in sentence.text else "Ein Sprecher"
            article.attributions.append(
                Attribution(sentence.start, sentence.end, sentence.text, source, "quote")
            )
    _visit(article)


def _visit(article: Article) -> None:
    for sentence in article.sentences:
        modality = (
            "planned"
            if "wird am Freitag" in sentence.text
            else "happened"
            if "Bei ihrem Besuch" in sentence.text
            else None
        )
        if modality:
            article.events.append(
                Event(
                    "visit",
                    "VISIT",
                    ["per:lena-hartmann"],
                    ["Lena Hartmann"],
                    modality,
                    sentence.text,
                    sentence.start,
                    sentence.end,
                    "Rostock",
                    "loc:rostock",
                    "2024-05-10",
                )
            )


def _options(tmp_path: Path, **changes: object) -> Options:
    base = Options(db=str(tmp_path / "web.db"), pipeline=("sentences", "web_test_marks"))
    return base.with_(feeds=(), **changes)


@dataclass
class Site:
    client: TestClient
    options: Options
    announcement: Article
    report: Article


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    options = _options(tmp_path, token=TOKEN)
    with Chronik(options=options) as app:
        # The report first: the timeline must order by publication, not by arrival.
        result = app.ingest([str(HERE / "bericht.html"), str(HERE / "ankuendigung.html")])
        assert result.inserted == 2, result.errors
        by_title = {a.title: a for a in app.articles()}
    announcement = next(a for t, a in by_title.items() if "besucht" in t)
    report = next(a for t, a in by_title.items() if "sichert" in t)
    with TestClient(create_app(options)) as client:
        yield Site(client, options, announcement, report)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- pages ---------------------------------------------------------------------------------


def test_front_page_shows_the_story_with_size_publishers_entities_and_chart(site: Site) -> None:
    page = site.client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    story_id = site.announcement.story_id
    assert story_id == site.report.story_id, "both articles belong to one story"
    assert '<a href="/" aria-current="page">' in page.text
    assert page.text.count("aria-current") == 1
    search = site.client.get("/search?q=Werft").text
    assert "<title>Werft · Suche" in search and '<a href="/search" aria-current="page">' in search
    assert f'href="/story/{story_id}"' in page.text
    text = _text(page.text)
    assert "2 Artikel" in text
    assert "Ostsee-Bote" in text and "Küstenkurier" in text
    assert 'href="/entity/per%3Alena-hartmann"' in page.text
    # Five days from the announcement to the report: five bars, two of them non-empty.
    chart = re.search(r"<svg role=\"img\".*?</svg>", page.text, re.S)
    assert chart is not None and chart.group().count("<rect") == 5
    # "neu in 48 Std." says what it counts back from: the newest article, not today
    newest = max(a.published for a in (site.announcement, site.report) if a.published)
    moment = re.escape(Translator("de").moment(newest))
    assert re.search(rf"Stand: neuester Artikel vom {moment} ?;", text)
    assert "„neu“ zählt die 48 Stunden davor." in text


def test_every_chart_of_the_front_page_ends_on_the_day_of_its_newest_article(
    tmp_path: Path,
) -> None:
    """A story quiet for a week had its last article as its chart's last bar, as if it were
    of today, beside stories of today (review 124)."""
    options = _options(tmp_path)
    items = [
        ("Hafen Kiel gesperrt", "Der Hafen von Kiel ist gesperrt.", "2025-05-01T08:00:00Z"),
        ("Dürre in Spanien", "Die Bauern in Andalusien klagen.", "2025-05-08T08:00:00Z"),
    ]
    with Chronik(options=options) as app:
        for n, (title, text, when) in enumerate(items):
            line = {"title": title, "text": text, "published": when}
            app.ingest_bytes(json.dumps(line | {"url": f"https://a.example/{n}"}).encode())
        assert len(app.stories()) == 2
    page = TestClient(create_app(options)).get("/").text
    labels = re.findall(r'<svg role="img" aria-label="([^"]*)"', page)
    assert sorted(labels) == [
        "Artikel pro Tag, 01.05.2025 – 08.05.2025: 1",
        "Artikel pro Tag, 08.05.2025: 1",
    ]


def test_story_page_shows_three_new_sentences_an_article_and_links_the_rest(site: Site) -> None:
    story = site.client.get(f"/api/stories/{site.announcement.story_id}").json()
    first = story["timeline"][0]
    assert len(first["new_sentences"]) > 4, "the fixture's first article adds all its own"
    page = site.client.get(f"/story/{story['id']}").text
    timeline = page[page.index('<ol class="timeline">') :]
    start = timeline.index('<li class="article">')
    entry = timeline[start : timeline.index('<li class="article">', start + 1)]
    assert entry.count('class="novel"') == 3 and first["new_sentences"][2] in entry
    left = len(first["new_sentences"]) - 3
    more = f'<a href="/article/{first["article_id"]}">… und {left} Sätze mehr im Artikel</a>'
    assert more in entry
    english = site.client.get(f"/story/{story['id']}?lang=en").text
    assert f"… {left} sentences more in the article" in english


def test_story_page_timeline_changes_entities_sources(site: Site) -> None:
    page = site.client.get(f"/story/{site.announcement.story_id}")
    assert page.status_code == 200
    timeline = page.text[page.text.index('<ol class="timeline">') :]
    first = timeline.index(f"/article/{site.announcement.id}")
    second = timeline.index(f"/article/{site.report.id}")
    assert first < second, "the announcement comes first"
    assert 'class="event"' in timeline and "geplant" in timeline and "geschehen" in timeline
    assert '<details class="events">' in timeline and "1 Ereignis</summary>" in timeline
    text = _text(page.text)
    assert "Bestätigt" in text, "planned, then happened: confirmed"
    changes = _text(page.text[page.text.index('id="h-changes"') :])
    assert '<a href="#h-story-events">Ereignisse der Geschichte</a>' in page.text, "contents"
    assert re.search(r"Bestätigt .*: geplant → dann geschehen", changes), (
        "in the page's language, the arrow a word to a screen reader"
    )
    # every badge of a change begins as the others do ("Mehr Tote", "Ort geändert")
    kinds = ("location", "time", "dead", "injured", "confirmed", "denied")
    badges = [Translator(code)(f"change_{kind}") for code in languages() for kind in kinds]
    assert all(badge[0].isupper() for badge in badges), badges
    assert "planned" not in changes and "meet(" not in changes
    events = _text(
        page.text[page.text.index('id="h-story-events"') : page.text.index('id="h-changes"')]
    )
    assert re.search(r"\(Lena Hartmann\) geschehen .* 2 Erwähnungen in 2 Artikeln", events)
    assert "Neu in diesem Artikel" in text and "Bürgschaft" in text
    assert "Ein Sprecher" in text and "Hartmann (1 Aussage: Zitat)" in text, "what it counts"
    assert "Verwandte Geschichten" in text
    assert page.text.count('class="dot-article"') == 2
    assert "Zeitraum: " in text, "dated articles: the story's time span"


def test_names_run_together_from_a_live_blog_are_not_news_of_a_timeline_entry() -> None:
    names = ("Moskau", "MoskauSelenskyj", "USA20:35", "Kaja Kallas")
    entities = [Entity(f"ent_{n}", name, "LOC") for n, name in enumerate(names)]
    when = datetime(2025, 8, 16, tzinfo=UTC)
    article = Article(id="a", title="Ticker", text="", published=when, entities=entities)
    entry = summary.timeline(Story("s", "Ticker", articles=[article]))[0]
    assert entry.new_entities == ["Moskau", "Kaja Kallas"]


def test_an_article_page_shows_run_together_headlines_apart() -> None:
    text = "Fähren fallen ausKiel meldet HochwasserNetanjahu spricht"
    start = text.index("Netanjahu")
    mention = Mention(start, start + 9, "Netanjahu", "PER", "ent_n")
    article = Article(id="a", title="", text=text, mentions=[mention])
    block = Block(BlockKind.PARAGRAPH, text, start=0, end=len(text))
    shown = view.readable(view.segments(article, block, view._spans(article)))
    assert "".join(s.text for s in shown) == (
        "Fähren fallen aus · Kiel meldet Hochwasser · Netanjahu spricht"
    )
    assert [s.kind for s in shown].count("entity") == 1


def test_a_story_s_summary_of_entities_leaves_out_names_run_together() -> None:
    text = "Kiel meldet BrandIran. Kiel und Iran."
    names = [("Kiel", 0), ("BrandIran", 12), ("Kiel", 23), ("Iran", 32)]
    mentions = [Mention(at, at + len(n), n, "LOC", f"ent_{n}") for n, at in names]
    entities = [Entity(f"ent_{n}", n, "LOC") for n in ("Kiel", "BrandIran", "Iran")]
    article = Article(id="a", title="", text=text, mentions=mentions, entities=entities)
    assert [e.name for e in summary.top_entities([article])] == ["Kiel", "Iran"]


def test_the_entities_page_comes_a_page_at_a_time(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "ENTITIES_PER_PAGE", 1)
    first = site.client.get("/entities").text
    assert 'rel="next" href="/entities?offset=1"' in first and 'rel="prev"' not in first
    second = site.client.get("/entities?type=LOC&offset=1").text
    assert 'rel="prev" href="/entities?type=LOC&amp;offset=0"' in second
    places = site.client.get("/api/entities?type=LOC").json()["total"]
    assert places >= 2 and f"Seite 2 von {places}" in _text(second)
    # Past the last page there are names, only not there (review 114: "Keine Treffer").
    past = site.client.get("/entities?type=LOC&offset=9999").text
    assert "Keine Treffer" not in past and "Auf dieser Seite ist nichts mehr" in _text(past)
    assert 'href="/entities?type=LOC&amp;offset=0"' in past


def test_every_api_list_says_its_total(site: Site) -> None:
    """A page of a list says how many the list has in all, as the search does: a client
    had to page to the end to learn it."""
    lists = ("articles?", "stories?", "entities?", "entities?type=PER&")
    whole = {path: site.client.get(f"/api/{path}limit=500").json() for path in lists}
    for path, answer in whole.items():
        key = path.split("?")[0]
        assert answer["total"] == len(answer[key]) > 0, path
        first = site.client.get(f"/api/{path}limit=1").json()
        assert len(first[key]) == 1 and first["total"] == answer["total"], path
    assert whole["entities?type=PER&"]["total"] < whole["entities?"]["total"]
    [story] = whole["stories?"]["stories"]
    of_story = site.client.get(f"/api/articles?story={story['id']}&limit=1").json()
    assert of_story["total"] == story["size"] == 2
    # An empty parameter, as a form sends it, is none (review 114: a 404 for story '').
    blank = site.client.get("/api/articles?story=&limit=1")
    assert blank.status_code == 200 and blank.json()["total"] == whole["articles?"]["total"]


def test_an_english_story_page_names_places_in_english(tmp_path: Path) -> None:
    options = _options(tmp_path, pipeline=DEFAULT_PIPELINE, embedding_backend="none")
    lines = [
        {
            "title": "Hartmann reist nach Wien",
            "text": "Lena Hartmann wird am Montag in Wien den Kanzler Olaf Brandt treffen.",
        },
        {
            "title": "Hartmann in Wien",
            "text": "Lena Hartmann hat in Wien den Kanzler Olaf Brandt getroffen.",
        },
    ]
    with Chronik(options=options) as app:
        for day, line in enumerate(lines, 14):
            app.ingest_bytes(json.dumps(line | {"published": f"2025-05-{day}T08:00:00Z"}).encode())
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        page = client.get(f"/story/{story.id}?lang=en").text
    events = _text(page[page.index('id="h-story-events"') : page.index('id="h-changes"')])
    assert "Vienna" in events and "Wien" not in events, "the events in the page's language"
    assert '<a class="title" href="/article/' in page and 'lang="de">Hartmann in Wien' in page


def test_a_one_day_story_names_its_day_once(tmp_path: Path) -> None:
    options = _options(tmp_path)
    line = {"title": "Hartmann besucht Rostock", "text": "Lena Hartmann reist an."}
    with Chronik(options=options) as app:
        app.ingest_bytes(json.dumps(line | {"published": "2025-05-14T08:00:00Z"}).encode())
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        text = _text(client.get(f"/story/{story.id}").text)
        front = client.get("/").text
    assert "Zeitraum: 14.05.2025 " in text and "14.05.2025 – 14.05.2025" not in text
    # the front page's chart of that one day too, in its caption and its spoken label
    assert "Artikel pro Tag, 14.05.2025</figcaption>" in front
    assert 'aria-label="Artikel pro Tag, 14.05.2025: 1"' in front


def test_articles_of_one_moment_share_one_mark_on_the_time_axis(tmp_path: Path) -> None:
    options = _options(tmp_path)
    text = "Lena Hartmann besucht die Werft in Rostock. Die Werft baut Fähren."
    with Chronik(options=options) as app:
        for hour, publisher in ((8, "Blatt"), (9, "Kurier"), (10, "Bote")):
            line = {"title": "Hartmann in Rostock", "text": text, "publisher": publisher}
            line["url"] = f"https://{publisher.lower()}.example/a"
            line["published"] = f"2025-05-14T{hour:02}:00:00Z"
            app.ingest_bytes(json.dumps(line).encode())
        later = {"title": "Hartmann in Rostock", "text": text, "url": "https://blatt.example/b"}
        app.ingest_bytes(json.dumps(later | {"published": "2025-05-20T08:00:00Z"}).encode())
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        page = client.get(f"/story/{story.id}").text
    assert story.size == 4
    assert page.count('class="dot-article"') == 2, "three articles of one morning, one mark"
    assert re.search(r'<text x="[\d.]+" y="39" class="dot-count">3</text>', page)
    assert "09:00 UTC: Hartmann in Rostock\n14.05.2025 10:00" in page, "all three in its title"


def test_the_time_axis_skips_a_pause_longer_than_the_rest_of_the_story() -> None:
    """A story of 52 articles in August 2025 and one a year later had its marks crowded
    into two at the left end of the axis (review 124): the axis is broken at the pause."""

    def entry(when: datetime) -> summary.Entry:
        return summary.Entry(when, Article(id=when.isoformat(), title="", text="", published=when))

    august = [datetime(2025, 8, day, 9, tzinfo=UTC) for day in (1, 5, 10)]
    drawn = queries.axis([entry(when) for when in august])
    assert drawn.gap is None and [len(part) for part in drawn.ticks] == [2]
    year_later = datetime(2026, 8, 10, 9, tzinfo=UTC)
    drawn = queries.axis([entry(when) for when in [*august, year_later]])
    assert drawn.gap is not None and drawn.skipped_days == 364
    assert [[day for _, day in part] for part in drawn.ticks] == [
        [august[0], august[-1]],
        [year_later],
    ]
    xs = [point.x for point in drawn.points]
    assert xs[0] == 24 and xs[-1] == 976, "the lone article at the far end"
    assert xs[2] == drawn.gap[0] and xs[2] > 700, "August has most of the axis"
    # a pause of under a month, or shorter than the rest, is drawn to scale
    spread = [datetime(2025, 8, 1, tzinfo=UTC), datetime(2025, 8, 2, tzinfo=UTC),
              datetime(2025, 8, 25, tzinfo=UTC)]  # fmt: skip
    assert queries.axis([entry(when) for when in spread]).gap is None


def test_all_stories_a_page_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = _options(tmp_path)
    with Chronik(options=options) as app:
        for text in (
            "Hafen Kiel gesperrt\n\nDer Hafen von Kiel ist gesperrt.",
            "Wahl in Lissabon\n\nPortugal wählt ein neues Parlament.",
            "Dürre in Spanien\n\nDie Bauern in Andalusien klagen über Trockenheit.",
        ):
            app.ingest_bytes(text.encode())
        titles = [s.title for s in app.stories()]
    assert len(titles) == 3
    monkeypatch.setattr(pages, "STORIES_PER_PAGE", 2)
    with TestClient(create_app(options)) as client:
        first = client.get("/stories").text
        second = client.get("/stories?offset=2").text
        beyond = client.get("/stories?offset=99999").text
        between = client.get("/stories?offset=1").text
        bad = client.get("/stories?offset=-1")
        # A page, not the API's JSON: the reader's language, the error's code.
        assert bad.status_code == 422 and "<main" in bad.text and "E270" in bad.text
        assert bad.headers["content-type"].startswith("text/html")
        assert "ungültigen Wert" in bad.text and "docs/web.md" not in bad.text, "for readers"
    assert all(t in first for t in titles[:2]) and titles[2] not in first
    assert 'href="/stories?offset=2"' in first and 'rel="prev"' not in first
    assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
    # how many, and which page, under the heading, not only at the page's foot (review 124)
    head = _text(first[first.index("<h1") : first.index("<ol")])
    assert head.endswith("3 Geschichten · Seite 1 von 2"), head
    # An offset typed by hand between pages: stories 2 and 3 come after page 1, as page 2.
    assert "Seite 2 von 2" in between and titles[0] not in between
    assert titles[2] in second and 'href="/stories?offset=0"' in second
    assert 'rel="next"' not in second
    # Past the last page: back to the first, not to another empty page before this one.
    assert 'href="/stories">Zur ersten Seite' in beyond and 'rel="prev"' not in beyond


def test_a_very_long_title_is_cut_in_lists_and_whole_on_its_story_page(tmp_path: Path) -> None:
    options = _options(tmp_path)
    title = "Sehr langer Titel " + "mit vielen Wörtern " * 60 + "am Ende"
    with Chronik(options=options) as app:
        app.ingest_bytes(json.dumps({"title": title, "text": "Ein kurzer Text."}).encode())
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        pages = [client.get(path).text for path in ("/", "/stories")]
        page = client.get(f"/story/{story.id}").text
    for listed in pages:  # cut at 200 characters, whole in the tooltip
        assert f'title="{title}"' in listed and f">{title}<" not in listed
        assert "Sehr langer Titel mit vielen Wörtern" in listed and "…</span>" in listed
    assert title in page and "am Ende</h1>" in page
    from chronik.web.pages import templates

    cut = templates.env.from_string(
        '{% from "macros.html" import short_title %}{{ short_title(t) }}'
    )
    assert "…" in cut.render(t="x" * 203) and "…" not in cut.render(t="x" * 200)


def test_an_article_titled_by_its_kicker_alone_is_shown_with_its_first_sentence(
    tmp_path: Path,
) -> None:
    options = _options(tmp_path)
    line = {"title": "Nahost:", "text": "Israel und Libanon vereinbaren eine Waffenruhe. Mehr."}
    with Chronik(options=options) as app:
        app.ingest_bytes(json.dumps(line).encode())
        [article] = app.articles()
    with TestClient(create_app(options)) as client:
        page = client.get(f"/article/{article.id}").text
        listed = client.get(f"/story/{article.story_id}").text
    shown = "Nahost: Israel und Libanon vereinbaren eine Waffenruhe."
    assert f">{shown}</h1>" in page and f">{shown}</a></h3>" in listed


def test_the_article_page_lists_no_pronoun_left_unresolved_as_a_source(tmp_path: Path) -> None:
    # The story page leaves out a source that names no one; the article page had listed
    # "er" (review 114).
    options = _options(tmp_path).with_(pipeline=("sentences", "attribution"))
    text = "Radwege für die Stadt\n\n„Wir bauen mehr“, sagte er. Die Opposition kritisierte das."
    with Chronik(options=options) as app:
        app.ingest_bytes(text.encode())
        [article] = app.articles()
        assert {a.source for a in app.article(article.id).attributions} == {"er", "Die Opposition"}
    with TestClient(create_app(options)) as client:
        page = client.get(f"/article/{article.id}").text
    assert "<strong>Die Opposition</strong>" in page and "<strong>er</strong>" not in page


def test_a_story_of_undated_articles_shows_no_time_span(tmp_path: Path) -> None:
    options = _options(tmp_path)
    with Chronik(options=options) as app:
        app.ingest_bytes(b"Hartmann besucht Rostock\n\nLena Hartmann reist an.")
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        for path in (f"/story/{story.id}", "/"):
            text = _text(client.get(path).text)
            assert "1 Artikel" in text and "Zeitraum" not in text, "ingest times are no span"


def test_a_sentence_of_several_events_is_quoted_once(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = site.report
    said = "Hartmann besuchte die Werft und traf den Betriebsrat."
    events = [
        Event(kind, "X", ["p"], ["Lena Hartmann"], "happened", said, 0, len(said))
        for kind in ("visit", "meet")
    ]
    entries = [summary.Entry(article.published, article)] + [
        summary.Entry(article.published, article, event) for event in events
    ]
    monkeypatch.setattr(summary, "timeline", lambda story, built=None: entries)
    page = site.client.get(f"/story/{article.story_id}").text
    assert page.count(said) == 1 and "2 Ereignisse</summary>" in page


def test_article_page_marks_opinion_entities_times_and_metadata(site: Site) -> None:
    page = site.client.get(f"/article/{site.announcement.id}")
    assert page.status_code == 200
    opinion = re.search(r'<section class="stance-opinion".*?</section>', page.text, re.S)
    assert opinion is not None
    assert "Worte allein reichen nicht" in opinion.group()
    assert "Meinung" in opinion.group()
    reporting = re.search(r'<section class="stance-reporting".*?</section>', page.text, re.S)
    assert reporting is not None and "Staatskanzlei" in reporting.group()
    assert "Landesregierung" not in reporting.group()
    assert re.search(r'<a class="entity" href="/entity/loc%3Arostock"[^>]*>Rostock</a>', page.text)
    assert re.search(r'<mark class="timex" title="2024-05-10">am Freitag</mark>', page.text)
    text = _text(page.text)
    assert "Jonas Beispielmann" in text, "image credit"
    assert "Neue Fähre für die Warnow" in text, "related titles"
    assert "Ein Sprecher" in text, "attributions"
    assert site.report.title in text, "related articles"
    # the sidebar's name covers all it holds, not two of its sections
    assert (
        '<aside class="sidebar" aria-label="Zum Artikel: Quellen, Namen, Zeitangaben' in page.text
    )


def test_entity_page_lists_stories_and_mentions_over_time(site: Site) -> None:
    page = site.client.get("/entity/org:neptun-werft")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Neptun-Werft" in text and "Typ: Organisation" in text
    assert f"/story/{site.announcement.story_id}" in page.text
    assert site.announcement.title in text and site.report.title in text
    assert "Erwähnungen pro Tag" in text
    assert "weitere nennen es auch" not in text
    assert site.client.get("/entity/nobody").status_code == 404


def test_an_entity_page_says_when_more_stories_name_it_than_it_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [  # Kiel in two stories, a year apart
        {"url": "https://a.example/1", "title": "Hafen in Kiel erweitert",
         "text": "Der Hafen in Kiel wird erweitert.", "published": "2024-05-06T08:00:00Z"},
        {"url": "https://a.example/2", "title": "Konzert in Kiel",
         "text": "Das Orchester spielt in Kiel.", "published": "2025-05-06T08:00:00Z"},
    ]  # fmt: skip
    options = Options(db=str(tmp_path / "kiel.db"), embedding_backend="none")
    with Chronik(options=options) as app:
        app.ingest([str(write_jsonl(tmp_path / "kiel.jsonl", items))])
        kiel = app.entity_named("Kiel")
        assert len(app.entity_stories(kiel.id)) == 2
    client = TestClient(create_app(options))
    path = f"/entity/{quote(kiel.id)}"
    page = _text(client.get(path).text)
    assert "weitere nennen es auch" not in page
    assert page.count("1 Artikel, 1 nennt es") == 2  # the size and what orders them
    monkeypatch.setattr(pages, "ENTITY_STORIES", 1)
    assert "Die 1 Geschichten mit den meisten Artikeln" in _text(client.get(path).text)


def test_an_entity_s_chart_counts_all_its_articles_not_only_those_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list shows the newest articles; the chart had counted only those, Trump's last
    five months beside his 1,275 mentions of a year (review 124)."""
    items = [
        {"url": f"https://a.example/{m}", "title": f"Kiel im Monat {m}",
         "text": f"Der Hafen in Kiel meldet Zahlen für Monat {m}.",
         "published": f"2025-{m:02d}-06T08:00:00Z"}
        for m in (1, 5, 9)
    ]  # fmt: skip
    options = Options(db=str(tmp_path / "kiel.db"), embedding_backend="none")
    with Chronik(options=options) as app:
        app.ingest([str(write_jsonl(tmp_path / "kiel.jsonl", items))])
        kiel = app.entity_named("Kiel")
    monkeypatch.setattr(pages, "ENTITY_ARTICLES", 1)
    page = TestClient(create_app(options)).get(f"/entity/{quote(kiel.id)}").text
    # From the oldest mention to the newest, 6 September, not the Monday of its week, 1
    # September, which the caption had named as its end (review 175).
    assert "Erwähnungen pro Woche, 06.01.2025 – 06.09.2025" in _text(page), "from the oldest"
    listed = _text(page[page.index('id="h-articles"') :])
    assert "Die 1 neuesten von 3 Artikeln." in listed
    assert "Kiel im Monat 9" in listed and "Kiel im Monat 1" not in listed, "the newest"
    with Chronik(options=options) as app:
        assert len(app.entity_mention_times(kiel.id)) == kiel.mention_count, "one a mention"


def test_an_entity_s_chart_covers_every_article_shown_by_week_when_they_span_months() -> None:
    def mention(day: date) -> datetime:
        return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)

    close = [mention(date(2025, 5, d)) for d in (5, 7)]
    assert queries.mentions_over_time(close)[0] == "day"
    unit, bins = queries.mentions_over_time([*close, mention(date(2025, 9, 3))])
    assert unit == "week" and bins[0] == (date(2025, 5, 5), 2) and bins[-1] == (date(2025, 9, 1), 1)
    assert sum(n for _, n in bins) == 3


def test_the_search_field_says_how_words_are_read(site: Site) -> None:
    """ "Trump -Putin" found what "Trump Putin" finds, the opposite of what a reader of
    other search boxes means, and the form said nothing of how it reads words (review 124)."""

    def total(q: str) -> str:
        return _text(site.client.get("/search", params={"q": q}).text).split("Treffer")[-1]

    assert total("Werft -Bürgschaft") == total("Werft Bürgschaft"), "as the hint says"
    page = site.client.get("/search").text
    assert 'aria-describedby="q-hint"' in page
    assert "„-Putin“ sucht Putin" in _text(page)
    english = site.client.get("/search", params={"lang": "en"}).text
    assert "Every word must occur, OR between two words" in html.unescape(english)


def test_search_page_full_text_entity_time_publisher_language(site: Site) -> None:
    def titles(**params: str) -> set[str]:
        page = site.client.get("/search", params=params)
        assert page.status_code == 200
        found = re.findall(r'<a href="/article/[^"]+" lang="de">([^<]+)</a>', page.text)
        return set(found)

    both = {site.announcement.title, site.report.title}
    assert titles(q="Werft") == both
    assert titles(q="Bürgschaft") == {site.report.title}
    # Each hit with the sentence that has the word, as `chronik search` prints it.
    with Chronik(options=site.options) as app:
        said = search_snippet(app.article(site.report.id), "Bürgschaft")
    assert "Bürgschaft" in said
    page = site.client.get("/search", params={"q": "Bürgschaft"}).text
    assert f'<span class="snippet" lang="de">{html.escape(said, quote=False)}</span>' in page
    assert titles(entity="org:ig-metall") == both
    assert titles(entity="ig metall") == both, "by name, any case"
    assert titles(q="Bürgschaft", entity="Schwerin") == set()
    assert "Keine Entität" in site.client.get("/search", params={"entity": "Niemand"}).text
    assert titles(q="Werft", since="2024-05-08") == {site.report.title}
    assert titles(q="Werft", until="2024-05-07") == {site.announcement.title}
    assert titles(q="Werft", publisher="ostsee-bote") == {site.announcement.title}
    assert titles(q="Werft", language="en") == set()
    assert titles(q="Werft", since="2024-05-08T23:59:00+02:00") == {site.report.title}
    blank = site.client.get("/search", params={"q": "Werft", "since": "  "})
    assert blank.status_code == 200, "a blank field is no filter, as in the API"
    page = site.client.get("/search", params={"q": "Werft", "since": "gestern"})
    assert page.status_code == 422 and "[E270] Ungültiges Datum" in page.text
    # The form keeps what was typed, to correct it: as text (a date field would drop it).
    assert 'name="since" type="text" value="gestern"' in page.text
    assert 'name="until" type="date"' in page.text
    # each result links its story too
    results = site.client.get("/search", params={"q": "Bürgschaft"}).text
    story = site.report.story_id
    assert f'<a href="/story/{story}">zur Geschichte<span class="sr-only">' in results
    form = site.client.get("/search").text
    for field in ("q", "entity", "since", "until", "publisher", "language"):
        assert f'<label for="{field}">' in form and f'id="{field}"' in form


def test_language_from_query_cookie_and_accept_language(site: Site) -> None:
    assert '<html lang="de">' in site.client.get("/").text
    english = site.client.get("/", params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Current stories" in english.text
    vary = english.headers["vary"]  # and Accept-Encoding: the page is gzipped
    assert vary == "Cookie, Accept-Language, Accept-Encoding", "a cache keeps languages apart"
    assert '<html lang="en">' in site.client.get("/search").text, "the choice is remembered"
    site.client.cookies.clear()
    page = site.client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,de;q=0.5"})
    assert '<html lang="en">' in page.text
    # The switch is a link on this server, whatever Host the request named.
    spoofed = site.client.get("/search?q=a", headers={"Host": "evil.example"}).text
    assert 'href="/search?q=a&amp;lang=en" hreflang="en"' in spoofed
    assert "evil.example" not in spoofed
    assert from_accept_language("fr, de;q=0.8, en;q=0.5") == "de"
    assert from_accept_language("fr") == "de"
    assert from_accept_language("de;q=0.1, en") == "en"


def test_pages_have_landmarks_and_skip_link(site: Site) -> None:
    for path in ("/", f"/story/{site.report.story_id}", f"/article/{site.report.id}", "/search"):
        html = site.client.get(path).text
        assert '<a class="skip" href="#main">' in html
        assert "<header" in html and '<main id="main"' in html and "<footer" in html
        assert '<nav aria-label="' in html
        assert 'name="viewport"' in html


def test_unknown_pages_give_a_404_page(site: Site) -> None:
    page = site.client.get("/story/nope")
    assert page.status_code == 404 and "E101" in page.text and "<main" in page.text
    assert "chronik stories" not in page.text, "a command-line hint is for the CLI"
    api = site.client.get("/api/stories/nope")
    assert api.status_code == 404 and "list them with 'chronik stories'" in api.json()["detail"]
    assert "veralteter Link" in page.text
    assert site.client.get("/article/nope").status_code == 404
    assert site.client.get("/no/such/page").status_code == 404


def test_the_404_page_does_not_blame_a_merge_which_redirects(site: Site) -> None:
    """The 404 page said "oder die Geschichte wurde zusammengelegt" under an unknown entity
    or article too; a merged story's page redirects to the story it went into, so no merge
    ends in a 404 (review 164)."""
    for lang, merged in (("de", "zusammengelegt"), ("en", "merged")):
        for path in ("/entity/niemand", "/article/nope", "/story/nope"):
            page = site.client.get(f"{path}?lang={lang}")
            assert page.status_code == 404 and merged not in page.text, (lang, path)


def test_head_is_answered_as_get_without_a_body(site: Site) -> None:
    for path in ("/", f"/story/{site.report.story_id}", "/api/articles", "/static/style.css"):
        got, head = site.client.get(path), site.client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert site.client.head("/story/nope").status_code == 404


def test_pages_and_answers_are_gzipped_for_a_client_that_asks(site: Site) -> None:
    """A page is sent gzipped where the client accepts it, as every browser does: the
    52-article story of review 251's 800 items had been 142 KB over the wire (20 KB so)."""
    story = site.announcement.story_id
    for path in (f"/story/{story}", f"/api/articles/{site.report.id}", "/static/style.css"):
        got = site.client.get(path, headers={"Accept-Encoding": "gzip"})
        assert got.status_code == 200 and got.headers["content-encoding"] == "gzip", path
        plain = site.client.get(path, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and plain.content == got.content, path
        head = site.client.head(path, headers={"Accept-Encoding": "gzip"})
        assert head.headers.get("content-encoding") == "gzip" and head.content == b"", path


def test_an_error_s_english_message_is_marked_english_on_a_german_page(site: Site) -> None:
    """The code's message is the API's English one: a German page marks it (review 251:
    "[E100] no article with id 'nope'" had been read with German sounds)."""
    paths = ("/article/nope?", "/stories?offset=-1&", "/search?since=2024-05-20&until=2024-05-01&")
    for path in paths:
        german = site.client.get(path + "lang=de").text
        english = site.client.get(path + "lang=en").text
        assert re.search(r'<small lang="en">\[E(1\d\d|270)\] ', german), path
        assert re.search(r"<small>\[E(1\d\d|270)\] ", english), path


def test_unknown_endpoints_and_methods_answer_with_a_code(site: Site) -> None:
    missing = site.client.get("/api/nothing")
    assert missing.status_code == 404
    assert missing.json()["detail"] == (
        "[E271] GET /api/nothing: Not Found; see docs/web.md for the endpoints"
    )
    wrong = site.client.delete("/api/articles")
    assert wrong.status_code == 405 and wrong.json()["detail"].startswith("[E271] DELETE ")
    assert wrong.headers["allow"] == "GET, HEAD"  # HEAD is answered wherever GET is
    page = site.client.get("/nothing")  # a page says the code too (review 114)
    assert page.status_code == 404 and "[E271] GET /nothing: Not Found" in page.text


# --- REST API ------------------------------------------------------------------------------


def _record(site: Site, article: Article) -> object:
    with Chronik(options=site.options) as app:
        return json.loads(json.dumps(article_record(app.article(article.id))))


def test_api_article_is_the_export_record(site: Site) -> None:
    got = site.client.get(f"/api/articles/{site.announcement.id}")
    assert got.status_code == 200
    assert got.json() == _record(site, site.announcement)
    listed = site.client.get("/api/articles", params={"limit": 10}).json()["articles"]
    assert [a["id"] for a in listed] == [site.announcement.id, site.report.id]
    # A list holds summaries, as `chronik articles --json` prints them; a record is one GET away.
    printed = CliRunner().invoke(cli, ["--db", site.options.db, "articles", "--json"])
    assert listed == json.loads(printed.stdout)["articles"]
    missing = site.client.get("/api/articles/nope")
    assert missing.status_code == 404 and "E100" in missing.json()["detail"]
    unknown_story = site.client.get("/api/articles", params={"story": "nope"})
    assert unknown_story.status_code == 404 and "E101" in unknown_story.json()["detail"]


def test_an_unknown_id_or_path_of_any_length_is_quoted_cut_in_a_short_404(site: Site) -> None:
    # A 5,000-character id had made a 404 of 5,073 bytes (review 275).
    long = "k" * 5_000
    for path in ("stories", "articles", "entities", "nowhere"):
        missing = site.client.get(f"/api/{path}/{long}")
        detail = missing.json()["detail"]
        assert missing.status_code == 404 and len(missing.content) < 200, path
        assert "k" * 60 in detail and "k…" in detail and "k" * 80 not in detail, detail
    split = site.client.post(
        f"/api/stories/{long}/split",
        json={"articles": ["a"]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert split.status_code == 404 and len(split.content) < 200


def test_api_and_article_page_say_why_an_article_is_in_its_story(site: Site) -> None:
    with Chronik(options=site.options) as app:
        expected = app.reason(site.announcement.id).to_dict()
        story = app.article(site.report.id).story_id
    got = site.client.get(f"/api/articles/{site.announcement.id}/reason")
    assert got.status_code == 200 and got.json() == expected
    assert expected["joined"] and expected["story_id"] == story
    command = ["--db", site.options.db, "reason", "--json", site.announcement.id]
    assert json.loads(CliRunner().invoke(cli, command).stdout) == expected
    page = site.client.get(f"/article/{site.announcement.id}").text
    why = re.search(r'<section aria-labelledby="h-why".*?</section>', page, re.S)
    assert why is not None and "Kam zu einer bestehenden Geschichte" in why.group()
    score, cut = (f"{expected[k]:.2f}".replace(".", ",") for k in ("score", "cut"))
    assert f"Wert {score}, Schwelle {cut}" in why.group()
    missing = site.client.get("/api/articles/nope/reason")
    assert missing.status_code == 404 and "E100" in missing.json()["detail"]
    with Chronik(options=site.options) as app:  # as if stored before reasons were kept
        app.store.execute("UPDATE articles SET reason = NULL")  # type: ignore[attr-defined]
        app.store.commit()
    older = site.client.get(f"/api/articles/{site.report.id}/reason")
    assert older.status_code == 404 and "E104" in older.json()["detail"]
    page = site.client.get(f"/article/{site.report.id}")
    assert page.status_code == 200 and 'id="h-why"' not in page.text


def test_an_article_that_founded_its_story_links_the_nearest_by_its_title(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    nearest = site.report.story_id
    assert nearest is not None
    founded = Reason(site.announcement.id, "s000000000001", False, "embedded", 0.19, 0.24, nearest)
    monkeypatch.setattr(queries, "reason", lambda app, article: founded)
    page = site.client.get(f"/article/{site.announcement.id}").text
    why = re.search(r'<section aria-labelledby="h-why".*?</section>', page, re.S)
    assert why is not None and "Begann eine neue Geschichte" in why.group()
    link = re.search(r'nächste Geschichte: <a href="/story/([^"]+)"[^>]*>([^<]+)</a>', why.group())
    assert link is not None and link.group(1) == nearest and link.group(2).strip()
    assert nearest not in link.group(2), "named by its title, not its id"


def test_a_nearest_story_merged_away_since_is_named_as_the_story_it_went_into(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    nearest = site.report.story_id
    assert nearest is not None
    with Chronik(options=site.options) as app:  # the nearest story goes into another by hand
        into = app.split_story(nearest, [site.report.id]).id
        app.merge_stories(nearest, into)
    founded = Reason(site.announcement.id, "s000000000001", False, "embedded", 0.19, 0.24, nearest)
    monkeypatch.setattr(queries, "reason", lambda app, article: founded)
    for lang, words in (
        ("de", "nächste Geschichte, seither aufgegangen in"),
        ("en", "nearest story, since merged into"),
    ):
        page = site.client.get(f"/article/{site.announcement.id}?lang={lang}").text
        why = re.search(r'<section aria-labelledby="h-why".*?</section>', page, re.S)
        assert why is not None and f'{words}: <a href="/story/{into}"' in why.group()


def test_the_api_says_whether_an_article_would_have_joined_a_story(site: Site) -> None:
    with Chronik(options=site.options) as app:
        story = app.article(site.announcement.id).story_id
        assert story is not None
        expected = app.reason(site.announcement.id, story).to_dict()
        stored = app.reason(site.announcement.id).to_dict()
    url = f"/api/articles/{site.announcement.id}/reason"
    got = site.client.get(url, params={"story": story})
    assert got.status_code == 200 and got.json() == expected
    assert expected["joined"] and expected["story_id"] == story and expected["shared"]
    command = ["--db", site.options.db, "reason", site.announcement.id, "--story", story, "--json"]
    assert json.loads(CliRunner().invoke(cli, command).stdout) == expected
    assert site.client.get(url, params={"story": ""}).json() == stored  # empty: none
    missing = site.client.get(url, params={"story": "nope"})
    assert missing.status_code == 404 and "E101" in missing.json()["detail"]


def test_a_reason_says_when_the_same_decision_split_the_story_it_joined(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "moved since": the article landed in the part split off when it joined."""
    home = site.report.story_id
    assert home is not None
    split = Reason(site.report.id, home, True, "embedded", 0.4, 0.24, "s1", split_from="s1")
    monkeypatch.setattr(queries, "reason", lambda app, article: split)
    for lang, words, moved in (
        ("de", "wurde dabei geteilt", "Seither"),
        ("en", "split by the same decision", "Moved to another story since"),
    ):
        page = site.client.get(f"/article/{site.report.id}?lang={lang}").text
        why = re.search(r'<section aria-labelledby="h-why".*?</section>', page, re.S)
        assert why is not None and words in why.group() and moved not in why.group()


def test_a_reason_s_shared_event_and_numbers_read_in_the_page_s_language(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "web.db")).with_(feeds=())
    with Chronik(options=options) as app:
        app.ingest([str(write_jsonl(tmp_path / "treffen.jsonl", MOVED_MEETING))])
        second = app.articles()[1]
        assert any(term.startswith("meet: ") for term in app.reason(second.id).shared)
    with TestClient(create_app(options)) as client:
        german = client.get(f"/article/{second.id}").text
        english = client.get(f"/article/{second.id}?lang=en").text
    assert "Treffen: " in german and re.search(r"Wert 0,\d\d, Schwelle 0,\d\d", german)
    assert "meeting: " in english and re.search(r"score 0\.\d\d, cut 0\.\d\d", english)


def test_search_results_come_a_page_at_a_time(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    assert 'rel="next"' not in site.client.get("/search?q=Werft").text
    asked: list[tuple[int, int]] = []

    def many(app: Chronik, query: queries.SearchForm) -> list[Article]:  # 120 matches in all
        asked.append((query.offset, query.limit))
        return [site.report] * max(0, min(query.limit, 120 - query.offset))

    monkeypatch.setattr(queries, "search", many)
    monkeypatch.setattr(queries, "search_total", lambda app, query, found: 120)
    first = site.client.get("/search?q=Werft&publisher=Blatt").text
    assert "Treffer: 1–50 von 120" in _text(first) and 'rel="prev"' not in first
    assert "Seite 1 von 3" in _text(first)
    assert 'rel="next" href="/search?q=Werft&amp;publisher=Blatt&amp;offset=50"' in first
    last = site.client.get("/search?q=Werft&publisher=Blatt&offset=100").text
    assert "Treffer: 101–120 von 120" in _text(last) and 'rel="next"' not in last
    assert "Seite 3 von 3" in _text(last)
    assert 'rel="prev" href="/search?q=Werft&amp;publisher=Blatt&amp;offset=50"' in last
    assert asked == [(0, 51), (100, 51)]  # one more than a page: is there a next one?
    # Past the last match: no range to count, and back to the first page, not one before.
    beyond = site.client.get("/search?q=Werft&publisher=Blatt&offset=500").text
    assert "Treffer:" not in _text(beyond) and 'rel="prev"' not in beyond
    assert 'href="/search?q=Werft&amp;publisher=Blatt&amp;offset=0"' in beyond


def test_api_stories_search_entities(site: Site) -> None:
    stories = site.client.get("/api/stories").json()["stories"]
    [story] = stories
    assert story["size"] == 2 and [a["id"] for a in story["articles"]] == [
        site.announcement.id,
        site.report.id,
    ]
    detail = site.client.get(f"/api/stories/{story['id']}").json()
    assert detail["title"] == story["title"] and detail["related"] == []
    assert [e["article_id"] for e in detail["timeline"]] == [site.announcement.id, site.report.id]
    [visit] = detail["events"]
    assert visit["event_type"] == "visit" and visit["modality"] == "happened"
    assert [c["kind"] for c in visit["changes"]] == ["confirmed"]
    printed = CliRunner().invoke(cli, ["--db", site.options.db, "story", "--json", story["id"]])
    assert json.loads(printed.stdout) == {k: v for k, v in detail.items() if k != "related"}
    assert site.client.get("/api/stories/nope").status_code == 404
    answer = site.client.get("/api/search", params={"q": "Bürgschaft"}).json()
    found = answer["articles"]
    assert [a["id"] for a in found] == [site.report.id] and answer["total"] == 1
    printed = CliRunner().invoke(cli, ["--db", site.options.db, "search", "--json", "Bürgschaft"])
    assert json.loads(printed.stdout) == answer
    paged = site.client.get("/api/search", params={"limit": 1, "offset": 1}).json()
    assert len(paged["articles"]) == 1 and paged["total"] == 2, "the total of every page"
    named = site.client.get(
        "/api/search", params={"entity": "Lena Hartmann", "until": "2024-05-07"}
    )
    assert [a["id"] for a in named.json()["articles"]] == [site.announcement.id]
    bad = site.client.get("/api/search", params={"q": "x", "since": "gestern"})
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("[E270] invalid request: query.since: ")
    assert "not a time: 'gestern'" in bad.json()["detail"]
    assert "\n" not in bad.json()["detail"]
    # A longer time counts by its day, as `chronik search --since` reads it.
    for since in ("2024-05-08T10:00:00+02:00", "Wed, 08 May 2024 10:00:00 +0200"):
        later = site.client.get("/api/search", params={"q": "Werft", "since": since})
        assert [a["title"] for a in later.json()["articles"]] == [site.report.title]
    # An empty field is no filter, as the search form sends it.
    empty = site.client.get("/api/search", params={"q": "Bürgschaft", "since": "", "until": ""})
    assert empty.json()["articles"] == found
    for path in ("/api/articles", "/api/stories"):  # past the store's 64-bit integers
        huge = site.client.get(path, params={"offset": 2**63})
        assert huge.status_code == 422 and "query.offset" in huge.json()["detail"]
    entities = site.client.get("/api/entities", params={"type": "org"}).json()["entities"]
    assert {e["id"] for e in entities} == {"org:neptun-werft", "org:ig-metall"}
    nobody = site.client.get("/api/search", params={"entity": "Niemand"})
    assert nobody.status_code == 404 and "[E103]" in nobody.json()["detail"]
    nul = site.client.get("/api/search", params={"q": "Werft\x00"})
    assert nul.status_code == 200 and nul.json()["articles"], "a NUL is no word, not a failure"
    by_language = site.client.get("/api/search", params={"q": "Werft", "language": "DE"})
    assert by_language.json()["articles"], "a language code in any case"
    assert site.client.get("/api/entities", params={"type": ""}).json()["entities"]
    old_name = site.client.get("/api/entities", params={"kind": "ORG"}).json()["entities"]
    assert {e["id"] for e in old_name} == {"org:neptun-werft", "org:ig-metall"}
    by_source = site.client.get("/api/search", params={"q": "Werft", "source": "OSTSEE-BOTE"})
    assert [a["title"] for a in by_source.json()["articles"]] == [site.announcement.title]
    unknown_type = site.client.get("/api/entities", params={"type": "Firma"})
    assert unknown_type.status_code == 400 and "[E110]" in unknown_type.json()["detail"]
    assert unknown_type.json()["detail"].startswith("[E110] query.type: unknown entity type")
    one = site.client.get("/api/entities/loc:rostock").json()
    assert one["entity"]["name"] == "Rostock" and len(one["articles"]) == 2
    assert one["stories"] == [story["id"]]
    # by name too, as `chronik entity` finds one (review 56)
    assert site.client.get("/api/entities/Rostock").json() == one
    assert site.client.get("/entity/Rostock").status_code == 200
    missing = site.client.get("/api/entities/nobody")
    assert missing.status_code == 404 and "E103" in missing.json()["detail"]


def test_openapi_describes_every_endpoint(site: Site) -> None:
    schema = site.client.get("/openapi.json").json()
    paths = schema["paths"]
    expected = {
        "/api/articles": "get",
        "/api/articles/{article_id}": "get",
        "/api/articles/{article_id}/reason": "get",
        "/api/stories": "get",
        "/api/stories/{story_id}": "get",
        "/api/search": "get",
        "/api/entities": "get",
        "/api/entities/{entity_id}": "get",
        "/api/ingest": "post",
        "/api/reanalyze": "post",
        "/api/stories/{story_id}/merge": "post",
        "/api/stories/{story_id}/split": "post",
    }
    assert set(paths) == set(expected), "pages stay out of the schema; every API route is in"
    for path, method in expected.items():
        operation = paths[path][method]
        assert operation["summary"] and operation.get("description"), path
        assert "application/json" in operation["responses"]["200"]["content"], path
    record = schema["components"]["schemas"]["ArticleRecord"]["properties"]
    assert {"blocks", "mentions", "timexes", "attributions", "events", "story_id"} <= set(record)
    ingest = paths["/api/ingest"]["post"]
    assert {"401", "403", "413"} <= set(ingest["responses"])
    assert set(ingest["requestBody"]["content"]) == set(MEDIA_TYPES)
    # Every error status a route can give is in the schema.
    problem = {"$ref": "#/components/schemas/Problem"}
    ingest_problem = {"$ref": "#/components/schemas/IngestProblem"}
    assert {"detail", "failed", "errors"} <= set(
        schema["components"]["schemas"]["IngestProblem"]["properties"]
    )
    for path, method in expected.items():
        responses = paths[path][method]["responses"]
        assert "503" in responses, path
        # "?x=%FF" is E270 on any route (review 46), also where 400 says more (review 48)
        assert "E270" in responses["400"]["description"], path
        # A parameter of the wrong form is one E270 line, as every other error; a body of
        # which nothing could be read, that line with the counts.
        wanted = ingest_problem if path == "/api/ingest" else problem
        assert responses["422"]["content"]["application/json"]["schema"] == wanted, path
    assert "307" in paths["/api/stories/{story_id}"]["get"]["responses"]  # a merged story
    assert "404" in paths["/api/search"]["get"]["responses"]  # an unknown entity (E103)
    assert "400" in paths["/api/entities"]["get"]["responses"]  # a bad type (E110)
    for change in ("merge", "split"):
        assert "400" in paths[f"/api/stories/{{story_id}}/{change}"]["post"]["responses"]


def test_entities_page_lists_filters_and_finds_by_name(site: Site) -> None:
    page = site.client.get("/entities?lang=de")
    assert page.status_code == 200 and 'href="/entities"' in page.text
    assert "Rostock" in page.text and "Neptun-Werft" in page.text
    places = site.client.get("/entities?type=loc").text
    assert "Rostock" in places and "Neptun-Werft" not in places
    by_name = site.client.get("/entities?name=ROSTOCK").text
    assert "Rostock" in by_name and "Neptun-Werft" not in by_name
    api = site.client.get("/api/entities?name=rostock").json()["entities"]
    assert [e["name"] for e in api] == ["Rostock"]


def test_api_docs_is_a_page_of_every_endpoint_without_scripts(site: Site) -> None:
    page = site.client.get("/api/docs?lang=en")
    assert page.status_code == 200 and "<script" not in page.text
    for path in ("/api/stories/{story_id}/merge", "/api/ingest", "/api/entities"):
        assert path in page.text
    assert "401" in page.text and "REST API" in page.text
    # Each parameter with its meaning, default and range: a limit is 100 here, 50 there.
    assert "<code>limit</code> (query, default <code>100</code>, 1–1000): " in page.text
    assert "<code>limit</code> (query, default <code>50</code>, 1–1000): " in page.text
    assert "<code>application/warc</code>" in page.text  # the bodies /api/ingest takes
    assert "<code>story</code> keeps those of one story" in page.text and "``" not in page.text


def test_write_endpoints_need_the_token(site: Site) -> None:
    body = json.dumps({"title": "Neue Brücke in Stralsund", "text": "Die Brücke ist fertig."})
    refused = site.client.post("/api/ingest", content=body)
    assert refused.status_code == 401 and "[E251]" in refused.json()["detail"]
    wrong = site.client.post("/api/ingest", content=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    done = site.client.post(
        "/api/ingest",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"},
    )
    assert done.status_code == 200 and done.json()["inserted"] == 1
    again = site.client.post("/api/ingest", content=body, headers={"X-Chronik-Token": TOKEN})
    assert again.json()["unchanged"] == 1
    token = {"X-Chronik-Token": TOKEN}
    broken = site.client.post("/api/ingest", content=b'{"title": 1}\nnot json\n', headers=token)
    # Nothing of it could be read: 422, with the counts, as `chronik ingest` exits 1.
    assert broken.status_code == 422 and broken.json()["failed"] == 2
    assert broken.json()["detail"].startswith("[E031] api: line 1: ")
    # A body of many broken lines lists the first 1,000 and how many more (review 42).
    many = site.client.post("/api/ingest", content=b'{"title": 1}\n' * 1500, headers=token)
    assert many.status_code == 422 and many.json()["failed"] == 1500
    assert len(many.json()["errors"]) == 1001 and many.json()["errors"][-1] == "… and 500 more"
    for nothing in (b"", b"\x00\x01\x02binary\xff" * 20):
        unread = site.client.post(
            "/api/ingest", content=nothing, headers={"X-Chronik-Token": TOKEN}
        )
        assert unread.status_code == 422 and unread.json()["failed"] == 1
    # Part of it read: stored, 200, the failures counted.
    mixed = body.replace("Stralsund", "Wismar") + "\nnot json\n"
    part = site.client.post("/api/ingest", content=mixed, headers={"X-Chronik-Token": TOKEN})
    assert part.status_code == 200 and (part.json()["inserted"], part.json()["failed"]) == (1, 1)
    redo = site.client.post("/api/reanalyze", headers={"X-Chronik-Token": TOKEN})
    assert redo.status_code == 200 and redo.json()["unchanged"] == 4
    # A plain text dates nothing itself: ?published= dates it, as `ingest --published` does.
    text = "Brücke in Greifswald\n\nDie Brücke wird morgen eröffnet.".encode()
    wrong = site.client.post("/api/ingest?published=morgen", content=text, headers=token)
    assert wrong.status_code == 400 and "[E111]" in wrong.json()["detail"]
    # It names the parameter, as E270 does (review 247: it had named none).
    assert wrong.json()["detail"].startswith("[E111] query.published: not a time: 'morgen'")
    # An empty one is E111 too, as `--published ""` is: not taken as no time (review 223).
    empty = site.client.post("/api/ingest?published=", content=text, headers=token)
    assert empty.status_code == 400 and "[E111]" in empty.json()["detail"]
    dated = site.client.post(
        "/api/ingest?published=2024-05-14T09:00:00%2B02:00", content=text, headers=token
    )
    assert dated.json()["inserted"] == 1
    [found] = site.client.get("/api/search?q=Greifswald").json()["articles"]
    assert found["published"].startswith("2024-05-14T07:00:00")


def test_stories_are_split_and_merged_by_hand_through_the_api(site: Site) -> None:
    story_id = site.announcement.story_id
    assert story_id and site.report.story_id == story_id
    split = f"/api/stories/{story_id}/split"
    body = {"articles": [site.report.id]}
    assert site.client.post(split, json=body).status_code == 401
    headers = {"X-Chronik-Token": TOKEN}
    new = site.client.post(split, json=body, headers=headers).json()
    assert [a["id"] for a in new["articles"]] == [site.report.id] and new["id"] != story_id
    history = site.client.get(f"/api/stories/{story_id}").json()["history"]
    assert {"action": "split", "other": new["id"]}.items() <= history[-1].items()
    page = site.client.get(f"/story/{story_id}", headers={"Accept-Language": "en"})
    assert f'href="/story/{new["id"]}"' in page.text and "split off" in page.text
    # The report started the story (it came first) and has moved on: named by its title.
    started = f'started with <a href="/article/{site.report.id}" lang="de">{site.report.title}</a>'
    assert started in page.text
    bad = site.client.post(split, json={"articles": ["nope"]}, headers=headers)
    assert bad.status_code == 400 and "E200" in bad.json()["detail"]
    none = site.client.post(split, json={"articles": []}, headers=headers)
    assert none.status_code == 400 and "E200" in none.json()["detail"]  # as the CLI says
    # curl -d sends a form: the answer says how to send the body.
    form = site.client.post(split, content=b'{"articles": ["x"]}', headers=headers)
    assert form.status_code == 422 and "E270" in form.json()["detail"]
    assert "Content-Type: application/json" in form.json()["detail"]
    unknown = site.client.post("/api/stories/nope/split", json=body, headers=headers)
    assert unknown.status_code == 404
    merge = f"/api/stories/{new['id']}/merge"
    merged = site.client.post(merge, json={"into": story_id}, headers=headers).json()
    assert merged["id"] == story_id and merged["size"] == 2
    # The merged story's links lead to the story it went into.
    gone = site.client.get(f"/api/stories/{new['id']}", follow_redirects=False)
    assert gone.status_code == 307 and gone.headers["location"] == f"/api/stories/{story_id}"
    assert site.client.get(f"/api/stories/{new['id']}").json()["id"] == story_id
    listed = site.client.get(f"/api/articles?story={new['id']}").json()  # as the CLI lists it
    assert listed["total"] == 2 and {a["story_id"] for a in listed["articles"]} == {story_id}
    page = site.client.get(f"/story/{new['id']}?lang=en", follow_redirects=False)
    assert page.status_code == 302 and page.headers["location"] == f"/story/{story_id}?lang=en"
    # The absorbed story has no page of its own (its link led back here). Split off, it
    # had no first article of its own either: it is named by its id.
    history = site.client.get(f"/story/{story_id}?lang=en").text
    assert f'href="/story/{new["id"]}"' not in history and new["id"] in history


def test_write_endpoints_are_disabled_without_a_configured_token(tmp_path: Path) -> None:
    with TestClient(create_app(_options(tmp_path))) as client:
        for path in ("/api/ingest", "/api/reanalyze"):
            answer = client.post(path, content=b"Titel\nText.", headers={"X-Chronik-Token": ""})
            assert answer.status_code == 403 and "[E250]" in answer.json()["detail"]
            assert (
                "--token" in answer.json()["detail"] and "CHRONIK_TOKEN" in answer.json()["detail"]
            )


def test_article_markup_is_escaped_everywhere(site: Site) -> None:
    hostile = (
        "Warnung <script>alert('titel')</script> vor Rostock\n"
        "Der Text nennt Rostock und enthält <script>alert(1)</script> sowie "
        '<img src=x onerror="alert(2)"> als Zeichen.\n'
    )
    answer = site.client.post(
        "/api/ingest",
        content=hostile.encode(),
        headers={"X-Chronik-Token": TOKEN, "Content-Type": "text/plain"},
    )
    assert answer.json()["inserted"] == 1, answer.json()
    [found] = site.client.get("/api/search", params={"q": "Warnung"}).json()["articles"]
    record = site.client.get(f"/api/articles/{found['id']}").json()
    assert "<script>" in record["text"], "the API returns the text as it is, as JSON"
    pages = [
        f"/article/{found['id']}",
        f"/story/{found['story_id']}",
        "/",
        "/search?q=Warnung",
    ]
    for path in pages:
        html = site.client.get(path).text
        assert "<script>" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html, path
    article = site.client.get(f"/article/{found['id']}").text
    assert re.search(r'<a class="entity" href="/entity/loc%3Arostock"[^>]*>Rostock</a>', article)


def test_request_size_is_limited(tmp_path: Path) -> None:
    options = _options(tmp_path, token=TOKEN, max_bytes=1000)
    headers = {"X-Chronik-Token": TOKEN}
    with TestClient(create_app(options)) as client:
        big = client.post("/api/ingest", content=b"x" * 2000, headers=headers)
        assert big.status_code == 413 and "[E252]" in big.json()["detail"]
        assert "1000" in big.json()["detail"]

        def chunks() -> Iterator[bytes]:
            yield from (b"y" * 400 for _ in range(5))

        streamed = client.post("/api/ingest", content=chunks(), headers=headers)
        assert streamed.status_code == 413 and "[E252]" in streamed.json()["detail"]
        # Also where FastAPI reads the JSON body itself.
        merged = client.post("/api/stories/s1/merge", content=chunks(), headers=headers)
        assert merged.status_code == 413 and "[E252]" in merged.json()["detail"]
        as_json = {**headers, "Content-Type": "application/json"}
        little = client.post(
            "/api/stories/s1/merge", content=iter([b'{"into": "s2"}']), headers=as_json
        )
        assert little.status_code == 404, "a small body in chunks still reaches its route"
        small = client.post("/api/ingest", content=b"Titel\nEin kurzer Text.", headers=headers)
        assert small.status_code == 200 and small.json()["inserted"] == 1


def test_a_json_body_the_parser_cannot_read_is_e270_that_says_why(tmp_path: Path) -> None:
    """FastAPI answers a JSON body it fails to read other than by a syntax error with a bare
    400, "There was an error parsing the body", which named no code and no cause (review
    140): a byte that is no UTF-8, nesting deeper than Python recurses, a number of more
    digits than int() reads."""
    headers = {"X-Chronik-Token": TOKEN, "Content-Type": "application/json"}
    bodies = {
        b'{"into": "Kiel\xff"}': "not UTF-8 at byte 14",
        b'{"into": ' + b"[" * 100_000 + b"]" * 100_000 + b"}": "nested too deeply",
        b'{"into": ' + b"7" * 5_000 + b"}": "number too large",
    }
    with TestClient(create_app(_options(tmp_path, token=TOKEN))) as client:
        for body, why in bodies.items():
            answer = client.post("/api/stories/s1/merge", content=body, headers=headers)
            detail = answer.json()["detail"]
            assert answer.status_code == 422 and detail.startswith("[E270] "), detail
            assert f"body: not JSON ({why}" in detail, detail


def test_a_query_string_that_is_not_utf8_is_refused(site: Site) -> None:
    api = site.client.get("/api/search?q=%FF%FE")
    assert api.status_code == 400 and "[E270]" in api.json()["detail"]
    assert "not UTF-8" in api.json()["detail"]
    page = site.client.get("/search?q=M%FCnchen")  # Latin-1, percent-encoded
    assert page.status_code == 400 and "E270" in page.text
    assert site.client.get("/api/search?q=M%C3%BCnchen+Werft").status_code == 200
    # A path too (review 247: a 404 for no entity named U+FFFD), on the API and the pages.
    for path in ("/api/entities/M%FCnchen", "/entity/%FF", "/api/articles/%FF/reason"):
        answer = site.client.get(path)
        assert answer.status_code == 400 and "the path is not UTF-8" in answer.text, path
    assert site.client.get("/api/entities/M%C3%BCnchen").status_code == 404  # E103: none


def test_a_bug_is_a_500_with_one_line_not_a_traceback(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(Chronik, "stories", broken)
    with TestClient(create_app(site.options), raise_server_exceptions=False) as client:
        api = client.get("/api/stories")
        assert api.status_code == 500
        assert api.json()["detail"].startswith("[E290] internal error (RuntimeError: kaputt)")
        page = client.get("/stories")
        assert page.status_code == 500 and "E290" in page.text and "Traceback" not in page.text


def test_security_headers(site: Site) -> None:
    headers = site.client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_static_css_is_served(site: Site) -> None:
    css = site.client.get("/static/style.css")
    assert css.status_code == 200 and ":focus-visible" in css.text and "@media" in css.text


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_focus_ring_stands_out_on_every_background() -> None:
    css = (HERE.parent.parent / "src" / "chronik" / "web" / "static" / "style.css").read_text()
    colours = dict(re.findall(r"--([\w-]+): (#[0-9a-fA-F]{6})", css))
    for background in ("paper", "entity-bg", "timex-bg", "opinion-bg"):
        assert _contrast(colours["focus"], colours[background]) >= 3, background  # WCAG 1.4.11
    assert _contrast(colours["ink"], colours["paper"]) >= 4.5


# --- the parts, one at a time --------------------------------------------------------------


def test_segments_follow_offsets_and_skip_overlaps() -> None:
    text = "Am Montag kam Lena Hartmann <b> nach Rostock."
    article = Article(
        "a", "T", text, blocks=[Block(BlockKind.PARAGRAPH, text, start=0, end=len(text))]
    )
    article.mentions = [
        Mention(14, 27, "Lena Hartmann", "PER", "p1"),
        Mention(19, 27, "Hartmann", "PER", "p1"),  # inside the longer one: dropped
        Mention(37, 44, "Rostock", "LOC", None),
    ]
    article.timexes = [Timex(0, 9, "Am Montag", "DATE", "2024-05-06")]
    [run] = view.runs(article)
    [block] = run.blocks
    assert "".join(s.text for s in block.segments) == text
    marked = [(s.kind, s.text) for s in block.segments if s.kind]
    assert marked == [("timex", "Am Montag"), ("entity", "Lena Hartmann"), ("entity", "Rostock")]


def test_per_day_fills_gaps_and_caps_length() -> None:
    times = [datetime(2024, 5, d, 12, tzinfo=UTC) for d in (1, 1, 4)]
    assert queries.per_day(times) == [
        (date(2024, 5, 1), 2),
        (date(2024, 5, 2), 0),
        (date(2024, 5, 3), 0),
        (date(2024, 5, 4), 1),
    ]
    assert len(queries.per_day(times, days=2)) == 2
    assert queries.per_day([None]) == []


def test_per_day_is_no_chart_for_a_story_before_its_days() -> None:
    """A story of 2023 on a front page whose newest article is of 2026 had a chart of 21
    empty days, "Artikel pro Tag, 04.01.2026 – 24.01.2026", no bar in it (review 164)."""
    old = [datetime(2023, 9, d, 8, tzinfo=UTC) for d in (11, 13)]
    assert queries.per_day(old, until=date(2026, 1, 24)) == []
    # one article on the window's first day keeps the chart, its bar the first
    edge = [datetime(2026, 1, 4, 8, tzinfo=UTC)]
    assert queries.per_day(edge, until=date(2026, 1, 24))[0] == (date(2026, 1, 4), 1)
    assert len(queries.per_day(edge, until=date(2026, 1, 24))) == 21


@contextmanager
def _feed_server(feed: bytes) -> Iterator[str]:
    """A local HTTP server that answers every GET with ``feed``; yields its URL."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(feed)))
            self.end_headers()
            self.wfile.write(feed)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed"
    finally:
        server.shutdown()


def _rss(*items: tuple[str, str]) -> bytes:
    """An RSS feed of (title, description) items, linked https://l.example/1, /2, ..."""
    entries = "".join(
        f"<item><title>{title}</title><link>https://l.example/{number}</link>"
        f"<description>{text}</description></item>"
        for number, (title, text) in enumerate(items, start=1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>L</title>'
        f"{entries}</channel></rss>"
    ).encode()


def test_feed_watcher_ingests_a_feed_over_http(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _rss(("Hafen in Wismar erweitert", "Der Hafen wächst um zwei Liegeplätze."))
    with _feed_server(feed) as url:
        options = _options(tmp_path)
        watcher = FeedWatcher(options, [url], 3600, threading.Lock())
        server_module._log_rounds()  # as `chronik serve --watch` does: a round is said
        try:
            watcher.poll_once()
        finally:
            server_module.log.handlers.clear()
        assert "INFO:     feed watch: 1 inserted, 0 revised" in capsys.readouterr().err
        with Chronik(options=options) as app:
            assert [a.title for a in app.articles()] == ["Hafen in Wismar erweitert"]


def test_the_feed_watcher_says_it_has_started_before_its_first_round(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`chronik serve --watch` said nothing until its first round ended, which loads the
    models and analyses every new item: 20 s and more (review 164)."""
    caplog.set_level(logging.INFO, logger="chronik.web")
    watcher = FeedWatcher(_options(tmp_path), ["https://l.example/rss"], 600, threading.Lock())
    watcher.stop()  # no round: the line comes before any
    watcher.run()
    said = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert said == [("INFO", "feed watch: polling 1 feed every 600 s, the first round now")]


def test_a_post_waits_for_the_feed_watcher_s_storing_not_for_its_round(
    tmp_path: Path,
) -> None:
    """The watcher takes the write lock for each article it stores, as POST /api/ingest
    does: a round had held it from its first fetch to its last article."""
    pipeline = ("sentences", "test_waits_while_analysing")
    options = Options(db=str(tmp_path / "w.db"), token=TOKEN, pipeline=pipeline)
    app = create_app(options)
    feed = _rss(("Langsam", "LANGSAM wird es analysiert."))
    _ANALYSING.clear()
    _GO_ON.clear()
    with _feed_server(feed) as url:
        watcher = FeedWatcher(options, [url], 3600, app.state.write_lock)
        polling = threading.Thread(target=watcher.poll_once)
        polling.start()
        try:
            assert _ANALYSING.wait(30), "the feed's article never reached analysis"
            headers = {"X-Chronik-Token": TOKEN, "Content-Type": "text/plain"}
            text = b"Schnell\n\nDer Rat tagt in Kiel."
            answers: list[int] = []
            quick = threading.Thread(
                target=lambda: answers.append(
                    TestClient(app)
                    .post("/api/ingest", content=text, headers=headers)
                    .json()["inserted"]
                )
            )
            quick.start()
            quick.join(10)
            assert answers == [1], "stored while the watcher analyses"
        finally:
            _GO_ON.set()
            polling.join(30)
    with Chronik(options=options) as stored:
        assert sorted(a.title for a in stored.articles()) == ["Langsam", "Schnell"]


def test_feed_watcher_outlives_a_failing_round_and_stops_on_its_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The watcher runs the loop of ``Chronik.watch`` (chronik.polling.poll_rounds), with a
    fresh Chronik each round; a round that fails is logged and the next one comes."""
    import threading

    opened: list[int] = []
    down = ChronikError(Code.E230, detail="the database server is down")

    def chronik(options: Options, write_lock: object = None) -> Chronik:
        opened.append(len(opened))
        if len(opened) == 1:
            raise RuntimeError("a bug in the first round")
        if len(opened) == 2:
            raise down
        return Chronik(options=options, write_lock=write_lock)  # type: ignore[arg-type]

    monkeypatch.setattr(server_module, "Chronik", chronik)
    caplog.set_level(logging.INFO, logger="chronik.web")
    watcher = FeedWatcher(_options(tmp_path), [], 0.01, threading.Lock())
    watcher.start()
    deadline = time.monotonic() + 60
    while len(opened) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    watcher.stop()
    watcher.join(timeout=60)
    assert not watcher.is_alive() and len(opened) >= 4
    said = [(r.levelname, r.getMessage(), r.exc_info is not None) for r in caplog.records]
    assert said[:4] == [
        ("INFO", "feed watch: polling 0 feeds every 0.01 s, the first round now", False),
        ("ERROR", "feed watch failed; trying again in 0 s", True),
        (
            "ERROR",
            f"feed watch: {ChronikError(Code.E230, detail='the database server is down')}",
            False,
        ),
        ("INFO", "feed watch: 0 inserted, 0 revised", False),
    ]


def test_serve_command_passes_host_port_token_and_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chronik.web

    calls: list[tuple[Options, str, int, list[str], float]] = []
    monkeypatch.setattr(chronik.web, "serve", lambda *args: calls.append(args))
    monkeypatch.setenv("CHRONIK_FEEDS", "https://configured.example/feed")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# local\nhttps://a.example/rss\n\nhttps://b.example/atom\n")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    args = ["--db", db, "serve", "--port", "9001", "--watch", str(feeds), "--every", "30s"]
    result = runner.invoke(cli, [*args, "--token", "t0k", "--follow"])
    assert result.exit_code == 0, result.output
    [(options, host, port, watched, every)] = calls
    assert (host, port, every, options.token, options.db) == ("127.0.0.1", 9001, 30.0, "t0k", db)
    assert watched == [
        "https://a.example/rss",
        "https://b.example/atom",
        "https://configured.example/feed",
    ]
    bad = runner.invoke(cli, ["--db", db, "serve", "--every", "soon"])
    assert bad.exit_code != 0 and "--every" in bad.output and len(calls) == 1


def test_every_event_type_is_translated_and_counts_agree_in_number() -> None:
    types = read_data("event_cues.json")["types"]
    for language in languages():
        assert all(f"event_{kind}" in catalogue()[language] for kind in types), language
    assert Translator("de").term("event_", "meet") == "Treffen"
    assert Translator("en").count(1, "articles_count") == "1 article"
    assert Translator("en").count(3, "articles_count") == "3 articles"
    assert Translator("de").count(1, "articles_count") == "1 Artikel"


def test_an_event_s_day_is_written_as_the_page_writes_dates() -> None:
    assert Translator("de").value("2025-06-12") == "12.06.2025"
    assert Translator("en").value("2025-06-12") == "2025-06-12"
    assert Translator("de").value("2026-04-03TNI") == "03.04.2026 nachts"
    assert Translator("en").value("2026-04-03TMO") == "2026-04-03 morning"
    assert Translator("de").value("P18M") == "18 Monate"
    assert Translator("en").value("P1Y") == "1 year"
    assert Translator("de").value("PXD") == "einige Tage"
    assert Translator("en").value(None) == "not resolved"
    # Every kind of value the stream's articles have, in words (2026-11-30: about half
    # of them had shown as TIMEX3 writes them).
    words = {
        "2026-04-03T20:52": ("03.04.2026, 20:52", "2026-04-03, 20:52"),
        "2026-04": ("April 2026", "April 2026"),
        "2026-W15": ("KW 15/2026", "week 15, 2026"),
        "2026-W15-WE": ("Wochenende 11./12.04.2026", "weekend 2026-04-11/12"),
        "2025-SU": ("Sommer 2025", "summer 2025"),
        "2025-Q3": ("3. Quartal 2025", "Q3 2025"),
        "196": ("1960er", "1960s"),
        "PRESENT_REF": ("jetzt", "now"),
        "PT18H": ("18 Stunden", "18 hours"),
        "PT1H30M": ("1 Stunde 30 Minuten", "1 hour 30 minutes"),
        "P3Y6M": ("3 Jahre 6 Monate", "3 years 6 months"),
        "XXXX-WXX-7": ("Sonntag", "Sunday"),
        "BC0057": ("BC0057", "BC0057"),  # none for that: as TIMEX3 writes it
    }
    for value, (german, english) in words.items():
        assert (Translator("de").value(value), Translator("en").value(value)) == (german, english)


def test_who_says_what_counts_a_linked_source_once_under_its_entity() -> None:
    person = Entity("per:anna", "Anna Beispiel", "PER", ["Beispiel"], 3)
    article = Article(id="a", title="", text="", entities=[person])
    article.attributions = [
        Attribution(0, 1, "x", "Anna Beispiel", "quote", entity_ids=["per:anna"]),
        Attribution(0, 1, "x", "Ministerin Beispiel", "report", entity_ids=["per:anna"]),
        Attribution(0, 1, "x", "die Polizei", "report"),
        Attribution(0, 1, "x", "Die Polizei", "report"),
    ]
    assert summary.attributions_by_source([article]) == [
        ("Anna Beispiel", 2, ["quote", "report"]),
        ("die Polizei", 2, ["report"]),
    ]


def test_who_says_what_counts_an_unlinked_source_under_the_entity_of_its_name() -> None:
    # review 114: "Hamas" linked in one sentence and not in another was listed twice
    party = Entity("org:rv", "Ruritanische Volkspartei", "ORG")
    article = Article(id="a", title="", text="", entities=[party])
    article.attributions = [
        Attribution(0, 1, "x", "Ruritanische Volkspartei", "quote", entity_ids=["org:rv"]),
        Attribution(0, 1, "x", "Ruritanische Volkspartei", "report"),
        Attribution(0, 1, "x", "die Polizei", "report"),
    ]
    assert summary.attributions_by_source([article]) == [
        ("Ruritanische Volkspartei", 2, ["quote", "report"]),
        ("die Polizei", 1, ["report"]),
    ]


def test_who_says_what_counts_a_source_of_two_parties_under_each() -> None:
    ruritania = Entity("loc:ru", "Ruritanien", "LOC")
    borduria = Entity("loc:bo", "Bordurien", "LOC")
    article = Article(id="a", title="", text="", entities=[ruritania, borduria])
    article.attributions = [
        Attribution(
            0, 1, "x", "Ruritanien und Bordurien", "denial", entity_ids=["loc:ru", "loc:bo"]
        ),
        Attribution(0, 1, "x", "Ruritanien", "report", entity_ids=["loc:ru"]),
        Attribution(0, 1, "x", "Sie", "quote"),  # an unresolved pronoun names no one
    ]
    assert summary.attributions_by_source([article]) == [
        ("Ruritanien", 2, ["denial", "report"]),
        ("Bordurien", 1, ["denial"]),
    ]


def test_a_store_locked_too_long_is_503_with_a_retry(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    # The store fails: the API gives the error its code, the server answers with it.
    monkeypatch.setattr(SQLiteStore, "stories", locked)
    answer = site.client.get("/api/stories")
    assert answer.status_code == 503 and "[E241]" in answer.json()["detail"]
    assert answer.headers["retry-after"] == "5"


def test_a_search_since_a_day_after_its_until_is_an_error_as_on_the_command_line(
    site: Site,
) -> None:
    answer = site.client.get("/api/search", params={"since": "2025-09-01", "until": "2025-08-01"})
    assert answer.status_code == 400 and answer.json()["detail"].startswith("[E112] ")
    assert answer.json()["detail"].startswith("[E112] query.since/until: no day is from")


def test_a_search_of_more_words_than_a_person_types_is_refused_not_run(site: Site) -> None:
    words = " ".join(f"Wort{number}" for number in range(100))
    answer = site.client.get("/api/search", params={"q": words})
    assert answer.status_code == 400 and answer.json()["detail"].startswith("[E114] ")
    page = site.client.get("/search", params={"q": words})
    assert page.status_code == 400 and "E114" in page.text
    nobody = site.client.get("/api/search", params={"entity": "x" * 50_001})
    assert nobody.status_code == 404 and "[E103]" in nobody.json()["detail"]


def test_a_store_that_cannot_be_opened_or_fails_is_503_with_advice_that_fits(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def away(*args: object, **kwargs: object) -> None:
        raise ChronikError(Code.E230, "news.db", detail="connection is bad")

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    stories = Chronik.stories
    monkeypatch.setattr(Chronik, "stories", away)
    answer = site.client.get("/api/stories")
    assert answer.status_code == 503 and answer.headers["retry-after"] == "30"
    page = site.client.get("/stories")
    assert page.status_code == 503 and page.headers["retry-after"] == "30"  # review 46
    monkeypatch.setattr(Chronik, "stories", stories)
    monkeypatch.setattr(SQLiteStore, "stories", full)
    detail = site.client.get("/api/stories").json()["detail"]
    assert "[E240]" in detail and "free some disk space and run it again" in detail
    assert "backup" not in detail


def test_english_pages_name_entities_by_their_english_labels(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "labels.db")).with_(feeds=())
    with Chronik(options=options) as app:
        app.ingest_bytes("Brücke\n\nDänemark baut eine Brücke nach Schweden.".encode())
        [story] = app.stories()
    with TestClient(create_app(options)) as client:
        for lang, names in (("en", ("Denmark", "Sweden")), ("de", ("Dänemark", "Schweden"))):
            for path in ("/entities", f"/story/{story.id}", "/"):
                page = client.get(path, params={"lang": lang}).text
                assert all(f">{name}</a>" in page for name in names), (lang, path)


def test_the_article_page_names_every_kind_of_page_furniture(tmp_path: Path) -> None:
    run_on = "wort " * 400  # a run of text without a sentence end, read in pieces
    page = (
        "<html><head><title>Der Haushalt</title></head><body><article><h1>Der Haushalt</h1>"
        "<p>Stand: 28.04.2020 18:00 Uhr</p>"
        + "<p>Der Stadtrat hat am Montag lange über den Haushalt beraten und gestritten.</p>" * 4
        + f"<p>{run_on}</p></article></body></html>"
    )
    options = _options(tmp_path)
    with Chronik(options=options) as app:
        item = {"url": "https://a.example/meinung/haushalt", "text": page}
        report = app.ingest_bytes((json.dumps(item) + "\n").encode(), "items.jsonl")
        assert report.inserted == 1, report.errors
        [article] = app.articles()
    assert article.metadata["genre"] == "opinion" and article.metadata["cut_sentences"] == 1
    with TestClient(create_app(options)) as client:
        shown = client.get(f"/article/{article.id}", params={"lang": "de"})
        assert shown.status_code == 200
        for words in ("Gattung", "Meinung (vom Verlag so eingeordnet)", "Stand", "28.04.2020"):
            assert words in shown.text, words
        assert "In Stücken gelesene Textläufe" in shown.text


def test_the_message_catalogue_names_each_key_once() -> None:
    """A key given twice is read as its last value: the page furniture's fuller names
    ("Aufforderungen und Bedienelemente") had been shadowed by older, shorter ones."""
    text = (Path(pages.__file__).parent / "messages.json").read_text(encoding="utf-8")

    def unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return dict(pairs)

    json.loads(text, object_pairs_hook=unique)
    assert Translator("de")("prompts") == "Aufforderungen und Bedienelemente"
    assert Translator("en")("disclaimers") == "Disclaimers"


def test_an_attribution_s_sentence_is_not_put_in_quotation_marks_again(site: Site) -> None:
    """The sentence that reports a claim often opens with the quotation itself; a <q>
    around it gave its marks twice ('„"Es ist allein Sache …"“')."""
    page = site.client.get(f"/article/{site.report.id}").text
    sidebar = page[page.index('id="h-attr"') : page.index('id="h-ent"')]
    assert "<q" not in sidebar
    assert re.search(r'<blockquote lang="de">Hartmann sagte, das Land werde', sidebar)


def test_the_story_axis_spans_its_articles_days_not_an_event_dated_far_away(
    tmp_path: Path,
) -> None:
    """An event dated a year before (or months after) the reports had stretched the axis:
    its ends said another span than the story's, and the articles crowded into one end."""
    options = _options(tmp_path)
    text = "Lena Hartmann wird am Freitag die Werft in Rostock besuchen. Die Werft baut Fähren."
    with Chronik(options=options) as app:
        for day in (14, 20):
            line = {"title": "Hartmann in Rostock", "text": text, "url": f"https://b.example/{day}"}
            app.ingest_bytes(json.dumps(line | {"published": f"2025-05-{day}T08:00:00Z"}).encode())
        [story] = app.stories()
        report = app.story_report(story.id)
    assert any(e.event and e.when and e.when.year == 2024 for e in report.entries), "the event"
    with TestClient(create_app(options)) as client:
        page = client.get(f"/story/{story.id}").text
    axis = page[page.index('<figure class="axis">') : page.index("</figure>")]
    assert "<span>14.05.2025</span><span>20.05.2025</span>" in axis
    assert 'class="dot-event"' not in axis and "10.05.2024" in page, "in the timeline only"
    assert "2 Ereignisse außerhalb dieser Tage nur in der Zeitleiste</figcaption>" in axis


def test_titles_as_written_are_marked_german_on_an_english_page(site: Site) -> None:
    """Story and article titles stay as written: every list marks their language, as the
    story's timeline did, so that a screen reader does not read German with English sounds."""
    story = site.announcement.story_id
    title = re.escape(site.announcement.title)
    pages = {path: site.client.get(path, params={"lang": "en"}).text
             for path in ("/", "/stories", f"/story/{story}", "/entity/org:neptun-werft",
                          f"/article/{site.report.id}", "/search")}  # fmt: skip
    pages["/search"] = site.client.get("/search", params={"q": "Werft", "lang": "en"}).text
    assert re.search(rf'<a href="/story/{story}" lang="de">', pages["/"])
    assert re.search(rf'<a href="/story/{story}" lang="de">', pages["/stories"])
    assert re.search(r'<h1 lang="de">', pages[f"/story/{story}"])
    assert re.search(rf'<a href="/story/{story}" lang="de">', pages[f"/article/{site.report.id}"])
    for path in ("/entity/org:neptun-werft", "/search"):
        assert re.search(rf'<a href="/article/[^"]+" lang="de">{title}</a>', pages[path]), path


def test_the_story_history_s_titles_are_marked_german_on_an_english_page(site: Site) -> None:
    """The history's links are titles as written too: they had been the one list of the
    story page without lang="de" (review 251: "started with Medienberichte: …")."""
    story = site.announcement.story_id
    page = site.client.get(f"/story/{story}", params={"lang": "en"}).text
    history = page[page.index('id="h-history"') : page.index('id="h-related"')]
    links = re.findall(r'<a href="/(?:article|story)/[^"]+"( lang="de")?>', history)
    assert links and all(links), history


def test_a_story_page_finds_each_article_s_events_once_not_per_article(site: Site) -> None:
    """Each article's events come grouped from the page code: looked up among all entries
    once per article, a 440-article timeline had taken 0.9 s to render."""
    with Chronik(options=site.options) as app:
        report = app.story_report(site.announcement.story_id)
    grouped = queries.events_by_article(report.entries)
    events = [e for e in report.entries if e.event]
    assert sorted(grouped) == sorted({e.article.id for e in events})
    assert [e for v in grouped.values() for e in v] == events or sum(
        map(len, grouped.values())
    ) == len(events)
    page = site.client.get(f"/story/{site.announcement.story_id}").text
    timeline = page[page.index('<ol class="timeline">') :]
    for article_id, found in grouped.items():
        item = timeline[timeline.index(f"/article/{article_id}") :]
        item = item[: (item + '<li class="article">').index('<li class="article">')]
        item = item[: (item + 'id="h-story-events"').index('id="h-story-events"')]
        assert item.count('<li class="event">') == len(found)


def test_a_long_story_s_timeline_folds_its_middle(tmp_path: Path) -> None:
    """The first articles and the latest stay open, those between are one fold with their
    count and days: a 44-article timeline had run to 12,000 pixels before the analysis."""
    options = _options(tmp_path)
    text = "Lena Hartmann besucht die Werft in Rostock. Die Werft baut Fähren."
    with Chronik(options=options) as app:
        for n in range(30):
            line = {"title": "Hartmann in Rostock", "text": text, "url": f"https://b.example/{n}"}
            line["published"] = f"2025-05-{n // 2 + 1:02}T{8 + n % 2:02}:00:00Z"
            app.ingest_bytes(json.dumps(line).encode())
        [story] = app.stories()
    assert story.size == 30
    with TestClient(create_app(options)) as client:
        page = client.get(f"/story/{story.id}").text
    timeline = page[page.index('id="h-timeline"') : page.index('id="h-story-events"')]
    fold = timeline[timeline.index('<details class="timeline-fold">') :]
    fold = fold[: fold.index("</details>\n<ol")]
    assert timeline.count('<li class="article">') == 30, "every article, folded or not"
    assert fold.count('<li class="article">') == 10
    assert "<summary>10 weitere Artikel, 03.05.2025 – 08.05.2025</summary>" in fold
    assert timeline.index("fold") > timeline.index("2025-05-03T08:00"), "the first five before"


def test_names_as_the_articles_wrote_them_are_marked_german_on_an_english_page(
    site: Site,
) -> None:
    """A name without an English label stays as written, marked lang="de" on an English
    page (in events, changes, sources, what an article names first) and only there."""
    story = site.announcement.story_id
    english = site.client.get(f"/story/{story}", params={"lang": "en"}).text
    german = site.client.get(f"/story/{story}", params={"lang": "de"}).text
    events = english[english.index('id="h-story-events"') : english.index('id="h-changes"')]
    assert '(<span lang="de">Lena Hartmann</span>)' in events
    assert '<span lang="de">Rostock</span>' in events
    sources = english[english.index('id="h-sources"') : english.index('id="h-history"')]
    assert '<span lang="de">Ein Sprecher</span>' in sources
    assert '<span lang="de">' not in german, "a German page marks nothing"


def test_entity_names_without_a_label_are_marked_german_on_an_english_page(site: Site) -> None:
    """An entity with no English label is named as the articles wrote it: every page marks
    that name (and the aliases, and an article's sources) German, as the story's events do
    (review 251: "Weißes Haus", "Universität Göttingen" on the English front page)."""
    story = site.announcement.story_id
    link = '<a class="entity" href="/entity/per%3Alena-hartmann" lang="de">Lena Hartmann</a>'
    english = {path: site.client.get(path, params={"lang": "en"}).text
               for path in ("/", f"/story/{story}", f"/article/{site.report.id}",
                            "/entities", "/entity/per:lena-hartmann")}  # fmt: skip
    for path in ("/", f"/story/{story}", f"/article/{site.report.id}"):
        assert link in english[path], path
    assert (
        'href="/entity/per%3Alena-hartmann" lang="de">Lena Hartmann</a></td>'
        in english["/entities"]
    )
    assert '<h1 lang="de">Lena Hartmann</h1>' in english["/entity/per:lena-hartmann"]
    assert re.search(r'<strong lang="de">[^<]+</strong> <span class="badge">', english[
        f"/article/{site.report.id}"])  # fmt: skip
    for path in ("/", f"/story/{story}", f"/article/{site.report.id}", "/entities"):
        german = site.client.get(path, params={"lang": "de"}).text
        assert 'href="/entity/per%3Alena-hartmann">Lena Hartmann</a>' in german, path
        assert '<strong lang="de">' not in german, "a German page marks nothing"


def test_a_chart_s_bars_name_their_day_as_the_page_writes_days(site: Site) -> None:
    """Each bar's title writes its day as the page's caption and the story's axis do: a
    German page had named them "2025-08-04: 40" under "05.08.2025 – 12.11.2025" (review 251)."""
    for path in ("/", "/entity/per:lena-hartmann"):
        german = site.client.get(path, params={"lang": "de"}).text
        english = site.client.get(path, params={"lang": "en"}).text
        bars = re.findall(r'class="bar"><title>([^<]+)</title>', german)
        assert bars and all(re.fullmatch(r"\d\d\.\d\d\.\d{4}: \d+", b) for b in bars), bars
        bars = re.findall(r'class="bar"><title>([^<]+)</title>', english)
        assert bars and all(re.fullmatch(r"\d{4}-\d\d-\d\d: \d+", b) for b in bars), bars


def test_the_search_field_in_error_is_marked_invalid_and_described_by_the_error(
    site: Site,
) -> None:
    """A screen reader on the field it must correct hears that it is wrong and why: the
    error under the form had been an alert alone, the field unmarked (review 251)."""

    def fields(**params: str) -> dict[str, str]:
        page = site.client.get("/search", params=params).text
        assert 'id="search-error" role="alert"' in page or not page.count('class="error"')
        return dict(re.findall(r'<input id="(q|since|until)"([^>]*)>', page))

    wrong = ' aria-invalid="true" aria-describedby="search-error"'
    found = fields(q="Werft", since="gestern")
    assert found["since"].endswith(wrong) and "aria-invalid" not in found["until"] + found["q"]
    found = fields(q="Werft", since="2024-05-20", until="2024-05-01")  # E112
    assert found["since"].endswith(wrong) and found["until"].endswith(wrong)
    found = fields(q=" ".join(f"w{n}" for n in range(70)))  # E114
    assert 'aria-invalid="true" aria-describedby="q-hint search-error"' in found["q"]
    found = fields(q="Werft", since="2024-05-01")
    assert "aria-invalid" not in "".join(found.values())


_ANALYSING, _GO_ON = threading.Event(), threading.Event()


@component("test_waits_while_analysing")
def _waits_while_analysing(article: Article, options: Options) -> None:
    if "LANGSAM" in article.text:
        _ANALYSING.set()
        _GO_ON.wait(30)


def test_an_ingest_waits_for_another_s_storing_not_for_its_analysis(tmp_path: Path) -> None:
    # A one-sentence POST had waited 38 s behind the analysis of a 1.2 MB one (review 71).
    pipeline = ("sentences", "test_waits_while_analysing")
    options = Options(db=str(tmp_path / "w.db"), token=TOKEN, pipeline=pipeline)
    app = create_app(options)
    headers = {"X-Chronik-Token": TOKEN, "Content-Type": "text/plain"}
    answers: list[int] = []

    def post(text: str) -> None:
        answer = TestClient(app).post("/api/ingest", content=text.encode(), headers=headers)
        answers.append(answer.json()["inserted"])

    _ANALYSING.clear()
    _GO_ON.clear()
    slow = threading.Thread(target=post, args=("Langsam\n\nLANGSAM wird es analysiert.",))
    slow.start()
    try:
        assert _ANALYSING.wait(30), "the slow article never reached analysis"
        quick = threading.Thread(target=post, args=("Schnell\n\nDer Rat tagt in Kiel.",))
        quick.start()
        quick.join(10)
        assert not quick.is_alive() and answers == [1], "stored while the other one analyses"
    finally:
        _GO_ON.set()
        slow.join(30)
    assert answers == [1, 1]


def test_an_article_page_parts_headlines_run_together_at_a_highlight_too() -> None:
    # Review 114: a seam at a time expression, after a closing quote and inside one mention
    # (the NER read "GazastreifenMerz" as one name) had stayed glued on the article page.
    text = (
        'Hamas ist bereit21:02 Uhr - Merz nennt Frieden "in Nähe"Trump ruft im GazastreifenMerz an'
    )
    spans = [("21:02 Uhr", "timex"), ("Trump", "entity"), ("GazastreifenMerz", "entity")]
    mentions, timexes = [], []
    for name, kind in spans:
        start = text.index(name)
        if kind == "entity":
            mentions.append(Mention(start, start + len(name), name, "LOC", "ent_x"))
        else:
            timexes.append(Timex(start, start + len(name), name, "TIME", "2025-10-04T21:02"))
    article = Article(id="a", title="", text=text, mentions=mentions, timexes=timexes)
    block = Block(BlockKind.PARAGRAPH, text, start=0, end=len(text))
    shown = view.readable(view.segments(article, block, view._spans(article)))
    assert "".join(s.text for s in shown) == (
        'Hamas ist bereit · 21:02 Uhr - Merz nennt Frieden "in Nähe" · Trump ruft im '
        "Gazastreifen · Merz an"
    )
    assert [s.kind for s in shown if s.kind] == ["timex", "entity", "entity"]
    colon = "Die Lage im Überblick:Moskau meldet"
    start = colon.index("Moskau")
    article = Article(
        id="b", title="", text=colon, mentions=[Mention(start, start + 6, "Moskau", "LOC")]
    )
    block = Block(BlockKind.PARAGRAPH, colon, start=0, end=len(colon))
    shown = view.readable(view.segments(article, block, view._spans(article)))
    assert "".join(s.text for s in shown) == "Die Lage im Überblick: Moskau meldet"


def test_a_search_form_with_its_dates_swapped_or_too_many_words_keeps_the_form(
    site: Site,
) -> None:
    # Review 114: both had been an error page with a link to the front page, the form and
    # what was typed into it lost.
    swapped = {"q": "Werft", "since": "2025-09-01", "until": "2025-08-01", "lang": "de"}
    page = site.client.get("/search", params=swapped)
    assert page.status_code == 400 and "[E112] " in page.text
    assert 'value="2025-09-01"' in page.text and 'value="Werft"' in page.text
    assert 'role="search"' in page.text and "Treffer" not in page.text
    words = " ".join(f"Wort{number}" for number in range(100))
    page = site.client.get("/search", params={"q": words, "lang": "en"})
    assert page.status_code == 400 and "[E114] " in page.text and 'role="search"' in page.text
    assert "This search cannot be run" in page.text


def test_the_empty_front_page_names_the_store_the_server_shows(tmp_path: Path) -> None:
    """It had said "chronik ingest PFAD", which ingests into ./chronik.db, not the store of
    `chronik serve --db` (review 164)."""
    options = _options(tmp_path, db=str(tmp_path / "mein archiv.db"))
    text = html.unescape(_text(TestClient(create_app(options)).get("/").text))
    store = shlex.quote(str(tmp_path / "mein archiv.db"))
    assert f"Füge welche hinzu mit: chronik --db {store} ingest PFAD" in text
    english = html.unescape(_text(TestClient(create_app(options)).get("/?lang=en").text))
    assert f"Add some with: chronik --db {store} ingest PATH" in english
    default = Options(db="chronik.db", pipeline=("sentences",))
    assert pages.ingest_command(Chronik(options=default)) == "chronik ingest"


def test_the_server_s_warm_up_compiles_every_template(monkeypatch: pytest.MonkeyPatch) -> None:
    # Compiling the story page's templates had been 0.2-0.3 s of its first view (review 254).
    loaded: list[Options] = []
    monkeypatch.setattr(server_module, "warm_up", loaded.append)
    env = pages.templates.env
    assert env.cache is not None
    env.cache.clear()
    server_module._warm_up(Options(embedding_backend="none"))
    assert len(env.cache) == len(env.list_templates()) >= 11
    assert len(loaded) == 1, "and the models and data of a story's page"


def test_a_search_hit_s_story_link_is_named_by_the_story_s_title(site: Site) -> None:
    # 50 links "zur Geschichte" to as many stories said nothing in a screen reader's list of
    # links (WCAG 2.4.9, review 254); the title is read, the eye sees the link as it was.
    with Chronik(options=site.options) as app:
        title = app.story_summary(site.report.story_id or "").title
    for lang, said in (("de", "zur Geschichte"), ("en", "its story")):
        page = site.client.get("/search", params={"q": "Werft", "lang": lang}).text
        links = re.findall(r'<a href="/story/[^"]+">(.*?)</a>', page)
        assert len(links) == 2
        for link in links:
            assert re.sub(r"<[^>]+>", "", link) == f"{said}: {html.escape(title, quote=False)}"
            assert link.startswith(f'{said}<span class="sr-only">: <span lang="de">')


def test_an_arrow_is_for_the_eye_and_a_word_for_a_screen_reader(site: Site) -> None:
    # "am Freitag → 10.05.2024" had been read "am Freitag Pfeil nach rechts 10.05.2024"; the
    # arrows of the story's changes and of the pager too (review 254).
    def spoken(path: str, lang: str) -> str:
        page = site.client.get(path, params={"lang": lang}).text
        page = re.sub(r'<span aria-hidden="true">[←→]</span>', "", page.split("<body", 1)[1])
        return re.sub(r"<svg.*?</svg>", "", page, flags=re.S)

    paths = ("/", "/stories", f"/story/{site.report.story_id}", f"/article/{site.report.id}")
    for lang in ("de", "en"):
        for path in (*paths, f"/article/{site.announcement.id}"):
            text = re.sub(r"<[^>]+>", "", spoken(path, lang))
            assert "→" not in text and "←" not in text, (path, lang)
    said = spoken(f"/article/{site.announcement.id}", "de")
    assert '<li>am Freitag <span class="sr-only">bedeutet</span> <span title="2024-05-10">' in said
    said = spoken(f"/article/{site.announcement.id}", "en")
    assert '<span class="sr-only">means</span> <span title="2024-05-10">' in said


def test_an_article_s_time_expressions_are_marked_german_on_an_english_page(site: Site) -> None:
    # "am Freitag" had been read with English sounds on an English page (review 254).
    english = site.client.get(f"/article/{site.announcement.id}", params={"lang": "en"}).text
    times = english[english.index('id="h-tx"') :].split("</ul>", 1)[0]
    assert times.count("<li>") == times.count('<li><span lang="de">') == 3
    german = site.client.get(f"/article/{site.announcement.id}", params={"lang": "de"}).text
    times = german[german.index('id="h-tx"') :].split("</ul>", 1)[0]
    assert "<li>am Freitag " in times and 'lang="de"' not in times
