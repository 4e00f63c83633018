"""Casualty counts across a story (``chronik.stories.figures``): a total that a later
article says has gone up is flagged; another incident's bare number, a feared count and a
headline are not. Our own short texts about a made-up earthquake."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from chronik import Chronik, Options
from chronik.cli import cli
from chronik.model import Article, Block, BlockKind, Stance
from chronik.stories.figures import figure_changes, figures
from chronik.web import create_app

DAY = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)
REPORTS = [
    "Nach dem Erdbeben in Lindenau gibt es mindestens 34 Tote und 120 Verletzte.",
    "Die Zahl der Toten in Lindenau ist nach Angaben der Behörden auf 72 gestiegen.",
    "In Lindenau wird weiter gesucht. Die Zahl der Toten könnte auf bis zu 500 steigen.",
    "Nach dem Erdbeben ist die Zahl der Todesopfer inzwischen auf mehr als 1.400 gestiegen.",
]


def _article(key: str, text: str, hours: int, title: str = "Erdbeben") -> Article:
    full = f"{title}\n\n{text}"
    blocks = [
        Block(BlockKind.HEADLINE, title, start=0, end=len(title)),
        Block(BlockKind.PARAGRAPH, text, Stance.REPORTING, len(title) + 2, len(full)),
    ]
    return Article(
        id=key, title=title, text=full, published=DAY + timedelta(hours=hours), blocks=blocks
    )


def test_a_total_said_to_have_risen_is_flagged_in_timeline_order() -> None:
    articles = [_article(f"a{i}", text, i) for i, text in enumerate(REPORTS)]
    assert [(f.kind, f.count) for f in figures(articles[0])] == [("dead", 34), ("injured", 120)]
    assert figures(articles[2]) == [], "a feared count is no count"
    changes = figure_changes(list(reversed(articles)))
    assert [(c.kind, c.before, c.after, c.article_id) for c in changes] == [
        ("dead", ["34"], ["72"], "a1"),
        ("dead", ["72"], ["1400"], "a3"),
    ]


def test_another_incident_s_number_and_a_headline_are_no_rise() -> None:
    war = [
        _article("b0", "Bei Angriffen im Süden gab es 14 Tote.", 0),
        _article("b1", "Bei einem Angriff im Norden kamen 40 Menschen ums Leben.", 1),
        _article("b2", "Die Lage bleibt unübersichtlich.", 2, title="Mindestens 90 Tote"),
    ]
    assert [(f.kind, f.count) for f in figures(war[1])] == [("dead", 40)]
    assert figure_changes(war) == []


def test_a_count_in_words_is_read_and_one_denied_is_not() -> None:
    said = _article("c0", "Zwölf Tote wurden inzwischen gezählt, dazu 12 Verletzte.", 0)
    assert [(f.kind, f.count) for f in figures(said)] == [("dead", 12), ("injured", 12)]
    spared = "Alle 150 Menschen an Bord wurden nicht verletzt, inzwischen ist es im Hafen."
    assert figures(_article("c1", spared, 1)) == []


def test_a_number_in_digit_groups_is_read_whole() -> None:
    grouped = _article("d0", "Es gab 1 000 Tote und 2.500 Verletzte.", 0)
    assert [(f.kind, f.count) for f in figures(grouped)] == [("dead", 1000), ("injured", 2500)]


def test_a_count_beyond_any_war_s_is_no_count() -> None:
    earlier = _article("e0", "Nach dem Beben gab es 12 Tote.", 0)
    junk = "Die Zahl der Toten ist inzwischen auf 99999999999999999999999999 gestiegen."
    later = _article("e1", junk + " Es gab 1.000.000.000.000 Verletzte.", 1)
    assert figures(later) == []
    assert figure_changes([earlier, later]) == []


def test_the_rise_shows_in_the_api_the_cli_and_the_story_page(tmp_path: Path) -> None:
    items = tmp_path / "beben.jsonl"
    lines = [
        {"url": f"https://example.org/beben-{i}", "title": "Erdbeben in Lindenau",
         "text": text, "published": (DAY + timedelta(days=i)).isoformat()}
        for i, text in enumerate(REPORTS[:2])
    ]  # fmt: skip
    items.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    options = Options(db=str(tmp_path / "beben.db"), embedding_backend="none")
    with Chronik(options=options) as app:
        assert app.ingest([items]).inserted == 2
        [story] = app.stories()
        assert [(c.kind, c.before, c.after) for c in app.casualties(story.id)] == [
            ("dead", ["34"], ["72"])
        ]
    env = {"CHRONIK_DB": options.db, "CHRONIK_EMBEDDING_BACKEND": "none"}
    shown = CliRunner().invoke(cli, ["story", story.id], env=env)
    assert "! dead: 34 -> 72" in shown.output
    record = json.loads(CliRunner().invoke(cli, ["story", "--json", story.id], env=env).output)
    assert [c["after"] for c in record["casualties"]] == [["72"]]
    with TestClient(create_app(options)) as client:
        page = client.get(f"/story/{story.id}").text
    assert "Mehr Tote" in page and "Opferzahl" in page
