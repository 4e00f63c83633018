"""Entities across articles: link each new article's entities to the ones already stored.

Per-article normalisation (``chronik.analysis.entities``) gives every entity an id from its
canonical key, so "Wladimir Putin" in one article and "Putin" alone in the next get different
ids. :func:`merge_into` maps the entities of a new article onto known ones, and
:func:`apply_mapping` rewrites the article by that map. ``KnownEntities`` holds the stored
entities by the folded words of their names, so a new article is compared only with the
entities that share a word with it, not with all of them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from chronik.analysis.entity_keys import dative_plural
from chronik.analysis.entity_names import (
    bare,
    club_names,
    name_rank,
    without_article,
    without_place_adjective,
)
from chronik.analysis.gazetteer import fold, load_gazetteer, strip_case, uninflected
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import run_on
from chronik.model import Article, Entity

# How many times more often one candidate must be named to take an ambiguous surname.
_PROMINENCE = 3
# How many times more often a place, organisation or other name must be named than a lone
# person of that name (see _lone_person) to take it.
_LONE_PROMINENCE = 2


class KnownEntities:
    def __init__(
        self, entities: Iterable[Entity] = (), merges: Mapping[str, str] | None = None
    ) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_word: dict[str, set[str]] = {}
        # The id that each id merged away answers as (the store's entity_merges).
        self._merged: dict[str, str] = dict(merges or {})
        for entity in entities:
            self._put(entity)

    def __len__(self) -> int:
        return len(self._by_id)

    def link(self, article: Article) -> dict[str, Entity]:
        """Give the article's entities the ids of the stored entities they are, and the
        fuller of the two names; remember them for the next article. Where the article
        shows two known entities to be one (:func:`joined`), they become one here: the
        returned map gives, for each id merged away, the entity kept (its record with
        the store's counts and both entities' names), which the store then merges too."""
        own = list(article.entities)
        mapping = link_to_known(article, self.candidates(article.entities))
        again = self._merged_away(article)
        apply_mapping(article, again, [self._by_id[i] for i in again.values()])
        final = {o.id: again.get(t, t) for o in own for t in [mapping.get(o.id, o.id)]}
        linked = []
        for entity in article.entities:
            known = self._by_id.get(entity.id)
            # The index keeps the running total of mentions (which of two people a bare
            # surname means); the article keeps its own count, with the known name.
            total = combine_entities(known, entity) if known else entity
            self._put(total)
            linked.append(replace(total, mention_count=entity.mention_count))
        article.entities = linked
        return self._join(article, own, final)

    def _merged_away(self, article: Article) -> dict[str, str]:
        """The kept id for each entity of the article whose id a merge took, where the
        kept one is of its type ("VU", once the "Velmarische Union"'s). One of another
        type ("Brekke" named as a firm, where the organisation "Brekke" of compounds went
        into the person) is an entity of its own again, and its id is no longer merged."""
        again = {}
        for entity in article.entities:
            kept = self._by_id.get(self._merged.get(entity.id, ""))
            if kept is not None and kept.type == entity.type:
                again[entity.id] = kept.id
            else:
                self._merged.pop(entity.id, None)
        return again

    def _join(
        self, article: Article, own: Sequence[Entity], final: Mapping[str, str]
    ) -> dict[str, Entity]:
        merged: dict[str, Entity] = {}
        for gone, kept in joined(own, final, self._by_id, self.candidates).items():
            if gone in self._merged or kept in self._merged:
                continue  # an earlier pair of this article took one of them
            whole = combine_entities(self._by_id[kept], self._by_id[gone])
            self._forget(gone)
            self._put(whole)
            self._merged.update({g: kept for g, k in self._merged.items() if k == gone})
            self._merged[gone] = kept
            merged[gone] = whole
        if merged:
            moved = {gone: whole.id for gone, whole in merged.items()}
            apply_mapping(article, moved, list(merged.values()))
            counts = {e.id: e.mention_count for e in article.entities}
            article.entities = [replace(self._by_id[i], mention_count=counts[i]) for i in counts]
        return merged

    def candidates(self, entities: Iterable[Entity]) -> list[Entity]:
        ids: set[str] = set()
        for entity in entities:
            if entity.id in self._by_id:
                ids.add(entity.id)
            for word in match_words(entity):
                ids |= self._by_word.get(word, set())
        return [self._by_id[i] for i in sorted(ids)]

    def _put(self, entity: Entity) -> None:
        self._by_id[entity.id] = entity
        for word in match_words(entity):
            self._by_word.setdefault(word, set()).add(entity.id)

    def _forget(self, entity_id: str) -> None:
        entity = self._by_id.pop(entity_id)
        for word in match_words(entity):
            self._by_word.get(word, set()).discard(entity_id)


def joined(
    own: Sequence[Entity],
    final: Mapping[str, str],
    known: Mapping[str, Entity],
    candidates: Callable[[Iterable[Entity]], list[Entity]],
) -> dict[str, str]:
    """Known entities that an article proves to be one, as {id merged away: id kept}:
    an entity of the article (``own``, before linking; ``final``, the known id each went
    to) one of whose names is the whole name of another known entity, stored apart before
    ("EU", stored alone, beside "Europäische Union", where the article names both as
    one; "Epstein", an organisation of compounds, where it names "Jeffrey Epstein" and
    "Epstein"). That other one must be what it would link to now, were it new (of its own
    type, :func:`merge_into` on the known entities without it; of another,
    :func:`_surname_of` or :func:`_acronym_of`), and no entity of the article of its own.
    A place of the gazetteer is kept, else the one named more often."""
    ids = set(final.values())
    pairs: dict[str, str] = {}
    for entity in own:
        target = known.get(final.get(entity.id, entity.id))
        if target is None:
            continue
        names = {fold(n) for n in (entity.name, *entity.aliases)}
        for other in candidates([entity]):
            if other.id in ids or other.id in pairs or fold(other.name) not in names:
                continue
            if _one_with(other, target, candidates):
                # A place of the gazetteer stays, with its code and type; else the one
                # named more often.
                first, second = sorted(
                    (target, other), key=lambda e: (e.code is None, -e.mention_count)
                )
                pairs[second.id] = first.id
    return pairs


def _one_with(
    other: Entity, target: Entity, candidates: Callable[[Iterable[Entity]], list[Entity]]
) -> bool:
    """Whether the known ``other`` is ``target`` by the rules that link a new entity."""
    if other.type != target.type and (_surname_of(other, target) or _acronym_of(other, target)):
        return True
    rest = [e for e in candidates([other]) if e.id != other.id]
    if other.type != target.type:
        # By the counts the store has now (:func:`_typed_otherwise`): the platform "X"
        # typed MISC twice before the ORG was named often had stayed apart beside 42
        # mentions of the ORG (review 197), since no later "X" was typed MISC again.
        return _one(_typed_otherwise(other, rest), rest) == target.id
    if other.type == "PER" and " " not in other.name.strip():
        # A bare surname by the known full names alone: the article's own "Lindqvist",
        # now an alias of the one it named, says nothing of whom an earlier one meant.
        return _fuller(other, rest) == target.id
    return merge_into(rest, [other]).get(other.id) == target.id


def _acronym_of(other: Entity, target: Entity) -> bool:
    """An acronym stored as an entity of its own, of another type than the name the
    article gave it as its acronym (the organisation "CSD" beside the MISC "Christopher
    Street Day", the organisation "NRW" beside the place Nordrhein-Westfalen): the article
    joined them, as `merge_acronyms` joins an organisation's acronym and a MISC name. Never
    a person, nor a place of the gazetteer merged away."""
    name = other.name.strip()
    return (
        "PER" not in (other.type, target.type)
        and other.code is None
        and 2 <= len(name) <= 6
        and name.isalnum()
        and name.isupper()
        and name.casefold() != target.name.casefold()
        and name in target.aliases
    )


def _surname_of(other: Entity, person: Entity) -> bool:
    """A one-word name of another type (an organisation "Epstein" of "Epstein-Akten",
    stored before the person was named) that is the surname of a person named in full,
    named at least ``_PROMINENCE`` times as often: the firm "Porsche" stays apart from a
    "Ferdinand Porsche" named less."""
    if person.type != "PER" or other.code is not None or " " in other.name:
        return False
    # As written, in any case: the fold key that lets "Selenskyj" meet "Selenskyi" makes
    # the coin "Cent" a "Kent" (March 2026: "Cent" MISC had gone into Joe Kent).
    surnames = {n.split()[-1].casefold() for n in (person.name, *person.aliases) if " " in n}
    named_more = person.mention_count >= _PROMINENCE * max(other.mention_count, 1)
    return other.name.casefold() in surnames and named_more


def merge_into(
    known: Sequence[Entity], new: Sequence[Entity], compounds: Collection[str] = ()
) -> dict[str, str]:
    """Map each new entity's id to the id of the known entity it is, for every new entity
    that matches one (its own id when the ids are equal). Matches, tried in this order:
    the same id, except for an entity named only in compounds (its id in ``compounds``),
    which first takes the one known entity of its name of any type (see
    :func:`_compound_base`; the same id where that is not one); of the same type,
    the same name or genitive by fold key, for people and unresolved places a name that is
    part of exactly one known name or contains exactly one, and the same alias; last, the
    same name typed otherwise, where that is far more often named."""
    by_id = {e.id: e for e in known}
    by_key: dict[tuple[str, str], set[str]] = {}
    for entity in known:
        for key in _keys(entity):
            by_key.setdefault((entity.type, key), set()).add(entity.id)
    mapping: dict[str, str] = {}
    for entity in new:
        compound = entity.id in compounds
        # A compound's base goes to the entity of its name first, even where one of its
        # own id is known: an article that named "Trump" only in "Trump-Zölle" before any
        # named the person had made an organisation "Trump", and every later compound,
        # with that id, stuck to it.
        if entity.id in by_id and not compound:
            own = by_id[entity.id]
            mapping[entity.id] = _fuller(entity, known) or _retyped(own, known) or entity.id
            continue
        matches = _matches(entity, known, by_key, compound)
        chosen = next(filter(None, (_one(m, known) for m in matches)), None)
        if chosen is not None:
            mapping[entity.id] = chosen
    return mapping


def _matches(
    entity: Entity,
    known: Sequence[Entity],
    by_key: Mapping[tuple[str, str], set[str]],
    compound: bool = False,
) -> Iterator[set[str]]:
    """Candidates, surest first. The name before its aliases: "Ali Chamenei" is the one
    known "Seyyed Ali Chamenei", though its alias "Chamenei" is also his son's."""

    def lookup(keys: set[str]) -> set[str]:
        return set().union(*(by_key.get((entity.type, k), set()) for k in keys))

    if compound:
        yield _compound_base(entity, known)
    yield lookup(_keys(entity, aliases=False))
    yield _no_relatives(entity, _overlapping(entity, known), known)
    yield _no_relatives(entity, lookup(_keys(entity)), known)
    yield _transliterated(entity, known)
    yield _typed_otherwise(entity, known)
    yield _place_adjective(entity, known)
    yield _person_by_surname(entity, known)
    yield _person_by_full_name(entity, known)


def _compound_base(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The known entities, of any type, that bear the name of an entity the article names
    only in compounds: NER types "Trump-Regierung" ORG and "Mercosur-Abkommen" MISC as
    the compounds they are, not as the names they derive from, so their type says nothing
    of the base's ("Trump" is the person "Donald Trump", also by his surname alone,
    "Mercosur" the organisation). A place the gazetteer resolved has its place already."""
    if entity.code is not None:
        return set()
    name = entity.name.casefold()
    found = [o for o in known if name in _names_as_written(o)]
    return _person_named_more(found) or {o.id for o in found}


def _person_named_more(found: Sequence[Entity]) -> set[str]:
    """Of a compound's known bases, the one person named in full, where named at least as
    often as each other one: an entity of another type of the bare name is most often made
    of such compounds itself, stored before the person ("Epstein-Akten" typed ORG; review
    162: February 2026's "Epstein-Affäre" and "Epstein-Veröffentlichungen", after 17 and
    19 mentions of Jeffrey Epstein, had joined an organisation "Epstein" of 6 and 7, short
    of the three times :func:`_prominent` asks). A firm named after its founder
    ("Porsche-Chef") is named more often than the founder, and keeps the compound.
    """
    # A person named in full: a "person" of one word is NER's weak reading of the name
    # ("Labour", typed PER once in May 2026, had taken the party's compounds).
    people = [o for o in found if o.type == "PER" and " " in o.name]
    if len(found) < 2 or len(people) != 1:
        return set()
    rest = max(o.mention_count for o in found if o is not people[0])
    return {people[0].id} if people[0].mention_count >= rest else set()


def _names_as_written(entity: Entity) -> set[str]:
    """An entity's names in small letters, a person's surnames too."""
    names = {n.casefold() for n in (entity.name, *entity.aliases)}
    return names | {n.split()[-1] for n in names if entity.type == "PER" and n.strip()}


def compound_only(article: Article) -> set[str]:
    """The ids of the entities an article names only in derived words ("Trump-Berater")."""
    derived = {m.entity_id for m in article.mentions if m.derived and m.entity_id is not None}
    return derived - {m.entity_id for m in article.mentions if not m.derived}


def _typed_otherwise(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The known entity of the same name, as written, that NER typed otherwise, where the
    types allow it (:func:`_retypable`) and the known one is named at least
    ``_PROMINENCE`` times as often: "Ebola" tagged ORG in one article is the MISC named 13
    times before, "Fifa" tagged MISC the ORG. Not between a place and an organisation of
    one word: a town the gazetteer does not know is as often its football club's name
    ("In Heidenheim brannte eine Halle"; review 44). A known person, and a place the
    gazetteer knows, keep their type; a place the gazetteer knows takes only a lone
    "person" ("Kiew, Cherson und Odessa melden ..." typed Cherson PER), not a club named
    after it ("Der Bayern gewann")."""
    if entity.code is not None:
        return set()
    # A lone "person" is a weak reading of its own (a teaser's "Davos:"): twice as many
    # mentions of the thing outweigh it.
    prominence = _LONE_PROMINENCE if entity.type == "PER" else _PROMINENCE
    least = prominence * max(entity.mention_count, 1)
    return {
        other.id
        for other in known
        if other.type not in ("PER", entity.type)
        and _retypable(entity, other.type)
        and (other.code is None or entity.type == "PER")
        and other.mention_count >= least
        and _same_name(entity, other)
    }


def _place_adjective(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The known thing, of any type but a person's, that is the entity's name without
    the city's or country's adjective before it, or whose name is the entity's with one:
    "Pariser Louvre", typed LOC, is the "Louvre" typed ORG (review 158: two entities of
    October 2025, 4 and 13 mentions). One side must have the bare name: "Französische
    Revolution" is no "Amerikanische Revolution". Not a place the gazetteer knows."""
    if entity.type == "PER" or entity.code is not None:
        return set()
    own = _casefolded(entity)
    plain = _without_place_adjectives(entity)
    return {
        other.id
        for other in known
        if other.type != "PER"
        and other.code is None
        and (plain & _casefolded(other) or own & _without_place_adjectives(other))
    }


def _casefolded(entity: Entity) -> set[str]:
    return {n.casefold() for n in (entity.name, *entity.aliases)}


def _without_place_adjectives(entity: Entity) -> set[str]:
    names = (entity.name, *entity.aliases)
    return {plain.casefold() for n in names if (plain := without_place_adjective(n))}


def _person_by_surname(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The known people whose surname a lone word NER typed a place or other name is, named
    at least ``_PROMINENCE`` times as often: a live blog's headline "Buh-Rufe für Netanjahu
    in Tel Aviv" typed LOC beside "Benjamin Netanjahu" named 113 times. Not a word the
    gazetteer resolves, and not an organisation: firms bear their founders' names."""
    if entity.type not in ("LOC", "MISC") or entity.code is not None or " " in entity.name:
        return set()
    words = {w.casefold() for n in (entity.name, *entity.aliases) for w in (n, bare(n))}
    least = _PROMINENCE * max(entity.mention_count, 1)
    return {
        other.id
        for other in known
        if other.type == "PER"
        and " " in other.name
        and other.name.casefold().split()[-1] in words
        and other.mention_count >= least
    }


def _person_by_full_name(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The known person a full name NER typed otherwise names, as written, where that person
    is named at least ``_LONE_PROMINENCE`` times as often: "JD Vance" typed ORG in one
    article after two that named the person (review 151, April 2026: an organisation of
    its own beside the person's 15 mentions). A full name says more than a lone word, so
    less prominence than :func:`_person_by_surname` asks; also where NER typed it an
    organisation, which that leaves to a firm named after its founder's surname. A firm
    of its founder's full name ("Hugo Boss") keeps its type where it is named as often as
    the person."""
    words = entity.name.split()
    if entity.type == "PER" or entity.code is not None or not 2 <= len(words) <= 3:
        return set()
    if not all(w[:1].isupper() for w in words):
        return set()
    least = _LONE_PROMINENCE * max(entity.mention_count, 1)
    name = entity.name.casefold()
    return {
        other.id
        for other in known
        if other.type == "PER"
        and other.mention_count >= least
        and name in {n.casefold() for n in (other.name, *other.aliases)}
    }


def _same_name(entity: Entity, other: Entity) -> bool:
    """The same name as written, in any case; a name of several words also declined
    otherwise ("Weißen Haus", "Weiße Haus"). One word by fold key would make "Link" the
    party "Linke"."""
    names = (other.name, *other.aliases)
    if entity.name.casefold() in {n.casefold() for n in names}:
        return True
    declined = {uninflected(fold(n)) for n in names if " " in n}
    return " " in entity.name and uninflected(fold(entity.name)) in declined


def _retypable(entity: Entity, known_type: str) -> bool:
    """Whether NER's type of ``entity`` may give way to ``known_type``: where one is MISC;
    a lone person's (:func:`_lone_person`); and between a place and an organisation for a
    name of several words, which is no town's and its club's: "im Weißen Haus" typed LOC
    is the "Weiße Haus" typed ORG elsewhere (70 mentions of the stream in two entities).
    """
    if entity.type == "PER":
        return _lone_person(entity)
    if "MISC" in (entity.type, known_type):
        return True
    return {entity.type, known_type} == {"LOC", "ORG"} and " " in entity.name


def _lone_person(entity: Entity) -> bool:
    """A "person" of one word that its article names by no fuller name: NER's guess on a
    headline's "Davos: …" or on a storm ("Ein Sturmtief wie Elli"), which names the
    known place or storm far more often named so. A person the article names in full is
    one."""
    return all(" " not in n for n in (entity.name, *entity.aliases))


def _fuller(entity: Entity, known: Sequence[Entity]) -> str | None:
    """For a bare surname already known as an entity of its own (made while it could mean
    two people: "Selenskyj" beside "Wolodymyr Selenskyj" and "Serhij Selenskyj"), the one
    full name it now means, so that one early doubt does not split a person for good."""
    if entity.type != "PER" or len(entity.name.split()) != 1:
        return None
    word = fold(entity.name)
    # Itself too where it has a full name among its aliases: "Rodríguez", named so for
    # "Delcy Eloina Rodríguez Gómez", is no bare surname of her father's (review 139).
    fuller = {
        o.id
        for o in known
        if o.type == "PER"
        and any(word in fold(name).split()[1:] for name in _full_names(o, o.id == entity.id))
    }
    return _one(fuller, known)


def _full_names(entity: Entity, aliases: bool) -> tuple[str, ...]:
    return (entity.name, *entity.aliases) if aliases else (entity.name,)


def _retyped(own: Entity, known: Sequence[Entity]) -> str | None:
    """For a name already known as an entity of its own, the entity of another type that it
    now means by the rules for a new one (:func:`_typed_otherwise`,
    :func:`_person_by_surname`), counting all the mentions the store has of it: the
    platform "X" typed MISC in an early article had kept 12 mentions beside the ORG's 32,
    since each later "X" typed MISC found its own id first."""
    return (
        _one(_typed_otherwise(own, known), known)
        or _one(_person_by_surname(own, known), known)
        or _one(_person_by_full_name(own, known), known)
    )


def _no_relatives(entity: Entity, ids: set[str], known: Sequence[Entity]) -> set[str]:
    """The candidates less the people who are, by their first names, other people than the
    person: "Delcy Rodríguez" and "Jorge Antonio Rodríguez" share the alias "Rodríguez"
    (review 139: the daughter's entity had been mapped onto her father's, and "Bruno
    Rodríguez" had taken hers, named "Rodríguez", as containing that name). Of one name
    that two people of the store run together, the first is no first name."""
    if entity.type != "PER":
        return ids
    # A known person's surname is no first name: "der Fall Epstein Trump", one span over
    # two people, is still Trump's.
    surnames = {e.name.split()[-1].casefold() for e in known if e.type == "PER"}
    first = _first_names(entity) - surnames
    if not first:
        return ids
    return {e.id for e in known if e.id in ids and not _others(first, e)}


def _others(first: set[str], known: Entity) -> bool:
    """Whether a known person with first names of its own has none of ``first``, not even
    one spelt otherwise ("Zhoran Mamdani" is "Zohran Mamdani": a word of its names opens
    with the same letter; "Ali Chamenei" is "Seyyed Ali Chamenei")."""
    if not _first_names(known):
        return False
    words = {w for name in (known.name, *known.aliases) for w in name.casefold().split()}
    return not any(w[:1] == f[:1] for f in first for w in words)


def _first_names(entity: Entity) -> set[str]:
    """The first words of a person's names of two words or more, casefolded; none for an
    initial or two ("J. D. Vance", "JD Vance") or a particle ("von der Leyen")."""
    names = (entity.name, *entity.aliases)
    return {
        words[0].casefold()
        for words in (name.split() for name in names)
        if len(words) >= 2 and words[0][:1].isupper() and len(words[0].rstrip(".")) >= 3
    }


def _transliterated(entity: Entity, known: Sequence[Entity]) -> set[str]:
    """The one known person of the surname of a person named by first name and surname,
    where the first names are one name transliterated otherwise (:func:`_sound`): "Izchak
    Herzog" is "Isaac Herzog" (review 143: two people of November's store). Not where the
    store knows a second person of that surname: a namesake is likelier than a spelling."""
    words = entity.name.split()
    if entity.type != "PER" or len(words) != 2:
        return set()
    surname = words[1].casefold()
    namesakes = [
        other
        for other in known
        if other.type == "PER"
        and len(other.name.split()) >= 2
        and other.name.split()[-1].casefold() == surname
    ]
    if len(namesakes) != 1 or len(first := namesakes[0].name.split()) != 2:
        return set()
    same = first[0].casefold() != words[0].casefold() and _sound(first[0]) == _sound(words[0])
    return {namesakes[0].id} if same else set()


# Spellings of one sound in transliterations ("Izchak", "Isaac"; "Wolodymyr", "Volodymyr").
_DIGRAPHS = (("sch", "s"), ("ch", "k"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("tz", "s"))
_SOUNDS = str.maketrans("bdvwgqcszxßy", "ptffkkkssssi")
_VOWELS = frozenset("aeiouäöü")


def _sound(name: str) -> tuple[str, str, frozenset[str]]:
    """A first name's sound as transliterations keep it: its first letter's sound, its
    consonants' sounds in order (an "h" and a doubled one dropped) and the set of its
    vowels. "Izchak" and "Isaac" are both ("i", "sk", {"a", "i"}); "Hans" and "Heinz",
    "Ida" and "Ines" are not."""
    letters = "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )
    for spelling, sound in _DIGRAPHS:
        letters = letters.replace(spelling, sound)
    letters = letters.translate(_SOUNDS)
    consonants = [c for c in letters if c.isalpha() and c not in _VOWELS and c != "h"]
    skeleton = "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])
    return letters[:1], skeleton, frozenset(c for c in letters if c in _VOWELS)


def _one(ids: set[str], known: Sequence[Entity]) -> str | None:
    """The one entity of several candidates: the only one, else the only one whose name is
    not run on from another word (a scraped "KölnWolodymyr Selenskyj" is no second person
    for "Selenskyj" to mean), else the prominent one."""
    if len(ids) <= 1:
        return next(iter(ids), None)
    clean = {e.id for e in known if e.id in ids and not run_on(e.name)}
    return next(iter(clean)) if len(clean) == 1 else _prominent(clean or ids, known)


def _prominent(ids: set[str], known: Sequence[Entity]) -> str | None:
    """Of several people a bare surname could mean, the one named far more often (at least
    ``_PROMINENCE`` times the next): news says "Selenskyj" for the president, not for a
    namesake named once."""
    counts = sorted(((e.mention_count, e.id) for e in known if e.id in ids), reverse=True)
    if len(counts) < 2 or counts[0][0] < _PROMINENCE * max(counts[1][0], 1):
        return None
    return counts[0][1]


def _keys(entity: Entity, aliases: bool = True) -> set[str]:
    names = (entity.name, *(entity.aliases if aliases else ()))
    keys = {fold(name) for name in names} | _joined_keys(names)
    if entity.type == "ORG":
        # "FC Bayern München" is also "FC Bayern" and "Bayern München" (review 151).
        keys |= {fold(other) for name in names for other in club_names(name)}
    if entity.type != "PER":
        keys |= {fold(without_article(name)) for name in names}
        keys |= _dative_keys(names)
        keys |= {uninflected(k) for k in keys}
    return (keys | {bare(k) for k in keys} | _genitive_keys(names)) - {""}


def _joined_keys(names: Iterable[str]) -> set[str]:
    """The keys of hyphenated names written as one word, as German writes a compound
    either way: "Iran-Krieg" is the "Irankrieg" (19 mentions of the stream beside 99),
    "Ebola-Virus" the "Ebolavirus"."""
    return {fold(name.replace("-", "")) for name in names if "-" in name}


def _dative_keys(names: Iterable[str]) -> set[str]:
    """The keys of names in the dative plural as they would be without its n, where
    simplemma's lemma of the last word is the word less that n: "den Republikanern" is
    "die Republikaner", "den Olympischen Winterspielen" "die Olympischen Winterspiele";
    "Bayern" is no "Bayer". Not for people: "Wagnern" is no one's dative."""
    return {fold(name[:-1]) for name in names if dative_plural(name.rsplit(" ", 1)[-1])}


def _genitive_keys(names: Iterable[str]) -> set[str]:
    """The keys of names as they would be without a genitive s, folded after it is dropped:
    folding drops a final e, so "Mark Ruttes" (key "mark rutes") is "Mark Rutte" ("mark rut")
    only this way."""
    return {fold(bare(name)) for name in names if bare(name) != name}


def match_words(entity: Entity) -> set[str]:
    """The words under which a store finds the known entities an entity may match: every
    folded word of its names, also without a genitive s or case ending, so that
    "Bundestags" finds "Bundestag", "Mbappés" "Mbappé" and "Europäischen" "Europäische"."""
    names = (entity.name, *entity.aliases)
    words = {word for name in names for word in fold(name).split()}
    variants = _genitive_keys(names) | _dative_keys(names) | _joined_keys(names)
    words |= {word for key in variants for word in key.split()}
    return words | {bare(w) for w in words} | {strip_case(w) for w in words}


def _overlapping(entity: Entity, known: Sequence[Entity]) -> set[str]:
    if entity.type not in ("PER", "LOC") or entity.code is not None:
        return set()
    tokens = _words(entity)
    return {
        other.id
        for other in known
        if other.type == entity.type
        and other.code is None
        and tokens
        and (tokens <= _words(other) or _words(other) <= tokens)
    }


def _words(entity: Entity) -> set[str]:
    """The words that make a name part of another. A person's as written, in any case: the
    fold key that lets "Selenskyj" and "Selenskyi" meet as whole names would make the
    first name "Marcus" part of "Markus Söder". A full name's last word without a
    genitive s: an article that named only "Wladimir Putins" had stayed apart from the
    "Putin" of an article stored before it (review 158: October 2025, 4 mentions beside
    22). Both forms: "Mitsotakis" ends in s of its own. Not a lone word's: "Hans" is no
    genitive."""
    if entity.type == "PER":
        *first, last = entity.name.casefold().split() or [""]
        return {*first, last, bare(last) if first else last}
    return set(fold(entity.name).split())


def link_to_known(article: Article, known: Sequence[Entity]) -> dict[str, str]:
    """:func:`merge_into` and :func:`apply_mapping` in one step; returns the mapping.
    An entity named only in role compounds on a known person's name goes (see
    :func:`role_holders_only`)."""
    mapping = merge_into(known, article.entities, compound_only(article))
    drop_entities(article, role_holders_only(article, known, mapping))
    apply_mapping(article, mapping, known)
    return mapping


def role_holders_only(
    article: Article, known: Sequence[Entity], mapping: Mapping[str, str]
) -> set[str]:
    """The ids of the entities an article names only in compounds whose head is an office
    ("die Trump-Sprecherin", "ein Trump-Sprecher") and that are, or would be, a known
    person: such a compound names the one who holds the office, and the person it is
    named after had become an entity of an article that never names them (and the source
    of the spokeswoman's words). On an organisation ("Kreml-Sprecher") it stays the
    organisation's, which the spokesman speaks for."""
    by_id = {e.id: e for e in known}
    offices: dict[str, bool] = {}
    for mention in article.mentions:
        if mention.entity_id is not None:
            office = mention.derived and _office_compound(mention.text)
            offices[mention.entity_id] = offices.get(mention.entity_id, True) and office
    dropped = set()
    for entity in article.entities:
        if not offices.get(entity.id):
            continue
        target = by_id.get(mapping.get(entity.id, entity.id))
        base = by_id.get(_one(_compound_base(entity, known), known) or "")
        if any(e is not None and e.type == "PER" for e in (target, base)):
            dropped.add(entity.id)
    return dropped


def _office_compound(text: str) -> bool:
    base, _, head = text.rpartition("-")
    return bool(base) and role_lexicon().office(head, load_gazetteer()) is not None


def drop_entities(article: Article, ids: Collection[str]) -> None:
    """Take entities out of an article: their mentions, and their ids from attributions
    and from events (an actor with its name and role; a place)."""
    if not ids:
        return
    article.entities = [e for e in article.entities if e.id not in ids]
    article.mentions = [m for m in article.mentions if m.entity_id not in ids]
    for attribution in article.attributions:
        attribution.entity_ids = [i for i in attribution.entity_ids if i not in ids]
    for event in article.events:
        kept = [n for n, actor in enumerate(event.actors) if actor not in ids]
        if len(kept) < len(event.actors):
            event.actor_names = [event.actor_names[n] for n in kept if n < len(event.actor_names)]
            event.roles = [event.roles[n] for n in kept if n < len(event.roles)]
            event.actors = [event.actors[n] for n in kept]
        if event.location_id in ids:
            event.location_id = None


def apply_mapping(
    article: Article, mapping: Mapping[str, str], known: Sequence[Entity] = ()
) -> None:
    """Rewrite an article's entity ids by ``mapping`` (from :func:`merge_into`): its
    mentions, entities (merged where two map to one, taking the known entity's name,
    labels and code), attributions and events."""
    if not mapping:
        return
    known_by_id = {e.id: e for e in known}
    typed = {e.id: e.type for e in article.entities}
    merged: dict[str, Entity] = {}
    for entity in article.entities:
        target = mapping.get(entity.id, entity.id)
        base = known_by_id.get(target)
        moved = replace(entity, id=target)
        if base is not None:
            moved = combine_entities(replace(base, mention_count=0, aliases=[]), moved)
        merged[target] = combine_entities(merged[target], moved) if target in merged else moved
    article.entities = list(merged.values())
    for mention in article.mentions:
        if mention.entity_id is not None:
            own = mention.entity_id
            mention.entity_id = mapping.get(own, own)
            # NER's type of the whole entity gave way to the known one's: its mentions too
            # (a "Netanjahu" typed LOC had been marked a place on a person's entity). A
            # mention typed otherwise than its entity keeps its reading ("im Kreml").
            now = merged.get(mention.entity_id)
            if now is not None and mention.type == typed.get(own):
                mention.type = now.type
    for attribution in article.attributions:
        attribution.entity_ids = [mapping.get(i, i) for i in attribution.entity_ids]
    for event in article.events:
        event.actors = [mapping.get(i, i) for i in event.actors]
        if event.location_id is not None:
            event.location_id = mapping.get(event.location_id, event.location_id)


def combine_entities(first: Entity, second: Entity) -> Entity:
    """One entity from two records of it: the first's id, labels and code; the better name
    (by :func:`chronik.analysis.entity_names.name_rank`, else the first's); aliases united;
    mention counts added."""
    names = (first.name, second.name)
    person = first.type == "PER"
    name = max(
        names,
        key=lambda n: (
            *name_rank(n, [o for o in names if o != n], person),
            n == first.name,
        ),
    )
    aliases = [first.name, *first.aliases, second.name, *second.aliases]
    code = first.code or second.code
    return replace(
        first,
        name=name,
        aliases=[a for a in dict.fromkeys(aliases) if a != name],
        mention_count=first.mention_count + second.mention_count,
        # A place's labels come from the gazetteer; any other entity's label is its name.
        labels=(first.labels or second.labels) if code else {"de": name},
        code=code,
    )


class StoredIds:
    """During a reanalysis: the stored id for each entity linked afresh, taken from the
    stored mentions it has where it first appears (the id most of them had, if no other
    entity has taken it yet); an entity with no stored mention keeps its new id."""

    def __init__(
        self, stored: dict[tuple[str, int, int], str], shared: Collection[str] = ()
    ) -> None:
        self.stored = stored
        # Ids that entities merged since were kept under (the store's entity_merges): the
        # entities linked afresh that they hold are one again once their article comes.
        self.shared = set(shared)
        self.seen: set[str] = set()
        self.taken: set[str] = set()
        self.changed: dict[str, str] = {}

    def restore(self, article: Article) -> None:
        for entity in article.entities:
            if entity.id not in self.seen:
                self.seen.add(entity.id)
                kept = self._stored_id(article, entity.id)
                self.taken.add(kept)
                if kept != entity.id:
                    self.changed[entity.id] = kept
        apply_mapping(article, self.changed)

    def _stored_id(self, article: Article, entity_id: str) -> str:
        votes = Counter(
            self.stored.get((article.id, m.start, m.end))
            for m in article.mentions
            if m.entity_id == entity_id
        )
        old = next(
            (o for o, _ in votes.most_common() if o and (o not in self.taken or o in self.shared)),
            None,
        )
        if old is None and entity_id in self.taken:  # its new id is a stored one, taken
            old = f"{entity_id}_{len(self.taken)}"
        return old or entity_id
