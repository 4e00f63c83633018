"""The normalisation functions of the time expression rules: each rule of
``data/timex_rules.json`` names one in :data:`NORMALISERS`, which turns a candidate match
into its TIMEX3 value, begin and end. They resolve against the :class:`Resolver` of
``timex`` they are given: its anchor (the publication time, or the last date mentioned),
its tense and what the text said so far."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeAlias

from chronik.analysis.timex_values import DAY, MONTH, YEAR, Point, month_days, set_day, week_value

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver
    from chronik.analysis.timex_rules import RuleSet


_UNIT_GRAIN = {"D": DAY, "W": DAY, "WE": DAY, "M": MONTH, "Y": YEAR, "DE": YEAR}


_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


Norm: TypeAlias = tuple[str | None, str | None, str | None]  # value, begin, end


# "<weekday> [um 10 Uhr] bis ": the start of a weekday range, right before its end
_RANGE_FROM = re.compile(
    r"(\w+)(?:\s+(?:früh|morgens|vormittags|mittags|nachmittags|abends|nachts))?"
    r"[\s,]+(?:(?:um|ab|gegen)\s+)?"
    r"(?:\d{1,2}(?:[.:]\d\d)?\s*uhr(?:\s+(?:morgens|früh|mittags|abends|nachts))?[\s,]+)?"
    r"bis(?:\s+zum)?\s+$"
)


# "<weekday> und ", "<weekday>, ": an earlier day of a list of weekdays
_LIST_FROM = re.compile(
    r"(\w+)(?:\s+(?:früh|morgens|vormittags|mittags|nachmittags|abends|nachts))?"
    r"(?:\s*,\s*|\s+(?:und|oder|sowie)\s+)(?:am\s+)?$"
)


def _groups(cand: Candidate) -> dict[str, str]:
    return {k: v for k, v in cand.match.groupdict().items() if v is not None}


def _number(rs: RuleSet, text: str | None) -> float | str | None:
    if text is None:
        return None
    text = " ".join(text.split()).lower()
    for lexicon in ("number", "fraction", "fuzzy", "number_stem"):
        found = rs.lookup(lexicon, text)
        if found is not None:
            return found  # type: ignore[no-any-return]
    if text.startswith("ein") and " " in text:  # "ein halbes", "einem halben"
        return _number(rs, text.split(" ", 1)[1])
    digits = text.rstrip("-").replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def calendar_value(r: Resolver, cand: Candidate) -> Norm:
    """Explicit and underspecified dates: year, month, day, season, quarter, half, time."""
    g = _groups(cand)
    year = _year_of(r, cand, g)
    if year is None:
        return _time_only(r, cand, g), None, None
    month = r.rules.lookup("month", g.get("month") or g.get("month_la"))
    month = month or (int(g["month_num"]) if "month_num" in g else None)
    if month and "day" in g and not (g.get("year") or g.get("year_la") or g.get("year_short")):
        year = _weekday_year(r, cand, g, year, month)
    value = Point(year).value()
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
    return value + _time_suffix(r, g), None, None


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
    if not _has_date_field(g) and cand.rule.normalise == "calendar" and "hour" in g:
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
    fields = ("month", "month_la", "month_num", "day", "season", "quarter", "half", "half_num")
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
    return _nearest_year_shift(said, now, tense)


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


def _time_suffix(r: Resolver, g: dict[str, str]) -> str:
    if "hour" in g:
        minute = g.get("minute") or g.get("minute2") or "00"
        suffix = f"T{int(g['hour']):02d}:{int(minute):02d}"
        tz = r.rules.lookup("timezone", g.get("tz"))
        return suffix + (tz or "")
    pod = g.get("pod") or g.get("podc")
    if pod:
        code = r.rules.lookup("partofday", pod) or r.rules.lookup("partofday_adverb", pod)
        code = code or r.rules.lookup("partofday_compound", pod)
        return f"T{code}" if code else ""
    return ""


def _time_only(r: Resolver, cand: Candidate, g: dict[str, str]) -> str | None:
    if "hour" not in g:
        return None
    day = r.anchor(cand.rule.anchor, DAY)
    if day is not None and day.grain == DAY:
        return day.value() + _time_suffix(r, g)
    year = r.anchor(cand.rule.anchor, YEAR)
    return f"{year.coarse(YEAR).value()}-XX-XX{_time_suffix(r, g)}" if year else None


def holiday(r: Resolver, cand: Candidate) -> Norm:
    """Weihnachten 1966, Ostern: a fixed day (``12-25``), days from Easter (``E+49``) or
    from the first Advent (``A-14``, Volkstrauertag)."""
    g = _groups(cand)
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


def relative_day(r: Resolver, cand: Candidate) -> Norm:
    """heute, morgen, gestern Abend: days from the anchor day, with a part of day or time."""
    g = _groups(cand)
    offset = cand.rule.args.get("offset")
    for lexicon in ("reldays", "reldays_tomorrow", "reldays_adjective", "pod_rel"):
        if offset is None:
            offset = r.rules.lookup(lexicon, g.get("rel"))
    if "pod" in g and "rel" not in g and "offset_lexicon" in cand.rule.args:
        offset = 0  # "am Abend": the evening of the day last mentioned
    if "after" in g:  # "am Morgen darauf"
        offset = int(offset or 0) + 1
    today = cand.rule.args.get("narrative_today")
    if r.narrative and offset == 0 and today and "pod" not in g and "hour" not in g:
        return today, None, None
    base = r.anchor(cand.rule.anchor, DAY)
    if "offset_lexicon" in cand.rule.args:  # "am Abend": of the day said in its tense
        base = r.day_in_tense(cand) or base
    point = base.add("D", int(offset or 0)) if base and base.grain == DAY else None
    return (point.value() + _time_suffix(r, g) if point else None), None, None


def weekday(r: Resolver, cand: Candidate) -> Norm:
    """(kommenden|vergangenen) Mittwoch: the weekday next to the anchor day."""
    g = _groups(cand)
    base = r.anchor(cand.rule.anchor, DAY)
    day = base.as_date() if base else None
    if day is None:
        return None, None, None
    wanted = int(r.rules.lookup("weekday", g["weekday"]))
    said = rel = r.rules.lookup("rel_deictic", g.get("rel"))
    if rel is None and r.preposition(cand) in r.rules.cues.get("past_prepositions", ()):
        rel = -1  # "seit Freitag", "das Treffen vom Montag": a day gone by, or today
    direction = rel if rel is not None else (-1 if r.tense(cand) < 0 else 0)
    if rel is None and r.preposition(cand) in r.rules.cues.get("plan_prepositions", ()):
        # "hat ein Treffen für Donnerstag angekündigt": the verb's past is the plan's; the
        # day is the one ahead whatever the tense
        direction = 0
    if rel is None and _called_for(r, cand):
        direction = 0
    if r.narrative and rel is None:
        direction = 0  # narratives move forward in time
    # "haben sich am Mittwoch getroffen" and "die Abstimmung vom Mittwoch" in Wednesday's
    # paper are that day, as in HeidelTime (the anchor counts itself); "vergangenen
    # Mittwoch" is the week before.
    same_day = said is None and wanted == day.isoweekday()
    found = day if same_day else _weekday_near(day, wanted, int(direction))
    start = _range_start(r, cand) if said is None else None
    listed = _range_start(r, cand, _LIST_FROM) if said is None else None
    if listed is not None and found < listed[0]:
        # "zum Streik am kommenden Donnerstag und Freitag aufgerufen": the days of a list
        # run forward from its first, whose own word ("kommenden") the tense of the clause
        # does not overrule (review 101: the Friday had been the one gone by)
        found = _weekday_near(listed[0], wanted, 1)
    if start is not None and found < start[0]:
        # "von Dienstag bis Samstag" had run backwards (review 47): the range ends on the
        # first Saturday after that Tuesday, or, told in the past, starts on the last such
        # day before its end ("Von Freitag bis Montag wurde gestreikt", said on Sunday;
        # review 48).
        first, at = start
        if direction < 0:
            back = (found.isoweekday() - first.isoweekday()) % 7
            _move_start(r, at, first, found - timedelta(days=back))
        else:
            found = _weekday_near(first, wanted, 1)
    point = Point(found.year, found.month, found.day)
    return point.value() + _time_suffix(r, g), None, None


def _called_for(r: Resolver, cand: Candidate) -> bool:
    """Whether the weekday dates what a call is for ("hat zu Streiks am Donnerstag
    aufgerufen", ``call_words``): that day lies ahead, whatever the call's tense (review
    101: the strike had been dated the Thursday gone by); not the call's own day ("hat am
    Donnerstag zur Mithilfe aufgerufen")."""
    before = r.text[max(0, cand.start - 60) : cand.start].lower()
    calls = r.rules.cues.get("call_words", frozenset())
    return _CALLED_FOR.search(before) is not None and not calls.isdisjoint(r.sentence_words(cand))


