"""Entity normalisation: mentions become entities, within an article and across articles.

The ``entities`` component runs after ``ner``. It adds the place words that NER left out
(country and city names, country adjectives, demonyms, compounds), resolves places to the
gazetteer, joins a surname to the full name it belongs to, strips titles, links bare role
references ("der Kremlchef") to the one person who fits, and fills ``Mention.entity_id``
and ``Article.entities``. Entity ids are stable: the same place or name gets the same id
in every article; ``chronik.stories.known_entities`` maps the entities of a new article
onto known ones ("Putin" onto "Wladimir Putin").
``entity_spans`` mends the spans NER gave, ``entity_places`` finds the places it left out
(:func:`~chronik.analysis.entity_places.detect_places`), ``entity_types`` corrects the types
NER gave, ``entity_keys`` says what a mention's words name (its key, its place, a
compound's base), ``entity_names`` how a name is written and which is best; this module
groups the mentions into entities. The rules are described in docs/entities.md.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import simplemma

from chronik.analysis.entity_keys import (
    Tokens,
    compound_base,
    genitive_bases,
    place_of,
    same_names,
    text_key,
)
from chronik.analysis.entity_names import adjective_name, name_rank, nominative_name
from chronik.analysis.entity_places import detect, place_readings
from chronik.analysis.entity_spans import (
    before_seam,
    named_institutions,
    particle_names,
    placed_first_names,
    ship_names,
    split_name_pairs,
    unit,
    within_sentence,
)
from chronik.analysis.entity_types import retype, seats
from chronik.analysis.gazetteer import (
    Gazetteer,
    Place,
    fold,
    load_gazetteer,
    read_data,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.pipeline import component
from chronik.analysis.roles import role_lexicon
from chronik.model import Article, Entity, Mention
from chronik.options import Options

_TOKEN_SPLIT = re.compile(r"\s+")


@component("entities")
def entities_component(article: Article, options: Options) -> None:
    normalise(article)


def normalise(article: Article) -> None:
    """Fill ``mention.entity_id`` for every mention and ``article.entities``, adding the
    place mentions and role references that the lexicons find."""
    gazetteer = load_gazetteer()
    tokens = Tokens(article.text)
    ends = [s.end for s in article.sentences]
    cut = [before_seam(within_sentence(m, ends)) for m in article.mentions]
    split = sorted(split_name_pairs(cut), key=lambda m: (m.start, m.end))
    split = placed_first_names(ship_names(split, tokens), tokens, gazetteer)
    ner = [m for m in split if not unit(m, tokens)]
    particle_names(ner, tokens, gazetteer)
    retype(ner, tokens, gazetteer)
    # A unit still covers its words: "US-Dollar" is no mention of the United States.
    found = [*ner, *detect(tokens, split, gazetteer)]
    mentions = sorted(named_institutions(found, tokens), key=lambda m: (m.start, m.end))
    abbreviated = _abbreviations(article.text, mentions)
    groups = _Groups()
    readings = place_readings(tokens, mentions, gazetteer)
    nominatives = []
    for mention in mentions:
        if mention.type != "PER":
            nominative = _genitive_nominative(mention, tokens)
            groups.add_other(mention, gazetteer, readings[id(mention)], nominative)
            if nominative and not mention.derived:
                nominatives.append((mention, nominative))
    groups.name_nominatives(nominatives)
    groups.merge_genitives()
    groups.merge_types()
    groups.merge_derived()
    groups.merge_compounds()
    groups.merge_parts("LOC")
    groups.merge_club_names()
    groups.merge_abbreviations(abbreviated)
    groups.merge_acronyms()
    generic = groups.merge_generic()
    _link_people([m for m in mentions if m.type == "PER"], tokens, groups, gazetteer)
    groups.merge_derived_people()
    mentions.extend(_role_references(tokens, mentions, groups, gazetteer))
    unnamed = groups.drop_unnamed_adjectives() | generic
    article.mentions = sorted(
        (m for m in mentions if id(m) not in unnamed), key=lambda m: (m.start, m.end)
    )
    article.entities = groups.entities()


def entity_id(type_: str, key: str) -> str:
    """``ent_`` and 12 hex digits of SHA-1 over type and canonical key: the same in every
    article and every run."""
    return "ent_" + hashlib.sha1(f"{type_}:{key}".encode()).hexdigest()[:12]


# --- places, organisations and other names -----------------------------------------------


@dataclass(slots=True)
class _Group:
    """The mentions of one entity while it is being built."""

    type: str
    key: str
    place: Place | None = None
    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    bases: Counter[str] = field(default_factory=Counter)  # "münchen" of "Münchner"
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> set[str]:
        return set(self.key.split())

    def add(self, mention: Mention, name: str | None) -> None:
        self.mentions.append(mention)
        if name:
            self.names[name] += 1

    def absorb(self, other: _Group) -> None:
        self.mentions.extend(other.mentions)
        self.names.update(other.names)
        self.bases.update(other.bases)
        self.roles |= other.roles
        self.countries |= other.countries


class _Groups:
    """Groups by (type, key); places are keyed by gazetteer id, the rest by fold key."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], _Group] = {}
        self.owner: dict[int, _Group] = {}

    def assign(self, group: _Group, mention: Mention, name: str | None) -> None:
        group.add(mention, name)
        self.owner[id(mention)] = group

    def move(self, mention: Mention, group: _Group) -> None:
        """Give ``mention`` to ``group``, taking it from the group that had it."""
        old = self.owner.get(id(mention))
        if old is not None:
            old.mentions.remove(mention)
        self.assign(group, mention, None)

    def merge(self, target: _Group, group: _Group) -> None:
        """``group`` joins ``target``: its mentions (which take the target's type) and
        names; its key goes. The owner map follows, so that a later merge or move finds
        the group a mention is in now."""
        target.absorb(group)
        for mention in group.mentions:
            mention.type = target.type
            self.owner[id(mention)] = target
        del self.by_key[(group.type, group.key)]

    def get(self, type_: str, key: str, place: Place | None = None) -> _Group:
        group = self.by_key.get((type_, key))
        if group is None:
            group = self.by_key[(type_, key)] = _Group(type_, key, place)
        return group

    def add_other(
        self, mention: Mention, gazetteer: Gazetteer, reading: str = "", nominative: str = ""
    ) -> None:
        hit = place_of(mention, gazetteer, reading)
        own = hit is None or not hit.base  # "Nordlondon" does not name London
        if hit is not None:
            mention.derived = mention.derived or hit.derived
            group = self.get("LOC", hit.place.id, hit.place)
            if hit.base:
                group.bases[hit.base] += 1
        else:
            # A compound is keyed by the name it derives from: "Gaza-Krieg" and "Gaza-Plan"
            # are both Gaza's.
            said = compound_base(mention.text) if mention.derived else mention.text
            said = adjective_name(said) if mention.type == "ORG" else said
            said = nominative or said
            group = self.get(_entity_type(mention, said), text_key(said))
        self.assign(group, mention, mention.text if own and not mention.derived else None)

    def name_nominatives(self, nominatives: Sequence[tuple[Mention, str]]) -> None:
        """A thing's group named only in the genitive gets its nominative as a name,
        better than the genitive (``_name_quality``), which stays an alias. A place keeps
        the gazetteer's name ("Gazastreifens" is Gaza's)."""
        for mention, nominative in nominatives:
            group = self.owner.get(id(mention))
            if group is not None and group.place is None and nominative not in group.names:
                group.names[nominative] += 1

    def merge_derived(self) -> None:
        """A group of derived mentions only joins the one group of another type, or the one
        place, that names its base, also in the genitive: the model typed "Gaza-Krieg" ORG,
        but the article's "Gaza" is a place, and a derived name has the type of the name it
        derives from ("Kremls", tagged a derived place, is the article's organisation
        "Kreml"). A place of its own type where the gazetteer resolved the name by the
        article's preposition ("in Ceuta") but not the compound ("Ceuta-Krise")."""
        named: dict[str, list[_Group]] = {}
        for group in self.by_key.values():
            if _names_itself(group):
                for key in _name_keys(group):
                    named.setdefault(key, []).append(group)
        for (type_, key), group in list(self.by_key.items()):
            if group.place is not None or _names_itself(group):
                continue
            genitives = genitive_bases(key)
            others = [g for base in [key, *genitives] for g in named.get(base, [])]
            # A place of the same type too: the gazetteer resolved "in Ceuta" by the
            # preposition, but not the compound "Ceuta-Krise", keyed by its name.
            others = [g for g in others if g.type != type_ or g.place is not None]
            if len(others) == 1:
                self.merge(others[0], group)
                if not any(g is others[0] for g in named.get(key, [])):
                    # Its genitive, not a word derived from it: "des Kremls" is a source
                    # named Kreml, as "der Kreml" is; "Bundestags-Vizepräsidentin" stays
                    # derived.
                    for mention in group.mentions:
                        mention.derived = mention.derived and "-" in mention.text

    def merge_compounds(self) -> None:
        """Compounds on one name that NER typed apart, in an article that never names it
        alone ("Mercosur-Abkommen" MISC, "Mercosur-Staaten" ORG), are one entity, of the
        type most of them have: a compound's type is the compound's, not its base's.
        People are left to ``merge_derived_people``."""
        bases: dict[str, list[_Group]] = {}
        for (type_, key), group in self.by_key.items():
            if type_ != "PER" and group.place is None and not _names_itself(group):
                bases.setdefault(key, []).append(group)
        for groups in bases.values():
            target = max(groups, key=lambda g: len(g.mentions))
            for group in groups:
                if group is not target:
                    self.merge(target, group)

    def merge_derived_people(self) -> None:
        """A compound on a person's name is that person's ("Trump-Putin-Treffen",
        "Babis-Partei", tagged ORG), by the full name or the surname, when one person of
        the article fits: ``merge_derived`` runs before people are grouped."""
        named: dict[str, dict[int, _Group]] = {}
        for person in self.people():
            if _names_itself(person):
                for key in {person.key, *person.key.split()[-1:]}:
                    named.setdefault(key, {})[id(person)] = person
        for (type_, key), group in list(self.by_key.items()):
            if type_ == "PER" or group.place is not None or _names_itself(group):
                continue
            bases = [key, *genitive_bases(key)]
            people = {i: p for base in bases for i, p in named.get(base, {}).items()}
            if len(people) == 1:
                self.merge(next(iter(people.values())), group)

    def merge_genitives(self) -> None:
        """ "Kremls" joins "Kreml" when both occur: a genitive needs its base as evidence."""
        for (type_, key), group in list(self.by_key.items()):
            if group.place is not None:
                continue
            for base in genitive_bases(key):
                target = self.by_key.get((type_, base))
                if target is not None and target.place is None:
                    self.merge(target, group)
                    break

    def merge_types(self) -> None:
        """One name NER typed two ways in one article is one entity, of the type most of
        its mentions have: "Das Weiße Haus dementierte" (LOC) and "ein Sprecher des
        Weißen Hauses" (ORG); also through a genitive. People keep theirs."""
        kinds = ("LOC", "ORG", "MISC")
        named: dict[str, list[_Group]] = {}
        for group in self.by_key.values():
            if group.place is None and group.type in kinds and _names_itself(group):
                named.setdefault(group.key, []).append(group)
        for group in [g for groups in named.values() for g in groups]:
            if (group.type, group.key) not in self.by_key:
                continue  # merged already
            keys = [group.key, *genitive_bases(group.key)]
            same = [g for k in keys for g in named.get(k, []) if (g.type, g.key) in self.by_key]
            if len({g.type for g in same}) < 2:
                continue
            target = max(same, key=lambda g: len(g.mentions))
            for other in same:
                if other is not target:
                    self.merge(target, other)

    def merge_parts(self, type_: str) -> None:
        """A name that is part of exactly one longer name of the same type joins it
        ("Wostotschny" joins "Kosmodrom Wostotschny")."""
        plain = [g for g in self.by_key.values() if g.type == type_ and g.place is None]
        index: dict[str, list[_Group]] = {}
        for group in plain:
            for token in group.tokens:
                index.setdefault(token, []).append(group)
        for group in sorted(plain, key=lambda g: len(g.tokens)):
            tokens = group.tokens
            first = next(iter(tokens), "")
            wider = [g for g in index.get(first, []) if tokens < g.tokens]
            if len(wider) == 1 and (type_, group.key) in self.by_key:
                self.merge(wider[0], group)

    def merge_club_names(self) -> None:
        """An organisation's name joins the one longer name that is it with a club's or a
        company's letters around it (``club_codes``): "Rapid" joins "SK Rapid", "Wolfsburg"
        (typed ORG, the club) "VfL Wolfsburg", "Hertha" "Hertha BSC", "Hannover"
        "Hannover 96" (review 37: a club's names had been two entities). Not where such
        letters are a name the article uses alone."""
        plain = [g for g in self.by_key.values() if g.type == "ORG" and g.place is None]
        own = {name.lower() for g in self.by_key.values() for name in g.names}
        for group in sorted(plain, key=lambda g: len(g.key)):
            wider = [g for g in plain if g is not group and _coded(g, group, own)]
            if len(wider) == 1 and ("ORG", group.key) in self.by_key:
                self.merge(wider[0], group)

    def merge_abbreviations(self, pairs: Sequence[tuple[Mention, Mention]]) -> None:
        """An abbreviation joins the name it abbreviates, with all its mentions."""
        for name, short in pairs:
            group, abbreviation = self.owner.get(id(name)), self.owner.get(id(short))
            if group is None or abbreviation is None or group is abbreviation:
                continue
            if abbreviation.place is None:
                self.merge(group, abbreviation)

    def merge_acronyms(self) -> None:
        """An acronym joins the one name of the article whose words it initials: "EU" and
        "Europäische Union", "AfD" and "Alternative für Deutschland". NER types an event's
        acronym and its name apart ("CSD" ORG, "Christopher Street Day" MISC), so an
        organisation's and a MISC name's meet too; the one named more often gives the type,
        which later articles that use only the acronym most likely share."""
        names = [g for g in self.by_key.values() if g.type in ("ORG", "MISC") and g.place is None]
        by_initials: dict[str, list[_Group]] = {}
        for group in names:
            for found in {initials(name) for name in group.names} - {""}:
                by_initials.setdefault(found, []).append(group)
        for group in names:
            short = {acronym(name) for name in group.names} - {""}
            wider = [g for a in short for g in by_initials.get(a, []) if g is not group]
            if len(wider) == 1 and (group.type, group.key) in self.by_key:
                full = wider[0]
                if len(group.mentions) > len(full.mentions):
                    self.merge(group, full)
                else:
                    self.merge(full, group)

    def merge_generic(self) -> set[int]:
        """A kind of institution named alone ("die Zentralbank", "die Hochschule") is no
        name: it joins the one organisation of the article whose name of several words ends
        in it ("Europäische Zentralbank"), else it is no entity. The ids of the mentions
        dropped."""
        orgs = [g for g in self.by_key.values() if g.type == "ORG" and g.place is None]
        dropped: set[int] = set()
        for group in orgs:
            head = _generic_head(group)
            if not head:
                continue
            named = [g for g in orgs if g is not group and _ends_in(g, head)]
            if len(named) == 1:
                self.merge(named[0], group)
            else:
                dropped.update(id(m) for m in group.mentions)
                del self.by_key[(group.type, group.key)]
        return dropped

    def people(self) -> list[_Group]:
        return [g for g in self.by_key.values() if g.type == "PER"]

    def drop_unnamed_adjectives(self) -> set[int]:
        """Groups of adjectives that met no name ("kurdischen", "arktische", "nuklearer":
        no place of the gazetteer, nothing named in the article) are no entities: their
        name would be the adjective. The ids of their mentions, which are dropped too."""
        dropped: set[int] = set()
        for key, group in list(self.by_key.items()):
            adjectives = all(m.derived and _adjective(m.text) for m in group.mentions)
            if group.mentions and group.place is None and adjectives:
                dropped.update(id(m) for m in group.mentions)
                del self.by_key[key]
        return dropped

    def entities(self) -> list[Entity]:
        built = []
        kept = [g for g in self.by_key.values() if g.mentions]
        for group in sorted(kept, key=lambda g: min(m.start for m in g.mentions)):
            entity = _entity(group)
            for mention in group.mentions:
                mention.entity_id = entity.id
            built.append(entity)
        return built


