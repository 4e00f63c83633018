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
``event_parties`` which names can be a party at all, ``event_places`` where an event is,
``event_times`` when, ``event_sources`` who reports it and ``event_modality`` how it is
told; ``event_selection`` chooses the triggers that become events, ``event_phrases`` reads
a noun trigger's own phrase, ``event_participants`` finds who takes part,
``event_assembly`` puts one event together from its trigger and ``event_anaphora`` handles
events that refer back to an earlier sentence's. This module holds the extractors'
registry and walks an article's sentences with the context they read (``event_context``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from chronik.analysis.event_actors import Names, article_names, fallback_mentions
from chronik.analysis.event_anaphora import cancels, denial_of, denies, inherit_actors
from chronik.analysis.event_assembly import assemble_event
from chronik.analysis.event_context import Context, Spans
from chronik.analysis.event_phrases import (
    after_the_fact,
    attack_a_threat_is_on,
    cause_or_concession,
    meeting_beside_an_attack,
    meeting_in_time,
    own_phrase,
)
from chronik.analysis.event_selection import anchored, force_verb, one_per_clause, party_acts
from chronik.analysis.event_sentence import (
    SentenceView,
    Trigger,
    lemma_of,
    lexicon,
    split_clauses,
    tokenize,
)
from chronik.analysis.event_triggers import find_triggers, one_sided_nouns
from chronik.analysis.pipeline import component
from chronik.analysis.sentences import is_question, run_on, split_sentences
from chronik.model import Article, BlockKind, Event, Mention, Sentence
from chronik.options import Options
from chronik.registry import Registry


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
            context.one_sided |= one_sided_nouns(sent)
        previewed(context, events)
        return events

    def _sentence_events(
        self, sent: SentenceView, ctx: Context, before: list[Event]
    ) -> list[Event]:
        every = _by_a_party(sent, ctx, find_triggers(sent, ctx.one_sided))
        return self._chosen_events(sent, ctx, before, every)

    def _chosen_events(
        self,
        sent: SentenceView,
        ctx: Context,
        before: list[Event],
        every: list[Trigger],
        chosen: list[Trigger] | None = None,
    ) -> list[Event]:
        """The events of the triggers ``one_per_clause`` keeps (``chosen``, where the
        choice was made already); where one yields no event (not ``anchored``), chosen
        again without it, so that what it had displaced is told: "macht den IS dafür
        verantwortlich und kündigte Vergeltung an" had lost the announcement to an
        accusation without its accuser (review 249)."""
        triggers = one_per_clause(sent, every) if chosen is None else chosen
        # "weil der Nachfolger kurzfristig abgesagt hatte": he withdrew; a cancellation
        # calls off no earlier sentence's event (review 102)
        if all(t.type == "deny" for t in triggers) and denies(sent) and not cancels(sent):
            denial = denial_of(sent, ctx, before)
            if denial or not triggers:
                return denial
        phrases, spans = _spans(sent, every)
        told = len(ctx.present)
        events = [assemble_event(sent, ctx, t, spans, phrases) for t in triggers]
        found = [
            (inherit_actors(sent, ctx, e, t, before), t)
            for e, t in zip(events, triggers, strict=True)
        ]
        # an event told by the present alone stays so with the parties it inherits; only
        # this sentence's can be among them (the whole list per sentence was quadratic)
        present = {id(e) for e in ctx.present[told:]}
        ctx.present += [n for e, (n, _) in zip(events, found, strict=True) if id(e) in present]
        held = [anchored(sent, e, t) for e, t in found]
        lost = [t for (_, t), ok in zip(found, held, strict=True) if not ok]
        rest = [t for t in every if all(t is not u for u in lost)]
        again = one_per_clause(sent, rest) if lost else []
        if _displaced(triggers, again):
            del ctx.present[told:]  # chosen again: these events are none of the article's
            return self._chosen_events(sent, ctx, before, rest, again)
        return [e for (e, _), ok in zip(found, held, strict=True) if ok]


