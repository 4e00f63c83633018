"""Where an event is: the places of a sentence's locative phrases ("in Wladiwostok", "auf
dem Weltraumbahnhof X"), told apart from the phrases that only look like one: a noun's own
place ("der in Miami ansässigen Organisation"), what an attack is aimed at ("Angriffe auf
den Iran"), what a claim bears on ("Druck auf Israel") and a phrase of time; and the one
place of an event (``place_of``), or the town its noun is named after ("der Anschlag von
Solingen")."""

from __future__ import annotations

from functools import cache

from chronik.analysis.event_actors import is_country_mention
from chronik.analysis.event_context import Context
from chronik.analysis.event_grammar import (
    PREPOSED,
    conjugated,
    controller,
    event_noun_type,
    is_event_noun,
    noun_phrase_start,
    present_plural,
    word_before_noun_phrase,
)
from chronik.analysis.event_sentence import (
    QUOTES,
    Clause,
    SentenceView,
    Trigger,
    finite_verb,
    lemma_keys,
    lexicon,
    participle,
    seam,
)
from chronik.analysis.german import ARTICLES
from chronik.analysis.timex_rules import load_rules
from chronik.model import Article, Mention


def locations(sent: SentenceView, clause: Clause, article: Article) -> list[Mention]:
    """Places named in a locative phrase ("in Wladiwostok", "auf dem Weltraumbahnhof X")."""
    return possible_places(locative_places(sent, clause, article), article)


def possible_places(located: list[tuple[Mention, bool]], article: Article) -> list[Mention]:
    """The places an event can be at: not negated; a place, not an organisation ("in der
    EU", "auf Truth Social" say with whom, not where); and not a compound on a place's name,
    which names something else ("im Ukraine-Krieg" says in which war, not where). Such
    mentions still are no actors: they stand in a locative phrase."""
    places = {e.id for e in article.entities if e.type == "LOC"}
    return [
        m
        for m, negated in located
        if not negated and not _compound(m) and (m.type == "LOC" or m.entity_id in places)
    ]


def _compound(mention: Mention) -> bool:
    # Derived adjectives are lower case, but a city's is not ("Magdeburger"): it says where;
    # so does a compound on a class of places ("Gaza-Stadt").
    if not mention.derived or not mention.text[:1].isupper() or mention.text.endswith("er"):
        return False
    head = mention.text.rsplit("-", 1)[-1].lower()
    return head not in lexicon().words("place_class_nouns")


def locative_places(
    sent: SentenceView, clause: Clause, article: Article | None = None
) -> list[tuple[Mention, bool]]:
    """Every place of a locative phrase, and whether the phrase is negated ("nicht im
    Rahmen des Forums in Wladiwostok" says where the event is not) or a noun's. A country
    an attack is aimed at is its target, not its place ("Angriff auf Iran"; a city, "Angriff
    auf Kiew", stays where it was)."""
    raw = lexicon().raw
    found: list[tuple[Mention, bool]] = []
    negated = False
    for i in range(clause.first, clause.last):
        if sent.tokens[i].lower not in raw["locative_prepositions"]:
            continue
        # a headline's last word before the next one's first ("zu Verhandlungen aufIran
        # droht") is a particle, no preposition of that name (review 281)
        if i + 1 < len(sent.tokens) and seam(sent.tokens, i + 1):
            continue
        negated = negated or (i > clause.first and sent.tokens[i - 1].lower in raw["negations"])
        if _demanded(sent, clause, i):  # "pocht auf ...": what is demanded, not where
            continue
        # A noun's place is neither the event's place nor an actor, as a negated one.
        elsewhere = negated or _attributive(sent, clause, i) or _borne_on(sent, clause, i)
        phrase = _phrase_after(sent, clause, i)
        if not phrase or any(sent.tokens[j].lower in raw["non_locative_nouns"] for j in phrase):
            continue
        if _names_an_event(sent, phrase) or _whose_event(sent, phrase, article):
            continue
        # Part of a word is a modifier, not a place: "in Ukraine-Krieg-Zeiten".
        words = sent.whole_words_from(sent.tokens[phrase[0]].start, sent.tokens[phrase[-1]].end)
        if article is not None and _aimed(sent, clause, i):
            words = [m for m in words if not is_country_mention(m, article)]
        found.extend(
            (m, elsewhere or _genitive_adjective(sent, m, phrase))
            for m in words
            if m.type != "PER" and not _event_adjective(sent, m)
        )
    return found


