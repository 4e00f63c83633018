"""Events that refer back to an earlier sentence's: a denial ("Beide Länder haben solche
Absichten abgestritten") of the last event still only claimed, and a definite noun
without actors ("Das Treffen fand ... statt") that takes those of the last event of its
type."""

from __future__ import annotations

from dataclasses import replace

from chronik.analysis.event_actors import actor_codes, country_of_code
from chronik.analysis.event_context import Context, earlier_sentence_start
from chronik.analysis.event_grammar import cue_labels, only_cancelled
from chronik.analysis.event_sentence import SentenceView, Trigger, lexicon
from chronik.analysis.event_sources import source_names, sources_of
from chronik.model import Event

# "Das Treffen fand ... statt": a definite noun without actors takes those of the last
# event of its type up to six sentences back.
_ANAPHOR_SENTENCES = 6


def denies(sent: SentenceView) -> bool:
    return any("denied" in cue_labels(sent, c) for c in sent.clauses)


def cancels(sent: SentenceView) -> bool:
    """Whether the sentence's cues of "denied" only call off ("abgesagt", "geplatzt")."""
    return all(only_cancelled(sent, c) for c in sent.clauses if "denied" in cue_labels(sent, c))


def denial_of(sent: SentenceView, ctx: Context, before: list[Event]) -> list[Event]:
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


def _fullest(earlier: list[Event]) -> Event:
    """The last event of the type, or a fuller telling of it before where the last names
    who acted and not on whom: "Russland greift die Ukraine an. ... feuerte die russische
    Armee 800 Drohnen ab. ... bei dem Beschuss" refers to Russia's attack on Ukraine, not
    to Russia's alone (review 203: the definite noun had lost Ukraine as target)."""
    last = earlier[-1]
    told = set(zip(last.actors, last.roles, strict=False))
    if all(role != "agent" for _, role in told):
        return last
    fuller = [e for e in earlier if _adds_targets(told, e)]
    return fuller[-1] if fuller else last


def _adds_targets(told: set[tuple[str, str]], event: Event) -> bool:
    """Whether the event holds every party told and more, all of them targets: whom the
    same side attacked, not another side that acted."""
    parties = set(zip(event.actors, event.roles, strict=False))
    return told < parties and all(role == "target" for _, role in parties - told)


def inherit_actors(
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
    source = _fullest(earlier)
    return replace(
        event,
        actors=list(source.actors),
        actor_names=list(source.actor_names),
        roles=list(source.roles),
    )
