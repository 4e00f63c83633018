"""HTML extraction quality, scored as trafilatura's own evaluation scores it: a ``with``
snippet found is a true positive, a ``without`` snippet found a false positive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import trafilatura

from chronik.analysis.structure import build_article
from chronik.errors import Code, InputError
from chronik.evaluation import prf, read_text, require
from chronik.ingest.jsonl import json_problem
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
    cases = _cases(directory / "evaldata.json")
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
    require(pages > 0, directory / "pages", "none of the pages evaldata.json names is there")
    result: dict[str, Any] = {"pages": pages, **prf(*ours)}
    result.update({f"trafilatura_{k}": v for k, v in prf(*theirs).items()})
    return result


def _cases(index: Path) -> dict[str, dict[str, Any]]:
    """trafilatura's evaldata.json: each case names its page's ``file`` and lists the
    snippets its clean text has ``with`` and ``without``."""
    try:
        cases = json.loads(read_text(index))
    except json.JSONDecodeError as exc:
        raise InputError(Code.E030, str(index), line=exc.lineno, detail=json_problem(exc)) from exc
    fits = isinstance(cases, dict) and all(_is_case(case) for case in cases.values())
    require(fits, index, "expected an object of cases, each with a 'file' and lists of snippets")
    return cases  # type: ignore[no-any-return]


def _is_case(case: Any) -> bool:
    if not isinstance(case, dict) or not isinstance(case.get("file"), str):
        return False
    snippets = [case.get(key, []) for key in ("with", "without")]
    return all(isinstance(s, list) and all(isinstance(x, str) for x in s) for s in snippets)


def _score(text: str, case: dict[str, Any], counts: list[int]) -> None:
    """counts = [tp, fp, fn]"""
    for snippet in case.get("with", []):
        if snippet in text:
            counts[0] += 1
        else:
            counts[2] += 1
    counts[1] += sum(1 for snippet in case.get("without", []) if snippet in text)
