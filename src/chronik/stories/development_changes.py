"""What changed in one event's history through a story: a plan or speculation confirmed, a
claim denied, the place or the time moved (``develop``, once the reports are merged); and
the actors the story's reports attest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from chronik.analysis.event_sentence import lexicon
from chronik.analysis.sentences import run_on
from chronik.analysis.timex_values import value_day, week_days
from chronik.model import Article
from chronik.stories.development_reports import (
    MAX_DAYS_APART,
    OCCASIONS,
    OPEN,
    SAID,
    WORD,
    Change,
    Codes,
    Report,
    StoryEvent,
    again,
    another,
    article_modality,
    article_modality_of,
    day_of,
    has_cue,
    place_key,
    planned_after,
    published_day,
    same_actor,
    specific_place,
    times_compatible,
    value_days,
)

_GUESSES = frozenset({"speculated", "suggested"})
# An event of this many reports with actors keeps the parties at least this share names.
_ATTESTED_REPORTS = 10
_ATTESTED_SHARE = 0.1


def develop(event: StoryEvent, articles: list[Article], codes: Codes) -> None:
    by_article = [
        (a.id, [r for r in event.reports if r.article_id == a.id])
        for a in articles
        if any(r.article_id == a.id for r in event.reports)
    ]
    modalities = [(aid, article_modality(reports)) for aid, reports in by_article]
    event.modality = _modality([m for _, m in modalities if m != "unspecified"])
    # The code most reports give: "Treffen" (040) over a single "besucht" (042).
    event.code = Counter(r.code for r in event.reports if r.code).most_common(1)[0][0]
    # A report that names none of the event's parties joined it by its type alone
    # (``_attach``): it may tell another event of that type, and changes nothing of this
    # one (review 98: "Bundesregierung verurteilt tödlichen Angriff auf UNIFIL-Truppe" had
    # confirmed the US attacks threatened, "Gestreikt wird Mittwoch auch am Berliner
    # Flughafen" moved the day of another union's strike).
    named = [(aid, [r for r in reports if _names_a_party(event, r)]) for aid, reports in by_article]
    # A threat or a demand (``SAID``) is neither confirmed nor denied.
    tells = (lambda r: False) if event.type in SAID else (lambda r: _names_a_party(event, r))
    # Of an attack, a report with its sides the other way round is the other side's.
    turned = _turned(codes) if event.type in lexicon().words("aimed_types") else None
    event.changes = _modality_changes(event.reports, event.type in OCCASIONS, tells, turned)
    event.changes += _place_changes(named)
    event.changes += _time_changes(named, once=event.type in OCCASIONS)
    _keep_attested_actors(event)


def _names_a_party(event: StoryEvent, report: Report) -> bool:
    """Whether the report names a party of the event, or the event has none to name."""
    return bool(report.actor_names) or not event.actors


def _keep_attested_actors(event: StoryEvent) -> None:
    """A party that one report of many added is left out: of 46 reports of the Alaska
    summit, one plan to meet Putin "und Selenskyj" had made it a meeting of three."""
    keep = attested(event)
    if len(keep) < len(event.actors):
        event.actors = [event.actors[i] for i in keep]
        event.actor_names = [event.actor_names[i] for i in keep]
        event.actor_codes = [event.actor_codes[i] for i in keep]
        event.roles = [event.roles[i] for i in keep if i < len(event.roles)]


def attested(event: StoryEvent) -> list[int]:
    """The positions of the event's parties that its reports attest: in an event of
    ``_ATTESTED_REPORTS`` or more reports that name actors, those that at least a tenth of
    them (and two) name; else every party (or every one, where none is so named)."""
    named = [set(r.actor_names) for r in event.reports if r.actor_names]
    every = list(range(len(event.actors)))
    if len(named) < _ATTESTED_REPORTS:
        return every
    keep = [
        i
        for i, name in enumerate(event.actor_names)
        if sum(name in names for names in named) >= max(2, _ATTESTED_SHARE * len(named))
    ]
    return keep or every


def _modality(definite: list[str]) -> str:
    """The modality of the latest article that gives one; but a plan reported after the
    event happened plans the next one ("Dort werden sie am Montag den US-Präsidenten
    treffen", after the Alaska summit): it does not make the summit planned again."""
    if not definite:
        return "unspecified"
    latest = definite[-1]
    return "happened" if latest in OPEN and "happened" in definite else latest


def _modality_changes(
    reports: list[Report],
    once: bool = False,
    tells: Callable[[Report], bool] = lambda r: True,
    turned: Callable[[Report, Report], bool] | None = None,
) -> list[Change]:
    """A plan or speculation later confirmed as happened, or a claim denied. Once an
    occasion (``once``) happened, only a plan for a later day opens it again: "verkündete,
    dass er sich mit Putin am 15. August treffen werde", written after the summit, had
    made each later report of it confirm it once more. A confirmation needs an earlier
    article that left the event open (review 98): one article that writes "offenbar
    angegriffen" and "hat getroffen", or "will Gespräche aufnehmen" above "nimmt die
    Gespräche auf", tells one thing twice, not news that came true. Only a report that
    ``tells`` may flag a change, the first of its article that does (one of no named
    party, "So läuft das Treffen ab", above the article's "Trump und Putin kommen ...
    zusammen", leaves the confirmation to the second). Nor does a report that ``turned``
    the sides of every open report of that article confirm it."""
    changes: list[Change] = []
    # Of an attack or a sanction (those that have sides to turn), what is announced without
    # a later day once it happened is more of it, not a plan to come true (``_Reading``).
    reading = _Reading(reports, once, aimed=turned is not None)
    for report in filter(_telling, reports):
        if report.modality in OPEN | {"denied"} and _stopping(report.sentence):
            continue  # "wollen ihre Angriffe einstellen": of its end, not of whether it is
        reading.enter(report)
        if report.modality == "happened" and _told_as_before(report, reading.opened):
            continue
        kind = reading.change(report, turned) if tells(report) else None
        if kind and not any(c.kind == kind and c.article_id == report.article_id for c in changes):
            # What is denied is what was said last: a rumour after a plan (review 48).
            before = reading.surest_then if kind == "confirmed" else reading.said
            changes.append(Change(kind, [before or ""], [report.modality], report.article_id))
        reading.take(report)
    return changes


@dataclass
class _Reading:
    """What the reports of one event said so far, read in order (``_modality_changes``)."""

    reports: list[Report]
    once: bool
    aimed: bool = False
    previous: str | None = None
    said: str | None = None  # what was said last, open or not: what a denial denies
    surest: str | None = None  # what came true was as sure as its surest word (_surer)
    done: date | None = None  # the day it last happened
    told: dict[str, set[str]] = field(default_factory=dict)  # what each article said
    left: str | None = None  # how the latest earlier article that said something left it
    surest_then: str | None = None  # ``surest`` after that article
    opened: date | None = None  # the day that article was published
    plans: list[Report] = field(default_factory=list)  # the open reports of that article
    planned: list[str] = field(default_factory=list)  # the days any open report stated
    article: str | None = None
    last: Report | None = None

    def enter(self, report: Report) -> None:
        """Close the previous article's account when the report starts a new article."""
        if report.article_id != self.article:
            if self.article in self.told:
                self.left = article_modality_of(self.told[self.article])
                self.surest_then = self.surest
                self.opened = published_day(self.last) if self.last is not None else None
                self.plans = [
                    r for r in self.reports if r.article_id == self.article and r.modality in OPEN
                ]
            self.article = report.article_id
        self.last = report
        if report.modality in OPEN and report.time_stated and report.time:
            self.planned.append(report.time)

    def change(self, report: Report, turned: Callable[[Report, Report], bool] | None) -> str | None:
        if report.modality != "happened":
            return _modality_change(self.previous, report)
        plans = self.plans
        turn = turned is not None and bool(plans) and all(turned(p, report) for p in plans)
        stale = _long_after(report, self.opened, self.planned)
        # "Erneut wird bei der Lufthansa gestreikt", "melden neue iranische Angriffe": what
        # came true is another occurrence, not the one left open (review 156)
        anew = again(report.sentence)
        return "confirmed" if self.left in OPEN and not (turn or stale or anew) else None

    def take(self, report: Report) -> None:
        """Count what the report said, unless it says nothing new of the event: no
        modality, a look back at an occasion that happened, a guess about one of any type
        that happened (its perpetrators, its extent: review 101, "geht die Polizei davon
        aus, dass die Täter wohl ... beeinflusst waren"), or a condition. Of an attack or a
        sanction (``aimed``), what is announced without a later day once it happened is
        more of it, told of a war going on, not a plan to come true: "kündigt weitere
        Angriffe an" weeks into the Iran war had been "confirmed" by the next attacks
        (review 103); a denial still denies it."""
        if report.modality == "unspecified":
            return
        if _looks_back(report, self.previous, self.done):
            if self.once or report.modality in _GUESSES:
                return
            if self.aimed:
                self.said = report.modality  # what a denial then denies
                return
        if report.modality in OPEN and _conditional(report.sentence):
            return
        self.previous = self.said = report.modality
        self.surest = _surer(self.surest, report.modality)
        self.told.setdefault(report.article_id, set()).add(report.modality)
        if report.modality == "happened":
            self.done = day_of(report)


def _long_after(report: Report, opened: date | None, planned: list[str]) -> bool:
    """Whether what happened is told more than a week after the last article that left the
    event open, on no day a plan gave (``planned``): news a week on tells another occurrence
    or the plan's fate in words of its own (review 101: Selenskyj's plan of 18 November to
    resume talks in Istanbul had been "confirmed" by US-Russian talks in Florida on 20
    December; Putin's meeting with Witkoff by the EU summit two weeks later)."""
    day = day_of(report)
    if opened is None or day is None or (day - opened).days <= MAX_DAYS_APART:
        return False
    return not any(times_compatible(day.isoformat(), t) for t in planned)


def _turned(codes: Codes) -> Callable[[Report, Report], bool]:
    """Whether a report has the sides of another the other way round: who acts there is
    acted on here, or the reverse, and no one acts or is acted on in both. "Bei
    Gegenangriffen auf Israel" does not confirm "Israel setzt seine Attacken ... fort", nor
    "Iran attackiert die Golfstaaten" an attack on Iran's leader (review 98)."""

    def shared(first: list[str], second: list[str]) -> bool:
        return any(same_actor(a, b, codes) for a in first for b in second)

    def turned(before: Report, after: Report) -> bool:
        crossed = shared(before.agents, after.targets) or shared(before.targets, after.agents)
        kept = shared(before.agents, after.agents) or shared(before.targets, after.targets)
        return crossed and not kept

    return turned


def _told_as_before(report: Report, day: date | None) -> bool:
    """Whether the report dates what happened before ``day``, the day an article still
    called the event open: it tells an earlier occurrence, and confirms nothing since
    (review 98: "Während der jüngsten Gesprächsrunde am vergangenen Wochenende ...", a day
    after "Für Sonntag sind ... erneut Gespräche geplant"; "Im Mai hatten CDU, CSU und SPD
    ihren Koalitionsvertrag unterzeichnet" after talk of changing it)."""
    stated = _last_day(report.time or "") if report.time_stated else None
    return day is not None and stated is not None and stated < day


def _last_day(value: str) -> date | None:
    """The last day of a day, week, month or year value."""
    days = value_days(value)
    if days is not None:
        return days[1]
    month = _MONTH.fullmatch(value)
    if month:
        year, number = int(month[1]), int(month[2])
        if not 1 <= number <= 12:
            return None
        return date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)
    return date(int(value), 12, 31) if re.fullmatch(r"\d{4}", value) else None


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _stopping(sentence: str) -> bool:
    """Whether the sentence tells of an end ("einstellen", "gestoppt"): a plan, a guess or
    a denial there is of the event's end, not of whether it takes place (review 98:
    "Israel und der Iran wollen ihre gegenseitigen Angriffe vorerst einstellen" had been
    confirmed by the next attack; "hat iranischen Angaben widersprochen, die Verhandlungen
    ... seien ... gestoppt" denied the talks)."""
    return has_cue(sentence, "stopping")


