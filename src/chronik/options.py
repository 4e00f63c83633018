"""One options object for every layer, filled from arguments, environment or defaults."""

from __future__ import annotations

import copy
import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from chronik._version import __version__
from chronik.errors import ChronikError, Code
from chronik.ingest.document import is_plain_address

# The analysis components run on every article, in order (see docs/architecture.md).
DEFAULT_PIPELINE = (
    "sentences",
    "ner",
    "entities",
    "timex",
    "attribution",
    "subjectivity",
    "stance",
    "events",
)


# Public German news feeds that `chronik run` follows when given nothing else.
DEFAULT_FEEDS = (
    "https://www.tagesschau.de/xml/rss2/",
    "https://newsfeed.zeit.de/index",
    "https://www.deutschlandfunk.de/nachrichten-100.rss",
    "https://www.spiegel.de/schlagzeilen/index.rss",
)


# The largest input read, in bytes (CHRONIK_MAX_BYTES); also each WARC record's limit.
MAX_BYTES = 20_000_000
# The longest article text analysed, in characters (CHRONIK_MAX_CHARS): about a minute and
# 0.6 GB of analysis; a text ten times longer had held a server's writer for ten minutes
# and taken 3 GB (review 71). No news article comes near it; a book does.
MAX_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for Chronik, each documented in docs/configuration.md. ``Options(...)``
    holds what it is given and the defaults; :meth:`from_env` also reads the environment
    variables ``CHRONIK_<FIELD>`` (upper case)."""

    db: str = "chronik.db"
    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    ner_backend: str = "bundled"
    embedding_backend: str = "use"
    event_extractor: str = "rules"
    executor: str = "serial"
    max_bytes: int = MAX_BYTES
    max_chars: int = MAX_CHARS
    fetch: bool = False
    fetch_timeout: float = 20.0
    user_agent: str = f"Chronik/{__version__} (+self-hosted news story tracker)"
    feeds: tuple[str, ...] = DEFAULT_FEEDS
    story_window_days: int = 14
    story_threshold: float = 0.24
    # The web API's write token (chronik serve); empty disables writing. Kept out of repr.
    token: str = field(default="", repr=False)
    # Settings for plugins: any values, so left out of the hash (equal options still hash
    # equal) and copied on creation, so that no two Options share one dict.
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # Checked here, not when analysis starts: a command would open (and create) the
        # store first, and leave an empty one behind a mistyped --executor.
        for f in fields(self):
            if f.name != "extra":
                self._check_kind(f.name, f.default)
        if not isinstance(self.extra, Mapping):
            kind = "a mapping (a JSON object)"
            raise ChronikError(Code.E220, name="extra", value=self.extra, kind=kind)
        object.__setattr__(self, "extra", copy.deepcopy(dict(self.extra)))
        executor = _EXECUTOR.fullmatch(self.executor)
        if not executor or int(executor["workers"] or 1) > MAX_PROCESSES:
            raise ChronikError(
                Code.E110, kind="executor", name=self.executor, choices=EXECUTOR_CHOICES
            )
        strays = [feed for feed in self.feeds if not is_plain_address(feed)]
        if strays:  # a path in the list would be read as a file, far from where it was set
            kind = "a list of http:// or https:// addresses"
            raise ChronikError(Code.E220, name="feeds", value=strays[0], kind=kind)
        for name, (low, high, kind) in _RANGES.items():
            value = getattr(self, name)
            # NaN compares false with everything, and neither it nor infinity is a setting.
            if not math.isfinite(value) or value < low or (high is not None and value > high):
                raise ChronikError(Code.E220, name=name, value=value, kind=kind)

    def _check_kind(self, name: str, default: Any) -> None:
        """E220 for a value of another kind than the default's, as from the environment; a
        list where a tuple belongs becomes the tuple."""
        value = getattr(self, name)
        kind = type(default)
        if name == "db" and isinstance(value, os.PathLike):  # a Path, as ingest takes one
            object.__setattr__(self, name, os.fspath(value))
        elif kind is tuple and isinstance(value, list) and of_kind(tuple(value), tuple):
            object.__setattr__(self, name, tuple(value))
        elif not of_kind(value, kind):
            words = _KIND_WORDS.get(kind, "text")
            raise ChronikError(Code.E220, name=name, value=value, kind=words)

    @classmethod
    def from_env(cls, **overrides: Any) -> Options:
        """Defaults, then ``CHRONIK_*`` variables, then explicit overrides (not None). E220
        names the variable for a value from the environment, the field for one given."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"CHRONIK_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw)
        given = {k: v for k, v in overrides.items() if v is not None}
        from_environment = set(values) - set(given)
        values.update(given)
        try:
            return cls(**values)
        except ChronikError as exc:
            if exc.code is Code.E110 and "executor" in from_environment:
                raise exc.at("CHRONIK_EXECUTOR") from None  # the one setting E110 checks here
            name = exc.details.get("name")
            if exc.code is not Code.E220 or name not in from_environment:
                raise
            value, kind = exc.details["value"], exc.details["kind"]
            variable = f"CHRONIK_{str(name).upper()}"
            raise ChronikError(Code.E220, name=variable, value=value, kind=kind) from None

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}
_KIND_WORDS = {
    bool: "yes or no",
    int: "a whole number",
    float: "a number",
    tuple: "a list or tuple of texts",
}
# Each worker process loads the models (about 500 MB), and a number past what the system
# can start had been an internal error (OverflowError).
MAX_PROCESSES = 256
EXECUTOR_CHOICES = (
    f"serial, processes, processes:N (N from 1 to {MAX_PROCESSES}), dask:ADDRESS, dask:local"
)
_EXECUTOR = re.compile(r"serial|processes(:(?P<workers>[1-9][0-9]*))?|dask:\S+")
# Numeric settings that only make sense in a range: (lowest, highest or None, in words).
# The highest bounds are what the code can use: dates before year 1 or a socket's wait past
# the platform's clock fail deep inside, as an internal error.
_RANGES: dict[str, tuple[float, float | None, str]] = {
    "max_bytes": (1, 2**40, "a number of bytes from 1 to 2**40 (1 TiB)"),
    "max_chars": (1, 2**40, "a number of characters from 1 to 2**40"),
    "fetch_timeout": (0.001, 86_400, "a number of seconds from 0.001 to 86,400 (a day)"),
    "story_window_days": (1, 36_500, "a number of days from 1 to 36,500 (a century)"),
    "story_threshold": (0.0, 1.0, "a number from 0 to 1"),
}


