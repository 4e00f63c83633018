"""The language side of event extraction: event nouns, modality cues, clauses that govern
others, phrases and their heads, read over the tokens and clauses of ``event_sentence`` (the
trigger words are read in ``event_triggers``, a clause's negation of its event in
``event_negation``, its tense in ``event_tense``). No dependency parser is available, so the
rules work on lemmas (simplemma) and on clauses split at commas, colons and complementisers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from chronik.analysis.event_sentence import (
    DETERMINERS,
    QUOTES,
    Clause,
    CueList,
    SentenceView,
    Token,
    Trigger,
    finite_verb,
    inflected_adjective,
    is_past_verb,
    lemma_keys,
    lemma_of,
    lexicon,
    participle,
    seam,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS, ARTICLES
from chronik.analysis.lemmas import is_known


@cache
def any_preposition() -> frozenset[str]:
    return phrase_prepositions() | CONTRACTED


GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
# Articles that open a noun phrase of their own after a noun, not a genitive on it.
_PHRASE_ARTICLES = DETERMINERS - GENITIVE_ARTICLES


@cache
def auxiliaries() -> frozenset[str]:
    """The finite forms that carry another verb: of "werden" for the future, "haben" and
    "sein" for the perfect, and the modals."""
    raw = lexicon().raw
    modals = raw["plan_modals"] + raw["other_modals"]
    return frozenset(raw["future_auxiliaries"] + modals + raw["perfect_auxiliaries"])


@cache
def passive_auxiliaries() -> frozenset[str]:
    """The forms of "werden" that make a passive with a participle."""
    return frozenset(lexicon().raw["future_auxiliaries"]) | {"wurde", "wurden", "worden"}


def noun_head(token: Token) -> str | None:
    """The noun trigger this token's compound ends in, if any."""
    return _noun_head(token.lemma, token.lower)


# By its words, not its token: the rules ask for a word's head many times over (about
# 13,000 times on 300 articles, each a scan of every head), and the news repeats words.
@lru_cache(maxsize=65536)
def _noun_head(lemma: str, lower: str) -> str | None:
    for word in {lemma, lower.rstrip("-")}:
        # "Herausforderungen" as much as "Herausforderung", and a compound on one:
        # "Facharztbesuche" as "Arztbesuche" (review 85)
        if any(form.endswith(_excluded_nouns()) for form in _stems(word)):
            return None
        for form in _stems(word):
            head = next((h for h in _heads() if form.endswith(h)), None)
            if head is not None and compound_of(form, head):
                return f"noun:{form}:{head}"
    return None


@cache
def _excluded_nouns() -> tuple[str, ...]:
    return tuple(lexicon().raw["noun_exclude"])


@lru_cache(maxsize=65536)
def compound_of(form: str, head: str) -> bool:
    """Whether ``form`` ends in the noun trigger ``head`` as a word, not as the end of
    another word one or two letters longer: "Straßen|reinigung" and "Wieder|vereinigung"
    hold no "Einigung", "Ideal" no "Deal", "Anforderung" no "Forderung". (Three letters
    would take "Neuwahl" from "Wahl"; a real compound's modifier may be any word, often one
    no dictionary has: "Vieraugen|gespräch", "Öl|lieferung".)"""
    longer = (form[-len(head) - k :] for k in (1, 2) if len(form) >= len(head) + k)
    return not any(is_known(word, lang="de") for word in longer)


def is_event_noun(token: Token) -> bool:
    """Whether the word is a noun that names an event ("Treffen", "Gipfeltreffen")."""
    return noun_head(token) is not None


def event_noun_type(token: Token) -> str | None:
    """The event type of a noun trigger ("Raketenangriff": attack), if it is one."""
    head = noun_head(token)
    return lexicon().raw["nouns"][head.rsplit(":", 1)[1]][0] if head else None


@cache
def _heads() -> list[str]:
    return sorted(lexicon().raw["nouns"], key=len, reverse=True)


