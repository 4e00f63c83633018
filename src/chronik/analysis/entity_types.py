"""Types NER gave that the context corrects: a person named by a place's name or after an
office, a place that is a club's or a firm's name, an organisation, an event, a storm, a
compound on a name and a demonym. Each step sets ``Mention.type`` (and ``derived``) in
place; ``retype`` runs them in order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from chronik.analysis.entity_keys import (
    People,
    Tokens,
    compound_base,
    genitive_bases,
    place_of,
    split_solid,
    text_key,
)
from chronik.analysis.entity_names import declined_adjective
from chronik.analysis.gazetteer import (
    Gazetteer,
    city_adjective,
    fold,
    read_data,
    rule_endings,
    rule_words,
)
from chronik.analysis.roles import role_lexicon
from chronik.model import Mention


def retype(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """Every step below in turn, each on the types the steps before it left."""
    _retype_people(mentions, gazetteer)
    _retype_by_role(mentions, tokens, gazetteer)
    _retype_named_alone(mentions, tokens, gazetteer)
    _retype_places(mentions, tokens, gazetteer)
    _retype_lone_places(mentions, tokens, gazetteer)
    _retype_organisations(mentions)
    _retype_events(mentions, tokens, gazetteer)
    _retype_compounds(mentions)
    _retype_weather(mentions, tokens, gazetteer)
    _retype_projects(mentions, tokens, gazetteer)
    _retype_plants(mentions, tokens, gazetteer)
    _retype_venues(mentions, tokens, gazetteer)
    _retype_firms(mentions, tokens, gazetteer)
    _retype_awards(mentions, gazetteer)
    _retype_named_after_people(mentions, gazetteer)
    _retype_demonyms(mentions, gazetteer)
    _retype_peoples(mentions)
    _retype_quoted_people(mentions, tokens)
    _retype_quoted_compounds(mentions, tokens)
    _retype_adjective_nouns(mentions)
    _retype_roads(mentions)
    _retype_club_matches(mentions, tokens, gazetteer)


def _retype_people(mentions: Sequence[Mention], gazetteer: Gazetteer) -> None:
    """A name typed otherwise that is a person's full name or surname in the same article
    is that person: "Merz" tagged ORG beside "Friedrich Merz", "Leyen" beside "Ursula von
    der Leyen"; so is the genitive of a name the article gives a person alone, however
    short ("Xis" beside "Xi", whose family name stands first in "Xi Jinping"), a full name
    around such a name (``_with_surname``) and the first name of one full name
    (``_first_name``). Places the gazetteer knows keep their type ("Washington")."""
    alone = {
        key
        for m in mentions
        if m.type == "PER" and not m.derived and " " not in (key := fold(m.text))
    }
    # Full names first: "Delcy" is a first name once "Delcy Eloina Rodríguez Gómez" is one.
    _retype_if(mentions, gazetteer, lambda words: _with_surname(words, alone))
    people = People.of(mentions)
    if not people.full and not alone:
        return

    def named(words: list[str]) -> bool:
        if len(words) > 3:
            return False
        bare = {w[:-1] if w.endswith("s") else w for w in words}  # "Merz'" / "Putins"
        if tuple(words) in people.full or people.surname(set(words), bare):
            return True
        one = words[0] if len(words) == 1 else ""
        return bool(alone.intersection(genitive_bases(one))) or _first_name(one, people)

    _retype_if(mentions, gazetteer, named)


def _retype_if(
    mentions: Sequence[Mention], gazetteer: Gazetteer, named: Callable[[list[str]], bool]
) -> None:
    """Each name of another type, not derived, whose folded words are ``named``, is a
    person's; the gazetteer is asked only about the few names that fit a person."""
    for mention in mentions:
        if mention.type == "PER" or mention.derived:
            continue
        words = fold(mention.text).split()
        if words and named(words) and place_of(mention, gazetteer) is None:
            mention.type = "PER"


def _first_name(word: str, people: People) -> bool:
    """Whether a word is the first name of exactly one person the article names in full
    ("nur als Delcy bekannt" beside her full name; review 139: an organisation "Delcy")."""
    return bool(word) and sum(full[0] == word for full in people.full) == 1


