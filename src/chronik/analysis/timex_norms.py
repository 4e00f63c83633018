"""The normalisation functions of the time expression rules: each rule of
``data/timex_rules.json`` names one in :data:`NORMALISERS`, which turns a candidate match
into its TIMEX3 value, begin and end. They resolve against the :class:`Resolver` of
``timex`` they are given: its anchor (the publication time, or the last date mentioned),
its tense and what the text said so far. This module holds the registry and the
normalisations of relative and lexical expressions ("gestern Abend", "nächste Woche",
"im Vorjahr", "seit 2019", "90er Jahre"); calendar dates and holidays are in
``timex_dates``, weekdays and weekends in ``timex_weekdays``, lengths and shifts in
``timex_durations``, and what they all read of a match in ``timex_match``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from chronik.analysis.timex_dates import calendar_value, holiday
from chronik.analysis.timex_durations import duration, duration_range, shift
from chronik.analysis.timex_match import UNIT_GRAIN, Norm, has_hour, match_groups, time_suffix
from chronik.analysis.timex_values import DAY, MONTH, YEAR, Point, week_value
from chronik.analysis.timex_weekdays import weekday, weekday_set, weekend, weekend_value

# An evening or night, or a clock time from six in the evening, of one day.
_EVENING = re.compile(r"\d{4}-\d\d-\d\dT(?:EV|NI|(?:1[89]|2\d):\d\d)")

# A period of a year that one a year away matches: a half-year, quarter, month or day.
_PERIOD = re.compile(r"(\d{4})(-(?:H[12]|Q[1-4]|\d\d(?:-\d\d)?))")
_RANGE_JOIN = re.compile(r"\s*(?:bis(?: zum| zur| Ende| Anfang)?|und|[-–])\s*")

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver


def relative_day(r: Resolver, cand: Candidate) -> Norm:
    """heute, morgen, gestern Abend: days from the anchor day, with a part of day or time."""
    g = match_groups(cand)
    offset = cand.rule.args.get("offset")
    for lexicon in ("reldays", "reldays_tomorrow", "reldays_adjective", "pod_rel"):
        if offset is None:
            offset = r.rules.lookup(lexicon, g.get("rel"))
    if "pod" in g and "rel" not in g and "offset_lexicon" in cand.rule.args:
        offset = 0  # "am Abend": the evening of the day last mentioned
    if "after" in g:  # "am Morgen darauf"
        offset = int(offset or 0) + 1
    today = cand.rule.args.get("narrative_today")
    bare_today = offset == 0 and today and "pod" not in g and not has_hour(g)
    if bare_today and (r.narrative or _nowadays(r, cand)):
        return today, None, None
    base = r.anchor(cand.rule.anchor, DAY)
    if "offset_lexicon" in cand.rule.args:  # "am Abend": of the day said in its tense
        base = r.day_in_tense(cand) or base
    point = base.add("D", int(offset or 0)) if base and base.grain == DAY else None
    if point is not None and offset == 0 and _morning_after(r, cand, point):
        point = point.add("D", 1)
    return (point.value() + time_suffix(r, g) if point else None), None, None


_WORDS = re.compile(r"[^\W\d_]+")


def _nowadays(r: Resolver, cand: Candidate) -> bool:
    """Whether a bare "heute" is set against a time gone by in its sentence, so means
    nowadays (``cues.then_words``: "Wo früher durchgezogen wurde, herrscht heute
    Überforderung", review 267); not a comparative ("heute früher als sonst", a word of
    ``cues.then_words_not_before`` after it)."""
    cues = r.rules.cues
    words = _WORDS.findall(r.sentence_text(cand).lower())
    then = cues.get("then_words", frozenset())
    unless = cues.get("then_words_not_before", frozenset())
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        previous = words[i - 1] if i else ""
        if word in then and following not in unless and previous != "heute":
            return True
    return False


def _morning_after(r: Resolver, cand: Candidate, point: Point) -> bool:
    """Whether a morning that something lasts until follows the evening said just before
    it, so is the next day's: "gestern Abend angeordnet, gilt bis zum Morgen" (review 255
    had given both one day)."""
    pod = match_groups(cand).get("pod", "")
    last = r.recent[-1].value if r.recent else None
    lead = r.text[cand.match.start() : cand.start].casefold().split()  # "bis zum"
    if pod not in r.rules.cues.get("morning_parts", ()) or lead[:1] != ["bis"]:
        return False
    return last is not None and _EVENING.fullmatch(last) is not None and last[:10] == point.value()


def part_of_day_habit(r: Resolver, cand: Candidate) -> Norm:
    """nachts, abends in news: a habit ("Im Sommer wird nachts das Wasser abgestellt":
    ``XXXX-XX-XXTNI``, a SET), unless its own clause reads as past, where it is that part of
    the day said in its tense, as "in der Nacht" is ("Die Täter kamen nachts": a TIME). Not
    the sentence's tense: "Im Dorf, weit entfernt, ist nachts nichts los" is a habit."""
    code = r.rules.lookup("partofday_adverb", match_groups(cand)["pod"])
    if r.clause_tense(cand) >= 0:
        return f"XXXX-XX-XXT{code}", None, None
    base = r.day_in_tense(cand) or r.anchor(cand.rule.anchor, DAY)
    return (f"{base.value()}T{code}" if base and base.grain == DAY else None), None, None


