"""Related-reading quality: ingest items into a temporary store, then score the related
reading proposed for each judged article against a reader's judgements of proposals.

``evaluate_related(items, labels)`` returns the proposals, how many of them were judged,
the precision among those, the recall of the judged related ones, and how many articles got
none. A proposal nobody judged counts in ``unjudged``: the figures hold for the judged
ones, so a change that proposes many unjudged neighbours needs reading again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from chronik.errors import Code, InputError
from chronik.evaluation import json_lines, require
from chronik.evaluation.stories import ingested, read_items
from chronik.options import Options

if TYPE_CHECKING:
    from chronik.app import Progress

Judgements = dict[tuple[str, str], bool]


def evaluate_related(
    items: Path,
    labels: Path,
    options: Options | None = None,
    limit: int = 10,
    progress: Progress | None = None,
) -> dict[str, float | int]:
    """``progress`` gets the ingest's counts, as :meth:`Chronik.ingest`'s does."""
    judged = read_judgements(labels)
    articles = list(dict.fromkeys(article for article, _ in judged))
    proposed: list[tuple[str, str]] = []
    with ingested(read_items(items), options, progress) as app:
        known = [a for a in articles if app.store.lookup(a) is not None]
        detail = f"none of the {len(articles)} judged articles is an ingested article's id"
        require(bool(known), labels, detail + " (Chronik's ids: chronik articles --json)")
        for article in known:
            found = app.related_articles(article, limit=limit)
            proposed.extend((article, other.id) for other, _ in found)
    return _scores(judged, proposed, known)


def _scores(
    judged: Judgements, proposed: list[tuple[str, str]], articles: list[str]
) -> dict[str, float | int]:
    verdicts = [judged[pair] for pair in proposed if pair in judged]
    related = sum(verdicts)
    relevant = sum(v for (article, _), v in judged.items() if article in articles)
    with_some = {article for article, _ in proposed}
    return {
        "articles": len(articles),
        "proposals": len(proposed),
        "judged": len(verdicts),
        "unjudged": len(proposed) - len(verdicts),
        "precision": related / len(verdicts) if verdicts else 0.0,
        "recall": related / relevant if relevant else 0.0,
        "articles_without": len(set(articles) - with_some),
    }


def read_judgements(path: Path) -> Judgements:
    """``{"article", "neighbour", "related"}`` a line: whether the neighbour is related
    reading for the article."""
    judged: Judgements = {}
    for number, record in json_lines(path):
        fields = ("article", "neighbour", "related")
        if not isinstance(record, dict) or any(f not in record for f in fields):
            detail = "needs 'article', 'neighbour' and 'related'"
            raise InputError(Code.E031, str(path), line=number, detail=detail)
        judged[(str(record["article"]), str(record["neighbour"]))] = bool(record["related"])
    require(bool(judged), path, "no judgements")
    return judged
