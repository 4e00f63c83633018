"""Related reading: for an article, the nearest articles outside its story; for a story, the
stories nearest to it. Uses the engine's similarity, with IDF from the neighbourhood."""

from __future__ import annotations

from chronik.model import Article
from chronik.options import Options
from chronik.stories.embedding import get_embedder
from chronik.stories.features import (
    Profile,
    Vocabulary,
    Weights,
    profile,
    similarity,
    term_counts,
)


def related_articles(
    targets: list[Article], candidates: list[Article], options: Options, limit: int = 10
) -> list[tuple[Article, float]]:
    """Candidates outside the targets' stories, best first, scored by their best target."""
    stories = {a.story_id for a in targets}
    others = [a for a in candidates if a.story_id not in stories or a.story_id is None]
    others = [a for a in others if a.id not in {t.id for t in targets}]
    profiles = _profiles(targets + others, options)
    embedder = get_embedder(options.embedding_backend)
    weights = Weights(embedding_floor=embedder.floor) if embedder else Weights()
    best: dict[str, float] = {}
    for target in targets:
        for other in others:
            score = similarity(profiles[target.id], profiles[other.id], weights)
            best[other.id] = max(best.get(other.id, 0.0), score)
    ranked = sorted(others, key=lambda a: -best[a.id])
    return [(a, round(best[a.id], 4)) for a in ranked[:limit]]


def related_stories(
    targets: list[Article], candidates: list[Article], options: Options, limit: int = 10
) -> list[tuple[str, float]]:
    """Story ids near the targets' story: the best article score per story, best first."""
    scored = related_articles(targets, candidates, options, limit=len(candidates))
    best: dict[str, float] = {}
    for article, score in scored:
        if article.story_id and score > best.get(article.story_id, -1.0):
            best[article.story_id] = score
    return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


def _profiles(articles: list[Article], options: Options) -> dict[str, Profile]:
    vocabulary = Vocabulary()
    for article in articles:
        vocabulary.add(set(term_counts(article)))
    profiles = {a.id: profile(a, vocabulary, a.published, learn=False) for a in articles}
    embedder = get_embedder(options.embedding_backend)
    if embedder is not None and profiles:
        vectors = embedder.encode([p.embed_text for p in profiles.values()])
        for p, v in zip(profiles.values(), vectors, strict=True):
            p.embedding = v
    return profiles