def lexicon_value(r: Resolver, cand: Candidate) -> Norm:
    return r.rules.lookup(cand.rule.args["lexicon"], match_groups(cand)["word"]), None, None


def later_ref(r: Resolver, cand: Candidate) -> Norm:
    """bald, wenig später: FUTURE_REF. What counts from an event told before it
    (``cues.after_event``: "wenig später", "kurz darauf") lies before the publication where
    its clause reads as past, in news: "Ein Arzt stellte wenig später den Tod fest" (review
    89). A narrative keeps FUTURE_REF, as WikiWarsDE has it."""
    word = match_groups(cand)["word"]
    value = r.rules.lookup(cand.rule.args["lexicon"], word)
    phrase, cues = " ".join(word.lower().split()), r.rules.cues
    # "nach kurzer Zeit" counts from an event, "in kurzer Zeit" from now
    after_nach = phrase in cues.get("after_event_after_nach", ()) and r.preposition(cand) == "nach"
    after_event = phrase in cues.get("after_event", ()) or after_nach
    if after_event and not r.narrative and r.tense(cand) < 0:
        return "PAST_REF", None, None
    return value, None, None


def time_word(r: Resolver, cand: Candidate) -> Norm:
    clock = "24:00" if match_groups(cand)["word"].lower() == "mitternacht" else "12:00"
    if clock == "24:00" and r.preposition(cand) in r.rules.cues.get("past_prepositions", ()):
        clock = "00:00"  # "gilt seit Mitternacht": the midnight that began the day, not its end
    day = r.anchor(cand.rule.anchor, DAY)
    return (f"{day.value()}T{clock}" if day and day.grain == DAY else None), None, None


def relative_unit(r: Resolver, cand: Candidate) -> Norm:
    """nächste Woche, im vergangenen Jahr, am folgenden Tag."""
    g = match_groups(cand)
    offset = r.rules.lookup("rel_deictic", g.get("rel"))
    offset = r.rules.lookup("rel_anaphoric", g.get("rel")) if offset is None else offset
    unit = r.rules.lookup("rel_unit", g["unit"])
    if unit == "W" and not offset:
        offset = _week_part_offset(r, cand, g.get("week_part"))
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
    g = match_groups(cand)
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
    noun = match_groups(cand)["noun"]
    code = r.rules.lookup(cand.rule.args.get("lexicon", "rel_noun"), noun)
    unit, offset = code[0], int(code[1:])
    if unit == "W" and not offset:
        offset = _week_part_offset(r, cand, noun)
    return _moved(r, cand, unit, offset), None, None


