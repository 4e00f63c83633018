"""Actors for event extraction: how mentions are named and keyed, CAMEO-style actor codes
(country and role, from ``data/event_actors.json``), and the names found without NER."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from chronik.analysis.attribution_words import POSSESSIVES, SUBORDINATORS
from chronik.analysis.entities import is_country
from chronik.analysis.event_grammar import (
    TIME_PREPOSITIONS,
    accused_of,
    accuses,
    auxiliaries,
    conjunct,
    controller,
    end_called_for,
    has_verb,
    opens_another_phrase,
    passive_auxiliaries,
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
    lemma_keys,
    lemma_of,
    lexicon,
    participle,
    seam,
    tokenize,
)
from chronik.analysis.gazetteer import load_gazetteer
from chronik.analysis.german import DASHES, number_words
from chronik.analysis.lemmas import is_known
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import split_sentences
from chronik.model import Article, Mention


@dataclass(frozen=True, slots=True)
class Names:
    """How mentions are named and keyed within one article."""

    entities: dict[str, str]  # entity id -> canonical name
    long_names: dict[str, str]  # a part of a multi-word name -> the whole name

    def name(self, mention: Mention) -> str:
        if mention.entity_id and mention.entity_id in self.entities:
            return self.entities[mention.entity_id]
        text = clean_name(mention.text)
        if mention.derived:
            return country_name(text) or text
        return self.long_names.get(text, text)

    def key(self, mention: Mention) -> str:
        if mention.entity_id:
            return mention.entity_id
        return "name:" + self.name(mention).casefold()


def article_names(article: Article, mentions: list[Mention]) -> Names:
    entities = {e.id: e.name for e in article.entities}
    long_names: dict[str, str] = {}
    for m in mentions:
        parts = clean_name(m.text).split()
        if len(parts) > 1 and m.type == "PER":
            for part in (parts[0], parts[-1]):
                long_names.setdefault(part, " ".join(parts))
    return Names(entities, long_names)


def clean_name(text: str) -> str:
    """The name without a genitive s: "Kremls" -> "Kreml", "Russlands" -> "Russland"."""
    text = " ".join(text.split())
    if not text.endswith("s") or " " in text or len(text) < 4:
        return text
    bare = text[:-1]
    countries = lexicon().actors["countries"]
    if bare.lower() in countries or lemma_of(text) == bare.lower():
        return bare
    return text


def country_name(text: str) -> str | None:
    """The country a nationality adjective names ("nordkoreanische" -> "Nordkorea")."""
    code = demonym_code(text)
    return country_of_code(code) if code else None


def _title(name: str) -> str:
    return name.upper() if len(name) <= 3 else "-".join(p.capitalize() for p in name.split("-"))


def demonym_code(text: str) -> str | None:
    lower = text.lower().rstrip("-")
    for stem, code in lexicon().actors["demonyms"].items():
        if lower == stem or (
            len(stem) > 3 and lower.startswith(stem) and len(lower) - len(stem) <= 3
        ):
            return str(code)
    return None


def is_country_mention(mention: Mention, article: Article) -> bool:
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return is_country(entity)
    return clean_name(mention.text).lower() in lexicon().actors["countries"]


def country_of_code(code: str) -> str | None:
    """The German name of the country an actor code starts with ("PRKGOV" -> "Nordkorea")."""
    names = [n for n, c in lexicon().actors["countries"].items() if c == code[:3]]
    return _title(names[0]) if names and len(code) >= 3 else None


def fallback_mentions(article: Article) -> list[Mention]:
    """Names found without NER, kept minimal: countries and institutions from the data,
    nationality adjectives, a role noun followed by a name, and runs of two or three
    capitalised words; single parts of a name found earlier count as that name."""
    found: list[Mention] = []
    for sentence in article.sentences or split_sentences(article.text):
        tokens = tokenize(sentence.text, sentence.start)
        found.extend(_fallback_in(article.text, tokens))
    return _with_name_parts(article.text, found)


def _known_actor_type(bare: str, actors: dict[str, Any]) -> str | None:
    """LOC for a country, ORG for an institution of the actor lexicon, else None."""
    if bare in actors["countries"]:
        return "LOC"
    return "ORG" if bare in actors["institutions"] else None


def _fallback_in(text: str, tokens: list[Token]) -> list[Mention]:
    actors = lexicon().actors
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name = clean_name(token.text)
        known = _known_actor_type(name.lower(), actors) if token.capitalised else None
        if known is not None:
            found.append(Mention(token.start, token.start + len(name), name, known))
        elif _demonym_token(token, i):
            head = token.text.split("-")[0]
            found.append(Mention(token.start, token.start + len(head), head, "LOC", derived=True))
        else:
            run = _name_run(tokens, i)
            if run:
                first, last = tokens[i + run[0]], tokens[i + run[1] - 1]
                kind = "LOC" if run[2] else "PER"
                found.append(Mention(first.start, last.end, text[first.start : last.end], kind))
                i += run[1]
                continue
        i += 1
    return found


def _demonym_token(token: Token, i: int) -> bool:
    """ "nordkoreanische", "US-Beamte"; capitalised only at the start of a sentence."""
    head = token.text.split("-")[0]
    if token.text.startswith("US-"):
        return True
    return (i == 0 or not token.capitalised) and demonym_code(head) is not None


_STOP_NAMES = frozenset(
    """januar februar märz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag ende anfang mitte""".split()
)


def _name_run(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """(first, last, is_place) offsets from i of a name starting at or after token i."""
    token = tokens[i]
    classes = lexicon().words("place_class_nouns")
    if role_of(token.lower) or token.lower in classes:
        length = _capitalised_run(tokens, i + 1)
        if 1 <= length <= 3:
            return 1, 1 + length, token.lower in classes
        return None
    after_in = i > 0 and tokens[i - 1].lower in {"in", "nach"}
    if after_in and _capitalised_run(tokens, i) == 1 and not is_known(token.text, "de"):
        return 0, 1, True
    length = _capitalised_run(tokens, i)
    previous = tokens[i - 1].lower if i > 0 else ""
    place = _after_locative(tokens, i)
    if 2 <= length <= 3 and (place or not _modified(previous)):
        return 0, length, place
    return None


def _after_locative(tokens: list[Token], i: int) -> bool:
    preps = lexicon().words("locative_prepositions")
    return any(t.lower in preps for t in tokens[max(0, i - 4) : i])


_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ment", "nis")


def _capitalised_run(tokens: list[Token], i: int) -> int:
    """Capitalised words that look like a name: not determiners, not inflected nouns."""
    actors = lexicon().actors
    if i < len(tokens) and tokens[i].lower in DETERMINERS:
        return 0
    length = 0
    while i + length < len(tokens):
        token = tokens[i + length]
        lower = token.lower
        if not token.capitalised or not token.text.isalpha() or lower in _STOP_NAMES:
            break
        if role_of(lower) or lower in actors["countries"] or token.text.isupper():
            break
        if lower.endswith(_NOUN_SUFFIXES) or token.lemma != lower:
            break
        length += 1
    return length


def _modified(previous: str) -> bool:
    """A determiner or an inflected adjective before a capitalised run marks a noun phrase."""
    if previous in DETERMINERS:
        return True
    inflected = previous.endswith(("e", "en", "er", "em", "es")) and lemma_of(previous) != previous
    return previous.isalpha() and previous.islower() and inflected


def _with_name_parts(text: str, found: list[Mention]) -> list[Mention]:
    parts = {
        part
        for m in found
        if m.type == "PER" and len(m.text.split()) > 1
        for part in (m.text.split()[0], m.text.split()[-1])
    }
    covered = [(m.start, m.end) for m in found]
    for part in parts:
        for match in re.finditer(rf"\b{re.escape(part)}s?\b", text):
            if not any(s <= match.start() < e for s, e in covered):
                found.append(Mention(match.start(), match.start() + len(part), part, "PER"))
    return sorted(found, key=lambda m: m.start)


def actor_codes(article: Article) -> dict[str, str]:
    """CAMEO-style codes (country and role, "RUSGOV") for the actors of the article's
    events, keyed as ``Event.actors``; actors with nothing to go on are left out."""
    mentions = sorted(article.mentions or fallback_mentions(article), key=lambda m: m.start)
    names = article_names(article, mentions)
    codes: dict[str, str] = {}
    for i, mention in enumerate(mentions):
        code = _code_of(article, mentions, i, names)
        if code:
            codes.setdefault(names.key(mention), code)
    return codes


def _code_of(article: Article, mentions: list[Mention], i: int, names: Names) -> str | None:
    mention = mentions[i]
    actors = lexicon().actors
    name = names.name(mention).lower()
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return _country_code(entity.code)
    if name in actors["institutions"]:
        return str(actors["institutions"][name])
    if name in actors["countries"]:
        return str(actors["countries"][name])
    if mention.type != "PER":
        return None
    # Not past another person: in "US-Präsident Donald Trump trifft Putin" the office is
    # Trump's; a title NER tagged on its own ("Kremlchef" before "Wladimir Putin") is his.
    key = names.key(mention)
    others = (m for m in reversed(mentions[:i]) if m.type == "PER" and names.key(m) != key)
    after = next((m.end for m in others), 0)
    before = article.text[max(0, after, mention.start - 60) : mention.start]
    words = tokenize(before)[-4:]
    country = next((c for w in words if (c := demonym_code(w.text)) is not None), "")
    country = country or _country_of_office(words)
    # "Bundeskanzler", "US-Präsident", "Kremlchef": an office of one country
    country = country or next((c for w in words if (c := _office_country(w.text))), "")
    role = next((r for w in words if (r := role_of(w.lower))), "")
    return (country + role) or None


def _country_of_office(words: list[Token]) -> str:
    """The country named in the genitive before a role noun: "Russlands Präsident". A
    country's name alone says nothing of a person ("in Ungarn traf Trump ...")."""
    countries = lexicon().actors["countries"]
    for word, following in itertools.pairwise(words):
        lower = word.lower
        if lower.endswith("s") and lower[:-1] in countries and role_of(following.lower):
            return str(countries[lower[:-1]])
    return ""


