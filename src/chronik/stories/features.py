"""What the story engine knows of an article, and the one similarity it uses (0..1).

A ``Profile`` holds an article's salient lemmas with TF-IDF weights (frozen when the article
arrives, so a later article never changes an earlier score), its entity ids, its time and,
when computed, its sentence embedding. Entity ids count as terms ("@id"), so TF-IDF weighs a
shared rare name high and a shared common one low. ``similarity`` combines lemma cosine,
embedding cosine and time distance; ``chronik eval similarity`` measures exactly this.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from chronik.analysis.entities import is_broad
from chronik.analysis.german import ends_in_word
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.analysis.sentences import first_sentence, lead_line
from chronik.model import Article

Vector = npt.NDArray[np.float32]

_TOKEN = re.compile(r"[^\W\d_][\w-]*[^\W_]|[^\W\d_]{2}", re.UNICODE)
_TERMS_KEPT = 40
_EMBED_CHARS = 300
_DF_SMOOTHING = 2


@dataclass(frozen=True, slots=True)
class Weights:
    """How the components combine; tuned on the labelled development set (docs/stories.md)."""

    lexical: float = 0.5
    embedding: float = 0.5
    half_life_days: float = 5.0
    # Embedding cosines of unrelated news rarely fall below this; [floor, 1] maps to [0, 1].
    # ``Embedder.floor`` sets it per model (engine, evaluation); 0.2 is USE's.
    embedding_floor: float = 0.2
    # Lexical-only scores (embedding left out) below ``lexical_unsure`` start a new story and
    # at or above ``lexical_sure`` join one without computing an embedding.
    lexical_unsure: float = 0.07
    lexical_sure: float = 0.2
    # The story threshold these two were tuned at; the engine scales them to its own.
    tuned_threshold: float = 0.24
    # A prior on story size: the score grows by this fraction per doubling of a story's size,
    # relative to a story of ``size_reference`` articles, up to ``size_cap`` (``size_prior``).
    size_prior: float = 0.08
    size_reference: int = 4
    size_cap: int = 8


@dataclass(slots=True)
class Profile:
    id: str
    terms: dict[str, float]
    entities: frozenset[str]
    when: datetime | None
    language: str
    embed_text: str
    embedding: Vector | None = None
    title: str = ""  # the article's headline as lists show it (`story_title`)

    @property
    def salient(self) -> list[str]:
        """The heaviest terms: the keys of the inverted index."""
        ranked = sorted(self.terms.items(), key=lambda kv: -kv[1])
        return [t for t, _ in ranked[:12]]


@dataclass(slots=True)
class Vocabulary:
    """Online document frequencies for IDF; halves when large to forget old vocabulary."""

    documents: int = 0
    df: Counter[str] = field(default_factory=Counter)
    limit: int = 200_000
    # What changed since the last `take_changes`, for a store to save: the terms counted,
    # or all of them where the saved ones are stale (halved here, or counted anew).
    changed: set[str] = field(default_factory=set)
    stale: bool = False
    # The terms of the document counted last, until the next halving: an article whose
    # assignment fails after it was counted (its embedding, say) is taken out again.
    last: set[str] | None = None

    def add(self, terms: set[str]) -> None:
        self.documents += 1
        self.df.update(terms)
        self.changed |= terms
        self.last = set(terms)
        if len(self.df) > self.limit:
            self.documents //= 2
            self.df = Counter({t: c // 2 for t, c in self.df.items() if c > 1})
            self.stale, self.last = True, None

    def forget_last(self) -> None:
        """Uncount the document counted last (nothing after a halving, which forgot it)."""
        if self.last is None:
            return
        self.documents -= 1
        self.df.subtract(self.last)
        self.df = +self.df  # drop the terms that reach zero
        self.changed |= self.last
        self.last = None

    def take_changes(self) -> tuple[dict[str, int], bool] | None:
        """The frequencies that changed since the last call, and whether they are all
        there are now (to replace the saved ones); None when nothing changed."""
        if not self.changed and not self.stale:
            return None
        whole = self.stale
        changed = dict(self.df) if whole else {t: self.df[t] for t in self.changed}
        self.changed, self.stale = set(), False
        return changed, whole

    def idf(self, term: str) -> float:
        # Smoothed by two pseudo-documents, not one: a word the stream has never or once seen
        # ("Knackpunkt", a reporter's name) otherwise outweighed the names and words that
        # the article shares with its story, and long analyses of a big story split off.
        seen = self.df.get(term, 0)
        return math.log((self.documents + 1 + _DF_SMOOTHING) / (seen + _DF_SMOOTHING)) + 1.0


def _data(name: str) -> Any:
    """A JSON file of the package's stories/data."""
    return json.loads(resources.files("chronik.stories").joinpath(f"data/{name}").read_text())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w for words in _data("stopwords.json").values() for w in words)


