"""Online story detection: each new article joins the best candidate story or starts one.

Candidates come from an inverted index over salient lemmas and entity ids, and from a vector
index over story embeddings, restricted to stories active within the window, less those of
another affair (whose members never named a country the article's headline names, and
``_other_affair`` says more). Scoring is ``features.combine`` of lemma TF-IDF cosine
(entities count as terms), embedding cosine and time distance, times a prior on the story's
size (``features.size_prior``); a story that
has outgrown its founding members is also compared with them. The embedding is
computed only when it can change the decision: if even a perfect embedding score could not
lift any lexical candidate over the threshold, the article starts a new story without one
(foreign-language articles are always embedded, since their lemmas rarely meet German ones).
Story ids never change; two stories that one article binds strongly are merged explicitly
and the merge is reported in the ``Assignment``; so is the split of a grown story whose
members fall into separate events (``_split``), the part of its first member keeping its id.
"""

from __future__ import annotations

import hashlib
import heapq
import logging
import math
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TypeAlias

import numpy as np

from chronik.analysis.gazetteer import load_gazetteer
from chronik.model import Article, Reason
from chronik.options import Options
from chronik.stories.embedding import Embedder, ahead, features_backend, get_embedder
from chronik.stories.features import (
    Profile,
    Topic,
    Vector,
    Vocabulary,
    Weights,
    combine,
    cosine,
    embed_text,
    embedding_score,
    normalised,
    profile,
    shared_terms,
    size_prior,
    time_factor,
    topic,
)
from chronik.stories.splitting import separate_groups
from chronik.stories.stored_features import (
    encode_features,
    parse_features,
    profile_from,
    seen_at,
)

_RECENT = 8
# A story's first members found it: once it has more, an article must also resemble them
# (``_Story.anchored``), so that a long story cannot drift away along its latest members.
_FOUNDING = 8
_CANDIDATES = 40
_VECTOR_HITS = 3
_EMBED_CANDIDATES = 5
# Of those, the lexically strongest two are embedded when they have no vector yet; the others
# are compared by the vectors they have. Embedding all five took 14 % more texts (the USE
# forward pass is 80 % of the engine's time) and grouped the four labelled months the same.
_BARE_CANDIDATES = 2
_EVICT_EVERY = 200
_HOME_LANGUAGE = "de"
# A stored article as the store's window gives it: with its time and engine features.
WindowRow: TypeAlias = tuple[Article, datetime, bytes]
# A second story scoring this much above the threshold is the same story: merge it.
_MERGE_MARGIN = 0.25
# A second story at the decision's cut is the same story too when its founding members' mean
# embedding scores this much against the best story's (``_same_founding``). 0.5 until study
# 93; 0.45 with the sure bound as a sure match's cut (0.4 merged April's stories more).
_SAME_FOUNDING = 0.45
# A story keeps its title while its titling member is at least this close to the story's
# centre, relative to the closest of its founding and latest members (`_choose_headline`).
_KEEP_TITLE = 0.65
# A grown story is looked at as a whole each time its size passes a multiple of this many
# members (`_split`): where its members fall into separate groups (``separate_groups``), the
# groups are separate events: the story is split, explicitly (``Assignment.split``).
_SPLIT_EVERY = 12
# A story is no candidate for an article whose headline names a country or world region that
# the story does not (``_other_affair``, study 104): a place named by fewer than
# ``_AFFAIR_RARE`` of the stream's documents, and by no member of the story (or by one, in a
# story where one is under ``_AFFAIR_SHARE`` of its members); unless a word of the headline
# is the story's own, named by ``_AFFAIR_SHARE`` of its members or more and ``_AFFAIR_OWN``
# times as often among them as in the rest of the stream.
_AFFAIR_RARE = 0.1
_AFFAIR_SHARE = 0.1
_AFFAIR_OWN = 3.0


@dataclass
class Assignment:
    story_id: str
    is_new: bool
    features: bytes
    reason: Reason  # why, with the best candidate's score, as stored for the article
    merged: list[str] = field(default_factory=list)
    # Stories the engine split, each as (the story split, the new story, the ids of the
    # articles that went into it); the article itself may be among them.
    split: list[tuple[str, str, list[str]]] = field(default_factory=list)