def _country_code(code: str) -> str | None:
    """The country of an entity's code: a country's own ("KP"), a subdivision's ("US-AK"),
    a city's (a geonames id, through the gazetteer), else none."""
    if code.startswith("geonames:"):
        place = load_gazetteer().places.get("g:" + code.removeprefix("geonames:"))
        return _alpha3(place.country) if place and place.country else None
    return _alpha3(code.split("-")[0])


def _office_country(word: str) -> str | None:
    found = role_lexicon().office(word, load_gazetteer())
    return _alpha3(found[1]) if found and found[1] else None


def _alpha3(code: str) -> str:
    if len(code) == 3:
        return code.upper()

    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.alpha_3) if country else code.upper()


def role_of(word: str) -> str | None:
    """The CAMEO role of a role noun, compounds included ("Verkehrsminister" -> GOV)."""
    roles: dict[str, str] = lexicon().actors["roles"]
    # inflected too: "den chinesischen Präsidenten", "des Kanzlers"
    forms = dict.fromkeys((word, *(word.removesuffix(e) for e in ("en", "n", "s"))))
    for form in forms:
        if form in roles:
            return roles[form]
    compounds = (
        code for form in forms for role, code in roles.items()
        if len(role) > 5 and form.endswith(role)
    )  # fmt: skip
    return next(compounds, None)


# --- roles ---------------------------------------------------------------------------------
# Who acts and who is acted on, from word order, prepositions and articles (there is no
# parser): GDELT's actor1 is the agent, actor2 the target.

AGENT, TARGET, PARTNER = "agent", "target", "partner"
# Where an attack came from ("aus dem Libanon"): the agent's side where no agent is named,
# else no party (``NO_PARTY``, which ``event_participants.parties`` leaves out).
ORIGIN, NO_PARTY = "origin", "none"
# How far back a name's preposition, article or conjunction may stand: "mit dem ukrainischen
# Präsidenten Wolodymyr Selenskyj" is four words.
_NOUN_PHRASE = 6


