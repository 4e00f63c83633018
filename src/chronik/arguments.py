"""The checks every interface makes of its arguments before any work, so that the Python
API, the command line and the web answer a wrong one alike, with a coded error that names
it: counts and pages, texts, days, poll intervals, entity filters, settings.
"""

from __future__ import annotations

import math
import operator
import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from typing import Literal, SupportsIndex, overload

from chronik.errors import ChronikError, Code
from chronik.ingest.fields import parse_time
from chronik.model import ENTITY_TYPES

# The largest count or offset a store's 64-bit integers hold.
MAX_COUNT = 2**63 - 1


# How many of the sentences an article adds a timeline shows at first (the CLI's `story`,
# the story page, as `chronik.stories.summary.SHOWN_SENTENCES`): a story's first article adds
# all of its own, which fill a screen. Here, where `chronik story --help` reads it without
# importing the analysis.
SHOWN_SENTENCES = 3


# Feeds are polled at most once a second: "every 0" would hammer a publisher's server.
MIN_POLL_SECONDS = 1.0


def checked_count(name: str, value: object, least: int = 0) -> int:
    """A count or offset argument as every interface takes it: a whole number from
    ``least`` (1 for a limit: a limit of none asks for nothing) to MAX_COUNT, else E113.
    A negative one would be "all of them" to SQLite and a failed statement to PostgreSQL;
    one past the stores' 64-bit integers an OverflowError in the database driver."""
    number = None if isinstance(value, bool) else _integer(value)
    if number is None or not least <= number <= MAX_COUNT:
        kind = f"a whole number from {least} to {MAX_COUNT}"
        raise ChronikError(Code.E113, name=name, value=value, kind=kind)
    return number


@overload
def checked_text(name: str, value: object, optional: Literal[False] = False) -> str: ...


@overload
def checked_text(name: str, value: object, optional: bool) -> str | None: ...


def checked_text(name: str, value: object, optional: bool = False) -> str | None:
    """A text argument, or None where ``optional``; E113 for another type (a number
    as a name had failed deep in the store)."""
    if isinstance(value, str) or (optional and value is None):
        return value
    kind = "a string or None" if optional else "a string"
    raise ChronikError(Code.E113, name=name, value=value, kind=kind)


def utf8_text(name: str, value: str) -> str:
    """``value``, or E113 where it holds a lone surrogate (a byte of no UTF-8 that Python
    escaped, as in a command-line argument): read as punctuation, such words had made a
    search without words, which finds every article (review 46)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ChronikError(Code.E113, name=name, value=value, kind="UTF-8 text") from None
    return value


def checked_page(limit: object, offset: object) -> tuple[int, int]:
    """A page's ``limit`` (from 1) and ``offset`` (from 0), each by :func:`checked_count`."""
    return checked_count("limit", limit, 1), checked_count("offset", offset)


def page_total(shown: int, limit: int, offset: int, count: Callable[[], int]) -> int:
    """How many items a list (a search, the stories, ...) has on all its pages, ``shown``
    being this page's: a page with room left is the last, so the total is the items
    skipped and shown, and an empty first page means none; else ``count`` asks the store."""
    if shown < limit and (shown or not offset):
        return offset + shown
    return count()


@contextmanager
def named(where: str, *codes: Code) -> Iterator[None]:
    """An error of one of ``codes`` that names nothing names ``where``, what the user gave
    wrong: a command's option (``--published``), a query parameter (``query.published``)
    or a setting; the Python API names none."""
    try:
        yield
    except ChronikError as exc:
        raise exc.at(where) if exc.code in codes and not exc.where else exc from None


def setting_named(name: str) -> AbstractContextManager[None]:
    """An E110 or E223 for a setting's value names where it was set: its ``CHRONIK_*``
    variable where that is set, as E220 does, else the setting (review 81: "unknown NER
    backend 'nope'" had said neither)."""
    variable = f"CHRONIK_{name.upper()}"
    return named(variable if variable in os.environ else name, Code.E110, Code.E223)


def entity_filter(type: str | None, name: str | None) -> tuple[str | None, str | None]:
    """An entity list's filters as the store takes them: the type in upper case (E110 for
    one that is not PER, LOC, ORG or MISC), the name stripped, and an empty one none."""
    type, name = checked_text("type", type, True), checked_text("name", name, True)
    if type is not None and type.upper() not in ENTITY_TYPES:
        choices = ", ".join(ENTITY_TYPES)
        raise ChronikError(Code.E110, kind="entity type", name=type, choices=choices)
    return type and type.upper(), (name.strip() if name else None) or None


def _integer(value: object) -> int | None:
    return operator.index(value) if isinstance(value, SupportsIndex) else None


def parse_day(value: date | str | None) -> date | None:
    """A day as every interface takes it: a date (a datetime's day), or ISO 8601 or
    RFC 2822 text; E111 for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return checked_time(value).date()
    if value is None or isinstance(value, date):
        return value
    raise ChronikError(Code.E111, value=value)


def poll_seconds(every: float | str) -> float:
    """A poll interval in seconds: a number of seconds, or a text as the command line takes
    it ("30s", "10m", "1h", "1d"; a bare number is seconds). E220 for anything else, and
    for less than MIN_POLL_SECONDS: "0s" would poll a publisher's server without a pause."""
    kind = f"an interval of at least {MIN_POLL_SECONDS:g} second (30s, 10m, 1h, 1d)"
    seconds = math.nan
    if isinstance(every, str):
        match = _INTERVAL.fullmatch(every)
        if match:
            seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    elif isinstance(every, int | float) and not isinstance(every, bool):
        seconds = float(every)
    if not seconds >= MIN_POLL_SECONDS or math.isinf(seconds):
        raise ChronikError(Code.E220, name="every", value=every, kind=kind)
    return seconds


_INTERVAL = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*")


_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def checked_time(value: str) -> datetime:
    """A time given as ISO 8601 or RFC 2822 text; E111 for anything else."""
    try:
        return parse_time(value)
    except ValueError:
        raise ChronikError(Code.E111, value=value) from None
