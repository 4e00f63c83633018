"""The word tables of attribution and the small word tests over them: the cue words and
their kinds (``data/attribution_cues.json``), the word classes of source phrases
(``data/attribution_sources.json``), the limits of the windows it searches, and tests of
one word (its lemma, a cue verb's lemma, a participle, an infinitive with "zu", a source
that names no one). Apart because every step of attribution reads them, and the events
and the stories read some of them too."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.lemmas import lemmatize
from chronik.analysis.roles import role_lexicon

MAX_NP = 12  # tokens in a source noun phrase
WINDOW = 40  # tokens searched around a cue for its agent or required word


def _load(name: str) -> dict[str, Any]:
    data = resources.files("chronik.analysis.data").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


CUES = _load("attribution_cues.json")
_WORDS = _load("attribution_sources.json")
VERBS: dict[str, str] = CUES["verbs"]
# review 263: a value may be a list, any of whose words or words in a row will do
REQUIRES: dict[str, tuple[str, ...]] = {
    k: (v,) if isinstance(v, str) else tuple(v)
    for k, v in CUES["requires"].items()
    if not k.startswith("_doc")
}
REQUIRES_AFTER: dict[str, str] = {
    k: v for k, v in CUES["requires_after"].items() if not k.startswith("_doc")
}
# review 263: cues that count only in a clause one of these words opens ("wie X erfuhr")
OPENED_BY: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in CUES["opened_by"].items() if not k.startswith("_doc")
}
# review 270: or where its clause names informants ("erfuhr X aus Regierungskreisen")
INFORMED_FROM = frozenset(CUES["informed_from"]["prepositions"])
INFORMANTS = tuple(CUES["informed_from"]["endings"])
# review 153: cues that need a clause of what was said after them ("Er droht, es werde")
REQUIRES_CLAUSE = frozenset(CUES["requires_clause"]["verbs"])
KONJUNKTIV_II = frozenset(CUES["requires_clause"]["konjunktiv_ii"])
# review 157: of those, the ones a zu-infinitive may follow ("Er droht, ... auszusetzen")
ZU_CLAUSE = frozenset(CUES["requires_clause"]["zu_infinitive"])
# review 283: of those, the ones that may close a sentence after it ("..., finden X.")
CLOSING_CLAUSE = frozenset(CUES["requires_clause"]["closing"])
# review 169: words said that come from someone ("Aus der SPD kommt Kritik: ...")
COMING_NOUNS = frozenset(CUES["coming_from"]["nouns"])
# review 169: cues that declare something to be something ("zur Sperrzone erklärt")
DECLARING = frozenset(CUES["declaring"]["verbs"])
# review 217: cues that need words in quotation marks beside them ("nannte es "richtig"")
QUOTED_PREDICATE = frozenset(CUES["quoted_predicate"]["verbs"])
# review 217: verbs of a relative clause that names a document's owner ("den X vorlegte")
PUBLISHING = frozenset(CUES["published_by"]["verbs"])
# review 169: cues whose subject is a study or data of its source ("zeigen Daten des Amtes")
STUDY_VERBS = frozenset(CUES["study_subject"]["verbs"])
STUDY_NOUNS = tuple(CUES["study_subject"]["nouns"])
# review 169: a verb and the infinitive that makes a cue of it ("ließ wissen")
WITH_INFINITIVE: dict[str, dict[str, str]] = {
    k: v for k, v in CUES["with_infinitive"].items() if k != "_doc"
}
# review 263: cues that need what was said right after their clause ("ausrichten lassen")
SAID_AFTER = frozenset(CUES["said_after"]["verbs"])
_LEMMAS: dict[str, str] = {k: v for k, v in CUES["lemmas"].items() if k != "_doc"}
EXCLUDES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in CUES["excludes"].items() if k != "_doc"
}
# review 149: words that end a cue only in its own clause ("an der Grenze zurückgewiesen")
EXCLUDES_IN_CLAUSE: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in CUES["excludes_in_clause"].items() if k != "_doc"
}
PARTICLES: list[str] = CUES["particles"]
MODALS = frozenset(CUES["modals"]["words"])
OTHER_COMPOUNDS: dict[str, list[str]] = {
    k: v for k, v in CUES["other_compounds"].items() if k != "_doc"
}
NOMINAL: dict[str, str] = CUES["nominal"]["nouns"]
FROM_VIEW: dict[str, str] = CUES["from_view"]["nouns"]
HEADLINE: dict[str, str] = {k: v for k, v in CUES["headline_nouns"].items() if k != "_doc"}
# "laut X", "X zufolge": the words that name a claim's source around it (events read them too).
SOURCE_PREPOSITIONS = frozenset(CUES["prepositions"])
SOURCE_POSTPOSITIONS = frozenset(CUES["postpositions"])
KONJUNKTIV = frozenset(CUES["konjunktiv"])
NOT_KONJUNKTIV = frozenset(CUES["konjunktiv_stoplist"])
CONTINUING_NOUNS = frozenset(CUES["continuing_nouns"]["nouns"])
DETERMINERS = frozenset(_WORDS["determiners"])
OBLIQUE = frozenset(_WORDS["oblique"]["words"])
PRONOUNS: dict[str, str] = _WORDS["pronouns"]
ANAPHORIC = frozenset(_WORDS["anaphoric"]["words"])
_UNNAMED = frozenset(_WORDS["unnamed"]["words"])
PLACE_NOUNS = frozenset(_WORDS["place_nouns"]["words"])
LATIN_GENITIVES = frozenset(_WORDS["latin_genitives"]["words"])
GROUP_REFERENCES = frozenset(_WORDS["group_references"]["words"])
PARTY_MEMBERS = frozenset(_WORDS["party_members"]["words"])
# review 270: a party's name before a hyphen or in brackets -> the parties it may mean
PARTIES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _WORDS["parties"]["names"].items()
}
ORGANISATION_NOUNS = frozenset(_WORDS["organisation_references"]["words"])
DOCUMENTS = tuple(_WORDS["documents"]["words"])
AGENCIES = frozenset(_WORDS["organisation_references"]["agencies"])
COUNTRY_NOUNS = frozenset(_WORDS["country_references"]["words"])
RESOLVABLE = frozenset(_WORDS["resolvable_pronouns"])
# "ihm zufolge": a dative pronoun and the pronoun it is resolved as.
DATIVE_PRONOUNS: dict[str, str] = {
    k: v for k, v in _WORDS["dative_pronouns"].items() if k != "_doc"
}
# The articles of a subject a resolvable pronoun can continue: "der Minister" is "er".
PRONOUN_ARTICLES: dict[str, frozenset[str]] = {
    pronoun: frozenset(articles) for pronoun, articles in _WORDS["pronoun_articles"].items()
}
POSSESSIVES = frozenset(_WORDS["possessives"])
REPRESENTATIVES = frozenset(_WORDS["possessive_representatives"]["words"])
# an office -> the offices that name its holder too ("Staatschef" and "Präsident", review 266)
OFFICE_SYNONYMS: dict[str, frozenset[str]] = {
    office: frozenset(group) for group in _WORDS["office_synonyms"]["groups"] for office in group
}
PREPOSITIONS = frozenset(_WORDS["prepositions"])
CONJUNCTIONS = frozenset(_WORDS["conjunctions"])
EXPLETIVES = frozenset(_WORDS["expletives"])
FOCUS = frozenset(_WORDS["focus_particles"])
TIME_AFTER = frozenset(_WORDS["time_after"]["words"])
# Determiners no subject opens; not "dieses", "jenes": "Dieses Ministerium erklärte".
NO_SUBJECT = OBLIQUE - {"dieses", "jenes"}
SUBORDINATORS = frozenset(_WORDS["subordinators"])
RELATIVES = frozenset(_WORDS["relatives"])
AUXILIARIES = frozenset(_WORDS["auxiliaries"])
EMPTY_CLAIM = frozenset(_WORDS["empty_claim"])
# review 283: cues whose prepositional phrases only say on what ("sich zum Motiv äußern")
TOPIC_ONLY_CUES = frozenset(_WORDS["topic_only_cues"])
PASSIVE = frozenset(_WORDS["passive"])
AGENT = frozenset(_WORDS["agent_prepositions"])
GENERIC = frozenset(_WORDS["generic_heads"])
GENITIVE = frozenset(_WORDS["attachments"]["genitive"])
OF = frozenset(_WORDS["attachments"]["of"])
DATIVE = frozenset({"dem", "der", "den"})
PLACE = frozenset(_WORDS["attachments"]["place"])
QUANTITIES = frozenset(_WORDS["quantities"])
LOWER_CASE_NAMES = frozenset(_WORDS["lower_case_names"])
INDEFINITE_SUBJECTS = frozenset(_WORDS["indefinite_subjects"])
QUANTIFIERS = frozenset(_WORDS["groups"]["quantifiers"])
GROUPS: dict[str, str] = {k: v for k, v in _WORDS["groups"]["nouns"].items() if k != "_doc"}
ADDRESSEES = frozenset(_WORDS["attachments"]["addressees"])
NON_AGENT_ENDINGS = tuple(_WORDS["non_agents"]["endings"])
NON_AGENT_WORDS = frozenset(_WORDS["non_agents"]["words"])
SPEAKER_ENDINGS = tuple(_WORDS["colon_speakers"]["endings"])
MEDIA_ENDINGS = tuple(_WORDS["media"]["endings"])
# A demonstrative standing for a person, as "er" does ("Der kündigt ... an", "Dieser
# hatte ... vorgeschlagen": review 146); "die" and "diese" may as well be plural, so they
# are left alone.
DEMONSTRATIVES = {"der": "er", "dieser": "er"}
# A finite verb right after these has the subject of the verb before it: "Der Rat tagte
# und lobt den Plan".
VERB_COORDINATORS = frozenset({"und", "oder", "sondern", "aber"})
LIST_ENDS = frozenset({"und", "sowie"})
# Personal pronouns in the nominative alone ("sie", "es", "ihr" may be objects too).
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir", "du"})
# Words that open a plural noun phrase and only a plural one ("mehrere Beobachter",
# "weitere Veränderungen"); with "die", what opens a plural group of people.
PLURAL_QUANTIFIERS = frozenset(
    {
        "alle", "andere", "beide", "beiden", "einige", "manche", "mehrere", "verschiedene",
        "viele", "weitere", "zahlreiche",
    }
)  # fmt: skip
PLURAL_DETERMINERS = PLURAL_QUANTIFIERS | {"die"}
QUOTE_MARKS = frozenset("\"„“”»«‚‘’'")


def _separable() -> dict[str, list[tuple[str, str]]]:
    """A separable verb's base (deuten) -> [(particle, cue lemma)], from the cue list."""
    bases: dict[str, list[tuple[str, str]]] = {}
    for lemma in VERBS:
        particle = next((p for p in PARTICLES if lemma.startswith(p)), None)
        if particle and len(lemma) > len(particle) + 3:
            bases.setdefault(lemma[len(particle) :], []).append((particle, lemma))
    return bases


