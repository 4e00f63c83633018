"""The subject of a verb cue, which is its source: the noun phrase that fills the prefield
before the finite verb, the phrase after it past adverbs and prepositional phrases, the
antecedent of a relative pronoun, the subject a coordinated verb shares, or the agent of a
passive ("vom Kreml bestätigt") and the origin of "hieß es"; none where the clause's
subject is "es" or "man" or the verb says what can be done ("lässt sich nicht
bestätigen"). Apart because it is the largest step of finding a source, and the cues
that name their source by a preposition need it only for "nach eigenen Angaben"."""

from __future__ import annotations

import re

from chronik.analysis.attribution_phrases import (
    a_thing,
    dictionary_noun,
    listed_after,
    np_backward,
    np_forward,
    prepositional,
    reduce_generic,
    relative_owner,
)
from chronik.analysis.attribution_tokens import (
    Token,
    before_its_noun,
    is_number,
    opening_adjective,
    verb_like,
)
from chronik.analysis.attribution_words import (
    AGENT,
    AUXILIARIES,
    CONJUNCTIONS,
    COUNTRY_NOUNS,
    DEMONSTRATIVES,
    EXPLETIVES,
    FOCUS,
    GENITIVE,
    INDEFINITE_SUBJECTS,
    KONJUNKTIV,
    LIST_ENDS,
    MAX_NP,
    NO_SUBJECT,
    NOMINATIVE_PRONOUNS,
    OBLIQUE,
    ORGANISATION_NOUNS,
    PARTICLES,
    PASSIVE,
    PLURAL_QUANTIFIERS,
    PREPOSITIONS,
    QUANTITIES,
    RELATIVES,
    RESOLVABLE,
    SUBORDINATORS,
    TIME_AFTER,
    VERB_COORDINATORS,
    WINDOW,
    document_noun,
    lemma_of,
    participle,
    speaker_noun,
    verb_lemma,
)
from chronik.analysis.german import DASHES, INDEFINITE_ARTICLES, NOMINATIVE_ARTICLES

_AMONG_OTHERS = ("unter", "anderem")
# Verbs whose source is where the word came from ("aus X verlautete"), never their subject;
# "Das geht aus einem Bericht der Agentur hervor": the report's (review 207).
_ORIGIN_VERBS = frozenset({"verlauten", "hervorgehen"})
MAX_SKIP = 4  # adverbs skipped between a finite verb and a subject after it
_BEFORE_SUBJECT = CONJUNCTIONS | {"sowohl"}


def _passive(toks: list[Token], k: int, fin: int, hi: int) -> bool:
    """A participle with a form of werden: "wurde bestätigt", "bestätigt worden"."""
    if toks[k].lower == lemma_of(toks[k].lower):
        return False  # an infinitive: "wird verkünden" is future, not passive
    after = k + 1 < hi and toks[k + 1].lower in PASSIVE
    return after or (fin != k and toks[fin].lower in PASSIVE) or _stative(toks, k, fin, hi)


# Forms of "sein" that carry a participle as a state: "sind zum Streik aufgerufen".
_SEIN = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären"})
# A cue whose perfect takes "sein" ("ist davon ausgegangen") is active with it.
_SEIN_PERFECT = frozenset({"ausgehen"})


def _stative(toks: list[Token], k: int, fin: int, hi: int) -> bool:
    """A participle with a form of "sein" is a passive of the state ("Die Piloten sind zum
    Streik aufgerufen", "Aufgerufen sind die Mitglieder"): a speech verb's perfect takes
    "haben", so its subject is who was called, not who called (they had been the source)."""
    lower = toks[k].lower
    if not participle(lower) or verb_lemma(lower) in _SEIN_PERFECT:
        return False
    after = k + 1 < hi and toks[k + 1].lower in _SEIN
    return after or (fin != k and toks[fin].lower in _SEIN)


_LASSEN = frozenset({"lässt", "ließ", "ließen", "lassen", "ließe"})


