"""Gate for the published place-detection figures (docs/entities.md); skips without ../shared."""

from __future__ import annotations

from pathlib import Path

from chronik.evaluation.entities import evaluate_places


def test_place_lexicon_on_germeval_dev(shared: Path) -> None:
    result = evaluate_places(shared / "data" / "germeval2014" / "dev.tsv")
    assert result["sentences"] == 2200
    assert result["all"]["precision"] >= 0.81  # measured 0.8128 on 2026-11-29
    assert result["all"]["recall"] >= 0.50  # measured 0.5238
    assert result["derived"]["f1"] >= 0.70  # measured 0.7251
