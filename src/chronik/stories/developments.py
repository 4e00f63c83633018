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
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from chronik.analysis.event_sentence import apart_code, lexicon
from chronik.analysis.sentences import run_on
from chronik.analysis.timex_values import value_day
from chronik.model import Article, BlockKind, Event, Stance
from chronik.stories.development_changes import attested, develop
from chronik.stories.development_reports import (
    MAX_DAYS_APART,
    OCCASIONS,
    OPEN,
    WORD,
    Change,
    Codes,
    Report,
    StoryEvent,
    another,
    article_modality,
    day_of,
    has_cue,
    place_key,
    planned_after,
    published_day,
    same_actor,
    specific_place,
    stated_day,
    story_codes,
    times_compatible,
    value_days,
)
from chronik.stories.development_rows import event_rows
from chronik.stories.timeline import in_timeline_order, tense_cues

# The public surface of story developments; the parts live in development_reports (what
# they are made of), development_changes (what changed) and development_rows (GDELT rows).
__all__ = [
    "OPEN",
    "Change",
    "Report",
    "StoryEvent",
    "article_modality",
    "event_rows",
    "story_events",
    "times_compatible",
]

# What is planned for a day, as an occasion is, though talks come in rounds: a report before
# that day that it happens is the plan told in the present ("Witkoff und Kushner reisen zu
# Gesprächen nach Pakistan", the day before they were to leave; review 101: it had
# confirmed the trip, which was called off).
_HELD_ON_A_DAY = OCCASIONS | {"negotiate"}
_CLAUSE_BREAK = re.compile(r"[,;:–—]")


def story_events(articles: list[Article]) -> list[StoryEvent]:
    """The events of one story, each with its history and changes, in order of first report."""
    ordered = in_timeline_order(articles)
    order = {a.id: i for i, a in enumerate(ordered)}
    codes = story_codes(ordered)
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
    # All read before any is changed: the order of the events decides nothing.
    occasions = [s for s in built if s.type in OCCASIONS]
    looking_back = [_unless_held_elsewhere(s, occasions) for s in occasions]
    for occasion, reports in zip(occasions, looking_back, strict=True):
        occasion.reports = reports
    for story_event in built:
        develop(story_event, ordered, codes)
    return sorted(built, key=lambda s: (order[s.reports[0].article_id], s.reports[0].start))


def _kind(type_: str, code: str | None) -> tuple[str, bool]:
    """An occurrence's kind: its type, and whether its code is one of its own (apart_codes).
    A phone call (meet 041) neither confirms, moves nor joins a summit of its parties: a
    Trump-Putin call had confirmed the Alaska summit a day early (review 198)."""
    return type_, apart_code(code)


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


def _place(built: list[StoryEvent], article: Article, event: Event, codes: Codes) -> None:
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
    if event.modality == "denied" or not has_cue(event.sentence, "disowning"):
        return False
    words = {w.lower() for w in WORD.findall(event.sentence)}
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
    published = published_day(report)
    if report.modality != "happened" or published is None or report.time_stated:
        return report  # a report that gives its own day tells of that day
    if not _vague_plan_before(reports[:at], published):
        return report  # no plan came before it: it may be the first of a series
    week = [r for r in reports if r.article_id != report.article_id]
    week = [r for r in week if 0 < _days_after(r, published) <= MAX_DAYS_APART]
    ahead = {r.article_id for r in week if r.modality in OPEN and planned_after(r, published)}
    done = {r.article_id for r in week if r.modality == "happened"}
    if len(ahead) < 2 or len(ahead) <= len(done):
        return report
    return replace(report, modality="unspecified")


def _unless_held_elsewhere(target: StoryEvent, occasions: list[StoryEvent]) -> list[Report]:
    """The occasion's reports, a report that it happened counting as unspecified where
    its sentence names the place at which another occasion of its type in the story,
    planned first, had by then been reported held, and none of this occasion's plans or
    reports that it happened gives that place: the sentence looks back at the other one.
    "Kanzler Merz zog nach dem Alaska-Gipfel auch positive Schlüsse", read as a meeting of
    Merz's, had confirmed his video call, the day after the summit was confirmed: one
    meeting confirmed twice (review 177)."""
    own = {place_key(r.location) for r in target.reports if r.modality in OPEN | {"happened"}}
    kind = _kind(target.type, target.code)
    others = [s for s in occasions if s is not target and _kind(s.type, s.code) == kind]
    held = [(p, d) for s in others for p, d in _held_after_plan(s) if place_key(p) not in own]

    def elsewhere(report: Report) -> bool:
        day = published_day(report) or date.min
        return any(d <= day and _names_place(report.sentence, p) for p, d in held)

    return [
        replace(r, modality="unspecified") if r.modality == "happened" and elsewhere(r) else r
        for r in target.reports
    ]


