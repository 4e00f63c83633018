"""Trigger words: the verbs and nouns that tell an event of a type ("trifft", "Gipfel",
"Angriff"), in the sense their clause gives them, from ``data/event_cues.json``. A verb
of several senses is read by the words of its clause (``_sense``); a noun in an idiom, a
name, a source or a characterisation is no trigger."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache, partial
from typing import Any

from chronik.analysis.attribution_words import (
    SOURCE_POSTPOSITIONS,
    SOURCE_PREPOSITIONS,
    zu_infinitive,
)
from chronik.analysis.event_grammar import (
    GENITIVE_ARTICLES,
    any_preposition,
    auxiliaries,
    compound_of,
    conjunct,
    event_noun_type,
    noun_head,
    passive_auxiliaries,
    phrase_start,
    prefield,
)
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    from_verbs,
    inflected_adjective,
    lemma_keys,
    lexicon,
    participle,
)
from chronik.analysis.german import DEFINITE_ARTICLES
from chronik.analysis.lemmas import lemmatize


def find_triggers(sent: SentenceView, one_sided: Collection[str] = ()) -> list[Trigger]:
    """The sentence's triggers; ``one_sided`` are the nouns an earlier sentence of the
    article called one side's (``one_sided_nouns``), which the bare definite noun names
    again (``_one_sided_again``)."""
    found: list[Trigger] = []
    for clause in sent.clauses:
        for i in range(clause.first, clause.last):
            trigger = _trigger_at(sent, clause, i)
            if trigger is not None and not _one_sided_again(sent, i, trigger, one_sided):
                found.append(trigger)
    return found


def one_sided_nouns(sent: SentenceView) -> set[str]:
    """The lemmas of the agreements' nouns the sentence puts on one side ("die einseitig
    ausgerufene Waffenruhe": "waffenruhe"), with the nouns that name the same thing
    ("feuerpause", ``_same_thing``), which ``find_triggers`` drops."""
    found: set[str] = set()
    # Without one of its words the sentence puts nothing on one side: every sentence of an
    # article is asked, and its nouns' types are what costs.
    prefixes = _one_sided_prefixes()
    if not any(t.lower.startswith(prefixes) for t in sent.tokens):
        return found
    types = lexicon().words("one_sided.types")
    for clause in sent.clauses:
        for i in range(clause.first, clause.last):
            token = sent.tokens[i]
            kind = event_noun_type(token) if token.capitalised and i > 0 else None
            if (
                kind is not None
                and kind in types
                and _one_sided(sent, clause, i, Trigger(kind, "", i, True))
            ):
                found.add(token.lemma.lower())
                found |= _same_thing(noun_head(token))
    return found


@cache
def _one_sided_prefixes() -> tuple[str, ...]:
    return tuple(lexicon().raw["one_sided"]["prefixes"])


def _same_thing(head: str | None) -> set[str]:
    """The nouns that name what a noun of this head names (``one_sided.same_thing``): a
    one-sided "Waffenruhe" is named again as "die Feuerpause" (review 163: it had been an
    agreement)."""
    word = head.rsplit(":", 1)[-1] if head else ""
    groups = lexicon().raw["one_sided"]["same_thing"]
    return next((set(group) for group in groups if word in group), set())


def _one_sided_again(
    sent: SentenceView, i: int, trigger: Trigger, one_sided: Collection[str]
) -> bool:
    """A bare definite noun after an earlier sentence put that noun on one side names the
    same one-sided thing again: "die von Kiew einseitig ausgerufene Waffenruhe ... dass
    die russische Seite die Waffenruhe gebrochen hat" (review 159: it had been an agreement
    that happened, and confirmed the one Russia and Ukraine were to agree on). Not with an
    adjective ("die vereinbarte Waffenruhe") or an indefinite article ("eine Waffenruhe"),
    which may name another."""
    if not one_sided or not trigger.noun or i == 0:
        return False
    return (
        sent.tokens[i].lemma.lower() in one_sided and sent.tokens[i - 1].lower in DEFINITE_ARTICLES
    )


def _trigger_at(sent: SentenceView, clause: Clause, i: int) -> Trigger | None:
    """Capitalised words are nouns (or the first word); lower-case words may be verbs."""
    token = sent.tokens[i]
    if not token.text[:1].isalpha():
        return None
    if token.capitalised and not (i == 0 and _finite_verb(token)):
        head = noun_head(token)
        if head is not None and not _opposed(sent, clause, i) and not _a_source(sent, i):
            if _characterising(sent, clause, i) or _in_a_name(sent, token):
                return None
            if _with_the_press(sent, i, head) or not _in_its_sense(sent, clause, i, head):
                return None
            if _idiom(sent, clause, i, head):
                return None
            trigger = _arms_or(sent, clause, i, head, noun=True)
            if _a_topic(sent, clause, i, trigger.type) or _one_sided(sent, clause, i, trigger):
                return None
            if _ended(sent, clause, trigger):
                return None
            return trigger
        if i > 0:
            return None
    verbs: dict[str, list[str]] = lexicon().raw["verbs"]
    arms_only = lexicon().words("arms.only_verbs")
    if token.lower in lexicon().words("not_triggers.forms"):
        return None  # "bitte" is politeness
    not_triggers = lexicon().words("not_triggers.verbs")
    for key in reversed(lemma_keys(sent.tokens, clause, i)):
        if key in not_triggers:
            return None  # "traf ... ein" arrives
        if _with_its_word(sent, clause, i, key):
            kind, code = lexicon().raw["verbs_with"][key]["trigger"]
            return Trigger(kind, code, i, False)
        if key in verbs:
            sense = _sense(sent, clause, i, key)
            if sense is None and _shown_or_backed(sent, clause, i, key):
                return None
            if sense is None:
                return _arms_or(sent, clause, i, key, noun=False)
            return Trigger(sense[0], sense[1], i, False) if sense else None
        if key in arms_only and _arms_nearby(sent.tokens, clause.first, clause.last):
            kind, code = lexicon().raw["arms"]["trigger"]
            return Trigger(kind, code, i, False)
    return None


def _in_its_sense(sent: SentenceView, clause: Clause, i: int, head: str) -> bool:
    """Whether a noun trigger is meant as its event: not the hunter's "Abschuss von Wölfen"
    (``senses``, as for "abschießen"), and "Unterstützung" only as what a verb of its clause
    gives or promises (``promised_nouns``: "sagte der Ukraine Unterstützung zu"; review 137)."""
    word = head.split(":")[-1]
    # a verb's senses are its own: "Treffen" is not read as "treffen"
    if word not in lexicon().raw["verbs"] and _sense(sent, clause, i, word) == []:
        return False
    verbs = lexicon().raw["promised_nouns"]["nouns"].get(word)
    if verbs is None:
        return True
    keys = {k for j in range(clause.first, clause.last) for k in lemma_keys(sent.tokens, clause, j)}
    words = {sent.tokens[j].lower for j in range(clause.first, clause.last)}
    found = (keys | words) & set(verbs)
    # "Kritik kommt von Altmaier", not "Nach der Kritik kommt Merz nach Rom" (review 245)
    if found and found <= from_verbs(word) and _after_preposition(sent.tokens, clause, i):
        return False
    return bool(found)


def _a_topic(sent: SentenceView, clause: Clause, i: int, kind: str) -> bool:
    """An agreement or an arms deal that is only what talks are about or what a proposal
    offers is no event of its own (``topics``): "verhandeln in Kairo über eine Waffenruhe",
    "einen Vorschlag für ein Abkommen abgelehnt" (review 147), "mit Xi über
    Waffenlieferungen an Taiwan sprechen" (review 150: the arms had been Trump's and Xi's);
    the talks and the rejection are the events."""
    cues = lexicon().raw["topics"]
    if kind not in cues["types"]:
        return False
    tokens = sent.tokens
    start = phrase_start(tokens, i, clause.first, DETERMINERS)
    if start <= clause.first or tokens[start - 1].lower not in cues["prepositions"]:
        return False
    if start - 2 >= clause.first and _proposal(tokens[start - 2]):
        return True  # "Vorschlag für eine Waffenruhe", "Plan zur Waffenruhe"
    if tokens[start - 1].lower not in cues["about"]:
        return False
    # "über" after talks anywhere before it, or with a verb of talks anywhere in the clause:
    # "verhandeln in Kairo über eine Waffenruhe", "über Waffenlieferungen sprechen"; not
    # "Unklarheit über Waffenruhe und Verhandlungen", whose talks are beside it
    verbs: dict[str, list[str]] = lexicon().raw["verbs"]
    for j in (j for j in range(clause.first, clause.last) if not start - 1 <= j <= i):
        keys = lemma_keys(tokens, clause, j)
        noun = tokens[j].capitalised and j < start
        talks = noun and event_noun_type(tokens[j]) in cues["talk_types"]
        verb = not tokens[j].capitalised and any(
            verbs.get(k, [""])[0] in cues["talk_types"] or k in cues["talk_verbs"] for k in keys
        )
        if talks or verb or (noun and _proposal(tokens[j])):
            return True
    return False


def _ended(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """An agreement its clause terminates is no agreement made (``ending``): "Die Bank
    hat einen Vertrag mit dem Verband gekündigt" (review 163: an agreement by the bank)."""
    if trigger.type not in lexicon().words("ending.types"):
        return False
    verbs = lexicon().words("ending.verbs")
    for j in range(clause.first, clause.last):
        keys = set(lemma_keys(sent.tokens, clause, j))
        # with its particle the verb is another: "kündigt ein Abkommen an" announces one
        separable = {key for key in keys if "|" in key}
        if (separable or keys) & verbs:
            return True
    return False


