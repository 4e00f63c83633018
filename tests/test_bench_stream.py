"""bench/ingest_stream.py ingests the stream as the story evaluation does (one mapping,
chronik.evaluation.stories); a news-stream-de file of two items stands in for the shared
data."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from chronik.evaluation.stories import stream_items, write_items
from chronik.ingest.document import Document
from chronik.ingest.jsonl import read_jsonl
from files import write_jsonl

BENCH = Path(__file__).resolve().parent.parent / "bench"
ITEMS = [
    {
        "gathered_date": "2025-08-05",
        "title": "Landtag in Mainz berät über den Haushalt",
        "content": "Der Landtag in Mainz hat am Dienstag über den Haushalt beraten.",
        "url": "https://www.example.de/politik/haushalt-100.html",
        "source": "https://www.example.de/index",
        "language": "de",
    },
    {
        "gathered_date": "2025-08-06",
        "title": "Unfall auf der A3 bei Köln",
        "content": "Bei einem Unfall auf der A3 bei Köln wurden zwei Menschen verletzt.",
        "url": "https://www.example.de/panorama/unfall-102.html",
        "source": "https://www.example.de/index",
        "publisher": "Example Zeitung",
        "language": "de",
    },
]


def shared_stream(tmp_path: Path) -> Path:
    folder = tmp_path / "shared" / "data" / "news-stream-de"
    folder.mkdir(parents=True)
    return write_jsonl(folder / "items.jsonl", ITEMS, ensure_ascii=False)


def test_the_stream_is_dated_and_named_as_the_evaluation_maps_it(tmp_path: Path) -> None:
    written = write_items(stream_items(shared_stream(tmp_path)), tmp_path / "items.jsonl")
    documents = list(read_jsonl(written.read_bytes(), str(written)))
    assert all(isinstance(d, Document) for d in documents)
    assert [d.published for d in documents if isinstance(d, Document)] == [
        datetime(2025, 8, 5, 6, tzinfo=UTC),
        datetime(2025, 8, 6, 6, tzinfo=UTC),
    ]
    assert [d.publisher for d in documents if isinstance(d, Document)] == [
        "example.de",
        "Example Zeitung",
    ]


def test_the_benchmark_ingests_the_stream(tmp_path: Path) -> None:
    shared_stream(tmp_path)
    command = [
        sys.executable,
        str(BENCH / "ingest_stream.py"),
        "--shared",
        str(tmp_path / "shared"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert (report["items"], report["new"], report["failed"]) == (2, 2, 0)