def _genitive_adjective(sent: SentenceView, mention: Mention, phrase: list[int]) -> bool:
    """ "auf die Nutzung russischen Vermögens": a country's adjective after the phrase's
    noun is on another noun in the genitive, and says whose, not where (review 90)."""
    return mention.derived and any(
        sent.tokens[k].capitalised and sent.tokens[k].end <= mention.start for k in phrase
    )


def _borne_on(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "Der Druck auf Israel wächst", "sein Anspruch auf die Insel": after a noun of
    ``bearing_nouns`` the preposition names what it bears on, not where (review 90: Israel
    had been the place of three events of the sentence)."""
    noun = sent.tokens[i - 1] if i > clause.first else None
    if noun is None or not noun.capitalised or sent.tokens[i].lower != "auf":
        return False
    lemma = noun.lemma.lower()
    return any(lemma.endswith(word) for word in lexicon().raw["bearing_nouns"]["words"])


def _demanded(sent: SentenceView, clause: Clause, i: int) -> bool:
    """ "Iran pocht auf Zugeständnisse der USA": an "auf" after a verb of its clause that
    takes it as its object (``auf_objects``) says what is demanded, not where (review 220:
    the USA had been the place)."""
    tokens = sent.tokens
    if tokens[i].lower != "auf":
        return False
    verbs = lexicon().raw["auf_objects"]["verbs"]
    return any(not t.capitalised and t.lemma in verbs for t in tokens[clause.first : i])


def _event_adjective(sent: SentenceView, mention: Mention) -> bool:
    """ "auf die Folgen des russischen Angriffs", "nach Beginn der amerikanischen Angriffe":
    a country's adjective on an event's noun says who acts, not where, though the phrase is
    a locative one (review 82: Russland had been the place of an attack on the Ukraine)."""
    after = sent.token_index(mention.end)
    noun = sent.tokens[after] if mention.derived and after < len(sent.tokens) else None
    return noun is not None and noun.capitalised and is_event_noun(noun)


def _aimed(sent: SentenceView, clause: Clause, i: int) -> bool:
    """Whether the preposition at ``i`` names what a noun of an aimed event is against:
    "Angriffe auf den Iran", "Sanktionen gegen Russland" (review 61 had Iran as the place),
    also past a genitive or "von" that names who acts: "der Angriff Russlands auf die
    Ukraine", "der Anschlag der Hamas auf Israel", "der Überfall von Nordland auf Südland"
    (the Ukraine had been the place, Israel nothing)."""
    if sent.tokens[i].lower not in {"auf", "gegen"}:
        return False
    aimed = lexicon().words("aimed_types")
    for j in range(i - 1, max(clause.first, i - _GENITIVE_SPAN) - 1, -1):
        token = sent.tokens[j]
        kind = event_noun_type(token)
        if kind is not None:
            return kind in aimed
        if not (token.capitalised or token.lower in ("des", "der", "von")):
            return False
    return False


# How far back an event's noun may stand before its "auf": the noun, an article or "von"
# and two words of a name ("Angriff der Vereinigten Staaten auf").
_GENITIVE_SPAN = 4


def _names_an_event(sent: SentenceView, phrase: list[int]) -> bool:
    """Whether the phrase's noun is an event's: "nach dem Anschlag der Hamas auf Israel" says
    when, and its names are the attack's parties, not places (review 39: the Hamas had been
    taken as a place, and the attack had no attacker)."""
    noun = next((sent.tokens[j] for j in phrase if sent.tokens[j].capitalised), None)
    return noun is not None and noun.capitalised and is_event_noun(noun)


def _whose_event(sent: SentenceView, phrase: list[int], article: Article | None) -> bool:
    """ "nach Russlands Überfall auf die Ukraine": a name in the genitive right before an
    event's noun says who acts, not where (review 137: Russia had been the place of its
    attack, and of the clause's other event); "in Paris Gespräche geführt" keeps its place,
    as Paris is the name itself."""
    first = next((j for j in phrase if sent.tokens[j].capitalised), None)
    if article is None or first is None or first + 1 >= len(sent.tokens):
        return False
    token, noun = sent.tokens[first], sent.tokens[first + 1]
    names = {e.id: e.name for e in article.entities}
    genitive = any(
        m.start == token.start
        and m.end == token.end
        and m.text == f"{names.get(m.entity_id or '')}s"
        for m in sent.mentions
    )
    return genitive and noun.capitalised and is_event_noun(noun)


def _attributive(sent: SentenceView, clause: Clause, i: int) -> bool:
    """A locative phrase that says where a noun is, not where the event is: inside an
    attribute ("der in Miami ansässigen Organisation") or after the noun of a phrase about
    a topic ("über den Wiederaufbau in Gaza sprechen", "Rache für die Toten in Iran")."""
    tokens = sent.tokens
    if i > clause.first and tokens[i - 1].lower in ARTICLES:
        # "der in Miami ansässigen": an article, not a relative pronoun after a comma
        return not (i - 1 > 0 and tokens[i - 2].text == ",")
    j = i - 1
    noun = tokens[j] if j >= clause.first else None
    # The event's own noun keeps its place ("für das Treffen in Abu Dhabi"), a name too
    # ("Demonstration für Chamenei in Teheran"): only a common noun's phrase is a topic.
    if noun is None or not noun.capitalised or is_event_noun(noun):
        return False
    if sent.whole_words_from(noun.start, noun.end):
        return False
    topics = _TOPIC_PREPOSITIONS | lexicon().words("presupposing_prepositions")
    return word_before_noun_phrase(sent, j, clause.first) in topics


# "gegen die Regierung in Belgrad" is as often where the protest is as whose government.
# A cause ("presupposing_prepositions": "wegen der Lage in Nahost") is why, not where
# (review 37: it had been the EU aid's place).
_TOPIC_PREPOSITIONS = frozenset({"über", "für"})


PHRASE_STOPS = frozenset("zu und mit für an um zwischen gegen über von vom bei seit".split())


def _phrase_after(sent: SentenceView, clause: Clause, i: int) -> list[int]:
    """Token indices of the phrase after a preposition: up to six words, until a break."""
    stop = lexicon().words("locative_prepositions") | PHRASE_STOPS
    phrase: list[int] = []
    end = i + 7
    for j in range(i + 1, clause.last):
        if j >= end:
            break
        token = sent.tokens[j]
        # At a verb, not past it: "auf der Konferenz hat Spaniens Präsident Sánchez …
        # kritisiert" had made Spain the place and Sánchez the target; a present plural
        # too ("in Tarvo treffen sich Nordland und Südland", review 45).
        # "In der Nacht überzogen sich Russland und die Ukraine": no phrase holds "sich"
        verb = conjugated(token) or present_plural(token) or token.lower == "sich"
        verb = verb and not _attributive_participle(sent, phrase, j, clause)
        named = token.lower == "von" and _named_with_von(sent, j - 1, i)
        listed = token.lower in {"und", "oder"} and _places_joined(sent, j)
        listed = listed or (token.text == "," and _places_listed(sent, j, clause))
        if listed:
            end += 2  # a list of places is one phrase, however long (review 163)
        elif (token.lower in stop and not named) or not token.text[:1].isalnum() or verb:
            break
        phrase.append(j)
        if token.capitalised and token.lower in _time_nouns():
            # "hat in der Nacht die Ukraine angegriffen", "am Montag die Türkei besucht":
            # a phrase of time ends at its noun, and the name after it is the verb's
            # object (review 100: the attacked and the visited had been places).
            break
    return phrase


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that head a phrase of time: the timex rules' months, weekdays, parts of the
    day, seasons, holidays and units ("Nacht", "Montag", "Wochenende", "Juli")."""
    lexicons = load_rules().lexicons
    kinds = ("month_plain", "weekday", "partofday", "season", "holiday", "rel_unit", "unit")
    return frozenset(word for kind in kinds for word in lexicons.get(kind, {}))


