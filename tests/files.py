"""Input files the tests write."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_jsonl(path: Path, records: Iterable[Any], ensure_ascii: bool = True) -> Path:
    """``records`` as Chronik's JSONL input, one JSON document a line, in UTF-8."""
    lines = (json.dumps(record, ensure_ascii=ensure_ascii) + "\n" for record in records)
    path.write_text("".join(lines), encoding="utf-8")
    return path


# A meeting announced for Paris that took place in Strasbourg: a story whose later report
# changes an event's place.
MOVED_MEETING = [
    {
        "title": "Merz reist zu Macron nach Paris",
        "text": "Bundeskanzler Friedrich Merz wird am Mittwoch in Paris den französischen "
        "Präsidenten Emmanuel Macron treffen. Merz und Macron wollen über die Verteidigung "
        "Europas sprechen.",
        "published": "2025-05-12T08:00:00+00:00",
    },
    {
        "title": "Merz und Macron treffen sich in Straßburg",
        "text": "Bundeskanzler Friedrich Merz und der französische Präsident Emmanuel Macron "
        "haben sich am Mittwoch in Straßburg getroffen. Merz und Macron sprachen über die "
        "Verteidigung Europas.",
        "published": "2025-05-14T18:00:00+00:00",
    },
]
