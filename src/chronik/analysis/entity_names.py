"""How an entity's name is written: in the nominative, as a name stands alone ("Zentralrats
der Juden" is the "Zentralrat der Juden", "Nahen Osten" the "Naher Osten", "Grünen" the
"Grüne"), and which of the names said for one entity is its best (``name_rank``). Functions
of the words alone, which ``entities`` asks when it names a group of mentions and
``stories.known_entities`` when it names an entity across articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from chronik.analysis.gazetteer import fold, load_gazetteer, read_data, rule_words
from chronik.analysis.german import ends_in_word
from chronik.analysis.lemmas import lemmatize
from chronik.analysis.sentences import run_on
from chronik.ingest.decode import visible


def nominative_name(name: str) -> str:
    """A name whose head stands in the genitive before its attribute, in the nominative:
    "Zentralrats der Juden" is the "Zentralrat der Juden", "Bundesamtes für
    Verfassungsschutz" the "Bundesamt für Verfassungsschutz", where an article wrote it in
    the genitive alone (review 37: 13 such names on the whole stream). So is one that opens
    with a declined adjective (``_strong_nominative``)."""
    words = name.split()
    if len(words) == 1:
        return _plural_nominative(adjective_name(name))
    strong = _strong_nominative(words)
    if strong is None:
        strong = _feminine_nominative(words)
    if strong is not None:
        return strong
    if len(words) == 2 and load_gazetteer().name(words[1]) is not None:
        # Review 282: a place after the head is no attribute it declines ("des
        # Redaktionsnetzwerks Deutschland" had named the entity so).
        head = _genitive_head(words[0])
        return f"{head} {words[1]}" if head else name
    if len(words) < 3 or words[1] not in _ATTRIBUTE_OPENERS:
        return name
    head = _genitive_head(words[0])
    return " ".join([head, *words[1:]]) if head else name


def _genitive_head(word: str) -> str:
    """The nominative of a noun in the genitive that heads a name, else ""."""
    if not word.endswith("s"):
        return ""
    lemma = lemmatize(word, lang="de")
    if lemma not in (word[:-1], word[:-2]) or not lemma[:1].isupper():
        return ""
    # A place's genitive before "im" is an NER span run on past the name ("Moskaus im
    # Krieg", review 40): no name to put in the nominative.
    return "" if load_gazetteer().name(lemma) is not None else lemma


def adjective_name(name: str) -> str:
    """A name that is one adjective made a noun, as a name stands alone: "Linken" is the
    "Linke", "Grünen" the "Grüne" (review 60: 38 and 77 mentions on the stream, each in
    two entities)."""
    if " " in name or not name.endswith("en"):
        return name
    lemma = lemmatize(name.lower(), lang="de")
    return name[:-1] if lemma.islower() and name.lower() == lemma + "en" else name


def _plural_nominative(name: str) -> str:
    """A plural name in the dative, as a name stands alone: "Republikanern" is the
    "Republikaner" (review 108: "Kritik von Demokraten und Republikanern", 4 articles of
    the stream named it so); not "Bayern" or "Stern", whose n is no ending."""
    if not name.endswith("ern"):
        return name
    return name[:-1] if lemmatize(name, lang="de") == name[:-1] else name


def _strong_nominative(words: list[str]) -> str | None:
    """ "Nahen Osten" is the "Naher Osten", "Weiße Haus" the "Weißes Haus", "Nationalen
    Sicherheitsrates" the "Nationaler Sicherheitsrat", "Deutschen Roten Kreuzes" the
    "Deutsches Rotes Kreuz": a name that opens with adjectives declined after an article or
    in the dative, in the form a name takes alone (an article says "im Nahen Osten" and "das
    Weiße Haus"; review 37). ``None`` where it is no such name, or where the head's gender
    is unknown (``head_genders``) or it is a plural ("Vereinigten Staaten")."""
    stems = _declined_adjectives(words)
    if not stems:
        return None
    first = len(stems)
    # A town's adjective in -er before the head, which the gazetteer knows or which is no
    # noun of a known gender ("Zürcher" in "Neuen Zürcher Zeitung"; not "Staatstheater").
    second = words[first] if len(words) > first + 1 and words[first + 1][:1].isupper() else ""
    town = second.endswith("er") and (
        load_gazetteer().derived_word(second) is not None or _head_gender(second.lower()) is None
    )
    at = first + 1 if town else first
    head = words[at]
    lemma = lemmatize(head, lang="de")
    if lemma != head and head.endswith("n"):
        return None  # a plural: "Olympischen Winterspielen"
    if head in (f"{lemma}s", f"{lemma}es") and lemma[:1].isupper():
        head = lemma  # a genitive: "Sicherheitsrates"
    gender = _head_gender(head.lower()) or _legal_form_gender(words[-1])
    if gender is None:
        return None
    ending = {"m": "er", "n": "es", "f": "e"}[gender]
    adjectives = [stem + ending for stem in stems]
    return " ".join([*adjectives, *words[first:at], head, *words[at + 1 :]])


def _feminine_nominative(words: list[str]) -> str | None:
    """ "Süddeutscher Zeitung" is the "Süddeutsche Zeitung", "Neuer Zürcher Zeitung" the
    "Neue Zürcher Zeitung": a feminine name whose adjectives end in the strong dative's or
    genitive's -er, as an article writes it without an article ("gegenüber NDR und
    Süddeutscher Zeitung"; review 277: it had named the entity). A town's adjective keeps
    its -er ("Berliner", which is no adjective's declined form); ``None`` where the head is
    not a feminine singular (``head_genders``): "Deutscher Gewerkschaftsbund" is
    nominative."""
    stems = []
    for word in words[:-1]:
        lower = word.lower()
        lemma = lemmatize(lower, lang="de")
        if not (word[:1].isupper() and lemma.islower() and lower == f"{lemma}er"):
            break
        stems.append(word[: len(lemma)])
    rest = words[len(stems) :]
    if not stems or not rest:
        return None
    # A town's adjective between them and the head: "Neuer Zürcher Zeitung".
    head = rest[1] if len(rest) > 1 and rest[0].endswith("er") else rest[0]
    if lemmatize(head, lang="de") != head or _head_gender(head.lower()) != "f":
        return None
    return " ".join([*(stem + "e" for stem in stems), *rest])


def _declined_adjectives(words: list[str]) -> list[str]:
    """The stems of the capitalised adjectives a name opens with, before its last word
    ("Deutschen Roten Kreuzes": "Deutsch", "Rot"; review 45 found the second left
    declined)."""
    stems = []
    for word in words[:-1]:
        stem = declined_adjective(word) if word[:1].isupper() else ""
        if not stem:
            break
        stems.append(stem)
    return stems


def declined_adjective(word: str) -> str:
    """The stem of a capitalised adjective in -e, -en or, a strong dative, -em ("Nahen":
    "Nah", "Statistischem": "Statistisch"); "" for any other word. An adjective in -isch
    the dictionary does not know is one by its ending ("Südchinesischen", "Bolivarischen";
    review 131: both had named their entities, as had "Statistischem Bundesamt")."""
    lower = word.lower()
    lemma = lemmatize(lower, lang="de")
    unknown = _UNKNOWN_ISCH.fullmatch(lower) if lemma == lower else None
    if unknown is not None:
        lemma = unknown.group(1)
    if lemma.islower() and lower in (f"{lemma}e", f"{lemma}en", f"{lemma}em"):
        return word[: len(lemma)]
    return ""


_UNKNOWN_ISCH = re.compile(r"([^\W\d_]{3,}isch)e[nm]?")


def _head_gender(head: str) -> str | None:
    """ "m", "n" or "f" for a head noun, by the longest listed end of its compound; else
    feminine by its ending; else unknown ("Freien Wähler" are no "Freier Wähler")."""
    genders = _head_genders()
    listed = [
        (len(end), gender[0])
        for gender in ("masculine", "neuter", "feminine")
        for end in genders[gender]
        if head.endswith(end) and _compound_on(head, end)
    ]
    if listed:
        return max(listed)[1]
    if head.endswith(tuple(genders["feminine_endings"])):
        return "f"
    return None


def _compound_on(head: str, end: str) -> bool:
    """Whether ``head`` is ``end`` or a compound on it: what stands before it ends in a
    word (less a hyphen or a linking "s" or "es"), not the start of another word ending so
    ("Zapfenstreich" is no "Reich", "Wende" no "Ende", "Protektorat" no "Rat"; review 44)."""
    before = head[: len(head) - len(end)].rstrip("-")
    # The part before may be a compound itself, known by its own last word only
    # ("Landeskriminal|amt", "Kulturhaupt|stadt"; review 45).
    return not before or ends_in_word(before)


def _legal_form_gender(word: str) -> str | None:
    """ "f" after a company's legal form ("AG", "GmbH": ``legal_forms``), else None."""
    return "f" if word in _head_genders()["legal_forms"]["feminine"] else None


@lru_cache(maxsize=1)
def _head_genders() -> dict[str, Any]:
    genders: dict[str, Any] = read_data("ner_rules.json")["head_genders"]
    return genders


# Words that open a head noun's attribute in an organisation's name.
_ATTRIBUTE_OPENERS = frozenset("für der des von zur zum im in".split())


# Lower-case words inside a person's name that do not count as words of it ("Ursula von der
# Leyen", "Lula da Silva").
_PARTICLES = frozenset("von van der den de da di du dos del bin al el la le zu ibn".split())


def name_rank(name: str, others: Iterable[str], person: bool) -> tuple[bool | int, ...]:
    """How good a name of an entity is beside its ``others``, for ``max``: its quality,
    then its length (see the two below). Within an article and across articles alike."""
    return (*_name_quality(name, others, person), _length(name, person))


def _name_quality(name: str, others: Iterable[str], person: bool) -> tuple[bool, ...]:
    """What makes a name a better canonical name than others of the same entity, best first:
    no run-on words; for a thing, not a declined form of another name; for a person, a name
    that could be one ("Donald Trumps Ballsaal", "He Lifeng Lars Klingbeil" and "von
    Wladimir Putin" are NER spans too long), and one that completes the others ("Wladimir
    Putin" completes "Putin") rather than just being longer."""
    if not person:
        # "Gazastreifens", "Bundesrates"; a plural's dative, "Republikanern"
        declined = any(name in (f"{other}s", f"{other}es", f"{other}n") for other in others)
        return (
            not run_on(name),
            without_article(name) == name,
            not _place_glued_on(name, others),
            not _oblique(name),
            not declined,
        )
    words = visible(name).split()  # a name stored before ingest dropped them
    other_words = [o.split() for o in others]
    # Initials and suffixes aside: "Robert F. Kennedy Jr." completes "Kennedy". Folded,
    # so that "Recep Tayyip Erdoğan" completes "Erdogan".
    folded = _folded(words)
    other_folded = [_folded(other) for other in other_words]
    completes = any(_completes(folded, other) for other in other_folded)
    known = {w for other in other_words for w in other}
    # Of two names that complete "Machado", "María Corina Machado" fills in "María
    # Machado" with her middle name: the one no good name fills in is the fuller.
    filled = any(
        _middle_names(other_f, folded)
        and _could_be_person(other, known)
        and not run_on(" ".join(other))
        for other, other_f in zip(other_words, other_folded, strict=True)
    )
    return (not run_on(name), _could_be_person(words, known), completes, not filled)


def without_article(name: str) -> str:
    """A thing's name without the definite article that opens its sentence, capitalised
    there, which NER's span took in ("Die Grünen betonen …", "„Die Vereinigung Cockpit
    sieht sich …"): review 151, "Die Grünen" (November 2025) and "Die Vereinigung Cockpit"
    (April 2026) had been entities beside "Grüne" and "Vereinigung Cockpit"."""
    first, _, rest = name.partition(" ")
    return rest if first in _ARTICLES and rest[:1].isupper() else name


_ARTICLES = frozenset({"Der", "Die", "Das"})


def _place_glued_on(name: str, others: Iterable[str]) -> bool:
    """ "Nahen Osten Kiew" beside "Nahen Osten": another name and a place after it, one NER
    span over two names ("Staaten aus dem Nahen Osten Kiew um Hilfe bitten"). As the longer
    name it had named the entity of 42 other mentions across the stream."""
    gazetteer = load_gazetteer()
    # Of two words or more: "Borussia Dortmund" and "Union Berlin" are clubs' full names,
    # as is a coded one with its town ("FC Bayern München" beside "FC Bayern").
    for other in (o for o in others if " " in o and not coded_name(o)):
        rest = name.removeprefix(f"{other} ")
        if rest != name and (hit := gazetteer.name(rest)) is not None and not hit.derived:
            return True
    return False


_OBLIQUE_ENDING = re.compile(r"[^\W\d_]{3,}e[nm]$")


def _oblique(name: str) -> bool:
    """ "Europäischen Union", "Deutschem Wetterdienst": a name in the dative or genitive,
    worse as a canonical name than its nominative ("Europäische Union")."""
    return any(_OBLIQUE_ENDING.fullmatch(w) for w in name.split()[:-1])


def _length(name: str, person: bool) -> int:
    """More words make a fuller name of a thing; of a person, once the names that complete
    others are ahead, fewer words are the safer one ("Friedrich Merz" over an NER span
    "Friedrich Merz Unkenntnis", which completes nothing)."""
    words = len(name.split())
    return -words if person else words


def _could_be_person(words: list[str], known: set[str]) -> bool:
    """Capitalised, at most three names, one of them longer than a letter, and no name of
    the same person in the genitive ("Donald Trumps Ballsaal", "Putins", "Merz’" where
    "Trump", "Putin", "Merz" are). A lone letter is what NER keeps of "Lorenz A."."""
    named = [w for w in words if w not in _PARTICLES and not _affix(w)]
    genitive = any(bare(w) != w and bare(w) in known for w in named)
    # "von der Leyen" alone is a name: its particles are in small letters.
    return (
        bool(named)
        and named[0][:1].isupper()
        and len(named) <= 3
        and any(len(w) > 1 for w in named)
        and not genitive
    )


# A generational suffix after a surname, no name of its own ("Robert F. Kennedy Jr.").
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})