def _attributive_participle(sent: SentenceView, phrase: list[int], j: int, clause: Clause) -> bool:
    """ "Im russisch besetzten Horliwka": an inflected form before the phrase's first noun,
    with a noun right after it, is a participle on that noun; a finite verb cannot stand
    there (review 90: the phrase had ended at it, and the town had become an actor)."""
    tokens = sent.tokens
    inflected = tokens[j].lower.endswith(("en", "em", "er", "es"))
    before_noun = not any(tokens[k].capitalised for k in phrase)
    return inflected and before_noun and j + 1 < clause.last and tokens[j + 1].capitalised


def _places_joined(sent: SentenceView, j: int) -> bool:
    """Whether the word or comma at ``j`` stands between two places: "in Virginia und New
    Jersey" names where twice (review 90: New Jersey, outside the phrase, had been
    elected), and so do "in Bremen, Kiel ... oder Saarbrücken" and "in Berlin, Köln,
    Leipzig und Stuttgart" (review 163: all but the first had been the targets of the
    protests held there; ``_places_listed``)."""
    token = sent.tokens[j]
    gap = 0 if token.text == "," else 1
    before = next((m for m in sent.mentions if m.end == token.start - gap), None)
    after = next((m for m in sent.mentions if m.start == sent.tokens[j].end + 1), None)
    return before is not None and after is not None and before.type == after.type == "LOC"


