"""Event extraction in the manner of GDELT: sentences become typed events with actors,
modality, place, time and sources.

No dependency parser is available, so the rules work on lemmas (simplemma) and clauses
(split at commas, colons and complementisers): a trigger lemma gives the type and CAMEO-style
code, the entity mentions in its clause give the actors, cue words in its clause and in the
clause that governs it give the modality. Triggers, cues and actor codes are data
(``data/event_cues.json``, ``data/event_actors.json``). The extractor sits behind the
``EventExtractor`` protocol so that a trained model can replace the rules.

``event_grammar`` holds the language side (tokens, clauses, triggers, cues, tense),
``event_actors`` the naming of actors, their codes and the names found without NER; this
module puts them together: actors, place, time, sources and modality of each event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Generic, Protocol, TypeVar

from chronik.analysis.attribution import antecedent, unresolved_source
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
    is_country_mention,
    subject_role,
)
from chronik.analysis.event_grammar import (
    ARTICLES,
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    any_preposition,
    attributive_participle,
    auxiliaries,
    conjunct,
    controller,
    copula_subject,
    cue_labels,
    event_noun_type,
    find_triggers,
    hedged,
    inflected_adjective,
    involved_in,
    is_event_noun,
    is_past_verb,
    lemma_keys,
    lexicon,
    matrix_clause,
    negation,
    only_cancelled,
    participle,
    passive_auxiliaries,
    past_finite_verb,
    phrase_start,
    prefield,
    present_plural,
    presupposed_phrase,
    reporting_clauses,
    resolve_modality,
    split_clauses,
    tense,
    tokenize,
)
from chronik.analysis.gazetteer import fold
from chronik.analysis.pipeline import component
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import run_on, split_sentences
from chronik.analysis.timex import load_rules, week_days
from chronik.model import (
    Article,
    Attribution,
    Block,
    BlockKind,
    Entity,
    Event,
    Mention,
    Sentence,
    Timex,
)
from chronik.options import Options
from chronik.registry import Registry

_ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "GPE"})


_MAX_ACTOR_DISTANCE = 20
# Tokens between a subject's name and its auxiliary at most ("Trump und Putin wollen": 2).
_SUBJECT_GAP = 2


_ANAPHOR_SENTENCES = 6


# "vom russischen Präsidenten Putin": the agent preposition within three words of the name.
_AGENT_LOOKBACK = 3
_AGENT_PREPOSITIONS = frozenset({"von", "vom"})
# After an event noun, these name all its parties ("von" only where "und" joins two).
_PARTIES = _AGENT_PREPOSITIONS | {"zwischen"}
_JOINED_AT = frozenset({"an", "am", "bei", "beim"})
_JOINING = frozenset({"und", "mit"})


class EventExtractor(Protocol):
    """Anything that turns an analysed article into events."""

    def extract(self, article: Article) -> list[Event]: ...


def _apposed(sent: SentenceView, mention: Mention) -> bool:
    """ "der russische Präsident Wladimir Putin": the adjective describes the name after it."""
    after = sent.token_index(mention.end)
    return any(
        m.type in {"PER", "ORG"}
        and not m.derived
        and after <= sent.token_index(m.start) <= after + 3
        for m in sent.mentions
    )


def locations(sent: SentenceView, clause: Clause, article: Article) -> list[Mention]:
    """Places named in a locative phrase ("in Wladiwostok", "auf dem Weltraumbahnhof X")."""
    return _where(_locative_places(sent, clause, article), article)


def _where(located: list[tuple[Mention, bool]], article: Article) -> list[Mention]:
    """The places an event can be at: not negated; a place, not an organisation ("in der
    EU", "auf Truth Social" say with whom, not where); and not a compound on a place's name,
    which names something else ("im Ukraine-Krieg" says in which war, not where). Such
    mentions still are no actors: they stand in a locative phrase."""
    places = {e.id for e in article.entities if e.type == "LOC"}
    return [
        m
        for m, negated in located
        if not negated and not _compound(m) and (m.type == "LOC" or m.entity_id in places)
    ]


def _compound(mention: Mention) -> bool:
    # Derived adjectives are lower case, but a city's is not ("Magdeburger"): it says where;
    # so does a compound on a class of places ("Gaza-Stadt").
    if not mention.derived or not mention.text[:1].isupper() or mention.text.endswith("er"):
        return False
    head = mention.text.rsplit("-", 1)[-1].lower()
    return head not in lexicon().words("place_class_nouns")


def _locative_places(
    sent: SentenceView, clause: Clause, article: Article | None = None
) -> list[tuple[Mention, bool]]:
    """Every place of a locative phrase, and whether the phrase is negated ("nicht im
    Rahmen des Forums in Wladiwostok" says where the event is not) or a noun's. A country
    an attack is aimed at is its target, not its place ("Angriff auf Iran"; a city, "Angriff
    auf Kiew", stays where it was)."""
    raw = lexicon().raw
    found: list[tuple[Mention, bool]] = []
    negated = False
    for i in range(clause.first, clause.last):
        if sent.tokens[i].lower not in raw["locative_prepositions"]:
            continue
        negated = negated or (i > clause.first and sent.tokens[i - 1].lower in raw["negations"])
        # A noun's place is neither the event's place nor an actor, as a negated one.
        elsewhere = negated or _attributive(sent, clause, i) or _borne_on(sent, clause, i)
        phrase = _phrase_after(sent, clause, i)
        if not phrase or any(sent.tokens[j].lower in raw["non_locative_nouns"] for j in phrase):
            continue
        if _names_an_event(sent, phrase):
            continue
        # Part of a word is a modifier, not a place: "in Ukraine-Krieg-Zeiten".
        words = sent.whole_words_from(sent.tokens[phrase[0]].start, sent.tokens[phrase[-1]].end)
        if article is not None and _aimed(sent, clause, i):
            words = [m for m in words if not is_country_mention(m, article)]
        found.extend(
            (m, elsewhere or _genitive_adjective(sent, m, phrase))
            for m in words
            if m.type != "PER" and not _event_adjective(sent, m)
        )
    return found


def _genitive_adjective(sent: SentenceView, mention: Mention, phrase: list[int]) -> bool:
    """ "auf die Nutzung russischen Vermögens": a country's adjective after the phrase's
    noun is on another noun in the genitive, and says whose, not where (review 90)."""
    return mention.derived and any(
        sent.tokens[k].capitalised and sent.tokens[k].end <= mention.start for k in phrase
    )


def _borne_on(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "Der Druck auf Israel wächst", "sein Anspruch auf die Insel": after a noun of
    ``bearing_nouns`` the preposition names what it bears on, not where (review 90: Israel
    had been the place of three events of the sentence)."""
    noun = sent.tokens[i - 1] if i > clause.first else None
    if noun is None or not noun.capitalised or sent.tokens[i].lower != "auf":
        return False
    lemma = noun.lemma.lower()
    return any(lemma.endswith(word) for word in lexicon().raw["bearing_nouns"]["words"])


def _event_adjective(sent: SentenceView, mention: Mention) -> bool:
    """ "auf die Folgen des russischen Angriffs", "nach Beginn der amerikanischen Angriffe":
    a country's adjective on an event's noun says who acts, not where, though the phrase is
    a locative one (review 82: Russland had been the place of an attack on the Ukraine)."""
    after = sent.token_index(mention.end)
    noun = sent.tokens[after] if mention.derived and after < len(sent.tokens) else None
    return noun is not None and noun.capitalised and is_event_noun(noun)


def _aimed(sent: SentenceView, clause: Clause, i: int) -> bool:
    """Whether the preposition at ``i`` names what a noun of an aimed event is against:
    "Angriffe auf den Iran", "Sanktionen gegen Russland" (review 61 had Iran as the place)."""
    noun = i - 1
    if noun < clause.first or sent.tokens[i].lower not in {"auf", "gegen"}:
        return False
    return event_noun_type(sent.tokens[noun]) in lexicon().words("aimed_types")


def _names_an_event(sent: SentenceView, phrase: list[int]) -> bool:
    """Whether the phrase's noun is an event's: "nach dem Anschlag der Hamas auf Israel" says
    when, and its names are the attack's parties, not places (review 39: the Hamas had been
    taken as a place, and the attack had no attacker)."""
    noun = next((sent.tokens[j] for j in phrase if sent.tokens[j].capitalised), None)
    return noun is not None and noun.capitalised and is_event_noun(noun)


def _attributive(sent: SentenceView, clause: Clause, i: int) -> bool:
    """A locative phrase that says where a noun is, not where the event is: inside an
    attribute ("der in Miami ansässigen Organisation") or after the noun of a phrase about
    a topic ("über den Wiederaufbau in Gaza sprechen", "Rache für die Toten in Iran")."""
    tokens = sent.tokens
    if i > clause.first and tokens[i - 1].lower in ARTICLES:
        # "der in Miami ansässigen": an article, not a relative pronoun after a comma
        return not (i - 1 > 0 and tokens[i - 2].text == ",")
    j = i - 1
    noun = tokens[j] if j >= clause.first else None
    # The event's own noun keeps its place ("für das Treffen in Abu Dhabi"), a name too
    # ("Demonstration für Chamenei in Teheran"): only a common noun's phrase is a topic.
    if noun is None or not noun.capitalised or is_event_noun(noun):
        return False
    if sent.whole_words_from(noun.start, noun.end):
        return False
    topics = _TOPIC_PREPOSITIONS | lexicon().words("presupposing_prepositions")
    return _word_before_noun_phrase(sent, j, clause.first) in topics


def _word_before_noun_phrase(sent: SentenceView, noun: int, first: int) -> str:
    """The word before the noun at ``noun`` and its articles and adjectives ("nach" in
    "nach dem tödlichen Anschlag"), lower-cased; "" where none stands from ``first`` on."""
    j = _noun_phrase_start(sent, noun, first) - 1
    return sent.tokens[j].lower if j >= first else ""


def _noun_phrase_start(sent: SentenceView, noun: int, first: int) -> int:
    """Where the noun at ``noun`` and its articles and adjectives begin, from ``first`` on."""
    return phrase_start(sent.tokens, noun, first, ARTICLES)


# "gegen die Regierung in Belgrad" is as often where the protest is as whose government.
# A cause ("presupposing_prepositions": "wegen der Lage in Nahost") is why, not where
# (review 37: it had been the EU aid's place).
_TOPIC_PREPOSITIONS = frozenset({"über", "für"})
_PHRASE_STOPS = frozenset("zu und mit für an um zwischen gegen über von vom bei seit".split())


def _phrase_after(sent: SentenceView, clause: Clause, i: int) -> list[int]:
    """Token indices of the phrase after a preposition: up to six words, until a break."""
    stop = lexicon().words("locative_prepositions") | _PHRASE_STOPS
    phrase: list[int] = []
    for j in range(i + 1, min(clause.last, i + 7)):
        token = sent.tokens[j]
        # At a verb, not past it: "auf der Konferenz hat Spaniens Präsident Sánchez …
        # kritisiert" had made Spain the place and Sánchez the target; a present plural
        # too ("in Tarvo treffen sich Nordland und Südland", review 45).
        # "In der Nacht überzogen sich Russland und die Ukraine": no phrase holds "sich"
        verb = _verb_form(token) or present_plural(token) or token.lower == "sich"
        verb = verb and not _attributive_participle(sent, phrase, j, clause)
        named = token.lower == "von" and _named_with_von(sent, j - 1, i)
        named = named or (token.lower == "und" and _places_joined(sent, j))
        if (token.lower in stop and not named) or not token.text[:1].isalnum() or verb:
            break
        phrase.append(j)
        if token.capitalised and token.lower in _time_nouns():
            # "hat in der Nacht die Ukraine angegriffen", "am Montag die Türkei besucht":
            # a phrase of time ends at its noun, and the name after it is the verb's
            # object (review 100: the attacked and the visited had been places).
            break
    return phrase


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that head a phrase of time: the timex rules' months, weekdays, parts of the
    day, seasons, holidays and units ("Nacht", "Montag", "Wochenende", "Juli")."""
    lexicons = load_rules().lexicons
    kinds = ("month_plain", "weekday", "partofday", "season", "holiday", "rel_unit", "unit")
    return frozenset(word for kind in kinds for word in lexicons.get(kind, {}))


def _attributive_participle(sent: SentenceView, phrase: list[int], j: int, clause: Clause) -> bool:
    """ "Im russisch besetzten Horliwka": an inflected form before the phrase's first noun,
    with a noun right after it, is a participle on that noun; a finite verb cannot stand
    there (review 90: the phrase had ended at it, and the town had become an actor)."""
    tokens = sent.tokens
    inflected = tokens[j].lower.endswith(("en", "em", "er", "es"))
    before_noun = not any(tokens[k].capitalised for k in phrase)
    return inflected and before_noun and j + 1 < clause.last and tokens[j + 1].capitalised


def _places_joined(sent: SentenceView, j: int) -> bool:
    """Whether the "und" at ``j`` joins two places: "in Virginia und New Jersey" names
    where twice (review 90: New Jersey, outside the phrase, had been elected)."""
    before = next((m for m in sent.mentions if m.end == sent.tokens[j].start - 1), None)
    after = next((m for m in sent.mentions if m.start == sent.tokens[j].end + 1), None)
    return before is not None and after is not None and before.type == after.type == "LOC"


def _named_with_von(sent: SentenceView, j: int, preposition: int) -> bool:
    """Whether the noun at ``j`` in the phrase is a place named with "von" after it ("in der
    Straße von Hormus", "im Golf von Aden": ``von_place_nouns``): the name is where, not
    whose (review 90: Hormus had been the target of attacks on ships in its strait)."""
    nouns = lexicon().words("von_place_nouns")
    return j > preposition and sent.tokens[j].lower in nouns


def best_place(places: list[Mention], article: Article) -> Mention | None:
    """The most specific place: the last that is not a country, else the first."""
    specific = [m for m in places if not is_country_mention(m, article)]
    if specific:
        return specific[-1]
    return places[0] if places else None


def marker_sources(sent: SentenceView) -> list[Mention]:
    """Mentions after "nach Angaben", "laut", "so berichtet" or before "zufolge"."""
    markers = lexicon().raw["source_markers"]
    found: list[Mention] = []
    words = [t.lower for t in sent.tokens]
    for i in range(len(words)):
        for marker in markers["before"]:
            if words[i : i + len(marker)] == marker:
                found.extend(_coordinated_sources(sent, i + len(marker)))
            found.extend(_adjective_source(sent, words, i, marker))
        for marker in markers["after"]:
            if words[i : i + len(marker)] == marker and i > 0:
                end = i + len(marker)
                if marker == ["zufolge"]:
                    # "Der Zeitung zufolge ist Volkswagen mit ... im Gespräch": the source
                    # stands before "zufolge" only; the name after it is the clause's
                    # subject (review 100: Volkswagen had lost its talks).
                    found.extend(_mentions_between(sent, max(0, i - 4), i)[-1:])
                    continue
                # ", sagte Putin" names its source after the verb; "Scholz sagte, Macron
                # habe ..." before it, and Macron is who the claim is about.
                stop = next((j for j in range(end, end + 4) if words[j : j + 1] == [","]), end + 4)
                found.extend(_mentions_between(sent, end, stop)[:1])
    return found


def _adjective_source(
    sent: SentenceView, words: list[str], i: int, marker: list[str]
) -> list[Mention]:
    """A country's adjective inside a marker, "nach ukrainischen Angaben": the country is
    the source, no party (review 92: Ukraine had been the target of the offensive that
    Ukraine reported Russia plans)."""
    if len(marker) != 2 or words[i : i + 1] != marker[:1] or words[i + 2 : i + 3] != marker[1:]:
        return []
    return _mentions_between(sent, i + 1, i + 2)


def _coordinated_sources(sent: SentenceView, first: int) -> list[Mention]:
    """The first mention of the phrase at ``first``, and of each phrase "und" joins to it:
    "laut CNN und New York Times" names two sources."""
    found: list[Mention] = []
    while first < len(sent.tokens):
        end = _phrase_end(sent, first)
        found.extend(_source_head(_mentions_between(sent, first, end)))
        if end + 1 >= len(sent.tokens) or sent.tokens[end].lower not in {"und", "sowie"}:
            break
        first = end + 1
    return found


def _source_head(inside: list[Mention]) -> list[Mention]:
    """The phrase's first mention, with the person its title names right after it: in
    "laut US-Präsident Trump" both are the source (review 90: Trump had been a party of
    the agreement he reported)."""
    head = inside[:1]
    titled = len(inside) > 1 and inside[0].derived and inside[1].type == "PER"
    if titled and inside[1].start - inside[0].end <= 1:
        head.append(inside[1])
    return head


def has_source_marker(sent: SentenceView) -> bool:
    words = [t.lower for t in sent.tokens]
    markers = lexicon().raw["source_markers"]["before"]
    return any(words[i : i + len(m)] == m for m in markers for i in range(len(words)))


def _phrase_end(sent: SentenceView, first: int) -> int:
    """The end of the noun phrase at ``first``: it stops at the first verb-like word."""
    end = first
    while end < len(sent.tokens) and end - first < 6:
        token = sent.tokens[end]
        if not token.text[:1].isalnum():
            break
        lower_word = not token.capitalised and token.lower not in DETERMINERS
        if lower_word and not inflected_adjective(token) and token.lower not in {"von", "der"}:
            break
        end += 1
    return end


def _mentions_between(sent: SentenceView, first: int, last: int) -> list[Mention]:
    if first >= len(sent.tokens):
        return []
    start = sent.tokens[first].start
    end = sent.tokens[min(last, len(sent.tokens)) - 1].end
    return [m for m in sent.mentions if start <= m.start < end]


def in_clause(sent: SentenceView, clause: Clause, mentions: Iterable[Mention]) -> list[Mention]:
    start, end = sent.span(clause)
    return [m for m in mentions if start <= m.start < end]


_Spanned = TypeVar("_Spanned", Mention, Attribution, Timex, Block)


@dataclass(slots=True)
class _Context:
    article: Article
    names: Names
    published: date | None
    claims: _Spans[Attribution]
    times: _Spans[Timex]
    people: _Spans[Mention]


class _Spans(Generic[_Spanned]):
    """An article's mentions, attributions, time expressions or blocks, found by offset in
    log time: each sentence asks for its own, and a 1 MB text has thousands of sentences
    and tens of thousands of mentions."""

    def __init__(self, items: Iterable[_Spanned]) -> None:
        self.items: list[_Spanned] = sorted(items, key=lambda item: item.start)
        self.starts: list[int] = [item.start for item in self.items]

    def starting_in(self, start: int, end: int) -> list[_Spanned]:
        first = bisect_left(self.starts, start)
        return self.items[first : bisect_left(self.starts, end, first)]


class RuleEventExtractor:
    """Lemma rules over clauses; see the module docstring and docs/events.md."""

    def extract(self, article: Article) -> list[Event]:
        named = _Spans(article.mentions or fallback_mentions(article))
        context = _Context(
            article,
            article_names(article, named.items),
            article.published.date() if article.published else None,
            _Spans(article.attributions),
            _Spans(article.timexes),
            _Spans(m for m in named.items if m.type == "PER" and not m.derived),
        )
        events: list[Event] = []
        subheadings = _Spans(b for b in article.blocks if b.kind is BlockKind.SUBHEADING)
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
        self, sent: SentenceView, ctx: _Context, before: list[Event]
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
                span := _after_the_fact(sent, t)
                or _meeting_beside_an_attack(sent, t, every)
                or _attack_a_threat_is_on(sent, t, every)
            )
        }
        # A meeting so placed keeps the clause's parties, but its own phrase's names are
        # no party of another event ("fordern vor Verhandlungen mit Putin eine
        # Waffenruhe": Putin is asked nothing; review 100).
        beside = {t.index: _own_phrase(sent, t) for t in every if _meeting_in_time(sent, t)}
        events = [self._event(sent, ctx, t, {**beside, **phrases}, phrases) for t in triggers]
        found = [
            (_inherit_actors(sent, ctx, e, t, before), t)
            for e, t in zip(events, triggers, strict=True)
        ]
        return [e for e, t in found if _anchored(sent, e, t)]

    def _event(
        self,
        sent: SentenceView,
        ctx: _Context,
        trigger: Trigger,
        beside: dict[int, tuple[int, int]],
        phrases: dict[int, tuple[int, int]],
    ) -> Event:
        index = sent.clause_of(trigger.index)
        clause = sent.clauses[index]
        governing = reporting_clauses(sent, index)
        sources = _sources(sent, governing)
        control = controller(sent, index)
        everywhere = _locative_places(sent, Clause(0, len(sent.tokens), ""), ctx.article)
        others = [span for at, span in beside.items() if at != trigger.index]
        own = phrases.get(trigger.index) or _reaction_to(sent, trigger)
        place = _place(sent, ctx, clause, everywhere, own, others)
        # Every place of a locative phrase is where (or where not), not who ("in der Stadt
        # Wladiwostok", "nicht in Wladiwostok").
        speakers = [m for m in sources if not _speaker_at_meeting(sent, trigger, m)]
        taken = {id(m) for m in speakers} | {id(m) for m, _ in everywhere}
        taken |= {id(m) for m in sent.mentions if any(a <= m.start < b for a, b in others)}
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
        # When it was said is not when it happens: "..., sagte Trump am Montag".
        said = [sent.span(c) for c in governing if "reported" in cue_labels(sent, c)]
        elsewhere = _about_others(sent, trigger) + said
        timex = _timex(sent, ctx, clause, elsewhere)
        governing += [control] if control else []
        reported = bool(sources) or has_source_marker(sent)
        modality = _modality(sent, ctx, clause, governing, trigger, timex, reported)
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
            time=timex or _publication_time(ctx, modality, sent, clause),
            sources=_source_names(sent, ctx, sent.span(clause), sources),
        )


