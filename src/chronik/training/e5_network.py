"""multilingual-e5-small in PyTorch with LoRA updates and a tag head, for training only.

Imported by :mod:`chronik.training.ner_e5` once it knows PyTorch is installed; the forward
pass is the one :class:`chronik.analysis.e5.Encoder` runs in numpy, so what is trained here
is what the backend computes.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
import torch
from torch import nn

from chronik.analysis.e5 import LINEAR, NORMS, E5File


class LoRALinear(nn.Module):
    """A frozen matrix plus ``scale * b @ a``, its bias trained."""

    def __init__(self, weight: numpy.ndarray, bias: numpy.ndarray, rank: int, scale: float):
        super().__init__()
        rows, columns = weight.shape
        self.weight = nn.Parameter(torch.from_numpy(weight), requires_grad=False)
        self.bias = nn.Parameter(torch.from_numpy(bias))
        self.a = nn.Parameter(torch.randn(rank, columns) / columns**0.5)
        self.b = nn.Parameter(torch.zeros(rows, rank))
        self.scale = scale

    def forward(self, x: Any) -> Any:
        return nn.functional.linear(x, self.weight, self.bias) + self.scale * (
            (x @ self.a.T) @ self.b.T
        )


class Network(nn.Module):
    """The encoder over a batch of sentences and the head over each word's first piece."""

    def __init__(
        self,
        file: E5File,
        rank: int,
        scale: float,
        dropout: tuple[float, float],
        outputs: int,
    ):
        """``dropout``: (on each layer's two residual branches, on the head's input)."""
        super().__init__()
        self.file, self.shape = file, file.shape
        weights = file.weights()
        self.positions = torch.from_numpy(weights["emb.pos"])  # not trained
        self.trained = nn.ParameterDict(
            {
                _key(k): nn.Parameter(torch.from_numpy(v))
                for k, v in weights.items()
                if (k.startswith("emb.") and k != "emb.pos") or k.split(".")[1] in NORMS
            }
        )
        self.linear = nn.ModuleDict(
            {
                _key(f"l{layer}.{name}"): LoRALinear(
                    weights[f"l{layer}.{name}.w"], weights[f"l{layer}.{name}.b"], rank, scale
                )
                for layer in range(file.shape.layers)
                for name in LINEAR
            }
        )
        self.layer_drop, self.drop = nn.Dropout(dropout[0]), nn.Dropout(dropout[1])
        self.head = nn.Linear(file.shape.width, outputs)

    def scores(self, batch: list[tuple[list[int], list[int], list[int]]]) -> tuple[Any, Any]:
        """(scores of each word's labels, gold label of each word) over a batch."""
        longest = max(len(ids) for ids, _, _ in batch)
        ids = numpy.ones((len(batch), longest), dtype=numpy.int64)
        for row, (piece_ids, _, _) in enumerate(batch):
            ids[row, : len(piece_ids)] = piece_ids
        lengths = torch.tensor([len(piece_ids) for piece_ids, _, _ in batch])
        states = self.encode(torch.from_numpy(ids), lengths)
        rows = torch.cat([torch.full((len(f),), r) for r, (_, f, _) in enumerate(batch)])
        columns = torch.cat([torch.tensor(f) for _, f, _ in batch])
        gold = torch.cat([torch.tensor(g) for _, _, g in batch])
        return self.head(self.drop(states[rows, columns])), gold

    def encode(self, ids: Any, lengths: Any) -> Any:
        s, t = self.shape, self.trained
        size, longest = ids.shape
        words = torch.from_numpy(self.file.word_rows(ids.reshape(-1).numpy()))
        x = words.reshape(size, longest, s.width) + self.positions[:longest] + t["emb_type"]
        x = nn.functional.layer_norm(x, (s.width,), t["emb_ln_w"], t["emb_ln_b"], s.epsilon)
        keep = torch.arange(longest)[None, :] < lengths[:, None]
        mask = torch.zeros(size, 1, 1, longest).masked_fill(~keep[:, None, None, :], float("-inf"))
        for layer in range(s.layers):
            x = self._layer(x, f"l{layer}_", mask)
        return x

    def _layer(self, x: Any, p: str, mask: Any) -> Any:
        s, t, lin = self.shape, self.trained, self.linear
        size, longest, width = x.shape

        def heads(name: str) -> Any:
            projected = lin[p + name](x)
            return projected.view(size, longest, s.heads, width // s.heads).transpose(1, 2)

        context = nn.functional.scaled_dot_product_attention(
            heads("q"), heads("k"), heads("v"), attn_mask=mask
        )
        context = context.transpose(1, 2).reshape(size, longest, width)
        attended = x + self.layer_drop(lin[p + "ao"](context))
        x = nn.functional.layer_norm(attended, (width,), t[p + "aln_w"], t[p + "aln_b"], s.epsilon)
        inner = self.layer_drop(lin[p + "fo"](nn.functional.gelu(lin[p + "fi"](x))))
        return nn.functional.layer_norm(
            x + inner, (width,), t[p + "oln_w"], t[p + "oln_b"], s.epsilon
        )

    def adapter_arrays(self) -> dict[str, numpy.ndarray]:
        """What training changed, by the file's tensor names (see ``Adapter``)."""
        arrays = {_name(k): v.detach().numpy().copy() for k, v in self.trained.items()}
        for key, module in self.linear.items():
            name, lora = _name(key), cast(LoRALinear, module)
            arrays[f"{name}.w.lora_a"] = lora.a.detach().numpy().copy()
            arrays[f"{name}.w.lora_b"] = lora.b.detach().numpy().copy()
            arrays[f"{name}.b"] = lora.bias.detach().numpy().copy()
        arrays["head.w"] = self.head.weight.detach().numpy().copy()
        arrays["head.b"] = self.head.bias.detach().numpy().copy()
        return arrays


def _key(name: str) -> str:
    """A file's tensor name as a module key (which may not hold dots)."""
    return name.replace(".", "_")


def _name(key: str) -> str:
    return key.replace("_", ".")
