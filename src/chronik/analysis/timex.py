"""German time expressions, found by rules that are data and normalised TIMEX3-style.

The rules, lexicons and named sub-patterns live in ``data/timex_rules.json`` (the format is
described in docs/timex.md). Each rule names a normalisation function (in ``timex_norms``);
the functions are small and resolve an expression against an anchor: the publication time for
news, or the last date mentioned before it for narratives (and for anaphoric expressions
such as "am selben Tag" in news too).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from chronik.analysis.german import local_day
from chronik.analysis.lemmas import lemmatize
from chronik.analysis.pipeline import component
from chronik.analysis.timex_norms import NORMALISERS
from chronik.analysis.timex_rules import Rule, RuleSet, load_rules
from chronik.analysis.timex_values import (
    DAY,
    YEAR,
    Point,
    parse_point,
    set_day,
)
from chronik.model import Article, Timex
from chronik.options import Options

_WORD = re.compile(r"\w+")
# Rule groups that write a year ("2019", "79", "nächsten Jahres").
_YEAR_GROUPS = ("year", "year_la", "year_short", "yrel")
# A quarter's value ("2025-Q2"), kept to anchor "Vorjahresquartal" (_note_quarter).
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


# What joins two expressions that share a preposition ("für den 8. und 9. Mai").
_JOINED = re.compile(r"\s+(?:und|oder)\s+")


# --- finding -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    length: int  # of the whole match, context included: longer matches are more specific
    order: int
    rule: Rule
    match: re.Match[str]


def find_timexes(
    text: str, published: datetime | None, narrative: bool = False, rules: RuleSet | None = None
) -> list[Timex]:
    """Time expressions in ``text``, normalised against ``published``.

    With ``narrative`` (encyclopedic text), relative expressions are anchored on the last
    date mentioned before them instead of the publication time. Without an anchor a relative
    expression is still found and typed, with value None.
    """
    if not text:
        return []
    ruleset = rules or load_rules()
    chosen = _select(_candidates(text, ruleset, "narrative" if narrative else "news"))
    resolver = Resolver(text, published, narrative, ruleset)
    found = [resolver.timex(c) for c in chosen]
    _ranges_run_forward(text, found, published)
    _appositions_agree(text, found)
    if not narrative:
        _repeated_days_agree(found)
    return found


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# Two headlines run together: a word of three small letters or more and a capital that
# opens a word, or a clock time (review 170); not "YouTube", "TikTok".
_SEAM = re.compile(r"[a-zäöüß]{3}(?:[A-ZÄÖÜ][a-zäöüß]|[0-9]{1,2}[:.][0-9]{2})")
_LENGTH = re.compile(r"P[\dTX]")  # a duration's value: "P3W", "PT2H", "PXD"; not "PAST_REF"
# What joins a range's start to its end: "vom 30. September bis 3. Oktober", "in der Nacht
# vom 3. auf den 4. Oktober".
_RANGE_JOIN = re.compile(r"\s*(?:bis(?:\s+zum)?|auf\s+den|-|–)\s*")


def _ranges_run_forward(text: str, found: list[Timex], published: datetime | None) -> None:
    """A range's start, and the first days of a list, lie at or before the day that ends
    them. Each is resolved on its own, and a "vom" had read the start as past where the
    clause's tense put the end ahead, a year apart ("vom 29. bis 31. Dezember"), and a
    first day took the month of the end ("vom 29. bis zum 2. Januar"; review 57). A start
    without a year of its own takes the latest such day before the end."""
    firsts: list[Timex] = []
    for before, timex in zip([None, *found], found, strict=False):
        end = _day_of(timex)
        if timex.rule == "date_range_first_day" and end is not None:
            firsts.append(timex)
            continue
        if end is not None:
            for first in firsts:
                set_day(first, _first_day_before(int((first.value or "")[8:10]), end))
        firsts = []
        if before is not None and end is not None and _starts_range(text, before, timex):
            set_day(before, _same_day_before(_day_of(before), end))
        elif before is not None and _joins_months(text, before, timex):
            _months_in_order(before, timex, published)


# What sets a date beside the day it restates: "heute, am 10. August", "am Montag, dem 11."
_APPOSED = re.compile(r"\s*,\s*(?:(?:am|dem|den)\s+)?")


def _appositions_agree(text: str, found: list[Timex]) -> None:
    """A date without a year set beside a day it restates takes that day's year: "Heute,
    am 10. August" after "2014" had been 10 August 2014."""
    for day, date_ in itertools.pairwise(found):
        first, second = _day_of(day), _day_of(date_)
        if first is None or second is None or _FOUR_DIGITS.search(date_.text):
            continue
        restated = (first.month, first.day) == (second.month, second.day)
        if restated and _APPOSED.fullmatch(text, day.end, date_.start):
            set_day(date_, first)


