"""Event extraction in the manner of GDELT: sentences become typed events with actors,
modality, place, time and sources.

No dependency parser is available, so the rules work on lemmas (simplemma) and clauses
(split at commas, colons and complementisers): a trigger lemma gives the type and CAMEO-style
code, the entity mentions in its clause give the actors, cue words in its clause and in the
clause that governs it give the modality. Triggers, cues and actor codes are data
(``data/event_cues.json``, ``data/event_actors.json``). The extractor sits behind the
``EventExtractor`` protocol so that a trained model can replace the rules.

``event_grammar`` holds the language side (tokens, clauses, triggers, cues, tense),
``event_actors`` the naming of actors, their codes and the names found without NER,
``event_parties`` which names can be a party at all, ``event_places`` where an event is
and ``event_modality`` how it is told; this module puts them together: the actors of each
trigger, its place, time and sources, and a denial of an earlier sentence's event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Protocol

from chronik.analysis.attribution_resolution import antecedent
from chronik.analysis.event_actors import (
    AGENT,
    PARTNER,
    Names,
    actor_codes,
    actor_roles,
    article_names,
    asker_span,
    country_name,
    country_of_code,
    fallback_mentions,
    subject_role,
)
from chronik.analysis.event_context import Context, Spans, earlier_sentence_start
from chronik.analysis.event_grammar import (
    PREPOSED,
    TIME_PREPOSITIONS,
    conjugated,
    controller,
    cue_labels,
    matrix_clause,
    only_cancelled,
    reporting_clauses,
    word_before_noun_phrase,
)
from chronik.analysis.event_modality import after_publication, modality_of
from chronik.analysis.event_parties import (
    AGENT_PREPOSITIONS,
    after_other_between,
    can_act,
    modifies_a_noun,
    town_of_the_noun,
)
from chronik.analysis.event_phrases import (
    CONDITION_PREPOSITIONS,
    after_the_fact,
    attack_a_threat_is_on,
    cause_or_concession,
    meeting_beside_an_attack,
    meeting_in_time,
    own_phrase,
    reaction_to,
    words_up_to_a_verb,
)
from chronik.analysis.event_places import PHRASE_STOPS, locative_places, place_of, town_named_after
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    lemma_keys,
    lexicon,
    participle,
    split_clauses,
    tokenize,
)
from chronik.analysis.event_sources import (
    after_source_marker,
    attributions_over,
    has_source_marker,
    in_clause,
    source_names,
    sources_of,
)
from chronik.analysis.event_times import (
    about_others,
    condition_of,
    other_nouns_times,
    publication_time,
    time_of,
    within,
)
from chronik.analysis.event_triggers import attributive_participle, find_triggers
from chronik.analysis.gazetteer import fold
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.pipeline import component
from chronik.analysis.sentences import run_on, split_sentences
from chronik.model import Article, Attribution, BlockKind, Entity, Event, Mention, Sentence
from chronik.options import Options
from chronik.registry import Registry

# "Das Treffen fand ... statt": a definite noun without actors takes those of the last
# event of its type up to six sentences back.
_ANAPHOR_SENTENCES = 6
# After an event noun, these name all its parties ("von" only where "und" joins two).
_PARTIES = AGENT_PREPOSITIONS | {"zwischen"}
_JOINED_AT = frozenset({"an", "am", "bei", "beim"})
_JOINING = frozenset({"und", "mit"})


class EventExtractor(Protocol):
    """Anything that turns an analysed article into events."""

    def extract(self, article: Article) -> list[Event]: ...


class RuleEventExtractor:
    """Lemma rules over clauses; see the module docstring and docs/events.md."""

    def extract(self, article: Article) -> list[Event]:
        named = Spans(article.mentions or fallback_mentions(article))
        context = Context(
            article,
            article_names(article, named.items),
            article.published.date() if article.published else None,
            Spans(article.attributions),
            Spans(article.timexes),
            Spans(m for m in named.items if m.type == "PER" and not m.derived),
        )
        events: list[Event] = []
        subheadings = Spans(b for b in article.blocks if b.kind is BlockKind.SUBHEADING)
        for sentence in article.sentences or split_sentences(article.text):
            # Not a name run on past the sentence's end: a live blog's headlines run together
            # ("Gipfel mit PutinRutte: Ball liegt ...") are cut into sentences, but the NER
            # keeps the words whole, and "PutinRutte" had been met (review 56). A mention
            # whose entity has a clean name ("Gaza-StadtDie" of Gaza) is that entity.
            inside = [
                m
                for m in named.starting_in(sentence.start, sentence.end)
                if m.end <= sentence.end or not run_on(context.names.name(m))
            ]
            sent = _prepare(sentence, inside)
            if sum(t.text[:1].isalnum() for t in sent.tokens) < 2:
                continue  # a headline of one word ("Drohung") tells no event (review 56)
            found = self._sentence_events(sent, context, events)
            if subheadings.starting_in(sentence.start, sentence.end):
                found = [e for e in found if _own_actors(e, context.names, inside)]
            events.extend(found)
        return events

    def _sentence_events(
        self, sent: SentenceView, ctx: Context, before: list[Event]
    ) -> list[Event]:
        every = find_triggers(sent)
        triggers = _one_per_clause(sent, every)
        # "weil der Nachfolger kurzfristig abgesagt hatte": he withdrew; a cancellation
        # calls off no earlier sentence's event (review 102)
        if all(t.type == "deny" for t in triggers) and _denies(sent) and not _cancels(sent):
            denial = _denial_of(sent, ctx, before)
            if denial or not triggers:
                return denial
        # An attack in a phrase of time is what the clause reacts to: its parties are its
        # own, not the clause's event's ("Nach russischen Angriffen will Deutschland der
        # Ukraine helfen" had made Russland a target of the aid; review 44).
        phrases = {
            t.index: span
            for t in every
            if (
                span := after_the_fact(sent, t)
                or meeting_beside_an_attack(sent, t, every)
                or attack_a_threat_is_on(sent, t, every)
                or cause_or_concession(sent, t)
            )
        }
        # A meeting so placed keeps the clause's parties, but its own phrase's names are
        # no party of another event ("fordern vor Verhandlungen mit Putin eine
        # Waffenruhe": Putin is asked nothing; review 100).
        beside = {t.index: own_phrase(sent, t) for t in every if meeting_in_time(sent, t)}
        events = [self._event(sent, ctx, t, {**beside, **phrases}, phrases) for t in triggers]
        found = [
            (_inherit_actors(sent, ctx, e, t, before), t)
            for e, t in zip(events, triggers, strict=True)
        ]
        return [e for e, t in found if _anchored(sent, e, t)]

    def _event(
        self,
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
        control = controller(sent, index)
        everywhere = locative_places(sent, Clause(0, len(sent.tokens), ""), ctx.article)
        others = [span for at, span in beside.items() if at != trigger.index]
        own = phrases.get(trigger.index) or reaction_to(sent, trigger)
        reports = not trigger.noun and _trailing_report(sent, index)
        # When and where it was said is not when and where it happens: "..., sagte Trump im
        # Oval Office in Washington" (review 132), "..., sagte Trump am Montag".
        said = [sent.span(c) for c in _saying_clauses(sent, index, governing)]
        place = place_of(sent, ctx, clause, everywhere, own, others + said, reports)
        town = town_named_after(sent, ctx, trigger)
        place = place or town
        # Every place of a locative phrase is where (or where not), not who ("in der Stadt
        # Wladiwostok", "nicht in Wladiwostok").
        speakers = [m for m in sources if not _speaker_at_meeting(sent, trigger, m)]
        taken = {id(m) for m in speakers} | {id(m) for m, _ in everywhere}
        taken |= {id(m) for m in sent.mentions if any(a <= m.start < b for a, b in others)}
        taken |= {id(town)} if town else set()
        attributes = _extended_attributes(sent, trigger)
        taken |= {id(m) for m in sent.mentions if within(m.start, attributes)}
        actors, roles = _parties(sent, ctx, index, trigger, taken, own)
        others_times = other_nouns_times(sent, ctx, trigger)
        elsewhere = about_others(sent, trigger) + said + others_times
        timex = time_of(sent, ctx, clause, elsewhere, others_times)
        governing += [control] if control else []
        reported = bool(sources) or has_source_marker(sent)
        over = attributions_over(sent, ctx, sent.span(clause))
        ahead = bool(timex and ctx.published and after_publication(timex, ctx.published))
        modality = modality_of(sent, clause, governing, trigger, over, reported, ahead)
        return Event(
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


def _parties(
    sent: SentenceView,
    ctx: Context,
    index: int,
    trigger: Trigger,
    taken: set[int],
    own: tuple[int, int] | None,
) -> tuple[list[Mention], list[str]]:
    """The event's actors and their roles: the names of its clause or own phrase that can
    act (``_actors``), the names its compound is made of, every country of a joined
    nationality adjective, and a subject "er" of a verb."""
    clause = sent.clauses[index]
    actors = _actors(sent, ctx, index, trigger, taken, own)
    compound = _compound_parties(sent, ctx, trigger)
    actors = _with_compound_parties(ctx, actors, compound)
    roles = actor_roles(sent, trigger, actors)
    # No word puts a compound's names on a side: they meet, talk or agree as partners,
    # and an "EU-Sanktionen"'s EU imposes them.
    side = AGENT if trigger.type == "sanction" else PARTNER
    roles = [
        side if any(m is c for c in compound) else r for m, r in zip(actors, roles, strict=True)
    ]
    actors, roles = _with_joined_nationalities(ctx, actors, roles)
    if not trigger.noun:  # "Nach den Angriffen fordert er …": he attacked nobody
        named = _with_pronoun_actor(sent, ctx, clause, actors)
        # "er" is the subject: he acts, unless the verb is a passive
        roles = [subject_role(sent, trigger)] * (len(named) - len(actors)) + roles
        actors = named
    return actors, roles


def _speaker_at_meeting(sent: SentenceView, trigger: Trigger, source: Mention) -> bool:
    """ "sagte Magyar nach einem Treffen mit Sulyok", "erklärte Merz bei seinem Gespräch
    mit Macron": a person who speaks on the occasion of a meeting or talks in the same
    clause took part in them (review 100: the speaker, as the claim's source, had been
    left out of the meeting he reported)."""
    if not trigger.noun or trigger.type not in {"meet", "negotiate"}:
        return False
    if source.type != "PER" or source.derived or after_source_marker(sent, source):
        return False
    before = word_before_noun_phrase(sent, trigger.index, 0)
    same = sent.clause_of(sent.token_index(source.start)) == sent.clause_of(trigger.index)
    return same and before in TIME_PREPOSITIONS | CONDITION_PREPOSITIONS


def _anchored(sent: SentenceView, event: Event, trigger: Trigger) -> bool:
    """Whether the event keeps its trigger: a verb of ``everyday_verbs`` in its first sense,
    or a participle before its noun ("der geforderten Norm"), only where its event names
    who or where. Without either it is mostly in an everyday sense ("lieferte die schnellste
    Zeit", "es droht ein Engpass"; review 37: 14 of the 18 spurious events of 49 news
    articles had neither), and a story joined it to its best-attested event of the type."""
    lemma = sent.tokens[trigger.index].lemma
    if lemma in lexicon().raw["travel_verbs"]["verbs"] and not trigger.noun:
        return bool(event.actors)  # "Viele Deutsche reisen nach Italien": no visit
    if event.actors or event.location or trigger.noun:
        return True
    if attributive_participle(sent, trigger.index):
        return False
    clause = sent.clauses[sent.clause_of(trigger.index)]
    everyday = lexicon().raw["everyday_verbs"]
    # "kamen ... zusammen" is "zusammen|kommen", a key of its own beside the lemma
    key = next((k for k in lemma_keys(sent.tokens, clause, trigger.index) if k in everyday), "")
    # A drone that "traf" a ship attacked it: another sense, which its clause chose.
    if not key or lexicon().raw["verbs"][key][0] != trigger.type:
        return True
    return any(t.lower in everyday[key] for t in sent.tokens[clause.first : clause.last])


def _own_actors(event: Event, names: Names, inside: list[Mention]) -> bool:
    """A subheading names a section's topic ("Spekulationen über Waffendeals"); it states an
    event only when it names who acts, not when its actors are carried over."""
    named = {names.key(m) for m in inside}
    return any(actor in named for actor in event.actors)


def _prepare(sentence: Sentence, inside: list[Mention]) -> SentenceView:
    tokens = tokenize(sentence.text, sentence.start)
    return SentenceView(sentence, tokens, split_clauses(tokens), inside)


def _one_per_clause(sent: SentenceView, triggers: list[Trigger]) -> list[Trigger]:
    """One event per type and clause (verbs before nouns); statements only on their own."""
    kept: dict[tuple[int, str, bool], Trigger] = {}
    triggers = [t for t in triggers if not _trip_to_a_meeting(sent, t, triggers)]
    for trigger in sorted(triggers, key=lambda t: (t.noun, t.index)):
        earlier = _earlier_of_its_kind(sent, trigger, triggers)
        kept.setdefault((sent.clause_of(trigger.index), trigger.type, earlier), trigger)
    chosen = sorted(kept.values(), key=lambda t: t.index)
    substantive = [t for t in chosen if not _is_cue(sent, t)]
    arms = {sent.clause_of(t.index) for t in substantive if t.type == "arms"}
    # Arms are aid of a kind: "Militärhilfe liefern" is one event, not two.
    substantive = [t for t in substantive if t.type != "aid" or sent.clause_of(t.index) not in arms]
    return substantive or chosen


def _trip_to_a_meeting(sent: SentenceView, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "Wenn Rui Maia nach Lissabon reist, trifft er Kessler", "reist nach Paris und trifft
    Macron": a trip in a sentence that tells another meeting is the way to it, one visit."""
    travel = lexicon().raw["travel_verbs"]["verbs"]
    if trigger.noun or sent.tokens[trigger.index].lemma not in travel:
        return False
    return any(t is not trigger and t.type == "meet" for t in triggers)


