"""Article similarity against SemEval-2022 task 8 gold ratings.

Each pair is scored with the story engine's own similarity (``stories.features.similarity``,
0..1); IDF comes from all texts in the file. Gold ``Overall`` runs from 1 (same story) to 4
(different), so the correlation is taken with ``5 - Overall``: higher is better.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from pathlib import Path

from chronik.errors import Code, InputError
from chronik.evaluation import read_text, require
from chronik.model import Article
from chronik.options import Options
from chronik.stories.embedding import get_embedder
from chronik.stories.features import Vocabulary, Weights, profile, similarity, term_counts

_FIELDS = ("lang1", "lang2", "Overall", "text1", "text2")


def evaluate_similarity(
    path: Path, options: Options | None = None, pairs: set[str] | None = None, limit: int = 0
) -> dict[str, object]:
    """Pearson overall and per language pair; ``pairs`` and ``limit`` pick a subset."""
    rows = _rows(path, pairs, limit)
    gold = [5 - float(r["Overall"]) for r in rows]
    require(len(set(gold)) > 1, path, _UNDEFINED)  # before the texts are embedded
    articles = [
        (_article(f"{i}a", r["text1"], r["lang1"]), _article(f"{i}b", r["text2"], r["lang2"]))
        for i, r in enumerate(rows)
    ]
    scores = _scores(articles, options or Options.from_env())
    groups: defaultdict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[f"{r['lang1']}-{r['lang2']}"].append(i)
    overall = pearson(scores, gold)
    per_pair = {
        key: _rounded(pearson([scores[i] for i in idx], [gold[i] for i in idx]))
        for key, idx in sorted(groups.items())
    }
    return {"pearson": _rounded(overall), "per_pair": per_pair, "pairs": len(rows)}


_UNDEFINED = "a correlation needs two or more pairs whose gold scores differ"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _rows(path: Path, pairs: set[str] | None, limit: int) -> list[dict[str, str]]:
    handle = io.StringIO(read_text(path), newline="")
    reader = csv.DictReader(handle)
    rows = []
    for row in reader:
        if all(row.get(f) for f in _FIELDS):
            _check_score(row["Overall"], path, reader.line_num)
            rows.append(row)
    require(bool(rows), path, f"no pairs with the columns {', '.join(_FIELDS)}")
    if pairs:
        rows = [r for r in rows if f"{r['lang1']}-{r['lang2']}" in pairs]
    return rows[:limit] if limit else rows


def _check_score(value: str, path: Path, line: int) -> None:
    """The gold ``Overall``: a number from 1 (the same story) to 4."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 1 <= number <= 4:
        detail = f"'Overall' must be a number from 1 to 4, not {value!r}"
        raise InputError(Code.E031, str(path), line=line, detail=detail)


def _article(key: str, text: str, language: str) -> Article:
    title, body = split_title(text)
    return Article(id=key, title=title, text=body, language=language)


def split_title(text: str) -> tuple[str, str]:
    """Title and body of a SemEval text. Title and lead are joined by two spaces or a line
    break; about half the texts have neither, and then no title can be told apart (taking the
    whole text as the title counted every word twice and embedded the whole article)."""
    text = text.strip()
    cuts = [i for i in (text.find("  "), text.find("\n")) if i > 0]
    if not cuts:
        return "", text
    cut = min(cuts)
    return text[:cut].strip(), text[cut:].strip()


def _scores(articles: list[tuple[Article, Article]], options: Options) -> list[float]:
    vocabulary = Vocabulary()
    for pair in articles:
        for article in pair:
            vocabulary.add(set(term_counts(article)))
    profiles = [
        (profile(a, vocabulary, None, learn=False), profile(b, vocabulary, None, learn=False))
        for a, b in articles
    ]
    embedder = get_embedder(options.embedding_backend)
    weights = Weights()
    if embedder is not None:
        weights = Weights(embedding_floor=embedder.floor)
        flat = [p for pair in profiles for p in pair]
        for p, vector in zip(flat, embedder.encode([p.embed_text for p in flat]), strict=True):
            p.embedding = vector
    return [similarity(a, b, weights) for a, b in profiles]


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """None where the correlation is undefined: fewer than two pairs, or a side that does not
    vary (0.0 had read as a measured lack of correlation). Similarities that do not vary
    while the gold does correlate with nothing: 0.0."""
    # Constancy is asked of the values, not of the variance: the mean of three 3.666… is not
    # exactly 3.666…, and the variance then came out 1e-31, not 0.
    if len(xs) < 2 or len(set(ys)) < 2:
        return None
    if len(set(xs)) < 2:
        return 0.0
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / math.sqrt(vx * vy)
