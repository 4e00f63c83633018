"""Serialisation shared by `chronik export`, the Python API and the REST API, so that
all three give the same JSON (documented in docs/export.md)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from chronik.errors import ChronikError, Code
from chronik.model import Article, Entity, article_summary

if TYPE_CHECKING:
    from chronik.stories.summary import StoryReport

# Internal bookkeeping that is not part of the exported record.
_INTERNAL = ("content_hash",)
CSV_FIELDS = ("id", "url", "title", "published", "publisher", "language", "story_id", "text")


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
        record = article_record(article)
        writer.writerow({name: _inert(record.get(name)) for name in CSV_FIELDS})
        count += 1
    return count


def _inert(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(...)", a headline
    "++ Eilmeldung ++") starts with an apostrophe, which shows it as text (OWASP's advice
    for CSV exports); JSONL keeps every text as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


EVENT_TSV_FIELDS = (
    "event_id",
    "story_id",
    "event_type",
    "event_code",
    "actor1_name",
    "actor1_code",
    "actor2_name",
    "actor2_code",
    "date",
    "location_name",
    "location_names",
    "modality",
    "sources",
    "num_reports",
    "num_articles",
    "urls",
    "changes",
)


def story_event_rows(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """The event rows of every story (see chronik.stories.developments), story by story."""
    from chronik.stories.developments import event_rows, story_events

    stories: dict[str, list[Article]] = {}
    for article in articles:
        stories.setdefault(article.story_id or article.id, []).append(article)
    return [row for group in stories.values() for row in event_rows(story_events(group))]


def entity_record(
    entity: Entity, articles: Iterable[Article], story_ids: Iterable[str]
) -> dict[str, Any]:
    """An entity as `chronik entity --json` prints it and `GET /api/entities/{id}` returns
    it: with the articles that name it (summaries) and the ids of its stories."""
    summaries = [article_summary(a) for a in articles]
    return {"entity": asdict(entity), "articles": summaries, "stories": list(story_ids)}


def story_record(report: StoryReport) -> dict[str, Any]:
    """A story as `chronik story --json` prints it and `GET /api/stories/{id}` returns it
    (``Chronik.story_report``): its articles in timeline order, ``timeline`` (each article
    with the sentences and the entities it adds), ``events`` (the rows of ``--format
    events``, each with its own changes), ``changes`` (what later reports changed, once
    each, as the story's page lists them: events' changes, then casualty counts),
    ``casualties`` (where a later article counts more dead or injured) and ``history``."""
    from chronik.stories.developments import event_rows

    added = report.new_entities()
    return report.story.to_dict() | {
        "timeline": [
            e.to_dict() | {"new_entities": added.get(e.article_id, [])} for e in report.timeline
        ],
        "events": event_rows(report.events),
        "changes": [change.to_dict() for change in report.changes],
        "casualties": [asdict(change) for change in report.casualties],
        "history": [change.to_dict() for change in report.history],
    }


def write_events(articles: Iterable[Article], out: TextIO) -> int:
    rows = story_event_rows(articles)
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def write_events_tsv(articles: Iterable[Article], out: TextIO) -> int:
    rows = story_event_rows(articles)
    out.write("\t".join(EVENT_TSV_FIELDS) + "\n")
    for row in rows:
        out.write("\t".join(_tsv_cell(row[name]) for name in EVENT_TSV_FIELDS) + "\n")
    return len(rows)


def _tsv_cell(value: Any) -> str:
    """Lists joined by " | ", changes as "kind: before -> after"; no tabs or newlines."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = " | ".join(change_text(v) if isinstance(v, dict) else str(v) for v in value)
    return str(_inert(" ".join(str(value).split())))


def change_text(change: dict[str, Any]) -> str:
    """An event's change as one line: "location: Paris -> Straßburg"."""
    before, after = ", ".join(change["before"]), ", ".join(change["after"])
    return f"{change['kind']}: {before} -> {after}"


WRITERS: dict[str, Callable[[Iterable[Article], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "events": write_events,
    "events-tsv": write_events_tsv,
}


def writer(name: str) -> Callable[[Iterable[Article], TextIO], int]:
    """The writer of a format named in any case ("CSV"), as ``--type PER`` is taken."""
    found = WRITERS.get(name.lower()) if isinstance(name, str) else None
    if found is None:
        raise ChronikError(Code.E140, name=name, choices=", ".join(WRITERS))
    return found