def _held_after_plan(event: StoryEvent) -> list[tuple[str, date]]:
    """The specific places where reports say the event happened, each with the day of
    its report, where an earlier or the same day's report had planned it."""
    plans = [d for r in event.reports if r.modality in OPEN and (d := published_day(r))]
    return [
        (r.location or "", day)
        for r in event.reports
        if r.modality == "happened"
        and specific_place(r.location)
        and (day := published_day(r)) is not None
        and plans
        and min(plans) <= day
    ]


def _names_place(sentence: str, place: str) -> bool:
    """Whether the sentence names the place as a word of its own or of a compound
    ("Alaska-Gipfel")."""
    return re.search(rf"(?<!\w){re.escape(place)}(?!\w)", sentence) is not None


def _vague_plan_before(before: list[Report], published: date) -> bool:
    """Whether a plan without a day, or for a later one, came before ("Trump plant Treffen
    mit Putin", before the Witkoff meeting): what was then said to have happened did not
    fulfil a plan for that day."""
    return any(r.modality in OPEN and (stated_day(r) or date.max) > published for r in before)


def _days_after(report: Report, day: date) -> int:
    published = published_day(report)
    return (published - day).days if published else 0


def _as_planned(target: StoryEvent, report: Report) -> Report:
    """A report that the event happened, published before the day the latest plan set for
    it, reads as that plan: news writes what is coming in the present ("Trump trifft
    Putin:") and speaks of "nach seinem Gipfel" still ahead. The Alaska summit of
    15 August had been "confirmed" as happened on the 12th and the 14th."""
    published = published_day(report)
    if report.modality != "happened" or published is None or report.time_stated:
        return report  # "traf ihn am Mittwoch": brought forward, or the plan's day misread
    if any(r.modality == "happened" and r.time_stated for r in target.reports):
        return report  # it happened on a day a report gave: the later ones tell of it
    plan = next((r for r in reversed(target.reports) if r.modality in OPEN and r.time_stated), None)
    planned = value_days(plan.time or "") if plan is not None else None
    if plan is None or planned is None or published >= planned[0]:
        return report
    return replace(report, modality=plan.modality, time=plan.time, time_stated=False)


def _denies_open(built: list[StoryEvent], article: Article, event: Event, codes: Codes) -> bool:
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
    same_type = [s for s in built if _kind(s.type, s.code) == _kind(event.type, event.code)]
    if same_type:
        target = max(same_type, key=lambda s: s.num_reports)
    else:
        target = _new(article, event, Codes())
        built.append(target)
    target.reports.append(_report(article, event))


def _new(article: Article, event: Event, codes: Codes) -> StoryEvent:
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


def _widen_actors(target: StoryEvent, article: Article, event: Event, codes: Codes) -> None:
    """A later report may name a party the first one left out ("Kim besucht Russland"),
    or say the role of one whose role the first report did not know."""
    for key, name, role in zip(
        event.actors, _canonical(article, event), _roles(event), strict=False
    ):
        known = next((i for i, k in enumerate(target.actors) if same_actor(key, k, codes)), None)
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
    codes: Codes,
    fresh: list[Event] | None = None,
) -> bool:
    return (
        _kind(target.type, target.code) == _kind(event.type, event.code)
        and _actors_compatible(target.actors, event.actors, codes)
        and _through_attested(target, event, codes)
        and (not _one_of_several(target, event, report) or _anchored(target, report))
        and _times_compatible(target, report)
        and not _place_conflict(target, report)
        and not _fewer_elsewhere(target, event, report)
        and not _after_plans(target, report)
        and not _next_occasion(target, report)
        and not (fresh is not None and _for_a_later_event(target, report, fresh))
        and not _past_beside_open(target, report, _happened_in_a_year)
        and not _past_beside_open(target, report, _recurring)
    )


