"""Sentence subjectivity against CheckThat! task 1 data (``sentence_id``, ``sentence``,
``label`` OBJ/SUBJ, tab-separated): macro F1 over the two classes, as the lab scores it."""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, Code
from chronik.evaluation import prf, read_text, require

LABELS = ("OBJ", "SUBJ")


@dataclass(frozen=True, slots=True)
class Labelled:
    """Sentences with gold labels (1 for SUBJ, 0 for OBJ)."""

    ids: list[str]
    texts: list[str]
    labels: list[int]


def read_checkthat(path: Path) -> Labelled:
    """Read a CheckThat! TSV file; quoted fields are unquoted as the CSV dialect says."""
    ids, texts, labels = [], [], []
    handle = io.StringIO(read_text(path), newline="")
    for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
        label = (row.get("label") or "").strip()
        if label not in LABELS or row.get("sentence") is None:
            raise ChronikError(
                Code.E031, str(path), line=number, detail="expected label OBJ or SUBJ"
            )
        ids.append(row.get("sentence_id") or str(number))
        texts.append(row["sentence"])
        labels.append(LABELS.index(label))
    require(bool(labels), path, "no labelled sentences")
    return Labelled(ids, texts, labels)


def classification_report(gold: list[int], predicted: list[int]) -> dict[str, Any]:
    """Macro F1, accuracy and per-class precision, recall and F1."""
    per_class = {}
    for value, name in enumerate(LABELS):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == value)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == value != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == value != p)
        per_class[name] = {**prf(tp, fp, fn), "support": tp + fn}
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(LABELS), 4),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "per_class": per_class,
    }


def evaluate_subjectivity(path: Path, model_dir: Path | None = None) -> dict[str, Any]:
    """Score every sentence of ``path`` with the bundled model (or the one trained into
    ``model_dir``); report quality and speed."""
    from chronik.analysis.subjectivity import bundled_model, embed, load_model

    data = read_checkthat(path)
    # Macro F1 over one class is no figure: 0.5 for a file of SUBJ sentences alone.
    require(
        len(set(data.labels)) == len(LABELS), path, "it needs sentences of each label, OBJ and SUBJ"
    )
    model = bundled_model() if model_dir is None else load_model(model_dir)
    embed(["Aufwärmen."])  # load the encoder outside the timed part
    began = time.perf_counter()
    scores = model.score(data.texts)
    seconds = time.perf_counter() - began
    predicted = [int(p >= 0.5) for p in scores]
    return {
        "file": str(path),
        "sentences": len(data.texts),
        **classification_report(data.labels, predicted),
        "sentences_per_second": round(len(data.texts) / seconds, 1) if seconds else None,
    }
