"""Interface text in German and English, from a message catalogue kept as data
(``messages.json``). The language is ``?lang=``, else the ``lang`` cookie, else the
browser's Accept-Language, else German."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from starlette.requests import Request

from chronik.analysis.timex_values import value_day, week_days

DEFAULT = "de"
COOKIE = "lang"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    text = (resources.files("chronik.web") / "messages.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


def languages() -> tuple[str, ...]:
    return tuple(catalogue())


def negotiate(request: Request) -> str:
    """The interface language for this request."""
    for chosen in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if chosen in catalogue():
            return chosen
    return from_accept_language(request.headers.get("accept-language", ""))


def from_accept_language(header: str) -> str:
    """The best supported language of an Accept-Language header (quality values honoured)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.split("-")[0].strip().lower()))
    for quality, _, tag in sorted(ranked):
        if tag in catalogue() and quality < 0:
            return tag
    return DEFAULT


class Translator:
    """``t("key")`` in templates; a missing key shows the key, so it is noticed."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.messages = catalogue()[language]
        self._forms = self._value_forms()

    def __call__(self, key: str) -> str:
        return self.messages.get(key, key)

    def count(self, number: int, key: str) -> str:
        """ "1 article", "5 articles": ``key + "_one"`` for one, where the catalogue has it."""
        word = self.messages.get(key + "_one", self(key)) if number == 1 else self(key)
        return f"{number} {word}"

    def decimal(self, value: float, places: int = 2) -> str:
        """A decimal as the page's language writes it: "0,49" in German, "0.49" in English."""
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if self.language == "de" else text

    def term(self, prefix: str, value: str) -> str:
        """A term from the data (an entity type, a kind of claim), translated if known."""
        return self.messages.get(prefix + value, value)

    def moment(self, when: datetime | None) -> str:
        if when is None:
            return self("undated")
        if (when.hour, when.minute, when.second) == (0, 0, 0):
            return self.day(when)  # a date without a time of day (as htmldate gives)
        pattern = "%d.%m.%Y %H:%M" if self.language == "de" else "%Y-%m-%d %H:%M"
        return when.strftime(pattern) + " UTC"

    def day(self, when: datetime | date | None) -> str:
        if when is None:
            return self("undated")
        return when.strftime("%d.%m.%Y" if self.language == "de" else "%Y-%m-%d")

    def value(self, value: str | None) -> str:
        """A time expression's value in words, dates as the page writes them: "03.04.2026
        nachts" for TIMEX3's 2026-04-03TNI, "03.04.2026, 20:52", "April 2026", "KW 15/2026",
        "Sommer 2025", "18 Monate", "einige Tage" for PXD, "jetzt" for PRESENT_REF; one
        it has no words for as TIMEX3 writes it; none as unresolved."""
        if not value:
            return self("unresolved")
        for pattern, words in self._forms:
            found = pattern.fullmatch(value)
            if found:
                return words(found) or value
        return value

    def _value_forms(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
        return [
            (_DAY_VALUE, self._day_value),
            (_MONTH_VALUE, lambda m: f"{self._names('months')[int(m[2]) - 1]} {m[1]}"),
            (_WEEK_VALUE, self._week_value),
            (_SEASON_VALUE, lambda m: f"{self('season_' + m[2])} {m[1]}"),
            (_PART_VALUE, lambda m: self(_PART_OF[m[2]]).format(n=m[3], year=m[1])),
            (_DECADE_VALUE, lambda m: self("decade_of").format(decade=m[1] + "0")),
            (_REF_VALUE, lambda m: self("ref_" + m[0])),
            (_WEEKDAY_VALUE, lambda m: self._names("weekdays")[int(m[1]) - 1]),
            (_DURATION_VALUE, self._duration),
        ]

    def _names(self, key: str) -> list[str]:
        return self(key).split()

    def _day_value(self, found: re.Match[str]) -> str:
        day = value_day(found[1])
        rest = found[2] or ""
        if day is None:
            return ""
        if not rest:
            return self.day(day)
        if rest[1:] in _DAY_PARTS:
            return f"{self.day(day)} {self('part_' + rest[1:])}"
        return f"{self.day(day)}, {rest[1:6]}"  # the clock time, without its offset

    def _week_value(self, found: re.Match[str]) -> str:
        if not found[3]:
            return self("week_of").format(week=int(found[2]), year=int(found[1]))
        week = week_days(found[0])
        if week is None:
            return ""
        sunday = week[1]
        saturday = sunday - timedelta(days=1)
        days = (
            f"{saturday:%d.}/{self.day(sunday)}"
            if self.language == "de"
            else (f"{self.day(saturday)}/{sunday:%d}")
        )
        return self("weekend_of").format(days=days)

    def _duration(self, found: re.Match[str]) -> str:
        parts = []
        for unit, amount in _duration_parts(found[0]):
            if amount.isdigit():
                parts.append(self.count(int(amount), "unit_" + unit))
            else:  # "einige Tage" for X; a fraction as written ("0.918 Sekunden")
                number = self("some") if amount == "X" else amount
                parts.append(f"{number} {self('unit_' + unit)}")
        return " ".join(parts)


_DAY_PARTS = frozenset({"MO", "MI", "AF", "EV", "NI", "DT"})
_PART_OF = {"Q": "quarter_of", "H": "half_of"}
_DAY_VALUE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(T(?:MO|MI|AF|EV|NI|DT|\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}(?::?\d{2})?|Z)?))?"
)
_MONTH_VALUE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_PART_VALUE = re.compile(r"(\d{4})-(Q|H)([1-4])")
_DECADE_VALUE = re.compile(r"(\d{3})")
_REF_VALUE = re.compile(r"PRESENT_REF|PAST_REF|FUTURE_REF")
_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
_DURATION_VALUE = re.compile(
    r"P(?=[\dX])(?:[\dX]+(?:Y|M|W|D|DE|CE))*(?:T(?:[\dX.]+[HMS])+)?|PT(?:[\dX.]+[HMS])+"
)
_DURATION_PART = re.compile(r"([\dX.]+)(DE|CE|[YMWDHS])")


def _duration_parts(value: str) -> list[tuple[str, str]]:
    """(unit, amount) of a TIMEX3 duration, minutes after its T apart from months."""
    date_part, _, time_part = value[1:].partition("T")
    parts = [(unit, amount) for amount, unit in _DURATION_PART.findall(date_part)]
    for amount, unit in _DURATION_PART.findall(time_part):
        parts.append(("TM" if unit == "M" else unit, amount))
    return parts
