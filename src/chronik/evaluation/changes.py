"""Quality of the changes a story flags: ingest items into a temporary store, then score
every change the stories list (``confirmed``, ``denied``, ``location``, ``time``; counts of
dead or injured) against a reader's judgement of each.

``evaluate_changes(items, labels)`` returns how many changes were flagged, how many of them
were judged, the precision among those, and how many of the changes judged right are still
flagged (``kept``): a rule that takes wrong flags away must not take the right ones with
them. A change nobody judged counts in ``unjudged``, as in the related-reading evaluation:
the figures hold for the judged ones, so a change of the code that flags many new changes
needs them read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronik.errors import Code, InputError
from chronik.evaluation import json_lines, require
from chronik.evaluation.stories import ingested, read_items
from chronik.options import Options

if TYPE_CHECKING:
    from chronik.app import Chronik, Progress
    from chronik.stories.summary import ReportedChange

# (article, event type, kind, actors, after): a change as a reader can name it again after
# the store is built anew. What it changed from is left out, as an earlier report's wording
# may move it while the change itself stays the same.
Key = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]
Judgements = dict[Key, bool]
_PAGE = 500


def evaluate_changes(
    items: Path, labels: Path, options: Options | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """``progress`` gets the ingest's counts, as :meth:`Chronik.ingest`'s does."""
    judged = read_judgements(labels)
    with ingested(read_items(items), options, progress) as app:
        return score_changes(app, judged, labels)


def score_changes(app: Chronik, judged: Judgements, labels: Path) -> dict[str, Any]:
    """:func:`evaluate_changes`' figures for a store the items were ingested into."""
    articles = {key[0] for key in judged}
    detail = f"none of the {len(articles)} judged articles is an ingested article's id"
    known = any(app.store.lookup(article) is not None for article in articles)
    require(known, labels, detail + " (Chronik's ids: chronik articles --json)")
    return _scores(judged, [key_of(change.to_dict()) for change in _every_change(app)])


def _every_change(app: Chronik) -> list[ReportedChange]:
    """The changes of every story of the store, once each, as each story's page lists them."""
    found = []
    offset = 0
    while page := app.stories(limit=_PAGE, offset=offset):
        for story in page:
            if story.size > 1:
                found.extend(app.story_report(story.id).changes)
        offset += _PAGE
    return found


def key_of(change: dict[str, Any]) -> Key:
    """The key of a change as `chronik story --json` lists it (``changes``). Its actors in
    any order: a story lists them in the order its reports first named them, which a
    regrouping of its articles may turn round without changing the change (review 203)."""
    return (
        str(change["article_id"]),
        str(change["event_type"]),
        str(change["kind"]),
        tuple(sorted(str(a) for a in change["actors"])),
        tuple(str(a) for a in change["after"]),
    )


def _scores(judged: Judgements, flagged: list[Key]) -> dict[str, Any]:
    verdicts = [(key[2], judged[key]) for key in flagged if key in judged]
    right = sum(v for _, v in verdicts)
    judged_right = {key for key, v in judged.items() if v}
    by_kind: Counter[str] = Counter(kind for kind, _ in verdicts)
    right_by_kind: Counter[str] = Counter(kind for kind, v in verdicts if v)
    return {
        "changes": len(flagged),
        "judged": len(verdicts),
        "unjudged": len(flagged) - len(verdicts),
        "precision": round(right / len(verdicts), 4) if verdicts else 0.0,
        "kept": len(judged_right & set(flagged)),
        "judged_right": len(judged_right),
        "by_kind": {
            kind: {"judged": n, "right": right_by_kind[kind]} for kind, n in sorted(by_kind.items())
        },
    }


def read_judgements(path: Path) -> Judgements:
    """``{"article_id", "event_type", "kind", "actors", "after", "right"}`` a line (the
    fields of a change as ``chronik story --json`` lists it, and whether it is right)."""
    judged: Judgements = {}
    fields = ("article_id", "event_type", "kind", "actors", "after", "right")
    for number, record in json_lines(path):
        if not isinstance(record, dict) or any(f not in record for f in fields):
            detail = "needs " + ", ".join(f"'{f}'" for f in fields)
            raise InputError(Code.E031, str(path), line=number, detail=detail)
        judged[key_of(record)] = bool(record["right"])
    require(bool(judged), path, "no judgements")
    return judged