# "zu Streiks am ", "zum eintägigen Warnstreik am ": a day right after what is called for
_CALLED_FOR = re.compile(r"\bzu[mr]?\s+(?:[\w-]+\s+){1,3}am\s+$")


def _range_start(
    r: Resolver, cand: Candidate, joined: re.Pattern[str] | None = None
) -> tuple[date, int] | None:
    """The day a weekday range starts on, where this weekday ends it ("Dienstag bis
    Samstag", "Freitag um 10 Uhr bis Montag"), and where its words start: the day last
    resolved, when the words before are a weekday, a clock time or none, and "bis" (or
    what ``joined`` matches: ``_LIST_FROM`` for a list's first day)."""
    window = max(0, cand.start - 50)
    before = (joined or _RANGE_FROM).search(r.text[window : cand.start].lower())
    if before is None or not _is_weekday(r, before.group(1)):
        return None
    last = r.last.get(DAY)
    day = last.as_date() if last is not None and last.grain == DAY else None
    return (day, window + before.start()) if day is not None else None


def _is_weekday(r: Resolver, word: str) -> bool:
    """A weekday, also with its part of the day ("Freitagabend", "Freitag abends")."""
    if r.rules.lookup("weekday", word) is not None:
        return True
    pod = next((p for p in r.rules.lexicons["partofday_compound"] if word.endswith(p)), None)
    return pod is not None and r.rules.lookup("weekday", word[: -len(pod)]) is not None


