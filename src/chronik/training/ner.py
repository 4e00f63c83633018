"""Train the bundled German NER model from GermEval 2014 (``chronik train ner``).

Split (fixed, see docs/ner.md): train on all of test.tsv plus dev.tsv without its last
1000 sentences; those 1000 are held out for evaluation and never seen in training.
The model is spaCy's blank German pipeline with one ``ner`` component whose own CNN
tok2vec embeds each token from hashed NORM, PREFIX, SUFFIX and SHAPE features.

Labels: PER, LOC, ORG, MISC (GermEval's OTH), and ``TYPEderiv`` for GermEval's derived
(``LOCderiv``, "russische") and compound (``LOCpart``, "Russland-Besuch") mentions, which
the backend turns into mentions with ``derived=True``.
"""

from __future__ import annotations

import json
import logging
import random
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronik.analysis.blas import one_blas_thread
from chronik.analysis.ner import LEXICON_FILE, Lexicon, numpy_matmul
from chronik.evaluation.ner import (
    GoldSentence,
    gold_spans,
    heldout_split,
    read_bio,
)
from chronik.training.settings import SHIPPED_MODEL, TrainSettings

if TYPE_CHECKING:
    from chronik.training.silver import Silver


def model_config(settings: TrainSettings) -> dict[str, Any]:
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": settings.hidden,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": _embed_config(settings),
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": settings.width,
                "depth": settings.depth,
                "window_size": settings.window,
                "maxout_pieces": 3,
            },
        },
    }


def _embed_config(settings: TrainSettings) -> dict[str, Any]:
    from chronik.analysis.ner_rules import KNOWN_AS_WRITTEN, WRITTEN_SMALL

    attrs: list[str | int] = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    rows = [settings.norm_rows, *[settings.affix_rows] * 3]
    if settings.lexicon:
        # 64 rows for two values: a hash collision between them is unlikely.
        attrs += [WRITTEN_SMALL, KNOWN_AS_WRITTEN]
        rows += [64, 64]
    if settings.subwords:
        return {
            "@architectures": "chronik.SubwordHashEmbed.v1",
            "width": settings.width,
            "attrs": attrs,
            "rows": rows,
            "subword_dims": settings.subwords,
            "subword_sources": list(settings.subword_sources),
            "subword_edges": settings.subword_edges,
            "subword_limit": settings.subword_limit,
        }
    return {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": settings.width,
        "attrs": attrs,
        "rows": rows,
        "include_static_vectors": False,
    }


def training_label(type_: str, derived: bool) -> str:
    return f"{type_}deriv" if derived else type_


def load_split(folder: Path) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """(training sentences, held-out sentences) from the GermEval 2014 ``folder``."""
    train_dev, heldout = heldout_split(read_bio(folder / "dev.tsv"))
    return read_bio(folder / "test.tsv") + train_dev, heldout


# A sentence and its entities as (start, end, training label) character offsets.
Annotated = tuple[str, list[tuple[int, int, str]]]


def to_offsets(sentence: GoldSentence) -> Annotated:
    """The sentence as space-joined text with character-offset entities."""
    starts, position = [], 0
    for token in sentence.tokens:
        starts.append(position)
        position += len(token) + 1
    entities = [
        (
            starts[s.start],
            starts[s.end - 1] + len(sentence.tokens[s.end - 1]),
            training_label(s.type, s.derived),
        )
        for s in gold_spans(sentence.tags)
    ]
    return " ".join(sentence.tokens), entities


def train_ner(
    data: Path,
    output: Path,
    settings: TrainSettings = SHIPPED_MODEL,
    log: Callable[[str], None] = print,
    heldout_every: int = 0,
    snapshots: Path | None = None,
    silver: Silver | None = None,
) -> dict[str, Any]:
    """Train on the GermEval folder ``data``, write the pipeline to ``output``, and
    return what was done.

    ``silver`` adds sentences another backend tagged (see ``chronik.training.silver``).
    ``heldout_every`` > 0 logs held-out F1 every that many epochs, and ``snapshots`` keeps
    each epoch's pipeline in ``snapshots/epoch-N`` (development only: the shipped model is
    the last epoch's, not a selected one).
    """
    from thinc.api import fix_random_seed

    fix_random_seed(settings.seed)
    train, heldout = load_split(data)
    nlp, lexicon = _blank_pipeline(settings)
    extra = silver.sentences if silver is not None else ()
    examples, optimizer = _initialized(nlp, [*map(to_offsets, train), *extra], settings)
    seconds = _train_epochs(
        nlp, lexicon, examples, optimizer, heldout, settings, log, heldout_every, snapshots
    )
    report = _save(nlp, optimizer, output, settings, len(train), seconds, silver)
    if lexicon is not None:
        lexicon.save(output / LEXICON_FILE)
    return report


def _initialized(
    nlp: Any, sentences: list[Annotated], settings: TrainSettings
) -> tuple[list[Any], Any]:
    """The examples of ``sentences``, and the optimizer the pipeline is initialized on
    them with."""
    from thinc.api import Adam

    examples = _examples(nlp, sentences)
    # Averaged weights: the per-step ones swing by points of F1 from epoch to epoch.
    optimizer = Adam(settings.learn_rate, L2=0.01, grad_clip=1.0, use_averages=True)
    nlp.initialize(lambda: examples, sgd=optimizer)
    numpy_matmul(nlp)
    return examples, optimizer