def actor_roles(sent: SentenceView, trigger: Trigger, actors: list[Mention]) -> list[str]:
    """The role of each actor of the sentence: ``agent``, ``target`` or ``partner`` (see
    docs/events.md, "Roles"). Parties of a symmetric event ("Trump und Putin trafen sich",
    "das Treffen von Trump und Putin") that no word puts on either side are partners."""
    roles = _Roles(sent, trigger, actors)
    found = [roles.of(m) for m in actors]
    if TARGET not in found and roles.reports_attacks():
        # "Iran meldet Angriffe auf eine Atomanlage": the reporter was attacked
        found = [
            TARGET if r == AGENT and roles.in_subject(m) else r
            for m, r in zip(actors, found, strict=True)
        ]
    origin = NO_PARTY if AGENT in found else AGENT
    found = [origin if r == ORIGIN else r for r in found]
    symmetric = trigger.type in _role_words("symmetric_types")
    if symmetric and TARGET not in found and found.count(AGENT) + found.count(PARTNER) > 1:
        return [PARTNER if r == AGENT else r for r in found]
    return found


def subject_role(sent: SentenceView, trigger: Trigger) -> str:
    """The role of a verb's subject: it acts, unless the verb is a passive."""
    return TARGET if _passive(sent, trigger) else AGENT


@cache
def _role_words(key: str) -> frozenset[str]:
    return frozenset(lexicon().raw["roles"][key])


@cache
def _prepositions() -> frozenset[str]:
    return lexicon().words("prepositions") | _role_words("more_prepositions")