def _speaker_at_meeting(sent: SentenceView, trigger: Trigger, source: Mention) -> bool:
    """ "sagte Magyar nach einem Treffen mit Sulyok", "erklärte Merz bei seinem Gespräch
    mit Macron": a person who speaks on the occasion of a meeting or talks in the same
    clause took part in them (review 100: the speaker, as the claim's source, had been
    left out of the meeting he reported)."""
    if not trigger.noun or trigger.type not in {"meet", "negotiate"}:
        return False
    if source.type != "PER" or source.derived or _after_source_marker(sent, source):
        return False
    before = _word_before_noun_phrase(sent, trigger.index, 0)
    same = sent.clause_of(sent.token_index(source.start)) == sent.clause_of(trigger.index)
    return same and before in _TIME_PREPOSITIONS | _CONDITION_PREPOSITIONS


def _after_source_marker(sent: SentenceView, source: Mention) -> bool:
    """Whether a marker such as "laut" or "nach Angaben" names the source within four
    words before it: who is cited so need not have been there ("Laut Wadephul bereiten
    sich die Europäer auf eine Rolle bei Verhandlungen vor")."""
    words = [t.lower for t in sent.tokens]
    at = sent.token_index(source.start)
    return any(
        words[j : j + len(marker)] == marker
        for marker in lexicon().raw["source_markers"]["before"]
        for j in range(max(0, at - 4), at)
    )


