"""Quality gates for event extraction (docs/events.md). The gold is in the repository, so
these run everywhere; floors sit a little below the figures measured on 2026-11-28."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.evaluation.events import evaluate_events

GOLD = Path(__file__).resolve().parent.parent / "eval" / "events"

# (file, mode, measure) -> floor on F1
FLOORS = {
    ("gold.jsonl", "with_mentions", "type"): 0.95,
    ("gold.jsonl", "with_mentions", "actors"): 0.95,
    ("gold.jsonl", "with_mentions", "modality"): 0.92,
    ("gold.jsonl", "without_mentions", "type"): 0.95,
    ("gold.jsonl", "without_mentions", "actors"): 0.78,  # 0.806 on 2026-11-29
    ("gold.jsonl", "without_mentions", "modality"): 0.86,
    ("heldout.jsonl", "with_mentions", "type"): 0.83,
    ("heldout.jsonl", "with_mentions", "actors"): 0.80,
    ("heldout.jsonl", "with_mentions", "modality"): 0.66,
    ("heldout.jsonl", "without_mentions", "type"): 0.83,
    ("heldout.jsonl", "without_mentions", "actors"): 0.62,
    ("heldout.jsonl", "without_mentions", "modality"): 0.62,
    ("gold.jsonl", "with_mentions", "sources"): 0.75,
    ("heldout.jsonl", "with_mentions", "sources"): 0.64,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, dict]:  # type: ignore[type-arg]
    return {name: evaluate_events(GOLD / name) for name in ("gold.jsonl", "heldout.jsonl")}


@pytest.mark.parametrize(("name", "mode", "measure"), sorted(FLOORS))
def test_event_extraction_floor(figures: dict, name: str, mode: str, measure: str) -> None:  # type: ignore[type-arg]
    f1 = figures[name][mode][measure]["f1"]
    assert f1 >= FLOORS[name, mode, measure], f"{name} {mode} {measure}: F1 {f1}"


def test_gold_is_large_enough(figures: dict) -> None:  # type: ignore[type-arg]
    assert figures["gold.jsonl"]["sentences"] >= 40
    assert figures["gold.jsonl"]["gold_events"] >= 40
