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
``entity_people`` links people by their names, ``entity_roles`` the titles and roles that
refer to them, and ``entity_canonical`` names the entity a group becomes; this module runs
the steps in their order. The rules are described in docs/entities.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.analysis.entity_canonical import named_entities
from chronik.analysis.entity_groups import Groups, genitive_nominative
from chronik.analysis.entity_keys import Tokens
from chronik.analysis.entity_merges import (
    abbreviations,
    merge_aliases,
    merge_derived_people,
    merge_names,
)
from chronik.analysis.entity_people import link_people
from chronik.analysis.entity_places import detect, legislatures, place_readings
from chronik.analysis.entity_roles import role_references
from chronik.analysis.entity_spans import (
    adjective_institutions,
    after_place_adjective,
    at_seam,
    before_seam,
    coded_compound,
    declined_names,
    firm_names,
    glued_to_clock,
    in_programme_title,
    kind_before_acronym,
    listed_organisations,
    name_words,
    named_institutions,
    paid_mark,
    particle_names,
    party_groups,
    place_abbreviation,
    placed_first_names,
    quoted_compound,
    ship_names,
    split_name_pairs,
    studio_byline,
    surnames_left_out,
    unit,
    within_sentence,
)
from chronik.analysis.entity_types import retype
from chronik.analysis.gazetteer import Gazetteer, load_gazetteer
from chronik.analysis.pipeline import component
from chronik.model import Article, Entity, Mention
from chronik.options import Options


@component("entities", reads=("sentences", "ner"))
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
    link_people([m for m in mentions if m.type == "PER"], tokens, groups, gazetteer)
    merge_derived_people(groups)
    merge_aliases(groups, mentions, article.text)
    mentions.extend(role_references(tokens, mentions, groups, gazetteer))
    unnamed = groups.drop_unnamed_adjectives() | generic
    article.mentions = sorted(
        (m for m in mentions if id(m) not in unnamed), key=lambda m: (m.start, m.end)
    )
    article.entities = named_entities(groups)


def _mended(article: Article, tokens: Tokens, gazetteer: Gazetteer) -> list[Mention]:
    """NER's mentions with their spans and types mended (``entity_spans``,
    ``entity_types``) and the places the lexicons find beside them, in text order."""
    ends = [s.end for s in article.sentences]
    names = name_words(article.mentions)
    cut = [
        after_place_adjective(coded_compound(quoted_compound(kind_before_acronym(part))), gazetteer)
        for m in article.mentions
        for part in at_seam(before_seam(within_sentence(m, ends)), names, gazetteer)
    ]
    split = sorted(split_name_pairs(cut), key=lambda m: (m.start, m.end))
    split = placed_first_names(firm_names(ship_names(split, tokens), tokens), tokens, gazetteer)
    ner = [
        studio_byline(m, gazetteer)
        for m in split
        if not unit(m, tokens)
        and not glued_to_clock(m)
        and not paid_mark(m)
        and not place_abbreviation(m, split, article.text)
        and not in_programme_title(m, article.text)
    ]
    particle_names(ner, tokens, gazetteer)
    retype(ner, tokens, gazetteer)
    # A unit still covers its words: "US-Dollar" is no mention of the United States; so
    # does a name glued to a ticker's time, a paid article's mark, and a place's
    # abbreviation after its name, a studio's seat in a byline and a programme's in its
    # title.
    found = [*ner, *detect(tokens, split, gazetteer)]
    institutions = adjective_institutions(named_institutions(found, tokens), tokens)
    listed = party_groups(listed_organisations(institutions, tokens), tokens)
    listed = declined_names(listed, tokens)
    return surnames_left_out(legislatures(listed, tokens, gazetteer), tokens)


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
            if nominative:
                nominatives.append((mention, nominative))
    groups.name_nominatives(nominatives)


# --- across articles ----------------------------------------------------------------------


def is_country(entity: Entity) -> bool:
    """Countries carry their ISO 3166-1 alpha-2 code; cities "geonames:N", regions "M49:N"."""
    return entity.code is not None and len(entity.code) == 2 and entity.code.isalpha()


def is_broad(entity: Entity) -> bool:
    """A country or a world region: named by so much news that it tells little apart."""
    return is_country(entity) or (entity.code or "").startswith("M49:")