def _one_sided(sent: SentenceView, clause: Clause, i: int, trigger: Trigger) -> bool:
    """An agreement one side declares is none (``one_sided``): "die einseitige Waffenruhe",
    "die von Kiew einseitig ausgerufene Waffenruhe" (review 156)."""
    cues = lexicon().raw["one_sided"]
    if trigger.type not in cues["types"]:
        return False
    before = sent.tokens[max(clause.first, i - 3) : i]
    return any(t.lower.startswith(tuple(cues["prefixes"])) for t in before)


def _proposal(token: Token) -> bool:
    """A noun that puts something forward (``topics.proposals``: "Friedensvorschlag")."""
    return token.capitalised and token.lemma.lower().endswith(
        tuple(lexicon().raw["topics"]["proposals"])
    )


def _finite_verb(token: Token) -> bool:
    """A sentence's first word that is a verb's form, not a noun's: "Trifft es die
    Falschen?" names no meeting ("Treffen"), "Anschläge auf Kiew" are attacks."""
    noun_or_verb = str(lemmatize(token.text, lang="de"))
    return token.lower != token.lemma and noun_or_verb[:1].islower()


def attributive_participle(sent: SentenceView, i: int) -> bool:
    """ "der geforderten Norm", "die getroffene Einigung", "drohender Stillstand": an
    inflected participle before its noun describes the noun (simplemma reads some as the
    verb's forms)."""
    after = sent.tokens[i + 1] if i + 1 < len(sent.tokens) else None
    return (
        after is not None
        and after.capitalised
        and bool(_PARTICIPLE.fullmatch(sent.tokens[i].lower))
    )