class _Roles:
    """Roles of the mentions of one sentence for one trigger; a name joined to another by
    "und" has its role ("mit Putin und Selenskyj": both are met)."""

    def __init__(self, sent: SentenceView, trigger: Trigger, actors: list[Mention]) -> None:
        self.sent = sent
        self.trigger = trigger
        self.clause = sent.clauses[sent.clause_of(trigger.index)]
        self.passive = _passive(sent, trigger)
        self.subject = _subject_span(sent, self.clause, trigger)
        self.known: dict[int, str] = {}
        self.owned = trigger.noun and any(self._owns(m) for m in actors)

    def of(self, mention: Mention, depth: int = 0) -> str:
        if id(mention) not in self.known:
            self.known[id(mention)] = self._role(mention, depth)
        return self.known[id(mention)]

    def _role(self, mention: Mention, depth: int) -> str:
        sent, trigger = self.sent, self.trigger
        if trigger.type == "protest" and _employees_of(mention):
            return TARGET  # "Lufthansa-Piloten streiken": against the employer
        if self._left_out(mention):
            return NO_PARTY  # "Israel war nicht an den Verhandlungen beteiligt"
        if trigger.noun and _own_before(sent, mention, trigger):
            # "Putins Besuch", "russische Angriffe", also inside a phrase: "nach russischen
            # Angriffen" (the preposition governs the noun, not its owner)
            return TARGET if _patient(trigger, mention) else AGENT
        at = sent.token_index(mention.start)
        kind, j = _governor(sent, at, trigger)
        if kind == "preposition" and authored_from(sent, trigger, j):
            return AGENT  # "Kritik kommt von Altmaier", "Aus der CDU kommt Kritik"
        if kind == "preposition" and self._of_a_noun(j):
            # "kritisierte die Regierung von Orban", "Akademiker aus Israel unterstützen":
            # the name's role is that noun's
            at = j
            kind, j = _governor(sent, at, trigger)
        if kind == "preposition":
            return _preposition_role(sent, trigger, j, self.passive, mention)
        if kind == "and" and depth < 4:
            joined = _mention_ending_at(sent, j - 1)
            if joined is not None:
                return self.of(joined, depth + 1)
        if trigger.noun and kind == "noun":  # "der Besuch Putins"
            return TARGET if _patient(trigger, mention) else AGENT
        if trigger.noun and self.owned:
            return TARGET  # "Die Ukraine meldet russische Angriffe"
        return self._verb_role(at, kind)

    def _left_out(self, mention: Mention) -> bool:
        """Whether the name is the subject of a clause that says it took no part in the
        noun's event (``uninvolved``: "Zwar war Israel nicht direkt an den Verhandlungen
        beteiligt"; review 272: Israel had been a party of the talks)."""
        sent, trigger, clause = self.sent, self.trigger, self.clause
        if not trigger.noun or not self.in_subject(mention):
            return False
        words = {t.lower for t in sent.tokens[clause.first : clause.last]}
        negated = not words.isdisjoint(lexicon().words("negations"))
        return negated and not words.isdisjoint(_role_words("uninvolved"))

    def _of_a_noun(self, j: int) -> bool:
        """ "aus" after a noun says where that noun is from; "von" after a noun of an
        active verb's clause whose it is: it names an agent only after a passive or right
        after a noun trigger."""
        tokens, word = self.sent.tokens, self.sent.tokens[j].lower
        after_noun = j > 0 and tokens[j - 1].capitalised
        if word in {"von", "vom"}:
            # In a passive, "von" after the subject's noun is a genitive: "Der Bürgermeister
            # von Kiew wurde festgenommen" arrests no one in Kiew's name (review 61).
            noun = tokens[j - 1].lower not in DETERMINERS  # "Der von Deutschland gesuchte"
            subject = self.passive and noun and self._opens_clause(j - 1)
            return after_noun and (subject or not (self.passive or self.trigger.noun))
        return word == "aus" and after_noun

    def _opens_clause(self, noun: int) -> bool:
        """Whether the noun at ``noun`` is its clause's first noun, after its articles and
        adjectives only."""
        before = self.sent.tokens[self.clause.first : noun]
        return all(t.lower in DETERMINERS or inflected_adjective(t) for t in before)

    def _owns(self, mention: Mention) -> bool:
        """Whether the name is the noun trigger's own party: its genitive or adjective,
        or after "von" right after it."""
        sent, trigger = self.sent, self.trigger
        kind, j = _governor(sent, sent.token_index(mention.start), trigger)
        right_after = kind == "preposition" and j == trigger.index + 1
        own_preposition = right_after and sent.tokens[j].lower in _role_words("agent_prepositions")
        return kind == "noun" or own_preposition or _own_before(sent, mention, trigger)

    def _verb_role(self, at: int, kind: str) -> str:
        """A verb's subject acts ("Russland griff Kiew an") and its objects are acted on; a
        passive's subject is acted on ("Kiew wurde angegriffen"); a name in the clause of an
        infinitive is its object ("..., um Putin zu treffen"), one in the clause it depends
        on its subject."""
        clause = self.clause
        if self._owner_elected():  # "kommentiert Welskop-Deffaa ihre Wahl"
            return TARGET
        if not clause.first <= at < clause.last:
            return self._outside(at)
        if end_called_for(self.sent, clause, self.trigger):
            return AGENT  # "ruft Israel zu einem Ende der Angriffe auf": Israel attacks
        if self.passive or kind == "object" or self._under_fire():
            return self._received(TARGET)
        if controller(self.sent, self.sent.clause_of(at)):
            return self._received(TARGET)
        first, last = self.subject
        if first <= at < last and self._fronted_protest():
            return NO_PARTY
        if self._accusing():  # "Aserbaidschan wirft Iran Drohnenangriff vor"
            return TARGET if first <= at < last else AGENT
        return self._received(AGENT if first <= at < last else TARGET)

    def _fronted_protest(self) -> bool:
        """Whether a protest noun stands in the first position that a preposition of time
        or occasion opens, before the clause's subject ("Nach tagelangen Massenprotesten
        hat Präsident X gewarnt"): its protesters are not named there, and the subject is
        not one of them (review 224: the president had protested)."""
        trigger = self.trigger
        if not trigger.noun or trigger.type != "protest" or trigger.index >= self.subject[0]:
            return False
        opener = self.sent.tokens[self.clause.first].lower
        return opener in TIME_PREPOSITIONS | _role_words("occasion_prepositions")

    def _under_fire(self) -> bool:
        """Whether the noun's clause has its subject come under it (``under_verbs``: "Kiew
        geriet unter Beschuss", "UN-Friedenstruppen sind unter Beschuss geraten"): who
        comes under fire is its target (review 224: the UN had fired); "nimmt ... unter
        Beschuss" is an attacker's."""
        sent, trigger, clause = self.sent, self.trigger, self.clause
        if not trigger.noun or not has_verb(sent.tokens, clause, _role_words("under_verbs")):
            return False
        return word_before_noun_phrase(sent, trigger.index, clause.first) == "unter"

    def _outside(self, at: int) -> str:
        """A name in the clause an infinitive depends on is its subject, who acts, but in
        one that accuses ("Die Ukraine hat Russland vorgeworfen, Angriffe gestartet zu
        haben") the accuser is the target and the accused acts (review 107)."""
        sent = self.sent
        if self._said_before(at):  # "Der AStA entziehe sich ..., kritisierte Lucke"
            return TARGET
        pronoun = self._relative_subject(at)
        if pronoun is not None:
            return TARGET if self.passive or pronoun not in _SUBJECT_RELATIVES else AGENT
        governing = controller(sent, sent.clause_of(self.trigger.index))
        # the accusation is in the part whose verb, at its end, the infinitive depends on:
        # "wirft Südafrika ... vor und hatte angekündigt, nicht ... zu reisen" (review 195)
        if governing is None:
            return AGENT
        if not accuses(sent, conjunct(sent.tokens, governing, governing.last - 1)):
            return AGENT
        first, last = _subject_span(sent, governing, self.trigger)
        return TARGET if first <= at < last else AGENT

    def _said_before(self, at: int) -> bool:
        """Whether the name at ``at`` is in what a verb of saying (``said_types``) says
        before it: the verb opens the clause after a comma, its subject ends that clause
        (past a place or a particle: "..., kritisierte Lucke in Berlin"), and the sentence
        opens with a main clause, no subordinate one ("Nachdem X ..., kritisierte Y") nor
        a subject a relative clause interrupts ("X, der ..., kritisierte Y"); not a
        clause that goes on with the first's subject ("..., verlangt aber Bedingungen")."""
        sent, trigger, clause = self.sent, self.trigger, self.clause
        if trigger.noun or trigger.type not in _role_words("said_types"):
            return False
        if clause.opener != "," or trigger.index != clause.first or at >= clause.first:
            return False
        first, last = self.subject
        if not clause.first < first < last or not self._closes_report(last):
            return False
        # "..., verlangt dafür aber Bedingungen" goes on with the first clause's subject
        if any(t.lower in _COORDINATORS for t in sent.tokens[clause.first : first]):
            return False
        opening = sent.clauses[0]
        words = [t for t in sent.tokens[opening.first : opening.last] if t.text[:1].isalnum()]
        if not words or words[0].lower in SUBORDINATORS:
            return False
        return any(finite_verb(t) for t in words[1:])

    def _closes_report(self, last: int) -> bool:
        """Whether the subject ends its clause but for a prepositional phrase or a
        particle after it ("kündigte X in Berlin an"): no object follows."""
        rest = [t for t in self.sent.tokens[last : self.clause.last] if t.text[:1].isalnum()]
        particles = lexicon().words("particles")
        return not rest or rest[0].lower in _prepositions() or rest[0].lower in particles

    def _relative_subject(self, at: int) -> str | None:
        """The relative pronoun that opens the trigger's clause where the name at ``at``
        ends right before its comma, the noun it stands for: "Kessler, der morgen vom
        Präsidenten empfangen wird" has Kessler received (review 168: he had been the
        host, a partner)."""
        tokens, first = self.sent.tokens, self.clause.first
        if self.clause.opener != "," or first < 2 or tokens[first - 1].text != ",":
            return None
        named = _mention_ending_at(self.sent, first - 2)
        if named is None or self.sent.token_index(named.start) > at or at > first - 2:
            return None
        pronoun = tokens[first].lower
        # a noun's event, or a genitive's "deren", "dessen", is not the pronoun's act
        if self.trigger.noun or pronoun in {"deren", "dessen"}:
            return None
        return pronoun if pronoun in lexicon().words("relative_pronouns") else None

    def in_subject(self, mention: Mention) -> bool:
        first, last = self.subject
        return first <= self.sent.token_index(mention.start) < last

    def reports_attacks(self) -> bool:
        """Whether the noun's clause has its subject report it (``reporting_verbs`` of a
        ``reported_types`` noun, not in the subject): who reports attacks and names no other
        target was attacked ("Iran meldet Angriffe auf eine Atomanlage"; review 269: Iran
        had been the attacker); "Israel meldet Angriffe auf Beirut" keeps its attacker, as
        Lebanon is their target, and so does a shooting down (``reported_own``)."""
        trigger, clause, tokens = self.trigger, self.clause, self.sent.tokens
        if not trigger.noun or trigger.type not in _role_words("reported_types"):
            return False
        word = tokens[trigger.index].lower
        if any(own in word for own in _role_words("reported_own")):
            return False  # "Russland meldet den Abschuss von Drohnen": its own act
        first, last = self.subject
        if first <= trigger.index < last:
            return False
        verbs = _role_words("reporting_verbs")
        return any(t.lemma in verbs for t in tokens[clause.first : clause.last])

    def _accusing(self) -> bool:
        """Whether a noun's event is what its clause accuses someone of (``accusing_verbs``):
        the accused did it, to the accuser as a rule (review 107: the accuser had
        attacked)."""
        return self.trigger.noun and accused_of(self.sent, self.clause, self.trigger)

    def _owner_elected(self) -> bool:
        """Whether the noun of an election (``possessed_types``) has a third person's
        possessive before it ("kommentiert X ihre Wahl", "Seit seiner Wahl hat X ..."):
        whose election it is was elected, the clause's subject as a rule (review 236: she
        had elected herself)."""
        trigger, tokens = self.trigger, self.sent.tokens
        if not trigger.noun or trigger.type not in _role_words("possessed_types"):
            return False
        start = phrase_start(tokens, trigger.index, self.clause.first, POSSESSIVES)
        return start < trigger.index and tokens[start].lower in POSSESSIVES

    def _received(self, role: str) -> str:
        """Who asks for aid or gets it is its target, who is asked gives it: "Die Ukraine
        bittet Deutschland um Hilfe" (review 60 had the Ukraine give it)."""
        trigger, clause = self.trigger, self.clause
        if not trigger.noun or trigger.type not in _role_words("received_types"):
            return role
        verbs = _role_words("recipient_verbs")
        if all(t.lemma not in verbs for t in self.sent.tokens[clause.first : clause.last]):
            return role
        return TARGET if role == AGENT else AGENT


