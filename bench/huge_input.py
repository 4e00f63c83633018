"""Ingest one huge synthetic plain-text article per size and shape; print seconds per MB.

Usage: python bench/huge_input.py [--sizes 0.25,1,4] [--kinds repeat,para] [--pipeline ...]

Shapes (the text is this script's own German sentences, repeated):

- ``repeat``: paragraphs of five sentences;
- ``short``: one sentence a paragraph;
- ``para``: one paragraph of words without a sentence end;
- ``onepara``: one paragraph of sentences (a news text without paragraph breaks);
- ``noword``: one line of words without spaces or punctuation.

Each size runs in a fresh process (``peak_rss_mb`` is that process's) and a fresh store;
``seconds`` is the ingest alone, after the models are loaded on a small article. Linear
input costs the same ``seconds_per_mb`` at every size.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from chronik import Chronik, Options
from chronik.options import MAX_CHARS

_TEMPLATES = (
    "{n} traf am {d} in {c} Vertreter der Gemeinde zu einem Gespräch über den Haushalt.",
    "Nach Angaben der Polizei wurden bei dem Unfall in {c} zwei Menschen leicht verletzt.",
    "„Wir werden die Pläne genau prüfen“, sagte {n} am {d} in {c}.",
    "{o} kündigte an, die Gebühren im kommenden Jahr um drei Prozent zu erhöhen.",
    "Die Entscheidung soll bis zum 14. März 2025 fallen, wie {n} mitteilte.",
    "Kritiker werfen {o} vor, die Bürger zu spät informiert zu haben.",
    "In {c} demonstrierten am Wochenende rund 2000 Menschen gegen die geplante Schließung.",
)
_NAMES = ("Anna Beispiel", "Jan Muster", "Eva Probe", "Karl Feldmann", "Lena Vogt", "Otto Brenner")
_CITIES = ("Berlin", "Hamburg", "Dresden", "Leipzig", "Köln", "Mainz", "Erfurt")
_ORGS = ("die Stadtwerke", "der Landtag", "die Verbraucherzentrale", "der Bundesrat")
_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
KINDS = ("repeat", "short", "para", "onepara", "noword")


def sentences() -> Iterator[str]:
    for i in itertools.count():
        yield _TEMPLATES[i % len(_TEMPLATES)].format(
            n=_NAMES[i % len(_NAMES)],
            c=_CITIES[i % len(_CITIES)],
            o=_ORGS[i % len(_ORGS)],
            d=_DAYS[i % len(_DAYS)],
        )


def words() -> Iterator[str]:
    for sentence in sentences():
        yield from "".join(c for c in sentence if c.isalnum() or c == " ").split()


def pieces(kind: str) -> Iterator[str]:
    """The text of one shape, piece by piece, after a headline."""
    yield "Synthetische Meldung über den Haushalt\n\n"
    if kind == "repeat":
        lines = sentences()
        while True:
            yield " ".join(next(lines) for _ in range(5)) + "\n\n"
    if kind == "short":
        yield from (s + "\n\n" for s in sentences())
    if kind == "onepara":
        yield from (s + " " for s in sentences())
    yield from (w + " " if kind == "para" else w for w in words())


def build(kind: str, size: int) -> bytes:
    out, length = [], 0
    for piece in pieces(kind):
        if length >= size:
            break
        data = piece.encode("utf-8")
        out.append(data)
        length += len(data)
    return b"".join(out)


def run_one(kind: str, megabytes: float, pipeline: tuple[str, ...] | None) -> dict[str, object]:
    """One ingest in this process: the models loaded first, then the huge article timed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.txt"
        path.write_bytes(build(kind, int(megabytes * 1_000_000)))
        warm = Path(tmp) / "warm.txt"
        warm.write_text("Ein Titel\n\nDer Landtag in Mainz tagte am Freitag.\n", encoding="utf-8")
        extra: dict[str, object] = {"pipeline": pipeline} if pipeline else {}
        # Past the limit an article is refused (E011): what the limit spares is measured.
        extra["max_chars"] = max(MAX_CHARS, int(megabytes * 1_000_000))
        options = Options.from_env(db=str(Path(tmp) / "bench.db"), **extra)
        with Chronik(options=options) as app:
            app.ingest([warm])
            start = time.perf_counter()
            report = app.ingest([path])
            seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kind": kind,
        "mb": megabytes,
        "seconds": round(seconds, 1),
        "seconds_per_mb": round(seconds / megabytes, 1),
        "peak_rss_mb": round(peak),
        "failed": report.failed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.25,1,4", help="MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--pipeline", default=None, help="components, comma-separated")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    pipeline = tuple(args.pipeline.split(",")) if args.pipeline else None
    if args.one:  # a child: one kind, one size
        print(json.dumps(run_one(args.kinds, float(args.sizes), pipeline)))
        return
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            command = [sys.executable, __file__, "--one", "--kinds", kind, "--sizes", size]
            command += ["--pipeline", args.pipeline] if args.pipeline else []
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            print(done.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