def _place(
    sent: SentenceView,
    ctx: _Context,
    clause: Clause,
    everywhere: list[tuple[Mention, bool]],
    own: tuple[int, int] | None,
    others: list[tuple[int, int]],
) -> Mention | None:
    """The trigger's clause's place first, else one anywhere in the sentence. An attack or
    an arrest in a phrase of time (``_after_the_fact``) is where its own phrase says, and
    a place in such a phrase is no other event's: "Nach dem Angriff in Hanau lädt die
    Stadt zu einem Gipfel in Kassel ein" (review 85: 4 of 12 wrong places of 150 stream
    items)."""
    places = locations(sent, clause, ctx.article) or _where(everywhere, ctx.article)
    if own is not None:
        places = [m for m in places if own[0] <= m.start < own[1]]
    else:
        places = [m for m in places if not any(a <= m.start < b for a, b in others)]
    return best_place(places, ctx.article)


def _anchored(sent: SentenceView, event: Event, trigger: Trigger) -> bool:
    """Whether the event keeps its trigger: a verb of ``everyday_verbs`` in its first sense,
    or a participle before its noun ("der geforderten Norm"), only where its event names
    who or where. Without either it is mostly in an everyday sense ("lieferte die schnellste
    Zeit", "es droht ein Engpass"; review 37: 14 of the 18 spurious events of 49 news
    articles had neither), and a story joined it to its best-attested event of the type."""
    if event.actors or event.location or trigger.noun:
        return True
    if attributive_participle(sent, trigger.index):
        return False
    lemma = sent.tokens[trigger.index].lemma
    marks = lexicon().raw["everyday_verbs"].get(lemma)
    # A drone that "traf" a ship attacked it: another sense, which its clause chose.
    if marks is None or lexicon().raw["verbs"][lemma][0] != trigger.type:
        return True
    clause = sent.clauses[sent.clause_of(trigger.index)]
    return any(t.lower in marks for t in sent.tokens[clause.first : clause.last])


def _own_actors(event: Event, names: Names, inside: list[Mention]) -> bool:
    """A subheading names a section's topic ("Spekulationen über Waffendeals"); it states an
    event only when it names who acts, not when its actors are carried over."""
    named = {names.key(m) for m in inside}
    return any(actor in named for actor in event.actors)


def _publication_time(
    ctx: _Context, modality: str, sent: SentenceView, clause: Clause
) -> str | None:
    """What happened without a date in the sentence happened by the publication date,
    unless its clause says it was long before ("attackierten damals") or again and again
    ("hat mehrfach als Vermittler agiert": on no one day; review 47)."""
    if not ctx.published or modality != "happened":
        return None
    undated = {*lexicon().raw["remote_past"]["words"], *lexicon().words("recurring")}
    words = sent.tokens[clause.first : clause.last]
    for j, token in enumerate(words):
        # "wiederholt" is a verb too, where no verb of its own follows it: "Trump
        # wiederholt seinen Anspruch", not "hat Kiew wiederholt angegriffen"
        verb = token.lower == "wiederholt" and not any(map(participle, words[j + 1 :]))
        if token.lower in undated and not verb:
            return None
    return ctx.published.isoformat()


def _prepare(sentence: Sentence, inside: list[Mention]) -> SentenceView:
    tokens = tokenize(sentence.text, sentence.start)
    return SentenceView(sentence, tokens, split_clauses(tokens), inside)


def _one_per_clause(sent: SentenceView, triggers: list[Trigger]) -> list[Trigger]:
    """One event per type and clause (verbs before nouns); statements only on their own."""
    kept: dict[tuple[int, str], Trigger] = {}
    for trigger in sorted(triggers, key=lambda t: (t.noun, t.index)):
        kept.setdefault((sent.clause_of(trigger.index), trigger.type), trigger)
    chosen = sorted(kept.values(), key=lambda t: t.index)
    substantive = [t for t in chosen if not _is_cue(sent, t)]
    arms = {sent.clause_of(t.index) for t in substantive if t.type == "arms"}
    # Arms are aid of a kind: "Militärhilfe liefern" is one event, not two.
    substantive = [t for t in substantive if t.type != "aid" or sent.clause_of(t.index) not in arms]
    return substantive or chosen


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


def _denial_of(sent: SentenceView, ctx: _Context, before: list[Event]) -> list[Event]:
    """ "Beide Länder haben solche Absichten abgestritten": a denial of the last event."""
    recent = [e for e in before if e.start >= _earlier_sentence_start(ctx.article, sent, 2)]
    open_claims = [e for e in recent if e.modality not in {"happened", "denied", "unspecified"}]
    if not open_claims:
        return []
    target = open_claims[-1]
    sources = _sources(sent, sent.clauses[:1])
    names = _source_names(sent, ctx, (sent.sentence.start, sent.sentence.end), sources)
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


def _both(sent: SentenceView, ctx: _Context, target: Event) -> list[str]:
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


def _earlier_sentence_start(article: Article, sent: SentenceView, back: int) -> int:
    starts = sorted(
        s.start
        for s in (article.sentences or split_sentences(article.text))
        if s.start < sent.sentence.start
    )
    return starts[-back] if len(starts) >= back else 0


def _inherit_actors(
    sent: SentenceView, ctx: _Context, event: Event, trigger: Trigger, before: list[Event]
) -> Event:
    """ "Das Treffen fand ... statt": a definite noun with no actors refers back."""
    if event.actors or not trigger.noun:
        return event
    definite = lexicon().words("definite")
    window = sent.tokens[max(0, trigger.index - 3) : trigger.index]
    if not any(t.lower in definite for t in window):
        return event
    since = _earlier_sentence_start(ctx.article, sent, _ANAPHOR_SENTENCES)
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


