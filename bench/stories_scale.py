"""Story engine at scale: stream news-stream-de over and over, each pass shifted later by the
data's span, into one StoryEngine; print articles/s and memory at each size.

Each pass marks its texts (a leading ``#N``, which no lemma or entity sees, inside the part
that is embedded) so that no pass reuses the embeddings of the one before. The engine alone
is measured: no store, no analysis. It is fed with ``add_all``, which embeds the coming
articles on the other cores while it assigns (``--serial``: one ``add`` at a time).

Usage: python bench/stories_scale.py [--sizes 100000,1000000] [--backend use] [--serial]
                                     [--shared DIR]

The shared folder is ``--shared``, else ``$CHRONIK_SHARED``, else ../shared beside the
repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from chronik.evaluation import shared_file
from chronik.evaluation.stories import stream_items
from chronik.model import Article
from chronik.options import Options
from chronik.stories.engine import StoryEngine

ITEMS = "data/news-stream-de/items.jsonl"
POINT_AT_IT = "give its folder with CHRONIK_SHARED=DIR or --shared DIR"
SHARED_HELP = "the shared folder (default: $CHRONIK_SHARED, else ../shared beside the repository)"


def load(path: Path) -> list[dict[str, Any]]:
    """The stream as the story evaluation maps it (its gathering day at 06:00 UTC stands in
    for the publication time), in time order."""
    return sorted(stream_items(path), key=lambda r: str(r.get("published") or ""))


def stream(records: list[dict[str, Any]]) -> Iterator[tuple[Article, datetime]]:
    days = [datetime.fromisoformat(r["published"]) for r in records]
    span = days[-1] - days[0] + timedelta(days=1)
    rounds = 0
    while True:
        shift = span * rounds
        for number, (record, day) in enumerate(zip(records, days, strict=True)):
            when = day + shift + timedelta(seconds=number)
            text = f"#{rounds} {record['text']}"
            key = f"{rounds}-{number}"
            language = record["language"]
            yield Article(key, record["title"], text, published=when, language=language), when
        rounds += 1


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def run(records: list[dict[str, str]], sizes: list[int], options: Options, serial: bool) -> None:
    engine = StoryEngine(options)
    articles = stream(records)
    fed = (engine.add(*item) for item in articles) if serial else engine.add_all(articles)
    start = time.perf_counter()
    for done, _ in enumerate(fed, start=1):
        if done in sizes:
            elapsed = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            report = {
                "articles": done,
                "articles_per_s": round(done / elapsed, 1),
                "rss_mb": round(rss_mb(), 1),
                "peak_rss_mb": round(peak, 1),
                "stories_in_window": len(engine.story_ids()),
                "embedded_share": round(engine.embedded / done, 3),
                "backend": options.embedding_backend,
                "fed": "add" if serial else "add_all",
            }
            print(json.dumps(report), flush=True)
            if done == max(sizes):
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backend", default=None, help="embedding backend (default: Options)")
    parser.add_argument("--serial", action="store_true", help="one add() at a time")
    parser.add_argument("--shared", type=Path, default=None, help=SHARED_HELP)
    args = parser.parse_args()
    try:
        items = shared_file(ITEMS, args.shared)
    except FileNotFoundError as exc:
        parser.exit(2, f"bench: shared data missing: {exc}; {POINT_AT_IT}\n")
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    if not sizes or sizes[0] < 1:
        parser.error(f"--sizes {args.sizes!r}: give article counts of 1 or more, e.g. 1000,10000")
    options = Options.from_env(embedding_backend=args.backend)
    run(load(items), sizes, options, args.serial)


if __name__ == "__main__":
    main()
