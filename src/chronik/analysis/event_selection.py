"""Which of a sentence's triggers become events: one per type and clause (a trip to a
meeting is the meeting, arms are the aid), statement verbs only where nothing else is
told, and a trigger in an everyday sense only where its event names who or where."""

from __future__ import annotations

from chronik.analysis.event_actors import is_country_mention
from chronik.analysis.event_context import Context
from chronik.analysis.event_grammar import word_before_noun_phrase
from chronik.analysis.event_phrases import after_the_fact
from chronik.analysis.event_sentence import (
    SentenceView,
    Trigger,
    apart_code,
    finite_verb,
    lemma_keys,
    lexicon,
)
from chronik.analysis.event_triggers import attributive_participle
from chronik.model import Event


def anchored(sent: SentenceView, event: Event, trigger: Trigger) -> bool:
    """Whether the event keeps its trigger: a verb of ``everyday_verbs`` in its first sense,
    or a participle before its noun ("der geforderten Norm"), only where its event names
    who or where. Without either it is mostly in an everyday sense ("lieferte die schnellste
    Zeit", "es droht ein Engpass"; review 37: 14 of the 18 spurious events of 49 news
    articles had neither), and a story joined it to its best-attested event of the type.
    An accusation only where it names both sides (``_BETWEEN_NAMED``)."""
    if trigger.code in _BETWEEN_NAMED and not {"agent", "target"} <= set(event.roles or []):
        return False
    lemma = sent.tokens[trigger.index].lemma
    if lemma in lexicon().words("travel_verbs.verbs") and not trigger.noun:
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


def force_verb(sent: SentenceView, trigger: Trigger) -> bool:
    """ "zerstört", "getötet": a verb that tells an attack only by who does it."""
    words = lexicon().words("force_verbs.verbs")
    return not trigger.noun and sent.tokens[trigger.index].lemma in words


def party_acts(sent: SentenceView, ctx: Context, event: Event) -> bool:
    """Whether a party named in the sentence acts that is an army or a militia (an
    organisation) or a country: they destroy or kill in an attack ("Israel tötet einen
    Hisbollah-Anführer"); a person mostly by crime or in a figure ("Merz zerstöre das
    Fundament"), and a town named beside a storm is none (review 203)."""
    agents = {a for a, role in zip(event.actors, event.roles, strict=False) if role == "agent"}
    return any(
        ctx.names.key(m) in agents
        and (m.type == "ORG" or (m.type == "LOC" and is_country_mention(m, ctx.article)))
        for m in sent.mentions
    )


# Codes kept only where the event names who acts and on whom: an accusation (CAMEO 112)
# without both is mostly a charge in court ("Ihm wird Mord vorgeworfen") or a pronoun's
# ("Sie wirft ihm ... vor"), and one without its accused had split an article off its
# story (review 199: Macron's "wirft ihm imperiale Ambitionen vor", January 2026).
_BETWEEN_NAMED = frozenset({"112"})


def one_per_clause(sent: SentenceView, triggers: list[Trigger]) -> list[Trigger]:
    """One event per type and clause (verbs before nouns); statements only on their own."""
    kept: dict[tuple[int, str, bool], Trigger] = {}
    triggers = [
        t
        for t in triggers
        if not _trip_to_a_meeting(sent, t, triggers) and not _topic_told_after(sent, t, triggers)
    ]
    # A verb of force yields to any other attack of its clause ("Bei dem Anschlag haben die
    # Angreifer elf Menschen getötet": the attack is the noun's, whoever is named).
    for trigger in sorted(triggers, key=lambda t: (t.noun + 2 * force_verb(sent, t), t.index)):
        earlier = _earlier_of_its_kind(sent, trigger, triggers)
        # A phone call is a meeting of its own beside the one its clause names ("hat vor
        # seinem Treffen mit Maia mit Norvia telefoniert"; review 191).
        apart = apart_code(trigger.code)
        kept.setdefault((sent.clause_of(trigger.index), trigger.type, earlier or apart), trigger)
    chosen = sorted(kept.values(), key=lambda t: t.index)
    substantive = [t for t in chosen if not _is_cue(sent, t)]
    arms = {sent.clause_of(t.index) for t in substantive if t.type == "arms"}
    # Arms are aid of a kind: "Militärhilfe liefern" is one event, not two.
    substantive = [t for t in substantive if t.type != "aid" or sent.clause_of(t.index) not in arms]
    if substantive and all(after_the_fact(sent, t) for t in substantive):
        # "Nach dem Anschlag auf das Stadtfest hat Kessler Konsequenzen angekündigt": an
        # attack in a phrase of time is what the clause reacts to, not what it announces
        # or denies, so the statement is told beside it (review 259: the announcement lost)
        cues = [t for t in chosen if t not in substantive]
        return sorted([*substantive, *cues], key=lambda t: t.index)
    if not substantive or any(t.type != "criticize" for t in substantive):
        return substantive or chosen
    # A rejection beside criticisms alone answers them: "wirft Belvo Zensur vor, die
    # Regierung weist die Vorwürfe zurück" (review 199: the rejection had been lost)
    return [t for t in chosen if t in substantive or t.type in _ANSWERS]


# Statements that answer a criticism rather than tell how it was made.
_ANSWERS = frozenset({"reject", "deny"})


def _trip_to_a_meeting(sent: SentenceView, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "Wenn Rui Maia nach Lissabon reist, trifft er Kessler", "reist nach Paris und trifft
    Macron": a trip in a sentence that tells another meeting is the way to it, one visit."""
    travel = lexicon().words("travel_verbs.verbs")
    if trigger.noun or sent.tokens[trigger.index].lemma not in travel:
        return False
    return any(t is not trigger and t.type == "meet" for t in triggers)


def _topic_told_after(sent: SentenceView, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """ "Anschlag in Rom: Kessler gibt Bordurien die Schuld am Anschlag": a headline's
    topic before its colon, a noun in no phrase, is the event that a noun of its type
    after the colon tells, one event (review 249: 2 of 150 items had it twice); "Nach
    dem Gipfel: ... Bedingungen für ein Treffen" is another."""
    if not trigger.noun or len(sent.clauses) < 2 or sent.clauses[1].opener != ":":
        return False
    topic = sent.clauses[0]
    if not topic.first <= trigger.index < topic.last:
        return False
    prepositions = lexicon().words("prepositions")
    words = sent.tokens[topic.first : topic.last]
    if any(finite_verb(t) for t in words) or any(
        t.lower in prepositions for t in sent.tokens[topic.first : trigger.index]
    ):
        return False  # a clause ("Iran erklärt Angriffe für beendet:") or a phrase's noun
    return any(t.noun and t.type == trigger.type and t.index >= topic.last for t in triggers)


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