def _starts_range(text: str, start: Timex, end: Timex) -> bool:
    """Whether ``start`` is a day that starts the range ``end`` ends and names its month
    but no year: a weekday's range moves by weeks ("Montag - Freitag geöffnet" had put
    Monday a year back, review 58)."""
    named = re.search(_MONTH_NAMES, start.text) and not _FOUR_DIGITS.search(start.text)
    joined = _RANGE_JOIN.fullmatch(text, start.end, end.start) is not None
    return bool(named) and joined and _day_of(start) is not None


_FOUR_DIGITS = re.compile(r"\d{4}")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")


def _joins_months(text: str, start: Timex, end: Timex) -> bool:
    """Whether ``start`` and ``end`` are months joined into a range ("von Oktober bis
    März"), each resolved on its own by the clause's tense."""
    months = all(t.value and _MONTH_VALUE.fullmatch(t.value) for t in (start, end))
    return months and _RANGE_JOIN.fullmatch(text, start.end, end.start) is not None


def _months_in_order(start: Timex, end: Timex, published: datetime | None) -> None:
    """A range of months runs forward. Where it ran backward ("von Oktober bis März" had
    ended seven months before it began), a year written wins; else a start still ahead of
    the publication keeps its year and the end moves on a year, and a start already past
    moves back a year with it ("von März bis Oktober war es warm")."""
    assert start.value and end.value
    if start.value <= end.value:
        return
    start_fixed, end_fixed = (bool(_FOUR_DIGITS.search(t.text)) for t in (start, end))
    ahead = published is not None and start.value >= f"{published:%Y-%m}"
    later = end.value[5:] < start.value[5:]  # the end's month is in the year after the start's
    if not end_fixed and (start_fixed or ahead):
        end.value = f"{int(start.value[:4]) + later}{end.value[4:]}"
    elif not start_fixed:
        start.value = f"{int(end.value[:4]) - later}{start.value[4:]}"


# The rules for a day and month without a year, whose year the tense picks.
_YEARLESS_DAY_RULES = frozenset({"date_dm", "date_range_first_day"})


def _repeated_days_agree(found: list[Timex]) -> None:
    """In news a day and month named again without a year is the day named first: "eine
    Waffenruhe für den 9. Mai ... keine Angebote zu einer Feuerpause am 9. Mai erhalten
    habe" had sent the second a year back by its clause's past (review 89)."""
    seen: dict[tuple[int, int], date] = {}
    for timex in found:
        day = _day_of(timex)
        if day is None or timex.rule not in _YEARLESS_DAY_RULES:
            continue
        first = seen.setdefault((day.month, day.day), day)
        if first != day:
            set_day(timex, first)


def _day_of(timex: Timex) -> date | None:
    if timex.value is None or not _DAY_VALUE.match(timex.value):
        return None
    with contextlib.suppress(ValueError):
        return date.fromisoformat(timex.value[:10])
    return None


def _first_day_before(day: int, end: date) -> date | None:
    """The day of the month ``day`` at or before ``end``: in its month, else the one before."""
    month = (end.year, end.month) if day <= end.day else _month_before(end.year, end.month)
    with contextlib.suppress(ValueError):
        return date(*month, day)
    return None


def _same_day_before(start: date | None, end: date) -> date | None:
    """``start``'s day and month in the year that puts it at or before ``end``, within a
    year of it."""
    if start is None:
        return None
    year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
    with contextlib.suppress(ValueError):
        return start.replace(year=year)
    return None


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _candidates(text: str, ruleset: RuleSet, kind: str) -> list[Candidate]:
    found = []
    starts = [m.start() for m in ruleset.starts.finditer(text)] if ruleset.starts else None
    for order, rule in enumerate(ruleset.rules):
        if rule.only not in (None, kind):
            continue
        for match in _rule_matches(text, rule, starts):
            if rule.bare is not None and not rule.bare.counts(text, match):
                continue
            start, end = match.span("span") if "span" in rule.regex.groupindex else match.span()
            # Nothing starts after "4:": "in 4:05,12 Minuten" is a race time, not 5.12 minutes.
            if end > start and not _CLOCK_BEFORE.match(text, max(0, start - 2), start):
                found.append(Candidate(start, end, match.end() - match.start(), order, rule, match))
    return found