def _passive(sent: SentenceView, trigger: Trigger) -> bool:
    """ "wurde angegriffen", "ist festgenommen worden": a participle with "werden"."""
    if trigger.noun:
        return False
    verb = sent.tokens[trigger.index]
    clause = sent.clauses[sent.clause_of(trigger.index)]
    words = {t.lower for t in sent.tokens[clause.first : clause.last]}
    participle_like = participle(verb) or verb.lower.endswith("t") or _bare_participle(verb, words)
    closing = _closes_its_clause(sent, trigger.index, clause.last)
    if _headline_participle(verb, clause) and closing and words.isdisjoint(auxiliaries()):
        return True  # a headline's: "Merz zum Vorsitzenden gewählt" (review 60)
    if _let_done(sent, trigger.index, clause):
        return True  # "will sich X vom Landtag wählen lassen" (review 237)
    if participle(verb) and closing and _stative(trigger, words):
        return True  # "Høiby ist in 38 Punkten angeklagt" (review 237)
    return participle_like and closing and not passive_auxiliaries().isdisjoint(words)


def _let_done(sent: SentenceView, at: int, clause: Clause) -> bool:
    """ "sich wählen lassen", "lässt sich festnehmen": an infinitive with "lassen" right
    after it, or closing its clause after a form of "lassen", and "sich" in the clause, is
    done to the subject (a reflexive causative); not past "und" ("sich nicht einschüchtern
    lasse und ... unterstützen werde")."""
    tokens = sent.tokens
    if all(t.lower != "sich" for t in tokens[clause.first : clause.last]):
        return False
    if at + 1 < clause.last and tokens[at + 1].lemma == "lassen":
        return True
    for token in reversed(tokens[clause.first : at]):
        if token.lower in _COORDINATORS:
            return False
        if token.lemma == "lassen":
            return _closes_its_clause(sent, at, clause.last)
    return False


def _stative(trigger: Trigger, words: set[str]) -> bool:
    """A participle with "sein" and no "werden" of an event whose verb takes "haben"
    (``stative_types``: "ist ... angeklagt", "sind festgenommen") says what befell the
    subject; "ist einmarschiert", an attack's perfect, does not."""
    if trigger.type not in _role_words("stative_types"):
        return False
    return not _STATIVE_SEIN.isdisjoint(words) and passive_auxiliaries().isdisjoint(words)


_STATIVE_SEIN = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären"})


def _bare_participle(verb: Token, words: set[str]) -> bool:
    """ "wurde von Kessler empfangen", "wurde beschossen": a strong participle without "ge"
    that reads as its infinitive (``bare_participles``, ``strong_participles``) is a
    passive's after a past "werden" or with who acts after "von" or "durch" (review 168:
    the host received had been the guest, the town shot at the attacker); "wird Marek
    empfangen" is a future, and so is "wird ... unterstützen", a weak verb's infinitive."""
    raw = lexicon().raw
    if verb.lower not in raw["roles"]["bare_participles"] and (
        verb.lower not in raw["strong_participles"]
    ):
        return False
    return not words.isdisjoint(_PAST_PASSIVE | _role_words("agent_prepositions"))


_PAST_PASSIVE = frozenset({"wurde", "wurden", "worden"})


def _headline_participle(verb: Token, clause: Clause) -> bool:
    """A participle with "ge" that is a whole clause's verb where a headline's stands: first
    in its sentence or after a colon. Not one in "-iert", which is a present too ("Weidel
    kritisiert, ..."), nor one after a comma, whose verb may stand before it."""
    lower = verb.lower
    return participle(verb) and not lower.endswith("iert") and clause.opener in {"", ":"}


def _closes_its_clause(sent: SentenceView, at: int, last: int) -> bool:
    """A passive's participle ends its clause, or only auxiliaries follow ("angegriffen
    worden ist"); a present tense in "-t" has its object after it ("Die EU sanktioniert
    Russland und wird ... prüfen", whose "wird" is a future's)."""
    for token in sent.tokens[at + 1 : last]:
        if token.lower in _COORDINATORS or token.text in DASHES:
            # "gewählt worden - zunächst für ein Jahr": what the dash adds is no object
            # (review 166)
            return True
        if token.text[:1].isalnum() and token.lower not in _after_participle():
            return False
    return True


# Relative pronouns that may be a clause's subject; "den", "dem", "denen" never are.
_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})