def _train_epochs(
    nlp: Any,
    lexicon: Lexicon | None,
    examples: list[Any],
    optimizer: Any,
    heldout: list[GoldSentence],
    settings: TrainSettings,
    log: Callable[[str], None],
    heldout_every: int,
    snapshots: Path | None,
) -> float:
    """The passes over ``examples``, each logged (with the held-out F1 every
    ``heldout_every`` epochs, and its pipeline kept under ``snapshots``); returns the
    seconds they took."""
    order = random.Random(settings.seed)
    started = time.monotonic()
    with one_blas_thread():
        for epoch in range(1, settings.epochs + 1):
            loss = _epoch(nlp, examples, optimizer, settings, order)
            line = f"epoch {epoch}: loss {loss:.1f}, {time.monotonic() - started:.0f}s"
            if heldout_every and epoch % heldout_every == 0:
                with nlp.use_params(optimizer.averages):
                    line += f", held-out F1 {_heldout_f1(nlp, heldout):.4f}"
            log(line)
            if snapshots is not None:
                with nlp.use_params(optimizer.averages):
                    _write(nlp, lexicon, snapshots / f"epoch-{epoch}")
    return time.monotonic() - started


def _epoch(
    nlp: Any, examples: list[Any], optimizer: Any, settings: TrainSettings, order: random.Random
) -> float:
    """One pass over the examples, shuffled, in growing batches; returns the NER loss."""
    from thinc.api import compounding

    order.shuffle(examples)
    losses: dict[str, float] = {}
    sizes = iter(compounding(settings.batch_start, settings.batch_stop, 1.001))
    for batch in _batches(examples, sizes):
        nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
    return losses.get("ner", 0.0)


def _blank_pipeline(settings: TrainSettings) -> tuple[Any, Lexicon | None]:
    """A German pipeline with an untrained NER component (and the word-form lexicon its
    features read, when the settings use one)."""
    import spacy

    import chronik.analysis.subwords  # noqa: F401  (registers the subword layers)

    nlp = spacy.blank("de")
    lexicon = german_lexicon() if settings.lexicon else None
    if lexicon is not None:
        lexicon.install(nlp.vocab)
    nlp.add_pipe("ner", config={"model": model_config(settings)})
    return nlp, lexicon


def _examples(nlp: Any, sentences: Iterable[tuple[str, Any]]) -> list[Any]:
    from spacy.training import Example

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spans the tokenizer splits differently: W030
        logging.getLogger("spacy").setLevel(logging.ERROR)
        return [
            Example.from_dict(nlp.make_doc(text), {"entities": entities})
            for text, entities in sentences
        ]


def _write(nlp: Any, lexicon: Lexicon | None, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(folder)
    if lexicon is not None:
        lexicon.save(folder / LEXICON_FILE)


def german_lexicon() -> Lexicon:
    """The word forms of simplemma's German dictionary (a dependency already)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return Lexicon.from_words(DefaultDictionaryFactory().get_dictionary("de"))


def _batches(items: list[Any], sizes: Iterator[float]) -> Iterator[list[Any]]:
    """Consecutive batches whose sizes follow ``sizes`` (growing: small steps first)."""
    start = 0
    while start < len(items):
        size = max(1, int(next(sizes)))
        yield items[start : start + size]
        start += size


def _heldout_f1(nlp: Any, heldout: list[GoldSentence]) -> float:
    from chronik.analysis.ner import SpacyBackend
    from chronik.evaluation.ner import score_sentences

    backend = SpacyBackend("training", nlp)
    return float(score_sentences(heldout, backend)["f1"])


def _save(
    nlp: Any,
    optimizer: Any,
    output: Path,
    settings: TrainSettings,
    sentences: int,
    seconds: float,
    silver: Silver | None,
) -> dict[str, Any]:
    output.mkdir(parents=True, exist_ok=True)
    report = {
        "sentences": sentences,
        "silver": silver.describe() if silver is not None else None,
        "seconds": round(seconds, 1),
        "settings": asdict(settings),
        "labels": sorted(nlp.get_pipe("ner").labels),
    }
    nlp.meta["name"] = "chronik_ner_de"
    nlp.meta["description"] = "Chronik's German NER, trained by `chronik train ner` on GermEval"
    nlp.meta["chronik_training"] = report
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(output)
    _prune_strings(nlp, output)
    (output / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report | {"output": str(output)}


def _prune_strings(nlp: Any, output: Path) -> None:
    """Keep in the saved vocabulary only the strings a blank German pipeline and the labels
    need. Training leaves there every word form it read (2.5 MB with silver sentences), but
    the model looks its features up by hash, so they are dead weight: the held-out figures
    are the same without them."""
    import spacy

    keep = set(spacy.blank("de").vocab.strings) | set(nlp.get_pipe("ner").labels)
    strings = output / "vocab" / "strings.json"
    strings.write_text(json.dumps(sorted(keep), ensure_ascii=False), encoding="utf-8")
