"""The normalisation of weekdays and weekends: "(kommenden|vergangenen) Mittwoch" as the
weekday next to the anchor day in the direction its word or the clause's tense gives, the
days of a list or a range of weekdays ("Dienstag bis Samstag") run forward, a set of
weekdays ("montags"), and "am Wochenende". Apart because a weekday reads the words around
it (a range's start, a list's first day, what a call is for), not only the anchor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from chronik.analysis.timex_match import Norm, match_groups, time_suffix
from chronik.analysis.timex_values import DAY, Point, set_day, week_value

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver


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


def weekday(r: Resolver, cand: Candidate) -> Norm:
    """(kommenden|vergangenen) Mittwoch: the weekday next to the anchor day."""
    g = match_groups(cand)
    base = r.anchor(cand.rule.anchor, DAY)
    day = base.as_date() if base else None
    if day is None:
        return None, None, None
    wanted = int(r.rules.lookup("weekday", g["weekday"]))
    said = r.rules.lookup("rel_deictic", g.get("rel"))
    direction = _direction(r, cand, said)
    # "haben sich am Mittwoch getroffen" and "die Abstimmung vom Mittwoch" in Wednesday's
    # paper are that day, as in HeidelTime (the anchor counts itself); "vergangenen
    # Mittwoch" is the week before.
    same_day = said is None and wanted == day.isoweekday()
    found = day if same_day else _weekday_near(day, wanted, direction)
    if said is None:
        found = _in_list_or_range(r, cand, found, wanted, direction)
    point = Point(found.year, found.month, found.day)
    return point.value() + time_suffix(r, g), None, None


def _direction(r: Resolver, cand: Candidate, said: int | None) -> int:
    """Which way from the anchor day the weekday lies: the word said ("kommenden": 1,
    "vergangenen": -1), else back for a preposition of the past, else the clause's tense,
    but ahead (or today) for a plan, a call or a narrative."""
    rel = said
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
    return direction


def _in_list_or_range(
    r: Resolver, cand: Candidate, found: date, wanted: int, direction: int
) -> date:
    """``found``, or, where the weekday is a later day of a list or ends a range and
    ``found`` lies before its first day, the first such weekday after that day; a range
    told in the past keeps ``found`` and has its start moved back before it instead."""
    start = _range_start(r, cand)
    listed = _range_start(r, cand, _LIST_FROM)
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
    return found


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
    g = match_groups(cand)
    number = r.rules.lookup("weekday", g.get("weekday")) or r.rules.lookup(
        "weekday_set", g.get("weekday_set")
    )
    return f"XXXX-WXX-{number}", None, None


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
    return weekend_value(base, offset), None, None


def weekend_value(base: Point, offset: int) -> str | None:
    """The coming (or past) weekend is the next Saturday's (or last Sunday's) week."""
    day = base.as_date()
    if day is None:
        return None
    if offset > 0:
        day = _weekday_near(day, 6, 1)
    elif offset < 0:
        day = _weekday_near(day, 7, -1)
    return week_value(Point(day.year, day.month, day.day), "-WE")