def _sources(sent: SentenceView, reporting: list[Clause]) -> list[Mention]:
    found = marker_sources(sent)
    for clause in reporting:
        if cue_labels(sent, clause, frozenset({"happened", "planned"})):
            # A place in a locative phrase is where, not who says: "nicht wie angekündigt
            # in Paris".
            places = {id(m) for m, _ in _locative_places(sent, clause)}
            found.extend(
                m
                for m in in_clause(sent, clause, sent.mentions)
                if not _apposed(sent, m) and id(m) not in places
            )
    return list({id(m): m for m in found}.values())


def _source_names(
    sent: SentenceView, ctx: _Context, span: tuple[int, int], mentions: list[Mention]
) -> list[str]:
    """Sources from the attributions over the span, else from the rules' own mentions."""
    attributed = [_source_name(sent, ctx, a) for a in attributions_over(sent, ctx, span)]
    names = attributed or [ctx.names.name(m) for m in mentions]
    return list(dict.fromkeys(n for n in names if n))


def _source_name(sent: SentenceView, ctx: _Context, claim: Attribution) -> str:
    """A source that is one name with its article is that entity's name ("des Kremls" is
    Kreml, as "der Kreml" is; "der US-Präsident" is Donald Trump where the article says so);
    a phrase says more as written ("südkoreanische Medien"). A pronoun is the entity it was
    resolved to, and one resolved to none, or "Berichten zufolge", names no one: "Sie"
    and "Berichten" had stood among an event's sources (web review 73)."""
    if unresolved_source(claim.source):
        known = {e.id: e.name for e in ctx.article.entities}
        return next((known[i] for i in claim.entity_ids if i in known), "")
    inside = [
        m for m in sent.mentions if claim.source_start <= m.start and m.end <= claim.source_end
    ]
    # A derived name ("der CDU-Politiker", "US-Diplomat") is someone of that party or
    # country, not it; an adjective alone is the country's ("nach iranischen Angaben").
    alone = len(inside) == 1 and inside[0].text == claim.source and claim.source.islower()
    if alone:
        return ctx.names.name(inside[0])
    if len(inside) != 1 or inside[0].derived:
        return claim.source
    rest = ctx.article.text[claim.source_start : claim.source_end].replace(inside[0].text, " ")
    if all(word.lower() in DETERMINERS for word in rest.split()):
        return ctx.names.name(inside[0])
    return claim.source


def attributions_over(
    sent: SentenceView, ctx: _Context, span: tuple[int, int]
) -> list[Attribution]:
    """Attributions whose claim overlaps the span (the trigger's clause, or a sentence);
    a claim lies within its sentence."""
    claims = ctx.claims.starting_in(sent.sentence.start, span[1])
    return [a for a in claims if a.end > span[0]]


def _actors(
    sent: SentenceView,
    ctx: _Context,
    index: int,
    trigger: Trigger,
    taken: set[int],
    own_phrase: tuple[int, int] | None,
) -> list[Mention]:
    """The trigger's actors: those of its "zwischen"/"von" phrase or, for an attack in a
    phrase of time, of ``own_phrase`` (``_after_the_fact``); else those of its clause."""
    scope = [sent.clauses[index]]
    governing = controller(sent, index)
    asker: tuple[int, int] | None = None
    if governing is not None:
        scope.append(governing)
        asker = asker_span(sent, governing, trigger)
    elif matrix_clause(sent, index) is None:
        scope.extend(
            c
            for c in sent.clauses[:index]
            if not cue_labels(sent, c) and not _condition_of(sent, c, trigger)
        )
    between = _between(sent, trigger) or own_phrase
    candidates = [
        m
        for clause in scope
        for m in in_clause(sent, clause, sent.mentions)
        if id(m) not in taken
        and _can_act(sent, m, trigger)
        and not _town_of_the_noun(sent, ctx.article, m, trigger)
        and not _modifies_a_noun(ctx.names, m)
        and not (asker and asker[0] <= sent.token_index(m.start) < asker[1])
    ]
    cut = _next_conjunct(sent, trigger)
    if cut is not None:
        candidates = [m for m in candidates if m.start < cut]
    earlier = _previous_conjunct(sent, trigger)
    if earlier is not None:
        candidates = [m for m in candidates if not earlier[0] <= m.start < earlier[1]]
    if between is not None:
        candidates = [m for m in candidates if between[0] <= m.start < between[1]]
    else:
        candidates = [m for m in candidates if not _after_other_between(sent, m, trigger)]
    keyed = {ctx.names.key(m): m for m in sorted(candidates, key=lambda m: m.start, reverse=True)}
    return sorted(keyed.values(), key=lambda m: m.start)


# Events whose compound names its parties: "Trump-Putin-Treffen", "EU-Gipfel".
_COMPOUND_PARTY_TYPES = frozenset({"meet", "negotiate", "agree", "sanction"})


def _with_compound_parties(
    ctx: _Context, actors: list[Mention], compound: list[Mention]
) -> list[Mention]:
    """``actors`` and the names a meeting's, talks', agreement's or sanction's own compound
    is made of (``_compound_parties``), each once, in the order of the text."""
    keys = {ctx.names.key(m) for m in actors}
    added = [m for m in compound if ctx.names.key(m) not in keys]
    return sorted([*actors, *added], key=lambda m: m.start)


def _compound_parties(sent: SentenceView, ctx: _Context, trigger: Trigger) -> list[Mention]:
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
    ctx: _Context, actors: list[Mention], roles: list[str]
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
    return _verb_form(token) or (participle(token) and token.lemma.endswith("n"))


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
    finite = next((j for j in range(clause.first, trigger.index) if _verb_form(tokens[j])), None)
    if not joins or finite is None or not joins[-1] > finite:
        return None
    u = joins[-1]
    # The subject ends right before the finite verb ("Frankreichs Präsident Macron hat"),
    # not in a phrase before it ("In seiner Rede in München hat Macron ...").
    subject_first = tokens[clause.first].lower not in _PREPOSED and any(
        sent.token_index(m.end - 1) == finite - 1 for m in sent.mentions
    )
    verb = any(_conjunct_verb(tokens[v]) for v in range(finite + 1, u))
    if not subject_first or not (verb or _verb_form(tokens[u + 1])):
        return None
    return tokens[finite].end, tokens[u].start


