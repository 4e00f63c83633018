"""HTML extraction quality, scored as trafilatura's own evaluation scores it: a ``with``
snippet found is a true positive, a ``without`` snippet found a false positive; and the
share of pages whose headline is the case's ``title``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from chronik.analysis.structure import build_article
from chronik.errors import Code, InputError
from chronik.evaluation import prf, read_text, require
from chronik.ingest.jsonl import json_problem
from chronik.ingest.readers import read_html


def chronik_page(data: bytes, origin: str) -> tuple[str, str]:
    """The headline and clean text Chronik reads from a page ("" for what it refuses)."""
    for item in read_html(data, origin):
        if isinstance(item, InputError):
            return "", ""
        try:
            article = build_article(item)
        except InputError:
            return "", ""
        return article.title, article.text
    return "", ""


def trafilatura_text(data: bytes, origin: str) -> str:
    return trafilatura.extract(data) or ""


def trafilatura_title(data: bytes) -> str:
    metadata = trafilatura.extract_metadata(data)
    return (metadata.title if metadata else None) or ""


def evaluate_extraction(
    directory: Path, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Chronik and trafilatura alone on every page of ``directory`` (evaldata.json + pages/);
    ``progress(done, total)`` after each case: html-de's 471 pages take about two minutes,
    which `chronik eval extraction` had passed in silence (review 164)."""
    cases = _cases(directory / "evaldata.json")
    ours, theirs = [0, 0, 0], [0, 0, 0]
    titles = [0, 0, 0]  # pages with a title, ours right, trafilatura's right
    pages = 0
    for done, case in enumerate(cases.values(), 1):
        if progress:
            progress(done - 1, len(cases))
        path = directory / "pages" / case["file"]
        if not path.is_file():
            continue
        data = path.read_bytes()
        pages += 1
        title, text = chronik_page(data, str(path))
        _score(text, case, ours)
        _score(trafilatura_text(data, str(path)), case, theirs)
        if gold := _plain(case.get("title") or ""):
            titles[0] += 1
            titles[1] += _plain(title) == gold
            titles[2] += _plain(trafilatura_title(data)) == gold
    if progress:
        progress(len(cases), len(cases))
    require(pages > 0, directory / "pages", "none of the pages evaldata.json names is there")
    result: dict[str, Any] = {"pages": pages, **prf(*ours)}
    result.update({f"trafilatura_{k}": v for k, v in prf(*theirs).items()})
    result.update(
        titled_pages=titles[0],
        title_accuracy=_share(titles[1], titles[0]),
        trafilatura_title_accuracy=_share(titles[2], titles[0]),
    )
    return result


def _share(count: int, of: int) -> float:
    return round(count / of, 4) if of else 0.0


def _plain(title: str) -> str:
    """A title compared as a reader sees it: one space for any run of white space."""
    return " ".join(title.split())


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
