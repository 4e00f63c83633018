"""The reference articles end to end: one story, announcement first (skips without ../shared)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from chronik import Chronik
from chronik.ingest.document import Document
from chronik.ingest.readers import read_text
from chronik.options import Options


def seed_documents(shared: Path) -> list[Document]:
    documents = []
    for path in sorted((shared / "seeds").glob("00[02]_*.txt")):
        for item in read_text(path.read_bytes(), str(path)):
            assert isinstance(item, Document)
            if path.name.startswith("002"):
                item.published = datetime(2023, 9, 11, tzinfo=UTC)
            documents.append(item)
    return documents


def test_seeds_form_one_story_with_the_announcement_first(shared: Path, tmp_path: Path) -> None:
    with Chronik(options=Options(db=str(tmp_path / "seeds.db"))) as app:
        report = app.ingest_documents(seed_documents(shared))
        assert report.inserted == 2
        stories = app.stories()
        assert len(stories) == 1 and stories[0].size == 2
        timeline = app.timeline(stories[0].id)
    assert timeline[0].title.startswith("Bestätigung des Kreml")
    assert timeline[0].published == datetime(2023, 9, 11, tzinfo=UTC)
    assert timeline[1].title.startswith("Putin trifft Kim Jong Un")
    assert timeline[1].new_sentences
