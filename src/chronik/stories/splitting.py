"""Whether a grown story's members fall into separate events, and which.

Apart from the engine: it looks at a story's members together, as a clustering, where the
engine scores one article at a time; the engine's `_split` decides when to look and
rebuilds the parts.
"""

from __future__ import annotations

import math

import numpy as np

from chronik.stories.features import Profile, Weights, similarities

# Members fall into separate groups where a clustering gives two groups of ``_SPLIT_PART``
# members or more (and at least ``_SPLIT_SHARE`` of the members each) whose mean similarity
# across is at most ``_SPLIT_APART`` times their mean similarity within (study 99).
_SPLIT_PART = 4
_SPLIT_SHARE = 0.25
_SPLIT_APART = 0.5
# The most groups the members' clustering is cut into when looking for the parts.
_SPLIT_GROUPS = 4


def separate_groups(profiles: list[Profile], weights: Weights) -> list[list[int]] | None:
    """The members (by index) in separate groups, the group of the first member first; None
    where they do not fall apart.

    The members are clustered by average linkage on their pairwise similarity
    (``features.similarities``: lexical, embedding and time); the clustering is cut into 2
    to ``_SPLIT_GROUPS`` groups, at the first cut that gives two groups of ``_SPLIT_PART``
    members and a ``_SPLIT_SHARE`` of the story or more; smaller groups go to the large
    group they resemble most. They are separate where the mean similarity across the large
    groups is at most ``_SPLIT_APART`` times the mean within them."""
    n = len(profiles)
    sim = similarities(profiles, weights)
    least = max(_SPLIT_PART, math.ceil(_SPLIT_SHARE * n))
    for clusters in _average_linkage(sim, _SPLIT_GROUPS):
        large = [c for c in clusters if len(c) >= least]
        if len(large) < 2:
            continue
        for small in (c for c in clusters if len(c) < least):
            nearest = max(large, key=lambda c: float(sim[np.ix_(small, c)].mean()))
            nearest.extend(small)
        within = np.mean([sim[np.ix_(c, c)].sum() / (len(c) * (len(c) - 1)) for c in large])
        labels = np.zeros(n, dtype=int)
        for k, c in enumerate(large):
            labels[c] = k
        across = sim[labels[:, None] != labels[None, :]].mean()
        if across > _SPLIT_APART * within:
            return None
        return sorted((sorted(c) for c in large), key=lambda c: c[0])
    return None


def _average_linkage(sim: np.ndarray, most: int) -> list[list[list[int]]]:
    """The clusterings of average-linkage agglomeration on a similarity matrix, from two
    clusters up to ``most`` (each cluster a list of indices, the clusters in the order of
    their first member)."""
    # Imported here: scipy's clustering takes 0.4 s to import, and few stories grow to a split.
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - sim.astype(float), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    clusterings = []
    for k in range(2, min(most, len(sim) - 1) + 1):
        labels = fcluster(tree, k, criterion="maxclust")
        clusters = [np.flatnonzero(labels == label).tolist() for label in np.unique(labels)]
        clusterings.append(sorted(clusters, key=lambda c: c[0]))
    return clusterings
