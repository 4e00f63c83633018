"""Evaluation gates: published quality figures may not regress silently (skip without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.evaluation.extraction import evaluate_extraction


@pytest.mark.slow
def test_extraction_not_below_trafilatura(shared: Path) -> None:
    result = evaluate_extraction(shared / "data" / "html-de")
    assert result["pages"] == 471
    assert result["f1"] >= result["trafilatura_f1"]
    assert result["f1"] >= 0.93  # measured 0.9314 on 2026-11-30
