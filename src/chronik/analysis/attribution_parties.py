"""The party an epithet names ("der CDU-Politiker") and the parties an article ties its
persons to ("CDU-Chef Jan Roth", "Jan Roth (CDU)"), so that the epithet links a person of
that party and never one of another (review 270: "sagte der CDU-Politiker" had linked
Putin, the person named last before it, for Merz). Pure: text and mentions in, names out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from chronik.analysis.attribution_words import PARTIES
from chronik.model import Mention

# "(CDU)", "(CDU/CSU)", "(SPD, Berlin)" right after a person's name
_BRACKET = re.compile(r"\s*\(([^()]{1,30})\)")


def _parties_in(words: Iterable[str]) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for word in words:
        found |= PARTIES.get(word.strip().lower(), frozenset())
    return found


def epithet_parties(word: str) -> frozenset[str]:
    """The parties "CDU-Politiker", "Unions-Politikerin", "SPD-Co-Chefin" name before their
    last hyphen; none for a word with no party in it ("US-Politiker", "Republikaner")."""
    return _parties_in(word.split("-")[:-1])


def party_ties(
    text: str, persons: Sequence[Mention], titles: Mapping[str, list[int]]
) -> dict[str, frozenset[str]]:
    """Each person's entity -> the parties the article ties it to: a party before a hyphen
    in the word right before a mention ("CDU-Chef Jan Roth", "Grünen-Politikerin Eva
    Kern"; ``titles`` maps that word to the places of those persons in ``persons``, as
    attribution reads them for offices) or in brackets right after it ("Jan Roth (CDU)")."""
    ties: dict[str, set[str]] = {}
    for word, places in titles.items():
        for place in places:
            ties.setdefault(persons[place].entity_id or "", set()).update(epithet_parties(word))
    for person in persons:
        bracket = _BRACKET.match(text, person.end)
        if bracket and person.entity_id and not person.derived:
            found = _parties_in(re.split(r"[,;]", bracket.group(1)))
            ties.setdefault(person.entity_id, set()).update(found)
    return {person: frozenset(found) for person, found in ties.items() if found}