_CLOCK_BEFORE = re.compile(r"\d:")


def _rule_matches(text: str, rule: Rule, starts: list[int] | None) -> list[re.Match[str]]:
    """What ``rule.regex.finditer(text)`` gives, tried only at ``starts`` (where some rule
    matches); an empty match, which finditer steps past in its own way, falls back to it."""
    if starts is None:
        return list(rule.regex.finditer(text))
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue
        match = rule.regex.match(text, at)
        if match is None:
            continue
        if match.end() == at:
            return list(rule.regex.finditer(text))
        found.append(match)
        end = match.end()
    return found


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Higher priority, then longest match, then earlier rule first; a candidate that overlaps
    one already chosen is dropped."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Candidate] = []
    ranked = sorted(candidates, key=lambda c: (-c.rule.priority, -c.length, c.order, c.start))
    for cand in ranked:
        i = bisect.bisect_left(starts, cand.start)
        if i < len(starts) and starts[i] < cand.end:
            continue
        if i > 0 and ends[i - 1] > cand.start:
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        chosen.insert(i, cand)
    return chosen


# --- resolving -----------------------------------------------------------------------------


_NONE: frozenset[str] = frozenset()


class Resolver:
    """Normalises candidates in text order, remembering the dates mentioned so far."""

    def __init__(
        self, text: str, published: datetime | None, narrative: bool, ruleset: RuleSet
    ) -> None:
        self.text = text
        self.narrative = narrative
        self.rules = ruleset
        self.dct = _local_day(published) if published else None
        self.last: dict[int, Point] = {}  # the last point mentioned with at least this grain
        self.headings = _heading_years(text) if narrative else []
        self.at = 0  # where the expression being resolved starts
        # the expressions resolved last: a range's start may need to move once its end is read
        self.recent: deque[Timex] = deque(maxlen=3)
        # the first month of the quarter last mentioned, until a month or day follows it
        self.quarter: Point | None = None
        # the days mentioned last, with where: a part of the day picks one by its tense
        self.days: deque[tuple[Candidate, Point]] = deque(maxlen=6)
        # in news, the year each month said without a year or day was given first
        self.months: dict[int, int] = {}
        # in news, the year last named, also by a relative year ("im vergangenen Jahr"),
        # which "Vorjahr" and "im Jahr zuvor" count from
        self.year_named: Point | None = None
        self.latest: Point | None = None  # the date said last, whatever placed its year

    def timex(self, cand: Candidate) -> Timex:
        if not self.narrative and self._new_paragraph(cand.start):
            self.last = {}  # news paragraphs are short: anaphora do not reach across them
            self.quarter = None
            self.year_named = None
            self.latest = None
        self.at = cand.start
        try:
            value, begin, end = NORMALISERS[cand.rule.normalise](self, cand)
        except OverflowError:  # past the calendar's ends: "am Dienstag" of 0001-01-01
            value, begin, end = None, None, None
        kind = cand.rule.type
        if kind == "DURATION" and value and not _LENGTH.match(value):
            # "in drei Wochen" ahead: a length that says when (timex_durations._ahead)
            kind = "DATE"
        if kind == "DATE" and value and _CLOCK.match(value):
            kind = "TIME"  # "2025-05-12T10:00", "2025-05-12TMO"; not "PRESENT_REF"
        if kind == "SET" and value and value[:1].isdigit():
            kind = "TIME"  # a habit's word said of one day: "Die Täter kamen nachts"
        if kind in ("DATE", "TIME") and cand.rule.sets_anchor:
            point = parse_point(value)
            passing = self._passing(cand, point)
            year_said = (self.narrative or _says_year(cand)) and not passing
            self.remember(point, year_said)
            if point is not None and (year_said or (point.grain == YEAR and not passing)):
                self.year_named = Point(point.year)
            self._note_quarter(value, point)
            if point is not None and point.grain == DAY:
                self.days.append((cand, point))
        text = self.text[cand.start : cand.end]
        found = Timex(cand.start, cand.end, text, kind, value, begin, end, cand.rule.name)
        self.recent.append(found)
        return found

    def _new_paragraph(self, start: int) -> bool:
        """Whether a line break, or a seam where a live blog runs one headline into the next
        ("Rückholaktion am MittwochErstes Flugzeug", "angegriffen20:29 Uhr"), lies between
        the expression before and this one: the headline's day is not the next one's."""
        if "\n" in self.text[self.at : start]:
            return True
        # the seam may end in the expression itself, the clock time glued to a headline
        seam = _SEAM.search(self.text, self.at, start + 6)
        return seam is not None and seam.start() + 3 <= start

    def _passing(self, cand: Candidate, point: Point | None) -> bool:
        """Whether the expression says no year the text is in: an end of a range ("bis Ende
        2030", "ab dem 1. Mai") says when something starts or stops, a year after "für"
        what a plan or forecast is for, in news ("Das war auch für 2026 erwartet. … am 10.
        September", said in August 2025, is this September; review 37), and so is one
        after a budget's noun (``cues.purpose_nouns``: "den Bundeshaushalt 2027 beschlossen.
        Der Bundestag soll ihn Ende November verabschieden", said in July 2026, is this
        November; review 105). A range end's day still anchors a time after it ("bis
        Sonntag 18.00 Uhr")."""
        before, cues = self.preposition(cand), self.rules.cues
        if before in cues.get("range_prepositions", ()):
            return True
        # In a history ("die Pläne für 1942"), the year is still the one the text is in.
        bare_year = point is not None and point.grain == YEAR and not self.narrative
        purpose = cues.get("purpose_prepositions", frozenset()) | cues.get("purpose_nouns", _NONE)
        return bare_year and before in purpose

    def preposition(self, cand: Candidate) -> str:
        """The word before the expression, past an article ("ab dem 1. August": "ab"); for
        the second of two joined by "und" or "oder", the first's ("für den 8. und 9. Mai")."""
        start = cand.start
        last = self.recent[-1] if self.recent else None
        if last is not None and _JOINED.fullmatch(self.text[last.end : start]):
            start = last.start
        words = _WORD.findall(self.text[max(0, start - 30) : start].lower())
        if words and words[-1] in self.rules.cues.get("preposition_articles", ()):
            words.pop()
        if words and words[-1] == "vom" and _FROM_ON.match(self.text, cand.end):
            return "ab"  # "vom 12. August an geöffnet" is a start, as "ab dem 12. August" is
        return words[-1] if words else ""

    def remember(self, point: Point | None, year_said: bool = True) -> None:
        """``point`` anchors what follows; in news, its year only if the text said one: a
        month after "im Januar" (this January, by the date) is placed by the date and tense
        again, not by the year "im Januar" was given."""
        if point is None:
            return
        self.latest = point
        for grain in range(YEAR if year_said else YEAR + 1, point.grain + 1):
            self.last[grain] = point

    def _note_quarter(self, value: str | None, point: Point | None) -> None:
        """A quarter ("im zweiten Quartal") anchors "Vorjahresquartal" until a month or a day
        is mentioned after it; its value has no month that ``last`` could keep."""
        said = _QUARTER_VALUE.fullmatch(value or "")
        if said:
            self.quarter = Point(int(said[1]), 3 * int(said[2]) - 2)
        elif point is not None and point.grain > YEAR:
            self.quarter = None

    def day_in_tense(self, cand: Candidate) -> Point | None:
        """For a part of the day in news ("am Abend"), the last day its sentence mentioned on
        its clause's side of the publication day, in a clause of the same tense: in "Am
        Mittwoch soll sie, die am Freitag in Paris war, nach Rom reisen, am Abend ist ein
        Empfang geplant" the evening is Wednesday's, not Friday's (review 75). Told in the
        past, it is not one still ahead: the publication day's. None where the clause has
        no tense or no such day was said."""
        tense = self.tense(cand) if self.dct is not None and not self.narrative else 0
        today = self.dct.as_date() if self.dct is not None else None
        if tense == 0 or today is None:
            return None
        said = self._said_in_tense(cand, tense, today)
        last = self.last.get(DAY)
        ahead = last is not None and (last.as_date() or today) > today
        return said or (self.dct if tense < 0 and ahead else None)

    def _said_in_tense(self, cand: Candidate, tense: int, today: date) -> Point | None:
        """The last day of the sentence on the ``tense``'s side of ``today``, said in a clause
        of that tense."""
        start = self._sentence_start(cand.start)
        for said, point in reversed(self.days):
            if said.start < start:
                return None
            day = point.as_date()
            if day is not None and (day - today).days * tense >= 0 and self.tense(said) == tense:
                return point
        return None

    def _sentence_start(self, at: int) -> int:
        """Where the sentence (or the line) around ``at`` begins, as :meth:`_around` reads
        it."""
        start = self._left(_SENTENCE_END, at)
        return max(start, self.text.rfind("\n", start, at) + 1)

    def anchor(self, kind: str, grain: int) -> Point | None:
        """The point a relative expression of this ``kind`` counts from, if it has ``grain``."""
        if kind == "now" and not self.narrative:
            return self.dct
        found = self.last.get(grain)
        if found is None and not self.narrative:
            return self.dct
        return found

    def year_for(self, kind: str) -> Point | None:
        """The year an underspecified date ("am 4. März", "im Herbst") belongs to."""
        if kind == "now" and not self.narrative:
            return self.dct
        # Under a heading that names one year ("1862", "Balkanfeldzug 1941"), dates without
        # a year belong to that year; other years in the section are mentioned in passing.
        section = _section_year(self.headings, self.at)
        if section is not None:
            return Point(section)
        return self.anchor(kind, YEAR)

    def from_dct(self, kind: str) -> bool:
        return not self.narrative and (kind == "now" or YEAR not in self.last)

    def tense(self, cand: Candidate) -> int:
        """-1 if the clause around the expression reads as past, +1 as future, else 0; a
        clause without a cue takes its sentence's ("Trump sagte, er werde ihn am Freitag
        treffen": the Friday ahead, though the sentence opens in the past). A preposition
        can say more than the verb: "die Wahl vom Februar" is past, and a start ("ab dem
        1. August gelten werde", said on 21 August) may lie either side of the date said."""
        before = self.preposition(cand)
        if before in self.rules.cues.get("past_prepositions", ()) or self._compared(cand):
            return -1
        if before in self.rules.cues.get("open_prepositions", ()):
            # What starts then lasts, so a start in a clause about the future may be past;
            # only its own clause's past ("die ab Dienstag begann") places it.
            return min(self._tense_within(cand, _CLAUSE_END), 0)
        # The sentence's tense without its verbs of saying: "…, bevor die Waffenruhe am
        # 22. April ausläuft, sagten Regierungsvertreter" is this April, not last year's.
        reporting = self.rules.cues.get("reporting", frozenset())
        own = self._tense_within(cand, _CLAUSE_END)
        return own or self._tense_within(cand, _SENTENCE_END, reporting)

    def clause_tense(self, cand: Candidate) -> int:
        """The tense of the clause around the expression alone, without its sentence's."""
        return self._tense_within(cand, _CLAUSE_END)

    def _compared(self, cand: Candidate) -> bool:
        """Whether the expression is what something is compared with (``cues.comparisons``:
        "steigen im Vergleich zum Montag", said on a Tuesday): a figure known, so a day gone
        by, whatever the verb's tense (review 170)."""
        words = _WORD.findall(self.text[max(0, cand.start - 30) : cand.start].lower())
        if words and words[-1] in self.rules.cues.get("preposition_articles", ()):
            words.pop()
        cues = self.rules.cues.get("comparisons", _NONE)
        return bool(words) and (words[-1] in cues or " ".join(words[-2:]) in cues)

    def plans(self, cand: Candidate) -> bool:
        """Whether the sentence around the expression has a word that plans ("angekündigt",
        "geplant", "angesetzt")."""
        words = _WORD.findall(self._around(cand, _SENTENCE_END))
        return not self.rules.cues.get("plan_words", frozenset()).isdisjoint(words)

    def _tense_within(
        self, cand: Candidate, stops: re.Pattern[str], skip: frozenset[str] = _NONE
    ) -> int:
        return _tense_of(self._around(cand, stops), self.rules.cues, skip)

    def sentence_text(self, cand: Candidate) -> str:
        """The expression's sentence."""
        return self._around(cand, _SENTENCE_END)

    def sentence_words(self, cand: Candidate) -> set[str]:
        """The lower-case words of the expression's sentence."""
        return set(_WORD.findall(self._around(cand, _SENTENCE_END).lower()))

    def _around(self, cand: Candidate, stops: re.Pattern[str]) -> str:
        """The text around the expression up to the stops either side (200 characters at
        most each way)."""
        after = next(self._stops(stops, cand.end, cand.end + 200), None)
        right = after if after is not None else min(len(self.text), cand.end + 200)
        return self.text[self._left(stops, cand.start) : right]

    def _left(self, stops: re.Pattern[str], at: int) -> int:
        """Where the clause or sentence around ``at`` begins: after the last stop before
        it, 200 characters back at most."""
        start = max(at - 200, 0)
        before = list(self._stops(stops, start, at))
        return before[-1] + 1 if before else start

    def _stops(self, stops: re.Pattern[str], start: int, end: int) -> Iterator[int]:
        """Where ``stops`` end a clause or sentence between ``start`` and ``end``: not a
        stop between two digits, a clock time's or a number's ("10.30 Uhr", "1.317", "2,5"),
        nor a day's full stop before its month ("am 8. und 9. Mai")."""
        for found in stops.finditer(self.text, start, end):
            at = found.start()
            if _inner_stop(self.text, at):
                continue
            yield at