def _displaced(chosen: list[Trigger], again: list[Trigger]) -> bool:
    """Whether the second choice (``again``) keeps a trigger the first had not; it is made
    once, and the events are built from it (review 259: it had been made twice)."""
    return any(all(t is not u for u in chosen) for t in again)


_Phrases = dict[int, tuple[int, int]]


def _spans(sent: SentenceView, every: list[Trigger]) -> tuple[_Phrases, _Phrases]:
    """The phrases whose names are their noun's own, and those with the phrases beside."""
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
    return phrases, {**beside, **phrases}


def _by_a_party(sent: SentenceView, ctx: Context, every: list[Trigger]) -> list[Trigger]:
    """The triggers less a verb of ``force_verbs`` that no party does: "zerstört",
    "getötet" tell an attack only by an army, a country or a militia, and one without
    yields to the clause's other events ("Trump hat angekündigt, jede Brücke zu
    zerstören" is his announcement; review 203)."""
    if not any(force_verb(sent, t) for t in every):
        return every
    phrases, spans = _spans(sent, every)
    told = len(ctx.present)
    kept = [
        t
        for t in every
        if not force_verb(sent, t)
        or party_acts(sent, ctx, assemble_event(sent, ctx, t, spans, phrases))
    ]
    del ctx.present[told:]  # a trial's event is none of the article's
    return kept


def previewed(ctx: Context, events: list[Event]) -> None:
    """An article that looks ahead at the day's occasion tells it as a plan even on its
    day: one that asks what to expect ("Was ist zu erwarten?") or plans an event of that
    type for the day ("Die Gespräche sollen heute beginnen"). There, what the present alone
    tells as happened on the publication day ("Trump und Putin kommen in Alaska
    zusammen") is planned (``previews``; review 159: a morning preview of the Alaska
    summit had confirmed it)."""
    if ctx.published is None or not ctx.present:
        return
    cues = lexicon().raw["previews"]
    day = ctx.published.isoformat()
    today = {e.type for e in events if e.modality in _OPEN and _on_the_day(e.time, day)}
    asked = _asks_what_to_expect(ctx.article, frozenset(cues["expecting"]))
    for event in ctx.present:
        if event.type not in cues["types"] or not (asked or event.type in today):
            continue
        if event.time is not None and event.time[:10] != day:
            continue
        stated = any(
            event.start <= t.start < event.end and t.value == event.time
            for t in ctx.article.timexes
        )
        event.modality = "planned"
        event.time = event.time if stated else None


_OPEN = frozenset({"planned", "announced"})


def _on_the_day(value: str | None, day: str) -> bool:
    """Whether a time is the day or a part of it ("2025-08-06", "2025-08-06TAF"), not a
    clock time, which a ticker stamps its entries with ("22:24 Uhr - Weißes Haus: Trump
    'offen' für Treffen mit Putin" had made the day's ticker a preview, and a meeting it
    told as ended a plan)."""
    return value is not None and value[:10] == day and not value[11:12].isdigit()


def _asks_what_to_expect(article: Article, expecting: frozenset[str]) -> bool:
    """Whether a question of the article asks what to expect: "Was ist zu erwarten?"."""
    for sentence in article.sentences or split_sentences(article.text):
        if is_question(sentence.text):
            words = {lemma_of(w).lower() for w in re.findall(r"\w+", sentence.text)}
            if not expecting.isdisjoint(words):
                return True
    return False


def _own_actors(event: Event, names: Names, inside: list[Mention]) -> bool:
    """A subheading names a section's topic ("Spekulationen über Waffendeals"); it states an
    event only when it names who acts, not when its actors are carried over."""
    named = {names.key(m) for m in inside}
    return any(actor in named for actor in event.actors)


def _prepare(sentence: Sentence, inside: list[Mention]) -> SentenceView:
    tokens = tokenize(sentence.text, sentence.start)
    return SentenceView(sentence, tokens, split_clauses(tokens), inside)


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


@component("events", reads=("sentences", "ner", "entities", "timex", "attribution"))
def events(article: Article, options: Options) -> None:
    article.events = get_extractor(options.event_extractor).extract(article)
