"""Write eval/stories/labels-MONTH.jsonl from eval/stories/groups-MONTH.json: story groups
as line numbers in news-stream-de's items.jsonl; every other item gathered in that month is
a story of its own. Rules: docs/stories.md.

Run: python eval/stories/make_labels.py ITEMS.jsonl 2026-01
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chronik.analysis.structure import article_id
from chronik.evaluation.stories import month_bounds, stream_items

HERE = Path(__file__).resolve().parent


def labels(items: Path, month: str) -> dict[str, str]:
    groups: dict[str, list[int]] = json.loads((HERE / f"groups-{month}.json").read_text())
    story_of = {line: name for name, lines in groups.items() for line in lines}
    found: dict[str, str] = {}
    for record in stream_items(items, *month_bounds(month)):
        key = article_id(record["url"], record["text"] or record["title"] or "")
        found.setdefault(key, story_of.get(record["line"], f"single-{record['line']}"))
    return found


def main(items: Path, month: str) -> None:
    with (HERE / f"labels-{month}.jsonl").open("w", encoding="utf-8") as out:
        for key, story in labels(items, month).items():
            out.write(json.dumps({"id": key, "story": story}) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1].startswith("-"):
        sys.exit("usage: python eval/stories/make_labels.py ITEMS.jsonl MONTH (e.g. 2026-01)")
    main(Path(sys.argv[1]), sys.argv[2])