def of_kind(value: Any, kind: type) -> bool:
    """Whether ``value`` is a setting of ``kind``: True is no number, 2 is a float too, a
    tuple holds names. The trainers' settings are checked by it too."""
    if kind is tuple:
        return isinstance(value, tuple) and all(isinstance(item, str) for item in value)
    if kind in (int, float) and isinstance(value, bool):
        return False
    return isinstance(value, int | float) if kind is float else isinstance(value, kind)


def _parse(name: str, raw: str) -> Any:
    default = getattr(Options(), name)
    if isinstance(default, dict):  # extra: plugins' settings, as a JSON object
        try:
            return json.loads(raw)
        except ValueError:
            variable = f"CHRONIK_{name.upper()}"
            raise ChronikError(Code.E220, name=variable, value=raw, kind="a JSON object") from None
    if isinstance(default, tuple):
        return tuple(p.strip() for p in raw.split(",") if p.strip())
    if not isinstance(default, bool | int | float):
        return raw
    kind = _KIND_WORDS[type(default)]
    try:
        return _number(raw, type(default))
    except ValueError:
        variable = f"CHRONIK_{name.upper()}"
        raise ChronikError(Code.E220, name=variable, value=raw, kind=kind) from None


def _number(raw: str, kind: type) -> Any:
    if kind is bool:
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(raw)
        return word in _TRUE
    return kind(raw)