def _through_attested(target: StoryEvent, event: Event, codes: Codes) -> bool:
    """Whether the report joins the event by the parties its reports attest so far
    (``attested``, as its record will keep them): it names them all, or each of its
    actors that is a party of the event is one of them. A party that one report of many
    added pulls in no other occurrence of that party: with the plan to meet Putin "und
    Selenskyj" among 60 reports of the Alaska summit, Selenskyj's meeting with Trump in
    Washington and his planned one with Putin had joined the summit (review 172)."""
    kept = [target.actors[i] for i in attested(target)]

    def among(actor: str, actors: list[str]) -> bool:
        return any(same_actor(actor, other, codes) for other in actors)

    return all(among(a, event.actors) for a in kept) or all(
        among(a, kept) for a in event.actors if among(a, target.actors)
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
    here = place_key(report.location) if specific_place(report.location) else None
    places = {place_key(r.location) for r in target.reports if specific_place(r.location)}
    stated = [r.time for r in target.reports if r.time_stated and r.time]
    timed = report.time_stated and report.time and stated
    return (here is not None and here in places) or bool(
        timed and any(times_compatible(report.time or "", t) for t in stated)
    )


def _actors_compatible(known: list[str], new: list[str], codes: Codes) -> bool:
    """Every actor of the smaller side is one of the larger side's (by id, name or code)."""
    small, large = sorted((known, new), key=len)
    return bool(small) and all(any(same_actor(a, b, codes) for b in large) for a in small)


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


def _place_conflict(target: StoryEvent, report: Report) -> bool:
    """Reports from different articles that both say it happened, at different places
    (neither naming the other), are two events. Within one article, places are scales."""
    if report.modality != "happened" or not specific_place(report.location):
        return False
    here = place_key(report.location)
    elsewhere = {
        place_key(r.location)
        for r in target.reports
        if r.modality == "happened"
        and specific_place(r.location)
        and r.article_id != report.article_id
    }
    return bool(elsewhere) and not any(here in p or p in here for p in elsewhere)


def _fewer_elsewhere(target: StoryEvent, event: Event, report: Report) -> bool:
    """A report from another article that names fewer parties than the event's reports
    attest (``attested``), at a place none of them names (neither name within the other),
    tells another occasion of those parties, whatever its modality: Selenskyj's trip to
    Trump in Washington was not the three-way meeting with Russia talked of at the Alaska
    summit (review 172)."""
    if len(event.actors) >= len(attested(target)) or not specific_place(report.location):
        return False
    if any(r.article_id == report.article_id for r in target.reports):
        return False
    here = place_key(report.location)
    places = {place_key(r.location) for r in target.reports if specific_place(r.location)}
    return bool(places) and not any(here in p or p in here for p in places)


def _after_plans(target: StoryEvent, report: Report) -> bool:
    """An event dated well before an article that still called it open is an earlier one."""
    if report.modality != "happened" or not report.time_stated or not report.time:
        return False
    when = value_day(report.time) or value_day(report.time[:4] + "-12-31")
    plans = [value_day(r.published) for r in target.reports if r.modality in OPEN and r.published]
    return when is not None and any(p and (p - when).days > MAX_DAYS_APART for p in plans)


def _next_occasion(target: StoryEvent, report: Report) -> bool:
    """A plan that names one party of an occasion of several, for a day after the occasion
    happened as planned, in an article published after it happened, plans that party's
    next one: "Dort werden sie am Montag den US-Präsidenten treffen", two days after the
    Alaska summit, had opened the summit again, and a report of the Washington meeting
    "confirmed" it (review 103). The same parties' plan for a later day opens it again.
    So does one made once the day the occasion was last planned for has passed, whether or
    not a report said it took place: "Selenskyj reist am Montag nach Berlin", four days
    after his meeting with Merz, Macron and Starmer in London, had moved that meeting to
    Berlin and a week on."""
    published = published_day(report)
    stated = value_days(report.time or "") if report.time_stated else None
    one = len(report.actor_names) == 1 and len(target.actors) > 1
    if target.type not in OCCASIONS or report.modality not in OPEN or not one:
        return False
    if published is None or stated is None:
        return False
    planned = [stated_day(r) for r in target.reports if r.modality in OPEN]
    done = [day_of(r) for r in target.reports if r.modality == "happened"]
    kept = [d for d in done if d and any(p and p <= d for p in planned)]
    last_plan = next((p for p in reversed(planned) if p), None)
    passed = [last_plan] if last_plan else []
    return any(d < published and d < stated[0] for d in kept + passed)


def _fresh_plan(article: Article, event: Event, report: Report, codes: Codes) -> list[Event] | None:
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
        if _kind(e.type, e.code) == _kind(event.type, event.code)
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
        found = [word.lower() for word in WORD.findall(clause)]
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
    published = published_day(report)
    happened = [r for r in target.reports if r.modality == "happened"]
    return published is not None and any(
        (day := stated_day(r) or published_day(r)) and published > day for r in happened
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
        kind = _kind(event.type, event.code)
        same = [
            b for b in body if _kind(b.type, b.code) == kind and set(b.actors) & set(event.actors)
        ]
        plan = next((b for b in same if b.modality in OPEN and not another(b.sentence)), None)
        headline = event.start < end and event.modality == "happened"
        if headline and plan is not None and all(b.modality != "happened" for b in same):
            event = replace(event, modality=plan.modality, time=plan.time)
        read.append(event)
    return read


# --- export rows ------------------------------------------------------------------------------
