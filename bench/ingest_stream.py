"""Ingest the shared data/news-stream-de into a fresh store; print items/s and peak memory.

Usage: python bench/ingest_stream.py [--limit N] [--shared DIR] [--executor SPEC]

The shared folder is ``--shared``, else ``$CHRONIK_SHARED``, else ../shared beside the
repository. The items (the first ``--limit``) are ingested as the story evaluation ingests
them: mapped by ``chronik.evaluation.stories.stream_items`` (the gathering day at 06:00 UTC
stands in for the publication time) and written as JSONL by ``write_items``; the timing is
``Chronik.ingest`` of that file.

``--executor processes:2`` analyses in two worker processes (docs/configuration.md);
``peak_memory_mb`` is then this process's alone: each worker holds the analysis models
besides (about as much as a serial run's peak).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from itertools import islice
from pathlib import Path

from chronik import Chronik, Options
from chronik.evaluation import shared_file
from chronik.evaluation.stories import stream_items, write_items

ITEMS = "data/news-stream-de/items.jsonl"
POINT_AT_IT = "give its folder with CHRONIK_SHARED=DIR or --shared DIR"
SHARED_HELP = "the shared folder (default: $CHRONIK_SHARED, else ../shared beside the repository)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--shared", type=Path, default=None, help=SHARED_HELP)
    parser.add_argument("--executor", default=None, help="serial, processes:N, dask:ADDRESS")
    args = parser.parse_args()
    try:
        items = shared_file(ITEMS, args.shared)
    except FileNotFoundError as exc:
        parser.exit(2, f"bench: shared data missing: {exc}; {POINT_AT_IT}\n")
    with (
        tempfile.TemporaryDirectory() as tmp,
        Chronik(
            options=Options.from_env(db=str(Path(tmp) / "bench.db"), executor=args.executor)
        ) as app,
    ):
        stream = write_items(islice(stream_items(items), args.limit), Path(tmp) / "items.jsonl")
        start = time.perf_counter()
        report = app.ingest([stream])
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "executor": app.options.executor,
                # Every item is analysed; revisions and repeats of an article store none.
                "items": report.seen,
                "new": report.inserted,
                "revised": report.revised,
                "unchanged": report.unchanged,
                "failed": report.failed,
                "seconds": round(elapsed, 2),
                "items_per_second": round(report.seen / elapsed, 1),
                "peak_memory_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