def _places_listed(sent: SentenceView, j: int, clause: Clause) -> bool:
    """Whether the comma at ``j`` joins two places of a list that "und" or "oder" ends in
    the clause: "in Berlin, Köln, Leipzig und Stuttgart"; not "Anspruch auf Grönland, USA
    fordern ...", a headline's two parts."""
    if not _places_joined(sent, j):
        return False
    ends = (k for k in range(j + 1, clause.last) if sent.tokens[k].lower in {"und", "oder"})
    return any(_places_joined(sent, k) for k in ends)


def _named_with_von(sent: SentenceView, j: int, preposition: int) -> bool:
    """Whether the noun at ``j`` in the phrase is a place named with "von" after it ("in der
    Straße von Hormus", "im Golf von Aden": ``von_place_nouns``): the name is where, not
    whose (review 90: Hormus had been the target of attacks on ships in its strait)."""
    nouns = lexicon().words("von_place_nouns")
    return j > preposition and sent.tokens[j].lower in nouns


def best_place(places: list[Mention], article: Article) -> Mention | None:
    """The most specific place: the last that is not a country, else the first."""
    specific = [m for m in places if not is_country_mention(m, article)]
    if specific:
        return specific[-1]
    return places[0] if places else None


def place_of(
    sent: SentenceView,
    ctx: Context,
    clause: Clause,
    everywhere: list[tuple[Mention, bool]],
    own: tuple[int, int] | None,
    others: list[tuple[int, int]],
    reporting: bool = False,
    trigger: Trigger | None = None,
) -> Mention | None:
    """The trigger's clause's place first, else one anywhere in the sentence. An attack or
    an arrest in a phrase of time (``after_the_fact``) is where its own phrase says, and
    a place in such a phrase is no other event's: "Nach dem Angriff in Hanau lädt die
    Stadt zu einem Gipfel in Kassel ein" (review 85: 4 of 12 wrong places of 150 stream
    items). A trailing report's verb takes none from what it reports."""
    places = locations(sent, clause, ctx.article)
    # a trailing report's verb is not where what it reports is ("Ein Flug sei nach Maskat
    # geplant, kündigte Wadephul an": review 113); a noun in it may be ("wie mit den
    # Verhandlungen vertraute Verbände mitteilten")
    if not places and not reporting:
        located = possible_places(everywhere, ctx.article)
        places = [m for m in located if trigger is None or _free(sent, clause, m, trigger)]
    if trigger is not None:
        places = [m for m in places if not _a_thing_s_place(sent, clause, m, trigger)]
    if own is not None:
        places = [m for m in places if own[0] <= m.start < own[1]]
    else:
        places = [m for m in places if not any(a <= m.start < b for a, b in others)]
    return best_place(places, ctx.article)


