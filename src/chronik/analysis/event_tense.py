"""How a clause tells its event in time: the tense of its verb, or of the support verb or
copula of its noun ("fand statt", "ist gescheitert"), hearsay ("soll ... haben"), a noun
in a phrase of time that has taken place ("Nach dem Anschlag ..."), and a noun that came
before its clause's time ("seit dem Überfall"); and the hedges that bear on a noun only
through its support verb (``hedged``) or on a past copula's subject (``copula_subject``).
The modality rules read them (``event_modality``)."""

from __future__ import annotations

import itertools

from chronik.analysis.event_grammar import (
    CONTRACTED,
    PREPOSED,
    after_presupposing_head,
    event_noun_type,
    genitive_head,
    in_a_phrase,
    infix_zu,
    noun_phrase_start,
    phrase_prepositions,
    phrase_start,
    word_before_noun_phrase,
)
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    finite_verb,
    from_verbs,
    inflected_adjective,
    is_past_verb,
    lemma_keys,
    lexicon,
    modal_subjunctive,
    participle,
    participle_form,
    present_modals,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS, ARTICLES, DEFINITE_ARTICLES


def tense(sent: SentenceView, clause: Clause, trigger: Trigger) -> str | None:
    """happened, planned, present or speculated (reported "soll ... haben"), from the verb."""
    if trigger.noun:
        support = support_verb(sent, clause, trigger.index)
        if support is None:
            support = _past_copula(sent, clause, trigger.index)
        if support is None:
            found = _temporal_phrase(sent, clause, trigger.index)
            # "Bei dem Angriff sollen zwölf Menschen getötet worden sein": the deaths are
            # hearsay, the attack the phrase presupposes is not; nor is one in another
            # phrase, "soll Trump vor einem Angriff gewarnt haben" (review 102)
            governed = _governing_preposition(sent, clause, trigger.index)
            in_time = governed in lexicon().words("temporal_prepositions")
            # but "sollen kurz vor einem Abkommen stehen": the state's own phrase
            phrased = in_a_phrase(sent.tokens, clause, trigger.index)
            phrased = phrased and governed not in _hearsay_states(sent.tokens, clause)
            if not (found or in_time or phrased) and _hearsay(sent.tokens, clause):
                return "speculated"
            # "Der Angriff ließ Fenster zerbersten": what a past verb's subject did, it did;
            # weak, as the present is, so that "wurde angekündigt" stays announced
            past = _past_subject(sent, clause, trigger.index)
            past = past or after_presupposing_head(sent, clause, trigger.index)
            return found or ("present" if past else None)
        return _verb_tense(sent.tokens, clause, support)
    return _verb_tense(sent.tokens, clause, trigger.index)


def presupposed_phrase(sent: SentenceView, clause: Clause, trigger: Trigger) -> Clause | None:
    """ "Nach den Verhandlungen ... könnte es ein neues Treffen geben", "Nach dem Anschlag
    geht die Polizei davon aus, dass ...": a noun in a temporal phrase that tells it as
    past (``tense``: a past clause, or "nach" and "seit") has taken place, whatever its
    clause hedges, reports or plans of its own event. The phrase, from its preposition to
    the noun, whose own words still count ("nach einem möglichen Angriff"); none for a
    noun with a support verb (review 102: 3 of 150 stream items had been speculated or
    suggested)."""
    noun = trigger.index
    if not trigger.noun or support_verb(sent, clause, noun) is not None:
        return None
    if _past_copula(sent, clause, noun) is not None:
        return None
    if _temporal_phrase(sent, clause, noun) != "happened":
        return None
    # one event per type and clause: "Nach einer verkündeten Einigung ist eine Einigung
    # geplatzt" tells of the second too
    tokens = sent.tokens
    if any(
        j != noun and tokens[j].capitalised and event_noun_type(tokens[j]) == trigger.type
        for j in range(clause.first, clause.last)
    ):
        return None
    preposition = _governing_preposition(sent, clause, noun)
    for j in range(noun - 1, max(clause.first, noun - 7) - 1, -1):
        if tokens[j].lower == preposition:
            return None if _nach_object(sent, clause, j) else Clause(j, noun + 1, clause.opener)
    return None