def _affix(word: str) -> bool:
    """An initial ("F.") or a suffix ("Jr."): "Robert F. Kennedy Jr." has two names, not
    the four that had made it no person's name (review 131: the entity had been named
    "Kennedy Jr.")."""
    return word in _SUFFIXES or (len(word) == 2 and word[0].isupper() and word[1] == ".")


def bare(word: str) -> str:
    """A word without a genitive ending: "Putins" and "Merz’" are "Putin" and "Merz"."""
    if word.endswith(("’", "'")):
        return word[:-1]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _completes(full: list[str], part: list[str]) -> bool:
    """Whether one person's name completes another, both :func:`_folded`: first names
    before a surname ("Putin", "Wladimir Putin"), given names after a one-word family name
    ("Kim", "Kim Jong Un"), or middle names (:func:`_middle_names`)."""
    if len(full) <= len(part):
        return False
    if full[-len(part) :] == part or (len(part) == 1 and full[0] == part[0]):
        return True
    return _middle_names(full, part)


def _middle_names(full: list[str], part: list[str]) -> bool:
    """The same first and last name with middle names between, both :func:`_folded`:
    "María Corina Machado" fills in "María Machado" (review 131: the article's person had
    been named "María Machado", the fewer words, as neither completed the other)."""
    if len(full) <= len(part) or len(part) < 2:
        return False
    if full[0] != part[0] or full[-1] != part[-1]:
        return False
    rest = iter(full[1:-1])
    return all(word in rest for word in part[1:-1])