def _conditional(sentence: str) -> bool:
    """Whether the sentence sets a condition: a clause that opens with its verb ("sollte
    die Hisbollah nicht aufhören, ... werde Israel Ziele in Beirut angreifen", "Sollten
    die Kampfhandlungen weitergehen") or has "wenn" or "falls". What is open there is a
    threat's or a warning's, not a plan, and a later attack does not confirm it (review
    98: "hat den Golfstaaten ... gedroht, sollten sie Angriffe auf Iran ... erlauben",
    then "Drei Schiffe wurden von Iran angegriffen")."""
    inverted, conditions = _condition_words()
    for clause in _CONDITION_BREAK.split(sentence):
        words = [word.lower() for word in WORD.findall(clause)]
        if words and (words[0] in inverted or not conditions.isdisjoint(words)):
            return True
    return False


_CONDITION_BREAK = re.compile(r"[,;:–—.!?]")


@cache
def _condition_words() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs that open a condition's clause, and the words that set one ("wenn")."""
    raw = lexicon().raw
    return frozenset(raw["conditionals"]), frozenset(raw["negation"]["conditions"])


def _surer(previous: str | None, current: str) -> str:
    """How sure an open event is after ``current``: a guess at its day after the Kremlin
    announced it leaves it announced (review 47: "confirmed: speculated -> happened"), and
    a plan after an announcement too."""
    if previous in OPEN and current in OPEN and _CERTAINTY[current] > _CERTAINTY[previous or ""]:
        return previous or current
    return current


