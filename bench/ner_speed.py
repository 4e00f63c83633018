"""NER speed: import and model load time, and tokens per second of a backend on CPU.

Usage: python bench/ner_speed.py [--backend NAME] [FILE ...] (backend: bundled, the default,
or e5; files: GermEval's dev.tsv in the shared folder by default, $CHRONIK_SHARED or
../shared beside the repository, else generated German sentences). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any

SAMPLE = (
    "Bundeskanzler Olaf Scholz traf am Montag in Berlin Vertreter der Deutschen Bahn, "
    "um über den Ausbau der Strecke zwischen Hamburg und Hannover zu sprechen."
)


def texts(paths: list[str]) -> list[str]:
    from chronik.evaluation import shared_file
    from chronik.evaluation.ner import read_bio

    if not paths:
        try:
            paths = [str(shared_file("data/germeval2014/dev.tsv"))]
        except FileNotFoundError:
            return [SAMPLE] * 2000
    return [" ".join(s.tokens) for p in paths for s in read_bio(Path(p))]


def rate(backend: Any, sample: list[str]) -> dict[str, Any]:
    tokens = sum(len(text.split()) for text in sample)
    started, cpu_started = time.perf_counter(), time.process_time()
    mentions = sum(len(found) for found in backend.recognize_many(sample))
    seconds = time.perf_counter() - started
    # On a shared machine wall time depends on the neighbours; CPU time does not.
    cpu_seconds = time.process_time() - cpu_started
    return {
        "texts": len(sample),
        "tokens": tokens,
        "mentions": mentions,
        "seconds": round(seconds, 3),
        "tokens_per_s": round(tokens / seconds),
        "cpu_seconds": round(cpu_seconds, 3),
        "tokens_per_cpu_s": round(tokens / cpu_seconds),
    }


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="bundled", help="bundled (the default) or e5")
    parser.add_argument(
        "files", nargs="*", help="token-per-line BIO files (default: GermEval's dev.tsv)"
    )
    return parser.parse_args()


def main() -> None:
    started = time.perf_counter()
    import spacy  # noqa: F401  (imported apart: its import is paid once per process)

    from chronik.analysis.ner import get_backend

    import_s = time.perf_counter() - started
    args = _arguments()
    name = args.backend
    started = time.perf_counter()
    backend = get_backend(name)
    load_s = time.perf_counter() - started
    sample = texts(args.files)
    # The same sentences run together, final stops dropped, into one 1 MB paragraph:
    # chunking must keep its cost per token that of short texts.
    paragraph = " ".join(text.rstrip(" .!?") for text in sample)
    paragraph = (paragraph + " ") * (1_000_000 // (len(paragraph) + 1) + 1)
    result = {
        "backend": name,
        "import_s": round(import_s, 3),
        "load_s": round(load_s, 3),
        **rate(backend, sample),
        "paragraph_1mb": rate(backend, [paragraph[:1_000_000]]),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