def _move_start(r: Resolver, at: int, day: date, to: date) -> None:
    """The range's start, its day and a clock time on it, from ``at`` on: moved from
    ``day`` to ``to`` (not the same weekday said before the range, review 51)."""
    for start in r.recent:
        if start.start >= at and start.value and start.value.startswith(day.isoformat()):
            set_day(start, to)


def _weekday_near(day: date, wanted: int, direction: int) -> date:
    ahead = (wanted - day.isoweekday()) % 7
    if direction > 0:
        return day + timedelta(days=ahead or 7)
    if direction < 0:
        return day - timedelta(days=(7 - ahead) % 7 or 7)
    if direction == 0 and ahead == 0:
        return day
    return day + timedelta(days=ahead)


def weekday_set(r: Resolver, cand: Candidate) -> Norm:
    g = _groups(cand)
    number = r.rules.lookup("weekday", g.get("weekday")) or r.rules.lookup(
        "weekday_set", g.get("weekday_set")
    )
    return f"XXXX-WXX-{number}", None, None


def lexicon_value(r: Resolver, cand: Candidate) -> Norm:
    return r.rules.lookup(cand.rule.args["lexicon"], _groups(cand)["word"]), None, None


def later_ref(r: Resolver, cand: Candidate) -> Norm:
    """bald, wenig später: FUTURE_REF. What counts from an event told before it
    (``cues.after_event``: "wenig später", "kurz darauf") lies before the publication where
    its clause reads as past, in news: "Ein Arzt stellte wenig später den Tod fest" (review
    89). A narrative keeps FUTURE_REF, as WikiWarsDE has it."""
    word = _groups(cand)["word"]
    value = r.rules.lookup(cand.rule.args["lexicon"], word)
    phrase, cues = " ".join(word.lower().split()), r.rules.cues
    # "nach kurzer Zeit" counts from an event, "in kurzer Zeit" from now
    after_nach = phrase in cues.get("after_event_after_nach", ()) and r.preposition(cand) == "nach"
    after_event = phrase in cues.get("after_event", ()) or after_nach
    if after_event and not r.narrative and r.tense(cand) < 0:
        return "PAST_REF", None, None
    return value, None, None


