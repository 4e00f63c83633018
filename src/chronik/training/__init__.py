"""Training Chronik's models from evaluation data (scikit-learn, and PyTorch for e5)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError
from chronik.options import Options

Log = Callable[[str], None]


def train_ner_model(
    directory: Path,
    options: Options,
    *,
    backend: str = "bundled",
    output: Path | None = None,
    settings: dict[str, Any] | None = None,
    distill: Sequence[str] = (),
    teacher: str = "e5",
    exclude: Sequence[Path] = (),
    log: Log = print,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
    skipped: Callable[[ChronikError], None] = lambda error: None,
) -> dict[str, Any]:
    """Train the ``bundled`` model (also from the sentences of ``distill`` inputs, tagged by
    ``teacher``, less the articles that the story label files ``exclude`` name) or the
    ``e5`` adapter, from the GermEval folder ``directory``; ``settings`` override the
    trainer's (epochs, seed). Writes the shipped model unless ``output`` is given."""
    if backend == "e5":
        from chronik.analysis.ner_e5 import e5_model_path
        from chronik.training.ner_e5 import E5Settings, train_ner_e5

        e5 = replace(E5Settings(), **(settings or {}))
        return train_ner_e5(directory, output or e5_model_path(), e5, log)
    from chronik.analysis.ner import bundled_model_path
    from chronik.evaluation.stories import read_labels
    from chronik.training.ner import TrainSettings, load_split, train_ner
    from chronik.training.silver import build_silver

    load_split(directory)  # a wrong folder fails now, not after minutes of tagging
    silver = None
    if distill:
        left_out = {i for path in exclude for i in read_labels(path)}
        silver = build_silver(distill, teacher, options, left_out, progress, skipped)
    trained = replace(TrainSettings(), **(settings or {}))
    return train_ner(directory, output or bundled_model_path(), trained, log, silver=silver)
