"""A simple story rule: an article joins the story whose salient terms it shares most,
within a time window. The story engine replaces it; the interface is the same."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import simplemma

from chronik.model import Article
from chronik.options import Options

_WORD = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]{2,}\b")
_STOP = frozenset("Der Die Das Ein Eine Und Mit Für Bei Nach Seit Wie Was Wer Auch Es Sie".split())


@dataclass
class Assignment:
    story_id: str
    is_new: bool
    score: float
    features: bytes
    merged: list[str] = field(default_factory=list)


@dataclass
class _Story:
    id: str
    title: str
    terms: Counter[str]
    last: datetime


class SimpleStoryEngine:
    def __init__(self, options: Options) -> None:
        self.window = timedelta(days=options.story_window_days)
        self.threshold = options.story_threshold
        self._stories: dict[str, _Story] = {}

    def add(self, article: Article, seen: datetime) -> Assignment:
        terms = salient_terms(article)
        best, score = self._best(terms, seen)
        features = json.dumps(sorted(terms)).encode("utf-8")
        if best is None or score < self.threshold:
            story_id = "s" + hashlib.sha256(article.id.encode()).hexdigest()[:12]
            self._stories[story_id] = _Story(story_id, article.title, Counter(terms), seen)
            return Assignment(story_id, True, score, features)
        best.terms.update(terms)
        best.last = max(best.last, seen)
        return Assignment(best.id, False, score, features)

    def _best(self, terms: set[str], seen: datetime) -> tuple[_Story | None, float]:
        best, best_score = None, 0.0
        for story in self._stories.values():
            if abs(seen - story.last) > self.window or not terms:
                continue
            shared = sum(1 for t in terms if t in story.terms)
            score = shared / min(len(terms), len(story.terms))
            if score > best_score:
                best, best_score = story, score
        return best, best_score

    def warm(self, items: Iterable[tuple[Article, datetime, bytes]]) -> None:
        for article, seen, features in items:
            if not article.story_id:
                continue
            terms = set(json.loads(features)) if features else salient_terms(article)
            story = self._stories.setdefault(
                article.story_id, _Story(article.story_id, article.title, Counter(), seen)
            )
            story.terms.update(terms)
            story.last = max(story.last, seen)

    def title(self, story_id: str) -> str:
        return self._stories[story_id].title


def salient_terms(article: Article) -> set[str]:
    """Lemmas of capitalised words (names and German nouns), and entity ids."""
    words = (w for w in _WORD.findall(article.text) if w not in _STOP)
    terms = {simplemma.lemmatize(w, lang="de").lower() for w in words}
    terms.update(m.entity_id for m in article.mentions if m.entity_id)
    return terms
