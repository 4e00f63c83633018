"""Gates for the published story figures (docs/stories.md); skip without ../shared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chronik.evaluation.changes import read_judgements, score_changes
from chronik.evaluation.related import evaluate_related
from chronik.evaluation.similarity import evaluate_similarity
from chronik.evaluation.stories import (
    ingested,
    month_bounds,
    score_stories,
    story_labels,
    stream_items,
)
from chronik.options import Options
from files import write_jsonl

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "eval" / "stories"


def _month(
    shared: Path, month: str, labelled: bool = True
) -> tuple[dict[str, float | int], dict[str, Any]]:
    """The story figures (none for a month without story labels) and the changes'
    figures of one month, from one ingest of it."""
    source = shared / "data" / "news-stream-de" / "items.jsonl"
    records = list(stream_items(source, *month_bounds(month)))
    labels = LABELS / f"labels-{month}.jsonl"
    gold = story_labels(labels, records) if labelled else {}
    judged_path = REPO / "eval" / "changes" / f"judged-{month}.jsonl"
    judged = read_judgements(judged_path)
    with ingested(records, Options(embedding_backend="use")) as app:
        stories = score_stories(app, gold, labels) if labelled else {}
        return stories, score_changes(app, judged, judged_path)


def _assert_changes_kept(changes: dict[str, Any]) -> None:
    assert changes["kept"] == changes["judged_right"], changes
    assert changes["unjudged"] <= CHANGES_UNJUDGED, changes


# (month, pairwise F1 floor, B-cubed F1 floor), measured 2026-11-30 (docs/stories.md):
# August is the development month; January, November and April are held out, the last two
# labelled blind; November and April were looked at (not tuned on) when stories founded on
# the same event began to merge (docs/stories.md). The labels were written again on
# 2026-11-30, when a live blog's entries became articles of their own (9 to 19 more a month).
# Compound heads (2026-11-30) raised every month; the figures before them in brackets.
MONTHS = [
    ("2025-08", 0.86, 0.88),  # 0.8632 / 0.8902 (0.8458 / 0.8884)
    # 0.6149 / 0.8236 since study 93 (0.6028 / 0.8175 with its first change alone, a sure
    # match on common words into a single article embedded; 0.5987 / 0.8138 before it)
    # 0.5987 / 0.8138 before study 93 (0.5744 / 0.7987); 0.6288 / 0.8216 since study 99;
    # 0.6470 / 0.8285 since study 104 (a headline on a country the story never named is
    # another affair: Greenland and Cuba out of the Venezuela story); study 112's split by
    # words gave 0.6443 / 0.8265 and was not kept (see April)
    ("2026-01", 0.64, 0.82),
    # 0.7458 / 0.8998 (0.6879 / 0.8932); 0.7482 / 0.9012 since study 93; 0.7859 / 0.9049
    # since study 97 (no German article joins a story by embedding alone); 0.7929 / 0.9074
    # since study 104
    ("2025-11", 0.78, 0.90),
    # 0.2858 / 0.7626 in every process since 2026-12-01 (0.2933 / 0.7630 by some hash seeds);
    # before compound heads 0.2474 / 0.7528: the Iran war is one chain; 0.2851 / 0.7630
    # since study 93 (0.2858 / 0.7643 before it); 0.2813 / 0.7614 since study 97; 0.4059 /
    # 0.7783 since study 99 (a grown story of separate events split; 0.4064 / 0.7796 on
    # 2026-12-03 before study 104), 0.4076 / 0.7811 since study 104 (study 112's split by
    # words gave 0.4875 / 0.7816 but blind December 0.4852 against 0.5594: not kept)
    ("2026-04", 0.40, 0.77),
    # labelled blind on 2026-12-03 by an annotator who never saw Chronik's output, its figure
    # taken once, before any tuning: 0.5594 / 0.8486 (P 0.501, R 0.633); 0.5664 / 0.8500
    # since review 115's event rules (events enter the story profile); 0.5680 / 0.8515 since
    # review 132's (2026-12-04)
    ("2025-12", 0.55, 0.84),
]


# The changes the month's stories flag (eval/changes/README.md), each judged on 2026-12-05:
# 24 of 26 right over the five labelled months, 41 of 45 with the five below (review 156;
# 24 of 32 and 41 of 53 before); 26 of 26 and 45 of 45 since review 159 (2026-12-06); 25 of
# 25 and 44 of 44 since review 172 (the summit's second confirmation, an artefact, unjudged).
# Every change judged right must still be flagged, and new ones must be read: at most 2
# unjudged a month.
CHANGES_UNJUDGED = 2
# Months without story labels whose stories flag changes (February and July 2026 flag none).
CHANGE_MONTHS = ["2025-10", "2026-03", "2026-05", "2026-06", "2026-08"]


@pytest.mark.parametrize(("month", "pairwise", "bcubed"), MONTHS)
def test_story_clustering_and_changes_on_a_labelled_month(
    shared: Path, month: str, pairwise: float, bcubed: float
) -> None:
    stories, changes = _month(shared, month)
    assert stories["pairwise_f1"] >= pairwise, stories
    assert stories["bcubed_f1"] >= bcubed, stories
    _assert_changes_kept(changes)


@pytest.mark.parametrize("month", CHANGE_MONTHS)
def test_story_changes_on_a_judged_month(shared: Path, month: str) -> None:
    _assert_changes_kept(_month(shared, month, labelled=False)[1])


# (month, precision floor, recall floor) of the related reading on a month's judgements
# (eval/related/README.md). August: 430 proposals for 60 articles, judged in review 78:
# 0.697 precision and 0.802 recall on 2026-12-02, 0.693 and 0.786 on 2026-12-04 (0.556 and
# 0.745 by the similarity's floor alone); review 152 (2026-12-05): 0.776 and 0.803 on the 442
# judgements with its 12 (0.768 and 0.792 on review 78's alone). November: 267 candidates of
# 36 articles (40 drawn, seed 155), judged in review 155: 0.564 and 0.838. Since review 155's
# organisation rule: August 0.791 and 0.803 (review 78's 430: 0.784 and 0.792), November
# 0.598 and 0.809.
RELATED_MONTHS = [("2025-08", 0.78, 0.80), ("2025-11", 0.59, 0.80)]


@pytest.mark.parametrize(("month", "precision", "recall"), RELATED_MONTHS)
def test_related_reading_on_the_judged_articles(
    shared: Path, tmp_path: Path, month: str, precision: float, recall: float
) -> None:
    # A change that proposes many unjudged neighbours needs reading again.
    items = tmp_path / "items.jsonl"
    source = shared / "data" / "news-stream-de" / "items.jsonl"
    write_jsonl(items, stream_items(source, *month_bounds(month)), ensure_ascii=False)
    judged = REPO / "eval" / "related" / f"labels-{month}.jsonl"
    result = evaluate_related(items, judged, Options(embedding_backend="use"))
    assert result["precision"] >= precision and result["recall"] >= recall, result
    assert result["unjudged"] <= 0.1 * result["proposals"], result


def test_article_similarity_de_de(shared: Path) -> None:
    pairs = shared / "data" / "semeval2022-task8-de" / "pairs.csv"
    result = evaluate_similarity(pairs, Options(embedding_backend="use"), pairs={"de-de"})
    assert result["per_pair"]["de-de"] >= 0.59, result  # type: ignore[index]
