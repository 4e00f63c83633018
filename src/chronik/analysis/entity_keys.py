"""What a mention's words say before any grouping: the words of a text (``Tokens``), the
full names of its people (``People``), a name's key (``text_key``) and the keys it may be
the genitive of, the name a compound derives from (``compound_base``) and the place a
mention names (``place_of``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from chronik.analysis.gazetteer import (
    Gazetteer,
    Hit,
    fold,
    load_gazetteer,
    read_data,
    rule_words,
    uninflected,
)
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.analysis.roles import role_lexicon
from chronik.model import Mention

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@dataclass(slots=True)
class People:
    """The full names of an article's people, indexed by the words of their surnames: a
    name is looked up, not compared with every person mentioned (a 4 MB text mentions
    people 40,000 times, and comparing each name with each took three minutes)."""

    full: set[tuple[str, ...]] = field(default_factory=set)
    # A word of a surname (a full name less its first word) -> the surnames that hold it.
    holders: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> People:
        people = cls()
        numbers: dict[frozenset[str], int] = {}
        for m in mentions:
            if m.type == "PER" and not m.derived and len(words := fold(m.text).split()) > 1:
                people.full.add(tuple(words))
                surname = frozenset(words[1:])
                number = numbers.setdefault(surname, len(numbers))
                for word in surname:
                    people.holders.setdefault(word, set()).add(number)
        return people

    def surname(self, *candidates: set[str]) -> bool:
        """Whether one person's surname holds every word of one of the candidates."""
        return any(self._one_holds(words) for words in candidates)

    def _one_holds(self, words: set[str]) -> bool:
        holders = [self.holders.get(word) for word in words]
        if not words or not all(holders):
            return False
        return bool(set.intersection(*(h for h in holders if h)))


Word = tuple[int, int, str]


