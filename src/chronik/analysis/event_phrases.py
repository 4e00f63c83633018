"""A noun trigger's own phrase, and where that phrase stands: in a phrase of time ("nach
dem Anschlag auf ..."), of cause or concession ("trotz der Waffenruhe"), as what another
verb of its clause reacts to ("verurteilte den Angriff auf ...") or beside an event of
another type. Such a noun's parties and place are those of its own phrase, and its
phrase's names are no party of the clause's other events."""

from __future__ import annotations

from chronik.analysis.event_grammar import (
    TIME_PREPOSITIONS,
    conjugated,
    noun_phrase_start,
    present_plural,
    word_before_noun_phrase,
)
from chronik.analysis.event_sentence import Clause, SentenceView, Trigger, lemma_keys, lexicon


def words_up_to_a_verb(
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
        if not token.text[:1].isalnum() or token.lower in stops or conjugated(token):
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


def after_the_fact(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Nach dem Anschlag auf das Stadtfest hat Brenner … angekündigt": an attack or an
    arrest in a phrase of time is what the clause reacts to, and its subject took no part
    in it (review 37: she had become the attacker); so is a threat, an election, a protest,
    a sanction or a demand ("Fünf Tage vor der Wahl ist Vance in Budapest eingetroffen";
    review 90). Its parties are in its own phrase, up to the verb. A meeting or visit so
    placed is often the subject's own ("Nach dem Treffen mit Putin sagte Trump"), so it
    keeps the clause's, as does one after a possessive ("Nach seiner Wahl dankte er")."""
    if not trigger.noun or trigger.type not in _REACTED_TO:
        return None
    if word_before_noun_phrase(sent, trigger.index, 0) not in TIME_PREPOSITIONS:
        return None
    return own_phrase(sent, trigger)


def meeting_in_time(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether a meeting's or talks' noun stands in a phrase of time ("vor Verhandlungen
    mit Putin", "nach dem Treffen mit Macron")."""
    if not trigger.noun or trigger.type not in {"meet", "negotiate"}:
        return False
    return word_before_noun_phrase(sent, trigger.index, 0) in TIME_PREPOSITIONS


def cause_or_concession(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Trotz der Waffenruhe im Nahen Osten griff Israel die Hisbollah im Libanon an",
    "Wegen der Proteste in X trifft sich Y mit Z": a noun after "trotz", "wegen" or
    "angesichts" (``presupposing_prepositions``) is why or despite what the clause tells;
    its places and names are in its own phrase, and none of the clause's event (review 137:
    the attack had been in the Middle East). Not an announcement, often the subject's own
    ("Trotz Ankündigung fehlte er"), nor a meeting or talks (``after_the_fact``)."""
    if not trigger.noun or trigger.type not in _REACTED_TO | {"agree"}:
        return None
    start = noun_phrase_start(sent, trigger.index, 0)
    before = [t.lower for t in sent.tokens[max(0, start - 2) : start]]
    if before[-1:] == ["von"]:
        before = before[:-1]  # "angesichts von Drohungen"
    if not before or before[-1] not in lexicon().words("presupposing_prepositions"):
        return None
    return own_phrase(sent, trigger)


def meeting_beside_an_attack(
    sent: SentenceView, trigger: Trigger, every: list[Trigger]
) -> tuple[int, int] | None:
    """ "Kurz vor dem Ukraine-Gipfel hat Russland Angriffe gestartet": a meeting in a phrase
    of time keeps the clause's parties (``after_the_fact``), but not where its clause tells
    of an attack, whose attacker and target are the attack's, not the meeting's (review 94:
    Russland had met at the summit)."""
    return _phrase_beside(sent, trigger, every, ("meet", TIME_PREPOSITIONS, "attack"))


def attack_a_threat_is_on(
    sent: SentenceView, trigger: Trigger, every: list[Trigger]
) -> tuple[int, int] | None:
    """ "Trump droht Iran bei Angriff auf US-Schiffe mit Vernichtung": an attack after "bei"
    in a clause that threatens is the threat's condition, the other side's deed; its
    parties are of its own phrase (review 94: 4 attacks of 150 stream items had Trump as
    the attacker)."""
    return _phrase_beside(sent, trigger, every, ("attack", CONDITION_PREPOSITIONS, "threaten"))


CONDITION_PREPOSITIONS = frozenset({"bei", "beim"})


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
    if word_before_noun_phrase(sent, trigger.index, 0) not in prepositions:
        return None
    clause = sent.clause_of(trigger.index)
    if not any(
        t.type == other_type and t is not trigger and sent.clause_of(t.index) == clause
        for t in every
    ):
        return None
    return own_phrase(sent, trigger)


def reaction_to(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Merz verurteilte den russischen Angriff auf Kiew", "Macron begrüßte die Ankündigung
    Irans": who reacts to a noun's event in its clause (``reacting``) took no part in it;
    its parties, and its place, are in its own phrase (review 85: 8 of 35 wrong actors of
    150 stream items were another verb's subject or object)."""
    reacting = lexicon().raw["reacting"]
    if not trigger.noun or trigger.type not in reacting["types"]:
        return None
    clause = sent.clauses[sent.clause_of(trigger.index)]
    # "reagiert mit Drohnenattacken auf Israel": what one reacts with, one does (review 132)
    if word_before_noun_phrase(sent, trigger.index, clause.first) == "mit":
        return None
    verbs = frozenset(reacting["verbs"])
    if not any(
        j != trigger.index and _reacting_verb(sent, clause, j, verbs)
        for j in range(clause.first, clause.last)
    ):
        return None
    return own_phrase(sent, trigger)


def _reacting_verb(sent: SentenceView, clause: Clause, j: int, verbs: frozenset[str]) -> bool:
    """Whether the word at ``j`` is one of ``verbs``; a separable verb only as a whole:
    who "sprach eine Drohung aus" made it, though "sprechen" tells of one (review 90)."""
    keys = lemma_keys(sent.tokens, clause, j)
    separable = [k for k in keys if "|" in k]
    return not verbs.isdisjoint(separable or keys)


def own_phrase(sent: SentenceView, trigger: Trigger) -> tuple[int, int]:
    """A noun's phrase: its article and adjectives, and the words after it up to a verb."""
    end = words_up_to_a_verb(sent, trigger.index + 1, _OWN_PHRASE)
    end = _before_an_object(sent, trigger.index + 1, end)
    # A present plural is a verb too: "Nach dem Anschlag in Berlin treffen sich Merz und
    # Macron" (review 45: the meeting had lost its parties to the attack's phrase).
    end = next((j for j in range(trigger.index + 1, end) if present_plural(sent.tokens[j])), end)
    # "vor seinem Treffen mit Selenskyj in Florida mit Putin telefoniert": a second "mit",
    # not joined to the first, is the verb's (review 107: Putin had been at the meeting)
    withs = [j for j in range(trigger.index + 1, end) if sent.tokens[j].lower == "mit"]
    end = next((j for j in withs[1:] if sent.tokens[j - 1].lower not in {"und", "oder"}), end)
    if withs and _person_with(sent, trigger, withs[0], end):
        end = withs[0]
    # "nach russischen Angriffen": the adjective names the attacker, and so does a name in
    # the genitive before it ("begrüßten Irans Ankündigung").
    start = noun_phrase_start(sent, trigger.index, 0)
    first = sent.tokens[start].start
    owner = next((m for m in sent.mentions if m.end == first - 1), None)
    if owner is not None and owner.text.endswith(("s", "’", "'")):
        first = owner.start
    return first, sent.tokens[end - 1].end


def _person_with(sent: SentenceView, trigger: Trigger, at: int, end: int) -> bool:
    """ "nach dem Angriff mit dem ukrainischen Präsidenten Selenskyj ... telefoniert": a
    person after "mit" right after the noun of an aimed event (``aimed_types``) is not what
    it is done with, so the phrase is the verb's (review 220: the call had had no partner
    and the attack two targets)."""
    if at != trigger.index + 1 or trigger.type not in lexicon().words("aimed_types"):
        return False
    start, stop = sent.tokens[at].end, sent.tokens[end - 1].end
    named = [m for m in sent.mentions if start <= m.start < stop and not m.derived]
    return bool(named) and named[0].type == "PER"


def _before_an_object(sent: SentenceView, first: int, end: int) -> int:
    """Where a noun's phrase ends before the clause's object: an accusative or dative article
    that no preposition governs opens another phrase ("seit dem Überfall der Hamas auf
    Israel den Gazastreifen besucht": the Gaza Strip is the visit's, and had been the
    attack's place); a genitive's "der" or "des" goes on."""
    prepositions = lexicon().words("prepositions")
    for j in range(first, end):
        before = sent.tokens[j - 1].lower
        if sent.tokens[j].lower in _OBJECT_ARTICLES and before not in prepositions:
            return j
    return end


_OBJECT_ARTICLES = frozenset({"den", "dem", "das", "einen", "einem"})


_REACTED_TO = frozenset({"attack", "arrest", "threaten", "elect", "protest", "sanction", "demand"})


# words after the noun: "Angriff auf mehrere Menschen in einem Zug nahe der Stadt X"
_OWN_PHRASE = 10
