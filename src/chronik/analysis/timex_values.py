"""Points in time and TIMEX3 values: a calendar :class:`Point` of year, month or day
granularity, what a TIMEX3 value's day or ISO week is, and where a dated value goes on a
time axis. The time expressions (``timex``) and the stories' developments, timelines and
summaries all read values with these."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from chronik.model import Timex

_VALUE_POINT = re.compile(r"(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


YEAR, MONTH, DAY = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point of year, month or day granularity; BC years are negative."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def grain(self) -> int:
        return DAY if self.day else MONTH if self.month else YEAR

    def value(self) -> str:
        text = f"BC{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    def coarse(self, grain: int) -> Point:
        return Point(
            self.year,
            self.month if grain >= MONTH else None,
            self.day if grain >= DAY else None,
        )

    def add(self, unit: str, amount: int) -> Point | None:
        if unit == "Y":
            return Point(self.year + amount, self.month, self.day)
        if unit == "M" and self.month:
            months = self.year * 12 + self.month - 1 + amount
            year, month = divmod(months, 12)
            day = min(self.day, month_days(year, month + 1)) if self.day else None
            return Point(year, month + 1, day)
        if unit in ("D", "W") and self.day and self.month and self.year > 0:
            days = amount * (7 if unit == "W" else 1)
            moved = date(self.year, self.month, self.day) + timedelta(days=days)
            return Point(moved.year, moved.month, moved.day)
        return None

    def as_date(self) -> date | None:
        if self.day and self.month and 0 < self.year <= 9999:
            return date(self.year, self.month, self.day)
        return None


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year if year > 0 else 2000, month)[1]


def parse_point(value: str | None) -> Point | None:
    """The calendar point a TIMEX3 value starts with (``1940-05``, ``BC0490``), if any."""
    match = _VALUE_POINT.match(value or "")
    if not match:
        return None
    era, year, month, day = match.groups()
    return Point(
        -int(year) if era else int(year),
        int(month) if month else None,
        int(day) if day else None,
    )


def value_day(value: str | None) -> date | None:
    """The whole calendar day a TIMEX3 value or an ISO time starts with ("2023-09-13",
    "2023-09-13T10:00"); None for a month, a year, a week or no date."""
    point = parse_point(value)
    if point is None or point.day is None or point.month is None or point.year < 1:
        return None
    try:
        return date(point.year, point.month, point.day)
    except ValueError:  # "2023-02-30"
        return None


def week_days(value: str | None) -> tuple[date, date] | None:
    """The Monday and the Sunday of the ISO week a TIMEX3 value starts with ("2025-W33",
    "2025-W33-WE"); None for any other value or a week that does not exist."""
    week = _WEEK_VALUE.match(value or "")
    if week is None:
        return None
    try:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


_WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})")


def day_start(value: str | None) -> datetime | None:
    """The start (midnight UTC) of :func:`value_day`: where a dated value goes on a time
    axis."""
    day = value_day(value)
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None


def week_value(point: Point | None, suffix: str = "") -> str | None:
    day = point.as_date() if point else None
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}{suffix}"


def set_day(timex: Timex, day: date | None) -> None:
    if day is not None and timex.value:
        timex.value = day.isoformat() + timex.value[10:]
