"""Event extraction against hand-written gold sentences (eval/events/gold.jsonl).

Each gold line is one sentence with its publication date, the entity mentions and time
expressions a perfect NER and timex component would give, and the expected events (type,
actors by name, modality, sources). The extractor runs twice: once fed the hand mentions and
timexes (``with_mentions``: the rules alone), once without them (``without_mentions``: the
rules with their capitalised-name fallback). See docs/events.md for the guidelines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chronik.analysis.events import get_extractor
from chronik.errors import ChronikError, Code
from chronik.evaluation import json_lines, require
from chronik.model import Article, Event, Mention, Sentence, Timex


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    published: datetime | None
    mentions: list[Mention]
    timexes: list[Timex]
    events: list[dict[str, Any]]


def load_gold(path: Path) -> list[GoldSentence]:
    gold = [_gold(path, number, data) for number, data in json_lines(path)]
    require(bool(gold), path, "no gold sentences")
    return gold


def _gold(path: Path, number: int, data: Any) -> GoldSentence:
    try:
        published = data.get("published")
        return GoldSentence(
            id=str(data["id"]),
            text=data["text"],
            published=datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None,
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            timexes=[Timex(**t) for t in data.get("timexes", [])],
            events=list(data["events"]),
        )
    except KeyError as exc:
        detail = f"a gold entry needs {exc.args[0]!r} (fields: id, text, events)"
        raise ChronikError(Code.E031, str(path), line=number, detail=detail) from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise ChronikError(
            Code.E031, str(path), line=number, detail=f"bad gold entry: {exc}"
        ) from exc


def evaluate_events(path: Path, extractor: str = "rules") -> dict[str, Any]:
    """Precision, recall and F1 of event type, actors, modality and sources."""
    gold = load_gold(path)
    return {
        "gold": str(path),
        "sentences": len(gold),
        "gold_events": sum(len(g.events) for g in gold),
        "extractor": extractor,
        "with_mentions": _score(gold, extractor, hand=True),
        "without_mentions": _score(gold, extractor, hand=False),
    }


def _score(gold: list[GoldSentence], extractor: str, hand: bool) -> dict[str, Any]:
    extract = get_extractor(extractor).extract
    predicted = {g.id: extract(_article(g, hand)) for g in gold}
    expected = {g.id: g.events for g in gold}
    return {
        "type": _prf(_items(predicted, _type_keys), _items(expected, _gold_type_keys)),
        "actors": _prf(_items(predicted, _actor_keys), _items(expected, _gold_actor_keys)),
        "modality": _prf(_items(predicted, _modality_keys), _items(expected, _gold_modality_keys)),
        "sources": _prf(_items(predicted, _source_keys), _items(expected, _gold_source_keys)),
        "predicted_events": sum(len(v) for v in predicted.values()),
    }


def _article(gold: GoldSentence, hand: bool) -> Article:
    return Article(
        id=gold.id,
        title="",
        text=gold.text,
        published=gold.published,
        sentences=[Sentence(0, len(gold.text), gold.text)],
        mentions=list(gold.mentions) if hand else [],
        timexes=list(gold.timexes) if hand else [],
    )


def _items(by_sentence: dict[str, Any], keys: Any) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for sentence_id, events in by_sentence.items():
        counts.update((sentence_id, *key) for key in keys(events))
    return counts


# Types and modalities count per event (a multiset); actors and sources per sentence (a set),
# so that an actor is scored once however many events of the sentence it takes part in.


def _type_keys(events: list[Event]) -> list[tuple[str, ...]]:
    return [(e.type,) for e in events]


def _gold_type_keys(events: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [(e["type"],) for e in events]


def _modality_keys(events: list[Event]) -> list[tuple[str, ...]]:
    return [(e.type, e.modality) for e in events]


def _gold_modality_keys(events: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [(e["type"], e["modality"]) for e in events]


def _actor_keys(events: list[Event]) -> set[tuple[str, ...]]:
    return {(norm(a),) for e in events for a in e.actor_names}


def _gold_actor_keys(events: list[dict[str, Any]]) -> set[tuple[str, ...]]:
    return {(norm(a),) for e in events for a in e["actors"]}


def _source_keys(events: list[Event]) -> set[tuple[str, ...]]:
    return {(norm(s),) for e in events for s in e.sources}


def _gold_source_keys(events: list[dict[str, Any]]) -> set[tuple[str, ...]]:
    return {(norm(s),) for e in events for s in e.get("sources", [])}


def norm(name: str) -> str:
    """Names compare without case and without a genitive s ("Kremls" = "Kreml")."""
    folded = " ".join(name.casefold().split())
    return folded[:-1] if folded.endswith("s") and len(folded) > 4 else folded


def _prf(
    predicted: Counter[tuple[str, ...]], expected: Counter[tuple[str, ...]]
) -> dict[str, float | int]:
    tp = sum((predicted & expected).values())
    p_total, g_total = sum(predicted.values()), sum(expected.values())
    precision = tp / p_total if p_total else 0.0
    recall = tp / g_total if g_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "predicted": p_total,
        "gold": g_total,
    }


def per_sentence(path: Path, hand: bool = True) -> Iterable[dict[str, Any]]:
    """Gold and predicted events side by side, for reading the errors."""
    extract = get_extractor().extract
    for gold in load_gold(path):
        yield {
            "id": gold.id,
            "text": gold.text,
            "gold": gold.events,
            "predicted": [
                {
                    "type": e.type,
                    "actors": e.actor_names,
                    "modality": e.modality,
                    "sources": e.sources,
                }
                for e in extract(_article(gold, hand))
            ],
        }