# Open modalities by how sure they are, the surest least; the last of two guesses stands.
_CERTAINTY = {"announced": 0, "planned": 1, "suggested": 2, "speculated": 2}


def _looks_back(report: Report, previous: str | None, done: date | None) -> bool:
    """A plan told after the occasion happened, for no later day: it tells the plan
    that came true, not a new one."""
    open_again = report.modality in OPEN and previous == "happened" and done is not None
    return open_again and not planned_after(report, done or date.min)


def _modality_change(previous: str | None, report: Report) -> str | None:
    """A denial changes the story where it calls off what was open ("Das Treffen findet
    nicht statt") or where someone denies it; "Belege lieferte sie nicht" after the fact
    denies nothing that was said."""
    current = report.modality
    if previous in OPEN and current == "happened":
        return "confirmed"
    denial = previous in OPEN or (previous == "happened" and bool(report.sources))
    denial = denial and not (previous == "happened" and another(report.sentence))
    if denial and current == "denied":
        return "denied"
    return None


def _place_changes(by_article: list[tuple[str, list[Report]]]) -> list[Change]:
    """Across articles only: within one article, places are one place at several scales.
    Up to the first article that says where it happened, as for times."""
    placed = [
        (aid, [r.location for r in reports if r.location and specific_place(r.location)])
        for aid, reports in _modality_reports(by_article)
    ]
    placed_then = _happened_in(by_article, lambda r: bool(r.location))
    return _value_changes("location", placed, _same_place, placed_then)


