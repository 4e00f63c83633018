"""Related reading: for an article, the nearest articles outside its story; for a story, the
stories nearest to it. Uses the engine's similarity on the profiles the store keeps.

A neighbourhood holds thousands of articles. Profiles are the engine features the store
keeps (recomputing them meant lemmatising and embedding every neighbour again), the words
rank the candidates through an index of the targets' terms, and only the best are compared
in full, embeddings included: the page of a 200-article story took 12 s cold and 1.5 s warm
before.
"""

from __future__ import annotations

from collections import defaultdict

from chronik.model import Article
from chronik.options import Options
from chronik.stories.embedding import get_embedder
from chronik.stories.engine import embed_profiles
from chronik.stories.features import (
    Profile,
    Vocabulary,
    Weights,
    profile,
    similarity,
    time_factor,
)

# Candidates compared in full (embeddings included), after the words have ranked them all.
_SHORTLIST = 150
# Below this similarity a neighbour is no related reading. 430 proposals for 60 August
# articles, read one by one (review 78): 19 % related under 0.06, 27 % from 0.06 to 0.08,
# 42 % from 0.08 to 0.10 and 84 % from 0.20; a floor of 0.08 (it was 0.05) keeps 57 %
# related instead of 45 % and the best F1 of the floors from 0.05 to 0.12.
RELATED_FLOOR = 0.08
# A story is related only through an article at least this close. Every story has some
# neighbour above the article floor, and a story page listed five whatever they were: the
# Venezuela earthquake got a fuel discount and a goalkeeper (review 28).
RELATED_STORY_FLOOR = 0.10

# Articles with the profiles the store keeps for them (None where it keeps none this engine
# can read: then the article comes with its analysis, to be profiled from).
Neighbourhood = list[tuple[Article, Profile | None]]


def related_articles(
    targets: list[Article], neighbours: Neighbourhood, options: Options, limit: int = 10
) -> list[tuple[Article, float]]:
    """Neighbours outside the targets' stories, best first, scored by their best target."""
    stories = {a.story_id for a in targets}
    ids = {t.id for t in targets}
    others = [a for a, _ in neighbours if (a.story_id not in stories or a.story_id is None)]
    others = [a for a in others if a.id not in ids]
    embedder = get_embedder(options.embedding_backend)
    stored = {a.id: p for a, p in neighbours if p is not None}
    profiles = _profiles(targets + others, stored)
    weights = Weights(embedding_floor=embedder.floor) if embedder else Weights()
    mine = [profiles[t.id] for t in targets]
    lexical = _lexical_best(mine, [profiles[a.id] for a in others], weights)
    shortlist = sorted(others, key=lambda a: -lexical[a.id])[:_SHORTLIST]
    embed_profiles(embedder, mine + [profiles[a.id] for a in shortlist])
    best = {
        a.id: max(similarity(target, profiles[a.id], weights) for target in mine) for a in shortlist
    }
    ranked = sorted(
        (a for a in shortlist if best[a.id] >= RELATED_FLOOR), key=lambda a: -best[a.id]
    )
    return [(a, round(best[a.id], 4)) for a in ranked[:limit]]


def related_stories(
    targets: list[Article], neighbours: Neighbourhood, options: Options, limit: int = 10
) -> list[tuple[str, float]]:
    """Story ids near the targets' story: the best article score per story, best first."""
    scored = related_articles(targets, neighbours, options, limit=len(neighbours))
    best: dict[str, float] = {}
    for article, score in scored:
        if score < RELATED_STORY_FLOOR:
            break  # best first
        if article.story_id and score > best.get(article.story_id, -1.0):
            best[article.story_id] = score
    return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


def _profiles(articles: list[Article], stored: dict[str, Profile]) -> dict[str, Profile]:
    """Stored profiles where the store has them; the rest (an article older than the
    neighbourhood, features from an older engine) weighed with the vocabulary of those."""
    found = {a.id: stored[a.id] for a in articles if a.id in stored}
    vocabulary = Vocabulary()
    for p in found.values():
        vocabulary.add(set(p.terms))
    for article in articles:
        if article.id not in found:
            found[article.id] = profile(article, vocabulary, article.published, learn=False)
    return found


def _lexical_best(
    targets: list[Profile], others: list[Profile], weights: Weights
) -> dict[str, float]:
    """Each other profile's best word cosine with a target, times their time factor; an
    index of the targets' terms visits only the terms they share."""
    index: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, target in enumerate(targets):
        for term, weight in target.terms.items():
            index[term].append((i, weight))
    best: dict[str, float] = {}
    for other in others:
        dots: defaultdict[int, float] = defaultdict(float)
        for term, weight in other.terms.items():
            for i, target_weight in index.get(term, ()):
                dots[i] += weight * target_weight
        best[other.id] = max(
            (dot * time_factor(targets[i].when, other.when, weights) for i, dot in dots.items()),
            default=0.0,
        )
    return best
