"""The normalisation of calendar dates and holidays: an explicit or underspecified date
("am 4. August", "im Dezember", "Sommer 2015", "Q3") and the year it falls in when the
text says none (the anchor's, or in news the clause's tense's: "im Dezember" said in
January is last December), a bare time of day, and holidays fixed or counted from Easter
or Advent. Apart because the year of a date without one is its own reckoning, which
``holiday`` shares.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from chronik.analysis.timex_match import Norm, has_hour, match_groups, time_suffix
from chronik.analysis.timex_values import DAY, MONTH, YEAR, Point, month_days

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver


def calendar_value(r: Resolver, cand: Candidate) -> Norm:
    """Explicit and underspecified dates: year, month, day, season, quarter, half, time."""
    g = match_groups(cand)
    year = _year_of(r, cand, g)
    if year is None:
        return _time_only(r, cand, g), None, None
    month = r.rules.lookup("month", g.get("month") or g.get("month_la"))
    month = month or (int(g["month_num"]) if "month_num" in g else None)
    if month and "day" in g and not (g.get("year") or g.get("year_la") or g.get("year_short")):
        year = _weekday_year(r, cand, g, year, month)
    value = Point(year).value()
    if "week" in g or "week_num_after" in g:
        return _calendar_week(r, g, value)
    if "quarter" in g:
        value += f"-Q{r.rules.lookup('ordinal', g['quarter'])}"
    elif "half" in g or "half_num" in g:
        first = g.get("half", "").lower() == "erst" or g.get("half_num") == "1"
        value += "-H1" if first else "-H2"
    elif "season" in g:
        value += f"-{r.rules.lookup('season', g['season'])}"
    elif month:
        value += f"-{month:02d}"
        if "day" in g:
            if int(g["day"]) > month_days(year, month):
                return None, None, None
            value += f"-{int(g['day']):02d}"
    elif "day" in g and cand.rule.args.get("month_from_anchor"):
        return _day_of_anchor_month(r, cand, g)
    elif "day" in g:
        return None, None, None
    return value + time_suffix(r, g), None, None


def _calendar_week(r: Resolver, g: dict[str, str], year: str) -> Norm:
    """An ISO week of the year ("die zweite Kalenderwoche", "KW 2"), none past its last.
    The ordinal is the ``quarter`` rule's: one start for both (a rule of its own had cost
    4% of the tagging time, review 255)."""
    number = r.rules.lookup("ordinal", g.get("quarter")) or int(g.get("week_num_after") or 0)
    # 28 December always lies in a year's last ISO week
    if not 1 <= int(number) <= date(int(year), 12, 28).isocalendar()[1]:
        return None, None, None
    return f"{year}-W{int(number):02d}", None, None


def _weekday_year(r: Resolver, cand: Candidate, g: dict[str, str], year: int, month: int) -> int:
    """The year a weekday said with a day and month fixes, nearest first: "Am Montag, 4.
    August, wird gestreikt" said on 10 August 2025 is that Monday, though the future tense
    would place 4 August in 2026 (review 48)."""
    wanted = r.rules.lookup("weekday", g.get("weekday"))
    if wanted is None:
        return year
    for candidate in (year, year - 1, year + 1):
        with contextlib.suppress(ValueError):
            day = date(candidate, month, int(g["day"]))
            if day.isoweekday() == int(wanted) and _on_the_tenses_side(r, cand, day):
                return candidate
    return year


def _on_the_tenses_side(r: Resolver, cand: Candidate, day: date) -> bool:
    """Whether ``day`` lies where the clause's tense puts it, the past before the
    publication, the future after it, or is close to it, as a stale future is: a weekday
    that fits no close date (a slip) moves it no year against the tense (review 49)."""
    published = r.dct.as_date() if r.dct is not None else None
    if published is None or abs((day - published).days) <= _CLOSE_DAYS:
        return True
    tense = r.tense(cand)
    return not ((tense < 0 and day > published) or (tense > 0 and day < published))


_CLOSE_DAYS = 31


def _day_of_anchor_month(r: Resolver, cand: Candidate, g: dict[str, str]) -> Norm:
    """ "am 24." after "am 14. August 1944": the day in the month last mentioned."""
    base = r.anchor(cand.rule.anchor, MONTH)
    if base is None or base.month is None or int(g["day"]) > month_days(base.year, base.month):
        return None, None, None
    return Point(base.year, base.month, int(g["day"])).value(), None, None


def _year_of(r: Resolver, cand: Candidate, g: dict[str, str]) -> int | None:
    if "year_short" in g:  # "71" in "1870/71"
        return int(g["century"] + g["year_short"])
    text = g.get("year") or g.get("year_la")
    if text is not None:
        return _explicit_year(r, text, r.rules.lookup("era", g.get("era")))
    if not _has_date_field(g) and cand.rule.normalise == "calendar" and has_hour(g):
        return None  # a bare time of day: its date comes from the anchor day
    month = _yearless_month(r, g)
    if month in r.months:
        return r.months[month]
    year = _implied_year(r, cand, g)
    if month is not None and year is not None:
        r.months[month] = year
    return year


def _yearless_month(r: Resolver, g: dict[str, str]) -> int | None:
    """In news, the month of a month said without a year or day ("im April", "Ende
    März"): named again, it is the month named first. "Im April stiegen die Preise ...
    zuletzt so hoch im Januar 2024 ... kosteten im April mehr" had put the second April
    in 2024 by the year said in between (review 105)."""
    if r.narrative or "day" in g or "yrel" in g:
        return None
    month = r.rules.lookup("month", g.get("month"))
    return int(month) if month else None


def _implied_year(r: Resolver, cand: Candidate, g: dict[str, str]) -> int | None:
    """The year of a date that says none: the anchor's, or in news the tense's."""
    base = r.year_for(cand.rule.anchor)
    if base is None:
        return None
    if "yrel" in g:
        offset = r.rules.lookup("rel_anaphoric", g["yrel"])
        offset = r.rules.lookup("rel_deictic", g["yrel"]) if offset is None else offset
        return base.year + int(offset or 0)
    if r.dct is not None and (r.from_dct(cand.rule.anchor) or _tense_denies(r, cand, base)):
        return r.dct.year + _tense_shift(r, cand, g)
    return base.year


def _tense_denies(r: Resolver, cand: Candidate, base: Point) -> bool:
    """In news, a year mentioned before that the clause's tense rules out: "hatte Mitte
    August nicht ausgeschlossen" after "der Haushalt 2027" is this August, since the past
    cannot lie after the publication, and "läuft nun am 18. Oktober aus" after "aus dem
    Jahr 2015" is this October: a clause in the present with a word of now
    (``cues.now_words``: "nun", "derzeit", "laufenden Jahres") does not tell of a year
    gone by (review 56, 57)."""
    if r.narrative or r.dct is None:
        return False
    tense = r.tense(cand)
    if tense == 0 and base.year < r.dct.year:
        # only where a word says the clause is about now: "Der 4. September gilt als
        # Wendepunkt" after "Im Sommer 2015" tells of 2015 (review 57)
        return not r.sentence_words(cand).isdisjoint(r.rules.cues.get("now_words", ()))
    return (tense < 0 and base.year > r.dct.year) or (tense > 0 and base.year < r.dct.year)


def _has_date_field(g: dict[str, str]) -> bool:
    fields = (
        *("month", "month_la", "month_num", "day", "season", "quarter", "half", "half_num"),
        *("week", "week_num_after"),
    )
    return any(f in g for f in fields) or "boundary" in g or "yrel" in g


def _tense_shift(r: Resolver, cand: Candidate, g: dict[str, str]) -> int:
    """In news, the year of a month or day said without one: the last such day if the
    sentence reads as past, the next if future, else the nearer (said in January 2026, "im
    Dezember" is December 2025)."""
    month = r.rules.lookup("month", g.get("month")) or (
        int(g["month_num"]) if "month_num" in g else None
    )
    if month is None or r.dct is None or r.dct.month is None:
        return 0
    return _year_shift(r, cand, (month, int(g.get("day", 0))), r.dct)


def _year_shift(r: Resolver, cand: Candidate, said: tuple[int, int], now: Point) -> int:
    """As ``_nearest_year_shift`` by the tense, except that a time before a date that is
    weeks away is in that date's run-up: "Kurz vor Weihnachten ist Schokolade teurer
    geworden", said on 6 December, is this Christmas; and a time a plan is for is ahead."""
    tense = r.tense(cand)
    preposition, cues = r.preposition(cand), r.rules.cues
    if tense < 0 and preposition in cues.get("before_prepositions", ()):
        tense = 1 if _days_until(said, now) <= _RUN_UP_DAYS else tense
    if tense < 0 and preposition in cues.get("plan_prepositions", ()) and r.plans(cand):
        # "hat weitere Treffen für Anfang Januar angekündigt": the verb's past is the
        # plan's, the month the one ahead, as a weekday's (``weekday``); not "Die Preise
        # für Januar waren hoch", nor a plan for a month most of a year away, which was
        # made for the last one (review 52)
        tense = 1 if _days_until(said, now) <= _PLAN_DAYS else tense
    if _ahead_word_before(r, cand):  # "bis zum kommenden Weihnachtsfest" (review 279)
        return _nearest_year_shift(said, now, 1)
    past_preposition = preposition in cues.get("past_prepositions", ())  # "der Wahl vom Februar"
    if tense <= 0 and not past_preposition and _event_named_before(r, cand):
        # "Kongresswahlen im November:", said in February; "Themen waren ... der NATO-Gipfel
        # in Ankara Anfang Juni", said in May: an event set for a date is the one ahead,
        # unless that is far off, told in the past more than six weeks (review 279)
        tense = 1 if _days_until(said, now) <= (_RUN_UP_DAYS if tense else _EVENT_DAYS) else tense
    return _nearest_year_shift(said, now, tense)


def _ahead_word_before(r: Resolver, cand: Candidate) -> bool:
    """Whether the word right before the expression says it lies ahead (``cues.ahead_words``:
    "kommenden", "bevorstehenden"), whatever the clause's tense."""
    words = _NOUN_WORD.findall(r.text[max(0, cand.start - 30) : cand.start])
    return bool(words) and words[-1].lower() in r.rules.cues.get("ahead_words", ())


def _event_named_before(r: Resolver, cand: Candidate) -> bool:
    """Whether one of the few words before the expression in its clause ends in a noun of
    an event held on a date set ahead (``cues.event_nouns``: "-wahlen", "-gipfel")."""
    before = r.text[max(0, cand.start - 80) : cand.start]
    before = _CLAUSE_STOP.split(before)[-1]
    nouns = tuple(r.rules.cues.get("event_nouns", ()))
    words = _NOUN_WORD.findall(before)[-_EVENT_WORDS:]
    return bool(nouns) and any(word.lower().endswith(nouns) for word in words)


_CLAUSE_STOP = re.compile(r"[.!?,;:\n]")
_NOUN_WORD = re.compile(r"[^\W\d_][\w-]*")
_EVENT_WORDS = 5
_EVENT_DAYS = 300


_RUN_UP_DAYS = 42


_PLAN_DAYS = 120


def _days_until(said: tuple[int, int], now: Point) -> int:
    """Days from ``now`` to the next (month, day), the first of the month for day 0."""
    today = now.as_date() or date(now.year, now.month or 1, 1)
    month, day = said
    for year in (today.year, today.year + 1):
        with contextlib.suppress(ValueError):
            if (upcoming := date(year, month, max(day, 1))) >= today:
                return (upcoming - today).days
    return 366


def _nearest_year_shift(said: tuple[int, int], now: Point, tense: int) -> int:
    """-1, 0 or +1 years for a (month, day) relative to ``now``'s year; day 0 is a whole
    month, and the current month is this year's whatever the tense ("im Januar", said on
    8 January, is this January)."""
    today = (now.month or 1, (now.day or 0) if said[1] else 0)
    if tense > 0:
        return 1 if said < today else 0
    if tense < 0:
        return -1 if said > today else 0
    months_ahead = (said[0] - today[0]) % 12
    if said == today or months_ahead == 0:
        return 0
    ahead = 1 if said < today else 0  # the next occurrence is in this year or the next
    behind = -1 if said > today else 0
    return ahead if months_ahead < 6 else behind


def _explicit_year(r: Resolver, text: str, era: str | None) -> int:
    year = int(text)
    if era == "BC":
        return -year
    if len(text) == 2:
        base = r.anchor("context", YEAR) or r.dct
        if base is not None:
            candidate = abs(base.year) // 100 * 100 + year
            # Up to ten years ahead: "1.9.39" written in 2023 is 1939, "1.9.29" is 2029.
            return candidate - 100 if candidate > abs(base.year) + 10 else candidate
        return 1900 + year
    last = r.last.get(YEAR)
    # In a narrative about antiquity, "im Jahr 479" continues the count before Christ.
    if era is None and r.narrative and year < 1000 and last is not None and last.year < 0:
        return -year
    return year


def _time_only(r: Resolver, cand: Candidate, g: dict[str, str]) -> str | None:
    if not has_hour(g):
        return None
    day = r.anchor(cand.rule.anchor, DAY)
    if day is not None and day.grain == DAY:
        return day.value() + time_suffix(r, g)
    year = r.anchor(cand.rule.anchor, YEAR)
    return f"{year.coarse(YEAR).value()}-XX-XX{time_suffix(r, g)}" if year else None


def holiday(r: Resolver, cand: Candidate) -> Norm:
    """Weihnachten 1966, Ostern: a fixed day (``12-25``), days from Easter (``E+49``) or
    from the first Advent (``A-14``, Volkstrauertag)."""
    g = match_groups(cand)
    code = r.rules.lookup("holiday", g["holiday"])
    year = _year_of(r, cand, g) if "year" in g else _anchor_year(r, cand)
    if year is not None and "year" not in g and code[0] != "E" and r.from_dct(cand.rule.anchor):
        said = _advent_day(year, code) if code[0] == "A" else (int(code[:2]), int(code[3:]))
        year += _year_shift(r, cand, said, r.dct or Point(year))
    if year is None:
        return None, None, None
    if code[0] == "A":
        month, day_ = _advent_day(year, code)
        return Point(year, month, day_).value(), None, None
    if code[0] != "E":
        return f"{Point(year).value()}-{code}", None, None
    if year < 1583:  # the Gregorian Easter reckoning starts in 1583
        return None, None, None
    day = easter(year) + timedelta(days=int(code[1:]))
    return Point(day.year, day.month, day.day).value(), None, None


def _advent_day(year: int, code: str) -> tuple[int, int]:
    """(month, day) of a day counted from the first Advent, the Sunday from 27 November to
    3 December: "A-14" is Volkstrauertag (review 89)."""
    third = date(year, 12, 3)
    day = third - timedelta(days=third.isoweekday() % 7) + timedelta(days=int(code[1:]))
    return day.month, day.day


def _anchor_year(r: Resolver, cand: Candidate) -> int | None:
    base = r.year_for(cand.rule.anchor)
    return base.year if base else None


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)
