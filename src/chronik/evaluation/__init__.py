"""Evaluations: each reads public evaluation data and returns one JSON-ready dict.

Data that is missing is E130, text that is no UTF-8 E004, a line that is no JSON E030,
and data that does not fit the evaluation (no pairs, no label that names an article)
E131: evaluations report scores only for data they could score.

The public data lives in the shared folder (README.md, "The shared folder"):
:func:`shared_dir` finds it, for the tests and the benchmarks alike.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.jsonl import json_problem

# ``shared`` beside the repository that holds this file (src/chronik/evaluation/).
SHARED_BESIDE = Path(__file__).resolve().parents[3].parent / "shared"


def shared_dir() -> Path | None:
    """The shared folder: ``$CHRONIK_SHARED`` where it is set, whether or not that folder
    exists (what it names is what was asked for, and a message about missing data names
    it), else ``shared`` beside the repository where that is a folder, else None."""
    named = os.environ.get("CHRONIK_SHARED", "").strip()
    if named:
        return Path(named).expanduser()
    return SHARED_BESIDE if SHARED_BESIDE.is_dir() else None


def shared_file(relative: str, shared: Path | None = None) -> Path:
    """``relative`` (e.g. "data/news-stream-de/items.jsonl") below the shared folder
    ``shared``, else below :func:`shared_dir`. FileNotFoundError, whose message names the
    path looked at, where it is not there."""
    folder = shared if shared is not None else shared_dir()
    if folder is None:
        detail = f"CHRONIK_SHARED is not set and {SHARED_BESIDE} is no folder"
        raise FileNotFoundError(detail)
    path = folder / relative
    if not path.exists():
        named = shared is None and os.environ.get("CHRONIK_SHARED", "").strip()
        raise FileNotFoundError(f"{path} not found" + (" (CHRONIK_SHARED)" if named else ""))
    return path


def read_text(path: Path) -> str:
    """An evaluation file's text (UTF-8, a byte-order mark allowed)."""
    if not path.is_file():
        raise ChronikError(Code.E130, path=str(path))
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Code.E004, str(path), detail=f"not UTF-8 at byte {exc.start}") from exc


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each line of a JSONL file that is not blank."""
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(Code.E030, str(path), line=number, detail=json_problem(exc)) from exc


def require(fits: bool, path: Path, detail: str) -> None:
    """E131 where the data cannot be scored: no score is better than a meaningless one."""
    if not fits:
        raise ChronikError(Code.E131, str(path), detail=detail)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