def time_word(r: Resolver, cand: Candidate) -> Norm:
    clock = "24:00" if _groups(cand)["word"].lower() == "mitternacht" else "12:00"
    if clock == "24:00" and r.preposition(cand) in r.rules.cues.get("past_prepositions", ()):
        clock = "00:00"  # "gilt seit Mitternacht": the midnight that began the day, not its end
    day = r.anchor(cand.rule.anchor, DAY)
    return (f"{day.value()}T{clock}" if day and day.grain == DAY else None), None, None


def relative_unit(r: Resolver, cand: Candidate) -> Norm:
    """nächste Woche, im vergangenen Jahr, am folgenden Tag."""
    g = _groups(cand)
    offset = r.rules.lookup("rel_deictic", g.get("rel"))
    offset = r.rules.lookup("rel_anaphoric", g.get("rel")) if offset is None else offset
    unit = r.rules.lookup("rel_unit", g["unit"])
    last_month = r.rules.lookup("rel_new", g.get("rel"))
    base = r.anchor(cand.rule.anchor, MONTH) if last_month is not None else None
    if unit == "Y" and base is not None and base.month:
        # "im neuen Jahr" said in February is this year (review 61 had it the next); in a
        # history, after "im Dezember 1941", the next
        offset = 0 if base.month <= last_month else 1
    return _moved(r, cand, unit, int(offset or 0), last_month is None), None, None


def relative_month(r: Resolver, cand: Candidate) -> Norm:
    """im vergangenen Dezember, nächsten April: the month so named last before the
    anchor's month, or next after it; "diesen März" is the anchor year's. A bare month's
    tense had placed it ("im vergangenen Dezember" of a trial in November was the
    December ahead, review 105)."""
    g = _groups(cand)
    offset = int(r.rules.lookup("rel_deictic", g["rel"]) or 0)
    month = int(r.rules.lookup("month", g["month"]))
    base = r.anchor(cand.rule.anchor, MONTH)
    if base is None or base.month is None:
        return None, None, None
    year = base.year
    if offset < 0 and month >= base.month:
        year -= 1
    elif offset > 0 and month <= base.month:
        year += 1
    return f"{Point(year).value()}-{month:02d}", None, None


def relative_noun(r: Resolver, cand: Candidate) -> Norm:
    """Vorjahr, Folgetag: a unit and an offset in one noun; "den ganzen Tag" (the lexicon
    ``whole_unit``): the unit with no offset."""
    code = r.rules.lookup(cand.rule.args.get("lexicon", "rel_noun"), _groups(cand)["noun"])
    unit, offset = code[0], int(code[1:])
    return _moved(r, cand, unit, offset), None, None


def relative_phrase(r: Resolver, cand: Candidate) -> Norm:
    """am selben Tag, im gleichen Jahr: a fixed phrase with an offset in a fixed unit."""
    offset = r.rules.lookup(cand.rule.args["lexicon"], _groups(cand)["phrase"])
    return _moved(r, cand, cand.rule.args["unit"], int(offset or 0)), None, None


def _moved(
    r: Resolver, cand: Candidate, unit: str, offset: int, counted: bool = True
) -> str | None:
    """The anchor moved by ``offset`` units; a year ``counted`` from the year last named
    ("im Vorjahr"), not "im neuen Jahr", which the anchor's month places."""
    if unit == "Q":
        return _moved_quarter(r, cand, offset)
    grain = _UNIT_GRAIN.get(unit, YEAR)
    base = r.anchor(cand.rule.anchor, grain)
    if unit == "Y" and counted and cand.rule.anchor == "context" and r.year_named is not None:
        # "Im vergangenen Jahr stiegen die Fälle, zehn Prozent mehr als im Vorjahr": the
        # year before 2025, not before the publication's (review 105)
        base = r.year_named
    if base is None or base.grain < grain:
        return None
    if unit == "WE":
        return _weekend(base, offset)
    if unit == "W":
        return week_value(base.add("W", offset))
    moved = base.add(unit, offset)
    return moved.coarse(grain).value() if moved else None


def _moved_quarter(r: Resolver, cand: Candidate, offset: int) -> str | None:
    """Vorjahresquartal: the quarter last mentioned, else the anchor month's, moved by
    ``offset`` quarters (review 75)."""
    base = r.quarter or r.anchor(cand.rule.anchor, MONTH)
    moved = base.add("M", 3 * offset) if base is not None and base.grain >= MONTH else None
    if moved is None or moved.month is None:
        return None
    return f"{Point(moved.year).value()}-Q{(moved.month - 1) // 3 + 1}"