_COORDINATORS = frozenset({"und", "oder", "sowie", "aber"})


@cache
def _after_participle() -> frozenset[str]:
    """The auxiliaries a passive's participle may have after it in its clause."""
    return passive_auxiliaries() | {"sein", "ist", "sind", "war", "waren"}


_FROM_WORDS = frozenset({"von", "vom", "aus"})


def authored_from(sent: SentenceView, trigger: Trigger, prep: int) -> bool:
    """Whether the preposition at ``prep`` ("von", "vom", "aus") names the noun trigger's
    author: a noun of ``from_verbs`` (``promised_nouns``) with one of its verbs in its
    clause, "Kritik kommt von Altmaier", "Aus der CDU kommt Kritik" (review 245), where
    "von" is that verb's and no other noun's."""
    tokens = sent.tokens
    if not trigger.noun or tokens[prep].lower not in _FROM_WORDS:
        return False
    verbs = from_verbs(tokens[trigger.index].lemma.lower())
    if not verbs or sent.clause_of(prep) != sent.clause_of(trigger.index):
        return False
    clause = sent.clauses[sent.clause_of(trigger.index)]
    return any(tokens[j].lemma.lower() in verbs for j in range(clause.first, clause.last))


def _governor(sent: SentenceView, at: int, trigger: Trigger) -> tuple[str, int]:
    """What stands before the name's noun phrase: a preposition, "und", the noun trigger
    itself (a genitive after it), an object's article, or nothing that says ("bare")."""
    tokens = sent.tokens
    article = False
    for j in range(at - 1, max(-1, at - _NOUN_PHRASE - 1), -1):
        token = tokens[j]
        if seam(tokens, j + 1):  # "gehen anDie Hisbollah": "an" ends the sentence before
            break
        if j == trigger.index:
            return ("noun" if trigger.noun else "bare"), j
        if token.lower in _prepositions():
            return "preposition", j
        if token.lower in {"und", "sowie", "oder"} or token.text == ",":
            return "and", j
        if token.lower == "denen":
            # "mit denen Nordland verhandelt": the preposition governs the pronoun, the
            # name after it is the clause's subject (review 168)
            break
        article = article or token.lower in _role_words("object_articles")
        if not (token.lower in DETERMINERS or inflected_adjective(token) or token.capitalised):
            break
        if _other_name(sent, j):  # "mit Israel den Iran": Iran's phrase starts after Israel
            break
    return ("object" if article else "bare"), at


def _other_name(sent: SentenceView, j: int) -> bool:
    """Whether token ``j`` is part of a name that is not an adjective or a genitive ("den
    chinesischen Präsidenten Xi", "mit Russlands Staatschef Putin" are one phrase)."""
    named = _mention_ending_at(sent, j)
    return named is not None and not named.derived and not named.text.endswith("s")


def _preposition_role(
    sent: SentenceView, trigger: Trigger, j: int, passive: bool, mention: Mention
) -> str:
    word = sent.tokens[j].lower
    if word in _role_words("partner_prepositions"):
        return PARTNER
    asked = trigger.type in _role_words("asked_types") and not (trigger.noun or passive)
    if word in {"von", "vom"} and asked and not _name_particle(sent, j, mention):
        return TARGET  # "fordert von Deutschland mehr Hilfe": who is asked
    if word in {"von", "vom"} and _shot_at(sent, trigger, j, mention):
        return TARGET  # "Beschuss von US-Militärschiff": what is shot at
    if word in _role_words("agent_prepositions"):
        # "die Festnahme von Maduro": acted on; "Festnahme durch die Polizei": acting
        return TARGET if _patient(trigger, mention) and word != "durch" else AGENT
    if word == "mit":
        if j > 0 and sent.tokens[j - 1].lower in _role_words("coagent_words"):
            return AGENT
        if trigger.type in _role_words("symmetric_types"):
            return TARGET
        # "fordern ... im Umgang mit der AfD": a noun's partner; "hat mit Macron
        # gefordert": one who acts with the subject
        return TARGET if j > 0 and sent.tokens[j - 1].capitalised else AGENT
    origin = word in _role_words("origin_prepositions") and not trigger.noun
    if origin and trigger.type in _role_words("origin_types"):
        # "aus dem Libanon seien Raketen abgefeuert worden": where it came from; not with
        # a noun, whose clause's verb "aus" belongs to ("aus Teheran werden Angriffe gemeldet")
        return ORIGIN
    return TARGET


def _shot_at(sent: SentenceView, trigger: Trigger, j: int, mention: Mention) -> bool:
    """Whether the "von" at token ``j`` right after a noun of ``patient_nouns`` names what
    is shot at: "Iran meldet Beschuss von US-Militärschiff" (review 107: the USA had
    fired); not an adjective, "Beschuss von russischer Seite"."""
    noun = sent.tokens[trigger.index].lower
    return (
        trigger.noun
        and j == trigger.index + 1
        and any(noun.endswith(n) for n in _role_words("patient_nouns"))
        and mention.text[:1].isupper()
    )


def _employees_of(mention: Mention) -> bool:
    """Whether a compound name's head is a workforce of ``employee_heads``: "Lufthansa-
    Piloten" are the airline's pilots, who strike against it (review 107)."""
    head = mention.text.rsplit("-", 1)[-1].lower() if "-" in mention.text else ""
    return mention.derived and head in _role_words("employee_heads")


def _name_particle(sent: SentenceView, j: int, mention: Mention) -> bool:
    """Whether the "von" at token ``j`` begins a person's name: "Von der Leyen fordert".
    Not a "Von" right before the name, which asks of that person: "Von Wolodymyr
    Selenskyj fordert er mehr Realismus" (review 272: Selenskyj had demanded)."""
    articles = {"der", "den", "dem"}
    between = sent.tokens[j + 1 : sent.token_index(mention.start)]
    joined = bool(between) or mention.text.split(" ", 1)[0] in articles  # "der Leyen"
    particles = joined and all(t.lower in articles for t in between)
    return mention.type == "PER" and particles and sent.tokens[j].capitalised


def _patient(trigger: Trigger, mention: Mention) -> bool:
    """A person is who a noun of arrest or election is about ("die Wahl Trumps"); an
    institution chooses ("die Wahl des Nobelkomitees")."""
    return trigger.type in _role_words("patient_types") and mention.type == "PER"


