"""Role and title words ("Präsident", "Kremlchef", "US-Außenminister", "Frau"), shared by
the NER rules, which keep them out of the middle of a name, and the entities step, which
links "der Kremlchef" to the one person who fits. The words are data:
``data/entities_roles.json``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from chronik.analysis.gazetteer import Gazetteer, read_data


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    roles: Mapping[str, str | None]  # role -> the country it belongs to, if one
    titles: frozenset[str]
    determiners: frozenset[str]

    def role(self, word: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
        """(role, country) for a title or role word, inflected or not; "US-Präsident"
        gives the country of its first part."""
        head, _, last = word.rpartition("-")
        last = last.lower()  # the head keeps its case: "US" is a country, "us" no word
        for form in (last, last[:-2], last[:-1]):
            if form in self.roles and (form == last or last.endswith(("en", "n", "s"))):
                country = self.roles[form]
                if head:
                    hit = gazetteer.word(head)
                    country = hit.place.code if hit and hit.place.kind == "country" else country
                return form, country
        return None

    def compound_role(self, word: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
        """:meth:`role`, or the office a compound ends in ("Arbeitsministerin": ministerin),
        so that "die Ministerin" refers back to "Arbeitsministerin Bas" (review 61)."""
        found = self.role(word, gazetteer)
        if found is not None or "-" in word or not word[:1].isupper():
            return found
        head = _office_head(word.lower(), tuple(r for r in self.roles if r not in self.titles))
        return (head, self.roles[head]) if head else None

    def office(self, word: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
        """:meth:`role` for a role that names an office ("Kremlchef", "Präsident"), not for
        a title ("Frau", "Dr."), which goes with a name but never stands for a person."""
        return self._no_title(self.role(word, gazetteer))

    def compound_office(self, word: str, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
        """:meth:`compound_role` for an office, not a title ("Arbeitsministerin")."""
        return self._no_title(self.compound_role(word, gazetteer))

    def _no_title(self, found: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
        return found if found is not None and found[0] not in self.titles else None


@lru_cache(maxsize=4096)
def _office_head(lower: str, offices: tuple[str, ...]) -> str | None:
    """The longest office a word ends in after three letters or more of its own."""
    heads = [r for r in offices if len(r) > 3 and lower.endswith(r) and len(lower) - len(r) > 2]
    return max(heads, key=len, default=None)


@lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    data = read_data("entities_roles.json")
    return RoleLexicon(data["roles"], frozenset(data["titles"]), frozenset(data["determiners"]))
