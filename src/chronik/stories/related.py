"""Related reading: for an article, the nearest articles outside its story; for a story, the
stories nearest to it. Uses the engine's similarity on the profiles the store keeps.

A neighbourhood holds thousands of articles. Profiles are the engine features the store
keeps (recomputing them meant lemmatising and embedding every neighbour again), the words
rank the candidates through an index of the targets' terms, and only the best are compared
in full, embeddings included: the page of a 200-article story took 12 s cold and 1.5 s warm
before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from chronik.model import Article
from chronik.options import Options
from chronik.stories.embedding import Embedder, get_embedder
from chronik.stories.engine import embed_profiles
from chronik.stories.features import (
    Profile,
    Vocabulary,
    Weights,
    embedding_score,
    profile,
    similarity,
    time_factor,
)

# Candidates compared in full (embeddings included), after the words have ranked them all.
_SHORTLIST = 150
# Below this similarity a neighbour is no related reading. 430 proposals for 60 August
# articles, read one by one (review 78): 19 % related under 0.06, 27 % from 0.06 to 0.08,
# 42 % from 0.08 to 0.10 and 84 % from 0.20; a floor of 0.08 (it was 0.05) keeps 57 %
# related instead of 45 % and the best F1 of the floors from 0.05 to 0.12. Where articles
# have vectors, it only bounds the pool that RELATED_CLOSENESS then ranks and cuts.
RELATED_FLOOR = 0.08
# Where the embedder gives vectors, the embedding score alone (the cosine above the
# backend's floor, 0..1) ranks and cuts related reading: on review 78's 430 proposals it
# ranks related ones first far better than the similarity (ROC AUC 0.86 against 0.72; the
# similarity's time factor ranks them backwards, 0.32, as a neighbour of the same day is
# more often only the same day's news). From the pool above 0.05, a closeness of 0.25
# keeps 230 proposals, 70 % related, 162 of the 192 related ones (the floor of 0.08: 267,
# 57 %, 152; review 84).
RELATED_CLOSENESS = 0.25
# A story is related only through an article at least this similar. Every story has some
# neighbour above the article floor, and a story page listed five whatever they were: the
# Venezuela earthquake got a fuel discount and a goalkeeper (review 28).
RELATED_STORY_FLOOR = 0.10
# The candidates the closeness cuts: the most similar neighbours from this floor (the
# article floor before review 78), as review 78's proposals were. Closeness ranks the
# shortlist's others, beyond them, far worse: of 62 it put in the ten, 17 were related.
_POOL_FLOOR = 0.05

# A neighbour that shares no name with the article but the neighbourhood's most frequent one
# is most often that person's other affairs (Trump's tariffs or the Fed beside the Putin
# summit): it is related reading only from this closeness, and leaves its place in the
# candidates to the next. Of the 25 judged proposals of August 2025 that shared only Trump,
# 21 were wrong (none closer than 0.40) and 4 related (3 of them from 0.45); the rule took
# precision from 0.693 to 0.768 and recall from 0.786 to 0.792 on review 78's judgements
# (review 152). A rarer name shared, or none, says nothing of the kind: the 11 that shared
# only Putin, the second most named, were all related.
RELATED_PROMINENT_CLOSENESS = 0.45
# A neighbour that shares with the article a single name, an organisation's (a party, a
# court, the Bundeswehr, the Bundesliga), is most often that organisation's other business:
# the Greens' pension plan or the AfD's new youth beside the family firms' meeting with the
# AfD, the constitutional court's other cases. It too is related only from this closeness
# and leaves its place to the next. Of the judged proposals that shared one organisation and
# nothing else, 2 of 8 were related in August 2025 and 4 of 14 in November; a person or a
# place shared alone was related in 49 of 55 and 12 of 22. The cut took precision from 0.776
# to 0.791 on August's 442 judgements (recall 0.803 kept) and from 0.564 to 0.598 on
# November's 267 (recall 0.838 to 0.809: the service debate beside the Bundeswehr, a
# newspaper cited by both pension articles; review 155).
RELATED_ORGANISATION_CLOSENESS = 0.40

# Articles with the profiles the store keeps for them (None where it keeps none this engine
# can read: then the article comes with its analysis, to be profiled from).
Neighbourhood = list[tuple[Article, Profile | None]]


def related_articles(
    targets: list[Article], neighbours: Neighbourhood, options: Options, limit: int = 10
) -> list[tuple[Article, float]]:
    """Neighbours outside the targets' stories, best first, scored by their best target.
    The ``limit`` most similar are the candidates; where the embedder gives vectors, those
    close enough by embedding are the related reading, ranked and scored by that."""
    return [(a, score) for a, score, _ in _related(targets, neighbours, options, limit)]


def related_stories(
    targets: list[Article], neighbours: Neighbourhood, options: Options, limit: int = 10
) -> list[tuple[str, float]]:
    """Story ids near the targets' story: the best article score per story, best first,
    through articles at least ``RELATED_STORY_FLOOR`` similar."""
    best: dict[str, float] = {}
    for article, score, similar in _related(targets, neighbours, options, len(neighbours)):
        if article.story_id and similar >= RELATED_STORY_FLOOR:
            best[article.story_id] = max(score, best.get(article.story_id, -1.0))
    return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


def _related(
    targets: list[Article], neighbours: Neighbourhood, options: Options, limit: int
) -> list[tuple[Article, float, float]]:
    """The related reading among the ``limit`` most similar neighbours, with its score and
    its similarity, best score first."""
    others = _outside(targets, neighbours)
    embedder = get_embedder(options.embedding_backend)
    stored = {a.id: p for a, p in neighbours if p is not None}
    profiles = _profiles(targets + others, stored)
    weights = Weights(embedding_floor=embedder.floor) if embedder else Weights()
    mine = [profiles[t.id] for t in targets]
    pool, similar = _pool(mine, others, profiles, weights, embedder)
    kept = _not_broad(targets, pool, profiles, {**profiles, **stored}, weights)
    found = []
    for other, close in islice(kept, limit):
        if close is None and similar[other.id] >= RELATED_FLOOR:
            found.append((other, round(similar[other.id], 4), similar[other.id]))
        elif close is not None and close >= RELATED_CLOSENESS:
            found.append((other, round(close, 4), similar[other.id]))
    return sorted(found, key=lambda row: -row[1])


def _outside(targets: list[Article], neighbours: Neighbourhood) -> list[Article]:
    """The neighbours that are none of the targets and in none of their stories."""
    stories = {a.story_id for a in targets}
    ids = {t.id for t in targets}
    others = [a for a, _ in neighbours if (a.story_id not in stories or a.story_id is None)]
    return [a for a in others if a.id not in ids]


def _pool(
    mine: list[Profile],
    others: list[Article],
    profiles: dict[str, Profile],
    weights: Weights,
    embedder: Embedder | None,
) -> tuple[list[Article], dict[str, float]]:
    """The ``_SHORTLIST`` others most similar by their words, embedded and compared in full:
    those from ``_POOL_FLOOR``, most similar first, and each one's similarity."""
    lexical = _lexical_best(mine, [profiles[a.id] for a in others], weights)
    shortlist = sorted(others, key=lambda a: -lexical[a.id])[:_SHORTLIST]
    embed_profiles(embedder, mine + [profiles[a.id] for a in shortlist])
    similar = {
        a.id: max(similarity(target, profiles[a.id], weights) for target in mine) for a in shortlist
    }
    pool = sorted(
        (a for a in shortlist if similar[a.id] >= _POOL_FLOOR), key=lambda a: -similar[a.id]
    )
    return pool, similar


