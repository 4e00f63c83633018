"""Training Chronik's models from evaluation data (scikit-learn, and PyTorch for e5)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, TypeVar

from chronik.errors import ChronikError, Code
from chronik.options import Options, of_kind
from chronik.training.settings import SHIPPED_ADAPTER, SHIPPED_MODEL, E5Settings, TrainSettings

Log = Callable[[str], None]

# What `train ner` trains: the bundled model, or the e5 backend's adapter.
NER_BACKENDS = ("bundled", "e5")
# The backend that tags the sentences to distill from where none is named.
DEFAULT_TEACHER = "e5"
# Options that do not go together are a usage error of the command, which names them.
_COMMAND = "chronik train ner"

SettingsT = TypeVar("SettingsT", TrainSettings, E5Settings)


def train_ner_model(
    directory: Path,
    options: Options,
    *,
    backend: str = "bundled",
    output: Path | None = None,
    settings: Mapping[str, Any] | None = None,
    distill: Sequence[str] = (),
    teacher: str | None = None,
    exclude: Sequence[Path] = (),
    log: Log = print,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
    skipped: Callable[[ChronikError], None] = lambda error: None,
) -> dict[str, Any]:
    """Train the ``bundled`` model (also from the sentences of ``distill`` inputs, tagged by
    ``teacher``, ``e5`` where none is given, less the articles that the story label files
    ``exclude`` name) or the ``e5`` adapter, from the GermEval folder ``directory``;
    ``settings`` override the trainer's (epochs, seed: see
    :mod:`chronik.training.settings`). Writes the shipped model unless ``output`` is given.

    What it is given is checked before anything is read: E110 for an unknown backend or
    setting, E113 for a setting's value of the wrong kind, E280 for a ``teacher`` or
    ``exclude`` without ``distill``, or ``distill`` into the e5 adapter."""
    check_ner_options(backend, distill, teacher, exclude)
    if backend == "e5":
        return _train_adapter(directory, output, checked_settings(SHIPPED_ADAPTER, settings), log)
    from chronik.analysis.ner import bundled_model_path
    from chronik.evaluation.stories import read_labels
    from chronik.training.ner import load_split, train_ner
    from chronik.training.silver import build_silver

    trained = checked_settings(SHIPPED_MODEL, settings)
    load_split(directory)  # a wrong folder fails now, not after minutes of tagging
    silver = None
    if distill:
        left_out = {i for path in exclude for i in read_labels(path)}
        tagger = teacher or DEFAULT_TEACHER
        silver = build_silver(distill, tagger, options, left_out, progress, skipped)
    return train_ner(directory, output or bundled_model_path(), trained, log, silver=silver)


def _train_adapter(
    directory: Path, output: Path | None, settings: E5Settings, log: Log
) -> dict[str, Any]:
    from chronik.analysis.ner_e5 import e5_model_path
    from chronik.training.ner_e5 import train_ner_e5

    return train_ner_e5(directory, output or e5_model_path(), settings, log)


def check_ner_options(
    backend: str, distill: Sequence[str], teacher: str | None, exclude: Sequence[Path]
) -> None:
    """E110 for a backend `train ner` cannot train; E280 for options that do not go
    together, in the command line's words, which the command names."""
    if backend not in NER_BACKENDS:
        choices = ", ".join(NER_BACKENDS)
        raise ChronikError(Code.E110, kind="NER model to train", name=backend, choices=choices)
    if (teacher or exclude) and not distill:
        detail = "--teacher and --exclude go with --distill"
        raise ChronikError(Code.E280, detail=detail, command=_COMMAND)
    if backend == "e5" and distill:
        detail = "--distill trains the bundled model, not the e5 adapter"
        raise ChronikError(Code.E280, detail=detail, command=_COMMAND)


def checked_settings(shipped: SettingsT, given: Mapping[str, Any] | None) -> SettingsT:
    """``shipped`` with the ``given`` settings, each checked by :func:`check_setting`: a
    wrong name had been a TypeError deep in the trainer."""
    for name, value in (given or {}).items():
        check_setting(shipped, name, value)
    return replace(shipped, **dict(given or {}))


def check_setting(shipped: TrainSettings | E5Settings, name: str, value: object) -> None:
    """E110 for a name ``shipped`` has no setting of; E113 for a value of another kind than
    the setting's (a bool for a number, a text for anything) or fewer than one epoch."""
    names = [field.name for field in fields(shipped)]
    if name not in names:
        kind = f"setting of {type(shipped).__name__}"
        raise ChronikError(Code.E110, kind=kind, name=name, choices=", ".join(names))
    default = getattr(shipped, name)
    if not of_kind(value, type(default)):
        raise ChronikError(Code.E113, name=name, value=value, kind=_KINDS[type(default)])
    if name == "epochs" and isinstance(value, int) and value < 1:
        raise ChronikError(Code.E113, name=name, value=value, kind="a whole number from 1")


# The settings' kinds, as an error names them.
_KINDS = {bool: "True or False", int: "a whole number", float: "a number", tuple: "a tuple"}
