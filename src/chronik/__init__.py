"""Chronik: turns a stream of German news into stories."""

from typing import TYPE_CHECKING, Any

from chronik._version import __version__
from chronik.errors import ChronikError, Code, InputError
from chronik.model import (
    Article,
    Attribution,
    Block,
    BlockKind,
    Entity,
    Event,
    Mention,
    Reason,
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
    "Reason",
    "Sentence",
    "Stance",
    "Story",
    "Timex",
    "__version__",
]

if TYPE_CHECKING:
    from chronik.app import Chronik, IngestReport


def __getattr__(name: str) -> Any:
    """``Chronik`` and ``IngestReport`` are imported when first asked for: ``chronik.app``
    imports every analysis module (0.7 s), which `chronik --version`, `--help` and a usage
    error had waited for (review 114)."""
    if name in ("Chronik", "IngestReport"):
        from chronik import app

        found = getattr(app, name)
        globals()[name] = found
        return found
    raise AttributeError(f"module 'chronik' has no attribute {name!r}")