_CLOCK = re.compile(r"[\dX]{4}\S*T")
_SENTENCE_END = re.compile(r"[.!?\n]")
# A dash between spaces sets off a clause as a comma does ("... aufgerufen - das teilte die
# Gewerkschaft mit": the report's past is not the strike's).
_CLAUSE_END = re.compile(r"[.!?,;:\n]|(?<= )[-–—](?= )")
# Whole names, also in the genitive ("des 9. Novembers"), or abbreviations with their full
# stop ("3. Jan van Aken" is no date).
_MONTH_NAMES = (
    "(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    "Dezember)s?\\b|(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\\."
)
# A day's full stop before its month, or before another day that has one ("8. und 9.
# Mai", "3. bis 5. Mai"): one or two digits, no number's end ("2:1.", "2019.").
_DAY_BEFORE_MONTH = re.compile(
    rf"(?<![\d.:,])\d{{1,2}}\.(?:\s*(?:,|/|und|oder|bis|auf|-|–)\s*(?:zum\s+|den\s+|am\s+)?\d{{1,2}}\.)*"
    rf"\s*(?:{_MONTH_NAMES})"
)


# "an" or "ab" closing "vom ...", not a preposition of its own ("vom 12. August an der Uni")
_FROM_ON = re.compile(r"\s+(?:an|ab)\b(?!\s+(?:der|die|das|dem|den|ein|eine|einer|einem|eines)\b)")