SEPARABLE = _separable()


def unresolved_source(source: str) -> bool:
    """A source that is a pronoun alone ("Sie", "ich"), points back ("den Angaben") or is a
    report of no one's ("Berichten zufolge"): who it is, this analysis did not find, so it
    names no one."""
    said = source.strip().lower()
    return said in PRONOUNS or said in ANAPHORIC or said in _UNNAMED or said in GROUP_REFERENCES


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    lemma: str = _LEMMAS.get(word) or lemmatize(word, lang="de")
    return lemma


@lru_cache(maxsize=100_000)
def verb_lemma(lower: str) -> str:
    lemma = lemma_of(lower)
    if lemma in VERBS or lemma in SEPARABLE:
        return lemma
    for particle in PARTICLES:  # "angedeutet": simplemma does not know every participle
        if lower.startswith(particle + "ge") and len(lower) > len(particle) + 4:
            return particle + lemma_of(lower[len(particle) + 2 :])
    return lemma


def participle(lower: str) -> bool:
    return lower.startswith("ge") or any(lower.startswith(p + "ge") for p in PARTICLES)


def inflected_participle(lower: str) -> bool:
    """A participle with an adjective's ending: "angekündigte", "gemeldeten"."""
    return participle(lower) and any(
        lower.endswith(ending) and lower[: -len(ending)].endswith(("t", "en"))
        for ending in ADJECTIVE_ENDINGS
    )


@lru_cache(maxsize=100_000)
def zu_infinitive(lower: str) -> bool:
    """An infinitive with zu ("anzukündigen"), which has no subject."""
    return any(lower.startswith(p + "zu") for p in PARTICLES if len(lower) > len(p) + 4)


def document_noun(word: str) -> bool:
    """ "Papier", "Eckpunktepapier", "Absage-Mail": a document's noun, alone or as a
    compound's last part (``documents`` in the sources file)."""
    return word[:1].isupper() and word.lower().endswith(DOCUMENTS)


def speaker_noun(word: str) -> bool:
    """ "Hausärztin", "Versicherungsmakler", "Kulturministerin", "Polizei": a noun for a
    person or an institution, by its ending or the role it ends in (not "Wetter")."""
    lower = word.rsplit("-", 1)[-1].lower()
    return lower.endswith(SPEAKER_ENDINGS) or lower.endswith(_role_endings())


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    """The role nouns of the entities' lexicon, as one tuple for ``str.endswith``."""
    return tuple(role_lexicon().roles)