_PARTICIPLE = re.compile(r"(?:\w*ge\w+(?:t|en)|\w+end)(?:e|en|er|es|em)")


def _idiom(sent: SentenceView, clause: Clause, i: int, head: str) -> bool:
    """ "ins Gespräch bringen", "im Gespräch sein": the noun in an idiom names no event;
    with someone ("mit der Arbeitsagentur im Gespräch") it is talks again."""
    before = lexicon().raw["noun_idioms"].get(head.split(":")[-1], [])
    if i == 0 or sent.tokens[i - 1].lower not in before:
        return False
    return not any(sent.tokens[j].lower == "mit" for j in range(clause.first, clause.last))


def _in_a_name(sent: SentenceView, token: Token) -> bool:
    """ "Die Deutsche Umwelthilfe kritisiert", "laut Welthungerhilfe": a noun in an
    organisation's name names the organisation, not an event (review 85: 5 aid events of
    150 stream items). Not a compound the entities step made of a name and the noun
    ("Hamas-Angriff"), whose noun is the event, nor one that NER took whole for a name
    ("beim G7-Gipfel": review 113, the summit had been lost)."""
    return any(
        m.type == "ORG"
        and not m.derived
        and m.start <= token.start < m.end
        and not (m.text == token.text and "-" in m.text)
        for m in sent.mentions
    )