def weekend(r: Resolver, cand: Candidate) -> Norm:
    """am Wochenende: the weekend the clause's tense points to, as a bare weekday's; on a
    Saturday or Sunday the weekend it is in, whatever the tense."""
    base = r.anchor(cand.rule.anchor, DAY)
    day = base.as_date() if base else None
    if base is None or day is None:
        return None, None, None
    offset = 0
    if day.isoweekday() < 6:
        # a narrative moves forward in time, as for a weekday
        offset = -1 if r.tense(cand) < 0 and not r.narrative else 1
    return _weekend(base, offset), None, None


def _weekend(base: Point, offset: int) -> str | None:
    """The coming (or past) weekend is the next Saturday's (or last Sunday's) week."""
    day = base.as_date()
    if day is None:
        return None
    if offset > 0:
        day = _weekday_near(day, 6, 1)
    elif offset < 0:
        day = _weekday_near(day, 7, -1)
    return week_value(Point(day.year, day.month, day.day), "-WE")


def shift(r: Resolver, cand: Candidate) -> Norm:
    """zwei Tage später, vor drei Jahren: the anchor moved by an amount."""
    g = _groups(cand)
    amount = _number(r.rules, g["n"])
    unit = r.rules.lookup("unit", g["unit"])
    word = (g.get("dir") or cand.rule.args.get("dir", "später")).lower()
    sign = -1 if word in ("zuvor", "davor", "vorher", "früher") else 1
    whole = _whole_units(amount, unit)
    if whole is None:
        return None, None, None
    unit, count = whole
    grain = _UNIT_GRAIN[unit]
    base = _shift_base(r, cand, grain)
    if base is None or base.grain < grain:
        return None, None, None  # "zwei Tage später" needs a date to count from
    return _moved_by(base, unit, sign * count), None, None


def _moved_by(base: Point, unit: str, count: int) -> str | None:
    """``base`` moved by ``count`` whole ``unit``s (a decade as ten years), at the unit's
    grain: "vor drei Jahren" is a year, "in zwei Wochen" a day."""
    grain = _UNIT_GRAIN[unit]
    if unit == "DE":
        unit, count = "Y", count * 10
    moved = base.add(unit, count)
    return moved.coarse(grain).value() if moved else None


def _shift_base(r: Resolver, cand: Candidate, grain: int) -> Point | None:
    """What a shift counts from: for "zwei Tage später" the last date said with a day. In
    news that is the date said last, also a month whose year its tense placed: "kosteten
    im April mehr als ein Jahr zuvor" after "zuletzt im Dezember 2023" is April 2025, not
    2022 (review 105)."""
    if cand.rule.anchor != "context":
        return r.anchor(cand.rule.anchor, grain)
    latest = r.latest
    if not r.narrative and latest is not None and latest.grain >= grain:
        return latest
    return r.last.get(grain)


def _whole_units(amount: float | str | None, unit: str | None) -> tuple[str, int] | None:
    """An amount in the largest unit that makes it whole: 1.5 years are 18 months."""
    if not isinstance(amount, float | int) or unit not in _UNIT_GRAIN:
        return None
    if float(amount).is_integer():
        return unit, int(amount)
    if unit == "Y" and float(amount * 12).is_integer():
        return "M", int(amount * 12)
    if unit in ("M", "W"):
        days = amount * (30 if unit == "M" else 7)
        return ("D", int(days)) if float(days).is_integer() else None
    return None


def duration(r: Resolver, cand: Candidate) -> Norm:
    """drei Jahre, anderthalb Jahre, mehrere Tage, dreijährig, jahrzehntelang; in news, what
    lies "in drei Wochen" ahead is a date (:func:`_ahead`)."""
    if _ahead(r, cand):
        return _ahead_value(r, cand), None, None
    return _duration_value(r, cand), None, None