@dataclass
class _Story:
    id: str
    first: datetime
    last: datetime
    terms: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)  # how many members have each term
    vector_sum: Vector | None = None
    recent: deque[Profile] = field(default_factory=lambda: deque(maxlen=_RECENT))
    keys: set[str] = field(default_factory=set)
    size: int = 0
    published: datetime | None = None  # the latest publication time of a member
    earliest: datetime | None = None  # the earliest publication time of a member
    founding: list[Profile] = field(default_factory=list)  # its first ``_FOUNDING`` members
    members: set[str] = field(default_factory=set)  # the ids of its articles the engine holds
    headline: Profile | None = None  # the member whose title is the story's (`_choose_headline`)
    # Every member the engine holds, with the time it was taken at, in the order they joined.
    joined: list[tuple[Profile, datetime]] = field(default_factory=list)
    checked: int = 0  # its size when `_split` last looked at it (or the engine warmed it)
    # Each candidate story is scored against every new article: its centroid and unit vector
    # are kept until a member joins (the size, or the summed vector, changes).
    _centroid: tuple[int, dict[str, float]] | None = field(default=None, repr=False)
    _unit: tuple[Vector, Vector] | None = field(default=None, repr=False)
    _square: tuple[int, float] | None = field(default=None, repr=False)

    def centroid(self) -> dict[str, float]:
        if self._centroid is None or self._centroid[0] != self.size:
            self._centroid = (self.size, normalised(dict(self.terms)))
        return self._centroid[1]

    def centrality(self, member: Profile) -> float:
        """The cosine of a member's terms with the sum of the other members' (their own
        share of the centroid would favour a member of a small story with rare words)."""
        if self._square is None or self._square[0] != self.size:
            self._square = (self.size, sum(w * w for w in self.terms.values()))
        own = sum(w * w for w in member.terms.values())
        dot = cosine(member.terms, self.terms) - own
        rest = self._square[1] - 2 * dot - own  # the others' squared norm
        return dot / math.sqrt(own * rest) if own * rest > 1e-12 else 0.0

    @property
    def anchored(self) -> bool:
        """Whether the story has members beyond its founding ones, so that its latest
        members may have drifted from what it is about."""
        return self.size > len(self.founding)

    def founding_vector(self, extra: Iterable[Vector] = ()) -> Vector | None:
        """The founding members' summed embedding, with ``extra`` vectors for those that
        have none."""
        vectors = [m.embedding for m in self.founding if m.embedding is not None]
        vectors.extend(extra)
        return np.sum(vectors, axis=0) if vectors else None

    def vector(self) -> Vector | None:
        if self.vector_sum is None:
            return None
        if self._unit is None or self._unit[0] is not self.vector_sum:
            norm = float(np.linalg.norm(self.vector_sum)) or 1.0
            self._unit = (self.vector_sum, (self.vector_sum / norm).astype(np.float32))
        return self._unit[1]


@dataclass
class _Scored:
    story: _Story
    lexical: float
    time: float
    score: float = 0.0
    embedding: float | None = None  # where compared by embedding
    prior: float = 1.0  # the story's size prior, once the decision applied it


# Each decision at DEBUG: which candidates stood, with what scores, and by which path, so
# that a review of a month's wrong pairs reads why without tracing the engine anew (review
# 184: every such review had written its own).
_log = logging.getLogger("chronik.stories")
_TRACED = 5


def _trace(prof: Profile, ranked: list[_Scored], threshold: float, why: str) -> None:
    best = ", ".join(
        f"{s.story.id} {s.score:.3f} (lexical {s.lexical:.3f}, time {s.time:.3f})"
        for s in ranked[:_TRACED]
    )
    over = bool(ranked) and ranked[0].score >= threshold
    _log.debug(
        "article %s (%s): %s the cut %.3f; candidates: %s",
        prof.id,
        why,
        f"{ranked[0].story.id} over" if over else "a new story, none over",
        threshold,
        best or "none",
    )


def _trace_changes(
    story_id: str, absorbed: list[str], split: list[tuple[str, str, list[str]]]
) -> None:
    """A merge's or split's line, so that the decisions' lines alone say which articles
    each story holds at the end (review 201 had to wrap the engine for these)."""
    for gone in absorbed:
        _log.debug("story %s merged into %s", gone, story_id)
    for _, part, members in split:
        _log.debug("story %s split: %s takes %s", story_id, part, " ".join(members))


# The terms a reason names: enough to say what the article and the story share.
_SHARED = 10


def _reason(
    prof: Profile,
    best: _Scored | None,
    cut: float,
    path: str,
    story_id: str,
    merged: tuple[str, ...],
) -> Reason:
    if best is None:
        return Reason(prof.id, story_id, False, path, 0.0, cut, merged=merged)
    return Reason(
        prof.id,
        story_id,
        joined=best.score >= cut,
        path=path,
        score=round(best.score, 4),
        cut=round(cut, 4),
        candidate=best.story.id,
        lexical=round(best.lexical, 4),
        embedding=None if best.embedding is None else round(best.embedding, 4),
        time=round(best.time, 4),
        prior=round(best.prior, 4),
        shared=tuple(shared_terms(prof.terms, best.story.centroid(), _SHARED)),
        merged=merged,
    )


