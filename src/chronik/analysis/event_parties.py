"""Which names of a sentence can be a party of its event: not a name that only describes
another noun (its owner, its topic, its town, its case), a place measured from, a
continent on countries, a person's party in brackets, nor one too far from the trigger."""

from __future__ import annotations

from functools import cache

from chronik.analysis.event_actors import (
    Names,
    authored_from,
    clean_name,
    is_country_mention,
    subject_span,
)
from chronik.analysis.event_grammar import (
    PREPOSED,
    TIME_PREPOSITIONS,
    any_preposition,
    auxiliaries,
    end_called_for,
    event_noun_type,
    is_event_noun,
    opens_another_phrase,
    passive_auxiliaries,
)
from chronik.analysis.event_sentence import (
    DETERMINERS,
    SentenceView,
    Token,
    Trigger,
    finite_verb,
    inflected_adjective,
    lexicon,
    seam,
    tokenize,
)
from chronik.analysis.gazetteer import fold
from chronik.analysis.roles import role_lexicon
from chronik.model import Article, Mention

# Who can act: a person, an organisation or a place's government, or a derived adjective
# ("russische").
_ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "GPE"})
# Tokens between a party's name and its trigger at most, but for a subject that an
# auxiliary carries (``_carried_subject``).
_MAX_ACTOR_DISTANCE = 20
# Tokens between a subject's name and its auxiliary at most ("Trump und Putin wollen": 2).
_SUBJECT_GAP = 2
# "vom russischen Präsidenten Putin": the agent preposition within three words of the name.
_AGENT_LOOKBACK = 3
AGENT_PREPOSITIONS = frozenset({"von", "vom"})


