"""One event from one trigger: its actors and their roles, its place, time, modality and
sources, each read by its own module (``event_participants``, ``event_places``,
``event_times``, ``event_modality``, ``event_sources``), with what one of them takes from
another: a reported clause's place and day are where and when it was said, not the
event's, and a place or a source is no party."""

from __future__ import annotations

from chronik.analysis.event_actors import is_country_mention
from chronik.analysis.event_context import Context
from chronik.analysis.event_grammar import (
    controller,
    cue_labels,
    reporting_clauses,
    word_before_noun_phrase,
)
from chronik.analysis.event_modality import (
    after_publication,
    modality_of,
    not_begun,
    under_way,
)
from chronik.analysis.event_participants import (
    extended_attributes,
    parties,
    speaker_at_meeting,
    trailing_report,
)
from chronik.analysis.event_phrases import reaction_to
from chronik.analysis.event_places import locative_places, place_of, town_named_after
from chronik.analysis.event_sentence import Clause, SentenceView, Trigger, is_past_verb, lexicon
from chronik.analysis.event_sources import (
    attributions_over,
    has_source_marker,
    source_names,
    sources_of,
)
from chronik.analysis.event_tense import tense
from chronik.analysis.event_times import (
    about_others,
    other_nouns_times,
    publication_time,
    reported_by,
    ticker_stamp,
    time_of,
    within,
)
from chronik.model import Event, Mention


def assemble_event(
    sent: SentenceView,
    ctx: Context,
    trigger: Trigger,
    beside: dict[int, tuple[int, int]],
    phrases: dict[int, tuple[int, int]],
) -> Event:
    index = sent.clause_of(trigger.index)
    clause = sent.clauses[index]
    governing = reporting_clauses(sent, index)
    sources = sources_of(sent, governing)
    others = [span for at, span in beside.items() if at != trigger.index]
    own = phrases.get(trigger.index) or reaction_to(sent, trigger)
    # When and where it was said is not when and where it happens: "..., sagte Trump im
    # Oval Office in Washington" (review 132), "..., sagte Trump am Montag".
    said = [sent.span(c) for c in _saying_clauses(sent, index, governing)]
    place, actors, roles = _place_and_parties(sent, ctx, trigger, index, sources, others, said, own)
    timex, modality, present = _time_modality(sent, ctx, trigger, index, governing, sources, said)
    event = Event(
        type=trigger.type,
        code=trigger.code,
        actors=[ctx.names.key(m) for m in actors],
        actor_names=[ctx.names.name(m) for m in actors],
        roles=roles,
        modality=modality,
        sentence=sent.sentence.text,
        start=sent.sentence.start,
        end=sent.sentence.end,
        location=ctx.names.name(place) if place else None,
        location_id=place.entity_id if place else None,
        time=timex or publication_time(ctx, modality, sent, clause, trigger),
        sources=source_names(sent, ctx, sent.span(clause), sources),
    )
    if present:
        ctx.present.append(event)
    return event


def _place_and_parties(
    sent: SentenceView,
    ctx: Context,
    trigger: Trigger,
    index: int,
    sources: list[Mention],
    others: list[tuple[int, int]],
    said: list[tuple[int, int]],
    own: tuple[int, int] | None,
) -> tuple[Mention | None, list[Mention], list[str]]:
    """Where the event is and who takes part, read together: a place found is no party,
    and a place visited is taken from the parties."""
    clause = sent.clauses[index]
    everywhere = locative_places(sent, Clause(0, len(sent.tokens), ""), ctx.article)
    reports = not trigger.noun and trailing_report(sent, index)
    place = place_of(sent, ctx, clause, everywhere, own, others + said, reports, trigger)
    town = town_named_after(sent, ctx, trigger)
    place = place or town
    taken = _no_parties(sent, trigger, sources, everywhere, others, town)
    actors, roles = parties(sent, ctx, index, trigger, taken, own)
    if place is None:
        return _place_visited(sent, ctx, trigger, actors, roles)
    return place, actors, roles


def _no_parties(
    sent: SentenceView,
    trigger: Trigger,
    sources: list[Mention],
    everywhere: list[tuple[Mention, bool]],
    others: list[tuple[int, int]],
    town: Mention | None,
) -> set[int]:
    """The ids of the mentions that are no party of the event: its speakers (not those
    who speak at a meeting), every place of a locative phrase, which is where (or where
    not), not who ("in der Stadt Wladiwostok", "nicht in Wladiwostok"), the mentions of
    other triggers' phrases, the town it is named after and those in an extended
    attribute."""
    speakers = [m for m in sources if not speaker_at_meeting(sent, trigger, m)]
    taken = {id(m) for m in speakers} | {id(m) for m, _ in everywhere}
    taken |= {id(m) for m in sent.mentions if any(a <= m.start < b for a, b in others)}
    taken |= {id(town)} if town else set()
    attributes = extended_attributes(sent, trigger)
    taken |= {id(m) for m in sent.mentions if within(m.start, attributes)}
    return taken


