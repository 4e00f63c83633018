"""Negation of an event: a clause that says its event did not or will not take place
("haben sich nicht geeinigt", "keine Einigung", "schloss ein Abkommen aus", "Ein Treffen ist
nicht geplant"), or that it is not ruled out ("nicht ausgeschlossen"); a negation of another
word or phrase ("nicht nur", "nicht im Rahmen des Forums") is none."""

from __future__ import annotations

from functools import cache

from chronik.analysis.attribution_words import QUOTE_MARKS
from chronik.analysis.event_grammar import in_a_phrase, phrase_start
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    inflected_adjective,
    lemma_keys,
    lexicon,
)
from chronik.analysis.event_tense import support_verb
from chronik.analysis.german import DEFINITE_ARTICLES


def negation(sent: SentenceView, clause: Clause, trigger: Trigger) -> str | None:
    """ "denied" where the clause says that its event did not or will not take place
    ("haben sich nicht geeinigt", "liefert keine Waffen", "keine Einigung", "Das Treffen
    fand nicht statt", "schloss ein Abkommen aus"), "speculated" where it says it is not
    ruled out ("nicht ausgeschlossen"); none for "nicht nur", a condition or another
    negated cue ("nicht bestätigt")."""
    rules = lexicon().raw["negation"]
    words = range(clause.first, clause.last)
    tokens = sent.tokens
    conditions = set(rules["conditions"]) | lexicon().words("conditionals")
    if any(tokens[j].lower in conditions for j in words):
        return None
    # what is ruled out is the verb's object, not a noun in a phrase ("schließe bei einem
    # Scheitern der Verhandlungen ein anderes Vorgehen nicht aus"; review 102)
    phrased = trigger.noun and in_a_phrase(sent.tokens, clause, trigger.index)
    if not phrased and any(_cued(sent, clause, j, "ruled_out") for j in words):
        # "hat ein Abkommen ausgeschlossen" says it will not be (review 82: it had been
        # unspecified); "nicht ausgeschlossen", that it may be
        negative = lexicon().words("negations")
        return "speculated" if any(tokens[j].lower in negative for j in words) else "denied"
    unplanned = _unplanned(sent, clause, trigger)
    if unplanned is not None:
        return unplanned
    if any(_cued(sent, clause, j, "cancelling") for j in words):
        return None
    return "denied" if _negates_event(sent, clause, trigger) else None


def _unplanned(sent: SentenceView, clause: Clause, trigger: Trigger) -> str | None:
    """ "Ein Treffen ist nicht geplant": no plan, the noun's event will not take place
    (denied); "Die Attacke sei zunächst nicht geplant gewesen": a definite one, in the
    past, took place unplanned (happened; review 102: it had been announced). None where
    no plan is negated (``unplanned``)."""
    tokens = sent.tokens
    negations = lexicon().words("negations")
    if not trigger.noun or not any(
        _cued(sent, clause, j, "unplanned") and tokens[j - 1].lower in negations
        for j in range(clause.first + 1, clause.last)
    ):
        return None
    past = lexicon().words("past_copulas.forms")
    if not any(tokens[j].lower in past for j in range(clause.first, clause.last)):
        return "denied"
    start = phrase_start(tokens, trigger.index, clause.first, DETERMINERS)
    return "happened" if tokens[start].lower in DEFINITE_ARTICLES else "denied"


def _negates_event(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    rules = lexicon().raw["negation"]
    tokens = sent.tokens
    if trigger.noun:
        before = trigger.index - 1
        while before > clause.first and inflected_adjective(tokens[before]):
            before -= 1
        if before >= clause.first and tokens[before].lower in _negating_before_noun():
            return True
        if support_verb(sent, clause, trigger.index) is None:
            return False  # "Beim Treffen wurde nicht gestritten": the meeting took place
    negations = lexicon().words("negations")
    if not trigger.noun:
        negations |= set(rules["determiners"])  # "liefert keine Waffen"
    words = range(clause.first, clause.last)
    return any(tokens[j].lower in negations and not _negates_other(sent, j, trigger) for j in words)


@cache
def _negating_before_noun() -> frozenset[str]:
    """The words right before a noun (or its adjectives) that negate its event: a
    determiner ("keine Einigung") or a preposition ("ohne Einigung"); built once, as the
    lexicon is."""
    rules = lexicon().raw["negation"]
    return frozenset(rules["determiners"]) | frozenset(rules["noun_prepositions"])


def _negates_other(sent: SentenceView, j: int, trigger: Trigger) -> bool:
    """A negation of a word or phrase, not of the event: "nicht nur", "als "nicht
    akzeptabel"", and a place before "sondern" or the place of a noun's event ("Das
    Treffen wird nicht im Rahmen des Forums stattfinden": it takes place elsewhere)."""
    tokens = sent.tokens
    if of_a_phrase(tokens, j):
        return True
    if j > 0 and tokens[j - 1].text in QUOTE_MARKS:
        return True  # the quote's words, not the verb's
    if _elliptic_contrast(tokens, j):
        return True  # "unterzeichneten die Erklärung - Deutschland nicht" (review 90)
    contrast = trigger.noun or any(t.lower == "sondern" for t in tokens[j:])
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return contrast and after in lexicon().words("locative_prepositions")


def of_a_phrase(tokens: list[Token], j: int) -> bool:
    """Whether the negation word at ``j`` is one of a phrase ("nicht nur", the lexicon's
    ``negation.not_after``), which negates no event."""
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return after in lexicon().words("negation.not_after")


def _elliptic_contrast(tokens: list[Token], j: int) -> bool:
    """ "Viele EU-Staaten unterzeichneten die Erklärung - Deutschland nicht": a name and
    "nicht" after a dash, ending the sentence, say who did not; the others did."""
    rest = [t for t in tokens[j + 1 :] if t.text[:1].isalnum()]
    dashed = j >= 2 and tokens[j - 2].text in {"-", "–", "—"} and tokens[j - 1].capitalised
    return dashed and not rest


def _cued(sent: SentenceView, clause: Clause, j: int, key: str) -> bool:
    """Whether token ``j`` is one of the negation rules' ``key`` words, as a form or lemma."""
    if sent.tokens[j].lower in lexicon().words(f"negation.{key}.forms"):
        return True
    lemmas = lexicon().words(f"negation.{key}.lemmas")
    return any(k in lemmas for k in lemma_keys(sent.tokens, clause, j))