def can_act(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """Whether the mention can be a party of the trigger's event: a name of a type that
    acts, near the trigger or the subject its auxiliary carries, that names no other
    noun's owner, topic, case or place."""
    if mention.type not in _ACTOR_TYPES and not mention.derived:
        return False
    if (mention.derived and apposed(sent, mention)) or sent.inside_word(mention):
        return False
    if _across_a_seam(sent, mention):
        return False
    token = sent.tokens[trigger.index]
    if token.start <= mention.start < token.end or _agent_of_other(sent, mention, trigger):
        return False
    if _owner_of_a_place(sent, mention) or _owner_of_a_person(sent, mention):
        return False
    if _excepted(sent, mention) or _names_another_event(mention) or _names_a_case(sent, mention):
        return False
    if _stood_by(sent, mention):
        return False
    if _addressee(sent, mention) or _caller_of_an_end(sent, mention, trigger):
        return False
    if _landmark(sent, mention) or _continent_on_countries(sent, mention):
        return False
    if _route_start(sent, mention):
        return False
    if _adjective_on_an_election(sent, mention, trigger) or _partisan(mention):
        return False
    if _about_another_noun(sent, mention, trigger) or _affiliation(sent, mention):
        return False
    if _what_it_is_about(sent, mention, trigger):
        return False
    if _owned_by_another_noun(sent, mention, trigger) or _compound_on_a_thing(
        sent, mention, trigger
    ):
        return False
    at = sent.token_index(mention.start)
    near = abs(at - trigger.index) <= _MAX_ACTOR_DISTANCE
    return near or _carried_subject(sent, mention, trigger)


def _across_a_seam(sent: SentenceView, mention: Mention) -> bool:
    """ "Israel greift Ziele in Beirut anVotum ...": a name the NER ran on from the last
    word of a headline into its lead's first is no party; its words are two sentences'
    (review 205: "anVotum" had been the attack's target, "anKatz" its agent and target)."""
    at = sent.token_index(mention.start)
    tokens = sent.tokens
    return at + 1 < len(tokens) and tokens[at + 1].start < mention.end and seam(tokens, at + 1)


def apposed(sent: SentenceView, mention: Mention) -> bool:
    """ "der russische Präsident Wladimir Putin": the adjective describes the name after it.
    Not past an article after a noun, which opens another phrase: in "greift die israelische
    Armee die Terrormiliz Hisbollah an" the army is the subject and Hisbollah its object
    (review 195: Israel was lost and Hisbollah the attacker); a genitive's stays ("der
    russische Chef der Wagner-Gruppe"). Nor past a verb: in "Die US-Regierung macht die
    Terrormiliz IS verantwortlich" the government is the subject (review 249), though an
    auxiliary may stand inside the description ("Als erstes deutsches Staatsoberhaupt hat
    Bundespräsident Steinmeier")."""
    after = sent.token_index(mention.end)
    return any(
        m.type in {"PER", "ORG"}
        and not m.derived
        and after <= (at := sent.token_index(m.start)) <= after + 3
        and not any(
            opens_another_phrase(sent.tokens, k) or _full_verb(sent.tokens[k])
            for k in range(after, at)
        )
        for m in sent.mentions
    )


def _full_verb(token: Token) -> bool:
    """A finite verb that is no auxiliary: "Als erstes deutsches Staatsoberhaupt hat
    Bundespräsident X" still describes X."""
    return finite_verb(token) and token.lower not in auxiliaries()


def after_other_between(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """Parties of another noun ("die Nähe zwischen X und Y") are not this event's; those
    of a noun of the trigger's own type are ("Die Vereinbarung zwischen den USA und Iran
    ist unterzeichnet": the verb tells the noun's event; review 100). So is the other side
    after "mit" of another type's noun ("in den Verhandlungen mit den USA"; review 107)."""
    at = sent.token_index(mention.start)
    for j in range(max(0, at - 4), at):
        if sent.tokens[j].lower == "zwischen" and j != trigger.index + 1:
            return j == 0 or event_noun_type(sent.tokens[j - 1]) != trigger.type
        # "ging es bei diesen Treffen um einen Vorschlag in den Verhandlungen mit den USA":
        # the other side of another event's noun after the trigger is that noun's, the
        # nearer (review 107)
        if sent.tokens[j].lower == "mit" and j > trigger.index + 1:
            other = event_noun_type(sent.tokens[j - 1])
            return other is not None and other != trigger.type
        if sent.tokens[j].lower == "gegen" and _of_an_opposed_noun(sent, j):
            return True
    return False


def _of_an_opposed_noun(sent: SentenceView, j: int) -> bool:
    """Whether the "gegen" at ``j`` is the phrase of an event noun that something is
    against: in "sprach sich gegen neue Sanktionen gegen Tarvo aus" Tarvo is who the
    sanctions are against, not the rejection's target (review 259). The noun, opposed,
    tells no event of its own that would take the name; a threat "mit Angriffen gegen
    Tarvo" keeps its target."""
    if j == 0 or event_noun_type(sent.tokens[j - 1]) is None:
        return False
    opposing = lexicon().words("opposing_prepositions")
    for k in range(j - 2, max(0, j - 5), -1):
        word = sent.tokens[k]
        if word.lower in opposing:
            return True
        if word.capitalised or not word.text[:1].isalpha():
            return False
    return False


def town_of_the_noun(
    sent: SentenceView, article: Article, mention: Mention, trigger: Trigger
) -> bool:
    """A town's adjective right before a noun names the thing, not a party: "Pariser
    Klimaabkommen", "Minsker Abkommen", "Genfer Gipfel" (review 60: Paris had agreed),
    and so it does before another noun ("beim Gipfel der Shanghaier Organisation für
    Zusammenarbeit": Shanghai had met; review 80). Not a country's ("Schweizer
    Angriffe")."""
    town = mention.derived and mention.text.endswith("er") and mention.text[:1].isupper()
    if not town or is_country_mention(mention, article):
        return False
    after = sent.token_index(mention.start) + 1
    return (trigger.noun and after == trigger.index) or _a_thing(sent, after)


def _a_thing(sent: SentenceView, at: int) -> bool:
    """Whether the word at ``at`` is a common noun that names no office: "der Kölner
    Bürgermeister" may stand for the town where the mayor goes unnamed."""
    if at >= len(sent.tokens) or not sent.tokens[at].capitalised:
        return False
    word = sent.tokens[at]
    if any(m.start <= word.start < m.end for m in sent.mentions):
        return False  # a name's part: "Frankfurter Allgemeine"
    return not word.lower.endswith(tuple(role_lexicon().roles))


def _names_a_case(sent: SentenceView, mention: Mention) -> bool:
    """ "im Fall Fabian", "der Fall Epstein": a name right after ``case_nouns`` names a
    case, often by its victim, not a party (review 92: the murdered boy had been the one
    arrested)."""
    at = sent.token_index(mention.start)
    before = sent.tokens[at - 1] if at > 0 else None
    return before is not None and before.text in lexicon().words("case_nouns")


def _stood_by(sent: SentenceView, mention: Mention) -> bool:
    """ "in Solidarität mit Iran": a name after "mit" right after ``solidarity_nouns`` is
    whom a party stands by, no party (review 214: Iran had been a target)."""
    at = sent.token_index(mention.start)
    while at > 0 and sent.tokens[at - 1].lower in DETERMINERS:  # "mit dem Iran"
        at -= 1
    nouns = lexicon().words("solidarity_nouns")
    return at > 1 and sent.tokens[at - 1].lower == "mit" and sent.tokens[at - 2].lower in nouns


def _route_start(sent: SentenceView, mention: Mention) -> bool:
    """ "zog die Kundgebung vom Brandenburger Tor zur CDU-Zentrale": a place after "von"
    or "vom" that a "zu", "nach" or "bis" after it leads on from is where a way starts,
    no party (review 166: the gate had acted in the protest; ``routes``). Not a country,
    which may be who sends ("Lieferungen von Nordland nach Tarvo")."""
    if mention.type != "LOC" or mention.derived:
        return False
    if clean_name(mention.text).lower() in lexicon().actors["countries"]:
        return False
    routes = lexicon().raw["routes"]
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    while at > 0 and tokens[at - 1].lower in DETERMINERS:  # "von der Siegessäule"
        at -= 1
    if at == 0 or tokens[at - 1].lower not in routes["from"]:
        return False
    after = sent.token_index(mention.end)
    return any(t.lower in routes["to"] for t in tokens[after : after + 2])


def _landmark(sent: SentenceView, mention: Mention) -> bool:
    """ "südlich der Hauptstadt Teheran", "nördlich von Kiew", "nahe Kiew", and a town
    after "bei": a place that a word of ``bearings`` measures from says where something
    lies, not who acts (review
    92: Teheran had been the target of an attack on a site 250 kilometres away); nor does
    the name of a strait or gulf after its "von" ("die Straße von Hormus": von_place_nouns;
    review 113: Hormus had attacked a tanker)."""
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    bearings = lexicon().words("bearings")
    if mention.type == "LOC" and not mention.derived:
        # "bei Kaiserslautern" (``near_places``; review 281)
        bearings = bearings | lexicon().words("near_places.words")
    straits = lexicon().words("von_place_nouns")
    for j in range(at - 1, max(0, at - 4) - 1, -1):
        if tokens[j].lower in bearings:
            return True
        if tokens[j].lower == "von" and j > 0 and tokens[j - 1].lower in straits:
            return True
        if not (
            tokens[j].lower in DETERMINERS or tokens[j].lower == "von" or _place_class(tokens[j])
        ):
            return False
    return False


def _continent_on_countries(sent: SentenceView, mention: Mention) -> bool:
    """ "Das afrikanische Land", "europäische Staaten": a continent's adjective on a noun
    of countries names countries it does not name, not the continent (review 92: Afrika
    had been offered help; review 90 met "europäische Länder")."""
    table = lexicon().raw["continent_adjectives"]
    after = sent.token_index(mention.end)
    if not mention.derived or after >= len(sent.tokens):
        return False
    adjective = mention.text.lower().startswith(tuple(table["adjectives"]))
    return adjective and sent.tokens[after].lower in table["nouns"]


def _place_class(token: Token) -> bool:
    """ "Hauptstadt", "Stadt", "Region": a noun of ``place_class_nouns``, or a compound on
    one ("nahe der Pilgerstadt Ghom"; review 278: Ghom had been the attacked)."""
    return token.capitalised and token.lower.endswith(_place_classes())


@cache
def _place_classes() -> tuple[str, ...]:
    return tuple(lexicon().words("place_class_nouns"))


def _partisan(mention: Mention) -> bool:
    """ "einer pro-iranischen Gruppe", "pro-russische Separatisten": who sides with a
    country is not that country (review 90: Iran had attacked its own fighters)."""
    return mention.derived and mention.text.lower().startswith(("pro-", "anti-"))


def _adjective_on_an_election(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "bei den bayerischen Kommunalwahlen": a country's or state's adjective on an
    election says where it is held, not who is elected (review 90: Bayern had been)."""
    after = sent.token_index(mention.end)
    return mention.derived and trigger.type == "elect" and after == trigger.index


def _affiliation(sent: SentenceView, mention: Mention) -> bool:
    """A party in brackets after a person's name is the person's, not a party of the
    event: "Bundeskanzler Merz (CDU) hat ... kritisiert" (review 80: the CDU had
    criticised, and with Merz the source, in his stead)."""
    at = sent.token_index(mention.start)
    last = sent.token_index(mention.end - 1)
    tokens = sent.tokens
    if at < 2 or last + 1 >= len(tokens) or tokens[at - 1].text != "(":
        return False
    if tokens[last + 1].text != ")":
        return False
    before = tokens[at - 2]
    return any(m.type == "PER" and m.start <= before.start < m.end for m in sent.mentions)


# What a noun is about: "die Affäre um Epstein", "die Kontrolle über Donezk".
_ABOUT = frozenset({"um", "über"})


_ABOUT_LOOKBACK = 4  # "um den Sexualstraftäter Jeffrey Epstein": article and role between


def _about_another_noun(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name in what another noun is about is that noun's topic, not a party: "kritisierte
    seinen Umgang mit der Affäre um Epstein", "verlangt Kontrolle über Donezk" (review 80:
    Epstein was criticised, Donezk asked). Not the event's own topic ("Gespräche über die
    Ukraine"), nor after a verb ("verhandeln über"), nor the noun trigger's own adjective
    or genitive where its event is what the noun is about ("Bericht über israelischen
    Drohnenangriff"; review 278: Israel had been lost)."""
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    if trigger.noun and sent.token_index(mention.end) == trigger.index:
        return False
    for k in range(at - 1, max(0, at - _ABOUT_LOOKBACK - 1), -1):
        word = tokens[k]
        if k == trigger.index:
            return False  # "Berichte über den Angriff Russlands": the trigger's genitive
        if word.lower in _ABOUT:
            noun = tokens[k - 1] if k > 0 else None
            return (
                noun is not None
                and k - 1 != trigger.index
                and noun.capitalised
                and noun.text.isalpha()
                and not any(m.start <= noun.start < m.end for m in sent.mentions)
            )
        if not (word.capitalised or word.lower in DETERMINERS or inflected_adjective(word)):
            return False
    return False


def _what_it_is_about(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "Bei den Gesprächen ging es um Iran": the name after the "um" of "es geht um" is
    what the event is about, no party (``roles.about_clause``; review 278: Iran had been
    a party of talks between two others). Not a name in the trigger's own phrase after it
    ("ging es um einen Vorschlag in den Verhandlungen mit den USA")."""
    table = lexicon().raw["roles"]["about_clause"]
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    for k in range(at - 1, max(0, at - _ABOUT_LOOKBACK - 1), -1):
        word = tokens[k]
        if k == trigger.index:
            return False
        if word.lower == "um":
            words = {t.lower for t in tokens[sent.clauses[sent.clause_of(k)].first : k]}
            return "es" in words and not words.isdisjoint(table["verbs"])
        if not (word.capitalised or word.lower in DETERMINERS or inflected_adjective(word)):
            return False
    return False


# "das Ultimatum von Trump", "der Parteitag der AfD": what marks the owner of a noun.
_OWNER_MARKS = frozenset({"von", "vom"})


_GENITIVE_ARTICLES = frozenset({"des", "der"})


_OWNER_LOOKBACK = 8  # "von den Atommächten China und Russland": a list's names too


_IN_OWNER_PHRASE = frozenset({"und", "oder", "sowie", ","})


def _owned_by_another_noun(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name after "von" or in the genitive of a common noun is that noun's: no party of
    the event where the noun is no part of it, "sprach über das Aussetzen der Rentenreform
    von Macron", "die Worte von China lösten die Ankündigung aus", "seit dem Überfall der
    Hamas" (review 85: 8 of 35 wrong actors of 150 stream items). The owner of what a verb
    acts on is acted on ("kritisierte die Äußerungen des Politikers X", "fordern den
    Rücktritt von X"), and so is the owner of what stands in a noun trigger's own phrase
    ("Protest gegen die Politik der EU"); a noun that stands for its owner ("die Regierung
    von Orban", "Vertreter der Ukraine": ``standing_for``, the offices) never loses it."""
    at = sent.token_index(mention.start)
    owner = _owner_noun(sent, at)
    # "die Folgen des russischen Angriffs": the trigger's own adjective or name.
    if owner is None or owner <= trigger.index <= at + 1 or not _a_thing_owned(sent, owner):
        return False
    if not _same_clause(sent, owner, trigger):
        return False  # "die Entscheidung der US-Regierung, die Sanktionen zu lockern"
    if _adjective_on_a_thing(sent, mention, trigger):
        return True  # "ein Ende des russischen Angriffskriegs": the war's, two steps off
    if trigger.noun:
        in_phrase = _in_phrase_of(sent, owner, trigger.index)
        return not in_phrase or _topic_of(sent, owner)
    return _nested(sent, owner, trigger.index)


def _owner_noun(sent: SentenceView, at: int) -> int | None:
    """The common noun whose "von" or genitive phrase the word at ``at`` stands in."""
    tokens = sent.tokens
    for k in range(at - 1, max(0, at - _OWNER_LOOKBACK - 1), -1):
        word = tokens[k]
        if word.lower in _OWNER_MARKS or (
            word.lower in _GENITIVE_ARTICLES and _common_noun(sent, k - 1)
        ):
            return k - 1 if _common_noun(sent, k - 1) else None
        if not (
            word.capitalised
            or word.lower in DETERMINERS
            or word.lower in _IN_OWNER_PHRASE
            or inflected_adjective(word)
        ):
            return None
    return None


def _adjective_on_a_thing(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A country's adjective on a common noun other than the trigger ("von syrischen
    Geflüchteten") describes that noun, not a party."""
    after = sent.token_index(mention.end)
    if not mention.text[:1].islower() or after == trigger.index:
        return False
    return _a_thing_owned(sent, after)


def _in_phrase_of(sent: SentenceView, at: int, noun: int) -> bool:
    """Whether the noun at ``at`` opens the phrase of a preposition right after ``noun``
    ("Protest gegen die Politik der EU")."""
    k = _before_noun_phrase(sent, at)
    return k - 1 == noun and k >= 0 and sent.tokens[k].lower in any_preposition()


def _topic_of(sent: SentenceView, at: int) -> bool:
    """Whether the noun at ``at`` opens a phrase of what the noun trigger before it is
    about (``roles.topic_prepositions``): "Einigung über die Entwaffnung der Miliz" agrees
    on the militia, not with it (review 278: "des Gazastreifens" had been the party)."""
    k = _before_noun_phrase(sent, at)
    return k >= 0 and sent.tokens[k].lower in lexicon().words("roles.topic_prepositions")


def _nested(sent: SentenceView, at: int, trigger: int) -> bool:
    """Whether the noun at ``at`` hangs on another noun (its "von" or genitive phrase:
    "das Aussetzen der Rentenreform") or stands in a phrase of time ("seit dem
    Überfall"): then what owns it is no party of a verb's event."""
    k = _before_noun_phrase(sent, at)
    if k < 0:
        return False
    word = sent.tokens[k].lower
    if (word in TIME_PREPOSITIONS and not _focus(sent, k)) or word in _OWNER_MARKS:
        return True
    # Not a preposition after a noun: in "bitten die Regierung um Aufnahme von Afghanen"
    # the noun before it is the verb's object, and the phrase the verb's.
    return word in _GENITIVE_ARTICLES and k - 1 != trigger and _common_noun(sent, k - 1)


# "vor allem": a focus adverb, not the preposition "vor" of a phrase of time.
_FOCUS = ("vor", "allem")


def _focus(sent: SentenceView, k: int) -> bool:
    """Whether the word at ``k`` opens "vor allem": "hat vor allem die Pünktlichkeit der
    Bahn kritisiert" criticises the Bahn (review 215: its genitive had been nested)."""
    pair = tuple(t.lower for t in sent.tokens[k : k + 2])
    return pair == _FOCUS


def _before_noun_phrase(sent: SentenceView, at: int) -> int:
    """The word before the articles and adjectives that open the noun at ``at`` (the
    genitive article itself where one is the phrase's)."""
    k = at - 1
    while k >= 0:
        word = sent.tokens[k]
        if word.lower in _GENITIVE_ARTICLES and _common_noun(sent, k - 1):
            return k
        if not (word.lower in DETERMINERS or inflected_adjective(word)):
            return k
        k -= 1
    return k


def _compound_on_a_thing(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A compound of a name and a common noun that does not stand for it names a thing,
    as a genitive would (``_owned_by_another_noun``): "den Beginn von US-Atomwaffentests
    angekündigt", "Forderungen ... und Vorstöße für einen SPD-Sonderparteitag" (review
    85: 4 of 35 wrong actors of 150 stream items); "US-Regierung", "Hamas-Chef",
    "Hisbollah-Ziele" still stand for it, and so does the thing an event acts on."""
    if not mention.derived or "-" not in mention.text:
        return False
    head = tokenize(mention.text.rsplit("-", 1)[-1])
    if not head or not head[0].capitalised or _stands_for_owner(head[0]):
        return False
    at = sent.token_index(mention.start)
    if at == trigger.index or not _same_clause(sent, at, trigger):
        return False
    if trigger.noun:
        return not _in_phrase_of(sent, at, trigger.index)
    return _nested(sent, at, trigger.index)


def _same_clause(sent: SentenceView, at: int, trigger: Trigger) -> bool:
    """Whether the word at ``at`` is in the trigger's clause: the clause an infinitive
    depends on names its parties as a whole ("die Entscheidung der US-Regierung, die
    Sanktionen zu lockern")."""
    return sent.clause_of(at) == sent.clause_of(trigger.index)


def _common_noun(sent: SentenceView, at: int) -> bool:
    """A capitalised word at ``at`` that is no part of a name and opens no sentence."""
    if at <= 0 or not sent.tokens[at].capitalised:
        return False
    word = sent.tokens[at]
    return word.text.replace("-", "").isalpha() and not any(
        m.start <= word.start < m.end for m in sent.mentions
    )


def _a_thing_owned(sent: SentenceView, at: int) -> bool:
    """Whether the common noun at ``at`` names a thing, not one who acts for its owner."""
    if not _common_noun(sent, at):
        return False
    return not _stands_for_owner(sent.tokens[at])


def _stands_for_owner(word: Token) -> bool:
    """Whether a noun (or a compound's head) is one of ``_standing_nouns``, in any number:
    "Vertretern", "Senatoren"."""
    lower = word.lower
    forms = (lower, word.lemma.lower(), lower[:-1], lower[:-2])
    return any(form.endswith(_standing_nouns()) for form in forms)


@cache
def _standing_nouns() -> tuple[str, ...]:
    """Nouns that stand for whose they are: ``standing_for``, the offices, and a class of
    places ("die Hauptstadt der Ukraine" is attacked with it)."""
    nouns = [*lexicon().raw["standing_for"]["nouns"], *role_lexicon().roles]
    return tuple([*nouns, *lexicon().words("place_class_nouns")])


def _names_another_event(mention: Mention) -> bool:
    """A compound of a name and an event's noun names that event by its place or topic,
    not a party of this one: "unterzeichneten die Gaza-Vereinbarung", "die Gaza-Waffenruhe
    soll unterzeichnet werden" (review 80: Gaza had signed), as a compound on the
    trigger itself ("US-Angriff") names no party either; so does one written as one word
    ("Neuauszählung der Bundestagswahl", review 90). So does a compound NER took whole
    for a name ("beim G7-Gipfel": review 113, the summit had been a party)."""
    if not mention.derived and "-" not in mention.text:
        return False
    head = mention.text.rsplit("-", 1)[-1]
    return head[:1].isupper() and is_event_noun(tokenize(head)[0])


def modifies_a_noun(names: Names, mention: Mention) -> bool:
    """A person's name as a compound's first part modifies the noun: "den Trump-Berater"
    is an adviser, "das Putin-Regime" a regime, neither Trump nor Putin. A compound on a
    country or an organisation stands for it, as its actor code says ("US-Regierung" is
    the United States, "Hamas-Chef" the Hamas), and a role reference ("der US-Präsident",
    "der Trump-Sprecher" linked to the spokeswoman) is the person it refers to."""
    if mention.type != "PER" or not mention.derived or "-" not in mention.text:
        return False
    if mention.entity_id is None:  # its name is its text, which holds its first part
        return False
    first = fold(mention.text.split("-")[0])
    return first in fold(names.name(mention)).split()


def _carried_subject(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """A name before the auxiliary that carries a verb at the clause's end ("Trump will
    sich laut CNN in der kommenden Woche mit Putin treffen"), however far the verb is:
    its subject. Not where the auxiliary makes a passive ("wird dafür kritisiert")."""
    if trigger.noun:
        return False
    tokens = sent.tokens
    first = sent.clauses[sent.clause_of(trigger.index)].first
    carrier = next(
        (j for j in range(first, trigger.index) if tokens[j].lower in auxiliaries()), None
    )
    at, last = sent.token_index(mention.start), sent.token_index(mention.end - 1)
    # The subject stands right before it: "Trump will", "Trump und Putin wollen".
    if carrier is None or not first <= at < carrier or carrier - last - 1 > _SUBJECT_GAP:
        return False
    passive = tokens[carrier].lower in passive_auxiliaries()
    return not (passive and not tokens[trigger.index].lower.endswith("en"))


def _excepted(sent: SentenceView, mention: Mention) -> bool:
    """ "Die Parteien mit Ausnahme der Linken verurteilten …", "alle außer Ungarn": a name
    the event is said not to include (``exceptions``: the words that open such a phrase,
    right before the name or its article)."""
    at = sent.token_index(mention.start)
    if at > 0 and sent.tokens[at - 1].lower in lexicon().words("definite"):
        at -= 1
    before = " ".join(t.lower for t in sent.tokens[max(0, at - 2) : at])
    return any(f" {before}".endswith(f" {words}") for words in lexicon().words("exceptions"))


def _addressee(sent: SentenceView, mention: Mention) -> bool:
    """ "sprach gegenüber dem NDR von einem historischen Besuch": whom a clause of saying
    is said to is no party of what is said (review 113: the NDR had been visited). Not
    without a verb of saying: "Drohungen gegenüber China" are aimed at China."""
    at = sent.token_index(mention.start)
    # up to an article and a noun back: "gegenüber dem Sender Belvo"
    before = [t.lower for t in sent.tokens[max(0, at - 3) : at]]
    if "gegenüber" not in before or not any_preposition().isdisjoint(
        before[before.index("gegenüber") + 1 :]
    ):
        return False
    clause = sent.clauses[sent.clause_of(at)]
    reported = lexicon().cues["reported"].lemmas
    tokens = sent.tokens[clause.first : clause.last]
    return any(t.lemma in reported or t.lemma == "sprechen" for t in tokens)


def _caller_of_an_end(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """The subject of a clause that calls for the event's end ("Merz ruft Israel zu einem
    Ende der Angriffe auf", ``end_called_for``) is no party of it (review 159)."""
    clause = sent.clauses[sent.clause_of(trigger.index)]
    if not end_called_for(sent, clause, trigger):
        return False
    first, last = subject_span(sent, clause, trigger)
    return first <= sent.token_index(mention.start) < last


def _owner_of_a_place(sent: SentenceView, mention: Mention) -> bool:
    """ "arbeitete in Krahs Büro": a person in the genitive before a noun, after a locative
    preposition, owns the place and does nothing there."""
    at = sent.token_index(mention.start)
    end = sent.token_index(mention.end)
    tokens = sent.tokens
    if mention.type != "PER" or not mention.text.endswith(("s", "’", "'")) or at == 0:
        return False
    follows_noun = end < len(tokens) and tokens[end].capitalised
    return follows_noun and tokens[at - 1].lower in lexicon().words("locative_prepositions")


def _owner_of_a_person(sent: SentenceView, mention: Mention) -> bool:
    """ "Russlands Präsidenten Wladimir Putin", "Magyars Vorgänger Viktor Orbán": a name in
    the genitive before a noun and a person's name is whose that person is; the person
    acts."""
    if not mention.text.endswith(("s", "’", "'")) or mention.type == "MISC":
        return False
    end = sent.token_index(mention.end)
    tokens = sent.tokens
    if end >= len(tokens) or not tokens[end].capitalised:
        return False
    after = tokens[min(end + 2, len(tokens) - 1)].end
    return any(m.type == "PER" for m in sent.whole_words_from(tokens[end].end, after + 1))


def _agent_of_other(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "Die Einladung zu dem Besuch erfolgte vom Kreml": "von" names a noun's own party only
    right after the noun ("der Besuch von Kim"); elsewhere it is another predicate's agent."""
    if not trigger.noun:
        return False
    at = sent.token_index(mention.start)
    for j in range(at - 1, max(-1, at - _AGENT_LOOKBACK - 1), -1):
        if sent.tokens[j].lower in AGENT_PREPOSITIONS:
            if j < trigger.index < at:
                return False  # "von Angriffen Borduriens": the noun's own genitive
            if authored_from(sent, trigger, j):
                return False  # "Kritik kommt von Altmaier": the noun's author (review 245)
            return j != trigger.index + 1 and not _owner_after_von(sent, j)
        if sent.tokens[j].lower in PREPOSED:
            # "Raffinerie von Haifa bei iranischem Angriff": another preposition's phrase
            # begins, which "von" does not reach (review 100: Iran had lost its attack)
            return False
    return False


def _owner_after_von(sent: SentenceView, von: int) -> bool:
    """ "die Verteidigungsminister von Deutschland, Frankreich und Polen": "von" after a
    noun that stands for its owner is a genitive, and the owner acts through it (review
    100: Germany and France had lost the meeting their ministers held)."""
    noun = sent.tokens[von - 1] if von > 0 else None
    return noun is not None and noun.capitalised and _stands_for_owner(noun)
