"""What a story's developments are made of: one event's ``Report`` in each article, the
``StoryEvent`` that gathers them and the ``Change`` flagged along the way, with the tests on
them that merging (``developments``), flagging (``development_changes``) and the event rows
(``development_rows``) all ask: the actor codes of a story, the days a report gives, how
specific a place is, how sure an article is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from chronik.analysis.event_actors import actor_codes, article_names, fallback_mentions
from chronik.analysis.event_sentence import lexicon
from chronik.analysis.timex_values import value_day, week_days
from chronik.model import Article
from chronik.stories.timeline import tense_cues

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
MAX_DAYS_APART = 7
WORD = re.compile(r"\w+")


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
        """Every source of its reports, in the order first named; one named at a
        sentence's start and inside another ("Die Armee", "die Armee") once, as first named
        (review 247: 2 of 778 story events had listed one source twice)."""
        first: dict[str, str] = {}
        for report in self.reports:
            for source in report.sources:
                first.setdefault(source.casefold(), source)
        return list(first.values())


class Codes(dict[str, str]):
    """Actor codes by actor key, with the surname of each actor named as a person."""

    def __init__(self) -> None:
        super().__init__()
        self.surnames: dict[str, str] = {}


def story_codes(articles: list[Article]) -> Codes:
    """Actor codes over the whole story: the most specific code any article gives."""
    merged = Codes()
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


def stated_day(report: Report) -> date | None:
    """The first day of the time the report's own sentence gives."""
    stated = value_days(report.time or "") if report.time_stated else None
    return stated[0] if stated else None


def published_day(report: Report) -> date | None:
    return value_day(report.published or "")


def planned_after(report: Report, day: date) -> bool:
    planned = stated_day(report)
    return planned is not None and planned > day


def same_actor(a: str, b: str, codes: Codes) -> bool:
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


def times_compatible(a: str, b: str) -> bool:
    """One value contains the other ("2023" and "2023-09-13"), or they are at most a week
    apart; a week ("2025-W33", "in der kommenden Woche") spans its seven days."""
    if a.startswith(b) or b.startswith(a):
        return True
    first, second = value_days(a), value_days(b)
    if first is None or second is None:
        return False
    gap = max(first[0] - second[1], second[0] - first[1]).days
    return gap <= MAX_DAYS_APART


def value_days(value: str) -> tuple[date, date] | None:
    """The first and last day a value names, if it names days or a week."""
    week = week_days(value)
    if week is not None:
        return week
    day = value_day(value)
    return (day, day) if day else None


def specific_place(place: str | None) -> bool:
    return bool(place) and place_key(place) not in lexicon().actors["countries"]


def place_key(place: str | None) -> str:
    return (place or "").casefold().strip()


def article_modality(reports: list[Report]) -> str:
    return article_modality_of({r.modality for r in reports})


def article_modality_of(modalities: set[str]) -> str:
    """The strongest of an article's modalities (``ARTICLE_PRECEDENCE``)."""
    return next((m for m in ARTICLE_PRECEDENCE if m in modalities), "unspecified")


def another(sentence: str) -> bool:
    """Whether the sentence tells of another occurrence ("zu einem weiteren Streik", "keinen
    neuen Angriff", "erneut"): its day and place are that one's, and what it denies is not
    what happened (review 101)."""
    return again(sentence) or has_cue(sentence, "another")


def again(sentence: str) -> bool:
    """Whether a word of the sentence says the event is told once more ("erneut", "weitere",
    "zweite"): what happened there is another occurrence than one left open (review 156)."""
    return has_cue(sentence, "again")


def has_cue(sentence: str, cue: str) -> bool:
    """Whether a word of the sentence is one of the ``cue`` words of ``tense.json``."""
    return not tense_cues()[cue].isdisjoint(w.lower() for w in WORD.findall(sentence))


def day_of(report: Report) -> date | None:
    return stated_day(report) or published_day(report)
