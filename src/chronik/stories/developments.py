"""Story developments: one event followed through the articles of a story.

Mentions of the same event (same type, compatible actors, time and place) across a story's
articles merge into one ``StoryEvent`` with its history: which article said what, when, with
which modality and source. Changes along the way are flagged: the place changed, the time
changed, a speculation or plan was confirmed, a claim was denied. ``event_rows`` flattens
story events into rows modelled on GDELT's event table (see docs/export.md).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from chronik.analysis.event_actors import actor_codes, article_names, fallback_mentions
from chronik.analysis.event_grammar import lexicon
from chronik.analysis.sentences import run_on
from chronik.analysis.timex_values import value_day, week_days
from chronik.model import Article, BlockKind, Event, Stance
from chronik.stories.timeline import in_timeline_order, tense_cues

# Within one article, the strongest statement about the event stands for the article.
ARTICLE_PRECEDENCE = (
    "denied",
    "happened",
    "announced",
    "planned",
    "suggested",
    "speculated",
    "unspecified",
)
OPEN = frozenset({"planned", "announced", "suggested", "speculated"})
# What is planned for a day and happens once: a summit, an election. Strikes and attacks
# recur, and a story's one event of them holds several, each planned and then done.
OCCASIONS = frozenset({"meet", "elect"})
# What is done in saying it: a threat or a demand is made when it is reported, not planned
# and then carried out (what it threatens or demands is another event), nor denied when
# its addressee rejects it ("Kuba wies Trumps Drohung zurück"). It flags no confirmation
# or denial (review 98: "Trump droht Iran mit Militärschlag" had been confirmed by "Iran
# droht den USA").
SAID = frozenset({"threaten", "demand"})
# What is planned for a day, as an occasion is, though talks come in rounds: a report before
# that day that it happens is the plan told in the present ("Witkoff und Kushner reisen zu
# Gesprächen nach Pakistan", the day before they were to leave; review 101: it had
# confirmed the trip, which was called off).
_HELD_ON_A_DAY = OCCASIONS | {"negotiate"}
_MAX_DAYS_APART = 7
_GUESSES = frozenset({"speculated", "suggested"})
# An event of this many reports with actors keeps the parties at least this share names.
_ATTESTED_REPORTS = 10
_ATTESTED_SHARE = 0.1
_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[,;:–—]")


@dataclass(slots=True)
class Report:
    """What one article said about the event in one sentence."""

    article_id: str
    url: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    modality: str
    location: str | None
    location_id: str | None
    time: str | None
    time_stated: bool  # False when the time is the publication date of a past event
    sources: list[str]
    actor_names: list[str]
    code: str = ""
    location_code: str | None = None  # the place's ISO 3166 code, if it has one
    agents: list[str] = field(default_factory=list)  # the actors who act, by key
    targets: list[str] = field(default_factory=list)  # the actors acted on, by key


@dataclass(slots=True)
class Change:
    kind: str  # location, time, confirmed, denied
    before: list[str]
    after: list[str]
    article_id: str


@dataclass(slots=True)
class StoryEvent:
    id: str
    story_id: str | None
    type: str
    code: str
    actors: list[str]
    actor_names: list[str]
    actor_codes: list[str | None]
    reports: list[Report] = field(default_factory=list)
    modality: str = "unspecified"
    changes: list[Change] = field(default_factory=list)
    # Parallel to actors: "agent", "target", "partner" or "" (from events stored before
    # roles were told apart); see docs/events.md, "Roles".
    roles: list[str] = field(default_factory=list)

    @property
    def num_reports(self) -> int:
        return len(self.reports)

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def locations(self) -> list[str]:
        """Every place named for the event, in the order first named."""
        return list(dict.fromkeys(r.location for r in self.reports if r.location))

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s for r in self.reports for s in r.sources))


def story_events(articles: list[Article]) -> list[StoryEvent]:
    """The events of one story, each with its history and changes, in order of first report."""
    ordered = in_timeline_order(articles)
    order = {a.id: i for i, a in enumerate(ordered)}
    codes = _codes(ordered)
    built: list[StoryEvent] = []
    unassigned: list[tuple[Article, Event]] = []
    for article in ordered:
        for event in _reported(article):
            if not event.actors:
                unassigned.append((article, event))
            elif not (event.type == "deny" and _denies_open(built, article, event, codes)):
                _place(built, article, event, codes)
    for article, event in unassigned:
        _attach(built, article, event)
    for story_event in built:
        story_event.reports.sort(key=lambda r: (order[r.article_id], r.start))
        if story_event.type in OCCASIONS:
            reports = story_event.reports
            story_event.reports = [_unless_still_ahead(reports, n) for n in range(len(reports))]
        _develop(story_event, ordered, codes)
    return sorted(built, key=lambda s: (order[s.reports[0].article_id], s.reports[0].start))


def _reported(article: Article) -> list[Event]:
    """The article's events as its body reads them, less those in opinion paragraphs: an
    editorial's "Das geplante Treffen ... wirft Fragen auf" is a view of the meeting, not a
    report of its modality."""
    opinion = [(b.start, b.end) for b in article.blocks if b.stance is Stance.OPINION]
    return [
        event
        for event in _as_the_body_reads(article)
        if not any(start <= event.start < end for start, end in opinion)
    ]


class _Codes(dict[str, str]):
    """Actor codes by actor key, with the surname of each actor named as a person."""

    def __init__(self) -> None:
        super().__init__()
        self.surnames: dict[str, str] = {}


def _codes(articles: list[Article]) -> _Codes:
    """Actor codes over the whole story: the most specific code any article gives."""
    merged = _Codes()
    for article in articles:
        for key, code in actor_codes(article).items():
            if len(code) > len(merged.get(key, "")):
                merged[key] = code
        mentions = article.mentions or fallback_mentions(article)
        names = article_names(article, mentions)
        for mention in mentions:
            words = names.name(mention).casefold().split()
            if mention.type == "PER" and words:
                merged.surnames.setdefault(names.key(mention), words[-1])
    return merged


def _place(built: list[StoryEvent], article: Article, event: Event, codes: _Codes) -> None:
    if _disowned(event):
        event = replace(event, modality="denied")
    report = _report(article, event)
    fresh = _fresh_plan(article, event, report, codes)
    target = next((s for s in built if _same_event(s, event, report, codes, fresh)), None)
    if target is None:
        target = _new(article, event, codes)
        built.append(target)
    else:
        _widen_actors(target, article, event, codes)
        report = _as_planned(target, report) if target.type in _HELD_ON_A_DAY else report
    target.reports.append(report)


def _disowned(event: Event) -> bool:
    """Whether a party who acts in the event denies its part in it ("Die Hisbollah-Miliz
    bestritt, für den Angriff verantwortlich zu sein"): the events step leaves the attack
    itself undenied, which took place, but of the story event of that party's attack it is
    a denial, a dispute a reader wants flagged (review 103)."""
    if event.modality == "denied" or not _has_cue(event.sentence, "disowning"):
        return False
    words = {w.lower() for w in _WORD.findall(event.sentence)}
    if words.isdisjoint(lexicon().raw["involvement"]["words"]):
        return False
    acting = [n for n, r in zip(event.actor_names, _roles(event), strict=True) if r != "target"]
    return any(n.casefold() in s.casefold() for n in acting for s in event.sources)


def _unless_still_ahead(reports: list[Report], at: int) -> Report:
    """The report at ``at``: one that the event happened, after which the articles of the
    next week plan it for a later day, more of them than say it happened, is of another
    occurrence or misread: it tells nothing of this one ("Putin-Witkoff-Treffen beendet"
    of 6 August, before the plans for the Alaska summit; it had "confirmed" the summit)."""
    report = reports[at]
    published = _published_day(report)
    if report.modality != "happened" or published is None or report.time_stated:
        return report  # a report that gives its own day tells of that day
    if not _vague_plan_before(reports[:at], published):
        return report  # no plan came before it: it may be the first of a series
    week = [r for r in reports if r.article_id != report.article_id]
    week = [r for r in week if 0 < _days_after(r, published) <= _MAX_DAYS_APART]
    ahead = {r.article_id for r in week if r.modality in OPEN and _planned_after(r, published)}
    done = {r.article_id for r in week if r.modality == "happened"}
    if len(ahead) < 2 or len(ahead) <= len(done):
        return report
    return replace(report, modality="unspecified")


def _vague_plan_before(before: list[Report], published: date) -> bool:
    """Whether a plan without a day, or for a later one, came before ("Trump plant Treffen
    mit Putin", before the Witkoff meeting): what was then said to have happened did not
    fulfil a plan for that day."""
    return any(r.modality in OPEN and (_stated_day(r) or date.max) > published for r in before)


def _stated_day(report: Report) -> date | None:
    """The first day of the time the report's own sentence gives."""
    stated = _days(report.time or "") if report.time_stated else None
    return stated[0] if stated else None


def _published_day(report: Report) -> date | None:
    return value_day(report.published or "")


def _days_after(report: Report, day: date) -> int:
    published = _published_day(report)
    return (published - day).days if published else 0


def _planned_after(report: Report, day: date) -> bool:
    planned = _stated_day(report)
    return planned is not None and planned > day


def _as_planned(target: StoryEvent, report: Report) -> Report:
    """A report that the event happened, published before the day the latest plan set for
    it, reads as that plan: news writes what is coming in the present ("Trump trifft
    Putin:") and speaks of "nach seinem Gipfel" still ahead. The Alaska summit of
    15 August had been "confirmed" as happened on the 12th and the 14th."""
    published = _published_day(report)
    if report.modality != "happened" or published is None or report.time_stated:
        return report  # "traf ihn am Mittwoch": brought forward, or the plan's day misread
    if any(r.modality == "happened" and r.time_stated for r in target.reports):
        return report  # it happened on a day a report gave: the later ones tell of it
    plan = next((r for r in reversed(target.reports) if r.modality in OPEN and r.time_stated), None)
    planned = _days(plan.time or "") if plan is not None else None
    if plan is None or planned is None or published >= planned[0]:
        return report
    return replace(report, modality=plan.modality, time=plan.time, time_stated=False)


def _denies_open(built: list[StoryEvent], article: Article, event: Event, codes: _Codes) -> bool:
    """ "Beide Länder haben das dementiert": a denial by the parties of an open claim
    becomes that claim's denied report, where it names every party of it, two or more
    ("Tarvonien und Belvarien haben solche Pläne dementiert", in a later article), or
    where its article told the claim last before it ("das" and "die Berichte" refer back).
    Not one party's denial of something else: "Moskau dementiert." after an attack on a
    submarine had denied the meeting the Kremlin expected, and "Die US-Regierung bestreitet
    die Berichte" (on its missile stocks) a coming agreement (review 98)."""
    told = [e for e in _reported(article) if e.end <= event.start]
    last = max(told, key=lambda e: e.start, default=None)
    open_events = [
        s
        for s in built
        if s.reports[-1].modality in OPEN
        and _actors_compatible(s.actors, event.actors, codes)
        and (
            (len(s.actors) > 1 and len(event.actors) >= len(s.actors))
            or (
                last is not None
                and any(r.article_id == article.id and r.start == last.start for r in s.reports)
            )
        )
    ]
    if not open_events:
        return False
    deniers = event.sources or event.actor_names
    report = _report(article, replace(event, modality="denied", sources=deniers))
    open_events[-1].reports.append(report)
    return True


def _attach(built: list[StoryEvent], article: Article, event: Event) -> None:
    """An event without actors joins the best-attested event of its type, else stands alone."""
    same_type = [s for s in built if s.type == event.type]
    if same_type:
        target = max(same_type, key=lambda s: s.num_reports)
    else:
        target = _new(article, event, _Codes())
        built.append(target)
    target.reports.append(_report(article, event))


def _new(article: Article, event: Event, codes: _Codes) -> StoryEvent:
    # The first report fixes the id: stable as long as the story's first report is.
    seed = "|".join([article.story_id or "", event.type, *sorted(event.actors), article.id])
    seed += f"|{event.start}"
    return StoryEvent(
        id="e" + hashlib.sha256(seed.encode()).hexdigest()[:12],
        story_id=article.story_id,
        type=event.type,
        code=event.code,
        actors=list(event.actors),
        actor_names=_canonical(article, event),
        actor_codes=[codes.get(a) for a in event.actors],
        roles=_roles(event),
    )


def _roles(event: Event) -> list[str]:
    """The event's roles, one per actor; unknown ("") for an event stored without them."""
    return list(event.roles) if len(event.roles) == len(event.actors) else [""] * len(event.actors)


def _canonical(article: Article, event: Event) -> list[str]:
    """The actors by their entities' names ("Friedrich Merz"), not as one sentence wrote
    them ("Merz"); an actor that is no entity keeps its words."""
    names = {entity.id: entity.name for entity in article.entities}
    return [
        names.get(key, name) for key, name in zip(event.actors, event.actor_names, strict=False)
    ]


def _widen_actors(target: StoryEvent, article: Article, event: Event, codes: _Codes) -> None:
    """A later report may name a party the first one left out ("Kim besucht Russland"),
    or say the role of one whose role the first report did not know."""
    for key, name, role in zip(
        event.actors, _canonical(article, event), _roles(event), strict=False
    ):
        known = next((i for i, k in enumerate(target.actors) if _same_actor(key, k, codes)), None)
        if known is None:
            target.actors.append(key)
            target.actor_names.append(name)
            target.actor_codes.append(codes.get(key))
            target.roles.append(role)
        elif not target.roles[known]:
            target.roles[known] = role


def _report(article: Article, event: Event) -> Report:
    # A place run together with the next word by a scraped live blog ("LibanonUSA") is no
    # place to report, compare or call changed.
    place = event.location if event.location and not run_on(event.location) else None
    return Report(
        article_id=article.id,
        url=article.url,
        published=article.published.isoformat() if article.published else None,
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        modality=event.modality,
        location=place,
        location_id=event.location_id if place else None,
        time=event.time,
        time_stated=_time_stated(article, event),
        sources=list(event.sources),
        actor_names=list(event.actor_names),
        code=event.code,
        location_code=next(
            (e.code for e in article.entities if e.id == event.location_id and e.code), None
        ),
        agents=_in_role(event, "agent"),
        targets=_in_role(event, "target"),
    )


def _in_role(event: Event, role: str) -> list[str]:
    """The event's actors that take ``role`` ("agent", "target")."""
    return [a for a, r in zip(event.actors, _roles(event), strict=True) if r == role]


def _time_stated(article: Article, event: Event) -> bool:
    return event.time is not None and any(
        event.start <= t.start < event.end and t.value == event.time for t in article.timexes
    )


# --- what counts as the same event ---------------------------------------------------------


def _same_event(
    target: StoryEvent,
    event: Event,
    report: Report,
    codes: _Codes,
    fresh: list[Event] | None = None,
) -> bool:
    return (
        target.type == event.type
        and _actors_compatible(target.actors, event.actors, codes)
        and (not _one_of_several(target, event, report) or _anchored(target, report))
        and _times_compatible(target, report)
        and not _place_conflict(target, report)
        and not _after_plans(target, report)
        and not _next_occasion(target, report)
        and not (fresh is not None and _for_a_later_event(target, report, fresh))
        and not _past_beside_open(target, report, _happened_in_a_year)
        and not _past_beside_open(target, report, _recurring)
    )


def _one_of_several(target: StoryEvent, event: Event, report: Report) -> bool:
    """One actor on one side, several on the other, in another article: "Merz besuchte die
    Werft" may be part of "Merz trifft Macron", or another event of Merz's altogether.
    (Within one article, a sentence that names one of the parties is usually the same
    event.)"""
    sizes = sorted((len(target.actors), len(event.actors)))
    elsewhere = all(r.article_id != report.article_id for r in target.reports)
    return sizes[0] == 1 and sizes[1] > 1 and elsewhere


def _anchored(target: StoryEvent, report: Report) -> bool:
    """What makes such a report the same event: the same place, or a stated time that fits."""
    here = _norm(report.location) if _specific(report.location) else None
    places = {_norm(r.location) for r in target.reports if _specific(r.location)}
    stated = [r.time for r in target.reports if r.time_stated and r.time]
    timed = report.time_stated and report.time and stated
    return (here is not None and here in places) or bool(
        timed and any(times_compatible(report.time or "", t) for t in stated)
    )


def _actors_compatible(known: list[str], new: list[str], codes: _Codes) -> bool:
    """Every actor of the smaller side is one of the larger side's (by id, name or code)."""
    small, large = sorted((known, new), key=len)
    return bool(small) and all(any(_same_actor(a, b, codes) for b in large) for a in small)


def _same_actor(a: str, b: str, codes: _Codes) -> bool:
    """Same key; or the same actor code ("Kreml" and "Putin", both RUSGOV); or a country
    and someone acting for it ("Nordkorea" PRK and "Kim Jong Un" PRKGOV)."""
    if a == b:
        return True
    code_a, code_b = codes.get(a, ""), codes.get(b, "")
    # A role alone ("GOV": an "Außenminister" of no named country) says whose side an
    # actor is on no more than no code does (review 101: Wadephul's call with Rubio had
    # joined a planned meeting of Netanjahu and Aoun, both "GOV", and confirmed it).
    if not code_a or not code_b or code_a in _role_codes() or code_b in _role_codes():
        return False
    # Two persons are two parties, though both act for one government: "Donald Trump" is
    # not "Marco Rubio" (USAGOV; review 103: Trump's meeting with Selenskyj had joined
    # Rubio's with the EU and Ukraine), unless they share a surname, one person written
    # two ways ("Izchak Herzog", "Isaac Herzog").
    surnames = codes.surnames
    if a in surnames and b in surnames and surnames[a] != surnames[b]:
        return False
    if code_a == code_b and len(code_a) > 3:
        return True
    bare = len(code_a) == 3 or len(code_b) == 3
    return bare and code_a[:3] == code_b[:3] and code_a[:3].isalpha()


@cache
def _role_codes() -> frozenset[str]:
    return frozenset(lexicon().actors["roles"].values())


def _times_compatible(target: StoryEvent, report: Report) -> bool:
    """A stated time fits one the event's reports state. What happened must fit every
    time it is said to have happened: attacks a week apart each, over a month, are many
    attacks, not one that moved (a plan may move, and the change is news)."""
    stated = [r.time for r in target.reports if r.time_stated and r.time]
    if not report.time_stated or not report.time or not stated:
        return True
    happened = [
        r.time for r in target.reports if r.time_stated and r.time and r.modality == "happened"
    ]
    if report.modality == "happened" and happened:
        return all(times_compatible(report.time, t) for t in happened)
    return any(times_compatible(report.time, t) for t in stated)


def times_compatible(a: str, b: str) -> bool:
    """One value contains the other ("2023" and "2023-09-13"), or they are at most a week
    apart; a week ("2025-W33", "in der kommenden Woche") spans its seven days."""
    if a.startswith(b) or b.startswith(a):
        return True
    first, second = _days(a), _days(b)
    if first is None or second is None:
        return False
    gap = max(first[0] - second[1], second[0] - first[1]).days
    return gap <= _MAX_DAYS_APART


def _days(value: str) -> tuple[date, date] | None:
    """The first and last day a value names, if it names days or a week."""
    week = week_days(value)
    if week is not None:
        return week
    day = value_day(value)
    return (day, day) if day else None


def _place_conflict(target: StoryEvent, report: Report) -> bool:
    """Reports from different articles that both say it happened, at different places
    (neither naming the other), are two events. Within one article, places are scales."""
    if report.modality != "happened" or not _specific(report.location):
        return False
    here = _norm(report.location)
    elsewhere = {
        _norm(r.location)
        for r in target.reports
        if r.modality == "happened" and _specific(r.location) and r.article_id != report.article_id
    }
    return bool(elsewhere) and not any(here in p or p in here for p in elsewhere)


def _after_plans(target: StoryEvent, report: Report) -> bool:
    """An event dated well before an article that still called it open is an earlier one."""
    if report.modality != "happened" or not report.time_stated or not report.time:
        return False
    when = value_day(report.time) or value_day(report.time[:4] + "-12-31")
    plans = [value_day(r.published) for r in target.reports if r.modality in OPEN and r.published]
    return when is not None and any(p and (p - when).days > _MAX_DAYS_APART for p in plans)


def _next_occasion(target: StoryEvent, report: Report) -> bool:
    """A plan that names one party of an occasion of several, for a day after the occasion
    happened as planned, in an article published after it happened, plans that party's
    next one: "Dort werden sie am Montag den US-Präsidenten treffen", two days after the
    Alaska summit, had opened the summit again, and a report of the Washington meeting
    "confirmed" it (review 103). The same parties' plan for a later day opens it again."""
    published = _published_day(report)
    stated = _days(report.time or "") if report.time_stated else None
    one = len(report.actor_names) == 1 and len(target.actors) > 1
    if target.type not in OCCASIONS or report.modality not in OPEN or not one:
        return False
    if published is None or stated is None:
        return False
    planned = [_stated_day(r) for r in target.reports if r.modality in OPEN]
    done = [_day_of(r) for r in target.reports if r.modality == "happened"]
    kept = [d for d in done if d and any(p and p <= d for p in planned)]
    return any(d < published and d < stated[0] for d in kept)


def _fresh_plan(
    article: Article, event: Event, report: Report, codes: _Codes
) -> list[Event] | None:
    """For a plan or an announcement without a day that its article makes now (not told as
    made before, "hatte angekündigt", or confirmed, "bestätigte das Treffen"), the
    article's own accounts of the same parties' event of that type as past; None for any
    other report (review 52, 53)."""
    if report.modality not in _AHEAD or report.time_stated or report.published is None:
        return None
    if _retold(report.sentence):
        return None
    return [
        e
        for e in article.events
        if e.type == event.type
        and e.modality == "happened"
        and _actors_compatible(e.actors, event.actors, codes)
    ]


def _for_a_later_event(target: StoryEvent, report: Report, told: list[Event]) -> bool:
    """A fresh plan is of a later event than ``target`` where another article said it
    happened before the plan's day, unless the plan's own article tells it as past at a
    time that fits (a confirmation; not "Zuletzt hatten sich die beiden im März
    getroffen", review 54)."""
    if not _happened_before(target, report):
        return False
    times = [r.time for r in target.reports if r.modality == "happened" and r.time]
    return not any(e.time is None or any(times_compatible(e.time, t) for t in times) for e in told)


def _retold(sentence: str) -> bool:
    """Whether a clause of the sentence confirms ("bestätigte das Treffen") or tells the
    plan as made before ("Merz hatte angekündigt"), not a clause of something else
    ("Nachdem Scholz abgesagt hatte, kündigte Merz an"), a report's aside after the first
    ("wie ein Sprecher bestätigte", ", bestätigte ein Sprecher") or a negated one ("noch
    nicht bestätigt"; review 53, 54)."""
    cues = tense_cues()
    for at, clause in enumerate(_CLAUSE_BREAK.split(sentence)):
        found = [word.lower() for word in _WORD.findall(clause)]
        words = set(found)
        negated = any(
            word in cues["negations"] and found[k + 1 : k + 2] != ["nur"]
            for k, word in enumerate(found)
        )
        if not found or negated:
            continue
        if at and (found[0] in cues["asides"] or found[0] in cues["confirmed"]):
            continue
        if not words.isdisjoint(cues["confirmed"]) or (
            not words.isdisjoint(cues["retold"]) and not words.isdisjoint(cues["announcing"])
        ):
            return True
    return False


def _happened_before(target: StoryEvent, report: Report) -> bool:
    """Whether a report said the event happened before the day of ``report``'s article: then
    a fresh plan is of a later one ("Putin kündigte an, Nordkorea bald zu besuchen", the day
    after the summit, had joined the summit; review 47), the mirror of :func:`_after_plans`,
    unless the plan's own article tells it (:func:`_for_a_later_event`)."""
    published = _published_day(report)
    happened = [r for r in target.reports if r.modality == "happened"]
    return published is not None and any(
        (day := _stated_day(r) or _published_day(r)) and published > day for r in happened
    )


_AHEAD = frozenset({"planned", "announced"})


def _past_beside_open(target: StoryEvent, report: Report, past: Callable[[Report], bool]) -> bool:
    """A past event of the kind ``past`` tells is not the one the same article calls open
    ("wird Putin treffen"), in either order. A later article may report the event itself
    so, and confirm it."""
    same = [r for r in target.reports if r.article_id == report.article_id]
    if past(report):
        return any(r.modality in OPEN for r in same)
    return report.modality in OPEN and any(past(r) for r in same)


def _happened_in_a_year(report: Report) -> bool:
    """In an undated article, which gives :func:`_after_plans` nothing to measure by: what
    happened in a stated year ("Seit 2019 gab es mehrere Treffen")."""
    stated = report.time if report.time_stated else None
    return report.published is None and report.modality == "happened" and len(stated or "") == 4


def _recurring(report: Report) -> bool:
    """What happened again and again ("Russland hat mehrfach als Vermittler bei den
    Gesprächen ... agiert")."""
    words = set(re.findall(r"\w+", report.sentence.lower()))
    return report.modality == "happened" and bool(words & lexicon().words("recurring"))


def _specific(place: str | None) -> bool:
    return bool(place) and _norm(place) not in lexicon().actors["countries"]


def _norm(place: str | None) -> str:
    return (place or "").casefold().strip()


# --- development: modality and changes ------------------------------------------------------


def _as_the_body_reads(article: Article) -> list[Event]:
    """The article's events, its headline's read as its body reads them: a headline in the
    present ("Merz trifft Macron in Paris") reads as happened, but news writes headlines so
    for what is still to come; where the body calls the same event open ("wird am Mittwoch
    ... treffen") and nowhere happened, the headline's event is open too, at the body's
    time; not by a plan of a further occurrence (``another``: "kündigt eine Fortsetzung
    der Verhandlungen an" below "USA und Iran beenden Gespräche in Oman", review 103)."""
    first = article.blocks[0] if article.blocks else None
    end = first.end if first is not None and first.kind is BlockKind.HEADLINE else 0
    body = [e for e in article.events if e.start >= end]
    read = []
    for event in article.events:
        same = [b for b in body if b.type == event.type and set(b.actors) & set(event.actors)]
        plan = next((b for b in same if b.modality in OPEN and not _another(b.sentence)), None)
        headline = event.start < end and event.modality == "happened"
        if headline and plan is not None and all(b.modality != "happened" for b in same):
            event = replace(event, modality=plan.modality, time=plan.time)
        read.append(event)
    return read


def _develop(event: StoryEvent, articles: list[Article], codes: _Codes) -> None:
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
    event.changes += _time_changes(named)
    _keep_attested_actors(event)


def _names_a_party(event: StoryEvent, report: Report) -> bool:
    """Whether the report names a party of the event, or the event has none to name."""
    return bool(report.actor_names) or not event.actors


def _keep_attested_actors(event: StoryEvent) -> None:
    """A party that one report of many added is left out: of 46 reports of the Alaska
    summit, one plan to meet Putin "und Selenskyj" had made it a meeting of three."""
    named = [set(r.actor_names) for r in event.reports if r.actor_names]
    if len(named) < _ATTESTED_REPORTS:
        return
    keep = [
        i
        for i, name in enumerate(event.actor_names)
        if sum(name in names for names in named) >= max(2, _ATTESTED_SHARE * len(named))
    ]
    if keep:
        event.actors = [event.actors[i] for i in keep]
        event.actor_names = [event.actor_names[i] for i in keep]
        event.actor_codes = [event.actor_codes[i] for i in keep]
        event.roles = [event.roles[i] for i in keep if i < len(event.roles)]


def _modality(definite: list[str]) -> str:
    """The modality of the latest article that gives one; but a plan reported after the
    event happened plans the next one ("Dort werden sie am Montag den US-Präsidenten
    treffen", after the Alaska summit): it does not make the summit planned again."""
    if not definite:
        return "unspecified"
    latest = definite[-1]
    return "happened" if latest in OPEN and "happened" in definite else latest


def article_modality(reports: list[Report]) -> str:
    return article_modality_of({r.modality for r in reports})


def article_modality_of(modalities: set[str]) -> str:
    """The strongest of an article's modalities (``ARTICLE_PRECEDENCE``)."""
    return next((m for m in ARTICLE_PRECEDENCE if m in modalities), "unspecified")


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
                self.opened = _published_day(self.last) if self.last is not None else None
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
        return "confirmed" if self.left in OPEN and not (turn or stale) else None

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
            self.done = _day_of(report)


def _long_after(report: Report, opened: date | None, planned: list[str]) -> bool:
    """Whether what happened is told more than a week after the last article that left the
    event open, on no day a plan gave (``planned``): news a week on tells another occurrence
    or the plan's fate in words of its own (review 101: Selenskyj's plan of 18 November to
    resume talks in Istanbul had been "confirmed" by US-Russian talks in Florida on 20
    December; Putin's meeting with Witkoff by the EU summit two weeks later)."""
    day = _day_of(report)
    if opened is None or day is None or (day - opened).days <= _MAX_DAYS_APART:
        return False
    return not any(times_compatible(day.isoformat(), t) for t in planned)


def _turned(codes: _Codes) -> Callable[[Report, Report], bool]:
    """Whether a report has the sides of another the other way round: who acts there is
    acted on here, or the reverse, and no one acts or is acted on in both. "Bei
    Gegenangriffen auf Israel" does not confirm "Israel setzt seine Attacken ... fort", nor
    "Iran attackiert die Golfstaaten" an attack on Iran's leader (review 98)."""

    def shared(first: list[str], second: list[str]) -> bool:
        return any(_same_actor(a, b, codes) for a in first for b in second)

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
    days = _days(value)
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
    return _has_cue(sentence, "stopping")


def _another(sentence: str) -> bool:
    """Whether the sentence tells of another occurrence ("zu einem weiteren Streik", "keinen
    neuen Angriff", "erneut"): its day and place are that one's, and what it denies is not
    what happened (review 101)."""
    return _has_cue(sentence, "another")


def _has_cue(sentence: str, cue: str) -> bool:
    """Whether a word of the sentence is one of the ``cue`` words of ``tense.json``."""
    return not tense_cues()[cue].isdisjoint(w.lower() for w in _WORD.findall(sentence))


def _conditional(sentence: str) -> bool:
    """Whether the sentence sets a condition: a clause that opens with its verb ("sollte
    die Hisbollah nicht aufhören, ... werde Israel Ziele in Beirut angreifen", "Sollten
    die Kampfhandlungen weitergehen") or has "wenn" or "falls". What is open there is a
    threat's or a warning's, not a plan, and a later attack does not confirm it (review
    98: "hat den Golfstaaten ... gedroht, sollten sie Angriffe auf Iran ... erlauben",
    then "Drei Schiffe wurden von Iran angegriffen")."""
    inverted, conditions = _condition_words()
    for clause in _CONDITION_BREAK.split(sentence):
        words = [word.lower() for word in _WORD.findall(clause)]
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
    return open_again and not _planned_after(report, done or date.min)


def _day_of(report: Report) -> date | None:
    return _stated_day(report) or _published_day(report)


def _modality_change(previous: str | None, report: Report) -> str | None:
    """A denial changes the story where it calls off what was open ("Das Treffen findet
    nicht statt") or where someone denies it; "Belege lieferte sie nicht" after the fact
    denies nothing that was said."""
    current = report.modality
    if previous in OPEN and current == "happened":
        return "confirmed"
    denial = previous in OPEN or (previous == "happened" and bool(report.sources))
    denial = denial and not (previous == "happened" and _another(report.sentence))
    if denial and current == "denied":
        return "denied"
    return None


def _telling(report: Report) -> bool:
    """A report that can tell of a change: not a ticker's overview whose headlines run
    together ("Die Entwicklungen im Überblick:Vatikan kritisiert AngriffeDonnerstag ..."),
    where words of other events stand beside this one's."""
    return not run_on(report.sentence)


def _place_changes(by_article: list[tuple[str, list[Report]]]) -> list[Change]:
    """Across articles only: within one article, places are one place at several scales.
    Up to the first article that says where it happened, as for times."""
    placed = [
        (aid, [r.location for r in reports if r.location and _specific(r.location)])
        for aid, reports in _modality_reports(by_article)
    ]
    placed_then = _happened_in(by_article, lambda r: bool(r.location))
    return _value_changes("location", placed, _same_place, placed_then)


def _time_changes(by_article: list[tuple[str, list[Report]]]) -> list[Change]:
    """Where a later article gives the event another time, up to the first that gives the
    time it happened at: a plan may move, but what happened happened then, and a later time
    is a later occurrence (a war's attacks, one a day), not a correction."""
    timed = [
        (aid, [r.time for r in reports if r.time_stated and r.time and not _past_plan(r)])
        for aid, reports in _modality_reports(by_article)
    ]
    # Any time, even a publication date: past the report that it happened, later articles'
    # days are of later meetings ("Dort werden sie am Montag ... treffen") far more often
    # than corrections (whole stream: 7 more false changes with stated times only).
    dated_then = _happened_in(by_article, lambda r: bool(r.time))
    return _value_changes("time", timed, _same_time, dated_then)


def _past_plan(report: Report) -> bool:
    """Whether the report calls the event still to come on a day over before its article
    was published: the day is misread (review 103: "hat zu Streiks am Donnerstag und
    Freitag aufgerufen", read as the week before, had moved the pilots' strike back a
    week)."""
    published = _published_day(report)
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
    own (``_telling``) and not of another occurrence (``_another``)."""
    telling = report.modality in OPEN | {"happened"} and _telling(report)
    return telling and not _another(report.sentence)


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
) -> list[Change]:
    """A change to the event's place or time: a value none of the last article's values
    is ``same`` as, which the later articles keep. One that a later article goes back on
    (Freitag, then "am Freitag" read as last week's, then Freitag again) is a misreading,
    not news."""
    changes: list[Change] = []
    before: list[str] = []
    for i, (article_id, given) in enumerate(values):
        now = list(dict.fromkeys(given))
        later = [v for _, vs in values[i + 1 :] for v in vs]
        moved = bool(before and now) and not _any_same(before, now, same)
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
    return _norm(a) == _norm(b)


def _same_time(a: str, b: str) -> bool:
    """One value holds the other ("2023" and "2023-09-13", "2026-W31" and its Wednesday).
    Merging tolerates a week; a change is any other day ("Mittwoch" -> "Donnerstag")."""
    if a.startswith(b) or b.startswith(a):
        return True
    week, day = (a, b) if week_days(a) else (b, a)
    span, when = week_days(week), value_day(day)
    return bool(span and when and span[0] <= when <= span[1])


# --- export rows ------------------------------------------------------------------------------


def event_rows(events: list[StoryEvent]) -> list[dict[str, Any]]:
    """One row per story event, with fields modelled on GDELT's event table."""
    return [_row(e) for e in events]


def _row(event: StoryEvent) -> dict[str, Any]:
    first, second = _sides(event.roles or [""] * len(event.actors))
    names: list[str | None] = [*event.actor_names, None]
    codes = [*event.actor_codes, None]
    return {
        "event_id": event.id,
        "story_id": event.story_id,
        "event_type": event.type,
        "event_code": event.code,
        "actor1_name": names[first],
        "actor1_code": codes[first],
        "actor2_name": names[second],
        "actor2_code": codes[second],
        "actors": list(event.actor_names),
        "roles": list(event.roles),
        "date": _date(event),
        "location_name": _current_place(event),
        "location_names": event.locations,
        "modality": event.modality,
        "sources": event.sources,
        "num_reports": event.num_reports,
        "num_articles": len(event.article_ids),
        "article_ids": event.article_ids,
        "urls": list(dict.fromkeys(r.url for r in event.reports if r.url)),
        "changes": [asdict(c) for c in event.changes],
        "history": [_history(r) for r in event.reports],
    }


def _sides(roles: list[str]) -> tuple[int, int]:
    """Which actors are GDELT's actor1 (who acts) and actor2 (who is acted on or met), as
    indices into the actors; ``len(roles)`` for none. The first agent and the first target;
    partners, and actors of unknown role, fill a side left empty, in text order. An attack
    on Trump has no actor1: who attacked is not named."""
    none = len(roles)
    agents = [i for i, r in enumerate(roles) if r == "agent"]
    targets = [i for i, r in enumerate(roles) if r == "target"]
    others = [i for i, r in enumerate(roles) if r in {"partner", ""}]
    if not agents and not targets:
        padded = [*others, none, none]
        return padded[0], padded[1]
    first = agents[0] if agents else (others[0] if others else none)
    rest = [i for i in others if i != first]
    second = targets[0] if targets else (rest[0] if rest else none)
    return first, second


def _date(event: StoryEvent) -> str | None:
    """When reports say it happened; else a time a report states (the day it was planned
    for: "traf ihn am Freitag" written later, or "nach dem Treffen" without a day, gives
    only a publication date); else a time any report gives. At each step, the time most
    of those reports give (``_most_given``). A day after the reports that it happened is
    no day it happened on: "Trump hat gestern ... die Verantwortung für den Ausgang
    dieses Treffens ... abgeschoben" had dated the Alaska summit two days late."""
    first = _first_happened(event)
    preferences: tuple[Callable[[Report], bool], ...] = (
        lambda r: r.modality == "happened" and r.time_stated and not _told_before(event, r),
        lambda r: r.time_stated and not _later_plan(r, first),
        lambda r: r.modality == "happened",
        lambda r: True,
    )
    for wanted in preferences:
        chosen = [r.time for r in event.reports if r.time and wanted(r)]
        if chosen:
            return _most_given(chosen)
    return None


def _told_before(event: StoryEvent, report: Report) -> bool:
    """Whether two articles or more had said the event happened before the day the report
    dates it: it cannot have happened then, and the time is of another clause of its
    sentence. (One such article may be a plan misread.)"""
    stated = _days(report.time or "")
    if stated is None:
        return False
    earlier = {
        r.article_id
        for r in event.reports
        if r.modality == "happened" and (day := _published_day(r)) and day < stated[0]
    }
    return len(earlier) > 1


def _most_given(times: list[str]) -> str:
    """The time most reports give, by its day; of those, a day before a week or month
    ("2026-07-29" before "2026-W31"), then the first given. One report read a week off
    ("am Freitag" taken for last week's) does not move the day the others agree on; the
    last report given had decided (the US attack on Iran of 28 February was dated 19 March,
    when 65 reports of the war's first weeks had been merged into it)."""
    days = Counter(t[:10] for t in times)
    most = max(days.values())
    tied = [t for t in times if days[t[:10]] == most]
    return next((t for t in tied if value_day(t) is not None), tied[0])


def _first_happened(event: StoryEvent) -> str | None:
    """The publication day of the first report that says the event happened."""
    days = [r.published[:10] for r in event.reports if r.modality == "happened" and r.published]
    return min(days) if days else None


def _later_plan(report: Report, first_happened: str | None) -> bool:
    """A plan published after the event was reported as happened: as for the modality
    (``_modality``), it plans the next one, and its day is not this event's."""
    if first_happened is None or report.modality not in OPEN:
        return False
    return (report.published or "")[:10] > first_happened


def _current_place(event: StoryEvent) -> str | None:
    """The latest specific place, preferring one where the event is said to have happened;
    where that is a country, a part of it that other reports name ("in Alaska" inside "in
    den USA", by ISO 3166-2 code) says more."""
    happened = [r for r in event.reports if r.modality == "happened" and r.location]
    named = [r for r in event.reports if r.location]
    for reports in (happened, named):
        specific = [r for r in reports if _specific(r.location)]
        if specific or reports:
            best = (specific or reports)[-1]
            return _part_named(best, named) or best.location
    return None


def _part_named(country: Report, named: list[Report]) -> str | None:
    code = country.location_code or ""
    if _specific(country.location) or len(code) != 2:
        return None
    parts = [r.location for r in named if (r.location_code or "").startswith(code + "-")]
    return parts[-1] if parts else None


def _history(report: Report) -> dict[str, Any]:
    keys = ("article_id", "published", "modality", "location", "time", "sources", "sentence")
    return {k: getattr(report, k) for k in keys}
