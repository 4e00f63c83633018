"""Chronik: turns a stream of German news into stories."""

from chronik.errors import ChronikError, Code, InputError
from chronik.model import (
    Article,
    Attribution,
    Block,
    BlockKind,
    Entity,
    Event,
    Mention,
    Sentence,
    Stance,
    Timex,
)
from chronik.options import Options

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Attribution",
    "Block",
    "BlockKind",
    "ChronikError",
    "Code",
    "Entity",
    "Event",
    "InputError",
    "Mention",
    "Options",
    "Sentence",
    "Stance",
    "Timex",
    "__version__",
]
