"""The settings of ``chronik train ner``, apart from the trainers: the command line shows
their defaults, and importing the trainers would load spaCy (0.7 s) for every command."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """What the bundled model is made of; the defaults are what the shipped model was
    trained with."""

    epochs: int = 6
    seed: int = 1
    width: int = 96
    depth: int = 4
    window: int = 1
    hidden: int = 64
    norm_rows: int = 10_000
    affix_rows: int = 2_500
    dropout: float = 0.4
    learn_rate: float = 0.001
    batch_start: int = 4
    batch_stop: int = 32
    lexicon: bool = True  # embed the dictionary flags of chronik.analysis.ner.Lexicon
    subwords: int = 64  # dimensions of the pretrained subword vectors; 0: none
    subword_sources: tuple[str, ...] = ("use", "e5")  # packages they come from
    subword_edges: bool = True  # also the first and the last piece's vectors
    subword_limit: int = 0  # pieces a source at most (the most likely); 0: all


@dataclass(frozen=True, slots=True)
class E5Settings:
    """The e5 adapter's; the defaults are what the shipped adapter was trained with."""

    epochs: int = 6
    seed: int = 1
    rank: int = 16
    scale: float = 2.0
    learn_rate: float = 5e-4
    warmup: float = 0.06  # share of the steps
    batch: int = 16  # sentences
    dropout: float = 0.1  # on the head's input
    layer_dropout: float = 0.0  # on each layer's attention and feed-forward outputs
    weight_decay: float = 0.01


# What the shipped model and adapter were trained with.
SHIPPED_MODEL = TrainSettings()
SHIPPED_ADAPTER = E5Settings()
