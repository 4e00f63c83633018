"""When an event is: the first date of its clause, else of its sentence, past the times
that are another event's (a relative clause about something else, a condition, a bounding
clause, a participle's noun), else the publication date for what happened."""

from __future__ import annotations

from chronik.analysis.event_context import Context
from chronik.analysis.event_grammar import opening_word, reporting_clauses
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    lexicon,
    participle,
)
from chronik.analysis.event_tense import before_the_clause
from chronik.analysis.event_triggers import attributive_participle
from chronik.analysis.timex_rules import load_rules


def publication_time(
    ctx: Context, modality: str, sent: SentenceView, clause: Clause, trigger: Trigger
) -> str | None:
    """What happened without a date in the sentence happened by the publication date,
    unless its clause says it was long before ("attackierten damals") or again and again
    ("hat mehrfach als Vermittler agiert": on no one day; review 47), or it is a noun that
    came before its clause's time ("ein Jahr nach dem Anschlag": review 115), or an act a
    participle describes its noun by ("die angekündigten Zölle") or one told in the
    pluperfect ("hatte Konsequenzen angekündigt"; review 264)."""
    if not ctx.published or modality != "happened":
        return None
    if before_the_clause(sent, clause, trigger):
        return None
    if not trigger.noun and described_before(sent, clause, trigger.index):
        return None
    if pluperfect(sent, ctx, clause, trigger):
        return None
    undated = lexicon().words("remote_past.words") | lexicon().words("recurring")
    words = sent.tokens[clause.first : clause.last]
    for j, token in enumerate(words):
        # "wiederholt" is a verb too, where no verb of its own follows it: "Trump
        # wiederholt seinen Anspruch", not "hat Kiew wiederholt angegriffen"
        verb = token.lower == "wiederholt" and not any(map(participle, words[j + 1 :]))
        if token.lower in undated and not verb:
            return None
    return ctx.published.isoformat()


def described_before(sent: SentenceView, clause: Clause, at: int) -> bool:
    """ "Hintergrund sind die von Trump angekündigten Zölle": an inflected participle
    before its noun describes the noun by an act done before the clause tells of it, on
    no day the sentence gives (review 264: the publication day had been given to 12 of 16
    in the stream, all announced or demanded the days before); not one done now, "die nun
    getroffene Einigung" (``described_before``)."""
    if not attributive_participle(sent, at):
        return False
    now = lexicon().words("described_before.words")
    for token in reversed(sent.tokens[max(clause.first, at - 6) : at]):
        if token.lower in DETERMINERS:
            break
        if token.lower in now:
            return False
    return True


def pluperfect(sent: SentenceView, ctx: Context, clause: Clause, trigger: Trigger) -> bool:
    """ "Merz hatte Konsequenzen angekündigt", "Beide Drohungen hatte er bereits
    geäußert": a verb in the pluperfect, or a noun in a clause told in it, tells what came
    before the past the report tells, mostly a day or more before it (review 264). "war"
    only in a passive's "war ... worden": "waren betroffen" is a state. Not in a clause
    "nachdem" opens, nor with a word (``pluperfect.not_with``: "zuvor") that ties it to
    the event just told, steps of the day's own sequence; nor in a clause with a date or
    clock time of its own that the date rules set aside. A span or a set is no such time:
    "war ... zu 27 Jahren Haft verurteilt worden" (review 281)."""
    rules = lexicon().raw["pluperfect"]
    words = sent.tokens[clause.first : clause.last]
    lowers = {t.lower for t in words}
    told = any(map(participle, words)) if trigger.noun else participle(sent.tokens[trigger.index])
    passive = "worden" in lowers and not lowers.isdisjoint(rules["passive"])
    if not told or not (passive or not lowers.isdisjoint(rules["words"])):
        return False
    if opening_word(sent, clause) == "nachdem" or not lowers.isdisjoint(rules["not_with"]):
        return False
    start, end = sent.span(clause)
    return not any(t.type in _POINTS for t in ctx.times.starting_in(start, end))


# The time expressions that date an event: a span ("27 Jahre") or a set ("jede Woche") does not.
_POINTS = frozenset({"DATE", "TIME"})


def time_of(
    sent: SentenceView,
    ctx: Context,
    clause: Clause,
    elsewhere: list[tuple[int, int]],
    others: list[tuple[int, int]],
) -> str | None:
    dated = [
        t
        for t in ctx.times.starting_in(sent.sentence.start, sent.sentence.end)
        if t.value and t.value[:1].isdigit() and t.type in {"DATE", "TIME"}
    ]
    c_start, c_end = sent.span(clause)
    in_clause_ = [t for t in dated if c_start <= t.start < c_end and not within(t.start, others)]
    chosen = in_clause_ or [t for t in dated if not within(t.start, elsewhere)]
    return chosen[0].value if chosen else None


