"""Interface text in German and English, from a message catalogue kept as data
(``messages.json``). The language is ``?lang=``, else the ``lang`` cookie, else the
browser's Accept-Language, else German."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from importlib import resources

from starlette.requests import Request

from chronik.analysis.timex import value_day

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

    def __call__(self, key: str) -> str:
        return self.messages.get(key, key)

    def count(self, number: int, key: str) -> str:
        """ "1 article", "5 articles": ``key + "_one"`` for one, where the catalogue has it."""
        word = self.messages.get(key + "_one", self(key)) if number == 1 else self(key)
        return f"{number} {word}"

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
        """A time expression's value as the page writes dates: a day in its format, with
        its part ("03.04.2026 nachts" for TIMEX3's 2026-04-03TNI); a duration in words
        ("18 Monate", "einige Tage" for P18M, PXD); anything else (a week, a month) as
        TIMEX3 writes it; none as unresolved."""
        if not value:
            return self("unresolved")
        day = value_day(value)
        if day is not None and len(value) == 10:
            return self.day(day)
        if day is not None and value[10:11] == "T" and value[11:] in _DAY_PARTS:
            return f"{self.day(day)} {self('part_' + value[11:])}"
        duration = _DURATION.fullmatch(value)
        if duration:
            amount, unit = duration.groups()
            if amount == "X":
                return f"{self('some')} {self('unit_' + unit)}"
            return self.count(int(amount), "unit_" + unit)
        return value


_DAY_PARTS = frozenset({"MO", "AF", "EV", "NI"})
_DURATION = re.compile(r"P(\d+|X)([DWMY])")