def _inner_stop(text: str, at: int) -> bool:
    """A stop between two digits, or a day's full stop before its month (see ``_stops``)."""
    if 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
        return True
    if text[at] != "." or not text[at - 1 : at].isdigit():
        return False
    digits = 2 if at >= 2 and text[at - 2].isdigit() else 1
    return _DAY_BEFORE_MONTH.match(text, at - digits) is not None


# Weak preterites ("besuchte", "meldeten", "änderte") end so; the stem and "en" or "n" give
# the infinitive.
_PRETERITE_ENDINGS = ("eten", "ete", "ten", "te")


# "am Montag zu entscheiden", "abzugeben": what is to be done lies ahead.
_ZU_INFINITIVE = re.compile(
    r"\bzu [a-zäöüß]+en\b"
    r"|\b(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|zurück|teil|statt)zu[a-zäöüß]{2,}en\b"
)


def _zu_infinitive(text: str, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the text has a "zu" infinitive; "zu den Vereinbarungen" is a preposition and
    its article (``cues.zu_determiners``), nothing to be done (review 279)."""
    determiners = cues.get("zu_determiners", _NONE)
    return any(
        not (found[0].startswith("zu ") and found[0][3:] in determiners)
        for found in _ZU_INFINITIVE.finditer(text)
    )


def _tense_of(text: str, cues: dict[str, frozenset[str]], skip: frozenset[str] = _NONE) -> int:
    words = [word for word in _WORD.findall(text) if word not in skip]
    if words and words[0] in cues.get("conditional_openers", ()):
        return 1  # ", sollte er am Freitag nicht einlenken": a condition lies ahead
    past = any(_past(words, i, cues) for i in range(len(words))) or _perfect(words, cues)
    # "konnte am Freitag abgewehrt werden": "werden" after a modal's past is the passive's
    # infinitive, no future (review 89)
    passive = not cues.get("past_modals", frozenset()).isdisjoint(words)
    future = any(w in cues.get("future", ()) and not (passive and w == "werden") for w in words)
    # "stattfinden könnten": what may come; "könnte verschickt worden sein" guesses at the past
    future = future or (not past and not cues.get("possible", frozenset()).isdisjoint(words))
    if not past and not future:
        future = _zu_infinitive(text, cues)
    return -1 if past and not future else 1 if future and not past else 0


_PARTICIPLE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|zurück|zu|um|über|durch|weg)?ge[a-zäöüß]+(?:t|en)"
    r"|[a-zäöüß]+iert"
    r"|(?:be|er|ver|zer|ent|emp)[a-zäöüß]{3,}(?:et|t)"  # "ereignet", "verletzt": no ge-
)


def _perfect(words: list[str], cues: dict[str, frozenset[str]]) -> bool:
    """A perfect with sein ("ist am Dienstag eskaliert"), or reported with "habe" ("habe sich
    am 12. Mai ereignet"; "hat" is a past cue itself). A participle after an article is an
    adjective: "Es sei ein Deal, der einen geregelten Austritt am 31. Oktober möglich mache"
    says nothing of the past."""
    auxiliary = any(w in cues.get("perfect_auxiliaries", ()) for w in words)
    # "ist ab Montag gesperrt" is a state, not what happened (``cues.state_participles``)
    states = cues.get("state_participles", frozenset())
    return auxiliary and any(
        _PARTICIPLE.fullmatch(w) and w not in states and not _after_opener(words, i, cues)
        for i, w in enumerate(words)
    )


def _after_opener(words: list[str], i: int, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the word follows an article or preposition, where a verb form is an
    adjective ("des subventionierten Preises"); not where an article or pronoun follows it,
    as the verb's subject: "Das kündigten die Minister an" (review 89)."""
    if i + 1 < len(words) and words[i + 1] in cues.get("verb_subjects", ()):
        return False
    return i > 0 and words[i - 1].lower() in cues.get("adjective_openers", ())


def _past(words: list[str], i: int, cues: dict[str, frozenset[str]]) -> bool:
    word = words[i]
    if not word[:1].islower() or word in cues.get("neither", ()):
        return False
    if word in cues.get("past", ()):
        return True
    return not _after_opener(words, i, cues) and _preterite(word)


@lru_cache(maxsize=65536)
def _preterite(word: str) -> bool:
    """A verb in the simple past, by its form: a weak one ("besuchte": "besuchen") or a
    strong one ("starben", "traf": a verb whose form is neither its infinitive nor a
    present or participle)."""
    lemma = lemmatize(word, lang="de")
    if lemma == word or not lemma.endswith("n"):
        return False
    for ending in _PRETERITE_ENDINGS:
        stem = word.removesuffix(ending)
        if stem != word and lemma in (stem + "en", stem + "n"):
            return True
        if stem != word and ending in ("te", "ten") and _mixed(stem, lemma.removesuffix("en")):
            return True
    if word.endswith(_STRONG_PAST_IN_T) and not word.endswith("tritt"):
        return True  # "erlitt", "trat", "hielt" (review 37: read as no tense)
    # Not a present in -t or -e ("trifft", "komme"), nor a participle ("getroffen").
    # Nor an infinitive with zu ("abzugeben").
    strong = not word.endswith(("t", "e")) and not _PARTICIPLE_EN.fullmatch(word)
    strong = strong and "zu" not in word[1:]
    return strong and lemma.endswith("en") and word[:1] == lemma[:1]


_VOWELS = re.compile("[aeiouäöü]")


def _mixed(stem: str, base: str) -> bool:
    """Whether ``stem`` + "te" is the past of a mixed verb or a modal whose infinitive is
    ``base`` + "en": its vowel changed ("brannte": brennen, "konnte": können; these had been
    read as no tense), or "-achte" for "-enken" and "-ingen" ("dachte",
    "brachte"). A participle made an adjective has a "ge" the infinitive lacks
    ("angewandte": anwenden)."""
    if stem.endswith("ach") and base.endswith(("enk", "ing")):
        return stem[:-3] == base[:-3]
    same_consonants = _VOWELS.sub("", stem) == _VOWELS.sub("", base)
    return stem != base and len(stem) == len(base) and same_consonants


# A participle in -en, also after a separable prefix: "aufgerufen" had been read as a
# strong past (review 74), which sent "sind am Sonntag zur Wahl aufgerufen" a week back.
# A prefixed weak one inflected in -ten stays a past: "dem im Oktober vorgestellten Plan"
# tells of what is done.
_PARTICIPLE_EN = re.compile(
    r"ge[a-zäöüß]+en"
    r"|(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|zurück|zu|um|über|durch|weg)ge[a-zäöüß]+(?<!t)en"
)

# Strong pasts in -t, which the rule against presents in -t would hide; "tritt" is one.
_STRONG_PAST_IN_T = ("litt", "ritt", "schnitt", "trat", "galt", "bat", "bot", "hielt", "riet")


def _says_year(cand: Candidate) -> bool:
    groups = cand.match.groupdict()
    return any(groups.get(name) for name in _YEAR_GROUPS)


def _local_day(published: datetime) -> Point:
    """The publication day in German time (``german.local_day``)."""
    day = local_day(published)
    return Point(day.year, day.month, day.day)


_HEADING_YEAR = re.compile(r"(?<![\d.])(1\d{3}|20\d{2})(?!\d)|(?<=/)\d{2}(?!\d)")


def _heading_years(text: str) -> list[tuple[int, int | None]]:
    """(offset, year) for each heading line with years: the year if it names one, else None.

    A heading is a short line without closing punctuation; one without a year is a
    subheading and leaves the year of the section it is in.
    """
    found: list[tuple[int, int | None]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if 0 < len(stripped) <= 90 and stripped[-1] not in '.!?:;,"“':
            years = {m.group(0) for m in _HEADING_YEAR.finditer(stripped)}
            if years:
                found.append((offset, int(years.pop()) if len(years) == 1 else None))
        offset += len(line)
    return found


def _section_year(headings: list[tuple[int, int | None]], at: int) -> int | None:
    i = bisect.bisect_right(headings, (at, 10**6)) - 1
    return headings[i][1] if i >= 0 else None


@component("timex", reads=("ner", "entities"))
def timex_component(article: Article, options: Options) -> None:
    """Fill ``article.timexes`` from the text, anchored on the publication time; the text
    under an update's dateline ("Update vom 28.04.2020, 12:45 Uhr: …") on that day."""
    found = datelined_timexes(article.text, article.published)
    # A person's name is no time: "Zweite wurde Jennifer Montag" (review 37).
    people = sorted((m.start, m.end) for m in article.mentions if m.type == "PER")
    starts = [start for start, _ in people]
    article.timexes = [t for t in found if not _inside(t, people, starts)]


def _inside(timex: Timex, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the timex lies inside one of the sorted, non-overlapping spans."""
    at = bisect.bisect_right(starts, timex.start) - 1
    return at >= 0 and timex.end <= spans[at][1]


def datelined_timexes(text: str, published: datetime | None) -> list[Timex]:
    """Time expressions of a text whose updates are stacked under datelines, as a live
    page's are: "am Montag" under "Update, 28.4.2020" is the Monday before that day, not
    before the page's last change. A dateline with a time alone stays on the day of the
    dateline before it; the text before the first dateline keeps the publication time."""
    sections = _update_sections(text, published) if published else []
    if not sections:
        return find_timexes(text, published)
    found = find_timexes(text[: sections[0][0]], published)
    for i, (start, day) in enumerate(sections):
        end = sections[i + 1][0] if i + 1 < len(sections) else len(text)
        for timex in find_timexes(text[start:end], day):
            timex.start, timex.end = timex.start + start, timex.end + start
            found.append(timex)
    return found


def _update_sections(text: str, published: datetime) -> list[tuple[int, datetime]]:
    """Where each dated update begins, with its day (noon, UTC) as the time to resolve
    against; none where the page has no dateline that names a day up to its publication."""
    labels = load_rules().cues.get("update_labels", frozenset())
    if not labels or not _UPDATE_WORD.search(text):
        return []
    sections: list[tuple[int, datetime]] = []
    day: datetime | None = None
    for match in _UPDATE_LABEL.finditer(text):
        if match.group("word").lower() not in labels:
            continue
        dated = [t.value for t in find_timexes(match.group(0), published) if t.value]
        days = [v[:10] for v in dated if _DAY_VALUE.match(v)]
        if days:
            day = datetime.fromisoformat(days[0]).replace(hour=12, tzinfo=UTC)
        if day is not None and day.date() <= published.date():
            sections.append((match.start(), day))
    return sections


_UPDATE_WORD = re.compile(r"\b(?:update|aktualisier|nachtrag)", re.I)
# A dateline opens its paragraph: "Update vom 03. Mai 2020, 16:05 Uhr:", "Update, 13:17 Uhr:".
_UPDATE_LABEL = re.compile(r"(?m)^[+* ]*(?P<word>[A-Za-zÄÖÜäöü]+)\b[^:\n]{0,60}:")
