"""The entities an article's groups become: each group's ``Entity`` with its stable id
(``entity_id``), its canonical name (the fullest, then the most frequent; a place's German
name from the gazetteer), aliases and labels, and the entity id on every mention. Apart
because it names a group once the merging is done, and the id is the one rule every
article and run must share.
"""

from __future__ import annotations

import hashlib

from chronik.analysis.entity_groups import Group, Groups
from chronik.analysis.entity_keys import compound_base, same_names
from chronik.analysis.entity_names import name_rank, nominative_name
from chronik.analysis.gazetteer import Place, fold
from chronik.model import Entity


def named_entities(groups: Groups) -> list[Entity]:
    """The entities of the groups that kept mentions, in the order of their first
    mention; every mention gets its entity's id."""
    built = []
    kept = [g for g in groups.by_key.values() if g.mentions]
    for group in sorted(kept, key=lambda g: min(m.start for m in g.mentions)):
        entity = _entity(group)
        for mention in group.mentions:
            mention.entity_id = entity.id
        built.append(entity)
    return built


def entity_id(type_: str, key: str) -> str:
    """``ent_`` and 12 hex digits of SHA-1 over type and canonical key: the same in every
    article and every run."""
    return "ent_" + hashlib.sha1(f"{type_}:{key}".encode()).hexdigest()[:12]


def _entity(group: Group) -> Entity:
    """The entity a group names: a place's by its gazetteer id, the rest by the canonical
    name's fold key."""
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


def _german_name(group: Group, place: Place) -> str:
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


def _canonical(group: Group) -> str:
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
