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
    ]
    under_editorial = [b for b in announcement["blocks"] if b["section"].startswith("Editorial")]
    assert under_editorial and all(b["stance"] == "opinion" for b in under_editorial)