def _entity_type(mention: Mention, said: str) -> str:
    """The type of the entity a mention names: a seat of government's is an organisation
    ("Kreml", "Pentagon"), whether NER read the building ("im Kreml", LOC, which stays
    the mention's type, a place to meet in) or the government; as a place it had been an
    entity of its own beside the organisation (the stream: "Kreml" in 5 articles beside
    24). A compound on a seat ("Kreml-Sprecher") is the organisation's in its type too; a
    genitive NER tagged derived ("Kremls") is left to ``merge_derived``, which names it."""
    compound = "-" in mention.text
    seat = text_key(said) in seats()
    if mention.type != "LOC" or not seat or (mention.derived and not compound):
        return mention.type
    if compound:
        mention.type = "ORG"
    return "ORG"


def _generic_head(group: _Group) -> str:
    """The kind of institution a group names, where every mention is that word alone."""
    words = {_singular_head(m.text.lower()) for m in group.mentions}
    # Capitals make a name of it: the party "Die PARTEI".
    if len(words) != 1 or any(m.derived or m.text.isupper() for m in group.mentions):
        return ""
    return words.pop()


def _singular_head(word: str) -> str:
    """The generic noun a word is, also in the genitive ("des Parlaments"), else ""."""
    forms = (word, word.removesuffix("s"), word.removesuffix("es"))
    return next((f for f in forms if f in _generic_institutions()), "")