def _sich_lassen(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """ "Bestätigen ließen sich die Berichte nicht", "Das lässt sich nicht bestätigen": an
    infinitive with "sich lassen" is a passive of what can be done, whose subject (the
    reports) claimed nothing and no one is named (the reports had been the source)."""
    if toks[k].lower != lemma_of(toks[k].lower):
        return False
    clause = [t.lower for t in toks[lo:hi]]
    return "sich" in clause and any(word in _LASSEN for word in clause)


def _finite(toks: list[Token], k: int, lo: int) -> int:
    """The auxiliary that carries a participle or infinitive cue, else the cue itself."""
    for j in range(k - 1, max(lo, k - WINDOW) - 1, -1):
        if toks[j].lower in AUXILIARIES:
            return j
    return k


def verb_subject(
    toks: list[Token], k: int, lo: int, hi: int, lemma: str = ""
) -> tuple[int, int] | None:
    """The source a verb cue at ``k`` (its ``lemma`` with the particle that closes the
    clause: "geht ... hervor") names in its clause ``lo``..``hi``: where the word came from,
    the agent of a passive, or the subject of an active verb; none for a verb that says
    what can be done."""
    if (lemma or verb_lemma(toks[k].lower)) in _ORIGIN_VERBS:
        # "Aus Regierungskreisen verlautete, dass ...", "Wie aus dem Ministerium verlautete":
        # a verb that has no speaker for its subject names where the word came from, as
        # "hieß es aus" does (review 169: no source had been found, and so no claim)
        return _origin(toks, lo, hi)
    fin = _finite(toks, k, lo)
    # "Wladiwostok: Gipfel angekündigt": a participle no auxiliary carries is a headline's
    # passive; what stands before it was announced, it announced nothing
    if _bare_participle(toks, k, fin, lo, hi) or _passive(toks, k, fin, hi):
        return _agent(toks, lo, hi)
    if _sich_lassen(toks, k, lo, hi):
        return None
    return _active_subject(toks, k, fin, lo, hi)


def _active_subject(
    toks: list[Token], k: int, fin: int, lo: int, hi: int
) -> tuple[int, int] | None:
    """The subject of an active verb whose finite verb is at ``fin``: after a subordinator,
    a relative pronoun's antecedent, the subject a coordinated verb shares, a pronoun right
    after the verb, or the phrase before or after the verb."""
    first = _subject_start(toks, lo, fin)
    head = toks[first].lower
    if fin == k > lo and toks[k - 1].lower == "es":  # ", in der es hieß"
        within = _within_document(toks, lo)
        if within is not None:
            return within
    if first < fin and head in SUBORDINATORS and _verb_last(toks, k, fin, hi):
        return _subordinate_subject(toks, first + 1, fin)
    if first < fin and _relative_object(toks, first, k, fin, hi):
        return _usable(toks, first + 1, np_forward(toks, first + 1, fin))
    if first < fin and _relative(toks, first):
        return _usable(toks, np_backward(toks, first - 1, 0), first - 1)
    if fin == k and first < k - 1 and toks[k - 1].lower in VERB_COORDINATORS:
        return _shared_subject(toks, first, k - 1)
    if fin - first == 1 and head in {"es", "man"}:
        # "Es unterstreicht ...": the subject is a thing, not a speaker; "Man habe die
        # Behörden informiert": no one named, and the object after the verb is no subject
        return None
    if first == fin == k:
        apposed = _subordinate_apposition(toks, lo) or _subordinate_relative(toks, lo)
        if apposed is not None:
            return apposed
    if first < fin and fin + 1 < hi and toks[fin + 1].lower in NOMINATIVE_PRONOUNS:
        # "Jegliches Fehlverhalten bestreitet er": a pronoun that is only ever a subject,
        # right after the verb, is its subject, and the phrase before it the object
        # (review 161: the object had been the source)
        return fin + 1, fin + 2
    return _around_verb(toks, k, first, fin, lo, hi)


def _subject_start(toks: list[Token], lo: int, fin: int) -> int:
    """Where the subject may begin, past the words that stand before it."""
    first = lo
    while first < fin and (toks[first].lower in _BEFORE_SUBJECT or toks[first].lower in FOCUS):
        first += 1  # "Aber auch der Kreml", "Sowohl X als auch Y": these stand before it
    if first + 2 < fin and (toks[first].lower, toks[first + 1].lower) == _AMONG_OTHERS:
        first += 2  # "Unter anderem das Forum hatte dazu aufgerufen" (review 149: missed)
    return first


def _subordinate_subject(toks: list[Token], opens: int, fin: int) -> tuple[int, int] | None:
    """The subject of a subordinate clause whose subordinator stands before ``opens``."""
    while opens + 1 < fin and (toks[opens].lower in FOCUS or toks[opens].lower in _ADVERBS):
        if toks[opens + 1].text[:1].isdigit():
            break  # "wie etwa 30 Abgeordnete mitteilten": an amount
        opens += 1  # "wie etwa die New York Times berichtet"
    end = np_forward(toks, opens, fin, extended=True)
    return _usable(toks, opens, end)


def _around_verb(
    toks: list[Token], k: int, first: int, fin: int, lo: int, hi: int
) -> tuple[int, int] | None:
    """The phrase before the finite verb, else the one after it, else the subject that
    opens the sentence for a verb after a seam that contrasts."""
    before = prefield(toks, first, fin)
    if before is not None and before[0] == lo:
        before = (_listed_before(toks, *before), before[1])
    found = before or _after_verb(toks, fin, lo, hi)
    if found is None and first == fin == k and _contrasts_after_seam(toks, k, lo, hi):
        # "Die Branche begrüßte den Beschluss, fordert jedoch konkrete Maßnahmen": a verb
        # that opens its clause after a comma or a dash, "aber" or "jedoch" after it and no
        # subject, has the subject that opens the sentence (review 161: it had had none,
        # or its object)
        return _shared_subject(toks, 0, lo - 1)
    if first == fin == k and _object_before_but(toks, k, lo, hi, found):
        # "Er bestätigte den Anruf, wies eine Einflussnahme aber zurück": the phrase before
        # a later "aber" is the object (review 260: it had been the source)
        return _shared_subject(toks, 0, lo - 1) or found
    return found


def _object_before_but(
    toks: list[Token], k: int, lo: int, hi: int, found: tuple[int, int] | None
) -> bool:
    """Whether the verb at ``k`` opens its clause after a comma and a main clause in the
    indicative, "aber", "jedoch" or "allerdings" stands further on in its clause, and the
    phrase after it is an indefinite or bare plural of common nouns for no speaker, its
    object ("verlangt dafür aber Bedingungen", "wies eine Einflussnahme aber zurück"; not
    ", sagte der Minister aber")."""
    if lo == 0 or toks[lo - 1].text != "," or found is None or toks[k].lower.endswith("en"):
        return False  # a plural verb ("sagten Experten aber") may have its subject after it
    if any(t.lower in KONJUNKTIV for t in toks[:lo]):
        return False  # "Die Lage sei ernst, sagte ...": the clause before is the claim
    nouns = [t.text for t in toks[found[0] : found[1]] if t.cls == "N"]
    if not nouns or not all(dictionary_noun(n) and not speaker_noun(n) for n in nouns):
        return False
    opener = toks[found[0]]
    # an indefinite or bare plural object; "der Minister", "Merz" may be subjects after it
    plural = opener.cls == "N" and lemma_of(opener.text) != opener.text
    if opener.lower not in INDEFINITE_ARTICLES and not plural:
        return False
    return any(toks[j].lower in _BUT for j in range(k + 2, hi))


def _contrasts_after_seam(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """Whether the verb at ``k`` opens its clause after a comma or a dash, with "aber",
    "jedoch" or "allerdings" after it: a second verb of the sentence's subject."""
    return lo > 0 and toks[lo - 1].text in _SEAMS and k + 1 < hi and toks[k + 1].lower in _BUT


_SEAMS = DASHES | {","}
_BUT = frozenset({"aber", "jedoch", "allerdings"})


# Adverbs between a subordinator and its subject: "wie etwa die Zeitung berichtet", "wie
# übereinstimmend mehrere Medien melden" (the claim had had no source; review 123).
_ADVERBS = frozenset({"etwa", "beispielsweise", "zuletzt", "zunächst", "zuerst", "übereinstimmend"})


def _verb_last(toks: list[Token], k: int, fin: int, hi: int) -> bool:
    """Whether the cue's clause puts its verb last, as a subordinate clause does ("wie die
    Polizei mitteilte", "dass er es angekündigt habe"); "Als Konsequenz hatte Trump Israel
    aufgefordert" and "Während des Treffens sagte Merz" are main clauses after a
    preposition ("als", "während" are both), whose phrase had been the source."""
    if fin != k:
        return False  # an auxiliary before the participle: "hatte ... aufgefordert"
    after = toks[k + 1 : hi]
    return all(
        t.lower in AUXILIARIES or t.lower in KONJUNKTIV or t.lower in PARTICLES for t in after
    )


def _subordinate_apposition(toks: list[Token], lo: int) -> tuple[int, int] | None:
    """ "wie der Vorsitzende des Ausschusses, Bernd Lange (SPD), mitteilte": a verb alone
    after the commas of a name apposed to the subject of a clause that a subordinator
    opens has that subject and the name for its source (review 146: the commas had left
    the verb without one, and the claim was missed)."""
    if lo < 4 or toks[lo - 1].text != ",":
        return None
    comma = lo - 2
    while comma > 0 and toks[comma].text != "," and lo - comma < 8:
        if toks[comma].cls != "N" and toks[comma].text not in "()":
            return None
        comma -= 1
    if toks[comma].text != "," or comma == lo - 2 or toks[comma + 1].cls != "N":
        return None
    opens = comma - 1
    while opens > 0 and toks[opens].cls != "B" and toks[opens].lower not in SUBORDINATORS:
        opens -= 1
    if toks[opens].lower not in SUBORDINATORS or np_forward(toks, opens + 1, comma) != comma:
        return None
    return opens + 1, lo - 1


_RELATIVE_OPENERS = RELATIVES | {"dem", "den", "deren", "dessen", "denen"}


def _subordinate_relative(toks: list[Token], lo: int) -> tuple[int, int] | None:
    """ "wie die Polizei, die vor Ort war, mitteilte": a verb alone after a relative
    clause set off by commas has the subject that the subordinator before them opens (review
    149: the commas had left the verb without a source)."""
    if lo < 4 or toks[lo - 1].text != ",":
        return None
    comma = lo - 2
    while comma > 0 and toks[comma].cls != "B" and lo - comma < 16:
        comma -= 1
    if toks[comma].text != "," or toks[comma + 1].lower not in _RELATIVE_OPENERS:
        return None
    opens = comma - 1
    while opens > 0 and toks[opens].cls != "B" and toks[opens].lower not in SUBORDINATORS:
        opens -= 1
    if toks[opens].lower not in SUBORDINATORS or opens + 1 >= comma:
        return None
    if np_forward(toks, opens + 1, comma) != comma:
        return None
    return opens + 1, comma


def _shared_subject(toks: list[Token], first: int, conjunction: int) -> tuple[int, int] | None:
    """ "Die Delegierten sprachen sich aus und betonen das Recht", "Der Generalsekretär
    hält dies für unnötig und lobt Trump": the verb after "und" shares the subject that
    opens its clause, or a personal pronoun right after the first verb ("Am Montag reiste
    er ab und lobte"); the phrase after it is its object (the object had been the source).
    None where neither is there."""
    end = np_forward(toks, first, conjunction, place=True)
    # a plural verb is its own lemma ("zeigen"), which verb_like does not take for a verb
    plural = end < conjunction and toks[end].cls == "O" and toks[end].text.endswith("en")
    if first < end < conjunction and toks[first].cls != "T" and (verb_like(toks[end]) or plural):
        if end + 1 < conjunction and toks[end + 1].lower in NOMINATIVE_PRONOUNS:
            return end + 1, end + 2  # "Kritik übt er nicht, warnt aber": he
        if _fronted_object(toks, first, end, end):
            after = np_forward(toks, end + 1, conjunction, coord=False)
            return (end + 1, after) if after > end + 1 else None
        return first, end
    verb = next((j for j in range(first, conjunction) if verb_like(toks[j])), conjunction)
    if verb + 1 < conjunction and toks[verb + 1].lower in RESOLVABLE:
        return verb + 1, verb + 2
    return _inverted_subject(toks, first, conjunction)


def _inverted_subject(toks: list[Token], first: int, conjunction: int) -> tuple[int, int] | None:
    """ "Sichtlich berührt sprach der Politiker vor dem Parlament und betonte, dass ...":
    where words that are no subject open the clause, the phrase an article opens right
    after its first verb, a person's or an institution's noun, is the subject the verb
    after "und" shares (review 250: the claim had had none, and was missed)."""
    for j in range(first + 1, conjunction - 2):
        if not verb_like(toks[j]) or toks[j + 1].lower not in NOMINATIVE_ARTICLES:
            continue
        end = np_forward(toks, j + 1, conjunction, coord=False, attach=False)
        if end > j + 2 and toks[end - 1].cls == "N" and speaker_noun(toks[end - 1].text):
            return _usable(toks, j + 1, end)
        return None
    return None


def _listed_before(toks: list[Token], a: int, b: int) -> int:
    """Where a coordination that opens its clause began: the clauses split at commas, so
    "Der DGB, die Linkspartei und die Grünen kritisieren" had been the last two alone."""
    if not any(t.lower in LIST_ENDS for t in toks[a:b]):
        return a
    while a >= 2 and toks[a - 1].text == ",":
        start = a - 1
        while start > 0 and toks[start - 1].cls != "B":
            start -= 1
        if start == a - 1:
            break
        while start < a - 2 and (toks[start].lower in CONJUNCTIONS or toks[start].lower in FOCUS):
            start += 1  # "Doch führende Vertreter aus Wirtschaft, Gewerkschaften und Politik"
        if np_forward(toks, start, a - 1, place=True) != a - 1:
            # "Am Ende haben Bischöfe, Ordensleute und Laien betont": the list's first
            # phrase follows the auxiliary of the segment before (Bischöfe had been left out)
            first = np_backward(toks, a - 1, start)
            return first if start < first < a - 1 and toks[first - 1].lower in AUXILIARIES else a
        a = start
    return a


def _bare_participle(toks: list[Token], k: int, fin: int, lo: int, hi: int) -> bool:
    """A participle without an auxiliary in its clause, at the clause's end or inflected
    before a noun: "Gipfel angekündigt", "die von Merz angekündigte Kooperation"."""
    lower = toks[k].lower
    if not participle(lower) or lower == lemma_of(lower):
        return False
    if before_its_noun(toks, k):
        return True  # whatever the clause's own verb is
    if fin != k or any(t.lower in AUXILIARIES for t in toks[lo:hi]):
        return False  # "hatte ... angekündigt"
    return all(t.cls == "B" for t in toks[k + 1 : hi])


def prefield(toks: list[Token], first: int, fin: int) -> tuple[int, int] | None:
    """The subject before the finite verb, when the whole prefield is one noun phrase, or
    one with a word in brackets after it: "Die in Oslo ansässige Gruppe (IHR) sprach"."""
    found = _prefield_phrase(toks, first, fin)
    bracketed = fin - first > 3 and toks[fin - 1].text == ")" and toks[fin - 3].text == "("
    if found is None and bracketed:
        found = _prefield_phrase(toks, first, fin - 3)
    return found


def _prefield_phrase(toks: list[Token], first: int, fin: int) -> tuple[int, int] | None:
    if fin > first and toks[fin - 1].lower in TIME_AFTER:
        return None  # "Etwas später sagte der Minister": a time
    stop = fin
    while stop > first + 1 and toks[stop - 1].lower in FOCUS:
        stop -= 1  # "Die Botschaft selbst äußerte sich"
    if stop - first == 1 and toks[first].lower in DEMONSTRATIVES:
        return first, stop  # "Der kündigt rechtliche Schritte an": he
    if _indefinite(toks, first, stop):
        return first, stop  # "Viele warnen", "Manch einer warnt": no noun, but the subject
    if _feminine_after_der(toks, first, stop):
        return None  # "Der Nachrichtenagentur dpa sagte Brysch": a dative
    if toks[first].lower in NO_SUBJECT and not _extended_attribute(toks, first, fin):
        return None  # "Einen Tag später kündigte Trump an": an object or a time
    end = np_forward(toks, _past_amount(toks, first, stop), stop, place=True)
    expletive = stop - first == 1 and toks[first].lower in EXPLETIVES
    if first < end == stop and not expletive and not _fronted_object(toks, first, stop, fin):
        return first, stop
    if _extended_attribute(toks, first, fin):
        return first, fin
    return None


def _indefinite(toks: list[Token], first: int, stop: int) -> bool:
    """A prefield of an indefinite word alone, or "manch" and one of "ein-" ("Manch einer")."""
    words = [t.lower for t in toks[first:stop]]
    if len(words) == 2 and words[0] == "manch":
        return words[1] in ("einer", "eine")
    return len(words) == 1 and words[0] in INDEFINITE_SUBJECTS


def _fronted_object(toks: list[Token], first: int, end: int, verb: int) -> bool:
    """Whether a bare phrase an adjective opens, before a verb in the singular, is its
    object, the subject after the verb with its article: a plural ("Pauschale Altersgrenzen
    lehnt die Fraktion ab und legt ... nahe"; review 153: the object had been the source of
    "nahelegen"; a plural subject has a plural verb, "Experten lehnen ... ab"), or a
    singular (review 157) whose adjective's "-en" is no nominative's ("Letzteren Aspekt
    betonte auch der Politologe"), or whose noun names no one where a noun for a person or
    an institution follows the verb ("Scharfe Kritik äußert die Opposition")."""
    head, finite = toks[end - 1], toks[verb].lower
    after = verb + 1
    while after < len(toks) and toks[after].lower in FOCUS:
        after += 1  # "betonte auch der Politologe"
    if after >= len(toks) or toks[after].lower not in NOMINATIVE_ARTICLES:
        return False
    if end - first == 1 and _bare_plural(head) and _singular(finite):
        return True  # "Sicherheitsgarantien fordert der Kreml" (review 250: the source)
    # an adjective's ending opens it: a name ("Aserbaidschan meldet zwei ...", "Günter
    # Krings sagte der Zeitung") is no bare phrase
    adjective = toks[first].cls == "A" or opening_adjective(toks, first)
    opens = adjective and end - first > 1 and toks[first].lower.endswith(("e", "en"))
    if not opens or any(t.cls not in "AN" for t in toks[first:end]) or head.cls != "N":
        return False
    if not (finite.endswith(("t", "te")) and not finite.endswith("en")):
        return False  # a plural verb: the phrase may be its subject
    if lemma_of(head.text) != head.text:
        return toks[first].lower.endswith("e")  # a plural noun
    if toks[first].lower.endswith("en"):
        return True  # a strong singular nominative ends in -er, -e or -es
    return not speaker_noun(head.text) and _someone_after(toks, after + 1)


def _bare_plural(tok: Token) -> bool:
    """A noun alone whose lemma is another noun: a plural ("Sicherheitsgarantien")."""
    lemma = lemma_of(tok.text)
    return tok.cls == "N" and lemma != tok.text and lemma[:1].isupper()


def _singular(finite: str) -> bool:
    """A finite verb's singular: "fordert", "forderte", not "fordern"."""
    return finite.endswith(("t", "te")) and not finite.endswith("en")


def _someone_after(toks: list[Token], j: int) -> bool:
    """Whether the phrase from ``j`` on, past its adjectives, has a noun for a person or
    an institution for its head ("die Opposition", "der ukrainische Politologe")."""
    while j < len(toks) and toks[j].cls == "A":
        j += 1
    return j < len(toks) and toks[j].cls == "N" and speaker_noun(toks[j].text)


# Before a number that opens a subject: not "zu", "bis", "unter" ("Zu 80 Prozent sagen ...").
_AMOUNT_WORDS = frozenset(QUANTITIES - {"zu", "bis", "unter"})


def _past_amount(toks: list[Token], first: int, stop: int) -> int:
    """ "Mehr als 40 Staaten verurteilten", "Rund 200 Ärzte fordern": the words of an amount
    and its number open the subject; the phrase goes on from the number (the object after
    the verb had been the source)."""
    j = first
    while j < stop and toks[j].lower in _AMOUNT_WORDS:
        j += 1
    if not first < j < stop:
        return first
    # "Mehr als eine Million Menschen haben ... gefordert" (review 149: the object had been
    # the source)
    spelled = j + 1 < stop and toks[j].lower in _ONE and toks[j + 1].text in _LARGE_NUMBERS
    return j if is_number(toks[j].text) or spelled else first


_ONE = frozenset({"ein", "eine"})
_LARGE_NUMBERS = frozenset({"Million", "Milliarde", "Dutzend", "Hundert", "Tausend"})


def _feminine_after_der(toks: list[Token], first: int, stop: int) -> bool:
    """ "Der" before a noun of a feminine ending is no nominative: the phrase is a dative
    or genitive, and the subject follows the verb."""
    if toks[first].lower != "der":
        return False
    j = first + 1
    while j < stop and toks[j].cls == "A":
        j += 1  # adjectives only: in "Der für die Veröffentlichung zuständige ..." the
    # noun is the minister's, not the attribute's
    if j >= stop or toks[j].cls != "N":
        return False
    noun = toks[j].lower
    return noun.endswith(_FEMININE_ENDINGS) and not noun.endswith("eur")  # "Der Gouverneur"


_FEMININE_ENDINGS = (
    "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ur", "ei", "erin", "entin",
)  # fmt: skip


def _extended_attribute(toks: list[Token], first: int, fin: int) -> bool:
    """An extended attribute before the verb: "Die mit Iran verbündeten Huthi", or one of
    a dative object: "Der Miliz nahe stehende Quellen bestätigten" (the object after the
    verb had been the source)."""
    return (
        3 <= fin - first <= MAX_NP
        and toks[first].cls == "D"
        and (toks[first + 1].lower in PREPOSITIONS or _dative_attribute(toks, first, fin))
        and toks[fin - 1].cls == "N"
        and all(t.cls != "B" for t in toks[first:fin])
    )


def _dative_attribute(toks: list[Token], first: int, fin: int) -> bool:
    """A determiner, its noun, then an inflected participle or adjective ("nahe stehende",
    "treue") and the head noun: "Der Miliz nahe stehende Quellen", "Dem Kreml treue Medien"."""
    end = fin
    while end > first and toks[end - 1].cls == "N":
        end -= 1
    attribute = end - 1
    word = toks[attribute]
    inflected = word.cls in "OA" and word.text[:1].islower() and word.lower.endswith(("e", "en"))
    if attribute <= first + 1 or end == fin or not inflected:
        return False
    noun = attribute - 1 if toks[attribute - 1].cls == "N" else attribute - 2
    return noun == first + 1 and toks[noun].cls == "N"


def _relative(toks: list[Token], first: int) -> bool:
    """A relative pronoun (", die erklärte") whose antecedent ends before the comma."""
    head = toks[first].lower
    after_comma = first > 0 and toks[first - 1].text == ","
    return head in RELATIVES and after_comma and toks[first + 1].cls not in "NA"


# Relative pronouns that are no subject: "der Plan, den Kanzlerin X vorgelegt hatte".
_OBJECT_RELATIVES = frozenset({"den", "dem", "denen", "welchen", "welchem"})
# Relative pronouns that are a subject or an object: "die", "das" (and "welche", "welches").
_EITHER_RELATIVES = frozenset({"die", "das", "welche", "welches"})


def _relative_object(toks: list[Token], first: int, k: int, fin: int, hi: int) -> bool:
    """A relative pronoun after a comma with a phrase of its own before its verb, which
    stands last: the pronoun is the verb's object, and the phrase its subject, where the
    pronoun cannot be a subject ("den") or its antecedent names a thing ("ein Treffen, das
    US-Präsident X vorzubereiten behauptet", "das Losverfahren, das die Union vorgeschlagen
    hatte"; review 253: the pronoun had opened the source, or the antecedent had been it).
    "die Regierung, die die Opposition kritisierte" keeps the antecedent."""
    lower = toks[first].lower
    if first < 2 or toks[first - 1].text != "," or first + 1 >= fin:
        return False
    if lower not in _OBJECT_RELATIVES and lower not in _EITHER_RELATIVES:
        return False
    if toks[first + 1].cls not in "DN" or not _verbs_last(toks, k, fin, hi):
        return False
    # "die Trump in Aussicht gestellt hat", "das Trump behauptet vorzubereiten": a phrase
    # without an article before the verb and nothing after it would be a main clause's
    # subject after a comma ("..., die SPD fordert.")
    if toks[first + 1].cls == "N" and np_forward(toks, first + 1, fin) == fin == k == hi - 1:
        return False
    if lower in _OBJECT_RELATIVES or _neuter_before_a_title(toks, first):
        return True
    antecedent = np_backward(toks, first - 1, 0)
    return antecedent < first - 1 and _names_a_thing(toks, antecedent, first - 1)


def _neuter_before_a_title(toks: list[Token], first: int) -> bool:
    """ "das US-Präsident X": a neuter pronoun before a person's title, which it cannot be
    the article of (the antecedent before it may be a name: "ein Treffen zwischen X und Y,
    das ...")."""
    word = toks[first + 1]
    return toks[first].lower in _NEUTER_RELATIVES and word.cls == "N" and speaker_noun(word.text)


_NEUTER_RELATIVES = frozenset({"das", "welches"})


def _names_a_thing(toks: list[Token], a: int, b: int) -> bool:
    """A thing, not someone who can speak: neither a country's nor a body's noun ("das
    Land", "die Behörde") nor a name, an acronym's too ("der AfD, die X dafür lobt": the
    dictionary knows "AfD")."""
    head = next((t for t in reversed(toks[a:b]) if t.cls == "N"), None)
    if head is None or head.lower in ORGANISATION_NOUNS | COUNTRY_NOUNS:
        return False
    acronym = sum(c.isupper() for c in head.text) > 1
    return not acronym and a_thing(toks, a, b)


def _verbs_last(toks: list[Token], k: int, fin: int, hi: int) -> bool:
    """Whether the cue and the verbs after it close the clause, as in a relative clause
    ("das Trump vorgeschlagen hatte", "das X behauptet vorzubereiten")."""
    return fin == k and all(
        t.cls == "O" and t.text[:1].islower() and (verb_like(t) or t.lower in PARTICLES)
        for t in toks[k + 1 : hi]
    )


def _after_verb(toks: list[Token], fin: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject after the finite verb, past adverbs and prepositional phrases."""
    j, skipped = fin + 1, 0
    while j < hi and skipped < MAX_SKIP and toks[j].cls == "O":
        if toks[j].lower in {"es", "man"}:
            break
        if is_number(toks[j].text) and j + 1 < hi and toks[j + 1].cls in "NA":
            break  # "sagen 29 Prozent", "forderten 200 Ärzte": a number opens the subject
        j = prepositional(toks, j + 1, hi) if toks[j].lower in PREPOSITIONS else j + 1
        skipped += 1
    if j < hi and toks[j].lower == "es":
        return _origin(toks, lo, hi)
    after_object = j < hi and toks[j].lower in OBLIQUE
    if after_object:
        # An object first ("sagte dem Sender der Minister"): the subject may follow it.
        j = np_forward(toks, j, hi, coord=False, attach=False)
        if j < hi and toks[j].lower in OBLIQUE:
            j = hi
    # after an object, "der von Trump erlassenen Zölle" is its genitive, not a subject
    span = _usable(toks, j, np_forward(toks, j, hi, extended=not after_object))
    if span is not None and _bare_plural_after_singular(toks, fin, *span):
        return None
    if span is not None and span[1] == hi:
        span = (span[0], listed_after(toks, hi, closed=True))
    after_comma = fin == lo and lo > 0 and toks[lo - 1].text == ","
    if after_comma and _after_apposed_name(toks, lo):
        return _apposed(toks) or span
    if after_comma and (span is None or j > fin + 1 or toks[fin].lower in AUXILIARIES):
        # "X, die ... vorliegt, appelliert an ...": a phrase right after the verb is its
        # subject; one found past other words is less sure than the sentence's opener, and
        # so is one after an auxiliary, the object before the participle ("Der Kanzler,
        # der in Berlin war, hat die Reform angekündigt")
        return _apposed(toks) or span
    return span


def _bare_plural_after_singular(toks: list[Token], fin: int, a: int, b: int) -> bool:
    """ "forderte aber weitere Veränderungen": a bare plural that an adjective opens is no
    subject of a verb in the singular, but its object (review 161: it had been the source;
    "Pauschale Altersgrenzen lehnt die Fraktion ab" is the same before the verb)."""
    finite, head = toks[fin].lower, toks[b - 1]
    if not (finite.endswith(("t", "te")) and not finite.endswith("en")):
        return False
    opener = toks[a]
    # "weitere", "zahlreiche", "mehrere" read as determiners, and are plural alone
    quantifier = opener.lower in PLURAL_QUANTIFIERS
    adjective = quantifier or opener.cls == "A" or opening_adjective(toks, a)
    if not adjective or b - a < 2 or not opener.lower.endswith("e"):
        return False
    if any(t.cls not in "AN" for t in toks[a + 1 : b]) or head.cls != "N":
        return False
    return lemma_of(head.text) != head.text


def _after_apposed_name(toks: list[Token], lo: int) -> bool:
    """ "Der Präsident des Instituts, Jan Ott, kritisierte die Reform": the verb's clause
    follows a name set off by commas after the sentence's opening phrase, whose verb this
    is (review 136: the object after it, "die Reform", had been the source)."""
    start = lo - 1
    while start > 0 and toks[start - 1].cls == "N":
        start -= 1
    if start == lo - 1 or start == 0 or toks[start - 1].text != ",":
        return False
    opener = _apposed(toks)
    return opener is not None and opener[1] == start - 1


def _apposed(toks: list[Token]) -> tuple[int, int] | None:
    """The phrase that opens the sentence: "Auch X, Leiter des Instituts, sagte ..."."""
    first = 0
    while first < len(toks) and toks[first].lower in FOCUS:
        first += 1
    # "Der Chef der Hisbollah im Libanon, Naim Kassim, hat ... gewarnt": with its place
    end = np_forward(toks, first, len(toks), place=True)
    if end < len(toks) and toks[end].text == ",":
        return _usable(toks, first, end)
    return None


def _agent(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The agent of a passive: "vom Kreml bestätigt"."""
    for j in range(lo, min(hi, lo + WINDOW)):
        if toks[j].lower in AGENT and not (j > lo and _DIRECTION.search(toks[j - 1].lower)):
            span = _usable(toks, j + 1, np_forward(toks, j + 1, hi))
            if span:
                return span
    return None


# "südwestlich von Moskau", "unweit von Kiew": a place, not a passive's agent.
_DIRECTION = re.compile(r"(?:nördlich|südlich|östlich|westlich|unweit|nahe|weit)$")


def _origin(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Where "hieß es" came from, whichever is named first: "aus Regierungskreisen", "von
    der WHO", or a document with its author ("in einem Schreiben Spahns an die Fraktion")
    or with its owner in a relative clause of publishing (review 221)."""
    for j in range(lo, min(hi, lo + WINDOW)):
        lower = toks[j].lower
        if lower in AGENT or lower == "aus":
            span = _usable(toks, j + 1, np_forward(toks, j + 1, hi))
        elif lower == "in":
            end = np_forward(toks, j + 1, hi, extended=True)
            nouns = [t.text for t in toks[j + 1 : end] if t.cls == "N"]
            named = len(nouns) >= 2 or any(map(_by_acronym, nouns))
            span = _usable(toks, j + 1, end) if named else None
            if span is None:  # "in dem Dokument (zur Lage), das X veröffentlichte"
                span = relative_owner(toks, hi) or _document(toks, j + 1, hi)
        elif lower in _AT:
            span = _institution(toks, j + 1, hi) or _document(toks, j + 1, hi)
        elif lower == "auf":  # "hieß es auf der Homepage der Stadt"
            span = _document(toks, j + 1, hi)
        else:
            continue
        if span and span[1] == hi:
            # "in einer Erklärung von X, Y und Z" (review 149: X alone had been the source)
            return span[0], listed_after(toks, hi, closed=True)
        if span:
            return span
    if lo > 1 and toks[0].lower in _IN_DOCUMENT:
        # "In der Absage-Mail, die sie erhielten, hieß es": the document opens the sentence
        return _document(toks, 1, lo)
    return None


_IN_DOCUMENT = frozenset({"in", "im", "auf"})


def _document(toks: list[Token], a: int, hi: int) -> tuple[int, int] | None:
    """ "dem Papier", "der Homepage der Stadt X" -> "der Stadt X": a document named
    with no owner before it is where "hieß es" came from, or its owner after it in the
    genitive or with "von" (review 260: no origin had been found, so no claim)."""
    end = np_forward(toks, a, hi, extended=True)
    head = next((h for h in range(a, end) if toks[h].cls == "N"), end)
    if head >= end or not document_noun(toks[head].text):
        return None
    if head + 2 < end and toks[head + 1].lower in GENITIVE | AGENT:
        return _usable(toks, head + 2 if toks[head + 1].lower in AGENT else head + 1, end)
    return _usable(toks, a, end)


# "eine Erklärung, in der es hieß": the relative pronouns after "in"
_IN_WHICH = frozenset({"der", "dem", "denen", "welcher", "welchem", "welchen"})


def _within_document(toks: list[Token], lo: int) -> tuple[int, int] | None:
    """ "Die Garde ließ eine Erklärung verbreiten, in der es hieß, ...": "hieß es" in a
    relative clause of "in" says what a document before it said, its owner's words: the
    owner after the document ("eine Erklärung des Ministeriums, in der es hieß"), else the
    subject that opens the sentence (review 253: no source had been found, so no claim)."""
    opens = lo > 1 and toks[lo - 1].text == "," and toks[lo].lower == "in"
    if not opens or lo + 1 >= len(toks) or toks[lo + 1].lower not in _IN_WHICH:
        return None
    end = lo - 1
    while end > lo - 3 and toks[end - 1].cls == "O" and toks[end - 1].text[:1].islower():
        end -= 1  # "eine Erklärung verbreiten, in der": the verbs after the document
    document = np_backward(toks, end, 0)
    head = next((j for j in range(document, end) if toks[j].cls == "N"), end)
    if head + 1 < end and toks[head + 1].lower in GENITIVE:
        return _usable(toks, head + 1, end)
    return _shared_subject(toks, 0, lo - 1) if document < end else None


def _by_acronym(noun: str) -> bool:
    """ "FT-Artikel", "ARD-Bericht": a document whose first part names its author ("In dem
    FT-Artikel hieß es": review 207, no source had been found), not "Absage-Mail"."""
    first, _, rest = noun.partition("-")
    return bool(rest) and len(first) > 1 and first.isupper()


# "hieß es im Ministerium", "bei der Polizei": where a person or an institution is, it said.
_AT = frozenset({"im", "bei", "beim"})


def _institution(toks: list[Token], a: int, hi: int) -> tuple[int, int] | None:
    """The phrase after "im"/"bei" where its noun is a person's or an institution's
    (review 136: "hieß es im Ministerium" had had no source; "im Anschluss", "bei einer
    Pressekonferenz" name no one)."""
    end = np_forward(toks, a, hi)
    head = next((t.text for t in reversed(toks[a:end]) if t.cls == "N"), "")
    return _usable(toks, a, end) if head and speaker_noun(head) else None


def _usable(toks: list[Token], a: int, b: int) -> tuple[int, int] | None:
    if b <= a or (b - a == 1 and toks[a].lower in EXPLETIVES):
        return None
    return reduce_generic(toks, a, b)