def _week_part_offset(r: Resolver, cand: Candidate, part: str | None) -> int:
    """A start or middle of the week (lexicon ``week_part``: its first and last weekday)
    that the anchor day has passed is the next week's unless the clause reads as past, as a
    bare weekday looks forward; one not yet reached in a past clause is the last week's:
    "Verhandlungen stehen zu Wochenbeginn an", said on a Friday, is next week (review 255)."""
    days = r.rules.lookup("week_part", part)
    base = r.anchor(cand.rule.anchor, DAY)
    day = base.as_date() if base is not None else None
    if days is None or day is None or r.narrative:
        return 0
    past = r.tense(cand) < 0
    if not past and day.isoweekday() > days[1]:
        return 1
    return -1 if past and day.isoweekday() < days[0] else 0


def relative_phrase(r: Resolver, cand: Candidate) -> Norm:
    """am selben Tag, im gleichen Jahr: a fixed phrase with an offset in a fixed unit."""
    offset = r.rules.lookup(cand.rule.args["lexicon"], match_groups(cand)["phrase"])
    return _moved(r, cand, cand.rule.args["unit"], int(offset or 0)), None, None


def _moved(
    r: Resolver, cand: Candidate, unit: str, offset: int, counted: bool = True
) -> str | None:
    """The anchor moved by ``offset`` units; a year ``counted`` from the year last named
    ("im Vorjahr"), not "im neuen Jahr", which the anchor's month places."""
    if unit == "Q":
        return _moved_quarter(r, cand, offset)
    if unit == "P":
        return _moved_period(r, offset)
    grain = UNIT_GRAIN.get(unit, YEAR)
    base = r.anchor(cand.rule.anchor, grain)
    if unit == "Y" and counted and cand.rule.anchor == "context" and r.year_named is not None:
        # "Im vergangenen Jahr stiegen die Fälle, zehn Prozent mehr als im Vorjahr": the
        # year before 2025, not before the publication's (review 105)
        base = r.year_named
    if base is None or base.grain < grain:
        return None
    if unit == "WE":
        return weekend_value(base, offset)
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


def _moved_period(r: Resolver, offset: int) -> str | None:
    """Vorjahreszeitraum: the half-year, quarter, month or day said last in the paragraph,
    ``offset`` years from it ("im ersten Halbjahr 2026 ... als im Vorjahreszeitraum":
    2025-H1); None where the paragraph said none, or where the last ends a range ("von
    Januar bis September": a value has no room for the months)."""
    if not r.recent or r.latest is None or _ends_range(r):
        return None
    said = _PERIOD.fullmatch(r.recent[-1].value or "")
    return f"{int(said[1]) + offset:04d}{said[2]}" if said else None


def _ends_range(r: Resolver) -> bool:
    """Whether the expression resolved last ends a range with the one before it."""
    if len(r.recent) < 2:
        return False
    return _RANGE_JOIN.fullmatch(r.text[r.recent[-2].end : r.recent[-1].start]) is not None


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
    """20. Jahrhundert -> 19; 8. Jh. v. Chr. -> BC07; in news "Ende des Jahrhunderts" said in
    2025 -> 20, the century of the anchor."""
    g = match_groups(cand)
    if "num" not in g and "ordinal" not in g:
        base = r.anchor(cand.rule.anchor, YEAR)
        return (f"{base.year // 100:02d}" if base is not None else None), None, None
    number = int(g["num"]) if "num" in g else r.rules.lookup("ordinal", g.get("ordinal"))
    if not number:
        return None, None, None
    era = "BC" if r.rules.lookup("era", g.get("era")) == "BC" else ""
    return f"{era}{int(number) - 1:02d}", None, None


def decade(r: Resolver, cand: Candidate) -> Norm:
    """1990er Jahre -> 199; 90er Jahre and Zwanzigerjahre take the century from the anchor."""
    g = match_groups(cand)
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
    "part_of_day_habit": part_of_day_habit,
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