def _ends_in(group: _Group, head: str) -> bool:
    """Whether a name of several words has ``head`` as its head noun: last ("Europäische
    Zentralbank") or first before a place ("Universität Göttingen")."""
    return any(
        len(words := n.lower().split()) > 1 and head in (words[-1], words[0]) for n in group.names
    )


@lru_cache(maxsize=1)
def _generic_institutions() -> frozenset[str]:
    return frozenset(read_data("entities_rules.json")["generic_institutions"]["words"])


def _adjective(text: str) -> bool:
    """A word written as an adjective is: in small letters with an adjective's ending
    ("kurdisch", "arktischen", "europaweit"; not a brand such as "tagesschau24" or "ifo"), or
    in any case with one of -isch's ("Kurdische" opening a sentence; not "Kurden")."""
    if not text.isalpha():
        return False
    lower = text.lower()
    return lower.endswith(_ISCH) or (text[:1].islower() and lower.endswith(_ADJECTIVE_ENDINGS))


_ISCH = ("isch", "ische", "ischen", "ischer", "isches", "ischem")
_ADJECTIVE_ENDINGS = ("weit", *ADJECTIVE_ENDINGS)


def _abbreviations(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, abbreviation) for "Deutsche Wetterdienst (DWD)": an abbreviation in brackets
    right after a name that it abbreviates ("Friedrich Merz (CDU)" is none: the letters do
    not fit). A name with an abbreviation is no person's: "Robert Koch-Institut (RKI)",
    which NER tags PER, takes the abbreviation's type, and the other way round."""
    pairs = []
    for name, short in pairwise(mentions):
        if text[name.end : short.start] != " (" or not text.startswith(")", short.end):
            continue
        if not abbreviates(short.text, name.text):
            continue
        types = {name.type, short.type}
        if "PER" in types and len(types) == 2:
            name.type = short.type = (types - {"PER"}).pop()
        if name.type != "PER":
            pairs.append((name, short))
    return pairs


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` ("BKA", "WHO") can abbreviate ``name`` ("Bundeskriminalamt",
    "Weltgesundheitsorganisation"): two capitals at least, and its letters found in the
    name in order, the first at the start of a word (Schwartz and Hearst's test)."""
    letters = [c for c in short.lower() if c.isalnum()]
    if not 2 <= len(short) <= 8 or sum(c.isupper() for c in short) < 2 or not letters:
        return False
    lower = name.lower()
    at = len(lower) - 1
    for i in range(len(letters) - 1, -1, -1):
        while at >= 0 and (
            lower[at] != letters[i] or (i == 0 and at > 0 and lower[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True


def _genitive_nominative(mention: Mention, tokens: Tokens) -> str:
    """The nominative of a one-word name written in the genitive right after "des" or
    "eines" ("Zweiteilung des Rheins", "Ende des Gazakriegs"), else "": alone in an
    article, such a genitive had named the entity and keyed it apart from the nominative
    of other articles ("Rheins", "Bundestags"). Only after a singular's article: "der
    Jusos" is a plural, and its s no ending. The dictionary says which ending to drop,
    on the word or, for a compound it does not know, on its last part ("Irankriegs")."""
    word = mention.text
    if mention.derived or " " in word or not word.endswith("s") or word.islower():
        return ""
    i = tokens.index(mention.start)
    if i == 0 or tokens.words[i - 1][2].lower() not in ("des", "eines"):
        return ""
    for cut in range(len(word) - 4):
        tail = word[cut].upper() + word[cut + 1 :]
        lemma = simplemma.lemmatize(tail, lang="de")
        if lemma in (tail[:-1], tail[:-2]) and simplemma.is_known(lemma, lang="de"):
            # the word's own first letter: "des ifo-Instituts" is the "ifo-Institut"
            return word[: cut + 1] + lemma[1:]
    return ""


def _name_keys(group: _Group) -> set[str]:
    """The keys a group is named by: a place's group is keyed by its gazetteer id, so by
    the keys of the names the article gives it ("Gaza")."""
    if group.place is None:
        return {group.key}
    return {text_key(name) for name in group.names}


def _names_itself(group: _Group) -> bool:
    """Whether some mention of the group is its name, not a word derived from it."""
    return any(not m.derived for m in group.mentions)


def acronym(name: str) -> str:
    """The lower-cased acronym a name is ("EU", "AfD": "eu", "afd"; an agency's own small
    letters, "dpa"), else ""."""
    if not (2 <= len(name) <= 6 and name.isalpha()):
        return ""
    capitals = sum(c.isupper() for c in name)
    return name.lower() if capitals >= 2 or (name.islower() and len(name) <= 4) else ""


def initials(name: str) -> str:
    """The lower-cased first letters of a name of several words, the parts of a hyphenated
    one among them ("Europäische Union": "eu", "Alternative für Deutschland": "afd",
    "Deutsche Presse-Agentur": "dpa"), else "". Stricter than :func:`abbreviates`, which
    has the brackets as evidence; here the evidence is one article naming both. A name
    with an acronym among its parts has none: "US-Notenbank" is no "UN"."""
    words = [part for word in name.split() for part in word.split("-") if part]
    if len(words) < 2 or any(len(w) > 1 and w.isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def _coded(wider: _Group, group: _Group, own: set[str]) -> bool:
    """Whether a name of ``wider`` is a name of ``group`` with codes before or after it
    ("SK Rapid", "Hertha BSC"), none of them a name the article uses alone."""
    for long_name in wider.names:
        for name in group.names:
            rest = f" {long_name} ".replace(f" {name} ", " ", 1).split()
            if len(rest) == len(long_name.split()):
                continue  # not in it
            if rest and all(_club_code(word) and word.lower() not in own for word in rest):
                return True
    return False


def _club_code(word: str) -> bool:
    # A club's year, in two digits or four ("Hannover 96", "TSV 1860"), not a model's
    # number ("Boeing 737") or a channel's ("RTL 2"; review 45).
    return word in _club_codes() or (word.isdigit() and len(word) in (2, 4))


@lru_cache(maxsize=1)
def _club_codes() -> frozenset[str]:
    return frozenset(read_data("entities_rules.json")["club_codes"]["words"])


def _entity(group: _Group) -> Entity:
    if group.place is not None:
        place = group.place
        german = _german_name(group, place)
        aliases = [name for name in group.names if name != german]
        return Entity(
            id=entity_id("LOC", place.id),
            name=german,
            type="LOC",
            aliases=aliases,
            mention_count=len(group.mentions),
            labels={"de": german, "en": place.en},
            code=place.code,
        )
    name = _canonical(group)
    return Entity(
        id=entity_id(group.type, fold(name) or name.lower()),
        name=name,
        type=group.type,
        aliases=[n for n in group.names if n != name],
        mention_count=len(group.mentions),
        labels={"de": name},
    )


def _german_name(group: _Group, place: Place) -> str:
    """The place's German name; where the gazetteer knows only the English one (most cities:
    "Munich"), the name the German text uses most ("München"), if it is not a genitive.
    Countries and subdivisions have German names even where they equal the English ones
    ("Iran", "Israel"): an article that says only "Irans" does not rename Iran. A German
    spelling that folds like the English name is still the German name ("Straßburg")."""
    if place.kind != "city" or place.de != place.en:
        return place.de
    if not group.names:  # only adjectives: "Münchner" names München
        base = group.bases.most_common(1)[0][0] if group.bases else ""
        return base[:1].upper() + base[1:] if base else place.de
    said, _ = group.names.most_common(1)[0]
    bare = said[:-1]
    genitive = said.endswith("s") and (bare in group.names or fold(bare) == fold(place.en))
    return place.de if genitive or said.lower() == place.en.lower() else said


def _canonical(group: _Group) -> str:
    """The fullest name (most words), then the most frequent, then the first seen; a name
    run on from words without a space between them only if there is no other. A name of
    ``same_names`` in the rules file takes the name listed for it."""
    if same := same_names()[1].get(group.key):
        return same
    if not group.names:
        return compound_base(group.mentions[0].text)
    order = {name: i for i, name in enumerate(group.names)}
    person = group.type == "PER"
    best = max(
        group.names,
        key=lambda n: (
            *name_rank(n, group.names, person),
            group.names[n],
            -order[n],
        ),
    )
    return best if person else nominative_name(best)


# --- people ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    mention: Mention
    name: str
    roles: set[str]
    countries: set[str]
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = fold(self.name)


def _link_people(
    mentions: Sequence[Mention], tokens: Tokens, groups: _Groups, gazetteer: Gazetteer
) -> None:
    """Group person mentions: the same name, or a part of exactly one fuller name in the
    article ("Putin" -> "Wladimir Putin", "Kim" -> "Kim Jong Un"), or its genitive."""
    people = [_person(m, tokens, gazetteer) for m in mentions]
    _fuller_genitives(people)
    _lone_genitives(people, tokens)
    named = [p for p in people if p.key]
    # Fullest names first, and a name before its genitive ("Putin" before "Putins").
    named.sort(key=lambda p: (-len(p.key.split()), p.key.endswith("s"), p.mention.start))
    index: dict[str, list[_Group]] = {}
    for person in named:
        group = _find_person(person.key, groups, index)
        if group is None:
            group = groups.get("PER", person.key)
            for token in group.tokens:
                index.setdefault(token, []).append(group)
        groups.assign(group, person.mention, None if person.mention.derived else person.name)
        group.roles |= person.roles
        group.countries |= person.countries
    for person in people:
        if not person.key:  # NER tagged a bare title ("der Kremlchef")
            _link_title(person, groups)


def _fuller_genitives(people: list[_Person]) -> None:
    """A full name in the genitive is named as it stands alone, where its surname does
    elsewhere in the article: "Elon Musks Firma ... Musk ist reich" had been two people,
    "Elon Musks" and "Musk" (review 60). A surname alone in the genitive joins its name
    already ("Putins")."""
    surnames = {p.key.rpartition(" ")[2] for p in people if p.key}
    fuller = {p.key.rpartition(" ")[2] for p in people if " " in p.key}
    for person in people:
        if " " not in person.key or not person.name.endswith("s"):
            continue
        if person.key.partition(" ")[0] in fuller:
            continue  # two people run together: "konterte Nielsen Trumps Ankündigung"
        last = person.key.rpartition(" ")[2]
        ending = next((last[len(b) :] for b in genitive_bases(last) if b in surnames), "")
        if ending:
            person.name = person.name[:-1]
            person.key = person.key[: -len(ending)]


def _lone_genitives(people: list[_Person], tokens: Tokens) -> None:
    """A surname that stands only in the genitive before a noun is named without its -s:
    an article that says only "Putins Bereitschaft" or "Epsteins Komplizin" named a
    person "Putins", whom no article's "Putin" met by name. Where the article names the
    person otherwise, the genitive joins that name already. Names in -as, -es, -os keep
    their s ("Abbas", "Guterres"): their genitive is written with an apostrophe."""
    known = {w for p in people for w in p.key.split()}
    # The genitive as a word of a fuller name ("Donald Trumps") joins that name instead.
    fuller = {w for p in people if " " in p.key for w in p.key.split()}
    surnames = {p.key.rpartition(" ")[2] for p in people if " " in p.key}
    lone = [
        p
        for p in people
        if (_genitive_word(p.name) and fold(p.name[:-1]) not in known and p.key not in fuller)
        or _full_genitive(p, known, surnames)
    ]
    # Every mention of the name must be such a genitive: "Wegners sagte" is a name in -s.
    elsewhere = {p.key for p in lone if not _before_noun(p.mention, tokens)}
    for person in lone:
        if person.key not in elsewhere:
            person.name = person.name[:-1]
            person.key = fold(person.name)


def _full_genitive(person: _Person, known: set[str], surnames: set[str]) -> bool:
    """A full name whose surname is in the genitive ("Donald Trumps Frist"), where the
    surname without its s is no word of the article's people (else it joins that name,
    see :func:`_fuller_genitives`), nor its first word another's surname ("konterte
    Nielsen Trumps Ankündigung"). Not a surname in -us or -is either ("Boris Pistorius",
    "Andrej Babis"): review 108, "war Donald Trumps Sicherheitsberaterin" had named a
    person "Donald Trumps" (30 items of the stream write that genitive)."""
    first, _, last = person.name.rpartition(" ")
    return (
        bool(first)
        and fold(first.split()[0]) not in surnames
        and _genitive_word(last)
        and not last.endswith(("us", "is"))
        and fold(last[:-1]) not in known
    )


def _genitive_word(name: str) -> bool:
    return (
        len(name) > 4
        and " " not in name
        and name.endswith("s")
        and not name.endswith(("ss", "as", "es", "os", "ys"))
    )


def _before_noun(mention: Mention, tokens: Tokens) -> bool:
    """Whether a capitalised word follows the mention, a space apart, as a noun after a
    genitive does ("Putins Bereitschaft")."""
    i = tokens.index(mention.end)
    if i >= len(tokens.words) or tokens.text[mention.end : tokens.words[i][0]] != " ":
        return False
    return tokens.words[i][2][:1].isupper()


def _link_title(person: _Person, groups: _Groups) -> None:
    """A title alone refers to the one fitting person, else stands as its own entity."""
    country = min(person.countries) if person.countries else None
    fitting = [g for role in person.roles for g in _fitting(groups.people(), role, country)]
    if len({id(g) for g in fitting}) == 1:
        person.mention.derived = True
        groups.assign(fitting[0], person.mention, None)
    else:
        text = person.mention.text
        groups.assign(groups.get("PER", fold(text) or text.lower()), person.mention, text)


def _find_person(key: str, groups: _Groups, index: Mapping[str, list[_Group]]) -> _Group | None:
    # "es" too: the key of "Mbappés" is "mbapes", of "Mbappé" "mbap" (a final e is folded away)
    candidates = [key, *genitive_bases(key)]
    for candidate in candidates:
        exact = groups.by_key.get(("PER", candidate))
        if exact is not None:
            return exact
    for candidate in candidates:
        tokens = set(candidate.split())
        if not tokens:  # "s" alone: nothing left once a genitive s is dropped
            continue
        first = next(iter(tokens))
        wider = [g for g in index.get(first, []) if tokens <= g.tokens]
        if wider:
            return _salient(wider)
    return None


def _salient(people: list[_Group]) -> _Group | None:
    """The one of several fuller names a part refers to: the only one, or the one the
    article names at least twice as often as any other ("Kim" is Kim Jong Un in a report
    about him that names his father Kim Jong Il once); None where none stands out."""
    if len(people) == 1:
        return people[0]
    first, second = sorted((len(g.mentions) for g in people), reverse=True)[:2]
    if first < 2 * max(second, 1):
        return None
    return max(people, key=lambda g: len(g.mentions))


def _person(mention: Mention, tokens: Tokens, gazetteer: Gazetteer) -> _Person:
    """The mention's name without titles, and the roles and countries it comes with, from
    inside the span ("Präsident Putin") and just before it ("der russische Präsident")."""
    words = _TOKEN_SPLIT.split(mention.text.strip())
    roles: set[str] = set()
    countries: set[str] = set()
    while words and _describe(words[0], roles, countries, gazetteer):
        words.pop(0)
    if mention.derived and words:  # "Putin-Regierung" is Putin's
        words = [words[0].split("-")[0]]
    i = tokens.index(mention.start) - 1
    while 0 <= i < len(tokens.words) - 1 and tokens.adjacent(i, i + 1):
        if not _describe(tokens.words[i][2], roles, countries, gazetteer):
            break
        i -= 1
    return _Person(mention, " ".join(w for w in words if w), roles, countries)


def _describe(word: str, roles: set[str], countries: set[str], gazetteer: Gazetteer) -> bool:
    """Record ``word`` if it is a title or a country adjective; False if it is neither."""
    role = role_lexicon().compound_role(word, gazetteer)
    if role is not None:
        roles.add(role[0])
        if role[1]:
            countries.add(role[1])
        return True
    hit = gazetteer.country_adjective(word)
    if hit is not None:
        countries.add(hit.place.code)
    return hit is not None


def _role_references(
    tokens: Tokens, mentions: Sequence[Mention], groups: _Groups, gazetteer: Gazetteer
) -> list[Mention]:
    """Derived PER mentions for "der Kremlchef", "der russische Präsident": a determiner,
    an optional country adjective and a role, with no name after it, when exactly one
    person of the article fits (see :func:`_fitting`)."""
    people = groups.people()
    if not people:
        return []
    names = {m.start for m in mentions if m.type == "PER"}
    spans = [(m.start, m.end) for m in mentions]
    # "der US-Präsident": the compound was taken as a LOC part; as a reference it is a person
    compounds = {(m.start, m.end): m for m in mentions if m.type == "LOC" and m.derived}
    found = []
    for i, (start, end, word) in enumerate(tokens.words):
        reference = _reference_at(tokens, i, names, gazetteer)
        compound = compounds.get((start, end))
        if reference is None or (compound is None and _inside(spans, start)):
            continue
        fitting = _fitting(people, *reference)
        if len(fitting) == 1 and compound is not None:
            compound.type = "PER"
            groups.move(compound, fitting[0])
        elif len(fitting) == 1:
            mention = Mention(start, end, word, "PER", derived=True)
            groups.assign(fitting[0], mention, None)
            found.append(mention)
    return found


def _reference_at(
    tokens: Tokens, i: int, names: set[int], gazetteer: Gazetteer
) -> tuple[str, str | None] | None:
    """(role, country) when word ``i`` is a bare role: a singular determiner, an optional
    country adjective, the role (not a title), and no person's name right after it."""
    lexicon = role_lexicon()
    word = tokens.words[i][2]
    role = lexicon.office(word, gazetteer) if i > 0 and word[:1].isupper() else None
    if role is None:
        return None
    before, country = i - 1, role[1]
    adjective = gazetteer.derived_word(tokens.words[before][2])
    if adjective is not None and adjective.place.kind == "country" and before > 0:
        country, before = adjective.place.code, before - 1
    determiner = tokens.words[before][2].lower()
    inflected = word.lower().rpartition("-")[2] != role[0]
    if determiner not in lexicon.determiners or (inflected and determiner in ("der", "die")):
        return None  # "die Präsidenten", "der Frauen": plurals
    if determiner == "die" and not role[0].endswith(("in", "e")):
        return None  # "die Verteidigungsminister": a role not feminine after "die" is plural
    following = tokens.words[i + 1][0] if i + 1 < len(tokens.words) else -1
    return None if following in names else (role[0], country)


def _fitting(people: Iterable[_Group], role: str, country: str | None) -> list[_Group]:
    """People introduced with this role (and this country, when the reference names one:
    "der russische Präsident"); for a role that belongs to one country ("Kremlchef"),
    people introduced with any role and that country."""
    if role_lexicon().roles.get(role) is not None:
        return [p for p in people if country in p.countries and p.roles]
    return [p for p in people if role in p.roles and (country is None or country in p.countries)]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    i = bisect_left(spans, (offset + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


# --- across articles ----------------------------------------------------------------------


def is_country(entity: Entity) -> bool:
    """Countries carry their ISO 3166-1 alpha-2 code; cities "geonames:N", regions "M49:N"."""
    return entity.code is not None and len(entity.code) == 2 and entity.code.isalpha()


def is_broad(entity: Entity) -> bool:
    """A country or a world region: named by so much news that it tells little apart."""
    return is_country(entity) or (entity.code or "").startswith("M49:")
