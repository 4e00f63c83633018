"""The reference story, end to end through events and developments (skips without ../shared).

NER, entity linking, timex and attribution are built by other components; until they run in
the pipeline, this test gives the articles the mentions, entities, timexes and attributions
those components are meant to produce, by hand: a list of names with their entity, a few
dated expressions, and who voiced each claim. Nothing below names an expected event.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from chronik import Chronik
from chronik.analysis.events import RuleEventExtractor
from chronik.analysis.pipeline import run_pipeline
from chronik.analysis.structure import build_article
from chronik.ingest.document import Document
from chronik.model import Article, Attribution, Entity, Mention, Timex
from chronik.options import Options
from chronik.stories.developments import StoryEvent, article_modality, event_rows, story_events

ENTITIES = [
    Entity("putin", "Wladimir Putin", "PER"),
    Entity("kim", "Kim Jong Un", "PER"),
    Entity("russia", "Russland", "LOC", code="RU"),
    Entity("nkorea", "Nordkorea", "LOC", code="KP"),
    Entity("skorea", "Südkorea", "LOC", code="KR"),
    Entity("usa", "USA", "LOC", code="US"),
    Entity("ukraine", "Ukraine", "LOC", code="UA"),
    Entity("germany", "Deutschland", "LOC", code="DE"),
    Entity("kremlin", "Kreml", "ORG"),
    Entity("vladivostok", "Wladiwostok", "LOC"),
    Entity("amur", "Amur", "LOC"),
    Entity("vostochny", "Vostochny Cosmodrome", "LOC"),
    Entity("pyongyang", "Pjöngjang", "LOC"),
    Entity("washington", "Washington", "LOC"),
    Entity("bloomberg", "Bloomberg", "ORG"),
]
# surface form -> (type, entity id, derived); longer forms are matched first.
NAMES = {
    "Wladimir Putin": ("PER", "putin", False),
    "Putin": ("PER", "putin", False),
    "Kim Jong Un": ("PER", "kim", False),
    "Kim": ("PER", "kim", False),
    "Russlands": ("LOC", "russia", False),
    "Russland": ("LOC", "russia", False),
    "russische": ("LOC", "russia", True),
    "russischen": ("LOC", "russia", True),
    "Nordkorea": ("LOC", "nkorea", False),
    "nordkoreanische": ("LOC", "nkorea", True),
    "nordkoreanischen": ("LOC", "nkorea", True),
    "Südkoreanische": ("LOC", "skorea", True),
    "USA": ("LOC", "usa", False),
    "US": ("LOC", "usa", True),
    "Ukraine": ("LOC", "ukraine", False),
    "Deutschland": ("LOC", "germany", False),
    "Kremls": ("ORG", "kremlin", False),
    "Kreml": ("ORG", "kremlin", False),
    "Wladiwostok": ("LOC", "vladivostok", False),
    "Amur": ("LOC", "amur", False),
    "Vostochny Cosmodrome": ("LOC", "vostochny", False),
    "Pjöngjangs": ("LOC", "pyongyang", False),
    "Pjöngjang": ("LOC", "pyongyang", False),
    "Washington": ("LOC", "washington", False),
    "Bloomberg": ("ORG", "bloomberg", False),
}
# Time expressions a timex component resolves against the publication date (2023-09-11).
TIMEXES = {"am kommenden Mittwoch": "2023-09-13", "morgen": "2023-09-12", "2019": "2019"}
# Who voiced which claim: (start of the claim's sentence, source, kind).
ATTRIBUTIONS = [
    ("Bestätigung des Kreml", "Kreml", "announcement"),
    ("Der nordkoreanische Machthaber Kim Jong Un wird nach Angaben", "Kreml", "report"),
    ("Es wird vermutet, dass das Treffen", "Nachrichtenagentur Bloomberg", "report"),
    ("Südkoreanische Medien berichteten", "Südkoreanische Medien", "report"),
    # The fear in this sentence is the one the sentence before gives to the USA and allies.
    ("Insbesondere besteht die Befürchtung", "Die USA und ihre Verbündeten", "report"),
    ("Beide Länder haben solche Absichten", "Beide Länder", "denial"),
    ("Sie befürchten, dass die beiden Länder", "Washington und seine Verbündeten", "report"),
    ("Südkoreanische und US-Beamte haben", "Südkoreanische und US-Beamte", "report"),
    ("Putin deutete an, dass Russland Kim", "Putin", "suggestion"),
]


def seed(shared: Path, prefix: str, published: datetime | None) -> Article:
    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    document = Document(str(path), "text", text.encode(), text=text, published=published)
    article = run_pipeline(build_article(document), Options(pipeline=("sentences",)))
    article.story_id = "reference"
    article.entities = list(ENTITIES)
    article.mentions = hand_mentions(article.text)
    article.timexes = hand_timexes(article.text)
    article.attributions = hand_attributions(article)
    article.events = RuleEventExtractor().extract(article)
    return article


def hand_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    for surface in sorted(NAMES, key=len, reverse=True):
        kind, entity, derived = NAMES[surface]
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(m.start < match.end() and match.start() < m.end for m in found):
                found.append(Mention(match.start(), match.end(), surface, kind, entity, derived))
    return sorted(found, key=lambda m: m.start)


def hand_timexes(text: str) -> list[Timex]:
    return [
        Timex(m.start(), m.end(), surface, "DATE", value)
        for surface, value in TIMEXES.items()
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
    ]


def hand_attributions(article: Article) -> list[Attribution]:
    found = []
    for opening, source, kind in ATTRIBUTIONS:
        sentence = next((s for s in article.sentences if s.text.startswith(opening)), None)
        if sentence is not None:
            found.append(Attribution(sentence.start, sentence.end, sentence.text, source, kind))
    return found


def reference(shared: Path) -> tuple[list[StoryEvent], Article, Article]:
    announcement = seed(shared, "002", datetime(2023, 9, 11, 8, tzinfo=UTC))
    summit = seed(shared, "000", None)
    return story_events([summit, announcement]), announcement, summit


def reports_in(event: StoryEvent, article: Article) -> list:  # type: ignore[type-arg]
    return [r for r in event.reports if r.article_id == article.id]


def test_the_meeting_announced_then_held_elsewhere(shared: Path) -> None:
    events, announcement, summit = reference(shared)
    meetings = [e for e in events if e.type == "meet" and {"putin", "kim"} <= set(e.actors)]
    current = [e for e in meetings if len(e.article_ids) == 2]
    assert len(current) == 1, [(e.actor_names, e.article_ids) for e in meetings]
    meeting = current[0]
    announced = reports_in(meeting, announcement)
    assert article_modality(announced) == "announced"
    assert "Kreml" in {s for r in announced for s in r.sources}
    assert "Wladiwostok" in {r.location for r in announced}
    held = reports_in(meeting, summit)
    assert article_modality(held) == "happened"
    held_at = {r.location for r in held if r.modality == "happened"}
    assert {"Amur", "Vostochny Cosmodrome"} <= held_at
    assert meeting.modality == "happened"
    [moved] = [c for c in meeting.changes if c.kind == "location"]
    assert moved.before == ["Wladiwostok"] and "Vostochny Cosmodrome" in moved.after
    assert any(c.kind == "confirmed" for c in meeting.changes)
    [row] = [r for r in event_rows(events) if r["event_id"] == meeting.id]
    assert {"Wladiwostok", "Vostochny Cosmodrome"} <= set(row["location_names"])
    assert row["location_name"] == "Vostochny Cosmodrome"
    assert {row["actor1_code"], row["actor2_code"]} == {"RUSGOV", "PRKGOV"}


def test_earlier_meetings_are_not_this_one(shared: Path) -> None:
    events, announcement, _ = reference(shared)
    earlier = [e for e in events if e.type == "meet" and any(r.time == "2019" for r in e.reports)]
    assert earlier and all(e.article_ids == [announcement.id] for e in earlier)


def test_earlier_meetings_stay_apart_when_no_article_is_dated(shared: Path) -> None:
    """As `chronik ingest ../shared/seeds` reads them: plain text, no publication time,
    through the whole pipeline."""
    with Chronik() as app:
        announcement, summit = (
            app.analyze(next((shared / "seeds").glob(f"{n}_*.txt"))) for n in ("002", "000")
        )
    events = story_events([summit, announcement])
    earlier = [e for e in events if e.type == "meet" and any(r.time == "2019" for r in e.reports)]
    assert earlier and all(e.article_ids == [announcement.id] for e in earlier)
    [meeting] = [e for e in events if e.type == "meet" and len(e.article_ids) == 2]
    assert meeting.modality == "happened" and all(r.time != "2019" for r in meeting.reports)


def test_the_arms_deal_speculated_then_denied(shared: Path) -> None:
    events, announcement, summit = reference(shared)
    [deal] = [e for e in events if e.type == "arms" and len(e.article_ids) == 2]
    assert {c for c in deal.actor_codes if c} >= {"RUS"}
    speculated = [r for r in deal.reports if r.modality == "speculated"]
    voiced = {s for r in speculated for s in r.sources}
    assert {"Die USA und ihre Verbündeten", "Südkoreanische und US-Beamte"} <= voiced
    [denial] = [r for r in deal.reports if r.modality == "denied"]
    assert denial.article_id == summit.id
    assert set(denial.sources) == {"Nordkorea", "Russland"}
    assert deal.modality == "denied"
    assert [c.kind for c in deal.changes] == ["denied"]
    assert reports_in(deal, announcement)


def test_help_with_satellites_suggested_by_putin(shared: Path) -> None:
    events, _, summit = reference(shared)
    # the other aid, "könnte Russland ... technische Unterstützung ... anbieten", is speculated
    [aid] = [e for e in events if e.type == "aid" and "kim" in e.actors]
    assert aid.article_ids == [summit.id]
    assert aid.modality == "suggested"
    assert aid.actors == ["russia", "kim"]
    assert aid.sources == ["Putin"]