# Acts of speech, whose object's place is not where they are said.
_SAID = frozenset({"announce", "criticize", "demand", "threaten", "reject", "deny"})

# Prepositions of an occasion, whose place is the act's: "auf einer Pressekonferenz in Rom".
_OCCASION = frozenset({"auf", "bei", "beim", "in", "im", "am", "an", "während", "vor", "nach"})


def _a_thing_s_place(
    sent: SentenceView, clause: Clause, mention: Mention, trigger: Trigger
) -> bool:
    """ "kritisierte die US-Präsenz in der Karibik", "kündigt eine Investition in Deutschland
    an", "mit der Auslöschung einer Zivilisation im Iran gedroht": a place right after a
    noun of the clause that a verb of speech is about says where that thing is, not where
    it is said (review 150: 4 wrong places of 150 stream items). Not a noun that opens the
    clause, its subject ("Die Regierung in Kiew kritisierte ..."), nor one of an occasion
    ("bei einer Rede in Washington"), a time ("am Montag in Berlin"), a name or a speaker
    (``_a_speaker``)."""
    if trigger.noun or trigger.type not in _SAID:
        return False
    noun = _noun_before(sent, clause, mention)
    if noun is None or _a_speaker(sent, clause, noun):
        return False
    tokens = sent.tokens
    start = noun_phrase_start(sent, noun, clause.first)
    if start <= clause.first:
        return False
    # past a possessive too: "In seiner Rede auf der Hafenkonferenz"
    word = tokens[start - 1]
    if word.lower.startswith(_POSSESSIVES) and start - 2 >= clause.first:
        word = tokens[start - 2]
    return word.lower not in _OCCASION


def _noun_before(sent: SentenceView, clause: Clause, mention: Mention) -> int | None:
    """The common noun right before the locative phrase of ``mention``, if any: not the
    clause's first word, a time ("am Montag in Berlin") or a name, whose place it is
    ("kritisierte Putin in Moskau", "kündigte Philipp Justus in Berlin an")."""
    tokens = sent.tokens
    at = sent.token_index(mention.start)
    locative = lexicon().words("locative_prepositions")
    first = max(clause.first, at - 6)
    preposition = next(
        (j for j in range(at - 1, first - 1, -1) if tokens[j].lower in locative), None
    )
    # past a closing quotation mark: 'mit der Auslöschung "einer ganzen Zivilisation" im Iran'
    noun = preposition - 1 if preposition is not None else clause.first
    while noun > clause.first and not tokens[noun].text.strip(QUOTES):
        noun -= 1
    if noun <= clause.first:
        return None
    word = tokens[noun]
    if not word.capitalised or word.lower in _time_nouns():
        return None
    named = any(m.start < word.end and word.start < m.end and not m.derived for m in sent.mentions)
    return None if named else noun


