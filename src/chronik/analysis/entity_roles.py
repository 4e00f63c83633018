"""Roles and titles that refer to a person: the words that describe a person's name (a
title, a role, a country's adjective: ``describe``), the people of an article that a role
fits (``fitting_people``), and the bare references such as "der Kremlchef" or "der russische
Präsident" that become derived mentions of the one person who fits (``role_references``).
Apart because they read the role lexicon (``roles``), not the names.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from chronik.analysis.entity_groups import Group, Groups
from chronik.analysis.entity_keys import Tokens
from chronik.analysis.gazetteer import Gazetteer
from chronik.analysis.roles import role_lexicon
from chronik.model import Mention


def describe(word: str, roles: set[str], countries: set[str], gazetteer: Gazetteer) -> bool:
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


def role_references(
    tokens: Tokens, mentions: Sequence[Mention], groups: Groups, gazetteer: Gazetteer
) -> list[Mention]:
    """Derived PER mentions for "der Kremlchef", "der russische Präsident": a determiner,
    an optional country adjective and a role, with no name after it, when exactly one
    person of the article fits (see :func:`fitting_people`)."""
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
        fitting = fitting_people(people, *reference)
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


def fitting_people(people: Iterable[Group], role: str, country: str | None) -> list[Group]:
    """People introduced with this role (and this country, when the reference names one:
    "der russische Präsident"); for a role that belongs to one country ("Kremlchef"),
    people introduced with any role and that country."""
    if role_lexicon().roles.get(role) is not None:
        return [p for p in people if country in p.countries and p.roles]
    return [p for p in people if role in p.roles and (country is None or country in p.countries)]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    i = bisect_left(spans, (offset + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