def _with_pronoun_actor(
    sent: SentenceView, ctx: _Context, clause: Clause, actors: list[Mention]
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


def _speaker(ctx: _Context, claims: list[Attribution]) -> Mention | None:
    """The named person whose claim the clause is."""
    for claim in claims:
        named = ctx.people.starting_in(0, claim.source_end)
        for entity_id in claim.entity_ids:
            found = [m for m in named if m.entity_id == entity_id]
            if found:
                return found[-1]
    return None


def _antecedent(ctx: _Context, sent: SentenceView, pronoun: Token) -> Mention | None:
    since = _earlier_sentence_start(ctx.article, sent, 2)
    before = [m for m in ctx.people.starting_in(since, pronoun.start) if m.end <= pronoun.start]
    return antecedent(ctx.article.text, before)


def _between(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Treffen zwischen X und Y", "Treffen von X mit Y": the span that names the parties,
    if the noun has one. It ends at a verb: in "Vor dem Treffen zwischen Trump und Putin
    warnt Selenskyj", Selenskyj warns and meets no one."""
    i = trigger.index + 1
    if not trigger.noun or i >= len(sent.tokens) or sent.tokens[i].lower not in _PARTIES:
        return None
    between = sent.tokens[i].lower == "zwischen"
    stops = _PHRASE_STOPS - ({"und"} if between else _JOINING)
    end = _words_up_to_a_verb(sent, i + 1, 10, stops)
    if not between and not _all_parties(sent, trigger, end):
        return None
    return sent.tokens[i].end, sent.tokens[end - 1].end


def _words_up_to_a_verb(
    sent: SentenceView, first: int, most: int, stops: frozenset[str] = frozenset()
) -> int:
    """The end of the words from ``first``: at most ``most`` past the word before it, up to
    a mark, a verb or one of ``stops``."""
    end, bracketed = first, 0
    while end < len(sent.tokens) and end - first - bracketed < most:
        # "auf den Christopher Street Day (CSD) in Berlin": a bracket of a word or two
        # goes on, and counts for no word (review 85: the attack had lost its place)
        after = _short_bracket_end(sent, end)
        if after is not None:
            bracketed += after - end
            end = after
            continue
        token = sent.tokens[end]
        if not token.text[:1].isalnum() or token.lower in stops or _verb_form(token):
            break
        end += 1
    return end


def _short_bracket_end(sent: SentenceView, at: int) -> int | None:
    """The index after a bracket of one or two words that opens at ``at``, if one does."""
    if sent.tokens[at].text != "(":
        return None
    for k in range(at + 2, min(at + 4, len(sent.tokens))):
        if sent.tokens[k].text == ")":
            return k + 1
    return None


def _after_the_fact(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Nach dem Anschlag auf das Stadtfest hat Brenner … angekündigt": an attack or an
    arrest in a phrase of time is what the clause reacts to, and its subject took no part
    in it (review 37: she had become the attacker); so is a threat, an election, a protest,
    a sanction or a demand ("Fünf Tage vor der Wahl ist Vance in Budapest eingetroffen";
    review 90). Its parties are in its own phrase, up to the verb. A meeting or visit so
    placed is often the subject's own ("Nach dem Treffen mit Putin sagte Trump"), so it
    keeps the clause's, as does one after a possessive ("Nach seiner Wahl dankte er")."""
    if not trigger.noun or trigger.type not in _REACTED_TO:
        return None
    if _word_before_noun_phrase(sent, trigger.index, 0) not in _TIME_PREPOSITIONS:
        return None
    return _own_phrase(sent, trigger)


def _meeting_in_time(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether a meeting's or talks' noun stands in a phrase of time ("vor Verhandlungen
    mit Putin", "nach dem Treffen mit Macron")."""
    if not trigger.noun or trigger.type not in {"meet", "negotiate"}:
        return False
    return _word_before_noun_phrase(sent, trigger.index, 0) in _TIME_PREPOSITIONS


def _meeting_beside_an_attack(
    sent: SentenceView, trigger: Trigger, every: list[Trigger]
) -> tuple[int, int] | None:
    """ "Kurz vor dem Ukraine-Gipfel hat Russland Angriffe gestartet": a meeting in a phrase
    of time keeps the clause's parties (``_after_the_fact``), but not where its clause tells
    of an attack, whose attacker and target are the attack's, not the meeting's (review 94:
    Russland had met at the summit)."""
    return _phrase_beside(sent, trigger, every, ("meet", _TIME_PREPOSITIONS, "attack"))


def _attack_a_threat_is_on(
    sent: SentenceView, trigger: Trigger, every: list[Trigger]
) -> tuple[int, int] | None:
    """ "Trump droht Iran bei Angriff auf US-Schiffe mit Vernichtung": an attack after "bei"
    in a clause that threatens is the threat's condition, the other side's deed; its
    parties are of its own phrase (review 94: 4 attacks of 150 stream items had Trump as
    the attacker)."""
    return _phrase_beside(sent, trigger, every, ("attack", _CONDITION_PREPOSITIONS, "threaten"))


_CONDITION_PREPOSITIONS = frozenset({"bei", "beim"})


def _phrase_beside(
    sent: SentenceView,
    trigger: Trigger,
    every: list[Trigger],
    rule: tuple[str, frozenset[str], str],
) -> tuple[int, int] | None:
    """The own phrase of a noun trigger of the rule's type after one of its prepositions,
    where another trigger of the rule's other type stands in the same clause."""
    own_type, prepositions, other_type = rule
    if not trigger.noun or trigger.type != own_type:
        return None
    if _word_before_noun_phrase(sent, trigger.index, 0) not in prepositions:
        return None
    clause = sent.clause_of(trigger.index)
    if not any(
        t.type == other_type and t is not trigger and sent.clause_of(t.index) == clause
        for t in every
    ):
        return None
    return _own_phrase(sent, trigger)


def _reaction_to(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Merz verurteilte den russischen Angriff auf Kiew", "Macron begrüßte die Ankündigung
    Irans": who reacts to a noun's event in its clause (``reacting``) took no part in it;
    its parties, and its place, are in its own phrase (review 85: 8 of 35 wrong actors of
    150 stream items were another verb's subject or object)."""
    reacting = lexicon().raw["reacting"]
    if not trigger.noun or trigger.type not in reacting["types"]:
        return None
    clause = sent.clauses[sent.clause_of(trigger.index)]
    verbs = frozenset(reacting["verbs"])
    if not any(
        j != trigger.index and _reacting_verb(sent, clause, j, verbs)
        for j in range(clause.first, clause.last)
    ):
        return None
    return _own_phrase(sent, trigger)


def _reacting_verb(sent: SentenceView, clause: Clause, j: int, verbs: frozenset[str]) -> bool:
    """Whether the word at ``j`` is one of ``verbs``; a separable verb only as a whole:
    who "sprach eine Drohung aus" made it, though "sprechen" tells of one (review 90)."""
    keys = lemma_keys(sent.tokens, clause, j)
    separable = [k for k in keys if "|" in k]
    return not verbs.isdisjoint(separable or keys)


def _own_phrase(sent: SentenceView, trigger: Trigger) -> tuple[int, int]:
    """A noun's phrase: its article and adjectives, and the words after it up to a verb."""
    end = _words_up_to_a_verb(sent, trigger.index + 1, _OWN_PHRASE)
    # A present plural is a verb too: "Nach dem Anschlag in Berlin treffen sich Merz und
    # Macron" (review 45: the meeting had lost its parties to the attack's phrase).
    end = next((j for j in range(trigger.index + 1, end) if present_plural(sent.tokens[j])), end)
    # "nach russischen Angriffen": the adjective names the attacker, and so does a name in
    # the genitive before it ("begrüßten Irans Ankündigung").
    start = _noun_phrase_start(sent, trigger.index, 0)
    first = sent.tokens[start].start
    owner = next((m for m in sent.mentions if m.end == first - 1), None)
    if owner is not None and owner.text.endswith(("s", "’", "'")):
        first = owner.start
    return first, sent.tokens[end - 1].end


_PREPOSED = frozenset(
    "an auf aus bei beim durch für gegen in im am mit nach seit über um unter von vom vor "
    "während wegen zu zum zur zwischen trotz".split()
)
_REACTED_TO = frozenset({"attack", "arrest", "threaten", "elect", "protest", "sanction", "demand"})
# words after the noun: "Angriff auf mehrere Menschen in einem Zug nahe der Stadt X"
_OWN_PHRASE = 10
_TIME_PREPOSITIONS = frozenset({"nach", "vor", "seit", "während"})


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


def _verb_form(token: Token) -> bool:
    """A past form, an auxiliary, or a present form in -t ("warnt", "sieht")."""
    if token.capitalised:
        return False
    if is_past_verb(token) or token.lower in auxiliaries():
        return True
    return token.lower != token.lemma and token.lemma.endswith("n") and token.lower.endswith("t")


def _after_other_between(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """Parties of another noun ("die Nähe zwischen X und Y") are not this event's; those
    of a noun of the trigger's own type are ("Die Vereinbarung zwischen den USA und Iran
    ist unterzeichnet": the verb tells the noun's event; review 100)."""
    at = sent.token_index(mention.start)
    for j in range(max(0, at - 4), at):
        if sent.tokens[j].lower == "zwischen" and j != trigger.index + 1:
            return j == 0 or event_noun_type(sent.tokens[j - 1]) != trigger.type
    return False


def _town_of_the_noun(
    sent: SentenceView, article: Article, mention: Mention, trigger: Trigger
) -> bool:
    """A town's adjective right before a noun names the thing, not a party: "Pariser
    Klimaabkommen", "Minsker Abkommen", "Genfer Gipfel" (review 60: Paris had agreed),
    and so it does before another noun ("beim Gipfel der Shanghaier Organisation für
    Zusammenarbeit": Shanghai had met; review 80). Not a country's ("Schweizer
    Angriffe")."""
    town = mention.derived and mention.text.endswith("er") and mention.text[:1].isupper()
    if not town or is_country_mention(mention, article):
        return False
    after = sent.token_index(mention.start) + 1
    return (trigger.noun and after == trigger.index) or _a_thing(sent, after)


def _a_thing(sent: SentenceView, at: int) -> bool:
    """Whether the word at ``at`` is a common noun that names no office: "der Kölner
    Bürgermeister" may stand for the town where the mayor goes unnamed."""
    if at >= len(sent.tokens) or not sent.tokens[at].capitalised:
        return False
    word = sent.tokens[at]
    if any(m.start <= word.start < m.end for m in sent.mentions):
        return False  # a name's part: "Frankfurter Allgemeine"
    return not word.lower.endswith(tuple(role_lexicon().roles))


def _can_act(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    if mention.type not in _ACTOR_TYPES and not mention.derived:
        return False
    if (mention.derived and _apposed(sent, mention)) or sent.inside_word(mention):
        return False
    token = sent.tokens[trigger.index]
    if token.start <= mention.start < token.end or _agent_of_other(sent, mention, trigger):
        return False
    if _owner_of_a_place(sent, mention) or _owner_of_a_person(sent, mention):
        return False
    if _excepted(sent, mention) or _names_another_event(mention) or _names_a_case(sent, mention):
        return False
    if _landmark(sent, mention) or _continent_on_countries(sent, mention):
        return False
    if _adjective_on_an_election(sent, mention, trigger) or _partisan(mention):
        return False
    if _about_another_noun(sent, mention, trigger) or _affiliation(sent, mention):
        return False
    if _owned_by_another_noun(sent, mention, trigger) or _compound_on_a_thing(
        sent, mention, trigger
    ):
        return False
    at = sent.token_index(mention.start)
    near = abs(at - trigger.index) <= _MAX_ACTOR_DISTANCE
    return near or _carried_subject(sent, mention, trigger)


def _names_a_case(sent: SentenceView, mention: Mention) -> bool:
    """ "im Fall Fabian", "der Fall Epstein": a name right after ``case_nouns`` names a
    case, often by its victim, not a party (review 92: the murdered boy had been the one
    arrested)."""
    at = sent.token_index(mention.start)
    before = sent.tokens[at - 1] if at > 0 else None
    return before is not None and before.text in lexicon().words("case_nouns")


def _landmark(sent: SentenceView, mention: Mention) -> bool:
    """ "südlich der Hauptstadt Teheran", "nördlich von Kiew", "nahe Kiew": a place that a
    word of ``bearings`` measures from says where something lies, not who acts (review
    92: Teheran had been the target of an attack on a site 250 kilometres away)."""
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    bearings = lexicon().words("bearings")
    for j in range(at - 1, max(0, at - 4) - 1, -1):
        if tokens[j].lower in bearings:
            return True
        if not (
            tokens[j].lower in DETERMINERS or tokens[j].lower == "von" or _place_class(tokens[j])
        ):
            return False
    return False


def _continent_on_countries(sent: SentenceView, mention: Mention) -> bool:
    """ "Das afrikanische Land", "europäische Staaten": a continent's adjective on a noun
    of countries names countries it does not name, not the continent (review 92: Afrika
    had been offered help; review 90 met "europäische Länder")."""
    table = lexicon().raw["continent_adjectives"]
    after = sent.token_index(mention.end)
    if not mention.derived or after >= len(sent.tokens):
        return False
    adjective = mention.text.lower().startswith(tuple(table["adjectives"]))
    return adjective and sent.tokens[after].lower in table["nouns"]


def _place_class(token: Token) -> bool:
    """ "Hauptstadt", "Stadt", "Region": a noun of ``place_class_nouns``."""
    return token.capitalised and token.lower in lexicon().words("place_class_nouns")


def _partisan(mention: Mention) -> bool:
    """ "einer pro-iranischen Gruppe", "pro-russische Separatisten": who sides with a
    country is not that country (review 90: Iran had attacked its own fighters)."""
    return mention.derived and mention.text.lower().startswith(("pro-", "anti-"))


def _adjective_on_an_election(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "bei den bayerischen Kommunalwahlen": a country's or state's adjective on an
    election says where it is held, not who is elected (review 90: Bayern had been)."""
    after = sent.token_index(mention.end)
    return mention.derived and trigger.type == "elect" and after == trigger.index


def _affiliation(sent: SentenceView, mention: Mention) -> bool:
    """A party in brackets after a person's name is the person's, not a party of the
    event: "Bundeskanzler Merz (CDU) hat ... kritisiert" (review 80: the CDU had
    criticised, and with Merz the source, in his stead)."""
    at = sent.token_index(mention.start)
    last = sent.token_index(mention.end - 1)
    tokens = sent.tokens
    if at < 2 or last + 1 >= len(tokens) or tokens[at - 1].text != "(":
        return False
    if tokens[last + 1].text != ")":
        return False
    before = tokens[at - 2]
    return any(m.type == "PER" and m.start <= before.start < m.end for m in sent.mentions)


# What a noun is about: "die Affäre um Epstein", "die Kontrolle über Donezk".
_ABOUT = frozenset({"um", "über"})
_ABOUT_LOOKBACK = 4  # "um den Sexualstraftäter Jeffrey Epstein": article and role between


def _about_another_noun(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name in what another noun is about is that noun's topic, not a party: "kritisierte
    seinen Umgang mit der Affäre um Epstein", "verlangt Kontrolle über Donezk" (review 80:
    Epstein was criticised, Donezk asked). Not the event's own topic ("Gespräche über die
    Ukraine"), nor after a verb ("verhandeln über")."""
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    for k in range(at - 1, max(0, at - _ABOUT_LOOKBACK - 1), -1):
        word = tokens[k]
        if word.lower in _ABOUT:
            noun = tokens[k - 1] if k > 0 else None
            return (
                noun is not None
                and k - 1 != trigger.index
                and noun.capitalised
                and noun.text.isalpha()
                and not any(m.start <= noun.start < m.end for m in sent.mentions)
            )
        if not (word.capitalised or word.lower in DETERMINERS or inflected_adjective(word)):
            return False
    return False


# "das Ultimatum von Trump", "der Parteitag der AfD": what marks the owner of a noun.
_OWNER_MARKS = frozenset({"von", "vom"})
_GENITIVE_ARTICLES = frozenset({"des", "der"})
_OWNER_LOOKBACK = 8  # "von den Atommächten China und Russland": a list's names too
_IN_OWNER_PHRASE = frozenset({"und", "oder", "sowie", ","})


def _owned_by_another_noun(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name after "von" or in the genitive of a common noun is that noun's: no party of
    the event where the noun is no part of it, "sprach über das Aussetzen der Rentenreform
    von Macron", "die Worte von China lösten die Ankündigung aus", "seit dem Überfall der
    Hamas" (review 85: 8 of 35 wrong actors of 150 stream items). The owner of what a verb
    acts on is acted on ("kritisierte die Äußerungen des Politikers X", "fordern den
    Rücktritt von X"), and so is the owner of what stands in a noun trigger's own phrase
    ("Protest gegen die Politik der EU"); a noun that stands for its owner ("die Regierung
    von Orban", "Vertreter der Ukraine": ``standing_for``, the offices) never loses it."""
    at = sent.token_index(mention.start)
    owner = _owner_noun(sent, at)
    # "die Folgen des russischen Angriffs": the trigger's own adjective or name.
    if owner is None or owner <= trigger.index <= at + 1 or not _a_thing_owned(sent, owner):
        return False
    if not _same_clause(sent, owner, trigger):
        return False  # "die Entscheidung der US-Regierung, die Sanktionen zu lockern"
    if _adjective_on_a_thing(sent, mention, trigger):
        return True  # "ein Ende des russischen Angriffskriegs": the war's, two steps off
    if trigger.noun:
        return not _in_phrase_of(sent, owner, trigger.index)
    return _nested(sent, owner, trigger.index)


def _owner_noun(sent: SentenceView, at: int) -> int | None:
    """The common noun whose "von" or genitive phrase the word at ``at`` stands in."""
    tokens = sent.tokens
    for k in range(at - 1, max(0, at - _OWNER_LOOKBACK - 1), -1):
        word = tokens[k]
        if word.lower in _OWNER_MARKS or (
            word.lower in _GENITIVE_ARTICLES and _common_noun(sent, k - 1)
        ):
            return k - 1 if _common_noun(sent, k - 1) else None
        if not (
            word.capitalised
            or word.lower in DETERMINERS
            or word.lower in _IN_OWNER_PHRASE
            or inflected_adjective(word)
        ):
            return None
    return None


def _adjective_on_a_thing(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A country's adjective on a common noun other than the trigger ("von syrischen
    Geflüchteten") describes that noun, not a party."""
    after = sent.token_index(mention.end)
    if not mention.text[:1].islower() or after == trigger.index:
        return False
    return _a_thing_owned(sent, after)


def _in_phrase_of(sent: SentenceView, at: int, noun: int) -> bool:
    """Whether the noun at ``at`` opens the phrase of a preposition right after ``noun``
    ("Protest gegen die Politik der EU")."""
    k = _before_noun_phrase(sent, at)
    return k - 1 == noun and k >= 0 and sent.tokens[k].lower in any_preposition()


def _nested(sent: SentenceView, at: int, trigger: int) -> bool:
    """Whether the noun at ``at`` hangs on another noun (its "von" or genitive phrase:
    "das Aussetzen der Rentenreform") or stands in a phrase of time ("seit dem
    Überfall"): then what owns it is no party of a verb's event."""
    k = _before_noun_phrase(sent, at)
    if k < 0:
        return False
    word = sent.tokens[k].lower
    if word in _TIME_PREPOSITIONS or word in _OWNER_MARKS:
        return True
    # Not a preposition after a noun: in "bitten die Regierung um Aufnahme von Afghanen"
    # the noun before it is the verb's object, and the phrase the verb's.
    return word in _GENITIVE_ARTICLES and k - 1 != trigger and _common_noun(sent, k - 1)


def _before_noun_phrase(sent: SentenceView, at: int) -> int:
    """The word before the articles and adjectives that open the noun at ``at`` (the
    genitive article itself where one is the phrase's)."""
    k = at - 1
    while k >= 0:
        word = sent.tokens[k]
        if word.lower in _GENITIVE_ARTICLES and _common_noun(sent, k - 1):
            return k
        if not (word.lower in DETERMINERS or inflected_adjective(word)):
            return k
        k -= 1
    return k


def _compound_on_a_thing(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A compound of a name and a common noun that does not stand for it names a thing,
    as a genitive would (``_owned_by_another_noun``): "den Beginn von US-Atomwaffentests
    angekündigt", "Forderungen ... und Vorstöße für einen SPD-Sonderparteitag" (review
    85: 4 of 35 wrong actors of 150 stream items); "US-Regierung", "Hamas-Chef",
    "Hisbollah-Ziele" still stand for it, and so does the thing an event acts on."""
    if not mention.derived or "-" not in mention.text:
        return False
    head = tokenize(mention.text.rsplit("-", 1)[-1])
    if not head or not head[0].capitalised or _stands_for_owner(head[0]):
        return False
    at = sent.token_index(mention.start)
    if at == trigger.index or not _same_clause(sent, at, trigger):
        return False
    if trigger.noun:
        return not _in_phrase_of(sent, at, trigger.index)
    return _nested(sent, at, trigger.index)


def _same_clause(sent: SentenceView, at: int, trigger: Trigger) -> bool:
    """Whether the word at ``at`` is in the trigger's clause: the clause an infinitive
    depends on names its parties as a whole ("die Entscheidung der US-Regierung, die
    Sanktionen zu lockern")."""
    return sent.clause_of(at) == sent.clause_of(trigger.index)


def _common_noun(sent: SentenceView, at: int) -> bool:
    """A capitalised word at ``at`` that is no part of a name and opens no sentence."""
    if at <= 0 or not sent.tokens[at].capitalised:
        return False
    word = sent.tokens[at]
    return word.text.replace("-", "").isalpha() and not any(
        m.start <= word.start < m.end for m in sent.mentions
    )


def _a_thing_owned(sent: SentenceView, at: int) -> bool:
    """Whether the common noun at ``at`` names a thing, not one who acts for its owner."""
    if not _common_noun(sent, at):
        return False
    return not _stands_for_owner(sent.tokens[at])


def _stands_for_owner(word: Token) -> bool:
    """Whether a noun (or a compound's head) is one of ``_standing_nouns``, in any number:
    "Vertretern", "Senatoren"."""
    lower = word.lower
    forms = (lower, word.lemma.lower(), lower[:-1], lower[:-2])
    return any(form.endswith(_standing_nouns()) for form in forms)


@cache
def _standing_nouns() -> tuple[str, ...]:
    """Nouns that stand for whose they are: ``standing_for``, the offices, and a class of
    places ("die Hauptstadt der Ukraine" is attacked with it)."""
    nouns = [*lexicon().raw["standing_for"]["nouns"], *role_lexicon().roles]
    return tuple([*nouns, *lexicon().words("place_class_nouns")])


def _names_another_event(mention: Mention) -> bool:
    """A compound of a name and an event's noun names that event by its place or topic,
    not a party of this one: "unterzeichneten die Gaza-Vereinbarung", "die Gaza-Waffenruhe
    soll unterzeichnet werden" (review 80: Gaza had signed), as a compound on the
    trigger itself ("US-Angriff") names no party either; so does one written as one word
    ("Neuauszählung der Bundestagswahl", review 90)."""
    if not mention.derived:
        return False
    head = mention.text.rsplit("-", 1)[-1]
    return head[:1].isupper() and is_event_noun(tokenize(head)[0])


def _modifies_a_noun(names: Names, mention: Mention) -> bool:
    """A person's name as a compound's first part modifies the noun: "den Trump-Berater"
    is an adviser, "das Putin-Regime" a regime, neither Trump nor Putin. A compound on a
    country or an organisation stands for it, as its actor code says ("US-Regierung" is
    the United States, "Hamas-Chef" the Hamas), and a role reference ("der US-Präsident",
    "der Trump-Sprecher" linked to the spokeswoman) is the person it refers to."""
    if mention.type != "PER" or not mention.derived or "-" not in mention.text:
        return False
    if mention.entity_id is None:  # its name is its text, which holds its first part
        return False
    first = fold(mention.text.split("-")[0])
    return first in fold(names.name(mention)).split()


def _carried_subject(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name before the auxiliary that carries a verb at the clause's end ("Trump will
    sich laut CNN in der kommenden Woche mit Putin treffen"), however far the verb is:
    its subject. Not where the auxiliary makes a passive ("wird dafür kritisiert")."""
    if trigger.noun:
        return False
    tokens = sent.tokens
    first = sent.clauses[sent.clause_of(trigger.index)].first
    carrier = next(
        (j for j in range(first, trigger.index) if tokens[j].lower in auxiliaries()), None
    )
    at, last = sent.token_index(mention.start), sent.token_index(mention.end - 1)
    # The subject stands right before it: "Trump will", "Trump und Putin wollen".
    if carrier is None or not first <= at < carrier or carrier - last - 1 > _SUBJECT_GAP:
        return False
    passive = tokens[carrier].lower in passive_auxiliaries()
    return not (passive and not tokens[trigger.index].lower.endswith("en"))


def _excepted(sent: SentenceView, mention: Mention) -> bool:
    """ "Die Parteien mit Ausnahme der Linken verurteilten …", "alle außer Ungarn": a name
    the event is said not to include (``exceptions``: the words that open such a phrase,
    right before the name or its article)."""
    at = sent.token_index(mention.start)
    if at > 0 and sent.tokens[at - 1].lower in lexicon().words("definite"):
        at -= 1
    before = " ".join(t.lower for t in sent.tokens[max(0, at - 2) : at])
    return any(f" {before}".endswith(f" {words}") for words in lexicon().words("exceptions"))


def _owner_of_a_place(sent: SentenceView, mention: Mention) -> bool:
    """ "arbeitete in Krahs Büro": a person in the genitive before a noun, after a locative
    preposition, owns the place and does nothing there."""
    at = sent.token_index(mention.start)
    end = sent.token_index(mention.end)
    tokens = sent.tokens
    if mention.type != "PER" or not mention.text.endswith(("s", "’", "'")) or at == 0:
        return False
    follows_noun = end < len(tokens) and tokens[end].capitalised
    return follows_noun and tokens[at - 1].lower in lexicon().words("locative_prepositions")


def _owner_of_a_person(sent: SentenceView, mention: Mention) -> bool:
    """ "Russlands Präsidenten Wladimir Putin", "Magyars Vorgänger Viktor Orbán": a name in
    the genitive before a noun and a person's name is whose that person is; the person
    acts."""
    if not mention.text.endswith(("s", "’", "'")) or mention.type == "MISC":
        return False
    end = sent.token_index(mention.end)
    tokens = sent.tokens
    if end >= len(tokens) or not tokens[end].capitalised:
        return False
    after = tokens[min(end + 2, len(tokens) - 1)].end
    return any(m.type == "PER" for m in sent.whole_words_from(tokens[end].end, after + 1))


def _agent_of_other(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "Die Einladung zu dem Besuch erfolgte vom Kreml": "von" names a noun's own party only
    right after the noun ("der Besuch von Kim"); elsewhere it is another predicate's agent."""
    if not trigger.noun:
        return False
    at = sent.token_index(mention.start)
    for j in range(at - 1, max(-1, at - _AGENT_LOOKBACK - 1), -1):
        if sent.tokens[j].lower in _AGENT_PREPOSITIONS:
            return j != trigger.index + 1 and not _owner_after_von(sent, j)
        if sent.tokens[j].lower in _PREPOSED:
            # "Raffinerie von Haifa bei iranischem Angriff": another preposition's phrase
            # begins, which "von" does not reach (review 100: Iran had lost its attack)
            return False
    return False


def _owner_after_von(sent: SentenceView, von: int) -> bool:
    """ "die Verteidigungsminister von Deutschland, Frankreich und Polen": "von" after a
    noun that stands for its owner is a genitive, and the owner acts through it (review
    100: Germany and France had lost the meeting their ministers held)."""
    noun = sent.tokens[von - 1] if von > 0 else None
    return noun is not None and noun.capitalised and _stands_for_owner(noun)


def _timex(
    sent: SentenceView, ctx: _Context, clause: Clause, elsewhere: list[tuple[int, int]]
) -> str | None:
    dated = [
        t
        for t in ctx.times.starting_in(sent.sentence.start, sent.sentence.end)
        if t.value and t.value[:1].isdigit() and t.type in {"DATE", "TIME"}
    ]
    c_start, c_end = sent.span(clause)
    in_clause_ = [t for t in dated if c_start <= t.start < c_end]
    chosen = in_clause_ or [t for t in dated if not _within(t.start, elsewhere)]
    return chosen[0].value if chosen else None


def _about_others(sent: SentenceView, trigger: Trigger) -> list[tuple[int, int]]:
    """The spans of relative clauses about something other than the event: in "Das Treffen
    wird nicht im Rahmen des Forums stattfinden, an dem Putin morgen teilnehmen wird",
    tomorrow is the forum's day. A relative clause right after the trigger is the event's
    ("Das Treffen, das am Mittwoch stattfand"). (Their places stay: the forum's place is
    often the event's too.)"""
    spans = []
    for clause in sent.clauses:
        own = clause.first - 2 <= trigger.index < clause.first
        if (
            clause.opener == ","
            and _relative(sent.tokens[clause.first : clause.first + 3])
            and not own
        ) or _condition_of(sent, clause, trigger):
            spans.append(sent.span(clause))
    return spans


def _condition_of(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """A condition put to the event ("hat Putin gedroht, sollte der Kremlchef beim Treffen
    am Freitag nicht zustimmen"): its day is the condition's, not the threat's (review
    56)."""
    inside = clause.first <= trigger.index < clause.last
    # after the event's clause or opening the sentence: "Sollte Russland am Freitag nicht
    # einlenken, droht Trump mit Sanktionen" (review 57)
    # the words time expressions read a condition by (``cues.conditional_openers``)
    openers = load_rules().cues.get("conditional_openers", frozenset())
    return _opening_word(sent, clause) in openers and not inside


def _opening_word(sent: SentenceView, clause: Clause) -> str:
    """The word that opens ``clause``: its complementiser, or after a comma or at the
    sentence's start its first word, lower case ("" for an empty clause)."""
    if clause.opener not in {",", ""}:
        return clause.opener
    return sent.tokens[clause.first].lower if clause.first < clause.last else ""


# What is done in saying it is done even where its content is conditional: "Sollte
# Russland nicht einlenken, droht Trump mit Zöllen" is a threat made.
_SPEECH_ACTS = frozenset({"threaten", "demand", "announce", "deny", "criticize", "reject"})


def _conditional(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether the event of a verb is put under a condition: it stands in one ("falls Trump
    Putin trifft"), or one is put to it ("Wenn Putin nach Alaska reist, trifft er Trump": had been
    a meeting that happened). Not "wenn auch", which concedes."""
    conditions = set(lexicon().raw["negation"]["conditions"])
    conditions |= load_rules().cues.get("conditional_openers", frozenset())
    for clause in sent.clauses:
        opener = _opening_word(sent, clause)
        second = sent.tokens[clause.first + 1].lower if clause.first + 1 < clause.last else ""
        conceding = clause.opener in {",", ""} and second == "auch"
        # "für den Fall, dass", "im Falle, dass"
        case = opener == "dass" and _after_word(sent, clause, {"fall", "falle"})
        if (opener not in conditions and not case) or conceding:
            continue
        inside = clause.first <= trigger.index < clause.last
        if inside or trigger.type not in _SPEECH_ACTS:
            return True
    return False


def _after_word(sent: SentenceView, clause: Clause, words: set[str]) -> bool:
    """Whether one of ``words`` stands within the three tokens before ``clause``."""
    return any(t.lower in words for t in sent.tokens[max(0, clause.first - 3) : clause.first])


def _relative(head: list[Token]) -> bool:
    """A clause opening "die nach ...", "an dem ...": a pronoun before a noun is an article
    ("den Mann in Berlin zu finden")."""
    pronouns = lexicon().words("relative_pronouns")
    words = [t.lower for t in head] + ["", ""]
    if words[0] in lexicon().words("prepositions"):
        return words[1] in pronouns
    return words[0] in pronouns and not (len(head) > 1 and head[1].capitalised)


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _modality(
    sent: SentenceView,
    ctx: _Context,
    clause: Clause,
    governing: list[Clause],
    trigger: Trigger,
    timex: str | None,
    has_source: bool,
) -> str:
    # Its own verb's part of the clause says how the event is told; a claim on the whole
    # clause ("laut Polizei") still covers it.
    # A claim whose cue is the trigger itself does not qualify it: "hat die Anträge
    # zurückgewiesen" is a rejection that happened, not one denied.
    own = {key.replace("|", "") for key in lemma_keys(sent.tokens, clause, trigger.index)}
    claims = [
        a
        for a in attributions_over(sent, ctx, sent.span(clause))
        if a.cue.replace("|", "") not in own
    ]
    part = conjunct(sent.tokens, clause, trigger.index)
    claims = [a for a in claims if not _cue_in_other_part(sent, clause, part, a)]
    reported = has_source or bool(claims)
    labels = cue_labels(sent, part, trigger=trigger.index, reported=reported)
    if part.first > clause.first:
        prefield_part = prefield(sent.tokens, clause)
        labels |= cue_labels(sent, prefield_part, trigger=trigger.index, reported=reported)
    for other in governing:
        labels |= cue_labels(sent, other, frozenset({"happened"}), reported=reported)
    labels |= {_ATTRIBUTION_KINDS[a.kind] for a in claims if a.kind in _ATTRIBUTION_KINDS}
    verb = tense(sent, part, trigger)
    if verb is not None:
        labels.add(verb)
    # a noun's event may be presupposed where its clause is put under a condition ("sollte
    # er beim Gipfel nachgeben": the summit takes place)
    if verb != "happened" and not trigger.noun and _conditional(sent, trigger):
        labels.add("speculated")
    negative = negation(sent, part, trigger)  # "nicht geeinigt", "nicht ausgeschlossen"
    if negative is not None:
        labels.add(negative)
    if timex and ctx.published and _after_publication(timex, ctx.published):
        labels.add("planned")
    if _called_for(sent, part, trigger):
        labels.add("announced")
    if _assumed(sent, part, trigger) or hedged(sent, part, trigger):
        labels.add("speculated")
    if "planned" not in labels and _confirmed_as_done(sent, part, trigger):
        labels.add("happened")  # before "announced", which "bestätigen" gave it
    # "Nach den Verhandlungen ... könnte es ein Treffen geben", "Der Angriff dürfte der
    # schwerste gewesen sein": the clause's hedge is of something else
    phrase = presupposed_phrase(sent, part, trigger) or copula_subject(sent, part, trigger)
    if phrase is not None:
        labels = {"happened"} | cue_labels(sent, phrase, trigger=trigger.index, reported=reported)
    if involved_in(sent, part, trigger):  # "bestreitet, für den Angriff verantwortlich zu sein"
        labels.discard("denied")
    modality = resolve_modality(labels)
    planned_with_source = modality == "planned" and (has_source or bool(claims))
    return "announced" if planned_with_source else modality


_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def _after_publication(value: str, published: date) -> bool:
    """Whether a timex's value lies after the publication day: a week, or a part of a year
    ("2026-Q2", "2026-SU"), while it is not over, by its last day (Sunday) or month, so
    that "am vergangenen Wochenende" is no plan and "Ende dieser Woche" still one. As
    strings, every week and season of the year had come after any day of it (review
    102)."""
    if _WEEK.match(value):
        week = week_days(value)
        return week is not None and week[1] >= published
    month = _LAST_MONTHS.get(value[5:7])
    if month is not None:
        year = int(value[:4]) + (value[5:7] == "WI")  # a winter ends in the next year
        return f"{year:04d}-{month}" >= published.isoformat()[:7]
    return value[:10] > published.isoformat()


# The last month of a part of a year: a quarter, a half, a season ("im Herbst": "2025-FA").
_LAST_MONTHS = {
    **{f"Q{n}": f"{3 * n:02d}" for n in range(1, 5)},
    **{"H1": "06", "H2": "12", "SP": "05", "SU": "08", "FA": "11", "WI": "02"},
}


def _cue_in_other_part(
    sent: SentenceView, clause: Clause, part: Clause, claim: Attribution
) -> bool:
    """Whether the claim's cue is a verb of another part of a clause that joins two verbs:
    in "Rubio widerspricht und reist zu Gesprächen nach Genf" the contradiction is his own
    act, not a denial of the talks (review 102). A claim over the whole clause ("laut
    Polizei") has its cue in no part and still covers both."""
    if part == clause:
        return False
    cue = claim.cue.replace("|", "")
    return any(
        cue in {key.replace("|", "") for key in lemma_keys(sent.tokens, clause, j)}
        for j in range(clause.first, clause.last)
        if not part.first <= j < part.last
    )


_ATTRIBUTION_KINDS = {"denial": "denied", "suggestion": "suggested", "announcement": "announced"}

_CALLED_TO = frozenset({"zu", "zum", "zur"})


def _called_for(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what a verb of its clause calls for (review 80: a union's
    call to strike had been unspecified): "zum Warnstreik", "zu einem eintägigen Streik"."""
    verbs = frozenset(lexicon().raw["calling"]["verbs"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, _CALLED_TO)


def _assumed(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what its clause assumes: "Die Polizei geht von einem
    Anschlag aus" (``assuming``; reviews 82 and 85)."""
    assuming = lexicon().raw["assuming"]
    verbs, before = frozenset(assuming["verbs"]), frozenset(assuming["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


_QUOTES = "\"'„“”‚‘’«»"


def _after_verb_and_preposition(
    sent: SentenceView,
    part: Clause,
    trigger: Trigger,
    verbs: frozenset[str],
    prepositions: frozenset[str],
) -> bool:
    """Whether a noun trigger follows one of ``prepositions`` (within its article and an
    adjective) in a part of a clause with one of ``verbs``."""
    tokens = sent.tokens
    # quotation marks are no words: 'von einem "zynischen" Angriff' (review 92)
    words = [t for t in tokens[part.first : trigger.index] if t.text.strip(_QUOTES)]
    before = words[-3:]
    if not trigger.noun or not any(t.lower in prepositions for t in before):
        return False
    return any(
        not verbs.isdisjoint(lemma_keys(tokens, part, j)) for j in range(part.first, part.last)
    )


def _confirmed_as_done(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is confirmed or reported by a verb of its part of the clause,
    or of the clause its infinitive depends on ("bestätigte, Angriffe ausgeführt zu
    haben"; not a "dass" clause, which may tell a plan); not in a negated clause ("noch
    nicht bestätigt", "bestätigt die Einigung noch nicht" confirm nothing)."""
    confirming = lexicon().raw["confirming"]
    if not trigger.noun:
        return False
    # what one judges has taken place, even a meeting ("lobt das gute Treffen"; review 90),
    # if it is what is judged, not a noun after a preposition ("vor seiner Abreise zu
    # Besuchen ... angeprangert")
    judged = _word_before_noun_phrase(sent, trigger.index, part.first) not in _PREPOSED
    verbs = frozenset(confirming["judging"]) if judged else frozenset()
    if trigger.type not in confirming["scheduled_types"]:
        verbs |= frozenset(confirming["verbs"])
    clauses = [part]
    governing = controller(sent, sent.clause_of(trigger.index))
    if governing is not None:
        clauses.append(governing)
    clauses.extend(_as_reported(sent, part, trigger))
    negations = lexicon().words("negations")
    if _told_of(sent, part, trigger) and not any(
        t.lower in negations for t in sent.tokens[part.first : part.last]
    ):
        return True
    return any(
        not verbs.isdisjoint(lemma_keys(sent.tokens, clause, j))
        and not any(t.lower in negations for t in sent.tokens[clause.first : clause.last])
        for clause in clauses
        for j in range(clause.first, clause.last)
        if j != trigger.index
    )


def _as_reported(sent: SentenceView, part: Clause, trigger: Trigger) -> list[Clause]:
    """ "In der Region setzte ein russischer Angriff ein Wohnhaus in Brand, wie der
    Gouverneur mitteilte": a trailing "wie" clause reports what the clause before it
    tells by a past verb as done (review 92: announced), not what is still to come ("ein
    Angriff stehe bevor, wie er mitteilte")."""
    index = sent.clause_of(trigger.index)
    if index + 1 >= len(sent.clauses) or not past_finite_verb(sent, part):
        return []
    after = sent.clauses[index + 1]
    return [after] if sent.tokens[after.first].lower == "wie" else []


def _told_of(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "spricht von einem zynischen Angriff", "sprach von einem historischen Besuch": who
    tells of an event, a meeting too, speaks of it as one that took place, and who reacts
    to one reacts to what took place, "hat auf eine Drohung reagiert" (``telling``;
    review 92: 5 of 150 stream items had been unspecified)."""
    telling: dict[str, list[str]] = lexicon().raw["confirming"]["telling"]["verbs"]
    return any(
        _after_verb_and_preposition(sent, part, trigger, frozenset({verb}), frozenset(before))
        for verb, before in telling.items()
    )


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
