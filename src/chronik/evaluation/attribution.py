"""Attribution quality on a gold file of single sentences (``eval/attribution/gold.jsonl``).

Each line is ``{"sentence", "source", "kind"}`` with an optional ``"context"`` (the text
before the sentence in the same paragraph, for pronouns, groups and reported speech).
``source`` is a string, a list of strings (one claim with several sources), or null for a
sentence that attributes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronik.analysis.attribution import attribute
from chronik.analysis.sentences import split_sentences
from chronik.errors import ChronikError, Code
from chronik.evaluation import json_lines, prf, require
from chronik.model import Article, Attribution, Block, BlockKind


@dataclass(slots=True)
class GoldCase:
    sentence: str
    sources: list[str]
    kind: str | None
    context: str = ""


def read_gold(path: Path) -> list[GoldCase]:
    """The cases in a gold JSONL file; a bad line is an error that names the line."""
    cases = [_case(row, number, str(path)) for number, row in json_lines(path)]
    require(bool(cases), path, "no gold cases")
    return cases


def _case(row: Any, number: int, where: str) -> GoldCase:
    if not isinstance(row, dict) or not isinstance(row.get("sentence"), str):
        raise ChronikError(Code.E031, where, line=number, detail="needs a 'sentence' string")
    source = row.get("source")
    sources = [source] if isinstance(source, str) else list(source or [])
    return GoldCase(row["sentence"], sources, row.get("kind"), row.get("context") or "")


def predict(case: GoldCase) -> list[Attribution]:
    """The attributions Chronik finds in the case's sentence, read after its context."""
    prefix = f"{case.context} " if case.context else ""
    text = prefix + case.sentence
    article = Article(id="gold", title="", text=text)
    article.blocks = [Block(BlockKind.PARAGRAPH, text, start=0, end=len(text))]
    article.sentences = split_sentences(text)
    return [a for a in attribute(article) if a.end > len(prefix)]


def evaluate_attribution(path: Path) -> dict[str, Any]:
    """Source precision, recall and F1 (exact and lenient) and kind accuracy."""
    exact, lenient = [0, 0, 0], [0, 0, 0]
    kinds_right = kinds_seen = 0
    cases = read_gold(path)
    for case in cases:
        found = predict(case)
        predicted = [a.source for a in found]
        _count(case.sources, predicted, _same, exact)
        pairs = _count(case.sources, predicted, _overlaps, lenient)
        for _, index in pairs:
            kinds_seen += 1
            kinds_right += found[index].kind == case.kind
    return {
        "sentences": len(cases),
        "gold_sources": sum(len(c.sources) for c in cases),
        "source": prf(*exact),
        "source_lenient": prf(*lenient),
        "kind_accuracy": round(kinds_right / kinds_seen, 4) if kinds_seen else 0.0,
        "kind_scored": kinds_seen,
    }


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _same(gold: str, found: str) -> bool:
    return _norm(gold) == _norm(found)


def _overlaps(gold: str, found: str) -> bool:
    """Lenient: one source contains the other ("Max Berger" in "Der Schauspieler Max Berger")."""
    a, b = _norm(gold), _norm(found)
    return bool(a and b) and (a in b or b in a)


def _count(
    gold: list[str], predicted: list[str], match: Any, counts: list[int]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; adds [tp, fp, fn] to ``counts`` and returns the pairs."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for g, source in enumerate(gold):
        for p, candidate in enumerate(predicted):
            if p not in used and match(source, candidate):
                used.add(p)
                pairs.append((g, p))
                break
    counts[0] += len(pairs)
    counts[1] += len(predicted) - len(pairs)
    counts[2] += len(gold) - len(pairs)
    return pairs