class StoryEngine:
    """``add`` assigns articles in arrival order; ``warm`` restores the window from the store."""

    def __init__(self, options: Options, weights: Weights | None = None) -> None:
        self.window = timedelta(days=options.story_window_days)
        self.threshold = options.story_threshold
        self.embedder: Embedder | None = get_embedder(options.embedding_backend)
        floor = self.embedder.floor if self.embedder else Weights().embedding_floor
        self.weights = weights or Weights(embedding_floor=floor)
        self._backend = features_backend(self.embedder)
        # The cascade's bounds were tuned at the default threshold; they move with it, so
        # that a stricter or looser threshold is stricter or looser throughout.
        scale = self.threshold / self.weights.tuned_threshold
        self._unsure = self.weights.lexical_unsure * scale
        self._sure = self.weights.lexical_sure * scale
        self.vocabulary = Vocabulary()
        self._stories: dict[str, _Story] = {}
        self._postings: defaultdict[str, set[str]] = defaultdict(set)
        self._aliases: dict[str, str] = {}
        self._added = 0
        self.embedded = 0  # articles whose lexical evidence left the decision to embeddings
        self._now: datetime | None = None  # the latest publication time
        self._read: datetime | None = None  # the latest time an undated article was read
        # Whether to keep members' vectors made after they were stored, for the store to
        # take (``late_vectors``): the app does; a benchmark of the engine alone need not.
        self.keep_late = False
        self._late: dict[str, Vector] = {}
        # The stored articles published in a span, and a story's stored title: set by the
        # app, so that an article older than the window meets the stories of its own time.
        self.recall: Callable[[datetime, datetime], Iterable[WindowRow]] | None = None
        self.stored_title: Callable[[str], str | None] | None = None
        self._recalled: tuple[datetime, datetime] | None = None  # the span recalled last
        self._recalling = False  # whether an article recalled a span since the last eviction
        # An unused story id from a seed, for a split's new story: set by the app, so that a
        # split never takes an id a story has had (``new_story_id`` without it).
        self.unused_id: Callable[[str], str] | None = None

    # --- public interface ---------------------------------------------------------------

    def add(self, article: Article, seen: datetime) -> Assignment:
        self._advance(article.published, seen)
        self._recall(article.published)
        # Only publication times measure distance; an ingest time says nothing of the event.
        prof = profile(article, self.vocabulary, article.published)
        try:
            return self._assign(prof, article, seen)
        except Exception:
            # Not stored (an embedder failed, E170): its terms must not stay counted, or
            # ingesting it again would count it twice.
            self.vocabulary.forget_last()
            raise

    def add_all(self, items: Iterable[tuple[Article, datetime]]) -> Iterator[Assignment]:
        """``add`` each (article, seen) in turn, while the texts of the articles to come are
        embedded on the other cores (see ``embedding.ahead``). Only the embedder's cache is
        filled ahead: an article is compared by embedding exactly when ``add`` would
        compare it, with vectors that differ from those made one at a time by about 1e-7
        (the first 20,000 articles of bench/stories_scale.py got the same stories)."""
        for article, seen in ahead(self.embedder, items, _embedded_text):
            yield self.add(article, seen)

    def _assign(self, prof: Profile, article: Article, seen: datetime) -> Assignment:
        about = topic(article)
        scored = [
            s
            for s in self._lexical_candidates(prof, seen)
            if not self._other_affair(about, s.story)
        ]
        for s in scored:
            s.score = combine(s.lexical, None, s.time, self.weights)
        lexical = max((s.score for s in scored), default=0.0)
        if self.embedder is None:
            return self._decide(prof, scored, seen, self.threshold, why="lexical")
        foreign = prof.language != _HOME_LANGUAGE
        if lexical < self._unsure and not foreign:
            nearest = max(scored, key=lambda s: s.score, default=None)
            return self._decide(prof, [], seen, self._unsure, why="nothing near", nearest=nearest)
        best = max(scored, key=lambda s: s.score, default=None)
        if (
            lexical >= self._sure
            and best is not None
            and not best.story.anchored
            and not _on_common_words(prof, best.story)
        ):
            # A sure match joins: the cut is on the plain score, before the size prior.
            # Not into a long story: names it shares with the article ("Trump", "Iran")
            # make sure matches of its neighbouring events too; its founding members judge.
            return self._decide(prof, scored, seen, self._sure, prior=False, why="sure match")
        return self._embedded_decision(prof, scored, seen, about)

    def _embedded_decision(
        self, prof: Profile, scored: list[_Scored], seen: datetime, about: Topic
    ) -> Assignment:
        self.embedded += 1
        top = sorted(scored, key=lambda s: -s.score)[:_EMBED_CANDIDATES]
        # A story never compared by embedding yet is represented by its latest article;
        # one batch for everything is much faster than one call per text.
        bare = [
            s.story for s in top[:_BARE_CANDIDATES] if s.story.vector_sum is None and s.story.recent
        ]
        self._embed([prof], [story.recent[-1] for story in bare])
        for story in bare:
            story.vector_sum = story.recent[-1].embedding
        top = self._with_vector_hits(prof, top, seen, about)
        # Once embedded, a founding member keeps its vector: this batch is mostly empty.
        self._embed([], [m for s in top if s.story.anchored for m in s.story.founding])
        self._score_embeddings(prof, top)
        return self._decide(prof, top, seen, self.threshold, why="embedded")

    def warm(
        self,
        items: Iterable[WindowRow],
        learn: bool = True,
        titles: Callable[[str], str | None] | None = None,
        held: frozenset[str] = frozenset(),
    ) -> None:
        """Rebuild the window from stored articles; with ``learn`` their terms count into
        the vocabulary (a store that kept none: see `Vocabulary`). ``titles`` gives a
        story's stored title: the member that has it titles the story again. Replayed
        oldest first and from the window's start, the headline rule alone could choose
        another than the running engine had, and the next member would retitle a story
        that had not changed. Members of the ``held`` stories (already in the engine) join
        them as earlier members (see `_join`)."""
        stored: dict[str, str | None] = {}
        titling: dict[str, Profile] = {}
        for article, seen, features in items:
            if not article.story_id:
                continue
            data = parse_features(features)  # once: the window may be thousands of articles
            prof = profile_from(data, article, self._backend) if data else None
            seen = (seen_at(data) if data else None) or seen
            if prof is None:
                prof = profile(article, self.vocabulary, article.published, learn=learn)
            elif learn:
                self.vocabulary.add(set(prof.terms))
            story = self._stories.get(article.story_id)
            if story is None:
                story = self._new_story(article.story_id, seen)
                stored[story.id] = titles(story.id) if titles else None
            self._join(story, prof, seen, latest=story.id not in held)
            self._tick(seen if article.published else None, seen)
            if prof.title and prof.title == stored.get(story.id):  # a story held: as it is
                titling[story.id] = prof
        for story_id, prof in titling.items():
            self._stories[story_id].headline = prof
        for story in self._stories.values():
            story.checked = story.size

    def title(self, story_id: str) -> str:
        """The story's title: the headline of its founding article until the story has
        grown away from it, then of a member at its centre (`_choose_headline`); "" for a story
        outside the window."""
        story = self._stories.get(self.resolve(story_id))
        return story.headline.title if story and story.headline else ""

    def titled_by(self, story_id: str) -> str | None:
        """The id of the member whose headline titles the story; None for a story outside
        the window."""
        story = self._stories.get(self.resolve(story_id))
        return story.headline.id if story and story.headline else None

    def retitle(self, story_id: str, article_id: str, title: str) -> None:
        """A revision of a member came: its profile keeps the score it joined by, but its
        headline is the new one."""
        story = self._stories.get(self.resolve(story_id))
        for member in [*story.founding, *story.recent] if story else []:
            if member.id == article_id:
                member.title = title
        if story and story.headline and story.headline.id == article_id:
            story.headline.title = title

    def story_ids(self) -> list[str]:
        return list(self._stories)

    def resolve(self, story_id: str) -> str:
        """The story that ``story_id`` was merged into, if it was (else itself)."""
        while story_id in self._aliases:
            story_id = self._aliases[story_id]
        return story_id

    # --- candidates and scores ----------------------------------------------------------

    def why_not_compared(self, article: Article, seen: datetime, story_id: str) -> str:
        """After ``add`` of ``article``, why it was compared with no story, of the story
        ``story_id``: in the order the candidates are filtered, "no shared term" (no salient
        term or entity of the article is one of the story's), "beyond the window" (its
        latest member is farther than ``story_window_days``, or out of memory) or "another
        affair" (the article's headline names a place the story does not: `_other_affair`).
        For ``Chronik.reason(id, story_id=)``, whose engine knows that story alone."""
        story = self._stories.get(story_id)
        if story is None:
            return "beyond the window"
        prof = profile(article, self.vocabulary, article.published, learn=False)
        if not any(story_id in self._postings.get(key, ()) for key in _keys(prof)):
            return "no shared term"
        if seen - story.last > self.window:
            return "beyond the window"
        return "another affair"

    def _lexical_candidates(self, prof: Profile, seen: datetime) -> list[_Scored]:
        hits: Counter[str] = Counter()
        for key in _keys(prof):
            hits.update(self._postings.get(key, ()))
        out = []
        # Ties go by story id: the order of a set of ids (Python's string hashes differ from
        # one process to the next) had chosen among them, and the same stream, ingested
        # twice, had come out in other stories.
        ranked = heapq.nsmallest(_CANDIDATES, hits.items(), key=lambda hit: (-hit[1], hit[0]))
        for story_id, _ in ranked:
            story = self._stories[story_id]
            if seen - story.last <= self.window:
                out.append(self._lexical(prof, story))
        return out

    def _lexical(self, prof: Profile, story: _Story) -> _Scored:
        # The best single member alone let a large story grow by single links: one member
        # that also named a neighbouring topic pulled that topic's next article in. The
        # centroid alone missed the new developments of a story.
        nearest = max((cosine(prof.terms, m.terms) for m in story.recent), default=0.0)
        lexical = (cosine(prof.terms, story.centroid()) + nearest) / 2
        time = time_factor(prof.when, self._nearest_time(prof.when, story), self.weights)
        return _Scored(story, lexical, time)

    def _nearest_time(self, when: datetime | None, story: _Story) -> datetime | None:
        """The story's latest publication time; for an article of an archive read after it
        (older than the window), its publication time nearest the article (review 57). The
        news as it comes, a little out of order, keeps the latest: measured from the
        nearest, August shuffled by a day and a half scored 0.054 lower in one of four
        orders (review 58)."""
        latest, earliest = story.published, story.earliest
        if when is None or latest is None or earliest is None or not self._of_an_archive(when):
            return latest
        return min(max(when, earliest), latest)

    def _of_an_archive(self, when: datetime) -> bool:
        """Whether an article of this time is older than the window: of an archive read
        after the news."""
        return self._now is not None and when < self._now - self.window

    def _with_vector_hits(
        self, prof: Profile, scored: list[_Scored], seen: datetime, about: Topic
    ) -> list[_Scored]:
        """``scored`` and the stories nearest the article's embedding that are not yet
        among them, less those of another affair (``_other_affair``)."""
        known = {s.story.id for s in scored}
        pool = [
            s
            for s in self._stories.values()
            if s.vector_sum is not None and s.id not in known and seen - s.last <= self.window
        ]
        if not pool or prof.embedding is None:
            return scored
        matrix = np.stack([s.vector() for s in pool])  # type: ignore[misc]
        nearest = np.argsort(-(matrix @ prof.embedding))[:_VECTOR_HITS]
        return scored + [
            self._lexical(prof, pool[i]) for i in nearest if not self._other_affair(about, pool[i])
        ]

    def _other_affair(self, about: Topic, story: _Story) -> bool:
        """Whether the article's headline is about another affair than the story: it names
        a country or world region the story does not, and no word of it is the story's own.

        A dominant actor is named by many stories ("Trump", "USA"), and a story of his one
        affair shares him, and often more, with his next: in January "Dänemark: Donald Trump
        bekräftigt Anspruch der USA auf Grönland" (lexical 0.37: "Trump", "USA", and
        "Venezuela" of its text) joined the story of the US attack on Venezuela, and "Trump
        drängt Kuba zu Deal" after it; the story had not named Greenland or Cuba. A place
        the whole stream names often ("USA", "Deutschland") says nothing of the affair, and
        a word that the story's members name far more often than the rest of the stream
        ("Gipfel" of a summit) keeps a new place (a summit's venue) in its story."""
        if not about.places:
            return False
        documents, df, size = self.vocabulary.documents, self.vocabulary.df, story.size
        share = max(1.0, _AFFAIR_SHARE * size)
        named = min(2.0, share)
        if not any(
            all(story.counts[key] < named for key in keys)
            and max(df.get(key, 0) for key in keys) < _AFFAIR_RARE * documents
            for keys in about.places
        ):
            return False
        for word in about.words:
            count = story.counts[word]
            if count < share:
                continue
            elsewhere = (df.get(word, 0) - count) / max(1, documents - size)
            if count / size >= _AFFAIR_OWN * max(elsewhere, 1e-3):
                return False
        return True

    def _score_embeddings(self, prof: Profile, scored: list[_Scored]) -> None:
        for s in scored:
            members = [m.embedding for m in s.story.recent if m.embedding is not None]
            embedding = max(
                (embedding_score(prof.embedding, v, self.weights) or 0.0)
                for v in [s.story.vector(), *members]
            )
            if s.story.anchored:
                # Close to some recent member is not enough: a member that bridged to a
                # neighbouring event (Greenland after Venezuela) would pull that event in.
                founding = embedding_score(prof.embedding, s.story.founding_vector(), self.weights)
                embedding = min(embedding, founding or 0.0)
            s.embedding = embedding
            s.score = combine(s.lexical, embedding, s.time, self.weights)
            if s.lexical < self._unsure and prof.language == _HOME_LANGUAGE:
                # A German article that shares (almost) no words with a story does not join
                # it by the embedding's closeness alone: that is closeness of topic ("Tote
                # bei massiven russischen Angriffen auf Kiew", lexical 0.04, had joined the
                # story of the US peace plan for Ukraine at 0.25). The cascade starts a
                # new story below the same bound; a foreign-language article is matched by
                # its embedding, since its words rarely meet German ones (study 97).
                s.score = 0.0

    def _embed(self, profiles: list[Profile], members: list[Profile]) -> None:
        """The article's and some members' vectors, in one batch. A member's vector made
        now was not stored with it: ``late_vectors`` hands it to the store, so that a
        restarted engine scores its story as this one does (without it, an ingest run
        again after a stop grouped 15 of 255 articles otherwise, review 36)."""
        fresh = [m for m in members if m.embedding is None]
        embed_profiles(self.embedder, [*profiles, *members])
        if self.keep_late:
            self._late.update((m.id, m.embedding) for m in fresh if m.embedding is not None)

    def late_vectors(self) -> list[tuple[str, Vector]]:
        """The members embedded since the last call, by article id (with ``keep_late``)."""
        late, self._late = list(self._late.items()), {}
        return late

    # --- decisions ----------------------------------------------------------------------

    def _decide(
        self,
        prof: Profile,
        scored: list[_Scored],
        seen: datetime,
        threshold: float,
        prior: bool = True,
        *,
        why: str,
        nearest: _Scored | None = None,
    ) -> Assignment:
        """``nearest``: the candidate to give as the reason where none is ``scored`` (the
        article shared too little with any to be compared further)."""
        for s in scored:
            s.prior = size_prior(s.story.size, self.weights) if prior else 1.0
            s.score *= s.prior
        ranked = sorted(scored, key=lambda s: -s.score)
        if _log.isEnabledFor(logging.DEBUG):
            _trace(prof, ranked, threshold, why)
        best = ranked[0] if ranked else nearest
        if not ranked or ranked[0].score < threshold:
            story = self._new_story(new_story_id(prof.id), seen)
            reason = _reason(prof, best, threshold, why, story.id, ())
            self._join(story, prof, seen)
            return Assignment(story.id, True, encode_features(prof, self._backend, seen), reason)
        story = ranked[0].story
        merged = [
            s.story
            for s in ranked[1:]
            if s.story.id != story.id
            and (s.score >= threshold + _MERGE_MARGIN or self._same_founding(story, s, threshold))
        ]
        survivor = min([story, *merged], key=lambda s: (s.first, s.id))
        absorbed = [s.id for s in [story, *merged] if s is not survivor]
        # Before the article joins: the shared terms are those it was judged by.
        reason = _reason(prof, best, threshold, why, survivor.id, tuple(absorbed))
        for other in [story, *merged]:
            if other is not survivor:
                self._merge(other, survivor)
        self._join(survivor, prof, seen)
        features = encode_features(prof, self._backend, seen)
        parts = self._split(survivor)
        home = next((p.id for p in parts if prof.id in p.members), survivor.id)
        if home != survivor.id:
            reason = replace(reason, story_id=home, split_from=survivor.id)
        split = [(survivor.id, p.id, [m.id for m, _ in p.joined]) for p in parts[1:]]
        if _log.isEnabledFor(logging.DEBUG):
            _trace_changes(survivor.id, absorbed, split)
        return Assignment(home, False, features, reason, absorbed, split)

    def _split(self, story: _Story) -> list[_Story]:
        """The parts of a grown story whose members fall into separate groups, the part of
        its first member (which keeps the id) first; none where it stays whole.

        Checked each time the story's size passes a multiple of ``_SPLIT_EVERY`` (12, 24,
        36, ...; a story warmed from the store counts from the size it came with, so that a
        restarted engine looks where the running one would), so that the cost stays
        bounded (a few stories a month grow that large, and a check of 100 members takes
        milliseconds). Whether and how the members fall apart is
        ``splitting.separate_groups``; each part is rebuilt member by member in the order
        they joined."""
        if story.size // _SPLIT_EVERY <= story.checked // _SPLIT_EVERY:
            return []
        story.checked = story.size
        profiles = [m for m, _ in story.joined]
        self._embed([], profiles)
        groups = separate_groups(profiles, self.weights)
        if groups is None:
            return []
        self._drop(story)
        parts = []
        for n, group in enumerate(groups):
            members = [story.joined[i] for i in group]
            if n == 0:
                part_id = story.id
            else:
                seed = f"split {story.id} {' '.join(m.id for m, _ in members)}"
                part_id = self.unused_id(seed) if self.unused_id else new_story_id(seed)
            part = self._new_story(part_id, members[0][1])
            for member, seen in members:
                self._join(part, member, seen)
            part.checked = part.size
            parts.append(part)
        return parts

    def _same_founding(self, best: _Story, other: _Scored, threshold: float) -> bool:
        """Whether a second story the article also joins was founded on the same event.

        The first hours of a big story start several small ones (November's US peace plan
        came as stories of 17 and 2 articles and single ones); an article that matches two
        of them binds them. One of the two must still be all founding members: two long
        stories whose founders are close may have grown into different events since.
        The second story must reach the cut the decision is made at: for a sure lexical
        match that is the sure bound, since its scores are lexical alone (two stories of
        one shooting, 0.63 and 0.20, had stayed apart under the threshold 0.24).
        """
        if other.score < threshold or min(best.size, other.story.size) > _FOUNDING:
            return False
        score = embedding_score(
            self._founding_mean(best), self._founding_mean(other.story), self.weights
        )
        return (score or 0.0) >= _SAME_FOUNDING

    def _founding_mean(self, story: _Story) -> Vector | None:
        """The founding members' summed embedding, embedding those that lack one without
        keeping it: a kept vector would also change later scores, as a recent member's."""
        bare = [m.embed_text for m in story.founding if m.embedding is None]
        extra = list(self.embedder.encode(bare)) if bare and self.embedder is not None else []
        return story.founding_vector(extra)

    def _new_story(self, story_id: str, seen: datetime) -> _Story:
        story = _Story(story_id, seen, seen)
        self._stories[story_id] = story
        return story

    def _join(self, story: _Story, prof: Profile, seen: datetime, latest: bool = True) -> None:
        """Without ``latest`` (a stored member recalled into a story the engine holds) the
        member neither displaces the story's latest members nor retitles it: members of 15
        August recalled into a story of 21 August had made it "... treffen sich Freitag in
        Alaska" again (review 58)."""
        story.members.add(prof.id)
        story.joined.append((prof, seen))
        story.terms.update(prof.terms)
        story.counts.update(prof.terms.keys())
        if prof.embedding is not None:
            story.vector_sum = _plus(story.vector_sum, prof.embedding)
        if latest:
            story.recent.append(prof)
        elif len(story.recent) < _RECENT:
            story.recent.appendleft(prof)
        if len(story.founding) < _FOUNDING:
            story.founding.append(prof)
        story.size += 1
        story.first, story.last = min(story.first, seen), max(story.last, seen)
        if prof.when is not None:
            story.published = max(story.published or prof.when, prof.when)
            story.earliest = min(story.earliest or prof.when, prof.when)
        for key in _keys(prof):
            if key not in story.keys:
                story.keys.add(key)
                self._postings[key].add(story.id)
        if latest:
            _choose_headline(story)

    def _merge(self, gone: _Story, into: _Story) -> None:
        into.members |= gone.members
        into.joined.extend(gone.joined)
        into.terms.update(gone.terms)
        into.counts.update(gone.counts)
        if gone.vector_sum is not None:
            into.vector_sum = _plus(into.vector_sum, gone.vector_sum)
        into.recent.extend(gone.recent)
        into.founding.extend(gone.founding[: _FOUNDING - len(into.founding)])
        into.size += gone.size
        into.first, into.last = min(into.first, gone.first), max(into.last, gone.last)
        if gone.published is not None:
            into.published = max(into.published or gone.published, gone.published)
        if gone.earliest is not None:
            into.earliest = min(into.earliest or gone.earliest, gone.earliest)
        self._drop(gone)
        self._aliases[gone.id] = into.id
        for key in gone.keys - into.keys:
            into.keys.add(key)
            self._postings[key].add(into.id)

    def _recall(self, published: datetime | None) -> None:
        """An article older than the window (an archive read after the news) meets the
        stored stories of its own time: they had been left out of the window, and it
        started a story of its own (review 56). The engine asks the store for the articles
        of two windows either side that it has not asked for yet, so that an archive read
        in either order asks once a window, and takes in those it does not hold, into the
        stories it holds too (a story with one member in this week's news had got back
        none of its members of last year; review 57)."""
        if self.recall is None or published is None or not self._of_an_archive(published):
            return
        self._recalling = True
        known = self._recalled
        if known and known[0] <= published - self.window and published + self.window <= known[1]:
            return
        since, until = published - 2 * self.window, published + 2 * self.window
        held = {member for story in self._stories.values() for member in story.members}
        stories = frozenset(self._stories)
        for first, last in _not_yet(known, since, until):
            rows = (r for r in self.recall(first, last) if r[0].id not in held)
            self.warm(rows, False, self.stored_title, stories)
        if known and known[0] <= until and since <= known[1]:
            since, until = min(since, known[0]), max(until, known[1])
        # What lies far from the article is let go: its stories leave at the next evictions.
        reach = 3 * self.window
        self._recalled = (max(since, published - reach), min(until, published + reach))

    # --- memory bounded by the window ---------------------------------------------------

    def _advance(self, published: datetime | None, seen: datetime) -> None:
        """Move the clocks that evict stories: dated stories go by the latest publication
        time, undated ones by the latest time an undated article was read. One clock for
        both had an undated article read today, then last year's news, evict every story
        of the news at the next pass, while an engine warmed from the store kept them."""
        self._tick(published, seen)
        self._added += 1
        if self._added % _EVICT_EVERY == 0:
            if not self._recalling:  # the archive is read: its stories go by the clock
                self._recalled = None
            self._recalling = False
            for story in [s for s in self._stories.values() if self._expired(s)]:
                self._drop(story)

    def _tick(self, published: datetime | None, seen: datetime) -> None:
        if published is not None:
            self._now = max(self._now or published, published)
        else:
            self._read = max(self._read or seen, seen)

    def _expired(self, story: _Story) -> bool:
        """Outside the window, and outside the span an archive read now recalled: memory
        stays bounded by the two."""
        clock = self._now if story.published is not None else self._read
        recalled = self._recalled
        if (
            recalled
            and story.published
            and recalled[0] <= story.last
            and story.first <= recalled[1]
        ):
            return False
        return clock is not None and story.last < clock - self.window

    def _drop(self, story: _Story) -> None:
        self._stories.pop(story.id, None)
        for key in story.keys:
            posting = self._postings.get(key)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[key]