@lru_cache(maxsize=1)
def _false_heads() -> frozenset[str]:
    """Words that end others without being their head (data/compounds.json)."""
    return frozenset(_data("compounds.json")["false_heads"])


@lru_cache(maxsize=200_000)
def _lemma(token: str, language: str) -> str:
    return lemmatize(token, lang=_lemma_languages(language)).lower()


def lemma(token: str, language: str = "de") -> str:
    """simplemma's lemma of a word, in lower case ("Landesbetriebs" -> "landesbetrieb")."""
    return _lemma(token, language)


@lru_cache(maxsize=256)
def _lemma_languages(language: str) -> tuple[str, ...]:
    """The article's language and German, or German alone where simplemma has no
    dictionary for it (Chinese, Japanese, an unknown code in the input)."""
    if language == "de":
        return ("de",)
    try:
        lemmatize("Test", lang=(language, "de"))
    except ValueError:
        return ("de",)
    return (language, "de")


def lemmas(text: str, language: str = "de") -> list[str]:
    """Content lemmas of ``text``: lower-cased, without stop words and short tokens."""
    stop = _stopwords()
    out = []
    for token in _TOKEN.findall(text):
        if len(token) < 3 or token.lower() in stop:
            continue
        lemma = _lemma(token, language)
        if lemma not in stop:
            out.append(lemma)
    return out


def compound_heads(article: Article, language: str) -> set[str]:
    """The heads of the compounds a German article writes: of its capitalised words, as
    German writes its nouns (not "russisch" nor "beschließen", whose endings are words)."""
    if language != "de":
        return set()
    text = f"{article.title}\n{article.text}"  # a feed's text may leave its title out
    words = {token for token in _TOKEN.findall(text) if token[:1].isupper()}
    return {compound_head(_lemma(word, language)) for word in words} - {""}


@lru_cache(maxsize=100_000)
def compound_head(lemma: str) -> str:
    """The lemma of a compound's head, "" for a word that is none: "lager" for
    "flüchtlingslager", "stand" for "notstand" (the longest head simplemma knows whose
    first part is a word of three letters or more, itself or less a linking "s", "es",
    "n", "en", "e" or "er"), "krieg" for "ukraine-krieg" (the last part of a hyphenated
    one). Words of 8 to 60 letters only."""
    if "-" in lemma:
        last = lemma.rsplit("-", 1)[1]
        return _lemma(last.capitalize(), "de") if len(last) > _MIN_PART else ""
    if not _MIN_COMPOUND <= len(lemma) <= _MAX_COMPOUND or not lemma.isalpha():
        return ""  # a run of letters with no space is no word to split: quadratic
    for cut in range(_MIN_PART, len(lemma) - _MIN_PART):
        head = lemma[cut:]
        if _lemma(head.capitalize(), "de") != head or not is_known(head, lang="de"):
            continue  # a form, not a noun's lemma: "scher" of "deutscher", "ließen"
        if head in _false_heads():
            continue
        if ends_in_word(lemma[:cut], _LINKS, whole=True):
            return head
    return ""