# "in drei Wochen", "In wenigen Tagen": right after "in" alone, not after an article ("in den
# zwei Jahren seit dem Krieg") nor "nicht" ("nicht in wenigen Tagen zu lösen": how long)
_IN_BEFORE = re.compile(r"(?<![\w-])(?<!nicht )[Ii]n\s+$")
# What a count "in zehn Jahren" counts within, not from: "der siebte Premier in zehn Jahren",
# "zum ersten Mal in", "erstmals in", "140 Milliarden Euro in zwei Jahren"
# Where the clause before "in" begins: a mark, or a dash between spaces (not a hyphen:
# "der dritte US-Präsident in vier Jahren").
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n]|\s[–-]\s")
_COUNTED_WITHIN = re.compile(
    r"\b(?:(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|letzt)"
    r"e[mnrs]?|erstmals|Mal|Euro|Dollar|Prozent|Milliarden|Millionen|Tonnen|\d[\d.,]*)\b",
    re.IGNORECASE,
)


def _ahead(r: Resolver, cand: Candidate) -> bool:
    """Whether a length after "in" says when something comes, in news, in a clause that does
    not read as past: "Es tritt in drei Wochen in Kraft", "wo in einer Woche gewählt wird",
    "In wenigen Tagen jährt sich ..." (TimeML's "in three weeks": a date; review 105's
    list: the stream's "in N units" were durations). A past clause keeps the length ("stiegen
    in einem Jahr um zehn Prozent"), as does a count within ("der dritte Sieg in vier Jahren")."""
    if r.narrative or r.dct is None or _unit(r, cand) not in ("D", "W", "M", "Y", "DE"):
        return False
    before = r.text[max(0, cand.start - 60) : cand.start]
    found = _IN_BEFORE.search(before)
    if found is None:
        return False
    clause = _CLAUSE_BREAK.split(before[: found.start()])[-1]
    counted = any(_COUNTED_WITHIN.fullmatch(word.strip("\"'„“")) for word in clause.split()[-4:])
    return not counted and r.tense(cand) >= 0


def _ahead_value(r: Resolver, cand: Candidate) -> str | None:
    """The date "in drei Wochen" from the publication day; "in wenigen Tagen" is vague,
    FUTURE_REF, as "vor wenigen Tagen" is PAST_REF."""
    g = _groups(cand)
    amount = _number(r.rules, g.get("n"))
    whole = _whole_units(amount, _unit(r, cand))
    if not isinstance(amount, float | int) or whole is None or r.dct is None:
        return "FUTURE_REF"
    return _moved_by(r.dct, *whole)


def _duration_value(r: Resolver, cand: Candidate) -> str | None:
    g = _groups(cand)
    amount = cand.rule.args.get("n") or _number(r.rules, g.get("n") or g.get("n2"))
    amount = amount or cand.rule.args.get("default_n")
    unit = _unit(r, cand)
    if amount is None or unit is None:
        return None
    value = format_duration(amount, unit)
    more = _number(r.rules, g.get("n2")) if "unit2" in g else None
    unit2 = r.rules.lookup("unit", g.get("unit2"))
    if value and more is not None and unit2 and unit2 not in _TIME_UNITS:
        extra = format_duration(more, unit2)  # "sechs Wochen und drei Tage": P6W3D
        return value + extra[1:] if extra and "T" not in value else value
    return value


def _unit(r: Resolver, cand: Candidate) -> str | None:
    """The unit code of the expression's ``unit`` group ("Wochen": "W", "jährig": "Y")."""
    said = _groups(cand).get("unit")
    for lexicon in ("unit", "unit_plural", "unit_adj", "unit_long"):
        unit = r.rules.lookup(lexicon, said)
        if unit is not None:
            return str(unit)
    return None


def format_duration(amount: float | str, unit: str) -> str | None:
    """TIMEX3 duration: ``P3Y``, ``P1Y6M``, ``PT30M``, ``PXD`` (X: an unspecified amount)."""
    prefix = "PT" if unit in _TIME_UNITS else "P"
    symbol = _TIME_UNITS.get(unit, unit)
    if isinstance(amount, str):
        return f"{prefix}{amount}{symbol}"
    if float(amount).is_integer():
        return f"{prefix}{int(amount)}{symbol}"
    smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "M": ("D", 30)}.get(unit)
    if smaller is None:  # the smallest unit takes a decimal: "0,918 Sekunden" is PT0.918S
        return f"{prefix}{float(amount):g}{symbol}"
    whole = int(amount)
    rest = format_duration(round((amount - whole) * smaller[1], 6), smaller[0])
    if rest is None:
        return None
    if whole == 0:
        return rest
    head = f"{prefix}{whole}{symbol}"
    if rest.startswith("PT") and prefix == "P":
        return head + rest[1:]
    return head + rest[len(prefix) :]


