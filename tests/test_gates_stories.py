"""Gates for the published story figures (docs/stories.md); skip without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

from chronik.evaluation.similarity import evaluate_similarity
from chronik.evaluation.stories import evaluate_stories, stream_items
from chronik.options import Options

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "eval" / "stories"


def _clustering(shared: Path, tmp_path: Path, since: str, until: str) -> dict[str, float | int]:
    items = tmp_path / "items.jsonl"
    source = shared / "data" / "news-stream-de" / "items.jsonl"
    records = stream_items(source, since, until)
    items.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    labels = LABELS / f"labels-{since[:7]}.jsonl"
    return evaluate_stories(items, labels, Options(embedding_backend="use"))


def test_story_clustering_on_labelled_august_2025(shared: Path, tmp_path: Path) -> None:
    result = _clustering(shared, tmp_path, "2025-08-01", "2025-09-01")
    # 0.8715 measured; 0.8908 before "Selenskyj" was linked to the one person it means,
    # which moved one article of the 49-article story (docs/stories.md, Figures).
    assert result["pairwise_f1"] >= 0.865, result
    assert result["bcubed_f1"] >= 0.89, result


def test_story_clustering_on_held_out_january_2026(shared: Path, tmp_path: Path) -> None:
    """Never tuned on: the honest figure, far below August's (docs/stories.md)."""
    result = _clustering(shared, tmp_path, "2026-01-01", "2026-02-01")
    assert result["pairwise_f1"] >= 0.30, result
    assert result["bcubed_f1"] >= 0.76, result


def test_story_clustering_on_held_out_november_2025(shared: Path, tmp_path: Path) -> None:
    """Labelled blind, never tuned on (docs/stories.md)."""
    result = _clustering(shared, tmp_path, "2025-11-01", "2025-12-01")
    assert result["pairwise_f1"] >= 0.64, result
    assert result["bcubed_f1"] >= 0.89, result


def test_story_clustering_on_held_out_april_2026(shared: Path, tmp_path: Path) -> None:
    """Labelled blind, never tuned on: the Iran war runs into one chain (docs/stories.md)."""
    result = _clustering(shared, tmp_path, "2026-04-01", "2026-05-01")
    assert result["pairwise_f1"] >= 0.20, result
    assert result["bcubed_f1"] >= 0.75, result


def test_article_similarity_de_de(shared: Path) -> None:
    pairs = shared / "data" / "semeval2022-task8-de" / "pairs.csv"
    result = evaluate_similarity(pairs, Options(embedding_backend="use"), pairs={"de-de"})
    assert result["per_pair"]["de-de"] >= 0.59, result  # type: ignore[index]