def _mention_ending_at(sent: SentenceView, j: int) -> Mention | None:
    """The mention that takes in token ``j`` ("Putin" before "und")."""
    if j < 0:
        return None
    token = sent.tokens[j]
    return next((m for m in sent.mentions if m.start < token.end <= m.end), None)


def _own_before(sent: SentenceView, mention: Mention, trigger: Trigger) -> bool:
    """ "Putins Besuch", "massive russische Drohnenangriffe": a name in the genitive or an
    adjective of a country before the noun, with only adjectives between."""
    if not (mention.derived or mention.text.endswith(("s", "’", "'"))):
        return False
    end = sent.token_index(mention.end)
    between = sent.tokens[end : trigger.index]
    return end <= trigger.index and all(inflected_adjective(t) for t in between)


def asker_span(sent: SentenceView, clause: Clause, trigger: Trigger) -> tuple[int, int] | None:
    """The subject of a clause that asks someone else to do what its infinitive says
    ("Pahlavi forderte von Trump, dem Volk zu helfen": ``asking`` in ``event_cues.json``);
    None where the clause asks no one."""
    verbs = lexicon().words("asking.verbs")
    asking = next(
        (
            j
            for j in range(clause.first, clause.last)
            if verbs.intersection(lemma_keys(sent.tokens, clause, j))
        ),
        None,
    )
    # "wurden die CHP-Mitglieder dazu aufgerufen, ... zu protestieren": a passive's
    # subject is who is asked, and does it (review 220: the protest had lost its party)
    if asking is None or _passive(sent, Trigger(trigger.type, trigger.code, asking, False)):
        return None
    return _subject_span(sent, clause, trigger)


def subject_span(sent: SentenceView, clause: Clause, trigger: Trigger) -> tuple[int, int]:
    """The token span of the clause's subject (``_subject_span``)."""
    return _subject_span(sent, clause, trigger)


def _subject_span(sent: SentenceView, clause: Clause, trigger: Trigger) -> tuple[int, int]:
    """The token span of the clause's subject, as word order gives it: the words before
    the finite verb of a main clause, unless they are a phrase of time or place; else the
    first noun phrase after the finite verb (or after the word that opens a subordinate
    clause), with what "und" joins to it."""
    tokens = sent.tokens
    first = clause.first
    if tokens[first].lower in lexicon().words("complementisers"):
        return _noun_phrase(sent, first + 1, clause.last)
    verbs = [j for j in range(first, clause.last) if not _attributive(tokens, j, first)]
    finite = next((j for j in verbs if _finite(tokens[j], j, trigger)), None)
    if finite is None:
        return _noun_phrase(sent, first, clause.last)
    # "Denn im Gegensatz zu ... wählt die Union": the joining word is before the first
    # position (review 168)
    if finite > first + 1 and tokens[first].lower in _role_words("conjunctions"):
        first += 1
    if finite > first and _subject_before(sent, first, finite, trigger):
        return first, finite
    return _noun_phrase(sent, finite + 1, clause.last)


def _subject_before(sent: SentenceView, first: int, finite: int, trigger: Trigger) -> bool:
    """Whether the words before a main clause's finite verb are its subject: a name there
    outside a prepositional phrase is ("Auch Indien kritisiert ..."); a phrase of time or
    place is not ("Am Montag griff Russland ...", "Kurz vor der Freilassung hat ..."), nor a
    pronoun alone that is the object ("Das gab Kristersson bekannt"), nor a phrase that an
    object's article opens ("Den Präsidenten traf Merz")."""
    tokens = sent.tokens
    if tokens[first].lower in _role_words("object_articles"):
        return False  # an object put first: "Den Iran griff Israel an"
    start, end = tokens[first].start, tokens[finite].start
    named = [m for m in sent.mentions if start <= m.start < end and not m.derived]
    if any(_governed_as(sent, sent.token_index(m.start), trigger) != "preposition" for m in named):
        return True
    opener = tokens[first].lower
    adverbial = opener in _prepositions() or opener in _role_words("clause_adverbs")
    alone = finite == first + 1 and opener in _role_words("object_pronouns")
    # "Kurz vor der Freilassung", "Fünf Tage nach der Festnahme"; not "Akademiker aus Israel"
    return not (adverbial or alone or _timed(tokens, first, finite))


def _timed(tokens: list[Token], first: int, finite: int) -> bool:
    """Whether the first position is a phrase of time that opens with a word or a span of
    time before a temporal preposition ("Kurz vor", "Fünf Tage nach": ``more_time_spans``
    and ``earlier_by``)."""
    words = [t.lower for t in tokens[first + 1 : min(finite, first + 3)]]
    temporal = lexicon().words("temporal_prepositions") | {"vor"}
    if words[:1] and words[0] in temporal:
        return True
    spans = _role_words("more_time_spans") | set(lexicon().raw["earlier_by"]["words"])
    return len(words) == 2 and words[0] in spans and words[1] in temporal


def _governed_as(sent: SentenceView, at: int, trigger: Trigger, depth: int = 0) -> str:
    """What governs the name at ``at``; a name joined by "und" is governed as the one
    before it ("Nach dem Angriff Israels und der USA hat Teheran ...": both in the
    preposition's phrase, so Teheran is the subject; review 208)."""
    kind, j = _governor(sent, at, trigger)
    joined = _mention_ending_at(sent, j - 1) if kind == "and" and depth < 4 else None
    if joined is None:
        return kind
    return _governed_as(sent, sent.token_index(joined.start), trigger, depth + 1)


def _attributive(tokens: list[Token], j: int, first: int) -> bool:
    """Whether the word at ``j`` is a participle before its noun inside a preposition's
    phrase, with only articles, adjectives or an adverb in "-lich" between: "Nach der
    vereinbarten Waffenruhe nimmt ...", "In den vergangenen Monaten weitete Russland ...
    aus", "um mutmaßlich veruntreute EU-Gelder" (review 224: read as the finite verb, they
    had put the subject before the real one)."""
    if j + 1 >= len(tokens) or not tokens[j + 1].capitalised or tokens[j].capitalised:
        return False
    k = j - 1
    while k > first and (
        tokens[k].lower in DETERMINERS
        or inflected_adjective(tokens[k])
        or (tokens[k].lower.endswith("lich") and not tokens[k].capitalised)
    ):
        k -= 1
    return k >= first and tokens[k].lower in _prepositions()


