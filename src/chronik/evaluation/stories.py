"""Story clustering quality: ingest items in time order into a temporary store, then compare
the story of every labelled article with the gold story labels.

``evaluate_stories(items, labels)`` returns pairwise and B-cubed precision, recall and F1.
``stream_items`` turns the news-stream-de layout (``content``, ``gathered_date``) into
Chronik JSONL input, for a date range, and ``write_items`` writes it as the file that is
ingested; the benchmarks read the stream through them too, so that they ingest what the
evaluation does.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from chronik.analysis.structure import article_id
from chronik.app import Chronik, Progress
from chronik.errors import Code, InputError
from chronik.evaluation import json_lines, require
from chronik.options import Options


def evaluate_stories(
    items: Path, labels: Path, options: Options | None = None, progress: Progress | None = None
) -> dict[str, float | int]:
    """``progress`` gets the ingest's counts, as :meth:`Chronik.ingest`'s does."""
    records = read_items(items)
    gold = story_labels(labels, records)
    with ingested(records, options, progress) as app:
        return score_stories(app, gold, labels)


def story_labels(labels: Path, records: list[dict[str, Any]]) -> dict[str, str]:
    """The gold story of each labelled article, by Chronik's article id, read before the
    ingest so that a broken file fails at once."""
    return _by_article_id(read_labels(labels), records)


def score_stories(app: Chronik, gold: dict[str, str], labels: Path) -> dict[str, float | int]:
    """:func:`evaluate_stories`' figures for a store the items were ingested into."""
    predicted = {}
    for labelled in gold:
        known = app.store.lookup(labelled)
        if known and known.story_id:
            predicted[labelled] = app.engine().resolve(known.story_id)
    detail = f"none of the {len(gold)} labelled ids is the id of an ingested article"
    require(bool(predicted), labels, detail + " (Chronik's ids: chronik articles --json)")
    scores = cluster_scores(gold, predicted)
    scores["stories"] = len(set(predicted.values()))
    scores["labelled"] = len(predicted)
    return scores


def read_items(items: Path) -> list[dict[str, Any]]:
    """The records of a Chronik JSONL file to evaluate on; E131 for none."""
    records = list(_records(items))
    require(bool(records), items, "no items")
    return records


@contextmanager
def ingested(
    records: list[dict[str, Any]], options: Options | None = None, progress: Progress | None = None
) -> Iterator[Chronik]:
    """A temporary store with ``records`` ingested in time order, as an evaluation reads
    them (the options given, else the environment's, with the store replaced); ``progress``
    gets the ingest's counts (a month of items takes a minute on two busy cores)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_items = write_items(records, Path(tmp) / "items.jsonl")
        base = options or Options.from_env()
        with Chronik(options=base.with_(db=str(Path(tmp) / "eval.db"))) as app:
            app.ingest([str(tmp_items)], progress)
            yield app


def write_items(records: Iterable[dict[str, Any]], path: Path) -> Path:
    """Chronik JSONL records (:func:`stream_items`') as the file ``evaluate_stories``
    ingests, in time order (a day's records in their order); bench/ingest_stream.py
    ingests the same file."""
    ordered = sorted(records, key=lambda r: str(r.get("published") or ""))
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in ordered)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _by_article_id(labels: dict[str, str], records: list[dict[str, Any]]) -> dict[str, str]:
    """Labels keyed by Chronik's article ids, which labels may give as they are or by the
    items' own ``id`` (then through the item's URL, which Chronik's id comes from)."""
    own = {
        str(r["id"]): article_id(str(r["url"]), "")
        for r in records
        if r.get("id") is not None and r.get("url")
    }
    return {own.get(key, key): story for key, story in labels.items()}


def read_labels(path: Path) -> dict[str, str]:
    """``{"id", "story"}`` a line: the story label of each article id."""
    labels = {}
    for number, record in json_lines(path):
        if not isinstance(record, dict) or "id" not in record or "story" not in record:
            raise InputError(Code.E031, str(path), line=number, detail="needs 'id' and 'story'")
        labels[str(record["id"])] = str(record["story"])
    require(bool(labels), path, "no labels")
    return labels


def _records(path: Path) -> Iterator[dict[str, Any]]:
    for number, record in json_lines(path):
        if not isinstance(record, dict):
            raise InputError(Code.E031, str(path), line=number, detail="not a JSON object")
        yield record


def cluster_scores(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float | int]:
    """Pairwise and B-cubed scores over the articles in ``gold`` (a missing one is alone)."""
    ids = sorted(gold)
    system = {i: predicted.get(i, "missing:" + i) for i in ids}
    pairs = list(combinations(ids, 2))
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    same_system = {p for p in pairs if system[p[0]] == system[p[1]]}
    both = len(same_gold & same_system)
    precision = both / len(same_system) if same_system else 1.0
    recall = both / len(same_gold) if same_gold else 1.0
    b_precision, b_recall = _bcubed(ids, gold, system)
    return {
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(_f1(precision, recall), 4),
        "bcubed_precision": round(b_precision, 4),
        "bcubed_recall": round(b_recall, 4),
        "bcubed_f1": round(_f1(b_precision, b_recall), 4),
    }


def _bcubed(ids: list[str], gold: dict[str, str], system: dict[str, str]) -> tuple[float, float]:
    by_gold: defaultdict[str, set[str]] = defaultdict(set)
    by_system: defaultdict[str, set[str]] = defaultdict(set)
    for i in ids:
        by_gold[gold[i]].add(i)
        by_system[system[i]].add(i)
    precision = recall = 0.0
    for i in ids:
        shared = len(by_gold[gold[i]] & by_system[system[i]])
        precision += shared / len(by_system[system[i]])
        recall += shared / len(by_gold[gold[i]])
    return precision / len(ids), recall / len(ids)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def month_bounds(month: str) -> tuple[str, str]:
    """``2026-01`` -> ("2026-01-01", "2026-02-01"): the ``since`` and ``until`` of
    :func:`stream_items` for one month."""
    year, number = (int(part) for part in month.split("-"))
    after = date(year + number // 12, number % 12 + 1, 1)
    return f"{month}-01", after.isoformat()


def stream_items(source: Path, since: str = "", until: str = "9999") -> Iterator[dict[str, Any]]:
    """news-stream-de records gathered in [since, until) as Chronik JSONL records."""
    for number, record in enumerate(_records(source)):
        day = str(record.get("gathered_date") or "")
        if not since <= day < until:
            continue
        yield {
            "url": record.get("url"),
            "title": record.get("title"),
            "text": record.get("content"),
            # Items carry only a day; the line order keeps their order within it.
            "published": f"{day}T06:00:00+00:00" if day else None,
            "publisher": record.get("publisher") or record.get("source"),
            "language": record.get("language"),
            "line": number,
        }