@lru_cache(maxsize=100_000)
def first_parts(compound: str) -> frozenset[str]:
    """The words that are the part a compound's head follows, itself or less a linking
    "s", "es", "n", "en", "e" or "er": "gipfel" of "gipfeltreffen", "kriegs" and "krieg" of
    "kriegsplan", "geisel" of "geisel-freilassung"; none for a word that is no compound.
    Worked out once per compound, a set to look words up in: a story's timeline asks it of
    each pair of words of two sentences."""
    head = compound_head(compound)
    if not head:
        return frozenset()
    first = compound.rsplit("-", 1)[0] if "-" in compound else compound[: -len(head)]
    unlinked = (first[: -len(link)] for link in _LINKS if first.endswith(link))
    return frozenset((first, *unlinked))


_MIN_COMPOUND = 8  # letters
_MAX_COMPOUND = 60
_MIN_PART = 3
_LINKS = ("s", "es", "n", "en", "e", "er")


def entity_ids(article: Article) -> frozenset[str]:
    """The entities that tell stories apart: not countries and world regions, which half of
    all news names, and not mentions derived from a name."""
    broad = {e.id for e in article.entities if is_broad(e)}
    ids = {m.entity_id for m in article.mentions if m.entity_id and not m.derived}
    return frozenset(ids - broad)


def embed_text(title: str, text: str) -> str:
    """The headline and lead: what the embedding sees (short keeps it fast)."""
    if text.startswith(title):
        return text[: _EMBED_CHARS + len(title)]
    return f"{title}. {text[:_EMBED_CHARS]}"


def headline(title: str, text: str) -> str:
    """The headline without its kicker: "Nahost: Israel rückt vor" -> "Israel rückt vor".

    A kicker names the broad topic ("Nahost", "USA", "Ukraine-Krieg") that many stories
    share; weighed like the headline, it pulled the stories of one topic together. A title
    that is only a kicker ("Nahost:", a third of one news stream) gives way to the first
    sentence of the text after it.
    """
    title = title.strip()
    if title.endswith(":"):
        return _lead(title, text)
    _, colon, head = title.partition(": ")
    return head if colon and head.strip() else title


def _lead(title: str, text: str) -> str:
    """The first sentence of the text after the title: where the text opens with it, after
    it, if it is a kicker ("Nahost:") or a line of its own; else the text's first."""
    rest = text.removeprefix(title)
    apart = rest != text and (title.endswith(":") or rest[:1] in ("", "\n", "\r"))
    return first_sentence((rest if apart else text).strip())


def story_title(title: str, text: str) -> str:
    """A story's title from its first article, and an article's as lists show it: its
    title without a live ticker's plus signs ("++ Trump droht Iran ++"), or for a title
    that is only a kicker, "Nahost:" or a word alone ("Haushalt", as zeit.de's teasers
    are titled), the kicker with a colon and the first sentence of the text, cut to a line."""
    title = _TICKER_MARKS.sub("", title).strip()
    if title.endswith(":"):
        kicker = title
    elif len(title.split()) == 1 and title[-1].isalnum():
        kicker = f"{title}:"  # a word ending in "!" or "?" is a headline of its own
    else:
        return title
    lead = lead_line(_lead(title, text))
    return f"{kicker} {lead}" if lead else title


_TICKER_MARKS = re.compile(r"^\s*\++\s+|\s+\++\s*$")


def term_counts(article: Article) -> Counter[str]:
    language = (article.language or "de")[:2]
    # The headline says what the story is: count its lemmas twice (the text repeats them).
    head = headline(article.title, article.text)
    counts = Counter(lemmas(head, language) * 2 + lemmas(article.text, language))
    # A compound's head once, as a term of its own: "Flüchtlingslager" and "Lager",
    # "Waffendepot" and "Depot" meet (docs/stories.md: its modifier as well cost November).
    # In order of spelling: terms of one weight keep the order they were counted in, and a
    # set's order changes from one process to the next (the same stream had come out in
    # other stories, 0.2858 or 0.2933 pairwise F1 on April's labels by the hash seed).
    counts.update(sorted(compound_heads(article, language) - set(counts)))
    # Entities are terms too, weighed by rarity: a shared rare name says much, a shared
    # "Deutschland" little (a plain overlap of entity sets cost 6 points of dev F1).
    # Their ids are the same in every language, unlike lemmas.
    counts.update("@" + m.entity_id for m in article.mentions if m.entity_id and not m.derived)
    # What happened to whom: an event type with each of its actors tells apart stories that
    # share their main actor ("threaten" with Greenland, "attack" with Venezuela).
    counts.update(f"ev:{e.type}:{actor}" for e in article.events for actor in e.actors if actor)
    return counts


