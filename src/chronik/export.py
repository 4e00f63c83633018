"""Serialisation shared by `chronik export`, the Python API and the REST API, so that
all three give the same JSON (documented in docs/export.md)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from chronik.errors import ChronikError, Code
from chronik.model import Article

# Internal bookkeeping that is not part of the exported record.
_INTERNAL = ("content_hash",)
CSV_FIELDS = ("id", "url", "title", "published", "source", "language", "story_id", "text")


def article_record(article: Article) -> dict[str, Any]:
    """One article as exported: clean text, blocks with kind and stance, metadata, story,
    and the analysis (sentences, timexes, entities, mentions, attributions, events)."""
    data = article.to_dict()
    for key in _INTERNAL:
        data.pop(key, None)
    return data


def write_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    count = 0
    for article in articles:
        out.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(articles: Iterable[Article], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for article in articles:
        writer.writerow(article_record(article))
        count += 1
    return count


WRITERS: dict[str, Callable[[Iterable[Article], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
}


def writer(name: str) -> Callable[[Iterable[Article], TextIO], int]:
    if name not in WRITERS:
        raise ChronikError(Code.E140, name=name, choices=", ".join(WRITERS))
    return WRITERS[name]
