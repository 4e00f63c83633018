"""Train the sentence subjectivity model on CheckThat! data (see docs/subjectivity.md).

Three logistic regressions see one view each (USE embedding, character n-gram tf-idf,
standardised cue counts); a fourth stacks their out-of-fold log-odds. The decision
threshold is tuned on the dev file and folded into the stacker's bias, so the shipped
model decides at 0.5. Every random choice is seeded: the same data gives the same model.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from chronik.analysis.subjectivity import (
    MODEL_DIR,
    FloatArray,
    SubjectivityModel,
    char_ngrams,
    cue_matrix,
    embed,
    tfidf_rows,
)
from chronik.evaluation.subjectivity import Labelled, classification_report, read_checkthat

SEED = 13
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Settings:
    """Regularisation per view (chosen on the dev set) and the n-gram vocabulary floor."""

    embedding_c: float = 0.3
    char_c: float = 1.0
    cue_c: float = 1.0
    stack_c: float = 1.0
    min_df: int = 2


@dataclass(frozen=True, slots=True)
class Views:
    embedding: FloatArray
    chars: sp.csr_matrix
    cues: FloatArray


def char_vocabulary(texts: list[str], min_df: int) -> tuple[dict[str, int], FloatArray]:
    """N-grams in at least ``min_df`` texts, with smoothed idf as scikit-learn computes it."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(char_ngrams(text)))
    grams = sorted(g for g, n in df.items() if n >= min_df)
    idf = np.log((1 + len(texts)) / (1 + np.array([df[g] for g in grams], float))) + 1
    return {g: i for i, g in enumerate(grams)}, idf


def char_matrix(texts: list[str], vocabulary: dict[str, int], idf: FloatArray) -> sp.csr_matrix:
    rows = tfidf_rows(texts, vocabulary, idf)
    indptr = np.cumsum([0] + [len(index) for index, _ in rows])
    indices = np.concatenate([index for index, _ in rows]) if rows else np.zeros(0, int)
    values = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
    return sp.csr_matrix((values, indices, indptr), shape=(len(texts), len(vocabulary)))


def _regression(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)


def _logit(p: FloatArray) -> FloatArray:
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(clipped / (1 - clipped)), dtype=np.float64)


def fit(train: Labelled, settings: Settings) -> tuple[SubjectivityModel, FloatArray]:
    """The model, with its stacker's bias not yet shifted, and the stacker's training input."""
    y = np.array(train.labels)
    vocabulary, idf = char_vocabulary(train.texts, settings.min_df)
    cues = cue_matrix(train.texts)
    mean, scale = cues.mean(axis=0), cues.std(axis=0) + 1e-6
    views = Views(embed(train.texts), char_matrix(train.texts, vocabulary, idf), cues)
    standardised = (cues - mean) / scale
    inputs = (
        (views.embedding, settings.embedding_c),
        (views.chars, settings.char_c),
        (standardised, settings.cue_c),
    )
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    out_of_fold = np.column_stack(
        [
            _logit(cross_val_predict(_regression(c), x, y, cv=folds, method="predict_proba")[:, 1])
            for x, c in inputs
        ]
    )
    base = [_regression(c).fit(x, y) for x, c in inputs]
    stack = _regression(settings.stack_c).fit(out_of_fold, y)
    model = SubjectivityModel(
        embedding_coef=base[0].coef_[0],
        embedding_bias=float(base[0].intercept_[0]),
        char_vocabulary=vocabulary,
        char_idf=idf,
        char_coef=base[1].coef_[0],
        char_bias=float(base[1].intercept_[0]),
        cue_mean=mean,
        cue_scale=scale,
        cue_coef=base[2].coef_[0],
        cue_bias=float(base[2].intercept_[0]),
        stack_coef=stack.coef_[0],
        stack_bias=float(stack.intercept_[0]),
    )
    return model, out_of_fold


def best_threshold(scores: FloatArray, gold: list[int]) -> float:
    """The probability cut with the best macro F1 (the lowest among ties)."""
    grid = np.round(np.arange(0.2, 0.8001, 0.01), 2)
    f1 = [classification_report(gold, [int(p >= t) for p in scores])["macro_f1"] for t in grid]
    return float(grid[int(np.argmax(f1))])


def shift_threshold(model: SubjectivityModel, threshold: float) -> SubjectivityModel:
    """The same model deciding at 0.5 what it decided at ``threshold``."""
    shift = float(np.log(threshold / (1 - threshold)))
    fields = {name: getattr(model, name) for name in SubjectivityModel.__dataclass_fields__}
    return SubjectivityModel(**{**fields, "stack_bias": model.stack_bias - shift})


def train_subjectivity(
    train_path: Path, dev_path: Path, out: Path = MODEL_DIR, settings: Settings | None = None
) -> dict[str, Any]:
    """Train on ``train_path``, tune the threshold on ``dev_path``, write the model to ``out``."""
    settings = settings or Settings()
    train, dev = read_checkthat(train_path), read_checkthat(dev_path)
    model, _ = fit(train, settings)
    threshold = best_threshold(model.score(dev.texts), dev.labels)
    model = shift_threshold(model, threshold)
    dev_report = classification_report(dev.labels, [int(p >= 0.5) for p in model.score(dev.texts)])
    meta = {
        "model": "stacked logistic regression over USE embedding, char n-grams, cue counts",
        "train": {"file": train_path.name, "sha1": _sha1(train_path), "sentences": len(train.ids)},
        "dev": {"file": dev_path.name, "sha1": _sha1(dev_path), "sentences": len(dev.ids)},
        "settings": _settings(settings),
        "threshold_tuned_on_dev": threshold,
        "char_vocabulary": len(model.char_vocabulary),
        "dev_report": dev_report,
    }
    model.save(out, meta)
    return meta


def _settings(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in Settings.__dataclass_fields__}


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()