def warm_up(options: Options) -> None:
    """Load what scoring articles needs (the lemma dictionary, the embedding model) before
    a request does: a server's first story page took 2.3 s, the next 0.2 s. And the
    gazetteer, which a story's report reads for the country of its events' actors' offices
    ("US-Präsident", a city's country): 0.1-0.2 s of a first story page (review 254)."""
    sample = Article(id="warm-up", title="Probe", text="Die Häuser standen lange leer.")
    prof = profile(sample, Vocabulary(), None)
    embed_profiles(get_embedder(options.embedding_backend), [prof])
    load_gazetteer()


def _embedded_text(item: tuple[Article, datetime]) -> str:
    return embed_text(item[0].title, item[0].text)


def embed_profiles(embedder: Embedder | None, profiles: list[Profile]) -> None:
    """Fill in the embeddings the profiles lack, in one batch (much faster than one call
    per text)."""
    todo = [p for p in profiles if p.embedding is None]
    if embedder is None or not todo:
        return
    for p, vector in zip(todo, embedder.encode([p.embed_text for p in todo]), strict=True):
        p.embedding = vector


def _choose_headline(story: _Story) -> None:
    """Keep the story's title while its member stays near the story's centre (the other
    members' terms), else take the most central of its founding and latest members.

    A story used to keep its founding article's title for good; review 25 found 6 of 26
    titles misleading, 5 among the 8 largest stories, which had grown into a war or a peace
    plan under the title of their first incident ("Zwei ukrainische Minister treten
    zurück" over 40 articles, most of them on the US peace plan). Always the most central
    member would trade a coherent story's opening report for a later detail and make
    titles change with every article; the margin keeps them until the story has moved.
    """
    current = story.headline
    if current is None:
        story.headline = story.recent[-1]
        return
    # A title of a word or two ("Flugverkehr") names a topic, not what happened.
    titled = [m for m in [*story.founding, *story.recent] if len(m.title.split()) >= 3]
    best = max(titled, key=story.centrality, default=current)
    if story.centrality(current) < _KEEP_TITLE * story.centrality(best):
        story.headline = best