def _folded(words: list[str]) -> list[str]:
    return [fold(bare(w)) for w in words if not _affix(w)]


def club_names(name: str) -> set[str]:
    """The names a club or a firm also goes by: its name without the codes around it
    (``club_codes``: "Bayern München" of "FC Bayern München", "Deutsche Bahn" of "Deutsche
    Bahn AG"), where that is two words or more, and a coded name without the town after it
    ("FC Bayern"). Review 151: "FC Bayern", "FC Bayern München" and "Bayern München" had
    been three entities in each of three months, two of them in one article. Not one word,
    which a firm and a club share ("Bayer" of "Bayer AG" and "Bayer 04"), nor a place's
    name ("Köln" of "1. FC Köln"); but the word after a place's adjective
    (:func:`without_place_adjective`, "Lufthansa" of "Deutsche Lufthansa AG"). Empty for
    a name with neither."""
    words = name.split()
    names: set[str] = set()
    core = [w for w in words if not club_code(w)]
    if coded_name(name) and len(core) > 1:
        names.add(" ".join(core))
        if _town(words[-1]):
            names.add(" ".join(words[:-1]))
    names |= {plain for n in (name, *names) if (plain := without_place_adjective(n))}
    return {n for n in names if load_gazetteer().name(n) is None}


def without_place_adjective(name: str) -> str:
    """The one word of an organisation's name after a country's or a city's adjective
    that opens it ("Deutscher Bundestag": "Bundestag", "Deutschen Lufthansa": "Lufthansa"),
    else "": the article, or the next, names the institution by that word alone (review
    154: "Deutscher Bundestag" and "Deutsche Lufthansa AG" had been entities beside
    "Bundestag" and "Lufthansa", "Deutsche Bahn" one beside "Bahn"). Not a region's
    adjective: the "Europäische Union" or the "Afrikanische Union" is no "Union", the
    CDU/CSU's name. Not more words: the "Deutsche Industrie- und Handelskammer" is no
    local "Industrie- und Handelskammer"."""
    first, _, rest = name.partition(" ")
    if not rest[:1].isupper() or " " in rest or not first[:1].isupper() or club_code(rest):
        return ""  # "Hamburger SV" is no "SV"
    hit = load_gazetteer().derived_word(first)
    return rest if hit is not None and hit.place.kind in ("country", "city") else ""


def coded_name(name: str) -> bool:
    """Whether a name has a club's or a firm's code and a name beside it ("FC Bayern")."""
    return any(club_code(w) for w in name.split()) and not all(club_code(w) for w in name.split())


def _town(word: str) -> bool:
    """Whether a word is a town's name the gazetteer knows, itself, not derived."""
    hit = load_gazetteer().name(word)
    return hit is not None and not hit.derived and hit.place.kind == "city"


def club_code(word: str) -> bool:
    # A club's year, in two digits or four ("Hannover 96", "TSV 1860"), not a model's
    # number ("Boeing 737") or a channel's ("RTL 2"; review 45).
    return word in rule_words("club_codes") or (word.isdigit() and len(word) in (2, 4))