def _time_modality(
    sent: SentenceView,
    ctx: Context,
    trigger: Trigger,
    index: int,
    governing: list[Clause],
    sources: list[Mention],
    said: list[tuple[int, int]],
) -> tuple[str | None, str, bool]:
    """The event's time, its modality, and whether it was told in the present (which
    ``modality`` then gives as "happened"); read together, as a time after publication
    makes it planned."""
    clause = sent.clauses[index]
    others_times = other_nouns_times(sent, ctx, trigger)
    reported = reported_by(sent, index, trigger)
    elsewhere = about_others(sent, trigger) + said + others_times + reported
    timex = time_of(sent, ctx, clause, elsewhere, others_times)
    ahead = bool(timex and ctx.published and after_publication(timex, ctx.published))
    # a week under way that the clause tells as past holds what happened in it
    plan = ahead and not (
        timex
        and ctx.published
        and under_way(timex, ctx.published)
        and _told_as_past(sent, clause, trigger)
    )
    modality = _modality(sent, ctx, trigger, index, governing, sources, plan)
    present = modality == "present"
    modality = "happened" if present else modality
    if modality == "happened" and timex is not None and timex == ticker_stamp(sent, ctx):
        # "20:43 Uhr - Regierungskreise: Werden zügig auf Alaska-Gipfel reagieren": the
        # stamp dates the entry, not when what it tells of happened, which gets the
        # publication day as any past event without a date (review 252: stated, the stamp
        # had dated the summit of the 15th to the 13th in its story). A plan or an
        # announcement keeps it: the day it was told anchors it in its story.
        timex = None
    if (
        timex
        and ctx.published
        and modality == "happened"
        and not_begun(timex, ctx.published)
        and not present
        and not trigger.noun
    ):
        # "hat sich auf das Verbrenner-Aus ab 2035 geeinigt", "hat für den 8. Mai eine
        # Waffenruhe verkündet": what a verb tells as done was done by the publication
        # day; a time not yet begun is what it is about (review 265: 2 of 7 dates another
        # phrase's). A present ("Er reist am Freitag") keeps it, as a plan does, and so
        # does a noun, whose own it may be ("hat für den 8. Mai eine Waffenruhe ausgerufen").
        timex = None
    if ahead and modality == "happened" and _in_a_phrase_of_time(sent, clause, trigger):
        # "Nach dem Angriff ... hat die Bahn für Freitag zu einem Gipfel eingeladen": a
        # noun a phrase of time tells as taken place is not on a day still to come, which
        # is the clause's plan; it gets the publication day as any past event without a
        # date (review 163). A truce declared "für den 8. Mai" keeps its day.
        timex = None
    return timex, modality, present


def _modality(
    sent: SentenceView,
    ctx: Context,
    trigger: Trigger,
    index: int,
    governing: list[Clause],
    sources: list[Mention],
    ahead: bool,
) -> str:
    """``modality_of`` with what it reads: the clauses that report the trigger's and the
    one its infinitive depends on, whether it has a source, and the claims over it."""
    clause = sent.clauses[index]
    control = controller(sent, index)
    governing = governing + ([control] if control else [])
    reported = bool(sources) or has_source_marker(sent)
    over = attributions_over(sent, ctx, sent.span(clause))
    return modality_of(sent, clause, governing, trigger, over, reported, ahead)


def _place_visited(
    sent: SentenceView, ctx: Context, trigger: Trigger, actors: list[Mention], roles: list[str]
) -> tuple[Mention | None, list[Mention], list[str]]:
    """A town or region a verb of ``visiting_verbs`` takes is where the visit is, not a
    party met: "Günther besucht Husum" (review 166: the town had been the target); the
    first of several is the place. A country visited stays its target, the host of the
    visit. ("bereist" is listed as it is: its lemma is not "bereisen".)"""
    verbs = lexicon().words("roles.visiting_verbs")
    if trigger.noun or sent.tokens[trigger.index].lemma not in verbs:
        return None, actors, roles
    visited = [role == "target" and _a_place(m, ctx) for m, role in zip(actors, roles, strict=True)]
    if not any(visited):
        return None, actors, roles
    place = actors[visited.index(True)]
    kept = [(m, r) for m, r, v in zip(actors, roles, visited, strict=True) if not v]
    return place, [m for m, _ in kept], [r for _, r in kept]


def _a_place(mention: Mention, ctx: Context) -> bool:
    """A town or region by its name: not a country, nor an adjective, which stands for its
    country's people or government ("die ukrainische Regierung besuchen")."""
    if mention.type != "LOC" or mention.derived:
        return False
    return not is_country_mention(mention, ctx.article)


def _told_as_past(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether the clause tells the event in a past tense: the trigger's own, or for a noun
    without a verb of its own the clause's past verb ("starben ... durch Angriffe")."""
    told = tense(sent, clause, trigger)
    if told == "happened" or not trigger.noun or told not in {None, "present"}:
        return told == "happened"
    return any(is_past_verb(t) for t in sent.tokens[clause.first : clause.last])


def _in_a_phrase_of_time(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether a noun trigger stands after a preposition of time ("nach dem Angriff",
    "beim Treffen": ``temporal_prepositions``)."""
    before = word_before_noun_phrase(sent, trigger.index, clause.first)
    return trigger.noun and before in lexicon().words("temporal_prepositions")


def _saying_clauses(sent: SentenceView, index: int, governing: list[Clause]) -> list[Clause]:
    """The clauses that report the trigger's, and those that report the clause its
    infinitive depends on: in "hatte in dieser Woche gesagt, dies sei nicht der richtige
    Zeitpunkt, um Sanktionen zu lockern" the week is when it was said (review 107: the
    easing had been announced for it)."""
    found = [c for c in governing if "reported" in cue_labels(sent, c)]
    control = controller(sent, index)
    for _ in range(2):
        if control is None:
            break
        above = sent.clauses.index(control)
        found += [c for c in reporting_clauses(sent, above) if "reported" in cue_labels(sent, c)]
        control = controller(sent, above)
    return found
