"""Gate: the bundled subjectivity model's dev figure may not regress (skips without data)."""

from __future__ import annotations

from pathlib import Path

from chronik.evaluation.subjectivity import evaluate_subjectivity


def test_subjectivity_dev_macro_f1(shared: Path) -> None:
    result = evaluate_subjectivity(shared / "data" / "checkthat2025-subjectivity-de" / "dev_de.tsv")
    assert result["sentences"] == 491
    assert result["macro_f1"] >= 0.71  # measured 0.7206 on 2026-11-28
    assert result["per_class"]["SUBJ"]["f1"] >= 0.66  # measured 0.6779