# The dashes a live blog puts between an entry's clock time and its text.
_DASHES = frozenset({"-", "–", "—"})


def ticker_stamp(sent: SentenceView, ctx: Context) -> str | None:
    """The value of a clock time that opens the sentence before a dash, a live blog's
    stamp ("20:43 Uhr - Regierungskreise: Werden zügig auf Alaska-Gipfel reagieren"):
    when the entry was written, which a day so written ("15. August - Gipfel") is not."""
    tokens = sent.tokens
    if not tokens:
        return None
    for timex in ctx.times.starting_in(tokens[0].start, tokens[0].end):
        after = sent.token_index(timex.end - 1) + 1
        clock = (timex.value or "")[11:12].isdigit()
        if clock and after < len(tokens) and tokens[after].text in _DASHES:
            return timex.value
    return None


def about_others(sent: SentenceView, trigger: Trigger) -> list[tuple[int, int]]:
    """The spans of relative clauses about something other than the event: in "Das Treffen
    wird nicht im Rahmen des Forums stattfinden, an dem Putin morgen teilnehmen wird",
    tomorrow is the forum's day. A relative clause right after the trigger is the event's
    ("Das Treffen, das am Mittwoch stattfand"). (Their places stay: the forum's place is
    often the event's too.)"""
    spans = []
    for clause in sent.clauses:
        own = clause.first - 2 <= trigger.index < clause.first
        if (
            (
                clause.opener == ","
                and _relative(sent.tokens[clause.first : clause.first + 3])
                and not own
            )
            or condition_of(sent, clause, trigger)
            or _bounding(sent, clause, trigger)
        ):
            spans.append(sent.span(clause))
    return spans


# Words that open a clause of another event that bounds the event in time.
_BOUNDING = frozenset({"bevor", "ehe", "bis", "nachdem", "sobald", "seitdem"})


def reported_by(sent: SentenceView, index: int, trigger: Trigger) -> list[tuple[int, int]]:
    """The spans of the clauses the verb's clause reports: in "Es solle ein Herbst der
    Reformen werden, hat Merz angekündigt" and "werde er darum bitten, dass auch nach
    2035 Verbrenner zugelassen werden" the autumn and 2035 are what is said, not when it
    was said (review 265: both had dated the act). Not for a noun, whose clause a colon
    may explain ("Der nächste Warnstreik: Am Donnerstag bleiben die Busse stehen")."""
    if trigger.noun:
        return []
    clause = sent.clauses[index]
    return [
        sent.span(other)
        for j, other in enumerate(sent.clauses)
        if j != index and any(c is clause for c in reporting_clauses(sent, j))
    ]


def _bounding(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """ "solle stattfinden, bevor die Waffenruhe am 22. April ausläuft": the time of a
    clause that bounds the event is the other event's, not this one's (review 113: the
    talks had been announced for the day the ceasefire ends)."""
    own = clause.first <= trigger.index < clause.last
    return not own and opening_word(sent, clause) in _BOUNDING


def other_nouns_times(sent: SentenceView, ctx: Context, trigger: Trigger) -> list[tuple[int, int]]:
    """ "Vor den morgen beginnenden Gesprächen haben Politiker eine Einigung gefordert": a
    time before an attributive participle and its noun is that noun's, not another
    event's of the clause (review 107: the agreement demanded had been announced for
    tomorrow)."""
    spans = []
    for timex in ctx.times.starting_in(sent.sentence.start, sent.sentence.end):
        after = sent.token_index(timex.end - 1) + 1
        noun = after + 1
        if (
            noun < len(sent.tokens)
            and noun != trigger.index
            and attributive_participle(sent, after)
        ):
            spans.append((timex.start, timex.end))
    return spans


def condition_of(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """A condition put to the event ("hat Putin gedroht, sollte der Kremlchef beim Treffen
    am Freitag nicht zustimmen"): its day is the condition's, not the threat's (review
    56)."""
    inside = clause.first <= trigger.index < clause.last
    # after the event's clause or opening the sentence: "Sollte Russland am Freitag nicht
    # einlenken, droht Trump mit Sanktionen" (review 57)
    # the words time expressions read a condition by (``cues.conditional_openers``)
    openers = load_rules().cues.get("conditional_openers", frozenset())
    return opening_word(sent, clause) in openers and not inside


def _relative(head: list[Token]) -> bool:
    """A clause opening "die nach ...", "an dem ...": a pronoun before a noun is an article
    ("den Mann in Berlin zu finden")."""
    pronouns = lexicon().words("relative_pronouns")
    words = [t.lower for t in head] + ["", ""]
    if words[0] in lexicon().words("prepositions"):
        return words[1] in pronouns
    return words[0] in pronouns and not (len(head) > 1 and head[1].capitalised)


def within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
