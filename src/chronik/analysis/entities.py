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
compound's base), ``entity_groups`` holds the groups of mentions, ``entity_merges`` the
rules that merge them, ``entity_names`` how a name is written and which is best, and
``entity_canonical`` the entity a group becomes; this module runs the steps in their order
and links people to their names and roles. The rules are described in docs/entities.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from chronik.analysis.entity_canonical import named_entities
from chronik.analysis.entity_groups import Group, Groups, genitive_nominative
from chronik.analysis.entity_keys import Tokens, genitive_bases
from chronik.analysis.entity_merges import abbreviations, merge_derived_people, merge_names
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
from chronik.analysis.entity_types import retype
from chronik.analysis.gazetteer import Gazetteer, fold, load_gazetteer
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
    mentions = _mended(article, tokens, gazetteer)
    abbreviated = abbreviations(article.text, mentions)
    groups = Groups()
    _group_names(groups, mentions, tokens, gazetteer)
    generic = merge_names(groups, abbreviated)
    _link_people([m for m in mentions if m.type == "PER"], tokens, groups, gazetteer)
    merge_derived_people(groups)
    mentions.extend(_role_references(tokens, mentions, groups, gazetteer))
    unnamed = groups.drop_unnamed_adjectives() | generic
    article.mentions = sorted(
        (m for m in mentions if id(m) not in unnamed), key=lambda m: (m.start, m.end)
    )
    article.entities = named_entities(groups)


def _mended(article: Article, tokens: Tokens, gazetteer: Gazetteer) -> list[Mention]:
    """NER's mentions with their spans and types mended (``entity_spans``,
    ``entity_types``) and the places the lexicons find beside them, in text order."""
    ends = [s.end for s in article.sentences]
    cut = [before_seam(within_sentence(m, ends)) for m in article.mentions]
    split = sorted(split_name_pairs(cut), key=lambda m: (m.start, m.end))
    split = placed_first_names(ship_names(split, tokens), tokens, gazetteer)
    ner = [m for m in split if not unit(m, tokens)]
    particle_names(ner, tokens, gazetteer)
    retype(ner, tokens, gazetteer)
    # A unit still covers its words: "US-Dollar" is no mention of the United States.
    found = [*ner, *detect(tokens, split, gazetteer)]
    return sorted(named_institutions(found, tokens), key=lambda m: (m.start, m.end))


def _group_names(
    groups: Groups, mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer
) -> None:
    """Every mention but a person's into the group of its place or key; a name written in
    the genitive alone is named in the nominative too (``Groups.name_nominatives``)."""
    readings = place_readings(tokens, mentions, gazetteer)
    nominatives = []
    for mention in mentions:
        if mention.type != "PER":
            nominative = genitive_nominative(mention, tokens)
            groups.add_other(mention, gazetteer, readings[id(mention)], nominative)
            if nominative and not mention.derived:
                nominatives.append((mention, nominative))
    groups.name_nominatives(nominatives)


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
    mentions: Sequence[Mention], tokens: Tokens, groups: Groups, gazetteer: Gazetteer
) -> None:
    """Group person mentions: the same name, or a part of exactly one fuller name in the
    article ("Putin" -> "Wladimir Putin", "Kim" -> "Kim Jong Un"), or its genitive."""
    people = [_person(m, tokens, gazetteer) for m in mentions]
    _fuller_genitives(people)
    _lone_genitives(people, tokens)
    named = [p for p in people if p.key]
    # Fullest names first, and a name before its genitive ("Putin" before "Putins").
    named.sort(key=lambda p: (-len(p.key.split()), p.key.endswith("s"), p.mention.start))
    index: dict[str, list[Group]] = {}
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


def _link_title(person: _Person, groups: Groups) -> None:
    """A title alone refers to the one fitting person, else stands as its own entity."""
    country = min(person.countries) if person.countries else None
    fitting = [g for role in person.roles for g in _fitting(groups.people(), role, country)]
    if len({id(g) for g in fitting}) == 1:
        person.mention.derived = True
        groups.assign(fitting[0], person.mention, None)
    else:
        text = person.mention.text
        groups.assign(groups.get("PER", fold(text) or text.lower()), person.mention, text)


def _find_person(key: str, groups: Groups, index: Mapping[str, list[Group]]) -> Group | None:
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


def _salient(people: list[Group]) -> Group | None:
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
    tokens: Tokens, mentions: Sequence[Mention], groups: Groups, gazetteer: Gazetteer
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


def _fitting(people: Iterable[Group], role: str, country: str | None) -> list[Group]:
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