def _finite(token: Token, j: int, trigger: Trigger) -> bool:
    """An auxiliary, the verb trigger, or a word that looks like a verb ("griffen" in "Die
    USA griffen Venezuela an und nahmen Maduro fest")."""
    if token.capitalised and j > 0:
        return False
    auxiliary = token.lower in auxiliaries() or token.lower in passive_auxiliaries()
    if auxiliary or (j == trigger.index and not trigger.noun):
        return True
    return finite_verb(token) and token.lower not in _role_words("clause_adverbs")


def _noun_phrase(sent: SentenceView, first: int, last: int) -> tuple[int, int]:
    """The first noun phrase from ``first``: past adverbs and prepositional phrases ("am
    Montag"), through determiners, adjectives, names and "und"; it ends after a name that
    another capitalised word follows ("Russland Kiew": subject and object)."""
    tokens = sent.tokens
    j = first
    while j < last and not (_starts_noun_phrase(tokens[j]) or _named_compound(sent, j, j)):
        j += 1
        if tokens[j - 1].lower in _prepositions():
            while j < last and (tokens[j].capitalised or tokens[j].lower in DETERMINERS):
                j += 1
    # a personal pronoun is a whole phrase: in "forderte er Libanon und Israel auf" the
    # names after it are objects (review 168: they had been agents); not one that "und"
    # joins to a name ("wollen er und Putin sich treffen")
    joined = j + 1 < last and tokens[j + 1].lower in _COORDINATORS
    if j < last and tokens[j].lower in _role_words("subject_pronouns") and not joined:
        return j, j + 1
    end = j
    while end < last and (
        _starts_noun_phrase(tokens[end])
        or _inside_noun_phrase(tokens[end])
        or _hyphenated_name(sent, end)
        or _named_compound(sent, end, j)
    ):
        if end > j and _name_ends_phrase(sent, end) and _starts_noun_phrase(tokens[end]):
            break
        # "greift die israelische Armee die Terrormiliz Hisbollah an": an article after a
        # noun opens the object (review 195: Hisbollah had been a subject, so an agent)
        if end > j and opens_another_phrase(tokens, end):
            break
        end += 1
        # "sowohl die Ukraine als auch Russland" (review 182: the second was an object)
        if _also(tokens, j, end, last):
            end += 2
    return j, end


def _also(tokens: list[Token], first: int, at: int, last: int) -> bool:
    """Whether "als auch" at ``at`` goes on with a phrase that "sowohl" opened."""
    opened = first > 0 and tokens[first - 1].lower == "sowohl"
    also = at + 2 < last and tokens[at].lower == "als" and tokens[at + 1].lower == "auch"
    return opened and also


def _hyphenated_name(sent: SentenceView, at: int) -> bool:
    """A hyphenated word of a name goes on with the phrase: "Bundespräsident Frank-Walter
    Steinmeier" (review 163: the phrase had ended before "Frank-Walter", so the named
    subject after the finite verb had been the target of its own demand). A compound
    that no name covers whole ("die Drohnen US-Militäreinrichtungen") ends it."""
    token = sent.tokens[at]
    return "-" in token.text and any(
        m.start <= token.start and token.end <= m.end and not m.derived for m in sent.mentions
    )


def _named_compound(sent: SentenceView, at: int, first: int) -> bool:
    """A compound that a name covers whole, a country's too ("US-Streitkräfte"), opens a
    noun phrase at ``first`` or goes on with one after its articles, adjectives or
    numerals (review 220: "hatten US-Streitkräfte ... beschlagnahmt" had the USA the
    target of their own seizure); after a noun it is another phrase ("die Drohnen
    US-Militäreinrichtungen", "die Polizei 115 mutmaßliche IS-Mitglieder"), and after an
    adjective where no phrase opened it is in a phrase passed over ("über einen möglichen
    US-Angriff")."""
    tokens, token = sent.tokens, sent.tokens[at]
    covered = any(m.start <= token.start < token.end <= m.end for m in sent.mentions)
    if "-" not in token.text or not covered:
        return False
    if at == first:  # nor in brackets: "(US-Ostküstenzeit)"
        previous = tokens[at - 1] if at else None
        return previous is None or (previous.text.isalpha() and not inflected_adjective(previous))
    return not any(t.capitalised and t.lower not in DETERMINERS for t in tokens[first:at])


def _name_ends_phrase(sent: SentenceView, at: int) -> bool:
    """Whether a name ends right before token ``at`` and so ends its noun phrase ("Russland
    Kiew": subject and object); a genitive goes on to its noun ("Spaniens Präsident
    Sánchez"), but not to another name ("die Hamas Israel", "Boris Pistorius Friedrich
    Merz", review 39)."""
    named = _mention_ending_at(sent, at - 1)
    if named is None or named.derived or named.end > sent.tokens[at].start:
        return False
    next_name = any(m.start == sent.tokens[at].start for m in sent.mentions)
    return next_name or not named.text.endswith("s")


def _starts_noun_phrase(token: Token) -> bool:
    lower = token.lower
    if lower in _prepositions():
        return False
    pronoun = lower in _role_words("subject_pronouns")
    return pronoun or lower in DETERMINERS or (token.capitalised and token.text.isalpha())


def _inside_noun_phrase(token: Token) -> bool:
    # a numeral too: "die vier Europäer" (review 182: the phrase had ended at "die")
    numeral = token.text.isdigit() or token.lower in number_words()
    adjective = inflected_adjective(token) or _unknown_adjective(token)
    return token.lower in {"und", "sowie", "-"} or numeral or adjective


def _unknown_adjective(token: Token) -> bool:
    """An inflected adjective the lemma dictionary does not know, by its ending
    (``unknown_adjective_endings``): "der belarussische Machthaber Lukaschenko" (review 272:
    the subject had ended at "der", so he was the target of what he announced)."""
    lower = token.lower
    if token.capitalised or not token.text.isalpha() or is_known(lower):
        return False
    return lower.endswith(tuple(_role_words("unknown_adjective_endings")))