def _time_changes(by_article: list[tuple[str, list[Report]]], once: bool = True) -> list[Change]:
    """Where a later article gives the event another time, up to the first that gives the
    time it happened at: a plan may move, but what happened happened then, and a later time
    is a later occurrence (a war's attacks, one a day), not a correction. So is the time of
    a strike or an attack (not ``once``) an article gives after every day it was planned
    for is over (review 156: the pilots' strike on Monday had moved the cabin crew's of the
    Friday before)."""
    timed = [
        (aid, [r.time for r in reports if r.time_stated and r.time and not _past_plan(r)])
        for aid, reports in _modality_reports(by_article)
    ]
    # Any time, even a publication date: past the report that it happened, later articles'
    # days are of later meetings ("Dort werden sie am Montag ... treffen") far more often
    # than corrections (whole stream: 7 more false changes with stated times only).
    dated_then = _happened_in(by_article, lambda r: bool(r.time))
    published = {aid: _published_of(reports) for aid, reports in by_article}

    def over(article_id: str, before: list[str]) -> bool:
        day, last = published.get(article_id), [_last_day(v) for v in before]
        return day is not None and all(d is not None and d < day for d in last)

    return _value_changes("time", timed, _same_time, dated_then, None if once else over)


def _published_of(reports: list[Report]) -> date | None:
    return next((d for d in map(published_day, reports) if d is not None), None)


