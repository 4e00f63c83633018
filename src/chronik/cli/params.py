"""The types of the options and arguments, each checked by the API's own rule: what the API
refuses is a usage error (exit 2), said before the store is opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from chronik.arguments import checked_count, parse_day, poll_seconds, utf8_text
from chronik.errors import ChronikError


class _Count(click.ParamType[int]):
    """A count or offset, checked by the API's own rule (``checked_count``): what it
    refuses is a usage error here."""

    name = "integer"

    def __init__(self, least: int) -> None:
        self.least = least

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)
        try:
            return checked_count(param.name if param else "value", number, self.least)
        except ChronikError as exc:
            self.fail(f"{number} is not {exc.details['kind']}", param, ctx)


class _Day(click.ParamType[date]):
    """A day, read as the API reads one (``parse_day``)."""

    name = "day"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        try:
            return parse_day(value)
        except ChronikError:
            self.fail(
                f"{value!r} is not a day: give YYYY-MM-DD, an ISO 8601 time or an RFC 2822 date",
                param,
                ctx,
            )


class _Filter(click.ParamType[str]):
    """A filter's value, which may not be blank: `--story "$SID"` with the variable unset
    had listed everything, where `story ""` is E101 (review 46)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty value; leave the option out to list them all", param, ctx)
        return value


class _Words(click.ParamType[str]):
    """Words to search for, checked by the API's own rule (``utf8_text``) before the store
    is opened: what it refuses is a usage error here."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return utf8_text("WORDS", value)
        except ChronikError:
            raise click.BadParameter("not UTF-8 text", ctx, param_hint="'WORDS...'") from None


_COUNT = _Count(least=0)
_LIMIT = _Count(least=1)
_FILTER = _Filter()
_DAY = _Day()
_EVERY_HELP = "Interval: a number with s, m, h or d (30s, 10m, 1h; bare: seconds), at least 1s."
_DAY_FORMS = "YYYY-MM-DD, or the day of an ISO 8601 or RFC 2822 time"


class _UpperChoice(click.Choice[str]):
    """Choices written in capitals (PER, LOC), taken in any case, named in capitals in
    the error; click's case-insensitive Choice names them in lower case."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(value.upper() if isinstance(value, str) else value, param, ctx)


# A file an option or argument names that must be there: a missing one is a usage error (2).
_DATA_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _seconds(interval: str) -> float:
    try:  # a usage error here, as any bad option is
        return poll_seconds(interval)
    except ChronikError as exc:
        message = f"{interval!r}: use a number with s, m, h or d, at least 1s"
        raise click.BadParameter(message, param_hint="'--every'") from exc
