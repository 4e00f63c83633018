"""The reference articles, end to end (skips when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chronik.cli import cli


def export(shared: Path, tmp_path: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    runner = CliRunner()
    db = str(tmp_path / "seeds.db")
    assert runner.invoke(cli, ["--db", db, "ingest", str(shared / "seeds")]).exit_code == 0
    lines = runner.invoke(cli, ["--db", db, "export", "--format", "jsonl"]).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    return {r["title"]: r for r in records}


def test_announcement_boilerplate_and_opinion(shared: Path, tmp_path: Path) -> None:
    records = export(shared, tmp_path)
    assert len(records) == 2
    announcement = next(r for t, r in records.items() if t.startswith("Bestätigung des Kreml"))
    assert len(announcement["metadata"]["related_titles"]) == 8
    assert announcement["metadata"]["image_credit"] == "Aedrian"
    assert "Sie könnten lesen wollen" not in announcement["text"]
    assert "photo by" not in announcement["text"]
    assert "Eurasische Handelszone" not in announcement["text"]
    opinion_openers = [
        b["text"]
        for b in announcement["blocks"]
        if b["kind"] == "subheading" and b["stance"] == "opinion"
    ]
    assert opinion_openers == [
        "Editorial: Die Implikationen des Treffens",
        "Empfehlungen für internationale Akteure",
        "Schlussfolgerung",
    ]
    under_editorial = [b for b in announcement["blocks"] if b["section"].startswith("Editorial")]
    assert under_editorial and all(b["stance"] == "opinion" for b in under_editorial)


def test_one_story_with_entities_events_and_sources(shared: Path, tmp_path: Path) -> None:
    """The whole default pipeline on the reference pair: the product's acceptance case."""
    from chronik import Chronik

    with Chronik(str(tmp_path / "all.db")) as app:
        app.ingest([str(shared / "seeds")])
        [story] = app.stories()
        timeline = app.timeline(story.id)
        entities = {(e.name, e.type) for e in app.entities(limit=200)}
        developments = app.developments(story.id)
        announcement = app.article(timeline[0].article_id)
    assert timeline[0].title.startswith("Bestätigung des Kreml"), "the announcement first"
    # `chronik stories --json` lists the articles so too, though neither is dated
    assert [a.id for a in story.articles] == [entry.article_id for entry in timeline]
    assert {
        ("Wladimir Putin", "PER"),
        ("Kim Jong Un", "PER"),
        ("Russland", "LOC"),
        ("Nordkorea", "LOC"),
        ("Wladiwostok", "LOC"),
        ("Pjöngjang", "LOC"),
        ("Vereinigte Staaten", "LOC"),
        ("Ukraine", "LOC"),
        ("Südkorea", "LOC"),
        ("Amur", "LOC"),
        ("Vostochny Cosmodrome", "LOC"),
        ("Kreml", "ORG"),
        ("Bloomberg", "ORG"),
    } <= entities
    names = [name for name, _ in entities]
    assert len(names) == len(set(names)), "one entity per name, whatever its mentions' types"
    meet = next(e for e in developments if e.type == "meet" and len(e.actors) == 2)
    assert set(meet.actor_names) == {"Wladimir Putin", "Kim Jong Un"}
    assert meet.modality == "happened"
    [moved] = [c for c in meet.changes if c.kind == "location"]
    assert moved.before == ["Wladiwostok"] and "Vostochny Cosmodrome" in moved.after
    arms = next(e for e in developments if e.type == "arms")
    assert arms.modality == "denied"
    assert any(c.kind == "denied" and c.before == ["speculated"] for c in arms.changes)
    assert {"Die USA und ihre Verbündeten", "Südkoreanische und US-Beamte"} <= set(arms.sources)
    assert arms.locations == [], "'im Ukraine-Krieg' names the war the arms are for, not a place"
    # the aid Putin suggests; Russia's "technische Unterstützung" it "könnte anbieten" is
    # another, speculated
    aid = next(e for e in developments if e.type == "aid" and e.sources)
    assert aid.modality == "suggested" and aid.sources == ["Wladimir Putin"]
    bloomberg = [a for a in announcement.attributions if "Bloomberg" in a.source]
    assert bloomberg and "Mittwoch" in bloomberg[0].sentence
