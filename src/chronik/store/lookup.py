"""Finding a stored entity by what a person types: its id, a name or alias in any case, a
family name without its particles, or one word of a longer name. The CLI, the REST API and
the web's search all find entities this way, through ``Chronik.find_entity``.
"""

from __future__ import annotations

from chronik.analysis.ner_rules import name_particles
from chronik.model import Entity
from chronik.store.base import Store


def find_entity(store: Store, text: str) -> Entity | None:
    """An entity by id, else the most mentioned one named ``text`` (a family name also with
    the particles the NER left out; else one word of a name or alias); none for a blank
    text (which, as a name filter, would have matched every entity)."""
    text = text.strip()
    if not text:
        return None
    found = store.entity(text)
    if found is not None:
        return found
    for name in (text, _without_particles(text)):
        named = next(iter(store.entities(limit=1, name=name)), None) if name else None
        if named is not None:
            return named
    # One word of a longer name: "Vostochny" for "Vostochny Cosmodrome" (review 56).
    return store.entity_with_word(text) if _one_word(text) else None


def _one_word(text: str) -> bool:
    short = 3 <= len(text) <= _LONGEST_WORD
    return short and " " not in text and any(c.isalpha() for c in text)


# No word of a name is longer; a longer text, as anyone can send it to the API, had failed
# SQLite's LIKE (patterns of 50,000 bytes at most) and been blamed on the store (E240).
_LONGEST_WORD = 100


def _without_particles(name: str) -> str:
    """A family name without the particles before it: the NER often takes "von der
    Leyen" as "Leyen", and so the name her entity is found by (review 56)."""
    words = name.split()
    # As German writes them inside a sentence, or capitalised before another ("Von der
    # Leyen", review 58): "La Paz" is a city, not "Paz" (review 57).
    while len(words) > 1 and _particle(words[0], words[1]):
        words = words[1:]
    return " ".join(words) if len(words) < len(name.split()) else ""


def _particle(word: str, following: str) -> bool:
    return word in name_particles() or (
        word.lower() in name_particles() and following in name_particles()
    )