def _with_the_press(sent: SentenceView, i: int, head: str) -> bool:
    """ "im Gespräch mit der taz", "bei einem Gespräch mit Medienvertretern": an interview,
    no talks (``press_talks``)."""
    rules = lexicon().raw["press_talks"]
    tokens = sent.tokens
    if head.split(":")[-1] not in rules["nouns"]:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].lower != "mit":
        return False
    heads, names = tuple(rules["heads"]), frozenset(rules["names"])
    for word in tokens[i + 2 : i + 5]:
        if word.lower in names or word.lower.split("-")[0] in names:
            return True
        if word.capitalised:
            return word.lower.endswith(heads) or word.lemma.lower().endswith(heads)
        if not (word.lower in DETERMINERS or inflected_adjective(word)):
            return False
    return False


def _a_source(sent: SentenceView, i: int) -> bool:
    """ "laut Anklage", "der Anklage zufolge": a noun that says where a claim comes from
    names no event."""
    tokens = sent.tokens
    before = [t.lower for t in tokens[max(0, i - 2) : i]]
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return not SOURCE_PREPOSITIONS.isdisjoint(before) or after in SOURCE_POSTPOSITIONS


def _characterising(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "bezeichnete den Andrang als Angriff", "sieht darin einen Angriff": a noun that a
    verb of naming or judging gives to something else names no event of its own
    ("characterising" in ``event_cues.json``; review 82)."""
    rules = lexicon().raw["characterising"]
    tokens = sent.tokens
    verbs = set(rules["verbs"])
    if not sent.per_clause(
        "characterising",
        clause,
        lambda: any(
            verbs.intersection(lemma_keys(tokens, clause, j))
            for j in range(clause.first, clause.last)
        ),
    ):
        return False
    if any(tokens[j].lower in rules["anywhere"] for j in range(clause.first, i)):
        return True
    for k in range(i - 1, max(clause.first, i - 5) - 1, -1):
        word = tokens[k]
        if word.lower in rules["before"]:
            return True
        # "als Verletzung der Waffenruhe": a noun in the genitive of the name given is part
        # of that name, and its event none of the clause's
        genitive_head = word.capitalised and tokens[k + 1].lower in GENITIVE_ARTICLES
        if genitive_head and k + 1 < i:
            continue
        if word.capitalised or not (word.text[:1].isalpha() or word.text in _QUOTES):
            return False
    return False


_QUOTES = frozenset('"„“”‚‘’»«')


def _opposed(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "sich gegen (neue) Sanktionen aussprechen": a noun that something is against names
    no event of its own."""
    return _after_word(sent.tokens, clause, i, lexicon().words("opposing_prepositions"))


def _with_its_word(sent: SentenceView, clause: Clause, i: int, key: str) -> bool:
    """Whether a verb of ``verbs_with`` has one of its words in its own part of the clause:
    "macht Russland für den Angriff verantwortlich" accuses (review 245), "laufen Sturm
    gegen" criticises, "sich gegen X aussprechen" rejects (review 257)."""
    rule = lexicon().raw["verbs_with"].get(key)
    if not isinstance(rule, dict):
        return False
    part = conjunct(sent.tokens, clause, i)
    lower = [sent.tokens[j].lower for j in range(part.first, part.last)]
    words = set(lower)
    # "also": a second word the reading needs ("spricht sich gegen X aus" rejects), and
    # "unless" one between them turns it ("sprach sich für Strafen gegen Russland aus";
    # not "Trotz der Preise für Benzin spricht sich Reiche gegen ... aus"; review 257)
    also = [n for n, word in enumerate(lower) if word in rule.get("also", [])]
    own = [n for n, word in enumerate(lower) if word in rule["words"]]
    if also and own and set(lower[also[0] : own[0]]) & set(rule.get("unless", [])):
        return False
    return bool(own) and bool(words & set(rule.get("also", words)))


def _sense(sent: SentenceView, clause: Clause, i: int, key: str) -> list[str] | None:
    """Another reading of the verb, from a word in its clause or right after it: the
    (type, code) it has instead, an empty list for no event, None for the usual one. The
    topic's words count anywhere in the clause ("verurteilte ... und verhängte eine
    Geldstrafe"); whole words, its subject and its object in its own part of a clause that
    joins two verbs ("Merz will es wissen und trifft Macron" meets, review 51)."""
    tokens = sent.tokens
    part = conjunct(tokens, clause, i)
    following = tokens[i + 1].lower if i + 1 < clause.last else ""
    lemmas = sent.per_clause(
        "lemmas", clause, lambda: {tokens[j].lemma for j in range(clause.first, clause.last)}
    )
    words = sent.per_clause(
        "words", clause, lambda: {tokens[j].lower for j in range(clause.first, clause.last)}
    )
    own = {tokens[j].lower for j in range(part.first, part.last)}
    own |= {tokens[j].lemma.lower() for j in range(part.first, part.last)}
    before = [*range(prefield(tokens, clause).last), *range(part.first, i)]
    for number, sense in enumerate(lexicon().raw["senses"].get(key, [])):
        if not words.isdisjoint(sense.get("unless", [])):
            continue  # "droht mit der Todesstrafe" threatens, whatever else the clause says
        if (
            following in sense.get("next", [])
            or sent.per_clause(
                f"sense {key} {number}",
                clause,
                partial(_any_ends_in_word, lemmas, sense.get("words", [])),
            )
            or _free_noun(sent, clause, before, sense.get("subject", []))
            or _free_noun(sent, part, range(part.first, part.last), sense.get("object", []))
            or not own.isdisjoint(sense.get("exact", []))
            or _beside(tokens, part, i, sense.get("beside", []))
            or _after_phrase(tokens, part, sense.get("after", {}))
            or _score_after(tokens, part, sense.get("score_after", []))
            or ("passive_unless" in sense and _bare_passive(sent, clause, i, sense))
            or (sense.get("zu_infinitive") and _zu_infinitive_after(tokens, part, i))
        ):
            return list(sense["trigger"] or [])
    return None


def _zu_infinitive_after(tokens: list[Token], part: Clause, i: int) -> bool:
    """Whether a zu-infinitive follows the verb in its own part of the clause, no comma
    between: "Die EU droht sich von der Wissenschaft zu entfernen", "drohte weiter zu
    eskalieren" (review 115), not "droht, die Zölle zu erhöhen", whose comma opens a clause."""
    return any(
        (tokens[j].lower == "zu" and j + 1 < part.last and _infinitive(tokens[j + 1]))
        or zu_infinitive(tokens[j].lower)
        for j in range(i + 1, part.last)
    )


def _infinitive(token: Token) -> bool:
    """ "entfernen", "gehen": not "bis zu fünf Jahre"."""
    return token.text.isalpha() and not token.capitalised and token.lower.endswith("n")


def _shown_or_backed(sent: SentenceView, clause: Clause, i: int, key: str) -> bool:
    """Whether the verb's object is a stance or a quality ("abstract_objects" in
    ``event_cues.json``: "unterstützt die Forderung", "demonstriert Geschlossenheit")."""
    objects = lexicon().raw["abstract_objects"].get(key.replace("|", ""))
    if not objects:
        return False
    part = conjunct(sent.tokens, clause, i)
    return any(
        sent.tokens[j].capitalised
        and _ends_in_word(sent.tokens[j].lemma, list(objects))
        and not _after_preposition(sent.tokens, part, j)
        for j in range(part.first, part.last)
        if j != i
    )


def _beside(tokens: list[Token], clause: Clause, i: int, words: list[str]) -> bool:
    """Whether one of the words stands right before or after the verb or the first finite
    verb of its part of the clause, or opens it ("Nun trifft es auch BMW", "es trifft",
    "hat es stark getroffen", "weil es die USA trifft"), not anywhere ("traf ... mit Macron
    zusammen und es ging um", review 54)."""
    finite = prefield(tokens, clause).last
    near = {i - 1, i + 1, finite - 1, finite + 1, clause.first}
    if tokens[clause.first].lower in lexicon().words("complementisers"):
        near.add(clause.first + 1)  # "weil es vor allem die USA trifft" (review 55)
    return bool(words) and any(
        clause.first <= j < clause.last and tokens[j].lower in words for j in near
    )


def _after_phrase(tokens: list[Token], part: Clause, after: dict[str, list[str]]) -> bool:
    """Whether a noun of the part follows its preposition ("traf mit einem Kopfball")."""
    return any(
        tokens[j].capitalised
        and _ends_in_word(tokens[j].lemma, nouns)
        and _after_word(tokens, part, j, (preposition,))
        for preposition, nouns in after.items()
        for j in range(part.first, part.last)
    )


def _score_after(tokens: list[Token], part: Clause, words: list[str]) -> bool:
    """Whether a score follows one of the words ("traf zum 1:0", "zur 2:0-Führung")."""
    return any(
        tokens[j - 1].lower in words
        and tokens[j].text.isdigit()
        and tokens[j + 1].text == ":"
        and tokens[j + 2].text[:1].isdigit()
        # a score's colon ends the clause: its second number lies beyond
        for j in range(part.first + 1, min(part.last, len(tokens) - 2))
    )


def _free_noun(sent: SentenceView, clause: Clause, at: Iterable[int], words: list[str]) -> bool:
    """Whether a noun at one of the positions ``at`` is one of the words or a compound of
    one, in no prepositional phrase and no other noun's genitive: before the verb its
    subject ("Die Zölle treffen die Industrie", "dass die Dürre die Bauern trifft"), else
    its object ("trifft eine Raffinerie"); not "Nach dem Angriff traf Merz Macron", "traf
    Macron in einem Kraftwerk" or "Die Opfer der Dürre trafen den Minister" (review 51)."""
    tokens = sent.tokens
    return bool(words) and any(
        tokens[j].capitalised
        and _ends_in_word(tokens[j].lemma, words)
        and not _after_preposition(tokens, clause, j)
        and not _genitive_attribute(tokens, clause, j)
        for j in at
        if clause.first <= j < clause.last
    )


def _after_preposition(tokens: list[Token], clause: Clause, j: int) -> bool:
    return _after_word(tokens, clause, j, any_preposition())


def _after_word(tokens: list[Token], clause: Clause, j: int, words: Collection[str]) -> bool:
    """Whether the noun at ``j`` follows one of the words (a preposition), past its article
    and adjectives: up to three small words back, and no capitalised word or sign between."""
    for k in range(j - 1, max(clause.first, j - 4) - 1, -1):
        word = tokens[k]
        if word.lower in words:
            return True
        if word.capitalised or not word.text[:1].isalpha():
            return False
    return False


def _genitive_attribute(tokens: list[Token], clause: Clause, j: int) -> bool:
    """Whether the noun at ``j`` follows another noun and a genitive article ("die Opfer
    der Dürre", "die Beschäftigten des Kraftwerks"), past its adjectives."""
    k = j - 1
    while k > clause.first and tokens[k].lower not in DETERMINERS:
        if not inflected_adjective(tokens[k]):
            return False
        k -= 1
    genitive = k > clause.first and tokens[k].lower in GENITIVE_ARTICLES
    return genitive and tokens[k - 1].capitalised and tokens[k - 1].text.isalpha()


def _ends_in_word(lemma: str, words: list[str]) -> bool:
    """Whether the lemma is one of the words or a compound of one ("Haftstrafe",
    "Untersuchungshaft"), not a longer word that only ends in it ("Bürgerschaft")."""
    # simplemma keeps some lemmas in the old spelling: "Schuss" is "schuß"
    lower = lemma.lower().replace("ß", "ss")
    return any(
        lower.endswith(spelt) and compound_of(lower, spelt)
        for spelt in (word.replace("ß", "ss") for word in words)
    )


def _any_ends_in_word(lemmas: Iterable[str], words: list[str]) -> bool:
    return any(_ends_in_word(lemma, words) for lemma in lemmas)


def _bare_passive(sent: SentenceView, clause: Clause, i: int, sense: dict[str, Any]) -> bool:
    """ "Ein Kindergarten wurde getroffen": a participle with a form of "werden" and none
    of the sense's words ("sich", "mit") that would make it a meeting."""
    words = {sent.tokens[j].lower for j in range(clause.first, clause.last)}
    passive = not passive_auxiliaries().isdisjoint(words) or _headline_passive(sent, clause, i)
    return passive and participle(sent.tokens[i]) and not words & set(sense["passive_unless"])


def _headline_passive(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "US-Botschaft in Bagdad getroffen - Tote im Libanon": a headline's participle with
    no auxiliary, first in its sentence or after a colon and ending its clause or a
    headline's part, is a passive (review 90: the embassy had met someone)."""
    tokens = sent.tokens[clause.first : clause.last]
    if clause.opener not in {"", ":"} or any(t.lower in auxiliaries() for t in tokens):
        return False
    rest = sent.tokens[i + 1 : clause.last]
    end = next((k for k, t in enumerate(rest) if t.text in {"-", "–", "—"}), len(rest))
    return all(not t.text[:1].isalnum() for t in rest[:end])


def _arms_or(sent: SentenceView, clause: Clause, i: int, key: str, noun: bool) -> Trigger:
    """The trigger for ``key``, or an arms trigger where weapons are what is dealt in."""
    raw = lexicon().raw
    arms = raw["arms"]
    if noun:
        _, form, head = key.split(":")
        kind, code = raw["nouns"][head]
        modifier = form[: -len(head)] if form != head else ""
        dealt = (
            _has_arms(modifier)
            or _elided_arms(sent.tokens, i)
            or _arms_nearby(sent.tokens, i + 1, min(i + 4, clause.last))
        )
        if head in arms["heads"] and dealt:
            kind, code = arms["trigger"]
        return Trigger(kind, code, i, True)
    kind, code = raw["verbs"][key]
    if key in arms["object_verbs"] and _arms_nearby(sent.tokens, clause.first, clause.last):
        kind, code = arms["trigger"]
    return Trigger(kind, code, i, False)


def _has_arms(modifier: str) -> bool:
    arms = lexicon().raw["arms"]
    return not _ceasefire(modifier) and any(m in modifier for m in arms["modifiers"])


def _ceasefire(word: str) -> bool:
    """ "Waffenruhe", "Waffenstillstandsabkommen": weapons laid down, not dealt in."""
    return word.startswith(tuple(lexicon().raw["arms"]["not_weapons"]))


def _elided_arms(tokens: list[Token], i: int) -> bool:
    """ "Waffen- und Munitionsabkommen": the first conjunct ends in a hyphen."""
    return any(
        tokens[j].text.endswith("-") and _has_arms(tokens[j].lower) for j in range(max(0, i - 3), i)
    )


def _arms_nearby(tokens: list[Token], first: int, last: int) -> bool:
    objects = lexicon().raw["arms"]["objects"]
    # "Raketen, Böller und Feuerwerksbatterien geliefert": fireworks, not weapons
    # (``fireworks``; review 163: the delivery had been arms)
    fireworks = tuple(lexicon().raw["arms"]["fireworks"])
    if any(
        fireworks_word in tokens[j].lower
        for j in range(first, last)
        for fireworks_word in fireworks
    ):
        return False
    return any(
        any(tokens[j].lemma.endswith(o) or tokens[j].lower.startswith(o) for o in objects)
        for j in range(first, last)
        if tokens[j].capitalised and not _ceasefire(tokens[j].lower)
    )