def duration_range(r: Resolver, cand: Candidate) -> Norm:
    """in den letzten 18 Monaten: a duration that ends (or starts) at the anchor day."""
    g = _groups(cand)
    value = _duration_value(r, cand) or format_duration(
        "X", r.rules.lookup("unit", g["unit"]) or "D"
    )
    if "n" not in g and value:
        value = format_duration("X", r.rules.lookup("unit", g["unit"]) or "D")
    rel = (g.get("rel") or cand.rule.args.get("rel", "letzten")).lower()
    past = rel in ("letzten", "vergangenen", "zurückliegenden")
    base = r.anchor(cand.rule.anchor, DAY)
    if base is None:
        return value, None, None
    amount = _number(r.rules, g.get("n"))
    whole = _whole_units(amount, r.rules.lookup("unit", g["unit"]))
    other = base.add(whole[0], -whole[1] if past else whole[1]) if whole else None
    other_value = other.value() if other else None
    return (value, other_value, base.value()) if past else (value, base.value(), other_value)


def since(r: Resolver, cand: Candidate) -> Norm:
    """seit 2019: a range that begins with the date and lasts until the publication."""
    value, _, _ = calendar_value(r, cand)
    end = r.dct.value() if r.dct and not r.narrative else None
    return value, value, end


def since_event(r: Resolver, cand: Candidate) -> Norm:
    """seit Kriegsbeginn: a range from an event to the publication. The event's day needs
    world knowledge, so the range has an end and no value (review 75)."""
    return None, None, (r.dct.value() if r.dct and not r.narrative else None)


def event_day(r: Resolver, cand: Candidate) -> Norm:
    """am Tag nach der Wahl: a day counted from an event, whose day needs world knowledge
    (review 75)."""
    return None, None, None


def century(r: Resolver, cand: Candidate) -> Norm:
    """20. Jahrhundert -> 19; 8. Jh. v. Chr. -> BC07."""
    g = _groups(cand)
    number = int(g["num"]) if "num" in g else r.rules.lookup("ordinal", g.get("ordinal"))
    if not number:
        return None, None, None
    era = "BC" if r.rules.lookup("era", g.get("era")) == "BC" else ""
    return f"{era}{int(number) - 1:02d}", None, None


def decade(r: Resolver, cand: Candidate) -> Norm:
    """1990er Jahre -> 199; 90er Jahre and Zwanzigerjahre take the century from the anchor."""
    g = _groups(cand)
    if "decade_word" in g:
        digits = str(r.rules.lookup("decade_word", g["decade_word"]) * 10)
    else:
        digits = g["decade"]
    base = r.anchor(cand.rule.anchor, YEAR)
    bc = base is not None and base.year < 0 and r.narrative
    if len(digits) <= 2:
        if base is None:
            return None, None, None
        century = abs(base.year) // 100
        # "die 90er Jahre" said in 2023 are the 1990s: the latest such decade not ahead.
        if century * 100 + int(digits) > abs(base.year):
            century -= 1
        digits = f"{century}{digits}"
    value = f"{int(digits) // 10:03d}"
    return (f"BC{value}" if bc and int(digits) < 1000 else value), None, None


Normaliser: TypeAlias = Callable[["Resolver", "Candidate"], Norm]


NORMALISERS: dict[str, Normaliser] = {
    "calendar": calendar_value,
    "relative_day": relative_day,
    "holiday": holiday,
    "weekday": weekday,
    "weekend": weekend,
    "weekday_set": weekday_set,
    "lexicon_value": lexicon_value,
    "time_word": time_word,
    "later_ref": later_ref,
    "relative_unit": relative_unit,
    "relative_month": relative_month,
    "relative_noun": relative_noun,
    "relative_phrase": relative_phrase,
    "shift": shift,
    "duration": duration,
    "duration_range": duration_range,
    "since": since,
    "since_event": since_event,
    "event_day": event_day,
    "century": century,
    "decade": decade,
}