def _stems(word: str) -> list[str]:
    stems = [word]
    for ending in ("es", "en", "s", "n", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stems.append(word[: -len(ending)])
    return stems


def cue_labels(
    sent: SentenceView,
    clause: Clause,
    skip: frozenset[str] = frozenset(),
    trigger: int = -1,
    reported: bool = False,
) -> set[str]:
    """The modality cues of the clause. In reported speech a Konjunktiv II stands for the
    Konjunktiv I that looks like the indicative ("Die Minister hätten sich getroffen",
    schrieb sie): it tells what was said, not a speculation (``reported_subjunctive``)."""
    labels: set[str] = set()
    told: dict[str, str] = lexicon().raw["reported_subjunctive"] if reported else {}
    for i in range(clause.first, clause.last):
        # The trigger is no cue of its own event: "wies die Anträge zurück" is a rejection
        # that happened, not one denied.
        if i == trigger or _describes_other_noun(sent, i, trigger) or _compared(sent, i):
            continue
        if _hedges_an_attribute(sent, i) or _capitalised_noun(sent, i):
            continue
        if sent.tokens[i].lower in told:
            labels.add(told[sent.tokens[i].lower])
            continue
        keys = lemma_keys(sent.tokens, clause, i)
        for label, cues in lexicon().cues.items():
            if label not in skip and cues.matches(sent.tokens[i], keys):
                labels.add(label)
    return labels


def involved_in(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "für den Angriff verantwortlich", "eine Beteiligung an dem Angriff": a noun in a
    phrase of a word of someone's part in it (``involvement``), which a denial denies, not
    the event (review 102)."""
    words = lexicon().words("involvement.words")
    tokens = sent.tokens[part.first : part.last]
    return (
        trigger.noun
        and in_a_phrase(sent.tokens, part, trigger.index)
        and any(t.lower in words or t.lemma in words for t in tokens)
    )


def only_cancelled(sent: SentenceView, clause: Clause) -> bool:
    """Whether every cue of "denied" in the clause calls an event off or says it failed to
    come ("abgesagt", "blieben aus": ``cancellations``), none denies a claim."""
    cancellations = lexicon().raw["cancellations"]
    cancelling = CueList(frozenset(cancellations["lemmas"]), tuple(cancellations["forms"]))
    denied = lexicon().cues["denied"]
    found = False
    for j in range(clause.first, clause.last):
        keys = lemma_keys(sent.tokens, clause, j)
        if denied.matches(sent.tokens[j], keys):
            if not cancelling.matches(sent.tokens[j], keys):
                return False
            found = True
    return found


def _capitalised_noun(sent: SentenceView, i: int) -> bool:
    """ "am Morgen", "heute Morgen": a cue word written with a capital after a sentence's
    first word is a noun, the morning, not "morgen", tomorrow (``nouns_when_capitalised``;
    review 102: an attack reported "am Morgen" had been planned)."""
    token = sent.tokens[i]
    words = lexicon().words("nouns_when_capitalised.words")
    if not token.capitalised or token.lower not in words:
        return False
    # the sentence's first word, also after a quotation mark or a headline's colon
    return any(t.text[:1].isalnum() for t in sent.tokens[:i]) and sent.tokens[i - 1].text != ":"


def _compared(sent: SentenceView, i: int) -> bool:
    """ "besser als erwartet", "wie angekündigt": a comparison with what was expected or
    said, which says nothing of whether the event is to come."""
    tokens = sent.tokens
    word = tokens[i]
    # a participle ("angekündigt", "erwartet") or "möglich", not a verb ("würden")
    if word.capitalised or not (participle(word) or word.lower.endswith(("et", "möglich"))):
        return False
    for j in range(i - 1, max(0, i - 4), -1):
        before = tokens[max(0, j - 2) : j]  # "besser als", "fiel besser aus als"
        if tokens[j].lower == "wie" or (
            tokens[j].lower == "als" and any(map(_comparative, before))
        ):
            return True
        if tokens[j].capitalised or not tokens[j].text.isalpha():
            return False  # "als von vielen erwartet", not past a name or a comma
    return False


def _hedges_an_attribute(sent: SentenceView, i: int) -> bool:
    """ "nach dem mutmaßlich antisemitisch motivierten Anschlag": a word between an article
    and an inflected adjective qualifies the adjective, not whether the noun's event took
    place (review 90: the attack had been speculated); so does one right after a
    preposition, as a headline drops the article ("bei mutmaßlich antisemitischem
    Angriff", review 245), where it has no adjective's ending itself ("vor erwarteten
    Gesprächen" plans them)."""
    tokens = sent.tokens
    opener = tokens[i - 1].lower if i else ""
    if opener not in ARTICLES | CONTRACTED | _PHRASE_BREAKS or tokens[i].capitalised:
        return False
    if opener in _PHRASE_BREAKS and tokens[i].lower.endswith(ADJECTIVE_ENDINGS):
        return False  # "Kurz vor erwarteten weiteren Gesprächen": the noun's own attribute
    for k in range(i + 1, min(i + 4, len(tokens))):
        if tokens[k].capitalised:
            return k > i + 1 and tokens[k - 1].lower.endswith(ADJECTIVE_ENDINGS)
        if not tokens[k].text.isalpha() or tokens[k].lower in _PHRASE_BREAKS:
            return False  # "der morgen im französischen Évian beginnt": a relative clause
    return False


_PHRASE_BREAKS = frozenset(
    "im am beim vom zum zur ins ans in an auf bei mit nach von zu für gegen über unter vor".split()
)


def _comparative(token: Token) -> bool:
    """ "besser", "früher", "mehr": before "als" they compare; "gilt als" does not."""
    return token.lower in {"mehr", "weniger", "anders"} or (
        not token.capitalised and token.lower.endswith("er") and len(token.lower) > 4
    )


def _describes_other_noun(sent: SentenceView, i: int, trigger: int) -> bool:
    """ "drei mutmaßliche Mitglieder": an inflected adjective describes its noun, and is a
    cue only when that noun is the event ("mögliche Waffendeals"); so does a weak verb's
    inflected participle ("die von Merz angekündigte vertiefte Kooperation": review 115,
    the criticism of it had been announced)."""
    token = _opening_word_lowered(sent, i)
    participle = inflected_participle(token)
    if token.capitalised or not (inflected_adjective(token) or participle):
        return False
    j = i + 1
    # a quotation mark before a name: 'Mutmaßlicher "Nord Stream"-Angreifer festgenommen'
    # (review 245: the arrest had been speculated)
    while j < len(sent.tokens) and (
        _attributive(sent.tokens[j], participle) or sent.tokens[j].text in QUOTES
    ):
        j += 1
    # a compound with a hyphen too: "in der letzten ARD-Umfrage" (review 102)
    word = sent.tokens[j].text.replace("-", "") if j < len(sent.tokens) else ""
    noun = word.isalpha() and sent.tokens[j].capitalised
    return noun and j != trigger and noun_head(sent.tokens[j]) is None


def _opening_word_lowered(sent: SentenceView, i: int) -> Token:
    """The token, written small where it opens the sentence or follows a colon, as a
    headline's first adjective does ("Mutmaßlicher Täter festgenommen", review 132: the
    arrest had been speculated); else as it is."""
    token = sent.tokens[i]
    opening = i == 0 or sent.tokens[i - 1].text == ":"
    if not (opening and token.capitalised and token.text.isalpha()):
        return token
    return replace(token, text=token.lower, lemma=lemma_of(token.lower))


# A weak verb's participle with an adjective's ending: "angekündigte", "geplanten".
_INFLECTED_PARTICIPLE = re.compile(r"\w*ge\w+t(?:e|en|er|es|em)")


def inflected_participle(token: Token) -> bool:
    """A weak verb's participle with an adjective's ending, which simplemma may keep as it
    is ("geplante": review 224)."""
    return bool(_INFLECTED_PARTICIPLE.fullmatch(token.lower))


def _attributive(token: Token, after_participle: bool) -> bool:
    """An inflected adjective; after a participle also another participle ("angekündigte
    vertiefte")."""
    if inflected_adjective(token):
        return True
    ending = token.lower.endswith(("te", "ten", "tes", "tem", "ter"))
    shaped = token.text.isalpha() and not token.capitalised and token.lemma.endswith("n")
    return after_participle and ending and shaped


def phrase_start(tokens: list[Token], noun: int, first: int, openers: frozenset[str]) -> int:
    """Where the noun at ``noun`` begins with the words before it that are ``openers``
    (articles, determiners) or inflected adjectives, from ``first`` on."""
    j = noun
    while j > first and (
        tokens[j - 1].lower in openers
        or inflected_adjective(tokens[j - 1])
        or _adverb_on_adjective(tokens, j, first, openers)
    ):
        j -= 1
    return j


def _adverb_on_adjective(tokens: list[Token], j: int, first: int, openers: frozenset[str]) -> bool:
    """Whether the word before ``j`` is an adverb on the adjective at ``j`` between it and
    an article: "nach dem mutmaßlich islamistischen Anschlag", "der bisher größte Angriff"
    (review 265: the hedge had ended the phrase, and the clause's subject, who reacted to
    the attack, had become its attacker). Only with an article right before it, so that a
    clause's own adverb ("hat gestern schwere Angriffe") stays outside."""
    if j - 2 < first or tokens[j].lower in openers or not inflected_adjective(tokens[j]):
        return False
    word = tokens[j - 1]
    plain = word.text.isalpha() and not word.capitalised and word.lower == word.lemma
    return plain and tokens[j - 2].lower in openers and word.lower not in openers


def matrix_clause(sent: SentenceView, index: int) -> Clause | None:
    """The clause that governs a complement clause ("X deutete an, dass ...", "X: ...")."""
    clause = sent.clauses[index]
    if index == 0:
        return None
    if clause.opener in lexicon().words("complementisers") or clause.opener == ":":
        return sent.clauses[index - 1]
    previous = sent.clauses[index - 1]
    words = {sent.tokens[i].lower for i in range(clause.first, clause.last)}
    # Reported speech without "dass": "..., er habe sich getroffen".
    if words & lexicon().words("subjunctive") and cue_labels(sent, previous):
        return previous
    return None


def controller(sent: SentenceView, index: int) -> Clause | None:
    """The clause an infinitive depends on ("Brasilien signalisierte Bereitschaft, ... zu
    verhandeln"): its cues apply and its subject is the actor."""
    if index == 0 or matrix_clause(sent, index) is not None:
        return None
    clause = sent.clauses[index]
    if seam(sent.tokens, clause.first):  # the next headline depends on none before it
        return None
    tokens = sent.tokens[clause.first : clause.last]
    if any(t.lower == "zu" or infix_zu(t) for t in tokens):
        return sent.clauses[index - 1]
    return None


def infix_zu(token: Token) -> bool:
    """ "zusammenzuarbeiten", "auszuweiten", "bereitzustellen": a separable verb with zu
    inside (the lemma without it, or a known particle before it)."""
    word = token.lower
    if "zu" in word[1:] and word.replace("zu", "", 1) == token.lemma:
        return True
    return any(
        word.startswith(p + "zu") and word.endswith("en") and len(word) > len(p) + 5
        for p in lexicon().words("particles")
    ) or (word.startswith("zusammenzu") and word.endswith("en"))


def reporting_clauses(sent: SentenceView, index: int) -> list[Clause]:
    """Clauses that report the trigger's clause: the matrix of a complement, and a trailing
    report (", kündigte X an", ", so berichtet X", ", entschieden zurückgewiesen")."""
    found = [c for c in [matrix_clause(sent, index)] if c is not None]
    if index + 1 < len(sent.clauses):
        after = sent.clauses[index + 1]
        first = sent.tokens[after.first]
        short = after.last - after.first <= 3
        reports = short or first.lower in {"so", "wie"} or not first.capitalised
        if after.opener == "," and reports and cue_labels(sent, after):
            found.append(after)
    return found


_GENITIVE_OPENERS = frozenset({"der", "des"})


def in_a_phrase(tokens: list[Token], clause: Clause, noun: int) -> bool:
    """Whether the noun stands in a prepositional phrase, right after its preposition and
    its article and adjectives ("vor einem Angriff", "zum Treffen"), or as the genitive of
    a noun that does ("bei einem Scheitern der Verhandlungen"); not a subject after a
    verb ("An der Front sollen Angriffe gestoppt worden sein")."""
    prepositions = lexicon().words("prepositions") | CONTRACTED
    j = phrase_start(tokens, noun, clause.first, DETERMINERS)
    while j > clause.first:
        before = tokens[j - 1]
        if before.lower in prepositions:
            return True
        genitive = tokens[j].lower in GENITIVE_ARTICLES and tokens[j] is not tokens[noun]
        if not (genitive and before.capitalised and before.text.isalpha()):
            return False
        j = phrase_start(tokens, j - 1, clause.first, DETERMINERS)
    return False


def after_presupposing_head(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "ein Ende der Angriffe", "die Folgen des russischen Angriffs": a noun in the
    genitive of one of ``presupposing_heads`` has been going on or taken place (review 90);
    weak, as the present is, so that a plan of the clause outranks it."""
    return genitive_head(sent, clause, noun) in lexicon().words("presupposing_heads.words")


def genitive_head(sent: SentenceView, clause: Clause, noun: int) -> str | None:
    """The lemma of the noun whose genitive the noun at ``noun`` is: "gipfel" in "am Rande
    des Gipfels" gives "rand"; none where no article opens the genitive."""
    tokens = sent.tokens
    j = phrase_start(tokens, noun, clause.first, _GENITIVE_OPENERS)
    if j == noun:
        return None  # the genitive has an article or an adjective: "Ende russischer Angriffe"
    head = tokens[j - 1] if j > clause.first else None
    return head.lemma.lower() if head is not None and head.capitalised else None


def accused_of(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether a noun trigger, not in a prepositional phrase, is what a verb of
    ``accusing_verbs`` in its clause accuses someone of ("wirft Iran Drohnenangriff vor";
    not "warfen ihm mangelnde Dankbarkeit für die Militärhilfe vor")."""
    if not trigger.noun or word_before_noun_phrase(sent, trigger.index, clause.first) in PREPOSED:
        return False
    # "wirft Belvo einen Bruch der Waffenruhe vor": the breach is the charge, not the truce
    if after_presupposing_head(sent, clause, trigger.index):
        return False
    return accuses(sent, clause) and not _second_verb_s(sent, clause, trigger.index)


def _second_verb_s(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "hat Iran Verstöße vorgeworfen und neue Angriffe angeordnet", "warf ... vor und
    ordnete Angriffe an": a noun after the accusation's "und" is the object of the verb
    that follows, not of the accusation (review 132: the ordered attacks had been
    speculated)."""
    tokens = sent.tokens
    verbs = _accusing_verbs()
    accusing = [
        j for j in range(clause.first, noun) if not verbs.isdisjoint(lemma_keys(tokens, clause, j))
    ]
    joins = (
        [j for j in range(accusing[-1] + 1, noun) if tokens[j].lower == "und"] if accusing else []
    )
    if not joins:
        return False
    before = any(finite_verb(t) for t in tokens[joins[-1] + 1 : noun])
    return before or any(participle(t) for t in tokens[noun + 1 : clause.last])


def end_called_for(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether a noun trigger is in the genitive of a noun after "zu", "zum" or "zur" in a
    clause of ``calling`` or ``urging`` ("ruft Israel zu einem Ende der Angriffe auf",
    "fordert Belvo zum Stopp der Angriffe auf", "drängt Israel zu einem Stopp der
    Angriffe"): what is called for is its end, so the one called on does
    it and the caller is no party (review 159: the caller had been the attacker and the
    one called on its target)."""
    if not trigger.noun:
        return False
    tokens = sent.tokens
    for j in range(trigger.index - 1, max(clause.first, trigger.index - 6) - 1, -1):
        if tokens[j].lower in {"zu", "zum", "zur"}:
            between = tokens[j + 1 : trigger.index]
            head = next((k for k, t in enumerate(between) if t.capitalised), None)
            if head is None or not any(t.lower in _GENITIVE_OPENERS for t in between[head:]):
                return False
            return has_verb(tokens, clause, _ending_calls())
    return False


@cache
def _ending_calls() -> frozenset[str]:
    """The verbs of a call to end: ``calling``'s and those that only urge (``urging``:
    "drängt Israel zu einem Stopp der Angriffe"; review 163)."""
    calling = lexicon().raw["calling"]
    return frozenset(calling["verbs"]) | frozenset(calling["urging"])


def accuses(sent: SentenceView, clause: Clause) -> bool:
    """Whether the clause has a verb of ``accusing_verbs`` ("vorwerfen", "beschuldigen")."""
    return has_verb(sent.tokens, clause, _accusing_verbs())


@cache
def _accusing_verbs() -> frozenset[str]:
    return frozenset(lexicon().raw["roles"]["accusing_verbs"])


def has_verb(tokens: list[Token], clause: Clause, verbs: frozenset[str]) -> bool:
    """Whether a word of the clause is one of ``verbs`` by its ``lemma_keys`` (a separable
    verb's with its particle)."""
    return any(
        not verbs.isdisjoint(lemma_keys(tokens, clause, j))
        for j in range(clause.first, clause.last)
    )


def after_cancelling_head(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """ "bestätigt die Absage der Gespräche": a noun in the genitive of one of
    ``cancelling_heads`` is called off (review 107: the talks had been announced)."""
    tokens = sent.tokens
    j = _past_attribute(tokens, phrase_start(tokens, noun, clause.first, _GENITIVE_OPENERS))
    if j == noun:
        return False
    head = tokens[j - 1] if j > clause.first else None
    words = lexicon().words("cancelling_heads.words")
    return head is not None and head.capitalised and head.lemma.lower() in words


def _past_attribute(tokens: list[Token], j: int) -> int:
    """ "der von den USA geplanten Angriffe": the article of an extended attribute ("der von"
    and names up to a participle) right before the noun's phrase at ``j``, where one stands
    (review 132: the attacks called off had been planned); else ``j``."""
    for k in range(j - 1, max(0, j - 7), -1):
        word = tokens[k]
        if word.lower in {"von", "vom"}:
            return k - 1 if tokens[k - 1].lower in _GENITIVE_OPENERS else j
        lower = not (word.capitalised or word.lower in DETERMINERS)
        if lower and (k != j - 1 or not word.lower.endswith(("te", "ten"))):
            return j
    return j


@cache
def phrase_prepositions() -> frozenset[str]:
    """The prepositions that open a noun's phrase, whatever they say of its time."""
    keys = ("prepositions", "temporal_prepositions", "presupposing_prepositions")
    return frozenset().union(*(lexicon().words(key) for key in keys))


def opens_another_phrase(tokens: list[Token], j: int) -> bool:
    """Whether the article at ``j`` right after a noun opens a noun phrase of its own:
    "greift die Armee die Miliz an" names two phrases, "die Armee der Ukraine" one."""
    return j > 0 and tokens[j].lower in _PHRASE_ARTICLES and tokens[j - 1].capitalised


def conjunct(tokens: list[Token], clause: Clause, index: int) -> Clause:
    """The part of ``clause`` that holds token ``index`` where the clause joins two finite
    verbs with "und" or "oder": in "soll den Mann angegriffen haben und droht nun" the
    threat is no hearsay (review 45). A verb form after "und" that may be an infinitive
    ("will kommen und reden") or a participle before its auxiliary ("angegriffen und
    verletzt haben") joins nothing."""
    first, last = clause.first, clause.last
    for j in range(clause.first + 1, clause.last - 1):
        if tokens[j].lower not in {"und", "oder"} or not _finite_next(tokens, j + 1, last):
            continue
        if not any(finite_verb(tokens[k]) for k in range(first, j)):
            continue
        if j > index:
            last = j
            break
        first = j
    return (
        clause
        if (first, last) == (clause.first, clause.last)
        else Clause(first, last, clause.opener)
    )


def prefield(tokens: list[Token], clause: Clause) -> Clause:
    """What stands before the clause's first finite verb: a cue there ("Möglicherweise
    trifft Merz Macron und verhandelt mit ihm") qualifies every verb the clause joins
    (review 48)."""
    verb = next((j for j in range(clause.first, clause.last) if finite_verb(tokens[j])), None)
    return Clause(clause.first, clause.first if verb is None else verb, clause.opener)


def _finite_next(tokens: list[Token], k: int, last: int) -> bool:
    verb = tokens[k]
    if not finite_verb(verb) or present_plural(verb):
        return False
    # An auxiliary further on makes it a participle or an infinitive after all: "bis eine
    # Einigung erreicht, bestätigt und unterzeichnet sei".
    return not any(tokens[j].lower in _carriers() for j in range(k + 1, last))


@cache
def _carriers() -> frozenset[str]:
    """Every form that may carry a participle or an infinitive before it."""
    return auxiliaries() | passive_auxiliaries() | {"sei", "seien", "sein", "haben"}


def present_plural(token: Token) -> bool:
    """A verb's form that is its infinitive ("treffen", "verhandeln"), not an adjective
    whose lemma looks like one ("modernen": "modern")."""
    return finite_verb(token) and token.lower == token.lemma


def resolve_modality(labels: set[str]) -> str:
    for label in lexicon().precedence:
        if label in labels:
            return "happened" if label == "present" else label
    return "unspecified"


# A preposition with its article in one word.
CONTRACTED = frozenset({"vom", "zum", "zur", "im", "am", "beim", "ins", "ans"})


# Shared by the event rules of places (event_places), parties (event_parties) and
# modality (event_modality).


def word_before_noun_phrase(sent: SentenceView, noun: int, first: int) -> str:
    """The word before the noun at ``noun`` and its articles and adjectives ("nach" in
    "nach dem tödlichen Anschlag"), lower-cased; "" where none stands from ``first`` on."""
    j = noun_phrase_start(sent, noun, first) - 1
    return sent.tokens[j].lower if j >= first else ""


def noun_phrase_start(sent: SentenceView, noun: int, first: int) -> int:
    """Where the noun at ``noun`` and its articles and adjectives begin, from ``first`` on."""
    return phrase_start(sent.tokens, noun, first, ARTICLES)


# Prepositions that open a phrase of their own: a name or noun after one is that phrase's.
PREPOSED = frozenset(
    "an auf aus bei beim durch für gegen in im am mit nach seit über um unter von vom vor "
    "während wegen zu zum zur zwischen trotz".split()
)

# A phrase of time around an event's noun: "nach dem Angriff", "vor dem Treffen".
TIME_PREPOSITIONS = frozenset({"nach", "vor", "seit", "während"})


def conjugated(token: Token) -> bool:
    """A past form, an auxiliary, or a present form in -t ("warnt", "sieht")."""
    if token.capitalised:
        return False
    if is_past_verb(token) or token.lower in auxiliaries():
        return True
    return token.lower != token.lemma and token.lemma.endswith("n") and token.lower.endswith("t")


def opening_word(sent: SentenceView, clause: Clause) -> str:
    """The word that opens ``clause``: its complementiser, or after a comma or at the
    sentence's start its first word, lower case ("" for an empty clause)."""
    if clause.opener not in {",", ""}:
        return clause.opener
    return sent.tokens[clause.first].lower if clause.first < clause.last else ""