@dataclass(slots=True)
class Tokens:
    """The words of a text, with their starts for bisection."""

    text: str
    words: list[Word] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text)]
        self.starts = [w[0] for w in self.words]

    def index(self, offset: int) -> int:
        """The index of the first word that starts at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def adjacent(self, left: int, right: int) -> bool:
        """Whether words ``left`` and ``right`` are separated by white space only (a name
        that starts inside the text's last word, ``at_seam``, has no word after it)."""
        if not 0 <= left < right < len(self.words):
            return False
        gap = self.text[self.words[left][1] : self.words[right][0]]
        return 0 < len(gap) <= 3 and gap.isspace()


class Taken:
    """The character spans of mentions, for asking whether a span shares a character with
    any of them: by bisection, as a 1 MB paragraph holds tens of thousands of mentions (a
    scan of them all for each word a rule found had made the surname rule quadratic: 84 s
    on such a paragraph where the entities had taken 2 s)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self._starts = [start for start, _ in spans]
        # The farthest end of the spans up to each: an early one may reach past later ones.
        self._reach = list(accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start


def with_found(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """The mentions and those a rule ``found`` where NER left a name out, in text order;
    the list itself where the rule found none."""
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end)) if found else mentions


def genitive_bases(key: str) -> list[str]:
    """The keys a key may be the genitive of: "kremls" of "kreml", "bundestages" of
    "bundestage" or "bundestag"."""
    return [key[: -len(e)] for e in ("s", "es") if key.endswith(e) and len(key) > len(e)]


@lru_cache(maxsize=65_536)
def dative_plural(word: str) -> bool:
    """Whether a word is a dative plural whose n simplemma's lemma drops: "Republikanern"
    ("Republikaner"), "Eurofightern"; "Bayern" is no "Bayer"."""
    return len(word) > 4 and word.endswith("n") and lemmatize(word, "de") == word[:-1]


def text_key(text: str) -> str:
    edition = _EDITION.fullmatch(text)
    if edition and edition[1] in _editions():
        text = edition[1]  # "COP30" is the series' name (``editions``)
    key = uninflected(fold(text)) or text.lower()
    same = same_names()[0]
    # In the genitive too: "des EU-Parlaments" is the Europäisches Parlament.
    found = next((same[k] for k in (key, *genitive_bases(key)) if k in same), None)
    return found or key


# A name with an edition's number after it: "COP30", "COP 29", "COP-31".
_EDITION = re.compile(r"([^\W\d_]+)[ -]?\d{1,4}")


@lru_cache(maxsize=1)
def _editions() -> frozenset[str]:
    return frozenset(read_data("entities_rules.json")["same_names"]["editions"]["names"])


@lru_cache(maxsize=1)
def same_names() -> tuple[dict[str, str], dict[str, str]]:
    """Names that mean what another name without a place in the gazetteer means ("Nahost",
    "Naher Osten"): the key of that name by their keys, and that name by its key, which
    is the entity's name whichever of them an article uses."""
    names = read_data("entities_rules.json")["same_names"]["names"]
    keys = {uninflected(fold(name)): uninflected(fold(same)) for name, same in names.items()}
    return keys, {uninflected(fold(same)): same for same in names.values()}


def place_of(mention: Mention, gazetteer: Gazetteer, reading: str = "") -> Hit | None:
    """The place a mention names; ``reading`` is what its context says it is (see
    ``_reading``)."""
    # A country named as an actor is tagged ORG by some annotators; cities, adjectives and
    # MISC names of their own ("Ukraine-Krieg" tagged as an event, not as derived) are left
    # as they are.
    if reading in gazetteer.places:  # a country's short form (``place_readings``)
        return Hit(gazetteer.places[reading], False)
    if mention.type == "LOC":
        if reading == "subdivision" and (state := _state(mention.text, gazetteer)):
            return state
        hit = gazetteer.resolve(mention.text)
        if reading == "city" and hit is not None and hit.derived and hit.place.kind == "country":
            # "Kiews Bürgermeister": the capital itself, not the country it stands for
            return gazetteer.resolve(mention.text[:-1]) or hit
        if hit is not None or not mention.derived or "-" in mention.text:
            return hit
    base = compound_base(mention.text) if mention.derived else mention.text
    if base != mention.text:  # "Gaza-Krieg", "Deutschlandtickets"
        return _compound_place(base, gazetteer)
    if mention.type == "ORG":
        hit = gazetteer.name(mention.text)
        if hit is not None and hit.place.kind == "country" and not hit.derived:
            return hit
    return None


def _state(name: str, gazetteer: Gazetteer) -> Hit | None:
    """The state or province of that name, unless the name is a country's own ("Georgien":
    the gazetteer's German name of Georgia, the US state, too; review 44)."""
    country = gazetteer.name(name)
    if country is not None and country.place.kind == "country" and not country.derived:
        return None
    return gazetteer.subdivision(name)


def compound_base(text: str) -> str:
    """The name a compound derives from: its first part ("Gaza-Krieg": Gaza), or its first
    two where the first only begins a name ("Nord-Stream-Saboteur": Nord Stream); for a
    compound written as one word, see :func:`_solid_base`. A title in quotation marks
    leaves its closing mark out ("Tatort"-Titelmelodie: Tatort)."""
    if "-" not in text:
        return _solid_base(text)
    parts = [part.rstrip(_QUOTATION_MARKS) for part in text.split("-")]
    if len(parts) > 2 and parts[0] in rule_words("name_prefixes"):
        return f"{parts[0]} {parts[1]}"
    return parts[0]


# Not the apostrophe: "Merz’" is a genitive.
_QUOTATION_MARKS = '"“”„»«›‹'


def _solid_base(text: str) -> str:
    """The name a compound written as one word derives from, where its head is a role
    ("Kremlsprecher": Kreml; "Bundestagspräsidentin": Bundestag) or its first part a
    place's name ("Deutschlandtickets": Deutschland); else the compound itself, since a
    first part that is neither need not be a name ("Polarluft"). NER tags such compounds
    derived, and each had been an entity of its own (review 60). A party's group in a
    parliament ("Unionsfraktion") is the party's (:func:`party_compound`)."""
    party = party_compound(text)
    if party is not None:
        return party
    split = split_solid(text)
    if split is None:
        return text
    first, head = split
    gazetteer = load_gazetteer()
    if role_lexicon().role(head, gazetteer) is None and not _compound_place(first, gazetteer):
        return text
    # A linking s: "Bundestags-" is the Bundestag's, "Hamas" keeps its s.
    return first[:-1] if first.endswith("s") and _noun(first[:-1]) else first


def party_compound(word: str) -> str | None:
    """The party whose group in a parliament a word written as one names ("Unionsfraktion":
    Union, "Linksfraktionschef": Linke): a base and a head of ``party_compounds``
    (``entities_rules.json``), the head maybe in the genitive; else None."""
    bases, heads = _party_compounds()
    for base, party in bases.items():
        rest = word[len(base) :].lower()
        if word.startswith(base) and any(rest in (h, h + "s", h + "es") for h in heads):
            return party
    return None


@lru_cache(maxsize=1)
def _party_compounds() -> tuple[dict[str, str], frozenset[str]]:
    rules = read_data("entities_rules.json")["party_compounds"]
    return dict(rules["bases"]), frozenset(rules["heads"])


def split_solid(text: str) -> tuple[str, str] | None:
    """A compound written as one word at its longest head that is a German noun, after a
    first part of three letters or more: ("Kreml", "sprecher"), ("Deutschland",
    "tickets"). The longest head, since a shorter one may end a longer word
    ("Kremlspre|cher")."""
    for cut in range(3, len(text) - 3):
        if _noun(text[cut:]):
            return text[:cut], text[cut:]
    return None


@lru_cache(maxsize=4096)
def _noun(word: str) -> bool:
    """Whether simplemma knows the word as a noun (a capitalised lemma)."""
    capitalised = word[:1].upper() + word[1:]
    lemma: str = lemmatize(capitalised, "de")
    return lemma[:1].isupper() and is_known(capitalised, "de")


def _compound_place(base: str, gazetteer: Gazetteer) -> Hit | None:
    """The place a compound NER typed otherwise names by its first part ("Gaza-Krieg",
    "Gaza-Plan" typed ORG): in GermEval 67 of 74 compounds on a place's exact name are that
    place's ("Bayern-Manager" is one of the 7 that are not). A country by any of its names
    ("US-Präsident"), any other place by its own name only: a city's alternate names hold
    other languages' words ("Hamas" is a name of Hamm)."""
    hit = gazetteer.name(base)
    if hit is None or hit.derived:
        return None
    own = hit.place.kind == "country" or fold(base) in (fold(hit.place.de), fold(hit.place.en))
    return Hit(hit.place, True) if own else None