@dataclass(frozen=True, slots=True)
class Topic:
    """What an article's headline is about, to tell one affair of an actor from the next
    (``StoryEngine._other_affair``): the countries and world regions the headline names,
    each as its lemmas and entity term, and the terms of the headline's capitalised words,
    their compound heads and those places, without the people it names (a person acts in
    many affairs)."""

    places: tuple[tuple[str, ...], ...] = ()
    words: frozenset[str] = frozenset()


def topic(article: Article) -> Topic:
    """The headline's places and words (``Topic``); the headline as ``headline`` gives it,
    found in the text, whose mentions the analysis marked."""
    language = (article.language or "de")[:2]
    head = headline(article.title, article.text)
    at = article.text.find(head) if head else -1
    if at < 0:
        return Topic()
    broad = {e.id for e in article.entities if is_broad(e)}
    places: list[tuple[str, ...]] = []
    people: set[str] = set()
    for mention in article.mentions:
        if mention.derived or not at <= mention.start < mention.end <= at + len(head):
            continue
        keys = tuple(lemmas(mention.text, language))
        if mention.type == "PER":
            people.update(keys)
        elif mention.entity_id in broad:
            keys += ("@" + mention.entity_id,)
            if keys not in places:
                places.append(keys)
    if not places:
        return Topic()  # its words are asked for only with a place
    capitals = [token for token in _TOKEN.findall(head) if token[:1].isupper()]
    words = set(lemmas(" ".join(capitals), language))
    if language == "de":
        words |= {compound_head(word) for word in words} - {""}
    words |= {key for keys in places for key in keys}
    return Topic(tuple(places), frozenset(words - people))


def profile(
    article: Article, vocabulary: Vocabulary, when: datetime | None, learn: bool = True
) -> Profile:
    """The article's profile; with ``learn`` its terms count into ``vocabulary`` first."""
    counts = term_counts(article)
    if learn:
        vocabulary.add(set(counts))
    return Profile(
        id=article.id,
        terms=weigh(counts, vocabulary),
        entities=entity_ids(article),
        when=when,
        language=(article.language or "de")[:2],
        embed_text=embed_text(article.title, article.text),
        title=story_title(article.title, article.text),
    )


def weigh(counts: Counter[str], vocabulary: Vocabulary) -> dict[str, float]:
    """Sub-linear TF times IDF, the strongest terms kept, L2-normalised."""
    raw = {t: (1 + math.log(c)) * vocabulary.idf(t) for t, c in counts.items()}
    kept = sorted(raw.items(), key=lambda kv: -kv[1])[:_TERMS_KEPT]
    return normalised(dict(kept))


def normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # Skipping the terms b lacks gives the same sum (each added 0.0) in under half the time:
    # the engine computes some 30 cosines an article.
    return sum(w * b[t] for t, w in a.items() if t in b)


def shared_terms(a: Mapping[str, float], b: Mapping[str, float], most: int) -> list[str]:
    """The terms that give ``cosine(a, b)`` most of its sum, heaviest first."""
    if len(a) > len(b):
        a, b = b, a
    parts = sorted(((w * b[t], t) for t, w in a.items() if t in b), key=lambda p: (-p[0], p[1]))
    return [t for _, t in parts[:most]]


def embedding_score(a: Vector | None, b: Vector | None, weights: Weights) -> float | None:
    if a is None or b is None:
        return None
    cos = float(np.dot(a, b)) / (float(np.linalg.norm(a) * np.linalg.norm(b)) or 1.0)
    return min(1.0, max(0.0, (cos - weights.embedding_floor) / (1 - weights.embedding_floor)))