def _not_broad(
    targets: list[Article],
    pool: list[Article],
    profiles: dict[str, Profile],
    known: dict[str, Profile],
    weights: Weights,
) -> Iterator[tuple[Article, float | None]]:
    """The pool's neighbours with their closeness, less those that share only a broad name
    with the targets (``_by_one_broad_name``; the most named of all ``known`` profiles).
    Scored lazily: closeness only until the caller has the candidates it takes, not for all."""
    mine = [profiles[t.id] for t in targets]
    prominent = _most_named(known.values())
    names = frozenset().union(*(t.entities for t in mine))
    organisations = frozenset(e.id for t in targets for e in t.entities if e.type == "ORG")
    candidates = ((a, _closeness(mine, profiles[a.id], weights)) for a in pool)
    return (
        (a, c)
        for a, c in candidates
        if not _by_one_broad_name(names & profiles[a.id].entities, prominent, organisations, c)
    )


def _closeness(targets: list[Profile], other: Profile, weights: Weights) -> float | None:
    """The best embedding score of ``other`` with a target; None where there is no pair of
    vectors to score (no embedder, or a text it could not embed)."""
    scores = [embedding_score(t.embedding, other.embedding, weights) for t in targets]
    return max((s for s in scores if s is not None), default=None)


def _most_named(profiles: Iterable[Profile]) -> str | None:
    """The entity the most of these profiles name, if any names one."""
    counts = Counter(e for p in profiles for e in p.entities)
    return counts.most_common(1)[0][0] if counts else None


def _by_one_broad_name(
    shared: frozenset[str],
    prominent: str | None,
    organisations: frozenset[str],
    close: float | None,
) -> bool:
    """Whether a neighbour sharing these names with the targets shares only a broad one (the
    neighbourhood's most named entity, or a single organisation) and is not close enough by
    embedding to be related all the same (without vectors, never)."""
    if close is None:
        return False
    if prominent is not None and shared == {prominent}:
        return close < RELATED_PROMINENT_CLOSENESS
    return len(shared) == 1 and shared <= organisations and close < RELATED_ORGANISATION_CLOSENESS


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
