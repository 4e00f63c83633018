"""A story's events as rows modelled on GDELT's event table (``event_rows``; see
docs/export.md): one row an event, with its date, its current place and its history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from chronik.analysis.timex_values import value_day
from chronik.stories.development_reports import (
    OPEN,
    Report,
    StoryEvent,
    planned_after,
    published_day,
    specific_place,
    stated_day,
    value_days,
)


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
        lambda r: r.modality == "happened" and r.time_stated and not _contradicted(event, r),
        lambda r: r.time_stated and not _later_plan(r, first),
        lambda r: r.modality == "happened",
        lambda r: True,
    )
    for wanted in preferences:
        chosen = [r.time for r in event.reports if r.time and wanted(r)]
        if chosen:
            return _most_given(chosen)
    return None


def _contradicted(event: StoryEvent, report: Report) -> bool:
    """Whether two articles or more (one may be a plan misread) say that the event had not
    happened on the day the report dates it, so that the time is of another clause of its
    sentence or of the report's writing: they said it happened before that day ("Trump hat
    gestern ... die Verantwortung für den Ausgang dieses Treffens ... abgeschoben" had
    dated the Alaska summit two days late), or, published after that day, still planned it
    for a later one (a live blog's "20:43 Uhr - Regierungskreise: Werden zügig auf
    Alaska-Gipfel reagieren" had dated it two days early). A meeting brought forward is
    planned for its old day only before it happens."""
    stated = value_days(report.time or "")
    if stated is None:
        return False
    first, last = stated
    earlier = {
        r.article_id
        for r in event.reports
        if r.modality == "happened" and (day := published_day(r)) and day < first
    }
    return len(earlier) > 1 or len(_still_planned(event, first, last)) > 1


def _still_planned(event: StoryEvent, first: date, last: date) -> set[str]:
    """The articles published after ``last`` that plan the event for a later day that a
    plan published by ``first`` had already set: the same plan, so the event was still
    ahead. A plan for a new day is the next round's (talks in Abu Dhabi "am vergangenen
    Wochenende", then planned for Sunday)."""
    plans = [r for r in event.reports if r.modality in OPEN and planned_after(r, last)]
    held = {stated_day(r) for r in plans if (day := published_day(r)) and day <= first}
    return {
        r.article_id
        for r in plans
        if (day := published_day(r)) and day > last and stated_day(r) in held
    }


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
        specific = [r for r in reports if specific_place(r.location)]
        if specific or reports:
            best = (specific or reports)[-1]
            return _part_named(best, named) or best.location
    return None


def _part_named(country: Report, named: list[Report]) -> str | None:
    code = country.location_code or ""
    if specific_place(country.location) or len(code) != 2:
        return None
    parts = [r.location for r in named if (r.location_code or "").startswith(code + "-")]
    return parts[-1] if parts else None


def _history(report: Report) -> dict[str, Any]:
    keys = ("article_id", "published", "modality", "location", "time", "sources", "sentence")
    return {k: getattr(report, k) for k in keys}