def time_factor(a: datetime | None, b: datetime | None, weights: Weights) -> float:
    """1 for the same moment, 0.5 at one half-life apart, never below 0.25. Between a dated
    and an undated side the distance is unknown, not nil: one half-life."""
    if a is None and b is None:
        return 1.0
    if a is None or b is None:
        return _ONE_UNDATED
    days = abs((a - b).total_seconds()) / 86400
    return max(_TIME_FLOOR, float(0.5 ** (days / weights.half_life_days)))


# The time factor's least value, and its value between a dated and an undated article.
_TIME_FLOOR = 0.25
_ONE_UNDATED = 0.5


def size_prior(size: int, weights: Weights) -> float:
    """The factor a story's size puts on its score: 1 at ``size_reference`` articles,
    ``1 + size_prior`` per doubling above it (no further above ``size_cap``), less below.

    A story that has drawn many articles is likely to draw the next one (the prior of a
    Chinese restaurant process grows with the log of the size); a single article must be
    matched more closely. Without it, large developing stories split and single articles
    paired off with their nearest neighbour on a shared topic word. A factor, not a sum,
    so that it means the same for the lexical-only scale (``embedding_backend=none``).
    """
    doublings = math.log2(min(max(size, 1), weights.size_cap) / weights.size_reference)
    return 1.0 + weights.size_prior * doublings


def combine(
    lexical: float,
    embedding: float | None,
    time: float,
    weights: Weights,
) -> float:
    """Weighted mean of the available components, scaled by the time factor."""
    parts = [(weights.lexical, lexical)]
    if embedding is not None:
        parts.append((weights.embedding, embedding))
    total = sum(w for w, _ in parts)
    return time * sum(w * v for w, v in parts) / total


def similarity(a: Profile, b: Profile, weights: Weights | None = None) -> float:
    """How likely two articles tell the same story, 0..1."""
    weights = weights or Weights()
    return combine(
        cosine(a.terms, b.terms),
        embedding_score(a.embedding, b.embedding, weights),
        time_factor(a.when, b.when, weights),
        weights,
    )


def similarities(profiles: Sequence[Profile], weights: Weights | None = None) -> np.ndarray:
    """``similarity`` of every pair of the profiles, as a symmetric matrix (the diagonal 0),
    computed as matrix products: a story's hundred members in milliseconds."""
    weights = weights or Weights()
    n = len(profiles)
    index: dict[str, int] = {}
    for p in profiles:
        for t in p.terms:
            index.setdefault(t, len(index))
    terms = np.zeros((n, len(index)))
    for i, p in enumerate(profiles):
        for t, w in p.terms.items():
            terms[i, index[t]] = w
    lexical = terms @ terms.T
    has = np.array([p.embedding is not None for p in profiles])
    score = lexical
    if has.any():
        dim = next(len(p.embedding) for p in profiles if p.embedding is not None)
        vectors = np.array(
            [p.embedding if p.embedding is not None else np.zeros(dim) for p in profiles],
            dtype=np.float64,
        )
        norms = np.linalg.norm(vectors, axis=1)
        vectors /= np.where(norms > 0, norms, 1.0)[:, None]
        floor = weights.embedding_floor
        embedding = np.clip((vectors @ vectors.T - floor) / (1 - floor), 0.0, 1.0)
        both = has[:, None] & has[None, :]
        mixed = (weights.lexical * lexical + weights.embedding * embedding) / (
            weights.lexical + weights.embedding
        )
        score = np.where(both, mixed, lexical)
    dated = np.array([p.when is not None for p in profiles])
    stamps = np.array([p.when.timestamp() if p.when is not None else 0.0 for p in profiles])
    days = np.abs(stamps[:, None] - stamps[None, :]) / 86400
    time = np.maximum(_TIME_FLOOR, 0.5 ** (days / weights.half_life_days))
    time = np.where(dated[:, None] & dated[None, :], time, _ONE_UNDATED)
    time = np.where(~dated[:, None] & ~dated[None, :], 1.0, time)
    out = score * time
    np.fill_diagonal(out, 0.0)
    return out
