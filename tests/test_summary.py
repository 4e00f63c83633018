"""A story as shown: one report, from the Python API, for the CLI, the REST API and the web."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from chronik import Chronik, Options
from chronik.cli import cli
from chronik.export import story_record
from chronik.model import Article, Attribution, Entity, Story
from chronik.stories import summary
from chronik.stories.development_reports import Report
from chronik.stories.developments import Change, StoryEvent
from chronik.web import create_app
from files import MOVED_MEETING, write_jsonl


def test_the_record_lists_a_change_two_events_share_once() -> None:
    article = Article(id="a", title="", text="")
    twice = [
        StoryEvent(f"e{i}", "s", "attack", "190", ["x"], ["Israel"], [None], [], "happened",
                   [Change("confirmed", ["announced"], ["happened"], "a")])
        for i in (1, 2)
    ]  # fmt: skip
    story = Story("s", "", articles=[article])
    assert len(summary.changes(story, twice)) == 1
    report = summary.StoryReport(story, [], [], twice, summary.changes(story, twice), [], [])
    record = story_record(report)
    assert sum(len(row["changes"]) for row in record["events"]) == 2  # each event's own
    assert record["changes"] == [
        {
            "kind": "confirmed",
            "event_type": "attack",
            "actors": ["Israel"],
            "before": ["announced"],
            "after": ["happened"],
            "article_id": "a",
        }
    ]


def test_the_cli_the_rest_api_and_the_page_show_one_change_list(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "treffen.db"), embedding_backend="none")
    with Chronik(options=options) as app:
        app.ingest([write_jsonl(tmp_path / "treffen.jsonl", MOVED_MEETING)])
        [story] = app.stories()
        report = app.story_report(story.id)
    assert [a.id for a in report.story.articles] == [e.article_id for e in report.timeline]
    place = [c for c in report.changes if c.kind == "location"]
    assert [(c.before, c.after) for c in place] == [(["Paris"], ["Straßburg"])]
    env = {"CHRONIK_DB": options.db, "CHRONIK_EMBEDDING_BACKEND": "none"}
    printed = CliRunner().invoke(cli, ["story", "--json", story.id], env=env)
    text = CliRunner().invoke(cli, ["story", story.id], env=env).stdout
    with TestClient(create_app(options)) as client:
        served = client.get(f"/api/stories/{story.id}").json()
        page = client.get(f"/story/{story.id}").text
    changes = [c.to_dict() for c in report.changes]
    assert json.loads(printed.stdout)["changes"] == served["changes"] == changes
    assert text.count("  ! ") == len(changes) and "! location: Paris -> Straßburg" in text
    assert "Straßburg" in page
    added = {e["article_id"]: e["new_entities"] for e in served["timeline"]}
    assert (
        added == report.new_entities() and "Emmanuel Macron" in added[report.story.articles[0].id]
    )


def test_the_current_stories_are_those_that_grew_most_recently(tmp_path: Path) -> None:
    options = Options(db=str(tmp_path / "front.db"), embedding_backend="none")
    items = [
        {"title": "Brücke in Kiel", "text": "In Kiel wird eine neue Brücke gebaut.",
         "published": "2025-01-01T08:00:00+00:00"},
        {"title": "Hochwasser in Passau", "text": "Die Donau tritt in Passau über die Ufer.",
         "published": "2025-03-01T08:00:00+00:00", "publisher": "Blatt"},
    ]  # fmt: skip
    with Chronik(options=options) as app:
        app.ingest([write_jsonl(tmp_path / "front.jsonl", items)])
        current = app.current_stories(limit=1)
    [first] = current
    assert first.recent == 1 and first.publishers == ["Blatt"]
    assert "Passau" in first.story.title


def test_an_article_is_shown_by_one_title_everywhere(tmp_path: Path) -> None:
    text = "Nahost:\n\nIsrael rückt auf die Stadt vor. Die Armee meldet Gefechte."
    article = Article(id="a", title="Nahost:", text=text)
    assert article.display_title == "Nahost: Israel rückt auf die Stadt vor."
    assert article.to_dict()["title"] == "Nahost:" and "display_title" not in article.to_dict()
    db = str(tmp_path / "titel.db")
    CliRunner().invoke(cli, ["--db", db, "ingest", "-"], input=text)
    listed = CliRunner().invoke(cli, ["--db", db, "articles"]).stdout
    assert listed.rstrip().endswith("Nahost: Israel rückt auf die Stadt vor.")


def test_main_events_are_those_several_articles_give_in_the_most_articles_first() -> None:
    """An event's reports are its mentions, several in one article: a story of 53
    articles had listed a meeting of "83 Meldungen" (review 124)."""

    def report(article_id: str) -> Report:
        return Report(article_id, None, None, "", 0, 0, "happened", None, None, None, False,
                      [], ["Israel"])  # fmt: skip

    def event(key: str, article_ids: list[str]) -> StoryEvent:
        reports = [report(a) for a in article_ids]
        return StoryEvent(key, "s", "attack", "190", ["x"], ["Israel"], [None], reports)

    once = event("once", ["a", "a", "a", "a"])  # one article, four mentions
    wide = event("wide", ["a", "b", "c"])
    loud = event("loud", ["a", "a", "a", "b"])
    rows = summary.main_events([once, loud, wide])
    assert [row["event_id"] for row in rows] == ["wide", "loud"]
    assert (rows[1]["num_reports"], rows[1]["num_articles"]) == (4, 2)


def test_who_says_what_counts_one_source_in_any_case_once() -> None:
    """ "der Landesbetrieb" and "des Landesbetriebs" had been two sources of one story, as
    any source left unlinked was grouped by its words (review 164); a plural names others."""
    article = Article(id="a", title="", text="")
    article.attributions = [
        Attribution(0, 1, "x", "des Landesbetriebs", "report"),
        Attribution(0, 1, "x", "der Landesbetrieb", "quote"),
        Attribution(0, 1, "x", "der zuständigen Behörde", "report"),
        Attribution(0, 1, "x", "Die zuständige Behörde", "report"),
        Attribution(0, 1, "x", "die zuständigen Behörden", "report"),
        Attribution(0, 1, "x", "dem Sprecher des Ministeriums", "report"),
        Attribution(0, 1, "x", "ein Sprecher des Ministeriums", "report"),
    ]
    assert summary.attributions_by_source([article]) == [
        ("der Landesbetrieb", 2, ["quote", "report"]),
        ("Die zuständige Behörde", 2, ["report"]),
        ("die zuständigen Behörden", 1, ["report"]),
        ("dem Sprecher des Ministeriums", 1, ["report"]),
        ("ein Sprecher des Ministeriums", 1, ["report"]),
    ]


def test_who_says_what_names_no_source_by_a_name_run_together() -> None:
    """A source linked to an entity whose name a live blog ran together ("KielSchulz") is
    counted as written, as the story's entities leave such a name out (review 175: the
    story page had listed "MoskauSelenskyj" and "WolgogradMoskau" as sources); written as a
    surname alone, it then counts under the one person of the story who bears it (review
    251: "Selenskyj" had been listed with 2 statements beside "Wolodymyr Selenskyj")."""
    article = Article(id="a", title="", text="")
    article.entities = [
        Entity("ent_ks", "KielSchulz", "PER"),
        Entity("ent_s", "Anna Schulz", "PER"),
        Entity("ent_w", "WienHuber", "PER"),
    ]
    article.attributions = [
        Attribution(0, 1, "x", "Schulz", "quote", entity_ids=["ent_ks"]),
        Attribution(0, 1, "x", "Anna Schulz", "report", entity_ids=["ent_s"]),
        Attribution(0, 1, "x", "Huber", "quote", entity_ids=["ent_w"]),
    ]
    assert summary.attributions_by_source([article]) == [
        ("Anna Schulz", 2, ["quote", "report"]),
        ("Huber", 1, ["quote"]),
    ]


def test_who_says_what_counts_a_surname_or_a_bare_noun_under_its_full_source() -> None:
    """A source left unlinked joins the one person of the story with its surname, and a
    noun alone the same noun after an article; a surname two persons bear joins neither,
    and a noun after a longer phrase is another source ("Botschafter der Ukraine")."""
    first, second = Article(id="a", title="", text=""), Article(id="b", title="", text="")
    first.entities = [Entity("ent_lk", "Lena Kowal", "PER"), Entity("ent_ik", "Ivo Kowal", "PER")]
    second.entities = [Entity("ent_mb", "Mira Bergen", "PER")]
    first.attributions = [
        Attribution(0, 1, "x", "Lena Kowal", "quote", entity_ids=["ent_lk"]),
        Attribution(0, 1, "x", "Ivo Kowal", "quote", entity_ids=["ent_ik"]),
        Attribution(0, 1, "x", "der Behörden", "report"),
        Attribution(0, 1, "x", "Sprecher der Werft", "report"),
    ]
    second.attributions = [
        Attribution(0, 1, "x", "Mira Bergen", "quote", entity_ids=["ent_mb"]),
        Attribution(0, 1, "x", "Bergen", "report"),
        Attribution(0, 1, "x", "Kowal", "quote"),
        Attribution(0, 1, "x", "Behörden", "report"),
        Attribution(0, 1, "x", "Werft", "report"),
    ]
    assert summary.attributions_by_source([first, second]) == [
        ("der Behörden", 2, ["report"]),
        ("Mira Bergen", 2, ["quote", "report"]),
        ("Lena Kowal", 1, ["quote"]),
        ("Ivo Kowal", 1, ["quote"]),
        ("Sprecher der Werft", 1, ["report"]),
        ("Kowal", 1, ["quote"]),
        ("Werft", 1, ["report"]),
    ]


def test_who_says_what_counts_a_noun_under_the_one_source_it_heads() -> None:
    """A noun alone joins the one source of the story whose last word it is with no article
    or preposition before ("Wetterdienst" had been listed beside "Nordischer Wetterdienst");
    the same noun after an article alone wins over a longer phrase, and a noun that heads two
    sources joins neither."""
    article = Article(id="a", title="", text="")
    article.attributions = [
        Attribution(0, 1, "x", "Nordischer Wetterdienst", "report"),
        Attribution(0, 1, "x", "Wetterdienst", "report"),
        Attribution(0, 1, "x", "der Behörden", "report"),
        Attribution(0, 1, "x", "der örtlichen Behörden", "report"),
        Attribution(0, 1, "x", "Behörden", "report"),
        Attribution(0, 1, "x", "Kieler Reeder", "quote"),
        Attribution(0, 1, "x", "Lübecker Reeder", "quote"),
        Attribution(0, 1, "x", "Reeder", "quote"),
    ]
    assert summary.attributions_by_source([article]) == [
        ("Nordischer Wetterdienst", 2, ["report"]),
        ("der Behörden", 2, ["report"]),
        ("der örtlichen Behörden", 1, ["report"]),
        ("Kieler Reeder", 1, ["quote"]),
        ("Lübecker Reeder", 1, ["quote"]),
        ("Reeder", 1, ["quote"]),
    ]