def _with_surname(words: list[str], alone: set[str]) -> bool:
    """Whether a name of three or four words holds, after its first, a surname the article
    gives a person alone: first names, the surname and perhaps a second one ("Delcy Eloina
    Rodríguez Gómez" beside "Rodríguez"; review 139: NER typed it MISC). Not of two words:
    "Kabinett Merz" is the cabinet."""
    return 3 <= len(words) <= 4 and any(w in alone for w in words[1:])


def _retype_by_role(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name NER typed a place or an organisation that the article uses as a person's, by
    an office right before it ("Außenminister Wadephul") or by typing it PER elsewhere, is
    that person in all its mentions. Places the gazetteer knows keep their type. NER's
    type alone is no such evidence: it typed "Losowa" PER once and LOC once."""
    people = {fold(_titled(m, gazetteer)) for m in mentions if m.type == "PER"}
    people |= {
        fold(m.text) for m in mentions if not m.derived and after_office(m, tokens, gazetteer)
    }
    people.discard("")
    for mention in mentions:
        if mention.type == "PER" or mention.derived or fold(mention.text) not in people:
            continue
        if place_of(replace(mention, type="LOC"), gazetteer) is None:
            mention.type = "PER"


def _retype_named_alone(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A one-word name typed otherwise that the article types PER alone elsewhere, at
    least as often, is that person: "Trump und Xi" (ORG) beside "Xi zeigt Trump" (PER),
    "EskalationKlingbeil" (LOC, cut at the seam) beside "Vizekanzler Klingbeil" (review
    261). NER's type alone is weak evidence, so a mention keeps its type where anything
    else says what it is: a place the gazetteer knows ("Losowa"), a place's preposition
    or "von" before it ("in Davos", "die Delegation von Korvan"), or a noun right before
    it that names its kind ("die Band Deichkind", "Region Cherson")."""
    alone = Counter(fold(m.text) for m in mentions if _one_word(m) and m.type == "PER")
    others = Counter(fold(m.text) for m in mentions if _one_word(m) and m.type != "PER")
    named = {start for m in mentions for start in _word_starts(m, tokens)}
    for mention in mentions:
        key = fold(mention.text)
        if mention.type == "PER" or not _one_word(mention) or alone[key] < others[key]:
            continue
        if _placed_or_kind(mention, tokens, gazetteer, named):
            continue
        mention.type = "PER"


def _one_word(mention: Mention) -> bool:
    return not mention.derived and mention.text.isalpha() and mention.text[:1].isupper()


def _placed_or_kind(
    mention: Mention, tokens: Tokens, gazetteer: Gazetteer, named: set[int]
) -> bool:
    """Whether more than NER's type says what a name is: the gazetteer, a place's
    preposition or "von", or a capitalised word right before it that is no name (an apposition's
    noun, "die Band Deichkind"; an office is no such noun: "Vizekanzler Klingbeil")."""
    if place_of(replace(mention, type="LOC"), gazetteer) is not None:
        return True
    i = tokens.index(mention.start)
    if i == 0 or tokens.starts[i : i + 1] != [mention.start] or not tokens.adjacent(i - 1, i):
        return False
    before = tokens.words[i - 1][2]
    if before.lower() in _PLACE_PREPOSITIONS or before.lower() in ("von", "vom"):
        return True
    if not before[:1].isupper() or not before.isalpha() or tokens.starts[i - 1] in named:
        return False
    return role_lexicon().compound_office(before, gazetteer) is None


def _word_starts(mention: Mention, tokens: Tokens) -> list[int]:
    """Where the words a mention covers start (by bisection: a scan to the text's end for
    each mention is quadratic in a long text)."""
    return tokens.starts[tokens.index(mention.start) : tokens.index(mention.end)]


def _titled(mention: Mention, gazetteer: Gazetteer) -> str:
    """The name of a PER span that opens with an office ("Präsident Selenskyj"), else ""."""
    office, _, name = mention.text.partition(" ")
    found = name and " " not in name and role_lexicon().office(office, gazetteer)
    return name if found else ""


def after_office(mention: Mention, tokens: Tokens, gazetteer: Gazetteer) -> bool:
    i = tokens.index(mention.start)
    if i == 0 or not tokens.adjacent(i - 1, i) or " " in mention.text:
        return False
    return role_lexicon().office(tokens.words[i - 1][2], gazetteer) is not None


# Words before a name that make it a place, not the club or firm named after it.
_PLACE_PREPOSITIONS = frozenset("in im nach aus bei nahe".split())


def _retype_places(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A town or region the gazetteer knows that NER typed ORG is the place where the
    article says so: by a place's preposition or a country's adjective right before it
    ("im sudanesischen Aleppo", "nach Aleppo"), or by NER typing the same name LOC
    elsewhere. Where a mention says club ("gegen Bremen", "1:0") all stay ORG."""
    candidates = [
        m for m in mentions if m.type == "ORG" and not m.derived and _town(m.text, gazetteer)
    ]
    if not candidates:
        return
    places = {m.text for m in mentions if m.type == "LOC"}
    places |= {m.text for m in candidates if _place_context(m, tokens, gazetteer)}
    clubs = {m.text for m in candidates if _club_context(m, tokens)}
    for mention in candidates:
        if mention.text in places - clubs:
            mention.type = "LOC"


def _town(text: str, gazetteer: Gazetteer) -> bool:
    hit = gazetteer.name(text)
    return hit is not None and not hit.derived and hit.place.kind != "country"


def _place_context(mention: Mention, tokens: Tokens, gazetteer: Gazetteer) -> bool:
    i = tokens.index(mention.start) - 1
    if i >= 0 and gazetteer.country_adjective(tokens.words[i][2]) is not None:
        i -= 1
    return i >= 0 and tokens.words[i][2].lower() in _PLACE_PREPOSITIONS


def _club_context(mention: Mention, tokens: Tokens) -> bool:
    i = tokens.index(mention.start)
    before = tokens.words[i - 1][2].lower() if i > 0 else ""
    line = tokens.text[max(0, mention.start - 80) : mention.end + 80]
    return before in ("gegen", "beim") or re.search(r"\d:\d", line) is not None


def _retype_lone_places(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A person of one word that the article also names as a place is that place: NER
    typed a teaser's "Davos: …" PER and "eine Rede in Davos" LOC, two entities of one
    article. The place needs evidence beside NER's type: a place's preposition or noun
    ("Insel Poel") before a LOC mention, or the gazetteer's town ("Kiew, Cherson und
    Odessa"); "Mamdanis" typed LOC once and PER once is a person's genitive. Not a word of
    a person's fuller name of the article ("Anna Davos"). So is an organisation named
    after its noun ("Nachrichtenagentur Tasnim" ORG beside "laut Tasnim" PER, review 194)."""
    places = {m.text for m in mentions if m.type == "LOC" and _placed(m, tokens, gazetteer)}
    firms = {m.text for m in mentions if m.type == "ORG" and _after_cue(m, tokens, "ORG")}
    if not places and not firms:
        return
    names = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split()}
    for mention in mentions:
        lone = mention.type == "PER" and not mention.derived and " " not in mention.text
        if not lone or mention.text in names:
            continue
        if mention.text in places:
            mention.type = "LOC"
        elif mention.text in firms:
            mention.type = "ORG"


def _placed(mention: Mention, tokens: Tokens, gazetteer: Gazetteer) -> bool:
    """Whether a place mention has evidence beside NER's type (``_retype_lone_places``)."""
    return not mention.derived and (
        _place_context(mention, tokens, gazetteer)
        or _after_cue(mention, tokens, "LOC")
        or _known_place(mention, gazetteer)
    )


def _after_cue(mention: Mention, tokens: Tokens, type_: str) -> bool:
    """Whether a noun of the type, or a compound on one, stands right before the name
    (``cues`` in ``ner_rules.json``: "der Insel Poel", "Ostseeinsel Poel", where NER typed
    "vor Poel" PER in the same article, review 91; "Nachrichtenagentur Tasnim")."""
    i = tokens.index(mention.start)
    if i == 0 or tokens.starts[i : i + 1] != [mention.start]:
        return False
    before = tokens.words[i - 1][2].lower()
    return before.endswith(_cue_nouns(type_))


@lru_cache(maxsize=3)
def _cue_nouns(type_: str) -> tuple[str, ...]:
    return tuple(cue.lower() for cue in read_data("ner_rules.json")["cues"][type_])


def _known_place(mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer resolves the name itself, also by its fold key ("Cherson" is
    Kherson's), not a word derived from a place."""
    hit = place_of(mention, gazetteer)
    return hit is not None and not hit.derived


def _retype_organisations(mentions: Sequence[Mention]) -> None:
    """A name that is an organisation whatever NER typed it (``organisations`` in
    ``entities_rules.json``), alone or as a compound's base, is ORG: "Stellungen der
    Hisbollah" typed LOC had made a place "Hisbollah" beside the organisation."""
    names = rule_words("organisations")
    for mention in mentions:
        base = compound_base(mention.text) if "-" in mention.text else mention.text
        if mention.type != "ORG" and base in names:
            mention.type = "ORG"
            mention.derived = mention.derived or base != mention.text


def _retype_events(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name of an event or a thing (``events`` in ``entities_rules.json``), alone,
    declined or as a compound's base, is MISC: NER typed "Fußball-WM" and "Olympia" ORG
    (29 and 20 articles of the stream), "Chanukka" a person. So is a name of one word on
    an event's head (:func:`_event_head`: "Bundesparteitag", ORG in six months of the
    stream; review 158). A place's preposition before a LOC mention keeps the place ("in
    Olympia", the Greek town)."""
    for mention in mentions:
        head = not mention.derived and _event_head(mention.text)
        if mention.type == "MISC" or not (head or is_event(mention.text)):
            continue
        if mention.type == "LOC" and _place_context(mention, tokens, gazetteer):
            continue
        mention.type = "MISC"
        # The name itself, not a word derived from it, where the model read the compound
        # "Bundestagswahl" as one on "Bundestag".
        mention.derived = not head and text_key(mention.text) not in _event_keys()


def is_event(text: str) -> bool:
    """Whether the name, or the base of a compound on it ("Olympia-Gold"), is an event's;
    also in the dative plural, which the key keeps ("bei den Olympischen Winterspielen",
    review 108)."""
    keys = _event_keys()
    if text.endswith("en") and text_key(text[:-1]) in keys:
        return True
    return text_key(text) in keys or ("-" in text and text_key(compound_base(text)) in keys)


def _event_head(text: str) -> bool:
    """Whether a name of one word, no compound's hyphen, ends in an event's head
    (``event_heads``: "Bundesparteitag", "des Landesparteitags"). Only for a mention NER
    did not mark derived: "Ukrainegipfel" is a mention of Ukraine, as NER marks it, and
    the story engine reads it so."""
    if not text.isalpha():
        return False
    lower = text.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    return any(form.endswith(rule_endings("event_heads")) for form in forms)


@lru_cache(maxsize=1)
def _event_keys() -> frozenset[str]:
    return frozenset(text_key(name) for name in read_data("entities_rules.json")["events"]["words"])


@lru_cache(maxsize=1)
def seats() -> frozenset[str]:
    """The seats' keys, so that every declined form is one: "das Weiße Haus", "im Weißem
    Haus" (sic), which the list does not give as written."""
    return frozenset(text_key(name) for name in read_data("ner_rules.json")["seats"]["names"])


def _retype_compounds(mentions: Sequence[Mention]) -> None:
    """A compound NER typed PER on a name that the article gives as no person's is that
    name's: "Hisbollah-Ziele" beside "der Hisbollah" (ORG). Kept a person's, it became a
    person "Hisbollah" beside the organisation, since people are grouped apart."""
    people = {
        w for m in mentions if m.type == "PER" and not m.derived for w in fold(m.text).split()
    }
    types: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "PER" and not m.derived:
            for key in (text_key(m.text), *genitive_bases(text_key(m.text))):
                types.setdefault(key, set()).add(m.type)
    for mention in mentions:
        if mention.type != "PER" or not mention.derived or "-" not in mention.text:
            continue
        base = compound_base(mention.text)
        named = types.get(text_key(base), set())
        if len(named) == 1 and not set(fold(base).split()) & people:
            mention.type = next(iter(named))


def _retype_weather(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name right after a weather system's noun ("Sturmtief Elli", "Tief „Gunda“") is that
    system's, MISC in all its mentions: NER typed one storm ORG, PER, LOC and MISC by
    article, four entities of one storm across them. A place the gazetteer knows stays."""
    _retype_after(mentions, tokens, gazetteer, _weather_noun)


def _retype_projects(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name right after a project's noun, or a compound on one ("das Bauprojekt Stuttgart
    21", "des Milliardenprojekts „Stuttgart 21“"), is that project's, MISC in all its
    mentions, as a storm's is (review 151: NER typed "Stuttgart 21" ORG in both articles
    of November 2025 that name it). A place the gazetteer knows stays ("das
    Beschaffungsprojekt Deutschlands")."""
    _retype_after(mentions, tokens, gazetteer, _project_noun)


def _retype_plants(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name right after a power plant's noun (``plant_nouns``: "das AKW Tschernobyl",
    "im Atomkraftwerk Saporischschja") is the place the plant is named after, LOC in all
    its mentions: NER typed every "Tschernobyl" of two articles MISC, also "von
    Tschernobyl" (review 154), a thing of its own beside the place."""
    _retype_after(mentions, tokens, gazetteer, _plant_noun, "LOC")


def _retype_venues(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name right after a restaurant's noun (``venue_nouns``: "das Restaurant Noma") is
    the business's, ORG in all its mentions: NER typed "Noma" LOC in every mention of an
    article of March 2026 (review 154, review 158). Not a hotel's (see the list's note)."""
    _retype_after(mentions, tokens, gazetteer, _venue_noun, "ORG")


def _retype_firms(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name right after a firm's noun (``firm_nouns``: "die Drogeriemarkt-Kette
    Rossmann") is the firm's, ORG in all its mentions: NER typed "Rossmann" PER in every
    mention of an article of November 2025 (review 162)."""
    _retype_after(mentions, tokens, gazetteer, _firm_noun, "ORG")


def _retype_after(
    mentions: Sequence[Mention],
    tokens: Tokens,
    gazetteer: Gazetteer,
    noun: Callable[[str], bool],
    type_: str = "MISC",
) -> None:
    """Every mention of a name that stands right after a ``noun`` once is of ``type_``; a
    place the gazetteer knows stays as it is."""
    things = {fold(m.text) for m in mentions if not m.derived and _after_noun(m, tokens, noun)}
    for mention in mentions:
        if mention.derived or fold(mention.text) not in things:
            continue
        if place_of(replace(mention, type="LOC"), gazetteer) is None:
            mention.type = type_


def _retype_awards(mentions: Sequence[Mention], gazetteer: Gazetteer) -> None:
    """A name the article makes the base of a compound on an award's noun
    (``award_heads``: "Bambi-Preisverleihung", "Grimme-Preisträgerin") is an award's,
    MISC in all its mentions, as a name of ``events`` is: NER typed "Bambi" ORG (review
    154; review 143 had found no rule without a list of awards). A place the gazetteer
    knows stays."""
    heads = rule_endings("award_heads")
    awards = {
        text_key(compound_base(m.text))
        for m in mentions
        if "-" in m.text and m.text.rsplit("-", 1)[1].lower().endswith(heads)
    }
    for mention in mentions:
        own = text_key(mention.text)
        base = text_key(compound_base(mention.text)) if "-" in mention.text else own
        if mention.type == "MISC" or base not in awards:
            continue
        if place_of(replace(mention, type="LOC"), gazetteer) is None:
            mention.type = "MISC"


def _retype_named_after_people(mentions: Sequence[Mention], gazetteer: Gazetteer) -> None:
    """A compound written as one word that NER typed a derived person's, on a noun that is
    no role ("Hitlergruß": Hitler, "gruß"), is a thing named after a person, MISC: no one
    is called so, and it had been a person "Hitlergruß" (review 151's December, 3
    mentions; the only such mention NER gave on the stream, review 154). A role's
    compound ("Kremlchef") stays a person's."""
    for mention in mentions:
        if mention.type != "PER" or not mention.derived or not mention.text.isalpha():
            continue
        split = split_solid(mention.text)
        if split is not None and role_lexicon().role(split[1], gazetteer) is None:
            mention.type, mention.derived = "MISC", False


def _retype_demonyms(mentions: Sequence[Mention], gazetteer: Gazetteer) -> None:
    """A country's demonym NER typed PER ("Für Syrer entfällt der Schutz") is the country's
    derived mention, as it is when typed LOC: a people is no person. Not where it is a word
    of a person's name in the article ("Schweizer" in "Anna Schweizer")."""
    words = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split()}
    for mention in mentions:
        text = mention.text
        demonym = text[:1].isupper() and text.lower() in gazetteer.demonyms
        if mention.type == "PER" and demonym and text not in words:
            mention.type = "LOC"


def _retype_peoples(mentions: Sequence[Mention]) -> None:
    """A people without a state of its own (``peoples``: "Kurden", "Uiguren", "Rohingya")
    is MISC, no place and no person: NER typed "Kurden" LOC, a place "Kurden" of 7
    mentions in January 2026 (review 162, review 167). A people with a country is the
    gazetteer's demonym and stays a derived mention of that country ("Syrer")."""
    for mention in mentions:
        if mention.type in ("LOC", "PER") and mention.text.lower() in rule_words("peoples"):
            mention.type, mention.derived = "MISC", False


def _retype_quoted_people(mentions: Sequence[Mention], tokens: Tokens) -> None:
    """A "person" whose whole span stands in quotation marks is a title, MISC: a show named
    after its host ('bei "Caren Miosga"'), a ship ('die "Mikeno"'), a storm's other name
    ('als "Goretti"'), a building's nickname ('vom "Arc de Trump"', which NER typed PER and
    whose "Trump" then joined it, review 158) or a class named after a person ('der
    "Trump-Klasse"'). German news writes people's names without quotation marks. On the
    twelve months of the stream 14 such mentions, all titles."""
    for mention in mentions:
        if mention.type == "PER" and _in_quotes(mention, tokens.text):
            mention.type, mention.derived = "MISC", False


def _retype_quoted_compounds(mentions: Sequence[Mention], tokens: Tokens) -> None:
    """A compound on a person's surname whose whole span stands in quotation marks names a
    thing after the person, MISC and no derived mention of them: 'die Einheiten der
    "Trump-Klasse"', a class of warships, had joined Donald Trump whatever NER typed it
    (``merge_derived_people``; review 162). Unquoted compounds stay the person's
    ("Trump-Zölle"), and so do quoted ones on a place ('"Grönland-Effekt"')."""
    surnames = {
        w for m in mentions if m.type == "PER" and not m.derived for w in m.text.split()[-1:]
    }
    for mention in mentions:
        if not mention.derived or not _in_quotes(mention, tokens.text):
            continue
        if mention.text.partition("-")[0] in surnames - {mention.text}:
            mention.type, mention.derived = "MISC", False


def _in_quotes(mention: Mention, text: str) -> bool:
    """Whether the mention's whole span stands in quotation marks."""
    start, end = mention.start, mention.end
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


def _retype_adjective_nouns(mentions: Sequence[Mention]) -> None:
    """A "person" of two words that opens with a declined adjective is a thing's name,
    MISC: "Film gewinnt Goldenen Bären", an award in the dative, had been a person (review
    162: February 2026, 3 mentions). People's names open with no adjective ending in -e,
    -en or -em; on the twelve months of the stream no other such span was typed PER (the
    rest are organisations and places: "Deutsche Bahn", "Roten Meer")."""
    for mention in mentions:
        words = mention.text.split()
        if mention.type != "PER" or mention.derived or len(words) != 2:
            continue
        if declined_adjective(words[0]) and words[1][:1].isupper():
            mention.type = "MISC"


def _after_noun(mention: Mention, tokens: Tokens, noun: Callable[[str], bool]) -> bool:
    """Whether a capitalised word right before the name, maybe with a quotation mark
    between, is a ``noun`` (in small letters, less a genitive s or es)."""
    i = tokens.index(mention.start)
    if i == 0 or tokens.starts[i : i + 1] != [mention.start]:
        return False
    end, word = tokens.words[i - 1][1:]
    gap = tokens.text[end : mention.start]
    spaced = 0 < len(gap) <= 3 and all(c.isspace() or c in _QUOTES for c in gap)
    if not spaced or not word[:1].isupper():
        return False
    lower = word.lower()
    return any(noun(form) for form in {lower, lower.removesuffix("s"), lower.removesuffix("es")})


def _weather_noun(word: str) -> bool:
    return word in rule_words("weather_nouns")


def _project_noun(word: str) -> bool:
    return word.endswith(rule_endings("project_nouns"))


def _venue_noun(word: str) -> bool:
    return word.endswith(rule_endings("venue_nouns"))


def _firm_noun(word: str) -> bool:
    """A firm's or a service's noun; some only as a compound's head ("Onlinedienst X", but
    "im Dienst Napoleons" is a person's service)."""
    return word.endswith(rule_endings("firm_nouns")) and word not in _firm_nouns_not_alone()


@lru_cache(maxsize=1)
def _firm_nouns_not_alone() -> frozenset[str]:
    return frozenset(read_data("entities_rules.json")["firm_nouns"]["not_alone"])


def _plant_noun(word: str) -> bool:
    return word.endswith(rule_endings("plant_nouns"))


# Quotation marks that may stand around a storm's name.
_QUOTES = "\"'„“”‚‘’»«›‹"


def _retype_roads(mentions: Sequence[Mention]) -> None:
    """A motorway's number ("die A9") or an interchange a town's adjective names ("das
    Hermsdorfer Kreuz") is a place (``roads`` in ``entities_rules.json``): NER typed four
    numbers of one list ORG and one MISC (review 282)."""
    for mention in mentions:
        if not mention.derived and mention.type != "LOC" and _road(mention.text):
            mention.type = "LOC"


def _road(text: str) -> bool:
    codes, heads = _roads()
    adjective, _, head = text.partition(" ")
    return codes.fullmatch(text) is not None or (head in heads and city_adjective(adjective))


@lru_cache(maxsize=1)
def _roads() -> tuple[re.Pattern[str], frozenset[str]]:
    rules = read_data("entities_rules.json")["roads"]
    return re.compile(rules["codes"]), frozenset(rules["heads"])


def _retype_club_matches(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A name NER typed LOC that plays a match in a league's article is the club named by
    its town, ORG (``club_matches`` in ``entities_rules.json``): "Frankfurt besiegt
    Freiburg" had been two cities (review 274). A venue after "in" stays the place; a
    country (a national team) and a country's adjective are no club."""
    leagues, verbs, before = _club_matches()
    if leagues.search(tokens.text) is None:
        return
    for mention in mentions:
        if mention.type != "LOC" or mention.derived or not _no_country(mention.text, gazetteer):
            continue
        if _plays(mention, tokens, verbs, before | verbs):
            mention.type = "ORG"


def _no_country(text: str, gazetteer: Gazetteer) -> bool:
    hit = gazetteer.name(text)
    return hit is None or (not hit.derived and hit.place.kind != "country")


def _plays(mention: Mention, tokens: Tokens, verbs: frozenset[str], before: frozenset[str]) -> bool:
    """Whether the word right before the mention is "gegen", "beim" or a match's verb
    ("besiegt Freiburg", "gewinnt Frankfurt"), or a match's verb follows it: right after
    it or a club's number ("Mainz 05 spielt"), or after "und" and the next club's name
    ("Freiburg und Frankfurt trennen sich")."""
    i, j = tokens.index(mention.start), tokens.index(mention.end)
    if i > 0 and tokens.adjacent(i - 1, i) and tokens.words[i - 1][2].lower() in before:
        return True
    if tokens.adjacent(j - 1, j) and tokens.words[j][2].isdigit():
        j += 1
    if not tokens.adjacent(j - 1, j):
        return False
    if tokens.words[j][2] == "und":
        after = (w[2] for w in tokens.words[j + 1 : j + 5] if not w[2][:1].isupper())
        return next(after, "") in verbs
    return tokens.words[j][2] in verbs


@lru_cache(maxsize=1)
def _club_matches() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The leagues as one pattern of whole words (one pass over an article, not one a
    league), the match's verbs and the words before a club."""
    rules = read_data("entities_rules.json")["club_matches"]
    leagues = "|".join(re.escape(word) for word in rules["leagues"])
    return re.compile(rf"\b(?:{leagues})\b"), frozenset(rules["verbs"]), frozenset(rules["before"])