def _past_plan(report: Report) -> bool:
    """Whether the report calls the event still to come on a day over before its article
    was published: the day is misread (review 103: "hat zu Streiks am Donnerstag und
    Freitag aufgerufen", read as the week before, had moved the pilots' strike back a
    week)."""
    published = published_day(report)
    last = _last_day(report.time or "")
    return (
        report.modality in OPEN and published is not None and last is not None and last < published
    )


def _modality_reports(
    by_article: list[tuple[str, list[Report]]],
) -> list[tuple[str, list[Report]]]:
    """The reports that can move a place or a time: ones that say the event is planned,
    expected or happened, told in a sentence of its own (``_telling``)."""
    return [(aid, [r for r in reports if _moves(r)]) for aid, reports in by_article]


def _moves(report: Report) -> bool:
    """A report that says the event is planned, expected or happened, in a sentence of its
    own (``_telling``) and not of another occurrence (``another``)."""
    telling = report.modality in OPEN | {"happened"} and _telling(report)
    return telling and not another(report.sentence)


def _happened_in(
    by_article: list[tuple[str, list[Report]]], gives: Callable[[Report], bool]
) -> set[str]:
    """The articles with a report that the event happened and ``gives`` its place or time."""
    return {
        aid
        for aid, reports in by_article
        if any(r.modality == "happened" and gives(r) for r in reports)
    }


def _value_changes(
    kind: str,
    values: list[tuple[str, list[str]]],
    same: Callable[[str, str], bool],
    settled: set[str],
    anew: Callable[[str, list[str]], bool] | None = None,
) -> list[Change]:
    """A change to the event's place or time: a value none of the last article's values
    is ``same`` as, which the later articles keep. One that a later article goes back on
    (Freitag, then "am Freitag" read as last week's, then Freitag again) is a misreading,
    not news; one of an article that ``anew`` says is of the next occurrence is none."""
    changes: list[Change] = []
    before: list[str] = []
    for i, (article_id, given) in enumerate(values):
        now = list(dict.fromkeys(given))
        later = [v for _, vs in values[i + 1 :] for v in vs]
        moved = bool(before and now) and not _any_same(before, now, same)
        moved = moved and not (anew is not None and anew(article_id, before))
        kept = moved and not _any_same(before, later, same)
        if kept:
            changes.append(Change(kind, before, now, article_id))
        if kept or not moved:
            before = now or before  # a value gone back on later is no new "before"
        if article_id in settled:
            break
    return changes


def _any_same(first: list[str], second: list[str], same: Callable[[str, str], bool]) -> bool:
    return any(same(a, b) for a in first for b in second)


def _same_place(a: str, b: str) -> bool:
    return place_key(a) == place_key(b)


def _same_time(a: str, b: str) -> bool:
    """One value holds the other ("2023" and "2023-09-13", "2026-W31" and its Wednesday).
    Merging tolerates a week; a change is any other day ("Mittwoch" -> "Donnerstag")."""
    if a.startswith(b) or b.startswith(a):
        return True
    week, day = (a, b) if week_days(a) else (b, a)
    span, when = week_days(week), value_day(day)
    return bool(span and when and span[0] <= when <= span[1])


def _telling(report: Report) -> bool:
    """A report that can tell of a change: not a ticker's overview whose headlines run
    together ("Die Entwicklungen im Überblick:Vatikan kritisiert AngriffeDonnerstag ..."),
    where words of other events stand beside this one's."""
    return not run_on(report.sentence)