def _a_speaker(sent: SentenceView, clause: Clause, noun: int) -> bool:
    """Whether the noun names who may speak there: people (``crowd_nouns``: "haben
    Zehntausende Menschen in Madrid gefordert") or one who stands for others
    (``standing_for``: "verkündete das Verteidigungsministerium in Katar"), unless in the
    genitive of another noun or a phrase ("die Kapitulation der Führung in Teheran",
    "für Haltung zum Regime im Iran")."""
    raw = lexicon().raw
    lemma = sent.tokens[noun].lemma.lower()
    if lemma.endswith(tuple(raw["crowd_nouns"]["words"])):
        return True
    if not lemma.endswith(tuple(raw["standing_for"]["nouns"])):
        return False
    start = noun_phrase_start(sent, noun, clause.first)
    before = [t for t in sent.tokens[clause.first : start] if t.text.strip(QUOTES)]
    return not before or not (before[-1].capitalised or before[-1].lower in PREPOSED)


_POSSESSIVES = ("mein", "dein", "sein", "ihr", "unser", "euer", "eur")


def _free(sent: SentenceView, clause: Clause, mention: Mention, trigger: Trigger) -> bool:
    """Whether a place of another clause may be the event's: one of a clause without a
    verb of its own ("Auf Schloss X, wo ..., haben Merz und Macron ... vereinbart"), of
    the clause an infinitive depends on ("soll in Pakistan ankommen, um ... zu verhandeln")
    of one whose verb tells the same event ("Der Termin für das Treffen steht fest: Die
    beiden wollen sich in Alaska treffen") or of a relative clause on the event's own noun
    ("Das Treffen, das morgen in Lissabon stattfindet, ...").
    A clause with a verb is where that verb's action is: "Es sei ein Krieg in Europa, ...
    beteiligt werden an den Verhandlungen", "sagte in Washington, ... Gespräche zu führen"
    (review 147: 4 of 5 such places of 150 stream items had been wrong)."""
    index = sent.clause_of(sent.token_index(mention.start))
    other = sent.clauses[index]
    if other == controller(sent, sent.clauses.index(clause)):
        return True
    if trigger.noun and 0 < other.first - trigger.index <= 2:
        return True
    tokens = sent.tokens[other.first : other.last]
    verbs: dict[str, list[str]] = lexicon().raw["verbs"]
    # "sind in Kiew vier Menschen getötet": a verb of force tells an attack only by a
    # party, a victim's passive none, so it gives no place (review 203: it had moved an
    # article of December's out of its story, by a "westlich der Hauptstadt Kiew")
    force = lexicon().words("force_verbs.verbs")
    for j in range(other.first, other.last):
        keys = lemma_keys(sent.tokens, other, j)
        same = any(verbs.get(k, [""])[0] == trigger.type for k in keys)
        same = same and sent.tokens[j].lemma not in force
        if not sent.tokens[j].capitalised and same:
            return True
    return not any(finite_verb(t) or participle(t) or t.lower in _COPULAS for t in tokens)


# Forms of "sein" whose lemma does not end as a verb's does ("Es sei ein Krieg in Europa").
_COPULAS = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären"})


def town_named_after(sent: SentenceView, ctx: Context, trigger: Trigger) -> Mention | None:
    """ "die Todesfahrt von Magdeburg", "der Anschlag von Solingen": a town (no country) after
    "von" right after the noun of a terror attack (180) names it by where it was: its
    place, no party (review 115: Magdeburg had driven into the market, and so the next
    sentence's definite "Anschlag")."""
    at = trigger.index + 1
    if not trigger.noun or trigger.code != "180" or at + 1 >= len(sent.tokens):
        return None
    if sent.tokens[at].lower != "von":
        return None
    start = sent.tokens[at + 1].start
    town = next((m for m in sent.mentions if m.start == start and m.type == "LOC"), None)
    return None if town is None or is_country_mention(town, ctx.article) else town
