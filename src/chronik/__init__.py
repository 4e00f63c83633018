"""Chronik: turns a stream of German news into stories."""

from chronik._version import __version__
from chronik.app import Chronik, IngestReport
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
    Story,
    Timex,
)
from chronik.options import Options

__all__ = [
    "Article",
    "Attribution",
    "Block",
    "BlockKind",
    "Chronik",
    "ChronikError",
    "Code",
    "Entity",
    "Event",
    "IngestReport",
    "InputError",
    "Mention",
    "Options",
    "Sentence",
    "Stance",
    "Story",
    "Timex",
    "__version__",
]