def _earlier_of_its_kind(sent: SentenceView, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "Nach einem Anschlag in Karachi greift Pakistan Ziele in Afghanistan an": a noun in
    a phrase of time after or since another event of its type that a verb of its clause
    tells is another event, not that one (review 115: the attack in Karachi had been
    lost); two nouns stay one ("Nach einer verkündeten Einigung ist eine Einigung
    geplatzt", review 102), and so does a noun after "vor", mostly a date to come ("ob
    sie sich noch vor dem Gipfel treffen könnten": the gold set's one meeting)."""
    if not trigger.noun or word_before_noun_phrase(sent, trigger.index, 0) not in _EARLIER:
        return False
    clause = sent.clause_of(trigger.index)
    return any(
        not t.noun and t.type == trigger.type and sent.clause_of(t.index) == clause
        for t in triggers
    )


# Prepositions of a phrase of time whose noun is another event than its clause's.
_EARLIER = frozenset({"nach", "seit"})


def _is_cue(sent: SentenceView, trigger: Trigger) -> bool:
    """A statement verb that also marks modality ("dementierte", "wies zurück") is a cue
    when the sentence has another event."""
    if trigger.type in {"announce", "deny"}:
        return True
    clause = sent.clauses[sent.clause_of(trigger.index)]
    keys = lemma_keys(sent.tokens, clause, trigger.index)
    cues = lexicon().cues
    return any(cues[label].matches(sent.tokens[trigger.index], keys) for label in ("denied",))


def _denies(sent: SentenceView) -> bool:
    return any("denied" in cue_labels(sent, c) for c in sent.clauses)


def _cancels(sent: SentenceView) -> bool:
    """Whether the sentence's cues of "denied" only call off ("abgesagt", "geplatzt")."""
    return all(only_cancelled(sent, c) for c in sent.clauses if "denied" in cue_labels(sent, c))


def _denial_of(sent: SentenceView, ctx: Context, before: list[Event]) -> list[Event]:
    """ "Beide Länder haben solche Absichten abgestritten": a denial of the last event."""
    recent = [e for e in before if e.start >= earlier_sentence_start(ctx.article, sent, 2)]
    open_claims = [e for e in recent if e.modality not in {"happened", "denied", "unspecified"}]
    if not open_claims:
        return []
    target = open_claims[-1]
    sources = sources_of(sent, sent.clauses[:1])
    names = source_names(sent, ctx, (sent.sentence.start, sent.sentence.end), sources)
    both = lexicon().words("both")
    if all(n.split()[0].lower() in both for n in names) and any(
        t.lower in both for t in sent.tokens
    ):
        names = _both(sent, ctx, target)
    span = sent.sentence
    return [
        replace(
            target,
            modality="denied",
            sentence=span.text,
            start=span.start,
            end=span.end,
            sources=names,
            time=None,
        )
    ]


def _both(sent: SentenceView, ctx: Context, target: Event) -> list[str]:
    """ "Beide Länder": the countries the event's actors act for; "beide Seiten": the actors."""
    words = [t.lower for t in sent.tokens]
    if not {"länder", "staaten"} & set(words):
        return list(target.actor_names)
    codes = actor_codes(ctx.article)
    named = [
        country_of_code(codes.get(key, "")) or name
        for key, name in zip(target.actors, target.actor_names, strict=True)
    ]
    return list(dict.fromkeys(named))


def _inherit_actors(
    sent: SentenceView, ctx: Context, event: Event, trigger: Trigger, before: list[Event]
) -> Event:
    """ "Das Treffen fand ... statt": a definite noun with no actors refers back."""
    if event.actors or not trigger.noun:
        return event
    definite = lexicon().words("definite")
    window = sent.tokens[max(0, trigger.index - 3) : trigger.index]
    if not any(t.lower in definite for t in window):
        return event
    since = earlier_sentence_start(ctx.article, sent, _ANAPHOR_SENTENCES)
    earlier = [e for e in before if e.start >= since and e.type == event.type and e.actors]
    if not earlier:
        return event
    source = earlier[-1]
    return replace(
        event,
        actors=list(source.actors),
        actor_names=list(source.actor_names),
        roles=list(source.roles),
    )


def _actors(
    sent: SentenceView,
    ctx: Context,
    index: int,
    trigger: Trigger,
    taken: set[int],
    own_phrase: tuple[int, int] | None,
) -> list[Mention]:
    """The trigger's actors: those of its "zwischen"/"von" phrase or, for an attack in a
    phrase of time, of ``own_phrase`` (``after_the_fact``); else those of its clause."""
    scope = [sent.clauses[index]]
    governing = controller(sent, index)
    asker: tuple[int, int] | None = None
    if governing is not None:
        scope.append(governing)
        asker = asker_span(sent, governing, trigger)
    elif matrix_clause(sent, index) is None and not _trailing_report(sent, index):
        scope.extend(
            c
            for c in sent.clauses[:index]
            if not cue_labels(sent, c) and not condition_of(sent, c, trigger)
        )
    between = _between(sent, trigger) or own_phrase
    candidates = [
        m
        for clause in scope
        for m in in_clause(sent, clause, sent.mentions)
        if id(m) not in taken
        and can_act(sent, m, trigger)
        and not town_of_the_noun(sent, ctx.article, m, trigger)
        and not modifies_a_noun(ctx.names, m)
        and not (asker and asker[0] <= sent.token_index(m.start) < asker[1])
    ]
    cut = _next_conjunct(sent, trigger)
    if cut is not None:
        candidates = [m for m in candidates if m.start < cut]
    earlier = _previous_conjunct(sent, trigger)
    if earlier is not None:
        candidates = [m for m in candidates if not earlier[0] <= m.start < earlier[1]]
    with_end = _own_with_end(sent, trigger)
    if with_end is not None:
        candidates = [m for m in candidates if not _with_another(sent, with_end, m)]
    if between is not None:
        candidates = [m for m in candidates if between[0] <= m.start < between[1]]
    else:
        candidates = [m for m in candidates if not after_other_between(sent, m, trigger)]
    keyed = {ctx.names.key(m): m for m in sorted(candidates, key=lambda m: m.start, reverse=True)}
    return sorted(keyed.values(), key=lambda m: m.start)


def _trailing_report(sent: SentenceView, index: int) -> bool:
    """Whether the clause reports the clauses before it (", sagte er beim EU-Gipfel",
    ", kündigte Wadephul an"): their names are what was said, no party of its event
    (review 113: the quote's NATO had met at the summit, and Oman had announced a
    flight). It opens with its verb or "wie", "so"; not "indem sie ihren Rücktritt
    angekündigt hat", "solange Dörfer bombardiert würden", whose names are its own."""
    if index == 0 or sent.clauses[index] not in reporting_clauses(sent, index - 1):
        return False
    first = sent.tokens[sent.clauses[index].first]
    return first.lower in {"wie", "so"} or conjugated(first)


# Events whose compound names its parties: "Trump-Putin-Treffen", "EU-Gipfel".
_COMPOUND_PARTY_TYPES = frozenset({"meet", "negotiate", "agree", "sanction"})


def _with_compound_parties(
    ctx: Context, actors: list[Mention], compound: list[Mention]
) -> list[Mention]:
    """``actors`` and the names a meeting's, talks', agreement's or sanction's own compound
    is made of (``_compound_parties``), each once, in the order of the text."""
    keys = {ctx.names.key(m) for m in actors}
    added = [m for m in compound if ctx.names.key(m) not in keys]
    return sorted([*actors, *added], key=lambda m: m.start)


def _compound_parties(sent: SentenceView, ctx: Context, trigger: Trigger) -> list[Mention]:
    """ "Trump-Putin-Treffen", "EU-Gipfel", "das EU-Mercosur-Abkommen": the names the
    trigger's compound is made of hold the meeting or make the agreement (review 100: 5
    parties of 150 stream items had been missed, the entities step tags the compound whole).
    Two names joined are the two sides, whatever they are; a single name only where it is
    a person or an organisation: a place names where or what it is about
    ("Ukraine-Gipfel", "Gaza-Abkommen"; review 80)."""
    if not trigger.noun or trigger.type not in _COMPOUND_PARTY_TYPES:
        return []
    token = sent.tokens[trigger.index]
    compound = next(
        (m for m in sent.mentions if m.derived and token.start <= m.start < token.end), None
    )
    if compound is None or "-" not in compound.text:
        return []
    parts = compound.text.split("-")[:-1]
    found: list[Mention] = []
    offset = compound.start
    for part in parts:
        entity = _entity_named(ctx.article, part)
        if entity is not None and (len(parts) > 1 or _acting_alone(ctx.article, entity, compound)):
            found.append(Mention(offset, offset + len(part), part, entity.type, entity.id))
        offset += len(part) + 1
    return found


def _acting_alone(article: Article, entity: Entity, compound: Mention) -> bool:
    """Whether a compound's single name is a party: a person or an organisation, that the
    article names apart from the compound or that the actor table knows ("EU", "Nato");
    NER makes entities of common words only in such compounds ("Niedrigwasser-Krisentreffen",
    "Elysée-Vertrag": review 100's side-effect check)."""
    if entity.type not in {"PER", "ORG"}:
        return False
    if fold(entity.name) in _table_organisations():
        return True
    return any(m.entity_id == entity.id and m is not compound for m in article.mentions)


@cache
def _table_organisations() -> frozenset[str]:
    """The actor table's institutions that are no government's seat: "EU", "Nato", "G7"."""
    institutions = lexicon().actors["institutions"]
    return frozenset(fold(name) for name, code in institutions.items() if "GOV" not in code)


def _with_joined_nationalities(
    ctx: Context, actors: list[Mention], roles: list[str]
) -> tuple[list[Mention], list[str]]:
    """``actors`` and ``roles`` with every country of a joined nationality adjective:
    "US-israelische Angriffe", "die deutsch-französischen Gespräche" name both sides, in
    the role of the adjective (review 100: Israel had been missed, the entities step links
    the adjective to its first country only)."""
    pairs = list(zip(actors, roles, strict=True))
    keys = {ctx.names.key(m) for m in actors}
    for mention, role in list(pairs):
        for added in _other_nationalities(ctx.article, mention):
            if ctx.names.key(added) not in keys:
                keys.add(ctx.names.key(added))
                pairs.append((added, role))
    pairs.sort(key=lambda pair: pair[0].start)
    return [m for m, _ in pairs], [r for _, r in pairs]


def _other_nationalities(article: Article, mention: Mention) -> list[Mention]:
    """The countries of a joined adjective's parts after its first ("US-israelischer":
    Israel), each as a mention of that part, of the article's entity for it if any."""
    if not mention.derived or "-" not in mention.text:
        return []
    found: list[Mention] = []
    offset = mention.start + len(mention.text.split("-")[0]) + 1
    for part in mention.text.split("-")[1:]:
        country = country_name(part) if part[:1].islower() else None
        if country is not None:
            entity = _entity_named(article, country)
            entity_id = entity.id if entity is not None else None
            found.append(Mention(offset, offset + len(part), part, "LOC", entity_id, True))
        offset += len(part) + 1
    return found


def _entity_named(article: Article, part: str) -> Entity | None:
    """The article's entity a compound's part names: by its name, an alias or a person's
    surname ("Putin" for Wladimir Putin)."""
    folded = fold(part)
    for entity in article.entities:
        names = [entity.name, *entity.aliases]
        surname = entity.name.split()[-1:] if entity.type == "PER" else []
        if folded in {fold(n) for n in [*names, *surname]}:
            return entity
    return None


def _next_conjunct(sent: SentenceView, trigger: Trigger) -> int | None:
    """Where a verb trigger's clause goes on with another verb after "und" or "oder": the
    names from there are that verb's ("Macron hat die US-Politik kritisiert und mehr Mut
    von Europa gefordert": Europe had been criticised; review 100). An "und" that joins
    names ("traf Macron und Scholz") has no verb before the next one or the clause's end."""
    if trigger.noun:
        return None
    tokens = sent.tokens
    clause = sent.clauses[sent.clause_of(trigger.index)]
    joins = [u for u in range(trigger.index + 1, clause.last) if tokens[u].lower in _COORDINATORS]
    for u, after in zip(joins, [*joins[1:], clause.last], strict=False):
        if any(_conjunct_verb(tokens[v]) for v in range(u + 1, after)):
            return tokens[u].start
    return None


def _conjunct_verb(token: Token) -> bool:
    """A finite verb or a participle whose lemma is a verb's ("gefordert", "getroffen");
    not an adjective that only looks like one ("beiden", "gesamten")."""
    return conjugated(token) or (participle(token) and token.lemma.endswith("n"))


_COORDINATORS = frozenset({"und", "oder"})


def _previous_conjunct(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """For a verb after "und" that goes on from another verb of its clause, the span of
    the names the other verb acts on: from the clause's finite verb to the "und" ("Macron
    hat die US-Politik kritisiert und mehr Mut gefordert", "Macron kritisiert die
    US-Politik und fordert ..."). Only where the subject stands before the finite verb:
    after it, the names there begin with the subject ("Am Montag hat Macron ...")."""
    if trigger.noun:
        return None
    tokens = sent.tokens
    clause = sent.clauses[sent.clause_of(trigger.index)]
    joins = [u for u in range(clause.first, trigger.index) if tokens[u].lower in _COORDINATORS]
    finite = next((j for j in range(clause.first, trigger.index) if conjugated(tokens[j])), None)
    if not joins or finite is None or not joins[-1] > finite:
        return None
    u = joins[-1]
    # The subject ends right before the finite verb ("Frankreichs Präsident Macron hat"),
    # not in a phrase before it ("In seiner Rede in München hat Macron ...").
    subject_first = tokens[clause.first].lower not in PREPOSED and any(
        sent.token_index(m.end - 1) == finite - 1 for m in sent.mentions
    )
    verb = any(_conjunct_verb(tokens[v]) for v in range(finite + 1, u))
    if not subject_first or not (verb or conjugated(tokens[u + 1])):
        return None
    return tokens[finite].end, tokens[u].start


def _with_pronoun_actor(
    sent: SentenceView, ctx: Context, clause: Clause, actors: list[Mention]
) -> list[Mention]:
    """A subject "er" acts too: in a claim it is the speaker ("Trump sagte, er werde Putin
    treffen"; no one, where the speaker is no named person), else the last person named
    before it ("Trump ist zufrieden. Er trifft Putin am Freitag"). "sie" is left alone:
    it is as often a group, an object or a woman not named last."""
    pronoun = next((t for t in sent.tokens[clause.first : clause.last] if t.lower == "er"), None)
    if pronoun is None:
        return actors
    claims = attributions_over(sent, ctx, sent.span(clause))
    person = _speaker(ctx, claims) if claims else _antecedent(ctx, sent, pronoun)
    if person is None or ctx.names.key(person) in {ctx.names.key(m) for m in actors}:
        return actors
    return [person, *actors]


def _speaker(ctx: Context, claims: list[Attribution]) -> Mention | None:
    """The named person whose claim the clause is."""
    for claim in claims:
        named = ctx.people.starting_in(0, claim.source_end)
        for entity_id in claim.entity_ids:
            found = [m for m in named if m.entity_id == entity_id]
            if found:
                return found[-1]
    return None


def _antecedent(ctx: Context, sent: SentenceView, pronoun: Token) -> Mention | None:
    since = earlier_sentence_start(ctx.article, sent, 2)
    before = [m for m in ctx.people.starting_in(since, pronoun.start) if m.end <= pronoun.start]
    return antecedent(ctx.article.text, before)


def _own_with_end(sent: SentenceView, trigger: Trigger) -> int | None:
    """For a noun with its own "mit" ("Treffen mit Selenskyj"), where that phrase ends (the
    token after it); None for any other trigger."""
    after = trigger.index + 1
    if not trigger.noun or after >= len(sent.tokens) or sent.tokens[after].lower != "mit":
        return None
    return sent.token_index(own_phrase(sent, trigger)[1] - 1) + 1


def _with_another(sent: SentenceView, end: int, mention: Mention) -> bool:
    """ "hat kurz vor seinem Treffen mit Selenskyj in Florida mit Putin telefoniert": a
    noun with its own "mit" has its other side there (up to ``end``); a name after a later
    "mit", past its phrase, is another word's (review 107: Putin had been at the meeting),
    the last name of a list after it too ("mit Verbündeten aus Europa und Kanada
    abgestimmt": Kanada had met Trump)."""
    at = sent.token_index(mention.start)
    back = sent.tokens[max(end, at - _WITH_LOOKBACK) : at]
    return at >= end and any(t.lower == "mit" for t in back)


# Words from a later "mit" to a name of its phrase at most: "mit Verbündeten aus Europa und
# Kanada".
_WITH_LOOKBACK = 6


def _between(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Treffen zwischen X und Y", "Treffen von X mit Y": the span that names the parties,
    if the noun has one. It ends at a verb: in "Vor dem Treffen zwischen Trump und Putin
    warnt Selenskyj", Selenskyj warns and meets no one."""
    i = trigger.index + 1
    # "den Gesprächen in Ägypten zwischen Israel und der Hamas": past a place's phrase
    # (review 107: the talks had had no parties)
    if i + 2 < len(sent.tokens) and sent.tokens[i].lower in {"in", "im"}:
        last = min(i + 4, len(sent.tokens))
        k = next((k for k in range(i + 1, last) if sent.tokens[k].lower == "zwischen"), None)
        if k is not None and all(sent.tokens[j].capitalised for j in range(i + 1, k)):
            i = k
    if not trigger.noun or i >= len(sent.tokens) or sent.tokens[i].lower not in _PARTIES:
        return None
    between = sent.tokens[i].lower == "zwischen"
    stops = PHRASE_STOPS - ({"und"} if between else _JOINING)
    end = words_up_to_a_verb(sent, i + 1, 10, stops)
    if not between and not _all_parties(sent, trigger, end):
        return None
    return sent.tokens[i].end, sent.tokens[end - 1].end


def _all_parties(sent: SentenceView, trigger: Trigger, end: int) -> bool:
    """Whether "von X und Y" or "von X mit Y" after the noun names all who take part: not
    "der Besuch von Kim" (one party; the others may be anywhere), nor a meeting someone
    joins ("will an einem Treffen von EU und Golfstaaten teilnehmen", "bei einem Gipfel
    von ...")."""
    named = sent.tokens[trigger.index + 2 : end]
    if all(t.lower not in _JOINING for t in named):
        return False
    before = sent.tokens[max(0, trigger.index - 3) : trigger.index]
    return not any(t.lower in _JOINED_AT for t in before)


def _extended_attributes(sent: SentenceView, trigger: Trigger) -> list[tuple[int, int]]:
    """ "Die vom Iran unterstützte Hisbollah-Miliz lehnt die Waffenruhe ab", "kritisieren die
    von Merz angekündigte Kooperation": who acts in the participle of an article's extended
    attribute ("die von X ...-te Noun") acts in that participle only, and is no party of
    the clause's other events (review 115: Iran had rejected the ceasefire)."""
    spans = []
    tokens = sent.tokens
    for j, token in enumerate(tokens[1:-1], start=1):
        if token.lower not in {"von", "vom"} or tokens[j - 1].lower not in DETERMINERS:
            continue
        end = _attribute_participle(tokens, j)
        if end is not None and not j <= trigger.index <= end:
            spans.append((token.start, tokens[end].end))
    return spans


def _attribute_participle(tokens: list[Token], von: int) -> int | None:
    """The participle that ends the attribute opened by "von" at ``von``: names and
    articles up to a lower-case inflected word ("unterstützte", "angekündigte"), then only
    such words up to the capitalised noun."""
    j = von + 1
    while j < min(len(tokens), von + 6) and (
        tokens[j].capitalised or tokens[j].lower in DETERMINERS
    ):
        j += 1
    # the participle's lemma is its verb's, not an adjective's ("der von der Ukraine große
    # Zugeständnisse verlangt" is a relative clause)
    verb = j < len(tokens) and tokens[j].lemma.endswith("n")
    if j == von + 1 or not (verb and _attribute_word(tokens[j])):
        return None
    k = j + 1
    while k < len(tokens) and _attribute_word(tokens[k]):
        k += 1
    return j if k < len(tokens) and tokens[k].capitalised else None


def _attribute_word(token: Token) -> bool:
    """An adjective or participle of the attribute: "vertiefte", "neuen"."""
    lower = token.lower
    return not token.capitalised and token.text.isalpha() and lower.endswith(ADJECTIVE_ENDINGS)


EXTRACTORS: Registry[EventExtractor] = Registry("event extractor")
EXTRACTORS.add("rules", lambda name: RuleEventExtractor())


def register_extractor(name: str, factory: Callable[[], EventExtractor]) -> None:
    """Make an extractor (a trained model, say) available by name."""
    EXTRACTORS.add(name, _NamedCall(factory))


class _NamedCall:
    """A factory without arguments called as the registry calls one, with the name. It
    keeps the factory as ``__wrapped__`` (``inspect.unwrap``): plugins ship that one, not
    this adapter, to worker processes."""

    def __init__(self, factory: Callable[[], EventExtractor]) -> None:
        self.__wrapped__ = factory

    def __call__(self, _name: str) -> EventExtractor:
        return self.__wrapped__()


def check_extractor(name: str) -> None:
    """E110 for an extractor no one registered."""
    EXTRACTORS.check(name)


# Each extractor built, by name, with the factory that built it: one registered again
# under the same name is built anew.
_BUILT: dict[str, tuple[object, EventExtractor]] = {}


def get_extractor(name: str = "rules") -> EventExtractor:
    """The extractor called ``name``, built once per process (a trained model loads once,
    not once per article), as NER backends and embedders are."""
    factory = EXTRACTORS.factory(name)
    built = _BUILT.get(name)
    if built is None or built[0] is not factory:
        built = _BUILT[name] = (factory, factory(name))
    return built[1]


@component("events")
def events(article: Article, options: Options) -> None:
    article.events = get_extractor(options.event_extractor).extract(article)