def _not_yet(
    known: tuple[datetime, datetime] | None, since: datetime, until: datetime
) -> list[tuple[datetime, datetime]]:
    """The parts of the span from ``since`` to ``until`` outside the span ``known``."""
    if known is None or known[1] < since or until < known[0]:
        return [(since, until)]
    parts = [(since, known[0]), (known[1], until)]
    return [(first, last) for first, last in parts if first < last]


def _on_common_words(prof: Profile, story: _Story) -> bool:
    """Whether a sure lexical match rests on common words alone: the story is a single
    article and shares no named entity with this one. Two reports of deaths and injuries
    ("Etwa 40 Tote und 115 Verletzte nach Brand in Skiort", "Tote und Verletzte bei
    Unfällen und Krawallen") scored 0.22 on "Tote" and "Verletzte" on the first day of a
    stream, whose young IDF weighs every word high, and the mixed story's founding
    members then held the fire's later reports out. Such a match is embedded and decided
    like an unsure one; a larger story has shown what it is about."""
    return story.size < 2 and not any(t.startswith("@") and t in story.terms for t in prof.terms)


def _keys(prof: Profile) -> list[str]:
    return prof.salient + ["@" + e for e in prof.entities]


def new_story_id(seed: str) -> str:
    """A story's id from what started it (its first article's id, or a split)."""
    return "s" + hashlib.sha256(seed.encode()).hexdigest()[:12]


def _plus(total: Vector | None, vector: Vector) -> Vector:
    return vector.copy() if total is None else total + vector
