"""Attribution gates: the figures in docs/attribution.md may not regress silently.

The gold files are our own sentences, in the repository, so these gates need no ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.evaluation.attribution import evaluate_attribution

GOLD = Path(__file__).resolve().parent.parent / "eval" / "attribution"


def test_gold_has_enough_sentences() -> None:
    assert evaluate_attribution(GOLD / "gold.jsonl")["sentences"] >= 40


@pytest.mark.parametrize(
    ("name", "measured_f1"),
    [("gold.jsonl", 0.9815), ("heldout.jsonl", 0.9841), ("blind.jsonl", 1.0)],
)
def test_sources_and_kinds(name: str, measured_f1: float) -> None:
    result = evaluate_attribution(GOLD / name)
    assert result["source"]["f1"] >= 0.95, f"measured {measured_f1} on 2026-12-05"
    assert result["source_lenient"]["f1"] >= 0.97
    assert result["kind_accuracy"] >= 0.95  # measured 1.0 on each file
