"""HTML extraction quality, scored as trafilatura's own evaluation scores it: a ``with``
snippet found is a true positive, a ``without`` snippet found a false positive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import trafilatura

from chronik.analysis.structure import build_article
from chronik.errors import ChronikError, Code, InputError
from chronik.evaluation import prf
from chronik.ingest.readers import read_html


def chronik_text(data: bytes, origin: str) -> str:
    for item in read_html(data, origin):
        if isinstance(item, InputError):
            return ""
        try:
            return build_article(item).text
        except InputError:
            return ""
    return ""


def trafilatura_text(data: bytes, origin: str) -> str:
    return trafilatura.extract(data) or ""


def evaluate_extraction(directory: Path) -> dict[str, Any]:
    """Chronik and trafilatura alone on every page of ``directory`` (evaldata.json + pages/)."""
    index = directory / "evaldata.json"
    if not index.is_file():
        raise ChronikError(Code.E130, path=str(index))
    cases = json.loads(index.read_text(encoding="utf-8"))
    ours, theirs = [0, 0, 0], [0, 0, 0]
    pages = 0
    for case in cases.values():
        path = directory / "pages" / case["file"]
        if not path.is_file():
            continue
        data = path.read_bytes()
        pages += 1
        _score(chronik_text(data, str(path)), case, ours)
        _score(trafilatura_text(data, str(path)), case, theirs)
    result: dict[str, Any] = {"pages": pages, **prf(*ours)}
    result.update({f"trafilatura_{k}": v for k, v in prf(*theirs).items()})
    return result


def _score(text: str, case: dict[str, Any], counts: list[int]) -> None:
    """counts = [tp, fp, fn]"""
    for snippet in case.get("with", []):
        if snippet in text:
            counts[0] += 1
        else:
            counts[2] += 1
    counts[1] += sum(1 for snippet in case.get("without", []) if snippet in text)
