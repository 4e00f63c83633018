"""Entities across articles: link each new article's entities to the ones already stored.

Per-article normalisation (``chronik.analysis.entities``) gives every entity an id from its
canonical key, so "Wladimir Putin" in one article and "Putin" alone in the next get different
ids. This index holds the stored entities by the folded words of their names, so a new
article is compared only with the entities that share a word with it, not with all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from chronik.analysis.entities import combine_entities, link_to_known, match_words
from chronik.model import Article, Entity


class KnownEntities:
    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_word: dict[str, set[str]] = {}
        for entity in entities:
            self._put(entity)

    def __len__(self) -> int:
        return len(self._by_id)

    def link(self, article: Article) -> None:
        """Give the article's entities the ids of the stored entities they are, and the
        fuller of the two names; remember them for the next article."""
        link_to_known(article, self.candidates(article.entities))
        linked = []
        for entity in article.entities:
            known = self._by_id.get(entity.id)
            # The index keeps the running total of mentions (which of two people a bare
            # surname means); the article keeps its own count, with the known name.
            total = combine_entities(known, entity) if known else entity
            self._put(total)
            linked.append(replace(total, mention_count=entity.mention_count))
        article.entities = linked

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