def before_the_clause(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """ "Ein Jahr nach dem Anschlag auf den Weihnachtsmarkt ist der Prozess eröffnet worden",
    "seit dem Überfall der Hamas": a noun after "seit", or after "nach" with a span of time
    before it (``earlier_by``), came before the time its clause tells, often long before,
    so that clause's day is not its own (review 115); so did one after "nach" and a
    definite article, which refers back ("nach dem Angriff", review 211), as does one after
    "wegen" and a definite article ("wegen des Angriffs", review 222)."""
    noun = trigger.index
    if trigger.noun and after_presupposing_head(sent, clause, noun):
        return True  # "am Jahrestag des Anschlags", "vor Ablauf der Waffenruhe" (review 137)
    if trigger.noun and _in_force(sent, clause, noun):
        return True  # "Seit Oktober gilt eine Waffenruhe": in force, agreed before (review 147)
    if answered(sent, clause, trigger) or recalled(sent, clause, trigger):
        return True  # "als Reaktion auf die Zolldrohungen": made before (review 147)
    if owned_act(sent, clause, trigger) and not _renewed(sent, clause, trigger):
        return True  # "eine zentrale Forderung Russlands": made before (review 150)
    governing = _governing_preposition(sent, clause, noun) if trigger.noun else None
    if governing == "wegen":
        return _definite_cause(sent, clause, noun)
    if governing not in {"nach", "seit"}:
        return False
    j = _nearest(sent, clause, noun, {"nach", "seit"})
    if j is None:
        return False
    before = sent.tokens[j - 1].lower if j > 0 else ""
    spans = lexicon().raw["earlier_by"]["words"]
    dated = sent.tokens[j].lower == "seit" or before in spans or _definite_after(sent, j)
    return dated and not (_nach_object(sent, clause, j) or _relative_after(sent, j, noun))


def _nearest(sent: SentenceView, clause: Clause, noun: int, words: set[str]) -> int | None:
    """The nearest of ``words`` before the noun, as far back as its phrase may reach."""
    back = range(noun - 1, max(clause.first, noun - 7) - 1, -1)
    return next((j for j in back if sent.tokens[j].lower in words), None)


def answered(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "als Reaktion auf die Zolldrohungen", "Vergeltung für den Anschlag": what a noun of
    answering (``telling.nouns``) answers has taken place, before the answer, on no day
    of its own (review 147)."""
    nouns: dict[str, list[str]] = lexicon().raw["confirming"]["telling"]["nouns"]
    tokens = sent.tokens
    if not trigger.noun:
        return False
    start = phrase_start(tokens, trigger.index, part.first, ARTICLES)
    if start - 2 < part.first or not tokens[start - 2].capitalised:
        return False
    lemma = tokens[start - 2].lemma.lower()
    preposition = tokens[start - 1].lower
    return any(lemma.endswith(noun) and preposition in after for noun, after in nouns.items())


# Acts of speech whose noun, with whose it is, tells one made.
_MADE = frozenset({"demand", "threaten"})

_POSSESSIVES = frozenset(
    "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unsere unseren deren dessen".split()
)


def owned_act(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "eine zentrale Forderung Russlands", "die Forderung der SPD nach ...", "Trumps
    Drohungen", "ihre Forderung": a demand or threat said to be someone's has been made
    (review 150: 4 such demands of 150 stream items had been unspecified)."""
    if not trigger.noun or trigger.type not in _MADE:
        return False
    tokens, at = sent.tokens, trigger.index
    start = noun_phrase_start(sent, at, part.first)
    if any(t.lower in _POSSESSIVES for t in tokens[max(part.first, start - 1) : at]):
        return True
    before = tokens[start - 1] if start > part.first else None
    if before is not None and before.text.endswith("s") and _named(sent, start - 1):
        return True  # "Trumps Forderung"
    after = at + 1
    if after + 1 < part.last and tokens[after].lower in {"der", "des", "von", "vom"}:
        # past an office: "der Rücktrittsaufforderung von Präsident Selenskyj"
        return any(_named(sent, j) for j in range(after + 1, min(after + 3, part.last)))
    return after < part.last and _named(sent, after)


def _named(sent: SentenceView, at: int) -> bool:
    """Whether a name begins or ends at the token at ``at``."""
    token = sent.tokens[at]
    return any(
        (m.start == token.start or m.end == token.end) and not m.derived for m in sent.mentions
    )


def _renewed(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether a verb of the clause makes or repeats the noun's act on its day: "bekräftigte
    seine Forderung", "stellte ihre Forderung" (``confirming.verbs``, ``support_verbs``);
    who follows it ("ist der Forderung gefolgt") makes it no more than who it follows."""
    raw = lexicon().raw
    verbs = {*raw["confirming"]["verbs"], *raw["support_verbs"]}
    verbs -= set(raw["subject_support_verbs"]["verbs"])
    return any(
        not sent.tokens[j].capitalised and not verbs.isdisjoint(lemma_keys(sent.tokens, clause, j))
        for j in range(clause.first, clause.last)
        if j != trigger.index
    )


def recalled(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "bezog sich auf eine Forderung", "Begründet wurde dies mit den Angriffen": what a
    verb of ``confirming.presupposing.verbs`` refers to, recalls or justifies by has taken
    place, before its clause (review 150). The noun stands right after the verb's
    preposition, within its article and an adjective, in a clause with the verb."""
    verbs: dict[str, list[str]] = lexicon().raw["confirming"]["presupposing"]["verbs"]
    tokens = sent.tokens
    if not trigger.noun:
        return False
    start = phrase_start(tokens, trigger.index, part.first, ARTICLES)
    if start - 1 < part.first:
        return False
    preposition = tokens[start - 1].lower
    wanted = {verb for verb, before in verbs.items() if preposition in before}
    return bool(wanted) and any(
        not tokens[j].capitalised or j == part.first
        for j in range(part.first, part.last)
        if j != trigger.index and not wanted.isdisjoint(lemma_keys(tokens, part, j))
    )


def _in_force(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """Whether the noun's support verb tells it as in force since an earlier day
    (``in_force``: "gilt", "aufrechterhalten")."""
    verb = support_verb(sent, clause, noun)
    if verb is None:
        return False
    keys = lemma_keys(sent.tokens, clause, verb)
    return any(k in lexicon().words("in_force.verbs") for k in keys)


def _definite_after(sent: SentenceView, at: int) -> bool:
    """ "nach dem US-Angriff auf Venezuela": a definite article after "nach" refers back to
    an event the reader knows, mostly one before the publication day (review 211: 77 of
    106 in the stream, 9 on it); "nach einem Angriff" is often news of the day."""
    return at + 1 < len(sent.tokens) and sent.tokens[at + 1].lower in DEFINITE_ARTICLES


def _definite_cause(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "wegen des Angriffs": a cause with a definite article refers back like "nach dem"
    (review 222: 8 of 9 in the stream before the publication day, the Lufthansa strike on
    it); "wegen Protesten" is often news of the day. A capitalised word between article
    and noun is another noun's phrase: "wegen der Ukraine-Finanzierung Vorwürfe"."""
    j = _nearest(sent, clause, noun, {"wegen"})
    if j is None:
        return False
    own = not any(t.capitalised for t in sent.tokens[j + 2 : noun])
    return own and _definite_after(sent, j)


def _relative_after(sent: SentenceView, at: int, noun: int) -> bool:
    """ "eine Auslegung, nach der die Hisbollah ihre Angriffe einstellen müsse": two articles
    in a row after the preposition open a relative clause ("according to which"), no
    phrase of time."""
    words = [t.lower for t in sent.tokens[at + 1 : noun]]
    return any(a in DETERMINERS and b in DETERMINERS for a, b in itertools.pairwise(words))


def _nach_object(sent: SentenceView, clause: Clause, at: int) -> bool:
    """ "suchte vergeblich nach Hilfe": a "nach" after a verb that takes it (``nach_objects``)
    is its object, no time."""
    objects = lexicon().raw["nach_objects"]
    if sent.tokens[at].lower != "nach":
        return False
    # "die Rufe nach Hilfe", "Forderungen nach Sanktionen": the noun of such a verb
    noun = sent.tokens[at - 1] if at > clause.first else None
    if noun is not None and noun.capitalised:
        lemma = noun.lemma.lower()
        return any(lemma.endswith(word) for word in objects["nouns"])
    return any(
        not sent.tokens[j].capitalised and sent.tokens[j].lemma in objects["verbs"]
        for j in range(clause.first, at)
    )


def _sought(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "suchen nach einer Einigung", "fragt nach einem Treffen": the noun's "nach" is the
    object of a verb of seeking (``_nach_object``), no time; unless another "nach" follows
    in the clause, the object's ("sucht nach dem Angriff nach Zeugen")."""
    tokens = sent.tokens
    if any(tokens[j].lower == "nach" for j in range(noun + 1, clause.last)):
        return False
    for j in range(noun - 1, max(clause.first, noun - 7) - 1, -1):
        if tokens[j].lower == "nach":
            return _nach_object(sent, clause, j)
    return False


def copula_subject(sent: SentenceView, clause: Clause, trigger: Trigger) -> Clause | None:
    """ "Der Angriff dürfte der umfassendste seit 1989 gewesen sein": a hedge of a past
    copula is of what it says of its subject; the noun that opens the clause has taken
    place (review 102: the attack had been speculated). Not the copula's predicate, "Es
    könnte ein Anschlag gewesen sein". The noun's own phrase, whose words still count
    ("Der mögliche Angriff")."""
    noun = trigger.index
    if not trigger.noun:
        return None
    copula = _past_copula(sent, clause, noun)
    start = phrase_start(sent.tokens, noun, clause.first, DETERMINERS)
    if copula is None or copula < noun or start != clause.first:
        return None
    # not what was not: "Kommunalwahlen wären Ende Oktober fällig gewesen"
    words = {t.lower for t in sent.tokens[clause.first : clause.last]}
    if words & _COUNTERFACTUAL:
        return None
    return Clause(start, noun + 1, clause.opener)


_COUNTERFACTUAL = frozenset({"wäre", "wären", "hätte", "hätten"})


def support_verb(sent: SentenceView, clause: Clause, noun: int) -> int | None:
    """A verb that says what became of the noun ("fand statt"); "es gab" only close by."""
    support = lexicon().words("support_verbs")
    weak = lexicon().words("weak_support_verbs")
    if not any(t.lower == "sich" for t in sent.tokens[clause.first : clause.last]):
        support = support | lexicon().words("support_verbs_unless_reflexive.verbs")
    kind = event_noun_type(sent.tokens[noun])
    typed = lexicon().raw["typed_support_verbs"]["verbs"]
    typed_only = {verb for verb, kinds in typed.items() if kind in kinds} - support
    other = lexicon().words("typed_support_verbs.other_verbs")
    support = support | typed_only
    for i in range(clause.first, clause.last):
        token = sent.tokens[i]
        keys = lemma_keys(sent.tokens, clause, i)
        if not token.capitalised and _supports_after(sent, clause, keys, noun):
            return i
        if token.capitalised or not any(k in support for k in keys):
            continue
        # a typed verb with its particle may be another verb: "Die Einigung steht noch aus"
        if all(k in typed_only for k in keys if k in support) and not other.isdisjoint(keys):
            continue
        if _not_its_subject(sent, clause, noun, token, keys):
            continue
        # "kommen ... zusammen" is "zusammen|kommen", however far from the noun
        strong = any(k in support and k not in weak for k in keys)
        close = 0 < noun - i <= 4 or _weak_perfect(sent, clause, noun, i)
        close = close or _comes_after_its_noun(sent.tokens, noun, i)
        if token.lemma in weak and not strong and not close:
            continue
        return i
    return None


def _comes_after_its_noun(tokens: list[Token], noun: int, verb: int) -> bool:
    """ "Kritik kommt von Altmaier", "Kritik an Details kommt aus der Wirtschaft": a verb of
    ``from_verbs`` close after its noun says it was made, as one before it does ("Aus der
    CDU kommt Kritik"; review 245: they had been unspecified)."""
    return 0 < verb - noun <= 4 and tokens[verb].lemma in from_verbs(tokens[noun].lemma.lower())


def _not_its_subject(
    sent: SentenceView, clause: Clause, noun: int, verb: Token, keys: list[str]
) -> bool:
    """Whether a verb that says what became of a noun only as its subject or object
    (``subject_support_verbs``: "später folgte ein Angriff", "Nach sieben Stunden steht
    die Einigung"; review 168) has the noun in a phrase or another noun's genitive ("stehen
    kurz vor einem Abkommen", "Nach der Ankündigung ... folgt die Antwort"), or is a
    "folgend" that means the next ("folgendes Ziel"); nor what one follows, a dative
    ("sind der Aufforderung gefolgt")."""
    verbs = lexicon().raw["subject_support_verbs"]
    if not any(k in verbs["verbs"] for k in keys):
        return False
    if verb.lower.startswith(tuple(verbs["not_forms"])):
        return True
    before = word_before_noun_phrase(sent, noun, clause.first)
    start = noun_phrase_start(sent, noun, clause.first)
    at = start - 1
    if before in PREPOSED or (at >= clause.first and sent.tokens[at].capitalised):
        return True
    # what one follows is no event that follows: "sind der Aufforderung gefolgt"; a
    # clause's first phrase is its subject ("Der Angriff folgte")
    dative = sent.tokens[start].lower in verbs["dative_articles"]
    return dative and start > clause.first


def _weak_perfect(sent: SentenceView, clause: Clause, noun: int, verb: int) -> bool:
    """ "hat in Paris Gespräche mit der Regierung geführt", "ist es zu Protesten
    gekommen": a weak support verb's participle after its object, or after "zu", tells
    what became of the noun as the verb before it does (review 92: talks held read as
    unspecified); not a noun of another phrase, "hat vor der Wahl eine Zusage gegeben"."""
    tokens = sent.tokens
    if verb <= noun or not (participle(tokens[verb]) or _modal_infinitive(tokens, clause, verb)):
        return False
    # another verb on the weak one's particle: "hat ein Treffen bekannt gegeben" announces
    if any("|" in key for key in lemma_keys(tokens, clause, verb)):
        return False
    j = phrase_start(tokens, noun, clause.first, DETERMINERS)
    before = tokens[j - 1].lower if j > clause.first else ""
    return before in {"zu", "zum", "zur"} or before not in lexicon().words("prepositions")


def _modal_infinitive(tokens: list[Token], clause: Clause, verb: int) -> bool:
    """ "will ein Gespräch mit Lula führen", "soll es nicht geben": a weak support verb's
    infinitive after a modal of plan or "werden" of its clause stands where its participle
    would (review 113: the talks and the negated talks had been unspecified); not after
    "kann" or "muss", whose present would read as done."""
    if tokens[verb].lower != tokens[verb].lemma.lower():
        return False
    modals = lexicon().words("plan_modals") | lexicon().words("future_auxiliaries")
    return any(tokens[j].lower in modals for j in range(clause.first, verb))


def _supports_after(sent: SentenceView, clause: Clause, keys: list[str], noun: int) -> bool:
    """A verb that says what became of a noun after its preposition ("steht unter
    Beschuss": ``prepositional_support``; review 90)."""
    cues = lexicon().raw["prepositional_support"]
    table: dict[str, list[str]] = cues["verbs"]
    wanted = {p for k in keys for p in table.get(k, [])}
    if not wanted or not _reflexive_or_state(sent, clause, keys, cues["reflexive_or_state"]):
        return False
    if _governing_preposition(sent, clause, noun) in wanted:
        return True
    # a contracted one is no phrase preposition: "sich am Streik beteiligen"
    start = phrase_start(sent.tokens, noun, clause.first, DETERMINERS)
    return start > clause.first and sent.tokens[start - 1].lower in wanted


def _reflexive_or_state(
    sent: SentenceView, clause: Clause, keys: list[str], cues: dict[str, list[str]]
) -> bool:
    """Whether a verb that supports only as "sich beteiligen" or "ist beteiligt" has
    "sich" or a form of "sein" in its clause; any other verb needs neither."""
    if not set(keys) & set(cues["verbs"]):
        return True
    words = set(cues["words"])
    return any(t.lower in words for t in sent.tokens[clause.first : clause.last])


def hedged(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a hedge (``hedges``) makes the event apparent: a verb's, or a noun's with a
    support verb, not a noun that another verb says something of, nor one whose outcome
    the hedge is of."""
    words, outcomes = lexicon().words("hedges.words"), lexicon().words("hedges.outcomes")
    tokens = sent.tokens
    # "Gespräche enden offenbar ergebnislos": the outcome is apparent (review 107)
    if not any(
        tokens[j].lower in words and (j + 1 >= part.last or tokens[j + 1].lower not in outcomes)
        for j in range(part.first, part.last)
    ):
        return False
    return not trigger.noun or support_verb(sent, part, trigger.index) is not None


def _past_copula(sent: SentenceView, clause: Clause, noun: int) -> int | None:
    """ "Der Angriff war der schwerste": a past "sein" that is its clause's only verb says
    the noun's event was ("past_copulas" in ``event_cues.json``; review 82). Only for
    tense: "war nicht der erste" denies nothing."""
    tokens = sent.tokens
    if _governing_preposition(sent, clause, noun) not in (None, "von"):
        return None  # "Vor dem Treffen war er zuversichtlich"
    if _after_contraction(tokens, clause, noun):
        return None  # "Im Abkommen war davon keine Rede"
    forms = lexicon().words("past_copulas.forms")
    found = [j for j in range(clause.first, clause.last) if tokens[j].lower in forms]
    others = [j for j in range(clause.first, clause.last) if j not in found]
    return found[0] if found and not any(_verb_form(tokens[j]) for j in others) else None


def _after_contraction(tokens: list[Token], clause: Clause, noun: int) -> bool:
    """Whether the noun's phrase opens with a preposition fused with its article ("im",
    "am", "zum"), which the list of prepositions leaves out."""
    fused = lexicon().words("locative_prepositions") | lexicon().words("roles.more_prepositions")
    k = noun - 1
    while k >= clause.first and (tokens[k].lower in DETERMINERS or inflected_adjective(tokens[k])):
        k -= 1
    return k >= clause.first and tokens[k].lower in fused


def _verb_form(token: Token) -> bool:
    """A lower-case word that may be a participle or an infinitive ("geplant", "erwarten",
    "angesetzt"): a copula beside one is an auxiliary."""
    if token.capitalised or not token.text.isalpha():
        return False
    lemma = token.lemma
    verb_lemma = lemma.endswith(("en", "ern", "eln")) and lemma[:1].islower()
    return verb_lemma and (token.lower == lemma or token.lower.endswith(("t", "en")))


def _past_subject(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """The noun opens its clause (after its article and adjectives) and the clause's verb,
    after the noun's phrase, is in the past: "Das Treffen der Minister brachte keine
    Lösung". Not a verb in the present ("Das Treffen wirft Fragen auf")."""
    tokens = sent.tokens
    if any(
        not (t.lower in DETERMINERS or inflected_adjective(t)) for t in tokens[clause.first : noun]
    ):
        return False
    raw = lexicon().raw
    phrase = DETERMINERS | set(raw["prepositions"]) | CONTRACTED | {"und"}
    # the phrase may name four parties: "Das Treffen der Außenminister Dänemarks und
    # Grönlands mit JD Vance und Marco Rubio brachte keine Lösung" (review 132)
    for j in range(noun + 1, min(clause.last, noun + 14)):
        token = tokens[j]
        if token.capitalised or token.lower in phrase or not token.text.isalpha():
            continue  # the noun's phrase goes on: "der Außenminister", "von Trump und Putin"
        if inflected_adjective(token):
            continue  # "in letzter Minute"
        if token.lower in raw["perfect_auxiliaries"]:  # "ist gescheitert", not "ist wichtig"
            return any(participle(t) for t in tokens[j + 1 : clause.last])
        if infix_zu(token) or tokens[j - 1].lower == "zu" or token.lower in present_modals():
            return False  # "die Angriffe auszuweiten", "kann in Kraft treten"
        # a finite verb: not a participle alone, as a headline has it ("... abgeschoben")
        verb = token.lemma.endswith("n") and not participle(token)
        return verb and _is_past(token)
    return False


def _temporal_phrase(sent: SentenceView, clause: Clause, index: int) -> str | None:
    """ "Bei dem Gipfel diskutierten ...": a noun in a temporal phrase of a past clause;
    "wegen des Streiks", "trotz der Einigung": a phrase whose noun has taken place."""
    preposition = _governing_preposition(sent, clause, index)
    if preposition in lexicon().words("means_prepositions.words"):
        # nor a means of what is still to come: "werde sich nur durch Verhandlungen
        # verwirklichen lassen" (review 113: the talks had happened)
        ahead = _future_clause(sent, clause, index)
        return None if ahead or _zu_infinitive(sent, clause) else "present"
    if preposition in lexicon().words("presupposing_prepositions"):
        # Weak, as the present is: "angesichts des geplanten Treffens" stays planned.
        return "present"
    if preposition == "auf" and _gathering(sent.tokens[index]):
        preposition = "bei"  # "haben sich auf ihrem Gipfel geeinigt" as "bei ihrem Gipfel"
    if preposition in {"in", "im"} and _talk_phrase(sent, clause, index):
        preposition = "bei"  # "habe in einem Gespräch mit Merz gesagt" as "bei einem"
    if genitive_head(sent, clause, index) in lexicon().words("framing_heads.words"):
        preposition = "bei"  # "sagte am Rande des Gipfels" as "beim Gipfel" (review 163)
    if preposition not in lexicon().words("temporal_prepositions"):
        return None
    if preposition == "nach" and _sought(sent, clause, index):
        return None
    words = [sent.tokens[j] for j in range(clause.first, clause.last)]
    lowered = {t.lower for t in words}
    if lowered & lexicon().words("conditionals"):
        return None  # "sollte der Kremlchef beim Treffen nicht einlenken": if, not past
    perfect = lexicon().words("perfect_auxiliaries")
    # "Beim Gespräch dürfte der Druck enorm sein": a modal's Konjunktiv II guesses at
    # what is to come, no past (review 159: the talks had been past)
    past = any(is_past_verb(t) and not modal_subjunctive(t) for t in words) or (
        bool(lowered & perfect) and any(participle(t) for t in words)
    )
    # "Nach dem Angriff will Palla ...": what a clause is after or since came first,
    # whatever its tense, unless the clause is about the future ("nach dem Treffen wird")
    future = bool(lowered & lexicon().words("future_auxiliaries"))
    if preposition in {"nach", "seit"}:
        future = future and not (_present_passive(words) or _becoming(words))
    if past or (preposition in {"nach", "seit"} and not future):
        return "happened"
    # Weak, as the present is: a plan or a cue of the clause outranks it.
    ahead = future or bool(lowered & lexicon().words("plan_modals"))
    if not (ahead or any(finite_verb(t) for t in words)):
        return "present"  # "Tote bei israelischem Angriff", a headline without a verb
    if not ahead and _at_or_during(sent, clause, index):
        return "present"
    return None


def _present_passive(words: list[Token]) -> bool:
    """ "Seit dem Angriff wird die Stadt belagert": a "werden" with a participle and no
    "werden" after it is a passive in the present, no future; "wird ... angegriffen
    werden" is one."""
    verbs = [j for j, t in enumerate(words) if t.text.isalpha()]
    last = verbs[-1] if verbs else None
    participles = [
        j for j in verbs if participle(words[j]) or (j == last and participle_form(words[j]))
    ]
    return bool(participles) and not any(
        words[j + 1].lower == "werden" for j in participles if j + 1 < len(words)
    )


def _becoming(words: list[Token]) -> bool:
    """ "Nach den Angriffen ist die Empörung groß, und die Rufe nach Hilfe werden lauter": a
    "werden" with no infinitive after it becomes something and tells no future (review 137:
    the attacks had been unspecified)."""
    auxiliaries = lexicon().words("future_auxiliaries")
    # one "werden": "wird ... abgeriegelt werden" is a future passive
    if sum(t.lower in auxiliaries for t in words) != 1:
        return False
    # the infinitive after it, or before it in a clause that ends in it ("zusammenarbeiten
    # werden")
    return not any(_infinitive(t) for t in words if t.lower not in auxiliaries)


def _infinitive(token: Token) -> bool:
    """ "geben", "ändern": not a preposition ("gegen", "in") nor "sein", an article."""
    word = token.lower
    if not token.text.isalpha() or token.capitalised or word in PREPOSED | DETERMINERS:
        return False
    form = word.endswith(("en", "rn", "ln")) or word == "tun"
    return form and token.lemma == word


# What happens at or during an event's noun: "bei einem Angriff", "beim Treffen", "während".
AT_OR_DURING = frozenset({"bei", "beim", "während"})


def _at_or_during(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "Ein Mensch stirbt bei einem israelischen Angriff", "Während der Gespräche greift
    Russland an": what a clause tells in the present happens at or during the noun right
    after "bei" or "während" (its article and adjectives between). Not a noun of another
    noun's phrase, "bei einem Scheitern der Gespräche", a condition; nor a phrase taken for
    "bei" ("hoffen auf einen Gipfel")."""
    tokens = sent.tokens
    for j in range(noun - 1, max(clause.first, noun - 5) - 1, -1):
        if tokens[j].lower in AT_OR_DURING:
            return not any(tokens[k].capitalised for k in range(j + 1, noun))
        if tokens[j].capitalised:
            return False
    return False


def _future_clause(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """Whether the clause has a modal of plan ("soll") or a future's "werden", not a
    passive's ("wird durch Verhandlungen gesucht" is under way), nor one of another verb
    after "und" ("sich nicht durch Drohungen einschüchtern lasse und die Ukraine
    unterstützen werde")."""
    joined = (j for j in range(noun, clause.last) if sent.tokens[j].lower == "und")
    words = sent.tokens[clause.first : next(joined, clause.last)]
    if any(t.lower in lexicon().words("plan_modals") for t in words):
        return True
    future = any(t.lower in lexicon().words("future_auxiliaries") for t in words)
    return future and not any(participle(t) for t in words)


def _gathering(token: Token) -> bool:
    """A noun of ``gathering_nouns`` ("Gipfel", "EU-Gipfel", "Konferenz"): what happens "auf"
    one happens while it is held, as "bei" one (review 92: "Die G7 haben sich auf ihrem
    Gipfel geeinigt" had left the summit unspecified)."""
    return token.capitalised and token.lower.endswith(tuple(lexicon().words("gathering_nouns")))


def _talk_phrase(sent: SentenceView, clause: Clause, index: int) -> bool:
    """A noun of ``talk_nouns`` ("Gespräch", "Telefongespräch", "Verhandlungen") in its own
    phrase after "in": what is said or done in one is said or done while it is held, as
    "bei" one (review 113: "Er habe seine Enttäuschung in einem Gespräch mit Merz
    ausgedrückt" had left the talks announced). Not past a relative "in dem" and its
    subject ("in dem dieser das Gespräch vorschlug"): one article at most between."""
    token = sent.tokens[index]
    if not (token.capitalised and token.lower.endswith(tuple(lexicon().words("talk_nouns")))):
        return False
    j = phrase_start(sent.tokens, index, clause.first, DETERMINERS)
    articles = [t for t in sent.tokens[j:index] if t.lower in DETERMINERS]
    return j > clause.first and sent.tokens[j - 1].lower in {"in", "im"} and len(articles) <= 1


def _zu_infinitive(sent: SentenceView, clause: Clause) -> bool:
    """Whether the clause is a zu-infinitive's: "zu" before a lower-case word ("durch
    Verhandlungen zu lösen", "zu gewährleisten")."""
    tokens = sent.tokens
    return any(
        tokens[j].lower == "zu" and not tokens[j + 1].capitalised
        for j in range(clause.first, clause.last - 1)
    )


def _governing_preposition(sent: SentenceView, clause: Clause, index: int) -> str | None:
    """The preposition of the noun's phrase: within three words before it ("bei seinem
    Besuch"), or further back over articles, adjectives and coordinated nouns ("bei
    Auseinandersetzungen und israelischen Luftangriffen")."""
    for j in range(index - 1, max(clause.first, index - 7) - 1, -1):
        token = sent.tokens[j]
        if token.lower in phrase_prepositions():
            # "angesichts von Drohungen": the "von" a preposition of the genitive takes
            before = sent.tokens[j - 1].lower if j > clause.first else ""
            if token.lower == "von" and before in lexicon().words("presupposing_prepositions"):
                return before
            return token.lower
        skip = token.lower in DETERMINERS or token.lower in {"und", "oder"}
        skip = skip or _on_an_adjective(sent.tokens, j, index)
        if index - j >= 3 and not (skip or token.capitalised or inflected_adjective(token)):
            return None
    return None


def _on_an_adjective(tokens: list[Token], j: int, noun: int) -> bool:
    """ "dem mutmaßlich antisemitisch motivierten Anschlag": lower-case words up to an
    inflected one right before the noun qualify that adjective, inside the noun's phrase
    (review 90: the phrase had lost its preposition)."""
    between = tokens[j:noun]
    lower = all(t.text.isalpha() and not t.capitalised for t in between)
    # a verb before the adjective ends the phrase: "Nach neuen Angriffen fordert er neue
    # Sanktionen" (review 92: the demanded sanctions had been in the phrase of "nach")
    verb = any(finite_verb(t) for t in between[:-1])
    return lower and not verb and tokens[noun - 1].lower.endswith(ADJECTIVE_ENDINGS)


def _verb_tense(tokens: list[Token], clause: Clause, i: int) -> str | None:
    raw = lexicon().raw
    words = {tokens[j].lower for j in range(clause.first, clause.last)}
    verb = tokens[i]
    attached = infix_zu(verb)  # "bereitzustellen"
    # a strong participle simplemma keeps as it is ("beschossen") is no infinitive, nor
    # is a weak one in -t ("wird der Nahverkehr bestreikt" had been planned; review 188)
    kept = verb.lower == verb.lemma and verb.lower not in raw["strong_participles"]
    kept = kept and not verb.lower.endswith("t")
    infinitive = kept or verb.lower.endswith("zu" + verb.lemma) or attached
    # a passive infinitive, after a modal or "wird": "sollen geliefert werden" had been a
    # delivery that happened (review 60); "die angegriffen werden" is a present
    passive = i + 1 < clause.last and tokens[i + 1].lower == "werden"
    others = {tokens[j].lower for j in range(clause.first, clause.last) if j != i + 1}
    modals = raw["future_auxiliaries"] + raw["plan_modals"] + raw["other_modals"]
    infinitive = infinitive or (passive and not others.isdisjoint(modals))
    if _hearsay(tokens, clause):
        return "speculated"
    if words & set(raw["perfect_auxiliaries"]) and not infinitive:
        return "happened"
    if words & set(raw["future_auxiliaries"] + raw["plan_modals"]) and infinitive:
        return "planned"
    if attached or (i > 0 and tokens[i - 1].lower == "zu"):
        return None
    return "happened" if _is_past(verb) and not passive else "present"


def _hearsay(tokens: list[Token], clause: Clause) -> bool:
    """ "soll ... gesagt haben", "sollen ... getötet worden sein", "der einen Anschlag
    geplant haben soll", "sollen kurz vor einem Abkommen stehen": what is said of someone,
    not what is planned ("soll ab Montag gelten", "soll sein Treffen nachholen"). The
    perfect's "haben" or "sein" after a participle, wherever the clause goes on ("verübt
    haben und ist flüchtig", review 45), or a state's infinitive with its words
    (``hearsay_infinitives``)."""
    words = {tokens[j].lower for j in range(clause.first, clause.last)}
    if words.isdisjoint(_SOLL):
        return False
    cues = lexicon().raw["hearsay_infinitives"]
    for j in range(clause.first + 1, clause.last):
        word = tokens[j].lower
        if word in cues["words"] and _perfect_after(tokens, j, clause.last):
            return True
        if word in cues["states"] and set(cues["states"][word]) <= words:
            return True
    return False


def _hearsay_states(tokens: list[Token], clause: Clause) -> set[str]:
    """The words of the hearsay states the clause has ("stehen" with "kurz" and "vor")."""
    states: dict[str, list[str]] = lexicon().raw["hearsay_infinitives"]["states"]
    words = {tokens[j].lower for j in range(clause.first, clause.last)}
    return {
        w
        for state, needed in states.items()
        if state in words and set(needed) <= words
        for w in needed
    }


def _perfect_after(tokens: list[Token], j: int, last: int) -> bool:
    """Whether "haben" or "sein" at ``j`` ends a perfect: after a participle-like word (no
    modal, article or pronoun: "soll sein Treffen"), and, for "sein", before no noun or
    adjective, as a possessive stands ("sein neues Amt")."""
    before = tokens[j - 1]
    if before.capitalised or not before.text.isalpha():
        return False
    if before.lower in _SOLL | DETERMINERS | _PRONOUNS:
        return False
    after = tokens[j + 1] if j + 1 < last else None
    return after is None or not (after.capitalised or inflected_adjective(after))


_SOLL = frozenset({"soll", "sollen"})


_PRONOUNS = frozenset("es er sie wir ihr ich du man".split())


def past_finite_verb(sent: SentenceView, clause: Clause) -> bool:
    """Whether the clause holds a verb in the past tense ("setzte ... in Brand")."""
    tokens = sent.tokens[clause.first : clause.last]
    return any(finite_verb(t) and not participle(t) and _is_past(t) for t in tokens)


def _is_past(token: Token) -> bool:
    """Past tense or participle of a known verb, told apart from its present forms."""
    lemma, form = token.lemma.split("|")[-1], token.lower
    if form == lemma:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    present = {stem + e for e in ("e", "st", "t", "et", "est", "en")}
    if form in present:
        return False
    if form.startswith(stem) and form.endswith(("te", "ten", "test", "tet")):
        return True
    return not (form.endswith("t") and len(form) <= len(lemma) + 1)
